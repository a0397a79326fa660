/* The map of the SCEP flow on the top row: six steps drawn with line
 * characters, the one the current article covers marked [N] (readable
 * without colour too), then its name. */
#include <config.h>

#include "screens.h"
#include "i18n.h"

#include <stdio.h>

static const char *const steps[6] = {
	N_("Deploy a SCEP certificate profile"),
	N_("Device to NDES server communication"),
	N_("NDES to policy module communication"),
	N_("NDES to certification authority"),
	N_("Certificate delivery to the device"),
	N_("Reporting of deployment to Intune"),
};

void flowmap_draw(const tui *t, int y)
{
	const node *n = walk_current(t->w);
	int current = n ? n->tree->flow_step : 0;
	int x = 1 + draw_clipped(y, 1, _("SCEP flow"), 12, ST_STRONG) + 1;
	move(y, x);
	for (int i = 1; i <= 6; i++) {
		attrset(style_attr(ST_FRAME));
		addch(draw_line(i == 1 ? ACS_LTEE : ACS_PLUS));
		if (i == current) {
			attrset(style_attr(ST_CURRENT));
			printw("[%d]", i);
		} else {
			addch(draw_line(ACS_HLINE));
			attrset(A_NORMAL);
			printw("%d", i);
			attrset(style_attr(ST_FRAME));
			addch(draw_line(ACS_HLINE));
		}
	}
	attrset(style_attr(ST_FRAME));
	addch(draw_line(ACS_RTEE));
	attrset(A_NORMAL);
	x += 6 * 4 + 2;
	char label[256];
	if (current >= 1 && current <= 6)
		snprintf(label, sizeof label, _("Step %d: %s"), current, _(steps[current - 1]));
	else
		snprintf(label, sizeof label, "%s", _("six steps from Intune to the device"));
	draw_clipped(y, x, label, COLS - x - 1, ST_TEXT);
}
