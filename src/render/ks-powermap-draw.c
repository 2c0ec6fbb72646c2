/* ks-powermap-draw.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cost per frame is what cairo must rasterise and little more: lines of one
 * style go out in one path and one stroke, text is replayed from the glyphs
 * the layout cached, cards outside the clip are skipped, and text too small
 * to read (a 500-contact map fitted to a page) is drawn as grey bars.
 */
#define G_LOG_DOMAIN "ks-powermap-draw"

#include "config.h"

#include <math.h>

#include "ks-export.h"
#include "ks-powermap-draw.h"
#include "ks-powermap-layout-private.h"

/* Text smaller than this many pixels is drawn as bars; cards whose chips
 * and badges would be smaller than LOD_DETAIL_PX are drawn as plain boxes
 * with those bars (a 500-contact map fitted to a page). */
#define LOD_TEXT_PX   4.0
#define LOD_DETAIL_PX 2.5

enum
{
  FLAG_SELECTED = 1 << 0,
  FLAG_CHANGED  = 1 << 1,
  FLAG_ADDED    = 1 << 2,
  FLAG_REMOVED  = 1 << 3,
};

typedef struct
{
  const KsMapLayout *layout;
  const KsPalette   *palette;
  double             scale;
  double             px;           /* one view pixel in model units */
  gboolean           greek;        /* text too small to read */
  gboolean           tiny;         /* details too small to see */
  KsMapRect          visible;      /* model units */
  KsColor            shadow;
  KsColor            external_fill;
  KsColor            chip_fill;
  KsColor            chip_text;
  KsColor            greek_name;
  KsColor            greek_title;
} Ctx;

/* ------------------------------------------------------------------ shapes */

static void
chamfered_rect (cairo_t *cr,
                double   x,
                double   y,
                double   w,
                double   h,
                double   c)
{
  c = MIN (c, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_move_to (cr, x + c, y);
  cairo_line_to (cr, x + w - c, y);
  cairo_line_to (cr, x + w, y + c);
  cairo_line_to (cr, x + w, y + h - c);
  cairo_line_to (cr, x + w - c, y + h);
  cairo_line_to (cr, x + c, y + h);
  cairo_line_to (cr, x, y + h - c);
  cairo_line_to (cr, x, y + c);
  cairo_close_path (cr);
}

/* The outline of a node of @kind in the rectangle, grown by @grow. */
static void
node_shape (cairo_t    *cr,
            KsNodeKind  kind,
            double      x,
            double      y,
            double      w,
            double      h,
            double      grow,
            double      radius)
{
  x -= grow;
  y -= grow;
  w += 2 * grow;
  h += 2 * grow;
  if (kind == KS_NODE_COMPETITOR)
    chamfered_rect (cr, x, y, w, h, KS_MAP_CHAMFER * radius / KS_MAP_CARD_RADIUS + grow * 0.4);
  else if (kind == KS_NODE_THIRD_PARTY)
    ks_chart_rounded_rect (cr, x, y, w, h, KS_MAP_EXTERNAL_RADIUS * radius / KS_MAP_CARD_RADIUS + grow);
  else
    ks_chart_rounded_rect (cr, x, y, w, h, radius + grow);
}

static const KsColor *
relationship_colour (const KsPalette *palette,
                     KsRelationship   relationship)
{
  switch (relationship)
    {
    case KS_RELATIONSHIP_POSITIVE:
      return &palette->positive;
    case KS_RELATIONSHIP_NEUTRAL:
      return &palette->neutral;
    case KS_RELATIONSHIP_POOR:
      return &palette->negative;
    case KS_RELATIONSHIP_UNKNOWN:
    default:
      return &palette->unknown;
    }
}

static void
label_centred (cairo_t          *cr,
               const KsMapLabel *label,
               double            cx,
               double            cy)
{
  _ks_map_label_show (cr, label, cx - label->width / 2, cy - label->height / 2);
}

static void
draw_badge (cairo_t         *cr,
            const Ctx       *ctx,
            KsDecisionPower  power,
            double           cx,
            double           cy,
            double           radius,
            gboolean         text)
{
  const KsPalette *p = ctx->palette;
  const KsColor *fill = NULL, *ink;

  cairo_new_path (cr);
  switch (power)
    {
    case KS_POWER_HIGH:
      fill = &p->foreground;
      break;
    case KS_POWER_MEDIUM:
      fill = &p->muted;
      break;
    case KS_POWER_LOW:
    case KS_POWER_UNKNOWN:
    default:
      break;
    }
  if (fill)
    {
      cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
      ks_color_set_source (cr, fill);
      cairo_fill (cr);
      ink = ks_palette_text_on (p, fill);
    }
  else
    {
      double w = MAX (1.5, ctx->px);

      cairo_arc (cr, cx, cy, radius - w / 2, 0, 2 * G_PI);
      ks_color_set_source (cr, &p->surface);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, w);
      if (power == KS_POWER_UNKNOWN)
        {
          double dash[] = { 2.5, 2.0 };
          cairo_set_dash (cr, dash, 2, 0);
          ks_color_set_source (cr, &p->unknown);
        }
      else
        ks_color_set_source (cr, &p->muted);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      ink = power == KS_POWER_UNKNOWN ? &p->muted : &p->foreground;
    }
  if (text)
    {
      ks_color_set_source (cr, ink);
      label_centred (cr, &ctx->layout->digits[power >= 1 && power <= 3 ? power : 0], cx, cy);
    }
}

