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
	char num[24], buf[512];
	if (n->nchoices) {
		page_text(p, 0, _("Choose the answer with ↑ ↓ and Enter, or press its number:"), ST_DIM, -1);
		for (size_t i = 0; i < n->nchoices; i++) {
			snprintf(num, sizeof num, "%zu.", i + 1);
			page_hang(p, 1, num, tr(n->choices[i].label.s), ST_TEXT, page_item(p));
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

int answers_key(tui *t, int key)
{
	view *v = &t->views[SCR_WALK];
	if (key >= '1' && key <= '9') {
		size_t i = (size_t)(key - '1');
		if (i < walk_answers(t->w))
			tui_answer(t, i);
		else
			tui_message(t, _("There is no answer %d here."), key - '0');
		return 1;
	}
	switch (key) {
	case FN(KEY_UP): case 'k': page_move(&t->page, v, t->rows, -1); return 1;
	case FN(KEY_DOWN): case 'j': page_move(&t->page, v, t->rows, 1); return 1;
	case FN(KEY_LEFT): case FN(KEY_BACKSPACE): tui_back(t); return 1;
	case FN(KEY_RIGHT): tui_forward(t); return 1;
	case '\n':
		if (v->sel >= 0 && (size_t)v->sel < walk_answers(t->w))
			tui_answer(t, (size_t)v->sel);
		else
			tui_message(t, "%s", _("Nothing to answer here: ← goes back, t shows the contents."));
		return 1;
	}
	return page_scroll_key(&t->page, v, t->rows, key);
}
