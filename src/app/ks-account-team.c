/* ks-account-team.c — the account page's team section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The account team: who on our side works on the account, in which role,
 * core or extended; its rows, the dialog that adds a member or edits one's
 * role, and the account.add-member, edit-member and remove-member actions.
 */
#define G_LOG_DOMAIN "ks-account-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ks-account-page-private.h"
#include "ks-person.h"
#include "ks-team-member.h"

/* Helpers */

/* "Key account manager" and "Key Account Manager" say the same. */
static gboolean
same_words (const char *a,
            const char *b)
{
  g_autofree char *x = a ? g_utf8_casefold (a, -1) : NULL;
  g_autofree char *y = b ? g_utf8_casefold (b, -1) : NULL;

  return x && y && g_str_equal (x, y);
}

static GtkWidget *
make_suffix_button (const char *icon_name,
                    const char *tooltip,
                    const char *action_name,
                    GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

void
_ks_account_page_refresh_team (KsAccountPage *self)
{
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  ks_list_box_remove_rows (self->team_list);

  members = ks_team_member_list_for_account (self->workspace, self->account_id, &error);
  if (!members)
    {
      g_warning ("Could not read the account team: %s", error->message);
      return;
    }
  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsTeamMember) m = g_list_model_get_item (members, i);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *remove_label = NULL;
      g_autofree char *edit_label = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *avatar = adw_avatar_new (32, ks_team_member_get_person_name (m), TRUE);
      GtkWidget *kind = gtk_label_new (ks_team_member_get_core (m) ? _("Core team") : _("Extended team"));
      gint64 id = ks_team_member_get_id (m);

      ks_string_append_part (subtitle, ks_team_member_get_role (m));
      if (!same_words (ks_team_member_get_role (m), ks_team_member_get_person_title (m)))
        ks_string_append_part (subtitle, ks_team_member_get_person_title (m));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ks_team_member_get_person_name (m));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);

      gtk_widget_add_css_class (kind, ks_team_member_get_core (m) ? "team-core" : "team-extended");
      gtk_widget_add_css_class (kind, "caption");
      gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), kind);

      /* Translators: tooltip of a button in an account team row; %s is a person */
      edit_label = g_strdup_printf (_("Edit %s’s Role"), ks_team_member_get_person_name (m));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_suffix_button ("document-edit-symbolic", edit_label,
                                                     "account.edit-member",
                                                     g_variant_new_int64 (id)));
      /* Translators: tooltip of a button in an account team row; %s is a person */
      remove_label = g_strdup_printf (_("Remove %s From the Team"), ks_team_member_get_person_name (m));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_suffix_button ("user-trash-symbolic", remove_label,
                                                     "account.remove-member",
                                                     g_variant_new_int64 (id)));
      gtk_list_box_append (self->team_list, row);
    }

  {
    g_autofree char *description = NULL;
    if (n > 0)
      description = g_strdup_printf (ngettext ("%u person works on this account",
                                               "%u people work on this account", n), n);
    adw_preferences_group_set_description (self->team_group, description);
  }
}

/* The team member dialog */

typedef struct
{
  KsAccountPage *self;         /* owned */
  gint64         member_id;    /* 0 when adding */
  gint64         person_id;    /* when editing */
  GArray        *person_ids;   /* gint64 per person_row position (adding) */
  AdwComboRow   *person_row;
  AdwEntryRow   *role_row;
  GtkSwitch     *core_switch;
} MemberDialog;

static void
member_dialog_free (gpointer data)
{
  MemberDialog *md = data;

  g_clear_object (&md->self);
  g_clear_pointer (&md->person_ids, g_array_unref);
  g_free (md);
}

static void
on_member_dialog_response (AdwMessageDialog *dialog,
                           const char       *response,
                           MemberDialog     *md)
{
  KsAccountPage *self = md->self;
  g_autoptr(KsTeamMember) member = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;

  if (!g_str_equal (response, "save") || !self->workspace || self->account_id <= 0)
    return;

  if (md->member_id == 0)
    {
      guint pos = adw_combo_row_get_selected (md->person_row);
      if (pos >= md->person_ids->len)
        return;
      member = ks_team_member_new (self->account_id, g_array_index (md->person_ids, gint64, pos));
    }
  else
    {
      g_autoptr(GListModel) members = ks_team_member_list_for_account (self->workspace, self->account_id, NULL);
      for (guint i = 0; members && i < g_list_model_get_n_items (members); i++)
        {
          g_autoptr(KsTeamMember) m = g_list_model_get_item (members, i);
          if (ks_team_member_get_id (m) == md->member_id)
            member = g_steal_pointer (&m);
        }
      if (!member)
        return;
    }
  role = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (md->role_row))));
  ks_team_member_set_role (member, role);
  ks_team_member_set_core (member, gtk_switch_get_active (md->core_switch));
  if (!ks_team_member_save (member, self->workspace, &error))
    show_error (self, _("Could Not Save the Team Member"), error);
}

