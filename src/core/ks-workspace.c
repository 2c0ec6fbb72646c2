/* ks-workspace.c — one Keystone workspace: a SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening checks the file before SQLite may write anything: a file that is not a
 * Keystone workspace, truncated, corrupted or from a newer Keystone is refused
 * and keeps its bytes. The SQLite-only parts (PRAGMAs here, undo triggers in
 * ks-undo.c) stay in these two files.
 */
#define G_LOG_DOMAIN "ks-workspace"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ks-funnel-private.h"
#include "ks-schema-private.h"
#include "ks-undo-private.h"
#include "ks-db-pg.h"
#include "ks-workspace-copy.h"
#include "ks-workspace-server.h"
#include "ks-workspace-sqlite.h"

/* 'KsWk': written into the SQLite header so other databases are told apart. */
#define KS_APPLICATION_ID 0x4B73576B
/* Files up to this size get a full PRAGMA quick_check on open; bigger ones only
 * the header checks, so a large workspace still opens fast. The check reads
 * the whole file (about 45 ms for 11 MB, the ×10 benchmark workspace), which
 * every keystone-cli report pays; 8 MB keeps a report under 100 ms and still
 * checks a workspace of a few thousand accounts in full. */
#define QUICK_CHECK_MAX_BYTES (8 * 1024 * 1024)

struct _KsWorkspace
{
  GObject     parent_instance;

  char       *path;           /* a file name, or a team workspace's URI */
  char       *name;           /* the path, or the URI without its password: for messages */
  sqlite3    *db;             /* a file's connection; NULL on a server */
  KsDb       *kdb;            /* the statement interface over db, or the server's */
  char       *schema;         /* on a server: the schema that holds the workspace */
  char       *password;       /* on a server: given apart from the URI, for second connections */
  GSource    *watch;          /* on a server: other users' changes arriving */
  gboolean    offline;        /* on a server: the connection is lost */
  guint       reconnect_id;   /* on a server, offline: the next try */
  guint       schema_version;
  gboolean    read_only;

  guint       depth;          /* nesting of begin/commit */
  char       *action_label;
  GHashTable *touched;        /* interned table names changed in this transaction */
  const char *last_touched;   /* the last of them, interned */
  KsUndo     *undo;
};

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_ONLINE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KsWorkspace, ks_workspace, G_TYPE_OBJECT)

static const char *const user_tables[] = {
  "settings", "people", "accounts", "account_team", "contacts", "products", "opportunities",
  "contact_lines", "map_snapshots",
  "account_plans", "plan_objectives", "plan_products", "plan_meetings", "plan_projects",
  "plan_actions", "plan_notes",
  "score_criteria", "review_periods", "account_scores",
  "raci_charts", "raci_phases", "raci_tasks", "raci_columns", "raci_cells",
  "funnel_stages", "stage_map", "stage_history", "funnel_summary",
  "evaluation_criteria", "evaluation_scores",
  "meetings", "meeting_attendees", "meeting_agenda",
};

static void
on_update (void          *data,
           int            op,
           const char    *db_name,
           const char    *table,
           sqlite3_int64  rowid)
{
  KsWorkspace *self = data;

  if (g_strcmp0 (db_name, "main") != 0)
    return;
  /* The search index (ks-search-schema.h) is derived: its tables' changes
   * are no one's news. */
  if (g_str_has_prefix (table, "search_"))
    return;
  /* A bulk load changes one table row after row: interning its name each
   * time was 1.4 % of a large import. */
  if (self->last_touched && strcmp (table, self->last_touched) == 0 &&
      g_hash_table_contains (self->touched, self->last_touched))
    return;
  self->last_touched = g_intern_string (table);
  g_hash_table_add (self->touched, (gpointer) self->last_touched);
}

static void
emit_changes (KsWorkspace *self)
{
  g_autofree gpointer *tables = NULL;
  guint n = 0;

  if (g_hash_table_size (self->touched) == 0)
    return;
  tables = g_hash_table_get_keys_as_array (self->touched, &n);
  g_hash_table_remove_all (self->touched);
  for (guint i = 0; i < n; i++)
    {
      const char *table = tables[i];
      g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table);
    }
}

static void
notify_undo_state (KsWorkspace *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void go_offline (KsWorkspace *self);

void
ks_workspace_set_sql_error (KsWorkspace  *self,
                            GError      **error,
                            const char   *action)
{
  int code = KS_WORKSPACE_ERROR_FAILED;
  int rc;

  if (!self->db)
    {
      if (ks_db_last_error (self->kdb) == KS_DB_ERROR_CONNECTION || self->offline)
        {
          go_offline (self);
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_OFFLINE,
                       _("Could not %s in “%s”: its server cannot be reached; Keystone keeps trying to connect again"),
                       action, self->name);
          return;
        }
      switch (ks_db_last_error (self->kdb))
        {
        case KS_DB_ERROR_BUSY:
          code = KS_WORKSPACE_ERROR_BUSY;
          break;
        case KS_DB_ERROR_READ_ONLY:
          code = KS_WORKSPACE_ERROR_READ_ONLY;
          break;
        case KS_DB_ERROR_UNIQUE:
        case KS_DB_ERROR_FOREIGN_KEY:
        case KS_DB_ERROR_CONSTRAINT:
          code = KS_WORKSPACE_ERROR_INVALID;
          break;
        default:
          break;
        }
      g_set_error (error, KS_WORKSPACE_ERROR, code, _("Could not %s in “%s”: %s"),
                   action, self->name, ks_db_error_message (self->kdb));
      return;
    }

  rc = sqlite3_extended_errcode (self->db);
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = KS_WORKSPACE_ERROR_BUSY;
      break;
    case SQLITE_READONLY:
      code = KS_WORKSPACE_ERROR_READ_ONLY;
      break;
    case SQLITE_CONSTRAINT:
      code = KS_WORKSPACE_ERROR_INVALID;
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = KS_WORKSPACE_ERROR_NOT_A_WORKSPACE;
      break;
    default:
      break;
    }

  g_set_error (error, KS_WORKSPACE_ERROR, code,
               _("Could not %s in “%s”: %s"),
               action, self->name, sqlite3_errmsg (self->db));
}

