/* Windows events in each form a customer exports them, and WCF traces: the
 * provider, id, level, message and named data a pattern matches on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "logs_fixture.h"

#define DMEDP "Microsoft-Windows-DeviceManagement-Enterprise-Diagnostics-Provider"
#define EVENT36 "SCEP: Certificate request generated successfully. Enhanced Key Usage: (1.3.6.1.5.5.7.3.2), " \
		"NDES URL: (https://<server>/certsrv/mscep/mscep.dll/pkiclient.exe), Container Name: (), " \
		"KSP Setting: (0x2), Store Location: (0x1)."

/* device-to-ndes, "Windows devices": Event Viewer's Copy details as text,
 * with its Event Xml, then a second event pasted below it. */
static void event_viewer_text_with_its_xml(void **state)
{
	(void)state;
	collect *c = read_str("event36.txt",
		"Log Name:      " DMEDP "/Admin\r\n"
		"Source:        " DMEDP "\r\n"
		"Date:          2/27/2018 5:16:09 PM\r\n"
		"Event ID:      36\r\n"
		"Task Category: None\r\n"
		"Level:         Information\r\n"
		"Keywords:\r\n"
		"User:          <UserSid>\r\n"
		"Computer:      <Computer Name>\r\n"
		"Description:\r\n"
		EVENT36 "\r\n"
		"Event Xml:\r\n"
		"<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">\r\n"
		"  <System>\r\n"
		"    <Provider Name=\"" DMEDP "\" Guid=\"{3da494e4-0fe2-415c-b895-fb5265c5c83b}\" />\r\n"
		"    <EventID>36</EventID>\r\n"
		"    <Level>4</Level>\r\n"
		"  </System>\r\n"
		"  <EventData>\r\n"
		"    <Data Name=\"NDESUrl\">https://ndes/certsrv/mscep/mscep.dll/pkiclient.exe</Data>\r\n"
		"    <Data Name=\"Message\">SCEP: Certificate request generated successfully.</Data>\r\n"
		"  </EventData>\r\n"
		"</Event>\r\n"
		"Log Name:      " DMEDP "/Admin\r\n"
		"Source:        " DMEDP "\r\n"
		"Event ID:      39\r\n"
		"Level:         Information\r\n"
		"Description:\r\n"
		"SCEP: Certificate installed successfully.\r\n");
	assert_string_equal(c->kinds, "event36.txt=event\n");
	assert_int_equal(c->n, 2);
	assert_string_equal(c->r[0].kind, "event");
	assert_int_equal(c->r[0].line, 1);
	assert_string_equal(fld(c, 0, "provider"), DMEDP);
	assert_string_equal(fld(c, 0, "channel"), DMEDP "/Admin");
	assert_string_equal(fld(c, 0, "id"), "36");
	assert_string_equal(fld(c, 0, "level"), "Information");
	assert_string_equal(fld(c, 0, "message"), EVENT36);      /* not the datum named Message */
	assert_string_equal(fld(c, 0, "time"), "2018-02-27 17:16:09");
	assert_string_equal(fld(c, 0, "NDESUrl"), "https://ndes/certsrv/mscep/mscep.dll/pkiclient.exe");
	assert_string_equal(c->r[0].text, EVENT36);
	assert_string_equal(c->r[0].time, "2018-02-27 17:16:09");
	assert_int_equal(c->r[1].line, 24);
	assert_string_equal(fld(c, 1, "id"), "39");
	assert_string_equal(c->r[1].text, "SCEP: Certificate installed successfully.");
	collect_free(c);
}

static void wevtutil_text(void **state)
{
	(void)state;
	collect *c = read_str("app.txt",
		"Event[0]:\n"
		"  Log Name: Application\n"
		"  Source: Microsoft-Windows-NetworkDeviceEnrollmentService\n"
		"  Date: 2018-02-27T05:16:09.553\n"
		"  Event ID: 31\n"
		"  Task: N/A\n"
		"  Level: Error\n"
		"  Computer: NDES01\n"
		"  Description: \n"
		"The Network Device Enrollment Service cannot submit the certificate request (0x80094800).\n"
		"The request was denied by a certificate manager or CA administrator.\n"
		"\n"
		"Event[1]:\n"
		"  Log Name: Application\n"
		"  Source: Application Error\n"
		"  Event ID: 1000\n"
		"  Level: Error\n"
		"  Description: Faulting application name: w3wp.exe, version: 10.0.14393.0\n");
	assert_int_equal(c->n, 2);
	assert_string_equal(fld(c, 0, "provider"), "Microsoft-Windows-NetworkDeviceEnrollmentService");
	assert_string_equal(fld(c, 0, "id"), "31");
	assert_string_equal(fld(c, 0, "level"), "Error");
	assert_string_equal(fld(c, 0, "computer"), "NDES01");
	assert_string_equal(fld(c, 0, "message"),
			    "The Network Device Enrollment Service cannot submit the certificate request (0x80094800).\n"
			    "The request was denied by a certificate manager or CA administrator.");
	assert_string_equal(c->r[0].time, "2018-02-27 05:16:09");
	assert_int_equal(c->r[1].line, 13);
	assert_string_equal(fld(c, 1, "provider"), "Application Error");
	assert_string_equal(fld(c, 1, "id"), "1000");
	assert_string_equal(c->r[1].text, "Faulting application name: w3wp.exe, version: 10.0.14393.0");
	collect_free(c);
}

