/* ks-opportunity.c — a sales opportunity, as imported or entered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-opportunity"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ks-funnel-private.h"
#include "ks-opportunity.h"

struct _KsOpportunity
{
  GObject  parent_instance;

  gint64   id;
  char    *ref;
  gint64   account_id;
  char    *account_name;
  gint64   product_id;
  char    *product_name;
  gint64   owner_id;
  char    *owner_name;
  char    *title;
  char    *stage;
  double   value;
  char    *engage_date;          /* YYYY-MM-DD or NULL, like the two below */
  char    *close_date;
  char    *expected_close_date;
  gint64   stage_id;             /* 0 = unmapped */
  char    *stage_name;           /* the stage's name; "" when unmapped */
  double   probability;          /* percent; NaN when unmapped */
  KsOutcome outcome;
  int      momentum;             /* KsMomentum as stored */
  char    *stage_date;
  char    *last_activity;
  gint64   version;   /* of the row it was read from; 0 for a new one */
};

enum {
  PROP_0,
  PROP_ID,
  PROP_REF,
  PROP_ACCOUNT_ID,
  PROP_ACCOUNT_NAME,
  PROP_PRODUCT_ID,
  PROP_PRODUCT_NAME,
  PROP_OWNER_ID,
  PROP_OWNER_NAME,
  PROP_TITLE,
  PROP_STAGE,
  PROP_VALUE,
  PROP_ENGAGE_DATE,
  PROP_CLOSE_DATE,
  PROP_EXPECTED_CLOSE_DATE,
  PROP_STAGE_ID,
  PROP_STAGE_NAME,
  PROP_MOMENTUM,
  PROP_LAST_ACTIVITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KsOpportunity, ks_opportunity, G_TYPE_OBJECT)

#define SELECT_OPPORTUNITY \
  "SELECT o.id, o.ref, o.account_id, coalesce (a.name, ''), o.product_id, coalesce (p.name, '')," \
  "       o.owner_id, coalesce (w.name, ''), o.title, o.stage, o.value," \
  "       o.engage_date, o.close_date, o.expected_close_date," \
  "       coalesce (o.stage_id, 0), coalesce (st.name, ''), st.probability, st.outcome," \
  "       o.momentum, o.stage_date, o.last_activity, o.version" \
  "  FROM opportunities o" \
  "  LEFT JOIN funnel_stages st ON st.id = o.stage_id" \
  "  LEFT JOIN accounts a ON a.id = o.account_id" \
  "  LEFT JOIN products p ON p.id = o.product_id" \
  "  LEFT JOIN people w ON w.id = o.owner_id "

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

