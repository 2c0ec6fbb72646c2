/* ks-raci-model.h — what the RACI grid draws: a plain model, and the one
 * bridge from core's chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The RACI grid's layout and drawing (ks-raci-layout.c, ks-raci-draw.c) read
 * only this struct, so the app, keystone-cli and the tests fill it from what
 * they hold; ks_raci_grid_model_from_chart() fills it from a KsRaciChart and
 * its KsRaciCheck by their fields alone.
 */
#pragma once

#include <glib.h>

#include "ks-raci.h"

G_BEGIN_DECLS

/* A row's or a column's worst problem; ordered, so MAX() combines them. */
typedef enum
{
  KS_RACI_MARK_NONE = 0,
  KS_RACI_MARK_WARNING,
  KS_RACI_MARK_ERROR,
} KsRaciMark;

/* Indexes into KsRaciGridColumn.load, and the drawing order of the bar. */
typedef enum
{
  KS_RACI_LOAD_R,
  KS_RACI_LOAD_A,
  KS_RACI_LOAD_S,
  KS_RACI_LOAD_C,
  KS_RACI_LOAD_I,
  KS_RACI_N_LOAD,
} KsRaciLoadIndex;

typedef struct
{
  char       *name;
  guint       phase;        /* index into phases; ≥ n_phases: under no phase (drawn last) */
  KsRaciMark  mark;         /* the task's worst finding */
  char       *message;      /* its first finding's text (a tooltip); NULL */
} KsRaciGridTask;

typedef struct
{
  char       *label;        /* the person, or the role */
  char       *sublabel;     /* a role's resolved person; NULL = none */
  gboolean    is_role;
  gboolean    nobody;       /* a role nobody holds on the account: "nobody", marked */
  KsRaciMark  mark;         /* the column's worst finding (empty column, unbound role) */
  guint       load[KS_RACI_N_LOAD];
} KsRaciGridColumn;

typedef struct
{
  char             *title;       /* the chart's name (print pages); NULL */
  gboolean          arsci;
  char            **phases;      /* n_phases names */
  guint             n_phases;
  KsRaciGridTask   *tasks;
  guint             n_tasks;
  KsRaciGridColumn *columns;
  guint             n_columns;
  guint8           *letters;     /* n_tasks × n_columns, row-major: 'R', 'A', 'S', 'C', 'I' or 0 */
  guint8           *main;        /* 1 where an R is its task's main R */
} KsRaciGridModel;

/* Zeroed arrays of these sizes; the caller fills them (strings g_strdup'd,
 * owned by the model). */
KsRaciGridModel *ks_raci_grid_model_new        (guint                  n_phases,
                                                guint                  n_tasks,
                                                guint                  n_columns);
void             ks_raci_grid_model_free       (KsRaciGridModel       *model);
/* Sets every column's load from the letters. */
void             ks_raci_grid_model_count_load (KsRaciGridModel       *model);
/* The letter at (@task, @column); 0 outside. */
guint8           ks_raci_grid_model_get        (const KsRaciGridModel *model,
                                                guint                  task,
                                                guint                  column);

/* From core's chart and, when not NULL, its check: marks, the first message
 * per task, and the load (else counted from the letters). Reads their
 * fields only. */
KsRaciGridModel *ks_raci_grid_model_from_chart (const KsRaciChart     *chart,
                                                const KsRaciCheck     *check);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsRaciGridModel, ks_raci_grid_model_free)

G_END_DECLS
