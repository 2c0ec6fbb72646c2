/* ks-team-dialog.c — Connect to Team Workspace: server, database, user and
 * password; the password kept in the GNOME keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A team workspace is known by its URI without a password
 * (postgresql://USER@HOST/DATABASE): that is what the recent list and
 * GSettings hold. The password lives in the keyring (libsecret), filed
 * under that URI, and reaches libpq beside the URI, never inside it.
 */
#define G_LOG_DOMAIN "ks-team"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "ks-team-dialog.h"
#include "ks-window.h"
#include "ks-workspace.h"

static const SecretSchema team_schema = {
  APP_ID ".TeamWorkspace", SECRET_SCHEMA_NONE,
  {
    { "uri", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

char *
ks_team_password_lookup (const char *uri)
{
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_sync (&team_schema, NULL, &error, "uri", uri, NULL);

  if (error)
    g_debug ("No password from the keyring for %s: %s", uri, error->message);
  return password;
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_message ("The keyring did not keep the team workspace's password: %s", error->message);
}

static void
password_store (const char *uri,
                const char *password)
{
  g_autofree char *label = NULL;
  g_autofree char *database = NULL, *host = NULL, *user = NULL;

  ks_workspace_team_parts (uri, &database, &host, &user);
  /* Translators: how the keyring lists the password; %s is the database, then the server */
  label = g_strdup_printf (_("Keystone team workspace %s on %s"), database, *host ? host : "localhost");
  secret_password_store (&team_schema, SECRET_COLLECTION_DEFAULT, label, password, NULL,
                         on_stored, NULL, "uri", uri, NULL);
}

static void
password_forget (const char *uri)
{
  secret_password_clear (&team_schema, NULL, NULL, NULL, "uri", uri, NULL);
}

struct _KsTeamDialog
{
  AdwWindow     parent_instance;

  KsWindow     *window;       /* unowned: our transient parent */
  GtkWidget    *connect_button;
  AdwEntryRow  *host_row;
  AdwEntryRow  *database_row;
  AdwEntryRow  *user_row;
  AdwPasswordEntryRow *password_row;
  GtkSwitch    *remember_switch;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (KsTeamDialog, ks_team_dialog, ADW_TYPE_WINDOW)

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
update_connect (KsTeamDialog *self)
{
  g_autofree char *database = entry_text (self->database_row);

  gtk_widget_set_sensitive (self->connect_button, *database != '\0');
}

static void
on_connect (KsTeamDialog *self)
{
  g_autofree char *host = entry_text (self->host_row);
  g_autofree char *database = entry_text (self->database_row);
  g_autofree char *user = entry_text (self->user_row);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autofree char *uri = ks_workspace_team_uri (host, database, user);
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) workspace = NULL;

  /* An empty database becomes a workspace, as a new file does. */
  workspace = ks_workspace_open_team (uri, *password ? password : NULL, KS_WORKSPACE_OPEN_CREATE, &error);
  if (!workspace)
    {
      /* Everything typed stays, to be mended and tried again. */
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      if (g_error_matches (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_PASSWORD))
        gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  if (gtk_switch_get_active (self->remember_switch) && *password)
    password_store (uri, password);
  else if (!gtk_switch_get_active (self->remember_switch))
    password_forget (uri);
  ks_window_set_workspace (self->window, workspace);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ks_team_dialog_class_init (KsTeamDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static AdwEntryRow *
add_entry (AdwPreferencesGroup *group,
           const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static void
ks_team_dialog_init (KsTeamDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *options = adw_preferences_group_new ();
  GtkWidget *remember = adw_action_row_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Connect to Team Workspace"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 540);

  self->connect_button = gtk_button_new_with_mnemonic (_("C_onnect"));
  gtk_widget_add_css_class (self->connect_button, "suggested-action");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->connect_button);
  gtk_box_append (GTK_BOX (toolbar), header);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (self->connect_button, "clicked", G_CALLBACK (on_connect), self);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A team shares one workspace on a PostgreSQL server. "
                                           "Ask whoever runs the server for these."));
  self->host_row = add_entry (ADW_PREFERENCES_GROUP (group), _("_Server"));
  self->database_row = add_entry (ADW_PREFERENCES_GROUP (group), _("_Database"));
  self->user_row = add_entry (ADW_PREFERENCES_GROUP (group), _("_User"));
  self->password_row = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row), _("_Password"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->password_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->password_row));
  g_signal_connect_swapped (self->database_row, "changed", G_CALLBACK (update_connect), self);
  g_signal_connect_swapped (self->password_row, "entry-activated", G_CALLBACK (on_connect), self);

  self->remember_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (self->remember_switch, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->remember_switch), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remember), _("_Remember Password"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (remember), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (remember), _("Kept in the keyring, never in a file"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (remember), GTK_WIDGET (self->remember_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (remember), GTK_WIDGET (self->remember_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (options), remember);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_selectable (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Connection error"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (options), GTK_WIDGET (self->error_label));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (options));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (toolbar), page);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->connect_button);
  update_connect (self);
}

KsTeamDialog *
ks_team_dialog_show (KsWindow     *window,
                     const char   *uri,
                     const GError *error)
{
  KsTeamDialog *self = g_object_new (KS_TYPE_TEAM_DIALOG, "transient-for", window, NULL);

  self->window = window;
  if (uri)
    {
      g_autofree char *database = NULL, *host = NULL, *user = NULL;

      ks_workspace_team_parts (uri, &database, &host, &user);
      gtk_editable_set_text (GTK_EDITABLE (self->host_row), host);
      gtk_editable_set_text (GTK_EDITABLE (self->database_row), database);
      gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);
    }
  if (error)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (uri ? GTK_WIDGET (self->password_row) : GTK_WIDGET (self->host_row)));
  return self;
}

void
ks_team_dialog_fill (KsTeamDialog *self,
                     const char   *host,
                     const char   *database,
                     const char   *user,
                     const char   *password)
{
  g_return_if_fail (KS_IS_TEAM_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->host_row), host ? host : "");
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), database ? database : "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user ? user : "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password ? password : "");
}

void
ks_team_dialog_connect (KsTeamDialog *self)
{
  g_return_if_fail (KS_IS_TEAM_DIALOG (self));
  on_connect (self);
}

const char *
ks_team_dialog_get_error (KsTeamDialog *self)
{
  g_return_val_if_fail (KS_IS_TEAM_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}

KsWorkspace *
ks_team_open (const char  *uri,
              GError     **error)
{
  g_autofree char *password = ks_team_password_lookup (uri);

  return ks_workspace_open_team (uri, password, KS_WORKSPACE_OPEN_DEFAULT, error);
}
