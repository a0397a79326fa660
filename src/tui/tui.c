/* The wizard's state machine: which screen is up, the frame around it (the
 * flow map, the hint line, the status line), the key loop and the terminal's
 * safe return. Screens draw and take keys; moves of the walk go through the
 * tui_* functions here so each one tells on_change. */
#include <config.h>

#include "screens.h"
#include "cli.h"
#include "i18n.h"
#include "wrap.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

const struct tui_lang tui_langs[] = {
	{ "en", "English" }, { "es", "Español" }, { "it", "Italiano" },
	{ "pt_BR", "Português (Brasil)" }, { "sv", "Svenska" }, { NULL, NULL },
};

/* A signal only leaves a note: the key loop restores the terminal, since
 * curses must never be called from a handler. */
static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
	caught = sig;
}

static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: the blocked read for a key must return at once. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

void tui_message(tui *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof t->msg, fmt, ap);
	va_end(ap);
}

void tui_changed(tui *t)
{
	if (t->opt->on_change)
		t->opt->on_change(t->w, t->opt->arg);
	if (t->opt->notice && t->opt->notice[0])
		tui_message(t, "%s", t->opt->notice);
}

/* ---- moves of the walk ------------------------------------------------ */

/* Each entry of the walk keeps the scroll it was left at, so going back
 * shows the screen exactly as it was. */
static void save_scroll(tui *t)
{
	size_t pos = t->w->pos;
	if (pos >= t->nscrolls) {
		int *s = realloc(t->scrolls, (pos + 16) * sizeof *s);
		if (s == NULL)
			return;
		memset(s + t->nscrolls, 0, (pos + 16 - t->nscrolls) * sizeof *s);
		t->scrolls = s;
		t->nscrolls = pos + 16;
	}
	t->scrolls[pos] = t->views[SCR_WALK].scroll;
}

static void arrived(tui *t, int restore)
{
	const walk_entry *e = &t->w->entries[t->w->pos];
	view *v = &t->views[SCR_WALK];
	v->scroll = restore && t->w->pos < t->nscrolls ? t->scrolls[t->w->pos] : 0;
	/* The answer's item is known once the screen is laid out. */
	v->sel = -1;
	t->want_choice = e->choice;
	/* Coming back, the answer given there is selected and in sight. */
	v->follow = restore && e->choice >= 0;
	t->screen = t->back_to = SCR_WALK;
	tui_changed(t);
}

void tui_answer(tui *t, size_t i)
{
	save_scroll(t);
	if (walk_answer(t->w, i) == 0)
		arrived(t, 0);
}

void tui_back(tui *t)
{
	save_scroll(t);
	if (walk_back(t->w) == 0)
		arrived(t, 1);
	else
		tui_message(t, "%s", _("This is the first screen of the walk."));
}

void tui_forward(tui *t)
{
	save_scroll(t);
	if (walk_forward(t->w) == 0)
		arrived(t, 1);
	else
		tui_message(t, "%s", _("There is no later screen yet: answer to go on."));
}

void tui_jump(tui *t, const node *n)
{
	if (node_follow(n) == walk_current(t->w)) {
		t->screen = t->back_to = SCR_WALK;
		return;
	}
	save_scroll(t);
	if (walk_jump(t->w, n) == 0)
		arrived(t, 0);
}

/* ---- screens ------------------------------------------------------------ */

void tui_open(tui *t, screen_id s)
{
	if (t->screen == s) {
		tui_close(t);
		return;
	}
	t->back_to = t->screen;
	t->screen = s;
	t->views[s] = (view){ .sel = -1, .follow = 1 };
}

void tui_close(tui *t)
{
	t->screen = t->back_to == t->screen ? SCR_WALK : t->back_to;
	t->back_to = SCR_WALK;
}

int tui_add_target(tui *t, const node *n)
{
	if (t->ntargets == t->targets_cap) {
		size_t cap = t->targets_cap ? 2 * t->targets_cap : 64;
		const node **v = realloc(t->targets, cap * sizeof *v);
		if (v == NULL)
			return -1;
		t->targets = v;
		t->targets_cap = cap;
	}
	t->targets[t->ntargets++] = n;
	return page_item(&t->page);
}

int tui_scroll(tui *t, action act)
{
	return page_scroll(&t->page, &t->views[t->screen], t->rows, act);
}

