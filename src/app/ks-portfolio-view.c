/* ks-portfolio-view.c — the portfolio matrix canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks render for the layout at the widget's size (ks-portfolio-model fills
 * it from core's KsPortfolio), keeps the static layers (axes, quadrants,
 * trails, bubbles, labels, legend) as a GskRenderNode and draws only the
 * overlay (hover ring and card, selection, focus, a divider being dragged)
 * on every frame. A click selects, a double click (or Enter) opens the
 * account, dragging a divider moves it and saves it on release; arrow keys
 * move the selection to the nearest bubble in that direction.
 */
#define G_LOG_DOMAIN "ks-portfolio-view"

#include "config.h"

#include "ks-portfolio-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ks-app-util.h"
#include "ks-portfolio-draw.h"
#include "ks-portfolio-model.h"
#include "ks-powermap-view.h"

struct _KsPortfolioView
{
  GtkWidget          parent_instance;

  const KsPortfolio *portfolio;
  KsMatrixModel      model;
  gboolean           has_model;
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
};

enum
{
  SIGNAL_ACCOUNT_ACTIVATED,
  SIGNAL_DIVIDERS_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KsPortfolioView, ks_portfolio_view, GTK_TYPE_WIDGET)

/* Helpers */

static const KsPortfolioItem *
item_at (KsPortfolioView *self,
         int              index)
{
  if (!self->portfolio || index < 0 || (guint) index >= self->portfolio->items->len)
    return NULL;
  return &g_array_index (self->portfolio->items, KsPortfolioItem, index);
}

static void
drop_static (KsPortfolioView *self)
{
  g_clear_pointer (&self->background_node, gsk_render_node_unref);
  g_clear_pointer (&self->bubbles_node, gsk_render_node_unref);
}

static void
drop_layout (KsPortfolioView *self)
{
  drop_static (self);
  g_clear_pointer (&self->layout, ks_matrix_layout_free);
}

static void
ensure_palette (KsPortfolioView *self)
{
  if (!self->palette)
    self->palette = ks_palette_new_for_widget (GTK_WIDGET (self));
}

static void
ensure_layout (KsPortfolioView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->layout && width == self->layout_width && height == self->layout_height)
    return;
  drop_layout (self);
  if (!self->has_model || width <= 0 || height <= 0)
    return;
  ensure_palette (self);
  self->layout = ks_matrix_layout_new (&self->model.spec,
                                       (const KsBubble *) self->model.bubbles->data,
                                       self->model.bubbles->len, self->palette, width, height, NULL);
  self->layout_width = width;
  self->layout_height = height;
}

static const char *
quadrant_label (const KsPortfolio *p,
                int                quadrant)
{
  if (quadrant < 0 || quadrant > 3)
    return NULL;
  return p->quadrants[quadrant];
}

static char *
format_value (double value)
{
  if (isnan (value))
    return g_strdup ("—");
  return ks_format_number (value, fabs (value) >= 1000 || value == floor (value) ? 0 : 1);
}

static GPtrArray *
card_lines (KsPortfolioView *self,
            int              index)
{
  const KsPortfolio *p = self->portfolio;
  const KsPortfolioItem *item = item_at (self, index);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  if (!item)
    return lines;
  x = format_value (item->x);
  y = format_value (item->y);
  g_ptr_array_add (lines, g_strdup_printf ("%s: %s", p->x_label, x));
  g_ptr_array_add (lines, g_strdup_printf ("%s: %s", p->y_label, y));
  if (!isnan (item->weighted))
    {
      g_autofree char *score = ks_format_number (item->weighted, 1);

      /* Translators: hover card, e.g. "Weighted score 63.5 (good)" */
      g_ptr_array_add (lines, g_strdup_printf (_("Weighted score %s (%s)"), score,
                                               ks_score_band_label (item->band)));
    }
  if (item->revenue > 0)
    {
      g_autofree char *revenue = ks_format_number (item->revenue, 0);

      /* Translators: hover card, e.g. "Revenue 1,234,567 · class A" */
      g_ptr_array_add (lines, g_strdup_printf (_("Revenue %s · class %s"), revenue,
                                               ks_abc_class_name (item->klass)));
    }
  else
    /* Translators: hover card, e.g. "No revenue · class C" */
    g_ptr_array_add (lines, g_strdup_printf (_("No revenue · class %s"), ks_abc_class_name (item->klass)));
  if (item->owner && *item->owner)
    /* Translators: hover card, the key account manager */
    g_ptr_array_add (lines, g_strdup_printf (_("Owner: %s"), item->owner));
  if (quadrant_label (p, item->quadrant))
    g_ptr_array_add (lines, g_strdup (quadrant_label (p, item->quadrant)));
  if (p->compare && item->prev_quadrant >= 0 && item->prev_quadrant != item->quadrant)
    {
      const char *before = quadrant_label (p, item->prev_quadrant);

      g_ptr_array_add (lines, before
                                /* Translators: hover card, e.g. "Moved from Retain since 2026-Q2" */
                                ? g_strdup_printf (_("Moved from %s since %s"), before, p->compare)
                                : g_strdup_printf (_("Changed quadrant since %s"), p->compare));
    }
  return lines;
}

