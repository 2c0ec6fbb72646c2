/* ks-people-page.c — one person on our side: role, contact, accounts covered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Same editing model as the account page: an applied field loads the person
 * afresh, changes it and saves it (one undo step); the page redraws from the
 * workspace's "changed" signal and keeps text the user is still editing,
 * saving it only over the value the user started from (another user's
 * change meanwhile is said at the row; Enter again replaces it).
 */
#define G_LOG_DOMAIN "ks-people-page"

#include "config.h"

#include "ks-people-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ks-app-util.h"
#include "ks-field-rows.h"
#include "ks-person.h"
#include "ks-team-member.h"

typedef enum
{
  FIELD_NAME,
  FIELD_TITLE,
  FIELD_TEAM,
  FIELD_REGION,
  FIELD_AREA,
  FIELD_PHONE,
  FIELD_EMAIL,
  N_FIELDS
} Field;

static const char *const field_names[N_FIELDS] = {
  "name", "title", "team", "region", "area", "phone", "email",
};

struct _KsPeoplePage
{
  GtkWidget            parent_instance;

  KsWorkspace         *workspace;
  gint64               person_id;
  KsPerson            *person;            /* as last loaded */
  char                *loaded[N_FIELDS];
  AdwEntryRow         *rows[N_FIELDS];
  GArray              *manager_ids;       /* gint64 per manager_row position; 0 = none */
  gboolean             updating;
  int                  applying;

  /* template */
  GtkStack            *stack;
  GtkScrolledWindow   *scrolled_window;
  AdwAvatar           *avatar;
  GtkLabel            *name_label;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *details_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *title_row;
  AdwEntryRow         *team_row;
  AdwEntryRow         *region_row;
  AdwEntryRow         *area_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *email_row;
  AdwComboRow         *manager_row;
  AdwPreferencesGroup *accounts_group;
  GtkListBox          *accounts_list;
  GtkWidget           *delete_button;
};

enum {
  PROP_0,
  PROP_PERSON_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KsPeoplePage, ks_people_page, GTK_TYPE_WIDGET)

static void refresh (KsPeoplePage *self, gboolean force);

static const char *
nonnull (const char *s)
{
  return s ? s : "";
}

static KsPerson *
load_for_edit (KsPeoplePage   *self,
               GError       **error)
{
  g_autoptr(GError) local = NULL;
  KsPerson *person;

  if (!self->workspace || self->person_id <= 0)
    return NULL;
  person = ks_person_load (self->workspace, self->person_id, error ? error : &local);
  if (local)
    g_warning ("Could not load person %" G_GINT64_FORMAT ": %s", self->person_id, local->message);
  return person;
}

/* An entry row's text for @field of @p, as refresh_fields() shows it: what
 * the user starts typing over, compared again before a save. */
