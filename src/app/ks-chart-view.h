/* ks-chart-view.h — a drawn chart of the portfolio review: the ABC curve
 * or the ranking of two periods
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-abc.h"

G_BEGIN_DECLS

#define KS_TYPE_CHART_VIEW (ks_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (KsChartView, ks_chart_view, KS, CHART_VIEW, GtkWidget)

GtkWidget   *ks_chart_view_new          (void);
/* Shows the ABC curve of @report, which must stay alive until the next call. */
void         ks_chart_view_set_abc      (KsChartView       *self,
                                         const KsAbcReport *report);
/* Shows the ranking of weighted scores, the earlier period titled @before
 * and the later @after; @ranking must stay alive until the next call. */
void         ks_chart_view_set_ranking  (KsChartView       *self,
                                         const KsRanking   *ranking,
                                         const char        *before,
                                         const char        *after);
/* The account under the pointer, 0 = none. */
gint64       ks_chart_view_get_hovered  (KsChartView       *self);

G_END_DECLS
