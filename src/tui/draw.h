/* What every screen draws with: a few named styles (colour or monochrome)
 * and text clipped to a number of columns. */
#ifndef SCEPWIZ_TUI_DRAW_H
#define SCEPWIZ_TUI_DRAW_H

#include <curses.h>

/* A key as the screens see it: a character (> 0), or a curses function
 * key as FN(KEY_...). Enter is '\n', Backspace FN(KEY_BACKSPACE), Esc 27. */
#define FN(k) (-(k))
#define KEY_ESC 27

typedef enum {
	ST_TEXT,        /* what the engineer reads */
	ST_HEADING,     /* a section's title */
	ST_STRONG,      /* a cause, a label that must stand out */
	ST_COMMAND,     /* something to type or paste */
	ST_LITERAL,     /* a path, registry key or value, exactly as written */
	ST_DIM,         /* hints and asides */
	ST_FRAME,       /* the example box, the separator */
	ST_BAR,         /* the status line */
	ST_CURRENT,     /* the current step of the flow, the selection */
	ST_WARN,        /* a problem found, a message */
	ST_COUNT
} style;

/* Colours only when the terminal has them and neither NO_COLOR nor
 * --no-color asks for monochrome; call once after the screen starts. */
void style_init(int want_color);
attr_t style_attr(style st);

/* Writes S at Y,X in at most COLS columns, ending with "…" when it is cut.
 * Returns the columns written. */
int draw_clipped(int y, int x, const char *s, int cols, style st);

/* The columns S takes on screen. */
int draw_width(const char *s);

/* A terminal whose locale is not UTF-8 gets ASCII only: line characters
 * become - | +, arrows and quotes their ASCII look-alikes, accented letters
 * their base letter. Set once before drawing. */
void draw_set_ascii(int on);
int draw_ascii(void);
/* S in ASCII (malloc'd) when the terminal needs it, NULL when S can be
 * drawn as it is. */
char *draw_ascii_copy(const char *s);
/* A line character (ACS_HLINE…) or, on an ASCII terminal, its stand-in. */
chtype draw_line(chtype acs);

#endif
