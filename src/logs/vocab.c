/* The table of log kinds the readers produce, their titles and the fields
 * their records carry: what lint checks the trees' evidence patterns against. */
#include <config.h>

#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "logs/vocab.h"

/* IIS names fields after its #Fields: header; these are the defaults, and
 * "*" lets a pattern name any other W3C field a site logs. */
static const char *const iis_fields[] = {
	"date", "time", "s-sitename", "s-computername", "s-ip", "cs-method", "cs-uri-stem",
	"cs-uri-query", "s-port", "cs-username", "c-ip", "cs-version", "cs(User-Agent)",
	"cs(Cookie)", "cs(Referer)", "cs-host", "sc-status", "sc-substatus",
	"sc-win32-status", "sc-bytes", "cs-bytes", "time-taken", "*", NULL
};
static const char *const httperr_fields[] = {
	"date", "time", "c-ip", "c-port", "s-ip", "s-port", "cs-version", "cs-method",
	"cs-uri", "streamid", "sc-status", "s-siteid", "s-reason", "s-queuename", "*", NULL
};
/* Events also carry their EventData's named <Data> fields: hence "*". */
static const char *const event_fields[] = {
	"provider", "id", "level", "channel", "computer", "message", "time", "*", NULL
};
static const char *const svclog_fields[] = { "source", "type", "message", NULL };
static const char *const no_fields[] = { NULL };

static const log_kind kinds[] = {
	{ "iis", N_("IIS log (W3C)"), iis_fields },
	{ "httperr", N_("HTTP.sys error log (HTTPERR)"), httperr_fields },
	{ "ndesplugin", N_("NDESPlugin.log"), no_fields },
	{ "svclog", N_("WCF trace (svclog)"), svclog_fields },
	{ "event", N_("Windows event log"), event_fields },
	{ "omadm", N_("Android OMADM or CloudExtension log"), no_fields },
	{ "ios", N_("iOS/iPadOS console log"), no_fields },
	{ "msi", N_("Windows Installer or setup log"), no_fields },
	{ "text", N_("Text log"), no_fields },
};

const log_kind *log_kind_at(unsigned i)
{
	return i < sizeof kinds / sizeof kinds[0] ? &kinds[i] : NULL;
}

const log_kind *log_kind_find(const char *name)
{
	for (unsigned i = 0; name && i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(kinds[i].kind, name))
			return &kinds[i];
	return NULL;
}

int log_kind_has_field(const log_kind *k, const char *name)
{
	if (!k || !name || !*name)
		return 0;
	for (const char *const *f = k->fields; *f; f++)
		if (!strcmp(*f, "*") || !strcasecmp(*f, name))
			return 1;
	return 0;
}
