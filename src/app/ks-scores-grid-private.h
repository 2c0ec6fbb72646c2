/* ks-scores-grid-private.h — the scores grid's instance, for its own files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For ks-scores-grid.c (the widget: loading, cells, layout, drawing,
 * scrolling, accessibility), ks-scores-grid-edit.c (the cell editor, clearing
 * and the explanation popover) and ks-scores-grid-input.c (keys, clicks and
 * the context menu) only.
 */
#pragma once

#include "ks-grid-layout.h"
#include "ks-grid-editor.h"
#include "ks-grid-scroll.h"
#include "ks-palette.h"
#include "ks-scores-grid.h"
#include "ks-scoring.h"

G_BEGIN_DECLS

#define NO_CELL G_MAXUINT

struct _KsScoresGrid
{
  GtkWidget      parent_instance;

  KsWorkspace   *workspace;
  gint64         period_id;        /* as set; 0 = the current one */
  gint64         owner_filter;
  char          *segment_filter;

  KsScoreTable  *table;            /* NULL until loaded */
  GArray        *rows;             /* guint: the table's rows shown */
  KsGridLayout  *layout;           /* NULL = to build */
  KsPalette     *palette;          /* NULL = to build from the style */
  KsColor        band_colors[KS_N_BANDS];
  char          *load_error;

  KsGridScroll   scroll;           /* the adjustments and scroll policies */

  guint          focus_row;
  guint          focus_column;
  guint          tab_start_column; /* where a run of Tab began (Enter goes back there) */

  GtkWidget     *editor;           /* GtkText over the focused cell */
  gboolean       editing;
  gboolean       edit_typed;       /* started by typing: arrows commit and move */
  gboolean       ending_edit;
  char          *error;            /* the refused value's message */

  GtkWidget     *popover;          /* explanation */
  GtkWidget     *popover_title;
  GtkWidget     *popover_text;
  GtkWidget     *popover_hint;
  gint64         popover_account;
  gint64         popover_criterion;
  char          *popover_original;
  GtkWidget     *menu;

  gboolean       own_edit;         /* inside our ks_score_set(): the table is already right */
  gboolean       measuring;
  guint          reload_idle;

  char           cell_buf[256];
  char           detail_buf[64];
};

/* Rows and columns */

static inline guint
n_criteria (KsScoresGrid *self)
{
  return self->table ? self->table->criteria->len : 0;
}

static inline guint
n_columns (KsScoresGrid *self)
{
  return n_criteria (self) + 2;
}

static inline guint
weighted_column (KsScoresGrid *self)
{
  return n_criteria (self) + 1;
}

static inline gboolean
is_score_column (KsScoresGrid *self,
                 guint         column)
{
  return column >= 1 && column <= n_criteria (self);
}

static inline KsAccountScore *
row_at (KsScoresGrid *self,
        guint         row)
{
  if (!self->table || row >= self->rows->len)
    return NULL;
  return g_ptr_array_index (self->table->accounts, g_array_index (self->rows, guint, row));
}

static inline KsCriterion *
criterion_at (KsScoresGrid *self,
              guint         column)
{
  if (!is_score_column (self, column))
    return NULL;
  return g_ptr_array_index (self->table->criteria, column - 1);
}

/* ks-scores-grid.c */
void       _ks_scores_grid_format_score            (double        score,
                                                    char         *buf,
                                                    gsize         size);
void       _ks_scores_grid_ensure_layout           (KsScoresGrid *self);
KsGridView _ks_scores_grid_get_view                (KsScoresGrid *self);
void       _ks_scores_grid_update_accessible       (KsScoresGrid *self);
void       _ks_scores_grid_scroll_to_focus         (KsScoresGrid *self);
void       _ks_scores_grid_move_focus_to           (KsScoresGrid *self,
                                                    guint         row,
                                                    guint         column);

/* ks-scores-grid-edit.c */
/* Builds the editor and the explanation popover (from init). */
void       _ks_scores_grid_init_editor             (KsScoresGrid *self);
void       _ks_scores_grid_set_error               (KsScoresGrid *self,
                                                    const char   *message);
void       _ks_scores_grid_begin_edit              (KsScoresGrid *self,
                                                    const char   *initial,
                                                    gboolean      typed);
void       _ks_scores_grid_cancel_edit             (KsScoresGrid *self);
gboolean   _ks_scores_grid_commit_edit             (KsScoresGrid *self);
void       _ks_scores_grid_clear_focused           (KsScoresGrid *self);
void       _ks_scores_grid_popover_update_position (KsScoresGrid *self);
gboolean   _ks_scores_grid_open_explanation        (KsScoresGrid *self);

/* ks-scores-grid-input.c */
/* The grid.* actions (from class_init); the context menu and the key,
 * click and focus controllers (from init). */
void       _ks_scores_grid_class_add_actions       (GtkWidgetClass *widget_class);
void       _ks_scores_grid_init_input              (KsScoresGrid   *self);

G_END_DECLS
