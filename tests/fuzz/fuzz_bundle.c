/* libFuzzer target: any bytes, read as a zip bundle, give entries and
 * notes without a crash, a leak, a hang or unbounded memory; a zip inside
 * is read as a bundle too. Built and run by `make fuzz-bundle`. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "logs/source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
	const uint8_t *p;
	size_t len, pos;
} mem_in;

static ssize_t mem_read(log_source *s, void *buf, size_t n)
{
	mem_in *m = s->ctx;
	if (n > m->len - m->pos)
		n = m->len - m->pos;
	memcpy(buf, m->p + m->pos, n);
	m->pos += n;
	return (ssize_t)n;
}

static volatile size_t touched;

/* Reads every byte of a note: a name past its end would show. */
static void on_note(const char *file, const char *why, void *arg)
{
	(void)arg;
	touched += strlen(file) + strlen(why);
}

#define KEEP (256u << 10)

/* Keeps an entry's first bytes; a zip among them is read as a bundle. */
static int member(log_source *m, const log_sink *sink)
{
	uint8_t *keep = malloc(KEEP);
	size_t kept = 0;
	char buf[8192];
	ssize_t n;
	while (keep && (n = m->read(m, buf, sizeof buf)) > 0) {
		size_t take = (size_t)n < KEEP - kept ? (size_t)n : KEEP - kept;
		memcpy(keep + kept, buf, take);
		kept += take;
	}
	if (keep && kept >= 4 && memcmp(keep, "PK\3\4", 4) == 0) {
		mem_in in = { keep, kept, 0 };
		log_source inner = { .name = m->name, .read = mem_read, .ctx = &in, .depth = m->depth };
		logs_read_bundle(&inner, sink, member);
	}
	free(keep);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mem_in in = { data, size, 0 };
	log_source src = { .name = "fuzz.zip", .read = mem_read, .ctx = &in };
	log_sink sink = { .note = on_note };
	logs_read_bundle(&src, &sink, member);
	return 0;
}
