/* Translation: gettext with no-op fallbacks when built without NLS. */
#ifndef SCEPWIZ_I18N_H
#define SCEPWIZ_I18N_H

#include <config.h>

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#define gettext(s) (s)
#define ngettext(one, many, n) ((n) == 1 ? (one) : (many))
#endif
#define N_(s) (s)

/* Sets up the locale and the message catalogs; call once from main. */
void i18n_init(void);

/* The supported language code for LANG (en, es, it, pt_BR, sv; "pt" and
 * "es_ES.UTF-8" style names are accepted), or NULL. */
const char *i18n_normalize(const char *lang);
/* Switches the messages to LANG at once; an unknown one selects English and
 * returns -1. */
int i18n_set_lang(const char *lang);
/* The language messages are shown in now. */
const char *i18n_lang(void);

/* Translates a string from a tree. gettext("") would return the catalog
 * header, so empty and NULL strings pass through untouched. */
const char *tr(const char *msgid);
/* MSGID in context CTX (a msgctxt, or NULL: as tr); without a translation in
 * that context, the plain one. */
const char *tr_ctx(const char *ctx, const char *msgid);

#endif
