/* The long request's measurement: the sizes of each round, picked from what
 * the previous rounds brought back, and a request's size in bytes. */
#include <config.h>

#include "long_request.h"
#include "strbuf.h"

#include <string.h>
#include <strings.h>

void long_search_init(long_search *s, size_t floor)
{
	*s = (long_search){ .bottom = floor > LONG_MIN_BYTES ? floor : LONG_MIN_BYTES };
}

void long_search_record(long_search *s, size_t size, long_answer a)
{
	switch (a) {
	case LONG_ANSWER_OK:
		if (size > s->largest_ok)
			s->largest_ok = size;
		break;
	case LONG_ANSWER_REFUSED:
		if (s->first_refused == 0 || size < s->first_refused)
			s->first_refused = size;
		break;
	case LONG_ANSWER_NONE:
		s->stopped = 1;
		break;
	}
}

void long_search_stop(long_search *s)
{
	s->stopped = 1;
}

static size_t nearest_step(size_t n)
{
	return (n + LONG_STEP_BYTES / 2) / LONG_STEP_BYTES * LONG_STEP_BYTES;
}

/* Up to MAX sizes evenly between LO and HI (both excluded), on multiples of
 * LONG_STEP_BYTES; at least one while the two are further apart than it. */
static size_t spread(size_t lo, size_t hi, size_t *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 1; i <= max; i++) {
		size_t p = nearest_step(lo + (hi - lo) * i / (max + 1));
		if (p > lo && p < hi && (n == 0 || p > out[n - 1]))
			out[n++] = p;
	}
	if (n == 0 && max > 0 && hi - lo > LONG_STEP_BYTES)
		out[n++] = (lo / LONG_STEP_BYTES + 1) * LONG_STEP_BYTES;
	return n;
}

size_t long_search_next(long_search *s, size_t *sizes, size_t max)
{
	size_t n = 0, lo = s->largest_ok, hi = s->first_refused;
	if (s->stopped || max == 0 || s->rounds >= LONG_MAX_ROUNDS)
		return 0;
	if (lo == 0 && hi == 0) {
		/* First the article's figure: a server set up as it says is done. */
		sizes[n++] = s->bottom > LONG_TARGET_BYTES ? s->bottom : LONG_TARGET_BYTES;
	} else if (hi == 0 || lo >= hi || hi - lo <= LONG_STEP_BYTES) {
		return 0;       /* all through, answers that contradict, or close enough */
	} else if (lo == 0) {
		/* Nothing got through yet: the smallest size, and sizes above it. */
		if (hi <= s->bottom)
			return 0;
		sizes[n++] = s->bottom;
		n += spread(s->bottom, hi, sizes + n, max - n);
	} else {
		n = spread(lo, hi, sizes, max);
	}
	if (n)
		s->rounds++;
	return n;
}

long_answer long_answer_of(const probe_result *r, int full_time)
{
	if (r->end == PROBE_ANSWERED)
		return r->status == 200 ? LONG_ANSWER_OK : LONG_ANSWER_REFUSED;
	if (r->end == PROBE_CANCELLED || (r->end == PROBE_TIMEOUT && !full_time))
		return LONG_ANSWER_NONE;
	/* Set up but never run (curl_code 0): nothing was sent. */
	if (r->end == PROBE_FAILED && r->curl_code == 0)
		return LONG_ANSWER_NONE;
	return LONG_ANSWER_REFUSED;
}

/* ---- who refused ------------------------------------------------------------ */

/* The value of the Server header, or NULL; *N its length. */
static const char *server_of(const probe_result *r, size_t *n)
{
	const char *h = r->headers;
	while (h && *h) {
		size_t len = strcspn(h, "\n");
		if (len >= 7 && strncasecmp(h, "server:", 7) == 0) {
			const char *v = h + 7 + strspn(h + 7, " \t");
			*n = v < h + len ? (size_t)(h + len - v) : 0;
			return v;
		}
		h += len + (h[len] == '\n');
	}
	return NULL;
}

static int server_is(const char *server, size_t n, const char *name)
{
	return server && n >= strlen(name) && strncasecmp(server, name, strlen(name)) == 0;
}

