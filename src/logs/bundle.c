/* Zip bundles (Intune One Data Collector, "Collect diagnostics"): each
 * entry streamed through libarchive to the reader of its kind, with caps
 * that keep a hostile zip from filling memory, the disk or the clock. */
#include <config.h>

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "logs/source.h"

/* Bundles inside bundles: a file given is depth 0; a zip at this depth or
 * deeper is not opened. */
#define BUNDLE_MAX_DEPTH 3
#define ENTRY_MAX_BYTES (512UL << 20)
#define BUNDLE_MAX_ENTRIES 20000
/* A zip bomb: more than RATIO times the compressed bytes read, once past
 * SLACK (small files compress far better than logs do in bulk). */
#define BOMB_RATIO 200
#define BOMB_SLACK (16UL << 20)
#define NAME_MAX_BYTES 4096
#define READ_BUF 65536

/* Shared by a bundle and the bundles inside it, so the expansion ratio is
 * measured against the bytes of the outermost file. */
typedef struct {
	unsigned long long in;  /* bytes read from the outermost source */
	unsigned long long out; /* bytes expanded, at every level */
	int bomb;
} bundle_budget;

typedef struct {
	log_source *src;
	bundle_budget *budget;
	int outermost;
	char buf[READ_BUF];
} bundle_input;

typedef struct {
	struct archive *ar;
	bundle_budget *budget;
	unsigned long long read;  /* bytes of this entry given to the reader */
	int capped;               /* the entry was cut at ENTRY_MAX_BYTES */
	int failed;               /* libarchive failed inside the entry */
} bundle_entry;

static la_ssize_t input_read(struct archive *ar, void *arg, const void **buf)
{
	bundle_input *in = arg;
	ssize_t got = in->src->read(in->src, in->buf, sizeof in->buf);
	if (got < 0) {
		archive_set_error(ar, errno ? errno : EIO, "read error");
		return -1;
	}
	if (in->outermost)
		in->budget->in += (unsigned long long)got;
	*buf = in->buf;
	return got;
}

static int is_bomb(bundle_budget *b)
{
	if (b->out > BOMB_SLACK && b->out / BOMB_RATIO > b->in)
		b->bomb = 1;
	return b->bomb;
}

/* The member's reads: the entry's data, up to the caps. */
static ssize_t entry_read(log_source *s, void *buf, size_t n)
{
	bundle_entry *e = s->ctx;
	if (e->failed || e->capped || e->budget->bomb)
		return 0;
	if (e->read >= ENTRY_MAX_BYTES) {
		e->capped = 1;
		return 0;
	}
	if (n > ENTRY_MAX_BYTES - e->read)
		n = ENTRY_MAX_BYTES - e->read;
	la_ssize_t got = archive_read_data(e->ar, buf, n);
	if (got < 0) {
		e->failed = 1;
		errno = EIO;
		return -1;
	}
	e->read += (unsigned long long)got;
	e->budget->out += (unsigned long long)got;
	if (is_bomb(e->budget))
		return 0;
	return got;
}

/* 1 when NAME would leave the folder it is unpacked into: absolute, a
 * drive letter, or a ".." component (either slash). */
static int is_traversal(const char *name)
{
	if (name[0] == '/' || name[0] == '\\' || (name[0] && name[1] == ':'))
		return 1;
	for (const char *p = name; *p;) {
		size_t len = strcspn(p, "/\\");
		if (len == 2 && p[0] == '.' && p[1] == '.')
			return 1;
		p += len;
		if (*p)
			p++;
	}
	return 0;
}

static void note(const log_sink *sink, const char *file, const char *why)
{
	if (sink->note)
		sink->note(file, why, sink->arg);
}

