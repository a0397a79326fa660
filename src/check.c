/* check_run: the requests of the live checks (probe, one per row of
 * diagnose_requests), the later rounds that measure the long request, then
 * what they mean (diagnose). */
#include <config.h>

#include "check.h"
#include "diagnose.h"
#include "i18n.h"
#include "long_request.h"
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
	int before;             /* requests of the rounds before this one */
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
		rl->progress(request_title(r->name), rl->before + (int)done, rl->before + (int)total,
			     rl->arg);
}

static void refuse(check_report *rep, finding_kind_id kind, const char *why)
{
	finding_add(&rep->findings, finding_builtin(kind), untrusted_text(why, strlen(why), 300));
}

/* URL with its query replaced by QUERY and PAD 'A's. */
static char *request_url(const char *url, const char *query, size_t pad)
{
	if (query == NULL)
		return strdup(url);
	size_t n = strlen(query);
	char *q = malloc(n + pad + 1);
	if (q == NULL)
		return NULL;
	memcpy(q, query, n);
	memset(q + n, 'A', pad);
	q[n + pad] = '\0';
	char *u = probe_url_with_query(url, q);
	free(q);
	return u;
}

struct live_check {
	check_report rep;       /* url, insecure, and the refusal if any */
	int refused;
	char *url;              /* as given, for the rounds after the first */
	probe_result r[REQ_COUNT];      /* the first round: one request of each row */
	probe_batch *batch;     /* the round in flight, or NULL */
	const char *cacert;
	probe_options po;
	time_t deadline;        /* the first round's */
	time_t measure_deadline;        /* the later rounds', all together */
	relay rl;
	/* The long request, measured: its rounds after the first, and the
	 * answers the figures rest on. */
	long_search search;
	size_t overhead;        /* bytes of the long request without its 'A's */
	probe_result round[LONG_PER_ROUND];
	size_t round_size[LONG_PER_ROUND], round_n;     /* round_n 0: the first round */
	int round_full;         /* the round had the whole --timeout */
	probe_result long_ok, long_refused;
	/* After a failed verification, the handshake once more, verifying
	 * nothing and sending no request, to read the chain the server sends:
	 * what a device would refuse in it says why. */
	probe_result sent;
	int sent_running;
};

/* The long request of SIZE bytes in all, or as near as the URL allows. */
static char *long_url(const live_check *c, size_t *size)
{
	const diagnose_request *q = &diagnose_requests[REQ_LONG];
	size_t pad = *size > c->overhead ? *size - c->overhead : 0;
	*size = c->overhead + pad;
	return request_url(c->url, q->query, pad);
}

static void start_first_round(live_check *c, long timeout)
{
	const char *url = c->url;
	char *base = request_url(url, diagnose_requests[REQ_LONG].query, 0);
	c->overhead = base ? long_request_bytes(base) : 0;
	free(base);
	long_search_init(&c->search, c->overhead);
	size_t size = LONG_TARGET_BYTES;
	long_search_next(&c->search, &size, 1);         /* the first round's one size */
	for (size_t i = 0; i < REQ_COUNT; i++) {
		c->r[i].name = diagnose_requests[i].name;
		c->r[i].url = i == REQ_LONG ? long_url(c, &size)
					    : request_url(url, diagnose_requests[i].query, 0);
	}
	c->round_size[0] = size;
	c->po = (probe_options){ .timeout_s = timeout, .cacert = c->cacert,
				 .insecure = c->rep.insecure };
	c->deadline = time(NULL) + timeout;
	c->measure_deadline = c->deadline + timeout;
	if (c->rl.progress)
		c->rl.progress(_("connecting"), 0, REQ_COUNT, c->rl.arg);
	c->batch = probe_begin(c->r, REQ_COUNT, &c->po, on_done, &c->rl);
}

static void free_round(live_check *c)
{
	for (size_t i = 0; i < c->round_n; i++)
		probe_result_free(&c->round[i]);
}

static void release(live_check *c)
{
	probe_free(c->batch);
	for (size_t i = 0; i < REQ_COUNT; i++)
		probe_result_free(&c->r[i]);
	free_round(c);
	probe_result_free(&c->long_ok);
	probe_result_free(&c->long_refused);
	probe_result_free(&c->sent);
	check_report_free(&c->rep);
	free(c->url);
	free(c);
}

live_check *check_begin(const char *url, const check_options *opt, check_progress progress, void *arg)
{
	char why[256];
	live_check *c = calloc(1, sizeof *c);
	if (c == NULL)
		return NULL;
	c->rep.url = printable_url(url, 2048);
	c->rep.insecure = opt->insecure;
	c->cacert = opt->cacert;
	c->rl = (relay){ progress, arg, 0 };
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
	c->url = strdup(url);
	if (c->url == NULL) {
		release(c);
		return NULL;
	}
	start_first_round(c, opt->timeout_s > 0 ? opt->timeout_s : 15);
	return c;
}

/* Moves R into *KEPT (the answer a figure rests on), leaving R empty. */
static void keep(probe_result *kept, probe_result *r)
{
	probe_result_free(kept);
	*kept = *r;
	*r = (probe_result){ .end = PROBE_CANCELLED };
}

static void record(live_check *c, probe_result *r, size_t size, int full_time)
{
	long_answer a = long_answer_of(r, full_time);
	long_search_record(&c->search, size, a);
	if (a == LONG_ANSWER_OK && size == c->search.largest_ok)
		keep(&c->long_ok, r);
	else if (a == LONG_ANSWER_REFUSED && size == c->search.first_refused)
		keep(&c->long_refused, r);
}

