/* ks-db.h — the statements core runs, whatever database holds the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For core files only. A domain file gets its statements from
 * ks_workspace_prepare() (fixed SQL, never built from user text) and uses
 * nothing but these calls on them, and ks_workspace_last_insert_id(),
 * _changes() and _last_error() on the workspace: no engine's own API. Its SQL
 * is what SQLite and PostgreSQL both accept: numbered parameters (?1),
 * ON CONFLICT, RETURNING, no rowid. What must differ between the engines
 * (opening, the schema's details, undo, change notifications, bulk loads,
 * full-text search) lives in named files: ks-db-sqlite.c implements this
 * interface for SQLite; tests/check-sql.py lists the files allowed to call
 * SQLite itself.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A prepared statement, owned by the workspace (or KsDb) that prepared it. */
typedef struct _KsStmt KsStmt;
/* One connection to a database engine. */
typedef struct _KsDb KsDb;

typedef enum
{
  KS_STEP_ERROR,   /* the workspace's last error says why */
  KS_STEP_ROW,     /* a row is ready for the column calls */
  KS_STEP_DONE,    /* no more rows; the statement's work is done */
} KsStep;

/* What kind of error the last failed call met, for a message that names it. */
typedef enum
{
  KS_DB_ERROR_NONE,
  KS_DB_ERROR_UNIQUE,        /* a unique key (a name, a pair) is taken */
  KS_DB_ERROR_FOREIGN_KEY,   /* a referenced row is missing, or still referenced */
  KS_DB_ERROR_CONSTRAINT,    /* another constraint: a CHECK, NOT NULL */
  KS_DB_ERROR_READ_ONLY,     /* the connection may only read (a viewer's role) */
  KS_DB_ERROR_BUSY,          /* another user's transaction was in the way (a
                              * deadlock, a serialization failure): try again */
  KS_DB_ERROR_CONNECTION,    /* the server went away */
  KS_DB_ERROR_CONFLICT,      /* another user changed the row since it was read */
  KS_DB_ERROR_OTHER,
} KsDbError;

KsStep       ks_stmt_step                 (KsStmt     *stmt);
/* Back to before the first step, ready to run again; bindings stay. */
void         ks_stmt_reset                (KsStmt     *stmt);
void         ks_stmt_clear_bindings       (KsStmt     *stmt);
int          ks_stmt_bind_parameter_count (KsStmt     *stmt);
int          ks_stmt_column_count         (KsStmt     *stmt);

/* Parameters count from 1. */
void         ks_stmt_bind_int64           (KsStmt     *stmt,
                                           int         idx,
                                           gint64      value);
void         ks_stmt_bind_int             (KsStmt     *stmt,
                                           int         idx,
                                           int         value);
void         ks_stmt_bind_double          (KsStmt     *stmt,
                                           int         idx,
                                           double      value);
void         ks_stmt_bind_null            (KsStmt     *stmt,
                                           int         idx);
/* @text is copied; NULL binds NULL. */
void         ks_stmt_bind_text            (KsStmt     *stmt,
                                           int         idx,
                                           const char *text);
/* @text (@length bytes, or -1 up to its NUL) is not copied: it must stay
 * as it is until the statement is reset. For bulk loads. */
void         ks_stmt_bind_text_static     (KsStmt     *stmt,
                                           int         idx,
                                           const char *text,
                                           gssize      length);

/* Columns count from 0; a NULL reads as 0, 0.0 or a NULL string. The
 * string lives until the next step or reset. */
gint64       ks_stmt_column_int64         (KsStmt     *stmt,
                                           int         idx);
int          ks_stmt_column_int           (KsStmt     *stmt,
                                           int         idx);
double       ks_stmt_column_double        (KsStmt     *stmt,
                                           int         idx);
const char  *ks_stmt_column_text          (KsStmt     *stmt,
                                           int         idx);
gboolean     ks_stmt_column_is_null       (KsStmt     *stmt,
                                           int         idx);

/* Connections. The workspace keeps its own SQLite connection for now; a
 * KsDb is how core reaches an engine by itself (the team workspace on
 * PostgreSQL builds on it; tests/test-db.c runs the same statements on
 * both engines). */
KsDb        *ks_db_open_sqlite            (const char  *path,
                                           GError     **error);
/* Any libpq connection string or URI ("postgresql://HOST/DB"); "" takes
 * libpq's defaults (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD). */
KsDb        *ks_db_open_pg                (const char  *conninfo,
                                           GError     **error);
/* The same with a password beside the URI (NULL: libpq's own ways:
 * PGPASSWORD, ~/.pgpass). KS_WORKSPACE_ERROR_PASSWORD when the server
 * wants one it did not get, or refused it. */
KsDb        *ks_db_open_pg_password       (const char  *conninfo,
                                           const char  *password,
                                           GError     **error);
void         ks_db_close                  (KsDb        *db);
/* A cached prepared statement (fixed SQL, never built from user text),
 * reset and with its bindings cleared; @db owns it. */
KsStmt      *ks_db_prepare                (KsDb        *db,
                                           const char  *sql,
                                           GError     **error);
/* Fixed SQL with no parameters and no rows (DDL, BEGIN, COMMIT). */
gboolean     ks_db_exec                   (KsDb        *db,
                                           const char  *sql,
                                           GError     **error);
/* After a step: the id the last INSERT gave its row, how many rows the
 * last INSERT, UPDATE or DELETE changed, what kind of error the last failed
 * call met and the engine's words for it. */
gint64       ks_db_last_insert_id         (KsDb        *db);
gint64       ks_db_changes                (KsDb        *db);
/* Rows changed by every statement since the connection was opened. */
gint64       ks_db_total_changes          (KsDb        *db);
KsDbError    ks_db_last_error             (KsDb        *db);
const char  *ks_db_error_message          (KsDb        *db);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsDb, ks_db_close)

G_END_DECLS