/* Dates: NULL when unset, never "". */
static gboolean
set_date (char       **field,
          const char  *value)
{
  if (value && !*value)
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Exactly YYYY-MM-DD, and a day that exists. */
static gboolean
is_iso_date (const char *date)
{
  guint year, month, day;

  if (strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;
  year = g_ascii_digit_value (date[0]) * 1000 + g_ascii_digit_value (date[1]) * 100 +
         g_ascii_digit_value (date[2]) * 10 + g_ascii_digit_value (date[3]);
  month = g_ascii_digit_value (date[5]) * 10 + g_ascii_digit_value (date[6]);
  day = g_ascii_digit_value (date[8]) * 10 + g_ascii_digit_value (date[9]);
  return g_date_valid_dmy (day, month, year);
}

static KsOpportunity *
opportunity_from_row (KsStmt *stmt)
{
  KsOpportunity *self = g_object_new (KS_TYPE_OPPORTUNITY, NULL);

  self->id = ks_stmt_column_int64 (stmt, 0);
  set_string (&self->ref, ks_column_text (stmt, 1));
  self->account_id = ks_stmt_column_int64 (stmt, 2);
  set_string (&self->account_name, ks_column_text (stmt, 3));
  self->product_id = ks_stmt_column_int64 (stmt, 4);
  set_string (&self->product_name, ks_column_text (stmt, 5));
  self->owner_id = ks_stmt_column_int64 (stmt, 6);
  set_string (&self->owner_name, ks_column_text (stmt, 7));
  set_string (&self->title, ks_column_text (stmt, 8));
  set_string (&self->stage, ks_column_text (stmt, 9));
  self->value = ks_column_double_or_nan (stmt, 10);
  set_date (&self->engage_date, ks_stmt_column_text (stmt, 11));
  set_date (&self->close_date, ks_stmt_column_text (stmt, 12));
  set_date (&self->expected_close_date, ks_stmt_column_text (stmt, 13));
  self->stage_id = ks_stmt_column_int64 (stmt, 14);
  set_string (&self->stage_name, ks_column_text (stmt, 15));
  self->probability = ks_column_double_or_nan (stmt, 16);
  if (!ks_stmt_column_text (stmt, 17) ||
      !ks_outcome_from_string (ks_stmt_column_text (stmt, 17), &self->outcome))
    self->outcome = KS_OUTCOME_OPEN;
  {
    KsMomentum momentum = KS_MOMENTUM_STABLE;

    ks_momentum_from_string (ks_stmt_column_text (stmt, 18), &momentum);
    self->momentum = momentum;
  }
  set_date (&self->stage_date, ks_stmt_column_text (stmt, 19));
  set_date (&self->last_activity, ks_stmt_column_text (stmt, 20));
  self->version = ks_stmt_column_int64 (stmt, 21);
  return self;
}

static void
ks_opportunity_finalize (GObject *object)
{
  KsOpportunity *self = KS_OPPORTUNITY (object);

  g_free (self->ref);
  g_free (self->account_name);
  g_free (self->product_name);
  g_free (self->owner_name);
  g_free (self->title);
  g_free (self->stage);
  g_free (self->engage_date);
  g_free (self->close_date);
  g_free (self->expected_close_date);
  g_free (self->stage_name);
  g_free (self->stage_date);
  g_free (self->last_activity);

  G_OBJECT_CLASS (ks_opportunity_parent_class)->finalize (object);
}

static void
ks_opportunity_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KsOpportunity *self = KS_OPPORTUNITY (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_REF: g_value_set_string (value, self->ref); break;
    case PROP_ACCOUNT_ID: g_value_set_int64 (value, self->account_id); break;
    case PROP_ACCOUNT_NAME: g_value_set_string (value, self->account_name); break;
    case PROP_PRODUCT_ID: g_value_set_int64 (value, self->product_id); break;
    case PROP_PRODUCT_NAME: g_value_set_string (value, self->product_name); break;
    case PROP_OWNER_ID: g_value_set_int64 (value, self->owner_id); break;
    case PROP_OWNER_NAME: g_value_set_string (value, self->owner_name); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_STAGE: g_value_set_string (value, self->stage); break;
    case PROP_VALUE: g_value_set_double (value, self->value); break;
    case PROP_ENGAGE_DATE: g_value_set_string (value, self->engage_date); break;
    case PROP_CLOSE_DATE: g_value_set_string (value, self->close_date); break;
    case PROP_EXPECTED_CLOSE_DATE: g_value_set_string (value, self->expected_close_date); break;
    case PROP_STAGE_ID: g_value_set_int64 (value, self->stage_id); break;
    case PROP_STAGE_NAME: g_value_set_string (value, self->stage_name); break;
    case PROP_MOMENTUM: g_value_set_string (value, ks_momentum_to_string (self->momentum)); break;
    case PROP_LAST_ACTIVITY: g_value_set_string (value, self->last_activity); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_opportunity_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KsOpportunity *self = KS_OPPORTUNITY (object);

  switch (prop_id)
    {
    case PROP_REF: ks_opportunity_set_ref (self, g_value_get_string (value)); break;
    case PROP_ACCOUNT_ID: ks_opportunity_set_account_id (self, g_value_get_int64 (value)); break;
    case PROP_PRODUCT_ID: ks_opportunity_set_product_id (self, g_value_get_int64 (value)); break;
    case PROP_OWNER_ID: ks_opportunity_set_owner_id (self, g_value_get_int64 (value)); break;
    case PROP_TITLE: ks_opportunity_set_title (self, g_value_get_string (value)); break;
    case PROP_STAGE: ks_opportunity_set_stage (self, g_value_get_string (value)); break;
    case PROP_VALUE: ks_opportunity_set_value (self, g_value_get_double (value)); break;
    case PROP_ENGAGE_DATE: ks_opportunity_set_engage_date (self, g_value_get_string (value)); break;
    case PROP_CLOSE_DATE: ks_opportunity_set_close_date (self, g_value_get_string (value)); break;
    case PROP_EXPECTED_CLOSE_DATE:
      ks_opportunity_set_expected_close_date (self, g_value_get_string (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_opportunity_class_init (KsOpportunityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ks_opportunity_finalize;
  object_class->get_property = ks_opportunity_get_property;
  object_class->set_property = ks_opportunity_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_REF] = g_param_spec_string ("ref", NULL, NULL, "", rw);
  properties[PROP_ACCOUNT_ID] = g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ACCOUNT_NAME] = g_param_spec_string ("account-name", NULL, NULL, "", ro);
  properties[PROP_PRODUCT_ID] = g_param_spec_int64 ("product-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PRODUCT_NAME] = g_param_spec_string ("product-name", NULL, NULL, "", ro);
  properties[PROP_OWNER_ID] = g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, "", ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_STAGE] = g_param_spec_string ("stage", NULL, NULL, "", rw);
  properties[PROP_VALUE] = g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, rw);
  properties[PROP_ENGAGE_DATE] = g_param_spec_string ("engage-date", NULL, NULL, NULL, rw);
  properties[PROP_CLOSE_DATE] = g_param_spec_string ("close-date", NULL, NULL, NULL, rw);
  properties[PROP_EXPECTED_CLOSE_DATE] = g_param_spec_string ("expected-close-date", NULL, NULL, NULL, rw);
  properties[PROP_STAGE_ID] = g_param_spec_int64 ("stage-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_STAGE_NAME] = g_param_spec_string ("stage-name", NULL, NULL, "", ro);
  properties[PROP_MOMENTUM] = g_param_spec_string ("momentum", NULL, NULL, "stable", ro);
  properties[PROP_LAST_ACTIVITY] = g_param_spec_string ("last-activity", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ks_opportunity_init (KsOpportunity *self)
{
  self->ref = g_strdup ("");
  self->account_name = g_strdup ("");
  self->product_name = g_strdup ("");
  self->owner_name = g_strdup ("");
  self->title = g_strdup ("");
  self->stage = g_strdup ("");
  self->stage_name = g_strdup ("");
  self->value = NAN;
  self->probability = NAN;
  self->momentum = KS_MOMENTUM_STABLE;
}

KsOpportunity *
ks_opportunity_new (const char *ref)
{
  KsOpportunity *self = g_object_new (KS_TYPE_OPPORTUNITY, NULL);
  set_string (&self->ref, ref);
  return self;
}

#define STRING_ACCESSORS(field, PROP)                                       \
  const char *                                                              \
  ks_opportunity_get_##field (KsOpportunity *self)                          \
  {                                                                         \
    g_return_val_if_fail (KS_IS_OPPORTUNITY (self), NULL);                  \
    return self->field;                                                     \
  }

#define STRING_SETTER(field, PROP, setter)                                  \
  void                                                                      \
  ks_opportunity_set_##field (KsOpportunity *self,                          \
                              const char    *value)                         \
  {                                                                         \
    g_return_if_fail (KS_IS_OPPORTUNITY (self));                            \
    if (setter (&self->field, value))                                       \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);         \
  }

#define ID_ACCESSORS(field, PROP)                                           \
  gint64                                                                    \
  ks_opportunity_get_##field (KsOpportunity *self)                          \
  {                                                                         \
    g_return_val_if_fail (KS_IS_OPPORTUNITY (self), 0);                     \
    return self->field;                                                     \
  }                                                                         \
                                                                            \
  void                                                                      \
  ks_opportunity_set_##field (KsOpportunity *self,                          \
                              gint64         value)                         \
  {                                                                         \
    g_return_if_fail (KS_IS_OPPORTUNITY (self));                            \
    value = MAX (value, 0);                                                 \
    if (self->field == value)                                               \
      return;                                                               \
    self->field = value;                                                    \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);           \
  }

STRING_ACCESSORS (ref, PROP_REF)
STRING_SETTER (ref, PROP_REF, set_string)
ID_ACCESSORS (account_id, PROP_ACCOUNT_ID)
STRING_ACCESSORS (account_name, PROP_ACCOUNT_NAME)
ID_ACCESSORS (product_id, PROP_PRODUCT_ID)
STRING_ACCESSORS (product_name, PROP_PRODUCT_NAME)
ID_ACCESSORS (owner_id, PROP_OWNER_ID)
STRING_ACCESSORS (owner_name, PROP_OWNER_NAME)
STRING_ACCESSORS (title, PROP_TITLE)
STRING_SETTER (title, PROP_TITLE, set_string)
STRING_ACCESSORS (stage, PROP_STAGE)
STRING_SETTER (stage, PROP_STAGE, set_string)
STRING_ACCESSORS (engage_date, PROP_ENGAGE_DATE)
STRING_SETTER (engage_date, PROP_ENGAGE_DATE, set_date)
STRING_ACCESSORS (close_date, PROP_CLOSE_DATE)
STRING_SETTER (close_date, PROP_CLOSE_DATE, set_date)
STRING_ACCESSORS (expected_close_date, PROP_EXPECTED_CLOSE_DATE)
STRING_SETTER (expected_close_date, PROP_EXPECTED_CLOSE_DATE, set_date)

gint64
ks_opportunity_get_id (KsOpportunity *self)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY (self), 0);
  return self->id;
}

