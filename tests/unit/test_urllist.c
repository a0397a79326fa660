/* The URL list of `scepwiz check --from`: one URL a line, comments and
 * blanks skipped, and what is no list of URLs refused with the line named,
 * without reading on (a binary file, an endless stream, a FIFO). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "urllist.h"

/* The list read from the N bytes of TEXT: 0 or -1, WHY said. */
static int read_text(url_list *l, const char *text, size_t n, char *why, size_t size)
{
	FILE *f = fmemopen((void *)text, n, "r");
	assert_non_null(f);
	int rc = url_list_read(l, f, why, size);
	fclose(f);
	return rc;
}

static void one_url_a_line(void **state)
{
	(void)state;
	static const char text[] =
		"\xEF\xBB\xBF# the NDES servers of contoso\n"
		"\n"
		"https://ndes1.contoso.com/certsrv/mscep/mscep.dll\n"
		"   \t\n"
		"  https://ndes2.contoso.com/certsrv/mscep/mscep.dll  \r\n"
		"\t# an indented comment\n"
		"https://ndes3.contoso.com/certsrv/mscep/mscep.dll # the DR site\n"
		"https://ndes4.contoso.com/certsrv/mscep/mscep.dll#frag\n"
		"https://ndes5.contoso.com/certsrv/mscep/mscep.dll";      /* no newline */
	url_list l = { 0 };
	char why[256] = "";
	assert_int_equal(read_text(&l, text, sizeof text - 1, why, sizeof why), 0);
	assert_int_equal(l.n, 5);
	assert_string_equal(l.v[0], "https://ndes1.contoso.com/certsrv/mscep/mscep.dll");
	assert_string_equal(l.v[1], "https://ndes2.contoso.com/certsrv/mscep/mscep.dll");
	assert_string_equal(l.v[2], "https://ndes3.contoso.com/certsrv/mscep/mscep.dll");
	/* A '#' inside a URL is its fragment, not a comment. */
	assert_string_equal(l.v[3], "https://ndes4.contoso.com/certsrv/mscep/mscep.dll#frag");
	assert_string_equal(l.v[4], "https://ndes5.contoso.com/certsrv/mscep/mscep.dll");
	url_list_free(&l);
}

static void a_malformed_line_is_kept_for_the_check_to_refuse(void **state)
{
	(void)state;
	static const char text[] = "http://exa mple/\nftp://x/\n";
	url_list l = { 0 };
	char why[256];
	assert_int_equal(read_text(&l, text, sizeof text - 1, why, sizeof why), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0], "http://exa mple/");
	url_list_free(&l);
}

