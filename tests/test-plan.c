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
#include "ks-plan-check.h"
#include "ks-product.h"
#include "ks-schema-private.h"
#include "ks-test-util.h"
#include "ks-workspace-private.h"

/* ---- helpers ---------------------------------------------------------------- */

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
  KsStmt *stmt = ks_workspace_prepare (ws, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (ks_stmt_step (stmt), ==, KS_STEP_ROW);
  n = ks_stmt_column_int64 (stmt, 0);
  ks_stmt_reset (stmt);
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
  /* A team workspace's catalogue, in SQLite's type names (ks-schema-pg.c). */
  KsStmt *stmt = ks_workspace_prepare (ws, ks_test_on_server ()
                                       ? "SELECT column_name, CASE data_type WHEN 'bigint' THEN 'INTEGER'"
                                         " WHEN 'double precision' THEN 'REAL' ELSE upper (data_type) END,"
                                         " is_nullable = 'NO' FROM information_schema.columns"
                                         " WHERE table_schema = current_schema () AND table_name = ?1"
                                       : "SELECT name, type, \"notnull\" FROM pragma_table_info (?1)", NULL);
  gboolean found = FALSE;

  g_assert_nonnull (stmt);
  ks_stmt_bind_text (stmt, 1, table);
  while (ks_stmt_step (stmt) == KS_STEP_ROW)
    if (g_strcmp0 (ks_stmt_column_text (stmt, 0), column) == 0)
      {
        *type = g_strdup (ks_stmt_column_text (stmt, 1));
        *not_null = ks_stmt_column_int (stmt, 2) != 0;
        found = TRUE;
      }
  ks_stmt_reset (stmt);
  return found;
}

static guint
n_columns (KsWorkspace *ws,
           const char  *table)
{
  KsStmt *stmt = ks_workspace_prepare (ws, ks_test_on_server ()
                                       ? "SELECT count (*) FROM information_schema.columns"
                                         " WHERE table_schema = current_schema () AND table_name = ?1"
                                       : "SELECT count (*) FROM pragma_table_info (?1)", NULL);
  guint n;

  ks_stmt_bind_text (stmt, 1, table);
  g_assert_cmpint (ks_stmt_step (stmt), ==, KS_STEP_ROW);
  n = ks_stmt_column_int (stmt, 0);
  ks_stmt_reset (stmt);
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
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  guint n_fields;
  const KsPlanField *fields = ks_plan_fields (&n_fields);

  g_assert_cmpuint (ks_workspace_latest_schema_version (), >=, 3);
  g_assert_cmpuint (ks_workspace_get_schema_version (ws), ==, ks_workspace_latest_schema_version ());

  for (guint i = 0; i < n_fields; i++)
    assert_column (ws, "account_plans", &fields[i]);
  g_assert_cmpuint (n_columns (ws, "account_plans"), ==, n_fields + 2);   /* + account_id, version */

  for (int l = 0; l < KS_PLAN_N_LISTS; l++)
    {
      const KsPlanListInfo *info = ks_plan_list_info (l);

      for (guint i = 0; i < info->n_fields; i++)
        assert_column (ws, info->table, &info->fields[i]);
      /* + id, account_id, position, version (schema 10); actions also name
       * the meeting they came from (schema 8) */
      g_assert_cmpuint (n_columns (ws, info->table), ==, info->n_fields + 4 + (l == KS_PLAN_ACTIONS ? 1 : 0));
    }
}

/* ---- storage ------------------------------------------------------------------ */

