/* ks-funnel-chart.c — the funnel's layout and hit testing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text is measured once; placing is pure arithmetic on the measured sizes,
 * so it runs again when the labels that do not fit inside ask for a right
 * column: the column is as wide as the widest of them, the funnel narrows,
 * maybe more labels leave their bands, and the loop stops when no new one
 * does (at most once per band).
 */
#define G_LOG_DOMAIN "ks-funnel-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ks-format.h"
#include "ks-funnel-chart-private.h"

static char *
money (const char *currency,
       double      value)
{
  /* whole units: a weighted value's cents (value × probability) are noise */
  g_autofree char *n = ks_format_grouped (isfinite (value) ? round (value) : 0);

  if (!currency || !*currency)
    return g_steal_pointer (&n);
  /* TRANSLATORS: a currency symbol and an amount, e.g. "$ 12 000" */
  return g_strdup_printf (_("%s %s"), currency, n);
}

/* The funnel's width at height @y within open band @b (linear between its
 * top and bottom edges). */
static double
width_at (const KsFunnelBandGeom *b,
          double                  y)
{
  double top = b->px[1] - b->px[0], bottom = b->px[2] - b->px[3];
  double h = b->py[3] - b->py[0];
  double t = h > 0 ? CLAMP ((y - b->py[0]) / h, 0, 1) : 0;

  return top + (bottom - top) * t;
}

static void
set_rect (KsFunnelBandGeom *b,
          double            x,
          double            y,
          double            w,
          double            h)
{
  b->px[0] = x;
  b->py[0] = y;
  b->px[1] = x + w;
  b->py[1] = y;
  b->px[2] = x + w;
  b->py[2] = y + h;
  b->px[3] = x;
  b->py[3] = y + h;
  b->cx = x + w / 2;
  b->cy = y + h / 2;
  b->anchor_x = x + w;
  b->anchor_y = y + h / 2;
}

/* Does the label fit inside the band, centred, with a margin? */
static gboolean
label_fits (const KsFunnelLayout   *self,
            const KsFunnelBandGeom *b)
{
  double mh = self->font_px * 0.5, mv = 2;
  double top = b->cy - b->label_h / 2, bottom = b->cy + b->label_h / 2;

  if (b->label_h + 2 * mv > b->py[3] - b->py[0])
    return FALSE;
  if (b->kind == KS_FUNNEL_BAND_OPEN)
    return b->label_w + 2 * mh <= MIN (width_at (b, top), width_at (b, bottom));
  return b->label_w + 2 * mh <= b->px[1] - b->px[0];
}

/* Places bands, labels and conversions with @left_w and @right_w reserved
 * on the sides of the area. Returns the width the labels that do not fit
 * inside need in the right column (0 when all fit). */
