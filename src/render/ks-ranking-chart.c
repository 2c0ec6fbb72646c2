/* ks-ranking-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-ranking-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ks-export.h"
#include "ks-format.h"
#include "ks-ranking-chart.h"

typedef enum
{
  MOVE_SAME,
  MOVE_UP,
  MOVE_DOWN,
  MOVE_NEW,
  MOVE_OUT,
} Move;

typedef struct
{
  gint64      id;
  guint       rank, other_rank;
  Move        move;
  char       *mark;
  KsChartRect rect;               /* the row */
  KsChartText rank_text, name, value, mark_text;
  double      mark_x, rank_x, name_x, value_x, text_y;
} Entry;

struct _KsRankingChart
{
  PangoContext *context;
  double        width, height, font_px;
  Entry        *entries[2];
  guint         n[2];
  KsChartRect   column[2];
  KsChartText   titles[2];
  double        title_y;
  double        row_h;
  KsChartMessage *empty;           /* nobody ranked: drawn instead of the columns */
};

static void
entry_clear (Entry *e)
{
  g_free (e->mark);
  ks_chart_text_clear (&e->rank_text);
  ks_chart_text_clear (&e->name);
  ks_chart_text_clear (&e->value);
  ks_chart_text_clear (&e->mark_text);
}

KsRankingChart *
ks_ranking_chart_new (const KsRanking *ranking,
                      const char      *before_title,
                      const char      *after_title,
                      KsRankingValue   value,
                      const KsPalette *palette,
                      double           width,
                      double           height,
                      PangoContext    *context)
{
  KsRankingChart *self;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoFontDescription) bold = NULL;
  g_autoptr(PangoFontDescription) title_font = NULL;
  double pad, gap, col_w, top, scale, rank_w, value_w, mark_w;
  guint n_rows;

  g_return_val_if_fail (ranking != NULL, NULL);
  g_return_val_if_fail (palette != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self = g_new0 (KsRankingChart, 1);
  self->context = context ? g_object_ref (context) : ks_chart_context_new ();
  self->width = width;
  self->height = height;
  self->font_px = ks_chart_font_px (palette);
  pad = self->font_px * 0.9;

  title_font = ks_chart_font_new (palette, 1.35, PANGO_WEIGHT_BOLD);
  ks_chart_text_init (&self->titles[0], self->context, title_font,
                      before_title ? before_title : _("Before"), width * 0.4, FALSE, 1);
  ks_chart_text_init (&self->titles[1], self->context, title_font,
                      after_title ? after_title : _("After"), width * 0.4, FALSE, 1);
  self->title_y = pad;
  top = pad + MAX (self->titles[0].height, self->titles[1].height) + pad * 0.6;

  self->n[0] = ranking->before ? ranking->before->len : 0;
  self->n[1] = ranking->after ? ranking->after->len : 0;
  n_rows = MAX (MAX (self->n[0], self->n[1]), 1);
  self->row_h = MIN ((height - top - pad) / n_rows, self->font_px * 4);
  /* Text fits its row: large when there is room, never below 60 % of the base. */
  scale = CLAMP (self->row_h * 0.5 / self->font_px, 0.6, 1.25);
  font = ks_chart_font_new (palette, scale, PANGO_WEIGHT_NORMAL);
  bold = ks_chart_font_new (palette, scale, PANGO_WEIGHT_BOLD);

  gap = width * 0.18;
  col_w = (width - 2 * pad - gap) / 2;
  self->column[0] = (KsChartRect) { pad, top, col_w, n_rows * self->row_h };
  self->column[1] = (KsChartRect) { pad + col_w + gap, top, col_w, n_rows * self->row_h };

  /* Widths of the fixed cells: "#20", the widest value, the widest mark. */
  {
    KsChartText probe;
    g_autofree char *widest = g_strdup_printf ("#%u", n_rows);

    ks_chart_text_init (&probe, self->context, bold, widest, 0, FALSE, 1);
    rank_w = probe.width + self->font_px * 0.6;
    ks_chart_text_clear (&probe);
    ks_chart_text_init (&probe, self->context, bold, "▲ 88", 0, FALSE, 1);
    mark_w = probe.width + self->font_px * 0.8;
    ks_chart_text_clear (&probe);
  }
  value_w = 0;

  for (guint side = 0; side < 2; side++)
    {
      GArray *list = side == 0 ? ranking->before : ranking->after;

      self->entries[side] = g_new0 (Entry, MAX (self->n[side], 1));
      for (guint i = 0; i < self->n[side]; i++)
        {
          const KsRankEntry *in = &g_array_index (list, KsRankEntry, i);
          Entry *e = &self->entries[side][i];
          g_autofree char *rank = g_strdup_printf ("#%u", in->rank);
          g_autofree char *v = value == KS_RANKING_VALUE_MONEY ? ks_format_fixed (in->value, 0)
                                                               : ks_format_fixed (in->value, 1);

          e->id = in->id;
          e->rank = in->rank;
          e->other_rank = in->other_rank;
          if (in->other_rank == 0)
            e->move = side == 0 ? MOVE_OUT : MOVE_NEW;
          else if (side == 0)
            e->move = MOVE_SAME;   /* the left column marks only drop-outs */
          else
            e->move = in->other_rank > in->rank ? MOVE_UP : in->other_rank < in->rank ? MOVE_DOWN : MOVE_SAME;
          switch (e->move)
            {
            case MOVE_OUT:
              /* TRANSLATORS: dropped out of the top N */
              e->mark = g_strdup (_("out"));
              break;
            case MOVE_NEW:
              /* TRANSLATORS: new in the top N */
              e->mark = g_strdup (_("new"));
              break;
            case MOVE_UP:
              e->mark = g_strdup_printf ("▲ %u", in->other_rank - in->rank);
              break;
            case MOVE_DOWN:
              e->mark = g_strdup_printf ("▼ %u", in->rank - in->other_rank);
              break;
            case MOVE_SAME:
            default:
              e->mark = g_strdup (side == 0 ? "" : "=");
              break;
            }
          ks_chart_text_init (&e->rank_text, self->context, bold, rank, 0, FALSE, 1);
          ks_chart_text_init (&e->value, self->context, font, v, 0, FALSE, 1);
          ks_chart_text_init (&e->mark_text, self->context, bold, e->mark, 0, FALSE, 1);
          value_w = MAX (value_w, e->value.width);
          e->rect = (KsChartRect) { self->column[side].x, top + i * self->row_h, col_w, self->row_h };
        }
    }
  value_w += self->font_px * 0.8;

  /* Cells: left  [rank][name ........][value][mark]
   *        right [mark][rank][name ........][value] */
  for (guint side = 0; side < 2; side++)
    for (guint i = 0; i < self->n[side]; i++)
      {
        Entry *e = &self->entries[side][i];
        const KsRankEntry *in = &g_array_index (side == 0 ? ranking->before : ranking->after, KsRankEntry, i);
        double x0 = e->rect.x + self->font_px * 0.4, x1 = e->rect.x + e->rect.width - self->font_px * 0.4;
        double name_w;

        if (side == 0)
          {
            e->rank_x = x0 + rank_w - self->font_px * 0.6 - e->rank_text.width;
            e->name_x = x0 + rank_w;
            e->mark_x = x1 - mark_w + (mark_w - e->mark_text.width);
            e->value_x = x1 - mark_w - e->value.width;
            name_w = x1 - mark_w - value_w - e->name_x;
          }
        else
          {
            e->mark_x = x0;
            e->rank_x = x0 + mark_w + rank_w - self->font_px * 0.6 - e->rank_text.width;
            e->name_x = x0 + mark_w + rank_w;
            e->value_x = x1 - e->value.width;
            name_w = x1 - value_w - e->name_x;
          }
        ks_chart_text_init (&e->name, self->context, font, in->name, MAX (name_w, self->font_px * 3), FALSE, 1);
        e->text_y = e->rect.y + (e->rect.height - e->name.height) / 2;
      }
  if (self->n[0] == 0 && self->n[1] == 0)
    {
      self->empty = g_new0 (KsChartMessage, 1);
      ks_chart_message_init (self->empty, self->context, palette, _("No scores to rank yet"),
                             _("Score the accounts in a review period to rank them."), width);
    }
  return self;
}

