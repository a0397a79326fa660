/* Every libcurl call of scepwiz: the requests of the live checks, run at
 * once with the multi interface, each bounded in time, size and redirects. */
#include <config.h>

#include "probe.h"
#include "i18n.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/select.h>

/* ---- URLs (curl's URL API, so we parse as the transfer will) ------------ */

static int scheme_ok(CURLU *u)
{
	char *scheme = NULL;
	int ok = curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
		 (strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0);
	curl_free(scheme);
	return ok;
}

/* "http:///x": curl reads the path's first part as the host; a browser
 * and the article would not. */
static int empty_authority(const char *url)
{
	const char *sep = strstr(url, "://");
	return sep && sep[3] == '/';
}

int probe_url_check(const char *url, char *why, size_t size)
{
	CURLU *u = curl_url();
	if (u == NULL) {
		snprintf(why, size, "%s", _("out of memory"));
		return -1;
	}
	/* NON_SUPPORT_SCHEME: parse ftp:// or foo:// fully, then refuse by name. */
	CURLUcode rc = curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME);
	char *host = NULL;
	int ret = -1;
	if (rc != CURLUE_OK)
		snprintf(why, size, "%s", curl_url_strerror(rc));
	else if (!scheme_ok(u))
		snprintf(why, size, "%s", _("only http and https URLs can be checked"));
	else if (curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK || *host == '\0' ||
		 empty_authority(url))
		snprintf(why, size, "%s", _("the URL names no host"));
	else
		ret = 0;
	curl_free(host);
	curl_url_cleanup(u);
	return ret;
}

char *probe_url_host(const char *url)
{
	CURLU *u = curl_url();
	char *host = NULL, *copy = NULL;
	if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
		/* [::1] names the address ::1 */
		size_t n = strlen(host);
		copy = host[0] == '[' && n > 2 ? strndup(host + 1, n - 2) : strdup(host);
	}
	curl_free(host);
	curl_url_cleanup(u);
	return copy;
}

const char *probe_default_cafile(void)
{
	static char path[4096];
	static int known;
	if (!known) {
		CURL *e = curl_easy_init();
		char *p = NULL;
		if (e && curl_easy_getinfo(e, CURLINFO_CAINFO, &p) == CURLE_OK && p)
			snprintf(path, sizeof path, "%s", p);
		curl_easy_cleanup(e);
		known = 1;
	}
	return path[0] ? path : NULL;
}

char *probe_url_with_query(const char *url, const char *query)
{
	CURLU *u = curl_url();
	char *s = NULL, *copy = NULL;
	if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_QUERY, query, 0) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_FRAGMENT, NULL, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_URL, &s, 0) == CURLUE_OK)
		copy = strdup(s);
	curl_free(s);
	curl_url_cleanup(u);
	return copy;
}

/* ---- one transfer ------------------------------------------------------- */

typedef struct {
	probe_result *res;
	CURL *easy;
	size_t body_cap;
	size_t headers_len;
	int too_big;
	int done;               /* finish() has filled in the result */
	struct curl_slist *post_headers;
	char errbuf[CURL_ERROR_SIZE];
} transfer;

static size_t on_body(char *data, size_t size, size_t nmemb, void *arg)
{
	transfer *t = arg;
	probe_result *r = t->res;
	size_t n = size * nmemb;
	if (n > PROBE_MAX_BODY - r->body_len) {
		t->too_big = 1;
		return 0;       /* aborts the transfer with CURLE_WRITE_ERROR */
	}
	if (r->body_len + n > t->body_cap) {
		size_t cap = t->body_cap ? t->body_cap : 16384;
		while (cap < r->body_len + n)
			cap *= 2;
		unsigned char *p = realloc(r->body, cap);
		if (p == NULL)
			return 0;
		r->body = p;
		t->body_cap = cap;
	}
	memcpy(r->body + r->body_len, data, n);
	r->body_len += n;
	return n;
}

/* The headers worth showing as evidence: who answered, what it sent, where
 * it redirects, and the application proxy's own (x-ms-...). */
static int header_matters(const char *line, size_t n)
{
	static const char *const names[] = {
		"server:", "content-type:", "content-length:", "location:", "retry-after:",
		"x-powered-by:", "www-authenticate:", "x-ms-",
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		size_t k = strlen(names[i]);
		if (n >= k && strncasecmp(line, names[i], k) == 0)
			return 1;
	}
	return 0;
}

