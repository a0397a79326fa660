/* Search: what the wizard's '/' screen finds, over the shipped trees. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"

static tree_set set;

static int setup(void **state)
{
	(void)state;
	static const char extra[] =
		"id: accents\n_title: Accents\nflow_step: 0\narticle: accents\nstart: event\n"
		"nodes:\n  event:\n    type: info\n    _title: Événement 36 på enheten\n";
	if (tree_set_add_dir(&set, SRCDIR "/decision-trees", stderr) ||
	    tree_set_add_buffer(&set, "accents.yaml", extra, sizeof extra - 1, stderr) ||
	    tree_set_resolve(&set, stderr))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tree_set_clear(&set);
	return 0;
}

/* The hits for QUERY as "TREE/NODE TREE/NODE ...". */
static const char *found(const char *query)
{
	static char buf[4096];
	const node **hits;
	size_t n = search_nodes(&set, query, &hits);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(buf, " ");
		strcat(buf, hits[i]->tree->id);
		strcat(buf, "/");
		strcat(buf, hits[i]->id);
	}
	free(hits);
	return buf;
}

static void finds_a_status_code_in_text_and_choices(void **state)
{
	(void)state;
	assert_string_equal(found("HTTP Error 503"),
			    "device-to-ndes/test-and-troubleshoot-the-scep-server-url "
			    "device-to-ndes/http-error-503");
}

static void ignores_case(void **state)
{
	(void)state;
	assert_string_equal(found("http error 503"), found("HTTP ERROR 503"));
	assert_string_equal(found("ÉVÉNEMENT 36 PÅ"), "accents/event");
}

static void finds_untranslated_commands_paths_and_keywords(void **state)
{
	(void)state;
	/* only in a step's command */
	assert_string_equal(found("Get-Childitem -Path cert:"),
			    "device-to-ndes/common-causes-for-an-application-pool-crash");
	/* only in a step's value */
	assert_string_equal(found("maxrequestbytes = 65534"),
			    "device-to-ndes/http-414-request-uri-too-long");
	/* only in keywords: an older product name */
	assert_string_equal(found("AAD Application Proxy Connector"), "device-to-ndes/gatewaytimeout");
}

static void finds_section_ids(void **state)
{
	(void)state;
	assert_string_equal(found("blocked-on-the-network"), "device-to-ndes/blocked-on-the-network");
}

static void results_cover_every_tree_in_order(void **state)
{
	(void)state;
	const node **hits;
	size_t n = search_nodes(&set, "ndes", &hits);
	int seen[3] = { 0 };
	static const char *const ids[] = { "certificate-delivery", "device-to-ndes", "index" };
	size_t last_tree = 0;
	for (size_t i = 0; i < n; i++) {
		size_t t = 0;
		while (t < set.ntrees && set.trees[t] != hits[i]->tree)
			t++;
		assert_true(t >= last_tree);     /* tree order */
		if (t == last_tree && i > 0 && hits[i - 1]->tree == hits[i]->tree)
			assert_true(hits[i - 1] < hits[i]);   /* article order */
		last_tree = t;
		for (int k = 0; k < 3; k++)
			seen[k] |= strcmp(hits[i]->tree->id, ids[k]) == 0;
	}
	free(hits);
	assert_true(seen[0] && seen[1] && seen[2]);
}

static void nothing_for_empty_or_absent_text(void **state)
{
	(void)state;
	const node **hits;
	assert_int_equal(search_nodes(&set, "", &hits), 0);
	assert_null(hits);
	assert_int_equal(search_nodes(&set, "no such thing anywhere", &hits), 0);
	assert_null(hits);
}

static void tells_where_it_matched(void **state)
{
	(void)state;
	int amb;
	size_t at;
	const node *n = tree_set_find(&set, "http-414-request-uri-too-long", &amb);
	const char *s = search_match(n, "MAXREQUESTBYTES = 6", &at);
	assert_non_null(s);
	assert_string_equal(s + at, "MaxRequestBytes = 65534");
	/* after an accented letter the offset counts bytes, not characters */
	n = tree_set_find(&set, "accents/event", &amb);
	s = search_match(n, "36 PÅ", &at);
	assert_non_null(s);
	assert_string_equal(s + at, "36 på enheten");
	assert_null(search_match(n, "absent", &at));
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finds_a_status_code_in_text_and_choices),
		cmocka_unit_test(ignores_case),
		cmocka_unit_test(finds_untranslated_commands_paths_and_keywords),
		cmocka_unit_test(finds_section_ids),
		cmocka_unit_test(results_cover_every_tree_in_order),
		cmocka_unit_test(nothing_for_empty_or_absent_text),
		cmocka_unit_test(tells_where_it_matched),
	};
	return cmocka_run_group_tests_name("search", tests, setup, teardown);
}
