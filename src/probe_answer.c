/* Reading a probe's answer without the network: what its body holds. Pure,
 * so the diagnosis and its tests use it without libcurl (probe.c). */
#include <config.h>

#include "probe.h"

#include <string.h>
#include <strings.h>

int probe_body_has(const probe_result *r, const char *text)
{
	size_t n = strlen(text);
	for (size_t i = 0; r->body && n <= r->body_len && i <= r->body_len - n; i++)
		if (strncasecmp((const char *)r->body + i, text, n) == 0)
			return 1;
	return 0;
}
