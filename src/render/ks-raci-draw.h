/* ks-raci-draw.h — paints a RACI grid onto any cairo_t: a view, a printed
 * page, a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the rows and columns in the view are drawn. Z-order, bottom to top:
 * task rows (tinted where they have a problem) with their letters, the
 * sticky first column, the phase rows (across, not scrolled sideways), the
 * header row with its load bars, the corner, the focused cell's outline —
 * as ks_raci_layout_hit_test() sees them. A letter is a bold letter in a
 * chip of its colour (so colour never carries it alone); a task's main R is
 * underlined. Measured text and the letters' glyphs are kept in the layout
 * after the first frame.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ks-palette.h"
#include "ks-raci-layout.h"

G_BEGIN_DECLS

typedef struct
{
  /* KS_GRID_HEADER (with a column ≥ 0) = that column's header; the same
   * value with focus_column -1 (KS_GRID_NONE) = no focused cell */
  guint     focus_row;
  int       focus_column;   /* -1 = the first column */
  gboolean  focused;        /* the widget has the keyboard focus: an accent outline */
  /* Where a dragged task or column would go: a bar before layout row
   * @drop_row (the row count: after the last), or before model column
   * @drop_column (the column count: after the last); -1 = no drag. */
  int       drop_row;
  int       drop_column;
} KsRaciDrawState;

/* The chip colour of 'R', 'A', 'S', 'C', 'I' (NULL for anything else). */
const KsColor *ks_raci_letter_color (const KsPalette        *palette,
                                     guint8                  letter);

/* The view's frame: what the app's canvas calls per frame. @state may be NULL. */
void      ks_raci_draw        (cairo_t                *cr,
                               KsRaciLayout           *layout,
                               const KsGridView       *view,
                               const KsPalette        *palette,
                               const KsRaciDrawState  *state);
/* One printed page (@page from ks_raci_layout_paginate(); @page_number
 * 0-based of @n_pages) on a @page_width × @page_height page, points: the
 * title and page number, then the first column, the header row and the
 * page's rows and columns, inside KS_RACI_PRINT_MARGIN. */
void      ks_raci_draw_page   (cairo_t                *cr,
                               KsRaciLayout           *layout,
                               const KsPalette        *palette,
                               const KsRaciRange      *page,
                               guint                   page_number,
                               guint                   n_pages,
                               double                  page_width,
                               double                  page_height);
/* Writes @model to @path (PNG, SVG or PDF by its extension), at 100 %.
 * PNG and SVG: 0 × 0 is the whole grid (its natural size); another size
 * shows the grid's top-left corner as a view that size would. PDF: pages
 * (0 × 0: landscape A4) as ks_raci_layout_paginate() splits them, headers
 * on every page. */
gboolean  ks_raci_export      (const char             *path,
                               const KsRaciGridModel  *model,
                               const KsPalette        *palette,
                               double                  width,
                               double                  height,
                               GError                **error);

G_END_DECLS
