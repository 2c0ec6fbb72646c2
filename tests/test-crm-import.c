/* test-crm-import.c — importing a CRM export: the real one, dry runs, broken files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected numbers for the real export were counted in the CSVs themselves,
 * independently of the importer (commands given next to each figure).
 */
#include <glib/gstdio.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "ks-crm-import.h"
#include "ks-test-util.h"
#include "ks-workspace-sqlite.h"

static KsWorkspace *
new_workspace (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "test.keystone", NULL);
  g_autoptr(GError) error = NULL;
  KsWorkspace *ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_NEW, &error);

  g_assert_no_error (error);
  return ws;
}

/* A folder with the given files: name, contents, name, contents, ..., NULL. */
static char *
fixture (const char *name,
         ...)
{
  char *dir = ks_test_tmpdir ();
  va_list args;

  va_start (args, name);
  for (; name; name = va_arg (args, const char *))
    {
      const char *contents = va_arg (args, const char *);
      g_autofree char *path = ks_test_write_file (dir, name, contents, -1);
    }
  va_end (args);
  return dir;
}

/* Every row of every table, in id order: what "unchanged" is compared on. */
static char *
dump (KsWorkspace *ws)
{
  static const char *const queries[] = {
    "SELECT * FROM settings ORDER BY key",
    "SELECT * FROM people ORDER BY id",
    "SELECT * FROM accounts ORDER BY id",
    "SELECT * FROM account_team ORDER BY id",
    "SELECT * FROM contacts ORDER BY id",
    "SELECT * FROM products ORDER BY id",
    "SELECT * FROM opportunities ORDER BY id",
  };
  GString *out = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GError) error = NULL;
      /* the file's own types: SQLite's */
      sqlite3_stmt *stmt = ks_stmt_get_sqlite (ks_workspace_prepare (ws, queries[q], &error));

      g_assert_no_error (error);
      g_string_append_printf (out, "## %s\n", queries[q]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              switch (sqlite3_column_type (stmt, c))
                {
                case SQLITE_NULL:
                  g_string_append (out, "NULL");
                  break;
                case SQLITE_INTEGER:
                  g_string_append_printf (out, "i%lld", (long long) sqlite3_column_int64 (stmt, c));
                  break;
                case SQLITE_FLOAT:
                  g_string_append_printf (out, "f%.17g", sqlite3_column_double (stmt, c));
                  break;
                default:
                  g_string_append_printf (out, "t'%s'", (const char *) sqlite3_column_text (stmt, c));
                  break;
                }
              g_string_append_c (out, '|');
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_reset (stmt);
    }
  return g_string_free (out, FALSE);
}

static char *
query_text (KsWorkspace *ws,
            const char  *sql,
            const char  *param)
{
  g_autoptr(GError) error = NULL;
  KsStmt *stmt = ks_workspace_prepare (ws, sql, &error);
  char *result = NULL;

  g_assert_no_error (error);
  if (param)
    ks_stmt_bind_text (stmt, 1, param);
  if (ks_stmt_step (stmt) == KS_STEP_ROW && !ks_stmt_column_is_null (stmt, 0))
    result = g_strdup (ks_stmt_column_text (stmt, 0));
  ks_stmt_reset (stmt);
  return result;
}

static double
query_double (KsWorkspace *ws,
              const char  *sql,
              const char  *param)
{
  g_autoptr(GError) error = NULL;
  KsStmt *stmt = ks_workspace_prepare (ws, sql, &error);
  double result = NAN;

  g_assert_no_error (error);
  if (param)
    ks_stmt_bind_text (stmt, 1, param);
  if (ks_stmt_step (stmt) == KS_STEP_ROW && !ks_stmt_column_is_null (stmt, 0))
    result = ks_stmt_column_double (stmt, 0);
  ks_stmt_reset (stmt);
  return result;
}

static KsImportIssue *
find_issue (GPtrArray  *issues,
            const char *file,
            const char *fragment)
{
  for (guint i = 0; i < issues->len; i++)
    {
      KsImportIssue *issue = g_ptr_array_index (issues, i);
      if (g_str_equal (issue->file, file) && strstr (issue->message, fragment))
        return issue;
    }
  return NULL;
}

static void
print_issues (KsImportReport *report)
{
  for (guint i = 0; i < report->errors->len; i++)
    {
      KsImportIssue *e = g_ptr_array_index (report->errors, i);
      g_test_message ("error %s:%u:%u: %s", e->file, e->line, e->column, e->message);
    }
  for (guint i = 0; i < report->warnings->len; i++)
    {
      KsImportIssue *w = g_ptr_array_index (report->warnings, i);
      g_test_message ("warning %s:%u:%u: %s", w->file, w->line, w->column, w->message);
    }
}

static KsImportReport *
import_ok (KsWorkspace *ws,
           const char  *dir,
           gboolean     dry_run)
{
  g_autoptr(GError) error = NULL;
  KsImportReport *report = ks_import_report_new ();
  gboolean ok = ks_crm_import (ws, dir, dry_run, report, &error);

  print_issues (report);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (report->errors->len, ==, 0);
  return report;
}

/* Imports a broken folder: asserts it is refused with exactly one first error
 * at file:line:column, that the GError names the place too, and that nothing
 * in the workspace changed. */
static void
assert_refused (KsWorkspace *ws,
                const char  *dir,
                const char  *file,
                guint        line,
                guint        column,
                const char  *fragment)
{
  g_autofree char *before = dump (ws);
  g_autofree char *after = NULL;
  g_autofree char *where = g_strdup_printf ("%s:%u:%u: ", file, line, column);
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  g_autoptr(GError) error = NULL;
  KsImportIssue *first;

  g_assert_false (ks_crm_import (ws, dir, FALSE, report, &error));
  print_issues (report);
  g_assert_error (error, KS_IMPORT_ERROR, error->code);
  g_assert_cmpuint (report->errors->len, >=, 1);
  first = g_ptr_array_index (report->errors, 0);
  g_assert_cmpstr (first->file, ==, file);
  g_assert_cmpuint (first->line, ==, line);
  g_assert_cmpuint (first->column, ==, column);
  if (fragment)
    g_assert_nonnull (strstr (first->message, fragment));
  g_assert_nonnull (strstr (error->message, where));
  g_assert_false (ks_workspace_in_transaction (ws));

  after = dump (ws);
  g_assert_cmpstr (before, ==, after);
}

