/* test-cli.c — keystone-cli end to end: the contract of shared/docs/CLI.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ks-account.h"
#include "ks-palette.h"
#include "ks-powermap-model.h"
#include "ks-test-util.h"

typedef struct
{
  int    status;
  char  *out;
  char  *err;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* Runs keystone-cli with a NULL-terminated argument list. */
static void
run_cli (Result     *r,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, ks_test_build_path ("src/cli/keystone-cli"));
  va_start (args, first);
  for (const char *a = first; a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (a));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  r->status = g_subprocess_get_exit_status (proc);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static gint64
member_int (JsonObject *o,
            const char *name)
{
  g_assert_true (json_object_has_member (o, name));
  return json_object_get_int_member (o, name);
}

static char *
workspace_in_tmp (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  return g_build_filename (dir, "cli.keystone", NULL);
}

static void
test_usage (void)
{
  g_auto(Result) r = { 0 };

  run_cli (&r, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run_cli (&r, "frobnicate", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "frobnicate"));
  result_clear (&r);
  run_cli (&r, "--no-such-option", "info", NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run_cli (&r, "import", "crm", NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run_cli (&r, "info", "--replace", NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run_cli (&r, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "import crm DIR"));
}

static void
test_init_and_info (void)
{
  g_autofree char *ws = workspace_in_tmp ();
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;

  run_cli (&r, "--workspace", ws, "info", "--json", NULL);
  g_assert_cmpint (r.status, ==, 1);        /* no such workspace */
  g_assert_nonnull (strstr (r.err, ws));
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "init", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "init", NULL);
  g_assert_cmpint (r.status, ==, 1);        /* refuses an existing file */
  g_assert_nonnull (strstr (r.err, "already exists"));
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "info", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse_json (r.out);
  o = json_node_get_object (root);
  g_assert_cmpint (member_int (o, "schema_version"), >=, 1);
  g_assert_cmpint (member_int (o, "accounts"), ==, 0);
  g_assert_cmpint (member_int (o, "contacts"), ==, 0);
  g_assert_cmpint (member_int (o, "people"), ==, 0);
  g_assert_cmpint (member_int (o, "opportunities"), ==, 0);

  /* KEYSTONE_WORKSPACE does what --workspace does. */
  {
    g_autoptr(GSubprocessLauncher) l = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
    g_autoptr(GSubprocess) p = NULL;
    g_autofree char *cli = ks_test_build_path ("src/cli/keystone-cli");
    g_autofree char *out = NULL;
    g_autoptr(GError) error = NULL;

    g_subprocess_launcher_setenv (l, "KEYSTONE_WORKSPACE", ws, TRUE);
    p = g_subprocess_launcher_spawn (l, &error, cli, "info", "--json", NULL);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (p, NULL, NULL, &out, NULL, &error);
    g_assert_cmpint (g_subprocess_get_exit_status (p), ==, 0);
    g_assert_nonnull (strstr (out, "\"schema_version\""));
  }
}

static void
test_refuses_text_file (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *ws = ks_test_write_file (dir, "notes.keystone", "just some notes\n", -1);
  g_autoptr(GBytes) before = ks_test_read_bytes (ws);
  g_autoptr(GBytes) after = NULL;
  g_auto(Result) r = { 0 };

  run_cli (&r, "--workspace", ws, "accounts", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "not a Keystone workspace"));
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "import", "json", ws, NULL);
  g_assert_cmpint (r.status, ==, 1);
  after = ks_test_read_bytes (ws);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_import_crm_real (void)
{
  g_autofree char *crm = ks_test_crm_dir ();
  g_autofree char *ws = workspace_in_tmp ();
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) again = NULL;
  JsonObject *imported;
  JsonArray *warnings;
  gboolean saw_product_match = FALSE, saw_no_account = FALSE;

  if (!crm)
    {
      g_test_skip ("../shared/data/crm-sales-opportunities is not beside the project");
      return;
    }

  /* A dry run into a missing workspace reports and leaves no file behind. */
  run_cli (&r, "--workspace", ws, "import", "crm", crm, "--dry-run", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_false (g_file_test (ws, G_FILE_TEST_EXISTS));
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "import", "crm", crm, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse_json (r.out);
  imported = json_object_get_object_member (json_node_get_object (root), "imported");
  /* Counted in the CSV files: 85 account rows; 35 agents + 6 distinct managers;
   * 7 product rows; 8,800 pipeline rows. */
  g_assert_cmpint (member_int (imported, "accounts"), ==, 85);
  g_assert_cmpint (member_int (imported, "people"), ==, 41);
  g_assert_cmpint (member_int (imported, "products"), ==, 7);
  g_assert_cmpint (member_int (imported, "opportunities"), ==, 8800);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root),
                                                                         "errors")), ==, 0);
  warnings = json_object_get_array_member (json_node_get_object (root), "warnings");
  for (guint i = 0; i < json_array_get_length (warnings); i++)
    {
      JsonObject *w = json_array_get_object_element (warnings, i);
      const char *msg = json_object_get_string_member (w, "message");
      g_assert_true (json_object_has_member (w, "file"));
      g_assert_true (json_object_has_member (w, "line"));
      if (strstr (msg, "GTXPro") && strstr (msg, "GTX Pro"))
        saw_product_match = TRUE;
      if (strstr (msg, "1425"))
        saw_no_account = TRUE;
    }
  g_assert_true (saw_product_match);
  g_assert_true (saw_no_account);
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "info", "--json", NULL);
  again = parse_json (r.out);
  g_assert_cmpint (member_int (json_node_get_object (again), "opportunities"), ==, 8800);
  g_assert_cmpint (member_int (json_node_get_object (again), "accounts"), ==, 85);
  result_clear (&r);

  /* accounts --json: sorted by name, with the contract's keys. */
  run_cli (&r, "--workspace", ws, "accounts", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autoptr(JsonNode) acc = parse_json (r.out);
    JsonArray *list = json_object_get_array_member (json_node_get_object (acc), "accounts");
    g_assert_cmpuint (json_array_get_length (list), ==, 85);
    for (guint i = 0; i < json_array_get_length (list); i++)
      {
        JsonObject *a = json_array_get_object_element (list, i);
        const char *keys[] = { "name", "parent", "owner", "segment", "revenue" };
        for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
          g_assert_true (json_object_has_member (a, keys[k]));
        if (i > 0)
          g_assert_cmpint (g_ascii_strcasecmp (json_object_get_string_member (
                                                 json_array_get_object_element (list, i - 1), "name"),
                                               json_object_get_string_member (a, "name")), <=, 0);
        /* accounts.csv: Acme Corporation, revenue 1100.04 (millions of USD); Scottech, subsidiary_of Inity. */
        if (g_str_equal (json_object_get_string_member (a, "name"), "Acme Corporation"))
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (a, "revenue"), 1100040000.0, 0.5);
        if (g_str_equal (json_object_get_string_member (a, "name"), "Scottech"))
          g_assert_cmpstr (json_object_get_string_member (a, "parent"), ==, "Inity");
      }
  }
  result_clear (&r);

  /* people --json: managers are people too; agents name their manager. */
  run_cli (&r, "--workspace", ws, "people", "--json", NULL);
  {
    g_autoptr(JsonNode) ppl = parse_json (r.out);
    JsonArray *list = json_object_get_array_member (json_node_get_object (ppl), "people");
    guint with_manager = 0;
    g_assert_cmpuint (json_array_get_length (list), ==, 41);
    for (guint i = 0; i < json_array_get_length (list); i++)
      {
        JsonObject *p = json_array_get_object_element (list, i);
        const char *keys[] = { "name", "title", "manager", "team", "region" };
        for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
          g_assert_true (json_object_has_member (p, keys[k]));
        if (!json_node_is_null (json_object_get_member (p, "manager")))
          with_manager++;
        /* sales_teams.csv: Anna Snelling, manager Dustin Brinkmann, Central. */
        if (g_str_equal (json_object_get_string_member (p, "name"), "Anna Snelling"))
          {
            g_assert_cmpstr (json_object_get_string_member (p, "manager"), ==, "Dustin Brinkmann");
            g_assert_cmpstr (json_object_get_string_member (p, "region"), ==, "Central");
          }
      }
    g_assert_cmpuint (with_manager, ==, 35);
  }
  result_clear (&r);

  /* Importing again changes nothing: the JSON export is byte-identical. */
  {
    g_auto(Result) e1 = { 0 };
    g_auto(Result) e2 = { 0 };
    run_cli (&e1, "--workspace", ws, "export", "json", NULL);
    g_assert_cmpint (e1.status, ==, 0);
    run_cli (&r, "--workspace", ws, "import", "crm", crm, NULL);
    g_assert_cmpint (r.status, ==, 0);
    run_cli (&e2, "--workspace", ws, "export", "json", NULL);
    g_assert_cmpstr (e1.out, ==, e2.out);
  }
}

