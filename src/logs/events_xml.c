/* Events as XML: Event Viewer's "Event Xml" and Save as XML, `wevtutil qe
 * /f:xml` and /f:RenderedXml — the System header, the named EventData and,
 * when rendered, the message. */
#include <config.h>

#include <string.h>

#include "logs/event.h"
#include "logs/xmlscan.h"

/* The text of element NAME in [S, END) into BUF; its length, or -1. */
static long text_of(const char *s, const char *end, const char *name, char *buf, size_t cap)
{
	xml_elem x;
	if (!xml_find(s, end, name, &x))
		return -1;
	return (long)xml_text(x.body, x.body_end, buf, cap);
}

static void system_part(evt *e, const char *s, const char *end, char *buf, size_t cap)
{
	xml_elem x;
	long n;
	if (xml_find(s, end, "Provider", &x) && (n = xml_attr(&x, "Name", buf, cap)) >= 0)
		evt_set(e, EV_PROVIDER, buf, (size_t)n);
	if ((n = text_of(s, end, "EventID", buf, cap)) >= 0)
		evt_set(e, EV_ID, buf, (size_t)n);
	if ((n = text_of(s, end, "Level", buf, cap)) >= 0)
		evt_set_level(e, buf, (size_t)n);
	if ((n = text_of(s, end, "Channel", buf, cap)) >= 0)
		evt_set(e, EV_CHANNEL, buf, (size_t)n);
	if ((n = text_of(s, end, "Computer", buf, cap)) >= 0)
		evt_set(e, EV_COMPUTER, buf, (size_t)n);
	if (xml_find(s, end, "TimeCreated", &x) && (n = xml_attr(&x, "SystemTime", buf, cap)) >= 0)
		evt_set_time(e, buf, (size_t)n);
}

/* <Data Name="X">v</Data>…; unnamed data (classic events) is named "Data". */
static void event_data(evt *e, const char *s, const char *end, char *buf, size_t cap)
{
	char name[256];
	xml_elem x;
	while (xml_find(s, end, "Data", &x)) {
		long nn = xml_attr(&x, "Name", name, sizeof name);
		if (nn < 0) {
			strcpy(name, "Data");
			nn = 4;
		}
		size_t nv = xml_text(x.body, x.body_end, buf, cap);
		evt_add_data(e, name, (size_t)nn, buf, nv);
		s = x.next;
	}
}

void evt_from_xml(evt *e, const char *rec, size_t len)
{
	static char buf[LR_LINE_CAP];
	const char *end = rec + len;
	xml_elem x;
	if (xml_find(rec, end, "System", &x))
		system_part(e, x.body, x.body_end, buf, sizeof buf);
	if (xml_find(rec, end, "EventData", &x))
		event_data(e, x.body, x.body_end, buf, sizeof buf);
	long n;
	if (xml_find(rec, end, "RenderingInfo", &x) &&
	    (n = text_of(x.body, x.body_end, "Message", buf, sizeof buf)) >= 0 && e->std[EV_MESSAGE] < 0)
		evt_add_message(e, buf, (size_t)n);
	e->have = 1;
}

static void one(const char *rec, size_t len, unsigned long line, void *arg)
{
	evt *e = arg;
	evt_reset(e, line);
	evt_from_xml(e, rec, len);
	evt_emit(e);
}

void read_events_xml(evt *e)
{
	read_xml_records(e->lr, "Event", one, e);
}
