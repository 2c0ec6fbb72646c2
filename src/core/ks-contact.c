/* ks-contact.c — a person on the customer's side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-contact"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <math.h>

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

  KsNodeKind      kind;
  KsDecisionPower power;
  KsRelationship  relationship;
  KsAttitude      attitude;
  KsLevel         level;
  KsBuyingRoles   roles;
  gint64          owner_id;
  char           *owner_name;
  char           *last_contact;
  double          x;
  double          y;
  gboolean        pinned;
  gint64          version;   /* of the row it was read from; 0 for a new one */
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
  PROP_KIND,
  PROP_POWER,
  PROP_RELATIONSHIP,
  PROP_ATTITUDE,
  PROP_LEVEL,
  PROP_ROLES,
  PROP_OWNER_ID,
  PROP_OWNER_NAME,
  PROP_LAST_CONTACT,
  PROP_X,
  PROP_Y,
  PROP_PINNED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KsContact, ks_contact, G_TYPE_OBJECT)

#define SELECT_CONTACT \
  "SELECT c.id, c.account_id, c.name, c.title, c.department, c.phone, c.email, c.channel," \
  "       c.time_zone, c.notes, c.kind, c.power, c.relationship, c.attitude, c.level, c.roles," \
  "       c.owner_id, coalesce (o.name, ''), c.last_contact, c.x, c.y, c.pinned, c.version" \
  "  FROM contacts c LEFT JOIN people o ON o.id = c.owner_id "

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
contact_from_row (KsStmt *stmt)
{
  KsContact *self = g_object_new (KS_TYPE_CONTACT, NULL);

  self->id = ks_stmt_column_int64 (stmt, 0);
  self->account_id = ks_stmt_column_int64 (stmt, 1);
  set_string (&self->name, ks_column_text (stmt, 2));
  set_string (&self->title, ks_column_text (stmt, 3));
  set_string (&self->department, ks_column_text (stmt, 4));
  set_string (&self->phone, ks_column_text (stmt, 5));
  set_string (&self->email, ks_column_text (stmt, 6));
  set_string (&self->channel, ks_column_text (stmt, 7));
  set_string (&self->time_zone, ks_column_text (stmt, 8));
  set_string (&self->notes, ks_column_text (stmt, 9));
  /* The schema's CHECKs keep these to known strings; anything else reads as the default. */
  if (!ks_node_kind_from_string (ks_column_text (stmt, 10), &self->kind))
    self->kind = KS_NODE_CONTACT;
  self->power = CLAMP (ks_stmt_column_int (stmt, 11), KS_POWER_UNKNOWN, KS_POWER_LOW);
  if (!ks_relationship_from_string (ks_column_text (stmt, 12), &self->relationship))
    self->relationship = KS_RELATIONSHIP_UNKNOWN;
  if (!ks_attitude_from_string (ks_column_text (stmt, 13), &self->attitude))
    self->attitude = KS_ATTITUDE_UNKNOWN;
  if (!ks_level_from_string (ks_column_text (stmt, 14), &self->level))
    self->level = KS_LEVEL_UNKNOWN;
  self->roles = ks_stmt_column_int (stmt, 15) & KS_BUYING_ROLES_ALL;
  self->owner_id = ks_stmt_column_int64 (stmt, 16);
  set_string (&self->owner_name, ks_column_text (stmt, 17));
  set_string (&self->last_contact, ks_column_text (stmt, 18));
  self->x = ks_column_double_or_nan (stmt, 19);
  self->y = ks_column_double_or_nan (stmt, 20);
  self->pinned = ks_stmt_column_int (stmt, 21) != 0;
  self->version = ks_stmt_column_int64 (stmt, 22);
  return self;
}

