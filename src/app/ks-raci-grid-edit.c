/* ks-raci-grid-edit.c — writing a RACI chart from its grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Letters into the focused cell, the main R, renaming a task or a phase in
 * place (one GtkText over its name: Enter commits, Escape cancels, an empty
 * name is refused with a message), adding, deleting and moving tasks,
 * phases and columns. Every write is one core call and so one undo step;
 * the grid then reloads at once and focuses what the edit touched. A
 * refused edit writes nothing and says why in a popover at the cell.
 */
#define G_LOG_DOMAIN "ks-raci-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "ks-raci-grid-private.h"

#define MESSAGE_SECONDS 6

/* The message at the cell */

static gboolean
on_message_timeout (gpointer data)
{
  KsRaciGrid *self = data;

  self->message_timeout = 0;
  _ks_raci_grid_show_message (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
point_message (KsRaciGrid *self)
{
  KsGridView view = _ks_raci_grid_get_view (self);
  KsGridRect r = { 0, 0, 1, 1 };

  _ks_raci_grid_ensure_layout (self);
  if (self->layout && (self->focus_row == KS_GRID_HEADER ? self->focus_column >= 0
                                                         : self->focus_row < ks_raci_layout_get_n_rows (self->layout)))
    r = ks_raci_layout_get_cell_rect (self->layout, &view, self->focus_row,
                                      self->focus_row == KS_GRID_HEADER ? MAX (self->focus_column, 0)
                                                                        : self->focus_column);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->message),
                               &(GdkRectangle) { (int) r.x, (int) r.y, (int) MAX (r.width, 1), (int) MAX (r.height, 1) });
}

void
_ks_raci_grid_show_message (KsRaciGrid *self,
                            const char *text)
{
  if (g_strcmp0 (self->message_text, text) == 0)
    return;
  g_free (self->message_text);
  self->message_text = g_strdup (text);
  g_clear_handle_id (&self->message_timeout, g_source_remove);
  if (text)
    {
      gtk_label_set_text (GTK_LABEL (self->message_label), text);
      point_message (self);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        gtk_popover_popup (GTK_POPOVER (self->message));
      self->message_timeout = g_timeout_add_seconds (MESSAGE_SECONDS, on_message_timeout, self);
    }
  else if (gtk_widget_get_visible (self->message))
    gtk_popover_popdown (GTK_POPOVER (self->message));
  if (self->editor)
    {
      if (text && self->editing)
        gtk_widget_add_css_class (self->editor, "error");
      else
        gtk_widget_remove_css_class (self->editor, "error");
    }
  _ks_raci_grid_update_accessible (self);
}

void
_ks_raci_grid_refused (KsRaciGrid   *self,
                       const GError *error)
{
  gtk_widget_error_bell (GTK_WIDGET (self));
  _ks_raci_grid_show_message (self, error ? error->message : NULL);
}

static gboolean
writable (KsRaciGrid  *self,
          GError     **error)
{
  if (!self->workspace || !self->chart)
    {
      g_set_error_literal (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID, _("No RACI chart is shown"));
      return FALSE;
    }
  if (ks_workspace_is_read_only (self->workspace))
    {
      g_set_error_literal (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                           _("The workspace is open read-only"));
      return FALSE;
    }
  return TRUE;
}

/* Letters */

