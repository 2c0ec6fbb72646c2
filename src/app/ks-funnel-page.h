/* ks-funnel-page.h — the Funnel view: the funnel, the forecast, the
 * opportunities and their evaluation, under one filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-evaluation-page.h"
#include "ks-funnel-chart-view.h"
#include "ks-funnel-filter-bar.h"
#include "ks-opportunity-list.h"

G_BEGIN_DECLS

#define KS_TYPE_FUNNEL_PAGE (ks_funnel_page_get_type ())
G_DECLARE_FINAL_TYPE (KsFunnelPage, ks_funnel_page, KS, FUNNEL_PAGE, GtkWidget)

GtkWidget         *ks_funnel_page_new            (void);
void               ks_funnel_page_set_workspace  (KsFunnelPage *self,
                                                  KsWorkspace  *workspace);
KsFunnelFilterBar *ks_funnel_page_get_filter_bar (KsFunnelPage *self);
KsOpportunityList *ks_funnel_page_get_list       (KsFunnelPage *self);
KsFunnelChartView *ks_funnel_page_get_funnel_view (KsFunnelPage *self);
/* The Evaluation tab (it follows the filter bar once shown). */
KsEvaluationPage  *ks_funnel_page_get_evaluation_page (KsFunnelPage *self);
/* "funnel", "forecast", "opportunities" or "evaluation". */
void               ks_funnel_page_set_view       (KsFunnelPage *self,
                                                  const char   *view);
const char        *ks_funnel_page_get_view       (KsFunnelPage *self);
/* Shows the Funnel view filtered to one account (the account page's button). */
void               ks_funnel_page_show_account   (KsFunnelPage *self,
                                                  const char   *account);
/* What clicking the funnel's band @band does: the list, filtered to its
 * stage; -1 drops the stage filter (Show All Stages). */
/* The Opportunities tab filtered to @account (NULL: no filter), the row
 * of opportunity @id focused; FALSE when it is not listed. */
gboolean           ks_funnel_page_show_opportunity (KsFunnelPage *self,
                                                    const char   *account,
                                                    gint64        id);
void               ks_funnel_page_show_stage     (KsFunnelPage *self,
                                                  int           band);
/* The list's stage filter (-1 = any, 0 = unmapped). */
gint64             ks_funnel_page_get_stage_filter (KsFunnelPage *self);
/* Loads what is pending now (the page reloads from an idle). */
void               ks_funnel_page_flush          (KsFunnelPage *self);
/* "No Opportunities Yet", "No Matching Opportunities" or NULL. */
const char        *ks_funnel_page_get_empty_title (KsFunnelPage *self);
/* A stats row's value by key: "open", "weighted", "won", "lost",
 * "hit-rate", "days", "priced", "unpriced", "unmapped". */
const char        *ks_funnel_page_get_stat       (KsFunnelPage *self,
                                                  const char   *key);
/* Opens the stage settings (stages, the stage map, targets). */
GtkWindow         *ks_funnel_page_show_stages    (KsFunnelPage *self);
/* The funnel, forecast or evaluation matrix shown (light palette) to
 * @path; print it. */
gboolean           ks_funnel_page_export         (KsFunnelPage *self,
                                                  const char   *path,
                                                  GError      **error);
gboolean           ks_funnel_page_print          (KsFunnelPage *self,
                                                  const char   *export_pdf,
                                                  GError      **error);

/* ks-stage-dialog.c: the stage settings window for @workspace. */
GtkWindow         *ks_stage_dialog_new           (GtkWidget    *parent,
                                                  KsWorkspace  *workspace);

G_END_DECLS
