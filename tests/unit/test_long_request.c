/* The long request's measurement without a network: servers that let
 * requests through up to every limit from 1 KB to past 64 KB are played
 * round by round, and the search must land within 1 KB of the limit in a
 * few rounds; a request's size must be what curl sends. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "long_request.h"

typedef struct {
	size_t sent[64];
	size_t nsent;
	int rounds;
} played;

/* The search against a server that refuses anything over LIMIT bytes. */
static long_search play(size_t limit, size_t floor, played *p)
{
	long_search s;
	size_t sizes[LONG_PER_ROUND];
	size_t n;
	memset(p, 0, sizeof *p);
	long_search_init(&s, floor);
	while ((n = long_search_next(&s, sizes, LONG_PER_ROUND)) > 0) {
		p->rounds++;
		assert_true(p->rounds <= LONG_MAX_ROUNDS);
		for (size_t i = 0; i < n; i++) {
			if (i)
				assert_true(sizes[i] > sizes[i - 1]);
			for (size_t k = 0; k < p->nsent; k++)
				assert_true(p->sent[k] != sizes[i]);     /* never twice */
			assert_true(p->nsent < 64);
			p->sent[p->nsent++] = sizes[i];
			long_search_record(&s, sizes[i],
					   sizes[i] <= limit ? LONG_ANSWER_OK : LONG_ANSWER_REFUSED);
		}
	}
	return s;
}

static void every_limit_is_found_within_a_step(void **state)
{
	(void)state;
	played p;
	int most = 0;
	for (size_t limit = 1000; limit <= 70000; limit += 7) {
		long_search s = play(limit, 150, &p);
		if (p.rounds > most)
			most = p.rounds;
		if (limit >= LONG_TARGET_BYTES) {
			/* a server set up as the article says: one request */
			assert_int_equal(s.largest_ok, LONG_TARGET_BYTES);
			assert_int_equal(s.first_refused, 0);
			assert_int_equal(p.nsent, 1);
		} else if (limit < LONG_MIN_BYTES) {
			assert_int_equal(s.largest_ok, 0);
			assert_int_equal(s.first_refused, LONG_MIN_BYTES);
			assert_int_equal(p.rounds, 2);
		} else {
			assert_true(s.largest_ok <= limit);
			assert_true(s.first_refused > limit);
			assert_true(s.first_refused - s.largest_ok <= LONG_STEP_BYTES);
		}
	}
	print_message("# the most rounds for any limit: %d\n", most);
}

/* The figures the live tests expect of their servers. */
static void the_live_tests_figures(void **state)
{
	(void)state;
	played p;
	long_search s = play(16384 + 80, 150, &p);
	assert_int_equal(s.largest_ok, 16384);
	assert_int_equal(s.first_refused, 17408);
	s = play(29999, 150, &p);
	assert_int_equal(s.largest_ok, 29696);
	assert_int_equal(s.first_refused, 30720);
	s = play(45500 + 100, 150, &p);
	assert_int_equal(s.largest_ok, 45056);
	assert_int_equal(s.first_refused, 46080);
	assert_int_equal(p.rounds, 4);
}

/* An answer that tells nothing ends the search with what is known. */
static void an_answer_that_tells_nothing_stops_it(void **state)
{
	(void)state;
	long_search s;
	size_t sizes[LONG_PER_ROUND];
	long_search_init(&s, 0);
	assert_int_equal(long_search_next(&s, sizes, LONG_PER_ROUND), 1);
	assert_int_equal(sizes[0], LONG_TARGET_BYTES);
	long_search_record(&s, sizes[0], LONG_ANSWER_REFUSED);
	size_t n = long_search_next(&s, sizes, LONG_PER_ROUND);
	assert_int_equal(n, LONG_PER_ROUND);
	assert_int_equal(sizes[0], LONG_MIN_BYTES);
	long_search_record(&s, sizes[0], LONG_ANSWER_OK);
	long_search_record(&s, sizes[1], LONG_ANSWER_NONE);
	assert_int_equal(long_search_next(&s, sizes, LONG_PER_ROUND), 0);
	assert_int_equal(s.largest_ok, LONG_MIN_BYTES);
	assert_int_equal(s.first_refused, LONG_TARGET_BYTES);
}

/* Answers that contradict (a flaky proxy) end it too, and a stopped search
 * (the short requests fail as well) asks for nothing more. */
static void contradictions_and_stops(void **state)
{
	(void)state;
	long_search s;
	size_t sizes[LONG_PER_ROUND];
	long_search_init(&s, 0);
	long_search_next(&s, sizes, LONG_PER_ROUND);
	long_search_record(&s, 20480, LONG_ANSWER_REFUSED);
	long_search_record(&s, 30720, LONG_ANSWER_OK);
	assert_int_equal(long_search_next(&s, sizes, LONG_PER_ROUND), 0);
	long_search_init(&s, 0);
	long_search_next(&s, sizes, LONG_PER_ROUND);
	long_search_record(&s, LONG_TARGET_BYTES, LONG_ANSWER_REFUSED);
	long_search_stop(&s);
	assert_int_equal(long_search_next(&s, sizes, LONG_PER_ROUND), 0);
}

/* A URL whose request alone is longer than 2 KB starts from its own size. */
static void a_long_url_starts_from_its_size(void **state)
{
	(void)state;
	played p;
	long_search s = play(1000, 3000, &p);
	assert_int_equal(s.first_refused, 3000);
	assert_int_equal(s.largest_ok, 0);
	s = play(5000, 3000, &p);
	assert_true(s.largest_ok >= 3000 && s.largest_ok <= 5000);
}

