/* The trees' evidence patterns: indexed once, compiled, matched against
 * every record. The log scan calls evidence_matches for every record of a
 * customer's logs, so the common globs skip fnmatch and a field's position
 * is remembered from one record to the next. */
#include <config.h>

#include "evidence/patterns.h"

#include <ctype.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MATCH_EXACT, MATCH_PREFIX, MATCH_SUFFIX, MATCH_HOLDS, MATCH_GLOB };

static size_t count_patterns(const tree_set *set, size_t *nwhere)
{
	size_t n = 0;
	*nwhere = 0;
	for (size_t i = 0; i < set->ntrees; i++)
		for (size_t k = 0; k < set->trees[i]->nnodes; k++) {
			const node *nd = &set->trees[i]->nodes[k];
			n += nd->nevidence;
			for (size_t e = 0; e < nd->nevidence; e++)
				*nwhere += nd->evidence[e].nwhere;
		}
	return n;
}

/* "text", "text*", "*text", "*text*", or anything else for fnmatch. */
static void compile(where_test *t, const char *field, const char *glob, size_t *slot,
		    const char **slot_name)
{
	size_t n = strlen(glob);
	int lead = glob[0] == '*', trail = n > 1 && glob[n - 1] == '*';
	const char *inner = glob + lead;
	size_t len = n - lead - trail;
	int plain = strcspn(inner, "*?[\\") >= len;
	*t = (where_test){ field, glob, MATCH_GLOB, inner, len, slot, slot_name };
	if (plain)
		t->mode = lead && trail ? MATCH_HOLDS : lead ? MATCH_SUFFIX : trail ? MATCH_PREFIX
										  : MATCH_EXACT;
}

static int add_kind(evidence_index *ix, const char *kind, size_t pattern)
{
	kind_patterns *k = NULL;
	for (size_t i = 0; i < ix->nbykind && !k; i++)
		if (strcasecmp(ix->bykind[i].kind, kind) == 0)
			k = &ix->bykind[i];
	if (k == NULL) {
		kind_patterns *v = realloc(ix->bykind, (ix->nbykind + 1) * sizeof *v);
		if (v == NULL)
			return -1;
		ix->bykind = v;
		k = &v[ix->nbykind++];
		*k = (kind_patterns){ kind, NULL, 0 };
	}
	size_t *idx = realloc(k->idx, (k->n + 1) * sizeof *idx);
	if (idx == NULL)
		return -1;
	k->idx = idx;
	k->idx[k->n++] = pattern;
	return 0;
}

static int by_cost(const void *a, const void *b)
{
	return ((const where_test *)a)->mode - ((const where_test *)b)->mode;
}

static int index_node(evidence_index *ix, const tree_set *set, const node *n, where_test **tests,
		      size_t **slots, const char ***names)
{
	char spec[300];
	for (size_t e = 0; e < n->nevidence; e++) {
		const evidence_pattern *p = &n->evidence[e];
		indexed_pattern *ip = &ix->v[ix->n];
		ip->pattern = p;
		ip->node = n;
		ip->kind = (finding_kind){ p->code, p->sev, strdup(tree_set_spec(set, n, spec, sizeof spec)),
					   n->title.s, p->log, n->tree->title.s };
		ip->tests = *tests;
		for (size_t w = 0; w < p->nwhere; w++)
			compile((*tests)++, p->where[2 * w], p->where[2 * w + 1], (*slots)++, (*names)++);
		/* The cheapest comparisons first: most records fail on them. */
		qsort(ip->tests, p->nwhere, sizeof *ip->tests, by_cost);
		if (ip->kind.section == NULL || add_kind(ix, p->log, ix->n) < 0)
			return -1;
		ix->n++;
	}
	return 0;
}

