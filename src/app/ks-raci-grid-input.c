/* ks-raci-grid-input.c — keys, clicks, drags and the context menu of the RACI grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Moving the focus like a spreadsheet (arrows, Home/End, Page Up/Down; Tab
 * and Shift+Tab through every letter cell, row by row, and out of the grid
 * at either end; Enter down, back to where a run of Tab began), letters
 * typed into the focused cell, Delete, M, F2 and Enter on names, Enter on a
 * column's header, Ctrl+arrows to move a task, phase or column, dragging a
 * task's name or a column's header with a drawn insertion mark, and the
 * context menu of a task, a phase or a column with its raci-grid.* actions.
 */
#define G_LOG_DOMAIN "ks-raci-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "ks-raci-grid-private.h"

/* Helpers */

static gboolean
is_task_row (KsRaciGrid *self,
             guint       row)
{
  guint index;

  return row != KS_GRID_HEADER && row < _ks_raci_grid_n_rows (self) &&
         ks_raci_layout_get_row (self->layout, row, &index) == KS_RACI_ROW_TASK;
}

static void
open_context_menu (KsRaciGrid *self,
                   double      x,
                   double      y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();

  if (!self->chart)
    return;
  if (self->focus_row == KS_GRID_HEADER)
    {
      g_menu_append (menu, _("_Show Person"), "raci-grid.activate-column");
      if (column_at (self, self->focus_column) && column_at (self, self->focus_column)->role)
        g_menu_append (menu, _("_Rename Role"), "raci-grid.rename");
      g_menu_append (moves, _("Move _Left"), "raci-grid.move-column-left");
      g_menu_append (moves, _("Move _Right"), "raci-grid.move-column-right");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
      g_menu_append (menu, _("_Delete Column"), "raci-grid.delete-column");
    }
  else if (_ks_raci_grid_focus_phase (self) >= 0)
    {
      g_menu_append (menu, _("Add _Task Below"), "raci-grid.add-task-below");
      g_menu_append (menu, _("Add _Phase"), "raci-grid.add-phase");
      g_menu_append (moves, _("_Rename"), "raci-grid.rename");
      g_menu_append (moves, _("_Delete Phase"), "raci-grid.delete-phase");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
    }
  else
    {
      g_menu_append (menu, _("Add _Task Below"), "raci-grid.add-task-below");
      g_menu_append (menu, _("Add _Phase"), "raci-grid.add-phase");
      g_menu_append (moves, _("_Rename"), "raci-grid.rename");
      g_menu_append (moves, _("_Delete Task"), "raci-grid.delete-task");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), G_MENU_MODEL (menu));
  _ks_raci_grid_update_actions (self);

  if (x < 0)
    {
      KsGridView view = _ks_raci_grid_get_view (self);
      KsGridRect r = { 0, 0, 1, 1 };

      _ks_raci_grid_ensure_layout (self);
      if (self->layout && (self->focus_row == KS_GRID_HEADER || self->focus_row < ks_raci_layout_get_n_rows (self->layout)))
        r = ks_raci_layout_get_cell_rect (self->layout, &view, self->focus_row, self->focus_column);
      x = r.x + r.width / 2;
      y = r.y + r.height;
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
move_rows (KsRaciGrid *self,
           int         delta)
{
  guint n_rows = _ks_raci_grid_n_rows (self);
  int row;

  if (n_rows == 0)
    return;
  if (self->focus_row == KS_GRID_HEADER)
    {
      if (delta > 0)
        _ks_raci_grid_move_focus_to (self, 0, self->focus_column);
      return;
    }
  row = (int) self->focus_row + delta;
  if (row < 0)
    {
      /* above the first row: the column's header (the corner is not a cell) */
      if (self->focus_column >= 0 && self->focus_row == 0)
        _ks_raci_grid_move_focus_to (self, KS_GRID_HEADER, self->focus_column);
      else
        _ks_raci_grid_move_focus_to (self, 0, self->focus_column);
      return;
    }
  _ks_raci_grid_move_focus_to (self, (guint) MIN (row, (int) n_rows - 1), self->focus_column);
}

static void
move_columns (KsRaciGrid *self,
              int         delta)
{
  int column = self->focus_column + delta;
  int first = self->focus_row == KS_GRID_HEADER ? 0 : -1;

  column = CLAMP (column, first, (int) n_chart_columns (self) - 1);
  _ks_raci_grid_move_focus_to (self, self->focus_row, column);
}

/* Tab: the next letter cell, row by row (phase rows and names skipped);
 * FALSE at either end, so the focus leaves the grid. */
static gboolean
tab_move (KsRaciGrid *self,
          gboolean    back)
{
  guint n_rows = _ks_raci_grid_n_rows (self);
  int n_cols = (int) n_chart_columns (self);
  int row = self->focus_row == KS_GRID_HEADER ? -1 : (int) self->focus_row;
  int column = self->focus_column;
  int keep;

  if (n_tasks (self) == 0 || n_cols == 0)
    return FALSE;
  if (!is_task_row (self, self->focus_row))
    column = back ? n_cols : -1;   /* from a header or a phase: the row's end */
  if (!back && column + 1 < n_cols)
    column++;
  else if (back && column > 0)
    column--;
  else
    {
      /* the next (previous) task row */
      do
        row += back ? -1 : 1;
      while (row >= 0 && row < (int) n_rows && !is_task_row (self, (guint) row));
      if (row < 0 || row >= (int) n_rows)
        return FALSE;
      column = back ? n_cols - 1 : 0;
    }
  keep = self->tab_start_column;
  if (keep < -1)
    keep = self->focus_column >= 0 && is_task_row (self, self->focus_row) ? self->focus_column : column;
  _ks_raci_grid_move_focus_to (self, (guint) row, column);
  self->tab_start_column = keep;
  return TRUE;
}

/* Enter on a letter: the next task down, back in the column a Tab run began in. */
static void
enter_move (KsRaciGrid *self,
            gboolean    up)
{
  guint n_rows = _ks_raci_grid_n_rows (self);
  int column = self->tab_start_column >= -1 ? self->tab_start_column : self->focus_column;
  int row = (int) self->focus_row;

  do
    row += up ? -1 : 1;
  while (row >= 0 && row < (int) n_rows && !is_task_row (self, (guint) row));
  if (row >= 0 && row < (int) n_rows)
    _ks_raci_grid_move_focus_to (self, (guint) row, column);
  else
    _ks_raci_grid_move_focus_to (self, self->focus_row, column);
  self->tab_start_column = -2;
}

static guint
page_rows (KsRaciGrid *self)
{
  KsGridView view = _ks_raci_grid_get_view (self);
  double row_h;

  if (!self->layout)
    return 10;
  row_h = ks_raci_layout_get_row_height (self->layout);
  return (guint) MAX (1, (view.height - ks_raci_layout_get_header_height (self->layout)) / MAX (row_h, 1) - 1);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KsRaciGrid            *self)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK);
  gboolean ctrl = (mods & GDK_CONTROL_MASK) != 0;
  gboolean shift = (mods & GDK_SHIFT_MASK) != 0;
  int task, phase;
  gunichar ch;

  /* keys typed into the menu pass through here on their way */
  if (gtk_widget_get_visible (self->menu))
    return FALSE;

  if (self->editing)
    {
      switch (keyval)
        {
        case GDK_KEY_Escape:
          _ks_raci_grid_cancel_edit (self);
          return TRUE;
        case GDK_KEY_Return:
        case GDK_KEY_KP_Enter:
        case GDK_KEY_ISO_Enter:
        case GDK_KEY_Tab:
        case GDK_KEY_KP_Tab:
        case GDK_KEY_ISO_Left_Tab:
          _ks_raci_grid_commit_edit (self);
          return TRUE;
        default:
          return FALSE;
        }
    }

  if (!self->chart)
    return FALSE;
  _ks_raci_grid_ensure_layout (self);
  _ks_raci_grid_show_message (self, NULL);
  task = _ks_raci_grid_focus_task (self);
  phase = _ks_raci_grid_focus_phase (self);

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (ctrl)
        return FALSE;
      /* at either end, Tab leaves the grid (no keyboard trap) */
      return tab_move (self, shift || keyval == GDK_KEY_ISO_Left_Tab);
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_F2:
      if (mods & ~GDK_SHIFT_MASK)
        return FALSE;
      if (self->focus_row == KS_GRID_HEADER)
        {
          if (keyval != GDK_KEY_F2)
            _ks_raci_grid_activate_column (self, self->focus_column);
          else
            _ks_raci_grid_begin_rename (self, NULL);
        }
      else if (phase >= 0 || self->focus_column < 0 || keyval == GDK_KEY_F2)
        _ks_raci_grid_begin_rename (self, NULL);
      else
        enter_move (self, shift);
      return TRUE;
    default:
      break;
    }

  if (ctrl && !(mods & (GDK_ALT_MASK | GDK_SUPER_MASK | GDK_SHIFT_MASK)))
    switch (keyval)
      {
      case GDK_KEY_Up:
      case GDK_KEY_KP_Up:
      case GDK_KEY_Down:
      case GDK_KEY_KP_Down:
        {
          int delta = keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1;

          if (task >= 0)
            _ks_raci_grid_move_task (self, task, delta);
          else if (phase >= 0)
            _ks_raci_grid_move_phase (self, phase, delta);
          else
            gtk_widget_error_bell (GTK_WIDGET (self));
          return TRUE;
        }
      case GDK_KEY_Left:
      case GDK_KEY_KP_Left:
      case GDK_KEY_Right:
      case GDK_KEY_KP_Right:
        if (self->focus_column < 0 || phase >= 0)
          gtk_widget_error_bell (GTK_WIDGET (self));
        else
          _ks_raci_grid_move_column_to (self, self->focus_column,
                                        self->focus_column + (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1));
        return TRUE;
      case GDK_KEY_Home:
      case GDK_KEY_KP_Home:
        _ks_raci_grid_move_focus_to (self, 0, -1);
        return TRUE;
      case GDK_KEY_End:
      case GDK_KEY_KP_End:
        _ks_raci_grid_move_focus_to (self, G_MAXUINT - 1, G_MAXINT);
        return TRUE;
      default:
        return FALSE;
      }

  if (!(mods & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)))
    {
      gboolean handled = TRUE;

      switch (keyval)
        {
        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
          move_rows (self, -1);
          break;
        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
          move_rows (self, 1);
          break;
        case GDK_KEY_Left:
        case GDK_KEY_KP_Left:
          move_columns (self, -1);
          break;
        case GDK_KEY_Right:
        case GDK_KEY_KP_Right:
          move_columns (self, 1);
          break;
        case GDK_KEY_Home:
        case GDK_KEY_KP_Home:
          _ks_raci_grid_move_focus_to (self, self->focus_row, self->focus_row == KS_GRID_HEADER ? 0 : -1);
          break;
        case GDK_KEY_End:
        case GDK_KEY_KP_End:
          _ks_raci_grid_move_focus_to (self, self->focus_row, G_MAXINT);
          break;
        case GDK_KEY_Page_Up:
        case GDK_KEY_KP_Page_Up:
          move_rows (self, -(int) page_rows (self));
          break;
        case GDK_KEY_Page_Down:
        case GDK_KEY_KP_Page_Down:
          move_rows (self, (int) page_rows (self));
          break;
        case GDK_KEY_Delete:
        case GDK_KEY_KP_Delete:
        case GDK_KEY_BackSpace:
          if (task >= 0 && self->focus_column >= 0)
            _ks_raci_grid_set_letter (self, KS_RACI_EMPTY, FALSE, NULL);
          else
            gtk_widget_error_bell (GTK_WIDGET (self));
          break;
        case GDK_KEY_Menu:
          open_context_menu (self, -1, -1);
          break;
        case GDK_KEY_F10:
          if (!shift)
            return FALSE;
          open_context_menu (self, -1, -1);
          break;
        default:
          handled = FALSE;
        }
      if (handled)
        {
          self->tab_start_column = -2;
          return TRUE;
        }
    }

  ch = gdk_keyval_to_unicode (keyval);
  if (!ch || (mods & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) || !g_unichar_isgraph (ch))
    return FALSE;
  if (task >= 0 && self->focus_column >= 0)
    {
      KsRaciLetter letter;

      /* a letter into the cell; anything else is refused with a word why */
      if (g_unichar_toupper (ch) == 'M')
        _ks_raci_grid_set_letter (self, KS_RACI_R, TRUE, NULL);
      else if (ks_raci_letter_parse (ch, TRUE, &letter))
        _ks_raci_grid_set_letter (self, letter, FALSE, NULL);   /* core refuses S outside ARSCI */
      else
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          _ks_raci_grid_show_message (self, self->chart->arsci
                                            ? _("Type R, A, S, C or I; M marks the main R; Delete clears")
                                            : _("Type R, A, C or I; M marks the main R; Delete clears"));
        }
      return TRUE;
    }
  if (task >= 0 || phase >= 0)
    {
      /* typing on a name starts renaming it */
      char buf[8] = { 0 };

      g_unichar_to_utf8 (ch, buf);
      _ks_raci_grid_begin_rename (self, buf);
      return TRUE;
    }
  return FALSE;
}

