/* ks-ranking-chart.h — two periods' top N side by side (a slope chart):
 * layout, hit testing and drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two columns (rank, name, value): the earlier period on the left, the
 * later on the right, a line between an account's two positions, its rank
 * change as text and symbol ("▲ 3", "▼ 2", "="), "new" for an entry new in
 * the top N and "out" beside one that dropped out. Colour repeats what the
 * text says, never replaces it. Units are view pixels of a @width ×
 * @height picture (points in PDF and SVG).
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "ks-abc.h"
#include "ks-chart.h"
#include "ks-palette.h"

G_BEGIN_DECLS

typedef enum
{
  KS_RANKING_VALUE_SCORE,    /* one decimal: 63.4 */
  KS_RANKING_VALUE_MONEY,    /* whole, grouped: 1 234 567 */
} KsRankingValue;

typedef enum
{
  KS_RANKING_BEFORE,         /* the left column: ranking->before */
  KS_RANKING_AFTER,          /* the right column: ranking->after */
} KsRankingSide;

typedef struct _KsRankingChart KsRankingChart;

/* Lays out @ranking (copied) under the column titles @before_title and
 * @after_title (e.g. "2026-Q2", "2026-Q3"; NULL = "Before" / "After").
 * Rows share the height, at most four times the base font tall; text is
 * measured once, here. @context NULL = the chart's own, without hinting. */
KsRankingChart *ks_ranking_chart_new          (const KsRanking      *ranking,
                                               const char           *before_title,
                                               const char           *after_title,
                                               KsRankingValue        value,
                                               const KsPalette      *palette,
                                               double                width,
                                               double                height,
                                               PangoContext         *context);
void            ks_ranking_chart_free         (KsRankingChart       *chart);

/* TRUE when neither period ranks anyone: the chart draws a message saying
 * so instead of two empty columns. */
gboolean        ks_ranking_chart_is_empty     (const KsRankingChart *chart);
guint           ks_ranking_chart_get_n_entries (const KsRankingChart *chart,
                                                KsRankingSide         side);
/* Entry @index of @side (in the ranking's order, i.e. by rank): its row's
 * rectangle, view pixels; FALSE when out of range. */
gboolean        ks_ranking_chart_get_entry_rect (const KsRankingChart *chart,
                                                 KsRankingSide         side,
                                                 guint                 index,
                                                 KsChartRect          *rect);
/* The entry's mark: "▲ 3", "▼ 2" or "=" on the right (against its rank on
 * the left), "new" on the right for an entry not in the earlier top N, "out"
 * on the left for one not in the later; NULL when out of range. */
const char     *ks_ranking_chart_get_mark     (const KsRankingChart *chart,
                                               KsRankingSide         side,
                                               guint                 index);
/* The entry under (@x, @y): TRUE and its side and index, or FALSE. */
gboolean        ks_ranking_chart_hit_entry    (const KsRankingChart *chart,
                                               double                x,
                                               double                y,
                                               KsRankingSide        *side,
                                               guint                *index);
/* The account under (@x, @y) (an entry's row or its connecting line), or 0. */
gint64          ks_ranking_chart_hit_test     (const KsRankingChart *chart,
                                               double                x,
                                               double                y);

/* Draws the chart; with @hover_id (0 = none) also its hover. */
void            ks_ranking_chart_draw         (cairo_t              *cr,
                                               const KsRankingChart *chart,
                                               const KsPalette      *palette,
                                               gint64                hover_id);
/* Only the hover of account @hover_id (over a cached picture): its rows
 * highlighted and its line drawn bold. */
void            ks_ranking_chart_draw_hover   (cairo_t              *cr,
                                               const KsRankingChart *chart,
                                               const KsPalette      *palette,
                                               gint64                hover_id);
/* Lays out and writes the chart at @width × @height to @path (PNG, SVG or
 * PDF by the extension). */
gboolean        ks_ranking_chart_export       (const char           *path,
                                               const KsRanking      *ranking,
                                               const char           *before_title,
                                               const char           *after_title,
                                               KsRankingValue        value,
                                               const KsPalette      *palette,
                                               double                width,
                                               double                height,
                                               GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsRankingChart, ks_ranking_chart_free)

G_END_DECLS
