/* scepwiz explain [CODE]: the table of finding kinds for people. With no
 * argument every code with its severity and section; with a code, what it
 * means and the section that says what to do. Each way to explain is one
 * function taking the argument (explain_code today). */
#include <config.h>

#include "cli.h"
#include "evidence/finding.h"
#include "i18n.h"
#include "paths.h"
#include "strbuf.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_SUGGESTIONS = 3 };

/* The trees, quietly: they give the sections' titles and register their own
 * kinds; explain works on the built-in kinds without them. */
static const tree_set *load_trees(tree_set *set)
{
	if (tree_set_add_dir(set, paths_trees_dir(), NULL) || tree_set_resolve(set, NULL)) {
		tree_set_clear(set);
		return NULL;
	}
	return set;
}

static void list_kinds(void)
{
	const finding_kind *k;
	for (size_t i = 0; (k = finding_kind_at(i)) != NULL; i++)
		printf("%-24s %-8s %s\n", k->code, severity_name(k->sev), k->section ? k->section : "-");
}

/* Levenshtein distance, bounded to short codes (longer ones get the bound). */
static size_t distance(const char *a, const char *b)
{
	enum { MAX = 64 };
	size_t la = strnlen(a, MAX), lb = strnlen(b, MAX), row[MAX + 1];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The codes closest to WHAT, nearest first, as "a, b, c"; empty when none
 * is near enough to be a likely typo. */
static void closest(const char *what, strbuf *out)
{
	const finding_kind *best[MAX_SUGGESTIONS] = { 0 }, *k;
	size_t dist[MAX_SUGGESTIONS], limit = strlen(what) / 2 + 2;
	for (size_t i = 0; (k = finding_kind_at(i)) != NULL; i++) {
		size_t d = distance(what, k->code);
		for (size_t j = 0; d <= limit && j < MAX_SUGGESTIONS; j++)
			if (best[j] == NULL || d < dist[j]) {
				memmove(&best[j + 1], &best[j], (MAX_SUGGESTIONS - j - 1) * sizeof *best);
				memmove(&dist[j + 1], &dist[j], (MAX_SUGGESTIONS - j - 1) * sizeof *dist);
				best[j] = k;
				dist[j] = d;
				break;
			}
	}
	for (size_t j = 0; j < MAX_SUGGESTIONS && best[j]; j++)
		sb_addf(out, "%s%s", j ? ", " : "", best[j]->code);
}

static void explain_section(const tree_set *set, const char *section)
{
	int ambiguous = 0;
	const node *n = set ? tree_set_find(set, section, &ambiguous) : NULL;
	if (n)
		printf(_("Section: %s (%s)\n"), section, tr(n->title.s));
	else
		printf(_("Section: %s\n"), section);
	printf(_("Read it with: %s --goto %s\n"), PACKAGE, section);
}

/* CODE, a finding kind: what it means, how much it matters, where to read
 * what to do. Returns an exit status. */
static int explain_code(const tree_set *set, const char *code)
{
	const finding_kind *k = finding_kind_find(code);
	if (k == NULL) {
		strbuf near = { 0 };
		char *shown = untrusted_text(code, strlen(code), 80);
		closest(code, &near);
		char *list = sb_take(&near);
		int rc = list && *list
			? cli_usage_error(_("unknown code '%s'; did you mean %s?"), shown ? shown : "", list)
			: cli_usage_error(_("unknown code '%s'; 'scepwiz explain' lists them"),
					  shown ? shown : "");
		free(list);
		free(shown);
		return rc;
	}
	printf("%s: %s\n", k->code, tr(k->message));
	printf(_("Severity: %s\n"), _(severity_name(k->sev)));
	if (k->section)
		explain_section(set, k->section);
	else if (k->sev == SEV_OK)
		puts(_("Nothing to do: this is what a healthy server shows."));
	else
		puts(_("No article section covers it; the finding's detail and evidence say what was seen."));
	return EXIT_OK;
}

int cmd_explain(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	while ((c = cli_getopt(argc, argv, "h", opts)) != -1) {
		switch (c) {
		case 'h':
			printf(_("Usage: %s explain [CODE]\n"
				 "Lists every finding code with its severity and section, or says what\n"
				 "CODE means and which section tells what to do.\n"), PACKAGE);
			return EXIT_OK;
		default: return cli_usage_error(_("usage: explain [CODE] [--lang L]"));
		}
	}
	if (argc - optind > 1)
		return cli_usage_error(_("explain takes one code"));

	tree_set set = { 0 };
	const tree_set *trees = load_trees(&set);
	int rc = EXIT_OK;
	if (optind == argc)
		list_kinds();
	else
		rc = explain_code(trees, argv[optind]);
	tree_set_clear(&set);
	return rc;
}
