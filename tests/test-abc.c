/* test-abc.c — ABC / Pareto classification and the ranking of two periods
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected numbers are worked out by hand beside each case, or (for the
 * shared CRM export) with the sqlite3 shell over the CSV files, as described
 * at test_crm_export(); never by the code under test.
 */
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "ks-abc.h"
#include "ks-crm-import.h"
#include "ks-scoring.h"
#include "ks-test-util.h"
#include "ks-workspace-private.h"

static const KsAbcRow *
row_named (const KsAbcReport *report,
           const char        *name)
{
  for (guint i = 0; i < report->rows->len; i++)
    {
      const KsAbcRow *row = &g_array_index (report->rows, KsAbcRow, i);
      if (g_str_equal (row->name, name))
        return row;
    }
  g_assert_not_reached ();
  return NULL;
}

static const KsAbcRow *
row_at (const KsAbcReport *report,
        guint              rank)
{
  const KsAbcRow *row = &g_array_index (report->rows, KsAbcRow, rank - 1);

  g_assert_cmpuint (row->rank, ==, rank);
  return row;
}

/* ---- pure classification ------------------------------------------------------ */

static void
test_thresholds_exact (void)
{
  /* 60 + 30 + 10 = 100. First: before 0 % → A. Second: before exactly 60 %,
   * not below 60 → B. Third: before exactly 90 % → C. */
  static const KsAbcInput in[] = {
    { 3, "Small", 10, FALSE }, { 1, "Big", 60, TRUE }, { 2, "Middle", 30, FALSE },
  };
  g_autoptr(KsAbcReport) r = ks_abc_classify (in, 3, 60, 90);

  g_assert_cmpfloat (r->total, ==, 100);
  g_assert_cmpuint (r->rows->len, ==, 3);
  g_assert_cmpstr (row_at (r, 1)->name, ==, "Big");
  g_assert_cmpint (row_at (r, 1)->klass, ==, KS_ABC_A);
  g_assert_cmpfloat (row_at (r, 1)->share, ==, 60);
  g_assert_cmpfloat (row_at (r, 1)->cumulative_share, ==, 60);
  g_assert_cmpstr (row_at (r, 2)->name, ==, "Middle");
  g_assert_cmpint (row_at (r, 2)->klass, ==, KS_ABC_B);
  g_assert_cmpfloat (row_at (r, 2)->cumulative_share, ==, 90);
  g_assert_cmpstr (row_at (r, 3)->name, ==, "Small");
  g_assert_cmpint (row_at (r, 3)->klass, ==, KS_ABC_C);
  g_assert_cmpfloat (row_at (r, 3)->cumulative_share, ==, 100);
  g_assert_cmpuint (r->counts[KS_ABC_A], ==, 1);
  g_assert_cmpuint (r->counts[KS_ABC_B], ==, 1);
  g_assert_cmpuint (r->counts[KS_ABC_C], ==, 1);
  g_assert_cmpfloat (r->class_revenue[KS_ABC_B], ==, 30);
  /* Only "Big" is a key account: 60 of 100. */
  g_assert_cmpuint (r->n_key, ==, 1);
  g_assert_cmpfloat (r->key_revenue, ==, 60);
  g_assert_cmpfloat (r->key_share, ==, 60);
  g_assert_true (ks_abc_report_find (r, 2) == row_at (r, 2));
  g_assert_null (ks_abc_report_find (r, 99));
  g_assert_cmpstr (ks_abc_class_name (KS_ABC_B), ==, "B");
}

static void
test_binary_fractions (void)
{
  /* 0.7 + 0.2 + 0.1 = 1.0: the third has exactly 90 % before it (0.7 + 0.2
   * is 0.8999… in binary), so it is C, not B. */
  static const KsAbcInput in[] = {
    { 1, "a", 0.1, FALSE }, { 2, "b", 0.2, FALSE }, { 3, "c", 0.7, FALSE },
  };
  g_autoptr(KsAbcReport) r = ks_abc_classify (in, 3, 60, 90);

  g_assert_cmpstr (row_at (r, 1)->name, ==, "c");
  g_assert_cmpint (row_at (r, 1)->klass, ==, KS_ABC_A);
  g_assert_cmpint (row_at (r, 2)->klass, ==, KS_ABC_B);   /* before: 70 % */
  g_assert_cmpint (row_at (r, 3)->klass, ==, KS_ABC_C);   /* before: 90 % */
}

