/* The probe enrollment's messages, end to end without a network: the
 * request is built, a server written here with libcrypto (acting as the
 * RA) decrypts it and answers, and the CertRep is read back; then answers
 * tampered with, signed by a stranger, or with the wrong nonce. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <openssl/evp.h>
#include <openssl/pkcs7.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdlib.h>
#include <string.h>

#include "scep_msg.h"

/* ---- the test's CA and RA ---------------------------------------------- */

typedef struct {
	EVP_PKEY *ca_key, *ra_key;
	X509 *ca, *ra;
	unsigned char *cacert;  /* the GetCACert body: degenerate PKCS#7 */
	size_t cacert_len;
} pki;

static X509 *make_cert(const char *cn, X509 *issuer, EVP_PKEY *issuer_key, EVP_PKEY *key,
		       int ca, const char *ku)
{
	X509 *x = X509_new();
	X509_NAME *name = X509_NAME_new();
	X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *)cn, -1, -1, 0);
	ASN1_INTEGER_set(X509_get_serialNumber(x), ca ? 1 : 2);
	X509_set_version(x, 2);
	X509_set_subject_name(x, name);
	X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer) : name);
	X509_gmtime_adj(X509_getm_notBefore(x), -60);
	X509_gmtime_adj(X509_getm_notAfter(x), 86400);
	X509_set_pubkey(x, key);
	X509V3_CTX ctx;
	X509V3_set_ctx(&ctx, issuer ? issuer : x, x, NULL, NULL, 0);
	X509_EXTENSION *e = X509V3_EXT_conf_nid(NULL, &ctx, NID_basic_constraints,
						ca ? "critical,CA:TRUE" : "CA:FALSE");
	X509_add_ext(x, e, -1);
	X509_EXTENSION_free(e);
	e = X509V3_EXT_conf_nid(NULL, &ctx, NID_key_usage, ku);
	X509_add_ext(x, e, -1);
	X509_EXTENSION_free(e);
	assert_true(X509_sign(x, issuer_key, EVP_sha256()) > 0);
	X509_NAME_free(name);
	return x;
}

static unsigned char *degenerate(X509 *a, X509 *b, size_t *len)
{
	PKCS7 *p7 = PKCS7_new();
	unsigned char *der = NULL;
	PKCS7_set_type(p7, NID_pkcs7_signed);
	PKCS7_content_new(p7, NID_pkcs7_data);
	PKCS7_add_certificate(p7, a);
	if (b)
		PKCS7_add_certificate(p7, b);
	int n = i2d_PKCS7(p7, &der);
	assert_true(n > 0);
	*len = (size_t)n;
	PKCS7_free(p7);
	return der;
}

static int setup(void **state)
{
	pki *k = calloc(1, sizeof *k);
	k->ca_key = EVP_RSA_gen(2048);
	k->ra_key = EVP_RSA_gen(2048);
	k->ca = make_cert("Test CA", NULL, k->ca_key, k->ca_key, 1, "critical,keyCertSign,cRLSign");
	k->ra = make_cert("Test RA", k->ca, k->ca_key, k->ra_key, 0,
			  "critical,digitalSignature,keyEncipherment");
	k->cacert = degenerate(k->ca, k->ra, &k->cacert_len);
	*state = k;
	return 0;
}

static int teardown(void **state)
{
	pki *k = *state;
	EVP_PKEY_free(k->ca_key);
	EVP_PKEY_free(k->ra_key);
	X509_free(k->ca);
	X509_free(k->ra);
	OPENSSL_free(k->cacert);
	free(k);
	return 0;
}

/* ---- the server side --------------------------------------------------- */

typedef struct {
	char message_type[8];
	char txid[80];
	unsigned char nonce[16];
	char challenge[64];
	X509 *signer;           /* the client's self-signed certificate */
	char subject[80];
	EVP_PKEY *csr_key;
} received;

static void copy_attr(PKCS7_SIGNER_INFO *si, const char *name, void *dst, size_t max)
{
	ASN1_TYPE *t = PKCS7_get_signed_attribute(si, scep_msg_nid(name));
	assert_non_null(t);
	int n = ASN1_STRING_length(t->value.asn1_string);
	assert_true(n > 0 && (size_t)n < max);
	memcpy(dst, ASN1_STRING_get0_data(t->value.asn1_string), (size_t)n);
}

static char *mem(BIO *b, long *n)
{
	char *data;
	*n = BIO_get_mem_data(b, &data);
	return data;
}

