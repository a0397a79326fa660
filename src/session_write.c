/* A session as YAML, through the one YAML writer: ids and codes only, never
 * translated text (the reader is session_read.c). */
#include <config.h>

#include "session.h"
#include "yamlout.h"

#include <stdio.h>

static void node_pair(yaml_out *o, const node *n)
{
	char spec[256];
	snprintf(spec, sizeof spec, "%s/%s", n->tree->id, n->id);
	yo_pair(o, "node", spec);
}

/* A key written only when there is a value: the reader takes none as none. */
static void pair_if(yaml_out *o, const char *key, const char *value)
{
	if (value)
		yo_pair(o, key, value);
}

static void write_entries(yaml_out *o, const walk *wk)
{
	yo_str(o, "entries");
	yo_seq(o, 1);
	for (size_t i = 0; i < wk->len; i++) {
		const walk_entry *e = &wk->entries[i];
		yo_flow_map(o, 1);
		node_pair(o, e->node);
		yo_pair(o, "how", session_how_names[e->how]);
		if (e->choice >= 0)
			yo_pair_long(o, "choice", e->choice);
		pair_if(o, "outcome", e->outcome);
		yo_flow_map(o, 0);
	}
	yo_seq(o, 0);
}

static void write_findings(yaml_out *o, const session *s)
{
	if (s->findings.n == 0)
		return;
	yo_str(o, "findings");
	yo_seq(o, 1);
	for (size_t i = 0; i < s->findings.n; i++) {
		const finding *f = &s->findings.v[i];
		yo_map(o, 1);
		yo_pair(o, "code", f->kind->code);
		pair_if(o, "detail", f->detail);
		if (f->note) {
			/* The words by code, the facts as seen: renders in any language. */
			yo_pair(o, "note", f->note->code);
			pair_if(o, "via", f->via);
			size_t n = 0;
			while (n < FINDING_NOTE_ARGS && f->args[n])
				n++;
			yo_pair_list(o, "facts", (const char *const *)f->args, n);
		}
		if (f->nlines) {
			yo_str(o, "evidence");
			yo_seq(o, 1);
			for (size_t j = 0; j < f->nlines; j++)
				yo_str(o, f->lines[j].text);
			yo_seq(o, 0);
		}
		yo_map(o, 0);
	}
	yo_seq(o, 0);
}

/* Marks as ids: {node: TREE/ID, cause: N, step: N}, no step for a cause
 * ruled out. */
static void write_marks(yaml_out *o, const session *s)
{
	if (s->marks.n == 0)
		return;
	yo_str(o, "marks");
	yo_seq(o, 1);
	for (size_t i = 0; i < s->marks.n; i++) {
		const mark *m = &s->marks.v[i];
		yo_flow_map(o, 1);
		node_pair(o, m->node);
		yo_pair_long(o, "cause", m->cause);
		if (m->step != MARK_RULED_OUT)
			yo_pair_long(o, "step", m->step);
		yo_flow_map(o, 0);
	}
	yo_seq(o, 0);
}

int session_write_yaml(FILE *f, const session *s)
{
	yaml_out o;
	yo_begin(&o, f);
	yo_map(&o, 1);
	yo_pair_long(&o, "scepwiz-session", SESSION_VERSION);
	yo_pair_time(&o, "created", s->created);
	yo_pair_time(&o, "updated", s->updated);
	yo_pair(&o, "lang", s->lang);
	pair_if(&o, "engineer", s->engineer);
	pair_if(&o, "ticket", s->ticket);
	pair_if(&o, "url", s->url);
	yo_pair_long(&o, "position", (long)s->walk.pos);
	write_entries(&o, &s->walk);
	write_findings(&o, s);
	write_marks(&o, s);
	yo_map(&o, 0);
	return yo_end(&o);
}