static void
test_basic_round_trip (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(GError) error = NULL;
  gint64 acc = ks_test_add_account (ws, "Kessler");
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
    gint64 jonas = ks_test_add_person (ws, "Jonas Müller", 0);
    gint64 claudia = ks_test_add_contact (ws, acc, "Dr. Claudia Hartmann", KS_NODE_CONTACT, KS_POWER_HIGH);
    gint64 gear = ks_test_add_product (ws, "Gear unit G7");
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

/* ---- every field, every list, through a file ------------------------------- */

typedef struct
{
  gint64 person;
  gint64 contact;
  gint64 product;
} Refs;

/* A distinct, valid value for a field of any kind; salt tells fields apart.
 * These are what the test writes and then expects back. */
static KsPlanValue
sample_value (const KsPlanField *field,
              const Refs        *refs,
              guint              salt)
{
  switch (field->kind)
    {
    case KS_PLAN_KIND_TEXT:
      {
        g_autofree char *t = g_strdup_printf ("Zeile %u — %s", salt, field->key);
        return text_value (t);
      }
    case KS_PLAN_KIND_LONG_TEXT:
      {
        g_autofree char *t = g_strdup_printf ("Absatz %u\n\nzweiter Absatz: %s", salt, field->key);
        return text_value (t);
      }
    case KS_PLAN_KIND_NUMBER:
      return number_value (1000.25 + salt);
    case KS_PLAN_KIND_PERCENT:
      return number_value (12.5 + salt % 80);
    case KS_PLAN_KIND_DATE:
      {
        g_autofree char *t = g_strdup_printf ("2026-%02u-%02u", 1 + salt % 12, 1 + salt % 28);
        return text_value (t);
      }
    case KS_PLAN_KIND_BOOL:
      return number_value (1);
    case KS_PLAN_KIND_CHOICE:
      {
        guint n = g_strv_length ((char **) field->choices);
        return text_value (field->choices[salt % n]);
      }
    case KS_PLAN_KIND_PERSON:
      return id_value (refs->person);
    case KS_PLAN_KIND_CONTACT:
      return id_value (refs->contact);
    case KS_PLAN_KIND_PRODUCT:
      return id_value (refs->product);
    default:
      g_assert_not_reached ();
    }
}

/* Compares by kind, as the test sees values (not through ks_plan_value_equal). */
static void
assert_value (const KsPlanField *field,
              const KsPlanValue *got,
              const KsPlanValue *want)
{
  switch (field->kind)
    {
    case KS_PLAN_KIND_TEXT:
    case KS_PLAN_KIND_LONG_TEXT:
    case KS_PLAN_KIND_DATE:
    case KS_PLAN_KIND_CHOICE:
      g_assert_cmpstr (got->text, ==, want->text);
      break;
    case KS_PLAN_KIND_NUMBER:
    case KS_PLAN_KIND_PERCENT:
    case KS_PLAN_KIND_BOOL:
      g_assert_cmpfloat (got->number, ==, want->number);
      break;
    default:
      g_assert_cmpint (got->id, ==, want->id);
      break;
    }
}

static void
test_every_field_round_trip (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.keystone", NULL);
  g_autoptr(GError) error = NULL;
  KsWorkspace *ws = ks_test_open_workspace (path, TRUE);
  guint n_fields;
  const KsPlanField *fields = ks_plan_fields (&n_fields);
  gboolean kinds_seen[KS_PLAN_KIND_PRODUCT + 1] = { FALSE };
  Refs refs;
  gint64 acc, other;
  gint64 ids[KS_PLAN_N_LISTS][2];
  KsPlan *plan;

  acc = ks_test_add_account (ws, "Kessler Antriebe");
  other = ks_test_add_account (ws, "Nordlicht Oy");
  refs.person = ks_test_add_person (ws, "Jonas Müller", 0);
  refs.contact = ks_test_add_contact (ws, acc, "Dr. Claudia Hartmann", KS_NODE_CONTACT, KS_POWER_HIGH);
  refs.product = ks_test_add_product (ws, "Gear unit G7");

  for (guint i = 0; i < n_fields; i++)
    {
      KsPlanValue v = sample_value (&fields[i], &refs, i);

      if (!ks_plan_set_field (ws, acc, fields[i].key, &v, &error))
        g_error ("%s: %s", fields[i].key, error->message);
      ks_plan_value_clear (&v);
      kinds_seen[fields[i].kind] = TRUE;
    }
  /* Two items per list, the second written field by field. */
  for (int l = 0; l < KS_PLAN_N_LISTS; l++)
    {
      const KsPlanListInfo *info = ks_plan_list_info (l);
      KsPlanValue *values = g_new (KsPlanValue, info->n_fields);

      for (guint i = 0; i < info->n_fields; i++)
        {
          values[i] = sample_value (&info->fields[i], &refs, 100 + i);
          kinds_seen[info->fields[i].kind] = TRUE;
        }
      ids[l][0] = ks_plan_add_item (ws, acc, l, values, &error);
      g_assert_no_error (error);
      ids[l][1] = ks_plan_add_item (ws, acc, l, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < info->n_fields; i++)
        {
          KsPlanValue v = sample_value (&info->fields[i], &refs, 200 + i);

          if (!ks_plan_set_item_field (ws, l, ids[l][1], info->fields[i].key, &v, &error))
            g_error ("%s.%s: %s", info->key, info->fields[i].key, error->message);
          ks_plan_value_clear (&v);
          ks_plan_value_clear (&values[i]);
        }
      g_free (values);
    }
  for (guint k = 0; k <= KS_PLAN_KIND_PRODUCT; k++)
    g_assert_true (kinds_seen[k]);

  /* The other account's plan stays empty. */
  plan = ks_plan_load (ws, other, &error);
  g_assert_no_error (error);
  g_assert_true (ks_plan_is_empty (plan));
  ks_plan_free (plan);

  g_object_unref (ws);
  ws = ks_test_open_workspace (path, TRUE);
  plan = ks_plan_load (ws, acc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->account_id, ==, acc);
  for (guint i = 0; i < n_fields; i++)
    {
      KsPlanValue want = sample_value (&fields[i], &refs, i);
      assert_value (&fields[i], &plan->values[i], &want);
      ks_plan_value_clear (&want);
    }
  for (int l = 0; l < KS_PLAN_N_LISTS; l++)
    {
      const KsPlanListInfo *info = ks_plan_list_info (l);
      GPtrArray *items = plan->items[l];
      /* Sorted lists: the first item's date (salt 100 + i) and the second's
       * (salt 200 + i) decide; others keep the order they were added in. */
      guint first = 0;

      g_assert_cmpuint (items->len, ==, 2);
      if (info->sort_key)
        {
          int d = ks_plan_list_field_index (l, info->sort_key);
          KsPlanValue a = sample_value (&info->fields[d], &refs, 100 + d);
          KsPlanValue b = sample_value (&info->fields[d], &refs, 200 + d);
          gboolean a_first = info->newest_first ? strcmp (a.text, b.text) > 0 : strcmp (a.text, b.text) < 0;

          first = a_first ? 0 : 1;
          ks_plan_value_clear (&a);
          ks_plan_value_clear (&b);
        }
      for (guint k = 0; k < 2; k++)
        {
          KsPlanItem *item = g_ptr_array_index (items, k == 0 ? first : 1 - first);

          g_assert_cmpint (item->id, ==, ids[l][k]);
          for (guint i = 0; i < info->n_fields; i++)
            {
              KsPlanValue want = sample_value (&info->fields[i], &refs, (k ? 200 : 100) + i);
              assert_value (&info->fields[i], &item->values[i], &want);
              ks_plan_value_clear (&want);
            }
        }
    }
  ks_plan_free (plan);
  g_object_unref (ws);
}

/* Meetings newest first, undated (just added) on top; notes oldest first. */
static void
test_list_order (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(GError) error = NULL;
  gint64 acc = ks_test_add_account (ws, "A");
  const char *dates[] = { "2026-02-01", "2025-12-24", "", "2026-03-10" };
  gint64 ids[4];
  KsPlan *plan;

  for (guint i = 0; i < 4; i++)
    {
      KsPlanValue v = text_value (dates[i]);
      ids[i] = ks_plan_add_item (ws, acc, KS_PLAN_MEETINGS, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (ks_plan_set_item_field (ws, KS_PLAN_MEETINGS, ids[i], "date", &v, &error));
      g_assert_no_error (error);
      ks_plan_value_clear (&v);
      g_assert_cmpint (ks_plan_add_item (ws, acc, KS_PLAN_NOTES, NULL, &error), >, 0);
      v = text_value (dates[i]);
      g_assert_true (ks_plan_set_item_field (ws, KS_PLAN_NOTES,
                                             ks_workspace_last_insert_id (ws),
                                             "date", &v, &error));
      ks_plan_value_clear (&v);
    }
  plan = ks_plan_load (ws, acc, &error);
  g_assert_no_error (error);
  /* Meetings: "", 2026-03-10, 2026-02-01, 2025-12-24. */
  g_assert_cmpint (((KsPlanItem *) g_ptr_array_index (plan->items[KS_PLAN_MEETINGS], 0))->id, ==, ids[2]);
  g_assert_cmpint (((KsPlanItem *) g_ptr_array_index (plan->items[KS_PLAN_MEETINGS], 1))->id, ==, ids[3]);
  g_assert_cmpint (((KsPlanItem *) g_ptr_array_index (plan->items[KS_PLAN_MEETINGS], 2))->id, ==, ids[0]);
  g_assert_cmpint (((KsPlanItem *) g_ptr_array_index (plan->items[KS_PLAN_MEETINGS], 3))->id, ==, ids[1]);
  /* Notes: 2025-12-24, 2026-02-01, 2026-03-10, "". */
  g_assert_cmpstr (ks_plan_item_get (g_ptr_array_index (plan->items[KS_PLAN_NOTES], 0), KS_PLAN_NOTES, "date")->text, ==, "2025-12-24");
  g_assert_cmpstr (ks_plan_item_get (g_ptr_array_index (plan->items[KS_PLAN_NOTES], 1), KS_PLAN_NOTES, "date")->text, ==, "2026-02-01");
  g_assert_cmpstr (ks_plan_item_get (g_ptr_array_index (plan->items[KS_PLAN_NOTES], 2), KS_PLAN_NOTES, "date")->text, ==, "2026-03-10");
  g_assert_cmpstr (ks_plan_item_get (g_ptr_array_index (plan->items[KS_PLAN_NOTES], 3), KS_PLAN_NOTES, "date")->text, ==, "");
  ks_plan_free (plan);
}

static void
test_long_text (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "long.keystone", NULL);
  g_autoptr(GError) error = NULL;
  KsWorkspace *ws = ks_test_open_workspace (path, TRUE);
  gint64 acc = ks_test_add_account (ws, "شركة الرياض");
  g_autoptr(GString) long_text = g_string_new (NULL);
  const char *pieces = "Hyvää päivää, äöå ÄÖÅ. مرحبا بالعالم 🚀👩‍👩‍👧 ";
  const char *line = "Öljynjalostamo — مصفاة النفط 🛢️ Ääkköset";
  KsPlan *plan;

  while (g_utf8_strlen (long_text->str, -1) < 10000)
    g_string_append (long_text, pieces);
  g_assert_cmpint (g_utf8_strlen (long_text->str, -1), >=, 10000);
  set_text (ws, acc, "history", long_text->str);
  set_text (ws, acc, "locations", line);

  g_object_unref (ws);
  ws = ks_test_open_workspace (path, TRUE);
  plan = ks_plan_load (ws, acc, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ks_plan_get (plan, "history")->text, ==, long_text->str);
  g_assert_cmpstr (ks_plan_get (plan, "locations")->text, ==, line);
  ks_plan_free (plan);
  g_object_unref (ws);
}

/* ---- validation ---------------------------------------------------------------- */

/* error is a pointer: the call that fills it is another argument. */
static void
assert_refused (gboolean     ok,
                GError     **errorp,
                const char  *needle)
{
  GError *error = *errorp;

  g_assert_false (ok);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  if (!strstr (error->message, needle))
    g_error ("“%s” does not mention “%s”", error->message, needle);
}

static void
test_validation (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  gint64 acc = ks_test_add_account (ws, "A");
  gint64 elsewhere = ks_test_add_account (ws, "B");
  gint64 theirs = ks_test_add_contact (ws, elsewhere, "Someone Else", KS_NODE_CONTACT, KS_POWER_HIGH);
  gint64 objective, project;
  const char *bad_dates[] = { "2026-02-30", "2026-13-01", "tomorrow", "2026-2-3", "2025-02-29" };
  KsPlanValue v;
  KsPlan *plan;

  objective = ks_plan_add_item (ws, acc, KS_PLAN_OBJECTIVES, NULL, NULL);
  project = ks_plan_add_item (ws, acc, KS_PLAN_PROJECTS, NULL, NULL);
  g_assert_cmpint (objective, >, 0);
  g_assert_cmpint (project, >, 0);
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, "Add Project");

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_autoptr(GError) error = NULL;
      v = text_value (bad_dates[i]);
      assert_refused (ks_plan_set_item_field (ws, KS_PLAN_OBJECTIVES, objective, "due", &v, &error),
                      &error, "“Due”");
      ks_plan_value_clear (&v);
    }
  /* 2024 was a leap year. */
  {
    g_autoptr(GError) error = NULL;
    v = text_value ("2024-02-29");
    g_assert_true (ks_plan_set_item_field (ws, KS_PLAN_OBJECTIVES, objective, "due", &v, &error));
    g_assert_no_error (error);
    ks_plan_value_clear (&v);
  }

  {
    const struct { const char *key; double number; const char *label; } bad[] = {
      { "share_of_wallet", 101, "“Share of wallet”" },
      { "share_of_wallet", -1, "“Share of wallet”" },
      { "sites", -3, "“Number of sites”" },
      { "investment", INFINITY, "“Investment volume per year”" },
      { "trainings_done", 2, "“Trainings done”" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) error = NULL;
        v = number_value (bad[i].number);
        assert_refused (ks_plan_set_field (ws, acc, bad[i].key, &v, &error), &error, bad[i].label);
        ks_plan_value_clear (&v);
      }
  }
  {
    g_autoptr(GError) error = NULL;
    v = text_value ("best-friend");
    assert_refused (ks_plan_set_field (ws, acc, "perception_current", &v, &error), &error,
                    "“How they see us today”");
    ks_plan_value_clear (&v);
  }
  {
    g_autoptr(GError) error = NULL;
    v = text_value ("two\nlines");
    assert_refused (ks_plan_set_field (ws, acc, "locations", &v, &error), &error, "“Locations”");
    ks_plan_value_clear (&v);
  }
  {
    g_autoptr(GError) error = NULL;
    v = text_value ("bad \xff byte");
    assert_refused (ks_plan_set_field (ws, acc, "history", &v, &error), &error, "“History”");
    ks_plan_value_clear (&v);
  }
  {
    g_autoptr(GError) error = NULL;
    v = id_value (theirs);
    assert_refused (ks_plan_set_item_field (ws, KS_PLAN_PROJECTS, project, "contact", &v, &error), &error,
                    "“Customer contact”");
    ks_plan_value_clear (&v);
  }
  {
    g_autoptr(GError) error = NULL;
    v = id_value (424242);
    assert_refused (ks_plan_set_field (ws, acc, "mentor", &v, &error), &error, "“Handed over by”");
    ks_plan_value_clear (&v);
  }
  /* A refused value in a new item names the field too. */
  {
    g_autoptr(GError) error = NULL;
    KsPlanValue values[4] = { text_value ("Call"), id_value (0), text_value ("2026-04-31"), text_value ("open") };
    assert_refused (ks_plan_add_item (ws, acc, KS_PLAN_ACTIONS, values, &error) != 0, &error, "“Due”");
    for (guint i = 0; i < 4; i++)
      ks_plan_value_clear (&values[i]);
  }

  /* Three objectives at most. */
  g_assert_cmpint (ks_plan_add_item (ws, acc, KS_PLAN_OBJECTIVES, NULL, NULL), >, 0);
  g_assert_cmpint (ks_plan_add_item (ws, acc, KS_PLAN_OBJECTIVES, NULL, NULL), >, 0);
  {
    g_autoptr(GError) error = NULL;
    assert_refused (ks_plan_add_item (ws, acc, KS_PLAN_OBJECTIVES, NULL, &error) != 0, &error,
                    "“Top 3 Objectives”");
  }
  /* The same through save. */
  plan = ks_plan_load (ws, acc, NULL);
  g_ptr_array_add (plan->items[KS_PLAN_OBJECTIVES], ks_plan_item_new (KS_PLAN_OBJECTIVES));
  {
    g_autoptr(GError) error = NULL;
    assert_refused (ks_plan_save (ws, plan, &error), &error, "“Top 3 Objectives”");
  }
  ks_plan_free (plan);

  /* Nothing refused was stored: no plan row, no action, three objectives,
   * and the last undo step is still the last objective added. */
  g_assert_cmpint (count_rows (ws, "SELECT count (*) FROM account_plans"), ==, 0);
  g_assert_cmpint (count_rows (ws, "SELECT count (*) FROM plan_actions"), ==, 0);
  g_assert_cmpint (count_rows (ws, "SELECT count (*) FROM plan_objectives"), ==, 3);
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, "Add Objective");

  /* Unknown keys and items. */
  {
    g_autoptr(GError) error = NULL;
    v = text_value ("x");
    g_assert_false (ks_plan_set_field (ws, acc, "no_such_field", &v, &error));
    g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (ks_plan_set_item_field (ws, KS_PLAN_ACTIONS, 999, "action", &v, &error));
    g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (ks_plan_delete_item (ws, KS_PLAN_ACTIONS, 999, &error));
    g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (ks_plan_set_field (ws, 31337, "business", &v, &error));
    g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
    ks_plan_value_clear (&v);
  }
}

