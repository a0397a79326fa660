/* scepwiz: the command line. Global options, then a subcommand. */
#include <config.h>

#include "cli.h"
#include "i18n.h"
#include "paths.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
		"  check URL [--format text|yaml] [--timeout S] [--cacert F] [--insecure]\n"
		"                           test a SCEP server URL as the articles do\n"
		"  resume [ID|FILE]         reopen a saved session (the latest by default)\n"
		"  sessions                 list saved sessions\n"
		"  explain [CODE]           what a finding code means, and its section\n\n"), stdout);
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

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", PACKAGE);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, _(" (try '%s --help')\n"), PACKAGE);
	return EXIT_USAGE;
}

int cli_load_trees(tree_set *set)
{
	const char *dir = paths_trees_dir();
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, _("%s: no decision trees at %s: %s\n"), PACKAGE, dir,
			strerror(errno ? errno : ENOTDIR));
		return EXIT_NOINPUT;
	}
	if (tree_set_add_dir(set, dir, stderr) || tree_set_resolve(set, stderr)) {
		fprintf(stderr, _("%s: the decision trees in %s are broken; see 'scepwiz lint'\n"),
			PACKAGE, dir);
		return EXIT_DATAERR;
	}
	if (tree_set_tree(set, "index") == NULL) {
		fprintf(stderr, _("%s: %s has no index.yaml\n"), PACKAGE, dir);
		return EXIT_DATAERR;
	}
	return EXIT_OK;
}

void cli_set_lang(const char *lang)
{
	if (i18n_set_lang(lang) < 0)
		fprintf(stderr, _("%s: unknown language '%s', using English (try en, es, it, pt, sv)\n"),
			PACKAGE, lang);
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

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "lang", required_argument, NULL, 'l' },
		{ "goto", required_argument, NULL, 'g' },
		{ "no-color", no_argument, NULL, 'C' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	i18n_init();
	/* '+' stops at the subcommand; the wizard's own options are read again
	 * by cmd_wizard, so they may come before or after. */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hVl:g:", opts, NULL)) != -1) {
		switch (c) {
		case 'h': usage(); return EXIT_OK;
		case 'V': version(); return EXIT_OK;
		case 'l': cli_set_lang(optarg); break;
		case 'g': case 'C': break;
		default:
			return cli_usage_error(_("unknown or incomplete option '%s'"), argv[optind - 1]);
		}
	}
	if (optind < argc)
		for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
			if (strcmp(argv[optind], commands[i].name) == 0) {
				optind++;
				opterr = 1;
				return commands[i].run(argc, argv);
			}
	if (optind < argc)
		return cli_usage_error(_("unknown command '%s'"), argv[optind]);
	optind = 1;
	return cmd_wizard(argc, argv);
}
