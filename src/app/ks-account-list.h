/* ks-account-list.h — the sidebar: search, sort and the list of accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_ACCOUNT_LIST (ks_account_list_get_type ())
G_DECLARE_FINAL_TYPE (KsAccountList, ks_account_list, KS, ACCOUNT_LIST, GtkWidget)

GtkWidget   *ks_account_list_new              (void);
void         ks_account_list_set_workspace    (KsAccountList *self,
                                               KsWorkspace   *workspace);
gint64       ks_account_list_get_selected_id  (KsAccountList *self);
/* Selects the account (clearing a search that hides it) and scrolls to it. */
void         ks_account_list_set_selected_id  (KsAccountList *self,
                                               gint64         id);
const char  *ks_account_list_get_sort         (KsAccountList *self);
void         ks_account_list_set_sort         (KsAccountList *self,
                                               const char    *sort);
void         ks_account_list_focus_search     (KsAccountList *self);
GtkEditable *ks_account_list_get_search_entry (KsAccountList *self);
/* Accounts shown (after the search). */
guint        ks_account_list_get_n_visible    (KsAccountList *self);
/* The id of the account shown at @position (0 when out of range). */
gint64       ks_account_list_get_id_at       (KsAccountList *self,
                                               guint          position);
/* Accounts in the workspace. */
guint        ks_account_list_get_n_accounts   (KsAccountList *self);

G_END_DECLS
