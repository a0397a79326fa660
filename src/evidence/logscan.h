/* What the logs a customer sent show: the records of every file given
 * together, matched against the trees' evidence patterns, counted the way a
 * person would count them, and summed up as the six steps of the SCEP flow.
 * Pure: the readers feed it through a log_sink. */
#ifndef SCEPWIZ_LOGSCAN_H
#define SCEPWIZ_LOGSCAN_H

#include "evidence/finding.h"
#include "evidence/patterns.h"
#include "logs/record.h"
#include "tree.h"

struct scan_state;

enum { LOGSCAN_LINES = 4 };   /* evidence lines kept a finding: the first 3 and the latest */

typedef struct {
	char *file;
	const char *kind;
	unsigned long records, mscep;
} scanned_file;

typedef struct {
	char *file;
	const char *why;          /* English msgid */
} scan_note;

typedef struct {
	const evidence_index *ix;
	finding_list findings;    /* in the order first seen */
	size_t *slot;             /* per pattern: its finding's index + 1 */
	struct scan_state *state; /* per finding: what only the scan needs */
	scanned_file *files;
	size_t nfiles;
	scan_note *notes;
	size_t nnotes;
	int failed;               /* memory ran out: the scan is incomplete */
	/* What the last record needed, kept because the next one is most
	 * likely alike: an IIS log's field positions and the patterns of its
	 * kind. */
	log_field_cache stem, status, agent;
	const char *last_kind;
	const size_t *last_candidates;
	size_t nlast_candidates;
} log_scan;

typedef enum { FLOW_UNKNOWN, FLOW_OK, FLOW_FAILED } flow_state;

typedef struct {
	flow_state state;
	const finding *why;       /* the finding that shows it, or NULL */
} flow_row;

void logscan_init(log_scan *s, const evidence_index *ix);
/* The sink the readers send records, notes and file kinds to. */
log_sink logscan_sink(log_scan *s);
/* Adds what only the whole input shows (an IIS log without mscep.dll) and
 * the time range of each finding to its detail. Call once, after reading. */
void logscan_finish(log_scan *s);
/* The six steps of the SCEP flow (ROWS[0] is step 1): failed where a problem
 * points to a section of that step, proven where a success marker does. */
void logscan_flow(const log_scan *s, const tree_set *set, flow_row rows[6]);
/* The flow step of SECTION (0 when none). */
int logscan_step_of(const tree_set *set, const char *section);
/* Files read as a kind scepwiz knows (not plain text). */
size_t logscan_known_files(const log_scan *s);
void logscan_free(log_scan *s);

#endif
