/* ks-portfolio-draw.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A frame costs what cairo must rasterise and little more: one arc, fill
 * and stroke per bubble with no save/restore, labels replayed from the
 * glyphs the layout cached.
 */
#define G_LOG_DOMAIN "ks-portfolio-draw"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "ks-export.h"
#include "ks-portfolio-draw.h"
#include "ks-portfolio-layout-private.h"

#define FILL_ALPHA 0.55

/* The bubble's outline: its colour, darkened towards the text colour so a
 * pale colour still shows on the page. */
static KsColor
outline_of (const KsPalette *palette,
            const KsColor   *fill)
{
  return ks_color_mix (fill, &palette->foreground, 0.25);
}

static void
bubble_path (cairo_t              *cr,
             const KsMatrixBubble *b,
             double                grow)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, b->cx, b->cy, b->r + grow, 0, 2 * G_PI);
}

static void
draw_bubble (cairo_t              *cr,
             const KsMatrixLayout *layout,
             const KsPalette      *palette,
             const KsMatrixBubble *b)
{
  const KsColor *fill = _ks_matrix_colour (layout, palette, b->colour);
  KsColor line = outline_of (palette, fill);

  cairo_new_path (cr);
  cairo_arc (cr, b->cx, b->cy, b->r, 0, 2 * G_PI);
  ks_chart_set_source (cr, fill, FILL_ALPHA);
  cairo_fill_preserve (cr);
  ks_chart_set_source (cr, &line, 1);
  cairo_stroke (cr);
}

/* An arrow head with its tip at (x, y) pointing along (dx, dy). */
static void
arrow_head (cairo_t *cr,
            double   x,
            double   y,
            double   dx,
            double   dy,
            double   size)
{
  double len = hypot (dx, dy), ux, uy;

  if (len < 1e-9)
    return;
  ux = dx / len;
  uy = dy / len;
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x - ux * size - uy * size * 0.5, y - uy * size + ux * size * 0.5);
  cairo_line_to (cr, x - ux * size + uy * size * 0.5, y - uy * size - ux * size * 0.5);
  cairo_close_path (cr);
}

/* Adds a trail from (x0, y0) to a bubble's edge at radius @r around
 * (x1, y1) to the path: with @heads FALSE the hollow dot at the start and
 * the thin line (to stroke), with TRUE the arrow head at the edge (to fill). */
static void
trail_path (cairo_t *cr,
            double   x0,
            double   y0,
            double   x1,
            double   y1,
            double   r,
            double   unit,
            gboolean heads)
{
  double dx = x1 - x0, dy = y1 - y0, len = hypot (dx, dy);
  double ex, ey, dot = 3.5 * unit;

  if (!heads)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x0, y0, dot, 0, 2 * G_PI);
    }
  if (len <= r + dot + 2)
    return;
  ex = x1 - dx / len * r;
  ey = y1 - dy / len * r;
  if (heads)
    arrow_head (cr, ex, ey, dx, dy, 8 * unit);
  else
    {
      cairo_move_to (cr, x0 + dx / len * dot, y0 + dy / len * dot);
      cairo_line_to (cr, ex - dx / len * 6 * unit, ey - dy / len * 6 * unit);
    }
}

static void
draw_trail (cairo_t         *cr,
            const KsPalette *palette,
            double           x0,
            double           y0,
            double           x1,
            double           y1,
            double           r,
            double           unit)
{
  ks_chart_set_source (cr, &palette->foreground, 0.7);
  cairo_set_line_width (cr, 1.5 * unit);
  cairo_new_path (cr);
  trail_path (cr, x0, y0, x1, y1, r, unit, FALSE);
  cairo_stroke (cr);
  trail_path (cr, x0, y0, x1, y1, r, unit, TRUE);
  cairo_fill (cr);
}

/* ------------------------------------------------------------------ layers */

