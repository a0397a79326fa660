/* What a SCEP server (RFC 8894) says about itself: the GetCACaps keywords and
 * the GetCACert certificates. Parsed from untrusted bytes with libcrypto;
 * pure (no I/O), and no OpenSSL type leaks out of this header. */
#ifndef SCEPWIZ_SCEP_H
#define SCEPWIZ_SCEP_H

#include <stddef.h>
#include <time.h>

/* The capabilities RFC 8894 section 3.5.2 defines, one bit each. */
enum {
	SCEP_CAP_AES = 1u << 0,
	SCEP_CAP_DES3 = 1u << 1,
	SCEP_CAP_GETNEXTCACERT = 1u << 2,
	SCEP_CAP_POSTPKIOPERATION = 1u << 3,
	SCEP_CAP_RENEWAL = 1u << 4,
	SCEP_CAP_SHA1 = 1u << 5,
	SCEP_CAP_SHA256 = 1u << 6,
	SCEP_CAP_SHA512 = 1u << 7,
	SCEP_CAP_SCEPSTANDARD = 1u << 8,
};
#define SCEP_NCAPS 9

typedef struct {
	unsigned caps;          /* SCEP_CAP_* named by the server */
	size_t unknown;         /* keywords RFC 8894 doesn't define (ignored) */
	size_t malformed;       /* non-empty lines that are no keyword at all */
} scep_caps;

/* The longest keyword taken as one (RFC 8894's are at most 16 letters). */
#define SCEP_MAX_KEYWORD 64

/* Reads a GetCACaps body: one keyword per line, LF or CRLF. Keywords are
 * matched without regard to case; unknown ones are counted and ignored, as
 * RFC 8894 asks; lines that are no keyword (a page, binary data) are
 * counted as malformed: such a body is not a capability list. */
void scep_parse_caps(const unsigned char *body, size_t len, scep_caps *out);
/* Whether the server offers CAP, counting what "SCEPStandard" implies (AES,
 * POSTPKIOperation and SHA-256). */
int scep_caps_offers(const scep_caps *c, unsigned cap);
/* The keyword of the I-th capability bit, or NULL past the last. */
const char *scep_cap_name(size_t i);

#define SCEP_MAX_KU 9
#define SCEP_MAX_EKU 8
#define SCEP_MAX_CERTS 16

/* One certificate, as printable ASCII (hostile names are escaped). */
typedef struct {
	char *subject, *issuer;         /* RFC 2253 */
	char *serial;                   /* hex */
	time_t not_before, not_after;   /* 0 when unreadable */
	int is_ca;                      /* basic constraints or key usage say CA */
	int self_signed;                /* subject and issuer are the same name */
	const char *key_usage[SCEP_MAX_KU];  /* RFC 5280 names; none: no extension */
	size_t nku;
	char *eku[SCEP_MAX_EKU];        /* "name (OID)" or the OID */
	size_t neku;
	char sha256[96];                /* "AB:CD:..." */
	char key_id[64];                /* SHA-1 of the public key, "AB:CD:...", as RFC 5280's
					 * key identifiers: equal for the same key */
	char sig_alg[64];               /* the signature algorithm: OpenSSL's long name
					 * ("sha256WithRSAEncryption", "rsassaPss") or the OID */
	char sig_hash[16];              /* the digest it signs ("SHA256", "SHA1"; for PSS the
					 * one its parameters name); "" when unknown */
	int sig_pss;                    /* signed with RSASSA-PSS */
	/* How the certificates of one answer relate, by index in scep_certs;
	 * -1 for none. */
	int subject_of;                 /* the first certificate with this subject name */
	int issuer_of;                  /* the first certificate whose subject is this issuer */
	unsigned signed_by;             /* bit J: certificate J is named as the issuer and
					 * its public key verifies this one's signature */
} scep_cert;

typedef enum {
	SCEP_OK,
	SCEP_EMPTY,             /* no bytes at all */
	SCEP_BAD_DER,           /* not one DER certificate */
	SCEP_BAD_PKCS7,         /* not a PKCS#7 structure */
	SCEP_NOT_SIGNED_DATA,   /* PKCS#7, but not SignedData */
	SCEP_NO_CERTS,          /* a SignedData that carries no certificate */
	SCEP_BAD_FORMAT,        /* an unnamed type that is neither format */
} scep_status;

typedef struct {
	scep_cert *certs;
	size_t ncerts;
	size_t skipped;         /* certificates past SCEP_MAX_CERTS */
	int pkcs7;              /* 1: degenerate PKCS#7, 0: a single DER certificate */
	int type_matches;       /* the Content-Type named the format found */
} scep_certs;

/* Reads a GetCACert body: one DER certificate (application/x-x509-ca-cert)
 * or a degenerate PKCS#7 (application/x-x509-ca-ra-cert). The format the
 * Content-Type names is tried first, then the other; type_matches tells
 * whether the type was right. Hostile input only ever gives a status. */
scep_status scep_parse_cacert(const char *content_type, const unsigned char *body, size_t len,
			      scep_certs *out);
void scep_certs_free(scep_certs *c);

#endif
