/* bench-meeting.c — a meeting's slides: the first showing and a slide change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-meeting [--decisions N] [--runs N] [--out DIR]
 *
 * The demo workspace in memory, a meeting on its first three A accounts
 * with --decisions (30) decisions. For each kind of slide (the first of
 * its kind in the deck), at 1920×1080 into an image surface, best of
 * --runs (5):
 *
 *   - first showing: a deck loaded beforehand, its slide drawn once (the
 *     layout measures every text, fits the matrix or the map, then draws);
 *   - slide change: the same slide drawn again, 100 times, as the
 *     presentation does when it comes back to a slide (the kept layout
 *     replayed): the slowest of the 100 (target ≤ 16 ms).
 *
 * The baseline of both is what a slide change cannot avoid: painting a
 * finished 1920×1080 picture of the slide (an image surface) onto the
 * target. Prints a table: figure, Keystone, baseline, ratio. --out DIR
 * writes each slide's PNG there.
 */
#define G_LOG_DOMAIN "ks-bench-meeting"

#include "config.h"

#include <cairo.h>
#include <locale.h>
#include <stdio.h>

#include "bench-util.h"
#include "ks-json.h"
#include "ks-meeting-slides.h"

#define WIDTH  1920
#define HEIGHT 1080
#define FRAMES 100
#define DEMO_RESOURCE "/io/github/keystone/Keystone/demo/demo-workspace.json"

static KsWorkspace *
demo_meeting (guint   n_decisions,
              gint64 *meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) demo = g_resources_lookup_data (DEMO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autoptr(KsMeeting) m = ks_meeting_new ("Q4 key account review", "2026-12-10");
  g_autoptr(GArray) picked = NULL;
  KsAgendaFilter filter = { .a_class_only = TRUE };
  KsWorkspace *ws;

  if (!demo || !(ws = ks_workspace_open (":memory:", KS_WORKSPACE_OPEN_CREATE, &error)) ||
      !ks_json_import_data (ws, g_bytes_get_data (demo, NULL), g_bytes_get_size (demo), "demo", FALSE, &error) ||
      !(picked = ks_meeting_pick_accounts (ws, &filter, &error)))
    g_error ("bench-meeting: %s", error->message);
  g_array_append_vals (m->account_ids, picked->data, MIN (3u, picked->len));
  if (!(*meeting_id = ks_meeting_create (ws, m, &error)))
    g_error ("bench-meeting: %s", error->message);
  for (guint i = 0; i < n_decisions; i++)
    {
      g_autofree char *text = g_strdup_printf ("Decision %u: agree the next step with the buyer", i + 1);

      if (!ks_meeting_add_decision (ws, *meeting_id, g_array_index (picked, gint64, i % MIN (3u, picked->len)),
                                    text, 0, "2027-01-15", &error))
        g_error ("bench-meeting: %s", error->message);
    }
  return ws;
}

int
main (int   argc,
      char *argv[])
{
  guint n_decisions = 30, runs = 5;
  const BenchOption options[] = { { "--decisions", &n_decisions }, { "--runs", &runs } };
  const char *out = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_HIGH_CONTRAST);
  g_autoptr(KsMeetingDeck) probe = NULL;
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  gint64 meeting;
  double worst_change = 0;

  setlocale (LC_ALL, "");
  if (!bench_parse_options (argc, argv, options, G_N_ELEMENTS (options), &out))
    return 2;
  ws = demo_meeting (n_decisions, &meeting);
  probe = ks_meeting_deck_load (ws, meeting, "2026-12-10", NULL);

  printf ("%-52s %12s %12s %8s\n", "figure (1920×1080, high contrast)", "Keystone", "baseline", "ratio");
  for (int kind = KS_SLIDE_AGENDA; kind <= KS_SLIDE_FUNNEL; kind++)
    {
      double first = G_MAXDOUBLE, change = 0, change_sum = 0, blit = G_MAXDOUBLE;
      cairo_surface_t *picture = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      g_autofree char *figure = NULL;
      guint slide = 0;
      cairo_t *cr;

      while (slide < ks_meeting_deck_get_n_slides (probe) && (int) ks_meeting_deck_get_kind (probe, slide) != kind)
        slide++;

      for (guint r = 0; r < runs; r++)
        {
          g_autoptr(KsMeetingDeck) deck = ks_meeting_deck_load (ws, meeting, "2026-12-10", NULL);
          double t0;

          cr = cairo_create (target);
          t0 = bench_now ();
          ks_meeting_deck_draw (deck, slide, cr, palette, WIDTH, HEIGHT);
          cairo_surface_flush (target);
          first = MIN (first, bench_now () - t0);
          cairo_destroy (cr);
          if (r + 1 < runs)
            continue;
          /* The slide change: the kept layout, drawn again. */
          for (guint f = 0; f < FRAMES; f++)
            {
              double t;

              cr = cairo_create (target);
              t = bench_now ();
              ks_meeting_deck_draw (deck, slide, cr, palette, WIDTH, HEIGHT);
              cairo_surface_flush (target);
              t = bench_now () - t;
              cairo_destroy (cr);
              change = MAX (change, t);
              change_sum += t;
            }
          cr = cairo_create (picture);
          ks_meeting_deck_draw (deck, slide, cr, palette, WIDTH, HEIGHT);
          cairo_destroy (cr);
        }
      /* The baseline: the finished picture painted onto the target. */
      for (guint f = 0; f < FRAMES; f++)
        {
          double t;

          cr = cairo_create (target);
          t = bench_now ();
          cairo_set_source_surface (cr, picture, 0, 0);
          cairo_paint (cr);
          cairo_surface_flush (target);
          blit = MIN (blit, bench_now () - t);
          cairo_destroy (cr);
        }
      figure = g_strdup_printf ("%s: first showing", ks_slide_kind_name (kind));
      bench_row (figure, first, blit);
      g_free (figure);
      figure = g_strdup_printf ("%s: slide change, slowest of %u", ks_slide_kind_name (kind), FRAMES);
      bench_row (figure, change, blit);
      g_free (figure);
      figure = g_strdup_printf ("%s: slide change, mean", ks_slide_kind_name (kind));
      bench_row (figure, change_sum / FRAMES, blit);
      worst_change = MAX (worst_change, change);
      if (out)
        {
          g_autofree char *name = g_strdup_printf ("meeting-%s.png", ks_slide_kind_name (kind));
          g_autofree char *path = g_build_filename (out, name, NULL);
          bench_write_png (picture, path);
        }
      cairo_surface_destroy (picture);
    }
  printf ("\nslowest slide change: %.2f ms (target ≤ 16 ms)\n", worst_change);
  cairo_surface_destroy (target);
  return 0;
}
