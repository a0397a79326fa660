/* scepwiz lint [FILE]...: validate decision trees. */
#include <config.h>

#include "cli.h"
#include "i18n.h"
#include "paths.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <unistd.h>

/* Links in the named files may point into shipped trees that were not named:
 * those are loaded quietly, as context, so a single file can be linted. */
static void add_context(tree_set *set)
{
	tree_set shipped = { 0 };
	tree_set_add_dir(&shipped, paths_trees_dir(), NULL);
	for (size_t i = 0; i < shipped.ntrees; i++) {
		if (tree_set_tree(set, shipped.trees[i]->id))
			continue;
		tree_set_add_file(set, shipped.trees[i]->file, NULL);
	}
	tree_set_clear(&shipped);
}

static void report_ok(const tree_set *set, size_t named)
{
	for (size_t i = 0; i < named && i < set->ntrees; i++)
		printf(_("%s: ok (%zu sections)\n"), set->trees[i]->file, set->trees[i]->nnodes);
}

int cmd_lint(int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	if (cli_getopt(argc, argv, "", opts) != -1)
		return cli_usage_error(_("lint takes only file names"));

	tree_set set = { 0 };
	int nerr = 0;
	if (optind == argc)
		nerr = tree_set_add_dir(&set, paths_trees_dir(), stderr);
	int missing = 0;
	for (int i = optind; i < argc; i++) {
		/* A file that is not there is not bad data: 66, as documented. */
		if (access(argv[i], F_OK) != 0 && errno == ENOENT)
			missing = 1;
		nerr += tree_set_add_file(&set, argv[i], stderr);
	}
	size_t named = set.ntrees;
	if (nerr == 0) {
		if (optind < argc)
			add_context(&set);
		nerr = tree_set_resolve(&set, stderr);
	}
	if (nerr == 0)
		report_ok(&set, named);
	tree_set_clear(&set);
	return missing ? EXIT_NOINPUT : nerr ? EXIT_DATAERR : EXIT_OK;
}
