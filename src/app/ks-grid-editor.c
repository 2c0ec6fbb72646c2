/* ks-grid-editor.c — what the drawn grids share to edit a cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scores grid and the RACI grid edit a cell in one GtkText, a child of
 * the grid shown over the cell while an edit lasts; each grid keeps what it
 * stores and when an edit ends, this only shows, hides and places the
 * editor, and sets up the controllers both grids take input with.
 */
#include "config.h"

#include "ks-grid-editor.h"

GtkWidget *
ks_grid_editor_new (GtkWidget  *grid,
                    const char *label,
                    GCallback   on_focus_leave)
{
  GtkWidget *editor = gtk_text_new ();
  GtkEventController *controller;

  gtk_widget_set_parent (editor, grid);
  gtk_widget_set_child_visible (editor, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", on_focus_leave, grid);
  gtk_widget_add_controller (editor, controller);
  return editor;
}

void
ks_grid_editor_show (GtkWidget  *editor,
                     GtkWidget  *grid,
                     const char *text,
                     gboolean    select_all)
{
  gtk_editable_set_text (GTK_EDITABLE (editor), text);
  gtk_widget_set_child_visible (editor, TRUE);
  gtk_widget_queue_allocate (grid);
  gtk_widget_grab_focus (editor);
  gtk_editable_set_position (GTK_EDITABLE (editor), -1);
  if (select_all)
    gtk_editable_select_region (GTK_EDITABLE (editor), 0, -1);
}

void
ks_grid_editor_hide (GtkWidget *editor,
                     GtkWidget *grid)
{
  gboolean had_focus = gtk_widget_has_focus (editor);

  gtk_widget_set_child_visible (editor, FALSE);
  if (had_focus)
    gtk_widget_grab_focus (grid);
}

void
ks_grid_editor_allocate (GtkWidget        *editor,
                         const KsGridRect *cell,
                         double            pad)
{
  int min_h;

  gtk_widget_measure (editor, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
  gtk_widget_size_allocate (editor,
                            &(GtkAllocation) { (int) (cell->x + pad), (int) cell->y,
                                               (int) MAX (1, cell->width - 2 * pad),
                                               (int) MAX (min_h, cell->height) },
                            -1);
}

void
ks_grid_editor_snapshot (GtkWidget        *editor,
                         GtkWidget        *grid,
                         GtkSnapshot      *snapshot,
                         const KsGridRect *clip)
{
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (clip->x, clip->y, clip->width, clip->height));
  gtk_widget_snapshot_child (grid, editor, snapshot);
  gtk_snapshot_pop (snapshot);
}

void
ks_grid_draw_note (cairo_t       *cr,
                   GtkWidget     *grid,
                   const KsColor *color,
                   double         y,
                   const char    *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (grid, text);

  ks_color_set_source (cr, color);
  cairo_move_to (cr, 12, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

GtkWidget *
ks_grid_init_input (GtkWidget  *grid,
                    GMenuModel *model,
                    GCallback   on_key_pressed,
                    GCallback   on_pressed,
                    GCallback   on_focus_changed)
{
  GtkWidget *menu = gtk_popover_menu_new_from_model (model);
  GtkEventController *controller;
  GtkGesture *gesture;

  gtk_popover_set_has_arrow (GTK_POPOVER (menu), FALSE);
  gtk_widget_set_halign (menu, GTK_ALIGN_START);
  gtk_widget_set_parent (menu, grid);

  /* capture: the grid sees Tab, Enter and Escape before the editor does */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", on_key_pressed, grid);
  gtk_widget_add_controller (grid, controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "pressed", on_pressed, grid);
  gtk_widget_add_controller (grid, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", on_focus_changed, grid);
  g_signal_connect_swapped (controller, "leave", on_focus_changed, grid);
  gtk_widget_add_controller (grid, controller);
  return menu;
}

gboolean
ks_grid_key_to_cell (guint            keyval,
                     GdkModifierType  mods,
                     guint            page,
                     guint            n_rows,
                     guint            n_columns,
                     guint           *row,
                     guint           *column)
{
  gboolean ctrl = (mods & GDK_CONTROL_MASK) != 0;
  gint64 r = *row, c = *column;
  gint64 last_row = MAX (n_rows, 1) - 1, last_column = MAX (n_columns, 1) - 1;

  if (mods & (GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      r = ctrl ? 0 : r - 1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      r = ctrl ? last_row : r + 1;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      c--;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      c++;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      c = 0;
      if (ctrl)
        r = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      c = last_column;
      if (ctrl)
        r = last_row;
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      r -= page;
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      r += page;
      break;
    default:
      return FALSE;
    }
  *row = (guint) CLAMP (r, 0, last_row);
  *column = (guint) CLAMP (c, 0, last_column);
  return TRUE;
}
