/* The GetCACert grading on bundles made here with libcrypto, as NDES would
 * send them: a healthy MSCEP-RA pair, a renewed CA with RA certificates left
 * on its old key, RA certificates signed with SHA-1 or RSASSA-PSS, without
 * the Certificate Request Agent EKU, with a role missing or held twice. Each
 * bundle is a degenerate PKCS#7 read back by scep_parse_cacert, so what is
 * asserted is what `scepwiz check` reports: codes, sections, details. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <openssl/evp.h>
#include <openssl/pkcs7.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdlib.h>
#include <string.h>

#include "cacert_checks.h"

#define DAY ((time_t)24 * 3600)
#define YEAR (365 * DAY)
/* "now" for every bundle: 2030-01-01; certificates are dated around it. */
#define NOW ((time_t)1893456000)

#define CA_NAME "Contoso Issuing CA"
#define RA_KU_SIGN "critical,digitalSignature"
#define RA_KU_ENC "critical,keyEncipherment"
#define RA_EKU "1.3.6.1.4.1.311.20.2.1"

enum { K_CA_OLD, K_CA_NEW, K_RA_SIGN, K_RA_ENC, K_RA_SIGN2, K_OTHER, NKEYS };
static EVP_PKEY *keys[NKEYS];

typedef struct {
	const char *cn;
	long serial;
	int key;                /* K_* of the certificate's key */
	X509 *issuer;           /* NULL: self-signed */
	int issuer_key;
	int ca;                 /* basicConstraints CA:TRUE, keyCertSign */
	const char *ku, *eku;   /* NULL: no extension */
	const EVP_MD *(*md)(void);      /* NULL: SHA-256 */
	int pss;
	time_t from, to;        /* relative to NOW; 0, 0: a year back, two ahead */
} spec;

static int group_setup(void **state)
{
	(void)state;
	for (int i = 0; i < NKEYS; i++)
		if ((keys[i] = EVP_RSA_gen(2048)) == NULL)
			return -1;
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	for (int i = 0; i < NKEYS; i++)
		EVP_PKEY_free(keys[i]);
	return 0;
}

static void add_ext(X509 *x, X509 *issuer, int nid, const char *value)
{
	X509V3_CTX ctx;
	X509V3_set_ctx(&ctx, issuer ? issuer : x, x, NULL, NULL, 0);
	X509_EXTENSION *e = X509V3_EXT_nconf_nid(NULL, &ctx, nid, value);
	assert_non_null(e);
	assert_int_equal(X509_add_ext(x, e, -1), 1);
	X509_EXTENSION_free(e);
}

static void sign(X509 *x, const spec *s)
{
	EVP_PKEY *key = keys[s->issuer ? s->issuer_key : s->key];
	const EVP_MD *md = s->md ? s->md() : EVP_sha256();
	EVP_MD_CTX *mctx = EVP_MD_CTX_new();
	EVP_PKEY_CTX *pctx = NULL;
	assert_non_null(mctx);
	assert_int_equal(EVP_DigestSignInit(mctx, &pctx, md, NULL, key), 1);
	if (s->pss) {
		assert_true(EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) > 0);
		assert_true(EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) > 0);
	}
	assert_true(X509_sign_ctx(x, mctx) > 0);
	EVP_MD_CTX_free(mctx);
}

static X509 *make(const spec *s)
{
	X509 *x = X509_new();
	assert_non_null(x);
	X509_set_version(x, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(x), s->serial);
	X509_NAME *name = X509_get_subject_name(x);
	X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *)s->cn, -1, -1, 0);
	X509_set_issuer_name(x, s->issuer ? X509_get_subject_name(s->issuer) : name);
	time_t from = s->from || s->to ? s->from : -YEAR, to = s->from || s->to ? s->to : 2 * YEAR;
	ASN1_TIME_set(X509_getm_notBefore(x), NOW + from);
	ASN1_TIME_set(X509_getm_notAfter(x), NOW + to);
	assert_int_equal(X509_set_pubkey(x, keys[s->key]), 1);
	if (s->ca)
		add_ext(x, s->issuer, NID_basic_constraints, "critical,CA:TRUE");
	if (s->ku)
		add_ext(x, s->issuer, NID_key_usage, s->ku);
	if (s->eku)
		add_ext(x, s->issuer, NID_ext_key_usage, s->eku);
	sign(x, s);
	return x;
}

