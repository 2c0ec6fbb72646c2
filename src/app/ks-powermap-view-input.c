/* ks-powermap-view-input.c — pointer, touch and keys on the power map canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The power map canvas's input: hover, drag to move cards, drag from a
 * handle to link, Shift/Ctrl-drag for a rubber band, drag or scroll to pan,
 * Ctrl+scroll and pinch to zoom, and the key bindings (zoom, delete, add,
 * link, arrows to go to a neighbour, Alt+arrows to nudge).
 */
#define G_LOG_DOMAIN "ks-powermap-view"

#include "config.h"

#include <math.h>

#include "ks-powermap-view-private.h"

#define NUDGE          10.0
#define DRAG_THRESHOLD 4.0

/* Helpers */

static void
array_remove (GArray *array,
              gint64  id)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == id)
      {
        g_array_remove_index (array, i);
        return;
      }
}

static void
nudge (KsPowermapView *self,
       double          dx,
       double          dy)
{
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));

  _ks_powermap_view_ensure_layout (self);
  for (guint i = 0; i < self->sel_nodes->len; i++)
    {
      gint64 id = g_array_index (self->sel_nodes, gint64, i);
      int index = ks_map_layout_find_node (self->layout, id);
      KsMapRect rect;
      double x, y;

      if (index < 0 || !ks_map_layout_get_node_rect (self->layout, index, &rect))
        return;
      x = rect.x + rect.width / 2 + dx;
      y = rect.y + rect.height / 2 + dy;
      g_array_append_val (xs, x);
      g_array_append_val (ys, y);
    }
  if (xs->len > 0)
    ks_powermap_view_commit_move (self, (gint64 *) self->sel_nodes->data,
                                  (double *) xs->data, (double *) ys->data, xs->len);
}

