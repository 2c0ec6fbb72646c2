/* ks-evaluation-view.c — the opportunity evaluation matrix canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks render (ks-evaluation-chart) for the layout at the widget's size,
 * keeps the static layers as GskRenderNodes and draws only the overlay
 * (hover ring and card, selection, focus, a divider being dragged) on
 * every frame, as the portfolio matrix does. A click selects, a double
 * click (or Enter) activates; dragging a divider moves it and emits
 * "dividers-moved" once, on release; arrow keys move the selection to the
 * nearest bubble in that direction.
 */
#define G_LOG_DOMAIN "ks-evaluation-view"

#include "config.h"

#include "ks-evaluation-view.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ks-app-util.h"
#include "ks-evaluation-chart.h"
#include "ks-portfolio-draw.h"
#include "ks-powermap-view.h"

struct _KsEvaluationView
{
  GtkWidget           parent_instance;

  const KsEvaluation *evaluation;
  GArray             *bubbles;         /* KsEvalBubble, one per item */
  KsMatrixLayout     *layout;
  KsPalette          *palette;
  GskRenderNode      *background_node; /* plot, quadrants, axes, dividers */
  GskRenderNode      *bubbles_node;    /* bubbles, labels, legend */
  int                 layout_width, layout_height;

  gint64              selected;
  gint64              hovered;
  double              pointer_x, pointer_y;
  GPtrArray          *card;            /* the hover card's lines */
  KsMatrixDrag        dragging;
  double              drag_x, drag_y;
};

enum
{
  SIGNAL_SELECTION_CHANGED,
  SIGNAL_OPPORTUNITY_ACTIVATED,
  SIGNAL_DIVIDERS_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KsEvaluationView, ks_evaluation_view, GTK_TYPE_WIDGET)

/* Helpers */

static const KsEvalItem *
item_at (KsEvaluationView *self,
         int               index)
{
  if (!self->evaluation || index < 0 || (guint) index >= self->evaluation->items->len)
    return NULL;
  return &g_array_index (self->evaluation->items, KsEvalItem, index);
}

static void
drop_layout (KsEvaluationView *self)
{
  g_clear_pointer (&self->background_node, gsk_render_node_unref);
  g_clear_pointer (&self->bubbles_node, gsk_render_node_unref);
  g_clear_pointer (&self->layout, ks_matrix_layout_free);
}

static void
ensure_layout (KsEvaluationView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  KsEvalChartInput input;

  if (self->layout && width == self->layout_width && height == self->layout_height)
    return;
  drop_layout (self);
  if (!self->evaluation || width <= 0 || height <= 0)
    return;
  if (!self->palette)
    self->palette = ks_palette_new_for_widget (GTK_WIDGET (self));
  input = (KsEvalChartInput) {
    .chance_divider = self->evaluation->chance_divider,
    .attractiveness_divider = self->evaluation->attractiveness_divider,
    .stages = (const char * const *) self->evaluation->stages->pdata,
    .n_stages = self->evaluation->stages->len,
    .bubbles = (const KsEvalBubble *) self->bubbles->data,
    .n_bubbles = self->bubbles->len,
  };
  self->layout = ks_eval_chart_layout (&input, self->palette, width, height, NULL);
  self->layout_width = width;
  self->layout_height = height;
}

static char *
format_axis (double value)
{
  return isnan (value) ? g_strdup (_("not scored")) : ks_format_number (value, 1);
}

static GPtrArray *
card_lines (KsEvaluationView *self,
            int               index)
{
  const KsEvalItem *item = item_at (self, index);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *chance = NULL;
  g_autofree char *attractiveness = NULL;

  if (!item)
    return lines;
  chance = format_axis (item->chance);
  attractiveness = format_axis (item->attractiveness);
  if (*item->account)
    g_ptr_array_add (lines, g_strdup (item->account));
  /* Translators: hover card, e.g. "OPP-12 · Proposal with price" */
  g_ptr_array_add (lines, g_strdup_printf (_("%s · %s"), item->ref, item->stage));
  if (!isnan (item->value))
    {
      g_autofree char *value = ks_format_number (item->value, 0);

      /* Translators: hover card, the opportunity's value */
      g_ptr_array_add (lines, g_strdup_printf (_("Value %s"), value));
    }
  else
    g_ptr_array_add (lines, g_strdup (_("No value")));
  g_ptr_array_add (lines, g_strdup_printf ("%s: %s", ks_eval_axis_label (KS_EVAL_CHANCE), chance));
  g_ptr_array_add (lines, g_strdup_printf ("%s: %s", ks_eval_axis_label (KS_EVAL_ATTRACTIVENESS), attractiveness));
  g_ptr_array_add (lines, g_strdup (ks_eval_quadrant_name (item->quadrant)));
  return lines;
}

