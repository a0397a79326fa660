/* The key table and what is built from it: the meaning of a key on a
 * screen, the hint line and the help screen. */
#include <config.h>

#include "keys.h"
#include "draw.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

enum { G_WALK, G_CHECK, G_FIX, G_LIST, G_ANYWHERE, G_FIELD, G_COUNT };

static const char *const group_title[G_COUNT] = {
	N_("Answering"), N_("On a check"), N_("On a fix"), N_("In a list"),
	N_("Anywhere"), N_("In a text field"),
};

typedef struct {
	action act;
	unsigned on;
	int group;
	int keys[4];            /* 0 ends them */
	int digits;             /* 1-9 do it too, with their number */
	const char *hint;       /* its word on the hint line, or NULL */
	int right;              /* on the right of the hint line */
	const char *help;       /* what the help says, or NULL: not listed */
	const char *label;      /* the keys as the help names them, when KEYS is empty */
} keydef;

/* Letters that would be typed into the search field are not keys there. */
#define NOT_TYPING (ON_SCREENS & ~ON_SEARCH)

static const keydef table[] = {
	{ ACT_UP, ON_WALK | ON_LIST | ON_LANG, G_WALK, { FN(KEY_UP), 'k' }, 0, NULL, 0,
	  N_("move the selection up (an answer, a step, a list item)"), NULL },
	{ ACT_DOWN, ON_WALK | ON_LIST | ON_LANG, G_WALK, { FN(KEY_DOWN), 'j' }, 0, NULL, 0,
	  N_("move the selection down"), NULL },
	{ ACT_ANSWER, ON_WALK, G_WALK, { '\n' }, 1, N_("answer"), 0,
	  N_("answer: the selected answer, or the one with that number; an answer not in sight is "
	     "brought into sight first"), NULL },
	{ ACT_BACK, ON_WALK, G_WALK, { FN(KEY_LEFT), FN(KEY_BACKSPACE) }, 0, N_("back"), 0,
	  N_("go back to the previous screen, its answer selected"), NULL },
	{ ACT_FORWARD, ON_WALK, G_WALK, { FN(KEY_RIGHT) }, 0, NULL, 0,
	  N_("go forward again after going back"), NULL },
	{ ACT_PAGE_UP, ON_SCREENS, G_WALK, { FN(KEY_PPAGE) }, 0, NULL, 0,
	  N_("scroll up a page"), NULL },
	{ ACT_PAGE_DOWN, ON_SCREENS, G_WALK, { FN(KEY_NPAGE) }, 0, NULL, 0,
	  N_("scroll down a page"), NULL },
	{ ACT_TOP, ON_WALK | ON_HELP, G_WALK, { FN(KEY_HOME) }, 0, NULL, 0,
	  N_("scroll to the top; the selected answer stays"), NULL },
	{ ACT_BOTTOM, ON_WALK | ON_HELP, G_WALK, { FN(KEY_END) }, 0, NULL, 0,
	  N_("scroll to the end; the selected answer stays"), NULL },
	{ ACT_LIVE, ON_CHECK, G_CHECK, { 'r' }, 0, N_("live check"), 0,
	  N_("type the SCEP server URL and run a live check; Esc or Ctrl-C stops it"), NULL },
	{ ACT_EVIDENCE, ON_CHECK, G_CHECK, { 'e' }, 0, N_("evidence"), 0,
	  N_("show or hide the lines each finding rests on"), NULL },
	{ ACT_LOG, ON_QUESTION | ON_CHECK, G_WALK, { 'o' }, 0, NULL, 0,
	  N_("read a log file the customer sent and select the answer its lines point to"), NULL },
	{ ACT_DONE, ON_FIX, G_FIX, { 'x' }, 0, N_("done"), 0,
	  N_("tick the selected step done, or untick it"), NULL },
	{ ACT_RULED_OUT, ON_FIX, G_FIX, { 'o' }, 0, N_("ruled out"), 0,
	  N_("mark the selected step's cause ruled out, or not"), NULL },
	{ ACT_COPY, ON_FIX, G_FIX, { 'y' }, 0, N_("copy"), 0,
	  N_("copy the selected step's command to the clipboard (through ssh and tmux too)"), NULL },
	{ ACT_LEFT, ON_FIX, G_FIX, { '<' }, 0, NULL, 0,
	  N_("scroll the selected step's long command left"), NULL },
	{ ACT_RIGHT, ON_FIX, G_FIX, { '>' }, 0, NULL, 0,
	  N_("scroll the selected step's long command right"), NULL },
	{ ACT_GO, ON_LIST, G_LIST, { '\n' }, 0, N_("go there"), 0,
	  N_("go to the selected section"), NULL },
	{ ACT_SWITCH, ON_LANG, G_LIST, { '\n' }, 0, N_("switch"), 0,
	  N_("switch to the selected language"), NULL },
	{ ACT_FIRST, ON_LIST | ON_LANG, G_LIST, { FN(KEY_HOME) }, 0, NULL, 0,
	  N_("select the first item"), NULL },
	{ ACT_LAST, ON_LIST | ON_LANG, G_LIST, { FN(KEY_END) }, 0, NULL, 0,
	  N_("select the last item"), NULL },
	{ ACT_CLOSE_LIST, NOT_TYPING & ~ON_WALK, G_LIST, { FN(KEY_LEFT), FN(KEY_BACKSPACE) }, 0,
	  N_("back"), 0, N_("close the list and go back"), NULL },
	{ ACT_TOC, NOT_TYPING, G_ANYWHERE, { 't' }, 0, N_("contents"), 0,
	  N_("table of contents of this article; Enter jumps to a section"), NULL },
	{ ACT_SEARCH, NOT_TYPING, G_ANYWHERE, { '/' }, 0, N_("search"), 0,
	  N_("search every article; Enter jumps to a result, Esc closes"), NULL },
	{ ACT_CHECKLIST, NOT_TYPING, G_ANYWHERE, { 'c' }, 0, N_("checklist"), 0,
	  N_("the checklist so far: the fixes this walk leads to"), NULL },
	{ ACT_PRINT, NOT_TYPING, G_ANYWHERE, { 'p' }, 0, N_("print"), 0,
	  N_("print or save the checklist"), NULL },
	{ ACT_LANG, NOT_TYPING, G_ANYWHERE, { 'L' }, 0, N_("language"), 0,
	  N_("choose the language"), NULL },
	{ ACT_HELP, NOT_TYPING, G_ANYWHERE, { '?' }, 0, N_("help"), 1,
	  N_("this help"), NULL },
	{ ACT_CLOSE, ON_SEARCH, G_ANYWHERE, { KEY_ESC }, 0, N_("close"), 1, NULL, NULL },
	{ ACT_CLOSE, NOT_TYPING & ~ON_WALK, G_ANYWHERE, { KEY_ESC, 'q' }, 0, N_("close"), 1,
	  N_("close this screen"), NULL },
	{ ACT_QUIT, ON_WALK, G_ANYWHERE, { 'q' }, 0, N_("quit"), 1,
	  N_("quit scepwiz (it asks first)"), NULL },
	{ ACT_NONE, ON_FIELD, G_FIELD, { 0 }, 0, NULL, 0,
	  N_("move the cursor; Ctrl-U clears, Enter confirms, Esc cancels"), N_("← → Home End") },
};

