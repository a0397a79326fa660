/* From a byte source to the reader of its kind: a zip bundle and an .evtx
 * file are known by their magic bytes, anything else is read as text. The
 * bytes read to tell are given back to the reader, so nothing seeks. */
#include <config.h>

#include <errno.h>
#include <string.h>

#include "i18n.h"
#include "logs/readers.h"
#include "logs/source.h"

typedef struct {
	log_source *under;
	unsigned char head[8];
	size_t nhead, pos;
} replay;

/* The head first, then the rest of the source it came from. */
static ssize_t replay_read(log_source *s, void *buf, size_t n)
{
	replay *r = s->ctx;
	if (r->pos < r->nhead) {
		size_t k = r->nhead - r->pos < n ? r->nhead - r->pos : n;
		memcpy(buf, r->head + r->pos, k);
		r->pos += k;
		return (ssize_t)k;
	}
	return r->under->read(r->under, buf, n);
}

int logs_read_source(log_source *src, const log_sink *sink)
{
	replay r = { .under = src };
	while (r.nhead < sizeof r.head) {
		ssize_t n = src->read(src, r.head + r.nhead, sizeof r.head - r.nhead);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			logs_note(sink, src->name, N_("the file can't be read"));
			return -1;
		}
		if (n == 0)
			break;
		r.nhead += (size_t)n;
	}
	log_source again = *src;
	again.read = replay_read;
	again.ctx = &r;
	if (r.nhead >= 4 && !memcmp(r.head, "PK\3\4", 4))
		return logs_read_bundle(&again, sink, logs_read_source);
	if (r.nhead >= 8 && !memcmp(r.head, "ElfFile", 8))
		return logs_read_evtx(&again, sink);
	return logs_read_text(&again, sink);
}
