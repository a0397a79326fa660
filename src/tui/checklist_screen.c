/* The checklist so far: the remediations the current walk leads to, with
 * the steps done and causes ruled out; Enter goes back to one. */
#include <config.h>

#include "screens.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>

/* A cause: [x] when it is ruled out or every step of it is done, and how
 * far along it is. */
static void cause_line(tui *t, const node *n, size_t k)
{
	const cause *c = &n->causes[k];
	size_t done = 0;
	for (size_t s = 0; s < c->nsteps; s++)
		done += marks_has(t->opt->marks, n, (int)k, (int)s) != 0;
	int out = marks_has(t->opt->marks, n, (int)k, MARK_RULED_OUT);
	char buf[1024];
	if (out)
		snprintf(buf, sizeof buf, _("%s (ruled out)"), tr(c->cause.s));
	else if (c->nsteps)
		snprintf(buf, sizeof buf, _("%s (%zu of %zu steps done)"), tr(c->cause.s), done, c->nsteps);
	else
		snprintf(buf, sizeof buf, "%s", tr(c->cause.s));
	int complete = out || (c->nsteps && done == c->nsteps);
	page_hang(&t->page, 4, complete ? "[x]" : "[ ]", buf, complete ? ST_DIM : ST_TEXT, -1);
}

void checklist_draw(tui *t)
{
	page *p = &t->page;
	t->ntargets = 0;
	page_text(p, 0, _("Checklist so far"), ST_HEADING, -1);
	page_blank(p);
	size_t n = walk_path_remediations(t->w, NULL, 0);
	const node **r = calloc(n ? n : 1, sizeof *r);
	if (r)
		n = walk_path_remediations(t->w, r, n);
	if (n == 0 || r == NULL)
		page_text(p, 0, _("No fix yet: the checklist gathers the remediations the walk reaches. "
				  "Answer the questions until one is reached."), ST_TEXT, -1);
	for (size_t i = 0; r && i < n; i++) {
		char num[24], buf[512];
		snprintf(num, sizeof num, "%zu.", i + 1);
		snprintf(buf, sizeof buf, "%s (%s)", tr(r[i]->title.s), tr(r[i]->tree->title.s));
		page_hang(p, 0, num, buf, ST_STRONG, tui_add_target(t, r[i]));
		for (size_t k = 0; k < r[i]->ncauses; k++)
			cause_line(t, r[i], k);
		page_blank(p);
	}
	free(r);
	page_blank(p);
	page_text(p, 0, _("p prints or saves the checklist (it comes with the checklist command)."), ST_DIM, -1);
	tui_show_page(t);
}

int checklist_key(tui *t, int key)
{
	return tui_list_key(t, key);
}