void
ks_ranking_chart_free (KsRankingChart *chart)
{
  if (!chart)
    return;
  for (guint side = 0; side < 2; side++)
    {
      for (guint i = 0; i < chart->n[side]; i++)
        entry_clear (&chart->entries[side][i]);
      g_free (chart->entries[side]);
      ks_chart_text_clear (&chart->titles[side]);
    }
  if (chart->empty)
    ks_chart_message_clear (chart->empty);
  g_free (chart->empty);
  g_object_unref (chart->context);
  g_free (chart);
}

gboolean
ks_ranking_chart_is_empty (const KsRankingChart *chart)
{
  g_return_val_if_fail (chart != NULL, FALSE);
  return chart->empty != NULL;
}

guint
ks_ranking_chart_get_n_entries (const KsRankingChart *chart,
                                KsRankingSide         side)
{
  g_return_val_if_fail (chart != NULL && side <= KS_RANKING_AFTER, 0);
  return chart->n[side];
}

gboolean
ks_ranking_chart_get_entry_rect (const KsRankingChart *chart,
                                 KsRankingSide         side,
                                 guint                 index,
                                 KsChartRect          *rect)
{
  g_return_val_if_fail (chart != NULL && side <= KS_RANKING_AFTER, FALSE);
  if (index >= chart->n[side])
    return FALSE;
  if (rect)
    *rect = chart->entries[side][index].rect;
  return TRUE;
}

