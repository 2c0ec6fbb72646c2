/* ks-funnel-chart-private.h — what the funnel's drawing reads from its layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For ks-funnel-chart.c (layout, hit testing) and ks-funnel-draw.c only.
 */
#pragma once

#include "ks-chart.h"
#include "ks-funnel-chart.h"

G_BEGIN_DECLS

#define KS_FUNNEL_LABEL_LINES 3

typedef struct
{
  char               *name;
  KsFunnelBandKind    kind;
  guint               count;
  double              value, weighted, probability, conversion;
  double              measure;             /* count or value, per size_by */
  guint               rank;                /* among the bands of its kind */

  double              px[4], py[4];        /* outline: TL, TR, BR, BL */
  double              cx, cy;              /* where an inside label is centred */
  double              anchor_x, anchor_y;  /* the right edge at mid height (leader start) */

  KsChartText         lines[KS_FUNNEL_LABEL_LINES];
  guint               n_lines;
  double              label_w, label_h;    /* the lines together */
  KsChartRect         label;
  KsFunnelLabelPlace  place;
  double              leader[4];           /* x0, y0, x1, y1 (beside only) */

  gboolean            has_conversion;
  KsChartText         conversion_text;
  KsChartRect         conversion_rect;
  double              conversion_edge_x;   /* the funnel's left edge at the boundary */
} KsFunnelBandGeom;

struct _KsFunnelLayout
{
  PangoContext     *context;
  double            width, height, font_px;
  KsFunnelSizeBy    size_by;

  guint             n;
  KsFunnelBandGeom *bands;
  guint             n_open, n_won, n_lost;

  KsChartText       title, summary;
  double            title_x, title_y, summary_x, summary_y;
  gboolean          has_title, has_summary;

  KsChartRect       area;                  /* title, summary and panel excluded */
  KsChartRect       funnel;                /* where the trapezoids go */
  double            axis_x;                /* the funnel's vertical axis */
  double            band_h;

  gboolean          has_diagnosis;
  KsChartRect       diagnosis;
  KsChartText       diagnosis_title, diagnosis_reason;
  double            panel_pad;

  KsChartMessage   *empty;
};

G_END_DECLS
