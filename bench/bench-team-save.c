/* bench-team-save.c — many people saving into one team workspace at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-team-save [--clients 50] [--saves 40] [--accounts 30] [--think 500]
 *
 * Needs a PostgreSQL server in libpq's environment (PGHOST …; e.g. under
 * pg_virtualenv -t -v 15). Makes a schema of its own with the demo (30
 * accounts), then runs --clients threads, each with its own connection (a
 * KsWorkspace of its own, as each person's app has), each loading a random
 * account of the first --accounts, changing its notes and revenue and
 * saving it, --saves times, all at once. Each save (ks_account_save: one
 * transaction, its undo log, its NOTIFY) is timed, those refused because
 * another client saved the account since it was read included. The
 * baseline is one client doing the same alone, in the same run.
 *
 * People do not save back to back: between two saves a person reads and
 * types. So the clients run twice: back to back (the server's worst case,
 * every core busy), and with a pause before each save of a random 0 to
 * 2 × --think ms (500: a save a second from each of the 50 people, which
 * is still far more than a review meeting makes).
 *
 * Prints a Markdown table: figure, Keystone, baseline, ratio, target.
 */
#define G_LOG_DOMAIN "ks-bench-team-save"

#include "config.h"

#include <glib.h>
#include <stdlib.h>
#include <unistd.h>

#include "ks-account.h"
#include "ks-db.h"
#include "ks-json.h"
#include "ks-workspace.h"
#include "ks-workspace-private.h"

typedef struct
{
  const char *uri;
  guint       saves;
  GArray     *ids;       /* the accounts to pick from */
  guint       seed;
  guint       think_ms;  /* mean pause before a save */
  GArray     *times;     /* ms per save, out */
  guint       refused;   /* as stale: another client saved since the read */
  guint       failed;
} Client;