static gboolean
has_wal_beside (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

/* Reads the 100-byte SQLite header and compares the page count it claims with
 * the file's size, so a truncated copy is refused before SQLite reads it. */
static gboolean
check_file_header (const char  *path,
                   goffset      size,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  guint8 header[100];
  gsize got = 0;
  guint32 page_size, page_count, change_counter, valid_for;

  if (!(in = g_file_read (file, NULL, error)))
    return FALSE;
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &got, NULL, error))
    return FALSE;

  if (got < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is not a Keystone workspace: it is not a SQLite database"), path);
      return FALSE;
    }
  if (got < sizeof header)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is damaged: the file is truncated (%lld bytes)"),
                   path, (long long) size);
      return FALSE;
    }

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = GUINT32_FROM_BE (*(guint32 *) (header + 28));
  change_counter = GUINT32_FROM_BE (*(guint32 *) (header + 24));
  valid_for = GUINT32_FROM_BE (*(guint32 *) (header + 92));

  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is damaged: its header names an impossible page size (%u)"),
                   path, page_size);
      return FALSE;
    }
  /* The in-header size is only trustworthy when written by SQLite ≥ 3.7.0,
   * and only without a write-ahead log: a checkpoint cut short by a crash
   * writes page 1 before the file has grown, and the log still holds every
   * page, so SQLite recovers it on open. */
  if (page_count > 0 && valid_for == change_counter && !has_wal_beside (path) &&
      (guint64) page_count * page_size > (guint64) size)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is damaged: the file is truncated (%lld of %llu bytes)"),
                   path, (long long) size, (unsigned long long) page_count * page_size);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (KsWorkspace  *self,
           const char   *sql,
           gint64       *out,
           const char   *action,
           GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (self, sql, error);
  int rc;

  if (!stmt)
    return FALSE;
  rc = ks_stmt_step (stmt);
  if (rc != KS_STEP_ROW)
    {
      ks_workspace_set_sql_error (self, error, action);
      ks_stmt_reset (stmt);
      return FALSE;
    }
  *out = ks_stmt_column_int64 (stmt, 0);
  ks_stmt_reset (stmt);
  return TRUE;
}

/* Rolls back, whatever the engine; for failure paths, which keep their
 * first error. */
static void
rollback_quietly (KsWorkspace *self)
{
  if (self->db)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    ks_db_exec (self->kdb, "ROLLBACK", NULL);
}

/* One step's transaction: a file's is taken at once for writing; a team
 * workspace's holds the server's migration lock and reads the version
 * again, as another client may have run the step meanwhile. */
static gboolean
begin_migration (KsWorkspace  *self,
                 GError      **error)
{
  gint64 version = 0;

  if (self->db)
    return ks_workspace_exec (self, "BEGIN IMMEDIATE", error);
  if (!ks_workspace_server_begin_migration (self->kdb, &version, error))
    {
      rollback_quietly (self);
      return FALSE;
    }
  self->schema_version = version;
  return TRUE;
}

static gboolean
run_migration_step (KsWorkspace  *self,
                    guint         v,
                    GError      **error)
{
  g_autofree char *pragma = NULL;
  char *errmsg = NULL;

  if (!self->db)
    return ks_workspace_server_migrate_step (self->kdb, v, error);

  /* Both PRAGMAs take integer literals built from our own numbers. */
  pragma = g_strdup_printf ("PRAGMA user_version = %u; PRAGMA application_id = %d;",
                            v, KS_APPLICATION_ID);
  if (sqlite3_exec (self->db, ks_schema_migration (v), NULL, NULL, &errmsg) != SQLITE_OK ||
      sqlite3_exec (self->db, pragma, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      g_set_error_literal (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                           errmsg ? errmsg : sqlite3_errmsg (self->db));
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (KsWorkspace  *self,
         GError      **error)
{
  guint latest = ks_schema_latest_version ();

  for (guint v = self->schema_version + 1; v <= latest; v = self->schema_version + 1)
    {
      g_autoptr(GError) local = NULL;

      if (!begin_migration (self, error))
        return FALSE;
      if (self->schema_version >= v)
        {
          /* another client of the server did this step */
          rollback_quietly (self);
          continue;
        }
      if (!run_migration_step (self, v, &local))
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                       _("Could not upgrade “%s” to schema version %u: %s"),
                       self->name, v, local->message);
          rollback_quietly (self);
          return FALSE;
        }
      /* 7 brings the funnel summary, filled from the rows already there. */
      if (v == 7 && !ks_funnel_summary_fill (self, error))
        {
          rollback_quietly (self);
          return FALSE;
        }
      if (!ks_workspace_exec (self, "COMMIT", error))
        {
          rollback_quietly (self);
          return FALSE;
        }
      self->schema_version = v;
    }

  return TRUE;
}

/* A team workspace: connects, checks what the schema holds, and brings it
 * to this version's schema as a file is. */
static gboolean
open_server (KsWorkspace           *self,
             KsWorkspaceOpenFlags   flags,
             GError               **error)
{
  gint64 version = 0;
  gboolean writable = FALSE;

  if (!(self->kdb = ks_db_open_pg_password (self->path, self->password, error)))
    return FALSE;
  if (!ks_workspace_server_inspect (self->kdb, self->name, &self->schema, &version, &writable, error))
    return FALSE;
  if (version > ks_schema_latest_version ())
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Keystone (schema %lld, this version reads up to %u); update Keystone to open it"),
                   self->name, (long long) version, ks_schema_latest_version ());
      return FALSE;
    }
  if (version == 0 && !(flags & (KS_WORKSPACE_OPEN_CREATE | KS_WORKSPACE_OPEN_NEW)))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no workspace “%s”"), self->name);
      return FALSE;
    }
  if (version > 0 && (flags & KS_WORKSPACE_OPEN_NEW))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_EXISTS,
                   _("“%s” already exists; choose another name"), self->name);
      return FALSE;
    }
  self->schema_version = version;
  self->read_only = !writable || (flags & KS_WORKSPACE_OPEN_READ_ONLY);
  if (self->read_only)
    {
      if (self->schema_version < ks_schema_latest_version ())
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_READ_ONLY,
                       _("“%s” is read-only and needs an upgrade to this version of Keystone; "
                         "open a writable copy"), self->name);
          return FALSE;
        }
      if (!ks_workspace_exec (self, "SET default_transaction_read_only = on", error))
        return FALSE;
    }
  else if (!migrate (self, error))
    return FALSE;
  return ks_workspace_server_listen (self->kdb, error);
}

