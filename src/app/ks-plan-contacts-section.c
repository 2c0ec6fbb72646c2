/* ks-plan-contacts-section.c — the account's contacts, edited in the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The people of the account (kind contact; competitors and third parties
 * live on the power map only), an expander row each, whose entry rows (name,
 * title, department, phone, e-mail, channel, time zone) are built when it is
 * first opened. A change is saved when the row is applied or left; a contact
 * without a name, or with the name of another, is refused at the row. The
 * header's buttons activate the page's plan.open-map and plan.add-contact,
 * a row's trash button plan.remove-contact.
 */
#define G_LOG_DOMAIN "ks-plan-page"

#include "config.h"

#include "ks-plan-contacts-section.h"

#include <glib/gi18n.h>

#include "ks-app-util.h"
#include "ks-contact.h"
#include "ks-field-rows.h"

/* The contact fields the plan edits, in the order of their rows. */
typedef struct
{
  const char  *key;
  const char  *label;
  const char *(*get) (KsContact *contact);
  void        (*set) (KsContact *contact, const char *value);
} ContactField;

static const ContactField contact_fields[] = {
  { "name",       N_("Name"),              ks_contact_get_name,       ks_contact_set_name },
  { "title",      N_("Job Title"),         ks_contact_get_title,      ks_contact_set_title },
  { "department", N_("Department"),        ks_contact_get_department, ks_contact_set_department },
  { "phone",      N_("Phone"),             ks_contact_get_phone,      ks_contact_set_phone },
  { "email",      N_("E-mail"),            ks_contact_get_email,      ks_contact_set_email },
  { "channel",    N_("Preferred Channel"), ks_contact_get_channel,    ks_contact_set_channel },
  { "time_zone",  N_("Time Zone"),         ks_contact_get_time_zone,  ks_contact_set_time_zone },
};
#define N_CONTACT_FIELDS G_N_ELEMENTS (contact_fields)

/* One contact of the account: an expander row whose entry rows are built
 * when it is first opened. */
typedef struct
{
  KsPlanContactsSection *section;
  gint64          id;
  AdwExpanderRow *expander;                   /* owned */
  GtkWidget      *rows[N_CONTACT_FIELDS];     /* NULL until first expanded */
  GtkEventController *focus[N_CONTACT_FIELDS];   /* "leave" saves */
  char           *loaded[N_CONTACT_FIELDS];   /* the stored text each row shows */
  gboolean        built;
} ContactRec;

struct _KsPlanContactsSection
{
  AdwPreferencesGroup parent_instance;

  KsPlanContext     *ctx;
  GPtrArray         *recs;    /* of ContactRec, in the shown order */
  guint              cap;     /* contacts built so far (pending work) */
  GPtrArray         *dead;    /* of ContactRec: the previous account's */

  GtkWidget         *map_button;
  GtkWidget         *add_button;
  GtkWidget         *empty_row;
};

G_DEFINE_FINAL_TYPE (KsPlanContactsSection, ks_plan_contacts_section, ADW_TYPE_PREFERENCES_GROUP)

/* Helpers */
static void
contact_update_summary (ContactRec *rec,
                        KsContact  *contact)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);

  ks_string_append_part (subtitle, ks_contact_get_title (contact));
  ks_string_append_part (subtitle, ks_contact_get_department (contact));
  ks_string_append_part (subtitle, ks_contact_get_phone (contact));
  ks_string_append_part (subtitle, ks_contact_get_email (contact));
  if (*ks_plan_nonnull (ks_contact_get_channel (contact)))
    {
      g_autofree char *channel = g_strdup_printf (_("prefers %s"), ks_contact_get_channel (contact));

      ks_string_append_part (subtitle, channel);
    }
  ks_string_append_part (subtitle, ks_contact_get_time_zone (contact));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rec->expander), ks_contact_get_name (contact));
  adw_expander_row_set_subtitle (rec->expander, subtitle->str);
}

