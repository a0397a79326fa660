/* The summary of many checks: aligned lines for people, the single reports
 * gathered under `results:` for scripts. */
#include <config.h>

#include "report_many.h"
#include "i18n.h"
#include "report.h"
#include "yamlout.h"

#include <string.h>

#define URL_COLUMN 60           /* URLs longer than this are not padded to */

size_t report_many_with_problems(const check_report *reps, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += check_report_problems(&reps[i]) > 0;
	return k;
}

static const char *outcome_of(const check_report *rep)
{
	return rep->outcome ? rep->outcome : "-";
}

static const finding *first_problem(const check_report *rep)
{
	for (size_t i = 0; i < rep->findings.n; i++)
		if (rep->findings.v[i].kind->sev == SEV_PROBLEM)
			return &rep->findings.v[i];
	return NULL;
}

static void problems_of(const check_report *rep, char *buf, size_t size)
{
	size_t p = check_report_problems(rep);
	snprintf(buf, size, ngettext("%zu problem", "%zu problems", (unsigned long)p), p);
}

typedef struct {
	int url, outcome, problems;
} widths;

static widths column_widths(const check_report *reps, size_t n)
{
	widths w = { 0, 0, 0 };
	char buf[64];
	for (size_t i = 0; i < n; i++) {
		int u = (int)strlen(reps[i].url ? reps[i].url : "");
		int o = (int)strlen(outcome_of(&reps[i]));
		problems_of(&reps[i], buf, sizeof buf);
		int p = (int)strlen(buf);
		w.url = u > w.url ? (u < URL_COLUMN ? u : URL_COLUMN) : w.url;
		w.outcome = o > w.outcome ? o : w.outcome;
		w.problems = p > w.problems ? p : w.problems;
	}
	return w;
}

static void write_line(const check_report *rep, const widths *w, FILE *out)
{
	char problems[64];
	problems_of(rep, problems, sizeof problems);
	const finding *f = first_problem(rep);
	fprintf(out, "%-*s  %-*s  ", w->url, rep->url ? rep->url : "", w->outcome, outcome_of(rep));
	if (f == NULL) {
		fprintf(out, "%s\n", problems);
		return;
	}
	fprintf(out, "%-*s  ", w->problems, problems);
	if (f->kind->section)
		fprintf(out, _("%s (see section %s)"), f->kind->code, f->kind->section);
	else
		fputs(f->kind->code, out);
	fputc('\n', out);
}

void report_many_text(const check_report *reps, size_t n, FILE *out)
{
	widths w = column_widths(reps, n);
	for (size_t i = 0; i < n; i++)
		write_line(&reps[i], &w, out);
	size_t bad = report_many_with_problems(reps, n);
	fputc('\n', out);
	fprintf(out, ngettext("Checked %zu URL: %zu healthy, %zu with a problem.\n",
			      "Checked %zu URLs: %zu healthy, %zu with a problem.\n", (unsigned long)n),
		n, n - bad, bad);
	if (bad)
		fprintf(out, _("The full report of one: %s check URL; of all: --format yaml.\n"), PACKAGE);
}

int report_many_yaml(const check_report *reps, size_t n, FILE *file)
{
	yaml_out o;
	yo_begin(&o, file);
	yo_map(&o, 1);
	yo_pair_long(&o, "urls", (long)n);
	yo_pair_long(&o, "with_problems", (long)report_many_with_problems(reps, n));
	yo_str(&o, "results");
	yo_seq(&o, 1);
	for (size_t i = 0; i < n; i++)
		report_yaml_emit(&o, &reps[i]);
	yo_seq(&o, 0);
	yo_map(&o, 0);
	return yo_end(&o);
}
