/* The engineer's marks on the checklist: a step of a remediation ticked
 * done, a cause ruled out. Kept by node, cause index and step index, so a
 * session stores them as ids and any language prints them. No curses. */
#ifndef SCEPWIZ_MARKS_H
#define SCEPWIZ_MARKS_H

#include "tree.h"

#include <stddef.h>

enum { MARK_RULED_OUT = -1 };   /* as STEP: the cause itself is ruled out */

typedef struct {
	const node *node;       /* a remediation */
	int cause, step;        /* step MARK_RULED_OUT: the whole cause */
} mark;

typedef struct {
	mark *v;
	size_t n, cap;
} marks;

/* Whether M holds the mark on step SI of cause CI of N (SI MARK_RULED_OUT:
 * the cause ruled out). M may be NULL (no marks). */
int marks_has(const marks *m, const node *n, int ci, int si);
/* Adds the mark (once); 0, or -1 when memory ran out. */
int marks_add(marks *m, const node *n, int ci, int si);
/* Adds the mark, or takes it away when it is there: returns 1 when it is
 * now set, 0 when cleared, -1 when memory ran out. */
int marks_toggle(marks *m, const node *n, int ci, int si);
void marks_free(marks *m);

#endif
