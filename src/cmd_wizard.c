/* scepwiz with no command: the wizard. Checks everything that can be
 * checked before the screen starts, so a mistake gets a plain message. */
#include "cli.h"
#include "i18n.h"
#include "tui/tui.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const node *start_node(const tree_set *set, const char *spec, int *rc)
{
	if (spec == NULL)
		return tree_set_tree(set, "index")->start;
	int ambiguous = 0;
	const node *n = tree_set_find(set, spec, &ambiguous);
	if (n == NULL && ambiguous)
		*rc = cli_usage_error(_("section '%s' is in more than one article; name it as "
					"TREE/%s ('scepwiz sections' lists them)"), spec, spec);
	else if (n == NULL)
		*rc = cli_usage_error(_("unknown section '%s'; 'scepwiz sections' lists them"), spec);
	return n;
}

int cmd_wizard(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "goto", required_argument, NULL, 'g' },
		{ "no-color", no_argument, NULL, 'C' },
		{ NULL, 0, NULL, 0 },
	};
	const char *no_color_env = getenv("NO_COLOR");
	tui_options opt = { no_color_env && *no_color_env, NULL, NULL };
	const char *go = NULL;
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "l:g:", opts, NULL)) != -1) {
		switch (c) {
		case 'l': i18n_set_lang(optarg); break;     /* main has warned already */
		case 'g': go = optarg; break;
		case 'C': opt.no_color = 1; break;
		default:
			return cli_usage_error(_("unknown or incomplete option '%s'"), argv[optind - 1]);
		}
	}

	tree_set set = { 0 };
	int rc = cli_load_trees(&set);
	const node *start = rc == EXIT_OK ? start_node(&set, go, &rc) : NULL;
	if (start && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		fprintf(stderr, _("%s: the wizard needs a terminal on its input and output; "
				  "'scepwiz sections' and 'scepwiz checklist' work without one\n"), PACKAGE);
		rc = EXIT_USAGE;
	} else if (start) {
		walk w;
		walk_init(&w);
		rc = walk_start(&w, start) == 0 ? tui_run(&set, &w, &opt) : EXIT_SOFTWARE;
		walk_release(&w);
	}
	tree_set_clear(&set);
	return rc;
}
