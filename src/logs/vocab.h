/* The readers' vocabulary: every log kind scepwiz reads and the fields its
 * records carry. The tree loader checks the trees' evidence patterns against
 * it (lint), so a pattern can't name a reader or a field that doesn't exist. */
#ifndef SCEPWIZ_LOG_VOCAB_H
#define SCEPWIZ_LOG_VOCAB_H

typedef struct {
	const char *kind;             /* "iis", "httperr", "ndesplugin", "svclog",
				       * "event", "omadm", "ios", "msi", "text" */
	const char *title;            /* English msgid: "IIS log (W3C)" */
	const char *const *fields;    /* NULL-terminated; "*" allows any W3C name */
} log_kind;

/* The kind named NAME, or NULL. */
const log_kind *log_kind_find(const char *name);
/* The I-th kind, NULL past the end. */
const log_kind *log_kind_at(unsigned i);
/* 1 when records of KIND can carry a field NAME (case-insensitive). */
int log_kind_has_field(const log_kind *k, const char *name);

#endif
