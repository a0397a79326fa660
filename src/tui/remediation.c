/* The remediation screen: each cause with its solution and numbered steps.
 * Causes and steps are selectable: a step can be ticked done, a cause ruled
 * out, and a step's command copied (OSC 52). Commands and paths stand on
 * lines of their own that are never broken, so copying gives them exactly;
 * a long one scrolls sideways. */
#include <config.h>

#include "screens.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>

/* What each selectable item of this frame is: a cause (STEP is
 * MARK_RULED_OUT) or one of its steps. */
enum { MAX_ITEMS = 512 };
static struct { int cause, step; } items[MAX_ITEMS];
static int last_sel = -1;

static int add_item(page *p, int ci, int si)
{
	int item = page_item(p);
	if (item < MAX_ITEMS)
		items[item].cause = ci, items[item].step = si;
	return item;
}

static void literal_line(page *p, int x, const char *label, const char *value, int item)
{
	char *line;
	if (asprintf(&line, "%s %s", label, value) < 0)
		return;
	page_line(p, x, line, ST_LITERAL, item);
	free(line);
}

static void add_step(page *p, size_t i, const step *s, int done, int item)
{
	char num[32], buf[1024];
	snprintf(num, sizeof num, "%s %zu.", done ? "[x]" : "[ ]", i + 1);
	page_hang(p, 2, num, tr(s->text.s), ST_TEXT, item);
	int x = 2 + draw_width(num) + 1;
	if (s->command) {
		page_text(p, x, _("Command:"), ST_DIM, item);
		page_line(p, x + 2, s->command, ST_COMMAND, item);
	}
	if (s->ui.s) {
		snprintf(buf, sizeof buf, "%s %s", _("On screen:"), tr(s->ui.s));
		page_text(p, x, buf, ST_LITERAL, item);
	}
	if (s->path)
		literal_line(p, x, _("Path:"), s->path, item);
	if (s->value)
		literal_line(p, x, _("Value:"), s->value, item);
	if (s->example)
		page_box(p, x, _("Example"), s->example);
}

static void add_cause(tui *t, const node *n, size_t i)
{
	page *p = &t->page;
	const cause *c = &n->causes[i];
	char head[160];
	int out = marks_has(t->opt->marks, n, (int)i, MARK_RULED_OUT);
	snprintf(head, sizeof head, out ? _("Cause %zu of %zu (ruled out):") : _("Cause %zu of %zu:"),
		 i + 1, n->ncauses);
	page_hang(p, 0, head, tr(c->cause.s), out ? ST_DIM : ST_STRONG, add_item(p, (int)i, MARK_RULED_OUT));
	if (c->solution.s)
		page_hang(p, 2, _("Solution:"), tr(c->solution.s), ST_TEXT, -1);
	for (size_t k = 0; k < c->nsteps; k++)
		add_step(p, k, &c->steps[k], marks_has(t->opt->marks, n, (int)i, (int)k),
			 add_item(p, (int)i, (int)k));
	page_blank(p);
}

void remediation_draw(tui *t)
{
	const node *n = walk_current(t->w);
	view *v = &t->views[SCR_WALK];
	section_head(t, n);
	for (size_t i = 0; i < n->ncauses; i++)
		add_cause(t, n, i);
	answers_add(t, n);
	if (v->sel != last_sel)
		v->hscroll = 0;         /* a new selection shows its lines from the start */
	last_sel = v->sel;
	tui_show_page(t);
}

/* The cause and step under the cursor, or 0 when it is no step or cause. */
static int selected(const tui *t, int *ci, int *si)
{
	int sel = t->views[SCR_WALK].sel;
	if (sel < 0 || sel >= t->answer_item || sel >= MAX_ITEMS)
		return 0;
	*ci = items[sel].cause;
	*si = items[sel].step;
	return 1;
}

static void toggle(tui *t, int ci, int si)
{
	if (t->opt->marks == NULL)
		return;
	if (marks_toggle(t->opt->marks, walk_current(t->w), ci, si) < 0)
		tui_message(t, "%s", _("Out of memory: the mark was not kept."));
	tui_changed(t);
}

static void copy(tui *t, int ci, int si)
{
	const node *n = walk_current(t->w);
	const char *cmd = si >= 0 ? n->causes[ci].steps[si].command : NULL;
	if (cmd == NULL)
		tui_message(t, "%s", _("The selected step has no command to copy."));
	else if (tui_copy(cmd) == 0)
		tui_message(t, "%s", _("Command copied to the clipboard."));
	else
		tui_message(t, "%s", _("The command could not be sent to the terminal's clipboard."));
}

static void scroll_sideways(tui *t, int dir)
{
	view *v = &t->views[SCR_WALK];
	int widest = page_line_width(&t->page, v->sel);
	int by = t->width / 2 > 1 ? t->width / 2 : 1;
	v->hscroll += dir * by;
	if (v->hscroll > widest - t->width + 1)
		v->hscroll = widest - t->width + 1;
	if (v->hscroll < 0)
		v->hscroll = 0;
}

int remediation_key(tui *t, int key)
{
	int ci, si;
	action act = key_action(key, t->on, NULL);
	switch (act) {
	case ACT_DONE: case ACT_RULED_OUT: case ACT_COPY:
		if (!selected(t, &ci, &si))
			tui_message(t, "%s", _("Select a cause or a step first (↑ ↓)."));
		else if (act == ACT_COPY)
			copy(t, ci, si);
		else if (act == ACT_RULED_OUT)
			toggle(t, ci, MARK_RULED_OUT);
		else if (si == MARK_RULED_OUT)
			tui_message(t, "%s", _("x ticks a step; o rules out the whole cause."));
		else
			toggle(t, ci, si);
		return 1;
	case ACT_LEFT: case ACT_RIGHT:
		scroll_sideways(t, act == ACT_LEFT ? -1 : 1);
		return 1;
	default:
		return answers_key(t, key);
	}
}
