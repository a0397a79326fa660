/* From a pasted line or code to the sections: the evidence patterns first
 * (they say what a line means), then every section that mentions it. */
#include <config.h>

#include "explain_text.h"
#include "search.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int holds(const char *hay, const char *needle)
{
	return *needle && evidence_holds(hay, needle, strlen(needle));
}

/* "event 31", "event id 31", "Event ID: 31": the number, or -1. */
static long event_id(const char *pasted)
{
	const char *s = pasted;
	while (isspace((unsigned char)*s))
		s++;
	if (strncasecmp(s, "event", 5) != 0)
		return -1;
	s += 5;
	while (*s && !isdigit((unsigned char)*s) && (isspace((unsigned char)*s) || strchr("iIdD:#", *s)))
		s++;
	char *end;
	long id = strtol(s, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	return end != s && *end == '\0' && id >= 0 ? id : -1;
}

/* Whether pattern P explains TEXT: its `contains` stands in the text (a
 * pasted line) or the text in it (a pasted code), or an event pattern has
 * the ID asked for, or a `where` value without wildcards is the text. */
static int explains(const evidence_pattern *p, const char *pasted, long id)
{
	if (id >= 0) {
		char want[24];
		snprintf(want, sizeof want, "%ld", id);
		for (size_t i = 0; i < p->nwhere; i++)
			if (strcasecmp(p->where[2 * i], "id") == 0 && strcmp(p->where[2 * i + 1], want) == 0)
				return 1;
		return 0;
	}
	if (p->contains && (holds(pasted, p->contains) || (strlen(pasted) >= 4 && holds(p->contains, pasted))))
		return 1;
	for (size_t i = 0; i < p->nwhere; i++) {
		const char *v = p->where[2 * i + 1];
		if (!strpbrk(v, "*?[") && strcasecmp(v, pasted) == 0)
			return 1;
	}
	return 0;
}

static int listed(const explain_hit *out, size_t n, const node *nd)
{
	for (size_t i = 0; i < n; i++)
		if (out[i].node == nd)
			return 1;
	return 0;
}

size_t explain_text(const char *pasted, const tree_set *set, const evidence_index *ix,
		    explain_hit *out, size_t max)
{
	size_t n = 0;
	long id = event_id(pasted);
	for (size_t i = 0; i < ix->n && n < max; i++)
		if (explains(ix->v[i].pattern, pasted, id) && !listed(out, n, ix->v[i].node))
			out[n++] = (explain_hit){ ix->v[i].node, &ix->v[i] };
	const node **hits = NULL;
	size_t nhits = id >= 0 ? 0 : search_nodes(set, pasted, &hits);
	for (size_t i = 0; i < nhits && n < max; i++)
		if (!listed(out, n, hits[i]) && hits[i]->type != NODE_LINK)
			out[n++] = (explain_hit){ hits[i], NULL };
	free(hits);
	return n;
}
