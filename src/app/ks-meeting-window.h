/* ks-meeting-window.h — a review meeting on the projector: the slides full
 * screen, driven by the keyboard, decisions typed in as they are taken
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-meeting-slides.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_MEETING_WINDOW (ks_meeting_window_get_type ())
G_DECLARE_FINAL_TYPE (KsMeetingWindow, ks_meeting_window, KS, MEETING_WINDOW, GtkWindow)

/* The meeting's "today" (what is overdue, what due-date phrases count
 * from): @today when it is a YYYY-MM-DD date, else KEYSTONE_TODAY from the
 * environment when it is one, else the local date. */
char            *ks_meeting_today               (const char      *today);

/* The presentation of @meeting_id, at its first slide; NULL with @error
 * when the meeting cannot be read. @today as ks_meeting_today () takes it. */
KsMeetingWindow *ks_meeting_window_new          (KsWorkspace     *workspace,
                                                 gint64           meeting_id,
                                                 const char      *today,
                                                 GError         **error);
/* Shows it full screen: on another monitor than @main_window's when there
 * are two or more (ks_meeting_pick_projector), with the presenter's view
 * (current and next slide, decisions, clock) on @main_window's
 * (ks_meeting_window_open_presenter); with one monitor, the slides alone. */
void             ks_meeting_window_present      (KsMeetingWindow *self,
                                                 GtkWindow       *main_window);

gint64           ks_meeting_window_get_meeting_id (KsMeetingWindow *self);
KsMeetingDeck   *ks_meeting_window_get_deck     (KsMeetingWindow *self);
guint            ks_meeting_window_get_slide    (KsMeetingWindow *self);
/* Shows slide @slide (clamped to the deck). */
void             ks_meeting_window_set_slide    (KsMeetingWindow *self,
                                                 guint            slide);
/* What a key does in the meeting (→ next, ← back, Esc leave, 1–9 jump, /
 * find, D decide, Ctrl+Z undo, Ctrl+E minutes…); TRUE when it did
 * something. The presenter's window forwards its keys here. */
gboolean         ks_meeting_window_handle_key   (KsMeetingWindow *self,
                                                 guint            keyval,
                                                 GdkModifierType  state);
/* Makes the presenter's view (KsMeetingPresenter: the slide, the next one,
 * the decisions, the clock) and offers it through "show-presenter"; when
 * no handler shows it, it gets a window of its own, full screen on
 * @monitor (NULL: wherever it opens). What ks_meeting_window_present does
 * with two monitors; callable directly (tests: Xvfb has one). */
void             ks_meeting_window_open_presenter (KsMeetingWindow *self,
                                                   GdkMonitor      *monitor);
/* The presenter's view while there is one, else NULL. */
GtkWidget       *ks_meeting_window_get_presenter (KsMeetingWindow *self);

/* Renders the window as it was last painted into a PNG (GSK), for
 * build-aux/screenshots. */
gboolean         ks_meeting_window_save_screenshot (KsMeetingWindow *self,
                                                    const char      *path,
                                                    GError         **error);

/* The parts, for tests. */
GtkWidget       *ks_meeting_window_get_canvas       (KsMeetingWindow *self);
GtkWidget       *ks_meeting_window_get_decision_bar (KsMeetingWindow *self);
GtkWidget       *ks_meeting_window_get_find_entry   (KsMeetingWindow *self);
/* Whether the decision bar or the find entry is open. */
gboolean         ks_meeting_window_is_deciding      (KsMeetingWindow *self);
gboolean         ks_meeting_window_is_finding       (KsMeetingWindow *self);
/* The footer line ("3 / 12 · Kessler AG — Score Card") and whether it is
 * shown now. */
const char      *ks_meeting_window_get_footer       (KsMeetingWindow *self,
                                                     gboolean        *shown);

/* Writes the minutes of @meeting_id to @path (PDF, light colours): the
 * slides as drawn and the decisions. */
gboolean         ks_meeting_export_minutes      (KsWorkspace     *workspace,
                                                 gint64           meeting_id,
                                                 const char      *path,
                                                 GError         **error);

G_END_DECLS
