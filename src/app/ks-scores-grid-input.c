/* ks-scores-grid-input.c — keys, clicks and the context menu of the scores grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Moving the focus like a spreadsheet (arrows, Home/End, Page Up/Down, Tab
 * along a row and Enter back to where the Tab run began), typing to start an
 * edit, F2, Delete, Ctrl+Enter for the explanation, clicks and double clicks
 * on cells, and the context menu with its grid.* actions.
 */
#define G_LOG_DOMAIN "ks-scores-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "ks-scores-grid-private.h"

/* Helpers */

static void
open_context_menu (KsScoresGrid *self,
                   double        x,
                   double        y)
{
  if (x < 0)
    {
      KsGridView view = _ks_scores_grid_get_view (self);
      KsGridRect r;

      _ks_scores_grid_ensure_layout (self);
      r = ks_grid_layout_get_cell_rect (self->layout, &view, self->focus_row, self->focus_column);
      x = r.x + r.width / 2;
      y = r.y + r.height;
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
move_by (KsScoresGrid *self,
         int           drow,
         int           dcolumn)
{
  int row = (int) self->focus_row + drow;
  int column = (int) self->focus_column + dcolumn;

  row = CLAMP (row, 0, (int) MAX (self->rows->len, 1) - 1);
  column = CLAMP (column, 0, (int) n_columns (self) - 1);
  _ks_scores_grid_move_focus_to (self, (guint) row, (guint) column);
}

/* Tab: the next score cell, on to the next row's first; FALSE at the end. */
static gboolean
tab_move (KsScoresGrid *self,
          gboolean      back)
{
  guint row = self->focus_row, column = self->focus_column;
  guint first = 1, last = MAX (n_criteria (self), 1);

  if (self->rows->len == 0)
    return FALSE;
  if (self->tab_start_column == NO_CELL)
    self->tab_start_column = is_score_column (self, column) ? column : first;
  if (!back)
    {
      if (column < first)
        column = first;
      else if (column < last)
        column++;
      else if (row + 1 < self->rows->len)
        {
          row++;
          column = first;
        }
      else
        return FALSE;
    }
  else
    {
      if (column > last)
        column = last;
      else if (column > first)
        column--;
      else if (row > 0)
        {
          row--;
          column = last;
        }
      else
        return FALSE;
    }
  {
    guint keep = self->tab_start_column;

    _ks_scores_grid_move_focus_to (self, row, column);
    self->tab_start_column = keep;
  }
  return TRUE;
}

/* Enter: down (or up), back to the column where a run of Tab began. */
static void
enter_move (KsScoresGrid *self,
            gboolean      up)
{
  guint column = self->tab_start_column != NO_CELL ? self->tab_start_column : self->focus_column;
  int row = (int) self->focus_row + (up ? -1 : 1);

  row = CLAMP (row, 0, (int) MAX (self->rows->len, 1) - 1);
  _ks_scores_grid_move_focus_to (self, (guint) row, column);
  self->tab_start_column = NO_CELL;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KsScoresGrid          *self)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK);
  gboolean ctrl = (mods & GDK_CONTROL_MASK) != 0;
  gboolean shift = (mods & GDK_SHIFT_MASK) != 0;
  guint page, row, column;
  gunichar ch;

  /* keys typed into our popovers pass through here on their way */
  if (gtk_widget_get_visible (self->popover) || gtk_widget_get_visible (self->menu))
    return FALSE;

  if (self->editing)
    {
      switch (keyval)
        {
        case GDK_KEY_Escape:
          self->tab_start_column = NO_CELL;
          _ks_scores_grid_cancel_edit (self);
          return TRUE;
        case GDK_KEY_Return:
        case GDK_KEY_KP_Enter:
        case GDK_KEY_ISO_Enter:
          if (!_ks_scores_grid_commit_edit (self))
            return TRUE;
          if (ctrl)
            _ks_scores_grid_open_explanation (self);
          else
            enter_move (self, shift);
          return TRUE;
        case GDK_KEY_Tab:
        case GDK_KEY_KP_Tab:
        case GDK_KEY_ISO_Left_Tab:
          if (_ks_scores_grid_commit_edit (self))
            tab_move (self, shift || keyval == GDK_KEY_ISO_Left_Tab);
          return TRUE;
        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
          if (mods)
            return FALSE;
          if (_ks_scores_grid_commit_edit (self))
            move_by (self, keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1, 0);
          self->tab_start_column = NO_CELL;
          return TRUE;
        case GDK_KEY_Left:
        case GDK_KEY_KP_Left:
        case GDK_KEY_Right:
        case GDK_KEY_KP_Right:
          if (!self->edit_typed || mods)
            return FALSE;
          if (_ks_scores_grid_commit_edit (self))
            move_by (self, 0, keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1);
          self->tab_start_column = NO_CELL;
          return TRUE;
        default:
          return FALSE;
        }
    }

  if (!self->table || self->rows->len == 0)
    return FALSE;

  page = 10;
  if (self->layout)
    {
      KsGridView view = _ks_scores_grid_get_view (self);

      page = ks_grid_layout_get_page_rows (self->layout, &view);
    }

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
      if (ctrl)
        _ks_scores_grid_open_explanation (self);
      else
        enter_move (self, shift);
      return TRUE;
    default:
      break;
    }

  row = self->focus_row;
  column = self->focus_column;
  if (ks_grid_key_to_cell (keyval, mods, page, self->rows->len, n_columns (self), &row, &column))
    {
      _ks_scores_grid_move_focus_to (self, row, column);
      self->tab_start_column = NO_CELL;
      return TRUE;
    }
  if (!(mods & (GDK_ALT_MASK | GDK_SUPER_MASK)))
    {
      gboolean handled = TRUE;

      switch (keyval)
        {
        case GDK_KEY_F2:
          _ks_scores_grid_begin_edit (self, NULL, FALSE);
          break;
        case GDK_KEY_Delete:
        case GDK_KEY_KP_Delete:
        case GDK_KEY_BackSpace:
          _ks_scores_grid_clear_focused (self);
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
          if (keyval != GDK_KEY_F2)
            self->tab_start_column = NO_CELL;
          return TRUE;
        }
    }

  /* typing starts an edit that replaces the cell's value */
  ch = gdk_keyval_to_unicode (keyval);
  if (ch && !(mods & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) &&
      g_unichar_isgraph (ch) && is_score_column (self, self->focus_column))
    {
      char buf[8] = { 0 };

      g_unichar_to_utf8 (ch, buf);
      _ks_scores_grid_begin_edit (self, buf, TRUE);
      return TRUE;
    }
  return FALSE;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            KsScoresGrid    *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  KsGridView view;
  KsGridHit hit;
  guint row, column;

  if (!self->table)
    return;
  _ks_scores_grid_ensure_layout (self);
  view = _ks_scores_grid_get_view (self);
  hit = ks_grid_layout_hit_test (self->layout, &view, x, y, &row, &column);
  if (hit == KS_GRID_HIT_NONE || hit == KS_GRID_HIT_CORNER)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      return;
    }
  if (hit == KS_GRID_HIT_HEADER)
    row = self->focus_row;

  if (self->editing)
    {
      if (row == self->focus_row && column == self->focus_column)
        return;   /* a click inside the editor's cell goes to the editor */
      if (!_ks_scores_grid_commit_edit (self))
        return;
    }
  self->tab_start_column = NO_CELL;
  _ks_scores_grid_move_focus_to (self, row, column);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (button == GDK_BUTTON_SECONDARY)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      open_context_menu (self, x, y);
      return;
    }
  if (n_press == 2 && hit == KS_GRID_HIT_CELL && is_score_column (self, column))
    _ks_scores_grid_begin_edit (self, NULL, FALSE);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_focus_changed (KsScoresGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Actions */

static void
action_edit (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  _ks_scores_grid_begin_edit (KS_SCORES_GRID (widget), NULL, FALSE);
}

static void
action_explanation (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  _ks_scores_grid_open_explanation (KS_SCORES_GRID (widget));
}

static void
action_clear (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  _ks_scores_grid_clear_focused (KS_SCORES_GRID (widget));
}

void
_ks_scores_grid_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "grid.edit", NULL, action_edit);
  gtk_widget_class_install_action (widget_class, "grid.explanation", NULL, action_explanation);
  gtk_widget_class_install_action (widget_class, "grid.clear", NULL, action_clear);
}

void
_ks_scores_grid_init_input (KsScoresGrid *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  /* the context menu */
  g_menu_append (menu, _("_Edit Score"), "grid.edit");
  g_menu_append (menu, _("E_xplanation…"), "grid.explanation");
  g_menu_append (menu, _("_Clear Score"), "grid.clear");
  self->menu = ks_grid_init_input (GTK_WIDGET (self), G_MENU_MODEL (menu), G_CALLBACK (on_key_pressed),
                                   G_CALLBACK (on_pressed), G_CALLBACK (on_focus_changed));
}
