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

/* What the scan keeps of a finding while it reads: the times it was first
 * and last seen, what a tally is found by, and the latest matching line
 * as read (escaped only once, at the end: the hot path copies, nothing more). */
struct scan_state {
	char first[20], last[20];
	char status[9];         /* a tally's status (8 bytes at most) and platform */
	const char *platform;
	char *latest;
	size_t latest_len, latest_cap;
	char *latest_file;
	unsigned long latest_line;
};

/* Copies T, cut to fit SIZE: called for nearly every record, so no printf. */
static void keep_time(char *to, size_t size, const char *t)
{
	size_t n = strnlen(t, size - 1);
	memcpy(to, t, n);
	to[n] = '\0';
}

static void note_time(struct scan_state *st, const char *t)
{
	if (t == NULL || *t == '\0')
		return;
	if (st->first[0] == '\0' || strcmp(t, st->first) < 0)
		keep_time(st->first, sizeof st->first, t);
	if (strcmp(t, st->last) > 0)
		keep_time(st->last, sizeof st->last, t);
}

/* The first LOGSCAN_LINES - 1 lines are kept as evidence at once; after
 * them only the latest is remembered, raw. */
static void keep_line(log_scan *s, finding *f, struct scan_state *st, const log_record *r)
{
	const char *line = r->text ? r->text : "";
	size_t len = r->text ? r->text_len : 0;
	if (f->nlines < LOGSCAN_LINES - 1) {
		if (finding_add_line(f, r->file, r->line, line, len) < 0)
			s->failed = 1;
		return;
	}
	if (len + 1 > st->latest_cap) {
		char *v = realloc(st->latest, len + 1);
		if (v == NULL) {
			s->failed = 1;
			return;
		}
		st->latest = v;
		st->latest_cap = len + 1;
	}
	memcpy(st->latest, line, len);
	st->latest[len] = '\0';
	st->latest_len = len;
	st->latest_line = r->line;
	if (st->latest_file == NULL || strcmp(st->latest_file, r->file) != 0) {
		free(st->latest_file);
		if ((st->latest_file = strdup(r->file)) == NULL)
			s->failed = 1;
	}
}

/* A new finding of KIND (DETAIL copied, escaped). */
static finding *new_finding(log_scan *s, const finding_kind *kind, const char *detail)
{
	struct scan_state *st = realloc(s->state, (s->findings.n + 1) * sizeof *st);
	if (st == NULL) {
		s->failed = 1;
		return NULL;
	}
	s->state = st;
	st += s->findings.n;
	*st = (struct scan_state){ .platform = NULL };
	char *d = detail ? untrusted_text(detail, strlen(detail), 200) : NULL;
	finding *f = finding_add(&s->findings, kind, d);
	if (f == NULL) {
		s->failed = 1;
		return NULL;
	}
	f->count = 0;
	return f;
}

static void seen(log_scan *s, finding *f, const log_record *r)
{
	struct scan_state *st = &s->state[f - s->findings.v];
	f->count++;
	keep_line(s, f, st, r);
	note_time(st, r->time);
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

/* mscep.dll requests, counted by status and platform: a finding each. */
static void tally_mscep(log_scan *s, scanned_file *file, const log_record *r)
{
	const char *stem = log_record_field_cached(r, "cs-uri-stem", &s->stem);
	if (stem == NULL || !evidence_holds(stem, "mscep.dll", 9))
		return;
	if (file)
		file->mscep++;
	const char *status = log_record_field_cached(r, "sc-status", &s->status);
	const char *from = platform(log_record_field_cached(r, "cs(User-Agent)", &s->agent));
	char cut[9];
	keep_time(cut, sizeof cut, status ? status : "?");
	/* Found by status and platform, compared as they are: building the
	 * key for every request cost a third of the scan. */
	const finding_kind *kind = finding_builtin(FK_IIS_MSCEP_REQUESTS);
	finding *f = NULL;
	for (size_t i = 0; i < s->findings.n && !f; i++)
		if (s->findings.v[i].kind == kind && s->state[i].platform == from &&
		    strcmp(s->state[i].status, cut) == 0)
			f = &s->findings.v[i];
	if (f == NULL) {
		char detail[80];
		snprintf(detail, sizeof detail, "HTTP %s, %s", cut, from);
		if ((f = new_finding(s, kind, detail)) == NULL)
			return;
		struct scan_state *st = &s->state[f - s->findings.v];
		memcpy(st->status, cut, sizeof cut);
		st->platform = from;
	}
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
	/* A reader names its kind with one string: the last lookup holds. */
	if (r->kind != s->last_kind) {
		s->last_candidates = evidence_candidates(s->ix, r->kind, &s->nlast_candidates);
		s->last_kind = r->kind;
	}
	size_t n = s->nlast_candidates;
	const size_t *candidates = s->last_candidates;
	for (size_t k = 0; k < n; k++) {
		size_t i = candidates[k];
		if (!evidence_matches_fields(&s->ix->v[i], r))
			continue;
		finding *f = s->slot[i] ? &s->findings.v[s->slot[i] - 1] : NULL;
		if (f == NULL && (f = new_finding(s, &s->ix->v[i].kind, NULL)) != NULL)
			s->slot[i] = s->findings.n;
		if (f)
			seen(s, f, r);
	}
}

log_sink logscan_sink(log_scan *s)
{
	return (log_sink){ on_record, on_note, on_file_kind, s };
}

/* A finding's time range joins its detail ("FIRST .. LAST"), and its
 * latest line its evidence. */
static void finish_finding(log_scan *s, size_t i)
{
	finding *f = &s->findings.v[i];
	struct scan_state *st = &s->state[i];
	if (st->latest && finding_add_line(f, st->latest_file, st->latest_line, st->latest,
					   st->latest_len) < 0)
		s->failed = 1;
	if (st->first[0] == '\0')
		return;
	char range[96];
	if (strcmp(st->first, st->last) == 0)
		snprintf(range, sizeof range, "%s", st->first);
	else
		snprintf(range, sizeof range, "%s .. %s", st->first, st->last);
	char *t = untrusted_text(range, strlen(range), 96);
	char *d = t ? malloc((f->detail ? strlen(f->detail) : 0) + strlen(t) + 3) : NULL;
	if (d) {
		sprintf(d, "%s%s%s", f->detail ? f->detail : "", f->detail ? ", " : "", t);
		free(f->detail);
		f->detail = d;
	}
	free(t);
}

void logscan_finish(log_scan *s)
{
	for (size_t i = 0; i < s->nfiles; i++)
		if (strcmp(s->files[i].kind, "iis") == 0 && s->files[i].mscep == 0) {
			finding *f = new_finding(s, finding_builtin(FK_IIS_NO_MSCEP), s->files[i].file);
			if (f)
				f->count = 1;
		}
	for (size_t i = 0; i < s->findings.n; i++)
		finish_finding(s, i);
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
	for (size_t i = 0; i < s->findings.n; i++) {
		free(s->state[i].latest);
		free(s->state[i].latest_file);
	}
	finding_list_free(&s->findings);
	for (size_t i = 0; i < s->nfiles; i++)
		free(s->files[i].file);
	for (size_t i = 0; i < s->nnotes; i++)
		free(s->notes[i].file);
	free(s->files);
	free(s->notes);
	free(s->state);
	free(s->slot);
	*s = (log_scan){ 0 };
}
