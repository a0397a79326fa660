/* The live check as a state machine: against a loopback server that accepts
 * and never answers, a step returns when its time is up or a key (a byte on
 * a pipe) arrives, and a cancel is immediate, in the long request's later
 * rounds too. And what curl reports for a hostile answer, served from a
 * child process, is said plainly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <stdlib.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
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

/* Several checks wait in one poll() (scepwiz check URL...): each names its
 * sockets, and once the requests are sent to a server that never answers,
 * nothing is ready: the poll sleeps instead of spinning. */
static void checks_name_their_sockets_for_one_poll(void **state)
{
	world *w = *state;
	check_options opt = { .timeout_s = 30 };
	live_check *c[2];
	for (int i = 0; i < 2; i++) {
		c[i] = check_begin(w->url, &opt, NULL, NULL);
		assert_non_null(c[i]);
		/* connect, then send: a few steps on loopback */
		for (int k = 0; k < 5; k++)
			assert_int_equal(check_step(c[i], 20, -1), 1);
	}
	struct pollfd fds[64];
	size_t n = 0, first = 0;
	int timeout = 5000;
	for (int i = 0; i < 2; i++) {
		size_t got = check_poll_fds(c[i], fds + n, 64 - n, &timeout);
		assert_true(got >= 1 && got <= 64 - n);
		first = i == 0 ? got : first;
		n += got;
	}
	assert_true(timeout >= 0 && timeout <= 5000);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			assert_int_not_equal(fds[i].fd, fds[j].fd);
	/* With no room it still counts, and writes nothing. */
	int t = 5000;
	assert_int_equal(check_poll_fds(c[0], NULL, 0, &t), first);
	assert_int_equal(poll(fds, (nfds_t)n, 100), 0);
	for (int i = 0; i < 2; i++)
		check_cancel(c[i]);

	/* A refused URL has nothing to wait for: step it at once. */
	live_check *bad = check_begin("ftp://ndes/x", &opt, NULL, NULL);
	timeout = 5000;
	assert_int_equal(check_poll_fds(bad, fds, 64, &timeout), 0);
	assert_int_equal(timeout, 0);
	check_cancel(bad);
}

/* A child that answers every connection with RESPONSE, for a while. */
static pid_t serve(const char *response, size_t len, char *url, size_t size)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t alen = sizeof a;
	int l = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(l >= 0);
	assert_int_equal(bind(l, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(listen(l, 16), 0);
	assert_int_equal(getsockname(l, (struct sockaddr *)&a, &alen), 0);
	snprintf(url, size, "http://127.0.0.1:%d/certsrv/mscep/mscep.dll", ntohs(a.sin_port));
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		signal(SIGPIPE, SIG_IGN);
		for (int i = 0; i < 8; i++) {
			int c = accept(l, NULL, NULL);
			if (c < 0)
				_exit(0);
			char buf[65536];
			(void)!read(c, buf, sizeof buf);
			for (size_t off = 0; off < len;) {
				ssize_t n = write(c, response + off, len - off);
				if (n <= 0)
					break;
				off += (size_t)n;
			}
			close(c);
		}
		_exit(0);
	}
	close(l);
	return pid;
}

static void a_header_line_over_100k_is_named(void **state)
{
	(void)state;
	size_t big = 150 * 1024;
	char *resp = malloc(big + 200);
	assert_non_null(resp);
	int n = snprintf(resp, 200, "HTTP/1.1 403 Forbidden\r\nX-Huge: ");
	memset(resp + n, 'A', big);
	static const char end[] = "\r\nContent-Length: 0\r\n\r\n";
	memcpy(resp + n + big, end, sizeof end - 1);
	char url[96];
	pid_t pid = serve(resp, (size_t)n + big + sizeof end - 1, url, sizeof url);
	check_options opt = { .timeout_s = 10 };
	check_report rep;
	assert_int_equal(check_run(url, &opt, &rep, NULL, NULL), 0);
	const finding *f = rep.findings.n ? &rep.findings.v[0] : NULL;
	assert_non_null(f);
	assert_string_equal(f->kind->code, "header-too-big");
	assert_null(strstr(f->detail, "Out of memory"));
	check_report_free(&rep);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	free(resp);
}

