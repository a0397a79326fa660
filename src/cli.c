/* What the subcommands share: usage errors, loading the trees, the global
 * options (read before the command by main and after it by cli_getopt),
 * and the check that standard output was written. */
#include <config.h>

#include "cli.h"
#include "i18n.h"
#include "paths.h"
#include "strbuf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

cli_globals cli_global;

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

int cli_format_option(const char *arg, int *yaml)
{
	if (strcmp(arg, "yaml") != 0 && strcmp(arg, "text") != 0)
		return cli_usage_error(_("unknown format '%s' (text or yaml)"), arg);
	*yaml = strcmp(arg, "yaml") == 0;
	return EXIT_OK;
}

int cli_unknown_section(const tree_set *set, const char *spec, int ambiguous)
{
	enum { MAX_SUGGESTIONS = 3 };
	char *shown = untrusted_text(spec, strlen(spec), 120);
	const char *s = shown ? shown : "";
	int rc;
	if (ambiguous) {
		rc = cli_usage_error(_("section '%s' is in more than one article; name it as TREE/%s "
				       "('scepwiz sections' lists them)"), s, s);
	} else {
		char *near[MAX_SUGGESTIONS];
		size_t n = tree_set_suggest(set, spec, near, MAX_SUGGESTIONS);
		strbuf list = { 0 };
		for (size_t i = 0; i < n; i++) {
			sb_addf(&list, "%s%s", i ? ", " : "", near[i]);
			free(near[i]);
		}
		char *l = sb_take(&list);
		rc = l && *l ? cli_usage_error(_("no section '%s'; did you mean %s?"), s, l)
			     : cli_usage_error(_("no section '%s' ('scepwiz sections' lists them)"), s);
		free(l);
	}
	free(shown);
	return rc;
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

static int lang_chosen;

int cli_lang_chosen(void)
{
	return lang_chosen;
}

void cli_set_lang(const char *lang)
{
	lang_chosen = 1;
	if (i18n_set_lang(lang) < 0)
		fprintf(stderr, _("%s: unknown language '%s', using English (try en, es, it, pt, sv)\n"),
			PACKAGE, lang);
}

int cli_global_option(int c, const char *arg)
{
	switch (c) {
	case CLI_OPT_LANG: cli_set_lang(arg); return 1;
	case CLI_OPT_NO_COLOR: cli_global.no_color = 1; return 1;
	}
	return 0;
}

int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts)
{
	/* The command's options, then the global ones. */
	static struct option merged[40];
	static char shorts[80];
	static const struct option *built;
	if (built != longopts) {
		size_t n = 0;
		while (longopts[n].name && n < sizeof merged / sizeof *merged - 3)
			merged[n] = longopts[n], n++;
		merged[n++] = (struct option){ "lang", required_argument, NULL, CLI_OPT_LANG };
		merged[n++] = (struct option){ "no-color", no_argument, NULL, CLI_OPT_NO_COLOR };
		merged[n] = (struct option){ 0 };
		snprintf(shorts, sizeof shorts, "%sl:", shortopts);
		built = longopts;
	}
	int c;
	while ((c = getopt_long(argc, argv, shorts, merged, NULL)) != -1 && cli_global_option(c, optarg))
		;
	return c;
}

int cli_close_stdout(int rc)
{
	/* A full disk or a closed pipe shows only now, as GNU tools check. */
	errno = 0;
	int failed = ferror(stdout);
	if (fclose(stdout) != 0 && errno != EBADF)
		failed = 1;
	/* A command that failed has said why already. */
	if (!failed || rc != EXIT_OK)
		return rc;
	if (errno)
		fprintf(stderr, _("%s: write error: %s\n"), PACKAGE, strerror(errno));
	else
		fprintf(stderr, _("%s: write error\n"), PACKAGE);
	return EXIT_IOERR;
}
