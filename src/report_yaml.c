/* The report for scripts, written with libyaml's emitter. The schema is in
 * README.md ("scepwiz check --format yaml"); version bumps on any change
 * a script would notice. */
#include <config.h>

#include "i18n.h"
#include "report.h"
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <yaml.h>

#define SCHEMA_VERSION "2"

typedef struct {
	yaml_emitter_t em;
	int failed;
} out_t;

/* Once anything failed, the rest is dropped (and freed: the emitter owns
 * only the events it is given). */
static void emit(out_t *o, yaml_event_t *ev, int ok)
{
	if (ok && o->failed)
		yaml_event_delete(ev);
	else if (!ok || !yaml_emitter_emit(&o->em, ev))
		o->failed = 1;
}

/* Plain scalars a YAML 1.1 reader would take for a number, a boolean, a
 * date or null are quoted, so every string stays a string. */
static int looks_typed(const char *s, size_t n)
{
	static const char *const words[] = {
		"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n",
	};
	if (n == 0 || strchr("0123456789+-.", *s))
		return 1;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i]) == n && strncasecmp(s, words[i], n) == 0)
			return 1;
	return 0;
}

/* Whether S is valid UTF-8 without control characters (tab aside): what
 * libyaml writes as it is. */
static int writable(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		unsigned char c = p[i];
		size_t len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3
			   : (c & 0xf8) == 0xf0 ? 4 : 0;
		if (len == 0 || i + len > n || (c < 0x20 && c != '\t') || c == 0x7f ||
		    (len == 2 && c < 0xc2))
			return 0;
		for (size_t k = 1; k < len; k++)
			if ((p[i + k] & 0xc0) != 0x80)
				return 0;
		i += len;
	}
	return 1;
}

static void str_n(out_t *o, const char *s, size_t n)
{
	/* Any byte string becomes valid YAML: what libyaml would refuse (bad
	 * UTF-8, control bytes) is escaped as \xNN first. */
	if (!writable(s, n)) {
		char *escaped = untrusted_text(s, n, n);
		if (escaped == NULL) {
			o->failed = 1;
			return;
		}
		str_n(o, escaped, strlen(escaped));
		free(escaped);
		return;
	}
	yaml_event_t ev;
	yaml_scalar_style_t style = looks_typed(s, n) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE
						      : YAML_ANY_SCALAR_STYLE;
	int ok = yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)n, 1, 1, style);
	emit(o, &ev, ok);
}

static void str(out_t *o, const char *s)
{
	str_n(o, s, strlen(s));
}

/* A value that is itself typed: null, a boolean or a number. */
static void typed(out_t *o, const char *s)
{
	yaml_event_t ev;
	int ok = yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1,
					      0, YAML_PLAIN_SCALAR_STYLE);
	emit(o, &ev, ok);
}

static void str_or_null(out_t *o, const char *s)
{
	if (s)
		str(o, s);
	else
		typed(o, "null");
}

static void pair(out_t *o, const char *key, const char *value)
{
	str(o, key);
	str_or_null(o, value);
}

static void collection(out_t *o, int map, int start)
{
	yaml_event_t ev;
	int ok;
	if (map && start)
		ok = yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
	else if (map)
		ok = yaml_mapping_end_event_initialize(&ev);
	else if (start)
		ok = yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
	else
		ok = yaml_sequence_end_event_initialize(&ev);
	emit(o, &ev, ok);
}

static void lines(out_t *o, const char *key, const finding *f)
{
	str(o, key);
	collection(o, 0, 1);
	for (size_t i = 0; i < f->nlines; i++)
		str(o, f->lines[i].text);
	collection(o, 0, 0);
}

static void list(out_t *o, const char *key, const char *const *items, size_t n)
{
	str(o, key);
	collection(o, 0, 1);
	for (size_t i = 0; i < n; i++)
		str(o, items[i]);
	collection(o, 0, 0);
}

