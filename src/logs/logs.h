/* Reading what a customer sends: files, folders (walked), zip bundles and
 * "-" for standard input. Each file's kind is recognised by its content,
 * never by its name; text may be UTF-8 or UTF-16 with a BOM, CRLF or LF.
 * Everything streams: no file is held whole, whatever its size. */
#ifndef SCEPWIZ_LOGS_H
#define SCEPWIZ_LOGS_H

#include "logs/record.h"

/* Reads PATH and sends its records to SINK. Returns 0 when PATH was read
 * (even if some files in it were skipped with a note), -1 with errno set
 * when PATH itself can't be opened (ENOENT: it doesn't exist). */
int logs_read_path(const char *path, const log_sink *sink);

#endif
