/* test-funnel.c — the funnel core: stages, the stage map, numbers, shape,
 * forecast, momentum and the summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "ks-abc.h"
#include "ks-crm-import.h"
#include "ks-funnel.h"
#include "ks-opportunity.h"
#include "ks-schema-private.h"
#include "ks-test-util.h"
#include "ks-workspace-sqlite.h"

static const KsFunnelStageRow *
stage_row (const KsFunnelReport *report,
           const char           *name)
{
  for (guint i = 0; i < report->stages->len; i++)
    if (g_str_equal (g_array_index (report->stages, KsFunnelStageRow, i).name, name))
      return &g_array_index (report->stages, KsFunnelStageRow, i);
  g_assert_not_reached ();
  return NULL;
}

static gint64
stage_id (KsWorkspace *ws,
          const char  *name)
{
  g_autoptr(GPtrArray) stages = ks_stage_list (ws, NULL);

  for (guint i = 0; i < stages->len; i++)
    {
      KsStage *s = g_ptr_array_index (stages, i);

      if (g_str_equal (s->name, name))
        return s->id;
    }
  g_assert_not_reached ();
  return 0;
}

/* The summary as text, to compare with what a rebuild gives. */
static char *
summary_text (KsWorkspace *ws)
{
  GString *out = g_string_new (NULL);
  KsStmt *stmt = ks_workspace_prepare (ws,
                                             "SELECT stage_id, owner_id, product_id, lost_from, n,"
                                             " round (CAST (value AS NUMERIC), 2), unvalued, days, dated"
                                             " FROM funnel_summary WHERE n <> 0"
                                             " ORDER BY stage_id, owner_id, product_id, lost_from",
                                             NULL);

  g_assert_nonnull (stmt);
  while (ks_stmt_step (stmt) == KS_STEP_ROW)
    {
      for (int c = 0; c < 9; c++)
        g_string_append_printf (out, "%s%s", c ? "|" : "", ks_stmt_column_text (stmt, c));
      g_string_append_c (out, '\n');
    }
  ks_stmt_reset (stmt);
  return g_string_free (out, FALSE);
}

static void
assert_summary_exact (KsWorkspace *ws)
{
  g_autofree char *kept = summary_text (ws);
  g_autofree char *rebuilt = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_funnel_summary_rebuild (ws, &error));
  g_assert_no_error (error);
  rebuilt = summary_text (ws);
  g_assert_cmpstr (kept, ==, rebuilt);
}

/* ---- the shared CRM export ---- */

/* Expected numbers from the sqlite3 shell over the CSV files, not from
 * Keystone:
 *   .mode csv / .import sales_pipeline.csv p / .import products.csv pr
 *   SELECT deal_stage, count (*) FROM p GROUP BY deal_stage;
 *     → Engaging 1589, Lost 2473, Prospecting 500, Won 4238
 *   SELECT sum (pr.sales_price) FROM p JOIN pr ON pr.product =
 *     CASE p.product WHEN 'GTXPro' THEN 'GTX Pro' ELSE p.product END
 *     WHERE deal_stage IN ('Prospecting', 'Engaging');   → 4966215
 *     (no open row has a close_value, so all are at list price)
 *   the same × 0.1 for Prospecting, × 0.3 for Engaging   → 1275067.3
 *   SELECT sum (close_value) FROM p WHERE deal_stage = 'Won';   → 10005534
 *   hit rate 4238 / (4238 + 2473) = 63.1500521… %
 *   avg (julianday (close_date) - julianday (engage_date)) of won → 51.782 */
