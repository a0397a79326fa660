/* The question screen, also for a section that only informs: the text,
 * the example, the numbered answers (or the way on). */
#include <config.h>

#include "screens.h"
#include "i18n.h"

void question_draw(tui *t)
{
	const node *n = walk_current(t->w);
	section_head(t, n);
	answers_add(t, n);
	log_add(t, n);
	tui_show_page(t);
}

int question_key(tui *t, int key)
{
	return log_key(t, key) || answers_key(t, key);
}
