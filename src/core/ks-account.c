/* ks-account.c — a customer account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-account"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ks-account.h"
#include "ks-workspace-private.h"

struct _KsAccount
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  gint64   parent_id;
  char    *parent_name;
  char    *sector;
  char    *country;
  char    *time_zone;
  gint     year_established;
  double   revenue;
  gint64   employees;
  gint64   owner_id;
  char    *owner_name;
  char    *segment;
  char    *lifecycle;
  char    *notes;
  gint64   version;   /* of the row it was read from; 0 for a new one */
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PARENT_ID,
  PROP_PARENT_NAME,
  PROP_SECTOR,
  PROP_COUNTRY,
  PROP_TIME_ZONE,
  PROP_YEAR_ESTABLISHED,
  PROP_REVENUE,
  PROP_EMPLOYEES,
  PROP_OWNER_ID,
  PROP_OWNER_NAME,
  PROP_SEGMENT,
  PROP_LIFECYCLE,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KsAccount, ks_account, G_TYPE_OBJECT)

static const char *const segments[] = { KS_SEGMENT_KEY, KS_SEGMENT_IMPORTANT, KS_SEGMENT_NORMAL, NULL };
static const char *const lifecycles[] = { "acquisition", "development", "retention", "win-back", NULL };

#define SELECT_ACCOUNT \
  "SELECT a.id, a.name, a.parent_id, coalesce (p.name, ''), a.sector, a.country, a.time_zone," \
  "       a.year_established, a.revenue, a.employees, a.owner_id, coalesce (o.name, '')," \
  "       a.segment, a.lifecycle, a.notes, a.version" \
  "  FROM accounts a" \
  "  LEFT JOIN accounts p ON p.id = a.parent_id" \
  "  LEFT JOIN people o ON o.id = a.owner_id "

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

static KsAccount *
account_from_row (KsStmt *stmt)
{
  KsAccount *self = g_object_new (KS_TYPE_ACCOUNT, NULL);

  self->id = ks_stmt_column_int64 (stmt, 0);
  set_string (&self->name, ks_column_text (stmt, 1));
  self->parent_id = ks_stmt_column_int64 (stmt, 2);
  set_string (&self->parent_name, ks_column_text (stmt, 3));
  set_string (&self->sector, ks_column_text (stmt, 4));
  set_string (&self->country, ks_column_text (stmt, 5));
  set_string (&self->time_zone, ks_column_text (stmt, 6));
  self->year_established = ks_stmt_column_is_null (stmt, 7) ? -1 : ks_stmt_column_int (stmt, 7);
  self->revenue = ks_column_double_or_nan (stmt, 8);
  self->employees = ks_stmt_column_is_null (stmt, 9) ? -1 : ks_stmt_column_int64 (stmt, 9);
  self->owner_id = ks_stmt_column_int64 (stmt, 10);
  set_string (&self->owner_name, ks_column_text (stmt, 11));
  set_string (&self->segment, ks_column_text (stmt, 12));
  set_string (&self->lifecycle, ks_column_text (stmt, 13));
  set_string (&self->notes, ks_column_text (stmt, 14));
  self->version = ks_stmt_column_int64 (stmt, 15);
  return self;
}

/* Refuses a parent that is the account itself or one of its descendants. */
static gboolean
check_parent (KsAccount    *self,
              KsWorkspace  *workspace,
              GError      **error)
{
  KsStmt *stmt;
  gboolean cycle = FALSE;
  int rc;

  if (self->parent_id <= 0 || self->id <= 0)
    return TRUE;
  stmt = ks_workspace_prepare (workspace,
                               "WITH RECURSIVE up (id) AS ("
                               "  SELECT ?1"
                               "  UNION SELECT a.parent_id FROM accounts a JOIN up ON a.id = up.id"
                               "   WHERE a.parent_id IS NOT NULL)"
                               "SELECT count(*) FROM up WHERE id = ?2",
                               error);
  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, self->parent_id);
  ks_stmt_bind_int64 (stmt, 2, self->id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    cycle = ks_stmt_column_int (stmt, 0) > 0;
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_ROW)
    {
      ks_workspace_set_sql_error (workspace, error, _("check the parent account"));
      return FALSE;
    }
  if (cycle)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s” cannot be its own parent, directly or through its subsidiaries"),
                   self->name);
      return FALSE;
    }
  return TRUE;
}

