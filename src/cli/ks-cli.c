/* ks-cli.c — keystone-cli, the headless face of Keystone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commands, options, JSON keys and exit statuses are a public contract
 * (shared/docs/CLI.md): add, never rename. Exit 0 done, 1 refused (nothing
 * written), 2 usage.
 */
#define G_LOG_DOMAIN "keystone-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ks-account.h"
#include "ks-cli-charts.h"
#include "ks-cli-copy.h"
#include "ks-cli-funnel.h"
#include "ks-cli-evaluation.h"
#include "ks-cli-meeting.h"
#include "ks-cli-search.h"
#include "ks-cli-portfolio.h"
#include "ks-cli-raci.h"
#include "ks-cli-util.h"
#include "ks-contact-import.h"
#include "ks-coverage.h"
#include "ks-crm-import.h"
#include "ks-json.h"
#include "ks-person.h"
#include "ks-export.h"
#include "ks-plan-print.h"
#include "ks-powermap-draw.h"
#include "ks-powermap-model.h"
#include "ks-workspace.h"

static const char *usage_text =
  N_("Commands:\n"
     "  init [--demo]                    create the workspace (refuses an existing file);\n"
     "                                   --demo fills it with the demo company\n"
     "  info [--json]                    schema version and what the workspace holds\n"
     "  copy SOURCE TARGET [--json]      copy a whole workspace into a new one, a file to a\n"
     "                                   team workspace (postgresql://HOST/DB) or back; one\n"
     "                                   transaction on the target. --json: {\"source\",\n"
     "                                   \"target\", \"rows\"}\n"
     "  grant-roles [--json]             a team workspace: create the PostgreSQL roles\n"
     "                                   keystone_viewer (reads) and keystone_editor (reads\n"
     "                                   and writes) when missing and give them the workspace\n"
     "  accounts [--json]                the accounts, sorted by name\n"
     "  people [--json]                  the people on our side, sorted by name\n"
     "  import crm DIR [--dry-run] [--json]\n"
     "                                   import accounts.csv, sales_teams.csv, products.csv\n"
     "                                   and sales_pipeline.csv from DIR (all or nothing)\n"
     "  import json FILE [--replace]     load a workspace JSON document\n"
     "  import account FILE [--json]     merge one account's handover document (made by\n"
     "                                   export account): people and products matched by\n"
     "                                   name or created; the account created, or updated\n"
     "                                   (contacts merged by name, team merged, plan\n"
     "                                   replaced); opportunities matched by id. --json:\n"
     "                                   {\"account\", \"created\": {\"account\", \"people\",\n"
     "                                   \"products\", \"contacts\", \"team\", \"opportunities\",\n"
     "                                   \"lines\", \"snapshots\"}, \"matched\": {\"account\",\n"
     "                                   \"people\", \"products\"}, \"updated\": {\"account\",\n"
     "                                   \"contacts\", \"team\", \"opportunities\", \"lines\",\n"
     "                                   \"plan\"}, \"removed\": {\"lines\"}, \"warnings\"}\n"
     "  import contacts FILE --account NAME [--json]\n"
     "                                   create or update the account's contacts (columns\n"
     "                                   name, title, department, reports_to, decision_power,\n"
     "                                   relationship, attitude, owner, buying_role, email,\n"
     "                                   phone; also kind, level, last_contact)\n"
     "  import influences FILE --account NAME [--json]\n"
     "                                   draw lines between the account's contacts (columns\n"
     "                                   from, to, kind, strength)\n"
     "  import scores FILE [--period P] [--json]\n"
     "                                   the key account review's scores (columns account,\n"
     "                                   criterion, score 0–100; also explanation) into review\n"
     "                                   period P (created when missing; default: the current\n"
     "                                   period, else this quarter, e.g. 2026-Q3)\n"
     "  import raci FILE [--scope NAME] [--json]\n"
     "                                   a RACI chart (columns phase, task, person, letter\n"
     "                                   R/A/C/I/S; also main = yes for the main R; person is\n"
     "                                   a person or a team role) into the chart NAME (default:\n"
     "                                   FILE's name without .csv), created as a process chart\n"
     "                                   or replaced as a whole\n"
     "  report scores [--period P] [--json]\n"
     "                                   weighted score (one decimal) and band of every scored\n"
     "                                   account in P (default: the current period), highest\n"
     "                                   first, with each criterion's score\n"
     "  report abc [--year Y] [--json]   ABC / Pareto of every account by revenue (won value,\n"
     "                                   all time or closed in year Y): A while the share\n"
     "                                   ranked before is below 60 %, B below 90 %, else C;\n"
     "                                   and the key accounts' share of revenue\n"
     "  report coverage --account NAME [--today YYYY-MM-DD] [--json]\n"
     "                                   the power map's gaps: poor or unknown relationships\n"
     "                                   and no owner at high power, single-threaded, opponents,\n"
     "                                   stale contacts, competitors at high-power contacts\n"
     "  report funnel [--owner NAME] [--account NAME] [--manager NAME] [--team T] [--region R]\n"
     "                [--product P] [--from DATE] [--to DATE] [--by CUT] [--json]\n"
     "                                   the funnel: per stage count, value and weighted value\n"
     "                                   (an open one without a value at its product's list\n"
     "                                   price), conversion to the next stage, open, won, lost,\n"
     "                                   hit rate and the funnel's shape with its reason; --by\n"
     "                                   owner|manager|team|region|sector|account|product adds\n"
     "                                   one row per value\n"
     "  report forecast [--by month|quarter] [filters as report funnel] [--json]\n"
     "                                   per period of the close date (expected while open):\n"
     "                                   weighted (won + open × probability), best case, won\n"
     "  funnel map NAME STAGE            map an imported stage name onto a stage (none: unmap)\n"
     "  render funnel [filters as report funnel] [--by count|value] [--width W] [--height H] -o FILE\n"
     "                                   the funnel as stacked stages sized by count or value,\n"
     "                                   with conversions and the shape diagnosis\n"
     "  render forecast [filters] [--by month|quarter] [--width W] [--height H] -o FILE\n"
     "                                   weighted, best case and won per period\n"
     "  raci check [--scope NAME] [--account NAME] [--json]\n"
     "                                   check a RACI chart: every task exactly one A and at\n"
     "                                   least one R (errors; exit status 1), several R without\n"
     "                                   a main one, one person R and A, empty columns, roles\n"
     "                                   nobody holds on the account (warnings), and each\n"
     "                                   column's load. --account resolves roles through that\n"
     "                                   account's team. Without --scope every chart (with\n"
     "                                   --account: its own charts and the company and process\n"
     "                                   ones); --json then gives {\"charts\": [...], \"n_errors\",\n"
     "                                   \"n_warnings\"}, each chart as one --scope result\n"
     "  raci list [--json]               the RACI charts: name, scope, account, tasks\n"
     "  raci template quotation|order-delivery|handover --account NAME [--json]\n"
     "                                   a RACI chart for the account from a template; its\n"
     "                                   columns are roles of the account's team\n"
     "  export json [-o FILE]            the whole workspace as JSON (stdout without -o)\n"
     "  export account NAME [-o FILE]    one account as a handover document: its team,\n"
     "                                   contacts, power map, plan and opportunities, and\n"
     "                                   the people and products they name\n"
     "  export raci --scope NAME [-o FILE]\n"
     "                                   a RACI chart as CSV (imports back unchanged)\n"
     "  render powermap --account NAME [--width W] [--height H] -o FILE\n"
     "                                   draw the account's power map with its legend;\n"
     "                                   the format follows FILE: .png, .svg or .pdf\n"
     "                                   (default 1920 × 1080 pixels or points)\n"
     "  render plan --account NAME [--today YYYY-MM-DD] -o FILE\n"
     "                                   print the account's plan on A4 pages: every page\n"
     "                                   into a .pdf, the first into a .png or .svg;\n"
     "                                   --today sets the printed date (and what is overdue)\n"
     "  render portfolio [--period P] [--compare P|none] [--preset NAME]\n"
     "                   [--x AXIS --y AXIS] [--colour-by abc|segment|owner]\n"
     "                   [--owner NAME] [--segment S] [--year Y] [--width W] [--height H] -o FILE\n"
     "                                   the portfolio matrix: presets profitability-potential\n"
     "                                   (default; the yield strength and reserve potential\n"
     "                                   scores, the four strategies) and attractiveness-position\n"
     "                                   (weighted score × relationship quality), or custom\n"
     "                                   axes (score, revenue, account-revenue, employees or a\n"
     "                                   criterion); bubble area = revenue; trails from the\n"
     "                                   compared period (default: the one before P)\n"
     "  render abc [--year Y] -o FILE    the ABC / Pareto curve with its classes\n"
     "  render ranking [--period P] [--compare P] [--top N] -o FILE\n"
     "                                   the top N (default 20) by weighted score in two periods\n"
     "                                   side by side, with rank changes, new entries, drop-outs\n"
     "  render raci --scope NAME [--account NAME] [--width W] [--height H] -o FILE\n"
     "                                   the chart's grid with its problems and load (roles as\n"
     "                                   the account's team holds them); without a size the\n"
     "                                   whole grid at 100 %, a PDF on landscape A4 pages\n"
     "  report evaluation [--owner NAME] [--account NAME] [--json]\n"
     "                                   the open opportunities on the evaluation matrix:\n"
     "                                   chance to win and attractiveness (0–100, from the\n"
     "                                   weighted 1–5 scores), strategy (invest, dont-lose,\n"
     "                                   secure, drop) and the count per strategy\n"
     "  render evaluation [--owner NAME] [--account NAME] [--width W] [--height H] -o FILE\n"
     "                                   draw the evaluation matrix: bubble area = value,\n"
     "                                   colour = stage\n"
     "  evaluation score --opportunity REF --criterion NAME --score N [--json]\n"
     "                                   score one criterion of an opportunity 1–5 (0 clears)\n"
     "  meeting create TITLE --date D [--attendee NAME]... [--account NAME]... [--a-accounts-of NAME]\n"
     "  meeting list | meeting decide --meeting ID --account NAME [--owner NAME] [--due PHRASE] TEXT\n"
     "  report meeting --meeting ID [--json]    a review meeting and the decisions taken in it\n"
     "  render meeting --meeting ID -o FILE.pdf   its minutes (--slide N: one slide, PNG/SVG/PDF)\n"
     "  search QUERY [--limit N] [--json]\n"
     "                                   accounts, contacts, people, plan texts and\n"
     "                                   opportunities matching every word (as a prefix,\n"
     "                                   accents ignored), best first (default 20);\n"
     "                                   --json: {\"results\": [{\"kind\", \"account\",\n"
     "                                   \"title\", \"snippet\", ...}]}\n"
     "\n"
     "The workspace is --workspace FILE, else $KEYSTONE_WORKSPACE, else the default\n"
     "workspace the app opens. Imports create a missing workspace (and remove it\n"
     "again when the import is refused).\n"
     "\n"
     "Exit status: 0 done; 1 the input or the workspace was refused (stderr says\n"
     "what, where and why; nothing was written); 2 usage error.");

