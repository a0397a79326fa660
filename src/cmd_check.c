/* scepwiz check URL...: the live checks of one URL, reported as text or
 * YAML, or of many at once, summed up a line each (check_many.c).
 * Exit 0: healthy; 1: a problem was found; 64: bad usage. */
#include <config.h>

#include "check.h"
#include "check_many.h"
#include "cli.h"
#include "enroll.h"
#include "i18n.h"
#include "paths.h"
#include "regfile.h"
#include "report.h"
#include "report_many.h"
#include "strbuf.h"
#include "trust.h"
#include "urllist.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_TIMEOUT 3600

static void usage(void)
{
	printf(_("Usage: %s check URL... [--from FILE] [--jobs N] [--format text|yaml]\n"
		 "       [--timeout S] [--cacert F] [--insecure] [--enroll [--challenge TEXT]]\n"),
	       PACKAGE);
	fputs(_("Tests a SCEP server URL as the article 'Test and troubleshoot the SCEP server\n"
		"URL' does, and more: GetCACaps, GetCACert, a long request and TLS.\n\n"
		"  -f, --format F    text (default) or yaml\n"
		"  -t, --timeout S   seconds allowed to connect and to each request (default 15)\n"
		"      --cacert F    verify TLS with the CA certificates in F (PEM)\n"
		"  -k, --insecure    don't verify the server's certificate (shown in the report)\n"
		"      --enroll      also send a probe enrollment, a real PKIOperation (opt-in:\n"
		"                    it leaves events in the NDES logs as CN=scepwiz-probe-...)\n"
		"      --challenge T the challenge password for the probe (never shown); without\n"
		"                    it the probe sends an invalid one and reads the refusal\n\n"), stdout);
	fputs(_("Many URLs (several given, or --from) are checked at once and summed up in a\n"
		"line each (in YAML: results, a report each); a malformed one is reported as\n"
		"bad-url and the others are still checked:\n"
		"      --from FILE   also check the URLs in FILE, one a line (- reads standard\n"
		"                    input; blank lines and # comments are skipped)\n"
		"  -j, --jobs N      check at most N URLs at once, 1 to 256 (default 16)\n\n"), stdout);
	fputs(_("Exit status: 0 healthy, 1 a problem was found, 64 bad usage, 66 a missing\n"
		"--cacert or no system CA certificates (apt-get install ca-certificates).\n"), stdout);
}

/* A live line on a terminal; nothing when stderr is a file or a pipe. */
static void show_progress(const char *what, int done, int total, void *arg)
{
	(void)arg;
	fprintf(stderr, "\r\033[K%s [%d/%d] %s", _("checking"), done, total, what);
	fflush(stderr);
}

static int parse_timeout(const char *s, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > MAX_TIMEOUT)
		return -1;
	*out = v;
	return 0;
}

/* The sections' titles, if the trees load; the check works without them. */
static tree_set *load_titles(tree_set *set)
{
	if (tree_set_add_dir(set, paths_trees_dir(), NULL) || tree_set_resolve(set, NULL)) {
		tree_set_clear(set);
		return NULL;
	}
	return set;
}

/* A check that fetched nothing: a bad URL (exit 64), or no CA store to
 * verify https with (66, as a missing --cacert). */
static int refused(check_report *rep)
{
	const finding *f = rep->findings.n ? &rep->findings.v[0] : NULL;
	char line[1024];
	int store = f && f->kind == finding_builtin(FK_CA_STORE_MISSING);
	const char *why = f == NULL ? "?" : store ? finding_summary(f, line, sizeof line) : f->detail;
	fprintf(stderr, _("%s: can't check '%s': %s\n"), PACKAGE, rep->url, why);
	check_report_free(rep);
	return store ? EXIT_NOINPUT : EXIT_USAGE;
}

/* --cacert F: a file with a PEM certificate, or a usage error (66 when it
 * can't be read at all). */
static int cacert_usable(const char *path)
{
	char *shown = untrusted_text(path, strlen(path), 300);
	int rc = EXIT_OK;
	switch (trust_file_check(path)) {
	case TRUST_FILE_OK: break;
	case TRUST_FILE_MISSING:
		fprintf(stderr, _("%s: can't read --cacert %s: %s\n"), PACKAGE, shown ? shown : "",
			strerror(errno));
		rc = EXIT_NOINPUT;
		break;
	case TRUST_FILE_UNUSABLE:
		rc = cli_usage_error(_("--cacert %s is not a file with a PEM certificate (it wants "
				       "the CA's certificate, -----BEGIN CERTIFICATE-----)"), shown ? shown : "");
		break;
	}
	free(shown);
	return rc;
}

