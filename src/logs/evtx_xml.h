/* The fields of one Windows event, from the XML libevtx renders it as:
 * System's provider, id, level, channel, computer and time, and the named
 * values of EventData (Data Name=…) and UserData. Internal to the readers. */
#ifndef SCEPWIZ_LOGS_EVTX_XML_H
#define SCEPWIZ_LOGS_EVTX_XML_H

#include <stddef.h>

#include "logs/record.h"

#define EVTX_XML_MAX_DATA 64

typedef struct {
	char *buf;              /* the XML, decoded in place; every string points into it */
	const char *provider, *id, *level, *channel, *computer, *time, *record_id;
	/* The data in order; a name is NULL for an unnamed Data. */
	const char *names[EVTX_XML_MAX_DATA], *values[EVTX_XML_MAX_DATA];
	size_t ndata;
	char userdata_names[EVTX_XML_MAX_DATA][64];
} evtx_xml_event;

/* Parses LEN bytes of XML into EV (a private copy: XML need not end in NUL).
 * Malformed XML gives what was read before the fault. Returns 0, or -1 when
 * out of memory. */
int evtx_xml_parse(evtx_xml_event *ev, const char *xml, size_t len);
void evtx_xml_free(evtx_xml_event *ev);

/* "Error" for level "2", as Event Viewer names the levels; LEVEL otherwise. */
const char *evtx_level_name(const char *level);

#endif
