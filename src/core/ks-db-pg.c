/* ks-db-pg.c — the statement interface (ks-db.h) over PostgreSQL (libpq)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first part of the team workspace (issue 13): the same statements core
 * runs on SQLite run here. SQL is prepared once per connection under a
 * name of its own, its ?N parameters turned into PostgreSQL's $N (outside
 * quotes); parameters travel as text and PostgreSQL reads them as the types
 * the statement gives them. A step runs the statement the first time and
 * then walks its rows. Errors are told apart by their SQLSTATE class.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <string.h>

#include "ks-db-pg.h"
#include "ks-db-private.h"
#include "ks-error.h"

typedef struct
{
  KsDb       parent;
  PGconn    *conn;
  guint      n_prepared;   /* for statement names */
  gint64     changes;
  gint64     total_changes;
  KsDbError  last_error;
  char      *message;
  char       state[6];     /* the last error's SQLSTATE, "" when none */
} PgDb;

typedef struct
{
  KsStmt     parent;
  PgDb      *db;
  char      *name;
  char      *sql;          /* in PostgreSQL's words */
  gboolean   prepared;
  int        n_params;
  char     **values;       /* n_params, owned; NULL = SQL NULL */
  Oid       *types;        /* n_params: what each was bound as, for the prepare */
  PGresult  *result;       /* after the first step */
  int        row;          /* the row the columns read */
} PgStmt;

#define PG(stmt) ((PgStmt *) (stmt))

/* Type OIDs for a statement's first prepare (pg_type.h is server-side). */
#define INT8OID   20
#define FLOAT8OID 701
#define TEXTOID   25

static void
set_result_error (PgDb           *db,
                  const PGresult *result)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  g_free (db->message);
  db->message = g_strdup (result && *PQresultErrorMessage (result) ? PQresultErrorMessage (result)
                                                                 : PQerrorMessage (db->conn));
  g_strchomp (db->message);
  g_strlcpy (db->state, state ? state : "", sizeof db->state);
  if (PQstatus (db->conn) != CONNECTION_OK)
    db->last_error = KS_DB_ERROR_CONNECTION;
  else if (!state)
    db->last_error = KS_DB_ERROR_OTHER;
  else if (g_str_equal (state, "23505"))
    db->last_error = KS_DB_ERROR_UNIQUE;
  else if (g_str_equal (state, "23503"))
    db->last_error = KS_DB_ERROR_FOREIGN_KEY;
  else if (g_str_has_prefix (state, "23"))
    db->last_error = KS_DB_ERROR_CONSTRAINT;
  else if (g_str_equal (state, "25006") || g_str_equal (state, "42501"))
    db->last_error = KS_DB_ERROR_READ_ONLY;
  else if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") || g_str_equal (state, "55P03"))
    db->last_error = KS_DB_ERROR_BUSY;
  else if (g_str_equal (state, "KS001"))   /* keystone_undo_apply (ks-workspace-server.c) */
    db->last_error = KS_DB_ERROR_CONFLICT;
  else if (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P"))
    db->last_error = KS_DB_ERROR_CONNECTION;
  else
    db->last_error = KS_DB_ERROR_OTHER;
}

/* SQL the server cannot run at all (SQLSTATE class 42 but for a missing
 * privilege) is a mistake in Keystone, not in what users typed: it is
 * logged, so the tests that make warnings fatal catch it. */
static void
warn_if_mistake (PgDb       *db,
                 const char *sql)
{
  if (g_str_has_prefix (db->state, "42") && !g_str_equal (db->state, "42501"))
    g_warning ("PostgreSQL refused Keystone's SQL (%s): %s: %s", db->state, db->message, sql);
}

static void
clear_error (PgDb *db)
{
  db->last_error = KS_DB_ERROR_NONE;
  db->state[0] = '\0';
  g_clear_pointer (&db->message, g_free);
}

/* SQLite's COLLATE NOCASE folds the ASCII letters and compares bytes; its
 * columns here compare bytes already (TEXT COLLATE "C", ks-schema-pg.c), so
 * "x.name COLLATE NOCASE" becomes x.name with its ASCII capitals lowered:
 * the two engines sort names alike, "Ömer" after "Stefan". */
