/* ks-portfolio-page.h — the portfolio review: matrix, ABC, ranking, scores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-portfolio.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_PORTFOLIO_PAGE (ks_portfolio_page_get_type ())
G_DECLARE_FINAL_TYPE (KsPortfolioPage, ks_portfolio_page, KS, PORTFOLIO_PAGE, GtkWidget)

GtkWidget   *ks_portfolio_page_new            (void);
void         ks_portfolio_page_set_workspace  (KsPortfolioPage *self,
                                               KsWorkspace     *workspace);
/* The filters and the list of accounts that changed quadrant; the window
 * shows it in its sidebar while the page is shown. */
GtkWidget   *ks_portfolio_page_get_sidebar    (KsPortfolioPage *self);
/* The stack of the four views (matrix, abc, ranking, scores), for a switcher. */
GtkWidget   *ks_portfolio_page_get_stack      (KsPortfolioPage *self);
/* "matrix", "abc", "ranking" or "scores". */
void         ks_portfolio_page_set_view       (KsPortfolioPage *self,
                                               const char      *view);
const char  *ks_portfolio_page_get_view       (KsPortfolioPage *self);
/* Reads the workspace again now (it does on idle after every change). */
void         ks_portfolio_page_reload         (KsPortfolioPage *self);
/* What is shown, as loaded last. */
const KsPortfolio *ks_portfolio_page_get_portfolio (KsPortfolioPage *self);
const KsAbcReport *ks_portfolio_page_get_abc       (KsPortfolioPage *self);
const KsRanking   *ks_portfolio_page_get_ranking   (KsPortfolioPage *self);
GtkWidget   *ks_portfolio_page_get_matrix     (KsPortfolioPage *self);
GtkWidget   *ks_portfolio_page_get_scores_grid (KsPortfolioPage *self);
/* The filters, as the sidebar sets them. */
void         ks_portfolio_page_set_preset     (KsPortfolioPage   *self,
                                               KsPortfolioPreset  preset);
void         ks_portfolio_page_set_colour_by  (KsPortfolioPage   *self,
                                               KsColourBy         colour_by);
void         ks_portfolio_page_set_owner      (KsPortfolioPage   *self,
                                               gint64             owner_id);
void         ks_portfolio_page_set_segment    (KsPortfolioPage   *self,
                                               const char        *segment);
/* Rows of the "changed quadrant" list. */
guint        ks_portfolio_page_get_n_moved    (KsPortfolioPage *self);
/* The title of the status page shown instead of the view when the view
 * has nothing to show (no accounts, no scores, no won revenue, a filter
 * that leaves no account), or NULL when the view is shown. */
const char  *ks_portfolio_page_get_empty_title (KsPortfolioPage *self);
/* What portfolio.export does once a file is chosen: the chart of the view
 * shown (the matrix for the scores grid), format from the extension. */
gboolean     ks_portfolio_page_export         (KsPortfolioPage *self,
                                               const char      *path,
                                               GError         **error);
/* What portfolio.print does: the same chart through GtkPrintOperation, with
 * the dialog (@export_pdf NULL) or into the PDF @export_pdf. */
gboolean     ks_portfolio_page_print          (KsPortfolioPage *self,
                                               const char      *export_pdf,
                                               GError         **error);

G_END_DECLS
