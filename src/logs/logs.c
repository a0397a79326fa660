/* Paths to sources: a file, a folder walked in name order (symlink loops
 * and depth bounded), or "-" for standard input; only regular files are
 * opened for reading, so a FIFO or a device can't hang the walk. */
#define _GNU_SOURCE
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "logs/logs.h"
#include "logs/readers.h"

#define MAX_DEPTH 16

/* The folders being walked, to see a symlink loop. */
typedef struct {
	dev_t dev[MAX_DEPTH + 1];
	ino_t ino[MAX_DEPTH + 1];
	int depth;
} walk;

const char *log_record_field(const log_record *r, const char *name)
{
	for (size_t i = 0; i < r->nfields; i++)
		if (!strcasecmp(r->fields[i].name, name))
			return r->fields[i].value;
	return NULL;
}

const char *log_record_field_cached(const log_record *r, const char *name, log_field_cache *c)
{
	if (c->i < r->nfields && r->fields[c->i].name == c->name)
		return r->fields[c->i].value;
	for (size_t i = 0; i < r->nfields; i++)
		if (!strcasecmp(r->fields[i].name, name)) {
			*c = (log_field_cache){ i, r->fields[i].name };
			return r->fields[i].value;
		}
	return NULL;
}

static ssize_t fd_read(log_source *s, void *buf, size_t n)
{
	return read(*(int *)s->ctx, buf, n);
}

static void read_fd(int fd, const char *name, const log_sink *sink)
{
	log_source src = { .name = name, .read = fd_read, .ctx = &fd, .depth = 0 };
	logs_read_source(&src, sink);
}

static const char *open_error(int err)
{
	return err == EACCES || err == EPERM ? N_("permission denied: the file can't be read")
					     : N_("the file can't be opened");
}

static int read_any(const char *path, const log_sink *sink, walk *w, int top);

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the entries of the open folder FD in name order. */
static void read_dir(int fd, const char *path, const log_sink *sink, walk *w)
{
	DIR *d = fdopendir(fd);
	if (!d) {
		close(fd);
		logs_note(sink, path, open_error(errno));
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (n == cap) {
			char **more = realloc(names, (cap = cap ? cap * 2 : 32) * sizeof *names);
			if (!more)
				break;
			names = more;
		}
		if (!(names[n] = malloc(strlen(path) + strlen(de->d_name) + 2)))
			break;
		strcpy(names[n], path);
		if (names[n][0] && names[n][strlen(names[n]) - 1] != '/')
			strcat(names[n], "/");
		strcat(names[n++], de->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		read_any(names[i], sink, w, 0);
		free(names[i]);
	}
	free(names);
}

static int on_stack(const walk *w, const struct stat *st)
{
	for (int i = 0; i < w->depth; i++)
		if (w->dev[i] == st->st_dev && w->ino[i] == st->st_ino)
			return 1;
	return 0;
}

static int read_any(const char *path, const log_sink *sink, walk *w, int top)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		int err = errno;
		if (top) {
			errno = err;
			return -1;
		}
		logs_note(sink, path, open_error(err));
		return 0;
	}
	struct stat st;
	if (fstat(fd, &st) < 0) {
		logs_note(sink, path, N_("the file can't be opened"));
	} else if (S_ISDIR(st.st_mode)) {
		if (on_stack(w, &st)) {
			logs_note(sink, path, N_("a symbolic link loop: the folder was skipped"));
		} else if (w->depth >= MAX_DEPTH) {
			logs_note(sink, path, N_("folders nested too deep: the folder was skipped"));
		} else {
			w->dev[w->depth] = st.st_dev;
			w->ino[w->depth++] = st.st_ino;
			read_dir(fd, path, sink, w);
			w->depth--;
			return 0;
		}
	} else if (!S_ISREG(st.st_mode)) {
		logs_note(sink, path, N_("not a regular file (a FIFO, device or socket): skipped"));
	} else {
		/* A regular file never blocks; clear the flag all the same. */
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
		read_fd(fd, path, sink);
	}
	close(fd);
	return 0;
}

int logs_read_path(const char *path, const log_sink *sink)
{
	if (!strcmp(path, "-")) {
		read_fd(STDIN_FILENO, "-", sink);
		return 0;
	}
	walk w = { .depth = 0 };
	return read_any(path, sink, &w, 1);
}
