/* ks-forecast-chart.h — the forecast per month or quarter as nested bars:
 * layout, hit testing and drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure geometry and cairo, no GTK, no core types: the caller fills
 * KsForecastBar structs, one per period in order. Units are view pixels of
 * a @width × @height picture (points in PDF and SVG), origin top left.
 *
 * From the top: the title, the legend (one row naming the three series),
 * the plot with the value axis on its left, the period labels under the
 * plot, the note under them (wrapped, at most three lines).
 *
 * Geometry rules:
 *  - Every period has a slot of equal width (plot width / periods). Its
 *    three bars stand on the value 0, nested and centred in the slot, so
 *    each stays visible whatever the values: best case the widest (0.8 of
 *    the slot, outlined, light), weighted inside it (0.55, filled), won
 *    the narrowest on top (0.3, solid and dark). Nested rather than side
 *    by side because best case contains weighted, and three bars in a
 *    slot of 20 px would be slivers.
 *  - The value axis runs from 0 to the largest value of any series,
 *    widened to whole steps by ks_chart_nice_range() (about five ticks; 0
 *    to 1 when every value is 0); a bar's height is value / axis top ×
 *    the plot height. Tick labels come from ks_chart_tick_label(), after
 *    the currency symbol.
 *  - Period labels are centred under their slots. When the widest label
 *    (plus a gap) is wider than a slot, only every k-th period is
 *    labelled (k the smallest whole number giving each label room: 1, 2,
 *    3, …, counted from the first period), so labels never overlap. The
 *    plot keeps room on its sides for half the first and last labels.
 *  - No period: a KsChartMessage instead, and nothing is hit.
 *
 * Z-order, bottom to top: background, title, legend, grid and ticks, the
 * hovered and selected slot's highlight, bars, axis, period labels, note;
 * then the hovered period's card with its numbers.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "ks-chart.h"
#include "ks-palette.h"

G_BEGIN_DECLS

typedef struct
{
  const char *period;             /* "2027-01" or "2027-Q1" */
  double      weighted;           /* Σ value × probability of the open ones closing then */
  double      best_case;          /* Σ value of the open ones closing then */
  double      won;                /* Σ value won in the period */
  guint       open_count, won_count;
} KsForecastBar;

typedef struct
{
  const char *title;              /* NULL = none */
  const char *currency;           /* before values, e.g. "$"; NULL/"" = none */
  const char *note;               /* e.g. "12 open opportunities without a close date
                                   * (€ 40,000) are not shown"; NULL = none */
  const char *empty_title;        /* NULL = "No forecast" */
  const char *empty_detail;       /* NULL = a default sentence */
} KsForecastSpec;

typedef enum
{
  KS_FORECAST_SERIES_NONE,        /* the period's slot, not on a bar */
  KS_FORECAST_SERIES_BEST_CASE,
  KS_FORECAST_SERIES_WEIGHTED,
  KS_FORECAST_SERIES_WON,
} KsForecastSeries;

typedef struct
{
  int              period;        /* index in the input, -1 = outside the plot */
  KsForecastSeries series;        /* the innermost bar under the point */
} KsForecastHit;

typedef struct
{
  int hovered;                    /* period index, -1 = none */
  int selected;
} KsForecastDrawState;

typedef struct _KsForecastChart KsForecastChart;

/* Lays out @bars (copied: the caller may free them) in @width × @height;
 * text is measured once, here. @context NULL = the chart's own, without
 * hinting. */
KsForecastChart *ks_forecast_chart_new            (const KsForecastSpec *spec,
                                                   const KsForecastBar  *bars,
                                                   guint                 n_bars,
                                                   const KsPalette      *palette,
                                                   double                width,
                                                   double                height,
                                                   PangoContext         *context);
void             ks_forecast_chart_free           (KsForecastChart      *chart);

gboolean         ks_forecast_chart_is_empty       (const KsForecastChart *chart);
guint            ks_forecast_chart_get_n_periods  (const KsForecastChart *chart);
void             ks_forecast_chart_get_plot_rect  (const KsForecastChart *chart,
                                                   KsChartRect           *rect);
/* The value axis: its range and tick step. */
void             ks_forecast_chart_get_axis       (const KsForecastChart *chart,
                                                   double                *lo,
                                                   double                *hi,
                                                   double                *step);
/* Period @period's bar of @series (not NONE): FALSE when out of range.
 * A value of 0 gives a rectangle of height 0 on the axis. */
gboolean         ks_forecast_chart_get_bar_rect   (const KsForecastChart *chart,
                                                   guint                  period,
                                                   KsForecastSeries       series,
                                                   KsChartRect           *rect);
/* Period @period's label rectangle; FALSE when out of range or when the
 * label was thinned out. */
gboolean         ks_forecast_chart_get_label_rect (const KsForecastChart *chart,
                                                   guint                  period,
                                                   KsChartRect           *rect);
void             ks_forecast_chart_get_legend_rect (const KsForecastChart *chart,
                                                    KsChartRect           *rect);
/* The colour @series is drawn in (the best case's outline). */
KsColor          ks_forecast_series_colour        (const KsPalette       *palette,
                                                   KsForecastSeries       series);
/* The period whose slot holds (@x, @y) in the plot, and the innermost bar
 * there (won, then weighted, then best case); period -1 outside the plot. */
KsForecastHit    ks_forecast_chart_hit_test       (const KsForecastChart *chart,
                                                   double                 x,
                                                   double                 y);

/* Draws the chart; @state NULL = nothing hovered or selected. */
void             ks_forecast_chart_draw           (cairo_t                   *cr,
                                                   const KsForecastChart     *chart,
                                                   const KsPalette           *palette,
                                                   const KsForecastDrawState *state);
/* Lays out and writes the chart at @width × @height to @path (PNG, SVG or
 * PDF by the extension). */
gboolean         ks_forecast_chart_export         (const char           *path,
                                                   const KsForecastSpec *spec,
                                                   const KsForecastBar  *bars,
                                                   guint                 n_bars,
                                                   const KsPalette      *palette,
                                                   double                width,
                                                   double                height,
                                                   GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsForecastChart, ks_forecast_chart_free)

G_END_DECLS
