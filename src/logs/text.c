/* A text log from its first bytes to its records: decode, refuse binary,
 * recognise the kind, hand the lines to that kind's reader. */
#include <config.h>

#include <string.h>

#include "i18n.h"
#include "logs/readers.h"

void logs_note(const log_sink *sink, const char *file, const char *why)
{
	if (sink->note)
		sink->note(file, why, sink->arg);
}

void logs_emit(const log_sink *sink, const char *kind, const char *file, unsigned long line,
	       const char *time, const char *text, size_t len, const log_field *f, size_t nf)
{
	log_record r = { .kind = kind, .file = file, .line = line, .time = time,
			 .text = text, .text_len = len, .fields = f, .nfields = nf };
	if (sink->record)
		sink->record(&r, sink->arg);
}

const char *logs_iso_time(const char *s, size_t len, char *out)
{
	static const char shape[] = "9999-99-99T99:99:99";
	if (len < sizeof shape - 1)
		return NULL;
	for (size_t i = 0; i < sizeof shape - 1; i++) {
		int ok = shape[i] == '9' ? s[i] >= '0' && s[i] <= '9'
			 : shape[i] == 'T' ? s[i] == 'T' || s[i] == ' ' : s[i] == shape[i];
		if (!ok)
			return NULL;
	}
	memcpy(out, s, 19);
	out[10] = ' ';
	out[19] = '\0';
	return out;
}

int logs_read_text(log_source *src, const log_sink *sink)
{
	line_reader lr;
	if (lr_open(&lr, src, sink) < 0) {
		logs_note(sink, src->name, N_("out of memory"));
		return -1;
	}
	size_t n;
	const char *head = lr_peek(&lr, &n);
	event_form form = EVT_XML;
	const char *kind = lr.binary_head ? NULL : logs_sniff(head, n, &form);
	if (lr.error) {
		/* noted by the reader */
	} else if (!n && lr.eof && !lr.binary_head) {
		logs_note(sink, src->name, N_("the file is empty"));
	} else if (!kind) {
		logs_note(sink, src->name, N_("binary content, not a text log: skipped"));
	} else {
		if (sink->file_kind)
			sink->file_kind(src->name, kind, sink->arg);
		if (!strcmp(kind, "iis") || !strcmp(kind, "httperr"))
			read_w3c(&lr, kind);
		else if (!strcmp(kind, "svclog"))
			read_svclog(&lr);
		else if (!strcmp(kind, "event"))
			read_events(&lr, form);
		else
			read_lines(&lr, kind);
	}
	int rc = lr.error && !lr.lineno ? -1 : 0;
	lr_close(&lr);
	return rc;
}
