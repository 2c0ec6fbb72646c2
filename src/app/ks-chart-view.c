/* ks-chart-view.c — a drawn chart of the portfolio review: the ABC curve
 * or the ranking of two periods
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lays the chart out at the widget's size through render (ks-abc-chart,
 * ks-ranking-chart), keeps the picture as a GskRenderNode, and draws the
 * hovered account on top. A double click opens the account.
 */
#define G_LOG_DOMAIN "ks-chart-view"

#include "config.h"

#include "ks-chart-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ks-abc-chart.h"
#include "ks-powermap-view.h"
#include "ks-ranking-chart.h"

typedef enum
{
  KIND_NONE,
  KIND_ABC,
  KIND_RANKING,
} Kind;

struct _KsChartView
{
  GtkWidget          parent_instance;

  Kind               kind;
  const KsAbcReport *abc;
  const KsRanking   *ranking;
  char              *before, *after;

  KsPalette         *palette;
  KsAbcChart        *abc_layout;
  KsRankingChart    *ranking_layout;
  int                width, height;
  GskRenderNode     *node;
  gint64             hovered;
  double             pointer_x, pointer_y;
};

enum
{
  SIGNAL_ACCOUNT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KsChartView, ks_chart_view, GTK_TYPE_WIDGET)

static void
drop_layout (KsChartView *self)
{
  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_clear_pointer (&self->abc_layout, ks_abc_chart_free);
  g_clear_pointer (&self->ranking_layout, ks_ranking_chart_free);
}

static gboolean
ensure_layout (KsChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if ((self->abc_layout || self->ranking_layout) && width == self->width && height == self->height)
    return TRUE;
  drop_layout (self);
  if (width <= 0 || height <= 0)
    return FALSE;
  if (!self->palette)
    self->palette = ks_palette_new_for_widget (GTK_WIDGET (self));
  self->width = width;
  self->height = height;
  if (self->kind == KIND_ABC && self->abc)
    self->abc_layout = ks_abc_chart_new (self->abc, self->palette, width, height, NULL);
  else if (self->kind == KIND_RANKING && self->ranking)
    self->ranking_layout = ks_ranking_chart_new (self->ranking, self->before, self->after,
                                                 KS_RANKING_VALUE_SCORE, self->palette,
                                                 width, height, NULL);
  return self->abc_layout || self->ranking_layout;
}

static gint64
hit_id (KsChartView *self,
        double       x,
        double       y)
{
  if (!ensure_layout (self))
    return 0;
  if (self->abc_layout)
    {
      int row = ks_abc_chart_hit_test (self->abc_layout, x, y);

      return row >= 0 ? g_array_index (self->abc->rows, KsAbcRow, row).id : 0;
    }
  return ks_ranking_chart_hit_test (self->ranking_layout, x, y);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           KsChartView              *self)
{
  gint64 id = hit_id (self, x, y);

  self->pointer_x = x;
  self->pointer_y = y;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), id ? "pointer" : NULL);
  if (id != self->hovered || id)
    {
      self->hovered = id;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          KsChartView              *self)
{
  if (self->hovered)
    {
      self->hovered = 0;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            KsChartView     *self)
{
  gint64 id = hit_id (self, x, y);

  if (n_press == 2 && id)
    g_signal_emit (self, signals[SIGNAL_ACCOUNT_ACTIVATED], 0, id);
}

static void
ks_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  KsChartView *self = KS_CHART_VIEW (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                               gtk_widget_get_height (widget));
  cairo_t *cr;

  if (!ensure_layout (self))
    return;
  if (!self->node)
    {
      GtkSnapshot *s = gtk_snapshot_new ();

      cr = gtk_snapshot_append_cairo (s, &bounds);
      if (self->abc_layout)
        ks_abc_chart_draw (cr, self->abc_layout, self->palette, 0, 0, 0);
      else
        ks_ranking_chart_draw (cr, self->ranking_layout, self->palette, 0);
      cairo_destroy (cr);
      self->node = gtk_snapshot_free_to_node (s);
    }
  if (self->node)
    gtk_snapshot_append_node (snapshot, self->node);
  if (self->hovered)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      if (self->abc_layout)
        ks_abc_chart_draw_hover (cr, self->abc_layout, self->palette, self->hovered,
                                 self->pointer_x, self->pointer_y);
      else
        ks_ranking_chart_draw_hover (cr, self->ranking_layout, self->palette, self->hovered);
      cairo_destroy (cr);
    }
}

static void
ks_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  KsChartView *self = KS_CHART_VIEW (widget);

  if (width != self->width || height != self->height)
    drop_layout (self);
}

static void
ks_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  KsChartView *self = KS_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (ks_chart_view_parent_class)->css_changed (widget, change);
  g_clear_pointer (&self->palette, ks_palette_free);
  drop_layout (self);
  gtk_widget_queue_draw (widget);
}

static void
ks_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

static void
ks_chart_view_dispose (GObject *object)
{
  KsChartView *self = KS_CHART_VIEW (object);

  drop_layout (self);
  g_clear_pointer (&self->palette, ks_palette_free);
  g_clear_pointer (&self->before, g_free);
  g_clear_pointer (&self->after, g_free);
  G_OBJECT_CLASS (ks_chart_view_parent_class)->dispose (object);
}

static void
ks_chart_view_class_init (KsChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_chart_view_dispose;
  widget_class->snapshot = ks_chart_view_snapshot;
  widget_class->size_allocate = ks_chart_view_size_allocate;
  widget_class->css_changed = ks_chart_view_css_changed;
  widget_class->measure = ks_chart_view_measure;

  /**
   * KsChartView::account-activated:
   * @account_id: the account double-clicked
   */
  signals[SIGNAL_ACCOUNT_ACTIVATED] =
    g_signal_new ("account-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "portfolio-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ks_chart_view_init (KsChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
ks_chart_view_new (void)
{
  return g_object_new (KS_TYPE_CHART_VIEW, NULL);
}

void
ks_chart_view_set_abc (KsChartView       *self,
                       const KsAbcReport *report)
{
  g_return_if_fail (KS_IS_CHART_VIEW (self));

  drop_layout (self);
  self->kind = KIND_ABC;
  self->abc = report;
  self->hovered = 0;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("ABC analysis: cumulative share of revenue"), -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ks_chart_view_set_ranking (KsChartView     *self,
                           const KsRanking *ranking,
                           const char      *before,
                           const char      *after)
{
  g_return_if_fail (KS_IS_CHART_VIEW (self));

  drop_layout (self);
  self->kind = KIND_RANKING;
  self->ranking = ranking;
  g_free (self->before);
  g_free (self->after);
  self->before = g_strdup (before ? before : _("No earlier period"));
  self->after = g_strdup (after ? after : "");
  self->hovered = 0;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Ranking by weighted score"), -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
ks_chart_view_get_hovered (KsChartView *self)
{
  g_return_val_if_fail (KS_IS_CHART_VIEW (self), 0);
  return self->hovered;
}
