/* The 'p' key. Printing and saving the checklist belong to the checklist
 * issue; until it lands, this says so. Replace this function to wire it. */
#include <config.h>

#include "screens.h"
#include "i18n.h"

void print_or_save(tui *t)
{
	tui_message(t, "%s", _("Printing and saving come with the checklist command "
			       "(scepwiz checklist); c shows the checklist now."));
}
