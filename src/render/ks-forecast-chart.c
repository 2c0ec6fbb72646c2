/* ks-forecast-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart copies the periods' numbers and names. Slots have equal widths,
 * so the hit test finds the period by division, never by walking the bars.
 */
#define G_LOG_DOMAIN "ks-forecast-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "ks-export.h"
#include "ks-forecast-chart.h"
#include "ks-format.h"

#define N_TICKS_MAX 24

/* Bar widths as fractions of the slot (KsForecastSeries order after NONE). */
static const double bar_share[4] = { 0, 0.8, 0.55, 0.3 };

typedef struct
{
  char        *period;
  double       value[4];           /* by KsForecastSeries; [0] unused */
  guint        open_count, won_count;
  KsChartText  label;
  KsChartRect  label_rect;
  gboolean     labelled;
} Period;

struct _KsForecastChart
{
  PangoContext *context;
  double        width, height, font_px;
  char         *currency;

  guint         n;
  Period       *periods;
  double        lo, hi, step;
  KsChartRect   plot;
  double        slot_w;
  guint         label_every;

  KsChartText   title;
  gboolean      has_title;
  double        title_x, title_y;
  KsChartText   legend[3];
  KsChartRect   legend_rect;
  double        legend_x[3], legend_y, swatch;
  KsChartText   ticks[N_TICKS_MAX];
  guint         n_ticks;
  double        tick_len;
  KsChartText   note;
  gboolean      has_note;
  double        note_x, note_y;

  KsChartMessage *empty;
};

static char *
money (const char *currency,
       const char *number)
{
  if (!currency || !*currency)
    return g_strdup (number);
  /* TRANSLATORS: a currency symbol and an amount, e.g. "$ 12 000" */
  return g_strdup_printf (_("%s %s"), currency, number);
}

static double
clean (double v)
{
  return isfinite (v) && v > 0 ? v : 0;
}

static double
value_y (const KsForecastChart *self,
         double                 v)
{
  return self->plot.y + self->plot.height * (1 - (v - self->lo) / (self->hi - self->lo));
}

