/* ks-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-chart"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "ks-chart.h"
#include "ks-format.h"

gboolean
ks_chart_rect_overlaps (const KsChartRect *a,
                        const KsChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
ks_chart_rect_contains (const KsChartRect *rect,
                        double             x,
                        double             y)
{
  return x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height;
}

PangoContext *
ks_chart_context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

PangoFontDescription *
ks_chart_font_new (const KsPalette *palette,
                   double           scale,
                   PangoWeight      weight)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, palette->font_family ? palette->font_family : "sans-serif");
  pango_font_description_set_size (font, (int) (palette->font_size * scale * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  return font;
}

void
ks_chart_rounded_rect (cairo_t *cr,
                       double   x,
                       double   y,
                       double   w,
                       double   h,
                       double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
ks_chart_set_source (cairo_t       *cr,
                     const KsColor *c,
                     double         alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

double
ks_chart_font_px (const KsPalette *palette)
{
  return palette->font_size * 96.0 / 72.0;
}

double
ks_chart_context_font_px (const KsPalette *palette,
                          PangoContext    *context)
{
  double px = palette->font_size * pango_cairo_context_get_resolution (context) / 72.0;

  return px > 0 ? px : palette->font_size * 96.0 / 72.0;
}

double
ks_chart_text_width (PangoLayout *layout,
                     const char  *text)
{
  PangoRectangle logical;

  if (!text || !*text)
    return 0;
  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

double
ks_chart_line_height (PangoContext               *context,
                      const PangoFontDescription *font)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoRectangle logical;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "Ag", -1);
  pango_layout_get_extents (layout, NULL, &logical);
  g_object_unref (layout);
  return (double) logical.height / PANGO_SCALE;
}

static void
runs_clear (KsChartText *text)
{
  for (guint i = 0; i < text->n_runs; i++)
    {
      cairo_scaled_font_destroy (text->runs[i].font);
      g_free (text->runs[i].glyphs);
    }
  g_clear_pointer (&text->runs, g_free);
  text->n_runs = 0;
}

/* Copies the glyphs pango shaped, so drawing needs no pango at all. */
static void
runs_cache (KsChartText *text)
{
  PangoLayoutIter *iter = pango_layout_get_iter (text->layout);
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (KsChartGlyphRun));

  text->fallback = FALSE;
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoGlyphString *gs;
      PangoRectangle logical;
      KsChartGlyphRun r;
      int baseline, x;

      if (!run)
        continue;
      gs = run->glyphs;
      if (!PANGO_IS_CAIRO_FONT (run->item->analysis.font))
        {
          text->fallback = TRUE;
          continue;
        }
      baseline = pango_layout_iter_get_baseline (iter);
      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      x = logical.x;
      r.font = cairo_scaled_font_reference (
        pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font)));
      r.glyphs = g_new (cairo_glyph_t, MAX (gs->num_glyphs, 1));
      r.n_glyphs = 0;
      for (int i = 0; i < gs->num_glyphs; i++)
        {
          const PangoGlyphInfo *gi = &gs->glyphs[i];

          if (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG)
            text->fallback = TRUE;
          else if (gi->glyph != PANGO_GLYPH_EMPTY)
            {
              r.glyphs[r.n_glyphs].index = gi->glyph;
              r.glyphs[r.n_glyphs].x = (double) (x + gi->geometry.x_offset) / PANGO_SCALE;
              r.glyphs[r.n_glyphs].y = (double) (baseline + gi->geometry.y_offset) / PANGO_SCALE;
              r.n_glyphs++;
            }
          x += gi->geometry.width;
        }
      g_array_append_val (runs, r);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  text->n_runs = runs->len;
  text->runs = (KsChartGlyphRun *) (void *) g_array_free (runs, FALSE);
}

void
ks_chart_text_measure (KsChartText *text)
{
  PangoRectangle logical;

  pango_layout_get_extents (text->layout, NULL, &logical);
  text->width = (double) logical.width / PANGO_SCALE;
  text->height = (double) logical.height / PANGO_SCALE;
  runs_clear (text);
  runs_cache (text);
}

void
ks_chart_text_init (KsChartText                *text,
                    PangoContext               *context,
                    const PangoFontDescription *font,
                    const char                 *string,
                    double                      max_width,
                    gboolean                    wrap,
                    int                         max_lines)
{
  *text = (KsChartText) { 0 };
  text->layout = pango_layout_new (context);
  pango_layout_set_font_description (text->layout, font);
  pango_layout_set_single_paragraph_mode (text->layout, TRUE);
  pango_layout_set_text (text->layout, string ? string : "", -1);
  if (max_width > 0)
    {
      pango_layout_set_width (text->layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_END);
      if (wrap)
        {
          pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (text->layout, -MAX (max_lines, 1));
        }
    }
  ks_chart_text_measure (text);
}