gboolean
_ks_raci_grid_set_letter (KsRaciGrid    *self,
                          KsRaciLetter   letter,
                          gboolean       toggle_main,
                          GError       **error)
{
  g_autoptr(GError) local = NULL;
  int task = _ks_raci_grid_focus_task (self);
  KsRaciTask *t = task_at (self, task);
  KsRaciColumn *col = column_at (self, self->focus_column);
  KsRaciLetter current;
  gboolean main, ok;

  if (!writable (self, &local))
    goto refused;
  if (!t || !col || self->focus_row == KS_GRID_HEADER)
    {
      g_set_error_literal (&local, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                           _("Letters go into a task’s cell under a person or a role"));
      goto refused;
    }
  current = ks_raci_chart_get (self->chart, (guint) task, (guint) self->focus_column);
  main = self->chart->main[(guint) task * self->chart->columns->len + (guint) self->focus_column] != 0;
  if (toggle_main)
    {
      letter = current;
      main = !main;
    }
  else if (letter == current)
    {
      _ks_raci_grid_show_message (self, NULL);
      return TRUE;   /* nothing to change; a main R stays main */
    }
  else
    main = FALSE;

  self->own_edit = TRUE;
  ok = ks_raci_cell_set (self->workspace, t->id, col->id, letter, main, &local);
  self->own_edit = FALSE;
  if (!ok)
    goto refused;
  _ks_raci_grid_reload_focus (self, 0, 0, 0, FALSE);
  return TRUE;

refused:
  _ks_raci_grid_refused (self, local);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* Renaming */

void
_ks_raci_grid_begin_rename (KsRaciGrid *self,
                            const char *initial)
{
  g_autoptr(GError) error = NULL;
  KsRaciTask *t = task_at (self, _ks_raci_grid_focus_task (self));
  KsRaciPhase *p = phase_at (self, _ks_raci_grid_focus_phase (self));
  KsRaciColumn *c = self->focus_row == KS_GRID_HEADER ? column_at (self, self->focus_column) : NULL;

  if (!writable (self, &error))
    {
      _ks_raci_grid_refused (self, error);
      return;
    }
  if (c)
    {
      /* a role's column is renamed in its header; a person's shows their name */
      if (!c->role)
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          _ks_raci_grid_show_message (self, _("This column is a person's and shows their name; "
                                              "add a role's column to name a role"));
          return;
        }
      if (self->editing)
        return;
      self->edit_task_id = self->edit_phase_id = 0;
      self->edit_column_id = c->id;
      self->editing = TRUE;
      self->edit_typed = initial != NULL;
      _ks_raci_grid_show_message (self, NULL);
      _ks_raci_grid_scroll_to_focus (self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Role"), -1);
      ks_grid_editor_show (self->editor, GTK_WIDGET (self), initial ? initial : c->role, !initial);
      _ks_raci_grid_update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  if (!t && !p)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (self->editing)
    return;
  /* the name, wherever the focus was in the row */
  if (t)
    self->focus_column = -1;
  self->edit_task_id = t ? t->id : 0;
  self->edit_phase_id = t ? 0 : p->id;
  self->edit_column_id = 0;
  self->editing = TRUE;
  self->edit_typed = initial != NULL;
  _ks_raci_grid_show_message (self, NULL);
  _ks_raci_grid_scroll_to_focus (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  t ? _("Task name") : _("Phase name"), -1);
  ks_grid_editor_show (self->editor, GTK_WIDGET (self), initial ? initial : t ? t->name : p->name, !initial);
  _ks_raci_grid_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
end_edit (KsRaciGrid *self)
{
  if (!self->editing)
    return;
  self->ending_edit = TRUE;
  self->editing = FALSE;
  self->edit_task_id = self->edit_phase_id = self->edit_column_id = 0;
  _ks_raci_grid_show_message (self, NULL);
  ks_grid_editor_hide (self->editor, GTK_WIDGET (self));
  self->ending_edit = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_ks_raci_grid_cancel_edit (KsRaciGrid *self)
{
  end_edit (self);
}

/* TRUE when stored (or unchanged) and the edit ended; FALSE when refused:
 * the text stays, with a message. */
gboolean
_ks_raci_grid_commit_edit (KsRaciGrid *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 task_id = self->edit_task_id, phase_id = self->edit_phase_id, column_id = self->edit_column_id;
  const char *old = NULL;
  gboolean ok;

  if (!self->editing)
    return TRUE;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor))));
  if (!*name)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      _ks_raci_grid_show_message (self, task_id ? _("A task needs a name")
                                        : column_id ? _("A role needs a name") : _("A phase needs a name"));
      return FALSE;
    }
  if (column_id)
    {
      for (guint i = 0; self->chart && i < self->chart->columns->len; i++)
        if (column_at (self, (int) i)->id == column_id)
          old = column_at (self, (int) i)->role;
      if (g_strcmp0 (old, name) != 0)
        {
          self->own_edit = TRUE;
          ok = ks_raci_column_set_role (self->workspace, column_id, name, &error);
          self->own_edit = FALSE;
          if (!ok)
            {
              _ks_raci_grid_refused (self, error);
              return FALSE;
            }
        }
      end_edit (self);
      _ks_raci_grid_reload_focus (self, 0, 0, column_id, TRUE);
      return TRUE;
    }
  for (guint i = 0; task_id && i < n_tasks (self); i++)
    if (task_at (self, (int) i)->id == task_id)
      old = task_at (self, (int) i)->name;
  for (guint i = 0; phase_id && self->chart && i < self->chart->phases->len; i++)
    if (phase_at (self, (int) i)->id == phase_id)
      old = phase_at (self, (int) i)->name;
  if (g_strcmp0 (old, name) == 0)
    {
      end_edit (self);
      return TRUE;
    }
  self->own_edit = TRUE;
  ok = task_id ? ks_raci_task_rename (self->workspace, task_id, name, &error)
               : ks_raci_phase_rename (self->workspace, phase_id, name, &error);
  self->own_edit = FALSE;
  if (!ok)
    {
      _ks_raci_grid_refused (self, error);
      return FALSE;
    }
  end_edit (self);
  _ks_raci_grid_reload_focus (self, task_id, phase_id, 0, FALSE);
  return TRUE;
}

