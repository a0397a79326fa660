/* The classifier: each request's result becomes findings that point to the
 * sections of "Test and troubleshoot the SCEP server URL" in
 * troubleshoot-scep-certificate-device-to-ndes. */
#include <config.h>

#include "diagnose.h"
#include "cacert_checks.h"
#include "i18n.h"
#include "strbuf.h"
#include "tls_checks.h"

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
#define SEC_NETWORK "blocked-on-the-network"

/* Adds a finding of kind ID seen by request NAME. A kind belongs to one
 * source; when another request sees it (an operation answering 500), the
 * detail names that request, since the finding keeps no other trace of it.
 * DETAIL and EVIDENCE ("\n"-separated printable lines) are taken. */
static finding *add(check_report *rep, const char *name, finding_kind_id id, char *detail,
		    char *evidence)
{
	const finding_kind *k = finding_builtin(id);
	if (strcmp(k->source, name) != 0) {
		strbuf b = { 0 };
		sb_addf(&b, detail ? "%s: %s" : "%s", name, detail ? detail : "");
		free(detail);
		detail = sb_take(&b);
	}
	finding *f = finding_add(&rep->findings, k, detail);
	for (const char *s = evidence; f && s && *s;) {
		size_t n = strcspn(s, "\n");
		finding_add_line(f, NULL, 0, s, n);
		s += n + (s[n] == '\n');
	}
	free(evidence);
	return f;
}

/* The same with the detail NOTE around the facts (NULL past the last). */
static finding *add_facts(check_report *rep, const char *name, finding_kind_id id,
			  finding_note_id note, const char *const *facts, char *evidence)
{
	const finding_kind *k = finding_builtin(id);
	finding *f = add(rep, k->source, id, NULL, evidence);
	const char *via = strcmp(k->source, name) != 0 ? name : NULL;
	if (f && finding_set_note_via(f, via, finding_note_builtin(note), facts) < 0)
		return NULL;
	return f;
}

static finding *add_note(check_report *rep, const char *name, finding_kind_id id,
			 finding_note_id note, const char *fact1, const char *fact2, char *evidence)
{
	const char *facts[] = { fact1, fact2, NULL };
	return add_facts(rep, name, id, note, facts, evidence);
}

/* The long request's findings with three facts. */
static finding *add_note3(check_report *rep, finding_kind_id id, finding_note_id note,
			  const char *a, const char *b, const char *c, char *evidence)
{
	const char *facts[] = { a, b, c, NULL };
	return add_facts(rep, "long-request", id, note, facts, evidence);
}

/* ---- reading an answer ---------------------------------------------------- */

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

static char *untrusted_detail(const char *s)
{
	return s ? untrusted_text(s, strlen(s), 200) : NULL;
}

static char *request_evidence(const probe_result *r, const diagnose_input *in)
{
	strbuf b = { 0 };
	char *url = printable_url(r->url, 160);
	sb_addf(&b, "GET %s\n", url ? url : "");
	free(url);
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
		char *to = printable_url(r->final_url, 300);
		sb_addf(&b, "redirects: %ld, to %s\n", r->redirects, to ? to : "?");
		free(to);
	}
	if (r->verify_result != X509_V_OK && r->verify_result != X509_V_ERR_UNSPECIFIED && is_https(r))
		sb_addf(&b, "certificate verify result: %ld (%s)\n", r->verify_result,
			X509_verify_cert_error_string(r->verify_result));
	if (is_https(r) && (r->end == PROBE_TLS_VERIFY || r->end == PROBE_TLS_HANDSHAKE)) {
		char *cas = untrusted_detail(in->cacert_file ? in->cacert_file : "the system store");
		sb_addf(&b, "trusted CAs: %s\n", cas ? cas : "?");
		free(cas);
	}
	if (r->ip && *r->ip)
		sb_addf(&b, "server: %s port %ld, %.3f s\n", r->ip, r->port, r->seconds);
	return sb_take(&b);
}

/* ---- the verdicts ---------------------------------------------------------- */

