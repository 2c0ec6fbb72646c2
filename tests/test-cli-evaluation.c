/* test-cli-evaluation.c — keystone-cli end to end: report evaluation,
 * render evaluation, evaluation score
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace is built with the core API (the opportunities' funnel
 * stages set directly), then keystone-cli runs on the file. Expected
 * numbers are worked out by hand: axis value = (Σ w·s / Σ w − 1) / 4 × 100.
 */
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ks-evaluation.h"
#include "ks-test-util.h"

static gint64
criterion (KsWorkspace *ws,
           KsEvalAxis   axis,
           const char  *name)
{
  g_autoptr(GPtrArray) all = ks_eval_criteria_list (ws, NULL);
  KsEvalCriterion *c = ks_eval_criteria_find (all, axis, name);

  g_assert_nonnull (c);
  return c->id;
}

/* Ann owns OPP-1 (Acme, Proposal without price, 25 000), scored: attractiveness
 * core competence (20) 5, customer selection (15) 3 → 145/35 = 4.142857… →
 * 2750/35 = 78.5714…; chance decision-making process (20) 3, internal
 * references (10) 3 → 3 → 50, on the divider: Don't lose. Bob owns OPP-2
 * (Globex, Lead qualified, no value), unscored, and OPP-3 (won, left out). */