/* Clicks */

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            KsRaciGrid      *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  KsGridView view;
  KsRaciHit hit;
  guint row;
  int column;

  _ks_raci_grid_ensure_layout (self);
  if (!self->layout)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      return;
    }
  view = _ks_raci_grid_get_view (self);
  hit = ks_raci_layout_hit_test (self->layout, &view, x, y);
  switch (hit.kind)
    {
    case KS_RACI_HIT_COLUMN:
    case KS_RACI_HIT_LOAD:
      row = KS_GRID_HEADER;
      column = hit.column;
      break;
    case KS_RACI_HIT_PHASE:
      row = hit.row;
      column = self->focus_column;
      break;
    case KS_RACI_HIT_TASK:
      row = hit.row;
      column = -1;
      break;
    case KS_RACI_HIT_CELL:
      row = hit.row;
      column = hit.column;
      break;
    default:
      gtk_widget_grab_focus (GTK_WIDGET (self));
      return;
    }

  if (self->editing)
    {
      if (row == self->focus_row && (column == -1 || hit.kind == KS_RACI_HIT_PHASE))
        return;   /* a click inside the editor's cell goes to the editor */
      if (!_ks_raci_grid_commit_edit (self))
        return;
    }
  self->tab_start_column = -2;
  _ks_raci_grid_move_focus_to (self, row, column);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (button == GDK_BUTTON_SECONDARY)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      open_context_menu (self, x, y);
      return;
    }
  if (n_press == 2)
    {
      if (hit.kind == KS_RACI_HIT_TASK || hit.kind == KS_RACI_HIT_PHASE)
        _ks_raci_grid_begin_rename (self, NULL);
      else if (row == KS_GRID_HEADER)
        _ks_raci_grid_activate_column (self, column);
    }
}