static void
test_import_crm_broken (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *ws = workspace_in_tmp ();
  g_autofree char *bad = g_build_filename (dir, "bad", NULL);
  g_auto(Result) r = { 0 };
  g_autofree char *f1 = NULL, *f2 = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_mkdir_with_parents (bad, 0755);
  f1 = ks_test_write_file (bad, "accounts.csv",
                           "account,sector\nGood Co,retail\nOther Co,finance\n", -1);
  /* Line 3 opens a quote that never closes. */
  f2 = ks_test_write_file (bad, "products.csv",
                           "product,series,sales_price\nWidget,W,10\n\"Broken,W,5\n", -1);

  run_cli (&r, "--workspace", ws, "init", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  before = ks_test_read_bytes (ws);

  run_cli (&r, "--workspace", ws, "import", "crm", bad, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "products.csv:3:"));
  g_assert_nonnull (strstr (r.err, "nothing was imported"));
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "import", "crm", bad, "--json", NULL);
  g_assert_cmpint (r.status, ==, 1);
  {
    g_autoptr(JsonNode) root = parse_json (r.out);
    JsonArray *errors = json_object_get_array_member (json_node_get_object (root), "errors");
    JsonObject *e;
    g_assert_cmpuint (json_array_get_length (errors), >=, 1);
    e = json_array_get_object_element (errors, 0);
    g_assert_cmpstr (json_object_get_string_member (e, "file"), ==, "products.csv");
    g_assert_cmpint (json_object_get_int_member (e, "line"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (e, "column"), >=, 1);
  }
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "info", "--json", NULL);
  g_assert_nonnull (strstr (r.out, "\"accounts\" : 0"));
  after = ks_test_read_bytes (ws);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_json_round_trip (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *a = g_build_filename (dir, "a.keystone", NULL);
  g_autofree char *b = g_build_filename (dir, "b.keystone", NULL);
  g_autofree char *doc = g_build_filename (dir, "a.json", NULL);
  g_auto(Result) r = { 0 };
  g_auto(Result) first = { 0 };
  g_auto(Result) second = { 0 };
  g_autofree char *file_text = NULL;

  run_cli (&r, "--workspace", a, "init", "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  run_cli (&first, "--workspace", a, "export", "json", NULL);
  g_assert_cmpint (first.status, ==, 0);
  run_cli (&r, "--workspace", a, "export", "json", "-o", doc, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_assert_true (g_file_get_contents (doc, &file_text, NULL, NULL));
  g_assert_cmpstr (file_text, ==, first.out);

  run_cli (&r, "--workspace", b, "import", "json", doc, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  run_cli (&second, "--workspace", b, "export", "json", NULL);
  g_assert_cmpstr (first.out, ==, second.out);

  /* A non-empty workspace needs --replace. */
  run_cli (&r, "--workspace", b, "import", "json", doc, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "--replace"));
  result_clear (&r);
  run_cli (&r, "--workspace", b, "import", "json", doc, "--replace", NULL);
  g_assert_cmpint (r.status, ==, 0);
}

/* export account → import account into a new workspace, twice; refusals. */
static void
test_account_transfer (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *a = g_build_filename (dir, "a.keystone", NULL);
  g_autofree char *b = g_build_filename (dir, "b.keystone", NULL);
  g_autofree char *doc = g_build_filename (dir, "group.json", NULL);
  g_autofree char *ws_doc = g_build_filename (dir, "ws.json", NULL);
  g_auto(Result) r = { 0 };
  g_auto(Result) first = { 0 };
  g_auto(Result) second = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;

  run_cli (&r, "--workspace", a, "init", "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  /* Names as elsewhere: ignoring case; unknown ones refused with candidates. */
  run_cli (&first, "--workspace", a, "export", "account", "brandvik pharma ab", NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_true (g_str_has_prefix (first.out, "{\n  \"format\": \"keystone-account\",\n"));
  run_cli (&r, "--workspace", a, "export", "account", "Brandvik", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Brandvik Pharma AB"));
  result_clear (&r);
  run_cli (&r, "--workspace", a, "export", "account", NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);

  run_cli (&r, "--workspace", a, "export", "account", "Brandvik Pharma AB", "-o", doc, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  run_cli (&r, "--workspace", b, "import", "account", doc, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse_json (r.out);
  o = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (o, "account"), ==, "Brandvik Pharma AB");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (o, "created"), "account"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (o, "matched"), "people")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "warnings")), ==, 0);
  result_clear (&r);
  g_clear_pointer (&root, json_node_unref);

  /* The same document from B; a second import changes nothing. */
  run_cli (&second, "--workspace", b, "export", "account", "Brandvik Pharma AB", NULL);
  g_assert_cmpstr (second.out, ==, first.out);
  run_cli (&r, "--workspace", b, "import", "account", doc, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse_json (r.out);
  o = json_node_get_object (root);
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (o, "created"), "account"));
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (o, "updated"), "plan"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (o, "created"), "people")), ==, 0);
  result_clear (&r);

  /* Each import refuses the other's document, pointing to the right command. */
  run_cli (&r, "--workspace", b, "import", "json", doc, "--replace", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "import account"));
  result_clear (&r);
  run_cli (&r, "--workspace", a, "export", "json", "-o", ws_doc, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  run_cli (&r, "--workspace", b, "import", "account", ws_doc, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "import json"));
}

