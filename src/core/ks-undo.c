/* ks-undo.c — undo/redo for every table, recorded by triggers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The technique of sqlite.org's "Automatic Undo/Redo With SQLite": temporary
 * triggers write, for every row changed, the statement that reverses the
 * change into a temporary log. A user action is a range of that log. Undoing
 * runs the range backwards inside one transaction; the triggers record what
 * reverses the undo, which becomes the redo step. The SQL in the log is made by
 * SQLite's own quote() from the old values, never from text we assemble.
 *
 * A team workspace (PostgreSQL) keeps the same log, one per session: its
 * triggers are the schema's own (keystone_undo, ks-workspace-server.c) and
 * write only for a session that said SET keystone.undo = on. What they log
 * puts a row back only when it is as the change left it; when another user
 * has changed the row since, it fails (KS_DB_ERROR_CONFLICT), and the undo
 * is refused.
 */
#define G_LOG_DOMAIN "ks-undo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-undo-private.h"
#include "ks-workspace-sqlite.h"

/* Steps kept; older ones are forgotten. */
#define MAX_STEPS 200

typedef struct
{
  char   *label;
  gint64  first;   /* seq range in ks_undo_log, inclusive */
  gint64  last;
} Step;

struct _KsUndo
{
  KsWorkspace *workspace;   /* unowned: the workspace owns us */
  GQueue       undo;        /* of Step*, newest at the head */
  GQueue       redo;
  gint64       pending_first;
  Step        *pending;     /* ended, waiting for COMMIT */
  Step        *replaying;   /* produced by a replay, waiting for COMMIT */
};

static void
step_free (Step *step)
{
  if (step)
    {
      g_free (step->label);
      g_free (step);
    }
}

static gboolean
max_seq (KsUndo  *self,
         gint64  *out,
         GError **error)
{
  KsStmt *stmt = ks_workspace_prepare (self->workspace,
                                             "SELECT coalesce (max (seq), 0) FROM ks_undo_log",
                                             error);
  if (!stmt)
    return FALSE;
  if (ks_stmt_step (stmt) != KS_STEP_ROW)
    {
      ks_workspace_set_sql_error (self->workspace, error, _("read the undo log"));
      ks_stmt_reset (stmt);
      return FALSE;
    }
  *out = ks_stmt_column_int64 (stmt, 0);
  ks_stmt_reset (stmt);
  return TRUE;
}

static gboolean
delete_range (KsUndo  *self,
              gint64   first,
              gint64   last,
              GError **error)
{
  KsStmt *stmt = ks_workspace_prepare (self->workspace,
                                             "DELETE FROM ks_undo_log WHERE seq BETWEEN ?1 AND ?2",
                                             error);
  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, first);
  ks_stmt_bind_int64 (stmt, 2, last);
  return ks_workspace_step_done (self->workspace, stmt, _("trim the undo log"), error);
}

/* SQL expression (in trigger context) that renders old.COL as a literal
 * that reads back as the same value; REALs keep all 17 digits. */
static void
append_literal (GString    *sql,
                const char *column)
{
  g_string_append_printf (sql,
                          "CASE WHEN typeof (old.\"%s\") = 'real' "
                          "THEN printf ('%%!.17g', old.\"%s\") ELSE quote (old.\"%s\") END",
                          column, column, column);
}

static gboolean
create_triggers (KsUndo      *self,
                 const char  *table,
                 GError     **error)
{
  KsStmt *stmt;
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = g_string_new (NULL);
  int rc;

  /* Column names come from the schema, not from users. */
  stmt = ks_workspace_prepare (self->workspace,
                               "SELECT name, pk, upper (type),"
                               "       (SELECT count (*) FROM pragma_table_info (?1) WHERE pk > 0)"
                               "  FROM pragma_table_info (?1) ORDER BY cid",
                               error);
  if (!stmt)
    return FALSE;
  ks_stmt_bind_text (stmt, 1, table);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      /* The INTEGER PRIMARY KEY is the rowid itself (a key of several
       * columns is not). */
      if (ks_stmt_column_int (stmt, 1) == 1 && ks_stmt_column_int (stmt, 3) == 1 &&
          g_strcmp0 (ks_stmt_column_text (stmt, 2), "INTEGER") == 0)
        continue;
      g_ptr_array_add (columns, g_strdup (ks_stmt_column_text (stmt, 0)));
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (self->workspace, error, _("read the schema"));
      return FALSE;
    }

  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER IF NOT EXISTS \"ks_undo_%s_insert\" "
                          "AFTER INSERT ON main.\"%s\" BEGIN "
                          "INSERT INTO ks_undo_log (sql) VALUES "
                          "('DELETE FROM main.\"%s\" WHERE rowid = ' || new.rowid); END;",
                          table, table, table);

  /* Only a real change is logged: saving an unchanged row makes no undo step. */
  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER IF NOT EXISTS \"ks_undo_%s_update\" "
                          "AFTER UPDATE ON main.\"%s\" WHEN old.rowid IS NOT new.rowid",
                          table, table);
  for (guint i = 0; i < columns->len; i++)
    {
      const char *col = g_ptr_array_index (columns, i);

      if (!g_str_equal (col, "version"))   /* a save that changed nothing else */
        g_string_append_printf (sql, " OR old.\"%s\" IS NOT new.\"%s\"", col, col);
    }
  g_string_append_printf (sql,
                          " BEGIN "
                          "INSERT INTO ks_undo_log (sql) VALUES ('UPDATE main.\"%s\" SET rowid = ' || old.rowid",
                          table);
  for (guint i = 0; i < columns->len; i++)
    {
      const char *col = g_ptr_array_index (columns, i);

      /* A row version only grows (schema step 10): putting a row back is
       * one more change, never a return to a version another save may hold. */
      if (g_str_equal (col, "version"))
        {
          g_string_append (sql, " || ', \"version\" = \"version\" + 1'");
          continue;
        }
      g_string_append_printf (sql, " || ', \"%s\" = ' || ", col);
      append_literal (sql, col);
    }
  g_string_append (sql, " || ' WHERE rowid = ' || new.rowid); END;");

  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER IF NOT EXISTS \"ks_undo_%s_delete\" "
                          "BEFORE DELETE ON main.\"%s\" BEGIN "
                          "INSERT INTO ks_undo_log (sql) VALUES ('INSERT INTO main.\"%s\" (rowid",
                          table, table, table);
  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, ", \"%s\"", (const char *) g_ptr_array_index (columns, i));
  g_string_append (sql, ") VALUES (' || old.rowid");
  for (guint i = 0; i < columns->len; i++)
    {
      g_string_append (sql, " || ', ' || ");
      append_literal (sql, g_ptr_array_index (columns, i));
    }
  g_string_append (sql, " || ')'); END;");

  return ks_workspace_exec (self->workspace, sql->str, error);
}

