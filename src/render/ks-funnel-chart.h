/* ks-funnel-chart.h — the sales funnel as a picture: stacked trapezoids,
 * the won outflow and the lost bands, labels, conversions, the shape
 * diagnosis; layout, hit testing and drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure geometry and cairo, no GTK, no core types: the caller (the app,
 * keystone-cli, the tests) fills KsFunnelBand structs from whatever it
 * holds. All coordinates are view units: pixels of a @width × @height
 * picture (points in PDF and SVG), origin top left, y down. Text is
 * measured once, by ks_funnel_layout_new(), with pango (a NULL context =
 * the layout's own without hinting, so the screen and files agree).
 *
 * From the top: the title, the summary line, then the funnel. The shape
 * diagnosis panel (title and wrapped reason) sits right of the funnel when
 * the picture is wider than tall and at least 64 font sizes wide (room for
 * the funnel and labels beside it), else below it.
 *
 * The funnel area is the space left for the trapezoids: the chart's area
 * minus a column on the left for the conversion labels (only when some
 * conversion is known) and, when some label does not fit inside its band,
 * a column on the right for the labels placed beside (layout is tried
 * without that column first).
 *
 * Geometry rules:
 *  - Open bands (KS_FUNNEL_BAND_OPEN, in input order) are stacked top to
 *    bottom, centred on the funnel area's vertical axis, touching (band i's
 *    bottom edge is band i + 1's top edge). Every band row has the same
 *    height: (funnel height) / (open bands + 1 won row + 1.35 lost row
 *    and gap; rows without bands left out), at least
 *    KS_FUNNEL_MIN_BAND_HEIGHT and one line of the conversion text, at most
 *    KS_FUNNEL_MAX_BAND_HEIGHT × the base font size in pixels.
 *  - A band's measure is its count (KS_FUNNEL_SIZE_COUNT) or its value
 *    (KS_FUNNEL_SIZE_VALUE). Widths are measure × scale, the scale making
 *    the largest open measure exactly the funnel area's width; no band is
 *    narrower than KS_FUNNEL_MIN_BAND_WIDTH (a thin stage stays visible).
 *  - An open band's top edge has its own width, its bottom edge the next
 *    open band's top width; the last open band narrows to the total width
 *    of the won bands when that is narrower, else keeps its own width (won
 *    counts often span more time than the open ones: a funnel never widens
 *    at its end). So a band is a trapezoid, and the funnel one closed
 *    outline.
 *  - The outflow: directly under the last open band the won bands side by
 *    side, centred on the axis (the spout), on the funnel's scale but
 *    shrunk together to at most the funnel width; a third of a band height
 *    lower, the lost bands side by side, right-aligned to the funnel area's
 *    right edge, muted and dashed, on the same scale but shrunk together to
 *    at most half the funnel width. Both rows have the band height.
 *  - Labels: the stage name (bold), "N opportunities · value", and for open
 *    bands "weighted value" (ks_format_grouped, the currency before the
 *    number). A label goes inside its band, centred, when its rectangle
 *    fits within the trapezoid with a small margin. Otherwise it goes
 *    beside: in the right column, level with the band's centre, joined to
 *    the band's right edge by a leader line; beside labels are placed in
 *    band order (open, won, lost) and each is pushed down below the one
 *    before, so no two labels overlap ("inside if it fits, else beside,
 *    stacked downward"); a stack that would run past the picture's
 *    bottom is pushed back up from its last label, keeping the order and
 *    the gaps, but never above the picture's top (no overlap wins over
 *    staying inside: a stack taller than the picture runs past its bottom).
 *  - The conversion of open band i (the percent of its opportunities that
 *    reached the next open band; for the last open band, won) is drawn at
 *    the boundary between band i and the band below, its text vertically
 *    centred on that boundary and right-aligned a gap left of the funnel's
 *    left edge there. NaN draws nothing.
 *  - No bands, or every count 0: no funnel, a KsChartMessage instead.
 *
 * Z-order, bottom to top: background, title and summary, bands, leader
 * lines, labels, conversion labels, diagnosis panel; then the state
 * (hovered, selected, focused band). ks_funnel_layout_hit_test() walks it
 * from the top.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "ks-chart.h"
#include "ks-palette.h"

G_BEGIN_DECLS

#define KS_FUNNEL_MIN_BAND_HEIGHT 12.0   /* view px */
#define KS_FUNNEL_MAX_BAND_HEIGHT 7.0    /* × the base font size in px */
#define KS_FUNNEL_MIN_BAND_WIDTH  10.0   /* view px */

typedef enum
{
  KS_FUNNEL_BAND_OPEN,
  KS_FUNNEL_BAND_WON,
  KS_FUNNEL_BAND_LOST,
} KsFunnelBandKind;

typedef struct
{
  const char       *name;           /* the stage's name */
  KsFunnelBandKind  kind;
  guint             count;
  double            value;
  double            weighted_value; /* shown for open bands only */
  double            probability;    /* percent */
  double            conversion;     /* percent of this open stage's opportunities that
                                     * reached the next stage; NaN = none; shown
                                     * between this band and the next */
} KsFunnelBand;

typedef enum
{
  KS_FUNNEL_SIZE_COUNT,
  KS_FUNNEL_SIZE_VALUE,
} KsFunnelSizeBy;

