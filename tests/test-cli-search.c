/* test-cli-search.c — keystone-cli end to end: search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace is built with the core API, then keystone-cli searches the
 * file. Mark offsets are counted by hand in characters.
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ks-contact.h"
#include "ks-crm-import.h"
#include "ks-test-util.h"

/* A workspace file: two accounts, a contact with notes, a person. */
static char *
make_workspace (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  char *path = g_build_filename (dir, "search.keystone", NULL);
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (path, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(KsContact) c = NULL;
  gint64 nordhafen, contact;

  ks_test_add_account (ws, "Müller Maschinenbau GmbH");
  nordhafen = ks_test_add_account (ws, "Nordhafen Logistik");
  contact = ks_test_add_contact (ws, nordhafen, "Åsa Lindström", KS_NODE_CONTACT, KS_POWER_UNKNOWN);
  c = ks_contact_load (ws, contact, &error);
  g_assert_no_error (error);
  ks_contact_set_notes (c, "Hamburg plant complained about delivery");
  g_assert_true (ks_contact_save (c, ws, &error));
  g_assert_no_error (error);
  ks_test_add_person (ws, "Erik Delvaux", 0);
  return path;
}

static JsonArray *
results_of (JsonObject *root)
{
  g_assert_true (json_object_has_member (root, "results"));
  return json_object_get_array_member (root, "results");
}

/* The [start, end] pairs of @member as "s-e,s-e". */
static char *
marks_text (JsonObject *result,
            const char *member)
{
  JsonArray *marks = json_object_get_array_member (result, member);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (marks); i++)
    {
      JsonArray *m = json_array_get_array_element (marks, i);

      g_string_append_printf (s, "%s%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, i ? "," : "",
                              json_array_get_int_element (m, 0), json_array_get_int_element (m, 1));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
test_json (void)
{
  g_autofree char *path = make_workspace ();
  g_auto(KsCliResult) r = { 0 };
  g_autoptr(JsonObject) root = NULL;
  JsonArray *results;
  JsonObject *first;
  g_autofree char *title_marks = NULL;
  g_autofree char *snippet_marks = NULL;

  /* Accents folded: "muller" finds "Müller"; "Müller" is characters 0-6. */
  ks_test_run_cli (&r, path, "search", "--json", "muller", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = ks_test_parse_object (r.out);
  g_assert_cmpstr (json_object_get_string_member (root, "query"), ==, "muller");
  results = results_of (root);
  g_assert_cmpuint (json_array_get_length (results), ==, 1);
  first = json_array_get_object_element (results, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "account");
  g_assert_cmpstr (json_object_get_string_member (first, "account"), ==, "Müller Maschinenbau GmbH");
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Müller Maschinenbau GmbH");
  title_marks = marks_text (first, "title_marks");
  g_assert_cmpstr (title_marks, ==, "0-6");
  g_clear_pointer (&root, json_object_unref);
  g_clear_pointer (&title_marks, g_free);

  /* Two prefixes, both in the contact's notes: "Hamburg" 0-7, "plant" 8-13. */
  ks_test_run_cli (&r, path, "search", "--json", "ham", "pla", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = ks_test_parse_object (r.out);
  results = results_of (root);
  g_assert_cmpuint (json_array_get_length (results), ==, 1);
  first = json_array_get_object_element (results, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "contact");
  g_assert_cmpstr (json_object_get_string_member (first, "account"), ==, "Nordhafen Logistik");
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Åsa Lindström");
  g_assert_cmpstr (json_object_get_string_member (first, "snippet"), ==,
                   "Hamburg plant complained about delivery");
  g_assert_cmpstr (json_object_get_string_member (first, "field"), ==, "notes");
  snippet_marks = marks_text (first, "snippet_marks");
  g_assert_cmpstr (snippet_marks, ==, "0-7,8-13");
  g_clear_pointer (&root, json_object_unref);

  /* A person belongs to no account: null. */
  ks_test_run_cli (&r, path, "search", "--json", "delv", NULL);
  root = ks_test_parse_object (r.out);
  first = json_array_get_object_element (results_of (root), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "person");
  g_assert_true (json_object_get_null_member (first, "account"));
}

static void
test_table_and_limit (void)
{
  g_autofree char *path = make_workspace ();
  g_auto(KsCliResult) r = { 0 };
  g_autoptr(JsonObject) root = NULL;

  ks_test_run_cli (&r, path, "search", "muller", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "[Müller] Maschinenbau GmbH"));
  g_assert_nonnull (strstr (r.out, "account"));

  ks_test_run_cli (&r, path, "search", "zzz", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Nothing matches “zzz”"));

  /* "d" starts "delivery" (the contact's notes) and "Delvaux" (the
   * person), nothing else: two results, and --limit 1 keeps one. */
  ks_test_run_cli (&r, path, "search", "--json", "d", NULL);
  root = ks_test_parse_object (r.out);
  g_assert_cmpuint (json_array_get_length (results_of (root)), ==, 2);
  g_clear_pointer (&root, json_object_unref);
  ks_test_run_cli (&r, path, "search", "--json", "--limit", "1", "d", NULL);
  root = ks_test_parse_object (r.out);
  g_assert_cmpuint (json_array_get_length (results_of (root)), ==, 1);
}

static void
test_usage (void)
{
  g_autofree char *path = make_workspace ();
  g_auto(KsCliResult) r = { 0 };

  ks_test_run_cli (&r, path, "search", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "search what?"));
  ks_test_run_cli (&r, path, "search", "--limit", "0", "x", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--limit"));
  ks_test_run_cli (&r, path, "search", "--owner", "X", "x", NULL);
  g_assert_cmpint (r.status, ==, 2);
  ks_test_run_cli (&r, path, "accounts", "--limit", "3", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--limit only applies to “search”"));
}

/* A large import (2,000 rows or more) is indexed at the first search;
 * a read-only file cannot be, and the search says how much it misses. */
static void
test_after_import (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "imported.keystone", NULL);
  g_autoptr(GString) pipeline = g_string_new ("opportunity_id,sales_agent,product,account,deal_stage,"
                                              "engage_date,close_date,close_value\n");
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
  g_auto(KsCliResult) r = { 0 };

  for (guint i = 0; i < 2100; i++)
    g_string_append_printf (pipeline, "LOT%05u,Anna Snelling,GTX Pro,Hallberg Group,Engaging,"
                            "2026-01-05,,\n", i);
  a = ks_test_write_file (dir, "accounts.csv",
                          "account,sector,year_established,revenue,employees,office_location,subsidiary_of\n"
                          "Hallberg Group,retail,1990,12.5,300,Sweden,\n", -1);
  b = ks_test_write_file (dir, "sales_teams.csv",
                          "sales_agent,manager,regional_office\nAnna Snelling,Dustin Brinkmann,Central\n", -1);
  c = ks_test_write_file (dir, "products.csv", "product,series,sales_price\nGTX Pro,GTX,4821\n", -1);
  d = ks_test_write_file (dir, "sales_pipeline.csv", pipeline->str, -1);
  {
    g_autoptr(KsWorkspace) ws = ks_test_open_workspace (path, FALSE);
    g_autoptr(KsImportReport) report = ks_import_report_new ();
    g_autoptr(GError) error = NULL;

    g_assert_true (ks_crm_import (ws, dir, FALSE, report, &error));
    g_assert_no_error (error);
  }

  /* Read-only: the 2,100 opportunities are not found, and stderr says
   * so; the account (imported row by row) is. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  ks_test_run_cli (&r, path, "search", "lot02099", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Nothing matches “lot02099”"));
  g_assert_nonnull (strstr (r.err, "2100 imported opportunities are not searchable until the workspace "
                                   "is opened for writing"));
  ks_test_run_cli (&r, path, "search", "--json", "hallberg", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"kind\" : \"account\""));

  /* Writable: the first search indexes them, and finds the last. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  ks_test_run_cli (&r, path, "search", "--json", "lot02099", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_nonnull (strstr (r.out, "\"kind\" : \"opportunity\""));
  g_assert_nonnull (strstr (r.out, "\"account\" : \"Hallberg Group\""));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/search/json", test_json);
  g_test_add_func ("/cli/search/table-and-limit", test_table_and_limit);
  g_test_add_func ("/cli/search/usage", test_usage);
  g_test_add_func ("/cli/search/after-import", test_after_import);
  return g_test_run ();
}