const char *
ks_ranking_chart_get_mark (const KsRankingChart *chart,
                           KsRankingSide         side,
                           guint                 index)
{
  g_return_val_if_fail (chart != NULL && side <= KS_RANKING_AFTER, NULL);
  if (index >= chart->n[side])
    return NULL;
  return chart->entries[side][index].mark;
}

/* The line of right-hand entry @e to its left-hand row; FALSE without one. */
static gboolean
line_of (const KsRankingChart *self,
         const Entry          *e,
         double               *x0,
         double               *y0,
         double               *x1,
         double               *y1)
{
  guint left = e->other_rank;

  if (left == 0 || left > self->n[0])
    return FALSE;
  *x0 = self->column[0].x + self->column[0].width;
  *y0 = self->entries[0][left - 1].rect.y + self->row_h / 2;
  *x1 = self->column[1].x;
  *y1 = e->rect.y + self->row_h / 2;
  return TRUE;
}

gboolean
ks_ranking_chart_hit_entry (const KsRankingChart *chart,
                            double                x,
                            double                y,
                            KsRankingSide        *side,
                            guint                *index)
{
  g_return_val_if_fail (chart != NULL, FALSE);
  for (guint s = 0; s < 2; s++)
    {
      const KsChartRect *c = &chart->column[s];
      guint i;

      if (x < c->x || x >= c->x + c->width || y < c->y || chart->row_h <= 0)
        continue;
      i = (guint) ((y - c->y) / chart->row_h);
      if (i >= chart->n[s])
        continue;
      if (side)
        *side = (KsRankingSide) s;
      if (index)
        *index = i;
      return TRUE;
    }
  return FALSE;
}

gint64
ks_ranking_chart_hit_test (const KsRankingChart *chart,
                           double                x,
                           double                y)
{
  KsRankingSide side;
  guint index;

  g_return_val_if_fail (chart != NULL, 0);
  if (ks_ranking_chart_hit_entry (chart, x, y, &side, &index))
    return chart->entries[side][index].id;
  /* Between the columns: the nearest line within 5 px, along the curve as
   * drawn (16 segments of its Bézier). */
  {
    double best = 5, x0, y0, x1, y1;
    gint64 id = 0;

    for (guint i = 0; i < chart->n[1]; i++)
      {
        const Entry *e = &chart->entries[1][i];
        double px, py, dx;

        if (!line_of (chart, e, &x0, &y0, &x1, &y1) || x < x0 - best || x > x1 + best)
          continue;
        dx = (x1 - x0) * 0.45;
        px = x0;
        py = y0;
        for (int k = 1; k <= 16; k++)
          {
            double t = k / 16.0, u = 1 - t;
            double qx = u * u * u * x0 + 3 * u * u * t * (x0 + dx) + 3 * u * t * t * (x1 - dx) + t * t * t * x1;
            double qy = u * u * u * y0 + 3 * u * u * t * y0 + 3 * u * t * t * y1 + t * t * t * y1;
            double sx = qx - px, sy = qy - py, len2 = sx * sx + sy * sy;
            double f = len2 > 0 ? CLAMP (((x - px) * sx + (y - py) * sy) / len2, 0, 1) : 0;
            double d = hypot (px + f * sx - x, py + f * sy - y);

            if (d <= best)
              {
                best = d;
                id = e->id;
              }
            px = qx;
            py = qy;
          }
      }
    return id;
  }
}

/* ------------------------------------------------------------------ drawing */

static const KsColor *
move_colour (const KsPalette *palette,
             Move             move)
{
  switch (move)
    {
    case MOVE_UP:
      return &palette->positive;
    case MOVE_DOWN:
      return &palette->negative;
    case MOVE_NEW:
      return &palette->accent;
    case MOVE_OUT:
      return &palette->muted;
    case MOVE_SAME:
    default:
      return &palette->muted;
    }
}

