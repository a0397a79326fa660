/* scepwiz: the command line. Global options, then a subcommand with its
 * own options (and the global ones again) in any order. */
#include <config.h>

#include "cli.h"
#include "i18n.h"
#include "paths.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
	printf(_("Usage: %s [OPTION]... [COMMAND [ARG]...]\n"), PACKAGE);
	fputs(_("Troubleshoot Intune SCEP certificate profiles deployed through NDES:\n"
		"a wizard that walks Microsoft's troubleshooting articles.\n\n"), stdout);
	fputs(_("Commands:\n"
		"  (none)                   open the wizard\n"
		"  sections                 list section ids and titles\n"
		"  lint [FILE]...           validate decision trees (exit 65 on bad input)\n"
		"  checklist --section ID... [--lang L] [--format text|md] [-o FILE]\n"
		"                           print the remediation checklist of sections\n"
		"  check URL... [--from FILE] [--format text|yaml] [--enroll] [--insecure]\n"
		"                           test a SCEP server URL as the articles do\n"
		"  resume [ID|FILE]         reopen a saved session (the latest by default)\n"
		"  sessions                 list saved sessions\n"
		"  sessions rename ID NAME  name a session (a ticket number, say)\n"
		"  sessions delete ID...    delete sessions\n"
		"  sessions prune --older-than DAYS\n"
		"                           delete sessions not saved for DAYS days\n"
		"  logs PATH... [--format text|yaml]\n"
		"                           read logs, folders and zip bundles: the section\n"
		"                           their lines point to, and the lines\n"
		"  explain [CODE|TEXT]      what a finding code, an error code or a log line\n"
		"                           means, and its section\n\n"), stdout);
	fputs(_("Options:\n"
		"  -l, --lang L             language: en, es, it, pt (pt_BR), sv\n"
		"  -g, --goto SECTION       open the wizard at a section (see 'sections')\n"
		"      --no-color           monochrome screen (also when NO_COLOR is set)\n"
		"  -h, --help               show this help and exit\n"
		"  -V, --version            show the version and exit\n\n"), stdout);
	printf(_("Decision trees are read from %s.\n"), paths_trees_dir());
}

static void version(void)
{
	printf("%s %s\n", PACKAGE, VERSION);
	fputs(_("Decision trees drawn from Microsoft documentation, CC BY 4.0.\n"), stdout);
}

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
	{ "lint", cmd_lint },
	{ "sections", cmd_sections },
	{ "checklist", cmd_checklist },
	{ "check", cmd_check },
	{ "resume", cmd_resume },
	{ "sessions", cmd_sessions },
	{ "explain", cmd_explain },
	{ "logs", cmd_logs },
};

/* The global options before the command; the command reads the rest of
 * the line itself (cli_getopt), so options may follow it too. */
static int parse_globals(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "lang", required_argument, NULL, CLI_OPT_LANG },
		{ "goto", required_argument, NULL, 'g' },
		{ "no-color", no_argument, NULL, CLI_OPT_NO_COLOR },
		{ "timeout", required_argument, NULL, 't' },
		{ "cacert", required_argument, NULL, 'c' },
		{ "insecure", no_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 },
	};
	const char *no_color = getenv("NO_COLOR");
	int c, rc;
	cli_global.no_color = no_color && *no_color;
	/* '+' stops at the command, whose options are its own. */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hVl:g:t:k", opts, NULL)) != -1) {
		switch (c) {
		case 'h': usage(); return EXIT_OK;
		case 'V': version(); return EXIT_OK;
		case 'g': cli_global.go = optarg; break;
		case 't': case 'c': case 'k':
			if ((rc = wizard_option(c, optarg)) != EXIT_OK)
				return rc;
			break;
		default:
			if (!cli_global_option(c, optarg))
				return cli_usage_error(_("unknown or incomplete option '%s'"),
						       argv[optind - 1]);
		}
	}
	opterr = 1;
	return -1;
}

static int run(int argc, char **argv)
{
	int rc = parse_globals(argc, argv);
	if (rc >= 0)
		return rc;
	if (optind == argc)
		return cmd_wizard();
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(argv[optind], commands[i].name) == 0) {
			/* The command sees its own argv ("check URL ..."); optind 0
			 * makes getopt start afresh, permuting as GNU tools do. */
			int first = optind;
			char name[64];
			snprintf(name, sizeof name, "%s %s", PACKAGE, commands[i].name);
			argv[first] = name;     /* getopt's own messages: "scepwiz check: ..." */
			optind = 0;
			return commands[i].run(argc - first, argv + first);
		}
	return cli_usage_error(_("unknown command '%s'"), argv[optind]);
}

int main(int argc, char **argv)
{
	i18n_init();
	return cli_close_stdout(run(argc, argv));
}