static void
assert_parses (const char *key,
               const char *text,
               double      number)
{
  g_autoptr(GError) error = NULL;
  const KsPlanField *field = &ks_plan_fields (NULL)[ks_plan_field_index (key)];
  KsPlanValue v;

  if (!ks_plan_value_parse (field, text, &v, &error))
    g_error ("“%s” as %s: %s", text, key, error->message);
  if (isnan (number))
    g_assert_true (isnan (v.number));
  else
    g_assert_cmpfloat (v.number, ==, number);
  ks_plan_value_clear (&v);
}

static void
assert_parse_refused (const char *key,
                      const char *text)
{
  g_autoptr(GError) error = NULL;
  const KsPlanField *field = &ks_plan_fields (NULL)[ks_plan_field_index (key)];
  KsPlanValue v;

  if (ks_plan_value_parse (field, text, &v, &error))
    g_error ("“%s” as %s was accepted", text, key);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, field->label));
}

static void
test_parse (void)
{
  const KsPlanField *fields = ks_plan_fields (NULL);
  g_autoptr(GError) error = NULL;
  KsPlanValue v;

  assert_parses ("investment", "1200.5", 1200.5);
  assert_parses ("investment", "1,200.5", 1200.5);
  assert_parses ("investment", " 1 200 000 ", 1200000);
  assert_parses ("investment", "", NAN);
  assert_parses ("share_of_wallet", "45 %", 45);
  assert_parses ("share_of_wallet", "0", 0);
  assert_parses ("share_of_wallet", "100", 100);
  assert_parses ("trainings_done", "yes", 1);
  assert_parses ("trainings_done", "", 0);
  assert_parse_refused ("investment", "-3");
  assert_parse_refused ("investment", "12,5");     /* C locale: not a group of three */
  assert_parse_refused ("investment", "1e9");
  assert_parse_refused ("investment", "inf");
  assert_parse_refused ("investment", "1.2.3");
  assert_parse_refused ("share_of_wallet", "101");
  assert_parse_refused ("trainings_done", "maybe");

  /* One-line text: line breaks become spaces; the ends are trimmed. */
  g_assert_true (ks_plan_value_parse (&fields[ks_plan_field_index ("locations")], "  Espoo\nTampere\r\n", &v, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (v.text, ==, "Espoo Tampere");
  ks_plan_value_clear (&v);
  /* Long text keeps them. */
  g_assert_true (ks_plan_value_parse (&fields[ks_plan_field_index ("history")], "a\n\nb", &v, &error));
  g_assert_cmpstr (v.text, ==, "a\n\nb");
  ks_plan_value_clear (&v);
  /* Choices by key or by their label. */
  g_assert_true (ks_plan_value_parse (&fields[ks_plan_field_index ("perception_target")], "Key supplier", &v, &error));
  g_assert_cmpstr (v.text, ==, "key");
  ks_plan_value_clear (&v);
  g_assert_true (ks_plan_value_parse (&fields[ks_plan_field_index ("perception_target")], "strategic", &v, &error));
  g_assert_cmpstr (v.text, ==, "strategic");
  ks_plan_value_clear (&v);
  assert_parse_refused ("perception_target", "best friend");
  /* Dates: only real days. */
  {
    const KsPlanField *due = &ks_plan_list_info (KS_PLAN_OBJECTIVES)->fields[ks_plan_list_field_index (KS_PLAN_OBJECTIVES, "due")];
    g_assert_true (ks_plan_value_parse (due, " 2026-03-15 ", &v, &error));
    g_assert_cmpstr (v.text, ==, "2026-03-15");
    ks_plan_value_clear (&v);
    g_assert_false (ks_plan_value_parse (due, "2026-02-30", &v, &error));
    g_assert_nonnull (strstr (error->message, "“Due”"));
  }
}

/* ---- undo ------------------------------------------------------------------------ */

static char *
business_of (KsWorkspace *ws,
             gint64       acc)
{
  KsPlan *plan = ks_plan_load (ws, acc, NULL);
  char *text = g_strdup (ks_plan_get (plan, "business")->text);

  ks_plan_free (plan);
  return text;
}

static guint
n_items (KsWorkspace *ws,
         gint64       acc,
         KsPlanList   list)
{
  KsPlan *plan = ks_plan_load (ws, acc, NULL);
  guint n = plan->items[list]->len;

  ks_plan_free (plan);
  return n;
}

static void
undo_ok (KsWorkspace *ws,
         const char  *label)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, label);
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_no_error (error);
}

