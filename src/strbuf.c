#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int reserve(strbuf *b, size_t more)
{
	if (b->failed)
		return -1;
	if (b->len + more + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + more + 1)
		cap *= 2;
	char *s = realloc(b->s, cap);
	if (s == NULL) {
		b->failed = 1;
		return -1;
	}
	b->s = s;
	b->cap = cap;
	return 0;
}

static void add_bytes(strbuf *b, const char *s, size_t n)
{
	if (reserve(b, n) < 0)
		return;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void sb_add(strbuf *b, const char *s)
{
	add_bytes(b, s, strlen(s));
}

void sb_addf(strbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || reserve(b, (size_t)n) < 0)
		return;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void sb_add_untrusted(strbuf *b, const void *bytes, size_t len, size_t max)
{
	const unsigned char *p = bytes;
	size_t n = len < max ? len : max;
	for (size_t i = 0; i < n; i++) {
		if (p[i] >= 0x20 && p[i] < 0x7f)
			add_bytes(b, (const char *)&p[i], 1);
		else
			sb_addf(b, "\\x%02x", p[i]);
	}
	if (len > max)
		sb_add(b, "...");
}

char *sb_take(strbuf *b)
{
	if (!b->failed && b->s == NULL)
		add_bytes(b, "", 0);
	char *s = b->failed ? NULL : b->s;
	if (b->failed)
		free(b->s);
	*b = (strbuf){ 0 };
	return s;
}

void sb_free(strbuf *b)
{
	free(b->s);
	*b = (strbuf){ 0 };
}

char *untrusted_text(const void *bytes, size_t len, size_t max)
{
	strbuf b = { 0 };
	sb_add_untrusted(&b, bytes, len, max);
	return sb_take(&b);
}

/* The length of the UTF-8 character at P (1 to 4), or 0 when it is not valid
 * UTF-8 or a character a terminal could act on. */
static size_t safe_char(const unsigned char *p)
{
	unsigned cp;
	size_t n;
	if (p[0] >= 0x20 && p[0] < 0x7f)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2, cp = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3, cp = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4, cp = p[0] & 0x07;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	static const unsigned min[] = { 0, 0, 0x80, 0x800, 0x10000 };
	if (cp < min[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp <= 0x9f ||
	    (cp >= 0x200e && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069))
		return 0;
	return n;
}

void sb_add_text(strbuf *b, const char *s)
{
	/* A terminal that is not UTF-8 could read bytes of a character as C1
	 * controls: there, only ASCII is shown as it is. */
	int utf8 = MB_CUR_MAX > 1;
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		size_t n = safe_char(p);
		if (n == 0 || (n > 1 && !utf8)) {
			sb_addf(b, "\\x%02x", *p);
			n = 1;
		} else
			add_bytes(b, (const char *)p, n);
		p += n;
	}
}

char *printable_text(const char *s)
{
	strbuf b = { 0 };
	sb_add_text(&b, s ? s : "");
	return sb_take(&b);
}

char *printable_url(const char *url, size_t max)
{
	if (url == NULL)
		return NULL;
	/* The authority: after "scheme://" up to the path, query or fragment;
	 * the user info ends at its last '@', the password starts at its
	 * first ':'. */
	const char *sep = strstr(url, "://");
	const char *auth = sep ? sep + 3 : url;
	size_t n = strcspn(auth, "/?#");
	const char *at = NULL;
	for (const char *p = auth; p < auth + n; p++)
		if (*p == '@')
			at = p;
	const char *colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
	strbuf b = { 0 };
	if (colon) {
		strbuf shown = { 0 };
		add_bytes(&shown, url, (size_t)(colon + 1 - url));
		sb_add(&shown, "***");
		sb_add(&shown, at);
		char *redacted = sb_take(&shown);
		if (redacted == NULL)
			return NULL;
		sb_add_untrusted(&b, redacted, strlen(redacted), max);
		free(redacted);
	} else {
		sb_add_untrusted(&b, url, strlen(url), max);
	}
	return sb_take(&b);
}