/* Shows what is stored; text being typed stays unless @replace. */
static void
contact_show (ContactRec *rec,
              KsContact  *contact,
              gboolean    replace)
{
  contact_update_summary (rec, contact);
  if (!rec->built)
    return;
  for (guint f = 0; f < N_CONTACT_FIELDS; f++)
    ks_field_row_show_value (ADW_ENTRY_ROW (rec->rows[f]), &rec->loaded[f],
                             ks_plan_nonnull (contact_fields[f].get (contact)), replace, &rec->section->ctx->updating);
}

static int
contact_row_field (ContactRec *rec,
                   GtkWidget  *row)
{
  for (guint f = 0; f < N_CONTACT_FIELDS; f++)
    if (rec->rows[f] == row)
      return f;
  return -1;
}

/* Another contact of the account (of any kind) called @name, ignoring case. */
static gboolean
contact_name_taken (KsPlanContactsSection *self,
                    gint64                 id,
                    const char            *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  guint n = self->ctx->contacts ? g_list_model_get_n_items (self->ctx->contacts) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsContact) contact = g_list_model_get_item (self->ctx->contacts, i);
      g_autofree char *other = g_utf8_casefold (ks_plan_nonnull (ks_contact_get_name (contact)), -1);

      if (ks_contact_get_id (contact) != id && g_strcmp0 (folded, other) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Saves the text of @row, one undo step; refused (and shown at the row) when
 * it leaves the contact without a name or gives it another's name. */
static void
contact_apply (ContactRec *rec,
               GtkWidget  *row)
{
  KsPlanContext *ctx = rec->section->ctx;
  int f = contact_row_field (rec, row);
  g_autofree char *text = NULL;
  g_autoptr(KsContact) contact = NULL;
  g_autoptr(GError) error = NULL;

  if (ctx->updating || f < 0 || !ctx->workspace)
    return;
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  if (g_str_equal (contact_fields[f].key, "name"))
    {
      g_strstrip (text);
      if (*text == '\0')
        {
          ks_row_set_error (ADW_PREFERENCES_ROW (row), _("A contact needs a name"));
          return;
        }
      if (contact_name_taken (rec->section, rec->id, text))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” already has a contact named “%s”"),
                                                      ks_plan_nonnull (ctx->account_name), text);

          ks_row_set_error (ADW_PREFERENCES_ROW (row), message);
          return;
        }
    }
  /* The contact is read again so the save keeps its other fields as stored
   * now; this field is saved only over the value the user started from, or
   * after they were told of another user's and pressed Enter again. A
   * second try covers another user's save between this read and the save
   * (refused as a conflict). */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      gboolean ok;

      g_clear_object (&contact);
      g_clear_error (&error);
      if (!(contact = ks_contact_load (ctx->workspace, rec->id, &error)))
        {
          if (error)
            ks_row_set_error (ADW_PREFERENCES_ROW (row), error->message);
          return;
        }
      if (!ks_field_row_check_base (ADW_ENTRY_ROW (row), &rec->loaded[f],
                                    ks_plan_nonnull (contact_fields[f].get (contact))))
        return;
      if (g_strcmp0 (ks_plan_nonnull (contact_fields[f].get (contact)), text) == 0)
        {
          ks_row_set_error (ADW_PREFERENCES_ROW (row), NULL);
          return;
        }
      contact_fields[f].set (contact, text);
      /* the section is shown again inside the save: the row then shows the
       * value as stored, which is this save's, not another user's */
      ks_field_row_set_saving (ADW_ENTRY_ROW (row), TRUE);
      ok = ks_contact_save (contact, ctx->workspace, &error);
      ks_field_row_set_saving (ADW_ENTRY_ROW (row), FALSE);
      if (ok)
        {
          ks_row_set_error (ADW_PREFERENCES_ROW (row), NULL);
          return;
        }
      if (attempt > 0 || !g_error_matches (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT))
        {
          ks_field_row_show_refusal (ADW_ENTRY_ROW (row), error);
          return;
        }
    }
}

