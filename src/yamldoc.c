#include <config.h>

#include "yamldoc.h"
#include "i18n.h"
#include "regfile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

typedef struct {
	yd_node *stack[YD_MAX_DEPTH + 1];
	int depth;
	size_t count;
	yd_node *root;
	yd_error *err;
} builder;

static int fail(yd_error *err, unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;
	err->line = line;
	err->col = col;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

static int append(yd_node *parent, yd_node *child)
{
	if (parent->n == parent->cap) {
		size_t cap = parent->cap ? 2 * parent->cap : 4;
		yd_node **items = realloc(parent->items, cap * sizeof *items);
		if (items == NULL)
			return -1;
		parent->items = items;
		parent->cap = cap;
	}
	parent->items[parent->n++] = child;
	return 0;
}

/* A key is being added to MAP at an even position: refuse duplicates. */
static int check_key(builder *b, const yd_node *map, const yd_node *key)
{
	if (key->kind != YD_SCALAR)
		return fail(b->err, key->line, key->col, _("mapping keys must be plain strings"));
	if (map->n / 2 >= YD_MAX_KEYS)
		return fail(b->err, key->line, key->col,
			    _("a mapping with more than %d keys: not a decision tree"), YD_MAX_KEYS);
	for (size_t i = 0; i < map->n; i += 2)
		if (strcmp(map->items[i]->str, key->str) == 0)
			return fail(b->err, key->line, key->col,
				    _("duplicate key '%s' (first at line %u)"), key->str,
				    map->items[i]->line);
	return 0;
}

static int attach(builder *b, yd_node *node)
{
	if (++b->count > YD_MAX_NODES)
		return fail(b->err, node->line, node->col,
			    _("more than %d YAML nodes: not a decision tree"), YD_MAX_NODES);
	if (b->depth == 0) {
		b->root = node;
		return 0;
	}
	yd_node *parent = b->stack[b->depth - 1];
	if (parent->kind == YD_MAP && parent->n % 2 == 0 && check_key(b, parent, node) < 0)
		return -1;
	if (append(parent, node) < 0)
		return fail(b->err, 0, 0, "%s", strerror(ENOMEM));
	return 0;
}

static yd_node *new_node(yd_kind kind, const yaml_mark_t *mark)
{
	yd_node *node = calloc(1, sizeof *node);
	if (node != NULL) {
		node->kind = kind;
		node->line = (unsigned)mark->line + 1;
		node->col = (unsigned)mark->column + 1;
	}
	return node;
}

static int on_scalar(builder *b, const yaml_event_t *ev)
{
	const yaml_mark_t *m = &ev->start_mark;
	if (strlen((char *)ev->data.scalar.value) != ev->data.scalar.length)
		return fail(b->err, m->line + 1, m->column + 1, _("a string holds a NUL character"));
	yd_node *node = new_node(YD_SCALAR, m);
	if (node == NULL || (node->str = strdup((char *)ev->data.scalar.value)) == NULL) {
		free(node);
		return fail(b->err, 0, 0, "%s", strerror(ENOMEM));
	}
	node->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
	if (attach(b, node) < 0) {
		yd_free(node);
		return -1;
	}
	return 0;
}

static int on_open(builder *b, yd_kind kind, const yaml_mark_t *m)
{
	if (b->depth >= YD_MAX_DEPTH)
		return fail(b->err, m->line + 1, m->column + 1,
			    _("nesting deeper than %d levels"), YD_MAX_DEPTH);
	yd_node *node = new_node(kind, m);
	if (node == NULL)
		return fail(b->err, 0, 0, "%s", strerror(ENOMEM));
	if (attach(b, node) < 0) {
		yd_free(node);
		return -1;
	}
	b->stack[b->depth++] = node;
	return 0;
}

static const yaml_char_t *anchor_of(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT: return ev->data.scalar.anchor;
	case YAML_SEQUENCE_START_EVENT: return ev->data.sequence_start.anchor;
	case YAML_MAPPING_START_EVENT: return ev->data.mapping_start.anchor;
	default: return NULL;
	}
}

