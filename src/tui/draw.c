/* The styles, clipped text and the ASCII stand-ins the screens draw with. */
#include <config.h>

#include "draw.h"
#include "wrap.h"

#include <stdlib.h>
#include <string.h>

static attr_t attrs[ST_COUNT];

/* Colours go on the terminal's own background (-1), so a light or dark
 * terminal keeps its look; monochrome keeps the meaning with attributes. */
void style_init(int want_color)
{
	static const struct { short fg; attr_t color, mono; } map[ST_COUNT] = {
		[ST_TEXT] = { -1, A_NORMAL, A_NORMAL },
		[ST_HEADING] = { COLOR_CYAN, A_BOLD, A_BOLD | A_UNDERLINE },
		[ST_STRONG] = { -1, A_BOLD, A_BOLD },
		[ST_COMMAND] = { COLOR_GREEN, A_BOLD, A_BOLD },
		[ST_LITERAL] = { COLOR_YELLOW, A_NORMAL, A_UNDERLINE },
		[ST_DIM] = { -1, A_DIM, A_DIM },
		[ST_FRAME] = { COLOR_BLUE, A_NORMAL, A_NORMAL },
		[ST_BAR] = { -1, A_REVERSE, A_REVERSE },
		[ST_CURRENT] = { -1, A_REVERSE | A_BOLD, A_REVERSE | A_BOLD },
		[ST_WARN] = { COLOR_RED, A_BOLD, A_BOLD },
	};
	int color = want_color && has_colors() && start_color() == OK;
	if (color)
		use_default_colors();
	for (int i = 0; i < ST_COUNT; i++) {
		attrs[i] = color ? map[i].color : map[i].mono;
		if (color && map[i].fg >= 0 && init_pair((short)(i + 1), map[i].fg, -1) == OK)
			attrs[i] |= COLOR_PAIR(i + 1);
	}
}

attr_t style_attr(style st)
{
	return attrs[st];
}

int draw_width(const char *s)
{
	return (int)wrap_width(s);
}

static int ascii;

void draw_set_ascii(int on)
{
	ascii = on;
}

int draw_ascii(void)
{
	return ascii;
}

/* The ASCII stand-in for code point C. */
static const char *stand_in(unsigned long c, char *one)
{
	/* U+00C0 to U+00FF, letter by letter. */
	static const char latin1[] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
	static const struct { unsigned long c; const char *s; } map[] = {
		{ 0x00A0, " " }, { 0x00AB, "<<" }, { 0x00BB, ">>" }, { 0x00D7, "x" },
		{ 0x2013, "-" }, { 0x2014, "-" }, { 0x2018, "'" }, { 0x2019, "'" },
		{ 0x201C, "\"" }, { 0x201D, "\"" }, { 0x2022, "*" }, { 0x2026, "..." },
		{ 0x2039, "<" }, { 0x203A, ">" }, { 0x2190, "<-" }, { 0x2191, "^" },
		{ 0x2192, "->" }, { 0x2193, "v" }, { 0x2500, "-" }, { 0x2502, "|" },
	};
	if (c >= 0xC0 && c <= 0xFF) {
		one[0] = latin1[c - 0xC0];
		one[1] = '\0';
		return one;
	}
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (map[i].c == c)
			return map[i].s;
	if (c >= 0x2500 && c <= 0x257F)
		return "+";     /* the other box-drawing characters */
	return "?";
}

char *draw_ascii_copy(const char *s)
{
	if (!ascii)
		return NULL;
	const unsigned char *u = (const unsigned char *)s;
	size_t n = 0;
	while (u[n] && u[n] < 0x80)
		n++;
	if (u[n] == '\0')
		return NULL;
	char *out = malloc(3 * strlen(s) + 1), *o = out, one[2];
	if (out == NULL)
		return NULL;
	while (*u) {
		if (*u < 0x80) {
			*o++ = (char)*u++;
			continue;
		}
		/* Decode one UTF-8 sequence; a stray byte stands for itself. */
		int len = *u >= 0xF0 ? 4 : *u >= 0xE0 ? 3 : *u >= 0xC0 ? 2 : 1;
		unsigned long c = len == 1 ? *u : *u & (0x7F >> len);
		int k = 1;
		for (; k < len && (u[k] & 0xC0) == 0x80; k++)
			c = c << 6 | (u[k] & 0x3F);
		const char *r = k == len ? stand_in(c, one) : "?";
		o = stpcpy(o, r);
		u += k;
	}
	*o = '\0';
	return out;
}

chtype draw_line(chtype acs)
{
	if (!ascii)
		return acs;
	if (acs == ACS_HLINE)
		return '-';
	if (acs == ACS_VLINE)
		return '|';
	return '+';
}

int draw_clipped(int y, int x, const char *s, int cols, style st)
{
	if (cols <= 0)
		return 0;
	char *a = draw_ascii_copy(s);
	if (a)
		s = a;
	int used;
	size_t fit = wrap_clip(s, cols, &used);
	int cut = s[fit] != '\0';
	if (cut)
		fit = wrap_clip(s, cols - 1, &used);
	attrset(style_attr(st));
	mvaddnstr(y, x, s, (int)fit);
	if (cut) {
		addstr(ascii ? "~" : "…");
		used++;
	}
	attrset(A_NORMAL);
	free(a);
	return used;
}