static void
redo_ok (KsWorkspace *ws,
         const char  *label)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (ks_workspace_get_redo_label (ws), ==, label);
  g_assert_true (ks_workspace_redo (ws, &error));
  g_assert_no_error (error);
}

static void
test_undo (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(GError) error = NULL;
  gint64 acc = ks_test_add_account (ws, "A");
  gint64 meeting, action;
  KsPlanValue v;
  KsPlan *plan;
  char *text;

  /* set_field: first write creates the row; undo removes it again. */
  set_text (ws, acc, "business", "Gears");
  undo_ok (ws, "Edit Plan");
  g_assert_cmpint (count_rows (ws, "SELECT count (*) FROM account_plans"), ==, 0);
  redo_ok (ws, "Edit Plan");
  text = business_of (ws, acc);
  g_assert_cmpstr (text, ==, "Gears");
  g_free (text);
  set_text (ws, acc, "business", "Gears and motors");
  undo_ok (ws, "Edit Plan");
  text = business_of (ws, acc);
  g_assert_cmpstr (text, ==, "Gears");
  g_free (text);
  redo_ok (ws, "Edit Plan");

  /* add_item */
  meeting = ks_plan_add_item (ws, acc, KS_PLAN_MEETINGS, NULL, &error);
  g_assert_no_error (error);
  undo_ok (ws, "Add Meeting");
  g_assert_cmpuint (n_items (ws, acc, KS_PLAN_MEETINGS), ==, 0);
  redo_ok (ws, "Add Meeting");
  g_assert_cmpuint (n_items (ws, acc, KS_PLAN_MEETINGS), ==, 1);

  /* set_item_field */
  v = text_value ("Plant tour in Espoo");
  g_assert_true (ks_plan_set_item_field (ws, KS_PLAN_MEETINGS, meeting, "notes", &v, &error));
  ks_plan_value_clear (&v);
  undo_ok (ws, "Edit Meeting");
  plan = ks_plan_load (ws, acc, NULL);
  g_assert_cmpstr (ks_plan_item_get (g_ptr_array_index (plan->items[KS_PLAN_MEETINGS], 0),
                                     KS_PLAN_MEETINGS, "notes")->text, ==, "");
  ks_plan_free (plan);
  redo_ok (ws, "Edit Meeting");
  plan = ks_plan_load (ws, acc, NULL);
  g_assert_cmpstr (ks_plan_item_get (g_ptr_array_index (plan->items[KS_PLAN_MEETINGS], 0),
                                     KS_PLAN_MEETINGS, "notes")->text, ==, "Plant tour in Espoo");
  ks_plan_free (plan);

  /* delete_item */
  action = ks_plan_add_item (ws, acc, KS_PLAN_ACTIONS, NULL, &error);
  v = text_value ("Send the offer");
  g_assert_true (ks_plan_set_item_field (ws, KS_PLAN_ACTIONS, action, "action", &v, &error));
  ks_plan_value_clear (&v);
  g_assert_true (ks_plan_delete_item (ws, KS_PLAN_ACTIONS, action, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (ws, acc, KS_PLAN_ACTIONS), ==, 0);
  undo_ok (ws, "Remove Action");
  plan = ks_plan_load (ws, acc, NULL);
  g_assert_cmpuint (plan->items[KS_PLAN_ACTIONS]->len, ==, 1);
  g_assert_cmpint (((KsPlanItem *) g_ptr_array_index (plan->items[KS_PLAN_ACTIONS], 0))->id, ==, action);
  g_assert_cmpstr (ks_plan_item_get (g_ptr_array_index (plan->items[KS_PLAN_ACTIONS], 0),
                                     KS_PLAN_ACTIONS, "action")->text, ==, "Send the offer");
  ks_plan_free (plan);
  redo_ok (ws, "Remove Action");
  g_assert_cmpuint (n_items (ws, acc, KS_PLAN_ACTIONS), ==, 0);

  /* save: the whole plan replaced in one step, and back in one step. */
  plan = ks_plan_new (acc);
  g_free (plan->values[ks_plan_field_index ("business")].text);
  plan->values[ks_plan_field_index ("business")].text = g_strdup ("Imported");
  g_ptr_array_add (plan->items[KS_PLAN_NOTES], ks_plan_item_new (KS_PLAN_NOTES));
  g_ptr_array_add (plan->items[KS_PLAN_NOTES], ks_plan_item_new (KS_PLAN_NOTES));
  g_assert_true (ks_plan_save (ws, plan, &error));
  g_assert_no_error (error);
  ks_plan_free (plan);
  g_assert_cmpuint (n_items (ws, acc, KS_PLAN_MEETINGS), ==, 0);
  g_assert_cmpuint (n_items (ws, acc, KS_PLAN_NOTES), ==, 2);
  undo_ok (ws, "Replace Plan");
  text = business_of (ws, acc);
  g_assert_cmpstr (text, ==, "Gears and motors");
  g_free (text);
  g_assert_cmpuint (n_items (ws, acc, KS_PLAN_MEETINGS), ==, 1);
  g_assert_cmpuint (n_items (ws, acc, KS_PLAN_NOTES), ==, 0);
  redo_ok (ws, "Replace Plan");
  text = business_of (ws, acc);
  g_assert_cmpstr (text, ==, "Imported");
  g_free (text);

  /* Saving an empty plan leaves no row behind. */
  plan = ks_plan_new (acc);
  g_assert_true (ks_plan_save (ws, plan, &error));
  ks_plan_free (plan);
  g_assert_cmpint (count_rows (ws, "SELECT count (*) FROM account_plans"), ==, 0);
  g_assert_cmpint (count_rows (ws, "SELECT count (*) FROM plan_notes"), ==, 0);
}

/* The plan's tables announce their changes. */
static void
on_changed (KsWorkspace *ws,
            const char  *table,
            gpointer     data)
{
  g_string_append_printf (data, "%s;", table);
}

static void
test_changed_signal (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(GString) seen = g_string_new (NULL);
  gint64 acc = ks_test_add_account (ws, "A");

  g_signal_connect (ws, "changed", G_CALLBACK (on_changed), seen);
  set_text (ws, acc, "business", "x");
  g_assert_cmpstr (seen->str, ==, "account_plans;");
  g_string_truncate (seen, 0);
  g_assert_cmpint (ks_plan_add_item (ws, acc, KS_PLAN_MEETINGS, NULL, NULL), >, 0);
  g_assert_cmpstr (seen->str, ==, "plan_meetings;");
}

/* ---- deletions ------------------------------------------------------------------ */

static void
test_deletions (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(GError) error = NULL;
  gint64 acc = ks_test_add_account (ws, "A");
  gint64 keep = ks_test_add_account (ws, "B");
  gint64 jonas = ks_test_add_person (ws, "Jonas", 0);
  gint64 claudia = ks_test_add_contact (ws, acc, "Claudia", KS_NODE_CONTACT, KS_POWER_HIGH);
  gint64 gear = ks_test_add_product (ws, "Gear");
  gint64 project, objective, product;
  KsPlanValue v;
  KsPlan *plan;

  v = id_value (jonas);
  g_assert_true (ks_plan_set_field (ws, acc, "mentee", &v, &error));
  objective = ks_plan_add_item (ws, acc, KS_PLAN_OBJECTIVES, NULL, &error);
  g_assert_true (ks_plan_set_item_field (ws, KS_PLAN_OBJECTIVES, objective, "owner", &v, &error));
  ks_plan_value_clear (&v);
  v = id_value (claudia);
  project = ks_plan_add_item (ws, acc, KS_PLAN_PROJECTS, NULL, &error);
  g_assert_true (ks_plan_set_item_field (ws, KS_PLAN_PROJECTS, project, "contact", &v, &error));
  ks_plan_value_clear (&v);
  v = id_value (gear);
  product = ks_plan_add_item (ws, acc, KS_PLAN_PRODUCTS, NULL, &error);
  g_assert_true (ks_plan_set_item_field (ws, KS_PLAN_PRODUCTS, product, "product", &v, &error));
  ks_plan_value_clear (&v);
  g_assert_no_error (error);
  set_text (ws, keep, "business", "stays");
  g_assert_cmpint (ks_plan_add_item (ws, keep, KS_PLAN_NOTES, NULL, NULL), >, 0);

  g_assert_true (ks_person_delete (ws, jonas, &error));
  g_assert_true (ks_contact_delete (ws, claudia, &error));
  g_assert_true (ks_product_delete (ws, gear, &error));
  g_assert_no_error (error);

  plan = ks_plan_load (ws, acc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ks_plan_get (plan, "mentee")->id, ==, 0);
  g_assert_cmpint (ks_plan_item_get (g_ptr_array_index (plan->items[KS_PLAN_OBJECTIVES], 0), KS_PLAN_OBJECTIVES, "owner")->id, ==, 0);
  g_assert_cmpint (ks_plan_item_get (g_ptr_array_index (plan->items[KS_PLAN_PROJECTS], 0), KS_PLAN_PROJECTS, "contact")->id, ==, 0);
  g_assert_cmpint (ks_plan_item_get (g_ptr_array_index (plan->items[KS_PLAN_PRODUCTS], 0), KS_PLAN_PRODUCTS, "product")->id, ==, 0);
  ks_plan_free (plan);

  /* Deleting the account removes its plan, and only its plan. */
  g_assert_true (ks_account_delete (ws, acc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (ws, "SELECT count (*) FROM account_plans"), ==, 1);
  g_assert_cmpint (count_rows (ws, "SELECT count (*) FROM plan_objectives"), ==, 0);
  g_assert_cmpint (count_rows (ws, "SELECT count (*) FROM plan_projects"), ==, 0);
  g_assert_cmpint (count_rows (ws, "SELECT count (*) FROM plan_products"), ==, 0);
  g_assert_cmpint (count_rows (ws, "SELECT count (*) FROM plan_notes"), ==, 1);
  /* And undoing the deletion brings it back. */
  undo_ok (ws, ks_workspace_get_undo_label (ws));
  g_assert_cmpint (count_rows (ws, "SELECT count (*) FROM account_plans"), ==, 2);
  g_assert_cmpint (count_rows (ws, "SELECT count (*) FROM plan_projects"), ==, 1);
}

/* ---- checks --------------------------------------------------------------------- */

static void
put (KsPlanValue *value,
     const char  *text)
{
  g_free (value->text);
  value->text = g_strdup (text);
}

static KsPlanItem *
item_with (KsPlan     *plan,
           KsPlanList  list,
           gint64      id)
{
  KsPlanItem *item = ks_plan_item_new (list);

  item->id = id;
  g_ptr_array_add (plan->items[list], item);
  return item;
}

static KsPlanValue *
item_value (KsPlanItem *item,
            KsPlanList  list,
            const char *key)
{
  return &item->values[ks_plan_list_field_index (list, key)];
}

static KsPlanValue *
plan_value (KsPlan     *plan,
            const char *key)
{
  return &plan->values[ks_plan_field_index (key)];
}

/* "kind/field/item;..." of the findings, in order; overdue ones marked "!". */
static char *
describe (GPtrArray *findings)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      KsPlanFinding *f = g_ptr_array_index (findings, i);

      g_assert_nonnull (f->message);
      g_assert_true (*f->message);
      g_string_append (s, f->kind);
      if (f->field)
        g_string_append_printf (s, "/%s", f->field);
      if (f->item_id)
        g_string_append_printf (s, "#%lld", (long long) f->item_id);
      if (f->overdue)
        g_string_append_c (s, '!');
      g_string_append_c (s, ';');
    }
  return g_string_free (s, FALSE);
}