static void
on_focus_changed (KsRaciGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Dragging a task's name or a column's header */

/* Where the drag at (@x, @y) would insert: a layout row or a column,
 * "before" it (n_rows / n_columns: at the end). */
static int
drop_index (KsRaciGrid *self,
            double      x,
            double      y)
{
  KsGridView view = _ks_raci_grid_get_view (self);
  KsRaciHit hit;
  KsGridRect r;

  if (self->drag == KS_RACI_DRAG_TASK)
    {
      guint n_rows = ks_raci_layout_get_n_rows (self->layout);

      hit = ks_raci_layout_hit_test (self->layout, &view, 1, y);
      if (hit.row == KS_GRID_NONE || hit.row >= n_rows)
        return y < ks_raci_layout_get_header_height (self->layout) ? 0 : (int) n_rows;
      r = ks_raci_layout_get_cell_rect (self->layout, &view, hit.row, -1);
      return (int) hit.row + (y > r.y + r.height / 2 ? 1 : 0);
    }
  else
    {
      guint n_cols = n_chart_columns (self);

      hit = ks_raci_layout_hit_test (self->layout, &view, x, 1);
      if (hit.kind != KS_RACI_HIT_COLUMN && hit.kind != KS_RACI_HIT_LOAD)
        return x < ks_raci_layout_get_column_width (self->layout, -1) ? 0 : (int) n_cols;
      r = ks_raci_layout_get_cell_rect (self->layout, &view, KS_GRID_HEADER, hit.column);
      return hit.column + (x > r.x + r.width / 2 ? 1 : 0);
    }
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               KsRaciGrid     *self)
{
  KsGridView view;
  KsRaciHit hit;

  self->drag = KS_RACI_DRAG_NONE;
  self->drag_to = -1;
  if (!self->layout || self->editing || !self->workspace || ks_workspace_is_read_only (self->workspace))
    return;
  view = _ks_raci_grid_get_view (self);
  hit = ks_raci_layout_hit_test (self->layout, &view, x, y);
  if (hit.kind == KS_RACI_HIT_TASK)
    self->drag_from = hit.task;
  else if (hit.kind == KS_RACI_HIT_COLUMN)
    self->drag_from = hit.column;
  else
    return;
  self->drag = KS_RACI_DRAG_PENDING;
  self->drag_x = x;
  self->drag_y = y;
  /* which of the two it is, kept in the sign until the drag starts */
  if (hit.kind == KS_RACI_HIT_COLUMN)
    self->drag_to = -2;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                KsRaciGrid     *self)
{
  if (self->drag == KS_RACI_DRAG_NONE)
    return;
  if (self->drag == KS_RACI_DRAG_PENDING)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy))
        return;
      self->drag = self->drag_to == -2 ? KS_RACI_DRAG_COLUMN : KS_RACI_DRAG_TASK;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
  self->drag_to = drop_index (self, self->drag_x + dx, self->drag_y + dy);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             KsRaciGrid     *self)
{
  KsRaciDragKind kind = self->drag;
  int from = self->drag_from, to = self->drag_to;

  self->drag = KS_RACI_DRAG_NONE;
  self->drag_to = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (kind == KS_RACI_DRAG_TASK && to >= 0)
    _ks_raci_grid_move_task_to (self, from, to);
  else if (kind == KS_RACI_DRAG_COLUMN && to >= 0)
    _ks_raci_grid_move_column_to (self, from, to > from ? to - 1 : to);
}

