/* Zip bundles: every entry reaches the member reader named "BUNDLE!ENTRY"
 * with its bytes, nested zips too; encrypted, truncated, hostile and
 * bomb entries get a note naming them and the rest is still read. The
 * zips are written here with libarchive. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "logs/source.h"
#include "logs_collect.h"

#define ZIP_CAP (32u << 20)

/* A zip being written into memory. */
typedef struct {
	struct archive *a;
	unsigned char *buf;
	size_t used;
} zip_out;

static void zip_begin(zip_out *z, const char *options)
{
	z->buf = malloc(ZIP_CAP);
	z->used = 0;
	z->a = archive_write_new();
	assert_int_equal(archive_write_set_format_zip(z->a), ARCHIVE_OK);
	if (options) {
		assert_int_equal(archive_write_set_options(z->a, options), ARCHIVE_OK);
		assert_int_equal(archive_write_set_passphrase(z->a, "secret"), ARCHIVE_OK);
	}
	assert_int_equal(archive_write_open_memory(z->a, z->buf, ZIP_CAP, &z->used), ARCHIVE_OK);
}

static void zip_add(zip_out *z, const char *name, const void *data, size_t len)
{
	struct archive_entry *e = archive_entry_new();
	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_size(e, (la_int64_t)len);
	assert_int_equal(archive_write_header(z->a, e), ARCHIVE_OK);
	const unsigned char *p = data;
	for (size_t off = 0; off < len;) {
		la_ssize_t n = archive_write_data(z->a, p + off, len - off);
		assert_true(n > 0);
		off += (size_t)n;
	}
	archive_entry_free(e);
}

static void zip_add_text(zip_out *z, const char *name, const char *text)
{
	zip_add(z, name, text, strlen(text));
}

static void zip_add_dir(zip_out *z, const char *name)
{
	struct archive_entry *e = archive_entry_new();
	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, AE_IFDIR);
	archive_entry_set_perm(e, 0755);
	assert_int_equal(archive_write_header(z->a, e), ARCHIVE_OK);
	archive_entry_free(e);
}

static void zip_end(zip_out *z)
{
	assert_int_equal(archive_write_close(z->a), ARCHIVE_OK);
	archive_write_free(z->a);
}

/* A source over bytes in memory, read in small pieces like a pipe. */
typedef struct {
	const unsigned char *p;
	size_t len, pos;
	size_t total;   /* bytes handed out */
} mem_in;

static ssize_t mem_read(log_source *s, void *buf, size_t n)
{
	mem_in *m = s->ctx;
	if (n > 1000)
		n = 1000;
	if (n > m->len - m->pos)
		n = m->len - m->pos;
	memcpy(buf, m->p + m->pos, n);
	m->pos += n;
	m->total += n;
	return (ssize_t)n;
}

#define KEEP_MAX (4u << 20)

/* The member reader: each entry becomes one record of kind "entry" whose
 * text is the entry's bytes (the first 4 MiB) and whose line is the count
 * of bytes read; a zip inside is read as a bundle, as the dispatcher
 * would, from a copy (small in these tests). */
static int member(log_source *m, const log_sink *sink)
{
	unsigned char *keep = malloc(KEEP_MAX);
	size_t kept = 0;
	unsigned long total = 0;
	char buf[4096];
	ssize_t n;
	while ((n = m->read(m, buf, sizeof buf)) > 0) {
		size_t take = (size_t)n < KEEP_MAX - kept ? (size_t)n : KEEP_MAX - kept;
		memcpy(keep + kept, buf, take);
		kept += take;
		total += (unsigned long)n;
	}
	if (kept >= 4 && memcmp(keep, "PK\3\4", 4) == 0) {
		mem_in in = { keep, kept, 0, 0 };
		log_source inner = { .name = m->name, .read = mem_read, .ctx = &in, .depth = m->depth };
		int rc = logs_read_bundle(&inner, sink, member);
		free(keep);
		return rc;
	}
	size_t show = kept < 4096 ? kept : 4096;
	log_record r = { .kind = "entry", .file = m->name, .line = total, .text = (char *)keep,
			 .text_len = show };
	sink->record(&r, sink->arg);
	free(keep);
	return n < 0 ? -1 : 0;
}

