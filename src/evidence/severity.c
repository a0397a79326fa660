/* Severity names, as YAML reports, sessions and the trees write them. */
#include <config.h>

#include "evidence/severity.h"
#include "i18n.h"

#include <string.h>

const char *severity_name(severity s)
{
	static const char *const names[] = { "ok", "info", "warning", "problem" };
	return (unsigned)s <= SEV_PROBLEM ? names[s] : "?";
}

int severity_parse(const char *name)
{
	for (int s = SEV_OK; name && s <= SEV_PROBLEM; s++)
		if (strcmp(severity_name(s), name) == 0)
			return s;
	return -1;
}

const char *severity_label(severity s)
{
	switch (s) {
	case SEV_OK: return _("ok");
	case SEV_INFO: return _("info");
	case SEV_WARNING: return _("warning");
	case SEV_PROBLEM: return _("PROBLEM");
	}
	return "?";
}