static void
ks_account_finalize (GObject *object)
{
  KsAccount *self = KS_ACCOUNT (object);

  g_free (self->name);
  g_free (self->parent_name);
  g_free (self->sector);
  g_free (self->country);
  g_free (self->time_zone);
  g_free (self->owner_name);
  g_free (self->segment);
  g_free (self->lifecycle);
  g_free (self->notes);

  G_OBJECT_CLASS (ks_account_parent_class)->finalize (object);
}

static void
ks_account_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KsAccount *self = KS_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_PARENT_ID: g_value_set_int64 (value, self->parent_id); break;
    case PROP_PARENT_NAME: g_value_set_string (value, self->parent_name); break;
    case PROP_SECTOR: g_value_set_string (value, self->sector); break;
    case PROP_COUNTRY: g_value_set_string (value, self->country); break;
    case PROP_TIME_ZONE: g_value_set_string (value, self->time_zone); break;
    case PROP_YEAR_ESTABLISHED: g_value_set_int (value, self->year_established); break;
    case PROP_REVENUE: g_value_set_double (value, self->revenue); break;
    case PROP_EMPLOYEES: g_value_set_int64 (value, self->employees); break;
    case PROP_OWNER_ID: g_value_set_int64 (value, self->owner_id); break;
    case PROP_OWNER_NAME: g_value_set_string (value, self->owner_name); break;
    case PROP_SEGMENT: g_value_set_string (value, self->segment); break;
    case PROP_LIFECYCLE: g_value_set_string (value, self->lifecycle); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_account_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KsAccount *self = KS_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_NAME: ks_account_set_name (self, g_value_get_string (value)); break;
    case PROP_PARENT_ID: ks_account_set_parent_id (self, g_value_get_int64 (value)); break;
    case PROP_SECTOR: ks_account_set_sector (self, g_value_get_string (value)); break;
    case PROP_COUNTRY: ks_account_set_country (self, g_value_get_string (value)); break;
    case PROP_TIME_ZONE: ks_account_set_time_zone (self, g_value_get_string (value)); break;
    case PROP_YEAR_ESTABLISHED: ks_account_set_year_established (self, g_value_get_int (value)); break;
    case PROP_REVENUE: ks_account_set_revenue (self, g_value_get_double (value)); break;
    case PROP_EMPLOYEES: ks_account_set_employees (self, g_value_get_int64 (value)); break;
    case PROP_OWNER_ID: ks_account_set_owner_id (self, g_value_get_int64 (value)); break;
    case PROP_SEGMENT: ks_account_set_segment (self, g_value_get_string (value)); break;
    case PROP_LIFECYCLE: ks_account_set_lifecycle (self, g_value_get_string (value)); break;
    case PROP_NOTES: ks_account_set_notes (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_account_class_init (KsAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ks_account_finalize;
  object_class->get_property = ks_account_get_property;
  object_class->set_property = ks_account_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_PARENT_ID] = g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PARENT_NAME] = g_param_spec_string ("parent-name", NULL, NULL, "", ro);
  properties[PROP_SECTOR] = g_param_spec_string ("sector", NULL, NULL, "", rw);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, "", rw);
  properties[PROP_TIME_ZONE] = g_param_spec_string ("time-zone", NULL, NULL, "", rw);
  properties[PROP_YEAR_ESTABLISHED] = g_param_spec_int ("year-established", NULL, NULL, -1, 9999, -1, rw);
  properties[PROP_REVENUE] = g_param_spec_double ("revenue", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, rw);
  properties[PROP_EMPLOYEES] = g_param_spec_int64 ("employees", NULL, NULL, -1, G_MAXINT64, -1, rw);
  properties[PROP_OWNER_ID] = g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, "", ro);
  properties[PROP_SEGMENT] = g_param_spec_string ("segment", NULL, NULL, KS_SEGMENT_NORMAL, rw);
  properties[PROP_LIFECYCLE] = g_param_spec_string ("lifecycle", NULL, NULL, "development", rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ks_account_init (KsAccount *self)
{
  self->name = g_strdup ("");
  self->parent_name = g_strdup ("");
  self->sector = g_strdup ("");
  self->country = g_strdup ("");
  self->time_zone = g_strdup ("");
  self->owner_name = g_strdup ("");
  self->segment = g_strdup (KS_SEGMENT_NORMAL);
  self->lifecycle = g_strdup ("development");
  self->notes = g_strdup ("");
  self->year_established = -1;
  self->revenue = NAN;
  self->employees = -1;
}

KsAccount *
ks_account_new (const char *name)
{
  KsAccount *self = g_object_new (KS_TYPE_ACCOUNT, NULL);
  set_string (&self->name, name);
  return self;
}

/**
 * ks_account_copy:
 *
 * Returns: (transfer full): an independent copy, same id
 */
KsAccount *
ks_account_copy (KsAccount *self)
{
  KsAccount *copy;

  g_return_val_if_fail (KS_IS_ACCOUNT (self), NULL);

  copy = ks_account_new (self->name);
  copy->id = self->id;
  copy->parent_id = self->parent_id;
  set_string (&copy->parent_name, self->parent_name);
  set_string (&copy->sector, self->sector);
  set_string (&copy->country, self->country);
  set_string (&copy->time_zone, self->time_zone);
  copy->year_established = self->year_established;
  copy->revenue = self->revenue;
  copy->employees = self->employees;
  copy->owner_id = self->owner_id;
  set_string (&copy->owner_name, self->owner_name);
  set_string (&copy->segment, self->segment);
  set_string (&copy->lifecycle, self->lifecycle);
  set_string (&copy->notes, self->notes);
  copy->version = self->version;
  return copy;
}

#define STRING_ACCESSORS(field, PROP)                                       \
  const char *                                                              \
  ks_account_get_##field (KsAccount *self)                                  \
  {                                                                         \
    g_return_val_if_fail (KS_IS_ACCOUNT (self), NULL);                      \
    return self->field;                                                     \
  }

#define STRING_SETTER(field, PROP)                                          \
  void                                                                      \
  ks_account_set_##field (KsAccount  *self,                                 \
                          const char *value)                                \
  {                                                                         \
    g_return_if_fail (KS_IS_ACCOUNT (self));                                \
    if (set_string (&self->field, value))                                   \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);         \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_SETTER (name, PROP_NAME)