static void
on_drag_cancel (KsRaciGrid *self)
{
  self->drag = KS_RACI_DRAG_NONE;
  self->drag_to = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Actions */

static void
action_add_task_below (GtkWidget *widget, const char *name, GVariant *param)
{
  _ks_raci_grid_add_task_below (KS_RACI_GRID (widget));
}

static void
action_add_phase (GtkWidget *widget, const char *name, GVariant *param)
{
  _ks_raci_grid_add_phase (KS_RACI_GRID (widget));
}

static void
action_rename (GtkWidget *widget, const char *name, GVariant *param)
{
  _ks_raci_grid_begin_rename (KS_RACI_GRID (widget), NULL);
}

static void
action_delete_task (GtkWidget *widget, const char *name, GVariant *param)
{
  _ks_raci_grid_delete_task (KS_RACI_GRID (widget));
}

static void
action_delete_phase (GtkWidget *widget, const char *name, GVariant *param)
{
  _ks_raci_grid_delete_phase (KS_RACI_GRID (widget));
}

static void
action_delete_column (GtkWidget *widget, const char *name, GVariant *param)
{
  _ks_raci_grid_delete_column (KS_RACI_GRID (widget));
}

static void
action_move_column (GtkWidget *widget, const char *name, GVariant *param)
{
  KsRaciGrid *self = KS_RACI_GRID (widget);

  _ks_raci_grid_move_column_to (self, self->focus_column,
                                self->focus_column + (g_str_equal (name, "raci-grid.move-column-left") ? -1 : 1));
}

static void
action_activate_column (GtkWidget *widget, const char *name, GVariant *param)
{
  KsRaciGrid *self = KS_RACI_GRID (widget);

  _ks_raci_grid_activate_column (self, self->focus_column);
}

void
_ks_raci_grid_update_actions (KsRaciGrid *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean writable = self->chart && self->workspace && !ks_workspace_is_read_only (self->workspace);
  gboolean header = self->focus_row == KS_GRID_HEADER && self->focus_column >= 0;
  int task = self->layout ? _ks_raci_grid_focus_task (self) : -1;
  int phase = self->layout ? _ks_raci_grid_focus_phase (self) : -1;
  int n_cols = (int) n_chart_columns (self);

  gtk_widget_action_set_enabled (widget, "raci-grid.add-task-below",
                                 writable && self->chart->phases->len > 0 && !header);
  gtk_widget_action_set_enabled (widget, "raci-grid.add-phase", writable);
  gtk_widget_action_set_enabled (widget, "raci-grid.rename", writable && (task >= 0 || phase >= 0 || header));
  gtk_widget_action_set_enabled (widget, "raci-grid.delete-task", writable && task >= 0);
  gtk_widget_action_set_enabled (widget, "raci-grid.delete-phase", writable && phase >= 0);
  gtk_widget_action_set_enabled (widget, "raci-grid.delete-column", writable && header);
  gtk_widget_action_set_enabled (widget, "raci-grid.move-column-left", writable && header && self->focus_column > 0);
  gtk_widget_action_set_enabled (widget, "raci-grid.move-column-right",
                                 writable && header && self->focus_column + 1 < n_cols);
  gtk_widget_action_set_enabled (widget, "raci-grid.activate-column", header);
}

void
_ks_raci_grid_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "raci-grid.add-task-below", NULL, action_add_task_below);
  gtk_widget_class_install_action (widget_class, "raci-grid.add-phase", NULL, action_add_phase);
  gtk_widget_class_install_action (widget_class, "raci-grid.rename", NULL, action_rename);
  gtk_widget_class_install_action (widget_class, "raci-grid.delete-task", NULL, action_delete_task);
  gtk_widget_class_install_action (widget_class, "raci-grid.delete-phase", NULL, action_delete_phase);
  gtk_widget_class_install_action (widget_class, "raci-grid.delete-column", NULL, action_delete_column);
  gtk_widget_class_install_action (widget_class, "raci-grid.move-column-left", NULL, action_move_column);
  gtk_widget_class_install_action (widget_class, "raci-grid.move-column-right", NULL, action_move_column);
  gtk_widget_class_install_action (widget_class, "raci-grid.activate-column", NULL, action_activate_column);
}

void
_ks_raci_grid_init_input (KsRaciGrid *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *gesture;

  /* the context menu's model is set per target */
  self->menu = ks_grid_init_input (widget, NULL, G_CALLBACK (on_key_pressed), G_CALLBACK (on_pressed),
                                   G_CALLBACK (on_focus_changed));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect_swapped (gesture, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));
}
