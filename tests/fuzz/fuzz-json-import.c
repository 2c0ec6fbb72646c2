/* fuzz-json-import.c — libFuzzer target: ks_json_import_data on any bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input goes into a fresh in-memory workspace. An import that succeeds
 * must export, and that export must import again into another empty
 * workspace and export to the same bytes (the lossless round trip). An import
 * that fails must leave the workspace empty.
 */
#include <stdlib.h>
#include <string.h>

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

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (!ks_json_import_data (ws, (const char *) data, size, "fuzz.json", FALSE, &error))
    {
      if (!error || error->message == NULL)
        abort ();
      if (!ks_workspace_is_empty (ws) || ks_workspace_in_transaction (ws))
        abort ();
      return 0;
    }

  if (!(first = ks_json_export (ws, &error)))
    g_error ("Export failed after a successful import: %s", error->message);
  g_clear_object (&ws);

  ws = new_workspace ();
  if (!ks_json_import_data (ws, first, -1, "export.json", FALSE, &error))
    g_error ("Our own export was refused: %s\n%s", error->message, first);
  if (!(second = ks_json_export (ws, &error)))
    g_error ("Export failed: %s", error->message);
  if (strcmp (first, second) != 0)
    g_error ("The round trip changed the document:\n%s\n---\n%s", first, second);
  return 0;
}
