/* Copying to the clipboard with OSC 52: the terminal (xterm, kitty, iTerm2,
 * Windows Terminal, tmux with set-clipboard) puts the text on the local
 * clipboard, through ssh too, which no X or Wayland call could do. */
#include <config.h>

#include "screens.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int tui_copy(const char *s)
{
	size_t len = strlen(s);
	unsigned char *b64 = malloc(4 * ((len + 2) / 3) + 1);
	if (b64 == NULL)
		return -1;
	EVP_EncodeBlock(b64, (const unsigned char *)s, (int)len);
	/* After the frame, so the sequence is not cut into curses output. */
	refresh();
	printf("\033]52;c;%s\a", (const char *)b64);
	free(b64);
	return fflush(stdout) == 0 ? 0 : -1;
}