typedef struct
{
  const char     *title;          /* e.g. "Funnel — all opportunities"; NULL = none */
  KsFunnelSizeBy  size_by;
  const char     *shape_title;    /* e.g. "Wide funnel"; NULL = no diagnosis panel */
  const char     *shape_reason;   /* the reason in words, wrapped in the panel */
  const char     *summary;        /* one line under the title; NULL = none */
  const char     *currency;       /* symbol placed before values, e.g. "$"; NULL/"" = none */
  const char     *empty_title;    /* the message without opportunities; NULL = "No opportunities" */
  const char     *empty_detail;   /* its sentence; NULL = a default */
} KsFunnelSpec;

typedef enum
{
  KS_FUNNEL_HIT_NONE,
  KS_FUNNEL_HIT_BAND,             /* inside a band's polygon */
  KS_FUNNEL_HIT_LABEL,            /* a band's label (inside or beside) */
  KS_FUNNEL_HIT_CONVERSION,       /* a conversion label: band = the upper band */
  KS_FUNNEL_HIT_DIAGNOSIS,        /* the shape diagnosis panel; band = -1 */
} KsFunnelHitKind;

typedef struct
{
  KsFunnelHitKind kind;
  int             band;           /* index in the input; -1 for NONE and DIAGNOSIS */
} KsFunnelHit;

typedef enum
{
  KS_FUNNEL_LABEL_NONE,           /* no such band */
  KS_FUNNEL_LABEL_INSIDE,
  KS_FUNNEL_LABEL_BESIDE,         /* in the right column, with a leader line */
} KsFunnelLabelPlace;

typedef struct
{
  int hovered;                    /* band index, -1 = none */
  int selected;
  int focus;                      /* keyboard focus */
} KsFunnelDrawState;

typedef struct _KsFunnelLayout KsFunnelLayout;

/* Lays out @bands (copied, with their strings: the caller may free them)
 * under @spec (copied too) in @width × @height. */
KsFunnelLayout    *ks_funnel_layout_new              (const KsFunnelSpec *spec,
                                                      const KsFunnelBand *bands,
                                                      guint               n_bands,
                                                      const KsPalette    *palette,
                                                      double              width,
                                                      double              height,
                                                      PangoContext       *context);
void               ks_funnel_layout_free             (KsFunnelLayout     *layout);

/* TRUE when there is no band or every count is 0: the layout holds a
 * message and no band geometry, and hits nothing. */
gboolean           ks_funnel_layout_is_empty         (const KsFunnelLayout *layout);
guint              ks_funnel_layout_get_n_bands      (const KsFunnelLayout *layout);
/* The area the trapezoids fill (the largest open band spans its width). */
void               ks_funnel_layout_get_funnel_rect  (const KsFunnelLayout *layout,
                                                      KsChartRect          *rect);
/* Band @index's outline, clockwise from the top left: top-left, top-right,
 * bottom-right, bottom-left (x[], y[] of 4). Rectangles for won and lost
 * bands. FALSE when out of range or empty. */
gboolean           ks_funnel_layout_get_band_polygon (const KsFunnelLayout *layout,
                                                      guint                 index,
                                                      double               *x,
                                                      double               *y);
/* The band's label rectangle and where it went; NONE when out of range. */
KsFunnelLabelPlace ks_funnel_layout_get_label_rect   (const KsFunnelLayout *layout,
                                                      guint                 index,
                                                      KsChartRect          *rect);
/* For a beside label: its leader line from the band's edge (x0, y0) to
 * the label (x1, y1); FALSE for other labels. */
gboolean           ks_funnel_layout_get_leader       (const KsFunnelLayout *layout,
                                                      guint                 index,
                                                      double               *x0,
                                                      double               *y0,
                                                      double               *x1,
                                                      double               *y1);
/* The conversion label of open band @index; FALSE when it has none (not
 * open, NaN, out of range). */
gboolean           ks_funnel_layout_get_conversion_rect (const KsFunnelLayout *layout,
                                                         guint                 index,
                                                         KsChartRect          *rect);
/* The shape diagnosis panel; FALSE without one. */
gboolean           ks_funnel_layout_get_diagnosis_rect (const KsFunnelLayout *layout,
                                                        KsChartRect          *rect);
/* The band's fill: open bands from a light to the full accent, top to
 * bottom; won the positive colour; lost the muted grey. */
KsColor            ks_funnel_layout_get_band_colour  (const KsFunnelLayout *layout,
                                                      const KsPalette      *palette,
                                                      guint                 index);
KsFunnelHit        ks_funnel_layout_hit_test         (const KsFunnelLayout *layout,
                                                      double                x,
                                                      double                y);

/* Draws the funnel; @state NULL = nothing hovered, selected or focused. */
void               ks_funnel_draw                    (cairo_t                 *cr,
                                                      const KsFunnelLayout    *layout,
                                                      const KsPalette         *palette,
                                                      const KsFunnelDrawState *state);
/* Lays out and writes the funnel at @width × @height to @path (PNG, SVG or
 * PDF by the extension). */
gboolean           ks_funnel_chart_export            (const char         *path,
                                                      const KsFunnelSpec *spec,
                                                      const KsFunnelBand *bands,
                                                      guint               n_bands,
                                                      const KsPalette    *palette,
                                                      double              width,
                                                      double              height,
                                                      GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsFunnelLayout, ks_funnel_layout_free)

G_END_DECLS
