/* ks-matrix-canvas.c — the bubble matrix canvas the portfolio and
 * evaluation views derive from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks the subclass for the layout at the widget's size, keeps the static
 * layers as two GskRenderNodes — the plot (redrawn while a divider is
 * dragged) and the bubbles with the legend (kept) — and draws only the
 * overlay (hover ring and card, selection, focus, a divider being dragged)
 * on every frame. A click selects, a double click (or Enter) activates;
 * dragging a divider moves it and emits "dividers-moved" once, on release;
 * arrow keys move the selection to the nearest bubble in that direction.
 * The subclass gives the items: their layout, ids, names and card lines.
 */
#define G_LOG_DOMAIN "ks-matrix-canvas"

#include "config.h"

#include "ks-matrix-canvas.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ks-app-util.h"
#include "ks-portfolio-draw.h"
#include "ks-powermap-view.h"

typedef struct
{
  KsMatrixLayout    *layout;
  KsPalette         *palette;
  GskRenderNode     *background_node; /* plot, quadrants, axes, dividers */
  GskRenderNode     *bubbles_node;    /* trails, bubbles, labels, legend */
  int                layout_width, layout_height;

  gint64             selected;
  gint64             hovered;
  double             pointer_x, pointer_y;
  GPtrArray         *card;            /* the hover card's lines */
  KsMatrixDrag       dragging;        /* a divider, or NONE */
  double             drag_x, drag_y;  /* where the drag began, view pixels */
} KsMatrixCanvasPrivate;

enum
{
  SIGNAL_SELECTION_CHANGED,
  SIGNAL_DIVIDERS_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (KsMatrixCanvas, ks_matrix_canvas, GTK_TYPE_WIDGET)

/* Helpers */

static void
drop_layout (KsMatrixCanvas *self)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);

  g_clear_pointer (&priv->background_node, gsk_render_node_unref);
  g_clear_pointer (&priv->bubbles_node, gsk_render_node_unref);
  g_clear_pointer (&priv->layout, ks_matrix_layout_free);
}

static void
ensure_layout (KsMatrixCanvas *self)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (priv->layout && width == priv->layout_width && height == priv->layout_height)
    return;
  drop_layout (self);
  if (width <= 0 || height <= 0)
    return;
  priv->layout = KS_MATRIX_CANVAS_GET_CLASS (self)->build_layout (self, width, height);
  if (!priv->layout)
    return;
  priv->layout_width = width;
  priv->layout_height = height;
}

static void
update_accessible (KsMatrixCanvas *self)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);
  KsMatrixCanvasClass *klass = KS_MATRIX_CANVAS_GET_CLASS (self);
  int index = klass->find (self, priv->selected);
  g_autoptr(GPtrArray) lines = klass->card_lines (self, index);
  g_autoptr(GString) text = g_string_new (klass->item_name (self, index));

  for (guint i = 0; i < lines->len; i++)
    ks_string_append_part (text, g_ptr_array_index (lines, i));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->len ? text->str : _(klass->no_selection), -1);
}

static void
set_hovered (KsMatrixCanvas *self,
             gint64          id)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);
  KsMatrixCanvasClass *klass = KS_MATRIX_CANVAS_GET_CLASS (self);

  if (priv->hovered == id)
    return;
  priv->hovered = id;
  g_clear_pointer (&priv->card, g_ptr_array_unref);
  if (id && priv->layout)
    priv->card = klass->card_lines (self, klass->find (self, id));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
select_id (KsMatrixCanvas *self,
           gint64          id)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);

  if (priv->selected == id)
    return;
  priv->selected = id;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

/* The placed bubble nearest in direction (@dx, @dy) from the selected one
 * (within 60° of it); from nothing, the largest bubble. */
