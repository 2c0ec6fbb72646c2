/* ks-raci-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bridge reads KsRaciChart's and KsRaciCheck's fields and calls no core
 * function, so the render layer does not depend on how core builds them.
 */
#define G_LOG_DOMAIN "ks-raci-model"

#include <string.h>

#include "ks-raci-model.h"

KsRaciGridModel *
ks_raci_grid_model_new (guint n_phases,
                        guint n_tasks,
                        guint n_columns)
{
  KsRaciGridModel *self = g_new0 (KsRaciGridModel, 1);
  gsize n_cells = (gsize) n_tasks * n_columns;

  self->n_phases = n_phases;
  self->n_tasks = n_tasks;
  self->n_columns = n_columns;
  self->phases = g_new0 (char *, n_phases + 1);
  self->tasks = g_new0 (KsRaciGridTask, MAX (n_tasks, 1));
  self->columns = g_new0 (KsRaciGridColumn, MAX (n_columns, 1));
  self->letters = g_new0 (guint8, MAX (n_cells, 1));
  self->main = g_new0 (guint8, MAX (n_cells, 1));
  return self;
}

void
ks_raci_grid_model_free (KsRaciGridModel *self)
{
  if (!self)
    return;
  for (guint i = 0; i < self->n_phases; i++)
    g_free (self->phases[i]);
  for (guint i = 0; i < self->n_tasks; i++)
    {
      g_free (self->tasks[i].name);
      g_free (self->tasks[i].message);
    }
  for (guint i = 0; i < self->n_columns; i++)
    {
      g_free (self->columns[i].label);
      g_free (self->columns[i].sublabel);
    }
  g_free (self->phases);
  g_free (self->tasks);
  g_free (self->columns);
  g_free (self->letters);
  g_free (self->main);
  g_free (self->title);
  g_free (self);
}

guint8
ks_raci_grid_model_get (const KsRaciGridModel *self,
                        guint                  task,
                        guint                  column)
{
  g_return_val_if_fail (self != NULL, 0);
  if (task >= self->n_tasks || column >= self->n_columns)
    return 0;
  return self->letters[(gsize) task * self->n_columns + column];
}

static int
load_index (guint8 letter)
{
  switch (letter)
    {
    case 'R': return KS_RACI_LOAD_R;
    case 'A': return KS_RACI_LOAD_A;
    case 'S': return KS_RACI_LOAD_S;
    case 'C': return KS_RACI_LOAD_C;
    case 'I': return KS_RACI_LOAD_I;
    default:  return -1;
    }
}

void
ks_raci_grid_model_count_load (KsRaciGridModel *self)
{
  g_return_if_fail (self != NULL);

  for (guint c = 0; c < self->n_columns; c++)
    memset (self->columns[c].load, 0, sizeof self->columns[c].load);
  for (guint t = 0; t < self->n_tasks; t++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        int i = load_index (self->letters[(gsize) t * self->n_columns + c]);

        if (i >= 0)
          self->columns[c].load[i]++;
      }
}

static KsRaciMark
mark_of (KsRaciSeverity severity)
{
  return severity == KS_RACI_ERROR ? KS_RACI_MARK_ERROR : KS_RACI_MARK_WARNING;
}

KsRaciGridModel *
ks_raci_grid_model_from_chart (const KsRaciChart *chart,
                               const KsRaciCheck *check)
{
  KsRaciGridModel *self;
  guint n_phases, n_tasks, n_columns;
  gboolean resolved;

  g_return_val_if_fail (chart != NULL, NULL);

  n_phases = chart->phases ? chart->phases->len : 0;
  n_tasks = chart->tasks ? chart->tasks->len : 0;
  n_columns = chart->columns ? chart->columns->len : 0;
  self = ks_raci_grid_model_new (n_phases, n_tasks, n_columns);
  self->title = g_strdup (chart->name);
  self->arsci = chart->arsci;
  /* roles resolve only against an account; without one "nobody" means nothing */
  resolved = chart->account_id > 0 || chart->account_name != NULL;

  for (guint i = 0; i < n_phases; i++)
    self->phases[i] = g_strdup (((KsRaciPhase *) g_ptr_array_index (chart->phases, i))->name);
  for (guint i = 0; i < n_tasks; i++)
    {
      const KsRaciTask *task = g_ptr_array_index (chart->tasks, i);

      self->tasks[i].name = g_strdup (task->name);
      self->tasks[i].phase = task->phase;
    }
  for (guint i = 0; i < n_columns; i++)
    {
      const KsRaciColumn *column = g_ptr_array_index (chart->columns, i);
      KsRaciGridColumn *out = &self->columns[i];

      out->label = g_strdup (column->label ? column->label : column->role);
      out->is_role = column->role != NULL;
      if (out->is_role)
        {
          out->sublabel = g_strdup (column->resolved_name);
          out->nobody = resolved && column->resolved_id == 0;
        }
    }
  if (n_tasks > 0 && n_columns > 0 && chart->letters)
    memcpy (self->letters, chart->letters, (gsize) n_tasks * n_columns);
  if (n_tasks > 0 && n_columns > 0 && chart->main)
    memcpy (self->main, chart->main, (gsize) n_tasks * n_columns);

  if (check && check->load && check->n_load == n_columns)
    for (guint i = 0; i < n_columns; i++)
      {
        guint *load = self->columns[i].load;

        load[KS_RACI_LOAD_R] = check->load[i].r;
        load[KS_RACI_LOAD_A] = check->load[i].a;
        load[KS_RACI_LOAD_S] = check->load[i].s;
        load[KS_RACI_LOAD_C] = check->load[i].c;
        load[KS_RACI_LOAD_I] = check->load[i].i;
      }
  else
    ks_raci_grid_model_count_load (self);

  if (check && check->findings)
    for (guint i = 0; i < check->findings->len; i++)
      {
        const KsRaciFinding *f = g_ptr_array_index (check->findings, i);
        KsRaciMark mark = mark_of (f->severity);

        if (f->task >= 0 && (guint) f->task < n_tasks)
          {
            KsRaciGridTask *task = &self->tasks[f->task];

            task->mark = MAX (task->mark, mark);
            if (!task->message && f->message)
              task->message = g_strdup (f->message);
          }
        else if (f->column >= 0 && (guint) f->column < n_columns)
          self->columns[f->column].mark = MAX (self->columns[f->column].mark, mark);
      }
  return self;
}
