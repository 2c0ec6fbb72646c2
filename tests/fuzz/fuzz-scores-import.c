/* fuzz-scores-import.c — libFuzzer target: ks_scores_import_csv on any bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is a scores CSV imported into review period "2026-Q3" of one
 * in-memory workspace holding three accounts ("Acme", "ACME Nordic" and
 * "Globex") and the default criteria, put back after each input:
 *
 *   1. success means no errors in the report and no GError; failure means at
 *      least one of each, and the workspace exactly as before (no period
 *      created, no score);
 *   2. after a success every stored score is 0–100, belongs to the period,
 *      and report->scores is the number of scores stored;
 *   3. importing the same file again changes no row.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ks-scoring.h"
#include "ks-workspace-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void fail (const char *format,
                  ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;

/* g_error() would raise SIGTRAP, which libFuzzer does not catch. */
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
static char *path;
static KsWorkspace *workspace;

static void
remove_tmpdir (void)
{
  g_unlink (path);
  g_rmdir (tmpdir);
}

static void
exec_or_fail (const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!ks_workspace_exec (workspace, sql, &error))
    fail ("%s", error->message);
}

static void
reset_workspace (void)
{
  exec_or_fail ("DELETE FROM account_scores; DELETE FROM review_periods; DELETE FROM accounts;"
                "INSERT INTO accounts (id, name) VALUES (1, 'Acme'), (2, 'ACME Nordic'), (3, 'Globex');");
}

static char *
dump (void)
{
  static const char *const queries[] = {
    "SELECT * FROM review_periods ORDER BY id",
    "SELECT * FROM account_scores ORDER BY id",
    "SELECT * FROM score_criteria ORDER BY id",
  };
  GString *out = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GError) error = NULL;
      KsStmt *stmt = ks_workspace_prepare (workspace, queries[q], &error);

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

static gint64
count (const char *sql)
{
  g_autoptr(GError) error = NULL;
  KsStmt *stmt = ks_workspace_prepare (workspace, sql, &error);
  gint64 n;

  if (!stmt)
    fail ("%s", error->message);
  if (ks_stmt_step (stmt) != KS_STEP_ROW)
    fail ("%s", sql);
  n = ks_stmt_column_int64 (stmt, 0);
  ks_stmt_reset (stmt);
  return n;
}

static gboolean
import (guint *n_scores)
{
  g_autoptr(KsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = ks_scores_import_csv (workspace, path, "2026-Q3", &report, &error);

  if (!report)
    fail ("No report");
  if (ok && (error || report->errors->len > 0))
    fail ("Success with errors: %s", error ? error->message : "in the report");
  if (!ok && (!error || report->errors->len == 0))
    fail ("Failure without %s", error ? "an error in the report" : "a GError");
  if (!ok && !g_str_has_prefix (error->message, path))
    fail ("The error does not name the file: %s", error->message);
  if (ks_workspace_in_transaction (workspace))
    fail ("The import left a transaction open");
  for (guint i = 0; i < report->errors->len; i++)
    {
      KsImportIssue *issue = g_ptr_array_index (report->errors, i);
      if (!issue->file || !issue->message || !*issue->message || !g_utf8_validate (issue->message, -1, NULL))
        fail ("An error without a readable message");
    }
  for (guint i = 0; i < report->warnings->len; i++)
    {
      KsImportIssue *issue = g_ptr_array_index (report->warnings, i);
      if (!issue->file || !issue->message || !g_utf8_validate (issue->message, -1, NULL))
        fail ("A warning without a readable message");
    }
  *n_scores = report->scores;
  return ok;
}

static void
write_file (const guint8 *data,
            gsize         size)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents_full (path, (const char *) data, size, G_FILE_SET_CONTENTS_NONE, 0644, &error))
    fail ("Could not write %s: %s", path, error->message);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  guint n_scores = 0;

  if (!tmpdir)
    {
      g_autoptr(GError) error = NULL;

      g_log_set_default_handler (log_handler, NULL);
      if (!(tmpdir = g_dir_make_tmp ("keystone-fuzz-scores-XXXXXX", &error)))
        fail ("%s", error->message);
      path = g_build_filename (tmpdir, "scores.csv", NULL);
      atexit (remove_tmpdir);
      if (!(workspace = ks_workspace_open (":memory:", KS_WORKSPACE_OPEN_CREATE, &error)))
        fail ("Could not open an in-memory workspace: %s", error->message);
    }
  reset_workspace ();
  write_file (data, size);

  before = dump ();
  if (!import (&n_scores))
    {
      after = dump ();
      if (strcmp (before, after) != 0)
        fail ("A refused import wrote to the workspace");
      return 0;
    }
  if (count ("SELECT count (*) FROM review_periods") != 1)
    fail ("The import did not make exactly one period");
  if (count ("SELECT count (*) FROM account_scores") != n_scores)
    fail ("The report counts %u scores, the workspace holds %" G_GINT64_FORMAT,
          n_scores, count ("SELECT count (*) FROM account_scores"));
  if (count ("SELECT count (*) FROM account_scores s JOIN review_periods p ON p.id = s.period_id"
             " WHERE p.name <> '2026-Q3' OR s.score < 0 OR s.score > 100 OR s.score IS NULL") > 0)
    fail ("A stored score is outside 0–100 or in another period");
  after = dump ();
  if (!import (&n_scores))
    fail ("Importing the same file again was refused");
  again = dump ();
  if (strcmp (after, again) != 0)
    fail ("Importing the same file again changed the workspace:\n%s\n---\n%s", after, again);
  return 0;
}