gint64
ks_opportunity_get_version (KsOpportunity *self)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY (self), 0);
  return self->version;
}

double
ks_opportunity_get_value (KsOpportunity *self)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY (self), NAN);
  return self->value;
}

void
ks_opportunity_set_value (KsOpportunity *self,
                          double         value)
{
  g_return_if_fail (KS_IS_OPPORTUNITY (self));
  if (self->value == value || (isnan (self->value) && isnan (value)))
    return;
  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

gint64
ks_opportunity_get_stage_id (KsOpportunity *self)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY (self), 0);
  return self->stage_id;
}

const char *
ks_opportunity_get_stage_name (KsOpportunity *self)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY (self), NULL);
  return self->stage_name;
}

double
ks_opportunity_get_probability (KsOpportunity *self)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY (self), NAN);
  return self->probability;
}

KsOutcome
ks_opportunity_get_outcome (KsOpportunity *self)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY (self), KS_OUTCOME_OPEN);
  return self->outcome;
}

int
ks_opportunity_get_momentum (KsOpportunity *self)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY (self), KS_MOMENTUM_STABLE);
  return self->momentum;
}

const char *
ks_opportunity_get_stage_date (KsOpportunity *self)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY (self), NULL);
  return self->stage_date;
}

const char *
ks_opportunity_get_last_activity (KsOpportunity *self)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY (self), NULL);
  return self->last_activity;
}

