/* ks-workspace-server.c — what a team workspace on PostgreSQL does that a
 * file does not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A team workspace is the tables of one PostgreSQL schema (the first of the
 * connection's search_path, "public" unless the URI says otherwise). The
 * same migrations as a file's build it, in PostgreSQL's words
 * (ks-schema-pg.c); the version they reached is kept in the one-row table
 * keystone_schema, where a file keeps PRAGMA user_version. Every table gets
 * a statement trigger that tells the channel "keystone" which table a
 * committed transaction changed, so each open workspace hears its own
 * changes and every other user's (LISTEN/NOTIFY) and emits the same
 * "changed" signals a file's update hook feeds.
 */
#define G_LOG_DOMAIN "ks-workspace"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-db-pg.h"
#include "ks-schema-private.h"
#include "ks-workspace-server.h"

/* Who may do what: keystone_viewer reads, keystone_editor reads and
 * writes, in the workspace's schema, tables made later included. Logins
 * become one or the other with GRANT keystone_editor TO anna. */
#define GRANT_ROLES \
  "DO $$ BEGIN" \
  " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'keystone_viewer') THEN" \
  "  CREATE ROLE keystone_viewer NOLOGIN; END IF;" \
  " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'keystone_editor') THEN" \
  "  CREATE ROLE keystone_editor NOLOGIN; END IF;" \
  " EXECUTE format ('GRANT USAGE ON SCHEMA %I TO keystone_viewer, keystone_editor', current_schema ());" \
  " EXECUTE format ('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO keystone_viewer', current_schema ());" \
  " EXECUTE format ('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO keystone_editor'," \
  "                 current_schema ());" \
  " EXECUTE format ('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO keystone_editor', current_schema ());" \
  " EXECUTE format ('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES TO keystone_viewer'," \
  "                 current_schema ());" \
  " EXECUTE format ('ALTER DEFAULT PRIVILEGES IN SCHEMA %I"\
  "                  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO keystone_editor', current_schema ());" \
  " EXECUTE format ('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO keystone_editor'," \
  "                 current_schema ());" \
  "END $$"

/* COPY sends its rows in pieces of about this many bytes. */
#define COPY_CHUNK (256 * 1024)

/* One lock for every migration of every team workspace on a server: two
 * clients opening a new schema at once take turns. */
#define MIGRATION_LOCK "SELECT pg_advisory_xact_lock (4928173610)"

/* Two triggers on every table. keystone_notify tells listeners which table
 * a transaction changed. keystone_undo writes, for each row changed in a
 * session that keeps an undo log (keystone.undo = on, ks-undo.c), the call
 * that reverses the change: keystone_undo_apply (table, the row as the
 * change left it, the row as it was). That call puts the row back only when
 * it is still as the change left it; when another user has changed it since
 * it raises SQLSTATE KS001, and the undo is refused. A row's version
 * (schema step 10) is not part of "as the change left it", and it only
 * grows: the row put back takes the version after the one it replaces, and
 * a save that changed nothing but the version logs nothing. A row that is
 * already gone, as a cascade took it, needs no deleting. The calls are made by
 * format () with %L from the row images, never from text we assemble. The
 * log's seq is counted, not taken from a sequence: lastval () must stay the
 * changed row's id. */
