/* The documents folder: the environment, then xdg-user-dirs' file, then ~/Documents. */
#include <config.h>

#include "userdirs.h"
#include "regfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *home_dir(void)
{
	const char *home = getenv("HOME");
	return home && *home ? home : ".";
}

/* One line of user-dirs.dirs, written by xdg-user-dirs-update as
 * XDG_DOCUMENTS_DIR="$HOME/Documents" or with an absolute path. */
static int parse_line(const char *line, char *buf, size_t size)
{
	static const char key[] = "XDG_DOCUMENTS_DIR=\"";
	while (*line == ' ' || *line == '\t')
		line++;
	if (strncmp(line, key, sizeof key - 1) != 0)
		return -1;
	const char *v = line + sizeof key - 1, *end = strchr(v, '"');
	if (end == NULL)
		return -1;
	int len = (int)(end - v);
	if (strncmp(v, "$HOME", 5) == 0 && (v[5] == '/' || v + 5 == end))
		snprintf(buf, size, "%s%.*s", home_dir(), len - 5, v + 5);
	else if (*v == '/')
		snprintf(buf, size, "%.*s", len, v);
	else
		return -1;      /* the format allows only these two forms */
	return 0;
}

static int from_user_dirs(char *buf, size_t size)
{
	char path[4096], line[4096];
	const char *config = getenv("XDG_CONFIG_HOME");
	if (config && *config == '/')
		snprintf(path, sizeof path, "%s/user-dirs.dirs", config);
	else
		snprintf(path, sizeof path, "%s/.config/user-dirs.dirs", home_dir());
	FILE *f = regfile_fopen(path);
	int found = -1;
	while (f && found < 0 && fgets(line, sizeof line, f))
		found = parse_line(line, buf, size);
	if (f)
		fclose(f);
	return found;
}

const char *userdirs_documents(char *buf, size_t size)
{
	const char *env = getenv("XDG_DOCUMENTS_DIR");
	struct stat st;
	if (env && *env)
		snprintf(buf, size, "%s", env);
	else if (from_user_dirs(buf, size) == 0)
		;
	else {
		snprintf(buf, size, "%s/Documents", home_dir());
		if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode))
			snprintf(buf, size, "%s", home_dir());
	}
	return buf;
}
