/* The classifier: each request's result becomes findings that point to the
 * sections of "Test and troubleshoot the SCEP server URL" in
 * troubleshoot-scep-certificate-device-to-ndes. */
#include <config.h>

#include "diagnose.h"
#include "strbuf.h"

#include <errno.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The article's sections (the check node's outcomes) and the node for
 * answers the article doesn't list. */
#define SEC_NDES_PAGE "general-ndes-message"
#define SEC_503 "http-error-503"
#define SEC_GATEWAY "gatewaytimeout"
#define SEC_414 "http-414-request-uri-too-long"
#define SEC_NO_PAGE "this-page-cant-be-displayed"
#define SEC_500 "internal-server-error"
#define SEC_OTHER "less-common-status-codes"

/* What a finding says before its detail and evidence are added. */
typedef struct {
	const char *code, *section;
	severity sev;
} verdict;

static finding *add(check_report *rep, const char *check, verdict v, char *detail, char *evidence)
{
	finding *f = realloc(rep->findings, (rep->nfindings + 1) * sizeof *f);
	if (f == NULL) {
		free(detail);
		free(evidence);
		return NULL;
	}
	rep->findings = f;
	f += rep->nfindings++;
	*f = (finding){ .code = v.code, .section = v.section, .sev = v.sev, .detail = detail,
			.evidence = evidence, .check = check };
	return f;
}

/* ---- reading an answer ---------------------------------------------------- */

static int body_has(const probe_result *r, const char *text)
{
	size_t n = strlen(text);
	for (size_t i = 0; r->body && n <= r->body_len && i <= r->body_len - n; i++)
		if (strncasecmp((const char *)r->body + i, text, n) == 0)
			return 1;
	return 0;
}

/* The text of an HTML page's <title>, as evidence of what answered. */
static void add_page_title(strbuf *b, const probe_result *r)
{
	const char *body = (const char *)r->body;
	size_t i, start = 0;
	for (i = 0; body && i + 7 <= r->body_len; i++)
		if (strncasecmp(body + i, "<title>", 7) == 0) {
			start = i + 7;
			break;
		}
	for (i = start; start && i + 8 <= r->body_len; i++)
		if (strncasecmp(body + i, "</title>", 8) == 0) {
			sb_add(b, "page title: ");
			sb_add_untrusted(b, body + start, i - start, 120);
			sb_add(b, "\n");
			return;
		}
}

static void add_lines(strbuf *b, const char *text)
{
	while (text && *text) {
		size_t n = strcspn(text, "\n");
		sb_add_untrusted(b, text, n, 300);
		sb_add(b, "\n");
		text += n + (text[n] == '\n');
	}
}

static int is_https(const probe_result *r)
{
	return r->tls || (r->url && strncasecmp(r->url, "https:", 6) == 0);
}

static char *request_evidence(const probe_result *r, const diagnose_input *in)
{
	strbuf b = { 0 };
	sb_add(&b, "GET ");
	if (r->url)
		sb_add_untrusted(&b, r->url, strlen(r->url), 160);
	sb_add(&b, "\n");
	add_lines(&b, r->status_line);
	add_lines(&b, r->headers);
	if (r->body_len)
		sb_addf(&b, "body: %zu bytes\n", r->body_len);
	add_page_title(&b, r);
	if (r->error) {
		sb_add(&b, "curl: ");
		sb_add_untrusted(&b, r->error, strlen(r->error), 300);
		sb_addf(&b, " (error %d)\n", r->curl_code);
	}
	if (r->os_errno)
		sb_addf(&b, "system: %s (errno %ld)\n", strerror((int)r->os_errno), r->os_errno);
	if (r->redirects > 0) {
		sb_addf(&b, "redirects: %ld, to ", r->redirects);
		add_lines(&b, r->final_url);
	}
	if (r->verify_result != X509_V_OK && r->verify_result != X509_V_ERR_UNSPECIFIED && is_https(r))
		sb_addf(&b, "certificate verify result: %ld (%s)\n", r->verify_result,
			X509_verify_cert_error_string(r->verify_result));
	if (is_https(r) && (r->end == PROBE_TLS_VERIFY || r->end == PROBE_TLS_HANDSHAKE))
		sb_addf(&b, "trusted CAs: %s\n", in->cacert_file ? in->cacert_file : "the system store");
	if (r->ip && *r->ip)
		sb_addf(&b, "server: %s port %ld, %.3f s\n", r->ip, r->port, r->seconds);
	return sb_take(&b);
}

