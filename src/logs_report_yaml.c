/* The logs report for scripts; the schema is in README.md ("scepwiz logs
 * --format yaml"), and version bumps on any change a script would notice. */
#include <config.h>

#include "i18n.h"
#include "logs_report.h"
#include "yamlout.h"

#define SCHEMA_VERSION "1"

static const char *const flow_states[] = { "unknown", "ok", "failed" };

static void lines(yaml_out *o, const finding *f, size_t max)
{
	yo_str(o, "evidence");
	yo_seq(o, 1);
	for (size_t i = 0; i < f->nlines && i < max; i++) {
		yo_map(o, 1);
		yo_pair(o, "file", f->lines[i].file);
		yo_pair_long(o, "line", (long)f->lines[i].line);
		yo_pair(o, "text", f->lines[i].text);
		yo_map(o, 0);
	}
	yo_seq(o, 0);
}

static void finding_map(yaml_out *o, const finding *f)
{
	char summary[1024];
	yo_map(o, 1);
	yo_pair(o, "code", f->kind->code);
	yo_pair(o, "severity", severity_name(f->kind->sev));
	yo_pair(o, "section", f->kind->section);
	yo_pair(o, "summary", finding_summary(f, summary, sizeof summary));
	yo_pair(o, "detail", f->detail);
	yo_pair_long(o, "count", (long)f->count);
	lines(o, f, f->nlines);
	yo_map(o, 0);
}

static void flow(yaml_out *o, const log_scan *s, const tree_set *set)
{
	flow_row rows[6];
	logscan_flow(s, set, rows);
	yo_str(o, "flow");
	yo_seq(o, 1);
	for (int i = 0; i < 6; i++) {
		yo_map(o, 1);
		yo_pair_long(o, "step", i + 1);
		yo_pair(o, "state", flow_states[rows[i].state]);
		yo_pair(o, "code", rows[i].why ? rows[i].why->kind->code : NULL);
		yo_pair(o, "section", rows[i].why ? rows[i].why->kind->section : NULL);
		if (rows[i].why)
			lines(o, rows[i].why, 1);
		yo_map(o, 0);
	}
	yo_seq(o, 0);
}

static void files(yaml_out *o, const log_scan *s)
{
	yo_str(o, "files");
	yo_seq(o, 1);
	for (size_t i = 0; i < s->nfiles; i++) {
		yo_map(o, 1);
		yo_pair(o, "file", s->files[i].file);
		yo_pair(o, "kind", s->files[i].kind);
		yo_pair_long(o, "records", (long)s->files[i].records);
		yo_map(o, 0);
	}
	yo_seq(o, 0);
	yo_str(o, "skipped");
	yo_seq(o, 1);
	for (size_t i = 0; i < s->nnotes; i++) {
		yo_map(o, 1);
		yo_pair(o, "file", s->notes[i].file);
		yo_pair(o, "why", _(s->notes[i].why));
		yo_map(o, 0);
	}
	yo_seq(o, 0);
}

int logs_report_yaml(const log_scan *s, const tree_set *set, FILE *out)
{
	yaml_out o;
	yo_begin(&o, out);
	yo_map(&o, 1);
	yo_str(&o, "version");
	yo_plain(&o, SCHEMA_VERSION);
	yo_pair_long(&o, "problems", (long)finding_count(&s->findings, SEV_PROBLEM));
	files(&o, s);
	flow(&o, s, set);
	yo_str(&o, "findings");
	yo_seq(&o, 1);
	for (size_t i = 0; i < s->findings.n; i++)
		finding_map(&o, &s->findings.v[i]);
	yo_seq(&o, 0);
	yo_map(&o, 0);
	return yo_end(&o);
}
