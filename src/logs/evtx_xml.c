/* A small parser for the one XML shape an event record renders as, bounded
 * in depth and in fields, decoding entities in place; never a full XML
 * parser, and never trusting the input to be well formed. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "logs/evtx_xml.h"

#define MAX_DEPTH 32

typedef struct {
	const char *name;
	size_t len;
} tag_name;

typedef struct {
	evtx_xml_event *ev;
	char *p, *end;
	tag_name stack[MAX_DEPTH];
	int depth;              /* may exceed MAX_DEPTH: deeper tags are not kept */
	const char **pending;   /* where the current element's text goes */
	int data_open;          /* the current element's text is a data value */
	int data_empty_counts;  /* and it is one even when empty (EventData) */
	const char *data_name;
} parser;

static int name_is(tag_name t, const char *want)
{
	/* Namespace prefixes ("evt:Data") don't matter. */
	const char *colon = memchr(t.name, ':', t.len);
	if (colon) {
		t.len -= (size_t)(colon + 1 - t.name);
		t.name = colon + 1;
	}
	return t.len == strlen(want) && memcmp(t.name, want, t.len) == 0;
}

/* The tag at depth D (0 the root), or an empty name. */
static tag_name at(const parser *ps, int d)
{
	tag_name none = { "", 0 };
	return d >= 0 && d < ps->depth && d < MAX_DEPTH ? ps->stack[d] : none;
}

static size_t put_utf8(char *out, uint32_t c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | c >> 12);
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | c >> 18);
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* One entity at S (after '&', before ';', LEN bytes) written to OUT; its
 * length, or 0 when it isn't one (the '&' then stays as it is). */
