/* ks-opportunity-list-input.c — keys, clicks and the context menu of the
 * Funnel view's opportunity list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Moving the focus like a spreadsheet (arrows, Home/End, Page Up/Down,
 * Ctrl+Home/End, Tab along the editable cells), Enter or F2 to edit (the
 * stage and momentum choices open), typing a value or date to replace it,
 * Delete to clear it; a click on a header sorts by that column (again: the
 * other way), a double click edits; the context menu (right click, Menu,
 * Shift+F10) edits, sorts and opens the opportunity's account.
 */
#define G_LOG_DOMAIN "ks-opportunity-list"

#include "config.h"

#include <glib/gi18n.h>

#include "ks-opportunity-list-private.h"

/* Helpers */

static guint
n_rows (KsOpportunityList *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (ks_opportunity_list_get_model (self)));
}

static void
open_context_menu (KsOpportunityList *self,
                   double             x,
                   double             y)
{
  if (x < 0)
    {
      KsGridView view = _ks_opportunity_list_get_view (self);
      KsGridRect r;

      _ks_opportunity_list_ensure_layout (self);
      r = ks_grid_layout_get_cell_rect (self->layout, &view, self->focus_row, self->focus_column);
      x = r.x + r.width / 2;
      y = r.y + r.height;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.edit",
                                 _ks_opportunity_list_is_editable (self->focus_column));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
move_by (KsOpportunityList *self,
         int                drow,
         int                dcolumn)
{
  gint64 row = (gint64) self->focus_row + drow;
  int column = (int) self->focus_column + dcolumn;

  row = CLAMP (row, 0, (gint64) MAX (n_rows (self), 1) - 1);
  column = CLAMP (column, 0, KS_OPPORTUNITY_N_COLUMNS - 1);
  _ks_opportunity_list_move_focus_to (self, (guint) row, (guint) column);
}

/* Tab: the next editable cell, on to the next row's first; FALSE at the end. */
static gboolean
tab_move (KsOpportunityList *self,
          gboolean           back)
{
  int row = (int) self->focus_row, column = (int) self->focus_column;
  int n = (int) n_rows (self);

  if (n == 0)
    return FALSE;
  do
    {
      column += back ? -1 : 1;
      if (column >= KS_OPPORTUNITY_N_COLUMNS)
        {
          column = 0;
          row++;
        }
      else if (column < 0)
        {
          column = KS_OPPORTUNITY_N_COLUMNS - 1;
          row--;
        }
      if (row < 0 || row >= n)
        return FALSE;
    }
  while (!_ks_opportunity_list_is_editable ((guint) column));
  _ks_opportunity_list_move_focus_to (self, (guint) row, (guint) column);
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KsOpportunityList     *self)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK);
  gboolean ctrl = (mods & GDK_CONTROL_MASK) != 0;
  gboolean shift = (mods & GDK_SHIFT_MASK) != 0;
  guint page = 10, row, column;
  gunichar ch;

  /* keys typed into our popovers pass through here on their way */
  if (gtk_widget_get_visible (self->choices) || gtk_widget_get_visible (self->menu))
    return FALSE;

  if (self->editing)
    {
      switch (keyval)
        {
        case GDK_KEY_Escape:
          _ks_opportunity_list_cancel_edit (self);
          return TRUE;
        case GDK_KEY_Return:
        case GDK_KEY_KP_Enter:
        case GDK_KEY_ISO_Enter:
          if (_ks_opportunity_list_commit_edit (self))
            move_by (self, shift ? -1 : 1, 0);
          return TRUE;
        case GDK_KEY_Tab:
        case GDK_KEY_KP_Tab:
        case GDK_KEY_ISO_Left_Tab:
          if (_ks_opportunity_list_commit_edit (self))
            tab_move (self, shift || keyval == GDK_KEY_ISO_Left_Tab);
          return TRUE;
        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
          if (mods)
            return FALSE;
          if (_ks_opportunity_list_commit_edit (self))
            move_by (self, keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1, 0);
          return TRUE;
        default:
          return FALSE;
        }
    }

  if (n_rows (self) == 0)
    return FALSE;
  if (self->layout)
    {
      KsGridView view = _ks_opportunity_list_get_view (self);

      page = ks_grid_layout_get_page_rows (self->layout, &view);
    }

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (ctrl)
        return FALSE;
      /* at either end, Tab leaves the list (no keyboard trap) */
      return tab_move (self, shift || keyval == GDK_KEY_ISO_Left_Tab);
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_F2:
      if (mods)
        return FALSE;
      _ks_opportunity_list_begin_edit (self, NULL);
      return TRUE;
    default:
      break;
    }

  row = self->focus_row;
  column = self->focus_column;
  if (ks_grid_key_to_cell (keyval, mods, page, n_rows (self), KS_OPPORTUNITY_N_COLUMNS, &row, &column))
    {
      _ks_opportunity_list_move_focus_to (self, row, column);
      return TRUE;
    }
  if (!(mods & (GDK_ALT_MASK | GDK_SUPER_MASK)))
    switch (keyval)
      {
      case GDK_KEY_Delete:
      case GDK_KEY_KP_Delete:
      case GDK_KEY_BackSpace:
        _ks_opportunity_list_clear_focused (self);
        return TRUE;
      case GDK_KEY_space:
        if (self->focus_column != KS_OPPORTUNITY_COLUMN_STAGE &&
            self->focus_column != KS_OPPORTUNITY_COLUMN_MOMENTUM)
          break;
        _ks_opportunity_list_begin_edit (self, NULL);
        return TRUE;
      case GDK_KEY_Menu:
        open_context_menu (self, -1, -1);
        return TRUE;
      case GDK_KEY_F10:
        if (!shift)
          break;
        open_context_menu (self, -1, -1);
        return TRUE;
      default:
        break;
      }

  /* typing starts an edit that replaces a value or a close date */
  ch = gdk_keyval_to_unicode (keyval);
  if (ch && !(mods & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) && g_unichar_isgraph (ch) &&
      (self->focus_column == KS_OPPORTUNITY_COLUMN_VALUE || self->focus_column == KS_OPPORTUNITY_COLUMN_CLOSE_DATE))
    {
      char buf[8] = { 0 };

      g_unichar_to_utf8 (ch, buf);
      _ks_opportunity_list_begin_edit (self, buf);
      return TRUE;
    }
  return FALSE;
}

