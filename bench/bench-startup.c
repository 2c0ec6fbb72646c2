/* bench-startup.c — app start to first frame, resident memory, opening a map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-startup [--runs N] [--data DIR] [--workspace FILE]
 *   (needs a display: run it under xvfb-run)
 *
 * Start-up (QUALITY.md §3: ≤ 500 ms, ≤ 200 MB on ×100): imports DIR/x100
 * (bench/out/x100) into FILE (bench/out/x100.keystone) once, reused when
 * present. Each run starts a fresh process, this program with --child FILE,
 * which runs the Keystone application (ks_application_new, as main.c does)
 * on `--workspace FILE` and, at the first painted frame of the main window
 * with its account list filled, prints the monotonic time and VmHWM/VmRSS
 * from /proc/self/status. The time counts from just before the spawn, so it
 * includes exec and dynamic linking. The baseline is bench-startup-floor: an
 * AdwApplicationWindow with a GtkListView of 8,500 string rows, measured the
 * same way. Best of --runs (5) after one warm-up run each.
 *
 * Opening a map (≤ 100 ms): a window holds a KsPowermapPage; each run shows
 * another account, then the measured one, until one frame is painted. For
 * the demo's Hallberg Group (66 contacts) and a generated account of 500
 * placed contacts with a reporting hierarchy and some influence lines.
 */
#define G_LOG_DOMAIN "ks-bench-startup"

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-display.h"
#include "ks-account.h"
#include "ks-account-list.h"
#include "ks-application.h"
#include "ks-contact.h"
#include "ks-contact-line.h"
#include "ks-crm-import.h"
#include "ks-json.h"
#include "ks-powermap-page.h"
#include "ks-window.h"
#include "ks-workspace.h"

#define FLOOR_ROWS 8500

/* The kB value of @key ("VmHWM:") in /proc/self/status, or 0. */
static guint64
status_kb (const char *status,
           const char *key)
{
  const char *at = status ? strstr (status, key) : NULL;

  return at ? g_ascii_strtoull (at + strlen (key), NULL, 10) : 0;
}

/* The child: Keystone itself */

static void
on_child_after_paint (GdkFrameClock *clock,
                      KsWindow      *window)
{
  gint64 now = g_get_monotonic_time ();
  g_autofree char *status = NULL;
  KsAccountList *list = KS_ACCOUNT_LIST (ks_window_get_account_list (window));

  /* the first frame that shows the workspace with its accounts */
  if (!ks_window_get_workspace (window) || ks_account_list_get_n_accounts (list) == 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (list)))
    return;
  g_signal_handlers_disconnect_by_func (clock, on_child_after_paint, window);
  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  printf ("frame %" G_GINT64_FORMAT " hwm %" G_GUINT64_FORMAT " rss %" G_GUINT64_FORMAT " accounts %u\n",
          now, status_kb (status, "VmHWM:"), status_kb (status, "VmRSS:"),
          ks_account_list_get_n_accounts (list));
  fflush (stdout);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_child_map (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_child_after_paint), window);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  if (KS_IS_WINDOW (window))
    g_signal_connect (window, "map", G_CALLBACK (on_child_map), NULL);
}

static int
run_child (const char *workspace)
{
  g_autoptr(KsApplication) app = ks_application_new ();
  char *args[] = { (char *) "keystone", (char *) "--workspace", (char *) workspace, NULL };

  /* no hand-over to a Keystone that may be running */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (app), 3, args);
}

/* The driver: start-up */

typedef struct
{
  double ms;        /* best */
  double hwm_mb;    /* smallest, over the runs */
  double rss_mb;
} Startup;

/* Spawns @argv, returns FALSE when it did not print its frame line. */
static gboolean
spawn_once (char    **argv,
            double   *ms,
            double   *hwm_mb,
            double   *rss_mb)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 frame = 0;
  guint64 hwm = 0, rss = 0;
  int status = 0;
  const char *line;

  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error))
    {
      g_printerr ("bench-startup: cannot start %s: %s\n", argv[0], error->message);
      return FALSE;
    }
  line = out ? strstr (out, "frame ") : NULL;
  if (!line || sscanf (line, "frame %" G_GINT64_FORMAT " hwm %" G_GUINT64_FORMAT " rss %" G_GUINT64_FORMAT,
                       &frame, &hwm, &rss) != 3)
    {
      g_printerr ("bench-startup: %s painted no frame (exit status %d)\n", argv[0], status);
      return FALSE;
    }
  *ms = (frame - start) / 1000.0;
  *hwm_mb = hwm / 1024.0;
  *rss_mb = rss / 1024.0;
  return TRUE;
}