static char *
make_workspace (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  char *path = g_build_filename (dir, "eval.keystone", NULL);
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (path, FALSE);
  g_autoptr(GError) error = NULL;
  gint64 ann = ks_test_add_person (ws, "Ann Berg", 0);
  gint64 bob = ks_test_add_person (ws, "Bob Lund", 0);
  gint64 acme = ks_test_add_account (ws, "Acme");
  gint64 globex = ks_test_add_account (ws, "Globex");
  gint64 o1 = ks_test_add_opportunity (ws, "OPP-1", "Retrofit", acme, ann, 2, 25000);

  ks_test_add_opportunity (ws, "OPP-2", "Pumps", globex, bob, 1, NAN);
  ks_test_add_opportunity (ws, "OPP-3", "Won one", acme, bob, 6, 900);
  g_assert_true (ks_eval_score_set (ws, o1, criterion (ws, KS_EVAL_ATTRACTIVENESS, "Core competence"), 5, &error));
  g_assert_true (ks_eval_score_set (ws, o1, criterion (ws, KS_EVAL_ATTRACTIVENESS, "Fits our customer selection"),
                                    3, &error));
  g_assert_true (ks_eval_score_set (ws, o1, criterion (ws, KS_EVAL_CHANCE, "We know the decision-making process"),
                                    3, &error));
  g_assert_true (ks_eval_score_set (ws, o1, criterion (ws, KS_EVAL_CHANCE, "Internal references at the customer"),
                                    3, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_report (void)
{
  g_autofree char *path = make_workspace ();
  g_auto(KsCliResult) r = { 0 };
  g_autoptr(JsonObject) o = NULL;
  JsonObject *q, *d, *first, *second;
  JsonArray *opps;

  ks_test_run_cli (&r, path, "report", "evaluation", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  o = ks_test_parse_object (r.out);
  d = json_object_get_object_member (o, "dividers");
  g_assert_cmpfloat (json_object_get_double_member (d, "chance"), ==, 50);
  g_assert_cmpfloat (json_object_get_double_member (d, "attractiveness"), ==, 50);
  q = json_object_get_object_member (o, "quadrants");
  g_assert_cmpint (json_object_get_int_member (q, "invest"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (q, "dont-lose"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (q, "secure"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (q, "drop"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "unscored"), ==, 1);
  opps = json_object_get_array_member (o, "opportunities");
  g_assert_cmpuint (json_array_get_length (opps), ==, 2);   /* OPP-3 is won */
  first = json_array_get_object_element (opps, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "OPP-1");
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Retrofit");
  g_assert_cmpstr (json_object_get_string_member (first, "account"), ==, "Acme");
  g_assert_cmpstr (json_object_get_string_member (first, "stage"), ==, "Proposal without price");
  g_assert_cmpfloat (json_object_get_double_member (first, "value"), ==, 25000);
  g_assert_cmpfloat (json_object_get_double_member (first, "chance"), ==, 50);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first, "attractiveness"), 2750.0 / 35.0, 1e-12);
  g_assert_cmpstr (json_object_get_string_member (first, "quadrant"), ==, "dont-lose");
  second = json_array_get_object_element (opps, 1);
  g_assert_cmpstr (json_object_get_string_member (second, "id"), ==, "OPP-2");
  g_assert_true (json_object_get_null_member (second, "value"));
  g_assert_true (json_object_get_null_member (second, "chance"));
  g_assert_true (json_object_get_null_member (second, "attractiveness"));
  g_assert_true (json_object_get_null_member (second, "quadrant"));

  /* the table */
  ks_test_run_cli (&r, path, "report", "evaluation", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "OPP-1"));
  g_assert_nonnull (strstr (r.out, "Don’t lose"));
  g_assert_nonnull (strstr (r.out, "78.6"));
  g_assert_nonnull (strstr (r.out, "Not placed"));
  g_assert_nonnull (strstr (r.out, "Invest 0, don’t lose 1, secure 0, drop 0; not scored 1."));
}

static void
test_report_filter (void)
{
  g_autofree char *path = make_workspace ();
  g_auto(KsCliResult) r = { 0 };

  /* names as CLI.md says: exact, then ignoring case */
  ks_test_run_cli (&r, path, "report", "evaluation", "--owner", "ann berg", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autoptr(JsonObject) o = ks_test_parse_object (r.out);
    JsonArray *opps = json_object_get_array_member (o, "opportunities");

    g_assert_cmpuint (json_array_get_length (opps), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (opps, 0), "id"), ==, "OPP-1");
  }
  ks_test_run_cli (&r, path, "report", "evaluation", "--account", "Globex", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autoptr(JsonObject) o = ks_test_parse_object (r.out);
    JsonArray *opps = json_object_get_array_member (o, "opportunities");

    g_assert_cmpuint (json_array_get_length (opps), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (opps, 0), "id"), ==, "OPP-2");
    g_assert_cmpint (json_object_get_int_member (o, "unscored"), ==, 1);
  }
  /* Bob's Acme opportunity is won: nothing */
  ks_test_run_cli (&r, path, "report", "evaluation", "--owner", "Bob Lund", "--account", "Acme", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "No open opportunities match."));

  ks_test_run_cli (&r, path, "report", "evaluation", "--owner", "Nobody", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Nobody"));
  ks_test_run_cli (&r, path, "report", "evaluation", "--period", "2026-Q1", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--period does not apply here"));
  ks_test_run_cli (&r, path, "report", "evaluation", "extra", NULL);
  g_assert_cmpint (r.status, ==, 2);
}

static void
test_score (void)
{
  g_autofree char *path = make_workspace ();
  g_auto(KsCliResult) r = { 0 };
  g_autofree char *before = NULL;

  /* OPP-2: matching cultures 4 → chance (4 − 1) / 4 × 100 = 75, still no
   * attractiveness: not placed */
  ks_test_run_cli (&r, path, "evaluation", "score", "--opportunity", "OPP-2", "--criterion", "matching cultures",
           "--score", "4", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autoptr(JsonObject) o = ks_test_parse_object (r.out);

    g_assert_cmpstr (json_object_get_string_member (o, "criterion"), ==, "Matching cultures");
    g_assert_cmpstr (json_object_get_string_member (o, "axis"), ==, "chance");
    g_assert_cmpint (json_object_get_int_member (o, "score"), ==, 4);
    g_assert_cmpfloat (json_object_get_double_member (o, "chance"), ==, 75);
    g_assert_true (json_object_get_null_member (o, "attractiveness"));
    g_assert_true (json_object_get_null_member (o, "quadrant"));
  }
  /* learning value 1 → attractiveness 0: chance 75 ≥ 50, attractiveness
   * 0 < 50: Secure */
  ks_test_run_cli (&r, path, "evaluation", "score", "--opportunity", "OPP-2", "--criterion", "Learning value",
           "--score", "1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Chance to win 75.0, attractiveness 0.0: Secure"));
  ks_test_run_cli (&r, path, "report", "evaluation", "--json", NULL);
  {
    g_autoptr(JsonObject) o = ks_test_parse_object (r.out);
    JsonObject *q = json_object_get_object_member (o, "quadrants");

    g_assert_cmpint (json_object_get_int_member (q, "secure"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (o, "unscored"), ==, 0);
  }
  before = g_strdup (r.out);

  /* refused: nothing written, exit 1, what and why on stderr */
  ks_test_run_cli (&r, path, "evaluation", "score", "--opportunity", "OPP-2", "--criterion", "Learning value",
           "--score", "6", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "The score of opportunity OPP-2 for “Learning value” is 6"));
  ks_test_run_cli (&r, path, "evaluation", "score", "--opportunity", "NOPE", "--criterion", "Learning value",
           "--score", "3", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "There is no opportunity “NOPE”"));
  ks_test_run_cli (&r, path, "evaluation", "score", "--opportunity", "OPP-2", "--criterion", "Charisma",
           "--score", "3", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "There is no evaluation criterion “Charisma”; there are “Core competence”"));
  ks_test_run_cli (&r, path, "report", "evaluation", "--json", NULL);
  g_assert_cmpstr (r.out, ==, before);

  /* usage: exit 2 */
  ks_test_run_cli (&r, path, "evaluation", "score", "--opportunity", "OPP-2", "--criterion", "Learning value",
           "--score", "high", NULL);
  g_assert_cmpint (r.status, ==, 2);
  ks_test_run_cli (&r, path, "evaluation", "score", "--opportunity", "OPP-2", "--criterion", "Learning value", NULL);
  g_assert_cmpint (r.status, ==, 2);
  ks_test_run_cli (&r, path, "evaluation", "rate", NULL);
  g_assert_cmpint (r.status, ==, 2);
  ks_test_run_cli (&r, path, "info", "--score", "3", NULL);
  g_assert_cmpint (r.status, ==, 2);

  /* 0 clears: OPP-2's attractiveness is unknown again */
  ks_test_run_cli (&r, path, "evaluation", "score", "--opportunity", "OPP-2", "--criterion", "Learning value",
           "--score", "0", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autoptr(JsonObject) o = ks_test_parse_object (r.out);
    g_assert_true (json_object_get_null_member (o, "score"));
    g_assert_true (json_object_get_null_member (o, "quadrant"));
  }
}

