/* The classifier without a network: answers recorded in tests/data are fed
 * to diagnose() as the four requests' results, and each branch of "Test and
 * troubleshoot the SCEP server URL" must be named. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <openssl/x509_vfy.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagnose.h"

#define DATA SRCDIR "/tests/data"
#define URL "https://ndes.contoso.com/certsrv/mscep/mscep.dll"
#define HOUR ((time_t)3600)
#define DAY (24 * HOUR)

typedef struct {
	probe_result url, caps, cacert, longreq;
	diagnose_input in;
	check_report rep;
} world;

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

/* R answered STATUS with the body of FILE (a path under tests/data). */
static void answer_file(probe_result *r, long status, char *line, char *type, const char *file)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", DATA, file);
	free(r->body);
	r->body = slurp(path, &r->body_len);
	r->end = PROBE_ANSWERED;
	r->status = status;
	r->status_line = line;
	r->content_type = type;
}

static void answer_text(probe_result *r, long status, char *line, const char *text)
{
	free(r->body);
	r->body_len = strlen(text);
	r->body = malloc(r->body_len + 1);
	assert_non_null(r->body);
	memcpy(r->body, text, r->body_len + 1);
	r->end = PROBE_ANSWERED;
	r->status = status;
	r->status_line = line;
	r->content_type = "text/html";
}

static void broke(probe_result *r, probe_end end, char *error)
{
	free(r->body);
	r->body = NULL;
	r->body_len = 0;
	r->end = end;
	r->error = error;
	r->status = 0;
	r->status_line = NULL;
}

/* The healthy NDES of the live tests: 403, scepserver's capabilities, a CA
 * and an RA certificate, and the long request accepted. */
static int setup(void **state)
{
	world *w = calloc(1, sizeof *w);
	assert_non_null(w);
	probe_result *all[] = { &w->url, &w->caps, &w->cacert, &w->longreq };
	for (size_t i = 0; i < 4; i++) {
		all[i]->url = URL "?operation=...";
		all[i]->tls = 1;
	}
	w->url.url = URL;
	answer_text(&w->url, 403, "HTTP/1.1 403 Forbidden", "<h1>403 Forbidden</h1>");
	answer_file(&w->caps, 200, "HTTP/1.1 200 OK", "text/plain", "responses/scepserver-getcacaps.txt");
	answer_file(&w->cacert, 200, "HTTP/1.1 200 OK", "application/x-x509-ca-ra-cert", "scep/ca-ra.p7b");
	answer_file(&w->longreq, 200, "HTTP/1.1 200 OK", "text/plain", "responses/scepserver-getcacaps.txt");
	w->in = (diagnose_input){ .r = { [REQ_URL] = &w->url, [REQ_CAPS] = &w->caps,
					 [REQ_CACERT] = &w->cacert, [REQ_LONG] = &w->longreq },
				  .now = 1893456000 /* 2030-01-01 */ };
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	world *w = *state;
	free(w->url.body);
	free(w->caps.body);
	free(w->cacert.body);
	free(w->longreq.body);
	check_report_free(&w->rep);
	free(w);
	return 0;
}

static const check_report *run(world *w)
{
	check_report_free(&w->rep);
	diagnose(&w->in, &w->rep);
	return &w->rep;
}

static const finding *find(const check_report *rep, const char *code)
{
	for (size_t i = 0; i < rep->findings.n; i++)
		if (strcmp(rep->findings.v[i].kind->code, code) == 0)
			return &rep->findings.v[i];
	return NULL;
}

/* The request that saw F: its kind's source, unless the detail names
 * another request ("GetCACaps: HTTP/1.1 500 ..."). */
static const char *seen_by(const finding *f)
{
	for (size_t i = 0; f->detail && i < REQ_COUNT; i++) {
		const char *name = diagnose_requests[i].name;
		size_t n = strlen(name);
		if (strncmp(f->detail, name, n) == 0 && f->detail[n] == ':')
			return name;
	}
	return f->kind->source;
}

