/* Reading a session back (written by session_write.c): every value is
 * checked against the trees and the finding kinds, and a refusal says which
 * line is wrong; the file is never modified. */
#include <config.h>

#include "session.h"
#include "strbuf.h"
#include "i18n.h"
#include "yamldoc.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

typedef struct {
	char *err;
	size_t size;
	int failed;
} problem;

static int refuse(problem *p, const yd_node *at, const char *fmt, ...)
{
	if (p->failed++)
		return -1;
	size_t len = 0;
	if (at) {
		snprintf(p->err, p->size, _("line %u: "), at->line);
		len = strlen(p->err);
	}
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->err + len, p->size - len, fmt, ap);
	va_end(ap);
	return -1;
}

static const char *str_of(const yd_node *map, const char *key)
{
	const yd_node *v = yd_get(map, key);
	return v && v->kind == YD_SCALAR ? v->str : NULL;
}

static int long_of(const yd_node *map, const char *key, long *out)
{
	const char *s = str_of(map, key);
	char *end;
	if (s == NULL || *s == '\0')
		return -1;
	*out = strtol(s, &end, 10);
	return *end == '\0' && *out >= 0 && *out < INT_MAX ? 0 : -1;
}

static int time_of(const yd_node *map, const char *key, time_t *out)
{
	const char *s = str_of(map, key);
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	const char *end = s ? strptime(s, "%Y-%m-%dT%H:%M:%SZ", &tm) : NULL;
	if (end == NULL || *end != '\0')
		return -1;
	*out = timegm(&tm);
	return 0;
}

static int read_entry(problem *p, const yd_node *m, const tree_set *set, walk_entry *e)
{
	long picked = -1;
	int ambiguous;
	const char *spec = str_of(m, "node"), *how = str_of(m, "how"), *outcome = str_of(m, "outcome");
	if (m->kind != YD_MAP || spec == NULL || how == NULL)
		return refuse(p, m, _("an entry needs 'node' and 'how'"));
	e->node = strchr(spec, '/') ? tree_set_find(set, spec, &ambiguous) : NULL;
	if (e->node == NULL)
		return refuse(p, m, _("the trees have no section '%s' any more"), spec);
	e->how = MOVE_START;
	while (e->how <= MOVE_JUMP && strcmp(session_how_names[e->how], how) != 0)
		e->how++;
	if (e->how > MOVE_JUMP)
		return refuse(p, m, _("unknown move '%s'"), how);
	if (yd_get(m, "choice") && (long_of(m, "choice", &picked) < 0 ||
				    (size_t)picked >= (e->node->nchoices ? e->node->nchoices : 1)))
		return refuse(p, m, _("section '%s' has no choice %s"), spec, str_of(m, "choice"));
	e->choice = (int)picked;
	e->outcome = NULL;
	if (outcome) {
		const char *kept = picked >= 0 && e->node->nchoices ? e->node->choices[picked].outcome : NULL;
		if (kept == NULL || strcmp(kept, outcome) != 0)
			return refuse(p, m, _("section '%s' has no outcome '%s'"), spec, outcome);
		e->outcome = kept;
	}
	return 0;
}

static int read_walk(problem *p, const yd_node *doc, const tree_set *set, walk *w)
{
	const yd_node *list = yd_get(doc, "entries");
	long pos;
	if (list == NULL || list->kind != YD_SEQ || list->n == 0)
		return refuse(p, doc, _("it holds no walk ('entries')"));
	if (long_of(doc, "position", &pos) < 0 || (size_t)pos >= list->n)
		return refuse(p, yd_get(doc, "position"), _("'position' is not an entry of the walk"));
	w->entries = calloc(list->n, sizeof *w->entries);
	if (w->entries == NULL)
		return refuse(p, NULL, "%s", strerror(ENOMEM));
	w->cap = w->len = list->n;
	w->pos = (size_t)pos;
	for (size_t i = 0; i < list->n; i++)
		if (read_entry(p, list->items[i], set, &w->entries[i]) < 0)
			return -1;
	return 0;
}

static int read_evidence(problem *p, const yd_node *list, finding *f)
{
	if (list == NULL)
		return 0;
	if (list->kind != YD_SEQ)
		return refuse(p, list, _("'evidence' must be a list"));
	for (size_t i = 0; i < list->n; i++) {
		const yd_node *line = list->items[i];
		if (line->kind != YD_SCALAR)
			return refuse(p, line, _("'evidence' must be a list of lines"));
		if (finding_add_line(f, NULL, 0, line->str, strlen(line->str)) < 0)
			return refuse(p, NULL, "%s", strerror(ENOMEM));
	}
	return 0;
}

/* A detail's words by code, and its facts: an unknown code (a newer
 * scepwiz) keeps the English detail, which is all an older one can show. */
static int read_note(problem *p, const yd_node *m, finding *f)
{
	const finding_note *note = finding_note_find(str_of(m, "note"));
	const yd_node *list = yd_get(m, "facts");
	const char *facts[FINDING_NOTE_ARGS + 1] = { NULL };
	if (note == NULL)
		return 0;
	if (list && (list->kind != YD_SEQ || list->n > FINDING_NOTE_ARGS))
		return refuse(p, list, _("'facts' must be a list of at most %d values"), FINDING_NOTE_ARGS);
	for (size_t i = 0; list && i < list->n; i++) {
		if (list->items[i]->kind != YD_SCALAR)
			return refuse(p, list->items[i], _("'facts' must be a list of at most %d values"),
				      FINDING_NOTE_ARGS);
		facts[i] = list->items[i]->str;
	}
	const char *via = str_of(m, "via");
	char *shown = via ? untrusted_text(via, strlen(via), 40) : NULL;
	int rc = (via && shown == NULL) || finding_set_note_via(f, shown, note, facts) < 0;
	free(shown);
	return rc ? refuse(p, NULL, "%s", strerror(ENOMEM)) : 0;
}

