#include <config.h>

#include "draw.h"
#include "wrap.h"

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

int draw_clipped(int y, int x, const char *s, int cols, style st)
{
	if (cols <= 0)
		return 0;
	int used;
	size_t fit = wrap_clip(s, cols, &used);
	int cut = s[fit] != '\0';
	if (cut)
		fit = wrap_clip(s, cols - 1, &used);
	attrset(style_attr(st));
	mvaddnstr(y, x, s, (int)fit);
	if (cut) {
		addstr("…");
		used++;
	}
	attrset(A_NORMAL);
	return used;
}
