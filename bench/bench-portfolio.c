/* bench-portfolio.c — the portfolio matrix's drawing against bare cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-portfolio [--accounts N] [--runs N] [--out DIR]
 *
 * Builds a portfolio of N accounts (10,000) at seeded random positions and
 * sizes, and times, best of --runs (5):
 *
 *   - render portfolio: ks_matrix_layout_new() + ks_matrix_draw() + the PNG
 *     at 1920×1080 (QUALITY.md §3); the baseline is a bare cairo program in
 *     the same process that draws the same circles (same fill and outline),
 *     the same movement trails and the same label strings at the same
 *     positions, from glyphs shaped beforehand, and writes the PNG: cairo's
 *     own cost, the physical limit (it skips the axes, grid, quadrants and
 *     legend, which Keystone draws on top of that);
 *   - the draw alone (no layout, no PNG), against the same baseline without
 *     its PNG;
 *   - a hover frame as the app draws it: the static layers drawn once into
 *     an image surface, then per frame a hit test at the pointer, that
 *     surface painted and the overlay (hover ring, selection, hover card)
 *     on top; the baseline paints the cached surface alone. Target ≤ 16 ms;
 *   - a divider drag frame: the dividers moved, the background redrawn and
 *     the cached bubbles and legend (a transparent surface) painted over it.
 *
 * Prints a table: figure, Keystone, baseline, ratio. --out DIR also writes
 * both programs' PNGs there, to compare them by eye.
 */
#define G_LOG_DOMAIN "ks-bench-portfolio"

#include "config.h"

#include <cairo.h>
#include <locale.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "ks-chart.h"
#include "ks-palette.h"
#include "ks-portfolio-draw.h"
#include "ks-portfolio-layout.h"

#define WIDTH  1920
#define HEIGHT 1080

static const char *names[] = {
  "Kessler Antriebe", "Nordwind Maschinenbau", "Fjordmat Sjømat", "Vistula Logistics", "Ostara Chemie",
  "Brandvik Marine", "Kuusamo Timber", "Hallberg Energi", "Tampere Robotics", "Zürcher Präzision",
};
static const char *legend_labels[] = { "A", "B", "C" };

typedef struct
{
  KsMatrixSpec spec;
  KsColor      colours[3];
  KsBubble    *bubbles;
  char       **labels;
  guint        n;
} Portfolio;

typedef struct
{
  guint       index;
  KsChartText text;               /* shaped once, before timing */
  double      x, y;
} BaseLabel;

typedef struct
{
  GArray          *labels;        /* BaseLabel */
  const KsPalette *palette;
} Baseline;

static double
next_random (guint32 *state)
{
  *state = *state * 1664525u + 1013904223u;
  return (*state >> 8) / (double) (1 << 24);
}

static void
portfolio_build (Portfolio       *p,
                 const KsPalette *palette,
                 guint            n)
{
  guint32 state = 42;

  p->n = n;
  p->bubbles = g_new0 (KsBubble, n);
  p->labels = g_new0 (char *, n + 1);
  p->colours[0] = palette->series[0];
  p->colours[1] = palette->series[3];
  p->colours[2] = palette->series[7];
  p->spec = (KsMatrixSpec) {
    "Profitability (yield strength score)", "Potential (reserve potential score)", "Bubble area: won revenue",
    0, 100, 0, 100, 50, 50,
    { "Retain", "Retain and nurture", "Retain and develop", "Retain, nurture and develop" },
    "ABC class", 3, legend_labels, p->colours, "2026-Q2 → 2026-Q3" };
  for (guint i = 0; i < n; i++)
    {
      KsBubble *b = &p->bubbles[i];

      p->labels[i] = g_strdup_printf ("%s %u", names[i % G_N_ELEMENTS (names)], i + 1);
      b->id = i + 1;
      b->label = p->labels[i];
      b->x = next_random (&state) * 100;
      b->y = next_random (&state) * 100;
      b->size = pow (10, 3 + 4 * next_random (&state));
      b->colour = i % 3;
      if (i % 5 == 0)
        {
          b->has_trail = TRUE;
          b->prev_x = CLAMP (b->x - 10 + 20 * next_random (&state), 0, 100);
          b->prev_y = CLAMP (b->y - 10 + 20 * next_random (&state), 0, 100);
        }
    }
}

