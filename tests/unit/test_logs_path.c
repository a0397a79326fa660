/* What a customer sends, as paths: a folder walked in name order, "-" for
 * standard input, and what must never hang or stop the walk: a FIFO, a
 * symlink loop, an unreadable file, a path that isn't there. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "logs_fixture.h"

static const char iis[] =
	"#Software: Microsoft Internet Information Services 10.0\r\n"
	"#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) "
	"cs(Referer) sc-status sc-substatus sc-win32-status time-taken\r\n"
	"2018-02-27 05:16:09 10.0.0.1 GET /certsrv/mscep/mscep.dll operation=GetCACaps&message=ca 443 - 10.0.0.9 "
	"Dalvik/2.1.0+(Linux;+U;+Android+5.0;+P01M+Build/LRX21V) - 200 0 0 421 0\r\n";
static const char plugin[] = "Calling VerifyRequest ...\r\nVerify challenge returns true\r\n";

static collect *read_path(const char *path, int *rc)
{
	log_sink sink;
	collect *c = collect_new(&sink);
	*rc = logs_read_path(path, &sink);
	return c;
}

static void on_alarm(int sig)
{
	(void)sig;
	fail_msg("the readers hung");
}

static void a_folder_is_walked_in_name_order(void **state)
{
	(void)state;
	char *dir = temp_dir(), sub[600], path[600];
	snprintf(sub, sizeof sub, "%s/W3SVC1", dir);
	mkdir(sub, 0700);
	write_file(sub, "u_ex180227.log", iis, sizeof iis - 1);
	write_file(dir, "NDESPlugin.log", plugin, sizeof plugin - 1);
	write_file(dir, "readme.txt", "collected by the customer\n", 26);
	int rc;
	collect *c = read_path(dir, &rc);
	assert_int_equal(rc, 0);
	char want[2048];
	snprintf(want, sizeof want, "%s/NDESPlugin.log=ndesplugin\n%s/W3SVC1/u_ex180227.log=iis\n%s/readme.txt=text\n",
		 dir, dir, dir);
	assert_string_equal(c->kinds, want);
	assert_int_equal(c->total, 4);
	snprintf(path, sizeof path, "%s/W3SVC1/u_ex180227.log", dir);
	assert_string_equal(c->r[2].file, path);
	assert_int_equal(c->r[2].line, 3);
	assert_string_equal(fld(c, 2, "sc-status"), "200");
	assert_string_equal(c->notes, "");
	collect_free(c);
	/* a file named directly is read the same */
	c = read_path(path, &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(c->total, 1);
	collect_free(c);
	remove_tree(dir);
}

static void a_fifo_and_a_symlink_loop_get_notes_not_a_hang(void **state)
{
	(void)state;
	char *dir = temp_dir(), p[600];
	snprintf(p, sizeof p, "%s/pipe", dir);
	assert_int_equal(mkfifo(p, 0600), 0);
	snprintf(p, sizeof p, "%s/loop", dir);
	assert_int_equal(symlink(".", p), 0);
	snprintf(p, sizeof p, "%s/gone.log", dir);
	assert_int_equal(symlink("/nonexistent/scepwiz", p), 0);
	write_file(dir, "z.log", plugin, sizeof plugin - 1);
	signal(SIGALRM, on_alarm);
	alarm(10);
	int rc;
	collect *c = read_path(dir, &rc);
	alarm(0);
	assert_int_equal(rc, 0);
	char want[2048];
	snprintf(want, sizeof want,
		 "%s/gone.log: the file can't be opened\n"
		 "%s/loop: a symbolic link loop: the folder was skipped\n"
		 "%s/pipe: not a regular file (a FIFO, device or socket): skipped\n", dir, dir, dir);
	assert_string_equal(c->notes, want);
	assert_int_equal(c->total, 2);                  /* z.log is still read */
	collect_free(c);
	/* the FIFO named directly: a note too */
	snprintf(p, sizeof p, "%s/pipe", dir);
	alarm(10);
	c = read_path(p, &rc);
	alarm(0);
	assert_int_equal(rc, 0);
	assert_int_equal(c->total, 0);
	assert_non_null(strstr(c->notes, "not a regular file"));
	collect_free(c);
	remove_tree(dir);
}

static void a_missing_path_is_enoent(void **state)
{
	(void)state;
	int rc;
	errno = 0;
	collect *c = read_path("/nonexistent/scepwiz/u_ex.log", &rc);
	assert_int_equal(rc, -1);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(c->total, 0);
	collect_free(c);
}

/* Root reads anything: as root, the reading is done by "nobody". */
static void an_unreadable_file_gets_a_note(void **state)
{
	(void)state;
	char *dir = temp_dir(), p[600];
	chmod(dir, 0755);
	write_file(dir, "secret.log", plugin, sizeof plugin - 1);
	write_file(dir, "u_ex.log", iis, sizeof iis - 1);
	snprintf(p, sizeof p, "%s/secret.log", dir);
	chmod(p, 0);
	int forked = geteuid() == 0;
	pid_t pid = forked ? fork() : 0;
	if (pid == 0) {
		if (forked && (setgid(65534) || setuid(65534)))
			_exit(2);
		int rc;
		collect *c = read_path(dir, &rc);
		char want[700];
		snprintf(want, sizeof want, "%s: permission denied: the file can't be read\n", p);
		int ok = rc == 0 && !strcmp(c->notes, want) && c->total == 1;
		if (!ok)
			fprintf(stderr, "# rc %d, %lu records, notes: %s", rc, c->total, c->notes);
		collect_free(c);
		if (forked)
			_exit(ok ? 0 : 1);
		assert_true(ok);
	} else {
		int status;
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	remove_tree(dir);
}

static void dash_reads_standard_input(void **state)
{
	(void)state;
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], iis, sizeof iis - 1), (ssize_t)(sizeof iis - 1));
	close(fds[1]);
	int saved = dup(0);
	dup2(fds[0], 0);
	close(fds[0]);
	int rc;
	collect *c = read_path("-", &rc);
	dup2(saved, 0);
	close(saved);
	assert_int_equal(rc, 0);
	assert_string_equal(c->kinds, "-=iis\n");
	assert_int_equal(c->total, 1);
	assert_string_equal(fld(c, 0, "cs(User-Agent)"), "Dalvik/2.1.0+(Linux;+U;+Android+5.0;+P01M+Build/LRX21V)");
	collect_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_folder_is_walked_in_name_order),
		cmocka_unit_test(a_fifo_and_a_symlink_loop_get_notes_not_a_hang),
		cmocka_unit_test(a_missing_path_is_enoent),
		cmocka_unit_test(an_unreadable_file_gets_a_note),
		cmocka_unit_test(dash_reads_standard_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
