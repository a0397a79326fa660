/* The tree loader and validator: good trees, and every bad file refused with
 * its location and a message a person can act on. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tree.h"

#define DATA SRCDIR "/tests/data"

static tree_set load_good(void)
{
	tree_set set = { 0 };
	assert_int_equal(tree_set_add_file(&set, DATA "/good/mini.yaml", stderr), 0);
	assert_int_equal(tree_set_add_file(&set, DATA "/good/other.yaml", stderr), 0);
	assert_int_equal(tree_set_resolve(&set, stderr), 0);
	return set;
}

static void good_tree_is_read_whole(void **state)
{
	(void)state;
	tree_set set = load_good();
	const tree *t = tree_set_tree(&set, "mini");
	assert_non_null(t);
	assert_string_equal(t->title.s, "Mini tree");
	assert_int_equal(t->flow_step, 2);
	assert_int_equal(t->nnodes, 5);
	assert_string_equal(t->start->id, "first-question");
	const node *q = t->start;
	assert_int_equal(q->type, NODE_QUESTION);
	assert_int_equal(q->nchoices, 3);
	assert_string_equal(q->choices[1].label.s, "500");
	assert_string_equal(q->choices[1].next->id, "fix-it");
	assert_string_equal(q->example, "GET /certsrv/mscep/mscep.dll 200 0 0\n");
	assert_int_equal(q->title.line, 10);
	tree_set_clear(&set);
}

static void remediation_keeps_literals_exactly(void **state)
{
	(void)state;
	tree_set set = load_good();
	int amb;
	const node *r = tree_set_find(&set, "mini/fix-it", &amb);
	assert_non_null(r);
	assert_int_equal(r->type, NODE_REMEDIATION);
	assert_int_equal(r->ncauses, 1);
	assert_int_equal(r->causes[0].nsteps, 2);
	assert_string_equal(r->causes[0].steps[0].command, "iisreset");
	assert_string_equal(r->causes[0].steps[1].path, "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft");
	assert_string_equal(r->causes[0].steps[1].value, "MaxFieldLength = 65534");
	assert_string_equal(r->keywords[0], "Old Product Name");
	assert_string_equal(r->next->id, "all-good");
	tree_set_clear(&set);
}

static void link_resolves_into_other_tree(void **state)
{
	(void)state;
	tree_set set = load_good();
	int amb;
	const node *l = tree_set_find(&set, "elsewhere", &amb);
	assert_int_equal(l->type, NODE_LINK);
	assert_non_null(l->link);
	assert_string_equal(l->link->id, "far-away");
	assert_string_equal(l->link->tree->id, "other");
	tree_set_clear(&set);
}

static void shared_anchor_needs_tree_prefix(void **state)
{
	(void)state;
	tree_set set = load_good();
	int amb;
	assert_null(tree_set_find(&set, "fix-it", &amb));
	assert_true(amb);
	const node *n = tree_set_find(&set, "other/fix-it", &amb);
	assert_non_null(n);
	char buf[64];
	assert_string_equal(tree_set_spec(&set, n, buf, sizeof buf), "other/fix-it");
	n = tree_set_find(&set, "far-away", &amb);
	assert_string_equal(tree_set_spec(&set, n, buf, sizeof buf), "far-away");
	assert_string_equal(tree_set_find(&set, "other", &amb)->id, "other-start");
	assert_null(tree_set_find(&set, "no-such-section", &amb));
	assert_false(amb);
	tree_set_clear(&set);
}

static tree_set load_evidence(void)
{
	tree_set set = { 0 };
	assert_int_equal(tree_set_add_file(&set, DATA "/good/evidence.yaml", stderr), 0);
	assert_int_equal(tree_set_resolve(&set, stderr), 0);
	return set;
}

/* The anchors other revisions and languages link to open the same section. */
static void aliases_open_their_section(void **state)
{
	(void)state;
	tree_set set = load_evidence();
	int amb;
	const node *n = tree_set_find(&set, "status-code-500", &amb);
	assert_non_null(n);
	assert_ptr_equal(tree_set_find(&set, "troubleshoot-status-code-500", &amb), n);
	assert_ptr_equal(tree_set_find(&set, "evid/500---internal-server-error", &amb), n);
	assert_string_equal(tree_set_find(&set, "evid-title", &amb)->id, "start");
	tree_set_clear(&set);
}

