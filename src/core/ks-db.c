/* ks-db.c — the statement interface: each call goes to the engine's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ks-db-private.h"
#include "ks-error.h"

KsStep
ks_stmt_step (KsStmt *stmt)
{
  return stmt->klass->step (stmt);
}

void
ks_stmt_reset (KsStmt *stmt)
{
  stmt->klass->reset (stmt);
}

void
ks_stmt_clear_bindings (KsStmt *stmt)
{
  stmt->klass->clear_bindings (stmt);
}

int
ks_stmt_bind_parameter_count (KsStmt *stmt)
{
  return stmt->klass->bind_parameter_count (stmt);
}

int
ks_stmt_column_count (KsStmt *stmt)
{
  return stmt->klass->column_count (stmt);
}

void
ks_stmt_bind_int64 (KsStmt *stmt,
                    int     idx,
                    gint64  value)
{
  stmt->klass->bind_int64 (stmt, idx, value);
}

void
ks_stmt_bind_int (KsStmt *stmt,
                  int     idx,
                  int     value)
{
  stmt->klass->bind_int64 (stmt, idx, value);
}

void
ks_stmt_bind_double (KsStmt *stmt,
                     int     idx,
                     double  value)
{
  stmt->klass->bind_double (stmt, idx, value);
}

void
ks_stmt_bind_null (KsStmt *stmt,
                   int     idx)
{
  stmt->klass->bind_null (stmt, idx);
}

void
ks_stmt_bind_text (KsStmt     *stmt,
                   int         idx,
                   const char *text)
{
  if (text)
    stmt->klass->bind_text (stmt, idx, text, -1, TRUE);
  else
    stmt->klass->bind_null (stmt, idx);
}

void
ks_stmt_bind_text_static (KsStmt     *stmt,
                          int         idx,
                          const char *text,
                          gssize      length)
{
  stmt->klass->bind_text (stmt, idx, text, length, FALSE);
}

gint64
ks_stmt_column_int64 (KsStmt *stmt,
                      int     idx)
{
  return stmt->klass->column_int64 (stmt, idx);
}

int
ks_stmt_column_int (KsStmt *stmt,
                    int     idx)
{
  return (int) stmt->klass->column_int64 (stmt, idx);
}

double
ks_stmt_column_double (KsStmt *stmt,
                       int     idx)
{
  return stmt->klass->column_double (stmt, idx);
}

const char *
ks_stmt_column_text (KsStmt *stmt,
                     int     idx)
{
  return stmt->klass->column_text (stmt, idx);
}

gboolean
ks_stmt_column_is_null (KsStmt *stmt,
                        int     idx)
{
  return stmt->klass->column_is_null (stmt, idx);
}

static void
stmt_free (gpointer data)
{
  KsStmt *stmt = data;

  stmt->klass->free (stmt);
}

void
ks_db_init_common (KsDb            *db,
                   const KsDbClass *klass)
{
  db->klass = klass;
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stmt_free);
}

void
ks_db_clear_common (KsDb *db)
{
  g_clear_pointer (&db->statements, g_hash_table_unref);
}

void
ks_db_close (KsDb *db)
{
  if (db)
    db->klass->close (db);
}

KsStmt *
ks_db_prepare (KsDb        *db,
               const char  *sql,
               GError     **error)
{
  KsStmt *stmt;

  g_return_val_if_fail (db != NULL && sql != NULL, NULL);

  stmt = g_hash_table_lookup (db->statements, sql);
  if (stmt)
    {
      ks_stmt_reset (stmt);
      ks_stmt_clear_bindings (stmt);
      return stmt;
    }
  stmt = db->klass->prepare (db, sql, error);
  if (stmt)
    g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
ks_db_exec (KsDb        *db,
            const char  *sql,
            GError     **error)
{
  g_return_val_if_fail (db != NULL && sql != NULL, FALSE);
  return db->klass->exec (db, sql, error);
}

gint64
ks_db_last_insert_id (KsDb *db)
{
  return db->klass->last_insert_id (db);
}

gint64
ks_db_changes (KsDb *db)
{
  return db->klass->changes (db);
}

gint64
ks_db_total_changes (KsDb *db)
{
  return db->klass->total_changes (db);
}

KsDbError
ks_db_last_error (KsDb *db)
{
  return db->klass->last_error (db);
}

const char *
ks_db_error_message (KsDb *db)
{
  return db->klass->error_message (db);
}
