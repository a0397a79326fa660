/* TLS as devices see it: the name in the subjectAltName, and the chain the
 * server sends, judged from the PEM chain curl kept. */
#include <config.h>

#include "tls_checks.h"
#include "trust.h"
#include "strbuf.h"

#include <limits.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Past this many issuers the chain is a loop, or no real chain. */
#define MAX_DEPTH 10

/* ---- reading --------------------------------------------------------------- */

static STACK_OF(X509) *read_chain(const char *pem, size_t len)
{
	STACK_OF(X509) *all = sk_X509_new_null();
	BIO *b = pem && len <= INT_MAX ? BIO_new_mem_buf(pem, (int)len) : NULL;
	X509 *x;
	while (b && all && (x = PEM_read_bio_X509(b, NULL, NULL, NULL)) != NULL)
		if (!sk_X509_push(all, x))
			X509_free(x);
	ERR_clear_error();
	BIO_free(b);
	return all;
}

/* Every certificate of CAFILE, as OpenSSL loads a CA file; NULL when none. */
static STACK_OF(X509) *read_store(const char *cafile)
{
	X509_STORE *store = X509_STORE_new();
	STACK_OF(X509) *all = NULL;
	if (store && cafile && X509_STORE_load_file(store, cafile) == 1)
		all = X509_STORE_get1_all_certs(store);
	ERR_clear_error();
	X509_STORE_free(store);
	return all;
}

static char *name_text(const X509_NAME *name)
{
	BIO *b = BIO_new(BIO_s_mem());
	char *data = NULL, *s = NULL;
	/* RFC 2253 escapes control and non-ASCII bytes itself. */
	if (b && X509_NAME_print_ex(b, name, 0, XN_FLAG_RFC2253) >= 0) {
		long n = BIO_get_mem_data(b, &data);
		s = untrusted_text(data, n > 0 ? (size_t)n : 0, 300);
	}
	BIO_free(b);
	return s;
}

static char *cert_line(X509 *x)
{
	char *subject = name_text(X509_get_subject_name(x));
	char *issuer = name_text(X509_get_issuer_name(x));
	strbuf b = { 0 };
	sb_addf(&b, "%s (issued by %s)", subject ? subject : "?", issuer ? issuer : "?");
	free(subject);
	free(issuer);
	return sb_take(&b);
}

/* ---- the name -------------------------------------------------------------- */

/* The last CN of the subject, the one clients read, printable; NULL if none. */
static char *subject_cn(X509 *x, const unsigned char **raw, int *rawlen)
{
	X509_NAME *name = X509_get_subject_name(x);
	int i = -1, last = -1;
	while ((i = X509_NAME_get_index_by_NID(name, NID_commonName, i)) >= 0)
		last = i;
	if (last < 0)
		return NULL;
	ASN1_STRING *s = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, last));
	*raw = ASN1_STRING_get0_data(s);
	*rawlen = ASN1_STRING_length(s);
	return untrusted_text(*raw, (size_t)*rawlen, 200);
}

/* HOST is in the subject CN and in no subjectAltName entry. For a DNS name,
 * OpenSSL reads the CN only when no DNS entry exists; for an address it
 * never does, but curl compares the CN when there is no subjectAltName. */
static int named_only_in_cn(X509 *leaf, const char *host, char **cn)
{
	const unsigned char *raw = NULL;
	int rawlen = 0;
	*cn = subject_cn(leaf, &raw, &rawlen);
	if (*cn == NULL)
		return 0;
	if (!trust_is_ip(host))
		return X509_check_host(leaf, host, 0, 0, NULL) == 1 &&
		       X509_check_host(leaf, host, 0, X509_CHECK_FLAG_NEVER_CHECK_SUBJECT, NULL) != 1;
	int has_san = X509_get_ext_by_NID(leaf, NID_subject_alt_name, -1) >= 0;
	return !has_san && (size_t)rawlen == strlen(host) &&
	       strncasecmp((const char *)raw, host, (size_t)rawlen) == 0;
}

/* ---- the chain ------------------------------------------------------------- */

static int self_signed(X509 *x)
{
	return X509_check_issued(x, x) == X509_V_OK;
}

/* A certificate of S that issued X (by name and key identifier), other than
 * X; with ROOT, one that is self-signed is preferred and *ROOT says so. */
static X509 *issuer_in(STACK_OF(X509) *s, X509 *x, int *root)
{
	X509 *found = NULL;
	for (int i = 0; s && i < sk_X509_num(s); i++) {
		X509 *c = sk_X509_value(s, i);
		if (c == x || X509_check_issued(c, x) != X509_V_OK)
			continue;
		if (root && self_signed(c)) {
			*root = 1;
			return c;
		}
		if (found == NULL)
			found = c;
	}
	return found;
}

