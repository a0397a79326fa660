/* From what the requests brought back to the article's sections: a pure
 * function, no network, no terminal, so every branch is unit-tested from
 * recorded answers. */
#ifndef SCEPWIZ_DIAGNOSE_H
#define SCEPWIZ_DIAGNOSE_H

#include "check.h"
#include "probe.h"

#include <time.h>

/* The day count under which an expiring certificate is a warning. */
#define DIAGNOSE_EXPIRY_WARN_DAYS 30

/* The size of the long request's message parameter: a PKIOperation sent by
 * GET is about this long. */
#define DIAGNOSE_LONG_MESSAGE 20480

typedef struct {
	const probe_result *url;        /* the SCEP server URL as given */
	const probe_result *caps;       /* ?operation=GetCACaps&message=ca */
	const probe_result *cacert;     /* ?operation=GetCACert&message=ca */
	const probe_result *longreq;    /* GetCACaps with a long message */
	const char *cacert_file;        /* --cacert, or NULL: the system store */
	int insecure;                   /* --insecure */
	time_t now;
} diagnose_input;

/* Appends the findings to REP (whose url and insecure the caller sets),
 * fills in what the server said about itself, and sets REP->outcome: "ok"
 * without problems, else the section of the first problem the article's
 * check node offers, else "other". */
void diagnose(const diagnose_input *in, check_report *rep);

/* The outcome of the check node that SECTION stands for: the anchor itself
 * when the node offers it, else "other". */
const char *diagnose_outcome(const char *section);

#endif
