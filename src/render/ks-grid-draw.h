/* ks-grid-draw.h — paints a grid layout onto any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the rows and columns in the view are drawn, so a frame costs the same
 * for 20 rows or 8,500. Z-order, bottom to top: scrolled cells, the sticky
 * first column, the header row, the corner, the focused cell's outline, the
 * message callout; ks_grid_layout_hit_test() treats the sticky parts as on
 * top, as drawn.
 */
#pragma once

#include <cairo.h>

#include "ks-grid-layout.h"
#include "ks-palette.h"

G_BEGIN_DECLS

typedef struct
{
  guint        focus_row;      /* KS_GRID_NONE = no focused cell */
  guint        focus_column;
  gboolean     focused;        /* the widget has the keyboard focus: an accent outline */
  gboolean     editing;        /* an editor lies over the focused cell: its text is left out */
  const char  *message;        /* an error callout at the focused cell; NULL = none */
} KsGridDrawState;

void  ks_grid_draw  (cairo_t               *cr,
                     KsGridLayout          *layout,
                     const KsGridView      *view,
                     const KsPalette       *palette,
                     const KsGridDrawState *state,
                     KsGridCellFunc         func,
                     gpointer               user_data);

/* Shapes the texts of rows @first_row … @first_row + @n_rows - 1 in the
 * columns @view shows, as ks_grid_draw() would, and keeps them: a later
 * frame showing those rows only replays their glyphs. For an idle after a
 * frame: the rows a page above and below the view. */
void  ks_grid_draw_prepare (KsGridLayout     *layout,
                            const KsGridView *view,
                            guint             first_row,
                            guint             n_rows,
                            KsGridCellFunc    func,
                            gpointer          user_data);

/* How many cell texts @layout keeps shaped, for tests and benchmarks: at
 * most twice 2,048 (two generations; see ks-grid-draw.c). */
guint ks_grid_draw_count_shaped (const KsGridLayout *layout);

/* The outline of the focused @cell (accent when @focused, else muted),
 * clipped to the view right of @clip_x and below @clip_y so that under the
 * sticky parts it hides with the cell. Also the RACI grid's. */
void  ks_grid_draw_focus_outline (cairo_t          *cr,
                                  const KsPalette  *palette,
                                  const KsGridView *view,
                                  const KsGridRect *cell,
                                  gboolean          focused,
                                  double            clip_x,
                                  double            clip_y);

G_END_DECLS
