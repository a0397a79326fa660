#include <config.h>

#include "checklist.h"
#include "i18n.h"
#include "strbuf.h"
#include "wrap.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum { WIDTH = 80 };

/* The two formats differ only in how each piece is marked up. */
typedef struct {
	FILE *out;
	checklist_format fmt;
} doc;

static int md(const doc *d)
{
	return d->fmt == CHECKLIST_MARKDOWN;
}

/* Prose, wrapped to 80 columns in text (Markdown readers wrap it themselves).
 * FIRST starts the first line; later lines are indented by INDENT columns. */
static void prose(const doc *d, int indent, const char *first, const char *s)
{
	if (md(d)) {
		fprintf(d->out, "%s%s\n", first, s);
		return;
	}
	wrap_print(d->out, first, indent, s, WIDTH);
}

static void heading(const doc *d, int level, const char *title)
{
	if (md(d)) {
		fprintf(d->out, "\n%.*s %s\n\n", level, "###", title);
		return;
	}
	if (level == 3) {
		prose(d, 3, "", title);
		fputc('\n', d->out);
		return;
	}
	fprintf(d->out, "\n%s\n", title);
	size_t cols = wrap_width(title);
	for (size_t i = 0; i < cols && i < WIDTH; i++)
		fputc(level == 1 ? '=' : '-', d->out);
	fputs("\n\n", d->out);
}

static void fact(const doc *d, const char *label, const char *value, int code)
{
	if (value == NULL || *value == '\0')
		return;
	if (md(d))
		fprintf(d->out, code ? "- **%s** `%s`\n" : "- **%s** %s\n", label, value);
	else
		fprintf(d->out, "%-*s%s\n", 18 + (int)(strlen(label) - wrap_width(label)), label, value);
}

/* Untranslated text (a command, a key, a log line), set apart and never
 * wrapped, so it can be copied exactly. */
static void literal(const doc *d, int indent, const char *label, const char *s)
{
	if (s == NULL)
		return;
	if (md(d)) {
		fprintf(d->out, "%*s%s\n%*s```\n", indent, "", label, indent, "");
	} else {
		fprintf(d->out, "%*s%s\n", indent, "", label);
		indent += 4;
	}
	for (const char *p = s; *p;) {
		size_t n = strcspn(p, "\n");
		fprintf(d->out, "%*s%.*s\n", indent, "", (int)n, p);
		p += n + (p[n] == '\n');
	}
	if (md(d))
		fprintf(d->out, "%*s```\n", indent, "");
}

static void header(const doc *d, const checklist *c)
{
	heading(d, 1, _("SCEP troubleshooting checklist"));
	fact(d, _("Date:"), c->date, 0);
	fact(d, _("Engineer:"), c->engineer, 0);
	fact(d, _("Ticket:"), c->ticket, 0);
	char *url = printable_url(c->url, 2048);
	fact(d, _("SCEP server URL:"), url, 1);
	free(url);
	fact(d, _("Language:"), i18n_lang(), 0);
}

static const char *answer_of(const walk_entry *e)
{
	if (e->choice < 0)
		return NULL;
	if (e->node->nchoices)
		return tr_ctx(e->node->choices[e->choice].label.ctx, e->node->choices[e->choice].label.s);
	return _("continued");
}

static void path_walked(const doc *d, const walk *w)
{
	heading(d, 2, _("Path walked"));
	for (size_t i = 0; i < w->len && i <= w->pos; i++) {
		const walk_entry *e = &w->entries[i];
		char first[32], line[1024];
		snprintf(first, sizeof first, "%3zu. ", i + 1);
		const char *answer = answer_of(e);
		if (answer && e->outcome)
			snprintf(line, sizeof line, _("%s: %s (live check)"), tr(e->node->title.s), answer);
		else if (answer)
			snprintf(line, sizeof line, "%s: %s", tr(e->node->title.s), answer);
		else
			snprintf(line, sizeof line, "%s", tr(e->node->title.s));
		prose(d, 5, md(d) ? "1. " : first, line);
	}
}

static void findings(const doc *d, const checklist *c)
{
	if (c->nfindings == 0)
		return;
	heading(d, 2, _("Live check findings"));
	for (size_t i = 0; i < c->nfindings; i++)
		prose(d, 4, md(d) ? "- " : "  - ", c->findings[i]);
}

