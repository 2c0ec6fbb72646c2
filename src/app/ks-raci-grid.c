/* ks-raci-grid.c — one RACI chart as a spreadsheet: tasks × people/roles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core loads the chart and checks it (ks-raci.h); render turns both into a
 * plain model, lays it out once per load (ks-raci-layout.c) and draws only
 * the view per frame (ks-raci-draw.c). This widget holds them, maps the
 * focused cell to the chart, and turns keys, clicks and drags into core's
 * edits, one undo step each. Our own edits reload at once and focus what
 * they made; every other change (undo, redo, imports, other views, the
 * account team, people's names) reloads on idle, keeping the focused task
 * and column by id and the scroll offsets.
 *
 * This file is the widget: loading, layout, drawing, scrolling, tooltips,
 * accessibility and the public API. Letters, renaming, the message at the
 * cell and the structural edits are in ks-raci-grid-edit.c; keys, clicks,
 * drags and the context menu in ks-raci-grid-input.c; the instance is in
 * ks-raci-grid-private.h.
 */
#define G_LOG_DOMAIN "ks-raci-grid"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ks-powermap-view.h"   /* ks_palette_new_for_widget() */
#include "ks-raci-grid-private.h"

enum
{
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum
{
  SIGNAL_RELOADED,
  SIGNAL_COLUMN_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (KsRaciGrid, ks_raci_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* Layout and view */

static void
ensure_palette (KsRaciGrid *self)
{
  if (!self->palette)
    self->palette = ks_palette_new_for_widget (GTK_WIDGET (self));
}

void
_ks_raci_grid_ensure_layout (KsRaciGrid *self)
{
  if (self->layout || !self->model)
    return;
  ensure_palette (self);
  self->layout = ks_raci_layout_new (self->model, self->palette, 1.0,
                                     gtk_widget_get_pango_context (GTK_WIDGET (self)));
}

static void
invalidate_layout (KsRaciGrid *self)
{
  g_clear_pointer (&self->layout, ks_raci_layout_free);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

KsGridView
_ks_raci_grid_get_view (KsRaciGrid *self)
{
  return ks_grid_scroll_get_view (&self->scroll, GTK_WIDGET (self));
}

guint
_ks_raci_grid_n_rows (KsRaciGrid *self)
{
  _ks_raci_grid_ensure_layout (self);
  return self->layout ? ks_raci_layout_get_n_rows (self->layout) : 0;
}

int
_ks_raci_grid_focus_task (KsRaciGrid *self)
{
  guint index;

  if (self->focus_row == KS_GRID_HEADER || self->focus_row >= _ks_raci_grid_n_rows (self))
    return -1;
  if (ks_raci_layout_get_row (self->layout, self->focus_row, &index) != KS_RACI_ROW_TASK)
    return -1;
  return (int) index;
}

int
_ks_raci_grid_focus_phase (KsRaciGrid *self)
{
  guint index;

  if (self->focus_row == KS_GRID_HEADER || self->focus_row >= _ks_raci_grid_n_rows (self))
    return -1;
  if (ks_raci_layout_get_row (self->layout, self->focus_row, &index) != KS_RACI_ROW_PHASE)
    return -1;
  return (int) index;
}

/* Accessibility */

static char *
describe_column (KsRaciColumn *col)
{
  if (col->role && col->resolved_name)
    /* Translators: a role column and the person holding it: "Sales coordinator (Anna Snelling)" */
    return g_strdup_printf (_("%s (%s)"), col->role, col->resolved_name);
  return g_strdup (col->label);
}

static char *
describe_focus (KsRaciGrid *self)
{
  KsRaciColumn *col = column_at (self, self->focus_column);
  int task = _ks_raci_grid_focus_task (self), phase = _ks_raci_grid_focus_phase (self);
  g_autofree char *column = col ? describe_column (col) : NULL;
  KsRaciTask *t;
  KsRaciLetter letter;

  if (!self->chart)
    return g_strdup (self->load_error ? self->load_error : _("No RACI chart"));
  if (n_tasks (self) == 0 && self->focus_row != KS_GRID_HEADER && phase < 0)
    return g_strdup (_("No tasks"));
  if (self->focus_row == KS_GRID_HEADER && col)
    {
      KsRaciLoad *load = (guint) self->focus_column < self->check->n_load ? &self->check->load[self->focus_column] : NULL;

      if (!load)
        return g_steal_pointer (&column);
      if (self->chart->arsci)
        /* Translators: a column's header: who, then how many of each letter */
        return g_strdup_printf (_("%s, column: R %u, A %u, S %u, C %u, I %u"), column,
                                load->r, load->a, load->s, load->c, load->i);
      /* Translators: a column's header: who, then how many of each letter */
      return g_strdup_printf (_("%s, column: R %u, A %u, C %u, I %u"), column, load->r, load->a, load->c, load->i);
    }
  if (phase >= 0)
    /* Translators: the focused phase row of a RACI chart */
    return g_strdup_printf (_("Phase %s"), phase_at (self, phase)->name);
  if (!(t = task_at (self, task)))
    return g_strdup (_("No tasks"));
  if (!col)
    {
      const char *problem = self->model->tasks[task].message;

      if (problem)
        /* Translators: the focused task's name, then its first problem */
        return g_strdup_printf (_("Task %s; %s"), t->name, problem);
      /* Translators: the focused task's name in a RACI chart */
      return g_strdup_printf (_("Task %s"), t->name);
    }
  letter = ks_raci_chart_get (self->chart, (guint) task, (guint) self->focus_column);
  if (letter == KS_RACI_EMPTY)
    /* Translators: an empty RACI cell: task, person or role: no letter */
    return g_strdup_printf (_("%s, %s: no letter"), t->name, column);
  if (letter == KS_RACI_R && self->chart->main[task * self->chart->columns->len + (guint) self->focus_column])
    /* Translators: task, person: the main Responsible */
    return g_strdup_printf (_("%s, %s: %s, main"), t->name, column, ks_raci_letter_label (letter));
  /* Translators: task, person: "Responsible" (the letter's label) */
  return g_strdup_printf (_("%s, %s: %s"), t->name, column, ks_raci_letter_label (letter));
}

void
_ks_raci_grid_update_accessible (KsRaciGrid *self)
{
  g_autofree char *text = describe_focus (self);
  g_autofree char *description = NULL;

  if (self->message_text)
    {
      g_autofree char *cell = g_steal_pointer (&text);

      text = g_strdup_printf ("%s. %s", cell, self->message_text);
    }
  if (self->chart)
    /* Translators: the RACI grid's accessible description: the chart's name */
    description = g_strdup_printf (_("RACI chart %s"), self->chart->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : _("RACI chart"),
                                  -1);
}

/* Focus */

void
_ks_raci_grid_scroll_to_focus (KsRaciGrid *self)
{
  KsGridView view;
  double sx, sy;

  _ks_raci_grid_ensure_layout (self);
  if (!self->layout || self->focus_column < -1)
    return;
  if (self->focus_row == KS_GRID_HEADER ? self->focus_column < 0
                                        : self->focus_row >= ks_raci_layout_get_n_rows (self->layout))
    return;
  view = _ks_raci_grid_get_view (self);
  if (view.width <= 0 || view.height <= 0)
    return;
  ks_raci_layout_scroll_to_cell (self->layout, &view, self->focus_row, self->focus_column, &sx, &sy);
  if (self->focus_row == KS_GRID_HEADER)
    sy = view.scroll_y;   /* the header is always in view */
  ks_grid_scroll_to (&self->scroll, &view, sx, sy);
}

void
_ks_raci_grid_move_focus_to (KsRaciGrid *self,
                             guint       row,
                             int         column)
{
  guint n_rows = _ks_raci_grid_n_rows (self);
  int n_cols = (int) n_chart_columns (self);

  column = CLAMP (column, -1, n_cols - 1);
  if (row == KS_GRID_HEADER)
    {
      if (column < 0)
        column = n_cols > 0 ? 0 : -1;
      if (column < 0)
        row = 0;
    }
  else if (n_rows == 0)
    row = 0;
  else
    row = MIN (row, n_rows - 1);
  if (row != self->focus_row || column != self->focus_column)
    {
      self->focus_row = row;
      self->focus_column = column;
      _ks_raci_grid_show_message (self, NULL);
    }
  _ks_raci_grid_scroll_to_focus (self);
  _ks_raci_grid_update_accessible (self);
  _ks_raci_grid_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Loading */

static void
clear_chart (KsRaciGrid *self)
{
  g_clear_pointer (&self->layout, ks_raci_layout_free);
  g_clear_pointer (&self->model, ks_raci_grid_model_free);
  g_clear_pointer (&self->check, ks_raci_check_free);
  g_clear_pointer (&self->chart, ks_raci_chart_free);
}

void
_ks_raci_grid_reload_focus (KsRaciGrid *self,
                            gint64      task_id,
                            gint64      phase_id,
                            gint64      column_id,
                            gboolean    header)
{
  g_autoptr(GError) error = NULL;
  KsRaciTask *t;
  KsRaciPhase *p;
  KsRaciColumn *c;
  guint row = self->focus_row;
  int column = self->focus_column;
  gboolean keep_header = self->focus_row == KS_GRID_HEADER;

  /* what is focused now, by id, unless told */
  if (!task_id && !phase_id && !column_id && !header)
    {
      if ((t = task_at (self, _ks_raci_grid_focus_task (self))))
        task_id = t->id;
      else if ((p = phase_at (self, _ks_raci_grid_focus_phase (self))))
        phase_id = p->id;
      if ((c = column_at (self, self->focus_column)))
        column_id = c->id;
      header = keep_header;
    }

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  if (self->editing)
    _ks_raci_grid_cancel_edit (self);
  clear_chart (self);
  g_clear_pointer (&self->load_error, g_free);
  if (self->workspace && self->chart_id > 0)
    {
      self->chart = ks_raci_chart_load (self->workspace, self->chart_id, self->for_account_id, &error);
      if (!self->chart)
        {
          g_warning ("The RACI chart could not be loaded: %s", error->message);
          self->load_error = g_strdup (error->message);
        }
      else
        {
          self->check = ks_raci_check (self->chart);
          self->model = ks_raci_grid_model_from_chart (self->chart, self->check);
        }
    }
  _ks_raci_grid_ensure_layout (self);

  /* the same task, phase and column again, else the same place */
  if (column_id)
    for (guint i = 0; i < n_chart_columns (self); i++)
      if (column_at (self, (int) i)->id == column_id)
        column = (int) i;
  if (header)
    row = KS_GRID_HEADER;
  else if (self->layout && task_id)
    {
      for (guint i = 0; i < n_tasks (self); i++)
        if (task_at (self, (int) i)->id == task_id)
          row = ks_raci_layout_get_task_row (self->layout, i);
    }
  else if (self->layout && phase_id)
    {
      for (guint i = 0; self->chart && i < self->chart->phases->len; i++)
        if (phase_at (self, (int) i)->id == phase_id)
          row = ks_raci_layout_get_phase_row (self->layout, i);
    }
  self->focus_row = G_MAXUINT - 1;   /* so the message goes and all is updated */
  _ks_raci_grid_move_focus_to (self, row, column);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_RELOADED], 0);
}

static gboolean
reload_on_idle (gpointer data)
{
  KsRaciGrid *self = data;

  self->reload_idle = 0;
  _ks_raci_grid_reload_focus (self, 0, 0, 0, FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_workspace_changed (KsRaciGrid  *self,
                      const char  *table,
                      KsWorkspace *workspace)
{
  static const char *const tables[] = {
    "raci_charts", "raci_phases", "raci_tasks", "raci_columns", "raci_cells",
    "account_team", "people", "accounts",
  };

  if (self->own_edit || self->chart_id <= 0)
    return;   /* our own edits reload at once */
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (table, tables[i]))
      {
        if (!self->reload_idle)
          /* before the next frame's layout, so it shows the new data */
          self->reload_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_on_idle, self, NULL);
        return;
      }
}

/* Callbacks */

static void
on_style_changed (KsRaciGrid *self)
{
  g_clear_pointer (&self->palette, ks_palette_free);
  invalidate_layout (self);
}

static void
on_adjustment_changed (KsRaciGrid *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_query_tooltip (KsRaciGrid *self,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  KsGridView view;
  KsRaciHit hit;
  KsGridRect r;
  g_autofree char *text = NULL;

  if (!self->layout)
    return FALSE;
  view = _ks_raci_grid_get_view (self);
  hit = ks_raci_layout_hit_test (self->layout, &view, x, y);
  switch (hit.kind)
    {
    case KS_RACI_HIT_TASK:
    case KS_RACI_HIT_CELL:
      if (!self->model->tasks[hit.task].message)
        return FALSE;
      text = g_strdup (self->model->tasks[hit.task].message);
      r = ks_raci_layout_get_cell_rect (self->layout, &view, hit.row, hit.column);
      break;
    case KS_RACI_HIT_COLUMN:
    case KS_RACI_HIT_LOAD:
      {
        KsRaciColumn *col = column_at (self, hit.column);

        if (!col)
          return FALSE;
        text = describe_column (col);
        for (guint i = 0; i < self->check->findings->len; i++)
          {
            KsRaciFinding *f = g_ptr_array_index (self->check->findings, i);

            if (f->task < 0 && f->column == hit.column)
              {
                g_autofree char *head = g_steal_pointer (&text);

                text = g_strdup_printf ("%s\n%s", head, f->message);
              }
          }
        r = ks_raci_layout_get_cell_rect (self->layout, &view, KS_GRID_HEADER, hit.column);
      }
      break;
    default:
      return FALSE;
    }
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) r.x, (int) r.y, (int) r.width, (int) r.height });
  return TRUE;
}

/* Scrollable */

static void
configure_adjustments (KsRaciGrid *self,
                       int         width,
                       int         height)
{
  double w = 0, h = 0, row_h = 20;

  if (self->layout)
    {
      ks_raci_layout_get_size (self->layout, &w, &h);
      row_h = ks_raci_layout_get_row_height (self->layout);
    }
  ks_grid_scroll_configure (&self->scroll, width, height, w, h, row_h);
}

/* Vfuncs */

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
  double w = 0, h = 0;

