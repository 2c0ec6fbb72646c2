/* bench-search.c — the search as typed, over ×10 and ×100 CRM data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-search [--data DIR] [--scales 10,100] [--runs N] [--slice N]
 *
 * For each scale N the workspace is DATA/xN-search.keystone, imported once
 * from DATA/xN (gen-data.py) and reused while it is of the current schema.
 * Each query of QUERIES is typed a character at a time; every keystroke
 * runs what the search dialog runs (ks_search_run, 60 results with their
 * marks and snippets). Reported: mean and slowest keystroke, best of
 * --runs. Target: first results ≤ 50 ms as typed.
 *
 * When the workspace is (re)made, the first search after its import is
 * reported too: a large import leaves its opportunities for the search
 * index to catch up on (ks_search_catch_up), which that search does
 * first; and, on a copy made before it, the app's way: slices of
 * --slice ids (ks_search_catch_up_some, one transaction each),
 * slowest slice and total. Delete DATA/xN-search.keystone to measure
 * them again.
 *
 * Baselines, the same keystrokes on a second connection to the same file:
 *   fts   the bare FTS5 query (every match of both indexes ranked by
 *         bm25, 60 rowids, no marks, no snippets)
 *   like  what search would cost without an index: names and texts
 *         LIKE '%text%' over accounts, people and opportunities (with
 *         their product's and account's names), 60 rows
 */
#define G_LOG_DOMAIN "bench-search"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "ks-crm-import.h"
#include "ks-search.h"
#include "ks-workspace.h"

#define LIMIT 60
/* As the app's idle (src/app/ks-window-import-export.c); --slice N. */
static guint catch_up_slice = 2000;

/* What a user would type: an account, a product, one of our people, an
 * opportunity id, an account with its copy number, two words at once. */
static const char *const queries[] = {
  "acme corp", "gtx pro", "anna snel", "1c1i7a", "rangreen 4", "mg special",
};

typedef struct
{
  double sum_ms;
  double max_ms;
  guint  n;
  char  *slowest;   /* the text typed at the slowest keystroke */
} Stat;

static void
stat_add (Stat       *s,
          double      ms,
          const char *text)
{
  s->sum_ms += ms;
  s->n++;
  if (ms > s->max_ms)
    {
      s->max_ms = ms;
      g_free (s->slowest);
      s->slowest = g_strdup (text);
    }
}

static double
stat_mean (const Stat *s)
{
  return s->n ? s->sum_ms / s->n : 0;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static char *
ensure_workspace (const char *data,
                  guint       scale,
                  GError    **error)
{
  g_autofree char *name = g_strdup_printf ("x%u-search.keystone", scale);
  g_autofree char *folder_name = g_strdup_printf ("x%u", scale);
  g_autofree char *folder = g_build_filename (data, folder_name, NULL);
  char *path = g_build_filename (data, name, NULL);
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsImportReport) report = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_READ_ONLY, NULL);
      if (ws && ks_workspace_get_schema_version (ws) == ks_workspace_latest_schema_version ())
        return path;
      g_clear_object (&ws);
      g_remove (path);
    }
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "%s is missing; run bench/gen-data.py %u", folder, scale);
      g_free (path);
      return NULL;
    }
  report = ks_import_report_new ();
  if (!(ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_CREATE, error)) ||
      !ks_crm_import (ws, folder, FALSE, report, error))
    {
      g_free (path);
      return NULL;
    }
  {
    g_autofree char *copy_path = g_strconcat (path, "-slices", NULL);
    g_autoptr(KsWorkspace) copy = NULL;
    g_autoptr(GPtrArray) results = NULL;
    gint64 waiting = ks_search_count_pending (ws, NULL);
    double t0, t1, slowest = 0, total = 0;
    gboolean done = FALSE;
    guint n = 0;

    if (!ks_workspace_save_copy (ws, copy_path, error))
      {
        g_free (path);
        return NULL;
      }
    t0 = now_ms ();
    results = ks_search_run (ws, queries[0], LIMIT, error);
    t1 = now_ms ();
    if (!results || !(copy = ks_workspace_open (copy_path, KS_WORKSPACE_OPEN_DEFAULT, error)))
      {
        g_free (path);
        return NULL;
      }
    g_print ("| first search after the import ×%u (“%s”: indexes the %" G_GINT64_FORMAT
             " opportunities the import left, then searches) | %.0f ms | | | |\n",
             scale, queries[0], waiting, t1 - t0);
    while (!done)
      {
        double s0 = now_ms ();

        if (!ks_search_catch_up_some (copy, catch_up_slice, &done, error))
          {
            g_free (path);
            return NULL;
          }
        slowest = MAX (slowest, now_ms () - s0);
        total += now_ms () - s0;
        n++;
      }
    g_print ("| the app's catch-up after the import ×%u: %u slices of %u ids, slowest (total %.0f ms) | %.1f ms | | | |\n",
             scale, n, catch_up_slice, total, slowest);
    g_clear_object (&copy);
    g_remove (copy_path);
  }
  return path;
}

/* Steps @stmt to its end, counting rows. */
static guint
drain (sqlite3_stmt *stmt)
{
  guint n = 0;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    n++;
  sqlite3_reset (stmt);
  return n;
}

