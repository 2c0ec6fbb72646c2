/* test-search.c — the search index: folding, prefixes, ranking, marks, and
 * that edits, undo, imports and deletions are searchable at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-search"

#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "ks-account.h"
#include "ks-contact.h"
#include "ks-crm-import.h"
#include "ks-opportunity.h"
#include "ks-plan.h"
#include "ks-schema-private.h"
#include "ks-search.h"
#include "ks-search-schema.h"
#include "ks-test-util.h"
#include "ks-workspace-sqlite.h"

/* FTS5's own check: each index holds exactly what its stored text says. */
static void
assert_index_sound (KsWorkspace *ws)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_workspace_exec (ws, "INSERT INTO search_index (search_index) VALUES ('integrity-check')",
                                    &error));
  g_assert_no_error (error);
  g_assert_true (ks_workspace_exec (ws, "INSERT INTO search_opportunities (search_opportunities)"
                                        " VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
}

static gint64
count (KsWorkspace *ws,
       const char  *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = ks_workspace_query_int (ws, sql, 0, 0, "count", &error);

  g_assert_no_error (error);
  return n;
}

/* The opportunities' index holds exactly one row per opportunity, with
 * what its trigger would write now (nothing missing, twice or stale), and
 * so does the other index for accounts and people (a CRM import writes
 * those in bulk too); FTS5 agrees with itself. Only once nothing waits to
 * be indexed. */
static void
assert_index_exact (KsWorkspace *ws)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (count (ws, "SELECT count (*) FROM search_index WHERE rowid % 16 IN (1, 3)"), ==,
                   count (ws, "SELECT (SELECT count (*) FROM accounts) + (SELECT count (*) FROM people)"));
  g_assert_cmpint (count (ws, "SELECT count (*) FROM ("
                              " SELECT rowid, account, title, body FROM search_index WHERE rowid % 16 IN (1, 3)"
                              " EXCEPT SELECT * FROM ("
                              "  SELECT " KS_SEARCH_ACCOUNT ("t") " FROM accounts t"
                              "  UNION ALL SELECT " KS_SEARCH_PERSON ("t") " FROM people t))"),
                   ==, 0);

  g_assert_cmpint (ks_search_count_pending (ws, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count (ws, "SELECT count (*) FROM search_opportunities"), ==,
                   count (ws, "SELECT count (*) FROM opportunities"));
  g_assert_cmpint (count (ws, "SELECT count (*) FROM ("
                              " SELECT rowid, account, title, body FROM search_opportunities"
                              " EXCEPT SELECT " KS_SEARCH_OPPORTUNITY ("t") " FROM opportunities t)"),
                   ==, 0);
  assert_index_sound (ws);
}

static GPtrArray *
search (KsWorkspace *ws,
        const char  *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results = ks_search_run (ws, text, 50, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

/* The index of the first result of @kind with @id, or -1. */
static int
find (GPtrArray    *results,
      KsSearchKind  kind,
      gint64        id)
{
  for (guint i = 0; i < results->len; i++)
    {
      KsSearchResult *r = g_ptr_array_index (results, i);

      if (r->kind == kind && r->id == id)
        return i;
    }
  return -1;
}

static gboolean
found (KsWorkspace  *ws,
       const char   *text,
       KsSearchKind  kind,
       gint64        id)
{
  g_autoptr(GPtrArray) results = search (ws, text);

  return find (results, kind, id) >= 0;
}

/* The text a mark covers. */
static char *
marked (const char   *text,
        const GArray *marks,
        guint         i)
{
  const KsSearchMark *m;

  g_assert_cmpuint (i, <, marks->len);
  m = &g_array_index (marks, KsSearchMark, i);
  return g_strndup (text + m->start, m->end - m->start);
}

static gint64
add_contact_with_notes (KsWorkspace *ws,
                        gint64       account_id,
                        const char  *name,
                        const char  *title,
                        const char  *notes)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ks_test_add_contact (ws, account_id, name, KS_NODE_CONTACT, KS_POWER_UNKNOWN);
  g_autoptr(KsContact) c = ks_contact_load (ws, id, &error);

  g_assert_no_error (error);
  ks_contact_set_title (c, title);
  ks_contact_set_notes (c, notes);
  g_assert_true (ks_contact_save (c, ws, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_query (void)
{
  g_autofree char *a = ks_search_build_query ("  Ham  pla ");
  g_autofree char *b = ks_search_build_query ("o'neil; DROP \"x\"*");
  g_autofree char *c = ks_search_build_query ("Müller-Lüdenscheidt");
  g_autofree char *d = ks_search_build_query (" ;-* ");

  /* Every word quoted and a prefix; everything else separates. */
  g_assert_cmpstr (a, ==, "\"Ham\"* \"pla\"*");
  g_assert_cmpstr (b, ==, "\"o\"* \"neil\"* \"DROP\"* \"x\"*");
  g_assert_cmpstr (c, ==, "\"Müller\"* \"Lüdenscheidt\"*");
  g_assert_null (d);
}

static void
test_folding_and_prefix (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", FALSE);
  gint64 acc = ks_test_add_account (ws, "Müller Maschinenbau GmbH");
  gint64 other = ks_test_add_account (ws, "Nordhafen Logistik");
  gint64 contact = add_contact_with_notes (ws, other, "Åsa Lindström", "Plant manager",
                                           "Hamburg plant: complained about late delivery in March.");
  g_autoptr(GPtrArray) none = search (ws, "   ");

  /* Accents and case fold both ways. */
  g_assert_true (found (ws, "muller", KS_SEARCH_ACCOUNT, acc));
  g_assert_true (found (ws, "MÜLLER", KS_SEARCH_ACCOUNT, acc));
  g_assert_true (found (ws, "asa lindstrom", KS_SEARCH_CONTACT, contact));
  /* Prefixes, every word, in any field of the thing. */
  g_assert_true (found (ws, "masch", KS_SEARCH_ACCOUNT, acc));
  g_assert_true (found (ws, "ham pla deliv", KS_SEARCH_CONTACT, contact));
  /* Every word must match: "müller" is not in the contact. */
  g_assert_false (found (ws, "hamburg muller", KS_SEARCH_CONTACT, contact));
  /* A prefix of a word, not a piece from its middle. */
  g_assert_false (found (ws, "aschinen", KS_SEARCH_ACCOUNT, acc));
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_marks_and_snippet (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", FALSE);
  gint64 acc = ks_test_add_account (ws, "Nordhafen Logistik");
  gint64 contact = add_contact_with_notes (ws, acc, "Jonas Weber", "Head of purchasing",
                                           "Hamburg plant: complained about late delivery in March.");
  g_autoptr(GPtrArray) results = search (ws, "deliv");
  KsSearchResult *r;
  g_autofree char *word = NULL;
  g_autofree char *markup = NULL;
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (KsSearchMark));
  KsSearchMark m = { 8, 15 };

  g_assert_cmpint (find (results, KS_SEARCH_CONTACT, contact), ==, 0);
  r = g_ptr_array_index (results, 0);
  g_assert_cmpstr (r->title, ==, "Jonas Weber");
  g_assert_cmpuint (r->title_marks->len, ==, 0);
  g_assert_cmpstr (r->account, ==, "Nordhafen Logistik");
  g_assert_cmpint (r->account_id, ==, acc);
  /* The snippet is the field that matched (notes, not the job title),
   * with the whole word marked. */
  g_assert_cmpstr (r->field, ==, "notes");
  g_assert_cmpstr (r->snippet, ==, "Hamburg plant: complained about late delivery in March.");
  word = marked (r->snippet, r->snippet_marks, 0);
  g_assert_cmpstr (word, ==, "delivery");

  /* Markup escapes the text around and inside the marks: in
   * "a <b> & Müller", "Müller" starts at byte 8 (a, space, <, b, >, space,
   * &, space) and is 7 bytes long (ü is two), so the mark is 8 .. 15. */
  g_array_append_val (marks, m);
  markup = ks_search_markup ("a <b> & Müller", marks);
  g_assert_cmpstr (markup, ==, "a &lt;b&gt; &amp; <b>Müller</b>");
  g_array_unref (marks);
}

static void
test_long_snippet (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", FALSE);
  gint64 acc = ks_test_add_account (ws, "Hallberg Group");
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) a = ks_account_load (ws, acc, &error);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *word = NULL;
  KsSearchResult *r;

  /* 40 × "filler " (280 bytes), the word, 40 × " filler". */
  for (int i = 0; i < 40; i++)
    g_string_append (notes, "filler ");
  g_string_append (notes, "Malmö");
  for (int i = 0; i < 40; i++)
    g_string_append (notes, " filler");
  ks_account_set_notes (a, notes->str);
  g_assert_true (ks_account_save (a, ws, &error));

  results = search (ws, "malmo");
  g_assert_cmpuint (results->len, ==, 1);
  r = g_ptr_array_index (results, 0);
  g_assert_cmpstr (r->field, ==, "notes");
  /* Cut around the match: it starts with an ellipsis, is at most 100
   * bytes of text plus two ellipses (3 bytes each), and keeps the match. */
  g_assert_true (g_str_has_prefix (r->snippet, "…"));
  g_assert_true (g_str_has_suffix (r->snippet, "…"));
  g_assert_cmpuint (strlen (r->snippet), <=, 100 + 6);
  word = marked (r->snippet, r->snippet_marks, 0);
  g_assert_cmpstr (word, ==, "Malmö");
}

static void
test_ranking (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", FALSE);
  gint64 named = ks_test_add_account (ws, "Delivery Partners AG");
  gint64 other = ks_test_add_account (ws, "Nordhafen Logistik");
  gint64 noted = add_contact_with_notes (ws, other, "Jonas Weber", "", "asked about delivery");
  gint64 person = ks_test_add_person (ws, "Erik Delvaux", 0);
  g_autoptr(GPtrArray) results = search (ws, "del");
  KsSearchResult *first, *second, *third;

  /* Three things match "del": the account by its name ("Delivery"), the
   * person by his name ("Delvaux"), the contact by its notes
   * ("delivery"). A match in what names a thing counts ten times one in
   * its other text, so both names come before the notes; of the two
   * names, the account's has three words and the person's two, and bm25
   * favours the shorter one: person, account, contact. */
  g_assert_cmpuint (results->len, ==, 3);
  first = g_ptr_array_index (results, 0);
  second = g_ptr_array_index (results, 1);
  third = g_ptr_array_index (results, 2);
  g_assert_true (first->kind == KS_SEARCH_PERSON && first->id == person);
  g_assert_true (second->kind == KS_SEARCH_ACCOUNT && second->id == named);
  g_assert_true (third->kind == KS_SEARCH_CONTACT && third->id == noted);
  g_assert_cmpfloat (first->score, <=, second->score);
  g_assert_cmpfloat (second->score, <, third->score);
  g_assert_cmpstr (first->account, ==, "");
  g_assert_cmpint (first->account_id, ==, 0);
}

/* Edits, undo, redo and deletes are searchable at once (one index,
 * kept by triggers in the same transaction). */
static void
test_edit_undo_delete (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(GError) error = NULL;
  gint64 acc = ks_test_add_account (ws, "Kessler Automotive");
  gint64 contact = add_contact_with_notes (ws, acc, "Lena Schröder", "Buyer", "");
  g_autoptr(KsAccount) a = ks_account_load (ws, acc, &error);
  g_autoptr(KsContact) c = NULL;
  gint64 opp = ks_test_add_opportunity (ws, "NW-1", "Line 2 retrofit", acc, 0, 1, 1000);

  /* The opportunity's text holds its account's name. */
  g_assert_true (found (ws, "kessler retro", KS_SEARCH_OPPORTUNITY, opp));

  ks_account_set_name (a, "Kessler Antriebstechnik");
  g_assert_true (ks_account_save (a, ws, &error));
  g_assert_no_error (error);
  g_assert_true (found (ws, "antrieb", KS_SEARCH_ACCOUNT, acc));
  g_assert_false (found (ws, "automotive", KS_SEARCH_ACCOUNT, acc));
  /* ... and follows a rename. */
  g_assert_true (found (ws, "antrieb retro", KS_SEARCH_OPPORTUNITY, opp));
  g_assert_false (found (ws, "automotive retro", KS_SEARCH_OPPORTUNITY, opp));

  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_no_error (error);
  g_assert_true (found (ws, "automotive", KS_SEARCH_ACCOUNT, acc));
  g_assert_false (found (ws, "antrieb", KS_SEARCH_ACCOUNT, acc));
  g_assert_true (found (ws, "automotive retro", KS_SEARCH_OPPORTUNITY, opp));

  g_assert_true (ks_workspace_redo (ws, &error));
  g_assert_true (found (ws, "antrieb", KS_SEARCH_ACCOUNT, acc));

  /* A deleted contact is gone; undoing the delete brings it back. */
  c = ks_contact_load (ws, contact, &error);
  g_assert_nonnull (c);
  g_assert_true (found (ws, "schroder", KS_SEARCH_CONTACT, contact));
  g_assert_true (ks_contact_delete (ws, contact, &error));
  g_assert_false (found (ws, "schroder", KS_SEARCH_CONTACT, contact));
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_true (found (ws, "schroder", KS_SEARCH_CONTACT, contact));

  /* Deleting the account takes its contacts with it (a cascade), and its
   * opportunity keeps only its own text. */
  g_assert_true (ks_account_delete (ws, acc, &error));
  g_assert_no_error (error);
  g_assert_false (found (ws, "kessler", KS_SEARCH_ACCOUNT, acc));
  g_assert_false (found (ws, "schroder", KS_SEARCH_CONTACT, contact));
  g_assert_false (found (ws, "kessler", KS_SEARCH_OPPORTUNITY, opp));
  g_assert_true (found (ws, "retrofit", KS_SEARCH_OPPORTUNITY, opp));
  assert_index_sound (ws);
  /* Undoing the delete brings all of it back, in the index too. */
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_true (found (ws, "kessler", KS_SEARCH_ACCOUNT, acc));
  g_assert_true (found (ws, "schroder", KS_SEARCH_CONTACT, contact));
  g_assert_true (found (ws, "antrieb retro", KS_SEARCH_OPPORTUNITY, opp));
  assert_index_sound (ws);
}

static void
test_plan_texts (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(GError) error = NULL;
  gint64 acc = ks_test_add_account (ws, "Hallberg Group");
  KsPlanValue v = { (char *) "Strong service network in the Nordics", NAN, 0 };
  g_autoptr(GPtrArray) results = NULL;
  KsSearchResult *r;
  gint64 item;

  g_assert_true (ks_plan_set_field (ws, acc, "strengths", &v, &error));
  g_assert_no_error (error);
  results = search (ws, "nordic");
  g_assert_cmpint (find (results, KS_SEARCH_PLAN, acc), ==, 0);
  r = g_ptr_array_index (results, 0);
  /* The field that matched names the result, as the plan labels it. */
  g_assert_cmpstr (r->field, ==, "strengths");
  g_assert_cmpstr (r->title, ==, "Strengths");
  g_assert_cmpstr (r->account, ==, "Hallberg Group");

  item = ks_plan_add_item (ws, acc, KS_PLAN_MEETINGS, NULL, &error);
  g_assert_cmpint (item, >, 0);
  v.text = (char *) "Visited the Göteborg warehouse";
  g_assert_true (ks_plan_set_item_field (ws, KS_PLAN_MEETINGS, item, "notes", &v, &error));
  g_assert_no_error (error);
  g_assert_true (found (ws, "goteborg", KS_SEARCH_MEETING, item));
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_false (found (ws, "goteborg", KS_SEARCH_MEETING, item));
  g_assert_true (ks_plan_delete_item (ws, KS_PLAN_MEETINGS, item, &error));
  g_assert_false (found (ws, "visited", KS_SEARCH_MEETING, item));
}

static void
write_crm (const char *dir,
           guint       n_opportunities,
           const char *first_ref)
{
  g_autoptr(GString) pipeline = g_string_new ("opportunity_id,sales_agent,product,account,deal_stage,"
                                              "engage_date,close_date,close_value\n");
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  for (guint i = 0; i < n_opportunities; i++)
    g_string_append_printf (pipeline, "%s%05u,Anna Snelling,GTX Pro,Zwickauer Präzision,Won,"
                            "2026-01-05,2026-02-01,1000\n", first_ref, i);
  a = ks_test_write_file (dir, "accounts.csv",
                          "account,sector,year_established,revenue,employees,office_location,subsidiary_of\n"
                          "Zwickauer Präzision,technolgy,1990,12.5,300,Germany,\n", -1);
  b = ks_test_write_file (dir, "sales_teams.csv",
                          "sales_agent,manager,regional_office\nAnna Snelling,Dustin Brinkmann,Central\n", -1);
  c = ks_test_write_file (dir, "products.csv", "product,series,sales_price\nGTX Pro,GTX,4821\n", -1);
  d = ks_test_write_file (dir, "sales_pipeline.csv", pipeline->str, -1);
}

/* An import, row by row (a few rows) and in bulk (2,500 new rows drop the
 * insert trigger and index them in one statement): both searchable at
 * once, and the trigger is back for the next single insert. */
static void
test_import (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autofree char *small = ks_test_tmpdir ();
  g_autofree char *large = ks_test_tmpdir ();
  g_autoptr(GError) error = NULL;
  KsImportReport *report = ks_import_report_new ();
  g_autoptr(GPtrArray) results = NULL;
  gint64 opp;

  write_crm (small, 3, "SMALL");
  g_assert_true (ks_crm_import (ws, small, FALSE, report, &error));
  g_assert_no_error (error);
  results = search (ws, "small00002");
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpint (((KsSearchResult *) g_ptr_array_index (results, 0))->kind, ==, KS_SEARCH_OPPORTUNITY);
  g_clear_pointer (&results, g_ptr_array_unref);
  /* The imported account folds too. */
  results = search (ws, "zwickauer prazision");
  g_assert_cmpuint (results->len, >=, 1);
  g_assert_cmpint (((KsSearchResult *) g_ptr_array_index (results, 0))->kind, ==, KS_SEARCH_ACCOUNT);
  g_clear_pointer (&results, g_ptr_array_unref);

  ks_import_report_free (report);
  report = ks_import_report_new ();
  write_crm (large, 2500, "BULK");
  g_assert_true (ks_crm_import (ws, large, FALSE, report, &error));
  g_assert_no_error (error);
  /* The last of 2,500: BULK02499; it names its account and product too. */
  results = search (ws, "bulk02499");
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (((KsSearchResult *) g_ptr_array_index (results, 0))->account, ==, "Zwickauer Präzision");
  g_clear_pointer (&results, g_ptr_array_unref);
  results = search (ws, "bulk02499 gtx zwick");
  g_assert_cmpuint (results->len, ==, 1);
  g_clear_pointer (&results, g_ptr_array_unref);
  /* The manager came in as a name in sales_teams.csv and was given his
   * title by a second statement of the import: one result, titled. */
  results = search (ws, "brinkmann");
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpint (((KsSearchResult *) g_ptr_array_index (results, 0))->kind, ==, KS_SEARCH_PERSON);
  g_assert_cmpstr (((KsSearchResult *) g_ptr_array_index (results, 0))->snippet, ==, "Sales manager");
  g_clear_pointer (&results, g_ptr_array_unref);
  assert_index_exact (ws);

  /* Undoing the import takes its rows out of the index. */
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_no_error (error);
  g_assert_false (found (ws, "bulk02499", KS_SEARCH_OPPORTUNITY, 3 + 2500));
  results = search (ws, "bulk");
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* The insert trigger came back after the bulk load. */
  opp = ks_test_add_opportunity (ws, "SINGLE-1", "Spare parts framework", 0, 0, 1, NAN);
  g_assert_true (found (ws, "spare frame", KS_SEARCH_OPPORTUNITY, opp));
  assert_index_exact (ws);
  ks_import_report_free (report);
}

static void
import_crm (KsWorkspace *ws,
            guint        n,
            const char  *first_ref)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  g_autoptr(GError) error = NULL;

  write_crm (dir, n, first_ref);
  g_assert_true (ks_crm_import (ws, dir, FALSE, report, &error));
  g_assert_no_error (error);
}

static guint
n_found (KsWorkspace *ws,
         const char  *text)
{
  g_autoptr(GPtrArray) results = search (ws, text);

  return results->len;
}

static void
count_changes (KsWorkspace *ws,
               const char  *table,
               guint       *n)
{
  (*n)++;
}

/* A bulk import (2,000 new rows or more) leaves its opportunities out of
 * the index and notes their ids; the first search indexes them, in a
 * transaction that is no undo step and no news, so the import is still
 * searchable at once. */
static void
test_deferred_import (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *label = NULL;
  guint changes = 0;

  import_crm (ws, 2500, "BULK");
  /* Nothing indexed yet: 2,500 opportunities wait, as one range 1 .. 2500. */
  g_assert_cmpint (count (ws, "SELECT count (*) FROM search_opportunities"), ==, 0);
  g_assert_cmpint (ks_search_count_pending (ws, &error), ==, 2500);
  g_assert_cmpint (count (ws, "SELECT count (*) FROM search_pending WHERE lo = 1 AND hi = 2500"), ==, 1);
  label = g_strdup (ks_workspace_get_undo_label (ws));
  g_assert_nonnull (label);

  /* The first search finds the last of them, with its account. */
  g_signal_connect (ws, "changed", G_CALLBACK (count_changes), &changes);
  results = search (ws, "bulk02499 gtx zwick");
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (((KsSearchResult *) g_ptr_array_index (results, 0))->account, ==, "Zwickauer Präzision");
  g_assert_cmpint (count (ws, "SELECT count (*) FROM search_pending"), ==, 0);
  assert_index_exact (ws);
  /* No signal, no undo step: undo is still the import. */
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, label);
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (ws, "SELECT count (*) FROM opportunities"), ==, 0);
  g_assert_cmpuint (n_found (ws, "bulk"), ==, 0);
  assert_index_exact (ws);
}

/* Undo and redo of an import nobody searched yet, edits of waiting rows,
 * and imports that accumulate: the index ends exactly right. */
static void
test_deferred_undo_redo (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(KsOpportunity) o = NULL;
  gint64 acc;

  import_crm (ws, 2500, "BULK");
  /* Undo deletes the rows (the delete trigger has nothing to remove); the
   * range stays, with nothing in it to index. */
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_search_count_pending (ws, &error), ==, 0);
  g_assert_cmpint (count (ws, "SELECT count (*) FROM search_pending"), ==, 1);
  /* Redo, nobody having searched: the rows come back through the undo
   * log, the trigger indexing each, while their range still waits. The
   * catch-up indexes none of them twice. */
  g_assert_true (ks_workspace_redo (ws, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (ws, "SELECT count (*) FROM search_opportunities"), ==, 2500);
  g_assert_cmpint (ks_search_count_pending (ws, &error), ==, 0);
  g_assert_cmpint (count (ws, "SELECT count (*) FROM search_pending"), ==, 1);
  g_assert_true (ks_search_catch_up (ws, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_found (ws, "bulk00000"), ==, 1);
  assert_index_exact (ws);

  /* Undo and a search in between: the search catches up a range of
   * deleted rows, which is no undo step, so redo is still there. */
  g_assert_true (ks_workspace_undo (ws, &error));
  import_crm (ws, 2500, "BULK");
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_cmpuint (n_found (ws, "bulk"), ==, 0);
  g_assert_true (ks_workspace_can_redo (ws));
  g_assert_true (ks_workspace_redo (ws, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_found (ws, "bulk02499"), ==, 1);
  assert_index_exact (ws);

  /* A second import waits next to the first (ids 2501 .. 4500: one range
   * 2501 .. 4500). Renaming the account re-indexes all its opportunities
   * through the trigger, waiting ones too; editing and deleting waiting
   * rows goes through the triggers as well. */
  import_crm (ws, 2000, "MORE");
  g_assert_cmpint (ks_search_count_pending (ws, &error), ==, 2000);
  acc = ks_workspace_query_int (ws, "SELECT id FROM accounts WHERE name = 'Zwickauer Präzision'",
                                0, 0, "account", &error);
  g_assert_cmpint (acc, >, 0);
  {
    g_autoptr(KsAccount) a = ks_account_load (ws, acc, &error);

    ks_account_set_name (a, "Zwickau Precision");
    g_assert_true (ks_account_save (a, ws, &error));
    g_assert_no_error (error);
  }
  /* 2,000 waiting, all of them indexed by the rename: 2000 − 2000 = 0. */
  g_assert_cmpint (ks_search_count_pending (ws, &error), ==, 0);
  g_assert_true (ks_workspace_undo (ws, &error));
  /* The undone rename re-indexed them again: still none waiting. */
  g_assert_cmpint (ks_search_count_pending (ws, &error), ==, 0);
  /* More2 is id 2500 + 3 = 2503; the last import's last row is id 4500. */
  o = ks_opportunity_load (ws, 2503, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ks_opportunity_get_ref (o), ==, "MORE00002");
  ks_opportunity_set_title (o, "Gearbox retrofit");
  g_assert_true (ks_opportunity_save (o, ws, &error));
  g_assert_no_error (error);
  g_assert_true (ks_opportunity_delete (ws, 4500, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_found (ws, "gearbox zwickauer"), ==, 1);
  g_assert_cmpuint (n_found (ws, "more01999"), ==, 0);
  g_assert_cmpuint (n_found (ws, "more01998"), ==, 1);
  assert_index_exact (ws);
}

/* Imports accumulate: an import after an undone one gets the same ids
 * again, and the ranges merge rather than overlap. */
static void
test_deferred_accumulate (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(GError) error = NULL;
  gboolean done = TRUE;

  import_crm (ws, 2500, "ONE");     /* ids 1 .. 2500 */
  import_crm (ws, 2500, "TWO");     /* ids 2501 .. 5000, touching: one range */
  g_assert_cmpint (count (ws, "SELECT count (*) FROM search_pending WHERE lo = 1 AND hi = 5000"), ==, 1);
  g_assert_cmpint (count (ws, "SELECT count (*) FROM search_pending"), ==, 1);
  g_assert_cmpint (ks_search_count_pending (ws, &error), ==, 5000);
  g_assert_true (ks_workspace_undo (ws, &error));   /* TWO goes: 2,500 wait */
  g_assert_cmpint (ks_search_count_pending (ws, &error), ==, 2500);
  import_crm (ws, 2000, "THREE");   /* ids 2501 .. 4500 again, inside 1 .. 5000 */
  g_assert_cmpint (count (ws, "SELECT count (*) FROM search_pending WHERE lo = 1 AND hi = 5000"), ==, 1);
  g_assert_cmpint (ks_search_count_pending (ws, &error), ==, 2500 + 2000);

  /* A slice at a time, as the app does on idle: ids 1 .. 2000, then
   * 2001 .. 4000, then 4001 .. 5000 (of which 4001 .. 4500 exist). */
  g_assert_true (ks_search_catch_up_some (ws, 2000, &done, &error));
  g_assert_no_error (error);
  g_assert_false (done);
  g_assert_cmpint (ks_search_count_pending (ws, &error), ==, 4500 - 2000);
  g_assert_cmpint (count (ws, "SELECT count (*) FROM search_pending WHERE lo = 2001 AND hi = 5000"), ==, 1);
  g_assert_true (ks_search_catch_up_some (ws, 2000, &done, &error));
  g_assert_false (done);
  g_assert_cmpint (ks_search_count_pending (ws, &error), ==, 4500 - 4000);
  g_assert_true (ks_search_catch_up_some (ws, 2000, &done, &error));
  g_assert_true (done);
  g_assert_cmpint (count (ws, "SELECT count (*) FROM search_pending"), ==, 0);
  g_assert_cmpuint (n_found (ws, "two"), ==, 0);
  g_assert_cmpuint (n_found (ws, "three01999"), ==, 1);
  g_assert_cmpuint (n_found (ws, "one00000"), ==, 1);
  assert_index_exact (ws);
  /* Undoing THREE after the catch-up takes its rows out of the index. */
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_cmpuint (n_found (ws, "three"), ==, 0);
  assert_index_exact (ws);
}

/* A read-only workspace cannot catch up: it searches what is indexed and
 * says how many opportunities are not searchable yet. */
static void
test_deferred_read_only (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "imported.keystone", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(KsWorkspace) ws = ks_test_open_workspace (path, FALSE);

    import_crm (ws, 2500, "BULK");
  }
  {
    g_autoptr(KsWorkspace) ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_cmpint (ks_search_count_pending (ws, &error), ==, 2500);
    g_assert_cmpuint (n_found (ws, "bulk02499"), ==, 0);
    /* The account came in row by row: it is there. */
    g_assert_cmpuint (n_found (ws, "zwickauer"), ==, 1);
    g_assert_false (ks_search_catch_up (ws, &error));
    g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }
  {
    g_autoptr(KsWorkspace) ws = ks_test_open_workspace (path, FALSE);

    g_assert_cmpuint (n_found (ws, "bulk02499"), ==, 1);
    assert_index_exact (ws);
  }
}

/* A dry run, and an import refused at its last row, roll back: the
 * dropped triggers are back and nothing waits to be indexed. */
static void
test_import_rolled_back (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *bad = NULL;
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  g_autoptr(GError) error = NULL;
  const char *triggers = "SELECT count (*) FROM sqlite_schema WHERE type = 'trigger' AND name GLOB 'search_*'";
  gint64 n_triggers = count (ws, triggers);
  gint64 acc, opp;

  /* Three triggers on each of the ten indexed tables, and an account's
   * and a product's rename and return. */
  g_assert_cmpint (n_triggers, ==, 3 * 10 + 4);
  write_crm (dir, 2500, "DRY");
  g_assert_true (ks_crm_import (ws, dir, TRUE, report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (ws, triggers), ==, n_triggers);
  g_assert_cmpint (count (ws, "SELECT count (*) FROM search_pending"), ==, 0);
  g_assert_cmpint (count (ws, "SELECT count (*) FROM opportunities"), ==, 0);

  /* The pipeline's last line opens a quote it never closes: the whole
   * import is refused after people and accounts were written. */
  bad = g_strdup_printf ("%s/sales_pipeline.csv", dir);
  {
    g_autofree char *text = NULL;
    g_autofree char *more = NULL;

    g_assert_true (g_file_get_contents (bad, &text, NULL, NULL));
    more = g_strconcat (text, "BAD00001,\"Anna Snelling,GTX Pro\n", NULL);
    g_assert_true (g_file_set_contents (bad, more, -1, NULL));
  }
  g_assert_false (ks_crm_import (ws, dir, FALSE, report, &error));
  g_clear_error (&error);
  g_assert_cmpint (count (ws, triggers), ==, n_triggers);
  g_assert_cmpint (count (ws, "SELECT count (*) FROM search_pending"), ==, 0);
  g_assert_cmpint (count (ws, "SELECT count (*) FROM accounts"), ==, 0);

  /* And the triggers work: single rows are indexed at once. */
  acc = ks_test_add_account (ws, "Zwickauer Präzision");
  opp = ks_test_add_opportunity (ws, "ONE-1", "Spindle retrofit", acc, 0, 1, NAN);
  g_assert_cmpint (count (ws, "SELECT count (*) FROM search_opportunities"), ==, 1);
  g_assert_true (found (ws, "spindle zwick", KS_SEARCH_OPPORTUNITY, opp));
  assert_index_exact (ws);
}

/* More than 500 opportunities match: the newest 500 are ranked, and the
 * limit holds. */
static void
test_many_opportunities (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", FALSE);
  gint64 acc = ks_test_add_account (ws, "Hallberg Group");
  gint64 first = 0, last = 0;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 600; i++)
    {
      g_autofree char *ref = g_strdup_printf ("SC-%03d", i);
      gint64 id = ks_test_add_opportunity (ws, ref, "Service contract", acc, 0, 1, NAN);

      if (i == 0)
        first = id;
      last = id;
    }
  results = ks_search_run (ws, "service", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 50);
  /* Ids are given in order: the newest 500 are first + 100 .. last. */
  g_assert_cmpint (last - first, ==, 599);
  for (guint i = 0; i < results->len; i++)
    {
      KsSearchResult *r = g_ptr_array_index (results, i);

      g_assert_cmpint (r->kind, ==, KS_SEARCH_OPPORTUNITY);
      g_assert_cmpint (r->id, >=, first + 100);
    }
  g_clear_pointer (&results, g_ptr_array_unref);
  /* Typing more finds an old one again. */
  results = ks_search_run (ws, "service sc-004", 50, &error);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpint (((KsSearchResult *) g_ptr_array_index (results, 0))->id, ==, first + 4);
}

/* A workspace from before the search index gets it when opened, filled
 * from what it holds (whichever step the index is, and whatever follows). */
static void
test_migration (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.keystone", NULL);
  g_autofree char *version = NULL;
  g_autoptr(GError) error = NULL;
  guint step = 0;
  sqlite3 *db = NULL;

  for (guint v = 1; v <= ks_schema_latest_version () && !step; v++)
    if (strstr (ks_schema_migration (v), "CREATE VIRTUAL TABLE search_index"))
      step = v;
  g_assert_cmpuint (step, >=, 8);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint v = 1; v < step; v++)
    g_assert_cmpint (sqlite3_exec (db, ks_schema_migration (v), NULL, NULL, NULL), ==, SQLITE_OK);
  version = g_strdup_printf ("PRAGMA user_version = %u; PRAGMA application_id = 1265850219;", step - 1);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO accounts (id, name, notes) VALUES (5, 'Åre Skidanläggningar', 'Lifts');"
                                 "INSERT INTO contacts (id, account_id, name, notes)"
                                 " VALUES (9, 5, 'Ingrid Öberg', 'Runs the Duved depot');"
                                 "INSERT INTO products (id, name) VALUES (2, 'Snowmaker');"
                                 "INSERT INTO opportunities (id, ref, title, account_id, product_id)"
                                 " VALUES (4, 'AS-1', 'Lift sensors', 5, 2);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, version, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  {
    g_autoptr(KsWorkspace) ws = ks_test_open_workspace (path, TRUE);

    g_assert_cmpuint (ks_workspace_get_schema_version (ws), ==, ks_workspace_latest_schema_version ());
    g_assert_true (found (ws, "are skidanlagg", KS_SEARCH_ACCOUNT, 5));
    g_assert_true (found (ws, "oberg duved", KS_SEARCH_CONTACT, 9));
    /* The opportunity with its account's and product's names. */
    g_assert_true (found (ws, "lift snowm skid", KS_SEARCH_OPPORTUNITY, 4));
    /* Three triggers per table of the ten indexed; an account's and a
     * product's rename and return. */
    g_assert_cmpint (ks_workspace_query_int (ws, "SELECT count (*) FROM sqlite_schema"
                                                 " WHERE type = 'trigger' AND name GLOB 'search_*'",
                                             0, 0, "count", &error), ==, 3 * 10 + 4);
    assert_index_sound (ws);
    /* Nothing waits: the step indexed every opportunity. */
    g_assert_cmpint (count (ws, "SELECT count (*) FROM search_pending"), ==, 0);
    assert_index_exact (ws);
    /* And it is kept from now on. */
    ks_test_add_account (ws, "Sälen Fjällanläggning");
    g_assert_true (found (ws, "salen", KS_SEARCH_ACCOUNT, 6));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/search/query", test_query);
  g_test_add_func ("/core/search/folding-and-prefix", test_folding_and_prefix);
  g_test_add_func ("/core/search/marks-and-snippet", test_marks_and_snippet);
  g_test_add_func ("/core/search/long-snippet", test_long_snippet);
  g_test_add_func ("/core/search/ranking", test_ranking);
  g_test_add_func ("/core/search/edit-undo-delete", test_edit_undo_delete);
  g_test_add_func ("/core/search/plan-texts", test_plan_texts);
  g_test_add_func ("/core/search/import", test_import);
  g_test_add_func ("/core/search/deferred-import", test_deferred_import);
  g_test_add_func ("/core/search/deferred-undo-redo", test_deferred_undo_redo);
  g_test_add_func ("/core/search/deferred-accumulate", test_deferred_accumulate);
  g_test_add_func ("/core/search/deferred-read-only", test_deferred_read_only);
  g_test_add_func ("/core/search/import-rolled-back", test_import_rolled_back);
  g_test_add_func ("/core/search/many-opportunities", test_many_opportunities);
  g_test_add_func ("/core/search/migration", test_migration);
  return g_test_run ();
}