static gint64
neighbour (KsMatrixCanvas *self,
           double          dx,
           double          dy)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);
  KsMatrixCanvasClass *klass = KS_MATRIX_CANVAS_GET_CLASS (self);
  int from = ks_matrix_layout_find (priv->layout, priv->selected);
  double fx = 0, fy = 0, fr, best = INFINITY;
  gint64 found = 0;
  guint n = ks_matrix_layout_get_n_bubbles (priv->layout);

  if (from < 0 || !ks_matrix_layout_get_bubble (priv->layout, from, &fx, &fy, &fr))
    {
      double largest = -1;

      for (guint i = 0; i < n; i++)
        {
          double cx, cy, r;

          if (ks_matrix_layout_get_bubble (priv->layout, i, &cx, &cy, &r) && r > largest)
            {
              largest = r;
              found = klass->item_id (self, i);
            }
        }
      return found || !klass->arrows_keep_selection ? found : priv->selected;
    }
  for (guint i = 0; i < n; i++)
    {
      double cx, cy, r, along, across, d;

      if ((int) i == from || !ks_matrix_layout_get_bubble (priv->layout, i, &cx, &cy, &r))
        continue;
      along = (cx - fx) * dx + (cy - fy) * dy;
      across = fabs ((cx - fx) * dy - (cy - fy) * dx);
      if (along <= 0 || across > along * 1.732)
        continue;
      d = along + 2 * across;
      if (d < best)
        {
          best = d;
          found = klass->item_id (self, i);
        }
    }
  return found ? found : priv->selected;
}

/* Input may come between a reload and the next frame. */
static void
ensure_layout_for_input (KsMatrixCanvas *self)
{
  if (KS_MATRIX_CANVAS_GET_CLASS (self)->input_builds_layout)
    ensure_layout (self);
}

static void
move_divider (KsMatrixCanvas *self,
              double          x,
              double          y)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);
  double vx, vy, xmin, xmax, ymin, ymax;

  ks_matrix_layout_value_at (priv->layout, x, y, &vx, &vy);
  ks_matrix_layout_get_range (priv->layout, &xmin, &xmax, &ymin, &ymax);
  vx = CLAMP (vx, xmin, xmax);
  vy = CLAMP (vy, ymin, ymax);
  /* whole units on score axes: a divider at 62 reads better than at 61.73 */
  if (xmax - xmin <= 100)
    vx = round (vx);
  if (ymax - ymin <= 100)
    vy = round (vy);
  if (priv->dragging == KS_MATRIX_DRAG_X_DIVIDER)
    ks_matrix_layout_set_dividers (priv->layout, vx, NAN);
  else
    ks_matrix_layout_set_dividers (priv->layout, NAN, vy);
  /* the bubbles stay where they are: only the plot behind them is redrawn */
  g_clear_pointer (&priv->background_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Callbacks */

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           KsMatrixCanvas           *self)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);
  KsMatrixHit hit;

  priv->pointer_x = x;
  priv->pointer_y = y;
  if (!priv->layout || priv->dragging != KS_MATRIX_DRAG_NONE)
    return;
  hit = ks_matrix_layout_hit_test (priv->layout, x, y);
  set_hovered (self, hit.kind == KS_MATRIX_HIT_BUBBLE || hit.kind == KS_MATRIX_HIT_LABEL ? hit.id : 0);
  if (hit.kind == KS_MATRIX_HIT_X_DIVIDER)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "col-resize");
  else if (hit.kind == KS_MATRIX_HIT_Y_DIVIDER)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "row-resize");
  else if (priv->hovered)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  else
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  if (priv->hovered)
    gtk_widget_queue_draw (GTK_WIDGET (self));   /* the card follows the pointer */
}

