/* ks-matrix-canvas.h — the bubble matrix canvas the portfolio and
 * evaluation views derive from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-palette.h"
#include "ks-portfolio-layout.h"

G_BEGIN_DECLS

#define KS_TYPE_MATRIX_CANVAS (ks_matrix_canvas_get_type ())
G_DECLARE_DERIVABLE_TYPE (KsMatrixCanvas, ks_matrix_canvas, KS, MATRIX_CANVAS, GtkWidget)

/* A subclass holds the items the matrix shows; item i is bubble i of the
 * layout it builds. */
struct _KsMatrixCanvasClass
{
  GtkWidgetClass parent_class;

  /* The layout of the items at @width × @height (both > 0), NULL when there
   * is nothing to show; colours from ks_matrix_canvas_get_palette(). */
  KsMatrixLayout *(*build_layout) (KsMatrixCanvas *self,
                                   int             width,
                                   int             height);
  /* The id of item @index (< the layout's bubbles). */
  gint64          (*item_id)      (KsMatrixCanvas *self,
                                   guint           index);
  /* The index of item @id, -1 when there is none. The default asks the
   * layout (-1 while there is none). */
  int             (*find)         (KsMatrixCanvas *self,
                                   gint64          id);
  /* The name the accessible description starts with; NULL for index -1. */
  const char     *(*item_name)    (KsMatrixCanvas *self,
                                   int             index);
  /* The hover card's lines for item @index (none for -1), a new array. */
  GPtrArray      *(*card_lines)   (KsMatrixCanvas *self,
                                   int             index);
  /* Item @id was double-clicked or chosen with Enter or Space. */
  void            (*activate)     (KsMatrixCanvas *self,
                                   gint64          id);

  /* The accessible description with nothing selected, untranslated (N_). */
  const char     *no_selection;
  /* The natural size (the minimum is 360 × 280). */
  int             natural_width, natural_height;
  /* A click, drag or key that comes after a reload, before the next frame
   * has laid the matrix out, lays it out first (else it is ignored). */
  gboolean        input_builds_layout;
  /* An arrow key when no bubble is placed keeps the selection (an item
   * without a bubble may be selected), else it clears it. */
  gboolean        arrows_keep_selection;
};

/* The subclass's items changed (it holds the new ones): drops the layout
 * and the hover card, clears the selection unless @keep_selected. */
void                  ks_matrix_canvas_reload        (KsMatrixCanvas *self,
                                                      gboolean        keep_selected);
/* The palette of the widget's style (made on first use, dropped when the
 * style changes). */
const KsPalette      *ks_matrix_canvas_get_palette   (KsMatrixCanvas *self);
/* The selected item's id (0 = none); setting it emits "selection-changed"
 * when it changes. */
gint64                ks_matrix_canvas_get_selected  (KsMatrixCanvas *self);
void                  ks_matrix_canvas_set_selected  (KsMatrixCanvas *self,
                                                      gint64          id);
gint64                ks_matrix_canvas_get_hovered   (KsMatrixCanvas *self);
/* The layout at the widget's size (NULL before the first allocation). */
const KsMatrixLayout *ks_matrix_canvas_get_layout    (KsMatrixCanvas *self);

G_END_DECLS
