/* Sessions: saved after every move, atomically and privately; read back in
 * full; corrupt, newer or outdated files refused without being touched. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "session.h"
#include "trees_fixture.h"

static char state_dir[] = "/tmp/scepwiz-test-XXXXXX";

/* fsync is wrapped (-Wl,--wrap=fsync) so a test can make the disk fail. */
int __real_fsync(int fd);
int __wrap_fsync(int fd);
static int fail_fsync;
int __wrap_fsync(int fd)
{
	if (fail_fsync) {
		errno = EIO;
		return -1;
	}
	return __real_fsync(fd);
}

static int setup(void **state)
{
	(void)state;
	if (mkdtemp(state_dir) == NULL)
		return -1;
	setenv("XDG_STATE_HOME", state_dir, 1);
	return load_shipped_trees(state);
}

static int teardown(void **state)
{
	free_trees(state);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", state_dir);
	return system(cmd);
}

/* A walk: index -> step 2 -> another status code -> live check says 503. */
static void sample_walk(walk *w)
{
	walk_init(w);
	walk_start(w, tree_set_tree(&set, "index")->start);
	assert_int_equal(walk_answer(w, 1), 0);
	assert_int_equal(walk_answer(w, 2), 0);
	assert_int_equal(walk_outcome(w, "http-error-503"), 0);
	walk_back(w);
}

