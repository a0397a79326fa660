/* TLS trust checked with libcrypto: a --cacert file, and a chain verified
 * as curl would, for the report of --insecure. */
#include <config.h>

#include "trust.h"

#include <errno.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <sys/stat.h>

trust_file trust_file_check(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return TRUST_FILE_MISSING;
	if (!S_ISREG(st.st_mode))
		return TRUST_FILE_UNUSABLE;     /* a directory, a device, a FIFO: never opened */
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return TRUST_FILE_MISSING;
	X509 *x = PEM_read_X509(f, NULL, NULL, NULL);
	fclose(f);
	ERR_clear_error();
	if (x == NULL)
		return TRUST_FILE_UNUSABLE;
	X509_free(x);
	return TRUST_FILE_OK;
}

int trust_is_ip(const char *host)
{
	ASN1_OCTET_STRING *ip = a2i_IPADDRESS(host);
	if (ip == NULL)
		return 0;
	ASN1_OCTET_STRING_free(ip);
	return 1;
}

long trust_verify(const char *pem, size_t len, const char *host, const char *cafile)
{
	long result = -1;
	BIO *b = BIO_new_mem_buf(pem, (int)len);
	X509 *leaf = b ? PEM_read_bio_X509(b, NULL, NULL, NULL) : NULL;
	STACK_OF(X509) *sent = sk_X509_new_null();
	X509_STORE *store = X509_STORE_new();
	X509_STORE_CTX *ctx = X509_STORE_CTX_new();
	X509 *x;
	while (b && sent && (x = PEM_read_bio_X509(b, NULL, NULL, NULL)) != NULL)
		if (!sk_X509_push(sent, x))
			X509_free(x);
	ERR_clear_error();
	if (leaf && sent && store && ctx && cafile && X509_STORE_load_file(store, cafile) == 1 &&
	    X509_STORE_CTX_init(ctx, store, leaf, sent) == 1) {
		X509_VERIFY_PARAM *p = X509_STORE_CTX_get0_param(ctx);
		if (host && trust_is_ip(host))
			X509_VERIFY_PARAM_set1_ip_asc(p, host);
		else if (host)
			X509_VERIFY_PARAM_set1_host(p, host, 0);
		result = X509_verify_cert(ctx) == 1 ? X509_V_OK : X509_STORE_CTX_get_error(ctx);
	} else if (leaf && cafile) {
		result = X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY;    /* no store to load */
	}
	ERR_clear_error();
	X509_STORE_CTX_free(ctx);
	X509_STORE_free(store);
	sk_X509_pop_free(sent, X509_free);
	X509_free(leaf);
	BIO_free(b);
	return result;
}
