/* One Windows event being read from an export, whatever its form: the
 * fields every form gives (provider, id, level, channel, computer, message,
 * time) and the named data of its XML, kept in one reused arena. Internal
 * to src/logs. */
#ifndef SCEPWIZ_LOGS_EVENT_H
#define SCEPWIZ_LOGS_EVENT_H

#include "logs/readers.h"

#define EVT_ARENA (256 * 1024)
#define EVT_MAX_DATA 48

enum { EV_PROVIDER, EV_ID, EV_LEVEL, EV_CHANNEL, EV_COMPUTER, EV_MESSAGE, EV_NSTD };

typedef struct {
	line_reader *lr;
	unsigned long line;
	char *arena;
	size_t used, last;              /* last: where the latest value starts */
	long std[EV_NSTD];              /* offsets into arena, -1 when unset */
	char time[20];
	int have_time, have;            /* have: something was read */
	size_t ndata;
	long dname[EVT_MAX_DATA], dval[EVT_MAX_DATA];
} evt;

int evt_init(evt *e, line_reader *lr);
void evt_free(evt *e);
/* Starts a new event at LINE. */
void evt_reset(evt *e, unsigned long line);
/* Sets standard field I to S[0..N) unless it is set already. */
void evt_set(evt *e, int i, const char *s, size_t n);
/* Adds a line to the message (a new line when there is one already). */
void evt_add_message(evt *e, const char *s, size_t n);
/* The time from an ISO 8601 or a US "2/27/2018 5:16:09 AM" date. */
void evt_set_time(evt *e, const char *s, size_t n);
/* A level as Windows numbers it ("2") or names it ("Error"). */
void evt_set_level(evt *e, const char *s, size_t n);
/* Adds a named datum (an EventData <Data Name=…>). */
void evt_add_data(evt *e, const char *name, size_t nn, const char *value, size_t nv);
/* Fills what is unset from the <Event> XML in [REC, REC+LEN). */
void evt_from_xml(evt *e, const char *rec, size_t len);
/* Sends the event as a record, if anything was read, and starts afresh. */
void evt_emit(evt *e);

/* The readers of each form. */
void read_events_text(evt *e);
void read_events_xml(evt *e);
void read_events_csv(evt *e, event_form form);

#endif
