/* The logs read one record a line, the line its only content: NDESPlugin.log,
 * Android's OMADM.log and CloudExtension.log, iOS console text, Windows
 * Installer and setup logs, and any other text. */
#include <config.h>

#include <string.h>

#include "logs/readers.h"

/* The line's own time when it starts with one: ISO 8601 (Android, `log
 * show`, most tools) or WiX Burn's "[0F5C:1A2C][2021-03-01T10:00:00]". */
static const char *line_time(const char *l, size_t n, char *out)
{
	if (n > 12 && l[0] == '[' && l[10] == ']' && l[11] == '[')
		return logs_iso_time(l + 12, n - 12, out);
	return logs_iso_time(l, n, out);
}

void read_lines(line_reader *lr, const char *kind)
{
	char *line, tbuf[20];
	size_t len;
	while (lr_next(lr, &line, &len)) {
		size_t i = 0;
		while (i < len && (line[i] == ' ' || line[i] == '\t'))
			i++;
		if (i == len)
			continue;
		logs_emit(lr->sink, kind, lr->src->name, lr->lineno, line_time(line, len, tbuf), line,
			  len, NULL, 0);
	}
}
