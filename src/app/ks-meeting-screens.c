/* ks-meeting-screens.c — which monitor shows the slides in a review meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions over monitor geometries, so the choice is tested with
 * made-up screens (Xvfb has one).
 */
#define G_LOG_DOMAIN "ks-meeting-window"

#include "config.h"

#include "ks-meeting-screens.h"

static gint64
area (const KsScreenRect *rect)
{
  return rect->width > 0 && rect->height > 0 ? (gint64) rect->width * rect->height : 0;
}

int
ks_meeting_pick_projector (const KsScreenRect *monitors,
                           guint               n_monitors,
                           int                 main)
{
  int best = -1;
  gint64 best_area = 0;

  if (!monitors || n_monitors < 2)
    return -1;
  if (main < 0 || (guint) main >= n_monitors)
    main = 0;
  for (guint i = 0; i < n_monitors; i++)
    {
      gint64 a = area (&monitors[i]);

      if ((int) i != main && a > best_area)
        {
          best = (int) i;
          best_area = a;
        }
    }
  return best;
}

int
ks_meeting_monitor_at (const KsScreenRect *monitors,
                       guint               n_monitors,
                       int                 x,
                       int                 y)
{
  int nearest = -1;
  gint64 nearest_distance = G_MAXINT64;

  for (guint i = 0; i < n_monitors; i++)
    {
      const KsScreenRect *m = &monitors[i];
      gint64 dx, dy, d;

      if (x >= m->x && x < m->x + m->width && y >= m->y && y < m->y + m->height)
        return (int) i;
      dx = x < m->x ? m->x - x : x >= m->x + m->width ? x - (m->x + m->width - 1) : 0;
      dy = y < m->y ? m->y - y : y >= m->y + m->height ? y - (m->y + m->height - 1) : 0;
      d = dx * dx + dy * dy;
      if (d < nearest_distance)
        {
          nearest = (int) i;
          nearest_distance = d;
        }
    }
  return nearest;
}
