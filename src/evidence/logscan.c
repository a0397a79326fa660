/* The log analysis: records in, findings out, one pass, bounded memory. */
#include <config.h>

#include "evidence/logscan.h"
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void logscan_init(log_scan *s, const evidence_index *ix)
{
	*s = (log_scan){ .ix = ix };
	if (ix->n && (s->slot = calloc(ix->n, sizeof *s->slot)) == NULL)
		s->failed = 1;
}

static scanned_file *current_file(log_scan *s, const char *file)
{
	if (s->nfiles && strcmp(s->files[s->nfiles - 1].file, file) == 0)
		return &s->files[s->nfiles - 1];
	return NULL;
}

static void on_file_kind(const char *file, const char *kind, void *arg)
{
	log_scan *s = arg;
	scanned_file *v = realloc(s->files, (s->nfiles + 1) * sizeof *v);
	char *name = untrusted_text(file, strlen(file), 512);
	if (v == NULL || name == NULL) {
		free(name);
		s->files = v ? v : s->files;
		s->failed = 1;
		return;
	}
	s->files = v;
	s->files[s->nfiles++] = (scanned_file){ .file = name, .kind = kind };
}

static void on_note(const char *file, const char *why, void *arg)
{
	log_scan *s = arg;
	scan_note *v = realloc(s->notes, (s->nnotes + 1) * sizeof *v);
	char *name = untrusted_text(file, strlen(file), 512);
	if (v == NULL || name == NULL) {
		free(name);
		s->notes = v ? v : s->notes;
		s->failed = 1;
		return;
	}
	s->notes = v;
	s->notes[s->nnotes++] = (scan_note){ name, why };
}

/* Keeps the first lines of a finding and, in the last slot, the latest. */
static void keep_line(finding *f, const log_record *r)
{
	if (f->nlines == LOGSCAN_LINES) {
		evidence_line *last = &f->lines[LOGSCAN_LINES - 1];
		free(last->file);
		free(last->text);
		f->nlines--;
	}
	finding_add_line(f, r->file, r->line, r->text ? r->text : "", r->text ? r->text_len : 0);
}

static void note_time(log_scan *s, size_t i, const char *t)
{
	if (t == NULL || *t == '\0')
		return;
	char (*w)[20] = s->when[i];
	if (w[0][0] == '\0' || strcmp(t, w[0]) < 0)
		snprintf(w[0], sizeof w[0], "%s", t);
	if (strcmp(t, w[1]) > 0)
		snprintf(w[1], sizeof w[1], "%s", t);
}

/* The finding for KIND with DETAIL, made on first sight. SLOT, when not
 * NULL, remembers it for the next record. */
static finding *finding_for(log_scan *s, const finding_kind *kind, const char *detail, size_t *slot)
{
	if (slot && *slot)
		return &s->findings.v[*slot - 1];
	for (size_t i = 0; !slot && i < s->findings.n; i++)
		if (s->findings.v[i].kind == kind &&
		    strcmp(s->findings.v[i].detail ? s->findings.v[i].detail : "", detail ? detail : "") == 0)
			return &s->findings.v[i];
	char (*when)[2][20] = realloc(s->when, (s->findings.n + 1) * sizeof *when);
	if (when == NULL) {
		s->failed = 1;
		return NULL;
	}
	s->when = when;
	memset(s->when[s->findings.n], 0, sizeof *s->when);
	finding *f = finding_add(&s->findings, kind, detail ? strdup(detail) : NULL);
	if (f == NULL) {
		s->failed = 1;
		return NULL;
	}
	f->count = 0;
	if (slot)
		*slot = s->findings.n;
	return f;
}

static void seen(log_scan *s, finding *f, const log_record *r)
{
	f->count++;
	keep_line(f, r);
	note_time(s, (size_t)(f - s->findings.v), r->time);
}

/* What a user agent says of the platform that sent it. */
static const char *platform(const char *agent)
{
	static const struct {
		const char *has, *name;
	} names[] = {
		{ "Android", "Android" }, { "Dalvik", "Android" }, { "iPhone", "iOS/iPadOS" },
		{ "iPad", "iOS/iPadOS" }, { "iOS", "iOS/iPadOS" }, { "Darwin", "iOS/iPadOS" },
		{ "Mac OS", "macOS" }, { "Win32", "Windows" }, { "Windows", "Windows" },
	};
	for (size_t i = 0; agent && i < sizeof names / sizeof *names; i++)
		if (strstr(agent, names[i].has))
			return names[i].name;
	return "other";
}