/**
 * ks_opportunity_list_for_account:
 *
 * Returns: (transfer full): a #GListModel of #KsOpportunity, newest engage
 *   date first, those without one last
 */
GListModel *
ks_opportunity_list_for_account (KsWorkspace  *workspace,
                                 gint64        account_id,
                                 GError      **error)
{
  g_autoptr(GListStore) store = g_list_store_new (KS_TYPE_OPPORTUNITY);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  stmt = ks_workspace_prepare (workspace,
                               SELECT_OPPORTUNITY "WHERE o.account_id = ?1"
                               " ORDER BY o.engage_date IS NULL, o.engage_date DESC, o.ref",
                               error);
  if (!stmt)
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    g_ptr_array_add (items, opportunity_from_row (stmt));
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the opportunities"));
      return NULL;
    }
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

KsOpportunity *
ks_opportunity_load (KsWorkspace  *workspace,
                     gint64        id,
                     GError      **error)
{
  KsStmt *stmt;
  KsOpportunity *self = NULL;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(stmt = ks_workspace_prepare (workspace, SELECT_OPPORTUNITY "WHERE o.id = ?1", error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    self = opportunity_from_row (stmt);
  ks_stmt_reset (stmt);
  if (rc == KS_STEP_DONE)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no opportunity with id %" PRId64), id);
  else if (rc != KS_STEP_ROW)
    ks_workspace_set_sql_error (workspace, error, _("read an opportunity"));
  return self;
}

gboolean
ks_opportunity_validate (KsOpportunity  *self,
                         GError        **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (KS_IS_OPPORTUNITY (self), FALSE);

  trimmed = g_strstrip (g_strdup (self->ref));
  if (*trimmed == '\0')
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("An opportunity needs a reference"));
      return FALSE;
    }
  if (!isnan (self->value) && (self->value < 0 || !isfinite (self->value)))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The value of opportunity “%s” cannot be negative"), self->ref);
      return FALSE;
    }
  if (self->engage_date && !is_iso_date (self->engage_date))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The engage date of opportunity “%s” is not a date: “%s” (use YYYY-MM-DD)"),
                   self->ref, self->engage_date);
      return FALSE;
    }
  if (self->close_date && !is_iso_date (self->close_date))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The close date of opportunity “%s” is not a date: “%s” (use YYYY-MM-DD)"),
                   self->ref, self->close_date);
      return FALSE;
    }
  if (self->expected_close_date && !is_iso_date (self->expected_close_date))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The expected close date of opportunity “%s” is not a date: “%s” (use YYYY-MM-DD)"),
                   self->ref, self->expected_close_date);
      return FALSE;
    }
  /* ISO dates compare as strings. */
  if (self->engage_date && self->close_date && strcmp (self->close_date, self->engage_date) < 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("Opportunity “%s” cannot close (%s) before it was engaged (%s)"),
                   self->ref, self->close_date, self->engage_date);
      return FALSE;
    }
  return TRUE;
}

