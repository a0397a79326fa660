/* The decision trees: loaded from YAML, validated, then immutable.
 * The format is documented in decision-trees/README.md. */
#ifndef SCEPWIZ_TREE_H
#define SCEPWIZ_TREE_H

#include "evidence/severity.h"

#include <stddef.h>
#include <stdio.h>

/* A translatable string (an English msgid) and the line it stands on. */
typedef struct {
	const char *s;
	unsigned line;
	/* The msgctxt, or NULL: "answer" for a choice whose English is also a
	 * heading, as the localized article titles a section in its language
	 * while the answer quotes what the screen shows. */
	const char *ctx;
} text;

#define TEXT_CTX_ANSWER "answer"

typedef enum { NODE_QUESTION, NODE_CHECK, NODE_REMEDIATION, NODE_INFO, NODE_LINK } node_type;

struct node;
struct tree;

typedef struct {
	text label;
	const char *outcome;        /* probe result that selects it, or NULL */
	const struct node *next;
	const char *next_id;        /* as written, for resolving */
} choice;

typedef struct {
	text text;
	text ui;                    /* a Windows label or menu path, translated */
	const char *command, *path, *value, *example;   /* never translated */
} step;

typedef struct {
	text cause, solution;
	step *steps;
	size_t nsteps;
} cause;

/* A log record that points to the node (decision-trees/README.md,
 * "Evidence"): records of reader LOG whose fields match every WHERE glob
 * and whose text holds CONTAINS. */
typedef struct {
	const char *code;           /* the finding's id */
	const char *log;            /* reader kind: iis, event, ndesplugin, … */
	const char **where;         /* field, glob, field, glob, … */
	size_t nwhere;              /* pairs */
	const char *contains;       /* or NULL */
	severity sev;
	unsigned line, col;
} evidence_pattern;

typedef struct node {
	const char *id;
	node_type type;
	int level;
	unsigned line, col;
	text title, text;
	const char *example;
	const char **keywords;
	size_t nkeywords;
	const char **aliases;       /* other anchors that name this section */
	size_t naliases;
	evidence_pattern *evidence;
	size_t nevidence;
	int flow_step;              /* its step of the SCEP flow, when not its tree's (0) */
	choice *choices;            /* question, check */
	size_t nchoices;
	const char *probe;          /* check */
	cause *causes;              /* remediation */
	size_t ncauses;
	const struct node *next;    /* remediation, info: where to go on, or NULL */
	const struct node *link;    /* link: the target node in another tree */
	const struct tree *tree;
	const char *next_id, *link_tree, *link_section;   /* as written, for resolving */
} node;

typedef struct tree {
	const char *id, *file, *article;
	text title;
	int flow_step;
	node *nodes;                /* in the article's order */
	size_t nnodes;
	const node *start;
	void *doc;                  /* the parsed YAML every string points into */
} tree;

typedef struct {
	tree **trees;
	size_t ntrees;
} tree_set;

/* Loads one file into SET. Problems are written to ERRS as
 * "FILE:LINE:COL: error: ..."; returns their number (0 on success). */
int tree_set_add_file(tree_set *set, const char *path, FILE *errs);
/* The same for a file already in memory; NAME is used in messages. */
int tree_set_add_buffer(tree_set *set, const char *name, const char *buf, size_t len, FILE *errs);
/* Loads every *.yaml in DIR, in name order. Returns the number of problems. */
int tree_set_add_dir(tree_set *set, const char *dir, FILE *errs);
/* Resolves links between trees; run once after the last add. */
int tree_set_resolve(tree_set *set, FILE *errs);
void tree_set_clear(tree_set *set);
/* Fills OUT with up to MAX section names (as tree_set_spec writes them)
 * closest to SPEC, closest first, for a "did you mean". Returns how many;
 * free each with free(). */
size_t tree_set_suggest(const tree_set *set, const char *spec, char **out, size_t max);

const tree *tree_set_tree(const tree_set *set, const char *id);
/* Finds a section by "ANCHOR", "TREE/ANCHOR" or "TREE" (its start); an
 * alias stands for its node.
 * Sets *ambiguous when a bare anchor names sections in several trees. */
const node *tree_set_find(const tree_set *set, const char *spec, int *ambiguous);
/* The section's name on the command line: ANCHOR, or TREE/ANCHOR when the
 * anchor is not unique. Written into BUF. */
const char *tree_set_spec(const tree_set *set, const node *n, char *buf, size_t size);
/* N's title in the current language, as a report names it: with its
 * tree's title before it ("SCEP deployment ... › Solution") when its id
 * alone names sections of several trees, as the articles' "Cause" and
 * "Solution" do. Written into BUF. */
const char *tree_set_title(const tree_set *set, const node *n, char *buf, size_t size);

/* Calls FN for every translatable string of a tree, in file order. */
void tree_each_text(const tree *t, void (*fn)(const text *msg, void *arg), void *arg);
/* Calls FN for every untranslated string (ids excluded). */
void tree_each_literal(const tree *t, void (*fn)(const char *s, void *arg), void *arg);
/* The same for one node (search goes node by node). */
void node_each_text(const node *n, void (*fn)(const text *msg, void *arg), void *arg);
void node_each_literal(const node *n, void (*fn)(const char *s, void *arg), void *arg);

const char *node_type_name(node_type type);

/* Sets SEEN[i] for every node of N's tree that a walk from N reaches
 * through answers and `next` (SEEN has one byte per node of the tree). */
void node_mark_reachable(const node *n, char *seen);

#endif
