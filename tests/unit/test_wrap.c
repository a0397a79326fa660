/* Word wrapping by display width: what lines up on screen in every language. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "wrap.h"

/* The lines of TEXT wrapped at WIDTH, joined with '|'. */
static const char *wrapped(const char *text, int width)
{
	static char buf[1024];
	wrap_line *l;
	size_t n = wrap_text(text, width, &l);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(buf, "|");
		strncat(buf, text + l[i].start, l[i].len);
		assert_true(l[i].cols <= width || l[i].len <= 4);
	}
	free(l);
	return buf;
}

static void breaks_at_spaces(void **state)
{
	(void)state;
	assert_string_equal(wrapped("Restart the NDES server.", 11), "Restart the|NDES|server.");
	assert_string_equal(wrapped("Restart the NDES server.", 80), "Restart the NDES server.");
	/* a line that fills the width exactly stays one line */
	assert_string_equal(wrapped("abc def", 7), "abc def");
	/* runs of spaces at a break vanish */
	assert_string_equal(wrapped("abc     def", 5), "abc|def");
}

static void accents_take_one_column(void **state)
{
	(void)state;
	/* 18 columns but 21 bytes: counting bytes would break too early */
	const char *sv = "Välj Lägg till och återstarta";
	assert_int_equal(wrap_ncols("Välj Lägg till och", strlen("Välj Lägg till och")), 18);
	assert_string_equal(wrapped(sv, 18), "Välj Lägg till och|återstarta");
	const char *pt = "Não há solicitação de certificação";
	assert_string_equal(wrapped(pt, 21), "Não há solicitação de|certificação");
}

static void wide_characters_take_two_columns(void **state)
{
	(void)state;
	assert_int_equal(wrap_ncols("日本語", strlen("日本語")), 6);
	assert_string_equal(wrapped("日本語", 5), "日本|語");
	/* narrower than one character: still progresses, one per line */
	assert_string_equal(wrapped("日本", 1), "日|本");
}

static void a_word_longer_than_the_line_is_cut(void **state)
{
	(void)state;
	assert_string_equal(wrapped("run HKEY_LOCAL_MACHINE\\SOFTWARE now", 10),
			    "run|HKEY_LOCAL|_MACHINE\\S|OFTWARE|now");
}

static void newlines_break_and_keep_indentation(void **state)
{
	(void)state;
	assert_string_equal(wrapped("Event ID: 36\n\n  Level: Information\n", 40),
			    "Event ID: 36||  Level: Information");
	assert_string_equal(wrapped("abc   \ndef", 3), "abc|def");
	assert_string_equal(wrapped("", 10), "");
}

static void clip_stops_before_a_character_that_would_overflow(void **state)
{
	(void)state;
	int used;
	assert_int_equal(wrap_clip("åäö", 2, &used), strlen("åä"));
	assert_int_equal(used, 2);
	assert_int_equal(wrap_clip("日本", 3, &used), strlen("日"));
	assert_int_equal(used, 2);
	assert_int_equal(wrap_clip("abc", 0, NULL), 0);
}

static void invalid_utf8_still_wraps(void **state)
{
	(void)state;
	assert_string_equal(wrapped("ab\xff\xfe cd", 4), "ab\xff\xfe|cd");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(breaks_at_spaces),
		cmocka_unit_test(accents_take_one_column),
		cmocka_unit_test(wide_characters_take_two_columns),
		cmocka_unit_test(a_word_longer_than_the_line_is_cut),
		cmocka_unit_test(newlines_break_and_keep_indentation),
		cmocka_unit_test(clip_stops_before_a_character_that_would_overflow),
		cmocka_unit_test(invalid_utf8_still_wraps),
	};
	return cmocka_run_group_tests_name("wrap", tests, NULL, NULL);
}