int tui_list_key(tui *t, int key)
{
	view *v = &t->views[t->screen];
	action act = key_action(key, t->on, NULL);
	switch (act) {
	case ACT_UP: page_move(&t->page, v, t->rows, -1); return 1;
	case ACT_DOWN: page_move(&t->page, v, t->rows, 1); return 1;
	case ACT_CLOSE_LIST: tui_close(t); return 1;
	case ACT_GO:
		if (v->sel >= 0 && (size_t)v->sel < t->ntargets)
			tui_jump(t, t->targets[v->sel]);
		return 1;
	default: return tui_scroll(t, act);
	}
}

void tui_show_page(tui *t)
{
	view *v = &t->views[t->screen];
	page_clamp(&t->page, v, t->rows);
	page_draw(&t->page, v, t->top, t->left, t->rows);
}

/* The kind of screen on show, for the key table. */
static unsigned screen_kind(const tui *t)
{
	static const unsigned kinds[SCR_COUNT] = {
		[SCR_TOC] = ON_TOC, [SCR_SEARCH] = ON_SEARCH, [SCR_CHECKLIST] = ON_CHECKLIST,
		[SCR_HELP] = ON_HELP, [SCR_LANG] = ON_LANG,
	};
	if (t->screen != SCR_WALK)
		return kinds[t->screen];
	switch (walk_current(t->w)->type) {
	case NODE_CHECK: return ON_CHECK;
	case NODE_REMEDIATION: return ON_FIX;
	default: return ON_QUESTION;
	}
}

static void walk_draw(tui *t)
{
	switch (walk_current(t->w)->type) {
	case NODE_CHECK: check_draw(t); break;
	case NODE_REMEDIATION: remediation_draw(t); break;
	default: question_draw(t); break;
	}
}

static int walk_key(tui *t, int key)
{
	switch (walk_current(t->w)->type) {
	case NODE_CHECK: return check_key(t, key);
	case NODE_REMEDIATION: return remediation_key(t, key);
	default: return question_key(t, key);
	}
}

static const struct {
	void (*draw)(tui *t);
	int (*key)(tui *t, int key);
} screens[SCR_COUNT] = {
	[SCR_WALK] = { walk_draw, walk_key },
	[SCR_TOC] = { toc_draw, toc_key },
	[SCR_SEARCH] = { search_draw, search_key },
	[SCR_CHECKLIST] = { checklist_draw, checklist_key },
	[SCR_HELP] = { help_draw, help_key },
	[SCR_LANG] = { lang_draw, lang_key },
};

/* ---- the frame ---------------------------------------------------------- */

static const char *lang_name(void)
{
	for (size_t i = 0; tui_langs[i].code; i++)
		if (strcmp(tui_langs[i].code, i18n_lang()) == 0)
			return tui_langs[i].name;
	return i18n_lang();
}

/* Article › section on the left, the language on the right. When they do
 * not fit, the article gives way first: the section is what changes. */
static void status_line(const tui *t, int y)
{
	const node *n = walk_current(t->w);
	const char *article = tr(n->tree->title.s), *section = tr(n->title.s);
	char right[64];
	snprintf(right, sizeof right, " %s ", lang_name());
	int rw = draw_width(right);
	int room = COLS - rw - 1 - 4;           /* less the margin and " › " */
	int aw = draw_width(article), sw = draw_width(section);
	if (aw + sw > room)
		aw = sw < room - COLS / 4 ? room - sw : COLS / 4;
	attrset(style_attr(ST_BAR));
	mvhline(y, 0, ' ', COLS);
	int x = 1 + draw_clipped(y, 1, article, aw, ST_BAR);
	x += draw_clipped(y, x, " › ", 3, ST_BAR);
	draw_clipped(y, x, section, COLS - rw - x, ST_BAR);
	draw_clipped(y, COLS - rw, right, rw, ST_BAR);
}

int tui_is_yes(int key)
{
	return key == 'y' || key == 'Y' || key == (unsigned char)tui_yes_key()[0];
}

const char *tui_yes_key(void)
{
	/* TRANSLATORS: the key that answers yes to "Quit scepwiz?". */
	return _("y");
}

