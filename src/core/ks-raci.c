/* ks-raci.c — RACI charts: their names (scopes, letters), the chart in
 * memory, the resolution of role columns through an account's team, and
 * listing and loading charts (PRODUCT.md §5); the edits are in
 * ks-raci-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tables (schema 6): raci_charts, raci_phases, raci_tasks, raci_columns,
 * raci_cells.
 */
#define G_LOG_DOMAIN "ks-raci"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-raci-private.h"
#include "ks-workspace-private.h"

/* ---- names ------------------------------------------------------------------- */

const char *
ks_raci_scope_name (KsRaciScope scope)
{
  switch (scope)
    {
    case KS_RACI_SCOPE_COMPANY: return "company";
    case KS_RACI_SCOPE_PROCESS: return "process";
    case KS_RACI_SCOPE_ACCOUNT: return "account";
    default: g_return_val_if_reached ("process");
    }
}

gboolean
ks_raci_scope_from_name (const char  *name,
                         KsRaciScope *scope)
{
  static const KsRaciScope all[] = { KS_RACI_SCOPE_COMPANY, KS_RACI_SCOPE_PROCESS, KS_RACI_SCOPE_ACCOUNT };

  for (guint i = 0; name && i < G_N_ELEMENTS (all); i++)
    if (g_str_equal (name, ks_raci_scope_name (all[i])))
      {
        if (scope)
          *scope = all[i];
        return TRUE;
      }
  return FALSE;
}

const char *
ks_raci_letter_label (KsRaciLetter letter)
{
  switch (letter)
    {
    case KS_RACI_R: return _("Responsible");
    case KS_RACI_A: return _("Accountable");
    case KS_RACI_S: return _("Supportive");
    case KS_RACI_C: return _("Consulted");
    case KS_RACI_I: return _("Informed");
    case KS_RACI_EMPTY:
    default: return NULL;
    }
}

gboolean
ks_raci_letter_parse (gunichar      c,
                      gboolean      arsci,
                      KsRaciLetter *letter)
{
  KsRaciLetter l;

  switch (g_unichar_toupper (c))
    {
    case 'R': l = KS_RACI_R; break;
    case 'A': l = KS_RACI_A; break;
    case 'C': l = KS_RACI_C; break;
    case 'I': l = KS_RACI_I; break;
    case 'S':
      if (!arsci)
        return FALSE;
      l = KS_RACI_S;
      break;
    default:
      return FALSE;
    }
  if (letter)
    *letter = l;
  return TRUE;
}

/* ---- the chart in memory ----------------------------------------------------------- */

static void
phase_free (gpointer data)
{
  KsRaciPhase *p = data;

  g_free (p->name);
  g_free (p);
}

static void
task_free (gpointer data)
{
  KsRaciTask *t = data;

  g_free (t->name);
  g_free (t);
}

static void
column_free (gpointer data)
{
  KsRaciColumn *c = data;

  g_free (c->role);
  g_free (c->label);
  g_free (c->resolved_name);
  g_free (c);
}

KsRaciChart *
ks_raci_chart_new (void)
{
  KsRaciChart *chart = g_new0 (KsRaciChart, 1);

  chart->scope = KS_RACI_SCOPE_PROCESS;
  chart->phases = g_ptr_array_new_with_free_func (phase_free);
  chart->tasks = g_ptr_array_new_with_free_func (task_free);
  chart->columns = g_ptr_array_new_with_free_func (column_free);
  return chart;
}

void
ks_raci_chart_free (KsRaciChart *chart)
{
  if (!chart)
    return;
  g_free (chart->name);
  g_free (chart->account_name);
  g_ptr_array_unref (chart->phases);
  g_ptr_array_unref (chart->tasks);
  g_ptr_array_unref (chart->columns);
  g_free (chart->letters);
  g_free (chart->main);
  g_free (chart);
}

KsRaciLetter
ks_raci_chart_get (const KsRaciChart *chart,
                   guint              task,
                   guint              column)
{
  g_return_val_if_fail (chart != NULL, KS_RACI_EMPTY);
  g_return_val_if_fail (task < chart->tasks->len && column < chart->columns->len, KS_RACI_EMPTY);

  if (!chart->letters || task >= chart->n_sized_tasks || column >= chart->n_sized_columns)
    return KS_RACI_EMPTY;
  return chart->letters[task * chart->n_sized_columns + column];
}

guint
ks_raci_chart_add_phase (KsRaciChart *chart,
                         const char  *name)
{
  KsRaciPhase *p = g_new0 (KsRaciPhase, 1);

  p->name = g_strdup (name);
  g_ptr_array_add (chart->phases, p);
  return chart->phases->len - 1;
}