/* For messages; empty when unknown. */
static char *
account_name (KsWorkspace *workspace,
              gint64       account_id)
{
  KsStmt *stmt = ks_workspace_prepare (workspace, "SELECT name FROM accounts WHERE id = ?1", NULL);
  char *name = NULL;

  if (stmt)
    {
      ks_stmt_bind_int64 (stmt, 1, account_id);
      if (ks_stmt_step (stmt) == KS_STEP_ROW)
        name = g_strdup (ks_column_text (stmt, 0));
      ks_stmt_reset (stmt);
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
  g_free (self->owner_name);
  g_free (self->last_contact);

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
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_POWER: g_value_set_enum (value, self->power); break;
    case PROP_RELATIONSHIP: g_value_set_enum (value, self->relationship); break;
    case PROP_ATTITUDE: g_value_set_enum (value, self->attitude); break;
    case PROP_LEVEL: g_value_set_enum (value, self->level); break;
    case PROP_ROLES: g_value_set_flags (value, self->roles); break;
    case PROP_OWNER_ID: g_value_set_int64 (value, self->owner_id); break;
    case PROP_OWNER_NAME: g_value_set_string (value, self->owner_name); break;
    case PROP_LAST_CONTACT: g_value_set_string (value, self->last_contact); break;
    case PROP_X: g_value_set_double (value, self->x); break;
    case PROP_Y: g_value_set_double (value, self->y); break;
    case PROP_PINNED: g_value_set_boolean (value, self->pinned); break;
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
    case PROP_KIND: ks_contact_set_kind (self, g_value_get_enum (value)); break;
    case PROP_POWER: ks_contact_set_power (self, g_value_get_enum (value)); break;
    case PROP_RELATIONSHIP: ks_contact_set_relationship (self, g_value_get_enum (value)); break;
    case PROP_ATTITUDE: ks_contact_set_attitude (self, g_value_get_enum (value)); break;
    case PROP_LEVEL: ks_contact_set_level (self, g_value_get_enum (value)); break;
    case PROP_ROLES: ks_contact_set_roles (self, g_value_get_flags (value)); break;
    case PROP_OWNER_ID: ks_contact_set_owner_id (self, g_value_get_int64 (value)); break;
    case PROP_LAST_CONTACT: ks_contact_set_last_contact (self, g_value_get_string (value)); break;
    case PROP_X: ks_contact_set_position (self, g_value_get_double (value), self->y); break;
    case PROP_Y: ks_contact_set_position (self, self->x, g_value_get_double (value)); break;
    case PROP_PINNED: ks_contact_set_pinned (self, g_value_get_boolean (value)); break;
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
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, KS_TYPE_NODE_KIND, KS_NODE_CONTACT, rw);
  properties[PROP_POWER] = g_param_spec_enum ("power", NULL, NULL, KS_TYPE_DECISION_POWER,
                                              KS_POWER_UNKNOWN, rw);
  properties[PROP_RELATIONSHIP] = g_param_spec_enum ("relationship", NULL, NULL, KS_TYPE_RELATIONSHIP,
                                                     KS_RELATIONSHIP_UNKNOWN, rw);
  properties[PROP_ATTITUDE] = g_param_spec_enum ("attitude", NULL, NULL, KS_TYPE_ATTITUDE,
                                                 KS_ATTITUDE_UNKNOWN, rw);
  properties[PROP_LEVEL] = g_param_spec_enum ("level", NULL, NULL, KS_TYPE_LEVEL, KS_LEVEL_UNKNOWN, rw);
  properties[PROP_ROLES] = g_param_spec_flags ("roles", NULL, NULL, KS_TYPE_BUYING_ROLES, KS_ROLE_NONE, rw);
  properties[PROP_OWNER_ID] = g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, "", ro);
  properties[PROP_LAST_CONTACT] = g_param_spec_string ("last-contact", NULL, NULL, "", rw);
  properties[PROP_X] = g_param_spec_double ("x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, rw);
  properties[PROP_Y] = g_param_spec_double ("y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, rw);
  properties[PROP_PINNED] = g_param_spec_boolean ("pinned", NULL, NULL, FALSE, rw);
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
  self->owner_name = g_strdup ("");
  self->last_contact = g_strdup ("");
  self->x = NAN;
  self->y = NAN;
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
STRING_ACCESSORS (last_contact, PROP_LAST_CONTACT)

#define VALUE_ACCESSORS(Type, field, PROP)                                  \
  Type                                                                      \
  ks_contact_get_##field (KsContact *self)                                  \
  {                                                                         \
    g_return_val_if_fail (KS_IS_CONTACT (self), 0);                         \
    return self->field;                                                     \
  }                                                                         \
                                                                            \
  void                                                                      \
  ks_contact_set_##field (KsContact *self,                                  \
                          Type       value)                                 \
  {                                                                         \
    g_return_if_fail (KS_IS_CONTACT (self));                                \
    if (self->field == value)                                               \
      return;                                                               \
    self->field = value;                                                    \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);           \
  }

