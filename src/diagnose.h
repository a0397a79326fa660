/* From what the requests brought back to the article's sections: a pure
 * function, no network, no terminal, so every branch is unit-tested from
 * recorded answers. The requests themselves are one table: a new check is
 * one row there and one classifier in diagnose.c. */
#ifndef SCEPWIZ_DIAGNOSE_H
#define SCEPWIZ_DIAGNOSE_H

#include "check.h"
#include "long_request.h"
#include "probe.h"

#include <time.h>


/* The requests, in the order of diagnose_requests[]. */
typedef enum { REQ_URL, REQ_CAPS, REQ_CACERT, REQ_LONG, REQ_COUNT } request_id;

typedef struct {
	const probe_result *r[REQ_COUNT];  /* each request's result, by request_id */
	const char *cacert_file;        /* --cacert, or NULL: the system store */
	const char *trust_file;         /* the CA file TLS is verified with (--cacert or
					 * the system store's), or NULL when not known */
	const char *host;               /* the host the URL's chain was sent by (after
					 * redirects), or NULL */
	int insecure;                   /* --insecure */
	const long *insecure_verify;    /* with --insecure: X509_V_* of the chain verified
					 * apart (trust_verify), or NULL when not known */
	time_t now;
	/* The long request, measured over rounds (check.c), and the answers at
	 * its largest ok and first refused size (NULL: none). A NULL SEARCH
	 * reads r[REQ_LONG] as the one answer, at LONG_TARGET_BYTES. */
	const long_search *search;
	const probe_result *long_ok, *long_refused;
} diagnose_input;

typedef struct {
	const char *name;       /* untranslated: the probe's name, the "source" of kinds */
	const char *title;      /* English msgid, for the progress line */
	const char *query;      /* replaces the URL's query; NULL: the URL as given
				 * (REQ_LONG's is followed by 'A's: check.c sizes it) */
	/* Adds the findings of this request (it may read the others). */
	void (*classify)(const diagnose_input *in, check_report *rep);
} diagnose_request;

extern const diagnose_request diagnose_requests[REQ_COUNT];

/* Appends the findings to REP (whose url and insecure the caller sets),
 * fills in what the server said about itself, and sets REP->outcome: "ok"
 * without problems, else the section of the first problem the article's
 * check node offers, else "other". */
void diagnose(const diagnose_input *in, check_report *rep);

/* The outcome of the check node that SECTION stands for: the anchor itself
 * when the node offers it, else "other". */
const char *diagnose_outcome(const char *section);

#endif