/* ---- the real export --------------------------------------------------------- */

static void
test_real_export (void)
{
  g_autofree char *dir = ks_test_crm_dir ();
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsImportReport) report = NULL;
  g_autoptr(KsImportReport) again = NULL;
  g_autofree char *first_dump = NULL;
  g_autofree char *second_dump = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  KsWorkspaceCounts counts = { 0 };
  KsImportIssue *issue;
  int changes;

  if (!dir)
    {
      g_test_skip ("the shared CRM export is not beside the project");
      return;
    }

  ws = new_workspace ();
  report = import_ok (ws, dir, FALSE);

  /* Data rows per file: `tail -n +2 FILE | wc -l` → 85, 35, 7, 8800; managers:
   * `cut -d, -f2 sales_teams.csv | tail -n +2 | sort -u | wc -l` → 6, none of
   * them an agent, so people = 35 + 6 = 41. */
  g_assert_cmpuint (report->accounts, ==, 85);
  g_assert_cmpuint (report->people, ==, 41);
  g_assert_cmpuint (report->products, ==, 7);
  g_assert_cmpuint (report->opportunities, ==, 8800);
  g_assert_true (ks_workspace_get_counts (ws, &counts, &error));
  g_assert_cmpint (counts.accounts, ==, 85);
  g_assert_cmpint (counts.people, ==, 41);
  g_assert_cmpint (counts.products, ==, 7);
  g_assert_cmpint (counts.opportunities, ==, 8800);
  /* Every agent row names a manager: 35 people have one, the 6 managers none. */
  g_assert_cmpfloat (query_double (ws, "SELECT count(*) FROM people WHERE manager_id IS NOT NULL", NULL),
                     ==, 35);

  /* `awk -F, '$3=="GTXPro"' sales_pipeline.csv | wc -l` → 1480 */
  issue = find_issue (report->warnings, "sales_pipeline.csv", "“GTXPro” matched to “GTX Pro”");
  g_assert_nonnull (issue);
  g_assert_nonnull (strstr (issue->message, "1480 rows"));
  g_assert_cmpuint (issue->line, ==, 3);  /* first GTXPro row: `grep -n GTXPro` → 3 */
  /* `awk -F, 'NR>1 && $4==""' sales_pipeline.csv | wc -l` → 1425 */
  issue = find_issue (report->warnings, "sales_pipeline.csv",
                      "1425 opportunities have no account; imported without one");
  g_assert_nonnull (issue);
  /* Nothing else was imperfect enough to mention. */
  g_assert_cmpuint (report->warnings->len, ==, 2);

  /* accounts.csv line 2: Acme Corporation, revenue 1100.04 (millions of USD). */
  g_assert_cmpfloat (query_double (ws, "SELECT revenue FROM accounts WHERE name = ?1", "Acme Corporation"),
                     ==, 1100040000.0);
  g_assert_cmpfloat (query_double (ws, "SELECT employees FROM accounts WHERE name = ?1", "Acme Corporation"),
                     ==, 2822);
  g_assert_cmpfloat (query_double (ws, "SELECT year_established FROM accounts WHERE name = ?1",
                                   "Acme Corporation"), ==, 1996);
  text = query_text (ws, "SELECT country FROM accounts WHERE name = ?1", "Betatech");
  g_assert_cmpstr (text, ==, "Kenya");
  g_clear_pointer (&text, g_free);
  /* accounts.csv line 8: Bluth Company, subsidiary_of Acme Corporation. */
  text = query_text (ws, "SELECT p.name FROM accounts a JOIN accounts p ON p.id = a.parent_id "
                         "WHERE a.name = ?1", "Bluth Company");
  g_assert_cmpstr (text, ==, "Acme Corporation");
  g_clear_pointer (&text, g_free);
  /* 15 accounts have a subsidiary_of (85 rows, 70 of them empty). */
  g_assert_cmpfloat (query_double (ws, "SELECT count(*) FROM accounts WHERE parent_id IS NOT NULL", NULL),
                     ==, 15);

  /* sales_teams.csv line 2: Anna Snelling, Dustin Brinkmann, Central. */
  text = query_text (ws, "SELECT m.name || '/' || p.region || '/' || p.title FROM people p "
                         "JOIN people m ON m.id = p.manager_id WHERE p.name = ?1", "Anna Snelling");
  g_assert_cmpstr (text, ==, "Dustin Brinkmann/Central/Sales agent");
  g_clear_pointer (&text, g_free);
  text = query_text (ws, "SELECT region || '/' || title FROM people WHERE name = ?1", "Dustin Brinkmann");
  g_assert_cmpstr (text, ==, "Central/Sales manager");
  g_clear_pointer (&text, g_free);

  /* sales_pipeline.csv line 3: Z063OYW0,Darcel Schlecht,GTXPro,Isdom,Won,2016-10-25,2017-03-11,4514 */
  text = query_text (ws, "SELECT pr.name || '/' || a.name || '/' || pe.name || '/' || o.stage || '/' || "
                         "o.engage_date || '/' || o.close_date || '/' || o.value "
                         "FROM opportunities o JOIN products pr ON pr.id = o.product_id "
                         "JOIN accounts a ON a.id = o.account_id JOIN people pe ON pe.id = o.owner_id "
                         "WHERE o.ref = ?1", "Z063OYW0");
  g_assert_cmpstr (text, ==, "GTX Pro/Isdom/Darcel Schlecht/Won/2016-10-25/2017-03-11/4514.0");
  g_clear_pointer (&text, g_free);
  /* An open deal without an account: HAXMC4IX,James Ascencio,MG Advanced,,Engaging,2016-11-03,, */
  text = query_text (ws, "SELECT coalesce (account_id, 'none') || '/' || stage || '/' || engage_date || '/' || "
                         "coalesce (close_date, 'none') || '/' || coalesce (value, 'none') "
                         "FROM opportunities WHERE ref = ?1", "HAXMC4IX");
  g_assert_cmpstr (text, ==, "none/Engaging/2016-11-03/none/none");
  g_clear_pointer (&text, g_free);
  /* `awk -F, '$3=="GTXPro"{s+=$8} END{print s}'` → 3510578: every such row is GTX Pro now. */
  g_assert_cmpfloat (query_double (ws, "SELECT sum(value) FROM opportunities o JOIN products p "
                                       "ON p.id = o.product_id WHERE p.name = ?1", "GTX Pro"), ==, 3510578);
  /* `awk -F, '$5=="Won"{s+=$8}'` → 10005534 */
  g_assert_cmpfloat (query_double (ws, "SELECT sum(value) FROM opportunities WHERE stage = ?1", "Won"),
                     ==, 10005534);

  /* Re-importing the same files changes nothing: no row written, same rows, same report. */
  first_dump = dump (ws);
  changes = ks_workspace_total_changes (ws);
  again = import_ok (ws, dir, FALSE);
  g_assert_cmpint (ks_workspace_total_changes (ws), ==, changes);
  second_dump = dump (ws);
  g_assert_cmpstr (first_dump, ==, second_dump);
  g_assert_cmpuint (again->accounts, ==, 85);
  g_assert_cmpuint (again->people, ==, 41);
  g_assert_cmpuint (again->products, ==, 7);
  g_assert_cmpuint (again->opportunities, ==, 8800);
  g_assert_cmpuint (again->warnings->len, ==, 2);

  g_assert_true (ks_workspace_check_integrity (ws, &error));
  g_assert_no_error (error);
}