  _ks_raci_grid_ensure_layout (self);
  *minimum = *natural = 0;
  if (!self->layout)
    return;
  ks_raci_layout_get_size (self->layout, &w, &h);
  /* A chart without tasks is shorter than a header and one row. */
  ks_grid_scroll_measure (orientation, w, h, ks_raci_layout_get_column_width (self->layout, -1),
                          ks_raci_layout_get_header_height (self->layout) +
                          ks_raci_layout_get_row_height (self->layout),
                          minimum, natural);
}

/* The rename editor's rectangle: the name cell, the phase's name, or the
 * role's header. */
static KsGridRect
editor_rect (KsRaciGrid *self)
{
  KsGridView view = _ks_raci_grid_get_view (self);
  KsGridRect r;

  if (self->focus_row == KS_GRID_HEADER && self->edit_column_id)
    return ks_raci_layout_get_cell_rect (self->layout, &view, KS_GRID_HEADER, self->focus_column);
  if (self->focus_row == KS_GRID_HEADER || self->focus_row >= ks_raci_layout_get_n_rows (self->layout))
    return (KsGridRect) { 0, 0, 1, 1 };
  r = ks_raci_layout_get_cell_rect (self->layout, &view, self->focus_row, -1);
  r.width = MIN (r.width, MAX (2 * ks_raci_layout_get_column_width (self->layout, -1), 1));
  return r;
}

