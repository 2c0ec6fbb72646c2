/* ks-test-display.h — what the display tests (under Xvfb) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-window.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

/* Points XDG_DATA_HOME into a fresh temporary directory (returned; the
 * default workspace goes there), turns GL off (the tests draw with cairo, and
 * Mesa's drivers leave allocations LeakSanitizer cannot attribute), then
 * g_test_init(), gtk_init_check() and adw_init(). FALSE when there is no
 * display: the caller prints the TAP skip line and returns 0. */
gboolean  ks_test_display_init  (int    *argc,
                                 char ***argv,
                                 char  **tmpdir);
/* ks_test_display_init() for a test of translations: the locale is
 * de_DE.UTF-8 (gettext ignores LANGUAGE in the C locale; numbers are
 * German too) and LANGUAGE is @language. FALSE when there is no display
 * or no de_DE.UTF-8 locale (build-aux/deps.sh generates it): the TAP skip
 * line is printed, and the caller returns 0. */
gboolean  ks_test_display_init_translated (int         *argc,
                                           char      ***argv,
                                           char       **tmpdir,
                                           const char  *language);
/* Reads Keystone's messages from @dir (DIR/LL/LC_MESSAGES/keystone.mo). */
void      ks_test_bind_catalogues (const char *dir);
/* Waits until @widget is mapped and one frame is painted after now. Gives
 * up (failing the test) after 60 s: under the sanitizers on a loaded
 * machine a frame can take seconds. */
void      ks_test_wait_for_paint (GtkWidget *widget);
/* Runs the main loop until an idle of default-idle priority has run: a
 * widget that reloads on idle after a workspace change has caught up. */
void      ks_test_wait_for_idle  (void);
/* @widget's first child of @type (a drawn grid's cell editor or menu). */
GtkWidget *ks_test_child_of_type (GtkWidget *widget,
                                  GType      type);
/* A key press on @widget as a user's: its key controller first; a
 * printable key it leaves goes into the GtkText child over the edited cell
 * when @editing, as the text field would take it. TRUE when handled. */
gboolean  ks_test_press_key      (GtkWidget       *widget,
                                  gboolean         editing,
                                  guint            keyval,
                                  GdkModifierType  state);

/* Types @text into the entry row @row as a user does: with the focus in
 * it, so that the row shows its apply button. */
void      ks_test_type_into      (GtkWidget       *row,
                                  const char      *text);
/* Enter in the entry row @row: its text emits "activate", as on the key. */
void      ks_test_press_enter    (GtkWidget       *row);

/* The demo workspace (a new file in @tmpdir; *@workspace, the caller's)
 * in a main window of the default 1280 × 800, shown and painted. */
KsWindow  *ks_test_demo_window    (const char       *tmpdir,
                                   KsWorkspace     **workspace);

G_END_DECLS
