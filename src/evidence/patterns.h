/* The trees' evidence patterns as one index: each pattern is a finding kind
 * (registered with the finding table, so `explain`, sessions and reports know
 * it) and a matcher over log records. Pure: no I/O. */
#ifndef SCEPWIZ_PATTERNS_H
#define SCEPWIZ_PATTERNS_H

#include "evidence/finding.h"
#include "logs/record.h"
#include "tree.h"

typedef struct {
	const evidence_pattern *pattern;
	const node *node;        /* the section it points to */
	finding_kind kind;       /* code, severity, section, message = node title */
} indexed_pattern;

typedef struct {
	indexed_pattern *v;
	size_t n;
	finding_kind *kinds;     /* the copy registered with the finding table */
} evidence_index;

/* Indexes every pattern of SET and registers their kinds. Returns 0, or -1
 * when memory ran out. */
int evidence_index_build(evidence_index *ix, const tree_set *set);
void evidence_index_free(evidence_index *ix);

/* The indexed pattern of kind K, or NULL when K is a built-in kind. */
const indexed_pattern *evidence_pattern_of(const evidence_index *ix, const finding_kind *k);

/* 1 when record R matches pattern P: same reader, every `where` glob matches
 * its field, and the text holds `contains` (both without case). */
int evidence_matches(const evidence_pattern *p, const log_record *r);

#endif
