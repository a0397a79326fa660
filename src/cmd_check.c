/* scepwiz check URL: the live checks, reported as text or YAML.
 * Exit 0: a healthy NDES; 1: a problem was found; 64: bad usage. */
#include <config.h>

#include "check.h"
#include "cli.h"
#include "enroll.h"
#include "i18n.h"
#include "paths.h"
#include "report.h"
#include "strbuf.h"
#include "trust.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_TIMEOUT 3600

static void usage(void)
{
	printf(_("Usage: %s check URL [--format text|yaml] [--timeout S] [--cacert F] [--insecure]\n"
		 "       [--enroll [--challenge TEXT]]\n"),
	       PACKAGE);
	fputs(_("Tests a SCEP server URL as the article 'Test and troubleshoot the SCEP server URL'\n"
		"does, and more: GetCACaps, GetCACert, a long request and TLS.\n\n"
		"  -f, --format F    text (default) or yaml\n"
		"  -t, --timeout S   seconds allowed to connect and to each request (default 15)\n"
		"      --cacert F    verify TLS with the CA certificates in F (PEM)\n"
		"  -k, --insecure    don't verify the server's certificate (shown in the report)\n"
		"      --enroll      also send a probe enrollment, a real PKIOperation (opt-in:\n"
		"                    it leaves events in the NDES logs under CN=scepwiz-probe-...)\n"
		"      --challenge T the challenge password for the probe (never shown); without\n"
		"                    it the probe sends an invalid one and reads the refusal\n\n"
		"Exit status: 0 healthy, 1 a problem was found, 64 bad usage, 66 a missing\n"
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
	if (rc < 0 || fflush(stdout) != 0 || ferror(stdout)) {
		/* errno is the system's reason when there is one (a full disk). */
		fprintf(stderr, _("%s: can't write the report: %s\n"), PACKAGE,
			errno ? strerror(errno) : _("the YAML emitter failed"));
		return EXIT_IOERR;
	}
	return status;
}

/* The challenge, copied out of argv (which is blanked) for the one run. */
static char *challenge_copy;

int cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "timeout", required_argument, NULL, 't' },
		{ "cacert", required_argument, NULL, 'c' },
		{ "insecure", no_argument, NULL, 'k' },
		{ "enroll", no_argument, NULL, 'E' },
		{ "challenge", required_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	check_options opt = { .timeout_s = 15 };
	int yaml = 0, enroll = 0, c;
	const char *challenge = NULL;
	while ((c = cli_getopt(argc, argv, "f:t:kh", opts)) != -1) {
		switch (c) {
		case 'f':
			if ((c = cli_format_option(optarg, &yaml)) != EXIT_OK)
				return c;
			break;
		case 't': case 'c': case 'k':
			if ((c = cli_check_option(c, optarg, &opt)) != EXIT_OK)
				return c;
			break;
		case 'E': enroll = 1; break;
		case 'C':
			/* Kept apart and blanked in argv: ps shows it at most an instant. */
			free(challenge_copy);
			challenge = challenge_copy = strdup(optarg);
			memset(optarg, 'x', strlen(optarg));
			break;
		case 'h': usage(); return EXIT_OK;
		default: return cli_usage_error(_("usage: check URL [--format text|yaml] [--timeout S] "
						  "[--cacert F] [--insecure] [--enroll [--challenge TEXT]]"));
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(optind < argc ? _("check takes one URL")
						     : _("check needs the SCEP server URL"));
	if (challenge && !enroll)
		c = cli_usage_error(_("--challenge is only for the probe enrollment: add --enroll"));
	else
		c = run(argv[optind], &opt, yaml, enroll, challenge);
	free(challenge_copy);
	challenge_copy = NULL;
	return c;
}