static void keep_line(char **dst, size_t *len, const char *line, size_t n, size_t max)
{
	while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		n--;
	if (*len + n + 2 > max)
		return;
	char *p = realloc(*dst, *len + n + 2);
	if (p == NULL)
		return;
	memcpy(p + *len, line, n);
	*len += n;
	p[(*len)++] = '\n';
	p[*len] = '\0';
	*dst = p;
}

static size_t on_header(char *line, size_t size, size_t nmemb, void *arg)
{
	transfer *t = arg;
	probe_result *r = t->res;
	size_t n = size * nmemb;
	if (n >= 5 && strncmp(line, "HTTP/", 5) == 0) {
		/* A new answer (after a redirect or a 100): forget the last one's. */
		free(r->status_line);
		free(r->headers);
		r->status_line = r->headers = NULL;
		t->headers_len = 0;
		size_t len = 0;
		keep_line(&r->status_line, &len, line, n, 512);
		if (r->status_line)
			r->status_line[len - 1] = '\0';     /* one line: no newline */
	} else if (header_matters(line, n)) {
		keep_line(&r->headers, &t->headers_len, line, n, PROBE_MAX_HEADERS);
	}
	return n;
}

static CURL *make_easy(transfer *t, const probe_options *o)
{
	CURL *e = curl_easy_init();
	if (e == NULL)
		return NULL;
	long timeout = o->timeout_s > 0 ? o->timeout_s : 15;
	curl_easy_setopt(e, CURLOPT_URL, t->res->url);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, (long)PROBE_MAX_REDIRS);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, timeout);
	curl_easy_setopt(e, CURLOPT_TIMEOUT, timeout);
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)PROBE_MAX_BODY);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	/* A resolver thread still waiting for a DNS server that never answers
	 * is left behind at cleanup instead of joined: --timeout and a cancel
	 * hold for name resolution too. */
	curl_easy_setopt(e, CURLOPT_QUICK_EXIT, 1L);
	curl_easy_setopt(e, CURLOPT_USERAGENT, PACKAGE "/" VERSION);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errbuf);
	curl_easy_setopt(e, CURLOPT_PRIVATE, t);
	if (t->res->post) {
		curl_easy_setopt(e, CURLOPT_POSTFIELDS, t->res->post);
		curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)t->res->post_len);
		/* A 302 to a POST must not turn into a GET without the message. */
		curl_easy_setopt(e, CURLOPT_POSTREDIR, (long)CURL_REDIR_POST_ALL);
		char h[256];
		snprintf(h, sizeof h, "Content-Type: %s", t->res->post_type);
		t->post_headers = curl_slist_append(NULL, h);
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->post_headers);
	}
	if (o->cacert)
		curl_easy_setopt(e, CURLOPT_CAINFO, o->cacert);
	if (o->insecure) {
		curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 0L);
		curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 0L);
	}
	if (o->connect_only)
		curl_easy_setopt(e, CURLOPT_CONNECT_ONLY, 1L);
	/* The chain as the server sent it: verified apart with --insecure, and
	 * read as devices read it (the names, the intermediates) always. */
	curl_easy_setopt(e, CURLOPT_CERTINFO, 1L);
	return e;
}

static probe_end end_of(CURLcode rc, int too_big)
{
	switch (rc) {
	case CURLE_OK: return PROBE_ANSWERED;
	case CURLE_COULDNT_RESOLVE_HOST: return PROBE_DNS;
	case CURLE_COULDNT_CONNECT: return PROBE_CONNECT;
	case CURLE_OPERATION_TIMEDOUT: return PROBE_TIMEOUT;
	case CURLE_PEER_FAILED_VERIFICATION: return PROBE_TLS_VERIFY;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_ENGINE_INITFAILED: return PROBE_TLS_HANDSHAKE;
	case CURLE_FILESIZE_EXCEEDED: return PROBE_TOO_BIG;
	case CURLE_WRITE_ERROR: return too_big ? PROBE_TOO_BIG : PROBE_FAILED;
	case CURLE_TOO_MANY_REDIRECTS: return PROBE_REDIRECTS;
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_PROXY: return PROBE_PROXY;
	/* curl refuses a header line over 100 KB (CURL_MAX_HTTP_HEADER) with
	 * "Out of memory"; a real shortage of memory is far less likely. */
	case CURLE_OUT_OF_MEMORY: return PROBE_HEADER_TOO_BIG;
	default: return PROBE_FAILED;
	}
}

