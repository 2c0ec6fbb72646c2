/* test-scoring.c — the key account review: weighted scores, bands, criteria,
 * review periods, history, undo and the scores CSV import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected number is worked out by hand in the comment beside it
 * (Σ weight × score / 100, one decimal), never by the code under test.
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "ks-abc.h"
#include "ks-account.h"
#include "ks-json.h"
#include "ks-scoring.h"
#include "ks-test-util.h"
#include "ks-workspace-private.h"

/* ---- helpers ---------------------------------------------------------------- */

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

static gint64
n_scores (KsWorkspace *ws)
{
  return count_rows (ws, "SELECT count (*) FROM account_scores");
}

static gint64
criterion_id (KsWorkspace *ws,
              const char  *name)
{
  g_autoptr(GPtrArray) criteria = ks_criteria_list (ws, NULL);
  KsCriterion *c;

  g_assert_nonnull (criteria);
  c = ks_criteria_find (criteria, name);
  g_assert_nonnull (c);
  return c->id;
}

static void
set_score (KsWorkspace *ws,
           gint64       account,
           gint64       period,
           const char  *criterion,
           double       score)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_score_set (ws, account, period, criterion_id (ws, criterion), score, NULL, &error));
  g_assert_no_error (error);
}

static gint64
add_period (KsWorkspace *ws,
            const char  *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ks_period_ensure (ws, name, TRUE, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static const char *const default_names[] = {
  "Actual revenue", "Reserve potential", "Yield strength", "Customer growth",
  "Learning partnership", "Relationship quality",
};

/* The six default criteria with the template deck's example scores. */
static void
score_deck_example (KsWorkspace *ws,
                    gint64       account,
                    gint64       period)
{
  static const double scores[] = { 20, 70, 20, 0, 20, 40 };

  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    set_score (ws, account, period, default_names[i], scores[i]);
}

/* ---- pure functions ------------------------------------------------------------ */

static void
test_weighted_deck_example (void)
{
  /* 20×20 + 30×70 + 30×20 + 5×0 + 10×20 + 5×40 = 400 + 2100 + 600 + 0 + 200 + 200
   * = 3500; / 100 = 35.0 → moderate (≤ 40). */
  static const double weights[] = { 20, 30, 30, 5, 10, 5 };
  static const double scores[] = { 20, 70, 20, 0, 20, 40 };
  double w = ks_score_weighted (weights, scores, 6);

  g_assert_cmpfloat (w, ==, 35.0);
  g_assert_cmpint (ks_score_band (w), ==, KS_BAND_MODERATE);
  g_assert_cmpstr (ks_score_band_name (ks_score_band (w)), ==, "moderate");
}

typedef struct
{
  double      weights[3];
  double      scores[3];
  double      expected;
  const char *band;
} Golden;

static void
test_weighted_band_edges (void)
{
  static const Golden cases[] = {
    /* one criterion of weight 100: the score itself */
    { { 100, 0, 0 }, { 20, 0, 0 }, 20.0, "very weak" },
    { { 100, 0, 0 }, { 20.1, 0, 0 }, 20.1, "moderate" },
    { { 100, 0, 0 }, { 40, 0, 0 }, 40.0, "moderate" },
    { { 100, 0, 0 }, { 40.1, 0, 0 }, 40.1, "medium" },
    { { 100, 0, 0 }, { 60, 0, 0 }, 60.0, "medium" },
    { { 100, 0, 0 }, { 60.1, 0, 0 }, 60.1, "good" },
    { { 100, 0, 0 }, { 80, 0, 0 }, 80.0, "good" },
    { { 100, 0, 0 }, { 80.1, 0, 0 }, 80.1, "very good" },
    { { 100, 0, 0 }, { 0, 0, 0 }, 0.0, "very weak" },
    { { 100, 0, 0 }, { 100, 0, 0 }, 100.0, "very good" },
    /* 50×20 + 50×20.2 = 1000 + 1010 = 2010 → 20.1 */
    { { 50, 50, 0 }, { 20, 20.2, 0 }, 20.1, "moderate" },
    /* 10×81 + 90×80 = 810 + 7200 = 8010 → 80.1 */
    { { 10, 90, 0 }, { 81, 80, 0 }, 80.1, "very good" },
    /* 25×80 + 25×80 + 50×80 = 8000 → 80.0 */
    { { 25, 25, 50 }, { 80, 80, 80 }, 80.0, "good" },
    /* 30×40 + 30×40 + 40×40 = 4000 → 40.0 */
    { { 30, 30, 40 }, { 40, 40, 40 }, 40.0, "moderate" },
    /* 50×20 + 50×20.1 = 2005 → 20.05 → half away from zero: 20.1 */
    { { 50, 50, 0 }, { 20, 20.1, 0 }, 20.1, "moderate" },
    /* 50×20 + 50×20.09 = 2004.5 → 20.045 → 20.0 */
    { { 50, 50, 0 }, { 20, 20.09, 0 }, 20.0, "very weak" },
    /* 1/3 weights: 33.3×55 + 33.3×55 + 33.4×55 = 5500 → 55.0 */
    { { 33.3, 33.3, 33.4 }, { 55, 55, 55 }, 55.0, "medium" },
    /* a missing score counts 0: 50×NaN + 50×60 = 3000 → 30.0 */
    { { 50, 50, 0 }, { NAN, 60, 0 }, 30.0, "moderate" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double w = ks_score_weighted (cases[i].weights, cases[i].scores, 3);

      g_test_message ("case %u: %g, expected %g", i, w, cases[i].expected);
      g_assert_cmpfloat (w, ==, cases[i].expected);
      g_assert_cmpstr (ks_score_band_name (ks_score_band (w)), ==, cases[i].band);
    }

  /* The band names are the contract of CLI.md. */
  g_assert_cmpstr (ks_score_band_name (KS_BAND_VERY_WEAK), ==, "very weak");
  g_assert_cmpstr (ks_score_band_name (KS_BAND_MEDIUM), ==, "medium");
  g_assert_cmpstr (ks_score_band_name (KS_BAND_GOOD), ==, "good");
  g_assert_cmpstr (ks_score_band_name (KS_BAND_VERY_GOOD), ==, "very good");
  g_assert_cmpstr (ks_score_band_label (KS_BAND_VERY_GOOD), !=, "");
}

static void
test_weights_check (void)
{
  static const char *const names[] = { "A", "B", "C" };
  static const char *const dup[] = { "Growth", "growth ", "C" };
  static const char *const empty[] = { "A", "  ", "C" };
  static const double ok[] = { 50, 30, 20 };
  static const double short_sum[] = { 50, 30, 19 };
  static const double negative[] = { 120, -30, 10 };
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_score_weights_check (names, ok, 3, &error));
  g_assert_no_error (error);

  g_assert_false (ks_score_weights_check (names, short_sum, 3, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "99"));
  g_assert_nonnull (strstr (error->message, "100"));
  g_clear_error (&error);

  g_assert_false (ks_score_weights_check (dup, ok, 3, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "growth"));
  g_clear_error (&error);

  g_assert_false (ks_score_weights_check (empty, ok, 3, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (ks_score_weights_check (names, negative, 3, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (ks_score_weights_check (NULL, NULL, 0, &error));   /* sums to 0 */
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
}

/* ---- criteria ------------------------------------------------------------------ */

static void
test_default_criteria (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", FALSE);
  g_autoptr(GPtrArray) criteria = ks_criteria_list (ws, NULL);
  static const double weights[] = { 20, 30, 30, 5, 10, 5 };

  g_assert_cmpuint (ks_workspace_get_schema_version (ws), >=, 4);
  g_assert_cmpuint (criteria->len, ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      KsCriterion *c = g_ptr_array_index (criteria, i);
      g_assert_cmpstr (c->name, ==, default_names[i]);
      g_assert_cmpfloat (c->weight, ==, weights[i]);
    }
  /* Found ignoring case and surrounding space. */
  g_assert_true (ks_criteria_find (criteria, "  yield STRENGTH ") == g_ptr_array_index (criteria, 2));
  g_assert_null (ks_criteria_find (criteria, "Yield"));
  /* A new workspace is still empty: criteria are not content. */
  g_assert_true (ks_workspace_is_empty (ws));
}

static void
test_criteria_refused (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(GPtrArray) before = ks_criteria_list (ws, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  KsCriterion set[6];

  for (guint i = 0; i < 6; i++)
    set[i] = *(KsCriterion *) g_ptr_array_index (before, i);
  set[0].weight = 25;   /* 25 + 30 + 30 + 5 + 10 + 5 = 105 */
  g_assert_false (ks_criteria_set (ws, set, 6, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "105"));
  g_clear_error (&error);

  /* Nothing written, no undo step. */
  after = ks_criteria_list (ws, NULL);
  g_assert_cmpfloat (((KsCriterion *) g_ptr_array_index (after, 0))->weight, ==, 20);
  g_assert_false (ks_workspace_can_undo (ws));

  /* An id that is not there. */
  set[0].weight = 20;
  set[0].id = 9999;
  g_assert_false (ks_criteria_set (ws, set, 6, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_cmpint (count_rows (ws, "SELECT count (*) FROM score_criteria"), ==, 6);
}

static void
test_weights_change_recomputes (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  gint64 acme = ks_test_add_account (ws, "Acme");
  gint64 q3 = add_period (ws, "2026-Q3");
  g_autoptr(KsScoreTable) table = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GError) error = NULL;
  KsAccountScore *row;
  KsCriterion set[6];

  score_deck_example (ws, acme, q3);
  table = ks_score_table_load (ws, q3, FALSE, &error);
  g_assert_no_error (error);
  row = ks_score_table_find (table, acme);
  g_assert_nonnull (row);
  g_assert_cmpuint (row->n_scored, ==, 6);
  g_assert_cmpfloat (row->weighted, ==, 35.0);
  g_assert_cmpint (row->band, ==, KS_BAND_MODERATE);
  g_clear_pointer (&table, ks_score_table_free);

  /* New weights 10/40/20/10/10/10:
   * 10×20 + 40×70 + 20×20 + 10×0 + 10×20 + 10×40 = 200 + 2800 + 400 + 0 + 200 + 400
   * = 4000 → 40.0, moderate. */
  criteria = ks_criteria_list (ws, NULL);
  for (guint i = 0; i < 6; i++)
    set[i] = *(KsCriterion *) g_ptr_array_index (criteria, i);
  set[0].weight = 10; set[1].weight = 40; set[2].weight = 20;
  set[3].weight = 10; set[4].weight = 10; set[5].weight = 10;
  g_assert_true (ks_criteria_set (ws, set, 6, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_scores (ws), ==, 6);
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, "Change Criteria");

  table = ks_score_table_load (ws, q3, FALSE, &error);
  row = ks_score_table_find (table, acme);
  g_assert_cmpfloat (row->weighted, ==, 40.0);
  g_assert_cmpint (row->band, ==, KS_BAND_MODERATE);
  g_clear_pointer (&table, ks_score_table_free);

  /* Two criteria swap names (UNIQUE must not trip), and the order changes;
   * the scores stay with their criterion ids. */
  {
    KsCriterion swapped[6];
    g_autoptr(GPtrArray) now = NULL;

    for (guint i = 0; i < 6; i++)
      swapped[i] = set[5 - i];
    swapped[0].name = (char *) "Actual revenue";   /* was Relationship quality (id 6, score 40) */
    swapped[5].name = (char *) "Relationship quality";   /* was Actual revenue (id 1, score 20) */
    g_assert_true (ks_criteria_set (ws, swapped, 6, &error));
    g_assert_no_error (error);
    now = ks_criteria_list (ws, NULL);
    g_assert_cmpstr (((KsCriterion *) g_ptr_array_index (now, 0))->name, ==, "Actual revenue");
    g_assert_cmpint (((KsCriterion *) g_ptr_array_index (now, 0))->id, ==, set[5].id);
    table = ks_score_table_load (ws, q3, FALSE, &error);
    row = ks_score_table_find (table, acme);
    g_assert_cmpfloat (row->scores[0], ==, 40);   /* the old Relationship quality score */
    g_assert_cmpfloat (row->scores[5], ==, 20);
    /* Weights moved with the ids, so the total is the same 40.0. */
    g_assert_cmpfloat (row->weighted, ==, 40.0);
    g_clear_pointer (&table, ks_score_table_free);
    g_assert_cmpint (n_scores (ws), ==, 6);

    /* Undo the swap: back to the order and names before. */
    g_assert_true (ks_workspace_undo (ws, &error));
    g_assert_no_error (error);
    g_clear_pointer (&now, g_ptr_array_unref);
    now = ks_criteria_list (ws, NULL);
    g_assert_cmpstr (((KsCriterion *) g_ptr_array_index (now, 0))->name, ==, "Actual revenue");
    g_assert_cmpint (((KsCriterion *) g_ptr_array_index (now, 0))->id, ==, set[0].id);
    g_assert_cmpfloat (((KsCriterion *) g_ptr_array_index (now, 0))->weight, ==, 10);
  }

  /* Dropping a criterion (and adding one) deletes only that criterion's scores:
   * Customer growth goes, "Innovation" comes with weight 10. */
  {
    KsCriterion five[6];
    guint k = 0;

    for (guint i = 0; i < 6; i++)
      if (i != 3)
        five[k++] = set[i];
    five[k].id = 0;
    five[k].name = (char *) "Innovation";
    five[k].weight = 10;
    g_assert_true (ks_criteria_set (ws, five, 6, &error));
    g_assert_no_error (error);
    g_assert_cmpint (n_scores (ws), ==, 5);
    /* 10×20 + 40×70 + 20×20 + 10×20 + 10×40 + 10×NaN = 200 + 2800 + 400 + 200 + 400
     * = 4000 → 40.0 */
    table = ks_score_table_load (ws, q3, TRUE, &error);
    row = ks_score_table_find (table, acme);
    g_assert_cmpuint (row->n_scored, ==, 5);
    g_assert_true (isnan (row->scores[5]));
    g_assert_cmpfloat (row->weighted, ==, 40.0);
    g_clear_pointer (&table, ks_score_table_free);

    /* Undo brings the criterion and its score back. */
    g_assert_true (ks_workspace_undo (ws, &error));
    g_assert_cmpint (n_scores (ws), ==, 6);
    g_assert_cmpint (count_rows (ws, "SELECT count (*) FROM score_criteria WHERE name = 'Customer growth'"), ==, 1);
  }
}

/* ---- periods and history ----------------------------------------------------------- */

static void
test_periods (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *setting = NULL;
  gint64 q3, q2, q4;

  g_assert_cmpint (ks_period_get_current (ws, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (ks_period_ensure (ws, "2026-Q3", FALSE, &error), ==, 0);
  g_assert_no_error (error);

  q3 = add_period (ws, " 2026-Q3 ");
  q2 = add_period (ws, "2026-Q2");
  g_assert_cmpint (add_period (ws, "2026-Q3"), ==, q3);   /* trimmed, found again */
  list = ks_period_list (ws, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((KsPeriod *) g_ptr_array_index (list, 0))->name, ==, "2026-Q2");
  g_assert_cmpstr (((KsPeriod *) g_ptr_array_index (list, 1))->name, ==, "2026-Q3");

  /* Current: the last by name until the setting says otherwise. */
  g_assert_cmpint (ks_period_get_current (ws, NULL), ==, q3);
  g_assert_cmpint (ks_period_get_previous (ws, q3, NULL), ==, q2);
  g_assert_cmpint (ks_period_get_previous (ws, q2, NULL), ==, 0);
  g_assert_true (ks_period_set_current (ws, q2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_period_get_current (ws, NULL), ==, q2);
  setting = ks_workspace_get_setting (ws, KS_SCORING_SETTING_CURRENT_PERIOD);
  g_assert_cmpstr (setting, ==, "2026-Q2");
  g_clear_pointer (&setting, g_free);

  /* Bad names. */
  g_assert_cmpint (ks_period_ensure (ws, "   ", TRUE, &error), ==, 0);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ks_period_ensure (ws, "12345678901234567890123456789012345678901", TRUE, &error), ==, 0);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ks_period_rename (ws, q2, "2026-Q3", &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  /* A rename carries the current-period setting along. */
  g_assert_true (ks_period_rename (ws, q2, "2026-Q1", &error));
  g_assert_no_error (error);
  setting = ks_workspace_get_setting (ws, KS_SCORING_SETTING_CURRENT_PERIOD);
  g_assert_cmpstr (setting, ==, "2026-Q1");
  g_clear_pointer (&setting, g_free);
  g_assert_cmpint (ks_period_get_current (ws, NULL), ==, q2);

  /* Deleting the current one: the setting goes, the last by name is current. */
  q4 = add_period (ws, "2026-Q4");
  set_score (ws, ks_test_add_account (ws, "Acme"), q2, "Yield strength", 50);
  g_assert_true (ks_period_delete (ws, q2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_scores (ws), ==, 0);
  setting = ks_workspace_get_setting (ws, KS_SCORING_SETTING_CURRENT_PERIOD);
  g_assert_null (setting);
  g_assert_cmpint (ks_period_get_current (ws, NULL), ==, q4);
  g_assert_false (ks_period_delete (ws, q2, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
}

static void
test_history (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", FALSE);
  gint64 acme = ks_test_add_account (ws, "Acme");
  gint64 other = ks_test_add_account (ws, "Other");
  gint64 q2 = add_period (ws, "2026-Q2");
  gint64 q3 = add_period (ws, "2026-Q3");
  gint64 q4 = add_period (ws, "2026-Q4");
  g_autoptr(KsScoreHistory) history = NULL;
  g_autoptr(KsScoreTable) table = NULL;
  g_autoptr(GError) error = NULL;
  KsScoreHistoryItem *item;

  score_deck_example (ws, acme, q2);   /* 35.0 */
  /* Q3: every criterion 60 → 60.0 medium; the other account only in Q3. */
  for (guint i = 0; i < 6; i++)
    set_score (ws, acme, q3, default_names[i], 60);
  set_score (ws, other, q3, "Yield strength", 90);   /* 30×90 = 2700 → 27.0 */

  history = ks_score_history_load (ws, acme, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->criteria->len, ==, 6);
  g_assert_cmpuint (history->periods->len, ==, 3);
  item = g_ptr_array_index (history->periods, 0);
  g_assert_cmpint (item->period_id, ==, q2);
  g_assert_cmpstr (item->period, ==, "2026-Q2");
  g_assert_cmpuint (item->n_scored, ==, 6);
  g_assert_cmpfloat (item->weighted, ==, 35.0);
  g_assert_cmpfloat (item->scores[1], ==, 70);
  item = g_ptr_array_index (history->periods, 1);
  g_assert_cmpfloat (item->weighted, ==, 60.0);
  g_assert_cmpint (item->band, ==, KS_BAND_MEDIUM);
  item = g_ptr_array_index (history->periods, 2);
  g_assert_cmpint (item->period_id, ==, q4);
  g_assert_cmpuint (item->n_scored, ==, 0);
  g_assert_true (isnan (item->weighted));

  /* The Q3 table: only scored accounts, or all of them. */
  table = ks_score_table_load (ws, q3, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (table->period, ==, "2026-Q3");
  g_assert_cmpuint (table->accounts->len, ==, 2);
  g_assert_cmpstr (((KsAccountScore *) g_ptr_array_index (table->accounts, 0))->account, ==, "Acme");
  g_assert_cmpfloat (ks_score_table_find (table, other)->weighted, ==, 27.0);
  g_assert_cmpint (ks_score_table_find (table, other)->band, ==, KS_BAND_MODERATE);
  g_clear_pointer (&table, ks_score_table_free);

  table = ks_score_table_load (ws, q4, FALSE, &error);
  g_assert_cmpuint (table->accounts->len, ==, 0);
  g_assert_null (ks_score_table_find (table, acme));
  g_clear_pointer (&table, ks_score_table_free);
  table = ks_score_table_load (ws, q4, TRUE, &error);
  g_assert_cmpuint (table->accounts->len, ==, 2);
  g_assert_cmpuint (ks_score_table_find (table, acme)->n_scored, ==, 0);

  /* A change in memory, recomputed: Acme Q4 with Yield strength 100 → 30.0. */
  {
    KsAccountScore *row = ks_score_table_find (table, acme);
    row->scores[2] = 100;
    ks_score_table_update_row (table, row);
    g_assert_cmpuint (row->n_scored, ==, 1);
    g_assert_cmpfloat (row->weighted, ==, 30.0);
  }
}

/* ---- scores and undo ----------------------------------------------------------------- */

static void
test_score_set_and_undo (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  gint64 acme = ks_test_add_account (ws, "Acme");
  gint64 q3 = add_period (ws, "2026-Q3");
  gint64 yield = criterion_id (ws, "Yield strength");
  g_autoptr(KsScoreTable) table = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_score_set (ws, acme, q3, yield, 50, "Good margins", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, "Change Score");
  /* A new score, explanation NULL: the explanation stays. */
  g_assert_true (ks_score_set (ws, acme, q3, yield, 70, NULL, &error));
  table = ks_score_table_load (ws, q3, FALSE, &error);
  g_assert_cmpfloat (ks_score_table_find (table, acme)->scores[2], ==, 70);
  g_assert_cmpstr (ks_score_table_find (table, acme)->explanations[2], ==, "Good margins");
  g_assert_cmpstr (ks_score_table_find (table, acme)->explanations[0], ==, "");
  g_clear_pointer (&table, ks_score_table_free);

  /* Out of range: refused, naming the account and the criterion; nothing written. */
  g_assert_false (ks_score_set (ws, acme, q3, yield, 101, NULL, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Acme"));
  g_assert_nonnull (strstr (error->message, "Yield strength"));
  g_clear_error (&error);
  g_assert_false (ks_score_set (ws, acme, q3, yield, -1, NULL, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ks_score_set (ws, acme, q3, 12345, 50, NULL, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ks_score_set (ws, acme, 777, yield, 50, NULL, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo the edit: 50 again, then no score at all. */
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_no_error (error);
  table = ks_score_table_load (ws, q3, FALSE, &error);
  g_assert_cmpfloat (ks_score_table_find (table, acme)->scores[2], ==, 50);
  g_clear_pointer (&table, ks_score_table_free);
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_cmpint (n_scores (ws), ==, 0);
  g_assert_true (ks_workspace_redo (ws, &error));
  g_assert_cmpint (n_scores (ws), ==, 1);

  /* NaN removes the score; saving the same value makes no undo step. */
  g_assert_true (ks_workspace_redo (ws, &error));
  g_assert_true (ks_score_set (ws, acme, q3, yield, 70, NULL, &error));
  g_assert_false (ks_workspace_can_redo (ws));
  g_assert_true (ks_score_set (ws, acme, q3, yield, NAN, NULL, &error));
  g_assert_cmpint (n_scores (ws), ==, 0);
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_cmpint (n_scores (ws), ==, 1);

  /* Deleting the account deletes its scores; undo brings them back. */
  g_assert_true (ks_account_delete (ws, acme, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_scores (ws), ==, 0);
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_cmpint (n_scores (ws), ==, 1);
}

/* ---- import --------------------------------------------------------------------- */

typedef struct
{
  KsWorkspace *ws;
  char        *dir;
  gint64       acme, globex;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->ws = ks_test_open_workspace (":memory:", TRUE);
  f->dir = ks_test_tmpdir ();
  f->acme = ks_test_add_account (f->ws, "Acme");
  f->globex = ks_test_add_account (f->ws, "Globex Corporation");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->ws);
  g_free (f->dir);
}

static void
test_import_good (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = ks_test_write_file (f->dir, "scores.csv",
    "\xEF\xBB\xBF" "Criterion,Account,Score,Explanation,extra\r\n"
    "actual revenue,acme,20,,x\r\n"
    "Reserve potential,Acme,70,\"Big plans, new plant\",x\r\n"
    "Yield strength,Acme,20,,x\r\n"
    "Customer growth,Acme,0,,x\r\n"
    "Learning partnership,Acme,20,,x\r\n"
    "RELATIONSHIP QUALITY, Acme ,40,,x\r\n"
    "Yield strength,Globex Corporation,85.5,,x\r\n", -1);
  g_autoptr(KsImportReport) report = NULL;
  g_autoptr(KsScoreTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gint64 period;

  g_assert_true (ks_scores_import_csv (f->ws, path, "2026-Q3", &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->scores, ==, 7);
  g_assert_cmpuint (report->errors->len, ==, 0);
  g_assert_cmpint (n_scores (f->ws), ==, 7);
  g_assert_cmpstr (ks_workspace_get_undo_label (f->ws), ==, "Import Scores");

  period = ks_period_ensure (f->ws, "2026-Q3", FALSE, NULL);
  g_assert_cmpint (period, >, 0);
  table = ks_score_table_load (f->ws, period, FALSE, &error);
  g_assert_cmpfloat (ks_score_table_find (table, f->acme)->weighted, ==, 35.0);   /* the deck */
  g_assert_cmpstr (ks_score_table_find (table, f->acme)->explanations[1], ==, "Big plans, new plant");
  /* 30 × 85.5 = 2565 → 25.65 → 25.7 (half away from zero) */
  g_assert_cmpfloat (ks_score_table_find (table, f->globex)->weighted, ==, 25.7);
  g_clear_pointer (&table, ks_score_table_free);
  g_clear_pointer (&report, ks_import_report_free);

  /* Re-importing changes nothing, and an import is one undo step. */
  g_assert_true (ks_scores_import_csv (f->ws, path, "2026-Q3", &report, &error));
  g_assert_cmpint (n_scores (f->ws), ==, 7);
  g_assert_cmpstr (ks_workspace_get_undo_label (f->ws), ==, "Import Scores");
  g_assert_true (ks_workspace_undo (f->ws, &error));   /* the first import (the second changed nothing) */
  g_assert_cmpint (n_scores (f->ws), ==, 0);
  g_assert_cmpint (ks_period_ensure (f->ws, "2026-Q3", FALSE, NULL), ==, 0);
  g_clear_pointer (&report, ks_import_report_free);

  /* Without a period: the current one (here the only one, after redo). */
  g_assert_true (ks_workspace_redo (f->ws, &error));
  {
    g_autofree char *one = ks_test_write_file (f->dir, "one.csv",
                                               "account,criterion,score\nAcme,Yield strength,99\n", -1);
    g_autofree char *used = ks_scores_default_period (f->ws);

    g_assert_cmpstr (used, ==, "2026-Q3");
    g_assert_true (ks_scores_import_csv (f->ws, one, NULL, &report, &error));
    g_assert_no_error (error);
    table = ks_score_table_load (f->ws, period, FALSE, &error);
    g_assert_cmpfloat (ks_score_table_find (table, f->acme)->scores[2], ==, 99);
    /* The explanation cell is absent: the stored explanation stays. */
    g_assert_cmpstr (ks_score_table_find (table, f->acme)->explanations[1], ==, "Big plans, new plant");
  }
}

typedef struct
{
  const char *csv;
  const char *where;     /* "FILE:LINE:COLUMN" suffix expected in the message */
  const char *words;     /* expected in the message */
  int         code;
} BadCase;

static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  static const BadCase cases[] = {
    { "account,criterion,score\nAcme,Yield strength,50\nNobody,Yield strength,50\n",
      ":3:1:", "Nobody", KS_IMPORT_ERROR_VALUE },
    { "account,criterion,score\nAcme,Yield strength,50\nAcme,Charm,50\n",
      ":3:6:", "Charm", KS_IMPORT_ERROR_VALUE },
    { "account,criterion,score\nAcme,Yield strength,101\n",
      ":2:21:", "101", KS_IMPORT_ERROR_VALUE },
    { "account,criterion,score\nAcme,Yield strength,-1\n",
      ":2:21:", "-1", KS_IMPORT_ERROR_VALUE },
    { "account,criterion,score\nAcme,Yield strength,abc\n",
      ":2:21:", "abc", KS_IMPORT_ERROR_VALUE },
    { "account,criterion,score\nAcme,Yield strength,\n",
      ":2:21:", "score", KS_IMPORT_ERROR_VALUE },
    { "account,criterion,score\nAcme,Yield strength,50\n\"Acme,Yield strength,50\n",
      ":3:", "", KS_IMPORT_ERROR_MALFORMED },
    { "account,criterion,score\nAcme,Yield strength,5\xff" "0\n",
      ":2:", "UTF-8", KS_IMPORT_ERROR_ENCODING },
    { "account,score\nAcme,50\n",
      ":1:", "criterion", KS_IMPORT_ERROR_MISSING_COLUMN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad%u.csv", i);
      g_autofree char *path = ks_test_write_file (f->dir, name, cases[i].csv, -1);
      g_autofree char *where = g_strconcat (path, cases[i].where, NULL);
      g_autoptr(KsImportReport) report = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      g_assert_false (ks_scores_import_csv (f->ws, path, "2026-Q3", &report, &error));
      g_assert_error (error, KS_IMPORT_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, where));
      g_assert_nonnull (strstr (error->message, cases[i].words));
      g_assert_nonnull (report);
      g_assert_cmpuint (report->errors->len, >=, 1);
      /* Nothing written: no score, not even the period. */
      g_assert_cmpint (n_scores (f->ws), ==, 0);
      g_assert_cmpint (count_rows (f->ws, "SELECT count (*) FROM review_periods"), ==, 0);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KsImportReport) report = NULL;
    g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
    g_autofree char *ok = ks_test_write_file (f->dir, "ok.csv", "account,criterion,score\nAcme,Yield strength,5\n", -1);

    g_assert_false (ks_scores_import_csv (f->ws, missing, "2026-Q3", &report, &error));
    g_assert_error (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_IO);
    g_clear_error (&error);
    g_clear_pointer (&report, ks_import_report_free);
    g_assert_false (ks_scores_import_csv (f->ws, ok, "  ", &report, &error));
    g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
    g_assert_cmpint (n_scores (f->ws), ==, 0);
  }
}

static void
test_import_duplicate_row (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = ks_test_write_file (f->dir, "dup.csv",
                                              "account,criterion,score\n"
                                              "Acme,Yield strength,10\n"
                                              "Acme,yield strength,30\n", -1);
  g_autoptr(KsImportReport) report = NULL;
  g_autoptr(KsScoreTable) table = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_scores_import_csv (f->ws, path, "P1", &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->scores, ==, 1);
  g_assert_cmpuint (report->warnings->len, ==, 1);
  table = ks_score_table_load (f->ws, ks_period_ensure (f->ws, "P1", FALSE, NULL), FALSE, &error);
  g_assert_cmpfloat (ks_score_table_find (table, f->acme)->scores[2], ==, 30);
}

/* ---- the demo ----------------------------------------------------------------------- */

/* The demo's review: two periods, every account scored on every criterion, and
 * movement to show (data/demo/scores/, build-aux/demo-scores.py). */
static void
test_demo (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(KsScoreTable) before = NULL;
  g_autoptr(KsScoreTable) after = NULL;
  g_autoptr(KsRanking) ranking = NULL;
  guint moved = 0, n_new = 0, n_dropped = 0, ups = 0, downs = 0;
  gint64 q2, q3;

  g_assert_true (ks_json_load_demo (ws, &error));
  g_assert_no_error (error);
  periods = ks_period_list (ws, &error);
  g_assert_cmpuint (periods->len, ==, 2);
  q2 = ((KsPeriod *) g_ptr_array_index (periods, 0))->id;
  q3 = ((KsPeriod *) g_ptr_array_index (periods, 1))->id;
  g_assert_cmpstr (((KsPeriod *) g_ptr_array_index (periods, 0))->name, ==, "2026-Q2");
  g_assert_cmpint (ks_period_get_current (ws, NULL), ==, q3);
  g_assert_cmpint (ks_period_get_previous (ws, q3, NULL), ==, q2);
  g_assert_cmpint (n_scores (ws), ==, 30 * 6 * 2);

  before = ks_score_table_load (ws, q2, TRUE, &error);
  after = ks_score_table_load (ws, q3, TRUE, &error);
  g_assert_cmpuint (after->accounts->len, ==, 30);
  for (guint i = 0; i < after->accounts->len; i++)
    {
      KsAccountScore *b = g_ptr_array_index (before->accounts, i);
      KsAccountScore *a = g_ptr_array_index (after->accounts, i);

      g_assert_cmpint (a->account_id, ==, b->account_id);
      g_assert_cmpuint (a->n_scored, ==, 6);
      g_assert_cmpuint (b->n_scored, ==, 6);
      /* Profitability (Yield strength, index 2) × potential (Reserve potential, 1), dividers at 50. */
      if ((b->scores[2] >= 50) != (a->scores[2] >= 50) || (b->scores[1] >= 50) != (a->scores[1] >= 50))
        moved++;
    }
  g_assert_cmpuint (moved, >=, 5);

  ranking = ks_ranking_load (ws, q2, q3, 10, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ranking->after->len; i++)
    {
      KsRankEntry *e = &g_array_index (ranking->after, KsRankEntry, i);
      if (e->other_rank == 0)
        n_new++;
      else if (e->other_rank > e->rank)
        ups++;
      else if (e->other_rank < e->rank)
        downs++;
    }
  for (guint i = 0; i < ranking->before->len; i++)
    if (g_array_index (ranking->before, KsRankEntry, i).other_rank == 0)
      n_dropped++;
  g_assert_cmpuint (n_new, >=, 1);
  g_assert_cmpuint (n_dropped, >=, 1);
  g_assert_cmpuint (ups, >=, 1);
  g_assert_cmpuint (downs, >=, 1);
  /* Kessler Automotive Group leads in 2026-Q3: 20×90 + 30×85 + 30×62 + 5×65 + 10×75 + 5×75
   * = 1800 + 2550 + 1860 + 325 + 750 + 375 = 7660 → 76.6. */
  g_assert_cmpstr (g_array_index (ranking->after, KsRankEntry, 0).name, ==, "Kessler Automotive Group");
  g_assert_cmpfloat (g_array_index (ranking->after, KsRankEntry, 0).value, ==, 76.6);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/scoring/weighted/deck", test_weighted_deck_example);
  g_test_add_func ("/core/scoring/weighted/band-edges", test_weighted_band_edges);
  g_test_add_func ("/core/scoring/weights-check", test_weights_check);
  g_test_add_func ("/core/scoring/criteria/defaults", test_default_criteria);
  g_test_add_func ("/core/scoring/criteria/refused", test_criteria_refused);
  g_test_add_func ("/core/scoring/criteria/recompute", test_weights_change_recomputes);
  g_test_add_func ("/core/scoring/periods", test_periods);
  g_test_add_func ("/core/scoring/history", test_history);
  g_test_add_func ("/core/scoring/score/undo", test_score_set_and_undo);
  g_test_add ("/core/scoring/import/good", Fixture, NULL, fixture_set_up, test_import_good, fixture_tear_down);
  g_test_add ("/core/scoring/import/refused", Fixture, NULL, fixture_set_up, test_import_refused, fixture_tear_down);
  g_test_add ("/core/scoring/import/duplicate", Fixture, NULL, fixture_set_up, test_import_duplicate_row,
              fixture_tear_down);

  g_test_add_func ("/core/scoring/demo", test_demo);

  return g_test_run ();
}
