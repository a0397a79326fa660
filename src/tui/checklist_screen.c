/* The checklist so far: every remediation the walk has reached, with its
 * causes to tick off; Enter goes back to one. */
#include <config.h>

#include "screens.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>

void checklist_draw(tui *t)
{
	page *p = &t->page;
	t->ntargets = 0;
	page_text(p, 0, _("Checklist so far"), ST_HEADING, -1);
	page_blank(p);
	size_t n = walk_remediations(t->w, NULL, 0);
	const node **r = calloc(n ? n : 1, sizeof *r);
	if (r)
		n = walk_remediations(t->w, r, n);
	if (n == 0 || r == NULL)
		page_text(p, 0, _("No fix yet: the checklist gathers the remediations the walk reaches. "
				  "Answer the questions until one is reached."), ST_TEXT, -1);
	for (size_t i = 0; r && i < n; i++) {
		char num[24], buf[512];
		snprintf(num, sizeof num, "%zu.", i + 1);
		snprintf(buf, sizeof buf, "%s (%s)", tr(r[i]->title.s), tr(r[i]->tree->title.s));
		page_hang(p, 0, num, buf, ST_STRONG, tui_add_target(t, r[i]));
		for (size_t k = 0; k < r[i]->ncauses; k++)
			page_hang(p, 4, "[ ]", tr(r[i]->causes[k].cause.s), ST_TEXT, -1);
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
