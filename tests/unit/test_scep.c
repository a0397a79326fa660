/* The SCEP parsers: GetCACaps keywords and GetCACert certificates, from
 * files made once with openssl (tests/data/scep/make.sh) and from broken
 * copies of them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scep.h"

#define DATA SRCDIR "/tests/data"

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	unsigned char *buf = malloc(1 << 20);
	assert_non_null(buf);
	*len = fread(buf, 1, 1 << 20, f);
	fclose(f);
	return buf;
}

static void caps_of(const char *text, scep_caps *c)
{
	scep_parse_caps((const unsigned char *)text, strlen(text), c);
}

static void caps_one_per_line(void **state)
{
	(void)state;
	scep_caps c;
	caps_of("Renewal\nSHA-1\nSHA-256\nAES\nDES3\nSCEPStandard\nPOSTPKIOperation\n", &c);
	assert_int_equal(c.caps, SCEP_CAP_RENEWAL | SCEP_CAP_SHA1 | SCEP_CAP_SHA256 | SCEP_CAP_AES |
					 SCEP_CAP_DES3 | SCEP_CAP_SCEPSTANDARD |
					 SCEP_CAP_POSTPKIOPERATION);
	assert_int_equal(c.unknown, 0);
}

static void caps_crlf_case_and_unknown(void **state)
{
	(void)state;
	size_t len;
	unsigned char *body = slurp(DATA "/responses/crlf-mixed-getcacaps.txt", &len);
	scep_caps c;
	scep_parse_caps(body, len, &c);
	/* "renewal" in lower case counts; the last line has no newline */
	assert_int_equal(c.caps, SCEP_CAP_POSTPKIOPERATION | SCEP_CAP_RENEWAL | SCEP_CAP_SHA512 |
					 SCEP_CAP_SHA256 | SCEP_CAP_SHA1 | SCEP_CAP_DES3 | SCEP_CAP_AES);
	assert_int_equal(c.unknown, 1);
	free(body);
}

static void caps_ignore_what_is_not_a_keyword(void **state)
{
	(void)state;
	scep_caps c;
	caps_of("<html><body>SHA-256</body></html>\nSHA-2567\n SHA-256 \n", &c);
	assert_int_equal(c.caps, SCEP_CAP_SHA256);       /* only the trimmed line */
	assert_int_equal(c.unknown, 1);                  /* SHA-2567: a keyword, unknown */
	assert_int_equal(c.malformed, 1);                /* the HTML: no keyword at all */
	caps_of("", &c);
	assert_int_equal(c.caps, 0);
	static const unsigned char nul[] = { 'A', 'E', 'S', 0, '\n', 'D', 'E', 'S', '3' };
	scep_parse_caps(nul, sizeof nul, &c);
	assert_int_equal(c.caps, SCEP_CAP_DES3);
	assert_int_equal(c.malformed, 1);
}

static void scepstandard_implies_the_mandatory_ones(void **state)
{
	(void)state;
	scep_caps c;
	caps_of("SCEPStandard\n", &c);
	assert_true(scep_caps_offers(&c, SCEP_CAP_SHA256));
	assert_true(scep_caps_offers(&c, SCEP_CAP_POSTPKIOPERATION));
	assert_true(scep_caps_offers(&c, SCEP_CAP_AES));
	assert_false(scep_caps_offers(&c, SCEP_CAP_SHA512));
	caps_of("SHA-1\nDES3\n", &c);
	assert_false(scep_caps_offers(&c, SCEP_CAP_SHA256));
}

static void fingerprint_file(const char *path, char *out, size_t size)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(out, (int)size, f));
	out[strcspn(out, "\n")] = '\0';
	fclose(f);
}

static void a_single_der_certificate(void **state)
{
	(void)state;
	size_t len;
	unsigned char *body = slurp(DATA "/scep/ca.der", &len);
	scep_certs certs;
	assert_int_equal(scep_parse_cacert("application/x-x509-ca-cert", body, len, &certs), SCEP_OK);
	assert_int_equal(certs.ncerts, 1);
	assert_false(certs.pkcs7);
	assert_true(certs.type_matches);
	const scep_cert *c = &certs.certs[0];
	assert_string_equal(c->subject, "CN=Contoso Issuing CA,DC=contoso,DC=com");
	assert_string_equal(c->issuer, c->subject);
	assert_true(c->is_ca);
	assert_true(c->self_signed);
	assert_int_equal(c->nku, 2);
	assert_string_equal(c->key_usage[0], "keyCertSign");
	assert_string_equal(c->key_usage[1], "cRLSign");
	assert_int_equal(c->neku, 0);
	assert_true(c->not_after > c->not_before);
	char want[128];
	fingerprint_file(DATA "/scep/ca.sha256", want, sizeof want);
	assert_string_equal(c->sha256, want);
	assert_string_equal(c->sig_alg, "sha256WithRSAEncryption");
	assert_string_equal(c->sig_hash, "SHA256");
	assert_false(c->sig_pss);
	assert_int_equal(strlen(c->key_id), 59);        /* SHA-1: 20 bytes, "AB:" each */
	/* a root: its own issuer, and its own key verifies it */
	assert_int_equal(c->subject_of, 0);
	assert_int_equal(c->issuer_of, 0);
	assert_int_equal(c->signed_by, 1u << 0);
	scep_certs_free(&certs);
	free(body);
}