static double
place (KsFunnelLayout *self,
       double          left_w,
       double          right_w)
{
  KsChartRect *f = &self->funnel;
  double max_open = 0, max_any = 0, scale, rows, y, won_total = 0, lost_total = 0;
  double gap = self->font_px * 0.6, leader_gap = self->font_px * 1.5, stack_gap = 3;
  double last_bottom = -G_MAXDOUBLE, need = 0, lost_x;
  double *w;
  guint open_i = 0;

  *f = (KsChartRect) { self->area.x + left_w, self->area.y,
                       MAX (self->area.width - left_w - right_w, 4 * KS_FUNNEL_MIN_BAND_WIDTH),
                       self->area.height };
  self->axis_x = f->x + f->width / 2;

  /* Heights: one row per open band, one for the won spout, and for lost
   * bands a third of a row of gap and a row. */
  rows = self->n_open + (self->n_won ? 1 : 0) + (self->n_lost ? 1.35 : 0);
  self->band_h = f->height / MAX (rows, 1);
  self->band_h = MIN (self->band_h, KS_FUNNEL_MAX_BAND_HEIGHT * self->font_px);
  self->band_h = MAX (self->band_h, KS_FUNNEL_MIN_BAND_HEIGHT);
  for (guint i = 0; i < self->n; i++)
    if (self->bands[i].has_conversion)
      self->band_h = MAX (self->band_h, self->bands[i].conversion_text.height + 2);

  /* Widths on one scale: the largest open measure fills the funnel. */
  for (guint i = 0; i < self->n; i++)
    {
      const KsFunnelBandGeom *b = &self->bands[i];

      if (b->kind == KS_FUNNEL_BAND_OPEN)
        max_open = MAX (max_open, b->measure);
      max_any = MAX (max_any, b->measure);
    }
  if (max_open <= 0)
    max_open = max_any;
  scale = max_open > 0 ? f->width / max_open : 0;
  w = g_new0 (double, MAX (self->n, 1));
  for (guint i = 0; i < self->n; i++)
    {
      w[i] = self->bands[i].measure * scale;
      if (self->bands[i].kind == KS_FUNNEL_BAND_WON)
        won_total += MAX (w[i], KS_FUNNEL_MIN_BAND_WIDTH);
      else if (self->bands[i].kind == KS_FUNNEL_BAND_LOST)
        lost_total += MAX (w[i], KS_FUNNEL_MIN_BAND_WIDTH);
    }
  /* The outflow rows shrink, each as a whole, to their room. */
  for (guint i = 0; i < self->n; i++)
    {
      KsFunnelBandKind kind = self->bands[i].kind;
      double total = kind == KS_FUNNEL_BAND_WON ? won_total : lost_total;
      double room = kind == KS_FUNNEL_BAND_WON ? f->width : f->width / 2;

      if (kind != KS_FUNNEL_BAND_OPEN && total > room)
        w[i] *= room / total;
      w[i] = MAX (w[i], KS_FUNNEL_MIN_BAND_WIDTH);
    }
  won_total = lost_total = 0;
  for (guint i = 0; i < self->n; i++)
    {
      if (self->bands[i].kind == KS_FUNNEL_BAND_WON)
        won_total += w[i];
      else if (self->bands[i].kind == KS_FUNNEL_BAND_LOST)
        lost_total += w[i];
    }

  /* Open bands: trapezoids, top to bottom. */
  for (guint i = 0; i < self->n; i++)
    {
      KsFunnelBandGeom *b = &self->bands[i];
      double top, bottom = -1, y0, y1;

      if (b->kind != KS_FUNNEL_BAND_OPEN)
        continue;
      top = w[i];
      for (guint j = i + 1; j < self->n && bottom < 0; j++)
        if (self->bands[j].kind == KS_FUNNEL_BAND_OPEN)
          bottom = w[j];
      if (bottom < 0)
        bottom = self->n_won ? MIN (won_total, top) : top;
      y0 = f->y + open_i * self->band_h;
      y1 = y0 + self->band_h;
      b->px[0] = self->axis_x - top / 2;
      b->py[0] = y0;
      b->px[1] = self->axis_x + top / 2;
      b->py[1] = y0;
      b->px[2] = self->axis_x + bottom / 2;
      b->py[2] = y1;
      b->px[3] = self->axis_x - bottom / 2;
      b->py[3] = y1;
      b->cx = self->axis_x;
      b->cy = (y0 + y1) / 2;
      b->anchor_x = self->axis_x + (top + bottom) / 4;
      b->anchor_y = b->cy;
      open_i++;
    }

  /* The spout, then the lost row right-aligned under the funnel's right half. */
  y = f->y + self->n_open * self->band_h;
  {
    double x = self->axis_x - won_total / 2;

    for (guint i = 0; i < self->n; i++)
      if (self->bands[i].kind == KS_FUNNEL_BAND_WON)
        {
          set_rect (&self->bands[i], x, y, w[i], self->band_h);
          x += w[i];
        }
  }
  if (self->n_won)
    y += self->band_h;
  y += self->n_lost ? self->band_h * 0.35 : 0;
  lost_x = f->x + f->width - lost_total;
  for (guint i = 0; i < self->n; i++)
    if (self->bands[i].kind == KS_FUNNEL_BAND_LOST)
      {
        set_rect (&self->bands[i], lost_x, y, w[i], self->band_h);
        lost_x += w[i];
      }
  g_free (w);

  /* Labels: inside when they fit, else beside in band order, stacked down. */
  for (guint i = 0; i < self->n; i++)
    {
      KsFunnelBandGeom *b = &self->bands[i];

      if (label_fits (self, b))
        {
          b->place = KS_FUNNEL_LABEL_INSIDE;
          b->label = (KsChartRect) { b->cx - b->label_w / 2, b->cy - b->label_h / 2, b->label_w, b->label_h };
          continue;
        }
      b->place = KS_FUNNEL_LABEL_BESIDE;
      need = MAX (need, b->label_w + leader_gap);
      b->label.x = f->x + f->width + leader_gap;
      b->label.y = MAX (b->cy - b->label_h / 2, last_bottom + stack_gap);
      b->label.width = b->label_w;
      b->label.height = b->label_h;
      last_bottom = b->label.y + b->label.height;
    }
  /* A stack that runs past the picture's bottom moves up, from the last
   * label, keeping the gaps; then down again where it would leave the
   * picture's top, so labels never overlap (a stack taller than the
   * picture runs past its bottom). */
  {
    double limit = self->height - self->font_px * 0.5;

    for (guint i = self->n; i-- > 0;)
      {
        KsFunnelBandGeom *b = &self->bands[i];

        if (b->place != KS_FUNNEL_LABEL_BESIDE)
          continue;
        b->label.y = MIN (b->label.y, limit - b->label.height);
        limit = b->label.y - stack_gap;
      }
  }
  last_bottom = self->font_px * 0.5 - stack_gap;
  for (guint i = 0; i < self->n; i++)
    {
      KsFunnelBandGeom *b = &self->bands[i];

      if (b->place != KS_FUNNEL_LABEL_BESIDE)
        continue;
      b->label.y = MAX (b->label.y, last_bottom + stack_gap);
      last_bottom = b->label.y + b->label.height;
      b->leader[0] = b->anchor_x;
      b->leader[1] = b->anchor_y;
      b->leader[2] = b->label.x - 3;
      b->leader[3] = b->label.y + b->label.height / 2;
    }

  /* Conversions at the boundary under each open band, left of the funnel:
   * clear of its widest edge over the text's height. */
  for (guint i = 0; i < self->n; i++)
    {
      KsFunnelBandGeom *b = &self->bands[i];
      const KsFunnelBandGeom *below = NULL;
      double half, edge;

      if (!b->has_conversion)
        continue;
      for (guint j = i + 1; j < self->n && !below; j++)
        if (self->bands[j].kind == KS_FUNNEL_BAND_OPEN)
          below = &self->bands[j];
      half = b->conversion_text.height / 2;
      /* Under the last open band: the spout, which may be wider than the
       * band's bottom edge. */
      edge = MAX (width_at (b, b->py[3] - half),
                  below ? width_at (below, below->py[0] + half) : b->px[2] - b->px[3]) / 2;
      for (guint j = 0; !below && j < self->n; j++)
        if (self->bands[j].kind == KS_FUNNEL_BAND_WON)
          edge = MAX (edge, self->axis_x - self->bands[j].px[0]);
      b->conversion_edge_x = self->axis_x - edge;
      b->conversion_rect = (KsChartRect) { b->conversion_edge_x - gap - b->conversion_text.width,
                                           b->py[3] - half,
                                           b->conversion_text.width, b->conversion_text.height };
    }
  return need;
}