/* One of F's evidence lines contains TEXT. */
static int evidence_has(const finding *f, const char *text)
{
	for (size_t i = 0; i < f->nlines; i++)
		if (strstr(f->lines[i].text, text))
			return 1;
	return 0;
}

/* The finding CODE is there, from CHECK, pointing to SECTION (or none). */
static const finding *expect(const check_report *rep, const char *check, const char *code,
			     const char *section, severity sev)
{
	const finding *f = find(rep, code);
	if (f == NULL) {
		for (size_t i = 0; i < rep->findings.n; i++)
			print_message("# have %s/%s\n", seen_by(&rep->findings.v[i]),
				      rep->findings.v[i].kind->code);
		fail_msg("no finding %s", code);
	}
	assert_string_equal(seen_by(f), check);
	if (section)
		assert_string_equal(f->kind->section, section);
	else
		assert_null(f->kind->section);
	assert_int_equal(f->kind->sev, sev);
	return f;
}

static void a_healthy_ndes_passes(void **state)
{
	world *w = *state;
	const check_report *rep = run(w);
	assert_string_equal(rep->outcome, "ok");
	assert_int_equal(check_report_problems(rep), 0);
	expect(rep, "url", "status-403", NULL, SEV_OK);
	expect(rep, "tls", "tls-verified", NULL, SEV_OK);
	const finding *caps = expect(rep, "GetCACaps", "caps", NULL, SEV_OK);
	assert_non_null(strstr(caps->detail, "SHA-256"));
	expect(rep, "GetCACert", "certs", NULL, SEV_OK);
	expect(rep, "long-request", "long-ok", NULL, SEV_OK);
	for (size_t i = 0; i < rep->findings.n; i++)
		assert_true(rep->findings.v[i].kind->sev <= SEV_INFO);
	assert_true(rep->have_caps);
	assert_int_equal(rep->certs.ncerts, 2);
}

static void the_general_ndes_page(void **state)
{
	world *w = *state;
	answer_file(&w->url, 200, "HTTP/1.1 200 OK", "text/html", "responses/ndes-general.html");
	const check_report *rep = run(w);
	expect(rep, "url", "ndes-page", "general-ndes-message", SEV_PROBLEM);
	assert_string_equal(rep->outcome, "general-ndes-message");
}

static void another_page_is_not_the_ndes_page(void **state)
{
	world *w = *state;
	answer_text(&w->url, 200, "HTTP/1.1 200 OK", "<html><title>IIS Windows Server</title></html>");
	const check_report *rep = run(w);
	const finding *f = expect(rep, "url", "status-other", "less-common-status-codes", SEV_PROBLEM);
	assert_true(evidence_has(f, "page title: IIS Windows Server"));
	assert_string_equal(rep->outcome, "other");
}

/* A server down as a whole fails every request the same way: one finding. */
static void service_unavailable_is_said_once(void **state)
{
	world *w = *state;
	probe_result *all[] = { &w->url, &w->caps, &w->cacert, &w->longreq };
	for (size_t i = 0; i < 4; i++)
		answer_file(all[i], 503, "HTTP/1.1 503 Service Unavailable", "text/html",
			    "responses/httpsys-503.html");
	const check_report *rep = run(w);
	expect(rep, "url", "status-503", "http-error-503", SEV_PROBLEM);
	assert_int_equal(check_report_problems(rep), 1);
	assert_string_equal(rep->outcome, "http-error-503");
	assert_false(rep->have_caps);
}

static void gateway_timeouts(void **state)
{
	world *w = *state;
	answer_file(&w->url, 504, "HTTP/1.1 504 Gateway Time-out", "text/html", "responses/nginx-504.html");
	const check_report *rep = run(w);
	expect(rep, "url", "status-504", "gatewaytimeout", SEV_PROBLEM);
	assert_string_equal(rep->outcome, "gatewaytimeout");
	/* the application proxy's page, whatever status it comes with */
	answer_file(&w->url, 502, "HTTP/1.1 502 Bad Gateway", "text/html",
		    "responses/appproxy-gatewaytimeout.html");
	rep = run(w);
	expect(rep, "url", "gatewaytimeout-page", "gatewaytimeout", SEV_PROBLEM);
	assert_string_equal(rep->outcome, "gatewaytimeout");
}

