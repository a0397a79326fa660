/* Edit distance over the names a user may mistype: section ids, finding
 * codes. Lists are small (hundreds), words short: a plain dynamic
 * programme is plenty. */
#include <config.h>

#include "suggest.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_WORD = 128 };

/* Levenshtein distance, without case; words are cut at MAX_WORD. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strnlen(a, MAX_WORD), lb = strnlen(b, MAX_WORD);
	size_t row[MAX_WORD + 1];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
			size_t best = diag + cost;
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

size_t suggest_closest(const char *word, const char *const *candidates, size_t n,
		       const char **out, size_t max)
{
	size_t found = 0, limit = strlen(word) / 3 + 2;
	size_t *score = malloc((max ? max : 1) * sizeof *score);
	if (score == NULL)
		return 0;
	for (size_t i = 0; i < n; i++) {
		size_t d = strstr(candidates[i], word) ? 0 : distance(word, candidates[i]);
		if (d > limit)
			continue;
		/* Insert in order; a worse one past MAX is dropped. */
		size_t at = found;
		while (at > 0 && score[at - 1] > d)
			at--;
		if (at >= max)
			continue;
		size_t last = found < max ? found : max - 1;
		memmove(&out[at + 1], &out[at], (last - at) * sizeof *out);
		memmove(&score[at + 1], &score[at], (last - at) * sizeof *score);
		out[at] = candidates[i];
		score[at] = d;
		if (found < max)
			found++;
	}
	free(score);
	return found;
}