static gboolean
open_database (KsWorkspace           *self,
               KsWorkspaceOpenFlags   flags,
               GError               **error)
{
  gboolean in_memory = g_strcmp0 (self->path, ":memory:") == 0;
  gboolean exists = FALSE;
  goffset size = 0;
  int open_flags;
  gint64 version = 0, app_id = 0, tables = 0;

  if (!in_memory)
    {
      GStatBuf st;

      if (g_stat (self->path, &st) == 0)
        {
          exists = TRUE;
          size = st.st_size;
          if (!S_ISREG (st.st_mode))
            {
              g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                           _("“%s” is not a Keystone workspace: it is not a regular file"),
                           self->path);
              return FALSE;
            }
          /* Root can write anything, so also honour a file marked read-only. */
          if (access (self->path, W_OK) != 0 || (st.st_mode & 0222) == 0)
            self->read_only = TRUE;
        }
      else if (errno != ENOENT)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                       _("Could not open “%s”: %s"), self->path, g_strerror (errno));
          return FALSE;
        }

      if (exists && (flags & KS_WORKSPACE_OPEN_NEW))
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_EXISTS,
                       _("“%s” already exists; choose another name"), self->path);
          return FALSE;
        }
      if (!exists && !(flags & (KS_WORKSPACE_OPEN_CREATE | KS_WORKSPACE_OPEN_NEW)))
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                       _("There is no workspace “%s”"), self->path);
          return FALSE;
        }
      if (exists && size == 0 && !(flags & KS_WORKSPACE_OPEN_CREATE))
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                       _("“%s” is not a Keystone workspace: the file is empty"), self->path);
          return FALSE;
        }
      if (exists && size > 0 && !check_file_header (self->path, size, error))
        return FALSE;
      if (!exists)
        {
          g_autofree char *dir = g_path_get_dirname (self->path);
          if (g_mkdir_with_parents (dir, 0755) != 0)
            {
              g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                           _("Could not create the folder “%s”: %s"), dir, g_strerror (errno));
              return FALSE;
            }
        }
    }

  if (flags & KS_WORKSPACE_OPEN_READ_ONLY)
    self->read_only = TRUE;
  if (self->read_only && !exists && !in_memory)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no workspace “%s”"), self->path);
      return FALSE;
    }

  open_flags = self->read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2 (self->path, &self->db, open_flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  self->kdb = ks_db_wrap_sqlite (self->db, FALSE);

  /* Reads only: nothing below writes until the file is known to be ours. */
  if (!query_int (self, "PRAGMA user_version", &version, _("read the schema version"), error) ||
      !query_int (self, "PRAGMA application_id", &app_id, _("read the file type"), error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &tables, _("read the schema"), error))
    {
      if (error && *error && (*error)->code == KS_WORKSPACE_ERROR_NOT_A_WORKSPACE)
        {
          g_autofree char *msg = g_strdup ((*error)->message);
          g_clear_error (error);
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                       _("“%s” is not a Keystone workspace or is damaged (%s)"), self->path, msg);
        }
      return FALSE;
    }

  if ((version > 0 || tables > 0) && app_id != KS_APPLICATION_ID)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is a SQLite database, but not a Keystone workspace"), self->path);
      return FALSE;
    }
  if (version > ks_schema_latest_version ())
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Keystone (schema %lld, this version reads up to %u); update Keystone to open it"),
                   self->path, (long long) version, ks_schema_latest_version ());
      return FALSE;
    }
  self->schema_version = version;

  if (!in_memory && size > 0 && size <= QUICK_CHECK_MAX_BYTES)
    {
      KsStmt *stmt = ks_workspace_prepare (self, "PRAGMA quick_check(1)", error);
      int rc;

      if (!stmt)
        return FALSE;
      rc = ks_stmt_step (stmt);
      if (rc != KS_STEP_ROW || g_strcmp0 (ks_stmt_column_text (stmt, 0), "ok") != 0)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                       _("“%s” is damaged: %s"), self->path,
                       rc == KS_STEP_ROW ? ks_stmt_column_text (stmt, 0)
                                        : sqlite3_errmsg (self->db));
          ks_stmt_reset (stmt);
          return FALSE;
        }
      ks_stmt_reset (stmt);
    }

  if (self->read_only)
    {
      if (self->schema_version < ks_schema_latest_version ())
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_READ_ONLY,
                       _("“%s” is read-only and needs an upgrade to this version of Keystone; "
                         "open a writable copy"), self->path);
          return FALSE;
        }
      return ks_workspace_exec (self, "PRAGMA query_only = ON", error);
    }

  if (!in_memory && !ks_workspace_exec (self, "PRAGMA journal_mode = WAL", error))
    return FALSE;
  if (!ks_workspace_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !ks_workspace_exec (self, "PRAGMA synchronous = NORMAL", error))
    return FALSE;

  return migrate (self, error);
}

static void
ks_workspace_dispose (GObject *object)
{
  KsWorkspace *self = KS_WORKSPACE (object);

  g_clear_pointer (&self->undo, ks_undo_free);
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  if (self->watch)
    {
      g_source_destroy (self->watch);
      g_clear_pointer (&self->watch, g_source_unref);
    }
  g_clear_pointer (&self->kdb, ks_db_close);
  if (self->db)
    {
      sqlite3_update_hook (self->db, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }

  G_OBJECT_CLASS (ks_workspace_parent_class)->dispose (object);
}

static void
ks_workspace_finalize (GObject *object)
{
  KsWorkspace *self = KS_WORKSPACE (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->schema, g_free);
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->action_label, g_free);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (ks_workspace_parent_class)->finalize (object);
}