KsForecastChart *
ks_forecast_chart_new (const KsForecastSpec *spec,
                       const KsForecastBar  *bars,
                       guint                 n_bars,
                       const KsPalette      *palette,
                       double                width,
                       double                height,
                       PangoContext         *context)
{
  KsForecastChart *self;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoFontDescription) title_font = NULL;
  double pad, gap, top, tick_w = 0, label_w = 0, label_h = 0, max_v = 0, left, right, bottom;
  const char *series_names[3];

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (bars != NULL || n_bars == 0, NULL);
  g_return_val_if_fail (palette != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self = g_new0 (KsForecastChart, 1);
  self->context = context ? g_object_ref (context) : ks_chart_context_new ();
  self->width = width;
  self->height = height;
  self->font_px = ks_chart_context_font_px (palette, self->context);
  self->currency = g_strdup (spec->currency ? spec->currency : "");
  self->n = n_bars;
  self->periods = g_new0 (Period, MAX (n_bars, 1));
  pad = self->font_px * 0.9;
  gap = self->font_px * 0.6;
  self->tick_len = self->font_px * 0.4;

  if (n_bars == 0)
    {
      self->empty = g_new0 (KsChartMessage, 1);
      ks_chart_message_init (self->empty, self->context, palette,
                             spec->empty_title ? spec->empty_title : _("No forecast"),
                             spec->empty_detail ? spec->empty_detail
                             : _("No open or won opportunity has a close date in this range."),
                             width);
      return self;
    }

  font = ks_chart_font_new (palette, 1.0, PANGO_WEIGHT_NORMAL);
  title_font = ks_chart_font_new (palette, 1.3, PANGO_WEIGHT_BOLD);

  for (guint i = 0; i < n_bars; i++)
    {
      Period *p = &self->periods[i];

      p->period = g_strdup (bars[i].period ? bars[i].period : "");
      p->value[KS_FORECAST_SERIES_BEST_CASE] = clean (bars[i].best_case);
      p->value[KS_FORECAST_SERIES_WEIGHTED] = clean (bars[i].weighted);
      p->value[KS_FORECAST_SERIES_WON] = clean (bars[i].won);
      p->open_count = bars[i].open_count;
      p->won_count = bars[i].won_count;
      for (guint s = 1; s < 4; s++)
        max_v = MAX (max_v, p->value[s]);
      ks_chart_text_init (&p->label, self->context, font, p->period, 0, FALSE, 1);
      label_w = MAX (label_w, p->label.width);
      label_h = MAX (label_h, p->label.height);
    }

  /* The axis: 0 to the largest value, in whole steps. */
  self->lo = 0;
  self->hi = max_v > 0 ? max_v : 1;
  ks_chart_nice_range (&self->lo, &self->hi, 5, TRUE, &self->step);
  self->lo = 0;
  self->n_ticks = MIN ((guint) floor (self->hi / self->step + 0.5) + 1, N_TICKS_MAX);
  for (guint k = 0; k < self->n_ticks; k++)
    {
      g_autofree char *n = ks_chart_tick_label (k * self->step, self->step);
      g_autofree char *s = money (self->currency, n);

      ks_chart_text_init (&self->ticks[k], self->context, font, s, 0, FALSE, 1);
      tick_w = MAX (tick_w, self->ticks[k].width);
    }

  /* Title and legend. */
  top = pad;
  if (spec->title && *spec->title)
    {
      self->has_title = TRUE;
      ks_chart_text_init (&self->title, self->context, title_font, spec->title, width - 2 * pad, FALSE, 1);
      self->title_x = pad;
      self->title_y = top;
      top += self->title.height + gap;
    }
  series_names[0] = _("Best case (open, at full value)");
  series_names[1] = _("Weighted (value × probability)");
  series_names[2] = _("Won");
  self->swatch = self->font_px * 1.6;
  {
    double x = pad, h = 0;

    for (guint s = 0; s < 3; s++)
      {
        ks_chart_text_init (&self->legend[s], self->context, font, series_names[s], width / 3 - self->swatch - gap,
                            FALSE, 1);
        self->legend_x[s] = x;
        x += self->swatch + gap * 0.5 + self->legend[s].width + pad * 1.5;
        h = MAX (h, self->legend[s].height);
      }
    self->legend_y = top;
    self->legend_rect = (KsChartRect) { pad, top, x - pad * 1.5 - pad, h };
    top += h + pad;
  }

  /* The note at the bottom, the period labels over it. */
  bottom = height - pad;
  if (spec->note && *spec->note)
    {
      self->has_note = TRUE;
      ks_chart_text_init (&self->note, self->context, font, spec->note, width - 2 * pad, TRUE, 3);
      self->note_x = pad;
      self->note_y = bottom - self->note.height;
      bottom = self->note_y - gap;
    }
  bottom -= label_h + self->tick_len;

  /* The plot, with room for the ticks on the left and half the first and
   * last period labels on the sides. */
  left = MAX (pad + tick_w + self->tick_len + gap * 0.5, pad + self->periods[0].label.width / 2);
  right = width - MAX (pad, pad + self->periods[n_bars - 1].label.width / 2);
  top += self->ticks[0].height / 2;
  self->plot = (KsChartRect) { left, top, MAX (right - left, 10), MAX (bottom - top, 10) };
  self->slot_w = self->plot.width / n_bars;

  /* Thin the labels: every k-th, k the smallest that gives each room. */
  self->label_every = MAX ((guint) ceil ((label_w + gap) / self->slot_w - 1e-9), 1);
  for (guint i = 0; i < n_bars; i++)
    {
      Period *p = &self->periods[i];
      double cx = self->plot.x + (i + 0.5) * self->slot_w;

      p->labelled = i % self->label_every == 0;
      p->label_rect = (KsChartRect) { cx - p->label.width / 2, self->plot.y + self->plot.height + self->tick_len,
                                      p->label.width, p->label.height };
    }
  return self;
}

void
ks_forecast_chart_free (KsForecastChart *chart)
{
  if (!chart)
    return;
  for (guint i = 0; i < chart->n; i++)
    {
      g_free (chart->periods[i].period);
      ks_chart_text_clear (&chart->periods[i].label);
    }
  g_free (chart->periods);
  for (guint k = 0; k < chart->n_ticks; k++)
    ks_chart_text_clear (&chart->ticks[k]);
  for (guint s = 0; s < 3; s++)
    ks_chart_text_clear (&chart->legend[s]);
  ks_chart_text_clear (&chart->title);
  ks_chart_text_clear (&chart->note);
  if (chart->empty)
    ks_chart_message_clear (chart->empty);
  g_free (chart->empty);
  g_free (chart->currency);
  g_object_unref (chart->context);
  g_free (chart);
}

gboolean
ks_forecast_chart_is_empty (const KsForecastChart *chart)
{
  g_return_val_if_fail (chart != NULL, TRUE);
  return chart->empty != NULL;
}

guint
ks_forecast_chart_get_n_periods (const KsForecastChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->n;
}