static void long_requests_refused(void **state)
{
	static const struct {
		long status;
		const char *file, *code;
	} cases[] = {
		{ 414, "responses/nginx-414.html", "status-414" },
		{ 404, "responses/iis-404-14.html", "request-filtering" },
		{ 404, "responses/iis-404-15.html", "request-filtering" },
		{ 400, "responses/httpsys-400-too-long.html", "request-too-long" },
	};
	world *w = *state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		answer_file(&w->longreq, cases[i].status, "HTTP/1.1 4xx", "text/html", cases[i].file);
		const check_report *rep = run(w);
		expect(rep, "long-request", cases[i].code, "http-414-request-uri-too-long", SEV_PROBLEM);
		/* the short URL looks healthy all the same */
		expect(rep, "url", "status-403", NULL, SEV_OK);
		assert_string_equal(rep->outcome, "http-414-request-uri-too-long");
	}
}

/* A plain 404 on the URL itself is not request filtering. */
static void a_plain_404_is_another_status(void **state)
{
	world *w = *state;
	answer_text(&w->url, 404, "HTTP/1.1 404 Not Found", "<h1>404 Not Found</h1>");
	const check_report *rep = run(w);
	expect(rep, "url", "status-other", "less-common-status-codes", SEV_PROBLEM);
	assert_string_equal(rep->outcome, "other");
}

/* A long request failing in a way the 414 section doesn't name, while
 * short ones work: at 65534 bytes alone it tells nothing of smaller ones,
 * and devices' requests may fail too: a problem, with the figures. */
static void a_long_request_failing_otherwise(void **state)
{
	world *w = *state;
	answer_text(&w->longreq, 400, "HTTP/1.1 400 Bad Request", "<h1>Bad Request</h1>");
	const check_report *rep = run(w);
	const finding *f = expect(rep, "long-request", "long-differs",
				  "http-414-request-uri-too-long", SEV_PROBLEM);
	assert_non_null(strstr(f->detail, "refused at 65534 bytes (smaller sizes not measured)"));
	assert_string_equal(rep->outcome, "http-414-request-uri-too-long");
	assert_int_equal(rep->largest_ok, 0);
	assert_int_equal(rep->first_refused, 65534);
	broke(&w->longreq, PROBE_FAILED, "Recv failure: Connection reset by peer");
	w->longreq.curl_code = 56;
	rep = run(w);
	f = expect(rep, "long-request", "long-differs", "http-414-request-uri-too-long", SEV_PROBLEM);
	assert_non_null(strstr(f->detail, "by curl: Recv failure"));
}

/* The measurement, as check.c hands it over: the answers at the largest
 * size that got through and the first refused. */
static const check_report *measured(world *w, size_t largest_ok, size_t first_refused)
{
	static long_search s;
	long_search_init(&s, 0);
	if (largest_ok)
		long_search_record(&s, largest_ok, LONG_ANSWER_OK);
	if (first_refused)
		long_search_record(&s, first_refused, LONG_ANSWER_REFUSED);
	w->in.search = &s;
	w->in.long_ok = largest_ok ? &w->caps : NULL;
	w->in.long_refused = first_refused ? &w->longreq : NULL;
	return run(w);
}

