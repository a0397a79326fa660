/* Word wrapping by display width, so accented and wide characters line up:
 * an accented letter takes one column and two bytes, a CJK character two
 * columns. No curses here: the checklist and the wizard both use it. */
#ifndef SCEPWIZ_WRAP_H
#define SCEPWIZ_WRAP_H

#include <stddef.h>
#include <stdio.h>

/* Columns the UTF-8 string S takes on a terminal. */
size_t wrap_width(const char *s);

/* Prints S wrapped to WIDTH columns: the first line starts with FIRST, the
 * others are indented by INDENT spaces. Newlines in S start new lines. */
void wrap_print(FILE *out, const char *first, int indent, const char *s, int width);

/* For a screen, which places each line itself: the lines of TEXT. */
typedef struct {
	size_t start, len;      /* the line's bytes in the text */
	int cols;               /* its width in columns */
} wrap_line;

/* Breaks the UTF-8 TEXT into lines of at most WIDTH columns: at a space
 * where it can, inside a word only when the word alone is wider. A newline
 * always breaks (a blank line stays blank, a line's leading spaces stay);
 * the spaces at a soft break are dropped. Returns the number of lines and
 * sets *LINES to a malloc'd array (free it); 0 and NULL for empty text or
 * when memory runs out. */
size_t wrap_text(const char *text, int width, wrap_line **lines);

/* The columns the first LEN bytes of TEXT take. */
int wrap_ncols(const char *text, size_t len);

/* How many bytes of TEXT fit in COLS columns without splitting a
 * character (for clipping, not wrapping); the columns they take go to *USED
 * when it is not NULL. */
size_t wrap_clip(const char *text, int cols, int *used);

#endif
