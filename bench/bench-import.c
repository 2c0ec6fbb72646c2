/* bench-import.c — time ks_crm_import() on a CRM export folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-import [--dry-run] [--quiet] WORKSPACE DIR
 *
 * Creates WORKSPACE (it must not exist), imports DIR into it and prints the
 * wall-clock seconds of the import on stdout, the counts and issues on stderr.
 * Calls the core directly, so the benchmark does not depend on keystone-cli.
 */
#define G_LOG_DOMAIN "ks-bench-import"

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "ks-crm-import.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  gboolean dry_run = FALSE, quiet = FALSE;
  const char *args[2] = { NULL, NULL };
  guint n_args = 0;
  gint64 start, end;
  gboolean ok;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--dry-run"))
        dry_run = TRUE;
      else if (g_str_equal (argv[i], "--quiet"))
        quiet = TRUE;
      else if (n_args < 2)
        args[n_args++] = argv[i];
      else
        n_args = 3;
    }
  if (n_args != 2)
    {
      g_printerr ("usage: %s [--dry-run] [--quiet] WORKSPACE DIR\n", argv[0]);
      return 2;
    }

  if (!(ws = ks_workspace_open (args[0], KS_WORKSPACE_OPEN_NEW, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  start = g_get_monotonic_time ();
  ok = ks_crm_import (ws, args[1], dry_run, report, &error);
  end = g_get_monotonic_time ();

  if (!quiet || !ok)
    {
      g_printerr ("imported: %u accounts, %u people, %u products, %u opportunities\n",
                  report->accounts, report->people, report->products, report->opportunities);
      for (guint i = 0; i < report->warnings->len; i++)
        {
          KsImportIssue *w = g_ptr_array_index (report->warnings, i);
          g_printerr ("warning: %s:%u:%u: %s\n", w->file, w->line, w->column, w->message);
        }
      for (guint i = 0; i < report->errors->len; i++)
        {
          KsImportIssue *e = g_ptr_array_index (report->errors, i);
          g_printerr ("error: %s:%u:%u: %s\n", e->file, e->line, e->column, e->message);
        }
    }
  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%.3f\n", (end - start) / 1e6);
  return 0;
}