/* The bare FTS5 query for @text: both indexes, ranked, LIMIT rowids. */
static void
baseline_fts (sqlite3_stmt *small,
              sqlite3_stmt *opportunities,
              const char   *text)
{
  g_autofree char *query = ks_search_build_query (text);

  if (!query)
    return;
  sqlite3_bind_text (small, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (opportunities, 1, query, -1, SQLITE_TRANSIENT);
  drain (small);
  drain (opportunities);
}

/* LIKE '%text%' over names and texts (the whole text as one pattern). */
static void
baseline_like (sqlite3_stmt *stmt,
               const char   *text)
{
  g_autofree char *pattern = g_strdup_printf ("%%%s%%", text);

  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  drain (stmt);
}

static gboolean
run_scale (const char *data,
           guint       scale,
           guint       runs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ensure_workspace (data, scale, &error);
  g_autoptr(KsWorkspace) ws = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *fts_small = NULL, *fts_opp = NULL, *like = NULL;
  Stat best = { 0, G_MAXDOUBLE, 0, NULL }, fts = { 0 }, lk = { 0 };
  guint n_results_last = 0;

  if (!path || !(ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_READ_ONLY, &error)))
    {
      g_printerr ("bench-search: %s\n", error->message);
      return FALSE;
    }
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT rowid FROM search_index WHERE search_index MATCH ?1"
                              " ORDER BY rank LIMIT 60", -1, &fts_small, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT rowid FROM search_opportunities WHERE search_opportunities MATCH ?1"
                              " ORDER BY rank LIMIT 60", -1, &fts_opp, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "SELECT 'account', id FROM accounts"
                          " WHERE name LIKE ?1 OR sector LIKE ?1 OR country LIKE ?1 OR notes LIKE ?1"
                          " UNION ALL SELECT 'person', id FROM people"
                          " WHERE name LIKE ?1 OR title LIKE ?1 OR team LIKE ?1 OR region LIKE ?1"
                          " UNION ALL SELECT 'opportunity', o.id FROM opportunities o"
                          " LEFT JOIN accounts a ON a.id = o.account_id"
                          " LEFT JOIN products p ON p.id = o.product_id"
                          " WHERE o.ref LIKE ?1 OR o.title LIKE ?1 OR a.name LIKE ?1 OR p.name LIKE ?1"
                          " LIMIT 60", -1, &like, NULL) != SQLITE_OK)
    {
      g_printerr ("bench-search: %s\n", sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }

  for (guint run = 0; run < runs; run++)
    {
      Stat stat = { 0 };

      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          const char *full = queries[q];

          for (const char *end = g_utf8_next_char (full); ; end = g_utf8_next_char (end))
            {
              g_autofree char *typed = g_strndup (full, end - full);
              g_autoptr(GPtrArray) results = NULL;
              double t0 = now_ms (), t1, t2, t3;

              results = ks_search_run (ws, typed, LIMIT, &error);
              t1 = now_ms ();
              if (!results)
                {
                  g_printerr ("bench-search: %s\n", error->message);
                  return FALSE;
                }
              n_results_last = results->len;
              stat_add (&stat, t1 - t0, typed);
              if (run == 0)
                {
                  t2 = now_ms ();
                  baseline_fts (fts_small, fts_opp, typed);
                  t3 = now_ms ();
                  stat_add (&fts, t3 - t2, typed);
                  t2 = now_ms ();
                  baseline_like (like, typed);
                  t3 = now_ms ();
                  stat_add (&lk, t3 - t2, typed);
                }
              if (!*end)
                break;
            }
        }
      if (stat.max_ms < best.max_ms)
        {
          g_free (best.slowest);
          best = stat;
        }
      else
        g_free (stat.slowest);
    }

  g_print ("| search as typed ×%u, mean of %u keystrokes (best of %u runs) | %.1f ms | %.1f ms | %.2f× | |\n",
           scale, best.n, runs, stat_mean (&best), stat_mean (&fts), stat_mean (&best) / stat_mean (&fts));
  g_print ("| search as typed ×%u, slowest keystroke (“%s”) | %.1f ms | %.1f ms | %.2f× | ≤ 50 ms%s |\n",
           scale, best.slowest, best.max_ms, fts.max_ms, best.max_ms / fts.max_ms,
           best.max_ms <= 50 ? "" : " — **not met**");
  g_print ("| plain LIKE '%%text%%' scan ×%u (no index), mean / slowest | %.1f / %.1f ms | | | |\n",
           scale, stat_mean (&lk), lk.max_ms);
  (void) n_results_last;
  g_free (best.slowest);
  g_free (fts.slowest);
  g_free (lk.slowest);
  sqlite3_finalize (fts_small);
  sqlite3_finalize (fts_opp);
  sqlite3_finalize (like);
  sqlite3_close (db);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  const char *data = "bench/out";
  const char *scales = "10,100";
  g_auto(GStrv) parts = NULL;
  guint runs = 3;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      guint64 n;

      if (g_str_equal (argv[i], "--runs") && i + 1 < argc &&
          g_ascii_string_to_unsigned (argv[i + 1], 10, 1, 100, &n, NULL))
        runs = (guint) n, i++;
      else if (g_str_equal (argv[i], "--data") && i + 1 < argc)
        data = argv[++i];
      else if (g_str_equal (argv[i], "--scales") && i + 1 < argc)
        scales = argv[++i];
      else if (g_str_equal (argv[i], "--slice") && i + 1 < argc &&
               g_ascii_string_to_unsigned (argv[i + 1], 10, 1, 1000000, &n, NULL))
        catch_up_slice = (guint) n, i++;
      else
        {
          g_printerr ("usage: %s [--runs N] [--data DIR] [--scales 10,100] [--slice N]\n", argv[0]);
          return 2;
        }
    }

  g_print ("| figure | Keystone | baseline (bare FTS5) | ratio | target |\n");
  g_print ("| --- | --- | --- | --- | --- |\n");
  parts = g_strsplit (scales, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      guint64 scale;

      if (!g_ascii_string_to_unsigned (parts[i], 10, 1, 1000, &scale, NULL) ||
          !run_scale (data, (guint) scale, runs))
        return 1;
    }
  return 0;
}