static void
test_render_powermap (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *ws = g_build_filename (dir, "map.keystone", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *txt = g_build_filename (dir, "map.txt", NULL);
  g_auto(Result) r = { 0 };
  cairo_surface_t *surface;
  g_autoptr(GBytes) pdf_bytes = NULL;

  run_cli (&r, "--workspace", ws, "init", "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  /* The demo's automotive group has a map of 14 cards (11 people, 2 competitors, 1 association). */
  run_cli (&r, "--workspace", ws, "render", "powermap", "--account", "kessler automotive group",
           "--width", "1280", "--height", "720", "-o", png, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autoptr(JsonNode) root = parse_json (r.out);
    g_assert_cmpint (member_int (json_node_get_object (root), "contacts"), ==, 14);
  }
  result_clear (&r);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 720);
  cairo_surface_destroy (surface);

  run_cli (&r, "--workspace", ws, "render", "powermap", "--account", "Kessler Automotive Group",
           "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  pdf_bytes = ks_test_read_bytes (pdf);
  g_assert_cmpint (memcmp (g_bytes_get_data (pdf_bytes, NULL), "%PDF-", 5), ==, 0);

  /* An ambiguous name lists the candidates; nothing is drawn. */
  run_cli (&r, "--workspace", ws, "render", "powermap", "--account", "kessler", "-o", txt, NULL);
  g_assert_cmpint (r.status, ==, 2);   /* .txt is refused before anything is opened */
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "render", "powermap", "--account", "kessler", "-o", png, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Kessler Automotive Group"));
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "render", "powermap", "-o", png, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
}

/* report coverage on a map with no contacts reports that it covers nobody
 * (the first demo account has no map yet), in JSON and as text; a drawn
 * map does not get that finding. */
static void
test_report_coverage_empty (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *ws = g_build_filename (dir, "coverage.keystone", NULL);
  g_auto(Result) r = { 0 };

  run_cli (&r, "--workspace", ws, "init", "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "report", "coverage", "--account", "Alpenmolkerei Steiner AG", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autoptr(JsonNode) root = parse_json (r.out);
    JsonObject *o = json_node_get_object (root);
    JsonArray *findings = json_object_get_array_member (o, "findings");
    JsonObject *first;

    g_assert_cmpint (member_int (o, "contacts"), ==, 0);
    g_assert_cmpuint (json_array_get_length (findings), ==, 1);
    first = json_array_get_object_element (findings, 0);
    g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "no-contact");
    g_assert_cmpstr (json_object_get_string_member (first, "contact"), ==, "");
  }
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "report", "coverage", "--account", "Alpenmolkerei Steiner AG", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, "No gaps found"));
  g_assert_nonnull (strstr (r.out, "no-contact"));
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "report", "coverage", "--account", "Kessler Automotive Group", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, "no-contact"));
}