static char *
field_text (KsPerson *p,
            Field     field)
{
  switch (field)
    {
    case FIELD_NAME:
      return g_strdup (nonnull (ks_person_get_name (p)));
    case FIELD_TITLE:
      return g_strdup (nonnull (ks_person_get_title (p)));
    case FIELD_TEAM:
      return g_strdup (nonnull (ks_person_get_team (p)));
    case FIELD_REGION:
      return g_strdup (nonnull (ks_person_get_region (p)));
    case FIELD_AREA:
      return g_strdup (nonnull (ks_person_get_area (p)));
    case FIELD_PHONE:
      return g_strdup (nonnull (ks_person_get_phone (p)));
    case FIELD_EMAIL:
      return g_strdup (nonnull (ks_person_get_email (p)));
    case N_FIELDS:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/* Saves @person, with @field as the field being applied (-1: none). */
static gboolean
try_save (KsPeoplePage  *self,
          KsPerson      *person,
          int            field,
          GError       **error)
{
  gboolean ok;

  self->applying = field;
  ok = ks_person_save (person, self->workspace, error);
  self->applying = -1;
  return ok;
}

static gboolean
save_person (KsPeoplePage *self,
             KsPerson     *person,
             GtkWidget    *row,
             int           field)
{
  g_autoptr(GError) error = NULL;

  if (!try_save (self, person, field, &error))
    {
      ks_row_set_error (ADW_PREFERENCES_ROW (row), error->message);
      if (ADW_IS_COMBO_ROW (row))
        refresh (self, FALSE);
      return FALSE;
    }
  ks_row_set_error (ADW_PREFERENCES_ROW (row), NULL);
  return TRUE;
}

static char *
validate_field (Field       field,
                const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  switch (field)
    {
    case FIELD_NAME:
      if (!*trimmed)
        return g_strdup (_("a person needs a name"));
      return NULL;
    case FIELD_EMAIL:
      {
        const char *at = strchr (trimmed, '@');
        if (*trimmed && (!at || at == trimmed || !at[1] || strchr (at + 1, '@') ||
                         strpbrk (trimmed, " \t<>,;")))
          return g_strdup (_("an address like name@example.com"));
        return NULL;
      }
    case FIELD_PHONE:
      for (const char *p = trimmed; *p; p++)
        if (!g_ascii_isdigit (*p) && !strchr (" +-()./", *p))
          return g_strdup (_("digits, spaces and + - ( ) only"));
      return NULL;
    case FIELD_TITLE:
    case FIELD_TEAM:
    case FIELD_REGION:
    case FIELD_AREA:
    case N_FIELDS:
    default:
      return NULL;
    }
}

static void
set_entry_text (KsPeoplePage *self,
                Field         field,
                const char   *value,
                gboolean      force)
{
  ks_field_row_show_value (self->rows[field], &self->loaded[field], value,
                           force || (int) field == self->applying, &self->updating);
}

static gint64
person_id (gpointer item)
{
  return ks_person_get_id (item);
}

static const char *
person_name (gpointer item)
{
  return ks_person_get_name (item);
}

typedef struct
{
  GHashTable *managers;   /* person id → manager id */
  gint64      person_id;
  guint       n;
} ReportsTo;

/* Whether the chain of managers up from @item reaches the person shown. */
static gboolean
reports_to (gpointer item,
            gpointer user_data)
{
  ReportsTo *r = user_data;
  gint64 cursor = ks_person_get_id (item);

  for (guint steps = 0; cursor > 0 && steps <= r->n; steps++)
    {
      gint64 *up;
      if (cursor == r->person_id)
        return TRUE;
      up = g_hash_table_lookup (r->managers, &cursor);
      cursor = up ? *up : 0;
    }
  return FALSE;
}

/* Everyone but the person and the people who report to them, directly or
 * not (a manager loop would make no sense). */
static void
refresh_manager_model (KsPeoplePage *self)
{
  g_autoptr(GListModel) people = ks_person_list (self->workspace, NULL);
  g_autoptr(GHashTable) managers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint n = people ? g_list_model_get_n_items (people) : 0;
  ReportsTo r = { managers, self->person_id, n };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsPerson) p = g_list_model_get_item (people, i);
      gint64 *key = g_new (gint64, 1), *value = g_new (gint64, 1);
      *key = ks_person_get_id (p);
      *value = ks_person_get_manager_id (p);
      g_hash_table_insert (managers, key, value);
    }
  ks_id_combo_row_fill (self->manager_row, self->manager_ids, people, person_id, person_name,
                        reports_to, &r, ks_person_get_manager_id (self->person));
}

static void
refresh_header (KsPeoplePage *self)
{
  KsPerson *p = self->person;
  g_autoptr(GString) summary = g_string_new (NULL);
  const char *manager = ks_person_get_manager_name (p);

  adw_avatar_set_text (self->avatar, ks_person_get_name (p));
  gtk_label_set_label (self->name_label, ks_person_get_name (p));
  ks_string_append_part (summary, ks_person_get_title (p));
  ks_string_append_part (summary, ks_person_get_team (p));
  ks_string_append_part (summary, ks_person_get_region (p));
  if (manager && *manager)
    {
      g_autofree char *s = g_strdup_printf (_("Reports to %s"), manager);
      ks_string_append_part (summary, s);
    }
  gtk_label_set_label (self->summary_label, summary->str);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary->len > 0);
}

