/* fuzz-account-import.c — libFuzzer target: ks_json_import_account_data on any bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A handover file comes from someone else's machine. Each input goes into a
 * fresh in-memory workspace. A refused input must leave the workspace empty
 * and no transaction open. An accepted one must export as an account
 * document that imports into another empty workspace and exports to the same
 * bytes, and importing the input a second time must change nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "ks-account.h"
#include "ks-json.h"
#include "ks-workspace.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static KsWorkspace *
new_workspace (void)
{
  g_autoptr(GError) error = NULL;
  KsWorkspace *ws = ks_workspace_open (":memory:", KS_WORKSPACE_OPEN_CREATE, &error);

  if (!ws)
    g_error ("Could not open an in-memory workspace: %s", error->message);
  return ws;
}

static char *
export_account (KsWorkspace *ws,
                const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = ks_account_find (ws, name, &error);
  char *text;

  if (!account)
    g_error ("The imported account “%s” is not there: %s", name, error ? error->message : "");
  if (!(text = ks_json_export_account (ws, ks_account_get_id (account), &error)))
    g_error ("Export failed after a successful import: %s", error->message);
  return text;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(KsWorkspace) other = NULL;
  g_autoptr(KsAccountImportReport) report = ks_account_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!ks_json_import_account_data (ws, (const char *) data, size, "fuzz.json", report, &error))
    {
      if (!error || error->message == NULL)
        abort ();
      if (!ks_workspace_is_empty (ws) || ks_workspace_in_transaction (ws))
        abort ();
      return 0;
    }

  name = g_strdup (report->account);
  first = export_account (ws, name);

  /* The same file again changes nothing. */
  if (!(before = ks_json_export (ws, &error)))
    g_error ("Export failed: %s", error->message);
  if (!ks_json_import_account_data (ws, (const char *) data, size, "fuzz.json", NULL, &error))
    g_error ("The second import of an accepted file was refused: %s", error->message);
  if (!(after = ks_json_export (ws, &error)))
    g_error ("Export failed: %s", error->message);
  if (strcmp (before, after) != 0)
    g_error ("Importing the same file twice changed the workspace:\n%s\n---\n%s", before, after);

  /* Our own export is accepted and gives the same bytes. */
  other = new_workspace ();
  if (!ks_json_import_account_data (other, first, -1, "export.json", NULL, &error))
    g_error ("Our own account export was refused: %s\n%s", error->message, first);
  second = export_account (other, name);
  if (strcmp (first, second) != 0)
    g_error ("The round trip changed the account document:\n%s\n---\n%s", first, second);
  return 0;
}
