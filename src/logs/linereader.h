/* Lines out of a log source, decoded to UTF-8 whatever the file's encoding
 * (UTF-8, or UTF-16LE/BE with or without a BOM), CRLF or LF, in bounded
 * memory: a line over LR_LINE_CAP is cut and the rest of it skipped, and a
 * NUL byte ends the file as binary. Each reader of a text kind pulls from it. */
#ifndef SCEPWIZ_LOGS_LINEREADER_H
#define SCEPWIZ_LOGS_LINEREADER_H

#include "logs/source.h"

#include <stddef.h>

#define LR_LINE_CAP (64 * 1024)         /* longest line kept, in bytes */
#define LR_BLOCK (128 * 1024)           /* bytes asked of the source at a time */
#define LR_SNIFF (8 * 1024)             /* text buffered before the first line */

typedef enum { LR_UTF8, LR_UTF16LE, LR_UTF16BE } lr_encoding;

typedef struct {
	log_source *src;
	const log_sink *sink;
	lr_encoding enc;
	char *buf;                      /* decoded text: LR_LINE_CAP + LR_BLOCK + 1 */
	size_t start, end;              /* unread text in buf */
	unsigned char *raw;             /* UTF-16 only: undecoded bytes (LR_BLOCK) */
	size_t nraw;                    /* a trailing odd byte kept for the next read */
	unsigned surrogate;             /* a high surrogate waiting for its pair */
	unsigned long lineno;           /* of the line last returned */
	int eof, error, skipping, binary, cut_noted;
	int binary_head;                /* a NUL within the first LR_SNIFF bytes */
} line_reader;

/* Opens a reader over SRC (notes go to SINK under SRC's name) and buffers
 * the first LR_SNIFF bytes of text, or the whole file if shorter. Returns
 * 0, or -1 when memory ran out. */
int lr_open(line_reader *lr, log_source *src, const log_sink *sink);
void lr_close(line_reader *lr);
/* The text buffered and not yet read, for recognising the kind. */
const char *lr_peek(const line_reader *lr, size_t *len);
/* The next line (without its end, NUL-terminated, writable until the next
 * call): 1, or 0 at the end of the file, on an error, or at a NUL byte
 * (each with a note). Empty lines are returned too, so line numbers hold. */
int lr_next(line_reader *lr, char **line, size_t *len);

#endif