static void
refresh_fields (KsPeoplePage *self,
                gboolean      force)
{
  for (Field f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *text = field_text (self->person, f);

      set_entry_text (self, f, text, force);
    }
  ks_row_set_error (ADW_PREFERENCES_ROW (self->manager_row), NULL);
}

static void
refresh_accounts (KsPeoplePage *self)
{
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  guint n, core = 0;

  ks_list_box_remove_rows (self->accounts_list);
  members = ks_team_member_list_for_person (self->workspace, self->person_id, &error);
  if (!members)
    {
      g_warning ("Could not read the accounts covered: %s", error->message);
      return;
    }
  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsTeamMember) m = g_list_model_get_item (members, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *kind = gtk_label_new (ks_team_member_get_core (m) ? _("Core team") : _("Extended team"));
      const char *role = ks_team_member_get_role (m);

      if (ks_team_member_get_core (m))
        core++;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ks_team_member_get_account_name (m));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), role && *role ? role : _("No role given"));
      gtk_widget_add_css_class (kind, ks_team_member_get_core (m) ? "team-core" : "team-extended");
      gtk_widget_add_css_class (kind, "caption");
      gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), kind);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-account");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              g_variant_new_int64 (ks_team_member_get_account_id (m)));
      gtk_widget_set_tooltip_text (row, _("Show the account"));
      gtk_list_box_append (self->accounts_list, row);
    }
  if (n > 0)
    {
      g_autofree char *accounts = g_strdup_printf (ngettext ("%u account", "%u accounts", n), n);
      /* Translators: "12 accounts, 4 in the core team" */
      description = g_strdup_printf (ngettext ("%s, %u in the core team", "%s, %u in the core team", core),
                                     accounts, core);
    }
  adw_preferences_group_set_description (self->accounts_group, description);
}

static void
set_editable (KsPeoplePage *self,
              gboolean      editable)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->details_group), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.delete", editable);
}

static void
refresh (KsPeoplePage *self,
         gboolean      force)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->person);
  if (self->workspace && self->person_id > 0)
    self->person = ks_person_load (self->workspace, self->person_id, &error);
  if (!self->person)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_editable (self, FALSE);
      return;
    }

  self->updating = TRUE;
  refresh_header (self);
  refresh_manager_model (self);
  refresh_fields (self, force);
  refresh_accounts (self);
  self->updating = FALSE;

  set_editable (self, !ks_workspace_is_read_only (self->workspace));
  gtk_stack_set_visible_child_name (self->stack, "person");
}

static void
on_workspace_changed (KsPeoplePage *self,
                      const char   *table,
                      KsWorkspace  *workspace)
{
  if (self->person_id <= 0)
    return;
  if (g_str_equal (table, "people"))
    refresh (self, FALSE);
  else if (self->person && (g_str_equal (table, "account_team") || g_str_equal (table, "accounts")))
    refresh_accounts (self);
}

static void
on_entry_changed (AdwEntryRow  *row,
                  KsPeoplePage *self)
{
  Field field = ks_field_row_get_field (row);
  g_autofree char *message = NULL;

  if (self->updating)
    return;
  /* once marked, say as soon as the text is right again */
  if (field == FIELD_PHONE || ks_row_has_error (ADW_PREFERENCES_ROW (row)))
    {
      message = validate_field (field, gtk_editable_get_text (GTK_EDITABLE (row)));
      ks_field_row_set_error (row, message);
    }
}

/* Sets @field of @person to the valid @text; FALSE when there is nothing
 * to save. */