static void
test_ties_and_no_revenue (void)
{
  /* Total 40 + 20 + 20 + 20 = 100. The three at 20 rank by name: Alpha,
   * beta, Zeta (collation, not byte order: 'b' < 'Z' ignoring case).
   * Before: 0 → A; 40 → A; 60 → B; 80 → B. No revenue (0, NaN, negative) → C. */
  static const KsAbcInput in[] = {
    { 1, "Zeta", 20, FALSE }, { 2, "None", 0, FALSE }, { 3, "beta", 20, FALSE },
    { 4, "Top", 40, TRUE }, { 5, "Unknown", NAN, TRUE }, { 6, "Alpha", 20, FALSE },
    { 7, "Refund", -5, FALSE },
  };
  g_autoptr(KsAbcReport) r = NULL;

  setlocale (LC_COLLATE, "en_US.UTF-8");   /* where it exists; C.UTF-8 gives byte order */
  r = ks_abc_classify (in, G_N_ELEMENTS (in), 60, 90);
  g_assert_cmpfloat (r->total, ==, 100);
  g_assert_cmpstr (row_at (r, 1)->name, ==, "Top");
  g_assert_cmpstr (row_at (r, 2)->name, ==, "Alpha");
  g_assert_cmpint (row_at (r, 2)->klass, ==, KS_ABC_A);
  if (g_utf8_collate ("beta", "Zeta") < 0)
    {
      g_assert_cmpstr (row_at (r, 3)->name, ==, "beta");
      g_assert_cmpstr (row_at (r, 4)->name, ==, "Zeta");
    }
  else
    {
      g_assert_cmpstr (row_at (r, 3)->name, ==, "Zeta");
      g_assert_cmpstr (row_at (r, 4)->name, ==, "beta");
    }
  g_assert_cmpint (row_at (r, 3)->klass, ==, KS_ABC_B);
  g_assert_cmpint (row_at (r, 4)->klass, ==, KS_ABC_B);
  for (guint rank = 5; rank <= 7; rank++)
    {
      g_assert_cmpint (row_at (r, rank)->klass, ==, KS_ABC_C);
      g_assert_cmpfloat (row_at (r, rank)->revenue, ==, 0);
      g_assert_cmpfloat (row_at (r, rank)->share, ==, 0);
      g_assert_cmpfloat (row_at (r, rank)->cumulative_share, ==, 100);
    }
  /* Among no revenue, by name too: None, Refund, Unknown. */
  g_assert_cmpstr (row_at (r, 5)->name, ==, "None");
  g_assert_cmpstr (row_at (r, 7)->name, ==, "Unknown");
  g_assert_cmpuint (r->counts[KS_ABC_A], ==, 2);
  g_assert_cmpuint (r->counts[KS_ABC_B], ==, 2);
  g_assert_cmpuint (r->counts[KS_ABC_C], ==, 3);
  g_assert_cmpuint (r->n_key, ==, 2);
  g_assert_cmpfloat (r->key_share, ==, 40);

  /* The same input in another order gives the same ranking. */
  {
    KsAbcInput reversed[G_N_ELEMENTS (in)];
    g_autoptr(KsAbcReport) again = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (in); i++)
      reversed[i] = in[G_N_ELEMENTS (in) - 1 - i];
    again = ks_abc_classify (reversed, G_N_ELEMENTS (in), 60, 90);
    for (guint rank = 1; rank <= G_N_ELEMENTS (in); rank++)
      g_assert_cmpint (row_at (again, rank)->id, ==, row_at (r, rank)->id);
  }
  setlocale (LC_ALL, "");
}

