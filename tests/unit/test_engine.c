/* The engine: walks forward, back, jumps, checks and links, on a small tree. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "engine.h"
#include "trees_fixture.h"

#define DATA SRCDIR "/tests/data/good"

static int setup(void **state)
{
	(void)state;
	if (tree_set_add_file(&set, DATA "/mini.yaml", stderr) ||
	    tree_set_add_file(&set, DATA "/other.yaml", stderr) || tree_set_resolve(&set, stderr))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tree_set_clear(&set);
	return 0;
}

static void started(walk *w)
{
	walk_init(w);
	assert_int_equal(walk_start(w, tree_set_tree(&set, "mini")->start), 0);
}

static void answers_move_forward(void **state)
{
	(void)state;
	walk w;
	started(&w);
	assert_string_equal(walk_current(&w)->id, "first-question");
	assert_int_equal(walk_answers(&w), 3);
	assert_int_equal(walk_answer(&w, 1), 0);
	assert_string_equal(walk_current(&w)->id, "fix-it");
	/* a remediation that leads on answers "continue" with 0 */
	assert_int_equal(walk_answers(&w), 1);
	assert_int_equal(walk_answer(&w, 0), 0);
	assert_string_equal(walk_current(&w)->id, "all-good");
	/* the end of the walk takes no answer */
	assert_int_equal(walk_answers(&w), 0);
	assert_int_equal(walk_answer(&w, 0), -1);
	assert_int_equal(w.len, 3);
	assert_int_equal(w.entries[0].choice, 1);
	walk_release(&w);
}

static void impossible_answers_change_nothing(void **state)
{
	(void)state;
	walk w;
	started(&w);
	assert_int_equal(walk_answer(&w, 3), -1);
	assert_int_equal(walk_answer(&w, (size_t)-1), -1);
	assert_string_equal(walk_current(&w)->id, "first-question");
	assert_int_equal(w.len, 1);
	assert_int_equal(walk_back(&w), -1);
	assert_int_equal(walk_forward(&w), -1);
	walk_release(&w);
}

static void back_and_forward_retrace_the_screens(void **state)
{
	(void)state;
	walk w;
	started(&w);
	walk_answer(&w, 2);                       /* test-url */
	walk_answer(&w, 1);                       /* fix-it */
	assert_int_equal(walk_back(&w), 0);
	assert_string_equal(walk_current(&w)->id, "test-url");
	assert_int_equal(w.entries[w.pos].choice, 1);   /* the answer given is remembered */
	assert_int_equal(walk_back(&w), 0);
	assert_string_equal(walk_current(&w)->id, "first-question");
	assert_int_equal(walk_forward(&w), 0);
	assert_int_equal(walk_forward(&w), 0);
	assert_string_equal(walk_current(&w)->id, "fix-it");
	assert_int_equal(walk_forward(&w), -1);
	walk_release(&w);
}

static void a_new_answer_drops_the_old_branch(void **state)
{
	(void)state;
	walk w;
	started(&w);
	walk_answer(&w, 1);                       /* fix-it */
	walk_answer(&w, 0);                       /* all-good */
	walk_back(&w);
	walk_back(&w);
	walk_answer(&w, 0);                       /* 200 -> all-good directly */
	assert_int_equal(w.len, 2);
	assert_string_equal(walk_current(&w)->id, "all-good");
	const node *r[4];
	assert_int_equal(walk_remediations(&w, r, 4), 0);
	walk_release(&w);
}

static void check_outcome_picks_its_choice(void **state)
{
	(void)state;
	walk w;
	started(&w);
	walk_answer(&w, 2);
	assert_int_equal(walk_current(&w)->type, NODE_CHECK);
	assert_int_equal(walk_outcome(&w, "no-such-outcome"), -1);
	assert_int_equal(walk_outcome(&w, "fix-it"), 0);
	assert_string_equal(walk_current(&w)->id, "fix-it");
	assert_string_equal(w.entries[1].outcome, "fix-it");
	assert_int_equal(w.entries[1].choice, 1);
	/* outcomes only answer checks */
	assert_int_equal(walk_outcome(&w, "ok"), -1);
	walk_release(&w);
}

static void link_leads_into_the_other_tree(void **state)
{
	(void)state;
	walk w;
	started(&w);
	walk_answer(&w, 2);
	walk_answer(&w, 2);                       /* "Elsewhere": a link */
	const node *n = walk_current(&w);
	assert_string_equal(n->id, "far-away");
	assert_string_equal(n->tree->id, "other");
	walk_back(&w);
	assert_string_equal(walk_current(&w)->id, "test-url");
	walk_release(&w);
}

static void jump_keeps_the_way_back(void **state)
{
	(void)state;
	walk w;
	started(&w);
	assert_int_equal(walk_jump(&w, find("other/fix-it")), 0);
	assert_string_equal(walk_current(&w)->tree->id, "other");
	assert_int_equal(w.entries[1].how, MOVE_JUMP);
	assert_int_equal(w.entries[0].choice, -1);
	walk_back(&w);
	assert_string_equal(walk_current(&w)->id, "first-question");
	walk_release(&w);
}

static void starting_at_a_link_lands_on_its_target(void **state)
{
	(void)state;
	walk w;
	walk_init(&w);
	assert_int_equal(walk_start(&w, find("elsewhere")), 0);
	assert_string_equal(walk_current(&w)->id, "far-away");
	walk_release(&w);
}

static void remediations_are_collected_once_in_order(void **state)
{
	(void)state;
	walk w;
	started(&w);
	walk_answer(&w, 1);                       /* mini/fix-it */
	walk_jump(&w, find("first-question"));
	walk_answer(&w, 1);                       /* mini/fix-it again */
	walk_jump(&w, find("other/fix-it"));      /* an info, not a remediation */
	const node *r[4];
	assert_int_equal(walk_remediations(&w, r, 4), 1);
	assert_string_equal(r[0]->id, "fix-it");
	assert_string_equal(r[0]->tree->id, "mini");
	/* going back to look does not forget what was found further on */
	walk_back(&w);
	walk_back(&w);
	walk_back(&w);
	assert_int_equal(walk_remediations(&w, r, 4), 1);
	walk_release(&w);
}

static void a_long_walk_grows_without_limit(void **state)
{
	(void)state;
	walk w;
	started(&w);
	for (int i = 0; i < 1000; i++) {
		assert_int_equal(walk_answer(&w, 1), 0);    /* fix-it */
		assert_int_equal(walk_jump(&w, find("first-question")), 0);
	}
	assert_int_equal(w.len, 2001);
	walk_release(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(answers_move_forward),
		cmocka_unit_test(impossible_answers_change_nothing),
		cmocka_unit_test(back_and_forward_retrace_the_screens),
		cmocka_unit_test(a_new_answer_drops_the_old_branch),
		cmocka_unit_test(check_outcome_picks_its_choice),
		cmocka_unit_test(link_leads_into_the_other_tree),
		cmocka_unit_test(jump_keeps_the_way_back),
		cmocka_unit_test(starting_at_a_link_lands_on_its_target),
		cmocka_unit_test(remediations_are_collected_once_in_order),
		cmocka_unit_test(a_long_walk_grows_without_limit),
	};
	return cmocka_run_group_tests_name("engine", tests, setup, teardown);
}
