#include <config.h>

#include "engine.h"

#include <stdlib.h>
#include <string.h>

void walk_init(walk *w)
{
	memset(w, 0, sizeof *w);
}

void walk_release(walk *w)
{
	free(w->entries);
	walk_init(w);
}

int walk_copy(walk *dst, const walk *src)
{
	if (src->len > dst->cap) {
		walk_entry *e = realloc(dst->entries, src->len * sizeof *e);
		if (e == NULL)
			return -1;
		dst->entries = e;
		dst->cap = src->len;
	}
	if (src->len)
		memcpy(dst->entries, src->entries, src->len * sizeof *src->entries);
	dst->len = src->len;
	dst->pos = src->pos;
	return 0;
}

const node *node_follow(const node *n)
{
	/* The loader refuses a link to a link, so one hop is enough. */
	return n && n->type == NODE_LINK ? n->link : n;
}

/* Drops what lies after the current entry and appends N. */
static int push(walk *w, const node *n, move_kind how)
{
	n = node_follow(n);
	if (n == NULL)
		return -1;
	size_t len = w->len ? w->pos + 1 : 0;
	if (len == w->cap) {
		size_t cap = w->cap ? 2 * w->cap : 16;
		walk_entry *e = realloc(w->entries, cap * sizeof *e);
		if (e == NULL)
			return -1;
		w->entries = e;
		w->cap = cap;
	}
	w->entries[len] = (walk_entry){ n, how, -1, NULL };
	w->len = len + 1;
	w->pos = len;
	return 0;
}

int walk_start(walk *w, const node *n)
{
	w->len = 0;
	w->pos = 0;
	return push(w, n, MOVE_START);
}

const node *walk_current(const walk *w)
{
	return w->len ? w->entries[w->pos].node : NULL;
}

size_t walk_answers(const walk *w)
{
	const node *n = walk_current(w);
	if (n == NULL)
		return 0;
	if (n->nchoices)
		return n->nchoices;
	return n->next ? 1 : 0;
}

static const node *target(const node *n, size_t i)
{
	if (n->nchoices)
		return i < n->nchoices ? n->choices[i].next : NULL;
	return i == 0 ? n->next : NULL;
}

int walk_answer(walk *w, size_t i)
{
	const node *n = walk_current(w);
	const node *to = n ? target(n, i) : NULL;
	if (to == NULL)
		return -1;
	walk_entry *e = &w->entries[w->pos];
	e->choice = (int)i;
	e->outcome = NULL;
	return push(w, to, MOVE_ANSWER);
}

int walk_outcome(walk *w, const char *outcome)
{
	const node *n = walk_current(w);
	if (n == NULL || n->type != NODE_CHECK)
		return -1;
	for (size_t i = 0; i < n->nchoices; i++)
		if (n->choices[i].outcome && strcmp(n->choices[i].outcome, outcome) == 0) {
			/* Keep the outcome's own string: it outlives the caller's. */
			const char *kept = n->choices[i].outcome;
			if (walk_answer(w, i) < 0)
				return -1;
			w->entries[w->pos - 1].outcome = kept;
			return 0;
		}
	return -1;
}

int walk_jump(walk *w, const node *n)
{
	if (w->len == 0)
		return walk_start(w, n);
	w->entries[w->pos].choice = -1;
	w->entries[w->pos].outcome = NULL;
	return push(w, n, MOVE_JUMP);
}

int walk_back(walk *w)
{
	if (w->len == 0 || w->pos == 0)
		return -1;
	w->pos--;
	return 0;
}

int walk_forward(walk *w)
{
	if (w->pos + 1 >= w->len)
		return -1;
	w->pos++;
	return 0;
}

size_t walk_remediations(const walk *w, const node **out, size_t max)
{
	size_t n = 0, total = 0;
	for (size_t i = 0; i < w->len; i++) {
		const node *r = w->entries[i].node;
		int seen = r->type != NODE_REMEDIATION;
		for (size_t k = 0; !seen && k < i; k++)
			seen = w->entries[k].node == r;
		if (seen)
			continue;
		if (n < max)
			out[n++] = r;
		total++;
	}
	return total;
}

size_t walk_path_remediations(const walk *w, const node **out, size_t max)
{
	walk path = *w;
	path.len = w->len ? w->pos + 1 : 0;
	return walk_remediations(&path, out, max);
}

size_t node_remediations(const node *n, const node **out, size_t max)
{
	const tree *t = n->tree;
	char *seen = calloc(t->nnodes, 1);
	size_t total = 0;
	if (seen == NULL)
		return 0;
	node_mark_reachable(n, seen);
	for (size_t i = 0; i < t->nnodes; i++)
		if (seen[i] && t->nodes[i].type == NODE_REMEDIATION) {
			if (total < max)
				out[total] = &t->nodes[i];
			total++;
		}
	free(seen);
	return total;
}