static void
draw_line (cairo_t              *cr,
           const KsRankingChart *self,
           const Entry          *e,
           double                width)
{
  double x0, y0, x1, y1, dx;

  if (!line_of (self, e, &x0, &y0, &x1, &y1))
    return;
  dx = (x1 - x0) * 0.45;
  cairo_move_to (cr, x0, y0);
  cairo_curve_to (cr, x0 + dx, y0, x1 - dx, y1, x1, y1);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
draw_entry_text (cairo_t         *cr,
                 const KsPalette *palette,
                 const Entry     *e,
                 gboolean         right)
{
  KsColor mark = *move_colour (palette, e->move);

  /* A mark in a pale colour still has to be read: darken it towards the text. */
  mark = ks_color_mix (&mark, &palette->foreground, 0.25);
  ks_color_set_source (cr, &palette->muted);
  ks_chart_text_show (cr, &e->rank_text, e->rank_x, e->text_y);
  ks_color_set_source (cr, e->move == MOVE_OUT ? &palette->muted : &palette->foreground);
  ks_chart_text_show (cr, &e->name, e->name_x, e->text_y);
  ks_chart_text_show (cr, &e->value, e->value_x, e->text_y);
  ks_color_set_source (cr, &mark);
  ks_chart_text_show (cr, &e->mark_text, e->mark_x, e->text_y);
}

static void
draw_static (cairo_t              *cr,
             const KsRankingChart *self,
             const KsPalette      *palette)
{
  if (self->empty)
    {
      ks_color_set_source (cr, &palette->background);
      cairo_paint (cr);
      ks_chart_message_draw (cr, self->empty, palette, &(KsChartRect) { 0, 0, self->width, self->height });
      return;
    }
  ks_color_set_source (cr, &palette->background);
  cairo_paint (cr);

  for (guint side = 0; side < 2; side++)
    {
      const KsChartRect *c = &self->column[side];

      ks_color_set_source (cr, &palette->foreground);
      ks_chart_text_show (cr, &self->titles[side], c->x + (c->width - self->titles[side].width) / 2, self->title_y);
      /* Rows on alternate bands, so a row can be followed across. */
      for (guint i = 0; i < self->n[side]; i++)
        {
          const Entry *e = &self->entries[side][i];
          KsColor band = i % 2 ? palette->background : palette->surface;

          ks_color_set_source (cr, &band);
          cairo_rectangle (cr, e->rect.x, e->rect.y, e->rect.width, e->rect.height);
          cairo_fill (cr);
        }
      ks_color_set_source (cr, &palette->grid);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, c->x + 0.5, c->y + 0.5, c->width - 1, self->n[side] * self->row_h - 1);
      cairo_stroke (cr);
    }

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < self->n[1]; i++)
    {
      const Entry *e = &self->entries[1][i];
      ks_color_set_source (cr, move_colour (palette, e->move));
      draw_line (cr, self, e, 2.5);
    }
  for (guint side = 0; side < 2; side++)
    for (guint i = 0; i < self->n[side]; i++)
      draw_entry_text (cr, palette, &self->entries[side][i], side == 1);
}

void
ks_ranking_chart_draw_hover (cairo_t              *cr,
                             const KsRankingChart *chart,
                             const KsPalette      *palette,
                             gint64                hover_id)
{
  g_return_if_fail (cr != NULL && chart != NULL && palette != NULL);
  if (hover_id == 0)
    return;
  cairo_save (cr);
  for (guint side = 0; side < 2; side++)
    for (guint i = 0; i < chart->n[side]; i++)
      {
        const Entry *e = &chart->entries[side][i];

        if (e->id != hover_id)
          continue;
        ks_color_set_source (cr, &palette->accent);
        cairo_set_line_width (cr, 2.5);
        cairo_rectangle (cr, e->rect.x + 1.5, e->rect.y + 1.5, e->rect.width - 3, e->rect.height - 3);
        cairo_stroke (cr);
        if (side == 1)
          {
            ks_color_set_source (cr, &palette->foreground);
            cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
            draw_line (cr, chart, e, 4.5);
          }
      }
  cairo_restore (cr);
}

void
ks_ranking_chart_draw (cairo_t              *cr,
                       const KsRankingChart *chart,
                       const KsPalette      *palette,
                       gint64                hover_id)
{
  g_return_if_fail (cr != NULL && chart != NULL && palette != NULL);
  cairo_save (cr);
  draw_static (cr, chart, palette);
  cairo_restore (cr);
  ks_ranking_chart_draw_hover (cr, chart, palette, hover_id);
}

static void
export_draw (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  gpointer *data = user_data;

  ks_ranking_chart_draw (cr, data[0], data[1], 0);
}

gboolean
ks_ranking_chart_export (const char       *path,
                         const KsRanking  *ranking,
                         const char       *before_title,
                         const char       *after_title,
                         KsRankingValue    value,
                         const KsPalette  *palette,
                         double            width,
                         double            height,
                         GError          **error)
{
  g_autoptr(KsRankingChart) chart = NULL;
  KsExportFormat format;
  gpointer data[2];

  g_return_val_if_fail (path != NULL && ranking != NULL && palette != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  if (!ks_export_format_for_path (path, &format, error))
    return FALSE;
  chart = ks_ranking_chart_new (ranking, before_title, after_title, value, palette, width, height, NULL);
  data[0] = chart;
  data[1] = (gpointer) palette;
  return ks_export_to_file (path, width, height, 1, export_draw, data, error);
}
