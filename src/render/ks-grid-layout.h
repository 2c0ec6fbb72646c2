/* ks-grid-layout.h — the geometry of a table of text cells (rows × columns)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A grid with a sticky header row and a sticky first column, like a
 * spreadsheet whose first row and column are frozen: the scores grid of the
 * portfolio review, and later the RACI grid. The layout knows only sizes and
 * text; its caller hands it the cells through a KsGridCellFunc, so a grid of
 * 8,500 rows costs nothing until rows are drawn.
 *
 * Units are pixels at 100 %. Content coordinates put the header row at y 0
 * and the first column at x 0; a view is a window of width × height onto the
 * content scrolled by (scroll_x, scroll_y), where the header row never
 * scrolls vertically and the first column never scrolls horizontally.
 */
#pragma once

#include <pango/pangocairo.h>

#include "ks-palette.h"

G_BEGIN_DECLS

#define KS_GRID_HEADER G_MAXUINT   /* the row index of the header row */
#define KS_GRID_NONE   G_MAXUINT   /* no row / column */

typedef enum
{
  KS_GRID_ALIGN_START,
  KS_GRID_ALIGN_CENTER,
  KS_GRID_ALIGN_END,     /* numbers */
} KsGridAlign;

typedef enum
{
  KS_GRID_COLUMN_DEFAULT  = 0,
  KS_GRID_COLUMN_BAR      = 1 << 0,   /* cells may carry a small bar before the text */
  KS_GRID_COLUMN_COMPUTED = 1 << 1,   /* read-only, derived from the others: tinted */
} KsGridColumnFlags;

typedef struct
{
  double             min_width;   /* 0 = no minimum */
  double             max_width;   /* 0 = no maximum */
  KsGridAlign        align;
  KsGridColumnFlags  flags;
} KsGridColumn;

typedef enum
{
  KS_GRID_CELL_DEFAULT = 0,
  KS_GRID_CELL_EMPTY   = 1 << 0,   /* no value: a muted placeholder is drawn */
  KS_GRID_CELL_INVALID = 1 << 1,   /* holds a refused value: error style */
  KS_GRID_CELL_MARKED  = 1 << 2,   /* has a note (an explanation): corner mark */
  KS_GRID_CELL_WARNING = 1 << 3,   /* needs attention (unmapped, fading): warning tint */
  KS_GRID_CELL_CHOICE  = 1 << 4,   /* edited by picking from a list: a chevron at the end */
} KsGridCellFlags;

/* What a cell shows. Header cells (row KS_GRID_HEADER) may have a @detail
 * line under the text (muted). The strings must live until the call returns
 * to the layout (measuring) or the draw step (drawing). */
typedef struct
{
  const char      *text;
  const char      *detail;        /* header cells only; NULL = none */
  KsGridCellFlags  flags;
  const KsColor   *bar_color;     /* KS_GRID_COLUMN_BAR columns; NULL = no bar */
  double           bar_fraction;  /* 0–1 of the bar's length */
} KsGridCell;

/* Fills @cell for @row (0 … n_rows-1 or KS_GRID_HEADER) and @column; @cell
 * comes zeroed. */
typedef void (*KsGridCellFunc) (guint       row,
                                guint       column,
                                KsGridCell *cell,
                                gpointer    user_data);

typedef struct
{
  double x, y, width, height;
} KsGridRect;

typedef struct
{
  double width, height;         /* of the view */
  double scroll_x, scroll_y;    /* content offset, ≥ 0 */
} KsGridView;

typedef enum
{
  KS_GRID_HIT_NONE,     /* outside the cells (right of the last column, below the last row) */
  KS_GRID_HIT_CORNER,   /* the header of the first column */
  KS_GRID_HIT_HEADER,   /* a column's header: *column set */
  KS_GRID_HIT_CELL,     /* a cell: *row and *column set */
} KsGridHit;

typedef struct _KsGridLayout KsGridLayout;