/* render abc on a workspace without won opportunities draws the message
 * "no won opportunities yet" and says so instead of "Drew the ABC analysis". */
static void
test_render_abc_empty (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *ws = g_build_filename (dir, "empty.keystone", NULL);
  g_autofree char *png = g_build_filename (dir, "abc.png", NULL);
  g_auto(Result) r = { 0 };

  run_cli (&r, "--workspace", ws, "init", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "render", "abc", "-o", png, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "No revenue to analyse"));
  g_assert_null (strstr (r.out, "Drew the ABC analysis"));
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

/* The first word @word's box in `pdftotext -bbox` of @pdf: its height in
 * points (0 when it is not there), and the page size. */
static double
pdf_word_height (const char *pdf,
                 const char *word,
                 double     *page_w,
                 double     *page_h)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autofree char *needle = g_strdup_printf (">%s</word>", word);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { pdftotext, "-bbox", pdf, "-", NULL };
  const char *at, *start, *page;
  double y_min, y_max;

  g_assert_nonnull (pdftotext);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL, &error));
  g_assert_no_error (error);
  page = strstr (out, "<page width=\"");
  g_assert_nonnull (page);
  g_assert_cmpint (sscanf (page, "<page width=\"%lf\" height=\"%lf\"", page_w, page_h), ==, 2);
  if (!(at = strstr (out, needle)))
    return 0;
  for (start = at; start > out && strncmp (start, "<word ", 6) != 0; start--)
    ;
  g_assert_cmpint (sscanf (strstr (start, "yMin=\""), "yMin=\"%lf\"", &y_min), ==, 1);
  g_assert_cmpint (sscanf (strstr (start, "yMax=\""), "yMax=\"%lf\"", &y_max), ==, 1);
  return y_max - y_min;
}

/* Without --width/--height a render keeps the cards at their size at 100 %
 * zoom: the demo's largest map (Hallberg Group, 66 contacts) becomes a
 * picture at least as large as the layout's bounds plus the margins, and
 * no larger than that plus the widest and tallest legend; a PDF goes on an
 * ISO A paper, turned the way the map is, with the names at 7 pt or more. */