static void
test_crm_export (void)
{
  g_autofree char *dir = ks_test_crm_dir ();
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsImportReport) import = ks_import_report_new ();
  g_autoptr(KsFunnelReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (!dir)
    {
      g_test_skip ("../shared/data is not beside the project");
      return;
    }
  ws = ks_test_open_workspace (":memory:", FALSE);
  g_assert_true (ks_crm_import (ws, dir, FALSE, import, &error));
  g_assert_no_error (error);

  report = ks_funnel_report_load (ws, NULL, &error);
  g_assert_no_error (error);
  /* Prospecting → lead qualified, Engaging → proposal without price. */
  g_assert_cmpuint (stage_row (report, "Lead qualified")->count, ==, 500);
  g_assert_cmpuint (stage_row (report, "Proposal without price")->count, ==, 1589);
  g_assert_cmpuint (stage_row (report, "Order received")->count, ==, 4238);
  g_assert_cmpuint (stage_row (report, "Cancelled or lost")->count, ==, 2473);
  g_assert_cmpuint (report->won_count, ==, 4238);
  g_assert_cmpuint (report->lost_count, ==, 2473);
  g_assert_cmpuint (report->open_count, ==, 2089);
  g_assert_cmpuint (report->unmapped_count, ==, 0);
  g_assert_cmpfloat_with_epsilon (report->open_value, 4966215.0, 0.005);
  g_assert_cmpfloat_with_epsilon (report->open_weighted, 1275067.3, 0.005);
  g_assert_cmpuint (report->priced_count, ==, 2089);
  g_assert_cmpuint (report->unpriced_count, ==, 0);
  g_assert_cmpfloat_with_epsilon (report->won_value, 10005534.0, 0.005);
  g_assert_cmpfloat_with_epsilon (report->hit_rate, 100.0 * 4238 / 6711, 1e-9);
  g_assert_cmpfloat_with_epsilon (report->average_days_to_order, 51.782, 0.0005);
  /* 63 % ≥ the 30 % target, 52 days ≤ 120: optimal. */
  g_assert_cmpint (report->shape, ==, KS_FUNNEL_SHAPE_OPTIMAL);
  assert_summary_exact (ws);

  /* Re-importing the same files changes nothing, history included. */
  ks_import_report_clear (import);
  g_assert_true (ks_crm_import (ws, dir, FALSE, import, &error));
  g_assert_cmpint (ks_workspace_query_int (ws, "SELECT count (*) FROM stage_history", 0, 0, "", NULL), ==, 0);
  assert_summary_exact (ws);
}

/* ---- hand-computed numbers ---- */

typedef struct
{
  const char *ref, *stage, *product, *owner, *close;
  double value;
} Opp;

static gint64
add_opportunity (KsWorkspace *ws,
                 const Opp   *o,
                 GHashTable  *ids)
{
  g_autoptr(KsOpportunity) opp = ks_opportunity_new (o->ref);
  g_autoptr(GError) error = NULL;

  ks_opportunity_set_stage (opp, o->stage);
  ks_opportunity_set_value (opp, o->value);
  if (o->product)
    ks_opportunity_set_product_id (opp, GPOINTER_TO_SIZE (g_hash_table_lookup (ids, o->product)));
  if (o->owner)
    ks_opportunity_set_owner_id (opp, GPOINTER_TO_SIZE (g_hash_table_lookup (ids, o->owner)));
  if (o->close)
    {
      if (g_str_equal (o->stage, "Won") || g_str_equal (o->stage, "Lost"))
        ks_opportunity_set_close_date (opp, o->close);
      else
        ks_opportunity_set_expected_close_date (opp, o->close);
    }
  g_assert_true (ks_opportunity_save (opp, ws, &error));
  g_assert_no_error (error);
  return ks_opportunity_get_id (opp);
}

static void
set_price (KsWorkspace *ws,
           gint64       product,
           double       price)
{
  KsStmt *stmt = ks_workspace_prepare (ws, "UPDATE products SET price = ?2 WHERE id = ?1", NULL);

  ks_stmt_bind_int64 (stmt, 1, product);
  ks_stmt_bind_double (stmt, 2, price);
  g_assert_true (ks_workspace_step_done (ws, stmt, "set a price", NULL));
}

