/* What `scepwiz logs` prints: text for people (translated), YAML for
 * scripts (schema in README.md, "scepwiz logs --format yaml"). */
#ifndef SCEPWIZ_LOGS_REPORT_H
#define SCEPWIZ_LOGS_REPORT_H

#include "evidence/logscan.h"
#include "tree.h"

#include <stdio.h>

void logs_report_text(const log_scan *s, const tree_set *set, FILE *out);
/* Returns 0, or -1 when the YAML could not be written. */
int logs_report_yaml(const log_scan *s, const tree_set *set, FILE *out);

#endif
