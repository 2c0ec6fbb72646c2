/* test-json-funnel.c — the funnel in workspace and handover JSON: stages, the
 * stage map, evaluation criteria, each opportunity's stage date, momentum,
 * last activity, stage history and evaluation; old documents; refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "ks-funnel.h"
#include "ks-json.h"
#include "ks-opportunity.h"
#include "ks-test-util.h"
#include "ks-workspace-private.h"

/* Four stages of its own, a map with an unmapped name, criteria on both axes;
 * O-1 maps through "Talking", O-2 was lost from "Offer", O-3 is unmapped. */
static const char funnel_doc[] =
  "{\"format\": \"keystone-workspace\", \"schema_version\": 7,\n"
  " \"people\": [{\"name\": \"Ben\"}],\n"
  " \"products\": [{\"name\": \"Probe\", \"price\": 100}],\n"
  " \"accounts\": [{\"name\": \"Acme\"}],\n"
  " \"opportunities\": [\n"
  "   {\"id\": \"O-1\", \"account\": \"Acme\", \"product\": \"Probe\", \"owner\": \"Ben\", \"stage\": \"Talking\",\n"
  "    \"value\": 500, \"engage_date\": \"2026-01-05\", \"stage_date\": \"2026-02-01\", \"momentum\": \"developing\",\n"
  "    \"last_activity\": \"2026-03-01\",\n"
  "    \"stage_history\": [{\"from\": null, \"to\": \"Lead\", \"date\": \"2026-01-05\"},\n"
  "                      {\"from\": \"lead\", \"to\": \"Offer\", \"date\": \"2026-02-01\"}],\n"
  "    \"evaluation\": {\"Fit\": 4, \"access\": 2}},\n"
  "   {\"id\": \"O-2\", \"stage\": \"Lost\", \"value\": 200, \"momentum\": \"fading\",\n"
  "    \"stage_history\": [{\"from\": \"Offer\", \"to\": \"Lost\", \"date\": \"2026-03-10\"}]},\n"
  "   {\"id\": \"O-3\", \"stage\": \"Mystery\"}\n"
  " ],\n"
  " \"stages\": [{\"name\": \"Lead\", \"probability\": 20}, {\"name\": \"Offer\", \"probability\": 60.5,\n"
  "             \"description\": \"priced\"}, {\"name\": \"Won\", \"probability\": 100, \"outcome\": \"won\"},\n"
  "            {\"name\": \"Lost\", \"probability\": 0, \"outcome\": \"lost\"}],\n"
  " \"stage_map\": [{\"source\": \"Talking\", \"stage\": \"Offer\"}, {\"source\": \"lost\", \"stage\": \"Lost\"},\n"
  "               {\"source\": \"mystery\", \"stage\": null}],\n"
  " \"evaluation_criteria\": [{\"axis\": \"attractiveness\", \"name\": \"Fit\", \"weight\": 60},\n"
  "                         {\"axis\": \"chance\", \"name\": \"Access\", \"weight\": 100},\n"
  "                         {\"axis\": \"attractiveness\", \"name\": \"Size\", \"weight\": 40}]\n"
  "}\n";

/* Before schema 7: CRM stage names only. */
static const char old_doc[] =
  "{\"format\": \"keystone-workspace\", \"schema_version\": 6,\n"
  " \"people\": [{\"name\": \"Ben\"}],\n"
  " \"products\": [{\"name\": \"Probe\", \"price\": 100}],\n"
  " \"opportunities\": [\n"
  "   {\"id\": \"1\", \"owner\": \"Ben\", \"product\": \"Probe\", \"stage\": \"Won\", \"value\": 2500,\n"
  "    \"engage_date\": \"2025-03-01\", \"close_date\": \"2025-04-30\"},\n"
  "   {\"id\": \"2\", \"owner\": \"Ben\", \"product\": \"Probe\", \"stage\": \"Lost\", \"value\": 1000},\n"
  "   {\"id\": \"3\", \"owner\": \"Ben\", \"product\": \"Probe\", \"stage\": \"Prospecting\", \"value\": 300},\n"
  "   {\"id\": \"4\", \"owner\": \"Ben\", \"product\": \"Probe\", \"stage\": \"prospecting \"},\n"
  "   {\"id\": \"5\", \"stage\": \"Negotiation\", \"value\": 50}\n"
  " ]}\n";