guint
ks_raci_chart_add_task (KsRaciChart *chart,
                        guint        phase,
                        const char  *name)
{
  KsRaciTask *t = g_new0 (KsRaciTask, 1);

  g_return_val_if_fail (phase < chart->phases->len, 0);
  t->phase = phase;
  t->name = g_strdup (name);
  g_ptr_array_add (chart->tasks, t);
  return chart->tasks->len - 1;
}

guint
ks_raci_chart_add_column (KsRaciChart *chart,
                          gint64       person_id,
                          const char  *role,
                          const char  *label)
{
  KsRaciColumn *c = g_new0 (KsRaciColumn, 1);

  c->person_id = person_id;
  c->role = person_id > 0 ? NULL : g_strdup (role);
  c->label = g_strdup (label ? label : role);
  if (person_id > 0)
    {
      c->resolved_id = person_id;
      c->resolved_name = g_strdup (label);
    }
  g_ptr_array_add (chart->columns, c);
  return chart->columns->len - 1;
}

void
ks_raci_chart_grow (KsRaciChart *chart)
{
  guint nt = chart->tasks->len, nc = chart->columns->len;
  guint ot = chart->letters ? chart->n_sized_tasks : 0;
  guint oc = chart->letters ? chart->n_sized_columns : 0;
  guint8 *letters, *main;

  if (ot == nt && oc == nc && chart->letters)
    return;
  letters = g_malloc0 (MAX (nt * nc, 1));
  main = g_malloc0 (MAX (nt * nc, 1));
  for (guint t = 0; t < MIN (ot, nt); t++)
    for (guint c = 0; c < MIN (oc, nc); c++)
      {
        letters[t * nc + c] = chart->letters[t * oc + c];
        main[t * nc + c] = chart->main[t * oc + c];
      }
  g_free (chart->letters);
  g_free (chart->main);
  chart->letters = letters;
  chart->main = main;
  chart->n_sized_tasks = nt;
  chart->n_sized_columns = nc;
}

void
ks_raci_chart_set (KsRaciChart  *chart,
                   guint         task,
                   guint         column,
                   KsRaciLetter  letter,
                   gboolean      main)
{
  guint nc = chart->columns->len;

  g_return_if_fail (task < chart->tasks->len && column < nc);
  ks_raci_chart_grow (chart);
  chart->letters[task * nc + column] = letter;
  chart->main[task * nc + column] = main && letter == KS_RACI_R;
}

/* ---- helpers --------------------------------------------------------------------- */

gboolean
ks_raci_not_found (GError    **error,
                   const char *what,
                   gint64      id)
{
  g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
               _("There is no RACI %s with id %" PRId64), what, id);
  return FALSE;
}

/* ---- roles --------------------------------------------------------------------- */

GHashTable *
ks_raci_team_roles (KsWorkspace  *ws,
                    gint64        account_id,
                    GError      **error)
{
  g_autoptr(GHashTable) roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, column_free);
  KsStmt *stmt;
  int rc;

  if (!(stmt = ks_workspace_prepare (ws,
                                     "SELECT t.role, p.id, p.name FROM account_team t"
                                     " JOIN people p ON p.id = t.person_id"
                                     " WHERE t.account_id = ?1 AND t.role <> ''"
                                     " ORDER BY t.core DESC, p.name, p.id",
                                     error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (ks_column_text (stmt, 0)));
      char *key = g_utf8_casefold (trimmed, -1);
      KsRaciColumn *c;

      if (!*key || g_hash_table_contains (roles, key))
        {
          g_free (key);
          continue;
        }
      c = g_new0 (KsRaciColumn, 1);
      c->resolved_id = ks_stmt_column_int64 (stmt, 1);
      c->resolved_name = g_strdup (ks_column_text (stmt, 2));
      g_hash_table_insert (roles, key, c);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (ws, error, _("read an account team"));
      return NULL;
    }
  return g_steal_pointer (&roles);
}

GHashTable *
ks_raci_known_roles (KsWorkspace  *ws,
                     GError      **error)
{
  g_autoptr(GHashTable) roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  KsStmt *stmt;
  int rc;

  if (!(stmt = ks_workspace_prepare (ws,
                                     "SELECT DISTINCT role FROM account_team WHERE role <> '' ORDER BY role",
                                     error)))
    return NULL;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (ks_column_text (stmt, 0)));
      char *key = g_utf8_casefold (trimmed, -1);

      if (*key && !g_hash_table_contains (roles, key))
        g_hash_table_insert (roles, key, g_steal_pointer (&trimmed));
      else
        g_free (key);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (ws, error, _("read the account teams"));
      return NULL;
    }
  return g_steal_pointer (&roles);
}

