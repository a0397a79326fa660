/* TLS as devices see it, without a network: certificates made here with
 * libcrypto (a root, intermediates, server certificates with and without a
 * subjectAltName) are fed as the PEM chain a server sent, and the findings
 * must say what an iOS or Android device would refuse that curl accepts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diagnose.h"
#include "strbuf.h"
#include "tls_checks.h"

/* ---- certificates -------------------------------------------------------- */

typedef struct {
	X509 *x;
	EVP_PKEY *key;
} cert;

static void add_ext(X509 *x, X509V3_CTX *ctx, int nid, const char *value)
{
	X509_EXTENSION *e = X509V3_EXT_conf_nid(NULL, ctx, nid, value);
	assert_non_null(e);
	assert_true(X509_add_ext(x, e, -1));
	X509_EXTENSION_free(e);
}

/* A certificate for CN issued by ISSUER (NULL: self-signed), a CA or a
 * server's, with the subjectAltName SAN ("DNS:a,IP:b") or none. */
static cert make(const char *cn, const cert *issuer, int ca, const char *san)
{
	static long serial = 1;
	cert c = { X509_new(), EVP_EC_gen("P-256") };
	assert_non_null(c.x);
	assert_non_null(c.key);
	X509_NAME *name = X509_NAME_new();
	X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *)cn, -1, -1, 0);
	ASN1_INTEGER_set(X509_get_serialNumber(c.x), serial++);
	X509_set_version(c.x, 2);
	X509_set_subject_name(c.x, name);
	X509_set_issuer_name(c.x, issuer ? X509_get_subject_name(issuer->x) : name);
	X509_gmtime_adj(X509_getm_notBefore(c.x), -60);
	X509_gmtime_adj(X509_getm_notAfter(c.x), 86400);
	X509_set_pubkey(c.x, c.key);
	X509V3_CTX ctx;
	X509V3_set_ctx(&ctx, issuer ? issuer->x : c.x, c.x, NULL, NULL, 0);
	add_ext(c.x, &ctx, NID_basic_constraints, ca ? "critical,CA:TRUE" : "CA:FALSE");
	add_ext(c.x, &ctx, NID_subject_key_identifier, "hash");
	add_ext(c.x, &ctx, NID_authority_key_identifier, "keyid");
	if (san)
		add_ext(c.x, &ctx, NID_subject_alt_name, san);
	assert_true(X509_sign(c.x, issuer ? issuer->key : c.key, EVP_sha256()) > 0);
	X509_NAME_free(name);
	return c;
}

static void drop(cert *c)
{
	X509_free(c->x);
	EVP_PKEY_free(c->key);
}

/* The certificates, PEM, one after the other (a new string). */
static char *pem(const cert *const *certs, size_t n)
{
	BIO *b = BIO_new(BIO_s_mem());
	for (size_t i = 0; i < n; i++)
		assert_true(PEM_write_bio_X509(b, certs[i]->x));
	char *data;
	long len = BIO_get_mem_data(b, &data);
	char *s = strndup(data, (size_t)len);
	BIO_free(b);
	return s;
}

