/* check_many: a pool of live checks driven from one loop. Every running
 * check's sockets go into one poll(), which sleeps until any of them is
 * ready or one's timer is due; then each check is stepped without waiting,
 * the ended ones are finished and new ones begun in their place. */
#include <config.h>

#include "check_many.h"

#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

/* The longest poll() waits even when no socket or timer calls: the bound
 * on how late a socket numbered past FD_SETSIZE, which curl can't name to
 * us, is served. */
#define MAX_WAIT_MS 200
/* Files one check may hold open: its four requests' sockets and curl's
 * resolver pairs, with room to spare; and those the rest of the program
 * may want. */
#define FILES_PER_CHECK 8
#define FILES_SPARE 64

typedef struct {
	live_check *c;
	size_t i;               /* its URL and report */
} slot;

typedef struct {
	struct pollfd *v;
	size_t n, cap;
} pollset;

/* As many checks as the process may open sockets for: the soft limit on
 * open files is raised towards the hard one, then JOBS fits what is left,
 * so no request fails for want of a file and seems the server's fault. */
static size_t fit_jobs(size_t jobs)
{
	struct rlimit rl;
	rlim_t want = (rlim_t)(jobs * FILES_PER_CHECK + FILES_SPARE);
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= want)
		return jobs;
	rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > want ? want : rl.rlim_max;
	setrlimit(RLIMIT_NOFILE, &rl);
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= want)
		return jobs;
	size_t fit = rl.rlim_cur > FILES_SPARE ? (size_t)(rl.rlim_cur - FILES_SPARE) / FILES_PER_CHECK : 0;
	return fit ? fit : 1;
}

static int grow(pollset *ps, size_t need)
{
	size_t cap = ps->cap;
	while (cap < need)
		cap *= 2;
	struct pollfd *v = realloc(ps->v, cap * sizeof *v);
	if (v == NULL)
		return -1;
	ps->v = v;
	ps->cap = cap;
	return 0;
}

/* Every live check's sockets into PS, and in *TIMEOUT how long poll() may
 * wait for them. */
static int gather(pollset *ps, const slot *live, size_t nlive, int *timeout)
{
	ps->n = 0;
	for (size_t k = 0; k < nlive; k++) {
		for (;;) {
			int t = *timeout;
			size_t room = ps->cap - ps->n;
			size_t need = check_poll_fds(live[k].c, ps->v + ps->n, room, &t);
			if (need <= room) {
				ps->n += need;
				*timeout = t;
				break;
			}
			if (grow(ps, ps->n + need) < 0)
				return -1;
		}
	}
	return 0;
}

typedef struct {
	char *const *urls;
	size_t n, next, done, nlive, jobs;
	const check_options *opt;
	check_report *reps;
	slot *live;
	check_many_progress progress;
	void *arg;
} pool;

/* Begins checks until JOBS run or no URL is left. */
static int fill(pool *p)
{
	while (p->nlive < p->jobs && p->next < p->n) {
		live_check *c = check_begin(p->urls[p->next], p->opt, NULL, NULL);
		if (c == NULL)
			return -1;
		p->live[p->nlive++] = (slot){ c, p->next++ };
	}
	return 0;
}

/* Moves every live check on; the ended ones are reported. */
static void step_all(pool *p)
{
	for (size_t k = 0; k < p->nlive;) {
		if (check_step(p->live[k].c, 0, -1)) {
			k++;
			continue;
		}
		check_finish(p->live[k].c, &p->reps[p->live[k].i]);
		p->live[k] = p->live[--p->nlive];
		p->done++;
		if (p->progress)
			p->progress(p->done, p->n, p->arg);
	}
}

static int run(pool *p, pollset *ps)
{
	if (p->progress)
		p->progress(0, p->n, p->arg);
	while (p->done < p->n) {
		int timeout = MAX_WAIT_MS;
		if (fill(p) < 0 || gather(ps, p->live, p->nlive, &timeout) < 0)
			return -1;
		/* EINTR (a resized terminal) or any other failure: the steps
		 * below still move on, and the next poll() waits again. */
		if (timeout > 0)
			poll(ps->v, ps->n, timeout);
		step_all(p);
	}
	return 0;
}

int check_many(char *const *urls, size_t n, const check_options *opt, int jobs,
	       check_report *reps, check_many_progress progress, void *arg)
{
	memset(reps, 0, n * sizeof *reps);
	pool p = { .urls = urls, .n = n, .opt = opt, .reps = reps, .progress = progress, .arg = arg };
	p.jobs = fit_jobs(jobs < 1 ? 1 : (size_t)jobs);
	p.live = calloc(p.jobs, sizeof *p.live);
	pollset ps = { .v = malloc(64 * sizeof *ps.v), .cap = 64 };
	int rc = p.live && ps.v ? run(&p, &ps) : -1;
	if (rc < 0) {
		for (size_t k = 0; p.live && k < p.nlive; k++)
			check_cancel(p.live[k].c);
		for (size_t i = 0; i < n; i++)
			check_report_free(&reps[i]);
	}
	free(p.live);
	free(ps.v);
	return rc;
}