static void
on_contact_apply (AdwEntryRow *row,
                  ContactRec  *rec)
{
  contact_apply (rec, GTK_WIDGET (row));
}

static void
on_contact_changed (AdwEntryRow *row,
                    ContactRec  *rec)
{
  int f = contact_row_field (rec, GTK_WIDGET (row));

  /* back to what is stored: nothing to refuse any more (another user's
   * change, once told, is what is stored: typing it answers it) */
  if (!rec->section->ctx->updating && f >= 0 && ks_row_has_error (ADW_PREFERENCES_ROW (row)) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), ks_plan_nonnull (rec->loaded[f])) == 0)
    ks_field_row_set_error (row, NULL);
}

static void
on_contact_focus_leave (GtkEventControllerFocus *focus,
                        ContactRec              *rec)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
  int f = contact_row_field (rec, row);

  /* another user's change shown at the row is replaced by Enter only, not
   * by moving on */
  if (f >= 0 && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), ks_plan_nonnull (rec->loaded[f])) != 0 &&
      !ks_field_row_has_conflict (ADW_ENTRY_ROW (row)))
    contact_apply (rec, row);
}

static void
contact_build (ContactRec *rec)
{
  g_autoptr(KsContact) contact = NULL;
  gboolean was = rec->section->ctx->updating;

  if (rec->built)
    return;
  rec->built = TRUE;
  for (guint f = 0; f < N_CONTACT_FIELDS; f++)
    {
      GtkWidget *row = adw_entry_row_new ();
      GtkEventController *focus = gtk_event_controller_focus_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(contact_fields[f].label));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set (row, "use-markup", FALSE, NULL);
      g_signal_connect (row, "apply", G_CALLBACK (on_contact_apply), rec);
      g_signal_connect (row, "changed", G_CALLBACK (on_contact_changed), rec);
      g_signal_connect (focus, "leave", G_CALLBACK (on_contact_focus_leave), rec);
      gtk_widget_add_controller (row, focus);
      rec->rows[f] = row;
      rec->focus[f] = focus;
      adw_expander_row_add_row (rec->expander, row);
    }
  rec->section->ctx->updating = TRUE;
  if ((contact = ks_plan_context_find_contact (rec->section->ctx, rec->id)))
    contact_show (rec, contact, TRUE);
  rec->section->ctx->updating = was;
}

static void
on_contact_expanded (AdwExpanderRow *expander,
                     GParamSpec     *pspec,
                     ContactRec     *rec)
{
  if (adw_expander_row_get_expanded (expander))
    contact_build (rec);
}

static void
contact_rec_free (gpointer data)
{
  ContactRec *rec = data;

  for (guint f = 0; f < N_CONTACT_FIELDS; f++)
    {
      if (rec->rows[f])
        g_signal_handlers_disconnect_by_data (rec->rows[f], rec);
      if (rec->focus[f])
        g_signal_handlers_disconnect_by_data (rec->focus[f], rec);
      g_free (rec->loaded[f]);
    }
  g_signal_handlers_disconnect_by_data (rec->expander, rec);
  g_clear_object (&rec->expander);
  g_free (rec);
}

static ContactRec *
contact_rec_new (KsPlanContactsSection *self,
                 gint64                 id)
{
  ContactRec *rec = g_new0 (ContactRec, 1);
  GtkWidget *button;

  rec->section = self;
  rec->id = id;
  rec->expander = ADW_EXPANDER_ROW (g_object_ref_sink (adw_expander_row_new ()));
  g_object_set (rec->expander, "use-markup", FALSE, NULL);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Contact"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Contact"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "plan.remove-contact");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  adw_expander_row_add_action (rec->expander, button);

  g_signal_connect (rec->expander, "notify::expanded", G_CALLBACK (on_contact_expanded), rec);
  return rec;
}