int cli_check_option(int c, const char *arg, check_options *opt)
{
	int rc;
	switch (c) {
	case 't':
		if (parse_timeout(arg, &opt->timeout_s) < 0)
			return cli_usage_error(_("--timeout wants whole seconds from 1 to %d, not '%s'"),
					       MAX_TIMEOUT, arg);
		return EXIT_OK;
	case 'c':
		if ((rc = cacert_usable(arg)) != EXIT_OK)
			return rc;
		opt->cacert = arg;
		return EXIT_OK;
	default:
		opt->insecure = 1;
		return EXIT_OK;
	}
}

/* STATUS, or EXIT_IOERR said when the report (RC -1: its YAML) did not
 * reach standard output. */
static int written(int rc, int status)
{
	if (rc < 0 || fflush(stdout) != 0 || ferror(stdout)) {
		/* errno is the system's reason when there is one (a full disk). */
		fprintf(stderr, _("%s: can't write the report: %s\n"), PACKAGE,
			errno ? strerror(errno) : _("the YAML emitter failed"));
		return EXIT_IOERR;
	}
	return status;
}

static int run(const char *url, const check_options *opt, int yaml, int enroll,
	       const char *challenge)
{
	check_report rep;
	int tty = isatty(STDERR_FILENO);
	int rc = check_run(url, opt, &rep, tty ? show_progress : NULL, NULL);
	if (rc == 0 && enroll) {
		if (tty)
			show_progress(_("probe enrollment"), 0, 1, NULL);
		enroll_run(url, opt, challenge, &rep);
	}
	if (tty)
		fputs("\r\033[K", stderr);
	if (rc < 0)
		return refused(&rep);
	errno = 0;
	if (yaml) {
		rc = report_yaml_write(&rep, stdout);
	} else {
		tree_set set = { 0 };
		tree_set *titles = load_titles(&set);
		report_text_write(&rep, titles, stdout);
		tree_set_clear(&set);
	}
	int status = check_report_problems(&rep) ? EXIT_FOUND : EXIT_OK;
	check_report_free(&rep);
	return written(rc, status);
}

/* Everything on check's command line. */
typedef struct {
	check_options opt;
	int yaml, enroll, jobs;
	const char *challenge;
	const char **from;      /* the --from files, in their order */
	size_t nfrom;
} check_args;

static int parse_jobs(const char *s, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > CHECK_MANY_MAX_JOBS)
		return cli_usage_error(_("--jobs wants a number from 1 to %d, not '%s'"),
				       CHECK_MANY_MAX_JOBS, s);
	*out = (int)v;
	return EXIT_OK;
}

/* The many checks' live line on a terminal. */
static void many_progress(size_t done, size_t total, void *arg)
{
	(void)arg;
	fputs("\r\033[K", stderr);
	fprintf(stderr, _("checked %zu/%zu"), done, total);
	fflush(stderr);
}

/* The URLs given and those of each --from file into L: EXIT_OK, or the
 * exit code of what it said (66 a file that can't be opened, 65 one that
 * holds no list of URLs). */
static int gather_urls(const check_args *a, char **args, size_t nargs, url_list *l)
{
	for (size_t i = 0; i < nargs; i++)
		if (url_list_add(l, args[i]) < 0)
			return cli_usage_error(_("more than %d URLs (the limit of one run)"), URL_LIST_MAX);
	int rc = EXIT_OK;
	for (size_t i = 0; i < a->nfrom && rc == EXIT_OK; i++) {
		char why[256];
		int got = url_list_from(l, a->from[i], why, sizeof why);
		if (got == 0)
			continue;
		char *shown = untrusted_text(a->from[i], strlen(a->from[i]), 300);
		fprintf(stderr, _("%s: can't read URLs from %s: %s\n"), PACKAGE, shown ? shown : "",
			got == -1 ? regfile_error(errno) : why);
		free(shown);
		rc = got == -1 ? EXIT_NOINPUT : EXIT_DATAERR;
	}
	if (rc == EXIT_OK && l->n == 0) {
		char *shown = untrusted_text(a->from[0], strlen(a->from[0]), 300);
		rc = cli_usage_error(_("no URL to check in --from %s"), shown ? shown : "");
		free(shown);
	}
	return rc;
}

/* The probe enrollments, one after another once every check has ended
 * (while checks run, a blocking request would stall their clocks). */
static void enroll_all(const check_args *a, const url_list *l, check_report *reps, int tty)
{
	for (size_t i = 0; i < l->n; i++) {
		if (reps[i].outcome == NULL)
			continue;       /* refused: nothing was fetched */
		if (tty)
			show_progress(_("probe enrollment"), (int)i, (int)l->n, NULL);
		enroll_run(l->v[i], &a->opt, a->challenge, &reps[i]);
	}
}

