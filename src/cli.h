/* What the subcommands share: exit codes, loading the trees, usage hints. */
#ifndef SCEPWIZ_CLI_H
#define SCEPWIZ_CLI_H

#include "tree.h"

/* sysexits.h values, named here so every command uses the same ones. */
enum {
	EXIT_OK = 0,
	EXIT_FOUND = 1,          /* check: a problem was found */
	EXIT_USAGE = 64,
	EXIT_DATAERR = 65,
	EXIT_NOINPUT = 66,
	EXIT_UNAVAILABLE = 69,
	EXIT_SOFTWARE = 70,
	EXIT_CANTCREAT = 73,
	EXIT_IOERR = 74,
};

/* Loads and resolves the shipped trees; on a problem prints it and returns
 * EXIT_DATAERR (or EXIT_NOINPUT when the folder is missing). */
int cli_load_trees(tree_set *set);

/* Prints "scepwiz: MESSAGE" and a pointer to --help on stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Applies --lang; prints a one-line notice for an unknown language. */
void cli_set_lang(const char *lang);

struct session;
/* Opens the wizard on a saved session, recording further moves into it. */
int wizard_resume(const tree_set *set, struct session *s, int no_color);

int cmd_lint(int argc, char **argv);
int cmd_sections(int argc, char **argv);
int cmd_wizard(int argc, char **argv);
int cmd_checklist(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_resume(int argc, char **argv);
int cmd_sessions(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_logs(int argc, char **argv);

#endif
