/* scepwiz sessions and scepwiz resume: the saved walks. */
#include <config.h>

#include "cli.h"
#include "i18n.h"
#include "session.h"
#include "wrap.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

static int no_options(int argc, char **argv, const char *usage)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	if (cli_getopt(argc, argv, "", opts) != -1)
		return cli_usage_error("%s", usage);
	return EXIT_OK;
}

static void list_one(const tree_set *set, const char *path)
{
	session s;
	char err[512], when[32], spec[256];
	if (session_load(&s, path, set, err, sizeof err) < 0) {
		printf(_("%s  (unreadable: %s)\n"), path, err);
		return;
	}
	struct tm tm;
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime_r(&s.updated, &tm));
	const node *at = walk_current(&s.walk);
	tree_set_spec(set, at, spec, sizeof spec);
	printf("%-22s %-16s  %-5s %-20s %s\n", s.id, when, s.lang, at->tree->id, spec);
	session_free(&s);
}

/* Column titles padded by display width, so translated and accented ones
 * stand over their columns. */
static void header(void)
{
	const char *titles[] = { _("ID"), _("UPDATED"), _("LANG"), _("TREE") };
	const int cols[] = { 23, 18, 6, 21 };
	for (size_t i = 0; i < 4; i++) {
		size_t w = wrap_width(titles[i]);
		printf("%s%*s", titles[i], w < (size_t)cols[i] ? cols[i] - (int)w : 1, "");
	}
	printf("%s\n", _("STOPPED AT"));
}

int cmd_sessions(int argc, char **argv)
{
	int rc = no_options(argc, argv, _("usage: sessions"));
	if (rc != EXIT_OK)
		return rc;
	if (optind < argc)
		return cli_usage_error(_("sessions takes no arguments"));
	tree_set set = { 0 };
	rc = cli_load_trees(&set);
	size_t n = 0;
	char **paths = rc == EXIT_OK ? session_list(&n) : NULL;
	if (rc == EXIT_OK && n == 0) {
		char dir[PATH_MAX];
		printf(_("No saved sessions in %s.\n"), session_dir(dir, sizeof dir));
	}
	if (n)
		header();
	for (size_t i = 0; i < n; i++)
		list_one(&set, paths[i]);
	session_list_free(paths, n);
	tree_set_clear(&set);
	return rc;
}

int cmd_resume(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "no-color", no_argument, NULL, 'C' },
		{ NULL, 0, NULL, 0 },
	};
	int no_color = 0, c;
	while ((c = cli_getopt(argc, argv, "", opts)) != -1) {
		if (c != 'C')
			return cli_usage_error(_("usage: resume [--no-color] [ID|FILE]"));
		no_color = 1;
	}
	int rc = EXIT_OK;
	if (argc - optind > 1)
		return cli_usage_error(_("resume takes one session"));
	const char *which = optind < argc ? argv[optind] : NULL;
	char path[PATH_MAX], err[512];
	if (session_find(which, path, sizeof path) == NULL) {
		if (which)
			fprintf(stderr, _("%s: no session '%s' (see 'scepwiz sessions')\n"), PACKAGE, which);
		else
			fprintf(stderr, _("%s: there is no saved session to resume\n"), PACKAGE);
		return EXIT_NOINPUT;
	}
	tree_set set = { 0 };
	session s;
	rc = cli_load_trees(&set);
	if (rc == EXIT_OK && session_load(&s, path, &set, err, sizeof err) < 0) {
		fprintf(stderr, _("%s: cannot resume %s: %s\n"), PACKAGE, path, err);
		rc = EXIT_DATAERR;
	} else if (rc == EXIT_OK) {
		i18n_set_lang(s.lang);
		rc = wizard_resume(&set, &s, no_color);
		session_free(&s);
	}
	tree_set_clear(&set);
	return rc;
}
