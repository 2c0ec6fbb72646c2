/* ks-account-page.h — one account: profile, figures, notes, team, opportunities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_ACCOUNT_PAGE (ks_account_page_get_type ())
G_DECLARE_FINAL_TYPE (KsAccountPage, ks_account_page, KS, ACCOUNT_PAGE, GtkWidget)

GtkWidget *ks_account_page_new            (void);
void       ks_account_page_set_workspace  (KsAccountPage *self,
                                           KsWorkspace   *workspace);
gint64     ks_account_page_get_account_id (KsAccountPage *self);
void       ks_account_page_set_account_id (KsAccountPage *self,
                                           gint64         account_id);
/* Focuses the name field with its text selected (after "Add Account"). */
void       ks_account_page_focus_name     (KsAccountPage *self);
/* Focuses a profile field (as ks_account_page_get_field_row () names
 * them) or "notes"; the name for any other. The scrolled page follows. */
void       ks_account_page_focus_field    (KsAccountPage *self,
                                           const char    *field);
/* Saves notes typed in the last second; called before the window closes. */
void       ks_account_page_flush          (KsAccountPage *self);
/* The entry row of a profile field ("name", "sector", "country", "time-zone",
 * "revenue", "employees", "year"), for tests. */
GtkWidget *ks_account_page_get_field_row  (KsAccountPage *self,
                                           const char    *field);
/* Rows in the account team list, for tests. */
guint      ks_account_page_get_n_members  (KsAccountPage *self);
/* A value of the account's slice of the funnel by key: "open", "weighted",
 * "won", "lost", "hit-rate"; and the Open in Funnel button (for tests). */
const char *ks_account_page_get_funnel_stat   (KsAccountPage *self,
                                               const char    *key);
GtkWidget  *ks_account_page_get_funnel_button (KsAccountPage *self);

G_END_DECLS