static void
nocase (GString *sql)
{
  static GRegex *regex;
  static gsize once;
  char *done;

  if (!strstr (sql->str, "COLLATE NOCASE"))
    return;
  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("\\b([a-z_]+(\\.[a-z_]+)?) COLLATE NOCASE\\b", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  done = g_regex_replace (regex, sql->str, -1, 0,
                          "translate (\\1, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')",
                          0, NULL);
  g_string_assign (sql, done);
  g_free (done);
}

/* ?N → $N and a bare ? → the next number, outside '…' and "…"; the number
 * of parameters in *n_params. */
static char *
translate (const char *sql,
           int        *n_params,
           Oid       **types)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  int next = 0, most = 0;
  char quote = 0;

  for (const char *p = sql; *p; p++)
    {
      if (quote)
        {
          if (*p == quote)
            quote = 0;
          g_string_append_c (out, *p);
        }
      else if (*p == '\'' || *p == '"')
        {
          quote = *p;
          g_string_append_c (out, *p);
        }
      else if (*p == '?')
        {
          int n;

          if (g_ascii_isdigit (p[1]))
            {
              char *end;

              n = (int) strtol (p + 1, &end, 10);
              p = end - 1;
            }
          else
            n = ++next;
          most = MAX (most, n);
          g_string_append_printf (out, "$%d", n);
        }
      else
        g_string_append_c (out, *p);
    }
  *n_params = most;
  nocase (out);
  /* A number the SQL skips (?10 in an INSERT that shares its bindings with
   * an UPDATE) is still a parameter to PostgreSQL: it is declared text, as
   * it appears nowhere to give it a type. */
  *types = g_new0 (Oid, MAX (most, 1));
  for (int n = 1; n <= most; n++)
    {
      g_autofree char *mark = g_strdup_printf ("$%d", n);
      const char *at = out->str;
      gboolean seen = FALSE;

      while (!seen && (at = strstr (at, mark)))
        {
          at += strlen (mark);
          seen = !g_ascii_isdigit (*at);
        }
      if (!seen)
        (*types)[n - 1] = TEXTOID;
    }
  return g_string_free (out, FALSE);
}


static void
set_value (KsStmt *stmt,
           int     idx,
           char   *value,
           Oid     type)
{
  PgStmt *self = PG (stmt);

  if (idx < 1 || idx > self->n_params)
    {
      g_free (value);
      return;
    }
  g_free (self->values[idx - 1]);
  self->values[idx - 1] = value;
  /* Only the first prepare reads it: the types stay as they were bound. */
  self->types[idx - 1] = type;
}

/* Prepares with @types; on failure *untyped names the parameter (from 1)
 * PostgreSQL could not give a type, or is 0. */
static gboolean
try_prepare (PgStmt     *self,
             const Oid  *types,
             int        *untyped)
{
  PGresult *result = PQprepare (self->db->conn, self->name, self->sql, self->n_params, types);
  const char *state, *message, *at;

  *untyped = 0;
  if (PQresultStatus (result) == PGRES_COMMAND_OK)
    {
      PQclear (result);
      return TRUE;
    }
  set_result_error (self->db, result);
  state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  message = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
  /* indeterminate_datatype, ambiguous_parameter: "… parameter $N" */
  if ((g_strcmp0 (state, "42P18") == 0 || g_strcmp0 (state, "42P08") == 0) &&
      message && (at = strstr (message, "parameter $")))
    *untyped = (int) g_ascii_strtoll (at + strlen ("parameter $"), NULL, 10);
  PQclear (result);
  return FALSE;
}

/* Prepares the statement under its name. A statement with parameters waits
 * for its first step: SQLite takes a parameter as whatever it is bound to,
 * and PostgreSQL must give each a type when it prepares; one that appears
 * only in "?1 IS NULL" has none in the SQL. What is bound then gives the
 * types: numbers, text; a NULL is left for PostgreSQL to infer, and is text
 * where nothing says otherwise. */
static gboolean
prepare_now (PgStmt *self)
{
  PGconn *conn = self->db->conn;
  gboolean in_transaction = PQtransactionStatus (conn) == PQTRANS_INTRANS;
  g_autofree Oid *types = g_memdup2 (self->types, sizeof (Oid) * MAX (self->n_params, 1));
  gboolean done;
  int untyped;

  /* A failed prepare would end the transaction it is in: try it apart. */
  if (in_transaction)
    PQclear (PQexec (conn, "SAVEPOINT ks_prepare"));
  done = try_prepare (self, types, &untyped);
  /* A parameter bound to NULL that only "?1 IS NULL" reads has no type
   * PostgreSQL can see: there it is text. One at a time, as the others
   * may have types the SQL gives them. */
  while (!done && untyped > 0 && untyped <= self->n_params && types[untyped - 1] == 0)
    {
      types[untyped - 1] = TEXTOID;
      if (in_transaction)
        PQclear (PQexec (conn, "ROLLBACK TO SAVEPOINT ks_prepare"));
      done = try_prepare (self, types, &untyped);
    }
  if (in_transaction)
    {
      if (!done)
        PQclear (PQexec (conn, "ROLLBACK TO SAVEPOINT ks_prepare"));
      PQclear (PQexec (conn, "RELEASE SAVEPOINT ks_prepare"));
    }
  if (!done)
    warn_if_mistake (self->db, self->sql);
  self->prepared = done;
  return done;
}