static int read_findings(problem *p, const yd_node *doc, session *s)
{
	const yd_node *list = yd_get(doc, "findings");
	if (list == NULL)
		return 0;
	if (list->kind != YD_SEQ)
		return refuse(p, list, _("'findings' must be a list"));
	for (size_t i = 0; i < list->n; i++) {
		const yd_node *m = list->items[i];
		const char *code = m->kind == YD_MAP ? str_of(m, "code") : NULL;
		if (code == NULL)
			return refuse(p, m, _("a finding needs a 'code'"));
		/* The kind gives the severity, section and sentence: a session
		 * keeps only what was seen. */
		const finding_kind *k = finding_kind_find(code);
		if (k == NULL) {
			char *shown = untrusted_text(code, strlen(code), 80);
			refuse(p, m, _("unknown finding code '%s' ('scepwiz explain' lists them)"),
			       shown ? shown : "");
			free(shown);
			return -1;
		}
		const char *detail = str_of(m, "detail");
		finding *f = finding_add(&s->findings, k,
					 detail ? untrusted_text(detail, strlen(detail), 400) : NULL);
		if (f == NULL || read_evidence(p, yd_get(m, "evidence"), f) < 0 ||
		    read_note(p, m, f) < 0)
			return f ? -1 : refuse(p, NULL, "%s", strerror(ENOMEM));
	}
	return 0;
}

static int read_marks(problem *p, const yd_node *doc, const tree_set *set, session *s)
{
	const yd_node *list = yd_get(doc, "marks");
	if (list && list->kind != YD_SEQ)
		return refuse(p, list, _("'marks' must be a list"));
	for (size_t i = 0; list && i < list->n; i++) {
		const yd_node *m = list->items[i];
		const char *spec = m->kind == YD_MAP ? str_of(m, "node") : NULL;
		int ambiguous;
		const node *n = spec && strchr(spec, '/') ? tree_set_find(set, spec, &ambiguous) : NULL;
		long ci, si = MARK_RULED_OUT;
		if (n == NULL || n->type != NODE_REMEDIATION)
			return refuse(p, m, _("a mark needs the 'node' of a remediation"));
		if (long_of(m, "cause", &ci) < 0 || ci < 0 || (size_t)ci >= n->ncauses ||
		    (yd_get(m, "step") && (long_of(m, "step", &si) < 0 || si < 0 ||
					   (size_t)si >= n->causes[ci].nsteps)))
			return refuse(p, m, _("section '%s' has no such cause or step"), spec);
		if (marks_add(&s->marks, n, (int)ci, (int)si) < 0)
			return refuse(p, NULL, "%s", strerror(ENOMEM));
	}
	return 0;
}

static int read_session(problem *p, const yd_node *doc, const tree_set *set, session *s)
{
	long version;
	if (doc->kind != YD_MAP || long_of(doc, "scepwiz-session", &version) < 0)
		return refuse(p, NULL, _("not a scepwiz session"));
	if (version > SESSION_VERSION)
		return refuse(p, NULL, _("written by a newer scepwiz (session format %ld; this one reads %d)"),
			      version, SESSION_VERSION);
	if (time_of(doc, "created", &s->created) < 0 || time_of(doc, "updated", &s->updated) < 0)
		return refuse(p, doc, _("'created' and 'updated' must be times like 2026-01-31T12:00:00Z"));
	const char *lang = str_of(doc, "lang");
	if (lang == NULL || i18n_normalize(lang) == NULL)
		return refuse(p, yd_get(doc, "lang"), _("unknown language '%s'"), lang ? lang : "");
	snprintf(s->lang, sizeof s->lang, "%s", i18n_normalize(lang));
	s->engineer = dup_or_null(str_of(doc, "engineer"));
	s->ticket = dup_or_null(str_of(doc, "ticket"));
	s->url = dup_or_null(str_of(doc, "url"));
	if (read_walk(p, doc, set, &s->walk) < 0 || read_marks(p, doc, set, s) < 0)
		return -1;
	return read_findings(p, doc, s);
}

static char *id_of(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
		n -= 5;
	return strndup(base, n);
}

/* Refusals quote the file (a section, a language): made printable before
 * any terminal sees them. Returns -1. */
static int printable_err(char *err, size_t size)
{
	char *shown = printable_text(err);
	if (shown)
		snprintf(err, size, "%s", shown);
	free(shown);
	return -1;
}

int session_load(session *s, const char *path, const tree_set *set, char *err, size_t errsize)
{
	problem p = { err, errsize, 0 };
	yd_error e;
	memset(s, 0, sizeof *s);
	walk_init(&s->walk);
	yd_node *doc = yd_load_file(path, &e);
	if (doc == NULL) {
		if (e.too_large)
			snprintf(err, errsize, _("larger than %d bytes: too large for a session"),
				 YD_MAX_BYTES);
		else if (e.line)
			snprintf(err, errsize, _("line %u: %s"), e.line, e.msg);
		else
			snprintf(err, errsize, "%s", e.msg);
		return printable_err(err, errsize);
	}
	int rc = read_session(&p, doc, set, s);
	yd_free(doc);
	s->path = strdup(path);
	s->id = id_of(path);
	if (rc < 0) {
		session_free(s);
		return printable_err(err, errsize);
	}
	return 0;
}

