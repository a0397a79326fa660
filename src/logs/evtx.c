/* Windows event log files (.evtx) through libevtx: one record of kind
 * "event" per event, its fields from the XML libevtx renders, its text the
 * event's strings (libevtx has no message templates to render them with). */
#include <config.h>

#include <errno.h>
#include <libevtx.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "logs/evtx_xml.h"
#include "logs/source.h"
#include "strbuf.h"

/* The copy's cap: Windows' own default is 20 MB per log, and admins raise
 * it; past this the rest is left unread. */
#define EVTX_MAX_BYTES (1UL << 30)
/* A record's XML and strings: a chunk holds 64 KiB of records, so a
 * rendered one past this is hostile. */
#define EVTX_MAX_XML (4UL << 20)
#define EVTX_MAX_TEXT 65536
/* libevtx (20181227) leaks a few KiB on each record it fails to parse, so
 * a file of nothing but broken records would grow without end. */
#define EVTX_MAX_BAD 1000
#define COPY_BUF 65536

static void note(const log_sink *sink, const char *file, const char *why)
{
	if (sink->note)
		sink->note(file, why, sink->arg);
}

/* Copies SRC to FD, up to the cap: 0, or the note that says what failed. */
static const char *copy_to(int fd, log_source *src, int *truncated)
{
	char *buf = malloc(COPY_BUF);
	if (!buf)
		return N_("out of memory: the event log is skipped");
	unsigned long long total = 0;
	ssize_t got;
	const char *why = NULL;
	*truncated = 0;
	while ((got = src->read(src, buf, COPY_BUF)) > 0) {
		if (total + (unsigned long long)got > EVTX_MAX_BYTES) {
			*truncated = 1;
			break;
		}
		if (write(fd, buf, (size_t)got) != got) {
			why = N_("the temporary copy of the event log failed (is the disk full?)");
			break;
		}
		total += (unsigned long long)got;
	}
	if (got < 0)
		why = N_("a read error: the event log is skipped");
	free(buf);
	return why;
}

/* libevtx reads a file or a libbfio handle, both seeking back and forth
 * between chunks, and a source never seeks: the source is copied to a
 * private temporary file, created 0600 by mkstemp (in $TMPDIR) and
 * unlinked as soon as libevtx has it open, so nothing is left behind.
 * Returns the open libevtx file or NULL (a note says why); *TRUNCATED when
 * the copy stopped at the cap. */
static libevtx_file_t *open_copy(log_source *src, const log_sink *sink, int *truncated)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/scepwiz-evtx-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		note(sink, src->name, N_("no temporary file to read the event log through"));
		return NULL;
	}
	libevtx_file_t *file = NULL;
	libevtx_error_t *err = NULL;
	const char *why = copy_to(fd, src, truncated);
	if (why)
		note(sink, src->name, why);
	else if (libevtx_file_initialize(&file, &err) != 1 ||
		 libevtx_file_open(file, path, LIBEVTX_OPEN_READ, &err) != 1) {
		note(sink, src->name, N_("not an event log that can be read"));
		libevtx_file_free(&file, NULL);
		file = NULL;
	}
	libevtx_error_free(&err);
	unlink(path);
	close(fd);
	return file;
}

/* The record's XML, parsed; -1 when libevtx can't render it. */
static int record_xml(libevtx_record_t *rec, evtx_xml_event *ev)
{
	size_t size = 0;
	if (libevtx_record_get_utf8_xml_string_size(rec, &size, NULL) != 1 || size == 0 ||
	    size > EVTX_MAX_XML)
		return -1;
	uint8_t *xml = malloc(size);
	if (!xml)
		return -1;
	int rc = -1;
	if (libevtx_record_get_utf8_xml_string(rec, xml, size, NULL) == 1)
		rc = evtx_xml_parse(ev, (const char *)xml, strnlen((const char *)xml, size));
	free(xml);
	return rc;
}

/* The event's strings, joined with "; ": what its message would say. */
static char *record_text(libevtx_record_t *rec, const evtx_xml_event *ev)
{
	strbuf b = { 0 };
	int n = 0;
	if (libevtx_record_get_number_of_strings(rec, &n, NULL) != 1)
		n = 0;
	for (int i = 0; i < n && b.len < EVTX_MAX_TEXT; i++) {
		size_t size = 0;
		if (libevtx_record_get_utf8_string_size(rec, i, &size, NULL) != 1 || size == 0 ||
		    size > EVTX_MAX_TEXT)
			continue;
		uint8_t *s = malloc(size);
		if (s && libevtx_record_get_utf8_string(rec, i, s, size, NULL) == 1 && s[0]) {
			if (b.len)
				sb_add(&b, "; ");
			sb_add(&b, (const char *)s);
		}
		free(s);
	}
	/* No template values (libevtx's strings): the data values from the XML. */
	for (size_t i = 0; n == 0 && i < ev->ndata && b.len < EVTX_MAX_TEXT; i++) {
		if (!ev->values[i][0])
			continue;
		if (b.len)
			sb_add(&b, "; ");
		sb_add(&b, ev->values[i]);
	}
	return sb_take(&b);
}

