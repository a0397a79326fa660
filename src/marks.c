/* The set of checklist marks: a small list, searched in order. */
#include <config.h>

#include "marks.h"

#include <stdlib.h>

static long find(const marks *m, const node *n, int ci, int si)
{
	for (size_t i = 0; m && i < m->n; i++)
		if (m->v[i].node == n && m->v[i].cause == ci && m->v[i].step == si)
			return (long)i;
	return -1;
}

int marks_has(const marks *m, const node *n, int ci, int si)
{
	return find(m, n, ci, si) >= 0;
}

int marks_add(marks *m, const node *n, int ci, int si)
{
	if (find(m, n, ci, si) >= 0)
		return 0;
	if (m->n == m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 16;
		mark *v = realloc(m->v, cap * sizeof *v);
		if (v == NULL)
			return -1;
		m->v = v;
		m->cap = cap;
	}
	m->v[m->n++] = (mark){ n, ci, si };
	return 0;
}

int marks_toggle(marks *m, const node *n, int ci, int si)
{
	long i = find(m, n, ci, si);
	if (i < 0)
		return marks_add(m, n, ci, si) < 0 ? -1 : 1;
	m->v[i] = m->v[--m->n];
	return 0;
}

void marks_free(marks *m)
{
	free(m->v);
	m->v = NULL;
	m->n = m->cap = 0;
}
