/* Finding a section: by id, by alias (another revision's anchor), as
 * TREE/ID where trees share an id, or by a tree's id (its start). */
#include <config.h>

#include "tree.h"
#include "tree_parts.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

const node *tree_set_find(const tree_set *set, const char *spec, int *ambiguous)
{
	const node *found = NULL;
	const char *slash = strchr(spec, '/');
	*ambiguous = 0;
	if (slash) {
		for (size_t i = 0; i < set->ntrees; i++) {
			const tree *t = set->trees[i];
			if (strlen(t->id) == (size_t)(slash - spec) && strncmp(t->id, spec, slash - spec) == 0) {
				const node *n = tree_node_by_id(t, slash + 1);
				return n ? n : tree_find_alias(t, slash + 1);
			}
		}
		return NULL;
	}
	for (size_t i = 0; i < set->ntrees; i++) {
		const node *n = tree_node_by_id(set->trees[i], spec);
		if (n == NULL)
			n = tree_find_alias(set->trees[i], spec);
		if (n && found)
			*ambiguous = 1;
		if (n && !found)
			found = n;
	}
	if (found == NULL && tree_set_tree(set, spec))
		found = tree_set_tree(set, spec)->start;
	return *ambiguous ? NULL : found;
}

const char *tree_set_spec(const tree_set *set, const node *n, char *buf, size_t size)
{
	int ambiguous;
	tree_set_find(set, n->id, &ambiguous);
	if (ambiguous)
		snprintf(buf, size, "%s/%s", n->tree->id, n->id);
	else
		snprintf(buf, size, "%s", n->id);
	return buf;
}

const char *tree_set_title(const tree_set *set, const node *n, char *buf, size_t size)
{
	int ambiguous;
	tree_set_find(set, n->id, &ambiguous);
	if (ambiguous && n != n->tree->start)
		snprintf(buf, size, "%s › %s", tr(n->tree->title.s), tr(n->title.s));
	else
		snprintf(buf, size, "%s", tr(n->title.s));
	return buf;
}
