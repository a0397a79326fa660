/* Many live checks at once from one loop (`scepwiz check URL...`): up to
 * JOBS of them run together, their sockets waited on in one poll(), each
 * started as another ends. Names no curl or curses type. */
#ifndef SCEPWIZ_CHECK_MANY_H
#define SCEPWIZ_CHECK_MANY_H

#include "check.h"

#include <stddef.h>

#define CHECK_MANY_JOBS 16      /* checks at once unless --jobs says */
#define CHECK_MANY_MAX_JOBS 256

/* Called before the first check with DONE 0, then as each ends. */
typedef void (*check_many_progress)(size_t done, size_t total, void *arg);

/* Checks each of the N URLS, at most JOBS at once (fewer when the process
 * can't open enough files for them). REPS, room for N, gets URL i's report
 * at i, as check_run gives it: a URL refused before anything is fetched has
 * its one finding (bad-url, ca-store-missing) and no outcome. Returns 0,
 * or -1 when memory ran out (REPS then hold nothing to free). */
int check_many(char *const *urls, size_t n, const check_options *opt, int jobs,
	       check_report *reps, check_many_progress progress, void *arg);

#endif
