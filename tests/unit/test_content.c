/* The shipped trees against the articles: every section anchor is a node,
 * every concrete fact (command, path, key, value, event ID, log string) is
 * kept byte for byte, and every remediation is reached by a walk from the
 * index (the lists in tests/data/fidelity and tests/data/walks.txt). */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "trees_fixture.h"

#define DATA SRCDIR "/tests/data"

/* ---- fidelity ----------------------------------------------------------- */

typedef struct {
	const char *fact;
	int found;
} search;

static void look_text(const text *msg, void *arg)
{
	search *s = arg;
	s->found |= strstr(msg->s, s->fact) != NULL;
}

static void look_literal(const char *lit, void *arg)
{
	search *s = arg;
	s->found |= strstr(lit, s->fact) != NULL;
}

static int tree_holds(const tree *t, const char *fact)
{
	search s = { fact, 0 };
	tree_each_text(t, look_text, &s);
	tree_each_literal(t, look_literal, &s);
	return s.found;
}

static int has_node(const tree *t, const char *id)
{
	for (size_t i = 0; i < t->nnodes; i++)
		if (strcmp(t->nodes[i].id, id) == 0)
			return 1;
	return 0;
}

/* An anchor the articles link to opens a section of T (an id or an alias). */
static int opens_section(const tree *t, const char *anchor)
{
	char spec[2400];
	int amb;
	snprintf(spec, sizeof spec, "%s/%.2048s", t->id, anchor);
	const node *n = tree_set_find(&set, spec, &amb);
	return n && n->tree == t;
}

/* Every fact of one tree's list; returns how many are missing, each named. */
static int missing_facts(const tree *t, const char *path)
{
	char line[2048];
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		print_error("%s: no fidelity list %s\n", t->id, path);
		return 1;
	}
	int missing = 0, facts = 0;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		facts++;
		int ok;
		if (strncmp(line, "anchor: ", 8) == 0)
			ok = has_node(t, line + 8);
		else if (strncmp(line, "alias: ", 7) == 0)
			ok = opens_section(t, line + 7);
		else
			ok = tree_holds(t, line);
		if (!ok) {
			print_error("%s: missing: %s\n", t->id, line);
			missing++;
		}
	}
	fclose(f);
	if (facts < 20) {
		print_error("%s: only %d facts in %s\n", t->id, facts, path);
		missing++;
	}
	return missing;
}

/* Every shipped tree has a list of its article's facts
 * (tests/data/fidelity/TREE.txt), and keeps every one: "anchor: ID" is a
 * node id, "alias: ANCHOR" opens a section of the tree, any other line is a
 * string that stands byte for byte in the tree. */
static void every_tree_keeps_its_articles_facts(void **state)
{
	(void)state;
	int missing = 0;
	for (size_t i = 0; i < set.ntrees; i++) {
		char path[512];
		snprintf(path, sizeof path, DATA "/fidelity/%s.txt", set.trees[i]->id);
		missing += missing_facts(set.trees[i], path);
	}
	assert_int_equal(missing, 0);
}

/* ---- walks -------------------------------------------------------------- */

/* Runs one line of walks.txt; returns the node it ends at or NULL. */
static const node *run_walk(walk *w, const char *start, char *choices)
{
	const tree *t = tree_set_tree(&set, start);
	if (t == NULL || walk_start(w, t->start) < 0)
		return NULL;
	if (strcmp(choices, "-") == 0)
		return walk_current(w);
	for (char *c = strtok(choices, ","); c; c = strtok(NULL, ","))
		if (walk_answer(w, (size_t)atoi(c) - 1) < 0)
			return NULL;
	return walk_current(w);
}