/* Reads the zip Z (its first LEN bytes) as "bundle.zip". */
static int read_zip(const unsigned char *p, size_t len, collected *c, mem_in *in)
{
	log_sink sink = collect_sink(c);
	*in = (mem_in){ p, len, 0, 0 };
	log_source src = { .name = "bundle.zip", .read = mem_read, .ctx = in };
	return logs_read_bundle(&src, &sink, member);
}

static const collected_record *entry(const collected *c, const char *file)
{
	for (size_t i = 0; i < c->nrec; i++)
		if (strcmp(c->rec[i].file, file) == 0)
			return &c->rec[i];
	return NULL;
}

#define IIS_LINE "2024-05-02 08:15:30 10.0.0.5 GET /certsrv/mscep/mscep.dll operation=GetCACaps 443 - " \
	"10.0.0.9 Dalvik/2.1.0 - 200 0 0 12\r\n"

static void entries_in_folders_are_read_with_their_path(void **state)
{
	(void)state;
	zip_out z;
	zip_begin(&z, NULL);
	zip_add_dir(&z, "ODC/");
	zip_add_dir(&z, "ODC/Logs/");
	zip_add_text(&z, "ODC/Logs/W3SVC1/u_ex240502.log", "#Fields: date time\r\n" IIS_LINE);
	zip_add_text(&z, "ODC/Logs/NDESPlugin.log", "Verify challenge returns true\n");
	zip_add(&z, "ODC/empty.txt", "", 0);
	zip_end(&z);
	collected c;
	mem_in in;
	assert_int_equal(read_zip(z.buf, z.used, &c, &in), 0);
	assert_int_equal(c.nrec, 3);
	assert_int_equal(c.nnotes, 0);
	const collected_record *r = entry(&c, "bundle.zip!ODC/Logs/W3SVC1/u_ex240502.log");
	assert_non_null(r);
	assert_string_equal(r->text, "#Fields: date time\r\n" IIS_LINE);
	r = entry(&c, "bundle.zip!ODC/Logs/NDESPlugin.log");
	assert_non_null(r);
	assert_string_equal(r->text, "Verify challenge returns true\n");
	r = entry(&c, "bundle.zip!ODC/empty.txt");
	assert_non_null(r);
	assert_int_equal(r->line, 0);
	/* streamed: every byte of the zip read once, no more */
	assert_int_equal(in.total, z.used);
	collect_free(&c);
	free(z.buf);
}

/* A zip holding DEPTH zips one inside the other, the last holding a log. */
static unsigned char *nested_zip(int depth, size_t *len)
{
	zip_out z;
	zip_begin(&z, NULL);
	zip_add_text(&z, "NDESPlugin.log", "Error 12175\n");
	zip_end(&z);
	for (int i = 1; i < depth; i++) {
		zip_out outer;
		zip_begin(&outer, NULL);
		zip_add_text(&outer, "readme.txt", "level\n");
		zip_add(&outer, "inner.zip", z.buf, z.used);
		zip_end(&outer);
		free(z.buf);
		z = outer;
	}
	*len = z.used;
	return z.buf;
}

static void a_zip_inside_a_zip_is_read(void **state)
{
	(void)state;
	size_t len;
	unsigned char *zip = nested_zip(2, &len);
	collected c;
	mem_in in;
	assert_int_equal(read_zip(zip, len, &c, &in), 0);
	assert_int_equal(c.nnotes, 0);
	const collected_record *r = entry(&c, "bundle.zip!inner.zip!NDESPlugin.log");
	assert_non_null(r);
	assert_string_equal(r->text, "Error 12175\n");
	assert_non_null(entry(&c, "bundle.zip!readme.txt"));
	collect_free(&c);
	free(zip);

	/* three zips deep is read; a fourth is not opened */
	zip = nested_zip(3, &len);
	assert_int_equal(read_zip(zip, len, &c, &in), 0);
	assert_non_null(entry(&c, "bundle.zip!inner.zip!inner.zip!NDESPlugin.log"));
	assert_int_equal(c.nnotes, 0);
	collect_free(&c);
	free(zip);
	zip = nested_zip(4, &len);
	assert_int_equal(read_zip(zip, len, &c, &in), 0);
	assert_null(entry(&c, "bundle.zip!inner.zip!inner.zip!inner.zip!NDESPlugin.log"));
	assert_int_equal(collected_notes(&c, "bundle.zip!inner.zip!inner.zip!inner.zip", "nested too deep"), 1);
	assert_non_null(entry(&c, "bundle.zip!inner.zip!inner.zip!readme.txt"));
	collect_free(&c);
	free(zip);
}

