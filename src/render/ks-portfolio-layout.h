/* ks-portfolio-layout.h — the portfolio matrix's geometry: plot, axes,
 * quadrants, bubbles, labels, legend, hit testing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure geometry, no GTK. The input is plain structs (not core's objects), so
 * the app, keystone-cli and the tests fill them from whatever they hold. All
 * coordinates are view units: pixels of a @width × @height picture (points
 * in PDF and SVG), origin top left, y down. Data units are the axes' values.
 *
 * Z-order of the drawing, bottom to top: background, quadrant shading and
 * names, grid and axes, divider lines, trails, bubbles (input order: later =
 * higher), leader lines and labels, legend; then the overlay (selection,
 * hover, focus, drag feedback, hover card). ks_matrix_layout_hit_test()
 * walks it from the top.
 */
#pragma once

#include <glib.h>
#include <pango/pango.h>

#include "ks-chart.h"
#include "ks-palette.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      id;               /* > 0, the account */
  const char *label;            /* account name; long names are ellipsized */
  double      x, y;             /* values on the axes, data units; NaN = cannot be placed */
  double      size;             /* bubble AREA ∝ size (revenue); NaN or ≤ 0 = smallest bubble */
  guint       colour;           /* index into the spec's legend entries */
  gboolean    has_trail;        /* a movement trail from (prev_x, prev_y) */
  double      prev_x, prev_y;   /* earlier period, data units */
} KsBubble;

typedef struct
{
  const char     *x_label;      /* axis titles, e.g. "Profitability (yield strength score)" */
  const char     *y_label;
  const char     *size_label;   /* e.g. "Bubble area: won revenue"; NULL = no size key */
  double          x_min, x_max; /* axis range, data units; NaN = from the data (nice ticks) */
  double          y_min, y_max;
  double          x_divider;    /* data units; NaN = the middle of the axis */
  double          y_divider;
  const char     *quadrants[4]; /* index = ks_matrix_quadrant(); NULL = unnamed */
  const char     *legend_title; /* heading of the colour key, e.g. "ABC class"; NULL = none */
  guint           n_legend;     /* colour key, always drawn */
  const char    **legend_labels;
  const KsColor  *legend_colours;
  const char     *trail_label;  /* e.g. "2026-Q2 → 2026-Q3"; NULL = no trails shown */
  const char     *unplaced_note;/* the legend's note when bubbles are not placed, e.g. "2
                                 * opportunities not scored"; NULL = "N accounts not placed (no value)" */
} KsMatrixSpec;

typedef enum
{
  KS_MATRIX_HIT_NONE,
  KS_MATRIX_HIT_PLOT,           /* the plot's background */
  KS_MATRIX_HIT_X_DIVIDER,      /* the vertical divider line (at x_divider) */
  KS_MATRIX_HIT_Y_DIVIDER,      /* the horizontal one (at y_divider) */
  KS_MATRIX_HIT_LABEL,          /* a bubble's label: index and id are the bubble's */
  KS_MATRIX_HIT_BUBBLE,
  KS_MATRIX_HIT_LEGEND,
} KsMatrixHitKind;

typedef struct
{
  KsMatrixHitKind kind;
  int             index;        /* bubble index in the input (LABEL, BUBBLE); -1 otherwise */
  gint64          id;           /* its id; 0 otherwise */
} KsMatrixHit;

typedef enum
{
  KS_MATRIX_LABEL_NONE,         /* the bubble is not placed */
  KS_MATRIX_LABEL_BESIDE,       /* next to its bubble */
  KS_MATRIX_LABEL_LEADER,       /* moved away, joined by a leader line */
  KS_MATRIX_LABEL_DROPPED,      /* no room: the hover card names it */
} KsMatrixLabelState;

/* Tolerance of divider hits, in view pixels. */
#define KS_MATRIX_DIVIDER_TOLERANCE 5.0

typedef struct _KsMatrixLayout KsMatrixLayout;

/* The quadrant of (@x, @y): (x ≥ x_divider) | (y ≥ y_divider) << 1, so 0 is
 * low/low, 1 high x, 2 high y, 3 high/high. A value exactly on a divider
 * counts as high. NaN values count as low. */
guint            ks_matrix_quadrant               (double                x,
                                                   double                y,
                                                   double                x_divider,
                                                   double                y_divider);

/* Lays out the matrix in a @width × @height picture (view pixels): legend
 * strip (right of the plot when the picture is wider than tall, else below),
 * plot with axes, ticks and titles, quadrant names in the plot's outer
 * corners, bubbles (radius = sqrt (size / largest size) × r_max, at least a
 * minimum radius; r_max is 6 % of the plot's shorter side, less when there
 * are many bubbles), then labels largest bubble first, beside the bubble or
 * moved away with a leader line, never over another label, a bubble or a
 * quadrant name; labels without room are dropped. When that leaves a
 * crowded chart (thousands of accounts) with fewer than 30 names, the
 * largest bubbles' labels may cover the smallest bubbles (up to 1.5 × the
 * minimum radius), drawn on a plate. Every label is measured
 * here, once. @spec and @bubbles are copied (strings too). @context may be
 * NULL: then the layout makes its own without hinting, so the geometry is
 * the same on screen and in files. */