int
usage_error (const char *format,
             ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("keystone-cli: %s\n", msg);
  g_printerr (_("Try “keystone-cli --help”.\n"));
  return EXIT_USAGE;
}

int
refused (const GError *error)
{
  g_printerr ("keystone-cli: %s\n", error->message);
  return EXIT_REFUSED;
}

char *
workspace_path (const Options *opts)
{
  const char *env = g_getenv ("KEYSTONE_WORKSPACE");

  if (opts->workspace)
    return g_strdup (opts->workspace);
  if (env && *env)
    return g_strdup (env);
  return ks_workspace_default_path ();
}

void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

void
print_json_text (KsJsonWriter *writer)
{
  GString *out = ks_json_writer_get_buffer (writer);

  g_string_append_c (out, '\n');
  fwrite (out->str, 1, out->len, stdout);
}

void
write_string_or_null (KsJsonWriter *writer,
                      const char   *key,
                      const char   *value)
{
  ks_json_writer_key (writer, key);
  if (value)
    ks_json_writer_string (writer, value);
  else
    ks_json_writer_null (writer);
}

int
print_export (const char *text)
{
  gsize len = strlen (text);

  if (fwrite (text, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      g_printerr (_("keystone-cli: could not write the export: %s\n"), g_strerror (errno));
      return EXIT_REFUSED;
    }
  return EXIT_DONE;
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *key,
                    const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value && *value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_number_or_null (JsonBuilder *builder,
                    const char  *key,
                    double       value)
{
  json_builder_set_member_name (builder, key);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else if (value == floor (value) && fabs (value) < 9e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

/* Pads by characters, not bytes, so accents and CJK line up. */
static void
print_cell (const char *text,
            guint       width,
            gboolean    last)
{
  glong len = g_utf8_strlen (text, -1);

  g_print ("%s", text);
  if (!last)
    for (glong i = len; i < (glong) width + 2; i++)
      g_print (" ");
}

void
print_table (const char * const  *headers,
             guint                n_columns,
             GPtrArray           *rows)   /* of char** (n_columns strings) */
{
  g_autofree guint *widths = g_new0 (guint, n_columns);

  for (guint c = 0; c < n_columns; c++)
    widths[c] = g_utf8_strlen (_(headers[c]), -1);
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], (guint) MIN (g_utf8_strlen (row[c], -1), 48));
    }
  for (guint c = 0; c < n_columns; c++)
    print_cell (_(headers[c]), widths[c], c + 1 == n_columns);
  g_print ("\n");
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *cell = NULL;
          if (g_utf8_strlen (row[c], -1) > 48)
            {
              g_autofree char *head = g_utf8_substring (row[c], 0, 47);
              cell = g_strconcat (head, "…", NULL);
            }
          else
            cell = g_strdup (row[c]);
          print_cell (cell, widths[c], c + 1 == n_columns);
        }
      g_print ("\n");
    }
}

static char *
format_money (double value)
{
  if (isnan (value))
    return g_strdup ("");
  return g_strdup_printf ("%.0f", value);
}

KsWorkspace *
open_existing (const Options  *opts,
               GError        **error)
{
  g_autofree char *path = workspace_path (opts);
  return ks_workspace_open (path, KS_WORKSPACE_OPEN_DEFAULT, error);
}