#define NKEYS (sizeof table / sizeof *table)

action key_action(int key, unsigned on, int *number)
{
	if (number)
		*number = 0;
	for (size_t i = 0; i < NKEYS; i++) {
		const keydef *k = &table[i];
		if (!(k->on & on))
			continue;
		if (k->digits && key >= '1' && key <= '9') {
			if (number)
				*number = key - '0';
			return k->act;
		}
		for (size_t j = 0; j < sizeof k->keys / sizeof *k->keys && k->keys[j]; j++)
			if (k->keys[j] == key)
				return k->act;
	}
	return ACT_NONE;
}

/* A key's name as the help and the hint line write it. */
static const char *keyname_of(int key, char *buf, size_t size)
{
	switch (key) {
	case FN(KEY_UP): return "↑";
	case FN(KEY_DOWN): return "↓";
	case FN(KEY_LEFT): return "←";
	case FN(KEY_RIGHT): return "→";
	case FN(KEY_PPAGE): return _("PgUp");
	case FN(KEY_NPAGE): return _("PgDn");
	case FN(KEY_HOME): return _("Home");
	case FN(KEY_END): return _("End");
	case FN(KEY_BACKSPACE): return _("Backspace");
	case '\n': return _("Enter");
	case KEY_ESC: return _("Esc");
	}
	snprintf(buf, size, "%c", key);
	return buf;
}

static void append(char *buf, size_t size, const char *s)
{
	size_t len = strlen(buf);
	if (len < size)
		snprintf(buf + len, size - len, "%s", s);
}

void key_hints(unsigned on, char *left, size_t lsize, char *right, size_t rsize)
{
	left[0] = right[0] = '\0';
	for (size_t i = 0; i < NKEYS; i++) {
		const keydef *k = &table[i];
		if (!(k->on & on) || k->hint == NULL || k->keys[0] == 0)
			continue;
		char name[8], item[128];
		char *buf = k->right ? right : left;
		size_t size = k->right ? rsize : lsize;
		snprintf(item, sizeof item, "%s%s %s", buf[0] ? "  " : "",
			 keyname_of(k->keys[0], name, sizeof name), _(k->hint));
		append(buf, size, item);
	}
}

/* The keys of row K, "Enter  1–9", "↑  k". */
static const char *row_keys(const keydef *k, char *buf, size_t size)
{
	buf[0] = '\0';
	if (k->keys[0] == 0)
		return _(k->label);
	for (size_t j = 0; j < sizeof k->keys / sizeof *k->keys && k->keys[j]; j++) {
		char name[8];
		if (j)
			append(buf, size, "  ");
		append(buf, size, keyname_of(k->keys[j], name, sizeof name));
	}
	if (k->digits)
		append(buf, size, "  1–9");
	return buf;
}

void key_help(void (*heading)(void *arg, const char *title),
	      void (*row)(void *arg, const char *keys, const char *what), void *arg)
{
	for (int g = 0; g < G_COUNT; g++) {
		heading(arg, _(group_title[g]));
		for (size_t i = 0; i < NKEYS; i++) {
			char keys[64];
			if (table[i].group == g && table[i].help)
				row(arg, row_keys(&table[i], keys, sizeof keys), _(table[i].help));
		}
	}
}