char *long_refuser(const probe_result *r)
{
	strbuf b = { 0 };
	size_t n = 0;
	const char *server = r->end == PROBE_ANSWERED ? server_of(r, &n) : NULL;
	/* Names and settings, not sentences: the detail's note says the rest
	 * in the reader's language. */
	if (r->end != PROBE_ANSWERED) {
		sb_add(&b, "curl: ");
		sb_add_untrusted(&b, r->error ? r->error : "?", strlen(r->error ? r->error : "?"), 200);
		return sb_take(&b);
	}
	if (probe_body_has(r, "404.14"))
		sb_add(&b, "IIS request filtering 404.14 (maxUrl)");
	else if (probe_body_has(r, "404.15"))
		sb_add(&b, "IIS request filtering 404.15 (maxQueryString)");
	else if (r->status == 400 && probe_body_has(r, "Request Too Long"))
		sb_add(&b, "HTTP.sys Request Too Long (MaxFieldLength, MaxRequestBytes)");
	else if (r->status == 400 && probe_body_has(r, "Invalid URL"))
		sb_add(&b, "HTTP.sys Invalid URL");
	else if (server_is(server, n, "Microsoft-HTTPAPI"))
		sb_add(&b, "HTTP.sys");
	else if (r->status == 404 && server_is(server, n, "Microsoft-IIS"))
		/* IIS shows a remote client a plain 404 for 404.14 and 404.15. */
		sb_add(&b, "IIS request filtering 404.14 or 404.15");
	else if (server) {
		sb_add(&b, "Server: ");
		sb_add_untrusted(&b, server, n, 80);
	}
	/* The status line, in parentheses after a name, alone without one. */
	const char *line = r->status_line ? r->status_line : "HTTP";
	int named = b.len > 0;
	sb_add(&b, named ? " (" : "");
	sb_add_untrusted(&b, line, strlen(line), 120);
	sb_add(&b, named ? ")" : "");
	return sb_take(&b);
}

/* ---- a request's size ----------------------------------------------------- */

/* The length of S[0..N) once its %XX escapes are decoded. */
static size_t decoded_len(const char *s, size_t n)
{
	size_t len = 0;
	for (size_t i = 0; i < n; i++, len++)
		if (s[i] == '%' && i + 2 < n)
			i += 2;
	return len;
}

/* "Authorization: Basic " and the base64 of "user:password", as curl sends
 * the user info of a URL; 0 without one. */
static size_t authorization_bytes(const char *info, size_t n)
{
	size_t plain = decoded_len(info, n) + (memchr(info, ':', n) ? 0 : 1);
	return strlen("Authorization: Basic \r\n") + 4 * ((plain + 2) / 3);
}

/* The Host header's value: the host, and the port unless it is the
 * scheme's own. */
static size_t host_bytes(const char *host, size_t n, int https)
{
	const char *port = NULL;
	const char *end = host[0] == '[' ? memchr(host, ']', n) : host;
	if (end)
		port = memchr(end, ':', n - (size_t)(end - host));
	if (port == NULL)
		return n;
	size_t plen = n - (size_t)(port + 1 - host);
	const char *dflt = https ? "443" : "80";
	if (plen == strlen(dflt) && strncmp(port + 1, dflt, plen) == 0)
		return (size_t)(port - host);
	return n;
}

size_t long_request_bytes(const char *url)
{
	int https = strncasecmp(url, "https://", 8) == 0;
	if (!https && strncasecmp(url, "http://", 7) != 0)
		return 0;
	const char *auth = url + (https ? 8 : 7);
	size_t alen = strcspn(auth, "/?#");
	const char *target = auth + alen, *at = memchr(auth, '@', alen);
	size_t bytes = 0;
	if (at) {
		bytes += authorization_bytes(auth, (size_t)(at - auth));
		alen -= (size_t)(at + 1 - auth);
		auth = at + 1;
	}
	size_t tlen = strcspn(target, "#");
	bytes += strlen("GET ") + (tlen && *target == '/' ? tlen : tlen + 1) + strlen(" HTTP/1.1\r\n");
	bytes += strlen("Host: \r\n") + host_bytes(auth, alen, https);
	bytes += strlen("User-Agent: " PACKAGE "/" VERSION "\r\n") + strlen("Accept: */*\r\n\r\n");
	return bytes;
}
