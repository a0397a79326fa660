/* The log analysis over records as the readers give them: which patterns a
 * record matches, what is counted, and the flow line. No files: the records
 * are built here, so the matching is tested apart from the readers. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence/logscan.h"
#include "trees_fixture.h"

#define DATA SRCDIR "/tests/data"

static tree_set evid;
static evidence_index ix;

static int setup(void **state)
{
	(void)state;
	if (tree_set_add_file(&evid, DATA "/good/evidence.yaml", stderr) ||
	    tree_set_resolve(&evid, stderr))
		return -1;
	return evidence_index_build(&ix, &evid);
}

static int teardown(void **state)
{
	(void)state;
	evidence_index_free(&ix);
	tree_set_clear(&evid);
	return 0;
}

/* An IIS record with the fields a W3C header would name. */
static log_record iis(const char *file, unsigned long line, const char *stem, const char *status,
		      const char *agent, const char *time, log_field f[4])
{
	f[0] = (log_field){ "cs-uri-stem", stem };
	f[1] = (log_field){ "sc-status", status };
	f[2] = (log_field){ "cs(User-Agent)", agent };
	f[3] = (log_field){ "cs-method", "GET" };
	return (log_record){ .kind = "iis", .file = file, .line = line, .time = time,
			     .text = stem, .text_len = strlen(stem), .fields = f, .nfields = 4 };
}

static const finding *find_code(const log_scan *s, const char *code)
{
	for (size_t i = 0; i < s->findings.n; i++)
		if (strcmp(s->findings.v[i].kind->code, code) == 0)
			return &s->findings.v[i];
	return NULL;
}

static void a_where_pattern_matches_its_fields(void **state)
{
	(void)state;
	log_field f[4];
	log_record r = iis("a.log", 3, "/certsrv/mscep/mscep.dll/pkiclient.exe", "500", "x", NULL, f);
	assert_true(evidence_matches(&ix.v[0], &r));
	f[1].value = "200";
	assert_false(evidence_matches(&ix.v[0], &r));
	f[1].value = "500";
	r.kind = "httperr";
	assert_false(evidence_matches(&ix.v[0], &r));
}

static void a_contains_pattern_ignores_case(void **state)
{
	(void)state;
	const char *line = "Failed to verify: error 12175 while sending";
	log_record r = { .kind = "ndesplugin", .file = "NDESPlugin.log", .line = 9, .text = line,
			 .text_len = strlen(line) };
	assert_true(evidence_matches(&ix.v[1], &r));
	r.text = "Error 1217";
	assert_false(evidence_matches(&ix.v[1], &r));
}

static void findings_count_lines_and_keep_the_first_and_latest(void **state)
{
	(void)state;
	log_scan s;
	logscan_init(&s, &ix);
	log_sink sink = logscan_sink(&s);
	sink.file_kind("u_ex1.log", "iis", sink.arg);
	log_field f[4];
	char when[20];
	for (unsigned long i = 1; i <= 10; i++) {
		snprintf(when, sizeof when, "2026-11-%02lu 08:00:00", i + 10);
		log_record r = iis("u_ex1.log", i, "/certsrv/mscep/mscep.dll", "500",
				   "Mozilla/4.0+(compatible;+Win32;+NDES+client)", when, f);
		sink.record(&r, sink.arg);
	}
	logscan_finish(&s);
	const finding *p = find_code(&s, "status-code-500");
	assert_non_null(p);
	assert_int_equal(p->count, 10);
	assert_int_equal(p->nlines, LOGSCAN_LINES);
	assert_int_equal(p->lines[0].line, 1);
	assert_int_equal(p->lines[LOGSCAN_LINES - 1].line, 10);
	assert_string_equal(p->lines[0].file, "u_ex1.log");
	assert_non_null(strstr(p->detail, "2026-11-11 08:00:00 .. 2026-11-20 08:00:00"));
	const finding *t = find_code(&s, "iis-mscep-requests");
	assert_non_null(t);
	assert_int_equal(t->count, 10);
	assert_non_null(strstr(t->detail, "HTTP 500, Windows"));
	assert_null(find_code(&s, "iis-no-mscep"));
	logscan_free(&s);
}

static void an_iis_log_without_mscep_is_a_finding(void **state)
{
	(void)state;
	log_scan s;
	logscan_init(&s, &ix);
	log_sink sink = logscan_sink(&s);
	sink.file_kind("quiet.log", "iis", sink.arg);
	log_field f[4];
	log_record r = iis("quiet.log", 5, "/index.html", "200", "curl", NULL, f);
	sink.record(&r, sink.arg);
	logscan_finish(&s);
	const finding *q = find_code(&s, "iis-no-mscep");
	assert_non_null(q);
	assert_int_equal(q->kind->sev, SEV_PROBLEM);
	assert_string_equal(q->kind->section, "blocked-on-the-network");
	assert_string_equal(q->detail, "quiet.log");
	logscan_free(&s);
}

static void escape_sequences_in_a_line_never_reach_the_report(void **state)
{
	(void)state;
	log_scan s;
	logscan_init(&s, &ix);
	log_sink sink = logscan_sink(&s);
	const char *line = "\x1b]0;owned\x07 Error 12175";
	log_record r = { .kind = "ndesplugin", .file = "evil\x1b[2J.log", .line = 1, .text = line,
			 .text_len = strlen(line) };
	sink.record(&r, sink.arg);
	const finding *f = find_code(&s, "status-code-500-2");
	assert_non_null(f);
	assert_null(strchr(f->lines[0].text, '\x1b'));
	assert_null(strchr(f->lines[0].file, '\x1b'));
	logscan_free(&s);
}

/* The flow line: a step fails where a problem points to its tree, and is
 * proven where a success marker does. */
static void the_flow_line_names_failed_and_proven_steps(void **state)
{
	(void)state;
	log_scan s;
	logscan_init(&s, &ix);
	log_sink sink = logscan_sink(&s);
	log_field ev[2] = { { "provider", "Microsoft-Intune-CertificateConnectors" }, { "id", "4003" } };
	log_record ok = { .kind = "event", .file = "admin.evtx", .line = 1, .text = "ok",
			  .text_len = 2, .fields = ev, .nfields = 2 };
	sink.record(&ok, sink.arg);
	logscan_finish(&s);
	flow_row rows[6];
	logscan_flow(&s, &evid, rows);
	assert_int_equal(rows[2].state, FLOW_OK);
	assert_string_equal(rows[2].why->kind->code, "verify-ok");
	assert_int_equal(rows[0].state, FLOW_UNKNOWN);
	logscan_free(&s);
}

/* Every pattern is a kind the finding table knows (explain, sessions). */
static void patterns_are_registered_as_kinds(void **state)
{
	(void)state;
	const finding_kind *k = finding_kind_find("verify-ok");
	assert_non_null(k);
	assert_int_equal(k->sev, SEV_OK);
	assert_string_equal(k->section, "works");
	assert_string_equal(k->message, "It works");
	assert_non_null(finding_kind_find("status-503"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_where_pattern_matches_its_fields),
		cmocka_unit_test(a_contains_pattern_ignores_case),
		cmocka_unit_test(findings_count_lines_and_keep_the_first_and_latest),
		cmocka_unit_test(an_iis_log_without_mscep_is_a_finding),
		cmocka_unit_test(escape_sequences_in_a_line_never_reach_the_report),
		cmocka_unit_test(the_flow_line_names_failed_and_proven_steps),
		cmocka_unit_test(patterns_are_registered_as_kinds),
	};
	return cmocka_run_group_tests_name("logscan", tests, setup, teardown);
}
