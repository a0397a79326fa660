/* The report of many URLs checked in one run (`scepwiz check URL...` or
 * --from): a line per URL for people, one YAML document whose `results:`
 * are the single reports, for scripts (schema in README.md). */
#ifndef SCEPWIZ_REPORT_MANY_H
#define SCEPWIZ_REPORT_MANY_H

#include "check.h"

#include <stdio.h>

/* How many of the N reports found a problem (exit 1 when any). */
size_t report_many_with_problems(const check_report *reps, size_t n);

/* One line per URL, in the order given: the URL (its password hidden), the
 * outcome ("-" for a URL refused before anything was fetched), the number
 * of problems and the first problem's code and section; then a total. */
void report_many_text(const check_report *reps, size_t n, FILE *out);

/* urls, with_problems and results: one item per URL, each the document
 * `scepwiz check URL --format yaml` writes. 0, or -1 when the YAML could
 * not be written. */
int report_many_yaml(const check_report *reps, size_t n, FILE *out);

#endif