static void
test_check_empty (void)
{
  KsPlan *plan = ks_plan_new (1);
  KsPlanCheckContext ctx = { "2026-03-15", 0, 0, 0 };
  GPtrArray *findings = ks_plan_check (plan, &ctx);
  g_autofree char *got = describe (findings);
  KsPlanFinding *f;

  g_assert_cmpstr (got, ==,
                   "no-profile/business;no-decision-maker;no-decision-process/decision_process;"
                   "no-objective;no-products;no-meeting-recently;"
                   "swot-empty/strengths;swot-empty/weaknesses;swot-empty/opportunities;swot-empty/threats;"
                   "no-perception/perception_current;no-communication-style/communication;"
                   "no-early-warnings/early_warnings;no-action;"
                   "handover-open/trainings_done;handover-open/joint_visit_done;"
                   "handover-open/introduced;handover-open/plan_reviewed;");
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpint (f->section, ==, KS_PLAN_SECTION_PROFILE);
  g_assert_cmpint (f->list, ==, KS_PLAN_NO_LIST);
  f = g_ptr_array_index (findings, 3);
  g_assert_cmpint (f->section, ==, KS_PLAN_SECTION_OBJECTIVES);
  g_assert_cmpint (f->list, ==, KS_PLAN_OBJECTIVES);
  f = g_ptr_array_index (findings, findings->len - 1);
  g_assert_cmpint (f->section, ==, KS_PLAN_SECTION_HANDOVER);
  g_ptr_array_unref (findings);
  ks_plan_free (plan);
}