static void
ks_raci_grid_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  KsRaciGrid *self = KS_RACI_GRID (widget);

  _ks_raci_grid_ensure_layout (self);
  configure_adjustments (self, width, height);

  if (self->editing && self->layout)
    {
      KsGridRect r = editor_rect (self);

      ks_grid_editor_allocate (self->editor, &r, round (ks_raci_layout_get_row_height (self->layout) * 0.2));
    }
  if (gtk_widget_get_visible (self->message))
    gtk_popover_present (GTK_POPOVER (self->message));
  if (gtk_widget_get_visible (self->menu))
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
ks_raci_grid_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  KsRaciGrid *self = KS_RACI_GRID (widget);
  KsGridView view = _ks_raci_grid_get_view (self);
  KsRaciDrawState state = { KS_GRID_NONE, -1, FALSE, -1, -1 };
  cairo_t *cr;

  if (view.width <= 0 || view.height <= 0)
    return;
  _ks_raci_grid_ensure_layout (self);
  ensure_palette (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, view.width, view.height));
  if (self->layout)
    {
      state.focus_row = self->focus_row;
      state.focus_column = self->focus_column;
      if (self->focus_row != KS_GRID_HEADER && self->focus_row >= ks_raci_layout_get_n_rows (self->layout))
        state.focus_row = KS_GRID_NONE, state.focus_column = -1;
      state.focused = gtk_widget_has_focus (widget) || (self->editing && gtk_widget_has_focus (self->editor)) ||
                      gtk_widget_get_visible (self->menu);
      if (self->drag == KS_RACI_DRAG_TASK && self->drag_to >= 0)
        state.drop_row = self->drag_to;
      else if (self->drag == KS_RACI_DRAG_COLUMN && self->drag_to >= 0)
        state.drop_column = self->drag_to;
      ks_raci_draw (cr, self->layout, &view, self->palette, &state);
    }
  if (!self->layout || n_tasks (self) == 0)
    {
      /* what the empty grid means, under the header */
      PangoLayout *text = gtk_widget_create_pango_layout (widget,
                                                          self->load_error ? self->load_error
                                                          : !self->chart ? _("No RACI chart")
                                                          : self->chart->phases->len
                                                          ? _("No tasks yet: Add Task Below from the phase's menu")
                                                          : _("No phases yet: Add Phase from the menu"));
      double y = self->layout ? ks_raci_layout_get_header_height (self->layout) +
                                  self->chart->phases->len * ks_raci_layout_get_row_height (self->layout) + 12
                              : 12;

      ks_color_set_source (cr, &self->palette->muted);
      cairo_move_to (cr, 12, y);
      pango_cairo_show_layout (cr, text);
      g_object_unref (text);
    }
  cairo_destroy (cr);

  if (self->editing && self->layout)
    {
      KsGridRect body = ks_raci_layout_get_body_rect (self->layout, &view);

      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, body.y, view.width, body.height));
      gtk_widget_snapshot_child (widget, self->editor, snapshot);
      gtk_snapshot_pop (snapshot);
    }
}