STRING_ACCESSORS (parent_name, PROP_PARENT_NAME)
STRING_ACCESSORS (sector, PROP_SECTOR)
STRING_SETTER (sector, PROP_SECTOR)
STRING_ACCESSORS (country, PROP_COUNTRY)
STRING_SETTER (country, PROP_COUNTRY)
STRING_ACCESSORS (time_zone, PROP_TIME_ZONE)
STRING_SETTER (time_zone, PROP_TIME_ZONE)
STRING_ACCESSORS (owner_name, PROP_OWNER_NAME)
STRING_ACCESSORS (segment, PROP_SEGMENT)
STRING_SETTER (segment, PROP_SEGMENT)
STRING_ACCESSORS (lifecycle, PROP_LIFECYCLE)
STRING_SETTER (lifecycle, PROP_LIFECYCLE)
STRING_ACCESSORS (notes, PROP_NOTES)
STRING_SETTER (notes, PROP_NOTES)

gint64
ks_account_get_id (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), 0);
  return self->id;
}

gint64
ks_account_get_version (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), 0);
  return self->version;
}

gint64
ks_account_get_parent_id (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), 0);
  return self->parent_id;
}

void
ks_account_set_parent_id (KsAccount *self,
                          gint64     parent_id)
{
  g_return_if_fail (KS_IS_ACCOUNT (self));
  parent_id = MAX (parent_id, 0);
  if (self->parent_id == parent_id)
    return;
  self->parent_id = parent_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
}

gint
ks_account_get_year_established (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), -1);
  return self->year_established;
}

void
ks_account_set_year_established (KsAccount *self,
                                 gint       year)
{
  g_return_if_fail (KS_IS_ACCOUNT (self));
  year = year < 0 ? -1 : year;
  if (self->year_established == year)
    return;
  self->year_established = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR_ESTABLISHED]);
}

double
ks_account_get_revenue (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), NAN);
  return self->revenue;
}

void
ks_account_set_revenue (KsAccount *self,
                        double     revenue)
{
  g_return_if_fail (KS_IS_ACCOUNT (self));
  if (self->revenue == revenue || (isnan (self->revenue) && isnan (revenue)))
    return;
  self->revenue = revenue;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVENUE]);
}

gint64
ks_account_get_employees (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), -1);
  return self->employees;
}

