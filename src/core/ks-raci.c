/* ks-raci.c — RACI charts: the chart in memory, storage, edits and the
 * resolution of role columns through an account's team (PRODUCT.md §5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tables (schema 6): raci_charts, raci_phases, raci_tasks, raci_columns,
 * raci_cells. Phases, tasks (within their phase) and columns keep a
 * position 0 … n-1 that the edits below keep dense.
 */
#define G_LOG_DOMAIN "ks-raci"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-raci-private.h"
#include "ks-workspace-private.h"

#define MAX_NAME_CHARS 200

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

static char *
clean_name (const char  *name,
            const char  *what,
            GError     **error)
{
  g_autofree char *trimmed = NULL;

  if (!name || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The %s has no name; it needs one"), what);
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (name));
  if (!*trimmed)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The %s has no name; it needs one"), what);
      return NULL;
    }
  if (g_utf8_strlen (trimmed, -1) > MAX_NAME_CHARS)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The name of the %s is longer than %d characters"), what, MAX_NAME_CHARS);
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}

static gboolean
run (KsWorkspace   *ws,
     sqlite3_stmt  *stmt,
     const char    *action,
     GError       **error)
{
  return ks_workspace_step_done (ws, stmt, action, error);
}

/* One integer (or 0 when there is no row; -1 on error). */
static gint64
query_int (KsWorkspace *ws,
           const char  *sql,
           gint64       a,
           gint64       b,
           const char  *action,
           GError     **error)
{
  sqlite3_stmt *stmt = ks_workspace_prepare (ws, sql, error);
  gint64 v = 0;
  int rc;

  if (!stmt)
    return -1;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ks_workspace_set_sql_error (ws, error, action);
      return -1;
    }
  return v;
}

static gboolean
not_found (GError    **error,
           const char *what,
           gint64      id)
{
  g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
               _("There is no RACI %s with id %" G_GINT64_FORMAT), what, id);
  return FALSE;
}

/* The fixed statements that keep one kind of row's positions dense. */
typedef struct
{
  const char *what;          /* for messages: "phase", "task", "column" */
  const char *parent_of;     /* ?1 id → parent, position */
  const char *count;         /* ?1 parent → n */
  const char *open_gap;      /* ?1 parent, ?2 position: position + 1 from there */
  const char *close_gap;     /* ?1 parent, ?2 position: position - 1 after it */
  const char *set_position;  /* ?1 id, ?2 position */
} Positions;

static const Positions phase_positions = {
  N_("phase"),
  "SELECT chart_id, position FROM raci_phases WHERE id = ?1",
  "SELECT count (*) FROM raci_phases WHERE chart_id = ?1",
  "UPDATE raci_phases SET position = position + 1 WHERE chart_id = ?1 AND position >= ?2",
  "UPDATE raci_phases SET position = position - 1 WHERE chart_id = ?1 AND position > ?2",
  "UPDATE raci_phases SET position = ?2 WHERE id = ?1",
};

static const Positions task_positions = {
  N_("task"),
  "SELECT phase_id, position FROM raci_tasks WHERE id = ?1",
  "SELECT count (*) FROM raci_tasks WHERE phase_id = ?1",
  "UPDATE raci_tasks SET position = position + 1 WHERE phase_id = ?1 AND position >= ?2",
  "UPDATE raci_tasks SET position = position - 1 WHERE phase_id = ?1 AND position > ?2",
  "UPDATE raci_tasks SET position = ?2 WHERE id = ?1",
};

static const Positions column_positions = {
  N_("column"),
  "SELECT chart_id, position FROM raci_columns WHERE id = ?1",
  "SELECT count (*) FROM raci_columns WHERE chart_id = ?1",
  "UPDATE raci_columns SET position = position + 1 WHERE chart_id = ?1 AND position >= ?2",
  "UPDATE raci_columns SET position = position - 1 WHERE chart_id = ?1 AND position > ?2",
  "UPDATE raci_columns SET position = ?2 WHERE id = ?1",
};

