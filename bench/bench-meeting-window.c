/* bench-meeting-window.c — a review meeting in the app: each slide change
 * of the presentation at 1920×1080, after the slide's first showing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-meeting-window [--runs N] [--accounts N]
 *   (needs a display of at least 1920×1080: run it under
 *   xvfb-run -s '-screen 0 1920x1080x24' with GSK_RENDERER=cairo
 *   GDK_DEBUG=gl-disable)
 *
 * The demo workspace, a meeting on its first --accounts (3) A accounts
 * (ks_meeting_pick_accounts) with two decisions, presented in a
 * KsMeetingWindow filling the 1920×1080 screen. The slides are walked
 * once from the first to the last by → (each a first showing: the deck
 * lays the slide out, the canvas records it), then --runs (5) more times
 * from Home to End, each change timed: the target is ≤ 16 ms per
 * change after a slide's first showing.
 *
 * A change counts from the key press (ks_meeting_window_handle_key, what
 * the window's key controller calls) to the "after-paint" of the frame
 * that shows the slide, minus the time the main loop spent blocked in
 * poll () meanwhile (the frame clock waits for its next 60 Hz tick, and
 * Xvfb has no vsync): the work of the change, frame included.
 *
 * Baseline: a bare GtkDrawingArea filling a 1920×1080 window of the same
 * process, whose draw function paints one of two cached 1920×1080 image
 * surfaces (two slides of the deck drawn beforehand), switched and redrawn
 * the same number of times and timed the same way: what GTK 4.8 itself
 * needs to put a finished full-screen picture on the screen here.
 * Prints a Markdown table: figure, Keystone, baseline, ratio, target.
 */
#define G_LOG_DOMAIN "ks-bench-meeting"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "bench-display.h"
#include "ks-json.h"
#include "ks-meeting-window.h"
#include "ks-person.h"
#include "ks-slide-canvas.h"

#define WIDTH  1920
#define HEIGHT 1080
#define TODAY  "2026-12-10"

/* The meter: time blocked in poll (), and the end of the frame awaited */
static GPollFunc real_poll;
static gint64 polled;      /* µs blocked in poll since the meter was reset */
static gint64 painted_at;  /* monotonic µs of the last "after-paint"; 0 = none yet */
static gint64 polled_at_paint;

typedef struct
{
  GArray *ms;      /* double, one per timed change */
} Series;

static gint
meter_poll (GPollFD *fds,
            guint    n_fds,
            gint     timeout)
{
  gint64 start = g_get_monotonic_time ();
  gint result = real_poll (fds, n_fds, timeout);

  polled += g_get_monotonic_time () - start;
  return result;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  painted_at = g_get_monotonic_time ();
  polled_at_paint = polled;
}

/* Runs @change and waits for the frame that follows; the work in ms. */
static double
time_change (GtkWidget *window,
             void     (*change) (gpointer),
             gpointer   data)
{
  gint64 start;

  /* let anything queued (a footer's timeout, an idle) run first */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  polled = 0;
  painted_at = 0;
  start = g_get_monotonic_time ();
  change (data);
  while (!painted_at)
    g_main_context_iteration (NULL, TRUE);
  return (painted_at - start - polled_at_paint) / 1000.0;
}

static void
series_stats (GArray *ms,
              double *mean,
              double *slowest)
{
  double sum = 0;

  *slowest = 0;
  for (guint i = 0; i < ms->len; i++)
    {
      double v = g_array_index (ms, double, i);

      sum += v;
      *slowest = MAX (*slowest, v);
    }
  *mean = ms->len ? sum / ms->len : 0;
}

/* The meeting */

