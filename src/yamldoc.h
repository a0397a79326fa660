/* A small, bounded in-memory copy of one YAML document, read with libyaml.
 *
 * The tree loader wants random access to mappings and the line and column of
 * every value for its messages; libyaml's own document API expands nothing but
 * gives no limits, so this layer reads events and enforces the limits that keep
 * a hostile file cheap: no anchors or aliases, bounded depth, size and count,
 * unique mapping keys, UTF-8 only. */
#ifndef SCEPWIZ_YAMLDOC_H
#define SCEPWIZ_YAMLDOC_H

#include <stddef.h>

enum {
	YD_MAX_BYTES = 4 << 20,
	YD_MAX_NODES = 100000,
	YD_MAX_DEPTH = 32,
	YD_MAX_KEYS = 1000,   /* keeps the duplicate-key check cheap */
};

typedef enum { YD_SCALAR, YD_SEQ, YD_MAP } yd_kind;

typedef struct yd_node {
	yd_kind kind;
	unsigned line, col;     /* 1-based position of the node's start */
	int quoted;             /* scalar written in quotes or as a block */
	char *str;              /* scalar text */
	struct yd_node **items; /* sequence items; mapping keys and values alternate */
	size_t n;               /* number of items (a mapping has n/2 pairs) */
	size_t cap;
} yd_node;

typedef struct {
	unsigned line, col;     /* 0 when the problem has no position */
	char msg[256];
	int too_large;          /* the input is over YD_MAX_BYTES: the caller names the limit */
} yd_error;

/* Returns the document's root, or NULL with *err filled in. */
yd_node *yd_parse(const char *buf, size_t len, yd_error *err);
/* Reads a whole file (bounded by YD_MAX_BYTES) and parses it. */
yd_node *yd_load_file(const char *path, yd_error *err);
void yd_free(yd_node *node);

/* The value stored under KEY in a mapping, or NULL. */
yd_node *yd_get(const yd_node *map, const char *key);

#endif
