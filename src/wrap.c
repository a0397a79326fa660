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

size_t wrap_width(const char *s)
{
	size_t total = 0, cols;
	while (*s) {
		s += next_char(s, &cols);
		total += cols;
	}
	return total;
}

size_t wrap_fit(const char *s, size_t width)
{
	size_t used = 0, i = 0, last_space = 0, cols;
	while (s[i] && s[i] != '\n') {
		size_t n = next_char(s + i, &cols);
		if (used + cols > width) {
			if (s[i] == ' ')
				return i;
			return last_space ? last_space : (i ? i : n);
		}
		if (s[i] == ' ')
			last_space = i;
		used += cols;
		i += n;
	}
	return i;
}

void wrap_print(FILE *out, const char *first, int indent, const char *s, int width)
{
	size_t room = (size_t)width - wrap_width(first);
	fputs(first, out);
	for (int line = 0; *s || line == 0; line++) {
		if (line) {
			fprintf(out, "%*s", indent, "");
			room = (size_t)(width - indent);
		}
		size_t n = wrap_fit(s, room);
		while (n > 0 && s[n - 1] == ' ')
			n--;
		fprintf(out, "%.*s\n", (int)n, s);
		s += n;
		while (*s == ' ')
			s++;
		if (*s == '\n')
			s++;
	}
}
