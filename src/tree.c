#include <config.h>

#include "tree.h"
#include "i18n.h"
#include "strbuf.h"
#include "tree_parts.h"
#include "yamldoc.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* One file being read: where its problems go and how many there were. */
typedef struct tree_ctx {
	const char *file;
	FILE *errs;
	int nerr;
} ctx;

static const char *const type_names[] = { "question", "check", "remediation", "info", "link" };

const char *node_type_name(node_type type)
{
	return type_names[type];
}

/* Messages quote the file's keys, ids and types, and name the file: all
 * of it is made printable, so a hostile tree cannot drive the terminal. */
static void report(ctx *c, unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;
	char msg[1024];
	strbuf b = { 0 };
	c->nerr++;
	if (c->errs == NULL)
		return;
	sb_add_text(&b, c->file);
	if (line)
		sb_addf(&b, ":%u:%u", line, col);
	sb_addf(&b, ": %s", _("error: "));
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	sb_add_text(&b, msg);
	char *shown = sb_take(&b);
	fprintf(c->errs, "%s\n", shown ? shown : "");
	free(shown);
}

void tree_report(struct tree_ctx *c, unsigned line, unsigned col, const char *msg)
{
	report(c, line, col, "%s", msg);
}

#define AT(n) (n)->line, (n)->col

/* N zeroed items of SIZE; on failure the file is refused with the reason,
 * so a tree is never used half read. */
static void *alloc(ctx *c, size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);
	if (p == NULL)
		report(c, 0, 0, "%s", strerror(ENOMEM));
	return p;
}

/* ---- typed access to the YAML ------------------------------------------ */