static void step_lines(const doc *d, const step *st, size_t number, int done)
{
	char first[32];
	const char *box = done ? "[x]" : "[ ]";
	/* Markdown keeps the number too: steps refer to each other by it
	 * ("the information you collected in step 2"). */
	if (md(d))
		snprintf(first, sizeof first, "- %s %zu. ", box, number);
	else
		snprintf(first, sizeof first, "    %s %zu. ", box, number);
	prose(d, 11, first, tr(st->text.s));
	int indent = md(d) ? 6 : 11;
	literal(d, indent, _("On screen:"), st->ui.s ? tr(st->ui.s) : NULL);
	literal(d, indent, _("Command:"), st->command);
	literal(d, indent, _("Path:"), st->path);
	literal(d, indent, _("Value:"), st->value);
	literal(d, indent, _("Example:"), st->example);
}

static void remediation(const doc *d, const node *n, size_t number, const marks *m)
{
	char title[512];
	snprintf(title, sizeof title, "%zu. %s (%s)", number, tr(n->title.s), n->id);
	heading(d, 3, title);
	prose(d, 0, "", tr(n->tree->title.s));
	fputc('\n', d->out);
	for (size_t i = 0; i < n->ncauses; i++) {
		const cause *c = &n->causes[i];
		char label[64];
		const char *what = marks_has(m, n, (int)i, MARK_RULED_OUT) ? _("Cause (ruled out):")
									      : _("Cause:");
		snprintf(label, sizeof label, md(d) ? "**%s** " : "  %s ", what);
		prose(d, 2, label, tr(c->cause.s));
		if (c->solution.s) {
			snprintf(label, sizeof label, md(d) ? "\n**%s** " : "  %s ", _("Solution:"));
			prose(d, 2, label, tr(c->solution.s));
		}
		fputc('\n', d->out);
		for (size_t s = 0; s < c->nsteps; s++)
			step_lines(d, &c->steps[s], s + 1, marks_has(m, n, (int)i, (int)s));
		if (c->nsteps)
			fputc('\n', d->out);
	}
}

/* The remediations to list: those met on the walk, or the sections named. */
static size_t remediations(const checklist *c, const node **out, size_t max)
{
	if (c->walk)
		return walk_path_remediations(c->walk, out, max);
	size_t n = 0;
	for (size_t i = 0; i < c->nsections && n < max; i++)
		out[n++] = c->sections[i];
	return n;
}

const char *checklist_article_url(const char *article, char *buf, size_t size)
{
	snprintf(buf, size, "https://learn.microsoft.com/troubleshoot/mem/intune/certificates/%s",
		 article);
	return buf;
}

static void sources(const doc *d, const node *const *list, size_t n)
{
	heading(d, 2, _("Sources"));
	for (size_t i = 0; i < n; i++) {
		int seen = 0;
		for (size_t k = 0; k < i; k++)
			seen |= list[k]->tree == list[i]->tree;
		if (seen)
			continue;
		char url[512];
		checklist_article_url(list[i]->tree->article, url, sizeof url);
		if (md(d))
			fprintf(d->out, "- [%s](%s)\n", tr(list[i]->tree->title.s), url);
		else
			fprintf(d->out, "  - %s\n    %s\n", tr(list[i]->tree->title.s), url);
	}
	fputc('\n', d->out);
	prose(d, 0, "", _("Drawn from Microsoft Intune documentation, published by Microsoft under "
			  "the Creative Commons Attribution 4.0 International license (CC BY 4.0)."));
}

int checklist_write(FILE *out, const checklist *c, checklist_format format)
{
	doc d = { out, format };
	const node *list[256];
	size_t n = remediations(c, list, sizeof list / sizeof *list);
	if (n > sizeof list / sizeof *list)
		n = sizeof list / sizeof *list;

	header(&d, c);
	if (c->walk)
		path_walked(&d, c->walk);
	findings(&d, c);
	heading(&d, 2, _("Remediation"));
	if (n == 0)
		prose(&d, 0, "", _("No remediation was reached on this walk."));
	for (size_t i = 0; i < n; i++)
		remediation(&d, list[i], i + 1, c->marks);
	if (n)
		sources(&d, list, n);
	if (fflush(out) != 0 || ferror(out))
		return -1;
	return 0;
}