void
ks_forecast_chart_get_plot_rect (const KsForecastChart *chart,
                                 KsChartRect           *rect)
{
  g_return_if_fail (chart != NULL && rect != NULL);
  *rect = chart->plot;
}

void
ks_forecast_chart_get_axis (const KsForecastChart *chart,
                            double                *lo,
                            double                *hi,
                            double                *step)
{
  g_return_if_fail (chart != NULL);
  if (lo)
    *lo = chart->lo;
  if (hi)
    *hi = chart->hi;
  if (step)
    *step = chart->step;
}

gboolean
ks_forecast_chart_get_bar_rect (const KsForecastChart *chart,
                                guint                  period,
                                KsForecastSeries       series,
                                KsChartRect           *rect)
{
  double cx, w, y0, y1;

  g_return_val_if_fail (chart != NULL, FALSE);
  if (chart->empty || period >= chart->n || series < KS_FORECAST_SERIES_BEST_CASE || series > KS_FORECAST_SERIES_WON)
    return FALSE;
  cx = chart->plot.x + (period + 0.5) * chart->slot_w;
  w = chart->slot_w * bar_share[series];
  y0 = value_y (chart, 0);
  y1 = value_y (chart, chart->periods[period].value[series]);
  if (rect)
    *rect = (KsChartRect) { cx - w / 2, y1, w, y0 - y1 };
  return TRUE;
}

gboolean
ks_forecast_chart_get_label_rect (const KsForecastChart *chart,
                                  guint                  period,
                                  KsChartRect           *rect)
{
  g_return_val_if_fail (chart != NULL, FALSE);
  if (chart->empty || period >= chart->n || !chart->periods[period].labelled)
    return FALSE;
  if (rect)
    *rect = chart->periods[period].label_rect;
  return TRUE;
}

void
ks_forecast_chart_get_legend_rect (const KsForecastChart *chart,
                                   KsChartRect           *rect)
{
  g_return_if_fail (chart != NULL && rect != NULL);
  *rect = chart->legend_rect;
}

KsColor
ks_forecast_series_colour (const KsPalette  *palette,
                           KsForecastSeries  series)
{
  switch (series)
    {
    case KS_FORECAST_SERIES_BEST_CASE:
    case KS_FORECAST_SERIES_WEIGHTED:
      return palette->accent;
    case KS_FORECAST_SERIES_WON:
      /* darker than the positive colour on light, lighter on dark */
      return ks_color_mix (&palette->positive, &palette->foreground, 0.3);
    case KS_FORECAST_SERIES_NONE:
    default:
      return palette->unknown;
    }
}

KsForecastHit
ks_forecast_chart_hit_test (const KsForecastChart *chart,
                            double                 x,
                            double                 y)
{
  KsForecastHit hit = { -1, KS_FORECAST_SERIES_NONE };
  guint period;

  g_return_val_if_fail (chart != NULL, hit);
  if (chart->empty || !ks_chart_rect_contains (&chart->plot, x, y))
    return hit;
  period = MIN ((guint) ((x - chart->plot.x) / chart->slot_w), chart->n - 1);
  hit.period = (int) period;
  for (int s = KS_FORECAST_SERIES_WON; s >= KS_FORECAST_SERIES_BEST_CASE; s--)
    {
      KsChartRect r;

      ks_forecast_chart_get_bar_rect (chart, period, s, &r);
      if (r.height > 0 && ks_chart_rect_contains (&r, x, y))
        {
          hit.series = s;
          break;
        }
    }
  return hit;
}

/* ------------------------------------------------------------------ drawing */

static void
draw_bar (cairo_t                *cr,
          const KsForecastChart  *self,
          const KsPalette        *palette,
          guint                   period,
          KsForecastSeries        series)
{
  KsChartRect r;
  KsColor c = ks_forecast_series_colour (palette, series);

  ks_forecast_chart_get_bar_rect (self, period, series, &r);
  if (r.height <= 0)
    return;
  cairo_rectangle (cr, r.x, r.y, r.width, r.height);
  if (series == KS_FORECAST_SERIES_BEST_CASE)
    {
      KsColor light = ks_color_mix (&c, &palette->background, 0.82);

      ks_color_set_source (cr, &light);
      cairo_fill_preserve (cr);
      ks_color_set_source (cr, &c);
      cairo_set_line_width (cr, 1);
      cairo_save (cr);
      cairo_new_path (cr);
      cairo_rectangle (cr, r.x + 0.5, r.y + 0.5, MAX (r.width - 1, 0), MAX (r.height - 1, 0));
      cairo_stroke (cr);
      cairo_restore (cr);
      cairo_new_path (cr);
      return;
    }
  ks_color_set_source (cr, &c);
  cairo_fill (cr);
}

