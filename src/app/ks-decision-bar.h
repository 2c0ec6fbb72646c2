/* ks-decision-bar.h — the one-line entry of a decision taken in a review
 * meeting: what, who, by when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-meeting.h"

G_BEGIN_DECLS

#define KS_TYPE_DECISION_BAR (ks_decision_bar_get_type ())
G_DECLARE_FINAL_TYPE (KsDecisionBar, ks_decision_bar, KS, DECISION_BAR, GtkWidget)

GtkWidget  *ks_decision_bar_new            (void);
/* Starts a decision in @meeting_id on @account_id; 0 asks which of
 * @meeting's agenda accounts (preselecting @suggested, when on it). The
 * people are read again; the fields start empty; the text field takes the
 * focus. @today (YYYY-MM-DD) is what due-date phrases count from. */
void        ks_decision_bar_start          (KsDecisionBar   *self,
                                            KsWorkspace     *workspace,
                                            const KsMeeting *meeting,
                                            gint64           account_id,
                                            gint64           suggested,
                                            const char      *today);
/* What Enter does: stores the decision (one undo step) and emits
 * "decided"; or, when something is refused, says why in the bar, keeps
 * what was typed and returns FALSE. */
gboolean    ks_decision_bar_save           (KsDecisionBar   *self);
/* What Esc does: emits "cancelled"; nothing is stored. */
void        ks_decision_bar_cancel         (KsDecisionBar   *self);

/* The parts, for tests. */
GtkWidget  *ks_decision_bar_get_text_entry  (KsDecisionBar  *self);
GtkWidget  *ks_decision_bar_get_owner_entry (KsDecisionBar  *self);
GtkWidget  *ks_decision_bar_get_due_entry   (KsDecisionBar  *self);
/* The due date as understood ("" while empty), or the refusal. */
const char *ks_decision_bar_get_due_text    (KsDecisionBar  *self);
/* Why the last save was refused, "" when it was not. */
const char *ks_decision_bar_get_message     (KsDecisionBar  *self);
/* The account the decision goes to (0 = none picked). */
gint64      ks_decision_bar_get_account_id  (KsDecisionBar  *self);

G_END_DECLS