static void
draw_attitude (cairo_t    *cr,
               const Ctx  *ctx,
               KsAttitude  attitude,
               double      cx,
               double      cy)
{
  const KsPalette *p = ctx->palette;
  double a = KS_MAP_MARK_W / 2 - 1.5;

  cairo_new_path (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, MAX (2.4, ctx->px));
  switch (attitude)
    {
    case KS_ATTITUDE_SUPPORTER:
      cairo_move_to (cr, cx - a, cy);
      cairo_line_to (cr, cx + a, cy);
      cairo_move_to (cr, cx, cy - a);
      cairo_line_to (cr, cx, cy + a);
      ks_color_set_source (cr, &p->positive);
      break;
    case KS_ATTITUDE_NEUTRAL:
      cairo_set_line_width (cr, MAX (1.8, ctx->px));
      cairo_arc (cr, cx, cy, a - 0.5, 0, 2 * G_PI);
      ks_color_set_source (cr, &p->muted);
      break;
    case KS_ATTITUDE_OPPONENT:
      cairo_move_to (cr, cx - a, cy);
      cairo_line_to (cr, cx + a, cy);
      ks_color_set_source (cr, &p->negative);
      break;
    case KS_ATTITUDE_UNKNOWN:
    default:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      return;
    }
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

/* A role chip with its left edge at x, centred on cy; returns its width. */
static double
draw_chip (cairo_t   *cr,
           const Ctx *ctx,
           guint      role,
           double     x,
           double     cy,
           gboolean   text)
{
  const KsMapLabel *label = &ctx->layout->roles[role];
  double w = label->width + 10, h = KS_MAP_CHIP_H;

  ks_chart_rounded_rect (cr, x, cy - h / 2, w, h, 4);
  ks_color_set_source (cr, &ctx->chip_fill);
  cairo_fill (cr);
  if (text)
    {
      ks_color_set_source (cr, &ctx->chip_text);
      label_centred (cr, label, x + w / 2, cy);
    }
  return w;
}

static void
draw_owner (cairo_t          *cr,
            const Ctx        *ctx,
            const KsMapLabel *initials,
            guint             colour,
            double            cx,
            double            cy,
            double            radius,
            gboolean          text)
{
  const KsColor *fill = &ctx->palette->series[colour % 8];

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  ks_color_set_source (cr, fill);
  cairo_fill (cr);
  if (text)
    {
      ks_color_set_source (cr, ks_palette_text_on (ctx->palette, fill));
      label_centred (cr, initials, cx, cy);
    }
}

static void
draw_tag (cairo_t          *cr,
          const Ctx        *ctx,
          const KsMapLabel *label,
          const KsColor    *fill,
          double            right,
          double            cy)
{
  double w = label->width + 12, h = 17;

  ks_chart_rounded_rect (cr, right - w, cy - h / 2, w, h, h / 2);
  ks_color_set_source (cr, fill);
  cairo_fill (cr);
  ks_color_set_source (cr, ks_palette_text_on (ctx->palette, fill));
  label_centred (cr, label, right - w / 2, cy);
}

/* ------------------------------------------------------------------ lines */

static void
edge_path (cairo_t         *cr,
           const KsMapEdge *e)
{
  const KsMapLineGeometry *g = &e->geo;

  cairo_move_to (cr, g->x[0], g->y[0]);
  if (g->shape == KS_MAP_LINE_SHAPE_CURVE)
    cairo_curve_to (cr, g->x[1], g->y[1], g->x[2], g->y[2], g->x[3], g->y[3]);
  else
    for (guint i = 1; i < g->n_points; i++)
      cairo_line_to (cr, g->x[i], g->y[i]);
}

static void
arrow_path (cairo_t         *cr,
            const KsMapEdge *e)
{
  const KsMapLineGeometry *g = &e->geo;

  cairo_move_to (cr, g->arrow_x[0], g->arrow_y[0]);
  cairo_line_to (cr, g->arrow_x[1], g->arrow_y[1]);
  cairo_line_to (cr, g->arrow_x[2], g->arrow_y[2]);
  cairo_close_path (cr);
}

static const KsColor *
line_colour (const Ctx  *ctx,
             KsLineKind  kind)
{
  return kind == KS_LINE_INFLUENCE ? &ctx->palette->series[4] : &ctx->palette->muted;
}

/* Dots and dashes keep a few pixels apart at every zoom, so a dotted line
 * still looks dotted (and cairo cuts no more dashes than the screen shows);
 * on a map too small for details they become faint solid lines. */
static void
set_line_style (cairo_t    *cr,
                const Ctx  *ctx,
                KsLineKind  kind,
                double      width)
{
  double pattern[2];

  cairo_set_line_width (cr, MAX (width, ctx->px));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, NULL, 0, 0);
  if (ctx->tiny || kind == KS_LINE_REPORTS_TO)
    return;
  if (kind == KS_LINE_DOTTED)
    {
      pattern[0] = 0.01;
      pattern[1] = MAX (4.5, 3.5 * ctx->px);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
    }
  else
    {
      pattern[0] = MAX (7.0, 6 * ctx->px);
      pattern[1] = MAX (5.0, 4 * ctx->px);
    }
  cairo_set_dash (cr, pattern, 2, 0);
}