void
ks_account_set_employees (KsAccount *self,
                          gint64     employees)
{
  g_return_if_fail (KS_IS_ACCOUNT (self));
  employees = employees < 0 ? -1 : employees;
  if (self->employees == employees)
    return;
  self->employees = employees;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPLOYEES]);
}

gint64
ks_account_get_owner_id (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), 0);
  return self->owner_id;
}

void
ks_account_set_owner_id (KsAccount *self,
                         gint64     owner_id)
{
  g_return_if_fail (KS_IS_ACCOUNT (self));
  owner_id = MAX (owner_id, 0);
  if (self->owner_id == owner_id)
    return;
  self->owner_id = owner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

/**
 * ks_account_list:
 *
 * Returns: (transfer full): a #GListModel of #KsAccount sorted by name
 */
GListModel *
ks_account_list (KsWorkspace  *workspace,
                 GError      **error)
{
  g_autoptr(GListStore) store = g_list_store_new (KS_TYPE_ACCOUNT);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  stmt = ks_workspace_prepare (workspace, SELECT_ACCOUNT "ORDER BY a.name COLLATE NOCASE, a.name", error);
  if (!stmt)
    return NULL;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    g_ptr_array_add (items, account_from_row (stmt));
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the accounts"));
      return NULL;
    }
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

KsAccount *
ks_account_load (KsWorkspace  *workspace,
                 gint64        id,
                 GError      **error)
{
  KsStmt *stmt;
  KsAccount *self = NULL;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(stmt = ks_workspace_prepare (workspace, SELECT_ACCOUNT "WHERE a.id = ?1", error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    self = account_from_row (stmt);
  ks_stmt_reset (stmt);
  if (rc == KS_STEP_DONE)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no account with id %lld"), (long long) id);
  else if (rc != KS_STEP_ROW)
    ks_workspace_set_sql_error (workspace, error, _("read an account"));
  return self;
}

/**
 * ks_account_find:
 * @name: an exact name, or one that matches a single account ignoring case
 *
 * Returns: (transfer full) (nullable): the account; an unknown or ambiguous
 *   name is an error that lists candidates
 */
gboolean
ks_account_any (KsWorkspace *workspace)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  return ks_workspace_query_int (workspace, "SELECT count(*) FROM (SELECT 1 FROM accounts LIMIT 1) AS t",
                                 0, 0, NULL, NULL) > 0;
}

KsAccount *
ks_account_find (KsWorkspace  *workspace,
                 const char   *name,
                 GError      **error)
{
  KsStmt *stmt;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) similar = g_string_new (NULL);
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!(stmt = ks_workspace_prepare (workspace, SELECT_ACCOUNT "WHERE a.name = ?1", error)))
    return NULL;
  ks_stmt_bind_text (stmt, 1, name);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    {
      KsAccount *self = account_from_row (stmt);
      ks_stmt_reset (stmt);
      return self;
    }
  ks_stmt_reset (stmt);

  /* Case-insensitively (SQLite folds ASCII only). */
  if (!(stmt = ks_workspace_prepare (workspace, SELECT_ACCOUNT "ORDER BY a.name", error)) ||
      !ks_workspace_match_name (workspace, stmt, 1, name, (KsRowFunc) account_from_row,
                                found, similar, error))
    return NULL;
  if (found->len == 1)
    return g_object_ref (g_ptr_array_index (found, 0));
  if (found->len > 1)
    {
      g_autofree char *names = ks_quote_names (found, (KsNameFunc) ks_account_get_name);
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("The account name “%s” is ambiguous: %s"), name, names);
    }
  else if (similar->len > 0)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no account “%s”; similar names: %s"), name, similar->str);
  else
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no account “%s”"), name);
  return NULL;
}

gboolean
ks_account_validate (KsAccount  *self,
                     GError    **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (KS_IS_ACCOUNT (self), FALSE);

  trimmed = g_strstrip (g_strdup (self->name));
  if (*trimmed == '\0')
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("An account needs a name"));
      return FALSE;
    }
  if (!g_strv_contains (segments, self->segment))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not a segment (use key, important or normal)"), self->segment);
      return FALSE;
    }
  if (!g_strv_contains (lifecycles, self->lifecycle))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not a lifecycle stage (use acquisition, development, retention or win-back)"),
                   self->lifecycle);
      return FALSE;
    }
  if (!isnan (self->revenue) && (self->revenue < 0 || !isfinite (self->revenue)))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("Revenue cannot be negative"));
      return FALSE;
    }
  if (self->year_established > 9999)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("%d is not a year"), self->year_established);
      return FALSE;
    }
  if (self->id > 0 && self->parent_id == self->id)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s” cannot be its own parent"), self->name);
      return FALSE;
    }
  return TRUE;
}

