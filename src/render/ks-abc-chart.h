/* ks-abc-chart.h — the ABC / Pareto chart: layout, hit testing and drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cumulative revenue curve of a KsAbcReport (x: share of the accounts
 * by rank, 0–100 %; y: cumulative share of the revenue, 0–100 %), the
 * class regions A/B/C on x with their counts, the thresholds as horizontal
 * lines, the 20/80 reference, the diagonal of equal shares, and a legend
 * with the key accounts' share against the 50–60 % rule of thumb. Units are
 * view pixels of a @width × @height picture (points in PDF and SVG).
 *
 * Z-order, bottom to top: background, class regions, grid, thresholds,
 * references, curve (with a dot per account when there is room), legend,
 * then the hover (marker and card). Hit testing walks it from the top.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "ks-abc.h"
#include "ks-chart.h"
#include "ks-palette.h"

G_BEGIN_DECLS

/* Distance in view pixels within which the pointer hits an account's point. */
#define KS_ABC_POINT_TOLERANCE 8.0

typedef struct _KsAbcChart KsAbcChart;

/* The colour of ABC class @klass in every chart (the matrix uses it too). */
KsColor     ks_abc_class_colour        (const KsPalette   *palette,
                                        KsAbcClass         klass);

/* Lays out @report (copied: the chart does not keep it) in @width × @height;
 * text is measured once, here. The curve is decimated to the pixels: points
 * closer than 0.75 px to the previous one are not drawn (the hit test still
 * finds every account). @context NULL = the chart's own, without hinting. */
KsAbcChart *ks_abc_chart_new           (const KsAbcReport *report,
                                        const KsPalette   *palette,
                                        double             width,
                                        double             height,
                                        PangoContext      *context);
void        ks_abc_chart_free          (KsAbcChart        *chart);

/* TRUE when the report has no revenue: the chart draws a message saying so
 * instead of axes, classes and a curve, and hits nothing. */
gboolean    ks_abc_chart_is_empty      (const KsAbcChart  *chart);
void        ks_abc_chart_get_plot_rect (const KsAbcChart  *chart,
                                        KsChartRect       *rect);
void        ks_abc_chart_get_legend_rect (const KsAbcChart *chart,
                                          KsChartRect      *rect);
guint       ks_abc_chart_get_n_rows    (const KsAbcChart  *chart);
/* Shares (percent) → view pixels. */
void        ks_abc_chart_point_at      (const KsAbcChart  *chart,
                                        double             accounts_share,
                                        double             revenue_share,
                                        double            *x,
                                        double            *y);
/* Row @row's point on the curve (after its account: x = rank / n), view
 * pixels; FALSE when out of range. */
gboolean    ks_abc_chart_get_point     (const KsAbcChart  *chart,
                                        guint              row,
                                        double            *x,
                                        double            *y);
/* The curve as drawn: its number of points (from (0 %, 0 %) to its end)
 * and its last point, view pixels. */
guint       ks_abc_chart_get_curve     (const KsAbcChart  *chart,
                                        double            *end_x,
                                        double            *end_y);
/* Class @klass's region on x, view pixels (width 0 when it has no account). */
void        ks_abc_chart_get_class_rect (const KsAbcChart *chart,
                                         KsAbcClass        klass,
                                         KsChartRect      *rect);
/* The row whose point is nearest to (@x, @y) within
 * KS_ABC_POINT_TOLERANCE, or -1. */
int         ks_abc_chart_hit_test      (const KsAbcChart  *chart,
                                        double             x,
                                        double             y);
/* The row of account @id, or -1. */
int         ks_abc_chart_find          (const KsAbcChart  *chart,
                                        gint64             id);

/* Draws the chart; with @hover_id (an account id, 0 = none) also the
 * hover, as ks_abc_chart_draw_hover(). */
void        ks_abc_chart_draw          (cairo_t           *cr,
                                        const KsAbcChart  *chart,
                                        const KsPalette   *palette,
                                        gint64             hover_id,
                                        double             pointer_x,
                                        double             pointer_y);
/* Only the hover of account @hover_id (over a cached picture): a marker on
 * its point and a card near the pointer with rank, name, revenue, share,
 * cumulative share and class. */
void        ks_abc_chart_draw_hover    (cairo_t           *cr,
                                        const KsAbcChart  *chart,
                                        const KsPalette   *palette,
                                        gint64             hover_id,
                                        double             pointer_x,
                                        double             pointer_y);
/* Lays out and writes the chart at @width × @height to @path (PNG, SVG or
 * PDF by the extension). */
gboolean    ks_abc_chart_export        (const char        *path,
                                        const KsAbcReport *report,
                                        const KsPalette   *palette,
                                        double             width,
                                        double             height,
                                        GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsAbcChart, ks_abc_chart_free)

G_END_DECLS
