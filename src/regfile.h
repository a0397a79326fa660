/* Opening files safely: only regular files to read, so a FIFO, a device or a
 * folder named like a tree or a session is refused at once instead of hanging
 * the program; and private files to write, since a checklist names a
 * customer's servers. */
#ifndef SCEPWIZ_REGFILE_H
#define SCEPWIZ_REGFILE_H

#include <stdio.h>

/* Opens PATH for reading (O_NONBLOCK so a FIFO never blocks the open; the
 * flag is cleared once the file is known to be regular). Returns a file
 * descriptor, or -1 with errno set: EINVAL for a file that is not regular. */
int regfile_open(const char *path);

/* The same as a stdio stream ("rb"), or NULL with errno set. */
FILE *regfile_fopen(const char *path);

/* Why regfile_open failed, for a person: "not a regular file" or strerror. */
const char *regfile_error(int err);

/* Creates or truncates PATH for writing with mode 0600 (an existing file
 * is made 0600 too), refusing what is not a regular file. NULL with errno set. */
FILE *regfile_create_private(const char *path);

#endif
