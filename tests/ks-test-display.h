/* ks-test-display.h — what the display tests (under Xvfb) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Points XDG_DATA_HOME into a fresh temporary directory (returned; the
 * default workspace goes there), turns GL off (the tests draw with cairo, and
 * Mesa's drivers leave allocations LeakSanitizer cannot attribute), then
 * g_test_init(), gtk_init_check() and adw_init(). FALSE when there is no
 * display: the caller prints the TAP skip line and returns 0. */
gboolean  ks_test_display_init  (int    *argc,
                                 char ***argv,
                                 char  **tmpdir);
/* Waits until @widget is mapped and one frame is painted after now. Gives
 * up (failing the test) after 60 s: under the sanitizers on a loaded
 * machine a frame can take seconds. */
void      ks_test_wait_for_paint (GtkWidget *widget);

G_END_DECLS