static void
on_editor_focus_leave (KsRaciGrid *self)
{
  if (!self->editing || self->ending_edit)
    return;
  /* clicking elsewhere commits, as in a spreadsheet; a refused name stays */
  _ks_raci_grid_commit_edit (self);
}

/* Structure */

/* @task's index among its phase's tasks. */
static int
position_in_phase (KsRaciGrid *self,
                   int         task)
{
  guint phase = task_at (self, task)->phase;
  int position = 0;

  for (int i = 0; i < task; i++)
    if (task_at (self, i)->phase == phase)
      position++;
  return position;
}

static guint
tasks_in_phase (KsRaciGrid *self,
                guint       phase)
{
  guint n = 0;

  for (guint i = 0; i < n_tasks (self); i++)
    if (task_at (self, (int) i)->phase == phase)
      n++;
  return n;
}

static gint64
focused_column_id (KsRaciGrid *self)
{
  KsRaciColumn *col = column_at (self, self->focus_column);

  return col ? col->id : 0;
}

/* One core call on @task to @phase at @position, then focus it again. */
static void
move_task (KsRaciGrid *self,
           int         task,
           guint       phase,
           int         position)
{
  g_autoptr(GError) error = NULL;
  KsRaciTask *t = task_at (self, task);
  gint64 column_id = focused_column_id (self);
  int column = self->focus_column;
  gboolean ok;

  if (!writable (self, &error))
    {
      _ks_raci_grid_refused (self, error);
      return;
    }
  self->own_edit = TRUE;
  ok = ks_raci_task_move (self->workspace, t->id, phase_at (self, (int) phase)->id, position, &error);
  self->own_edit = FALSE;
  if (!ok)
    {
      _ks_raci_grid_refused (self, error);
      return;
    }
  _ks_raci_grid_reload_focus (self, t->id, 0, column_id, FALSE);
  if (!column_id)
    _ks_raci_grid_move_focus_to (self, self->focus_row, column);
}