static gboolean
measure_startup (char    **argv,
                 guint     runs,
                 Startup  *best)
{
  double ms, hwm, rss;

  best->ms = best->hwm_mb = best->rss_mb = G_MAXDOUBLE;
  /* warm-up: page cache, fontconfig cache */
  if (!spawn_once (argv, &ms, &hwm, &rss))
    return FALSE;
  for (guint r = 0; r < runs; r++)
    {
      if (!spawn_once (argv, &ms, &hwm, &rss))
        return FALSE;
      if (g_getenv ("BENCH_VERBOSE"))
        g_printerr ("%s: %.1f ms, VmHWM %.1f MB, VmRSS %.1f MB\n", argv[0], ms, hwm, rss);
      best->ms = MIN (best->ms, ms);
      best->hwm_mb = MIN (best->hwm_mb, hwm);
      best->rss_mb = MIN (best->rss_mb, rss);
    }
  return TRUE;
}

/* Imports @data_dir into @path unless it exists (through a temporary file,
 * so an interrupted import leaves nothing behind). */
static gboolean
ensure_workspace (const char  *path,
                  const char  *data_dir,
                  GError     **error)
{
  g_autofree char *tmp = NULL;
  g_autoptr(KsWorkspace) workspace = NULL;
  g_autoptr(KsImportReport) report = NULL;
  gint64 start;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  tmp = g_strconcat (path, ".part", NULL);
  g_unlink (tmp);
  g_printerr ("bench-startup: importing %s into %s (once)…\n", data_dir, path);
  start = g_get_monotonic_time ();
  workspace = ks_workspace_open (tmp, KS_WORKSPACE_OPEN_CREATE, error);
  if (!workspace)
    return FALSE;
  report = ks_import_report_new ();
  if (!ks_crm_import (workspace, data_dir, FALSE, report, error))
    return FALSE;
  g_clear_object (&workspace);
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not rename %s to %s: %s", tmp, path, g_strerror (saved));
      return FALSE;
    }
  g_printerr ("bench-startup: imported in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

/* The driver: opening a map */

static double
time_open (KsPowermapPage *page,
           GtkWidget      *window,
           gint64          account_id,
           gint64          other_id,
           guint           runs)
{
  double best = G_MAXDOUBLE;

  for (guint r = 0; r < runs; r++)
    {
      gint64 start;

      ks_powermap_page_set_account_id (page, other_id);
      bench_wait_for_paint (window);
      start = g_get_monotonic_time ();
      ks_powermap_page_set_account_id (page, account_id);
      bench_wait_for_paint (window);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
    }
  return best;
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

static void
save_line (KsWorkspace *workspace,
           gint64       from,
           gint64       to,
           KsLineKind   kind,
           guint        strength)
{
  g_autoptr(KsContactLine) line = ks_contact_line_new (from, to, kind);
  g_autoptr(GError) error = NULL;

  if (strength)
    ks_contact_line_set_strength (line, strength);
  if (!ks_contact_line_save (line, workspace, &error))
    g_error ("%s", error->message);
}

/* @n placed contacts: about four reports per boss, a few without one, and
 * n/15 influence or dotted lines (seeded, so every run gets the same map). */
static gint64
add_large_map (KsWorkspace *workspace,
               guint        n)
{
  static const char *first[] = { "Anna", "Lars", "Mia", "Jonas", "Eva", "Karl", "Sofia", "Nils" };
  static const char *last[] = { "Berg", "Lind", "Holm", "Dahl", "Wik", "Strand", "Falk", "Ek" };
  static const char *titles[] = { "Head of Purchasing", "CFO", "Plant Manager", "Engineer",
                                  "Buyer", "Director R&D", "Quality Lead" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *ids = g_new0 (gint64, n);
  gint64 account_id = add_account (workspace, "Generated Map 500");

  if (!ks_workspace_begin (workspace, "Generate map", &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s %u", first[g_rand_int_range (rand, 0, 8)],
                                               last[g_rand_int_range (rand, 0, 8)], i + 1);
      g_autoptr(KsContact) contact = ks_contact_new (account_id, name);

      ks_contact_set_title (contact, titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))]);
      ks_contact_set_power (contact, g_rand_int_range (rand, 0, 4));
      ks_contact_set_relationship (contact, g_rand_int_range (rand, 0, 4));
      ks_contact_set_attitude (contact, g_rand_int_range (rand, 0, 4));
      ks_contact_set_roles (contact, g_rand_int_range (rand, 0, 64) & g_rand_int_range (rand, 0, 64));
      ks_contact_set_position (contact, (i % 25) * 240.0, (i / 25) * 140.0);
      if (!ks_contact_save (contact, workspace, &error))
        g_error ("%s", error->message);
      ids[i] = ks_contact_get_id (contact);
      if (i > 0 && g_rand_int_range (rand, 0, 25) > 0)
        {
          guint boss = g_rand_int_range (rand, (i - 1) / 4 > 3 ? (i - 1) / 4 - 3 : 0, (i - 1) / 4 + 1);
          save_line (workspace, ids[i], ids[boss], KS_LINE_REPORTS_TO, 0);
        }
    }
  for (guint k = 0; k < n / 15; k++)
    {
      guint a = g_rand_int_range (rand, 0, n), b = g_rand_int_range (rand, 0, n);

      if (a != b)
        save_line (workspace, ids[a], ids[b], k % 3 ? KS_LINE_INFLUENCE : KS_LINE_DOTTED,
                   k % 3 ? g_rand_int_range (rand, 1, 4) : 0);
    }
  if (!ks_workspace_commit (workspace, &error))
    g_error ("%s", error->message);
  return account_id;
}

