/* ks-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ks-test-util.h"

#include "ks-account.h"
#include "ks-contact.h"
#include "ks-opportunity.h"
#include "ks-person.h"
#include "ks-product.h"
#include "ks-workspace-private.h"

static GPtrArray *tmpdirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir)
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
cleanup (void)
{
  if (g_getenv ("KEYSTONE_KEEP_TMP"))
    return;
  for (guint i = 0; tmpdirs && i < tmpdirs->len; i++)
    {
      g_chmod (g_ptr_array_index (tmpdirs, i), 0755);
      remove_tree (g_ptr_array_index (tmpdirs, i));
    }
}

char *
ks_test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("keystone-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (!tmpdirs)
    {
      tmpdirs = g_ptr_array_new_with_free_func (g_free);
      atexit (cleanup);
    }
  g_ptr_array_add (tmpdirs, g_strdup (dir));
  return dir;
}

char *
ks_test_crm_dir (void)
{
  const char *shared = g_getenv ("KEYSTONE_SHARED_DATA");
  g_autofree char *dir = NULL;

  if (!shared)
    return NULL;
  dir = g_build_filename (shared, "crm-sales-opportunities", NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_steal_pointer (&dir);
}

GBytes *
ks_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

char *
ks_test_write_file (const char *dir,
                    const char *name,
                    const char *contents,
                    gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

char *
ks_test_build_path (const char *relative)
{
  const char *root = g_getenv ("KEYSTONE_BUILD_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, relative, NULL);
}

static gboolean
have_server (void)
{
  return g_getenv ("PGHOST") || g_getenv ("PGSERVICE") || g_getenv ("KEYSTONE_TEST_PG");
}

gboolean
ks_test_on_server (void)
{
  return g_strcmp0 (g_getenv ("KEYSTONE_TEST_ENGINE"), "postgresql") == 0;
}

/* A test program run for the server (KEYSTONE_TEST_ENGINE=postgresql)
 * without one is skipped whole, before its first case; CI must have one. */
__attribute__ ((constructor)) static void
check_server (void)
{
  if (!ks_test_on_server () || have_server ())
    return;
  if (g_getenv ("CI"))
    {
      g_printerr ("CI runs the tests on PostgreSQL too: start a server (build-aux/test uses pg_virtualenv)\n");
      exit (1);
    }
  g_print ("1..0 # SKIP no PostgreSQL server (PGHOST is not set)\n");
  exit (0);
}

char *
ks_test_server_uri (char **schema_out)
{
  static guint n;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsDb) db = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *create = NULL;

  if (!have_server ())
    {
      if (g_getenv ("CI"))
        g_error ("CI runs the team workspace tests: start a server (build-aux/test uses pg_virtualenv)");
      g_test_skip ("no PostgreSQL server (PGHOST is not set)");
      return NULL;
    }
  /* pid, count and a random part: pids come round again, and a kept
   * cluster (a developer's) still holds the schemas of earlier runs */
  schema = g_strdup_printf ("kst_%d_%u_%08x", (int) getpid (), ++n, g_random_int ());
  create = g_strdup_printf ("CREATE SCHEMA %s", schema);
  db = ks_db_open_pg ("", &error);
  g_assert_no_error (error);
  g_assert_true (ks_db_exec (db, create, &error));
  g_assert_no_error (error);
  if (schema_out)
    *schema_out = g_strdup (schema);
  return g_strdup_printf ("postgresql://?options=-csearch_path%%3D%s", schema);
}

void
ks_test_server_exec (const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsDb) db = ks_db_open_pg ("", &error);

  g_assert_no_error (error);
  if (!ks_db_exec (db, sql, &error))
    g_error ("%s: %s", sql, error->message);
}

/* A team workspace in a schema of its own for each path (":memory:" is
 * always a new one). */
