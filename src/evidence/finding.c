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

static const finding_note notes[] = {
#define NOTE(name, code, format) { code, format },
#include "evidence/notes.h"
#undef NOTE
};

static const finding_kind *registered;
static size_t nregistered;

const finding_kind *finding_builtin(finding_kind_id id)
{
	return (unsigned)id < NBUILTIN ? &builtin[id] : NULL;
}

const finding_note *finding_note_builtin(finding_note_id id)
{
	return (unsigned)id < FN_COUNT ? &notes[id] : NULL;
}

const finding_note *finding_note_find(const char *code)
{
	for (size_t i = 0; code && i < FN_COUNT; i++)
		if (strcmp(notes[i].code, code) == 0)
			return &notes[i];
	return NULL;
}

/* The note with its facts, FORMAT being the note's msgid or its
 * translation: every %s gets a fact, missing ones are empty. FORMAT is
 * never read from a file: a session names the note by code, and the
 * catalogs' formats are checked against the msgid by msgfmt --check. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void render(const finding *f, const char *format, char *buf, size_t size)
{
	const char *a[FINDING_NOTE_ARGS];
	for (size_t i = 0; i < FINDING_NOTE_ARGS; i++)
		a[i] = f->args[i] ? f->args[i] : "";
	size_t n = f->via ? (size_t)snprintf(buf, size, "%s: ", f->via) : 0;
	if (n < size)
		snprintf(buf + n, size - n, format, a[0], a[1], a[2], a[3]);
}
#pragma GCC diagnostic pop

int finding_set_note_via(finding *f, const char *via, const finding_note *note,
			 const char *const *args)
{
	free(f->via);
	f->via = via ? strdup(via) : NULL;
	if (via && f->via == NULL)
		return -1;
	return finding_set_note(f, note, args);
}

int finding_set_note(finding *f, const finding_note *note, const char *const *args)
{
	char buf[1024];
	for (size_t i = 0; i < FINDING_NOTE_ARGS; i++) {
		free(f->args[i]);
		f->args[i] = NULL;
	}
	f->note = note;
	for (size_t i = 0; args && args[i] && i < FINDING_NOTE_ARGS; i++)
		if ((f->args[i] = untrusted_text(args[i], strlen(args[i]), 300)) == NULL)
			return -1;
	render(f, note->format, buf, sizeof buf);
	free(f->detail);
	f->detail = strdup(buf);
	return f->detail ? 0 : -1;
}

finding *finding_add_note(finding_list *l, const finding_kind *kind, const finding_note *note,
			  const char *const *args)
{
	finding *f = finding_add(l, kind, NULL);
	if (f && finding_set_note(f, note, args) < 0)
		return NULL;
	return f;
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
	if (f->note && finding_set_note_via(c, f->via, f->note, (const char *const *)f->args) < 0)
		return NULL;
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
	for (size_t i = 0; i < FINDING_NOTE_ARGS; i++)
		free(f->args[i]);
	free(f->via);
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

const char *finding_detail_text(const finding *f, char *buf, size_t size)
{
	if (f->note)
		render(f, tr(f->note->format), buf, size);
	else if (f->detail && *f->detail)
		snprintf(buf, size, "%s", f->detail);
	else
		return NULL;
	return buf;
}

const char *finding_summary(const finding *f, char *buf, size_t size)
{
	char msg[512];
	if (f->kind->context)
		snprintf(msg, sizeof msg, "%s: %s", tr(f->kind->context), tr(f->kind->message));
	else
		snprintf(msg, sizeof msg, "%s", tr(f->kind->message));
	char detail[1024];
	if (finding_detail_text(f, detail, sizeof detail))
		snprintf(buf, size, "%s (%s)", msg, detail);
	else
		snprintf(buf, size, "%s", msg);
	return buf;
}