static gboolean
row_parent (KsWorkspace     *ws,
            const Positions *kind,
            gint64           id,
            gint64          *parent,
            gint64          *position,
            GError         **error)
{
  sqlite3_stmt *stmt = ks_workspace_prepare (ws, kind->parent_of, error);
  int rc;

  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *parent = sqlite3_column_int64 (stmt, 0);
      *position = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return not_found (error, _(kind->what), id);
  if (rc != SQLITE_ROW)
    {
      ks_workspace_set_sql_error (ws, error, _("read a RACI chart"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
shift (KsWorkspace *ws,
       const char  *sql,
       gint64       parent,
       gint64       position,
       GError     **error)
{
  sqlite3_stmt *stmt = ks_workspace_prepare (ws, sql, error);

  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, parent);
  sqlite3_bind_int64 (stmt, 2, position);
  return run (ws, stmt, _("move a row of a RACI chart"), error);
}

/* Makes room at @position (clamped; -1 = last) under @parent; returns it or -1. */
static gint64
open_gap (KsWorkspace     *ws,
          const Positions *kind,
          gint64           parent,
          int              position,
          GError         **error)
{
  gint64 n = query_int (ws, kind->count, parent, 0, _("read a RACI chart"), error);

  if (n < 0)
    return -1;
  if (position < 0 || position > n)
    return n;
  if (!shift (ws, kind->open_gap, parent, position, error))
    return -1;
  return position;
}

static gboolean
move_row (KsWorkspace     *ws,
          const Positions *kind,
          gint64           id,
          int              position,
          const char      *label,
          GError         **error)
{
  gint64 parent, old, n;
  sqlite3_stmt *stmt;

  if (!row_parent (ws, kind, id, &parent, &old, error))
    return FALSE;
  if ((n = query_int (ws, kind->count, parent, 0, _("read a RACI chart"), error)) < 0)
    return FALSE;
  if (position < 0 || position >= n)
    position = n - 1;
  if (position == old)
    return TRUE;
  if (!ks_workspace_begin (ws, label, error))
    return FALSE;
  if (!shift (ws, kind->close_gap, parent, old, error) ||
      !shift (ws, kind->open_gap, parent, position, error) ||
      !(stmt = ks_workspace_prepare (ws, kind->set_position, error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, position);
  if (!run (ws, stmt, _("move a row of a RACI chart"), error))
    goto fail;
  return ks_workspace_commit (ws, error);

fail:
  ks_workspace_rollback (ws);
  return FALSE;
}

/* ---- roles --------------------------------------------------------------------- */

GHashTable *
ks_raci_team_roles (KsWorkspace  *ws,
                    gint64        account_id,
                    GError      **error)
{
  g_autoptr(GHashTable) roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, column_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = ks_workspace_prepare (ws,
                                     "SELECT t.role, p.id, p.name FROM account_team t"
                                     " JOIN people p ON p.id = t.person_id"
                                     " WHERE t.account_id = ?1 AND t.role <> ''"
                                     " ORDER BY t.core DESC, p.name, p.id",
                                     error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
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
      c->resolved_id = sqlite3_column_int64 (stmt, 1);
      c->resolved_name = g_strdup (ks_column_text (stmt, 2));
      g_hash_table_insert (roles, key, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
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
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = ks_workspace_prepare (ws,
                                     "SELECT DISTINCT role FROM account_team WHERE role <> '' ORDER BY role",
                                     error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (ks_column_text (stmt, 0)));
      char *key = g_utf8_casefold (trimmed, -1);

      if (*key && !g_hash_table_contains (roles, key))
        g_hash_table_insert (roles, key, g_steal_pointer (&trimmed));
      else
        g_free (key);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
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
  sqlite3_stmt *stmt;
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
  sqlite3_bind_int64 (stmt, 1, account_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KsRaciChartInfo *info = g_new0 (KsRaciChartInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->name = g_strdup (ks_column_text (stmt, 1));
      ks_raci_scope_from_name (ks_column_text (stmt, 2), &info->scope);
      info->account_id = sqlite3_column_int64 (stmt, 3);
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        info->account_name = g_strdup (ks_column_text (stmt, 4));
      info->arsci = sqlite3_column_int (stmt, 5) != 0;
      info->n_tasks = sqlite3_column_int (stmt, 6);
      g_ptr_array_add (list, info);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
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
            sqlite3_stmt *stmt,
            int           rc,
            GError      **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
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
  sqlite3_stmt *stmt;
  guint nc;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT c.name, c.scope, c.account_id, a.name, c.arsci"
                                     " FROM raci_charts c LEFT JOIN accounts a ON a.id = c.account_id"
                                     " WHERE c.id = ?1",
                                     error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, chart_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      chart->id = chart_id;
      chart->name = g_strdup (ks_column_text (stmt, 0));
      ks_raci_scope_from_name (ks_column_text (stmt, 1), &chart->scope);
      chart->account_id = sqlite3_column_int64 (stmt, 2);
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        chart->account_name = g_strdup (ks_column_text (stmt, 3));
      chart->arsci = sqlite3_column_int (stmt, 4) != 0;
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      not_found (error, _("chart"), chart_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
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
          sqlite3_bind_int64 (stmt, 1, resolve_for);
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            chart->account_name = g_strdup (ks_column_text (stmt, 0));
          sqlite3_reset (stmt);
          if (rc != SQLITE_ROW)
            {
              g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                           _("There is no account with id %" G_GINT64_FORMAT), resolve_for);
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
  sqlite3_bind_int64 (stmt, 1, chart_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
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
  sqlite3_bind_int64 (stmt, 1, chart_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 phase_id = sqlite3_column_int64 (stmt, 1);
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
  sqlite3_bind_int64 (stmt, 1, chart_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 person_id = sqlite3_column_int64 (stmt, 1);
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
  sqlite3_bind_int64 (stmt, 1, chart_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 task_id = sqlite3_column_int64 (stmt, 0);
      gint64 column_id = sqlite3_column_int64 (stmt, 1);
      gpointer t, c;
      const char *letter = ks_column_text (stmt, 2);

      if (!g_hash_table_lookup_extended (task_index, &task_id, NULL, &t) ||
          !g_hash_table_lookup_extended (column_index, &column_id, NULL, &c))
        continue;
      chart->letters[GPOINTER_TO_UINT (t) * nc + GPOINTER_TO_UINT (c)] = (guint8) letter[0];
      chart->main[GPOINTER_TO_UINT (t) * nc + GPOINTER_TO_UINT (c)] = sqlite3_column_int (stmt, 3) != 0;
    }
  if (!step_error (workspace, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&chart);
}

/* ---- charts -------------------------------------------------------------------- */

/* The id of a chart named @name ignoring case (other than @except), 0 if none, -1 on error. */
static gint64
chart_named (KsWorkspace  *ws,
             const char   *name,
             gint64        except,
             GError      **error)
{
  g_autoptr(GPtrArray) list = ks_raci_chart_list (ws, 0, error);
  g_autofree char *key = g_utf8_casefold (name, -1);

  if (!list)
    return -1;
  for (guint i = 0; i < list->len; i++)
    {
      KsRaciChartInfo *info = g_ptr_array_index (list, i);
      g_autofree char *other = g_utf8_casefold (info->name, -1);

      if (info->id != except && g_str_equal (key, other))
        return info->id;
    }
  return 0;
}

static gboolean
check_scope (KsWorkspace  *ws,
             KsRaciScope   scope,
             gint64        account_id,
             GError      **error)
{
  if (scope != KS_RACI_SCOPE_ACCOUNT)
    {
      if (account_id != 0)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("Only an account's RACI chart belongs to an account"));
          return FALSE;
        }
      return TRUE;
    }
  if (account_id <= 0 ||
      query_int (ws, "SELECT count (*) FROM accounts WHERE id = ?1", account_id, 0,
                 _("read the accounts"), error) <= 0)
    {
      if (error && !*error)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("An account's RACI chart needs an account"));
      return FALSE;
    }
  return TRUE;
}

gint64
ks_raci_chart_create (KsWorkspace  *workspace,
                      const char   *name,
                      KsRaciScope   scope,
                      gint64        account_id,
                      gboolean      arsci,
                      GError      **error)
{
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt;
  gint64 other, id;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  if (!(trimmed = clean_name (name, _("RACI chart"), error)) ||
      !check_scope (workspace, scope, account_id, error))
    return 0;
  if ((other = chart_named (workspace, trimmed, 0, error)) != 0)
    {
      if (other > 0)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("There is a RACI chart “%s” already; chart names must differ (ignoring case)"),
                     trimmed);
      return 0;
    }
  if (!ks_workspace_begin (workspace, _("Add RACI Chart"), error))
    return 0;
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "INSERT INTO raci_charts (name, scope, account_id, arsci)"
                                     " VALUES (?1, ?2, ?3, ?4)",
                                     error)))
    goto fail;
  ks_bind_text (stmt, 1, trimmed);
  ks_bind_text (stmt, 2, ks_raci_scope_name (scope));
  ks_bind_id (stmt, 3, account_id);
  sqlite3_bind_int (stmt, 4, arsci ? 1 : 0);
  if (!run (workspace, stmt, _("add a RACI chart"), error))
    goto fail;
  id = sqlite3_last_insert_rowid (ks_workspace_get_db (workspace));
  if (!ks_workspace_commit (workspace, error))
    return 0;
  return id;

fail:
  ks_workspace_rollback (workspace);
  return 0;
}

static gboolean
chart_exists (KsWorkspace  *ws,
              gint64        chart_id,
              GError      **error)
{
  gint64 n = query_int (ws, "SELECT count (*) FROM raci_charts WHERE id = ?1", chart_id, 0,
                        _("read a RACI chart"), error);

  if (n < 0)
    return FALSE;
  if (n == 0)
    return not_found (error, _("chart"), chart_id);
  return TRUE;
}

/* Runs one fixed UPDATE/DELETE with ?1 (and ?2 text) as one user action. */
static gboolean
simple_edit (KsWorkspace  *ws,
             const char   *label,
             const char   *sql,
             gint64        id,
             const char   *text,
             gint64        value,
             GError      **error)
{
  sqlite3_stmt *stmt;

  if (!ks_workspace_begin (ws, label, error))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (ws, sql, error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (text)
    ks_bind_text (stmt, 2, text);
  else if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, value);
  if (!run (ws, stmt, _("change a RACI chart"), error))
    goto fail;
  return ks_workspace_commit (ws, error);

fail:
  ks_workspace_rollback (ws);
  return FALSE;
}

gboolean
ks_raci_chart_rename (KsWorkspace  *workspace,
                      gint64        chart_id,
                      const char   *name,
                      GError      **error)
{
  g_autofree char *trimmed = NULL;
  gint64 other;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!(trimmed = clean_name (name, _("RACI chart"), error)) || !chart_exists (workspace, chart_id, error))
    return FALSE;
  if ((other = chart_named (workspace, trimmed, chart_id, error)) != 0)
    {
      if (other > 0)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("There is a RACI chart “%s” already; chart names must differ (ignoring case)"),
                     trimmed);
      return FALSE;
    }
  return simple_edit (workspace, _("Rename RACI Chart"),
                      "UPDATE raci_charts SET name = ?2 WHERE id = ?1", chart_id, trimmed, 0, error);
}

gboolean
ks_raci_chart_set_arsci (KsWorkspace  *workspace,
                         gint64        chart_id,
                         gboolean      arsci,
                         GError      **error)
{
  gint64 n_s;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!chart_exists (workspace, chart_id, error))
    return FALSE;
  if (!arsci)
    {
      n_s = query_int (workspace,
                       "SELECT count (*) FROM raci_cells x JOIN raci_columns c ON c.id = x.column_id"
                       " WHERE c.chart_id = ?1 AND x.letter = 'S'",
                       chart_id, 0, _("read a RACI chart"), error);
      if (n_s < 0)
        return FALSE;
      if (n_s > 0)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The chart has %" G_GINT64_FORMAT " S (supportive) letter; change it before leaving ARSCI mode",
                                    "The chart has %" G_GINT64_FORMAT " S (supportive) letters; change them before leaving ARSCI mode",
                                    n_s),
                       n_s);
          return FALSE;
        }
    }
  return simple_edit (workspace, arsci ? _("Use ARSCI") : _("Use RACI"),
                      "UPDATE raci_charts SET arsci = ?2 WHERE id = ?1", chart_id, NULL, arsci ? 1 : 0, error);
}

gboolean
ks_raci_chart_delete (KsWorkspace  *workspace,
                      gint64        chart_id,
                      GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!chart_exists (workspace, chart_id, error))
    return FALSE;
  return simple_edit (workspace, _("Delete RACI Chart"),
                      "DELETE FROM raci_charts WHERE id = ?1", chart_id, NULL, 0, error);
}

