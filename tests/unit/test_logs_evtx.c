/* The .evtx reader, on files the test-only writer makes: the writer is
 * proved right by libevtx's own evtxexport, then the reader must give the
 * events the articles name, with their fields and data, and skip what is
 * corrupt with a note. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../evtx_writer.h"
#include "logs/evtx_xml.h"
#include "logs/source.h"
#include "logs_collect.h"

#define DMEDP "Microsoft-Windows-DeviceManagement-Enterprise-Diagnostics-Provider"
#define NDES "Microsoft-Windows-NetworkDeviceEnrollmentService"
#define CONNECTOR "Microsoft-Intune-CertificateConnectors"

static const evtx_w_data d36[] = {
	{ "Message", "SCEP: Certificate request generated successfully. Enhanced Key Usage: "
		     "(1.3.6.1.5.5.7.3.2), NDES URL: (https://ndes.contoso.com/certsrv/mscep/mscep.dll/"
		     "pkiclient.exe), Container Name: (), KSP Setting: (0x2), Store Location: (0x1)." } };
static const evtx_w_data d39[] = { { "Message", "SCEP: Certificate installed successfully." } };
static const evtx_w_data d32[] = { { "ErrorCode", "0x800b0109" },
				   { "Message", "SCEP: Certificate enroll failed." } };
static const evtx_w_data d306[] = {
	{ "UniqueId", "ModelName_AC_SCEP_LogicalName_x_Hash_1" }, { "InstallLocation", "user" },
	{ "Result", "Unknown Win32 Error code: 0x2ab0003" } };
static const evtx_w_data d307[] = { { "Result", "0x800b0109" } };
static const evtx_w_data d31[] = {
	{ "ErrorCode", "The requested certificate template is not supported by this CA." },
	{ "ErrorMessage", "0x80004005" } };
static const evtx_w_data d1000[] = {
	{ NULL, "w3wp.exe" }, { NULL, "8.5.9600.16384" }, { NULL, "ntdll.dll" }, { NULL, "0xc0000005" } };
static const evtx_w_data d4005[] = {
	{ "Message", "Failed to verify a SCEP request with Intune." }, { "TransactionId", "a1b2" },
	{ "Hostile", "\x1b[2Jcleared <&> \"quoted\"" } };
static const evtx_w_data d4006[] = { { "Message", "Successfully issued certificate for a SCEP request." } };

#define EV(prov, id, lvl, chan, data) \
	{ prov, id, lvl, chan, "PC1.contoso.com", "2024-05-02T08:15:30.1234567Z", data, \
	  sizeof data / sizeof data[0] }

static const evtx_w_event events[] = {
	EV(DMEDP, 36, 4, DMEDP "/Admin", d36),
	EV(DMEDP, 39, 4, DMEDP "/Admin", d39),
	EV(DMEDP, 32, 2, DMEDP "/Admin", d32),
	EV(DMEDP, 306, 4, DMEDP "/Admin", d306),
	EV(DMEDP, 307, 2, DMEDP "/Admin", d307),
	EV(NDES, 31, 2, "Application", d31),
	EV("Application Error", 1000, 2, "Application", d1000),
	EV(CONNECTOR, 4005, 2, CONNECTOR "/Operational", d4005),
	EV(CONNECTOR, 4006, 4, CONNECTOR "/Operational", d4006),
};
#define NEVENTS (sizeof events / sizeof events[0])

static char tmpdir[] = "/tmp/scepwiz-test-evtx-XXXXXX";

static int setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *tmpfile_named(const char *name)
{
	static char path[256];
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	return path;
}

/* evtxexport's output for PATH in FORMAT ("xml" or "text"). */
static char *evtxexport(const char *path, const char *format)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "evtxexport -f %s '%s' 2>&1", format, path);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t cap = 1 << 20, len = 0;
	char *out = malloc(cap);
	size_t got;
	while ((got = fread(out + len, 1, cap - 1 - len, p)) > 0)
		len += got;
	out[len] = '\0';
	int rc = pclose(p);
	if (!WIFEXITED(rc) || WEXITSTATUS(rc) == 127)
		fail_msg("evtxexport did not run (Debian package libevtx-utils): %s", out);
	return out;
}

static int read_file_events(const char *path, collected *c)
{
	log_sink sink = collect_sink(c);
	int fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	log_source src = { .name = path, .read = fd_read, .ctx = &fd };
	int rc = logs_read_evtx(&src, &sink);
	close(fd);
	return rc;
}

