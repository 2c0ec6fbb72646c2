/* ks-contact.c — a person on the customer's side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-contact"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-contact.h"
#include "ks-workspace-private.h"

struct _KsContact
{
  GObject  parent_instance;

  gint64   id;
  gint64   account_id;
  char    *name;
  char    *title;
  char    *department;
  char    *phone;
  char    *email;
  char    *channel;
  char    *time_zone;
  char    *notes;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_NAME,
  PROP_TITLE,
  PROP_DEPARTMENT,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_CHANNEL,
  PROP_TIME_ZONE,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KsContact, ks_contact, G_TYPE_OBJECT)

#define SELECT_CONTACT \
  "SELECT id, account_id, name, title, department, phone, email, channel, time_zone, notes" \
  "  FROM contacts "

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value ? value : "") == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value ? value : "");
  return TRUE;
}

static KsContact *
contact_from_row (sqlite3_stmt *stmt)
{
  KsContact *self = g_object_new (KS_TYPE_CONTACT, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->account_id = sqlite3_column_int64 (stmt, 1);
  set_string (&self->name, ks_column_text (stmt, 2));
  set_string (&self->title, ks_column_text (stmt, 3));
  set_string (&self->department, ks_column_text (stmt, 4));
  set_string (&self->phone, ks_column_text (stmt, 5));
  set_string (&self->email, ks_column_text (stmt, 6));
  set_string (&self->channel, ks_column_text (stmt, 7));
  set_string (&self->time_zone, ks_column_text (stmt, 8));
  set_string (&self->notes, ks_column_text (stmt, 9));
  return self;
}

/* For messages; empty when unknown. */
static char *
account_name (KsWorkspace *workspace,
              gint64       account_id)
{
  sqlite3_stmt *stmt = ks_workspace_prepare (workspace, "SELECT name FROM accounts WHERE id = ?1", NULL);
  char *name = NULL;

  if (stmt)
    {
      sqlite3_bind_int64 (stmt, 1, account_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = g_strdup (ks_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return name ? name : g_strdup ("");
}

static void
ks_contact_finalize (GObject *object)
{
  KsContact *self = KS_CONTACT (object);

  g_free (self->name);
  g_free (self->title);
  g_free (self->department);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->channel);
  g_free (self->time_zone);
  g_free (self->notes);

  G_OBJECT_CLASS (ks_contact_parent_class)->finalize (object);
}

static void
ks_contact_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KsContact *self = KS_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_ACCOUNT_ID: g_value_set_int64 (value, self->account_id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DEPARTMENT: g_value_set_string (value, self->department); break;
    case PROP_PHONE: g_value_set_string (value, self->phone); break;
    case PROP_EMAIL: g_value_set_string (value, self->email); break;
    case PROP_CHANNEL: g_value_set_string (value, self->channel); break;
    case PROP_TIME_ZONE: g_value_set_string (value, self->time_zone); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_contact_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KsContact *self = KS_CONTACT (object);

  switch (prop_id)
    {
    case PROP_NAME: ks_contact_set_name (self, g_value_get_string (value)); break;
    case PROP_TITLE: ks_contact_set_title (self, g_value_get_string (value)); break;
    case PROP_DEPARTMENT: ks_contact_set_department (self, g_value_get_string (value)); break;
    case PROP_PHONE: ks_contact_set_phone (self, g_value_get_string (value)); break;
    case PROP_EMAIL: ks_contact_set_email (self, g_value_get_string (value)); break;
    case PROP_CHANNEL: ks_contact_set_channel (self, g_value_get_string (value)); break;
    case PROP_TIME_ZONE: ks_contact_set_time_zone (self, g_value_get_string (value)); break;
    case PROP_NOTES: ks_contact_set_notes (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_contact_class_init (KsContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ks_contact_finalize;
  object_class->get_property = ks_contact_get_property;
  object_class->set_property = ks_contact_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACCOUNT_ID] = g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, "", rw);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, "", rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, "", rw);
  properties[PROP_CHANNEL] = g_param_spec_string ("channel", NULL, NULL, "", rw);
  properties[PROP_TIME_ZONE] = g_param_spec_string ("time-zone", NULL, NULL, "", rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ks_contact_init (KsContact *self)
{
  self->name = g_strdup ("");
  self->title = g_strdup ("");
  self->department = g_strdup ("");
  self->phone = g_strdup ("");
  self->email = g_strdup ("");
  self->channel = g_strdup ("");
  self->time_zone = g_strdup ("");
  self->notes = g_strdup ("");
}

KsContact *
ks_contact_new (gint64      account_id,
                const char *name)
{
  KsContact *self = g_object_new (KS_TYPE_CONTACT, NULL);

  self->account_id = MAX (account_id, 0);
  set_string (&self->name, name);
  return self;
}

#define STRING_ACCESSORS(field, PROP)                                       \
  const char *                                                              \
  ks_contact_get_##field (KsContact *self)                                  \
  {                                                                         \
    g_return_val_if_fail (KS_IS_CONTACT (self), NULL);                      \
    return self->field;                                                     \
  }                                                                         \
                                                                            \
  void                                                                      \
  ks_contact_set_##field (KsContact  *self,                                 \
                          const char *value)                                \
  {                                                                         \
    g_return_if_fail (KS_IS_CONTACT (self));                                \
    if (set_string (&self->field, value))                                   \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);         \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (department, PROP_DEPARTMENT)
STRING_ACCESSORS (phone, PROP_PHONE)
STRING_ACCESSORS (email, PROP_EMAIL)
STRING_ACCESSORS (channel, PROP_CHANNEL)
STRING_ACCESSORS (time_zone, PROP_TIME_ZONE)
STRING_ACCESSORS (notes, PROP_NOTES)

gint64
ks_contact_get_id (KsContact *self)
{
  g_return_val_if_fail (KS_IS_CONTACT (self), 0);
  return self->id;
}

gint64
ks_contact_get_account_id (KsContact *self)
{
  g_return_val_if_fail (KS_IS_CONTACT (self), 0);
  return self->account_id;
}

/**
 * ks_contact_list_for_account:
 *
 * Returns: (transfer full): a #GListModel of #KsContact sorted by name
 */
GListModel *
ks_contact_list_for_account (KsWorkspace  *workspace,
                             gint64        account_id,
                             GError      **error)
{
  g_autoptr(GListStore) store = g_list_store_new (KS_TYPE_CONTACT);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  stmt = ks_workspace_prepare (workspace,
                               SELECT_CONTACT "WHERE account_id = ?1 ORDER BY name COLLATE NOCASE, name",
                               error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, contact_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the contacts"));
      return NULL;
    }
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

KsContact *
ks_contact_load (KsWorkspace  *workspace,
                 gint64        id,
                 GError      **error)
{
  sqlite3_stmt *stmt;
  KsContact *self = NULL;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(stmt = ks_workspace_prepare (workspace, SELECT_CONTACT "WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    self = contact_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no contact with id %" G_GINT64_FORMAT), id);
  else if (rc != SQLITE_ROW)
    ks_workspace_set_sql_error (workspace, error, _("read a contact"));
  return self;
}

gboolean
ks_contact_validate (KsContact  *self,
                     GError    **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (KS_IS_CONTACT (self), FALSE);

  trimmed = g_strstrip (g_strdup (self->name));
  if (*trimmed == '\0')
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("A contact needs a name"));
      return FALSE;
    }
  if (self->account_id <= 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The contact “%s” needs an account"), self->name);
      return FALSE;
    }
  return TRUE;
}

/**
 * ks_contact_save:
 *
 * Inserts (id 0) or updates the whole row as one user action. Names are
 * unique within an account.
 */
gboolean
ks_contact_save (KsContact    *self,
                 KsWorkspace  *workspace,
                 GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean inserting;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KS_IS_CONTACT (self), FALSE);
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_contact_validate (self, error))
    return FALSE;

  inserting = self->id <= 0;
  if (!ks_workspace_begin (workspace, inserting ? _("Add contact") : _("Edit contact"), error))
    return FALSE;

  if (inserting)
    stmt = ks_workspace_prepare (workspace,
                                 "INSERT INTO contacts (account_id, name, title, department, phone, email,"
                                 " channel, time_zone, notes)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                 error);
  else
    stmt = ks_workspace_prepare (workspace,
                                 "UPDATE contacts SET account_id = ?1, name = ?2, title = ?3, department = ?4,"
                                 " phone = ?5, email = ?6, channel = ?7, time_zone = ?8, notes = ?9"
                                 " WHERE id = ?10",
                                 error);
  if (!stmt)
    goto fail;

  name = g_strstrip (g_strdup (self->name));
  sqlite3_bind_int64 (stmt, 1, self->account_id);
  ks_bind_text (stmt, 2, name);
  ks_bind_text (stmt, 3, self->title);
  ks_bind_text (stmt, 4, self->department);
  ks_bind_text (stmt, 5, self->phone);
  ks_bind_text (stmt, 6, self->email);
  ks_bind_text (stmt, 7, self->channel);
  ks_bind_text (stmt, 8, self->time_zone);
  ks_bind_text (stmt, 9, self->notes);
  if (!inserting)
    sqlite3_bind_int64 (stmt, 10, self->id);

  if (!ks_workspace_step_done (workspace, stmt, _("save the contact"), &local_error))
    {
      int rc = sqlite3_extended_errcode (ks_workspace_get_db (workspace));

      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_autofree char *account = account_name (workspace, self->account_id);
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("“%s” already has a contact named “%s”"), account, name);
        }
      else if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("The account of contact “%s” is not in the workspace"), name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  if (inserting)
    self->id = sqlite3_last_insert_rowid (ks_workspace_get_db (workspace));
  else if (sqlite3_changes (ks_workspace_get_db (workspace)) == 0)
    {
      /* Deleted since it was loaded (another window, an undo). */
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("“%s” is no longer in the workspace"), name);
      goto fail;
    }
  if (!ks_workspace_commit (workspace, error))
    {
      if (inserting)
        self->id = 0;
      return FALSE;
    }

  ks_contact_set_name (self, name);
  if (inserting)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  return TRUE;

fail:
  ks_workspace_rollback (workspace);
  if (inserting)
    self->id = 0;
  return FALSE;
}

gboolean
ks_contact_delete (KsWorkspace  *workspace,
                   gint64        id,
                   GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_workspace_begin (workspace, _("Delete contact"), error))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM contacts WHERE id = ?1", error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ks_workspace_step_done (workspace, stmt, _("delete the contact"), error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}
