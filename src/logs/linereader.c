/* The line reader: big blocks from the source, UTF-16 decoded to UTF-8 a
 * block at a time, lines found with memchr and handed out in place, so the
 * hot path copies nothing and calls nothing per byte. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "logs/linereader.h"

#define CAP (LR_LINE_CAP + LR_BLOCK)

static void note(line_reader *lr, const char *why)
{
	if (lr->sink->note)
		lr->sink->note(lr->src->name, why, lr->sink->arg);
}

static ssize_t src_read(log_source *s, void *b, size_t n)
{
	ssize_t r;
	do
		r = s->read(s, b, n);
	while (r < 0 && errno == EINTR);
	return r;
}

static char *put_utf8(char *o, unsigned c)
{
	if (c < 0x800) {
		*o++ = (char)(0xc0 | c >> 6);
	} else if (c < 0x10000) {
		*o++ = (char)(0xe0 | c >> 12);
		*o++ = (char)(0x80 | (c >> 6 & 0x3f));
	} else {
		*o++ = (char)(0xf0 | c >> 18);
		*o++ = (char)(0x80 | (c >> 12 & 0x3f));
		*o++ = (char)(0x80 | (c >> 6 & 0x3f));
	}
	*o++ = (char)(0x80 | (c & 0x3f));
	return o;
}

/* Decodes N bytes of UTF-16 at P into OUT (at most 3 bytes per 2 in);
 * returns the bytes written. A lone surrogate becomes U+FFFD; U+0000 marks
 * the file binary and ends the decoding. */
static size_t utf16_decode(line_reader *lr, const unsigned char *p, size_t n, char *out)
{
	char *o = out;
	int be = lr->enc == LR_UTF16BE;
	for (size_t i = 0; i + 1 < n; i += 2) {
		unsigned u = be ? (unsigned)p[i] << 8 | p[i + 1] : (unsigned)p[i + 1] << 8 | p[i];
		if (lr->surrogate && (u < 0xdc00 || u > 0xdfff)) {
			o = put_utf8(o, 0xfffd);
			lr->surrogate = 0;
		}
		if (u - 1 < 0x7f) {
			*o++ = (char)u;
		} else if (u == 0) {
			lr->binary = 1;
			break;
		} else if (u >= 0xd800 && u <= 0xdbff) {
			lr->surrogate = u;
		} else if (u >= 0xdc00 && u <= 0xdfff) {
			o = put_utf8(o, lr->surrogate ? 0x10000 + ((lr->surrogate - 0xd800) << 10) + (u - 0xdc00)
					: 0xfffd);
			lr->surrogate = 0;
		} else {
			o = put_utf8(o, u);
		}
	}
	return (size_t)(o - out);
}

/* Recognises a byte order mark, or UTF-16 without one by its zero bytes,
 * in the first bytes read; returns how many bytes the mark takes. */
static size_t detect_encoding(line_reader *lr, const unsigned char *p, size_t n)
{
	if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		return 3;
	if (n >= 2 && p[0] == 0xff && p[1] == 0xfe) {
		lr->enc = LR_UTF16LE;
		return 2;
	}
	if (n >= 2 && p[0] == 0xfe && p[1] == 0xff) {
		lr->enc = LR_UTF16BE;
		return 2;
	}
	if (n >= 4 && p[0] && !p[1] && p[2] && !p[3] && p[0] < 0x80 && p[2] < 0x80)
		lr->enc = LR_UTF16LE;
	else if (n >= 4 && !p[0] && p[1] && !p[2] && p[3] && p[1] < 0x80 && p[3] < 0x80)
		lr->enc = LR_UTF16BE;
	return 0;
}

/* Moves the unread text to the front and reads one block after it. */
static void fill(line_reader *lr)
{
	if (lr->start) {
		memmove(lr->buf, lr->buf + lr->start, lr->end - lr->start);
		lr->end -= lr->start;
		lr->start = 0;
	}
	size_t room = CAP - lr->end;
	ssize_t n;
	if (lr->enc == LR_UTF8) {
		n = src_read(lr->src, lr->buf + lr->end, room);
		if (n > 0) {
			char *nul = memchr(lr->buf + lr->end, '\0', (size_t)n);
			if (nul) {
				lr->binary = lr->eof = 1;
				n = nul - (lr->buf + lr->end);
			}
			lr->end += (size_t)n;
		}
	} else {
		size_t want = (room / 3 * 2) & ~(size_t)1;
		if (want > LR_BLOCK)
			want = LR_BLOCK;
		n = src_read(lr->src, lr->raw + lr->nraw, want - lr->nraw);
		if (n > 0) {
			size_t have = lr->nraw + (size_t)n;
			lr->end += utf16_decode(lr, lr->raw, have, lr->buf + lr->end);
			lr->nraw = have & 1;
			if (lr->nraw)
				lr->raw[0] = lr->raw[have - 1];
			if (lr->binary)
				lr->eof = 1;
		}
	}
	if (n == 0) {
		lr->eof = 1;
	} else if (n < 0) {
		lr->eof = lr->error = 1;
		note(lr, N_("a read error stopped the file; the rest was skipped"));
	}
}

