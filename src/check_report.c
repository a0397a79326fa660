/* The live checks' report: what it counts and how it is freed. */
#include <config.h>

#include "check.h"

#include <stdlib.h>

size_t check_report_problems(const check_report *rep)
{
	return finding_count(&rep->findings, SEV_PROBLEM);
}

void check_report_free(check_report *rep)
{
	finding_list_free(&rep->findings);
	free(rep->url);
	scep_certs_free(&rep->certs);
	*rep = (check_report){ 0 };
}