static KsWorkspace *
hand_workspace (GHashTable *ids)
{
  KsWorkspace *ws = ks_test_open_workspace (":memory:", TRUE);
  /* Products: Pump 1000, Valve 200, Seal without a price. */
  const Opp opps[] = {
    { "O1", "Lead qualified", "Pump", "Ann", "2027-01-10", 5000 },          /* 10 % */
    { "O2", "Lead qualified", "Valve", "Ann", NULL, NAN },                   /* list 200, no date */
    { "O3", "Proposal with price", "Pump", "Ben", "2027-01-31", NAN },       /* list 1000, 50 % */
    { "O4", "Proposal with price", "Seal", "Ben", "2027-02-01", NAN },       /* no price: 0 */
    { "O5", "Purchasing decision made", NULL, "Ann", "2027-04-15", 8000 },   /* 90 %, unknown product */
    { "O6", "Won", "Pump", "Ann", "2027-01-05", 3000 },
    { "O7", "Won", "Valve", "Ben", "2027-02-20", NAN },                      /* won without a value: 0 */
    { "O8", "Lost", "Pump", "Ben", "2026-12-01", 4000 },
  };

  g_hash_table_insert (ids, "Pump", GSIZE_TO_POINTER (ks_test_add_product (ws, "Pump")));
  g_hash_table_insert (ids, "Valve", GSIZE_TO_POINTER (ks_test_add_product (ws, "Valve")));
  g_hash_table_insert (ids, "Seal", GSIZE_TO_POINTER (ks_test_add_product (ws, "Seal")));
  set_price (ws, GPOINTER_TO_SIZE (g_hash_table_lookup (ids, "Pump")), 1000);
  set_price (ws, GPOINTER_TO_SIZE (g_hash_table_lookup (ids, "Valve")), 200);
  g_hash_table_insert (ids, "Ann", GSIZE_TO_POINTER (ks_test_add_person (ws, "Ann", 0)));
  g_hash_table_insert (ids, "Ben", GSIZE_TO_POINTER (ks_test_add_person (ws, "Ben", 0)));
  for (guint i = 0; i < G_N_ELEMENTS (opps); i++)
    add_opportunity (ws, &opps[i], ids);
  return ws;
}

static void
test_hand_numbers (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(KsWorkspace) ws = hand_workspace (ids);
  g_autoptr(KsFunnelReport) report = NULL;
  g_autoptr(GError) error = NULL;
  KsFunnelFilter ann = { .owner = "Ann" };

  report = ks_funnel_report_load (ws, NULL, &error);
  g_assert_no_error (error);
  /* Lead qualified: 5000 + 200 (list) = 5200, × 10 % = 520. */
  g_assert_cmpuint (stage_row (report, "Lead qualified")->count, ==, 2);
  g_assert_cmpfloat (stage_row (report, "Lead qualified")->value, ==, 5200);
  g_assert_cmpfloat (stage_row (report, "Lead qualified")->weighted_value, ==, 520);
  g_assert_cmpuint (stage_row (report, "Lead qualified")->priced, ==, 1);
  /* Proposal with price: 1000 (list) + 0 (Seal has no price) = 1000 → 500. */
  g_assert_cmpfloat (stage_row (report, "Proposal with price")->value, ==, 1000);
  g_assert_cmpfloat (stage_row (report, "Proposal with price")->weighted_value, ==, 500);
  /* Purchasing decision: 8000 × 90 % = 7200, its unknown product does not matter. */
  g_assert_cmpfloat (stage_row (report, "Purchasing decision made")->weighted_value, ==, 7200);
  /* Open: 5 opportunities, 5200 + 1000 + 8000 = 14200, weighted 520 + 500 + 7200 = 8220;
   * priced: O2 and O3; unpriced: O4. */
  g_assert_cmpuint (report->open_count, ==, 5);
  g_assert_cmpfloat (report->open_value, ==, 14200);
  g_assert_cmpfloat (report->open_weighted, ==, 8220);
  g_assert_cmpuint (report->priced_count, ==, 2);
  g_assert_cmpuint (report->unpriced_count, ==, 1);
  /* Won 2 (3000 + 0), lost 1: hit rate 2 / 3. */
  g_assert_cmpuint (report->won_count, ==, 2);
  g_assert_cmpfloat (report->won_value, ==, 3000);
  g_assert_cmpfloat_with_epsilon (report->hit_rate, 200.0 / 3.0, 1e-9);
  /* Conversion: reached lead = 5 open + 2 won + 1 lost (lost from unknown:
   * the first stage) = 8; reached proposal without price = 3 open at or
   * after it + 2 won = 5 → 62.5 %. */
  g_assert_cmpuint (stage_row (report, "Lead qualified")->reached, ==, 8);
  g_assert_cmpfloat_with_epsilon (stage_row (report, "Lead qualified")->conversion, 62.5, 1e-9);
  /* 3 closed < the 20 needed to judge the shape. */
  g_assert_cmpint (report->shape, ==, KS_FUNNEL_SHAPE_UNKNOWN);
  g_clear_pointer (&report, ks_funnel_report_free);

  /* Ann's: O1, O2, O5 open (5200 + 8000; 520 + 7200), O6 won. */
  report = ks_funnel_report_load (ws, &ann, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->open_count, ==, 3);
  g_assert_cmpfloat (report->open_value, ==, 13200);
  g_assert_cmpfloat (report->open_weighted, ==, 7720);
  g_assert_cmpuint (report->won_count, ==, 1);
  g_assert_cmpuint (report->lost_count, ==, 0);
}