static void the_figures_give_the_severity(void **state)
{
	world *w = *state;
	/* 65534 bytes through: ok */
	const check_report *rep = measured(w, 65534, 0);
	const finding *f = expect(rep, "long-request", "long-ok", NULL, SEV_OK);
	assert_string_equal(f->detail, "65534 bytes accepted");
	assert_int_equal(rep->largest_ok, 65534);
	assert_int_equal(rep->first_refused, 0);

	/* past what devices send, short of the article's: a warning */
	answer_file(&w->longreq, 404, "HTTP/1.1 404 Not Found", "text/html", "responses/iis-404-15.html");
	rep = measured(w, 45056, 46080);
	f = expect(rep, "long-request", "long-below-target", "http-414-request-uri-too-long",
		   SEV_WARNING);
	assert_non_null(strstr(f->detail, "accepted up to 45056 bytes, refused at 46080 bytes by "
				       "IIS request filtering 404.15"));
	assert_true(evidence_has(f, "HTTP/1.1 404 Not Found"));
	assert_string_equal(rep->outcome, "ok");
	assert_int_equal(check_report_problems(rep), 0);

	/* short of what devices send: a problem, under the refusal's own code */
	rep = measured(w, 16384, 17408);
	f = expect(rep, "long-request", "request-filtering", "http-414-request-uri-too-long",
		   SEV_PROBLEM);
	assert_non_null(strstr(f->detail, "accepted up to 16384 bytes, refused at 17408"));
	assert_string_equal(rep->outcome, "http-414-request-uri-too-long");

	/* or the measurement's, when the refusal is one the section doesn't name */
	answer_text(&w->longreq, 502, "HTTP/1.1 502 Bad Gateway", "<title>Proxy Error</title>");
	rep = measured(w, 8192, 9216);
	f = expect(rep, "long-request", "long-differs", "http-414-request-uri-too-long", SEV_PROBLEM);
	assert_true(evidence_has(f, "page title: Proxy Error"));

	/* nothing got through, not even the smallest */
	answer_file(&w->longreq, 414, "HTTP/1.1 414 Request-URI Too Large", "text/html",
		    "responses/nginx-414.html");
	rep = measured(w, 0, 2048);
	f = expect(rep, "long-request", "status-414", "http-414-request-uri-too-long", SEV_PROBLEM);
	assert_non_null(strstr(f->detail, "refused at 2048 bytes, the smallest size measured"));
	assert_int_equal(rep->largest_ok, 0);
	assert_int_equal(rep->first_refused, 2048);
}

/* When short requests fail too, the size isn't to blame: nothing more is
 * said than GetCACaps's finding, unless the 414 section names the refusal. */
static void a_server_failing_short_requests_too(void **state)
{
	world *w = *state;
	answer_text(&w->caps, 500, "HTTP/1.1 500 Internal Server Error", "500");
	answer_text(&w->longreq, 502, "HTTP/1.1 502 Bad Gateway", "bad gateway");
	const check_report *rep = measured(w, 0, 65534);
	assert_null(find(rep, "long-differs"));
	assert_null(find(rep, "long-below-target"));
	answer_file(&w->longreq, 414, "HTTP/1.1 414 Request-URI Too Large", "text/html",
		    "responses/nginx-414.html");
	rep = measured(w, 0, 65534);
	expect(rep, "long-request", "status-414", "http-414-request-uri-too-long", SEV_PROBLEM);
}

static void internal_server_error(void **state)
{
	world *w = *state;
	answer_text(&w->url, 500, "HTTP/1.1 500 Internal Server Error", "500 - Internal server error.");
	const check_report *rep = run(w);
	expect(rep, "url", "status-500", "internal-server-error", SEV_PROBLEM);
	assert_string_equal(rep->outcome, "internal-server-error");
}

static const scep_cert *ra_of(world *w)
{
	const check_report *rep = run(w);
	for (size_t i = 0; i < rep->certs.ncerts; i++)
		if (!rep->certs.certs[i].is_ca)
			return &rep->certs.certs[i];
	fail_msg("no RA certificate");
	return NULL;
}

