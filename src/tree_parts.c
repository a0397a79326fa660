/* Aliases and evidence patterns: the parts of a node that tie it to other
 * revisions' anchors and to the log lines that point to it. */
#include <config.h>

#include "tree_parts.h"
#include "i18n.h"
#include "logs/vocab.h"
#include "strbuf.h"
#include "suggest.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define AT(n) (n)->line, (n)->col

static void problem(struct tree_ctx *c, const yd_node *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void problem(struct tree_ctx *c, const yd_node *at, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	tree_report(c, AT(at), msg);
}

/* A value from the file, made printable for a message. */
static const char *shown(const char *s, char *buf, size_t size)
{
	char *t = untrusted_text(s, strlen(s), 80);
	snprintf(buf, size, "%s", t ? t : "");
	free(t);
	return buf;
}

static int is_id(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

/* The list V, or NULL after a report when it isn't a non-empty list. */
static const yd_node *list_of(struct tree_ctx *c, const yd_node *v, const char *key)
{
	if (v->kind != YD_SEQ)
		problem(c, v, _("'%s' must be a list"), key);
	else if (v->n == 0)
		problem(c, v, _("'%s' must not be empty"), key);
	else
		return v;
	return NULL;
}

void tree_read_aliases(struct tree_ctx *c, node *n, const yd_node *v)
{
	const yd_node *list = v ? list_of(c, v, "aliases") : NULL;
	if (list == NULL || (n->aliases = calloc(list->n, sizeof *n->aliases)) == NULL)
		return;
	for (size_t i = 0; i < list->n; i++) {
		const yd_node *a = list->items[i];
		char buf[100];
		if (a->kind != YD_SCALAR || !is_id(a->str))
			problem(c, a, _("an alias must be an anchor of a-z, 0-9 and '-' (not '%s')"),
				a->kind == YD_SCALAR ? shown(a->str, buf, sizeof buf) : "…");
		else
			n->aliases[n->naliases++] = a->str;
	}
}

/* ---- evidence ------------------------------------------------------------ */

static const char *const pattern_keys[] = { "code", "log", "where", "contains", "severity", NULL };

static int is_pattern_key(const char *k)
{
	for (size_t i = 0; pattern_keys[i]; i++)
		if (strcmp(k, pattern_keys[i]) == 0)
			return 1;
	return 0;
}

static void read_where(struct tree_ctx *c, evidence_pattern *p, const yd_node *w,
		       const log_kind *kind)
{
	char buf[100];
	if (w->kind != YD_MAP || w->n == 0) {
		problem(c, w, _("'where' must be a non-empty mapping of field to pattern"));
		return;
	}
	if ((p->where = calloc(w->n, sizeof *p->where)) == NULL)
		return;
	for (size_t i = 0; i < w->n; i += 2) {
		const yd_node *f = w->items[i], *g = w->items[i + 1];
		if (kind && !log_kind_has_field(kind, f->str)) {
			problem(c, f, _("the %s log has no field '%s'"), kind->kind,
				shown(f->str, buf, sizeof buf));
			continue;
		}
		if (g->kind != YD_SCALAR || *g->str == '\0') {
			problem(c, g, _("the pattern for '%s' must be a non-empty string"),
				shown(f->str, buf, sizeof buf));
			continue;
		}
		p->where[2 * p->nwhere] = f->str;
		p->where[2 * p->nwhere + 1] = g->str;
		p->nwhere++;
	}
}

static const char *scalar(struct tree_ctx *c, const yd_node *m, const char *key)
{
	const yd_node *v = yd_get(m, key);
	if (v == NULL)
		return NULL;
	if (v->kind != YD_SCALAR || *v->str == '\0') {
		problem(c, v, _("'%s' must be a non-empty string"), key);
		return NULL;
	}
	return v->str;
}

static void read_pattern(struct tree_ctx *c, const node *n, evidence_pattern *p,
			 const yd_node *m, size_t index)
{
	char buf[100];
	for (size_t i = 0; i < m->n; i += 2)
		if (!is_pattern_key(m->items[i]->str))
			problem(c, m->items[i], _("unknown key '%s' in an evidence pattern"),
				shown(m->items[i]->str, buf, sizeof buf));
	p->line = m->line;
	p->col = m->col;
	p->log = scalar(c, m, "log");
	const log_kind *kind = p->log ? log_kind_find(p->log) : NULL;
	if (p->log == NULL)
		problem(c, m, _("an evidence pattern needs 'log' (the reader: iis, event, …)"));
	else if (kind == NULL)
		problem(c, yd_get(m, "log"), _("unknown log '%s'"), shown(p->log, buf, sizeof buf));
	if (yd_get(m, "where"))
		read_where(c, p, yd_get(m, "where"), kind);
	p->contains = scalar(c, m, "contains");
	if (!yd_get(m, "where") && !yd_get(m, "contains"))
		problem(c, m, _("an evidence pattern needs 'where' or 'contains'"));
	const char *sev = scalar(c, m, "severity");
	p->sev = SEV_PROBLEM;
	if (sev && severity_parse(sev) < 0)
		problem(c, yd_get(m, "severity"), _("severity must be ok, info, warning or problem"));
	else if (sev)
		p->sev = (severity)severity_parse(sev);
	const char *code = scalar(c, m, "code");
	if (code && !is_id(code))
		problem(c, yd_get(m, "code"), _("a code may hold only a-z, 0-9 and '-'"));
	/* NODE for a node's first pattern, NODE-2, NODE-3, … for the next. */
	char own[160];
	if (code == NULL && index == 0)
		code = n->id;
	else if (code == NULL && snprintf(own, sizeof own, "%s-%zu", n->id, index + 1) > 0)
		code = own;
	p->code = strdup(code);
}

void tree_read_evidence(struct tree_ctx *c, node *n, const yd_node *v)
{
	const yd_node *list = v ? list_of(c, v, "evidence") : NULL;
	if (list == NULL || (n->evidence = calloc(list->n, sizeof *n->evidence)) == NULL)
		return;
	n->nevidence = list->n;
	for (size_t i = 0; i < list->n; i++) {
		const yd_node *m = list->items[i];
		if (m->kind != YD_MAP) {
			problem(c, m, _("an evidence pattern must be a mapping"));
			continue;
		}
		read_pattern(c, n, &n->evidence[i], m, i);
	}
}

void tree_free_parts(node *n)
{
	for (size_t i = 0; i < n->nevidence; i++) {
		free(n->evidence[i].where);
		free((char *)n->evidence[i].code);
	}
	free(n->evidence);
	free(n->aliases);
}

const node *tree_find_alias(const tree *t, const char *alias)
{
	for (size_t i = 0; i < t->nnodes; i++)
		for (size_t k = 0; k < t->nodes[i].naliases; k++)
			if (strcmp(t->nodes[i].aliases[k], alias) == 0)
				return &t->nodes[i];
	return NULL;
}

/* ---- checks over the set ------------------------------------------------- */

static void set_problem(FILE *errs, const tree *t, unsigned line, unsigned col,
			const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void set_problem(FILE *errs, const tree *t, unsigned line, unsigned col,
			const char *fmt, ...)
{
	va_list ap;
	if (errs == NULL)
		return;
	fprintf(errs, "%s:%u:%u: %s", t->file, line, col, _("error: "));
	va_start(ap, fmt);
	vfprintf(errs, fmt, ap);
	va_end(ap);
	fputc('\n', errs);
}

static int check_aliases(const tree *t, FILE *errs)
{
	int nerr = 0;
	for (size_t i = 0; i < t->nnodes; i++)
		for (size_t k = 0; k < t->nodes[i].naliases; k++) {
			const char *a = t->nodes[i].aliases[k];
			const node *owner = tree_find_alias(t, a);
			int is_node = 0;
			for (size_t j = 0; j < t->nnodes; j++)
				is_node |= strcmp(t->nodes[j].id, a) == 0;
			if (is_node || owner != &t->nodes[i]) {
				set_problem(errs, t, t->nodes[i].line, t->nodes[i].col,
					    _("alias '%s' of '%s' already names another section"), a,
					    t->nodes[i].id);
				nerr++;
			}
		}
	return nerr;
}

typedef struct {
	const char *code;
	const tree *t;
	const node *n;
} code_at;

static int by_code(const void *a, const void *b)
{
	const code_at *x = a, *y = b;
	int d = strcmp(x->code, y->code);
	/* Equal codes keep the set's order, so the later one is reported. */
	return d ? d : (x < y ? -1 : x > y);
}

static int check_codes(const tree_set *set, FILE *errs)
{
	size_t n = 0, cap = 0;
	code_at *all = NULL;
	for (size_t i = 0; i < set->ntrees; i++)
		for (size_t k = 0; k < set->trees[i]->nnodes; k++) {
			const node *nd = &set->trees[i]->nodes[k];
			for (size_t e = 0; e < nd->nevidence; e++) {
				if (nd->evidence[e].code == NULL)
					continue;
				if (n == cap) {
					code_at *v = realloc(all, (cap = cap ? 2 * cap : 64) * sizeof *v);
					if (v == NULL) {
						free(all);
						return 1;
					}
					all = v;
				}
				all[n++] = (code_at){ nd->evidence[e].code, set->trees[i], nd };
			}
		}
	if (n > 1)
		qsort(all, n, sizeof *all, by_code);
	int nerr = 0;
	for (size_t i = 1; i < n; i++)
		if (strcmp(all[i].code, all[i - 1].code) == 0) {
			set_problem(errs, all[i].t, all[i].n->line, all[i].n->col,
				    _("evidence code '%s' of '%s' is used twice: give the pattern its own 'code'"),
				    all[i].code, all[i].n->id);
			nerr++;
		}
	free(all);
	return nerr;
}

int tree_check_parts(const tree_set *set, FILE *errs)
{
	int nerr = check_codes(set, errs);
	for (size_t i = 0; i < set->ntrees; i++)
		nerr += check_aliases(set->trees[i], errs);
	return nerr;
}

/* ---- did you mean -------------------------------------------------------- */

static int push(char ***v, size_t *n, size_t *cap, char *s)
{
	if (s == NULL)
		return -1;
	if (*n == *cap) {
		char **w = realloc(*v, (*cap = *cap ? 2 * *cap : 256) * sizeof *w);
		if (w == NULL) {
			free(s);
			return -1;
		}
		*v = w;
	}
	(*v)[(*n)++] = s;
	return 0;
}

size_t tree_set_suggest(const tree_set *set, const char *spec, char **out, size_t max)
{
	char **names = NULL, buf[300];
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < set->ntrees; i++) {
		const tree *t = set->trees[i];
		push(&names, &n, &cap, strdup(t->id));
		for (size_t k = 0; k < t->nnodes; k++) {
			push(&names, &n, &cap, strdup(tree_set_spec(set, &t->nodes[k], buf, sizeof buf)));
			for (size_t a = 0; a < t->nodes[k].naliases; a++)
				push(&names, &n, &cap, strdup(t->nodes[k].aliases[a]));
		}
	}
	const char **best = calloc(max ? max : 1, sizeof *best);
	size_t found = best ? suggest_closest(spec, (const char *const *)names, n, best, max) : 0;
	for (size_t i = 0; i < found; i++)
		out[i] = strdup(best[i]);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(best);
	return found;
}