static void
test_render_powermap_natural (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *ws = g_build_filename (dir, "natural.keystone", NULL);
  g_autofree char *png = g_build_filename (dir, "hallberg.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "hallberg.pdf", NULL);
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autoptr(KsWorkspace) workspace = NULL;
  g_autoptr(KsAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Result) r = { 0 };
  KsMapModel model;
  KsMapLayout *layout;
  KsMapRect bounds;
  cairo_surface_t *surface;
  double legend_w = 0, legend_h = 0, width, height, page_w, page_h, name_h;
  const double margin = 24;   /* the export's margin on every side */

  run_cli (&r, "--workspace", ws, "init", "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "render", "powermap", "--account", "Hallberg Group", "-o", png, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "render", "powermap", "--account", "Hallberg Group", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  workspace = ks_workspace_open (ws, KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  account = ks_account_find (workspace, "Hallberg Group", &error);
  g_assert_no_error (error);
  ks_map_model_init (&model);
  g_assert_true (ks_map_model_load (&model, workspace, ks_account_get_id (account), &error));
  g_assert_cmpuint (model.nodes->len, ==, 66);
  layout = ks_map_layout_new ((KsMapNode *) model.nodes->data, model.nodes->len,
                              (KsMapLine *) model.lines->data, model.lines->len, palette, NULL);
  ks_map_layout_get_bounds (layout, &bounds);
  for (guint columns = 1; columns <= 6; columns++)
    {
      double w, h;

      ks_map_layout_get_legend_size (layout, columns, &w, &h);
      legend_w = MAX (legend_w, w);
      legend_h = MAX (legend_h, h);
    }

  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  cairo_surface_destroy (surface);
  g_test_message ("bounds %.0f × %.0f, picture %.0f × %.0f", bounds.width, bounds.height, width, height);
  g_assert_cmpfloat (width, >=, bounds.width + 2 * margin);
  g_assert_cmpfloat (height, >=, bounds.height + 2 * margin);
  /* The legend's strip (and its 12-unit gap) beside or below, no more. */
  g_assert_cmpfloat (width, <=, bounds.width + 2 * margin + legend_w + 12 + 1);
  g_assert_cmpfloat (height, <=, bounds.height + 2 * margin + legend_h + 12 + 1);
  /* Well past the 1920 × 1080 it was squeezed into before. */
  g_assert_cmpfloat (width, >, 1920);

  /* The map is far wider than tall: landscape, an A size, names ≥ 7 pt. */
  name_h = pdf_word_height (pdf, "Fredrik", &page_w, &page_h);
  g_test_message ("paper %.0f × %.0f pt, a name %.1f pt high", page_w, page_h, name_h);
  g_assert_cmpfloat (page_w, >, page_h);
  g_assert_true ((page_w == 842 && page_h == 595) || (page_w == 1191 && page_h == 842) ||
                 (page_w == 1684 && page_h == 1191) || (page_w == 2384 && page_h == 1684) ||
                 (page_w == 3370 && page_h == 2384));
  g_assert_cmpfloat (name_h, >=, 7);

  ks_map_layout_free (layout);
  ks_map_model_clear (&model);
}

/* render portfolio / abc / ranking on the demo, whose scores move eight
 * accounts across the dividers at 50 (data/demo/scores: Q2 → Q3 yield
 * strength and reserve potential, read off by hand). */
static void
test_render_portfolio (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *ws = g_build_filename (dir, "portfolio.keystone", NULL);
  g_autofree char *png = g_build_filename (dir, "matrix.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "abc.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "ranking.pdf", NULL);
  g_autofree char *matrix_pdf = g_build_filename (dir, "matrix.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *moved[] = { "Brandvik Pharma AB", "Fjordmat Sjømat AS", "Hallberg Energi AB",
                          "Kessler Automotive Group", "Kuusamo Paperworks Oy", "Ostara Logistik GmbH",
                          "Tampere Robotics Oy", "Vistula Agri-Food S.A." };
  g_auto(Result) r = { 0 };
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;

  run_cli (&r, "--workspace", ws, "init", "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "render", "portfolio", "--width", "1600", "--height", "900",
           "-o", png, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autoptr(JsonNode) root = parse_json (r.out);
    JsonObject *o = json_node_get_object (root);
    JsonArray *changed = json_object_get_array_member (o, "changed_quadrant");

    g_assert_cmpstr (json_object_get_string_member (o, "period"), ==, "2026-Q3");
    g_assert_cmpstr (json_object_get_string_member (o, "compared_with"), ==, "2026-Q2");
    g_assert_cmpint (member_int (o, "accounts"), ==, 30);
    g_assert_cmpint (member_int (o, "placed"), ==, 30);
    g_assert_cmpuint (json_array_get_length (changed), ==, G_N_ELEMENTS (moved));
    for (guint i = 0; i < G_N_ELEMENTS (moved); i++)
      g_assert_cmpstr (json_array_get_string_element (changed, i), ==, moved[i]);
  }
  result_clear (&r);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 900);
  cairo_surface_destroy (surface);

  /* without trails nothing changed quadrant; one owner's portfolio is smaller */
  run_cli (&r, "--workspace", ws, "render", "portfolio", "--compare", "none", "-o", png, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"changed_quadrant\" : []"));
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "render", "portfolio", "--preset", "attractiveness-position",
           "--colour-by", "owner", "--owner", "Mikkel Jørgensen", "--segment", "key", "-o", matrix_pdf, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autoptr(JsonNode) root = parse_json (r.out);
    gint64 n = member_int (json_node_get_object (root), "accounts");

    g_assert_cmpint (n, >, 0);
    g_assert_cmpint (n, <, 30);
  }
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "render", "abc", "-o", svg, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  bytes = ks_test_read_bytes (svg);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "<svg"));

  run_cli (&r, "--workspace", ws, "render", "ranking", "--top", "10", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  if (pdftotext)
    {
      g_autofree char *out = NULL;
      const char *argv[] = { pdftotext, pdf, "-", NULL };
      g_autoptr(GError) error = NULL;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (out, "2026-Q2"));
      g_assert_nonnull (strstr (out, "2026-Q3"));
      g_assert_nonnull (strstr (out, "Kessler Automotive Group"));
    }

  /* refused: an unknown period (exit 1, the periods named), bad options (exit 2) */
  run_cli (&r, "--workspace", ws, "render", "portfolio", "--period", "1999-Q1", "-o", png, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "2026-Q2"));
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "render", "portfolio", "--preset", "bubbles", "-o", png, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "render", "portfolio", "--preset", "custom", "--x", "score", "-o", png, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "render", "portfolio", "--owner", "Nobody Here", "-o", png, NULL);
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "render", "powermap", "--top", "5", "--account", "Hallberg Group", "-o", png, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "report", "abc", "--preset", "custom", NULL);
  g_assert_cmpint (r.status, ==, 2);
}

/* ---- the key account review and ABC ---------------------------------------------- */

static JsonObject *
account_entry (JsonObject *root,
               const char *name)
{
  JsonArray *accounts = json_object_get_array_member (root, "accounts");

  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *o = json_array_get_object_element (accounts, i);
      if (g_strcmp0 (json_object_get_string_member (o, "account"), name) == 0)
        return o;
    }
  return NULL;
}