static void
pg_reset (KsStmt *stmt)
{
  g_clear_pointer (&PG (stmt)->result, PQclear);
  PG (stmt)->row = -1;
}

static KsStep
pg_step (KsStmt *stmt)
{
  PgStmt *self = PG (stmt);
  PgDb *db = self->db;

  if (!self->prepared && !prepare_now (self))
    return KS_STEP_ERROR;
  if (!self->result)
    {
      ExecStatusType status;

      self->result = PQexecPrepared (db->conn, self->name, self->n_params,
                                     (const char *const *) self->values, NULL, NULL, 0);
      status = PQresultStatus (self->result);
      if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        {
          set_result_error (db, self->result);
          g_clear_pointer (&self->result, PQclear);
          warn_if_mistake (db, self->sql);
          return KS_STEP_ERROR;
        }
      clear_error (db);
      db->changes = g_ascii_strtoll (PQcmdTuples (self->result), NULL, 10);
      db->total_changes += db->changes;
      self->row = -1;
    }
  if (++self->row < PQntuples (self->result))
    return KS_STEP_ROW;
  self->row = PQntuples (self->result);
  return KS_STEP_DONE;
}

static void
pg_clear_bindings (KsStmt *stmt)
{
  PgStmt *self = PG (stmt);

  for (int i = 0; i < self->n_params; i++)
    g_clear_pointer (&self->values[i], g_free);
}

static int
pg_bind_parameter_count (KsStmt *stmt)
{
  return PG (stmt)->n_params;
}

static int
pg_column_count (KsStmt *stmt)
{
  return PG (stmt)->result ? PQnfields (PG (stmt)->result) : 0;
}

static void
pg_bind_int64 (KsStmt *stmt,
               int     idx,
               gint64  value)
{
  set_value (stmt, idx, g_strdup_printf ("%" G_GINT64_FORMAT, value), INT8OID);
}

static void
pg_bind_double (KsStmt *stmt,
                int     idx,
                double  value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  set_value (stmt, idx, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)), FLOAT8OID);
}

static void
pg_bind_null (KsStmt *stmt,
              int     idx)
{
  set_value (stmt, idx, NULL, 0);
}

static void
pg_bind_text (KsStmt     *stmt,
              int         idx,
              const char *text,
              gssize      length,
              gboolean    copy)
{
  /* libpq takes the text when the statement runs: always a copy here */
  set_value (stmt, idx, length < 0 ? g_strdup (text) : g_strndup (text, length), TEXTOID);
}

static const char *
value_at (KsStmt *stmt,
          int     idx)
{
  PgStmt *self = PG (stmt);

  if (!self->result || self->row < 0 || self->row >= PQntuples (self->result) ||
      idx < 0 || idx >= PQnfields (self->result) || PQgetisnull (self->result, self->row, idx))
    return NULL;
  return PQgetvalue (self->result, self->row, idx);
}

static gint64
pg_column_int64 (KsStmt *stmt,
                 int     idx)
{
  const char *value = value_at (stmt, idx);

  if (!value)
    return 0;
  /* a boolean reads as 1 or 0, as it does in SQLite */
  if (g_str_equal (value, "t") || g_str_equal (value, "f"))
    return value[0] == 't';
  return g_ascii_strtoll (value, NULL, 10);
}

static double
pg_column_double (KsStmt *stmt,
                  int     idx)
{
  const char *value = value_at (stmt, idx);

  return value ? g_ascii_strtod (value, NULL) : 0.0;
}

static const char *
pg_column_text (KsStmt *stmt,
                int     idx)
{
  return value_at (stmt, idx);
}

static gboolean
pg_column_is_null (KsStmt *stmt,
                   int     idx)
{
  return value_at (stmt, idx) == NULL;
}

static void
pg_stmt_free (KsStmt *stmt)
{
  PgStmt *self = PG (stmt);

  pg_reset (stmt);
  pg_clear_bindings (stmt);
  g_free (self->values);
  g_free (self->types);
  g_free (self->sql);
  g_free (self->name);
  g_free (self);
}

static const KsStmtClass pg_stmt_class = {
  pg_step, pg_reset, pg_clear_bindings, pg_bind_parameter_count, pg_column_count,
  pg_bind_int64, pg_bind_double, pg_bind_null, pg_bind_text,
  pg_column_int64, pg_column_double, pg_column_text, pg_column_is_null,
  pg_stmt_free,
};

#define PGDB(db) ((PgDb *) (db))

