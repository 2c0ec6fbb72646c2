/* ks-powermap-page.h — an account's power map: canvas, side panel, checks,
 * snapshots, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-powermap-view.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_POWERMAP_PAGE (ks_powermap_page_get_type ())
G_DECLARE_FINAL_TYPE (KsPowermapPage, ks_powermap_page, KS, POWERMAP_PAGE, GtkWidget)

GtkWidget      *ks_powermap_page_new            (void);
void            ks_powermap_page_set_workspace  (KsPowermapPage *self,
                                                 KsWorkspace    *workspace);
gint64          ks_powermap_page_get_account_id (KsPowermapPage *self);
void            ks_powermap_page_set_account_id (KsPowermapPage *self,
                                                 gint64          account_id);
KsPowermapView *ks_powermap_page_get_view       (KsPowermapPage *self);
/* For tests: the side panel's name row, the rows of the checks list, the
 * compare dropdown's choices (position 0 is "no comparison"). */
GtkWidget      *ks_powermap_page_get_name_row   (KsPowermapPage *self);
guint           ks_powermap_page_get_n_checks   (KsPowermapPage *self);
/* Activates the check at @index (selects its node). */
void            ks_powermap_page_activate_check (KsPowermapPage *self,
                                                 guint           index);
/* Compares with the snapshot at position @index of the dropdown (0 = none);
 * returns how many changes are listed. */
guint           ks_powermap_page_compare        (KsPowermapPage *self,
                                                 guint           index);
/* Selects the card called @name; FALSE when there is none. */
gboolean        ks_powermap_page_select_name    (KsPowermapPage *self,
                                                 const char     *name);
/* Writes the map with the light palette (PNG, SVG or PDF by extension). */
gboolean        ks_powermap_page_export         (KsPowermapPage *self,
                                                 const char     *path,
                                                 GError        **error);
/* Imports contacts from a CSV file into the shown account (columns as
 * keystone-cli's import contacts) and shows the report; returns the report
 * dialog. */
GtkWindow      *ks_powermap_page_import_contacts (KsPowermapPage *self,
                                                  const char     *path);
/* For tests: whether the map is empty and the page shows what to do instead. */
gboolean        ks_powermap_page_shows_empty_state (KsPowermapPage *self);
/* Prints the map through GtkPrintOperation, the dialog's way; with
 * export_pdf, without a dialog into that PDF file (the same drawing). */
gboolean        ks_powermap_page_print          (KsPowermapPage *self,
                                                 const char     *export_pdf,
                                                 GError        **error);

G_END_DECLS
