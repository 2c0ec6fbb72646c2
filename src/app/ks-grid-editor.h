/* ks-grid-editor.h — what the drawn grids share to edit a cell: the GtkText
 * over it, and the controllers that take keys, clicks and the focus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-grid-layout.h"

G_BEGIN_DECLS

/* A hidden GtkText child of @grid, labelled @label for the screen reader;
 * @on_focus_leave (swapped: the grid) runs when it loses the focus. */
GtkWidget *ks_grid_editor_new      (GtkWidget        *grid,
                                    const char       *label,
                                    GCallback         on_focus_leave);
/* Shows @editor with @text, focused, the cursor at the end; all selected
 * when @select_all. */
void       ks_grid_editor_show     (GtkWidget        *editor,
                                    GtkWidget        *grid,
                                    const char       *text,
                                    gboolean          select_all);
/* Hides @editor; the focus goes back to @grid when the editor had it. */
void       ks_grid_editor_hide     (GtkWidget        *editor,
                                    GtkWidget        *grid);
/* Places @editor over @cell, @pad in from either side, at least its
 * minimum height. */
void       ks_grid_editor_allocate (GtkWidget        *editor,
                                    const KsGridRect *cell,
                                    double            pad);

/* A grid's context menu (a popover menu over @model, NULL for none yet,
 * child of @grid) and its controllers: keys in the capture phase (the grid
 * sees Tab, Enter and Escape before the editor does), clicks of any button,
 * focus in and out (swapped). The callbacks' user data is @grid. */
GtkWidget *ks_grid_init_input      (GtkWidget        *grid,
                                    GMenuModel       *model,
                                    GCallback         on_key_pressed,
                                    GCallback         on_pressed,
                                    GCallback         on_focus_changed);

G_END_DECLS