static void time_pair(out_t *o, const char *key, time_t t)
{
	struct tm tm;
	char s[32];
	int ok = t && gmtime_r(&t, &tm) && strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%SZ", &tm);
	pair(o, key, ok ? s : NULL);
}

static void finding_map(out_t *o, const finding *f)
{
	char summary[1024];
	collection(o, 1, 1);
	pair(o, "source", f->kind->source);
	pair(o, "code", f->kind->code);
	pair(o, "severity", severity_name(f->kind->sev));
	pair(o, "section", f->kind->section);
	pair(o, "summary", finding_summary(f, summary, sizeof summary));
	pair(o, "detail", f->detail);
	lines(o, "evidence", f);
	collection(o, 1, 0);
}

static void cert_map(out_t *o, const scep_cert *c)
{
	collection(o, 1, 1);
	pair(o, "role", c->is_ca ? "ca" : "ra");
	pair(o, "subject", c->subject);
	pair(o, "issuer", c->issuer);
	pair(o, "serial", c->serial);
	str(o, "self_signed");
	typed(o, c->self_signed ? "true" : "false");
	time_pair(o, "not_before", c->not_before);
	time_pair(o, "not_after", c->not_after);
	list(o, "key_usage", c->key_usage, c->nku);
	list(o, "extended_key_usage", (const char *const *)c->eku, c->neku);
	pair(o, "sha256", c->sha256);
	collection(o, 1, 0);
}

static void capabilities(out_t *o, const check_report *rep)
{
	str(o, "capabilities");
	if (!rep->have_caps) {
		typed(o, "null");
		return;
	}
	collection(o, 0, 1);
	for (size_t i = 0; scep_cap_name(i); i++)
		if (rep->caps.caps & (1u << i))
			str(o, scep_cap_name(i));
	collection(o, 0, 0);
}

/* The long request's measurement, in bytes: null when none. */
static void long_request_figures(out_t *o, const check_report *rep)
{
	char n[32];
	str(o, "largest_ok");
	snprintf(n, sizeof n, "%zu", rep->largest_ok);
	typed(o, rep->largest_ok ? n : "null");
	str(o, "first_refused");
	snprintf(n, sizeof n, "%zu", rep->first_refused);
	typed(o, rep->first_refused ? n : "null");
}

static void report_map(out_t *o, const check_report *rep)
{
	char n[32];
	collection(o, 1, 1);
	str(o, "version");
	typed(o, SCHEMA_VERSION);
	pair(o, "url", rep->url);
	str(o, "insecure");
	typed(o, rep->insecure ? "true" : "false");
	time_pair(o, "checked_at", rep->checked_at);
	pair(o, "outcome", rep->outcome);
	snprintf(n, sizeof n, "%zu", check_report_problems(rep));
	str(o, "problems");
	typed(o, n);
	long_request_figures(o, rep);
	str(o, "findings");
	collection(o, 0, 1);
	for (size_t i = 0; i < rep->findings.n; i++)
		finding_map(o, &rep->findings.v[i]);
	collection(o, 0, 0);
	capabilities(o, rep);
	str(o, "certificates");
	collection(o, 0, 1);
	for (size_t i = 0; i < rep->certs.ncerts; i++)
		cert_map(o, &rep->certs.certs[i]);
	collection(o, 0, 0);
	collection(o, 1, 0);
}

int report_yaml_write(const check_report *rep, FILE *file)
{
	out_t o = { .failed = 0 };
	yaml_event_t ev;
	if (!yaml_emitter_initialize(&o.em))
		return -1;
	yaml_emitter_set_output_file(&o.em, file);
	yaml_emitter_set_unicode(&o.em, 1);
	emit(&o, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	emit(&o, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0));
	report_map(&o, rep);
	emit(&o, &ev, yaml_document_end_event_initialize(&ev, 1));
	emit(&o, &ev, yaml_stream_end_event_initialize(&ev));
	yaml_emitter_flush(&o.em);
	yaml_emitter_delete(&o.em);
	return o.failed ? -1 : 0;
}
