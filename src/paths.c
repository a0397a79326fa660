#include <config.h>

#include "paths.h"

#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The directory above the running executable's, when it holds FILE
 * (so src/scepwiz in a build tree finds the tree's data). */
static const char *beside_build(const char *sub, const char *file, char *buf, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char dir[PATH_MAX + 64], probe[2 * PATH_MAX];
	snprintf(dir, sizeof dir, "%s/../%s", dirname(exe), sub);
	snprintf(probe, sizeof probe, "%s/%s", dir, file);
	if (access(probe, R_OK) != 0 || size < PATH_MAX || realpath(dir, buf) == NULL)
		return NULL;
	return buf;
}

static const char *choose(const char *env, const char *sub, const char *file,
			  const char *installed, char *buf, size_t size)
{
	const char *dir = getenv(env);
	if (dir && *dir)
		return dir;
	dir = beside_build(sub, file, buf, size);
	return dir ? dir : installed;
}

const char *paths_trees_dir(void)
{
	static char buf[PATH_MAX];
	return choose("SCEPWIZ_TREES", "decision-trees", "index.yaml", PKGDATADIR "/decision-trees",
		      buf, sizeof buf);
}

const char *paths_locale_dir(void)
{
	static char buf[PATH_MAX];
	return choose("SCEPWIZ_LOCALEDIR", "locale", ".", LOCALEDIR, buf, sizeof buf);
}