static KsWorkspace *
demo_meeting (guint   n_accounts,
              gint64 *meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsMeeting) meeting = ks_meeting_new ("Q4 key account review", TODAY);
  g_autoptr(GArray) picked = NULL;
  g_autoptr(KsPerson) owner = NULL;
  KsAgendaFilter filter = { .a_class_only = TRUE };
  KsWorkspace *workspace = ks_workspace_open (":memory:", KS_WORKSPACE_OPEN_CREATE, &error);

  if (!workspace || !ks_json_load_demo (workspace, &error) ||
      !(picked = ks_meeting_pick_accounts (workspace, &filter, &error)))
    g_error ("bench-meeting-window: %s", error->message);
  if (picked->len < n_accounts)
    g_error ("bench-meeting-window: the demo has %u A accounts, fewer than %u", picked->len, n_accounts);
  g_array_append_vals (meeting->account_ids, picked->data, n_accounts);
  *meeting_id = ks_meeting_create (workspace, meeting, &error);
  owner = ks_person_find (workspace, "Lena Schröder", &error);
  if (!*meeting_id || !owner ||
      !ks_meeting_add_decision (workspace, *meeting_id, g_array_index (picked, gint64, 0),
                                "Pilot the energy-monitoring bundle", ks_person_get_id (owner),
                                "2026-12-18", &error) ||
      !ks_meeting_add_decision (workspace, *meeting_id, g_array_index (picked, gint64, 1),
                                "Book a site visit with the new CFO", 0, "2027-01-15", &error))
    g_error ("bench-meeting-window: %s", error->message);
  ks_workspace_set_undo_enabled (workspace, TRUE);
  return workspace;
}

static void
press_key (gpointer data)
{
  GtkWidget *window = ((gpointer *) data)[0];
  guint keyval = GPOINTER_TO_UINT (((gpointer *) data)[1]);

  if (!ks_meeting_window_handle_key (KS_MEETING_WINDOW (window), keyval, 0))
    g_error ("bench-meeting-window: the key %s did nothing", gdk_keyval_name (keyval));
}

/* The baseline */

typedef struct
{
  cairo_surface_t *pictures[2];
  guint            shown;
} Baseline;

static void
draw_baseline (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        data)
{
  Baseline *b = data;

  cairo_set_source_surface (cr, b->pictures[b->shown], 0, 0);
  cairo_paint (cr);
}

static void
switch_baseline (gpointer data)
{
  gpointer *args = data;
  Baseline *b = args[1];

  b->shown = 1 - b->shown;
  gtk_widget_queue_draw (args[0]);
}

