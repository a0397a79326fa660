/* Writes .evtx files for the tests, from the format libevtx documents:
 * BinXML names and template definitions are written inline where they are
 * used, so each offset points just past itself. Every
 * element carries a dependency identifier (0xffff: none), as in MS-EVEN6
 * and as Debian's libevtx expects. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "evtx_writer.h"

#define FILE_HEADER 4096
#define CHUNK 65536
#define CHUNK_HEADER 512

enum { TOK_EOF = 0x00, TOK_OPEN = 0x01, TOK_CLOSE_START = 0x02, TOK_CLOSE_EMPTY = 0x03,
       TOK_END = 0x04, TOK_VALUE = 0x05, TOK_ATTR = 0x06, TOK_TEMPLATE = 0x0c, TOK_SUBST = 0x0d,
       TOK_FRAGMENT = 0x0f, FLAG_MORE = 0x40, TYPE_STRING = 0x01 };
#define MAX_VALUES 128

/* A chunk being filled; POS is the chunk-relative write position. */
typedef struct {
	uint8_t b[CHUNK];
	size_t pos;
	int overflow;
	int tpl;                /* events as template instances */
	/* the current template instance's values */
	uint8_t vbuf[CHUNK];
	size_t vlen;
	uint16_t vsize[MAX_VALUES];
	uint8_t vtype[MAX_VALUES];
	int nvals;
} chunk;

static uint32_t crc32(const uint8_t *p, size_t n, uint32_t crc)
{
	crc = ~crc;
	while (n--) {
		crc ^= *p++;
		for (int k = 0; k < 8; k++)
			crc = crc >> 1 ^ (0xedb88320U & -(crc & 1));
	}
	return ~crc;
}

static void put(chunk *c, const void *p, size_t n)
{
	if (c->pos + n > CHUNK) {
		c->overflow = 1;
		return;
	}
	memcpy(c->b + c->pos, p, n);
	c->pos += n;
}

static void put8(chunk *c, unsigned v)
{
	uint8_t b = (uint8_t)v;
	put(c, &b, 1);
}

static void le(uint8_t *at, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		at[i] = (uint8_t)(v >> (8 * i));
}

static void put_le(chunk *c, uint64_t v, int n)
{
	uint8_t b[8];
	le(b, v, n);
	put(c, b, (size_t)n);
}

/* UTF-8 to UTF-16LE code units in OUT (at most MAX); their count. */
static size_t utf16(const char *s, uint16_t *out, size_t max)
{
	size_t n = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p && n + 2 <= max) {
		uint32_t c = *p++;
		int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
		c &= more == 3 ? 0x07 : more == 2 ? 0x0f : more == 1 ? 0x1f : 0x7f;
		while (more-- && (*p & 0xc0) == 0x80)
			c = c << 6 | (*p++ & 0x3f);
		if (c >= 0x10000) {
			c -= 0x10000;
			out[n++] = (uint16_t)(0xd800 | c >> 10);
			out[n++] = (uint16_t)(0xdc00 | (c & 0x3ff));
		} else
			out[n++] = (uint16_t)c;
	}
	return n;
}

static void put_utf16(chunk *c, const uint16_t *u, size_t n)
{
	for (size_t i = 0; i < n; i++)
		put_le(c, u[i], 2);
}

/* A name, inline: its offset (pointing just past itself), then the name
 * structure: next-in-hash-chain, hash, length, characters, NUL. */
static void put_name(chunk *c, const char *name)
{
	uint16_t u[256];
	size_t n = utf16(name, u, 256);
	uint32_t hash = 0;
	for (size_t i = 0; i < n; i++)
		hash = hash * 65599 + u[i];
	put_le(c, c->pos + 4, 4);
	put_le(c, 0, 4);
	put_le(c, hash & 0xffff, 2);
	put_le(c, n, 2);
	put_utf16(c, u, n);
	put_le(c, 0, 2);
}