static void
draw_background (cairo_t              *cr,
                 const KsMatrixLayout *layout,
                 const KsPalette      *palette)
{
  const KsChartRect *plot = &layout->plot;
  KsColor shade[4];
  KsColor name = ks_color_mix (&palette->foreground, &palette->surface, 0.3);
  double dvx, dvy;

  ks_color_set_source (cr, &palette->background);
  cairo_paint (cr);

  /* Quadrants: low/low plain, high/high the strongest tint. */
  shade[0] = palette->surface;
  shade[1] = ks_color_mix (&palette->surface, &palette->accent, 0.06);
  shade[2] = ks_color_mix (&palette->surface, &palette->accent, 0.06);
  shade[3] = ks_color_mix (&palette->surface, &palette->accent, 0.13);
  for (guint q = 0; q < 4; q++)
    {
      KsChartRect r;

      ks_matrix_layout_get_quadrant_rect (layout, q, &r);
      ks_color_set_source (cr, &shade[q]);
      cairo_rectangle (cr, r.x, r.y, r.width, r.height);
      cairo_fill (cr);
      if (layout->quad_named[q] && r.width > 0 && r.height > 0)
        {
          const KsChartRect *n = &layout->quad_name_rect[q];

          cairo_save (cr);
          cairo_rectangle (cr, r.x, r.y, r.width, r.height);
          cairo_clip (cr);
          ks_color_set_source (cr, &name);
          ks_chart_text_show (cr, &layout->quad_text[q], n->x, n->y);
          cairo_restore (cr);
        }
    }

  /* Grid lines at the ticks, then the axes with ticks and their labels. */
  cairo_set_line_width (cr, 1);
  ks_color_set_source (cr, &palette->grid);
  for (guint i = 0; i < layout->x_ticks->len; i++)
    {
      double x = round (g_array_index (layout->x_ticks, KsMatrixTick, i).pos) + 0.5;
      cairo_move_to (cr, x, plot->y);
      cairo_line_to (cr, x, plot->y + plot->height);
    }
  for (guint i = 0; i < layout->y_ticks->len; i++)
    {
      double y = round (g_array_index (layout->y_ticks, KsMatrixTick, i).pos) + 0.5;
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
    }
  cairo_stroke (cr);

  {
    double tick = layout->font_px * 0.4, gap = layout->font_px * 0.25;
    double bottom = plot->y + plot->height;

    ks_color_set_source (cr, &palette->muted);
    cairo_set_line_width (cr, 1.5);
    cairo_move_to (cr, plot->x, plot->y);
    cairo_line_to (cr, plot->x, bottom);
    cairo_line_to (cr, plot->x + plot->width, bottom);
    for (guint i = 0; i < layout->x_ticks->len; i++)
      {
        const KsMatrixTick *t = &g_array_index (layout->x_ticks, KsMatrixTick, i);
        cairo_move_to (cr, t->pos, bottom);
        cairo_line_to (cr, t->pos, bottom + tick);
      }
    for (guint i = 0; i < layout->y_ticks->len; i++)
      {
        const KsMatrixTick *t = &g_array_index (layout->y_ticks, KsMatrixTick, i);
        cairo_move_to (cr, plot->x, t->pos);
        cairo_line_to (cr, plot->x - tick, t->pos);
      }
    cairo_stroke (cr);
    for (guint i = 0; i < layout->x_ticks->len; i++)
      {
        const KsMatrixTick *t = &g_array_index (layout->x_ticks, KsMatrixTick, i);
        ks_chart_text_show (cr, &t->text, t->pos - t->text.width / 2, bottom + tick + gap * 0.5);
      }
    for (guint i = 0; i < layout->y_ticks->len; i++)
      {
        const KsMatrixTick *t = &g_array_index (layout->y_ticks, KsMatrixTick, i);
        ks_chart_text_show (cr, &t->text, plot->x - tick - gap - t->text.width, t->pos - t->text.height / 2);
      }
  }

  ks_color_set_source (cr, &palette->foreground);
  ks_chart_text_show (cr, &layout->x_title, layout->x_title_rect.x, layout->x_title_rect.y);
  cairo_save (cr);
  cairo_translate (cr, layout->y_title_rect.x, layout->y_title_rect.y + layout->y_title_rect.height);
  cairo_rotate (cr, -G_PI / 2);
  ks_chart_text_show (cr, &layout->y_title, 0, 0);
  cairo_restore (cr);

  /* Dividers. */
  ks_matrix_layout_point_at (layout, layout->x_div, layout->y_div, &dvx, &dvy);
  {
    static const double dash[] = { 8, 5 };

    cairo_save (cr);
    cairo_rectangle (cr, plot->x, plot->y, plot->width, plot->height);
    cairo_clip (cr);
    ks_color_set_source (cr, &palette->muted);
    cairo_set_line_width (cr, 2);
    cairo_set_dash (cr, dash, 2, 0);
    cairo_move_to (cr, dvx, plot->y);
    cairo_line_to (cr, dvx, plot->y + plot->height);
    cairo_move_to (cr, plot->x, dvy);
    cairo_line_to (cr, plot->x + plot->width, dvy);
    cairo_stroke (cr);
    cairo_restore (cr);
  }
}