static void an_encrypted_entry_gets_a_note(void **state)
{
	(void)state;
	zip_out z;
	zip_begin(&z, "zip:encryption=zipcrypt");
	zip_add_text(&z, "secret/NDESPlugin.log", "Verify challenge returns false\n");
	zip_add_text(&z, "secret/other.log", "also hidden\n");
	zip_end(&z);
	collected c;
	mem_in in;
	assert_int_equal(read_zip(z.buf, z.used, &c, &in), 0);
	assert_int_equal(c.nrec, 0);
	assert_int_equal(collected_notes(&c, "bundle.zip!secret/NDESPlugin.log", "encrypted"), 1);
	/* libarchive's encrypted entries record their size at their end, so
	 * a stream can't skip one: the bundle says what is lost */
	assert_int_equal(collected_notes(&c, "bundle.zip", "after an encrypted one"), 1);
	collect_free(&c);

	/* inside a bundle, the entries after it are still read */
	zip_out outer;
	zip_begin(&outer, NULL);
	zip_add(&outer, "secret.zip", z.buf, z.used);
	zip_add_text(&outer, "open.log", "in the clear\n");
	zip_end(&outer);
	assert_int_equal(read_zip(outer.buf, outer.used, &c, &in), 0);
	assert_int_equal(c.nrec, 1);
	assert_string_equal(entry(&c, "bundle.zip!open.log")->text, "in the clear\n");
	assert_int_equal(collected_notes(&c, "bundle.zip!secret.zip!secret/NDESPlugin.log", "encrypted"), 1);
	collect_free(&c);
	free(outer.buf);
	free(z.buf);
}

static void a_truncated_zip_gives_what_it_has_and_a_note(void **state)
{
	(void)state;
	static char big[200000];
	for (size_t i = 0; i < sizeof big; i++)
		big[i] = (char)('a' + (i * 7919 % 26));  /* compresses a little */
	zip_out z;
	zip_begin(&z, NULL);
	zip_add_text(&z, "first.log", "the first log\n");
	zip_add(&z, "second.log", big, sizeof big);
	zip_add_text(&z, "third.log", "the third log\n");
	zip_end(&z);
	collected c;
	mem_in in;
	/* cut inside the second entry's data */
	assert_int_equal(read_zip(z.buf, z.used / 2, &c, &in), 0);
	assert_non_null(entry(&c, "bundle.zip!first.log"));
	assert_null(entry(&c, "bundle.zip!third.log"));
	assert_true(collected_notes(&c, "bundle.zip", "truncated or corrupt") >= 1);
	collect_free(&c);
	/* and cut at every length: never a crash or a hang */
	for (size_t cut = 0; cut < z.used; cut += 97) {
		read_zip(z.buf, cut, &c, &in);
		collect_free(&c);
	}
	free(z.buf);
}

static void a_zip_bomb_is_stopped_with_a_note(void **state)
{
	(void)state;
	size_t size = 64u << 20;
	char *zeros = calloc(1, size);
	zip_out z;
	zip_begin(&z, NULL);
	zip_add_text(&z, "before.log", "read me\n");
	zip_add(&z, "bomb.log", zeros, size);
	zip_add_text(&z, "after.log", "never reached\n");
	zip_end(&z);
	free(zeros);
	assert_true(z.used < size / 200);
	collected c;
	mem_in in;
	assert_int_equal(read_zip(z.buf, z.used, &c, &in), 0);
	assert_non_null(entry(&c, "bundle.zip!before.log"));
	const collected_record *r = entry(&c, "bundle.zip!bomb.log");
	assert_non_null(r);
	assert_true(r->line < size);            /* the member got only part of it */
	assert_true(r->line <= 200 * in.total + (16u << 20) + 65536);
	assert_int_equal(collected_notes(&c, "bundle.zip", "zip bomb"), 1);
	collect_free(&c);
	free(z.buf);
}

