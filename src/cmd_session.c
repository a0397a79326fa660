/* scepwiz sessions (list, rename, delete, prune) and scepwiz resume: the saved walks. */
#include <config.h>

#include "cli.h"
#include "i18n.h"
#include "regfile.h"
#include "session.h"
#include "strbuf.h"
#include "wrap.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static void list_one(const tree_set *set, const char *path)
{
	session s;
	char err[512], when[32], spec[256];
	if (session_load(&s, path, set, err, sizeof err) < 0) {
		char *shown = printable_text(path);  /* a file name is the folder's, not ours */
		printf(_("%s  (unreadable: %s)\n"), shown ? shown : "", err);
		free(shown);
		return;
	}
	struct tm tm;
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime_r(&s.updated, &tm));
	const node *at = walk_current(&s.walk);
	tree_set_spec(set, at, spec, sizeof spec);
	char *id = printable_text(s.id);
	printf("%-22s %-16s  %-5s %-20s %s\n", id ? id : "", when, s.lang, at->tree->id, spec);
	free(id);
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

static int list_all(void)
{
	tree_set set = { 0 };
	int rc = cli_load_trees(&set);
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

enum change { RENAME, DELETE, RESUME };

/* Why session ID could not be renamed, deleted or resumed, for a person. */
static int refused(enum change what, const char *id)
{
	int err = errno;
	char *shown = untrusted_text(id, strlen(id), 120);
	const char *why = regfile_error(err);
	fprintf(stderr, "%s: ", PACKAGE);
	if (err == EWOULDBLOCK)
		fprintf(stderr, _("session '%s' is open in another scepwiz; quit that one first\n"),
			shown ? shown : "");
	else if (what == RENAME)
		fprintf(stderr, _("cannot rename session '%s': %s\n"), shown ? shown : "", why);
	else if (what == DELETE)
		fprintf(stderr, _("cannot delete session '%s': %s\n"), shown ? shown : "", why);
	else
		fprintf(stderr, _("cannot resume session '%s': %s\n"), shown ? shown : "", why);
	free(shown);
	return err == EWOULDBLOCK ? EXIT_TEMPFAIL : err == ENOENT ? EXIT_NOINPUT : EXIT_CANTCREAT;
}

static const char *find_or_say(const char *id, char *path, size_t size)
{
	if (session_find(id, path, size) != NULL)
		return path;
	char *shown = untrusted_text(id, strlen(id), 120);
	fprintf(stderr, _("%s: no session '%s' (see 'scepwiz sessions')\n"), PACKAGE, shown ? shown : "");
	free(shown);
	return NULL;
}

static int rename_one(int argc, char **argv)
{
	char path[PATH_MAX];
	if (argc != 2)
		return cli_usage_error(_("usage: sessions rename ID NAME"));
	if (!session_name_ok(argv[1]))
		return cli_usage_error(_("a session name holds only letters, digits, '.', '_' and '-', "
					 "and does not start with '.'"));
	if (find_or_say(argv[0], path, sizeof path) == NULL)
		return EXIT_NOINPUT;
	return session_rename(path, argv[1]) == 0
		       ? EXIT_OK : refused(RENAME, argv[0]);
}

static int delete_some(int argc, char **argv)
{
	char path[PATH_MAX];
	int rc = EXIT_OK;
	if (argc == 0)
		return cli_usage_error(_("usage: sessions delete ID..."));
	for (int i = 0; i < argc; i++) {
		if (find_or_say(argv[i], path, sizeof path) == NULL)
			rc = EXIT_NOINPUT;
		else if (session_delete(path) < 0)
			rc = refused(DELETE, argv[i]);
	}
	return rc;
}

/* Deletes the sessions last saved more than DAYS days ago, except those a
 * wizard has open. */
static int prune(const char *days_arg)
{
	char *end;
	long days = days_arg ? strtol(days_arg, &end, 10) : -1;
	if (days_arg == NULL || *days_arg == '\0' || *end != '\0' || days < 0 || days > 100000)
		return cli_usage_error(_("usage: sessions prune --older-than DAYS"));
	time_t cut = time(NULL) - (time_t)days * 86400;
	size_t n, pruned = 0;
	char **paths = session_list(&n);
	struct stat st;
	for (size_t i = 0; i < n; i++)
		if (lstat(paths[i], &st) == 0 && st.st_mtime < cut && session_delete(paths[i]) == 0)
			pruned++;
	session_list_free(paths, n);
	printf(ngettext("Deleted %zu session.\n", "Deleted %zu sessions.\n", pruned), pruned);
	return EXIT_OK;
}

int cmd_sessions(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "older-than", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *older = NULL;
	int c;
	while ((c = cli_getopt(argc, argv, "", opts)) != -1) {
		if (c != 'o')
			return cli_usage_error(_("usage: sessions [rename ID NAME | delete ID... | "
						 "prune --older-than DAYS]"));
		older = optarg;
	}
	const char *what = optind < argc ? argv[optind] : NULL;
	int nargs = argc - optind - 1;
	session_clean_temps();
	if (what && strcmp(what, "prune") == 0 && nargs == 0)
		return prune(older);
	if (older)
		return cli_usage_error(_("--older-than goes with 'sessions prune'"));
	if (what == NULL)
		return list_all();
	if (strcmp(what, "rename") == 0)
		return rename_one(nargs, argv + optind + 1);
	if (strcmp(what, "delete") == 0)
		return delete_some(nargs, argv + optind + 1);
	return cli_usage_error(_("usage: sessions [rename ID NAME | delete ID... | "
				 "prune --older-than DAYS]"));
}

/* The session to resume: the one named, or the newest that can be read
 * (a newer one that cannot is skipped with a note). Loads it into S. */
static int pick(const tree_set *set, const char *which, session *s)
{
	char path[PATH_MAX], err[512];
	if (which) {
		if (find_or_say(which, path, sizeof path) == NULL)
			return EXIT_NOINPUT;
		if (session_load(s, path, set, err, sizeof err) == 0)
			return EXIT_OK;
		fprintf(stderr, _("%s: cannot resume %s: %s\n"), PACKAGE, path, err);
		return EXIT_DATAERR;
	}
	size_t n;
	char **paths = session_list(&n);
	int rc = EXIT_NOINPUT;
	for (size_t i = 0; i < n && rc != EXIT_OK; i++) {
		if (session_load(s, paths[i], set, err, sizeof err) == 0)
			rc = EXIT_OK;
		else {
			char *shown = printable_text(paths[i]);
			fprintf(stderr, _("%s: skipping %s, which cannot be read: %s\n"), PACKAGE,
				shown ? shown : "", err);
			free(shown);
		}
	}
	if (rc != EXIT_OK)
		fprintf(stderr, _("%s: there is no saved session to resume\n"), PACKAGE);
	session_list_free(paths, n);
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
			return cli_usage_error(_("usage: resume [--lang L] [--no-color] [ID|FILE]"));
		no_color = 1;
	}
	if (argc - optind > 1)
		return cli_usage_error(_("resume takes one session"));
	tree_set set = { 0 };
	session s;
	int rc = cli_load_trees(&set);
	if (rc == EXIT_OK)
		rc = pick(&set, optind < argc ? argv[optind] : NULL, &s);
	if (rc == EXIT_OK) {
		if (session_lock(&s) < 0)
			rc = refused(RESUME, s.id);
		else {
			/* A language asked for now wins over the one it was saved in. */
			if (!cli_lang_chosen())
				i18n_set_lang(s.lang);
			rc = wizard_resume(&set, &s, no_color);
		}
		session_free(&s);
	}
	tree_set_clear(&set);
	return rc;
}