static void
update_accessible (KsPortfolioView *self)
{
  int index = self->layout ? ks_matrix_layout_find (self->layout, self->selected) : -1;
  g_autoptr(GPtrArray) lines = card_lines (self, index);
  const KsPortfolioItem *item = item_at (self, index);
  g_autoptr(GString) text = g_string_new (item ? item->name : NULL);

  for (guint i = 0; i < lines->len; i++)
    ks_string_append_part (text, g_ptr_array_index (lines, i));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->len ? text->str : _("No account selected"), -1);
}

static void
set_hovered (KsPortfolioView *self,
             gint64           id)
{
  if (self->hovered == id)
    return;
  self->hovered = id;
  g_clear_pointer (&self->card, g_ptr_array_unref);
  if (id && self->layout)
    self->card = card_lines (self, ks_matrix_layout_find (self->layout, id));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
select_id (KsPortfolioView *self,
           gint64           id)
{
  if (self->selected == id)
    return;
  self->selected = id;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The placed bubble nearest in direction (@dx, @dy) from the selected one
 * (within 60° of it); from nothing, the largest bubble. */
static gint64
neighbour (KsPortfolioView *self,
           double           dx,
           double           dy)
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
              found = g_array_index (self->model.bubbles, KsBubble, i).id;
            }
        }
      return found;
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
          found = g_array_index (self->model.bubbles, KsBubble, i).id;
        }
    }
  return found ? found : self->selected;
}

/* Callbacks */

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           KsPortfolioView          *self)
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
          KsPortfolioView          *self)
{
  set_hovered (self, 0);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            KsPortfolioView *self)
{
  KsMatrixHit hit;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!self->layout)
    return;
  hit = ks_matrix_layout_hit_test (self->layout, x, y);
  if (hit.kind == KS_MATRIX_HIT_BUBBLE || hit.kind == KS_MATRIX_HIT_LABEL)
    {
      select_id (self, hit.id);
      if (n_press == 2)
        g_signal_emit (self, signals[SIGNAL_ACCOUNT_ACTIVATED], 0, hit.id);
    }
  else if (hit.kind == KS_MATRIX_HIT_PLOT || hit.kind == KS_MATRIX_HIT_NONE)
    select_id (self, 0);
}

