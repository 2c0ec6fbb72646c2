/* ks-workspace-copy.c — a whole workspace into a new one, file or server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a team moves its file onto a server, and a server's workspace back
 * into a file (keystone-cli copy, the app's Save a Copy of a team
 * workspace). Every table's rows go across as they are, ids and all, read
 * from one snapshot of the source and written in one transaction of the
 * target: the copy lands whole or not at all. The target's own first rows
 * (the seeded funnel stages and criteria) make way for the source's.
 */
#define G_LOG_DOMAIN "ks-workspace"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-workspace-copy.h"
#include "ks-workspace-private.h"

/* Rows of one table: SELECT from the source, INSERT into the target, value
 * by value in its declared kind (a REAL keeps all its digits). */
static gboolean
copy_table (KsWorkspace  *source,
            KsWorkspace  *target,
            const char   *table,
            gint64       *n_rows,
            GError      **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) kinds = g_string_new (NULL);
  g_autoptr(GString) select = g_string_new ("SELECT ");
  g_autoptr(GString) insert = g_string_new (NULL);
  KsStmt *from, *to;
  KsStep step;

  if (!ks_workspace_table_columns (source, table, names, kinds, error))
    return FALSE;
  if (names->len == 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("The workspace to copy has no table “%s”"), table);
      return FALSE;
    }
  /* Table and column names come from the schema, not from users. */
  g_string_append_printf (insert, "INSERT INTO \"%s\" (", table);
  for (guint i = 0; i < names->len; i++)
    {
      g_string_append_printf (select, "%s\"%s\"", i ? ", " : "", (char *) names->pdata[i]);
      g_string_append_printf (insert, "%s\"%s\"", i ? ", " : "", (char *) names->pdata[i]);
    }
  g_string_append_printf (select, " FROM \"%s\" ORDER BY 1", table);
  g_string_append (insert, ") VALUES (");
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (insert, "%s?%u", i ? ", " : "", i + 1);
  g_string_append (insert, ")");

  if (!(from = ks_workspace_prepare (source, select->str, error)) ||
      !(to = ks_workspace_prepare (target, insert->str, error)))
    return FALSE;
  while ((step = ks_stmt_step (from)) == KS_STEP_ROW)
    {
      for (guint i = 0; i < names->len; i++)
        {
          int column = (int) i, param = (int) i + 1;

          if (ks_stmt_column_is_null (from, column))
            ks_stmt_bind_null (to, param);
          else if (kinds->str[i] == 'i')
            ks_stmt_bind_int64 (to, param, ks_stmt_column_int64 (from, column));
          else if (kinds->str[i] == 'r')
            ks_stmt_bind_double (to, param, ks_stmt_column_double (from, column));
          else
            ks_stmt_bind_text (to, param, ks_stmt_column_text (from, column));
        }
      if (!ks_workspace_step_done (target, to, _("copy the rows"), error))
        {
          ks_stmt_reset (from);
          g_prefix_error (error, "%s: ", table);
          return FALSE;
        }
      ks_stmt_reset (to);
      (*n_rows)++;
    }
  ks_stmt_reset (from);
  if (step != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (source, error, _("read the rows"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
clear_table (KsWorkspace  *target,
             const char   *table,
             GError      **error)
{
  /* The name comes from the schema, not from users. */
  g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\"", table);

  return ks_workspace_exec (target, sql, error);
}

gboolean
ks_workspace_copy (KsWorkspace  *source,
                   KsWorkspace  *target,
                   gint64       *n_rows,
                   GError      **error)
{
  const char * const *tables;
  guint n_tables = 0;
  gint64 rows = 0;
  gboolean ok;

  g_return_val_if_fail (KS_IS_WORKSPACE (source), FALSE);
  g_return_val_if_fail (KS_IS_WORKSPACE (target), FALSE);
  g_return_val_if_fail (source != target, FALSE);

  if (ks_workspace_get_schema_version (source) != ks_workspace_latest_schema_version () ||
      ks_workspace_get_schema_version (target) != ks_workspace_latest_schema_version ())
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                   _("Only a workspace of this version of Keystone can be copied (schema %u)"),
                   ks_workspace_latest_schema_version ());
      return FALSE;
    }
  tables = ks_workspace_tables (&n_tables);
  if (!ks_workspace_begin_read (source, error))
    return FALSE;
  if (!ks_workspace_begin (target, _("Copy Workspace"), error))
    {
      ks_workspace_end_read (source, NULL);
      return FALSE;
    }
  ok = ks_workspace_defer_foreign_keys (target, error);
  /* Children first, so no cascade reaches a table already copied. */
  for (guint i = n_tables; ok && i > 0; i--)
    ok = clear_table (target, tables[i - 1], error);
  for (guint i = 0; ok && i < n_tables; i++)
    ok = copy_table (source, target, tables[i], &rows, error);
  ok = ok && ks_workspace_ids_follow_rows (target, error);
  ks_workspace_end_read (source, NULL);
  if (!ok)
    {
      ks_workspace_rollback (target);
      return FALSE;
    }
  if (!ks_workspace_commit (target, error))
    return FALSE;
  if (n_rows)
    *n_rows = rows;
  return TRUE;
}
