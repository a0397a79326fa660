/* The 'p' key: save the checklist as text or Markdown, or print it through
 * a command ($SCEPWIZ_PRINT, else lp). A step-by-step prompt on the hint
 * line: the choice, then the path (never overwritten without a yes). */
#include <config.h>

#include "screens.h"
#include "i18n.h"
#include "regfile.h"
#include "userdirs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The user's documents folder (see userdirs.h). */
static void default_path(checklist_format fmt, char *buf, size_t size)
{
	char docs[1024];
	userdirs_documents(docs, sizeof docs);
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M", localtime_r(&now, &tm));
	snprintf(buf, size, "%s/scepwiz-checklist-%s.%s", docs, stamp,
		 fmt == CHECKLIST_MARKDOWN ? "md" : "txt");
}

static void save(tui *t, const char *path)
{
	FILE *f = regfile_create_private(path);  /* 0600, like sessions */
	int rc = f ? t->opt->write_checklist(f, t->print_format, t->opt->arg) : -1;
	int saved = errno;
	if (f && fclose(f) != 0 && rc == 0) {
		rc = -1;
		saved = errno;
	}
	t->print = PRINT_OFF;
	if (rc == 0)
		tui_message(t, _("Checklist saved to %s"), path);
	else
		tui_message(t, _("Cannot save %s: %s"), path, strerror(saved));
}

/* The print command, or NULL with a message when there is none. */
static const char *print_command(tui *t)
{
	const char *cmd = getenv("SCEPWIZ_PRINT");
	if (cmd && *cmd)
		return cmd;
	if (system("command -v lp >/dev/null 2>&1") == 0)
		return "lp";
	tui_message(t, "%s", _("No print command: install CUPS (lp) or set SCEPWIZ_PRINT."));
	return NULL;
}

/* Feeds the text checklist to the command; its failure and its own words
 * are shown, never swallowed. */
static void print_it(tui *t)
{
	t->print = PRINT_OFF;
	const char *cmd = print_command(t);
	if (cmd == NULL)
		return;
	char errfile[] = "/tmp/scepwiz-print-XXXXXX", line[256] = "";
	int fd = mkstemp(errfile);
	if (fd < 0) {
		tui_message(t, _("Cannot print: %s"), strerror(errno));
		return;
	}
	char *full = NULL;
	/* Grouped, so the command's own redirections still apply. */
	if (asprintf(&full, "{ %s\n} >%s 2>&1", cmd, errfile) < 0)
		full = NULL;
	FILE *p = full ? popen(full, "w") : NULL;
	int rc = p ? t->opt->write_checklist(p, CHECKLIST_TEXT, t->opt->arg) : -1;
	int status = p ? pclose(p) : -1;
	FILE *err = fdopen(fd, "r");
	if (err && fgets(line, sizeof line, err))
		line[strcspn(line, "\n")] = '\0';
	if (err)
		fclose(err);
	unlink(errfile);
	free(full);
	if (rc == 0 && status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
		tui_message(t, _("Checklist sent to '%s'. %s"), cmd, line);
	else
		tui_message(t, _("'%s' failed (exit %d): %s"), cmd,
			    status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1, line);
}

void print_or_save(tui *t)
{
	if (t->opt->write_checklist)
		t->print = PRINT_MENU;
}

static void ask_path(tui *t, checklist_format fmt)
{
	char path[2048];
	t->print_format = fmt;
	default_path(fmt, path, sizeof path);
	input_set(&t->print_path, path);
	t->print = PRINT_PATH;
}

void print_prompt(tui *t)
{
	static char ask[2300];
	char path[INPUT_BYTES];
	switch (t->print) {
	case PRINT_OFF:
		return;
	case PRINT_MENU:
		/* TRANSLATORS: t, m and p are the keys that answer; keep them. */
		t->prompt = _("Checklist: t save as text, m save as Markdown, p print, Esc cancel");
		t->prompt_in = NULL;
		break;
	case PRINT_PATH:
		t->prompt = _("Save to:");
		t->prompt_in = &t->print_path;
		break;
	case PRINT_OVERWRITE:
		snprintf(ask, sizeof ask, _("Press %s to overwrite %s, any other key to keep it."),
			 tui_yes_key(), input_text(&t->print_path, path, sizeof path));
		t->prompt = ask;
		t->prompt_in = NULL;
		break;
	}
}

int print_key(tui *t, int key)
{
	char path[INPUT_BYTES];
	switch (t->print) {
	case PRINT_OFF:
		return 0;
	case PRINT_MENU:
		if (key == 't' || key == 'm')
			ask_path(t, key == 't' ? CHECKLIST_TEXT : CHECKLIST_MARKDOWN);
		else if (key == 'p')
			print_it(t);
		else
			t->print = PRINT_OFF;
		return 1;
	case PRINT_PATH:
		switch (input_key(&t->print_path, key)) {
		case INPUT_ENTER:
			input_text(&t->print_path, path, sizeof path);
			if (path[0] && access(path, F_OK) == 0)
				t->print = PRINT_OVERWRITE;
			else if (path[0])
				save(t, path);
			break;
		case INPUT_CANCEL:
			t->print = PRINT_OFF;
			break;
		}
		return 1;
	case PRINT_OVERWRITE:
		if (tui_is_yes(key))
			save(t, input_text(&t->print_path, path, sizeof path));
		else
			t->print = PRINT_PATH;
		return 1;
	}
	return 0;
}
