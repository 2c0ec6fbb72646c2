/* ks-meeting-screens.h — which monitor shows the slides in a review meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A monitor's geometry in the display's layout (application pixels). */
typedef struct
{
  int x, y, width, height;
} KsScreenRect;

/* With one monitor the slides fill it and there is no presenter screen: -1.
 * With two or more, the slides go to the largest monitor (by area) other
 * than @main (the one the main window is on; -1 or out of range = the
 * first), ties going to the one listed first; the presenter's view stays on
 * @main. Monitors with no area are never picked. */
int  ks_meeting_pick_projector  (const KsScreenRect *monitors,
                                 guint               n_monitors,
                                 int                 main);
/* The monitor @x, @y lies on (the first that holds it), else the one whose
 * edge is nearest; -1 when there are none. */
int  ks_meeting_monitor_at      (const KsScreenRect *monitors,
                                 guint               n_monitors,
                                 int                 x,
                                 int                 y);

G_END_DECLS