KsFunnelLayout *
ks_funnel_layout_new (const KsFunnelSpec *spec,
                      const KsFunnelBand *bands,
                      guint               n_bands,
                      const KsPalette    *palette,
                      double              width,
                      double              height,
                      PangoContext       *context)
{
  KsFunnelLayout *self;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoFontDescription) bold = NULL;
  g_autoptr(PangoFontDescription) title_font = NULL;
  double pad, top, label_max, left_w = 0, right_w = 0;
  guint total = 0;
  guint ranks[3] = { 0, 0, 0 };

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (bands != NULL || n_bands == 0, NULL);
  g_return_val_if_fail (palette != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self = g_new0 (KsFunnelLayout, 1);
  self->context = context ? g_object_ref (context) : ks_chart_context_new ();
  self->width = width;
  self->height = height;
  self->font_px = ks_chart_context_font_px (palette, self->context);
  self->size_by = spec->size_by;
  pad = self->font_px * 0.9;

  font = ks_chart_font_new (palette, 1.0, PANGO_WEIGHT_NORMAL);
  bold = ks_chart_font_new (palette, 1.0, PANGO_WEIGHT_BOLD);
  title_font = ks_chart_font_new (palette, 1.3, PANGO_WEIGHT_BOLD);

  self->n = n_bands;
  self->bands = g_new0 (KsFunnelBandGeom, MAX (n_bands, 1));
  for (guint i = 0; i < n_bands; i++)
    {
      KsFunnelBandGeom *b = &self->bands[i];
      const KsFunnelBand *in = &bands[i];

      b->name = g_strdup (in->name ? in->name : "");
      b->kind = CLAMP (in->kind, KS_FUNNEL_BAND_OPEN, KS_FUNNEL_BAND_LOST);
      b->count = in->count;
      b->value = isfinite (in->value) ? in->value : 0;
      b->weighted = isfinite (in->weighted_value) ? in->weighted_value : 0;
      b->probability = in->probability;
      b->conversion = in->conversion;
      b->measure = spec->size_by == KS_FUNNEL_SIZE_VALUE ? MAX (b->value, 0) : b->count;
      b->rank = ranks[b->kind]++;
      total += in->count;
    }
  self->n_open = ranks[KS_FUNNEL_BAND_OPEN];
  self->n_won = ranks[KS_FUNNEL_BAND_WON];
  self->n_lost = ranks[KS_FUNNEL_BAND_LOST];

  if (total == 0)
    {
      self->empty = g_new0 (KsChartMessage, 1);
      ks_chart_message_init (self->empty, self->context, palette,
                             spec->empty_title ? spec->empty_title : _("No opportunities"),
                             spec->empty_detail ? spec->empty_detail
                             : _("No opportunity is in a funnel stage here: import opportunities or change the filter."),
                             width);
      return self;
    }

  /* Title and summary. */
  top = pad;
  if (spec->title && *spec->title)
    {
      self->has_title = TRUE;
      ks_chart_text_init (&self->title, self->context, title_font, spec->title, width - 2 * pad, FALSE, 1);
      self->title_x = pad;
      self->title_y = top;
      top += self->title.height + pad * 0.3;
    }
  if (spec->summary && *spec->summary)
    {
      self->has_summary = TRUE;
      ks_chart_text_init (&self->summary, self->context, font, spec->summary, width - 2 * pad, FALSE, 1);
      self->summary_x = pad;
      self->summary_y = top;
      top += self->summary.height;
    }
  if (self->has_title || self->has_summary)
    top += pad * 0.8;
  self->area = (KsChartRect) { pad, top, width - 2 * pad, height - top - pad };

  /* The diagnosis panel: beside when wider than tall and wide enough to
   * leave the funnel and its beside labels room (64 font sizes, about
   * 830 px), else below. */
  if (spec->shape_title && *spec->shape_title)
    {
      gboolean beside = width > height && width >= self->font_px * 64;
      double panel_w = beside ? CLAMP (width * 0.28, self->font_px * 12, self->font_px * 22) : self->area.width;
      double pp = self->font_px * 0.7, text_w, panel_h;
      g_autoptr(PangoFontDescription) panel_title = ks_chart_font_new (palette, 1.1, PANGO_WEIGHT_BOLD);

      panel_w = MIN (panel_w, self->area.width * 0.45);
      text_w = MAX (panel_w - 2 * pp, 20);
      self->has_diagnosis = TRUE;
      self->panel_pad = pp;
      ks_chart_text_init (&self->diagnosis_title, self->context, panel_title, spec->shape_title,
                          text_w, TRUE, 2);
      ks_chart_text_init (&self->diagnosis_reason, self->context, font,
                          spec->shape_reason ? spec->shape_reason : "", text_w, TRUE, beside ? 14 : 5);
      panel_h = pp + self->diagnosis_title.height + (spec->shape_reason && *spec->shape_reason
                                                     ? pp * 0.5 + self->diagnosis_reason.height : 0) + pp;
      if (beside)
        {
          self->diagnosis = (KsChartRect) { self->area.x + self->area.width - panel_w, self->area.y, panel_w, panel_h };
          self->area.width -= panel_w + pad;
        }
      else
        {
          self->diagnosis = (KsChartRect) { self->area.x, self->area.y + self->area.height - panel_h,
                                            panel_w, panel_h };
          self->area.height -= panel_h + pad;
        }
      self->area.height = MAX (self->area.height, KS_FUNNEL_MIN_BAND_HEIGHT);
    }

  /* Each band's label lines and conversion text. */
  label_max = MIN (self->area.width * 0.4, self->font_px * 24);
  for (guint i = 0; i < n_bands; i++)
    {
      KsFunnelBandGeom *b = &self->bands[i];
      g_autofree char *count = ks_format_grouped (b->count);
      g_autofree char *value = money (spec->currency, b->value);
      /* TRANSLATORS: e.g. "120 opportunities · $ 4 500 000" */
      g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s opportunity · %s",
                                                            "%s opportunities · %s", b->count), count, value);

      ks_chart_text_init (&b->lines[0], self->context, bold, b->name, label_max, FALSE, 1);
      ks_chart_text_init (&b->lines[1], self->context, font, line, label_max, FALSE, 1);
      b->n_lines = 2;
      if (b->kind == KS_FUNNEL_BAND_OPEN)
        {
          g_autofree char *weighted = money (spec->currency, b->weighted);
          /* TRANSLATORS: the weighted value of a funnel stage, e.g. "weighted $ 900 000" */
          g_autofree char *s = g_strdup_printf (_("weighted %s"), weighted);

          ks_chart_text_init (&b->lines[2], self->context, font, s, label_max, FALSE, 1);
          b->n_lines = 3;
        }
      for (guint k = 0; k < b->n_lines; k++)
        {
          b->label_w = MAX (b->label_w, b->lines[k].width);
          b->label_h += b->lines[k].height;
        }
      if (b->kind == KS_FUNNEL_BAND_OPEN && isfinite (b->conversion))
        {
          g_autofree char *n = ks_format_fixed (b->conversion, 0);
          /* TRANSLATORS: a stage-to-stage conversion, e.g. "↓ 45 %" */
          g_autofree char *s = g_strdup_printf (_("↓ %s %%"), n);

          b->has_conversion = TRUE;
          ks_chart_text_init (&b->conversion_text, self->context, font, s, 0, FALSE, 1);
          left_w = MAX (left_w, b->conversion_text.width + self->font_px * 0.6);
        }
    }

  /* Place; reserve a right column while labels ask for a wider one. */
  for (guint pass = 0; pass <= n_bands; pass++)
    {
      double need = place (self, left_w, right_w);

      if (need <= right_w)
        break;
      right_w = need;
    }
  return self;
}