static void
set_line_colour (cairo_t    *cr,
                 const Ctx  *ctx,
                 KsLineKind  kind)
{
  KsColor c = *line_colour (ctx, kind);

  if (kind != KS_LINE_REPORTS_TO && ctx->tiny)
    c.alpha *= 0.55;
  ks_color_set_source (cr, &c);
}

static gboolean
edge_visible (const Ctx       *ctx,
              const KsMapEdge *e)
{
  const KsMapRect *b = &e->bbox, *v = &ctx->visible;

  return e->geo.visible && b->x <= v->x + v->width && v->x <= b->x + b->width
         && b->y <= v->y + v->height && v->y <= b->y + b->height;
}

/* All lines of one style in one path and one stroke, arrow heads in one fill.
 * (cairo already skips the dashes of the parts outside the clip.) */
static void
draw_lines (cairo_t   *cr,
            const Ctx *ctx)
{
  const KsMapLayout *layout = ctx->layout;
  guint k = 0;

  while (k < layout->n_edges)
    {
      const KsMapEdge *first = &layout->edges[layout->edge_order[k]];
      guint end = k, drawn = 0;

      while (end < layout->n_edges)
        {
          const KsMapEdge *e = &layout->edges[layout->edge_order[end]];

          if (e->kind != first->kind || e->geo.width != first->geo.width)
            break;
          end++;
        }
      cairo_new_path (cr);
      for (guint j = k; j < end; j++)
        {
          const KsMapEdge *e = &layout->edges[layout->edge_order[j]];

          if (edge_visible (ctx, e))
            {
              edge_path (cr, e);
              drawn++;
            }
        }
      if (drawn)
        {
          set_line_style (cr, ctx, first->kind, first->geo.width);
          set_line_colour (cr, ctx, first->kind);
          cairo_stroke (cr);
          if (first->geo.arrow)
            {
              for (guint j = k; j < end; j++)
                {
                  const KsMapEdge *e = &layout->edges[layout->edge_order[j]];

                  if (edge_visible (ctx, e) && e->geo.arrow)
                    arrow_path (cr, e);
                }
              cairo_fill (cr);
            }
        }
      k = end;
    }
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

/* ------------------------------------------------------------------ cards */

static gboolean
card_visible (const Ctx       *ctx,
              const KsMapCard *card)
{
  const KsMapRect *r = &card->rect, *v = &ctx->visible;
  double m = 24;   /* tags and outlines reach past the card */

  return r->x - m <= v->x + v->width && v->x <= r->x + r->width + m
         && r->y - m <= v->y + v->height && v->y <= r->y + r->height + m;
}

static void
greek_bar (cairo_t       *cr,
           const KsColor *colour,
           double         x,
           double         y,
           double         w,
           double         h)
{
  cairo_rectangle (cr, x, y + h * 0.3, w, h * 0.45);
  ks_color_set_source (cr, colour);
  cairo_fill (cr);
}

static void
draw_card (cairo_t         *cr,
           const Ctx       *ctx,
           const KsMapCard *card,
           guint8           flags)
{
  const KsPalette *p = ctx->palette;
  const KsMapRect *r = &card->rect;
  const KsColor *border = relationship_colour (p, card->relationship);
  gboolean external = card->kind != KS_NODE_CONTACT;
  gboolean text = !ctx->greek;
  double bw = MAX (KS_MAP_BORDER_W, ctx->px);

  if (flags & FLAG_REMOVED)
    cairo_push_group (cr);

  if (ctx->tiny)
    {
      /* A few pixels: the box, its colour and where the text is. */
      cairo_rectangle (cr, r->x + bw / 2, r->y + bw / 2, r->width - bw, r->height - bw);
      ks_color_set_source (cr, external ? &ctx->external_fill : &p->surface);
      cairo_fill_preserve (cr);
      ks_color_set_source (cr, external && card->relationship == KS_RELATIONSHIP_UNKNOWN ? &p->muted : border);
      cairo_set_line_width (cr, bw);
      cairo_stroke (cr);
      greek_bar (cr, &ctx->greek_name, r->x + card->text_x, r->y + card->name_y,
                 MIN (card->name.width, card->text_w), MIN (card->name.height, ctx->layout->font_px * 1.3));
      if (flags & FLAG_REMOVED)
        {
          cairo_pop_group_to_source (cr);
          cairo_paint_with_alpha (cr, 0.4);
        }
      return;
    }

  /* A soft shadow under the card lifts it off the canvas. */
  if (text)
    {
      cairo_new_path (cr);
      node_shape (cr, card->kind, r->x, r->y + 1.5, r->width, r->height, 0.5, KS_MAP_CARD_RADIUS);
      ks_color_set_source (cr, &ctx->shadow);
      cairo_fill (cr);
    }

  node_shape (cr, card->kind, r->x + bw / 2, r->y + bw / 2, r->width - bw, r->height - bw, 0,
              KS_MAP_CARD_RADIUS - bw / 2);
  ks_color_set_source (cr, external ? &ctx->external_fill : &p->surface);
  cairo_fill_preserve (cr);
  if (external)
    {
      static const double dash[] = { 6.0, 3.5 };
      cairo_set_dash (cr, dash, 2, 0);
      if (card->relationship == KS_RELATIONSHIP_UNKNOWN)
        border = &p->muted;
    }
  ks_color_set_source (cr, border);
  cairo_set_line_width (cr, bw);
  cairo_stroke (cr);
  if (external)
    cairo_set_dash (cr, NULL, 0, 0);

  if (card->has_badge)
    draw_badge (cr, ctx, card->power, r->x + KS_MAP_CARD_PAD + KS_MAP_BADGE_D / 2,
                r->y + KS_MAP_CARD_PAD + KS_MAP_BADGE_D / 2, KS_MAP_BADGE_D / 2, text);
  if (card->attitude != KS_ATTITUDE_UNKNOWN)
    draw_attitude (cr, ctx, card->attitude,
                   r->x + r->width - KS_MAP_CARD_PAD - KS_MAP_MARK_W / 2,
                   r->y + KS_MAP_CARD_PAD + KS_MAP_BADGE_D / 2);

  if (text)
    {
      ks_color_set_source (cr, &p->foreground);
      _ks_map_label_show (cr, &card->name, r->x + card->text_x, r->y + card->name_y);
      if (card->has_title)
        {
          ks_color_set_source (cr, &p->muted);
          _ks_map_label_show (cr, &card->title, r->x + card->text_x, r->y + card->title_y);
        }
    }
  else
    {
      greek_bar (cr, &ctx->greek_name, r->x + card->text_x, r->y + card->name_y,
                 MIN (card->name.width, card->text_w), MIN (card->name.height, ctx->layout->font_px * 1.3));
      if (card->has_title)
        greek_bar (cr, &ctx->greek_title, r->x + card->text_x, r->y + card->title_y,
                   MIN (card->title.width, card->text_w), card->title.height);
    }

  if (card->roles)
    {
      double x = r->x + card->chips_x, cy = r->y + card->row_y + KS_MAP_OWNER_D / 2;

      for (guint i = 0; i < 6; i++)
        if (card->roles & (1u << i))
          {
            if (x + ctx->layout->roles[i].width + 10 > r->x + card->chips_max)
              break;   /* never past the card's edge */
            x += draw_chip (cr, ctx, i, x, cy, text) + KS_MAP_CHIP_GAP;
          }
    }
  if (card->has_owner)
    draw_owner (cr, ctx, &card->initials, card->owner_colour,
                r->x + r->width - KS_MAP_CARD_PAD - KS_MAP_OWNER_D / 2,
                r->y + card->row_y + KS_MAP_OWNER_D / 2, KS_MAP_OWNER_D / 2, text);

  if (flags & FLAG_REMOVED)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, 0.4);
    }

  if (text && (flags & (FLAG_CHANGED | FLAG_ADDED | FLAG_REMOVED)))
    {
      KsMapTag tag = flags & FLAG_REMOVED ? KS_MAP_TAG_REMOVED
                   : flags & FLAG_ADDED ? KS_MAP_TAG_ADDED : KS_MAP_TAG_CHANGED;
      const KsColor *fill = tag == KS_MAP_TAG_REMOVED ? &p->negative
                          : tag == KS_MAP_TAG_ADDED ? &p->positive : &p->accent;

      draw_tag (cr, ctx, &ctx->layout->tags[tag], fill, r->x + r->width - 12, r->y);
    }
}

