/* scepwiz logs PATH…: read the logs a customer sent (files, folders, zip
 * bundles, "-" for standard input) and answer with the article's section
 * and the lines that prove it. Exit 0: no problem; 1: a problem was found;
 * 65: nothing given is a log scepwiz knows; 66: a path doesn't exist. */
#include <config.h>

#include "cli.h"
#include "evidence/logscan.h"
#include "i18n.h"
#include "logs/logs.h"
#include "logs_report.h"
#include "strbuf.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
	printf(_("Usage: %s logs PATH... [--format text|yaml]\n"), PACKAGE);
	fputs(_("Reads the logs a customer sends and names the article's section for what\n"
		"they show, with the lines that prove it: IIS and HTTPERR logs, NDESPlugin.log,\n"
		"CertificateRegistrationPoint and NDESConnector svclog traces, connector setup\n"
		"logs, Android OMADM and CloudExtension logs, iOS console logs, Windows events\n"
		"(.evtx and Event Viewer, wevtutil or Export-Csv exports) and zip bundles.\n"
		"Folders are read whole; '-' reads standard input.\n\n"
		"  -f, --format F    text (default) or yaml\n\n"
		"Exit status: 0 no problem, 1 a problem was found, 64 bad usage,\n"
		"65 nothing given is a log scepwiz knows, 66 a path doesn't exist.\n"), stdout);
}

/* Reads every PATH into S; returns how many paths could not be opened. */
static int read_paths(char **paths, int n, log_scan *s)
{
	log_sink sink = logscan_sink(s);
	int missing = 0;
	for (int i = 0; i < n; i++)
		if (logs_read_path(paths[i], &sink) < 0) {
			char *shown = untrusted_text(paths[i], strlen(paths[i]), 300);
			fprintf(stderr, _("%s: can't read %s: %s\n"), PACKAGE, shown ? shown : "?",
				strerror(errno));
			free(shown);
			missing++;
		}
	return missing;
}

static int report(const log_scan *s, const tree_set *set, int yaml)
{
	int rc = yaml ? logs_report_yaml(s, set, stdout) : (logs_report_text(s, set, stdout), 0);
	if (rc < 0 || fflush(stdout) != 0) {
		fprintf(stderr, _("%s: can't write the report: %s\n"), PACKAGE,
			errno ? strerror(errno) : _("the output failed"));
		return EXIT_IOERR;
	}
	return EXIT_OK;
}

static int analyse(char **paths, int n, int yaml)
{
	tree_set set = { 0 };
	int rc = cli_load_trees(&set);
	if (rc != EXIT_OK)
		return rc;
	evidence_index ix;
	log_scan s;
	if (evidence_index_build(&ix, &set) < 0) {
		tree_set_clear(&set);
		return EXIT_SOFTWARE;
	}
	logscan_init(&s, &ix);
	int missing = read_paths(paths, n, &s);
	logscan_finish(&s);
	if (s.nfiles == 0 && missing == n)
		rc = EXIT_NOINPUT;
	else if (logscan_known_files(&s) == 0 && s.findings.n == 0) {
		fprintf(stderr, _("%s: nothing given is a log scepwiz knows\n"), PACKAGE);
		rc = missing ? EXIT_NOINPUT : EXIT_DATAERR;
	} else if ((rc = report(&s, &set, yaml)) == EXIT_OK)
		rc = missing ? EXIT_NOINPUT
		     : finding_count(&s.findings, SEV_PROBLEM) ? EXIT_FOUND : EXIT_OK;
	if (s.failed)
		fprintf(stderr, _("%s: out of memory: the analysis is incomplete\n"), PACKAGE);
	logscan_free(&s);
	evidence_index_free(&ix);
	tree_set_clear(&set);
	return rc;
}

int cmd_logs(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int yaml = 0, c;
	while ((c = cli_getopt(argc, argv, "f:h", opts)) != -1) {
		switch (c) {
		case 'f':
			if ((c = cli_format_option(optarg, &yaml)) != EXIT_OK)
				return c;
			break;
		case 'h': usage(); return EXIT_OK;
		default: return cli_usage_error(_("usage: logs PATH... [--format text|yaml]"));
		}
	}
	if (optind >= argc)
		return cli_usage_error(_("logs needs a file, a folder or a zip bundle ('-' for standard input)"));
	return analyse(argv + optind, argc - optind, yaml);
}
