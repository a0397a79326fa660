/* Writing YAML with libyaml's emitter: the one wrapper every YAML writer
 * (reports, sessions) uses. Any byte string becomes valid YAML. Once an
 * event fails, the rest are dropped and yo_end says so. */
#ifndef SCEPWIZ_YAMLOUT_H
#define SCEPWIZ_YAMLOUT_H

#include <stdio.h>
#include <time.h>
#include <yaml.h>

typedef struct {
	yaml_emitter_t em;
	int failed;
} yaml_out;

/* Starts a stream and one document ("---") on FILE. */
void yo_begin(yaml_out *o, FILE *file);
/* Ends the document and the stream and flushes: 0, or -1 when anything
 * failed. */
int yo_end(yaml_out *o);

void yo_map(yaml_out *o, int start);
void yo_flow_map(yaml_out *o, int start);
void yo_seq(yaml_out *o, int start);
void yo_flow_seq(yaml_out *o, int start);
/* A string; one a YAML reader would take for a number, boolean, date or
 * null is quoted, so it stays a string. Bytes libyaml would refuse (bad
 * UTF-8, control characters) are written escaped as \xNN. */
void yo_str(yaml_out *o, const char *s);
void yo_str_n(yaml_out *o, const char *s, size_t n);
/* A number, boolean or null, written plain. NULL: null. */
void yo_plain(yaml_out *o, const char *s);
void yo_pair(yaml_out *o, const char *key, const char *value);    /* NULL: null */
void yo_pair_long(yaml_out *o, const char *key, long value);
void yo_pair_bool(yaml_out *o, const char *key, int value);
/* An ISO 8601 UTC time; 0 (unknown) is null. */
void yo_pair_time(yaml_out *o, const char *key, time_t t);
/* KEY: a block sequence of the N strings of ITEMS. */
void yo_pair_list(yaml_out *o, const char *key, const char *const *items, size_t n);

#endif