static spec ca_spec(long serial, int key)
{
	return (spec){ .cn = CA_NAME, .serial = serial, .key = key, .ca = 1,
		       .ku = "critical,keyCertSign,cRLSign" };
}

static spec ra_spec(const char *cn, long serial, int key, X509 *ca, int ca_key, const char *ku)
{
	return (spec){ .cn = cn, .serial = serial, .key = key, .issuer = ca, .issuer_key = ca_key,
		       .ku = ku, .eku = RA_EKU };
}

/* The certificates XS[0..N) as GetCACert sends them, read back. */
static void bundle(X509 **xs, size_t n, scep_certs *out)
{
	PKCS7 *p7 = PKCS7_new();
	assert_non_null(p7);
	assert_int_equal(PKCS7_set_type(p7, NID_pkcs7_signed), 1);
	assert_int_equal(PKCS7_content_new(p7, NID_pkcs7_data), 1);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(PKCS7_add_certificate(p7, xs[i]), 1);
	unsigned char *der = NULL;
	int len = i2d_PKCS7(p7, &der);
	assert_true(len > 0);
	assert_int_equal(scep_parse_cacert("application/x-x509-ca-ra-cert", der, (size_t)len, out),
			 SCEP_OK);
	assert_int_equal(out->ncerts, n);
	OPENSSL_free(der);
	PKCS7_free(p7);
	for (size_t i = 0; i < n; i++)
		X509_free(xs[i]);
}

/* The findings of the bundle XS, graded at NOW. */
static void grade(X509 **xs, size_t n, finding_list *out)
{
	scep_certs certs;
	bundle(xs, n, &certs);
	*out = (finding_list){ 0 };
	cacert_check(&certs, NOW, out);
	scep_certs_free(&certs);
}

static size_t count(const finding_list *l, const char *code)
{
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++)
		n += strcmp(l->v[i].kind->code, code) == 0;
	return n;
}

static const finding *find(const finding_list *l, const char *code)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].kind->code, code) == 0)
			return &l->v[i];
	return NULL;
}

/* The finding CODE is there, of source GetCACert, pointing to SECTION. */
static const finding *expect(const finding_list *l, const char *code, const char *section,
			     severity sev)
{
	const finding *f = find(l, code);
	if (f == NULL) {
		for (size_t i = 0; i < l->n; i++)
			print_message("# have %s (%s)\n", l->v[i].kind->code,
				      l->v[i].detail ? l->v[i].detail : "");
		fail_msg("no finding %s", code);
	}
	assert_string_equal(f->kind->source, "GetCACert");
	if (section)
		assert_string_equal(f->kind->section, section);
	else
		assert_null(f->kind->section);
	assert_int_equal(f->kind->sev, sev);
	return f;
}

static int evidence_has(const finding *f, const char *text)
{
	for (size_t i = 0; i < f->nlines; i++)
		if (strcmp(f->lines[i].text, text) == 0)
			return 1;
	return 0;
}

static void detail_has(const finding *f, const char *text)
{
	assert_non_null(f->detail);
	if (strstr(f->detail, text) == NULL)
		fail_msg("detail \"%s\" lacks \"%s\"", f->detail, text);
}

static size_t worse_than_ok(const finding_list *l)
{
	return finding_count(l, SEV_INFO);
}

#define RENEWAL "scep-deployment-to-win10-devices-fails/solution"
#define IOS "ios-scep-failure-no-getcacaps/solution"
#define SEC_500 "internal-server-error"

/* NDES as installed: the CA, an Exchange Enrollment Agent (Offline request)
 * certificate that signs and a CEP Encryption certificate that decrypts. */