static ContactRec *
find_contact (KsPlanContactsSection *self,
              gint64                 id)
{
  for (guint i = 0; i < self->recs->len; i++)
    {
      ContactRec *rec = g_ptr_array_index (self->recs, i);

      if (rec->id == id)
        return rec;
    }
  return NULL;
}

/* GObject */

static void
ks_plan_contacts_section_dispose (GObject *object)
{
  KsPlanContactsSection *self = KS_PLAN_CONTACTS_SECTION (object);

  g_clear_pointer (&self->dead, g_ptr_array_unref);
  g_clear_pointer (&self->recs, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), KS_TYPE_PLAN_CONTACTS_SECTION);

  G_OBJECT_CLASS (ks_plan_contacts_section_parent_class)->dispose (object);
}

static void
ks_plan_contacts_section_class_init (KsPlanContactsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_plan_contacts_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ks-plan-contacts-section.ui");
  gtk_widget_class_bind_template_child (widget_class, KsPlanContactsSection, map_button);
  gtk_widget_class_bind_template_child (widget_class, KsPlanContactsSection, add_button);
  gtk_widget_class_bind_template_child (widget_class, KsPlanContactsSection, empty_row);
}

static void
ks_plan_contacts_section_init (KsPlanContactsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->recs = g_ptr_array_new_with_free_func (contact_rec_free);
  self->dead = g_ptr_array_new_with_free_func (contact_rec_free);
  self->cap = G_MAXUINT;
}

GtkWidget *
ks_plan_contacts_section_new (KsPlanContext *ctx,
                              const char    *title,
                              const char    *description)
{
  KsPlanContactsSection *self = g_object_new (KS_TYPE_PLAN_CONTACTS_SECTION,
                                              "title", title,
                                              "description", description,
                                              NULL);

  self->ctx = ctx;
  return GTK_WIDGET (self);
}

/* Brings the contact rows in step with the context's contacts: rows of
 * contacts that stay keep their widgets (and the focus, and text being typed). */
void
ks_plan_contacts_section_refresh (KsPlanContactsSection *self)
{
  KsPlanContext *ctx = self->ctx;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = ctx->contacts ? g_list_model_get_n_items (ctx->contacts) : 0;
  gboolean same;
  gboolean was = ctx->updating;

  for (guint i = 0; i < n; i++)
    {
      KsContact *contact = g_list_model_get_item (ctx->contacts, i);

      if (ks_contact_get_kind (contact) == KS_NODE_CONTACT)
        g_ptr_array_add (shown, contact);
      else
        g_object_unref (contact);
    }

  n = shown->len;
  if (shown->len > self->cap)
    g_ptr_array_set_size (shown, self->cap);
  same = self->recs->len == shown->len;
  for (guint i = 0; same && i < shown->len; i++)
    same = ((ContactRec *) g_ptr_array_index (self->recs, i))->id ==
           ks_contact_get_id (g_ptr_array_index (shown, i));
  if (!same)
    {
      g_autoptr(GHashTable) old = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, contact_rec_free);

      for (guint i = 0; i < self->recs->len; i++)
        {
          ContactRec *rec = g_ptr_array_index (self->recs, i);

          adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (rec->expander));
          if (ctx->defer)
            g_ptr_array_add (self->dead, rec);   /* another account's: freed after the next frame */
          else
            g_hash_table_insert (old, &rec->id, rec);
        }
      g_ptr_array_set_free_func (self->recs, NULL);
      g_ptr_array_set_size (self->recs, 0);
      g_ptr_array_set_free_func (self->recs, contact_rec_free);
      for (guint i = 0; i < shown->len; i++)
        {
          gint64 id = ks_contact_get_id (g_ptr_array_index (shown, i));
          ContactRec *rec = NULL;
          gpointer key;

          if (!g_hash_table_steal_extended (old, &id, &key, (gpointer *) &rec))
            rec = contact_rec_new (self, id);
          g_ptr_array_add (self->recs, rec);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (rec->expander));
        }
    }

  ctx->updating = TRUE;
  for (guint i = 0; i < shown->len; i++)
    contact_show (g_ptr_array_index (self->recs, i), g_ptr_array_index (shown, i), FALSE);
  ctx->updating = was;
  gtk_widget_set_visible (self->empty_row, n == 0);
  gtk_widget_set_sensitive (self->add_button,
                            ctx->workspace && ctx->account_id > 0 &&
                            !ks_workspace_is_read_only (ctx->workspace));
}

