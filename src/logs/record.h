/* What a log reader gives the evidence layer: one record at a time, each a
 * set of named fields plus the record's own text, and where it was read.
 * Readers never include curses or curl; every string in a record came from
 * a customer's file and is untrusted (UTF-8 after decoding, not yet made
 * printable). Records are valid only during the callback. */
#ifndef SCEPWIZ_LOG_RECORD_H
#define SCEPWIZ_LOG_RECORD_H

#include <stddef.h>

/* Field values are NUL-terminated too. */
typedef struct {
	const char *name;       /* as the log names it: "cs-uri-stem", "sc-status", "id" */
	const char *value;
} log_field;

typedef struct {
	const char *kind;       /* the reader: see logs/vocab.h */
	const char *file;       /* path as given; inside a bundle "BUNDLE!ENTRY" */
	unsigned long line;     /* 1-based line where the record starts */
	const char *time;       /* "YYYY-MM-DD HH:MM:SS" (UTC where the log says), or NULL */
	const char *text;       /* the record as a person reads it: the log line, or
				 * an event's rendered message; NUL-terminated */
	size_t text_len;
	const log_field *fields;
	size_t nfields;
} log_record;

/* Where the readers send what they read. */
typedef struct {
	/* One record. */
	void (*record)(const log_record *r, void *arg);
	/* A file was skipped or read only in part: FILE and why, in English
	 * msgids the caller translates (a binary file, a FIFO, a zip bomb…). */
	void (*note)(const char *file, const char *why, void *arg);
	/* A file was recognised as KIND (once per file, before its records). */
	void (*file_kind)(const char *file, const char *kind, void *arg);
	void *arg;
} log_sink;

/* The value of field NAME (compared without case), or NULL. */
const char *log_record_field(const log_record *r, const char *name);

/* Where a field stood in the last record looked at: a reader names every
 * record of a header block with the same strings, so the next lookup is
 * one pointer comparison. Zero-initialised. */
typedef struct {
	size_t i;
	const char *name;
} log_field_cache;
/* log_record_field, first where C says NAME stood last time. */
const char *log_record_field_cached(const log_record *r, const char *name, log_field_cache *c);

#endif
