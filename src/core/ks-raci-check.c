/* ks-raci-check.c — the checks of a RACI chart: a pure function over the
 * plain KsRaciChart (PRODUCT.md §5, seed-kam §5.1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-raci"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-raci.h"

typedef enum
{
  NO_ACCOUNTABLE,
  SEVERAL_ACCOUNTABLE,
  NO_RESPONSIBLE,
  SEVERAL_RESPONSIBLE,
  RESPONSIBLE_AND_ACCOUNTABLE,
  EMPTY_COLUMN,
  UNBOUND_ROLE,
  N_KINDS
} Kind;

static const char *const kind_names[N_KINDS] = {
  "no-accountable", "several-accountable", "no-responsible",
  "several-responsible", "responsible-and-accountable", "empty-column", "unbound-role",
};

static void
finding_free (gpointer data)
{
  KsRaciFinding *f = data;

  g_free (f->kind);
  g_free (f->message);
  g_free (f);
}

void
ks_raci_check_free (KsRaciCheck *check)
{
  if (check)
    {
      g_ptr_array_unref (check->findings);
      g_free (check->load);
      g_free (check);
    }
}

static void
add (KsRaciCheck *check,
     Kind         kind,
     int          task,
     int          column,
     char        *message)
{
  KsRaciFinding *f = g_new0 (KsRaciFinding, 1);

  f->severity = kind <= NO_RESPONSIBLE ? KS_RACI_ERROR : KS_RACI_WARNING;
  f->kind = g_strdup (kind_names[kind]);
  f->task = task;
  f->column = column;
  f->message = message;
  if (f->severity == KS_RACI_ERROR)
    check->n_errors++;
  else
    check->n_warnings++;
  g_ptr_array_add (check->findings, f);
}

static const char *
task_name (const KsRaciChart *chart,
           guint              t)
{
  return ((KsRaciTask *) g_ptr_array_index (chart->tasks, t))->name;
}

static KsRaciColumn *
column_at (const KsRaciChart *chart,
           guint              c)
{
  return g_ptr_array_index (chart->columns, c);
}

KsRaciCheck *
ks_raci_check (const KsRaciChart *chart)
{
  KsRaciCheck *check;
  guint nt, nc;
  /* Found per task (or column), then emitted kind by kind. */
  g_autofree guint *n_r = NULL, *n_a = NULL, *has_main = NULL;
  g_autofree int *same_person = NULL;   /* task → the R column whose person is also A, or -1 */

  g_return_val_if_fail (chart != NULL, NULL);

  nt = chart->tasks->len;
  nc = chart->columns->len;
  check = g_new0 (KsRaciCheck, 1);
  check->findings = g_ptr_array_new_with_free_func (finding_free);
  check->load = g_new0 (KsRaciLoad, MAX (nc, 1));
  check->n_load = nc;
  n_r = g_new0 (guint, MAX (nt, 1));
  n_a = g_new0 (guint, MAX (nt, 1));
  has_main = g_new0 (guint, MAX (nt, 1));
  same_person = g_new (int, MAX (nt, 1));

  for (guint t = 0; t < nt; t++)
    {
      same_person[t] = -1;
      for (guint c = 0; c < nc; c++)
        {
          KsRaciLoad *load = &check->load[c];

          switch (ks_raci_chart_get (chart, t, c))
            {
            case KS_RACI_R:
              n_r[t]++;
              load->r++;
              if (chart->main[t * chart->n_sized_columns + c])
                has_main[t] = TRUE;
              break;
            case KS_RACI_A: n_a[t]++; load->a++; break;
            case KS_RACI_S: load->s++; break;
            case KS_RACI_C: load->c++; break;
            case KS_RACI_I: load->i++; break;
            case KS_RACI_EMPTY:
            default: break;
            }
        }
      /* The same person R and A: one cell holds one letter, so this takes
       * two columns that stand for one person (a person and a role resolved
       * to them, or two roles held by one person). */
      for (guint c = 0; c < nc && same_person[t] < 0; c++)
        {
          gint64 who = column_at (chart, c)->resolved_id;

          if (who <= 0 || ks_raci_chart_get (chart, t, c) != KS_RACI_R)
            continue;
          for (guint d = 0; d < nc; d++)
            if (d != c && column_at (chart, d)->resolved_id == who &&
                ks_raci_chart_get (chart, t, d) == KS_RACI_A)
              {
                same_person[t] = c;
                break;
              }
        }
    }

  for (guint t = 0; t < nt; t++)
    if (n_a[t] == 0)
      add (check, NO_ACCOUNTABLE, t, -1,
           g_strdup_printf (_("“%s” has no one accountable (A); give exactly one person the A"),
                            task_name (chart, t)));
  for (guint t = 0; t < nt; t++)
    if (n_a[t] > 1)
      add (check, SEVERAL_ACCOUNTABLE, t, -1,
           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "“%s” has %u people accountable (A); only one can own the result",
                                         "“%s” has %u people accountable (A); only one can own the result",
                                         n_a[t]),
                            task_name (chart, t), n_a[t]));
  for (guint t = 0; t < nt; t++)
    if (n_r[t] == 0)
      add (check, NO_RESPONSIBLE, t, -1,
           g_strdup_printf (_("“%s” has no one responsible (R); someone has to do the work"),
                            task_name (chart, t)));
  for (guint t = 0; t < nt; t++)
    if (n_r[t] > 1 && !has_main[t])
      add (check, SEVERAL_RESPONSIBLE, t, -1,
           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "“%s” has %u people responsible (R) and none is the main one; mark one R as main",
                                         "“%s” has %u people responsible (R) and none is the main one; mark one R as main",
                                         n_r[t]),
                            task_name (chart, t), n_r[t]));
  for (guint t = 0; t < nt; t++)
    if (same_person[t] >= 0)
      add (check, RESPONSIBLE_AND_ACCOUNTABLE, t, same_person[t],
           g_strdup_printf (_("%s is both responsible (R) and accountable (A) for “%s”; nobody checks the work"),
                            column_at (chart, same_person[t])->resolved_name
                              ? column_at (chart, same_person[t])->resolved_name
                              : column_at (chart, same_person[t])->label,
                            task_name (chart, t)));
  for (guint c = 0; c < nc; c++)
    {
      KsRaciLoad *l = &check->load[c];
      if (l->r + l->a + l->s + l->c + l->i == 0)
        add (check, EMPTY_COLUMN, -1, c,
             g_strdup_printf (_("“%s” has no letter in any task; give them a part or remove the column"),
                              column_at (chart, c)->label));
    }
  if (chart->account_name)
    for (guint c = 0; c < nc; c++)
      {
        KsRaciColumn *column = column_at (chart, c);
        if (column->person_id <= 0 && column->resolved_id <= 0)
          add (check, UNBOUND_ROLE, -1, c,
               g_strdup_printf (_("Nobody in the team of %s has the role “%s”; set it on a team member"),
                                chart->account_name, column->label));
      }
  return check;
}