/* wevtutil qe /f:xml: records without a root, named data, numeric levels. */
static void event_xml_records(void **state)
{
	(void)state;
	collect *c = read_str("connector.xml",
		"<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>"
		"<Provider Name=\"Microsoft-Intune-CertificateConnectors\"/><EventID>4004</EventID><Level>2</Level>"
		"<TimeCreated SystemTime=\"2021-05-01T10:00:00.000Z\"/>"
		"<Channel>Microsoft-Intune-CertificateConnectors/Admin</Channel><Computer>NDES01</Computer></System>"
		"<EventData><Data Name=\"Error\">0x80094800 &amp; &#x41;&lt;b&gt;</Data><Data>unnamed</Data></EventData>"
		"</Event><Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">\n"
		"<System><Provider Name=\"Application Error\"/><EventID Qualifiers=\"0\">1000</EventID><Level>0</Level>\n"
		"</System><RenderingInfo Culture=\"en-US\"><Message>Faulting application name: w3wp.exe</Message>"
		"</RenderingInfo></Event>\n");
	assert_string_equal(c->kinds, "connector.xml=event\n");
	assert_int_equal(c->n, 2);
	assert_string_equal(fld(c, 0, "provider"), "Microsoft-Intune-CertificateConnectors");
	assert_string_equal(fld(c, 0, "id"), "4004");
	assert_string_equal(fld(c, 0, "level"), "Error");
	assert_string_equal(fld(c, 0, "channel"), "Microsoft-Intune-CertificateConnectors/Admin");
	assert_string_equal(fld(c, 0, "Error"), "0x80094800 & A<b>");
	assert_string_equal(fld(c, 0, "Data"), "unnamed");
	assert_null(fld(c, 0, "message"));
	/* with no rendered message, the data is what a person reads */
	assert_string_equal(c->r[0].text, "0x80094800 & A<b> unnamed");
	assert_string_equal(c->r[0].time, "2021-05-01 10:00:00");
	assert_int_equal(c->r[1].line, 1);
	assert_string_equal(fld(c, 1, "id"), "1000");
	assert_string_equal(fld(c, 1, "level"), "Information");
	assert_string_equal(c->r[1].text, "Faulting application name: w3wp.exe");
	collect_free(c);
}

/* Get-WinEvent -LogName Application | Export-Csv: a message over lines. */
static void export_csv(void **state)
{
	(void)state;
	collect *c = read_str("events.csv",
		"#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord\r\n"
		"\"Message\",\"Id\",\"Version\",\"Level\",\"ProviderName\",\"LogName\",\"MachineName\",\"TimeCreated\","
		"\"LevelDisplayName\"\r\n"
		"\"The Network Device Enrollment Service cannot submit the certificate request (0x80094800).\r\n"
		"\r\nThe request was \"\"denied\"\".\",\"31\",\"0\",\"2\",\"Microsoft-Windows-NetworkDeviceEnrollmentService\","
		"\"Application\",\"NDES01\",\"2/27/2018 5:16:09 AM\",\"Error\"\r\n"
		"\"SCEP: Certificate installed successfully.\",\"39\",\"0\",\"4\",\"" DMEDP "\",\"" DMEDP "/Admin\","
		"\"PC01\",\"2/27/2018 12:05:00 PM\",\"\"\r\n");
	assert_string_equal(c->kinds, "events.csv=event\n");
	assert_int_equal(c->n, 2);
	assert_int_equal(c->r[0].line, 3);
	assert_string_equal(fld(c, 0, "id"), "31");
	assert_string_equal(fld(c, 0, "provider"), "Microsoft-Windows-NetworkDeviceEnrollmentService");
	assert_string_equal(fld(c, 0, "level"), "Error");
	assert_string_equal(fld(c, 0, "channel"), "Application");
	assert_string_equal(fld(c, 0, "computer"), "NDES01");
	assert_string_equal(c->r[0].text, "The Network Device Enrollment Service cannot submit the certificate request "
					  "(0x80094800).\n\nThe request was \"denied\".");
	assert_string_equal(c->r[0].time, "2018-02-27 05:16:09");
	assert_int_equal(c->r[1].line, 6);
	assert_string_equal(fld(c, 1, "id"), "39");
	/* no level name: the number says it */
	assert_string_equal(fld(c, 1, "level"), "Information");
	assert_string_equal(c->r[1].time, "2018-02-27 12:05:00");
	collect_free(c);
}

