/* The probe enrollment's messages: a PKCSReq built and a CertRep read, as
 * RFC 8894 section 3 describes them, with libcrypto's PKCS7 API. */
#include <config.h>

#include "scep_msg.h"
#include "strbuf.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pkcs7.h>
#include <openssl/provider.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdlib.h>
#include <string.h>

#define NONCE_LEN 16

typedef struct {
	EVP_PKEY *key;
	X509 *cert;             /* self-signed, CN=scepwiz-probe-... */
	unsigned char nonce[NONCE_LEN];
} secrets;

/* ---- the SCEP attributes (RFC 8894 section 3.2.1) ----------------------- */

static const struct {
	const char *name, *oid;
} attrs[] = {
	{ "messageType", "2.16.840.1.113733.1.9.2" },
	{ "pkiStatus", "2.16.840.1.113733.1.9.3" },
	{ "failInfo", "2.16.840.1.113733.1.9.4" },
	{ "senderNonce", "2.16.840.1.113733.1.9.5" },
	{ "recipientNonce", "2.16.840.1.113733.1.9.6" },
	{ "transactionID", "2.16.840.1.113733.1.9.7" },
	{ "failInfoText", "1.3.6.1.5.5.7.24.1" },
};

int scep_msg_nid(const char *name)
{
	for (size_t i = 0; i < sizeof attrs / sizeof *attrs; i++) {
		if (strcmp(attrs[i].name, name) != 0)
			continue;
		int nid = OBJ_txt2nid(attrs[i].oid);
		if (nid == NID_undef)
			nid = OBJ_create(attrs[i].oid, attrs[i].name, attrs[i].name);
		return nid;
	}
	return NID_undef;
}

const char *scep_fail_info_name(int fail_info)
{
	static const char *const names[] = {
		"badAlg", "badMessageCheck", "badRequest", "badTime", "badCertId",
	};
	return fail_info >= 0 && fail_info < 5 ? names[fail_info] : NULL;
}

static int add_string(PKCS7_SIGNER_INFO *si, const char *name, int type, const void *v, int n)
{
	ASN1_STRING *s = ASN1_STRING_type_new(type);
	if (s == NULL || !ASN1_STRING_set(s, v, n) ||
	    !PKCS7_add_signed_attribute(si, scep_msg_nid(name), type, s)) {
		ASN1_STRING_free(s);
		return 0;
	}
	return 1;
}

/* The bytes of attribute NAME when it has TYPE, else NULL. */
static const ASN1_STRING *get_string(PKCS7_SIGNER_INFO *si, const char *name, int type)
{
	ASN1_TYPE *t = PKCS7_get_signed_attribute(si, scep_msg_nid(name));
	return t && t->type == type ? t->value.asn1_string : NULL;
}

/* ---- the GetCACert certificates ---------------------------------------- */

static STACK_OF(X509) *ca_certs(const unsigned char *der, size_t len)
{
	const unsigned char *p = der;
	STACK_OF(X509) *out = sk_X509_new_null();
	PKCS7 *p7 = d2i_PKCS7(NULL, &p, (long)len);
	if (out && p7 && PKCS7_type_is_signed(p7) && p7->d.sign && p7->d.sign->cert) {
		STACK_OF(X509) *in = p7->d.sign->cert;
		for (int i = 0; i < sk_X509_num(in); i++)
			if (X509_up_ref(sk_X509_value(in, i)))
				sk_X509_push(out, sk_X509_value(in, i));
	} else if (out) {
		p = der;
		X509 *x = d2i_X509(NULL, &p, (long)len);
		if (x)
			sk_X509_push(out, x);
	}
	PKCS7_free(p7);
	return out;
}

/* The RA encryption certificate: an end-entity certificate whose key usage
 * allows keyEncipherment (NDES has one for signing, one for encryption).
 * A CA without RA (RFC 8894 section 2.2) sends only its own certificate,
 * which clients encrypt to whatever its key usage says. */
