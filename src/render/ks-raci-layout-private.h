/* ks-raci-layout-private.h — what the RACI grid's drawing reads from its layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For ks-raci-layout.c and ks-raci-draw.c only.
 */
#pragma once

#include "ks-chart.h"
#include "ks-raci-layout.h"

G_BEGIN_DECLS

struct _KsRaciLayout
{
  const KsRaciGridModel *model;
  KsPalette             *palette;       /* a copy, its font size × scale */
  double                 scale;
  PangoContext          *context;
  KsGridLayout          *grid;          /* grid column 0 = first column, c + 1 = model column c */
  PangoFontDescription  *font;          /* task names */
  PangoFontDescription  *bold;          /* phases, header labels, letters */
  PangoFontDescription  *small;         /* header sublabels, page title */

  double  font_px, pad_x, pad_y;
  double  line_h, small_h;
  double  row_h, header_h, first_w;
  double  icon;                         /* the problem icon's size */
  double  indent;                       /* tasks under a phase */
  double  bar_h, bar_gap;               /* the load bar */
  double  chip_w, chip_h;               /* a letter's chip */
  guint   label_lines;                  /* header label lines */
  guint   max_load;                     /* the largest column total */

  guint   n_rows;
  guint8 *row_kind;                     /* KsRaciRowKind */
  guint  *row_index;
  guint  *task_row;
  guint  *phase_row;

  /* Measured text, made on first draw and kept (the glyph cache). */
  KsChartText *task_text;               /* n_tasks */
  KsChartText *phase_text;              /* n_phases */
  KsChartText *label_text;              /* n_columns */
  KsChartText *sub_text;                /* n_columns */
  KsChartText  letter_text[5];          /* R A S C I */
  KsChartText  corner_text, load_text;
};

/* The first column's x width = first_w; a model column's left edge in content units. */
double ks_raci_layout_column_x (const KsRaciLayout *self,
                                guint               column);

G_END_DECLS