static int
cmd_init (const Options *opts)
{
  g_autofree char *path = workspace_path (opts);
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;

  if (g_strv_length (opts->args) != 1)
    return usage_error (_("“init” takes no arguments"));

  ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_NEW, &error);
  if (!ws)
    return refused (error);
  if (opts->demo && !ks_json_load_demo (ws, &error))
    {
      g_clear_object (&ws);
      ks_workspace_delete_files (path);
      return refused (error);
    }
  if (!opts->json)
    g_print (_("Created %s\n"), ks_workspace_get_name (ws));
  else
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "workspace");
      json_builder_add_string_value (b, ks_workspace_get_name (ws));
      json_builder_set_member_name (b, "schema_version");
      json_builder_add_int_value (b, ks_workspace_get_schema_version (ws));
      json_builder_end_object (b);
      print_json (b);
    }
  return EXIT_DONE;
}

static int
cmd_info (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  KsWorkspaceCounts c = { 0 };

  if (g_strv_length (opts->args) != 1)
    return usage_error (_("“info” takes no arguments"));
  if (!(ws = open_existing (opts, &error)) || !ks_workspace_get_counts (ws, &c, &error))
    return refused (error);

  if (opts->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "schema_version");
      json_builder_add_int_value (b, ks_workspace_get_schema_version (ws));
      json_builder_set_member_name (b, "accounts");
      json_builder_add_int_value (b, c.accounts);
      json_builder_set_member_name (b, "contacts");
      json_builder_add_int_value (b, c.contacts);
      json_builder_set_member_name (b, "people");
      json_builder_add_int_value (b, c.people);
      json_builder_set_member_name (b, "opportunities");
      json_builder_add_int_value (b, c.opportunities);
      json_builder_set_member_name (b, "products");
      json_builder_add_int_value (b, c.products);
      json_builder_set_member_name (b, "team_members");
      json_builder_add_int_value (b, c.team_members);
      json_builder_set_member_name (b, "path");
      json_builder_add_string_value (b, ks_workspace_get_name (ws));
      json_builder_set_member_name (b, "read_only");
      json_builder_add_boolean_value (b, ks_workspace_is_read_only (ws));
      json_builder_end_object (b);
      print_json (b);
    }
  else
    {
      g_print (_("Workspace:      %s%s\n"), ks_workspace_get_name (ws),
               ks_workspace_is_read_only (ws) ? _(" (read-only)") : "");
      g_print (_("Schema version: %u\n"), ks_workspace_get_schema_version (ws));
      g_print (_("Accounts:       %lld\n"), (long long) c.accounts);
      g_print (_("Contacts:       %lld\n"), (long long) c.contacts);
      g_print (_("People:         %lld\n"), (long long) c.people);
      g_print (_("Team members:   %lld\n"), (long long) c.team_members);
      g_print (_("Products:       %lld\n"), (long long) c.products);
      g_print (_("Opportunities:  %lld\n"), (long long) c.opportunities);
    }
  return EXIT_DONE;
}

static int
cmd_accounts (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(GListModel) list = NULL;
  guint n;

  if (g_strv_length (opts->args) != 1)
    return usage_error (_("“accounts” takes no arguments"));
  if (!(ws = open_existing (opts, &error)) || !(list = ks_account_list (ws, &error)))
    return refused (error);
  n = g_list_model_get_n_items (list);

  if (opts->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "accounts");
      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KsAccount) a = g_list_model_get_item (list, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, ks_account_get_name (a));
          add_string_or_null (b, "parent", ks_account_get_parent_name (a));
          add_string_or_null (b, "owner", ks_account_get_owner_name (a));
          add_string_or_null (b, "segment", ks_account_get_segment (a));
          add_number_or_null (b, "revenue", ks_account_get_revenue (a));
          add_string_or_null (b, "sector", ks_account_get_sector (a));
          add_string_or_null (b, "country", ks_account_get_country (a));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      print_json (b);
    }
  else
    {
      static const char *headers[] = { N_("Name"), N_("Parent"), N_("Owner"), N_("Segment"), N_("Revenue") };
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KsAccount) a = g_list_model_get_item (list, i);
          char **row = g_new0 (char *, 6);
          row[0] = g_strdup (ks_account_get_name (a));
          row[1] = g_strdup (ks_account_get_parent_name (a));
          row[2] = g_strdup (ks_account_get_owner_name (a));
          row[3] = g_strdup (ks_account_get_segment (a));
          row[4] = format_money (ks_account_get_revenue (a));
          g_ptr_array_add (rows, row);
        }
      print_table (headers, G_N_ELEMENTS (headers), rows);
    }
  return EXIT_DONE;
}

static int
cmd_people (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(GListModel) list = NULL;
  guint n;

  if (g_strv_length (opts->args) != 1)
    return usage_error (_("“people” takes no arguments"));
  if (!(ws = open_existing (opts, &error)) || !(list = ks_person_list (ws, &error)))
    return refused (error);
  n = g_list_model_get_n_items (list);

  if (opts->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "people");
      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KsPerson) p = g_list_model_get_item (list, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, ks_person_get_name (p));
          add_string_or_null (b, "title", ks_person_get_title (p));
          add_string_or_null (b, "manager", ks_person_get_manager_name (p));
          add_string_or_null (b, "team", ks_person_get_team (p));
          add_string_or_null (b, "region", ks_person_get_region (p));
          add_string_or_null (b, "area", ks_person_get_area (p));
          add_string_or_null (b, "email", ks_person_get_email (p));
          add_string_or_null (b, "phone", ks_person_get_phone (p));
          json_builder_set_member_name (b, "accounts");
          json_builder_add_int_value (b, ks_person_get_account_count (p));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      print_json (b);
    }
  else
    {
      static const char *headers[] = { N_("Name"), N_("Title"), N_("Manager"), N_("Team"), N_("Region") };
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KsPerson) p = g_list_model_get_item (list, i);
          char **row = g_new0 (char *, 6);
          row[0] = g_strdup (ks_person_get_name (p));
          row[1] = g_strdup (ks_person_get_title (p));
          row[2] = g_strdup (ks_person_get_manager_name (p));
          row[3] = g_strdup (ks_person_get_team (p));
          row[4] = g_strdup (ks_person_get_region (p));
          g_ptr_array_add (rows, row);
        }
      print_table (headers, G_N_ELEMENTS (headers), rows);
    }
  return EXIT_DONE;
}

/* Opens the workspace for an import, creating it when missing; *created says
 * whether to remove it again if the import is refused. */
static KsWorkspace *
open_for_import (const Options  *opts,
                 char          **path_out,
                 gboolean       *created,
                 GError        **error)
{
  g_autofree char *path = workspace_path (opts);
  KsWorkspace *ws;

  *created = !g_file_test (path, G_FILE_TEST_EXISTS);
  ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_CREATE, error);
  *path_out = g_steal_pointer (&path);
  return ws;
}

