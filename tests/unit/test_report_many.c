/* The summary of many checks: a line per URL in the order given, with its
 * outcome, its problems and the first one's code and section; and one YAML
 * document whose results are the single reports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_many.h"
#include "yamldoc.h"

/* A healthy NDES, one that answers 503, one refused before any request. */
static void three(check_report reps[3])
{
	reps[0] = (check_report){ .url = strdup("http://ndes1/certsrv/mscep/mscep.dll"), .outcome = "ok" };
	assert_non_null(finding_add(&reps[0].findings, finding_builtin(FK_STATUS_403), NULL));
	reps[1] = (check_report){ .url = strdup("https://alice:***@ndes2/certsrv/mscep/mscep.dll"),
				  .outcome = "http-error-503" };
	assert_non_null(finding_add(&reps[1].findings, finding_builtin(FK_NO_TLS), NULL));
	assert_non_null(finding_add(&reps[1].findings, finding_builtin(FK_STATUS_503), NULL));
	assert_non_null(finding_add(&reps[1].findings, finding_builtin(FK_STATUS_500), NULL));
	reps[2] = (check_report){ .url = strdup("ftp://ndes3/") };
	assert_non_null(finding_add(&reps[2].findings, finding_builtin(FK_BAD_URL), strdup("only http")));
}

static char *render(const check_report *reps, size_t n, int yaml)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	if (yaml)
		assert_int_equal(report_many_yaml(reps, n, f), 0);
	else
		report_many_text(reps, n, f);
	fclose(f);
	return buf;
}

static void a_line_per_url(void **state)
{
	(void)state;
	check_report reps[3];
	three(reps);
	char *out = render(reps, 3, 0);
	static const char want[] =
		"http://ndes1/certsrv/mscep/mscep.dll             ok              0 problems\n"
		"https://alice:***@ndes2/certsrv/mscep/mscep.dll  http-error-503  2 problems  "
		"status-503 (see section http-error-503)\n"
		"ftp://ndes3/                                     -               1 problem   bad-url\n"
		"\n"
		"Checked 3 URLs: 1 healthy, 2 with a problem.\n"
		"The full report of one: scepwiz check URL; of all: --format yaml.\n";
	assert_string_equal(out, want);
	assert_int_equal(report_many_with_problems(reps, 3), 2);
	free(out);
	for (int i = 0; i < 3; i++)
		check_report_free(&reps[i]);
}

static void all_healthy_says_so(void **state)
{
	(void)state;
	check_report reps[3];
	three(reps);
	char *out = render(reps, 1, 0);
	assert_non_null(strstr(out, "Checked 1 URL: 1 healthy, 0 with a problem.\n"));
	assert_null(strstr(out, "full report"));
	free(out);
	for (int i = 0; i < 3; i++)
		check_report_free(&reps[i]);
}

static void yaml_results_are_the_single_reports(void **state)
{
	(void)state;
	check_report reps[3];
	three(reps);
	char *out = render(reps, 3, 1);
	yd_error err;
	yd_node *doc = yd_parse(out, strlen(out), &err);
	if (doc == NULL)
		fail_msg("%u:%u: %s\n%s", err.line, err.col, err.msg, out);
	assert_string_equal(yd_get(doc, "urls")->str, "3");
	assert_string_equal(yd_get(doc, "with_problems")->str, "2");
	const yd_node *results = yd_get(doc, "results");
	assert_non_null(results);
	assert_int_equal(results->kind, YD_SEQ);
	assert_int_equal(results->n, 3);
	const yd_node *second = results->items[1];
	assert_string_equal(yd_get(second, "version")->str, "2");
	assert_string_equal(yd_get(second, "url")->str, "https://alice:***@ndes2/certsrv/mscep/mscep.dll");
	assert_string_equal(yd_get(second, "outcome")->str, "http-error-503");
	assert_string_equal(yd_get(second, "problems")->str, "2");
	assert_int_equal(yd_get(second, "findings")->n, 3);
	const yd_node *third = results->items[2];
	assert_string_equal(yd_get(third, "outcome")->str, "null");
	assert_string_equal(yd_get(yd_get(third, "findings")->items[0], "code")->str, "bad-url");
	yd_free(doc);
	free(out);
	for (int i = 0; i < 3; i++)
		check_report_free(&reps[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_line_per_url),
		cmocka_unit_test(all_healthy_says_so),
		cmocka_unit_test(yaml_results_are_the_single_reports),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
