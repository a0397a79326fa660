/* Sessions: a walk saved after every move, so a crash, a closed terminal or
 * SIGTERM loses nothing. One YAML file per session under
 * $XDG_STATE_HOME/scepwiz/sessions/, mode 0600, written atomically. A session
 * stores node and choice ids, never translated text, so it renders in any
 * language. */
#ifndef SCEPWIZ_SESSION_H
#define SCEPWIZ_SESSION_H

#include <stddef.h>
#include <time.h>

#include "check.h"
#include "engine.h"

enum { SESSION_VERSION = 1 };

typedef struct session {
	char *path;          /* where it is saved */
	char *id;            /* the file name without .yaml */
	time_t created, updated;
	char lang[8];
	char *engineer, *ticket, *url;
	walk walk;
	finding_list findings;  /* the last live check's (stored as code, detail, evidence) */
} session;

/* The folder sessions live in (created on demand by session_save). */
const char *session_dir(char *buf, size_t size);

/* A new, empty session with a fresh id and path (nothing written yet). */
int session_new(session *s, const char *lang);
/* Copies walk W and the language into S and saves it: called after every
 * move. Returns 0, or -1 with errno set. */
int session_record(session *s, const walk *w, const char *lang);
/* Writes S atomically (temporary file, fsync, rename), mode 0600. Returns 0,
 * or -1 with errno set. */
int session_save(session *s);
/* Reads a session and rebuilds its walk over SET. On failure returns -1 and
 * writes why into ERR; the file is never modified. */
int session_load(session *s, const char *path, const tree_set *set, char *err, size_t errsize);
void session_free(session *s);

/* Replaces the stored findings with copies of L's. */
void session_set_findings(session *s, const finding_list *l);
/* Keeps a live check's URL and findings. */
void session_take_report(session *s, const check_report *rep);
/* The stored findings as lines for a person, in the current language; a
 * NULL-terminated array to free with session_free_lines. */
char **session_finding_lines(const session *s);
void session_free_lines(char **lines);

/* Paths of the saved sessions, newest first; *N gets the count. Free with
 * session_list_free. */
char **session_list(size_t *n);
void session_list_free(char **paths, size_t n);

/* A session by id, file path, or NULL for the latest; writes the path found
 * into BUF, or returns NULL. */
const char *session_find(const char *id_or_path, char *buf, size_t size);

#endif