/* Handles one event; returns 1 at the end of the stream, -1 on error. */
static int on_event(builder *b, const yaml_event_t *ev, int *documents)
{
	const yaml_mark_t *m = &ev->start_mark;
	if (anchor_of(ev) != NULL || ev->type == YAML_ALIAS_EVENT)
		return fail(b->err, m->line + 1, m->column + 1,
			    _("anchors and aliases are not allowed"));
	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		return 1;
	case YAML_DOCUMENT_START_EVENT:
		if (++*documents > 1)
			return fail(b->err, m->line + 1, m->column + 1,
				    _("a tree file holds exactly one YAML document"));
		return 0;
	case YAML_SCALAR_EVENT:
		return on_scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
		return on_open(b, YD_SEQ, m);
	case YAML_MAPPING_START_EVENT:
		return on_open(b, YD_MAP, m);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		b->depth--;
		return 0;
	default:
		return 0;
	}
}

/* The reader reports a byte offset (bad UTF-8), the scanner and parser a mark. */
static void syntax_error(const yaml_parser_t *p, const char *buf, yd_error *err)
{
	unsigned line = p->problem_mark.line + 1, col = p->problem_mark.column + 1;
	if (p->error == YAML_READER_ERROR) {
		line = col = 1;
		for (size_t i = 0; i < p->problem_offset; i++, col++)
			if (buf[i] == '\n') {
				line++;
				col = 0;
			}
	}
	if (p->context)
		fail(err, line, col, _("YAML syntax: %s %s (from line %u, column %u)"), p->problem,
		     p->context, (unsigned)p->context_mark.line + 1, (unsigned)p->context_mark.column + 1);
	else
		fail(err, line, col, _("YAML syntax: %s"), p->problem);
}

yd_node *yd_parse(const char *buf, size_t len, yd_error *err)
{
	builder b = { .err = err };
	yaml_parser_t parser;
	int documents = 0, rc = 0;

	memset(err, 0, sizeof *err);
	if (len > YD_MAX_BYTES) {
		fail(err, 0, 0, _("larger than %d bytes: not a decision tree"), YD_MAX_BYTES);
		err->too_large = 1;
		return NULL;
	}
	if (!yaml_parser_initialize(&parser)) {
		fail(err, 0, 0, "%s", strerror(ENOMEM));
		return NULL;
	}
	/* Fixed, so UTF-16 with a byte-order mark is refused instead of guessed. */
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	while (rc == 0) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			syntax_error(&parser, buf, err);
			rc = -1;
			break;
		}
		rc = on_event(&b, &ev, &documents);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (rc < 0) {
		yd_free(b.root);
		return NULL;
	}
	if (b.root == NULL || (b.root->kind == YD_SCALAR && b.root->str[0] == '\0')) {
		fail(err, 1, 1, _("the file is empty"));
		yd_free(b.root);
		return NULL;
	}
	return b.root;
}

yd_node *yd_load_file(const char *path, yd_error *err)
{
	memset(err, 0, sizeof *err);
	/* Only a regular file: a FIFO named like a tree would block the read. */
	FILE *f = regfile_fopen(path);
	if (f == NULL) {
		fail(err, 0, 0, "%s", regfile_error(errno));
		return NULL;
	}
	/* One byte past the limit tells a file that is too large. */
	char *buf = malloc(YD_MAX_BYTES + 1);
	size_t len = buf ? fread(buf, 1, YD_MAX_BYTES + 1, f) : 0;
	int bad = buf == NULL || ferror(f), why = buf == NULL ? ENOMEM : errno;
	fclose(f);
	yd_node *root = NULL;
	if (bad)
		fail(err, 0, 0, _("cannot read it: %s"), strerror(why));
	else
		root = yd_parse(buf, len, err);
	free(buf);
	return root;
}

void yd_free(yd_node *node)
{
	if (node == NULL)
		return;
	for (size_t i = 0; i < node->n; i++)
		yd_free(node->items[i]);
	free(node->items);
	free(node->str);
	free(node);
}

yd_node *yd_get(const yd_node *map, const char *key)
{
	if (map == NULL || map->kind != YD_MAP)
		return NULL;
	for (size_t i = 0; i + 1 < map->n; i += 2)
		if (strcmp(map->items[i]->str, key) == 0)
			return map->items[i + 1];
	return NULL;
}