static void put_value(chunk *c, const char *text)
{
	uint16_t u[4096];
	size_t n = utf16(text, u, 4096);
	put8(c, TOK_VALUE);
	put8(c, TYPE_STRING);
	put_le(c, n, 2);
	put_utf16(c, u, n);
}

/* A value of the event: its text, and in a template its type and bytes
 * (a substitution, unless LITERAL: text the template itself spells). */
typedef struct {
	uint8_t type;
	uint64_t num;           /* the bytes of a number, little-endian */
	size_t n;
	const char *text;
	int literal;
} tval;

static tval str(const char *s)
{
	return (tval){ TYPE_STRING, 0, 0, s, 0 };
}

static tval lit(const char *s)
{
	return (tval){ TYPE_STRING, 0, 0, s, 1 };
}

static tval num(uint8_t type, uint64_t v, size_t n, const char *text)
{
	return (tval){ type, v, n, text, 0 };
}

/* Substitution NAME's value, kept for the template instance data. */
static void keep_value(chunk *c, tval v)
{
	uint8_t bytes[8192];
	size_t n = 0;
	if (v.type == TYPE_STRING) {
		uint16_t u[4096];
		size_t k = utf16(v.text, u, 4096);
		for (size_t i = 0; i < k; i++)
			le(bytes + 2 * i, u[i], 2);
		n = 2 * k;
	} else {
		le(bytes, v.num, (int)v.n);
		n = v.n;
	}
	if (c->nvals >= MAX_VALUES || c->vlen + n > sizeof c->vbuf) {
		c->overflow = 1;
		return;
	}
	memcpy(c->vbuf + c->vlen, bytes, n);
	c->vlen += n;
	c->vsize[c->nvals] = (uint16_t)n;
	c->vtype[c->nvals++] = v.type;
}

static void put_tval(chunk *c, tval v)
{
	if (!c->tpl || v.literal) {
		put_value(c, v.text);
		return;
	}
	put8(c, TOK_SUBST);
	put_le(c, c->nvals, 2);
	put8(c, v.type);
	keep_value(c, v);
}

/* An element NAME with one attribute ATTR (or none) and CONTENT (or
 * none: an empty element). */
static void put_element(chunk *c, const char *name, const char *attr, const tval *av,
			const tval *content)
{
	put8(c, TOK_OPEN | (attr ? FLAG_MORE : 0));
	put_le(c, 0xffff, 2);
	size_t size_at = c->pos;
	put_le(c, 0, 4);
	put_name(c, name);
	if (attr) {
		size_t list_at = c->pos;
		put_le(c, 0, 4);
		put8(c, TOK_ATTR);
		put_name(c, attr);
		put_tval(c, *av);
		if (!c->overflow)
			le(c->b + list_at, c->pos - list_at - 4, 4);
	}
	if (content) {
		put8(c, TOK_CLOSE_START);
		put_tval(c, *content);
		put8(c, TOK_END);
	} else
		put8(c, TOK_CLOSE_EMPTY);
	if (!c->overflow)
		le(c->b + size_at, c->pos - size_at - 4, 4);
}

/* Opens an element whose content follows; close_parent ends it. */
static size_t open_parent(chunk *c, const char *name, const char *attr, const char *value)
{
	put8(c, TOK_OPEN | (attr ? FLAG_MORE : 0));
	put_le(c, 0xffff, 2);
	size_t size_at = c->pos;
	put_le(c, 0, 4);
	put_name(c, name);
	if (attr) {
		size_t list_at = c->pos;
		put_le(c, 0, 4);
		put8(c, TOK_ATTR);
		put_name(c, attr);
		put_value(c, value);
		if (!c->overflow)
			le(c->b + list_at, c->pos - list_at - 4, 4);
	}
	put8(c, TOK_CLOSE_START);
	return size_at;
}

static void close_parent(chunk *c, size_t size_at)
{
	put8(c, TOK_END);
	if (!c->overflow)
		le(c->b + size_at, c->pos - size_at - 4, 4);
}