/* Another user's values where they differ from @mine, for the conflict message. */
static GString *
conflict_theirs (KsAccount *stored,
                 KsAccount *mine)
{
  GString *theirs = g_string_new (NULL);
  g_autofree char *their_revenue = isnan (stored->revenue) ? g_strdup ("") : g_strdup_printf ("%.15g", stored->revenue);
  g_autofree char *my_revenue = isnan (mine->revenue) ? g_strdup ("") : g_strdup_printf ("%.15g", mine->revenue);
  g_autofree char *their_employees = stored->employees < 0 ? g_strdup ("") : g_strdup_printf ("%" G_GINT64_FORMAT, stored->employees);
  g_autofree char *my_employees = mine->employees < 0 ? g_strdup ("") : g_strdup_printf ("%" G_GINT64_FORMAT, mine->employees);
  g_autofree char *their_year = stored->year_established < 0 ? g_strdup ("") : g_strdup_printf ("%d", stored->year_established);
  g_autofree char *my_year = mine->year_established < 0 ? g_strdup ("") : g_strdup_printf ("%d", mine->year_established);

  ks_conflict_note (theirs, _("name"), stored->name, mine->name);
  if (stored->parent_id != mine->parent_id)
    ks_conflict_note (theirs, _("parent"), stored->parent_name, KS_CONFLICT_DIFFERENT);
  ks_conflict_note (theirs, _("sector"), stored->sector, mine->sector);
  ks_conflict_note (theirs, _("country"), stored->country, mine->country);
  ks_conflict_note (theirs, _("time zone"), stored->time_zone, mine->time_zone);
  ks_conflict_note (theirs, _("year established"), their_year, my_year);
  ks_conflict_note (theirs, _("revenue"), their_revenue, my_revenue);
  ks_conflict_note (theirs, _("employees"), their_employees, my_employees);
  if (stored->owner_id != mine->owner_id)
    ks_conflict_note (theirs, _("owner"), stored->owner_name, KS_CONFLICT_DIFFERENT);
  ks_conflict_note (theirs, _("segment"), stored->segment, mine->segment);
  ks_conflict_note (theirs, _("lifecycle"), stored->lifecycle, mine->lifecycle);
  ks_conflict_note (theirs, _("notes"), stored->notes, mine->notes);
  return theirs;
}

/**
 * ks_account_save:
 *
 * Inserts (id 0) or updates the whole row as one user action. On success the
 * object holds the stored row (new id, parent and owner names, version).
 *
 * An account read from the workspace carries the version of its row; when
 * another user has changed the row since, nothing is saved, the error is
 * KS_WORKSPACE_ERROR_CONFLICT with their values, and the object keeps the
 * caller's values but takes the row's new version: saving it again replaces
 * theirs. A new #KsAccount given an id by hand (version 0) saves unchecked.
 */
