/* The network side of the live checks. probe.c is the only file that talks
 * to libcurl; what it learns comes back as the plain data below, which
 * diagnose() reads without a network. Everything in a result came from the
 * server or from curl and is untrusted: raw bytes, not yet made printable. */
#ifndef SCEPWIZ_PROBE_H
#define SCEPWIZ_PROBE_H

#include <poll.h>
#include <stddef.h>

#define PROBE_MAX_BODY (1024 * 1024)    /* bytes kept of any answer; past it, abort */
#define PROBE_MAX_REDIRS 5
#define PROBE_MAX_HEADERS 2048          /* bytes kept of the selected headers */

/* How a request ended: with an HTTP answer, or where it broke. */
typedef enum {
	PROBE_ANSWERED,         /* an HTTP status came back, whatever it was */
	PROBE_DNS,              /* the host name did not resolve */
	PROBE_CONNECT,          /* the connection was refused or unreachable */
	PROBE_TIMEOUT,          /* connecting or the whole request took too long */
	PROBE_TLS_HANDSHAKE,    /* TLS could not be set up */
	PROBE_TLS_VERIFY,       /* the server's certificate was not accepted */
	PROBE_TOO_BIG,          /* the answer passed PROBE_MAX_BODY */
	PROBE_REDIRECTS,        /* more than PROBE_MAX_REDIRS redirects */
	PROBE_PROXY,            /* the proxy from the environment failed */
	PROBE_HEADER_TOO_BIG,   /* a header line past curl's 100 KB limit */
	PROBE_FAILED,           /* anything else curl reports */
	PROBE_CANCELLED,        /* stopped by probe_cancel before it ended */
} probe_end;

typedef struct {
	/* set by the caller */
	const char *name;       /* "url", "GetCACaps", "GetCACert", "long" */
	char *url;
	const void *post;       /* sent by POST when not NULL (the caller's) */
	size_t post_len;
	const char *post_type;  /* its Content-Type */
	/* filled in by probe_run */
	probe_end end;
	int curl_code;          /* CURLcode, for the evidence */
	char *error;            /* curl's words, or NULL */
	long os_errno;          /* the system's reason, when a connection failed */
	long verify_result;     /* OpenSSL's X509_V_* result of the chain check */
	int tls;                /* the last connection used TLS */
	long status;            /* the last HTTP status, 0 when none came */
	char *status_line;      /* "HTTP/1.1 503 Service Unavailable" */
	char *content_type;
	char *headers;          /* "Name: value\n" lines of the headers that matter */
	unsigned char *body;
	size_t body_len;
	long redirects;
	char *final_url;        /* where the redirects ended */
	char *ip;               /* the address connected to, and its port */
	long port;
	double seconds;
	char *chain;            /* https: the certificates the server sent, PEM, its own first */
	size_t chain_len;
} probe_result;

typedef struct {
	long timeout_s;         /* connect and total, per request */
	const char *cacert;     /* CA bundle, or NULL for the system store */
	int insecure;           /* skip certificate and name verification */
	int connect_only;       /* connect (and shake hands) only: no request is sent */
} probe_options;

/* Called as each request ends, in the order they end. */
typedef void (*probe_done)(const probe_result *r, size_t done, size_t total, void *arg);

/* 0 when URL is a well-formed http or https URL with a host; otherwise -1,
 * and WHY (untranslated, curl's words where it has them) says what is wrong. */
int probe_url_check(const char *url, char *why, size_t size);
/* The host of URL (a new string), or NULL. */
char *probe_url_host(const char *url);
/* The CA bundle curl verifies with when --cacert isn't given (the system
 * store), or NULL when it has none built in. */
const char *probe_default_cafile(void);

/* URL with its query replaced by QUERY and any fragment dropped (a new
 * string), or NULL. */
char *probe_url_with_query(const char *url, const char *query);

/* The requests in flight, for a caller that keeps its own loop (the
 * wizard reads keys between steps). */
typedef struct probe_batch probe_batch;

/* Starts the N requests at once (libcurl's multi interface); their results
 * fill in as they end, and DONE is called for each. Never fetches anything
 * but http and https. NULL when nothing could be started (the results then
 * say so). */
probe_batch *probe_begin(probe_result *r, size_t n, const probe_options *opt, probe_done done,
			 void *arg);
/* Moves the requests on, waiting at most MS milliseconds for the network
 * (or until WAKE_FD, when not -1, is readable). Returns 1 while some are
 * still running, 0 once all have ended. */
int probe_step(probe_batch *b, int ms, int wake_fd);
/* For a caller that waits on several batches at once (scepwiz check with
 * many URLs): writes into FDS, room for MAX, the sockets B's requests wait
 * on, and returns how many there are (more than MAX: call again with more
 * room). Lowers *TIMEOUT_MS to when B must be stepped at the latest (0
 * when it must be at once). Then probe_step(b, 0, -1) moves B on. Sockets
 * numbered FD_SETSIZE or more are left out (curl_multi_fdset can't name
 * them): such a caller must not wait long. */
size_t probe_poll_fds(probe_batch *b, struct pollfd *fds, size_t max, int *timeout_ms);
/* Whether R's body holds TEXT, ASCII letters without case (probe_answer.c:
 * pure, no libcurl). */
int probe_body_has(const probe_result *r, const char *text);
/* Stops at once: the requests still running end as PROBE_CANCELLED. */
void probe_cancel(probe_batch *b);
/* Frees the batch (the results stay the caller's). */
void probe_free(probe_batch *b);
/* begin, step until done, end: the requests run to the end. */
void probe_run(probe_result *r, size_t n, const probe_options *opt, probe_done done, void *arg);
void probe_result_free(probe_result *r);

#endif