static void evtxexport_reads_the_writers_file(void **state)
{
	(void)state;
	const char *path = tmpfile_named("all.evtx");
	assert_int_equal(evtx_write(path, events, NEVENTS, 0), 0);
	char *out = evtxexport(path, "xml");
	assert_null(strstr(out, "Unable"));
	assert_non_null(strstr(out, "<Provider Name=\"" DMEDP "\"/>"));
	assert_non_null(strstr(out, "<EventID>36</EventID>"));
	assert_non_null(strstr(out, "<EventID>307</EventID>"));
	assert_non_null(strstr(out, "<Provider Name=\"" NDES "\"/>"));
	assert_non_null(strstr(out, "<Data Name=\"ErrorCode\">The requested certificate template "
				    "is not supported by this CA.</Data>"));
	assert_non_null(strstr(out, "<Data>w3wp.exe</Data>"));
	assert_non_null(strstr(out, "<EventID>4005</EventID>"));
	assert_non_null(strstr(out, "<Channel>" CONNECTOR "/Operational</Channel>"));
	assert_non_null(strstr(out, "<TimeCreated SystemTime=\"2024-05-02T08:15:30.1234567Z\"/>"));
	/* every event, each its own record number */
	char want[64];
	snprintf(want, sizeof want, "<EventRecordID>%zu</EventRecordID>", NEVENTS);
	assert_non_null(strstr(out, want));
	free(out);
}

/* Written as Windows does, each event a template instance with typed
 * values: evtxexport's text form then reads the event's own fields. */
static void evtxexport_reads_the_writers_templates(void **state)
{
	(void)state;
	const char *path = tmpfile_named("templates.evtx");
	assert_int_equal(evtx_write(path, events, NEVENTS, EVTX_W_TEMPLATES), 0);
	char *out = evtxexport(path, "text");
	assert_null(strstr(out, "Unable"));
	assert_non_null(strstr(out, "Source name\t\t\t: " DMEDP "\n"));
	assert_non_null(strstr(out, "Event identifier\t\t: 0x00000024 (36)\n"));
	assert_non_null(strstr(out, "Event identifier\t\t: 0x00000133 (307)\n"));
	assert_non_null(strstr(out, "Event identifier\t\t: 0x000003e8 (1000)\n"));
	assert_non_null(strstr(out, "Event level\t\t\t: Error (2)\n"));
	assert_non_null(strstr(out, "Source name\t\t\t: " NDES "\n"));
	assert_non_null(strstr(out, "String: 1\t\t\t: The requested certificate template is not "
				    "supported by this CA.\n"));
	assert_non_null(strstr(out, "String: 1\t\t\t: w3wp.exe\n"));
	free(out);
	out = evtxexport(path, "xml");
	assert_non_null(strstr(out, "<Data Name=\"ErrorMessage\">0x80004005</Data>"));
	assert_non_null(strstr(out, "<Channel>" CONNECTOR "/Operational</Channel>"));
	free(out);
}

static void check_events(const char *path, unsigned flags)
{
	assert_int_equal(evtx_write(path, events, NEVENTS, flags), 0);
	collected c;
	assert_int_equal(read_file_events(path, &c), 0);
	assert_int_equal(c.nrec, NEVENTS);
	assert_int_equal(c.nnotes, 0);
	assert_int_equal(c.nkinds, 1);
	assert_non_null(strstr(c.kinds[0], ": event"));
	for (size_t i = 0; i < NEVENTS; i++) {
		collected_record *r = &c.rec[i];
		char id[16];
		snprintf(id, sizeof id, "%u", events[i].id);
		assert_string_equal(r->kind, "event");
		assert_string_equal(r->file, path);
		assert_int_equal(r->line, i + 1);
		assert_string_equal(collected_field(r, "provider"), events[i].provider);
		assert_string_equal(collected_field(r, "id"), id);
		assert_string_equal(collected_field(r, "channel"), events[i].channel);
		assert_string_equal(collected_field(r, "computer"), "PC1.contoso.com");
		assert_string_equal(collected_field(r, "time"), "2024-05-02 08:15:30");
		assert_string_equal(r->time, "2024-05-02 08:15:30");
		assert_string_equal(collected_field(r, "level"),
				    events[i].level == 2 ? "Error" : "Information");
		for (size_t k = 0; k < events[i].ndata; k++) {
			const evtx_w_data *d = &events[i].data[k];
			if (d->name && strcmp(d->name, "Message") != 0)
				assert_string_equal(collected_field(r, d->name), d->value);
			assert_non_null(strstr(r->text, d->value));
		}
		assert_string_equal(collected_field(r, "message"), r->text);
	}
	/* the articles' own words reach the text */
	assert_non_null(strstr(c.rec[0].text, "SCEP: Certificate request generated successfully."));
	assert_string_equal(c.rec[6].text, "w3wp.exe; 8.5.9600.16384; ntdll.dll; 0xc0000005");
	/* untrusted bytes arrive as they were, for the caller to escape */
	assert_string_equal(collected_field(&c.rec[7], "Hostile"), "\x1b[2Jcleared <&> \"quoted\"");
	collect_free(&c);
}