static void
draw_bubbles (cairo_t              *cr,
              const KsMatrixLayout *layout,
              const KsPalette      *palette)
{
  const KsChartRect *plot = &layout->plot;
  double x1, y1, x2, y2;

  cairo_save (cr);
  cairo_rectangle (cr, plot->x, plot->y, plot->width, plot->height);
  cairo_clip (cr);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);

  /* Trails one by one: cairo strokes many small paths faster than one
   * path of thousands of pieces (measured by bench-portfolio). */
  if (layout->trails)
    for (guint i = 0; i < layout->n_bubbles; i++)
      {
        const KsMatrixBubble *b = &layout->bubbles[i];
        if (b->trail)
          draw_trail (cr, palette, b->px, b->py, b->cx, b->cy, b->r, 1);
      }

  cairo_set_line_width (cr, layout->n_placed > 2000 ? 1 : 1.5);
  for (guint i = 0; i < layout->n_bubbles; i++)
    {
      const KsMatrixBubble *b = &layout->bubbles[i];

      if (!b->placed || b->cx + b->r < x1 || b->cx - b->r > x2 || b->cy + b->r < y1 || b->cy - b->r > y2)
        continue;
      draw_bubble (cr, layout, palette, b);
    }

  /* Leader lines, then the labels (plates first, under their text). */
  ks_color_set_source (cr, &palette->muted);
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < layout->n_bubbles; i++)
    {
      const KsMatrixBubble *b = &layout->bubbles[i];
      if (b->label_state == KS_MATRIX_LABEL_LEADER)
        {
          cairo_move_to (cr, b->leader_x[0], b->leader_y[0]);
          cairo_line_to (cr, b->leader_x[1], b->leader_y[1]);
        }
    }
  cairo_stroke (cr);
  ks_chart_set_source (cr, &palette->surface, 0.85);
  for (guint i = 0; i < layout->n_bubbles; i++)
    {
      const KsMatrixBubble *b = &layout->bubbles[i];
      if (b->plate && b->label_state != KS_MATRIX_LABEL_DROPPED)
        ks_chart_rounded_rect (cr, b->label_rect.x - 2, b->label_rect.y, b->label_rect.width + 4, b->label_rect.height, 3);
    }
  cairo_fill (cr);
  ks_color_set_source (cr, &palette->foreground);
  for (guint i = 0; i < layout->n_bubbles; i++)
    {
      const KsMatrixBubble *b = &layout->bubbles[i];
      if (b->label_state == KS_MATRIX_LABEL_BESIDE || b->label_state == KS_MATRIX_LABEL_LEADER)
        ks_chart_text_show (cr, &b->text, b->label_rect.x, b->label_rect.y);
    }
  cairo_restore (cr);
}

