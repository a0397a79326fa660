/* Subcommands whose issues are still open say so plainly. */
#include "cli.h"
#include "i18n.h"

#include <stdio.h>

static int pending(const char *what)
{
	fprintf(stderr, _("%s: '%s' is not available in this version yet\n"), PACKAGE, what);
	return EXIT_UNAVAILABLE;
}

int cmd_checklist(int argc, char **argv) { (void)argc; (void)argv; return pending("checklist"); }
int cmd_check(int argc, char **argv) { (void)argc; (void)argv; return pending("check"); }
int cmd_resume(int argc, char **argv) { (void)argc; (void)argv; return pending("resume"); }
int cmd_sessions(int argc, char **argv) { (void)argc; (void)argv; return pending("sessions"); }
