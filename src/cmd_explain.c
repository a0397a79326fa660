/* scepwiz explain [CODE]: the table of finding kinds for people. With no
 * argument every code with its severity and section; with a code, what it
 * means and the section that says what to do; with anything else (a pasted
 * log line, 0x80094800, 12175, "event 31"), the sections it points to. Each
 * way to explain is one function taking the argument. */
#include <config.h>

#include "cli.h"
#include "evidence/finding.h"
#include "i18n.h"
#include "paths.h"
#include "strbuf.h"
#include "suggest.h"
#include "explain_text.h"
#include "evidence/patterns.h"

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

/* Built-in kinds in three columns; the trees' evidence patterns add the
 * log they read as a fourth. */
static void list_kinds(void)
{
	const finding_kind *k;
	for (size_t i = 0; (k = finding_kind_at(i)) != NULL; i++)
		if (i < FK_COUNT)
			printf("%-24s %-8s %s\n", k->code, severity_name(k->sev), k->section ? k->section : "-");
		else
			printf("%-24s %-8s %s %s\n", k->code, severity_name(k->sev), k->section, k->source);
}

/* The codes closest to WHAT, nearest first, as "a, b, c"; empty when none
 * is near enough to be a likely typo. */
static void closest(const char *what, strbuf *out)
{
	const finding_kind *k;
	size_t n = 0;
	while (finding_kind_at(n))
		n++;
	const char **codes = calloc(n ? n : 1, sizeof *codes), *best[MAX_SUGGESTIONS];
	for (size_t i = 0; codes && (k = finding_kind_at(i)) != NULL; i++)
		codes[i] = k->code;
	size_t found = codes ? suggest_closest(what, codes, n, best, MAX_SUGGESTIONS) : 0;
	for (size_t j = 0; j < found; j++)
		sb_addf(out, "%s%s", j ? ", " : "", best[j]);
	free(codes);
}

static void explain_section(const tree_set *set, const char *section)
{
	int ambiguous = 0;
	char title[512];
	const node *n = set ? tree_set_find(set, section, &ambiguous) : NULL;
	if (n)
		printf(_("Section: %s (%s)\n"), section, tree_set_title(set, n, title, sizeof title));
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
		/* explain_code is asked only for what looks like a code. */
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

/* What may be a mistyped finding code: only a-z, 0-9 and hyphens. */
static int looks_like_code(const char *s)
{
	return *s && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen(s);
}

static void show_hit(const tree_set *set, const explain_hit *h)
{
	char spec[300];
	tree_set_spec(set, h->node, spec, sizeof spec);
	const char *why = h->pattern ? _(severity_name(h->pattern->kind.sev)) : _("mentioned");
	printf("  [%s] %s: %s (%s)\n", why, spec, tr(h->node->title.s), tr(h->node->tree->title.s));
	printf(_("      read it with: %s --goto %s\n"), PACKAGE, spec);
}

/* TEXT, a pasted line, an error code or "event 31": the sections whose
 * evidence it matches, then those that mention it. Returns an exit status. */
static int explain_pasted(const tree_set *set, const evidence_index *ix, const char *pasted)
{
	enum { MAX_HITS = 12 };
	explain_hit hits[MAX_HITS];
	size_t n = explain_text(pasted, set, ix, hits, MAX_HITS);
	char *shown = untrusted_text(pasted, strlen(pasted), 200);
	if (n == 0) {
		printf(_("Nothing in the articles matches '%s'.\n"), shown ? shown : "");
		free(shown);
		return EXIT_FOUND;
	}
	printf(_("'%s' points to:\n"), shown ? shown : "");
	free(shown);
	for (size_t i = 0; i < n; i++)
		show_hit(set, &hits[i]);
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
			printf(_("Usage: %s explain [CODE|TEXT]\n"
				 "Lists every finding code with its severity and section, or says what\n"
				 "CODE means and which section tells what to do. TEXT (a pasted log line,\n"
				 "an error code such as 0x80094800 or 12175, or \"event 31\") gets the\n"
				 "sections it points to.\n"), PACKAGE);
			return EXIT_OK;
		default: return cli_usage_error(_("usage: explain [CODE] [--lang L]"));
		}
	}
	if (argc - optind > 1)
		return cli_usage_error(_("explain takes one code"));

	tree_set set = { 0 };
	const tree_set *trees = load_trees(&set);
	evidence_index ix = { 0 };
	if (trees && evidence_index_build(&ix, trees) < 0)
		return EXIT_SOFTWARE;
	int rc = EXIT_OK;
	const char *arg = optind < argc ? argv[optind] : NULL;
	if (arg == NULL)
		list_kinds();
	else if (finding_kind_find(arg) || (looks_like_code(arg) && !trees))
		rc = explain_code(trees, arg);
	else if (trees && (rc = explain_pasted(trees, &ix, arg)) == EXIT_FOUND && looks_like_code(arg))
		rc = explain_code(trees, arg);
	evidence_index_free(&ix);
	tree_set_clear(&set);
	return rc;
}