static void
ks_workspace_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KsWorkspace *self = KS_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ks_workspace_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, ks_workspace_can_redo (self));
      break;
    case PROP_ONLINE:
      g_value_set_boolean (value, !self->offline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_workspace_class_init (KsWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ks_workspace_dispose;
  object_class->finalize = ks_workspace_finalize;
  object_class->get_property = ks_workspace_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KsWorkspace::changed:
   * @table: the table whose rows changed ("accounts", "people", ...)
   *
   * Emitted after a committed change, an undo or a redo, once per table. The
   * detail is the table name: connect to "changed::accounts".
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
ks_workspace_init (KsWorkspace *self)
{
  self->touched = g_hash_table_new (NULL, NULL);
}

/* Other users' commits arrive as notifications on the server connection
 * (ks-workspace-server.c); outside a transaction of our own they become
 * "changed" signals at once, inside one they wait for its end. */
static gboolean
on_server_readable (int           fd,
                    GIOCondition  condition,
                    gpointer      data)
{
  KsWorkspace *self = data;

  if (!ks_workspace_server_take_changes (self->kdb, self->schema, TRUE, self->touched))
    {
      g_message ("The connection to “%s” was lost", self->name);
      g_clear_pointer (&self->watch, g_source_unref);
      go_offline (self);
      return G_SOURCE_REMOVE;
    }
  if (self->depth == 0)
    emit_changes (self);
  return G_SOURCE_CONTINUE;
}

static void
watch_server (KsWorkspace *self)
{
  int fd = ks_workspace_server_socket (self->kdb);

  if (fd < 0)
    return;
  self->watch = g_unix_fd_source_new (fd, G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (self->watch, G_SOURCE_FUNC (on_server_readable), self, NULL);
  g_source_set_name (self->watch, "[keystone] team workspace changes");
  g_source_attach (self->watch, NULL);
}

/**
 * ks_workspace_open:
 * @path: a file name, ":memory:" for a private in-memory workspace, or a
 *   team workspace's libpq URI (postgresql://USER@HOST:PORT/DB?options=…)
 *
 * Returns: (transfer full) (nullable): the workspace, or %NULL with @error set;
 *   a refused file keeps its bytes.
 */
static gboolean
on_reconnect_timeout (gpointer data)
{
  KsWorkspace *self = data;

  if (ks_workspace_reconnect (self))
    {
      self->reconnect_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
go_offline (KsWorkspace *self)
{
  if (self->offline || self->db)
    return;
  self->offline = TRUE;
  if (self->watch)
    {
      g_source_destroy (self->watch);
      g_clear_pointer (&self->watch, g_source_unref);
    }
  if (!self->reconnect_id)
    self->reconnect_id = g_timeout_add_seconds (2, on_reconnect_timeout, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

gboolean
ks_workspace_is_online (KsWorkspace *self)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);
  return !self->offline;
}

gboolean
ks_workspace_reconnect (KsWorkspace *self)
{
  gboolean undo;

  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);

  if (!self->offline || self->depth > 0)
    return !self->offline;
  if (!ks_db_pg_reconnect (self->kdb) ||
      !ks_workspace_server_listen (self->kdb, NULL) ||
      (self->read_only && !ks_db_exec (self->kdb, "SET default_transaction_read_only = on", NULL)))
    return FALSE;
  /* A new session: its undo log is new too. */
  undo = self->undo != NULL;
  g_clear_pointer (&self->undo, ks_undo_free);
  self->offline = FALSE;
  if (undo)
    ks_workspace_set_undo_enabled (self, TRUE);
  watch_server (self);
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  g_message ("Connected to “%s” again", self->name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
  notify_undo_state (self);
  /* What others changed meanwhile went unheard: every view reads again. */
  for (guint i = 0; i < G_N_ELEMENTS (user_tables); i++)
    g_hash_table_add (self->touched, (gpointer) g_intern_static_string (user_tables[i]));
  emit_changes (self);
  return TRUE;
}

KsWorkspace *
ks_workspace_open_team (const char            *uri,
                        const char            *password,
                        KsWorkspaceOpenFlags   flags,
                        GError               **error)
{
  g_autoptr(KsWorkspace) self = NULL;

  g_return_val_if_fail (ks_workspace_server_is_uri (uri), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (KS_TYPE_WORKSPACE, NULL);
  self->path = g_strdup (uri);
  self->password = g_strdup (password);
  self->name = ks_workspace_server_display_name (uri);
  if (!open_server (self, flags, error))
    return NULL;
  watch_server (self);
  return g_steal_pointer (&self);
}

KsWorkspace *
ks_workspace_open (const char            *path,
                   KsWorkspaceOpenFlags   flags,
                   GError               **error)
{
  g_autoptr(KsWorkspace) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (ks_workspace_server_is_uri (path))
    return ks_workspace_open_team (path, NULL, flags, error);
  self = g_object_new (KS_TYPE_WORKSPACE, NULL);
  self->path = g_strdup (path);
  self->name = g_strdup (path);
  if (!open_database (self, flags, error))
    return NULL;
  sqlite3_update_hook (self->db, on_update, self);

  return g_steal_pointer (&self);
}

const char *
ks_workspace_get_path (KsWorkspace *self)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), NULL);
  return self->path;
}

const char *
ks_workspace_get_name (KsWorkspace *self)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), NULL);
  return self->name;
}

gboolean
ks_workspace_is_team (KsWorkspace *self)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);
  return self->db == NULL;
}

gboolean
ks_workspace_path_is_team (const char *path)
{
  return ks_workspace_server_is_uri (path);
}

gboolean
ks_workspace_grant_team_roles (KsWorkspace  *self,
                               GError      **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);

  if (self->db)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                   _("“%s” is a file: roles belong to a team workspace on a server"), self->name);
      return FALSE;
    }
  if (ks_workspace_server_grant_roles (self->kdb, &local))
    return TRUE;
  g_set_error (error, KS_WORKSPACE_ERROR,
               ks_db_last_error (self->kdb) == KS_DB_ERROR_READ_ONLY ? KS_WORKSPACE_ERROR_READ_ONLY
                                                                     : KS_WORKSPACE_ERROR_FAILED,
               _("Could not %s in “%s”: %s"), _("give the roles their rights"), self->name,
               local->message);
  return FALSE;
}

void
ks_workspace_team_parts (const char  *uri,
                         char       **database,
                         char       **host,
                         char       **user)
{
  ks_workspace_server_parts (uri, database, host, user);
}

char *
ks_workspace_team_uri (const char *host,
                       const char *database,
                       const char *user)
{
  g_autoptr(GString) uri = g_string_new ("postgresql://");
  g_autofree char *h = g_uri_escape_string (host ? host : "", "[]:", FALSE);
  g_autofree char *d = g_uri_escape_string (database ? database : "", NULL, FALSE);
  g_autofree char *u = g_uri_escape_string (user ? user : "", NULL, FALSE);

  if (*u)
    g_string_append_printf (uri, "%s@", u);
  g_string_append_printf (uri, "%s/%s", h, d);
  return g_string_free (g_steal_pointer (&uri), FALSE);
}

gboolean
ks_workspace_is_read_only (KsWorkspace *self)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), TRUE);
  return self->read_only;
}

guint
ks_workspace_get_schema_version (KsWorkspace *self)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), 0);
  return self->schema_version;
}

guint
ks_workspace_latest_schema_version (void)
{
  return ks_schema_latest_version ();
}

/**
 * ks_workspace_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/keystone/default.keystone`
 */
char *
ks_workspace_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "keystone", "default.keystone", NULL);
}

void
ks_workspace_delete_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_return_if_fail (path != NULL);

  if (ks_workspace_server_is_uri (path) || g_strcmp0 (path, ":memory:") == 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

sqlite3 *
ks_workspace_get_db (KsWorkspace *self)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), NULL);
  return self->db;
}

