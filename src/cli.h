/* What the subcommands share: exit codes, loading the trees, usage hints,
 * the global options. */
#ifndef SCEPWIZ_CLI_H
#define SCEPWIZ_CLI_H

#include "check.h"
#include "tree.h"

#include <getopt.h>

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
	EXIT_TEMPFAIL = 75,      /* a session is open in another wizard */
};

/* Loads and resolves the shipped trees; on a problem prints it and returns
 * EXIT_DATAERR (or EXIT_NOINPUT when the folder is missing). */
int cli_load_trees(tree_set *set);

/* Prints "scepwiz: MESSAGE" and a pointer to --help on stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* --format ARG: text or yaml into *YAML; EXIT_OK, or EXIT_USAGE said. */
int cli_format_option(const char *arg, int *yaml);
/* A section SPEC the trees don't have (or have in several trees, when
 * AMBIGUOUS), with the closest names as a "did you mean"; EXIT_USAGE. */
int cli_unknown_section(const tree_set *set, const char *spec, int ambiguous);

/* Applies --lang; prints a one-line notice for an unknown language. */
void cli_set_lang(const char *lang);
/* Whether --lang was given, so it wins over a saved session's language. */
int cli_lang_chosen(void);

/* The options of every command, parsed once: main reads them before the
 * command, cli_getopt after it. */
typedef struct {
	const char *go;         /* --goto SECTION: where the wizard opens */
	int no_color;           /* --no-color, or NO_COLOR set */
} cli_globals;
extern cli_globals cli_global;

enum { CLI_OPT_LANG = 'l', CLI_OPT_NO_COLOR = 0x100 };
/* Handles global option C (from getopt); 0 when C is not one. */
int cli_global_option(int c, const char *arg);
/* getopt_long over a command's options plus the global ones, which it
 * applies itself; options and arguments may come in any order, as in GNU
 * tools. The command's SHORTOPTS must not use 'l'. */
int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts);

/* Closes standard output and says so when what was written did not reach
 * it (a full disk): returns RC, or EXIT_IOERR after a write error. */
int cli_close_stdout(int rc);

/* --timeout S, --cacert F and --insecure (getopt values 't', 'c', 'k') into
 * OPT, as 'scepwiz check' and the wizard take them; EXIT_OK, or the exit
 * code of a usage error it has printed. */
int cli_check_option(int c, const char *arg, check_options *opt);
/* The same for the wizard's live checks (main reads its options). */
int wizard_option(int c, const char *arg);

struct session;
/* Opens the wizard on a saved session, recording further moves into it. */
int wizard_resume(const tree_set *set, struct session *s, int no_color);

int cmd_lint(int argc, char **argv);
int cmd_sections(int argc, char **argv);
int cmd_wizard(void);
int cmd_checklist(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_resume(int argc, char **argv);
int cmd_sessions(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_logs(int argc, char **argv);

#endif
