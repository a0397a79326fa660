/* The checklist renderer: both formats, wrapping, the walk's facts. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist.h"
#include "wrap.h"
#include "trees_fixture.h"

static char *render(const checklist *c, checklist_format fmt)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	assert_int_equal(checklist_write(f, c, fmt), 0);
	fclose(f);
	return out;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static size_t steps_of(const node *n)
{
	size_t total = 0;
	for (size_t i = 0; i < n->ncauses; i++)
		total += n->causes[i].nsteps;
	return total;
}

static void text_has_a_box_for_every_step(void **state)
{
	(void)state;
	const node *r = find("internal-server-error");
	checklist c = { .date = "2026-11-23", .sections = &r, .nsections = 1 };
	char *out = render(&c, CHECKLIST_TEXT);
	assert_int_equal(count(out, "[ ] "), steps_of(r));
	assert_true(steps_of(r) >= 16);
	assert_non_null(strstr(out, "iisreset"));
	assert_non_null(strstr(out, "Cause: The NDES service account is locked"));
	assert_non_null(strstr(out, "troubleshoot-scep-certificate-device-to-ndes"));
	assert_non_null(strstr(out, "CC BY 4.0"));
	free(out);
}

/* Prose wraps at 80 columns; literal lines (commands, logs) are kept whole. */
static void text_prose_fits_eighty_columns(void **state)
{
	(void)state;
	const node *r = find("common-causes-for-an-application-pool-crash");
	checklist c = { .date = "2026-11-23", .sections = &r, .nsections = 1 };
	char *out = render(&c, CHECKLIST_TEXT);
	size_t long_lines = 0;
	for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
		int literal = strncmp(line, "               ", 15) == 0 || strstr(line, "https://");
		if (!literal && wrap_width(line) > 80) {
			print_error("too wide: %s\n", line);
			long_lines++;
		}
	}
	assert_int_equal(long_lines, 0);
	free(out);
}

static void commands_are_kept_exactly(void **state)
{
	(void)state;
	const node *r = find("common-causes-for-an-application-pool-crash");
	checklist c = { .date = "d", .sections = &r, .nsections = 1 };
	const char *cmd = "Get-Childitem -Path cert:\\LocalMachine\\root -Recurse | "
			  "Where-Object {$_.Issuer -ne $_.Subject}";
	char *plain = render(&c, CHECKLIST_TEXT), *md = render(&c, CHECKLIST_MARKDOWN);
	assert_non_null(strstr(plain, cmd));
	assert_non_null(strstr(md, cmd));
	free(plain);
	free(md);
}

static void markdown_has_task_items_and_fences(void **state)
{
	(void)state;
	const node *r[] = { find("http-414-request-uri-too-long"), find("gatewaytimeout") };
	checklist c = { .date = "d", .engineer = "Ana", .ticket = "T-42", .url = "https://ndes/x",
			.sections = r, .nsections = 2 };
	char *md = render(&c, CHECKLIST_MARKDOWN);
	assert_int_equal(count(md, "- [ ] "), steps_of(r[0]) + steps_of(r[1]));
	assert_int_equal(count(md, "```") % 2, 0);
	assert_non_null(strstr(md, "# SCEP troubleshooting checklist"));
	assert_non_null(strstr(md, "- **Ticket:** T-42"));
	assert_non_null(strstr(md, "`https://ndes/x`"));
	assert_non_null(strstr(md, "### 1. HTTP 414 Request-URI Too Long"));
	assert_non_null(strstr(md, "### 2. GatewayTimeout"));
	assert_non_null(strstr(md, "MaxFieldLength"));
	free(md);
}