static void hint_line(tui *t, int y)
{
	char left[512], right[128], buf[160];
	key_hints(t->on, left, sizeof left, right, sizeof right);
	const view *v = &t->views[t->screen];
	int more = v->scroll + t->rows < (int)t->page.n;
	snprintf(buf, sizeof buf, "%s%s", more ? _("PgDn more  ") : "", right);
	int rw = draw_width(buf);
	char ask[256];
	if (t->asking_quit) {
		snprintf(ask, sizeof ask, _("Quit scepwiz? Press %s to quit, any other key to stay."), tui_yes_key());
		draw_clipped(y, 1, ask, COLS - 2, ST_WARN);
	} else if (t->prompt && t->prompt_in) {
		int lw = draw_clipped(y, 1, t->prompt, COLS / 3, ST_STRONG);
		input_draw(t->prompt_in, y, 2 + lw, COLS - 3 - lw);
		getyx(stdscr, t->cursor_y, t->cursor_x);
	} else if (t->prompt) {
		draw_clipped(y, 1, t->prompt, COLS - 2, ST_STRONG);
	} else if (t->msg[0]) {
		draw_clipped(y, 1, t->msg, COLS - 2, ST_WARN);
	} else {
		draw_clipped(y, COLS - rw - 1, buf, rw, ST_DIM);
		draw_clipped(y, 1, left, COLS - rw - 4, ST_DIM);
	}
}

static void too_small(const tui *t)
{
	char buf[512];
	if (t->asking_quit)
		snprintf(buf, sizeof buf, _("Quit scepwiz? Press %s to quit, any other key to stay."), tui_yes_key());
	else
		snprintf(buf, sizeof buf,
			 _("The terminal is %d×%d; scepwiz needs at least %d×%d. Make the window larger, or press q to quit."),
			 COLS, LINES, MIN_COLS, MIN_ROWS);
	char *a = draw_ascii_copy(buf);
	const char *shown = a ? a : buf;
	wrap_line *l;
	size_t n = wrap_text(shown, COLS, &l);
	for (size_t i = 0; i < n && (int)i < LINES; i++)
		mvaddnstr((int)i, 0, shown + l[i].start, (int)l[i].len);
	free(l);
	free(a);
}

void tui_frame(tui *t)
{
	erase();
	t->cursor_y = -1;
	if (COLS < MIN_COLS || LINES < MIN_ROWS) {
		too_small(t);
	} else {
		t->top = 2;
		t->left = 2;
		t->rows = LINES - 4;
		t->width = COLS - 4;
		t->on = screen_kind(t);
		t->prompt = NULL;
		page_begin(&t->page, t->width);
		screens[t->screen].draw(t);
		print_prompt(t);
		flowmap_draw(t, 0);
		attrset(style_attr(ST_FRAME));
		mvhline(1, 0, draw_line(ACS_HLINE), COLS);
		attrset(A_NORMAL);
		status_line(t, LINES - 1);
		hint_line(t, LINES - 2);
	}
	if (t->cursor_y >= 0)
		move(t->cursor_y, t->cursor_x);
	curs_set(t->cursor_y >= 0);
	refresh();
}

/* ---- keys ------------------------------------------------------------- */

static int read_key(void)
{
	wint_t wc;
	int r = get_wch(&wc);
	if (r == ERR)
		return 0;
	if (r == KEY_CODE_YES)
		return wc == KEY_ENTER ? '\n' : FN((int)wc);
	if (wc == '\r')
		return '\n';
	if (wc == 127 || wc == 8)
		return FN(KEY_BACKSPACE);
	return (int)wc;
}

static void global_key(tui *t, int key)
{
	switch (key_action(key, t->on, NULL)) {
	case ACT_QUIT: t->asking_quit = 1; break;
	case ACT_CLOSE: tui_close(t); break;
	case ACT_TOC: tui_open(t, SCR_TOC); break;
	case ACT_SEARCH: tui_open(t, SCR_SEARCH); break;
	case ACT_CHECKLIST: tui_open(t, SCR_CHECKLIST); break;
	case ACT_HELP: tui_open(t, SCR_HELP); break;
	case ACT_LANG: tui_open(t, SCR_LANG); break;
	case ACT_PRINT: print_or_save(t); break;
	default:
		if (key > ' ')
			tui_message(t, "%s", _("That key does nothing here; ? lists the keys."));
	}
}

