/* The live checks' report in the two forms `scepwiz check` writes: text for
 * people (translated) and YAML for scripts (schema in README.md). */
#ifndef SCEPWIZ_REPORT_H
#define SCEPWIZ_REPORT_H

#include "check.h"
#include "tree.h"
#include "yamlout.h"

#include <stdio.h>

/* SET, when not NULL, gives the sections' titles. */
void report_text_write(const check_report *rep, const tree_set *set, FILE *out);
/* Returns 0, or -1 when the YAML could not be written. */
int report_yaml_write(const check_report *rep, FILE *out);
/* The report as one YAML mapping into O (a document of several reports). */
void report_yaml_emit(yaml_out *o, const check_report *rep);

#endif
