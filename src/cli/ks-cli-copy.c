/* ks-cli-copy.c — keystone-cli copy SOURCE TARGET, and grant-roles: the
 * two commands that move a team onto a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SOURCE and TARGET are each a workspace file or a team workspace's URI
 * (postgresql://HOST/DB). The target must be new: a file that does not
 * exist, or a schema with no workspace in it. A refused copy leaves no new
 * file behind (a server keeps the empty schema it was given).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-cli-copy.h"
#include "ks-workspace-copy.h"

int
ks_cli_copy (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) source = NULL;
  g_autoptr(KsWorkspace) target = NULL;
  const char *from, *to;
  gint64 rows = 0;

  if (g_strv_length (opts->args) != 3)
    return usage_error (_("copy takes a source and a target: “copy SOURCE TARGET”"));
  if (opts->workspace)
    return usage_error (_("--workspace does not apply to “copy”: name both workspaces"));
  from = opts->args[1];
  to = opts->args[2];

  if (!(source = ks_workspace_open (from, KS_WORKSPACE_OPEN_DEFAULT, &error)))
    return refused (error);
  if (!(target = ks_workspace_open (to, KS_WORKSPACE_OPEN_NEW, &error)))
    return refused (error);
  if (!ks_workspace_copy (source, target, &rows, &error))
    {
      g_clear_object (&target);
      ks_workspace_delete_files (to);
      return refused (error);
    }

  if (opts->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "source");
      json_builder_add_string_value (b, ks_workspace_get_name (source));
      json_builder_set_member_name (b, "target");
      json_builder_add_string_value (b, ks_workspace_get_name (target));
      json_builder_set_member_name (b, "rows");
      json_builder_add_int_value (b, rows);
      json_builder_end_object (b);
      print_json (b);
    }
  else
    g_print (ngettext ("Copied %s to %s (%lld row)\n", "Copied %s to %s (%lld rows)\n", (unsigned long) rows),
             ks_workspace_get_name (source), ks_workspace_get_name (target), (long long) rows);
  return EXIT_DONE;
}

int
ks_cli_grant_roles (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autofree char *path = workspace_path (opts);

  if (g_strv_length (opts->args) != 1)
    return usage_error (_("“grant-roles” takes no arguments"));
  if (!(ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_DEFAULT, &error)) ||
      !ks_workspace_grant_team_roles (ws, &error))
    return refused (error);
  if (!opts->json)
    g_print (_("keystone_viewer may read %s, keystone_editor may change it\n"), ks_workspace_get_name (ws));
  else
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "workspace");
      json_builder_add_string_value (b, ks_workspace_get_name (ws));
      json_builder_set_member_name (b, "roles");
      json_builder_begin_array (b);
      json_builder_add_string_value (b, "keystone_viewer");
      json_builder_add_string_value (b, "keystone_editor");
      json_builder_end_array (b);
      json_builder_end_object (b);
      print_json (b);
    }
  return EXIT_DONE;
}
