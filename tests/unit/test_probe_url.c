/* What `scepwiz check` accepts as a URL, decided with curl's URL API before
 * anything is fetched, and the operation URLs made from it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "probe.h"
#include "strbuf.h"

static void http_and_https_are_accepted(void **state)
{
	(void)state;
	char why[256];
	static const char *const good[] = {
		"https://ndes.contoso.com/certsrv/mscep/mscep.dll",
		"http://127.0.0.1:8080/certsrv/mscep/mscep.dll",
		"HTTPS://NDES.contoso.com/certsrv/mscep/mscep.dll",
		"https://contoso-ndes.msappproxy.net/certsrv/mscep/mscep.dll?x=1#frag",
		"http://[::1]:8080/",
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		if (probe_url_check(good[i], why, sizeof why) != 0)
			fail_msg("%s refused: %s", good[i], why);
}

static void anything_else_is_refused(void **state)
{
	(void)state;
	char why[256];
	static const char *const bad[] = {
		"ftp://ndes.contoso.com/", "file:///etc/passwd", "gopher://127.0.0.1/",
		"ldap://ndes/", "ndes.contoso.com/certsrv/mscep/mscep.dll", "http://",
		"http://[::1/", "http://exa mple/", "", "javascript:alert(1)", "http:///x",
		"https:///certsrv/mscep/mscep.dll",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		why[0] = '\0';
		if (probe_url_check(bad[i], why, sizeof why) == 0)
			fail_msg("'%s' accepted", bad[i]);
		assert_true(why[0] != '\0');
	}
	probe_url_check("ftp://ndes/", why, sizeof why);
	assert_string_equal(why, "only http and https URLs can be checked");
}

static void operation_urls_replace_the_query(void **state)
{
	(void)state;
	char *u = probe_url_with_query("https://ndes/certsrv/mscep/mscep.dll?stale=1#top",
				       "operation=GetCACaps&message=ca");
	assert_string_equal(u, "https://ndes/certsrv/mscep/mscep.dll?operation=GetCACaps&message=ca");
	free(u);
	u = probe_url_with_query("http://ndes:8080/certsrv/mscep/mscep.dll", "operation=GetCACert&message=ca");
	assert_string_equal(u, "http://ndes:8080/certsrv/mscep/mscep.dll?operation=GetCACert&message=ca");
	free(u);
}

/* The one redaction: the password never shows, all else does. */
static void the_password_is_hidden(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "http://alice:secret@ndes/certsrv/mscep/mscep.dll",
		  "http://alice:***@ndes/certsrv/mscep/mscep.dll" },
		{ "https://alice:s%3Acret:x@ndes:8443/x?user=a:b@c", "https://alice:***@ndes:8443/x?user=a:b@c" },
		{ "http://a:b@c@ndes/", "http://a:***@ndes/" },
		{ "http://alice@ndes/", "http://alice@ndes/" },
		{ "http://ndes:8080/x@y:z", "http://ndes:8080/x@y:z" },
		{ "alice:secret@ndes/x", "alice:***@ndes/x" },
		{ "http://al\x1b[2Jice:secret@ndes/", "http://al\\x1b[2Jice:***@ndes/" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *s = printable_url(cases[i][0], 2048);
		assert_string_equal(s, cases[i][1]);
		free(s);
	}
	assert_null(printable_url(NULL, 10));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(http_and_https_are_accepted),
		cmocka_unit_test(anything_else_is_refused),
		cmocka_unit_test(operation_urls_replace_the_query),
		cmocka_unit_test(the_password_is_hidden),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