void
ks_funnel_layout_free (KsFunnelLayout *layout)
{
  if (!layout)
    return;
  for (guint i = 0; i < layout->n; i++)
    {
      KsFunnelBandGeom *b = &layout->bands[i];

      for (guint k = 0; k < KS_FUNNEL_LABEL_LINES; k++)
        ks_chart_text_clear (&b->lines[k]);
      ks_chart_text_clear (&b->conversion_text);
      g_free (b->name);
    }
  g_free (layout->bands);
  ks_chart_text_clear (&layout->title);
  ks_chart_text_clear (&layout->summary);
  ks_chart_text_clear (&layout->diagnosis_title);
  ks_chart_text_clear (&layout->diagnosis_reason);
  if (layout->empty)
    ks_chart_message_clear (layout->empty);
  g_free (layout->empty);
  g_object_unref (layout->context);
  g_free (layout);
}

gboolean
ks_funnel_layout_is_empty (const KsFunnelLayout *layout)
{
  g_return_val_if_fail (layout != NULL, TRUE);
  return layout->empty != NULL;
}

guint
ks_funnel_layout_get_n_bands (const KsFunnelLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->empty ? 0 : layout->n;
}

void
ks_funnel_layout_get_funnel_rect (const KsFunnelLayout *layout,
                                  KsChartRect          *rect)
{
  g_return_if_fail (layout != NULL && rect != NULL);
  *rect = layout->funnel;
}

