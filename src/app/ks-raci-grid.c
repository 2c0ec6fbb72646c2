/* ks-raci-grid.c — PLACEHOLDER for the RACI grid until branch raci-grid
 * lands: draws the chart read-only with ks-raci-draw and keeps the header's
 * API (chart, checks, focus, signals) so the RACI page builds and its tests
 * run. On merging raci-grid, take that branch's file as a whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-raci-grid"

#include "config.h"

#include "ks-raci-grid.h"

#include <glib/gi18n.h>

#include "ks-palette.h"
#include "ks-powermap-view.h"
#include "ks-raci-draw.h"

struct _KsRaciGrid
{
  GtkWidget        parent_instance;

  KsWorkspace     *workspace;
  gint64           chart_id;
  gint64           for_account_id;
  KsRaciChart     *chart;
  KsRaciCheck     *check;
  KsRaciGridModel *model;
  KsRaciLayout    *layout;
  int              focus_task;
  int              focus_column;
};

enum
{
  SIGNAL_RELOADED,
  SIGNAL_COLUMN_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KsRaciGrid, ks_raci_grid, GTK_TYPE_WIDGET)

static void
clear (KsRaciGrid *self)
{
  g_clear_pointer (&self->layout, ks_raci_layout_free);
  g_clear_pointer (&self->model, ks_raci_grid_model_free);
  g_clear_pointer (&self->check, ks_raci_check_free);
  g_clear_pointer (&self->chart, ks_raci_chart_free);
}

static void
reload (KsRaciGrid *self)
{
  clear (self);
  if (self->workspace && self->chart_id > 0)
    self->chart = ks_raci_chart_load (self->workspace, self->chart_id, self->for_account_id, NULL);
  if (self->chart)
    {
      g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);

      self->check = ks_raci_check (self->chart);
      self->model = ks_raci_grid_model_from_chart (self->chart, self->check);
      self->layout = ks_raci_layout_new (self->model, palette, 1.0, NULL);
    }
  if (!self->chart || self->focus_task >= (int) self->chart->tasks->len ||
      self->focus_column >= (int) self->chart->columns->len)
    self->focus_task = self->focus_column = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_RELOADED], 0);
}

static void
on_changed (KsRaciGrid *self)
{
  reload (self);
}

static void
ks_raci_grid_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  KsRaciGrid *self = KS_RACI_GRID (widget);
  g_autoptr(KsPalette) palette = NULL;
  KsGridView view = { gtk_widget_get_width (widget), gtk_widget_get_height (widget), 0, 0 };
  KsRaciDrawState state = { KS_GRID_NONE, -1, FALSE };
  cairo_t *cr;

  if (!self->layout)
    return;
  palette = ks_palette_new_for_widget (widget);
  if (self->focus_task >= 0)
    {
      state.focus_row = ks_raci_layout_get_task_row (self->layout, self->focus_task);
      state.focus_column = self->focus_column;
    }
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, view.width, view.height));
  ks_raci_draw (cr, self->layout, &view, palette, &state);
  cairo_destroy (cr);
}

static void
ks_raci_grid_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  KsRaciGrid *self = KS_RACI_GRID (widget);
  double width = 0, height = 0;

  if (self->layout)
    ks_raci_layout_get_size (self->layout, &width, &height);
  *minimum = *natural = (int) (orientation == GTK_ORIENTATION_HORIZONTAL ? width : height);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            KsRaciGrid      *self)
{
  KsGridView view = { gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)), 0, 0 };
  KsRaciHit hit;

  if (!self->layout)
    return;
  hit = ks_raci_layout_hit_test (self->layout, &view, x, y);
  if (hit.kind == KS_RACI_HIT_CELL || hit.kind == KS_RACI_HIT_TASK)
    ks_raci_grid_focus_cell (self, hit.task, hit.kind == KS_RACI_HIT_CELL ? hit.column : -1);
  else if (hit.kind == KS_RACI_HIT_COLUMN && n_press == 2)
    {
      const KsRaciColumn *column = g_ptr_array_index (self->chart->columns, hit.column);

      g_signal_emit (self, signals[SIGNAL_COLUMN_ACTIVATED], 0, column->person_id, column->role);
    }
}

static void
ks_raci_grid_dispose (GObject *object)
{
  KsRaciGrid *self = KS_RACI_GRID (object);

  ks_raci_grid_set_workspace (self, NULL);
  clear (self);
  G_OBJECT_CLASS (ks_raci_grid_parent_class)->dispose (object);
}

static void
ks_raci_grid_class_init (KsRaciGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_raci_grid_dispose;
  widget_class->snapshot = ks_raci_grid_snapshot;
  widget_class->measure = ks_raci_grid_measure;

  signals[SIGNAL_RELOADED] =
    g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_COLUMN_ACTIVATED] =
    g_signal_new ("column-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
ks_raci_grid_init (KsRaciGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->focus_task = self->focus_column = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
ks_raci_grid_new (void)
{
  return g_object_new (KS_TYPE_RACI_GRID, NULL);
}

void
ks_raci_grid_set_workspace (KsRaciGrid  *self,
                            KsWorkspace *workspace)
{
  static const char *const tables[] = {
    "changed::raci_charts", "changed::raci_phases", "changed::raci_tasks",
    "changed::raci_columns", "changed::raci_cells", "changed::account_team", "changed::people",
  };

  g_return_if_fail (KS_IS_RACI_GRID (self));

  if (self->workspace == workspace)
    return;
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  for (guint i = 0; workspace && i < G_N_ELEMENTS (tables); i++)
    g_signal_connect_swapped (workspace, tables[i], G_CALLBACK (on_changed), self);
  self->chart_id = 0;
  reload (self);
}

void
ks_raci_grid_set_chart (KsRaciGrid *self,
                        gint64      chart_id,
                        gint64      for_account_id)
{
  g_return_if_fail (KS_IS_RACI_GRID (self));

  self->chart_id = chart_id;
  self->for_account_id = for_account_id;
  self->focus_task = self->focus_column = -1;
  reload (self);
}

gint64
ks_raci_grid_get_chart_id (KsRaciGrid *self)
{
  g_return_val_if_fail (KS_IS_RACI_GRID (self), 0);
  return self->chart ? self->chart_id : 0;
}

const KsRaciChart *
ks_raci_grid_get_chart (KsRaciGrid *self)
{
  g_return_val_if_fail (KS_IS_RACI_GRID (self), NULL);
  return self->chart;
}

const KsRaciCheck *
ks_raci_grid_get_check (KsRaciGrid *self)
{
  g_return_val_if_fail (KS_IS_RACI_GRID (self), NULL);
  return self->check;
}

gboolean
ks_raci_grid_get_focus (KsRaciGrid *self,
                        int        *task,
                        int        *column)
{
  g_return_val_if_fail (KS_IS_RACI_GRID (self), FALSE);

  if (task)
    *task = self->focus_task;
  if (column)
    *column = self->focus_column;
  return self->focus_task >= 0;
}

void
ks_raci_grid_focus_cell (KsRaciGrid *self,
                         int         task,
                         int         column)
{
  g_return_if_fail (KS_IS_RACI_GRID (self));

  if (!self->chart || task < 0 || task >= (int) self->chart->tasks->len ||
      column >= (int) self->chart->columns->len)
    return;
  self->focus_task = task;
  self->focus_column = MAX (column, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
ks_raci_grid_set_focused_letter (KsRaciGrid    *self,
                                 KsRaciLetter   letter,
                                 GError       **error)
{
  const KsRaciTask *task;
  const KsRaciColumn *column;

  g_return_val_if_fail (KS_IS_RACI_GRID (self), FALSE);

  if (!self->chart || self->focus_task < 0 || self->focus_column < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("No cell is focused"));
      return FALSE;
    }
  task = g_ptr_array_index (self->chart->tasks, self->focus_task);
  column = g_ptr_array_index (self->chart->columns, self->focus_column);
  return ks_raci_cell_set (self->workspace, task->id, column->id, letter, FALSE, error);
}

char *
ks_raci_grid_describe_focus (KsRaciGrid *self)
{
  const KsRaciTask *task;
  const KsRaciColumn *column;
  const char *label;

  g_return_val_if_fail (KS_IS_RACI_GRID (self), NULL);

  if (!self->chart || self->focus_task < 0)
    return g_strdup ("");
  task = g_ptr_array_index (self->chart->tasks, self->focus_task);
  if (self->focus_column < 0)
    return g_strdup (task->name);
  column = g_ptr_array_index (self->chart->columns, self->focus_column);
  label = ks_raci_letter_label (ks_raci_chart_get (self->chart, self->focus_task, self->focus_column));
  return g_strdup_printf ("%s, %s: %s", task->name, column->label, label ? label : _("Empty"));
}