static KsWorkspace *
new_workspace (void)
{
  g_autoptr(GError) error = NULL;
  KsWorkspace *ws = ks_workspace_open (":memory:", KS_WORKSPACE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return ws;
}

static char *
export (KsWorkspace *ws)
{
  g_autoptr(GError) error = NULL;
  char *text = ks_json_export (ws, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static void
import (KsWorkspace *ws,
        const char  *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_json_import_data (ws, text, -1, "test.json", FALSE, &error));
  g_assert_no_error (error);
}

static gint64
stage_id (KsWorkspace *ws,
          const char  *name)
{
  g_autoptr(GPtrArray) stages = ks_stage_list (ws, NULL);

  for (guint i = 0; i < stages->len; i++)
    if (g_str_equal (((KsStage *) g_ptr_array_index (stages, i))->name, name))
      return ((KsStage *) g_ptr_array_index (stages, i))->id;
  g_assert_not_reached ();
  return 0;
}

static KsOpportunity *
opportunity (KsWorkspace *ws,
             const char  *ref)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  KsStmt *stmt = ks_workspace_prepare (ws, "SELECT id FROM opportunities WHERE ref = ?1", NULL);
  KsOpportunity *o;

  g_assert_nonnull (stmt);
  ks_stmt_bind_text (stmt, 1, ref);
  if (ks_stmt_step (stmt) == KS_STEP_ROW)
    id = ks_stmt_column_int64 (stmt, 0);
  ks_stmt_reset (stmt);
  g_assert_cmpint (id, >, 0);
  o = ks_opportunity_load (ws, id, &error);
  g_assert_no_error (error);
  return o;
}

/* Rows of fixed SQL as "a|b|c\n" lines. */
static char *
rows_text (KsWorkspace *ws,
           const char  *sql)
{
  GString *out = g_string_new (NULL);
  KsStmt *stmt = ks_workspace_prepare (ws, sql, NULL);

  g_assert_nonnull (stmt);
  while (ks_stmt_step (stmt) == KS_STEP_ROW)
    {
      for (int c = 0; c < ks_stmt_column_count (stmt); c++)
        g_string_append_printf (out, "%s%s", c ? "|" : "",
                                ks_stmt_column_is_null (stmt, c) ? "NULL"
                                : ks_stmt_column_text (stmt, c));
      g_string_append_c (out, '\n');
    }
  ks_stmt_reset (stmt);
  return g_string_free (out, FALSE);
}

#define SUMMARY_SQL \
  "SELECT stage_id, owner_id, product_id, lost_from, n, value, unvalued, days, dated" \
  "  FROM funnel_summary WHERE n <> 0 ORDER BY stage_id, owner_id, product_id, lost_from"

/* The summary the import left equals @expected and what a rebuild gives. */
static void
assert_summary (KsWorkspace *ws,
                const char  *expected)
{
  g_autofree char *kept = rows_text (ws, SUMMARY_SQL);
  g_autofree char *rebuilt = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (kept, ==, expected);
  g_assert_true (ks_funnel_summary_rebuild (ws, &error));
  g_assert_no_error (error);
  rebuilt = rows_text (ws, SUMMARY_SQL);
  g_assert_cmpstr (kept, ==, rebuilt);
}

static void
test_round_trip (void)
{
  g_autoptr(KsWorkspace) a = new_workspace ();
  g_autoptr(KsWorkspace) b = new_workspace ();
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(KsOpportunity) o1 = NULL;
  g_autoptr(KsOpportunity) o2 = NULL;
  g_autoptr(KsOpportunity) o3 = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *history = NULL;
  g_autofree char *scores = NULL;
  g_autofree char *criteria = NULL;
  gint64 lead, offer, lost;

  import (a, funnel_doc);
  first = export (a);
  import (b, first);
  second = export (b);
  g_assert_cmpstr (first, ==, second);

  /* The document's stages replace the defaults, in its order. */
  stages = ks_stage_list (a, NULL);
  g_assert_cmpuint (stages->len, ==, 4);
  g_assert_cmpstr (((KsStage *) g_ptr_array_index (stages, 1))->name, ==, "Offer");
  g_assert_cmpfloat (((KsStage *) g_ptr_array_index (stages, 1))->probability, ==, 60.5);
  g_assert_cmpstr (((KsStage *) g_ptr_array_index (stages, 1))->description, ==, "priced");
  g_assert_cmpint (((KsStage *) g_ptr_array_index (stages, 2))->outcome, ==, KS_OUTCOME_WON);
  g_assert_cmpint (((KsStage *) g_ptr_array_index (stages, 3))->position, ==, 4);
  lead = stage_id (a, "Lead");
  offer = stage_id (a, "Offer");
  lost = stage_id (a, "Lost");

  /* Stages come from the stage texts through the document's map. */
  g_assert_cmpint (ks_stage_mapping_lookup (a, "TALKING", NULL), ==, offer);
  g_assert_cmpint (ks_stage_mapping_lookup (a, "won", NULL), ==, 0);   /* not in the document's map */
  o1 = opportunity (a, "O-1");
  o2 = opportunity (a, "O-2");
  o3 = opportunity (a, "O-3");
  g_assert_cmpint (ks_opportunity_get_stage_id (o1), ==, offer);
  g_assert_cmpint (ks_opportunity_get_stage_id (o2), ==, lost);
  g_assert_cmpint (ks_opportunity_get_stage_id (o3), ==, 0);
  g_assert_cmpint (ks_opportunity_get_momentum (o1), ==, KS_MOMENTUM_DEVELOPING);
  g_assert_cmpint (ks_opportunity_get_momentum (o2), ==, KS_MOMENTUM_FADING);
  g_assert_cmpint (ks_opportunity_get_momentum (o3), ==, KS_MOMENTUM_STABLE);
  g_assert_cmpstr (ks_opportunity_get_stage_date (o1), ==, "2026-02-01");
  g_assert_cmpstr (ks_opportunity_get_last_activity (o1), ==, "2026-03-01");
  g_assert_null (ks_opportunity_get_last_activity (o2));

  /* History names resolved to ids ("lead" ignoring case), scores by criterion. */
  history = rows_text (a, "SELECT o.ref, h.from_stage_id, h.to_stage_id, h.changed FROM stage_history h"
                          " JOIN opportunities o ON o.id = h.opportunity_id ORDER BY o.ref, h.changed");
  {
    g_autofree char *expected = g_strdup_printf ("O-1|NULL|%" G_GINT64_FORMAT "|2026-01-05\n"
                                                 "O-1|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|2026-02-01\n"
                                                 "O-2|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|2026-03-10\n",
                                                 lead, lead, offer, offer, lost);
    g_assert_cmpstr (history, ==, expected);
  }
  scores = rows_text (a, "SELECT c.axis, c.position, c.name, s.score FROM evaluation_scores s"
                         " JOIN evaluation_criteria c ON c.id = s.criterion_id ORDER BY c.axis, c.position");
  g_assert_cmpstr (scores, ==, "attractiveness|1|Fit|4\nchance|1|Access|2\n");
  criteria = rows_text (a, "SELECT axis, position, name, weight FROM evaluation_criteria ORDER BY axis, position");
  g_assert_cmpstr (criteria, ==, "attractiveness|1|Fit|60.0\nattractiveness|2|Size|40.0\nchance|1|Access|100.0\n");

  /* O-2 was lost from Offer; O-3 has no stage and no value. Stage ids 1–4
   * by position (the defaults were deleted first), Ben and Probe are 1. */
  assert_summary (a, "0|0|0|0|1|0.0|1|0.0|0\n"
                     "2|1|1|0|1|500.0|0|0.0|0\n"
                     "4|0|0|2|1|200.0|0|0.0|0\n");

  /* Written after the opportunities, in a fixed form. */
  g_assert_nonnull (strstr (first, "      \"stage_date\": \"2026-02-01\",\n      \"momentum\": \"developing\",\n"
                                   "      \"last_activity\": \"2026-03-01\",\n      \"stage_history\": [\n"
                                   "        {\n          \"from\": null,\n          \"to\": \"Lead\",\n"
                                   "          \"date\": \"2026-01-05\"\n        },\n"));
  g_assert_nonnull (strstr (first, "      \"evaluation\": {\n        \"Fit\": 4,\n        \"Access\": 2\n      }\n"));
  g_assert_nonnull (strstr (first, "\"stage_map\": [\n    {\n      \"source\": \"lost\",\n      \"stage\": \"Lost\"\n    },\n"
                                   "    {\n      \"source\": \"mystery\",\n      \"stage\": null\n    },\n"));
  g_assert_nonnull (strstr (first, "      \"name\": \"Offer\",\n      \"probability\": 60.5,\n"
                                   "      \"outcome\": \"open\",\n      \"description\": \"priced\"\n"));
  /* Only O-1 has scores. */
  g_assert_null (strstr (strstr (first, "\"id\": \"O-2\""), "\"evaluation\":"));
  g_assert_true (strstr (first, "\"stages\"") > strstr (first, "\"opportunities\""));
  g_assert_true (strstr (first, "\"evaluation_criteria\"") < strstr (first, "\"criteria\": ["));
}

static void
test_old_document (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autofree char *stages = NULL;
  g_autofree char *text = NULL;

  import (ws, old_doc);
  /* The default stages and map: Won → Order received (6), Lost → Cancelled
   * or lost (7), Prospecting → Lead qualified (1); Negotiation joins the
   * map unmapped. */
  stages = rows_text (ws, "SELECT o.ref, o.stage_id, s.name FROM opportunities o"
                          " LEFT JOIN funnel_stages s ON s.id = o.stage_id ORDER BY o.ref");
  g_assert_cmpstr (stages, ==, "1|6|Order received\n2|7|Cancelled or lost\n3|1|Lead qualified\n"
                               "4|1|Lead qualified\n5|NULL|NULL\n");
  g_assert_cmpint (ks_stage_mapping_lookup (ws, "negotiation", NULL), ==, 0);
  /* Won: 2025-03-01 to 2025-04-30 is 60 days; 3 and 4 share a cell, 4 without a value. */
  assert_summary (ws, "0|0|0|0|1|50.0|0|0.0|0\n"
                      "1|1|1|0|2|300.0|1|0.0|0\n"
                      "6|1|1|0|1|2500.0|0|60.0|1\n"
                      "7|1|1|0|1|1000.0|0|0.0|0\n");
  text = export (ws);
  g_assert_nonnull (strstr (text, "    {\n      \"source\": \"negotiation\",\n      \"stage\": null\n    },\n"));
  g_assert_nonnull (strstr (text, "\"name\": \"Customer urgency to close\",\n      \"weight\": 5\n"));
}

/* A document with stages but no map: each stage's name maps onto it. */
static void
test_stages_without_map (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autofree char *map = NULL;

  import (ws, "{\"format\": \"keystone-workspace\", \"schema_version\": 7,"
              " \"opportunities\": [{\"id\": \"1\", \"stage\": \"WON\"}, {\"id\": \"2\", \"stage\": \"Prospecting\"}],"
              " \"stages\": [{\"name\": \"Open\", \"probability\": 40}, {\"name\": \"Won\", \"probability\": 100,"
              " \"outcome\": \"won\"}]}");
  map = rows_text (ws, "SELECT m.source, s.name FROM stage_map m LEFT JOIN funnel_stages s ON s.id = m.stage_id"
                       " ORDER BY m.source");
  g_assert_cmpstr (map, ==, "open|Open\nprospecting|NULL\nwon|Won\n");
  g_assert_cmpint (ks_stage_mapping_lookup (ws, "won", NULL), ==, stage_id (ws, "Won"));
}

/* Refusals: a document without stages or criteria keeps the workspace's (here
 * the funnel document's Lead, Offer, Won, Lost and Fit, Access, Size). ------ */

/* Imports @doc (replace) over the funnel document; the error is a value
 * error whose message holds each string; nothing changed. */
static void
assert_refused (const char *doc,
                ...)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *expect;
  va_list args;

  import (ws, funnel_doc);
  before = export (ws);
  g_assert_false (ks_json_import_data (ws, doc, -1, "in.json", TRUE, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_VALUE);
  va_start (args, doc);
  while ((expect = va_arg (args, const char *)))
    if (!strstr (error->message, expect))
      g_error ("“%s” is not in the message “%s”", expect, error->message);
  va_end (args);
  g_assert_false (ks_workspace_in_transaction (ws));
  after = export (ws);
  g_assert_cmpstr (before, ==, after);
}

#define HEAD7 "{\"format\": \"keystone-workspace\", \"schema_version\": 7,\n"

static void
test_refused (void)
{
  /* Momentum. */
  assert_refused (HEAD7 "\"opportunities\": [\n {\"id\": \"O-1\", \"momentum\": \"booming\"}]}",
                  "in.json:3:2: opportunity “O-1”: “momentum” must be one of developing, stable, fading", NULL);
  assert_refused (HEAD7 "\"opportunities\": [\n {\"id\": \"O-1\", \"momentum\": 2}]}",
                  "in.json:3:2:", "“momentum”", NULL);
  /* Outcomes and probabilities. */
  assert_refused (HEAD7 "\"stages\": [\n{\"name\": \"X\", \"probability\": 50, \"outcome\": \"maybe\"}]}",
                  "in.json:3:1:", "“outcome” must be one of open, won, lost", NULL);
  assert_refused (HEAD7 "\"stages\": [{\"name\": \"A\", \"probability\": 5},\n   {\"name\": \"X\", \"probability\": 120}]}",
                  "in.json:3:4:", "the stage “X” needs a “probability” from 0 to 100", NULL);
  assert_refused (HEAD7 "\"stages\": [{\"name\": \"X\", \"probability\": -0.5}]}", "“probability” from 0 to 100", NULL);
  assert_refused (HEAD7 "\"stages\": [{\"name\": \"X\", \"probability\": \"50\"}]}", "“probability” from 0 to 100", NULL);
  assert_refused (HEAD7 "\"stages\": [{\"name\": \"X\"}]}", "“probability” from 0 to 100", NULL);
  assert_refused (HEAD7 "\"stages\": [{\"name\": \"X\", \"probability\": 90, \"outcome\": \"won\"}]}",
                  "“X” means won, so its probability must be 100", NULL);
  assert_refused (HEAD7 "\"stages\": [{\"name\": \"X\", \"probability\": 10, \"outcome\": \"lost\"}]}",
                  "“X” means lost", NULL);
  assert_refused (HEAD7 "\"stages\": [{\"name\": \"X\", \"probability\": 10}, {\"name\": \"X\", \"probability\": 20}]}",
                  "“X” is listed twice", NULL);
  /* The stage map names a stage that does not exist. */
  assert_refused (HEAD7 "\"stage_map\": [\n  {\"source\": \"won\", \"stage\": \"Gewonnen\"}]}",
                  "in.json:3:3:", "“Gewonnen”, which is not a stage", NULL);
  assert_refused (HEAD7 "\"stage_map\": [{\"source\": \"Won\", \"stage\": null}, {\"source\": \"won \", \"stage\": null}]}",
                  "mapped twice", NULL);
  /* A history entry naming a stage that does not exist: its position. */
  assert_refused (HEAD7 "\"opportunities\": [{\"id\": \"O-9\", \"stage\": \"Won\",\n"
                  "  \"stage_history\": [{\"from\": null, \"to\": \"Lead\", \"date\": \"2026-01-02\"},\n"
                  "                    {\"from\": \"Lead\", \"to\": \"Nowhere\", \"date\": \"2026-02-02\"}]}]}",
                  "in.json:4:21: opportunity “O-9”:", "the stage “Nowhere”, which is not a stage", NULL);
  /* ... and a history stage the document's own stages do not have. */
  assert_refused (HEAD7 "\"stages\": [{\"name\": \"Open\", \"probability\": 50}],\n"
                  "\"opportunities\": [{\"id\": \"O-9\", \"stage_history\": [{\"to\": \"Lead qualified\", \"date\": \"2026-01-02\"}]}]}",
                  "“Lead qualified”, which is not a stage", NULL);
  assert_refused (HEAD7 "\"opportunities\": [{\"id\": \"O-9\", \"stage_history\": [{\"to\": \"Won\", \"date\": \"2026-02-30\"}]}]}",
                  "opportunity “O-9”", "“date” is not a date", NULL);
  assert_refused (HEAD7 "\"opportunities\": [{\"id\": \"O-9\", \"stage_history\": [{\"to\": \"Won\"}]}]}",
                  "“date” is not a date", NULL);
  assert_refused (HEAD7 "\"opportunities\": [{\"id\": \"O-9\", \"stage_date\": \"yesterday\"}]}",
                  "“stage_date” is not a date", NULL);
  /* Evaluations: an unknown criterion (at the evaluation's position), a score outside 1–5. */
  assert_refused (HEAD7 "\"opportunities\": [{\"id\": \"O-9\",\n  \"evaluation\": {\"Fit\": 3, \"Charm\": 5}}]}",
                  "in.json:3:17: opportunity “O-9”:", "“Charm”, which is not an evaluation criterion", NULL);
  assert_refused (HEAD7 "\"opportunities\": [{\"id\": \"O-9\", \"evaluation\": {\"Fit\": 6}}]}",
                  "the evaluation of “Fit” must be a whole number from 1 to 5", NULL);
  assert_refused (HEAD7 "\"opportunities\": [{\"id\": \"O-9\", \"evaluation\": {\"Fit\": 2.5}}]}",
                  "from 1 to 5", NULL);
  assert_refused (HEAD7 "\"opportunities\": [{\"id\": \"O-9\", \"evaluation\": [3]}]}", "“evaluation” must be an object", NULL);
  assert_refused (HEAD7 "\"evaluation_criteria\": [{\"axis\": \"chance\", \"name\": \"Fit\", \"weight\": 10},"
                  " {\"axis\": \"attractiveness\", \"name\": \"fit\", \"weight\": 10}]}", "“fit” is listed twice", NULL);
  assert_refused (HEAD7 "\"evaluation_criteria\": [{\"axis\": \"luck\", \"name\": \"Fit\", \"weight\": 10}]}",
                  "“axis” must be one of attractiveness, chance", NULL);
  assert_refused (HEAD7 "\"evaluation_criteria\": [{\"axis\": \"chance\", \"name\": \"Fit\", \"weight\": 101}]}",
                  "“weight” from 0 to 100", NULL);
}

/* The handover document --------------------------------------------------- */

static void
test_account_document (void)
{
  g_autoptr(KsWorkspace) a = new_workspace ();
  g_autoptr(KsWorkspace) b = new_workspace ();
  g_autoptr(KsAccountImportReport) report = ks_account_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsOpportunity) o1 = NULL;
  g_autofree char *doc = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *scores = NULL;
  g_autofree char *history = NULL;
  g_autofree char *expected = NULL;
  gint64 acme;

  import (a, funnel_doc);
  acme = ks_workspace_query_int (a, "SELECT id FROM accounts WHERE name = 'Acme'", 0, 0, "read", NULL);
  doc = ks_json_export_account (a, acme, &error);
  g_assert_no_error (error);
  /* The handover holds the opportunity's funnel members, not the stages. */
  g_assert_nonnull (strstr (doc, "\"momentum\": \"developing\""));
  g_assert_nonnull (strstr (doc, "\"evaluation\": {\n        \"Fit\": 4,\n        \"Access\": 2\n      }"));
  g_assert_null (strstr (doc, "\"stages\""));

  /* Into a workspace with the same stages and criteria but no opportunities. */
  import (b, "{\"format\": \"keystone-workspace\", \"schema_version\": 7,"
             " \"stages\": [{\"name\": \"Lead\", \"probability\": 20}, {\"name\": \"Offer\", \"probability\": 60.5}],"
             " \"stage_map\": [{\"source\": \"talking\", \"stage\": \"Offer\"}],"
             " \"evaluation_criteria\": [{\"axis\": \"attractiveness\", \"name\": \"Fit\", \"weight\": 100}]}");
  g_assert_true (ks_json_import_account_data (b, doc, -1, "acme.json", report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->opportunities_created->len, ==, 1);
  /* "Access" is not a criterion there: dropped, said once. */
  g_assert_cmpuint (report->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (report->warnings, 0), "“Access”"));
  o1 = opportunity (b, "O-1");
  g_assert_cmpint (ks_opportunity_get_stage_id (o1), ==, stage_id (b, "Offer"));
  g_assert_cmpint (ks_opportunity_get_momentum (o1), ==, KS_MOMENTUM_DEVELOPING);
  history = rows_text (b, "SELECT from_stage_id, to_stage_id, changed FROM stage_history ORDER BY changed");
  expected = g_strdup_printf ("NULL|%" G_GINT64_FORMAT "|2026-01-05\n%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|2026-02-01\n",
                              stage_id (b, "Lead"), stage_id (b, "Lead"), stage_id (b, "Offer"));
  g_assert_cmpstr (history, ==, expected);
  scores = rows_text (b, "SELECT c.name, s.score FROM evaluation_scores s JOIN evaluation_criteria c ON c.id = s.criterion_id");
  g_assert_cmpstr (scores, ==, "Fit|4\n");
  assert_summary (b, "2|1|1|0|1|500.0|0|0.0|0\n");

  /* The same file again changes nothing. */
  g_assert_true (ks_json_import_account_data (b, doc, -1, "acme.json", report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->opportunities_created->len + report->opportunities_updated->len, ==, 0);

  /* A file whose opportunity moved back to "Lead", with a score changed and
   * the history one step shorter: the stage follows the text, the
   * history is the file's, the score is set. */
  {
    g_autoptr(GString) moved = g_string_new (doc);
    g_autofree char *stage_text = NULL;

    g_assert_cmpuint (g_string_replace (moved, "\"stage\": \"Talking\"", "\"stage\": \"Lead\"", 1), ==, 1);
    g_assert_cmpuint (g_string_replace (moved, "\"Fit\": 4", "\"Fit\": 1", 1), ==, 1);
    g_assert_cmpuint (g_string_replace (moved, "        {\n          \"from\": \"Lead\",\n          \"to\": \"Offer\",\n"
                                               "          \"date\": \"2026-02-01\"\n        }\n", "", 1), ==, 1);
    g_assert_cmpuint (g_string_replace (moved, "\"date\": \"2026-01-05\"\n        },", "\"date\": \"2026-01-05\"\n        }", 1), ==, 1);
    /* "Lead" is not in b's map yet: it joins it unmapped; map it, then import. */
    g_assert_true (ks_stage_mapping_set (b, "Lead", stage_id (b, "Lead"), &error));
    g_assert_no_error (error);
    g_assert_true (ks_json_import_account_data (b, moved->str, -1, "acme.json", report, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report->opportunities_updated->len, ==, 1);
    g_clear_object (&o1);
    o1 = opportunity (b, "O-1");
    g_assert_cmpint (ks_opportunity_get_stage_id (o1), ==, stage_id (b, "Lead"));
    stage_text = rows_text (b, "SELECT count (*) FROM stage_history");
    g_assert_cmpstr (stage_text, ==, "1\n");
    g_free (scores);
    scores = rows_text (b, "SELECT s.score FROM evaluation_scores s");
    g_assert_cmpstr (scores, ==, "1\n");
    changed = g_strdup_printf ("%" G_GINT64_FORMAT "|1|1|0|1|500.0|0|0.0|0\n", stage_id (b, "Lead"));
    assert_summary (b, changed);
  }

  /* A history stage the workspace lacks is refused, and nothing is written. */
  {
    g_autoptr(GString) bad = g_string_new (doc);
    g_autofree char *before = export (b);
    g_autofree char *after = NULL;

    g_assert_cmpuint (g_string_replace (bad, "\"to\": \"Offer\"", "\"to\": \"Closing\"", 1), ==, 1);
    g_assert_false (ks_json_import_account_data (b, bad->str, -1, "acme.json", report, &error));
    g_assert_error (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_VALUE);
    g_assert_true (g_str_has_prefix (error->message, "acme.json:"));
    g_assert_nonnull (strstr (error->message, "“Closing”, which is not a stage"));
    after = export (b);
    g_assert_cmpstr (before, ==, after);
  }
}

/* The demo's pipeline (build-aux/demo-funnel.py): every stage of the book,
 * the won revenue of before, a summary equal to a rebuild. Expected numbers
 * from python over data/demo/demo-workspace.json. */
static void
test_demo (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(KsFunnelReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *rebuilt = NULL;
  static const struct { const char *name; guint count; double value; } expected[] = {
    { "Lead qualified", 18, 626265 },
    { "Proposal without price", 15, 1307409 },
    { "Proposal with price", 17, 1692926 },
    { "Solution accepted by customer", 12, 2505978 },
    { "Purchasing decision made", 8, 504296 },
    { "Order received", 30, 3570353 },
    { "Cancelled or lost", 20, 1034668 },
  };

  g_assert_true (ks_json_load_demo (ws, &error));
  g_assert_no_error (error);
  report = ks_funnel_report_load (ws, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->stages->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      KsFunnelStageRow *row = &g_array_index (report->stages, KsFunnelStageRow, i);

      g_assert_cmpstr (row->name, ==, expected[i].name);
      g_assert_cmpuint (row->count, ==, expected[i].count);
      g_assert_cmpfloat_with_epsilon (row->value, expected[i].value, 1e-6);
    }
  g_assert_cmpuint (report->unmapped_count, ==, 0);
  g_assert_cmpuint (report->won_count, ==, 30);
  g_assert_cmpfloat_with_epsilon (report->won_value, 3570353, 1e-6);
  g_assert_cmpint (ks_workspace_query_int (ws, "SELECT count (DISTINCT opportunity_id) FROM evaluation_scores",
                                           0, 0, "read", NULL), ==, 65);
  g_assert_cmpint (ks_workspace_query_int (ws, "SELECT count (*) FROM opportunities WHERE momentum = 'fading'",
                                           0, 0, "read", NULL), ==, 9);
  /* Each lost one was lost from an open stage, four from each. */
  for (gint64 position = 1; position <= 5; position++)
    g_assert_cmpint (ks_workspace_query_int (ws, "SELECT sum (s.n) FROM funnel_summary s"
                                                 " JOIN funnel_stages f ON f.id = s.lost_from WHERE f.position = ?1",
                                             position, 0, "read", NULL), ==, 4);
  kept = rows_text (ws, SUMMARY_SQL);
  g_assert_true (ks_funnel_summary_rebuild (ws, &error));
  rebuilt = rows_text (ws, SUMMARY_SQL);
  g_assert_cmpstr (kept, ==, rebuilt);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/json/funnel/round-trip", test_round_trip);
  g_test_add_func ("/core/json/funnel/old-document", test_old_document);
  g_test_add_func ("/core/json/funnel/stages-without-map", test_stages_without_map);
  g_test_add_func ("/core/json/funnel/refused", test_refused);
  g_test_add_func ("/core/json/funnel/account-document", test_account_document);
  g_test_add_func ("/core/json/funnel/demo", test_demo);
  return g_test_run ();
}