/* What the RA reads: the signed attributes, then the envelope decrypted
 * with the RA key, then the CSR and its challenge password. */
static void server_read(pki *k, const scep_request *req, received *got)
{
	memset(got, 0, sizeof *got);
	const unsigned char *p = req->der;
	PKCS7 *p7 = d2i_PKCS7(NULL, &p, (long)req->der_len);
	assert_non_null(p7);
	BIO *env = BIO_new(BIO_s_mem());
	assert_int_equal(PKCS7_verify(p7, NULL, NULL, NULL, env, PKCS7_NOVERIFY | PKCS7_BINARY), 1);
	STACK_OF(X509) *signers = PKCS7_get0_signers(p7, NULL, 0);
	got->signer = X509_dup(sk_X509_value(signers, 0));
	sk_X509_free(signers);
	PKCS7_SIGNER_INFO *si = sk_PKCS7_SIGNER_INFO_value(PKCS7_get_signer_info(p7), 0);
	copy_attr(si, "messageType", got->message_type, sizeof got->message_type);
	copy_attr(si, "transactionID", got->txid, sizeof got->txid);
	copy_attr(si, "senderNonce", got->nonce, sizeof got->nonce + 1);
	long n;
	const unsigned char *q = (const unsigned char *)mem(env, &n);
	PKCS7 *e = d2i_PKCS7(NULL, &q, n);
	assert_non_null(e);
	assert_true(PKCS7_type_is_enveloped(e));
	BIO *csr = BIO_new(BIO_s_mem());
	assert_int_equal(PKCS7_decrypt(e, k->ra_key, k->ra, csr, 0), 1);
	q = (const unsigned char *)mem(csr, &n);
	X509_REQ *r = d2i_X509_REQ(NULL, &q, n);
	assert_non_null(r);
	int i = X509_REQ_get_attr_by_NID(r, NID_pkcs9_challengePassword, -1);
	assert_true(i >= 0);
	ASN1_TYPE *t = X509_ATTRIBUTE_get0_type(X509_REQ_get_attr(r, i), 0);
	memcpy(got->challenge, ASN1_STRING_get0_data(t->value.asn1_string),
	       (size_t)ASN1_STRING_length(t->value.asn1_string));
	X509_NAME_oneline(X509_REQ_get_subject_name(r), got->subject, sizeof got->subject);
	got->csr_key = X509_REQ_get_pubkey(r);
	X509_REQ_free(r);
	BIO_free(csr);
	PKCS7_free(e);
	BIO_free(env);
	PKCS7_free(p7);
}

static void received_free(received *got)
{
	X509_free(got->signer);
	EVP_PKEY_free(got->csr_key);
}

static void add(PKCS7_SIGNER_INFO *si, const char *name, int type, const void *v, int n)
{
	ASN1_STRING *s = ASN1_STRING_type_new(type);
	ASN1_STRING_set(s, v, n);
	assert_true(PKCS7_add_signed_attribute(si, scep_msg_nid(name), type, s));
}

/* The certificate issued for the CSR, in a degenerate PKCS#7, enveloped
 * to the client's signer certificate. */
static unsigned char *issue(pki *k, received *got, int *len)
{
	X509 *x = make_cert("issued-device", k->ca, k->ca_key, got->csr_key, 0,
			    "critical,digitalSignature");
	size_t dlen;
	unsigned char *deg = degenerate(x, NULL, &dlen), *der = NULL;
	STACK_OF(X509) *to = sk_X509_new_null();
	sk_X509_push(to, got->signer);
	BIO *in = BIO_new_mem_buf(deg, (int)dlen);
	PKCS7 *env = PKCS7_encrypt(to, in, EVP_aes_256_cbc(), PKCS7_BINARY);
	*len = i2d_PKCS7(env, &der);
	PKCS7_free(env);
	BIO_free(in);
	sk_X509_free(to);
	OPENSSL_free(deg);
	X509_free(x);
	return der;
}

typedef struct {
	const char *status, *fail_info, *fail_text;
	int wrong_nonce;
	int sign_with_ca;       /* a GetCACert certificate, just not the RA */
	int sign_as_stranger;   /* a key GetCACert doesn't hold */
} answer;

