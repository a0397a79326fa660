/* Where the program finds its data, installed or run from the build tree. */
#ifndef SCEPWIZ_PATHS_H
#define SCEPWIZ_PATHS_H

#include <stddef.h>

/* The decision trees: $SCEPWIZ_TREES, else decision-trees/ beside the build
 * tree the program runs from, else the installed $(pkgdatadir)/decision-trees. */
const char *paths_trees_dir(void);

/* The message catalogs: $SCEPWIZ_LOCALEDIR, else locale/ in the build tree,
 * else the installed $(localedir). */
const char *paths_locale_dir(void);

#endif
