/* Recognising a text log's kind from its first lines, by content alone:
 * the headers and line shapes each writer (IIS, HTTP.sys, WCF, Event
 * Viewer, PowerShell, Windows Installer, the Intune app, iOS) is known by. */
#define _GNU_SOURCE
#include <config.h>

#include <string.h>
#include <strings.h>

#include "logs/readers.h"

static int has(const char *h, size_t n, const char *needle)
{
	return memmem(h, n, needle, strlen(needle)) != NULL;
}

static int starts(const char *l, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);
	return n >= k && !memcmp(l, prefix, k);
}

static int isd(char c)
{
	return c >= '0' && c <= '9';
}

/* S matches SHAPE, where '9' stands for a digit and any other byte for
 * itself. */
static int shaped(const char *s, size_t n, const char *shape)
{
	size_t k = strlen(shape);
	if (n < k)
		return 0;
	for (size_t i = 0; i < k; i++)
		if (shape[i] == '9' ? !isd(s[i]) : s[i] != shape[i])
			return 0;
	return 1;
}

static size_t skip_blank(const char *l, size_t n, size_t i)
{
	while (i < n && (l[i] == ' ' || l[i] == '\t'))
		i++;
	return i;
}

/* Android (OMADM.log, CloudExtension.log):
 * "2018-02-27T05:16:08.2500000  VERB  Event  com.microsoft.omadm…". */
static int omadm_line(const char *l, size_t n)
{
	if (!shaped(l, n, "9999-99-99T99:99:99"))
		return 0;
	size_t i = 19;
	while (i < n && (isd(l[i]) || l[i] == '.'))
		i++;
	size_t w = i = skip_blank(l, n, i);
	while (i < n && l[i] >= 'A' && l[i] <= 'Z')
		i++;
	return w > 19 && i - w >= 4 && i < n && (l[i] == ' ' || l[i] == '\t');
}

/* iOS/iPadOS: the Console app's "debug    18:30:53.691033 -0500    profiled …",
 * syslog's "Feb 27 18:30:53 iPhone profiled[123] <Notice>: …" and
 * `log show`'s "2018-02-27 18:30:53.691033-0500  0x1a2b  Default …". */
static int ios_line(const char *l, size_t n)
{
	static const char *const types[] = { "default", "info", "debug", "error", "fault", "notice" };
	for (size_t t = 0; t < sizeof types / sizeof types[0]; t++) {
		size_t k = strlen(types[t]);
		if (n > k && !strncasecmp(l, types[t], k) && (l[k] == ' ' || l[k] == '\t')) {
			size_t i = skip_blank(l, n, k);
			if (shaped(l + i, n - i, "99:99:99."))
				return 1;
		}
	}
	if (n > 16 && l[0] >= 'A' && l[0] <= 'Z' && shaped(l + 7, n - 7, "99:99:99 ")) {
		const char *lt = memchr(l + 15, '<', n - 15);
		const char *br = memchr(l + 15, '[', n - 15);
		return lt && br && br < lt;
	}
	if (shaped(l, n, "9999-99-99 99:99:99.")) {
		size_t i = 20;
		while (i < n && isd(l[i]))
			i++;
		if (i < n && (l[i] == '-' || l[i] == '+'))
			i += 5;
		i = skip_blank(l, n, i);
		return starts(l + i, n - i, "0x");
	}
	return 0;
}

/* Windows Installer's verbose log and WiX Burn's setup log (the connector's
 * installer): "MSI (s) (A4:B8) [05:16:09:553]: …", "[0F5C:1A2C][2021-03-01T10:00:00]i001: …". */
static int msi_line(const char *l, size_t n)
{
	if (starts(l, n, "=== Verbose logging started") || starts(l, n, "=== Logging started") ||
	    starts(l, n, "MSI (s) (") || starts(l, n, "MSI (c) ("))
		return 1;
	return n > 12 && l[0] == '[' && l[5] == ':' && l[10] == ']' && l[11] == '[' &&
	       shaped(l + 12, n - 12, "9999-99-99T");
}

static int ndesplugin_text(const char *h, size_t n)
{
	static const char *const marks[] = {
		"VerifyRequest", "certificate registration point", "Notifyrequest",
		"Verify challenge returns", "NDESPlugin", "CertificateRegistrationSvc",
	};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (has(h, n, marks[i]))
			return 1;
	return 0;
}

/* Control characters that no text log holds, in more than a few bytes. */
static int looks_binary(const unsigned char *h, size_t n)
{
	size_t bad = 0;
	for (size_t i = 0; i < n; i++)
		if (h[i] < 0x20 && h[i] != '\t' && h[i] != '\n' && h[i] != '\r' && h[i] != '\f' &&
		    h[i] != '\v' && h[i] != 0x1b)
			bad++;
	return bad > n / 64 + 1;
}

static const char *sniff_w3c(const char *l, size_t n)
{
	if (starts(l, n, "#Software: Microsoft HTTP API"))
		return "httperr";
	if (starts(l, n, "#Software: Microsoft Internet Information Services"))
		return "iis";
	if (starts(l, n, "#Fields:")) {
		if (has(l, n, " s-reason"))
			return "httperr";
		if (has(l, n, " cs-uri-stem") || has(l, n, " cs-method"))
			return "iis";
	}
	return NULL;
}

static const char *sniff_event_line(const char *l, size_t n, size_t nline, event_form *form)
{
	size_t i = skip_blank(l, n, 0);
	if ((nline == 0 || starts(l, n, "#TYPE")) &&
	    starts(l, n, "#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord")) {
		*form = EVT_CSV;
		return "event";
	}
	if (nline <= 1 && has(l, n, "ProviderName") && has(l, n, "Message") && (has(l, n, ",") || has(l, n, ";"))) {
		*form = EVT_CSV;
		return "event";
	}
	if (nline == 0 && starts(l, n, "Level\tDate and Time\tSource\tEvent ID")) {
		*form = EVT_TSV;
		return "event";
	}
	if (starts(l + i, n - i, "Log Name:") || (starts(l, n, "Event[") && n > 6 && isd(l[6]))) {
		*form = EVT_TEXT;
		return "event";
	}
	return NULL;
}

const char *logs_sniff(const char *head, size_t len, event_form *form)
{
	if (looks_binary((const unsigned char *)head, len))
		return NULL;
	int omadm = 0, ios = 0, msi = 0;
	const char *p = head, *end = head + len;
	for (size_t nline = 0; p < end && nline < 200; nline++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = (size_t)((nl ? nl : end) - p);
		if (n && p[n - 1] == '\r')
			n--;
		const char *kind = sniff_w3c(p, n);
		if (kind)
			return kind;
		kind = sniff_event_line(p, n, nline, form);
		/* "Log Name:" alone could be anyone's words */
		if (kind && (*form != EVT_TEXT || starts(p, n, "Event[") || has(head, len, "Event ID:")))
			return kind;
		omadm += omadm_line(p, n);
		ios += ios_line(p, n);
		msi += msi_line(p, n);
		p = nl ? nl + 1 : end;
	}
	if (has(head, len, "<E2ETraceEvent"))
		return "svclog";
	if (has(head, len, "<Event xmlns=") || has(head, len, "<Event>") || has(head, len, "<Events>")) {
		*form = EVT_XML;
		return "event";
	}
	if (msi)
		return "msi";
	if (omadm || has(head, len, "com.microsoft.omadm"))
		return "omadm";
	if (ios)
		return "ios";
	if (ndesplugin_text(head, len))
		return "ndesplugin";
	return "text";
}
