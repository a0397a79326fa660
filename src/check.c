/* check_run: the four requests of the live checks (probe), then what they
 * mean (diagnose). */
#include <config.h>

#include "check.h"
#include "diagnose.h"
#include "i18n.h"
#include "probe.h"
#include "strbuf.h"

#include <stdlib.h>
#include <string.h>

enum { REQ_URL, REQ_CAPS, REQ_CACERT, REQ_LONG, NREQ };

typedef struct {
	check_progress progress;
	void *arg;
} relay;

static void on_done(const probe_result *r, size_t done, size_t total, void *arg)
{
	relay *rl = arg;
	if (rl->progress)
		rl->progress(check_title(r->name), (int)done, (int)total, rl->arg);
}

static void refuse(check_report *rep, const char *why)
{
	finding *f = calloc(1, sizeof *f);
	if (f == NULL)
		return;
	*f = (finding){ .code = "bad-url", .sev = SEV_PROBLEM,
			.detail = untrusted_text(why, strlen(why), 300), .check = "url" };
	rep->findings = f;
	rep->nfindings = 1;
}

/* The long request: GetCACaps with a message as long as a PKIOperation that
 * a device sends by GET (base64 letters need no escaping). */
static char *long_query(void)
{
	static const char prefix[] = "operation=GetCACaps&message=";
	char *q = malloc(sizeof prefix + DIAGNOSE_LONG_MESSAGE);
	if (q) {
		memcpy(q, prefix, sizeof prefix - 1);
		memset(q + sizeof prefix - 1, 'A', DIAGNOSE_LONG_MESSAGE);
		q[sizeof prefix - 1 + DIAGNOSE_LONG_MESSAGE] = '\0';
	}
	return q;
}

static void set_up(probe_result *r, const char *url)
{
	static const char *const names[NREQ] = { "url", "GetCACaps", "GetCACert", "long-request" };
	char *longq = long_query();
	for (size_t i = 0; i < NREQ; i++)
		r[i].name = names[i];
	r[REQ_URL].url = strdup(url);
	r[REQ_CAPS].url = probe_url_with_query(url, "operation=GetCACaps&message=ca");
	r[REQ_CACERT].url = probe_url_with_query(url, "operation=GetCACert&message=ca");
	r[REQ_LONG].url = longq ? probe_url_with_query(url, longq) : NULL;
	free(longq);
}

int check_run(const char *url, const check_options *opt, check_report *rep,
	      check_progress progress, void *arg)
{
	char why[256];
	*rep = (check_report){ 0 };
	rep->url = untrusted_text(url, strlen(url), 2048);
	rep->insecure = opt->insecure;
	if (probe_url_check(url, why, sizeof why) < 0) {
		refuse(rep, why);
		return -1;
	}

	probe_result r[NREQ] = { 0 };
	probe_options po = { .timeout_s = opt->timeout_s > 0 ? opt->timeout_s : 15,
			     .cacert = opt->cacert, .insecure = opt->insecure };
	relay rl = { progress, arg };
	set_up(r, url);
	if (progress)
		progress(_("connecting"), 0, NREQ, arg);
	probe_run(r, NREQ, &po, on_done, &rl);

	diagnose_input in = { .url = &r[REQ_URL], .caps = &r[REQ_CAPS], .cacert = &r[REQ_CACERT],
			      .longreq = &r[REQ_LONG], .cacert_file = opt->cacert,
			      .insecure = opt->insecure, .now = time(NULL) };
	diagnose(&in, rep);
	for (size_t i = 0; i < NREQ; i++)
		probe_result_free(&r[i]);
	return 0;
}
