/* libFuzzer target: any bytes, read as an .evtx file, give events and
 * notes without a crash, a leak or a hang, and leave no temporary file.
 * Built and run by `make fuzz-evtx`. */
#include <config.h>

#include <stdint.h>
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

/* Reads every string of the record: one past its end would show. */
static void on_record(const log_record *r, void *arg)
{
	size_t total = r->text_len + (r->time ? strlen(r->time) : 0);
	for (size_t i = 0; i < r->nfields; i++)
		total += strlen(r->fields[i].name) + strlen(r->fields[i].value);
	*(size_t *)arg += total;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t total = 0;
	mem_in in = { data, size, 0 };
	log_source src = { .name = "fuzz.evtx", .read = mem_read, .ctx = &in };
	log_sink sink = { .record = on_record, .arg = &total };
	logs_read_evtx(&src, &sink);
	return 0;
}