void
add_issues (JsonBuilder *b,
            const char  *name,
            GPtrArray   *issues,
            gboolean     with_column)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < issues->len; i++)
    {
      KsImportIssue *issue = g_ptr_array_index (issues, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, issue->file ? issue->file : "");
      json_builder_set_member_name (b, "line");
      json_builder_add_int_value (b, issue->line);
      if (with_column)
        {
          json_builder_set_member_name (b, "column");
          json_builder_add_int_value (b, issue->column);
        }
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, issue->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
print_issue (FILE          *out,
             const char    *dir,
             KsImportIssue *issue,
             const char    *kind)
{
  g_autofree char *file = issue->file && *issue->file ? g_build_filename (dir, issue->file, NULL)
                                                      : g_strdup (dir);
  if (issue->line && issue->column)
    fprintf (out, "%s:%u:%u: %s: %s\n", file, issue->line, issue->column, kind, issue->message);
  else if (issue->line)
    fprintf (out, "%s:%u: %s: %s\n", file, issue->line, kind, issue->message);
  else
    fprintf (out, "%s: %s: %s\n", file, kind, issue->message);
}

static int
cmd_import_crm (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  g_autofree char *path = NULL;
  const char *dir;
  gboolean created = FALSE, ok;

  if (g_strv_length (opts->args) != 3)
    return usage_error (_("usage: keystone-cli import crm DIR [--dry-run] [--json]"));
  dir = opts->args[2];
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_printerr (_("keystone-cli: “%s” is not a folder\n"), dir);
      return EXIT_REFUSED;
    }
  if (!(ws = open_for_import (opts, &path, &created, &error)))
    return refused (error);

  ok = ks_crm_import (ws, dir, opts->dry_run, report, &error);
  g_clear_object (&ws);
  if (created && (!ok || opts->dry_run))
    ks_workspace_delete_files (path);

  if (opts->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "imported");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "accounts");
      json_builder_add_int_value (b, ok ? report->accounts : 0);
      json_builder_set_member_name (b, "people");
      json_builder_add_int_value (b, ok ? report->people : 0);
      json_builder_set_member_name (b, "products");
      json_builder_add_int_value (b, ok ? report->products : 0);
      json_builder_set_member_name (b, "opportunities");
      json_builder_add_int_value (b, ok ? report->opportunities : 0);
      json_builder_end_object (b);
      add_import_issues (b, report, ok ? NULL : error);
      json_builder_set_member_name (b, "dry_run");
      json_builder_add_boolean_value (b, opts->dry_run);
      json_builder_end_object (b);
      print_json (b);
    }
  else
    {
      for (guint i = 0; i < report->warnings->len; i++)
        print_issue (stderr, dir, g_ptr_array_index (report->warnings, i), _("warning"));
      for (guint i = 0; i < report->errors->len; i++)
        print_issue (stderr, dir, g_ptr_array_index (report->errors, i), _("error"));
      if (ok)
        g_print (opts->dry_run
                   ? _("Would import %u accounts, %u people, %u products, %u opportunities (%u warnings)\n")
                   : _("Imported %u accounts, %u people, %u products, %u opportunities (%u warnings)\n"),
                 report->accounts, report->people, report->products, report->opportunities,
                 report->warnings->len);
      else
        {
          if (report->errors->len == 0 && error)
            g_printerr ("keystone-cli: %s\n", error->message);
          g_printerr (_("keystone-cli: nothing was imported\n"));
        }
    }
  return ok ? EXIT_DONE : EXIT_REFUSED;
}

static int
cmd_import_json (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autofree char *path = NULL;
  gboolean created = FALSE, ok;

  if (g_strv_length (opts->args) != 3)
    return usage_error (_("usage: keystone-cli import json FILE [--replace]"));
  if (!(ws = open_for_import (opts, &path, &created, &error)))
    return refused (error);
  ok = ks_json_import_file (ws, opts->args[2], opts->replace, &error);
  g_clear_object (&ws);
  if (!ok)
    {
      if (created)
        ks_workspace_delete_files (path);
      return refused (error);
    }
  if (opts->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "imported");
      json_builder_add_boolean_value (b, TRUE);
      json_builder_end_object (b);
      print_json (b);
    }
  return EXIT_DONE;
}

static int
cmd_export_json (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;

  if (g_strv_length (opts->args) != 2)
    return usage_error (_("usage: keystone-cli export json [-o FILE]"));
  if (!(ws = open_existing (opts, &error)))
    return refused (error);

  if (opts->output && g_strcmp0 (opts->output, "-") != 0)
    {
      if (!ks_json_export_to_file (ws, opts->output, &error))
        return refused (error);
    }
  else
    {
      g_autofree char *text = ks_json_export (ws, &error);
      if (!text)
        return refused (error);
      return print_export (text);
    }
  return EXIT_DONE;
}

/* export account NAME [-o FILE] */
static int
cmd_export_account (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsAccount) account = NULL;
  g_autofree char *text = NULL;

  if (g_strv_length (opts->args) != 3)
    return usage_error (_("usage: keystone-cli export account NAME [-o FILE]"));
  if (!(ws = open_existing (opts, &error)) ||
      !(account = ks_account_find (ws, opts->args[2], &error)) ||
      !(text = ks_json_export_account (ws, ks_account_get_id (account), &error)))
    return refused (error);

  if (opts->output && g_strcmp0 (opts->output, "-") != 0)
    {
      if (!g_file_set_contents (opts->output, text, -1, &error))
        {
          g_printerr (_("keystone-cli: could not write “%s”: %s\n"), opts->output, error->message);
          return EXIT_REFUSED;
        }
      return EXIT_DONE;
    }
  return print_export (text);
}

static void
print_names (const char *label,
             GPtrArray  *names)
{
  g_autoptr(GString) line = g_string_new (NULL);

  if (names->len == 0)
    return;
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (line, "%s%s", i ? ", " : "", (const char *) g_ptr_array_index (names, i));
  g_print ("  %s: %s\n", label, line->str);
}

/* import account FILE [--json] */
static int
cmd_import_account (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsAccountImportReport) report = ks_account_import_report_new ();
  g_autofree char *path = NULL;
  gboolean created = FALSE, ok;

  if (g_strv_length (opts->args) != 3)
    return usage_error (_("usage: keystone-cli import account FILE [--json]"));
  if (!(ws = open_for_import (opts, &path, &created, &error)))
    return refused (error);
  ok = ks_json_import_account_file (ws, opts->args[2], report, &error);
  g_clear_object (&ws);
  if (!ok)
    {
      if (created)
        ks_workspace_delete_files (path);
      return refused (error);
    }
  if (opts->json)
    {
      g_autofree char *text = ks_account_import_report_to_json (report);
      fputs (text, stdout);
      return EXIT_DONE;
    }

  g_print (report->account_created ? _("Account “%s” created.\n")
           : report->account_updated ? _("Account “%s” updated.\n")
           : _("Account “%s” matched.\n"), report->account);
  print_names (_("people created"), report->people_created);
  print_names (_("people matched"), report->people_matched);
  print_names (_("products created"), report->products_created);
  print_names (_("products matched"), report->products_matched);
  print_names (_("contacts created"), report->contacts_created);
  print_names (_("contacts updated"), report->contacts_updated);
  print_names (_("team members added"), report->team_added);
  print_names (_("team members updated"), report->team_updated);
  print_names (_("opportunities created"), report->opportunities_created);
  print_names (_("opportunities updated"), report->opportunities_updated);
  if (report->lines_added || report->lines_updated || report->lines_removed)
    g_print (_("  lines: %u added, %u updated, %u removed\n"),
             report->lines_added, report->lines_updated, report->lines_removed);
  if (report->snapshots_added)
    g_print (_("  snapshots added: %u\n"), report->snapshots_added);
  if (report->plan_replaced)
    g_print (_("  plan replaced by the file’s\n"));
  for (guint i = 0; i < report->warnings->len; i++)
    g_printerr (_("keystone-cli: warning: %s\n"), (const char *) g_ptr_array_index (report->warnings, i));
  return EXIT_DONE;
}

