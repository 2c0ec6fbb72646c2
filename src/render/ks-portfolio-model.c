/* ks-portfolio-model.c — the portfolio's charts from core's numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-portfolio-model"

#include "config.h"

#include "ks-portfolio-model.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ks-abc-chart.h"
#include "ks-export.h"
#include "ks-portfolio-draw.h"
#include "ks-ranking-chart.h"

void
ks_matrix_model_init (KsMatrixModel     *model,
                      const KsPortfolio *portfolio,
                      const KsPalette   *palette)
{
  guint n_legend;

  g_return_if_fail (model != NULL);
  g_return_if_fail (portfolio != NULL && palette != NULL);

  *model = (KsMatrixModel) { 0 };
  model->bubbles = g_array_sized_new (FALSE, TRUE, sizeof (KsBubble), portfolio->items->len);
  for (guint i = 0; i < portfolio->items->len; i++)
    {
      const KsPortfolioItem *item = &g_array_index (portfolio->items, KsPortfolioItem, i);
      KsBubble bubble = {
        .id = item->account_id,
        .label = item->name,
        .x = item->x,
        .y = item->y,
        .size = item->revenue,
        .colour = item->colour,
        .has_trail = portfolio->compare && !isnan (item->prev_x) && !isnan (item->prev_y) &&
                     (item->prev_x != item->x || item->prev_y != item->y),
        .prev_x = item->prev_x,
        .prev_y = item->prev_y,
      };

      g_array_append_val (model->bubbles, bubble);
    }

  n_legend = MIN (portfolio->legend->len, KS_MATRIX_MODEL_MAX_LEGEND);
  for (guint i = 0; i < n_legend; i++)
    {
      model->labels[i] = g_ptr_array_index (portfolio->legend, i);
      if (portfolio->colour_by == KS_COLOUR_BY_ABC)
        model->colours[i] = ks_abc_class_colour (palette, i);
      else if (portfolio->colour_by == KS_COLOUR_BY_SEGMENT)
        /* key, important, normal: blue, purple, grey */
        model->colours[i] = palette->series[i == 0 ? 0 : i == 1 ? 4 : 7];
      else
        /* owners by the size of their portfolio; "others" in grey */
        model->colours[i] = (portfolio->legend_others && i + 1 == portfolio->legend->len) ||
                            i >= KS_PORTFOLIO_MAX_OWNER_COLOURS
                              ? palette->unknown : palette->series[i];
    }

  if (portfolio->compare && portfolio->period)
    model->trail_label = g_strdup_printf ("%s → %s", portfolio->compare, portfolio->period);

  model->spec = (KsMatrixSpec) {
    .x_label = portfolio->x_label,
    .y_label = portfolio->y_label,
    .size_label = portfolio->size_label,
    .x_min = portfolio->x_min,
    .x_max = portfolio->x_max,
    .y_min = portfolio->y_min,
    .y_max = portfolio->y_max,
    .x_divider = portfolio->x_divider,
    .y_divider = portfolio->y_divider,
    .quadrants = { portfolio->quadrants[0], portfolio->quadrants[1],
                   portfolio->quadrants[2], portfolio->quadrants[3] },
    .n_legend = n_legend,
    .legend_labels = model->labels,
    .legend_colours = model->colours,
    .trail_label = model->trail_label,
  };
}

void
ks_matrix_model_clear (KsMatrixModel *model)
{
  g_return_if_fail (model != NULL);

  g_clear_pointer (&model->bubbles, g_array_unref);
  g_clear_pointer (&model->trail_label, g_free);
}

/* ---- one entry point for the three charts ---- */

typedef struct
{
  KsPortfolioChart         chart;
  const KsPortfolioCharts *charts;
  const KsPalette         *palette;
} DrawData;

void
ks_portfolio_chart_draw (cairo_t                 *cr,
                         KsPortfolioChart         chart,
                         const KsPortfolioCharts *charts,
                         const KsPalette         *palette,
                         double                   width,
                         double                   height)
{
  g_return_if_fail (cr != NULL && charts != NULL && palette != NULL);

  switch (chart)
    {
    case KS_PORTFOLIO_CHART_MATRIX:
      if (charts->portfolio)
        {
          KsMatrixModel model;
          g_autoptr(KsMatrixLayout) layout = NULL;

          ks_matrix_model_init (&model, charts->portfolio, palette);
          layout = ks_matrix_layout_new (&model.spec, (const KsBubble *) model.bubbles->data,
                                         model.bubbles->len, palette, width, height, NULL);
          ks_matrix_draw (cr, layout, palette, NULL);
          ks_matrix_model_clear (&model);
        }
      break;
    case KS_PORTFOLIO_CHART_ABC:
      if (charts->abc)
        {
          g_autoptr(KsAbcChart) layout = ks_abc_chart_new (charts->abc, palette, width, height, NULL);

          ks_abc_chart_draw (cr, layout, palette, 0, 0, 0);
        }
      break;
    case KS_PORTFOLIO_CHART_RANKING:
      if (charts->ranking)
        {
          const KsPortfolio *p = charts->portfolio;
          g_autoptr(KsRankingChart) layout =
            ks_ranking_chart_new (charts->ranking, p && p->compare ? p->compare : "",
                                  p && p->period ? p->period : "", KS_RANKING_VALUE_SCORE,
                                  palette, width, height, NULL);

          ks_ranking_chart_draw (cr, layout, palette, 0);
        }
      break;
    }
}

static void
draw_cb (cairo_t  *cr,
         double    width,
         double    height,
         gpointer  user_data)
{
  DrawData *data = user_data;

  ks_portfolio_chart_draw (cr, data->chart, data->charts, data->palette, width, height);
}

gboolean
ks_portfolio_chart_export (const char              *path,
                           KsPortfolioChart         chart,
                           const KsPortfolioCharts *charts,
                           const KsPalette         *palette,
                           double                   width,
                           double                   height,
                           GError                 **error)
{
  DrawData data = { chart, charts, palette };

  g_return_val_if_fail (path != NULL && charts != NULL && palette != NULL, FALSE);

  return ks_export_to_file (path, width, height, 1.0, draw_cb, &data, error);
}
