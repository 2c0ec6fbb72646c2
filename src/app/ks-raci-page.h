/* ks-raci-page.h — who does what: the RACI charts of the company or of one
 * account, their grid, checks, load, templates, CSV, export and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-raci.h"
#include "ks-raci-grid.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_RACI_PAGE (ks_raci_page_get_type ())
G_DECLARE_FINAL_TYPE (KsRaciPage, ks_raci_page, KS, RACI_PAGE, GtkWidget)

/* @for_account FALSE: the company and process charts (the window's RACI
 * view); TRUE: one account's charts plus the process charts resolved for it
 * (the account's RACI tab; set the account with ks_raci_page_set_account_id). */
GtkWidget   *ks_raci_page_new               (gboolean     for_account);
void         ks_raci_page_set_workspace     (KsRaciPage  *self,
                                             KsWorkspace *workspace);
gboolean     ks_raci_page_get_for_account   (KsRaciPage  *self);
gint64       ks_raci_page_get_account_id    (KsRaciPage  *self);
void         ks_raci_page_set_account_id    (KsRaciPage  *self,
                                             gint64       account_id);
KsRaciGrid  *ks_raci_page_get_grid          (KsRaciPage  *self);

/* The charts in the dropdown, and the one shown (0: none). */
guint        ks_raci_page_get_n_charts      (KsRaciPage  *self);
gint64       ks_raci_page_get_chart_id      (KsRaciPage  *self);
/* Shows @chart_id when the dropdown lists it; FALSE otherwise. */
gboolean     ks_raci_page_select_chart      (KsRaciPage  *self,
                                             gint64       chart_id);
/* What New Chart… does once the dialog is answered: creates and shows the
 * chart (account scope on an account's tab; else @scope, company or
 * process). Returns its id, 0 with @error. */
gint64       ks_raci_page_create_chart      (KsRaciPage  *self,
                                             const char  *name,
                                             KsRaciScope  scope,
                                             gboolean     arsci,
                                             GError     **error);
/* New from Template on an account's tab: one action, one undo step. */
gint64       ks_raci_page_new_from_template (KsRaciPage     *self,
                                             KsRaciTemplate  template_,
                                             GError        **error);
/* Adds a column to the shown chart: a person (@person_id > 0) or a role. */
gboolean     ks_raci_page_add_column        (KsRaciPage  *self,
                                             gint64       person_id,
                                             const char  *role,
                                             GError     **error);

/* "no-charts", "no-tasks" or NULL (the grid shows). */
const char  *ks_raci_page_get_empty_state   (KsRaciPage  *self);
/* The checks panel: its rows (errors first), and activating one (focuses
 * its cell in the grid). */
guint        ks_raci_page_get_n_checks      (KsRaciPage  *self);
void         ks_raci_page_activate_check    (KsRaciPage  *self,
                                             guint        index);
/* What activating a column does: opens the person in the People page, or
 * for a role lists who holds it on which account; returns how many
 * accounts that is (0 for a person). */
guint        ks_raci_page_show_column       (KsRaciPage  *self,
                                             gint64       person_id,
                                             const char  *role);

/* Writes the shown chart with the light palette (PNG, SVG or PDF by
 * extension; PDF as landscape A4 pages, headers repeated). */
gboolean     ks_raci_page_export            (KsRaciPage  *self,
                                             const char  *path,
                                             GError     **error);
/* Prints through GtkPrintOperation (landscape, as many pages as the grid
 * needs); with @export_pdf, without a dialog into that file. */
gboolean     ks_raci_page_print             (KsRaciPage  *self,
                                             const char  *export_pdf,
                                             GError     **error);
/* Imports a CSV into the shown chart (or a new process chart named after
 * the file) and shows the report; returns the report dialog. */
GtkWindow   *ks_raci_page_import_csv        (KsRaciPage  *self,
                                             const char  *path);

G_END_DECLS