/* The stage the saved row's stage text maps to (an unknown name joins the
 * stage map unmapped); a change from @old_stage (-1 = a new row) goes into
 * the stage history with today's date. */
static gboolean
place_in_funnel (KsOpportunity  *self,
                 KsWorkspace    *workspace,
                 gint64          old_stage,
                 GError        **error)
{
  g_autofree char *today = NULL;
  g_autofree char *key = NULL;
  KsStmt *stmt;
  gboolean known;
  gint64 stage_id;

  stage_id = ks_funnel_map_source (workspace, self->stage, &known, error);
  if (stage_id < 0)
    return FALSE;
  key = g_strstrip (g_ascii_strdown (self->stage, -1));
  if (!known && *key)
    {
      if (!(stmt = ks_workspace_prepare (workspace, "INSERT INTO stage_map (source, stage_id) VALUES (?1, NULL)",
                                         error)))
        return FALSE;
      ks_bind_text (stmt, 1, key);
      if (!ks_workspace_step_done (workspace, stmt, _("record the stage name"), error))
        return FALSE;
    }
  if (stage_id == old_stage)
    return TRUE;
  today = ks_funnel_today ();
  if (old_stage >= 0)
    {
      if (!(stmt = ks_workspace_prepare (workspace,
                                         "INSERT INTO stage_history (opportunity_id, from_stage_id, to_stage_id, changed)"
                                         " VALUES (?1, ?2, ?3, ?4)",
                                         error)))
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, self->id);
      ks_bind_id (stmt, 2, old_stage);
      ks_bind_id (stmt, 3, stage_id);
      ks_bind_text (stmt, 4, today);
      if (!ks_workspace_step_done (workspace, stmt, _("record the stage change"), error))
        return FALSE;
    }
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "UPDATE opportunities SET version = version + 1, stage_id = ?2, stage_date = ?3 WHERE id = ?1",
                                     error)))
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, self->id);
  ks_bind_id (stmt, 2, stage_id);
  ks_bind_text_or_null (stmt, 3, old_stage >= 0 ? today : NULL);
  return ks_workspace_step_done (workspace, stmt, _("save the opportunity's stage"), error);
}