static X509 *ra_encryption(STACK_OF(X509) *certs)
{
	X509 *ca = NULL;
	int end_entities = 0;
	for (int i = 0; i < sk_X509_num(certs); i++) {
		X509 *x = sk_X509_value(certs, i);
		uint32_t ku = X509_get_key_usage(x);
		if (X509_check_ca(x)) {
			ca = ca ? ca : x;
			continue;
		}
		end_entities++;
		if (ku == UINT32_MAX || (ku & KU_KEY_ENCIPHERMENT))
			return x;
	}
	return end_entities ? NULL : ca;
}

static char *name_text(const X509_NAME *name)
{
	BIO *b = BIO_new(BIO_s_mem());
	char *data = NULL, *s = NULL;
	if (b == NULL)
		return NULL;
	X509_NAME_print_ex(b, name, 0, XN_FLAG_RFC2253);
	long n = BIO_get_mem_data(b, &data);
	s = untrusted_text(data, n > 0 ? (size_t)n : 0, 1024);
	BIO_free(b);
	return s;
}

/* ---- the request ------------------------------------------------------- */

static void hex(const unsigned char *v, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", v[i]);
}

static X509_NAME *probe_name(scep_request *r)
{
	unsigned char rnd[8];
	char cn[40];
	if (RAND_bytes(rnd, sizeof rnd) != 1)
		return NULL;
	memcpy(cn, "scepwiz-probe-", 14);
	hex(rnd, sizeof rnd, cn + 14);
	snprintf(r->subject, sizeof r->subject, "CN=%s", cn);
	X509_NAME *n = X509_NAME_new();
	if (n && !X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_ASC, (unsigned char *)cn, -1, -1, 0)) {
		X509_NAME_free(n);
		return NULL;
	}
	return n;
}

/* The self-signed certificate the request is signed with (RFC 8894
 * section 2.3: a client without a certificate makes one). */
static X509 *self_signed(EVP_PKEY *key, X509_NAME *name, const EVP_MD *md)
{
	X509 *x = X509_new();
	unsigned char rnd[8];
	BIGNUM *bn = NULL;
	int ok = x && RAND_bytes(rnd, sizeof rnd) == 1 && (bn = BN_bin2bn(rnd, sizeof rnd, NULL)) &&
		 BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(x)) && X509_set_version(x, 2) &&
		 X509_set_subject_name(x, name) && X509_set_issuer_name(x, name) &&
		 X509_gmtime_adj(X509_getm_notBefore(x), -3600) &&
		 X509_gmtime_adj(X509_getm_notAfter(x), 86400) && X509_set_pubkey(x, key) &&
		 X509_sign(x, key, md) > 0;
	BN_free(bn);
	if (!ok) {
		X509_free(x);
		return NULL;
	}
	return x;
}

/* The PKCS#10, DER, with the challenge password attribute. */
static int make_csr(EVP_PKEY *key, X509_NAME *name, const char *challenge, const EVP_MD *md,
		    unsigned char **der, int *len)
{
	X509_REQ *req = X509_REQ_new();
	int ok = req && X509_REQ_set_version(req, 0) && X509_REQ_set_subject_name(req, name) &&
		 X509_REQ_set_pubkey(req, key) &&
		 X509_REQ_add1_attr_by_NID(req, NID_pkcs9_challengePassword, MBSTRING_UTF8,
					   (const unsigned char *)challenge, -1) &&
		 X509_REQ_sign(req, key, md) > 0 && (*len = i2d_X509_REQ(req, der)) > 0;
	X509_REQ_free(req);
	return ok;
}

/* The pkcsPKIEnvelope: DATA encrypted to RA. */
static int envelope(X509 *ra, const unsigned char *data, int len, const EVP_CIPHER *cipher,
		    unsigned char **der, int *der_len)
{
	STACK_OF(X509) *to = sk_X509_new_null();
	BIO *in = BIO_new_mem_buf(data, len);
	PKCS7 *p7 = NULL;
	int ok = to && in && sk_X509_push(to, ra) &&
		 (p7 = PKCS7_encrypt(to, in, cipher, PKCS7_BINARY)) &&
		 (*der_len = i2d_PKCS7(p7, der)) > 0;
	PKCS7_free(p7);
	BIO_free(in);
	sk_X509_free(to);
	return ok;
}

