/* A scanner for the flat XML records of Windows traces and event exports. */
#define _GNU_SOURCE
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "logs/xmlscan.h"

static int name_end(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/';
}

static const char *find_open(const char *s, const char *end, const char *name, size_t k)
{
	while (s < end) {
		const char *lt = memchr(s, '<', (size_t)(end - s));
		if (!lt || (size_t)(end - lt) < k + 2)
			return NULL;
		if (!memcmp(lt + 1, name, k) && name_end(lt[1 + k]))
			return lt;
		s = lt + 1;
	}
	return NULL;
}

const char *xml_find_open(const char *s, const char *end, const char *name)
{
	return find_open(s, end, name, strlen(name));
}

int xml_find(const char *s, const char *end, const char *name, xml_elem *e)
{
	size_t k = strlen(name);
	const char *lt = find_open(s, end, name, k);
	if (!lt)
		return 0;
	const char *gt = memchr(lt, '>', (size_t)(end - lt));
	if (!gt)
		return 0;
	e->tag = lt;
	e->tag_end = gt + 1;
	e->body = e->body_end = e->next = gt + 1;
	if (gt[-1] == '/')
		return 1;
	for (const char *p = gt + 1; p < end;) {
		const char *c = memmem(p, (size_t)(end - p), "</", 2);
		if (!c || (size_t)(end - c) < k + 3)
			break;
		if (!memcmp(c + 2, name, k) && (c[2 + k] == '>' || c[2 + k] == ' ')) {
			const char *close = memchr(c, '>', (size_t)(end - c));
			e->body_end = c;
			e->next = close ? close + 1 : end;
			return 1;
		}
		p = c + 2;
	}
	e->body_end = e->next = end;    /* unclosed: take what there is */
	return 1;
}

/* Appends C to OUT unless full. */
#define PUT(c) do { if (o + 1 < cap) out[o++] = (c); } while (0)

static size_t put_utf8(char *out, size_t o, size_t cap, unsigned long c)
{
	char b[4];
	size_t n;
	if (c == 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		c = 0xfffd;
	if (c < 0x80) {
		b[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		b[0] = (char)(0xc0 | c >> 6);
		b[1] = (char)(0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		b[0] = (char)(0xe0 | c >> 12);
		b[1] = (char)(0x80 | (c >> 6 & 0x3f));
		b[2] = (char)(0x80 | (c & 0x3f));
		n = 3;
	} else {
		b[0] = (char)(0xf0 | c >> 18);
		b[1] = (char)(0x80 | (c >> 12 & 0x3f));
		b[2] = (char)(0x80 | (c >> 6 & 0x3f));
		b[3] = (char)(0x80 | (c & 0x3f));
		n = 4;
	}
	for (size_t i = 0; i < n && o + 1 < cap; i++)
		out[o++] = b[i];
	return o;
}

/* Decodes the entity at P (just past '&'); returns where it ends, or P when
 * it isn't one (the '&' is then kept as written). */
static const char *entity(const char *p, const char *end, char *out, size_t *o, size_t cap)
{
	static const struct { const char *name; char c; } named[] = {
		{ "lt;", '<' }, { "gt;", '>' }, { "amp;", '&' }, { "quot;", '"' }, { "apos;", '\'' },
	};
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
		size_t k = strlen(named[i].name);
		if ((size_t)(end - p) >= k && !memcmp(p, named[i].name, k)) {
			if (*o + 1 < cap)
				out[(*o)++] = named[i].c;
			return p + k;
		}
	}
	if (p < end && *p == '#') {
		const char *q = p + 1;
		int hex = q < end && (*q == 'x' || *q == 'X');
		q += hex;
		unsigned long c = 0;
		const char *digits = q;
		while (q < end && q - digits < 8) {
			int d = *q >= '0' && *q <= '9' ? *q - '0'
				: hex && (*q | 0x20) >= 'a' && (*q | 0x20) <= 'f' ? (*q | 0x20) - 'a' + 10 : -1;
			if (d < 0)
				break;
			c = c * (hex ? 16 : 10) + (unsigned long)d;
			q++;
		}
		if (q > digits && q < end && *q == ';') {
			*o = put_utf8(out, *o, cap, c);
			return q + 1;
		}
	}
	return p;
}

long xml_attr(const xml_elem *e, const char *attr, char *out, size_t cap)
{
	size_t k = strlen(attr);
	out[0] = '\0';
	for (const char *p = e->tag + 1; p + k + 2 < e->tag_end; p++) {
		if (!name_end(p[-1]) || memcmp(p, attr, k) || p[k] != '=' || (p[k + 1] != '"' && p[k + 1] != '\''))
			continue;
		char q = p[k + 1];
		const char *v = p + k + 2, *ve = memchr(v, q, (size_t)(e->tag_end - v));
		if (!ve)
			return -1;
		size_t o = 0;
		while (v < ve) {
			char c = *v++;
			if (c == '&')
				v = entity(v, ve, out, &o, cap);
			else
				PUT(c);
		}
		out[o] = '\0';
		return (long)o;
	}
	return -1;
}

size_t xml_text(const char *s, const char *end, char *out, size_t cap)
{
	size_t o = 0;
	int space = 0;
	while (s < end) {
		char c = *s;
		if (c == '<') {
			if ((size_t)(end - s) >= 9 && !memcmp(s, "<![CDATA[", 9)) {
				const char *ce = memmem(s + 9, (size_t)(end - s - 9), "]]>", 3);
				const char *stop = ce ? ce : end;
				for (s += 9; s < stop; s++) {
					if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
						space = 1;
						continue;
					}
					if (space && o)
						PUT(' ');
					space = 0;
					PUT(*s);
				}
				s = ce ? ce + 3 : end;
				continue;
			}
			const char *gt = memchr(s, '>', (size_t)(end - s));
			s = gt ? gt + 1 : end;
			space = 1;
			continue;
		}
		s++;
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			space = 1;
			continue;
		}
		if (space && o)
			PUT(' ');
		space = 0;
		if (c == '&')
			s = entity(s, end, out, &o, cap);
		else
			PUT(c);
	}
	out[o] = '\0';
	return o;
}