static void
test_empty_and_all_zero (void)
{
  static const KsAbcInput zero[] = { { 1, "B", 0, FALSE }, { 2, "A", NAN, TRUE } };
  g_autoptr(KsAbcReport) empty = ks_abc_classify (NULL, 0, 60, 90);
  g_autoptr(KsAbcReport) r = ks_abc_classify (zero, 2, 60, 90);

  g_assert_cmpuint (empty->rows->len, ==, 0);
  g_assert_cmpfloat (empty->total, ==, 0);
  g_assert_cmpuint (empty->counts[KS_ABC_A] + empty->counts[KS_ABC_B] + empty->counts[KS_ABC_C], ==, 0);
  g_assert_cmpfloat (empty->key_share, ==, 0);
  g_assert_cmpfloat (empty->a_threshold, ==, 60);

  g_assert_cmpfloat (r->total, ==, 0);
  g_assert_cmpuint (r->counts[KS_ABC_C], ==, 2);
  g_assert_cmpstr (row_at (r, 1)->name, ==, "A");
  g_assert_cmpfloat (row_at (r, 1)->share, ==, 0);
  g_assert_cmpfloat (row_at (r, 1)->cumulative_share, ==, 0);
  g_assert_cmpfloat (r->key_share, ==, 0);
}

static void
test_other_thresholds (void)
{
  /* 20/80 thresholds over 50 + 30 + 20: before 0 → A; 50 → B; 80 → C. */
  static const KsAbcInput in[] = { { 1, "x", 50, FALSE }, { 2, "y", 30, FALSE }, { 3, "z", 20, FALSE } };
  g_autoptr(KsAbcReport) r = ks_abc_classify (in, 3, 20, 80);

  g_assert_cmpint (row_at (r, 1)->klass, ==, KS_ABC_A);
  g_assert_cmpint (row_at (r, 2)->klass, ==, KS_ABC_B);
  g_assert_cmpint (row_at (r, 3)->klass, ==, KS_ABC_C);
}

/* ---- the workspace -------------------------------------------------------------- */

static void
add_opportunity (KsWorkspace *ws,
                 const char  *ref,
                 gint64       account,
                 const char  *stage,
                 double       value,
                 const char  *close_date)
{
  KsStmt *stmt = ks_workspace_prepare (ws,
                                             "INSERT INTO opportunities (ref, account_id, stage, value, close_date)"
                                             " VALUES (?1, ?2, ?3, ?4, ?5)", NULL);

  g_assert_nonnull (stmt);
  ks_bind_text (stmt, 1, ref);
  ks_bind_id (stmt, 2, account);
  ks_bind_text (stmt, 3, stage);
  ks_bind_double_or_null (stmt, 4, value);
  ks_bind_text_or_null (stmt, 5, close_date);
  g_assert_true (ks_workspace_step_done (ws, stmt, "add", NULL));
}

