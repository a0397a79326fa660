/* The trees' evidence patterns: indexed once, matched against every record. */
#include <config.h>

#include "evidence/patterns.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static size_t count_patterns(const tree_set *set)
{
	size_t n = 0;
	for (size_t i = 0; i < set->ntrees; i++)
		for (size_t k = 0; k < set->trees[i]->nnodes; k++)
			n += set->trees[i]->nodes[k].nevidence;
	return n;
}

int evidence_index_build(evidence_index *ix, const tree_set *set)
{
	*ix = (evidence_index){ 0 };
	size_t total = count_patterns(set);
	if (total == 0)
		return 0;
	if ((ix->v = calloc(total, sizeof *ix->v)) == NULL)
		return -1;
	for (size_t i = 0; i < set->ntrees; i++)
		for (size_t k = 0; k < set->trees[i]->nnodes; k++) {
			const node *n = &set->trees[i]->nodes[k];
			char spec[300];
			for (size_t e = 0; e < n->nevidence; e++) {
				const evidence_pattern *p = &n->evidence[e];
				indexed_pattern *ip = &ix->v[ix->n++];
				ip->pattern = p;
				ip->node = n;
				ip->kind = (finding_kind){ p->code, p->sev,
							   strdup(tree_set_spec(set, n, spec, sizeof spec)),
							   n->title.s, p->log, n->tree->title.s };
			}
		}
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
	free(ix->kinds);
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

/* strcasestr without the locale: log strings are matched byte for byte,
 * ASCII letters without case. */
static int holds(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *s = hay; *s; s++)
		if (strncasecmp(s, needle, n) == 0)
			return 1;
	return n == 0;
}

int evidence_matches(const evidence_pattern *p, const log_record *r)
{
	if (strcasecmp(p->log, r->kind) != 0)
		return 0;
	for (size_t i = 0; i < p->nwhere; i++) {
		const char *v = log_record_field(r, p->where[2 * i]);
		if (v == NULL || fnmatch(p->where[2 * i + 1], v, FNM_CASEFOLD) != 0)
			return 0;
	}
	return p->contains == NULL || (r->text && holds(r->text, p->contains));
}
