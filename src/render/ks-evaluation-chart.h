/* ks-evaluation-chart.h — the opportunity evaluation matrix as a picture:
 * our chance to win × attractiveness to us, bubbles sized by value and
 * coloured by stage, the four strategies as quadrants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built from plain structs (not core's KsEvaluation), so the app, the CLI
 * and the tests fill them from what they hold; laid out and drawn by the
 * portfolio matrix's layout (ks-portfolio-layout.h) and drawing
 * (ks-portfolio-draw.h). Both axes run 0–100; x is the chance to win, y
 * the attractiveness, so the quadrant indices of ks_matrix_quadrant() are
 * core's KsEvalQuadrant.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ks-palette.h"
#include "ks-portfolio-layout.h"

G_BEGIN_DECLS

/* The legend has room for this many stages; later ones share the last colour. */
#define KS_EVAL_CHART_MAX_STAGES 8

typedef struct
{
  gint64      id;               /* > 0, the opportunity */
  const char *label;            /* e.g. its title */
  double      chance;           /* 0–100; NaN = not placed */
  double      attractiveness;   /* 0–100; NaN = not placed */
  double      value;            /* bubble area ∝ value; NaN or ≤ 0 = smallest */
  guint       stage;            /* index into the input's stages */
} KsEvalBubble;

typedef struct
{
  double               chance_divider;          /* 0–100 */
  double               attractiveness_divider;
  const char * const  *stages;                  /* legend: the stage names present */
  guint                n_stages;
  const KsEvalBubble  *bubbles;
  guint                n_bubbles;
} KsEvalChartInput;

typedef struct
{
  KsMatrixSpec  spec;                           /* strings point into the input and here */
  GArray       *bubbles;                        /* KsBubble, in the input's order */
  const char   *labels[KS_EVAL_CHART_MAX_STAGES];
  KsColor       colours[KS_EVAL_CHART_MAX_STAGES];
  char         *unplaced_note;
} KsEvalChart;

/* The colour of stage @index in @palette: the categorical series. */
KsColor   ks_eval_chart_stage_colour (const KsPalette        *palette,
                                      guint                   index);
/* Fills @chart from @input (which must outlive it). */
void      ks_eval_chart_init         (KsEvalChart            *chart,
                                      const KsEvalChartInput *input,
                                      const KsPalette        *palette);
void      ks_eval_chart_clear        (KsEvalChart            *chart);
/* Lays the chart out at @width × @height (view pixels); free with
 * ks_matrix_layout_free(). */
KsMatrixLayout *ks_eval_chart_layout (const KsEvalChartInput *input,
                                      const KsPalette        *palette,
                                      double                  width,
                                      double                  height,
                                      PangoContext           *context);
/* Draws the chart fitted to @width × @height at the origin (for print). */
void      ks_eval_chart_draw         (cairo_t                *cr,
                                      const KsEvalChartInput *input,
                                      const KsPalette        *palette,
                                      double                  width,
                                      double                  height);
/* Writes the chart at @width × @height (pixels for PNG, points for SVG and
 * PDF) to @path; the format comes from the extension. */
gboolean  ks_eval_chart_export       (const char             *path,
                                      const KsEvalChartInput *input,
                                      const KsPalette        *palette,
                                      double                  width,
                                      double                  height,
                                      GError                **error);

G_END_DECLS