void
add_imported (JsonBuilder *b,
              const char  *what,
              guint        n)
{
  json_builder_set_member_name (b, "imported");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, what);
  json_builder_add_int_value (b, n);
  json_builder_end_object (b);
}

void
add_import_issues (JsonBuilder    *b,
                   KsImportReport *report,
                   const GError   *failure)
{
  add_issues (b, "warnings", report->warnings, FALSE);
  /* A failure outside any file (I/O, database) is an error too. */
  if (failure && report->errors->len == 0)
    ks_import_report_add (report, TRUE, "", 0, 0, "%s", failure->message);
  add_issues (b, "errors", report->errors, TRUE);
}

void
print_file_issues (GPtrArray  *issues,
                   const char *kind)
{
  for (guint i = 0; i < issues->len; i++)
    print_file_issue (stderr, g_ptr_array_index (issues, i), kind);
}

int
import_refused (KsImportReport *report)
{
  print_file_issues (report->errors, _("error"));
  g_printerr (_("keystone-cli: nothing was imported\n"));
  return EXIT_REFUSED;
}

void
print_file_issue (FILE          *out,
                  KsImportIssue *issue,
                  const char    *kind)
{
  if (issue->line && issue->column)
    fprintf (out, "%s:%u:%u: %s: %s\n", issue->file, issue->line, issue->column, kind, issue->message);
  else if (issue->line)
    fprintf (out, "%s:%u: %s: %s\n", issue->file, issue->line, kind, issue->message);
  else
    fprintf (out, "%s: %s: %s\n", issue->file, kind, issue->message);
}

/* The account named by --account, in an existing workspace. */
static KsAccount *
account_option (const Options  *opts,
                KsWorkspace    *ws,
                GError        **error)
{
  return ks_account_find (ws, opts->account, error);
}

/* import contacts FILE --account NAME, import influences FILE --account NAME */
static int
cmd_import_map (const Options *opts,
                gboolean       contacts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsAccount) account = NULL;
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  const char *file;
  gboolean ok;

  if (g_strv_length (opts->args) != 3 || !opts->account)
    return usage_error (contacts ? _("usage: keystone-cli import contacts FILE --account NAME [--json]")
                                 : _("usage: keystone-cli import influences FILE --account NAME [--json]"));
  file = opts->args[2];
  if (!(ws = open_existing (opts, &error)) ||
      !(account = account_option (opts, ws, &error)))
    return refused (error);

  ok = contacts ? ks_contacts_import (ws, file, ks_account_get_id (account), report, &error)
                : ks_influences_import (ws, file, ks_account_get_id (account), report, &error);

  if (opts->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "imported");
      json_builder_begin_object (b);
      if (contacts)
        {
          json_builder_set_member_name (b, "contacts");
          json_builder_add_int_value (b, ok ? report->contacts : 0);
        }
      json_builder_set_member_name (b, "lines");
      json_builder_add_int_value (b, ok ? report->lines : 0);
      json_builder_end_object (b);
      add_import_issues (b, report, ok ? NULL : error);
      json_builder_end_object (b);
      print_json (b);
    }
  else
    {
      print_file_issues (report->warnings, _("warning"));
      print_file_issues (report->errors, _("error"));
      if (ok)
        {
          g_autofree char *n_contacts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact", "%u contacts",
                                                                      report->contacts), report->contacts);
          g_autofree char *n_lines = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line", "%u lines",
                                                                   report->lines), report->lines);
          g_autofree char *n_warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                                                      report->warnings->len),
                                                         report->warnings->len);
          if (contacts)
            /* Translators: "Imported 3 contacts, 2 lines into “Account” (1 warning)" */
            g_print (_("Imported %s, %s into “%s” (%s)\n"), n_contacts, n_lines,
                     ks_account_get_name (account), n_warnings);
          else
            g_print (_("Imported %s into “%s” (%s)\n"), n_lines, ks_account_get_name (account), n_warnings);
        }
      else
        {
          if (report->errors->len == 0 && error)
            g_printerr ("keystone-cli: %s\n", error->message);
          g_printerr (_("keystone-cli: nothing was imported\n"));
        }
    }
  return ok ? EXIT_DONE : EXIT_REFUSED;
}

/* report coverage --account NAME [--today DATE] */
static int
cmd_report_coverage (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsAccount) account = NULL;
  g_autoptr(KsCoverageReport) report = NULL;

  if (g_strv_length (opts->args) != 2 || !opts->account)
    return usage_error (_("usage: keystone-cli report coverage --account NAME [--today YYYY-MM-DD] [--json]"));
  if (!(ws = open_existing (opts, &error)) ||
      !(account = account_option (opts, ws, &error)) ||
      !(report = ks_coverage_check_account (ws, ks_account_get_id (account), opts->today, &error)))
    return refused (error);

  if (opts->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "contacts");
      json_builder_add_int_value (b, report->contacts);
      json_builder_set_member_name (b, "owners");
      json_builder_add_int_value (b, report->owners);
      json_builder_set_member_name (b, "findings");
      json_builder_begin_array (b);
      for (guint i = 0; i < report->findings->len; i++)
        {
          KsCoverageFinding *f = g_ptr_array_index (report->findings, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "kind");
          json_builder_add_string_value (b, f->kind);
          json_builder_set_member_name (b, "contact");
          json_builder_add_string_value (b, f->contact);
          json_builder_set_member_name (b, "message");
          json_builder_add_string_value (b, f->message);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      print_json (b);
    }
  else
    {
      static const char *headers[] = { N_("Check"), N_("Contact"), N_("Finding") };
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      g_print (_("%s: %u contacts, %u of our people own relationships\n"),
               ks_account_get_name (account), report->contacts, report->owners);
      for (guint i = 0; i < report->findings->len; i++)
        {
          KsCoverageFinding *f = g_ptr_array_index (report->findings, i);
          char **row = g_new0 (char *, 4);
          row[0] = g_strdup (f->kind);
          row[1] = g_strdup (f->contact);
          row[2] = g_strdup (f->message);
          g_ptr_array_add (rows, row);
        }
      if (rows->len)
        print_table (headers, G_N_ELEMENTS (headers), rows);
      else
        g_print (_("No gaps found.\n"));
    }
  return EXIT_DONE;
}