void
_ks_raci_grid_move_task (KsRaciGrid *self,
                         int         task,
                         int         delta)
{
  KsRaciTask *t = task_at (self, task);
  int position;
  guint n_phases;

  if (!t)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  position = position_in_phase (self, task);
  n_phases = self->chart->phases->len;
  if (delta < 0 && position > 0)
    move_task (self, task, t->phase, position - 1);
  else if (delta < 0 && t->phase > 0)
    move_task (self, task, t->phase - 1, (int) tasks_in_phase (self, t->phase - 1));   /* last of the phase above */
  else if (delta > 0 && (guint) position + 1 < tasks_in_phase (self, t->phase))
    move_task (self, task, t->phase, position + 1);
  else if (delta > 0 && t->phase + 1 < n_phases)
    move_task (self, task, t->phase + 1, 0);   /* first of the phase below */
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

void
_ks_raci_grid_move_task_to (KsRaciGrid *self,
                            int         task,
                            int         before_row)
{
  KsRaciTask *t = task_at (self, task);
  guint n_rows = _ks_raci_grid_n_rows (self), index, phase;
  int position;

  if (!t || before_row < 0 || n_tasks (self) == 0)
    return;
  if ((guint) before_row < n_rows &&
      ks_raci_layout_get_row (self->layout, (guint) before_row, &index) == KS_RACI_ROW_TASK)
    {
      /* before that task, in its phase */
      phase = task_at (self, (int) index)->phase;
      position = position_in_phase (self, (int) index);
      if (phase == t->phase && (int) index > task)
        position--;
    }
  else
    {
      /* before a phase's row or at the end: last of the phase above it */
      if ((guint) before_row >= n_rows)
        phase = self->chart->phases->len - 1;
      else
        {
          ks_raci_layout_get_row (self->layout, (guint) before_row, &index);
          phase = index > 0 ? index - 1 : 0;
        }
      position = (int) tasks_in_phase (self, phase);
      if (before_row == 0)
        position = 0;
      else if (phase == t->phase)
        position--;
    }
  if (phase == t->phase && position == position_in_phase (self, task))
    return;   /* where it is */
  move_task (self, task, phase, position);
}

void
_ks_raci_grid_move_phase (KsRaciGrid *self,
                          int         phase,
                          int         delta)
{
  g_autoptr(GError) error = NULL;
  KsRaciPhase *p = phase_at (self, phase);
  gboolean ok;

  if (!p || !phase_at (self, phase + delta))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (!writable (self, &error))
    {
      _ks_raci_grid_refused (self, error);
      return;
    }
  self->own_edit = TRUE;
  ok = ks_raci_phase_move (self->workspace, p->id, phase + delta, &error);
  self->own_edit = FALSE;
  if (!ok)
    _ks_raci_grid_refused (self, error);
  else
    _ks_raci_grid_reload_focus (self, 0, p->id, 0, FALSE);
}

void
_ks_raci_grid_move_column_to (KsRaciGrid *self,
                              int         column,
                              int         position)
{
  g_autoptr(GError) error = NULL;
  KsRaciColumn *col = column_at (self, column);
  gboolean header = self->focus_row == KS_GRID_HEADER, ok;
  KsRaciTask *t = task_at (self, _ks_raci_grid_focus_task (self));

  if (!col || position < 0 || (guint) position >= n_chart_columns (self))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (position == column)
    return;
  if (!writable (self, &error))
    {
      _ks_raci_grid_refused (self, error);
      return;
    }
  self->own_edit = TRUE;
  ok = ks_raci_column_move (self->workspace, col->id, position, &error);
  self->own_edit = FALSE;
  if (!ok)
    _ks_raci_grid_refused (self, error);
  else
    _ks_raci_grid_reload_focus (self, t ? t->id : 0, 0, col->id, header);
}

void
_ks_raci_grid_add_task_below (KsRaciGrid *self)
{
  g_autoptr(GError) error = NULL;
  int task = _ks_raci_grid_focus_task (self), phase = _ks_raci_grid_focus_phase (self);
  int position = 0;
  gint64 id;

  if (!writable (self, &error))
    {
      _ks_raci_grid_refused (self, error);
      return;
    }
  if (task >= 0)
    {
      phase = (int) task_at (self, task)->phase;
      position = position_in_phase (self, task) + 1;
    }
  else if (phase < 0)
    phase = (int) self->chart->phases->len - 1;
  if (!phase_at (self, phase))
    {
      g_set_error_literal (&error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                           _("Add a phase first: tasks belong to a phase"));
      _ks_raci_grid_refused (self, error);
      return;
    }
  self->own_edit = TRUE;
  id = ks_raci_task_add (self->workspace, phase_at (self, phase)->id, _("New task"), position, &error);
  self->own_edit = FALSE;
  if (id <= 0)
    {
      _ks_raci_grid_refused (self, error);
      return;
    }
  _ks_raci_grid_reload_focus (self, id, 0, 0, FALSE);
  _ks_raci_grid_begin_rename (self, NULL);
}

void
_ks_raci_grid_add_phase (KsRaciGrid *self)
{
  g_autoptr(GError) error = NULL;
  int task = _ks_raci_grid_focus_task (self), phase = _ks_raci_grid_focus_phase (self);
  gint64 id;

  if (!writable (self, &error))
    {
      _ks_raci_grid_refused (self, error);
      return;
    }
  if (task >= 0)
    phase = (int) task_at (self, task)->phase;
  self->own_edit = TRUE;
  id = ks_raci_phase_add (self->workspace, self->chart_id, _("New phase"), phase >= 0 ? phase + 1 : -1, &error);
  self->own_edit = FALSE;
  if (id <= 0)
    {
      _ks_raci_grid_refused (self, error);
      return;
    }
  _ks_raci_grid_reload_focus (self, 0, id, 0, FALSE);
  _ks_raci_grid_begin_rename (self, NULL);
}

void
_ks_raci_grid_delete_task (KsRaciGrid *self)
{
  g_autoptr(GError) error = NULL;
  KsRaciTask *t = task_at (self, _ks_raci_grid_focus_task (self));
  gboolean ok;

  if (!t || !writable (self, &error))
    {
      _ks_raci_grid_refused (self, error);
      return;
    }
  self->own_edit = TRUE;
  ok = ks_raci_task_delete (self->workspace, t->id, &error);
  self->own_edit = FALSE;
  if (!ok)
    _ks_raci_grid_refused (self, error);
  else
    _ks_raci_grid_reload_focus (self, 0, 0, 0, FALSE);   /* the same row, now the next one */
}

void
_ks_raci_grid_delete_phase (KsRaciGrid *self)
{
  g_autoptr(GError) error = NULL;
  KsRaciPhase *p = phase_at (self, _ks_raci_grid_focus_phase (self));
  gboolean ok;

  if (!p || !writable (self, &error))
    {
      _ks_raci_grid_refused (self, error);
      return;
    }
  self->own_edit = TRUE;
  ok = ks_raci_phase_delete (self->workspace, p->id, &error);
  self->own_edit = FALSE;
  if (!ok)
    _ks_raci_grid_refused (self, error);
  else
    _ks_raci_grid_reload_focus (self, 0, 0, 0, FALSE);
}

void
_ks_raci_grid_delete_column (KsRaciGrid *self)
{
  g_autoptr(GError) error = NULL;
  KsRaciColumn *col = column_at (self, self->focus_column);
  gboolean ok;

  if (!col || !writable (self, &error))
    {
      _ks_raci_grid_refused (self, error);
      return;
    }
  self->own_edit = TRUE;
  ok = ks_raci_column_delete (self->workspace, col->id, &error);
  self->own_edit = FALSE;
  if (!ok)
    _ks_raci_grid_refused (self, error);
  else
    _ks_raci_grid_reload_focus (self, 0, 0, 0, FALSE);
}

void
_ks_raci_grid_init_editor (KsRaciGrid *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->editor = ks_grid_editor_new (widget, _("Name"), G_CALLBACK (on_editor_focus_leave));

  /* the message at the cell: it takes neither the focus nor the clicks */
  self->message = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->message), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->message), GTK_POS_BOTTOM);
  gtk_widget_set_can_focus (self->message, FALSE);
  gtk_widget_set_can_target (self->message, FALSE);
  self->message_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->message_label), 40);
  gtk_label_set_xalign (GTK_LABEL (self->message_label), 0);
  gtk_popover_set_child (GTK_POPOVER (self->message), self->message_label);
  gtk_widget_add_css_class (self->message, "raci-message");
  gtk_widget_set_parent (self->message, widget);
}
