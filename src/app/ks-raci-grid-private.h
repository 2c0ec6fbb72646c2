/* ks-raci-grid-private.h — the RACI grid's instance, for its own files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For ks-raci-grid.c (the widget: loading, layout, drawing, scrolling,
 * accessibility), ks-raci-grid-edit.c (letters, the rename editor, the
 * message at the cell, adding, deleting and moving) and ks-raci-grid-input.c
 * (keys, clicks, drags and the context menu) only.
 */
#pragma once

#include "ks-grid-editor.h"
#include "ks-grid-scroll.h"
#include "ks-palette.h"
#include "ks-raci-draw.h"
#include "ks-raci-grid.h"
#include "ks-raci-layout.h"
#include "ks-raci-model.h"

G_BEGIN_DECLS

typedef enum
{
  KS_RACI_DRAG_NONE,
  KS_RACI_DRAG_PENDING,    /* pressed on a task's name or a column's header */
  KS_RACI_DRAG_TASK,       /* moving a task: the mark between rows */
  KS_RACI_DRAG_COLUMN,     /* moving a column: the mark between columns */
} KsRaciDragKind;

struct _KsRaciGrid
{
  GtkWidget        parent_instance;

  KsWorkspace     *workspace;
  gint64           chart_id;
  gint64           for_account_id;

  KsRaciChart     *chart;          /* NULL when nothing is shown */
  KsRaciCheck     *check;
  KsRaciGridModel *model;          /* from chart and check */
  KsRaciLayout    *layout;         /* NULL = to build (per reload, size of text, scale, style) */
  KsPalette       *palette;        /* NULL = to build from the style */
  char            *load_error;

  KsGridScroll     scroll;         /* the adjustments and scroll policies */

  /* The focused cell: a layout row (or KS_GRID_HEADER with a column ≥ 0)
   * and a model column (-1 = the names). On a phase row the column is kept
   * for moving on, and the whole row is the cell. */
  guint            focus_row;
  int              focus_column;
  int              tab_start_column; /* where a run of Tab began (Enter goes back there); -2 none */

  GtkWidget       *editor;         /* GtkText over the name being renamed */
  gboolean         editing;
  gboolean         edit_typed;
  gboolean         ending_edit;
  gint64           edit_task_id;   /* what is renamed: a task, a phase, or a role's column */
  gint64           edit_phase_id;
  gint64           edit_column_id;

  GtkWidget       *message;        /* a popover at the cell: a refused letter or name */
  GtkWidget       *message_label;
  char            *message_text;
  guint            message_timeout;

  GtkWidget       *menu;           /* the context menu, its model per target */

  KsRaciDragKind   drag;
  int              drag_from;      /* task or column index */
  int              drag_to;        /* insertion index (before), -1 none */
  double           drag_x, drag_y; /* where it began */

  gboolean         own_edit;       /* inside our own edit: we reload ourselves */
  guint            reload_idle;
};

static inline guint
n_tasks (KsRaciGrid *self)
{
  return self->chart ? self->chart->tasks->len : 0;
}

static inline guint
n_chart_columns (KsRaciGrid *self)
{
  return self->chart ? self->chart->columns->len : 0;
}

static inline KsRaciTask *
task_at (KsRaciGrid *self,
         int         task)
{
  if (!self->chart || task < 0 || (guint) task >= self->chart->tasks->len)
    return NULL;
  return g_ptr_array_index (self->chart->tasks, task);
}

static inline KsRaciPhase *
phase_at (KsRaciGrid *self,
          int         phase)
{
  if (!self->chart || phase < 0 || (guint) phase >= self->chart->phases->len)
    return NULL;
  return g_ptr_array_index (self->chart->phases, phase);
}

static inline KsRaciColumn *
column_at (KsRaciGrid *self,
           int         column)
{
  if (!self->chart || column < 0 || (guint) column >= self->chart->columns->len)
    return NULL;
  return g_ptr_array_index (self->chart->columns, column);
}

/* ks-raci-grid.c */
void         _ks_raci_grid_ensure_layout     (KsRaciGrid *self);
KsGridView   _ks_raci_grid_get_view          (KsRaciGrid *self);
guint        _ks_raci_grid_n_rows            (KsRaciGrid *self);
/* The task (else -1) and phase (else -1) of the focused row. */
int          _ks_raci_grid_focus_task        (KsRaciGrid *self);
int          _ks_raci_grid_focus_phase       (KsRaciGrid *self);
/* Moves the focus (clamped) without touching an edit; scrolls it into view,
 * updates what the screen reader is told. */
void         _ks_raci_grid_move_focus_to     (KsRaciGrid *self,
                                              guint       row,
                                              int         column);
void         _ks_raci_grid_update_accessible (KsRaciGrid *self);
void         _ks_raci_grid_scroll_to_focus   (KsRaciGrid *self);
/* Loads the chart now, then focuses @task_id / @phase_id / @column_id when
 * not 0 (else keeps the focused ones). */
void         _ks_raci_grid_reload_focus      (KsRaciGrid *self,
                                              gint64      task_id,
                                              gint64      phase_id,
                                              gint64      column_id,
                                              gboolean    header);
/* Emits "column-activated" for @column. */
void         _ks_raci_grid_activate_column   (KsRaciGrid *self,
                                              int         column);

/* ks-raci-grid-edit.c */
void         _ks_raci_grid_init_editor       (KsRaciGrid *self);
/* Shows @text (NULL hides) at the focused cell, and tells the screen reader. */
void         _ks_raci_grid_show_message      (KsRaciGrid *self,
                                              const char *text);
gboolean     _ks_raci_grid_set_letter        (KsRaciGrid   *self,
                                              KsRaciLetter  letter,
                                              gboolean      toggle_main,
                                              GError      **error);
void         _ks_raci_grid_begin_rename      (KsRaciGrid *self,
                                              const char *initial);
void         _ks_raci_grid_cancel_edit       (KsRaciGrid *self);
gboolean     _ks_raci_grid_commit_edit       (KsRaciGrid *self);
void         _ks_raci_grid_move_task         (KsRaciGrid *self,
                                              int         task,
                                              int         delta);
void         _ks_raci_grid_move_task_to      (KsRaciGrid *self,
                                              int         task,
                                              int         before);
void         _ks_raci_grid_move_phase        (KsRaciGrid *self,
                                              int         phase,
                                              int         delta);
void         _ks_raci_grid_move_column_to    (KsRaciGrid *self,
                                              int         column,
                                              int         position);
void         _ks_raci_grid_add_task_below    (KsRaciGrid *self);
void         _ks_raci_grid_add_phase         (KsRaciGrid *self);
void         _ks_raci_grid_delete_task       (KsRaciGrid *self);
void         _ks_raci_grid_delete_phase      (KsRaciGrid *self);
void         _ks_raci_grid_delete_column     (KsRaciGrid *self);
/* Shows an edit's error at the cell (and warns on the bell). */
void         _ks_raci_grid_refused           (KsRaciGrid *self,
                                              const GError *error);

/* ks-raci-grid-input.c */
void         _ks_raci_grid_class_add_actions (GtkWidgetClass *widget_class);
void         _ks_raci_grid_init_input        (KsRaciGrid     *self);
void         _ks_raci_grid_update_actions    (KsRaciGrid     *self);

G_END_DECLS
