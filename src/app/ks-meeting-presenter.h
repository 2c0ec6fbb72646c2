/* ks-meeting-presenter.h — the presenter's screen of a review meeting: the
 * slide shown, the next one, the decisions so far and the clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-meeting-window.h"

G_BEGIN_DECLS

#define KS_TYPE_MEETING_PRESENTER (ks_meeting_presenter_get_type ())
G_DECLARE_FINAL_TYPE (KsMeetingPresenter, ks_meeting_presenter, KS, MEETING_PRESENTER, GtkWidget)

/* For @meeting; keys pressed while the focus is in it drive the meeting.
 * The meeting window detaches it (ks_meeting_presenter_detach) when it
 * goes, wherever the presenter is shown (the main window, or a window of
 * its own). */
GtkWidget  *ks_meeting_presenter_new        (KsMeetingWindow    *meeting);
void        ks_meeting_presenter_set_slide  (KsMeetingPresenter *self,
                                             guint               slide);
/* After the deck was read again: the decisions and both slides. */
void        ks_meeting_presenter_reload     (KsMeetingPresenter *self);
/* Forgets the meeting and its deck: shows nothing, reads no more keys. */
void        ks_meeting_presenter_detach     (KsMeetingPresenter *self);
/* The decisions as listed ("Kessler AG: text — owner, due"), for tests. */
GPtrArray  *ks_meeting_presenter_get_lines  (KsMeetingPresenter *self);

G_END_DECLS