static finding_kind_id tls_verdict(const probe_result *r)
{
	switch (r->verify_result) {
	case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
	case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
	case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
	case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
	case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
		return FK_TLS_UNKNOWN_ISSUER;
	case X509_V_ERR_CERT_HAS_EXPIRED:
		return FK_TLS_EXPIRED;
	case X509_V_ERR_CERT_NOT_YET_VALID:
		return FK_TLS_NOT_YET_VALID;
	case X509_V_ERR_HOSTNAME_MISMATCH:
	case X509_V_ERR_IP_ADDRESS_MISMATCH:
		return FK_TLS_NAME_MISMATCH;
	case X509_V_OK:
	case X509_V_ERR_UNSPECIFIED:
		/* curl checks the name itself, once the chain passed, and then
		 * leaves the verify result unset: only its words tell. */
		if (r->error && strstr(r->error, "host name"))
			return FK_TLS_NAME_MISMATCH;
		break;
	}
	return FK_TLS_VERIFY;
}

/* The URL's host ends with SUFFIX (case aside): a plain reading, enough to
 * tell the application proxy's hosts from others. */
static int host_ends_with(const char *url, const char *suffix)
{
	const char *h = url ? strstr(url, "://") : NULL;
	if (h == NULL)
		return 0;
	h += 3;
	size_t n = strcspn(h, "/?#");
	const char *at = memchr(h, '@', n);
	if (at) {
		n -= (size_t)(at + 1 - h);
		h = at + 1;
	}
	const char *colon = memchr(h, ':', n);
	if (colon && *h != '[')
		n = (size_t)(colon - h);
	size_t k = strlen(suffix);
	return n >= k && strncasecmp(h + n - k, suffix, k) == 0;
}

/* A request that got no HTTP answer. "This page can't be displayed" and
 * its advice (the external URL) are the application proxy's; any other
 * host that can't be reached points to the network path. */
static finding_kind_id transport_verdict(const probe_result *r)
{
	int unreachable = r->end == PROBE_DNS || r->end == PROBE_CONNECT || r->end == PROBE_TIMEOUT;
	int app_proxy = host_ends_with(r->url, ".msappproxy.net");
	if (unreachable && app_proxy)
		return FK_APP_PROXY_UNREACHABLE;
	/* Its certificate is Microsoft's: the IIS advice would mislead. */
	if (r->end == PROBE_TLS_VERIFY && app_proxy)
		return FK_TLS_APP_PROXY;
	switch (r->end) {
	case PROBE_DNS: return FK_DNS;
	case PROBE_CONNECT:
		if (r->os_errno == ECONNREFUSED)
			return FK_CONNECT_REFUSED;
		return FK_CONNECT;
	case PROBE_TIMEOUT: return FK_TIMEOUT;
	case PROBE_TLS_HANDSHAKE: return FK_TLS_HANDSHAKE;
	case PROBE_TLS_VERIFY: return tls_verdict(r);
	case PROBE_TOO_BIG: return FK_TOO_BIG;
	case PROBE_REDIRECTS: return FK_REDIRECTS;
	case PROBE_PROXY: return FK_PROXY;
	case PROBE_HEADER_TOO_BIG: return FK_HEADER_TOO_BIG;
	case PROBE_ANSWERED:
	case PROBE_FAILED:
	case PROBE_CANCELLED: break;
	}
	return FK_TRANSFER_FAILED;
}

/* An HTTP answer that is not the one the check hoped for. BARE_URL: the
 * SCEP server URL itself, where 403 is the healthy answer. */
static finding_kind_id status_verdict(const probe_result *r, int bare_url)
{
	long s = r->status;
	if (bare_url && s == 403)
		return FK_STATUS_403;
	if (bare_url && s == 200 && probe_body_has(r, "Network Device Enrollment Service"))
		return FK_NDES_PAGE;
	/* The application proxy's page names the error whatever its status. */
	if (s != 200 && s != 403 && probe_body_has(r, "GatewayTimeout"))
		return FK_GATEWAYTIMEOUT_PAGE;
	switch (s) {
	case 503: return FK_STATUS_503;
	case 504: return FK_STATUS_504;
	case 414: return FK_STATUS_414;
	case 500: return FK_STATUS_500;
	case 404:
		/* IIS request filtering: 404.14 URL too long, 404.15 query
		 * string too long. */
		if (probe_body_has(r, "404.14") || probe_body_has(r, "404.15"))
			return FK_REQUEST_FILTERING;
		break;
	case 400:
		/* HTTP.sys, whose MaxFieldLength and MaxRequestBytes the 414
		 * section sets, answers a too long request so. */
		if (probe_body_has(r, "Request Too Long"))
			return FK_REQUEST_TOO_LONG;
		break;
	}
	return FK_STATUS_OTHER;
}

