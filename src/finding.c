/* Findings for people: what each code means in a sentence, in the current
 * language, and the report's bookkeeping. */
#include <config.h>

#include "check.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each code's sentence. The TLS ones carry the advice that matches the cause,
 * since the article's "This page can't be displayed" names only one of them. */
static const struct {
	const char *code, *text;
} messages[] = {
	{ "bad-url", N_("the URL can't be checked") },
	{ "status-403", N_("HTTP 403 Forbidden, as a working NDES answers") },
	{ "ndes-page", N_("the general Network Device Enrollment Service page instead of HTTP 403") },
	{ "status-503", N_("HTTP 503: the service is unavailable") },
	{ "status-504", N_("HTTP 504: the gateway timed out") },
	{ "gatewaytimeout-page", N_("the application proxy's GatewayTimeout error") },
	{ "status-414", N_("HTTP 414: the request URI is too long") },
	{ "request-filtering",
	  N_("HTTP 404.14 or 404.15: IIS request filtering refuses the URL or its query as too long") },
	{ "request-too-long", N_("HTTP 400: the server refuses the request as too long") },
	{ "status-500", N_("HTTP 500: internal server error") },
	{ "status-other", N_("an answer the article doesn't list") },
	{ "dns", N_("the host name doesn't resolve") },
	{ "connect-refused", N_("the connection is refused: nothing listens on that port") },
	{ "connect", N_("the host can't be reached") },
	{ "timeout", N_("no answer within the time limit (--timeout)") },
	{ "tls-handshake", N_("the TLS handshake fails") },
	{ "tls-unknown-issuer",
	  N_("the server's certificate isn't issued by a trusted CA: devices must trust its "
	     "root (a root, not an intermediate, in the trusted certificate profile); give "
	     "that root to scepwiz with --cacert") },
	{ "tls-expired",
	  N_("the server's certificate has expired: renew it and bind the new one to the "
	     "site in IIS (or upload it to the application proxy)") },
	{ "tls-not-yet-valid", N_("the server's certificate isn't valid yet: check its dates and "
				  "this computer's clock") },
	{ "tls-name-mismatch",
	  N_("the server's certificate doesn't name the host in the URL: use the external URL "
	     "the certificate was issued for (with Application Proxy, yourtenant.msappproxy.net)") },
	{ "tls-verify", N_("the server's certificate isn't accepted") },
	{ "too-big", N_("the answer is larger than 1 MiB; the rest was not read") },
	{ "redirects", N_("more than 5 redirects") },
	{ "proxy", N_("the proxy from the environment (https_proxy, http_proxy) fails") },
	{ "transfer-failed", N_("the request fails") },
	{ "no-tls", N_("plain http: there is no certificate to check") },
	{ "tls-verified", N_("the server's certificate is valid and trusted") },
	{ "tls-not-verified", N_("the server's certificate was NOT verified (--insecure)") },
	{ "tls-would-fail", N_("the server's certificate would fail verification") },
	{ "caps", N_("the server names its capabilities") },
	{ "caps-no-sha256", N_("SHA-256 isn't offered: devices fall back to weaker hashes") },
	{ "caps-no-post",
	  N_("POSTPKIOperation isn't offered: devices must send requests as long GET URLs") },
	{ "certs", N_("the CA certificates are readable") },
	{ "certs-unreadable", N_("the answer isn't a certificate the devices can read") },
	{ "certs-unexpected-type", N_("the Content-Type doesn't match the certificates sent") },
	{ "ra-expired", N_("an MSCEP-RA certificate has expired") },
	{ "ra-expiring", N_("an MSCEP-RA certificate expires within 30 days") },
	{ "ca-expired", N_("a CA certificate has expired") },
	{ "ca-expiring", N_("a CA certificate expires within 30 days") },
	{ "not-yet-valid", N_("a certificate isn't valid yet") },
	{ "no-ra", N_("no RA certificate: NDES sends its MSCEP-RA certificates with the CA's") },
	{ "long-ok", N_("a request with a 20 KB message is accepted, as devices send them") },
	{ "long-differs", N_("a request with a 20 KB message fails while short ones work") },
};

static const struct {
	const char *check, *title;
} checks[] = {
	{ "url", N_("SCEP server URL") },
	{ "tls", N_("TLS") },
	{ "GetCACaps", N_("GetCACaps") },
	{ "GetCACert", N_("GetCACert") },
	{ "long-request", N_("Long request") },
};

const char *check_title(const char *check)
{
	for (size_t i = 0; check && i < sizeof checks / sizeof *checks; i++)
		if (strcmp(check, checks[i].check) == 0)
			return _(checks[i].title);
	return check ? check : "";
}

static const char *message(const char *code)
{
	for (size_t i = 0; code && i < sizeof messages / sizeof *messages; i++)
		if (strcmp(code, messages[i].code) == 0)
			return _(messages[i].text);
	return code ? code : "";
}

const char *finding_summary(const finding *f, char *buf, size_t size)
{
	const char *what = f->check ? check_title(f->check) : NULL;
	const char *msg = message(f->code);
	const char *detail = f->detail && *f->detail ? f->detail : NULL;
	if (what && detail)
		snprintf(buf, size, "%s: %s (%s)", what, msg, detail);
	else if (what)
		snprintf(buf, size, "%s: %s", what, msg);
	else if (detail)
		snprintf(buf, size, "%s (%s)", msg, detail);
	else
		snprintf(buf, size, "%s", msg);
	return buf;
}

size_t check_report_problems(const check_report *rep)
{
	size_t n = 0;
	for (size_t i = 0; i < rep->nfindings; i++)
		n += rep->findings[i].sev == SEV_PROBLEM;
	return n;
}

void check_report_free(check_report *rep)
{
	for (size_t i = 0; i < rep->nfindings; i++) {
		free(rep->findings[i].detail);
		free(rep->findings[i].evidence);
	}
	free(rep->findings);
	free(rep->url);
	scep_certs_free(&rep->certs);
	*rep = (check_report){ 0 };
}
