/* The search screen: a field at the top, the sections that mention the
 * text below it, grouped by article; Enter jumps to one. The field keeps its
 * text between visits. */
#include <config.h>

#include "screens.h"
#include "i18n.h"
#include "search.h"
#include "wrap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The field keeps its text between visits; the hits are this frame's. */
static input query;
static const node **hits;
static size_t nhits;

void search_free(void)
{
	free(hits);
	hits = NULL;
	nhits = 0;
}

/* The line of text around where Q matched N, as a hint under the result:
 * from a few words before the match to the end of that line. */
static const char *excerpt(const node *n, const char *q, char *buf, size_t size)
{
	size_t at;
	const char *s = search_match(n, q, &at);
	if (s == NULL || s == n->id || strcmp(s, tr(n->title.s)) == 0)
		return NULL;
	size_t from = at, back = 0;
	while (from > 0 && s[from - 1] != '\n' && back < 24) {
		from--;
		back += (s[from] & 0xC0) != 0x80;     /* count characters, not bytes */
	}
	while (from > 0 && s[from - 1] != '\n' && (s[from] & 0xC0) == 0x80)
		from--;
	size_t len = strcspn(s + from, "\n");
	snprintf(buf, size, "%s%.*s", from > 0 && s[from - 1] != '\n' ? "…" : "", (int)len, s + from);
	return buf;
}

/* A hit: its title, and one line of the words around the match. */
static void show_hit(tui *t, const node *n, const char *q)
{
	char line[512];
	int item = tui_add_target(t, n);
	page_text(&t->page, 2, tr(n->title.s), ST_TEXT, item);
	const char *ex = excerpt(n, q, line, sizeof line);
	if (ex) {
		/* One line of it is enough to recognise the place. */
		size_t fit = wrap_clip(ex, t->width - 7, NULL);
		if (ex[fit])
			snprintf(line + fit, sizeof line - fit, "…");
		page_text(&t->page, 4, line, ST_DIM, item);
	}
}

void search_draw(tui *t)
{
	char q[INPUT_BYTES], buf[256];
	input_text(&query, q, sizeof q);
	search_free();
	nhits = search_nodes(t->set, q, &hits);

	int lw = draw_clipped(t->top, t->left, _("Search:"), t->width / 3, ST_STRONG);
	input_draw(&query, t->top, t->left + lw + 1, t->width - lw - 1);
	getyx(stdscr, t->cursor_y, t->cursor_x);
	if (q[0] == '\0')
		snprintf(buf, sizeof buf, "%s", _("Type what you see: a status code, an event ID, a log line, a name."));
	else
		snprintf(buf, sizeof buf, _("Sections found: %zu"), nhits);
	draw_clipped(t->top + 1, t->left, buf, t->width, ST_DIM);
	t->top += 3;
	t->rows -= 3;

	t->ntargets = 0;
	/* Each article once, in the order of its best hit, its hits in rank
	 * order under it: the best result stays first, and no heading repeats. */
	for (size_t i = 0; i < nhits; i++) {
		size_t k = 0;
		while (k < i && hits[k]->tree != hits[i]->tree)
			k++;
		if (k < i)
			continue;       /* listed under the article already */
		page_text(&t->page, 0, tr(hits[i]->tree->title.s), ST_HEADING, -1);
		for (k = i; k < nhits; k++)
			if (hits[k]->tree == hits[i]->tree)
				show_hit(t, hits[k], q);
	}
	tui_show_page(t);
}

int search_key(tui *t, int key)
{
	view *v = &t->views[SCR_SEARCH];
	switch (key_action(key, t->on, NULL)) {
	case ACT_UP: case ACT_DOWN: case ACT_GO:
		return tui_list_key(t, key);
	case ACT_CLOSE:
		tui_close(t);
		return 1;
	case ACT_PAGE_UP: case ACT_PAGE_DOWN:
		return tui_list_key(t, key);
	default:
		break;
	}
	if (input_key(&query, key) == INPUT_IGNORED)
		return 0;
	*v = (view){ .follow = 1 };
	return 1;
}