static void add_result(check_report *rep, const char *check, finding_kind_id v,
		       const probe_result *r, const diagnose_input *in)
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

static int has_kind(const check_report *rep, const finding_kind *k)
{
	for (size_t i = 0; i < rep->findings.n; i++)
		if (rep->findings.v[i].kind == k)
			return 1;
	return 0;
}

static void check_tls(const diagnose_input *in, check_report *rep)
{
	const probe_result *r = in->r[REQ_URL];
	if (!is_https(r)) {
		add(rep, "tls", FK_NO_TLS, NULL, NULL);
		return;
	}
	/* The URL's finding says why; a chain read apart (check.c) may say
	 * more: the intermediate the server doesn't send. */
	if (r->end == PROBE_TLS_HANDSHAKE || (r->end == PROBE_TLS_VERIFY && r->chain == NULL))
		return;
	if (in->insecure) {
		/* curl verifies nothing then: the chain was verified apart. */
		long v = in->insecure_verify ? *in->insecure_verify : r->verify_result;
		add(rep, "tls", FK_TLS_NOT_VERIFIED, NULL, NULL);
		if (v != X509_V_OK)
			add(rep, "tls", FK_TLS_WOULD_FAIL,
			    untrusted_detail(X509_verify_cert_error_string(v)), NULL);
	}
	/* What devices refuse though curl accepts it: the CN, the chain. */
	finding_list devices = { 0 };
	tls_checks_add(&devices, &(tls_check_input){ r->chain, r->chain_len, in->host,
		       in->trust_file, in->cacert_file != NULL });
	/* "valid and trusted" only when devices would think so too; the
	 * detail is the CA file it was verified with. */
	const char *store = in->cacert_file ? in->cacert_file : in->trust_file;
	if (!in->insecure && r->end == PROBE_ANSWERED && finding_count(&devices, SEV_PROBLEM) == 0)
		add(rep, "tls", FK_TLS_VERIFIED, store ? untrusted_detail(store) : NULL, NULL);
	for (size_t i = 0; i < devices.n; i++)
		if (!has_kind(rep, devices.v[i].kind))  /* tls-app-proxy, said once */
			finding_add_copy(&rep->findings, &devices.v[i]);
	finding_list_free(&devices);
}

static void check_url(const diagnose_input *in, check_report *rep)
{
	const probe_result *r = in->r[REQ_URL];
	finding_kind_id v = r->end == PROBE_ANSWERED ? status_verdict(r, 1) : transport_verdict(r);
	add_result(rep, "url", v, r, in);
	check_tls(in, rep);
}

/* GetCACaps and GetCACert share this: NULL when the operation answered 200
 * and its body is worth reading; otherwise the finding is added here. */
static int operation_failed(const char *check, const probe_result *r, const diagnose_input *in,
			    check_report *rep)
{
	if (r->end == PROBE_ANSWERED && r->status == 200)
		return 0;
	if (!same_failure(r, in->r[REQ_URL])) {
		finding_kind_id v = r->end == PROBE_ANSWERED ? status_verdict(r, 0) : transport_verdict(r);
		add_result(rep, check, v, r, in);
	}
	return 1;
}

/* What a GetCACaps body that is no capability list looks like: a note,
 * and the count it names in *N. */
static finding_note_id not_a_list(const probe_result *r, const scep_caps *caps, size_t *n)
{
	static const char *const html[] = { "<html", "<!doctype", "<head", "<body", "<title" };
	const unsigned char *b = r->body;
	for (size_t i = 0; i < sizeof html / sizeof *html; i++)
		if (probe_body_has(r, html[i]))
			return FN_HTML_PAGE;
	if (r->body_len >= 2 && b[0] == 0x1f && b[1] == 0x8b)
		return FN_GZIP_DATA;
	if (memchr(b, '\0', r->body_len))
		return FN_BINARY_DATA;
	*n = r->body_len;
	if (r->body_len > SCEP_MAX_KEYWORD && !memchr(b, '\n', r->body_len))
		return FN_ONE_LONG_LINE;
	*n = caps->malformed;
	return FN_NOT_KEYWORDS;
}