static void mscep_ra_expiry(void **state)
{
	world *w = *state;
	time_t ra_end = ra_of(w)->not_after;

	w->in.now = ra_end + HOUR;
	const check_report *rep = run(w);
	const finding *f = expect(rep, "GetCACert", "ra-expired", "internal-server-error", SEV_PROBLEM);
	assert_non_null(strstr(f->detail, "CN=NDES01-MSCEP-RA"));
	assert_true(evidence_has(f, "Certificate Request Agent"));
	assert_null(find(rep, "ca-expired"));
	assert_string_equal(rep->outcome, "internal-server-error");

	w->in.now = ra_end - 10 * DAY;
	rep = run(w);
	expect(rep, "GetCACert", "ra-expiring", "internal-server-error", SEV_WARNING);
	assert_string_equal(rep->outcome, "ok");

	w->in.now = ra_end - 31 * DAY;
	rep = run(w);
	assert_null(find(rep, "ra-expiring"));
}

/* With the CA expired too, the RA's section still names the outcome. */
static void everything_expired(void **state)
{
	world *w = *state;
	w->in.now = 4102444800 + 200 * 365 * DAY;
	const check_report *rep = run(w);
	expect(rep, "GetCACert", "ca-expired", NULL, SEV_PROBLEM);
	expect(rep, "GetCACert", "ra-expired", "internal-server-error", SEV_PROBLEM);
	assert_string_equal(rep->outcome, "internal-server-error");
}

/* No HTTP answer: a plain host that can't be reached points to the network
 * path, a TLS failure to its own advice (no section), and only the
 * application proxy's hosts to "This page can't be displayed". */
static void no_answer(void **state)
{
	static const struct {
		probe_end end;
		long verify, os_errno;
		char *error;
		const char *code, *section, *outcome;
	} cases[] = {
		{ PROBE_DNS, 0, 0, "Could not resolve host: ndes.contoso.com", "dns",
		  "blocked-on-the-network", "blocked-on-the-network" },
		{ PROBE_CONNECT, 0, ECONNREFUSED, "Failed to connect to ndes.contoso.com port 443",
		  "connect-refused", "blocked-on-the-network", "blocked-on-the-network" },
		{ PROBE_CONNECT, 0, EHOSTUNREACH, "Failed to connect to ndes.contoso.com port 443",
		  "connect", "blocked-on-the-network", "blocked-on-the-network" },
		{ PROBE_TIMEOUT, 0, 0, "Connection timed out after 15001 milliseconds", "timeout",
		  "blocked-on-the-network", "blocked-on-the-network" },
		{ PROBE_TLS_HANDSHAKE, 0, 0, "error:0A00010B:SSL routines::wrong version number",
		  "tls-handshake", NULL, "other" },
		{ PROBE_TLS_VERIFY, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, 0,
		  "SSL certificate problem: unable to get local issuer certificate", "tls-unknown-issuer",
		  NULL, "other" },
		{ PROBE_TLS_VERIFY, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN, 0,
		  "SSL certificate problem: self-signed certificate in certificate chain",
		  "tls-unknown-issuer", NULL, "other" },
		{ PROBE_TLS_VERIFY, X509_V_ERR_CERT_HAS_EXPIRED, 0,
		  "SSL certificate problem: certificate has expired", "tls-expired", NULL, "other" },
		{ PROBE_TLS_VERIFY, X509_V_ERR_UNSPECIFIED, 0,
		  "SSL: no alternative certificate subject name matches target host name 'ndes'",
		  "tls-name-mismatch", NULL, "other" },
		{ PROBE_TLS_VERIFY, X509_V_ERR_CERT_REVOKED, 0, "SSL certificate problem: certificate revoked",
		  "tls-verify", NULL, "other" },
	};
	world *w = *state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		probe_result *all[] = { &w->url, &w->caps, &w->cacert, &w->longreq };
		for (size_t k = 0; k < 4; k++) {
			broke(all[k], cases[i].end, cases[i].error);
			all[k]->verify_result = cases[i].verify;
			all[k]->os_errno = cases[i].os_errno;
		}
		const check_report *rep = run(w);
		const finding *f = expect(rep, "url", cases[i].code, cases[i].section, SEV_PROBLEM);
		assert_string_equal(f->detail, cases[i].error);       /* curl's words */
		assert_int_equal(check_report_problems(rep), 1);
		assert_string_equal(rep->outcome, cases[i].outcome);
	}
}

