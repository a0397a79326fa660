/* The one evidence model: something seen (by a live check, in a log, by a
 * probe enrollment) becomes a finding of a KIND. A kind is one row: a stable
 * code, a severity, the article section it points to and a translatable
 * sentence. Built-in kinds are the rows of kinds.h; the trees add one kind
 * per evidence pattern they declare. Nothing here includes curses or curl. */
#ifndef SCEPWIZ_FINDING_H
#define SCEPWIZ_FINDING_H

#include "evidence/severity.h"

#include <stddef.h>

typedef struct finding_kind {
	const char *code;       /* stable id: "status-503", "ndesplugin-error-12175" */
	severity sev;
	const char *section;    /* anchor or TREE/ANCHOR it points to, or NULL */
	const char *message;    /* English msgid: what was seen, one sentence */
	const char *source;     /* who sees it: a check ("url", "GetCACaps", …) or a
				 * log kind ("iis", "event", …) */
	const char *context;    /* English msgid said before the message (a tree
				 * pattern's article title), or NULL */
} finding_kind;

/* A line that shows a finding: where it was read (FILE NULL for a live
 * check's own lines) and what it says, already made printable. */
typedef struct {
	char *file;
	unsigned long line;     /* 1-based; 0 when not from a file */
	char *text;
} evidence_line;

/* The words around a detail's facts (a row of notes.h). */
typedef struct {
	const char *code;       /* stable id, kept in sessions */
	const char *format;     /* English msgid, one %s per fact */
} finding_note;

#define FINDING_NOTE_ARGS 4

typedef struct {
	const finding_kind *kind;
	char *detail;           /* the detail in English (facts, printable), or NULL */
	const finding_note *note;       /* when set, DETAIL is NOTE with ARGS */
	char *args[FINDING_NOTE_ARGS];  /* the facts, printable; NULL past the last */
	char *via;              /* with a note: the check that saw it when it isn't the
				 * kind's source ("GetCACaps" answering 500), said first */
	evidence_line *lines;
	size_t nlines;
	unsigned long count;    /* times seen: 1 for a check, N for a log pattern */
} finding;

typedef struct {
	finding *v;
	size_t n, cap;
} finding_list;

/* The built-in kinds by name: FK_STATUS_503 is the row "status-503". */
typedef enum {
#define KIND(name, code, sev, section, source, message) FK_##name,
#include "evidence/kinds.h"
#undef KIND
	FK_COUNT
} finding_kind_id;
const finding_kind *finding_builtin(finding_kind_id id);

/* The notes by name: FN_HTML_PAGE is the row "html-page". */
typedef enum {
#define NOTE(name, code, format) FN_##name,
#include "evidence/notes.h"
#undef NOTE
	FN_COUNT
} finding_note_id;
const finding_note *finding_note_builtin(finding_note_id id);
/* The note with CODE, or NULL. */
const finding_note *finding_note_find(const char *code);

/* The kind with CODE: a built-in row or one a tree registered; NULL if none. */
const finding_kind *finding_kind_find(const char *code);
/* Every kind, built-in first then the trees' in load order; I from 0. NULL
 * past the end. */
const finding_kind *finding_kind_at(size_t i);
/* Adds the trees' kinds (the evidence layer keeps the pointer). */
void finding_kinds_register(const finding_kind *kinds, size_t n);

/* Appends a finding of KIND with DETAIL (taken: freed on failure). Returns it,
 * or NULL when memory ran out. */
finding *finding_add(finding_list *l, const finding_kind *kind, char *detail);
/* Appends a finding of KIND whose detail is NOTE around the facts ARGS
 * (NULL-terminated; copied and made printable). */
finding *finding_add_note(finding_list *l, const finding_kind *kind, const finding_note *note,
			  const char *const *args);
/* Gives F the detail NOTE with ARGS (as finding_add_note), said as seen by
 * VIA (NULL: the kind's source); -1 when memory ran out. */
int finding_set_note(finding *f, const finding_note *note, const char *const *args);
int finding_set_note_via(finding *f, const char *via, const finding_note *note,
			 const char *const *args);
/* Adds an evidence line (FILE and TEXT are copied; TEXT made printable). */
int finding_add_line(finding *f, const char *file, unsigned long line, const char *text, size_t len);
/* Appends a deep copy of F; NULL when memory ran out. */
finding *finding_add_copy(finding_list *l, const finding *f);
void finding_list_free(finding_list *l);

/* How many findings have severity SEV or worse. */
size_t finding_count(const finding_list *l, severity sev);

/* The detail for a person, in the current language (a note's words
 * translated, the facts as seen), or NULL when there is none. */
const char *finding_detail_text(const finding *f, char *buf, size_t size);
/* One line for a person, in the current language: the kind's sentence, and
 * the detail in parentheses. */
const char *finding_summary(const finding *f, char *buf, size_t size);

#endif