/* ------------------------------------------------------------------ overlay */

static void
draw_handle (cairo_t         *cr,
             const Ctx       *ctx,
             const KsMapCard *card,
             gboolean         hot)
{
  const KsPalette *p = ctx->palette;
  double cx = card->rect.x + card->rect.width, cy = card->rect.y + card->rect.height / 2;
  double radius = (hot ? KS_MAP_HANDLE_R + 1.5 : KS_MAP_HANDLE_R) * MAX (1, ctx->px);
  double a = radius * 0.5;

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  ks_color_set_source (cr, &p->accent);
  cairo_fill (cr);
  cairo_set_line_width (cr, 1.6 * MAX (1, ctx->px));
  cairo_move_to (cr, cx - a, cy);
  cairo_line_to (cr, cx + a, cy);
  cairo_move_to (cr, cx, cy - a);
  cairo_line_to (cr, cx, cy + a);
  ks_color_set_source (cr, ks_palette_text_on (p, &p->accent));
  cairo_stroke (cr);
}

static void
highlight_edge (cairo_t         *cr,
                const Ctx       *ctx,
                const KsMapEdge *e,
                const KsColor   *colour)
{
  if (!e->geo.visible)
    return;
  cairo_new_path (cr);
  edge_path (cr, e);
  set_line_style (cr, ctx, e->kind, e->geo.width + 1.5);
  ks_color_set_source (cr, colour);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (e->geo.arrow)
    {
      arrow_path (cr, e);
      cairo_fill (cr);
    }
}