static void
test_check_known_answers (void)
{
  KsPlan *plan = ks_plan_new (1);
  KsPlanCheckContext ctx = { "2026-03-15", 4, 1, 0 };
  KsPlanItem *it;
  GPtrArray *findings;
  g_autofree char *got = NULL;
  const char *const filled[] = {
    "business", "decision_process", "strengths", "weaknesses", "opportunities", "threats",
    "communication", "early_warnings",
  };

  for (guint i = 0; i < G_N_ELEMENTS (filled); i++)
    put (plan_value (plan, filled[i]), "something");
  /* SWOT whitespace only counts as empty. */
  put (plan_value (plan, "threats"), "  \n ");
  put (plan_value (plan, "perception_current"), "key");
  put (plan_value (plan, "perception_target"), "preferred");   /* lower than key */
  plan_value (plan, "trainings_done")->number = 1;
  plan_value (plan, "joint_visit_done")->number = 1;
  plan_value (plan, "introduced")->number = 1;
  plan_value (plan, "plan_reviewed")->number = 0;

  /* Objectives: 11 complete, 12 no date, 13 no measure and no date. */
  it = item_with (plan, KS_PLAN_OBJECTIVES, 11);
  put (item_value (it, KS_PLAN_OBJECTIVES, "objective"), "Grow share to 40 %");
  put (item_value (it, KS_PLAN_OBJECTIVES, "measure"), "Share of wallet");
  put (item_value (it, KS_PLAN_OBJECTIVES, "due"), "2026-12-31");
  it = item_with (plan, KS_PLAN_OBJECTIVES, 12);
  put (item_value (it, KS_PLAN_OBJECTIVES, "objective"), "Win the gearbox tender");
  put (item_value (it, KS_PLAN_OBJECTIVES, "measure"), "Signed contract");
  it = item_with (plan, KS_PLAN_OBJECTIVES, 13);
  item_with (plan, KS_PLAN_PRODUCTS, 21);

  /* Meetings (newest first): 31 on 2026-01-10, 21 + 28 + 15 = 64 days before today, next
   * steps due 2026-03-01 not done: overdue; 32 next steps due 2026-03-14
   * but done; 33 due today itself: not overdue yet. */
  it = item_with (plan, KS_PLAN_MEETINGS, 31);
  put (item_value (it, KS_PLAN_MEETINGS, "date"), "2026-01-10");
  put (item_value (it, KS_PLAN_MEETINGS, "next_due"), "2026-03-01");
  it = item_with (plan, KS_PLAN_MEETINGS, 32);
  put (item_value (it, KS_PLAN_MEETINGS, "date"), "2025-11-02");
  put (item_value (it, KS_PLAN_MEETINGS, "next_due"), "2026-03-14");
  item_value (it, KS_PLAN_MEETINGS, "next_done")->number = 1;
  it = item_with (plan, KS_PLAN_MEETINGS, 33);
  put (item_value (it, KS_PLAN_MEETINGS, "date"), "2025-10-01");
  put (item_value (it, KS_PLAN_MEETINGS, "next_due"), "2026-03-15");

  /* Actions: 41 open with owner, due yesterday: overdue; 42 in progress, no
   * owner, no date; 43 done long ago without owner: not checked; 44 no status
   * (counts as open), owner, due today: fine; 45 dropped, overdue: not checked. */
  it = item_with (plan, KS_PLAN_ACTIONS, 41);
  put (item_value (it, KS_PLAN_ACTIONS, "action"), "Call Claudia");
  item_value (it, KS_PLAN_ACTIONS, "owner")->id = 7;
  put (item_value (it, KS_PLAN_ACTIONS, "due"), "2026-03-14");
  put (item_value (it, KS_PLAN_ACTIONS, "status"), "open");
  it = item_with (plan, KS_PLAN_ACTIONS, 42);
  put (item_value (it, KS_PLAN_ACTIONS, "status"), "in-progress");
  it = item_with (plan, KS_PLAN_ACTIONS, 43);
  put (item_value (it, KS_PLAN_ACTIONS, "due"), "2025-01-01");
  put (item_value (it, KS_PLAN_ACTIONS, "status"), "done");
  it = item_with (plan, KS_PLAN_ACTIONS, 44);
  item_value (it, KS_PLAN_ACTIONS, "owner")->id = 7;
  put (item_value (it, KS_PLAN_ACTIONS, "due"), "2026-03-15");
  it = item_with (plan, KS_PLAN_ACTIONS, 45);
  item_value (it, KS_PLAN_ACTIONS, "owner")->id = 7;
  put (item_value (it, KS_PLAN_ACTIONS, "due"), "2026-01-01");
  put (item_value (it, KS_PLAN_ACTIONS, "status"), "dropped");

  findings = ks_plan_check (plan, &ctx);
  got = describe (findings);
  g_assert_cmpstr (got, ==,
                   "objective-no-date/due#12;objective-no-date/due#13;"
                   "objective-no-measure/measure#13;"
                   "next-step-overdue/next_due#31!;"
                   "swot-empty/threats;"
                   "target-not-above-current/perception_target;"
                   "action-no-owner/owner#42;action-no-date/due#42;"
                   "action-overdue/due#41!;"
                   "handover-open/plan_reviewed;");
  /* Messages name the item, or its number when it has no text. */
  g_assert_cmpstr (((KsPlanFinding *) g_ptr_array_index (findings, 0))->message, ==,
                   "Objective “Win the gearbox tender” has no due date");
  g_assert_cmpstr (((KsPlanFinding *) g_ptr_array_index (findings, 1))->message, ==,
                   "Objective 3 has no due date");
  g_assert_nonnull (strstr (((KsPlanFinding *) g_ptr_array_index (findings, 8))->message, "“Call Claudia”"));
  g_assert_nonnull (strstr (((KsPlanFinding *) g_ptr_array_index (findings, 8))->message, "2026-03-14"));
  g_ptr_array_unref (findings);

  /* A shorter stale limit: the last meeting (64 days ago) is too old. */
  ctx.stale_days = 63;
  findings = ks_plan_check (plan, &ctx);
  g_assert_cmpstr (((KsPlanFinding *) g_ptr_array_index (findings, 3))->kind, ==, "no-meeting-recently");
  g_ptr_array_unref (findings);
  ctx.stale_days = 64;
  findings = ks_plan_check (plan, &ctx);
  g_assert_cmpstr (((KsPlanFinding *) g_ptr_array_index (findings, 3))->kind, ==, "next-step-overdue");
  g_ptr_array_unref (findings);

  ks_plan_free (plan);
}

