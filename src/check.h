/* The live checks of a SCEP server URL, as the wizard and `scepwiz check`
 * use them: probe (libcurl) then diagnose (pure), giving findings (the
 * evidence model of evidence/finding.h) that each point to an article
 * section. This header names no curl type, so the wizard's screens can
 * include it. */
#ifndef SCEPWIZ_CHECK_H
#define SCEPWIZ_CHECK_H

#include "evidence/finding.h"
#include "scep.h"

#include <poll.h>
#include <stddef.h>
#include <time.h>

typedef struct {
	char *url;              /* printable, the password hidden */
	int insecure;
	finding_list findings;
	/* The answer for the wizard's check node: "ok", "other", or the anchor
	 * of the section the findings point to first (the first problem one of
	 * the node's sections explains). NULL when the URL was refused. */
	const char *outcome;
	/* What the server said about itself (empty when it didn't answer). */
	int have_caps;
	scep_caps caps;
	scep_certs certs;
	/* The long request, measured: the largest request (bytes: request line
	 * and headers) that got through and the smallest refused; 0 for none. */
	size_t largest_ok, first_refused;
	time_t checked_at;
} check_report;

typedef struct {
	long timeout_s;         /* connect and total, per request; default 15 */
	const char *cacert;     /* CA bundle to verify TLS with, or NULL */
	int insecure;           /* skip TLS verification (shown in the report) */
} check_options;

/* Called while the checks run (the requests run at once): before the first
 * with DONE 0, then as each ends, with its name for a person. */
typedef void (*check_progress)(const char *what, int done, int total, void *arg);

/* Runs every check against URL. Returns 0 when they ran (whatever they
 * found) and -1 when the URL is refused before anything is fetched (not
 * http or https, malformed); REP then holds one finding saying why. */
int check_run(const char *url, const check_options *opt, check_report *rep,
	      check_progress progress, void *arg);
void check_report_free(check_report *rep);

/* The same checks as a state machine a key loop drives: begin, step
 * between key reads, then finish (or cancel, which reports nothing). */
typedef struct live_check live_check;
/* Starts the requests (a refused URL starts none); NULL only when memory
 * ran out. */
live_check *check_begin(const char *url, const check_options *opt, check_progress progress, void *arg);
/* Waits at most MS milliseconds for the network, or until WAKE_FD (-1: none)
 * is readable, such as the terminal with a key pressed. Returns 1 while
 * requests are running, 0 when check_finish can report. */
int check_step(live_check *c, int ms, int wake_fd);
/* For one loop that runs several checks at once (scepwiz check URL...):
 * writes into FDS, room for MAX, the sockets C's requests wait on and
 * returns how many there are (more than MAX: call again with more room);
 * lowers *TIMEOUT_MS to when C must be stepped at the latest. poll() the
 * sockets of every check together, then check_step(c, 0, -1) each. */
size_t check_poll_fds(live_check *c, struct pollfd *fds, size_t max, int *timeout_ms);
/* Seconds until the requests time out (for a countdown). */
long check_seconds_left(const live_check *c);
/* Stops the requests at once and frees C; nothing is reported. */
void check_cancel(live_check *c);
/* Diagnoses what came back, as check_run returns it, and frees C. */
int check_finish(live_check *c, check_report *rep);

/* How many findings are problems: 0 means the server behaves as a healthy
 * NDES (exit 0), more means exit 1. */
size_t check_report_problems(const check_report *rep);

#endif