static int is_one_of(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/* Checks that MAP is a mapping with only ALLOWED keys and every REQUIRED one. */
static int check_map(ctx *c, const yd_node *map, const char *what,
		     const char *const *allowed, const char *const *required)
{
	if (map->kind != YD_MAP) {
		report(c, AT(map), _("%s must be a mapping"), what);
		return -1;
	}
	int before = c->nerr;
	for (size_t i = 0; i < map->n; i += 2)
		if (!is_one_of(map->items[i]->str, allowed))
			report(c, AT(map->items[i]), _("unknown key '%s' in %s"),
			       map->items[i]->str, what);
	for (; *required; required++)
		if (yd_get(map, *required) == NULL)
			report(c, AT(map), _("%s has no '%s'"), what, *required);
	return c->nerr == before ? 0 : -1;
}

static const char *get_str(ctx *c, const yd_node *map, const char *key)
{
	const yd_node *v = yd_get(map, key);
	if (v == NULL)
		return NULL;
	if (v->kind != YD_SCALAR || v->str[0] == '\0') {
		report(c, AT(v), _("'%s' must be a non-empty string"), key);
		return NULL;
	}
	return v->str;
}

static text get_text(ctx *c, const yd_node *map, const char *key)
{
	const yd_node *v = yd_get(map, key);
	text t = { get_str(c, map, key), v ? v->line : 0, NULL };
	return t;
}

static int get_int(ctx *c, const yd_node *map, const char *key, int lo, int hi, int dflt)
{
	const yd_node *v = yd_get(map, key);
	if (v == NULL)
		return dflt;
	char *end;
	long n = v->kind == YD_SCALAR && !v->quoted ? strtol(v->str, &end, 10) : 0;
	if (v->kind != YD_SCALAR || v->quoted || *v->str == '\0' || *end != '\0' || n < lo || n > hi) {
		report(c, AT(v), _("'%s' must be a whole number from %d to %d"), key, lo, hi);
		return dflt;
	}
	return (int)n;
}

/* The list under KEY; NULL (after a report) when absent, empty or not a list. */
static const yd_node *get_list(ctx *c, const yd_node *map, const char *key)
{
	const yd_node *v = yd_get(map, key);
	if (v == NULL)
		return NULL;
	if (v->kind != YD_SEQ)
		report(c, AT(v), _("'%s' must be a list"), key);
	else if (v->n == 0)
		report(c, AT(v), _("'%s' must not be empty"), key);
	else
		return v;
	return NULL;
}

static int valid_id(const char *s)
{
	if (s == NULL || *s == '\0')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

/* ---- nodes -------------------------------------------------------------- */

static const char *const choice_keys[] = { "_label", "next", "outcome", NULL };
static const char *const choice_required[] = { "_label", "next", NULL };

static void read_choices(ctx *c, node *n, const yd_node *map, int with_outcome)
{
	const yd_node *list = get_list(c, map, "choices");
	if (list == NULL) {
		if (yd_get(map, "choices") == NULL)
			report(c, n->line, n->col, _("%s '%s' has no 'choices'"),
			       node_type_name(n->type), n->id);
		return;
	}
	if ((n->choices = alloc(c, list->n, sizeof *n->choices)) == NULL)
		return;
	n->nchoices = list->n;
	for (size_t i = 0; i < list->n; i++) {
		const yd_node *m = list->items[i];
		choice *ch = &n->choices[i];
		if (check_map(c, m, _("a choice"), choice_keys, choice_required) < 0)
			continue;
		ch->label = get_text(c, m, "_label");
		ch->next_id = get_str(c, m, "next");
		ch->outcome = get_str(c, m, "outcome");
		if (ch->outcome && !with_outcome)
			report(c, AT(yd_get(m, "outcome")), _("only a check's choices have an 'outcome'"));
	}
}

static const char *const step_keys[] = { "_text", "_ui", "command", "path", "value", "example", NULL };
static const char *const step_required[] = { "_text", NULL };
static const char *const cause_keys[] = { "_cause", "_solution", "steps", NULL };
static const char *const cause_required[] = { "_cause", NULL };

static void read_steps(ctx *c, cause *cs, const yd_node *map)
{
	const yd_node *list = get_list(c, map, "steps");
	if (list == NULL)
		return;
	if ((cs->steps = alloc(c, list->n, sizeof *cs->steps)) == NULL)
		return;
	cs->nsteps = list->n;
	for (size_t i = 0; i < list->n; i++) {
		const yd_node *m = list->items[i];
		step *st = &cs->steps[i];
		if (check_map(c, m, _("a step"), step_keys, step_required) < 0)
			continue;
		st->text = get_text(c, m, "_text");
		st->ui = get_text(c, m, "_ui");
		st->command = get_str(c, m, "command");
		st->path = get_str(c, m, "path");
		st->value = get_str(c, m, "value");
		st->example = get_str(c, m, "example");
	}
}

static void read_causes(ctx *c, node *n, const yd_node *map)
{
	const yd_node *list = get_list(c, map, "causes");
	if (list == NULL) {
		if (yd_get(map, "causes") == NULL)
			report(c, n->line, n->col, _("remediation '%s' has no 'causes'"), n->id);
		return;
	}
	if ((n->causes = alloc(c, list->n, sizeof *n->causes)) == NULL)
		return;
	n->ncauses = list->n;
	for (size_t i = 0; i < list->n; i++) {
		const yd_node *m = list->items[i];
		if (check_map(c, m, _("a cause"), cause_keys, cause_required) < 0)
			continue;
		n->causes[i].cause = get_text(c, m, "_cause");
		n->causes[i].solution = get_text(c, m, "_solution");
		read_steps(c, &n->causes[i], m);
	}
}

static void read_keywords(ctx *c, node *n, const yd_node *map)
{
	const yd_node *list = get_list(c, map, "keywords");
	if (list == NULL)
		return;
	if ((n->keywords = alloc(c, list->n, sizeof *n->keywords)) == NULL)
		return;
	for (size_t i = 0; i < list->n; i++) {
		if (list->items[i]->kind != YD_SCALAR || list->items[i]->str[0] == '\0')
			report(c, AT(list->items[i]), _("a keyword must be a non-empty string"));
		else
			n->keywords[n->nkeywords++] = list->items[i]->str;
	}
}

/* The keys each type accepts beyond the common ones. */
static const char *const type_keys[][8] = {
	[NODE_QUESTION] = { "choices", NULL },
	[NODE_CHECK] = { "choices", "probe", NULL },
	[NODE_REMEDIATION] = { "causes", "next", NULL },
	[NODE_INFO] = { "next", NULL },
	[NODE_LINK] = { "tree", "section", NULL },
};

static int read_type(ctx *c, const yd_node *map, node_type *type)
{
	const char *name = get_str(c, map, "type");
	for (size_t i = 0; name && i < sizeof type_names / sizeof *type_names; i++)
		if (strcmp(name, type_names[i]) == 0) {
			*type = (node_type)i;
			return 0;
		}
	if (name)
		report(c, AT(yd_get(map, "type")),
		       _("unknown node type '%s' (question, check, remediation, info or link)"), name);
	return -1;
}

static void read_node(ctx *c, node *n, const yd_node *key, const yd_node *map)
{
	static const char *const common[] = { "type", "_title", "level", "_text", "example", "keywords",
					      "aliases", "evidence", "flow_step" };
	static const char *const required[] = { "type", "_title", NULL };
	const char *allowed[16];
	size_t k = 0;

	n->id = key->str;
	n->line = key->line;
	n->col = key->col;
	if (!valid_id(n->id))
		report(c, AT(key), _("node id '%s' may hold only a-z, 0-9 and '-'"), n->id);
	if (map->kind != YD_MAP) {
		report(c, AT(map), _("node '%s' must be a mapping"), n->id);
		return;
	}
	if (read_type(c, map, &n->type) < 0) {
		if (yd_get(map, "type") == NULL)
			report(c, AT(map), _("node '%s' has no 'type'"), n->id);
		return;
	}
	for (size_t i = 0; i < sizeof common / sizeof *common; i++)
		allowed[k++] = common[i];
	for (size_t i = 0; type_keys[n->type][i]; i++)
		allowed[k++] = type_keys[n->type][i];
	allowed[k] = NULL;
	char what[160];
	snprintf(what, sizeof what, _("%s '%s'"), node_type_name(n->type), n->id);
	check_map(c, map, what, allowed, required);

	n->title = get_text(c, map, "_title");
	n->text = get_text(c, map, "_text");
	n->level = get_int(c, map, "level", 1, 4, 1);
	n->example = get_str(c, map, "example");
	read_keywords(c, n, map);
	tree_read_aliases(c, n, yd_get(map, "aliases"));
	tree_read_evidence(c, n, yd_get(map, "evidence"));
	n->flow_step = get_int(c, map, "flow_step", 1, 6, 0);
	n->next_id = get_str(c, map, "next");
	switch (n->type) {
	case NODE_CHECK:
		n->probe = get_str(c, map, "probe");
		if (n->probe == NULL && yd_get(map, "probe") == NULL)
			report(c, AT(map), _("check '%s' has no 'probe'"), n->id);
		/* fall through */
	case NODE_QUESTION:
		read_choices(c, n, map, n->type == NODE_CHECK);
		break;
	case NODE_REMEDIATION:
		read_causes(c, n, map);
		break;
	case NODE_LINK:
		n->link_tree = get_str(c, map, "tree");
		n->link_section = get_str(c, map, "section");
		if (n->link_tree == NULL && yd_get(map, "tree") == NULL)
			report(c, AT(map), _("link '%s' has no 'tree'"), n->id);
		break;
	case NODE_INFO:
		break;
	}
}

/* ---- a tree ------------------------------------------------------------- */

node *tree_node_by_id(const tree *t, const char *id)
{
	for (size_t i = 0; i < t->nnodes; i++)
		if (t->nodes[i].id && strcmp(t->nodes[i].id, id) == 0)
			return &t->nodes[i];
	return NULL;
}

static const node *resolve_id(ctx *c, const tree *t, const char *id, const node *from,
			      const char *field)
{
	const node *target = tree_node_by_id(t, id);
	if (target == NULL)
		report(c, from->line, from->col, _("'%s' of '%s' names no node: '%s'"), field,
		       from->id, id);
	return target;
}

/* Depth is bounded by the node count, which the YAML limits bound. */
void node_mark_reachable(const node *n, char *seen)
{
	size_t i = (size_t)(n - n->tree->nodes);
	if (seen[i])
		return;
	seen[i] = 1;
	for (size_t k = 0; k < n->nchoices; k++)
		if (n->choices[k].next)
			node_mark_reachable(n->choices[k].next, seen);
	if (n->next)
		node_mark_reachable(n->next, seen);
}

static void resolve_tree(ctx *c, tree *t, const char *start_id, const yd_node *start_at)
{
	for (size_t i = 0; i < t->nnodes; i++) {
		node *n = &t->nodes[i];
		for (size_t k = 0; k < n->nchoices; k++)
			if (n->choices[k].next_id)
				n->choices[k].next = resolve_id(c, t, n->choices[k].next_id, n, "next");
		if (n->next_id)
			n->next = resolve_id(c, t, n->next_id, n, "next");
	}
	if (start_id && (t->start = tree_node_by_id(t, start_id)) == NULL)
		report(c, AT(start_at), _("'start' names no node: '%s'"), start_id);
	if (t->start == NULL || c->nerr)
		return;
	char *seen = alloc(c, t->nnodes, 1);
	if (seen == NULL)
		return;
	node_mark_reachable(t->start, seen);
	for (size_t i = 0; i < t->nnodes; i++)
		if (!seen[i])
			report(c, t->nodes[i].line, t->nodes[i].col,
			       _("node '%s' is not reached from 'start'"), t->nodes[i].id);
	free(seen);
}

static void read_nodes(ctx *c, tree *t, const yd_node *nodes)
{
	if (nodes->kind != YD_MAP || nodes->n == 0) {
		report(c, AT(nodes), _("'nodes' must be a non-empty mapping"));
		return;
	}
	if ((t->nodes = alloc(c, nodes->n / 2, sizeof *t->nodes)) == NULL)
		return;
	t->nnodes = nodes->n / 2;
	for (size_t i = 0; i < t->nnodes; i++) {
		t->nodes[i].tree = t;
		read_node(c, &t->nodes[i], nodes->items[2 * i], nodes->items[2 * i + 1]);
	}
}

static void tree_free(tree *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->nnodes; i++) {
		node *n = &t->nodes[i];
		for (size_t k = 0; k < n->ncauses; k++)
			free(n->causes[k].steps);
		free(n->causes);
		free(n->choices);
		free(n->keywords);
		tree_free_parts(n);
	}
	free(t->nodes);
	free((char *)t->file);
	yd_free(t->doc);
	free(t);
}

/* A check names a probe the program has, and outcomes a probe can give:
 * "ok", "other", or a section of the same tree. Positions come from the
 * document, which the tree keeps. */
static void check_probes(ctx *c, const tree *t)
{
	static const char *const probes[] = { "scep-url", NULL };
	const yd_node *nodes = yd_get(t->doc, "nodes");
	for (size_t i = 0; i < t->nnodes; i++) {
		const node *n = &t->nodes[i];
		const yd_node *map = nodes->items[2 * i + 1], *list = yd_get(map, "choices");
		if (n->type != NODE_CHECK)
			continue;
		if (n->probe && !is_one_of(n->probe, probes))
			report(c, AT(yd_get(map, "probe")),
			       _("check '%s' names an unknown probe '%s' (known: scep-url)"), n->id, n->probe);
		for (size_t k = 0; k < n->nchoices; k++) {
			const char *o = n->choices[k].outcome;
			if (o && strcmp(o, "ok") && strcmp(o, "other") && tree_node_by_id(t, o) == NULL)
				report(c, AT(yd_get(list->items[k], "outcome")),
				       _("outcome '%s' of check '%s' is not 'ok', 'other' or a section of "
					 "this tree"), o, n->id);
		}
	}
}

static tree *read_tree(ctx *c, yd_node *doc)
{
	static const char *const keys[] = { "id", "_title", "flow_step", "article", "start", "nodes", NULL };
	tree *t = alloc(c, 1, sizeof *t);
	if (t == NULL) {
		yd_free(doc);
		return NULL;
	}
	t->doc = doc;
	if ((t->file = strdup(c->file)) == NULL)
		report(c, 0, 0, "%s", strerror(ENOMEM));
	if (check_map(c, doc, _("a tree"), keys, keys) < 0 && doc->kind != YD_MAP)
		return t;
	t->id = get_str(c, doc, "id");
	if (t->id && !valid_id(t->id))
		report(c, AT(yd_get(doc, "id")), _("tree id '%s' may hold only a-z, 0-9 and '-'"), t->id);
	t->title = get_text(c, doc, "_title");
	t->article = get_str(c, doc, "article");
	t->flow_step = get_int(c, doc, "flow_step", 0, 6, 0);
	if (yd_get(doc, "nodes"))
		read_nodes(c, t, yd_get(doc, "nodes"));
	if (c->nerr == 0)
		resolve_tree(c, t, get_str(c, doc, "start"), yd_get(doc, "start"));
	if (c->nerr == 0)
		check_probes(c, t);
	return t;
}

/* ---- the set ------------------------------------------------------------ */

const tree *tree_set_tree(const tree_set *set, const char *id)
{
	for (size_t i = 0; i < set->ntrees; i++)
		if (strcmp(set->trees[i]->id, id) == 0)
			return set->trees[i];
	return NULL;
}

/* Validates DOC (taking it over) and adds the tree to SET. */
static int add_doc(tree_set *set, ctx *c, yd_node *doc, const yd_error *e)
{
	if (doc == NULL) {
		report(c, e->line, e->col, "%s", e->msg);
		return c->nerr;
	}
	tree *t = read_tree(c, doc);
	if (t == NULL)
		return c->nerr;
	if (c->nerr == 0 && tree_set_tree(set, t->id))
		report(c, AT(yd_get(doc, "id")), _("tree id '%s' is already used by %s"), t->id,
		       tree_set_tree(set, t->id)->file);
	tree **trees = c->nerr ? NULL : realloc(set->trees, (set->ntrees + 1) * sizeof *trees);
	if (trees == NULL) {
		if (c->nerr == 0)
			report(c, 0, 0, "%s", strerror(ENOMEM));
		tree_free(t);
		return c->nerr;
	}
	set->trees = trees;
	set->trees[set->ntrees++] = t;
	return 0;
}

int tree_set_add_file(tree_set *set, const char *path, FILE *errs)
{
	ctx c = { path, errs, 0 };
	yd_error e;
	return add_doc(set, &c, yd_load_file(path, &e), &e);
}

int tree_set_add_buffer(tree_set *set, const char *name, const char *buf, size_t len, FILE *errs)
{
	ctx c = { name, errs, 0 };
	yd_error e;
	return add_doc(set, &c, yd_parse(buf, len, &e), &e);
}

static int yaml_name(const struct dirent *d)
{
	size_t n = strlen(d->d_name);
	return d->d_name[0] != '.' && n > 5 && strcmp(d->d_name + n - 5, ".yaml") == 0;
}

int tree_set_add_dir(tree_set *set, const char *dir, FILE *errs)
{
	struct dirent **names;
	int n = scandir(dir, &names, yaml_name, alphasort);
	if (n < 0) {
		ctx c = { dir, errs, 0 };
		report(&c, 0, 0, "%s", strerror(errno));
		return 1;
	}
	int nerr = 0;
	for (int i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
		nerr += tree_set_add_file(set, path, errs);
		free(names[i]);
	}
	free(names);
	return nerr;
}

int tree_set_resolve(tree_set *set, FILE *errs)
{
	int nerr = 0;
	for (size_t i = 0; i < set->ntrees; i++) {
		tree *t = set->trees[i];
		ctx c = { t->file, errs, 0 };
		for (size_t k = 0; k < t->nnodes; k++) {
			node *n = &t->nodes[k];
			if (n->type != NODE_LINK)
				continue;
			const tree *target = tree_set_tree(set, n->link_tree);
			if (target == NULL)
				report(&c, n->line, n->col, _("link '%s' names no tree: '%s'"), n->id,
				       n->link_tree);
			else if (n->link_section == NULL)
				n->link = target->start;
			else if ((n->link = tree_node_by_id(target, n->link_section)) == NULL)
				report(&c, n->line, n->col, _("link '%s' names no section of %s: '%s'"),
				       n->id, n->link_tree, n->link_section);
			/* Also when the target is a tree whose start is a link: one hop
			 * must always land on a section (see node_follow). */
			if (n->link && n->link->type == NODE_LINK)
				report(&c, n->line, n->col, _("link '%s' leads to another link"), n->id);
		}
		nerr += c.nerr;
	}
	tree_mark_answer_contexts(set);
	return nerr + tree_check_parts(set, errs);
}

void tree_set_clear(tree_set *set)
{
	for (size_t i = 0; i < set->ntrees; i++)
		tree_free(set->trees[i]);
	free(set->trees);
	set->trees = NULL;
	set->ntrees = 0;
}