static void a_healthy_mscep_ra_pair(void **state)
{
	(void)state;
	spec s = ca_spec(1, K_CA_NEW);
	X509 *ca = make(&s);
	spec sg = ra_spec("NDES-MSCEP-RA-SIGN", 0x10, K_RA_SIGN, ca, K_CA_NEW, RA_KU_SIGN);
	spec en = ra_spec("NDES-MSCEP-RA-ENC", 0x11, K_RA_ENC, ca, K_CA_NEW, RA_KU_ENC);
	X509 *xs[] = { ca, make(&sg), make(&en) };
	finding_list l;
	grade(xs, 3, &l);
	const finding *f = expect(&l, "ra-roles", NULL, SEV_OK);
	assert_string_equal(f->detail, "signing: CN=NDES-MSCEP-RA-SIGN (10); "
				       "encryption: CN=NDES-MSCEP-RA-ENC (11)");
	assert_true(evidence_has(f, "role: RA signing"));
	assert_true(evidence_has(f, "role: RA encryption"));
	assert_true(evidence_has(f, "signature: sha256WithRSAEncryption"));
	assert_int_equal(worse_than_ok(&l), 0);
	finding_list_free(&l);
}

/* The article's case: the CA renewed with a new key, the bundle carries
 * both CA certificates, and the RA certificates still chain to the old. */
static void ra_left_on_the_old_ca_after_a_renewal(void **state)
{
	(void)state;
	spec o = ca_spec(0x0a, K_CA_OLD), n = ca_spec(0x0b, K_CA_NEW);
	o.from = -3 * YEAR, o.to = 2 * YEAR;
	n.from = -DAY, n.to = 5 * YEAR;
	X509 *old = make(&o), *cur = make(&n);
	spec sg = ra_spec("NDES-MSCEP-RA-SIGN", 0x10, K_RA_SIGN, old, K_CA_OLD, RA_KU_SIGN);
	spec en = ra_spec("NDES-MSCEP-RA-ENC", 0x11, K_RA_ENC, old, K_CA_OLD, RA_KU_ENC);
	X509 *xs[] = { cur, old, make(&sg), make(&en) };
	finding_list l;
	grade(xs, 4, &l);
	const finding *f = expect(&l, "ra-old-ca", RENEWAL, SEV_PROBLEM);
	assert_int_equal(count(&l, "ra-old-ca"), 2);
	detail_has(f, "CN=NDES-MSCEP-RA-SIGN, serial 10");
	detail_has(f, "issued by CA serial 0A, current CA serial 0B");
	assert_true(evidence_has(f, "role: RA signing"));
	assert_true(evidence_has(f, "role: CA"));
	assert_null(find(&l, "ra-unknown-key"));
	assert_null(find(&l, "ra-issuer-missing"));
	finding_list_free(&l);

	/* RA certificates reissued on the new key: nothing to say. */
	o = ca_spec(0x0a, K_CA_OLD), n = ca_spec(0x0b, K_CA_NEW);
	o.from = -3 * YEAR, o.to = 2 * YEAR;
	n.from = -DAY, n.to = 5 * YEAR;
	old = make(&o), cur = make(&n);
	sg = ra_spec("NDES-MSCEP-RA-SIGN", 0x12, K_RA_SIGN, cur, K_CA_NEW, RA_KU_SIGN);
	en = ra_spec("NDES-MSCEP-RA-ENC", 0x13, K_RA_ENC, cur, K_CA_NEW, RA_KU_ENC);
	X509 *again[] = { old, cur, make(&sg), make(&en) };
	grade(again, 4, &l);
	assert_int_equal(worse_than_ok(&l), 0);
	finding_list_free(&l);
}

/* Renewed with the same key: the old CA certificate's signatures verify
 * under the new one too, so the RA certificates chain to the current key. */
static void a_renewal_that_kept_the_key(void **state)
{
	(void)state;
	spec o = ca_spec(0x0a, K_CA_NEW), n = ca_spec(0x0b, K_CA_NEW);
	o.from = -3 * YEAR, o.to = 2 * YEAR;
	n.from = -DAY, n.to = 5 * YEAR;
	X509 *old = make(&o), *cur = make(&n);
	spec ra = ra_spec("NDES-MSCEP-RA", 0x10, K_RA_SIGN, old, K_CA_NEW,
			  "critical,digitalSignature,keyEncipherment");
	X509 *xs[] = { cur, old, make(&ra) };
	finding_list l;
	grade(xs, 3, &l);
	assert_int_equal(worse_than_ok(&l), 0);
	finding_list_free(&l);
}

