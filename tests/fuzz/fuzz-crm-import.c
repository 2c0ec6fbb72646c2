/* fuzz-crm-import.c — libFuzzer target: ks_crm_import on any bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is split at form feeds (\f) into up to four files, in this order:
 * sales_pipeline.csv, accounts.csv, sales_teams.csv, products.csv (an input
 * without \f is a pipeline alone). Each input runs in an empty in-memory
 * workspace (one for the whole run, emptied after each input: opening and
 * migrating a new one would cost more than the import):
 *
 *   1. a dry run: the workspace stays empty and out of any transaction;
 *   2. a real import: it agrees with the dry run (success, counts, number of
 *      warnings), and when it fails the workspace is empty;
 *   3. after a success, importing the same files again leaves every row as it
 *      was (dry run and real run both).
 *
 * Success always means no errors in the report; failure always means at
 * least one, and a GError.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ks-crm-import.h"
#include "ks-workspace-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static const char *const file_names[] = {
  "sales_pipeline.csv", "accounts.csv", "sales_teams.csv", "products.csv",
};

/* g_error() would raise SIGTRAP, which libFuzzer does not catch: abort(), so
 * the input is saved. */
static void fail (const char *format,
                  ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;

static void
fail (const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  abort ();
}

/* Criticals and warnings are bugs too; debug messages are ignored. */
static void
log_handler (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    fail ("%s: %s", domain ? domain : "", message);
}

static char *tmpdir;
static KsWorkspace *workspace;

static void
remove_tmpdir (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (file_names); i++)
    {
      g_autofree char *path = g_build_filename (tmpdir, file_names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (tmpdir);
}

static void
write_files (const guint8 *data,
             size_t        size)
{
  const guint8 *start = data, *end = data + size;

  for (guint i = 0; i < G_N_ELEMENTS (file_names); i++)
    {
      g_autofree char *path = g_build_filename (tmpdir, file_names[i], NULL);
      g_autoptr(GError) error = NULL;
      const guint8 *stop;

      if (!start)
        {
          g_unlink (path);
          continue;
        }
      stop = i + 1 < G_N_ELEMENTS (file_names) ? memchr (start, '\f', end - start) : NULL;
      /* No fsync: these files live for one run. */
      if (!g_file_set_contents_full (path, (const char *) start, (stop ? stop : end) - start,
                                     G_FILE_SET_CONTENTS_NONE, 0644, &error))
        fail ("Could not write %s: %s", path, error->message);
      start = stop ? stop + 1 : NULL;
    }
}

static KsWorkspace *
new_workspace (void)
{
  g_autoptr(GError) error = NULL;
  KsWorkspace *ws = ks_workspace_open (":memory:", KS_WORKSPACE_OPEN_CREATE, &error);

  if (!ws)
    fail ("Could not open an in-memory workspace: %s", error->message);
  return ws;
}

static void
empty_workspace (KsWorkspace *ws)
{
  static const char *const statements[] = {
    "DELETE FROM opportunities", "DELETE FROM accounts", "DELETE FROM people", "DELETE FROM products",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(GError) error = NULL;
      if (!ks_workspace_exec (ws, statements[i], &error))
        fail ("%s", error->message);
    }
}

/* Every row of every table the import writes, in id order. */
static char *
dump (KsWorkspace *ws)
{
  static const char *const queries[] = {
    "SELECT * FROM people ORDER BY id",
    "SELECT * FROM accounts ORDER BY id",
    "SELECT * FROM products ORDER BY id",
    "SELECT * FROM opportunities ORDER BY id",
  };
  GString *out = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GError) error = NULL;
      KsStmt *stmt = ks_workspace_prepare (ws, queries[q], &error);

      if (!stmt)
        fail ("%s", error->message);
      while (ks_stmt_step (stmt) == KS_STEP_ROW)
        {
          for (int c = 0; c < ks_stmt_column_count (stmt); c++)
            {
              const char *text = ks_stmt_column_text (stmt, c);
              g_string_append_printf (out, "%d:%s|", ks_stmt_column_is_null (stmt, c), text ? text : "");
            }
          g_string_append_c (out, '\n');
        }
      ks_stmt_reset (stmt);
    }
  return g_string_free (out, FALSE);
}

/* Runs one import and checks that the result, the report and the error agree. */
static gboolean
import (KsWorkspace     *ws,
        gboolean         dry_run,
        KsImportReport **out)
{
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok = ks_crm_import (ws, tmpdir, dry_run, report, &error);

  if (ok && (error || report->errors->len > 0))
    fail ("Success with errors: %s", error ? error->message : "in the report");
  if (!ok && (!error || report->errors->len == 0))
    fail ("Failure without %s", error ? "an error in the report" : "a GError");
  if (ks_workspace_in_transaction (ws))
    fail ("The import left a transaction open");
  for (guint i = 0; i < report->errors->len; i++)
    {
      KsImportIssue *issue = g_ptr_array_index (report->errors, i);
      if (!issue->file || !issue->message || !*issue->message ||
          !g_utf8_validate (issue->message, -1, NULL))
        fail ("An error without a readable message");
    }
  for (guint i = 0; i < report->warnings->len; i++)
    {
      KsImportIssue *issue = g_ptr_array_index (report->warnings, i);
      if (!issue->file || !issue->message || !g_utf8_validate (issue->message, -1, NULL))
        fail ("A warning without a readable message");
    }
  if (out)
    *out = g_steal_pointer (&report);
  return ok;
}

static void
run_one (KsWorkspace *ws)
{
  g_autoptr(KsImportReport) dry = NULL;
  g_autoptr(KsImportReport) real = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  gboolean dry_ok, real_ok;

  dry_ok = import (ws, TRUE, &dry);
  if (!ks_workspace_is_empty (ws))
    fail ("A dry run wrote to the workspace");

  real_ok = import (ws, FALSE, &real);
  if (real_ok != dry_ok || real->warnings->len != dry->warnings->len ||
      real->accounts != dry->accounts || real->people != dry->people ||
      real->products != dry->products || real->opportunities != dry->opportunities)
    fail ("The dry run reported something else than the import");
  if (!real_ok)
    {
      if (!ks_workspace_is_empty (ws))
        fail ("A refused import wrote to the workspace");
      return;
    }

  /* The same files again change no row. */
  first = dump (ws);
  if (!import (ws, TRUE, NULL) || !import (ws, FALSE, NULL))
    fail ("Importing the same files again was refused");
  again = dump (ws);
  if (strcmp (first, again) != 0)
    fail ("Importing the same files again changed the workspace:\n%s\n---\n%s", first, again);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  if (!tmpdir)
    {
      g_autoptr(GError) error = NULL;

      g_log_set_default_handler (log_handler, NULL);
      if (!(tmpdir = g_dir_make_tmp ("keystone-fuzz-crm-XXXXXX", &error)))
        fail ("%s", error->message);
      atexit (remove_tmpdir);
      workspace = new_workspace ();
    }
  write_files (data, size);
  if (!ks_workspace_is_empty (workspace))
    fail ("The workspace was not emptied");
  run_one (workspace);
  empty_workspace (workspace);
  return 0;
}
