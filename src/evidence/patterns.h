/* The trees' evidence patterns as one index: each pattern is a finding kind
 * (registered with the finding table, so `explain`, sessions and reports know
 * it) and a matcher over log records. Pure: no I/O. */
#ifndef SCEPWIZ_PATTERNS_H
#define SCEPWIZ_PATTERNS_H

#include "evidence/finding.h"
#include "logs/record.h"
#include "tree.h"

/* One `where` field compiled: most globs are a plain string, a prefix, a
 * suffix or "*text*", compared without fnmatch. */
typedef struct {
	const char *field;
	const char *glob;
	int mode;                /* how GLOB compares (patterns.c) */
	const char *lit;         /* the glob without its outer '*'s */
	size_t len;
	size_t *slot;            /* where FIELD stood in the last record's fields */
	const char **slot_name;  /* and the name string it had there */
} where_test;

typedef struct {
	const evidence_pattern *pattern;
	const node *node;        /* the section it points to */
	finding_kind kind;       /* code, severity, section, message = node title */
	where_test *tests;       /* pattern->nwhere of them */
} indexed_pattern;

/* The patterns of one reader's records, so a record is tried only against
 * the patterns of its own kind. */
typedef struct {
	const char *kind;
	size_t *idx;
	size_t n;
} kind_patterns;

typedef struct {
	indexed_pattern *v;
	size_t n;
	finding_kind *kinds;     /* the copy registered with the finding table */
	kind_patterns *bykind;
	size_t nbykind;
	where_test *tests;       /* every pattern's, in one array */
	size_t *slots;           /* the where tests' field positions */
	const char **slot_names;
} evidence_index;

/* Indexes every pattern of SET and registers their kinds. Returns 0, or -1
 * when memory ran out. */
int evidence_index_build(evidence_index *ix, const tree_set *set);
void evidence_index_free(evidence_index *ix);

/* The indexed pattern of kind K, or NULL when K is a built-in kind. */
const indexed_pattern *evidence_pattern_of(const evidence_index *ix, const finding_kind *k);

/* The indexes in IX->v of the patterns for records of KIND; *N gets how
 * many. */
const size_t *evidence_candidates(const evidence_index *ix, const char *kind, size_t *n);

/* 1 when record R matches pattern P: same reader, every `where` glob matches
 * its field, and the text holds `contains` (both without case). */
int evidence_matches(const indexed_pattern *p, const log_record *r);
/* The same for a record already known to be of P's reader (a candidate). */
int evidence_matches_fields(const indexed_pattern *p, const log_record *r);

/* 1 when HAY holds NEEDLE, ASCII letters compared without case. */
int evidence_holds(const char *hay, const char *needle, size_t len);

#endif