static void
portfolio_clear (Portfolio *p)
{
  g_strfreev (p->labels);
  g_free (p->bubbles);
}

/* The labels the layout shows, shaped with the same font and ellipsis. */
static void
baseline_init (Baseline             *base,
               const Portfolio      *p,
               const KsMatrixLayout *layout,
               const KsPalette      *palette)
{
  PangoContext *context = ks_chart_context_new ();
  g_autoptr(PangoFontDescription) font = ks_chart_font_new (palette, 1.15, PANGO_WEIGHT_NORMAL);

  base->palette = palette;
  base->labels = g_array_new (FALSE, TRUE, sizeof (BaseLabel));
  for (guint i = 0; i < p->n; i++)
    {
      KsChartRect rect;
      KsMatrixLabelState state = ks_matrix_layout_get_label (layout, i, &rect, NULL, NULL);
      BaseLabel label = { i, { 0 }, rect.x, rect.y };

      if (state != KS_MATRIX_LABEL_BESIDE && state != KS_MATRIX_LABEL_LEADER)
        continue;
      ks_chart_text_init (&label.text, context, font, p->labels[i], rect.width + 0.5, FALSE, 1);
      g_array_append_val (base->labels, label);
    }
  g_object_unref (context);
}

static void
baseline_clear (Baseline *base)
{
  for (guint i = 0; i < base->labels->len; i++)
    ks_chart_text_clear (&g_array_index (base->labels, BaseLabel, i).text);
  g_array_unref (base->labels);
}

/* Bare cairo: background, the circles (fill and outline as the matrix
 * draws them), the labels' glyphs. */
static void
baseline_draw (cairo_t              *cr,
               const Baseline       *base,
               const Portfolio      *p,
               const KsMatrixLayout *layout)
{
  const KsPalette *palette = base->palette;

  ks_color_set_source (cr, &palette->background);
  cairo_paint (cr);
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < p->n; i++)
    {
      double cx, cy, r;
      const KsColor *c = &p->colours[p->bubbles[i].colour];
      KsColor line;

      if (!ks_matrix_layout_get_bubble (layout, i, &cx, &cy, &r))
        continue;
      line = ks_color_mix (c, &palette->foreground, 0.25);
      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, c->red, c->green, c->blue, 0.55);
      cairo_fill_preserve (cr);
      ks_color_set_source (cr, &line);
      cairo_stroke (cr);
    }
  /* The trails: a dot and a line stroked, a head filled, one by one (the
   * faster way in cairo, as the matrix draws them). */
  cairo_set_source_rgba (cr, palette->foreground.red, palette->foreground.green, palette->foreground.blue, 0.7);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < p->n; i++)
    {
      const KsBubble *bb = &p->bubbles[i];
      double cx, cy, r, x0, y0, dx, dy, len, ex, ey, ux, uy;

      if (!bb->has_trail || !ks_matrix_layout_get_bubble (layout, i, &cx, &cy, &r))
        continue;
      ks_matrix_layout_point_at (layout, bb->prev_x, bb->prev_y, &x0, &y0);
      dx = cx - x0;
      dy = cy - y0;
      len = hypot (dx, dy);
      cairo_new_path (cr);
      cairo_arc (cr, x0, y0, 3.5, 0, 2 * G_PI);
      if (len <= r + 5.5)
        {
          cairo_stroke (cr);
          continue;
        }
      ux = dx / len;
      uy = dy / len;
      ex = cx - ux * r;
      ey = cy - uy * r;
      cairo_move_to (cr, x0 + ux * 3.5, y0 + uy * 3.5);
      cairo_line_to (cr, ex - ux * 6, ey - uy * 6);
      cairo_stroke (cr);
      cairo_move_to (cr, ex, ey);
      cairo_line_to (cr, ex - ux * 8 - uy * 4, ey - uy * 8 + ux * 4);
      cairo_line_to (cr, ex - ux * 8 + uy * 4, ey - uy * 8 - ux * 4);
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  ks_color_set_source (cr, &palette->foreground);
  for (guint i = 0; i < base->labels->len; i++)
    {
      const BaseLabel *l = &g_array_index (base->labels, BaseLabel, i);

      bench_show_glyphs (cr, &l->text, l->x, l->y);
    }
}

