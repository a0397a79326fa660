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

enum { LIVE_RAN = 0, LIVE_REFUSED = -1 };

static void progress(const char *what, int done, int total, void *arg)
{
	tui *t = arg;
	snprintf(t->live_lines[0], sizeof t->live_lines[0], "%s (%d/%d)", what, done, total);
	t->nlive_lines = 1;
	tui_frame(t);
}

/* Runs the checks; their findings become the lines shown, and the answer
 * they point to is kept for select_outcome. */
static int run_check(const char *url, tui *t)
{
	check_options opt = { 15, NULL, 0 };
	check_report rep;
	int rc = check_run(url, &opt, &rep, progress, t);
	t->nlive_lines = 0;
	for (size_t i = 0; i < rep.findings.n && i < LIVE_MAX_LINES; i++)
		finding_summary(&rep.findings.v[i], t->live_lines[t->nlive_lines++],
				sizeof t->live_lines[0]);
	snprintf(t->live_outcome, sizeof t->live_outcome, "%s", rep.outcome ? rep.outcome : "");
	if (rc == 0 && t->opt->on_check)
		t->opt->on_check(&rep, t->opt->arg);
	check_report_free(&rep);
	return rc == 0 ? LIVE_RAN : LIVE_REFUSED;
}

/* The findings point to an answer: select it, the engineer confirms. */
static void select_outcome(tui *t, const node *n)
{
	for (size_t i = 0; i < n->nchoices; i++)
		if (n->choices[i].outcome && strcmp(n->choices[i].outcome, t->live_outcome) == 0) {
			t->views[SCR_WALK].sel = (int)i;
			t->views[SCR_WALK].follow = 1;
			return;
		}
}

static void run(tui *t, const node *n)
{
	char url[INPUT_BYTES];
	input_text(&t->url, url, sizeof url);
	if (url[0] == '\0') {
		tui_message(t, "%s", _("Type the Server URL from the SCEP certificate profile, or Esc."));
		return;
	}
	t->live = LIVE_RUNNING;
	char *shown = printable_url(url, 200);
	snprintf(t->live_lines[0], sizeof t->live_lines[0], _("Checking %s …"), shown ? shown : "");
	free(shown);
	t->nlive_lines = 1;
	tui_frame(t);
	int rc = run_check(url, t);
	t->live = LIVE_DONE;
	if (rc == LIVE_RAN)
		select_outcome(t, n);
}

static void add_live(tui *t)
{
	page *p = &t->page;
	page_hang(p, 0, _("Live check:"), _("it fetches the SCEP server URL as a device does "
					  "(GetCACaps, GetCACert), reads the status, the headers and the "
					  "certificates, and selects the answer they point to."), ST_TEXT, -1);
	switch (t->live) {
	case LIVE_IDLE:
		page_text(p, 2, _("Press r and type the Server URL of the SCEP certificate profile to "
				  "run it, or test the URL in a browser as described above and answer "
				  "by hand."), ST_DIM, -1);
		break;
	case LIVE_URL:
		page_text(p, 2, _("Type the Server URL of the SCEP certificate profile on the bottom line: "
				  "Enter checks it, Esc cancels."), ST_WARN, -1);
		break;
	case LIVE_RUNNING:
		page_text(p, 2, t->live_lines[0], ST_DIM, -1);
		break;
	case LIVE_DONE:
		for (int i = 0; i < t->nlive_lines; i++)
			page_hang(p, 2, "•", t->live_lines[i], ST_TEXT, -1);
		if (t->live_outcome[0])
			page_text(p, 2, _("The answer they point to is selected below; Enter confirms it."), ST_WARN, -1);
		break;
	}
}

void check_draw(tui *t)
{
	const node *n = walk_current(t->w);
	if (t->live_node != n) {
		t->live_node = n;
		t->live = LIVE_IDLE;
	}
	section_head(t, n);
	answers_add(t, n);
	page_blank(&t->page);
	add_live(t);
	t->hints = _("Enter answer  r live check  ← back  t contents  / search");
	if (t->live == LIVE_URL) {
		t->prompt = _("SCEP server URL:");
		t->prompt_in = &t->url;
		t->views[SCR_WALK].scroll = (int)t->page.n;     /* the instruction in sight */
	}
	tui_show_page(t);
}

int check_key(tui *t, int key)
{
	const node *n = walk_current(t->w);
	if (t->live == LIVE_URL) {
		switch (input_key(&t->url, key)) {
		case INPUT_ENTER: run(t, n); break;
		case INPUT_CANCEL: t->live = LIVE_IDLE; break;
		}
		return 1;     /* every key is typed while the field is open */
	}
	if (key == 'r') {
		t->live = LIVE_URL;
		return 1;
	}
	return answers_key(t, key);
}
