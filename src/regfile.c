/* Opening files safely: open without blocking, fstat, refuse what is not a
 * regular file; write private files. */
#include <config.h>

#include "regfile.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int regfile_open(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	int flags;
	if (fstat(fd, &st) < 0 || (flags = fcntl(fd, F_GETFL)) < 0) {
		int saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	/* Reads of a regular file never block; clearing the flag keeps stdio
	 * from seeing EAGAIN on unusual file systems. */
	fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	return fd;
}

FILE *regfile_fopen(const char *path)
{
	int fd = regfile_open(path);
	FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
	if (f == NULL && fd >= 0) {
		int saved = errno;
		close(fd);
		errno = saved;
	}
	return f;
}

const char *regfile_error(int err)
{
	return err == EINVAL ? _("not a regular file") : strerror(err);
}

FILE *regfile_create_private(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0600);
	if (fd < 0)
		return NULL;
	struct stat st;
	int ok = fstat(fd, &st) == 0;
	if (ok && !S_ISREG(st.st_mode)) {
		errno = EINVAL;
		ok = 0;
	}
	/* Truncated only now, so a refused FIFO or device is never written. */
	ok = ok && fchmod(fd, 0600) == 0 && ftruncate(fd, 0) == 0 &&
	     fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) == 0;
	FILE *f = ok ? fdopen(fd, "w") : NULL;
	if (f == NULL) {
		int saved = errno;
		close(fd);
		errno = saved;
	}
	return f;
}