VALUE_ACCESSORS (KsNodeKind, kind, PROP_KIND)
VALUE_ACCESSORS (KsDecisionPower, power, PROP_POWER)
VALUE_ACCESSORS (KsRelationship, relationship, PROP_RELATIONSHIP)
VALUE_ACCESSORS (KsAttitude, attitude, PROP_ATTITUDE)
VALUE_ACCESSORS (KsLevel, level, PROP_LEVEL)
VALUE_ACCESSORS (KsBuyingRoles, roles, PROP_ROLES)

const char *
ks_contact_get_owner_name (KsContact *self)
{
  g_return_val_if_fail (KS_IS_CONTACT (self), NULL);
  return self->owner_name;
}

gint64
ks_contact_get_owner_id (KsContact *self)
{
  g_return_val_if_fail (KS_IS_CONTACT (self), 0);
  return self->owner_id;
}

void
ks_contact_set_owner_id (KsContact *self,
                         gint64     owner_id)
{
  g_return_if_fail (KS_IS_CONTACT (self));
  owner_id = MAX (owner_id, 0);
  if (self->owner_id == owner_id)
    return;
  self->owner_id = owner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

/* NaN equals NaN here: "still not placed" is no change. */
static gboolean
same_double (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

double
ks_contact_get_x (KsContact *self)
{
  g_return_val_if_fail (KS_IS_CONTACT (self), NAN);
  return self->x;
}

double
ks_contact_get_y (KsContact *self)
{
  g_return_val_if_fail (KS_IS_CONTACT (self), NAN);
  return self->y;
}

void
ks_contact_set_position (KsContact *self,
                         double     x,
                         double     y)
{
  gboolean x_changed, y_changed;

  g_return_if_fail (KS_IS_CONTACT (self));

  x_changed = !same_double (self->x, x);
  y_changed = !same_double (self->y, y);
  self->x = x;
  self->y = y;
  if (x_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_X]);
  if (y_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y]);
}

gboolean
ks_contact_get_pinned (KsContact *self)
{
  g_return_val_if_fail (KS_IS_CONTACT (self), FALSE);
  return self->pinned;
}

void
ks_contact_set_pinned (KsContact *self,
                       gboolean   pinned)
{
  g_return_if_fail (KS_IS_CONTACT (self));
  pinned = !!pinned;
  if (self->pinned == pinned)
    return;
  self->pinned = pinned;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PINNED]);
}

gint64
ks_contact_get_id (KsContact *self)
{
  g_return_val_if_fail (KS_IS_CONTACT (self), 0);
  return self->id;
}

