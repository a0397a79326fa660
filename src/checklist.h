/* The remediation checklist: what an engineer hands the customer at the end
 * of a walk, as plain text (80 columns, for a printer) or Markdown. */
#ifndef SCEPWIZ_CHECKLIST_H
#define SCEPWIZ_CHECKLIST_H

#include <stdio.h>

#include "engine.h"
#include "marks.h"

typedef enum { CHECKLIST_TEXT, CHECKLIST_MARKDOWN } checklist_format;

typedef struct {
	const char *date;             /* when, as the reader should see it */
	const char *engineer;         /* optional */
	const char *ticket;           /* optional */
	const char *url;              /* the SCEP URL tested, optional */
	const walk *walk;             /* the path walked (up to its current entry), or NULL */
	const node *const *sections;  /* remediations to list when there is no walk */
	size_t nsections;
	const char *const *findings;  /* live check findings, one line each */
	size_t nfindings;
	const marks *marks;           /* steps done and causes ruled out, or NULL */
} checklist;

/* Writes the checklist in the current language; returns 0, or -1 when
 * writing failed (errno says why). */
int checklist_write(FILE *out, const checklist *c, checklist_format format);

/* The public address of an article, from a tree's `article` field. */
const char *checklist_article_url(const char *article, char *buf, size_t size);

#endif
