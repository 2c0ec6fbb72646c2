/* test-account-transfer.c — the plan in workspace JSON, and one account's handover file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ks-account.h"
#include "ks-json.h"
#include "ks-plan.h"
#include "ks-scoring.h"
#include "ks-test-util.h"
#include "ks-workspace.h"

#define ARABIC "مرحبا بالعالم"
#define FINNISH "Hyvää päivää, työmaa"
#define EMOJI "🚀👍🏽"

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
  return text;
}

static char *
export_account (KsWorkspace *ws,
                const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = ks_account_find (ws, name, &error);
  char *text;

  g_assert_no_error (error);
  text = ks_json_export_account (ws, ks_account_get_id (account), &error);
  g_assert_no_error (error);
  return text;
}

/* 10,000 characters (not bytes): Finnish, Arabic and emoji, over several lines. */
static char *
long_text (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  glong n = 0;

  while (n < 10000)
    {
      const char *piece = (n / 50) % 3 == 0 ? FINNISH " " : (n / 50) % 3 == 1 ? ARABIC "\n" : EMOJI " \"q\" ";
      g_string_append (s, piece);
      n += g_utf8_strlen (piece, -1);
    }
  /* Trim to exactly 10,000 characters. */
  g_string_truncate (s, g_utf8_offset_to_pointer (s->str, 10000) - s->str);
  g_assert_cmpint (g_utf8_strlen (s->str, -1), ==, 10000);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The JSON value the fixture gives a field (item = 0 for the plan's own fields). */
static void
append_value (GString           *out,
              const KsPlanField *f,
              guint              item,
              const char        *longtext)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;

  switch (f->kind)
    {
    case KS_PLAN_KIND_TEXT:
      text = g_strdup_printf ("%s %u " FINNISH, f->key, item);
      json_node_set_string (node, text);
      break;
    case KS_PLAN_KIND_LONG_TEXT:
      if (g_str_equal (f->key, "business"))
        json_node_set_string (node, longtext);
      else
        {
          text = g_strdup_printf ("%s %u\n" ARABIC " " EMOJI, f->key, item);
          json_node_set_string (node, text);
        }
      break;
    case KS_PLAN_KIND_NUMBER:
      json_node_set_double (node, 1234.5 + item);
      break;
    case KS_PLAN_KIND_PERCENT:
      json_node_set_double (node, 42.5);
      break;
    case KS_PLAN_KIND_DATE:
      text = g_strdup_printf ("2025-02-%02u", 20 + item);
      json_node_set_string (node, text);
      break;
    case KS_PLAN_KIND_BOOL:
      json_node_set_boolean (node, TRUE);
      break;
    case KS_PLAN_KIND_CHOICE:
      json_node_set_string (node, f->choices[1]);
      break;
    case KS_PLAN_KIND_PERSON:
      json_node_set_string (node, "Chen Wei");
      break;
    case KS_PLAN_KIND_CONTACT:
      json_node_set_string (node, "Cleo");
      break;
    case KS_PLAN_KIND_PRODUCT:
      json_node_set_string (node, item == 2 ? "Valve" : "Probe");
      break;
    default:
      g_assert_not_reached ();
    }
  json = json_to_string (node, FALSE);
  g_string_append_printf (out, "\"%s\": %s", f->key, json);
}

/* A plan with every scalar field and every list filled (objectives: the
 * maximum of 3, the other lists 2 items). */
static char *
full_plan (void)
{
  g_autofree char *longtext = long_text ();
  g_autoptr(GString) out = g_string_new ("{");
  const KsPlanField *fields;
  guint n_fields;

  fields = ks_plan_fields (&n_fields);
  g_assert_cmpuint (n_fields, ==, 39);
  for (guint i = 0; i < n_fields; i++)
    {
      g_string_append (out, i ? ",\n  " : "\n  ");
      append_value (out, &fields[i], 0, longtext);
    }
  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    {
      const KsPlanListInfo *info = ks_plan_list_info (l);
      guint n_items = l == KS_PLAN_OBJECTIVES ? 3 : 2;

      g_string_append_printf (out, ",\n  \"%s\": [", info->key);
      for (guint i = 1; i <= n_items; i++)
        {
          g_string_append (out, i > 1 ? ", {" : "{");
          for (guint f = 0; f < info->n_fields; f++)
            {
              g_string_append (out, f ? ", " : "");
              append_value (out, &info->fields[f], i, longtext);
            }
          g_string_append (out, "}");
        }
      g_string_append (out, "]");
    }
  /* A key from a newer template is skipped. */
  g_string_append (out, ",\n  \"from_the_future\": {\"x\": 1}\n}");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Workspace A: two people and products the plan does not name, a holding. */
static char *
fixture (const char *plan)
{
  return g_strdup_printf (
    "{\n"
    "  \"format\": \"keystone-workspace\",\n"
    "  \"schema_version\": 3,\n"
    "  \"people\": [\n"
    "    {\"name\": \"Anna Berg\", \"title\": \"Sales Director\"},\n"
    "    {\"name\": \"Ben Ortiz\", \"title\": \"Key Account Manager\", \"manager\": \"Anna Berg\"},\n"
    "    {\"name\": \"Chen Wei\", \"title\": \"Coordinator\", \"manager\": \"Ben Ortiz\"},\n"
    "    {\"name\": \"Dana Kaur\", \"title\": \"Elsewhere\"}\n"
    "  ],\n"
    "  \"products\": [\n"
    "    {\"name\": \"Probe\", \"series\": \"S\", \"price\": 12.5},\n"
    "    {\"name\": \"Unused\", \"price\": 1},\n"
    "    {\"name\": \"Valve\", \"series\": \"V\", \"price\": 30}\n"
    "  ],\n"
    "  \"accounts\": [\n"
    "    {\"name\": \"Group\", \"parent\": \"Holding\", \"owner\": \"Anna Berg\", \"segment\": \"key\",\n"
    "     \"team\": [{\"person\": \"Ben Ortiz\", \"core\": true, \"role\": \"Key account manager\"}],\n"
    "     \"contacts\": [{\"name\": \"Cleo\", \"owner\": \"Ben Ortiz\"}, {\"name\": \"Dmitri\"}],\n"
    "     \"lines\": [{\"from\": \"Dmitri\", \"to\": \"Cleo\", \"kind\": \"reports-to\"}],\n"
    "     \"plan\": %s},\n"
    "    {\"name\": \"Holding\", \"owner\": \"Dana Kaur\"}\n"
    "  ],\n"
    "  \"opportunities\": [\n"
    "    {\"id\": \"1\", \"account\": \"Group\", \"product\": \"Probe\", \"owner\": \"Ben Ortiz\",\n"
    "     \"stage\": \"Won\", \"value\": 2500},\n"
    "    {\"id\": \"2\", \"account\": \"Holding\", \"product\": \"Unused\", \"owner\": \"Dana Kaur\"}\n"
    "  ]\n"
    "}\n", plan);
}

static KsWorkspace *
workspace_a (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = full_plan ();
  g_autofree char *doc = fixture (plan);
  KsWorkspace *ws = new_workspace ();

  ks_json_import_data (ws, doc, -1, "a.json", FALSE, &error);
  g_assert_no_error (error);
  return ws;
}

static JsonObject *
plan_of (JsonParser *parser,
         const char *text,
         const char *account)
{
  g_autoptr(GError) error = NULL;
  JsonArray *accounts;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  accounts = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "accounts");
  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *a = json_array_get_object_element (accounts, i);
      if (g_str_equal (json_object_get_string_member (a, "name"), account))
        return json_object_has_member (a, "plan") ? json_object_get_object_member (a, "plan") : NULL;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_plan_round_trip (void)
{
  g_autoptr(KsWorkspace) a = workspace_a ();
  g_autoptr(KsWorkspace) b = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *first = export (a);
  g_autofree char *second = NULL;
  g_autofree char *longtext = long_text ();
  JsonObject *plan;
  JsonArray *list;

  ks_json_import_data (b, first, -1, "first.json", FALSE, &error);
  g_assert_no_error (error);
  second = export (b);
  g_assert_cmpstr (first, ==, second);

  /* Each kind as the format says, checked against values written here. */
  plan = plan_of (parser, first, "Group");
  g_assert_nonnull (plan);
  g_assert_cmpstr (json_object_get_string_member (plan, "business"), ==, longtext);
  g_assert_cmpstr (json_object_get_string_member (plan, "locations"), ==, "locations 0 " FINNISH);
  g_assert_cmpstr (json_object_get_string_member (plan, "offering"), ==, "offering 0\n" ARABIC " " EMOJI);
  g_assert_cmpfloat (json_object_get_double_member (plan, "sites"), ==, 1234.5);
  g_assert_cmpfloat (json_object_get_double_member (plan, "share_of_wallet"), ==, 42.5);
  g_assert_cmpstr (json_object_get_string_member (plan, "perception_current"), ==, "one-time");
  g_assert_cmpstr (json_object_get_string_member (plan, "mentor"), ==, "Chen Wei");
  g_assert_true (json_object_get_boolean_member (plan, "plan_reviewed"));
  g_assert_false (json_object_has_member (plan, "from_the_future"));
  g_assert_cmpuint (json_object_get_size (plan), ==, 39 + 6);
  list = json_object_get_array_member (plan, "objectives");
  g_assert_cmpuint (json_array_get_length (list), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 2), "due"), ==, "2025-02-23");
  list = json_object_get_array_member (plan, "projects");
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "contact"), ==, "Cleo");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (list, 1), "volume"), ==, 1236.5);
  list = json_object_get_array_member (plan, "products");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 1), "product"), ==, "Valve");
  list = json_object_get_array_member (plan, "notes");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "author"), ==, "mentee");
  /* An account without a plan has no "plan" member. */
  g_assert_null (plan_of (parser, first, "Holding"));
}

