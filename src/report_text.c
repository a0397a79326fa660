/* The report for people: a line per finding, the section it points to, the
 * evidence of what is wrong, then the certificates the server sent. */
#include <config.h>

#include "i18n.h"
#include "report.h"

#include <string.h>
#include <time.h>

static const char *section_title(const tree_set *set, const char *section, char *buf, size_t size)
{
	int ambiguous = 0;
	const node *n = set ? tree_set_find(set, section, &ambiguous) : NULL;
	return n ? tree_set_title(set, n, buf, size) : NULL;
}

static void write_section(const tree_set *set, const char *section, FILE *out)
{
	char buf[512];
	const char *title = section_title(set, section, buf, sizeof buf);
	if (title)
		fprintf(out, _("    see section %s: %s\n"), section, title);
	else
		fprintf(out, _("    see section %s\n"), section);
}

static void write_finding(const finding *f, const tree_set *set, FILE *out)
{
	char line[1024];
	const finding_kind *k = f->kind;
	fprintf(out, "[%s] %s\n", severity_label(k->sev), finding_summary(f, line, sizeof line));
	if (k->section && k->sev >= SEV_WARNING)
		write_section(set, k->section, out);
	for (size_t i = 0; k->sev >= SEV_WARNING && i < f->nlines; i++)
		fprintf(out, "      %s\n", f->lines[i].text);
}

static void write_time(const char *label, time_t t, FILE *out)
{
	struct tm tm;
	char s[32];
	if (t == 0 || gmtime_r(&t, &tm) == NULL || !strftime(s, sizeof s, "%Y-%m-%d %H:%M:%S UTC", &tm))
		snprintf(s, sizeof s, "?");
	fprintf(out, "     %s %s\n", label, s);
}

static void write_list(const char *label, const char *const *items, size_t n, FILE *out)
{
	fprintf(out, "     %s", label);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s %s", i ? "," : "", items[i]);
	fputs(n ? "\n" : _(" (none)\n"), out);
}

static void write_cert(size_t i, const scep_cert *c, FILE *out)
{
	fprintf(out, "  %zu. %s  %s\n", i + 1, c->is_ca ? _("CA") : _("RA"), c->subject);
	fprintf(out, "     %s %s\n", _("issuer:"), c->issuer);
	write_time(_("valid from:"), c->not_before, out);
	write_time(_("valid to:  "), c->not_after, out);
	write_list(_("key usage:"), c->key_usage, c->nku, out);
	write_list(_("extended key usage:"), (const char *const *)c->eku, c->neku, out);
	fprintf(out, "     SHA-256: %s\n", c->sha256);
}

/* The long request's measurement, when it was made. */
static void write_long(const check_report *rep, FILE *out)
{
	char ok[32], refused[32];
	if (rep->largest_ok == 0 && rep->first_refused == 0)
		return;
	snprintf(ok, sizeof ok, "%zu", rep->largest_ok);
	snprintf(refused, sizeof refused, "%zu", rep->first_refused);
	fprintf(out, _("\nLargest request accepted: %s; first refused: %s (bytes; the article "
		       "sets 65534)\n"), rep->largest_ok ? ok : _("none"),
		rep->first_refused ? refused : _("none"));
}

static void write_result(const check_report *rep, const tree_set *set, FILE *out)
{
	if (check_report_problems(rep) == 0) {
		fputs(_("Result: the server behaves as a healthy NDES.\n"), out);
		return;
	}
	const char *section = rep->outcome && strcmp(rep->outcome, "other") ? rep->outcome : NULL;
	for (size_t i = 0; i < rep->findings.n && section == NULL; i++)
		if (rep->findings.v[i].kind->sev == SEV_PROBLEM)
			section = rep->findings.v[i].kind->section;
	if (section == NULL) {
		fputs(_("Result: a problem was found.\n"), out);
		return;
	}
	char buf[512];
	const char *title = section_title(set, section, buf, sizeof buf);
	fprintf(out, _("Result: a problem was found; start with section %s (%s).\n"), section,
		title ? title : section);
	fprintf(out, _("Read it with: %s --goto %s\n"), PACKAGE, section);
}

void report_text_write(const check_report *rep, const tree_set *set, FILE *out)
{
	fprintf(out, _("Checked %s\n"), rep->url);
	if (rep->insecure)
		fputs(_("TLS verification is off (--insecure).\n"), out);
	fputc('\n', out);
	for (size_t i = 0; i < rep->findings.n; i++)
		write_finding(&rep->findings.v[i], set, out);
	write_long(rep, out);
	if (rep->certs.ncerts) {
		fprintf(out, _("\nCertificates sent by GetCACert:\n"));
		for (size_t i = 0; i < rep->certs.ncerts; i++)
			write_cert(i, &rep->certs.certs[i], out);
	}
	fputc('\n', out);
	write_result(rep, set, out);
}