gboolean
ks_funnel_layout_get_band_polygon (const KsFunnelLayout *layout,
                                   guint                 index,
                                   double               *x,
                                   double               *y)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  if (layout->empty || index >= layout->n)
    return FALSE;
  for (guint k = 0; k < 4; k++)
    {
      if (x)
        x[k] = layout->bands[index].px[k];
      if (y)
        y[k] = layout->bands[index].py[k];
    }
  return TRUE;
}

KsFunnelLabelPlace
ks_funnel_layout_get_label_rect (const KsFunnelLayout *layout,
                                 guint                 index,
                                 KsChartRect          *rect)
{
  g_return_val_if_fail (layout != NULL, KS_FUNNEL_LABEL_NONE);
  if (layout->empty || index >= layout->n)
    return KS_FUNNEL_LABEL_NONE;
  if (rect)
    *rect = layout->bands[index].label;
  return layout->bands[index].place;
}

gboolean
ks_funnel_layout_get_leader (const KsFunnelLayout *layout,
                             guint                 index,
                             double               *x0,
                             double               *y0,
                             double               *x1,
                             double               *y1)
{
  const KsFunnelBandGeom *b;

  g_return_val_if_fail (layout != NULL, FALSE);
  if (layout->empty || index >= layout->n || layout->bands[index].place != KS_FUNNEL_LABEL_BESIDE)
    return FALSE;
  b = &layout->bands[index];
  if (x0)
    *x0 = b->leader[0];
  if (y0)
    *y0 = b->leader[1];
  if (x1)
    *x1 = b->leader[2];
  if (y1)
    *y1 = b->leader[3];
  return TRUE;
}