static void
draw_overlay (cairo_t              *cr,
              const Ctx            *ctx,
              const KsMapDrawState *state,
              const guint8         *flags)
{
  const KsMapLayout *layout = ctx->layout;
  const KsPalette *p = ctx->palette;
  KsColor soft = p->accent;
  int hover = state->hover_node ? ks_map_layout_find_node (layout, state->hover_node) : -1;
  int focus = state->focus_node ? ks_map_layout_find_node (layout, state->focus_node) : -1;
  int hover_line = state->hover_line ? ks_map_layout_find_line (layout, state->hover_line) : -1;
  int single = -1;

  soft.alpha = 0.45;

  /* Lines first: they stay under the outlines. */
  for (guint k = 0; k < state->n_selected_lines; k++)
    {
      int i = ks_map_layout_find_line (layout, state->selected_lines[k]);

      if (i >= 0)
        highlight_edge (cr, ctx, &layout->edges[i], &p->accent);
      if (i == hover_line)
        hover_line = -1;
    }
  if (hover_line >= 0)
    highlight_edge (cr, ctx, &layout->edges[hover_line], &soft);

  for (guint i = 0; i < layout->n_cards; i++)
    if (flags[i] & FLAG_SELECTED)
      {
        const KsMapCard *card = &layout->cards[i];

        cairo_new_path (cr);
        node_shape (cr, card->kind, card->rect.x, card->rect.y, card->rect.width, card->rect.height,
                    4 * MAX (1, ctx->px), KS_MAP_CARD_RADIUS);
        cairo_set_line_width (cr, 2.5 * MAX (1, ctx->px));
        ks_color_set_source (cr, &p->accent);
        cairo_stroke (cr);
        single = single == -1 ? (int) i : -2;
      }
  if (hover >= 0 && !(flags[hover] & FLAG_SELECTED))
    {
      const KsMapCard *card = &layout->cards[hover];

      cairo_new_path (cr);
      node_shape (cr, card->kind, card->rect.x, card->rect.y, card->rect.width, card->rect.height,
                  3.5 * MAX (1, ctx->px), KS_MAP_CARD_RADIUS);
      cairo_set_line_width (cr, 2 * MAX (1, ctx->px));
      ks_color_set_source (cr, &soft);
      cairo_stroke (cr);
    }
  if (focus >= 0)
    {
      const KsMapCard *card = &layout->cards[focus];
      static const double dash[] = { 4.0, 3.0 };

      cairo_new_path (cr);
      node_shape (cr, card->kind, card->rect.x, card->rect.y, card->rect.width, card->rect.height,
                  (flags[focus] & FLAG_SELECTED ? 8 : 4) * MAX (1, ctx->px), KS_MAP_CARD_RADIUS);
      cairo_set_line_width (cr, 2 * MAX (1, ctx->px));
      cairo_set_dash (cr, dash, 2, 0);
      ks_color_set_source (cr, &p->accent);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* The link handle on the hovered card, or on the one selected card. */
  if (hover >= 0)
    draw_handle (cr, ctx, &layout->cards[hover], state->hover_handle);
  else if (single >= 0)
    draw_handle (cr, ctx, &layout->cards[single], FALSE);
}

static void
draw_view_overlay (cairo_t              *cr,
                   const Ctx            *ctx,
                   const KsMapDrawState *state)
{
  const KsPalette *p = ctx->palette;
  int from = state->link_from ? ks_map_layout_find_node (ctx->layout, state->link_from) : -1;

  if (from >= 0)
    {
      const KsMapRect *r = &ctx->layout->cards[from].rect;
      static const double dash[] = { 6.0, 4.0 };
      double x, y;

      ks_map_view_from_model (&state->view, r->x + r->width, r->y + r->height / 2, &x, &y);
      cairo_new_path (cr);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, state->link_x, state->link_y);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dash, 2, 0);
      ks_color_set_source (cr, &p->accent);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_arc (cr, state->link_x, state->link_y, 4, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  if (state->show_rubber_band)
    {
      const KsMapRect *b = &state->rubber_band;
      KsColor fill = p->accent;

      fill.alpha = 0.12;
      cairo_new_path (cr);
      cairo_rectangle (cr, floor (b->x) + 0.5, floor (b->y) + 0.5, round (b->width), round (b->height));
      ks_color_set_source (cr, &fill);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1);
      ks_color_set_source (cr, &p->accent);
      cairo_stroke (cr);
    }
}

