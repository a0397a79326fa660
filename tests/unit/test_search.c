/* Search: what the wizard's '/' screen finds, over the shipped trees. */
#include <config.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "search.h"

static tree_set set;

static int setup(void **state)
{
	(void)state;
	static const char extra[] =
		"id: accents\n_title: Accents\nflow_step: 0\narticle: accents\nstart: event\n"
		"nodes:\n  event:\n    type: info\n    _title: Événement 36 på enheten\n    next: street\n"
		"  street:\n    type: info\n    _title: Straße\n    _text: Æbleskiver, Œuvre, Ĳssel\n";
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
	static char buf[32768];
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
	/* the section titled so first, then the one whose choice says it */
	assert_string_equal(found("HTTP Error 503"),
			    "device-to-ndes/http-error-503 "
			    "device-to-ndes/test-and-troubleshoot-the-scep-server-url");
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

/* The index of the tree T in the set. */
static size_t tree_index(const tree *t)
{
	size_t i = 0;
	while (i < set.ntrees && set.trees[i] != t)
		i++;
	return i;
}

/* Whether A comes before B in tree order. */
static int before(const node *a, const node *b)
{
	size_t ta = tree_index(a->tree), tb = tree_index(b->tree);
	return ta < tb || (ta == tb && a < b);
}

static void results_cover_every_tree_in_order(void **state)
{
	(void)state;
	const node **hits;
	size_t n = search_nodes(&set, "ndes", &hits);
	int seen[3] = { 0 };
	static const char *const ids[] = { "certificate-delivery", "device-to-ndes", "index" };
	/* the sections titled with NDES first, in tree order, then those that
	 * say it in their text, then those with it only in an example, a
	 * command or an id, each in tree order */
	size_t titled = 0;
	while (titled < n && hits[titled]->title.s && strcasestr(hits[titled]->title.s, "ndes"))
		titled++;
	assert_true(titled > 0 && titled < n);
	int breaks = 0;
	for (size_t i = 0; i < n; i++) {
		if (i >= titled)
			assert_null(strcasestr(hits[i]->title.s ? hits[i]->title.s : "", "ndes"));
		if (i > titled)
			breaks += !before(hits[i - 1], hits[i]);
		else if (i > 0 && i < titled)
			assert_true(before(hits[i - 1], hits[i]));
		for (int k = 0; k < 3; k++)
			seen[k] |= strcmp(hits[i]->tree->id, ids[k]) == 0;
	}
	free(hits);
	assert_true(breaks <= 1);
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
	assert_memory_equal(s + at, "MaxRequestBytes ", strlen("MaxRequestBytes "));
	/* after an accented letter the offset counts bytes, not characters */
	n = tree_set_find(&set, "accents/event", &amb);
	s = search_match(n, "36 PÅ", &at);
	assert_non_null(s);
	assert_string_equal(s + at, "36 på enheten");
	assert_null(search_match(n, "absent", &at));
}

/* What QUERY finds in language LANG, in a buffer of its own. */
static char *found_in(const char *lang, const char *query)
{
	assert_int_equal(i18n_set_lang(lang), 0);
	char *s = strdup(found(query));
	i18n_set_lang("en");
	assert_non_null(s);
	return s;
}

/* An engineer types without accents, as on a keyboard that has none. */
static void assert_same_hits(const char *lang, const char *plain, const char *accented)
{
	char *want = found_in(lang, accented), *got = found_in(lang, plain);
	assert_string_not_equal(want, "");
	assert_string_equal(got, want);
	free(want);
	free(got);
}

static void folds_spanish_accents(void **state)
{
	(void)state;
	assert_same_hits("es", "autenticacion", "autenticación");
	assert_same_hits("es", "AUTENTICACION", "autenticación");
}

static void folds_portuguese_accents(void **state)
{
	(void)state;
	assert_same_hits("pt_BR", "solicitacao", "solicitação");
}

static void folds_swedish_accents(void **state)
{
	(void)state;
	assert_same_hits("sv", "forbjudet", "förbjudet");
	/* the words shown around the match start at the accented word */
	int amb;
	size_t at;
	const node *n = tree_set_find(&set, "test-and-troubleshoot-the-scep-server-url", &amb);
	assert_int_equal(i18n_set_lang("sv"), 0);
	const char *s = search_match(n, "forbjudet", &at);
	i18n_set_lang("en");
	assert_non_null(s);
	assert_memory_equal(s + at, "Förbjudet", strlen("Förbjudet"));
}

static void folds_ligatures_and_sharp_s(void **state)
{
	(void)state;
	assert_string_equal(found("strasse"), "accents/street");
	assert_string_equal(found("aebleskiver oeuvre ijssel"), "accents/street");
	int amb;
	size_t at;
	const node *n = tree_set_find(&set, "accents/street", &amb);
	const char *s = search_match(n, "oeuvre", &at);
	assert_non_null(s);
	assert_string_equal(s + at, "Œuvre, Ĳssel");
}

static void matches_every_word_in_any_order(void **state)
{
	(void)state;
	/* the words are in different strings: the title and a step's value */
	assert_string_equal(found("65534 414"), "device-to-ndes/http-414-request-uri-too-long");
	assert_string_equal(found("enheten 36 événement"), "accents/event");
	assert_string_equal(found("enheten absent"), "");
	/* the match shown is the first word's */
	int amb;
	size_t at;
	const node *n = tree_set_find(&set, "accents/event", &amb);
	const char *s = search_match(n, "enheten événement", &at);
	assert_non_null(s);
	assert_string_equal(s + at, "enheten");
}

static void ranks_titles_above_examples(void **state)
{
	(void)state;
	/* GetCACaps is in the example of the article's first section, and in
	 * the title of a section far below it */
	const char *hits = found("getcacaps");
	const char *title = strstr(hits, "device-to-ndes/ios-no-getcacaps-request");
	const char *example = strstr(hits, "device-to-ndes/review-iis-logs");
	assert_non_null(title);
	assert_non_null(example);
	assert_true(title < example);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	i18n_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finds_a_status_code_in_text_and_choices),
		cmocka_unit_test(ignores_case),
		cmocka_unit_test(finds_untranslated_commands_paths_and_keywords),
		cmocka_unit_test(finds_section_ids),
		cmocka_unit_test(results_cover_every_tree_in_order),
		cmocka_unit_test(nothing_for_empty_or_absent_text),
		cmocka_unit_test(tells_where_it_matched),
		cmocka_unit_test(folds_spanish_accents),
		cmocka_unit_test(folds_portuguese_accents),
		cmocka_unit_test(folds_swedish_accents),
		cmocka_unit_test(folds_ligatures_and_sharp_s),
		cmocka_unit_test(matches_every_word_in_any_order),
		cmocka_unit_test(ranks_titles_above_examples),
	};
	return cmocka_run_group_tests_name("search", tests, setup, teardown);
}
