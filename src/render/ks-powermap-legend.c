/* ks-powermap-legend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The power map's legend: its sections and rows, measured once with the
 * layout (ks_map_layout_new), their arrangement in columns and the legend's
 * corner of the view. The legend lives in view units, at every zoom.
 */
#define G_LOG_DOMAIN "ks-powermap-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ks-powermap-layout.h"
#include "ks-powermap-layout-private.h"

static void
legend_row (KsMapLegendSection         *section,
            PangoContext               *context,
            const PangoFontDescription *font,
            KsMapSymbol                 symbol,
            int                         value,
            const char                 *text)
{
  KsMapLegendRow *row = &section->rows[section->n_rows++];

  g_assert (section->n_rows <= KS_MAP_LEGEND_MAX_ROWS);
  row->symbol = symbol;
  row->value = value;
  _ks_map_label_init (&row->label, context, font, text);
}

void
_ks_map_legend_build (KsMapLayout                *self,
                      const PangoFontDescription *head_font,
                      const PangoFontDescription *font)
{
  PangoContext *c = self->context;
  KsMapLegendSection *s;

  s = &self->legend[0];
  _ks_map_label_init (&s->header, c, head_font, _("Relationship"));
  legend_row (s, c, font, KS_MAP_SYMBOL_RELATIONSHIP, KS_RELATIONSHIP_POSITIVE, _("positive"));
  legend_row (s, c, font, KS_MAP_SYMBOL_RELATIONSHIP, KS_RELATIONSHIP_NEUTRAL, _("neutral"));
  legend_row (s, c, font, KS_MAP_SYMBOL_RELATIONSHIP, KS_RELATIONSHIP_POOR, _("poor"));
  legend_row (s, c, font, KS_MAP_SYMBOL_RELATIONSHIP, KS_RELATIONSHIP_UNKNOWN, _("unknown"));

  s = &self->legend[1];
  _ks_map_label_init (&s->header, c, head_font, _("Decision power"));
  legend_row (s, c, font, KS_MAP_SYMBOL_POWER, KS_POWER_HIGH, _("high"));
  legend_row (s, c, font, KS_MAP_SYMBOL_POWER, KS_POWER_MEDIUM, _("medium"));
  legend_row (s, c, font, KS_MAP_SYMBOL_POWER, KS_POWER_LOW, _("low"));
  legend_row (s, c, font, KS_MAP_SYMBOL_POWER, KS_POWER_UNKNOWN, _("not known"));

  s = &self->legend[2];
  _ks_map_label_init (&s->header, c, head_font, _("Attitude to us"));
  legend_row (s, c, font, KS_MAP_SYMBOL_ATTITUDE, KS_ATTITUDE_SUPPORTER, _("supporter: engage"));
  legend_row (s, c, font, KS_MAP_SYMBOL_ATTITUDE, KS_ATTITUDE_NEUTRAL, _("neutral: convince"));
  legend_row (s, c, font, KS_MAP_SYMBOL_ATTITUDE, KS_ATTITUDE_OPPONENT, _("opponent: avoid"));

  s = &self->legend[3];
  _ks_map_label_init (&s->header, c, head_font, _("Lines"));
  legend_row (s, c, font, KS_MAP_SYMBOL_LINE, KS_LINE_REPORTS_TO, _("reports to"));
  legend_row (s, c, font, KS_MAP_SYMBOL_LINE, KS_LINE_DOTTED, _("dotted-line report"));
  legend_row (s, c, font, KS_MAP_SYMBOL_LINE, KS_LINE_INFLUENCE, _("influences"));

  s = &self->legend[4];
  _ks_map_label_init (&s->header, c, head_font, _("Buying role"));
  legend_row (s, c, font, KS_MAP_SYMBOL_ROLE, 0, _("economic buyer"));
  legend_row (s, c, font, KS_MAP_SYMBOL_ROLE, 1, _("technical buyer"));
  legend_row (s, c, font, KS_MAP_SYMBOL_ROLE, 2, _("user buyer"));
  legend_row (s, c, font, KS_MAP_SYMBOL_ROLE, 3, _("coach"));
  legend_row (s, c, font, KS_MAP_SYMBOL_ROLE, 4, _("financial expert"));
  legend_row (s, c, font, KS_MAP_SYMBOL_ROLE, 5, _("business development"));

  s = &self->legend[5];
  _ks_map_label_init (&s->header, c, head_font, _("Others"));
  legend_row (s, c, font, KS_MAP_SYMBOL_OWNER, 0, _("our relationship owner"));
  legend_row (s, c, font, KS_MAP_SYMBOL_COMPETITOR, 0, _("competitor"));
  legend_row (s, c, font, KS_MAP_SYMBOL_THIRD_PARTY, 0, _("third party"));

  for (guint i = 0; i < KS_MAP_LEGEND_SECTIONS; i++)
    {
      s = &self->legend[i];
      s->width = ceil (s->header.width);
      for (guint r = 0; r < s->n_rows; r++)
        s->width = MAX (s->width, ceil (KS_MAP_LEGEND_SYMBOL_W + 8 + s->rows[r].label.width));
      s->height = KS_MAP_LEGEND_HEAD_H + s->n_rows * KS_MAP_LEGEND_ROW_H;
    }
}

