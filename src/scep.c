#include <config.h>

#include "scep.h"
#include "strbuf.h"

#include <ctype.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pkcs7.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* In bit order of SCEP_CAP_*. */
static const char *const cap_names[SCEP_NCAPS] = {
	"AES", "DES3", "GetNextCACert", "POSTPKIOperation", "Renewal",
	"SHA-1", "SHA-256", "SHA-512", "SCEPStandard",
};

const char *scep_cap_name(size_t i)
{
	return i < SCEP_NCAPS ? cap_names[i] : NULL;
}

/* A capability keyword is a short word: letters, digits, '-', '.', '_'. An
 * HTML page, binary or compressed data, or one huge line is not one. */
static int keyword_shaped(const unsigned char *s, size_t n)
{
	if (n > SCEP_MAX_KEYWORD)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!(isalnum(s[i]) || s[i] == '-' || s[i] == '.' || s[i] == '_'))
			return 0;
	return 1;
}

static void add_keyword(scep_caps *out, const unsigned char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	if (n == 0)
		return;
	if (!keyword_shaped(s, n)) {
		out->malformed++;
		return;
	}
	/* RFC 8894: the CA writes the case shown, clients ignore case. */
	for (size_t i = 0; i < SCEP_NCAPS; i++)
		if (strlen(cap_names[i]) == n && strncasecmp((const char *)s, cap_names[i], n) == 0) {
			out->caps |= 1u << i;
			return;
		}
	out->unknown++;
}

void scep_parse_caps(const unsigned char *body, size_t len, scep_caps *out)
{
	*out = (scep_caps){ 0 };
	size_t start = 0;
	for (size_t i = 0; i <= len; i++)
		if (i == len || body[i] == '\n') {
			add_keyword(out, body + start, i - start);
			start = i + 1;
		}
}

int scep_caps_offers(const scep_caps *c, unsigned cap)
{
	const unsigned implied = SCEP_CAP_AES | SCEP_CAP_POSTPKIOPERATION | SCEP_CAP_SHA256;
	if (c->caps & cap)
		return 1;
	return (c->caps & SCEP_CAP_SCEPSTANDARD) && (implied & cap) == cap;
}

/* ---- certificates ------------------------------------------------------ */

static char *bio_text(BIO *b)
{
	char *data = NULL;
	long n = BIO_get_mem_data(b, &data);
	char *s = untrusted_text(data, n > 0 ? (size_t)n : 0, 1024);
	BIO_free(b);
	return s;
}

static char *name_text(const X509_NAME *name)
{
	BIO *b = BIO_new(BIO_s_mem());
	if (b == NULL)
		return NULL;
	/* RFC 2253 escapes control and non-ASCII bytes itself. */
	X509_NAME_print_ex(b, name, 0, XN_FLAG_RFC2253);
	return bio_text(b);
}

static char *serial_text(const X509 *x)
{
	BIO *b = BIO_new(BIO_s_mem());
	if (b == NULL)
		return NULL;
	i2a_ASN1_INTEGER(b, X509_get0_serialNumber(x));
	return bio_text(b);
}

static time_t asn1_time(const ASN1_TIME *t)
{
	struct tm tm;
	if (t == NULL || ASN1_TIME_to_tm(t, &tm) != 1)
		return 0;
	return timegm(&tm);
}

static void key_usage(X509 *x, scep_cert *c)
{
	static const struct {
		uint32_t bit;
		const char *name;
	} bits[SCEP_MAX_KU] = {
		{ KU_DIGITAL_SIGNATURE, "digitalSignature" }, { KU_NON_REPUDIATION, "nonRepudiation" },
		{ KU_KEY_ENCIPHERMENT, "keyEncipherment" }, { KU_DATA_ENCIPHERMENT, "dataEncipherment" },
		{ KU_KEY_AGREEMENT, "keyAgreement" }, { KU_KEY_CERT_SIGN, "keyCertSign" },
		{ KU_CRL_SIGN, "cRLSign" }, { KU_ENCIPHER_ONLY, "encipherOnly" },
		{ KU_DECIPHER_ONLY, "decipherOnly" },
	};
	uint32_t ku = X509_get_key_usage(x);
	if (ku == UINT32_MAX)
		return;
	for (size_t i = 0; i < SCEP_MAX_KU; i++)
		if (ku & bits[i].bit)
			c->key_usage[c->nku++] = bits[i].name;
}