static char *
names (GPtrArray *list)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (s, "%s%s", i ? "|" : "", (const char *) g_ptr_array_index (list, i));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

#define assert_names(list, expected) \
  G_STMT_START { g_autofree char *n_ = names (list); g_assert_cmpstr (n_, ==, expected); } G_STMT_END

/* Replaces every whole "from" string of text by "to". */
static char *
rename_all (const char *text,
            const char *from,
            const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);
  return g_strjoinv (to, parts);
}

static void
test_account_transfer (void)
{
  g_autoptr(KsWorkspace) a = workspace_a ();
  g_autoptr(KsWorkspace) b = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountImportReport) report = ks_account_import_report_new ();
  g_autofree char *doc = export_account (a, "group");
  g_autofree char *b_before = NULL, *b_after = NULL, *b_again = NULL, *doc_b = NULL;
  g_autofree char *renamed = NULL, *renamed2 = NULL, *renamed3 = NULL;
  g_autofree char *json = NULL;
  /* B knows Anna and the probe under other case, Ben exactly, not Chen or the valve. */
  static const char b_doc[] =
    "{\"format\": \"keystone-workspace\", \"schema_version\": 3,\n"
    " \"people\": [{\"name\": \"ANNA BERG\", \"title\": \"Sales Director\"},\n"
    "            {\"name\": \"Ben Ortiz\", \"title\": \"Key Account Manager\", \"manager\": \"ANNA BERG\"}],\n"
    " \"products\": [{\"name\": \"PROBE\", \"series\": \"S\", \"price\": 12.5}],\n"
    " \"accounts\": [{\"name\": \"holding\"}]}\n";

  /* The document: only what Group refers to (Dana, Unused and Holding's
   * opportunity stay home), the parent by name. */
  {
    g_autofree char *head = g_strdup_printf ("{\n  \"format\": \"keystone-account\",\n  \"schema_version\": %u,\n"
                                             "  \"people\": [\n", ks_workspace_latest_schema_version ());
    g_assert_true (g_str_has_prefix (doc, head));
  }
  g_assert_null (strstr (doc, "Dana Kaur"));
  g_assert_null (strstr (doc, "Unused"));
  g_assert_null (strstr (doc, "\"settings\""));
  g_assert_nonnull (strstr (doc, "\"parent\": \"Holding\""));
  g_assert_nonnull (strstr (doc, "\"name\": \"Chen Wei\""));
  g_assert_nonnull (strstr (doc, "\"name\": \"Valve\""));

  ks_json_import_data (b, b_doc, -1, "b.json", FALSE, &error);
  g_assert_no_error (error);
  b_before = export (b);

  g_assert_true (ks_json_import_account_data (b, doc, -1, "group.json", report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->account, ==, "Group");
  g_assert_true (report->account_created);
  g_assert_false (report->account_updated);
  assert_names (report->people_matched, "ANNA BERG|Ben Ortiz");
  assert_names (report->people_created, "Chen Wei");
  assert_names (report->products_matched, "PROBE");
  assert_names (report->products_created, "Valve");
  assert_names (report->contacts_created, "Cleo|Dmitri");
  assert_names (report->contacts_updated, "");
  assert_names (report->team_added, "Ben Ortiz");
  assert_names (report->opportunities_created, "1");
  g_assert_cmpuint (report->lines_added, ==, 1);
  g_assert_cmpuint (report->lines_removed, ==, 0);
  g_assert_true (report->plan_replaced);
  assert_names (report->warnings, "");

  json = ks_account_import_report_to_json (report);
  g_assert_nonnull (strstr (json, "\"created\": {\n    \"account\": true,\n    \"people\": [\n      \"Chen Wei\"\n    ],"));
  g_assert_nonnull (strstr (json, "\"matched\": {\n    \"account\": false,\n    \"people\": [\n      \"ANNA BERG\",\n      \"Ben Ortiz\"\n    ],"));

  /* B's document of Group is A's, but for B's spelling of the names it matched. */
  doc_b = export_account (b, "Group");
  renamed = rename_all (doc_b, "\"ANNA BERG\"", "\"Anna Berg\"");
  renamed2 = rename_all (renamed, "\"PROBE\"", "\"Probe\"");
  renamed3 = rename_all (renamed2, "\"holding\"", "\"Holding\"");
  g_assert_cmpstr (renamed3, ==, doc);

  /* The second time changes nothing and says so. */
  b_after = export (b);
  g_assert_cmpstr (b_after, !=, b_before);
  g_assert_true (ks_json_import_account_data (b, doc, -1, "group.json", report, &error));
  g_assert_no_error (error);
  g_assert_false (report->account_created);
  g_assert_false (report->account_updated);
  assert_names (report->people_matched, "ANNA BERG|Ben Ortiz|Chen Wei");
  assert_names (report->people_created, "");
  assert_names (report->products_created, "");
  assert_names (report->contacts_created, "");
  assert_names (report->contacts_updated, "");
  assert_names (report->team_added, "");
  assert_names (report->team_updated, "");
  assert_names (report->opportunities_created, "");
  assert_names (report->opportunities_updated, "");
  g_assert_cmpuint (report->lines_added + report->lines_updated + report->lines_removed, ==, 0);
  g_assert_false (report->plan_replaced);
  b_again = export (b);
  g_assert_cmpstr (b_again, ==, b_after);
}

