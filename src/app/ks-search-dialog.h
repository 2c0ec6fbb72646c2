/* ks-search-dialog.h — one search over the whole workspace (Ctrl+F, Ctrl+K)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-search.h"
#include "ks-window.h"

G_BEGIN_DECLS

#define KS_TYPE_SEARCH_DIALOG (ks_search_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KsSearchDialog, ks_search_dialog, KS, SEARCH_DIALOG, AdwWindow)

/* A dialog over @window searching its workspace; Enter shows the thing
 * found in @window and closes the dialog, Esc closes it. */
KsSearchDialog *ks_search_dialog_new          (KsWindow       *window);
GtkEditable    *ks_search_dialog_get_entry    (KsSearchDialog *self);
/* Runs the search for what the entry holds now, without waiting for the
 * typing pause (for tests). */
void            ks_search_dialog_update       (KsSearchDialog *self);
/* The results shown, in the order shown (KsSearchResult*, owned by the
 * dialog), and which one is selected (-1 = none). */
GPtrArray      *ks_search_dialog_get_results  (KsSearchDialog *self);
int             ks_search_dialog_get_selected (KsSearchDialog *self);
/* What the status line under the results says ("" when nothing). */
const char     *ks_search_dialog_get_status   (KsSearchDialog *self);
/* Shows @result in @window (the account page and field, the contact's
 * card on the power map, the plan's field or item, the person, the
 * Funnel view's opportunities of its account). */
void            ks_search_reveal              (KsWindow             *window,
                                               const KsSearchResult *result);

G_END_DECLS