static GtkWidget *
full_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), child);
  return window;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) workspace = NULL;
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) again = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) base = g_array_new (FALSE, FALSE, sizeof (double));
  KsMeetingWindow *window;
  KsMeetingDeck *deck;
  guint runs = 5, n_accounts = 3, n_slides;
  gint64 meeting_id;
  double first_mean, first_max, mean, slowest, base_mean, base_max;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      guint64 n;
      gboolean is_runs = g_str_equal (argv[i], "--runs");

      if ((is_runs || g_str_equal (argv[i], "--accounts")) && i + 1 < argc &&
          g_ascii_string_to_unsigned (argv[i + 1], 10, 1, 1000, &n, NULL))
        {
          *(is_runs ? &runs : &n_accounts) = (guint) n;
          i++;
          continue;
        }
      g_printerr ("bench-meeting-window: unknown option or bad value “%s” "
                  "(usage: bench-meeting-window [--runs N] [--accounts N])\n", argv[i]);
      return 2;
    }
  if (!gtk_init_check ())
    {
      g_printerr ("bench-meeting-window: no display (run it under xvfb-run)\n");
      return 77;
    }
  adw_init ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  workspace = demo_meeting (n_accounts, &meeting_id);
  window = ks_meeting_window_new (workspace, meeting_id, TODAY, &error);
  if (!window)
    g_error ("bench-meeting-window: %s", error->message);
  ks_meeting_window_present (window, NULL);
  bench_wait_for_paint (GTK_WIDGET (window));
  if (gtk_widget_get_width (GTK_WIDGET (window)) != WIDTH || gtk_widget_get_height (GTK_WIDGET (window)) != HEIGHT)
    g_printerr ("bench-meeting-window: the presentation is %d×%d, not %d×%d (the screen's size)\n",
                gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
                WIDTH, HEIGHT);
  deck = ks_meeting_window_get_deck (window);
  n_slides = ks_meeting_deck_get_n_slides (deck);

  real_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, meter_poll);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);

  /* first showings: → from the first slide to the last */
  for (guint s = 1; s < n_slides; s++)
    {
      gpointer args[] = { window, GUINT_TO_POINTER (GDK_KEY_Right) };
      double ms = time_change (GTK_WIDGET (window), press_key, args);

      g_array_append_val (first, ms);
    }
  /* again: Home, then → to the end, --runs times */
  for (guint r = 0; r < runs; r++)
    {
      gpointer home[] = { window, GUINT_TO_POINTER (GDK_KEY_Home) };
      double ms = time_change (GTK_WIDGET (window), press_key, home);

      g_array_append_val (again, ms);
      for (guint s = 1; s < n_slides; s++)
        {
          gpointer args[] = { window, GUINT_TO_POINTER (GDK_KEY_Right) };

          ms = time_change (GTK_WIDGET (window), press_key, args);
          g_array_append_val (again, ms);
          if (g_getenv ("BENCH_VERBOSE"))
            g_printerr ("run %u slide %u (%s): %.2f ms\n", r + 1, s + 1,
                        ks_slide_kind_name (ks_meeting_deck_get_kind (deck, s)), ms);
        }
    }
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (window)), on_after_paint, NULL);

  /* the baseline: two finished pictures of the deck, switched */
  {
    Baseline b = { { NULL, NULL }, 0 };
    KsPalette *palette = ks_palette_new (KS_PALETTE_LIGHT);
    GtkWidget *area = gtk_drawing_area_new ();
    GtkWidget *plain;

    for (guint i = 0; i < 2; i++)
      {
        cairo_t *cr;

        b.pictures[i] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
        cr = cairo_create (b.pictures[i]);
        ks_meeting_deck_draw (deck, i + 2, cr, palette, WIDTH, HEIGHT);
        cairo_destroy (cr);
      }
    ks_palette_free (palette);
    gtk_widget_set_hexpand (area, TRUE);
    gtk_widget_set_vexpand (area, TRUE);
    gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_baseline, &b, NULL);
    plain = full_window (area);
    gtk_window_present (GTK_WINDOW (plain));
    bench_wait_for_paint (plain);
    g_signal_connect (gtk_widget_get_frame_clock (plain), "after-paint", G_CALLBACK (on_after_paint), NULL);
    for (guint i = 0; i < again->len; i++)
      {
        gpointer args[] = { area, &b };
        double ms = time_change (plain, switch_baseline, args);

        g_array_append_val (base, ms);
      }
    g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (plain), on_after_paint, NULL);
    gtk_window_destroy (GTK_WINDOW (plain));
    cairo_surface_destroy (b.pictures[0]);
    cairo_surface_destroy (b.pictures[1]);
  }
  g_main_context_set_poll_func (NULL, real_poll);

  series_stats (first, &first_mean, &first_max);
  series_stats (again, &mean, &slowest);
  series_stats (base, &base_mean, &base_max);
  printf ("Meeting of %u accounts, %u slides at %d×%d, %u timed changes (%u runs)\n\n",
          n_accounts, n_slides, WIDTH, HEIGHT, again->len, runs);
  printf ("| figure | Keystone | baseline | ratio | target |\n");
  printf ("| --- | --- | --- | --- | --- |\n");
  printf ("| meeting: slide change, mean | %.1f ms | %.1f ms | %.1f× | |\n",
          mean, base_mean, base_mean > 0 ? mean / base_mean : 0);
  printf ("| meeting: slide change, slowest | %.1f ms | %.1f ms | %.1f× | ≤ 16 ms |\n",
          slowest, base_max, base_max > 0 ? slowest / base_max : 0);
  printf ("| meeting: first showing, mean (slowest) | %.1f ms (%.1f ms) | | | |\n", first_mean, first_max);
  gtk_window_destroy (GTK_WINDOW (window));
  return slowest <= 16.0 ? 0 : 1;
}
