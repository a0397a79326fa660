#include <config.h>

#include "wrap.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* One character at S: its length in bytes and its width in columns. A byte
 * that is not UTF-8 counts as one column so nothing is lost. */
static size_t next_char(const char *s, size_t *cols)
{
	mbstate_t st;
	wchar_t wc;
	memset(&st, 0, sizeof st);
	size_t n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*cols = 1;
		return 1;
	}
	int w = wcwidth(wc);
	*cols = w < 0 ? 0 : (size_t)w;
	return n;
}

/* ---- lines for a screen ------------------------------------------------ */

int wrap_ncols(const char *text, size_t len)
{
	size_t total = 0, cols;
	for (size_t i = 0; i < len; total += cols)
		i += next_char(text + i, &cols);
	return (int)total;
}

size_t wrap_clip(const char *text, int cols, int *used)
{
	size_t i = 0, total = 0, w;
	while (text[i]) {
		size_t len = next_char(text + i, &w);
		if ((int)(total + w) > cols)
			break;
		total += w;
		i += len;
	}
	if (used)
		*used = (int)total;
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
	out->v[out->n++] = (wrap_line){ start, end - start, wrap_ncols(text + start, end - start) };
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
	size_t cols = 0, w;
	while (i < n && text[i] != '\n') {
		size_t len = next_char(text + i, &w);
		if (text[i] == ' ') {
			/* Not inside a line's leading indentation. */
			if (i > pos && text[i - 1] != ' ')
				brk = i;
		} else if (cols + w > (size_t)width) {
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
	while (end > pos && text[end - 1] == ' ' && wrap_ncols(text + pos, end - pos) > width)
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

/* ---- lines for a file ---------------------------------------------------- */

size_t wrap_width(const char *s)
{
	return (size_t)wrap_ncols(s, strlen(s));
}

/* The first line has the room FIRST leaves; the rest, the room INDENT
 * leaves: the first line is laid out alone, then the rest together. */
void wrap_print(FILE *out, const char *first, int indent, const char *s, int width)
{
	wrap_line *l;
	fputs(first, out);
	size_t n = wrap_text(s, width - (int)wrap_width(first), &l);
	if (n == 0) {
		fputc('\n', out);
		free(l);
		return;
	}
	fprintf(out, "%.*s\n", (int)l[0].len, s + l[0].start);
	const char *rest = s + l[0].start + l[0].len;
	free(l);
	rest += *rest == '\n' ? 1 : strspn(rest, " ");
	n = wrap_text(rest, width - indent, &l);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%*s%.*s\n", indent, "", (int)l[i].len, rest + l[i].start);
	free(l);
}
