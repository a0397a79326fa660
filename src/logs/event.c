/* The event every export form fills in, and the record it becomes. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "logs/event.h"

int evt_init(evt *e, line_reader *lr)
{
	memset(e, 0, sizeof *e);
	e->lr = lr;
	e->arena = malloc(EVT_ARENA);
	evt_reset(e, 0);
	return e->arena ? 0 : -1;
}

void evt_free(evt *e)
{
	free(e->arena);
	e->arena = NULL;
}

void evt_reset(evt *e, unsigned long line)
{
	e->line = line;
	e->used = e->last = 0;
	for (int i = 0; i < EV_NSTD; i++)
		e->std[i] = -1;
	e->have_time = e->have = 0;
	e->ndata = 0;
}

/* Copies S[0..N) into the arena (cut to fit); its offset, or -1 when full. */
static long put(evt *e, const char *s, size_t n)
{
	if (e->used + 1 >= EVT_ARENA)
		return -1;
	if (n > EVT_ARENA - e->used - 1)
		n = EVT_ARENA - e->used - 1;
	memcpy(e->arena + e->used, s, n);
	e->arena[e->used + n] = '\0';
	e->last = e->used;
	e->used += n + 1;
	e->have = 1;
	return (long)e->last;
}

void evt_set(evt *e, int i, const char *s, size_t n)
{
	if (e->std[i] < 0)
		e->std[i] = put(e, s, n);
}

void evt_add_message(evt *e, const char *s, size_t n)
{
	long m = e->std[EV_MESSAGE];
	if (m < 0) {
		if (n)
			e->std[EV_MESSAGE] = put(e, s, n);
		return;
	}
	if ((size_t)m != e->last || e->used + n + 1 >= EVT_ARENA)
		return;                 /* something came between: keep what there is */
	e->arena[e->used - 1] = '\n';
	memcpy(e->arena + e->used, s, n);
	e->used += n;
	e->arena[e->used++] = '\0';
}

static int num(const char *s, size_t n, size_t *i, int *v)
{
	size_t k = *i;
	*v = 0;
	while (*i < n && s[*i] >= '0' && s[*i] <= '9' && *i - k < 4)
		*v = *v * 10 + (s[(*i)++] - '0');
	return *i > k;
}

void evt_set_time(evt *e, const char *s, size_t n)
{
	if (e->have_time)
		return;
	if (logs_iso_time(s, n, e->time)) {
		e->have_time = 1;
		return;
	}
	/* Event Viewer and PowerShell in a US locale: M/D/YYYY h:mm:ss AM */
	size_t i = 0;
	int mo, d, y, h, mi, sec;
	if (!num(s, n, &i, &mo) || i >= n || s[i++] != '/' || !num(s, n, &i, &d) || i >= n ||
	    s[i++] != '/' || !num(s, n, &i, &y) || i >= n || s[i++] != ' ' || !num(s, n, &i, &h) ||
	    i >= n || s[i++] != ':' || !num(s, n, &i, &mi) || i >= n || s[i++] != ':' ||
	    !num(s, n, &i, &sec))
		return;
	while (i < n && s[i] == ' ')
		i++;
	if (i + 1 < n && (s[i] == 'P' || s[i] == 'p') && h < 12)
		h += 12;
	else if (i + 1 < n && (s[i] == 'A' || s[i] == 'a') && h == 12)
		h = 0;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1601 || h > 23 || mi > 59 || sec > 60)
		return;
	char t[64];
	snprintf(t, sizeof t, "%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, sec);
	memcpy(e->time, t, sizeof e->time - 1);
	e->time[sizeof e->time - 1] = '\0';
	e->have_time = 1;
}

void evt_set_level(evt *e, const char *s, size_t n)
{
	/* Event Viewer shows level 0 (LogAlways) as Information. */
	static const char *const names[] = { "Information", "Critical", "Error", "Warning",
					     "Information", "Verbose" };
	if (n == 1 && s[0] >= '0' && s[0] <= '5') {
		const char *name = names[s[0] - '0'];
		evt_set(e, EV_LEVEL, name, strlen(name));
	} else if (n) {
		evt_set(e, EV_LEVEL, s, n);
	}
}

void evt_add_data(evt *e, const char *name, size_t nn, const char *value, size_t nv)
{
	if (e->ndata >= EVT_MAX_DATA)
		return;
	long a = put(e, name, nn), b = put(e, value, nv);
	if (a >= 0 && b >= 0) {
		e->dname[e->ndata] = a;
		e->dval[e->ndata++] = b;
	}
}

static int reserved(const char *name)
{
	static const char *const names[] = { "provider", "id", "level", "channel", "computer",
					     "message", "time" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcasecmp(name, names[i]))
			return 1;
	return 0;
}

void evt_emit(evt *e)
{
	static const char *const names[EV_NSTD] = { "provider", "id", "level", "channel",
						    "computer", "message" };
	if (!e->have) {
		evt_reset(e, 0);
		return;
	}
	log_field f[EV_NSTD + 1 + EVT_MAX_DATA];
	size_t nf = 0;
	for (int i = 0; i < EV_NSTD; i++)
		if (e->std[i] >= 0)
			f[nf++] = (log_field){ names[i], e->arena + e->std[i] };
	if (e->have_time)
		f[nf++] = (log_field){ "time", e->time };
	/* Data named like a field above ("Message") would hide behind it, as
	 * in the .evtx reader. */
	for (size_t i = 0; i < e->ndata; i++)
		if (!reserved(e->arena + e->dname[i]))
			f[nf++] = (log_field){ e->arena + e->dname[i], e->arena + e->dval[i] };
	/* What a person reads: the message, or else the event's data. */
	const char *text = "";
	size_t len = 0;
	if (e->std[EV_MESSAGE] >= 0) {
		char *m = e->arena + e->std[EV_MESSAGE];
		len = strlen(m);
		while (len && (m[len - 1] == '\n' || m[len - 1] == ' ' || m[len - 1] == '\r'))
			len--;
		m[len] = '\0';
		text = m;
	} else if (e->ndata) {
		size_t start = e->used;
		for (size_t i = 0; i < e->ndata && e->used + 2 < EVT_ARENA; i++) {
			const char *v = e->arena + e->dval[i];
			size_t n = strlen(v);
			if (n > EVT_ARENA - e->used - 2)
				n = EVT_ARENA - e->used - 2;
			memcpy(e->arena + e->used, v, n);
			e->used += n;
			e->arena[e->used++] = ' ';
		}
		len = e->used - start - (e->used > start);
		e->arena[start + len] = '\0';
		text = e->arena + start;
	}
	logs_emit(e->lr->sink, "event", e->lr->src->name, e->line, e->have_time ? e->time : NULL,
		  text, len, f, nf);
	evt_reset(e, 0);
}

void read_events(line_reader *lr, event_form form)
{
	evt e;
	if (evt_init(&e, lr) < 0) {
		logs_note(lr->sink, lr->src->name, N_("out of memory"));
		evt_free(&e);
		return;
	}
	if (form == EVT_TEXT)
		read_events_text(&e);
	else if (form == EVT_XML)
		read_events_xml(&e);
	else
		read_events_csv(&e, form);
	evt_free(&e);
}