static char *eku_text(const ASN1_OBJECT *obj)
{
	/* Names OpenSSL doesn't know but an NDES engineer looks for. */
	static const struct {
		const char *oid, *name;
	} ms[] = {
		{ "1.3.6.1.4.1.311.20.2.1", "Certificate Request Agent" },
		{ "1.3.6.1.4.1.311.20.2.2", "Smart Card Logon" },
	};
	char oid[128];
	if (OBJ_obj2txt(oid, sizeof oid, obj, 1) <= 0)
		return NULL;
	const char *name = NULL;
	int nid = OBJ_obj2nid(obj);
	if (nid != NID_undef)
		name = OBJ_nid2ln(nid);
	for (size_t i = 0; name == NULL && i < sizeof ms / sizeof *ms; i++)
		if (strcmp(oid, ms[i].oid) == 0)
			name = ms[i].name;
	strbuf b = { 0 };
	if (name)
		sb_addf(&b, "%s (%s)", name, oid);
	else
		sb_add(&b, oid);
	return sb_take(&b);
}

static void ext_key_usage(const X509 *x, scep_cert *c)
{
	EXTENDED_KEY_USAGE *eku = X509_get_ext_d2i(x, NID_ext_key_usage, NULL, NULL);
	if (eku == NULL)
		return;
	for (int i = 0; i < sk_ASN1_OBJECT_num(eku) && c->neku < SCEP_MAX_EKU; i++) {
		char *s = eku_text(sk_ASN1_OBJECT_value(eku, i));
		if (s)
			c->eku[c->neku++] = s;
	}
	EXTENDED_KEY_USAGE_free(eku);
}

/* MD as "AB:CD:...", or nothing when OUT is too small. */
static void hex_colons(const unsigned char *md, unsigned n, char *out, size_t size)
{
	if (n == 0 || n * 3 > size)
		return;
	for (unsigned i = 0; i < n; i++)
		snprintf(out + 3 * i, 4, i + 1 < n ? "%02X:" : "%02X", md[i]);
}

static void fingerprint(const X509 *x, scep_cert *c)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	if (X509_digest(x, EVP_sha256(), md, &n) == 1)
		hex_colons(md, n, c->sha256, sizeof c->sha256);
	n = 0;
	if (X509_pubkey_digest(x, EVP_sha1(), md, &n) == 1)
		hex_colons(md, n, c->key_id, sizeof c->key_id);
}

/* The algorithm of the signature on the certificate, and its digest: SHA-1
 * and RSASSA-PSS are what iOS devices refuse in a CA's chain. */
static void signature(X509 *x, scep_cert *c)
{
	const X509_ALGOR *alg = NULL;
	const ASN1_OBJECT *obj = NULL;
	X509_get0_signature(NULL, &alg, x);
	if (alg)
		X509_ALGOR_get0(&obj, NULL, NULL, alg);
	if (obj == NULL || OBJ_obj2txt(c->sig_alg, sizeof c->sig_alg, obj, 0) <= 0)
		c->sig_alg[0] = '\0';
	c->sig_pss = obj && OBJ_obj2nid(obj) == NID_rsassaPss;
	/* For PSS the digest is in the parameters, which this reads too. */
	int md = NID_undef;
	if (X509_get_signature_info(x, &md, NULL, NULL, NULL) == 1 && md != NID_undef)
		snprintf(c->sig_hash, sizeof c->sig_hash, "%s", OBJ_nid2sn(md));
}

static void describe(X509 *x, scep_cert *c)
{
	*c = (scep_cert){ 0 };
	c->subject = name_text(X509_get_subject_name(x));
	c->issuer = name_text(X509_get_issuer_name(x));
	c->serial = serial_text(x);
	c->not_before = asn1_time(X509_get0_notBefore(x));
	c->not_after = asn1_time(X509_get0_notAfter(x));
	c->is_ca = X509_check_ca(x) != 0;
	c->self_signed = X509_NAME_cmp(X509_get_subject_name(x), X509_get_issuer_name(x)) == 0;
	key_usage(x, c);
	ext_key_usage(x, c);
	fingerprint(x, c);
	signature(x, c);
}

_Static_assert(SCEP_MAX_CERTS <= sizeof(unsigned) * 8, "signed_by has a bit per certificate");

/* Which certificate of the answer names which as its issuer, and whose key
 * verifies whose signature: what a chain, and a CA renewal, are made of. */