/* render powermap --account NAME [--width W] [--height H] -o FILE */
static int
cmd_render_powermap (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsAccount) account = NULL;
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  KsMapModel model;
  KsMapLayout *layout;
  KsExportFormat format;
  gboolean ok;

  if (g_strv_length (opts->args) != 2 || !opts->account || !opts->output)
    return usage_error (_("usage: keystone-cli render powermap --account NAME [--width W] [--height H] -o FILE"));
  if (opts->width < 0 || opts->height < 0 || opts->width > 20000 || opts->height > 20000)
    return usage_error (_("--width and --height take a size from 1 to 20000"));
  if (!ks_export_format_for_path (opts->output, &format, &error))
    return usage_error ("%s", error->message);
  if (!(ws = open_existing (opts, &error)) ||
      !(account = account_option (opts, ws, &error)))
    return refused (error);

  ks_map_model_init (&model);
  if (!ks_map_model_load (&model, ws, ks_account_get_id (account), &error))
    {
      ks_map_model_clear (&model);
      return refused (error);
    }
  layout = ks_map_layout_new ((KsMapNode *) model.nodes->data, model.nodes->len,
                              (KsMapLine *) model.lines->data, model.lines->len,
                              palette, NULL);
  /* Without a size the cards keep their size at 100 % zoom (PDF: on paper). */
  ok = ks_map_export (opts->output, layout, palette, opts->width, opts->height, &error);
  ks_map_layout_free (layout);
  if (!ok)
    {
      ks_map_model_clear (&model);
      return refused (error);
    }
  if (!opts->json)
    g_print (_("Drew the power map of “%s” (%u contacts) into %s\n"),
             ks_account_get_name (account), model.nodes->len, opts->output);
  else
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, opts->output);
      json_builder_set_member_name (b, "contacts");
      json_builder_add_int_value (b, model.nodes->len);
      json_builder_set_member_name (b, "lines");
      json_builder_add_int_value (b, model.lines->len);
      json_builder_end_object (b);
      print_json (b);
    }
  ks_map_model_clear (&model);
  return EXIT_DONE;
}

/* render plan --account NAME [--today YYYY-MM-DD] -o FILE */
static int
cmd_render_plan (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsAccount) account = NULL;
  g_autoptr(KsPlanPrint) print = NULL;
  KsExportFormat format;
  guint pages;

  if (g_strv_length (opts->args) != 2 || !opts->account || !opts->output)
    return usage_error (_("usage: keystone-cli render plan --account NAME [--today YYYY-MM-DD] -o FILE"));
  if (opts->width || opts->height)
    return usage_error (_("render plan: the pages are A4; --width and --height do not apply"));
  if (opts->today)
    {
      unsigned y = 0, m = 0, d = 0;
      char end = 0;
      if (strlen (opts->today) != 10 || opts->today[4] != '-' || opts->today[7] != '-' ||
          sscanf (opts->today, "%4u-%2u-%2u%c", &y, &m, &d, &end) != 3 ||
          !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
        return usage_error (_("--today takes a date as YYYY-MM-DD, not “%s”"), opts->today);
    }
  if (!ks_export_format_for_path (opts->output, &format, &error))
    return usage_error ("%s", error->message);
  if (!(ws = open_existing (opts, &error)) ||
      !(account = account_option (opts, ws, &error)) ||
      !(print = ks_plan_print_new_for_account (ws, ks_account_get_id (account), opts->today, &error)) ||
      !ks_plan_print_export (print, opts->output, &error))
    return refused (error);

  pages = ks_plan_print_get_n_pages (print);
  if (!opts->json)
    g_print (ngettext ("Printed the plan of “%s” on %u page into %s\n",
                       "Printed the plan of “%s” on %u pages into %s\n", pages),
             ks_account_get_name (account), pages, opts->output);
  else
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, opts->output);
      json_builder_set_member_name (b, "pages");
      json_builder_add_int_value (b, pages);
      json_builder_end_object (b);
      print_json (b);
    }
  return EXIT_DONE;
}

/* report funnel / forecast and render funnel / forecast take the funnel's filters. */
static gboolean
is_funnel_report (const char *cmd,
                  const char *sub)
{
  return (g_strcmp0 (cmd, "report") == 0 || g_strcmp0 (cmd, "render") == 0) &&
         (g_strcmp0 (sub, "funnel") == 0 || g_strcmp0 (sub, "forecast") == 0);
}

/* --account: the last one given for the commands that take one, every one
 * in order for "meeting create". */
static Options *parsed_options;

static gboolean
on_account_option (const char  *name,
                   const char  *value,
                   gpointer     data,
                   GError     **error)
{
  g_free (parsed_options->account);
  parsed_options->account = g_strdup (value);
  g_ptr_array_add (parsed_options->accounts, g_strdup (value));
  return TRUE;
}

