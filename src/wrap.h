/* Word wrapping by display width, so accented and wide characters line up. */
#ifndef SCEPWIZ_WRAP_H
#define SCEPWIZ_WRAP_H

#include <stddef.h>
#include <stdio.h>

/* Columns the UTF-8 string S takes on a terminal. */
size_t wrap_width(const char *s);

/* Bytes of S (up to its end or a newline) that fit in WIDTH columns, broken
 * after a word; a word longer than WIDTH is broken where it must be. */
size_t wrap_fit(const char *s, size_t width);

/* Prints S wrapped to WIDTH columns: the first line starts with FIRST, the
 * others are indented by INDENT spaces. Newlines in S start new lines. */
void wrap_print(FILE *out, const char *first, int indent, const char *s, int width);

#endif
