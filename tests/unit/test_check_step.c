/* The live check as a state machine: against a loopback server that accepts
 * and never answers, a step returns when its time is up or a key (a byte on
 * a pipe) arrives, and a cancel is immediate. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

typedef struct {
	int listener;           /* accepts (the kernel does) and never answers */
	char url[64];
} world;

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int setup(void **state)
{
	static world w;
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof a;
	w.listener = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(w.listener >= 0);
	assert_int_equal(bind(w.listener, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(listen(w.listener, 16), 0);
	assert_int_equal(getsockname(w.listener, (struct sockaddr *)&a, &len), 0);
	snprintf(w.url, sizeof w.url, "http://127.0.0.1:%d/certsrv/mscep/mscep.dll", ntohs(a.sin_port));
	*state = &w;
	return 0;
}

static int teardown(void **state)
{
	world *w = *state;
	close(w->listener);
	return 0;
}

static void a_step_returns_when_its_time_is_up(void **state)
{
	world *w = *state;
	check_options opt = { .timeout_s = 30 };
	live_check *c = check_begin(w->url, &opt, NULL, NULL);
	assert_non_null(c);
	double t0 = now_s();
	assert_int_equal(check_step(c, 200, -1), 1);
	double took = now_s() - t0;
	assert_true(took < 2.0);
	assert_true(check_seconds_left(c) > 25);
	t0 = now_s();
	check_cancel(c);
	assert_true(now_s() - t0 < 1.0);
}

static void a_key_wakes_the_step(void **state)
{
	world *w = *state;
	int keys[2];
	assert_int_equal(pipe(keys), 0);
	check_options opt = { .timeout_s = 30 };
	live_check *c = check_begin(w->url, &opt, NULL, NULL);
	assert_non_null(c);
	check_step(c, 50, -1);          /* the requests are connected and waiting */
	assert_int_equal(write(keys[1], "x", 1), 1);
	double t0 = now_s();
	assert_int_equal(check_step(c, 10000, keys[0]), 1);
	assert_true(now_s() - t0 < 2.0);
	check_cancel(c);
	close(keys[0]);
	close(keys[1]);
}

/* Finishing early reports what ended; the rest is cancelled, not waited for. */
static void finishing_early_does_not_wait(void **state)
{
	world *w = *state;
	check_options opt = { .timeout_s = 30 };
	live_check *c = check_begin(w->url, &opt, NULL, NULL);
	check_report rep;
	double t0 = now_s();
	assert_int_equal(check_finish(c, &rep), 0);
	assert_true(now_s() - t0 < 1.0);
	assert_true(check_report_problems(&rep) > 0);
	check_report_free(&rep);
}

static void a_refused_url_starts_nothing(void **state)
{
	(void)state;
	check_options opt = { .timeout_s = 30 };
	live_check *c = check_begin("ftp://ndes/x", &opt, NULL, NULL);
	assert_non_null(c);
	assert_int_equal(check_step(c, 1000, -1), 0);
	check_report rep;
	assert_int_equal(check_finish(c, &rep), -1);
	assert_int_equal(rep.findings.n, 1);
	assert_string_equal(rep.findings.v[0].kind->code, "bad-url");
	check_report_free(&rep);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_step_returns_when_its_time_is_up),
		cmocka_unit_test(a_key_wakes_the_step),
		cmocka_unit_test(finishing_early_does_not_wait),
		cmocka_unit_test(a_refused_url_starts_nothing),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