static void saved_walk_reads_back_whole(void **state)
{
	(void)state;
	walk w;
	session s, back;
	char err[256];
	sample_walk(&w);
	assert_int_equal(session_new(&s, "sv"), 0);
	s.url = strdup("https://ndes.contoso.com/certsrv/mscep/mscep.dll");
	s.ticket = strdup("T-7: \"quoted\" & colons");
	finding_list l = { 0 };
	finding *f = finding_add(&l, finding_builtin(FK_STATUS_503), strdup("HTTP/1.1 503"));
	assert_non_null(f);
	assert_int_equal(finding_add_line(f, NULL, 0, "Server: Microsoft-HTTPAPI/2.0", 29), 0);
	const char *facts[] = { "SHA-256", "4", NULL };
	finding *noted = finding_add_note(&l, finding_builtin(FK_CAPS), finding_note_builtin(FN_CAPS_UNKNOWN),
					  facts);
	assert_non_null(noted);
	assert_int_equal(finding_set_note_via(noted, "long-request", noted->note, facts), 0);
	session_set_findings(&s, &l);
	finding_list_free(&l);
	assert_int_equal(session_record(&s, &w, "sv"), 0);

	assert_int_equal(session_load(&back, s.path, &set, err, sizeof err), 0);
	assert_string_equal(back.id, s.id);
	assert_string_equal(back.lang, "sv");
	assert_string_equal(back.url, s.url);
	assert_string_equal(back.ticket, s.ticket);
	assert_int_equal(back.walk.len, w.len);
	assert_int_equal(back.walk.pos, w.pos);
	for (size_t i = 0; i < w.len; i++) {
		assert_ptr_equal(back.walk.entries[i].node, w.entries[i].node);
		assert_int_equal(back.walk.entries[i].choice, w.entries[i].choice);
		assert_int_equal(back.walk.entries[i].how, w.entries[i].how);
	}
	assert_string_equal(back.walk.entries[2].outcome, "http-error-503");
	/* a finding keeps what was seen; its kind gives the rest */
	assert_int_equal(back.findings.n, 2);
	assert_ptr_equal(back.findings.v[0].kind, finding_builtin(FK_STATUS_503));
	assert_string_equal(back.findings.v[0].detail, "HTTP/1.1 503");
	assert_int_equal(back.findings.v[0].nlines, 1);
	assert_string_equal(back.findings.v[0].lines[0].text, "Server: Microsoft-HTTPAPI/2.0");
	/* a note comes back as its code and facts, to render in any language */
	assert_ptr_equal(back.findings.v[1].note, finding_note_builtin(FN_CAPS_UNKNOWN));
	assert_string_equal(back.findings.v[1].args[1], "4");
	assert_string_equal(back.findings.v[1].detail, "long-request: SHA-256; unknown keywords ignored: 4");
	/* the walk goes on where it stopped */
	assert_string_equal(walk_current(&back.walk)->id, "test-and-troubleshoot-the-scep-server-url");
	assert_int_equal(walk_forward(&back.walk), 0);
	assert_string_equal(walk_current(&back.walk)->id, "http-error-503");

	struct stat st;
	assert_int_equal(stat(s.path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	session_free(&back);
	session_free(&s);
	walk_release(&w);
}

/* A live check's URL is stored without its password. */
static void the_url_password_is_not_stored(void **state)
{
	(void)state;
	walk w;
	session s;
	sample_walk(&w);
	assert_int_equal(session_new(&s, "en"), 0);
	check_report rep = { .url = strdup("http://alice:secret@ndes/certsrv/mscep/mscep.dll") };
	session_take_report(&s, &rep);
	assert_int_equal(session_record(&s, &w, "en"), 0);
	FILE *f = fopen(s.path, "r");
	assert_non_null(f);
	char buf[8192];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	assert_null(strstr(buf, "secret"));
	assert_non_null(strstr(buf, "alice:***@ndes"));
	check_report_free(&rep);
	session_free(&s);
	walk_release(&w);
}

static void failed_write_keeps_the_old_file(void **state)
{
	(void)state;
	walk w;
	session s;
	char err[256];
	sample_walk(&w);
	session_new(&s, "en");
	assert_int_equal(session_record(&s, &w, "en"), 0);
	walk_forward(&w);
	walk_jump(&w, find("gatewaytimeout"));
	fail_fsync = 1;
	assert_int_equal(session_record(&s, &w, "es"), -1);
	fail_fsync = 0;
	/* no temporary file is left behind, and the old walk is intact */
	char dir[512];
	DIR *d = opendir(session_dir(dir, sizeof dir));
	struct dirent *e;
	while ((e = readdir(d)))
		assert_null(strstr(e->d_name, ".yaml."));
	closedir(d);
	session back;
	assert_int_equal(session_load(&back, s.path, &set, err, sizeof err), 0);
	assert_string_equal(back.lang, "en");
	assert_int_equal(back.walk.len, 4);
	session_free(&back);
	session_free(&s);
	walk_release(&w);
}

static void write_file(const char *path, const char *content)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(content, f);
	fclose(f);
}

#define HEAD "scepwiz-session: 1\ncreated: 2026-11-20T10:00:00Z\nupdated: 2026-11-20T10:05:00Z\nlang: es\n"

static const struct {
	const char *name, *content, *why;
} corrupt[] = {
	{ "truncated", HEAD "position: 0\nentries:\n  - {node: index/scep-communication-flow-overview, how: st", "YAML syntax" },
	{ "not-a-session", "id: device-to-ndes\n_title: a tree\n", "not a scepwiz session" },
	{ "newer", "scepwiz-session: 7\n", "newer scepwiz (session format 7" },
	{ "gone-node", HEAD "position: 0\nentries:\n  - {node: device-to-ndes/http-error-999, how: start}\n", "no section 'device-to-ndes/http-error-999'" },
	{ "bad-choice", HEAD "position: 0\nentries:\n  - {node: index/scep-communication-flow-overview, how: start, choice: 99}\n", "has no choice 99" },
	{ "bad-position", HEAD "position: 5\nentries:\n  - {node: index/scep-communication-flow-overview, how: start}\n", "'position' is not an entry" },
	{ "bad-outcome", HEAD "position: 0\nentries:\n  - {node: device-to-ndes/test-and-troubleshoot-the-scep-server-url, how: start, choice: 0, outcome: teapot}\n", "no outcome 'teapot'" },
	{ "bad-lang", "scepwiz-session: 1\ncreated: 2026-11-20T10:00:00Z\nupdated: 2026-11-20T10:05:00Z\nlang: tlh\nposition: 0\n", "unknown language 'tlh'" },
	{ "bad-time", "scepwiz-session: 1\ncreated: yesterday\nupdated: 2026-11-20T10:05:00Z\nlang: es\n", "must be times" },
	{ "no-walk", HEAD "position: 0\n", "no walk" },
	{ "empty", "", "the file is empty" },
	{ "binary", "\x7f" "ELF\x02\x01\x01", "YAML syntax" },
};

static void corrupt_files_are_refused_and_left_alone(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof corrupt / sizeof *corrupt; i++) {
		char path[256], err[512];
		snprintf(path, sizeof path, "%s/%s.yaml", state_dir, corrupt[i].name);
		write_file(path, corrupt[i].content);
		struct stat before, after;
		stat(path, &before);
		session s;
		assert_int_equal(session_load(&s, path, &set, err, sizeof err), -1);
		if (strstr(err, corrupt[i].why) == NULL)
			fail_msg("%s: wanted '%s', got '%s'", corrupt[i].name, corrupt[i].why, err);
		assert_int_equal(stat(path, &after), 0);
		assert_int_equal(after.st_size, before.st_size);
		assert_int_equal(after.st_mtime, before.st_mtime);
		unlink(path);
	}
}