/* A CA file holding the certificates; its path is the test's to unlink. */
static char *cafile(const cert *const *certs, size_t n)
{
	char *path = strdup("/tmp/scepwiz-tls-checks-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	char *text = pem(certs, n);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	free(text);
	return path;
}

/* root → intermediate → server, the usual two-tier PKI, and a server
 * certificate the root issued directly. */
typedef struct {
	cert root, inter, leaf, direct;
	char *store_root, *store_both;
} pki;

static int setup(void **state)
{
	pki *p = calloc(1, sizeof *p);
	assert_non_null(p);
	p->root = make("Contoso Root CA", NULL, 1, NULL);
	p->inter = make("Contoso Issuing CA", &p->root, 1, NULL);
	p->leaf = make("ndes.contoso.com", &p->inter, 0, "DNS:ndes.contoso.com");
	p->direct = make("ndes.contoso.com", &p->root, 0, "DNS:ndes.contoso.com");
	p->store_root = cafile((const cert *[]){ &p->root }, 1);
	p->store_both = cafile((const cert *[]){ &p->root, &p->inter }, 2);
	*state = p;
	return 0;
}

static int teardown(void **state)
{
	pki *p = *state;
	drop(&p->root);
	drop(&p->inter);
	drop(&p->leaf);
	drop(&p->direct);
	unlink(p->store_root);
	unlink(p->store_both);
	free(p->store_root);
	free(p->store_both);
	free(p);
	return 0;
}

/* ---- helpers --------------------------------------------------------------- */

static tls_view inspect(const cert *const *sent, size_t n, const char *host, const char *store)
{
	char *chain = pem(sent, n);
	tls_view v;
	assert_int_equal(tls_inspect(chain, strlen(chain), host, store, &v), 0);
	free(chain);
	return v;
}

static finding_list checks(const cert *const *sent, size_t n, const char *host, const char *store,
			   int given)
{
	char *chain = pem(sent, n);
	finding_list l = { 0 };
	tls_checks_add(&l, &(tls_check_input){ chain, strlen(chain), host, store, given });
	free(chain);
	return l;
}

static const finding *find(const finding_list *l, const char *code)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].kind->code, code) == 0)
			return &l->v[i];
	return NULL;
}

/* ---- the name -------------------------------------------------------------- */

/* The host only in the CN: curl and OpenSSL accept it, devices don't. */
static void a_host_only_in_the_cn(void **state)
{
	pki *p = *state;
	cert c = make("ndes.contoso.com", &p->root, 0, NULL);
	tls_view v = inspect((const cert *[]){ &c }, 1, "ndes.contoso.com", p->store_root);
	assert_true(v.cn_only);
	assert_string_equal(v.cn, "ndes.contoso.com");
	tls_view_free(&v);
	assert_int_equal(X509_check_host(c.x, "ndes.contoso.com", 0, 0, NULL), 1);  /* OpenSSL: fine */

	finding_list l = checks((const cert *[]){ &c }, 1, "ndes.contoso.com", p->store_root, 1);
	const finding *f = find(&l, "tls-cn-only");
	assert_non_null(f);
	assert_int_equal(f->kind->sev, SEV_PROBLEM);
	assert_null(f->kind->section);
	assert_string_equal(f->kind->source, "tls");
	assert_non_null(strstr(f->kind->message, "subjectAltName DNS entry"));
	assert_non_null(strstr(f->detail, "ndes.contoso.com is only in the subject CN=ndes.contoso.com"));
	/* the words are a note, translated where shown; the facts stay as seen */
	assert_string_equal(f->note->code, "only-in-cn");
	assert_string_equal(f->args[0], "ndes.contoso.com");
	assert_string_equal(f->args[1], "ndes.contoso.com");
	assert_int_equal(f->nlines, 1);
	assert_string_equal(f->lines[0].text, "sent: CN=ndes.contoso.com (issued by CN=Contoso Root CA)");
	assert_int_equal(l.n, 1);       /* the root issued it: the chain is complete */
	finding_list_free(&l);
	drop(&c);
}