#define TRIGGERS \
  "CREATE OR REPLACE FUNCTION keystone_notify () RETURNS trigger LANGUAGE plpgsql AS $$" \
  " BEGIN PERFORM pg_notify ('keystone', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME); RETURN NULL; END $$;" \
  "CREATE OR REPLACE FUNCTION keystone_undo () RETURNS trigger LANGUAGE plpgsql AS $$" \
  " BEGIN" \
  "  IF coalesce (current_setting ('keystone.undo', true), '') <> 'on' THEN RETURN NULL; END IF;" \
  "  IF TG_OP = 'UPDATE' AND to_jsonb (OLD) - 'version' = to_jsonb (NEW) - 'version' THEN RETURN NULL; END IF;" \
  "  INSERT INTO pg_temp.ks_undo_log (seq, sql)" \
  "   SELECT coalesce (max (seq), 0) + 1, format ('SELECT keystone_undo_apply (%L, %L, %L)', TG_TABLE_NAME," \
  "     CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb (NEW) END, CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb (OLD) END)" \
  "   FROM pg_temp.ks_undo_log;" \
  "  RETURN NULL;" \
  " END $$;" \
  "CREATE OR REPLACE FUNCTION keystone_undo_apply (tbl text, came jsonb, was jsonb) RETURNS void" \
  " LANGUAGE plpgsql AS $$ DECLARE key text; cols text; n bigint; BEGIN" \
  "  SELECT string_agg (format ('to_jsonb (t) -> %L = $1 -> %L', a.attname, a.attname), ' AND ') INTO key" \
  "   FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)" \
  "   WHERE i.indrelid = to_regclass (quote_ident (tbl)) AND i.indisprimary;" \
  "  EXECUTE format ('SELECT count (*) FROM %I t WHERE %s', tbl, key) INTO n USING coalesce (came, was);" \
  "  IF came IS NULL THEN" \
  "   IF n > 0 THEN RAISE EXCEPTION 'the row is back' USING ERRCODE = 'KS001'; END IF;" \
  "   EXECUTE format ('INSERT INTO %I SELECT * FROM jsonb_populate_record (NULL::%I, $1)', tbl, tbl) USING was;" \
  "   RETURN;" \
  "  END IF;" \
  "  IF n = 0 AND was IS NULL THEN RETURN; END IF;" \
  "  EXECUTE format ('SELECT count (*) FROM %I t WHERE to_jsonb (t) - ''version'' = $1 - ''version''', tbl)" \
  "   INTO n USING came;" \
  "  IF n = 0 THEN RAISE EXCEPTION 'the row has changed' USING ERRCODE = 'KS001'; END IF;" \
  "  IF was IS NULL THEN" \
  "   EXECUTE format ('DELETE FROM %I t WHERE to_jsonb (t) - ''version'' = $1 - ''version''', tbl) USING came;" \
  "   RETURN;" \
  "  END IF;" \
  "  IF was ? 'version' THEN" \
  "   EXECUTE format ('SELECT max (t.version) FROM %I t WHERE %s', tbl, key) INTO n USING came;" \
  "   was := jsonb_set (was, '{version}', to_jsonb (n + 1));" \
  "  END IF;" \
  "  SELECT string_agg (format ('%I', k), ', ') INTO cols FROM jsonb_object_keys (was) k;" \
  "  EXECUTE format ('UPDATE %I t SET (%s) = (SELECT %s FROM jsonb_populate_record (NULL::%I, $1))'" \
  "                  || ' WHERE to_jsonb (t) - ''version'' = $2 - ''version''', tbl, cols, cols, tbl) USING was, came;" \
  " END $$;" \
  "DO $$ DECLARE t record; BEGIN" \
  " FOR t IN SELECT c.relname FROM pg_class c" \
  "   WHERE c.relnamespace = current_schema ()::regnamespace AND c.relkind = 'r'" \
  "     AND c.relname <> 'keystone_schema'" \
  "     AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'keystone_notify')" \
  " LOOP" \
  "  EXECUTE format ('CREATE TRIGGER keystone_notify AFTER INSERT OR UPDATE OR DELETE ON %I'" \
  "                  || ' FOR EACH STATEMENT EXECUTE FUNCTION keystone_notify ()', t.relname);" \
  "  EXECUTE format ('CREATE TRIGGER keystone_undo AFTER INSERT OR UPDATE OR DELETE ON %I'" \
  "                  || ' FOR EACH ROW EXECUTE FUNCTION keystone_undo ()', t.relname);" \
  " END LOOP; END $$;"

gboolean
ks_workspace_server_is_uri (const char *path)
{
  return path && (g_str_has_prefix (path, "postgresql://") || g_str_has_prefix (path, "postgres://"));
}