static void
on_drag_begin (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               KsPortfolioView *self)
{
  KsMatrixHit hit;

  self->dragging = KS_MATRIX_DRAG_NONE;
  if (!self->layout)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  hit = ks_matrix_layout_hit_test (self->layout, x, y);
  if (hit.kind != KS_MATRIX_HIT_X_DIVIDER && hit.kind != KS_MATRIX_HIT_Y_DIVIDER)
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
move_divider (KsPortfolioView *self,
              double           x,
              double           y)
{
  double vx, vy, xmin, xmax, ymin, ymax;

  ks_matrix_layout_value_at (self->layout, x, y, &vx, &vy);
  ks_matrix_layout_get_range (self->layout, &xmin, &xmax, &ymin, &ymax);
  vx = CLAMP (vx, xmin, xmax);
  vy = CLAMP (vy, ymin, ymax);
  /* whole units on score axes: a divider at 62 reads better than at 61.73 */
  if (xmax - xmin <= 100)
    vx = round (vx);
  if (ymax - ymin <= 100)
    vy = round (vy);
  if (self->dragging == KS_MATRIX_DRAG_X_DIVIDER)
    ks_matrix_layout_set_dividers (self->layout, vx, NAN);
  else
    ks_matrix_layout_set_dividers (self->layout, NAN, vy);
  /* the bubbles stay where they are: only the plot behind them is redrawn */
  g_clear_pointer (&self->background_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                KsPortfolioView *self)
{
  if (self->dragging == KS_MATRIX_DRAG_NONE || !self->layout)
    return;
  move_divider (self, self->drag_x + dx, self->drag_y + dy);
}

static void
on_drag_end (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             KsPortfolioView *self)
{
  double x, y;

  if (self->dragging == KS_MATRIX_DRAG_NONE || !self->layout)
    return;
  move_divider (self, self->drag_x + dx, self->drag_y + dy);
  self->dragging = KS_MATRIX_DRAG_NONE;
  g_clear_pointer (&self->background_node, gsk_render_node_unref);
  ks_matrix_layout_get_dividers (self->layout, &x, &y);
  /* the model is written once, at the end of the drag */
  g_signal_emit (self, signals[SIGNAL_DIVIDERS_MOVED], 0, x, y);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KsPortfolioView       *self)
{
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
        g_signal_emit (self, signals[SIGNAL_ACCOUNT_ACTIVATED], 0, self->selected);
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
draw_node (KsPortfolioView         *self,
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
ks_portfolio_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  KsPortfolioView *self = KS_PORTFOLIO_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
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
ks_portfolio_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  KsPortfolioView *self = KS_PORTFOLIO_VIEW (widget);

  if (width != self->layout_width || height != self->layout_height)
    drop_layout (self);
}

static void
ks_portfolio_view_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  KsPortfolioView *self = KS_PORTFOLIO_VIEW (widget);

  GTK_WIDGET_CLASS (ks_portfolio_view_parent_class)->css_changed (widget, change);
  /* colours and fonts come from the style: light, dark, high contrast */
  g_clear_pointer (&self->palette, ks_palette_free);
  if (self->portfolio)
    {
      ensure_palette (self);
      if (self->has_model)
        ks_matrix_model_clear (&self->model);
      ks_matrix_model_init (&self->model, self->portfolio, self->palette);
      self->has_model = TRUE;
    }
  drop_layout (self);
  gtk_widget_queue_draw (widget);
}

static void
ks_portfolio_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : 280;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 960 : 640;
}

static void
ks_portfolio_view_dispose (GObject *object)
{
  KsPortfolioView *self = KS_PORTFOLIO_VIEW (object);

  drop_layout (self);
  if (self->has_model)
    ks_matrix_model_clear (&self->model);
  self->has_model = FALSE;
  self->portfolio = NULL;
  g_clear_pointer (&self->palette, ks_palette_free);
  g_clear_pointer (&self->card, g_ptr_array_unref);
  G_OBJECT_CLASS (ks_portfolio_view_parent_class)->dispose (object);
}

static void
ks_portfolio_view_class_init (KsPortfolioViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_portfolio_view_dispose;
  widget_class->snapshot = ks_portfolio_view_snapshot;
  widget_class->size_allocate = ks_portfolio_view_size_allocate;
  widget_class->css_changed = ks_portfolio_view_css_changed;
  widget_class->measure = ks_portfolio_view_measure;

  /**
   * KsPortfolioView::account-activated:
   * @account_id: the account double-clicked, or chosen with Enter
   */
  signals[SIGNAL_ACCOUNT_ACTIVATED] =
    g_signal_new ("account-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * KsPortfolioView::dividers-moved:
   * @x_divider: where the vertical divider was let go, data units
   * @y_divider: the horizontal one
   */
  signals[SIGNAL_DIVIDERS_MOVED] =
    g_signal_new ("dividers-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_css_name (widget_class, "portfolio-matrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ks_portfolio_view_init (KsPortfolioView *self)
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

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Portfolio matrix"), -1);
}

GtkWidget *
ks_portfolio_view_new (void)
{
  return g_object_new (KS_TYPE_PORTFOLIO_VIEW, NULL);
}

void
ks_portfolio_view_set_portfolio (KsPortfolioView   *self,
                                 const KsPortfolio *portfolio)
{
  g_return_if_fail (KS_IS_PORTFOLIO_VIEW (self));

  drop_layout (self);
  if (self->has_model)
    ks_matrix_model_clear (&self->model);
  self->has_model = FALSE;
  self->portfolio = portfolio;
  g_clear_pointer (&self->card, g_ptr_array_unref);
  self->hovered = 0;
  if (portfolio)
    {
      gboolean found = FALSE;

      ensure_palette (self);
      ks_matrix_model_init (&self->model, portfolio, self->palette);
      self->has_model = TRUE;
      for (guint i = 0; i < portfolio->items->len; i++)
        if (g_array_index (portfolio->items, KsPortfolioItem, i).account_id == self->selected)
          found = TRUE;
      if (!found)
        self->selected = 0;
    }
  else
    self->selected = 0;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
ks_portfolio_view_get_selected (KsPortfolioView *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_VIEW (self), 0);
  return self->selected;
}

void
ks_portfolio_view_set_selected (KsPortfolioView *self,
                                gint64           account_id)
{
  g_return_if_fail (KS_IS_PORTFOLIO_VIEW (self));
  select_id (self, account_id);
}

gint64
ks_portfolio_view_get_hovered (KsPortfolioView *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_VIEW (self), 0);
  return self->hovered;
}

const KsMatrixLayout *
ks_portfolio_view_get_layout (KsPortfolioView *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_VIEW (self), NULL);
  ensure_layout (self);
  return self->layout;
}

GPtrArray *
ks_portfolio_view_card_lines (KsPortfolioView *self,
                              guint            index)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_VIEW (self), NULL);
  return card_lines (self, index);
}