/* Another user's values where they differ from @mine, for the conflict message. */
static GString *
conflict_theirs (KsOpportunity *stored,
                 KsOpportunity *mine)
{
  GString *theirs = g_string_new (NULL);
  g_autofree char *their_value = isnan (stored->value) ? g_strdup ("") : g_strdup_printf ("%.15g", stored->value);
  g_autofree char *my_value = isnan (mine->value) ? g_strdup ("") : g_strdup_printf ("%.15g", mine->value);

  ks_conflict_note (theirs, _("reference"), stored->ref, mine->ref);
  ks_conflict_note (theirs, _("title"), stored->title, mine->title);
  if (stored->account_id != mine->account_id)
    ks_conflict_note (theirs, _("account"), stored->account_name, KS_CONFLICT_DIFFERENT);
  if (stored->product_id != mine->product_id)
    ks_conflict_note (theirs, _("product"), stored->product_name, KS_CONFLICT_DIFFERENT);
  if (stored->owner_id != mine->owner_id)
    ks_conflict_note (theirs, _("owner"), stored->owner_name, KS_CONFLICT_DIFFERENT);
  ks_conflict_note (theirs, _("stage"), stored->stage, mine->stage);
  ks_conflict_note (theirs, _("value"), their_value, my_value);
  ks_conflict_note (theirs, _("engage date"), stored->engage_date, mine->engage_date);
  ks_conflict_note (theirs, _("close date"), stored->close_date, mine->close_date);
  ks_conflict_note (theirs, _("expected close"), stored->expected_close_date, mine->expected_close_date);
  return theirs;
}

/**
 * ks_opportunity_save:
 *
 * Inserts (id 0) or updates the whole row as one user action. On success the
 * object holds the stored row (new id, account, product and owner names).
 */