/* The first read: the encoding, then at least LR_SNIFF bytes of text. */
static void start(line_reader *lr)
{
	unsigned char head[4];
	size_t n = 0;
	while (n < sizeof head) {
		ssize_t r = src_read(lr->src, head + n, sizeof head - n);
		if (r <= 0) {
			if (r < 0)
				lr->error = 1;
			break;
		}
		n += (size_t)r;
	}
	size_t bom = detect_encoding(lr, head, n);
	if (lr->enc != LR_UTF8 && !(lr->raw = malloc(LR_BLOCK))) {
		lr->eof = lr->error = 1;
		note(lr, N_("out of memory"));
		return;
	}
	/* What the probe read past the mark goes through the decoder too. */
	if (lr->enc == LR_UTF8) {
		memcpy(lr->buf, head + bom, n - bom);
		lr->end = n - bom;
		if (memchr(lr->buf, '\0', lr->end))
			lr->binary = lr->eof = 1;
	} else {
		memcpy(lr->raw, head + bom, n - bom);
		lr->nraw = n - bom;
		size_t even = lr->nraw & ~(size_t)1;
		lr->end = utf16_decode(lr, lr->raw, even, lr->buf);
		if (lr->nraw & 1)
			lr->raw[0] = lr->raw[lr->nraw - 1];
		lr->nraw &= 1;
	}
	if (n < sizeof head || lr->binary)
		lr->eof = 1;
	if (lr->error)
		note(lr, N_("a read error stopped the file; the rest was skipped"));
	while (!lr->eof && lr->end < LR_SNIFF)
		fill(lr);
	lr->binary_head = lr->binary && lr->end < LR_SNIFF;
}

int lr_open(line_reader *lr, log_source *src, const log_sink *sink)
{
	memset(lr, 0, sizeof *lr);
	lr->src = src;
	lr->sink = sink;
	if (!(lr->buf = malloc(CAP + 1)))
		return -1;
	start(lr);
	return 0;
}

void lr_close(line_reader *lr)
{
	free(lr->buf);
	free(lr->raw);
	lr->buf = NULL;
	lr->raw = NULL;
}

const char *lr_peek(const line_reader *lr, size_t *len)
{
	*len = lr->end - lr->start;
	return lr->buf + lr->start;
}

/* Hands out P[0..LEN) as the next line, without its CR. */
static int give(line_reader *lr, char *p, size_t len, char **line, size_t *linelen)
{
	lr->lineno++;
	if (len && p[len - 1] == '\r')
		len--;
	p[len] = '\0';
	*line = p;
	*linelen = len;
	return 1;
}

int lr_next(line_reader *lr, char **line, size_t *len)
{
	for (;;) {
		char *p = lr->buf + lr->start;
		size_t avail = lr->end - lr->start;
		char *nl = memchr(p, '\n', avail);
		if (nl) {
			size_t n = (size_t)(nl - p);
			lr->start += n + 1;
			if (lr->skipping) {
				lr->skipping = 0;
				continue;
			}
			return give(lr, p, n, line, len);
		}
		if (lr->skipping) {
			lr->start = lr->end;
		} else if (avail >= LR_LINE_CAP) {
			/* Too long to keep: cut at a character boundary and skip
			 * to the end of the line. */
			size_t n = LR_LINE_CAP;
			while (n > 0 && ((unsigned char)p[n] & 0xc0) == 0x80)
				n--;
			lr->start = lr->end;
			lr->skipping = 1;
			if (!lr->cut_noted) {
				lr->cut_noted = 1;
				note(lr, N_("a line longer than 64 KiB was cut short"));
			}
			return give(lr, p, n, line, len);
		}
		if (lr->eof) {
			if (avail && !lr->skipping) {
				lr->start = lr->end;
				return give(lr, p, avail, line, len);
			}
			if (lr->binary) {
				lr->binary = 0;
				note(lr, N_("a NUL byte: the rest of the file was skipped as binary"));
			}
			return 0;
		}
		fill(lr);
	}
}
