/* `scepwiz explain TEXT`: what a pasted log line, an error code
 * (0x80094800, 12175, badMessageCheck) or "event 31" means, answered with
 * the sections of the articles. Pure over the trees and their patterns. */
#ifndef SCEPWIZ_EXPLAIN_TEXT_H
#define SCEPWIZ_EXPLAIN_TEXT_H

#include "evidence/patterns.h"
#include "tree.h"

#include <stddef.h>

typedef struct {
	const node *node;
	const indexed_pattern *pattern;   /* the evidence it matched, or NULL: the
					   * section only mentions the text */
} explain_hit;

/* The sections TEXT points to, best first: evidence patterns it matches,
 * then sections that mention it. Fills at most MAX; returns how many. */
size_t explain_text(const char *pasted, const tree_set *set, const evidence_index *ix,
		    explain_hit *out, size_t max);

#endif
