/* Text as customers send it: UTF-16 from PowerShell and Windows Installer,
 * CRLF, a 20 MB line, binary files, NUL bytes, and each kind told by its
 * content, never by its name. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sys/resource.h>

#include "logs_fixture.h"

/* UTF-8 TEXT as UTF-16 (BE when BE) after a BOM; *LEN its size. */
static unsigned char *utf16(const char *text, int be, int bom, size_t *len)
{
	const unsigned char *s = (const unsigned char *)text;
	unsigned char *out = malloc(strlen(text) * 4 + 2), *o = out;
	if (bom) {
		*o++ = be ? 0xfe : 0xff;
		*o++ = be ? 0xff : 0xfe;
	}
	while (*s) {
		unsigned c = *s++;
		if (c >= 0xf0) {
			c = (c & 7) << 18 | (s[0] & 0x3fu) << 12 | (s[1] & 0x3fu) << 6 | (s[2] & 0x3fu);
			s += 3;
		} else if (c >= 0xe0) {
			c = (c & 15) << 12 | (s[0] & 0x3fu) << 6 | (s[1] & 0x3fu);
			s += 2;
		} else if (c >= 0xc0) {
			c = (c & 31) << 6 | (s[0] & 0x3fu);
			s++;
		}
		unsigned u[2] = { c, 0 };
		int n = 1;
		if (c >= 0x10000) {
			u[0] = 0xd800 + ((c - 0x10000) >> 10);
			u[1] = 0xdc00 + ((c - 0x10000) & 0x3ff);
			n = 2;
		}
		for (int i = 0; i < n; i++) {
			*o++ = (unsigned char)(be ? u[i] >> 8 : u[i] & 0xff);
			*o++ = (unsigned char)(be ? u[i] & 0xff : u[i] >> 8);
		}
	}
	*len = (size_t)(o - out);
	return out;
}

static const char wevtutil[] =
	"Event[0]:\r\n"
	"  Log Name: Application\r\n"
	"  Source: Microsoft-Windows-NetworkDeviceEnrollmentService\r\n"
	"  Date: 2018-02-27T05:16:09.553\r\n"
	"  Event ID: 31\r\n"
	"  Level: Error\r\n"
	"  Computer: NDES01\r\n"
	"  Description: \r\n"
	"Le service d’inscription n’a pas pu soumettre la demande (0x80094800) 🔒.\r\n";

static void utf16le_with_bom_and_crlf_reads_as_utf8(void **state)
{
	(void)state;
	for (int be = 0; be < 2; be++) {
		size_t len;
		unsigned char *b = utf16(wevtutil, be, 1, &len);
		/* odd-sized reads split code units and surrogate pairs */
		collect *c = read_mem("ndes-events.txt", b, len, 7);
		assert_string_equal(c->kinds, "ndes-events.txt=event\n");
		assert_int_equal(c->n, 1);
		assert_string_equal(fld(c, 0, "provider"), "Microsoft-Windows-NetworkDeviceEnrollmentService");
		assert_string_equal(fld(c, 0, "id"), "31");
		assert_string_equal(c->r[0].text,
				    "Le service d’inscription n’a pas pu soumettre la demande (0x80094800) 🔒.");
		assert_string_equal(c->notes, "");
		collect_free(c);
		free(b);
	}
}

/* Out-File in PowerShell 5 writes UTF-16LE; some tools drop the BOM. */
static void utf16le_without_bom_is_recognised(void **state)
{
	(void)state;
	size_t len;
	unsigned char *b = utf16("Calling VerifyRequest ...\r\nVerify challenge returns true\r\n", 0, 0, &len);
	collect *c = read_mem("plugin.txt", b, len, 0);
	assert_string_equal(c->kinds, "plugin.txt=ndesplugin\n");
	assert_int_equal(c->n, 2);
	assert_string_equal(c->r[1].text, "Verify challenge returns true");
	assert_int_equal(c->r[1].line, 2);
	collect_free(c);
	free(b);
}