static gpointer
client_run (gpointer data)
{
  Client *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = ks_workspace_open (c->uri, KS_WORKSPACE_OPEN_DEFAULT, &error);
  GRand *rand = g_rand_new_with_seed (c->seed);

  if (!ws)
    g_error ("client %u: %s", c->seed, error->message);
  /* Each person's app keeps undo. */
  ks_workspace_set_undo_enabled (ws, TRUE);
  for (guint i = 0; i < c->saves; i++)
    {
      gint64 id = g_array_index (c->ids, gint64, g_rand_int_range (rand, 0, (gint32) c->ids->len));
      g_autoptr(KsAccount) account = ks_account_load (ws, id, &error);
      g_autofree char *notes = NULL;
      gint64 start;
      double ms;

      if (!account)
        g_error ("client %u: %s", c->seed, error->message);
      if (c->think_ms > 0)
        g_usleep ((gulong) g_rand_int_range (rand, 0, 2 * (gint32) c->think_ms * 1000));
      notes = g_strdup_printf ("Client %u, save %u", c->seed, i);
      ks_account_set_notes (account, notes);
      ks_account_set_revenue (account, g_rand_int_range (rand, 1000, 1000000));
      start = g_get_monotonic_time ();
      if (!ks_account_save (account, ws, &error))
        {
          if (g_error_matches (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT))
            c->refused++;
          else
            {
              g_printerr ("client %u: %s\n", c->seed, error->message);
              c->failed++;
            }
          g_clear_error (&error);
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (c->times, ms);
    }
  g_rand_free (rand);
  return NULL;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Runs @n clients at once; the sorted save times of all of them. */
static GArray *
run_clients (const char *uri,
             guint       n,
             guint       saves,
             guint       think_ms,
             GArray     *ids,
             guint      *refused,
             guint      *failed)
{
  g_autofree Client *clients = g_new0 (Client, n);
  g_autofree GThread **threads = g_new0 (GThread *, n);
  GArray *all = g_array_new (FALSE, FALSE, sizeof (double));

  *failed = 0;
  *refused = 0;
  for (guint i = 0; i < n; i++)
    {
      clients[i] = (Client) { uri, saves, ids, i + 1, think_ms, g_array_new (FALSE, FALSE, sizeof (double)), 0, 0 };
      threads[i] = g_thread_new ("client", client_run, &clients[i]);
    }
  for (guint i = 0; i < n; i++)
    {
      g_thread_join (threads[i]);
      g_array_append_vals (all, clients[i].times->data, clients[i].times->len);
      *failed += clients[i].failed;
      *refused += clients[i].refused;
      g_array_unref (clients[i].times);
    }
  g_array_sort (all, compare_doubles);
  return all;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i;

  if (sorted->len == 0)
    return 0;
  i = (guint) MIN (sorted->len - 1, p / 100.0 * sorted->len);
  return g_array_index (sorted, double, i);
}

int
main (int   argc,
      char *argv[])
{
  int n_clients = 50, saves = 40, n_accounts = 30, think = 500;
  GOptionEntry entries[] = {
    { "clients", 0, 0, G_OPTION_ARG_INT, &n_clients, "Clients at once (50)", "N" },
    { "saves", 0, 0, G_OPTION_ARG_INT, &saves, "Saves per client (40)", "N" },
    { "accounts", 0, 0, G_OPTION_ARG_INT, &n_accounts, "Accounts they share (30)", "N" },
    { "think", 0, 0, G_OPTION_ARG_INT, &think, "Mean pause before a paced save, ms (500)", "MS" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KsDb) admin = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) alone = NULL;
  g_autoptr(GArray) together = NULL;
  g_autoptr(GArray) paced = NULL;
  g_autofree char *schema = g_strdup_printf ("ks_bench_save_%d", (int) getpid ());
  g_autofree char *sql = NULL;
  g_autofree char *uri = NULL;
  guint failed_alone, failed_together, failed_paced, refused_alone, refused_together, refused_paced;
  KsStmt *stmt;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (!g_getenv ("PGHOST") && !g_getenv ("PGSERVICE"))
    {
      g_print ("skipped: no PostgreSQL server in the environment (PGHOST); run under pg_virtualenv -t -v 15\n");
      return 0;
    }
  if (!(admin = ks_db_open_pg ("", &error)))
    g_error ("%s", error->message);
  sql = g_strdup_printf ("CREATE SCHEMA %s", schema);
  if (!ks_db_exec (admin, sql, &error))
    g_error ("%s", error->message);
  uri = g_strdup_printf ("postgresql://?options=-csearch_path%%3D%s", schema);
  if (!(ws = ks_workspace_open (uri, KS_WORKSPACE_OPEN_NEW, &error)) || !ks_json_load_demo (ws, &error))
    g_error ("%s", error->message);
  stmt = ks_workspace_prepare (ws, "SELECT id FROM accounts ORDER BY id LIMIT ?1", &error);
  ks_stmt_bind_int64 (stmt, 1, n_accounts);
  while (ks_stmt_step (stmt) == KS_STEP_ROW)
    {
      gint64 id = ks_stmt_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  ks_stmt_reset (stmt);

  alone = run_clients (uri, 1, saves, 0, ids, &refused_alone, &failed_alone);
  paced = run_clients (uri, n_clients, saves, (guint) MAX (think, 0), ids, &refused_paced, &failed_paced);
  together = run_clients (uri, n_clients, saves, 0, ids, &refused_together, &failed_together);

  g_print ("| figure | Keystone | baseline | ratio | target |\n");
  g_print ("| --- | --- | --- | --- | --- |\n");
  g_print ("| a save, %d clients at once on %d accounts, each pausing 0–%d ms before a save, p95 "
           "(%u saves, %u refused as stale) | %.1f ms | %.1f ms (one client alone) | %.2f× | ≤ 50 ms |\n",
           n_clients, n_accounts, 2 * think, paced->len, refused_paced, percentile (paced, 95),
           percentile (alone, 95), percentile (paced, 95) / MAX (percentile (alone, 95), 0.001));
  g_print ("| the same, median / slowest | %.1f / %.1f ms | %.1f / %.1f ms | | |\n",
           percentile (paced, 50), percentile (paced, 100), percentile (alone, 50), percentile (alone, 100));
  g_print ("| a save, %d clients saving back to back, p95 (%u saves, %u refused as stale) | %.1f ms | "
           "%.1f ms | %.2f× | |\n",
           n_clients, together->len, refused_together, percentile (together, 95),
           percentile (alone, 95), percentile (together, 95) / MAX (percentile (alone, 95), 0.001));
  g_print ("| the same, median / slowest | %.1f / %.1f ms | | | |\n",
           percentile (together, 50), percentile (together, 100));

  g_clear_object (&ws);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DROP SCHEMA %s CASCADE", schema);
  ks_db_exec (admin, sql, NULL);
  return failed_together + failed_paced + failed_alone > 0;
}
