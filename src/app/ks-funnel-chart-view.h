/* ks-funnel-chart-view.h — the Funnel view's canvas: the funnel (bands you
 * can hover, focus and click) or the forecast (periods you can hover)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-forecast-chart.h"
#include "ks-funnel-chart.h"

G_BEGIN_DECLS

#define KS_TYPE_FUNNEL_CHART_VIEW (ks_funnel_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (KsFunnelChartView, ks_funnel_chart_view, KS, FUNNEL_CHART_VIEW, GtkWidget)

/* Signals: "band-activated" (int band index) when a funnel band is clicked
 * or chosen with Enter. */
GtkWidget   *ks_funnel_chart_view_new          (void);
/* Shows the funnel of @bands under @spec (both copied). */
void         ks_funnel_chart_view_set_funnel   (KsFunnelChartView    *self,
                                                const KsFunnelSpec   *spec,
                                                const KsFunnelBand   *bands,
                                                guint                 n_bands);
/* Shows the forecast of @bars under @spec (both copied). */
void         ks_funnel_chart_view_set_forecast (KsFunnelChartView    *self,
                                                const KsForecastSpec *spec,
                                                const KsForecastBar  *bars,
                                                guint                 n_bars);
/* The band (or period) under the pointer, selected, focused; -1 = none. */
int          ks_funnel_chart_view_get_hovered  (KsFunnelChartView    *self);
int          ks_funnel_chart_view_get_selected (KsFunnelChartView    *self);
void         ks_funnel_chart_view_set_selected (KsFunnelChartView    *self,
                                                int                   band);
/* What a click at (@x, @y) in widget coordinates does. */
void         ks_funnel_chart_view_click        (KsFunnelChartView    *self,
                                                double                x,
                                                double                y);
/* Draws what is shown at @width × @height with @palette (print, files). */
void         ks_funnel_chart_view_draw_to      (KsFunnelChartView    *self,
                                                cairo_t              *cr,
                                                const KsPalette      *palette,
                                                double                width,
                                                double                height);
/* Writes what is shown (PNG, SVG or PDF by extension) at 1600 × 1000. */
gboolean     ks_funnel_chart_view_export       (KsFunnelChartView    *self,
                                                const char           *path,
                                                GError              **error);

G_END_DECLS
