/* The bounded YAML reader: positions, styles, and the limits it enforces. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "yamldoc.h"

static yd_node *parse(const char *s, yd_error *e)
{
	return yd_parse(s, strlen(s), e);
}

static void positions_are_one_based(void **state)
{
	(void)state;
	yd_error e;
	yd_node *root = parse("a: 1\nb:\n  - x\n  - 'y'\n", &e);
	assert_non_null(root);
	assert_int_equal(root->kind, YD_MAP);
	yd_node *b = yd_get(root, "b");
	assert_int_equal(b->kind, YD_SEQ);
	assert_int_equal(b->n, 2);
	assert_int_equal(b->items[1]->line, 4);
	assert_int_equal(b->items[1]->col, 5);
	assert_false(b->items[0]->quoted);
	assert_true(b->items[1]->quoted);
	assert_null(yd_get(root, "c"));
	yd_free(root);
}

static void block_scalars_keep_their_text(void **state)
{
	(void)state;
	yd_error e;
	yd_node *root = parse("ex: |\n  line one\n  C:\\path\\x  {$_.Issuer}\n", &e);
	assert_non_null(root);
	assert_string_equal(yd_get(root, "ex")->str, "line one\nC:\\path\\x  {$_.Issuer}\n");
	yd_free(root);
}

static void duplicate_keys_name_the_first(void **state)
{
	(void)state;
	yd_error e;
	assert_null(parse("a: 1\nb: 2\na: 3\n", &e));
	assert_int_equal(e.line, 3);
	assert_string_equal(e.msg, "duplicate key 'a' (first at line 1)");
}

static void syntax_errors_have_a_position(void **state)
{
	(void)state;
	yd_error e;
	assert_null(parse("a: [1, 2\nb: 3\n", &e));
	assert_true(e.line >= 1);
	assert_non_null(strstr(e.msg, "YAML syntax"));
}

static void depth_is_bounded(void **state)
{
	(void)state;
	yd_error e;
	char deep[200] = "";
	for (int i = 0; i < 40; i++)
		strcat(deep, "[");
	assert_null(parse(deep, &e));
	assert_string_equal(e.msg, "nesting deeper than 32 levels");
	assert_int_equal(e.col, 33);
}

static void thirty_two_levels_are_fine(void **state)
{
	(void)state;
	yd_error e;
	char s[100] = "";
	for (int i = 0; i < 32; i++)
		strcat(s, "[");
	for (int i = 0; i < 32; i++)
		strcat(s, "]");
	yd_node *root = parse(s, &e);
	assert_non_null(root);
	yd_free(root);
}

static void empty_input_is_refused(void **state)
{
	(void)state;
	yd_error e;
	assert_null(yd_parse("", 0, &e));
	assert_string_equal(e.msg, "the file is empty");
	assert_null(parse("---\n...\n", &e));
	assert_string_equal(e.msg, "the file is empty");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(positions_are_one_based),
		cmocka_unit_test(block_scalars_keep_their_text),
		cmocka_unit_test(duplicate_keys_name_the_first),
		cmocka_unit_test(syntax_errors_have_a_position),
		cmocka_unit_test(depth_is_bounded),
		cmocka_unit_test(thirty_two_levels_are_fine),
		cmocka_unit_test(empty_input_is_refused),
	};
	return cmocka_run_group_tests_name("yamldoc", tests, NULL, NULL);
}