/* Into a workspace that has none of it: all created, the parent dropped with a warning. */
static void
test_account_into_empty (void)
{
  g_autoptr(KsWorkspace) a = workspace_a ();
  g_autoptr(KsWorkspace) c = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountImportReport) report = ks_account_import_report_new ();
  g_autofree char *doc = export_account (a, "Group");
  g_autofree char *doc_c = NULL;

  g_assert_true (ks_json_import_account_data (c, doc, -1, "group.json", report, &error));
  g_assert_no_error (error);
  assert_names (report->people_created, "Anna Berg|Ben Ortiz|Chen Wei");
  assert_names (report->people_matched, "");
  assert_names (report->products_created, "Probe|Valve");
  assert_names (report->warnings,
                "the parent account “Holding” is not in this workspace; “Group” was imported without it");
  /* Everything else arrived, managers included. */
  doc_c = export_account (c, "Group");
  {
    g_autofree char *expected = rename_all (doc, "\"parent\": \"Holding\"", "\"parent\": null");
    g_assert_cmpstr (doc_c, ==, expected);
  }
}

/* An existing account: file values win, local contacts stay, the plan is the file's. */
static void
test_account_update (void)
{
  g_autoptr(KsWorkspace) a = workspace_a ();
  g_autoptr(KsWorkspace) d = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountImportReport) report = ks_account_import_report_new ();
  g_autofree char *doc = export_account (a, "Group");
  g_autofree char *after = NULL;
  static const char d_doc[] =
    "{\"format\": \"keystone-workspace\", \"schema_version\": 3,\n"
    " \"people\": [{\"name\": \"Zoe\"}],\n"
    " \"accounts\": [{\"name\": \"GROUP\", \"sector\": \"Old\",\n"
    "   \"team\": [{\"person\": \"Zoe\", \"core\": false}],\n"
    "   \"contacts\": [{\"name\": \"cleo\", \"title\": \"Old title\"}, {\"name\": \"Local\"}],\n"
    "   \"plan\": {\"business\": \"old\", \"actions\": [{\"action\": \"old\"}]}}]}\n";

  ks_json_import_data (d, d_doc, -1, "d.json", FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (ks_json_import_account_data (d, doc, -1, "group.json", report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->account, ==, "GROUP");
  g_assert_false (report->account_created);
  g_assert_true (report->account_updated);
  assert_names (report->contacts_updated, "Cleo");
  assert_names (report->contacts_created, "Dmitri");
  assert_names (report->team_added, "Ben Ortiz");
  g_assert_true (report->plan_replaced);

  after = export (d);
  /* Local contact and team member kept; the contact renamed to the file's spelling. */
  g_assert_nonnull (strstr (after, "\"name\": \"Local\""));
  g_assert_nonnull (strstr (after, "\"person\": \"Zoe\""));
  g_assert_null (strstr (after, "Old title"));
  g_assert_null (strstr (after, "\"business\": \"old\""));
  g_assert_null (strstr (after, "\"action\": \"old\""));
  g_assert_nonnull (strstr (after, "\"sector\": \"\""));
}

typedef struct
{
  const char *from, *to;     /* replaced in the full plan */
  const char *expected;      /* in the message, after the position */
} BadPlan;

static void
test_bad_plan (void)
{
  static const BadPlan cases[] = {
    { "\"due\": \"2025-02-21\"", "\"due\": \"2025-02-30\"", "plan, objectives #1: “due”:" },
    { "\"share_of_wallet\": 42.5", "\"share_of_wallet\": 150", "plan: “share_of_wallet”:" },
    { "\"contact\": \"Cleo\"", "\"contact\": \"Nobody\"", "“contact”: “Nobody” is not among the contacts of this account" },
    { "\"sites\": 1234.5", "\"sites\": \"three\"", "plan: “sites” must be a number" },
    { "\"mentor\": \"Chen Wei\"", "\"mentor\": \"Ghost\"", "“mentor”: the person “Ghost” is not among the people" },
    { "\"trainings_done\": true", "\"trainings_done\": 1", "plan: “trainings_done” must be true or false" },
    { "\"perception_target\": \"one-time\"", "\"perception_target\": \"best\"", "plan: “perception_target”:" },
  };
  g_autofree char *plan = full_plan ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KsWorkspace) ws = new_workspace ();
      g_autoptr(GError) error = NULL;
      g_autofree char *bad_plan = NULL;
      g_autofree char *doc = NULL;
      g_auto(GStrv) parts = g_strsplit (plan, cases[i].from, 2);
      g_autofree char *where = NULL;

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      bad_plan = g_strjoinv (cases[i].to, parts);
      doc = fixture (bad_plan);
      g_assert_false (ks_json_import_data (ws, doc, -1, "bad.json", FALSE, &error));
      g_assert_error (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_VALUE);
      g_test_message ("%s", error->message);
      /* bad.json:LINE:COLUMN: account “Group”: ... */
      g_assert_true (g_regex_match_simple ("^bad\\.json:[0-9]+:[0-9]+: account “Group”: ", error->message, 0, 0));
      g_assert_nonnull (strstr (error->message, cases[i].expected));
      g_assert_true (ks_workspace_is_empty (ws));
    }
}