/* "New Contact", else "New Contact 2", 3, …: a name no contact of the account has. */
char *
ks_plan_contacts_section_new_contact_name (KsPlanContactsSection *self)
{
  char *name = g_strdup (_("New Contact"));

  for (guint i = 2; contact_name_taken (self, 0, name); i++)
    {
      g_free (name);
      /* Translators: the name of a contact added from the plan, when "New Contact" is taken */
      name = g_strdup_printf (_("New Contact %u"), i);
    }
  return name;
}

void
ks_plan_contacts_section_restart (KsPlanContactsSection *self)
{
  g_return_if_fail (KS_IS_PLAN_CONTACTS_SECTION (self));

  self->cap = KS_PLAN_FIRST_ROWS;
}

gboolean
ks_plan_contacts_section_has_pending (KsPlanContactsSection *self)
{
  g_return_val_if_fail (KS_IS_PLAN_CONTACTS_SECTION (self), FALSE);

  return self->cap != G_MAXUINT || self->dead->len > 0;
}

gboolean
ks_plan_contacts_section_build_step (KsPlanContactsSection *self)
{
  g_return_val_if_fail (KS_IS_PLAN_CONTACTS_SECTION (self), FALSE);

  if (self->cap == G_MAXUINT)
    return FALSE;
  self->cap = G_MAXUINT;
  ks_plan_contacts_section_refresh (self);
  return TRUE;
}

gboolean
ks_plan_contacts_section_free_step (KsPlanContactsSection *self)
{
  g_return_val_if_fail (KS_IS_PLAN_CONTACTS_SECTION (self), FALSE);

  return ks_plan_free_last (self->dead);
}

guint
ks_plan_contacts_section_get_n_contacts (KsPlanContactsSection *self)
{
  g_return_val_if_fail (KS_IS_PLAN_CONTACTS_SECTION (self), 0);

  return self->recs->len;
}

gboolean
ks_plan_contacts_section_has_contact (KsPlanContactsSection *self,
                                      gint64                 id)
{
  g_return_val_if_fail (KS_IS_PLAN_CONTACTS_SECTION (self), FALSE);

  return find_contact (self, id) != NULL;
}

GtkWidget *
ks_plan_contacts_section_open_contact (KsPlanContactsSection  *self,
                                       gint64                  id,
                                       const char             *key,
                                       GtkWidget             **expander)
{
  ContactRec *rec;

  g_return_val_if_fail (KS_IS_PLAN_CONTACTS_SECTION (self), NULL);

  if (!(rec = find_contact (self, id)))
    return NULL;
  for (guint f = 0; f < N_CONTACT_FIELDS; f++)
    if (g_strcmp0 (contact_fields[f].key, key) == 0)
      {
        adw_expander_row_set_expanded (rec->expander, TRUE);
        contact_build (rec);
        if (expander)
          *expander = GTK_WIDGET (rec->expander);
        return rec->rows[f];
      }
  return NULL;
}

GtkWidget *
ks_plan_contacts_section_get_map_button (KsPlanContactsSection *self)
{
  g_return_val_if_fail (KS_IS_PLAN_CONTACTS_SECTION (self), NULL);

  return self->map_button;
}
