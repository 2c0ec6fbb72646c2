/* ks-meeting-dialog.h — "New Review Meeting": title, date, attendees and
 * the agenda; the earlier meetings, to present again or export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_MEETING_DIALOG (ks_meeting_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KsMeetingDialog, ks_meeting_dialog, KS, MEETING_DIALOG, AdwWindow)

/* Where the meeting is planned from (the portfolio view, when shown). */
typedef struct
{
  const gint64 *selection;      /* the matrix's selection: the agenda starts with it */
  guint         n_selection;
  const gint64 *shown;          /* the accounts the matrix shows (its filters applied) */
  guint         n_shown;
  gint64        owner_id;       /* the matrix's owner filter: "A Accounts of …"; 0 = all */
  const char   *today;          /* YYYY-MM-DD; NULL = ks_meeting_today (NULL) */
} KsMeetingSeed;

/* Signals: "present" (gint64 meeting_id): a meeting was created with
 * Present, or an earlier one's Present was clicked; "export-minutes"
 * (gint64 meeting_id): an earlier one's Export Minutes… was clicked. The
 * dialog closes itself after either. */
KsMeetingDialog *ks_meeting_dialog_new           (KsWorkspace          *workspace,
                                                  const KsMeetingSeed  *seed);

/* What the buttons do, for tests. */
/* The agenda as set up now (gint64 account ids, in order). */
GArray          *ks_meeting_dialog_get_agenda    (KsMeetingDialog      *self);
/* Adds the account named @name (exactly, ignoring case, or the only one
 * whose name contains it) at the end; FALSE with the reason shown (and in
 * @error) when there is none, several, or it is on the agenda already. */
gboolean         ks_meeting_dialog_add_account   (KsMeetingDialog      *self,
                                                  const char           *name,
                                                  GError              **error);
/* Adds the accounts the matrix shows / the A accounts (of the seed's
 * owner) that are not on the agenda yet; returns how many were added. */
guint            ks_meeting_dialog_add_shown     (KsMeetingDialog      *self);
guint            ks_meeting_dialog_add_a_accounts (KsMeetingDialog     *self);
/* Moves agenda item @index by @step (-1 up, +1 down); removes it. */
void             ks_meeting_dialog_move          (KsMeetingDialog      *self,
                                                  guint                 index,
                                                  int                   step);
void             ks_meeting_dialog_remove        (KsMeetingDialog      *self,
                                                  guint                 index);
/* Ticks or unticks attendee @person_id. */
void             ks_meeting_dialog_set_attendee  (KsMeetingDialog      *self,
                                                  gint64                person_id,
                                                  gboolean              attends);
/* Sets the title and the date (a date or a phrase such as "next Tuesday"). */
void             ks_meeting_dialog_set_title     (KsMeetingDialog      *self,
                                                  const char           *title);
void             ks_meeting_dialog_set_date      (KsMeetingDialog      *self,
                                                  const char           *date);
/* Stores the meeting (one undo step, "New Meeting"); its id, or 0 with the
 * reason shown in the dialog and in @error. */
gint64           ks_meeting_dialog_save          (KsMeetingDialog      *self,
                                                  GError              **error);

G_END_DECLS
