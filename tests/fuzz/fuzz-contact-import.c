/* fuzz-contact-import.c — libFuzzer target: ks_contacts_import and
 * ks_influences_import on any bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is split at the first form feed (\f) into contacts.csv and
 * influences.csv (an input without \f is a contacts file alone). Each input
 * runs against one in-memory workspace holding an account with three stored
 * contacts (a reporting line between two of them) and two people, put back
 * after each input. For each file:
 *
 *   1. success means no errors in the report and no GError; failure means at
 *      least one of each, and the workspace exactly as before;
 *   2. after a success every contact of the account passes
 *      ks_contact_validate(), no reporting line loops, no contact reports to
 *      two people, and reporting lines join people only;
 *   3. importing the same file again changes no row.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ks-contact.h"
#include "ks-contact-import.h"
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
static char *contacts_path;
static char *influences_path;
static KsWorkspace *workspace;

static void
remove_tmpdir (void)
{
  g_unlink (contacts_path);
  g_unlink (influences_path);
  g_rmdir (tmpdir);
}

static void
exec_or_fail (const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!ks_workspace_exec (workspace, sql, &error))
    fail ("%s", error->message);
}

/* The account the files are imported into, as it is before each input. */
static void
reset_workspace (void)
{
  exec_or_fail ("DELETE FROM contacts; DELETE FROM people; DELETE FROM accounts;"
                "INSERT INTO accounts (id, name) VALUES (1, 'Kessler');"
                "INSERT INTO accounts (id, name) VALUES (2, 'Other');"
                "INSERT INTO people (id, name) VALUES (1, 'Jonas Müller'), (2, 'Lena Schröder');"
                "INSERT INTO contacts (id, account_id, name, power, owner_id)"
                " VALUES (1, 1, 'CEO', 1, 1), (2, 1, 'VP Purchase', 2, 2), (3, 2, 'Elsewhere', 0, NULL);"
                "INSERT INTO contacts (id, account_id, name, kind) VALUES (4, 1, 'Competitor 1', 'competitor');"
                "INSERT INTO contact_lines (account_id, from_id, to_id, kind) VALUES (1, 2, 1, 'reports-to');");
}

static char *
dump (void)
{
  static const char *const queries[] = {
    "SELECT * FROM people ORDER BY id",
    "SELECT * FROM contacts ORDER BY id",
    "SELECT * FROM contact_lines ORDER BY id",
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

static void
check_map (void)
{
  g_autoptr(GListModel) contacts = ks_contact_list_for_account (workspace, 1, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(KsContact) c = g_list_model_get_item (contacts, i);
      g_autoptr(GError) error = NULL;

      if (!ks_contact_validate (c, &error))
        fail ("An imported contact is not valid: %s", error->message);
    }
  if (count ("SELECT count(*) FROM (SELECT from_id FROM contact_lines WHERE kind = 'reports-to'"
             " GROUP BY from_id HAVING count(*) > 1)") > 0)
    fail ("A contact reports to two people");
  if (count ("SELECT count(*) FROM contact_lines l JOIN contacts f ON f.id = l.from_id"
             " JOIN contacts t ON t.id = l.to_id"
             " WHERE f.account_id IS NOT l.account_id OR t.account_id IS NOT l.account_id") > 0)
    fail ("A line joins contacts of another account");
  if (count ("SELECT count(*) FROM contact_lines l JOIN contacts f ON f.id = l.from_id"
             " JOIN contacts t ON t.id = l.to_id"
             " WHERE l.kind <> 'influence' AND (f.kind <> 'contact' OR t.kind <> 'contact')") > 0)
    fail ("A reporting line joins a competitor or a third party");
  if (count ("WITH RECURSIVE up (start, id, n) AS ("
             "  SELECT from_id, to_id, 1 FROM contact_lines WHERE kind = 'reports-to'"
             "  UNION ALL SELECT up.start, l.to_id, up.n + 1 FROM up"
             "   JOIN contact_lines l ON l.from_id = up.id AND l.kind = 'reports-to' WHERE up.n < 100)"
             "SELECT count(*) FROM up WHERE id = start") > 0)
    fail ("A reporting line loops");
}

static gboolean
import (gboolean contacts)
{
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok = contacts ? ks_contacts_import (workspace, contacts_path, 1, report, &error)
                         : ks_influences_import (workspace, influences_path, 1, report, &error);

  if (ok && (error || report->errors->len > 0))
    fail ("Success with errors: %s", error ? error->message : "in the report");
  if (!ok && (!error || report->errors->len == 0))
    fail ("Failure without %s", error ? "an error in the report" : "a GError");
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
  return ok;
}

static void
run_one (gboolean contacts)
{
  g_autofree char *before = dump ();
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;

  if (!import (contacts))
    {
      after = dump ();
      if (strcmp (before, after) != 0)
        fail ("A refused import wrote to the workspace");
      return;
    }
  check_map ();
  after = dump ();
  if (!import (contacts))
    fail ("Importing the same file again was refused");
  again = dump ();
  if (strcmp (after, again) != 0)
    fail ("Importing the same file again changed the workspace:\n%s\n---\n%s", after, again);
}

static void
write_file (const char   *path,
            const guint8 *data,
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
  const guint8 *split;

  if (!tmpdir)
    {
      g_autoptr(GError) error = NULL;

      g_log_set_default_handler (log_handler, NULL);
      if (!(tmpdir = g_dir_make_tmp ("keystone-fuzz-contacts-XXXXXX", &error)))
        fail ("%s", error->message);
      contacts_path = g_build_filename (tmpdir, "contacts.csv", NULL);
      influences_path = g_build_filename (tmpdir, "influences.csv", NULL);
      atexit (remove_tmpdir);
      if (!(workspace = ks_workspace_open (":memory:", KS_WORKSPACE_OPEN_CREATE, &error)))
        fail ("Could not open an in-memory workspace: %s", error->message);
    }
  reset_workspace ();

  split = memchr (data, '\f', size);
  write_file (contacts_path, data, split ? (gsize) (split - data) : size);
  run_one (TRUE);
  if (split)
    {
      write_file (influences_path, split + 1, size - (split + 1 - data));
      run_one (FALSE);
    }
  return 0;
}
