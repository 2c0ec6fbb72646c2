/* ks-window-files.c — the main window's workspace files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * New Workspace, Open Workspace, Open Recent (and the list behind it), Save a
 * Copy, the workspace to start with, and the dialog that explains why a file
 * did not open. The file chooser here serves the imports and exports too.
 */
#define G_LOG_DOMAIN "ks-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ks-json.h"
#include "ks-team-dialog.h"
#include "ks-window-private.h"

#define MAX_RECENT 8

/* Helpers */

void
_ks_window_remember_workspace (KsWindow   *self,
                               const char *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  if (!self->settings)
    return;
  if (ks_settings_has_key (self->settings, "last-workspace"))
    g_settings_set_string (self->settings, "last-workspace", path);
  if (!ks_settings_has_key (self->settings, "recent-workspaces"))
    return;

  old = g_settings_get_strv (self->settings, "recent-workspaces");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] && n < MAX_RECENT; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-workspaces", (const char * const *) recent);
}

void
_ks_window_rebuild_recent_menu (KsWindow *self)
{
  g_auto(GStrv) recent = NULL;
  guint shown = 0;

  if (!self->recent_menu)
    return;
  g_menu_remove_all (self->recent_menu);
  if (ks_settings_has_key (self->settings, "recent-workspaces"))
    recent = g_settings_get_strv (self->settings, "recent-workspaces");
  for (guint i = 0; recent && recent[i] && shown < MAX_RECENT; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *folder = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (ks_workspace_path_is_team (recent[i]))
        team_title (recent[i], &name, &folder);
      else if (!g_file_test (recent[i], G_FILE_TEST_EXISTS))
        continue;
      else
        {
          name = display_name (recent[i]);
          folder = ks_format_folder (recent[i]);
        }
      /* Translators: an item of Open Recent: file name, then its folder */
      label = g_strdup_printf (_("%s — %s"), name, folder);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
      shown++;
    }
  if (shown == 0)
    g_menu_append (self->recent_menu, _("No Recent Workspaces"), "win.no-recent");
}

static void
on_chooser_response (GtkNativeDialog *native,
                     int              response,
                     KsWindow        *self)
{
  ChooserDone done = g_object_get_data (G_OBJECT (native), "ks-done");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      if (file)
        done (self, file);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern,
            const char     *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (chooser, filter);
}

