/* ks-evaluation-chart.c — the opportunity evaluation matrix as a picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-evaluation-chart"

#include "config.h"

#include "ks-evaluation-chart.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ks-evaluation.h"
#include "ks-portfolio-draw.h"

KsColor
ks_eval_chart_stage_colour (const KsPalette *palette,
                            guint            index)
{
  g_return_val_if_fail (palette != NULL, (KsColor) { 0 });

  return palette->series[MIN (index, KS_EVAL_CHART_MAX_STAGES - 1) % G_N_ELEMENTS (palette->series)];
}

void
ks_eval_chart_init (KsEvalChart            *chart,
                    const KsEvalChartInput *input,
                    const KsPalette        *palette)
{
  guint n_legend, n_unplaced = 0;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (input != NULL && palette != NULL);
  g_return_if_fail (input->n_bubbles == 0 || input->bubbles != NULL);

  *chart = (KsEvalChart) { 0 };
  chart->bubbles = g_array_sized_new (FALSE, TRUE, sizeof (KsBubble), input->n_bubbles);
  for (guint i = 0; i < input->n_bubbles; i++)
    {
      const KsEvalBubble *in = &input->bubbles[i];
      KsBubble bubble = {
        .id = in->id,
        .label = in->label,
        .x = in->chance,
        .y = in->attractiveness,
        .size = in->value,
        .colour = MIN (in->stage, KS_EVAL_CHART_MAX_STAGES - 1),
      };

      n_unplaced += isnan (in->chance) || isnan (in->attractiveness);
      g_array_append_val (chart->bubbles, bubble);
    }
  if (n_unplaced)
    chart->unplaced_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u opportunity not scored on both axes",
                                                         "%u opportunities not scored on both axes",
                                                         n_unplaced), n_unplaced);

  n_legend = MIN (input->n_stages, KS_EVAL_CHART_MAX_STAGES);
  for (guint i = 0; i < n_legend; i++)
    {
      chart->labels[i] = input->stages[i];
      chart->colours[i] = ks_eval_chart_stage_colour (palette, i);
    }
  /* More stages than colours: the last entry stands for the rest. */
  if (input->n_stages > KS_EVAL_CHART_MAX_STAGES)
    chart->labels[KS_EVAL_CHART_MAX_STAGES - 1] = _("Later stages");

  chart->spec = (KsMatrixSpec) {
    .x_label = _("Our chance to win"),
    .y_label = _("Attractiveness to us"),
    .size_label = _("Bubble area: opportunity value"),
    .x_min = 0,
    .x_max = 100,
    .y_min = 0,
    .y_max = 100,
    .x_divider = input->chance_divider,
    .y_divider = input->attractiveness_divider,
    .quadrants = {
      ks_eval_quadrant_name (KS_EVAL_QUADRANT_DROP),
      ks_eval_quadrant_name (KS_EVAL_QUADRANT_SECURE),
      ks_eval_quadrant_name (KS_EVAL_QUADRANT_INVEST),
      ks_eval_quadrant_name (KS_EVAL_QUADRANT_DONT_LOSE),
    },
    .legend_title = _("Stage"),
    .n_legend = n_legend,
    .legend_labels = chart->labels,
    .legend_colours = chart->colours,
    .unplaced_note = chart->unplaced_note,
  };
}

void
ks_eval_chart_clear (KsEvalChart *chart)
{
  g_return_if_fail (chart != NULL);

  g_clear_pointer (&chart->bubbles, g_array_unref);
  g_clear_pointer (&chart->unplaced_note, g_free);
}

KsMatrixLayout *
ks_eval_chart_layout (const KsEvalChartInput *input,
                      const KsPalette        *palette,
                      double                  width,
                      double                  height,
                      PangoContext           *context)
{
  KsEvalChart chart;
  KsMatrixLayout *layout;

  g_return_val_if_fail (input != NULL && palette != NULL, NULL);

  ks_eval_chart_init (&chart, input, palette);
  /* The layout copies the spec, the bubbles and their strings. */
  layout = ks_matrix_layout_new (&chart.spec, (const KsBubble *) chart.bubbles->data, chart.bubbles->len,
                                 palette, width, height, context);
  ks_eval_chart_clear (&chart);
  return layout;
}

void
ks_eval_chart_draw (cairo_t                *cr,
                    const KsEvalChartInput *input,
                    const KsPalette        *palette,
                    double                  width,
                    double                  height)
{
  g_autoptr(KsMatrixLayout) layout = NULL;

  g_return_if_fail (cr != NULL && input != NULL && palette != NULL);

  layout = ks_eval_chart_layout (input, palette, width, height, NULL);
  ks_matrix_draw (cr, layout, palette, NULL);
}

gboolean
ks_eval_chart_export (const char             *path,
                      const KsEvalChartInput *input,
                      const KsPalette        *palette,
                      double                  width,
                      double                  height,
                      GError                **error)
{
  KsEvalChart chart;
  gboolean ok;

  g_return_val_if_fail (path != NULL && input != NULL && palette != NULL, FALSE);

  ks_eval_chart_init (&chart, input, palette);
  ok = ks_matrix_export (path, &chart.spec, (const KsBubble *) chart.bubbles->data, chart.bubbles->len,
                         palette, width, height, error);
  ks_eval_chart_clear (&chart);
  return ok;
}