static void put_fragment_header(chunk *c)
{
	put8(c, TOK_FRAGMENT);
	put8(c, 1);
	put8(c, 1);
	put8(c, 0);
}

static uint64_t filetime(const char *t);

/* The Event element: System and EventData. */
static void put_event_tree(chunk *c, const evtx_w_event *e, uint64_t recid)
{
	char id[16], level[16], rid[24];
	snprintf(id, sizeof id, "%u", e->id);
	snprintf(level, sizeof level, "%u", e->level);
	snprintf(rid, sizeof rid, "%llu", (unsigned long long)recid);
	tval provider = str(e->provider), eid = num(0x06, e->id, 2, id),
	     lvl = num(0x04, e->level, 1, level), when = num(0x11, filetime(e->time), 8, e->time),
	     rec = num(0x0a, recid, 8, rid), chan = str(e->channel), comp = str(e->computer);
	size_t ev = open_parent(c, "Event", "xmlns", "http://schemas.microsoft.com/win/2004/08/events/event");
	size_t sys = open_parent(c, "System", NULL, NULL);
	put_element(c, "Provider", "Name", &provider, NULL);
	put_element(c, "EventID", NULL, NULL, &eid);
	put_element(c, "Level", NULL, NULL, &lvl);
	put_element(c, "TimeCreated", "SystemTime", &when, NULL);
	put_element(c, "EventRecordID", NULL, NULL, &rec);
	put_element(c, "Channel", NULL, NULL, &chan);
	put_element(c, "Computer", NULL, NULL, &comp);
	close_parent(c, sys);
	size_t data = open_parent(c, "EventData", NULL, NULL);
	for (size_t i = 0; i < e->ndata; i++) {
		tval name = lit(e->data[i].name ? e->data[i].name : ""), value = str(e->data[i].value);
		put_element(c, "Data", e->data[i].name ? "Name" : NULL, &name,
			    e->data[i].value && *e->data[i].value ? &value : NULL);
	}
	close_parent(c, data);
	close_parent(c, ev);
}

/* A template instance whose definition is inline (its offset points just
 * past itself), then the values its substitutions take. */
static void put_template_instance(chunk *c, const evtx_w_event *e, uint64_t recid)
{
	c->nvals = 0;
	c->vlen = 0;
	put8(c, TOK_TEMPLATE);
	put8(c, 1);
	put_le(c, (uint32_t)recid, 4);
	put_le(c, c->pos + 4, 4);
	put_le(c, 0, 4);                /* next definition */
	put_le(c, recid, 8);            /* the definition's GUID */
	put_le(c, 0x5ce9, 8);
	size_t size_at = c->pos;
	put_le(c, 0, 4);
	put_fragment_header(c);
	put_event_tree(c, e, recid);
	put8(c, TOK_EOF);
	if (!c->overflow)
		le(c->b + size_at, c->pos - size_at - 4, 4);
	put_le(c, c->nvals, 4);
	for (int i = 0; i < c->nvals; i++) {
		put_le(c, c->vsize[i], 2);
		put8(c, c->vtype[i]);
		put8(c, 0);
	}
	put(c, c->vbuf, c->vlen);
}

static void put_event_xml(chunk *c, const evtx_w_event *e, uint64_t recid)
{
	put_fragment_header(c);
	if (c->tpl)
		put_template_instance(c, e, recid);
	else
		put_event_tree(c, e, recid);
	put8(c, TOK_EOF);
}