static gboolean
opportunity_save_once (gpointer       object,
                       KsWorkspace   *workspace,
                       GError       **error)
{
  KsOpportunity *self = object;
  KsStmt *stmt;
  gboolean inserting;
  gint64 old_stage = 0, new_version;
  g_autofree char *ref = NULL;
  g_autoptr(KsOpportunity) stored = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KS_IS_OPPORTUNITY (self), FALSE);
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_opportunity_validate (self, error))
    return FALSE;

  inserting = self->id <= 0;
  if (!ks_workspace_begin (workspace, inserting ? _("Add opportunity") : _("Edit opportunity"), error))
    return FALSE;
  if (!inserting)
    {
      old_stage = ks_workspace_query_int (workspace,
                                          "SELECT coalesce (stage_id, 0) FROM opportunities WHERE id = ?1",
                                          self->id, 0, _("read the opportunity"), error);
      if (old_stage < 0 || !ks_funnel_summary_apply (workspace, self->id, -1, error))
        goto fail;
    }

  if (inserting)
    stmt = ks_workspace_prepare (workspace,
                                 "INSERT INTO opportunities (ref, account_id, product_id, owner_id, title,"
                                 " stage, value, engage_date, close_date, expected_close_date)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                 error);
  else
    stmt = ks_workspace_prepare (workspace,
                                 "UPDATE opportunities SET version = version + 1, ref = ?1, account_id = ?2, product_id = ?3,"
                                 " owner_id = ?4, title = ?5, stage = ?6, value = ?7, engage_date = ?8,"
                                 " close_date = ?9, expected_close_date = ?10"
                                 " WHERE id = ?11 AND (?12 = 0 OR version = ?12)",
                                 error);
  if (!stmt)
    goto fail;

  ref = g_strstrip (g_strdup (self->ref));
  ks_bind_text (stmt, 1, ref);
  ks_bind_id (stmt, 2, self->account_id);
  ks_bind_id (stmt, 3, self->product_id);
  ks_bind_id (stmt, 4, self->owner_id);
  ks_bind_text (stmt, 5, self->title);
  ks_bind_text (stmt, 6, self->stage);
  ks_bind_double_or_null (stmt, 7, self->value);
  ks_bind_text_or_null (stmt, 8, self->engage_date);
  ks_bind_text_or_null (stmt, 9, self->close_date);
  ks_bind_text_or_null (stmt, 10, self->expected_close_date);
  if (!inserting)
    {
      ks_stmt_bind_int64 (stmt, 11, self->id);
      ks_stmt_bind_int64 (stmt, 12, self->version);
    }

  if (!ks_workspace_step_done (workspace, stmt, _("save the opportunity"), &local_error))
    {
      int rc = ks_workspace_last_error (workspace);

      if (rc == KS_DB_ERROR_UNIQUE)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("There is already an opportunity “%s”"), ref);
      else if (rc == KS_DB_ERROR_FOREIGN_KEY)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("The account, product or owner of opportunity “%s” is not in the workspace"), ref);
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
      if ((stored = ks_opportunity_load (workspace, self->id, NULL)))
        {
          g_autoptr(GString) theirs = conflict_theirs (stored, self);

          ks_workspace_set_conflict (error, ref, theirs);
          self->version = stored->version;   /* saving again replaces theirs */
        }
      else
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                     _("Opportunity “%s” is no longer in the workspace"), ref);
      goto fail;
    }
  if (!place_in_funnel (self, workspace, inserting ? -1 : old_stage, error) ||
      !ks_funnel_summary_apply (workspace, self->id, 1, error))
    goto fail;
  /* The version this save made, placing in the funnel included, as this
   * transaction sees it (a read after the commit could see a later save's). */
  new_version = ks_workspace_query_int (workspace, "SELECT version FROM opportunities WHERE id = ?1",
                                        self->id, 0, _("read the opportunity"), error);
  if (new_version < 0)
    goto fail;
  if (!ks_workspace_commit (workspace, error))
    {
      if (inserting)
        self->id = 0;
      return FALSE;
    }
  self->version = new_version;

  /* Pick up the joined names as stored. */
  if ((stored = ks_opportunity_load (workspace, self->id, NULL)))
    {
      if (set_string (&self->account_name, stored->account_name))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_NAME]);
      if (set_string (&self->product_name, stored->product_name))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT_NAME]);
      if (set_string (&self->owner_name, stored->owner_name))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_NAME]);
      ks_opportunity_set_ref (self, stored->ref);
      self->stage_id = stored->stage_id;
      set_string (&self->stage_name, stored->stage_name);
      self->probability = stored->probability;
      self->outcome = stored->outcome;
      set_date (&self->stage_date, stored->stage_date);
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
ks_opportunity_save (KsOpportunity  *self,
                     KsWorkspace    *workspace,
                     GError        **error)
{
  return ks_workspace_save_retrying (workspace, opportunity_save_once, self, error);
}

gboolean
ks_opportunity_delete (KsWorkspace  *workspace,
                       gint64        id,
                       GError      **error)
{
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_workspace_begin (workspace, _("Delete opportunity"), error))
    return FALSE;
  if (!ks_funnel_summary_apply (workspace, id, -1, error))
    goto fail;
  if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM opportunities WHERE id = ?1", error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  if (!ks_workspace_step_done (workspace, stmt, _("delete the opportunity"), error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

KsOutcome
ks_opportunity_stage_outcome (const char *stage)
{
  g_autofree char *key = NULL;

  if (!stage)
    return KS_OUTCOME_OPEN;
  key = g_strstrip (g_utf8_casefold (stage, -1));
  if (g_str_equal (key, "won") || g_str_equal (key, "order received"))
    return KS_OUTCOME_WON;
  if (g_str_equal (key, "lost") || g_str_equal (key, "cancelled") ||
      g_str_equal (key, "canceled") || g_str_equal (key, "cancelled or lost"))
    return KS_OUTCOME_LOST;
  return KS_OUTCOME_OPEN;
}