static void
test_workspace_revenue (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  gint64 acme = ks_test_add_account (ws, "Acme");
  gint64 globex = ks_test_add_account (ws, "Globex");
  gint64 idle = ks_test_add_account (ws, "Idle");
  g_autoptr(KsAbcReport) r = NULL;
  g_autoptr(GError) error = NULL;
  double a, b;

  /* Acme: won 100 (2025) + 50 ("won " spelled otherwise, 2026) + 25 ("Order
   * received", 2026); lost 1000 and open 500 do not count. Globex: won 300
   * in 2026, and one without a value. An opportunity without account: ignored. */
  add_opportunity (ws, "o1", acme, "Won", 100, "2025-12-31");
  add_opportunity (ws, "o2", acme, "won ", 50, "2026-01-01");
  add_opportunity (ws, "o3", acme, "Order received", 25, "2026-06-30");
  add_opportunity (ws, "o4", acme, "Lost", 1000, "2026-02-01");
  add_opportunity (ws, "o5", acme, "Engaging", 500, NULL);
  add_opportunity (ws, "o6", globex, "Won", 300, "2026-03-01");
  add_opportunity (ws, "o7", globex, "Won", NAN, "2026-03-01");
  add_opportunity (ws, "o8", 0, "Won", 9999, "2026-03-01");
  {
    KsStmt *stmt = ks_workspace_prepare (ws, "UPDATE accounts SET revenue = ?2, segment = 'key' WHERE id = ?1", NULL);
    ks_stmt_bind_int64 (stmt, 1, idle);
    ks_stmt_bind_double (stmt, 2, 5000);
    g_assert_true (ks_workspace_step_done (ws, stmt, "update", NULL));
  }

  /* All time: Globex 300 (A, before 0), Acme 175 (before 300/475 = 63.2 % → B),
   * Idle 0 → C. Total 475. */
  r = ks_abc_report_load (ws, -1, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->rows->len, ==, 3);
  g_assert_cmpfloat (r->total, ==, 475);
  g_assert_cmpfloat (row_named (r, "Acme")->revenue, ==, 175);
  g_assert_cmpint (row_named (r, "Acme")->klass, ==, KS_ABC_B);
  g_assert_cmpint (row_named (r, "Globex")->klass, ==, KS_ABC_A);
  g_assert_cmpint (row_named (r, "Idle")->klass, ==, KS_ABC_C);
  g_assert_true (ks_abc_report_find (r, globex) == row_at (r, 1));
  g_assert_cmpfloat (r->key_share, ==, 0);   /* Idle is key, with no won value */
  g_clear_pointer (&r, ks_abc_report_free);

  /* 2026: Acme 50 + 25 = 75, Globex 300; 2025: Acme 100 only; 2024: nothing. */
  r = ks_abc_report_load (ws, KS_REVENUE_WON, 2026, &error);
  g_assert_cmpfloat (r->total, ==, 375);
  g_assert_cmpfloat (row_named (r, "Acme")->revenue, ==, 75);
  g_assert_cmpfloat (row_named (r, "Acme")->share, ==, 20);   /* 75 / 375 */
  g_clear_pointer (&r, ks_abc_report_free);
  r = ks_abc_report_load (ws, KS_REVENUE_WON, 2025, &error);
  g_assert_cmpfloat (r->total, ==, 100);
  g_assert_cmpint (row_named (r, "Acme")->klass, ==, KS_ABC_A);
  g_assert_cmpint (row_named (r, "Globex")->klass, ==, KS_ABC_C);
  g_clear_pointer (&r, ks_abc_report_free);
  r = ks_abc_report_load (ws, KS_REVENUE_WON, 2024, &error);
  g_assert_cmpfloat (r->total, ==, 0);
  g_assert_cmpuint (r->counts[KS_ABC_C], ==, 3);
  g_clear_pointer (&r, ks_abc_report_free);

  /* The account's own revenue field instead, from the setting. */
  g_assert_cmpint (ks_abc_get_source (ws), ==, KS_REVENUE_WON);
  g_assert_true (ks_abc_set_source (ws, KS_REVENUE_ACCOUNT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_abc_get_source (ws), ==, KS_REVENUE_ACCOUNT);
  r = ks_abc_report_load (ws, -1, -1, &error);
  g_assert_cmpfloat (r->total, ==, 5000);
  g_assert_cmpint (row_at (r, 1)->id, ==, idle);
  g_assert_cmpfloat (r->key_share, ==, 100);
  g_clear_pointer (&r, ks_abc_report_free);

  /* Thresholds are settings; bad ones are refused and bad stored ones ignored. */
  ks_abc_get_thresholds (ws, &a, &b);
  g_assert_cmpfloat (a, ==, 60);
  g_assert_cmpfloat (b, ==, 90);
  g_assert_true (ks_abc_set_thresholds (ws, 70, 95, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, "Change ABC Thresholds");
  ks_abc_get_thresholds (ws, &a, &b);
  g_assert_cmpfloat (a, ==, 70);
  g_assert_cmpfloat (b, ==, 95);
  r = ks_abc_report_load (ws, KS_REVENUE_WON, -1, &error);
  g_assert_cmpfloat (r->a_threshold, ==, 70);
  /* Acme: before 63.2 % < 70 → now A. */
  g_assert_cmpint (row_named (r, "Acme")->klass, ==, KS_ABC_A);
  g_clear_pointer (&r, ks_abc_report_free);
  g_assert_false (ks_abc_set_thresholds (ws, 90, 60, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ks_abc_set_thresholds (ws, 0, 60, &error));
  g_clear_error (&error);
  g_assert_false (ks_abc_set_thresholds (ws, 60, 100.5, &error));
  g_clear_error (&error);
  /* A stored value that is not a number falls back to its default ... */
  g_assert_true (ks_workspace_set_setting (ws, KS_ABC_SETTING_A_THRESHOLD, "lots", &error));
  ks_abc_get_thresholds (ws, &a, &b);
  g_assert_cmpfloat (a, ==, 60);
  g_assert_cmpfloat (b, ==, 95);
  /* ... and a pair out of order gives both defaults. */
  g_assert_true (ks_workspace_set_setting (ws, KS_ABC_SETTING_A_THRESHOLD, "97", &error));
  ks_abc_get_thresholds (ws, &a, &b);
  g_assert_cmpfloat (a, ==, 60);
  g_assert_cmpfloat (b, ==, 90);
}

/* The shared CRM export, won value per account. The expected figures were
 * computed with the sqlite3 shell straight from the CSV files:
 *
 *   .import --csv sales_pipeline.csv p
 *   .import --csv accounts.csv a
 *   CREATE VIEW r AS SELECT a.account AS name, coalesce ((SELECT sum (CAST (close_value AS REAL))
 *     FROM p WHERE p.account = a.account AND deal_stage = 'Won'), 0) AS rev FROM a;
 *   CREATE VIEW c AS SELECT name, rev, row_number () OVER (ORDER BY rev DESC, name) AS rk,
 *     coalesce (sum (rev) OVER (ORDER BY rev DESC, name ROWS BETWEEN UNBOUNDED PRECEDING
 *       AND 1 PRECEDING), 0) * 100.0 / (SELECT sum (rev) FROM r) AS before FROM r;
 *   SELECT CASE WHEN rev <= 0 THEN 'C' WHEN before < 60 THEN 'A' WHEN before < 90 THEN 'B'
 *     ELSE 'C' END AS cls, count (*), sum (rev) FROM c GROUP BY cls;
 *
 * → 85 accounts, all with won deals; 4238 won opportunities worth 10,005,534,
 * every one closed in 2017; A 39 (6,013,227), B 32 (3,062,358), C 14 (929,949).
 * Mathtouch and Singletechno tie at 163,339 (ranks 11 and 12, by name).
 */
static void
test_crm_export (void)
{
  g_autofree char *dir = ks_test_crm_dir ();
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  g_autoptr(KsAbcReport) r = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { const char *name; guint rank; double revenue; KsAbcClass klass; } known[] = {
    { "Kan-code", 1, 341455, KS_ABC_A },
    { "Konex", 2, 269245, KS_ABC_A },
    { "Isdom", 10, 164683, KS_ABC_A },
    { "Mathtouch", 11, 163339, KS_ABC_A },
    { "Singletechno", 12, 163339, KS_ABC_A },
    { "Finhigh", 38, 117255, KS_ABC_A },          /* before 57.76 % */
    { "dambase", 39, 116394, KS_ABC_A },          /* before 58.94 % */
    { "Globex Corporation", 40, 115712, KS_ABC_B },   /* before 60.10 % */
    { "Zumgoity", 71, 78237, KS_ABC_B },          /* before 89.92 % */
    { "Dalttechnology", 72, 77936, KS_ABC_C },    /* before 90.71 % */
    { "Golddex", 85, 51632, KS_ABC_C },
  };

  if (!dir)
    {
      g_test_skip ("the shared CRM export is not beside the project");
      return;
    }
  ws = ks_test_open_workspace (":memory:", FALSE);
  g_assert_true (ks_crm_import (ws, dir, FALSE, report, &error));
  g_assert_no_error (error);

  r = ks_abc_report_load (ws, -1, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->rows->len, ==, 85);
  g_assert_cmpfloat (r->total, ==, 10005534);
  g_assert_cmpuint (r->counts[KS_ABC_A], ==, 39);
  g_assert_cmpuint (r->counts[KS_ABC_B], ==, 32);
  g_assert_cmpuint (r->counts[KS_ABC_C], ==, 14);
  g_assert_cmpfloat (r->class_revenue[KS_ABC_A], ==, 6013227);
  g_assert_cmpfloat (r->class_revenue[KS_ABC_B], ==, 3062358);
  g_assert_cmpfloat (r->class_revenue[KS_ABC_C], ==, 929949);
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      const KsAbcRow *row = row_at (r, known[i].rank);

      g_test_message ("%s", known[i].name);
      g_assert_cmpstr (row->name, ==, known[i].name);
      g_assert_cmpfloat (row->revenue, ==, known[i].revenue);
      g_assert_cmpint (row->klass, ==, known[i].klass);
    }
  /* 341455 / 10005534 = 3.4127 % */
  g_assert_cmpfloat_with_epsilon (row_at (r, 1)->share, 3.4127, 0.0001);
  g_assert_cmpfloat_with_epsilon (row_at (r, 85)->cumulative_share, 100, 1e-9);
  g_clear_pointer (&r, ks_abc_report_free);

  /* By year: all in 2017, nothing in 2016. */
  r = ks_abc_report_load (ws, KS_REVENUE_WON, 2017, &error);
  g_assert_cmpfloat (r->total, ==, 10005534);
  g_assert_cmpuint (r->counts[KS_ABC_A], ==, 39);
  g_clear_pointer (&r, ks_abc_report_free);
  r = ks_abc_report_load (ws, KS_REVENUE_WON, 2016, &error);
  g_assert_cmpfloat (r->total, ==, 0);
  g_assert_cmpuint (r->counts[KS_ABC_C], ==, 85);
}

/* ---- ranking ----------------------------------------------------------------------- */

static const KsRankEntry *
entry_named (GArray     *list,
             const char *name)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_array_index (list, KsRankEntry, i).name, name))
      return &g_array_index (list, KsRankEntry, i);
  return NULL;
}

