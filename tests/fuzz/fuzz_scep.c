/* libFuzzer target: any bytes, as a GetCACert or GetCACaps answer and as
 * the body of any answer the classifier reads, give findings without a
 * crash, a leak or a hang. Built and run by `make fuzz-scep`. */
#include <config.h>

#include <stdint.h>
#include <string.h>

#include "diagnose.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The first byte picks the status and the Content-Type. */
	static const long statuses[] = { 200, 403, 404, 414, 500, 503, 504 };
	static char *const types[] = { "application/x-x509-ca-ra-cert", "application/x-x509-ca-cert",
				       "text/plain", NULL };
	unsigned pick = size ? data[0] : 0;
	probe_result r = { .url = "https://ndes/certsrv/mscep/mscep.dll", .end = PROBE_ANSWERED,
			   .status = statuses[pick % 7], .status_line = "HTTP/1.1 ???",
			   .content_type = types[(pick >> 3) % 4], .headers = "Server: fuzz\n",
			   .body = (unsigned char *)data, .body_len = size };
	probe_result ok = r;
	ok.status = 200;
	diagnose_input in = { .r = { &r, &ok, &ok, &r }, .now = 1893456000 };
	check_report rep = { 0 };
	diagnose(&in, &rep);
	char line[512];
	for (size_t i = 0; i < rep.findings.n; i++)
		finding_summary(&rep.findings.v[i], line, sizeof line);
	check_report_free(&rep);
	return 0;
}