static int txid_of(EVP_PKEY *key, char out[65])
{
	unsigned char *pub = NULL, md[32];
	int n = i2d_PUBKEY(key, &pub);
	int ok = n > 0 && EVP_Digest(pub, (size_t)n, md, NULL, EVP_sha256(), NULL);
	if (ok)
		hex(md, sizeof md, out);
	OPENSSL_free(pub);
	return ok;
}

/* The SignedData around the envelope, with the authenticated attributes. */
static int sign_request(scep_request *r, secrets *s, const EVP_MD *md, const unsigned char *env,
			int env_len)
{
	static const char pkcsreq[] = "19";
	PKCS7 *p7 = PKCS7_new();
	PKCS7_SIGNER_INFO *si = NULL;
	BIO *b = NULL;
	int ok = p7 && PKCS7_set_type(p7, NID_pkcs7_signed) &&
		 (si = PKCS7_add_signature(p7, s->cert, s->key, md)) &&
		 PKCS7_add_certificate(p7, s->cert) && PKCS7_content_new(p7, NID_pkcs7_data) &&
		 PKCS7_add_signed_attribute(si, NID_pkcs9_contentType, V_ASN1_OBJECT,
					    OBJ_nid2obj(NID_pkcs7_data)) &&
		 add_string(si, "messageType", V_ASN1_PRINTABLESTRING, pkcsreq, 2) &&
		 add_string(si, "transactionID", V_ASN1_PRINTABLESTRING, r->transaction_id, 64) &&
		 add_string(si, "senderNonce", V_ASN1_OCTET_STRING, s->nonce, NONCE_LEN) &&
		 (b = PKCS7_dataInit(p7, NULL)) && BIO_write(b, env, env_len) == env_len &&
		 PKCS7_dataFinal(p7, b);
	int n;
	if (ok && (n = i2d_PKCS7(p7, &r->der)) > 0)
		r->der_len = (size_t)n;
	else
		ok = 0;
	BIO_free_all(b);
	PKCS7_free(p7);
	return ok;
}

static scep_msg_status build(scep_request *r, secrets *s, STACK_OF(X509) *certs,
			     const char *challenge, int aes, int sha256)
{
	X509 *ra = ra_encryption(certs);
	if (sk_X509_num(certs) == 0)
		return SCEP_MSG_NO_CACERT;
	if (ra == NULL)
		return SCEP_MSG_NO_RA_ENCRYPTION;
	r->ra_subject = name_text(X509_get_subject_name(ra));
	const EVP_MD *md = sha256 ? EVP_sha256() : EVP_sha1();
	const EVP_CIPHER *cipher = aes ? EVP_aes_256_cbc() : EVP_des_ede3_cbc();
	r->digest = sha256 ? "SHA256" : "SHA1";
	r->cipher = aes ? "AES-256-CBC" : "DES-EDE3-CBC";
	X509_NAME *name = NULL;
	unsigned char *csr = NULL, *env = NULL;
	int csr_len = 0, env_len = 0;
	int ok = (s->key = EVP_RSA_gen(2048)) && txid_of(s->key, r->transaction_id) &&
		 RAND_bytes(s->nonce, NONCE_LEN) == 1 && (name = probe_name(r)) &&
		 (s->cert = self_signed(s->key, name, md)) &&
		 make_csr(s->key, name, challenge ? challenge : SCEP_INVALID_CHALLENGE, md, &csr,
			  &csr_len) &&
		 envelope(ra, csr, csr_len, cipher, &env, &env_len) &&
		 sign_request(r, s, md, env, env_len);
	/* The CSR holds the challenge: wiped, never kept. */
	if (csr)
		OPENSSL_cleanse(csr, (size_t)csr_len);
	OPENSSL_free(csr);
	OPENSSL_free(env);
	X509_NAME_free(name);
	return ok ? SCEP_MSG_OK : SCEP_MSG_CRYPTO;
}