static void what_counts_as_refused(void **state)
{
	(void)state;
	probe_result r = { .end = PROBE_ANSWERED, .status = 200 };
	assert_int_equal(long_answer_of(&r, 1), LONG_ANSWER_OK);
	r.status = 404;
	assert_int_equal(long_answer_of(&r, 1), LONG_ANSWER_REFUSED);
	r = (probe_result){ .end = PROBE_FAILED, .curl_code = 56 };   /* a reset */
	assert_int_equal(long_answer_of(&r, 1), LONG_ANSWER_REFUSED);
	r = (probe_result){ .end = PROBE_TIMEOUT, .curl_code = 28 };
	assert_int_equal(long_answer_of(&r, 1), LONG_ANSWER_REFUSED);
	assert_int_equal(long_answer_of(&r, 0), LONG_ANSWER_NONE);  /* cut short */
	r = (probe_result){ .end = PROBE_CANCELLED };
	assert_int_equal(long_answer_of(&r, 1), LONG_ANSWER_NONE);
	r = (probe_result){ .end = PROBE_FAILED };                      /* never sent */
	assert_int_equal(long_answer_of(&r, 1), LONG_ANSWER_NONE);
}

/* The bytes curl sent for these URLs, as a server counted them, with
 * "scepwiz/0.1" as the User-Agent. */
static void a_request_is_the_bytes_curl_sends(void **state)
{
	(void)state;
	const size_t ua = strlen(PACKAGE "/" VERSION) - strlen("scepwiz/0.1");
	assert_int_equal(long_request_bytes("http://127.0.0.1:18777/certsrv/x?a=b"), 92 + ua);
	assert_int_equal(long_request_bytes("http://127.0.0.1:18777"), 79 + ua);
	/* "Authorization: Basic YWxBaWNlOnNl": al%41ice:se decoded */
	assert_int_equal(long_request_bytes("http://al%41ice:se@127.0.0.1:18777?a=b"), 118 + ua);
	/* the scheme's own port isn't in the Host header */
	assert_int_equal(long_request_bytes("https://ndes:443/x"),
			 long_request_bytes("https://ndes/x"));
	assert_int_equal(long_request_bytes("http://[::1]:8080/x") - long_request_bytes("http://[::1]/x"),
			 5);
	assert_int_equal(long_request_bytes("ftp://ndes/x"), 0);
}

static probe_result answer(long status, const char *line, const char *headers, const char *body)
{
	return (probe_result){ .end = PROBE_ANSWERED, .status = status, .status_line = (char *)line,
			       .headers = (char *)headers, .body = (unsigned char *)body,
			       .body_len = body ? strlen(body) : 0 };
}

static void who_refused(void **state)
{
	(void)state;
	static const struct {
		long status;
		const char *headers, *body, *who;
	} cases[] = {
		{ 404, "Server: Microsoft-IIS/10.0\n", "<h3>HTTP Error 404.15 - Not Found</h3>",
		  "IIS request filtering 404.15 (maxQueryString)" },
		{ 404, NULL, "HTTP Error 404.14 - Not Found", "IIS request filtering 404.14 (maxUrl)" },
		{ 404, "Server: Microsoft-IIS/10.0\n", "<h1>404 - File or directory not found.</h1>",
		  "IIS request filtering 404.14 or 404.15" },
		{ 400, "Server: Microsoft-HTTPAPI/2.0\n", "<h2>Bad Request - Request Too Long</h2>",
		  "HTTP.sys Request Too Long (MaxFieldLength, MaxRequestBytes)" },
		{ 400, "Server: Microsoft-HTTPAPI/2.0\n", "<h2>Bad Request - Invalid URL</h2>",
		  "HTTP.sys Invalid URL" },
		{ 414, "Content-Type: text/html\nServer: Microsoft-HTTPAPI/2.0\n", NULL, "HTTP.sys (HTTP/1.1 4" },
		{ 414, "Server: nginx/1.22.1\n", NULL, "Server: nginx/1.22.1 (HTTP/1.1 4xx)" },
		{ 502, "Server: \x1b[2J\n", NULL, "Server: \\x1b[2J" },
		{ 403, NULL, NULL, "HTTP/1.1 4xx" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		probe_result r = answer(cases[i].status, "HTTP/1.1 4xx", cases[i].headers, cases[i].body);
		char *who = long_refuser(&r);
		assert_non_null(who);
		if (strstr(who, cases[i].who) == NULL)
			fail_msg("case %zu: '%s' lacks '%s'", i, who, cases[i].who);
		free(who);
	}
	probe_result r = { .end = PROBE_FAILED, .error = "Recv failure: Connection reset by peer" };
	char *who = long_refuser(&r);
	assert_string_equal(who, "curl: Recv failure: Connection reset by peer");
	free(who);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_limit_is_found_within_a_step),
		cmocka_unit_test(the_live_tests_figures),
		cmocka_unit_test(an_answer_that_tells_nothing_stops_it),
		cmocka_unit_test(contradictions_and_stops),
		cmocka_unit_test(a_long_url_starts_from_its_size),
		cmocka_unit_test(what_counts_as_refused),
		cmocka_unit_test(a_request_is_the_bytes_curl_sends),
		cmocka_unit_test(who_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