static void latest_session_is_found_by_default(void **state)
{
	(void)state;
	walk w;
	session a, b;
	char buf[1024];
	sample_walk(&w);
	session_new(&a, "en");
	session_record(&a, &w, "en");
	session_new(&b, "it");
	session_record(&b, &w, "it");
	/* two sessions in one second still get distinct ids */
	assert_string_not_equal(a.id, b.id);
	/* make b clearly the newer */
	struct timespec times[2] = { { 0, UTIME_OMIT }, { time(NULL) - 100, 0 } };
	utimensat(AT_FDCWD, a.path, times, 0);
	assert_non_null(session_find(NULL, buf, sizeof buf));
	assert_string_equal(buf, b.path);
	assert_non_null(session_find(a.id, buf, sizeof buf));
	assert_string_equal(buf, a.path);
	assert_non_null(session_find(a.path, buf, sizeof buf));
	assert_null(session_find("no-such-session", buf, sizeof buf));
	size_t n;
	char **list = session_list(&n);
	assert_true(n >= 2);
	assert_string_equal(list[0], b.path);
	session_list_free(list, n);
	session_free(&a);
	session_free(&b);
	walk_release(&w);
}

/* Two wizards started in the same second: each claims its own file. */
static void two_wizards_in_one_second_keep_two_files(void **state)
{
	(void)state;
	walk w;
	session a, b, back;
	char err[256];
	sample_walk(&w);
	session_new(&a, "en");
	session_new(&b, "it");
	assert_int_equal(session_record(&a, &w, "en"), 0);
	assert_int_equal(session_record(&b, &w, "it"), 0);
	assert_string_not_equal(a.path, b.path);
	assert_int_equal(session_load(&back, a.path, &set, err, sizeof err), 0);
	assert_string_equal(back.lang, "en");
	session_free(&back);
	assert_int_equal(session_load(&back, b.path, &set, err, sizeof err), 0);
	assert_string_equal(back.lang, "it");
	session_free(&back);
	session_free(&a);
	session_free(&b);
	walk_release(&w);
}

/* What another process gets when it tries to lock PATH: 0 when it can,
 * else the errno. */
static int lock_in_child(const char *path)
{
	pid_t pid = fork();
	if (pid == 0) {
		session s;
		char err[256];
		if (session_load(&s, path, &set, err, sizeof err) < 0)
			_exit(100);
		_exit(session_lock(&s) == 0 ? 0 : errno == EWOULDBLOCK ? 1 : 2);
	}
	int status;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 99;
}

static void a_held_session_is_refused_to_a_second_process(void **state)
{
	(void)state;
	walk w;
	session a;
	sample_walk(&w);
	session_new(&a, "en");
	assert_int_equal(session_record(&a, &w, "en"), 0);
	assert_int_equal(lock_in_child(a.path), 1);
	/* every save renames a new file into place: the lock goes with it */
	assert_int_equal(session_record(&a, &w, "sv"), 0);
	assert_int_equal(session_record(&a, &w, "es"), 0);
	assert_int_equal(lock_in_child(a.path), 1);
	assert_int_equal(session_delete(a.path), -1);
	assert_int_equal(errno, EWOULDBLOCK);
	char *path = strdup(a.path);
	session_free(&a);
	assert_int_equal(lock_in_child(path), 0);
	free(path);
	walk_release(&w);
}