static gboolean
ks_raci_grid_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  KsRaciGrid *self = KS_RACI_GRID (widget);

  if (self->editing)
    return gtk_widget_child_focus (self->editor, direction);
  if (gtk_widget_is_focus (widget))
    return FALSE;   /* Tab out of the grid goes on to the next widget */
  return gtk_widget_grab_focus (widget);
}

static void
ks_raci_grid_dispose (GObject *object)
{
  KsRaciGrid *self = KS_RACI_GRID (object);

  if (self->editing)
    _ks_raci_grid_cancel_edit (self);
  ks_raci_grid_set_workspace (self, NULL);
  g_clear_handle_id (&self->reload_idle, g_source_remove);
  g_clear_handle_id (&self->message_timeout, g_source_remove);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  ks_grid_scroll_clear (&self->scroll, GTK_WIDGET (self));
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->message, gtk_widget_unparent);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  clear_chart (self);
  G_OBJECT_CLASS (ks_raci_grid_parent_class)->dispose (object);
}

static void
ks_raci_grid_finalize (GObject *object)
{
  KsRaciGrid *self = KS_RACI_GRID (object);

  g_clear_pointer (&self->palette, ks_palette_free);
  g_free (self->load_error);
  g_free (self->message_text);
  G_OBJECT_CLASS (ks_raci_grid_parent_class)->finalize (object);
}

