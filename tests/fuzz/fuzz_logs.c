/* libFuzzer target: any bytes, read as a log file (text of any kind, a zip
 * bundle, an .evtx), give records and notes without a crash, a leak, a hang
 * or unbounded memory. The input's size picks the size of each read, so
 * line and code-unit boundaries fall everywhere; the seeds are real files. Built and run by `make fuzz-logs`. */
#include <config.h>

#include <stdint.h>
#include <string.h>

#include "logs/record.h"
#include "logs/source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
	const uint8_t *p;
	size_t len, pos, chunk;
} mem;

static ssize_t mem_read(log_source *s, void *buf, size_t n)
{
	mem *m = s->ctx;
	size_t k = m->len - m->pos;
	if (k > n)
		k = n;
	if (k > m->chunk)
		k = m->chunk;
	memcpy(buf, m->p + m->pos, k);
	m->pos += k;
	return (ssize_t)k;
}

/* Touches every byte a reader hands out, so ASan sees a bad pointer. */
static void on_record(const log_record *r, void *arg)
{
	size_t *sum = arg;
	for (size_t i = 0; i < r->text_len; i++)
		*sum += (unsigned char)r->text[i];
	for (size_t i = 0; i < r->nfields; i++)
		*sum += strlen(r->fields[i].name) + strlen(r->fields[i].value);
	if (r->time)
		*sum += strlen(r->time);
}

static void on_note(const char *file, const char *why, void *arg)
{
	*(size_t *)arg += strlen(file) + strlen(why);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t chunks[] = { 1, 2, 3, 7, 64, 4096, 1 << 20 };
	size_t sum = 0;
	mem m = { data, size, 0, chunks[size % 7] };
	log_source src = { .name = "fuzz", .read = mem_read, .ctx = &m };
	log_sink sink = { on_record, on_note, NULL, &sum };
	logs_read_source(&src, &sink);
	return sum == 1;        /* keeps SUM alive */
}