KsUndo *
ks_undo_new (KsWorkspace        *workspace,
             const char * const *tables,
             guint               n_tables,
             GError            **error)
{
  KsUndo *self = g_new0 (KsUndo, 1);

  self->workspace = workspace;
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);

  if (!ks_workspace_get_db (workspace))
    {
      if (!ks_workspace_exec (workspace,
                              "CREATE TEMP TABLE IF NOT EXISTS ks_undo_log ("
                              "  seq BIGINT PRIMARY KEY,"
                              "  sql TEXT NOT NULL)", error) ||
          !ks_workspace_exec (workspace, "DELETE FROM ks_undo_log", error) ||
          !ks_workspace_exec (workspace, "SET keystone.undo = 'on'", error))
        goto fail;
      return self;
    }

  if (!ks_workspace_exec (workspace,
                          "CREATE TEMP TABLE IF NOT EXISTS ks_undo_log ("
                          "  seq INTEGER PRIMARY KEY,"
                          "  sql TEXT NOT NULL)", error))
    goto fail;
  if (!ks_workspace_exec (workspace, "DELETE FROM ks_undo_log", error))
    goto fail;
  for (guint i = 0; i < n_tables; i++)
    if (!create_triggers (self, tables[i], error))
      goto fail;
  return self;

fail:
  ks_undo_free (self);
  return NULL;
}

void
ks_undo_free (KsUndo *self)
{
  if (!self)
    return;
  g_queue_clear_full (&self->undo, (GDestroyNotify) step_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) step_free);
  step_free (self->pending);
  step_free (self->replaying);
  /* Drop the triggers so a workspace without undo pays nothing. */
  if (!ks_workspace_get_db (self->workspace))
    {
      ks_workspace_exec (self->workspace, "SET keystone.undo = 'off'", NULL);
      ks_workspace_exec (self->workspace, "DELETE FROM ks_undo_log", NULL);
    }
  else
  {
    sqlite3 *db = ks_workspace_get_db (self->workspace);
    sqlite3_stmt *stmt = NULL;
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    if (db && sqlite3_prepare_v2 (db, "SELECT name FROM temp.sqlite_master "
                                      "WHERE type = 'trigger' AND name LIKE 'ks_undo_%'",
                                  -1, &stmt, NULL) == SQLITE_OK)
      {
        while (sqlite3_step (stmt) == SQLITE_ROW)
          g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
        sqlite3_finalize (stmt);
      }
    for (guint i = 0; i < names->len; i++)
      {
        g_autofree char *drop = g_strdup_printf ("DROP TRIGGER temp.\"%s\"",
                                                 (const char *) g_ptr_array_index (names, i));
        sqlite3_exec (db, drop, NULL, NULL, NULL);
      }
    if (db)
      sqlite3_exec (db, "DELETE FROM ks_undo_log", NULL, NULL, NULL);
  }
  g_free (self);
}

void
ks_undo_clear (KsUndo *self)
{
  g_queue_clear_full (&self->undo, (GDestroyNotify) step_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) step_free);
  ks_workspace_exec (self->workspace, "DELETE FROM ks_undo_log", NULL);
}

const char *
ks_undo_get_label (KsUndo   *self,
                   gboolean  redo)
{
  Step *step = g_queue_peek_head (redo ? &self->redo : &self->undo);
  return step ? step->label : NULL;
}

