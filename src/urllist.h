/* The URLs `scepwiz check` is given: on its command line and, with --from,
 * one a line in a file or on standard input. Pure: no network, no curl. */
#ifndef SCEPWIZ_URLLIST_H
#define SCEPWIZ_URLLIST_H

#include <stddef.h>
#include <stdio.h>

#define URL_LIST_MAX 10000              /* URLs in one run */
#define URL_LIST_MAX_LINE 16384         /* bytes of one line of a --from file */
#define URL_LIST_MAX_BYTES (16L << 20)  /* bytes read of a --from file */

typedef struct {
	char **v;
	size_t n, cap;
} url_list;

/* Appends a copy of URL: 0, or -1 when the list holds URL_LIST_MAX already
 * or memory ran out. */
int url_list_add(url_list *l, const char *url);

/* Appends the URLs of F, one a line: blank lines and lines that start with
 * '#' are skipped, as is a '#' after a space or tab and what follows it (a
 * URL holds no unescaped blank); spaces around a URL, a CR before the
 * newline and a UTF-8 byte-order mark are dropped. Returns 0, or -1 with
 * WHY (translated, naming the line) for what is not a list of URLs: a NUL
 * byte (a binary or UTF-16 file), a line over URL_LIST_MAX_LINE bytes, more
 * than URL_LIST_MAX URLs or URL_LIST_MAX_BYTES bytes, a read error. It stops
 * reading there: an endless stream can't hold it. */
int url_list_read(url_list *l, FILE *f, char *why, size_t size);

/* The same for PATH: "-" is standard input, anything else must be a
 * regular file (regfile.h: a FIFO or a device is refused, never read).
 * Returns 0; -1 when PATH can't be opened (errno says why: EINVAL for a
 * file that is not regular); -2 when what it holds is refused (WHY). */
int url_list_from(url_list *l, const char *path, char *why, size_t size);

void url_list_free(url_list *l);

#endif