/* What the round that ended (or was stopped) says of the long request. The
 * first says something only when a short GetCACaps got through: else the
 * server fails whatever the size, and the search ends there. */
static void record_round(live_check *c)
{
	if (c->round_n == 0) {
		const probe_result *caps = &c->r[REQ_CAPS];
		record(c, &c->r[REQ_LONG], c->round_size[0], 1);
		if (caps->end != PROBE_ANSWERED || caps->status != 200)
			long_search_stop(&c->search);
		return;
	}
	for (size_t i = 0; i < c->round_n; i++)
		record(c, &c->round[i], c->round_size[i], c->round_full);
}

/* The next round of the measurement, if it needs one and time is left: the
 * later rounds share one --timeout. */
static void start_round(live_check *c)
{
	size_t sizes[LONG_PER_ROUND];
	long left = (long)(c->measure_deadline - time(NULL));
	size_t n = left > 0 ? long_search_next(&c->search, sizes, LONG_PER_ROUND) : 0;
	if (n == 0)
		return;
	c->rl.before += c->round_n ? (int)c->round_n : REQ_COUNT;
	free_round(c);
	for (size_t i = 0; i < n; i++) {
		c->round_size[i] = sizes[i];
		c->round[i] = (probe_result){ .name = diagnose_requests[REQ_LONG].name };
		c->round[i].url = long_url(c, &c->round_size[i]);
	}
	c->round_n = n;
	probe_options po = c->po;
	c->round_full = left >= po.timeout_s;
	if (!c->round_full)
		po.timeout_s = left;
	if (c->rl.progress)
		c->rl.progress(request_title(c->round[0].name), c->rl.before, c->rl.before + (int)n,
			       c->rl.arg);
	c->batch = probe_begin(c->round, n, &po, on_done, &c->rl);
}

/* When the URL's certificate wasn't accepted: the chain round, within the
 * later rounds' time (the long request has none then: every request fails
 * as the URL does). 1 when it started. */
static int start_chain_round(live_check *c)
{
	const probe_result *u = &c->r[REQ_URL];
	long left = (long)(c->measure_deadline - time(NULL));
	if (u->end != PROBE_TLS_VERIFY || c->rep.insecure || left <= 0)
		return 0;
	c->sent = (probe_result){ .name = u->name, .url = strdup(u->url) };
	probe_options po = c->po;
	po.insecure = po.connect_only = 1;
	po.timeout_s = left < po.timeout_s ? left : po.timeout_s;
	c->rl.before += REQ_COUNT;
	c->batch = c->sent.url ? probe_begin(&c->sent, 1, &po, on_done, &c->rl) : NULL;
	c->sent_running = c->batch != NULL;
	return c->sent_running;
}

int check_step(live_check *c, int ms, int wake_fd)
{
	if (c == NULL || c->batch == NULL)
		return 0;
	if (probe_step(c->batch, ms, wake_fd))
		return 1;
	probe_free(c->batch);
	c->batch = NULL;
	if (c->sent_running) {
		c->sent_running = 0;
		return 0;       /* the chain round is the last */
	}
	record_round(c);
	if (c->round_n == 0 && start_chain_round(c))
		return 1;
	start_round(c);
	return c->batch != NULL;
}

size_t check_poll_fds(live_check *c, struct pollfd *fds, size_t max, int *timeout_ms)
{
	if (c == NULL || c->batch == NULL) {
		*timeout_ms = 0;        /* nothing to wait for: step it now */
		return 0;
	}
	return probe_poll_fds(c->batch, fds, max, timeout_ms);
}

/* Until the first round's long request got through, later rounds may come:
 * the countdown counts their time too, so it only ever goes down. */
long check_seconds_left(const live_check *c)
{
	if (c == NULL || c->batch == NULL)
		return 0;
	const probe_result *l = &c->r[REQ_LONG];
	int last = c->round_n == 0 && l->end == PROBE_ANSWERED && l->status == 200;
	long left = (long)((last ? c->deadline : c->measure_deadline) - time(NULL));
	return left > 0 ? left : 0;
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
	if (c->batch) {
		probe_cancel(c->batch);
		if (!c->sent_running)
			record_round(c);
	}
	/* The chain the server sends, read apart when curl refused it. */
	probe_result *u = &c->r[REQ_URL];
	if (u->chain == NULL && c->sent.chain) {
		u->chain = c->sent.chain;
		u->chain_len = c->sent.chain_len;
		c->sent.chain = NULL;
	}
	int refused = c->refused;
	diagnose_input in = { .cacert_file = c->cacert, .insecure = c->rep.insecure,
			      .now = time(NULL), .search = &c->search,
			      .long_ok = c->long_ok.url ? &c->long_ok : NULL,
			      .long_refused = c->long_refused.url ? &c->long_refused : NULL };
	for (size_t i = 0; i < REQ_COUNT; i++)
		in.r[i] = &c->r[i];
	long apart;
	if (!refused && c->rep.insecure && verify_apart(c, &apart))
		in.insecure_verify = &apart;
	char *host = refused ? NULL : probe_url_host(u->final_url ? u->final_url : u->url);
	in.host = host;
	in.trust_file = c->cacert ? c->cacert : probe_default_cafile();
	*rep = c->rep;
	c->rep = (check_report){ 0 };
	if (!refused)
		diagnose(&in, rep);
	free(host);
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
