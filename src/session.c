#include <config.h>

#include "session.h"
#include "strbuf.h"
#include "i18n.h"
#include "yamldoc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

static const char *const how_names[] = { "start", "answer", "jump" };

/* ---- where ---------------------------------------------------------------- */

const char *session_dir(char *buf, size_t size)
{
	const char *state = getenv("XDG_STATE_HOME");
	if (state && *state == '/')
		snprintf(buf, size, "%s/scepwiz/sessions", state);
	else
		snprintf(buf, size, "%s/.local/state/scepwiz/sessions",
			 getenv("HOME") ? getenv("HOME") : ".");
	return buf;
}

/* mkdir -p, private: sessions name customers' servers. */
static int make_dirs(const char *path)
{
	char buf[PATH_MAX];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *p = buf + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(buf, 0700) < 0 && errno != EEXIST)
				return -1;
			*p = '/';
		}
	return mkdir(buf, 0700) < 0 && errno != EEXIST ? -1 : 0;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

int session_new(session *s, const char *lang)
{
	char dir[PATH_MAX], path[PATH_MAX + 128], id[64];
	memset(s, 0, sizeof *s);
	s->created = s->updated = time(NULL);
	snprintf(s->lang, sizeof s->lang, "%s", lang);
	session_dir(dir, sizeof dir);
	struct tm tm;
	strftime(id, sizeof id, "%Y%m%d-%H%M%S", gmtime_r(&s->created, &tm));
	snprintf(path, sizeof path, "%s/%s.yaml", dir, id);
	s->id = strdup(id);
	s->path = strdup(path);
	walk_init(&s->walk);
	return s->id && s->path ? 0 : -1;
}

int session_record(session *s, const walk *w, const char *lang)
{
	if (w->len > s->walk.cap) {
		walk_entry *e = realloc(s->walk.entries, w->len * sizeof *e);
		if (e == NULL)
			return -1;
		s->walk.entries = e;
		s->walk.cap = w->len;
	}
	memcpy(s->walk.entries, w->entries, w->len * sizeof *w->entries);
	s->walk.len = w->len;
	s->walk.pos = w->pos;
	snprintf(s->lang, sizeof s->lang, "%s", lang);
	return session_save(s);
}

/* ---- writing --------------------------------------------------------------- */

typedef struct {
	yaml_emitter_t em;
	int ok;
} writer;

static void emit(writer *w, yaml_event_t *ev)
{
	if (w->ok && !yaml_emitter_emit(&w->em, ev))
		w->ok = 0;
}

static void scalar(writer *w, const char *s)
{
	yaml_event_t ev;
	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1,
				     YAML_ANY_SCALAR_STYLE);
	emit(w, &ev);
}

static void pair(writer *w, const char *key, const char *value)
{
	if (value == NULL)
		return;
	scalar(w, key);
	scalar(w, value);
}

static void pair_int(writer *w, const char *key, long value)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%ld", value);
	pair(w, key, buf);
}

static void pair_time(writer *w, const char *key, time_t t)
{
	char buf[32];
	struct tm tm;
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
	pair(w, key, buf);
}

static void open_map(writer *w, int flow)
{
	yaml_event_t ev;
	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
					    flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
	emit(w, &ev);
}

static void close_map(writer *w)
{
	yaml_event_t ev;
	yaml_mapping_end_event_initialize(&ev);
	emit(w, &ev);
}

static void open_seq(writer *w, const char *key)
{
	yaml_event_t ev;
	scalar(w, key);
	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
	emit(w, &ev);
}

static void close_seq(writer *w)
{
	yaml_event_t ev;
	yaml_sequence_end_event_initialize(&ev);
	emit(w, &ev);
}

