/* The help screen: every key, group by group, written from the key table. */
#include <config.h>

#include "screens.h"
#include "i18n.h"

#include <stdio.h>

static void heading(void *arg, const char *title)
{
	page *p = arg;
	page_blank(p);
	page_text(p, 0, title, ST_STRONG, -1);
}

/* The keys in a column of their own, the meaning hanging beside. */
static void row(void *arg, const char *keys, const char *what)
{
	page *p = arg;
	char col[96];
	int pad = 20 - draw_width(keys);
	snprintf(col, sizeof col, "%s%*s", keys, pad > 0 ? pad : 0, "");
	page_hang(p, 2, col, what, ST_TEXT, -1);
}

void help_draw(tui *t)
{
	page_text(&t->page, 0, _("Keys"), ST_HEADING, -1);
	key_help(heading, row, &t->page);
	tui_show_page(t);
}

int help_key(tui *t, int key)
{
	action act = key_action(key, t->on, NULL);
	if (act == ACT_CLOSE_LIST) {
		tui_close(t);
		return 1;
	}
	return tui_scroll(t, act);
}