static char *
server_uri_for (const char *path)
{
  static GHashTable *uris;
  const char *known;
  char *uri;

  if (!uris)
    uris = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  known = g_strcmp0 (path, ":memory:") == 0 ? NULL : g_hash_table_lookup (uris, path);
  if (known)
    return g_strdup (known);
  uri = ks_test_server_uri (NULL);
  if (g_strcmp0 (path, ":memory:") != 0)
    g_hash_table_insert (uris, g_strdup (path), g_strdup (uri));
  return uri;
}

KsWorkspace *
ks_test_open_workspace (const char *path,
                        gboolean    undo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = ks_test_on_server () ? server_uri_for (path) : NULL;
  KsWorkspace *ws = ks_workspace_open (uri ? uri : path, KS_WORKSPACE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  ks_workspace_set_undo_enabled (ws, undo);
  return ws;
}

gint64
ks_test_add_account (KsWorkspace *workspace,
                     const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = ks_account_new (name);

  g_assert_true (ks_account_save (account, workspace, &error));
  g_assert_no_error (error);
  return ks_account_get_id (account);
}

gint64
ks_test_add_person (KsWorkspace *workspace,
                    const char  *name,
                    gint64       manager_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsPerson) person = ks_person_new (name);

  ks_person_set_manager_id (person, manager_id);
  g_assert_true (ks_person_save (person, workspace, &error));
  g_assert_no_error (error);
  return ks_person_get_id (person);
}

gint64
ks_test_add_product (KsWorkspace *workspace,
                     const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsProduct) product = ks_product_new (name);

  g_assert_true (ks_product_save (product, workspace, &error));
  g_assert_no_error (error);
  return ks_product_get_id (product);
}

gint64
ks_test_add_contact (KsWorkspace     *workspace,
                     gint64           account_id,
                     const char      *name,
                     KsNodeKind       kind,
                     KsDecisionPower  power)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsContact) contact = ks_contact_new (account_id, name);

  ks_contact_set_kind (contact, kind);
  ks_contact_set_power (contact, power);
  g_assert_true (ks_contact_save (contact, workspace, &error));
  g_assert_no_error (error);
  return ks_contact_get_id (contact);
}

void
ks_test_set_opportunity_stage (KsWorkspace *workspace,
                               gint64       id,
                               gint64       stage_id)
{
  g_autoptr(GError) error = NULL;
  KsStmt *stmt;

  g_assert_true (ks_workspace_begin (workspace, "Set Stage", &error));
  stmt = ks_workspace_prepare (workspace, "UPDATE opportunities SET stage_id = ?2 WHERE id = ?1", &error);
  g_assert_nonnull (stmt);
  ks_stmt_bind_int64 (stmt, 1, id);
  ks_bind_id (stmt, 2, stage_id);
  g_assert_true (ks_workspace_step_commit (workspace, stmt, "set the stage", &error));
  g_assert_no_error (error);
}

gint64
ks_test_add_opportunity (KsWorkspace *workspace,
                         const char  *ref,
                         const char  *title,
                         gint64       account_id,
                         gint64       owner_id,
                         gint64       stage_id,
                         double       value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsOpportunity) opportunity = ks_opportunity_new (ref);

  ks_opportunity_set_title (opportunity, title);
  ks_opportunity_set_account_id (opportunity, account_id);
  ks_opportunity_set_owner_id (opportunity, owner_id);
  ks_opportunity_set_value (opportunity, value);
  g_assert_true (ks_opportunity_save (opportunity, workspace, &error));
  g_assert_no_error (error);
  ks_test_set_opportunity_stage (workspace, ks_opportunity_get_id (opportunity), stage_id);
  return ks_opportunity_get_id (opportunity);
}

void
ks_cli_result_clear (KsCliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

void
ks_test_run_cli (KsCliResult *result,
                 const char  *workspace,
                 const char  *first,
                 ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  ks_cli_result_clear (result);
  g_ptr_array_add (argv, ks_test_build_path ("src/cli/keystone-cli"));
  g_ptr_array_add (argv, g_strdup ("--workspace"));
  g_ptr_array_add (argv, g_strdup (workspace));
  va_start (args, first);
  for (const char *a = first; a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (a));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  result->status = g_subprocess_get_exit_status (proc);
}

JsonObject *
ks_test_parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}