static void
draw_legend (cairo_t              *cr,
             const KsMatrixLayout *layout,
             const KsPalette      *palette)
{
  const KsChartRect *l = &layout->legend;

  if (layout->n_rows == 0)
    return;
  ks_color_set_source (cr, &palette->surface);
  ks_chart_rounded_rect (cr, l->x + 0.5, l->y + 0.5, l->width - 1, l->height - 1, 6);
  cairo_fill_preserve (cr);
  ks_color_set_source (cr, &palette->grid);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  for (guint i = 0; i < layout->n_rows; i++)
    {
      const KsMatrixRow *row = &layout->rows[i];
      double sx = row->rect.x, sw = row->symbol_w;
      double mid = row->rect.y + (row->rect.height - layout->font_px * 0.3) / 2;
      double ty = mid - row->text.height / 2;

      switch (row->kind)
        {
        case KS_MATRIX_ROW_HEADER:
          ks_color_set_source (cr, &palette->foreground);
          ks_chart_text_show (cr, &row->text, sx, row->rect.y);
          continue;
        case KS_MATRIX_ROW_NOTE:
          ks_color_set_source (cr, &palette->muted);
          ks_chart_text_show (cr, &row->text, sx, row->rect.y);
          continue;
        case KS_MATRIX_ROW_SWATCH:
          {
            KsMatrixBubble b = { 0 };
            b.cx = sx + sw / 2;
            b.cy = mid;
            b.r = layout->font_px * 0.5;
            b.colour = row->colour;
            cairo_set_line_width (cr, 1.5);
            draw_bubble (cr, layout, palette, &b);
          }
          break;
        case KS_MATRIX_ROW_SIZE:
          ks_color_set_source (cr, &palette->muted);
          cairo_set_line_width (cr, 1.5);
          cairo_new_path (cr);
          cairo_arc (cr, sx + sw / 2, mid, row->radius, 0, 2 * G_PI);
          cairo_stroke (cr);
          break;
        case KS_MATRIX_ROW_TRAIL:
          draw_trail (cr, palette, sx + 4, mid, sx + sw - 2, mid, 0, 1);
          break;
        default:
          break;
        }
      ks_color_set_source (cr, &palette->foreground);
      ks_chart_text_show (cr, &row->text, sx + sw, ty);
    }
}