/* Callbacks */

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           KsPowermapView           *self)
{
  KsMapHit hit;
  gint64 node = 0, line = 0;
  gboolean handle = FALSE;
  const char *cursor = NULL;

  self->pointer_x = x;
  self->pointer_y = y;
  if (!self->layout || self->drag != DRAG_NONE)
    return;
  hit = ks_map_layout_hit_test (self->layout, &self->view, x, y);
  if (hit.kind == KS_MAP_HIT_NODE || hit.kind == KS_MAP_HIT_HANDLE)
    {
      node = hit.id;
      handle = hit.kind == KS_MAP_HIT_HANDLE;
      cursor = handle ? "crosshair" : "pointer";
    }
  else if (hit.kind == KS_MAP_HIT_LINE)
    {
      line = hit.id;
      cursor = "pointer";
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
  if (node != self->hover_node || handle != self->hover_handle || line != self->hover_line)
    {
      self->hover_node = node;
      self->hover_handle = handle;
      self->hover_line = line;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          KsPowermapView           *self)
{
  if (self->hover_node || self->hover_line)
    {
      self->hover_node = self->hover_line = 0;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               KsPowermapView *self)
{
  GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  KsMapHit hit = { KS_MAP_HIT_NONE, 0, -1 };
  gboolean toggle = (mods & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  _ks_powermap_view_ensure_layout (self);
  self->drag_x = x;
  self->drag_y = y;
  self->drag_dx = self->drag_dy = 0;
  self->drag_moved = FALSE;
  self->drag_toggle = toggle;
  self->drag_node = 0;

  if (button == GDK_BUTTON_MIDDLE)
    hit.kind = KS_MAP_HIT_NONE;
  else
    hit = ks_map_layout_hit_test (self->layout, &self->view, x, y);

  switch (hit.kind)
    {
    case KS_MAP_HIT_HANDLE:
      self->drag = DRAG_LINK;
      self->link_from = hit.id;
      self->link_x = x;
      self->link_y = y;
      break;

    case KS_MAP_HIT_NODE:
      self->drag = DRAG_MOVE;
      self->drag_node = hit.id;
      if (toggle)
        {
          if (array_contains (self->sel_nodes, hit.id))
            array_remove (self->sel_nodes, hit.id);
          else
            g_array_append_val (self->sel_nodes, hit.id);
          _ks_powermap_view_selection_changed (self);
        }
      else if (!array_contains (self->sel_nodes, hit.id))
        {
          g_array_set_size (self->sel_nodes, 0);
          g_array_set_size (self->sel_lines, 0);
          g_array_append_val (self->sel_nodes, hit.id);
          _ks_powermap_view_selection_changed (self);
        }
      g_array_set_size (self->drag_start, 0);
      for (guint i = 0; i < self->sel_nodes->len; i++)
        {
          int index = ks_map_layout_find_node (self->layout, g_array_index (self->sel_nodes, gint64, i));
          KsMapRect rect = { 0 };
          double cx, cy;

          ks_map_layout_get_node_rect (self->layout, MAX (index, 0), &rect);
          cx = rect.x + rect.width / 2;
          cy = rect.y + rect.height / 2;
          g_array_append_val (self->drag_start, cx);
          g_array_append_val (self->drag_start, cy);
        }
      break;

    case KS_MAP_HIT_LINE:
      self->drag = DRAG_NONE;
      if (!toggle)
        {
          g_array_set_size (self->sel_nodes, 0);
          g_array_set_size (self->sel_lines, 0);
        }
      if (!array_contains (self->sel_lines, hit.id))
        g_array_append_val (self->sel_lines, hit.id);
      _ks_powermap_view_selection_changed (self);
      break;

    case KS_MAP_HIT_LEGEND:
      self->drag = DRAG_NONE;
      break;

    case KS_MAP_HIT_NONE:
    default:
      if (toggle && button != GDK_BUTTON_MIDDLE)
        self->drag = DRAG_RUBBER;
      else
        {
          self->drag = DRAG_PAN;
          self->pan_x = self->view.offset_x;
          self->pan_y = self->view.offset_y;
          gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
        }
      break;
    }
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                KsPowermapView *self)
{
  if (!self->drag_moved && hypot (dx, dy) < DRAG_THRESHOLD)
    return;
  self->drag_moved = TRUE;
  self->drag_dx = dx;
  self->drag_dy = dy;

  switch (self->drag)
    {
    case DRAG_MOVE:
      if (self->drag_start->len != self->sel_nodes->len * 2)
        return;
      /* the map must not refit under the pointer while a card moves */
      self->fitted = FALSE;
      for (guint i = 0; i < self->sel_nodes->len; i++)
        ks_map_layout_move_node (self->layout, g_array_index (self->sel_nodes, gint64, i),
                                 g_array_index (self->drag_start, double, 2 * i) + dx / self->view.scale,
                                 g_array_index (self->drag_start, double, 2 * i + 1) + dy / self->view.scale);
      _ks_powermap_view_invalidate_static (self);
      break;

    case DRAG_PAN:
      self->view.offset_x = self->pan_x + dx;
      self->view.offset_y = self->pan_y + dy;
      self->fitted = FALSE;
      _ks_powermap_view_invalidate_static (self);
      break;

    case DRAG_LINK:
      {
        KsMapHit hit;

        self->link_x = self->drag_x + dx;
        self->link_y = self->drag_y + dy;
        hit = ks_map_layout_hit_test (self->layout, &self->view, self->link_x, self->link_y);
        self->hover_node = hit.kind == KS_MAP_HIT_NODE || hit.kind == KS_MAP_HIT_HANDLE ? hit.id : 0;
        self->hover_handle = FALSE;
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case DRAG_RUBBER:
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case DRAG_NONE:
    default:
      break;
    }
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             KsPowermapView *self)
{
  DragMode mode = self->drag;
  GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  self->drag = DRAG_NONE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);

  switch (mode)
    {
    case DRAG_MOVE:
      if (self->drag_moved && self->drag_start->len == self->sel_nodes->len * 2)
        {
          g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) ids = g_array_copy (self->sel_nodes);

          for (guint i = 0; i < ids->len; i++)
            {
              double x = round (g_array_index (self->drag_start, double, 2 * i) + dx / self->view.scale);
              double y = round (g_array_index (self->drag_start, double, 2 * i + 1) + dy / self->view.scale);

              g_array_append_val (xs, x);
              g_array_append_val (ys, y);
            }
          /* one core call: one undo step */
          if (!ks_powermap_view_commit_move (self, (gint64 *) ids->data, (double *) xs->data,
                                             (double *) ys->data, ids->len))
            _ks_powermap_view_invalidate_layout (self);
        }
      else if (!self->drag_moved && !self->drag_toggle && self->drag_node &&
               (self->sel_nodes->len != 1 || self->sel_lines->len != 0))
        ks_powermap_view_select_node (self, self->drag_node, FALSE);
      break;

    case DRAG_LINK:
      {
        KsMapHit hit = ks_map_layout_hit_test (self->layout, &self->view,
                                               self->drag_x + dx, self->drag_y + dy);
        gint64 from = self->link_from;

        self->link_from = 0;
        gtk_widget_queue_draw (GTK_WIDGET (self));
        if ((hit.kind == KS_MAP_HIT_NODE || hit.kind == KS_MAP_HIT_HANDLE) && hit.id != from)
          {
            KsMapNode *a = _ks_powermap_view_find_node (self, from);
            KsMapNode *b = _ks_powermap_view_find_node (self, hit.id);
            KsLineKind kind = KS_LINE_REPORTS_TO;

            /* Ctrl or Alt: influence; externals only ever influence */
            if ((mods & (GDK_CONTROL_MASK | GDK_ALT_MASK)) ||
                (a && a->kind != KS_NODE_CONTACT) || (b && b->kind != KS_NODE_CONTACT))
              kind = KS_LINE_INFLUENCE;
            else if (mods & GDK_SHIFT_MASK)
              kind = KS_LINE_DOTTED;
            ks_powermap_view_add_line (self, from, hit.id, kind);
          }
      }
      break;

    case DRAG_RUBBER:
      if (self->drag_moved)
        {
          KsMapRect rect = {
            MIN (self->drag_x, self->drag_x + dx), MIN (self->drag_y, self->drag_y + dy),
            fabs (dx), fabs (dy) };
          g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

          ks_map_layout_nodes_in_rect (self->layout, &self->view, &rect, ids);
          for (guint i = 0; i < ids->len; i++)
            if (!array_contains (self->sel_nodes, g_array_index (ids, gint64, i)))
              g_array_append_val (self->sel_nodes, g_array_index (ids, gint64, i));
          _ks_powermap_view_selection_changed (self);
        }
      break;

    case DRAG_PAN:
      if (!self->drag_moved && (self->sel_nodes->len || self->sel_lines->len))
        ks_powermap_view_clear_selection (self);
      break;

    case DRAG_NONE:
    default:
      break;
    }
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                KsPowermapView   *self)
{
  if (self->drag == DRAG_MOVE && self->drag_moved)
    _ks_powermap_view_invalidate_layout (self);   /* back to the stored positions */
  self->drag = DRAG_NONE;
  self->link_from = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           KsPowermapView           *self)
{
  GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (mods & GDK_CONTROL_MASK)
    {
      _ks_powermap_view_zoom_by (self, pow (ZOOM_STEP, -dy), self->pointer_x, self->pointer_y);
      return TRUE;
    }
  if (mods & GDK_SHIFT_MASK)
    {
      double t = dx;
      dx = dy;
      dy = t;
    }
  _ks_powermap_view_ensure_layout (self);
  self->view.offset_x -= dx * 40;
  self->view.offset_y -= dy * 40;
  self->fitted = FALSE;
  _ks_powermap_view_invalidate_static (self);
  return TRUE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               KsPowermapView   *self)
{
  _ks_powermap_view_ensure_layout (self);
  self->zoom_start = self->view.scale;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       KsPowermapView *self)
{
  double cx, cy;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    {
      cx = self->view.width / 2;
      cy = self->view.height / 2;
    }
  _ks_powermap_view_set_scale (self, self->zoom_start * scale, cx, cy);
}

static gboolean
key_action (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  KsPowermapView *self = KS_POWERMAP_VIEW (widget);
  const char *action;
  double dx = 0, dy = 0;

  g_variant_get (args, "&s", &action);
  _ks_powermap_view_ensure_layout (self);

  if (g_str_equal (action, "zoom-in"))
    _ks_powermap_view_zoom_by (self, ZOOM_STEP, self->view.width / 2, self->view.height / 2);
  else if (g_str_equal (action, "zoom-out"))
    _ks_powermap_view_zoom_by (self, 1 / ZOOM_STEP, self->view.width / 2, self->view.height / 2);
  else if (g_str_equal (action, "zoom-reset"))
    ks_powermap_view_zoom_reset (self);
  else if (g_str_equal (action, "fit"))
    ks_powermap_view_fit (self);
  else if (g_str_equal (action, "delete"))
    return ks_powermap_view_delete_selection (self);
  else if (g_str_equal (action, "add"))
    ks_powermap_view_add_node (self, KS_NODE_CONTACT, _ks_powermap_view_primary_node (self));
  else if (g_str_equal (action, "link"))
    ks_powermap_view_link_selected (self);
  else if (g_str_equal (action, "escape"))
    {
      if (self->sel_nodes->len == 0 && self->sel_lines->len == 0)
        return FALSE;
      ks_powermap_view_clear_selection (self);
    }
  else if (g_str_has_prefix (action, "nudge-") || g_str_has_prefix (action, "go-"))
    {
      const char *dir = strchr (action, '-') + 1;

      if (g_str_equal (dir, "left"))
        dx = -1;
      else if (g_str_equal (dir, "right"))
        dx = 1;
      else if (g_str_equal (dir, "up"))
        dy = -1;
      else
        dy = 1;

      if (action[0] == 'n')
        {
          if (self->sel_nodes->len == 0)
            return FALSE;
          nudge (self, dx * NUDGE, dy * NUDGE);
        }
      else if (self->nodes->len == 0)
        return FALSE;
      else if (!ks_powermap_view_move_selection (self, dx, dy))
        gtk_widget_error_bell (widget);
    }
  return TRUE;
}

/* Set-up, from class_init and init */

static void
add_key (GtkWidgetClass  *widget_class,
         guint            key,
         GdkModifierType  mods,
         const char      *action)
{
  gtk_widget_class_add_binding (widget_class, key, mods, key_action, "s", action);
}

void
_ks_powermap_view_class_add_bindings (GtkWidgetClass *widget_class)
{
  static const struct { guint key; const char *dir; } arrows[] = {
    { GDK_KEY_Left, "left" }, { GDK_KEY_Right, "right" },
    { GDK_KEY_Up, "up" }, { GDK_KEY_Down, "down" },
  };

  add_key (widget_class, GDK_KEY_plus, 0, "zoom-in");
  add_key (widget_class, GDK_KEY_equal, 0, "zoom-in");
  add_key (widget_class, GDK_KEY_KP_Add, 0, "zoom-in");
  add_key (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "zoom-in");
  add_key (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "zoom-in");
  add_key (widget_class, GDK_KEY_minus, 0, "zoom-out");
  add_key (widget_class, GDK_KEY_KP_Subtract, 0, "zoom-out");
  add_key (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "zoom-out");
  add_key (widget_class, GDK_KEY_0, 0, "zoom-reset");
  add_key (widget_class, GDK_KEY_KP_0, 0, "zoom-reset");
  add_key (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "fit");
  add_key (widget_class, GDK_KEY_Delete, 0, "delete");
  add_key (widget_class, GDK_KEY_KP_Delete, 0, "delete");
  add_key (widget_class, GDK_KEY_Insert, 0, "add");
  add_key (widget_class, GDK_KEY_KP_Insert, 0, "add");
  add_key (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "link");
  add_key (widget_class, GDK_KEY_Escape, 0, "escape");
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      g_autofree char *go = g_strconcat ("go-", arrows[i].dir, NULL);
      g_autofree char *nudge_action = g_strconcat ("nudge-", arrows[i].dir, NULL);

      add_key (widget_class, arrows[i].key, 0, go);
      add_key (widget_class, arrows[i].key, GDK_ALT_MASK, nudge_action);
    }
}

void
_ks_powermap_view_add_controllers (KsPowermapView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (gesture, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, controller);
}