static KsStmt *
pg_prepare (KsDb        *db,
            const char  *sql,
            GError     **error)
{
  PgDb *pg = PGDB (db);
  PgStmt *self = g_new0 (PgStmt, 1);

  self->parent.klass = &pg_stmt_class;
  self->db = pg;
  self->name = g_strdup_printf ("ks%u", ++pg->n_prepared);
  self->sql = translate (sql, &self->n_params, &self->types);
  self->values = g_new0 (char *, MAX (self->n_params, 1));
  self->row = -1;
  /* Without parameters there is nothing to wait for: SQL PostgreSQL cannot
   * read is refused here. */
  if (self->n_params == 0 && !prepare_now (self))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                   "Could not prepare “%s”: %s", sql, pg->message);
      pg_stmt_free (&self->parent);
      return NULL;
    }
  return &self->parent;
}

static gboolean
pg_exec (KsDb        *db,
         const char  *sql,
         GError     **error)
{
  PgDb *pg = PGDB (db);
  PGresult *result = PQexec (pg->conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      set_result_error (pg, result);
      PQclear (result);
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED, "%s", pg->message);
      return FALSE;
    }
  clear_error (pg);
  pg->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
  pg->total_changes += pg->changes;
  PQclear (result);
  return TRUE;
}

/* The value the last INSERT took from a sequence (an identity column) in
 * this session; 0 before any. */
static gint64
pg_last_insert_id (KsDb *db)
{
  PgDb *pg = PGDB (db);
  PGresult *result = PQexec (pg->conn, "SELECT lastval()");
  gint64 id = 0;

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return id;
}

static gint64
pg_changes (KsDb *db)
{
  return PGDB (db)->changes;
}

static gint64
pg_total_changes (KsDb *db)
{
  return PGDB (db)->total_changes;
}

static KsDbError
pg_last_error (KsDb *db)
{
  return PGDB (db)->last_error;
}

static const char *
pg_error_message (KsDb *db)
{
  PgDb *pg = PGDB (db);

  return pg->message ? pg->message : "";
}

static void
pg_close (KsDb *db)
{
  PgDb *pg = PGDB (db);

  ks_db_clear_common (db);
  PQfinish (pg->conn);
  g_free (pg->message);
  g_free (pg);
}

static const KsDbClass pg_db_class = {
  pg_prepare, pg_exec, pg_last_insert_id, pg_changes, pg_total_changes, pg_last_error, pg_error_message,
  pg_close,
};

KsDb *
ks_db_open_pg (const char  *conninfo,
               GError     **error)
{
  return ks_db_open_pg_password (conninfo, NULL, error);
}

KsDb *
ks_db_open_pg_password (const char  *conninfo,
                        const char  *password,
                        GError     **error)
{
  /* The password travels beside the URI, never inside it: the URI is
   * what lists of recent workspaces and messages show. */
  const char *const keywords[] = { "dbname", "password", NULL };
  const char *const values[] = { conninfo, password, NULL };
  PGconn *conn;
  PgDb *self;

  g_return_val_if_fail (conninfo != NULL, NULL);

  conn = PQconnectdbParams (keywords, values, 1);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *reason = g_strdup (PQerrorMessage (conn));
      /* The server asked for a password and had none, or refused it. */
      gboolean password_wanted = PQconnectionNeedsPassword (conn) ||
                                 strstr (reason, "password authentication failed") != NULL;

      g_strchomp (reason);
      /* Translators: %s is the server's or libpq's reason */
      g_set_error (error, KS_WORKSPACE_ERROR,
                   password_wanted ? KS_WORKSPACE_ERROR_PASSWORD : KS_WORKSPACE_ERROR_FAILED,
                   _("Could not connect to the team workspace: %s"), reason);
      PQfinish (conn);
      return NULL;
    }
  self = g_new0 (PgDb, 1);
  ks_db_init_common (&self->parent, &pg_db_class);
  self->conn = conn;
  /* notices (an index that exists already, …) stay quiet */
  if (!pg_exec (&self->parent, "SET client_min_messages = warning", error))
    {
      pg_close (&self->parent);
      return NULL;
    }
  return &self->parent;
}

PGconn *
ks_db_pg_get_conn (KsDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  return db->klass == &pg_db_class ? PGDB (db)->conn : NULL;
}

gboolean
ks_db_pg_reconnect (KsDb *db)
{
  PgDb *pg = PGDB (db);
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (db->klass == &pg_db_class, FALSE);

  PQreset (pg->conn);
  if (PQstatus (pg->conn) != CONNECTION_OK)
    return FALSE;
  /* The server forgot the prepared statements with the old session: each
   * is prepared again at its next step, under its old name. */
  g_hash_table_iter_init (&iter, db->statements);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PgStmt *stmt = value;

      g_clear_pointer (&stmt->result, PQclear);
      stmt->row = -1;
      stmt->prepared = FALSE;
    }
  clear_error (pg);
  return pg_exec (db, "SET client_min_messages = warning", NULL);
}

gboolean
ks_db_pg_is_connected (KsDb *db)
{
  g_return_val_if_fail (db->klass == &pg_db_class, FALSE);
  return PQstatus (PGDB (db)->conn) == CONNECTION_OK;
}