gboolean
ks_funnel_layout_get_conversion_rect (const KsFunnelLayout *layout,
                                      guint                 index,
                                      KsChartRect          *rect)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  if (layout->empty || index >= layout->n || !layout->bands[index].has_conversion)
    return FALSE;
  if (rect)
    *rect = layout->bands[index].conversion_rect;
  return TRUE;
}

gboolean
ks_funnel_layout_get_diagnosis_rect (const KsFunnelLayout *layout,
                                     KsChartRect          *rect)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  if (layout->empty || !layout->has_diagnosis)
    return FALSE;
  if (rect)
    *rect = layout->diagnosis;
  return TRUE;
}

KsColor
ks_funnel_layout_get_band_colour (const KsFunnelLayout *layout,
                                  const KsPalette      *palette,
                                  guint                 index)
{
  static const KsColor black = { 0, 0, 0, 1 };
  const KsFunnelBandGeom *b;
  double t;

  g_return_val_if_fail (layout != NULL && palette != NULL, black);
  if (index >= layout->n)
    return palette->unknown;
  b = &layout->bands[index];
  switch (b->kind)
    {
    case KS_FUNNEL_BAND_WON:
      return palette->positive;
    case KS_FUNNEL_BAND_LOST:
      return ks_color_mix (&palette->unknown, &palette->surface, 0.35);
    case KS_FUNNEL_BAND_OPEN:
    default:
      /* The first stage lightest, the last the full accent. */
      t = layout->n_open > 1 ? (double) b->rank / (layout->n_open - 1) : 1;
      return ks_color_mix (&palette->accent, &palette->surface, 0.55 * (1 - t));
    }
}

/* Inside the convex outline (clockwise in view coordinates, y down)? */
static gboolean
in_polygon (const KsFunnelBandGeom *b,
            double                  x,
            double                  y)
{
  for (guint k = 0; k < 4; k++)
    {
      guint l = (k + 1) % 4;
      double cross = (b->px[l] - b->px[k]) * (y - b->py[k]) - (b->py[l] - b->py[k]) * (x - b->px[k]);

      if (cross < 0)
        return FALSE;
    }
  return TRUE;
}

KsFunnelHit
ks_funnel_layout_hit_test (const KsFunnelLayout *layout,
                           double                x,
                           double                y)
{
  KsFunnelHit none = { KS_FUNNEL_HIT_NONE, -1 };

  g_return_val_if_fail (layout != NULL, none);
  if (layout->empty)
    return none;
  if (layout->has_diagnosis && ks_chart_rect_contains (&layout->diagnosis, x, y))
    return (KsFunnelHit) { KS_FUNNEL_HIT_DIAGNOSIS, -1 };
  for (guint i = layout->n; i-- > 0;)
    if (ks_chart_rect_contains (&layout->bands[i].label, x, y))
      return (KsFunnelHit) { KS_FUNNEL_HIT_LABEL, (int) i };
  for (guint i = layout->n; i-- > 0;)
    if (layout->bands[i].has_conversion && ks_chart_rect_contains (&layout->bands[i].conversion_rect, x, y))
      return (KsFunnelHit) { KS_FUNNEL_HIT_CONVERSION, (int) i };
  for (guint i = layout->n; i-- > 0;)
    if (in_polygon (&layout->bands[i], x, y))
      return (KsFunnelHit) { KS_FUNNEL_HIT_BAND, (int) i };
  return none;
}
