/* ks-plan-page.h — an account's mini account plan, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-plan.h"
#include "ks-plan-check.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_PLAN_PAGE (ks_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (KsPlanPage, ks_plan_page, KS, PLAN_PAGE, GtkWidget)

GtkWidget *ks_plan_page_new            (void);
void       ks_plan_page_set_workspace  (KsPlanPage  *self,
                                        KsWorkspace *workspace);
gint64     ks_plan_page_get_account_id (KsPlanPage  *self);
void       ks_plan_page_set_account_id (KsPlanPage  *self,
                                        gint64       account_id);
/* Saves long text typed in the last second; called before the window closes. */
void       ks_plan_page_flush          (KsPlanPage  *self);
/* The row that edits @key: a scalar field (@list KS_PLAN_NO_LIST, @item_id 0)
 * or a field of item @item_id of @list, whose rows are built (the item is
 * expanded) when needed. NULL when there is no such field or item. */
GtkWidget *ks_plan_page_get_row        (KsPlanPage  *self,
                                        KsPlanList   list,
                                        gint64       item_id,
                                        const char  *key);
/* Scrolls to and focuses the row that edits @key: a scalar field (@list
 * KS_PLAN_NO_LIST), or a field of item @item_id of @list (opened), as a
 * finding does; the section's first row when there is no such field. */
void       ks_plan_page_reveal         (KsPlanPage  *self,
                                        KsPlanList   list,
                                        gint64       item_id,
                                        const char  *key);
/* The contacts listed (those of kind contact), and the entry row that edits
 * @key ("name", "title", "department", "phone", "email", "channel",
 * "time_zone") of contact @contact_id, opened; NULL when not listed. */
guint      ks_plan_page_get_n_contacts (KsPlanPage  *self);
GtkWidget *ks_plan_page_get_contact_row (KsPlanPage *self,
                                         gint64      contact_id,
                                         const char *key);
/* Items shown for @list, and whether the item's rows were built yet. */
guint      ks_plan_page_get_n_items    (KsPlanPage  *self,
                                        KsPlanList   list);
gboolean   ks_plan_page_item_is_built  (KsPlanPage  *self,
                                        KsPlanList   list,
                                        gint64       item_id);
/* What the completeness panel shows: the number of finding rows shown (the
 * first 10, more with the "Show More" row after them), finding @index of
 * all, the header button's text ("7 Things Missing", "Plan Complete"). */
guint      ks_plan_page_get_n_findings      (KsPlanPage  *self);
const KsPlanFinding *
           ks_plan_page_get_finding         (KsPlanPage  *self,
                                             guint        index);
const char *ks_plan_page_get_findings_summary (KsPlanPage *self);
/* As a click on row @index of the panel: a finding opens and focuses what
 * fills it; the row after the shown findings shows more. */
void       ks_plan_page_activate_finding    (KsPlanPage  *self,
                                             guint        index);
/* What plan.export-pdf does once a file is chosen: the printable plan
 * (ks-plan-print) of the shown account, as of today, written to @path. */
gboolean   ks_plan_page_export              (KsPlanPage  *self,
                                             const char  *path,
                                             GError     **error);
/* What plan.print does: the same pages through a GtkPrintOperation, with
 * the print dialog (@export_pdf NULL) or exported to the PDF @export_pdf. */
gboolean   ks_plan_page_print               (KsPlanPage  *self,
                                             const char  *export_pdf,
                                             GError     **error);

G_END_DECLS

