/* The help screen: every key, screen by screen. */
#include <config.h>

#include "screens.h"
#include "i18n.h"

#include <stdio.h>

static const struct {
	const char *keys, *what;
} help[] = {
	{ NULL, N_("Answering") },
	{ N_("↑ ↓  j k"), N_("move between the answers") },
	{ N_("Enter  1–9"), N_("answer: the selected answer, or the one with that number") },
	{ N_("← Backspace"), N_("go back to the previous screen, its answer selected") },
	{ N_("→"), N_("go forward again after going back") },
	{ N_("PgUp PgDn Home End"), N_("scroll long text") },
	{ N_("r"), N_("on a check: type the SCEP server URL for a live check") },
	{ NULL, N_("Anywhere") },
	{ N_("t"), N_("table of contents of this article; Enter jumps to a section") },
	{ N_("/"), N_("search every article; Enter jumps to a result, Esc closes") },
	{ N_("c"), N_("the checklist so far: the fixes this walk reached") },
	{ N_("p"), N_("print or save the checklist") },
	{ N_("L"), N_("choose the language") },
	{ N_("?"), N_("this help") },
	{ N_("Esc  q"), N_("close this screen; on a question, q quits (it asks first)") },
	{ NULL, N_("In a text field") },
	{ N_("← → Home End"), N_("move the cursor; Ctrl-U clears, Esc cancels") },
};

void help_draw(tui *t)
{
	page *p = &t->page;
	page_text(p, 0, _("Keys"), ST_HEADING, -1);
	for (size_t i = 0; i < sizeof help / sizeof *help; i++) {
		if (help[i].keys == NULL) {
			page_blank(p);
			page_text(p, 0, _(help[i].what), ST_STRONG, -1);
			continue;
		}
		/* The keys in a column of their own, the meaning hanging beside. */
		char keys[64];
		int pad = 20 - draw_width(_(help[i].keys));
		snprintf(keys, sizeof keys, "%s%*s", _(help[i].keys), pad > 0 ? pad : 0, "");
		page_hang(p, 2, keys, _(help[i].what), ST_TEXT, -1);
	}
	t->hints = _("PgUp PgDn Home End scroll");
	tui_show_page(t);
}

int help_key(tui *t, int key)
{
	switch (key) {
	case FN(KEY_LEFT): case FN(KEY_BACKSPACE): tui_close(t); return 1;
	}
	return page_scroll_key(&t->page, &t->views[SCR_HELP], t->rows, key);
}