static void
measure_maps (guint runs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KsWorkspace) workspace = NULL;
  g_autoptr(KsAccount) hallberg = NULL;
  gint64 other_id, large_id;
  GtkWidget *window, *page;
  double hallberg_ms, large_ms;

  dir = g_dir_make_tmp ("bench-startup-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "maps.keystone", NULL);
  workspace = ks_workspace_open (path, KS_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (!ks_json_load_demo (workspace, &error))
    g_error ("%s", error->message);
  hallberg = ks_account_find (workspace, "Hallberg Group", &error);
  if (!hallberg)
    g_error ("no Hallberg Group in the demo: %s", error ? error->message : "");
  other_id = add_account (workspace, "No Map Yet");
  large_id = add_large_map (workspace, 500);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  page = ks_powermap_page_new ();
  gtk_window_set_child (GTK_WINDOW (window), page);
  ks_powermap_page_set_workspace (KS_POWERMAP_PAGE (page), workspace);
  gtk_window_present (GTK_WINDOW (window));
  bench_wait_for_paint (window);

  /* warm up: styles, icons, fonts */
  time_open (KS_POWERMAP_PAGE (page), window, large_id, other_id, 1);
  hallberg_ms = time_open (KS_POWERMAP_PAGE (page), window, ks_account_get_id (hallberg), other_id, runs);
  large_ms = time_open (KS_POWERMAP_PAGE (page), window, large_id, other_id, runs);

  printf ("| figure | ms | target |\n| --- | ---: | ---: |\n");
  printf ("| open power map, Hallberg Group (demo, 66 contacts) | %.1f | 100 |\n", hallberg_ms);
  printf ("| open power map, 500 contacts | %.1f | 100 |\n", large_ms);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&workspace);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *floor_path = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *rows = g_strdup_printf ("%u", FLOOR_ROWS);
  const char *data = "bench/out";
  const char *workspace_arg = NULL;
  guint runs = 5;
  Startup keystone, floor;

  setlocale (LC_ALL, "");
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        runs = (guint) MAX (1, atoi (argv[i + 1])), i++;
      else if (g_str_equal (argv[i], "--data") && i + 1 < argc)
        data = argv[++i];
      else if (g_str_equal (argv[i], "--workspace") && i + 1 < argc)
        workspace_arg = argv[++i];
      else
        {
          g_printerr ("usage: %s [--runs N] [--data DIR] [--workspace FILE]\n", argv[0]);
          return 2;
        }
    }

  if (!gtk_init_check ())
    {
      g_printerr ("bench-startup: no display (run it under xvfb-run)\n");
      return 77;
    }
  adw_init ();

  data_dir = g_build_filename (data, "x100", NULL);
  if (workspace_arg)
    workspace = g_canonicalize_filename (workspace_arg, NULL);
  else
    {
      g_autofree char *out = g_canonicalize_filename (data, NULL);
      workspace = g_build_filename (out, "x100.keystone", NULL);
    }
  if (!ensure_workspace (workspace, data_dir, &error))
    {
      g_printerr ("bench-startup: %s\n", error->message);
      return 1;
    }

  self_path = g_canonicalize_filename (argv[0], NULL);
  {
    g_autofree char *bindir = g_path_get_dirname (self_path);
    floor_path = g_build_filename (bindir, "bench-startup-floor", NULL);
  }
  {
    char *child_argv[] = { self_path, (char *) "--child", workspace, NULL };
    char *floor_argv[] = { floor_path, rows, NULL };

    if (!measure_startup (child_argv, runs, &keystone) ||
        !measure_startup (floor_argv, runs, &floor))
      return 1;
  }

  printf ("Start-up on ×100 (8,500 accounts, 880,000 opportunities); baseline: an AdwApplicationWindow "
          "with a GtkListView of %u rows; fresh process per run, best of %u\n\n", FLOOR_ROWS, runs);
  printf ("| figure | Keystone | baseline | ratio | target |\n| --- | ---: | ---: | ---: | ---: |\n");
  printf ("| start to first frame, ms | %.0f | %.0f | %.2f | 500 |\n",
          keystone.ms, floor.ms, keystone.ms / floor.ms);
  printf ("| peak resident memory (VmHWM) at first frame, MB | %.0f | %.0f | %.2f | 200 |\n",
          keystone.hwm_mb, floor.hwm_mb, keystone.hwm_mb / floor.hwm_mb);
  printf ("| resident memory (VmRSS) at first frame, MB | %.0f | %.0f | %.2f | 200 |\n\n",
          keystone.rss_mb, floor.rss_mb, keystone.rss_mb / floor.rss_mb);

  measure_maps (runs);
  return 0;
}
