/* The check screen: a section a live probe may answer. It says what the
 * check tests and always lets the engineer answer by hand. With live checks
 * the way is: the URL field (r) → a progress line → the findings → the
 * answer they point to, selected. */
#include <config.h>

#include "screens.h"
#include "check.h"
#include "i18n.h"
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The live check of the section on show, step by step. */
static enum { LIVE_IDLE, LIVE_URL, LIVE_RUNNING, LIVE_DONE } live;
static const node *live_node;
static input url;
static int url_set;

/* What the check found, kept as findings (kinds and facts, never text),
 * so the screen says them in the language on show, whole, after a switch. */
static finding_list kept;
static live_check *running;     /* the requests while LIVE_RUNNING */
static char checking[INPUT_BYTES + 64], progress_line[512];
static char outcome[64];
static int show_evidence;

static void forget_findings(void)
{
	finding_list_free(&kept);
}

void check_free(void)
{
	if (running)
		check_cancel(running);
	running = NULL;
	forget_findings();
	live = LIVE_IDLE;
	live_node = NULL;
}

/* Each finding's lines, one under the other, for the evidence box. */
static char *evidence_text(const finding *f)
{
	size_t len = 0;
	for (size_t i = 0; i < f->nlines; i++)
		len += strlen(f->lines[i].text) + 1;
	char *s = len ? malloc(len) : NULL;
	if (s == NULL)
		return NULL;
	s[0] = '\0';
	for (size_t i = 0; i < f->nlines; i++) {
		strcat(s, f->lines[i].text);
		if (i + 1 < f->nlines)
			strcat(s, "\n");
	}
	return s;
}

/* Keeps the report's findings for the screen; out of memory, fewer. */
static void keep_findings(const check_report *rep)
{
	forget_findings();
	for (size_t i = 0; i < rep->findings.n; i++)
		if (finding_add_copy(&kept, &rep->findings.v[i]) == NULL)
			break;
}

static void progress(const char *what, int done, int total, void *arg)
{
	(void)arg;
	if (done == 0)
		snprintf(progress_line, sizeof progress_line,
			 ngettext("%d request sent", "%d requests sent", (unsigned long)total), total);
	else
		snprintf(progress_line, sizeof progress_line, _("%d of %d done: %s"), done, total, what);
}

/* The findings point to an answer: select it, the engineer confirms. */
static void select_outcome(tui *t, const node *n)
{
	for (size_t i = 0; i < n->nchoices; i++)
		if (n->choices[i].outcome && strcmp(n->choices[i].outcome, outcome) == 0) {
			t->views[SCR_WALK].sel = t->answer_item + (int)i;
			t->views[SCR_WALK].follow = 1;
			return;
		}
}

static void start(tui *t)
{
	char u[INPUT_BYTES];
	input_text(&url, u, sizeof u);
	if (u[0] == '\0') {
		tui_message(t, "%s", _("Type the Server URL from the SCEP certificate profile, or Esc."));
		return;
	}
	progress_line[0] = '\0';
	running = check_begin(u, &t->opt->check, progress, NULL);
	if (running == NULL) {
		tui_message(t, "%s", _("Out of memory: the live check did not start."));
		live = LIVE_IDLE;
		return;
	}
	char *shown = printable_url(u, sizeof checking - 1);
	snprintf(checking, sizeof checking, "%s", shown ? shown : "");
	free(shown);
	live = LIVE_RUNNING;
}

static void finish(tui *t)
{
	check_report rep;
	int rc = check_finish(running, &rep);
	running = NULL;
	keep_findings(&rep);
	snprintf(outcome, sizeof outcome, "%s", rc == 0 && rep.outcome ? rep.outcome : "");
	if (rc == 0 && t->opt->on_check)
		t->opt->on_check(&rep, t->opt->arg);
	check_report_free(&rep);
	live = LIVE_DONE;
	if (rc == 0)
		select_outcome(t, live_node);
}