/* ---- phases and tasks ---------------------------------------------------------------- */

/* Inserts with fixed SQL taking ?1 parent, ?2 position, ?3 name. */
static gint64
insert_positioned (KsWorkspace     *ws,
                   const Positions *kind,
                   const char      *sql,
                   const char      *label,
                   gint64           parent,
                   const char      *name,
                   int              position,
                   GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 at, id;

  if (!ks_workspace_begin (ws, label, error))
    return 0;
  if ((at = open_gap (ws, kind, parent, position, error)) < 0 ||
      !(stmt = ks_workspace_prepare (ws, sql, error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, parent);
  sqlite3_bind_int64 (stmt, 2, at);
  ks_bind_text (stmt, 3, name);
  if (!run (ws, stmt, _("change a RACI chart"), error))
    goto fail;
  id = sqlite3_last_insert_rowid (ks_workspace_get_db (ws));
  if (!ks_workspace_commit (ws, error))
    return 0;
  return id;

fail:
  ks_workspace_rollback (ws);
  return 0;
}

static gboolean
delete_positioned (KsWorkspace     *ws,
                   const Positions *kind,
                   const char      *sql,
                   const char      *label,
                   gint64           id,
                   GError         **error)
{
  gint64 parent, position;
  sqlite3_stmt *stmt;

  if (!row_parent (ws, kind, id, &parent, &position, error))
    return FALSE;
  if (!ks_workspace_begin (ws, label, error))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (ws, sql, error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!run (ws, stmt, _("change a RACI chart"), error) ||
      !shift (ws, kind->close_gap, parent, position, error))
    goto fail;
  return ks_workspace_commit (ws, error);

fail:
  ks_workspace_rollback (ws);
  return FALSE;
}

gint64
ks_raci_phase_add (KsWorkspace  *workspace,
                   gint64        chart_id,
                   const char   *name,
                   int           position,
                   GError      **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  if (!(trimmed = clean_name (name, _("phase"), error)) || !chart_exists (workspace, chart_id, error))
    return 0;
  return insert_positioned (workspace, &phase_positions,
                            "INSERT INTO raci_phases (chart_id, position, name) VALUES (?1, ?2, ?3)",
                            _("Add Phase"), chart_id, trimmed, position, error);
}

gboolean
ks_raci_phase_rename (KsWorkspace  *workspace,
                      gint64        phase_id,
                      const char   *name,
                      GError      **error)
{
  g_autofree char *trimmed = NULL;
  gint64 parent, position;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!(trimmed = clean_name (name, _("phase"), error)) ||
      !row_parent (workspace, &phase_positions, phase_id, &parent, &position, error))
    return FALSE;
  return simple_edit (workspace, _("Rename Phase"),
                      "UPDATE raci_phases SET name = ?2 WHERE id = ?1", phase_id, trimmed, 0, error);
}

gboolean
ks_raci_phase_move (KsWorkspace  *workspace,
                    gint64        phase_id,
                    int           position,
                    GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  return move_row (workspace, &phase_positions, phase_id, position, _("Move Phase"), error);
}

gboolean
ks_raci_phase_delete (KsWorkspace  *workspace,
                      gint64        phase_id,
                      GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  return delete_positioned (workspace, &phase_positions, "DELETE FROM raci_phases WHERE id = ?1",
                            _("Delete Phase"), phase_id, error);
}

gint64
ks_raci_task_add (KsWorkspace  *workspace,
                  gint64        phase_id,
                  const char   *name,
                  int           position,
                  GError      **error)
{
  g_autofree char *trimmed = NULL;
  gint64 chart, at;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  if (!(trimmed = clean_name (name, _("task"), error)) ||
      !row_parent (workspace, &phase_positions, phase_id, &chart, &at, error))
    return 0;
  return insert_positioned (workspace, &task_positions,
                            "INSERT INTO raci_tasks (phase_id, position, name) VALUES (?1, ?2, ?3)",
                            _("Add Task"), phase_id, trimmed, position, error);
}

gboolean
ks_raci_task_rename (KsWorkspace  *workspace,
                     gint64        task_id,
                     const char   *name,
                     GError      **error)
{
  g_autofree char *trimmed = NULL;
  gint64 parent, position;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!(trimmed = clean_name (name, _("task"), error)) ||
      !row_parent (workspace, &task_positions, task_id, &parent, &position, error))
    return FALSE;
  return simple_edit (workspace, _("Rename Task"),
                      "UPDATE raci_tasks SET name = ?2 WHERE id = ?1", task_id, trimmed, 0, error);
}