scep_msg_status scep_request_build(const unsigned char *cacert, size_t cacert_len,
				   const char *challenge, int aes, int sha256, scep_request *out)
{
	*out = (scep_request){ 0 };
	secrets *s = calloc(1, sizeof *s);
	STACK_OF(X509) *certs = ca_certs(cacert, cacert_len);
	scep_msg_status st = s && certs ? build(out, s, certs, challenge, aes, sha256) : SCEP_MSG_CRYPTO;
	sk_X509_pop_free(certs, X509_free);
	out->priv = s;
	if (st != SCEP_MSG_OK)
		scep_request_free(out);
	return st;
}

void scep_request_free(scep_request *r)
{
	secrets *s = r->priv;
	if (s) {
		EVP_PKEY_free(s->key);
		X509_free(s->cert);
		free(s);
	}
	OPENSSL_free(r->der);
	free(r->ra_subject);
	*r = (scep_request){ 0 };
}

/* ---- the CertRep ------------------------------------------------------- */

/* The decimal PrintableString attribute NAME, or -1. */
static int number_attr(PKCS7_SIGNER_INFO *si, const char *name)
{
	const ASN1_STRING *s = get_string(si, name, V_ASN1_PRINTABLESTRING);
	if (s == NULL || ASN1_STRING_length(s) < 1 || ASN1_STRING_length(s) > 2)
		return -1;
	int v = 0;
	for (int i = 0; i < ASN1_STRING_length(s); i++) {
		unsigned char c = ASN1_STRING_get0_data(s)[i];
		if (c < '0' || c > '9')
			return -1;
		v = v * 10 + (c - '0');
	}
	return v;
}

static int same_bytes(const ASN1_STRING *s, const void *v, size_t n)
{
	return s && (size_t)ASN1_STRING_length(s) == n && memcmp(ASN1_STRING_get0_data(s), v, n) == 0;
}

/* Verifies P7 against CERTS only (never the certificates it carries) and
 * returns its content, or NULL. A FAILURE may carry no content at all. */
static BIO *verified_content(PKCS7 *p7, STACK_OF(X509) *certs, X509 **signer)
{
	BIO *out = BIO_new(BIO_s_mem());
	BIO *detached = PKCS7_get_detached(p7) ? BIO_new_mem_buf("", 0) : NULL;
	int flags = PKCS7_NOVERIFY | PKCS7_NOINTERN | PKCS7_BINARY;
	if (out == NULL || PKCS7_verify(p7, certs, NULL, detached, out, flags) != 1) {
		BIO_free(out);
		out = NULL;
	} else {
		STACK_OF(X509) *who = PKCS7_get0_signers(p7, certs, flags);
		*signer = who && sk_X509_num(who) ? sk_X509_value(who, 0) : NULL;
		sk_X509_free(who);
	}
	BIO_free(detached);
	return out;
}

/* Some servers (micromdm's scepserver) encrypt the issued certificate
 * with single DES, which OpenSSL 3 keeps in its legacy provider. */
static void allow_legacy_ciphers(void)
{
	/* Loaded once, for the rest of the process. */
	static OSSL_PROVIDER *dflt, *legacy;
	if (legacy == NULL) {
		dflt = dflt ? dflt : OSSL_PROVIDER_load(NULL, "default");
		legacy = OSSL_PROVIDER_load(NULL, "legacy");
	}
}

static int decrypt(PKCS7 *env, secrets *s, BIO *plain)
{
	if (PKCS7_decrypt(env, s->key, s->cert, plain, 0) == 1)
		return 1;
	ERR_clear_error();
	allow_legacy_ciphers();
	return PKCS7_decrypt(env, s->key, s->cert, plain, 0) == 1;
}

/* SUCCESS: the content is an envelope to our certificate holding a
 * degenerate PKCS#7 with the issued certificate. */