/* The meeting limit in days: 90 days ago is recent, 91 is not; a meeting in
 * the future does not count as held. */
static void
test_check_meeting_window (void)
{
  const struct { const char *date; gboolean finding; } cases[] = {
    { "2025-12-15", FALSE },   /* 16 + 31 + 28 + 15 = 90 days before 2026-03-15 */
    { "2025-12-14", TRUE },    /* 91 */
    { "2026-03-15", FALSE },   /* today */
    { "2026-04-01", TRUE },    /* planned, not held */
    { "", TRUE },              /* undated */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KsPlan *plan = ks_plan_new (1);
      KsPlanCheckContext ctx = { "2026-03-15", 1, 1, 0 };
      KsPlanItem *it = item_with (plan, KS_PLAN_MEETINGS, 1);
      GPtrArray *findings;
      g_autofree char *got = NULL;

      put (item_value (it, KS_PLAN_MEETINGS, "date"), cases[i].date);
      findings = ks_plan_check (plan, &ctx);
      got = describe (findings);
      if (cases[i].finding != (strstr (got, "no-meeting-recently") != NULL))
        g_error ("meeting on “%s”: %s", cases[i].date, got);
      /* 2026 is not a leap year; nothing here is about next steps. */
      g_assert_null (strstr (got, "next-step-overdue"));
      g_ptr_array_unref (findings);
      ks_plan_free (plan);
    }
}

