/* The logs report for people: the files read, the flow line, then each
 * finding with the section it points to and the lines that prove it. */
#include <config.h>

#include "i18n.h"
#include "logs/vocab.h"
#include "logs_report.h"

#include <string.h>

/* The index's node for each step of the flow: its title names the step. */
static const char *const step_nodes[6] = {
	"deploy-a-scep-certificate-profile", "device-to-ndes-server-communication",
	"ndes-to-policy-module-communication", "ndes-to-certification-authority",
	"certificate-delivery-to-the-device", "reporting-of-deployment-to-intune",
};

static const char *step_title(const tree_set *set, int number)
{
	char spec[80];
	int amb;
	snprintf(spec, sizeof spec, "index/%s", step_nodes[number - 1]);
	const node *n = tree_set_find(set, spec, &amb);
	return n ? tr(n->title.s) : "";
}

static void write_files(const log_scan *s, FILE *out)
{
	fprintf(out, ngettext("Read %zu file\n", "Read %zu files\n", s->nfiles), s->nfiles);
	for (size_t i = 0; i < s->nfiles; i++) {
		const log_kind *k = log_kind_find(s->files[i].kind);
		fprintf(out, "  %s  (%s, ", s->files[i].file, k ? _(k->title) : s->files[i].kind);
		fprintf(out, ngettext("%lu record)\n", "%lu records)\n", s->files[i].records),
			s->files[i].records);
	}
	if (s->nnotes)
		fputs(_("Not read, or read only in part:\n"), out);
	for (size_t i = 0; i < s->nnotes; i++)
		fprintf(out, "  %s: %s\n", s->notes[i].file, _(s->notes[i].why));
}

static void write_line(const evidence_line *l, FILE *out)
{
	if (l->file)
		fprintf(out, "      %s:%lu: %s\n", l->file, l->line, l->text);
	else
		fprintf(out, "      %s\n", l->text);
}

static void write_flow(const log_scan *s, const tree_set *set, FILE *out)
{
	flow_row rows[6];
	logscan_flow(s, set, rows);
	fputs(_("\nThe SCEP flow, as the logs show it:\n"), out);
	for (int i = 0; i < 6; i++) {
		const char *state = rows[i].state == FLOW_FAILED ? _("FAILED")
				    : rows[i].state == FLOW_OK   ? _("works")
								 : _("no evidence");
		fprintf(out, "  %-12s %s\n", state, step_title(set, i + 1));
		if (rows[i].why && rows[i].why->nlines)
			write_line(&rows[i].why->lines[0], out);
	}
}

static void write_finding(const finding *f, const tree_set *set, FILE *out)
{
	char line[1024];
	fprintf(out, "[%s] %s", severity_label(f->kind->sev), finding_summary(f, line, sizeof line));
	if (f->count > 1)
		fprintf(out, ngettext(" (%lu time)", " (%lu times)", f->count), f->count);
	fputc('\n', out);
	if (f->kind->section) {
		int amb;
		char title[512];
		const node *n = tree_set_find(set, f->kind->section, &amb);
		fprintf(out, _("    see section %s: %s\n"), f->kind->section,
			n ? tree_set_title(set, n, title, sizeof title) : "");
	}
	for (size_t i = 0; i < f->nlines; i++)
		write_line(&f->lines[i], out);
}

/* Problems first, then warnings, information and success markers, each in
 * the order first seen. */
static void write_findings(const log_scan *s, const tree_set *set, FILE *out)
{
	for (int sev = SEV_PROBLEM; sev >= SEV_OK; sev--)
		for (size_t i = 0; i < s->findings.n; i++)
			if ((int)s->findings.v[i].kind->sev == sev) {
				fputc('\n', out);
				write_finding(&s->findings.v[i], set, out);
			}
}

static void write_result(const log_scan *s, const tree_set *set, FILE *out)
{
	for (size_t i = 0; i < s->findings.n; i++) {
		const finding *f = &s->findings.v[i];
		if (f->kind->sev == SEV_PROBLEM && f->kind->section) {
			int amb;
			const node *n = tree_set_find(set, f->kind->section, &amb);
			fprintf(out, _("\nResult: a problem was found; start with section %s (%s).\n"),
				f->kind->section, n ? tr(n->title.s) : "");
			return;
		}
	}
	fputs(finding_count(&s->findings, SEV_PROBLEM) ? _("\nResult: a problem was found.\n")
						       : _("\nResult: no problem found in these logs.\n"),
	      out);
}

void logs_report_text(const log_scan *s, const tree_set *set, FILE *out)
{
	write_files(s, out);
	write_flow(s, set, out);
	write_findings(s, set, out);
	write_result(s, set, out);
}
