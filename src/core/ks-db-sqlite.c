/* ks-db-sqlite.c — the statement interface (ks-db.h) over SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KsStmt here wraps one sqlite3_stmt and calls SQLite's own functions.
 * ks_db_open_sqlite() is a connection of its own (tests, tools); the
 * workspace keeps its connection and wraps its statements with
 * ks_stmt_new_sqlite().
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "ks-db-private.h"
#include "ks-error.h"
#include "ks-workspace-sqlite.h"

typedef struct
{
  KsStmt        parent;
  sqlite3_stmt *stmt;
} SqliteStmt;

#define S(stmt) (((SqliteStmt *) (stmt))->stmt)

static KsStep
sqlite_step (KsStmt *stmt)
{
  int rc = sqlite3_step (S (stmt));

  return rc == SQLITE_ROW ? KS_STEP_ROW : rc == SQLITE_DONE ? KS_STEP_DONE : KS_STEP_ERROR;
}

static void
sqlite_reset (KsStmt *stmt)
{
  sqlite3_reset (S (stmt));
}

static void
sqlite_clear_bindings (KsStmt *stmt)
{
  sqlite3_clear_bindings (S (stmt));
}

static int
sqlite_bind_parameter_count (KsStmt *stmt)
{
  return sqlite3_bind_parameter_count (S (stmt));
}

static int
sqlite_column_count (KsStmt *stmt)
{
  return sqlite3_column_count (S (stmt));
}

static void
sqlite_bind_int64 (KsStmt *stmt,
                   int     idx,
                   gint64  value)
{
  sqlite3_bind_int64 (S (stmt), idx, value);
}

static void
sqlite_bind_double (KsStmt *stmt,
                    int     idx,
                    double  value)
{
  sqlite3_bind_double (S (stmt), idx, value);
}

static void
sqlite_bind_null (KsStmt *stmt,
                  int     idx)
{
  sqlite3_bind_null (S (stmt), idx);
}

static void
sqlite_bind_text (KsStmt     *stmt,
                  int         idx,
                  const char *text,
                  gssize      length,
                  gboolean    copy)
{
  sqlite3_bind_text (S (stmt), idx, text, (int) length, copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

static gint64
sqlite_column_int64 (KsStmt *stmt,
                     int     idx)
{
  return sqlite3_column_int64 (S (stmt), idx);
}

static double
sqlite_column_double (KsStmt *stmt,
                      int     idx)
{
  return sqlite3_column_double (S (stmt), idx);
}

static const char *
sqlite_column_text (KsStmt *stmt,
                    int     idx)
{
  return (const char *) sqlite3_column_text (S (stmt), idx);
}

static gboolean
sqlite_column_is_null (KsStmt *stmt,
                       int     idx)
{
  return sqlite3_column_type (S (stmt), idx) == SQLITE_NULL;
}

static void
sqlite_stmt_free (KsStmt *stmt)
{
  sqlite3_finalize (S (stmt));
  g_free (stmt);
}

static const KsStmtClass sqlite_stmt_class = {
  sqlite_step, sqlite_reset, sqlite_clear_bindings, sqlite_bind_parameter_count, sqlite_column_count,
  sqlite_bind_int64, sqlite_bind_double, sqlite_bind_null, sqlite_bind_text,
  sqlite_column_int64, sqlite_column_double, sqlite_column_text, sqlite_column_is_null,
  sqlite_stmt_free,
};

KsStmt *
ks_stmt_new_sqlite (sqlite3_stmt *stmt)
{
  SqliteStmt *self = g_new0 (SqliteStmt, 1);

  self->parent.klass = &sqlite_stmt_class;
  self->stmt = stmt;
  return &self->parent;
}

void
ks_stmt_free (KsStmt *stmt)
{
  if (stmt)
    stmt->klass->free (stmt);
}

sqlite3_stmt *
ks_stmt_get_sqlite (KsStmt *stmt)
{
  g_return_val_if_fail (stmt != NULL && stmt->klass == &sqlite_stmt_class, NULL);
  return S (stmt);
}

static KsDbError
error_kind (int rc)
{
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

/* A connection */

typedef struct
{
  KsDb      parent;
  sqlite3  *db;
  gboolean  owned;   /* closed with the KsDb (not the workspace's) */
} SqliteDb;

#define DB(db) (((SqliteDb *) (db))->db)

static KsStmt *
sqlite_prepare (KsDb        *db,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (DB (db), sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                   "Could not prepare “%s”: %s", sql, sqlite3_errmsg (DB (db)));
      return NULL;
    }
  return ks_stmt_new_sqlite (stmt);
}

static gboolean
sqlite_exec (KsDb        *db,
             const char  *sql,
             GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (DB (db), sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED, "%s", message ? message : "?");
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static gint64
sqlite_last_insert_id (KsDb *db)
{
  return sqlite3_last_insert_rowid (DB (db));
}

static gint64
sqlite_changes (KsDb *db)
{
  return sqlite3_changes (DB (db));
}

static gint64
sqlite_total_changes (KsDb *db)
{
  return sqlite3_total_changes (DB (db));
}

static KsDbError
sqlite_last_error (KsDb *db)
{
  return error_kind (sqlite3_extended_errcode (DB (db)));
}

static const char *
sqlite_error_message (KsDb *db)
{
  return sqlite3_errmsg (DB (db));
}

static void
sqlite_close (KsDb *db)
{
  ks_db_clear_common (db);
  if (((SqliteDb *) db)->owned)
    sqlite3_close (DB (db));
  g_free (db);
}

static const KsDbClass sqlite_db_class = {
  sqlite_prepare, sqlite_exec, sqlite_last_insert_id, sqlite_changes, sqlite_total_changes, sqlite_last_error,
  sqlite_error_message, sqlite_close,
};

KsDb *
ks_db_wrap_sqlite (sqlite3  *db,
                   gboolean  owned)
{
  SqliteDb *self = g_new0 (SqliteDb, 1);

  ks_db_init_common (&self->parent, &sqlite_db_class);
  self->db = db;
  self->owned = owned;
  return &self->parent;
}

KsDb *
ks_db_open_sqlite (const char  *path,
                   GError     **error)
{
  SqliteDb *self;
  sqlite3 *db = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) !=
      SQLITE_OK)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), path, db ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  self = (SqliteDb *) ks_db_wrap_sqlite (db, TRUE);
  if (!sqlite_exec (&self->parent, "PRAGMA foreign_keys = ON", error))
    {
      sqlite_close (&self->parent);
      return NULL;
    }
  return &self->parent;
}
