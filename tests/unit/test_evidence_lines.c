/* Every evidence pattern of the shipped trees is exercised by a line from
 * the articles (tests/data/evidence-lines.txt), and each of those lines
 * points to the section it is listed under. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence/patterns.h"
#include "trees_fixture.h"

#define DATA SRCDIR "/tests/data"
enum { MAX_TOKENS = 64, MAX_FIELDS = 16 };

static int is_method(const char *t)
{
	static const char *const m[] = { "GET", "POST", "HEAD", "PUT", NULL };
	for (size_t i = 0; m[i]; i++)
		if (strcmp(t, m[i]) == 0)
			return 1;
	return 0;
}

/* The articles print IIS lines without their leading fields (date, time),
 * sometimes with two fields run together: the fields the patterns use are
 * read from the line's two ends, method and URI stem from the left, status,
 * substatus and Win32 status from the right. */
static size_t iis_fields(char *line, log_field *f)
{
	char *tok[MAX_TOKENS];
	size_t n = 0, k = 0;
	for (char *t = strtok(line, " "); t && n < MAX_TOKENS; t = strtok(NULL, " "))
		tok[n++] = t;
	for (size_t i = 0; i + 1 < n; i++)
		if (is_method(tok[i])) {
			f[k++] = (log_field){ "cs-method", tok[i] };
			f[k++] = (log_field){ "cs-uri-stem", tok[i + 1] };
			if (i + 2 < n)
				f[k++] = (log_field){ "cs-uri-query", tok[i + 2] };
			break;
		}
	/* The status is the first of the numbers that end the line that looks
	 * like one (IIS may log sc-bytes and time-taken after it). */
	size_t first = n;
	while (first > 0 && strspn(tok[first - 1], "0123456789.") == strlen(tok[first - 1]))
		first--;
	for (size_t i = first; i + 2 < n; i++) {
		long status = strtol(tok[i], NULL, 10);
		if (strlen(tok[i]) == 3 && status >= 100 && status <= 599) {
			f[k++] = (log_field){ "sc-status", tok[i] };
			f[k++] = (log_field){ "sc-substatus", tok[i + 1] };
			f[k++] = (log_field){ "sc-win32-status", tok[i + 2] };
			break;
		}
	}
	return k;
}

/* HTTPERR lines are written whole, in HTTP.sys's own field order. */
static size_t httperr_fields(char *line, log_field *f)
{
	static const char *const names[] = { "date", "time", "c-ip", "c-port", "s-ip", "s-port",
					     "cs-version", "cs-method", "cs-uri", "sc-status",
					     "s-siteid", "s-reason", "s-queuename" };
	size_t k = 0;
	for (char *t = strtok(line, " "); t && k < sizeof names / sizeof *names; t = strtok(NULL, " "))
		f[k] = (log_field){ names[k], t }, k++;
	return k;
}

/* "provider=P;id=N;message" */
static size_t event_fields(char *line, log_field *f, const char **message)
{
	size_t k = 0;
	*message = line;
	for (int i = 0; i < 2; i++) {
		char *semi = strchr(*message, ';');
		char *eq = strchr(*message, '=');
		if (semi == NULL || eq == NULL || eq > semi)
			break;
		*semi = *eq = '\0';
		f[k++] = (log_field){ *message, eq + 1 };
		*message = semi + 1;
	}
	f[k++] = (log_field){ "message", *message };
	return k;
}

/* The record a reader would make of LINE (modified in place). */
static log_record record_of(const char *kind, char *line, char *copy, log_field *f)
{
	log_record r = { .kind = kind, .file = "evidence-lines.txt", .text = line,
			 .text_len = strlen(line), .fields = f };
	if (strcmp(kind, "iis") == 0) {
		strcpy(copy, line);
		r.nfields = iis_fields(copy, f);
	} else if (strcmp(kind, "httperr") == 0) {
		strcpy(copy, line);
		r.nfields = httperr_fields(copy, f);
	} else if (strcmp(kind, "event") == 0) {
		r.nfields = event_fields(line, f, &r.text);
		r.text_len = strlen(r.text);
	} else if (strcmp(kind, "svclog") == 0) {
		f[0] = (log_field){ "message", line };
		r.nfields = 1;
	}
	return r;
}

static void every_pattern_has_a_line_that_points_to_its_section(void **state)
{
	(void)state;
	evidence_index ix;
	assert_int_equal(evidence_index_build(&ix, &set), 0);
	char *hit = calloc(ix.n + 1, 1);
	FILE *in = fopen(DATA "/evidence-lines.txt", "r");
	assert_non_null(in);
	char line[8192], copy[8192];
	int bad = 0, lines = 0;
	while (fgets(line, sizeof line, in)) {
		line[strcspn(line, "\r\n")] = '\0';
		char *kind = strchr(line, '\t'), *logline = kind ? strchr(kind + 1, '\t') : NULL;
		if (line[0] == '#' || line[0] == '\0' || logline == NULL)
			continue;
		*kind++ = '\0';
		*logline++ = '\0';
		lines++;
		log_field f[MAX_FIELDS];
		log_record r = record_of(kind, logline, copy, f);
		int amb, matched = 0;
		const node *want = tree_set_find(&set, line, &amb);
		for (size_t i = 0; i < ix.n; i++)
			if (evidence_matches(&ix.v[i], &r)) {
				hit[i] = 1;
				matched |= ix.v[i].node == want;
			}
		if (!matched) {
			print_error("%s (%s): no pattern of that section matches: %s\n", line, kind, r.text);
			bad++;
		}
	}
	fclose(in);
	for (size_t i = 0; i < ix.n; i++)
		if (!hit[i]) {
			print_error("pattern %s of %s/%s has no test line\n", ix.v[i].pattern->code,
				    ix.v[i].node->tree->id, ix.v[i].node->id);
			bad++;
		}
	free(hit);
	assert_true(lines > 0);
	evidence_index_free(&ix);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_pattern_has_a_line_that_points_to_its_section),
	};
	return cmocka_run_group_tests_name("evidence-lines", tests, load_shipped_trees, free_trees);
}
