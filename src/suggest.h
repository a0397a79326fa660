/* "Did you mean": the candidates closest to a word a user typed. */
#ifndef SCEPWIZ_SUGGEST_H
#define SCEPWIZ_SUGGEST_H

#include <stddef.h>

/* Fills OUT with up to MAX of the N CANDIDATES closest to WORD (edit
 * distance, case ignored), closest first; only those close enough to be a
 * likely typo, or that hold WORD whole. Returns how many. */
size_t suggest_closest(const char *word, const char *const *candidates, size_t n,
		       const char **out, size_t max);

#endif
