/* test-team.c — a team workspace on PostgreSQL (issue 13): opening by URI,
 * what is refused, copying from a file and back, other users' changes
 * arriving, undo that another user's change stands in the way of, a
 * viewer who may only read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case makes a schema of its own on the server libpq's environment
 * names (PGHOST …: build-aux/test starts one with pg_virtualenv); without a
 * server the cases are skipped, except under CI.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ks-account.h"
#include "ks-crm-import.h"
#include "ks-db.h"
#include "ks-json.h"
#include "ks-search.h"
#include "ks-test-util.h"
#include "ks-workspace-copy.h"
#include "ks-workspace-private.h"

/* The database the test's own connection reaches. */
static char *
server_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsDb) db = ks_db_open_pg ("", &error);
  KsStmt *stmt;
  char *name;

  g_assert_no_error (error);
  stmt = ks_db_prepare (db, "SELECT current_database ()", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ks_stmt_step (stmt), ==, KS_STEP_ROW);
  name = g_strdup (ks_stmt_column_text (stmt, 0));
  ks_stmt_reset (stmt);
  return name;
}

static char *
account_name (KsWorkspace *ws,
              gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = ks_account_load (ws, id, &error);

  g_assert_no_error (error);
  return g_strdup (ks_account_get_name (account));
}

static void
rename_account (KsWorkspace *ws,
                gint64       id,
                const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = ks_account_load (ws, id, &error);

  g_assert_no_error (error);
  ks_account_set_name (account, name);
  g_assert_true (ks_account_save (account, ws, &error));
  g_assert_no_error (error);
}