static void write_entries(writer *w, const walk *wk)
{
	open_seq(w, "entries");
	for (size_t i = 0; i < wk->len; i++) {
		const walk_entry *e = &wk->entries[i];
		char spec[256];
		snprintf(spec, sizeof spec, "%s/%s", e->node->tree->id, e->node->id);
		open_map(w, 1);
		pair(w, "node", spec);
		pair(w, "how", how_names[e->how]);
		if (e->choice >= 0)
			pair_int(w, "choice", e->choice);
		pair(w, "outcome", e->outcome);
		close_map(w);
	}
	close_seq(w);
}

static void write_findings(writer *w, const session *s)
{
	if (s->findings.n == 0)
		return;
	open_seq(w, "findings");
	for (size_t i = 0; i < s->findings.n; i++) {
		const finding *f = &s->findings.v[i];
		open_map(w, 0);
		pair(w, "code", f->kind->code);
		pair(w, "detail", f->detail);
		if (f->nlines) {
			open_seq(w, "evidence");
			for (size_t j = 0; j < f->nlines; j++)
				scalar(w, f->lines[j].text);
			close_seq(w);
		}
		close_map(w);
	}
	close_seq(w);
}

static int write_doc(FILE *f, const session *s)
{
	writer w = { .ok = 1 };
	yaml_event_t ev;
	if (!yaml_emitter_initialize(&w.em))
		return -1;
	yaml_emitter_set_output_file(&w.em, f);
	yaml_emitter_set_unicode(&w.em, 1);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(&w, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(&w, &ev);
	open_map(&w, 0);
	pair_int(&w, "scepwiz-session", SESSION_VERSION);
	pair_time(&w, "created", s->created);
	pair_time(&w, "updated", s->updated);
	pair(&w, "lang", s->lang);
	pair(&w, "engineer", s->engineer);
	pair(&w, "ticket", s->ticket);
	pair(&w, "url", s->url);
	pair_int(&w, "position", (long)s->walk.pos);
	write_entries(&w, &s->walk);
	write_findings(&w, s);
	close_map(&w);
	yaml_document_end_event_initialize(&ev, 1);
	emit(&w, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(&w, &ev);
	int ok = w.ok && yaml_emitter_flush(&w.em);
	yaml_emitter_delete(&w.em);
	return ok ? 0 : -1;
}

/* Temporary file, fsync, rename, fsync of the folder: the old file stays
 * whole until the new one is complete on disk. The temporary is locked
 * before it is renamed, so the lock on the session never lapses. */
int session_save(session *s)
{
	char dir[PATH_MAX], tmp[PATH_MAX + 16];
	snprintf(dir, sizeof dir, "%s", s->path);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	if (make_dirs(dir) < 0 || (!s->locked && session_claim(s) < 0))
		return -1;
	snprintf(tmp, sizeof tmp, "%s.XXXXXX", s->path);
	/* Close-on-exec: a print command the wizard starts must not keep the lock. */
	int fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return -1;
	int copy = dup(fd);
	FILE *f = copy >= 0 ? fdopen(copy, "w") : NULL;
	s->updated = time(NULL);
	int rc = f && flock(fd, LOCK_EX | LOCK_NB) == 0 && fchmod(fd, 0600) == 0 &&
			 write_doc(f, s) == 0 && fflush(f) == 0 && fsync(fd) == 0 ? 0 : -1;
	int saved = errno;
	if (f ? fclose(f) != 0 : copy >= 0 && close(copy) != 0)
		rc = -1;
	if (rc == 0 && rename(tmp, s->path) == 0) {
		session_hold(s, fd);
		int dfd = open(dir, O_RDONLY | O_DIRECTORY);
		if (dfd >= 0) {
			fsync(dfd);
			close(dfd);
		}
		return 0;
	}
	saved = rc == 0 ? errno : saved;
	unlink(tmp);
	close(fd);
	errno = saved;
	return -1;
}

/* ---- reading --------------------------------------------------------------- */

typedef struct {
	char *err;
	size_t size;
	int failed;
} problem;

static int refuse(problem *p, const yd_node *at, const char *fmt, ...)
{
	if (p->failed++)
		return -1;
	size_t len = 0;
	if (at) {
		snprintf(p->err, p->size, _("line %u: "), at->line);
		len = strlen(p->err);
	}
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->err + len, p->size - len, fmt, ap);
	va_end(ap);
	return -1;
}

static const char *str_of(const yd_node *map, const char *key)
{
	const yd_node *v = yd_get(map, key);
	return v && v->kind == YD_SCALAR ? v->str : NULL;
}

static int long_of(const yd_node *map, const char *key, long *out)
{
	const char *s = str_of(map, key);
	char *end;
	if (s == NULL || *s == '\0')
		return -1;
	*out = strtol(s, &end, 10);
	return *end == '\0' && *out >= 0 && *out < INT_MAX ? 0 : -1;
}

static int time_of(const yd_node *map, const char *key, time_t *out)
{
	const char *s = str_of(map, key);
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	const char *end = s ? strptime(s, "%Y-%m-%dT%H:%M:%SZ", &tm) : NULL;
	if (end == NULL || *end != '\0')
		return -1;
	*out = timegm(&tm);
	return 0;
}

static int read_entry(problem *p, const yd_node *m, const tree_set *set, walk_entry *e)
{
	long picked = -1;
	int ambiguous;
	const char *spec = str_of(m, "node"), *how = str_of(m, "how"), *outcome = str_of(m, "outcome");
	if (m->kind != YD_MAP || spec == NULL || how == NULL)
		return refuse(p, m, _("an entry needs 'node' and 'how'"));
	e->node = strchr(spec, '/') ? tree_set_find(set, spec, &ambiguous) : NULL;
	if (e->node == NULL)
		return refuse(p, m, _("the trees have no section '%s' any more"), spec);
	e->how = MOVE_START;
	while (e->how <= MOVE_JUMP && strcmp(how_names[e->how], how) != 0)
		e->how++;
	if (e->how > MOVE_JUMP)
		return refuse(p, m, _("unknown move '%s'"), how);
	if (yd_get(m, "choice") && (long_of(m, "choice", &picked) < 0 ||
				    (size_t)picked >= (e->node->nchoices ? e->node->nchoices : 1)))
		return refuse(p, m, _("section '%s' has no choice %s"), spec, str_of(m, "choice"));
	e->choice = (int)picked;
	e->outcome = NULL;
	if (outcome) {
		const char *kept = picked >= 0 && e->node->nchoices ? e->node->choices[picked].outcome : NULL;
		if (kept == NULL || strcmp(kept, outcome) != 0)
			return refuse(p, m, _("section '%s' has no outcome '%s'"), spec, outcome);
		e->outcome = kept;
	}
	return 0;
}

static int read_walk(problem *p, const yd_node *doc, const tree_set *set, walk *w)
{
	const yd_node *list = yd_get(doc, "entries");
	long pos;
	if (list == NULL || list->kind != YD_SEQ || list->n == 0)
		return refuse(p, doc, _("it holds no walk ('entries')"));
	if (long_of(doc, "position", &pos) < 0 || (size_t)pos >= list->n)
		return refuse(p, yd_get(doc, "position"), _("'position' is not an entry of the walk"));
	w->entries = calloc(list->n, sizeof *w->entries);
	if (w->entries == NULL)
		return refuse(p, NULL, "%s", strerror(ENOMEM));
	w->cap = w->len = list->n;
	w->pos = (size_t)pos;
	for (size_t i = 0; i < list->n; i++)
		if (read_entry(p, list->items[i], set, &w->entries[i]) < 0)
			return -1;
	return 0;
}

static int read_evidence(problem *p, const yd_node *list, finding *f)
{
	if (list == NULL)
		return 0;
	if (list->kind != YD_SEQ)
		return refuse(p, list, _("'evidence' must be a list"));
	for (size_t i = 0; i < list->n; i++) {
		const yd_node *line = list->items[i];
		if (line->kind != YD_SCALAR)
			return refuse(p, line, _("'evidence' must be a list of lines"));
		if (finding_add_line(f, NULL, 0, line->str, strlen(line->str)) < 0)
			return refuse(p, NULL, "%s", strerror(ENOMEM));
	}
	return 0;
}

static int read_findings(problem *p, const yd_node *doc, session *s)
{
	const yd_node *list = yd_get(doc, "findings");
	if (list == NULL)
		return 0;
	if (list->kind != YD_SEQ)
		return refuse(p, list, _("'findings' must be a list"));
	for (size_t i = 0; i < list->n; i++) {
		const yd_node *m = list->items[i];
		const char *code = m->kind == YD_MAP ? str_of(m, "code") : NULL;
		if (code == NULL)
			return refuse(p, m, _("a finding needs a 'code'"));
		/* The kind gives the severity, section and sentence: a session
		 * keeps only what was seen. */
		const finding_kind *k = finding_kind_find(code);
		if (k == NULL) {
			char *shown = untrusted_text(code, strlen(code), 80);
			refuse(p, m, _("unknown finding code '%s' ('scepwiz explain' lists them)"),
			       shown ? shown : "");
			free(shown);
			return -1;
		}
		const char *detail = str_of(m, "detail");
		finding *f = finding_add(&s->findings, k,
					 detail ? untrusted_text(detail, strlen(detail), 400) : NULL);
		if (f == NULL || read_evidence(p, yd_get(m, "evidence"), f) < 0)
			return f ? -1 : refuse(p, NULL, "%s", strerror(ENOMEM));
	}
	return 0;
}

static int read_session(problem *p, const yd_node *doc, const tree_set *set, session *s)
{
	long version;
	if (doc->kind != YD_MAP || long_of(doc, "scepwiz-session", &version) < 0)
		return refuse(p, NULL, _("not a scepwiz session"));
	if (version > SESSION_VERSION)
		return refuse(p, NULL, _("written by a newer scepwiz (session format %ld; this one reads %d)"),
			      version, SESSION_VERSION);
	if (time_of(doc, "created", &s->created) < 0 || time_of(doc, "updated", &s->updated) < 0)
		return refuse(p, doc, _("'created' and 'updated' must be times like 2026-01-31T12:00:00Z"));
	const char *lang = str_of(doc, "lang");
	if (lang == NULL || i18n_normalize(lang) == NULL)
		return refuse(p, yd_get(doc, "lang"), _("unknown language '%s'"), lang ? lang : "");
	snprintf(s->lang, sizeof s->lang, "%s", i18n_normalize(lang));
	s->engineer = dup_or_null(str_of(doc, "engineer"));
	s->ticket = dup_or_null(str_of(doc, "ticket"));
	s->url = dup_or_null(str_of(doc, "url"));
	if (read_walk(p, doc, set, &s->walk) < 0)
		return -1;
	return read_findings(p, doc, s);
}

static char *id_of(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
		n -= 5;
	return strndup(base, n);
}

/* Refusals quote the file (a section, a language): made printable before
 * any terminal sees them. Returns -1. */
static int printable_err(char *err, size_t size)
{
	char *shown = printable_text(err);
	if (shown)
		snprintf(err, size, "%s", shown);
	free(shown);
	return -1;
}

int session_load(session *s, const char *path, const tree_set *set, char *err, size_t errsize)
{
	problem p = { err, errsize, 0 };
	yd_error e;
	memset(s, 0, sizeof *s);
	walk_init(&s->walk);
	yd_node *doc = yd_load_file(path, &e);
	if (doc == NULL) {
		if (e.too_large)
			snprintf(err, errsize, _("larger than %d bytes: too large for a session"),
				 YD_MAX_BYTES);
		else if (e.line)
			snprintf(err, errsize, _("line %u: %s"), e.line, e.msg);
		else
			snprintf(err, errsize, "%s", e.msg);
		return printable_err(err, errsize);
	}
	int rc = read_session(&p, doc, set, s);
	yd_free(doc);
	s->path = strdup(path);
	s->id = id_of(path);
	if (rc < 0) {
		session_free(s);
		return printable_err(err, errsize);
	}
	return 0;
}

void session_set_findings(session *s, const finding_list *l)
{
	finding_list_free(&s->findings);
	for (size_t i = 0; i < l->n; i++)
		finding_add_copy(&s->findings, &l->v[i]);
}

void session_take_report(session *s, const check_report *rep)
{
	session_set_findings(s, &rep->findings);
	free(s->url);
	s->url = printable_url(rep->url, 2048);
}

char **session_finding_lines(const session *s)
{
	char **lines = calloc(s->findings.n + 1, sizeof *lines);
	for (size_t i = 0; lines && i < s->findings.n; i++) {
		const finding *f = &s->findings.v[i];
		char buf[1024];
		finding_summary(f, buf, sizeof buf);
		/* The severities as translators see them: */
		static const char *const names[] = { N_("ok"), N_("info"), N_("warning"), N_("problem") };
		(void)names;
		const char *section = f->kind->section;
		if (asprintf(&lines[i], "[%s] %s%s%s", _(severity_name(f->kind->sev)), buf,
			     section ? " -> " : "", section ? section : "") < 0)
			lines[i] = NULL;
	}
	return lines;
}

void session_free_lines(char **lines)
{
	for (size_t i = 0; lines && lines[i]; i++)
		free(lines[i]);
	free(lines);
}

void session_free(session *s)
{
	if (s->locked)
		close(s->lock_fd);
	free(s->path);
	free(s->id);
	free(s->engineer);
	free(s->ticket);
	free(s->url);
	finding_list_free(&s->findings);
	walk_release(&s->walk);
	memset(s, 0, sizeof *s);
}

/* ---- listing --------------------------------------------------------------- */

static int is_session_file(const struct dirent *d)
{
	size_t n = strlen(d->d_name);
	return d->d_name[0] != '.' && n > 5 && strcmp(d->d_name + n - 5, ".yaml") == 0;
}

/* Nanoseconds, so sessions saved within one second still sort. */
static long long mtime_of(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec : 0;
}

static int newest_first(const void *a, const void *b)
{
	const char *pa = *(char *const *)a, *pb = *(char *const *)b;
	long long ta = mtime_of(pa), tb = mtime_of(pb);
	if (ta != tb)
		return ta < tb ? 1 : -1;
	return strcmp(pb, pa);
}

char **session_list(size_t *n)
{
	char dir[PATH_MAX];
	struct dirent **names;
	*n = 0;
	int count = scandir(session_dir(dir, sizeof dir), &names, is_session_file, alphasort);
	if (count <= 0)
		return NULL;
	char **paths = calloc((size_t)count, sizeof *paths);
	for (int i = 0; i < count; i++) {
		if (paths && asprintf(&paths[*n], "%s/%s", dir, names[i]->d_name) >= 0)
			(*n)++;
		free(names[i]);
	}
	free(names);
	if (paths)
		qsort(paths, *n, sizeof *paths, newest_first);
	return paths;
}

void session_list_free(char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

const char *session_find(const char *id_or_path, char *buf, size_t size)
{
	if (id_or_path == NULL) {
		size_t n;
		char **paths = session_list(&n);
		const char *found = n ? (snprintf(buf, size, "%s", paths[0]), buf) : NULL;
		session_list_free(paths, n);
		return found;
	}
	if (strchr(id_or_path, '/') || access(id_or_path, F_OK) == 0) {
		snprintf(buf, size, "%s", id_or_path);
		return buf;
	}
	char dir[PATH_MAX];
	snprintf(buf, size, "%s/%s.yaml", session_dir(dir, sizeof dir), id_or_path);
	return access(buf, F_OK) == 0 ? buf : NULL;
}