static unsigned char *certrep(pki *k, received *got, const answer *a, size_t *len)
{
	EVP_PKEY *stranger = a->sign_as_stranger ? EVP_RSA_gen(2048) : NULL;
	X509 *scert = stranger ? make_cert("Stranger", NULL, stranger, stranger, 0,
					   "digitalSignature") : NULL;
	EVP_PKEY *key = stranger ? stranger : a->sign_with_ca ? k->ca_key : k->ra_key;
	X509 *cert = scert ? scert : a->sign_with_ca ? k->ca : k->ra;
	PKCS7 *p7 = PKCS7_new();
	PKCS7_set_type(p7, NID_pkcs7_signed);
	PKCS7_SIGNER_INFO *si = PKCS7_add_signature(p7, cert, key, EVP_sha256());
	PKCS7_add_certificate(p7, cert);
	PKCS7_content_new(p7, NID_pkcs7_data);
	PKCS7_add_signed_attribute(si, NID_pkcs9_contentType, V_ASN1_OBJECT,
				   OBJ_nid2obj(NID_pkcs7_data));
	unsigned char nonce[16], mine[16];
	memcpy(nonce, got->nonce, 16);
	nonce[0] ^= a->wrong_nonce;
	RAND_bytes(mine, 16);
	add(si, "messageType", V_ASN1_PRINTABLESTRING, "3", 1);
	add(si, "pkiStatus", V_ASN1_PRINTABLESTRING, a->status, (int)strlen(a->status));
	add(si, "transactionID", V_ASN1_PRINTABLESTRING, got->txid, (int)strlen(got->txid));
	add(si, "recipientNonce", V_ASN1_OCTET_STRING, nonce, 16);
	add(si, "senderNonce", V_ASN1_OCTET_STRING, mine, 16);
	if (a->fail_info)
		add(si, "failInfo", V_ASN1_PRINTABLESTRING, a->fail_info, (int)strlen(a->fail_info));
	if (a->fail_text)
		add(si, "failInfoText", V_ASN1_UTF8STRING, a->fail_text, (int)strlen(a->fail_text));
	int clen = 0;
	unsigned char *content = strcmp(a->status, "0") == 0 ? issue(k, got, &clen) : NULL;
	BIO *b = PKCS7_dataInit(p7, NULL);
	if (clen)
		BIO_write(b, content, clen);
	assert_true(PKCS7_dataFinal(p7, b));
	unsigned char *der = NULL;
	*len = (size_t)i2d_PKCS7(p7, &der);
	BIO_free_all(b);
	OPENSSL_free(content);
	PKCS7_free(p7);
	X509_free(scert);
	EVP_PKEY_free(stranger);
	return der;
}

/* Builds a request (CHALLENGE), has the server read it and answer A, and
 * reads the answer back. */
static scep_rep_status round_trip(pki *k, const char *challenge, int aes, const answer *a,
				  received *got, scep_certrep *rep)
{
	scep_request req;
	assert_int_equal(scep_request_build(k->cacert, k->cacert_len, challenge, aes, 1, &req),
			 SCEP_MSG_OK);
	server_read(k, &req, got);
	assert_string_equal(got->txid, req.transaction_id);
	size_t len;
	unsigned char *body = certrep(k, got, a, &len);
	scep_rep_status st = scep_certrep_read(&req, k->cacert, k->cacert_len, body, len, rep);
	OPENSSL_free(body);
	scep_request_free(&req);
	return st;
}

/* ---- tests ------------------------------------------------------------- */

static void request_carries_what_rfc8894_asks(void **state)
{
	pki *k = *state;
	scep_request req;
	received got;
	assert_int_equal(scep_request_build(k->cacert, k->cacert_len, "s3cret", 1, 1, &req),
			 SCEP_MSG_OK);
	assert_string_equal(req.cipher, "AES-256-CBC");
	assert_string_equal(req.ra_subject, "CN=Test RA");
	assert_int_equal(strncmp(req.subject, "CN=scepwiz-probe-", 17), 0);
	assert_int_equal(strlen(req.transaction_id), 64);
	server_read(k, &req, &got);
	assert_string_equal(got.message_type, "19");
	assert_string_equal(got.txid, req.transaction_id);
	assert_string_equal(got.challenge, "s3cret");
	assert_int_equal(strncmp(got.subject, "/CN=scepwiz-probe-", 18), 0);
	received_free(&got);
	scep_request_free(&req);
}

static void no_challenge_sends_the_invalid_one_des3(void **state)
{
	pki *k = *state;
	scep_request req;
	received got;
	assert_int_equal(scep_request_build(k->cacert, k->cacert_len, NULL, 0, 0, &req), SCEP_MSG_OK);
	assert_string_equal(req.cipher, "DES-EDE3-CBC");
	assert_string_equal(req.digest, "SHA1");
	server_read(k, &req, &got);
	assert_string_equal(got.challenge, SCEP_INVALID_CHALLENGE);
	received_free(&got);
	scep_request_free(&req);
}