/* A child that answers short requests as NDES does, refuses those over
 * 60000 bytes with a 414 and never answers the ones between: the check
 * goes on to measure the long request, and hangs in its second round. */
static pid_t serve_by_size(char *url, size_t size)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t alen = sizeof a;
	int l = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(l >= 0);
	assert_int_equal(bind(l, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(listen(l, 16), 0);
	assert_int_equal(getsockname(l, (struct sockaddr *)&a, &alen), 0);
	snprintf(url, size, "http://127.0.0.1:%d/certsrv/mscep/mscep.dll", ntohs(a.sin_port));
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid != 0) {
		close(l);
		return pid;
	}
	signal(SIGPIPE, SIG_IGN);
	static char req[70000];
	for (int i = 0; i < 16; i++) {
		int c = accept(l, NULL, NULL);
		if (c < 0)
			_exit(0);
		size_t len = 0;
		ssize_t n;
		while (len < sizeof req - 1 && (n = read(c, req + len, sizeof req - 1 - len)) > 0) {
			len += (size_t)n;
			req[len] = '\0';
			if (strstr(req, "\r\n\r\n"))
				break;
		}
		const char *answer = strstr(req, "operation=") == NULL
			? "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"
			: len < 2000 ? "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nSHA-256\n"
			: len > 60000 ? "HTTP/1.1 414 Request-URI Too Long\r\nContent-Length: 0\r\n\r\n"
			: NULL;         /* held open, never answered */
		if (answer) {
			(void)!write(c, answer, strlen(answer));
			close(c);
		}
	}
	pause();
	_exit(0);
}

static int most_requests;
static void count_requests(const char *what, int done, int total, void *arg)
{
	(void)what, (void)done, (void)arg;
	if (total > most_requests)
		most_requests = total;
}

/* While the long request is measured, the check still steps, counts down
 * and stops at once; finishing then reports what was measured. */
static void the_measurement_rounds_step_and_cancel(void **state)
{
	(void)state;
	char url[96];
	pid_t pid = serve_by_size(url, sizeof url);
	check_options opt = { .timeout_s = 20 };
	most_requests = 0;
	live_check *c = check_begin(url, &opt, count_requests, NULL);
	assert_non_null(c);
	double t0 = now_s();
	while (most_requests <= 4 && now_s() - t0 < 10)
		assert_int_equal(check_step(c, 100, -1), 1);
	assert_true(most_requests > 4);         /* a later round is running */
	t0 = now_s();
	assert_int_equal(check_step(c, 300, -1), 1);    /* and held by the server */
	assert_true(now_s() - t0 < 2.0);
	long left = check_seconds_left(c);
	assert_true(left > 15 && left <= 40);   /* both rounds' time, at most */
	t0 = now_s();
	check_cancel(c);
	assert_true(now_s() - t0 < 1.0);

	most_requests = 0;
	c = check_begin(url, &opt, count_requests, NULL);
	while (most_requests <= 4 && check_step(c, 100, -1))
		;
	check_report rep;
	t0 = now_s();
	assert_int_equal(check_finish(c, &rep), 0);
	assert_true(now_s() - t0 < 1.0);
	assert_int_equal(rep.first_refused, 65534);
	assert_int_equal(rep.largest_ok, 0);
	check_report_free(&rep);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_step_returns_when_its_time_is_up),
		cmocka_unit_test(a_key_wakes_the_step),
		cmocka_unit_test(finishing_early_does_not_wait),
		cmocka_unit_test(a_refused_url_starts_nothing),
		cmocka_unit_test(checks_name_their_sockets_for_one_poll),
		cmocka_unit_test(a_header_line_over_100k_is_named),
		cmocka_unit_test(the_measurement_rounds_step_and_cancel),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