static void evidence_patterns_are_read(void **state)
{
	(void)state;
	tree_set set = load_evidence();
	int amb;
	const node *n = tree_set_find(&set, "status-code-500", &amb);
	assert_int_equal(n->nevidence, 2);
	assert_string_equal(n->evidence[0].code, "status-code-500");
	assert_string_equal(n->evidence[0].log, "iis");
	assert_int_equal(n->evidence[0].nwhere, 2);
	assert_string_equal(n->evidence[0].where[2], "sc-status");
	assert_string_equal(n->evidence[0].where[3], "500");
	assert_int_equal(n->evidence[0].sev, SEV_PROBLEM);
	assert_string_equal(n->evidence[1].code, "status-code-500-2");
	assert_string_equal(n->evidence[1].contains, "Error 12175");
	assert_int_equal(n->evidence[1].sev, SEV_WARNING);
	n = tree_set_find(&set, "works", &amb);
	assert_string_equal(n->evidence[0].code, "verify-ok");
	assert_int_equal(n->evidence[0].sev, SEV_OK);
	tree_set_clear(&set);
}

/* A mistyped section gets the closest names, the closest first. */
static void unknown_section_gets_suggestions(void **state)
{
	(void)state;
	tree_set set = load_evidence();
	char *out[3];
	size_t n = tree_set_suggest(&set, "status-code-50", out, 3);
	assert_true(n >= 1);
	assert_string_equal(out[0], "status-code-500");
	for (size_t i = 0; i < n; i++)
		free(out[i]);
	assert_int_equal(tree_set_suggest(&set, "completely-unrelated-words", out, 3), 0);
	tree_set_clear(&set);
}

static void count_text(const text *msg, void *arg)
{
	assert_true(msg->line > 0);
	(*(int *)arg)++;
}

static void every_translatable_string_is_visited(void **state)
{
	(void)state;
	tree_set set = load_good();
	int n = 0;
	tree_each_text(tree_set_tree(&set, "mini"), count_text, &n);
	/* tree title, 5 titles, 2 _texts, 6 labels, cause, solution, 2 steps */
	assert_int_equal(n, 18);
	tree_set_clear(&set);
}

/* ---- the corpus of bad files (tests/data/bad/expect.txt) ---------------- */

typedef struct {
	char file[128], pos[32], msg[256];
} bad_case;

static void bad_file_is_refused_with_location(void **state)
{
	const bad_case *bc = *state;
	char path[512], *out = NULL;
	size_t len = 0;
	snprintf(path, sizeof path, DATA "/bad/%s", bc->file);
	FILE *errs = open_memstream(&out, &len);
	tree_set set = { 0 };
	int nerr = tree_set_add_file(&set, path, errs);
	if (nerr == 0)
		nerr = tree_set_resolve(&set, errs);
	fclose(errs);
	char want[700];
	snprintf(want, sizeof want, "%s:%s", path, bc->pos);
	if (nerr == 0 || strstr(out, want) == NULL || strstr(out, bc->msg) == NULL)
		fail_msg("%s: wanted '%s' ... '%s', got: %s", bc->file, want, bc->msg, out);
	assert_non_null(strstr(out, "error: "));
	free(out);
	tree_set_clear(&set);
}

