/* A test-only writer of the documented .evtx format (libevtx's "Windows XML
 * Event Log format"): file header, 64 KiB chunks with their CRC32s, and
 * records whose BinXML spells the event out in plain element, attribute
 * and value tokens, or as a template instance with typed values. */
#ifndef SCEPWIZ_TESTS_EVTX_WRITER_H
#define SCEPWIZ_TESTS_EVTX_WRITER_H

#include <stddef.h>

typedef struct {
	const char *name;       /* Data Name=…, or NULL for an unnamed Data */
	const char *value;
} evtx_w_data;

typedef struct {
	const char *provider;
	unsigned id;
	unsigned level;         /* 1 critical … 4 information */
	const char *channel, *computer;
	const char *time;       /* SystemTime: "2024-05-02T08:15:30.1234567Z" */
	const evtx_w_data *data;
	size_t ndata;
} evtx_w_event;

/* How to write the file: damaged, for the readers' tests, or with each
 * event a template instance with typed values, as Windows writes them. */
enum {
	EVTX_W_BAD_RECORD = 1,  /* record 2's BinXML broken (CRCs still right) */
	EVTX_W_BAD_CHUNK_CRC = 2, /* the last chunk's record checksum wrong */
	EVTX_W_TEMPLATES = 4,
	EVTX_W_BAD_RECORDS = 8, /* every record after the first broken */
};

/* Writes the N events to PATH (as many chunks as they fill). Returns 0, or
 * -1 when PATH can't be written or one event doesn't fit a chunk. */
int evtx_write(const char *path, const evtx_w_event *ev, size_t n, unsigned flags);

#endif