static void
test_dry_run (void)
{
  g_autofree char *dir = ks_test_crm_dir ();
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsImportReport) dry = NULL;
  g_autoptr(KsImportReport) real = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int changes;

  if (!dir)
    {
      g_test_skip ("the shared CRM export is not beside the project");
      return;
    }

  ws = new_workspace ();
  before = dump (ws);
  changes = ks_workspace_total_changes (ws);
  dry = import_ok (ws, dir, TRUE);
  after = dump (ws);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (ks_workspace_is_empty (ws));
  g_assert_false (ks_workspace_in_transaction (ws));

  /* Same figures as the real import that follows. */
  real = import_ok (ws, dir, FALSE);
  g_assert_cmpuint (dry->accounts, ==, 85);
  g_assert_cmpuint (dry->accounts, ==, real->accounts);
  g_assert_cmpuint (dry->people, ==, real->people);
  g_assert_cmpuint (dry->products, ==, real->products);
  g_assert_cmpuint (dry->opportunities, ==, real->opportunities);
  g_assert_cmpuint (dry->warnings->len, ==, real->warnings->len);
  for (guint i = 0; i < dry->warnings->len; i++)
    {
      KsImportIssue *a = g_ptr_array_index (dry->warnings, i);
      KsImportIssue *b = g_ptr_array_index (real->warnings, i);
      g_assert_cmpstr (a->message, ==, b->message);
      g_assert_cmpuint (a->line, ==, b->line);
    }
  g_assert_cmpint (ks_workspace_total_changes (ws), >, changes);
}

/* One undo step takes the whole import back. */
static void
test_one_undo_step (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autofree char *dir = fixture ("products.csv", "product,series\nA,X\nB,Y\n",
                                  "sales_pipeline.csv", "opportunity_id,product\n1,A\n2,b\n", NULL);
  g_autoptr(KsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = dump (ws);
  g_autofree char *after = NULL;

  ks_workspace_set_undo_enabled (ws, TRUE);
  report = import_ok (ws, dir, FALSE);
  g_assert_true (ks_workspace_can_undo (ws));
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, "Import CRM export");
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_no_error (error);
  after = dump (ws);
  g_assert_cmpstr (empty, ==, after);
  g_assert_false (ks_workspace_can_undo (ws));
}

/* ---- broken input -------------------------------------------------------------- */

static const char good_products[] = "product,series,sales_price\nNova Basic,NV,510\nNova Pro,NV,4700\n";

/* A workspace with something in it, so "unchanged" means something. */
static KsWorkspace *
populated_workspace (void)
{
  KsWorkspace *ws = new_workspace ();
  g_autofree char *dir = fixture ("products.csv", good_products,
                                  "accounts.csv", "account,sector\nNordlicht,energy\n", NULL);
  g_autoptr(KsImportReport) report = import_ok (ws, dir, FALSE);

  g_assert_cmpuint (report->products, ==, 2);
  return ws;
}

static void
test_unterminated_quote (void)
{
  g_autoptr(KsWorkspace) ws = populated_workspace ();
  /* The quote opens line 3, column 1 and is never closed. */
  g_autofree char *dir = fixture ("products.csv",
                                  "product,series,sales_price\n"
                                  "Orb Special,OR,60\n"
                                  "\"Nova Plus,NV,1090\n"
                                  "Orb Advanced,OR,3300\n", NULL);

  assert_refused (ws, dir, "products.csv", 3, 1, "not closed");
}

static void
test_malformed_quotes (void)
{
  g_autoptr(KsWorkspace) ws = populated_workspace ();
  /* A quote inside an unquoted field: `Nova "Plus"` — the quote is column 6 of line 2. */
  g_autofree char *dir1 = fixture ("products.csv", "product,series\nNova \"Plus\",NV\n", NULL);
  /* Text after a closing quote: `"Nva" Plus` — P is column 7 of line 3. */
  g_autofree char *dir2 = fixture ("products.csv", "product,series\r\nA,B\r\n\"Nva\" Plus,NV\r\n", NULL);

  assert_refused (ws, dir1, "products.csv", 2, 6, "quote");
  assert_refused (ws, dir2, "products.csv", 3, 7, "closing quote");
}