KsDb *
ks_workspace_open_reader (KsWorkspace *self)
{
  sqlite3 *db = NULL;

  g_return_val_if_fail (KS_IS_WORKSPACE (self), NULL);

  if (g_strcmp0 (self->path, ":memory:") == 0 || ks_workspace_in_transaction (self))
    return NULL;
  if (!self->db)
    {
      KsDb *reader = ks_db_open_pg_password (self->path, self->password, NULL);

      if (reader && !ks_db_exec (reader, "SET default_transaction_read_only = on", NULL))
        g_clear_pointer (&reader, ks_db_close);
      return reader;
    }
  if (sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  return ks_db_wrap_sqlite (db, TRUE);
}

KsStmt *
ks_workspace_prepare (KsWorkspace  *self,
                      const char   *sql,
                      GError      **error)
{
  g_autoptr(GError) local = NULL;
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);
  g_return_val_if_fail (self->kdb != NULL, NULL);

  stmt = ks_db_prepare (self->kdb, sql, &local);
  if (!stmt && self->db)
    {
      int rc = sqlite3_errcode (self->db);

      if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
        ks_workspace_set_sql_error (self, error, _("read the workspace"));
      else
        g_propagate_error (error, g_steal_pointer (&local));
    }
  else if (!stmt && ks_db_last_error (self->kdb) == KS_DB_ERROR_CONNECTION)
    ks_workspace_set_sql_error (self, error, _("read the workspace"));
  else if (!stmt)
    g_propagate_error (error, g_steal_pointer (&local));
  return stmt;
}

gint64
ks_workspace_last_insert_id (KsWorkspace *self)
{
  return ks_db_last_insert_id (self->kdb);
}

gint64
ks_workspace_changes (KsWorkspace *self)
{
  return ks_db_changes (self->kdb);
}

#define BUSY_RETRIES 4

gboolean
ks_workspace_retry_busy (KsWorkspace  *self,
                         guint        *attempt,
                         GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (attempt != NULL, FALSE);

  if (!error || !g_error_matches (*error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_BUSY) ||
      self->depth > 0)
    return FALSE;
  if (*attempt + 1 > BUSY_RETRIES)
    {
      g_prefix_error (error, g_dngettext (GETTEXT_PACKAGE, "Tried %u time: ", "Tried %u times: ",
                                          *attempt + 1),
                      *attempt + 1);
      return FALSE;
    }
  /* 5, 20, 80, 320 ms, each up to twice that at random: the transactions
   * that collided do not try again in step. */
  g_usleep ((5000u << (2 * *attempt)) * (1.0 + g_random_double ()));
  (*attempt)++;
  g_clear_error (error);
  return TRUE;
}

gboolean
ks_workspace_save_retrying (KsWorkspace  *self,
                            KsSaveOnce    save_once,
                            gpointer      object,
                            GError      **error)
{
  guint attempt = 0;
  gboolean ok;

  while (!(ok = save_once (object, self, error)) && ks_workspace_retry_busy (self, &attempt, error))
    ;
  return ok;
}

void
ks_conflict_note (GString    *theirs,
                  const char *label,
                  const char *stored,
                  const char *mine)
{
  if (g_strcmp0 (stored ? stored : "", mine ? mine : "") == 0)
    return;
  if (theirs->len > 0)
    g_string_append (theirs, _("; "));
  if (!stored || !*stored)
    /* TRANSLATORS: a field another user emptied, in a list of their values */
    g_string_append_printf (theirs, _("%s empty"), label);
  else
    /* TRANSLATORS: a field and another user's value for it, in a list */
    g_string_append_printf (theirs, _("%s “%s”"), label, stored);
}

void
ks_workspace_set_conflict (GError     **error,
                           const char  *name,
                           GString     *theirs)
{
  if (theirs && theirs->len > 0)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT,
                 _("Another user has changed “%s” since you opened it (now %s). "
                   "Your values were not saved and are kept: save again to replace theirs"),
                 name, theirs->str);
  else
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT,
                 _("Another user has changed “%s” since you opened it, to the values you have. "
                   "Nothing was saved: save again if you still want to"),
                 name);
}

gint64
ks_workspace_total_changes (KsWorkspace *self)
{
  return ks_db_total_changes (self->kdb);
}

const char * const *
ks_workspace_tables (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (user_tables);
  return user_tables;
}

gboolean
ks_workspace_table_columns (KsWorkspace  *self,
                            const char   *table,
                            GPtrArray    *names,
                            GString      *kinds,
                            GError      **error)
{
  KsStmt *stmt;
  KsStep step;

  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);

  /* Both give the declared type in capitals: INTEGER, REAL, TEXT on SQLite;
   * BIGINT, DOUBLE PRECISION, TEXT on PostgreSQL (ks-schema-pg.c). */
  stmt = ks_workspace_prepare (self, self->db
                               ? "SELECT name, upper (type) FROM pragma_table_info (?1) ORDER BY cid"
                               : "SELECT column_name, upper (data_type) FROM information_schema.columns"
                                 " WHERE table_schema = current_schema () AND table_name = ?1"
                                 " ORDER BY ordinal_position",
                               error);
  if (!stmt)
    return FALSE;
  ks_stmt_bind_text (stmt, 1, table);
  while ((step = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      const char *type = ks_column_text (stmt, 1);

      g_ptr_array_add (names, g_strdup (ks_column_text (stmt, 0)));
      g_string_append_c (kinds, strstr (type, "INT") ? 'i'
                                : (strstr (type, "REAL") || strstr (type, "DOUBLE")) ? 'r' : 't');
    }
  ks_stmt_reset (stmt);
  if (step != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (self, error, _("read the schema"));
      return FALSE;
    }
  return TRUE;
}

gboolean
ks_workspace_defer_foreign_keys (KsWorkspace  *self,
                                 GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  return ks_workspace_exec (self, self->db ? "PRAGMA defer_foreign_keys = ON"
                                           : "SET CONSTRAINTS ALL DEFERRED", error);
}

gboolean
ks_workspace_ids_follow_rows (KsWorkspace  *self,
                              GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);

  return self->db || ks_workspace_exec (self, ks_schema_pg_resync_identities (), error);
}

gboolean
ks_workspace_on_server (KsWorkspace *self)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);
  return self->db == NULL;
}

gboolean
ks_workspace_copy_in (KsWorkspace  *self,
                      const char   *copy,
                      KsCopyRow     next,
                      gpointer      data,
                      GError      **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (self->db == NULL, FALSE);

  if (ks_workspace_server_copy_in (self->kdb, copy, next, data, &local))
    return TRUE;
  if (local->code == KS_WORKSPACE_ERROR_OFFLINE)
    {
      go_offline (self);
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_OFFLINE,
                   _("Could not %s in “%s”: its server cannot be reached; Keystone keeps trying to connect again"),
                   _("load the rows"), self->name);
      return FALSE;
    }
  g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED, _("Could not %s in “%s”: %s"),
               _("load the rows"), self->name, local->message);
  return FALSE;
}

