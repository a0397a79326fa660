#include <config.h>

#include "page.h"
#include "wrap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void page_begin(page *p, int width)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].s);
	p->n = 0;
	p->nitems = 0;
	p->width = width < 1 ? 1 : width;
}

void page_free(page *p)
{
	page_begin(p, 1);
	free(p->v);
	memset(p, 0, sizeof *p);
}

/* Out of memory a line is dropped: the screen shows less, never garbage. */
static pline *add(page *p, int x, const char *s, size_t len, style st, int item, char frame)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 64;
		pline *v = realloc(p->v, cap * sizeof *v);
		if (v == NULL)
			return NULL;
		p->v = v;
		p->cap = cap;
	}
	char *copy = strndup(s, len);
	if (copy == NULL)
		return NULL;
	p->v[p->n] = (pline){ copy, x, st, item, frame, 0 };
	return &p->v[p->n++];
}

void page_blank(page *p)
{
	add(p, 0, "", 0, ST_TEXT, -1, 0);
}

int page_item(page *p)
{
	return p->nitems++;
}

void page_text(page *p, int x, const char *text, style st, int item)
{
	char *a = draw_ascii_copy(text);
	if (a)
		text = a;
	wrap_line *l;
	size_t n = wrap_text(text, p->width - x, &l);
	for (size_t i = 0; i < n; i++)
		add(p, x, text + l[i].start, l[i].len, st, item, 0);
	free(l);
	free(a);
}

void page_hang(page *p, int x, const char *prefix, const char *text, style st, int item)
{
	char *a = draw_ascii_copy(text), *ap = draw_ascii_copy(prefix);
	if (a)
		text = a;
	if (ap)
		prefix = ap;
	int pw = draw_width(prefix) + 1;
	wrap_line *l;
	size_t n = wrap_text(text, p->width - x - pw, &l);
	if (n == 0)
		add(p, x, prefix, strlen(prefix), st, item, 0);
	for (size_t i = 0; i < n; i++) {
		if (i > 0) {
			add(p, x + pw, text + l[i].start, l[i].len, st, item, 0);
			continue;
		}
		char *first;
		if (asprintf(&first, "%s %.*s", prefix, (int)l[i].len, text + l[i].start) >= 0) {
			add(p, x, first, strlen(first), st, item, 0);
			free(first);
		}
	}
	free(l);
	free(a);
	free(ap);
}

void page_line(page *p, int x, const char *text, style st, int item)
{
	char *a = draw_ascii_copy(text);
	pline *l = add(p, x, a ? a : text, strlen(a ? a : text), st, item, 0);
	if (l)
		l->nowrap = 1;
	free(a);
}

int page_line_width(const page *p, int item)
{
	int w = 0;
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].item == item && p->v[i].nowrap && draw_width(p->v[i].s) + p->v[i].x > w)
			w = draw_width(p->v[i].s) + p->v[i].x;
	return w;
}

/* A long line in COLS columns from column SKIP of it: "…" marks each end
 * that is cut. */
static int draw_scrolled(int y, int x, const char *s, int cols, int skip, style st)
{
	if (skip <= 0)
		return draw_clipped(y, x, s, cols, st);
	s += wrap_clip(s, skip + 1, NULL);
	int used = draw_clipped(y, x, "…", 1, ST_DIM);
	return used + draw_clipped(y, x + used, s, cols - used, st);
}

void page_box(page *p, int x, const char *title, const char *text)
{
	char *a = draw_ascii_copy(text);
	if (a)
		text = a;
	wrap_line *l;
	size_t n = wrap_text(text, p->width - x - 4, &l);
	add(p, x, title, strlen(title), ST_FRAME, -1, 't');
	for (size_t i = 0; i < n; i++)
		add(p, x, text + l[i].start, l[i].len, ST_LITERAL, -1, 'm');
	add(p, x, "", 0, ST_FRAME, -1, 'b');
	free(l);
	free(a);
}

static void item_lines(const page *p, int item, int *first, int *last)
{
	*first = *last = -1;
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].item == item) {
			if (*first < 0)
				*first = (int)i;
			*last = (int)i;
		}
}

void page_clamp(const page *p, view *v, int rows)
{
	if (rows < 1)
		rows = 1;
	if (p->nitems == 0)
		v->sel = -1;
	else if (v->sel < 0 || v->sel >= p->nitems)
		v->sel = v->sel < 0 ? 0 : p->nitems - 1;
	if (v->follow && v->sel >= 0) {
		int first, last;
		item_lines(p, v->sel, &first, &last);
		if (last >= v->scroll + rows)
			v->scroll = last - rows + 1;
		if (first < v->scroll)
			v->scroll = first;
	}
	int max = (int)p->n - rows;
	if (v->scroll > max)
		v->scroll = max;
	if (v->scroll < 0)
		v->scroll = 0;
}

