/* ks-portfolio-view.h — the portfolio matrix canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-matrix-canvas.h"
#include "ks-portfolio.h"
#include "ks-portfolio-layout.h"

G_BEGIN_DECLS

#define KS_TYPE_PORTFOLIO_VIEW (ks_portfolio_view_get_type ())
G_DECLARE_FINAL_TYPE (KsPortfolioView, ks_portfolio_view, KS, PORTFOLIO_VIEW, KsMatrixCanvas)

GtkWidget    *ks_portfolio_view_new            (void);
/* Shows @portfolio, which must stay alive until the next call (or NULL).
 * The selection is kept when its account is still there. */
void          ks_portfolio_view_set_portfolio  (KsPortfolioView   *self,
                                                const KsPortfolio *portfolio);
gint64        ks_portfolio_view_get_selected   (KsPortfolioView   *self);
void          ks_portfolio_view_set_selected   (KsPortfolioView   *self,
                                                gint64             account_id);
gint64        ks_portfolio_view_get_hovered    (KsPortfolioView   *self);
/* The layout of the last frame (NULL before the first allocation). */
const KsMatrixLayout *ks_portfolio_view_get_layout (KsPortfolioView *self);
/* The hover card's lines for bubble @index, as drawn. */
GPtrArray    *ks_portfolio_view_card_lines     (KsPortfolioView   *self,
                                                guint              index);

G_END_DECLS
