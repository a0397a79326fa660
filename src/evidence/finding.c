/* The finding model: the one table of kinds (built-in rows from kinds.h,
 * then the trees' evidence patterns) and the findings that name them. */
#include <config.h>

#include "evidence/finding.h"
#include "i18n.h"
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const finding_kind builtin[] = {
#define KIND(name, code, sev, section, source, message) \
	{ code, SEV_##sev, section, message, source, NULL },
#include "evidence/kinds.h"
#undef KIND
};
enum { NBUILTIN = sizeof builtin / sizeof *builtin };

static const finding_kind *registered;
static size_t nregistered;

const finding_kind *finding_builtin(finding_kind_id id)
{
	return (unsigned)id < NBUILTIN ? &builtin[id] : NULL;
}

void finding_kinds_register(const finding_kind *kinds, size_t n)
{
	registered = kinds;
	nregistered = n;
}

const finding_kind *finding_kind_at(size_t i)
{
	if (i < NBUILTIN)
		return &builtin[i];
	i -= NBUILTIN;
	return i < nregistered ? &registered[i] : NULL;
}

const finding_kind *finding_kind_find(const char *code)
{
	const finding_kind *k;
	for (size_t i = 0; code && (k = finding_kind_at(i)) != NULL; i++)
		if (strcmp(k->code, code) == 0)
			return k;
	return NULL;
}

finding *finding_add(finding_list *l, const finding_kind *kind, char *detail)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 8;
		finding *v = realloc(l->v, cap * sizeof *v);
		if (v == NULL) {
			free(detail);
			return NULL;
		}
		l->v = v;
		l->cap = cap;
	}
	finding *f = &l->v[l->n++];
	*f = (finding){ .kind = kind, .detail = detail, .count = 1 };
	return f;
}

int finding_add_line(finding *f, const char *file, unsigned long line, const char *text, size_t len)
{
	evidence_line *v = realloc(f->lines, (f->nlines + 1) * sizeof *v);
	if (v == NULL)
		return -1;
	f->lines = v;
	evidence_line *e = &v[f->nlines];
	*e = (evidence_line){ .file = file ? untrusted_text(file, strlen(file), 512) : NULL,
			      .line = line, .text = untrusted_text(text, len, 400) };
	if (e->text == NULL || (file && e->file == NULL)) {
		free(e->file);
		free(e->text);
		return -1;
	}
	f->nlines++;
	return 0;
}

finding *finding_add_copy(finding_list *l, const finding *f)
{
	char *detail = f->detail ? strdup(f->detail) : NULL;
	if (f->detail && detail == NULL)
		return NULL;
	finding *c = finding_add(l, f->kind, detail);
	if (c == NULL)
		return NULL;
	c->count = f->count;
	for (size_t i = 0; i < f->nlines; i++) {
		const evidence_line *e = &f->lines[i];
		if (finding_add_line(c, e->file, e->line, e->text, strlen(e->text)) < 0)
			return NULL;
	}
	return c;
}

static void finding_release(finding *f)
{
	for (size_t i = 0; i < f->nlines; i++) {
		free(f->lines[i].file);
		free(f->lines[i].text);
	}
	free(f->lines);
	free(f->detail);
}

void finding_list_free(finding_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		finding_release(&l->v[i]);
	free(l->v);
	*l = (finding_list){ 0 };
}

size_t finding_count(const finding_list *l, severity sev)
{
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++)
		n += l->v[i].kind->sev >= sev;
	return n;
}

const char *finding_summary(const finding *f, char *buf, size_t size)
{
	char msg[512];
	if (f->kind->context)
		snprintf(msg, sizeof msg, "%s: %s", tr(f->kind->context), tr(f->kind->message));
	else
		snprintf(msg, sizeof msg, "%s", tr(f->kind->message));
	if (f->detail && *f->detail)
		snprintf(buf, size, "%s (%s)", msg, f->detail);
	else
		snprintf(buf, size, "%s", msg);
	return buf;
}
