/* IIS and HTTP.sys logs read as a support engineer reads them: each line's
 * fields named by the #Fields: header above it, from the articles' lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "logs_fixture.h"

#define IIS_HEAD "#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n" \
		 "#Date: 2017-08-08 20:20:00\r\n"
#define DEFAULT_FIELDS "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port " \
		       "cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus " \
		       "sc-win32-status time-taken\r\n"

/* device-to-ndes, "Troubleshoot status code 500" */
static void status_500_line_has_its_fields(void **state)
{
	(void)state;
	collect *c = read_str("u_ex170808.log", IIS_HEAD DEFAULT_FIELDS
		"2017-08-08 20:22:16 IP_address GET /certsrv/mscep/mscep.dll operation=GetCACert&message=SCEP%20Authority "
		"443 - 10.5.14.22 profiled/1.0+CFNetwork/811.5.4+Darwin/16.6.0 - 500 0 1346 31\r\n");
	assert_string_equal(c->kinds, "u_ex170808.log=iis\n");
	assert_int_equal(c->n, 1);
	assert_string_equal(c->r[0].kind, "iis");
	assert_int_equal(c->r[0].line, 5);
	assert_string_equal(c->r[0].time, "2017-08-08 20:22:16");
	assert_string_equal(fld(c, 0, "cs-method"), "GET");
	assert_string_equal(fld(c, 0, "cs-uri-stem"), "/certsrv/mscep/mscep.dll");
	assert_string_equal(fld(c, 0, "cs-uri-query"), "operation=GetCACert&message=SCEP%20Authority");
	assert_string_equal(fld(c, 0, "sc-status"), "500");
	assert_string_equal(fld(c, 0, "sc-substatus"), "0");
	assert_string_equal(fld(c, 0, "sc-win32-status"), "1346");
	/* the user agent stays as IIS wrote it, '+' and all */
	assert_string_equal(fld(c, 0, "cs(user-agent)"), "profiled/1.0+CFNetwork/811.5.4+Darwin/16.6.0");
	assert_string_equal(c->r[0].text,
		"2017-08-08 20:22:16 IP_address GET /certsrv/mscep/mscep.dll operation=GetCACert&message=SCEP%20Authority "
		"443 - 10.5.14.22 profiled/1.0+CFNetwork/811.5.4+Darwin/16.6.0 - 500 0 1346 31");
	assert_string_equal(c->notes, "");
	collect_free(c);
}

/* IIS writes a new header after a restart, and a site may log other fields
 * in another order: each line is named by the header above it. */
static void each_header_block_names_the_lines_below(void **state)
{
	(void)state;
	collect *c = read_str("u_ex.log", IIS_HEAD
		"#Fields: s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) "
		"sc-status sc-substatus sc-win32-status time-taken\n"
		"fe80::f53d:89b8:c3e8:5fec%13 GET /certsrv/mscep/mscep.dll/pkiclient.exe operation=GetCACaps&message=default "
		"80 - fe80::f53d:89b8:c3e8:5fec%13 Mozilla/4.0+(compatible;+Win32;+NDES+client) - 200 0 0 186 0\n"
		"#Software: Microsoft Internet Information Services 10.0\n"
		"#Fields: time date sc-status cs-method cs-uri-stem c-ip cs(User-Agent) sc-substatus sc-win32-status\n"
		"20:30:01 2017-08-09 201 POST /CertificateRegistrationSvc/Certificate/VerifyRequest "
		"fe80::f53d:89b8:c3e8:5fec%13 NDES_Plugin 0 0\n"
		"20:30:02 2017-08-09 403 POST /CertificateRegistrationSvc/Certificate/VerifyRequest 10.0.0.5 NDES_Plugin "
		"16 2148204809\n");
	assert_int_equal(c->n, 3);
	assert_string_equal(fld(c, 0, "sc-status"), "200");
	assert_string_equal(fld(c, 0, "cs-uri-query"), "operation=GetCACaps&message=default");
	assert_string_equal(fld(c, 0, "cs(User-Agent)"), "Mozilla/4.0+(compatible;+Win32;+NDES+client)");
	assert_null(fld(c, 0, "date"));
	assert_null(c->r[0].time);
	assert_int_equal(c->r[1].line, 8);
	assert_string_equal(fld(c, 1, "sc-status"), "201");
	assert_string_equal(fld(c, 1, "cs-uri-stem"), "/CertificateRegistrationSvc/Certificate/VerifyRequest");
	assert_string_equal(fld(c, 1, "cs(User-Agent)"), "NDES_Plugin");
	assert_null(fld(c, 1, "cs-uri-query"));
	assert_string_equal(c->r[1].time, "2017-08-09 20:30:01");
	assert_string_equal(fld(c, 2, "sc-status"), "403");
	assert_string_equal(fld(c, 2, "sc-substatus"), "16");
	assert_string_equal(fld(c, 2, "sc-win32-status"), "2148204809");
	collect_free(c);
}

