/* The probe enrollment of `scepwiz check --enroll`: one real PKIOperation
 * sent to the SCEP URL, its CertRep read into findings of source "enroll". */
#ifndef SCEPWIZ_ENROLL_H
#define SCEPWIZ_ENROLL_H

#include "check.h"

/* Sends the probe to URL (REP holds what check_run learnt of the server's
 * capabilities) with CHALLENGE, or the invalid one when NULL, and appends
 * what came back to REP's findings. The challenge is never kept. */
void enroll_run(const char *url, const check_options *opt, const char *challenge,
		check_report *rep);

#endif