void
ks_workspace_server_parts (const char  *uri,
                           char       **database,
                           char       **host,
                           char       **user)
{
  PQconninfoOption *options = PQconninfoParse (uri, NULL);

  *database = g_strdup ("");
  *host = g_strdup ("");
  *user = g_strdup ("");
  if (!options)
    return;
  for (PQconninfoOption *o = options; o->keyword; o++)
    {
      char **slot = g_str_equal (o->keyword, "dbname") ? database
                    : g_str_equal (o->keyword, "host") ? host
                    : g_str_equal (o->keyword, "user") ? user : NULL;

      if (slot && o->val && *o->val)
        {
          g_free (*slot);
          *slot = g_strdup (o->val);
        }
    }
  PQconninfoFree (options);
}

char *
ks_workspace_server_display_name (const char *uri)
{
  PQconninfoOption *options = PQconninfoParse (uri, NULL);
  const char *host = NULL, *port = NULL, *user = NULL, *dbname = NULL;
  GString *name;

  if (!options)
    return g_strdup ("postgresql://");
  for (PQconninfoOption *o = options; o->keyword; o++)
    {
      if (!o->val || !*o->val)
        continue;
      if (g_str_equal (o->keyword, "host"))
        host = o->val;
      else if (g_str_equal (o->keyword, "port"))
        port = o->val;
      else if (g_str_equal (o->keyword, "user"))
        user = o->val;
      else if (g_str_equal (o->keyword, "dbname"))
        dbname = o->val;
    }
  /* Never the password: the name goes into messages and window titles. */
  name = g_string_new ("postgresql://");
  if (user)
    g_string_append_printf (name, "%s@", user);
  if (host)
    g_string_append (name, host);
  if (port)
    g_string_append_printf (name, ":%s", port);
  g_string_append_printf (name, "/%s", dbname ? dbname : "");
  PQconninfoFree (options);
  return g_string_free (name, FALSE);
}

static gboolean
query_int (KsDb         *db,
           const char   *sql,
           gint64       *out,
           GError      **error)
{
  KsStmt *stmt = ks_db_prepare (db, sql, error);
  KsStep step;

  if (!stmt)
    return FALSE;
  step = ks_stmt_step (stmt);
  *out = step == KS_STEP_ROW ? ks_stmt_column_int64 (stmt, 0) : 0;
  ks_stmt_reset (stmt);
  if (step == KS_STEP_ERROR)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED, "%s",
                   ks_db_error_message (db));
      return FALSE;
    }
  return TRUE;
}

gboolean
ks_workspace_server_inspect (KsDb        *db,
                             const char  *name,
                             char       **schema,
                             gint64      *version,
                             gboolean    *writable,
                             GError     **error)
{
  KsStmt *stmt;
  gint64 has_version = 0, tables = 0, can = 0;

  /* A search_path that names no schema leaves nowhere to work. */
  if (!(stmt = ks_db_prepare (db, "SELECT current_schema ()", error)))
    return FALSE;
  if (ks_stmt_step (stmt) != KS_STEP_ROW || ks_stmt_column_is_null (stmt, 0))
    {
      ks_stmt_reset (stmt);
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no workspace “%s”: the schema its connection names does not exist"),
                   name);
      return FALSE;
    }
  *schema = g_strdup (ks_stmt_column_text (stmt, 0));
  ks_stmt_reset (stmt);

  if (!query_int (db, "SELECT count (*) FROM information_schema.tables "
                      "WHERE table_schema = current_schema () AND table_name = 'keystone_schema'",
                  &has_version, error) ||
      !query_int (db, "SELECT count (*) FROM information_schema.tables "
                      "WHERE table_schema = current_schema ()", &tables, error))
    return FALSE;
  if (!has_version && tables > 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is a PostgreSQL database, but not a Keystone workspace: its schema “%s” holds other tables"),
                   name, *schema);
      return FALSE;
    }
  *version = 0;
  if (has_version && !query_int (db, "SELECT version FROM keystone_schema", version, error))
    return FALSE;
  if (has_version)
    {
      if (!query_int (db, "SELECT has_table_privilege ('accounts', 'INSERT')", &can, error))
        return FALSE;
    }
  else if (!query_int (db, "SELECT has_schema_privilege (current_schema (), 'CREATE')", &can, error))
    return FALSE;
  *writable = can != 0;
  return TRUE;
}