static void
test_check_account (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(GError) error = NULL;
  gint64 acc = ks_test_add_account (ws, "A");
  gint64 action;
  GPtrArray *findings;
  g_autofree char *got = NULL;
  KsPlanValue v;

  ks_test_add_contact (ws, acc, "Low", KS_NODE_CONTACT, KS_POWER_LOW);
  findings = ks_plan_check_account (ws, acc, "2026-03-15", &error);
  g_assert_no_error (error);
  got = describe (findings);
  g_assert_nonnull (strstr (got, "no-decision-maker"));
  g_assert_nonnull (strstr (got, "no-action;"));
  g_ptr_array_unref (findings);
  g_clear_pointer (&got, g_free);

  ks_test_add_contact (ws, acc, "High", KS_NODE_CONTACT, KS_POWER_HIGH);
  action = ks_plan_add_item (ws, acc, KS_PLAN_ACTIONS, NULL, &error);
  v = text_value ("2026-03-10");
  g_assert_true (ks_plan_set_item_field (ws, KS_PLAN_ACTIONS, action, "due", &v, &error));
  ks_plan_value_clear (&v);
  findings = ks_plan_check_account (ws, acc, "2026-03-15", &error);
  g_assert_no_error (error);
  got = describe (findings);
  g_assert_null (strstr (got, "no-decision-maker"));
  g_assert_null (strstr (got, "no-action;"));
  g_assert_nonnull (strstr (got, "action-overdue/due#"));
  g_ptr_array_unref (findings);

  /* The same plan a week earlier: not overdue yet. */
  g_clear_pointer (&got, g_free);
  findings = ks_plan_check_account (ws, acc, "2026-03-08", &error);
  got = describe (findings);
  g_assert_null (strstr (got, "action-overdue"));
  g_ptr_array_unref (findings);

  g_assert_null (ks_plan_check_account (ws, acc, "15.3.2026", &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/plan/schema/template", test_schema_matches_template);
  g_test_add_func ("/core/plan/store/basic", test_basic_round_trip);
  g_test_add_func ("/core/plan/store/every-field", test_every_field_round_trip);
  g_test_add_func ("/core/plan/store/order", test_list_order);
  g_test_add_func ("/core/plan/store/long-text", test_long_text);
  g_test_add_func ("/core/plan/validate", test_validation);
  g_test_add_func ("/core/plan/parse", test_parse);
  g_test_add_func ("/core/plan/undo", test_undo);
  g_test_add_func ("/core/plan/changed", test_changed_signal);
  g_test_add_func ("/core/plan/deletions", test_deletions);
  g_test_add_func ("/core/plan/check/empty", test_check_empty);
  g_test_add_func ("/core/plan/check/known", test_check_known_answers);
  g_test_add_func ("/core/plan/check/meeting-window", test_check_meeting_window);
  g_test_add_func ("/core/plan/check/account", test_check_account);

  return g_test_run ();
}