static void
show_member_dialog (KsAccountPage *self,
                    KsTeamMember  *member)
{
  MemberDialog *md = g_new0 (MemberDialog, 1);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWidget *list, *core_row;
  g_autofree char *body = NULL;
  gboolean can_save = TRUE;

  md->self = g_object_ref (self);
  md->member_id = member ? ks_team_member_get_id (member) : 0;

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  if (!member)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      g_autoptr(GListModel) people = ks_person_list (self->workspace, NULL);
      g_autoptr(GListModel) members = ks_team_member_list_for_account (self->workspace, self->account_id, NULL);
      g_autoptr(GHashTable) taken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

      for (guint i = 0; members && i < g_list_model_get_n_items (members); i++)
        {
          g_autoptr(KsTeamMember) m = g_list_model_get_item (members, i);
          gint64 *id = g_new (gint64, 1);
          *id = ks_team_member_get_person_id (m);
          g_hash_table_add (taken, id);
        }
      md->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; people && i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(KsPerson) p = g_list_model_get_item (people, i);
          gint64 id = ks_person_get_id (p);
          if (g_hash_table_contains (taken, &id))
            continue;
          gtk_string_list_append (names, ks_person_get_name (p));
          g_array_append_val (md->person_ids, id);
        }
      md->person_row = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (md->person_row), _("Person"));
      adw_combo_row_set_model (md->person_row, G_LIST_MODEL (names));
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (md->person_row));
      can_save = md->person_ids->len > 0;
      if (!people || g_list_model_get_n_items (people) == 0)
        body = g_strdup (_("There are no people yet. Add the people on your side on the People page first."));
      else if (!can_save)
        body = g_strdup (_("Everyone is already on this account’s team."));
      else
        body = g_strdup_printf (_("Who works on “%s”, and in which role?"), ks_account_get_name (self->account));
    }
  else
    {
      GtkWidget *person = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (person), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (person), ks_team_member_get_person_name (member));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (person), nonnull (ks_team_member_get_person_title (member)));
      adw_action_row_add_prefix (ADW_ACTION_ROW (person),
                                 adw_avatar_new (32, ks_team_member_get_person_name (member), TRUE));
      gtk_list_box_append (GTK_LIST_BOX (list), person);
      body = g_strdup_printf (_("The role of %s on “%s”."),
                              ks_team_member_get_person_name (member), ks_account_get_name (self->account));
    }

  md->role_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (md->role_row), _("Role, e.g. Sales coordinator"));
  if (member)
    gtk_editable_set_text (GTK_EDITABLE (md->role_row), nonnull (ks_team_member_get_role (member)));
  adw_entry_row_set_activates_default (md->role_row, TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (md->role_row));

  core_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (core_row), _("Core team"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (core_row),
                               _("Works on the account every week; the extended team is called in when needed"));
  md->core_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (md->core_switch), GTK_ALIGN_CENTER);
  gtk_switch_set_active (md->core_switch, member ? ks_team_member_get_core (member) : TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (core_row), GTK_WIDGET (md->core_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (core_row), GTK_WIDGET (md->core_switch));
  gtk_list_box_append (GTK_LIST_BOX (list), core_row);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       member ? _("Edit Team Member") : _("Add Team Member"),
                                                       body));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", member ? _("_Save") : _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "save", can_save);
  adw_message_dialog_set_default_response (dialog, can_save ? "save" : "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_member_dialog_response),
                         md, (GClosureNotify) (void (*) (void)) member_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static KsTeamMember *
find_member (KsAccountPage *self,
             gint64         member_id)
{
  g_autoptr(GListModel) members = NULL;

  if (!self->workspace)
    return NULL;
  members = ks_team_member_list_for_account (self->workspace, self->account_id, NULL);
  for (guint i = 0; members && i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(KsTeamMember) m = g_list_model_get_item (members, i);
      if (ks_team_member_get_id (m) == member_id)
        return g_steal_pointer (&m);
    }
  return NULL;
}

/* Actions */

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KsAccountPage *self = KS_ACCOUNT_PAGE (widget);

  if (self->account)
    show_member_dialog (self, NULL);
}

static void
edit_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KsAccountPage *self = KS_ACCOUNT_PAGE (widget);
  g_autoptr(KsTeamMember) member = find_member (self, g_variant_get_int64 (parameter));

  if (member)
    show_member_dialog (self, member);
}

static void
remove_member_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KsAccountPage *self = KS_ACCOUNT_PAGE (widget);
  g_autoptr(KsTeamMember) member = find_member (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!member)
    return;
  name = g_strdup (ks_team_member_get_person_name (member));
  if (!ks_team_member_delete (self->workspace, ks_team_member_get_id (member), &error))
    {
      show_error (self, _("Could Not Remove the Team Member"), error);
      return;
    }
  {
    g_autofree char *title = g_strdup_printf (_("%s removed from the team"), name);
    ks_widget_add_undo_toast (GTK_WIDGET (self), title);
  }
}

void
_ks_account_page_class_add_team_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "account.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "account.edit-member", "x", edit_member_action);
  gtk_widget_class_install_action (widget_class, "account.remove-member", "x", remove_member_action);
}

guint
ks_account_page_get_n_members (KsAccountPage *self)
{
  guint n = 0;

  g_return_val_if_fail (KS_IS_ACCOUNT_PAGE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->team_list));
       child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;
  return n;
}