/* After a renewal only the new CA certificate is sent, but the RA
 * certificates are signed by the old key: the name matches, the key doesn't. */
static void ra_signed_by_a_key_the_bundle_lacks(void **state)
{
	(void)state;
	spec o = ca_spec(0x0a, K_CA_OLD), n = ca_spec(0x0b, K_CA_NEW);
	X509 *old = make(&o), *cur = make(&n);
	spec ra = ra_spec("NDES-MSCEP-RA", 0x10, K_RA_SIGN, old, K_CA_OLD,
			  "critical,digitalSignature,keyEncipherment");
	X509 *xs[] = { cur, make(&ra) };
	X509_free(old);
	finding_list l;
	grade(xs, 2, &l);
	const finding *f = expect(&l, "ra-unknown-key", RENEWAL, SEV_PROBLEM);
	assert_string_equal(f->detail, "CN=NDES-MSCEP-RA, serial 10");
	assert_null(find(&l, "ra-old-ca"));
	finding_list_free(&l);
}

static void ra_whose_issuer_is_not_sent(void **state)
{
	(void)state;
	spec c = ca_spec(1, K_CA_NEW), other = ca_spec(2, K_OTHER);
	other.cn = "Fabrikam Issuing CA";
	X509 *ca = make(&c), *elsewhere = make(&other);
	spec ra = ra_spec("NDES-MSCEP-RA", 0x10, K_RA_SIGN, elsewhere, K_OTHER,
			  "critical,digitalSignature,keyEncipherment");
	X509 *xs[] = { ca, make(&ra) };
	X509_free(elsewhere);
	finding_list l;
	grade(xs, 2, &l);
	const finding *f = expect(&l, "ra-issuer-missing", NULL, SEV_PROBLEM);
	assert_string_equal(f->detail, "CN=NDES-MSCEP-RA, serial 10; issuer CN=Fabrikam Issuing CA");
	assert_true(evidence_has(f, "issuer: CN=Fabrikam Issuing CA"));
	finding_list_free(&l);
}

static void signatures_ios_refuses(void **state)
{
	(void)state;
	spec c = ca_spec(1, K_CA_NEW);
	X509 *ca = make(&c);
	spec sg = ra_spec("NDES-MSCEP-RA-SIGN", 0x10, K_RA_SIGN, ca, K_CA_NEW, RA_KU_SIGN);
	spec en = ra_spec("NDES-MSCEP-RA-ENC", 0x11, K_RA_ENC, ca, K_CA_NEW, RA_KU_ENC);
	sg.md = EVP_sha1;
	en.pss = 1;
	X509 *xs[] = { ca, make(&sg), make(&en) };
	finding_list l;
	grade(xs, 3, &l);
	const finding *f = expect(&l, "sha1-signature", IOS, SEV_PROBLEM);
	assert_string_equal(f->detail, "CN=NDES-MSCEP-RA-SIGN, serial 10, signed with sha1WithRSAEncryption");
	assert_true(evidence_has(f, "signature: sha1WithRSAEncryption"));
	f = expect(&l, "pss-signature", IOS, SEV_PROBLEM);
	assert_string_equal(f->detail, "CN=NDES-MSCEP-RA-ENC, serial 11, signed with rsassaPss (SHA256)");
	assert_int_equal(count(&l, "sha1-signature") + count(&l, "pss-signature"), 2);
	/* the chain itself is fine: PSS and SHA-1 signatures verify */
	assert_null(find(&l, "ra-unknown-key"));
	expect(&l, "ra-roles", NULL, SEV_OK);
	finding_list_free(&l);

	/* The article's first concern: the CA's own certificate. */
	c.md = EVP_sha1;
	ca = make(&c);
	X509 *alone[] = { ca };
	grade(alone, 1, &l);
	f = expect(&l, "sha1-signature", IOS, SEV_PROBLEM);
	assert_true(evidence_has(f, "role: CA"));
	finding_list_free(&l);
}

