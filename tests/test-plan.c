/* test-plan.c — the mini account plan: schema 3, storage, values, undo, checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected values are written out by hand here; the template is only walked to
 * make sure every field was covered, never to compute what is expected.
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "ks-account.h"
#include "ks-contact.h"
#include "ks-person.h"
#include "ks-plan.h"
#include "ks-product.h"
#include "ks-schema-private.h"
#include "ks-test-util.h"
#include "ks-workspace-private.h"

/* ---- helpers ---------------------------------------------------------------- */

static KsWorkspace *
open_workspace (const char *path)
{
  g_autoptr(GError) error = NULL;
  KsWorkspace *ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  ks_workspace_set_undo_enabled (ws, TRUE);
  return ws;
}

static KsWorkspace *
new_workspace (void)
{
  return open_workspace (":memory:");
}

static gint64
add_account (KsWorkspace *ws,
             const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) acc = ks_account_new (name);

  g_assert_true (ks_account_save (acc, ws, &error));
  g_assert_no_error (error);
  return ks_account_get_id (acc);
}

static gint64
add_person (KsWorkspace *ws,
            const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsPerson) p = ks_person_new (name);

  g_assert_true (ks_person_save (p, ws, &error));
  g_assert_no_error (error);
  return ks_person_get_id (p);
}

static gint64
add_contact (KsWorkspace    *ws,
             gint64          account,
             const char     *name,
             KsDecisionPower power)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsContact) c = ks_contact_new (account, name);

  ks_contact_set_power (c, power);
  g_assert_true (ks_contact_save (c, ws, &error));
  g_assert_no_error (error);
  return ks_contact_get_id (c);
}

static gint64
add_product (KsWorkspace *ws,
             const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsProduct) p = ks_product_new (name);

  g_assert_true (ks_product_save (p, ws, &error));
  g_assert_no_error (error);
  return ks_product_get_id (p);
}

static KsPlanValue
text_value (const char *text)
{
  KsPlanValue v = { g_strdup (text), NAN, 0 };
  return v;
}

static KsPlanValue
number_value (double number)
{
  KsPlanValue v = { g_strdup (""), number, 0 };
  return v;
}

static KsPlanValue
id_value (gint64 id)
{
  KsPlanValue v = { g_strdup (""), NAN, id };
  return v;
}

static void
set_text (KsWorkspace *ws,
          gint64       account,
          const char  *key,
          const char  *text)
{
  g_autoptr(GError) error = NULL;
  KsPlanValue v = text_value (text);

  g_assert_true (ks_plan_set_field (ws, account, key, &v, &error));
  g_assert_no_error (error);
  ks_plan_value_clear (&v);
}

static gint64
count_rows (KsWorkspace *ws,
            const char  *sql)
{
  sqlite3_stmt *stmt = ks_workspace_prepare (ws, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* ---- schema ------------------------------------------------------------------- */

/* The declared type and constraint text of one column, from the schema. */
static gboolean
column_info (KsWorkspace *ws,
             const char  *table,
             const char  *column,
             char       **type,
             gboolean    *not_null)
{
  sqlite3_stmt *stmt = ks_workspace_prepare (ws, "SELECT name, type, \"notnull\" FROM pragma_table_info (?1)", NULL);
  gboolean found = FALSE;

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), column) == 0)
      {
        *type = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        *not_null = sqlite3_column_int (stmt, 2) != 0;
        found = TRUE;
      }
  sqlite3_reset (stmt);
  return found;
}