void
_ks_map_legend_arrange (const KsMapLayout *self,
                        guint              columns,
                        double            *width,
                        double            *height,
                        double            *section_x,
                        double            *section_y)
{
  const guint n = KS_MAP_LEGEND_SECTIONS;
  guint best_mask = 0;
  double best_h = G_MAXDOUBLE, best_w = G_MAXDOUBLE;

  if (columns == 0)
    columns = 3;
  columns = CLAMP (columns, 1, n);

  /* Sections keep their order; try every split into @columns runs (at most
   * 10 for six sections) and keep the shortest, then the narrowest. A set bit
   * i in the mask starts a new column before section i. */
  for (guint mask = 0; mask < (1u << n); mask += 2)
    {
      double col_h = 0, col_w = 0, h = 0, w = 0;

      guint breaks = 0;

      for (guint i = 0; i < n; i++)
        breaks += (mask >> i) & 1;
      if (breaks != columns - 1)
        continue;
      for (guint i = 0; i < n; i++)
        {
          if (mask & (1u << i))
            {
              h = MAX (h, col_h);
              w += col_w + KS_MAP_LEGEND_COL_GAP;
              col_h = col_w = 0;
            }
          col_h += (col_h > 0 ? KS_MAP_LEGEND_SEC_GAP : 0) + self->legend[i].height;
          col_w = MAX (col_w, self->legend[i].width);
        }
      h = MAX (h, col_h);
      w += col_w;
      if (h < best_h - 0.5 || (fabs (h - best_h) <= 0.5 && w < best_w))
        {
          best_h = h;
          best_w = w;
          best_mask = mask;
        }
    }

  {
    double x = KS_MAP_LEGEND_PAD, y = KS_MAP_LEGEND_PAD, col_w = 0;

    for (guint i = 0; i < n; i++)
      {
        if (best_mask & (1u << i))
          {
            x += col_w + KS_MAP_LEGEND_COL_GAP;
            y = KS_MAP_LEGEND_PAD;
            col_w = 0;
          }
        if (section_x)
          section_x[i] = x;
        if (section_y)
          section_y[i] = y;
        y += self->legend[i].height + KS_MAP_LEGEND_SEC_GAP;
        col_w = MAX (col_w, self->legend[i].width);
      }
  }
  if (width)
    *width = ceil (best_w + 2 * KS_MAP_LEGEND_PAD);
  if (height)
    *height = ceil (best_h + 2 * KS_MAP_LEGEND_PAD);
}

void
ks_map_layout_get_legend_size (const KsMapLayout *self,
                               guint              columns,
                               double            *width,
                               double            *height)
{
  g_return_if_fail (self != NULL);
  _ks_map_legend_arrange (self, columns, width, height, NULL, NULL);
}

void
ks_map_layout_get_legend_rect (const KsMapLayout *self,
                               const KsMapView   *view,
                               KsMapRect         *rect)
{
  double w, h, m = KS_MAP_LEGEND_MARGIN;

  g_return_if_fail (self != NULL && view != NULL && rect != NULL);
  _ks_map_legend_arrange (self, view->legend_columns, &w, &h, NULL, NULL);
  rect->width = w;
  rect->height = h;
  switch (view->legend_corner)
    {
    case KS_MAP_CORNER_TOP_LEFT:
      rect->x = m, rect->y = m;
      break;
    case KS_MAP_CORNER_TOP_RIGHT:
      rect->x = view->width - w - m, rect->y = m;
      break;
    case KS_MAP_CORNER_BOTTOM_RIGHT:
      rect->x = view->width - w - m, rect->y = view->height - h - m;
      break;
    case KS_MAP_CORNER_BOTTOM_LEFT:
    default:
      rect->x = m, rect->y = view->height - h - m;
      break;
    }
  rect->x = floor (rect->x);
  rect->y = floor (rect->y);
}
