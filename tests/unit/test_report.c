/* The two reports of `scepwiz check`: the YAML reads back with the schema
 * README.md promises, and the text names sections with their titles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "yamldoc.h"

static check_report sample(void)
{
	check_report rep = { .url = strdup("http://ndes/certsrv/mscep/mscep.dll"),
			     .outcome = "http-error-503", .checked_at = 1893456000,
			     .have_caps = 1, .caps = { .caps = SCEP_CAP_SHA256 | SCEP_CAP_AES } };
	finding *f = finding_add(&rep.findings, finding_builtin(FK_STATUS_503),
				 strdup("HTTP/1.1 503 Service Unavailable"));
	assert_non_null(f);
	finding_add_line(f, NULL, 0, "GET http://ndes/certsrv/mscep/mscep.dll", 39);
	finding_add_line(f, NULL, 0, "Server: Microsoft-HTTPAPI/2.0", 29);
	assert_non_null(finding_add(&rep.findings, finding_builtin(FK_NO_TLS), NULL));
	/* details that a YAML reader would take for a number or a boolean */
	f = finding_add(&rep.findings, finding_builtin(FK_CAPS), strdup("404"));
	assert_non_null(f);
	finding_add_line(f, NULL, 0, "yes", 3);
	rep.certs.certs = calloc(1, sizeof *rep.certs.certs);
	assert_non_null(rep.certs.certs);
	rep.certs.ncerts = 1;
	scep_cert *c = rep.certs.certs;
	c->subject = strdup("CN=NDES01-MSCEP-RA");
	c->issuer = strdup("CN=Contoso Issuing CA");
	c->serial = strdup("1234");
	c->not_before = 1893456000;
	c->not_after = 1893456000 + 365 * 86400;
	c->key_usage[c->nku++] = "digitalSignature";
	c->eku[c->neku++] = strdup("Certificate Request Agent (1.3.6.1.4.1.311.20.2.1)");
	strcpy(c->sha256, "AB:CD");
	strcpy(c->sig_alg, "sha1WithRSAEncryption");
	return rep;
}

static char *render(const check_report *rep, int yaml, const tree_set *set)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	if (yaml)
		assert_int_equal(report_yaml_write(rep, f), 0);
	else
		report_text_write(rep, set, f);
	fclose(f);
	return buf;
}

static const yd_node *item(const yd_node *seq, size_t i)
{
	assert_int_equal(seq->kind, YD_SEQ);
	assert_true(i < seq->n);
	return seq->items[i];
}

static void scalar_is(const yd_node *map, const char *key, const char *want, int quoted)
{
	const yd_node *v = yd_get(map, key);
	assert_non_null(v);
	assert_int_equal(v->kind, YD_SCALAR);
	assert_string_equal(v->str, want);
	assert_int_equal(v->quoted, quoted);
}