static void ra_without_the_request_agent_eku(void **state)
{
	(void)state;
	spec c = ca_spec(1, K_CA_NEW);
	X509 *ca = make(&c);
	spec sg = ra_spec("NDES-MSCEP-RA-SIGN", 0x10, K_RA_SIGN, ca, K_CA_NEW, RA_KU_SIGN);
	spec en = ra_spec("NDES-MSCEP-RA-ENC", 0x11, K_RA_ENC, ca, K_CA_NEW, RA_KU_ENC);
	sg.eku = "clientAuth";
	/* an EKU that only starts like the OID is not it */
	en.eku = "1.3.6.1.4.1.311.20.2.10";
	X509 *xs[] = { ca, make(&sg), make(&en) };
	finding_list l;
	grade(xs, 3, &l);
	const finding *f = expect(&l, "ra-no-eku", SEC_500, SEV_WARNING);
	assert_string_equal(f->detail, "CN=NDES-MSCEP-RA-SIGN, serial 10");
	assert_true(evidence_has(f, "extended key usage: TLS Web Client Authentication (1.3.6.1.5.5.7.3.2)"));
	assert_int_equal(count(&l, "ra-no-eku"), 2);
	assert_int_equal(finding_count(&l, SEV_PROBLEM), 0);
	finding_list_free(&l);
}

static void only_a_signing_ra(void **state)
{
	(void)state;
	spec c = ca_spec(1, K_CA_NEW);
	X509 *ca = make(&c);
	spec sg = ra_spec("NDES-MSCEP-RA-SIGN", 0x10, K_RA_SIGN, ca, K_CA_NEW, RA_KU_SIGN);
	X509 *xs[] = { ca, make(&sg) };
	finding_list l;
	grade(xs, 2, &l);
	const finding *f = expect(&l, "ra-no-encryption", SEC_500, SEV_PROBLEM);
	assert_string_equal(f->detail, "signing: CN=NDES-MSCEP-RA-SIGN (10)");
	assert_true(evidence_has(f, "role: RA signing"));
	assert_null(find(&l, "ra-no-signing"));
	assert_null(find(&l, "ra-roles"));
	finding_list_free(&l);

	/* and the other way round */
	spec en = ra_spec("NDES-MSCEP-RA-ENC", 0x11, K_RA_ENC, NULL, 0, RA_KU_ENC);
	ca = make(&c);
	en.issuer = ca, en.issuer_key = K_CA_NEW;
	X509 *enc[] = { ca, make(&en) };
	grade(enc, 2, &l);
	expect(&l, "ra-no-signing", SEC_500, SEV_PROBLEM);
	assert_null(find(&l, "ra-no-encryption"));
	finding_list_free(&l);
}

/* An RA certificate renewed with a new key while the old one stayed in
 * the store: NDES sends both. */
static void the_same_role_twice(void **state)
{
	(void)state;
	spec c = ca_spec(1, K_CA_NEW);
	X509 *ca = make(&c);
	spec old = ra_spec("NDES-MSCEP-RA-SIGN", 0x10, K_RA_SIGN, ca, K_CA_NEW, RA_KU_SIGN);
	spec cur = ra_spec("NDES-MSCEP-RA-SIGN", 0x20, K_RA_SIGN2, ca, K_CA_NEW, RA_KU_SIGN);
	spec en = ra_spec("NDES-MSCEP-RA-ENC", 0x11, K_RA_ENC, ca, K_CA_NEW, RA_KU_ENC);
	old.from = -2 * YEAR, old.to = 60 * DAY;
	X509 *xs[] = { ca, make(&old), make(&cur), make(&en) };
	finding_list l;
	grade(xs, 4, &l);
	const finding *f = expect(&l, "ra-duplicate", NULL, SEV_WARNING);
	assert_int_equal(count(&l, "ra-duplicate"), 1);
	detail_has(f, "signing, by serial and end of validity: 10 (");
	detail_has(f, "; 20 (");
	assert_true(evidence_has(f, "serial: 10"));
	assert_true(evidence_has(f, "serial: 20"));
	finding_list_free(&l);

	/* Renewed on the same key: one key, no leftover. */
	ca = make(&c);
	old.issuer = cur.issuer = en.issuer = ca;
	cur.key = K_RA_SIGN;
	X509 *same[] = { ca, make(&old), make(&cur), make(&en) };
	grade(same, 4, &l);
	assert_null(find(&l, "ra-duplicate"));
	finding_list_free(&l);
}