static void the_application_proxy_cannot_be_reached(void **state)
{
	world *w = *state;
	static const probe_end ends[] = { PROBE_DNS, PROBE_CONNECT, PROBE_TIMEOUT };
	for (size_t i = 0; i < 3; i++) {
		probe_result *all[] = { &w->url, &w->caps, &w->cacert, &w->longreq };
		for (size_t k = 0; k < 4; k++) {
			broke(all[k], ends[i], "Could not connect");
			all[k]->url = "https://ndes-contoso.MSAPPPROXY.net:443/certsrv/mscep/mscep.dll";
		}
		const check_report *rep = run(w);
		expect(rep, "url", "app-proxy-unreachable", "this-page-cant-be-displayed", SEV_PROBLEM);
		assert_string_equal(rep->outcome, "this-page-cant-be-displayed");
	}
	/* a host that only contains the name is not the proxy's */
	w->url.url = "https://msappproxy.net.example.com/certsrv/mscep/mscep.dll";
	expect(run(w), "url", "timeout", "blocked-on-the-network", SEV_PROBLEM);
}

/* The application proxy's certificate is Microsoft's: a TLS failure there
 * gets the proxy's advice, not the IIS binding of tls-expired and others. */
static void the_application_proxy_certificate_fails(void **state)
{
	world *w = *state;
	static const long verify[] = { X509_V_ERR_CERT_HAS_EXPIRED,
				       X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, X509_V_OK };
	for (size_t i = 0; i < 3; i++) {
		probe_result *all[] = { &w->url, &w->caps, &w->cacert, &w->longreq };
		for (size_t k = 0; k < 4; k++) {
			broke(all[k], PROBE_TLS_VERIFY, "SSL certificate problem: certificate has expired");
			all[k]->verify_result = verify[i];
			all[k]->url = "https://ndes-contoso.msappproxy.net/certsrv/mscep/mscep.dll";
		}
		const check_report *rep = run(w);
		const finding *f = expect(rep, "url", "tls-app-proxy", "this-page-cant-be-displayed",
					  SEV_PROBLEM);
		assert_string_equal(f->detail, "SSL certificate problem: certificate has expired");
		assert_null(strstr(f->kind->message, "IIS"));
		assert_null(find(rep, "tls-expired"));
		assert_int_equal(check_report_problems(rep), 1);
		assert_string_equal(rep->outcome, "this-page-cant-be-displayed");
	}
	w->url.url = "https://ndes.contoso.com/certsrv/mscep/mscep.dll";
	w->url.verify_result = X509_V_ERR_CERT_HAS_EXPIRED;
	expect(run(w), "url", "tls-expired", NULL, SEV_PROBLEM);
}

static void limits_reached(void **state)
{
	world *w = *state;
	broke(&w->url, PROBE_TOO_BIG, "Exceeded the maximum allowed file size (1048576)");
	const check_report *rep = run(w);
	expect(rep, "url", "too-big", "less-common-status-codes", SEV_PROBLEM);
	assert_string_equal(rep->outcome, "other");
	broke(&w->url, PROBE_REDIRECTS, "Maximum (5) redirects followed");
	rep = run(w);
	expect(rep, "url", "redirects", "less-common-status-codes", SEV_PROBLEM);
}

static void insecure_is_reported(void **state)
{
	world *w = *state;
	w->in.insecure = 1;
	w->url.verify_result = X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY;
	const check_report *rep = run(w);
	expect(rep, "tls", "tls-not-verified", NULL, SEV_WARNING);
	const finding *f = expect(rep, "tls", "tls-would-fail", NULL, SEV_WARNING);
	assert_string_equal(f->detail, "unable to get local issuer certificate");
	assert_null(find(rep, "tls-verified"));
	assert_string_equal(rep->outcome, "ok");
	/* the chain verified apart gives the real reason, or none */
	long apart = X509_V_ERR_CERT_HAS_EXPIRED;
	w->in.insecure_verify = &apart;
	f = expect(run(w), "tls", "tls-would-fail", NULL, SEV_WARNING);
	assert_string_equal(f->detail, "certificate has expired");
	apart = X509_V_OK;
	assert_null(find(run(w), "tls-would-fail"));
	w->in.insecure_verify = NULL;
}