KsDbError
ks_workspace_last_error (KsWorkspace *self)
{
  return ks_db_last_error (self->kdb);
}

const char *
ks_workspace_last_error_message (KsWorkspace *self)
{
  return ks_db_error_message (self->kdb);
}

gboolean
ks_workspace_exec (KsWorkspace  *self,
                   const char   *sql,
                   GError      **error)
{
  char *errmsg = NULL;

  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);

  if (!self->db)
    {
      g_autofree char *action = NULL;

      if (ks_db_exec (self->kdb, sql, NULL))
        return TRUE;
      action = g_strdup_printf (_("run “%s”"), sql);
      ks_workspace_set_sql_error (self, error, action);
      return FALSE;
    }
  if (sqlite3_exec (self->db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      g_autofree char *action = g_strdup_printf (_("run “%s”"), sql);
      sqlite3_free (errmsg);
      ks_workspace_set_sql_error (self, error, action);
      return FALSE;
    }
  return TRUE;
}

gboolean
ks_workspace_step_done (KsWorkspace   *self,
                        KsStmt  *stmt,
                        const char    *action,
                        GError       **error)
{
  int rc;

  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    ;
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (self, error, action);
      ks_stmt_reset (stmt);
      return FALSE;
    }
  ks_stmt_reset (stmt);
  return TRUE;
}

gboolean
ks_workspace_step_commit (KsWorkspace   *self,
                          KsStmt  *stmt,
                          const char    *action,
                          GError       **error)
{
  if (!stmt || !ks_workspace_step_done (self, stmt, action, error))
    {
      ks_workspace_rollback (self);
      return FALSE;
    }
  return ks_workspace_commit (self, error);
}

gint64
ks_workspace_insert_commit (KsWorkspace   *self,
                            KsStmt  *stmt,
                            const char    *action,
                            GError       **error)
{
  gint64 id;

  if (!stmt || !ks_workspace_step_done (self, stmt, action, error))
    {
      ks_workspace_rollback (self);
      return 0;
    }
  id = ks_db_last_insert_id (self->kdb);
  if (!ks_workspace_commit (self, error))
    return 0;
  return id;
}

gint64
ks_workspace_query_int (KsWorkspace  *self,
                        const char   *sql,
                        gint64        a,
                        gint64        b,
                        const char   *action,
                        GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (self, sql, error);
  gint64 v = 0;
  int rc;

  if (!stmt)
    return -1;
  ks_stmt_bind_int64 (stmt, 1, a);
  if (ks_stmt_bind_parameter_count (stmt) >= 2)
    ks_stmt_bind_int64 (stmt, 2, b);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    v = ks_stmt_column_int64 (stmt, 0);
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_ROW && rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (self, error, action);
      return -1;
    }
  return v;
}

void
ks_bind_text (KsStmt *stmt,
              int           idx,
              const char   *text)
{
  ks_stmt_bind_text (stmt, idx, text ? text : "");
}

void
ks_bind_text_or_null (KsStmt *stmt,
                      int           idx,
                      const char   *text)
{
  if (text && *text)
    ks_stmt_bind_text (stmt, idx, text);
  else
    ks_stmt_bind_null (stmt, idx);
}

void
ks_bind_id (KsStmt *stmt,
            int           idx,
            gint64        id)
{
  if (id > 0)
    ks_stmt_bind_int64 (stmt, idx, id);
  else
    ks_stmt_bind_null (stmt, idx);
}

void
ks_bind_double_or_null (KsStmt *stmt,
                        int           idx,
                        double        value)
{
  if (isnan (value))
    ks_stmt_bind_null (stmt, idx);
  else
    ks_stmt_bind_double (stmt, idx, value);
}

const char *
ks_column_text (KsStmt *stmt,
                int           idx)
{
  const char *text = ks_stmt_column_text (stmt, idx);
  return text ? text : "";
}

double
ks_column_double_or_nan (KsStmt *stmt,
                         int           idx)
{
  if (ks_stmt_column_is_null (stmt, idx))
    return NAN;
  return ks_stmt_column_double (stmt, idx);
}

gint64
ks_workspace_id_for_name (KsWorkspace  *self,
                          const char   *table,
                          const char   *name,
                          GError      **error)
{
  KsStmt *stmt;
  const char *sql;
  gint64 id = 0;
  int rc;

  if (g_strcmp0 (table, "accounts") == 0)
    sql = "SELECT id FROM accounts WHERE name = ?1";
  else if (g_strcmp0 (table, "people") == 0)
    sql = "SELECT id FROM people WHERE name = ?1";
  else if (g_strcmp0 (table, "products") == 0)
    sql = "SELECT id FROM products WHERE name = ?1";
  else
    g_return_val_if_reached (0);

  if (!name || !*name)
    return 0;
  if (!(stmt = ks_workspace_prepare (self, sql, error)))
    return -1;
  ks_stmt_bind_text (stmt, 1, name);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    id = ks_stmt_column_int64 (stmt, 0);
  else if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (self, error, _("look up a name"));
      id = -1;
    }
  ks_stmt_reset (stmt);
  return id;
}

gboolean
ks_workspace_match_name (KsWorkspace  *self,
                         KsStmt *stmt,
                         int           name_column,
                         const char   *name,
                         KsRowFunc     from_row,
                         GPtrArray    *found,
                         GString      *similar,
                         GError      **error)
{
  g_autofree char *key = g_utf8_casefold (name, -1);
  g_autofree char *stem = g_utf8_substring (key, 0, MIN (g_utf8_strlen (key, -1), 3));
  guint n_similar = 0;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);

  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      const char *candidate = ks_column_text (stmt, name_column);
      g_autofree char *other = g_utf8_casefold (candidate, -1);

      if (g_strcmp0 (key, other) == 0)
        g_ptr_array_add (found, from_row (stmt));
      else if (similar && n_similar < 8 && *stem && strstr (other, stem))
        {
          g_string_append_printf (similar, "%s“%s”", n_similar ? ", " : "", candidate);
          n_similar++;
        }
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (self, error, _("look up a name"));
      return FALSE;
    }
  return TRUE;
}

char *
ks_quote_names (GPtrArray  *objects,
                KsNameFunc  get_name)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < objects->len; i++)
    g_string_append_printf (names, "%s“%s”", i ? ", " : "", get_name (g_ptr_array_index (objects, i)));
  return g_string_free (names, FALSE);
}

