/* XML records written one after another with no root element (WCF traces,
 * wevtutil's /f:xml): gathered from the lines into one bounded buffer, one
 * record at a time. */
#define _GNU_SOURCE
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "logs/readers.h"
#include "logs/xmlscan.h"

#define REC_CAP (512 * 1024)

typedef struct {
	char *buf;
	size_t len;
	int cut;
} acc;

static void append(acc *a, line_reader *lr, const char *s, size_t n, int newline)
{
	if (a->len + n + 1 > REC_CAP) {
		if (!a->cut)
			logs_note(lr->sink, lr->src->name, N_("an XML record over 512 KiB was cut short"));
		a->cut = 1;
		n = REC_CAP - 1 - a->len;
		newline = 0;
	}
	memcpy(a->buf + a->len, s, n);
	a->len += n;
	if (newline)
		a->buf[a->len++] = '\n';
}

void read_xml_records(line_reader *lr, const char *name, xml_record_fn fn, void *arg)
{
	acc a = { malloc(REC_CAP), 0, 0 };
	if (!a.buf) {
		logs_note(lr->sink, lr->src->name, N_("out of memory"));
		return;
	}
	char close[64];
	size_t nclose = (size_t)snprintf(close, sizeof close, "</%s>", name);
	int in = 0;
	unsigned long start = 0;
	char *line;
	size_t len;
	while (lr_next(lr, &line, &len)) {
		const char *p = line, *end = line + len;
		while (p < end) {
			if (!in) {
				p = xml_find_open(p, end, name);
				if (!p)
					break;
				in = 1;
				start = lr->lineno;
				a.len = 0;
				a.cut = 0;
			}
			const char *c = memmem(p, (size_t)(end - p), close, nclose);
			if (!c) {
				append(&a, lr, p, (size_t)(end - p), 1);
				break;
			}
			append(&a, lr, p, (size_t)(c + nclose - p), 0);
			a.buf[a.len] = '\0';
			fn(a.buf, a.len, start, arg);
			in = 0;
			p = c + nclose;
		}
	}
	if (in && a.len) {
		logs_note(lr->sink, lr->src->name, N_("the last XML record is incomplete"));
		a.buf[a.len] = '\0';
		fn(a.buf, a.len, start, arg);
	}
	free(a.buf);
}