static void
draw_swatch (cairo_t         *cr,
             const KsPalette *palette,
             KsForecastSeries series,
             double           x,
             double           y,
             double           w,
             double           h)
{
  KsColor c = ks_forecast_series_colour (palette, series);

  cairo_rectangle (cr, x, y, w, h);
  if (series == KS_FORECAST_SERIES_BEST_CASE)
    {
      KsColor light = ks_color_mix (&c, &palette->background, 0.82);

      ks_color_set_source (cr, &light);
      cairo_fill (cr);
      cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, h - 1);
      ks_color_set_source (cr, &c);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      return;
    }
  ks_color_set_source (cr, &c);
  cairo_fill (cr);
}

/* The hovered period's numbers in a card beside its slot. */
static void
draw_card (cairo_t               *cr,
           const KsForecastChart *self,
           const KsPalette       *palette,
           guint                  period)
{
  const Period *p = &self->periods[period];
  g_autoptr(PangoFontDescription) bold = ks_chart_font_new (palette, 1.05, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoFontDescription) font = ks_chart_font_new (palette, 1.0, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoLayout) title = pango_layout_new (self->context);
  g_autoptr(PangoLayout) body = pango_layout_new (self->context);
  g_autofree char *best_n = ks_format_grouped (p->value[KS_FORECAST_SERIES_BEST_CASE]);
  g_autofree char *weighted_n = ks_format_grouped (p->value[KS_FORECAST_SERIES_WEIGHTED]);
  g_autofree char *won_n = ks_format_grouped (p->value[KS_FORECAST_SERIES_WON]);
  g_autofree char *best = money (self->currency, best_n);
  g_autofree char *weighted = money (self->currency, weighted_n);
  g_autofree char *won = money (self->currency, won_n);
  g_autofree char *open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open opportunity",
                                                        "%u open opportunities", p->open_count), p->open_count);
  g_autofree char *won_count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u won", "%u won",
                                                             p->won_count), p->won_count);
  /* TRANSLATORS: the hovered period's numbers in the forecast chart */
  g_autofree char *text = g_strdup_printf (_("Best case %s\nWeighted %s\nWon %s\n%s · %s"),
                                           best, weighted, won, open, won_count);
  PangoRectangle te, be;
  double pad = self->font_px * 0.7, w, h, x, y, slot_x = self->plot.x + period * self->slot_w;

  pango_layout_set_font_description (title, bold);
  pango_layout_set_text (title, p->period, -1);
  pango_layout_set_font_description (body, font);
  pango_layout_set_text (body, text, -1);
  pango_layout_get_extents (title, NULL, &te);
  pango_layout_get_extents (body, NULL, &be);
  w = MAX (te.width, be.width) / (double) PANGO_SCALE + 2 * pad;
  h = (te.height + be.height) / (double) PANGO_SCALE + 2.4 * pad;
  x = slot_x + self->slot_w + 6;
  if (x + w > self->width - 4)
    x = slot_x - 6 - w;
  x = CLAMP (x, 4, MAX (4, self->width - 4 - w));
  y = self->plot.y + 4;
  ks_chart_set_source (cr, &palette->foreground, 0.18);
  ks_chart_rounded_rect (cr, x + 1, y + 3, w, h, 7);
  cairo_fill (cr);
  ks_color_set_source (cr, &palette->surface);
  ks_chart_rounded_rect (cr, x, y, w, h, 7);
  cairo_fill_preserve (cr);
  ks_color_set_source (cr, &palette->grid);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  ks_color_set_source (cr, &palette->foreground);
  cairo_move_to (cr, x + pad, y + pad);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, x + pad, y + pad * 1.4 + te.height / (double) PANGO_SCALE);
  pango_cairo_show_layout (cr, body);
}