static int
run (Options *opts)
{
  const char *cmd = opts->args && opts->args[0] ? opts->args[0] : NULL;
  const char *sub = cmd && opts->args[1] ? opts->args[1] : NULL;

  if (!cmd)
    return usage_error (_("no command given"));
  /* The evaluation matrix checks its own options (ks-cli-evaluation.c). */
  if (g_strcmp0 (cmd, "evaluation") == 0 ||
      (g_strcmp0 (sub, "evaluation") == 0 && (g_strcmp0 (cmd, "report") == 0 || g_strcmp0 (cmd, "render") == 0)))
    return ks_cli_evaluation (opts);
  /* So does meeting mode (ks-cli-meeting.c). */
  if (g_strcmp0 (cmd, "meeting") == 0 ||
      (g_strcmp0 (sub, "meeting") == 0 && (g_strcmp0 (cmd, "report") == 0 || g_strcmp0 (cmd, "render") == 0)))
    return ks_cli_meeting (opts);
  if (opts->meeting || opts->date || opts->attendees || opts->a_accounts_of || opts->due || opts->slide)
    return usage_error (_("--meeting, --date, --attendee, --a-accounts-of, --due and --slide only apply to "
                          "“meeting”, “report meeting” and “render meeting”"));
  if (opts->accounts->len > 1)
    return usage_error (_("--account is given more than once; only “meeting create” takes several"));
  /* So does the search (ks-cli-search.c). */
  if (g_strcmp0 (cmd, "search") == 0)
    return ks_cli_search (opts);
  if (opts->limit != KS_CLI_NO_LIMIT)
    return usage_error (_("--limit only applies to “search”"));
  if (opts->opportunity || opts->criterion || opts->score)
    return usage_error (_("--opportunity, --criterion and --score only apply to “evaluation score”"));
  if (opts->demo && g_strcmp0 (cmd, "init") != 0)
    return usage_error (_("--demo only applies to “init”"));
  if (opts->dry_run && !(g_strcmp0 (cmd, "import") == 0 && g_strcmp0 (sub, "crm") == 0))
    return usage_error (_("--dry-run only applies to “import crm”"));
  if (opts->replace && !(g_strcmp0 (cmd, "import") == 0 && g_strcmp0 (sub, "json") == 0))
    return usage_error (_("--replace only applies to “import json”"));
  if (opts->output && !(g_strcmp0 (cmd, "export") == 0 || g_strcmp0 (cmd, "render") == 0))
    return usage_error (_("-o only applies to “export” and “render”"));
  if (opts->account && !((g_strcmp0 (cmd, "import") == 0 &&
                          (g_strcmp0 (sub, "contacts") == 0 || g_strcmp0 (sub, "influences") == 0)) ||
                         (g_strcmp0 (cmd, "report") == 0 && g_strcmp0 (sub, "coverage") == 0) ||
                         is_funnel_report (cmd, sub) ||
                         (g_strcmp0 (cmd, "export") == 0 && g_strcmp0 (sub, "raci") == 0) ||
                         g_strcmp0 (cmd, "raci") == 0 || g_strcmp0 (cmd, "render") == 0))
    return usage_error (_("--account only applies to “import contacts”, “import influences”, "
                          "“report coverage”, “report funnel”, “report forecast”, “export raci”, "
                          "“raci” and “render”"));
  if ((opts->manager || opts->team || opts->region || opts->product || opts->from || opts->to || opts->by) &&
      !is_funnel_report (cmd, sub))
    return usage_error (_("--manager, --team, --region, --product, --from, --to and --by only apply to "
                          "“report funnel” and “report forecast”"));
  if (opts->scope && !((g_strcmp0 (cmd, "import") == 0 && g_strcmp0 (sub, "raci") == 0) ||
                       (g_strcmp0 (cmd, "export") == 0 && g_strcmp0 (sub, "raci") == 0) ||
                       (g_strcmp0 (cmd, "raci") == 0 && g_strcmp0 (sub, "check") == 0) ||
                       g_strcmp0 (cmd, "render") == 0))
    return usage_error (_("--scope only applies to “import raci”, “export raci”, “raci check” and “render”"));
  if ((opts->width || opts->height) && g_strcmp0 (cmd, "render") != 0)
    return usage_error (_("--width and --height only apply to “render”"));
  if (opts->today && !((g_strcmp0 (cmd, "report") == 0 && g_strcmp0 (sub, "coverage") == 0) ||
                       (g_strcmp0 (cmd, "render") == 0 && g_strcmp0 (sub, "plan") == 0)))
    return usage_error (_("--today only applies to “report coverage” and “render plan”"));
  if (opts->period && !((g_strcmp0 (cmd, "import") == 0 && g_strcmp0 (sub, "scores") == 0) ||
                        (g_strcmp0 (cmd, "report") == 0 && g_strcmp0 (sub, "scores") == 0) ||
                        g_strcmp0 (cmd, "render") == 0))
    return usage_error (_("--period only applies to “import scores”, “report scores” and “render”"));
  if (opts->year != KS_CLI_NO_YEAR && !((g_strcmp0 (cmd, "report") == 0 && g_strcmp0 (sub, "abc") == 0) ||
                                        g_strcmp0 (cmd, "render") == 0))
    return usage_error (_("--year only applies to “report abc” and “render”"));
  if ((opts->compare || opts->segment) &&
      !(g_strcmp0 (cmd, "render") == 0 && (g_strcmp0 (sub, "portfolio") == 0 || g_strcmp0 (sub, "ranking") == 0)))
    return usage_error (_("--compare and --segment only apply to “render portfolio” and “render ranking”"));
  if (opts->owner &&
      !((g_strcmp0 (cmd, "render") == 0 && (g_strcmp0 (sub, "portfolio") == 0 || g_strcmp0 (sub, "ranking") == 0)) ||
        is_funnel_report (cmd, sub)))
    return usage_error (_("--owner only applies to “render portfolio”, “render ranking”, “report funnel” "
                          "and “report forecast”"));
  if ((opts->preset || opts->x_axis || opts->y_axis || opts->colour_by) &&
      !(g_strcmp0 (cmd, "render") == 0 && g_strcmp0 (sub, "portfolio") == 0))
    return usage_error (_("--preset, --x, --y and --colour-by only apply to “render portfolio”"));
  if (opts->top && !(g_strcmp0 (cmd, "render") == 0 && g_strcmp0 (sub, "ranking") == 0))
    return usage_error (_("--top only applies to “render ranking”"));

  if (g_str_equal (cmd, "init"))
    return cmd_init (opts);
  if (g_str_equal (cmd, "info"))
    return cmd_info (opts);
  if (g_str_equal (cmd, "accounts"))
    return cmd_accounts (opts);
  if (g_str_equal (cmd, "people"))
    return cmd_people (opts);
  if (g_str_equal (cmd, "import"))
    {
      if (g_strcmp0 (sub, "crm") == 0)
        return cmd_import_crm (opts);
      if (g_strcmp0 (sub, "json") == 0)
        return cmd_import_json (opts);
      if (g_strcmp0 (sub, "account") == 0)
        return cmd_import_account (opts);
      if (g_strcmp0 (sub, "contacts") == 0)
        return cmd_import_map (opts, TRUE);
      if (g_strcmp0 (sub, "influences") == 0)
        return cmd_import_map (opts, FALSE);
      if (g_strcmp0 (sub, "scores") == 0)
        return ks_cli_import_scores (opts);
      if (g_strcmp0 (sub, "raci") == 0)
        return ks_cli_import_raci (opts);
      return usage_error (_("import what? Use “import crm DIR”, “import json FILE”, "
                            "“import account FILE”, “import contacts FILE”, “import influences FILE”, "
                            "“import scores FILE” or “import raci FILE”"));
    }
  if (g_str_equal (cmd, "report"))
    {
      if (g_strcmp0 (sub, "coverage") == 0)
        return cmd_report_coverage (opts);
      if (g_strcmp0 (sub, "scores") == 0)
        return ks_cli_report_scores (opts);
      if (g_strcmp0 (sub, "abc") == 0)
        return ks_cli_report_abc (opts);
      if (g_strcmp0 (sub, "funnel") == 0)
        return ks_cli_report_funnel (opts);
      if (g_strcmp0 (sub, "forecast") == 0)
        return ks_cli_report_forecast (opts);
      return usage_error (_("report what? Use “report scores”, “report abc”, “report funnel”, "
                            "“report forecast” or “report coverage --account NAME”"));
    }
  if (g_str_equal (cmd, "render"))
    {
      if (g_strcmp0 (sub, "powermap") == 0)
        return cmd_render_powermap (opts);
      if (g_strcmp0 (sub, "plan") == 0)
        return cmd_render_plan (opts);
      if (g_strcmp0 (sub, "portfolio") == 0)
        return ks_cli_render_portfolio (opts);
      if (g_strcmp0 (sub, "abc") == 0)
        return ks_cli_render_abc (opts);
      if (g_strcmp0 (sub, "ranking") == 0)
        return ks_cli_render_ranking (opts);
      if (g_strcmp0 (sub, "raci") == 0)
        return ks_cli_render_raci (opts);
      if (g_strcmp0 (sub, "funnel") == 0)
        return ks_cli_render_funnel (opts);
      if (g_strcmp0 (sub, "forecast") == 0)
        return ks_cli_render_forecast (opts);
      return usage_error (_("render what? Use “render powermap --account NAME -o FILE”, "
                            "“render plan --account NAME -o FILE”, “render portfolio -o FILE”, "
                            "“render abc -o FILE”, “render ranking -o FILE” or "
                            "“render raci --scope NAME -o FILE”, “render funnel -o FILE” or "
                            "“render forecast -o FILE”"));
    }
  if (g_str_equal (cmd, "export"))
    {
      if (g_strcmp0 (sub, "json") == 0)
        return cmd_export_json (opts);
      if (g_strcmp0 (sub, "account") == 0)
        return cmd_export_account (opts);
      if (g_strcmp0 (sub, "raci") == 0)
        return ks_cli_export_raci (opts);
      return usage_error (_("export what? Use “export json”, “export account NAME” or “export raci --scope NAME”"));
    }
  if (g_str_equal (cmd, "copy"))
    return ks_cli_copy (opts);
  if (g_str_equal (cmd, "grant-roles"))
    return ks_cli_grant_roles (opts);
  if (g_str_equal (cmd, "raci"))
    return ks_cli_raci (opts);
  if (g_str_equal (cmd, "funnel"))
    return ks_cli_funnel (opts);
  return usage_error (_("unknown command “%s”"), cmd);
}

