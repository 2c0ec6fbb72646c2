/* bench-plan-page.c — opening the plan view of a large plan against an empty one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-plan-page [--runs N | --runs=N]   (needs a display: run it under xvfb-run)
 *
 * Makes a workspace with two accounts: one with an empty plan, one with 200
 * meetings and 100 actions (ks_plan_save). A window holds a KsPlanPage; each
 * run switches the page to one account and waits until the page is built,
 * laid out and one frame is painted. Prints the best of --runs (5) for both,
 * in ms, and the ratio; the target for the large plan is 100 ms.
 */
#define G_LOG_DOMAIN "ks-bench-plan-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-display.h"
#include "ks-account.h"
#include "ks-plan.h"
#include "ks-plan-page.h"
#include "ks-workspace.h"

static void
set_text (KsPlanItem *item,
          KsPlanList  list,
          const char *key,
          char       *text)
{
  int index = ks_plan_list_field_index (list, key);

  g_free (item->values[index].text);
  item->values[index].text = text;
}

static gint64
add_account (KsWorkspace *workspace,
             const char  *name)
{
  g_autoptr(KsAccount) account = ks_account_new (name);
  g_autoptr(GError) error = NULL;

  if (!ks_account_save (account, workspace, &error))
    g_error ("%s", error->message);
  return ks_account_get_id (account);
}

/* Best time in ms to show @account_id's plan, from another account's. */
static double
time_open (KsPlanPage *page,
           GtkWidget  *window,
           gint64      account_id,
           gint64      other_id,
           guint       runs)
{
  double best = G_MAXDOUBLE;

  for (guint r = 0; r < runs; r++)
    {
      gint64 start;

      ks_plan_page_set_account_id (page, other_id);
      bench_wait_for_paint (window);
      start = g_get_monotonic_time ();
      ks_plan_page_set_account_id (page, account_id);
      if (g_getenv ("BENCH_VERBOSE"))
        g_printerr ("build %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
      bench_wait_for_paint (window);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
    }
  return best;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KsWorkspace) workspace = NULL;
  gint64 empty_id, large_id, other_id;
  guint runs = 5;
  KsPlan *plan;
  GtkWidget *window;
  GtkWidget *page;
  double empty_ms, large_ms;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      const char *value = NULL;
      guint64 n;

      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        value = argv[++i];
      else if (g_str_has_prefix (argv[i], "--runs="))
        value = argv[i] + strlen ("--runs=");
      if (!value || !g_ascii_string_to_unsigned (value, 10, 1, 1000, &n, NULL))
        {
          g_printerr ("bench-plan-page: unknown option or bad value “%s” (usage: bench-plan-page [--runs N], N from 1 to 1000)\n",
                      argv[i]);
          return 2;
        }
      runs = (guint) n;
    }

  if (!gtk_init_check ())
    {
      g_printerr ("bench-plan-page: no display (run it under xvfb-run)\n");
      return 77;
    }
  adw_init ();

  dir = g_dir_make_tmp ("bench-plan-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.keystone", NULL);
  workspace = ks_workspace_open (path, KS_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  empty_id = add_account (workspace, "Empty plan");
  large_id = add_account (workspace, "Large plan");
  other_id = add_account (workspace, "Another account");

  plan = ks_plan_new (large_id);
  for (guint i = 0; i < 200; i++)
    {
      KsPlanItem *item = ks_plan_item_new (KS_PLAN_MEETINGS);

      set_text (item, KS_PLAN_MEETINGS, "date", g_strdup_printf ("20%02u-%02u-%02u", 10 + i / 12, 1 + i % 12, 1 + i % 28));
      set_text (item, KS_PLAN_MEETINGS, "ours", g_strdup ("Anna Berg"));
      set_text (item, KS_PLAN_MEETINGS, "theirs", g_strdup_printf ("Contact %u", i));
      set_text (item, KS_PLAN_MEETINGS, "notes", g_strdup ("Talked about the next order, prices and the delivery dates."));
      g_ptr_array_add (plan->items[KS_PLAN_MEETINGS], item);
    }
  for (guint i = 0; i < 100; i++)
    {
      KsPlanItem *item = ks_plan_item_new (KS_PLAN_ACTIONS);

      set_text (item, KS_PLAN_ACTIONS, "action", g_strdup_printf ("Action %u", i));
      set_text (item, KS_PLAN_ACTIONS, "due", g_strdup ("2020-11-12"));
      g_ptr_array_add (plan->items[KS_PLAN_ACTIONS], item);
    }
  if (!ks_plan_save (workspace, plan, &error))
    g_error ("%s", error->message);
  ks_plan_free (plan);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  page = ks_plan_page_new ();
  gtk_window_set_child (GTK_WINDOW (window), page);
  ks_plan_page_set_workspace (KS_PLAN_PAGE (page), workspace);
  gtk_window_present (GTK_WINDOW (window));
  bench_wait_for_paint (window);

  /* warm up: styles, icons, fonts */
  time_open (KS_PLAN_PAGE (page), window, large_id, other_id, 1);
  empty_ms = time_open (KS_PLAN_PAGE (page), window, empty_id, other_id, runs);
  large_ms = time_open (KS_PLAN_PAGE (page), window, large_id, other_id, runs);

  printf ("| figure | ms |\n| --- | ---: |\n");
  printf ("| open plan page, empty plan | %.1f |\n", empty_ms);
  printf ("| open plan page, 200 meetings + 100 actions | %.1f |\n", large_ms);
  printf ("| ratio large / empty | %.2f |\n", large_ms / empty_ms);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&workspace);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
