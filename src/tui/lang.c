/* The language screen: the five languages, each in its own words. */
#include <config.h>

#include "screens.h"
#include "i18n.h"

#include <string.h>

void lang_draw(tui *t)
{
	page *p = &t->page;
	view *v = &t->views[SCR_LANG];
	page_text(p, 0, _("Language"), ST_HEADING, -1);
	page_blank(p);
	for (int i = 0; tui_langs[i].code; i++) {
		int item = page_item(p);
		if (v->sel < 0 && strcmp(tui_langs[i].code, i18n_lang()) == 0)
			v->sel = item;
		page_text(p, 2, tui_langs[i].name, ST_TEXT, item);
	}
	tui_show_page(t);
}

int lang_key(tui *t, int key)
{
	view *v = &t->views[SCR_LANG];
	action act = key_action(key, t->on, NULL);
	switch (act) {
	case ACT_UP: page_move(&t->page, v, t->rows, -1); return 1;
	case ACT_DOWN: page_move(&t->page, v, t->rows, 1); return 1;
	case ACT_CLOSE_LIST: tui_close(t); return 1;
	case ACT_SWITCH:
		if (v->sel >= 0) {
			i18n_set_lang(tui_langs[v->sel].code);
			tui_changed(t);
		}
		tui_close(t);
		return 1;
	default: return tui_scroll(t, act);
	}
}