static void
update_accessible (KsEvaluationView *self)
{
  int index = self->evaluation ? ks_evaluation_find (self->evaluation, self->selected) : -1;
  g_autoptr(GPtrArray) lines = card_lines (self, index);
  const KsEvalItem *item = item_at (self, index);
  g_autoptr(GString) text = g_string_new (item ? (*item->title ? item->title : item->ref) : NULL);

  for (guint i = 0; i < lines->len; i++)
    ks_string_append_part (text, g_ptr_array_index (lines, i));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->len ? text->str : _("No opportunity selected"), -1);
}

static void
set_hovered (KsEvaluationView *self,
             gint64            id)
{
  if (self->hovered == id)
    return;
  self->hovered = id;
  g_clear_pointer (&self->card, g_ptr_array_unref);
  if (id && self->evaluation)
    self->card = card_lines (self, ks_evaluation_find (self->evaluation, id));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
select_id (KsEvaluationView *self,
           gint64            id)
{
  if (self->selected == id)
    return;
  self->selected = id;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

/* The placed bubble nearest in direction (@dx, @dy) from the selected one
 * (within 60° of it); from nothing, the largest bubble. */
static gint64
neighbour (KsEvaluationView *self,
           double            dx,
           double            dy)
{
  int from = ks_matrix_layout_find (self->layout, self->selected);
  double fx = 0, fy = 0, fr, best = INFINITY;
  gint64 found = 0;
  guint n = ks_matrix_layout_get_n_bubbles (self->layout);

  if (from < 0 || !ks_matrix_layout_get_bubble (self->layout, from, &fx, &fy, &fr))
    {
      double largest = -1;

      for (guint i = 0; i < n; i++)
        {
          double cx, cy, r;

          if (ks_matrix_layout_get_bubble (self->layout, i, &cx, &cy, &r) && r > largest)
            {
              largest = r;
              found = g_array_index (self->bubbles, KsEvalBubble, i).id;
            }
        }
      return found ? found : self->selected;
    }
  for (guint i = 0; i < n; i++)
    {
      double cx, cy, r, along, across, d;

      if ((int) i == from || !ks_matrix_layout_get_bubble (self->layout, i, &cx, &cy, &r))
        continue;
      along = (cx - fx) * dx + (cy - fy) * dy;
      across = fabs ((cx - fx) * dy - (cy - fy) * dx);
      if (along <= 0 || across > along * 1.732)
        continue;
      d = along + 2 * across;
      if (d < best)
        {
          best = d;
          found = g_array_index (self->bubbles, KsEvalBubble, i).id;
        }
    }
  return found ? found : self->selected;
}

/* Callbacks */

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           KsEvaluationView         *self)
{
  KsMatrixHit hit;

  self->pointer_x = x;
  self->pointer_y = y;
  if (!self->layout || self->dragging != KS_MATRIX_DRAG_NONE)
    return;
  hit = ks_matrix_layout_hit_test (self->layout, x, y);
  set_hovered (self, hit.kind == KS_MATRIX_HIT_BUBBLE || hit.kind == KS_MATRIX_HIT_LABEL ? hit.id : 0);
  if (hit.kind == KS_MATRIX_HIT_X_DIVIDER)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "col-resize");
  else if (hit.kind == KS_MATRIX_HIT_Y_DIVIDER)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "row-resize");
  else if (self->hovered)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  else
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  if (self->hovered)
    gtk_widget_queue_draw (GTK_WIDGET (self));   /* the card follows the pointer */
}

static void
on_leave (GtkEventControllerMotion *controller,
          KsEvaluationView         *self)
{
  set_hovered (self, 0);
}

static void
on_pressed (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            KsEvaluationView *self)
{
  KsMatrixHit hit;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  ensure_layout (self);
  if (!self->layout)
    return;
  hit = ks_matrix_layout_hit_test (self->layout, x, y);
  if (hit.kind == KS_MATRIX_HIT_BUBBLE || hit.kind == KS_MATRIX_HIT_LABEL)
    {
      select_id (self, hit.id);
      if (n_press == 2)
        g_signal_emit (self, signals[SIGNAL_OPPORTUNITY_ACTIVATED], 0, hit.id);
    }
  else if (hit.kind == KS_MATRIX_HIT_PLOT || hit.kind == KS_MATRIX_HIT_NONE)
    select_id (self, 0);
}

