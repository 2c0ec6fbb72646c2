/* bench-raci.c — the RACI grid's drawing against bare cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-raci [--tasks N] [--columns N] [--runs N] [--out DIR]
 *
 * Builds a RACI grid of 200 tasks in 8 phases × 40 role columns (each task
 * an A, one to three R, two C, three I, some problems) and times, best of
 * --runs (5):
 *
 *   - render raci: ks_raci_layout_new() + ks_raci_draw() + the PNG at
 *     1920×1080; the baseline is a bare cairo program in the same process
 *     that paints the same background, rectangles (header, phase rows,
 *     grid lines, one rectangle per letter) and the same texts' glyphs
 *     (task names, phases, header labels and persons, letters) at the same
 *     places, from glyphs shaped beforehand, and writes the PNG: cairo's own
 *     cost. Target ≤ 1.5×;
 *   - a scrolling frame: one layout, the view drawn at 100 successive scroll
 *     offsets (down and across) into a 1920×1080 image, as the app's canvas
 *     draws each frame: the slowest frame (target ≤ 16 ms) and the mean.
 *
 * Prints a table: figure, Keystone, baseline, ratio. --out DIR also writes
 * both programs' PNGs there, to compare them by eye.
 */
#define G_LOG_DOMAIN "ks-bench-raci"

#include "config.h"

#include <cairo.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "ks-chart.h"
#include "ks-palette.h"
#include "ks-raci-draw.h"
#include "ks-raci-layout.h"

#define WIDTH  1920
#define HEIGHT 1080
#define FRAMES 100

static const char *verbs[] = {
  "Qualify the enquiry", "Check feasibility with engineering", "Price the offer", "Approve the discount",
  "Send the quotation", "Follow up with the buyer", "Record the outcome", "Confirm the order",
  "Plan the delivery", "Invoice and check payment",
};
static const char *roles[] = {
  "Key account manager", "Sales coordinator", "Engineering", "Sales director", "Controlling",
  "Logistics", "Customer service", "Quality",
};
static const char *people[] = {
  "Jonas Berg", "Mia Kowalski", "Lars Holm", "Anna Lindqvist", "Eero Virtanen", "Sofie Dahl",
};

static guint32
next_random (guint32 *state)
{
  *state = *state * 1664525u + 1013904223u;
  return *state >> 8;
}

static KsRaciGridModel *
model_build (guint n_tasks,
             guint n_columns)
{
  guint n_phases = 8;
  KsRaciGridModel *m = ks_raci_grid_model_new (n_phases, n_tasks, n_columns);
  guint32 state = 42;

  m->title = g_strdup ("Order to delivery — Kessler Antriebe");
  for (guint p = 0; p < n_phases; p++)
    m->phases[p] = g_strdup_printf ("Phase %u: %s", p + 1, verbs[p % G_N_ELEMENTS (verbs)]);
  for (guint c = 0; c < n_columns; c++)
    {
      m->columns[c].label = g_strdup_printf ("%s %u", roles[c % G_N_ELEMENTS (roles)], (guint) (c / G_N_ELEMENTS (roles) + 1));
      m->columns[c].is_role = TRUE;
      if (c % 7 == 6)
        m->columns[c].nobody = TRUE;
      else
        m->columns[c].sublabel = g_strdup (people[c % G_N_ELEMENTS (people)]);
    }
  for (guint t = 0; t < n_tasks; t++)
    {
      static const guint8 kinds[] = { 'A', 'R', 'C', 'C', 'I', 'I', 'I', 'R', 'R' };
      guint8 *row = m->letters + (gsize) t * n_columns;
      guint n = 7 + next_random (&state) % 3;

      m->tasks[t].name = g_strdup_printf ("%s (%u)", verbs[t % G_N_ELEMENTS (verbs)], t + 1);
      m->tasks[t].phase = t * n_phases / n_tasks;
      for (guint k = 0; k < n; k++)
        {
          guint c = next_random (&state) % n_columns;

          if (!row[c])
            row[c] = kinds[k];
          if (k == 1)
            m->main[(gsize) t * n_columns + c] = row[c] == 'R';
        }
      if (t % 17 == 3)
        m->tasks[t].mark = KS_RACI_MARK_ERROR;
      else if (t % 11 == 5)
        m->tasks[t].mark = KS_RACI_MARK_WARNING;
    }
  ks_raci_grid_model_count_load (m);
  return m;
}

/* ---- the baseline: bare cairo, glyphs shaped beforehand ---- */

typedef struct
{
  KsChartText text;
  double      x, y;
} BaseText;

typedef struct
{
  KsGridRect  rect;
  const KsColor *color;
} BaseRect;

