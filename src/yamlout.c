/* The one YAML writer: libyaml's emitter behind a few calls. */
#include <config.h>

#include "yamlout.h"

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
	emit(o, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
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

void yo_map(yaml_out *o, int start)
{
	yaml_event_t ev;
	emit(o, &ev, start ? yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE)
			   : yaml_mapping_end_event_initialize(&ev));
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

static int looks_typed(const char *s)
{
	static const char *const words[] = {
		"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n",
	};
	if (*s == '\0' || strchr("0123456789+-.", *s))
		return 1;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcasecmp(s, words[i]) == 0)
			return 1;
	return 0;
}

static void scalar(yaml_out *o, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t ev;
	emit(o, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s),
						  1, 1, style));
}

void yo_str(yaml_out *o, const char *s)
{
	scalar(o, s, looks_typed(s) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
}

void yo_plain(yaml_out *o, const char *s)
{
	scalar(o, s ? s : "null", YAML_PLAIN_SCALAR_STYLE);
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