gboolean
ks_workspace_server_begin_migration (KsDb    *db,
                                     gint64  *version,
                                     GError **error)
{
  gint64 has_version = 0;

  if (!ks_db_exec (db, "BEGIN", error) || !ks_db_exec (db, MIGRATION_LOCK, error))
    return FALSE;
  /* Another client may have run the steps while this one waited. */
  if (!query_int (db, "SELECT count (*) FROM information_schema.tables "
                      "WHERE table_schema = current_schema () AND table_name = 'keystone_schema'",
                  &has_version, error))
    return FALSE;
  *version = 0;
  return !has_version || query_int (db, "SELECT version FROM keystone_schema", version, error);
}

gboolean
ks_workspace_server_migrate_step (KsDb    *db,
                                  guint    version,
                                  GError **error)
{
  g_autofree char *step = ks_schema_pg_migration (version);
  g_autofree char *record = NULL;

  if (!step)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                   "Schema step %u has no PostgreSQL form", version);
      return FALSE;
    }
  /* A literal built from our own number, as a file's PRAGMA user_version. */
  record = g_strdup_printf ("CREATE TABLE IF NOT EXISTS keystone_schema ("
                            " id INT PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL);"
                            "INSERT INTO keystone_schema (id, version) VALUES (1, %u)"
                            " ON CONFLICT (id) DO UPDATE SET version = excluded.version",
                            version);
  return ks_db_exec (db, step, error) &&
         ks_db_exec (db, TRIGGERS, error) &&
         ks_db_exec (db, record, error);
}

gboolean
ks_workspace_server_listen (KsDb    *db,
                            GError **error)
{
  return ks_db_exec (db, "LISTEN keystone", error);
}

int
ks_workspace_server_socket (KsDb *db)
{
  PGconn *conn = ks_db_pg_get_conn (db);

  return conn ? PQsocket (conn) : -1;
}

gboolean
ks_workspace_server_take_changes (KsDb        *db,
                                  const char  *schema,
                                  gboolean     read,
                                  GHashTable  *touched)
{
  PGconn *conn = ks_db_pg_get_conn (db);
  gsize prefix = strlen (schema);
  PGnotify *notify;

  g_return_val_if_fail (conn != NULL, FALSE);

  if (read && !PQconsumeInput (conn))
    return FALSE;
  while ((notify = PQnotifies (conn)))
    {
      const char *extra = notify->extra;

      if (strncmp (extra, schema, prefix) == 0 && extra[prefix] == '.' &&
          !g_str_has_prefix (extra + prefix + 1, "search_"))
        g_hash_table_add (touched, (gpointer) g_intern_string (extra + prefix + 1));
      PQfreemem (notify);
    }
  return PQstatus (conn) == CONNECTION_OK;
}

