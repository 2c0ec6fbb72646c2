/* ks-db-sqlite.c — the statement interface (ks-db.h) over SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KsStmt is the sqlite3_stmt itself: each call is SQLite's own, and a
 * statement costs nothing more than before the interface existed.
 */
#include "config.h"

#include "ks-workspace-sqlite.h"

sqlite3_stmt *
ks_stmt_get_sqlite (KsStmt *stmt)
{
  return (sqlite3_stmt *) stmt;
}

KsStmt *
ks_stmt_from_sqlite (sqlite3_stmt *stmt)
{
  return (KsStmt *) stmt;
}

#define S(stmt) ((sqlite3_stmt *) (stmt))

KsStep
ks_stmt_step (KsStmt *stmt)
{
  int rc = sqlite3_step (S (stmt));

  return rc == SQLITE_ROW ? KS_STEP_ROW : rc == SQLITE_DONE ? KS_STEP_DONE : KS_STEP_ERROR;
}

void
ks_stmt_reset (KsStmt *stmt)
{
  sqlite3_reset (S (stmt));
}

void
ks_stmt_clear_bindings (KsStmt *stmt)
{
  sqlite3_clear_bindings (S (stmt));
}

int
ks_stmt_bind_parameter_count (KsStmt *stmt)
{
  return sqlite3_bind_parameter_count (S (stmt));
}

int
ks_stmt_column_count (KsStmt *stmt)
{
  return sqlite3_column_count (S (stmt));
}

void
ks_stmt_bind_int64 (KsStmt *stmt,
                    int     idx,
                    gint64  value)
{
  sqlite3_bind_int64 (S (stmt), idx, value);
}

void
ks_stmt_bind_int (KsStmt *stmt,
                  int     idx,
                  int     value)
{
  sqlite3_bind_int (S (stmt), idx, value);
}

void
ks_stmt_bind_double (KsStmt *stmt,
                     int     idx,
                     double  value)
{
  sqlite3_bind_double (S (stmt), idx, value);
}

void
ks_stmt_bind_null (KsStmt *stmt,
                   int     idx)
{
  sqlite3_bind_null (S (stmt), idx);
}

void
ks_stmt_bind_text (KsStmt     *stmt,
                   int         idx,
                   const char *text)
{
  if (text)
    sqlite3_bind_text (S (stmt), idx, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (S (stmt), idx);
}

void
ks_stmt_bind_text_static (KsStmt     *stmt,
                          int         idx,
                          const char *text,
                          gssize      length)
{
  sqlite3_bind_text (S (stmt), idx, text, (int) length, SQLITE_STATIC);
}

gint64
ks_stmt_column_int64 (KsStmt *stmt,
                      int     idx)
{
  return sqlite3_column_int64 (S (stmt), idx);
}

int
ks_stmt_column_int (KsStmt *stmt,
                    int     idx)
{
  return sqlite3_column_int (S (stmt), idx);
}

double
ks_stmt_column_double (KsStmt *stmt,
                       int     idx)
{
  return sqlite3_column_double (S (stmt), idx);
}

const char *
ks_stmt_column_text (KsStmt *stmt,
                     int     idx)
{
  return (const char *) sqlite3_column_text (S (stmt), idx);
}

gboolean
ks_stmt_column_is_null (KsStmt *stmt,
                        int     idx)
{
  return sqlite3_column_type (S (stmt), idx) == SQLITE_NULL;
}

gint64
ks_workspace_last_insert_id (KsWorkspace *self)
{
  return sqlite3_last_insert_rowid (ks_workspace_get_db (self));
}

gint64
ks_workspace_changes (KsWorkspace *self)
{
  return sqlite3_changes (ks_workspace_get_db (self));
}

gint64
ks_workspace_total_changes (KsWorkspace *self)
{
  return sqlite3_total_changes (ks_workspace_get_db (self));
}

KsDbError
ks_workspace_last_error (KsWorkspace *self)
{
  int rc = sqlite3_extended_errcode (ks_workspace_get_db (self));

  switch (rc)
    {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
      return KS_DB_ERROR_NONE;
    case SQLITE_CONSTRAINT_UNIQUE:
      return KS_DB_ERROR_UNIQUE;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return KS_DB_ERROR_FOREIGN_KEY;
    default:
      return (rc & 0xff) == SQLITE_CONSTRAINT ? KS_DB_ERROR_CONSTRAINT : KS_DB_ERROR_OTHER;
    }
}
