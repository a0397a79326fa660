/* check_run: the requests of the live checks (probe, one per row of
 * diagnose_requests), then what they mean (diagnose). */
#include <config.h>

#include "check.h"
#include "diagnose.h"
#include "i18n.h"
#include "probe.h"
#include "strbuf.h"
#include "trust.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

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

static void refuse(check_report *rep, finding_kind_id kind, const char *why)
{
	finding_add(&rep->findings, finding_builtin(kind), untrusted_text(why, strlen(why), 300));
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

struct live_check {
	check_report rep;       /* url, insecure, and the refusal if any */
	int refused;
	probe_result r[REQ_COUNT];
	probe_batch *batch;
	const char *cacert;
	time_t deadline;
	relay rl;
};

live_check *check_begin(const char *url, const check_options *opt, check_progress progress, void *arg)
{
	char why[256];
	live_check *c = calloc(1, sizeof *c);
	if (c == NULL)
		return NULL;
	c->rep.url = printable_url(url, 2048);
	c->rep.insecure = opt->insecure;
	c->cacert = opt->cacert;
	c->rl = (relay){ progress, arg };
	if (probe_url_check(url, why, sizeof why) < 0) {
		refuse(&c->rep, FK_BAD_URL, why);
		c->refused = 1;
		return c;
	}
	/* Without the system's CA certificates every https check would fail
	 * and seem the server's fault. */
	const char *store = probe_default_cafile();
	if (strncasecmp(url, "https:", 6) == 0 && !opt->cacert && !opt->insecure && store &&
	    access(store, R_OK) != 0) {
		refuse(&c->rep, FK_CA_STORE_MISSING, store);
		c->refused = 1;
		return c;
	}
	for (size_t i = 0; i < REQ_COUNT; i++) {
		c->r[i].name = diagnose_requests[i].name;
		c->r[i].url = request_url(url, &diagnose_requests[i]);
	}
	long timeout = opt->timeout_s > 0 ? opt->timeout_s : 15;
	probe_options po = { .timeout_s = timeout, .cacert = opt->cacert, .insecure = opt->insecure };
	c->deadline = time(NULL) + timeout;
	if (progress)
		progress(_("connecting"), 0, REQ_COUNT, arg);
	c->batch = probe_begin(c->r, REQ_COUNT, &po, on_done, &c->rl);
	return c;
}

int check_step(live_check *c, int ms, int wake_fd)
{
	return c && c->batch ? probe_step(c->batch, ms, wake_fd) : 0;
}

size_t check_poll_fds(live_check *c, struct pollfd *fds, size_t max, int *timeout_ms)
{
	if (c == NULL || c->batch == NULL) {
		*timeout_ms = 0;        /* nothing to wait for: step it now */
		return 0;
	}
	return probe_poll_fds(c->batch, fds, max, timeout_ms);
}

long check_seconds_left(const live_check *c)
{
	long left = c ? (long)(c->deadline - time(NULL)) : 0;
	return left > 0 ? left : 0;
}

static void release(live_check *c)
{
	probe_free(c->batch);
	for (size_t i = 0; i < REQ_COUNT; i++)
		probe_result_free(&c->r[i]);
	check_report_free(&c->rep);
	free(c);
}

void check_cancel(live_check *c)
{
	if (c == NULL)
		return;
	probe_cancel(c->batch);
	release(c);
}

/* With --insecure curl verifies nothing: the URL's chain is verified here
 * against --cacert or the system store, so the report gives the reason a
 * device would see. 0 when there is no chain to verify. */
static int verify_apart(const live_check *c, long *result)
{
	const probe_result *r = &c->r[REQ_URL];
	const char *cafile = c->cacert ? c->cacert : probe_default_cafile();
	if (r->chain == NULL || cafile == NULL)
		return 0;
	char *host = probe_url_host(r->final_url ? r->final_url : r->url);
	*result = trust_verify(r->chain, r->chain_len, host, cafile);
	free(host);
	return *result >= 0;
}

int check_finish(live_check *c, check_report *rep)
{
	*rep = (check_report){ 0 };
	if (c == NULL)
		return -1;
	/* Whatever still runs is stopped: the report is of what ended. */
	probe_cancel(c->batch);
	int refused = c->refused;
	diagnose_input in = { .cacert_file = c->cacert, .insecure = c->rep.insecure,
			      .now = time(NULL) };
	for (size_t i = 0; i < REQ_COUNT; i++)
		in.r[i] = &c->r[i];
	long apart;
	if (!refused && c->rep.insecure && verify_apart(c, &apart))
		in.insecure_verify = &apart;
	*rep = c->rep;
	c->rep = (check_report){ 0 };
	if (!refused)
		diagnose(&in, rep);
	release(c);
	return refused ? -1 : 0;
}

int check_run(const char *url, const check_options *opt, check_report *rep,
	      check_progress progress, void *arg)
{
	live_check *c = check_begin(url, opt, progress, arg);
	while (check_step(c, 1000, -1))
		;
	return check_finish(c, rep);
}