gint64
ks_contact_get_version (KsContact *self)
{
  g_return_val_if_fail (KS_IS_CONTACT (self), 0);
  return self->version;
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
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  stmt = ks_workspace_prepare (workspace,
                               SELECT_CONTACT "WHERE c.account_id = ?1 ORDER BY c.name COLLATE NOCASE, c.name",
                               error);
  if (!stmt)
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    g_ptr_array_add (items, contact_from_row (stmt));
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
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
  KsStmt *stmt;
  KsContact *self = NULL;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(stmt = ks_workspace_prepare (workspace, SELECT_CONTACT "WHERE c.id = ?1", error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    self = contact_from_row (stmt);
  ks_stmt_reset (stmt);
  if (rc == KS_STEP_DONE)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no contact with id %" PRId64), id);
  else if (rc != KS_STEP_ROW)
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
  if ((guint) self->kind > KS_NODE_THIRD_PARTY)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s”: %d is not a kind of node (contact, competitor or third party)"),
                   self->name, (int) self->kind);
      return FALSE;
    }
  if ((guint) self->power > KS_POWER_LOW)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s”: decision power must be 1 (high), 2 (medium), 3 (low) or 0 (unknown), not %d"),
                   self->name, (int) self->power);
      return FALSE;
    }
  if ((guint) self->relationship > KS_RELATIONSHIP_POOR)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s”: %d is not a relationship quality"), self->name, (int) self->relationship);
      return FALSE;
    }
  if ((guint) self->attitude > KS_ATTITUDE_OPPONENT)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s”: %d is not an attitude"), self->name, (int) self->attitude);
      return FALSE;
    }
  if ((guint) self->level > KS_LEVEL_EXECUTIVE)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s”: %d is not a level"), self->name, (int) self->level);
      return FALSE;
    }
  if ((self->roles & ~KS_BUYING_ROLES_ALL) != 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s”: unknown buying roles (0x%x)"), self->name, (guint) self->roles);
      return FALSE;
    }
  if (*self->last_contact && !ks_iso_date_parse (self->last_contact, NULL))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s”: the last contact “%s” is not a date (use YYYY-MM-DD)"),
                   self->name, self->last_contact);
      return FALSE;
    }
  if (isinf (self->x) || isinf (self->y) || isnan (self->x) != isnan (self->y))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s”: a position needs two finite coordinates"), self->name);
      return FALSE;
    }
  return TRUE;
}

/* Another user's values where they differ from @mine, for the conflict
 * message: what a person reads on the map and in the contact's page. */
static GString *
conflict_theirs (KsContact *stored,
                 KsContact *mine)
{
  GString *theirs = g_string_new (NULL);

  ks_conflict_note (theirs, _("name"), stored->name, mine->name);
  ks_conflict_note (theirs, _("title"), stored->title, mine->title);
  ks_conflict_note (theirs, _("department"), stored->department, mine->department);
  ks_conflict_note (theirs, _("phone"), stored->phone, mine->phone);
  ks_conflict_note (theirs, _("email"), stored->email, mine->email);
  ks_conflict_note (theirs, _("channel"), stored->channel, mine->channel);
  ks_conflict_note (theirs, _("time zone"), stored->time_zone, mine->time_zone);
  ks_conflict_note (theirs, _("notes"), stored->notes, mine->notes);
  if (stored->relationship != mine->relationship)
    ks_conflict_note (theirs, _("relationship"), ks_relationship_label (stored->relationship), KS_CONFLICT_DIFFERENT);
  if (stored->attitude != mine->attitude)
    ks_conflict_note (theirs, _("attitude"), ks_attitude_label (stored->attitude), KS_CONFLICT_DIFFERENT);
  if (stored->level != mine->level)
    ks_conflict_note (theirs, _("level"), ks_level_label (stored->level), KS_CONFLICT_DIFFERENT);
  if (stored->power != mine->power)
    ks_conflict_note (theirs, _("decision power"), ks_decision_power_label (stored->power),
                      KS_CONFLICT_DIFFERENT);
  if (stored->roles != mine->roles)
    ks_conflict_note (theirs, _("buying roles"), NULL, KS_CONFLICT_DIFFERENT);
  if (stored->owner_id != mine->owner_id)
    ks_conflict_note (theirs, _("owner"), stored->owner_name, KS_CONFLICT_DIFFERENT);
  ks_conflict_note (theirs, _("last contact"), stored->last_contact, mine->last_contact);
  if (stored->x != mine->x || stored->y != mine->y || stored->pinned != mine->pinned)
    ks_conflict_note (theirs, _("place on the map"), _("moved"), KS_CONFLICT_DIFFERENT);
  return theirs;
}

