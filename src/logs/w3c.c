/* IIS W3C extended logs and HTTP.sys error logs: each data line split on
 * spaces and named by the #Fields: header above it, so any field order and
 * a new header block after each restart read the same. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "logs/readers.h"

#define MAX_FIELDS 64

typedef struct {
	char names[4096];               /* the header's names, NUL-separated */
	log_field f[MAX_FIELDS];
	size_t n;
	int date, time;                 /* indexes of date and time, or -1 */
} w3c_header;

/* What IIS and HTTP.sys write by default, for lines before any header. */
static const char iis_default[] = "date time s-ip cs-method cs-uri-stem cs-uri-query s-port "
				  "cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus "
				  "sc-win32-status time-taken";
static const char httperr_default[] = "date time c-ip c-port s-ip s-port cs-version cs-method "
				      "cs-uri sc-status s-siteid s-reason s-queuename";

static void set_header(w3c_header *h, const char *spec, size_t len)
{
	if (len >= sizeof h->names)
		len = sizeof h->names - 1;
	memcpy(h->names, spec, len);
	h->names[len] = '\0';
	h->n = 0;
	h->date = h->time = -1;
	char *p = h->names, *end = h->names + len;
	while (p < end && h->n < MAX_FIELDS) {
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p == end)
			break;
		char *e = p;
		while (e < end && *e != ' ' && *e != '\t')
			e++;
		*e = '\0';
		if (!strcmp(p, "date"))
			h->date = (int)h->n;
		else if (!strcmp(p, "time"))
			h->time = (int)h->n;
		h->f[h->n++].name = p;
		p = e + 1;
	}
}

/* Splits the copy VALS of a data line on spaces into H's fields; returns
 * how many values there were (at most the header's count). */
static size_t split(w3c_header *h, char *vals, size_t len)
{
	char *p = vals, *end = vals + len;
	size_t i = 0;
	while (i < h->n && p <= end) {
		char *sp = memchr(p, ' ', (size_t)(end - p));
		if (!sp)
			sp = end;
		*sp = '\0';
		h->f[i++].value = p;
		p = sp + 1;
	}
	return i;
}

static const char *record_time(const w3c_header *h, size_t nv, char *out)
{
	if (h->date < 0 || h->time < 0 || (size_t)h->date >= nv || (size_t)h->time >= nv)
		return NULL;
	const char *d = h->f[h->date].value, *t = h->f[h->time].value;
	if (strlen(d) != 10 || strlen(t) < 8)
		return NULL;
	memcpy(out, d, 10);
	out[10] = ' ';
	memcpy(out + 11, t, 8);
	out[19] = '\0';
	return out;
}

void read_w3c(line_reader *lr, const char *kind)
{
	w3c_header *h = malloc(sizeof *h);
	char *vals = malloc(LR_LINE_CAP + 1);
	if (!h || !vals) {
		free(h);
		free(vals);
		logs_note(lr->sink, lr->src->name, N_("out of memory"));
		return;
	}
	h->n = 0;
	char *line, tbuf[20];
	size_t len;
	while (lr_next(lr, &line, &len)) {
		if (line[0] == '#') {
			if (!strncmp(line, "#Fields:", 8))
				set_header(h, line + 8, len - 8);
			continue;
		}
		if (!len)
			continue;
		if (!h->n) {
			const char *def = strcmp(kind, "iis") ? httperr_default : iis_default;
			set_header(h, def, strlen(def));
		}
		memcpy(vals, line, len + 1);
		size_t nv = split(h, vals, len);
		logs_emit(lr->sink, kind, lr->src->name, lr->lineno, record_time(h, nv, tbuf), line, len,
			  h->f, nv);
	}
	free(h);
	free(vals);
}