static char *info_string(CURL *e, CURLINFO what)
{
	char *s = NULL;
	return curl_easy_getinfo(e, what, &s) == CURLE_OK && s ? strdup(s) : NULL;
}

/* With CURLOPT_CERTINFO, OpenSSL's curl lists each certificate's fields,
 * "Cert:" being the PEM. */
static void keep_chain(probe_result *r, CURL *e)
{
	struct curl_certinfo *ci = NULL;
	if (curl_easy_getinfo(e, CURLINFO_CERTINFO, &ci) != CURLE_OK || ci == NULL)
		return;
	for (int i = 0; i < ci->num_of_certs; i++)
		for (struct curl_slist *f = ci->certinfo[i]; f; f = f->next) {
			if (strncmp(f->data, "Cert:", 5) != 0)
				continue;
			size_t n = strlen(f->data + 5);
			char *p = realloc(r->chain, r->chain_len + n + 2);
			if (p == NULL)
				return;
			memcpy(p + r->chain_len, f->data + 5, n);
			r->chain_len += n;
			p[r->chain_len++] = '\n';
			p[r->chain_len] = '\0';
			r->chain = p;
		}
}

static void finish(transfer *t, CURLcode rc)
{
	probe_result *r = t->res;
	CURL *e = t->easy;
	curl_off_t us = 0;
	t->done = 1;
	char *scheme = NULL;
	r->end = end_of(rc, t->too_big);
	r->curl_code = (int)rc;
	free(r->error);
	r->error = rc == CURLE_OK ? NULL : strdup(t->errbuf[0] ? t->errbuf : curl_easy_strerror(rc));
	if (r->end == PROBE_HEADER_TOO_BIG) {
		free(r->error);
		r->error = strdup("a header line is longer than curl's limit of 100 KB");
	}
	curl_easy_getinfo(e, CURLINFO_OS_ERRNO, &r->os_errno);
	curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &r->status);
	curl_easy_getinfo(e, CURLINFO_SSL_VERIFYRESULT, &r->verify_result);
	curl_easy_getinfo(e, CURLINFO_REDIRECT_COUNT, &r->redirects);
	curl_easy_getinfo(e, CURLINFO_PRIMARY_PORT, &r->port);
	curl_easy_getinfo(e, CURLINFO_TOTAL_TIME_T, &us);
	curl_easy_getinfo(e, CURLINFO_SCHEME, &scheme);
	r->tls = scheme && strcasecmp(scheme, "https") == 0;
	r->seconds = (double)us / 1e6;
	r->content_type = info_string(e, CURLINFO_CONTENT_TYPE);
	r->final_url = info_string(e, CURLINFO_EFFECTIVE_URL);
	r->ip = info_string(e, CURLINFO_PRIMARY_IP);
	keep_chain(r, e);
}

/* ---- all of them at once ------------------------------------------------ */

/* Until a transfer ends, its result says it didn't: whatever stops the
 * loop early (out of memory, a broken multi handle, a cancel) leaves it so. */
static void not_run(probe_result *r, const char *why)
{
	r->end = PROBE_FAILED;
	free(r->error);
	r->error = strdup(why);
}

struct probe_batch {
	CURLM *multi;
	transfer *t;
	size_t n, done;
	int running;
	probe_done cb;
	void *arg;
};

static void report_done(probe_batch *b, probe_result *r)
{
	b->done++;
	if (b->cb)
		b->cb(r, b->done, b->n, b->arg);
}

static void collect(probe_batch *b)
{
	CURLMsg *msg;
	int left;
	while ((msg = curl_multi_info_read(b->multi, &left)) != NULL) {
		if (msg->msg != CURLMSG_DONE)
			continue;
		char *priv = NULL;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &priv);
		transfer *t = (transfer *)priv;
		finish(t, msg->data.result);
		report_done(b, t->res);
	}
}

