/* The table of contents: every section of the current article, indented
 * by heading level, then the other articles; Enter jumps there. */
#include <config.h>

#include "screens.h"
#include "i18n.h"

#include <stdio.h>

void toc_draw(tui *t)
{
	const node *here = walk_current(t->w);
	const tree *tr_here = here->tree;
	page *p = &t->page;
	view *v = &t->views[SCR_TOC];
	char buf[512];
	t->ntargets = 0;
	snprintf(buf, sizeof buf, _("Contents: %s"), tr(tr_here->title.s));
	page_text(p, 0, buf, ST_HEADING, -1);
	page_blank(p);
	for (size_t i = 0; i < tr_here->nnodes; i++) {
		const node *n = &tr_here->nodes[i];
		int item = tui_add_target(t, n);
		if (n == here) {
			snprintf(buf, sizeof buf, _("%s  (you are here)"), tr(n->title.s));
			if (v->sel < 0)
				v->sel = item;
		}
		page_text(p, 2 * n->level, n == here ? buf : tr(n->title.s), n == here ? ST_STRONG : ST_TEXT, item);
	}
	page_blank(p);
	page_text(p, 0, _("Other articles"), ST_HEADING, -1);
	for (size_t i = 0; i < t->set->ntrees; i++)
		if (t->set->trees[i] != tr_here)
			page_text(p, 2, tr(t->set->trees[i]->title.s), ST_TEXT,
				  tui_add_target(t, t->set->trees[i]->start));
	tui_show_page(t);
}

int toc_key(tui *t, int key)
{
	return tui_list_key(t, key);
}
