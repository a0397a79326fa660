#include <config.h>

#include "i18n.h"
#include "paths.h"

#include <stdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

static const char *const supported[] = { "en", "es", "it", "pt_BR", "sv", NULL };

#if ENABLE_NLS
/* GNU gettext caches translations; bumping this counter makes it look again
 * after LANGUAGE changes (the documented way, see gettext's manual). */
extern int _nl_msg_cat_cntr;
#endif

static int is_c_locale(const char *name)
{
	return name == NULL || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0;
}

/* The first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set. */
static const char *env_lang(void)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return NULL;
}

void i18n_init(void)
{
	/* gettext ignores LANGUAGE under the C locale, and a machine may have no
	 * locale but C.UTF-8: fall back to it and name the wanted language in
	 * LANGUAGE, so the catalogs still apply. */
	const char *wanted = env_lang();
	if (setlocale(LC_ALL, "") == NULL || is_c_locale(setlocale(LC_CTYPE, NULL))) {
		setlocale(LC_ALL, "C.UTF-8");
		if (wanted && !getenv("LANGUAGE"))
			i18n_set_lang(wanted);
	}
#if ENABLE_NLS
	bindtextdomain(PACKAGE, paths_locale_dir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
}

const char *i18n_normalize(const char *lang)
{
	if (lang == NULL)
		return NULL;
	if (strncmp(lang, "pt", 2) == 0)
		return "pt_BR";
	for (size_t i = 0; supported[i]; i++)
		if (strncmp(lang, supported[i], 2) == 0 && (lang[2] == '\0' || strchr("_-.@", lang[2])))
			return supported[i];
	return NULL;
}

int i18n_set_lang(const char *lang)
{
	const char *code = i18n_normalize(lang);
	if (code == NULL)
		code = "en";
	setenv("LANGUAGE", code, 1);
#if ENABLE_NLS
	++_nl_msg_cat_cntr;
#endif
	return i18n_normalize(lang) ? 0 : -1;
}

const char *i18n_lang(void)
{
	const char *code = i18n_normalize(getenv("LANGUAGE"));
	if (code == NULL)
		code = i18n_normalize(setlocale(LC_MESSAGES, NULL));
	return code ? code : "en";
}

const char *tr(const char *msgid)
{
	if (msgid == NULL || *msgid == '\0')
		return msgid;
	return gettext(msgid);
}

const char *tr_ctx(const char *ctx, const char *msgid)
{
	char key[1024];
	if (ctx == NULL || msgid == NULL || *msgid == '\0' ||
	    (size_t)snprintf(key, sizeof key, "%s\004%s", ctx, msgid) >= sizeof key)
		return tr(msgid);
	/* gettext returns its argument when the catalog has no such entry. */
	const char *t = gettext(key);
	return t == key ? tr(msgid) : t;
}
