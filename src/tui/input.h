/* A single-line input field (the search text, a SCEP server URL): keeps
 * what was typed across redraws, resizes and cancels. */
#ifndef SCEPWIZ_TUI_INPUT_H
#define SCEPWIZ_TUI_INPUT_H

#include <stddef.h>
#include <wchar.h>

#define INPUT_MAX 2048
#define INPUT_BYTES (4 * INPUT_MAX + 1)   /* the text as UTF-8 fits in this */

typedef struct {
	wchar_t buf[INPUT_MAX + 1];
	size_t len, cur;        /* characters typed, and the cursor among them */
	size_t first;           /* the first character in sight */
} input;

enum { INPUT_IGNORED, INPUT_USED, INPUT_ENTER, INPUT_CANCEL };

/* Handles KEY (draw.h): typing, the cursor keys, Backspace, Delete,
 * Ctrl-A/E (start, end), Ctrl-U (clear); Enter and Esc end the input. */
int input_key(input *in, int key);
/* Draws the field in COLS columns at Y,X and puts the cursor in it. */
void input_draw(input *in, int y, int x, int cols);
/* The text as UTF-8 in BUF (INPUT_BYTES is always enough). */
const char *input_text(const input *in, char *buf, size_t size);
void input_set(input *in, const char *text);

#endif