/* Event Viewer's Save All Events As… text: tab-separated. */
static void event_viewer_saved_text(void **state)
{
	(void)state;
	collect *c = read_str("saved.txt",
		"Level\tDate and Time\tSource\tEvent ID\tTask Category\r\n"
		"Error\t2/27/2018 5:16:09 AM\tMicrosoft-Windows-NetworkDeviceEnrollmentService\t31\tNone\t"
		"\"The Network Device Enrollment Service cannot submit\r\nthe certificate request (0x80094800).\"\r\n"
		"Information\t2/27/2018 5:20:00 AM\tMicrosoft-Windows-NetworkDeviceEnrollmentService\t2\tNone\tStarted.\r\n");
	assert_int_equal(c->n, 2);
	assert_string_equal(fld(c, 0, "level"), "Error");
	assert_string_equal(fld(c, 0, "id"), "31");
	assert_string_equal(fld(c, 0, "message"),
			    "The Network Device Enrollment Service cannot submit\nthe certificate request (0x80094800).");
	assert_string_equal(fld(c, 1, "message"), "Started.");
	assert_int_equal(c->r[1].line, 4);
	collect_free(c);
}

/* CertificateRegistrationPoint_*.svclog: records with no root, one over
 * two lines, two on one line. */
static void svclog_records(void **state)
{
	(void)state;
	collect *c = read_str("CertificateRegistrationPoint_1.svclog",
		"<E2ETraceEvent xmlns=\"http://schemas.microsoft.com/2004/06/E2ETraceEvent\"><System xmlns=\"http://"
		"schemas.microsoft.com/2004/06/windows/eventlog/system\"><EventID>0</EventID><Type>3</Type><SubType "
		"Name=\"Information\">0</SubType><Level>8</Level><TimeCreated SystemTime=\"2018-02-27T05:16:28.0340000Z\" />"
		"<Source Name=\"CertificateRegistrationPoint\" /><Computer>NDES01</Computer></System><ApplicationData>"
		"Validation Phase 1 finished with status True.</ApplicationData></E2ETraceEvent>\r\n"
		"<E2ETraceEvent xmlns=\"http://schemas.microsoft.com/2004/06/E2ETraceEvent\"><System><SubType Name=\"Error\">"
		"0</SubType><Source Name=\"CertificateRegistrationPoint\" /></System>\r\n"
		"<ApplicationData>Signing certificate could not be retrieved. System.Security.Cryptography."
		"CryptographicException: m_safeCertContext is an invalid handle.</ApplicationData></E2ETraceEvent>"
		"<E2ETraceEvent><System><SubType Name=\"Information\">0</SubType><Source Name=\"NDESConnector\"/></System>"
		"<ApplicationData><TraceData><DataItem>VerifyRequest Finished with status True</DataItem></TraceData>"
		"</ApplicationData></E2ETraceEvent>\r\n");
	assert_string_equal(c->kinds, "CertificateRegistrationPoint_1.svclog=svclog\n");
	assert_int_equal(c->n, 3);
	assert_string_equal(c->r[0].kind, "svclog");
	assert_string_equal(fld(c, 0, "source"), "CertificateRegistrationPoint");
	assert_string_equal(fld(c, 0, "type"), "Information");
	assert_string_equal(fld(c, 0, "message"), "Validation Phase 1 finished with status True.");
	assert_string_equal(c->r[0].time, "2018-02-27 05:16:28");
	assert_int_equal(c->r[1].line, 2);
	assert_string_equal(fld(c, 1, "type"), "Error");
	assert_string_equal(c->r[1].text, "Signing certificate could not be retrieved. System.Security.Cryptography."
					  "CryptographicException: m_safeCertContext is an invalid handle.");
	assert_int_equal(c->r[2].line, 3);
	assert_string_equal(fld(c, 2, "source"), "NDESConnector");
	assert_string_equal(c->r[2].text, "VerifyRequest Finished with status True");
	collect_free(c);
}

/* A file cut in the middle of a record still gives what it has. */
static void a_truncated_svclog_gives_its_last_record_with_a_note(void **state)
{
	(void)state;
	collect *c = read_str("NDESConnector_2.svclog",
		"<E2ETraceEvent><System><Source Name=\"NDESConnector\"/></System><ApplicationData>Exception: "
		"the connector can't reach Intune");
	assert_int_equal(c->n, 1);
	assert_string_equal(c->r[0].text, "Exception: the connector can't reach Intune");
	assert_string_equal(c->notes, "NDESConnector_2.svclog: the last XML record is incomplete\n");
	collect_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(event_viewer_text_with_its_xml),
		cmocka_unit_test(wevtutil_text),
		cmocka_unit_test(event_xml_records),
		cmocka_unit_test(export_csv),
		cmocka_unit_test(event_viewer_saved_text),
		cmocka_unit_test(svclog_records),
		cmocka_unit_test(a_truncated_svclog_gives_its_last_record_with_a_note),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