static void
test_hand_forecast (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(KsWorkspace) ws = hand_workspace (ids);
  g_autoptr(KsForecast) month = NULL;
  g_autoptr(KsForecast) quarter = NULL;
  g_autoptr(GError) error = NULL;
  const KsForecastRow *row;

  month = ks_forecast_load (ws, NULL, KS_FORECAST_MONTH, &error);
  g_assert_no_error (error);
  /* Dated ones, lost left out: 2027-01 (O1, O3, O6), 2027-02 (O4, O7),
   * 2027-04 (O5); March in between with nothing. */
  g_assert_cmpuint (month->rows->len, ==, 4);
  row = &g_array_index (month->rows, KsForecastRow, 0);
  g_assert_cmpstr (row->period, ==, "2027-01");
  /* weighted: won 3000 + 5000 × 10 % + 1000 × 50 % = 4000; best 3000 + 5000 + 1000. */
  g_assert_cmpfloat (row->weighted, ==, 4000);
  g_assert_cmpfloat (row->best_case, ==, 9000);
  g_assert_cmpfloat (row->won, ==, 3000);
  g_assert_cmpuint (row->open_count, ==, 2);
  g_assert_cmpuint (row->won_count, ==, 1);
  row = &g_array_index (month->rows, KsForecastRow, 2);
  g_assert_cmpstr (row->period, ==, "2027-03");
  g_assert_cmpfloat (row->best_case, ==, 0);
  /* O2 has no date: 200 at list price, 20 weighted. */
  g_assert_cmpuint (month->undated_count, ==, 1);
  g_assert_cmpfloat (month->undated_value, ==, 200);
  g_assert_cmpfloat (month->undated_weighted, ==, 20);

  quarter = ks_forecast_load (ws, NULL, KS_FORECAST_QUARTER, &error);
  g_assert_cmpuint (quarter->rows->len, ==, 2);
  row = &g_array_index (quarter->rows, KsForecastRow, 0);
  g_assert_cmpstr (row->period, ==, "2027-Q1");
  /* Q1: 4000 + (O4 0 × 50 %) + (O7 won 0) = 4000; Q2: O5 8000 × 90 % = 7200. */
  g_assert_cmpfloat (row->weighted, ==, 4000);
  g_assert_cmpfloat (g_array_index (quarter->rows, KsForecastRow, 1).weighted, ==, 7200);
}

