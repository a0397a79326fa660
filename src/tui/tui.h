/* The ncurses wizard: the screens a support engineer walks the
 * troubleshooting articles in. It moves the walk only through the engine. */
#ifndef SCEPWIZ_TUI_H
#define SCEPWIZ_TUI_H

#include <stdio.h>

#include "check.h"
#include "checklist.h"
#include "engine.h"

typedef struct {
	int no_color;           /* monochrome even when the terminal has colours */
	/* Called after every move of the walk and every change of language
	 * (sessions save here); NULL for none. */
	void (*on_change)(const walk *w, void *arg);
	/* Called with the report of every live check that ran. */
	void (*on_check)(const check_report *rep, void *arg);
	/* Writes the checklist of the walk so far, for 'p'; returns 0 or -1. */
	int (*write_checklist)(FILE *out, checklist_format format, void *arg);
	void *arg;
	const char *url;        /* the SCEP URL to offer for live checks */
	const char *notice;     /* a message to show after each call of
				 * on_change (empty or NULL: none) */
} tui_options;

/* Runs the wizard on W, which has been started, until the engineer quits.
 * Needs a terminal on stdin and stdout. Returns an exit code; a SIGINT,
 * SIGTERM or SIGHUP restores the terminal and ends the program with it. */
int tui_run(const tree_set *set, walk *w, const tui_options *opt);

#endif