static void ca_and_ra_in_a_pkcs7(void **state)
{
	(void)state;
	size_t len;
	unsigned char *body = slurp(DATA "/scep/ca-ra.p7b", &len);
	scep_certs certs;
	assert_int_equal(scep_parse_cacert("application/x-x509-ca-ra-cert", body, len, &certs), SCEP_OK);
	assert_int_equal(certs.ncerts, 2);
	assert_true(certs.pkcs7);
	assert_true(certs.type_matches);
	const scep_cert *ra = certs.certs[0].is_ca ? &certs.certs[1] : &certs.certs[0];
	assert_false(ra->is_ca);
	assert_false(ra->self_signed);
	assert_string_equal(ra->subject, "CN=NDES01-MSCEP-RA,O=Contoso,C=US");
	assert_string_equal(ra->issuer, "CN=Contoso Issuing CA,DC=contoso,DC=com");
	assert_string_equal(ra->serial, "1234");
	assert_int_equal(ra->nku, 2);
	assert_string_equal(ra->key_usage[0], "digitalSignature");
	assert_string_equal(ra->key_usage[1], "keyEncipherment");
	assert_int_equal(ra->neku, 2);
	assert_string_equal(ra->eku[0], "Certificate Request Agent (1.3.6.1.4.1.311.20.2.1)");
	assert_string_equal(ra->eku[1], "TLS Web Client Authentication (1.3.6.1.5.5.7.3.2)");
	char want[128];
	fingerprint_file(DATA "/scep/ra.sha256", want, sizeof want);
	assert_string_equal(ra->sha256, want);
	/* the RA names the CA as issuer and the CA's key verifies it */
	int ca = certs.certs[0].is_ca ? 0 : 1;
	assert_int_equal(ra->issuer_of, ca);
	assert_int_equal(ra->signed_by, 1u << ca);
	assert_int_equal(ra->subject_of, 1 - ca);
	assert_string_not_equal(ra->key_id, certs.certs[ca].key_id);
	scep_certs_free(&certs);
	free(body);
}

static void a_wrong_content_type_is_noticed(void **state)
{
	(void)state;
	size_t len;
	unsigned char *body = slurp(DATA "/scep/ca-ra.p7b", &len);
	scep_certs certs;
	assert_int_equal(scep_parse_cacert("application/x-x509-ca-cert", body, len, &certs), SCEP_OK);
	assert_int_equal(certs.ncerts, 2);
	assert_false(certs.type_matches);
	scep_certs_free(&certs);
	assert_int_equal(scep_parse_cacert("text/html; charset=utf-8", body, len, &certs), SCEP_OK);
	assert_false(certs.type_matches);
	scep_certs_free(&certs);
	free(body);
}

static void structures_without_certificates(void **state)
{
	(void)state;
	size_t len;
	scep_certs certs;
	unsigned char *body = slurp(DATA "/scep/no-certs.p7b", &len);
	assert_int_equal(scep_parse_cacert("application/x-x509-ca-ra-cert", body, len, &certs),
			 SCEP_NO_CERTS);
	assert_int_equal(certs.ncerts, 0);
	free(body);
	body = slurp(DATA "/scep/data.p7b", &len);
	assert_int_equal(scep_parse_cacert("application/x-x509-ca-ra-cert", body, len, &certs),
			 SCEP_NOT_SIGNED_DATA);
	free(body);
	assert_int_equal(scep_parse_cacert("application/x-x509-ca-ra-cert", (const unsigned char *)"",
					   0, &certs), SCEP_EMPTY);
	static const char html[] = "<html>500 - Internal server error.</html>";
	assert_int_equal(scep_parse_cacert("application/x-x509-ca-ra-cert",
					   (const unsigned char *)html, sizeof html - 1, &certs),
			 SCEP_BAD_PKCS7);
	assert_int_equal(scep_parse_cacert("application/x-x509-ca-cert",
					   (const unsigned char *)html, sizeof html - 1, &certs),
			 SCEP_BAD_DER);
	assert_int_equal(scep_parse_cacert(NULL, (const unsigned char *)html, sizeof html - 1, &certs),
			 SCEP_BAD_FORMAT);
}

/* Every truncation and many corruptions of a real answer: a status, never a
 * crash (the sanitizer build watches the reads). */
static void broken_answers_are_only_statuses(void **state)
{
	(void)state;
	size_t len;
	unsigned char *body = slurp(DATA "/scep/ca-ra.p7b", &len);
	unsigned char *copy = malloc(len);
	assert_non_null(copy);
	scep_certs certs;
	for (size_t n = 0; n < len; n++) {
		memcpy(copy, body, n);
		scep_status st = scep_parse_cacert("application/x-x509-ca-ra-cert", copy, n, &certs);
		assert_int_not_equal(st, SCEP_OK);
		scep_certs_free(&certs);
	}
	srand(8894);
	for (int i = 0; i < 2000; i++) {
		memcpy(copy, body, len);
		for (int k = 0; k < 4; k++)
			copy[(size_t)rand() % len] ^= (unsigned char)(1u << (rand() % 8));
		scep_parse_cacert(i % 2 ? "application/x-x509-ca-ra-cert" : NULL, copy, len, &certs);
		for (size_t j = 0; j < certs.ncerts; j++)
			assert_non_null(certs.certs[j].subject);
		scep_certs_free(&certs);
	}
	free(copy);
	free(body);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(caps_one_per_line),
		cmocka_unit_test(caps_crlf_case_and_unknown),
		cmocka_unit_test(caps_ignore_what_is_not_a_keyword),
		cmocka_unit_test(scepstandard_implies_the_mandatory_ones),
		cmocka_unit_test(a_single_der_certificate),
		cmocka_unit_test(ca_and_ra_in_a_pkcs7),
		cmocka_unit_test(a_wrong_content_type_is_noticed),
		cmocka_unit_test(structures_without_certificates),
		cmocka_unit_test(broken_answers_are_only_statuses),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
