/* ks-scores-grid.h — the scores of the key account review as a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accounts × criteria of one review period, the weighted score and band in
 * the last column. A GtkScrollable: put it in a GtkScrolledWindow.
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_SCORES_GRID (ks_scores_grid_get_type ())
G_DECLARE_FINAL_TYPE (KsScoresGrid, ks_scores_grid, KS, SCORES_GRID, GtkWidget)

GtkWidget   *ks_scores_grid_new               (KsWorkspace  *workspace,
                                               gint64        period_id);

void         ks_scores_grid_set_workspace     (KsScoresGrid *self,
                                               KsWorkspace  *workspace);
KsWorkspace *ks_scores_grid_get_workspace     (KsScoresGrid *self);
/* 0 follows the workspace's current period (ks_period_get_current()); when
 * there is none, the first score typed creates "YYYY-Qn" of today in the
 * same undo step. */
void         ks_scores_grid_set_period_id     (KsScoresGrid *self,
                                               gint64        period_id);
gint64       ks_scores_grid_get_period_id     (KsScoresGrid *self);

/* Shows the accounts of one owner (0 = everybody's) in one segment
 * (KS_SEGMENT_*; NULL = all). */
void         ks_scores_grid_set_filter        (KsScoresGrid *self,
                                               gint64        owner_id,
                                               const char   *segment);

/* Rows are the accounts shown, by name; columns are 0 the account, 1 … n
 * the criteria in order, n + 1 the weighted score. */
guint        ks_scores_grid_get_n_rows        (KsScoresGrid *self);
guint        ks_scores_grid_get_n_columns     (KsScoresGrid *self);
/* The row of @account_id, or -1 when it is not shown. */
int          ks_scores_grid_find_row          (KsScoresGrid *self,
                                               gint64        account_id);
/* What the cell shows ("70", "", "20.0 very weak"); row -1 is the header. */
char        *ks_scores_grid_get_cell_text     (KsScoresGrid *self,
                                               int           row,
                                               guint         column);

/* The focused cell; FALSE when there is none (no rows). */
gboolean     ks_scores_grid_get_focus         (KsScoresGrid *self,
                                               guint        *row,
                                               guint        *column);
/* Focuses a cell (clamped to the grid) and scrolls it into view; an edit in
 * progress is committed first, and FALSE returned when it is refused. */
gboolean     ks_scores_grid_set_focus         (KsScoresGrid *self,
                                               guint         row,
                                               guint         column);
gboolean     ks_scores_grid_is_editing        (KsScoresGrid *self);
/* The message shown at the focused cell for a refused value, or NULL. */
const char  *ks_scores_grid_get_error         (KsScoresGrid *self);
/* Opens the explanation popover of the focused score cell; FALSE when the
 * focused cell is not a score. */
gboolean     ks_scores_grid_edit_explanation  (KsScoresGrid *self);
/* (transfer none): the explanation popover (for tests and embedding). */
GtkPopover  *ks_scores_grid_get_explanation_popover (KsScoresGrid *self);

G_END_DECLS