static char *untrusted_detail(const char *s)
{
	return s ? untrusted_text(s, strlen(s), 200) : NULL;
}

/* ---- the verdicts ---------------------------------------------------------- */

static verdict tls_verdict(const probe_result *r)
{
	switch (r->verify_result) {
	case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
	case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
	case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
	case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
	case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
		return (verdict){ "tls-unknown-issuer", SEC_NO_PAGE, SEV_PROBLEM };
	case X509_V_ERR_CERT_HAS_EXPIRED:
		return (verdict){ "tls-expired", SEC_NO_PAGE, SEV_PROBLEM };
	case X509_V_ERR_CERT_NOT_YET_VALID:
		return (verdict){ "tls-not-yet-valid", SEC_NO_PAGE, SEV_PROBLEM };
	case X509_V_ERR_HOSTNAME_MISMATCH:
	case X509_V_ERR_IP_ADDRESS_MISMATCH:
		return (verdict){ "tls-name-mismatch", SEC_NO_PAGE, SEV_PROBLEM };
	case X509_V_OK:
	case X509_V_ERR_UNSPECIFIED:
		/* curl checks the name itself, once the chain passed, and then
		 * leaves the verify result unset: only its words tell. */
		if (r->error && strstr(r->error, "host name"))
			return (verdict){ "tls-name-mismatch", SEC_NO_PAGE, SEV_PROBLEM };
		break;
	}
	return (verdict){ "tls-verify", SEC_NO_PAGE, SEV_PROBLEM };
}

/* A request that got no HTTP answer. What a browser shows for all but the
 * last few is "This page can't be displayed". */
static verdict transport_verdict(const probe_result *r)
{
	switch (r->end) {
	case PROBE_DNS: return (verdict){ "dns", SEC_NO_PAGE, SEV_PROBLEM };
	case PROBE_CONNECT:
		if (r->os_errno == ECONNREFUSED)
			return (verdict){ "connect-refused", SEC_NO_PAGE, SEV_PROBLEM };
		return (verdict){ "connect", SEC_NO_PAGE, SEV_PROBLEM };
	case PROBE_TIMEOUT: return (verdict){ "timeout", SEC_NO_PAGE, SEV_PROBLEM };
	case PROBE_TLS_HANDSHAKE: return (verdict){ "tls-handshake", SEC_NO_PAGE, SEV_PROBLEM };
	case PROBE_TLS_VERIFY: return tls_verdict(r);
	case PROBE_TOO_BIG: return (verdict){ "too-big", SEC_OTHER, SEV_PROBLEM };
	case PROBE_REDIRECTS: return (verdict){ "redirects", SEC_OTHER, SEV_PROBLEM };
	case PROBE_PROXY: return (verdict){ "proxy", NULL, SEV_PROBLEM };
	case PROBE_ANSWERED:
	case PROBE_FAILED: break;
	}
	return (verdict){ "transfer-failed", SEC_OTHER, SEV_PROBLEM };
}

/* An HTTP answer that is not the one the check hoped for. BARE_URL: the
 * SCEP server URL itself, where 403 is the healthy answer. */
