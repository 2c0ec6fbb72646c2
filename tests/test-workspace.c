/* test-workspace.c — opening, creating, migrating and refusing workspace files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "ks-account.h"
#include "ks-test-util.h"
#include "ks-workspace.h"

static char *
new_path (const char *name)
{
  g_autofree char *dir = ks_test_tmpdir ();
  return g_build_filename (dir, name, NULL);
}

/* Refusal must leave the file's bytes exactly as they were. */
static void
assert_refused_unchanged (const char *path,
                          gint        code)
{
  g_autoptr(GBytes) before = ks_test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_DEFAULT, &error);

  g_assert_null (ws);
  g_assert_error (error, KS_WORKSPACE_ERROR, code);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, path));
  after = ks_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
}

static void
test_create_and_reopen (void)
{
  g_autofree char *path = new_path ("sub/dir/new.keystone");
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsAccount) acc = ks_account_new ("Nordlicht Energie");
  KsWorkspaceCounts counts = { 0 };

  /* Without CREATE, a missing file is an error. */
  ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ks_workspace_get_schema_version (ws), ==, ks_workspace_latest_schema_version ());
  g_assert_true (ks_workspace_is_empty (ws));
  ks_account_set_revenue (acc, 2.5e9);
  g_assert_true (ks_account_save (acc, ws, &error));
  g_assert_no_error (error);
  g_clear_object (&ws);

  /* NEW refuses an existing file. */
  ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_NEW, &error);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_EXISTS);
  g_clear_error (&error);

  ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (ks_workspace_get_counts (ws, &counts, &error));
  g_assert_cmpint (counts.accounts, ==, 1);
  {
    g_autoptr(KsAccount) back = ks_account_find (ws, "nordlicht energie", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (ks_account_get_name (back), ==, "Nordlicht Energie");
    g_assert_cmpfloat (ks_account_get_revenue (back), ==, 2.5e9);
    g_assert_cmpint (ks_account_get_employees (back), ==, -1);
  }
  g_assert_true (ks_workspace_check_integrity (ws, &error));
}

static void
test_refuse_text_file (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *path = ks_test_write_file (dir, "notes.keystone",
                                              "Meeting notes, not a database.\n", -1);
  assert_refused_unchanged (path, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE);
}

static char *
make_workspace_with_accounts (guint n)
{
  char *path = new_path ("full.keystone");
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (ks_workspace_begin (ws, "fill", &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Account %04u with a longer name to fill pages", i);
      g_autoptr(KsAccount) acc = ks_account_new (name);
      ks_account_set_notes (acc, "Lorem notes that take some room on the page, again and again.");
      g_assert_true (ks_account_save (acc, ws, &error));
    }
  g_assert_true (ks_workspace_commit (ws, &error));
  g_clear_object (&ws);  /* checkpoints the WAL into the file */
  return path;
}

static void
test_refuse_truncated (void)
{
  g_autofree char *path = make_workspace_with_accounts (400);
  g_autoptr(GBytes) full = ks_test_read_bytes (path);
  gsize half = g_bytes_get_size (full) / 2;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_bytes_get_size (full), >, 16384);
  g_file_set_contents (path, g_bytes_get_data (full, NULL), half, &error);
  g_assert_no_error (error);
  assert_refused_unchanged (path, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE);

  /* Shorter than the header. */
  g_file_set_contents (path, g_bytes_get_data (full, NULL), 50, &error);
  assert_refused_unchanged (path, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE);
}

static void
test_refuse_corrupted (void)
{
  g_autofree char *path = make_workspace_with_accounts (400);
  g_autoptr(GBytes) full = ks_test_read_bytes (path);
  gsize size = g_bytes_get_size (full);
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (full, NULL), size);
  g_autoptr(GError) error = NULL;

  /* Scribble over the middle pages (b-tree pages of the accounts table). */
  for (gsize i = size / 3; i < size / 3 + 8192 && i < size; i++)
    data[i] = (guint8) (i * 7);
  g_file_set_contents (path, (char *) data, size, &error);
  g_assert_no_error (error);
  assert_refused_unchanged (path, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE);
}

static void
test_refuse_newer_schema (void)
{
  g_autofree char *path = make_workspace_with_accounts (3);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 999",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_unchanged (path, KS_WORKSPACE_ERROR_NEWER_SCHEMA);
}

static void
test_refuse_foreign_sqlite (void)
{
  g_autofree char *path = new_path ("other.keystone");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_unchanged (path, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE);
}