int
main (int   argc,
      char *argv[])
{
  guint accounts = 10000, runs = 5, labelled, dropped;
  const char *out = NULL;
  const BenchOption options[] = { { "--accounts", &accounts }, { "--runs", &runs } };
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autofree char *ks_png = NULL, *base_png = NULL, *hover_png = NULL;
  KsMatrixLayout *layout = NULL;
  cairo_surface_t *surface;
  Portfolio p = { 0 };
  Baseline base;
  double t, t_layout = G_MAXDOUBLE, k = G_MAXDOUBLE, b = G_MAXDOUBLE;

  setlocale (LC_ALL, "");
  if (!bench_parse_options (argc, argv, options, G_N_ELEMENTS (options), &out))
    return 2;
  accounts = MAX (accounts, 1);
  runs = MAX (runs, 1);
  if (out)
    {
      ks_png = g_build_filename (out, "portfolio-keystone.png", NULL);
      base_png = g_build_filename (out, "portfolio-baseline.png", NULL);
      hover_png = g_build_filename (out, "portfolio-hover.png", NULL);
    }

  portfolio_build (&p, palette, accounts);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

  /* render portfolio: layout + draw + PNG, against draw + PNG of bare cairo.
   * Interleaved, best of runs, so a busy machine slows both alike. */
  for (guint r = 0; r <= runs; r++)
    {
      cairo_t *cr;
      double tk, tl;

      if (layout && r > 0)
        {
          /* The baseline needs a layout's positions: keep the last one. */
          ks_matrix_layout_free (layout);
          layout = NULL;
        }
      t = bench_now ();
      layout = ks_matrix_layout_new (&p.spec, p.bubbles, p.n, palette, WIDTH, HEIGHT, NULL);
      tl = bench_now () - t;
      cr = cairo_create (surface);
      ks_matrix_draw (cr, layout, palette, NULL);
      cairo_destroy (cr);
      bench_write_png (surface, r == runs ? ks_png : NULL);
      tk = bench_now () - t;
      if (r == 0)
        baseline_init (&base, &p, layout, palette);
      t = bench_now ();
      cr = cairo_create (surface);
      baseline_draw (cr, &base, &p, layout);
      cairo_destroy (cr);
      bench_write_png (surface, r == runs ? base_png : NULL);
      if (r > 0)   /* the first round warms the caches of both */
        {
          b = MIN (b, bench_now () - t);
          k = MIN (k, tk);
          t_layout = MIN (t_layout, tl);
        }
    }
  ks_matrix_layout_get_counts (layout, NULL, NULL, &labelled, &dropped);
  printf ("Portfolio: %u accounts, %u labels shown, %u dropped, %d×%d; best of %u\n",
          accounts, labelled, dropped, WIDTH, HEIGHT, runs);
  printf ("%-52s %12s %12s %8s\n", "figure", "Keystone", "baseline", "ratio");
  bench_row ("layout: axes, bubbles, labels (measure + place)", t_layout, 0);
  bench_row ("render portfolio, 1920×1080 PNG (layout+draw+PNG)", k, b);

  k = b = G_MAXDOUBLE;
  for (guint r = 0; r < runs; r++)
    {
      cairo_t *cr;

      t = bench_now ();
      cr = cairo_create (surface);
      ks_matrix_draw (cr, layout, palette, NULL);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      k = MIN (k, bench_now () - t);
      t = bench_now ();
      cr = cairo_create (surface);
      baseline_draw (cr, &base, &p, layout);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      b = MIN (b, bench_now () - t);
    }
  bench_row ("draw, static layers (frame)", k, b);

  /* Hover: the static layers cached once, then per frame a hit test, the
   * cached picture and the overlay. The pointer walks over the bubbles. */
  {
    cairo_surface_t *cache = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
    const char *lines[] = { "Score 63.4 (good)", "Revenue 1 234 567", "Class A · Retain, nurture and develop" };
    gint64 selected[] = { 7, 8, 9 };
    KsMatrixDrawState state = { 0 };
    double sum_k = 0, max_k = 0, sum_b = 0;
    guint frames = 200;
    cairo_t *cr = cairo_create (cache);

    ks_matrix_draw (cr, layout, palette, NULL);
    cairo_destroy (cr);
    state.layers = KS_MATRIX_LAYER_OVERLAY;
    state.selected_ids = selected;
    state.n_selected = G_N_ELEMENTS (selected);
    state.show_card = TRUE;
    state.card_lines = lines;
    state.n_card_lines = G_N_ELEMENTS (lines);
    for (guint f = 0; f < frames; f++)
      {
        double cx = 0, cy = 0, d;
        KsMatrixHit hit;

        ks_matrix_layout_get_bubble (layout, (f * 37) % p.n, &cx, &cy, NULL);
        t = bench_now ();
        hit = ks_matrix_layout_hit_test (layout, cx, cy);
        state.hover_id = hit.id;
        state.pointer_x = cx;
        state.pointer_y = cy;
        cr = cairo_create (surface);
        cairo_set_source_surface (cr, cache, 0, 0);
        cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
        cairo_paint (cr);
        cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
        ks_matrix_draw (cr, layout, palette, &state);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        d = bench_now () - t;
        sum_k += d;
        max_k = MAX (max_k, d);
        t = bench_now ();
        cr = cairo_create (surface);
        cairo_set_source_surface (cr, cache, 0, 0);
        cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
        cairo_paint (cr);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        sum_b += bench_now () - t;
      }
    if (hover_png)
      bench_write_png (surface, hover_png);
    bench_row ("hover frame: cached static + overlay, mean (≤ 16 ms)", sum_k / frames, sum_b / frames);
    bench_row ("hover frame, slowest of 200 (≤ 16 ms)", max_k, 0);

    /* Divider drag: background redrawn, bubbles and legend cached. */
    {
      cairo_surface_t *front = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      KsMatrixDrawState layer = { 0 };
      double sum = 0, max = 0;

      cr = cairo_create (front);
      layer.layers = KS_MATRIX_LAYER_BUBBLES | KS_MATRIX_LAYER_LEGEND;
      ks_matrix_draw (cr, layout, palette, &layer);
      cairo_destroy (cr);
      for (guint f = 0; f < 100; f++)
        {
          double d;

          t = bench_now ();
          ks_matrix_layout_set_dividers (layout, 30 + f * 0.4, NAN);
          cr = cairo_create (surface);
          layer.layers = KS_MATRIX_LAYER_BACKGROUND;
          ks_matrix_draw (cr, layout, palette, &layer);
          cairo_set_source_surface (cr, front, 0, 0);
          cairo_paint (cr);
          layer.layers = KS_MATRIX_LAYER_OVERLAY;
          layer.drag = KS_MATRIX_DRAG_X_DIVIDER;
          ks_matrix_draw (cr, layout, palette, &layer);
          layer.drag = KS_MATRIX_DRAG_NONE;
          cairo_destroy (cr);
          cairo_surface_flush (surface);
          d = bench_now () - t;
          sum += d;
          max = MAX (max, d);
        }
      bench_row ("divider drag frame, mean (≤ 16 ms)", sum / 100, sum_b / frames);
      bench_row ("divider drag frame, slowest of 100 (≤ 16 ms)", max, 0);
      cairo_surface_destroy (front);
    }
    cairo_surface_destroy (cache);
  }

  baseline_clear (&base);
  ks_matrix_layout_free (layout);
  cairo_surface_destroy (surface);
  portfolio_clear (&p);
  return 0;
}