typedef struct
{
  const KsPalette *palette;
  GArray          *rects;   /* BaseRect */
  GArray          *texts;   /* BaseText */
} Baseline;

static void
base_rect (Baseline      *base,
           double         x,
           double         y,
           double         w,
           double         h,
           const KsColor *color)
{
  BaseRect r = { { x, y, w, h }, color };

  g_array_append_val (base->rects, r);
}

static void
base_text (Baseline                   *base,
           PangoContext               *context,
           const PangoFontDescription *font,
           const char                 *string,
           double                      max_width,
           double                      x,
           double                      y)
{
  BaseText t = { { 0 }, x, y };

  ks_chart_text_init (&t.text, context, font, string, max_width, FALSE, 1);
  g_array_append_val (base->texts, t);
}

/* What the first view of the grid shows, at the layout's places. */
static void
baseline_init (Baseline              *base,
               KsRaciLayout          *layout,
               const KsRaciGridModel *m,
               const KsPalette       *palette)
{
  PangoContext *context = ks_chart_context_new ();
  g_autoptr(PangoFontDescription) font = ks_chart_font_new (palette, 1, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoFontDescription) bold = ks_chart_font_new (palette, 1, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoFontDescription) small = ks_chart_font_new (palette, 0.85, PANGO_WEIGHT_NORMAL);
  KsGridView view = { WIDTH, HEIGHT, 0, 0 };
  KsRaciRange range;
  double rh = ks_raci_layout_get_row_height (layout), hh = ks_raci_layout_get_header_height (layout);
  double first_w = ks_raci_layout_get_column_width (layout, KS_RACI_FIRST_COLUMN);

  base->palette = palette;
  base->rects = g_array_new (FALSE, FALSE, sizeof (BaseRect));
  base->texts = g_array_new (FALSE, TRUE, sizeof (BaseText));
  ks_raci_layout_get_visible (layout, &view, &range);

  base_rect (base, 0, 0, WIDTH, hh, &palette->grid);
  for (guint c = range.first_column; c < range.first_column + range.n_columns; c++)
    {
      KsGridRect r = ks_raci_layout_get_cell_rect (layout, &view, KS_GRID_HEADER, (int) c);

      base_rect (base, r.x + r.width - 1, 0, 1, HEIGHT, &palette->grid);
      base_rect (base, r.x + 8, hh - 8, r.width - 16, 4, &palette->accent);
      base_text (base, context, bold, m->columns[c].label, r.width - 16, r.x + 8, 6);
      base_text (base, context, small, m->columns[c].sublabel ? m->columns[c].sublabel : "nobody",
                 r.width - 16, r.x + 8, hh - 26);
    }
  for (guint row = range.first_row; row < range.first_row + range.n_rows; row++)
    {
      guint index;
      double y = hh + row * rh;

      base_rect (base, 0, y + rh - 1, WIDTH, 1, &palette->grid);
      if (ks_raci_layout_get_row (layout, row, &index) == KS_RACI_ROW_PHASE)
        {
          base_rect (base, 0, y, WIDTH, rh, &palette->grid);
          base_text (base, context, bold, m->phases[index], 0, 8, y + 4);
          continue;
        }
      base_text (base, context, font, m->tasks[index].name, first_w - 40, 30, y + 4);
      for (guint c = range.first_column; c < range.first_column + range.n_columns; c++)
        {
          guint8 letter = ks_raci_grid_model_get (m, index, c);
          KsGridRect r;
          char s[2] = { (char) letter, 0 };

          if (!letter)
            continue;
          r = ks_raci_layout_get_cell_rect (layout, &view, row, (int) c);
          base_rect (base, r.x + r.width / 2 - 12, y + 3, 24, rh - 6, ks_raci_letter_color (palette, letter));
          base_text (base, context, bold, s, 0, r.x + r.width / 2 - 4, y + 4);
        }
    }
  g_object_unref (context);
}

static void
baseline_clear (Baseline *base)
{
  for (guint i = 0; i < base->texts->len; i++)
    ks_chart_text_clear (&g_array_index (base->texts, BaseText, i).text);
  g_array_unref (base->texts);
  g_array_unref (base->rects);
}

static void
baseline_draw (cairo_t  *cr,
               Baseline *base)
{
  ks_color_set_source (cr, &base->palette->surface);
  cairo_paint (cr);
  for (guint i = 0; i < base->rects->len; i++)
    {
      BaseRect *r = &g_array_index (base->rects, BaseRect, i);

      ks_color_set_source (cr, r->color);
      cairo_rectangle (cr, r->rect.x, r->rect.y, r->rect.width, r->rect.height);
      cairo_fill (cr);
    }
  ks_color_set_source (cr, &base->palette->foreground);
  for (guint i = 0; i < base->texts->len; i++)
    {
      BaseText *t = &g_array_index (base->texts, BaseText, i);

      bench_show_glyphs (cr, &t->text, t->x, t->y);
    }
}

