/* The URL list of `scepwiz check`: the command line's URLs and those of a
 * --from file, read with bounds so a binary file or an endless stream is
 * refused instead of read forever. */
#include <config.h>

#include "urllist.h"
#include "i18n.h"
#include "regfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int url_list_add(url_list *l, const char *url)
{
	if (l->n >= URL_LIST_MAX)
		return -1;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		char **v = realloc(l->v, cap * sizeof *v);
		if (v == NULL)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	char *copy = strdup(url);
	if (copy == NULL)
		return -1;
	l->v[l->n++] = copy;
	return 0;
}

void url_list_free(url_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	*l = (url_list){ 0 };
}

static int blank(char c)
{
	return c == ' ' || c == '\t';
}

/* LINE (NUL-terminated, changed in place) without its comment and blanks:
 * the URL, or "" for a line that holds none. */
static char *url_of(char *line)
{
	char *s = line;
	while (blank(*s))
		s++;
	if (*s == '#')
		return s + strlen(s);
	char *end = s;
	while (*end && !(blank(*end) && end[1] == '#'))
		end++;
	while (end > s && (blank(end[-1]) || end[-1] == '\r'))
		end--;
	*end = '\0';
	return s;
}

typedef struct {
	char buf[URL_LIST_MAX_LINE + 1];
	size_t len;
	unsigned long line;
	long bytes;
} reader;

/* The line in R ends: its URL, if any, joins L. */
static int end_line(reader *r, url_list *l, char *why, size_t size)
{
	r->buf[r->len] = '\0';
	char *s = r->buf;
	/* Notepad's UTF-8 files begin with a byte-order mark. */
	if (r->line == 1 && strncmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	char *url = url_of(s);
	r->len = 0;
	if (*url == '\0')
		return 0;
	if (l->n >= URL_LIST_MAX) {
		snprintf(why, size, _("more than %d URLs (the limit of one run)"), URL_LIST_MAX);
		return -1;
	}
	if (url_list_add(l, url) < 0) {
		snprintf(why, size, "%s", strerror(ENOMEM));
		return -1;
	}
	return 0;
}

/* Byte C of line R->line: kept, or why the file is refused. */
static int take(reader *r, int c, char *why, size_t size)
{
	if (c == '\0') {
		/* UTF-16 (Windows' "Unicode") has a NUL in every ASCII character. */
		if (r->line == 1 && r->len <= 3 && (unsigned char)r->buf[0] >= 0xFE)
			snprintf(why, size, "%s", _("it is UTF-16 text: save it as UTF-8"));
		else
			snprintf(why, size, _("line %lu holds a NUL byte: not a text file"), r->line);
		return -1;
	}
	if (r->len >= URL_LIST_MAX_LINE) {
		snprintf(why, size, _("line %lu is longer than %d bytes"), r->line, URL_LIST_MAX_LINE);
		return -1;
	}
	r->buf[r->len++] = (char)c;
	return 0;
}

int url_list_read(url_list *l, FILE *f, char *why, size_t size)
{
	reader *r = calloc(1, sizeof *r);
	if (r == NULL) {
		snprintf(why, size, "%s", strerror(ENOMEM));
		return -1;
	}
	r->line = 1;
	int c, rc = 0;
	while (rc == 0 && (c = getc(f)) != EOF) {
		if (++r->bytes > URL_LIST_MAX_BYTES) {
			snprintf(why, size, _("more than %ld MiB"), URL_LIST_MAX_BYTES >> 20);
			rc = -1;
		} else if (c == '\n') {
			rc = end_line(r, l, why, size);
			r->line++;
		} else {
			rc = take(r, c, why, size);
		}
	}
	if (rc == 0 && ferror(f)) {
		snprintf(why, size, "%s", strerror(errno));
		rc = -1;
	}
	if (rc == 0 && r->len)
		rc = end_line(r, l, why, size);      /* the last line, without a newline */
	free(r);
	return rc;
}

int url_list_from(url_list *l, const char *path, char *why, size_t size)
{
	if (strcmp(path, "-") == 0)
		return url_list_read(l, stdin, why, size) < 0 ? -2 : 0;
	FILE *f = regfile_fopen(path);
	if (f == NULL)
		return -1;
	errno = 0;
	int rc = url_list_read(l, f, why, size) < 0 ? -2 : 0;
	fclose(f);
	return rc;
}