static void utf8_bom_is_dropped(void **state)
{
	(void)state;
	collect *c = read_str("NDESPlugin.log", "\xef\xbb\xbf" "Calling VerifyRequest ...\nExiting VerifyRequest with 0x0\n");
	assert_string_equal(c->r[0].text, "Calling VerifyRequest ...");
	assert_string_equal(c->r[0].kind, "ndesplugin");
	collect_free(c);
}

/* A generator of a 20 MB line, then a short one: never held whole. */
typedef struct {
	size_t left;
	int tail;
} big;

static ssize_t big_read(log_source *s, void *buf, size_t n)
{
	big *g = s->ctx;
	if (g->left) {
		size_t k = n < g->left ? n : g->left;
		memset(buf, 'A', k);
		g->left -= k;
		return (ssize_t)k;
	}
	if (g->tail)
		return 0;
	g->tail = 1;
	static const char rest[] = "\nVerify challenge returns true\n";
	memcpy(buf, rest, sizeof rest - 1);
	return sizeof rest - 1;
}

static long max_rss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static void a_20_mb_line_is_cut_in_bounded_memory(void **state)
{
	(void)state;
	log_sink sink;
	collect *c = collect_new(&sink);
	big g = { 20 * 1024 * 1024, 0 };
	log_source src = { .name = "huge.log", .read = big_read, .ctx = &g };
	long before = max_rss_kb();
	logs_read_source(&src, &sink);
	long grew = max_rss_kb() - before;
	assert_true(grew < 8 * 1024);
	assert_int_equal(c->n, 2);
	assert_int_equal(c->r[0].text_len, 64 * 1024);
	assert_int_equal(c->r[0].line, 1);
	assert_string_equal(c->r[1].text, "Verify challenge returns true");
	assert_int_equal(c->r[1].line, 2);
	assert_string_equal(c->notes, "huge.log: a line longer than 64 KiB was cut short\n");
	collect_free(c);
}

static void a_binary_file_is_skipped_with_a_note(void **state)
{
	(void)state;
	unsigned char bin[4096];
	for (size_t i = 0; i < sizeof bin; i++)
		bin[i] = (unsigned char)(i * 7 + 3);
	collect *c = read_mem("photo.jpg", bin, sizeof bin, 0);
	assert_int_equal(c->total, 0);
	assert_string_equal(c->kinds, "");
	assert_string_equal(c->notes, "photo.jpg: binary content, not a text log: skipped\n");
	collect_free(c);
	/* no NUL at all, but control bytes everywhere */
	for (size_t i = 0; i < sizeof bin; i++)
		bin[i] = (unsigned char)(1 + i % 8);
	c = read_mem("blob", bin, sizeof bin, 0);
	assert_int_equal(c->total, 0);
	assert_string_equal(c->notes, "blob: binary content, not a text log: skipped\n");
	collect_free(c);
}

static void a_nul_byte_later_ends_the_file(void **state)
{
	(void)state;
	size_t n = 20000, lines = 0;
	char *t = malloc(n + 128);  /* the last line may pass N; then the tail */
	size_t o = 0;
	while (o < n) {
		o += (size_t)sprintf(t + o, "Sending request to certificate registration point.\n");
		lines++;
	}
	memcpy(t + o, "Exiting\0VerifyRequest\nmore\n", 27);
	collect *c = read_mem("NDESPlugin.log", t, o + 27, 0);
	assert_int_equal(c->total, lines + 1);         /* "Exiting", the text before the NUL */
	assert_string_equal(c->notes, "NDESPlugin.log: a NUL byte: the rest of the file was skipped as binary\n");
	collect_free(c);
	free(t);
}

static void an_empty_file_gets_a_note(void **state)
{
	(void)state;
	collect *c = read_mem("empty.log", "", 0, 0);
	assert_int_equal(c->total, 0);
	assert_string_equal(c->notes, "empty.log: the file is empty\n");
	collect_free(c);
}