static gboolean
set_field (KsPerson   *person,
           Field       field,
           const char *text)
{
  switch (field)
    {
    case FIELD_NAME:
      if (g_strcmp0 (text, ks_person_get_name (person)) == 0)
        return FALSE;
      ks_person_set_name (person, text);
      break;
    case FIELD_TITLE:
      ks_person_set_title (person, text);
      break;
    case FIELD_TEAM:
      ks_person_set_team (person, text);
      break;
    case FIELD_REGION:
      ks_person_set_region (person, text);
      break;
    case FIELD_AREA:
      ks_person_set_area (person, text);
      break;
    case FIELD_PHONE:
      ks_person_set_phone (person, text);
      break;
    case FIELD_EMAIL:
      ks_person_set_email (person, text);
      break;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static void
on_entry_apply (AdwEntryRow  *row,
                KsPeoplePage *self)
{
  Field field = ks_field_row_get_field (row);
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autofree char *message = NULL;

  if (self->updating)
    return;
  g_strstrip (text);
  if ((message = validate_field (field, text)))
    {
      ks_row_set_error (ADW_PREFERENCES_ROW (row), message);
      return;
    }
  /* As on the account page: saved only over the value the user started
   * from (or after being told of another user's); a second try when
   * another user saved between the read and the save. */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(KsPerson) person = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = NULL;

      if (!(person = load_for_edit (self, &error)))
        {
          /* say why at the field (the server went away…); the text stays */
          if (error)
            ks_field_row_show_refusal (row, error);
          return;
        }
      stored = field_text (person, field);
      if (!ks_field_row_check_base (row, &self->loaded[field], stored) ||
          !set_field (person, field, text))
        return;
      if (try_save (self, person, field, &error))
        {
          ks_row_set_error (ADW_PREFERENCES_ROW (row), NULL);
          return;
        }
      if (attempt > 0 || !g_error_matches (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT))
        {
          ks_field_row_show_refusal (row, error);
          return;
        }
    }
}

static void
on_manager_selected (KsPeoplePage *self)
{
  g_autoptr(KsPerson) person = NULL;
  gint64 id;

  if (self->updating || !self->person ||
      !ks_id_combo_row_get_change (self->manager_row, self->manager_ids,
                                   ks_person_get_manager_id (self->person), &id) ||
      !(person = load_for_edit (self, NULL)))
    return;
  ks_person_set_manager_id (person, id);
  save_person (self, person, GTK_WIDGET (self->manager_row), -1);
}

static void
delete_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KsPeoplePage *self = KS_PEOPLE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!self->person || !self->workspace)
    return;
  name = g_strdup (ks_person_get_name (self->person));
  if (!ks_person_delete (self->workspace, self->person_id, &error))
    {
      ks_message_dialog_show (GTK_WIDGET (self), _("Could Not Delete the Person"), error->message);
      return;
    }
  title = g_strdup_printf (_("%s deleted"), name);
  ks_widget_add_undo_toast (GTK_WIDGET (self), title);
}

static void
ks_people_page_dispose (GObject *object)
{
  KsPeoplePage *self = KS_PEOPLE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KS_TYPE_PEOPLE_PAGE);
  ks_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->person);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (ks_people_page_parent_class)->dispose (object);
}

static void
ks_people_page_finalize (GObject *object)
{
  KsPeoplePage *self = KS_PEOPLE_PAGE (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->loaded[i]);
  g_array_unref (self->manager_ids);

  G_OBJECT_CLASS (ks_people_page_parent_class)->finalize (object);
}

