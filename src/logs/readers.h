/* What the text readers share: how the kind of a text file is recognised,
 * the one entry point for text, and each kind's reader over a line reader.
 * Internal to src/logs. */
#ifndef SCEPWIZ_LOGS_READERS_H
#define SCEPWIZ_LOGS_READERS_H

#include "logs/linereader.h"

/* The event exports, told apart by their first lines. */
typedef enum {
	EVT_XML,        /* <Event> records: "Event Xml", wevtutil /f:xml, Save as XML */
	EVT_TEXT,       /* Event Viewer "Copy details as text", wevtutil /f:text */
	EVT_CSV,        /* Get-WinEvent | Export-Csv */
	EVT_TSV,        /* Event Viewer "Save All Events As" text (tab-separated) */
} event_form;

/* The kind of the text HEAD (the first bytes of a file, UTF-8), by content:
 * a kind name of logs/vocab.h, or NULL when it isn't text at all. For
 * "event", *FORM says which export it is. */
const char *logs_sniff(const char *head, size_t len, event_form *form);

/* Reads SRC as text of whatever kind it is. */
int logs_read_text(log_source *src, const log_sink *sink);

/* A note about the file being read (SINK may take none). */
void logs_note(const log_sink *sink, const char *file, const char *why);
/* Sends one record. */
void logs_emit(const log_sink *sink, const char *kind, const char *file, unsigned long line,
	       const char *time, const char *text, size_t len, const log_field *f, size_t nf);

/* "YYYY-MM-DD HH:MM:SS" from the ISO 8601 time at S ("2018-02-27T05:16:08.25",
 * a space for the T too) into OUT (20 bytes); OUT, or NULL if S isn't one. */
const char *logs_iso_time(const char *s, size_t len, char *out);

/* Cuts the XML records <NAME …>…</NAME> out of LR's lines, however they
 * are spread over lines, and calls FN with each (at most 512 KiB of it) and
 * the line it starts on. */
typedef void (*xml_record_fn)(const char *rec, size_t len, unsigned long line, void *arg);
void read_xml_records(line_reader *lr, const char *name, xml_record_fn fn, void *arg);

/* The readers, one per family of kinds; each reads LR to its end. */
void read_w3c(line_reader *lr, const char *kind);          /* iis, httperr */
void read_svclog(line_reader *lr);
void read_events(line_reader *lr, event_form form);
void read_lines(line_reader *lr, const char *kind);        /* one record a line */

#endif