GStrv
ks_workspace_drop_indexes (KsWorkspace  *self,
                           const char   *table,
                           GError      **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) creates = g_strv_builder_new ();
  g_auto(GStrv) drop = NULL;
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (self->depth > 0, NULL);

  if (!self->db)
    {
      g_autoptr(GError) local = NULL;
      GStrv kept = ks_workspace_server_drop_indexes (self->kdb, table, &local);

      if (!kept)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                     _("Could not %s in “%s”: %s"), _("read the schema"), self->name, local->message);
      return kept;
    }

  /* sql IS NULL marks the indexes behind UNIQUE and PRIMARY KEY: they stay. */
  stmt = ks_workspace_prepare (self,
                               "SELECT name, sql FROM main.sqlite_master "
                               "WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL "
                               "ORDER BY name",
                               error);
  if (!stmt)
    return NULL;
  ks_stmt_bind_text (stmt, 1, table);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      g_strv_builder_add (names, ks_column_text (stmt, 0));
      g_strv_builder_add (creates, ks_column_text (stmt, 1));
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (self, error, _("read the schema"));
      return NULL;
    }

  drop = g_strv_builder_end (names);
  for (guint i = 0; drop[i]; i++)
    {
      /* The name comes from the schema, not from users. */
      g_autofree char *sql = g_strdup_printf ("DROP INDEX main.\"%s\"", drop[i]);
      if (!ks_workspace_exec (self, sql, error))
        return NULL;
    }
  return g_strv_builder_end (creates);
}

gboolean
ks_workspace_restore_indexes (KsWorkspace  *self,
                              GStrv         creates,
                              GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);

  for (guint i = 0; creates && creates[i]; i++)
    if (!ks_workspace_exec (self, creates[i], error))
      return FALSE;
  return TRUE;
}

gboolean
ks_workspace_get_counts (KsWorkspace        *self,
                         KsWorkspaceCounts  *counts,
                         GError            **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  return query_int (self, "SELECT count(*) FROM accounts", &counts->accounts, _("count accounts"), error) &&
         query_int (self, "SELECT count(*) FROM people", &counts->people, _("count people"), error) &&
         query_int (self, "SELECT count(*) FROM contacts", &counts->contacts, _("count contacts"), error) &&
         query_int (self, "SELECT count(*) FROM products", &counts->products, _("count products"), error) &&
         query_int (self, "SELECT count(*) FROM opportunities", &counts->opportunities,
                    _("count opportunities"), error) &&
         query_int (self, "SELECT count(*) FROM account_team", &counts->team_members,
                    _("count team members"), error);
}

gboolean
ks_workspace_is_empty (KsWorkspace *self)
{
  KsWorkspaceCounts c = { 0 };

  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);

  if (!ks_workspace_get_counts (self, &c, NULL))
    return FALSE;
  return c.accounts + c.people + c.contacts + c.products + c.opportunities + c.team_members == 0;
}

gboolean
ks_workspace_check_integrity (KsWorkspace  *self,
                              GError      **error)
{
  KsStmt *stmt;
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);

  /* The server keeps its own pages whole; a team workspace has no file. */
  if (!self->db)
    return TRUE;
  if (!(stmt = ks_workspace_prepare (self, "PRAGMA integrity_check", error)))
    return FALSE;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      const char *line = ks_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (self, error, _("check the workspace"));
      return FALSE;
    }
  if (problems->len)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is damaged: %s"), self->path, problems->str);
      return FALSE;
    }
  return TRUE;
}

/**
 * ks_workspace_save_copy:
 *
 * Writes a consistent copy of the workspace to @dest_path (which must not
 * exist), as one compact file with no WAL beside it; a team workspace's
 * rows too (ks_workspace_copy()).
 */
gboolean
ks_workspace_save_copy (KsWorkspace  *self,
                        const char   *dest_path,
                        GError      **error)
{
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_EXISTS,
                   _("“%s” already exists; choose another name"), dest_path);
      return FALSE;
    }
  /* A team workspace becomes a file by a copy of its rows. */
  if (!self->db)
    {
      g_autoptr(KsWorkspace) copy = ks_workspace_open (dest_path, KS_WORKSPACE_OPEN_NEW, error);
      gboolean ok;

      if (!copy)
        return FALSE;
      ok = ks_workspace_copy (self, copy, NULL, error);
      g_clear_object (&copy);
      if (!ok)
        ks_workspace_delete_files (dest_path);
      return ok;
    }
  if (!(stmt = ks_workspace_prepare (self, "VACUUM INTO ?1", error)))
    return FALSE;
  ks_stmt_bind_text (stmt, 1, dest_path);
  return ks_workspace_step_done (self, stmt, _("save a copy"), error);
}

char *
ks_workspace_get_setting (KsWorkspace *self,
                          const char  *key)
{
  KsStmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (KS_IS_WORKSPACE (self), NULL);

  if (!(stmt = ks_workspace_prepare (self, "SELECT value FROM settings WHERE key = ?1", NULL)))
    return NULL;
  ks_stmt_bind_text (stmt, 1, key);
  if (ks_stmt_step (stmt) == KS_STEP_ROW)
    value = g_strdup (ks_column_text (stmt, 0));
  ks_stmt_reset (stmt);
  return value;
}

gboolean
ks_workspace_set_setting (KsWorkspace  *self,
                          const char   *key,
                          const char   *value,
                          GError      **error)
{
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!ks_workspace_begin (self, _("Change setting"), error))
    return FALSE;
  if (value)
    {
      stmt = ks_workspace_prepare (self,
                                   "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value "
                                   "WHERE settings.value IS DISTINCT FROM excluded.value",
                                   error);
      if (stmt)
        {
          ks_stmt_bind_text (stmt, 1, key);
          ks_stmt_bind_text (stmt, 2, value);
        }
    }
  else
    {
      stmt = ks_workspace_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
      if (stmt)
        ks_stmt_bind_text (stmt, 1, key);
    }
  if (!stmt || !ks_workspace_step_done (self, stmt, _("save a setting"), error))
    {
      ks_workspace_rollback (self);
      return FALSE;
    }
  return ks_workspace_commit (self, error);
}