static void success_lists_the_issued_certificate(void **state)
{
	received got;
	scep_certrep rep;
	answer a = { .status = "0" };
	assert_int_equal(round_trip(*state, "s3cret", 1, &a, &got, &rep), SCEP_REP_OK);
	assert_int_equal(rep.pki_status, SCEP_PKI_SUCCESS);
	assert_string_equal(rep.signer, "CN=Test RA");
	assert_int_equal(rep.issued.ncerts, 1);
	assert_string_equal(rep.issued.certs[0].subject, "CN=issued-device");
	assert_string_equal(rep.issued.certs[0].issuer, "CN=Test CA");
	assert_true(rep.issued.certs[0].not_after > rep.issued.certs[0].not_before);
	scep_certrep_free(&rep);
	received_free(&got);
}

static void failure_names_fail_info_and_text(void **state)
{
	received got;
	scep_certrep rep;
	answer a = { .status = "2", .fail_info = "2", .fail_text = "bad\x1b[31mchallenge" };
	assert_int_equal(round_trip(*state, NULL, 1, &a, &got, &rep), SCEP_REP_OK);
	assert_int_equal(rep.pki_status, SCEP_PKI_FAILURE);
	assert_int_equal(rep.fail_info, 2);
	assert_string_equal(scep_fail_info_name(rep.fail_info), "badRequest");
	assert_non_null(rep.fail_info_text);
	assert_null(strchr(rep.fail_info_text, '\x1b'));        /* escaped for the terminal */
	assert_int_equal(rep.issued.ncerts, 0);
	scep_certrep_free(&rep);
	received_free(&got);
}

static void pending_is_read(void **state)
{
	received got;
	scep_certrep rep;
	answer a = { .status = "3" };
	assert_int_equal(round_trip(*state, "x", 1, &a, &got, &rep), SCEP_REP_OK);
	assert_int_equal(rep.pki_status, SCEP_PKI_PENDING);
	scep_certrep_free(&rep);
	received_free(&got);
}

static void wrong_nonce_is_caught(void **state)
{
	received got;
	scep_certrep rep;
	answer a = { .status = "2", .fail_info = "2", .wrong_nonce = 1 };
	assert_int_equal(round_trip(*state, "x", 1, &a, &got, &rep), SCEP_REP_NONCE_MISMATCH);
	scep_certrep_free(&rep);
	received_free(&got);
}

static void stranger_signature_is_refused(void **state)
{
	received got;
	scep_certrep rep;
	answer a = { .status = "2", .fail_info = "2", .sign_as_stranger = 1 };
	assert_int_equal(round_trip(*state, "x", 1, &a, &got, &rep), SCEP_REP_BAD_SIGNATURE);
	/* what it said is still read, for the report */
	assert_int_equal(rep.pki_status, SCEP_PKI_FAILURE);
	scep_certrep_free(&rep);
	received_free(&got);
}

static void tampered_signature_is_refused(void **state)
{
	pki *k = *state;
	scep_request req;
	received got;
	scep_certrep rep;
	answer a = { .status = "2", .fail_info = "2" };
	assert_int_equal(scep_request_build(k->cacert, k->cacert_len, "x", 1, 1, &req), SCEP_MSG_OK);
	server_read(k, &req, &got);
	size_t len;
	unsigned char *body = certrep(k, &got, &a, &len);
	assert_int_equal(scep_certrep_read(&req, k->cacert, k->cacert_len, body, len, &rep),
			 SCEP_REP_OK);
	scep_certrep_free(&rep);
	body[len - 10] ^= 0x01;         /* inside the signature, the last field */
	assert_int_equal(scep_certrep_read(&req, k->cacert, k->cacert_len, body, len, &rep),
			 SCEP_REP_BAD_SIGNATURE);
	scep_certrep_free(&rep);
	OPENSSL_free(body);
	received_free(&got);
	scep_request_free(&req);
}

/* Every prefix of a SUCCESS answer, and every byte flipped in turn: a
 * status each time, never a crash (run under the sanitizers in CI). */