/* ------------------------------------------------------------------ legend */

static void
draw_legend_symbol (cairo_t              *cr,
                    const Ctx            *ctx,
                    const KsMapLegendRow *row,
                    double                x,
                    double                cy)
{
  const KsPalette *p = ctx->palette;
  double cx = x + KS_MAP_LEGEND_SYMBOL_W / 2;

  cairo_new_path (cr);
  switch (row->symbol)
    {
    case KS_MAP_SYMBOL_RELATIONSHIP:
      ks_chart_rounded_rect (cr, cx - 13 + 1.25, cy - 7 + 1.25, 26 - 2.5, 14 - 2.5, 3.5);
      ks_color_set_source (cr, &p->surface);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, KS_MAP_BORDER_W);
      ks_color_set_source (cr, relationship_colour (p, row->value));
      cairo_stroke (cr);
      break;
    case KS_MAP_SYMBOL_POWER:
      draw_badge (cr, ctx, row->value, cx, cy, 8.5, TRUE);
      break;
    case KS_MAP_SYMBOL_ATTITUDE:
      draw_attitude (cr, ctx, row->value, cx, cy);
      break;
    case KS_MAP_SYMBOL_LINE:
      {
        KsMapEdge e = { 0 };

        e.kind = row->value;
        e.geo.visible = TRUE;
        e.geo.shape = KS_MAP_LINE_SHAPE_POLYLINE;
        e.geo.n_points = 2;
        e.geo.x[0] = x + 1;
        e.geo.x[1] = x + KS_MAP_LEGEND_SYMBOL_W - (row->value == KS_LINE_INFLUENCE ? 9 : 1);
        e.geo.y[0] = e.geo.y[1] = cy;
        e.geo.width = row->value == KS_LINE_REPORTS_TO ? 1.5 : row->value == KS_LINE_DOTTED ? 2.0 : 2.2;
        edge_path (cr, &e);
        set_line_style (cr, ctx, e.kind, e.geo.width);
        ks_color_set_source (cr, line_colour (ctx, e.kind));
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        if (row->value == KS_LINE_INFLUENCE)
          {
            double tip = x + KS_MAP_LEGEND_SYMBOL_W - 1;
            cairo_move_to (cr, tip, cy);
            cairo_line_to (cr, tip - 11, cy - 5.5);
            cairo_line_to (cr, tip - 11, cy + 5.5);
            cairo_close_path (cr);
            cairo_fill (cr);
          }
      }
      break;
    case KS_MAP_SYMBOL_ROLE:
      {
        double w = ctx->layout->roles[row->value].width + 10;
        draw_chip (cr, ctx, row->value, cx - w / 2, cy, TRUE);
      }
      break;
    case KS_MAP_SYMBOL_OWNER:
      draw_owner (cr, ctx, &ctx->layout->legend_initials, 0, cx, cy, 10, TRUE);
      break;
    case KS_MAP_SYMBOL_COMPETITOR:
    case KS_MAP_SYMBOL_THIRD_PARTY:
      {
        static const double dash[] = { 4.0, 2.5 };
        KsNodeKind kind = row->symbol == KS_MAP_SYMBOL_COMPETITOR ? KS_NODE_COMPETITOR : KS_NODE_THIRD_PARTY;

        node_shape (cr, kind, cx - 14 + 0.75, cy - 8 + 0.75, 28 - 1.5, 16 - 1.5, 0, 3.5);
        ks_color_set_source (cr, &ctx->external_fill);
        cairo_fill_preserve (cr);
        cairo_set_dash (cr, dash, 2, 0);
        cairo_set_line_width (cr, 1.5);
        ks_color_set_source (cr, &p->muted);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
      }
      break;
    default:
      break;
    }
}