static void names_that_leave_the_bundle_are_refused(void **state)
{
	(void)state;
	zip_out z;
	zip_begin(&z, NULL);
	zip_add_text(&z, "../../etc/cron.d/evil", "x\n");
	zip_add_text(&z, "/etc/passwd", "x\n");
	zip_add_text(&z, "logs\\..\\..\\win.ini", "x\n");
	zip_add_text(&z, "C:\\Windows\\evil.log", "x\n");
	zip_add_text(&z, "logs/..hidden/ok.log", "fine\n");
	zip_end(&z);
	collected c;
	mem_in in;
	assert_int_equal(read_zip(z.buf, z.used, &c, &in), 0);
	assert_int_equal(c.nrec, 1);
	assert_non_null(entry(&c, "bundle.zip!logs/..hidden/ok.log"));
	assert_int_equal(collected_notes(&c, "path traversal", NULL), 4);
	assert_int_equal(collected_notes(&c, "bundle.zip!../../etc/cron.d/evil", "path traversal"), 1);
	collect_free(&c);
	free(z.buf);
}

static void a_zip_of_too_many_entries_is_read_in_part(void **state)
{
	(void)state;
	zip_out z;
	zip_begin(&z, NULL);
	char name[32];
	for (int i = 0; i < 20005; i++) {
		snprintf(name, sizeof name, "e%d", i);
		zip_add(&z, name, "", 0);
	}
	zip_end(&z);
	collected c;
	mem_in in;
	assert_int_equal(read_zip(z.buf, z.used, &c, &in), 0);
	assert_int_equal(c.nrec, COLLECT_MAX);  /* the collector keeps the first 256 */
	assert_int_equal(collected_notes(&c, "bundle.zip", "over 20000 entries"), 1);
	collect_free(&c);
	free(z.buf);
}

/* A source that fails after its first bytes, like a file on a lost share. */
static ssize_t fail_after(log_source *s, void *buf, size_t n)
{
	mem_in *m = s->ctx;
	if (m->pos >= m->len / 2) {
		errno = EIO;
		return -1;
	}
	return mem_read(s, buf, n);
}

static void a_read_error_gives_what_was_read_and_a_note(void **state)
{
	(void)state;
	static char big[100000];
	uint32_t x = 1;
	for (size_t i = 0; i < sizeof big; i++) {
		x = x * 1103515245 + 12345;  /* noise: it doesn't compress */
		big[i] = (char)(x >> 24);
	}
	zip_out z;
	zip_begin(&z, NULL);
	zip_add_text(&z, "first.log", "the first log\n");
	zip_add(&z, "second.log", big, sizeof big);
	zip_end(&z);
	assert_true(z.used > sizeof big);
	collected c;
	log_sink sink = collect_sink(&c);
	mem_in in = { z.buf, z.used, 0, 0 };
	log_source src = { .name = "bundle.zip", .read = fail_after, .ctx = &in };
	assert_int_equal(logs_read_bundle(&src, &sink, member), 0);
	assert_non_null(entry(&c, "bundle.zip!first.log"));
	assert_int_equal(collected_notes(&c, "bundle.zip!second.log", "truncated or corrupt"), 1);
	collect_free(&c);
	free(z.buf);
}

static void not_a_zip_gets_a_note(void **state)
{
	(void)state;
	const char *text = "PK this is plain text, not a zip\n";
	collected c;
	mem_in in;
	int rc = read_zip((const unsigned char *)text, strlen(text), &c, &in);
	assert_int_equal(rc, -1);
	assert_int_equal(c.nrec, 0);
	assert_int_equal(collected_notes(&c, "bundle.zip", "not a zip"), 1);
	collect_free(&c);
	rc = read_zip((const unsigned char *)"", 0, &c, &in);
	assert_int_equal(rc, -1);
	assert_int_equal(c.nrec, 0);
	assert_int_equal(c.nnotes, 1);
	collect_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(entries_in_folders_are_read_with_their_path),
		cmocka_unit_test(a_zip_inside_a_zip_is_read),
		cmocka_unit_test(an_encrypted_entry_gets_a_note),
		cmocka_unit_test(a_truncated_zip_gives_what_it_has_and_a_note),
		cmocka_unit_test(a_zip_bomb_is_stopped_with_a_note),
		cmocka_unit_test(names_that_leave_the_bundle_are_refused),
		cmocka_unit_test(a_zip_of_too_many_entries_is_read_in_part),
		cmocka_unit_test(a_read_error_gives_what_was_read_and_a_note),
		cmocka_unit_test(not_a_zip_gets_a_note),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