/* A save killed half-way leaves ID.yaml.XXXXXX: the next start removes it,
 * unless its session is held by a live wizard (which may be saving). */
static void stale_temporaries_are_removed(void **state)
{
	(void)state;
	walk w;
	session a;
	char dir[512], held[1024], orphan[1024];
	sample_walk(&w);
	session_new(&a, "en");
	assert_int_equal(session_record(&a, &w, "en"), 0);
	session_dir(dir, sizeof dir);
	snprintf(held, sizeof held, "%s.Ab12Cd", a.path);
	snprintf(orphan, sizeof orphan, "%s/20260101-000000.yaml.Xy34Zw", dir);
	write_file(held, "scepwiz-session: 1\n");
	write_file(orphan, "scepwiz-session: 1\n");
	assert_int_equal(session_clean_temps(), 1);
	assert_int_equal(access(orphan, F_OK), -1);
	assert_int_equal(access(held, F_OK), 0);
	/* once the wizard is gone, its leftover is stale too */
	session_free(&a);
	assert_int_equal(session_clean_temps(), 1);
	assert_int_equal(access(held, F_OK), -1);
	walk_release(&w);
}

/* A save that fails (fsync, via the wrap) after the first one leaves the
 * saved walk whole, and the next save that can is complete. */
static void a_failed_save_is_retried_by_the_next(void **state)
{
	(void)state;
	walk w;
	session s, back;
	char err[256];
	sample_walk(&w);
	session_new(&s, "en");
	assert_int_equal(session_record(&s, &w, "en"), 0);
	walk_forward(&w);
	fail_fsync = 1;
	assert_int_equal(session_record(&s, &w, "en"), -1);
	fail_fsync = 0;
	assert_int_equal(session_record(&s, &w, "en"), 0);
	assert_int_equal(session_load(&back, s.path, &set, err, sizeof err), 0);
	assert_int_equal(back.walk.pos, w.pos);
	session_free(&back);
	session_free(&s);
	walk_release(&w);
}

static void a_huge_file_is_too_large_for_a_session(void **state)
{
	(void)state;
	char path[256], err[512];
	snprintf(path, sizeof path, "%s/huge.yaml", state_dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	for (int i = 0; i < 10 * 1024; i++)
		fprintf(f, "%01023d\n", 0);
	fclose(f);
	session s;
	assert_int_equal(session_load(&s, path, &set, err, sizeof err), -1);
	assert_non_null(strstr(err, "too large for a session"));
	unlink(path);
}

static void refusals_quote_the_file_escaped(void **state)
{
	(void)state;
	char path[256], err[512];
	snprintf(path, sizeof path, "%s/escapes.yaml", state_dir);
	write_file(path, "scepwiz-session: 1\ncreated: 2026-11-20T10:00:00Z\n"
			 "updated: 2026-11-20T10:05:00Z\nlang: \"\\e[2J\"\nposition: 0\n");
	session s;
	assert_int_equal(session_load(&s, path, &set, err, sizeof err), -1);
	assert_non_null(strstr(err, "unknown language '\\x1b[2J'"));
	assert_null(strchr(err, '\033'));
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(saved_walk_reads_back_whole),
cmocka_unit_test(the_url_password_is_not_stored),
		cmocka_unit_test(failed_write_keeps_the_old_file),
		cmocka_unit_test(corrupt_files_are_refused_and_left_alone),
		cmocka_unit_test(latest_session_is_found_by_default),
		cmocka_unit_test(two_wizards_in_one_second_keep_two_files),
		cmocka_unit_test(a_held_session_is_refused_to_a_second_process),
		cmocka_unit_test(stale_temporaries_are_removed),
		cmocka_unit_test(a_failed_save_is_retried_by_the_next),
		cmocka_unit_test(a_huge_file_is_too_large_for_a_session),
		cmocka_unit_test(refusals_quote_the_file_escaped),
	};
	return cmocka_run_group_tests_name("session", tests, setup, teardown);
}
