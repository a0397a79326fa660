/* The session files on disk: claimed once, locked while a wizard has them,
 * stale temporaries removed, deleted and renamed only when nobody holds them. */
#include <config.h>

#include "session.h"
#include "regfile.h"

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

/* Opens and locks PATH (exclusive, or shared for a mere probe) without
 * waiting. A save renames a new file over the old one, so the lock taken
 * must be on the file the path names now: checked, and retried once moved. */
static int lock_path(const char *path, int how)
{
	for (int tries = 0; tries < 8; tries++) {
		int fd = regfile_open(path);
		if (fd < 0)
			return -1;
		if (flock(fd, how | LOCK_NB) < 0) {
			int saved = errno;
			close(fd);
			errno = saved;
			return -1;
		}
		struct stat held, now;
		if (fstat(fd, &held) == 0 && stat(path, &now) == 0 && held.st_ino == now.st_ino &&
		    held.st_dev == now.st_dev)
			return fd;
		close(fd);
	}
	errno = EWOULDBLOCK;
	return -1;
}

int session_lock(session *s)
{
	int fd = lock_path(s->path, LOCK_EX);
	if (fd < 0)
		return -1;
	session_hold(s, fd);
	return 0;
}

void session_hold(session *s, int fd)
{
	if (s->locked)
		close(s->lock_fd);
	s->lock_fd = fd;
	s->locked = 1;
}

/* Moves S to STEM-N in DIR. */
static int move_to(session *s, const char *dir, const char *stem, int n)
{
	char *id = NULL, *path = NULL;
	if (asprintf(&id, "%s-%d", stem, n) < 0)
		return -1;
	if (asprintf(&path, "%s/%s.yaml", dir, id) < 0) {
		free(id);
		return -1;
	}
	free(s->id);
	free(s->path);
	s->id = id;
	s->path = path;
	return 0;
}

int session_claim(session *s)
{
	char dir[PATH_MAX], stem[128];
	snprintf(dir, sizeof dir, "%s", s->path);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	snprintf(stem, sizeof stem, "%s", s->id);
	for (int n = 2; n < 1000; n++) {
		int fd = open(s->path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd >= 0) {
			/* Nobody else can hold a file made just now. */
			flock(fd, LOCK_EX | LOCK_NB);
			session_hold(s, fd);
			return 0;
		}
		if (errno != EEXIST || move_to(s, dir, stem, n) < 0)
			return -1;
	}
	errno = EEXIST;
	return -1;
}

/* NAME.yaml.XXXXXX, as mkstemp makes them in session_save. */
static int is_temporary(const struct dirent *d)
{
	const char *dot = strstr(d->d_name, ".yaml.");
	return d->d_name[0] != '.' && dot && strlen(dot) == 12;
}

int session_clean_temps(void)
{
	char dir[PATH_MAX], tmp[PATH_MAX + 256], base[PATH_MAX + 256];
	struct dirent **names;
	int n = scandir(session_dir(dir, sizeof dir), &names, is_temporary, alphasort), removed = 0;
	for (int i = 0; i < n; i++) {
		snprintf(tmp, sizeof tmp, "%s/%s", dir, names[i]->d_name);
		snprintf(base, sizeof base, "%s", tmp);
		base[strlen(base) - 7] = '\0';   /* drop ".XXXXXX" */
		free(names[i]);
		/* A live wizard holds its session's lock through every save. */
		int fd = lock_path(base, LOCK_SH);
		if (fd < 0 && errno == EWOULDBLOCK)
			continue;
		if (unlink(tmp) == 0)
			removed++;
		if (fd >= 0)
			close(fd);
	}
	if (n > 0)
		free(names);
	return removed;
}

int session_delete(const char *path)
{
	int fd = lock_path(path, LOCK_EX);
	if (fd < 0)
		return -1;
	int rc = unlink(path);
	int saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

int session_name_ok(const char *name)
{
	if (name[0] == '\0' || name[0] == '.' || strlen(name) > 100 || strstr(name, ".yaml"))
		return 0;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' || *p == '-'))
			return 0;
	return 1;
}

int session_rename(const char *path, const char *name)
{
	if (!session_name_ok(name)) {
		errno = EINVAL;
		return -1;
	}
	char dir[PATH_MAX], to[PATH_MAX + 128];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	snprintf(to, sizeof to, "%s/%s.yaml", slash ? (*slash = '\0', dir) : ".", name);
	int fd = lock_path(path, LOCK_EX);
	if (fd < 0)
		return -1;
	/* link() fails on an existing name: never over another session. */
	int rc = link(path, to) == 0 && unlink(path) == 0 ? 0 : -1;
	int saved = errno;
	close(fd);
	errno = saved;
	return rc;
}
