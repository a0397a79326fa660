/* A test and benchmark driver for the log readers: reads each PATH and
 * prints how many records of each kind it gave, the notes, and with -v
 * every record (escaped) — no findings, just what the readers see. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "logs/logs.h"
#include "logs/vocab.h"
#include "strbuf.h"

typedef struct {
	int verbose;
	unsigned long count[16], bytes;
} dump;

static unsigned kind_index(const char *kind)
{
	for (unsigned i = 0; log_kind_at(i); i++)
		if (!strcmp(log_kind_at(i)->kind, kind))
			return i;
	return 15;
}

static void put(const char *s, size_t n)
{
	char *t = untrusted_text(s, n, 4096);
	fputs(t ? t : "?", stdout);
	free(t);
}

static void on_record(const log_record *r, void *arg)
{
	dump *d = arg;
	d->count[kind_index(r->kind)]++;
	d->bytes += r->text_len;
	if (!d->verbose)
		return;
	printf("%s %s:%lu [%s]", r->kind, r->file, r->line, r->time ? r->time : "-");
	for (size_t i = 0; i < r->nfields; i++) {
		printf(" %s=", r->fields[i].name);
		put(r->fields[i].value, strlen(r->fields[i].value));
	}
	fputs(" | ", stdout);
	put(r->text, r->text_len);
	putchar('\n');
}

static void on_note(const char *file, const char *why, void *arg)
{
	(void)arg;
	printf("note: %s: %s\n", file, why);
}

static void on_kind(const char *file, const char *kind, void *arg)
{
	(void)arg;
	printf("kind: %s %s\n", file, kind);
}

int main(int argc, char **argv)
{
	dump d = { 0 };
	log_sink sink = { on_record, on_note, on_kind, &d };
	int i = 1, rc = 0;
	if (i < argc && !strcmp(argv[i], "-v")) {
		d.verbose = 1;
		i++;
	}
	if (i == argc) {
		fprintf(stderr, "usage: logs_dump [-v] PATH...\n");
		return 64;
	}
	for (; i < argc; i++)
		if (logs_read_path(argv[i], &sink) < 0) {
			perror(argv[i]);
			rc = 66;
		}
	for (unsigned k = 0; log_kind_at(k); k++)
		if (d.count[k])
			printf("%s: %lu\n", log_kind_at(k)->kind, d.count[k]);
	return rc;
}