static void walk_shows_path_answers_and_findings(void **state)
{
	(void)state;
	walk w;
	walk_init(&w);
	walk_start(&w, find("review-iis-logs-for-a-connection-from-the-device"));
	walk_answer(&w, 2);                         /* another status code */
	assert_int_equal(walk_outcome(&w, "http-414-request-uri-too-long"), 0);
	const char *findings[] = { "[problem] status-414: 414 Request-URI Too Large" };
	checklist c = { .date = "d", .walk = &w, .findings = findings, .nfindings = 1 };
	char *out = render(&c, CHECKLIST_TEXT);
	assert_non_null(strstr(out, "Path walked"));
	assert_non_null(strstr(out, "1. Review IIS logs for a connection from the device: Another status code"));
	assert_non_null(strstr(out, "(live check)"));
	assert_non_null(strstr(out, "status-414"));
	assert_non_null(strstr(out, "1. HTTP 414 Request-URI Too Long"));
	free(out);
	walk_release(&w);
}

/* A password in the URL is never written into a checklist. */
static void the_url_password_is_not_written(void **state)
{
	(void)state;
	walk w;
	walk_init(&w);
	walk_start(&w, find("http-error-503"));
	checklist c = { .date = "d", .walk = &w, .url = "https://alice:secret@ndes/certsrv/mscep/mscep.dll" };
	for (int f = CHECKLIST_TEXT; f <= CHECKLIST_MARKDOWN; f++) {
		char *out = render(&c, (checklist_format)f);
		assert_null(strstr(out, "secret"));
		assert_non_null(strstr(out, "https://alice:***@ndes/certsrv/mscep/mscep.dll"));
		free(out);
	}
	walk_release(&w);
}

static void walk_without_remediation_says_so(void **state)
{
	(void)state;
	walk w;
	walk_init(&w);
	walk_start(&w, tree_set_tree(&set, "index")->start);
	checklist c = { .date = "d", .walk = &w };
	char *out = render(&c, CHECKLIST_TEXT);
	assert_non_null(strstr(out, "No remediation was reached on this walk."));
	assert_null(strstr(out, "Sources"));
	free(out);
	walk_release(&w);
}

static void write_failure_is_reported(void **state)
{
	(void)state;
	const node *r = find("gatewaytimeout");
	checklist c = { .date = "d", .sections = &r, .nsections = 1 };
	FILE *full = fopen("/dev/full", "w");
	if (full == NULL)
		skip();
	assert_int_equal(checklist_write(full, &c, CHECKLIST_TEXT), -1);
	fclose(full);
}

static void wrap_counts_columns_not_bytes(void **state)
{
	(void)state;
	assert_int_equal(wrap_width("Åtgärda här"), 11);
	assert_int_equal(wrap_width("\xe6\xbc\xa2\xe5\xad\x97"), 4);   /* two wide CJK characters */
}

/* The first line has the room its prefix leaves, the others their indent's;
 * "Felsök för" fits 10 columns though it is 12 bytes, and a word wider than
 * the line is cut, not lost. */
static void printed_lines_keep_prefix_and_indent(void **state)
{
	(void)state;
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	wrap_print(f, "- ", 2, "Felsök för enheten HKEY_LOCAL_MACHINE", 12);
	wrap_print(f, "Orsak: ", 2, "", 12);
	fclose(f);
	assert_string_equal(out, "- Felsök för\n  enheten\n  HKEY_LOCAL\n  _MACHINE\nOrsak: \n");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_has_a_box_for_every_step),
		cmocka_unit_test(text_prose_fits_eighty_columns),
		cmocka_unit_test(commands_are_kept_exactly),
		cmocka_unit_test(markdown_has_task_items_and_fences),
		cmocka_unit_test(walk_shows_path_answers_and_findings),
		cmocka_unit_test(the_url_password_is_not_written),
		cmocka_unit_test(walk_without_remediation_says_so),
		cmocka_unit_test(write_failure_is_reported),
		cmocka_unit_test(wrap_counts_columns_not_bytes),
		cmocka_unit_test(printed_lines_keep_prefix_and_indent),
	};
	return cmocka_run_group_tests_name("checklist", tests, load_shipped_trees, free_trees);
}