gboolean
ks_raci_task_move (KsWorkspace  *workspace,
                   gint64        task_id,
                   gint64        phase_id,
                   int           position,
                   GError      **error)
{
  gint64 old_phase, old_position, old_chart, new_chart, p;
  sqlite3_stmt *stmt;
  gint64 at;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!row_parent (workspace, &task_positions, task_id, &old_phase, &old_position, error) ||
      !row_parent (workspace, &phase_positions, phase_id, &new_chart, &p, error) ||
      !row_parent (workspace, &phase_positions, old_phase, &old_chart, &p, error))
    return FALSE;
  if (old_chart != new_chart)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("A task moves only within its own RACI chart"));
      return FALSE;
    }
  if (old_phase == phase_id)
    return move_row (workspace, &task_positions, task_id, position, _("Move Task"), error);

  if (!ks_workspace_begin (workspace, _("Move Task"), error))
    return FALSE;
  if (!shift (workspace, task_positions.close_gap, old_phase, old_position, error) ||
      (at = open_gap (workspace, &task_positions, phase_id, position, error)) < 0 ||
      !(stmt = ks_workspace_prepare (workspace,
                                     "UPDATE raci_tasks SET phase_id = ?2, position = ?3 WHERE id = ?1", error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, task_id);
  sqlite3_bind_int64 (stmt, 2, phase_id);
  sqlite3_bind_int64 (stmt, 3, at);
  if (!run (workspace, stmt, _("move a task"), error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

gboolean
ks_raci_task_delete (KsWorkspace  *workspace,
                     gint64        task_id,
                     GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  return delete_positioned (workspace, &task_positions, "DELETE FROM raci_tasks WHERE id = ?1",
                            _("Delete Task"), task_id, error);
}

/* ---- columns and cells ---------------------------------------------------------------- */

gint64
ks_raci_column_add (KsWorkspace  *workspace,
                    gint64        chart_id,
                    gint64        person_id,
                    const char   *role,
                    int           position,
                    GError      **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(KsRaciChart) chart = NULL;
  sqlite3_stmt *stmt;
  gint64 at, id;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  if (person_id > 0)
    {
      gint64 n = query_int (workspace, "SELECT count (*) FROM people WHERE id = ?1", person_id, 0,
                            _("read the people"), error);
      if (n <= 0)
        {
          if (n == 0)
            g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                         _("There is no person with id %" G_GINT64_FORMAT), person_id);
          return 0;
        }
    }
  else if (!(trimmed = clean_name (role, _("role"), error)))
    return 0;
  if (!(chart = ks_raci_chart_load (workspace, chart_id, -1, error)))
    return 0;
  for (guint i = 0; i < chart->columns->len; i++)
    {
      KsRaciColumn *c = g_ptr_array_index (chart->columns, i);
      gboolean same;

      if (person_id > 0)
        same = c->person_id == person_id;
      else
        {
          g_autofree char *a = g_utf8_casefold (trimmed, -1);
          g_autofree char *b = c->role ? g_utf8_casefold (c->role, -1) : NULL;
          same = b && g_str_equal (a, b);
        }
      if (same)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("“%s” has a column in this chart already"), c->label);
          return 0;
        }
    }

  if (!ks_workspace_begin (workspace, _("Add Column"), error))
    return 0;
  if ((at = open_gap (workspace, &column_positions, chart_id, position, error)) < 0 ||
      !(stmt = ks_workspace_prepare (workspace,
                                     "INSERT INTO raci_columns (chart_id, position, person_id, role)"
                                     " VALUES (?1, ?2, ?3, ?4)",
                                     error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, chart_id);
  sqlite3_bind_int64 (stmt, 2, at);
  ks_bind_id (stmt, 3, person_id > 0 ? person_id : 0);
  ks_bind_text_or_null (stmt, 4, person_id > 0 ? NULL : trimmed);
  if (!run (workspace, stmt, _("add a column"), error))
    goto fail;
  id = sqlite3_last_insert_rowid (ks_workspace_get_db (workspace));
  if (!ks_workspace_commit (workspace, error))
    return 0;
  return id;

fail:
  ks_workspace_rollback (workspace);
  return 0;
}

gboolean
ks_raci_column_move (KsWorkspace  *workspace,
                     gint64        column_id,
                     int           position,
                     GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  return move_row (workspace, &column_positions, column_id, position, _("Move Column"), error);
}

gboolean
ks_raci_column_delete (KsWorkspace  *workspace,
                       gint64        column_id,
                       GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  return delete_positioned (workspace, &column_positions, "DELETE FROM raci_columns WHERE id = ?1",
                            _("Delete Column"), column_id, error);
}

gboolean
ks_raci_cell_set (KsWorkspace  *workspace,
                  gint64        task_id,
                  gint64        column_id,
                  KsRaciLetter  letter,
                  gboolean      main,
                  GError      **error)
{
  gint64 phase, position, task_chart, column_chart, arsci;
  sqlite3_stmt *stmt;
  char text[2] = { (char) letter, 0 };

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!row_parent (workspace, &task_positions, task_id, &phase, &position, error) ||
      !row_parent (workspace, &phase_positions, phase, &task_chart, &position, error) ||
      !row_parent (workspace, &column_positions, column_id, &column_chart, &position, error))
    return FALSE;
  if (task_chart != column_chart)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The task and the column belong to different RACI charts"));
      return FALSE;
    }
  if (letter != KS_RACI_EMPTY && !ks_raci_letter_parse ((gunichar) letter, TRUE, NULL))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("A RACI cell holds R, A, C, I or S"));
      return FALSE;
    }
  if (letter == KS_RACI_S)
    {
      if ((arsci = query_int (workspace, "SELECT arsci FROM raci_charts WHERE id = ?1", task_chart, 0,
                              _("read a RACI chart"), error)) < 0)
        return FALSE;
      if (!arsci)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("S (supportive) is used only in an ARSCI chart; switch the chart to ARSCI first"));
          return FALSE;
        }
    }
  if (main && letter != KS_RACI_R)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("Only an R can be the task's main responsible"));
      return FALSE;
    }

  if (!ks_workspace_begin (workspace, letter == KS_RACI_EMPTY ? _("Clear Cell") : _("Set Cell"), error))
    return FALSE;
  if (letter == KS_RACI_EMPTY)
    {
      if (!(stmt = ks_workspace_prepare (workspace,
                                         "DELETE FROM raci_cells WHERE task_id = ?1 AND column_id = ?2", error)))
        goto fail;
      sqlite3_bind_int64 (stmt, 1, task_id);
      sqlite3_bind_int64 (stmt, 2, column_id);
      if (!run (workspace, stmt, _("clear a cell"), error))
        goto fail;
      return ks_workspace_commit (workspace, error);
    }
  if (main)
    {
      if (!(stmt = ks_workspace_prepare (workspace,
                                         "UPDATE raci_cells SET main = 0"
                                         " WHERE task_id = ?1 AND column_id <> ?2 AND main = 1", error)))
        goto fail;
      sqlite3_bind_int64 (stmt, 1, task_id);
      sqlite3_bind_int64 (stmt, 2, column_id);
      if (!run (workspace, stmt, _("set a cell"), error))
        goto fail;
    }
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "INSERT INTO raci_cells (task_id, column_id, letter, main) VALUES (?1, ?2, ?3, ?4)"
                                     " ON CONFLICT (task_id, column_id) DO UPDATE"
                                     " SET letter = excluded.letter, main = excluded.main"
                                     " WHERE raci_cells.letter IS NOT excluded.letter"
                                     "    OR raci_cells.main IS NOT excluded.main",
                                     error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, task_id);
  sqlite3_bind_int64 (stmt, 2, column_id);
  ks_bind_text (stmt, 3, text);
  sqlite3_bind_int (stmt, 4, main ? 1 : 0);
  if (!run (workspace, stmt, _("set a cell"), error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

/* ---- writing a whole chart ------------------------------------------------------------ */

gint64
ks_raci_chart_write (KsWorkspace        *workspace,
                     const KsRaciChart  *chart,
                     gint64              replace_id,
                     const char         *label,
                     GError            **error)
{
  g_autofree gint64 *phase_ids = NULL;
  g_autofree gint64 *task_ids = NULL;
  g_autofree gint64 *column_ids = NULL;
  g_autofree guint *task_position = NULL;
  g_autofree guint *phase_count = NULL;
  guint nt = chart->tasks->len, nc = chart->columns->len;
  sqlite3_stmt *stmt;
  sqlite3 *db = ks_workspace_get_db (workspace);
  gint64 id = replace_id;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  if (!ks_workspace_begin (workspace, label, error))
    return 0;
  if (replace_id > 0)
    {
      if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM raci_phases WHERE chart_id = ?1", error)))
        goto fail;
      sqlite3_bind_int64 (stmt, 1, replace_id);
      if (!run (workspace, stmt, _("replace a RACI chart"), error))
        goto fail;
      if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM raci_columns WHERE chart_id = ?1", error)))
        goto fail;
      sqlite3_bind_int64 (stmt, 1, replace_id);
      if (!run (workspace, stmt, _("replace a RACI chart"), error))
        goto fail;
      if (chart->arsci)
        {
          if (!(stmt = ks_workspace_prepare (workspace,
                                             "UPDATE raci_charts SET arsci = 1 WHERE id = ?1 AND arsci = 0", error)))
            goto fail;
          sqlite3_bind_int64 (stmt, 1, replace_id);
          if (!run (workspace, stmt, _("replace a RACI chart"), error))
            goto fail;
        }
    }
  else if (!(id = ks_raci_chart_create (workspace, chart->name, chart->scope, chart->account_id,
                                        chart->arsci, error)))
    goto fail;

  phase_ids = g_new0 (gint64, MAX (chart->phases->len, 1));
  phase_count = g_new0 (guint, MAX (chart->phases->len, 1));
  task_ids = g_new0 (gint64, MAX (nt, 1));
  task_position = g_new0 (guint, MAX (nt, 1));
  column_ids = g_new0 (gint64, MAX (nc, 1));

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "INSERT INTO raci_phases (chart_id, position, name) VALUES (?1, ?2, ?3)", error)))
    goto fail;
  for (guint i = 0; i < chart->phases->len; i++)
    {
      KsRaciPhase *p = g_ptr_array_index (chart->phases, i);

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, i);
      ks_bind_text (stmt, 3, p->name);
      if (!run (workspace, stmt, _("add a phase"), error))
        goto fail;
      phase_ids[i] = sqlite3_last_insert_rowid (db);
    }
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "INSERT INTO raci_tasks (phase_id, position, name) VALUES (?1, ?2, ?3)", error)))
    goto fail;
  for (guint i = 0; i < nt; i++)
    {
      KsRaciTask *t = g_ptr_array_index (chart->tasks, i);

      sqlite3_bind_int64 (stmt, 1, phase_ids[t->phase]);
      sqlite3_bind_int64 (stmt, 2, phase_count[t->phase]++);
      ks_bind_text (stmt, 3, t->name);
      if (!run (workspace, stmt, _("add a task"), error))
        goto fail;
      task_ids[i] = sqlite3_last_insert_rowid (db);
    }
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "INSERT INTO raci_columns (chart_id, position, person_id, role)"
                                     " VALUES (?1, ?2, ?3, ?4)", error)))
    goto fail;
  for (guint i = 0; i < nc; i++)
    {
      KsRaciColumn *c = g_ptr_array_index (chart->columns, i);

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, i);
      ks_bind_id (stmt, 3, c->person_id);
      ks_bind_text_or_null (stmt, 4, c->person_id > 0 ? NULL : c->role);
      if (!run (workspace, stmt, _("add a column"), error))
        goto fail;
      column_ids[i] = sqlite3_last_insert_rowid (db);
    }
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "INSERT INTO raci_cells (task_id, column_id, letter, main) VALUES (?1, ?2, ?3, ?4)",
                                     error)))
    goto fail;
  for (guint t = 0; t < nt; t++)
    for (guint c = 0; c < nc; c++)
      {
        char text[2] = { (char) ks_raci_chart_get (chart, t, c), 0 };

        if (!text[0])
          continue;
        sqlite3_bind_int64 (stmt, 1, task_ids[t]);
        sqlite3_bind_int64 (stmt, 2, column_ids[c]);
        ks_bind_text (stmt, 3, text);
        sqlite3_bind_int (stmt, 4, chart->main[t * chart->n_sized_columns + c] && text[0] == 'R' ? 1 : 0);
        if (!run (workspace, stmt, _("set a cell"), error))
          goto fail;
      }
  if (!ks_workspace_commit (workspace, error))
    return 0;
  return id;

fail:
  ks_workspace_rollback (workspace);
  return 0;
}
