/* The SCEP messages of a probe enrollment (RFC 8894 section 3): a
 * PKIOperation PKCSReq built with libcrypto, and the CertRep that answers
 * it, read and verified. Pure (no I/O); no OpenSSL type leaks out. */
#ifndef SCEPWIZ_SCEP_MSG_H
#define SCEPWIZ_SCEP_MSG_H

#include "scep.h"

#include <stddef.h>

/* The challenge sent without --challenge: no server accepts it, so the
 * probe reads a refusal and never replays a device's challenge. */
#define SCEP_INVALID_CHALLENGE "scepwiz-invalid-challenge"

typedef enum {
	SCEP_MSG_OK,
	SCEP_MSG_NO_CACERT,     /* the GetCACert answer holds no certificate */
	SCEP_MSG_NO_RA_ENCRYPTION, /* no certificate that can take the envelope */
	SCEP_MSG_CRYPTO,        /* libcrypto failed building the request */
} scep_msg_status;

/* One PKCSReq and what answering it needs (our key and certificate). */
typedef struct {
	unsigned char *der;     /* the PKIOperation message */
	size_t der_len;
	char transaction_id[65];        /* hex SHA-256 of the public key */
	char subject[64];               /* "CN=scepwiz-probe-<hex>" */
	const char *cipher;             /* "AES-256-CBC" or "DES-EDE3-CBC" */
	const char *digest;             /* "SHA256" or "SHA1" */
	char *ra_subject;               /* the certificate encrypted to, printable */
	void *priv;                     /* key, certificates, nonce */
} scep_request;

/* Builds the request: a fresh RSA 2048 key, a self-signed signer
 * certificate, a PKCS#10 with CHALLENGE (NULL: SCEP_INVALID_CHALLENGE),
 * enveloped (AES when AES is true, else DES3) to the RA encryption
 * certificate in CACERT (the GetCACert body, DER certificate or PKCS#7),
 * signed with SHA-256 (SHA256 true) or SHA-1. */
scep_msg_status scep_request_build(const unsigned char *cacert, size_t cacert_len,
				   const char *challenge, int aes, int sha256, scep_request *out);
void scep_request_free(scep_request *r);

/* RFC 8894 section 3.2.1.4 */
typedef enum {
	SCEP_PKI_SUCCESS = 0,
	SCEP_PKI_FAILURE = 2,
	SCEP_PKI_PENDING = 3,
	SCEP_PKI_UNKNOWN = -1,
} scep_pki_status;

typedef enum {
	SCEP_REP_OK,            /* a CertRep, signed by a GetCACert certificate */
	SCEP_REP_NOT_PKCS7,     /* not a PKCS#7 SignedData */
	SCEP_REP_BAD_SIGNATURE, /* no GetCACert certificate's signature verifies */
	SCEP_REP_NOT_CERTREP,   /* messageType isn't 3 or pkiStatus is missing */
	SCEP_REP_NONCE_MISMATCH, /* recipientNonce isn't our senderNonce */
	SCEP_REP_TXID_MISMATCH, /* transactionID isn't ours */
	SCEP_REP_UNDECRYPTABLE, /* SUCCESS, but the certificate can't be read */
} scep_rep_status;

typedef struct {
	scep_pki_status pki_status;
	int fail_info;          /* 0..4, -1 when absent */
	char *fail_info_text;   /* printable, or NULL */
	char *signer;           /* subject of the certificate that signed, printable */
	scep_certs issued;      /* on SUCCESS: the certificates issued */
} scep_certrep;

/* Reads BODY as the CertRep answering REQ: verified against the
 * certificates of CACERT, the nonce and transaction checked, and on SUCCESS
 * decrypted with REQ's key. Hostile input only ever gives a status; OUT is
 * filled in as far as it could be read. */
scep_rep_status scep_certrep_read(const scep_request *req, const unsigned char *cacert,
				  size_t cacert_len, const unsigned char *body, size_t len,
				  scep_certrep *out);
void scep_certrep_free(scep_certrep *c);

/* "badAlg", "badMessageCheck", "badRequest", "badTime", "badCertId", or NULL. */
const char *scep_fail_info_name(int fail_info);

/* The NID of SCEP attribute NAME ("messageType", "pkiStatus", "failInfo",
 * "senderNonce", "recipientNonce", "transactionID", "failInfoText"),
 * registered with libcrypto on first use; for the tests' server side. */
int scep_msg_nid(const char *name);

#endif