gboolean
ks_undo_begin_step (KsUndo  *self,
                    GError **error)
{
  gint64 max;

  g_clear_pointer (&self->pending, step_free);
  if (!max_seq (self, &max, error))
    return FALSE;
  self->pending_first = max + 1;
  return TRUE;
}

gboolean
ks_undo_end_step (KsUndo      *self,
                  const char  *label,
                  GError     **error)
{
  gint64 max;

  if (!max_seq (self, &max, error))
    return FALSE;
  if (max < self->pending_first)
    return TRUE;   /* nothing changed: no step */

  /* A new action makes the redo steps unreachable. */
  for (GList *l = self->redo.head; l; l = l->next)
    {
      Step *step = l->data;
      if (!delete_range (self, step->first, step->last, error))
        return FALSE;
    }
  if (g_queue_get_length (&self->undo) >= MAX_STEPS)
    {
      Step *oldest = g_queue_peek_tail (&self->undo);
      if (!delete_range (self, oldest->first, oldest->last, error))
        return FALSE;
    }

  self->pending = g_new0 (Step, 1);
  self->pending->label = g_strdup (label);
  self->pending->first = self->pending_first;
  self->pending->last = max;
  return TRUE;
}

void
ks_undo_step_committed (KsUndo *self)
{
  if (!self->pending)
    return;
  g_queue_clear_full (&self->redo, (GDestroyNotify) step_free);
  if (g_queue_get_length (&self->undo) >= MAX_STEPS)
    step_free (g_queue_pop_tail (&self->undo));
  g_queue_push_head (&self->undo, g_steal_pointer (&self->pending));
}

void
ks_undo_step_abandoned (KsUndo *self)
{
  g_clear_pointer (&self->pending, step_free);
}

gboolean
ks_undo_replay (KsUndo    *self,
                gboolean   redo,
                GError   **error)
{
  Step *step = g_queue_peek_head (redo ? &self->redo : &self->undo);
  KsStmt *stmt;
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = ks_workspace_get_db (self->workspace);
  gint64 first, last;
  int rc;

  g_return_val_if_fail (step != NULL, FALSE);
  g_clear_pointer (&self->replaying, step_free);

  stmt = ks_workspace_prepare (self->workspace,
                               "SELECT sql FROM ks_undo_log WHERE seq BETWEEN ?1 AND ?2 "
                               "ORDER BY seq DESC",
                               error);
  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, step->first);
  ks_stmt_bind_int64 (stmt, 2, step->last);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    g_ptr_array_add (statements, g_strdup (ks_stmt_column_text (stmt, 0)));
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (self->workspace, error, _("read the undo log"));
      return FALSE;
    }
  if (!delete_range (self, step->first, step->last, error))
    return FALSE;

  /* Rows come back in reverse order, so a child may briefly precede its parent. */
  if (!ks_workspace_exec (self->workspace,
                          db ? "PRAGMA defer_foreign_keys = ON" : "SET CONSTRAINTS ALL DEFERRED", error))
    return FALSE;
  if (!max_seq (self, &first, error))
    return FALSE;
  first++;
  for (guint i = 0; i < statements->len; i++)
    {
      char *errmsg = NULL;

      if (!db)
        {
          g_autoptr(GError) local = NULL;

          if (ks_workspace_exec (self->workspace, g_ptr_array_index (statements, i), &local))
            continue;
          if (ks_workspace_last_error (self->workspace) == KS_DB_ERROR_CONFLICT)
            {
              g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT,
                           redo ? _("Could not redo “%s”: another user has changed the same data since")
                                : _("Could not undo “%s”: another user has changed the same data since"),
                           step->label);
              return FALSE;
            }
          g_set_error (error, KS_WORKSPACE_ERROR, local->code,
                       redo ? _("Could not redo “%s”: %s") : _("Could not undo “%s”: %s"),
                       step->label, ks_workspace_last_error_message (self->workspace));
          return FALSE;
        }
      if (sqlite3_exec (db, g_ptr_array_index (statements, i), NULL, NULL, &errmsg) != SQLITE_OK)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                       redo ? _("Could not redo “%s”: %s") : _("Could not undo “%s”: %s"),
                       step->label, errmsg);
          sqlite3_free (errmsg);
          return FALSE;
        }
    }
  if (!max_seq (self, &last, error))
    return FALSE;

  self->replaying = g_new0 (Step, 1);
  self->replaying->label = g_strdup (step->label);
  self->replaying->first = first;
  self->replaying->last = last;
  return TRUE;
}

void
ks_undo_replay_committed (KsUndo   *self,
                          gboolean  redo)
{
  GQueue *from = redo ? &self->redo : &self->undo;
  GQueue *to = redo ? &self->undo : &self->redo;

  step_free (g_queue_pop_head (from));
  if (self->replaying && self->replaying->last >= self->replaying->first)
    g_queue_push_head (to, g_steal_pointer (&self->replaying));
  g_clear_pointer (&self->replaying, step_free);
}

void
ks_undo_replay_abandoned (KsUndo *self)
{
  g_clear_pointer (&self->replaying, step_free);
}
