/* What the three walk screens (question, check, remediation) share: the
 * section's heading, text and example, then its answers as numbered items
 * the engineer picks with the arrows and Enter or with the number. */
#include <config.h>

#include "screens.h"
#include "i18n.h"

#include <stdio.h>

void section_head(tui *t, const node *n)
{
	page *p = &t->page;
	page_text(p, 0, tr(n->title.s), ST_HEADING, -1);
	page_blank(p);
	if (n->text.s) {
		page_text(p, 0, tr(n->text.s), ST_TEXT, -1);
		page_blank(p);
	}
	if (n->example) {
		page_box(p, 0, _("Example"), n->example);
		page_blank(p);
	}
}

void answers_add(tui *t, const node *n)
{
	page *p = &t->page;
	view *v = &t->views[SCR_WALK];
	char num[24], buf[512];
	t->answer_item = p->nitems;
	if (t->want_choice >= 0) {
		v->sel = t->answer_item + t->want_choice;
		t->want_choice = -1;
	}
	if (n->nchoices) {
		page_text(p, 0, _("Choose the answer with ↑ ↓ and Enter, or press its number:"), ST_DIM, -1);
		for (size_t i = 0; i < n->nchoices; i++) {
			snprintf(num, sizeof num, "%zu.", i + 1);
			page_hang(p, 1, num, tr_ctx(n->choices[i].label.ctx, n->choices[i].label.s), ST_TEXT, page_item(p));
		}
	} else if (n->next) {
		page_text(p, 0, _("Press Enter to go on:"), ST_DIM, -1);
		snprintf(buf, sizeof buf, _("Continue: %s"), tr(node_follow(n->next)->title.s));
		page_hang(p, 1, "1.", buf, ST_TEXT, page_item(p));
	} else {
		page_text(p, 0, _("This path ends here. ← goes back to change an answer, "
				  "t shows the contents, / searches, c shows the checklist."), ST_DIM, -1);
	}
}

/* Answer I is given only when the engineer can see it: else the first
 * press selects it and brings it into sight, and the next one answers. */
static void answer(tui *t, size_t i)
{
	view *v = &t->views[SCR_WALK];
	int item = t->answer_item + (int)i;
	if (i >= walk_answers(t->w)) {
		tui_message(t, "%s", _("Nothing to answer here: ← goes back, t shows the contents."));
	} else if (!page_in_sight(&t->page, v, t->rows, item)) {
		v->sel = item;
		v->follow = 1;
		tui_message(t, _("Answer %zu is now in sight: press Enter to choose it."), i + 1);
	} else {
		tui_answer(t, i);
	}
}

int answers_key(tui *t, int key)
{
	view *v = &t->views[SCR_WALK];
	int number;
	action act = key_action(key, t->on, &number);
	switch (act) {
	case ACT_ANSWER:
		if (number > 0 && (size_t)number > walk_answers(t->w))
			tui_message(t, _("There is no answer %d here."), number);
		else if (number > 0)
			answer(t, (size_t)number - 1);
		else if (v->sel < t->answer_item)
			answer(t, 0);   /* a step is selected: the way on is the answer */
		else
			answer(t, (size_t)(v->sel - t->answer_item));
		return 1;
	case ACT_UP: page_move(&t->page, v, t->rows, -1); return 1;
	case ACT_DOWN: page_move(&t->page, v, t->rows, 1); return 1;
	case ACT_BACK: tui_back(t); return 1;
	case ACT_FORWARD: tui_forward(t); return 1;
	default: return tui_scroll(t, act);
	}
}
