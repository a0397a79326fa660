/* Looking up a record's fields by name. */
#include <config.h>

#include "logs/record.h"

#include <strings.h>

const char *log_record_field(const log_record *r, const char *name)
{
	for (size_t i = 0; i < r->nfields; i++)
		if (strcasecmp(r->fields[i].name, name) == 0)
			return r->fields[i].value;
	return NULL;
}