int check_running(void)
{
	return running != NULL;
}

void check_poll(tui *t, int wake_fd)
{
	if (running && check_step(running, 250, wake_fd) == 0)
		finish(t);
}

void check_stop(tui *t)
{
	if (running == NULL)
		return;
	check_cancel(running);
	running = NULL;
	live = LIVE_IDLE;
	tui_message(t, "%s", _("Live check stopped; the answer is as it was."));
}

static void add_findings(page *p)
{
	for (size_t i = 0; i < kept.n; i++) {
		const finding *f = &kept.v[i];
		char label[48], summary[8192];  /* the severity in words, so it reads without colour */
		snprintf(label, sizeof label, "[%s]", severity_label(f->kind->sev));
		page_hang(p, 2, label, finding_summary(f, summary, sizeof summary),
			  f->kind->sev >= SEV_WARNING ? ST_WARN : ST_TEXT, -1);
		char *evidence = show_evidence ? evidence_text(f) : NULL;
		if (evidence)
			page_box(p, 4, _("Evidence"), evidence);
		free(evidence);
	}
	if (!show_evidence)
		page_text(p, 2, _("Press e to show the lines each finding rests on."), ST_DIM, -1);
	if (outcome[0])
		page_text(p, 2, _("The answer they point to is selected below; Enter confirms it."), ST_WARN, -1);
}

static void add_live(tui *t)
{
	page *p = &t->page;
	page_hang(p, 0, _("Live check:"), _("it fetches the SCEP server URL as a device does "
					  "(GetCACaps, GetCACert), reads the status, the headers and the "
					  "certificates, and selects the answer they point to."), ST_TEXT, -1);
	switch (live) {
	case LIVE_IDLE:
		page_text(p, 2, _("Press r and type the Server URL of the SCEP certificate profile to "
				  "run it, or test the URL in a browser as described above and answer "
				  "by hand."), ST_DIM, -1);
		break;
	case LIVE_URL:
		page_text(p, 2, _("Type the Server URL of the SCEP certificate profile on the bottom line: "
				  "Enter checks it, Esc cancels."), ST_WARN, -1);
		break;
	case LIVE_RUNNING: {
		char buf[sizeof checking + sizeof progress_line + 128];
		snprintf(buf, sizeof buf, _("Checking %s … %s (%ld s left; Esc stops it)"), checking,
			 progress_line, running ? check_seconds_left(running) : 0L);
		page_text(p, 2, buf, ST_WARN, -1);
		break;
	}
	case LIVE_DONE:
		add_findings(p);
		break;
	}
}

void check_draw(tui *t)
{
	const node *n = walk_current(t->w);
	if (live_node != n && running == NULL) {
		live_node = n;
		live = LIVE_IDLE;
		show_evidence = 0;
	}
	if (!url_set && t->opt->url)
		input_set(&url, t->opt->url);
	url_set = 1;
	section_head(t, n);
	answers_add(t, n);
	page_blank(&t->page);
	add_live(t);
	log_add(t, n);
	if (live == LIVE_URL) {
		t->prompt = _("SCEP server URL:");
		t->prompt_in = &url;
		t->views[SCR_WALK].scroll = (int)t->page.n;     /* the instruction in sight */
	}
	tui_show_page(t);
}

int check_key(tui *t, int key)
{
	if (live == LIVE_URL) {
		switch (input_key(&url, key)) {
		case INPUT_ENTER: start(t); break;
		case INPUT_CANCEL: live = LIVE_IDLE; break;
		}
		return 1;     /* every key is typed while the field is open */
	}
	if (log_key(t, key))
		return 1;
	switch (key_action(key, t->on, NULL)) {
	case ACT_LIVE:
		live = LIVE_URL;
		return 1;
	case ACT_EVIDENCE:
		show_evidence = !show_evidence;
		return 1;
	default:
		return answers_key(t, key);
	}
}