GStrv
ks_workspace_server_drop_indexes (KsDb        *db,
                                  const char  *table,
                                  GError     **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) creates = g_strv_builder_new ();
  g_auto(GStrv) drop = NULL;
  KsStmt *stmt;
  KsStep step;

  /* Indexes behind a constraint (primary key, UNIQUE) stay. */
  stmt = ks_db_prepare (db,
                        "SELECT i.relname, pg_get_indexdef (i.oid) FROM pg_index x "
                        "JOIN pg_class i ON i.oid = x.indexrelid "
                        "JOIN pg_class t ON t.oid = x.indrelid "
                        "WHERE t.relnamespace = current_schema ()::regnamespace AND t.relname = ?1 "
                        "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) "
                        "ORDER BY i.relname",
                        error);
  if (!stmt)
    return NULL;
  ks_stmt_bind_text (stmt, 1, table);
  while ((step = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      g_strv_builder_add (names, ks_stmt_column_text (stmt, 0));
      g_strv_builder_add (creates, ks_stmt_column_text (stmt, 1));
    }
  ks_stmt_reset (stmt);
  if (step != KS_STEP_DONE)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED, "%s",
                   ks_db_error_message (db));
      return NULL;
    }
  drop = g_strv_builder_end (names);
  for (guint i = 0; drop[i]; i++)
    {
      /* The name comes from the catalogue, not from users. */
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"", drop[i]);
      if (!ks_db_exec (db, sql, error))
        return NULL;
    }

  /* The foreign keys too: PostgreSQL checks each row's keys with a query
   * of its own (four per opportunity, nine tenths of a large COPY), and a
   * key added back checks every row in one join. */
  stmt = ks_db_prepare (db,
                        "SELECT c.conname, pg_get_constraintdef (c.oid) FROM pg_constraint c"
                        " JOIN pg_class t ON t.oid = c.conrelid"
                        " WHERE t.relnamespace = current_schema ()::regnamespace AND t.relname = ?1"
                        " AND c.contype = 'f' ORDER BY c.conname",
                        error);
  if (!stmt)
    return NULL;
  ks_stmt_bind_text (stmt, 1, table);
  g_clear_pointer (&names, g_strv_builder_unref);
  names = g_strv_builder_new ();
  while ((step = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      /* Names from the catalogue, not from users. */
      g_autofree char *add = g_strdup_printf ("ALTER TABLE \"%s\" ADD CONSTRAINT \"%s\" %s", table,
                                              ks_stmt_column_text (stmt, 0), ks_stmt_column_text (stmt, 1));

      g_strv_builder_add (names, ks_stmt_column_text (stmt, 0));
      g_strv_builder_add (creates, add);
    }
  ks_stmt_reset (stmt);
  if (step != KS_STEP_DONE)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED, "%s",
                   ks_db_error_message (db));
      return NULL;
    }
  g_clear_pointer (&drop, g_strfreev);
  drop = g_strv_builder_end (names);
  for (guint i = 0; drop[i]; i++)
    {
      g_autofree char *sql = g_strdup_printf ("ALTER TABLE \"%s\" DROP CONSTRAINT \"%s\"", table, drop[i]);
      if (!ks_db_exec (db, sql, error))
        return NULL;
    }
  return g_strv_builder_end (creates);
}

gboolean
ks_workspace_server_copy_in (KsDb        *db,
                             const char  *copy,
                             KsCopyRow    next,
                             gpointer     data,
                             GError     **error)
{
  PGconn *conn = ks_db_pg_get_conn (db);
  g_autoptr(GString) buffer = g_string_sized_new (COPY_CHUNK + 1024);
  PGresult *result;
  gboolean more = TRUE, ok = TRUE;

  g_return_val_if_fail (conn != NULL, FALSE);

  result = PQexec (conn, copy);
  if (PQresultStatus (result) != PGRES_COPY_IN)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED, "%s", PQerrorMessage (conn));
      PQclear (result);
      return FALSE;
    }
  PQclear (result);
  while (more && ok)
    {
      g_string_truncate (buffer, 0);
      while (buffer->len < COPY_CHUNK && (more = next (data, buffer)))
        ;
      if (buffer->len > 0 && PQputCopyData (conn, buffer->str, (int) buffer->len) != 1)
        ok = FALSE;
    }
  /* An end with a message makes the server drop what it was sent. */
  if (PQputCopyEnd (conn, ok ? NULL : "keystone: the import stopped") != 1)
    ok = FALSE;
  while ((result = PQgetResult (conn)))
    {
      if (PQresultStatus (result) != PGRES_COMMAND_OK)
        {
          if (ok)
            g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED, "%s",
                         PQresultErrorMessage (result));
          ok = FALSE;
        }
      PQclear (result);
    }
  if (!ok && error && !*error)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED, "%s", PQerrorMessage (conn));
  /* The server went away during the copy: the caller goes offline. */
  if (!ok && error && *error && PQstatus (conn) == CONNECTION_BAD)
    (*error)->code = KS_WORKSPACE_ERROR_OFFLINE;
  return ok;
}

void
ks_copy_append_text (GString    *line,
                     const char *text)
{
  if (!text)
    {
      g_string_append (line, "\\N");
      return;
    }
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (line, "\\\\");
        break;
      case '\t':
        g_string_append (line, "\\t");
        break;
      case '\n':
        g_string_append (line, "\\n");
        break;
      case '\r':
        g_string_append (line, "\\r");
        break;
      default:
        g_string_append_c (line, *p);
      }
}

gboolean
ks_workspace_server_grant_roles (KsDb    *db,
                                 GError **error)
{
  return ks_db_exec (db, GRANT_ROLES, error);
}