/* @kind: "keystone", "json" or NULL (a folder) */
void
_ks_window_run_chooser (KsWindow             *self,
                        GtkFileChooserAction  action,
                        const char           *title,
                        const char           *accept,
                        const char           *kind,
                        const char           *suggested_name,
                        ChooserDone           done)
{
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (native);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  if (g_strcmp0 (kind, "keystone") == 0)
    add_filter (chooser, _("Keystone workspaces"), "*.keystone", NULL);
  else if (g_strcmp0 (kind, "json") == 0)
    add_filter (chooser, _("JSON files"), "*.json", "application/json");
  if (kind)
    add_filter (chooser, _("All files"), "*", NULL);

  if (is_file_workspace (self->workspace))
    {
      g_autofree char *dir = g_path_get_dirname (ks_workspace_get_path (self->workspace));
      g_autoptr(GFile) folder = g_file_new_for_path (dir);
      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
  if (suggested_name)
    gtk_file_chooser_set_current_name (chooser, suggested_name);

  g_object_set_data (G_OBJECT (native), "ks-done", done);
  g_signal_connect_object (native, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

char *
_ks_window_workspace_stem (KsWindow *self)
{
  g_autofree char *base = NULL;
  char *dot;

  if (self->workspace && ks_workspace_is_team (self->workspace))
    {
      g_autofree char *database = NULL, *host = NULL, *user = NULL;

      ks_workspace_team_parts (ks_workspace_get_path (self->workspace), &database, &host, &user);
      return g_strdup (*database ? database : _("Workspace"));
    }
  if (!is_file_workspace (self->workspace))
    return g_strdup (_("Workspace"));
  base = g_path_get_basename (ks_workspace_get_path (self->workspace));
  if ((dot = strrchr (base, '.')) && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

static void new_workspace_done (KsWindow *self, GFile *file);
static void open_workspace_done (KsWindow *self, GFile *file);

static void
on_open_error_response (AdwMessageDialog *dialog,
                        const char       *response,
                        KsWindow         *self)
{
  if (g_str_equal (response, "open"))
    _ks_window_run_chooser (self, GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Workspace"), _("_Open"),
                            "keystone", NULL, open_workspace_done);
  else if (g_str_equal (response, "new"))
    _ks_window_run_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("New Workspace"), _("_Create"),
                            "keystone", _("Untitled.keystone"), new_workspace_done);
}

static void
show_open_error (KsWindow     *self,
                 const char   *path,
                 const GError *error)
{
  g_autofree char *name = display_name (path);
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  g_autoptr(GString) body = g_string_new (error->message);
  AdwMessageDialog *dialog;

  if (g_error_matches (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_BUSY))
    g_string_append_printf (body, "\n\n%s", _("Close the other program using it, then try again."));
  else if (g_error_matches (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NEWER_SCHEMA))
    g_string_append_printf (body, "\n\n%s", _("Update Keystone to open it. The file was not changed."));
  else if (g_error_matches (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_A_WORKSPACE))
    g_string_append_printf (body, "\n\n%s", _("The file was not changed."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body->str));
  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Close"),
                                    "new", _("_New Workspace…"),
                                    "open", _("_Open Another…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_error_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_workspace_done (KsWindow *self,
                    GFile    *file)
{
  g_autofree char *chosen = g_file_get_path (file);
  g_autofree char *path = NULL;
  g_autoptr(KsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  if (!chosen)
    return;
  path = with_extension (chosen, ".keystone");
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = display_name (path);
      g_autofree char *heading = g_strdup_printf (_("“%s” Already Exists"), name);
      /* never overwrite a workspace: it may be open elsewhere */
      show_dialog (self, heading,
                   _("Keystone does not replace an existing workspace. Choose another name, or open it with Open Workspace."));
      return;
    }
  workspace = ks_workspace_open (path, KS_WORKSPACE_OPEN_NEW, &error);
  if (!workspace)
    {
      show_open_error (self, path, error);
      return;
    }
  ks_window_set_workspace (self, workspace);
}

static void
open_workspace_done (KsWindow *self,
                     GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path)
    ks_window_open_path (self, path, TRUE);
}

static void
save_copy_done (KsWindow *self,
                GFile    *file)
{
  g_autofree char *chosen = g_file_get_path (file);
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  if (!chosen || !self->workspace)
    return;
  path = with_extension (chosen, ".keystone");
  name = display_name (path);
  if (g_strcmp0 (path, ks_workspace_get_path (self->workspace)) == 0)
    {
      show_dialog (self, _("Could Not Save a Copy"),
                   _("A copy cannot replace the workspace it is made from. Choose another name."));
      return;
    }
  ks_account_page_flush (self->account_page);
  _ks_window_flush_plan (self);
  if (!ks_workspace_save_copy (self->workspace, path, &error))
    {
      show_dialog (self, _("Could Not Save a Copy"), error->message);
      return;
    }
  {
    g_autofree char *title = g_strdup_printf (_("Saved a copy as “%s”"), name);
    ks_window_add_toast (self, title);
  }
}

/* Actions */

static void
new_workspace_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _ks_window_run_chooser (KS_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE, _("New Workspace"), _("_Create"),
                          "keystone", _("Untitled.keystone"), new_workspace_done);
}

static void
open_workspace_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _ks_window_run_chooser (KS_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Workspace"), _("_Open"),
                          "keystone", NULL, open_workspace_done);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ks_window_open_path (KS_WINDOW (widget), g_variant_get_string (parameter, NULL), TRUE);
}

static void
connect_team_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ks_team_dialog_show (KS_WINDOW (widget), NULL, NULL);
}

static void
no_recent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KsWindow *self = KS_WINDOW (widget);
  g_autofree char *stem = _ks_window_workspace_stem (self);
  /* Translators: the suggested file name of a copy; %s is the workspace's name */
  g_autofree char *suggested = g_strdup_printf (_("%s (copy).keystone"), stem);

  _ks_window_run_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save a Copy"), _("_Save"),
                          "keystone", suggested, save_copy_done);
}

void
_ks_window_class_add_file_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL, new_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.open-workspace", NULL, open_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, no_recent_action);
  gtk_widget_class_install_action (widget_class, "win.connect-team", NULL, connect_team_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
}

gboolean
ks_window_open_path (KsWindow   *self,
                     const char *path,
                     gboolean    report_errors)
{
  g_autoptr(KsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->workspace && g_strcmp0 (ks_workspace_get_path (self->workspace), path) == 0)
    return TRUE;
  if (ks_workspace_path_is_team (path))
    workspace = ks_team_open (path, &error);
  else
    workspace = ks_workspace_open (path, KS_WORKSPACE_OPEN_DEFAULT, &error);
  if (!workspace)
    {
      /* A team workspace asks again: its form, filled, with the reason. */
      if (report_errors && ks_workspace_path_is_team (path))
        ks_team_dialog_show (self, path, error);
      else if (report_errors)
        show_open_error (self, path, error);
      else
        g_message ("Could not open %s: %s", path, error->message);
      return FALSE;
    }
  ks_window_set_workspace (self, workspace);
  return TRUE;
}

void
ks_window_open_startup (KsWindow *self)
{
  g_autofree char *last = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  gboolean existed;

  g_return_if_fail (KS_IS_WINDOW (self));

  if (ks_settings_has_key (self->settings, "last-workspace"))
    last = g_settings_get_string (self->settings, "last-workspace");
  if (last && *last && (ks_workspace_path_is_team (last) || g_file_test (last, G_FILE_TEST_EXISTS)) &&
      ks_window_open_path (self, last, FALSE))
    return;

  path = ks_workspace_default_path ();
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  workspace = ks_workspace_open (path, KS_WORKSPACE_OPEN_CREATE, &error);
  if (!workspace)
    {
      ks_window_set_workspace (self, NULL);
      show_open_error (self, path, error);
      return;
    }
  /* First run: the demo company, loaded before undo is on (nothing to undo). */
  if (!existed && !ks_json_load_demo (workspace, &error))
    {
      g_warning ("Could not load the demo workspace: %s", error->message);
      g_clear_error (&error);
    }
  ks_window_set_workspace (self, workspace);
}