static void
sort_by_header (KsOpportunityList *self,
                guint              column)
{
  KsOpportunityColumn sorted;
  gboolean descending = FALSE;

  /* the same column again: the other way */
  if (ks_opportunity_list_get_sort (self, &sorted, &descending) && sorted == column)
    descending = !descending;
  else
    descending = FALSE;
  ks_opportunity_list_sort_by (self, column, descending);
}

static void
on_pressed (GtkGestureClick   *gesture,
            int                n_press,
            double             x,
            double             y,
            KsOpportunityList *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  KsGridView view;
  KsGridHit hit;
  guint row, column;

  _ks_opportunity_list_ensure_layout (self);
  view = _ks_opportunity_list_get_view (self);
  hit = ks_grid_layout_hit_test (self->layout, &view, x, y, &row, &column);
  if (hit == KS_GRID_HIT_CORNER)
    {
      hit = KS_GRID_HIT_HEADER;
      column = 0;
    }
  if (hit == KS_GRID_HIT_NONE)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (hit == KS_GRID_HIT_HEADER)
    {
      if (button == GDK_BUTTON_PRIMARY && n_press == 1)
        sort_by_header (self, column);
      gtk_widget_grab_focus (GTK_WIDGET (self));
      return;
    }
  if (self->editing)
    {
      if (row == self->focus_row && column == self->focus_column)
        return;   /* a click inside the editor's cell goes to the editor */
      if (!_ks_opportunity_list_commit_edit (self))
        return;
    }
  _ks_opportunity_list_move_focus_to (self, row, column);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (button == GDK_BUTTON_SECONDARY)
    open_context_menu (self, x, y);
  else if (n_press == 2 && _ks_opportunity_list_is_editable (column))
    _ks_opportunity_list_begin_edit (self, NULL);
  else if (n_press == 1 && (column == KS_OPPORTUNITY_COLUMN_STAGE || column == KS_OPPORTUNITY_COLUMN_MOMENTUM))
    /* the chevron says it is a choice: one click opens it */
    _ks_opportunity_list_begin_edit (self, NULL);
}

static void
on_focus_changed (KsOpportunityList *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Actions */

static void
action_edit (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  _ks_opportunity_list_begin_edit (KS_OPPORTUNITY_LIST (widget), NULL);
}

static void
action_clear (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  _ks_opportunity_list_clear_focused (KS_OPPORTUNITY_LIST (widget));
}

static void
action_sort (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  KsOpportunityList *self = KS_OPPORTUNITY_LIST (widget);

  ks_opportunity_list_sort_by (self, self->focus_column, g_variant_get_boolean (param));
}

static void
action_open_account (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  KsOpportunityList *self = KS_OPPORTUNITY_LIST (widget);
  g_autoptr(KsOpportunity) o = _ks_opportunity_list_get_item (self, self->focus_row);

  if (!o || ks_opportunity_get_account_id (o) <= 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  gtk_widget_activate_action (widget, "win.show-account", "x", ks_opportunity_get_account_id (o));
}

void
_ks_opportunity_list_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "list.edit", NULL, action_edit);
  gtk_widget_class_install_action (widget_class, "list.clear", NULL, action_clear);
  gtk_widget_class_install_action (widget_class, "list.sort", "b", action_sort);
  gtk_widget_class_install_action (widget_class, "list.open-account", NULL, action_open_account);
}

void
_ks_opportunity_list_init_input (KsOpportunityList *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) sort = g_menu_new ();

  g_menu_append (edit, _("_Edit"), "list.edit");
  g_menu_append (edit, _("_Open Account"), "list.open-account");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append (sort, _("Sort _Ascending"), "list.sort(false)");
  g_menu_append (sort, _("Sort _Descending"), "list.sort(true)");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (sort));
  self->menu = ks_grid_init_input (GTK_WIDGET (self), G_MENU_MODEL (menu), G_CALLBACK (on_key_pressed),
                                   G_CALLBACK (on_pressed), G_CALLBACK (on_focus_changed));
}
