/* ks-account-row.h — one account in the sidebar list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-account.h"

G_BEGIN_DECLS

#define KS_TYPE_ACCOUNT_ROW (ks_account_row_get_type ())
G_DECLARE_FINAL_TYPE (KsAccountRow, ks_account_row, KS, ACCOUNT_ROW, GtkWidget)

GtkWidget *ks_account_row_new         (void);
void       ks_account_row_set_account (KsAccountRow *self,
                                       KsAccount    *account,
                                       gboolean      show_revenue);

G_END_DECLS