int
main (int   argc,
      char *argv[])
{
  Options opts = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &opts.workspace,
      N_("The workspace file (default: $KEYSTONE_WORKSPACE, else the app’s default workspace)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opts.json, N_("Print the result as one JSON document"), NULL },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &opts.demo, N_("init: fill the new workspace with the demo company"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &opts.dry_run, N_("import crm: check and report, write nothing"), NULL },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &opts.replace, N_("import json: replace a non-empty workspace"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output, N_("export: write to FILE instead of stdout; render: the picture to write"), N_("FILE") },
    { "account", 'a', 0, G_OPTION_ARG_CALLBACK, on_account_option,
      N_("import contacts/influences, report coverage: the account (exact name, or one that matches ignoring case)"),
      N_("NAME") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &opts.today,
      N_("report coverage: count days since the last contact up to DATE instead of today; "
         "render plan: the date printed, and what is overdue"), N_("YYYY-MM-DD") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &opts.period,
      N_("import scores, report scores: the review period (default: the current one)"), N_("P") },
    { "year", 0, 0, G_OPTION_ARG_INT, &opts.year,
      N_("report abc: count only the value won in opportunities closed in year Y"), N_("Y") },
    { "width", 0, 0, G_OPTION_ARG_INT, &opts.width, N_("render: width of the picture"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_INT, &opts.height, N_("render: height of the picture"), N_("H") },
    { "compare", 0, 0, G_OPTION_ARG_STRING, &opts.compare,
      N_("render portfolio, ranking: the earlier review period (default: the one before; “none”: no trails)"), N_("P") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &opts.preset,
      N_("render portfolio: profitability-potential, attractiveness-position or custom"), N_("NAME") },
    { "x", 0, 0, G_OPTION_ARG_STRING, &opts.x_axis,
      N_("render portfolio: the horizontal axis (score, revenue, account-revenue, employees or a criterion)"), N_("AXIS") },
    { "y", 0, 0, G_OPTION_ARG_STRING, &opts.y_axis, N_("render portfolio: the vertical axis"), N_("AXIS") },
    { "colour-by", 0, 0, G_OPTION_ARG_STRING, &opts.colour_by,
      N_("render portfolio: colour the bubbles by abc (class), segment or owner"), N_("WHAT") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &opts.owner,
      N_("render portfolio, ranking: only this key account manager’s accounts"), N_("NAME") },
    { "segment", 0, 0, G_OPTION_ARG_STRING, &opts.segment,
      N_("render portfolio, ranking: only the accounts of this segment (key, important, normal)"), N_("S") },
    { "top", 0, 0, G_OPTION_ARG_INT, &opts.top, N_("render ranking: how many accounts to rank (default 20)"), N_("N") },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &opts.scope,
      N_("import raci, export raci, raci check: the RACI chart (by name)"), N_("NAME") },
    { "manager", 0, 0, G_OPTION_ARG_STRING, &opts.manager,
      N_("report funnel, forecast: only opportunities of this manager's people"), N_("NAME") },
    { "team", 0, 0, G_OPTION_ARG_STRING, &opts.team,
      N_("report funnel, forecast: only opportunities whose owner is in this team"), N_("TEAM") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &opts.region,
      N_("report funnel, forecast: only opportunities whose owner is in this region"), N_("REGION") },
    { "product", 0, 0, G_OPTION_ARG_STRING, &opts.product,
      N_("report funnel, forecast: only opportunities for this product"), N_("PRODUCT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &opts.from,
      N_("report funnel, forecast: only opportunities closing (or expected to) on or after this date"),
      N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &opts.to,
      N_("report funnel, forecast: only opportunities closing (or expected to) on or before this date"),
      N_("YYYY-MM-DD") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &opts.by,
      N_("report funnel: cut by owner, manager, team, region, sector, account or product; "
         "report forecast: month or quarter"), N_("CUT") },
    { "opportunity", 0, 0, G_OPTION_ARG_STRING, &opts.opportunity,
      N_("evaluation score: the opportunity (its id, as imported)"), N_("REF") },
    { "criterion", 0, 0, G_OPTION_ARG_STRING, &opts.criterion,
      N_("evaluation score: the evaluation criterion (by name)"), N_("NAME") },
    { "score", 0, 0, G_OPTION_ARG_STRING, &opts.score,
      N_("evaluation score: 1 (low) to 5 (high); 0 clears the score"), N_("N") },
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &opts.meeting, N_("meeting decide, report/render meeting: its id"), N_("ID") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &opts.date, N_("meeting create: the meeting’s date"), N_("YYYY-MM-DD") },
    { "attendee", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opts.attendees, N_("meeting create: one of our people"), N_("NAME") },
    { "a-accounts-of", 0, 0, G_OPTION_ARG_STRING, &opts.a_accounts_of, N_("meeting create: their A accounts"), N_("NAME") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &opts.due, N_("meeting decide: e.g. 2027-01-15, “next Friday”"), N_("PHRASE") },
    { "slide", 0, 0, G_OPTION_ARG_INT, &opts.slide, N_("render meeting: one slide (from 1)"), N_("N") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &opts.limit, N_("search: how many results (default 20)"), N_("N") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &opts.version, N_("Print the version"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &opts.args, NULL, N_("COMMAND [ARGS…]") },
    G_OPTION_ENTRY_NULL
  };

  opts.year = KS_CLI_NO_YEAR;
  opts.accounts = g_ptr_array_new_with_free_func (g_free);
  parsed_options = &opts;
  opts.limit = KS_CLI_NO_LIMIT;
  setlocale (LC_ALL, "");
  /* KEYSTONE_LOCALEDIR: the catalogues of a build tree (build-aux/run) */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KEYSTONE_LOCALEDIR") ? g_getenv ("KEYSTONE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Keystone, the key account planner, without a display."));
  g_option_context_set_description (context, _(usage_text));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* every way out frees the options (a refused option leaked them) */
  if (!g_option_context_parse (context, &argc, &argv, &error))
    status = usage_error ("%s", error->message);
  else if (opts.version)
    {
      g_print ("keystone-cli %s\n", PACKAGE_VERSION);
      status = EXIT_DONE;
    }
  else
    status = run (&opts);

  g_free (opts.workspace);
  g_free (opts.output);
  g_free (opts.account);
  g_free (opts.today);
  g_free (opts.period);
  g_free (opts.compare);
  g_free (opts.preset);
  g_free (opts.x_axis);
  g_free (opts.y_axis);
  g_free (opts.colour_by);
  g_free (opts.owner);
  g_free (opts.segment);
  g_free (opts.scope);
  g_free (opts.manager);
  g_free (opts.team);
  g_free (opts.region);
  g_free (opts.product);
  g_free (opts.from);
  g_free (opts.to);
  g_free (opts.by);
  g_free (opts.opportunity);
  g_free (opts.criterion);
  g_free (opts.score);
  g_free (opts.meeting);
  g_free (opts.date);
  g_strfreev (opts.attendees);
  g_ptr_array_unref (opts.accounts);
  g_free (opts.a_accounts_of);
  g_free (opts.due);
  g_strfreev (opts.args);
  return status;
}