static gboolean
in_ids (gint64        id,
        const gint64 *ids,
        guint         n)
{
  for (guint i = 0; i < n; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

static const KsMatrixBubble *
bubble_by_id (const KsMatrixLayout *layout,
              gint64                id)
{
  int i;

  if (id <= 0)
    return NULL;
  i = ks_matrix_layout_find (layout, id);
  if (i < 0 || !layout->bubbles[i].placed)
    return NULL;
  return &layout->bubbles[i];
}

static void
draw_card (cairo_t                 *cr,
           const KsMatrixLayout    *layout,
           const KsPalette         *palette,
           const KsMatrixDrawState *state,
           const KsMatrixBubble    *hover)
{
  g_autoptr(PangoFontDescription) bold = ks_chart_font_new (palette, 1.15, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoFontDescription) font = ks_chart_font_new (palette, 1.05, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) body = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *name = state->card_title ? state->card_title : hover ? hover->label : NULL;
  double pad = layout->font_px * 0.7, max_w = MIN (layout->width * 0.4, 30 * layout->font_px);
  double w = 0, h = 0, th = 0, x, y;
  PangoRectangle ext;

  for (guint i = 0; i < state->n_card_lines; i++)
    {
      if (i)
        g_string_append_c (text, '\n');
      g_string_append (text, state->card_lines[i] ? state->card_lines[i] : "");
    }
  if ((!name || !*name) && text->len == 0)
    return;
  if (name && *name)
    {
      title = pango_layout_new (layout->context);
      pango_layout_set_font_description (title, bold);
      pango_layout_set_width (title, (int) (max_w * PANGO_SCALE));
      pango_layout_set_wrap (title, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_text (title, name, -1);
      pango_layout_get_extents (title, NULL, &ext);
      w = (double) ext.width / PANGO_SCALE;
      th = h = (double) ext.height / PANGO_SCALE;
    }
  if (text->len)
    {
      body = pango_layout_new (layout->context);
      pango_layout_set_font_description (body, font);
      pango_layout_set_width (body, (int) (max_w * PANGO_SCALE));
      pango_layout_set_wrap (body, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_text (body, text->str, -1);
      pango_layout_get_extents (body, NULL, &ext);
      w = MAX (w, (double) ext.width / PANGO_SCALE);
      h += (double) ext.height / PANGO_SCALE + (title ? pad * 0.4 : 0);
    }
  w += 2 * pad;
  h += 2 * pad;

  /* Below right of the pointer, flipped to stay inside the view. */
  x = state->pointer_x + 16;
  y = state->pointer_y + 18;
  if (x + w > layout->width - 4)
    x = state->pointer_x - 12 - w;
  if (y + h > layout->height - 4)
    y = state->pointer_y - 12 - h;
  x = CLAMP (x, 4, MAX (4, layout->width - 4 - w));
  y = CLAMP (y, 4, MAX (4, layout->height - 4 - h));

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
  if (title)
    {
      cairo_move_to (cr, x + pad, y + pad);
      pango_cairo_show_layout (cr, title);
    }
  if (body)
    {
      cairo_move_to (cr, x + pad, y + pad + (title ? th + pad * 0.4 : 0));
      pango_cairo_show_layout (cr, body);
    }
}

static void
draw_overlay (cairo_t                 *cr,
              const KsMatrixLayout    *layout,
              const KsPalette         *palette,
              const KsMatrixDrawState *state)
{
  const KsChartRect *plot = &layout->plot;
  const KsMatrixBubble *hover = bubble_by_id (layout, state->hover_id);
  const KsMatrixBubble *focus = bubble_by_id (layout, state->focus_id);

  cairo_save (cr);
  cairo_rectangle (cr, plot->x, plot->y, plot->width, plot->height);
  cairo_clip (cr);

  /* The dragged divider, highlighted, with its value at the axis. */
  if (state->drag != KS_MATRIX_DRAG_NONE)
    {
      double dvx, dvy;

      ks_matrix_layout_point_at (layout, layout->x_div, layout->y_div, &dvx, &dvy);
      ks_color_set_source (cr, &palette->accent);
      cairo_set_line_width (cr, 3);
      if (state->drag == KS_MATRIX_DRAG_X_DIVIDER)
        {
          cairo_move_to (cr, dvx, plot->y);
          cairo_line_to (cr, dvx, plot->y + plot->height);
        }
      else
        {
          cairo_move_to (cr, plot->x, dvy);
          cairo_line_to (cr, plot->x + plot->width, dvy);
        }
      cairo_stroke (cr);
    }

  /* Selected bubbles: drawn again on top, with a ring. */
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < state->n_selected; i++)
    {
      const KsMatrixBubble *b = bubble_by_id (layout, state->selected_ids[i]);
      if (b)
        {
          cairo_set_line_width (cr, 1.5);
          draw_bubble (cr, layout, palette, b);
        }
    }
  ks_color_set_source (cr, &palette->accent);
  cairo_set_line_width (cr, 3);
  for (guint i = 0; i < state->n_selected; i++)
    {
      const KsMatrixBubble *b = bubble_by_id (layout, state->selected_ids[i]);
      if (b)
        bubble_path (cr, b, 3.5);
    }
  cairo_stroke (cr);

  if (focus)
    {
      static const double dash[] = { 4, 3 };

      ks_color_set_source (cr, &palette->accent);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dash, 2, 0);
      bubble_path (cr, focus, 7.5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  if (hover)
    {
      cairo_set_line_width (cr, 1.5);
      draw_bubble (cr, layout, palette, hover);
      ks_color_set_source (cr, &palette->foreground);
      cairo_set_line_width (cr, 2.5);
      bubble_path (cr, hover, in_ids (hover->id, state->selected_ids, state->n_selected) ? 6 : 2.5);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  if (state->drag != KS_MATRIX_DRAG_NONE)
    {
      g_autoptr(PangoFontDescription) font = ks_chart_font_new (palette, 1.1, PANGO_WEIGHT_BOLD);
      g_autoptr(PangoLayout) tag = pango_layout_new (layout->context);
      double v = state->drag == KS_MATRIX_DRAG_X_DIVIDER ? layout->x_div : layout->y_div;
      double step = state->drag == KS_MATRIX_DRAG_X_DIVIDER ? layout->x_max - layout->x_min : layout->y_max - layout->y_min;
      g_autofree char *s = ks_chart_tick_label (v, pow (10, floor (log10 (MAX (step, 1e-9)))) / 100);
      double dvx, dvy, x, y, pad = 4;
      PangoRectangle ext;

      pango_layout_set_font_description (tag, font);
      pango_layout_set_text (tag, s, -1);
      pango_layout_get_extents (tag, NULL, &ext);
      ks_matrix_layout_point_at (layout, layout->x_div, layout->y_div, &dvx, &dvy);
      if (state->drag == KS_MATRIX_DRAG_X_DIVIDER)
        {
          x = CLAMP (dvx - ext.width / PANGO_SCALE / 2.0 - pad, plot->x, plot->x + plot->width - ext.width / PANGO_SCALE - 2 * pad);
          y = plot->y + 4;
        }
      else
        {
          x = plot->x + 4;
          y = CLAMP (dvy - ext.height / PANGO_SCALE / 2.0 - pad, plot->y, plot->y + plot->height - ext.height / PANGO_SCALE - 2 * pad);
        }
      ks_color_set_source (cr, &palette->accent);
      ks_chart_rounded_rect (cr, x, y, ext.width / PANGO_SCALE + 2 * pad, ext.height / PANGO_SCALE + 2 * pad, 4);
      cairo_fill (cr);
      ks_color_set_source (cr, ks_palette_text_on (palette, &palette->accent));
      cairo_move_to (cr, x + pad, y + pad);
      pango_cairo_show_layout (cr, tag);
    }

  if (state->show_card)
    draw_card (cr, layout, palette, state, hover);
}

/* ------------------------------------------------------------------ public */

void
ks_matrix_draw (cairo_t                 *cr,
                const KsMatrixLayout    *layout,
                const KsPalette         *palette,
                const KsMatrixDrawState *state)
{
  KsMatrixLayers layers;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (palette != NULL);

  layers = state ? state->layers : KS_MATRIX_LAYER_STATIC;
  if (layers == 0)
    layers = KS_MATRIX_LAYER_ALL;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (layers & KS_MATRIX_LAYER_BACKGROUND)
    draw_background (cr, layout, palette);
  if (layers & KS_MATRIX_LAYER_BUBBLES)
    draw_bubbles (cr, layout, palette);
  if (layers & KS_MATRIX_LAYER_LEGEND)
    draw_legend (cr, layout, palette);
  if ((layers & KS_MATRIX_LAYER_BACKGROUND) && layout->empty)
    ks_chart_message_draw (cr, layout->empty, palette, &layout->plot);
  if ((layers & KS_MATRIX_LAYER_OVERLAY) && state)
    draw_overlay (cr, layout, palette, state);
  cairo_restore (cr);
}

typedef struct
{
  const KsMatrixLayout *layout;
  const KsPalette      *palette;
} ExportData;

static void
export_draw (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  ExportData *data = user_data;

  ks_matrix_draw (cr, data->layout, data->palette, NULL);
}

gboolean
ks_matrix_export (const char          *path,
                  const KsMatrixSpec  *spec,
                  const KsBubble      *bubbles,
                  guint                n_bubbles,
                  const KsPalette     *palette,
                  double               width,
                  double               height,
                  GError             **error)
{
  g_autoptr(KsMatrixLayout) layout = NULL;
  KsExportFormat format;
  ExportData data;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (spec != NULL && palette != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  if (!ks_export_format_for_path (path, &format, error))
    return FALSE;
  layout = ks_matrix_layout_new (spec, bubbles, n_bubbles, palette, width, height, NULL);
  data.layout = layout;
  data.palette = palette;
  return ks_export_to_file (path, width, height, 1, export_draw, &data, error);
}
