/* test-meeting-screens.c — which monitor a review meeting's slides go to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made-up monitor layouts (Xvfb has only one): a laptop beside a projector,
 * a projector to the left of the laptop, three screens, a monitor without
 * area. The expected index is read off each layout by hand.
 */
#include <locale.h>

#include "ks-meeting-screens.h"

static void
test_one_monitor (void)
{
  KsScreenRect one[] = { { 0, 0, 1920, 1080 } };

  /* one screen: the slide alone, no presenter view */
  g_assert_cmpint (ks_meeting_pick_projector (one, 1, 0), ==, -1);
  g_assert_cmpint (ks_meeting_pick_projector (one, 1, -1), ==, -1);
  g_assert_cmpint (ks_meeting_pick_projector (NULL, 0, 0), ==, -1);
}

static void
test_laptop_and_projector (void)
{
  /* laptop 1366×768 at the origin, projector 1920×1080 to its right */
  KsScreenRect two[] = { { 0, 0, 1366, 768 }, { 1366, 0, 1920, 1080 } };
  /* the projector listed first, the laptop (main window) second */
  KsScreenRect swapped[] = { { 0, 0, 1920, 1080 }, { 1920, 0, 1366, 768 } };

  g_assert_cmpint (ks_meeting_pick_projector (two, 2, 0), ==, 1);
  /* an unknown main window counts as being on the first monitor */
  g_assert_cmpint (ks_meeting_pick_projector (two, 2, -1), ==, 1);
  g_assert_cmpint (ks_meeting_pick_projector (two, 2, 7), ==, 1);
  g_assert_cmpint (ks_meeting_pick_projector (swapped, 2, 1), ==, 0);
  /* the main window on the big screen: the other one gets the slides,
   * even though it is smaller */
  g_assert_cmpint (ks_meeting_pick_projector (two, 2, 1), ==, 0);
}

static void
test_three_monitors (void)
{
  /* laptop 1920×1200 (2,304,000 px), a 1280×720 side screen (921,600 px)
   * and a 3840×2160 projector (8,294,400 px) */
  KsScreenRect three[] = {
    { 0, 0, 1920, 1200 }, { 1920, 0, 1280, 720 }, { -3840, 0, 3840, 2160 },
  };
  /* two projectors of one size: the first listed wins */
  KsScreenRect tie[] = {
    { 0, 0, 1366, 768 }, { 1366, 0, 1920, 1080 }, { 3286, 0, 1920, 1080 },
  };
  /* a monitor that reports no size is never picked */
  KsScreenRect broken[] = { { 0, 0, 1920, 1080 }, { 1920, 0, 0, 0 } };

  g_assert_cmpint (ks_meeting_pick_projector (three, 3, 0), ==, 2);
  g_assert_cmpint (ks_meeting_pick_projector (three, 3, 2), ==, 0);
  g_assert_cmpint (ks_meeting_pick_projector (tie, 3, 0), ==, 1);
  g_assert_cmpint (ks_meeting_pick_projector (broken, 2, 0), ==, -1);
}

static void
test_monitor_at (void)
{
  KsScreenRect two[] = { { 0, 0, 1366, 768 }, { 1366, 0, 1920, 1080 } };

  g_assert_cmpint (ks_meeting_monitor_at (two, 2, 10, 10), ==, 0);
  /* x 1365 is the laptop's last column, 1366 the projector's first */
  g_assert_cmpint (ks_meeting_monitor_at (two, 2, 1365, 100), ==, 0);
  g_assert_cmpint (ks_meeting_monitor_at (two, 2, 1366, 100), ==, 1);
  /* below the laptop (y 900 > 767) but under the projector's columns */
  g_assert_cmpint (ks_meeting_monitor_at (two, 2, 2000, 900), ==, 1);
  /* off every screen: below the laptop, 100 px from its bottom row and
   * 1,266 px from the projector's first column → the laptop */
  g_assert_cmpint (ks_meeting_monitor_at (two, 2, 100, 867), ==, 0);
  g_assert_cmpint (ks_meeting_monitor_at (two, 0, 0, 0), ==, -1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/meeting-screens/one-monitor", test_one_monitor);
  g_test_add_func ("/meeting-screens/laptop-and-projector", test_laptop_and_projector);
  g_test_add_func ("/meeting-screens/three-monitors", test_three_monitors);
  g_test_add_func ("/meeting-screens/monitor-at", test_monitor_at);
  return g_test_run ();
}