/* "YYYY-MM-DD HH:MM:SS" from the XML's SystemTime, else the written time. */
static void record_time(libevtx_record_t *rec, const evtx_xml_event *ev, char out[20])
{
	const char *t = ev->time;
	out[0] = '\0';
	if (t && strlen(t) >= 19 && t[4] == '-' && t[7] == '-' && (t[10] == 'T' || t[10] == ' ') &&
	    t[13] == ':' && t[16] == ':') {
		memcpy(out, t, 19);
		out[10] = ' ';
		out[19] = '\0';
		return;
	}
	uint64_t ft = 0;
	if (libevtx_record_get_written_time(rec, &ft, NULL) != 1 || ft < 116444736000000000ULL)
		return;
	time_t secs = (time_t)((ft - 116444736000000000ULL) / 10000000ULL);
	struct tm tm;
	/* A year past 9999 doesn't fit: no time rather than a cut one. */
	if (!gmtime_r(&secs, &tm) || strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		out[0] = '\0';
}

static size_t add_field(log_field *f, size_t n, const char *name, const char *value)
{
	if (value) {
		f[n].name = name;
		f[n].value = value;
		n++;
	}
	return n;
}

static const char *const reserved[] = { "provider", "id", "level", "channel", "computer",
					"time", "message" };

static int is_reserved(const char *name)
{
	for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
		if (strcasecmp(name, reserved[i]) == 0)
			return 1;
	return 0;
}

/* One event to the sink; -1 when the record is corrupt. */
static int send_event(libevtx_record_t *rec, const char *file, const log_sink *sink)
{
	evtx_xml_event ev;
	if (record_xml(rec, &ev) != 0)
		return -1;
	char *text = record_text(rec, &ev);
	char when[20], idbuf[24];
	record_time(rec, &ev, when);
	uint64_t recid = 0;
	libevtx_record_get_identifier(rec, &recid, NULL);
	uint32_t eid = 0;
	if (!ev.id && libevtx_record_get_event_identifier(rec, &eid, NULL) == 1) {
		snprintf(idbuf, sizeof idbuf, "%u", (unsigned)eid);
		ev.id = idbuf;
	}
	log_field f[8 + EVTX_XML_MAX_DATA];
	size_t n = 0;
	n = add_field(f, n, "provider", ev.provider);
	n = add_field(f, n, "id", ev.id);
	n = add_field(f, n, "level", evtx_level_name(ev.level));
	n = add_field(f, n, "channel", ev.channel);
	n = add_field(f, n, "computer", ev.computer);
	n = add_field(f, n, "time", when[0] ? when : NULL);
	n = add_field(f, n, "message", text ? text : "");
	/* Data named like a field above ("Message") is in the text already. */
	for (size_t i = 0; i < ev.ndata; i++)
		if (ev.names[i] && ev.names[i][0] && !is_reserved(ev.names[i]))
			n = add_field(f, n, ev.names[i], ev.values[i]);
	/* An event has no line: its record number is what Event Viewer shows. */
	log_record r = { .kind = "event", .file = file, .line = (unsigned long)recid,
			 .time = when[0] ? when : NULL, .text = text ? text : "",
			 .text_len = text ? strlen(text) : 0, .fields = f, .nfields = n };
	if (sink->record)
		sink->record(&r, sink->arg);
	free(text);
	evtx_xml_free(&ev);
	return 0;
}

int logs_read_evtx(log_source *src, const log_sink *sink)
{
	int truncated = 0;
	libevtx_file_t *file = open_copy(src, sink, &truncated);
	if (!file)
		return -1;
	if (sink->file_kind)
		sink->file_kind(src->name, "event", sink->arg);
	int n = 0, bad = 0;
	if (libevtx_file_get_number_of_records(file, &n, NULL) != 1)
		n = 0;
	for (int i = 0; i < n && bad < EVTX_MAX_BAD; i++) {
		libevtx_record_t *rec = NULL;
		if (libevtx_file_get_record_by_index(file, i, &rec, NULL) != 1 ||
		    send_event(rec, src->name, sink) != 0)
			bad++;
		libevtx_record_free(&rec, NULL);
	}
	if (bad >= EVTX_MAX_BAD)
		note(sink, src->name, N_("too many corrupt event records: the rest is skipped"));
	else if (bad)
		note(sink, src->name, N_("corrupt event records: skipped"));
	/* A checksum libevtx found wrong: the events read may be damaged. */
	if (libevtx_file_is_corrupted(file, NULL) == 1)
		note(sink, src->name, N_("a damaged event log (a checksum is wrong): its events may be incomplete"));
	if (truncated)
		note(sink, src->name, N_("an event log over 1 GiB: read only its first 1 GiB"));
	libevtx_file_close(file, NULL);
	libevtx_file_free(&file, NULL);
	return 0;
}