/* A CA alone (scepserver, or a CA that is its own RA): no RA to grade. */
static void a_ca_without_ra(void **state)
{
	(void)state;
	spec c = ca_spec(1, K_CA_NEW);
	X509 *xs[] = { make(&c) };
	finding_list l;
	grade(xs, 1, &l);
	expect(&l, "no-ra", NULL, SEV_INFO);
	assert_int_equal(l.n, 1);
	finding_list_free(&l);
}

/* An RA certificate without key usage may do anything (RFC 5280). */
static void an_ra_without_key_usage_holds_both_roles(void **state)
{
	(void)state;
	spec c = ca_spec(1, K_CA_NEW);
	X509 *ca = make(&c);
	spec ra = ra_spec("NDES-MSCEP-RA", 0x10, K_RA_SIGN, ca, K_CA_NEW, NULL);
	X509 *xs[] = { ca, make(&ra) };
	finding_list l;
	grade(xs, 2, &l);
	const finding *f = expect(&l, "ra-roles", NULL, SEV_OK);
	assert_true(evidence_has(f, "role: RA signing, RA encryption"));
	assert_int_equal(worse_than_ok(&l), 0);
	finding_list_free(&l);
}

/* CA certificates are graded as CA's, the issuing CA below a root too,
 * and one known as a CA only by its key usage. */
static void ca_expiry(void **state)
{
	(void)state;
	spec r = ca_spec(1, K_OTHER);
	r.cn = "Contoso Root CA";
	X509 *root = make(&r);
	spec i = ca_spec(2, K_CA_NEW);
	i.issuer = root, i.issuer_key = K_OTHER;
	i.from = -5 * YEAR, i.to = -DAY;
	X509 *issuing = make(&i);
	spec ra = ra_spec("NDES-MSCEP-RA", 0x10, K_RA_SIGN, issuing, K_CA_NEW,
			  "critical,digitalSignature,keyEncipherment");
	X509 *xs[] = { root, issuing, make(&ra) };
	finding_list l;
	grade(xs, 3, &l);
	const finding *f = expect(&l, "ca-expired", NULL, SEV_PROBLEM);
	assert_int_equal(count(&l, "ca-expired"), 1);
	detail_has(f, "CN=" CA_NAME ", not after ");
	assert_true(evidence_has(f, "role: CA"));
	assert_null(find(&l, "ra-expired"));
	assert_null(find(&l, "ra-issuer-missing"));
	finding_list_free(&l);

	spec k = ca_spec(3, K_CA_NEW);
	k.ca = 0;               /* no basic constraints: keyCertSign says CA */
	k.to = 10 * DAY;
	X509 *byku[] = { make(&k) };
	grade(byku, 1, &l);
	expect(&l, "ca-expiring", NULL, SEV_WARNING);
	assert_null(find(&l, "ra-expiring"));
	finding_list_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_healthy_mscep_ra_pair),
		cmocka_unit_test(ra_left_on_the_old_ca_after_a_renewal),
		cmocka_unit_test(a_renewal_that_kept_the_key),
		cmocka_unit_test(ra_signed_by_a_key_the_bundle_lacks),
		cmocka_unit_test(ra_whose_issuer_is_not_sent),
		cmocka_unit_test(signatures_ios_refuses),
		cmocka_unit_test(ra_without_the_request_agent_eku),
		cmocka_unit_test(only_a_signing_ra),
		cmocka_unit_test(the_same_role_twice),
		cmocka_unit_test(a_ca_without_ra),
		cmocka_unit_test(an_ra_without_key_usage_holds_both_roles),
		cmocka_unit_test(ca_expiry),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