static void truncated_or_flipped_answers_only_give_a_status(void **state)
{
	pki *k = *state;
	scep_request req;
	received got;
	scep_certrep rep;
	answer a = { .status = "0" };
	assert_int_equal(scep_request_build(k->cacert, k->cacert_len, "x", 1, 1, &req), SCEP_MSG_OK);
	server_read(k, &req, &got);
	size_t len;
	unsigned char *body = certrep(k, &got, &a, &len);
	for (size_t n = 0; n < len; n += 7) {
		assert_int_not_equal(scep_certrep_read(&req, k->cacert, k->cacert_len, body, n, &rep),
				     SCEP_REP_OK);
		scep_certrep_free(&rep);
	}
	for (size_t i = 0; i < len; i += 13) {
		body[i] ^= 0x5a;
		scep_certrep_read(&req, k->cacert, k->cacert_len, body, len, &rep);
		scep_certrep_free(&rep);
		body[i] ^= 0x5a;
	}
	assert_int_equal(scep_certrep_read(&req, k->cacert, k->cacert_len, body, len, &rep),
			 SCEP_REP_OK);
	scep_certrep_free(&rep);
	OPENSSL_free(body);
	received_free(&got);
	scep_request_free(&req);
}

static void signed_by_the_ca_is_still_a_getcacert_signature(void **state)
{
	received got;
	scep_certrep rep;
	answer a = { .status = "2", .fail_info = "1", .sign_with_ca = 1 };
	assert_int_equal(round_trip(*state, "x", 1, &a, &got, &rep), SCEP_REP_OK);
	assert_string_equal(rep.signer, "CN=Test CA");
	assert_string_equal(scep_fail_info_name(rep.fail_info), "badMessageCheck");
	scep_certrep_free(&rep);
	received_free(&got);
}

static void garbage_is_not_a_certrep(void **state)
{
	pki *k = *state;
	scep_request req;
	scep_certrep rep;
	static const unsigned char html[] = "<html>403</html>";
	assert_int_equal(scep_request_build(k->cacert, k->cacert_len, "x", 1, 1, &req), SCEP_MSG_OK);
	assert_int_equal(scep_certrep_read(&req, k->cacert, k->cacert_len, html, sizeof html, &rep),
			 SCEP_REP_NOT_PKCS7);
	scep_certrep_free(&rep);
	/* GetCACert itself is a SignedData, but no CertRep */
	assert_int_equal(scep_certrep_read(&req, k->cacert, k->cacert_len, k->cacert, k->cacert_len,
					   &rep), SCEP_REP_NOT_PKCS7);
	scep_certrep_free(&rep);
	scep_request_free(&req);
}

/* An RA for signing only: nothing to encrypt to (the CA is not used when
 * an RA is there). */
static void no_encryption_certificate(void **state)
{
	pki *k = *state;
	scep_request req;
	size_t len;
	X509 *signonly = make_cert("Sign only RA", k->ca, k->ca_key, k->ra_key, 0,
				   "critical,digitalSignature");
	unsigned char *body = degenerate(k->ca, signonly, &len);
	assert_int_equal(scep_request_build(body, len, "x", 1, 1, &req), SCEP_MSG_NO_RA_ENCRYPTION);
	assert_int_equal(scep_request_build((const unsigned char *)"junk", 4, "x", 1, 1, &req),
			 SCEP_MSG_NO_CACERT);
	OPENSSL_free(body);
	X509_free(signonly);
}

/* A CA without RA sends its certificate alone: the request goes to it. */
static void ca_without_ra_takes_the_request(void **state)
{
	pki *k = *state;
	scep_request req;
	unsigned char *der = NULL;
	int n = i2d_X509(k->ca, &der);
	assert_int_equal(scep_request_build(der, (size_t)n, "x", 1, 1, &req), SCEP_MSG_OK);
	assert_string_equal(req.ra_subject, "CN=Test CA");
	scep_request_free(&req);
	OPENSSL_free(der);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(request_carries_what_rfc8894_asks),
		cmocka_unit_test(no_challenge_sends_the_invalid_one_des3),
		cmocka_unit_test(success_lists_the_issued_certificate),
		cmocka_unit_test(failure_names_fail_info_and_text),
		cmocka_unit_test(pending_is_read),
		cmocka_unit_test(wrong_nonce_is_caught),
		cmocka_unit_test(stranger_signature_is_refused),
		cmocka_unit_test(tampered_signature_is_refused),
		cmocka_unit_test(truncated_or_flipped_answers_only_give_a_status),
		cmocka_unit_test(signed_by_the_ca_is_still_a_getcacert_signature),
		cmocka_unit_test(garbage_is_not_a_certrep),
		cmocka_unit_test(no_encryption_certificate),
		cmocka_unit_test(ca_without_ra_takes_the_request),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
