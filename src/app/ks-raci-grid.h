/* ks-raci-grid.h — one RACI chart as a spreadsheet: tasks × people/roles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A drawn GtkScrollable (put it in a GtkScrolledWindow) over the render
 * layer's ks-raci-layout / ks-raci-draw: phases as group rows, sticky header
 * row and first column, a load bar per column, problems marked in their row.
 * Keys as in a spreadsheet: arrows, Tab / Shift+Tab, Home/End; R, A, C, I
 * (S in ARSCI charts) set the focused cell, Delete/BackSpace clear it, M
 * toggles the main R; F2 or Enter on a task or phase name renames it in
 * place, F2 on a role's column header renames the role; Ctrl+Up/Down and
 * Ctrl+Left/Right move the focused task or column; drag a task's name or a column's header
 * to reorder. Every edit is one undo step through core (ks-raci.h); the grid
 * reloads itself on the workspace's changed::raci_* signals, keeping the
 * focused cell. The widget's accessible label follows the focused cell
 * ("Update the sales forecast, Anna Snelling: Responsible").
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-raci.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_RACI_GRID (ks_raci_grid_get_type ())
G_DECLARE_FINAL_TYPE (KsRaciGrid, ks_raci_grid, KS, RACI_GRID, GtkWidget)

GtkWidget         *ks_raci_grid_new              (void);
void               ks_raci_grid_set_workspace    (KsRaciGrid   *self,
                                                  KsWorkspace  *workspace);
/* Shows @chart_id (0 = nothing), its roles resolved for @for_account_id
 * (0 = the chart's own account, if any). */
void               ks_raci_grid_set_chart        (KsRaciGrid   *self,
                                                  gint64        chart_id,
                                                  gint64        for_account_id);
gint64             ks_raci_grid_get_chart_id     (KsRaciGrid   *self);
/* (transfer none) what is shown, and its checks; NULL when nothing. */
const KsRaciChart *ks_raci_grid_get_chart        (KsRaciGrid   *self);
const KsRaciCheck *ks_raci_grid_get_check        (KsRaciGrid   *self);

/* The focused cell: @task an index into chart->tasks, @column into
 * chart->columns (-1 = the task's name). FALSE when there is none. */
gboolean           ks_raci_grid_get_focus        (KsRaciGrid   *self,
                                                  int          *task,
                                                  int          *column);
/* Focuses a cell and scrolls it into view (as the problems list does). */
void               ks_raci_grid_focus_cell       (KsRaciGrid   *self,
                                                  int           task,
                                                  int           column);
/* Sets the focused cell as typing the letter would (KS_RACI_EMPTY = Delete);
 * FALSE with @error when refused (S in a RACI chart). For tests and menus. */
gboolean           ks_raci_grid_set_focused_letter (KsRaciGrid  *self,
                                                  KsRaciLetter  letter,
                                                  GError      **error);
/* What a screen reader is told about the focused cell. (transfer full) */
char              *ks_raci_grid_describe_focus   (KsRaciGrid   *self);

/* Beside the above (for the page, its menus and tests): */
/* Whether a task's or phase's name is being renamed in place. */
gboolean           ks_raci_grid_is_editing       (KsRaciGrid   *self);
/* The message shown at the focused cell (a refused letter or name); NULL. */
const char        *ks_raci_grid_get_message      (KsRaciGrid   *self);
/* Focuses @column's header (a column's problem in the problems list). */
void               ks_raci_grid_focus_column_header (KsRaciGrid *self,
                                                  int           column);

/* Signals:
 *   "reloaded"          the chart was (re)loaded; chart and check may have changed
 *   "column-activated"  (gint64 person_id, const char *role): a column header was
 *                       activated (double-click / Enter on it): show that person or role */

G_END_DECLS