void
ks_chart_text_clear (KsChartText *text)
{
  runs_clear (text);
  g_clear_object (&text->layout);
}

gboolean
ks_chart_target_keeps_text (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_IMAGE:
    case CAIRO_SURFACE_TYPE_XLIB:
    case CAIRO_SURFACE_TYPE_XCB:
      return FALSE;
    case CAIRO_SURFACE_TYPE_RECORDING:
      /* a snapshot of the app's, bound for the screen (export and print
       * draw straight onto their surfaces): replaying pango's text and
       * clusters from it costs a frame twice what the glyphs cost */
      return FALSE;
    default:
      return cairo_surface_has_show_text_glyphs (cairo_get_target (cr));
    }
}

void
ks_chart_text_show (cairo_t           *cr,
                    const KsChartText *text,
                    double             x,
                    double             y)
{
  if (!text->layout)
    return;
  if (text->fallback || ks_chart_target_keeps_text (cr))
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, text->layout);
      return;
    }
  cairo_save (cr);
  cairo_translate (cr, x, y);
  for (guint i = 0; i < text->n_runs; i++)
    {
      cairo_set_scaled_font (cr, text->runs[i].font);
      cairo_show_glyphs (cr, text->runs[i].glyphs, text->runs[i].n_glyphs);
    }
  cairo_restore (cr);
}

void
ks_chart_nice_range (double   *lo,
                     double   *hi,
                     guint     target,
                     gboolean  extend,
                     double   *step)
{
  double span, raw, mag, f, s;

  if (!isfinite (*lo) || !isfinite (*hi))
    {
      *lo = 0;
      *hi = 1;
    }
  if (*hi < *lo)
    {
      double t = *lo;
      *lo = *hi;
      *hi = t;
    }
  if (*hi - *lo < 1e-12)
    {
      double pad = fabs (*lo) > 1e-12 ? fabs (*lo) * 0.1 : 1;
      *lo -= pad;
      *hi += pad;
    }
  span = *hi - *lo;
  raw = span / MAX (target, 2u);
  mag = pow (10, floor (log10 (raw)));
  f = raw / mag;
  s = (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
  if (extend)
    {
      *lo = floor (*lo / s + 1e-9) * s;
      *hi = ceil (*hi / s - 1e-9) * s;
    }
  *step = s;
}

char *
ks_chart_tick_label (double value,
                     double step)
{
  int decimals = 0;

  if (fabs (value) < step * 1e-6)
    value = 0;
  while (decimals < 6 && fabs (step * pow (10, decimals) - round (step * pow (10, decimals))) > 1e-6)
    decimals++;
  return ks_format_fixed (value, decimals);
}

void
ks_chart_message_init (KsChartMessage  *message,
                       PangoContext    *context,
                       const KsPalette *palette,
                       const char      *title,
                       const char      *detail,
                       double           width)
{
  g_autoptr(PangoFontDescription) title_font = ks_chart_font_new (palette, 1.6, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoFontDescription) font = ks_chart_font_new (palette, 1.1, PANGO_WEIGHT_NORMAL);
  double max_w = MAX (width * 0.7, 120);

  ks_chart_text_init (&message->title, context, title_font, title, max_w, TRUE, 2);
  ks_chart_text_init (&message->detail, context, font, detail, max_w, TRUE, 4);
}

void
ks_chart_message_clear (KsChartMessage *message)
{
  ks_chart_text_clear (&message->title);
  ks_chart_text_clear (&message->detail);
}

void
ks_chart_message_draw (cairo_t              *cr,
                       const KsChartMessage *message,
                       const KsPalette      *palette,
                       const KsChartRect    *area)
{
  double pad = ks_chart_font_px (palette) * 1.2, gap = ks_chart_font_px (palette) * 0.6;
  double w = MAX (message->title.width, message->detail.width);
  double h = message->title.height + gap + message->detail.height;
  double x = area->x + (area->width - w) / 2, y = area->y + (area->height - h) / 2;

  cairo_save (cr);
  ks_color_set_source (cr, &palette->surface);
  ks_chart_rounded_rect (cr, x - pad, y - pad, w + 2 * pad, h + 2 * pad, 8);
  cairo_fill_preserve (cr);
  ks_color_set_source (cr, &palette->grid);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  ks_color_set_source (cr, &palette->foreground);
  ks_chart_text_show (cr, &message->title, area->x + (area->width - message->title.width) / 2, y);
  ks_color_set_source (cr, &palette->muted);
  ks_chart_text_show (cr, &message->detail, area->x + (area->width - message->detail.width) / 2,
                      y + message->title.height + gap);
  cairo_restore (cr);
}
