/* Subcommands whose issues are still open say so plainly. */
#include <config.h>

#include "cli.h"
#include "i18n.h"

#include <stdio.h>

static int pending(const char *what)
{
	fprintf(stderr, _("%s: '%s' is not available in this version yet\n"), PACKAGE, what);
	return EXIT_UNAVAILABLE;
}

int wizard_resume(const tree_set *set, struct session *s) { (void)set; (void)s; return pending("wizard"); }
