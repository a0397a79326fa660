/* WCF traces (CertificateRegistrationPoint_*.svclog, NDESConnector_*.svclog):
 * a sequence of <E2ETraceEvent> records, each giving its source, its type
 * (Information, Warning, Error…) and its message. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "logs/readers.h"
#include "logs/xmlscan.h"

typedef struct {
	line_reader *lr;
	char source[256], type[64], when[64], time[20];
	char message[LR_LINE_CAP];
} svclog_state;

static void one(const char *rec, size_t len, unsigned long line, void *arg)
{
	svclog_state *st = arg;
	const char *end = rec + len;
	xml_elem e;
	st->source[0] = st->type[0] = st->when[0] = st->message[0] = '\0';
	if (xml_find(rec, end, "Source", &e))
		xml_attr(&e, "Name", st->source, sizeof st->source);
	if (xml_find(rec, end, "SubType", &e))
		xml_attr(&e, "Name", st->type, sizeof st->type);
	if (xml_find(rec, end, "TimeCreated", &e))
		xml_attr(&e, "SystemTime", st->when, sizeof st->when);
	size_t n = 0;
	if (xml_find(rec, end, "ApplicationData", &e))
		n = xml_text(e.body, e.body_end, st->message, sizeof st->message);
	log_field f[] = {
		{ "source", st->source }, { "type", st->type }, { "message", st->message },
	};
	logs_emit(st->lr->sink, "svclog", st->lr->src->name, line,
		  logs_iso_time(st->when, strlen(st->when), st->time), st->message, n, f, 3);
}

void read_svclog(line_reader *lr)
{
	svclog_state *st = malloc(sizeof *st);
	if (!st) {
		logs_note(lr->sink, lr->src->name, N_("out of memory"));
		return;
	}
	st->lr = lr;
	read_xml_records(lr, "E2ETraceEvent", one, st);
	free(st);
}
