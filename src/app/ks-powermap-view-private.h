/* ks-powermap-view-private.h — the power map canvas's instance, for its own files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For ks-powermap-view.c (the widget: model, drawing, zoom, selection,
 * accessibility), ks-powermap-view-input.c (gestures and keys) and
 * ks-powermap-view-edit.c (edits through core) only.
 */
#pragma once

#include "ks-powermap-model.h"
#include "ks-powermap-view.h"

G_BEGIN_DECLS

/* One zoom step: keys, Ctrl+scroll, the page's zoom buttons. */
#define ZOOM_STEP      1.25

typedef enum
{
  DRAG_NONE,
  DRAG_MOVE,
  DRAG_PAN,
  DRAG_RUBBER,
  DRAG_LINK,
} DragMode;

struct _KsPowermapView
{
  GtkWidget       parent_instance;

  KsWorkspace    *workspace;
  gint64          account_id;
  char           *account_name;

  KsMapModel      model;           /* the account's contacts and lines */
  /* Short names for the model's arrays. */
  GPtrArray      *contacts;        /* KsContact, in node order */
  GPtrArray      *strings;         /* owner initials the nodes point at */
  GArray         *nodes;           /* KsMapNode */
  GArray         *lines;           /* KsMapLine */

  KsPalette      *palette;
  KsMapLayout    *layout;          /* NULL = to build */
  GskRenderNode  *static_node;     /* background, lines, cards; NULL = to draw */
  KsMapView       view;
  gboolean        fitted;          /* follow the size until the user zooms or pans */

  GArray         *sel_nodes;       /* gint64 */
  GArray         *sel_lines;
  GArray         *changed;
  GArray         *added;
  gint64          hover_node;
  gboolean        hover_handle;
  gint64          hover_line;

  DragMode        drag;
  double          drag_x, drag_y;  /* start, view units */
  double          drag_dx, drag_dy;
  gboolean        drag_moved;
  gboolean        drag_toggle;     /* Shift/Ctrl held at the start */
  gint64          drag_node;
  GArray         *drag_start;      /* double x, y per selected node */
  double          pan_x, pan_y;    /* offset at the start */
  gint64          link_from;
  double          link_x, link_y;
  double          pointer_x, pointer_y;
  double          zoom_start;
  double          reported_scale;
  guint           zoom_idle;
};

/* Whether @array (of gint64) holds @id. */
static inline gboolean
array_contains (GArray *array,
                gint64  id)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* ks-powermap-view.c */
void       _ks_powermap_view_ensure_layout     (KsPowermapView *self);
void       _ks_powermap_view_invalidate_static (KsPowermapView *self);
void       _ks_powermap_view_invalidate_layout (KsPowermapView *self);
void       _ks_powermap_view_selection_changed (KsPowermapView *self);
KsMapNode *_ks_powermap_view_find_node         (KsPowermapView *self,
                                                gint64          id);
void       _ks_powermap_view_set_scale         (KsPowermapView *self,
                                                double          scale,
                                                double          cx,
                                                double          cy);
void       _ks_powermap_view_zoom_by           (KsPowermapView *self,
                                                double          factor,
                                                double          cx,
                                                double          cy);
gint64     _ks_powermap_view_primary_node      (KsPowermapView *self);

/* ks-powermap-view-input.c */
void       _ks_powermap_view_class_add_bindings (GtkWidgetClass *widget_class);
void       _ks_powermap_view_add_controllers    (KsPowermapView *self);

G_END_DECLS