/* The box's borders drawn with the terminal's line characters. */
static void draw_frame(const pline *l, int y, int x, int width)
{
	attrset(style_attr(ST_FRAME));
	chtype left = l->frame == 't' ? ACS_ULCORNER : l->frame == 'b' ? ACS_LLCORNER : ACS_VLINE;
	chtype right = l->frame == 't' ? ACS_URCORNER : l->frame == 'b' ? ACS_LRCORNER : ACS_VLINE;
	mvaddch(y, x, draw_line(left));
	if (l->frame != 'm')
		mvhline(y, x + 1, draw_line(ACS_HLINE), width - 2);
	mvaddch(y, x + width - 1, draw_line(right));
	attrset(A_NORMAL);
	if (l->frame == 't' && *l->s) {
		mvaddstr(y, x + 2, " ");
		draw_clipped(y, x + 3, l->s, width - 6, ST_FRAME);
		addstr(" ");
	} else if (l->frame == 'm') {
		draw_clipped(y, x + 2, l->s, width - 4, l->st);
	}
}

void page_draw(const page *p, const view *v, int top, int left, int rows)
{
	for (int r = 0; r < rows && v->scroll + r < (int)p->n; r++) {
		const pline *l = &p->v[v->scroll + r];
		int y = top + r, x = left + l->x;
		if (l->frame) {
			draw_frame(l, y, x, p->width - l->x);
			continue;
		}
		int selected = l->item >= 0 && l->item == v->sel;
		int used = draw_scrolled(y, x, l->s, p->width - l->x, l->nowrap && selected ? v->hscroll : 0,
					 selected ? ST_CURRENT : l->st);
		if (!selected)
			continue;
		/* The whole row is marked, and a '>' shows it without colour too. */
		attrset(style_attr(ST_CURRENT));
		mvhline(y, x + used, ' ', p->width - l->x - used);
		attrset(A_NORMAL);
		if (r == 0 || p->v[v->scroll + r - 1].item != l->item)
			mvaddstr(y, left - 2, ">");
	}
	/* Arrows in the margin say there is more above or below. */
	if (v->scroll > 0)
		draw_clipped(top, left + p->width + 1, "↑", 1, ST_DIM);
	if (v->scroll + rows < (int)p->n)
		draw_clipped(top + rows - 1, left + p->width + 1, "↓", 1, ST_DIM);
}

int page_scroll(const page *p, view *v, int rows, action act)
{
	int page_rows = rows > 2 ? rows - 1 : 1;
	switch (act) {
	case ACT_PAGE_DOWN: v->scroll += page_rows; break;
	case ACT_PAGE_UP: v->scroll -= page_rows; break;
	case ACT_TOP: v->scroll = 0; break;
	case ACT_BOTTOM: v->scroll = (int)p->n; break;
	case ACT_FIRST: case ACT_LAST:
		v->sel = act == ACT_FIRST ? 0 : p->nitems - 1;
		v->follow = 1;
		page_clamp(p, v, rows);
		return 1;
	case ACT_UP: case ACT_DOWN:
		if (p->nitems)
			return 0;
		v->scroll += act == ACT_UP ? -1 : 1;
		break;
	default:
		return 0;
	}
	v->follow = 0;
	page_clamp(p, v, rows);
	return 1;
}

int page_in_sight(const page *p, const view *v, int rows, int item)
{
	int first, last;
	item_lines(p, item, &first, &last);
	if (first < 0)
		return 0;
	if (last - first >= rows)
		last = first + rows - 1;
	return first >= v->scroll && last < v->scroll + rows;
}

void page_move(const page *p, view *v, int rows, int delta)
{
	int to = v->sel + delta, first, last;
	item_lines(p, v->sel, &first, &last);
	if (!v->follow && first >= 0 && (first < v->scroll || last >= v->scroll + rows)) {
		/* The first press brings the selection into sight. */
		v->follow = 1;
		page_clamp(p, v, rows);
		return;
	}
	if (p->nitems == 0 || to < 0 || to >= p->nitems) {
		v->scroll += delta;
		v->follow = 0;
	} else {
		v->sel = to;
		v->follow = 1;
	}
	page_clamp(p, v, rows);
}