static void an_empty_file_holds_no_url(void **state)
{
	(void)state;
	url_list l = { 0 };
	char why[256];
	assert_int_equal(read_text(&l, "# only\n\n  \n", 11, why, sizeof why), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(read_text(&l, "", 0, why, sizeof why), 0);
	assert_int_equal(l.n, 0);
	url_list_free(&l);
}

static void a_nul_byte_is_no_text(void **state)
{
	(void)state;
	static const char text[] = "http://a/\nhttp://b/\n\x7f" "ELF\0\x01\x02";
	url_list l = { 0 };
	char why[256] = "";
	assert_int_equal(read_text(&l, text, sizeof text - 1, why, sizeof why), -1);
	assert_non_null(strstr(why, "line 3"));
	assert_non_null(strstr(why, "not a text file"));
	url_list_free(&l);
}

static void utf16_is_named(void **state)
{
	(void)state;
	static const char text[] = "\xFF\xFEh\0t\0t\0p\0";
	url_list l = { 0 };
	char why[256] = "";
	assert_int_equal(read_text(&l, text, sizeof text - 1, why, sizeof why), -1);
	assert_non_null(strstr(why, "UTF-16"));
	url_list_free(&l);
}

static void a_line_too_long_is_refused(void **state)
{
	(void)state;
	size_t n = URL_LIST_MAX_LINE + 100;
	char *text = malloc(n);
	assert_non_null(text);
	memcpy(text, "http://a/\nhttp://b/", 19);
	memset(text + 19, 'A', n - 19);
	url_list l = { 0 };
	char why[256] = "";
	assert_int_equal(read_text(&l, text, n, why, sizeof why), -1);
	assert_non_null(strstr(why, "line 2 is longer than"));
	url_list_free(&l);
	free(text);
}

static void too_many_urls_stop_the_reading(void **state)
{
	(void)state;
	size_t n = (URL_LIST_MAX + 5) * 10;
	char *text = malloc(n);
	assert_non_null(text);
	for (size_t i = 0; i < n; i += 10)
		memcpy(text + i, "http://a/\n", 10);
	url_list l = { 0 };
	char why[256] = "";
	assert_int_equal(read_text(&l, text, n, why, sizeof why), -1);
	assert_non_null(strstr(why, "more than 10000 URLs"));
	assert_int_equal(l.n, URL_LIST_MAX);
	url_list_free(&l);
	free(text);
}

/* Comments alone, past the byte limit: refused, not read for ever. */
static void an_endless_stream_is_cut(void **state)
{
	(void)state;
	size_t n = (size_t)URL_LIST_MAX_BYTES + 4096;
	char *text = malloc(n);
	assert_non_null(text);
	for (size_t i = 0; i < n; i += 2)
		memcpy(text + i, "#\n", 2);
	url_list l = { 0 };
	char why[256] = "";
	assert_int_equal(read_text(&l, text, n, why, sizeof why), -1);
	assert_non_null(strstr(why, "more than 16 MiB"));
	url_list_free(&l);
	free(text);
}

static void the_command_lines_urls_count_too(void **state)
{
	(void)state;
	url_list l = { 0 };
	for (size_t i = 0; i < URL_LIST_MAX; i++)
		assert_int_equal(url_list_add(&l, "http://a/"), 0);
	assert_int_equal(url_list_add(&l, "http://a/"), -1);
	char why[256] = "";
	assert_int_equal(read_text(&l, "http://b/\n", 10, why, sizeof why), -1);
	assert_int_equal(l.n, URL_LIST_MAX);
	url_list_free(&l);
}

static void only_regular_files_are_opened(void **state)
{
	(void)state;
	char dir[] = "/tmp/test_urllist.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char fifo[64], file[64], none[64], why[256];
	snprintf(fifo, sizeof fifo, "%s/fifo", dir);
	snprintf(file, sizeof file, "%s/list", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	FILE *f = fopen(file, "w");
	assert_non_null(f);
	fputs("http://a/\n", f);
	fclose(f);
	url_list l = { 0 };
	/* A FIFO with no writer would block an open without O_NONBLOCK. */
	assert_int_equal(url_list_from(&l, fifo, why, sizeof why), -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(url_list_from(&l, dir, why, sizeof why), -1);
	assert_int_equal(url_list_from(&l, "/dev/zero", why, sizeof why), -1);
	assert_int_equal(errno, EINVAL);
	snprintf(none, sizeof none, "%s/none", dir);
	assert_int_equal(url_list_from(&l, none, why, sizeof why), -1);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(url_list_from(&l, file, why, sizeof why), 0);
	assert_int_equal(l.n, 1);
	url_list_free(&l);
	unlink(fifo);
	unlink(file);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_url_a_line),
		cmocka_unit_test(a_malformed_line_is_kept_for_the_check_to_refuse),
		cmocka_unit_test(an_empty_file_holds_no_url),
		cmocka_unit_test(a_nul_byte_is_no_text),
		cmocka_unit_test(utf16_is_named),
		cmocka_unit_test(a_line_too_long_is_refused),
		cmocka_unit_test(too_many_urls_stop_the_reading),
		cmocka_unit_test(an_endless_stream_is_cut),
		cmocka_unit_test(the_command_lines_urls_count_too),
		cmocka_unit_test(only_regular_files_are_opened),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