static void
on_leave (GtkEventControllerMotion *controller,
          KsMatrixCanvas           *self)
{
  set_hovered (self, 0);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            KsMatrixCanvas  *self)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);
  KsMatrixHit hit;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  ensure_layout_for_input (self);
  if (!priv->layout)
    return;
  hit = ks_matrix_layout_hit_test (priv->layout, x, y);
  if (hit.kind == KS_MATRIX_HIT_BUBBLE || hit.kind == KS_MATRIX_HIT_LABEL)
    {
      select_id (self, hit.id);
      if (n_press == 2)
        KS_MATRIX_CANVAS_GET_CLASS (self)->activate (self, hit.id);
    }
  else if (hit.kind == KS_MATRIX_HIT_PLOT || hit.kind == KS_MATRIX_HIT_NONE)
    select_id (self, 0);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               KsMatrixCanvas *self)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);
  KsMatrixHit hit;

  priv->dragging = KS_MATRIX_DRAG_NONE;
  ensure_layout_for_input (self);
  if (!priv->layout)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  hit = ks_matrix_layout_hit_test (priv->layout, x, y);
  if (hit.kind != KS_MATRIX_HIT_X_DIVIDER && hit.kind != KS_MATRIX_HIT_Y_DIVIDER)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  priv->dragging = hit.kind == KS_MATRIX_HIT_X_DIVIDER ? KS_MATRIX_DRAG_X_DIVIDER : KS_MATRIX_DRAG_Y_DIVIDER;
  priv->drag_x = x;
  priv->drag_y = y;
  set_hovered (self, 0);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                KsMatrixCanvas *self)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);

  if (priv->dragging == KS_MATRIX_DRAG_NONE || !priv->layout)
    return;
  move_divider (self, priv->drag_x + dx, priv->drag_y + dy);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             KsMatrixCanvas *self)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);
  double x, y;

  if (priv->dragging == KS_MATRIX_DRAG_NONE || !priv->layout)
    return;
  move_divider (self, priv->drag_x + dx, priv->drag_y + dy);
  priv->dragging = KS_MATRIX_DRAG_NONE;
  g_clear_pointer (&priv->background_node, gsk_render_node_unref);
  ks_matrix_layout_get_dividers (priv->layout, &x, &y);
  /* the model is written once, at the end of the drag */
  g_signal_emit (self, signals[SIGNAL_DIVIDERS_MOVED], 0, x, y);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KsMatrixCanvas        *self)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);

  ensure_layout_for_input (self);
  if (!priv->layout || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      select_id (self, neighbour (self, -1, 0));
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      select_id (self, neighbour (self, 1, 0));
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      select_id (self, neighbour (self, 0, -1));
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      select_id (self, neighbour (self, 0, 1));
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (priv->selected)
        KS_MATRIX_CANVAS_GET_CLASS (self)->activate (self, priv->selected);
      return priv->selected != 0;
    case GDK_KEY_Escape:
      if (!priv->selected)
        return FALSE;
      select_id (self, 0);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Vfuncs */

static int
ks_matrix_canvas_real_find (KsMatrixCanvas *self,
                            gint64          id)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);

  return priv->layout ? ks_matrix_layout_find (priv->layout, id) : -1;
}

static GskRenderNode *
draw_node (KsMatrixCanvas          *self,
           const graphene_rect_t   *bounds,
           const KsMatrixDrawState *state)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);
  GtkSnapshot *s = gtk_snapshot_new ();
  cairo_t *cr = gtk_snapshot_append_cairo (s, bounds);

  ks_matrix_draw (cr, priv->layout, priv->palette, state);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (s);
}

static void
ks_matrix_canvas_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  KsMatrixCanvas *self = KS_MATRIX_CANVAS (widget);
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  KsMatrixDrawState state = { 0 };
  cairo_t *cr;

  ensure_layout (self);
  if (!priv->layout)
    return;

  state.selected_ids = &priv->selected;
  state.n_selected = priv->selected ? 1 : 0;
  state.hover_id = priv->hovered;
  state.focus_id = gtk_widget_has_focus (widget) ? priv->selected : 0;
  state.drag = priv->dragging;
  state.pointer_x = priv->pointer_x;
  state.pointer_y = priv->pointer_y;
  if (priv->card && priv->hovered)
    {
      state.show_card = TRUE;
      state.card_lines = (const char * const *) priv->card->pdata;
      state.n_card_lines = priv->card->len;
    }

  if (!priv->background_node)
    {
      state.layers = KS_MATRIX_LAYER_BACKGROUND;
      priv->background_node = draw_node (self, &bounds, &state);
    }
  if (!priv->bubbles_node)
    {
      state.layers = KS_MATRIX_LAYER_BUBBLES | KS_MATRIX_LAYER_LEGEND;
      priv->bubbles_node = draw_node (self, &bounds, &state);
    }
  if (priv->background_node)
    gtk_snapshot_append_node (snapshot, priv->background_node);
  if (priv->bubbles_node)
    gtk_snapshot_append_node (snapshot, priv->bubbles_node);

  state.layers = KS_MATRIX_LAYER_OVERLAY;
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  ks_matrix_draw (cr, priv->layout, priv->palette, &state);
  cairo_destroy (cr);
}