static void
test_ranking (void)
{
  /* Before: A 90, B 80, C 70, D 60, E 50 (F not ranked).
   * After:  B 95, A 85, F 75, D 60, C 55, E 40.
   * Top 4 before: A1 B2 C3 D4; after: B1 A2 F3 D4.
   * A: 1 → 2 (down 1); B: 2 → 1 (up 1); D stays 4; F is new; C dropped out;
   * E is in neither top 4. */
  static const KsRankInput before[] = {
    { 1, "A", 90 }, { 2, "B", 80 }, { 3, "C", 70 }, { 4, "D", 60 }, { 5, "E", 50 }, { 6, "F", NAN },
  };
  static const KsRankInput after[] = {
    { 5, "E", 40 }, { 3, "C", 55 }, { 6, "F", 75 }, { 4, "D", 60 }, { 1, "A", 85 }, { 2, "B", 95 },
  };
  g_autoptr(KsRanking) r = ks_ranking_compare (before, 6, after, 6, 4);
  const KsRankEntry *e;

  g_assert_cmpuint (r->top_n, ==, 4);
  g_assert_cmpuint (r->before->len, ==, 4);
  g_assert_cmpuint (r->after->len, ==, 4);
  g_assert_cmpstr (g_array_index (r->after, KsRankEntry, 0).name, ==, "B");
  g_assert_cmpstr (g_array_index (r->after, KsRankEntry, 2).name, ==, "F");

  e = entry_named (r->after, "A");
  g_assert_cmpuint (e->rank, ==, 2);
  g_assert_cmpuint (e->other_rank, ==, 1);   /* change other − rank = −1: down */
  e = entry_named (r->after, "B");
  g_assert_cmpuint (e->rank, ==, 1);
  g_assert_cmpuint (e->other_rank, ==, 2);   /* +1: up */
  e = entry_named (r->after, "D");
  g_assert_cmpuint (e->rank, ==, 4);
  g_assert_cmpuint (e->other_rank, ==, 4);
  e = entry_named (r->after, "F");
  g_assert_cmpuint (e->other_rank, ==, 0);   /* new entry */
  g_assert_cmpfloat (e->value, ==, 75);
  e = entry_named (r->before, "C");
  g_assert_cmpuint (e->rank, ==, 3);
  g_assert_cmpuint (e->other_rank, ==, 0);   /* dropped out */
  g_assert_null (entry_named (r->before, "E"));
  g_assert_null (entry_named (r->after, "E"));
  g_clear_pointer (&r, ks_ranking_free);

  /* top_n 0 means 20; ties by name; empty lists. */
  {
    static const KsRankInput tie[] = { { 2, "Beta", 50 }, { 1, "Alpha", 50 }, { 3, "Gamma", 60 } };

    r = ks_ranking_compare (tie, 3, NULL, 0, 0);
    g_assert_cmpuint (r->top_n, ==, 20);
    g_assert_cmpuint (r->before->len, ==, 3);
    g_assert_cmpuint (r->after->len, ==, 0);
    g_assert_cmpstr (g_array_index (r->before, KsRankEntry, 0).name, ==, "Gamma");
    g_assert_cmpstr (g_array_index (r->before, KsRankEntry, 1).name, ==, "Alpha");
    g_assert_cmpstr (g_array_index (r->before, KsRankEntry, 2).name, ==, "Beta");
    g_assert_cmpuint (g_array_index (r->before, KsRankEntry, 2).other_rank, ==, 0);
  }
}

