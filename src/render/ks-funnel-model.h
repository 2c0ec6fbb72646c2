/* ks-funnel-model.h — the funnel and forecast charts' input from core's
 * report and forecast, for keystone-cli and the app alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-forecast-chart.h"
#include "ks-funnel-chart.h"
#include "ks-funnel.h"

G_BEGIN_DECLS

/* One band per stage of @report, in its order (names borrowed from it). */
GArray     *ks_funnel_model_bands       (const KsFunnelReport *report);
/* "Optimal funnel", "Wide funnel", "Long and narrow funnel", "Shape not known yet". */
const char *ks_funnel_model_shape_title (KsFunnelShape         shape);
/* The summary line: "Open 2,089 · value 4,966,215 · weighted 1,275,067 · hit rate 63.2 %". */
char       *ks_funnel_model_summary     (const KsFunnelReport *report);
/* One bar per period of @forecast (periods borrowed from it). */
GArray     *ks_forecast_model_bars      (const KsForecast     *forecast);
/* The note on open opportunities without a date, or NULL when there are none. */
char       *ks_forecast_model_note      (const KsForecast     *forecast);

G_END_DECLS
