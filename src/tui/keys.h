/* The wizard's one key table: each action, its keys, the screens it works
 * on and what it does in words. The screens ask it what a key means, and
 * the help screen and the hint line are written from it, so a key can't be
 * bound in one place and described differently in another. */
#ifndef SCEPWIZ_TUI_KEYS_H
#define SCEPWIZ_TUI_KEYS_H

#include <stddef.h>

/* Where a key works: one bit per kind of screen. */
enum {
	ON_QUESTION = 1 << 0,   /* a question or a section that informs */
	ON_CHECK = 1 << 1,      /* a section a live check may answer */
	ON_FIX = 1 << 2,        /* a remediation */
	ON_TOC = 1 << 3,
	ON_CHECKLIST = 1 << 4,
	ON_SEARCH = 1 << 5,
	ON_HELP = 1 << 6,
	ON_LANG = 1 << 7,
	ON_FIELD = 1 << 8,      /* while a text field is open */
	ON_WALK = ON_QUESTION | ON_CHECK | ON_FIX,
	ON_LIST = ON_TOC | ON_CHECKLIST | ON_SEARCH,
	ON_SCREENS = ON_WALK | ON_LIST | ON_HELP | ON_LANG,
};

typedef enum {
	ACT_NONE,
	ACT_UP, ACT_DOWN,
	ACT_ANSWER,             /* Enter or 1-9 on the walk */
	ACT_BACK, ACT_FORWARD,
	ACT_GO,                 /* Enter on a list: go there */
	ACT_SWITCH,             /* Enter on the language screen */
	ACT_PAGE_UP, ACT_PAGE_DOWN,
	ACT_TOP, ACT_BOTTOM,    /* scroll to either end; the selection stays */
	ACT_FIRST, ACT_LAST,    /* select a list's first or last item */
	ACT_LEFT, ACT_RIGHT,    /* scroll a long command sideways */
	ACT_LIVE,               /* run a live check */
	ACT_EVIDENCE,           /* show or hide the findings' evidence */
	ACT_LOG,                /* read a log file and select the answer it points to */
	ACT_DONE,               /* tick the step under the cursor */
	ACT_RULED_OUT,          /* mark the cause under the cursor ruled out */
	ACT_COPY,               /* copy the command under the cursor */
	ACT_CLOSE_LIST,         /* ← on a list: back to the walk */
	ACT_TOC, ACT_SEARCH, ACT_CHECKLIST, ACT_PRINT, ACT_LANG, ACT_HELP,
	ACT_CLOSE, ACT_QUIT,
} action;

/* What KEY does on a screen of kind ON (one ON_* bit), or ACT_NONE. For
 * ACT_ANSWER, *NUMBER is the answer's number (1-9), 0 for Enter. */
action key_action(int key, unsigned on, int *number);

/* The hint line of a screen of kind ON: the short hints (LEFT) and the way
 * to help and out (RIGHT), each "key word  key word". */
void key_hints(unsigned on, char *left, size_t lsize, char *right, size_t rsize);

/* Writes the help: HEADING for each group of keys, then ROW for each key
 * with the keys' names and what they do, in the current language. */
void key_help(void (*heading)(void *arg, const char *title),
	      void (*row)(void *arg, const char *keys, const char *what), void *arg);

#endif