static void
draw_legend (cairo_t              *cr,
             const Ctx            *ctx,
             const KsMapDrawState *state)
{
  const KsMapLayout *layout = ctx->layout;
  const KsPalette *p = ctx->palette;
  double sx[KS_MAP_LEGEND_SECTIONS], sy[KS_MAP_LEGEND_SECTIONS];
  KsMapRect box;
  Ctx unscaled = *ctx;

  /* The legend is in view units: full size whatever the zoom. */
  unscaled.scale = 1;
  unscaled.px = 1;
  unscaled.greek = FALSE;
  unscaled.tiny = FALSE;
  ctx = &unscaled;

  ks_map_layout_get_legend_rect (layout, &state->view, &box);
  _ks_map_legend_arrange (layout, state->view.legend_columns, NULL, NULL, sx, sy);

  cairo_save (cr);
  cairo_translate (cr, box.x, box.y);
  cairo_new_path (cr);
  ks_chart_rounded_rect (cr, 0, 1.5, box.width, box.height, 10);
  ks_color_set_source (cr, &ctx->shadow);
  cairo_fill (cr);
  ks_chart_rounded_rect (cr, 0.5, 0.5, box.width - 1, box.height - 1, 10);
  ks_color_set_source (cr, &p->surface);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1);
  ks_color_set_source (cr, &p->grid);
  cairo_stroke (cr);

  for (guint i = 0; i < KS_MAP_LEGEND_SECTIONS; i++)
    {
      const KsMapLegendSection *s = &layout->legend[i];

      ks_color_set_source (cr, &p->foreground);
      _ks_map_label_show (cr, &s->header, sx[i], sy[i] + (KS_MAP_LEGEND_HEAD_H - s->header.height) / 2 - 2);
      for (guint r = 0; r < s->n_rows; r++)
        {
          const KsMapLegendRow *row = &s->rows[r];
          double y = sy[i] + KS_MAP_LEGEND_HEAD_H + r * KS_MAP_LEGEND_ROW_H;

          draw_legend_symbol (cr, ctx, row, sx[i], y + KS_MAP_LEGEND_ROW_H / 2);
          ks_color_set_source (cr, &p->foreground);
          _ks_map_label_show (cr, &row->label, sx[i] + KS_MAP_LEGEND_SYMBOL_W + 8,
                              y + (KS_MAP_LEGEND_ROW_H - row->label.height) / 2);
        }
    }
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ public */

static void
mark_flags (const KsMapLayout *layout,
            guint8            *flags,
            const gint64      *ids,
            guint              n,
            guint8             flag)
{
  for (guint i = 0; ids && i < n; i++)
    {
      int k = ks_map_layout_find_node (layout, ids[i]);
      if (k >= 0)
        flags[k] |= flag;
    }
}

void
ks_map_draw (cairo_t              *cr,
             const KsMapLayout    *layout,
             const KsPalette      *palette,
             const KsMapDrawState *state)
{
  KsMapDrawState fallback = { 0 };
  KsMapLayers layers;
  const KsColor *darkest;
  g_autofree guint8 *flags = NULL;
  double x1, y1, x2, y2;
  Ctx ctx = { 0 };

  g_return_if_fail (cr != NULL && layout != NULL && palette != NULL);

  if (!state)
    {
      cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
      fallback.view.scale = 1;
      fallback.view.width = x2;
      fallback.view.height = y2;
      state = &fallback;
    }
  layers = state->layers ? state->layers : KS_MAP_LAYER_ALL;

  ctx.layout = layout;
  ctx.palette = palette;
  ctx.scale = state->view.scale > 0 ? state->view.scale : 1;
  ctx.px = 1 / ctx.scale;
  ctx.greek = layout->font_px * ctx.scale < LOD_TEXT_PX;
  ctx.tiny = KS_MAP_CHIP_H * ctx.scale < LOD_DETAIL_PX;
  darkest = ks_color_luminance (&palette->foreground) < ks_color_luminance (&palette->background)
              ? &palette->foreground : &palette->background;
  ctx.shadow = *darkest;
  ctx.shadow.alpha = darkest == &palette->foreground ? 0.10 : 0.45;
  ctx.external_fill = ks_color_mix (&palette->surface, &palette->grid, 0.45);
  ctx.chip_fill = ks_color_mix (&palette->surface, &palette->foreground, 0.08);
  ctx.chip_text = ks_color_mix (&palette->foreground, &palette->surface, 0.1);
  ctx.greek_name = ks_color_mix (&palette->surface, &palette->foreground, 0.55);
  ctx.greek_title = ks_color_mix (&palette->surface, &palette->muted, 0.35);

  flags = g_malloc0 (MAX (layout->n_cards, 1));
  mark_flags (layout, flags, state->selected_nodes, state->n_selected_nodes, FLAG_SELECTED);
  mark_flags (layout, flags, state->changed_nodes, state->n_changed_nodes, FLAG_CHANGED);
  mark_flags (layout, flags, state->added_nodes, state->n_added_nodes, FLAG_ADDED);
  mark_flags (layout, flags, state->removed_nodes, state->n_removed_nodes, FLAG_REMOVED);

  cairo_save (cr);
  if (layers & KS_MAP_LAYER_BACKGROUND)
    {
      ks_color_set_source (cr, &palette->background);
      cairo_paint (cr);
    }

  cairo_save (cr);
  cairo_translate (cr, state->view.offset_x, state->view.offset_y);
  cairo_scale (cr, ctx.scale, ctx.scale);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  ctx.visible = (KsMapRect) { x1, y1, x2 - x1, y2 - y1 };

  if (layers & KS_MAP_LAYER_LINES)
    draw_lines (cr, &ctx);
  if (layers & KS_MAP_LAYER_CARDS)
    for (guint i = 0; i < layout->n_cards; i++)
      if (card_visible (&ctx, &layout->cards[i]))
        draw_card (cr, &ctx, &layout->cards[i], flags[i]);
  if (layers & KS_MAP_LAYER_OVERLAY)
    draw_overlay (cr, &ctx, state, flags);
  cairo_restore (cr);

  if (layers & KS_MAP_LAYER_OVERLAY)
    draw_view_overlay (cr, &ctx, state);
  if (layers & KS_MAP_LAYER_LEGEND)
    draw_legend (cr, &ctx, state);
  cairo_restore (cr);
}

