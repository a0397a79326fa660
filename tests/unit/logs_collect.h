/* A log_sink for the readers' tests that keeps copies of what it is sent
 * (records, notes, kinds), and a log_source over a file descriptor. */
#ifndef SCEPWIZ_TESTS_LOGS_COLLECT_H
#define SCEPWIZ_TESTS_LOGS_COLLECT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "logs/source.h"

#define COLLECT_MAX 256
#define COLLECT_FIELDS 80

typedef struct {
	char *kind, *file, *time, *text;
	unsigned long line;
	char *names[COLLECT_FIELDS], *values[COLLECT_FIELDS];
	size_t nfields;
} collected_record;

typedef struct {
	collected_record rec[COLLECT_MAX];
	size_t nrec;
	char *notes[COLLECT_MAX];       /* "FILE: WHY" */
	size_t nnotes;
	char *kinds[COLLECT_MAX];       /* "FILE: KIND" */
	size_t nkinds;
} collected;

static inline char *collect_dup(const char *s)
{
	return s ? strdup(s) : NULL;
}

static inline char *collect_pair(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 3;
	char *s = malloc(n);
	snprintf(s, n, "%s: %s", a, b);
	return s;
}

static inline void collect_record(const log_record *r, void *arg)
{
	collected *c = arg;
	if (c->nrec >= COLLECT_MAX)
		return;
	collected_record *o = &c->rec[c->nrec++];
	o->kind = collect_dup(r->kind);
	o->file = collect_dup(r->file);
	o->time = collect_dup(r->time);
	o->text = malloc(r->text_len + 1);
	memcpy(o->text, r->text, r->text_len);
	o->text[r->text_len] = '\0';
	o->line = r->line;
	for (size_t i = 0; i < r->nfields && i < COLLECT_FIELDS; i++) {
		o->names[i] = collect_dup(r->fields[i].name);
		o->values[i] = collect_dup(r->fields[i].value);
		o->nfields++;
	}
}

static inline void collect_note(const char *file, const char *why, void *arg)
{
	collected *c = arg;
	if (c->nnotes < COLLECT_MAX)
		c->notes[c->nnotes++] = collect_pair(file, why);
}

static inline void collect_kind(const char *file, const char *kind, void *arg)
{
	collected *c = arg;
	if (c->nkinds < COLLECT_MAX)
		c->kinds[c->nkinds++] = collect_pair(file, kind);
}

static inline log_sink collect_sink(collected *c)
{
	memset(c, 0, sizeof *c);
	log_sink s = { collect_record, collect_note, collect_kind, c };
	return s;
}

/* The value of field NAME in R, or NULL. */
static inline const char *collected_field(const collected_record *r, const char *name)
{
	for (size_t i = 0; i < r->nfields; i++)
		if (strcasecmp(r->names[i], name) == 0)
			return r->values[i];
	return NULL;
}

/* The number of notes containing both A and B (B may be NULL). */
static inline size_t collected_notes(const collected *c, const char *a, const char *b)
{
	size_t n = 0;
	for (size_t i = 0; i < c->nnotes; i++)
		if (strstr(c->notes[i], a) && (!b || strstr(c->notes[i], b)))
			n++;
	return n;
}

static inline void collect_free(collected *c)
{
	for (size_t i = 0; i < c->nrec; i++) {
		collected_record *r = &c->rec[i];
		free(r->kind), free(r->file), free(r->time), free(r->text);
		for (size_t k = 0; k < r->nfields; k++)
			free(r->names[k]), free(r->values[k]);
	}
	for (size_t i = 0; i < c->nnotes; i++)
		free(c->notes[i]);
	for (size_t i = 0; i < c->nkinds; i++)
		free(c->kinds[i]);
	memset(c, 0, sizeof *c);
}

/* A source reading the descriptor in *ctx. */
static inline ssize_t fd_read(log_source *s, void *buf, size_t n)
{
	return read(*(int *)s->ctx, buf, n);
}

#endif