static void
test_scores (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *ws = g_build_filename (dir, "scores.keystone", NULL);
  g_autofree char *crm = g_build_filename (dir, "crm", NULL);
  g_autofree char *accounts = NULL;
  g_autofree char *good = NULL;
  g_autofree char *before = NULL;
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o, *acme;
  static const struct { const char *csv; const char *where; } bad[] = {
    { "account,criterion,score\nAcme,Yield strength,50\nNobody,Yield strength,50\n", ":3:1:" },
    { "account,criterion,score\nAcme,Charm,50\n", ":2:6:" },
    { "account,criterion,score\nAcme,Yield strength,101\n", ":2:21:" },
    { "account,criterion,score\nAcme,Yield strength,-1\n", ":2:21:" },
    { "account,criterion,score\nAcme,Yield strength,abc\n", ":2:21:" },
    { "account,criterion,score\nAcme,Yield strength,\n", ":2:21:" },
  };

  g_assert_cmpint (g_mkdir (crm, 0700), ==, 0);
  accounts = ks_test_write_file (crm, "accounts.csv", "account\nAcme\nGlobex Corporation\nIdle\n", -1);
  run_cli (&r, "--workspace", ws, "import", "crm", crm, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  /* The template deck's example (20, 70, 20, 0, 20, 40 → 35.0, moderate) and
   * Globex with one score: 30 × 85.5 / 100 = 25.65 → 25.7. */
  good = ks_test_write_file (dir, "scores.csv",
                             "account,criterion,score,explanation\n"
                             "Acme,Actual revenue,20,\n"
                             "Acme,Reserve potential,70,New plant\n"
                             "Acme,Yield strength,20,\n"
                             "Acme,Customer growth,0,\n"
                             "Acme,Learning partnership,20,\n"
                             "Acme,Relationship quality,40,\n"
                             "globex corporation,yield strength,85.5,\n", -1);
  run_cli (&r, "--workspace", ws, "import", "scores", good, "--period", "2026-Q3", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse_json (r.out);
  o = json_node_get_object (root);
  g_assert_cmpint (member_int (json_object_get_object_member (o, "imported"), "scores"), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (o, "period"), ==, "2026-Q3");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "errors")), ==, 0);
  g_clear_pointer (&root, json_node_unref);
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "report", "scores", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"score\": 35.0"));   /* one decimal, as written */
  g_assert_nonnull (strstr (r.out, "\"score\": 25.7"));
  before = g_strdup (r.out);
  root = parse_json (r.out);
  o = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (o, "period"), ==, "2026-Q3");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "criteria")), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (o, "criteria"), 1), "name"), ==, "Reserve potential");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (o, "criteria"), 1), "weight"), ==, 30);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "accounts")), ==, 2);
  acme = account_entry (o, "Acme");
  g_assert_nonnull (acme);
  g_assert_cmpfloat (json_object_get_double_member (acme, "score"), ==, 35.0);
  g_assert_cmpstr (json_object_get_string_member (acme, "band"), ==, "moderate");
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (acme, "scores"),
                                                    "Reserve potential"), ==, 70);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (acme, "explanations"),
                                                  "Reserve potential"), ==, "New plant");
  g_assert_cmpstr (json_object_get_string_member (account_entry (o, "Globex Corporation"), "band"), ==, "moderate");
  g_assert_cmpint (member_int (o, "unscored"), ==, 1);
  g_clear_pointer (&root, json_node_unref);
  result_clear (&r);

  /* The table for people. */
  run_cli (&r, "--workspace", ws, "report", "scores", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Acme"));
  g_assert_nonnull (strstr (r.out, "35.0"));
  result_clear (&r);

  /* Bad files: exit 1, FILE:LINE:COLUMN on stderr, nothing written. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad%u.csv", i);
      g_autofree char *path = ks_test_write_file (dir, name, bad[i].csv, -1);
      g_autofree char *where = g_strconcat (path, bad[i].where, NULL);

      run_cli (&r, "--workspace", ws, "import", "scores", path, "--period", "2026-Q3", NULL);
      g_test_message ("%s", r.err);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_nonnull (strstr (r.err, where));
      result_clear (&r);
      run_cli (&r, "--workspace", ws, "report", "scores", "--json", NULL);
      g_assert_cmpstr (r.out, ==, before);
      result_clear (&r);
    }
  /* With --json the errors are in the result too. */
  {
    g_autofree char *path = g_build_filename (dir, "bad2.csv", NULL);
    JsonObject *error;

    run_cli (&r, "--workspace", ws, "import", "scores", path, "--json", NULL);
    g_assert_cmpint (r.status, ==, 1);
    root = parse_json (r.out);
    o = json_node_get_object (root);
    g_assert_cmpint (member_int (json_object_get_object_member (o, "imported"), "scores"), ==, 0);
    error = json_array_get_object_element (json_object_get_array_member (o, "errors"), 0);
    g_assert_cmpint (member_int (error, "line"), ==, 2);
    g_assert_cmpint (member_int (error, "column"), ==, 21);
    g_clear_pointer (&root, json_node_unref);
    result_clear (&r);
  }

  /* History: another period; the current one is the last by name. */
  {
    g_autofree char *q2 = ks_test_write_file (dir, "q2.csv", "account,criterion,score\nIdle,Yield strength,100\n", -1);

    run_cli (&r, "--workspace", ws, "import", "scores", q2, "--period", "2026-Q2", NULL);
    g_assert_cmpint (r.status, ==, 0);
    result_clear (&r);
    run_cli (&r, "--workspace", ws, "report", "scores", "--period", "2026-Q2", "--json", NULL);
    g_assert_cmpint (r.status, ==, 0);
    root = parse_json (r.out);
    o = json_node_get_object (root);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "accounts")), ==, 1);
    g_assert_cmpfloat (json_object_get_double_member (account_entry (o, "Idle"), "score"), ==, 30.0);
    g_clear_pointer (&root, json_node_unref);
    result_clear (&r);
    run_cli (&r, "--workspace", ws, "report", "scores", "--json", NULL);
    g_assert_cmpstr (r.out, ==, before);
    result_clear (&r);
  }

  /* An unknown period is refused; options where they do not belong are usage errors. */
  run_cli (&r, "--workspace", ws, "report", "scores", "--period", "1999-Q1", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "2026-Q2"));
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "accounts", "--period", "2026-Q2", NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "report", "scores", "--year", "2017", NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "import", "scores", NULL);
  g_assert_cmpint (r.status, ==, 2);
}

/* Figures from the sqlite3 shell over the CSV files (see test-abc.c):
 * total won 10,005,534; A 39, B 32, C 14. */