#define EXPORT_MARGIN 24.0

typedef struct
{
  const KsMapLayout *layout;
  const KsPalette   *palette;
  double             max_scale;
} ExportData;

static void
export_fit (const KsMapLayout *layout,
            double             width,
            double             height,
            double             max_scale,
            KsMapView         *view)
{
  *view = (KsMapView) { 0 };
  view->legend_corner = KS_MAP_CORNER_BOTTOM_LEFT;
  ks_map_view_fit (layout, width, height, EXPORT_MARGIN, max_scale, view);
}

static void
export_draw (cairo_t *cr,
             double   width,
             double   height,
             gpointer user_data)
{
  ExportData *data = user_data;
  KsMapDrawState state = { 0 };

  export_fit (data->layout, width, height, data->max_scale, &state.view);
  ks_map_draw (cr, data->layout, data->palette, &state);
}

/* The smallest ISO A paper, A4 to A0, turned the way the map is, on which
 * the map's names print at KS_MAP_READABLE_PT or more; A0 when none does. */
static void
choose_paper (const KsMapLayout *layout,
              double             natural_w,
              double             natural_h,
              double            *width,
              double            *height)
{
  /* Portrait, in points: A4, A3, A2, A1, A0. */
  static const double papers[][2] = {
    { 595, 842 }, { 842, 1191 }, { 1191, 1684 }, { 1684, 2384 }, { 2384, 3370 },
  };
  gboolean landscape = natural_w > natural_h;
  double readable = MIN (1.0, KS_MAP_READABLE_PT / MAX (layout->font_px, 1.0));

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      KsMapView view;

      *width = landscape ? papers[i][1] : papers[i][0];
      *height = landscape ? papers[i][0] : papers[i][1];
      export_fit (layout, *width, *height, 1.0, &view);
      if (view.scale >= readable)
        return;
    }
}

gboolean
ks_map_export_scaled (const char         *path,
                      const KsMapLayout  *layout,
                      const KsPalette    *palette,
                      double              width,
                      double              height,
                      double              png_scale,
                      GError            **error)
{
  ExportData data = { layout, palette, 1.5 };
  KsExportFormat format = KS_EXPORT_PNG;
  double natural_w, natural_h;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (layout != NULL && palette != NULL, FALSE);
  g_return_val_if_fail (width >= 0 && height >= 0 && png_scale > 0, FALSE);

  if (width > 0 && height > 0)
    return ks_export_to_file (path, width, height, png_scale, export_draw, &data, error);
  if (!ks_export_format_for_path (path, &format, error))
    return FALSE;

  ks_map_layout_get_natural_size (layout, EXPORT_MARGIN, &natural_w, &natural_h);
  data.max_scale = 1.0;
  if (width > 0)
    height = ceil (natural_h * width / natural_w), data.max_scale = 1.5;
  else if (height > 0)
    width = ceil (natural_w * height / natural_h), data.max_scale = 1.5;
  else if (format == KS_EXPORT_PDF)
    choose_paper (layout, natural_w, natural_h, &width, &height);
  else
    {
      /* A picture no side of which passes the limit: scaled down as a whole. */
      double shrink = MIN (1.0, KS_MAP_EXPORT_MAX_PX / (MAX (natural_w, natural_h) *
                                                        (format == KS_EXPORT_PNG ? png_scale : 1)));

      width = ceil (natural_w * shrink);
      height = ceil (natural_h * shrink);
      data.max_scale = shrink;
    }
  return ks_export_to_file (path, width, height, png_scale, export_draw, &data, error);
}

gboolean
ks_map_export (const char         *path,
               const KsMapLayout  *layout,
               const KsPalette    *palette,
               double              width,
               double              height,
               GError            **error)
{
  return ks_map_export_scaled (path, layout, palette, width, height, 1, error);
}
