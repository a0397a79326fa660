/* The documents folder: the environment, then user-dirs.dirs as desktops
 * write it, then ~/Documents, then the home folder. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "userdirs.h"

static char home[] = "/tmp/scepwiz-userdirs-XXXXXX";
static char buf[4096], want[4096];

static void write_dirs(const char *content)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/cfg/user-dirs.dirs", home);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(content, f);
	fclose(f);
}

static int setup(void **state)
{
	(void)state;
	char cfg[4096];
	if (mkdtemp(home) == NULL)
		return -1;
	snprintf(cfg, sizeof cfg, "%s/cfg", home);
	mkdir(cfg, 0700);
	setenv("HOME", home, 1);
	setenv("XDG_CONFIG_HOME", cfg, 1);
	unsetenv("XDG_DOCUMENTS_DIR");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", home);
	return system(cmd);
}

static void home_relative_entry_is_read(void **state)
{
	(void)state;
	write_dirs("# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Skrivbord\"\n"
		   "XDG_DOCUMENTS_DIR=\"$HOME/Dokument\"\n");
	snprintf(want, sizeof want, "%s/Dokument", home);
	assert_string_equal(userdirs_documents(buf, sizeof buf), want);
}

static void absolute_entry_is_read(void **state)
{
	(void)state;
	write_dirs("XDG_DOCUMENTS_DIR=\"/srv/docs\"\n");
	assert_string_equal(userdirs_documents(buf, sizeof buf), "/srv/docs");
}

static void environment_wins(void **state)
{
	(void)state;
	write_dirs("XDG_DOCUMENTS_DIR=\"/srv/docs\"\n");
	setenv("XDG_DOCUMENTS_DIR", "/from/env", 1);
	assert_string_equal(userdirs_documents(buf, sizeof buf), "/from/env");
	unsetenv("XDG_DOCUMENTS_DIR");
}

/* A relative value is not in the format: ignored, as xdg-user-dirs does. */
static void without_an_entry_documents_then_home(void **state)
{
	(void)state;
	write_dirs("XDG_DOCUMENTS_DIR=\"relative/docs\"\n");
	assert_string_equal(userdirs_documents(buf, sizeof buf), home);
	snprintf(want, sizeof want, "%s/Documents", home);
	mkdir(want, 0700);
	assert_string_equal(userdirs_documents(buf, sizeof buf), want);
	rmdir(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(home_relative_entry_is_read),
		cmocka_unit_test(absolute_entry_is_read),
		cmocka_unit_test(environment_wins),
		cmocka_unit_test(without_an_entry_documents_then_home),
	};
	return cmocka_run_group_tests_name("userdirs", tests, setup, teardown);
}