static void check_caps(const diagnose_input *in, check_report *rep)
{
	const probe_result *r = in->r[REQ_CAPS];
	if (operation_failed("GetCACaps", r, in, rep))
		return;
	scep_parse_caps(r->body, r->body_len, &rep->caps);
	if (rep->caps.malformed) {
		char count[32];
		size_t n = 0;
		finding_note_id note = not_a_list(r, &rep->caps, &n);
		snprintf(count, sizeof count, "%zu", n);
		add_note(rep, "GetCACaps", FK_CAPS_NOT_A_LIST, note, count, NULL,
			 request_evidence(r, in));
		rep->caps = (scep_caps){ 0 };
		return;
	}
	rep->have_caps = 1;
	strbuf names = { 0 };
	for (size_t i = 0; scep_cap_name(i); i++)
		if (rep->caps.caps & (1u << i))
			sb_addf(&names, "%s%s", names.len ? ", " : "", scep_cap_name(i));
	if (rep->caps.unknown) {
		char count[32];
		snprintf(count, sizeof count, "%zu", rep->caps.unknown);
		add_note(rep, "GetCACaps", FK_CAPS, FN_CAPS_UNKNOWN, names.len ? names.s : "", count,
			 request_evidence(r, in));
		free(sb_take(&names));
	} else {
		add(rep, "GetCACaps", FK_CAPS, sb_take(&names), request_evidence(r, in));
	}
	if (!scep_caps_offers(&rep->caps, SCEP_CAP_SHA256))
		add(rep, "GetCACaps", FK_CAPS_NO_SHA256, NULL, NULL);
	if (!scep_caps_offers(&rep->caps, SCEP_CAP_POSTPKIOPERATION))
		add(rep, "GetCACaps", FK_CAPS_NO_POST, NULL, NULL);
}

/* What a GetCACert body that gives no certificate is. */
static finding_note_id unreadable_note(scep_status st)
{
	switch (st) {
	case SCEP_EMPTY: return FN_EMPTY_BODY;
	case SCEP_BAD_DER: return FN_NOT_DER;
	case SCEP_BAD_PKCS7: return FN_NOT_PKCS7;
	case SCEP_NOT_SIGNED_DATA: return FN_NOT_SIGNED_DATA;
	case SCEP_NO_CERTS: return FN_NO_CERTS;
	default: return FN_NEITHER_FORMAT;
	}
}

static void check_certs(const diagnose_input *in, check_report *rep)
{
	const probe_result *r = in->r[REQ_CACERT];
	if (operation_failed("GetCACert", r, in, rep))
		return;
	scep_status st = scep_parse_cacert(r->content_type, r->body, r->body_len, &rep->certs);
	if (st != SCEP_OK) {
		add_note(rep, "GetCACert", FK_CERTS_UNREADABLE, unreadable_note(st), NULL, NULL,
			 request_evidence(r, in));
		return;
	}
	char n[32];
	snprintf(n, sizeof n, "%zu", rep->certs.ncerts + rep->certs.skipped);
	add_note(rep, "GetCACert", FK_CERTS, rep->certs.pkcs7 ? FN_PKCS7_CERTS : FN_ONE_DER, n, NULL,
		 request_evidence(r, in));
	if (!rep->certs.type_matches)
		add(rep, "GetCACert", FK_CERTS_UNEXPECTED_TYPE,
		    untrusted_detail(r->content_type ? r->content_type : "none"), NULL);
	cacert_check(&rep->certs, in->now, &rep->findings);
}

/* A finding of the long request with the figures of the measurement and
 * who refused (NO, or NULL) as its detail. */
