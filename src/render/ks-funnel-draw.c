/* ks-funnel-draw.c — the funnel's drawing and files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads only the layout: every position was decided by ks_funnel_layout_new().
 * Bands are filled and then outlined in the background colour, so stacked
 * trapezoids stay apart; a lost band is paler and dashed. The state is drawn
 * last: the hovered band tinted and outlined in the accent, the selected one
 * outlined in the text colour, the focused one with a dashed accent outline
 * (on top of both, so a keyboard user always sees it).
 */
#define G_LOG_DOMAIN "ks-funnel-chart"

#include "config.h"

#include <math.h>

#include "ks-export.h"
#include "ks-funnel-chart-private.h"

static void
band_path (cairo_t                *cr,
           const KsFunnelBandGeom *b)
{
  cairo_new_path (cr);
  cairo_move_to (cr, b->px[0], b->py[0]);
  for (guint k = 1; k < 4; k++)
    cairo_line_to (cr, b->px[k], b->py[k]);
  cairo_close_path (cr);
}

static void
draw_band (cairo_t              *cr,
           const KsFunnelLayout *self,
           const KsPalette      *palette,
           guint                 index)
{
  const KsFunnelBandGeom *b = &self->bands[index];
  KsColor fill = ks_funnel_layout_get_band_colour (self, palette, index);
  static const double dash[] = { 4, 3 };

  band_path (cr, b);
  ks_color_set_source (cr, &fill);
  cairo_fill_preserve (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  if (b->kind == KS_FUNNEL_BAND_LOST)
    {
      ks_color_set_source (cr, &palette->muted);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    {
      ks_color_set_source (cr, &palette->background);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
}

static void
draw_label (cairo_t              *cr,
            const KsFunnelLayout *self,
            const KsPalette      *palette,
            guint                 index)
{
  const KsFunnelBandGeom *b = &self->bands[index];
  double y = b->label.y;

  if (b->place == KS_FUNNEL_LABEL_BESIDE)
    {
      ks_color_set_source (cr, &palette->muted);
      cairo_set_line_width (cr, 1);
      cairo_new_path (cr);
      cairo_arc (cr, b->leader[0], b->leader[1], 2.5, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_move_to (cr, b->leader[0], b->leader[1]);
      cairo_line_to (cr, b->leader[2], b->leader[3]);
      cairo_stroke (cr);
      ks_color_set_source (cr, &palette->foreground);
    }
  else
    {
      KsColor fill = ks_funnel_layout_get_band_colour (self, palette, index);
      ks_color_set_source (cr, ks_palette_text_on (palette, &fill));
    }
  for (guint k = 0; k < b->n_lines; k++)
    {
      double x = b->place == KS_FUNNEL_LABEL_INSIDE ? b->label.x + (b->label.width - b->lines[k].width) / 2
                                                    : b->label.x;

      ks_chart_text_show (cr, &b->lines[k], x, y);
      y += b->lines[k].height;
    }
}

static void
draw_conversion (cairo_t                *cr,
                 const KsPalette        *palette,
                 const KsFunnelBandGeom *b)
{
  const KsChartRect *r = &b->conversion_rect;
  double y = r->y + r->height / 2;

  ks_color_set_source (cr, &palette->grid);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, r->x + r->width + 3, y);
  cairo_line_to (cr, b->conversion_edge_x - 1, y);
  cairo_stroke (cr);
  ks_color_set_source (cr, &palette->muted);
  ks_chart_text_show (cr, &b->conversion_text, r->x, r->y);
}

static void
draw_diagnosis (cairo_t              *cr,
                const KsFunnelLayout *self,
                const KsPalette      *palette)
{
  const KsChartRect *r = &self->diagnosis;
  double pp = self->panel_pad;

  ks_color_set_source (cr, &palette->surface);
  ks_chart_rounded_rect (cr, r->x + 0.5, r->y + 0.5, r->width - 1, r->height - 1, 6);
  cairo_fill_preserve (cr);
  ks_color_set_source (cr, &palette->grid);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  ks_color_set_source (cr, &palette->foreground);
  ks_chart_text_show (cr, &self->diagnosis_title, r->x + pp, r->y + pp);
  ks_color_set_source (cr, &palette->muted);
  ks_chart_text_show (cr, &self->diagnosis_reason, r->x + pp,
                      r->y + pp + self->diagnosis_title.height + pp * 0.5);
}

static void
draw_state (cairo_t                 *cr,
            const KsFunnelLayout    *self,
            const KsPalette         *palette,
            const KsFunnelDrawState *state)
{
  static const double dash[] = { 5, 3 };

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (state->hovered >= 0 && (guint) state->hovered < self->n)
    {
      const KsFunnelBandGeom *b = &self->bands[state->hovered];

      band_path (cr, b);
      ks_chart_set_source (cr, &palette->foreground, 0.10);
      cairo_fill_preserve (cr);
      ks_color_set_source (cr, &palette->accent);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  if (state->selected >= 0 && (guint) state->selected < self->n)
    {
      band_path (cr, &self->bands[state->selected]);
      ks_color_set_source (cr, &palette->foreground);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }
  if (state->focus >= 0 && (guint) state->focus < self->n)
    {
      const KsFunnelBandGeom *b = &self->bands[state->focus];

      band_path (cr, b);
      ks_color_set_source (cr, &palette->accent);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (b->place == KS_FUNNEL_LABEL_BESIDE)
        {
          cairo_rectangle (cr, b->label.x - 2.5, b->label.y - 1.5, b->label.width + 5, b->label.height + 3);
          cairo_stroke (cr);
        }
    }
}

void
ks_funnel_draw (cairo_t                 *cr,
                const KsFunnelLayout    *layout,
                const KsPalette         *palette,
                const KsFunnelDrawState *state)
{
  g_return_if_fail (cr != NULL && layout != NULL && palette != NULL);

  cairo_save (cr);
  ks_color_set_source (cr, &palette->background);
  cairo_paint (cr);
  if (layout->empty)
    {
      ks_chart_message_draw (cr, layout->empty, palette,
                             &(KsChartRect) { 0, 0, layout->width, layout->height });
      cairo_restore (cr);
      return;
    }
  if (layout->has_title)
    {
      ks_color_set_source (cr, &palette->foreground);
      ks_chart_text_show (cr, &layout->title, layout->title_x, layout->title_y);
    }
  if (layout->has_summary)
    {
      ks_color_set_source (cr, &palette->muted);
      ks_chart_text_show (cr, &layout->summary, layout->summary_x, layout->summary_y);
    }
  for (guint i = 0; i < layout->n; i++)
    draw_band (cr, layout, palette, i);
  for (guint i = 0; i < layout->n; i++)
    draw_label (cr, layout, palette, i);
  for (guint i = 0; i < layout->n; i++)
    if (layout->bands[i].has_conversion)
      draw_conversion (cr, palette, &layout->bands[i]);
  if (layout->has_diagnosis)
    draw_diagnosis (cr, layout, palette);
  if (state)
    draw_state (cr, layout, palette, state);
  cairo_restore (cr);
}

static void
export_draw (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  gpointer *data = user_data;

  ks_funnel_draw (cr, data[0], data[1], NULL);
}

gboolean
ks_funnel_chart_export (const char         *path,
                        const KsFunnelSpec *spec,
                        const KsFunnelBand *bands,
                        guint               n_bands,
                        const KsPalette    *palette,
                        double              width,
                        double              height,
                        GError            **error)
{
  g_autoptr(KsFunnelLayout) layout = NULL;
  KsExportFormat format;
  gpointer data[2];

  g_return_val_if_fail (path != NULL && spec != NULL && palette != NULL, FALSE);
  g_return_val_if_fail (bands != NULL || n_bands == 0, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  if (!ks_export_format_for_path (path, &format, error))
    return FALSE;
  layout = ks_funnel_layout_new (spec, bands, n_bands, palette, width, height, NULL);
  data[0] = layout;
  data[1] = (gpointer) palette;
  return ks_export_to_file (path, width, height, 1, export_draw, data, error);
}
