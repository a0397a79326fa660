/* A stream of bytes a reader reads a log from: a file, standard input, or
 * an entry inside a zip bundle. Readers pull from it and never seek, so a
 * bundle entry streams like a file. */
#ifndef SCEPWIZ_LOG_SOURCE_H
#define SCEPWIZ_LOG_SOURCE_H

#include "logs/record.h"

#include <stddef.h>
#include <sys/types.h>

typedef struct log_source {
	const char *name;       /* what records name as their file: the path as
				 * given, or "BUNDLE!ENTRY" inside a bundle */
	/* Reads up to N bytes into BUF: the count, 0 at the end, -1 on error
	 * (errno set). */
	ssize_t (*read)(struct log_source *s, void *buf, size_t n);
	void *ctx;
	int depth;              /* bundles inside bundles: 0 for a file given */
} log_source;

/* Recognises SRC's kind by its first bytes and reads it (text logs, .evtx,
 * zip). Returns 0, or -1 when SRC can't be read at all (a note says why). */
int logs_read_source(log_source *src, const log_sink *sink);

/* A zip bundle (libarchive): each entry is read as a source of its own
 * through MEMBER, named "SRC!ENTRY". Entries are capped in size and in
 * expansion ratio; encrypted, truncated or hostile entries get a note. */
typedef int (*log_member_fn)(log_source *member, const log_sink *sink);
int logs_read_bundle(log_source *src, const log_sink *sink, log_member_fn member);

/* A Windows event log file (.evtx, read through libevtx): one record per
 * event, kind "event". */
int logs_read_evtx(log_source *src, const log_sink *sink);

#endif
