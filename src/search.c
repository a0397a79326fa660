/* Search across every tree: accent- and case-blind, every word of the query
 * somewhere in a node, titles ranked above text and text above literals. */
#include "search.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

/* The base letter of U+00C0..U+017F, both cases; '.' keeps the character,
 * '2' marks a ligature spelt out by ligature(). */
static const char latin[] =
	"aaaaaa2ceeeeiiiidnooooo.ouuuuy.2"      /* U+00C0 À .. U+00DF ß */
	"aaaaaa2ceeeeiiiidnooooo.ouuuuy.y"      /* U+00E0 à .. U+00FF ÿ */
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii22jjkkk"
	"llllllllllnnnnnnnnnoooooo22rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

static const char *ligature(wchar_t c)
{
	switch (c) {
	case 0xC6: case 0xE6: return "ae";
	case 0xDF: return "ss";
	case 0x132: case 0x133: return "ij";
	default: return "oe";   /* U+0152, U+0153 */
	}
}

/* S decoded, lowercased and stripped of accents, so "Événement" finds
 * "evenement"; POS[k] is the byte of S that folded character k came from.
 * A byte that is not UTF-8 keeps a value of its own, so it still matches
 * itself. */
static wchar_t *folded(const char *s, size_t **pos)
{
	size_t n = strlen(s), k = 0;
	wchar_t *w = malloc((2 * n + 1) * sizeof *w);
	size_t *p = pos ? malloc((2 * n + 1) * sizeof *p) : NULL;
	if (w == NULL || (pos && p == NULL)) {
		free(w);
		free(p);
		return NULL;
	}
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
		char base = wc >= 0xC0 && wc <= 0x17F ? latin[wc - 0xC0] : '.';
		size_t first = k;
		if (base == '2')
			for (const char *out = ligature(wc); *out; out++)
				w[k++] = (wchar_t)*out;
		else
			w[k++] = base == '.' ? (wchar_t)towlower((wint_t)wc) : (wchar_t)base;
		for (; p && first < k; first++)
			p[first] = i;
		i += len;
	}
	w[k] = L'\0';
	if (p)
		p[k] = n;
	if (pos)
		*pos = p;
	return w;
}

/* Where a string sits in the ranking: a hit in a title is what the engineer
 * most likely meant, one in an example or a command the least. */
enum { RANK_TITLE, RANK_TEXT, RANK_LITERAL, RANK_NONE };

#define MAX_WORDS 16

typedef struct {
	wchar_t *query;             /* folded, and cut into */
	const wchar_t *words[MAX_WORDS];    /* the words between spaces */
	size_t nwords;
	int rank[MAX_WORDS];        /* best rank each word was found at */
	int failed;
	const node *n;
	const char *where;          /* the string the first word was found in */
	size_t at;                  /* and the match's first byte there */
} matcher;

/* Splits the folded QUERY into M's words; 0 when it has none. */
static size_t split_query(const char *query, matcher *m)
{
	memset(m, 0, sizeof *m);
	m->query = query ? folded(query, NULL) : NULL;
	wchar_t *save = NULL;
	for (wchar_t *w = m->query ? wcstok(m->query, L" \t\n", &save) : NULL;
	     w && m->nwords < MAX_WORDS; w = wcstok(NULL, L" \t\n", &save))
		m->words[m->nwords++] = w;
	return m->nwords;
}

/* Notes every word S holds that was not found yet; strings are read best
 * rank first, so the first hit of a word is its best. */
static void match(const char *s, int rank, matcher *m)
{
	if (m->failed || s == NULL)
		return;
	size_t *pos = NULL;
	wchar_t *hay = folded(s, &pos);
	m->failed = hay == NULL;
	for (size_t i = 0; hay && i < m->nwords; i++) {
		const wchar_t *hit = m->rank[i] == RANK_NONE ? wcsstr(hay, m->words[i]) : NULL;
		if (hit == NULL)
			continue;
		m->rank[i] = rank;
		if (i == 0) {
			m->where = s;
			m->at = pos[hit - hay];
		}
	}
	free(hay);
	free(pos);
}

static void match_text(const text *msg, void *arg)
{
	matcher *m = arg;
	match(tr_ctx(msg->ctx, msg->s), msg == &m->n->title ? RANK_TITLE : RANK_TEXT, m);
}

static void match_literal(const char *s, void *arg)
{
	match(s, RANK_LITERAL, arg);
}

/* N's rank for M's query: the worst of its words' best, so a node with
 * every word in its title comes first; RANK_NONE when a word is missing. */
static int node_rank(const node *n, matcher *m)
{
	m->n = n;
	m->where = NULL;
	for (size_t i = 0; i < m->nwords; i++)
		m->rank[i] = RANK_NONE;
	node_each_text(n, match_text, m);
	node_each_literal(n, match_literal, m);
	match(n->id, RANK_LITERAL, m);
	int worst = RANK_TITLE;
	for (size_t i = 0; i < m->nwords; i++)
		if (m->rank[i] > worst)
			worst = m->rank[i];
	return worst;
}

/* Orders V's N hits by RANKS, keeping tree order within a rank. */
static void sort_by_rank(const node **v, const unsigned char *ranks, size_t n, const node **out)
{
	size_t k = 0;
	for (int r = RANK_TITLE; r < RANK_NONE; r++)
		for (size_t i = 0; i < n; i++)
			if (ranks[i] == r)
				out[k++] = v[i];
}

size_t search_nodes(const tree_set *set, const char *query, const node ***hits)
{
	*hits = NULL;
	matcher m;
	if (split_query(query, &m) == 0) {
		free(m.query);
		return 0;
	}
	size_t total = 0;
	for (size_t t = 0; t < set->ntrees; t++)
		total += set->trees[t]->nnodes;
	const node **v = malloc((total ? total : 1) * sizeof *v);
	const node **sorted = malloc((total ? total : 1) * sizeof *sorted);
	unsigned char *ranks = malloc(total ? total : 1);
	size_t n = 0;
	for (size_t t = 0; t < set->ntrees && v && sorted && ranks && !m.failed; t++)
		for (size_t i = 0; i < set->trees[t]->nnodes; i++) {
			int r = node_rank(&set->trees[t]->nodes[i], &m);
			if (r != RANK_NONE) {
				ranks[n] = (unsigned char)r;
				v[n++] = &set->trees[t]->nodes[i];
			}
		}
	int ok = v && sorted && ranks && !m.failed && n > 0;
	if (ok)
		sort_by_rank(v, ranks, n, sorted);
	free(m.query);
	free(v);
	free(ranks);
	if (!ok) {
		free(sorted);
		return 0;
	}
	*hits = sorted;
	return n;
}

const char *search_match(const node *n, const char *query, size_t *at)
{
	matcher m;
	if (split_query(query, &m) == 0) {
		free(m.query);
		return NULL;
	}
	int found = node_rank(n, &m) != RANK_NONE && !m.failed;
	free(m.query);
	*at = m.at;
	return found ? m.where : NULL;
}