static void handle_key(tui *t, int key)
{
	if (key == 0 || key == FN(KEY_RESIZE))
		return;         /* the next frame lays out at the new size */
	t->msg[0] = '\0';
	if (t->asking_quit) {
		t->asking_quit = 0;
		t->done = tui_is_yes(key);
		return;
	}
	if (COLS < MIN_COLS || LINES < MIN_ROWS) {
		t->asking_quit = key == 'q';
		return;
	}
	if (print_key(t, key))
		return;
	if (!screens[t->screen].key(t, key))
		global_key(t, key);
}

/* While a live check runs, the loop steps it and reads keys without
 * waiting: Esc or Ctrl-C stops it, and other keys are dropped, so none is
 * replayed on the screen the check leads to. */
static int checking_key(tui *t)
{
	check_poll(t, STDIN_FILENO);
	if (caught == SIGINT) {
		caught = 0;
		check_stop(t);
		return 0;
	}
	timeout(0);
	int key = read_key();
	timeout(500);
	if (key == KEY_ESC) {
		check_stop(t);
	} else if (key != 0 && key != FN(KEY_RESIZE)) {
		tui_message(t, "%s", _("A live check is running: Esc stops it."));
		return 0;
	}
	if (!check_running())
		flushinp();
	return key == FN(KEY_RESIZE) ? key : 0;
}

static void start_screen(const tui_options *opt)
{
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	set_escdelay(25);       /* Esc closes a screen without a pause */
	/* A signal that lands just before the read would not interrupt it;
	 * waking now and then lets the loop see it in any case. */
	timeout(500);
	style_init(!opt->no_color);
}

/* Whether the terminal's locale (LC_ALL, LC_CTYPE, LANG, as setlocale
 * reads them) is UTF-8. The program itself may run in C.UTF-8 for its
 * catalogs; what the terminal shows is what the user's locale says. */
static int terminal_utf8(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strcasestr(v, "utf-8") != NULL || strcasestr(v, "utf8") != NULL;
	}
	return 0;
}

/* Asks terminfo whether the wizard can drive the terminal: it must know
 * it, and be able to move the cursor (a "dumb" one can't). */
static int can_drive(void)
{
	int err = 0;
	const char *term = getenv("TERM");
	term = term ? term : "";
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		fprintf(stderr, _("%s: cannot drive the terminal '%s'; set TERM to your terminal's type\n"),
			PACKAGE, term);
		return 0;
	}
	const char *cup = tigetstr("cup");
	del_curterm(cur_term);
	if (cup == NULL || cup == (char *)-1) {
		fprintf(stderr, _("%s: the terminal '%s' cannot move the cursor, which the wizard needs; "
				  "set TERM to your terminal's type (such as xterm-256color). "
				  "'scepwiz sections' and 'scepwiz checklist' work on any terminal\n"),
			PACKAGE, term);
		return 0;
	}
	return 1;
}

int tui_run(const tree_set *set, walk *w, const tui_options *opt)
{
	catch_signals();
	/* Ask terminfo first: a failed newterm() leaks its half-made screen. */
	if (!can_drive())
		return EXIT_USAGE;
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (scr == NULL) {
		fprintf(stderr, "%s: %s\n", PACKAGE, strerror(errno));
		return EXIT_USAGE;
	}
	draw_set_ascii(!terminal_utf8());
	start_screen(opt);
	tui t = { .set = set, .w = w, .opt = opt };
	int answered = w->entries[w->pos].choice;
	t.views[SCR_WALK] = (view){ .sel = -1 };
	t.want_choice = answered;
	/* The first frame comes before anything is saved: a session's fsync
	 * must not delay what the engineer sees. */
	tui_frame(&t);
	tui_changed(&t);
	for (int key = -1, busy = 0; !t.done && !caught;) {
		/* A frame after each key, and after each step of a live check,
		 * the last one too. */
		if (key != 0 || busy)
			tui_frame(&t);
		busy = check_running();
		key = busy ? checking_key(&t) : read_key();
		if (!caught)
			handle_key(&t, key);
	}
	endwin();
	delscreen(scr);
	page_free(&t.page);
	free(t.scrolls);
	free(t.targets);
	search_free();
	check_free();
	log_free();
	if (caught) {
		/* End as the signal would have, now that the terminal is back. */
		signal(caught, SIG_DFL);
		raise(caught);
	}
	return EXIT_OK;
}
