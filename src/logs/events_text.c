/* Events as text: Event Viewer's "Copy details as text" (Log Name:, Source:,
 * … Description:, then perhaps Event Xml:) and `wevtutil qe /f:text`
 * ("Event[0]:" then indented "Key: value" lines). */
#define _GNU_SOURCE
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "logs/event.h"

#define XML_CAP (256 * 1024)

typedef struct {
	evt *e;
	int in_desc, in_xml;
	char *xml;
	size_t nxml;
} text_state;

static int key_is(const char *k, size_t n, const char *name)
{
	return n == strlen(name) && !strncasecmp(k, name, n);
}

/* "Key: value": the standard fields; returns 0 when the line isn't one. */
static int key_value(text_state *t, const char *l, size_t n)
{
	const char *colon = memchr(l, ':', n);
	if (!colon)
		return 0;
	size_t nk = (size_t)(colon - l);
	const char *v = colon + 1, *end = l + n;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	size_t nv = (size_t)(end - v);
	evt *e = t->e;
	if (key_is(l, nk, "Log Name"))
		evt_set(e, EV_CHANNEL, v, nv);
	else if (key_is(l, nk, "Source"))
		evt_set(e, EV_PROVIDER, v, nv);
	else if (key_is(l, nk, "Date"))
		evt_set_time(e, v, nv);
	else if (key_is(l, nk, "Event ID"))
		evt_set(e, EV_ID, v, nv);
	else if (key_is(l, nk, "Level"))
		evt_set_level(e, v, nv);
	else if (key_is(l, nk, "Computer"))
		evt_set(e, EV_COMPUTER, v, nv);
	else if (key_is(l, nk, "Description")) {
		t->in_desc = 1;
		if (nv)
			evt_add_message(e, v, nv);
	} else if (key_is(l, nk, "Event Xml")) {
		t->in_xml = 1;
		t->nxml = 0;
	} else
		return 0;
	return 1;
}

static void flush(text_state *t, unsigned long next_line)
{
	evt_emit(t->e);
	t->e->line = next_line;
	t->in_desc = t->in_xml = 0;
}

static void xml_line(text_state *t, const char *l, size_t n)
{
	if (t->nxml + n + 1 < XML_CAP) {
		memcpy(t->xml + t->nxml, l, n);
		t->nxml += n;
		t->xml[t->nxml++] = '\n';
	}
	if (memmem(l, n, "</Event>", 8)) {
		evt_from_xml(t->e, t->xml, t->nxml);
		t->in_xml = 0;
	}
}

static void one_line(text_state *t, const char *line, size_t len, unsigned long lineno)
{
	size_t i = 0;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	const char *l = line + i;
	size_t n = len - i;
	if (t->in_xml) {
		xml_line(t, l, n);
		return;
	}
	if (n > 7 && !strncmp(l, "Event[", 6) && l[n - 1] == ':' && l[n - 2] == ']') {
		flush(t, lineno);
		return;
	}
	if (n >= 9 && !strncmp(l, "Log Name:", 9) && (t->in_desc || t->e->std[EV_CHANNEL] >= 0))
		flush(t, lineno);
	if (t->in_desc) {
		if (n >= 10 && !strncmp(l, "Event Xml:", 10)) {
			t->in_desc = 0;
			t->in_xml = 1;
			t->nxml = 0;
		} else {
			evt_add_message(t->e, line, len);
		}
		return;
	}
	if (!t->e->have && !t->e->line)
		t->e->line = lineno;
	key_value(t, l, n);
}

void read_events_text(evt *e)
{
	text_state t = { e, 0, 0, malloc(XML_CAP), 0 };
	if (!t.xml) {
		logs_note(e->lr->sink, e->lr->src->name, N_("out of memory"));
		return;
	}
	char *line;
	size_t len;
	while (lr_next(e->lr, &line, &len))
		one_line(&t, line, len, e->lr->lineno);
	if (t.in_xml && t.nxml)
		evt_from_xml(e, t.xml, t.nxml);
	evt_emit(e);
	free(t.xml);
}
