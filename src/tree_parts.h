/* The parts of a node that tree.c reads through tree_parts.c: aliases and
 * evidence patterns. Internal to the tree loader. */
#ifndef SCEPWIZ_TREE_PARTS_H
#define SCEPWIZ_TREE_PARTS_H

#include "tree.h"
#include "yamldoc.h"

struct tree_ctx;
/* A problem at LINE:COL of the file being read (tree.c's report). */
void tree_report(struct tree_ctx *c, unsigned line, unsigned col, const char *msg);

/* Read a node's `aliases:` and `evidence:` (V may be NULL: absent). */
void tree_read_aliases(struct tree_ctx *c, node *n, const yd_node *v);
void tree_read_evidence(struct tree_ctx *c, node *n, const yd_node *v);
void tree_free_parts(node *n);

/* What only the whole set can tell: an alias that is another node's id or
 * alias in its tree, an evidence code used twice. Returns the problems. */
int tree_check_parts(const tree_set *set, FILE *errs);

/* Gives each answer whose English is also a heading the msgctxt "answer"
 * (tree_text.c). */
void tree_mark_answer_contexts(tree_set *set);

/* The node of T with ID (not an alias), or NULL. */
struct node *tree_node_by_id(const tree *t, const char *id);

/* The node of T that ALIAS names, or NULL. */
const node *tree_find_alias(const tree *t, const char *alias);

#endif
