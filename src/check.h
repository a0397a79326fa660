/* The live checks of a SCEP server URL, as the wizard and `scepwiz check`
 * use them: probe (libcurl) then diagnose (pure), giving findings that each
 * point to an article section. This header names no curl type, so the
 * wizard's screens can include it. */
#ifndef SCEPWIZ_CHECK_H
#define SCEPWIZ_CHECK_H

#include "evidence/severity.h"
#include "scep.h"

#include <stddef.h>
#include <time.h>


typedef struct {
	const char *code;       /* stable id of what was seen, e.g. "status-503" */
	const char *section;    /* the article anchor it points to, or NULL */
	severity sev;
	char *detail;           /* untranslated facts: a status, curl's words, a name */
	char *evidence;         /* untranslated lines: headers, certificate details */
	const char *check;      /* which check saw it: "url", "tls", "GetCACaps",
				 * "GetCACert", "long-request" */
} finding;

typedef struct {
	char *url;
	int insecure;
	finding *findings;
	size_t nfindings;
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
 * with DONE 0, then as each ends, with its name. */
typedef void (*check_progress)(const char *what, int done, int total, void *arg);

/* Runs every check against URL. Returns 0 when they ran (whatever they
 * found) and -1 when the URL is refused before anything is fetched (not
 * http or https, malformed); REP then holds one finding saying why. */
int check_run(const char *url, const check_options *opt, check_report *rep,
	      check_progress progress, void *arg);
void check_report_free(check_report *rep);

/* One line for a person, in the current language, from a finding's code and
 * detail. */
const char *finding_summary(const finding *f, char *buf, size_t size);

/* How many findings are problems: 0 means the server behaves as a healthy
 * NDES (exit 0), more means exit 1. */
size_t check_report_problems(const check_report *rep);
/* The check's name for a person, in the current language. */
const char *check_title(const char *check);

#endif