static verdict status_verdict(const probe_result *r, int bare_url)
{
	long s = r->status;
	if (bare_url && s == 403)
		return (verdict){ "status-403", NULL, SEV_OK };
	if (bare_url && s == 200 && body_has(r, "Network Device Enrollment Service"))
		return (verdict){ "ndes-page", SEC_NDES_PAGE, SEV_PROBLEM };
	/* The application proxy's page names the error whatever its status. */
	if (s != 200 && s != 403 && body_has(r, "GatewayTimeout"))
		return (verdict){ "gatewaytimeout-page", SEC_GATEWAY, SEV_PROBLEM };
	switch (s) {
	case 503: return (verdict){ "status-503", SEC_503, SEV_PROBLEM };
	case 504: return (verdict){ "status-504", SEC_GATEWAY, SEV_PROBLEM };
	case 414: return (verdict){ "status-414", SEC_414, SEV_PROBLEM };
	case 500: return (verdict){ "status-500", SEC_500, SEV_PROBLEM };
	case 404:
		/* IIS request filtering: 404.14 URL too long, 404.15 query
		 * string too long. */
		if (body_has(r, "404.14") || body_has(r, "404.15"))
			return (verdict){ "request-filtering", SEC_414, SEV_PROBLEM };
		break;
	case 400:
		/* HTTP.sys, whose MaxFieldLength and MaxRequestBytes the 414
		 * section sets, answers a too long request so. */
		if (body_has(r, "Request Too Long"))
			return (verdict){ "request-too-long", SEC_414, SEV_PROBLEM };
		break;
	}
	return (verdict){ "status-other", SEC_OTHER, SEV_PROBLEM };
}

static void add_result(check_report *rep, const char *check, verdict v, const probe_result *r,
		       const diagnose_input *in)
{
	char *detail = untrusted_detail(r->end == PROBE_ANSWERED ? r->status_line : r->error);
	add(rep, check, v, detail, request_evidence(r, in));
}

/* The operations fail the same way as the URL when the server is down or
 * broken as a whole; saying it once is enough. */
static int same_failure(const probe_result *r, const probe_result *url)
{
	if (r->end != PROBE_ANSWERED)
		return r->end == url->end;
	return url->end == PROBE_ANSWERED && r->status == url->status && url->status != 403 &&
	       url->status != 200;
}

/* ---- the checks ---------------------------------------------------------- */

static void check_url(const diagnose_input *in, check_report *rep)
{
	const probe_result *r = in->url;
	verdict v = r->end == PROBE_ANSWERED ? status_verdict(r, 1) : transport_verdict(r);
	add_result(rep, "url", v, r, in);
}

static void check_tls(const diagnose_input *in, check_report *rep)
{
	const probe_result *r = in->url;
	if (!is_https(r)) {
		add(rep, "tls", (verdict){ "no-tls", NULL, SEV_INFO }, NULL, NULL);
		return;
	}
	if (r->end == PROBE_TLS_VERIFY || r->end == PROBE_TLS_HANDSHAKE)
		return;         /* the URL's finding says it */
	if (in->insecure) {
		add(rep, "tls", (verdict){ "tls-not-verified", NULL, SEV_WARNING }, NULL, NULL);
		if (r->verify_result != X509_V_OK)
			add(rep, "tls", (verdict){ "tls-would-fail", NULL, SEV_WARNING },
			    untrusted_detail(X509_verify_cert_error_string(r->verify_result)), NULL);
		return;
	}
	if (r->end == PROBE_ANSWERED)
		add(rep, "tls", (verdict){ "tls-verified", NULL, SEV_OK },
		    untrusted_detail(in->cacert_file ? in->cacert_file : "system store"), NULL);
}

/* GetCACaps and GetCACert share this: NULL when the operation answered 200
 * and its body is worth reading; otherwise the finding is added here. */
static int operation_failed(const char *check, const probe_result *r, const diagnose_input *in,
			    check_report *rep)
{
	if (r->end == PROBE_ANSWERED && r->status == 200)
		return 0;
	if (!same_failure(r, in->url)) {
		verdict v = r->end == PROBE_ANSWERED ? status_verdict(r, 0) : transport_verdict(r);
		add_result(rep, check, v, r, in);
	}
	return 1;
}

