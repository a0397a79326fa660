/* Just enough XML for the records Windows writes one after another without
 * a root (WCF's E2ETraceEvent, <Event>): find an element, read an attribute,
 * read text with its entities decoded. Not a general parser: elements of one
 * name are not nested, and a malformed record gives empty values, never an
 * overrun. */
#ifndef SCEPWIZ_LOGS_XMLSCAN_H
#define SCEPWIZ_LOGS_XMLSCAN_H

#include <stddef.h>

typedef struct {
	const char *tag, *tag_end;      /* the start tag, '<' to '>' inclusive */
	const char *body, *body_end;    /* its content (empty when <x/>) */
	const char *next;               /* just past the element */
} xml_elem;

/* The first start tag of NAME in [S, END), or NULL. */
const char *xml_find_open(const char *s, const char *end, const char *name);
/* The first element NAME in [S, END): 1, or 0 when there is none. */
int xml_find(const char *s, const char *end, const char *name, xml_elem *e);
/* The value of attribute ATTR of E's start tag, decoded into OUT (CAP > 0,
 * NUL-terminated, cut to fit): its length, or -1 when the tag has none. */
long xml_attr(const xml_elem *e, const char *attr, char *out, size_t cap);
/* The text in [S, END) with tags dropped, entities and CDATA decoded and runs
 * of white space made one space, into OUT as for xml_attr: its length. */
size_t xml_text(const char *s, const char *end, char *out, size_t cap);

#endif