/**
 * ks_contact_save:
 *
 * Inserts (id 0) or updates the whole row as one user action. Names are
 * unique within an account. A contact read from the workspace is saved only
 * over the version it was read at, as ks_account_save() does: otherwise
 * KS_WORKSPACE_ERROR_CONFLICT with the other user's values, and saving
 * again replaces them.
 */
static gboolean
contact_save_once (gpointer       object,
                   KsWorkspace   *workspace,
                   GError       **error)
{
  KsContact *self = object;
  KsStmt *stmt;
  gint64 new_version;
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

  /* Lines join contacts of one account: a contact that moves to another
   * account leaves its lines behind. */
  if (!inserting)
    {
      stmt = ks_workspace_prepare (workspace,
                                   "DELETE FROM contact_lines WHERE (from_id = ?1 OR to_id = ?1)"
                                   " AND account_id IS DISTINCT FROM ?2",
                                   error);
      if (!stmt)
        goto fail;
      ks_stmt_bind_int64 (stmt, 1, self->id);
      ks_stmt_bind_int64 (stmt, 2, self->account_id);
      if (!ks_workspace_step_done (workspace, stmt, _("save the contact"), error))
        goto fail;
    }

  if (inserting)
    stmt = ks_workspace_prepare (workspace,
                                 "INSERT INTO contacts (account_id, name, title, department, phone, email,"
                                 " channel, time_zone, notes, kind, power, relationship, attitude, level,"
                                 " roles, owner_id, last_contact, x, y, pinned)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?11, ?12, ?13, ?14, ?15,"
                                 " ?16, ?17, ?18, ?19, ?20, ?21)",
                                 error);
  else
    stmt = ks_workspace_prepare (workspace,
                                 "UPDATE contacts SET version = version + 1, account_id = ?1, name = ?2, title = ?3, department = ?4,"
                                 " phone = ?5, email = ?6, channel = ?7, time_zone = ?8, notes = ?9,"
                                 " kind = ?11, power = ?12, relationship = ?13, attitude = ?14, level = ?15,"
                                 " roles = ?16, owner_id = ?17, last_contact = ?18, x = ?19, y = ?20,"
                                 " pinned = ?21"
                                 " WHERE id = ?10 AND (?22 = 0 OR version = ?22)",
                                 error);
  if (!stmt)
    goto fail;

  name = g_strstrip (g_strdup (self->name));
  ks_stmt_bind_int64 (stmt, 1, self->account_id);
  ks_bind_text (stmt, 2, name);
  ks_bind_text (stmt, 3, self->title);
  ks_bind_text (stmt, 4, self->department);
  ks_bind_text (stmt, 5, self->phone);
  ks_bind_text (stmt, 6, self->email);
  ks_bind_text (stmt, 7, self->channel);
  ks_bind_text (stmt, 8, self->time_zone);
  ks_bind_text (stmt, 9, self->notes);
  if (!inserting)
    ks_stmt_bind_int64 (stmt, 10, self->id);
  ks_bind_text (stmt, 11, ks_node_kind_to_string (self->kind));
  ks_stmt_bind_int (stmt, 12, self->power);
  ks_bind_text (stmt, 13, ks_relationship_to_string (self->relationship));
  ks_bind_text (stmt, 14, ks_attitude_to_string (self->attitude));
  ks_bind_text (stmt, 15, ks_level_to_string (self->level));
  ks_stmt_bind_int (stmt, 16, self->roles);
  ks_bind_id (stmt, 17, self->owner_id);
  ks_bind_text_or_null (stmt, 18, self->last_contact);
  ks_bind_double_or_null (stmt, 19, self->x);
  ks_bind_double_or_null (stmt, 20, self->y);
  ks_stmt_bind_int (stmt, 21, self->pinned ? 1 : 0);
  if (!inserting)
    ks_stmt_bind_int64 (stmt, 22, self->version);

  if (!ks_workspace_step_done (workspace, stmt, _("save the contact"), &local_error))
    {
      int rc = ks_workspace_last_error (workspace);

      if (rc == KS_DB_ERROR_UNIQUE)
        {
          g_autofree char *account = account_name (workspace, self->account_id);
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("“%s” already has a contact named “%s”"), account, name);
        }
      else if (rc == KS_DB_ERROR_FOREIGN_KEY)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("The account or the owner of contact “%s” is not in the workspace"), name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  if (inserting)
    self->id = ks_workspace_last_insert_id (workspace);
  else if (ks_workspace_changes (workspace) == 0)
    {
      /* Deleted since it was loaded (another window, an undo), or changed
       * by another user since (a newer version). */
      g_autoptr(KsContact) stored = ks_contact_load (workspace, self->id, NULL);

      if (stored)
        {
          g_autoptr(GString) theirs = conflict_theirs (stored, self);

          ks_workspace_set_conflict (error, name, theirs);
          self->version = stored->version;   /* saving again replaces theirs */
        }
      else
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                     _("“%s” is no longer in the workspace"), name);
      goto fail;
    }
  /* The version this save made: one past the version it was checked
   * against, or, unchecked, as this transaction sees it (a read after the
   * commit could see a later save's). */
  new_version = inserting ? 1
                : self->version > 0 ? self->version + 1
                : ks_workspace_query_int (workspace, "SELECT version FROM contacts WHERE id = ?1",
                                          self->id, 0, _("read the contact"), error);
  if (new_version < 0)
    goto fail;
  if (!ks_workspace_commit (workspace, error))
    {
      if (inserting)
        self->id = 0;
      return FALSE;
    }
  self->version = new_version;

  ks_contact_set_name (self, name);
  /* Pick up the owner's name as stored. */
  {
    g_autoptr(KsContact) stored = ks_contact_load (workspace, self->id, NULL);
    if (stored && set_string (&self->owner_name, stored->owner_name))
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_NAME]);
  }
  if (inserting)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  return TRUE;