static void
test_read_only (void)
{
  g_autofree char *path = make_workspace_with_accounts (3);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(KsAccount) acc = ks_account_new ("Should not land");

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = ks_test_read_bytes (path);
  ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (ks_workspace_is_read_only (ws));
  list = ks_account_list (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_false (ks_account_save (acc, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_READ_ONLY);
  g_clear_object (&ws);
  after = ks_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_save_copy (void)
{
  g_autofree char *path = make_workspace_with_accounts (5);
  g_autofree char *copy = new_path ("copy.keystone");
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_autoptr(KsWorkspace) other = NULL;
  KsWorkspaceCounts counts = { 0 };

  g_assert_true (ks_workspace_save_copy (ws, copy, &error));
  g_assert_no_error (error);
  g_assert_false (ks_workspace_save_copy (ws, copy, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_EXISTS);
  g_clear_error (&error);
  other = ks_workspace_open (copy, KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (ks_workspace_get_counts (other, &counts, &error));
  g_assert_cmpint (counts.accounts, ==, 5);
}

static void
test_account_validation (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = ks_workspace_open (":memory:", KS_WORKSPACE_OPEN_CREATE, &error);
  g_autoptr(KsAccount) a = ks_account_new ("   ");
  g_autoptr(KsAccount) b = ks_account_new ("Parent AG");
  g_autoptr(KsAccount) c = ks_account_new ("Child GmbH");
  g_autoptr(KsAccount) dup = ks_account_new ("Parent AG");

  g_assert_false (ks_account_save (a, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ks_account_get_id (a), ==, 0);

  ks_account_set_name (a, "Negative");
  ks_account_set_revenue (a, -5);
  g_assert_false (ks_account_save (a, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (ks_account_save (b, ws, &error));
  ks_account_set_parent_id (c, ks_account_get_id (b));
  g_assert_true (ks_account_save (c, ws, &error));
  g_assert_cmpstr (ks_account_get_parent_name (c), ==, "Parent AG");

  /* A cycle through a subsidiary is refused and nothing changes. */
  ks_account_set_parent_id (b, ks_account_get_id (c));
  g_assert_false (ks_account_save (b, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(KsAccount) stored = ks_account_load (ws, ks_account_get_id (b), &error);
    g_assert_cmpint (ks_account_get_parent_id (stored), ==, 0);
  }

  g_assert_false (ks_account_save (dup, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Parent AG"));
  g_clear_error (&error);

  /* Deleting a parent leaves the child without one. */
  g_assert_true (ks_account_delete (ws, ks_account_get_id (b), &error));
  /* Saving the deleted account's old copy does not bring it back silently. */
  ks_account_set_parent_id (b, 0);
  ks_account_set_sector (b, "holding");
  g_assert_false (ks_account_save (b, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autoptr(KsAccount) stored = ks_account_load (ws, ks_account_get_id (c), &error);
    g_assert_no_error (error);
    g_assert_cmpint (ks_account_get_parent_id (stored), ==, 0);
  }
}

static void
test_find_ambiguous (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = ks_workspace_open (":memory:", KS_WORKSPACE_OPEN_CREATE, &error);
  g_autoptr(KsAccount) a = ks_account_new ("Acme");
  g_autoptr(KsAccount) b = ks_account_new ("ACME");
  g_autoptr(KsAccount) found = NULL;

  g_assert_true (ks_account_save (a, ws, &error));
  g_assert_true (ks_account_save (b, ws, &error));
  found = ks_account_find (ws, "ACME", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ks_account_get_id (found), ==, ks_account_get_id (b));
  g_clear_object (&found);
  found = ks_account_find (ws, "acme", &error);
  g_assert_null (found);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“Acme”"));
  g_assert_nonnull (strstr (error->message, "“ACME”"));
}

static void
on_changed (KsWorkspace *ws,
            const char  *table,
            guint       *count)
{
  (*count)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = ks_workspace_open (":memory:", KS_WORKSPACE_OPEN_CREATE, &error);
  g_autoptr(KsAccount) a = ks_account_new ("Signals Oy");
  guint accounts = 0, settings = 0;

  g_signal_connect (ws, "changed::accounts", G_CALLBACK (on_changed), &accounts);
  g_signal_connect (ws, "changed::settings", G_CALLBACK (on_changed), &settings);

  /* Two changes in one action → one notification, after commit. */
  g_assert_true (ks_workspace_begin (ws, "two", &error));
  g_assert_true (ks_account_save (a, ws, &error));
  ks_account_set_sector (a, "energy");
  g_assert_true (ks_account_save (a, ws, &error));
  g_assert_cmpuint (accounts, ==, 0);
  g_assert_true (ks_workspace_commit (ws, &error));
  g_assert_cmpuint (accounts, ==, 1);
  g_assert_cmpuint (settings, ==, 0);

  /* A rolled-back action notifies nothing and leaves nothing. */
  g_assert_true (ks_workspace_begin (ws, "abandoned", &error));
  ks_account_set_sector (a, "mining");
  g_assert_true (ks_account_save (a, ws, &error));
  ks_workspace_rollback (ws);
  g_assert_cmpuint (accounts, ==, 1);
  {
    g_autoptr(KsAccount) stored = ks_account_load (ws, ks_account_get_id (a), &error);
    g_assert_cmpstr (ks_account_get_sector (stored), ==, "energy");
  }

  g_assert_true (ks_workspace_set_setting (ws, "currency", "EUR", &error));
  g_assert_cmpuint (settings, ==, 1);
  {
    g_autofree char *currency = ks_workspace_get_setting (ws, "currency");
    g_assert_cmpstr (currency, ==, "EUR");
  }
}

/* Bug: kill -9 during a WAL checkpoint leaves page 1 claiming more pages than
 * the file holds yet; the log still has them all and SQLite recovers on open.
 * Such a workspace must open, while the same file without its log is truncated. */
static void
test_interrupted_checkpoint_opens (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "live.keystone", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.keystone", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_CREATE, &error);
  g_autoptr(KsWorkspace) reopened = NULL;
  g_autoptr(GBytes) db_bytes = NULL;
  g_autoptr(GBytes) wal_bytes = NULL;
  g_autofree guint8 *db = NULL;
  gsize db_size;
  guint32 pages;
  sqlite3 *raw = NULL;
  KsWorkspaceCounts counts = { 0 };

  g_assert_no_error (error);
  /* Keep everything in the log: no automatic checkpoints on this connection. */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_true (ks_workspace_begin (ws, "fill", &error));
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Logged account %04u with a long name", i);
      g_autoptr(KsAccount) acc = ks_account_new (name);
      ks_account_set_notes (acc, "Notes long enough to need several pages of the log in all.");
      g_assert_true (ks_account_save (acc, ws, &error));
    }
  g_assert_true (ks_workspace_commit (ws, &error));

  /* A copy of the file and its log while the workspace is open, as a crash leaves them... */
  db_bytes = ks_test_read_bytes (path);
  wal_bytes = ks_test_read_bytes (wal);
  g_assert_cmpuint (g_bytes_get_size (wal_bytes), >, 0);
  db_size = g_bytes_get_size (db_bytes);
  db = g_memdup2 (g_bytes_get_data (db_bytes, NULL), db_size);
  /* ...with page 1 already claiming the grown size. */
  pages = db_size / 4096 + 40;
  db[28] = pages >> 24, db[29] = pages >> 16, db[30] = pages >> 8, db[31] = pages;
  g_assert_true (g_file_set_contents (copy, (char *) db, db_size, &error));
  g_assert_true (g_file_set_contents (copy_wal, g_bytes_get_data (wal_bytes, NULL),
                                      g_bytes_get_size (wal_bytes), &error));
  sqlite3_close (raw);

  reopened = ks_workspace_open (copy, KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (ks_workspace_check_integrity (reopened, &error));
  g_assert_true (ks_workspace_get_counts (reopened, &counts, &error));
  g_assert_cmpint (counts.accounts, ==, 300);
  g_clear_object (&reopened);

  /* Without the log the same header means a truncated file. */
  g_assert_true (g_file_set_contents (copy, (char *) db, db_size, &error));
  g_unlink (copy_wal);
  assert_refused_unchanged (copy, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/workspace/create-and-reopen", test_create_and_reopen);
  g_test_add_func ("/core/workspace/refuse-text-file", test_refuse_text_file);
  g_test_add_func ("/core/workspace/refuse-truncated", test_refuse_truncated);
  g_test_add_func ("/core/workspace/refuse-corrupted", test_refuse_corrupted);
  g_test_add_func ("/core/workspace/refuse-newer-schema", test_refuse_newer_schema);
  g_test_add_func ("/core/workspace/refuse-foreign-sqlite", test_refuse_foreign_sqlite);
  g_test_add_func ("/core/workspace/read-only", test_read_only);
  g_test_add_func ("/core/workspace/interrupted-checkpoint-opens", test_interrupted_checkpoint_opens);
  g_test_add_func ("/core/workspace/save-copy", test_save_copy);
  g_test_add_func ("/core/workspace/changed-signal", test_changed_signal);
  g_test_add_func ("/core/account/validation", test_account_validation);
  g_test_add_func ("/core/account/find-ambiguous", test_find_ambiguous);

  return g_test_run ();
}