static void reads_every_event_with_its_fields(void **state)
{
	(void)state;
	check_events(tmpfile_named("all.evtx"), 0);
}

/* Here the text comes from libevtx's strings, the template's values. */
static void reads_template_events_with_their_fields(void **state)
{
	(void)state;
	check_events(tmpfile_named("templates.evtx"), EVTX_W_TEMPLATES);
}

static void a_corrupt_record_is_skipped_with_a_note(void **state)
{
	(void)state;
	const char *path = tmpfile_named("bad-record.evtx");
	assert_int_equal(evtx_write(path, events, 4, EVTX_W_BAD_RECORD), 0);
	collected c;
	assert_int_equal(read_file_events(path, &c), 0);
	assert_int_equal(collected_notes(&c, path, "corrupt"), 1);
	/* the records around it are read */
	assert_true(c.nrec >= 1);
	assert_string_equal(collected_field(&c.rec[0], "id"), "36");
	for (size_t i = 0; i < c.nrec; i++)
		assert_string_not_equal(collected_field(&c.rec[i], "id"), "39");
	collect_free(&c);
}

static void a_chunk_with_a_bad_checksum_is_read_with_a_note(void **state)
{
	(void)state;
	const char *path = tmpfile_named("bad-crc.evtx");
	assert_int_equal(evtx_write(path, events, NEVENTS, EVTX_W_BAD_CHUNK_CRC), 0);
	collected c;
	assert_int_equal(read_file_events(path, &c), 0);
	assert_int_equal(c.nrec, NEVENTS);
	assert_int_equal(collected_notes(&c, path, "checksum"), 1);
	collect_free(&c);
}

static void events_over_several_chunks_are_all_read(void **state)
{
	(void)state;
	static evtx_w_event many[400];
	static char big[2000];
	memset(big, 'x', sizeof big - 1);
	evtx_w_data d[] = { { "Filler", big } };
	for (size_t i = 0; i < 400; i++) {
		many[i] = events[i % NEVENTS];
		many[i].data = d;
		many[i].ndata = 1;
	}
	const char *path = tmpfile_named("many.evtx");
	assert_int_equal(evtx_write(path, many, 400, EVTX_W_TEMPLATES), 0);
	collected c;
	assert_int_equal(read_file_events(path, &c), 0);
	assert_int_equal(c.nrec, COLLECT_MAX);  /* the collector keeps the first 256 */
	assert_int_equal(c.rec[COLLECT_MAX - 1].line, COLLECT_MAX);
	assert_string_equal(collected_field(&c.rec[COLLECT_MAX - 1], "Filler"), big);
	assert_int_equal(c.nnotes, 0);
	collect_free(&c);
}

/* libevtx leaks on each broken record: the reader gives up after 1000. */
static void a_file_of_broken_records_is_given_up(void **state)
{
	(void)state;
	static evtx_w_event many[1500];
	for (size_t i = 0; i < 1500; i++)
		many[i] = events[1];
	const char *path = tmpfile_named("broken.evtx");
	assert_int_equal(evtx_write(path, many, 1500, EVTX_W_BAD_RECORDS), 0);
	collected c;
	assert_int_equal(read_file_events(path, &c), 0);
	assert_int_equal(c.nrec, 1);
	assert_int_equal(collected_notes(&c, path, "too many corrupt"), 1);
	collect_free(&c);
}

static void not_an_event_log_gets_a_note(void **state)
{
	(void)state;
	const char *path = tmpfile_named("not.evtx");
	FILE *f = fopen(path, "w");
	fputs("ElfFile\nthis is no event log at all\n", f);
	fclose(f);
	collected c;
	assert_int_equal(read_file_events(path, &c), -1);
	assert_int_equal(c.nrec, 0);
	assert_int_equal(collected_notes(&c, path, "not an event log"), 1);
	collect_free(&c);
}

