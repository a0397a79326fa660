/* What devices make of a server's TLS certificate where curl and OpenSSL
 * are more lenient: a host named only in the subject CN, and intermediate
 * CA certificates the server doesn't send. Pure: it reads the chain the
 * server sent (PEM) and a CA file; libcrypto only, no curl, no curses. */
#ifndef SCEPWIZ_TLS_CHECKS_H
#define SCEPWIZ_TLS_CHECKS_H

#include "evidence/finding.h"

#include <stddef.h>

typedef enum {
	TLS_CHAIN_SENT,         /* every intermediate devices need was sent, as far
				 * as the CA file can tell (or none is needed) */
	TLS_CHAIN_FROM_STORE,   /* an intermediate that wasn't sent comes from the CA file */
	TLS_CHAIN_NO_ISSUER,    /* the leaf's issuer is neither sent nor in the CA file */
	TLS_CHAIN_UNKNOWN,      /* no chain to read, or no CA file to look in */
} tls_chain;

/* What tls_inspect saw. The strings are printable (from the server, escaped). */
typedef struct {
	int cn_only;            /* the host matches only the subject CN: no
				 * subjectAltName entry names it */
	char *cn;               /* that CN */
	tls_chain chain;
	char *missing;          /* FROM_STORE: the subject of the intermediate that
				 * wasn't sent; NO_ISSUER: the leaf's issuer name */
	char **sent;            /* "subject (issued by ISSUER)", one per certificate sent */
	size_t nsent;
} tls_view;

/* Reads the PEM chain (the server's certificate first, then the others it
 * sent) for HOST, looking for intermediates in CAFILE (NULL: the chain
 * isn't judged). Returns 0, or -1 when the chain holds no certificate. */
int tls_inspect(const char *pem, size_t len, const char *host, const char *cafile, tls_view *v);
void tls_view_free(tls_view *v);

typedef struct {
	const char *pem;        /* the chain the server sent, or NULL */
	size_t len;
	const char *host;       /* of the URL the chain was sent for */
	const char *cafile;     /* what TLS is verified with: --cacert or the system store */
	int cacert_given;       /* CAFILE is --cacert, the CAs the engineer says devices trust */
} tls_check_input;

/* Appends the findings: tls-cn-only and tls-chain-incomplete, or, for an
 * application proxy host (*.msappproxy.net), tls-app-proxy with the same
 * facts (notes.h). An issuer found nowhere counts as a missing intermediate
 * only against a --cacert (the root devices trust): against the system
 * store it may as well be a private root this computer doesn't know. */
void tls_checks_add(finding_list *l, const tls_check_input *in);

#endif