/* "2024-05-02T08:15:30..." as a FILETIME, for the record header. */
static uint64_t filetime(const char *t)
{
	int y, mo, d, h, mi, s;
	if (!t || sscanf(t, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6)
		return 0;
	/* Days from 1601-01-01, by the civil-from-days algorithm. */
	y -= mo <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	long days = era * 146097 + doe - 719468 + 134774;
	return ((uint64_t)days * 86400 + (uint64_t)(h * 3600 + mi * 60 + s)) * 10000000ULL;
}

/* Appends one record; 0, or -1 when the chunk is full (it is left as it was). */
static int put_record(chunk *c, const evtx_w_event *e, uint64_t recid)
{
	size_t start = c->pos;
	put(c, "\x2a\x2a\0\0", 4);
	put_le(c, 0, 4);
	put_le(c, recid, 8);
	put_le(c, filetime(e->time), 8);
	put_event_xml(c, e, recid);
	put_le(c, c->pos - start + 4, 4);
	if (c->overflow) {
		memset(c->b + start, 0, CHUNK - start);
		c->pos = start;
		c->overflow = 0;
		return -1;
	}
	le(c->b + start + 4, c->pos - start, 4);
	return 0;
}

static void finish_chunk(chunk *c, uint64_t first, uint64_t last, size_t last_off, int bad_crc)
{
	uint8_t *h = c->b;
	memcpy(h, "ElfChnk", 8);
	le(h + 8, first, 8);
	le(h + 16, last, 8);
	le(h + 24, first, 8);
	le(h + 32, last, 8);
	le(h + 40, 128, 4);
	le(h + 44, last_off, 4);
	le(h + 48, c->pos, 4);
	le(h + 52, crc32(h + CHUNK_HEADER, c->pos - CHUNK_HEADER, 0) ^ (bad_crc ? 1u : 0u), 4);
	uint32_t crc = crc32(h, 120, 0);
	le(h + 124, crc32(h + 128, CHUNK_HEADER - 128, crc), 4);
}

static int write_header(FILE *f, unsigned nchunks, uint64_t next_id)
{
	uint8_t h[FILE_HEADER] = { 0 };
	memcpy(h, "ElfFile", 8);
	le(h + 8, 0, 8);
	le(h + 16, nchunks - 1, 8);
	le(h + 24, next_id, 8);
	le(h + 32, 128, 4);
	le(h + 36, 1, 2);
	le(h + 38, 3, 2);
	le(h + 40, FILE_HEADER, 2);
	le(h + 42, nchunks, 2);
	le(h + 124, crc32(h, 120, 0), 4);
	return fseek(f, 0, SEEK_SET) == 0 && fwrite(h, 1, sizeof h, f) == sizeof h ? 0 : -1;
}

/* Breaks a record's BinXML: its first token after the fragment header
 * becomes one no format has. */
static void damage_record(chunk *c, size_t rec_off)
{
	c->b[rec_off + 24 + 4] = 0xee;
}

int evtx_write(const char *path, const evtx_w_event *ev, size_t n, unsigned flags)
{
	static chunk c;
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	int rc = write_header(f, 1, 1);
	unsigned nchunks = 0;
	uint64_t recid = 1;
	for (size_t i = 0; rc == 0 && (i < n || nchunks == 0);) {
		memset(&c, 0, sizeof c);
		c.pos = CHUNK_HEADER;
		c.tpl = (flags & EVTX_W_TEMPLATES) != 0;
		uint64_t first = recid;
		size_t last_off = 0;
		for (; i < n; i++, recid++) {
			size_t off = c.pos;
			if (put_record(&c, &ev[i], recid) != 0)
				break;
			last_off = off;
			if ((recid == 2 && (flags & EVTX_W_BAD_RECORD)) ||
			    (recid >= 2 && (flags & EVTX_W_BAD_RECORDS)))
				damage_record(&c, off);
		}
		if (recid == first && i < n)
			rc = -1;  /* one event larger than a chunk */
		int last = i >= n;
		finish_chunk(&c, first, recid - 1, last_off, last && (flags & EVTX_W_BAD_CHUNK_CRC));
		if (fwrite(c.b, 1, CHUNK, f) != CHUNK)
			rc = -1;
		nchunks++;
	}
	if (rc == 0)
		rc = write_header(f, nchunks, recid);
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}
