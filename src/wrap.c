#include <config.h>

#include "wrap.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* One character at S (of at most N bytes): its length in bytes and its
 * width. A byte that is not valid UTF-8, or a character with no width of
 * its own (a control character), counts as one column so that text never
 * collapses or stalls. */
static size_t next_char(const char *s, size_t n, int *cols)
{
	mbstate_t st;
	wchar_t wc;
	memset(&st, 0, sizeof st);
	size_t len = mbrtowc(&wc, s, n, &st);
	if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
		*cols = 1;
		return 1;
	}
	int w = wcwidth(wc);
	*cols = w < 0 ? 1 : w;
	return len;
}

int wrap_width(const char *text, size_t len)
{
	int total = 0, w;
	for (size_t i = 0; i < len; total += w)
		i += next_char(text + i, len - i, &w);
	return total;
}

size_t wrap_fit(const char *text, int cols, int *used)
{
	size_t n = strlen(text), i = 0;
	int total = 0, w;
	while (i < n) {
		size_t len = next_char(text + i, n - i, &w);
		if (total + w > cols)
			break;
		total += w;
		i += len;
	}
	if (used)
		*used = total;
	return i;
}

typedef struct {
	wrap_line *v;
	size_t n, cap;
	int failed;
} lines;

static void emit(lines *out, const char *text, size_t start, size_t end)
{
	if (out->failed)
		return;
	if (out->n == out->cap) {
		size_t cap = out->cap ? 2 * out->cap : 16;
		wrap_line *v = realloc(out->v, cap * sizeof *v);
		if (v == NULL) {
			out->failed = 1;
			return;
		}
		out->v = v;
		out->cap = cap;
	}
	out->v[out->n++] = (wrap_line){ start, end - start, wrap_width(text + start, end - start) };
}

/* After a soft break the next line starts at its first word. */
static size_t skip_spaces(const char *text, size_t n, size_t i)
{
	while (i < n && text[i] == ' ')
		i++;
	return i;
}

/* Lays out the line that starts at POS; returns where the next one starts. */
static size_t one_line(lines *out, const char *text, size_t n, size_t pos, int width)
{
	size_t i = pos, brk = 0;        /* the end of the last word before a space */
	int cols = 0, w;
	while (i < n && text[i] != '\n') {
		size_t len = next_char(text + i, n - i, &w);
		if (text[i] == ' ') {
			/* Not inside a line's leading indentation. */
			if (i > pos && text[i - 1] != ' ')
				brk = i;
		} else if (cols + w > width) {
			/* A word wider than the line is cut, always moving on. */
			size_t end = brk ? brk : i > pos ? i : i + len;
			emit(out, text, pos, end);
			return skip_spaces(text, n, end);
		}
		cols += w;
		i += len;
	}
	/* Spaces before a newline must not push the line past the width. */
	size_t end = i;
	while (end > pos && text[end - 1] == ' ' && wrap_width(text + pos, end - pos) > width)
		end--;
	emit(out, text, pos, end);
	return i < n ? i + 1 : i;
}

size_t wrap_text(const char *text, int width, wrap_line **result)
{
	lines out = { 0 };
	size_t n = text ? strlen(text) : 0;
	if (width < 1)
		width = 1;
	for (size_t pos = 0; pos < n;)
		pos = one_line(&out, text, n, pos, width);
	if (out.failed) {
		free(out.v);
		out.v = NULL;
		out.n = 0;
	}
	*result = out.v;
	return out.n;
}