static void names_a_subject_alt_name_reads(void **state)
{
	pki *p = *state;
	static const struct {
		const char *cn, *san, *host;
		int cn_only;
	} cases[] = {
		{ "ndes.contoso.com", "DNS:ndes.contoso.com", "ndes.contoso.com", 0 },
		{ "ndes.contoso.com", "DNS:NDES.Contoso.com", "ndes.contoso.com", 0 },
		/* a wildcard CN is read by OpenSSL too, and ignored by devices */
		{ "*.contoso.com", NULL, "ndes.contoso.com", 1 },
		/* a subjectAltName without a DNS entry: OpenSSL still reads the CN */
		{ "ndes.contoso.com", "IP:10.0.0.5", "ndes.contoso.com", 1 },
		/* another name in the subjectAltName: a mismatch, not this finding */
		{ "ndes.contoso.com", "DNS:other.contoso.com", "ndes.contoso.com", 0 },
		/* the CN doesn't name the host either: a mismatch */
		{ "other.contoso.com", NULL, "ndes.contoso.com", 0 },
		/* an address: curl compares the CN when there is no subjectAltName */
		{ "10.0.0.5", NULL, "10.0.0.5", 1 },
		{ "10.0.0.5", "IP:10.0.0.5", "10.0.0.5", 0 },
		{ "10.0.0.5", "DNS:ndes.contoso.com", "10.0.0.5", 0 },
		{ "10.0.0.6", NULL, "10.0.0.5", 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		cert c = make(cases[i].cn, &p->root, 0, cases[i].san);
		tls_view v = inspect((const cert *[]){ &c }, 1, cases[i].host, p->store_root);
		if (v.cn_only != cases[i].cn_only)
			fail_msg("case %zu: CN %s, SAN %s, host %s: cn_only %d", i, cases[i].cn,
				 cases[i].san ? cases[i].san : "none", cases[i].host, v.cn_only);
		tls_view_free(&v);
		drop(&c);
	}
}

/* ---- the chain -------------------------------------------------------------- */

static void an_intermediate_only_this_computer_holds(void **state)
{
	pki *p = *state;
	/* curl verifies it: the CA file holds the intermediate */
	tls_view v = inspect((const cert *[]){ &p->leaf }, 1, "ndes.contoso.com", p->store_both);
	assert_int_equal(v.chain, TLS_CHAIN_FROM_STORE);
	assert_string_equal(v.missing, "CN=Contoso Issuing CA");
	assert_false(v.cn_only);
	tls_view_free(&v);

	finding_list l = checks((const cert *[]){ &p->leaf }, 1, "ndes.contoso.com", p->store_both, 1);
	const finding *f = find(&l, "tls-chain-incomplete");
	assert_non_null(f);
	assert_int_equal(f->kind->sev, SEV_WARNING);
	assert_non_null(strstr(f->kind->message, "Android"));
	assert_non_null(strstr(f->detail, "not sent: CN=Contoso Issuing CA; only "));
	assert_non_null(strstr(f->detail, p->store_both));
	assert_string_equal(f->note->code, "intermediate-in-ca-file");
	assert_string_equal(f->args[0], "CN=Contoso Issuing CA");
	assert_string_equal(f->lines[0].text,
			    "sent: CN=ndes.contoso.com (issued by CN=Contoso Issuing CA)");
	assert_int_equal(l.n, 1);
	finding_list_free(&l);
	/* the system store as well: whoever holds it, devices don't */
	l = checks((const cert *[]){ &p->leaf }, 1, "ndes.contoso.com", p->store_both, 0);
	assert_non_null(find(&l, "tls-chain-incomplete"));
	finding_list_free(&l);
}

static void complete_chains_pass(void **state)
{
	pki *p = *state;
	static const char *const host = "ndes.contoso.com";
	const struct {
		const cert *sent[3];
		size_t n;
		const char *store;
	} cases[] = {
		{ { &p->leaf, &p->inter }, 2, p->store_both },
		{ { &p->leaf, &p->inter }, 2, p->store_root },
		{ { &p->leaf, &p->inter, &p->root }, 3, p->store_root },
		/* sent in another order: still sent */
		{ { &p->leaf, &p->root, &p->inter }, 3, p->store_root },
		/* the root issued it: nothing between to send */
		{ { &p->direct }, 1, p->store_root },
		{ { &p->direct }, 1, p->store_both },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		tls_view v = inspect(cases[i].sent, cases[i].n, host, cases[i].store);
		if (v.chain != TLS_CHAIN_SENT)
			fail_msg("case %zu: chain %d", i, v.chain);
		assert_int_equal(v.nsent, cases[i].n);
		tls_view_free(&v);
		finding_list l = checks(cases[i].sent, cases[i].n, host, cases[i].store, 1);
		assert_int_equal(l.n, 0);
		finding_list_free(&l);
	}
}

/* The issuer is nowhere: an intermediate the server didn't send, or a root
 * this computer doesn't trust. Against --cacert (the root devices trust)
 * it is the intermediate; the system store can't tell. */
static void an_issuer_nowhere_to_be_found(void **state)
{
	pki *p = *state;
	tls_view v = inspect((const cert *[]){ &p->leaf }, 1, "ndes.contoso.com", p->store_root);
	assert_int_equal(v.chain, TLS_CHAIN_NO_ISSUER);
	assert_string_equal(v.missing, "CN=Contoso Issuing CA");
	tls_view_free(&v);
	finding_list l = checks((const cert *[]){ &p->leaf }, 1, "ndes.contoso.com", p->store_root, 1);
	const finding *f = find(&l, "tls-chain-incomplete");
	assert_non_null(f);
	assert_non_null(strstr(f->detail, "the issuer of the server's certificate"));
	assert_non_null(strstr(f->detail, "doesn't hold it either"));
	assert_string_equal(f->note->code, "issuer-not-found");
	finding_list_free(&l);
	l = checks((const cert *[]){ &p->leaf }, 1, "ndes.contoso.com", p->store_root, 0);
	assert_int_equal(l.n, 0);
	finding_list_free(&l);
	/* past the intermediates sent, a missing root is the store's business */
	v = inspect((const cert *[]){ &p->leaf, &p->inter }, 2, "ndes.contoso.com", p->store_both);
	assert_int_equal(v.chain, TLS_CHAIN_SENT);
	tls_view_free(&v);
}

static void a_deeper_intermediate_not_sent(void **state)
{
	pki *p = *state;
	cert policy = make("Contoso Policy CA", &p->root, 1, NULL);
	cert issuing = make("Contoso Issuing CA 2", &policy, 1, NULL);
	cert leaf = make("ndes.contoso.com", &issuing, 0, "DNS:ndes.contoso.com");
	char *store = cafile((const cert *[]){ &p->root, &policy }, 2);
	tls_view v = inspect((const cert *[]){ &leaf, &issuing }, 2, "ndes.contoso.com", store);
	assert_int_equal(v.chain, TLS_CHAIN_FROM_STORE);
	assert_string_equal(v.missing, "CN=Contoso Policy CA");
	tls_view_free(&v);
	v = inspect((const cert *[]){ &leaf, &issuing, &policy }, 3, "ndes.contoso.com", store);
	assert_int_equal(v.chain, TLS_CHAIN_SENT);
	tls_view_free(&v);
	unlink(store);
	free(store);
	drop(&leaf);
	drop(&issuing);
	drop(&policy);
}

static void nothing_to_judge(void **state)
{
	pki *p = *state;
	/* no CA file: the name is still read, the chain isn't judged */
	cert c = make("ndes.contoso.com", &p->inter, 0, NULL);
	tls_view v = inspect((const cert *[]){ &c }, 1, "ndes.contoso.com", NULL);
	assert_int_equal(v.chain, TLS_CHAIN_UNKNOWN);
	assert_true(v.cn_only);
	tls_view_free(&v);
	/* a self-signed server certificate has no intermediate to send */
	cert self = make("ndes.contoso.com", NULL, 0, "DNS:ndes.contoso.com");
	v = inspect((const cert *[]){ &self }, 1, "ndes.contoso.com", p->store_root);
	assert_int_equal(v.chain, TLS_CHAIN_SENT);
	tls_view_free(&v);
	/* no chain at all */
	assert_int_equal(tls_inspect("garbage", 7, "ndes.contoso.com", p->store_root, &v), -1);
	tls_view_free(&v);
	finding_list l = { 0 };
	tls_checks_add(&l, &(tls_check_input){ NULL, 0, "ndes.contoso.com", p->store_root, 1 });
	tls_checks_add(&l, &(tls_check_input){ "x", 1, "ndes.contoso.com", p->store_root, 1 });
	assert_int_equal(l.n, 0);
	drop(&c);
	drop(&self);
}

/* ---- the application proxy --------------------------------------------------- */

static void the_application_proxy_gets_its_own_advice(void **state)
{
	pki *p = *state;
	const char *host = "ndes-contoso.MSAPPPROXY.net";
	cert c = make("ndes-contoso.msappproxy.net", &p->inter, 0, NULL);
	finding_list l = checks((const cert *[]){ &c }, 1, host, p->store_both, 1);
	assert_null(find(&l, "tls-cn-only"));
	assert_null(find(&l, "tls-chain-incomplete"));
	assert_int_equal(l.n, 2);       /* the CN and the chain, both the proxy's */
	for (size_t i = 0; i < l.n; i++) {
		assert_string_equal(l.v[i].kind->code, "tls-app-proxy");
		assert_string_equal(l.v[i].kind->section, "this-page-cant-be-displayed");
		assert_int_equal(l.v[i].kind->sev, SEV_PROBLEM);
		assert_null(strstr(l.v[i].kind->message, "IIS"));
	}
	assert_non_null(strstr(l.v[0].detail, "is only in the subject CN"));
	assert_non_null(strstr(l.v[1].detail, "not sent: CN=Contoso Issuing CA"));
	finding_list_free(&l);
	/* a host that only contains the name is not the proxy's */
	cert other = make("msappproxy.net.example.com", &p->root, 0, NULL);
	l = checks((const cert *[]){ &other }, 1, "msappproxy.net.example.com", p->store_root, 1);
	assert_non_null(find(&l, "tls-cn-only"));
	finding_list_free(&l);
	drop(&c);
	drop(&other);
}

/* ---- hostile bytes ------------------------------------------------------------ */

static void printable(const char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			fail_msg("unprintable byte 0x%02x", (unsigned char)*s);
}

static void what_the_server_sent_is_escaped(void **state)
{
	pki *p = *state;
	const char *evil = "ndes\x1b]0;owned\x07.contoso.com";
	cert inter = make("Evil \x1b[2J CA", &p->root, 1, NULL);
	cert c = make(evil, &inter, 0, NULL);
	char *store = cafile((const cert *[]){ &p->root, &inter }, 2);
	finding_list l = checks((const cert *[]){ &c }, 1, evil, store, 1);
	assert_int_equal(l.n, 2);
	for (size_t i = 0; i < l.n; i++) {
		printable(l.v[i].detail);
		for (size_t k = 0; k < l.v[i].nlines; k++)
			printable(l.v[i].lines[k].text);
	}
	assert_non_null(strstr(find(&l, "tls-cn-only")->detail, "ndes\\x1b]0;owned\\x07.contoso.com"));
	finding_list_free(&l);
	unlink(store);
	free(store);
	drop(&c);
	drop(&inter);
}

/* ---- through diagnose --------------------------------------------------------- */

/* diagnose() reads the chain probe kept, with or without --insecure. */
static void diagnose_reads_the_chain(void **state)
{
	pki *p = *state;
	char *chain = pem((const cert *[]){ &p->leaf }, 1);
	probe_result r[REQ_COUNT] = { 0 };
	for (size_t i = 0; i < REQ_COUNT; i++) {
		r[i] = (probe_result){ .url = "https://ndes.contoso.com/certsrv/mscep/mscep.dll",
				       .end = PROBE_ANSWERED, .status = 403, .tls = 1,
				       .status_line = "HTTP/1.1 403 Forbidden" };
	}
	r[REQ_URL].chain = chain;
	r[REQ_URL].chain_len = strlen(chain);
	diagnose_input in = { .r = { &r[0], &r[1], &r[2], &r[3] }, .cacert_file = p->store_both,
			      .trust_file = p->store_both, .host = "ndes.contoso.com",
			      .now = 1893456000 };
	for (int insecure = 0; insecure < 2; insecure++) {
		in.insecure = insecure;
		check_report rep = { 0 };
		diagnose(&in, &rep);
		const finding *f = find(&rep.findings, "tls-chain-incomplete");
		assert_non_null(f);
		assert_non_null(find(&rep.findings, insecure ? "tls-not-verified" : "tls-verified"));
		check_report_free(&rep);
	}
	free(chain);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_host_only_in_the_cn),
		cmocka_unit_test(names_a_subject_alt_name_reads),
		cmocka_unit_test(an_intermediate_only_this_computer_holds),
		cmocka_unit_test(complete_chains_pass),
		cmocka_unit_test(an_issuer_nowhere_to_be_found),
		cmocka_unit_test(a_deeper_intermediate_not_sent),
		cmocka_unit_test(nothing_to_judge),
		cmocka_unit_test(the_application_proxy_gets_its_own_advice),
		cmocka_unit_test(what_the_server_sent_is_escaped),
		cmocka_unit_test(diagnose_reads_the_chain),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
