/* A log file on a question's screen (o): the engineer types the path of a
 * file the customer sent, the log readers read it, and the answer its lines
 * point to is selected, with the lines shown; the engineer confirms. The
 * meaning of a line comes from the trees' evidence, as in `scepwiz logs`. */
#include <config.h>

#include "screens.h"
#include "evidence/logscan.h"
#include "i18n.h"
#include "logs/logs.h"
#include "strbuf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum { LOG_IDLE, LOG_PATH, LOG_READ } state;
static const node *on_node;
static input path;
static evidence_index ix;
static int indexed;
static char said[1024];         /* what reading the file showed, for a person */
static char *lines;             /* the lines that show it, or NULL */

void log_free(void)
{
	free(lines);
	lines = NULL;
	if (indexed)
		evidence_index_free(&ix);
	indexed = 0;
	state = LOG_IDLE;
}

/* How much a finding says about the answer it points to: problems first,
 * then success markers, then the rest. */
static int weight(const finding *f)
{
	return f->kind->sev == SEV_PROBLEM ? 3 : f->kind->sev == SEV_OK ? 2 : 1;
}

/* The answer of N whose way on reaches SECTION (within its tree), or -1. */
static int answer_for(const tree_set *set, const node *n, const char *section)
{
	int amb;
	const node *target = section ? tree_set_find(set, section, &amb) : NULL;
	for (size_t i = 0; target && i < n->nchoices; i++) {
		const node *next = node_follow(n->choices[i].next);
		if (next == NULL || next->tree != target->tree)
			continue;
		char *seen = calloc(next->tree->nnodes, 1);
		if (seen == NULL)
			return -1;
		node_mark_reachable(next, seen);
		int reached = seen[target - target->tree->nodes];
		free(seen);
		if (reached)
			return (int)i;
	}
	return -1;
}

static char *lines_of(const finding *f)
{
	strbuf b = { 0 };
	for (size_t i = 0; i < f->nlines; i++)
		sb_addf(&b, "%s:%lu: %s\n", f->lines[i].file ? f->lines[i].file : "", f->lines[i].line,
			f->lines[i].text);
	return sb_take(&b);
}

/* Picks the answer the scan's findings point to, and says why. */
static void pick(tui *t, const node *n, const log_scan *s, const char *file)
{
	const finding *best = NULL;
	int answer = -1;
	for (size_t i = 0; i < s->findings.n; i++) {
		const finding *f = &s->findings.v[i];
		int a = answer_for(t->set, n, f->kind->section);
		if (a >= 0 && (best == NULL || weight(f) > weight(best))) {
			best = f;
			answer = a;
		}
	}
	char summary[512];
	if (best == NULL) {
		snprintf(said, sizeof said, _("Nothing in %s points to one of these answers (%zu findings; "
					      "scepwiz logs shows them all)."), file, s->findings.n);
		return;
	}
	snprintf(said, sizeof said, _("%s points to answer %d: %s"), file, answer + 1,
		 finding_summary(best, summary, sizeof summary));
	lines = lines_of(best);
	t->views[SCR_WALK].sel = t->answer_item + answer;
	t->views[SCR_WALK].follow = 1;
}

static void read_log(tui *t, const node *n)
{
	char typed[INPUT_BYTES];
	input_text(&path, typed, sizeof typed);
	char *file = untrusted_text(typed, strlen(typed), 300);
	free(lines);
	lines = NULL;
	state = LOG_READ;
	if (!indexed && evidence_index_build(&ix, t->set) == 0)
		indexed = 1;
	log_scan s;
	logscan_init(&s, &ix);
	log_sink sink = logscan_sink(&s);
	if (!indexed || logs_read_path(typed, &sink) < 0)
		snprintf(said, sizeof said, _("Can't read %s: %s"), file ? file : "",
			 strerror(indexed ? errno : ENOMEM));
	else {
		logscan_finish(&s);
		pick(t, n, &s, file ? file : "");
	}
	logscan_free(&s);
	free(file);
}

void log_add(tui *t, const node *n)
{
	if (on_node != n) {
		on_node = n;
		state = LOG_IDLE;
	}
	page *p = &t->page;
	if (state == LOG_PATH) {
		page_blank(p);
		page_text(p, 2, _("Type the path of a log file, a folder or a zip bundle on the bottom line: "
				  "Enter reads it, Esc cancels."), ST_WARN, -1);
		t->prompt = _("Log file:");
		t->prompt_in = &path;
		t->views[SCR_WALK].scroll = (int)p->n;
	} else if (state == LOG_READ) {
		page_blank(p);
		page_text(p, 2, said, ST_WARN, -1);
		if (lines)
			page_box(p, 4, _("Evidence"), lines);
	}
}

int log_key(tui *t, int key)
{
	const node *n = walk_current(t->w);
	if (state == LOG_PATH) {
		switch (input_key(&path, key)) {
		case INPUT_ENTER: read_log(t, n); break;
		case INPUT_CANCEL: state = LOG_IDLE; break;
		}
		return 1;       /* every key is typed while the field is open */
	}
	if (key_action(key, t->on, NULL) == ACT_LOG && n->nchoices > 0) {
		state = LOG_PATH;
		return 1;
	}
	return 0;
}