static guint
n_columns (KsWorkspace *ws,
           const char  *table)
{
  sqlite3_stmt *stmt = ks_workspace_prepare (ws, "SELECT count (*) FROM pragma_table_info (?1)", NULL);
  guint n;

  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* What schema 3 must declare for a field of each kind. */
static void
assert_column (KsWorkspace       *ws,
               const char        *table,
               const KsPlanField *field)
{
  g_autofree char *type = NULL;
  gboolean not_null = FALSE;

  if (!column_info (ws, table, field->key, &type, &not_null))
    g_error ("%s has no column for the template field “%s”", table, field->key);
  switch (field->kind)
    {
    case KS_PLAN_KIND_TEXT:
    case KS_PLAN_KIND_LONG_TEXT:
    case KS_PLAN_KIND_CHOICE:
      g_assert_cmpstr (type, ==, "TEXT");
      g_assert_true (not_null);
      break;
    case KS_PLAN_KIND_DATE:
      g_assert_cmpstr (type, ==, "TEXT");
      g_assert_false (not_null);
      break;
    case KS_PLAN_KIND_NUMBER:
    case KS_PLAN_KIND_PERCENT:
      g_assert_cmpstr (type, ==, "REAL");
      g_assert_false (not_null);
      break;
    case KS_PLAN_KIND_BOOL:
      g_assert_cmpstr (type, ==, "INTEGER");
      g_assert_true (not_null);
      break;
    case KS_PLAN_KIND_PERSON:
    case KS_PLAN_KIND_CONTACT:
    case KS_PLAN_KIND_PRODUCT:
      g_assert_cmpstr (type, ==, "INTEGER");
      g_assert_false (not_null);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Template and schema cannot drift: every field has its column, of the right
 * type, and no table has a column the template does not know. */
static void
test_schema_matches_template (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  guint n_fields;
  const KsPlanField *fields = ks_plan_fields (&n_fields);

  g_assert_cmpuint (ks_workspace_latest_schema_version (), ==, 3);
  g_assert_cmpuint (ks_workspace_get_schema_version (ws), ==, 3);

  for (guint i = 0; i < n_fields; i++)
    assert_column (ws, "account_plans", &fields[i]);
  g_assert_cmpuint (n_columns (ws, "account_plans"), ==, n_fields + 1);   /* + account_id */

  for (int l = 0; l < KS_PLAN_N_LISTS; l++)
    {
      const KsPlanListInfo *info = ks_plan_list_info (l);

      for (guint i = 0; i < info->n_fields; i++)
        assert_column (ws, info->table, &info->fields[i]);
      g_assert_cmpuint (n_columns (ws, info->table), ==, info->n_fields + 3);  /* + id, account_id, position */
    }
}

/* ---- storage ------------------------------------------------------------------ */

static void
test_basic_round_trip (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  gint64 acc = add_account (ws, "Kessler");
  KsPlan *plan;
  KsPlanValue values[4];
  gint64 id;

  /* Never written: an empty plan, no row. */
  plan = ks_plan_load (ws, acc, &error);
  g_assert_no_error (error);
  g_assert_true (ks_plan_is_empty (plan));
  g_assert_cmpstr (ks_plan_get (plan, "business")->text, ==, "");
  g_assert_true (isnan (ks_plan_get (plan, "sites")->number));
  ks_plan_free (plan);
  g_assert_cmpint (count_rows (ws, "SELECT count (*) FROM account_plans"), ==, 0);

  set_text (ws, acc, "business", "Drive trains for wind turbines");
  values[0] = text_value ("Grow share to 40 %");
  values[1] = text_value ("Share of wallet ≥ 40 %");
  values[2] = text_value ("2026-12-31");
  values[3] = id_value (0);
  id = ks_plan_add_item (ws, acc, KS_PLAN_OBJECTIVES, values, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  for (guint i = 0; i < 4; i++)
    ks_plan_value_clear (&values[i]);

  plan = ks_plan_load (ws, acc, &error);
  g_assert_no_error (error);
  g_assert_false (ks_plan_is_empty (plan));
  g_assert_cmpstr (ks_plan_get (plan, "business")->text, ==, "Drive trains for wind turbines");
  g_assert_cmpuint (plan->items[KS_PLAN_OBJECTIVES]->len, ==, 1);
  {
    KsPlanItem *item = g_ptr_array_index (plan->items[KS_PLAN_OBJECTIVES], 0);
    g_assert_cmpint (item->id, ==, id);
    g_assert_cmpstr (ks_plan_item_get (item, KS_PLAN_OBJECTIVES, "objective")->text, ==, "Grow share to 40 %");
    g_assert_cmpstr (ks_plan_item_get (item, KS_PLAN_OBJECTIVES, "due")->text, ==, "2026-12-31");
    g_assert_cmpint (ks_plan_item_get (item, KS_PLAN_OBJECTIVES, "owner")->id, ==, 0);
  }
  ks_plan_free (plan);

  /* References and numbers. */
  {
    gint64 jonas = add_person (ws, "Jonas Müller");
    gint64 claudia = add_contact (ws, acc, "Dr. Claudia Hartmann", KS_POWER_HIGH);
    gint64 gear = add_product (ws, "Gear unit G7");
    KsPlanValue v = id_value (jonas);
    KsPlanValue item[3] = { id_value (gear), number_value (1200.5), text_value ("list price") };

    g_assert_true (ks_plan_set_field (ws, acc, "mentor", &v, &error));
    g_assert_no_error (error);
    ks_plan_value_clear (&v);
    v = id_value (claudia);
    id = ks_plan_add_item (ws, acc, KS_PLAN_PROJECTS, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (ks_plan_set_item_field (ws, KS_PLAN_PROJECTS, id, "contact", &v, &error));
    g_assert_no_error (error);
    ks_plan_value_clear (&v);
    g_assert_cmpint (ks_plan_add_item (ws, acc, KS_PLAN_PRODUCTS, item, &error), >, 0);
    g_assert_no_error (error);
    for (guint i = 0; i < 3; i++)
      ks_plan_value_clear (&item[i]);

    plan = ks_plan_load (ws, acc, &error);
    g_assert_no_error (error);
    g_assert_cmpint (ks_plan_get (plan, "mentor")->id, ==, jonas);
    g_assert_cmpint (ks_plan_item_get (g_ptr_array_index (plan->items[KS_PLAN_PROJECTS], 0),
                                       KS_PLAN_PROJECTS, "contact")->id, ==, claudia);
    g_assert_cmpint (ks_plan_item_get (g_ptr_array_index (plan->items[KS_PLAN_PRODUCTS], 0),
                                       KS_PLAN_PRODUCTS, "product")->id, ==, gear);
    g_assert_cmpfloat (ks_plan_item_get (g_ptr_array_index (plan->items[KS_PLAN_PRODUCTS], 0),
                                         KS_PLAN_PRODUCTS, "volume")->number, ==, 1200.5);
    ks_plan_free (plan);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/plan/schema/template", test_schema_matches_template);
  g_test_add_func ("/core/plan/store/basic", test_basic_round_trip);

  return g_test_run ();
}