static void
test_open (void)
{
  g_autofree char *schema = NULL;
  g_autofree char *uri = ks_test_server_uri (&schema);
  g_autofree char *sql = NULL;
  g_autofree char *other_uri = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;

  if (!uri)
    return;

  /* An empty schema is no workspace yet: opened as one, it is refused. */
  g_assert_null (ks_workspace_open (uri, KS_WORKSPACE_OPEN_DEFAULT, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  ws = ks_workspace_open (uri, KS_WORKSPACE_OPEN_NEW, &error);
  g_assert_no_error (error);
  g_assert_true (ks_workspace_is_team (ws));
  g_assert_false (ks_workspace_is_read_only (ws));
  g_assert_cmpuint (ks_workspace_get_schema_version (ws), ==, ks_workspace_latest_schema_version ());
  /* The name people see says where, never the password. */
  g_assert_cmpstr (ks_workspace_get_name (ws), ==, "postgresql:///");
  g_assert_true (ks_workspace_is_empty (ws));
  ks_test_add_account (ws, "Alpha AS");
  g_clear_object (&ws);

  /* Opened again: the same rows; a second "new" one is refused. */
  ws = ks_workspace_open (uri, KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (ks_workspace_is_empty (ws));
  g_clear_object (&ws);
  g_assert_null (ks_workspace_open (uri, KS_WORKSPACE_OPEN_NEW, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_EXISTS);
  g_clear_error (&error);

  /* A newer Keystone's schema is refused, as a newer file is. */
  sql = g_strdup_printf ("UPDATE %s.keystone_schema SET version = %u", schema,
                         ks_workspace_latest_schema_version () + 1);
  ks_test_server_exec (sql);
  g_assert_null (ks_workspace_open (uri, KS_WORKSPACE_OPEN_DEFAULT, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer version of Keystone"));
  g_clear_error (&error);

  /* A schema that holds other tables is not a workspace, and keeps them. */
  other_uri = ks_test_server_uri (&other);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("CREATE TABLE %s.invoices (id int)", other);
  ks_test_server_exec (sql);
  g_assert_null (ks_workspace_open (other_uri, KS_WORKSPACE_OPEN_CREATE, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE);
  g_assert_nonnull (strstr (error->message, "holds other tables"));
  g_clear_error (&error);

  /* A schema that does not exist. */
  g_assert_null (ks_workspace_open ("postgresql://?options=-csearch_path%3Dkst_nowhere",
                                    KS_WORKSPACE_OPEN_CREATE, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* No server there: a message that says so. */
  g_assert_null (ks_workspace_open ("postgresql://127.0.0.1:1/keystone?connect_timeout=2",
                                    KS_WORKSPACE_OPEN_CREATE, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Could not connect to the team workspace"));
}

/* A file with the demo goes to a server and back: the three export the
 * same document, byte for byte. */
static void
test_copy (void)
{
  g_autofree char *uri = ks_test_server_uri (NULL);
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *first = g_build_filename (dir, "first.keystone", NULL);
  g_autofree char *back = g_build_filename (dir, "back.keystone", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *on_server = NULL;
  g_autofree char *returned = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) file = NULL;
  g_autoptr(KsWorkspace) team = NULL;
  g_autoptr(KsWorkspace) again = NULL;
  gint64 rows = 0, rows_back = 0;

  if (!uri)
    return;
  file = ks_workspace_open (first, KS_WORKSPACE_OPEN_NEW, &error);
  g_assert_no_error (error);
  g_assert_true (ks_json_load_demo (file, &error));
  g_assert_no_error (error);
  expected = ks_json_export (file, &error);
  g_assert_no_error (error);

  team = ks_workspace_open (uri, KS_WORKSPACE_OPEN_NEW, &error);
  g_assert_no_error (error);
  g_assert_true (ks_workspace_copy (file, team, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows, >, 500);
  on_server = ks_json_export (team, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (on_server, ==, expected);

  again = ks_workspace_open (back, KS_WORKSPACE_OPEN_NEW, &error);
  g_assert_no_error (error);
  g_assert_true (ks_workspace_copy (team, again, &rows_back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows_back, ==, rows);
  returned = ks_json_export (again, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (returned, ==, expected);

  /* Ids handed out after the copy follow the copied ones. */
  g_assert_cmpint (ks_test_add_account (team, "After the copy"), >, 30);

  /* Search has no index on a server yet: it says so. */
  g_assert_null (ks_search_run (team, "Kessler", 10, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no search index"));
}

typedef struct
{
  guint accounts;
} Heard;

static void
on_changed (KsWorkspace *ws,
            const char  *table,
            Heard       *heard)
{
  if (g_str_equal (table, "accounts"))
    heard->accounts++;
}

/* Another user's commit reaches this window's "changed" signals through
 * the main loop, within a second. */
static void
test_live (void)
{
  g_autofree char *uri = ks_test_server_uri (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) mine = NULL;
  g_autoptr(KsWorkspace) theirs = NULL;
  Heard heard = { 0 }, own = { 0 };
  gint64 start;

  if (!uri)
    return;
  mine = ks_workspace_open (uri, KS_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  theirs = ks_workspace_open (uri, KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_signal_connect (mine, "changed", G_CALLBACK (on_changed), &heard);
  g_signal_connect (theirs, "changed", G_CALLBACK (on_changed), &own);

  ks_test_add_account (theirs, "Bravo AB");
  /* Their own change: at their commit, as on a file. */
  g_assert_cmpuint (own.accounts, ==, 1);
  start = g_get_monotonic_time ();
  while (heard.accounts == 0 && g_get_monotonic_time () - start < G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (heard.accounts, ==, 1);
  g_assert_cmpuint (own.accounts, ==, 1);
}

/* Undo puts back only what is as the change left it. */
static void
test_undo_conflict (void)
{
  g_autofree char *uri = ks_test_server_uri (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) mine = NULL;
  g_autoptr(KsWorkspace) theirs = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  if (!uri)
    return;
  mine = ks_workspace_open (uri, KS_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  ks_workspace_set_undo_enabled (mine, TRUE);
  theirs = ks_workspace_open (uri, KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  ks_workspace_set_undo_enabled (theirs, TRUE);

  id = ks_test_add_account (mine, "Charlie");
  rename_account (mine, id, "Charlie Ltd");
  /* Their undo log holds only their own changes. */
  g_assert_false (ks_workspace_can_undo (theirs));

  /* Mine, untouched by anyone else: undone. */
  g_assert_true (ks_workspace_undo (mine, &error));
  g_assert_no_error (error);
  name = account_name (theirs, id);
  g_assert_cmpstr (name, ==, "Charlie");
  g_assert_true (ks_workspace_redo (mine, &error));
  g_assert_no_error (error);

  /* They rename it after me: my undo would lose their name, so it is
   * refused, and their name stays. */
  rename_account (theirs, id, "Charlie Group");
  g_assert_false (ks_workspace_undo (mine, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "another user has changed the same data since"));
  g_clear_error (&error);
  g_clear_pointer (&name, g_free);
  name = account_name (mine, id);
  g_assert_cmpstr (name, ==, "Charlie Group");
  /* Their own undo still works. */
  g_assert_true (ks_workspace_undo (theirs, &error));
  g_assert_no_error (error);
  g_clear_pointer (&name, g_free);
  name = account_name (mine, id);
  g_assert_cmpstr (name, ==, "Charlie Ltd");
}

/* A role that may only read opens the workspace read-only, and the server
 * refuses its writes. */
static void
test_viewer (void)
{
  g_autofree char *schema = NULL;
  g_autofree char *uri = ks_test_server_uri (&schema);
  g_autofree char *role = g_strdup_printf ("kst_viewer_%d", (int) getpid ());
  g_autofree char *sql = NULL;
  g_autofree char *viewer_uri = NULL;
  g_autofree char *database = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsWorkspace) seen = NULL;

  if (!uri)
    return;
  database = server_database ();
  ws = ks_workspace_open (uri, KS_WORKSPACE_OPEN_NEW, &error);
  g_assert_no_error (error);
  ks_test_add_account (ws, "Delta");
  /* keystone-cli grant-roles; then a login that is a viewer. */
  g_assert_true (ks_workspace_grant_team_roles (ws, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("DROP ROLE IF EXISTS %s; CREATE ROLE %s LOGIN PASSWORD 'viewer-secret'"
                         " IN ROLE keystone_viewer", role, role);
  ks_test_server_exec (sql);

  viewer_uri = g_strdup_printf ("postgresql:///%s?user=%s&password=viewer-secret&options=-csearch_path%%3D%s",
                                database, role, schema);
  seen = ks_workspace_open (viewer_uri, KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (ks_workspace_is_read_only (seen));
  g_assert_false (ks_workspace_is_empty (seen));
  /* Through the API: refused before the server sees it. */
  g_assert_false (ks_workspace_begin (seen, "Rename", &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);
  /* Past it: the server refuses. */
  g_assert_false (ks_workspace_exec (seen, "UPDATE accounts SET name = 'Echo'", &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&seen);

  /* A wrong password, where the server asks for one: a clear message. */
  g_clear_pointer (&viewer_uri, g_free);
  viewer_uri = g_strdup_printf ("postgresql:///%s?user=%s&password=wrong&options=-csearch_path%%3D%s",
                                database, role, schema);
  seen = ks_workspace_open (viewer_uri, KS_WORKSPACE_OPEN_DEFAULT, &error);
  if (seen)
    g_test_message ("the server trusts its users: no password was asked for");
  else
    {
      g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_PASSWORD);
      g_assert_nonnull (strstr (error->message, "password"));
      g_assert_null (strstr (error->message, "wrong"));
    }
  g_clear_object (&seen);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DROP OWNED BY %s; DROP ROLE %s", role, role);
  ks_test_server_exec (sql);
}

/* A login that is a keystone_editor changes the workspace and undoes its
 * own change; a file has no roles to grant. */
static void
test_editor (void)
{
  g_autofree char *schema = NULL;
  g_autofree char *uri = ks_test_server_uri (&schema);
  g_autofree char *role = g_strdup_printf ("kst_editor_%d", (int) getpid ());
  g_autofree char *sql = NULL;
  g_autofree char *editor_uri = NULL;
  g_autofree char *database = NULL;
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "file.keystone", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsWorkspace) editor = NULL;
  g_autoptr(KsWorkspace) file = NULL;
  gint64 id;

  if (!uri)
    return;
  database = server_database ();
  ws = ks_workspace_open (uri, KS_WORKSPACE_OPEN_NEW, &error);
  g_assert_no_error (error);
  g_assert_true (ks_workspace_grant_team_roles (ws, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("DROP ROLE IF EXISTS %s; CREATE ROLE %s LOGIN PASSWORD 'editor-secret'"
                         " IN ROLE keystone_editor", role, role);
  ks_test_server_exec (sql);
  editor_uri = g_strdup_printf ("postgresql:///%s?user=%s&options=-csearch_path%%3D%s", database, role, schema);
  /* The password beside the URI, as the app gives the keyring's. */
  editor = ks_workspace_open_team (editor_uri, "editor-secret", KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (ks_workspace_is_read_only (editor));
  ks_workspace_set_undo_enabled (editor, TRUE);
  id = ks_test_add_account (editor, "Foxtrot");
  g_assert_cmpint (id, >, 0);
  g_assert_true (ks_workspace_undo (editor, &error));
  g_assert_no_error (error);
  g_assert_true (ks_workspace_is_empty (ws));
  g_clear_object (&editor);

  file = ks_workspace_open (path, KS_WORKSPACE_OPEN_NEW, &error);
  g_assert_no_error (error);
  g_assert_false (ks_workspace_grant_team_roles (file, &error));
  g_assert_nonnull (strstr (error->message, "is a file"));

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DROP OWNED BY %s; DROP ROLE %s", role, role);
  ks_test_server_exec (sql);
}

/* The funnel summary's rows, one line each, in a fixed order. */
static char *
summary_text (KsWorkspace *ws)
{
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);
  KsStmt *stmt = ks_workspace_prepare (ws,
                                       "SELECT stage_id, product_id, lost_from, owner_id, n, value,"
                                       " unvalued, days, dated FROM funnel_summary"
                                       " ORDER BY stage_id, product_id, lost_from, owner_id",
                                       &error);

  g_assert_no_error (error);
  while (ks_stmt_step (stmt) == KS_STEP_ROW)
    g_string_append_printf (text, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                            " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %.17g %" G_GINT64_FORMAT
                            " %.17g %" G_GINT64_FORMAT "\n",
                            ks_stmt_column_int64 (stmt, 0), ks_stmt_column_int64 (stmt, 1),
                            ks_stmt_column_int64 (stmt, 2), ks_stmt_column_int64 (stmt, 3),
                            ks_stmt_column_int64 (stmt, 4), ks_stmt_column_double (stmt, 5),
                            ks_stmt_column_int64 (stmt, 6), ks_stmt_column_double (stmt, 7),
                            ks_stmt_column_int64 (stmt, 8));
  ks_stmt_reset (stmt);
  return g_string_free (text, FALSE);
}

/* The real CRM export into a team workspace (COPY, the keys dropped and
 * added back) and into a file: the two export the same document. An
 * import refused half-way leaves the team workspace as it was. */
static void
test_import (void)
{
  g_autofree char *uri = ks_test_server_uri (NULL);
  g_autofree char *crm = ks_test_crm_dir ();
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "crm.keystone", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad", NULL);
  g_autofree char *from_file = NULL;
  g_autofree char *from_team = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) team = NULL;
  g_autoptr(KsWorkspace) file = NULL;
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  g_autofree char *pipeline = NULL;

  if (!uri)
    return;
  if (!crm)
    {
      g_test_skip ("the CRM export is not beside the project");
      return;
    }
  team = ks_workspace_open (uri, KS_WORKSPACE_OPEN_NEW, &error);
  g_assert_no_error (error);
  file = ks_workspace_open (path, KS_WORKSPACE_OPEN_NEW, &error);
  g_assert_no_error (error);
  g_assert_true (ks_crm_import (team, crm, FALSE, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->opportunities, ==, 8800);
  g_assert_true (ks_crm_import (file, crm, FALSE, report, &error));
  g_assert_no_error (error);
  from_team = ks_json_export (team, &error);
  g_assert_no_error (error);
  from_file = ks_json_export (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_team, ==, from_file);
  /* The funnel's summary (derived, so not in the export) too: on the server
   * it goes in by COPY. */
  {
    g_autofree char *team_summary = summary_text (team);
    g_autofree char *file_summary = summary_text (file);

    g_assert_cmpuint (strlen (team_summary), >, 100);
    g_assert_cmpstr (team_summary, ==, file_summary);
  }

  /* A pipeline whose second row has too few fields: refused, nothing lands. */
  g_assert_cmpint (g_mkdir (bad, 0700), ==, 0);
  pipeline = ks_test_write_file (bad, "sales_pipeline.csv",
                                 "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n"
                                 "NEW00001,Moses Frase,GTX Basic,Cancity,Won,2017-01-02,2017-02-03,500\n"
                                 "NEW00002,Moses Frase\n", -1);
  g_assert_false (ks_crm_import (team, bad, FALSE, report, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  after = ks_json_export (team, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, from_team);
}

typedef struct
{
  gint64    pid;        /* the importing session */
  gboolean  done;       /* the import returned */
  gboolean  cut;        /* its connection was cut during a COPY */
} Cutter;

/* Watches the server for the import's COPY and ends its session there. */
static gpointer
cutter_run (gpointer data)
{
  Cutter *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsDb) db = ks_db_open_pg ("", &error);
  g_autofree char *watch = g_strdup_printf ("SELECT count (*) FROM pg_stat_activity WHERE pid = %"
                                            G_GINT64_FORMAT " AND query LIKE 'COPY %%'"
                                            " AND state = 'active'", c->pid);
  g_autofree char *cut = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")", c->pid);

  g_assert_no_error (error);
  while (!g_atomic_int_get (&c->done))
    {
      KsStmt *stmt = ks_db_prepare (db, watch, &error);
      gboolean copying;

      g_assert_no_error (error);
      g_assert_cmpint (ks_stmt_step (stmt), ==, KS_STEP_ROW);
      copying = ks_stmt_column_int64 (stmt, 0) > 0;
      ks_stmt_reset (stmt);
      if (copying)
        {
          g_assert_true (ks_db_exec (db, cut, &error));
          g_assert_no_error (error);
          c->cut = TRUE;
          break;
        }
      g_usleep (500);
    }
  return NULL;
}

/* The connection is cut while the CRM export is being copied in: the
 * import says the server went away, and once connected again the team
 * workspace is as it was before it (all or nothing). */
static void
test_import_cut (void)
{
  g_autofree char *uri = ks_test_server_uri (NULL);
  g_autofree char *crm = ks_test_crm_dir ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) team = NULL;
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  Cutter cutter = { 0 };
  GThread *thread;
  gboolean ok;

  if (!uri)
    return;
  if (!crm)
    {
      g_test_skip ("the CRM export is not beside the project");
      return;
    }
  team = ks_workspace_open (uri, KS_WORKSPACE_OPEN_NEW, &error);
  g_assert_no_error (error);
  ks_test_add_account (team, "Already here");
  before = ks_json_export (team, &error);
  g_assert_no_error (error);

  cutter.pid = ks_workspace_query_int (team, "SELECT pg_backend_pid ()", 0, 0, "read the session", &error);
  g_assert_no_error (error);
  thread = g_thread_new ("cutter", cutter_run, &cutter);
  ok = ks_crm_import (team, crm, FALSE, report, &error);
  g_atomic_int_set (&cutter.done, TRUE);
  g_thread_join (thread);
  g_assert_true (cutter.cut);
  g_assert_false (ok);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "its server cannot be reached"));
  g_clear_error (&error);
  g_assert_false (ks_workspace_is_online (team));

  g_assert_true (ks_workspace_reconnect (team));
  after = ks_json_export (team, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (ks_workspace_query_int (team, "SELECT count (*) FROM opportunities", 0, 0, "count", NULL),
                   ==, 0);
}

static void
on_online (KsWorkspace *ws,
           GParamSpec  *pspec,
           guint       *changes)
{
  (*changes)++;
}

/* The server drops the connection: a save is refused with a message that
 * says so, nothing is half-written, and once connected again (as the
 * main loop would after 2 s) the save goes through and every view is told
 * to read again. */
static void
test_offline (void)
{
  g_autofree char *uri = ks_test_server_uri (NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsAccount) account = NULL;
  Heard heard = { 0 };
  guint online_changes = 0;
  gint64 pid;

  if (!uri)
    return;
  ws = ks_workspace_open (uri, KS_WORKSPACE_OPEN_NEW, &error);
  g_assert_no_error (error);
  ks_workspace_set_undo_enabled (ws, TRUE);
  ks_test_add_account (ws, "Golf");
  g_signal_connect (ws, "notify::online", G_CALLBACK (on_online), &online_changes);
  g_signal_connect (ws, "changed", G_CALLBACK (on_changed), &heard);

  pid = ks_workspace_query_int (ws, "SELECT pg_backend_pid ()", 0, 0, "read the session", &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")", pid);
  ks_test_server_exec (sql);
  g_usleep (200 * 1000);

  account = ks_account_new ("Hotel");
  g_assert_false (ks_account_save (account, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_OFFLINE);
  g_assert_nonnull (strstr (error->message, "cannot be reached"));
  g_clear_error (&error);
  g_assert_false (ks_workspace_is_online (ws));
  g_assert_cmpuint (online_changes, ==, 1);

  g_assert_true (ks_workspace_reconnect (ws));
  g_assert_true (ks_workspace_is_online (ws));
  g_assert_cmpuint (online_changes, ==, 2);
  g_assert_cmpuint (heard.accounts, ==, 1);
  g_assert_true (ks_account_save (account, ws, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_workspace_query_int (ws, "SELECT count (*) FROM accounts", 0, 0, "count", NULL), ==, 2);
  /* Undo starts afresh with the new session, and works. */
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), !=, NULL);
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_workspace_query_int (ws, "SELECT count (*) FROM accounts", 0, 0, "count", NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/team/open", test_open);
  g_test_add_func ("/team/copy", test_copy);
  g_test_add_func ("/team/import", test_import);
  g_test_add_func ("/team/import-cut", test_import_cut);
  g_test_add_func ("/team/live", test_live);
  g_test_add_func ("/team/undo-conflict", test_undo_conflict);
  g_test_add_func ("/team/viewer", test_viewer);
  g_test_add_func ("/team/editor", test_editor);
  g_test_add_func ("/team/offline", test_offline);

  return g_test_run ();
}