static scep_rep_status issued(BIO *content, secrets *s, scep_certrep *out)
{
	char *data = NULL;
	long n = BIO_get_mem_data(content, &data);
	const unsigned char *p = (const unsigned char *)data;
	PKCS7 *env = n > 0 ? d2i_PKCS7(NULL, &p, n) : NULL;
	BIO *plain = BIO_new(BIO_s_mem());
	scep_rep_status st = SCEP_REP_UNDECRYPTABLE;
	if (env && plain && PKCS7_type_is_enveloped(env) && decrypt(env, s, plain)) {
		n = BIO_get_mem_data(plain, &data);
		if (n > 0 && scep_parse_cacert("application/x-x509-ca-ra-cert",
					       (const unsigned char *)data, (size_t)n,
					       &out->issued) == SCEP_OK)
			st = SCEP_REP_OK;
	}
	BIO_free(plain);
	PKCS7_free(env);
	return st;
}

static scep_rep_status read_attrs(const scep_request *req, PKCS7_SIGNER_INFO *si,
				  scep_certrep *out)
{
	secrets *s = req->priv;
	const ASN1_STRING *text = get_string(si, "failInfoText", V_ASN1_UTF8STRING);
	out->pki_status = SCEP_PKI_UNKNOWN;
	out->fail_info = number_attr(si, "failInfo");
	if (text)
		out->fail_info_text = untrusted_text(ASN1_STRING_get0_data(text),
						     (size_t)ASN1_STRING_length(text), 300);
	int status = number_attr(si, "pkiStatus");
	if (number_attr(si, "messageType") != 3 ||
	    (status != SCEP_PKI_SUCCESS && status != SCEP_PKI_FAILURE && status != SCEP_PKI_PENDING))
		return SCEP_REP_NOT_CERTREP;
	out->pki_status = (scep_pki_status)status;
	if (!same_bytes(get_string(si, "recipientNonce", V_ASN1_OCTET_STRING), s->nonce, NONCE_LEN))
		return SCEP_REP_NONCE_MISMATCH;
	if (!same_bytes(get_string(si, "transactionID", V_ASN1_PRINTABLESTRING), req->transaction_id,
			strlen(req->transaction_id)))
		return SCEP_REP_TXID_MISMATCH;
	return SCEP_REP_OK;
}

scep_rep_status scep_certrep_read(const scep_request *req, const unsigned char *cacert,
				  size_t cacert_len, const unsigned char *body, size_t len,
				  scep_certrep *out)
{
	*out = (scep_certrep){ .pki_status = SCEP_PKI_UNKNOWN, .fail_info = -1 };
	const unsigned char *p = body;
	PKCS7 *p7 = len ? d2i_PKCS7(NULL, &p, (long)len) : NULL;
	STACK_OF(PKCS7_SIGNER_INFO) *sis = p7 && PKCS7_type_is_signed(p7) ? PKCS7_get_signer_info(p7)
									 : NULL;
	if (sis == NULL || sk_PKCS7_SIGNER_INFO_num(sis) < 1 || req->priv == NULL) {
		PKCS7_free(p7);
		return SCEP_REP_NOT_PKCS7;
	}
	STACK_OF(X509) *certs = ca_certs(cacert, cacert_len);
	X509 *signer = NULL;
	BIO *content = certs ? verified_content(p7, certs, &signer) : NULL;
	/* The attributes are read even when the signature fails: the report
	 * still names what the server said, marked as unverified. */
	scep_rep_status st = read_attrs(req, sk_PKCS7_SIGNER_INFO_value(sis, 0), out);
	if (content == NULL)
		st = SCEP_REP_BAD_SIGNATURE;
	else if (signer)
		out->signer = name_text(X509_get_subject_name(signer));
	if (st == SCEP_REP_OK && out->pki_status == SCEP_PKI_SUCCESS)
		st = issued(content, req->priv, out);
	BIO_free(content);
	sk_X509_pop_free(certs, X509_free);
	PKCS7_free(p7);
	return st;
}

void scep_certrep_free(scep_certrep *c)
{
	free(c->fail_info_text);
	free(c->signer);
	scep_certs_free(&c->issued);
	*c = (scep_certrep){ .pki_status = SCEP_PKI_UNKNOWN, .fail_info = -1 };
}
