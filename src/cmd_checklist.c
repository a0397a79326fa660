/* scepwiz checklist: the remediation checklist of named sections, or of a
 * saved walk, in any language and format. */
#include <config.h>

#include "checklist.h"
#include "cli.h"
#include "i18n.h"
#include "regfile.h"
#include "session.h"
#include "strbuf.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	const char *sections[64];
	size_t nsections;
	const char *session, *output, *engineer, *ticket;
	checklist_format format;
} options;

static int parse(int argc, char **argv, options *o)
{
	static const struct option opts[] = {
		{ "section", required_argument, NULL, 's' },
		{ "session", required_argument, NULL, 'S' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "engineer", required_argument, NULL, 'e' },
		{ "ticket", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	while ((c = cli_getopt(argc, argv, "s:S:f:o:e:t:", opts)) != -1) {
		switch (c) {
		case 's':
			if (o->nsections == sizeof o->sections / sizeof *o->sections)
				return cli_usage_error(_("too many sections"));
			o->sections[o->nsections++] = optarg;
			break;
		case 'S': o->session = optarg; break;
		case 'o': o->output = optarg; break;
		case 'e': o->engineer = optarg; break;
		case 't': o->ticket = optarg; break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				o->format = CHECKLIST_TEXT;
			else if (strcmp(optarg, "md") == 0 || strcmp(optarg, "markdown") == 0)
				o->format = CHECKLIST_MARKDOWN;
			else
				return cli_usage_error(_("unknown format '%s' (text or md)"), optarg);
			break;
		default:
			return cli_usage_error(_("usage: checklist --section ID... | --session FILE"));
		}
	}
	/* "--section a b c" names three sections. */
	for (; optind < argc && o->nsections < sizeof o->sections / sizeof *o->sections; optind++)
		o->sections[o->nsections++] = argv[optind];
	if (!o->nsections == !o->session)
		return cli_usage_error(_("checklist needs either --section ID... or --session FILE"));
	return EXIT_OK;
}

enum { MAX_REMEDIATIONS = 128 };

/* A remediation section stands for itself; any other section for the
 * remediations a walk from it can reach. Each is listed once. */
static int find_sections(const tree_set *set, const options *o, const node **out, size_t *n)
{
	*n = 0;
	for (size_t i = 0; i < o->nsections; i++) {
		int ambiguous;
		const node *sec = tree_set_find(set, o->sections[i], &ambiguous), *found[MAX_REMEDIATIONS];
		if (sec == NULL)
			return cli_unknown_section(set, o->sections[i], ambiguous);
		size_t count = node_remediations(node_follow(sec), found, MAX_REMEDIATIONS);
		if (count == 0)
			return cli_usage_error(_("section '%s' leads to no remediation"), o->sections[i]);
		for (size_t k = 0; k < count && k < MAX_REMEDIATIONS; k++) {
			size_t j = 0;
			while (j < *n && out[j] != found[k])
				j++;
			if (j == *n && *n < MAX_REMEDIATIONS)
				out[(*n)++] = found[k];
		}
	}
	return EXIT_OK;
}

static const char *local_time(time_t t, char *buf, size_t size)
{
	struct tm tm;
	strftime(buf, size, "%Y-%m-%d %H:%M %Z", localtime_r(&t, &tm));
	return buf;
}

static int write_out(const options *o, const checklist *c)
{
	/* Private, like sessions: a checklist names a customer's servers. */
	FILE *out = o->output ? regfile_create_private(o->output) : stdout;
	if (out == NULL) {
		fprintf(stderr, _("%s: cannot write %s: %s\n"), PACKAGE, o->output, regfile_error(errno));
		return EXIT_CANTCREAT;
	}
	int rc = checklist_write(out, c, o->format);
	if (o->output && fclose(out) != 0)
		rc = -1;
	if (rc < 0) {
		fprintf(stderr, _("%s: cannot write %s: %s\n"), PACKAGE,
			o->output ? o->output : _("standard output"), strerror(errno));
		return EXIT_IOERR;
	}
	return EXIT_OK;
}

/* Replaces *S, text read from a session file, by its printable form. */
static void keep_printable(char **s)
{
	if (*s == NULL)
		return;
	char *shown = printable_text(*s);
	free(*s);
	*s = shown;
}

static int from_session(const tree_set *set, const options *o)
{
	char path[PATH_MAX], err[512], date[64];
	session s;
	if (session_find(o->session, path, sizeof path) == NULL) {
		fprintf(stderr, _("%s: no session '%s' (see 'scepwiz sessions')\n"), PACKAGE, o->session);
		return EXIT_NOINPUT;
	}
	if (session_load(&s, path, set, err, sizeof err) < 0) {
		fprintf(stderr, _("%s: %s: %s\n"), PACKAGE, path, err);
		return EXIT_DATAERR;
	}
	/* Everything the file holds is made printable before it is shown. */
	char **lines = session_finding_lines(&s);
	for (size_t i = 0; lines && lines[i]; i++)
		keep_printable(&lines[i]);
	keep_printable(&s.engineer);
	keep_printable(&s.ticket);
	keep_printable(&s.url);
	checklist c = {
		.date = local_time(s.updated, date, sizeof date),
		.engineer = o->engineer ? o->engineer : s.engineer,
		.ticket = o->ticket ? o->ticket : s.ticket,
		.url = s.url,
		.walk = &s.walk, .marks = &s.marks,
		.findings = (const char *const *)lines,
		.nfindings = lines ? s.findings.n : 0,
	};
	int rc = write_out(o, &c);
	session_free_lines(lines);
	session_free(&s);
	return rc;
}

int cmd_checklist(int argc, char **argv)
{
	options o = { .format = CHECKLIST_TEXT };
	int rc = parse(argc, argv, &o);
	if (rc != EXIT_OK)
		return rc;
	tree_set set = { 0 };
	rc = cli_load_trees(&set);
	if (rc == EXIT_OK && o.session) {
		rc = from_session(&set, &o);
	} else if (rc == EXIT_OK) {
		const node *sections[MAX_REMEDIATIONS];
		size_t n = 0;
		char date[64];
		rc = find_sections(&set, &o, sections, &n);
		checklist c = {
			.date = local_time(time(NULL), date, sizeof date),
			.engineer = o.engineer,
			.ticket = o.ticket,
			.sections = sections,
			.nsections = n,
		};
		if (rc == EXIT_OK)
			rc = write_out(&o, &c);
	}
	tree_set_clear(&set);
	return rc;
}
