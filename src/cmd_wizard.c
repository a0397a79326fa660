/* scepwiz with no command, and scepwiz resume: the wizard. Checks everything
 * that can be checked before the screen starts, so a mistake gets a plain
 * message, and keeps the walk in a session saved after every move. */
#include <config.h>

#include "cli.h"
#include "i18n.h"
#include "session.h"
#include "tui/tui.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What the wizard's hooks share: the session and the live walk. */
typedef struct {
	session *s;
	const walk *w;
	int unsaved;            /* the last save failed: the walk on screen is not on disk */
	int saved;              /* a save has succeeded */
	char notice[512];       /* the last failure, shown by the wizard after each move */
} wizard;

/* Every move is saved, and a failed save is retried on the next one; a new
 * walk is saved once it has a move, so a launch that is only quit leaves
 * no session behind. */
static void save(wizard *z, const walk *w)
{
	if (!z->saved && !z->s->locked && w->len < 2)
		return;
	if (session_record(z->s, w, i18n_lang()) == 0) {
		z->unsaved = 0;
		z->saved = 1;
		z->notice[0] = '\0';
		return;
	}
	z->unsaved = 1;
	snprintf(z->notice, sizeof z->notice, _("This walk cannot be saved to %s: %s"), z->s->path,
		 strerror(errno));
}

static void on_change(const walk *w, void *arg)
{
	save(arg, w);
}

static void on_check(const check_report *rep, void *arg)
{
	wizard *z = arg;
	session_take_report(z->s, rep);
	save(z, z->w);
}

static int write_checklist(FILE *out, checklist_format format, void *arg)
{
	wizard *z = arg;
	char date[64];
	time_t now = time(NULL);
	struct tm tm;
	strftime(date, sizeof date, "%Y-%m-%d %H:%M %Z", localtime_r(&now, &tm));
	char **lines = session_finding_lines(z->s);
	size_t n = 0;
	while (lines && lines[n])
		n++;
	checklist c = {
		.date = date, .engineer = z->s->engineer, .ticket = z->s->ticket, .url = z->s->url,
		.walk = z->w, .marks = &z->s->marks, .findings = (const char *const *)lines, .nfindings = n,
	};
	int rc = checklist_write(out, &c, format);
	session_free_lines(lines);
	return rc;
}

static int need_terminal(void)
{
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		return EXIT_OK;
	fprintf(stderr, _("%s: the wizard needs a terminal on its input and output; "
			  "'scepwiz sections' and 'scepwiz checklist' work without one\n"), PACKAGE);
	return EXIT_USAGE;
}

/* After the screen is gone: a walk that is not on disk is never lost silently. */
static int say_unsaved(const wizard *z, int rc)
{
	if (!z->unsaved)
		return rc;
	if (z->saved)
		fprintf(stderr, _("%s: the last moves of this walk are not saved; %s holds it as it "
				  "was at the last save that worked\n"), PACKAGE, z->s->path);
	else {
		fprintf(stderr, _("%s: this walk is not saved: %s\n"), PACKAGE, z->notice);
		if (z->s->locked)       /* claimed, but never written */
			unlink(z->s->path);
	}
	return rc == EXIT_OK ? EXIT_IOERR : rc;
}

/* Runs the wizard on W, saving every move into S; its live checks run
 * with CHECK. */
static int run(const tree_set *set, walk *w, session *s, int no_color, const check_options *check)
{
	wizard z = { s, w, 0, s->locked, "" };
	/* The wizard reports every move to on_change, and shows the notice
	 * after each one that could not be saved. */
	tui_options opt = { no_color, on_change, on_check, write_checklist, &z, s->url, *check,
			    &s->marks, z.notice };
	session_clean_temps();
	return say_unsaved(&z, tui_run(set, w, &opt));
}

/* How the wizard's live checks run: --timeout, --cacert and --insecure,
 * which main reads with the other options of the wizard. */
static check_options check = { .timeout_s = 15 };

int wizard_option(int c, const char *arg)
{
	return cli_check_option(c, arg, &check);
}

int wizard_resume(const tree_set *set, session *s, int no_color)
{
	int rc = need_terminal();
	if (rc != EXIT_OK)
		return rc;
	/* The wizard moves its own copy; the session keeps what was saved. */
	walk w;
	walk_init(&w);
	if (walk_copy(&w, &s->walk) < 0)
		return EXIT_SOFTWARE;
	rc = run(set, &w, s, no_color || cli_global.no_color, &check);
	walk_release(&w);
	return rc;
}

static const node *start_node(const tree_set *set, const char *spec, int *rc)
{
	if (spec == NULL)
		return tree_set_tree(set, "index")->start;
	int ambiguous = 0;
	const node *n = tree_set_find(set, spec, &ambiguous);
	if (n == NULL)
		*rc = cli_unknown_section(set, spec, ambiguous);
	return n;
}

int cmd_wizard(void)
{
	int no_color = cli_global.no_color;
	const char *go = cli_global.go;
	tree_set set = { 0 };
	int rc = cli_load_trees(&set);
	const node *start = rc == EXIT_OK ? start_node(&set, go, &rc) : NULL;
	if (start && (rc = need_terminal()) == EXIT_OK) {
		walk w;
		session s;
		walk_init(&w);
		memset(&s, 0, sizeof s);
		if (walk_start(&w, start) < 0 || session_new(&s, i18n_lang()) < 0)
			rc = EXIT_SOFTWARE;
		else
			rc = run(&set, &w, &s, no_color, &check);
		session_free(&s);
		walk_release(&w);
	}
	tree_set_clear(&set);
	return rc;
}
