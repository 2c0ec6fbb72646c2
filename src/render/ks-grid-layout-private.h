/* ks-grid-layout-private.h — what the grid's drawing reads from its layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For ks-grid-layout.c and ks-grid-draw.c only.
 */
#pragma once

#include "ks-grid-layout.h"

G_BEGIN_DECLS

struct _KsGridLayout
{
  PangoContext         *context;
  PangoFontDescription *font;          /* cells */
  PangoFontDescription *header_font;   /* header text, bold */
  PangoFontDescription *detail_font;   /* header detail, smaller */
  PangoLayout          *text;          /* scratch layouts, one per font */
  PangoLayout          *header_text;
  PangoLayout          *detail_text;
  /* "width:align:text" → a cell's KsChartText, laid out: the texts shaped
   * lately, and the generation before them (ks-grid-draw.c) */
  GHashTable           *shaped;
  GHashTable           *shaped_old;

  double      font_px;
  double      pad_x, pad_y;
  double      line_h, detail_h;
  double      row_h, header_h;
  guint       header_lines;            /* 1, or 2 when a header text wraps */
  double      bar_w, bar_h;            /* the small bar of KS_GRID_COLUMN_BAR cells */
  double      header_extra;            /* room under the header's text for the caller's drawing */

  KsGridColumn *columns;
  guint         n_columns;
  guint         n_rows;
  double       *col_x;                 /* n_columns + 1 left edges, content units */
};

G_END_DECLS