int evidence_index_build(evidence_index *ix, const tree_set *set)
{
	size_t nwhere, total = count_patterns(set, &nwhere);
	*ix = (evidence_index){ 0 };
	if (total == 0)
		return 0;
	ix->v = calloc(total, sizeof *ix->v);
	ix->slots = calloc(nwhere + 1, sizeof *ix->slots);
	ix->slot_names = calloc(nwhere + 1, sizeof *ix->slot_names);
	where_test *tests = ix->tests = calloc(nwhere + 1, sizeof *tests);
	if (ix->v == NULL || ix->slots == NULL || ix->slot_names == NULL || tests == NULL)
		return -1;
	size_t *slots = ix->slots;
	const char **names = ix->slot_names;
	for (size_t i = 0; i < set->ntrees; i++)
		for (size_t k = 0; k < set->trees[i]->nnodes; k++)
			if (index_node(ix, set, &set->trees[i]->nodes[k], &tests, &slots, &names) < 0)
				return -1;
	/* finding_kinds_register keeps a pointer to an array of kinds; the
	 * kinds live inside the indexed patterns, so register a copy. */
	if ((ix->kinds = calloc(ix->n, sizeof *ix->kinds)) == NULL)
		return -1;
	for (size_t i = 0; i < ix->n; i++)
		ix->kinds[i] = ix->v[i].kind;
	finding_kinds_register(ix->kinds, ix->n);
	return 0;
}

void evidence_index_free(evidence_index *ix)
{
	for (size_t i = 0; i < ix->n; i++)
		free((char *)ix->v[i].kind.section);
	for (size_t i = 0; i < ix->nbykind; i++)
		free(ix->bykind[i].idx);
	free(ix->bykind);
	free(ix->tests);
	free(ix->kinds);
	free(ix->slots);
	free(ix->slot_names);
	finding_kinds_register(NULL, 0);
	free(ix->v);
	*ix = (evidence_index){ 0 };
}

const indexed_pattern *evidence_pattern_of(const evidence_index *ix, const finding_kind *k)
{
	for (size_t i = 0; k && i < ix->n; i++)
		if (strcmp(ix->v[i].pattern->code, k->code) == 0)
			return &ix->v[i];
	return NULL;
}

const size_t *evidence_candidates(const evidence_index *ix, const char *kind, size_t *n)
{
	for (size_t i = 0; i < ix->nbykind; i++)
		if (strcasecmp(ix->bykind[i].kind, kind) == 0) {
			*n = ix->bykind[i].n;
			return ix->bykind[i].idx;
		}
	*n = 0;
	return NULL;
}

/* Log strings are matched byte for byte, ASCII letters without case (never
 * the locale's rules). */
int evidence_holds(const char *hay, const char *needle, size_t len)
{
	if (len == 0)
		return 1;
	int lo = tolower((unsigned char)needle[0]), up = toupper((unsigned char)needle[0]);
	for (const char *s = hay; *s; s++)
		if ((*s == lo || *s == up) && strncasecmp(s, needle, len) == 0)
			return 1;
	return 0;
}

/* Field NAME of R, looked for first where it stood in the last record: a
 * reader names every record of a header block with the same strings. */
static const char *field(const log_record *r, const where_test *t)
{
	size_t i = *t->slot;
	if (i < r->nfields && r->fields[i].name == *t->slot_name)
		return r->fields[i].value;
	for (i = 0; i < r->nfields; i++)
		if (strcasecmp(r->fields[i].name, t->field) == 0) {
			*t->slot = i;
			*t->slot_name = r->fields[i].name;
			return r->fields[i].value;
		}
	return NULL;
}

static int test(const where_test *t, const char *v)
{
	size_t n;
	switch (t->mode) {
	case MATCH_EXACT:
		/* Most values differ at once (a status 200 tested for 500). */
		return tolower((unsigned char)*v) == tolower((unsigned char)*t->lit) &&
		       strcasecmp(v, t->lit) == 0;
	case MATCH_PREFIX: return strncasecmp(v, t->lit, t->len) == 0;
	case MATCH_SUFFIX:
		n = strlen(v);
		return n >= t->len && strncasecmp(v + n - t->len, t->lit, t->len) == 0;
	case MATCH_HOLDS: return evidence_holds(v, t->lit, t->len);
	}
	return fnmatch(t->glob, v, FNM_CASEFOLD) == 0;
}

int evidence_matches(const indexed_pattern *p, const log_record *r)
{
	return strcasecmp(p->pattern->log, r->kind) == 0 && evidence_matches_fields(p, r);
}

int evidence_matches_fields(const indexed_pattern *p, const log_record *r)
{
	for (size_t i = 0; i < p->pattern->nwhere; i++) {
		const char *v = field(r, &p->tests[i]);
		if (v == NULL || !test(&p->tests[i], v))
			return 0;
	}
	const char *c = p->pattern->contains;
	return c == NULL || (r->text && evidence_holds(r->text, c, strlen(c)));
}