/* 66 when the system's CA store is missing (as for one URL), 1 when any
 * URL has a problem, else 0. */
static int many_status(const check_report *reps, size_t n)
{
	const finding_kind *store = finding_builtin(FK_CA_STORE_MISSING);
	for (size_t i = 0; i < n; i++)
		if (reps[i].outcome == NULL && reps[i].findings.n && reps[i].findings.v[0].kind == store)
			return EXIT_NOINPUT;
	return report_many_with_problems(reps, n) ? EXIT_FOUND : EXIT_OK;
}

static int run_many(const check_args *a, const url_list *l)
{
	int tty = isatty(STDERR_FILENO);
	check_report *reps = calloc(l->n, sizeof *reps);
	if (reps == NULL || check_many(l->v, l->n, &a->opt, a->jobs, reps,
				       tty ? many_progress : NULL, NULL) < 0) {
		free(reps);
		fprintf(stderr, "%s: %s\n", PACKAGE, strerror(ENOMEM));
		return EXIT_SOFTWARE;
	}
	if (a->enroll)
		enroll_all(a, l, reps, tty);
	if (tty)
		fputs("\r\033[K", stderr);
	errno = 0;
	int rc = 0;
	if (a->yaml)
		rc = report_many_yaml(reps, l->n, stdout);
	else
		report_many_text(reps, l->n, stdout);
	int status = many_status(reps, l->n);
	for (size_t i = 0; i < l->n; i++)
		check_report_free(&reps[i]);
	free(reps);
	return written(rc, status);
}

/* The challenge, copied out of argv (which is blanked) for the one run. */
static char *challenge_copy;

/* Reads the options into A: -1, or the exit code (--help, a usage error). */
static int parse(int argc, char **argv, check_args *a)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "timeout", required_argument, NULL, 't' },
		{ "cacert", required_argument, NULL, 'c' },
		{ "insecure", no_argument, NULL, 'k' },
		{ "enroll", no_argument, NULL, 'E' },
		{ "challenge", required_argument, NULL, 'C' },
		{ "from", required_argument, NULL, 'F' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	while ((c = cli_getopt(argc, argv, "f:t:kj:h", opts)) != -1) {
		switch (c) {
		case 'f':
			if ((c = cli_format_option(optarg, &a->yaml)) != EXIT_OK)
				return c;
			break;
		case 't': case 'c': case 'k':
			if ((c = cli_check_option(c, optarg, &a->opt)) != EXIT_OK)
				return c;
			break;
		case 'E': a->enroll = 1; break;
		case 'C':
			/* Kept apart and blanked in argv: ps shows it at most an instant. */
			free(challenge_copy);
			a->challenge = challenge_copy = strdup(optarg);
			memset(optarg, 'x', strlen(optarg));
			break;
		case 'F': a->from[a->nfrom++] = optarg; break;
		case 'j':
			if ((c = parse_jobs(optarg, &a->jobs)) != EXIT_OK)
				return c;
			break;
		case 'h': usage(); return EXIT_OK;
		default: return cli_usage_error(_("usage: check URL... [--from FILE] [--jobs N] "
						  "[--format text|yaml] [--timeout S] [--cacert F] "
						  "[--insecure] [--enroll [--challenge TEXT]]"));
		}
	}
	if (optind == argc && a->nfrom == 0)
		return cli_usage_error(_("check needs the SCEP server URL"));
	if (a->challenge && !a->enroll)
		return cli_usage_error(_("--challenge is only for the probe enrollment: add --enroll"));
	return -1;
}

/* One URL and no --from: the single report, as always. Otherwise the
 * summary of many, even of one URL from a file, so that a script reading
 * --from's output always gets the same shape. */
static int check_urls(const check_args *a, char **args, size_t nargs)
{
	if (nargs == 1 && a->nfrom == 0)
		return run(args[0], &a->opt, a->yaml, a->enroll, a->challenge);
	url_list l = { 0 };
	int rc = gather_urls(a, args, nargs, &l);
	if (rc == EXIT_OK)
		rc = run_many(a, &l);
	url_list_free(&l);
	return rc;
}

int cmd_check(int argc, char **argv)
{
	check_args a = { .opt = { .timeout_s = 15 }, .jobs = CHECK_MANY_JOBS };
	a.from = calloc((size_t)argc + 1, sizeof *a.from);
	int rc = a.from ? parse(argc, argv, &a) : EXIT_SOFTWARE;
	if (rc == -1)
		rc = check_urls(&a, argv + optind, (size_t)(argc - optind));
	free(a.from);
	free(challenge_copy);
	challenge_copy = NULL;
	return rc;
}