static void relate(X509 *const *xs, size_t n, scep_certs *out)
{
	for (size_t i = 0; i < n && i < out->ncerts; i++) {
		scep_cert *c = &out->certs[i];
		c->subject_of = c->issuer_of = -1;
		c->signed_by = 0;
		const X509_NAME *issuer = X509_get_issuer_name(xs[i]);
		for (size_t j = 0; j < n && j < out->ncerts; j++) {
			const X509_NAME *subject = X509_get_subject_name(xs[j]);
			if (c->subject_of < 0 && X509_NAME_cmp(subject, X509_get_subject_name(xs[i])) == 0)
				c->subject_of = (int)j;
			if (X509_NAME_cmp(subject, issuer) != 0)
				continue;
			if (c->issuer_of < 0)
				c->issuer_of = (int)j;
			EVP_PKEY *key = X509_get0_pubkey(xs[j]);
			if (key && X509_verify(xs[i], key) == 1)
				c->signed_by |= 1u << j;
		}
	}
}

static scep_status from_der(const unsigned char *body, size_t len, scep_certs *out)
{
	const unsigned char *p = body;
	X509 *x = d2i_X509(NULL, &p, (long)len);
	if (x == NULL)
		return SCEP_BAD_DER;
	out->certs = calloc(1, sizeof *out->certs);
	if (out->certs) {
		describe(x, &out->certs[0]);
		out->ncerts = 1;
		relate(&x, 1, out);
	}
	X509_free(x);
	return SCEP_OK;
}

static scep_status from_pkcs7(const unsigned char *body, size_t len, scep_certs *out)
{
	const unsigned char *p = body;
	PKCS7 *p7 = d2i_PKCS7(NULL, &p, (long)len);
	if (p7 == NULL)
		return SCEP_BAD_PKCS7;
	scep_status st = SCEP_OK;
	STACK_OF(X509) *certs = NULL;
	if (!PKCS7_type_is_signed(p7) || p7->d.sign == NULL)
		st = SCEP_NOT_SIGNED_DATA;
	else if ((certs = p7->d.sign->cert) == NULL || sk_X509_num(certs) <= 0)
		st = SCEP_NO_CERTS;
	if (st == SCEP_OK) {
		size_t n = (size_t)sk_X509_num(certs);
		size_t keep = n < SCEP_MAX_CERTS ? n : SCEP_MAX_CERTS;
		out->certs = calloc(keep, sizeof *out->certs);
		X509 *xs[SCEP_MAX_CERTS];
		for (size_t i = 0; out->certs && i < keep; i++) {
			xs[i] = sk_X509_value(certs, (int)i);
			describe(xs[i], &out->certs[out->ncerts++]);
		}
		relate(xs, out->ncerts, out);
		out->skipped = n - keep;
		out->pkcs7 = 1;
	}
	PKCS7_free(p7);
	return st;
}

/* The media type without parameters, e.g. "application/x-x509-ca-cert". */
static int type_is(const char *content_type, const char *want)
{
	if (content_type == NULL)
		return 0;
	size_t n = strlen(want);
	return strncasecmp(content_type, want, n) == 0 &&
	       (content_type[n] == '\0' || content_type[n] == ';' || content_type[n] == ' ');
}

scep_status scep_parse_cacert(const char *content_type, const unsigned char *body, size_t len,
			      scep_certs *out)
{
	*out = (scep_certs){ 0 };
	if (len == 0)
		return SCEP_EMPTY;
	int der = type_is(content_type, "application/x-x509-ca-cert");
	int p7 = type_is(content_type, "application/x-x509-ca-ra-cert");
	/* The named format first; the other one too, so that a wrong
	 * Content-Type is reported as such rather than as garbage. */
	scep_status st = der ? from_der(body, len, out) : from_pkcs7(body, len, out);
	if (st == SCEP_BAD_DER || st == SCEP_BAD_PKCS7) {
		scep_status other = der ? from_pkcs7(body, len, out) : from_der(body, len, out);
		if (other == SCEP_OK || other == SCEP_NO_CERTS || other == SCEP_NOT_SIGNED_DATA)
			st = other;
		else if (!der && !p7)
			st = SCEP_BAD_FORMAT;
	}
	out->type_matches = (der && !out->pkcs7) || (p7 && out->pkcs7);
	/* Hostile input leaves reasons on OpenSSL's error queue; they are not
	 * ours to report and would only pile up. */
	ERR_clear_error();
	return st;
}

void scep_certs_free(scep_certs *c)
{
	for (size_t i = 0; i < c->ncerts; i++) {
		scep_cert *x = &c->certs[i];
		free(x->subject);
		free(x->issuer);
		free(x->serial);
		for (size_t j = 0; j < x->neku; j++)
			free(x->eku[j]);
	}
	free(c->certs);
	*c = (scep_certs){ 0 };
}