/* A header cut short, or lines that came before any header. */
static void lines_before_any_header_take_the_default_fields(void **state)
{
	(void)state;
	collect *c = read_str("u_ex.log",
		"#Software: Microsoft Internet Information Services 10.0\n"
		"2017-08-08 20:22:16 10.0.0.1 GET /certsrv/mscep/mscep.dll operation=GetCACaps&message=ca 443 - "
		"10.0.0.9 Dalvik/2.1.0+(Linux;+U;+Android+5.0;+P01M+Build/LRX21V) - 200 0 0 421\n"
		"2017-08-08 20:22:17 10.0.0.1 GET /certsrv/mscep/mscep.dll\n");
	assert_int_equal(c->n, 2);
	assert_string_equal(fld(c, 0, "cs(User-Agent)"), "Dalvik/2.1.0+(Linux;+U;+Android+5.0;+P01M+Build/LRX21V)");
	assert_string_equal(fld(c, 0, "sc-status"), "200");
	assert_string_equal(fld(c, 0, "sc-win32-status"), "0");
	assert_string_equal(fld(c, 0, "time-taken"), "421");
	/* a line cut short has the fields it has */
	assert_string_equal(fld(c, 1, "cs-uri-stem"), "/certsrv/mscep/mscep.dll");
	assert_null(fld(c, 1, "sc-status"));
	collect_free(c);
}

static void httperr_names_the_reason(void **state)
{
	(void)state;
	collect *c = read_str("httperr1.log",
		"#Software: Microsoft HTTP API 2.0\r\n#Version: 1.0\r\n#Date: 2018-02-27 05:00:00\r\n"
		"#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid "
		"s-reason s-queuename\r\n"
		"2018-02-27 05:16:09 10.0.0.9 50123 10.0.0.1 443 HTTP/1.1 GET /certsrv/mscep/mscep.dll - 503 1 "
		"AppOffline SCEP\r\n"
		"2018-02-27 05:16:10 10.0.0.9 50124 10.0.0.1 443 HTTP/1.1 GET "
		"/certsrv/mscep/mscep.dll?operation=PKIOperation&message=MIAGCSqGSIb3 - 414 - URL_Length -\r\n"
		"2018-02-27 05:16:11 10.0.0.9 50125 10.0.0.1 443 - - - - 400 - RequestLength -\r\n");
	assert_string_equal(c->kinds, "httperr1.log=httperr\n");
	assert_int_equal(c->n, 3);
	assert_string_equal(c->r[0].kind, "httperr");
	assert_string_equal(fld(c, 0, "s-reason"), "AppOffline");
	assert_string_equal(fld(c, 0, "sc-status"), "503");
	assert_string_equal(fld(c, 0, "cs-uri"), "/certsrv/mscep/mscep.dll");
	assert_string_equal(fld(c, 0, "s-queuename"), "SCEP");
	assert_string_equal(fld(c, 1, "s-reason"), "URL_Length");
	assert_string_equal(fld(c, 2, "s-reason"), "RequestLength");
	assert_string_equal(c->r[2].time, "2018-02-27 05:16:11");
	collect_free(c);
}

/* An HTTPERR log is known by its fields even without its #Software line. */
static void httperr_known_by_its_fields(void **state)
{
	(void)state;
	collect *c = read_str("x.log", "#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri "
				       "sc-status s-siteid s-reason s-queuename\n"
				       "2018-02-27 05:16:09 ::1%0 5 ::1%0 80 HTTP/1.1 GET / 503 - AppOffline -\n");
	assert_string_equal(c->kinds, "x.log=httperr\n");
	assert_string_equal(fld(c, 0, "s-reason"), "AppOffline");
	collect_free(c);
}

/* The same log read one byte at a time gives the same records. */
static void any_read_size_gives_the_same_records(void **state)
{
	(void)state;
	const char *log = IIS_HEAD DEFAULT_FIELDS
		"2017-08-08 20:22:16 1.2.3.4 GET /certsrv/mscep/mscep.dll operation=GetCACert&message=ca 443 - "
		"10.5.14.22 profiled/1.0+CFNetwork/811.5.4+Darwin/16.6.0 - 500 0 1346 31\r\n"
		"2017-08-08 20:22:17 1.2.3.4 GET /certsrv/mscep/mscep.dll operation=GetCACaps&message=ca 443 - "
		"10.5.14.22 profiled/1.0+CFNetwork/811.5.4+Darwin/16.6.0 - 200 0 0 31";      /* no final CRLF */
	for (size_t chunk = 1; chunk < 9; chunk += 3) {
		collect *c = read_mem("u_ex.log", log, strlen(log), chunk);
		assert_int_equal(c->n, 2);
		assert_string_equal(fld(c, 0, "sc-status"), "500");
		assert_string_equal(fld(c, 1, "sc-status"), "200");
		assert_string_equal(fld(c, 1, "time-taken"), "31");
		assert_int_equal(c->r[1].line, 6);
		collect_free(c);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(status_500_line_has_its_fields),
		cmocka_unit_test(each_header_block_names_the_lines_below),
		cmocka_unit_test(lines_before_any_header_take_the_default_fields),
		cmocka_unit_test(httperr_names_the_reason),
		cmocka_unit_test(httperr_known_by_its_fields),
		cmocka_unit_test(any_read_size_gives_the_same_records),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