static void yaml_reads_back(void **state)
{
	(void)state;
	check_report rep = sample();
	char *out = render(&rep, 1, NULL);
	yd_error err;
	yd_node *doc = yd_parse(out, strlen(out), &err);
	if (doc == NULL)
		fail_msg("%u:%u: %s\n%s", err.line, err.col, err.msg, out);
	scalar_is(doc, "version", "2", 0);
	scalar_is(doc, "outcome", "http-error-503", 0);
	scalar_is(doc, "insecure", "false", 0);
	scalar_is(doc, "problems", "1", 0);
	scalar_is(doc, "checked_at", "2030-01-01T00:00:00Z", 1);
	const yd_node *findings = yd_get(doc, "findings");
	const yd_node *first = item(findings, 0);
	scalar_is(first, "section", "http-error-503", 0);
	scalar_is(first, "severity", "problem", 0);
	scalar_is(first, "source", "url", 0);
	scalar_is(first, "code", "status-503", 0);
	assert_string_equal(item(yd_get(first, "evidence"), 1)->str, "Server: Microsoft-HTTPAPI/2.0");
	/* no section is null, not a string */
	scalar_is(item(findings, 1), "section", "null", 0);
	scalar_is(item(findings, 1), "detail", "null", 0);
	assert_int_equal(yd_get(item(findings, 1), "evidence")->n, 0);
	/* strings stay strings */
	scalar_is(item(findings, 2), "detail", "404", 1);
	assert_true(item(yd_get(item(findings, 2), "evidence"), 0)->quoted);
	const yd_node *caps = yd_get(doc, "capabilities");
	assert_int_equal(caps->n, 2);
	assert_string_equal(item(caps, 0)->str, "AES");
	const yd_node *cert = item(yd_get(doc, "certificates"), 0);
	scalar_is(cert, "role", "ra", 0);
	scalar_is(cert, "serial", "1234", 1);
	scalar_is(cert, "not_after", "2031-01-01T00:00:00Z", 1);
	assert_string_equal(item(yd_get(cert, "extended_key_usage"), 0)->str,
			    "Certificate Request Agent (1.3.6.1.4.1.311.20.2.1)");
	/* what a script needs to tell the RA pair and an iOS-refused signature */
	assert_int_equal(yd_get(cert, "ra_roles")->n, 1);
	assert_string_equal(item(yd_get(cert, "ra_roles"), 0)->str, "signing");
	scalar_is(cert, "signature", "sha1WithRSAEncryption", 0);
	yd_free(doc);
	free(out);
	check_report_free(&rep);
}

/* Any byte string is written as valid YAML: bad UTF-8 and control bytes
 * are escaped, and the document reads back whole. */
static void any_bytes_are_valid_yaml(void **state)
{
	(void)state;
	check_report rep = { .url = strdup("http://ndes/\xc3("), .outcome = "ok" };
	finding *f = finding_add(&rep.findings, finding_builtin(FK_TLS_VERIFIED), strdup("/tmp/\xff\xfe\x1b[2Jca.pem"));
	assert_non_null(f);
	char *out = render(&rep, 1, NULL);
	yd_error err;
	yd_node *doc = yd_parse(out, strlen(out), &err);
	if (doc == NULL)
		fail_msg("%u:%u: %s\n%s", err.line, err.col, err.msg, out);
	scalar_is(doc, "url", "http://ndes/\\xc3(", 0);
	const yd_node *first = item(yd_get(doc, "findings"), 0);
	assert_string_equal(yd_get(first, "detail")->str, "/tmp/\\xff\\xfe\\x1b[2Jca.pem");
	/* what was written whole is still written as it was */
	assert_non_null(strstr(out, "summary: the server's certificate is valid and trusted"));
	yd_free(doc);
	free(out);
	check_report_free(&rep);
}

static void text_names_sections_with_titles(void **state)
{
	(void)state;
	check_report rep = sample();
	tree_set set = { 0 };
	assert_int_equal(tree_set_add_dir(&set, SRCDIR "/decision-trees", stderr), 0);
	assert_int_equal(tree_set_resolve(&set, stderr), 0);
	char *out = render(&rep, 0, &set);
	assert_non_null(strstr(out, "[PROBLEM] HTTP 503: the service is unavailable "
				    "(HTTP/1.1 503 Service Unavailable)\n"));
	assert_non_null(strstr(out, "see section http-error-503: HTTP Error 503\n"));
	assert_non_null(strstr(out, "      Server: Microsoft-HTTPAPI/2.0\n"));
	assert_non_null(strstr(out, "  1. RA  CN=NDES01-MSCEP-RA\n"));
	assert_non_null(strstr(out, "start with section http-error-503 (HTTP Error 503)"));
	free(out);
	/* without the trees, the anchor alone */
	out = render(&rep, 0, NULL);
	assert_non_null(strstr(out, "see section http-error-503\n"));
	free(out);
	tree_set_clear(&set);
	check_report_free(&rep);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(yaml_reads_back),
		cmocka_unit_test(any_bytes_are_valid_yaml),
		cmocka_unit_test(text_names_sections_with_titles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