/* The same checks in an account document, which leaves the workspace as it was. */
static void
test_bad_account_document (void)
{
  g_autoptr(KsWorkspace) a = workspace_a ();
  g_autoptr(KsWorkspace) b = workspace_a ();
  g_autoptr(GError) error = NULL;
  g_autofree char *doc = export_account (a, "Group");
  g_autofree char *before = export (b);
  g_autofree char *after = NULL;
  g_autofree char *workspace_doc = export (a);
  g_auto(GStrv) parts = g_strsplit (doc, "\"share_of_wallet\": 42.5", 2);
  g_autofree char *bad = g_strjoinv ("\"share_of_wallet\": 150", parts);

  g_assert_false (ks_json_import_account_data (b, bad, -1, "bad.json", NULL, &error));
  g_assert_error (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "“share_of_wallet”"));
  g_clear_error (&error);

  /* Each import refuses the other's document and says which command reads it. */
  g_assert_false (ks_json_import_account_data (b, workspace_doc, -1, "ws.json", NULL, &error));
  g_assert_nonnull (strstr (error->message, "import json"));
  g_clear_error (&error);
  g_assert_false (ks_json_import_data (b, doc, -1, "group.json", TRUE, &error));
  g_assert_nonnull (strstr (error->message, "import account"));
  g_clear_error (&error);

  after = export (b);
  g_assert_cmpstr (after, ==, before);
}