/* @context NULL: an unhinted context at 96 dpi (the same text on screen
 * and in files); the app passes its widget's context. */
KsGridLayout *ks_grid_layout_new           (const KsPalette    *palette,
                                            PangoContext       *context);
void          ks_grid_layout_free          (KsGridLayout       *self);

/* Sets the columns and rows and measures the column widths from the header
 * text and the content (in large grids the texts whose per-character
 * estimate is widest, so measuring stays cheap). Column 0 is the sticky one. */
void          ks_grid_layout_set_content   (KsGridLayout       *self,
                                            const KsGridColumn *columns,
                                            guint               n_columns,
                                            guint               n_rows,
                                            KsGridCellFunc      func,
                                            gpointer            user_data);
/* Room under every header cell's text and detail for the caller's own
 * drawing (the RACI grid's load bars), in pixels; 0 by default. Applies
 * from the next ks_grid_layout_set_content(). */
void          ks_grid_layout_set_header_extra (KsGridLayout    *self,
                                               double           height);
/* Changes the number of rows without measuring again (a filter). */
void          ks_grid_layout_set_n_rows    (KsGridLayout       *self,
                                            guint               n_rows);

guint         ks_grid_layout_get_n_rows    (const KsGridLayout *self);
guint         ks_grid_layout_get_n_columns (const KsGridLayout *self);
double        ks_grid_layout_get_row_height    (const KsGridLayout *self);
double        ks_grid_layout_get_header_height (const KsGridLayout *self);
double        ks_grid_layout_get_column_width  (const KsGridLayout *self,
                                                guint               column);
/* The whole content: header + rows, all columns. */
void          ks_grid_layout_get_size      (const KsGridLayout *self,
                                            double             *width,
                                            double             *height);
/* The largest useful scroll offsets for @view (0 when everything fits). */
void          ks_grid_layout_get_max_scroll (const KsGridLayout *self,
                                             const KsGridView   *view,
                                             double             *max_x,
                                             double             *max_y);

/* The cell's rectangle in view coordinates, sticky parts included (row
 * KS_GRID_HEADER for a header cell). It may lie partly or wholly outside the
 * view, or under the sticky parts (then only the part outside them shows). */
KsGridRect    ks_grid_layout_get_cell_rect (const KsGridLayout *self,
                                            const KsGridView   *view,
                                            guint               row,
                                            guint               column);
/* The rectangle where scrolled cells show: the view minus the sticky header
 * and first column. */
KsGridRect    ks_grid_layout_get_body_rect (const KsGridLayout *self,
                                            const KsGridView   *view);
/* What is at (@x, @y) in view coordinates; the sticky parts are on top. */
KsGridHit     ks_grid_layout_hit_test      (const KsGridLayout *self,
                                            const KsGridView   *view,
                                            double              x,
                                            double              y,
                                            guint              *row,
                                            guint              *column);
/* The rows that show, wholly or partly: [*first, *first + *n). */
void          ks_grid_layout_get_visible_rows    (const KsGridLayout *self,
                                                  const KsGridView   *view,
                                                  guint              *first,
                                                  guint              *n);
/* The scrolled columns (1 …) that show, wholly or partly. */
void          ks_grid_layout_get_visible_columns (const KsGridLayout *self,
                                                  const KsGridView   *view,
                                                  guint              *first,
                                                  guint              *n);
/* Rows that show wholly in the body (at least 1): what Page Down moves. */
guint         ks_grid_layout_get_page_rows (const KsGridLayout *self,
                                            const KsGridView   *view);
/* The scroll offsets, closest to @view's, at which the cell shows wholly
 * beside the sticky parts (as much of it as fits when it is larger). */
void          ks_grid_layout_scroll_to_cell (const KsGridLayout *self,
                                             const KsGridView   *view,
                                             guint               row,
                                             guint               column,
                                             double             *scroll_x,
                                             double             *scroll_y);

G_END_DECLS