fail:
  ks_workspace_rollback (workspace);
  if (inserting)
    self->id = 0;
  return FALSE;
}

/* One user action, tried again when other users' transactions stood in its way. */
gboolean
ks_contact_save (KsContact    *self,
                 KsWorkspace  *workspace,
                 GError      **error)
{
  return ks_workspace_save_retrying (workspace, contact_save_once, self, error);
}

gboolean
ks_contact_delete (KsWorkspace  *workspace,
                   gint64        id,
                   GError      **error)
{
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_workspace_begin (workspace, _("Delete contact"), error))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM contacts WHERE id = ?1", error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  if (!ks_workspace_step_done (workspace, stmt, _("delete the contact"), error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

/**
 * ks_contact_find:
 * @name: an exact name, or one that matches a single contact of the account
 *   ignoring case
 *
 * Returns: (transfer full) (nullable): the contact; NULL with an error when
 *   there is none or the name is ambiguous
 */
KsContact *
ks_contact_find (KsWorkspace  *workspace,
                 gint64        account_id,
                 const char   *name,
                 GError      **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!(stmt = ks_workspace_prepare (workspace,
                                     SELECT_CONTACT "WHERE c.account_id = ?1 AND c.name = ?2",
                                     error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  ks_stmt_bind_text (stmt, 2, name);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    {
      KsContact *self = contact_from_row (stmt);
      ks_stmt_reset (stmt);
      return self;
    }
  ks_stmt_reset (stmt);

  if (!(stmt = ks_workspace_prepare (workspace,
                                     SELECT_CONTACT "WHERE c.account_id = ?1 ORDER BY c.name",
                                     error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  if (!ks_workspace_match_name (workspace, stmt, 2, name, (KsRowFunc) contact_from_row,
                                found, NULL, error))
    return NULL;
  if (found->len == 1)
    return g_object_ref (g_ptr_array_index (found, 0));
  if (found->len > 1)
    {
      g_autofree char *names = ks_quote_names (found, (KsNameFunc) ks_contact_get_name);
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s” could be %s; give the exact name"), name, names);
      return NULL;
    }
  g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
               _("There is no contact “%s” on this account"), name);
  return NULL;
}

static gboolean
store_positions_once (KsWorkspace   *workspace,
                      const gint64  *ids,
                      const double  *xs,
                      const double  *ys,
                      guint          n,
                      gboolean       keep_pinned,
                      const char    *label,
                      GError       **error)
{
  KsStmt *exists, *update;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (n == 0 || (ids && xs && ys), FALSE);

  for (guint i = 0; i < n; i++)
    if (isinf (xs[i]) || isinf (ys[i]) || isnan (xs[i]) != isnan (ys[i]))
      {
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("A position needs two finite coordinates"));
        return FALSE;
      }

  if (!ks_workspace_begin (workspace, label, error))
    return FALSE;
  if (!(exists = ks_workspace_prepare (workspace, "SELECT pinned FROM contacts WHERE id = ?1", error)))
    goto fail;
  if (!(update = ks_workspace_prepare (workspace,
                                       "UPDATE contacts SET version = version + 1, x = ?2, y = ?3"
                                       " WHERE id = ?1 AND (x IS DISTINCT FROM ?2 OR y IS DISTINCT FROM ?3)",
                                       error)))
    goto fail;
  for (guint i = 0; i < n; i++)
    {
      int rc;
      gboolean pinned;

      ks_stmt_bind_int64 (exists, 1, ids[i]);
      rc = ks_stmt_step (exists);
      pinned = rc == KS_STEP_ROW && ks_stmt_column_int (exists, 0) != 0;
      ks_stmt_reset (exists);
      if (rc == KS_STEP_DONE)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                       _("There is no contact with id %" PRId64), ids[i]);
          goto fail;
        }
      if (rc != KS_STEP_ROW)
        {
          ks_workspace_set_sql_error (workspace, error, _("move a contact"));
          goto fail;
        }
      if (keep_pinned && pinned)
        continue;
      ks_stmt_bind_int64 (update, 1, ids[i]);
      ks_bind_double_or_null (update, 2, xs[i]);
      ks_bind_double_or_null (update, 3, ys[i]);
      if (!ks_workspace_step_done (workspace, update, _("move a contact"), error))
        goto fail;
    }
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

/* One user action, tried again when other users' transactions stood in its way. */
static gboolean
store_positions (KsWorkspace   *workspace,
                 const gint64  *ids,
                 const double  *xs,
                 const double  *ys,
                 guint          n,
                 gboolean       keep_pinned,
                 const char    *label,
                 GError       **error)
{
  guint attempt = 0;
  gboolean ok;

  while (!(ok = store_positions_once (workspace, ids, xs, ys, n, keep_pinned, label, error)) &&
         ks_workspace_retry_busy (workspace, &attempt, error))
    ;
  return ok;
}

/**
 * ks_contact_move_many:
 *
 * Stores the positions of @n contacts (a dragged selection) as one undo
 * step. Pinned contacts move too: the user moved them.
 */
gboolean
ks_contact_move_many (KsWorkspace   *workspace,
                      const gint64  *ids,
                      const double  *xs,
                      const double  *ys,
                      guint          n,
                      GError       **error)
{
  return store_positions (workspace, ids, xs, ys, n, FALSE,
                          n == 1 ? _("Move contact") : _("Move contacts"), error);
}

/**
 * ks_contact_set_positions:
 *
 * Stores the positions a layout computed as one undo step; pinned contacts
 * keep theirs.
 */
gboolean
ks_contact_set_positions (KsWorkspace   *workspace,
                          const gint64  *ids,
                          const double  *xs,
                          const double  *ys,
                          guint          n,
                          GError       **error)
{
  return store_positions (workspace, ids, xs, ys, n, TRUE, _("Tidy layout"), error);
}