static void
test_too_many_fields (void)
{
  g_autoptr(KsWorkspace) ws = populated_workspace ();
  /* Line 3: "Ünïcode Pro,NV_,4700,extra" — the fourth field starts at character 22
   * (11 + 1 + 3 + 1 + 4 + 1 = 21 characters before it; "Ü" and "ï" are two bytes each). */
  g_autofree char *dir = fixture ("products.csv",
                                  "product,series,sales_price\n"
                                  "Nova Basic,NV,510\n"
                                  "Ünïcode Pro,NV_,4700,extra\n", NULL);
  /* Too few: line 2 ends after "Nova Basic,NV" — column 14, where the field is missing. */
  g_autofree char *dir2 = fixture ("products.csv",
                                   "product,series,sales_price\n"
                                   "Nova Basic,NV\n", NULL);

  assert_refused (ws, dir, "products.csv", 3, 22, "expected 3 fields");
  assert_refused (ws, dir2, "products.csv", 2, 14, "found 2");
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(KsWorkspace) ws = populated_workspace ();
  /* Byte 0xFF on line 3 after "Orb Specia,O" (12 characters): column 13. */
  g_autofree char *dir = fixture ("products.csv",
                                  "product,series,sales_price\r\n"
                                  "Nova Basic,NV,510\r\n"
                                  "Orb Specia,O\xff" "R,60\r\n", NULL);
  /* Latin-1 "Café" in line 2 of an otherwise good pipeline: byte 0xE9 at column 7. */
  g_autofree char *dir2 = fixture ("products.csv", good_products,
                                   "sales_pipeline.csv", "opportunity_id,account\nA1,Caf\xe9 Ltd\n", NULL);

  assert_refused (ws, dir, "products.csv", 3, 13, "UTF-8");
  /* The good products.csv beside it is not written either. */
  assert_refused (ws, dir2, "sales_pipeline.csv", 2, 7, "0xE9");
}