static size_t read_cases(bad_case *cases, size_t max)
{
	FILE *f = fopen(DATA "/bad/expect.txt", "r");
	assert_non_null(f);
	char line[512];
	size_t n = 0;
	while (n < max && fgets(line, sizeof line, f)) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		int used = 0;
		if (sscanf(line, "%127s %31s %n", cases[n].file, cases[n].pos, &used) == 2) {
			snprintf(cases[n].msg, sizeof cases[n].msg, "%s", line + used);
			n++;
		}
	}
	fclose(f);
	return n;
}

/* ---- hostile sizes, made on the fly ------------------------------------- */

/* HEAD, then UNIT TIMES times (numbered when KEYED, to make distinct keys). */
static void write_file(const char *path, const char *head, const char *unit, size_t times,
		       int keyed, const char *tail)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(head, f);
	for (size_t i = 0; i < times; i++) {
		if (keyed)
			fprintf(f, "k%zu", i);
		fputs(unit, f);
	}
	fputs(tail, f);
	fclose(f);
}

static void refuse_hostile(const char *path, const char *expect)
{
	char *out = NULL;
	size_t len = 0;
	FILE *errs = open_memstream(&out, &len);
	tree_set set = { 0 };
	assert_true(tree_set_add_file(&set, path, errs) > 0);
	fclose(errs);
	if (strstr(out, expect) == NULL)
		fail_msg("wanted '%s', got: %s", expect, out);
	free(out);
	remove(path);
}

static void millions_of_scalars_are_refused(void **state)
{
	(void)state;
	const char *path = BUILDDIR "/tests/hostile-scalars.yaml";
	write_file(path, "x: [", "a,", 1500000, 0, "a]\n");   /* 3 MB */
	refuse_hostile(path, "more than 100000 YAML nodes");
}

static void huge_mapping_is_refused(void **state)
{
	(void)state;
	const char *path = BUILDDIR "/tests/hostile-keys.yaml";
	write_file(path, "", ": v\n", 200000, 1, "");
	refuse_hostile(path, "more than 1000 keys");
}

static void oversized_file_is_refused(void **state)
{
	(void)state;
	const char *path = BUILDDIR "/tests/hostile-big.yaml";
	write_file(path, "x: \"", "0123456789abcdef", 300000, 0, "\"\n");   /* 4.8 MB */
	refuse_hostile(path, "larger than");
}

static void missing_file_names_the_file(void **state)
{
	(void)state;
	char *out = NULL;
	size_t len = 0;
	FILE *errs = open_memstream(&out, &len);
	tree_set set = { 0 };
	assert_int_equal(tree_set_add_file(&set, "/nonexistent/tree.yaml", errs), 1);
	fclose(errs);
	assert_string_equal(out, "/nonexistent/tree.yaml: error: No such file or directory\n");
	free(out);
}

int main(void)
{
	static bad_case cases[128];
	size_t ncases = read_cases(cases, 128);
	struct CMUnitTest tests[160] = {
		cmocka_unit_test(good_tree_is_read_whole),
		cmocka_unit_test(remediation_keeps_literals_exactly),
		cmocka_unit_test(link_resolves_into_other_tree),
		cmocka_unit_test(shared_anchor_needs_tree_prefix),
		cmocka_unit_test(aliases_open_their_section),
		cmocka_unit_test(evidence_patterns_are_read),
		cmocka_unit_test(unknown_section_gets_suggestions),
		cmocka_unit_test(every_translatable_string_is_visited),
		cmocka_unit_test(millions_of_scalars_are_refused),
		cmocka_unit_test(huge_mapping_is_refused),
		cmocka_unit_test(oversized_file_is_refused),
		cmocka_unit_test(missing_file_names_the_file),
	};
	size_t n = 9;
	static char names[128][160];
	for (size_t i = 0; i < ncases; i++, n++) {
		snprintf(names[i], sizeof names[i], "bad file %.100s is refused", cases[i].file);
		tests[n] = (struct CMUnitTest){ names[i], bad_file_is_refused_with_location, NULL,
						NULL, &cases[i] };
	}
	return _cmocka_run_group_tests("tree", tests, n, NULL, NULL);
}
