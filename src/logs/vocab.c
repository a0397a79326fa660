/* The readers' vocabulary: each log kind and the fields its records carry. */
#include <config.h>

#include "logs/vocab.h"
#include "i18n.h"

#include <stddef.h>
#include <strings.h>

static const char *const w3c_fields[] = { "*", NULL };
static const char *const event_fields[] = { "provider", "id", "level", "channel", "computer",
					    "time", "message", "*", NULL };
static const char *const svclog_fields[] = { "source", "type", "time", "message", NULL };
static const char *const no_fields[] = { NULL };

static const log_kind kinds[] = {
	{ "iis", N_("IIS log (W3C)"), w3c_fields },
	{ "httperr", N_("HTTP.sys error log (HTTPERR)"), w3c_fields },
	{ "ndesplugin", N_("NDESPlugin.log"), no_fields },
	{ "svclog", N_("WCF trace (svclog)"), svclog_fields },
	{ "event", N_("Windows event log"), event_fields },
	{ "omadm", N_("Android OMADM or CloudExtension log"), no_fields },
	{ "ios", N_("iOS/iPadOS console log"), no_fields },
	{ "msi", N_("Windows Installer or connector setup log"), no_fields },
	{ "text", N_("text log"), no_fields },
};

const log_kind *log_kind_at(unsigned i)
{
	return i < sizeof kinds / sizeof *kinds ? &kinds[i] : NULL;
}

const log_kind *log_kind_find(const char *name)
{
	const log_kind *k;
	for (unsigned i = 0; name && (k = log_kind_at(i)) != NULL; i++)
		if (strcasecmp(k->kind, name) == 0)
			return k;
	return NULL;
}

/* W3C logs name their fields in their own header, and events carry their
 * own named data: "*" lets a pattern name any field that looks like one. */
static int looks_like_field(const char *name)
{
	if (*name == '\0')
		return 0;
	for (; *name; name++)
		if (!((*name >= 'a' && *name <= 'z') || (*name >= 'A' && *name <= 'Z') ||
		      (*name >= '0' && *name <= '9') || *name == '-' || *name == '(' ||
		      *name == ')' || *name == '_' || *name == '.'))
			return 0;
	return 1;
}

int log_kind_has_field(const log_kind *k, const char *name)
{
	for (const char *const *f = k->fields; *f; f++)
		if (strcasecmp(*f, name) == 0 || (**f == '*' && looks_like_field(name)))
			return 1;
	return 0;
}
