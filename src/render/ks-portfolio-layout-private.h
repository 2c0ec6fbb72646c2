/* ks-portfolio-layout-private.h — what the matrix's drawing reads from its layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For ks-portfolio-layout.c and ks-portfolio-draw.c only.
 */
#pragma once

#include "ks-portfolio-layout.h"

G_BEGIN_DECLS

typedef struct
{
  gint64             id;
  const char        *label;       /* in the layout's string chunk */
  double             x, y, size;
  guint              colour;
  gboolean           placed;
  double             cx, cy, r;   /* view pixels */
  gboolean           trail;       /* a trail is drawn */
  double             px, py;      /* the earlier position, view pixels */
  KsMatrixLabelState label_state;
  KsChartRect        label_rect;
  double             leader_x[2], leader_y[2];   /* bubble edge, label edge */
  KsChartText        text;        /* measured only when shown */
  gboolean           plate;       /* the label covers small bubbles: drawn on a plate */
} KsMatrixBubble;

typedef struct
{
  double      value, pos;         /* data units, view pixels */
  KsChartText text;
} KsMatrixTick;

typedef enum
{
  KS_MATRIX_ROW_HEADER,
  KS_MATRIX_ROW_SWATCH,           /* a colour of the key */
  KS_MATRIX_ROW_SIZE,             /* a reference bubble */
  KS_MATRIX_ROW_TRAIL,            /* a sample trail */
  KS_MATRIX_ROW_NOTE,             /* not placed / labels hidden */
} KsMatrixRowKind;

typedef struct
{
  KsMatrixRowKind kind;
  guint           colour;
  double          value;          /* SIZE: the reference size */
  double          radius;         /* SIZE: its bubble's radius */
  KsChartText     text;
  KsChartRect     rect;           /* view pixels */
  double          symbol_w;       /* the text starts at rect.x + symbol_w */
} KsMatrixRow;

struct _KsMatrixLayout
{
  PangoContext   *context;
  GStringChunk   *strings;
  double          width, height;
  double          font_px;

  KsMatrixBubble *bubbles;
  guint           n_bubbles;
  GHashTable     *index;          /* gint64 * → index + 1 */

  KsColor        *colours;        /* the spec's legend colours */
  guint           n_colours;
  gboolean        trails;         /* the spec has a trail label */

  KsChartRect     plot, legend;
  double          x_min, x_max, y_min, y_max;
  double          x_div, y_div;
  double          r_min, r_max, max_size;

  GArray         *x_ticks, *y_ticks;   /* KsMatrixTick */
  KsChartText     x_title, y_title;     /* the y title is drawn rotated */
  KsChartRect     x_title_rect, y_title_rect;   /* y: the rotated text's box */
  KsChartText     quad_text[4];
  gboolean        quad_named[4];
  KsChartRect     quad_name_rect[4];

  KsMatrixRow    *rows;
  guint           n_rows;
  double          legend_pad;

  guint           n_placed, n_unplaced, n_labelled, n_dropped;
  KsChartMessage *empty;          /* nothing placed: drawn over the plot */

  /* Spatial buckets over the plot: bubbles by cell (CSR), labels by cell
   * (linked lists), for collision tests and hit testing. */
  double          cell;
  int             grid_w, grid_h;
  guint          *cell_start;     /* grid_w × grid_h + 1 */
  guint          *cell_items;
  int            *label_head;     /* grid_w × grid_h, -1 = empty */
  GArray         *label_nodes;    /* LabelNode */
};

/* The fill colour of legend entry @colour (the palette's series beyond the
 * spec's entries). */
const KsColor *_ks_matrix_colour (const KsMatrixLayout *layout,
                                  const KsPalette      *palette,
                                  guint                 colour);

G_END_DECLS