/* The handover file carries the account's review scores by period and
 * criterion name; the receiving workspace matches criteria ignoring case,
 * drops the ones it does not have (with a warning) and creates periods. */
static void
test_account_scores (void)
{
  g_autoptr(KsWorkspace) a = new_workspace ();
  g_autoptr(KsWorkspace) b = new_workspace ();
  g_autoptr(KsAccountImportReport) report = ks_account_import_report_new ();
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(KsScoreTable) table = NULL;
  g_autoptr(KsAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *doc = NULL;
  g_autofree char *json = NULL;
  KsCriterion set[6];
  KsAccountScore *row;

  g_assert_true (ks_json_load_demo (a, &error));
  doc = export_account (a, "Kessler Automotive Group");
  g_assert_nonnull (strstr (doc, "\"period\": \"2026-Q3\",\n          \"criterion\": \"Yield strength\",\n"
                                 "          \"score\": 62,"));

  /* b's criteria: "Customer growth" is "Innovation" there, "yield strength" in lower case. */
  criteria = ks_criteria_list (b, &error);
  for (guint i = 0; i < 6; i++)
    set[i] = *(KsCriterion *) g_ptr_array_index (criteria, i);
  set[2].name = (char *) "yield strength";
  set[3].name = (char *) "Innovation";
  g_assert_true (ks_criteria_set (b, set, 6, &error));
  g_assert_no_error (error);

  g_assert_true (ks_json_import_account_data (b, doc, -1, "kessler.json", report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->scores_updated, ==, 10);   /* 2 periods × 5 known criteria */
  g_assert_cmpuint (report->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (report->warnings, 0), "Customer growth"));
  json = ks_account_import_report_to_json (report);
  g_assert_nonnull (strstr (json, "\"scores\": 10"));

  periods = ks_period_list (b, &error);
  g_assert_cmpuint (periods->len, ==, 2);
  account = ks_account_find (b, "Kessler Automotive Group", &error);
  table = ks_score_table_load (b, ((KsPeriod *) g_ptr_array_index (periods, 1))->id, FALSE, &error);
  row = ks_score_table_find (table, ks_account_get_id (account));
  g_assert_nonnull (row);
  g_assert_cmpfloat (row->scores[2], ==, 62);
  g_assert_true (isnan (row->scores[3]));
  g_assert_cmpstr (row->explanations[2], ==, "Price increase of 4 % accepted in June; surcharge clause renewed");

  /* Again: nothing changes. */
  g_assert_true (ks_json_import_account_data (b, doc, -1, "kessler.json", report, &error));
  g_assert_cmpuint (report->scores_updated, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-json/round-trip", test_plan_round_trip);
  g_test_add_func ("/plan-json/refusals", test_bad_plan);
  g_test_add_func ("/account-transfer/matched-and-created", test_account_transfer);
  g_test_add_func ("/account-transfer/into-empty", test_account_into_empty);
  g_test_add_func ("/account-transfer/update", test_account_update);
  g_test_add_func ("/account-transfer/refusals", test_bad_account_document);
  g_test_add_func ("/account-transfer/scores", test_account_scores);
  return g_test_run ();
}
