/* Word wrapping by display width, so every language lines up on a terminal:
 * an accented letter takes one column and two bytes, a CJK character two
 * columns. No curses here: the wizard and any text output can use it. */
#ifndef SCEPWIZ_WRAP_H
#define SCEPWIZ_WRAP_H

#include <stddef.h>

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
int wrap_width(const char *text, size_t len);

/* How many bytes of TEXT fit in COLS columns without splitting a
 * character; the columns they take go to *USED when it is not NULL. */
size_t wrap_fit(const char *text, int cols, int *used);

#endif