static void every_walk_reaches_its_section(void **state)
{
	(void)state;
	FILE *f = fopen(DATA "/walks.txt", "r");
	assert_non_null(f);
	char line[512], start[64], choices[256], want[256];
	int walks = 0, bad = 0;
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#' || sscanf(line, "%63s %255s %255s", start, choices, want) != 3)
			continue;
		walk w;
		walk_init(&w);
		char spec[300] = "";
		const node *end = run_walk(&w, start, choices);
		if (end)
			snprintf(spec, sizeof spec, "%s/%s", end->tree->id, end->id);
		if (strcmp(spec, want) != 0) {
			print_error("walk %s %s ended at '%s', not %s\n", start, choices, spec, want);
			bad++;
		} else if (end->type == NODE_REMEDIATION) {
			/* The remediation's steps are what the checklist collects. */
			const node *r[64];
			size_t n = walk_remediations(&w, r, 64);
			if (n == 0 || r[n - 1] != end || end->ncauses == 0) {
				print_error("walk to %s did not collect it\n", want);
				bad++;
			}
		}
		walk_release(&w);
		walks++;
	}
	fclose(f);
	assert_true(walks > 0);
	assert_int_equal(bad, 0);
}

/* Every remediation and every dead end is the goal of some walk. */
static void every_ending_has_a_walk(void **state)
{
	(void)state;
	int uncovered = 0;
	for (size_t i = 0; i < set.ntrees; i++)
		for (size_t k = 0; k < set.trees[i]->nnodes; k++) {
			const node *n = &set.trees[i]->nodes[k];
			int ending = n->type == NODE_REMEDIATION || (n->type == NODE_INFO && !n->next);
			char spec[300], line[512];
			snprintf(spec, sizeof spec, " %s/%s\n", n->tree->id, n->id);
			int found = 0;
			FILE *f = fopen(DATA "/walks.txt", "r");
			while (ending && !found && fgets(line, sizeof line, f))
				found = line[0] != '#' && strstr(line, spec) != NULL;
			fclose(f);
			if (ending && !found) {
				print_error("no walk ends at %s", spec);
				uncovered++;
			}
		}
	assert_int_equal(uncovered, 0);
}

static void the_index_reaches_both_trees(void **state)
{
	(void)state;
	const node *start = tree_set_tree(&set, "index")->start;
	assert_int_equal(start->type, NODE_QUESTION);
	int to_ndes = 0, to_delivery = 0;
	for (size_t i = 0; i < start->nchoices; i++) {
		const node *n = node_follow(start->choices[i].next);
		to_ndes |= strcmp(n->tree->id, "device-to-ndes") == 0;
		to_delivery |= strcmp(n->tree->id, "certificate-delivery") == 0;
	}
	assert_true(to_ndes && to_delivery);
	assert_non_null(find("http-error-503"));
	assert_non_null(find("device-to-ndes/next-steps"));
}

/* The check node can be answered by every outcome the live check gives. */
static void check_node_takes_every_outcome(void **state)
{
	(void)state;
	static const char *const outcomes[] = {
		"ok", "other", "general-ndes-message", "http-error-503", "gatewaytimeout",
		"http-414-request-uri-too-long", "this-page-cant-be-displayed",
		"internal-server-error", "blocked-on-the-network",
	};
	for (size_t i = 0; i < sizeof outcomes / sizeof *outcomes; i++) {
		walk w;
		walk_init(&w);
		walk_start(&w, find("test-and-troubleshoot-the-scep-server-url"));
		assert_int_equal(walk_current(&w)->type, NODE_CHECK);
		if (walk_outcome(&w, outcomes[i]) < 0)
			fail_msg("the check node has no choice for outcome %s", outcomes[i]);
		if (strcmp(outcomes[i], "ok") && strcmp(outcomes[i], "other"))
			assert_string_equal(walk_current(&w)->id, outcomes[i]);
		walk_release(&w);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_tree_keeps_its_articles_facts),
		cmocka_unit_test(every_walk_reaches_its_section),
		cmocka_unit_test(every_ending_has_a_walk),
		cmocka_unit_test(the_index_reaches_both_trees),
		cmocka_unit_test(check_node_takes_every_outcome),
	};
	return cmocka_run_group_tests_name("content", tests, load_shipped_trees, free_trees);
}
