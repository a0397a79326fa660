/* Sessions: where they live, a new one, saving after every move, the stored
 * findings, and the list of saved sessions (the YAML itself is
 * session_write.c and session_read.c; locks and claims session_file.c). */
#include <config.h>

#include "session.h"
#include "strbuf.h"
#include "i18n.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

const char *const session_how_names[] = { "start", "answer", "jump" };

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
	if (walk_copy(&s->walk, w) < 0)
		return -1;
	snprintf(s->lang, sizeof s->lang, "%s", lang);
	return session_save(s);
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
			 session_write_yaml(f, s) == 0 && fflush(f) == 0 && fsync(fd) == 0 ? 0 : -1;
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
	marks_free(&s->marks);
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