/* Edits keep the summary exact, and undo takes the summary back too. */
static void
test_edits_and_undo (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(KsWorkspace) ws = hand_workspace (ids);
  g_autoptr(KsFunnelReport) report = NULL;
  g_autoptr(KsOpportunity) o1 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 id = ks_workspace_query_int (ws, "SELECT id FROM opportunities WHERE ref = 'O1'", 0, 0, "", NULL);
  gint64 lost = stage_id (ws, "Cancelled or lost");

  assert_summary_exact (ws);
  before = summary_text (ws);
  g_assert_true (ks_opportunity_move_to_stage (ws, id, stage_id (ws, "Proposal with price"), "2026-11-20", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, "Change Stage");
  /* The change is in the history with its date and sets the stage date. */
  g_assert_cmpint (ks_workspace_query_int (ws, "SELECT count (*) FROM stage_history WHERE opportunity_id = ?1"
                                               " AND changed = '2026-11-20'", id, 0, "", NULL), ==, 1);
  o1 = ks_opportunity_load (ws, id, &error);
  g_assert_cmpstr (ks_opportunity_get_stage_name (o1), ==, "Proposal with price");
  g_assert_cmpstr (ks_opportunity_get_stage_date (o1), ==, "2026-11-20");
  if (!ks_workspace_undo (ws, &error)) g_error ("%s", error->message);
  {
    g_autofree char *after = summary_text (ws);

    g_assert_cmpstr (after, ==, before);
  }
  g_assert_true (ks_workspace_redo (ws, &error));
  assert_summary_exact (ws);
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_true (ks_workspace_undo (ws, &error));
  {
    g_autofree char *after = summary_text (ws);

    g_assert_cmpstr (after, ==, before);
  }

  g_assert_true (ks_opportunity_change_value (ws, id, 7500, &error));
  assert_summary_exact (ws);
  g_assert_false (ks_opportunity_change_value (ws, id, -1, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ks_opportunity_change_close_date (ws, id, "2027-03-01", &error));
  g_assert_true (ks_opportunity_change_momentum (ws, id, KS_MOMENTUM_DEVELOPING, &error));
  g_assert_no_error (error);

  /* Lost from proposal with price: conversion counts it up to that stage. */
  g_assert_true (ks_opportunity_move_to_stage (ws, id, stage_id (ws, "Proposal with price"), "2026-12-01", &error));
  g_assert_true (ks_opportunity_move_to_stage (ws, id, lost, "2026-12-15", &error));
  assert_summary_exact (ws);
  report = ks_funnel_report_load (ws, NULL, &error);
  /* Reached proposal with price: O3, O4, O5 open + 2 won + O1 lost from it = 6. */
  g_assert_cmpuint (stage_row (report, "Proposal with price")->reached, ==, 6);
  /* O1 spent 2026-12-01 → 2026-12-15 = 14 days in proposal with price. */
  g_assert_cmpfloat (stage_row (report, "Proposal with price")->average_days, ==, 14);

  g_assert_true (ks_opportunity_delete (ws, id, &error));
  assert_summary_exact (ws);
}

/* ---- stages and the map ---- */

static void
test_unmapped_import (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", FALSE);
  g_autoptr(KsImportReport) import = ks_import_report_new ();
  g_autoptr(KsFunnelReport) report = NULL;
  g_autoptr(GPtrArray) map = NULL;
  g_autoptr(GError) error = NULL;
  KsImportIssue *issue = NULL;
  g_autofree char *path = ks_test_write_file (dir, "sales_pipeline.csv",
                                              "opportunity_id,sales_agent,product,account,deal_stage,"
                                              "engage_date,close_date,close_value\n"
                                              "A1,,,,Won,2026-01-01,2026-02-01,100\n"
                                              "A2,,,,Negotiating,2026-01-05,,\n"
                                              "A3,,,,Negotiating,2026-01-06,,\n", -1);

  g_assert_true (ks_crm_import (ws, dir, FALSE, import, &error));
  g_assert_no_error (error);
  /* One warning, at the first row naming the stage: line 3, character 7
   * ("A2,,,," is six characters before it). */
  for (guint i = 0; i < import->warnings->len; i++)
    {
      KsImportIssue *w = g_ptr_array_index (import->warnings, i);

      if (strstr (w->message, "Negotiating"))
        {
          g_assert_null (issue);
          issue = w;
        }
    }
  g_assert_nonnull (issue);
  g_assert_cmpuint (issue->line, ==, 3);
  g_assert_cmpuint (issue->column, ==, 7);
  g_assert_nonnull (strstr (issue->message, "not mapped"));
  g_assert_nonnull (strstr (issue->message, "2 opportunities"));

  /* Nothing lost: both are in, unmapped. */
  report = ks_funnel_report_load (ws, NULL, &error);
  g_assert_cmpuint (report->unmapped_count, ==, 2);
  g_assert_cmpuint (report->won_count, ==, 1);
  g_clear_pointer (&report, ks_funnel_report_free);
  map = ks_stage_mapping_list (ws, &error);
  g_assert_cmpstr (((KsStageMapping *) g_ptr_array_index (map, 0))->source, ==, "negotiating");
  g_assert_cmpint (((KsStageMapping *) g_ptr_array_index (map, 0))->stage_id, ==, 0);
  g_assert_cmpuint (((KsStageMapping *) g_ptr_array_index (map, 0))->n_opportunities, ==, 2);

  /* The user maps it: both move, the summary follows. */
  g_assert_true (ks_stage_mapping_set (ws, "Negotiating", stage_id (ws, "Proposal with price"), &error));
  g_assert_no_error (error);
  report = ks_funnel_report_load (ws, NULL, &error);
  g_assert_cmpuint (report->unmapped_count, ==, 0);
  g_assert_cmpuint (stage_row (report, "Proposal with price")->count, ==, 2);
  assert_summary_exact (ws);
  g_clear_pointer (&report, ks_funnel_report_free);

  /* A re-import that moves A2 on records the change, dated by its close date. */
  g_free (ks_test_write_file (dir, "sales_pipeline.csv",
                              "opportunity_id,sales_agent,product,account,deal_stage,"
                              "engage_date,close_date,close_value\n"
                              "A2,,,,Won,2026-01-05,2026-03-03,250\n", -1));
  ks_import_report_clear (import);
  g_assert_true (ks_crm_import (ws, dir, FALSE, import, &error));
  g_assert_cmpint (ks_workspace_query_int (ws, "SELECT count (*) FROM stage_history h"
                                               " JOIN opportunities o ON o.id = h.opportunity_id"
                                               " WHERE o.ref = 'A2' AND h.changed = '2026-03-03'"
                                               " AND h.to_stage_id = ?1", stage_id (ws, "Order received"), 0,
                                           "", NULL), ==, 1);
  report = ks_funnel_report_load (ws, NULL, &error);
  g_assert_cmpuint (report->won_count, ==, 2);
  g_assert_cmpfloat (report->won_value, ==, 350);
  assert_summary_exact (ws);
}

static void
test_stage_rules (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* The book's defaults, in order. */
  stages = ks_stage_list (ws, &error);
  g_assert_cmpuint (stages->len, ==, 7);
  g_assert_cmpstr (((KsStage *) g_ptr_array_index (stages, 0))->name, ==, "Lead qualified");
  g_assert_cmpfloat (((KsStage *) g_ptr_array_index (stages, 3))->probability, ==, 70);
  g_assert_cmpint (((KsStage *) g_ptr_array_index (stages, 5))->outcome, ==, KS_OUTCOME_WON);
  g_clear_pointer (&stages, g_ptr_array_unref);

  g_assert_cmpint (ks_stage_add (ws, "Lead qualified", 20, KS_OUTCOME_OPEN, 0, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "already a stage"));
  g_clear_error (&error);
  g_assert_cmpint (ks_stage_add (ws, "Signed", 90, KS_OUTCOME_WON, 0, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "100 %"));
  g_clear_error (&error);
  g_assert_cmpint (ks_stage_add (ws, "Odd", 120, KS_OUTCOME_OPEN, 0, &error), ==, 0);
  g_clear_error (&error);

  /* A new stage at position 2 pushes the others down; its own name maps. */
  id = ks_stage_add (ws, "Needs analysed", 20, KS_OUTCOME_OPEN, 2, &error);
  g_assert_no_error (error);
  stages = ks_stage_list (ws, &error);
  g_assert_cmpint (((KsStage *) g_ptr_array_index (stages, 1))->id, ==, id);
  g_assert_cmpint (((KsStage *) g_ptr_array_index (stages, 2))->position, ==, 3);
  g_assert_cmpint (ks_stage_mapping_lookup (ws, "NEEDS ANALYSED", &error), ==, id);
  g_clear_pointer (&stages, g_ptr_array_unref);

  /* Deleting it closes the gap. */
  g_assert_true (ks_stage_delete (ws, id, &error));
  stages = ks_stage_list (ws, &error);
  g_assert_cmpuint (stages->len, ==, 7);
  for (guint i = 0; i < stages->len; i++)
    g_assert_cmpint (((KsStage *) g_ptr_array_index (stages, i))->position, ==, i + 1);
  g_assert_cmpint (ks_stage_mapping_lookup (ws, "needs analysed", &error), ==, 0);
}

/* ---- pure rules ---- */

static void
test_momentum (void)
{
  /* Three weeks = 21 days: 2026-12-07 − 21 days = 2026-11-16. */
  g_assert_cmpint (ks_momentum_effective (KS_MOMENTUM_DEVELOPING, KS_OUTCOME_OPEN, "2026-11-16", NULL, NULL,
                                          "2026-12-07", 3), ==, KS_MOMENTUM_FADING);
  g_assert_cmpint (ks_momentum_effective (KS_MOMENTUM_DEVELOPING, KS_OUTCOME_OPEN, "2026-11-17", NULL, NULL,
                                          "2026-12-07", 3), ==, KS_MOMENTUM_DEVELOPING);
  /* The newest of the three dates counts. */
  g_assert_cmpint (ks_momentum_effective (KS_MOMENTUM_STABLE, KS_OUTCOME_OPEN, "2026-01-01", "2026-12-01",
                                          "2025-05-05", "2026-12-07", 3), ==, KS_MOMENTUM_STABLE);
  /* Across a year end: 2026-12-20 + 14 days = 2027-01-03. */
  g_assert_cmpint (ks_momentum_effective (KS_MOMENTUM_STABLE, KS_OUTCOME_OPEN, "2026-12-20", NULL, NULL,
                                          "2027-01-03", 2), ==, KS_MOMENTUM_FADING);
  /* Closed ones and ones without any date keep the judgement. */
  g_assert_cmpint (ks_momentum_effective (KS_MOMENTUM_STABLE, KS_OUTCOME_WON, "2020-01-01", NULL, NULL,
                                          "2026-12-07", 3), ==, KS_MOMENTUM_STABLE);
  g_assert_cmpint (ks_momentum_effective (KS_MOMENTUM_DEVELOPING, KS_OUTCOME_OPEN, NULL, NULL, NULL,
                                          "2026-12-07", 3), ==, KS_MOMENTUM_DEVELOPING);
}

static KsFunnelReport *
shape_report (guint  won,
              guint  lost,
              double days)
{
  KsFunnelReport *report = g_new0 (KsFunnelReport, 1);

  report->won_count = won;
  report->lost_count = lost;
  report->won_value = won * 1000.0;
  report->hit_rate = won + lost ? 100.0 * won / (won + lost) : NAN;
  report->average_days_to_order = days;
  report->open_count = 40;
  return report;
}

static void
test_shape (void)
{
  KsFunnelTargets targets = { .target_hit_rate = 30, .target_days = 120, .order_target = 0, .min_closed = 20 };
  KsFunnelReport *r;

  /* 10 closed < 20: unknown. */
  r = shape_report (5, 5, 30);
  ks_funnel_diagnose (r, &targets);
  g_assert_cmpint (r->shape, ==, KS_FUNNEL_SHAPE_UNKNOWN);
  ks_funnel_report_free (r);
  /* 5 of 40 = 12.5 % < 30 %: wide, and the reason says the rate. */
  r = shape_report (5, 35, 30);
  ks_funnel_diagnose (r, &targets);
  g_assert_cmpint (r->shape, ==, KS_FUNNEL_SHAPE_WIDE);
  g_assert_nonnull (strstr (r->shape_reason, "12.5 %"));
  ks_funnel_report_free (r);
  /* Exactly at the target hit rate is not wide; 200 days > 120: long and narrow. */
  r = shape_report (12, 28, 200);
  ks_funnel_diagnose (r, &targets);
  g_assert_cmpint (r->shape, ==, KS_FUNNEL_SHAPE_LONG_NARROW);
  g_assert_nonnull (strstr (r->shape_reason, "200 days"));
  ks_funnel_report_free (r);
  /* Good rate, fast orders, but the order target needs more leads: with 20
   * won of 40 closed at 1000 each, 100000 a quarter needs 100000 /
   * (1000 × 0.5) = 200 leads; 40 are open → long and narrow. */
  targets.order_target = 100000;
  r = shape_report (20, 20, 60);
  ks_funnel_diagnose (r, &targets);
  g_assert_cmpfloat (r->leads_needed, ==, 200);
  g_assert_cmpint (r->shape, ==, KS_FUNNEL_SHAPE_LONG_NARROW);
  ks_funnel_report_free (r);
  targets.order_target = 0;
  r = shape_report (20, 20, 60);
  ks_funnel_diagnose (r, &targets);
  g_assert_cmpint (r->shape, ==, KS_FUNNEL_SHAPE_OPTIMAL);
  ks_funnel_report_free (r);
}

/* ---- migration ---- */

static void
test_migrate_v6 (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v6.keystone", NULL);
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsFunnelReport) report = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  /* A version 6 file with three opportunities, one with a stage name no
   * default maps. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint v = 1; v <= 6; v++)
    g_assert_cmpint (sqlite3_exec (db, ks_schema_migration (v), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO opportunities (ref, stage, value) VALUES"
                                 " ('M1', 'Won', 10), ('M2', 'engaging ', 20), ('M3', 'Pilot', 30);"
                                 "PRAGMA user_version = 6; PRAGMA application_id = 1265850219;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ks_workspace_get_schema_version (ws), ==, ks_workspace_latest_schema_version ());
  report = ks_funnel_report_load (ws, NULL, &error);
  g_assert_cmpuint (report->won_count, ==, 1);
  g_assert_cmpuint (stage_row (report, "Proposal without price")->count, ==, 1);
  g_assert_cmpuint (report->unmapped_count, ==, 1);
  g_assert_cmpfloat (report->unmapped_value, ==, 30);
  assert_summary_exact (ws);
}

/* A won stage with a name of the user's still counts as won revenue in the
 * portfolio's ABC analysis. */
static void
test_renamed_won_stage (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(KsWorkspace) ws = hand_workspace (ids);
  g_autoptr(KsAbcReport) abc = NULL;
  g_autoptr(GError) error = NULL;
  gint64 won = stage_id (ws, "Order received");
  gint64 account = ks_test_add_account (ws, "Acme");
  gint64 o1 = ks_workspace_query_int (ws, "SELECT id FROM opportunities WHERE ref = 'O1'", 0, 0, "", NULL);
  KsStmt *stmt = ks_workspace_prepare (ws, "UPDATE opportunities SET account_id = ?1", NULL);

  ks_stmt_bind_int64 (stmt, 1, account);
  g_assert_true (ks_workspace_step_done (ws, stmt, "", NULL));
  g_assert_true (ks_stage_update (ws, won, "Closed – won", 100, KS_OUTCOME_WON, "", &error));
  g_assert_no_error (error);
  g_assert_true (ks_opportunity_move_to_stage (ws, o1, won, "2027-01-20", &error));
  g_assert_no_error (error);
  /* O6 (won, 3000) + O1 (now won, 5000) + O7 (won, no value). */
  abc = ks_abc_report_load (ws, KS_REVENUE_WON, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (abc->total, ==, 8000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/funnel/crm-export", test_crm_export);
  g_test_add_func ("/core/funnel/hand-numbers", test_hand_numbers);
  g_test_add_func ("/core/funnel/hand-forecast", test_hand_forecast);
  g_test_add_func ("/core/funnel/edits-and-undo", test_edits_and_undo);
  g_test_add_func ("/core/funnel/unmapped-import", test_unmapped_import);
  g_test_add_func ("/core/funnel/stage-rules", test_stage_rules);
  g_test_add_func ("/core/funnel/momentum", test_momentum);
  g_test_add_func ("/core/funnel/shape", test_shape);
  g_test_add_func ("/core/funnel/migrate-v6", test_migrate_v6);
  g_test_add_func ("/core/funnel/renamed-won-stage", test_renamed_won_stage);
  return g_test_run ();
}