KsMatrixLayout  *ks_matrix_layout_new             (const KsMatrixSpec   *spec,
                                                   const KsBubble       *bubbles,
                                                   guint                 n_bubbles,
                                                   const KsPalette      *palette,
                                                   double                width,
                                                   double                height,
                                                   PangoContext         *context);
void             ks_matrix_layout_free            (KsMatrixLayout       *layout);

void             ks_matrix_layout_get_size        (const KsMatrixLayout *layout,
                                                   double               *width,
                                                   double               *height);
guint            ks_matrix_layout_get_n_bubbles   (const KsMatrixLayout *layout);
/* Index of the bubble of account @id in the input, or -1. */
int              ks_matrix_layout_find            (const KsMatrixLayout *layout,
                                                   gint64                id);
/* The bubble's centre and radius, view pixels; FALSE when it is not placed
 * (or @index is out of range). */
gboolean         ks_matrix_layout_get_bubble      (const KsMatrixLayout *layout,
                                                   guint                 index,
                                                   double               *cx,
                                                   double               *cy,
                                                   double               *radius);
/* The bubble's label: its state and, when shown, its rectangle (view
 * pixels) and, with a leader line, the line's two ends (NULLs allowed). */
KsMatrixLabelState ks_matrix_layout_get_label     (const KsMatrixLayout *layout,
                                                   guint                 index,
                                                   KsChartRect          *rect,
                                                   double               *leader_x,
                                                   double               *leader_y);
/* The plot area inside the axes, view pixels. */
void             ks_matrix_layout_get_plot_rect   (const KsMatrixLayout *layout,
                                                   KsChartRect          *rect);
void             ks_matrix_layout_get_legend_rect (const KsMatrixLayout *layout,
                                                   KsChartRect          *rect);
/* Quadrant @quadrant (0–3) of the plot at the current dividers. */
void             ks_matrix_layout_get_quadrant_rect (const KsMatrixLayout *layout,
                                                     guint                 quadrant,
                                                     KsChartRect          *rect);
/* The axes' ranges in data units (the spec's, or nice ones from the data). */
void             ks_matrix_layout_get_range       (const KsMatrixLayout *layout,
                                                   double               *x_min,
                                                   double               *x_max,
                                                   double               *y_min,
                                                   double               *y_max);
/* TRUE when no bubble is placed: the background layer draws a message
 * over the plot saying so, instead of quadrants that look like results. */
gboolean         ks_matrix_layout_is_empty        (const KsMatrixLayout *layout);
/* Counts: bubbles placed and not placed (NaN x or y), labels shown
 * (beside or with a leader) and dropped. NULLs allowed. */
void             ks_matrix_layout_get_counts      (const KsMatrixLayout *layout,
                                                   guint                *placed,
                                                   guint                *unplaced,
                                                   guint                *labelled,
                                                   guint                *dropped);
/* The quadrant of bubble @index at the current dividers; -1 when not placed. */
int              ks_matrix_layout_get_bubble_quadrant (const KsMatrixLayout *layout,
                                                       guint                 index);

/* What is under (@x, @y), view pixels, walking the drawing's z-order from
 * the top: legend, bubbles (later = higher), labels, dividers (within
 * KS_MATRIX_DIVIDER_TOLERANCE; the nearer one), plot, none. */
KsMatrixHit      ks_matrix_layout_hit_test        (const KsMatrixLayout *layout,
                                                   double                x,
                                                   double                y);
/* Appends to @indices (a GArray of guint) the placed bubbles whose centre
 * lies in @rect (view pixels, e.g. a rubber band); returns how many. */
guint            ks_matrix_layout_bubbles_in_rect (const KsMatrixLayout *layout,
                                                   const KsChartRect    *rect,
                                                   GArray               *indices);

/* View pixels → data units (for dragging a divider); outside the plot the
 * values extrapolate. */
void             ks_matrix_layout_value_at        (const KsMatrixLayout *layout,
                                                   double                vx,
                                                   double                vy,
                                                   double               *x,
                                                   double               *y);
/* Data units → view pixels. */
void             ks_matrix_layout_point_at        (const KsMatrixLayout *layout,
                                                   double                x,
                                                   double                y,
                                                   double               *vx,
                                                   double               *vy);
/* Moves the divider lines (data units; NaN keeps one where it is). Cheap:
 * the quadrants follow, no text is measured, the labels stay. */
void             ks_matrix_layout_set_dividers    (KsMatrixLayout       *layout,
                                                   double                x_divider,
                                                   double                y_divider);
void             ks_matrix_layout_get_dividers    (const KsMatrixLayout *layout,
                                                   double               *x_divider,
                                                   double               *y_divider);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsMatrixLayout, ks_matrix_layout_free)

G_END_DECLS
