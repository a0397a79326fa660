/* The translatable strings of the trees: walking them (for search, the
 * template and the fidelity tests) and giving answers that are also
 * headings their own msgctxt. */
#include <config.h>

#include "tree.h"
#include "tree_parts.h"

#include <string.h>

static int is_title(const tree_set *set, const char *s)
{
	for (size_t i = 0; i < set->ntrees; i++)
		for (size_t k = 0; k < set->trees[i]->nnodes; k++)
			if (set->trees[i]->nodes[k].title.s && strcmp(set->trees[i]->nodes[k].title.s, s) == 0)
				return 1;
	return 0;
}

/* An answer whose English is also a heading gets its own msgctxt, so a
 * translator can give the words on the screen (often the server's English)
 * apart from the article's translated heading. */
void tree_mark_answer_contexts(tree_set *set)
{
	for (size_t i = 0; i < set->ntrees; i++)
		for (size_t k = 0; k < set->trees[i]->nnodes; k++) {
			node *n = &set->trees[i]->nodes[k];
			for (size_t c = 0; c < n->nchoices; c++)
				if (is_title(set, n->choices[c].label.s))
					n->choices[c].label.ctx = TEXT_CTX_ANSWER;
		}
}

void node_each_text(const node *n, void (*fn)(const text *msg, void *arg), void *arg)
{
#define VISIT(x) do { if ((x).s) fn(&(x), arg); } while (0)
	VISIT(n->title);
	VISIT(n->text);
	for (size_t k = 0; k < n->nchoices; k++)
		VISIT(n->choices[k].label);
	for (size_t k = 0; k < n->ncauses; k++) {
		VISIT(n->causes[k].cause);
		VISIT(n->causes[k].solution);
		for (size_t s = 0; s < n->causes[k].nsteps; s++) {
			VISIT(n->causes[k].steps[s].text);
			VISIT(n->causes[k].steps[s].ui);
		}
	}
#undef VISIT
}

void node_each_literal(const node *n, void (*fn)(const char *s, void *arg), void *arg)
{
#define VISIT(x) do { if (x) fn(x, arg); } while (0)
	VISIT(n->example);
	for (size_t k = 0; k < n->nkeywords; k++)
		VISIT(n->keywords[k]);
	for (size_t k = 0; k < n->ncauses; k++)
		for (size_t s = 0; s < n->causes[k].nsteps; s++) {
			const step *st = &n->causes[k].steps[s];
			VISIT(st->command);
			VISIT(st->path);
			VISIT(st->value);
			VISIT(st->example);
		}
#undef VISIT
}

void tree_each_text(const tree *t, void (*fn)(const text *msg, void *arg), void *arg)
{
	if (t->title.s)
		fn(&t->title, arg);
	for (size_t i = 0; i < t->nnodes; i++)
		node_each_text(&t->nodes[i], fn, arg);
}

void tree_each_literal(const tree *t, void (*fn)(const char *s, void *arg), void *arg)
{
	for (size_t i = 0; i < t->nnodes; i++)
		node_each_literal(&t->nodes[i], fn, arg);
}