static void check_caps(const diagnose_input *in, check_report *rep)
{
	const probe_result *r = in->caps;
	if (operation_failed("GetCACaps", r, in, rep))
		return;
	scep_parse_caps(r->body, r->body_len, &rep->caps);
	rep->have_caps = 1;
	strbuf names = { 0 };
	for (size_t i = 0; scep_cap_name(i); i++)
		if (rep->caps.caps & (1u << i))
			sb_addf(&names, "%s%s", names.len ? ", " : "", scep_cap_name(i));
	if (rep->caps.unknown)
		sb_addf(&names, "%s%zu unknown ignored", names.len ? "; " : "", rep->caps.unknown);
	add(rep, "GetCACaps", (verdict){ "caps", NULL, SEV_OK }, sb_take(&names),
	    request_evidence(r, in));
	if (!scep_caps_offers(&rep->caps, SCEP_CAP_SHA256))
		add(rep, "GetCACaps", (verdict){ "caps-no-sha256", NULL, SEV_WARNING }, NULL, NULL);
	if (!scep_caps_offers(&rep->caps, SCEP_CAP_POSTPKIOPERATION))
		add(rep, "GetCACaps", (verdict){ "caps-no-post", NULL, SEV_WARNING }, NULL, NULL);
}

static void add_time(strbuf *b, time_t t)
{
	struct tm tm;
	char s[32];
	if (t && gmtime_r(&t, &tm) && strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%SZ", &tm))
		sb_add(b, s);
	else
		sb_add(b, "?");
}

static char *cert_evidence(const scep_cert *c)
{
	strbuf b = { 0 };
	sb_addf(&b, "%s certificate\nsubject: %s\nissuer: %s\nserial: %s\nvalid: ",
		c->is_ca ? "CA" : "RA", c->subject ? c->subject : "?",
		c->issuer ? c->issuer : "?", c->serial ? c->serial : "?");
	add_time(&b, c->not_before);
	sb_add(&b, " to ");
	add_time(&b, c->not_after);
	sb_add(&b, "\nkey usage:");
	for (size_t i = 0; i < c->nku; i++)
		sb_addf(&b, "%s %s", i ? "," : "", c->key_usage[i]);
	sb_add(&b, c->nku ? "\n" : " (none)\n");
	sb_add(&b, "extended key usage:");
	for (size_t i = 0; i < c->neku; i++)
		sb_addf(&b, "%s %s", i ? "," : "", c->eku[i]);
	sb_add(&b, c->neku ? "\n" : " (none)\n");
	sb_addf(&b, "SHA-256: %s\n", c->sha256);
	return sb_take(&b);
}

static void check_validity(const scep_cert *c, const diagnose_input *in, check_report *rep)
{
	const time_t warn = (time_t)DIAGNOSE_EXPIRY_WARN_DAYS * 24 * 3600;
	verdict v = { NULL, NULL, SEV_OK };
	/* An expired MSCEP-RA certificate is the article's "500" cause 2; NDES
	 * fails on it the moment it expires, so the section is named early. */
	if (c->not_after && c->not_after < in->now)
		v = c->is_ca ? (verdict){ "ca-expired", NULL, SEV_PROBLEM }
			     : (verdict){ "ra-expired", SEC_500, SEV_PROBLEM };
	else if (c->not_after && c->not_after - in->now < warn)
		v = c->is_ca ? (verdict){ "ca-expiring", NULL, SEV_WARNING }
			     : (verdict){ "ra-expiring", SEC_500, SEV_WARNING };
	else if (c->not_before > in->now)
		v = (verdict){ "not-yet-valid", NULL, SEV_WARNING };
	if (v.code == NULL)
		return;
	strbuf d = { 0 };
	sb_addf(&d, "%s, not after ", c->subject ? c->subject : "?");
	add_time(&d, c->not_after);
	add(rep, "GetCACert", v, sb_take(&d), cert_evidence(c));
}

static void check_certs(const diagnose_input *in, check_report *rep)
{
	const probe_result *r = in->cacert;
	if (operation_failed("GetCACert", r, in, rep))
		return;
	scep_status st = scep_parse_cacert(r->content_type, r->body, r->body_len, &rep->certs);
	if (st != SCEP_OK) {
		add(rep, "GetCACert", (verdict){ "certs-unreadable", SEC_OTHER, SEV_PROBLEM },
		    strdup(scep_status_text(st)), request_evidence(r, in));
		return;
	}
	strbuf d = { 0 };
	if (rep->certs.pkcs7)
		sb_addf(&d, "%zu certificates in a PKCS#7", rep->certs.ncerts + rep->certs.skipped);
	else
		sb_add(&d, "one DER certificate");
	add(rep, "GetCACert", (verdict){ "certs", NULL, SEV_OK }, sb_take(&d), request_evidence(r, in));
	if (!rep->certs.type_matches)
		add(rep, "GetCACert", (verdict){ "certs-unexpected-type", NULL, SEV_WARNING },
		    untrusted_detail(r->content_type ? r->content_type : "none"), NULL);
	int ra = 0;
	for (size_t i = 0; i < rep->certs.ncerts; i++) {
		check_validity(&rep->certs.certs[i], in, rep);
		ra += !rep->certs.certs[i].is_ca;
	}
	if (!ra)
		add(rep, "GetCACert", (verdict){ "no-ra", NULL, SEV_INFO }, NULL, NULL);
}

/* Devices send PKIOperation by GET with a long message: a server that
 * refuses long URLs looks healthy to a browser and fails every device. */
static void check_long(const diagnose_input *in, check_report *rep)
{
	const probe_result *r = in->longreq;
	int short_ok = in->caps->end == PROBE_ANSWERED && in->caps->status == 200;
	if (same_failure(r, in->url))
		return;
	if (r->end == PROBE_ANSWERED && r->status == 200) {
		add_result(rep, "long-request", (verdict){ "long-ok", NULL, SEV_OK }, r, in);
		return;
	}
	verdict v = r->end == PROBE_ANSWERED ? status_verdict(r, 0) : transport_verdict(r);
	if (v.section && strcmp(v.section, SEC_414) == 0)
		add_result(rep, "long-request", v, r, in);
	else if (short_ok)
		add_result(rep, "long-request", (verdict){ "long-differs", SEC_414, SEV_WARNING }, r, in);
	/* else it fails as GetCACaps does, and that finding says so */
}

const char *diagnose_outcome(const char *section)
{
	static const char *const outcomes[] = {
		SEC_NDES_PAGE, SEC_503, SEC_GATEWAY, SEC_414, SEC_NO_PAGE, SEC_500,
	};
	for (size_t i = 0; section && i < sizeof outcomes / sizeof *outcomes; i++)
		if (strcmp(section, outcomes[i]) == 0)
			return outcomes[i];
	return "other";
}

/* The wizard's answer: the first problem that one of the article's sections
 * explains; "other" when only problems it doesn't list were found. */
static const char *outcome_of(const check_report *rep)
{
	const char *outcome = "ok";
	for (size_t i = 0; i < rep->nfindings; i++) {
		if (rep->findings[i].sev != SEV_PROBLEM)
			continue;
		outcome = diagnose_outcome(rep->findings[i].section);
		if (strcmp(outcome, "other") != 0)
			break;
	}
	return outcome;
}

void diagnose(const diagnose_input *in, check_report *rep)
{
	rep->checked_at = in->now;
	/* The URL as a browser sees it first, as in the article. */
	check_url(in, rep);
	check_tls(in, rep);
	check_caps(in, rep);
	check_certs(in, rep);
	check_long(in, rep);
	rep->outcome = outcome_of(rep);
}