static void
test_abc (void)
{
  g_autofree char *crm = ks_test_crm_dir ();
  g_autofree char *ws = workspace_in_tmp ();
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o, *counts, *first;
  JsonArray *thresholds;

  if (!crm)
    {
      g_test_skip ("../shared/data/crm-sales-opportunities is not beside the project");
      return;
    }
  run_cli (&r, "--workspace", ws, "import", "crm", crm, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "report", "abc", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse_json (r.out);
  o = json_node_get_object (root);
  thresholds = json_object_get_array_member (o, "thresholds");
  g_assert_cmpint (json_array_get_int_element (thresholds, 0), ==, 60);
  g_assert_cmpint (json_array_get_int_element (thresholds, 1), ==, 90);
  g_assert_cmpint (member_int (o, "total"), ==, 10005534);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "accounts")), ==, 85);
  counts = json_object_get_object_member (o, "counts");
  g_assert_cmpint (member_int (counts, "A"), ==, 39);
  g_assert_cmpint (member_int (counts, "B"), ==, 32);
  g_assert_cmpint (member_int (counts, "C"), ==, 14);
  first = json_array_get_object_element (json_object_get_array_member (o, "accounts"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "account"), ==, "Kan-code");
  g_assert_cmpint (member_int (first, "revenue"), ==, 341455);
  g_assert_cmpstr (json_object_get_string_member (first, "class"), ==, "A");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first, "share"), 3.4127, 0.0001);
  g_assert_cmpstr (json_object_get_string_member (account_entry (o, "Globex Corporation"), "class"), ==, "B");
  g_assert_cmpstr (json_object_get_string_member (account_entry (o, "Dalttechnology"), "class"), ==, "C");
  g_clear_pointer (&root, json_node_unref);
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "report", "abc", "--year", "2016", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse_json (r.out);
  o = json_node_get_object (root);
  g_assert_cmpint (member_int (o, "total"), ==, 0);
  g_assert_cmpint (member_int (o, "year"), ==, 2016);
  g_assert_cmpint (member_int (json_object_get_object_member (o, "counts"), "C"), ==, 85);
  g_clear_pointer (&root, json_node_unref);
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "report", "abc", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Kan-code"));
  g_assert_nonnull (strstr (r.out, "10005534"));
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "report", "abc", "--year", "soon", NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "report", "abc", "--period", "2026-Q3", NULL);
  g_assert_cmpint (r.status, ==, 2);
}

/* raci check on the demo's company chart (data/demo/raci/key-account-management.csv):
 * "Forecast update" has two R and no A (an error and a warning), "CRM update
 * after an order" two A (an error), Åsa Lindqvist no letter (a warning); 8
 * tasks; Katharina Vogt is A on four tasks (selection, plans, closing, new
 * customers' inquiries). And import raci refused with FILE:LINE:COLUMN. */
static void
test_raci (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *ws = g_build_filename (dir, "raci.keystone", NULL);
  g_autofree char *bad = NULL;
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o, *e;
  JsonArray *errors, *load;

  run_cli (&r, "--workspace", ws, "init", "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "raci", "check", "--scope", "key account management", "--json", NULL);
  g_assert_cmpint (r.status, ==, 1);
  root = parse_json (r.out);
  o = json_node_get_object (root);
  g_assert_cmpint (member_int (o, "tasks"), ==, 8);
  errors = json_object_get_array_member (o, "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 2);
  e = json_array_get_object_element (errors, 0);
  g_assert_cmpstr (json_object_get_string_member (e, "task"), ==, "Forecast update");
  g_assert_cmpstr (json_object_get_string_member (e, "kind"), ==, "no-accountable");
  g_assert_true (json_object_has_member (e, "message"));
  e = json_array_get_object_element (errors, 1);
  g_assert_cmpstr (json_object_get_string_member (e, "task"), ==, "CRM update after an order");
  g_assert_cmpstr (json_object_get_string_member (e, "kind"), ==, "several-accountable");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "warnings")), ==, 2);
  load = json_object_get_array_member (o, "load");
  g_assert_cmpuint (json_array_get_length (load), ==, 7);
  e = json_array_get_object_element (load, 0);
  g_assert_cmpstr (json_object_get_string_member (e, "person"), ==, "Katharina Vogt");
  g_assert_cmpint (member_int (e, "A"), ==, 4);
  g_assert_cmpint (member_int (e, "R"), ==, 0);
  g_assert_cmpint (member_int (e, "C"), ==, 0);
  g_assert_cmpint (member_int (e, "I"), ==, 0);
  result_clear (&r);

  /* The templates on the demo accounts pass. */
  run_cli (&r, "--workspace", ws, "raci", "check", "--scope", "Order to delivery — Ostara Logistik GmbH", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  /* "Jonas Müller" is 12 characters from column 13, so the X is at 26. */
  bad = ks_test_write_file (dir, "bad.csv", "phase,task,person,letter\nOffer,Price,Jonas Müller,X\n", -1);
  run_cli (&r, "--workspace", ws, "import", "raci", bad, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "bad.csv:2:26:"));
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "raci", "list", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, "\"bad\""));
  result_clear (&r);

  /* render raci: the company chart (8 tasks, 7 columns, 2 errors) as a PNG
   * and as landscape A4 pages that name its tasks and people; the Kessler
   * template with its roles resolved through Kessler's team; a missing
   * --scope is a usage error. */
  {
    g_autofree char *png = g_build_filename (dir, "raci.png", NULL);
    g_autofree char *pdf = g_build_filename (dir, "raci.pdf", NULL);
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
    cairo_surface_t *surface;

    run_cli (&r, "--workspace", ws, "render", "raci", "--scope", "Key account management", "-o", png, "--json", NULL);
    g_assert_cmpint (r.status, ==, 0);
    {
      g_autoptr(JsonNode) drawn = parse_json (r.out);
      JsonObject *info = json_node_get_object (drawn);

      g_assert_cmpint (member_int (info, "tasks"), ==, 8);
      g_assert_cmpint (member_int (info, "columns"), ==, 7);
      g_assert_cmpint (member_int (info, "errors"), ==, 2);
    }
    result_clear (&r);
    surface = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
    /* Seven columns beside the task names, eight tasks under a header. */
    g_assert_cmpint (cairo_image_surface_get_width (surface), >, 7 * 56);
    g_assert_cmpint (cairo_image_surface_get_height (surface), >, 8 * 20);
    cairo_surface_destroy (surface);

    run_cli (&r, "--workspace", ws, "render", "raci", "--scope", "Quotation handling — Kessler Automotive Group",
             "-o", pdf, NULL);
    g_assert_cmpint (r.status, ==, 0);
    result_clear (&r);
    if (pdftotext)
      {
        g_autofree char *out = NULL;
        const char *argv[] = { pdftotext, pdf, "-", NULL };
        g_autoptr(GError) error = NULL;

        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL, &error));
        g_assert_no_error (error);
        g_assert_nonnull (strstr (out, "Quotation handling"));
        g_assert_nonnull (strstr (out, "Task"));
      }
    run_cli (&r, "--workspace", ws, "render", "raci", "-o", png, NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
}