probe_batch *probe_begin(probe_result *r, size_t n, const probe_options *opt, probe_done cb,
			 void *arg)
{
	for (size_t i = 0; i < n; i++)
		not_run(&r[i], "the transfer did not finish");
	probe_batch *b = calloc(1, sizeof *b);
	if (b == NULL)
		return NULL;
	*b = (probe_batch){ .n = n, .cb = cb, .arg = arg, .running = 1 };
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		free(b);
		return NULL;
	}
	b->multi = curl_multi_init();
	b->t = calloc(n, sizeof *b->t);
	if (b->multi == NULL || b->t == NULL) {
		probe_free(b);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		transfer *t = &b->t[i];
		t->res = &r[i];
		t->easy = t->res->url ? make_easy(t, opt) : NULL;
		if (t->easy && curl_multi_add_handle(b->multi, t->easy) == CURLM_OK)
			continue;
		not_run(t->res, "the request could not be set up");
		report_done(b, t->res);
	}
	return b;
}

int probe_step(probe_batch *b, int ms, int wake_fd)
{
	if (b == NULL || !b->running)
		return 0;
	struct curl_waitfd wake = { .fd = wake_fd, .events = CURL_WAIT_POLLIN };
	if (curl_multi_perform(b->multi, &b->running) != CURLM_OK)
		b->running = 0;
	collect(b);
	if (b->running && ms > 0 &&
	    curl_multi_poll(b->multi, wake_fd >= 0 ? &wake : NULL, wake_fd >= 0, ms, NULL) != CURLM_OK)
		b->running = 0;
	if (b->running && curl_multi_perform(b->multi, &b->running) != CURLM_OK)
		b->running = 0;
	collect(b);
	return b->running > 0;
}

/* The events poll() waits for on FD, as curl's sets ask. */
static short poll_events(int fd, fd_set *r, fd_set *w, fd_set *x)
{
	return (short)((FD_ISSET(fd, r) ? POLLIN : 0) | (FD_ISSET(fd, w) ? POLLOUT : 0) |
		       (FD_ISSET(fd, x) ? POLLPRI : 0));
}

size_t probe_poll_fds(probe_batch *b, struct pollfd *fds, size_t max, int *timeout_ms)
{
	fd_set r, w, x;
	int maxfd = -1;
	long t = -1;
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_ZERO(&x);
	if (b == NULL || !b->running || curl_multi_fdset(b->multi, &r, &w, &x, &maxfd) != CURLM_OK ||
	    curl_multi_timeout(b->multi, &t) != CURLM_OK) {
		*timeout_ms = 0;        /* ended, or broken: the next step says so */
		return 0;
	}
	/* No socket yet (a name being resolved): curl's advice is 100 ms. */
	if (maxfd < 0 && (t < 0 || t > 100))
		t = 100;
	if (t >= 0 && t < *timeout_ms)
		*timeout_ms = (int)t;
	size_t n = 0;
	for (int fd = 0; fd <= maxfd; fd++) {
		short ev = poll_events(fd, &r, &w, &x);
		if (ev == 0)
			continue;
		if (n < max)
			fds[n] = (struct pollfd){ .fd = fd, .events = ev };
		n++;
	}
	return n;
}

void probe_cancel(probe_batch *b)
{
	for (size_t i = 0; b && i < b->n; i++)
		if (b->t[i].easy && !b->t[i].done) {
			not_run(b->t[i].res, "cancelled");
			b->t[i].res->end = PROBE_CANCELLED;
		}
	if (b)
		b->running = 0;
}

void probe_free(probe_batch *b)
{
	if (b == NULL)
		return;
	for (size_t i = 0; b->t && i < b->n; i++)
		if (b->t[i].easy) {
			curl_multi_remove_handle(b->multi, b->t[i].easy);
			curl_easy_cleanup(b->t[i].easy);
			curl_slist_free_all(b->t[i].post_headers);
		}
	free(b->t);
	curl_multi_cleanup(b->multi);
	curl_global_cleanup();
	free(b);
}

void probe_run(probe_result *r, size_t n, const probe_options *opt, probe_done cb, void *arg)
{
	probe_batch *b = probe_begin(r, n, opt, cb, arg);
	while (probe_step(b, 1000, -1))
		;
	probe_free(b);
}

void probe_result_free(probe_result *r)
{
	free(r->url);
	free(r->error);
	free(r->status_line);
	free(r->content_type);
	free(r->headers);
	free(r->body);
	free(r->final_url);
	free(r->ip);
	free(r->chain);
	*r = (probe_result){ 0 };
}
