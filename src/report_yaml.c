/* The report for scripts, written with the one YAML writer (yamlout). The
 * schema is in README.md ("scepwiz check --format yaml"); version bumps on
 * any change a script would notice. */
#include <config.h>

#include "cacert_checks.h"
#include "report.h"
#include "yamlout.h"

#include <stdio.h>

#define SCHEMA_VERSION 2

static void finding_map(yaml_out *o, const finding *f)
{
	char summary[1024];
	yo_map(o, 1);
	yo_pair(o, "source", f->kind->source);
	yo_pair(o, "code", f->kind->code);
	yo_pair(o, "severity", severity_name(f->kind->sev));
	yo_pair(o, "section", f->kind->section);
	yo_pair(o, "summary", finding_summary(f, summary, sizeof summary));
	yo_pair(o, "detail", f->detail);
	yo_str(o, "evidence");
	yo_seq(o, 1);
	for (size_t i = 0; i < f->nlines; i++)
		yo_str(o, f->lines[i].text);
	yo_seq(o, 0);
	yo_map(o, 0);
}

static void cert_map(yaml_out *o, const scep_cert *c)
{
	yo_map(o, 1);
	yo_pair(o, "role", c->is_ca ? "ca" : "ra");
	const char *uses[2];
	size_t n = 0;
	unsigned roles = cacert_ra_roles(c);
	if (roles & CACERT_SIGNING)
		uses[n++] = "signing";
	if (roles & CACERT_ENCRYPTION)
		uses[n++] = "encryption";
	yo_pair_list(o, "ra_roles", uses, n);
	yo_pair(o, "subject", c->subject);
	yo_pair(o, "issuer", c->issuer);
	yo_pair(o, "serial", c->serial);
	yo_pair_bool(o, "self_signed", c->self_signed);
	yo_pair_time(o, "not_before", c->not_before);
	yo_pair_time(o, "not_after", c->not_after);
	yo_pair_list(o, "key_usage", c->key_usage, c->nku);
	yo_pair_list(o, "extended_key_usage", (const char *const *)c->eku, c->neku);
	yo_pair(o, "signature", c->sig_alg);
	yo_pair(o, "key_id", c->key_id);
	yo_pair(o, "sha256", c->sha256);
	yo_map(o, 0);
}

static void capabilities(yaml_out *o, const check_report *rep)
{
	yo_str(o, "capabilities");
	if (!rep->have_caps) {
		yo_plain(o, NULL);
		return;
	}
	yo_flow_seq(o, 1);     /* one line, as the README shows it */
	for (size_t i = 0; scep_cap_name(i); i++)
		if (rep->caps.caps & (1u << i))
			yo_str(o, scep_cap_name(i));
	yo_flow_seq(o, 0);
}

/* A size of the long request's measurement, in bytes: null when none. */
static void bytes_pair(yaml_out *o, const char *key, size_t n)
{
	if (n)
		yo_pair_long(o, key, (long)n);
	else
		yo_pair(o, key, NULL);
}

void report_yaml_emit(yaml_out *o, const check_report *rep)
{
	yo_map(o, 1);
	yo_pair_long(o, "version", SCHEMA_VERSION);
	yo_pair(o, "url", rep->url);
	yo_pair_bool(o, "insecure", rep->insecure);
	yo_pair_time(o, "checked_at", rep->checked_at);
	yo_pair(o, "outcome", rep->outcome);
	yo_pair_long(o, "problems", (long)check_report_problems(rep));
	bytes_pair(o, "largest_ok", rep->largest_ok);
	bytes_pair(o, "first_refused", rep->first_refused);
	yo_str(o, "findings");
	yo_seq(o, 1);
	for (size_t i = 0; i < rep->findings.n; i++)
		finding_map(o, &rep->findings.v[i]);
	yo_seq(o, 0);
	capabilities(o, rep);
	yo_str(o, "certificates");
	yo_seq(o, 1);
	for (size_t i = 0; i < rep->certs.ncerts; i++)
		cert_map(o, &rep->certs.certs[i]);
	yo_seq(o, 0);
	yo_map(o, 0);
}

int report_yaml_write(const check_report *rep, FILE *file)
{
	yaml_out o;
	yo_begin(&o, file);
	report_yaml_emit(&o, rep);
	return yo_end(&o);
}