gboolean
ks_workspace_begin (KsWorkspace  *self,
                    const char   *label,
                    GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);

  if (self->read_only)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_READ_ONLY,
                   _("“%s” is open read-only; save a copy to make changes"), self->path);
      return FALSE;
    }

  if (self->offline && !ks_workspace_reconnect (self))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_OFFLINE,
                   _("“%s” cannot be reached: its server went away; Keystone keeps trying to connect again"),
                   self->name);
      return FALSE;
    }

  /* A nested action is a savepoint: its failure undoes only itself. */
  if (self->depth > 0)
    {
      if (!ks_workspace_exec (self, "SAVEPOINT ks_nested", error))
        return FALSE;
      self->depth++;
      return TRUE;
    }

  /* A file is locked for writing at once; a server locks rows as they change. */
  if (!ks_workspace_exec (self, self->db ? "BEGIN IMMEDIATE" : "BEGIN", error))
    {
      if (self->db && error && *error && (*error)->code == KS_WORKSPACE_ERROR_BUSY)
        {
          g_clear_error (error);
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_BUSY,
                       _("“%s” is in use by another program; try again when it is done"),
                       self->path);
        }
      return FALSE;
    }
  self->depth = 1;
  g_hash_table_remove_all (self->touched);
  g_free (self->action_label);
  self->action_label = g_strdup (label ? label : _("Change"));
  if (self->undo && !ks_undo_begin_step (self->undo, error))
    {
      ks_workspace_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* Ends the outermost transaction however deep we are. */
static void
abort_transaction (KsWorkspace *self)
{
  self->depth = 0;
  rollback_quietly (self);
  if (self->undo)
    ks_undo_step_abandoned (self->undo);
  g_hash_table_remove_all (self->touched);
}

/**
 * ks_workspace_commit:
 *
 * Ends the innermost begin. On failure that level has been rolled back
 * already: do not call ks_workspace_rollback() for it.
 */
gboolean
ks_workspace_commit (KsWorkspace  *self,
                     GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);

  if (self->depth == 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                   _("The change to “%s” was abandoned"), self->path);
      return FALSE;
    }
  if (self->depth > 1)
    {
      if (!ks_workspace_exec (self, "RELEASE ks_nested", error))
        {
          ks_workspace_rollback (self);
          return FALSE;
        }
      self->depth--;
      return TRUE;
    }

  if (self->undo && !ks_undo_end_step (self->undo, self->action_label, error))
    {
      abort_transaction (self);
      return FALSE;
    }
  if (!ks_workspace_exec (self, "COMMIT", error))
    {
      abort_transaction (self);
      return FALSE;
    }
  self->depth = 0;
  if (self->undo)
    {
      ks_undo_step_committed (self->undo);
      notify_undo_state (self);
    }
  /* A server tells every listener, this one too, what the commit changed. */
  if (!self->db)
    ks_workspace_server_take_changes (self->kdb, self->schema, FALSE, self->touched);
  emit_changes (self);
  return TRUE;
}

/**
 * ks_workspace_rollback:
 *
 * Undoes the innermost begin: the whole transaction at the outermost level,
 * only the nested part (a savepoint) inside another action.
 */
void
ks_workspace_rollback (KsWorkspace *self)
{
  g_return_if_fail (KS_IS_WORKSPACE (self));

  if (self->depth == 0)
    return;
  if (self->depth > 1)
    {
      if (ks_db_exec (self->kdb, "ROLLBACK TO ks_nested", NULL) &&
          ks_db_exec (self->kdb, "RELEASE ks_nested", NULL))
        {
          self->depth--;
          return;
        }
    }
  abort_transaction (self);
}

/* A savepoint is a read transaction of its own in SQLite, and inside a
 * write transaction on both engines; outside one, PostgreSQL takes a
 * repeatable-read transaction for the same snapshot. */
gboolean
ks_workspace_begin_read (KsWorkspace  *self,
                         GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);

  if (self->db || self->depth > 0)
    return ks_workspace_exec (self, "SAVEPOINT ks_read", error);
  return ks_workspace_exec (self, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error);
}

gboolean
ks_workspace_end_read (KsWorkspace  *self,
                       GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);

  if (self->db || self->depth > 0)
    return ks_workspace_exec (self, "RELEASE ks_read", error);
  return ks_workspace_exec (self, "COMMIT", error);
}

gboolean
ks_workspace_in_transaction (KsWorkspace *self)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);
  return self->depth > 0;
}

void
ks_workspace_set_undo_enabled (KsWorkspace *self,
                               gboolean     enabled)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KS_IS_WORKSPACE (self));
  g_return_if_fail (self->depth == 0);

  if (!!enabled == (self->undo != NULL) || self->read_only)
    return;
  if (enabled)
    {
      self->undo = ks_undo_new (self, user_tables, G_N_ELEMENTS (user_tables), &error);
      if (!self->undo)
        g_warning ("Undo is not available: %s", error->message);
    }
  else
    g_clear_pointer (&self->undo, ks_undo_free);
  notify_undo_state (self);
}

gboolean
ks_workspace_get_undo_enabled (KsWorkspace *self)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);
  return self->undo != NULL;
}

gboolean
ks_workspace_can_undo (KsWorkspace *self)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);
  return self->undo && ks_undo_get_label (self->undo, FALSE) != NULL;
}

gboolean
ks_workspace_can_redo (KsWorkspace *self)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);
  return self->undo && ks_undo_get_label (self->undo, TRUE) != NULL;
}

const char *
ks_workspace_get_undo_label (KsWorkspace *self)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), NULL);
  return self->undo ? ks_undo_get_label (self->undo, FALSE) : NULL;
}

const char *
ks_workspace_get_redo_label (KsWorkspace *self)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), NULL);
  return self->undo ? ks_undo_get_label (self->undo, TRUE) : NULL;
}

static gboolean
replay (KsWorkspace  *self,
        gboolean      redo,
        GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (!self->undo || !ks_undo_get_label (self->undo, redo))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                   redo ? _("There is nothing to redo") : _("There is nothing to undo"));
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_READ_ONLY,
                   _("“%s” is open read-only"), self->path);
      return FALSE;
    }
  if (!ks_workspace_exec (self, self->db ? "BEGIN IMMEDIATE" : "BEGIN", error))
    return FALSE;
  g_hash_table_remove_all (self->touched);
  if (!ks_undo_replay (self->undo, redo, error) ||
      !ks_workspace_exec (self, "COMMIT", error))
    {
      rollback_quietly (self);
      ks_undo_replay_abandoned (self->undo);
      g_hash_table_remove_all (self->touched);
      return FALSE;
    }
  ks_undo_replay_committed (self->undo, redo);
  notify_undo_state (self);
  if (!self->db)
    ks_workspace_server_take_changes (self->kdb, self->schema, FALSE, self->touched);
  emit_changes (self);
  return TRUE;
}

gboolean
ks_workspace_undo (KsWorkspace  *self,
                   GError      **error)
{
  return replay (self, FALSE, error);
}

gboolean
ks_workspace_redo (KsWorkspace  *self,
                   GError      **error)
{
  return replay (self, TRUE, error);
}

void
ks_workspace_clear_undo (KsWorkspace *self)
{
  g_return_if_fail (KS_IS_WORKSPACE (self));

  if (self->undo)
    {
      ks_undo_clear (self->undo);
      notify_undo_state (self);
    }
}