static void
ks_raci_grid_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KsRaciGrid *self = KS_RACI_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
    case PROP_VADJUSTMENT:
    case PROP_HSCROLL_POLICY:
    case PROP_VSCROLL_POLICY:
      ks_grid_scroll_get_property (&self->scroll, prop_id - PROP_HADJUSTMENT, value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_raci_grid_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KsRaciGrid *self = KS_RACI_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
    case PROP_VADJUSTMENT:
    case PROP_HSCROLL_POLICY:
    case PROP_VSCROLL_POLICY:
      ks_grid_scroll_set_property (&self->scroll, GTK_WIDGET (self), prop_id - PROP_HADJUSTMENT, value, pspec,
                                   G_CALLBACK (on_adjustment_changed));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_raci_grid_class_init (KsRaciGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_raci_grid_dispose;
  object_class->finalize = ks_raci_grid_finalize;
  object_class->get_property = ks_raci_grid_get_property;
  object_class->set_property = ks_raci_grid_set_property;
  widget_class->measure = ks_raci_grid_measure;
  widget_class->size_allocate = ks_raci_grid_size_allocate;
  widget_class->snapshot = ks_raci_grid_snapshot;
  widget_class->focus = ks_raci_grid_focus;

  ks_grid_scroll_override_properties (object_class, PROP_HADJUSTMENT);

  /**
   * KsRaciGrid::reloaded:
   *
   * The chart was (re)loaded: ks_raci_grid_get_chart() and
   * ks_raci_grid_get_check() may have changed.
   */
  signals[SIGNAL_RELOADED] =
    g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * KsRaciGrid::column-activated:
   * @person_id: the column's person (a role's resolved one), 0 = none
   * @role: the column's role, or NULL for a person's column
   *
   * A column's header was activated (double click, Enter).
   */
  signals[SIGNAL_COLUMN_ACTIVATED] =
    g_signal_new ("column-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  _ks_raci_grid_class_add_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "racigrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
ks_raci_grid_init (KsRaciGrid *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->tab_start_column = -2;
  self->focus_column = 0;
  self->drag_to = -1;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);

  _ks_raci_grid_init_editor (self);
  _ks_raci_grid_init_input (self);

  g_signal_connect_swapped (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);

  _ks_raci_grid_update_accessible (self);
  _ks_raci_grid_update_actions (self);
}

/* Public API */

GtkWidget *
ks_raci_grid_new (void)
{
  return g_object_new (KS_TYPE_RACI_GRID, NULL);
}

void
ks_raci_grid_set_workspace (KsRaciGrid  *self,
                            KsWorkspace *workspace)
{
  g_return_if_fail (KS_IS_RACI_GRID (self));
  g_return_if_fail (!workspace || KS_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (self->editing)
    _ks_raci_grid_cancel_edit (self);
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace)
    g_signal_connect_object (workspace, "changed", G_CALLBACK (on_workspace_changed),
                             self, G_CONNECT_SWAPPED);
  self->chart_id = 0;
  self->for_account_id = 0;
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  _ks_raci_grid_reload_focus (self, 0, 0, 0, FALSE);
}

void
ks_raci_grid_set_chart (KsRaciGrid *self,
                        gint64      chart_id,
                        gint64      for_account_id)
{
  g_return_if_fail (KS_IS_RACI_GRID (self));

  if (self->editing && !_ks_raci_grid_commit_edit (self))
    _ks_raci_grid_cancel_edit (self);
  if (self->chart_id != chart_id)
    {
      /* a new chart starts at its first cell, scrolled home */
      self->focus_row = 0;
      self->focus_column = 0;
      ks_grid_scroll_home (&self->scroll);
      clear_chart (self);
    }
  self->chart_id = MAX (chart_id, 0);
  self->for_account_id = MAX (for_account_id, 0);
  _ks_raci_grid_reload_focus (self, 0, 0, 0, FALSE);
  if (self->chart && self->focus_row == 0 && n_tasks (self) > 0)
    {
      /* the first task's first cell, not the phase above it */
      guint row = ks_raci_layout_get_task_row (self->layout, 0);

      if (_ks_raci_grid_focus_task (self) < 0 && row != KS_GRID_NONE)
        _ks_raci_grid_move_focus_to (self, row, self->focus_column);
    }
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
  int t;

  g_return_val_if_fail (KS_IS_RACI_GRID (self), FALSE);

  t = _ks_raci_grid_focus_task (self);
  if (task)
    *task = t;
  if (column)
    *column = self->focus_column;
  return t >= 0;
}

void
ks_raci_grid_focus_cell (KsRaciGrid *self,
                         int         task,
                         int         column)
{
  g_return_if_fail (KS_IS_RACI_GRID (self));

  if (!task_at (self, task))
    return;
  if (self->editing && !_ks_raci_grid_commit_edit (self))
    return;
  self->tab_start_column = -2;
  _ks_raci_grid_move_focus_to (self, ks_raci_layout_get_task_row (self->layout, (guint) task), column);
}

gboolean
ks_raci_grid_set_focused_letter (KsRaciGrid    *self,
                                 KsRaciLetter   letter,
                                 GError       **error)
{
  g_return_val_if_fail (KS_IS_RACI_GRID (self), FALSE);
  return _ks_raci_grid_set_letter (self, letter, FALSE, error);
}

char *
ks_raci_grid_describe_focus (KsRaciGrid *self)
{
  g_return_val_if_fail (KS_IS_RACI_GRID (self), NULL);
  return describe_focus (self);
}

/* Added beside the interface: for the page, menus and tests. */

/* Whether a rename is in progress. */
gboolean
ks_raci_grid_is_editing (KsRaciGrid *self)
{
  g_return_val_if_fail (KS_IS_RACI_GRID (self), FALSE);
  return self->editing;
}

/* The message shown at the focused cell (a refused letter or name), or NULL. */
const char *
ks_raci_grid_get_message (KsRaciGrid *self)
{
  g_return_val_if_fail (KS_IS_RACI_GRID (self), NULL);
  return self->message_text;
}

/* Focuses a column's header (as the load bar's problems do). */
void
ks_raci_grid_focus_column_header (KsRaciGrid *self,
                                  int         column)
{
  g_return_if_fail (KS_IS_RACI_GRID (self));

  if (!column_at (self, column))
    return;
  if (self->editing && !_ks_raci_grid_commit_edit (self))
    return;
  _ks_raci_grid_move_focus_to (self, KS_GRID_HEADER, column);
}

/* Emits "column-activated" for @column. */
void
_ks_raci_grid_activate_column (KsRaciGrid *self,
                               int         column)
{
  KsRaciColumn *col = column_at (self, column);

  if (col)
    g_signal_emit (self, signals[SIGNAL_COLUMN_ACTIVATED], 0,
                   col->person_id ? col->person_id : col->resolved_id, col->role);
}