static gboolean
account_save_once (gpointer       object,
                   KsWorkspace   *workspace,
                   GError       **error)
{
  KsAccount *self = object;
  KsStmt *stmt;
  gint64 new_version;
  gboolean inserting;
  g_autoptr(KsAccount) stored = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KS_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_account_validate (self, error))
    return FALSE;

  inserting = self->id <= 0;
  if (!ks_workspace_begin (workspace, inserting ? _("Add account") : _("Edit account"), error))
    return FALSE;
  if (!check_parent (self, workspace, error))
    goto fail;

  if (inserting)
    stmt = ks_workspace_prepare (workspace,
                                 "INSERT INTO accounts (name, parent_id, sector, country, time_zone,"
                                 " year_established, revenue, employees, owner_id, segment, lifecycle, notes)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                 error);
  else
    stmt = ks_workspace_prepare (workspace,
                                 "UPDATE accounts SET version = version + 1, name = ?1, parent_id = ?2, sector = ?3, country = ?4,"
                                 " time_zone = ?5, year_established = ?6, revenue = ?7, employees = ?8,"
                                 " owner_id = ?9, segment = ?10, lifecycle = ?11, notes = ?12"
                                 " WHERE id = ?13 AND (?14 = 0 OR version = ?14)",
                                 error);
  if (!stmt)
    goto fail;

  {
    g_autofree char *name = g_strstrip (g_strdup (self->name));
    ks_bind_text (stmt, 1, name);
  }
  ks_bind_id (stmt, 2, self->parent_id);
  ks_bind_text (stmt, 3, self->sector);
  ks_bind_text (stmt, 4, self->country);
  ks_bind_text (stmt, 5, self->time_zone);
  if (self->year_established >= 0)
    ks_stmt_bind_int (stmt, 6, self->year_established);
  else
    ks_stmt_bind_null (stmt, 6);
  ks_bind_double_or_null (stmt, 7, self->revenue);
  if (self->employees >= 0)
    ks_stmt_bind_int64 (stmt, 8, self->employees);
  else
    ks_stmt_bind_null (stmt, 8);
  ks_bind_id (stmt, 9, self->owner_id);
  ks_bind_text (stmt, 10, self->segment);
  ks_bind_text (stmt, 11, self->lifecycle);
  ks_bind_text (stmt, 12, self->notes);
  if (!inserting)
    {
      ks_stmt_bind_int64 (stmt, 13, self->id);
      ks_stmt_bind_int64 (stmt, 14, self->version);
    }

  if (!ks_workspace_step_done (workspace, stmt, _("save the account"), &local_error))
    {
      int rc = ks_workspace_last_error (workspace);

      if (rc == KS_DB_ERROR_UNIQUE)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("There is already an account named “%s”"), self->name);
      else if (rc == KS_DB_ERROR_FOREIGN_KEY)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("The parent account or the owner of “%s” no longer exists"), self->name);
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
      if ((stored = ks_account_load (workspace, self->id, NULL)))
        {
          g_autoptr(GString) theirs = conflict_theirs (stored, self);

          ks_workspace_set_conflict (error, self->name, theirs);
          self->version = stored->version;   /* saving again replaces theirs */
        }
      else
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                     _("“%s” is no longer in the workspace"), self->name);
      goto fail;
    }
  /* The version this save made: one past the version it was checked
   * against, or, unchecked, as this transaction sees it (a read after the
   * commit could see a later save's). */
  new_version = inserting ? 1
                : self->version > 0 ? self->version + 1
                : ks_workspace_query_int (workspace, "SELECT version FROM accounts WHERE id = ?1",
                                          self->id, 0, _("read the account"), error);
  if (new_version < 0)
    goto fail;
  if (!ks_workspace_commit (workspace, error))
    return FALSE;
  self->version = new_version;

  /* Pick up the joined names (parent, owner) as stored. */
  if ((stored = ks_account_load (workspace, self->id, NULL)))
    {
      if (set_string (&self->parent_name, stored->parent_name))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_NAME]);
      if (set_string (&self->owner_name, stored->owner_name))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_NAME]);
      ks_account_set_name (self, stored->name);
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
ks_account_save (KsAccount    *self,
                 KsWorkspace  *workspace,
                 GError      **error)
{
  return ks_workspace_save_retrying (workspace, account_save_once, self, error);
}

gboolean
ks_account_delete (KsWorkspace  *workspace,
                   gint64        id,
                   GError      **error)
{
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_workspace_begin (workspace, _("Delete account"), error))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM accounts WHERE id = ?1", error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  if (!ks_workspace_step_done (workspace, stmt, _("delete the account"), error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

const char * const *
ks_account_segments (void)
{
  return segments;
}

const char * const *
ks_account_lifecycles (void)
{
  return lifecycles;
}

const char *
ks_account_segment_label (const char *segment)
{
  if (g_strcmp0 (segment, KS_SEGMENT_KEY) == 0)
    return _("Key account");
  if (g_strcmp0 (segment, KS_SEGMENT_IMPORTANT) == 0)
    return _("Important");
  if (g_strcmp0 (segment, KS_SEGMENT_NORMAL) == 0)
    return _("Normal");
  return segment;
}

const char *
ks_account_lifecycle_label (const char *lifecycle)
{
  if (g_strcmp0 (lifecycle, "acquisition") == 0)
    return _("Acquisition");
  if (g_strcmp0 (lifecycle, "development") == 0)
    return _("Development");
  if (g_strcmp0 (lifecycle, "retention") == 0)
    return _("Retention");
  if (g_strcmp0 (lifecycle, "win-back") == 0)
    return _("Win-back");
  return lifecycle;
}
