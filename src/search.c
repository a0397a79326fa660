#include "search.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

/* S decoded and lowercased, so "Événement" finds "événement". A byte that
 * is not UTF-8 keeps a value of its own, so it still matches itself. */
static wchar_t *folded(const char *s)
{
	size_t n = strlen(s), k = 0;
	wchar_t *w = malloc((n + 1) * sizeof *w);
	if (w == NULL)
		return NULL;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	for (size_t i = 0; i < n;) {
		wchar_t wc;
		size_t len = mbrtowc(&wc, s + i, n - i, &st);
		if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
			memset(&st, 0, sizeof st);
			wc = 0xDC00 + (unsigned char)s[i];
			len = 1;
		}
		w[k++] = (wchar_t)towlower((wint_t)wc);
		i += len;
	}
	w[k] = L'\0';
	return w;
}

typedef struct {
	const wchar_t *needle;
	int found, failed;
	const char *where;      /* the string it was found in */
	size_t at;              /* and the match's first byte there */
} matcher;

/* The byte offset of the K-th character of S, decoded as folded() does. */
static size_t byte_offset(const char *s, size_t k)
{
	size_t n = strlen(s), i = 0;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	while (k-- > 0 && i < n) {
		size_t len = mbrtowc(NULL, s + i, n - i, &st);
		if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
			memset(&st, 0, sizeof st);
			len = 1;
		}
		i += len;
	}
	return i;
}

static void match(const char *s, matcher *m)
{
	if (m->found || m->failed || s == NULL)
		return;
	wchar_t *hay = folded(s);
	const wchar_t *hit = hay ? wcsstr(hay, m->needle) : NULL;
	m->failed = hay == NULL;
	m->found = hit != NULL;
	if (hit) {
		m->where = s;
		m->at = byte_offset(s, (size_t)(hit - hay));
	}
	free(hay);
}

static void match_text(const text *msg, void *arg)
{
	match(tr(msg->s), arg);
}

static void match_literal(const char *s, void *arg)
{
	match(s, arg);
}

static int node_matches(const node *n, matcher *m)
{
	m->found = 0;
	m->where = NULL;
	match(n->id, m);
	node_each_text(n, match_text, m);
	node_each_literal(n, match_literal, m);
	return m->found;
}

size_t search_nodes(const tree_set *set, const char *query, const node ***hits)
{
	*hits = NULL;
	if (query == NULL || *query == '\0')
		return 0;
	wchar_t *needle = folded(query);
	size_t total = 0;
	for (size_t t = 0; t < set->ntrees; t++)
		total += set->trees[t]->nnodes;
	const node **v = malloc((total ? total : 1) * sizeof *v);
	if (needle == NULL || v == NULL) {
		free(needle);
		free(v);
		return 0;
	}
	matcher m = { needle, 0, 0, NULL, 0 };
	size_t n = 0;
	for (size_t t = 0; t < set->ntrees && !m.failed; t++)
		for (size_t i = 0; i < set->trees[t]->nnodes; i++)
			if (node_matches(&set->trees[t]->nodes[i], &m))
				v[n++] = &set->trees[t]->nodes[i];
	free(needle);
	if (m.failed || n == 0) {
		free(v);
		return 0;
	}
	*hits = v;
	return n;
}

const char *search_match(const node *n, const char *query, size_t *at)
{
	if (query == NULL || *query == '\0')
		return NULL;
	wchar_t *needle = folded(query);
	if (needle == NULL)
		return NULL;
	matcher m = { needle, 0, 0, NULL, 0 };
	node_matches(n, &m);
	free(needle);
	*at = m.at;
	return m.found ? m.where : NULL;
}