static void trust_comes_from_cacert(void **state)
{
	world *w = *state;
	w->in.cacert_file = "/etc/contoso-root.pem";
	const finding *f = expect(run(w), "tls", "tls-verified", NULL, SEV_OK);
	assert_string_equal(f->detail, "/etc/contoso-root.pem");
	w->url.url = "http://ndes.contoso.com/certsrv/mscep/mscep.dll";
	w->url.tls = 0;
	expect(run(w), "tls", "no-tls", NULL, SEV_INFO);
}

static void weak_capabilities_warn(void **state)
{
	world *w = *state;
	answer_text(&w->caps, 200, "HTTP/1.1 200 OK", "SHA-1\nDES3\nGetNextCACert\n");
	const check_report *rep = run(w);
	expect(rep, "GetCACaps", "caps-no-sha256", NULL, SEV_WARNING);
	expect(rep, "GetCACaps", "caps-no-post", NULL, SEV_WARNING);
	assert_string_equal(rep->outcome, "ok");
	answer_text(&w->caps, 200, "HTTP/1.1 200 OK", "SCEPStandard\n");
	rep = run(w);
	assert_null(find(rep, "caps-no-sha256"));
	assert_null(find(rep, "caps-no-post"));
}

/* R answered 200 with the LEN bytes of BODY. */
static void answer_bytes(probe_result *r, const void *body, size_t len)
{
	free(r->body);
	r->body = malloc(len ? len : 1);
	assert_non_null(r->body);
	memcpy(r->body, body, len);
	r->body_len = len;
	r->end = PROBE_ANSWERED;
	r->status = 200;
	r->status_line = "HTTP/1.1 200 OK";
}

/* A GetCACaps body that is not a list of keywords is a problem, not "ok,
 * 5 unknown ignored". */
static void capabilities_that_are_not_a_list(void **state)
{
	world *w = *state;
	static const unsigned char gzip[] = { 0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
					      0x03, 0x0b, 0xf6, 0x70, 0xd4, 0x35, 0x32, 0x35, 0xe3 };
	static const unsigned char binary[] = { 'S', 'H', 'A', 0, 0xff, 0xfe, '\n', 'A', 'E', 'S' };
	size_t big = 1000000;
	char *line = malloc(big);
	assert_non_null(line);
	memset(line, 'A', big);
	const struct {
		const void *body;
		size_t len;
		const char *detail;
	} cases[] = {
		{ "<html><head><title>Network Device Enrollment Service</title></head>\n<body>\n"
		  "<p>Network Device Enrollment Service allows you to obtain certificates</p>\n</body></html>",
		  0, "an HTML page" },
		{ gzip, sizeof gzip, "gzip-compressed data" },
		{ binary, sizeof binary, "binary data" },
		{ line, big, "one line of 1000000 bytes" },
		{ "POSTPKIOperation\nSHA-256\nthis is not a keyword\n", 0,
		  "lines that are no capability keyword: 1" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].body);
		answer_bytes(&w->caps, cases[i].body, len);
		const check_report *rep = run(w);
		const finding *f = expect(rep, "GetCACaps", "caps-not-a-list", "less-common-status-codes",
					  SEV_PROBLEM);
		assert_string_equal(f->detail, cases[i].detail);
		assert_null(find(rep, "caps"));
		assert_false(rep->have_caps);
	}
	free(line);
	/* unknown keywords are still ignored, as RFC 8894 asks */
	answer_text(&w->caps, 200, "HTTP/1.1 200 OK", "POSTPKIOperation\r\nSHA-256\r\nX-Future.2\r\n\r\n");
	const check_report *rep = run(w);
	expect(rep, "GetCACaps", "caps", NULL, SEV_OK);
	assert_null(find(rep, "caps-not-a-list"));
}

