/* test-kill.c — kill -9 in the middle of a large import: all or nothing, never damaged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * keystone-cli imports a generated CRM export of 60,000 opportunities while
 * the test kills it with SIGKILL at a random moment, many times. Afterwards the
 * workspace must open, pass PRAGMA integrity_check, and hold all of the import
 * or none of it.
 */
#include <gio/gio.h>
#include <signal.h>

#include "ks-test-util.h"
#include "ks-workspace.h"

#define N_ACCOUNTS 2000
#define N_AGENTS 60
#define N_PRODUCTS 12
#define N_OPPORTUNITIES 60000
#define N_ROUNDS 25

static char *crm_dir;
static char *cli;

static void
write_export (const char *dir)
{
  g_autoptr(GString) s = g_string_new ("account,sector,year_established,revenue,employees,office_location,subsidiary_of\n");
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL, *p4 = NULL;

  for (int i = 0; i < N_ACCOUNTS; i++)
    g_string_append_printf (s, "Account %04d,sector %d,%d,%d.%02d,%d,Country %d,%s%s\n",
                            i, i % 9, 1950 + i % 70, 10 + i, i % 100, 100 + i, i % 20,
                            i % 10 == 1 ? "Account " : "", i % 10 == 1 ? "0000" : "");
  p1 = ks_test_write_file (dir, "accounts.csv", s->str, s->len);

  g_string_assign (s, "sales_agent,manager,regional_office\n");
  for (int i = 0; i < N_AGENTS; i++)
    g_string_append_printf (s, "Agent %02d,Manager %d,Region %d\n", i, i % 6, i % 3);
  p2 = ks_test_write_file (dir, "sales_teams.csv", s->str, s->len);

  g_string_assign (s, "product,series,sales_price\n");
  for (int i = 0; i < N_PRODUCTS; i++)
    g_string_append_printf (s, "Product %d,S%d,%d\n", i, i % 3, 100 * (i + 1));
  p3 = ks_test_write_file (dir, "products.csv", s->str, s->len);

  g_string_assign (s, "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n");
  for (int i = 0; i < N_OPPORTUNITIES; i++)
    g_string_append_printf (s, "OPP%06d,Agent %02d,Product %d,Account %04d,%s,2016-%02d-%02d,,%d\n",
                            i, i % N_AGENTS, i % N_PRODUCTS, i % N_ACCOUNTS,
                            i % 3 ? "Engaging" : "Won", 1 + i % 12, 1 + i % 28, i % 5000);
  p4 = ks_test_write_file (dir, "sales_pipeline.csv", s->str, s->len);
}

static GSubprocess *
start_import (const char *ws)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *p = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                     &error, cli, "--workspace", ws, "import", "crm", crm_dir, NULL);
  g_assert_no_error (error);
  return p;
}

static void
test_kill_mid_import (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  gint64 t0, full_us;
  guint n_all = 0, n_none = 0;
  GRand *rand = g_rand_new_with_seed (20261123);

  /* How long an undisturbed import takes here. */
  {
    g_autofree char *ws = g_build_filename (dir, "timing.keystone", NULL);
    g_autoptr(GSubprocess) p = NULL;
    g_autoptr(GError) error = NULL;

    t0 = g_get_monotonic_time ();
    p = start_import (ws);
    g_subprocess_wait_check (p, NULL, &error);
    g_assert_no_error (error);
    full_us = g_get_monotonic_time () - t0;
    g_test_message ("an undisturbed import takes %.0f ms", full_us / 1000.0);
  }

  for (int round = 0; round < N_ROUNDS; round++)
    {
      g_autofree char *name = g_strdup_printf ("round-%02d.keystone", round);
      g_autofree char *ws = g_build_filename (dir, name, NULL);
      g_autoptr(GSubprocess) p = NULL;
      g_autoptr(KsWorkspace) w = NULL;
      g_autoptr(GError) error = NULL;
      KsWorkspaceCounts c = { 0 };
      gulong delay;

      /* The workspace exists before the import starts, as a user's would. */
      w = ks_workspace_open (ws, KS_WORKSPACE_OPEN_NEW, &error);
      g_assert_no_error (error);
      g_clear_object (&w);

      delay = (gulong) (g_rand_double_range (rand, 0.05, 1.1) * full_us);
      p = start_import (ws);
      g_usleep (delay);
      g_subprocess_send_signal (p, SIGKILL);
      g_subprocess_wait (p, NULL, NULL);

      w = ks_workspace_open (ws, KS_WORKSPACE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_true (ks_workspace_check_integrity (w, &error));
      g_assert_no_error (error);
      g_assert_true (ks_workspace_get_counts (w, &c, &error));
      if (c.opportunities == 0)
        {
          g_assert_cmpint (c.accounts, ==, 0);
          g_assert_cmpint (c.people, ==, 0);
          g_assert_cmpint (c.products, ==, 0);
          n_none++;
        }
      else
        {
          g_assert_cmpint (c.opportunities, ==, N_OPPORTUNITIES);
          g_assert_cmpint (c.accounts, ==, N_ACCOUNTS);
          g_assert_cmpint (c.people, ==, N_AGENTS + 6);
          g_assert_cmpint (c.products, ==, N_PRODUCTS);
          n_all++;
        }
    }
  g_rand_free (rand);
  g_test_message ("%u rounds killed before the commit, %u after", n_none, n_all);
  /* The kill times spread over the import, so both outcomes must occur. */
  g_assert_cmpuint (n_none, >, 0);
  g_assert_cmpuint (n_none + n_all, ==, N_ROUNDS);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = ks_test_tmpdir ();
  crm_dir = g_build_filename (dir, "crm", NULL);
  g_mkdir_with_parents (crm_dir, 0755);
  write_export (crm_dir);
  cli = ks_test_build_path ("src/cli/keystone-cli");

  g_test_add_func ("/cli/import-crm/kill-9", test_kill_mid_import);
  status = g_test_run ();

  g_free (crm_dir);
  g_free (cli);
  return status;
}