static void tally_mscep(log_scan *s, scanned_file *file, const log_record *r)
{
	const char *stem = log_record_field(r, "cs-uri-stem");
	if (stem == NULL || strcasestr(stem, "mscep.dll") == NULL)
		return;
	if (file)
		file->mscep++;
	const char *status = log_record_field(r, "sc-status");
	char detail[80];
	snprintf(detail, sizeof detail, "HTTP %.8s, %s", status ? status : "?",
		 platform(log_record_field(r, "cs(User-Agent)")));
	char *shown = untrusted_text(detail, strlen(detail), 80);
	finding *f = shown ? finding_for(s, finding_builtin(FK_IIS_MSCEP_REQUESTS), shown, NULL) : NULL;
	free(shown);
	if (f)
		seen(s, f, r);
}

static void on_record(const log_record *r, void *arg)
{
	log_scan *s = arg;
	scanned_file *file = current_file(s, r->file);
	if (file)
		file->records++;
	if (strcmp(r->kind, "iis") == 0)
		tally_mscep(s, file, r);
	for (size_t i = 0; i < s->ix->n; i++) {
		if (!evidence_matches(s->ix->v[i].pattern, r))
			continue;
		finding *f = finding_for(s, &s->ix->v[i].kind, NULL, s->slot ? &s->slot[i] : NULL);
		if (f)
			seen(s, f, r);
	}
}

log_sink logscan_sink(log_scan *s)
{
	return (log_sink){ on_record, on_note, on_file_kind, s };
}

/* A finding's time range joins its detail: "FIRST – LAST". */
static void add_times(log_scan *s)
{
	for (size_t i = 0; i < s->findings.n; i++) {
		char (*w)[20] = s->when[i], range[96];
		if (w[0][0] == '\0')
			continue;
		finding *f = &s->findings.v[i];
		if (strcmp(w[0], w[1]) == 0)
			snprintf(range, sizeof range, "%s", w[0]);
		else
			snprintf(range, sizeof range, "%s .. %s", w[0], w[1]);
		char *d = malloc((f->detail ? strlen(f->detail) : 0) + strlen(range) + 3);
		if (d == NULL)
			continue;
		sprintf(d, "%s%s%s", f->detail ? f->detail : "", f->detail ? ", " : "", range);
		free(f->detail);
		f->detail = d;
	}
}

void logscan_finish(log_scan *s)
{
	for (size_t i = 0; i < s->nfiles; i++)
		if (strcmp(s->files[i].kind, "iis") == 0 && s->files[i].mscep == 0) {
			char *name = untrusted_text(s->files[i].file, strlen(s->files[i].file), 300);
			finding *f = name ? finding_for(s, finding_builtin(FK_IIS_NO_MSCEP), name, NULL) : NULL;
			free(name);
			if (f)
				f->count = 1;
		}
	add_times(s);
}

int logscan_step_of(const tree_set *set, const char *section)
{
	int amb;
	const node *n = section ? tree_set_find(set, section, &amb) : NULL;
	return n == NULL ? 0 : n->flow_step ? n->flow_step : n->tree->flow_step;
}

void logscan_flow(const log_scan *s, const tree_set *set, flow_row rows[6])
{
	for (int i = 0; i < 6; i++)
		rows[i] = (flow_row){ FLOW_UNKNOWN, NULL };
	for (size_t i = 0; i < s->findings.n; i++) {
		const finding *f = &s->findings.v[i];
		int n = logscan_step_of(set, f->kind->section);
		if (n < 1 || n > 6)
			continue;
		flow_row *r = &rows[n - 1];
		if (f->kind->sev == SEV_PROBLEM && r->state != FLOW_FAILED)
			*r = (flow_row){ FLOW_FAILED, f };
		else if (f->kind->sev == SEV_OK && r->state == FLOW_UNKNOWN)
			*r = (flow_row){ FLOW_OK, f };
	}
}

size_t logscan_known_files(const log_scan *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->nfiles; i++)
		n += strcmp(s->files[i].kind, "text") != 0;
	return n;
}

void logscan_free(log_scan *s)
{
	finding_list_free(&s->findings);
	for (size_t i = 0; i < s->nfiles; i++)
		free(s->files[i].file);
	for (size_t i = 0; i < s->nnotes; i++)
		free(s->notes[i].file);
	free(s->files);
	free(s->notes);
	free(s->slot);
	free(s->when);
	*s = (log_scan){ 0 };
}