/* Hands one regular entry to MEMBER, then says what cut it short. */
static void read_entry(struct archive *ar, struct archive_entry *ent, log_source *src,
		       bundle_budget *budget, const log_sink *sink, log_member_fn member)
{
	const char *ename = archive_entry_pathname_utf8(ent);
	if (!ename)
		ename = archive_entry_pathname(ent);
	if (!ename)
		ename = "?";
	char name[NAME_MAX_BYTES + 2];
	snprintf(name, sizeof name, "%s!%s", src->name, ename);

	if (is_traversal(ename)) {
		note(sink, name, N_("an entry whose name leaves the bundle (path traversal): skipped"));
		return;
	}
	if (archive_entry_is_encrypted(ent)) {
		note(sink, name, N_("an encrypted entry: skipped"));
		return;
	}
	bundle_entry e = { .ar = ar, .budget = budget };
	log_source m = { .name = name, .read = entry_read, .ctx = &e, .depth = src->depth + 1 };
	member(&m, sink);
	if (e.failed)
		note(sink, name, N_("a truncated or corrupt entry: read in part"));
	else if (e.capped)
		note(sink, name, N_("an entry over 512 MiB: read only its first 512 MiB"));
}

/* The budget of the bundle being read, while one is: a bundle found inside
 * it (whatever wraps the entry on the way, a sniffer for one) shares it. */
static _Thread_local bundle_budget *active_budget;

static struct archive *open_zip(bundle_input *in)
{
	struct archive *ar = archive_read_new();
	if (!ar)
		return NULL;
	/* Streaming: the local headers in order, no seek, no central directory. */
	archive_read_support_format_zip_streamable(ar);
	if (archive_read_open(ar, in, NULL, input_read, NULL) != ARCHIVE_OK) {
		archive_read_free(ar);
		return NULL;
	}
	return ar;
}

/* Walks the entries until the end, a fatal error or a cap; -1 when not
 * even the first can be read. */
static int read_entries(struct archive *ar, log_source *src, bundle_input *in,
			 const log_sink *sink, log_member_fn member)
{
	bundle_budget *budget = in->budget;
	struct archive_entry *ent;
	unsigned long n = 0;
	int after_encrypted = 0;
	for (;;) {
		int rc = archive_read_next_header(ar, &ent);
		if (rc == ARCHIVE_EOF)
			break;
		if (budget->bomb)
			break;
		if (++n > BUNDLE_MAX_ENTRIES) {
			note(sink, src->name, N_("a zip of over 20000 entries: read only the first 20000"));
			break;
		}
		if (rc < ARCHIVE_WARN) {
			if (n == 1) {
				note(sink, src->name, N_("not a zip that can be read"));
				return -1;
			}
			/* Streaming, an encrypted entry whose size only its end
			 * records can't be skipped: what follows is lost. */
			note(sink, src->name, after_encrypted
			     ? N_("the entries after an encrypted one can't be reached: read in part")
			     : N_("a truncated or corrupt zip: read in part"));
			if (rc == ARCHIVE_FATAL)
				break;
			continue;
		}
		after_encrypted = archive_entry_is_encrypted(ent);
		if (archive_entry_filetype(ent) == AE_IFREG)
			read_entry(ar, ent, src, budget, sink, member);
		if (budget->bomb)
			break;
	}
	/* A bomb found inside a nested bundle is the outermost one's to report. */
	if (budget->bomb && in->outermost)
		note(sink, src->name, N_("a zip bomb (it expands far beyond its size): read in part"));
	return 0;
}

int logs_read_bundle(log_source *src, const log_sink *sink, log_member_fn member)
{
	if (src->depth >= BUNDLE_MAX_DEPTH) {
		note(sink, src->name, N_("a zip nested too deep inside other zips: skipped"));
		return 0;
	}
	bundle_budget own = { 0 };
	bundle_budget *budget = active_budget;
	bundle_input *in = malloc(sizeof *in);
	if (!in)
		return -1;
	in->src = src;
	in->budget = budget ? budget : &own;
	in->outermost = budget == NULL;
	struct archive *ar = open_zip(in);
	if (!ar) {
		note(sink, src->name, N_("not a zip that can be read"));
		free(in);
		return -1;
	}
	active_budget = in->budget;
	int rc = read_entries(ar, src, in, sink, member);
	active_budget = budget;
	archive_read_free(ar);
	free(in);
	return rc;
}
