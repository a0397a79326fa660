#include <config.h>

#include "input.h"
#include "draw.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

static int char_cols(wchar_t c)
{
	int w = wcwidth(c);
	return w < 0 ? 1 : w;
}

static void insert(input *in, wchar_t c)
{
	if (in->len >= INPUT_MAX)
		return;
	memmove(in->buf + in->cur + 1, in->buf + in->cur, (in->len - in->cur) * sizeof *in->buf);
	in->buf[in->cur++] = c;
	in->buf[++in->len] = L'\0';
}

static void delete_at(input *in, size_t at)
{
	if (at >= in->len)
		return;
	memmove(in->buf + at, in->buf + at + 1, (in->len - at) * sizeof *in->buf);
	in->len--;
}

int input_key(input *in, int key)
{
	switch (key) {
	case '\n': return INPUT_ENTER;
	case KEY_ESC: return INPUT_CANCEL;
	case FN(KEY_LEFT): if (in->cur) in->cur--; break;
	case FN(KEY_RIGHT): if (in->cur < in->len) in->cur++; break;
	case FN(KEY_HOME): case 'A' - '@': in->cur = 0; break;
	case FN(KEY_END): case 'E' - '@': in->cur = in->len; break;
	case 'U' - '@': in->len = in->cur = 0; in->buf[0] = L'\0'; break;
	case FN(KEY_DC): delete_at(in, in->cur); break;
	case FN(KEY_BACKSPACE):
		if (in->cur)
			delete_at(in, --in->cur);
		break;
	default:
		if (key <= 0 || !iswprint((wint_t)key))
			return INPUT_IGNORED;
		insert(in, (wchar_t)key);
	}
	return INPUT_USED;
}

void input_draw(input *in, int y, int x, int cols)
{
	if (cols < 2)
		return;
	/* Scroll sideways just enough to keep the cursor in the field. */
	if (in->cur < in->first)
		in->first = in->cur;
	int used = 0;
	for (size_t i = in->cur; i > in->first; i--)
		used += char_cols(in->buf[i - 1]);
	while (used > cols - 1 && in->first < in->cur)
		used -= char_cols(in->buf[in->first++]);
	attrset(A_UNDERLINE);
	mvhline(y, x, ' ', cols);
	move(y, x);
	int at = 0, cursor_x = x;
	for (size_t i = in->first; i < in->len; i++) {
		int w = char_cols(in->buf[i]);
		if (at + w > cols)
			break;
		if (i == in->cur)
			cursor_x = x + at;
		addnwstr(&in->buf[i], 1);
		at += w;
	}
	if (in->cur == in->len)
		cursor_x = x + at;
	attrset(A_NORMAL);
	move(y, cursor_x);
}

const char *input_text(const input *in, char *buf, size_t size)
{
	size_t n = wcstombs(buf, in->buf, size);
	if (n == (size_t)-1 || n >= size)
		buf[0] = '\0';
	return buf;
}

void input_set(input *in, const char *text)
{
	size_t n = mbstowcs(in->buf, text, INPUT_MAX);
	if (n == (size_t)-1)
		n = 0;
	in->buf[n] = L'\0';
	in->len = in->cur = n;
	in->first = 0;
}
