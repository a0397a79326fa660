/* What the unit tests over decision trees share: one tree set per test
 * program, the shipped trees loaded as a group setup, and finding a section
 * by its command-line name. Include after cmocka.h. */
#ifndef SCEPWIZ_TEST_TREES_FIXTURE_H
#define SCEPWIZ_TEST_TREES_FIXTURE_H

#include <locale.h>

#include "tree.h"

#define UNUSED __attribute__((unused))

static tree_set set;

UNUSED static int load_shipped_trees(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C.UTF-8");
	if (tree_set_add_dir(&set, SRCDIR "/decision-trees", stderr) || tree_set_resolve(&set, stderr))
		return -1;
	return 0;
}

UNUSED static int free_trees(void **state)
{
	(void)state;
	tree_set_clear(&set);
	return 0;
}

UNUSED static const node *find(const char *spec)
{
	int amb;
	const node *n = tree_set_find(&set, spec, &amb);
	if (n == NULL)
		fail_msg("no section %s", spec);
	return n;
}

#endif
