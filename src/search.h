/* Search across every tree, for the wizard's '/' screen: a support engineer
 * types what they see (a status code, an event ID, a log string, an old
 * product name) and gets every section that mentions it. */
#ifndef SCEPWIZ_SEARCH_H
#define SCEPWIZ_SEARCH_H

#include "tree.h"

/* The nodes of SET that hold every word of QUERY (split on spaces), each
 * anywhere in the translated text as it is shown now (tr()), in an
 * untranslated string (example, keyword, command, path, value) or in the
 * node's id, ignoring case and accents ("autenticacion" finds
 * "autenticación"). Best first: nodes with every word in their title, then
 * in their translated text, then the rest; tree order (trees as loaded,
 * nodes in article order) within each. Returns how many and sets *HITS to a
 * malloc'd array (free it); an empty query finds nothing. Returns 0 and
 * NULL when memory runs out. */
size_t search_nodes(const tree_set *set, const char *query, const node ***hits);

/* Where QUERY's first word occurs in N, when N holds every word: the first
 * of its strings that holds it, in the order search ranks them (title,
 * translated text, literals, id), with the byte offset of the match in *AT;
 * NULL when N does not match. The wizard shows the words around it under
 * each result. */
const char *search_match(const node *n, const char *query, size_t *at);

#endif