static ssize_t failing_read(log_source *s, void *buf, size_t n)
{
	(void)s, (void)buf, (void)n;
	errno = EIO;
	return -1;
}

/* The private copy is gone once read, whatever happened; a source that
 * fails says so. */
static void no_temporary_file_is_left_behind(void **state)
{
	(void)state;
	char dir[300];
	snprintf(dir, sizeof dir, "%s/tmp", tmpdir);
	assert_int_equal(mkdir(dir, 0700), 0);
	char *old = getenv("TMPDIR") ? strdup(getenv("TMPDIR")) : NULL;
	setenv("TMPDIR", dir, 1);
	const char *path = tmpfile_named("all.evtx");
	assert_int_equal(evtx_write(path, events, NEVENTS, EVTX_W_TEMPLATES), 0);
	collected c;
	assert_int_equal(read_file_events(path, &c), 0);
	assert_int_equal(c.nrec, NEVENTS);
	collect_free(&c);
	log_sink sink = collect_sink(&c);
	log_source bad = { .name = "broken-pipe.evtx", .read = failing_read };
	assert_int_equal(logs_read_evtx(&bad, &sink), -1);
	assert_int_equal(collected_notes(&c, "broken-pipe.evtx", "read error"), 1);
	collect_free(&c);
	if (old) {
		setenv("TMPDIR", old, 1);
		free(old);
	} else
		unsetenv("TMPDIR");
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *de;
	int left = 0;
	while ((de = readdir(d)))
		left += de->d_name[0] != '.';
	closedir(d);
	assert_int_equal(left, 0);
}

/* The XML parser on what libevtx never writes but a hostile file could
 * make it render: UserData, CDATA, entities, no end, deep nesting. */
static void the_event_xml_parser_keeps_its_bounds(void **state)
{
	(void)state;
	evtx_xml_event ev;
	const char *xml = "<Event><System><Provider Name='P&amp;Q'/><EventID>7</EventID></System>"
			  "<UserData><Info><Code>&#x41;&#66;&bogus;</Code><Note><![CDATA[a<b]]></Note>"
			  "</Info></UserData></Event>";
	assert_int_equal(evtx_xml_parse(&ev, xml, strlen(xml)), 0);
	assert_string_equal(ev.provider, "P&Q");
	assert_string_equal(ev.id, "7");
	assert_int_equal(ev.ndata, 2);
	assert_string_equal(ev.names[0], "Code");
	assert_string_equal(ev.values[0], "AB&bogus;");
	assert_string_equal(ev.names[1], "Note");
	assert_string_equal(ev.values[1], "a<b");
	evtx_xml_free(&ev);

	/* cut short, and nested past every bound */
	char deep[8192] = "<Event><EventData>";
	for (int i = 0; i < 500; i++)
		strcat(deep, "<a x=\"");
	assert_int_equal(evtx_xml_parse(&ev, deep, strlen(deep)), 0);
	assert_int_equal(ev.ndata, 0);
	evtx_xml_free(&ev);

	char many[16384] = "<Event><EventData>";
	for (int i = 0; i < 200; i++)
		strcat(many, "<Data Name=\"n\">v</Data>");
	assert_int_equal(evtx_xml_parse(&ev, many, strlen(many)), 0);
	assert_int_equal(ev.ndata, EVTX_XML_MAX_DATA);
	evtx_xml_free(&ev);
	assert_string_equal(evtx_level_name("2"), "Error");
	assert_string_equal(evtx_level_name("17"), "17");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(evtxexport_reads_the_writers_file),
		cmocka_unit_test(evtxexport_reads_the_writers_templates),
		cmocka_unit_test(reads_every_event_with_its_fields),
		cmocka_unit_test(reads_template_events_with_their_fields),
		cmocka_unit_test(a_corrupt_record_is_skipped_with_a_note),
		cmocka_unit_test(a_chunk_with_a_bad_checksum_is_read_with_a_note),
		cmocka_unit_test(events_over_several_chunks_are_all_read),
		cmocka_unit_test(a_file_of_broken_records_is_given_up),
		cmocka_unit_test(not_an_event_log_gets_a_note),
		cmocka_unit_test(no_temporary_file_is_left_behind),
		cmocka_unit_test(the_event_xml_parser_keeps_its_bounds),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
