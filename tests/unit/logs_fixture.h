/* What the log reader tests share: a sink that keeps copies of what the
 * readers send, a source over bytes in memory read in chunks of any size,
 * and files written into a fresh temporary folder. */
#ifndef SCEPWIZ_TEST_LOGS_FIXTURE_H
#define SCEPWIZ_TEST_LOGS_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "logs/logs.h"
#include "logs/source.h"

#define KEEP 64

typedef struct {
	char *kind, *file, *time, *text;
	unsigned long line;
	size_t text_len, nf;
	char *name[80], *value[80];
} kept;

typedef struct {
	kept r[KEEP];
	size_t n;                       /* records kept */
	unsigned long total;            /* records seen */
	char notes[4096];               /* "FILE: why\n"… */
	char kinds[4096];               /* "FILE=KIND\n"… */
} collect;

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void keep_record(const log_record *r, void *arg)
{
	collect *c = arg;
	c->total++;
	if (c->n == KEEP)
		return;
	kept *k = &c->r[c->n++];
	k->kind = strdup(r->kind);
	k->file = strdup(r->file);
	k->time = dup_or_null(r->time);
	k->text = strndup(r->text, r->text_len);
	k->text_len = r->text_len;
	k->line = r->line;
	k->nf = r->nfields < 80 ? r->nfields : 80;
	for (size_t i = 0; i < k->nf; i++) {
		k->name[i] = strdup(r->fields[i].name);
		k->value[i] = strdup(r->fields[i].value);
	}
}

static void keep_note(const char *file, const char *why, void *arg)
{
	collect *c = arg;
	size_t n = strlen(c->notes);
	snprintf(c->notes + n, sizeof c->notes - n, "%s: %s\n", file, why);
}

static void keep_kind(const char *file, const char *kind, void *arg)
{
	collect *c = arg;
	size_t n = strlen(c->kinds);
	snprintf(c->kinds + n, sizeof c->kinds - n, "%s=%s\n", file, kind);
}

static collect *collect_new(log_sink *sink)
{
	collect *c = calloc(1, sizeof *c);
	*sink = (log_sink){ keep_record, keep_note, keep_kind, c };
	return c;
}

static void collect_free(collect *c)
{
	for (size_t i = 0; i < c->n; i++) {
		kept *k = &c->r[i];
		free(k->kind);
		free(k->file);
		free(k->time);
		free(k->text);
		for (size_t j = 0; j < k->nf; j++) {
			free(k->name[j]);
			free(k->value[j]);
		}
	}
	free(c);
}

/* Record I's field NAME, or NULL. */
__attribute__((unused)) static const char *fld(const collect *c, size_t i, const char *name)
{
	for (size_t j = 0; i < c->n && j < c->r[i].nf; j++)
		if (!strcasecmp(c->r[i].name[j], name))
			return c->r[i].value[j];
	return NULL;
}

typedef struct {
	const unsigned char *p;
	size_t len, pos, chunk;
} mem;

static ssize_t mem_read(log_source *s, void *buf, size_t n)
{
	mem *m = s->ctx;
	size_t k = m->len - m->pos;
	if (k > n)
		k = n;
	if (m->chunk && k > m->chunk)
		k = m->chunk;
	memcpy(buf, m->p + m->pos, k);
	m->pos += k;
	return (ssize_t)k;
}

/* Reads LEN bytes at DATA, CHUNK at a time (0: as much as asked), as NAME. */
__attribute__((unused)) static collect *read_mem(const char *name, const void *data, size_t len, size_t chunk)
{
	log_sink sink;
	collect *c = collect_new(&sink);
	mem m = { data, len, 0, chunk };
	log_source src = { .name = name, .read = mem_read, .ctx = &m };
	logs_read_source(&src, &sink);
	return c;
}

__attribute__((unused)) static collect *read_str(const char *name, const char *text)
{
	return read_mem(name, text, strlen(text), 0);
}

/* A fresh temporary folder for files a test writes. */
__attribute__((unused)) static char *temp_dir(void)
{
	static char dir[64];
	strcpy(dir, "/tmp/scepwiz-logs-XXXXXX");
	return mkdtemp(dir);
}

__attribute__((unused)) static void write_file(const char *dir, const char *name, const void *data, size_t len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f))
		abort();
}

__attribute__((unused)) static void remove_tree(const char *dir)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd))
		abort();
}

#endif