static void
test_ranking_load (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", FALSE);
  g_autoptr(GPtrArray) criteria = ks_criteria_list (ws, NULL);
  gint64 yield = ks_criteria_find (criteria, "Yield strength")->id;
  gint64 acme = ks_test_add_account (ws, "Acme");
  gint64 globex = ks_test_add_account (ws, "Globex");
  gint64 q2 = ks_period_ensure (ws, "2026-Q2", TRUE, NULL);
  gint64 q3 = ks_period_ensure (ws, "2026-Q3", TRUE, NULL);
  g_autoptr(KsRanking) r = NULL;
  g_autoptr(GError) error = NULL;

  ks_test_add_account (ws, "Never scored");
  /* Q2: Acme 30×50 = 15.0, Globex 30×100 = 30.0; Q3: Acme 30×80 = 24.0, Globex none. */
  g_assert_true (ks_score_set (ws, acme, q2, yield, 50, NULL, NULL));
  g_assert_true (ks_score_set (ws, globex, q2, yield, 100, NULL, NULL));
  g_assert_true (ks_score_set (ws, acme, q3, yield, 80, NULL, NULL));
  r = ks_ranking_load (ws, q2, q3, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->before->len, ==, 2);
  g_assert_cmpuint (r->after->len, ==, 1);
  g_assert_cmpstr (g_array_index (r->before, KsRankEntry, 0).name, ==, "Globex");
  g_assert_cmpfloat (g_array_index (r->before, KsRankEntry, 0).value, ==, 30.0);
  g_assert_cmpuint (g_array_index (r->before, KsRankEntry, 0).other_rank, ==, 0);   /* dropped out */
  g_assert_cmpfloat (g_array_index (r->after, KsRankEntry, 0).value, ==, 24.0);
  g_assert_cmpuint (g_array_index (r->after, KsRankEntry, 0).other_rank, ==, 2);    /* up from 2 */
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/abc/thresholds-exact", test_thresholds_exact);
  g_test_add_func ("/core/abc/binary-fractions", test_binary_fractions);
  g_test_add_func ("/core/abc/ties-and-no-revenue", test_ties_and_no_revenue);
  g_test_add_func ("/core/abc/empty", test_empty_and_all_zero);
  g_test_add_func ("/core/abc/other-thresholds", test_other_thresholds);
  g_test_add_func ("/core/abc/workspace", test_workspace_revenue);
  g_test_add_func ("/core/abc/crm-export", test_crm_export);
  g_test_add_func ("/core/ranking/compare", test_ranking);
  g_test_add_func ("/core/ranking/load", test_ranking_load);

  return g_test_run ();
}
