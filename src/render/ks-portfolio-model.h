/* ks-portfolio-model.h — the portfolio's charts from core's numbers: the
 * matrix's bubbles, and one call to draw or export any of the three charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app's views, its print and export, and keystone-cli's `render
 * portfolio`, `render abc` and `render ranking` start here, so every
 * picture of the portfolio is made from the same input the same way.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ks-abc.h"
#include "ks-abc-chart.h"
#include "ks-palette.h"
#include "ks-portfolio.h"
#include "ks-portfolio-layout.h"

G_BEGIN_DECLS

typedef enum
{
  KS_PORTFOLIO_CHART_MATRIX,
  KS_PORTFOLIO_CHART_ABC,
  KS_PORTFOLIO_CHART_RANKING,
} KsPortfolioChart;

/* What the charts are drawn from; any may be NULL when its chart is not drawn. */
typedef struct
{
  const KsPortfolio *portfolio;   /* the matrix; its period names title the ranking */
  const KsAbcReport *abc;
  const KsRanking   *ranking;     /* of weighted scores */
} KsPortfolioCharts;

#define KS_MATRIX_MODEL_MAX_LEGEND (KS_PORTFOLIO_MAX_OWNER_COLOURS + 1)

typedef struct
{
  KsMatrixSpec  spec;             /* strings point into the portfolio and here */
  GArray       *bubbles;          /* KsBubble, in the portfolio's order */
  const char   *labels[KS_MATRIX_MODEL_MAX_LEGEND];
  KsColor       colours[KS_MATRIX_MODEL_MAX_LEGEND];
  char         *trail_label;
} KsMatrixModel;

/* Fills @model from @portfolio (which must outlive it) with the colours of
 * @palette: ABC classes, segments or owners. */
void      ks_matrix_model_init      (KsMatrixModel           *model,
                                     const KsPortfolio       *portfolio,
                                     const KsPalette         *palette);
void      ks_matrix_model_clear     (KsMatrixModel           *model);

/* Draws @chart fitted to @width × @height at the origin (for print). */
void      ks_portfolio_chart_draw   (cairo_t                 *cr,
                                     KsPortfolioChart         chart,
                                     const KsPortfolioCharts *charts,
                                     const KsPalette         *palette,
                                     double                   width,
                                     double                   height);
/* Writes @chart at @width × @height (pixels for PNG, points for SVG and
 * PDF) to @path; the format comes from the extension. */
gboolean  ks_portfolio_chart_export (const char              *path,
                                     KsPortfolioChart         chart,
                                     const KsPortfolioCharts *charts,
                                     const KsPalette         *palette,
                                     double                   width,
                                     double                   height,
                                     GError                 **error);

G_END_DECLS