/* curl's "Out of memory" for a header line over 100 KB says what happened. */
static void a_header_too_long(void **state)
{
	world *w = *state;
	broke(&w->url, PROBE_HEADER_TOO_BIG, "a header line is longer than curl's limit of 100 KB");
	const check_report *rep = run(w);
	expect(rep, "url", "header-too-big", "less-common-status-codes", SEV_PROBLEM);
}

static void certificates_that_cannot_be_read(void **state)
{
	world *w = *state;
	answer_text(&w->cacert, 200, "HTTP/1.1 200 OK", "<html>not a certificate</html>");
	w->cacert.content_type = "application/x-x509-ca-ra-cert";
	const check_report *rep = run(w);
	const finding *f = expect(rep, "GetCACert", "certs-unreadable", "less-common-status-codes",
				  SEV_PROBLEM);
	assert_string_equal(f->detail, "not a PKCS#7 structure");
	assert_string_equal(rep->outcome, "other");

	answer_file(&w->cacert, 200, "HTTP/1.1 200 OK", "application/x-x509-ca-ra-cert", "scep/ca.der");
	rep = run(w);
	expect(rep, "GetCACert", "certs-unexpected-type", NULL, SEV_WARNING);
	expect(rep, "GetCACert", "no-ra", NULL, SEV_INFO);
}

/* An operation that answers what only the bare URL should. */
static void an_operation_answering_403(void **state)
{
	world *w = *state;
	answer_text(&w->caps, 403, "HTTP/1.1 403 Forbidden", "<h1>403 Forbidden</h1>");
	const check_report *rep = run(w);
	expect(rep, "GetCACaps", "status-other", "less-common-status-codes", SEV_PROBLEM);
	assert_string_equal(rep->outcome, "other");
}

static void printable(const char *s)
{
	for (; s && *s; s++)
		assert_true(*s == '\n' || (*s >= 0x20 && *s < 0x7f));
}

/* Whatever a server sends, what reaches the terminal is printable. */
static void hostile_bytes_are_escaped(void **state)
{
	world *w = *state;
	answer_text(&w->url, 418, "HTTP/1.1 418 \x1b[2J\x1b]0;owned\x07", "<title>\x1b[31mred\xff</title>");
	w->url.headers = "Server: evil\x1b[8m\r\nX-Powered-By: \xc3\xa9\x9b\n";
	const check_report *rep = run(w);
	for (size_t i = 0; i < rep->findings.n; i++) {
		const finding *e = &rep->findings.v[i];
		printable(e->detail);
		for (size_t j = 0; j < e->nlines; j++)
			printable(e->lines[j].text);
	}
	const finding *f = find(rep, "status-other");
	assert_non_null(f);
	assert_true(evidence_has(f, "Server: evil\\x1b[8m"));
	w->url.headers = NULL;
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(a_healthy_ndes_passes),
		T(the_general_ndes_page),
		T(another_page_is_not_the_ndes_page),
		T(service_unavailable_is_said_once),
		T(gateway_timeouts),
		T(long_requests_refused),
		T(a_plain_404_is_another_status),
		T(a_long_request_failing_otherwise),
		T(the_figures_give_the_severity),
		T(a_server_failing_short_requests_too),
		T(internal_server_error),
		T(mscep_ra_expiry),
		T(everything_expired),
		T(no_answer),
		T(the_application_proxy_cannot_be_reached),
		T(the_application_proxy_certificate_fails),
		T(limits_reached),
		T(insecure_is_reported),
		T(trust_comes_from_cacert),
		T(weak_capabilities_warn),
		T(capabilities_that_are_not_a_list),
		T(a_header_too_long),
		T(certificates_that_cannot_be_read),
		T(an_operation_answering_403),
		T(hostile_bytes_are_escaped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