static void
on_drag_begin (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               KsEvaluationView *self)
{
  KsMatrixHit hit = { KS_MATRIX_HIT_NONE, -1, 0 };

  self->dragging = KS_MATRIX_DRAG_NONE;
  ensure_layout (self);
  if (self->layout)
    hit = ks_matrix_layout_hit_test (self->layout, x, y);
  if (!self->layout || (hit.kind != KS_MATRIX_HIT_X_DIVIDER && hit.kind != KS_MATRIX_HIT_Y_DIVIDER))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->dragging = hit.kind == KS_MATRIX_HIT_X_DIVIDER ? KS_MATRIX_DRAG_X_DIVIDER : KS_MATRIX_DRAG_Y_DIVIDER;
  self->drag_x = x;
  self->drag_y = y;
  set_hovered (self, 0);
}

static void
move_divider (KsEvaluationView *self,
              double            x,
              double            y)
{
  double vx, vy;

  ks_matrix_layout_value_at (self->layout, x, y, &vx, &vy);
  /* whole points of 0–100: a divider at 62 reads better than at 61.73 */
  vx = round (CLAMP (vx, 0, 100));
  vy = round (CLAMP (vy, 0, 100));
  if (self->dragging == KS_MATRIX_DRAG_X_DIVIDER)
    ks_matrix_layout_set_dividers (self->layout, vx, NAN);
  else
    ks_matrix_layout_set_dividers (self->layout, NAN, vy);
  /* the bubbles stay where they are: only the plot behind them is redrawn */
  g_clear_pointer (&self->background_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag   *gesture,
                double            dx,
                double            dy,
                KsEvaluationView *self)
{
  if (self->dragging == KS_MATRIX_DRAG_NONE || !self->layout)
    return;
  move_divider (self, self->drag_x + dx, self->drag_y + dy);
}

static void
on_drag_end (GtkGestureDrag   *gesture,
             double            dx,
             double            dy,
             KsEvaluationView *self)
{
  double chance, attractiveness;

  if (self->dragging == KS_MATRIX_DRAG_NONE || !self->layout)
    return;
  move_divider (self, self->drag_x + dx, self->drag_y + dy);
  self->dragging = KS_MATRIX_DRAG_NONE;
  g_clear_pointer (&self->background_node, gsk_render_node_unref);
  ks_matrix_layout_get_dividers (self->layout, &chance, &attractiveness);
  /* the workspace is written once, at the end of the drag */
  g_signal_emit (self, signals[SIGNAL_DIVIDERS_MOVED], 0, chance, attractiveness);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KsEvaluationView      *self)
{
  ensure_layout (self);   /* a reload drops it until the next frame */
  if (!self->layout || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
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
      if (self->selected)
        g_signal_emit (self, signals[SIGNAL_OPPORTUNITY_ACTIVATED], 0, self->selected);
      return self->selected != 0;
    case GDK_KEY_Escape:
      if (!self->selected)
        return FALSE;
      select_id (self, 0);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Vfuncs */

static GskRenderNode *
draw_node (KsEvaluationView        *self,
           const graphene_rect_t   *bounds,
           const KsMatrixDrawState *state)
{
  GtkSnapshot *s = gtk_snapshot_new ();
  cairo_t *cr = gtk_snapshot_append_cairo (s, bounds);

  ks_matrix_draw (cr, self->layout, self->palette, state);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (s);
}

static void
ks_evaluation_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  KsEvaluationView *self = KS_EVALUATION_VIEW (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  KsMatrixDrawState state = { 0 };
  cairo_t *cr;

  ensure_layout (self);
  if (!self->layout)
    return;

  state.selected_ids = &self->selected;
  state.n_selected = self->selected ? 1 : 0;
  state.hover_id = self->hovered;
  state.focus_id = gtk_widget_has_focus (widget) ? self->selected : 0;
  state.drag = self->dragging;
  state.pointer_x = self->pointer_x;
  state.pointer_y = self->pointer_y;
  if (self->card && self->hovered)
    {
      state.show_card = TRUE;
      state.card_lines = (const char * const *) self->card->pdata;
      state.n_card_lines = self->card->len;
    }

  if (!self->background_node)
    {
      state.layers = KS_MATRIX_LAYER_BACKGROUND;
      self->background_node = draw_node (self, &bounds, &state);
    }
  if (!self->bubbles_node)
    {
      state.layers = KS_MATRIX_LAYER_BUBBLES | KS_MATRIX_LAYER_LEGEND;
      self->bubbles_node = draw_node (self, &bounds, &state);
    }
  if (self->background_node)
    gtk_snapshot_append_node (snapshot, self->background_node);
  if (self->bubbles_node)
    gtk_snapshot_append_node (snapshot, self->bubbles_node);

  state.layers = KS_MATRIX_LAYER_OVERLAY;
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  ks_matrix_draw (cr, self->layout, self->palette, &state);
  cairo_destroy (cr);
}

static void
ks_evaluation_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  KsEvaluationView *self = KS_EVALUATION_VIEW (widget);

  if (width != self->layout_width || height != self->layout_height)
    drop_layout (self);
}

static void
ks_evaluation_view_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  KsEvaluationView *self = KS_EVALUATION_VIEW (widget);

  GTK_WIDGET_CLASS (ks_evaluation_view_parent_class)->css_changed (widget, change);
  /* colours and fonts come from the style: light, dark, high contrast */
  g_clear_pointer (&self->palette, ks_palette_free);
  drop_layout (self);
  gtk_widget_queue_draw (widget);
}

static void
ks_evaluation_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : 280;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

static void
ks_evaluation_view_dispose (GObject *object)
{
  KsEvaluationView *self = KS_EVALUATION_VIEW (object);

  drop_layout (self);
  self->evaluation = NULL;
  g_clear_pointer (&self->bubbles, g_array_unref);
  g_clear_pointer (&self->palette, ks_palette_free);
  g_clear_pointer (&self->card, g_ptr_array_unref);
  G_OBJECT_CLASS (ks_evaluation_view_parent_class)->dispose (object);
}

static void
ks_evaluation_view_class_init (KsEvaluationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_evaluation_view_dispose;
  widget_class->snapshot = ks_evaluation_view_snapshot;
  widget_class->size_allocate = ks_evaluation_view_size_allocate;
  widget_class->css_changed = ks_evaluation_view_css_changed;
  widget_class->measure = ks_evaluation_view_measure;

  /**
   * KsEvaluationView::selection-changed:
   *
   * The selected opportunity changed (ks_evaluation_view_get_selected()).
   */
  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * KsEvaluationView::opportunity-activated:
   * @id: the opportunity double-clicked, or chosen with Enter
   */
  signals[SIGNAL_OPPORTUNITY_ACTIVATED] =
    g_signal_new ("opportunity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * KsEvaluationView::dividers-moved:
   * @chance: where the vertical divider was let go, 0–100
   * @attractiveness: the horizontal one
   */
  signals[SIGNAL_DIVIDERS_MOVED] =
    g_signal_new ("dividers-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_css_name (widget_class, "evaluation-matrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ks_evaluation_view_init (KsEvaluationView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->bubbles = g_array_new (FALSE, TRUE, sizeof (KsEvalBubble));
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

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Opportunity evaluation matrix"), -1);
}

GtkWidget *
ks_evaluation_view_new (void)
{
  return g_object_new (KS_TYPE_EVALUATION_VIEW, NULL);
}

void
ks_evaluation_view_set_evaluation (KsEvaluationView   *self,
                                   const KsEvaluation *evaluation)
{
  gboolean keep = FALSE;

  g_return_if_fail (KS_IS_EVALUATION_VIEW (self));

  drop_layout (self);
  self->evaluation = evaluation;
  g_array_set_size (self->bubbles, 0);
  g_clear_pointer (&self->card, g_ptr_array_unref);
  self->hovered = 0;
  for (guint i = 0; evaluation && i < evaluation->items->len; i++)
    {
      const KsEvalItem *item = &g_array_index (evaluation->items, KsEvalItem, i);
      KsEvalBubble b = {
        .id = item->id,
        .label = *item->title ? item->title : item->ref,
        .chance = item->chance,
        .attractiveness = item->attractiveness,
        .value = item->value,
        .stage = item->stage_index,
      };

      g_array_append_val (self->bubbles, b);
      keep |= item->id == self->selected;
    }
  if (!keep)
    select_id (self, 0);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
ks_evaluation_view_get_selected (KsEvaluationView *self)
{
  g_return_val_if_fail (KS_IS_EVALUATION_VIEW (self), 0);
  return self->selected;
}

void
ks_evaluation_view_set_selected (KsEvaluationView *self,
                                 gint64            id)
{
  g_return_if_fail (KS_IS_EVALUATION_VIEW (self));
  select_id (self, id);
}

gint64
ks_evaluation_view_get_hovered (KsEvaluationView *self)
{
  g_return_val_if_fail (KS_IS_EVALUATION_VIEW (self), 0);
  return self->hovered;
}

const KsMatrixLayout *
ks_evaluation_view_get_layout (KsEvaluationView *self)
{
  g_return_val_if_fail (KS_IS_EVALUATION_VIEW (self), NULL);
  ensure_layout (self);
  return self->layout;
}

GPtrArray *
ks_evaluation_view_card_lines (KsEvaluationView *self,
                               guint             index)
{
  g_return_val_if_fail (KS_IS_EVALUATION_VIEW (self), NULL);
  return card_lines (self, index);
}
