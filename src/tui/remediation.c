/* The remediation screen: each cause with its solution and numbered steps.
 * Commands stand on lines of their own with nothing else on them, so a
 * mouse selection copies exactly the command. */
#include <config.h>

#include "screens.h"
#include "i18n.h"

#include <stdio.h>

static void add_step(page *p, size_t i, const step *s)
{
	char num[24], buf[1024];
	snprintf(num, sizeof num, "%zu.", i + 1);
	page_hang(p, 2, num, tr(s->text.s), ST_TEXT, -1);
	int x = 2 + draw_width(num) + 1;
	if (s->command) {
		page_text(p, x, _("Command:"), ST_DIM, -1);
		page_text(p, x + 2, s->command, ST_COMMAND, -1);
	}
	if (s->ui.s) {
		snprintf(buf, sizeof buf, "%s %s", _("On screen:"), tr(s->ui.s));
		page_text(p, x, buf, ST_LITERAL, -1);
	}
	if (s->path) {
		snprintf(buf, sizeof buf, "%s %s", _("Path:"), s->path);
		page_text(p, x, buf, ST_LITERAL, -1);
	}
	if (s->value) {
		snprintf(buf, sizeof buf, "%s %s", _("Value:"), s->value);
		page_text(p, x, buf, ST_LITERAL, -1);
	}
	if (s->example)
		page_box(p, x, _("Example"), s->example);
}

static void add_cause(page *p, size_t i, size_t n, const cause *c)
{
	char head[128];
	snprintf(head, sizeof head, _("Cause %zu of %zu:"), i + 1, n);
	page_hang(p, 0, head, tr(c->cause.s), ST_STRONG, -1);
	if (c->solution.s) {
		page_hang(p, 2, _("Solution:"), tr(c->solution.s), ST_TEXT, -1);
	}
	for (size_t k = 0; k < c->nsteps; k++)
		add_step(p, k, &c->steps[k]);
	page_blank(p);
}

void remediation_draw(tui *t)
{
	const node *n = walk_current(t->w);
	section_head(t, n);
	for (size_t i = 0; i < n->ncauses; i++)
		add_cause(&t->page, i, n->ncauses, &n->causes[i]);
	answers_add(t, n);
	tui_show_page(t);
}

int remediation_key(tui *t, int key)
{
	return answers_key(t, key);
}