/* The first line of each kind, from the articles where they give one. */
static void kinds_are_told_by_content(void **state)
{
	(void)state;
	static const struct { const char *text, *kind; } cases[] = {
		{ "2018-02-27T05:16:08.2500000  VERB  Event  com.microsoft.omadm.platforms.android.certmgr."
		  "CertificateEnrollmentManager  18327    10  There are 1 requests\n", "omadm" },
		{ "2018-02-27T04:53:32.0390000    INFO    Event     com.microsoft.omadm.platforms.android.certmgr.state."
		  "NativeRootCertInstallStateMachine     9595       14    Root cert '17…' state changed from "
		  "CERT_INSTALLING to CERT_INSTALL_SUCCESS\n", "omadm" },
		{ "debug    18:30:53.691033 -0500    profiled    Performing synchronous URL request: "
		  "https://<server>-contoso.msappproxy.net/certsrv/mscep/mscep.dll?operation=GetCACert&message=SCEP%20Authority\\\n",
		  "ios" },
		{ "Feb 27 18:30:53 iPhone profiled[123] <Notice>: Sending CSR via GET.\n", "ios" },
		{ "2018-02-27 18:30:53.691033-0500  0x1a2b     Default     0x0                  123    0    profiled: "
		  "Attempting to retrieve issued certificate...\n", "ios" },
		{ "=== Verbose logging started: 2/27/2018  5:16:09  Build type: SHIP UNICODE 5.00.10011.00 ===\n", "msi" },
		{ "[0F5C:1A2C][2021-03-01T10:00:01]e000: Error 0x80070643: Failed to install MSI package.\n", "msi" },
		{ "Sending request to certificate registration point.\nVerify challenge returns true\n", "ndesplugin" },
		{ "WINHTTP_CALLBACK_STATUS_FLAG_CERT_CN_INVALID\nFailed to send http request "
		  "/CertificateRegistrationSvc/Certificate/VerifyRequest. Error 12175\n", "ndesplugin" },
		{ "<E2ETraceEvent xmlns=\"http://schemas.microsoft.com/2004/06/E2ETraceEvent\"><System/>"
		  "<ApplicationData>VerifyRequest Started.</ApplicationData></E2ETraceEvent>\n", "svclog" },
		{ "just a note the customer wrote\n", "text" },
		/* a customer's notes naming a log are not an event export */
		{ "Log Name: Application, as asked\nAn IIS log follows.\n", "text" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		collect *c = read_str("f", cases[i].text);
		char want[64];
		snprintf(want, sizeof want, "f=%s\n", cases[i].kind);
		if (strcmp(c->kinds, want))
			fail_msg("case %zu: %s, not %s", i, c->kinds, want);
		assert_true(c->total >= 1);
		assert_string_equal(c->r[0].kind, cases[i].kind);
		collect_free(c);
	}
}

static void line_times_are_read_where_the_log_gives_them(void **state)
{
	(void)state;
	collect *c = read_str("OMADM.log",
		"2018-02-27T05:16:28.0340000    VERB    Event     org.jscep.transaction.EnrollmentTransaction    18327"
		"       10    Response: org.jscep.message.CertRep@3150777b[failInfo=<null>,pkiStatus=SUCCESS]\n\n"
		"continued without a time\n");
	assert_int_equal(c->n, 2);
	assert_string_equal(c->r[0].time, "2018-02-27 05:16:28");
	assert_null(c->r[1].time);
	assert_int_equal(c->r[1].line, 3);             /* the empty line is counted, not a record */
	collect_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf16le_with_bom_and_crlf_reads_as_utf8),
		cmocka_unit_test(utf16le_without_bom_is_recognised),
		cmocka_unit_test(utf8_bom_is_dropped),
		cmocka_unit_test(a_20_mb_line_is_cut_in_bounded_memory),
		cmocka_unit_test(a_binary_file_is_skipped_with_a_note),
		cmocka_unit_test(a_nul_byte_later_ends_the_file),
		cmocka_unit_test(an_empty_file_gets_a_note),
		cmocka_unit_test(kinds_are_told_by_content),
		cmocka_unit_test(line_times_are_read_where_the_log_gives_them),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