/* ---- listing and loading --------------------------------------------------------------- */

void
ks_raci_chart_info_free (KsRaciChartInfo *info)
{
  if (info)
    {
      g_free (info->name);
      g_free (info->account_name);
      g_free (info);
    }
}

GPtrArray *
ks_raci_chart_list (KsWorkspace  *workspace,
                    gint64        account_id,
                    GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_raci_chart_info_free);
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT c.id, c.name, c.scope, c.account_id, a.name, c.arsci,"
                                     "  (SELECT count (*) FROM raci_tasks t JOIN raci_phases p ON p.id = t.phase_id"
                                     "    WHERE p.chart_id = c.id)"
                                     " FROM raci_charts c LEFT JOIN accounts a ON a.id = c.account_id"
                                     " WHERE ?1 = 0 OR (?1 > 0 AND c.account_id = ?1)"
                                     "    OR (?1 < 0 AND c.account_id IS NULL)"
                                     " ORDER BY c.name, c.id",
                                     error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      KsRaciChartInfo *info = g_new0 (KsRaciChartInfo, 1);

      info->id = ks_stmt_column_int64 (stmt, 0);
      info->name = g_strdup (ks_column_text (stmt, 1));
      ks_raci_scope_from_name (ks_column_text (stmt, 2), &info->scope);
      info->account_id = ks_stmt_column_int64 (stmt, 3);
      if (!ks_stmt_column_is_null (stmt, 4))
        info->account_name = g_strdup (ks_column_text (stmt, 4));
      info->arsci = ks_stmt_column_int (stmt, 5) != 0;
      info->n_tasks = ks_stmt_column_int (stmt, 6);
      g_ptr_array_add (list, info);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the RACI charts"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
ks_raci_chart_find (KsWorkspace  *workspace,
                    const char   *name,
                    GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GString) matches = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  gint64 found = 0;
  guint n_found = 0;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  if (!(list = ks_raci_chart_list (workspace, 0, error)))
    return 0;
  trimmed = g_strstrip (g_strdup (name ? name : ""));
  key = g_utf8_casefold (trimmed, -1);
  for (guint i = 0; i < list->len; i++)
    {
      KsRaciChartInfo *info = g_ptr_array_index (list, i);
      if (g_str_equal (info->name, trimmed))
        return info->id;
    }
  for (guint i = 0; i < list->len; i++)
    {
      KsRaciChartInfo *info = g_ptr_array_index (list, i);
      g_autofree char *other = g_utf8_casefold (info->name, -1);

      if (g_str_equal (other, key))
        {
          found = info->id;
          g_string_append_printf (matches, "%s“%s”", n_found++ ? ", " : "", info->name);
        }
      if (i < 8)
        g_string_append_printf (names, "%s“%s”", i ? ", " : "", info->name);
    }
  if (n_found == 1)
    return found;
  if (n_found > 1)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                 _("The RACI chart name “%s” is ambiguous: it could be %s"), trimmed, matches->str);
  else if (list->len)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no RACI chart “%s”; the charts are %s"), trimmed, names->str);
  else
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no RACI chart “%s”; this workspace has none"), trimmed);
  return 0;
}

static gboolean
step_error (KsWorkspace  *ws,
            KsStmt *stmt,
            int           rc,
            GError      **error)
{
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (ws, error, _("read a RACI chart"));
      return FALSE;
    }
  return TRUE;
}

