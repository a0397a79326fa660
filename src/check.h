/* The live checks of a SCEP server URL, as the wizard and `scepwiz check`
 * use them: probe (libcurl) then diagnose (pure), giving findings (the
 * evidence model of evidence/finding.h) that each point to an article
 * section. This header names no curl type, so the wizard's screens can
 * include it. */
#ifndef SCEPWIZ_CHECK_H
#define SCEPWIZ_CHECK_H

#include "evidence/finding.h"
#include "scep.h"

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

/* How many findings are problems: 0 means the server behaves as a healthy
 * NDES (exit 0), more means exit 1. */
size_t check_report_problems(const check_report *rep);

#endif
