/* The long request, measured: which sizes to send, round after round, to
 * find the largest request a SCEP server lets through, and what each answer
 * counts as. Pure: no network, no clock, no terminal; check.c sends the
 * rounds and diagnose.c says what the figures mean.
 *
 * A size is the bytes of the whole request, its request line and headers,
 * as curl sends a GET in HTTP/1.1 without a proxy: what HTTP.sys's
 * MaxRequestBytes counts, which the article's 414 section sets to 65534
 * with MaxFieldLength and IIS's maximum URL length and query string. */
#ifndef SCEPWIZ_LONG_REQUEST_H
#define SCEPWIZ_LONG_REQUEST_H

#include "probe.h"

#include <stddef.h>

/* The article's figure (MaxRequestBytes, MaxFieldLength, maxUrl and
 * maxQueryString = 65534): the first size sent, and the one that is ok. */
#define LONG_TARGET_BYTES 65534
/* The smallest size measured. */
#define LONG_MIN_BYTES 2048
/* What devices send: "the URI length can be large, up to 40 kb in size"
 * (certificates-scep-configure, on reverse proxies); below it, a problem. */
#define LONG_DEVICE_BYTES 40960
/* The search ends once the largest ok and the first refused are this close;
 * the sizes between are multiples of it. */
#define LONG_STEP_BYTES 1024
/* Sizes sent at once in a round after the first. */
#define LONG_PER_ROUND 4
/* Rounds at most, the first (the target alone) included. */
#define LONG_MAX_ROUNDS 4

typedef enum {
	LONG_ANSWER_OK,         /* it got through (HTTP 200) */
	LONG_ANSWER_REFUSED,    /* any other end: a status, a reset, silence */
	LONG_ANSWER_NONE,       /* it tells nothing: cancelled, cut short, not sent */
} long_answer;

typedef struct {
	size_t bottom;          /* the smallest size that can be sent */
	size_t largest_ok;      /* bytes; 0 when none got through */
	size_t first_refused;   /* bytes; 0 when none was refused */
	int rounds;             /* rounds handed out by long_search_next */
	int stopped;            /* an answer told nothing, or no more rounds */
} long_search;

/* A search for a URL whose smallest request is FLOOR bytes. */
void long_search_init(long_search *s, size_t floor);
/* What the request of SIZE bytes came to. */
void long_search_record(long_search *s, size_t size, long_answer a);
/* No more rounds, whatever was learnt (the short requests fail too). */
void long_search_stop(long_search *s);
/* The sizes of the next round (at most MAX, ascending) into SIZES; 0 when
 * the search is over. Counts the round. */
size_t long_search_next(long_search *s, size_t *sizes, size_t max);

/* What a long request's result counts as. FULL_TIME: it was given the whole
 * --timeout, so silence is a refusal rather than a round cut short. */
long_answer long_answer_of(const probe_result *r, int full_time);

/* Who refused the request R, for a person (untrusted bytes escaped): IIS
 * request filtering and HTTP.sys by their pages and Server header, else
 * the Server header the answer names, with its status line. A new string,
 * or NULL when memory ran out. */
char *long_refuser(const probe_result *r);

/* The bytes of the GET request curl sends for URL (request line, Host,
 * Authorization for a user in the URL, User-Agent, Accept, the blank line),
 * or 0 when URL isn't an absolute http(s) URL. */
size_t long_request_bytes(const char *url);

#endif