static void add_figures(check_report *rep, finding_kind_id v, const long_search *s,
			const probe_result *no, char *evidence)
{
	char ok[32], refused[32];
	snprintf(ok, sizeof ok, "%zu", s->largest_ok);
	snprintf(refused, sizeof refused, "%zu", s->first_refused);
	if (no == NULL) {
		add_note(rep, "long-request", v, FN_LONG_ACCEPTED, ok, NULL, evidence);
		return;
	}
	char *who = long_refuser(no);
	const char *by = who ? who : "?";
	if (s->largest_ok && s->largest_ok < s->first_refused)
		add_note3(rep, v, FN_LONG_REFUSED_ABOVE, ok, refused, by, evidence);
	else if (s->largest_ok)
		add_note3(rep, v, FN_LONG_UNSTEADY, ok, refused, by, evidence);
	else
		add_note(rep, "long-request", v, s->first_refused <= s->bottom ? FN_LONG_REFUSED_SMALLEST
				: FN_LONG_REFUSED_UNMEASURED, refused, by, evidence);
	free(who);
}

/* Devices send PKIOperation by GET with a long message: a server that
 * refuses long URLs looks healthy to a browser and fails every device. The
 * figures say how long: below what devices send a problem, below the
 * article's 65534 bytes a warning. */
static void check_long(const diagnose_input *in, check_report *rep)
{
	long_search one;
	const long_search *s = in->search;
	const probe_result *ok = in->long_ok, *no = in->long_refused;
	if (s == NULL) {
		const probe_result *r = in->r[REQ_LONG];
		long_search_init(&one, 0);
		long_search_record(&one, LONG_TARGET_BYTES, long_answer_of(r, 1));
		s = &one;
		ok = one.largest_ok ? r : NULL;
		no = one.first_refused ? r : NULL;
	}
	rep->largest_ok = s->largest_ok;
	rep->first_refused = s->first_refused;
	if (ok && s->largest_ok >= LONG_TARGET_BYTES) {
		add_figures(rep, FK_LONG_OK, s, NULL, request_evidence(ok, in));
		return;
	}
	if (no == NULL || same_failure(no, in->r[REQ_URL]))
		return;
	finding_kind_id v = no->end == PROBE_ANSWERED ? status_verdict(no, 0) : transport_verdict(no);
	const char *section = finding_builtin(v)->section;
	int too_long = section && strcmp(section, SEC_414) == 0;
	int short_ok = in->r[REQ_CAPS]->end == PROBE_ANSWERED && in->r[REQ_CAPS]->status == 200;
	if (!short_ok && !too_long)
		return;         /* it fails as GetCACaps does, and that finding says so */
	if (short_ok && s->largest_ok >= LONG_DEVICE_BYTES)
		v = FK_LONG_BELOW_TARGET;
	else if (!too_long)
		v = FK_LONG_DIFFERS;
	add_figures(rep, v, s, no, request_evidence(no, in));
}

const char *diagnose_outcome(const char *section)
{
	static const char *const outcomes[] = {
		SEC_NDES_PAGE, SEC_503, SEC_GATEWAY, SEC_414, SEC_NO_PAGE, SEC_500, SEC_NETWORK,
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
	for (size_t i = 0; i < rep->findings.n; i++) {
		const finding_kind *k = rep->findings.v[i].kind;
		if (k->sev != SEV_PROBLEM)
			continue;
		outcome = diagnose_outcome(k->section);
		if (strcmp(outcome, "other") != 0)
			break;
	}
	return outcome;
}

const diagnose_request diagnose_requests[REQ_COUNT] = {
	/* The URL as a browser sees it first, as in the article; its TLS with it. */
	[REQ_URL] = { "url", N_("SCEP server URL"), NULL, check_url },
	[REQ_CAPS] = { "GetCACaps", N_("GetCACaps"), "operation=GetCACaps&message=ca", check_caps },
	[REQ_CACERT] = { "GetCACert", N_("GetCACert"), "operation=GetCACert&message=ca", check_certs },
	/* GetCACaps with a message as long as a PKIOperation a device sends by
	 * GET (base64 letters need no escaping): check.c measures the largest
	 * that gets through, from LONG_TARGET_BYTES down. */
	[REQ_LONG] = { "long-request", N_("Long request"), "operation=GetCACaps&message=",
		       check_long },
};

void diagnose(const diagnose_input *in, check_report *rep)
{
	rep->checked_at = in->now;
	for (size_t i = 0; i < REQ_COUNT; i++)
		diagnose_requests[i].classify(in, rep);
	rep->outcome = outcome_of(rep);
}
