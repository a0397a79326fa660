/* check_run: the requests of the live checks (probe, one per row of
 * diagnose_requests), then what they mean (diagnose). */
#include <config.h>

#include "check.h"
#include "diagnose.h"
#include "i18n.h"
#include "probe.h"
#include "strbuf.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
	check_progress progress;
	void *arg;
} relay;

static const char *request_title(const char *name)
{
	for (size_t i = 0; i < REQ_COUNT; i++)
		if (strcmp(diagnose_requests[i].name, name) == 0)
			return _(diagnose_requests[i].title);
	return name;
}

static void on_done(const probe_result *r, size_t done, size_t total, void *arg)
{
	relay *rl = arg;
	if (rl->progress)
		rl->progress(request_title(r->name), (int)done, (int)total, rl->arg);
}

static void refuse(check_report *rep, const char *why)
{
	finding_add(&rep->findings, finding_builtin(FK_BAD_URL), untrusted_text(why, strlen(why), 300));
}

/* The URL of request Q: the URL as given, or with its query replaced. */
static char *request_url(const char *url, const diagnose_request *q)
{
	if (q->query == NULL)
		return strdup(url);
	size_t n = strlen(q->query);
	char *query = malloc(n + q->pad + 1);
	if (query == NULL)
		return NULL;
	memcpy(query, q->query, n);
	memset(query + n, 'A', q->pad);
	query[n + q->pad] = '\0';
	char *u = probe_url_with_query(url, query);
	free(query);
	return u;
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

	probe_result r[REQ_COUNT] = { 0 };
	diagnose_input in = { .cacert_file = opt->cacert, .insecure = opt->insecure };
	for (size_t i = 0; i < REQ_COUNT; i++) {
		r[i].name = diagnose_requests[i].name;
		r[i].url = request_url(url, &diagnose_requests[i]);
		in.r[i] = &r[i];
	}
	probe_options po = { .timeout_s = opt->timeout_s > 0 ? opt->timeout_s : 15,
			     .cacert = opt->cacert, .insecure = opt->insecure };
	relay rl = { progress, arg };
	if (progress)
		progress(_("connecting"), 0, REQ_COUNT, arg);
	probe_run(r, REQ_COUNT, &po, on_done, &rl);

	in.now = time(NULL);
	diagnose(&in, rep);
	for (size_t i = 0; i < REQ_COUNT; i++)
		probe_result_free(&r[i]);
	return 0;
}
