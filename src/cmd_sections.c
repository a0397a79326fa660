/* scepwiz sections: every section id with its title, tree by tree. */
#include <config.h>

#include "cli.h"
#include "i18n.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static void list_tree(const tree_set *set, const tree *t, int ids_only)
{
	if (ids_only) {	/* for shell completion: what --goto and --section take */
		for (size_t i = 0; i < t->nnodes; i++) {
			char spec[256];
			tree_set_spec(set, &t->nodes[i], spec, sizeof spec);
			puts(spec);
		}
		return;
	}
	printf("%s  %s\n", t->id, tr(t->title.s));
	for (size_t i = 0; i < t->nnodes; i++) {
		const node *n = &t->nodes[i];
		char spec[256];
		tree_set_spec(set, n, spec, sizeof spec);
		printf("  %*s%-*s  %s\n", 2 * (n->level - 1), "", 48 - 2 * (n->level - 1), spec,
		       tr(n->title.s));
	}
}

/* Trees in the order of the SCEP flow: the index, then step 2, step 5… */
static int by_flow_step(const void *a, const void *b)
{
	const tree *ta = *(tree *const *)a, *tb = *(tree *const *)b;
	return ta->flow_step - tb->flow_step;
}

int cmd_sections(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "ids", no_argument, NULL, 'i' },	/* not in --help: for completion */
		{ NULL, 0, NULL, 0 },
	};
	int c, ids_only = 0;
	while ((c = cli_getopt(argc, argv, "", opts)) != -1) {
		if (c != 'i')
			return cli_usage_error(_("usage: sections [--lang L]"));
		ids_only = 1;
	}
	if (optind < argc)
		return cli_usage_error(_("sections takes no arguments"));

	tree_set set = { 0 };
	int rc = cli_load_trees(&set);
	if (rc == EXIT_OK)     /* qsort must not get the NULL of an empty set */
		qsort(set.trees, set.ntrees, sizeof *set.trees, by_flow_step);
	for (size_t i = 0; rc == EXIT_OK && i < set.ntrees; i++) {
		if (i && !ids_only)
			putchar('\n');
		list_tree(&set, set.trees[i], ids_only);
	}
	tree_set_clear(&set);
	return rc;
}