/* report funnel / forecast and render funnel / forecast on the CRM export;
 * the numbers are the sqlite3 shell's over the CSV files (see test-funnel). */
static void
test_funnel (void)
{
  g_autofree char *crm = ks_test_crm_dir ();
  g_autofree char *ws = workspace_in_tmp ();
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "funnel.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "forecast.pdf", NULL);
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;
  JsonArray *stages;

  if (!crm)
    {
      g_test_skip ("../shared/data/crm-sales-opportunities is not beside the project");
      return;
    }
  run_cli (&r, "--workspace", ws, "import", "crm", crm, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "report", "funnel", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse_json (r.out);
  o = json_node_get_object (root);
  stages = json_object_get_array_member (o, "stages");
  g_assert_cmpuint (json_array_get_length (stages), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (stages, 0), "name"), ==,
                   "Lead qualified");
  g_assert_cmpint (member_int (json_array_get_object_element (stages, 0), "count"), ==, 500);
  g_assert_cmpint (member_int (json_array_get_object_element (stages, 1), "count"), ==, 1589);
  g_assert_cmpint (member_int (json_array_get_object_element (stages, 5), "count"), ==, 4238);
  g_assert_cmpint (member_int (json_array_get_object_element (stages, 6), "count"), ==, 2473);
  g_assert_cmpint (member_int (json_object_get_object_member (o, "open"), "count"), ==, 2089);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (o, "open"), "value"),
                                  4966215, 0.005);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "hit_rate"), 100.0 * 4238 / 6711, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "shape"), "kind"), ==,
                   "optimal");
  g_clear_pointer (&root, json_node_unref);
  result_clear (&r);

  /* Filtered by a region through --by: the three regions' open counts add up. */
  run_cli (&r, "--workspace", ws, "report", "funnel", "--by", "region", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse_json (r.out);
  {
    JsonArray *cuts = json_object_get_array_member (json_node_get_object (root), "cuts");
    gint64 open = 0;

    g_assert_cmpuint (json_array_get_length (cuts), ==, 3);
    for (guint i = 0; i < json_array_get_length (cuts); i++)
      open += member_int (json_object_get_object_member (json_array_get_object_element (cuts, i), "open"), "count");
    g_assert_cmpint (open, ==, 2089);
  }
  g_clear_pointer (&root, json_node_unref);
  result_clear (&r);

  /* Bad input is a usage error that says what. */
  run_cli (&r, "--workspace", ws, "report", "funnel", "--by", "colour", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "colour"));
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "report", "forecast", "--from", "2017-13-01", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "2017-13-01"));
  result_clear (&r);

  /* The forecast by quarter: won ones closed 2017-03 … 2017-12 → four quarters. */
  run_cli (&r, "--workspace", ws, "report", "forecast", "--by", "quarter", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse_json (r.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "periods")),
                    ==, 4);
  /* The open ones have no expected close date: all 2089 undated. */
  g_assert_cmpint (member_int (json_object_get_object_member (json_node_get_object (root), "undated"), "count"),
                   ==, 2089);
  g_clear_pointer (&root, json_node_unref);
  result_clear (&r);

  run_cli (&r, "--workspace", ws, "render", "funnel", "--by", "value", "-o", png, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "render", "forecast", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  result_clear (&r);

  /* funnel map moves every opportunity of a name. */
  run_cli (&r, "--workspace", ws, "funnel", "map", "Engaging", "Proposal with price", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "report", "funnel", "--json", NULL);
  root = parse_json (r.out);
  stages = json_object_get_array_member (json_node_get_object (root), "stages");
  g_assert_cmpint (member_int (json_array_get_object_element (stages, 1), "count"), ==, 0);
  g_assert_cmpint (member_int (json_array_get_object_element (stages, 2), "count"), ==, 1589);
  result_clear (&r);
  run_cli (&r, "--workspace", ws, "funnel", "map", "Engaging", "Nowhere", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Nowhere"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/init-and-info", test_init_and_info);
  g_test_add_func ("/cli/refuses-text-file", test_refuses_text_file);
  g_test_add_func ("/cli/import-crm/real-export", test_import_crm_real);
  g_test_add_func ("/cli/import-crm/broken", test_import_crm_broken);
  g_test_add_func ("/cli/json/round-trip", test_json_round_trip);
  g_test_add_func ("/cli/account/transfer", test_account_transfer);
  g_test_add_func ("/cli/report/coverage-empty", test_report_coverage_empty);
  g_test_add_func ("/cli/render/abc-empty", test_render_abc_empty);
  g_test_add_func ("/cli/render/powermap", test_render_powermap);
  g_test_add_func ("/cli/render/powermap-natural-size", test_render_powermap_natural);
  g_test_add_func ("/cli/render/portfolio", test_render_portfolio);
  g_test_add_func ("/cli/scores", test_scores);
  g_test_add_func ("/cli/abc", test_abc);
  g_test_add_func ("/cli/raci", test_raci);
  g_test_add_func ("/cli/funnel", test_funnel);

  return g_test_run ();
}
