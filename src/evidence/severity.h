/* How much a finding matters. A leaf header: the tree format, the evidence
 * layer, reports and screens all name severities the same way. */
#ifndef SCEPWIZ_SEVERITY_H
#define SCEPWIZ_SEVERITY_H

typedef enum { SEV_OK, SEV_INFO, SEV_WARNING, SEV_PROBLEM } severity;

/* "ok", "info", "warning", "problem": untranslated, for YAML and sessions. */
const char *severity_name(severity s);
/* The label a person reads in a report, translated: "PROBLEM" shouts. */
const char *severity_label(severity s);
/* The severity named NAME; -1 when NAME is none of them. */
int severity_parse(const char *name);

#endif