static size_t entity(const char *s, size_t len, char *out)
{
	static const struct { const char *name; char c; } named[] = {
		{ "lt", '<' }, { "gt", '>' }, { "amp", '&' }, { "quot", '"' }, { "apos", '\'' } };
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (len == strlen(named[i].name) && memcmp(s, named[i].name, len) == 0) {
			out[0] = named[i].c;
			return 1;
		}
	if (len < 2 || len > 8 || s[0] != '#')
		return 0;
	int hex = s[1] == 'x' || s[1] == 'X';
	uint32_t c = 0;
	for (size_t i = hex ? 2 : 1; i < len; i++) {
		char d = s[i];
		int v = d >= '0' && d <= '9' ? d - '0' : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
			: hex && d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
		if (v < 0)
			return 0;
		c = c * (hex ? 16 : 10) + (uint32_t)v;
	}
	/* A NUL or a surrogate can't be text: a replacement character. */
	if (c == 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		c = 0xfffd;
	return put_utf8(out, c);
}

/* Decodes S..E in place and ends it with a NUL; S. The decoded text is never
 * longer than the source, so it fits. */
static char *decode(char *s, char *e)
{
	char *w = s;
	for (char *r = s; r < e;) {
		if (*r == '&') {
			char *semi = memchr(r, ';', (size_t)(e - r) < 10 ? (size_t)(e - r) : 10);
			char tmp[4];
			size_t n = semi ? entity(r + 1, (size_t)(semi - r - 1), tmp) : 0;
			if (n && n <= (size_t)(semi + 1 - r)) {
				memcpy(w, tmp, n);
				w += n;
				r = semi + 1;
				continue;
			}
		}
		*w++ = *r++;
	}
	*w = '\0';
	return s;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void add_data(parser *ps, const char *value)
{
	evtx_xml_event *ev = ps->ev;
	if (ps->data_open && ev->ndata < EVTX_XML_MAX_DATA) {
		ev->names[ev->ndata] = ps->data_name;
		ev->values[ev->ndata++] = value;
	}
	ps->data_open = 0;
}

/* UserData's own element names become field names: a NUL-ended copy. */
static const char *keep_name(parser *ps, tag_name t)
{
	evtx_xml_event *ev = ps->ev;
	if (ev->ndata >= EVTX_XML_MAX_DATA)
		return NULL;
	char *dst = ev->userdata_names[ev->ndata];
	size_t n = t.len < sizeof ev->userdata_names[0] - 1 ? t.len : sizeof ev->userdata_names[0] - 1;
	memcpy(dst, t.name, n);
	dst[n] = '\0';
	return dst;
}

/* An element opened with the attributes read: decides where its text goes. */
static void open_element(parser *ps, tag_name t, const char *name_attr, const char *time_attr)
{
	evtx_xml_event *ev = ps->ev;
	int d = ps->depth;
	tag_name parent = at(ps, d - 1);
	ps->pending = NULL;
	ps->data_open = 0;
	if (d == 2 && name_is(parent, "System")) {
		if (name_is(t, "Provider"))
			ev->provider = name_attr;
		else if (name_is(t, "TimeCreated"))
			ev->time = time_attr;
		else if (name_is(t, "EventID"))
			ps->pending = &ev->id;
		else if (name_is(t, "Level"))
			ps->pending = &ev->level;
		else if (name_is(t, "Channel"))
			ps->pending = &ev->channel;
		else if (name_is(t, "Computer"))
			ps->pending = &ev->computer;
		else if (name_is(t, "EventRecordID"))
			ps->pending = &ev->record_id;
	} else if (d == 2 && name_is(parent, "EventData") && name_is(t, "Data")) {
		ps->data_open = 1;
		ps->data_empty_counts = 1;
		ps->data_name = name_attr;
	} else if (d >= 2 && name_is(at(ps, 1), "UserData")) {
		/* The provider's own XML: a leaf with text is a value. */
		ps->data_open = 1;
		ps->data_empty_counts = 0;
		ps->data_name = keep_name(ps, t);
	}
}

/* An element closed: an empty Data is still a value. */
static void close_element(parser *ps)
{
	if (ps->data_open && ps->data_empty_counts)
		add_data(ps, "");
	ps->data_open = 0;
	ps->pending = NULL;
}

/* Reads a start tag from ps->p (just past '<'): name, attributes, '/>'. */
static void start_tag(parser *ps)
{
	char *p = ps->p, *end = ps->end;
	tag_name t = { p, 0 };
	while (p < end && !is_space(*p) && *p != '/' && *p != '>')
		p++;
	t.len = (size_t)(p - t.name);
	const char *name_attr = NULL, *time_attr = NULL;
	int self_closing = 0;
	while (p < end) {
		while (p < end && is_space(*p))
			p++;
		if (p >= end)
			break;
		if (*p == '>') {
			p++;
			break;
		}
		if (*p == '/') {
			self_closing = 1;
			p++;
			continue;
		}
		tag_name an = { p, 0 };
		while (p < end && *p != '=' && *p != '>' && !is_space(*p) && *p != '/')
			p++;
		an.len = (size_t)(p - an.name);
		while (p < end && is_space(*p))
			p++;
		if (p >= end || *p != '=') {
			if (an.len == 0 && p < end)
				p++;
			continue;
		}
		p++;
		while (p < end && is_space(*p))
			p++;
		if (p >= end || (*p != '"' && *p != '\''))
			continue;
		char q = *p++;
		char *v = p, *ve = memchr(p, q, (size_t)(end - p));
		if (!ve) {
			p = end;
			break;
		}
		p = ve + 1;
		if (name_is(an, "Name"))
			name_attr = decode(v, ve);
		else if (name_is(an, "SystemTime"))
			time_attr = decode(v, ve);
	}
	ps->p = p;
	if (ps->depth < MAX_DEPTH)
		ps->stack[ps->depth] = t;
	open_element(ps, t, name_attr, time_attr);
	ps->depth++;
	if (self_closing) {
		ps->depth--;
		close_element(ps);
	}
}

/* Skips past the first TERM after P, or to the end. */
static char *skip_past(char *p, char *end, const char *term)
{
	size_t n = strlen(term);
	for (; p + n <= end; p++)
		if (memcmp(p, term, n) == 0)
			return p + n;
	return end;
}

static void text(parser *ps, char *s, char *e)
{
	char *t = s;
	while (t < e && is_space(*t))
		t++;
	if (t == e || (!ps->pending && !ps->data_open))
		return;
	const char *v = decode(s, e);
	if (ps->pending)
		*ps->pending = v;
	else
		add_data(ps, v);
	ps->pending = NULL;
}

static void parse(parser *ps)
{
	char *end = ps->end;
	while (ps->p < end) {
		char *lt = memchr(ps->p, '<', (size_t)(end - ps->p));
		if (!lt)
			break;
		char *s = ps->p;
		ps->p = lt + 1;
		/* The text ends at '<', which decoding may overwrite: read the
		 * tag's first byte before. */
		char c = lt + 1 < end ? lt[1] : '\0';
		if (lt > s)
			text(ps, s, lt);
		if (c == '!' && (size_t)(end - lt) >= 9 && memcmp(lt, "<![CDATA[", 9) == 0) {
			char *ce = skip_past(lt + 9, end, "]]>");
			ps->p = ce;
			int closed = ce - (lt + 9) >= 3 && memcmp(ce - 3, "]]>", 3) == 0;
			text(ps, lt + 9, closed ? ce - 3 : ce);
		} else if (c == '?')
			ps->p = skip_past(ps->p, end, "?>");
		else if (c == '!')
			ps->p = skip_past(ps->p, end, lt + 3 < end && lt[2] == '-' && lt[3] == '-' ? "-->" : ">");
		else if (c == '/') {
			ps->p = skip_past(ps->p, end, ">");
			if (ps->depth > 0)
				ps->depth--;
			close_element(ps);
		} else
			start_tag(ps);
	}
}

int evtx_xml_parse(evtx_xml_event *ev, const char *xml, size_t len)
{
	memset(ev, 0, sizeof *ev);
	ev->buf = malloc(len + 1);
	if (!ev->buf)
		return -1;
	memcpy(ev->buf, xml, len);
	ev->buf[len] = '\0';
	parser ps = { .ev = ev, .p = ev->buf, .end = ev->buf + len };
	parse(&ps);
	return 0;
}

void evtx_xml_free(evtx_xml_event *ev)
{
	free(ev->buf);
	ev->buf = NULL;
}

const char *evtx_level_name(const char *level)
{
	static const char *const names[] = { "Information", "Critical", "Error", "Warning",
					     "Information", "Verbose" };
	if (level && level[0] >= '0' && level[0] <= '5' && level[1] == '\0')
		return names[level[0] - '0'];
	return level;
}
