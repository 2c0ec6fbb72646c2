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

/* Snapshots @editor (shown over a cell) clipped to @clip, the part of the
 * grid where scrolled cells show. */
void       ks_grid_editor_snapshot (GtkWidget        *editor,
                                    GtkWidget        *grid,
                                    GtkSnapshot      *snapshot,
                                    const KsGridRect *clip);
/* A muted line of @text at (12, @y) on @grid's cairo context: what an
 * empty grid lacks. */
void       ks_grid_draw_note       (cairo_t          *cr,
                                    GtkWidget        *grid,
                                    const KsColor    *color,
                                    double            y,
                                    const char       *text);

/* Where a navigation key moves a grid's focus, as in a spreadsheet: the
 * arrows one cell (Ctrl+Up/Down to the first/last row), Home/End to the
 * row's first/last cell (with Ctrl the grid's), Page Up/Down by @page rows;
 * *@row and *@column (in: the focus) clamped to @n_rows × @n_columns.
 * FALSE when @keyval is none of them, or Alt or Super is held. */
gboolean   ks_grid_key_to_cell     (guint             keyval,
                                    GdkModifierType   mods,
                                    guint             page,
                                    guint             n_rows,
                                    guint             n_columns,
                                    guint            *row,
                                    guint            *column);

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
