/* Events as rows: `Get-WinEvent … | Export-Csv` (a header naming the
 * EventLogRecord properties, quoted values that may span lines) and Event
 * Viewer's "Save All Events As" text (tab-separated, the message in an
 * unnamed sixth column). */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "logs/event.h"

#define ROW_CAP (512 * 1024)
#define MAX_COLS 64

/* What each column is; COL_OTHER for the ones no pattern names. */
enum { COL_OTHER = -1, COL_TIME = EV_NSTD, COL_LEVELNUM };

typedef struct {
	evt *e;
	char sep;
	char *row;                      /* the row being gathered, unquoted in place */
	size_t nrow;
	unsigned long row_line;
	int quotes;                     /* quote characters seen: odd = inside */
	int ncols, col[MAX_COLS];
	int have_header;
} csv_state;

static int column(const char *name, event_form form)
{
	static const struct { const char *name; int col; } csv[] = {
		{ "Message", EV_MESSAGE }, { "Id", EV_ID }, { "ProviderName", EV_PROVIDER },
		{ "LogName", EV_CHANNEL }, { "MachineName", EV_COMPUTER },
		{ "LevelDisplayName", EV_LEVEL }, { "Level", COL_LEVELNUM }, { "TimeCreated", COL_TIME },
	}, tsv[] = {
		{ "Level", EV_LEVEL }, { "Date and Time", COL_TIME }, { "Source", EV_PROVIDER },
		{ "Event ID", EV_ID },
	};
	size_t n = form == EVT_TSV ? sizeof tsv / sizeof tsv[0] : sizeof csv / sizeof csv[0];
	for (size_t i = 0; i < n; i++) {
		const char *k = form == EVT_TSV ? tsv[i].name : csv[i].name;
		if (!strcasecmp(name, k))
			return form == EVT_TSV ? tsv[i].col : csv[i].col;
	}
	return COL_OTHER;
}

/* Splits the gathered row into its values (quotes removed, "" made ");
 * returns how many, their starts in V and lengths in L. */
static int split(csv_state *c, char **v, size_t *l)
{
	char *p = c->row, *end = c->row + c->nrow;
	int n = 0;
	while (n < MAX_COLS) {
		char *o = p, *start = p;
		int q = 0;
		while (p < end) {
			if (*p == '"') {
				if (q && p + 1 < end && p[1] == '"') {
					*o++ = '"';
					p += 2;
					continue;
				}
				q = !q;
				p++;
				continue;
			}
			if (!q && *p == c->sep)
				break;
			*o++ = *p++;
		}
		v[n] = start;
		l[n++] = (size_t)(o - start);
		if (p >= end)
			break;
		p++;
	}
	return n;
}

static void header(csv_state *c, char **v, size_t *l, int n, event_form form)
{
	c->ncols = n;
	for (int i = 0; i < n; i++) {
		v[i][l[i]] = '\0';
		c->col[i] = column(v[i], form);
	}
	c->have_header = 1;
}

static void row(csv_state *c, event_form form)
{
	char *v[MAX_COLS];
	size_t l[MAX_COLS];
	int n = split(c, v, l);
	if (!c->have_header) {
		header(c, v, l, n, form);
		return;
	}
	evt *e = c->e;
	evt_reset(e, c->row_line);
	int levelnum = -1;
	for (int i = 0; i < n; i++) {
		/* Event Viewer's text leaves the message column without a name. */
		int col = i < c->ncols ? c->col[i] : form == EVT_TSV && i == c->ncols ? EV_MESSAGE
										: COL_OTHER;
		if (col == COL_TIME)
			evt_set_time(e, v[i], l[i]);
		else if (col == COL_LEVELNUM)
			levelnum = i;
		else if (col == EV_LEVEL)
			evt_set_level(e, v[i], l[i]);
		else if (col >= 0 && col < EV_NSTD && l[i])
			evt_set(e, col, v[i], l[i]);
	}
	/* The level's name, else its number (PowerShell leaves the name
	 * empty when the provider's manifest isn't on the machine). */
	if (levelnum >= 0)
		evt_set_level(e, v[levelnum], l[levelnum]);
	evt_emit(e);
}

static void add_line(csv_state *c, const char *line, size_t len)
{
	if (c->nrow + len + 1 >= ROW_CAP)
		len = c->nrow + 1 < ROW_CAP ? ROW_CAP - c->nrow - 1 : 0;
	if (c->nrow)
		c->row[c->nrow++] = '\n';
	memcpy(c->row + c->nrow, line, len);
	c->nrow += len;
	for (const char *q = memchr(line, '"', len); q; q = memchr(q + 1, '"', len - (size_t)(q + 1 - line)))
		c->quotes++;
}

void read_events_csv(evt *e, event_form form)
{
	csv_state c = { .e = e, .sep = form == EVT_TSV ? '\t' : ',', .row = malloc(ROW_CAP) };
	if (!c.row) {
		logs_note(e->lr->sink, e->lr->src->name, N_("out of memory"));
		return;
	}
	char *line;
	size_t len;
	while (lr_next(e->lr, &line, &len)) {
		if (!c.nrow) {
			if (!len || (!c.have_header && line[0] == '#'))
				continue;
			c.row_line = e->lr->lineno;
			/* Export-Csv -UseCulture in much of Europe separates with ';'. */
			if (!c.have_header && form == EVT_CSV && !memchr(line, ',', len) && memchr(line, ';', len))
				c.sep = ';';
		}
		add_line(&c, line, len);
		if (c.quotes % 2)
			continue;               /* a quoted value goes on */
		row(&c, form);
		c.nrow = 0;
		c.quotes = 0;
	}
	if (c.nrow)
		row(&c, form);
	free(c.row);
}
