/* trees2pot: writes the translatable fields of decision trees as a PO
 * template, with "#: decision-trees/FILE.yaml:LINE" references, for xgettext
 * to merge into po/scepwiz.pot. It reads the trees with the program's own
 * loader, so what translators see is exactly what the program looks up. */
#include <config.h>

#include "tree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	const char *msgid, *ctx;
	char refs[4096];
} entry;

typedef struct {
	entry *e;
	size_t n, cap;
	const char *file;   /* the tree's path from the top of the source tree */
} pot;

static int same_ctx(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static void add(const text *msg, void *arg)
{
	pot *p = arg;
	size_t i = 0;
	while (i < p->n && (strcmp(p->e[i].msgid, msg->s) != 0 || !same_ctx(p->e[i].ctx, msg->ctx)))
		i++;
	if (i == p->n) {
		if (p->n == p->cap) {
			p->cap = p->cap ? 2 * p->cap : 256;
			p->e = realloc(p->e, p->cap * sizeof *p->e);
			if (p->e == NULL)
				exit(1);
		}
		p->e[p->n++] = (entry){ msg->s, msg->ctx, "" };
	}
	size_t len = strlen(p->e[i].refs);
	snprintf(p->e[i].refs + len, sizeof p->e[i].refs - len, " %s:%u", p->file, msg->line);
}

/* A PO string: one quoted line per line of the text. */
static void put_string(const char *key, const char *s)
{
	printf("%s ", key);
	if (strchr(s, '\n') && s[strcspn(s, "\n") + 1] != '\0')
		printf("\"\"\n");
	putchar('"');
	for (; *s; s++) {
		switch (*s) {
		case '"': fputs("\\\"", stdout); break;
		case '\\': fputs("\\\\", stdout); break;
		case '\t': fputs("\\t", stdout); break;
		case '\n': fputs(s[1] ? "\\n\"\n\"" : "\\n", stdout); break;
		default: putchar(*s);
		}
	}
	puts("\"");
}

static const char *from_top(const char *path)
{
	const char *at = strstr(path, "decision-trees/");
	return at ? at : path;
}

int main(int argc, char **argv)
{
	tree_set set = { 0 };
	pot p = { 0 };
	int nerr = 0;
	for (int i = 1; i < argc; i++)
		nerr += tree_set_add_file(&set, argv[i], stderr);
	if (nerr || tree_set_resolve(&set, stderr))
		return 65;
	for (size_t i = 0; i < set.ntrees; i++) {
		p.file = from_top(set.trees[i]->file);
		tree_each_text(set.trees[i], add, &p);
	}
	puts("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n");
	for (size_t i = 0; i < p.n; i++) {
		printf("#:%s\n", p.e[i].refs);
		if (p.e[i].ctx)
			put_string("msgctxt", p.e[i].ctx);
		put_string("msgid", p.e[i].msgid);
		puts("msgstr \"\"\n");
	}
	free(p.e);
	tree_set_clear(&set);
	return 0;
}
