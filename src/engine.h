/* One walk through the trees: where it stands, how it got there, what it
 * found. Pure C over the tree model; the wizard, the batch commands, sessions
 * and the tests all drive a walk through these calls alone. */
#ifndef SCEPWIZ_ENGINE_H
#define SCEPWIZ_ENGINE_H

#include "tree.h"

typedef enum { MOVE_START, MOVE_ANSWER, MOVE_JUMP } move_kind;

/* One screen of the walk. CHOICE is what was answered on it (-1: nothing yet,
 * or the walk jumped away); OUTCOME is set when a live check picked it. */
typedef struct {
	const node *node;
	move_kind how;
	int choice;
	const char *outcome;
} walk_entry;

typedef struct {
	walk_entry *entries;
	size_t len, cap;
	size_t pos;               /* the current entry; back and forward move it */
} walk;

void walk_init(walk *w);
void walk_release(walk *w);
/* Makes DST (initialised, maybe holding entries) the same walk as SRC.
 * Returns 0, or -1 when memory ran out (DST unchanged). */
int walk_copy(walk *dst, const walk *src);

/* Starts afresh at N (a link is followed to its target). */
int walk_start(walk *w, const node *n);
const node *walk_current(const walk *w);

/* Answers the current screen with choice I: a question's or check's choice,
 * or 0 = "continue" on an info or remediation that leads on. Answering
 * from an earlier screen drops the screens after it. -1 if I is no answer. */
int walk_answer(walk *w, size_t i);
/* Answers a check with the choice whose outcome is OUTCOME (a probe result). */
int walk_outcome(walk *w, const char *outcome);
/* Goes to any node, keeping the way back. */
int walk_jump(walk *w, const node *n);
int walk_back(walk *w);
int walk_forward(walk *w);

/* How many ways on the current screen has: choices, or 1 for "continue". */
size_t walk_answers(const walk *w);

/* The remediations met on the walk, each once, in the order they were met.
 * Returns how many; fills at most MAX into OUT. */
size_t walk_remediations(const walk *w, const node **out, size_t max);

/* The same over the current path only (the entries up to the current one),
 * so a branch the engineer backed out of is not in it. */
size_t walk_path_remediations(const walk *w, const node **out, size_t max);

/* The remediations a walk from N can reach without leaving N's tree, in
 * the tree's order (N itself when it is one). Fills at most MAX into OUT and
 * returns how many there are. */
size_t node_remediations(const node *n, const node **out, size_t max);

/* A node with link hops followed. */
const node *node_follow(const node *n);

#endif