static void
ks_matrix_canvas_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  KsMatrixCanvas *self = KS_MATRIX_CANVAS (widget);
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);

  if (width != priv->layout_width || height != priv->layout_height)
    drop_layout (self);
}

static void
ks_matrix_canvas_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  KsMatrixCanvas *self = KS_MATRIX_CANVAS (widget);
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);

  GTK_WIDGET_CLASS (ks_matrix_canvas_parent_class)->css_changed (widget, change);
  /* colours and fonts come from the style: light, dark, high contrast */
  g_clear_pointer (&priv->palette, ks_palette_free);
  drop_layout (self);
  gtk_widget_queue_draw (widget);
}

static void
ks_matrix_canvas_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  KsMatrixCanvasClass *klass = KS_MATRIX_CANVAS_GET_CLASS (widget);

  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : 280;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? klass->natural_width : klass->natural_height;
}

static void
ks_matrix_canvas_dispose (GObject *object)
{
  KsMatrixCanvas *self = KS_MATRIX_CANVAS (object);
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);

  drop_layout (self);
  g_clear_pointer (&priv->palette, ks_palette_free);
  g_clear_pointer (&priv->card, g_ptr_array_unref);
  G_OBJECT_CLASS (ks_matrix_canvas_parent_class)->dispose (object);
}

static void
ks_matrix_canvas_class_init (KsMatrixCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_matrix_canvas_dispose;
  widget_class->snapshot = ks_matrix_canvas_snapshot;
  widget_class->size_allocate = ks_matrix_canvas_size_allocate;
  widget_class->css_changed = ks_matrix_canvas_css_changed;
  widget_class->measure = ks_matrix_canvas_measure;
  klass->find = ks_matrix_canvas_real_find;
  klass->natural_width = 800;
  klass->natural_height = 600;

  /**
   * KsMatrixCanvas::selection-changed:
   *
   * The selected item changed (ks_matrix_canvas_get_selected()).
   */
  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * KsMatrixCanvas::dividers-moved:
   * @x_divider: where the vertical divider was let go, data units
   * @y_divider: the horizontal one
   */
  signals[SIGNAL_DIVIDERS_MOVED] =
    g_signal_new ("dividers-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ks_matrix_canvas_init (KsMatrixCanvas *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}

void
ks_matrix_canvas_reload (KsMatrixCanvas *self,
                         gboolean        keep_selected)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);

  g_return_if_fail (KS_IS_MATRIX_CANVAS (self));

  drop_layout (self);
  g_clear_pointer (&priv->card, g_ptr_array_unref);
  priv->hovered = 0;
  if (!keep_selected)
    select_id (self, 0);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const KsPalette *
ks_matrix_canvas_get_palette (KsMatrixCanvas *self)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);

  g_return_val_if_fail (KS_IS_MATRIX_CANVAS (self), NULL);

  if (!priv->palette)
    priv->palette = ks_palette_new_for_widget (GTK_WIDGET (self));
  return priv->palette;
}

gint64
ks_matrix_canvas_get_selected (KsMatrixCanvas *self)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);

  g_return_val_if_fail (KS_IS_MATRIX_CANVAS (self), 0);
  return priv->selected;
}

void
ks_matrix_canvas_set_selected (KsMatrixCanvas *self,
                               gint64          id)
{
  g_return_if_fail (KS_IS_MATRIX_CANVAS (self));
  select_id (self, id);
}

gint64
ks_matrix_canvas_get_hovered (KsMatrixCanvas *self)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);

  g_return_val_if_fail (KS_IS_MATRIX_CANVAS (self), 0);
  return priv->hovered;
}

const KsMatrixLayout *
ks_matrix_canvas_get_layout (KsMatrixCanvas *self)
{
  KsMatrixCanvasPrivate *priv = ks_matrix_canvas_get_instance_private (self);

  g_return_val_if_fail (KS_IS_MATRIX_CANVAS (self), NULL);
  ensure_layout (self);
  return priv->layout;
}
