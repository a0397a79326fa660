/* The one YAML writer: libyaml's emitter behind a few calls. */
#include <config.h>

#include "yamlout.h"
#include "strbuf.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void emit(yaml_out *o, yaml_event_t *ev, int ok)
{
	if (ok && o->failed)
		yaml_event_delete(ev);
	else if (!ok || !yaml_emitter_emit(&o->em, ev))
		o->failed = 1;
}

void yo_begin(yaml_out *o, FILE *file)
{
	yaml_event_t ev;
	*o = (yaml_out){ 0 };
	if (!yaml_emitter_initialize(&o->em)) {
		o->failed = 1;
		return;
	}
	yaml_emitter_set_output_file(&o->em, file);
	yaml_emitter_set_unicode(&o->em, 1);
	yaml_emitter_set_width(&o->em, -1);
	emit(o, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	emit(o, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0));
}

int yo_end(yaml_out *o)
{
	yaml_event_t ev;
	emit(o, &ev, yaml_document_end_event_initialize(&ev, 1));
	emit(o, &ev, yaml_stream_end_event_initialize(&ev));
	if (!o->failed && !yaml_emitter_flush(&o->em))
		o->failed = 1;
	yaml_emitter_delete(&o->em);
	return o->failed ? -1 : 0;
}

static void map(yaml_out *o, int start, yaml_mapping_style_t style)
{
	yaml_event_t ev;
	emit(o, &ev, start ? yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, style)
			   : yaml_mapping_end_event_initialize(&ev));
}

void yo_map(yaml_out *o, int start)
{
	map(o, start, YAML_BLOCK_MAPPING_STYLE);
}

void yo_flow_map(yaml_out *o, int start)
{
	map(o, start, YAML_FLOW_MAPPING_STYLE);
}

static void seq(yaml_out *o, int start, yaml_sequence_style_t style)
{
	yaml_event_t ev;
	emit(o, &ev, start ? yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, style)
			   : yaml_sequence_end_event_initialize(&ev));
}

void yo_seq(yaml_out *o, int start)
{
	seq(o, start, YAML_BLOCK_SEQUENCE_STYLE);
}

void yo_flow_seq(yaml_out *o, int start)
{
	seq(o, start, YAML_FLOW_SEQUENCE_STYLE);
}

/* Plain scalars a YAML 1.1 reader would take for a number, a boolean, a
 * date or null are quoted, so every string stays a string. */
static int looks_typed(const char *s, size_t n)
{
	static const char *const words[] = {
		"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n",
	};
	if (n == 0 || strchr("0123456789+-.", *s))
		return 1;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i]) == n && strncasecmp(s, words[i], n) == 0)
			return 1;
	return 0;
}

/* Whether S is valid UTF-8 without control characters (tab aside): what
 * libyaml writes as it is. */
static int writable(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		unsigned char c = p[i];
		size_t len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3
			   : (c & 0xf8) == 0xf0 ? 4 : 0;
		if (len == 0 || i + len > n || (c < 0x20 && c != '\t') || c == 0x7f ||
		    (len == 2 && c < 0xc2))
			return 0;
		for (size_t k = 1; k < len; k++)
			if ((p[i + k] & 0xc0) != 0x80)
				return 0;
		i += len;
	}
	return 1;
}

static void scalar(yaml_out *o, const char *s, size_t n, int plain, yaml_scalar_style_t style)
{
	yaml_event_t ev;
	emit(o, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)n,
						  plain, 1, style));
}

void yo_str_n(yaml_out *o, const char *s, size_t n)
{
	if (!writable(s, n)) {
		char *escaped = untrusted_text(s, n, n);
		if (escaped == NULL)
			o->failed = 1;
		else
			yo_str(o, escaped);
		free(escaped);
		return;
	}
	scalar(o, s, n, 1, looks_typed(s, n) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
}

void yo_str(yaml_out *o, const char *s)
{
	yo_str_n(o, s, strlen(s));
}

void yo_plain(yaml_out *o, const char *s)
{
	s = s ? s : "null";
	scalar(o, s, strlen(s), 1, YAML_PLAIN_SCALAR_STYLE);
}

void yo_pair(yaml_out *o, const char *key, const char *value)
{
	yo_str(o, key);
	if (value)
		yo_str(o, value);
	else
		yo_plain(o, NULL);
}

void yo_pair_long(yaml_out *o, const char *key, long value)
{
	char n[32];
	snprintf(n, sizeof n, "%ld", value);
	yo_str(o, key);
	yo_plain(o, n);
}

void yo_pair_bool(yaml_out *o, const char *key, int value)
{
	yo_str(o, key);
	yo_plain(o, value ? "true" : "false");
}

void yo_pair_time(yaml_out *o, const char *key, time_t t)
{
	struct tm tm;
	char s[32];
	int ok = t && gmtime_r(&t, &tm) && strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%SZ", &tm);
	yo_pair(o, key, ok ? s : NULL);
}

void yo_pair_list(yaml_out *o, const char *key, const char *const *items, size_t n)
{
	yo_str(o, key);
	yo_seq(o, 1);
	for (size_t i = 0; i < n; i++)
		yo_str(o, items[i]);
	yo_seq(o, 0);
}