KsRaciChart *
ks_raci_chart_load (KsWorkspace  *workspace,
                    gint64        chart_id,
                    gint64        for_account_id,
                    GError      **error)
{
  g_autoptr(KsRaciChart) chart = ks_raci_chart_new ();
  g_autoptr(GHashTable) phase_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) task_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) column_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) roles = NULL;
  gint64 resolve_for;
  KsStmt *stmt;
  guint nc;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT c.name, c.scope, c.account_id, a.name, c.arsci"
                                     " FROM raci_charts c LEFT JOIN accounts a ON a.id = c.account_id"
                                     " WHERE c.id = ?1",
                                     error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, chart_id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    {
      chart->id = chart_id;
      chart->name = g_strdup (ks_column_text (stmt, 0));
      ks_raci_scope_from_name (ks_column_text (stmt, 1), &chart->scope);
      chart->account_id = ks_stmt_column_int64 (stmt, 2);
      if (!ks_stmt_column_is_null (stmt, 3))
        chart->account_name = g_strdup (ks_column_text (stmt, 3));
      chart->arsci = ks_stmt_column_int (stmt, 4) != 0;
    }
  ks_stmt_reset (stmt);
  if (rc == KS_STEP_DONE)
    {
      ks_raci_not_found (error, _("chart"), chart_id);
      return NULL;
    }
  if (rc != KS_STEP_ROW)
    {
      ks_workspace_set_sql_error (workspace, error, _("read a RACI chart"));
      return NULL;
    }

  resolve_for = for_account_id > 0 ? for_account_id : chart->account_id;
  if (resolve_for > 0)
    {
      if (resolve_for != chart->account_id)
        {
          g_free (chart->account_name);
          chart->account_name = NULL;
          if (!(stmt = ks_workspace_prepare (workspace, "SELECT name FROM accounts WHERE id = ?1", error)))
            return NULL;
          ks_stmt_bind_int64 (stmt, 1, resolve_for);
          rc = ks_stmt_step (stmt);
          if (rc == KS_STEP_ROW)
            chart->account_name = g_strdup (ks_column_text (stmt, 0));
          ks_stmt_reset (stmt);
          if (rc != KS_STEP_ROW)
            {
              g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                           _("There is no account with id %" PRId64), resolve_for);
              return NULL;
            }
        }
      if (!(roles = ks_raci_team_roles (workspace, resolve_for, error)))
        return NULL;
    }

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT id, name FROM raci_phases WHERE chart_id = ?1 ORDER BY position, id",
                                     error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, chart_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      gint64 id = ks_stmt_column_int64 (stmt, 0);
      guint i = ks_raci_chart_add_phase (chart, ks_column_text (stmt, 1));

      ((KsRaciPhase *) g_ptr_array_index (chart->phases, i))->id = id;
      g_hash_table_insert (phase_index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i));
    }
  if (!step_error (workspace, stmt, rc, error))
    return NULL;

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT t.id, t.phase_id, t.name FROM raci_tasks t"
                                     " JOIN raci_phases p ON p.id = t.phase_id"
                                     " WHERE p.chart_id = ?1 ORDER BY p.position, p.id, t.position, t.id",
                                     error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, chart_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      gint64 id = ks_stmt_column_int64 (stmt, 0);
      gint64 phase_id = ks_stmt_column_int64 (stmt, 1);
      guint phase = GPOINTER_TO_UINT (g_hash_table_lookup (phase_index, &phase_id));
      guint i = ks_raci_chart_add_task (chart, phase, ks_column_text (stmt, 2));

      ((KsRaciTask *) g_ptr_array_index (chart->tasks, i))->id = id;
      g_hash_table_insert (task_index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i));
    }
  if (!step_error (workspace, stmt, rc, error))
    return NULL;

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT c.id, c.person_id, c.role, p.name FROM raci_columns c"
                                     " LEFT JOIN people p ON p.id = c.person_id"
                                     " WHERE c.chart_id = ?1 ORDER BY c.position, c.id",
                                     error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, chart_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      gint64 id = ks_stmt_column_int64 (stmt, 0);
      gint64 person_id = ks_stmt_column_int64 (stmt, 1);
      const char *role = ks_column_text (stmt, 2);
      guint i = ks_raci_chart_add_column (chart, person_id, role,
                                          person_id > 0 ? ks_column_text (stmt, 3) : role);
      KsRaciColumn *column = g_ptr_array_index (chart->columns, i);

      column->id = id;
      if (person_id == 0 && roles)
        {
          g_autofree char *key = g_utf8_casefold (role, -1);
          KsRaciColumn *holder = g_hash_table_lookup (roles, key);

          if (holder)
            {
              column->resolved_id = holder->resolved_id;
              column->resolved_name = g_strdup (holder->resolved_name);
            }
        }
      g_hash_table_insert (column_index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i));
    }
  if (!step_error (workspace, stmt, rc, error))
    return NULL;

  ks_raci_chart_grow (chart);
  nc = chart->columns->len;
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT x.task_id, x.column_id, x.letter, x.main FROM raci_cells x"
                                     " JOIN raci_columns c ON c.id = x.column_id"
                                     " WHERE c.chart_id = ?1",
                                     error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, chart_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      gint64 task_id = ks_stmt_column_int64 (stmt, 0);
      gint64 column_id = ks_stmt_column_int64 (stmt, 1);
      gpointer t, c;
      const char *letter = ks_column_text (stmt, 2);

      if (!g_hash_table_lookup_extended (task_index, &task_id, NULL, &t) ||
          !g_hash_table_lookup_extended (column_index, &column_id, NULL, &c))
        continue;
      chart->letters[GPOINTER_TO_UINT (t) * nc + GPOINTER_TO_UINT (c)] = (guint8) letter[0];
      chart->main[GPOINTER_TO_UINT (t) * nc + GPOINTER_TO_UINT (c)] = ks_stmt_column_int (stmt, 3) != 0;
    }
  if (!step_error (workspace, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&chart);
}
