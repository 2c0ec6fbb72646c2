/* ks-portfolio-draw.h — paints a portfolio matrix layout onto any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same function draws the canvas, the PNG, the SVG, the PDF and the
 * printed page, in view pixels (the layout's units). Z-order, bottom to top:
 * background (page, plot, quadrant shading and names, grid, axes, dividers),
 * bubbles (trails, bubbles in input order, leader lines, labels), legend,
 * overlay (selection, hover, focus, the dragged divider, hover card).
 * ks_matrix_layout_hit_test() walks it from the top.
 *
 * Caching: the bubbles and the legend do not change while a divider is
 * dragged, and nothing static changes on hover, so the app can keep
 * KS_MATRIX_LAYER_BUBBLES | KS_MATRIX_LAYER_LEGEND (drawn on a transparent
 * surface) or all of KS_MATRIX_LAYER_STATIC, and paint only the rest per
 * frame.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ks-palette.h"
#include "ks-portfolio-layout.h"

G_BEGIN_DECLS

typedef enum
{
  KS_MATRIX_LAYER_BACKGROUND = 1 << 0,   /* page, plot, quadrants, grid, axes, dividers */
  KS_MATRIX_LAYER_BUBBLES    = 1 << 1,   /* trails, bubbles, leader lines, labels */
  KS_MATRIX_LAYER_LEGEND     = 1 << 2,
  KS_MATRIX_LAYER_OVERLAY    = 1 << 3,   /* selection, hover, focus, drag feedback, hover card */
  KS_MATRIX_LAYER_STATIC     = 0x7,
  KS_MATRIX_LAYER_ALL        = 0xf,
} KsMatrixLayers;

typedef enum
{
  KS_MATRIX_DRAG_NONE,
  KS_MATRIX_DRAG_X_DIVIDER,
  KS_MATRIX_DRAG_Y_DIVIDER,
} KsMatrixDrag;

typedef struct
{
  KsMatrixLayers      layers;        /* 0 = all */

  gint64              hover_id;      /* 0 = none; drawn on top with a ring */
  const gint64       *selected_ids;
  guint               n_selected;
  gint64              focus_id;      /* keyboard focus: a dashed ring */
  KsMatrixDrag        drag;          /* the divider being dragged, drawn highlighted with its value */

  /* The hover card, near the pointer (view pixels), kept inside the view:
   * the hovered account's full name (or @card_title) and the lines the
   * caller passes, e.g. "Score 63.4 (good)", "Revenue 1 234 567". */
  gboolean            show_card;
  double              pointer_x, pointer_y;
  const char         *card_title;    /* NULL = the hovered bubble's label */
  const char * const *card_lines;
  guint               n_card_lines;
} KsMatrixDrawState;

/* Draws @layout's layers. @state NULL draws the static layers (a picture
 * for a file). */
void     ks_matrix_draw   (cairo_t                 *cr,
                           const KsMatrixLayout    *layout,
                           const KsPalette         *palette,
                           const KsMatrixDrawState *state);

/* Lays out and writes the matrix at @width × @height (pixels for PNG,
 * points for SVG and PDF) to @path; the format comes from the extension. */
gboolean ks_matrix_export (const char              *path,
                           const KsMatrixSpec      *spec,
                           const KsBubble          *bubbles,
                           guint                    n_bubbles,
                           const KsPalette         *palette,
                           double                   width,
                           double                   height,
                           GError                 **error);

G_END_DECLS