/* From the leaf up: each issuer should be among the certificates sent,
 * until one is a root (self-signed) or the CA file's root issued it. */
static tls_chain walk(X509 *leaf, STACK_OF(X509) *sent, STACK_OF(X509) *store, tls_view *v)
{
	X509 *cur = leaf;
	for (int depth = 0; depth < MAX_DEPTH && !self_signed(cur); depth++) {
		X509 *up = issuer_in(sent, cur, NULL);
		if (up) {
			cur = up;
			continue;
		}
		int root = 0;
		up = issuer_in(store, cur, &root);
		if (up == NULL && cur == leaf) {
			v->missing = name_text(X509_get_issuer_name(leaf));
			return TLS_CHAIN_NO_ISSUER;
		}
		if (up == NULL || root)
			return TLS_CHAIN_SENT;  /* past the intermediates sent, only the store knows */
		v->missing = name_text(X509_get_subject_name(up));
		return TLS_CHAIN_FROM_STORE;
	}
	return TLS_CHAIN_SENT;
}

int tls_inspect(const char *pem, size_t len, const char *host, const char *cafile, tls_view *v)
{
	*v = (tls_view){ .chain = TLS_CHAIN_UNKNOWN };
	STACK_OF(X509) *sent = read_chain(pem, len);
	if (sent == NULL || sk_X509_num(sent) == 0) {
		sk_X509_free(sent);
		return -1;
	}
	X509 *leaf = sk_X509_value(sent, 0);
	v->sent = calloc((size_t)sk_X509_num(sent), sizeof *v->sent);
	for (int i = 0; v->sent && i < sk_X509_num(sent); i++)
		if ((v->sent[v->nsent] = cert_line(sk_X509_value(sent, i))) != NULL)
			v->nsent++;
	if (host && *host)
		v->cn_only = named_only_in_cn(leaf, host, &v->cn);
	STACK_OF(X509) *store = read_store(cafile);
	if (store)
		v->chain = walk(leaf, sent, store, v);
	sk_X509_pop_free(store, X509_free);
	sk_X509_pop_free(sent, X509_free);
	return 0;
}

void tls_view_free(tls_view *v)
{
	free(v->cn);
	free(v->missing);
	for (size_t i = 0; i < v->nsent; i++)
		free(v->sent[i]);
	free(v->sent);
	*v = (tls_view){ 0 };
}

/* ---- the findings ---------------------------------------------------------- */

static int app_proxy_host(const char *host)
{
	static const char suffix[] = ".msappproxy.net";
	size_t n = host ? strlen(host) : 0, k = sizeof suffix - 1;
	return n > k && strcasecmp(host + n - k, suffix) == 0;
}

/* A finding of kind ID whose detail is NOTE around FACTS, shown with the
 * certificates the server sent. */
static void add(finding_list *l, finding_kind_id id, finding_note_id note,
		const char *const *facts, const tls_view *v)
{
	finding *f = finding_add_note(l, finding_builtin(id), finding_note_builtin(note), facts);
	for (size_t i = 0; f && i < v->nsent; i++) {
		strbuf b = { 0 };
		sb_addf(&b, "sent: %s", v->sent[i]);
		char *line = sb_take(&b);
		if (line)
			finding_add_line(f, NULL, 0, line, strlen(line));
		free(line);
	}
}

void tls_checks_add(finding_list *l, const tls_check_input *in)
{
	tls_view v;
	if (in->pem == NULL || tls_inspect(in->pem, in->len, in->host, in->cafile, &v) != 0)
		return;
	int proxy = app_proxy_host(in->host);
	const char *missing = v.missing ? v.missing : "?", *cafile = in->cafile ? in->cafile : "?";
	if (v.cn_only)
		add(l, proxy ? FK_TLS_APP_PROXY : FK_TLS_CN_ONLY, FN_ONLY_IN_CN,
		    (const char *[]){ in->host, v.cn ? v.cn : "?", NULL }, &v);
	if (v.chain == TLS_CHAIN_FROM_STORE)
		add(l, proxy ? FK_TLS_APP_PROXY : FK_TLS_CHAIN_INCOMPLETE, FN_INTERMEDIATE_IN_CA_FILE,
		    (const char *[]){ missing, cafile, NULL }, &v);
	else if (v.chain == TLS_CHAIN_NO_ISSUER && in->cacert_given)
		add(l, proxy ? FK_TLS_APP_PROXY : FK_TLS_CHAIN_INCOMPLETE, FN_ISSUER_NOT_FOUND,
		    (const char *[]){ missing, cafile, NULL }, &v);
	tls_view_free(&v);
}