static void
ks_people_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KsPeoplePage *self = KS_PEOPLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_people_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KsPeoplePage *self = KS_PEOPLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      ks_people_page_set_person_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_people_page_class_init (KsPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_people_page_dispose;
  object_class->finalize = ks_people_page_finalize;
  object_class->get_property = ks_people_page_get_property;
  object_class->set_property = ks_people_page_set_property;

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ks-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KsPeoplePage, stack);
  gtk_widget_class_bind_template_child (widget_class, KsPeoplePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KsPeoplePage, avatar);
  gtk_widget_class_bind_template_child (widget_class, KsPeoplePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, KsPeoplePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KsPeoplePage, details_group);
  gtk_widget_class_bind_template_child (widget_class, KsPeoplePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, KsPeoplePage, title_row);
  gtk_widget_class_bind_template_child (widget_class, KsPeoplePage, team_row);
  gtk_widget_class_bind_template_child (widget_class, KsPeoplePage, region_row);
  gtk_widget_class_bind_template_child (widget_class, KsPeoplePage, area_row);
  gtk_widget_class_bind_template_child (widget_class, KsPeoplePage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, KsPeoplePage, email_row);
  gtk_widget_class_bind_template_child (widget_class, KsPeoplePage, manager_row);
  gtk_widget_class_bind_template_child (widget_class, KsPeoplePage, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, KsPeoplePage, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, KsPeoplePage, delete_button);

  gtk_widget_class_install_action (widget_class, "person.delete", NULL, delete_person_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "peoplepage");
}

static void
ks_people_page_init (KsPeoplePage *self)
{
  self->applying = -1;
  self->manager_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows[FIELD_NAME] = self->name_row;
  self->rows[FIELD_TITLE] = self->title_row;
  self->rows[FIELD_TEAM] = self->team_row;
  self->rows[FIELD_REGION] = self->region_row;
  self->rows[FIELD_AREA] = self->area_row;
  self->rows[FIELD_PHONE] = self->phone_row;
  self->rows[FIELD_EMAIL] = self->email_row;
  ks_field_rows_connect (self->rows, N_FIELDS, G_CALLBACK (on_entry_apply),
                         G_CALLBACK (on_entry_changed), self);
  g_signal_connect_object (self->manager_row, "notify::selected",
                           G_CALLBACK (on_manager_selected), self, G_CONNECT_SWAPPED);

  ks_list_box_set_placeholder_text (self->accounts_list, _("Not on any account team yet. Add them from an account’s page."));

  set_editable (self, FALSE);
}

GtkWidget *
ks_people_page_new (void)
{
  return g_object_new (KS_TYPE_PEOPLE_PAGE, NULL);
}

void
ks_people_page_set_workspace (KsPeoplePage *self,
                              KsWorkspace  *workspace)
{
  g_return_if_fail (KS_IS_PEOPLE_PAGE (self));
  g_return_if_fail (!workspace || KS_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace)
    g_signal_connect_object (workspace, "changed", G_CALLBACK (on_workspace_changed),
                             self, G_CONNECT_SWAPPED);
  self->person_id = 0;
  refresh (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

gint64
ks_people_page_get_person_id (KsPeoplePage *self)
{
  g_return_val_if_fail (KS_IS_PEOPLE_PAGE (self), 0);
  return self->person_id;
}

void
ks_people_page_set_person_id (KsPeoplePage *self,
                              gint64        person_id)
{
  g_return_if_fail (KS_IS_PEOPLE_PAGE (self));

  if (self->person_id == person_id)
    return;
  self->person_id = person_id;
  refresh (self, TRUE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

void
ks_people_page_focus_name (KsPeoplePage *self)
{
  g_return_if_fail (KS_IS_PEOPLE_PAGE (self));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  gtk_editable_select_region (GTK_EDITABLE (self->name_row), 0, -1);
}

GtkWidget *
ks_people_page_get_field_row (KsPeoplePage *self,
                              const char   *field)
{
  g_return_val_if_fail (KS_IS_PEOPLE_PAGE (self), NULL);

  return ks_field_rows_find (self->rows, field_names, N_FIELDS, field);
}

guint
ks_people_page_get_n_accounts (KsPeoplePage *self)
{
  guint n = 0;

  g_return_val_if_fail (KS_IS_PEOPLE_PAGE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_list));
       child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;
  return n;
}
