/* A screen's content laid out in lines of the content area's width, then
 * shown through a scrolling window onto it. Every screen builds its page
 * afresh on each frame, so a resize only means laying out again. */
#ifndef SCEPWIZ_TUI_PAGE_H
#define SCEPWIZ_TUI_PAGE_H

#include "draw.h"
#include "keys.h"

#include <stddef.h>

typedef struct {
	char *s;                /* the line's UTF-8 text, owned by the page */
	int x;                  /* its column in the content area */
	style st;
	int item;               /* the selectable thing it belongs to, or -1 */
	char frame;             /* 0, or a box part: 't'op, 'm'iddle, 'b'ottom */
	char nowrap;            /* a command or path: one line, scrolled sideways */
} pline;

typedef struct {
	pline *v;
	size_t n, cap;
	int width;              /* the content area's columns */
	int nitems;
} page;

/* Where a screen looks: its first line shown and its selected item. */
typedef struct {
	int scroll, sel;
	int follow;             /* keep the selection in sight */
	int hscroll;            /* columns the selection's long lines are scrolled */
} view;

void page_begin(page *p, int width);
void page_free(page *p);

void page_blank(page *p);
/* TEXT wrapped at column X; ITEM makes its lines selectable (-1: not). */
void page_text(page *p, int x, const char *text, style st, int item);
/* The same, after PREFIX ("1.", "Cause 2"): continuation lines hang under
 * the text, not the prefix. */
void page_hang(page *p, int x, const char *prefix, const char *text, style st, int item);
/* TEXT on one line that is never broken, however long (a command, a
 * registry path: copying it must give it exactly); the selected item's such
 * lines scroll sideways by the view's HSCROLL, a cut end shows "…". */
void page_line(page *p, int x, const char *text, style st, int item);
/* The columns of the widest such line of ITEM. */
int page_line_width(const page *p, int item);
/* Log lines or output in a box titled TITLE, wrapped inside it. */
void page_box(page *p, int x, const char *title, const char *text);
/* A new selectable item; returns its number. */
int page_item(page *p);

/* Keeps V's selection and scroll within the page and, when V follows,
 * scrolls so the selection is in sight. */
void page_clamp(const page *p, view *v, int rows);
/* Draws the lines in sight in ROWS rows from screen row TOP, column LEFT. */
void page_draw(const page *p, const view *v, int top, int left, int rows);
/* The scrolling actions: a page up or down, to the top or the end (the
 * selection stays), the first or last item (selected), and up and down on
 * a page with nothing to select. Returns 1 when it used ACT. */
int page_scroll(const page *p, view *v, int rows, action act);
/* Whether every line of ITEM is in sight (its first ROWS lines when it is
 * longer than the window). */
int page_in_sight(const page *p, const view *v, int rows, int item);
/* Moves the selection by DELTA items; at either end it scrolls instead, so
 * text above the first item or below the last can still be read. */
void page_move(const page *p, view *v, int rows, int delta);

#endif