/* ---- timing ---- */

int
main (int   argc,
      char *argv[])
{
  guint n_tasks = 200, n_columns = 40, runs = 5;
  const char *out = NULL;
  const BenchOption options[] = { { "--tasks", &n_tasks }, { "--columns", &n_columns }, { "--runs", &runs } };
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autofree char *ks_png = NULL, *base_png = NULL;
  g_autoptr(KsRaciGridModel) model = NULL;
  KsRaciLayout *layout;
  KsGridView view = { WIDTH, HEIGHT, 0, 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  Baseline base;
  double t, k = G_MAXDOUBLE, b = G_MAXDOUBLE, kd = G_MAXDOUBLE, bd = G_MAXDOUBLE;
  double max_x, max_y, slowest = 0, sum = 0;

  setlocale (LC_ALL, "");
  if (!bench_parse_options (argc, argv, options, G_N_ELEMENTS (options), &out))
    return 2;
  n_tasks = MAX (n_tasks, 1);
  n_columns = MAX (n_columns, 1);
  runs = MAX (runs, 1);
  if (out)
    {
      g_mkdir_with_parents (out, 0755);
      ks_png = g_build_filename (out, "raci-keystone.png", NULL);
      base_png = g_build_filename (out, "raci-baseline.png", NULL);
    }
  model = model_build (n_tasks, n_columns);

  /* warm the font caches once, outside the timings */
  layout = ks_raci_layout_new (model, palette, 1, NULL);
  baseline_init (&base, layout, model, palette);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  ks_raci_draw (cr, layout, &view, palette, NULL);
  baseline_draw (cr, &base);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  ks_raci_layout_free (layout);

  for (guint r = 0; r < runs; r++)
    {
      /* Keystone: layout + draw + PNG */
      t = bench_now ();
      layout = ks_raci_layout_new (model, palette, 1, NULL);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      cr = cairo_create (surface);
      ks_raci_draw (cr, layout, &view, palette, NULL);
      cairo_destroy (cr);
      bench_write_png (surface, ks_png);
      k = MIN (k, bench_now () - t);
      cairo_surface_destroy (surface);

      /* the draw alone, glyphs cached: a frame */
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      cr = cairo_create (surface);
      t = bench_now ();
      ks_raci_draw (cr, layout, &view, palette, NULL);
      cairo_surface_flush (surface);
      kd = MIN (kd, bench_now () - t);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      ks_raci_layout_free (layout);

      /* the baseline: the same rectangles and glyphs + PNG */
      t = bench_now ();
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      cr = cairo_create (surface);
      baseline_draw (cr, &base);
      cairo_destroy (cr);
      bench_write_png (surface, base_png);
      b = MIN (b, bench_now () - t);
      cairo_surface_destroy (surface);

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      cr = cairo_create (surface);
      t = bench_now ();
      baseline_draw (cr, &base);
      cairo_surface_flush (surface);
      bd = MIN (bd, bench_now () - t);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  /* scrolling: 100 frames, down and across, one layout as the canvas keeps */
  layout = ks_raci_layout_new (model, palette, 1, NULL);
  ks_raci_layout_get_max_scroll (layout, &view, &max_x, &max_y);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  for (guint f = 0; f < FRAMES; f++)
    {
      double frame;

      view.scroll_y = max_y * f / (FRAMES - 1);
      view.scroll_x = max_x * f / (FRAMES - 1);
      t = bench_now ();
      ks_raci_draw (cr, layout, &view, palette, NULL);
      cairo_surface_flush (surface);
      frame = bench_now () - t;
      slowest = MAX (slowest, frame);
      sum += frame;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  ks_raci_layout_free (layout);

  printf ("RACI grid: %u tasks × %u columns, %d×%d; best of %u\n", n_tasks, n_columns, WIDTH, HEIGHT, runs);
  printf ("%-52s %12s %12s %8s\n", "figure", "Keystone", "baseline", "ratio");
  bench_row ("render raci: layout + draw + PNG (≤ 1.5×)", k, b);
  bench_row ("draw, first view (frame)", kd, bd);
  bench_row ("scrolling frame, slowest of 100 (≤ 16 ms)", slowest, 0);
  bench_row ("scrolling frame, mean of 100", sum / FRAMES, 0);

  baseline_clear (&base);
  return 0;
}