static void
test_missing_key_column (void)
{
  g_autoptr(KsWorkspace) ws = populated_workspace ();
  g_autofree char *dir = fixture ("products.csv", good_products,
                                  "accounts.csv", "name,sector\nAcme,retail\n", NULL);
  g_autofree char *dir2 = fixture ("sales_teams.csv", "", NULL);
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  g_autoptr(GError) error = NULL;

  assert_refused (ws, dir, "accounts.csv", 1, 1, "“account”");
  assert_refused (ws, dir2, "sales_teams.csv", 1, 1, "“sales_agent”");

  /* No CRM file at all, and no folder at all. */
  g_assert_false (ks_crm_import (ws, "/nonexistent/keystone-crm", FALSE, report, &error));
  g_assert_error (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_IO);
  g_clear_error (&error);
  {
    g_autofree char *empty = ks_test_tmpdir ();
    g_assert_false (ks_crm_import (ws, empty, FALSE, report, &error));
    g_assert_error (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_IO);
    g_assert_nonnull (strstr (error->message, empty));
    g_clear_error (&error);
  }
  /* The same report, used again for a good import, keeps nothing of the failures. */
  g_assert_cmpuint (report->errors->len, ==, 1);
  {
    g_autofree char *good = fixture ("products.csv", good_products, NULL);
    g_assert_true (ks_crm_import (ws, good, FALSE, report, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report->errors->len, ==, 0);
    g_assert_cmpuint (report->products, ==, 2);
  }
}

static void
test_empty_key (void)
{
  g_autoptr(KsWorkspace) ws = populated_workspace ();
  /* Line 3 has a stage but no opportunity id; rows of only commas are skipped. */
  g_autofree char *dir = fixture ("sales_pipeline.csv",
                                  "opportunity_id,deal_stage\n"
                                  "A1,Won\n"
                                  ",Lost\n"
                                  ",\n", NULL);

  assert_refused (ws, dir, "sales_pipeline.csv", 3, 1, "“opportunity_id” is empty");
}

/* A later file's error also takes back what earlier files wrote. */
static void
test_error_in_last_file (void)
{
  g_autoptr(KsWorkspace) ws = populated_workspace ();
  g_autofree char *dir = fixture ("products.csv", "product,series\nNew Product,Z\n",
                                  "accounts.csv", "account\nNew Account\n",
                                  "sales_pipeline.csv",
                                  "opportunity_id,product\nA1,New Product\nA2,\"New\n", NULL);

  assert_refused (ws, dir, "sales_pipeline.csv", 3, 4, NULL);
  g_assert_cmpfloat (query_double (ws, "SELECT count(*) FROM products WHERE name = ?1", "New Product"), ==, 0);
}

/* ---- well-formed but unusual input ---------------------------------------------- */

static void
test_quoted_fields_and_bom (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autofree char *dir = fixture ("accounts.csv",
                                  "\xEF\xBB\xBF" "account,year_established,sector,subsidiary_of\n" /* 1 */
                                  "\"Smith, Jones & Co\",1990,retail,\n"                         /* 2 */
                                  "\"The \"\"Best\"\" Shop\",1991,\"multi\n"                     /* 3 */
                                  "line sector\",\n"                                             /* 4 */
                                  "\"Line\r\n"                                                   /* 5 */
                                  "Break Ltd\",199x,services,\"Smith, Jones & Co\"\n",           /* 6 */
                                  NULL);
  g_autoptr(KsImportReport) report = import_ok (ws, dir, FALSE);
  g_autofree char *text = NULL;
  KsImportIssue *issue;

  g_assert_cmpuint (report->accounts, ==, 3);
  text = query_text (ws, "SELECT sector FROM accounts WHERE name = ?1", "Smith, Jones & Co");
  g_assert_cmpstr (text, ==, "retail");
  g_clear_pointer (&text, g_free);
  text = query_text (ws, "SELECT sector FROM accounts WHERE name = ?1", "The \"Best\" Shop");
  g_assert_cmpstr (text, ==, "multi\nline sector");
  g_clear_pointer (&text, g_free);
  text = query_text (ws, "SELECT p.name FROM accounts a JOIN accounts p ON p.id = a.parent_id "
                         "WHERE a.name = ?1", "Line\r\nBreak Ltd");
  g_assert_cmpstr (text, ==, "Smith, Jones & Co");
  g_clear_pointer (&text, g_free);
  /* The BOM is not part of the first column's name (else "account" would be missing). */
  text = query_text (ws, "SELECT group_concat (name, '|') FROM (SELECT name FROM accounts ORDER BY id)", NULL);
  g_assert_cmpstr (text, ==, "Smith, Jones & Co|The \"Best\" Shop|Line\r\nBreak Ltd");
  g_clear_pointer (&text, g_free);

  /* "199x" is on line 6 after `Break Ltd",` (11 characters): column 12. The row is kept. */
  issue = find_issue (report->warnings, "accounts.csv", "“199x” in column year_established");
  g_assert_nonnull (issue);
  g_assert_cmpuint (issue->line, ==, 6);
  g_assert_cmpuint (issue->column, ==, 12);
  g_assert_true (isnan (query_double (ws, "SELECT year_established FROM accounts WHERE name = ?1",
                                      "Line\r\nBreak Ltd")));
}

static const char *const line_ending_files[] = {
  "products.csv", "product,series,sales_price|Nova Pro,NV,4700|",
  "sales_teams.csv", "sales_agent,manager,regional_office|Anna,Dustin,Central|Cecily,Dustin,East|",
  "accounts.csv", "account,sector,revenue,office_location|Acme,retail,1.5,Kenya|",
  "sales_pipeline.csv", "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,"
                        "close_value|X1,Anna,NovaPro,Acme,Won,2016-10-20,2017-03-01,1054|"
                        "X2,Cecily,Nova Pro,,Engaging,2016-10-21,,|",
};

static char *
line_ending_fixture (const char *eol)
{
  char *dir = ks_test_tmpdir ();

  for (guint i = 0; i < G_N_ELEMENTS (line_ending_files); i += 2)
    {
      g_auto(GStrv) lines = g_strsplit (line_ending_files[i + 1], "|", -1);
      g_autofree char *contents = g_strjoinv (eol, lines);
      g_autofree char *path = ks_test_write_file (dir, line_ending_files[i], contents, -1);
    }
  return dir;
}

static void
test_line_endings (void)
{
  const char *const endings[] = { "\n", "\r\n", "\r" };
  g_autofree char *reference = NULL;

  for (guint e = 0; e < G_N_ELEMENTS (endings); e++)
    {
      g_autoptr(KsWorkspace) ws = new_workspace ();
      g_autofree char *dir = line_ending_fixture (endings[e]);
      g_autoptr(KsImportReport) report = import_ok (ws, dir, FALSE);
      g_autofree char *text = NULL;
      g_autofree char *all = NULL;
      KsImportIssue *issue;

      g_assert_cmpuint (report->opportunities, ==, 2);
      g_assert_cmpuint (report->people, ==, 3);
      /* The last column carries no line-ending residue. */
      text = query_text (ws, "SELECT region FROM people WHERE name = ?1", "Cecily");
      g_assert_cmpstr (text, ==, "East");
      g_clear_pointer (&text, g_free);
      text = query_text (ws, "SELECT country FROM accounts WHERE name = ?1", "Acme");
      g_assert_cmpstr (text, ==, "Kenya");
      g_clear_pointer (&text, g_free);
      g_assert_cmpfloat (query_double (ws, "SELECT value FROM opportunities WHERE ref = ?1", "X1"), ==, 1054);
      g_assert_cmpfloat (query_double (ws, "SELECT revenue FROM accounts WHERE name = ?1", "Acme"),
                         ==, 1500000);
      /* Line numbers count CRLF and a lone CR as one line break. */
      issue = find_issue (report->warnings, "sales_pipeline.csv", "“NovaPro” matched to “Nova Pro” (1 row)");
      g_assert_nonnull (issue);
      g_assert_cmpuint (issue->line, ==, 2);
      issue = find_issue (report->warnings, "sales_pipeline.csv", "1 opportunity has no account");
      g_assert_nonnull (issue);
      g_assert_cmpuint (issue->line, ==, 3);

      all = dump (ws);
      if (!reference)
        reference = g_steal_pointer (&all);
      else
        g_assert_cmpstr (all, ==, reference);
    }
}

static void
test_long_names (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *accounts = NULL;
  g_autofree char *pipeline = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(KsImportReport) report = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *linked = NULL;
  KsImportIssue *issue;

  /* 10,000 characters: Arabic (right-to-left), emoji (4 bytes, with a ZWJ
   * sequence), accents, quotes and commas. */
  while (g_utf8_strlen (name->str, -1) < 10000)
    g_string_append (name, "مرحبا بالعالم 😀👩‍💻 Ça, \"va\" ");
  g_string_truncate (name, g_utf8_offset_to_pointer (name->str, 10000) - name->str);
  g_assert_cmpint (g_utf8_strlen (name->str, -1), ==, 10000);
  {
    g_autofree char *quoted = NULL;
    g_auto(GStrv) parts = g_strsplit (name->str, "\"", -1);
    g_autofree char *doubled = g_strjoinv ("\"\"", parts);
    quoted = g_strdup_printf ("\"%s\"", doubled);
    accounts = g_strdup_printf ("account,sector\r\n%s,retail\r\n", quoted);
    pipeline = g_strdup_printf ("opportunity_id,account,close_date\r\nL1,%s,2017-02-30\r\n", quoted);
  }
  dir = fixture ("accounts.csv", accounts, "sales_pipeline.csv", pipeline, NULL);
  report = import_ok (ws, dir, FALSE);

  stored = query_text (ws, "SELECT name FROM accounts", NULL);
  g_assert_cmpuint (strlen (stored), ==, name->len);
  g_assert_true (memcmp (stored, name->str, name->len) == 0);
  linked = query_text (ws, "SELECT a.name FROM opportunities o JOIN accounts a ON a.id = o.account_id "
                           "WHERE o.ref = ?1", "L1");
  g_assert_cmpstr (linked, ==, name->str);
  /* The date after the 10,000-character field: 30 February is no date. Its column
   * counts characters: "L1," (3) + the quoted field + "," — and the message
   * quotes the value, not the whole line. */
  issue = find_issue (report->warnings, "sales_pipeline.csv", "“2017-02-30” in column close_date");
  g_assert_nonnull (issue);
  g_assert_cmpuint (issue->line, ==, 2);
  g_assert_cmpuint (issue->column, ==, 3 + g_utf8_strlen (strchr (pipeline, '"'), strstr (pipeline, ",2017") -
                                                                              strchr (pipeline, '"')) + 2);
  g_assert_cmpuint (strlen (issue->message), <, 200);
}

static void
test_unmatched_names (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autofree char *dir = fixture ("products.csv", "product\nNova Pro\n",
                                  "sales_teams.csv", "sales_agent,manager\nAnna,Boss\nBoss,Boss\n",
                                  "accounts.csv", "account,subsidiary_of\nA,Nowhere Inc\nB,a.\nC,C\n",
                                  "sales_pipeline.csv",
                                  "opportunity_id,sales_agent,product,account,close_value,engage_date\n"
                                  "1,anna,Widget,Zeta,12x,2016-1-5\n"
                                  "2,Ghost,widget,zeta,,\n"
                                  "3,Ghost,NOVA-PRO,B,-5.5,\n", NULL);
  g_autoptr(KsImportReport) report = import_ok (ws, dir, FALSE);
  g_autofree char *text = NULL;
  KsImportIssue *issue;

  /* Unknown parent: warned, parent empty, the account kept. */
  issue = find_issue (report->warnings, "accounts.csv", "“Nowhere Inc” is not in accounts.csv");
  g_assert_nonnull (issue);
  g_assert_cmpuint (issue->line, ==, 2);
  text = query_text (ws, "SELECT coalesce (parent_id, 'none') FROM accounts WHERE name = ?1", "A");
  g_assert_cmpstr (text, ==, "none");
  g_clear_pointer (&text, g_free);
  /* "a." matches "A" through the key; "C" cannot be its own parent. */
  g_assert_nonnull (find_issue (report->warnings, "accounts.csv", "parent company “a.” matched to “A” (1 row)"));
  g_assert_nonnull (find_issue (report->warnings, "accounts.csv", "loop"));
  text = query_text (ws, "SELECT p.name FROM accounts a JOIN accounts p ON p.id = a.parent_id "
                         "WHERE a.name = ?1", "B");
  g_assert_cmpstr (text, ==, "A");
  g_clear_pointer (&text, g_free);
  /* Boss reports to Boss: refused as a loop; Anna reports to Boss. */
  g_assert_nonnull (find_issue (report->warnings, "sales_teams.csv", "loop"));
  text = query_text (ws, "SELECT m.name FROM people p JOIN people m ON m.id = p.manager_id "
                         "WHERE p.name = ?1", "Anna");
  g_assert_cmpstr (text, ==, "Boss");
  g_clear_pointer (&text, g_free);

  /* Names matching nothing are created as given, one warning each with its rows. */
  g_assert_nonnull (find_issue (report->warnings, "sales_pipeline.csv",
                                "product “Widget” is not in products.csv or the workspace; "
                                "imported as a new product (1 row)"));
  g_assert_nonnull (find_issue (report->warnings, "sales_pipeline.csv", "product “widget” matched to “Widget”"));
  g_assert_nonnull (find_issue (report->warnings, "sales_pipeline.csv", "account “Zeta” is not in accounts.csv"));
  g_assert_nonnull (find_issue (report->warnings, "sales_pipeline.csv",
                                "sales agent “Ghost” is not in sales_teams.csv or the workspace; "
                                "imported as a new person (2 rows)"));
  g_assert_nonnull (find_issue (report->warnings, "sales_pipeline.csv", "sales agent “anna” matched to “Anna”"));
  g_assert_nonnull (find_issue (report->warnings, "sales_pipeline.csv", "product “NOVA-PRO” matched to “Nova Pro”"));
  text = query_text (ws, "SELECT group_concat (name, '|') FROM (SELECT name FROM products ORDER BY id)", NULL);
  g_assert_cmpstr (text, ==, "Nova Pro|Widget");
  g_clear_pointer (&text, g_free);
  /* 3 products? No: Nova Pro and Widget. People: Anna, Boss, Ghost. */
  g_assert_cmpuint (report->products, ==, 2);
  g_assert_cmpuint (report->people, ==, 3);
  g_assert_cmpuint (report->accounts, ==, 4);

  /* Bad values: a warning at the cell, the field empty, the row kept. Line 2:
   * "1,anna,Widget,Zeta," is 19 characters, so close_value starts at column 20. */
  issue = find_issue (report->warnings, "sales_pipeline.csv", "“12x” in column close_value is not a number");
  g_assert_nonnull (issue);
  g_assert_cmpuint (issue->line, ==, 2);
  g_assert_cmpuint (issue->column, ==, 20);
  issue = find_issue (report->warnings, "sales_pipeline.csv", "“2016-1-5” in column engage_date is not a date");
  g_assert_nonnull (issue);
  g_assert_cmpuint (issue->column, ==, 24);
  g_assert_true (isnan (query_double (ws, "SELECT value FROM opportunities WHERE ref = ?1", "1")));
  g_assert_cmpfloat (query_double (ws, "SELECT value FROM opportunities WHERE ref = ?1", "3"), ==, -5.5);
  g_assert_cmpfloat (query_double (ws, "SELECT count(*) FROM opportunities", NULL), ==, 3);
}

/* Columns the file lacks, and empty cells, keep what is stored. */
static void
test_keep_existing (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autofree char *full = fixture ("accounts.csv",
                                   "account,sector,revenue,employees,office_location\n"
                                   "Acme,retail,2.5,100,Kenya\n", NULL);
  g_autofree char *partial = fixture ("accounts.csv",
                                      "office_location,account,employees\n"
                                      "Chile,Acme,\n"
                                      ",Newco,7\n", NULL);
  g_autoptr(KsImportReport) first = import_ok (ws, full, FALSE);
  g_autoptr(KsImportReport) second = import_ok (ws, partial, FALSE);
  g_autofree char *text = NULL;

  text = query_text (ws, "SELECT sector || '/' || revenue || '/' || employees || '/' || country "
                         "FROM accounts WHERE name = ?1", "Acme");
  g_assert_cmpstr (text, ==, "retail/2500000.0/100/Chile");
  g_clear_pointer (&text, g_free);
  text = query_text (ws, "SELECT sector || '/' || coalesce (revenue, 'none') || '/' || employees || '/' || "
                         "country FROM accounts WHERE name = ?1", "Newco");
  g_assert_cmpstr (text, ==, "/none/7/");
  g_assert_cmpuint (second->accounts, ==, 2);
}

static void
test_duplicates (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autofree char *dir = fixture ("sales_pipeline.csv",
                                  "opportunity_id,deal_stage\nA1,Engaging\nA2,Won\nA1,Won\n", NULL);
  g_autoptr(KsImportReport) report = import_ok (ws, dir, FALSE);
  g_autofree char *stage = query_text (ws, "SELECT stage FROM opportunities WHERE ref = ?1", "A1");
  KsImportIssue *issue = find_issue (report->warnings, "sales_pipeline.csv", "“A1” appears again");

  g_assert_nonnull (issue);
  g_assert_cmpuint (issue->line, ==, 4);
  g_assert_nonnull (strstr (issue->message, "line 2"));
  g_assert_cmpstr (stage, ==, "Won");
  g_assert_cmpuint (report->opportunities, ==, 2);
}

static char *
index_names (KsWorkspace *ws)
{
  return query_text (ws, "SELECT group_concat (name, ',') FROM (SELECT name FROM sqlite_master "
                         "WHERE type = 'index' AND tbl_name = 'opportunities' ORDER BY name)", NULL);
}

/* A bulk import (20,000 new rows or more) rebuilds the secondary indexes of
 * opportunities after loading; they must be back, equal, and usable, also
 * after a dry run rolled the rebuild back. */
static void
test_bulk_import (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GString) pipeline = g_string_new ("opportunity_id,product,account,deal_stage,close_value\n");
  g_autofree char *dir = NULL;
  g_autofree char *indexes = index_names (ws);
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_autoptr(KsImportReport) dry = NULL;
  g_autoptr(KsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* Ids descending, so sorting them is not a no-op; every 7th row has no account. */
  for (int i = 25000; i > 0; i--)
    g_string_append_printf (pipeline, "B%05d,P%d,A%d,%s,%d\n", i, i % 3, i % 7 ? i % 50 : -1,
                            i % 2 ? "Won" : "Lost", i);
  {
    /* "A-1" is not an account: rows with i % 7 == 0 get an empty cell instead. */
    g_autofree char *fixed = NULL;
    g_auto(GStrv) parts = g_strsplit (pipeline->str, ",A-1,", -1);
    fixed = g_strjoinv (",,", parts);
    dir = fixture ("products.csv", "product\nP0\nP1\nP2\n", "sales_pipeline.csv", fixed, NULL);
  }
  g_assert_cmpstr (indexes, ==, "opportunities_account,opportunities_stage,sqlite_autoindex_opportunities_1");

  dry = import_ok (ws, dir, TRUE);
  g_assert_cmpuint (dry->opportunities, ==, 25000);
  after = index_names (ws);
  g_assert_cmpstr (after, ==, indexes);
  g_assert_true (ks_workspace_is_empty (ws));
  g_clear_pointer (&after, g_free);

  report = import_ok (ws, dir, FALSE);
  g_assert_cmpuint (report->opportunities, ==, 25000);
  g_assert_cmpuint (report->products, ==, 3);
  /* A1..A49: i % 50 in 1..49 plus 0 → "A0"; 50 accounts. */
  g_assert_cmpuint (report->accounts, ==, 50);
  after = index_names (ws);
  g_assert_cmpstr (after, ==, indexes);
  g_assert_true (ks_workspace_check_integrity (ws, &error));
  g_assert_no_error (error);
  /* 25000 / 7 → 3571 rows without an account. */
  g_assert_nonnull (find_issue (report->warnings, "sales_pipeline.csv", "3571 opportunities have no account"));
  /* Sum over i of i for odd i ≤ 25000: 12500² = 156250000. */
  g_assert_cmpfloat (query_double (ws, "SELECT sum(value) FROM opportunities WHERE stage = ?1", "Won"),
                     ==, 156250000);
  text = query_text (ws, "SELECT p.name || '/' || a.name FROM opportunities o JOIN products p ON p.id = o.product_id "
                         "JOIN accounts a ON a.id = o.account_id WHERE o.ref = ?1", "B12345");
  g_assert_cmpstr (text, ==, "P0/A45");
  g_clear_pointer (&text, g_free);
  /* The file lists B25000 first; ids follow the refs. */
  g_clear_pointer (&text, g_free);
  text = query_text (ws, "SELECT ref FROM opportunities ORDER BY id LIMIT 1", NULL);
  g_assert_cmpstr (text, ==, "B00001");
  g_clear_pointer (&text, g_free);
  /* The rebuilt index answers like the table does. */
  g_assert_cmpfloat (query_double (ws, "SELECT count(*) FROM opportunities INDEXED BY opportunities_stage "
                                       "WHERE stage = ?1", "Lost"), ==, 12500);
}

/* New opportunities get their ids in the order of their refs as SQLite's
 * BINARY collation sorts them (bytes, then length), whatever order the file
 * has: refs sharing their first eight bytes, a ref that is the start of
 * another, and bytes above 0x7F (Ä is C3 84, after every ASCII letter). */
static void
test_ref_order (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autofree char *dir = fixture ("sales_pipeline.csv",
                                  "opportunity_id,deal_stage\n"
                                  "Ä1,Won\nABCDEFGH2,Won\nZ,Won\nABCDEFGH10,Won\nABC,Won\n"
                                  "a,Won\nABCDEFGHI,Won\nABCDEFGH,Won\n", NULL);
  g_autoptr(KsImportReport) report = import_ok (ws, dir, FALSE);
  g_autofree char *order = query_text (ws, "SELECT group_concat (ref, ' ') FROM "
                                           "(SELECT ref FROM opportunities ORDER BY id)", NULL);

  g_assert_cmpuint (report->opportunities, ==, 8);
  g_assert_cmpstr (order, ==, "ABC ABCDEFGH ABCDEFGH10 ABCDEFGH2 ABCDEFGHI Z a Ä1");
}

/* An import that is its own transaction checks foreign keys once at the end
 * instead of row by row; afterwards they are enforced again, whether the
 * import landed, was a dry run or was refused, and an import inside a
 * caller's transaction works with them on throughout. */
static void
test_foreign_keys_after (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autofree char *good = fixture ("products.csv", "product\nP1\n",
                                   "sales_pipeline.csv",
                                   "opportunity_id,product,deal_stage\nX1,P1,Won\nX2,P1,Lost\n", NULL);
  g_autofree char *bad = fixture ("sales_pipeline.csv", "opportunity_id,deal_stage\n\"X3,Won\n", NULL);
  g_autoptr(KsImportReport) dry = import_ok (ws, good, TRUE);
  g_autoptr(KsImportReport) report = NULL;
  g_autoptr(KsImportReport) refused = ks_import_report_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpfloat (query_double (ws, "PRAGMA foreign_keys", NULL), ==, 1);
  g_assert_false (ks_crm_import (ws, bad, FALSE, refused, &error));
  g_clear_error (&error);
  g_assert_cmpfloat (query_double (ws, "PRAGMA foreign_keys", NULL), ==, 1);

  g_assert_true (ks_workspace_begin (ws, "outer", &error));
  report = import_ok (ws, good, FALSE);
  g_assert_true (ks_workspace_commit (ws, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->opportunities, ==, 2);
  g_assert_cmpfloat (query_double (ws, "PRAGMA foreign_keys", NULL), ==, 1);

  /* Enforced: deleting the product empties both opportunities' product. */
  g_assert_true (ks_workspace_exec (ws, "DELETE FROM products", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (query_double (ws, "SELECT count(*) FROM opportunities WHERE product_id IS NULL", NULL),
                     ==, 2);
}

static void
test_match_key (void)
{
  const struct { const char *a, *b; gboolean same; } cases[] = {
    { "GTXPro", "GTX Pro", TRUE },
    { "gtx-pro", "GTX Pro", TRUE },
    { "Acme Corp.", "ACME CORP", TRUE },
    { "Ｇｔｘ　Ｐｒｏ", "GTX Pro", TRUE },      /* full-width letters and space */
    { "Straße", "STRASSE", TRUE },             /* case folding, not lowering */
    { "Café", "Cafe", FALSE },                 /* accents are part of the name */
    { "GTX Pro", "GTX Plus Pro", FALSE },
    { "مرحبا", "مرحبا!", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *a = ks_import_match_key (cases[i].a);
      g_autofree char *b = ks_import_match_key (cases[i].b);
      g_assert_cmpint (g_str_equal (a, b), ==, cases[i].same);
    }
  {
    g_autofree char *key = ks_import_match_key (" G.T.X  Pro! ");
    g_assert_cmpstr (key, ==, "gtxpro");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/crm-import/real-export", test_real_export);
  g_test_add_func ("/core/crm-import/dry-run", test_dry_run);
  g_test_add_func ("/core/crm-import/one-undo-step", test_one_undo_step);
  g_test_add_func ("/core/crm-import/refuse/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/core/crm-import/refuse/malformed-quotes", test_malformed_quotes);
  g_test_add_func ("/core/crm-import/refuse/field-count", test_too_many_fields);
  g_test_add_func ("/core/crm-import/refuse/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/core/crm-import/refuse/missing-key-column", test_missing_key_column);
  g_test_add_func ("/core/crm-import/refuse/empty-key", test_empty_key);
  g_test_add_func ("/core/crm-import/refuse/error-in-last-file", test_error_in_last_file);
  g_test_add_func ("/core/crm-import/quoted-fields-and-bom", test_quoted_fields_and_bom);
  g_test_add_func ("/core/crm-import/line-endings", test_line_endings);
  g_test_add_func ("/core/crm-import/long-names", test_long_names);
  g_test_add_func ("/core/crm-import/unmatched-names", test_unmatched_names);
  g_test_add_func ("/core/crm-import/keep-existing", test_keep_existing);
  g_test_add_func ("/core/crm-import/duplicates", test_duplicates);
  g_test_add_func ("/core/crm-import/bulk-import", test_bulk_import);
  g_test_add_func ("/core/crm-import/ref-order", test_ref_order);
  g_test_add_func ("/core/crm-import/foreign-keys-after", test_foreign_keys_after);
  g_test_add_func ("/core/crm-import/match-key", test_match_key);

  return g_test_run ();
}
