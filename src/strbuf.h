/* A growable string for building report text, and the one place that turns
 * untrusted bytes (from a server, a certificate) into printable text. */
#ifndef SCEPWIZ_STRBUF_H
#define SCEPWIZ_STRBUF_H

#include <stddef.h>

typedef struct {
	char *s;
	size_t len, cap;
	int failed;             /* an allocation failed: sb_take gives NULL */
} strbuf;

void sb_add(strbuf *b, const char *s);
void sb_addf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends at most MAX bytes of BYTES as printable ASCII: anything else
 * (control characters, escape sequences, bytes above 0x7e) becomes \xNN, so
 * a hostile server cannot drive the terminal or break the YAML. A cut is
 * marked with "...". */
void sb_add_untrusted(strbuf *b, const void *bytes, size_t len, size_t max);
/* The string built so far (never NULL unless an allocation failed); the
 * buffer is emptied and the caller owns the result. */
char *sb_take(strbuf *b);
void sb_free(strbuf *b);

/* The untrusted bytes as a new printable string (see sb_add_untrusted). */
char *untrusted_text(const void *bytes, size_t len, size_t max);

/* Like sb_add_untrusted, for text a person wrote in a file (a name, a
 * message that quotes a tree): characters of valid UTF-8 are kept when the
 * locale is UTF-8, so "José" and translated messages read as written; control
 * characters (C0, DEL, C1), bidirectional overrides and bytes that are not
 * UTF-8 become \xNN. */
void sb_add_text(strbuf *b, const char *s);
char *printable_text(const char *s);

/* URL made fit to show or store: the password of its user info replaced
 * by "***" (http://alice:***@host/...), then printable (at most MAX bytes).
 * The one place that hides a URL's secret: every report, message, session
 * and checklist goes through it. NULL for NULL or when memory ran out. */
char *printable_url(const char *url, size_t max);

#endif
