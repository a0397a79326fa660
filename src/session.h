/* Sessions: a walk saved after every move, so a crash, a closed terminal or
 * SIGTERM loses nothing. One YAML file per session under
 * $XDG_STATE_HOME/scepwiz/sessions/, mode 0600, written atomically. A session
 * stores node and choice ids, never translated text, so it renders in any
 * language. */
#ifndef SCEPWIZ_SESSION_H
#define SCEPWIZ_SESSION_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "check.h"
#include "engine.h"
#include "marks.h"

enum { SESSION_VERSION = 1 };

typedef struct session {
	char *path;          /* where it is saved */
	char *id;            /* the file name without .yaml */
	int locked, lock_fd; /* held by this process (see session_lock) */
	time_t created, updated;
	char lang[8];
	char *engineer, *ticket, *url;
	walk walk;
	finding_list findings;  /* the last live check's (stored as code, detail, evidence) */
	marks marks;            /* steps ticked done and causes ruled out */
} session;

/* The folder sessions live in (created on demand by session_save). */
const char *session_dir(char *buf, size_t size);

/* A new, empty session with an id from the time and a path; nothing is
 * written yet: its first save claims the file (adding a suffix when another
 * wizard took the name), so a launch that is only quit leaves nothing. */
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

/* ---- the YAML (session_write.c, session_read.c) ----------------------- */

/* The names of the moves (move_kind) in the file. */
extern const char *const session_how_names[];
/* Writes S to F; 0, or -1 when it could not be written. */
int session_write_yaml(FILE *f, const session *s);

/* ---- the files (session_file.c) ---------------------------------------- */

/* A wizard holds its session's lock (flock) for as long as it has it open,
 * so a second wizard cannot overwrite it. Takes the lock of S's file;
 * returns 0, or -1 with errno EWOULDBLOCK when another process holds it. */
int session_lock(session *s);
/* Creates S's file with O_EXCL and locks it; on a name already taken, moves
 * S to ID-2, ID-3, ... Returns 0, or -1 with errno set. */
int session_claim(session *s);
/* Keeps FD (the file just renamed into place, already locked) as S's lock. */
void session_hold(session *s, int fd);
/* Removes the ID.yaml.XXXXXX temporaries that a killed save left behind,
 * skipping those of a session a live wizard holds. Returns how many. */
int session_clean_temps(void);
/* Deletes the session file PATH; -1 with EWOULDBLOCK when a wizard has it open. */
int session_delete(const char *path);
/* Renames the session file PATH to NAME.yaml in the same folder, never over
 * another session; -1 with errno (EINVAL for a name that is not a-z, A-Z,
 * 0-9, '.', '_', '-' or starts with '.'; EEXIST; EWOULDBLOCK). */
int session_rename(const char *path, const char *name);
/* Whether NAME is fit for session_rename. */
int session_name_ok(const char *name);

#endif