static void
test_render (void)
{
  g_autofree char *path = make_workspace ();
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "m.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "m.svg", NULL);
  g_autofree char *txt = g_build_filename (dir, "m.txt", NULL);
  g_auto(KsCliResult) r = { 0 };

  ks_test_run_cli (&r, path, "render", "evaluation", "--width", "800", "--height", "600", "-o", png, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autoptr(JsonObject) o = ks_test_parse_object (r.out);
    g_autoptr(GBytes) bytes = ks_test_read_bytes (png);
    const guint8 *data = g_bytes_get_data (bytes, NULL);

    g_assert_cmpint (json_object_get_int_member (o, "opportunities"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (o, "placed"), ==, 1);
    g_assert_true (memcmp (data, "\x89PNG", 4) == 0);
    g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 16)), ==, 800);
    g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 20)), ==, 600);
  }
  ks_test_run_cli (&r, path, "render", "evaluation", "--owner", "Ann Berg", "-o", svg, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "1 open opportunities (1 scored)"));
  g_assert_true (g_file_test (svg, G_FILE_TEST_EXISTS));

  ks_test_run_cli (&r, path, "render", "evaluation", "-o", txt, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  ks_test_run_cli (&r, path, "render", "evaluation", NULL);
  g_assert_cmpint (r.status, ==, 2);
  ks_test_run_cli (&r, path, "report", "evaluation", "-o", svg, NULL);
  g_assert_cmpint (r.status, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/evaluation/report", test_report);
  g_test_add_func ("/cli/evaluation/report-filter", test_report_filter);
  g_test_add_func ("/cli/evaluation/score", test_score);
  g_test_add_func ("/cli/evaluation/render", test_render);

  return g_test_run ();
}
