/* What the wizard's screens share: the state of the wizard and each
 * screen's two entry points. tui.c is the state machine that picks the
 * screen, draws the frame around it and passes it keys. */
#ifndef SCEPWIZ_TUI_SCREENS_H
#define SCEPWIZ_TUI_SCREENS_H

#include "tui.h"
#include "page.h"
#include "input.h"
#include "keys.h"

typedef enum {
	SCR_WALK,               /* the walk: question, check or remediation */
	SCR_TOC,                /* the table of contents */
	SCR_SEARCH,
	SCR_CHECKLIST,
	SCR_HELP,
	SCR_LANG,
	SCR_COUNT
} screen_id;

/* The smallest terminal the wizard draws in. */
enum { MIN_COLS = 60, MIN_ROWS = 16 };

typedef struct tui {
	const tree_set *set;
	walk *w;
	const tui_options *opt;
	screen_id screen, back_to;
	page page;              /* the current screen, laid out for this frame */
	view views[SCR_COUNT];
	int top, left, rows, width;     /* the content area */
	unsigned on;            /* the kind of screen on show (keys.h): its keys */
	const char *prompt;     /* a question asked on the hint line, */
	input *prompt_in;       /* with the field the answer is typed in */
	int cursor_y, cursor_x; /* where an input field wants the cursor, or -1 */
	char msg[512];          /* a one-off message, shown until the next key */
	int asking_quit, done;

	/* The walk screen: the scroll each entry was left at; the item of the
	 * first answer on show; the answer to select once it is laid out. */
	int *scrolls;
	size_t nscrolls;
	int answer_item, want_choice;

	/* The table of contents and the checklist: what each item leads to. */
	const node **targets;
	size_t ntargets, targets_cap;
} tui;

/* Each screen lays out its page in *_draw; *_key returns 1 when it used
 * the key, 0 to let the wizard's keys have it. Screens that keep state of
 * their own keep it in their file, and free it in *_free. */
void question_draw(tui *t);
int question_key(tui *t, int key);
void check_draw(tui *t);
int check_key(tui *t, int key);
void check_free(void);
/* The live check runs between key reads: whether it is running; a step of
 * it that waits at most a quarter second, or until WAKE_FD has a key; and
 * stopping it, which leaves the answer as it was. */
int check_running(void);
void check_poll(tui *t, int wake_fd);
void check_stop(tui *t);
/* A log file on a question's screen (o): its lines under the answers,
 * and the answer they point to selected. */
void log_add(tui *t, const node *n);
int log_key(tui *t, int key);
void log_free(void);
void remediation_draw(tui *t);
int remediation_key(tui *t, int key);
void toc_draw(tui *t);
int toc_key(tui *t, int key);
void search_draw(tui *t);
int search_key(tui *t, int key);
void search_free(void);
void checklist_draw(tui *t);
int checklist_key(tui *t, int key);
void help_draw(tui *t);
int help_key(tui *t, int key);
void lang_draw(tui *t);
int lang_key(tui *t, int key);

/* The 'p' key: save or print the checklist, through a prompt on the hint
 * line. print_prompt sets the prompt for this frame; print_key takes the
 * keys while it is open (returns 0 when it is not). */
void print_or_save(tui *t);
void print_prompt(tui *t);
int print_key(tui *t, int key);

/* The flow map at row Y: the six steps, the current one marked. */
void flowmap_draw(const tui *t, int y);

/* What the walk screens share (answers.c): the section's heading, text
 * and example; its answers as selectable items; and their keys. */
void section_head(tui *t, const node *n);
void answers_add(tui *t, const node *n);
int answers_key(tui *t, int key);

/* Shows the page laid out for this frame through the screen's view. */
void tui_show_page(tui *t);
/* The list screens (contents, search, checklist): an item that leads to N,
 * and their keys (move, Enter goes there, Backspace or ← closes). */
int tui_add_target(tui *t, const node *n);
int tui_list_key(tui *t, int key);
/* The scrolling actions every screen shares; 1 when ACT was one. */
int tui_scroll(tui *t, action act);

/* The languages the wizard speaks: code and name in that language. */
extern const struct tui_lang { const char *code, *name; } tui_langs[];

/* Moves of the walk (each tells on_change), and the screens. */
void tui_answer(tui *t, size_t i);
void tui_back(tui *t);
void tui_forward(tui *t);
void tui_jump(tui *t, const node *n);
void tui_open(tui *t, screen_id s);
void tui_close(tui *t);
void tui_changed(tui *t);
/* The key that says yes (y, or the language's own), and whether KEY is it. */
const char *tui_yes_key(void);
int tui_is_yes(int key);
/* Puts S on the terminal's clipboard (OSC 52); 0, or -1. */
int tui_copy(const char *s);
/* Draws the whole frame now (a live check's progress draws mid-key). */
void tui_frame(tui *t);
void tui_message(tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
