/* What this computer trusts for TLS: whether a --cacert file is usable, and
 * a server's chain verified apart from the transfer (for --insecure, which
 * turns curl's own verification off). libcrypto only: no curl, no curses. */
#ifndef SCEPWIZ_TRUST_H
#define SCEPWIZ_TRUST_H

#include <stddef.h>

typedef enum {
	TRUST_FILE_OK,
	TRUST_FILE_MISSING,     /* doesn't exist or can't be read: errno says why */
	TRUST_FILE_UNUSABLE,    /* not a regular file, or no PEM certificate in it */
} trust_file;

/* Whether PATH holds at least one PEM certificate to verify TLS with. */
trust_file trust_file_check(const char *path);

/* Verifies the PEM chain (the server's certificate first, then the ones it
 * sent) for HOST against the certificates in CAFILE. Returns OpenSSL's
 * X509_V_* result (X509_V_OK when it would pass), or -1 when the chain
 * can't be read. */
long trust_verify(const char *pem, size_t len, const char *host, const char *cafile);
/* Whether HOST is an IPv4 or IPv6 address (matched against iPAddress
 * entries, not DNS names). */
int trust_is_ip(const char *host);

#endif