void
ks_forecast_chart_draw (cairo_t                   *cr,
                        const KsForecastChart     *chart,
                        const KsPalette           *palette,
                        const KsForecastDrawState *state)
{
  const KsChartRect *plot;
  int hovered = -1, selected = -1;

  g_return_if_fail (cr != NULL && chart != NULL && palette != NULL);

  cairo_save (cr);
  ks_color_set_source (cr, &palette->background);
  cairo_paint (cr);
  if (chart->empty)
    {
      ks_chart_message_draw (cr, chart->empty, palette, &(KsChartRect) { 0, 0, chart->width, chart->height });
      cairo_restore (cr);
      return;
    }
  plot = &chart->plot;
  if (state)
    {
      hovered = state->hovered >= 0 && (guint) state->hovered < chart->n ? state->hovered : -1;
      selected = state->selected >= 0 && (guint) state->selected < chart->n ? state->selected : -1;
    }

  if (chart->has_title)
    {
      ks_color_set_source (cr, &palette->foreground);
      ks_chart_text_show (cr, &chart->title, chart->title_x, chart->title_y);
    }
  for (guint s = 0; s < 3; s++)
    {
      double sy = chart->legend_y + (chart->legend[s].height - chart->font_px) / 2;

      draw_swatch (cr, palette, s + 1, chart->legend_x[s], sy, chart->swatch, chart->font_px);
      ks_color_set_source (cr, &palette->foreground);
      ks_chart_text_show (cr, &chart->legend[s], chart->legend_x[s] + chart->swatch + chart->font_px * 0.3,
                          chart->legend_y);
    }

  /* Grid and ticks. */
  cairo_set_line_width (cr, 1);
  for (guint k = 0; k < chart->n_ticks; k++)
    {
      double y = round (value_y (chart, k * chart->step)) + 0.5;

      ks_color_set_source (cr, &palette->grid);
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
      cairo_stroke (cr);
      ks_color_set_source (cr, &palette->muted);
      ks_chart_text_show (cr, &chart->ticks[k], plot->x - chart->tick_len - chart->ticks[k].width,
                          y - chart->ticks[k].height / 2);
    }

  /* The hovered and selected slots, behind the bars. */
  if (hovered >= 0)
    {
      ks_chart_set_source (cr, &palette->foreground, 0.07);
      cairo_rectangle (cr, plot->x + hovered * chart->slot_w, plot->y, chart->slot_w, plot->height);
      cairo_fill (cr);
    }
  if (selected >= 0)
    {
      ks_chart_set_source (cr, &palette->accent, 0.16);
      cairo_rectangle (cr, plot->x + selected * chart->slot_w, plot->y, chart->slot_w, plot->height);
      cairo_fill_preserve (cr);
      ks_color_set_source (cr, &palette->accent);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < chart->n; i++)
    for (int s = KS_FORECAST_SERIES_BEST_CASE; s <= KS_FORECAST_SERIES_WON; s++)
      draw_bar (cr, chart, palette, i, s);

  /* The axis and the period labels. */
  ks_color_set_source (cr, &palette->muted);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, plot->x, round (plot->y + plot->height) + 0.5);
  cairo_line_to (cr, plot->x + plot->width, round (plot->y + plot->height) + 0.5);
  cairo_stroke (cr);
  for (guint i = 0; i < chart->n; i++)
    {
      const Period *p = &chart->periods[i];
      double cx = plot->x + (i + 0.5) * chart->slot_w;

      if (!p->labelled)
        continue;
      ks_color_set_source (cr, &palette->muted);
      cairo_move_to (cr, round (cx) + 0.5, plot->y + plot->height);
      cairo_line_to (cr, round (cx) + 0.5, plot->y + plot->height + chart->tick_len * 0.8);
      cairo_stroke (cr);
      ks_color_set_source (cr, (int) i == selected ? &palette->accent : &palette->foreground);
      ks_chart_text_show (cr, &p->label, p->label_rect.x, p->label_rect.y);
    }
  if (chart->has_note)
    {
      ks_color_set_source (cr, &palette->muted);
      ks_chart_text_show (cr, &chart->note, chart->note_x, chart->note_y);
    }
  if (hovered >= 0)
    draw_card (cr, chart, palette, hovered);
  cairo_restore (cr);
}

static void
export_draw (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  gpointer *data = user_data;

  ks_forecast_chart_draw (cr, data[0], data[1], NULL);
}

gboolean
ks_forecast_chart_export (const char           *path,
                          const KsForecastSpec *spec,
                          const KsForecastBar  *bars,
                          guint                 n_bars,
                          const KsPalette      *palette,
                          double                width,
                          double                height,
                          GError              **error)
{
  g_autoptr(KsForecastChart) chart = NULL;
  KsExportFormat format;
  gpointer data[2];

  g_return_val_if_fail (path != NULL && spec != NULL && palette != NULL, FALSE);
  g_return_val_if_fail (bars != NULL || n_bars == 0, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  if (!ks_export_format_for_path (path, &format, error))
    return FALSE;
  chart = ks_forecast_chart_new (spec, bars, n_bars, palette, width, height, NULL);
  data[0] = chart;
  data[1] = (gpointer) palette;
  return ks_export_to_file (path, width, height, 1, export_draw, data, error);
}
