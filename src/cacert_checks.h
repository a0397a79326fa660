/* The grading of the certificates a GetCACert answer carries: dates, the
 * RA certificates' roles and chain to the current CA key, and signature
 * algorithms. A pure function of scep.h's plain structs (no network, no
 * terminal, no OpenSSL type), so every case is unit-tested from a bundle. */
#ifndef SCEPWIZ_CACERT_CHECKS_H
#define SCEPWIZ_CACERT_CHECKS_H

#include "evidence/finding.h"
#include "scep.h"

#include <time.h>

/* The day count under which an expiring certificate is a warning. */
#define CACERT_EXPIRY_WARN_DAYS 30

/* What an RA certificate can be used for (nothing, for a CA's). */
enum {
	CACERT_SIGNING = 1u << 0,       /* key usage digitalSignature (or none given) */
	CACERT_ENCRYPTION = 1u << 1,    /* key usage keyEncipherment (or none given) */
};
unsigned cacert_ra_roles(const scep_cert *c);

/* The certificate's role as the report's evidence names it: "CA",
 * "RA signing", "RA encryption", "RA signing, RA encryption" or "RA (no
 * signing or encryption key usage)". */
const char *cacert_role_text(const scep_cert *c);

/* Appends the findings of source "GetCACert" about CERTS, as seen at NOW:
 * expired, expiring and not yet valid certificates; no RA certificate;
 * RA certificates that don't chain to a CA certificate of the answer, or
 * only to one a newer certificate of the same CA replaces (the keys before
 * a CA renewal); the RA roles (signing, encryption), the roles missing or
 * held twice by different keys, the Certificate Request Agent EKU missing;
 * signatures made with SHA-1 or RSASSA-PSS. */
void cacert_check(const scep_certs *certs, time_t now, finding_list *out);

#endif
