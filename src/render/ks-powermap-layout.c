/* ks-powermap-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every card is measured once, here; its pango layouts and their glyphs are
 * kept so a frame only replays them (QUALITY.md §3: a 500-contact frame within
 * 16 ms). Lines are routed from card edge to card edge and flattened for hit
 * testing. The tidy layout is a Reingold–Tilford-like layered tree layout with
 * per-row contours.
 */
#define G_LOG_DOMAIN "ks-powermap-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ks-powermap-layout.h"
#include "ks-powermap-layout-private.h"

/* Tidy layout spacing, model units. */
#define TIDY_SIBLING_GAP  24.0
#define TIDY_SUBTREE_GAP  40.0
#define TIDY_TREE_GAP     64.0
#define TIDY_ROW_GAP      52.0
#define TIDY_STACK_INDENT 22.0
#define TIDY_TRUNK         3.0
#define TIDY_LOOSE_GAP    76.0
#define TIDY_EXTERNAL_GAP 96.0
#define TIDY_CLEARANCE    16.0
#define TIDY_STACK_MIN     4     /* leaves under one boss before they are stacked */
#define TIDY_STACK_TWO     8     /* ... and before they take two columns */
#define TIDY_SCREEN_W   1800.0   /* a map this wide fits a screen at 100 % */
#define TIDY_ASPECT        1.8   /* the shape of a screen, or a slide, beside a legend */
#define DEFAULT_CARD_W   180.0
#define DEFAULT_CARD_H    74.0

static const char *role_abbrev[6] = {
  /* Translators: abbreviation of "economic buyer", on a small chip */
  N_("EB"),
  /* Translators: abbreviation of "technical buyer" */
  N_("TB"),
  /* Translators: abbreviation of "user buyer" */
  N_("UB"),
  /* Translators: abbreviation of "coach" */
  N_("C"),
  /* Translators: abbreviation of "financial expert" */
  N_("FE"),
  /* Translators: abbreviation of "business development" */
  N_("BD"),
};

/* ------------------------------------------------------------------ text */

static void
label_clear (KsMapLabel *label)
{
  ks_chart_text_clear (label);
}

static PangoLayout *
new_pango_layout (PangoContext               *context,
                  const PangoFontDescription *font,
                  const char                 *text)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

/* Fixes the label's size and caches its glyphs; call after the layout's
 * width and wrapping are set. */
static void
label_finish (KsMapLabel *label)
{
  ks_chart_text_measure (label);
}

static void
label_init (KsMapLabel                 *label,
            PangoContext               *context,
            const PangoFontDescription *font,
            const char                 *text)
{
  *label = (KsMapLabel) { 0 };
  label->layout = new_pango_layout (context, font, text);
  label_finish (label);
}

void
_ks_map_label_show (cairo_t          *cr,
                    const KsMapLabel *label,
                    double            x,
                    double            y)
{
  ks_chart_text_show (cr, label, x, y);
}

static double
first_line_height (PangoLayout *layout)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  PangoRectangle logical;

  if (!line)
    return 0;
  pango_layout_line_get_extents (line, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* ------------------------------------------------------------------ geometry helpers */

static inline double
rect_right (const KsMapRect *r)
{
  return r->x + r->width;
}

static inline double
rect_bottom (const KsMapRect *r)
{
  return r->y + r->height;
}

static inline double
rect_cx (const KsMapRect *r)
{
  return r->x + r->width / 2;
}

static inline double
rect_cy (const KsMapRect *r)
{
  return r->y + r->height / 2;
}

static void
rect_union (KsMapRect       *acc,
            gboolean        *empty,
            const KsMapRect *r)
{
  double x1, y1, x2, y2;

  if (*empty)
    {
      *acc = *r;
      *empty = FALSE;
      return;
    }
  x1 = MIN (acc->x, r->x);
  y1 = MIN (acc->y, r->y);
  x2 = MAX (rect_right (acc), rect_right (r));
  y2 = MAX (rect_bottom (acc), rect_bottom (r));
  *acc = (KsMapRect) { x1, y1, x2 - x1, y2 - y1 };
}

static gboolean
rects_meet (const KsMapRect *a,
            const KsMapRect *b)
{
  return a->x < rect_right (b) && b->x < rect_right (a)
         && a->y < rect_bottom (b) && b->y < rect_bottom (a);
}

static gboolean
rect_contains (const KsMapRect *r,
               double           x,
               double           y)
{
  return x >= r->x && x <= rect_right (r) && y >= r->y && y <= rect_bottom (r);
}

/* Where the ray from the centre of @r towards (tx, ty) leaves @r. FALSE when
 * (tx, ty) is inside @r. */
static gboolean
clip_to_edge (const KsMapRect *r,
              double           tx,
              double           ty,
              double          *ox,
              double          *oy)
{
  double cx = rect_cx (r), cy = rect_cy (r);
  double dx = tx - cx, dy = ty - cy;
  double t = G_MAXDOUBLE;

  if (fabs (dx) > 1e-9)
    t = MIN (t, (r->width / 2) / fabs (dx));
  if (fabs (dy) > 1e-9)
    t = MIN (t, (r->height / 2) / fabs (dy));
  if (t >= 1.0)
    return FALSE;
  *ox = cx + dx * t;
  *oy = cy + dy * t;
  return TRUE;
}

static double
segment_distance (double px,
                  double py,
                  double ax,
                  double ay,
                  double bx,
                  double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;

  t = CLAMP (t, 0.0, 1.0);
  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

/* ------------------------------------------------------------------ cards */

static guint
owner_colour (const char *initials)
{
  /* The same owner gets the same colour on every map. Yellow (2) is skipped:
   * light text on it is unreadable and dark text looks like a warning. */
  static const guint usable[] = { 0, 1, 3, 4, 5, 6, 7 };

  return usable[g_str_hash (initials) % G_N_ELEMENTS (usable)];
}

static void
measure_card (KsMapLayout                *self,
              KsMapCard                  *card,
              const KsMapNode            *node,
              const PangoFontDescription *name_font,
              const PangoFontDescription *title_font,
              const PangoFontDescription *small_font)
{
  const double pad = KS_MAP_CARD_PAD;
  const char *title = node->title;
  double mark_w, chips_w = 0, owner_w, need, w, h, lh, header_bottom;
  g_autofree char *initials = NULL;
  int n_chips = 0;

  card->id = node->id;
  card->kind = node->kind;
  card->power = node->power;
  card->relationship = node->relationship;
  card->attitude = node->attitude;
  card->roles = node->roles & 0x3f;

  if ((!title || !*title) && node->kind == KS_NODE_COMPETITOR)
    title = _("Competitor");
  else if ((!title || !*title) && node->kind == KS_NODE_THIRD_PARTY)
    title = _("Third party");
  card->has_title = title && *title;
  card->has_badge = node->kind == KS_NODE_CONTACT || node->power != KS_POWER_UNKNOWN;
  card->has_owner = node->owner_initials && *node->owner_initials;

  card->name.layout = new_pango_layout (self->context, name_font, node->name);
  if (card->has_title)
    card->title.layout = new_pango_layout (self->context, title_font, title);
  if (card->has_owner)
    {
      initials = g_utf8_substring (node->owner_initials, 0,
                                   MIN (3, g_utf8_strlen (node->owner_initials, -1)));
      label_init (&card->initials, self->context, small_font, initials);
      card->owner_colour = owner_colour (initials);
    }

  for (guint i = 0; i < 6; i++)
    if (card->roles & (1u << i))
      {
        chips_w += self->roles[i].width + 10 + (n_chips ? KS_MAP_CHIP_GAP : 0);
        n_chips++;
      }

  card->text_x = card->has_badge ? pad + KS_MAP_BADGE_D + 8 : pad + 2;
  mark_w = node->attitude != KS_ATTITUDE_UNKNOWN ? KS_MAP_MARK_W + 6 : 0;
  owner_w = card->has_owner ? KS_MAP_OWNER_D + 8 : 0;

  /* Natural width: the name on one line, the title, the row of chips. */
  {
    PangoRectangle name_nat = { 0 }, title_nat = { 0 };

    pango_layout_get_extents (card->name.layout, NULL, &name_nat);
    if (card->title.layout)
      pango_layout_get_extents (card->title.layout, NULL, &title_nat);
    need = (double) MAX (name_nat.width, title_nat.width) / PANGO_SCALE;
  }
  w = card->text_x + ceil (need) + mark_w + pad;
  w = MAX (w, card->text_x + chips_w + owner_w + pad);
  w = CLAMP (ceil (w), KS_MAP_CARD_MIN_W, KS_MAP_CARD_MAX_W);
  card->text_w = w - card->text_x - mark_w - pad;

  /* The name wraps to two lines at most, the title keeps to one. */
  pango_layout_set_width (card->name.layout, (int) (card->text_w * PANGO_SCALE));
  pango_layout_set_wrap (card->name.layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (card->name.layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (card->name.layout, -2);
  label_finish (&card->name);
  if (card->title.layout)
    {
      pango_layout_set_width (card->title.layout,
                              (int) ((w - card->text_x - pad) * PANGO_SCALE));
      pango_layout_set_ellipsize (card->title.layout, PANGO_ELLIPSIZE_END);
      label_finish (&card->title);
    }

  lh = first_line_height (card->name.layout);
  card->name_y = pad + MAX (0, (KS_MAP_BADGE_D - lh) / 2);
  card->title_y = card->name_y + card->name.height + 1;
  header_bottom = card->has_title ? card->title_y + card->title.height
                                  : card->name_y + card->name.height;
  header_bottom = MAX (header_bottom, card->has_badge ? pad + KS_MAP_BADGE_D : pad);

  card->chips_x = card->text_x;
  card->chips_max = w - pad - owner_w;
  if (card->chips_x + chips_w > card->chips_max)
    card->chips_x = pad;
  if (n_chips || card->has_owner)
    {
      card->row_y = ceil (header_bottom) + 7;
      h = card->row_y + KS_MAP_OWNER_D + pad;
    }
  else
    {
      card->row_y = header_bottom;
      h = header_bottom + pad;
    }

  card->rect.width = w;
  card->rect.height = ceil (h);
  card->rect.x = node->x - w / 2;
  card->rect.y = node->y - card->rect.height / 2;
}

/* ------------------------------------------------------------------ lines */

static void
edge_finish (KsMapEdge *e)
{
  KsMapLineGeometry *g = &e->geo;
  double x1, y1, x2, y2;

  e->n_flat = 0;
  if (!g->visible)
    {
      e->bbox = (KsMapRect) { 0, 0, 0, 0 };
      return;
    }
  if (g->shape == KS_MAP_LINE_SHAPE_CURVE)
    {
      for (guint i = 0; i <= 16; i++)
        {
          double t = i / 16.0, u = 1 - t;
          double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;

          e->flat_x[i] = a * g->x[0] + b * g->x[1] + c * g->x[2] + d * g->x[3];
          e->flat_y[i] = a * g->y[0] + b * g->y[1] + c * g->y[2] + d * g->y[3];
        }
      e->n_flat = 17;
    }
  else
    {
      for (guint i = 0; i < g->n_points; i++)
        {
          e->flat_x[i] = g->x[i];
          e->flat_y[i] = g->y[i];
        }
      e->n_flat = g->n_points;
    }
  if (g->arrow)
    {
      /* Hit testing reaches the tip. */
      e->flat_x[e->n_flat] = g->arrow_x[0];
      e->flat_y[e->n_flat] = g->arrow_y[0];
      e->n_flat++;
    }

  x1 = x2 = e->flat_x[0];
  y1 = y2 = e->flat_y[0];
  for (guint i = 1; i < e->n_flat; i++)
    {
      x1 = MIN (x1, e->flat_x[i]);
      x2 = MAX (x2, e->flat_x[i]);
      y1 = MIN (y1, e->flat_y[i]);
      y2 = MAX (y2, e->flat_y[i]);
    }
  for (guint i = 0; g->arrow && i < 3; i++)
    {
      x1 = MIN (x1, g->arrow_x[i]);
      x2 = MAX (x2, g->arrow_x[i]);
      y1 = MIN (y1, g->arrow_y[i]);
      y2 = MAX (y2, g->arrow_y[i]);
    }
  e->bbox = (KsMapRect) { x1 - g->width, y1 - g->width,
                          x2 - x1 + 2 * g->width, y2 - y1 + 2 * g->width };
}

static void
set_straight (KsMapEdge       *e,
              const KsMapRect *a,
              const KsMapRect *b)
{
  KsMapLineGeometry *g = &e->geo;

  g->shape = KS_MAP_LINE_SHAPE_POLYLINE;
  g->n_points = 2;
  g->visible = clip_to_edge (a, rect_cx (b), rect_cy (b), &g->x[0], &g->y[0])
               && clip_to_edge (b, rect_cx (a), rect_cy (a), &g->x[1], &g->y[1])
               && !rects_meet (a, b);
}

/* Is another subordinate of the same boss stacked above or below @child (the
 * tidy layout's columns of leaves)? Then lines enter from the side. */
static gboolean
has_stack_mate (const KsMapLayout *self,
                const KsMapEdge   *e)
{
  const KsMapCard *boss = &self->cards[e->to];
  const KsMapRect *c = &self->cards[e->from].rect;

  for (guint i = 0; i < boss->n_edges; i++)
    {
      const KsMapEdge *o = &self->edges[boss->edges[i]];
      const KsMapRect *r;

      if (o == e || o->kind != KS_LINE_REPORTS_TO || o->to != e->to || o->from < 0
          || o->from == e->from)
        continue;
      r = &self->cards[o->from].rect;
      if (r->x < rect_right (c) && c->x < rect_right (r)
          && (rect_bottom (r) <= c->y || rect_bottom (c) <= r->y))
        return TRUE;
    }
  return FALSE;
}

static void
route_reports_to (const KsMapLayout *self,
                  KsMapEdge         *e)
{
  const KsMapRect *b = &self->cards[e->to].rect;    /* boss */
  const KsMapRect *c = &self->cards[e->from].rect;  /* subordinate */
  KsMapLineGeometry *g = &e->geo;
  double bx = rect_cx (b), cx = rect_cx (c);
  gboolean below = c->y >= rect_bottom (b) + 8;
  gboolean above = rect_bottom (c) <= b->y - 8;

  g->shape = KS_MAP_LINE_SHAPE_POLYLINE;
  g->visible = TRUE;
  if (!below && !above)
    {
      set_straight (e, c, b);
      return;
    }

  if ((bx < c->x || bx > rect_right (c)) && has_stack_mate (self, e))
    {
      /* Down the trunk, then into the card's side. */
      g->n_points = 3;
      g->x[0] = bx;
      g->y[0] = below ? rect_bottom (b) : b->y;
      g->x[1] = bx;
      g->y[1] = rect_cy (c);
      g->x[2] = bx < c->x ? c->x : rect_right (c);
      g->y[2] = rect_cy (c);
      return;
    }

  if (fabs (bx - cx) < 0.5)
    {
      g->n_points = 2;
      g->x[0] = g->x[1] = bx;
      g->y[0] = below ? rect_bottom (b) : b->y;
      g->y[1] = below ? c->y : rect_bottom (c);
      return;
    }

  /* The elbow: siblings share the horizontal bus just under the boss. */
  {
    double gap = below ? c->y - rect_bottom (b) : b->y - rect_bottom (c);
    double mid = MIN (24.0, gap / 2);

    g->n_points = 4;
    g->x[0] = g->x[1] = bx;
    g->x[2] = g->x[3] = cx;
    if (below)
      {
        g->y[0] = rect_bottom (b);
        g->y[1] = g->y[2] = rect_bottom (b) + mid;
        g->y[3] = c->y;
      }
    else
      {
        g->y[0] = b->y;
        g->y[1] = g->y[2] = b->y - mid;
        g->y[3] = rect_bottom (c);
      }
  }
}

static gboolean
segment_meets_rect (double           x0,
                    double           y0,
                    double           x1,
                    double           y1,
                    const KsMapRect *r)
{
  double t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - r->x, rect_right (r) - x0, y0 - r->y, rect_bottom (r) - y0 };

  /* Liang–Barsky */
  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
        }
      else
        {
          double t = q[i] / p[i];

          if (p[i] < 0)
            {
              if (t > t1)
                return FALSE;
              t0 = MAX (t0, t);
            }
          else
            {
              if (t < t0)
                return FALSE;
              t1 = MIN (t1, t);
            }
        }
    }
  return TRUE;
}

/* How many cards (besides its own two) the line runs under. */
static guint
count_crossings (const KsMapLayout *self,
                 const KsMapEdge   *e)
{
  guint n = 0;

  for (guint i = 0; i < self->n_cards; i++)
    {
      const KsMapRect *r = &self->cards[i].rect;

      if ((int) i == e->from || (int) i == e->to || !rects_meet (r, &e->bbox))
        continue;
      for (guint k = 0; k + 1 < e->n_flat; k++)
        if (segment_meets_rect (e->flat_x[k], e->flat_y[k], e->flat_x[k + 1], e->flat_y[k + 1], r))
          {
            n++;
            break;
          }
    }
  return n;
}

static void
influence_curve (const KsMapLayout *self,
                 KsMapEdge         *e,
                 double             side,
                 double             depth)
{
  const KsMapRect *a = &self->cards[e->from].rect;
  const KsMapRect *b = &self->cards[e->to].rect;
  KsMapLineGeometry *g = &e->geo;
  double ax = rect_cx (a), ay = rect_cy (a), bx = rect_cx (b), by = rect_cy (b);
  double dx = bx - ax, dy = by - ay, len = hypot (dx, dy);
  double nx, ny, bend, k1x, k1y, k2x, k2y, ux, uy, ul, head, half;
  int strength = CLAMP (e->strength, 1, 3);

  g->shape = KS_MAP_LINE_SHAPE_CURVE;
  g->n_points = 4;
  g->arrow = TRUE;
  g->visible = len > 1 && !rects_meet (a, b);
  if (!g->visible)
    return;

  nx = -dy / len * side;
  ny = dx / len * side;
  bend = MIN (depth * len, 56.0 * depth / 0.16);
  k1x = ax + dx / 3 + nx * bend;
  k1y = ay + dy / 3 + ny * bend;
  k2x = ax + 2 * dx / 3 + nx * bend;
  k2y = ay + 2 * dy / 3 + ny * bend;
  if (!clip_to_edge (a, k1x, k1y, &g->x[0], &g->y[0])
      || !clip_to_edge (b, k2x, k2y, &g->x[3], &g->y[3]))
    {
      g->visible = FALSE;
      return;
    }
  g->x[1] = k1x;
  g->y[1] = k1y;
  g->x[2] = k2x;
  g->y[2] = k2y;

  /* The arrow head sits on the card's edge; the curve stops at its base. */
  ux = g->x[3] - k2x;
  uy = g->y[3] - k2y;
  ul = hypot (ux, uy);
  if (ul < 1e-6)
    {
      g->visible = FALSE;
      return;
    }
  ux /= ul;
  uy /= ul;
  head = 9 + 2 * strength;
  half = 4 + 1.2 * strength;
  g->arrow_x[0] = g->x[3];
  g->arrow_y[0] = g->y[3];
  g->arrow_x[1] = g->x[3] - ux * head - uy * half;
  g->arrow_y[1] = g->y[3] - uy * head + ux * half;
  g->arrow_x[2] = g->x[3] - ux * head + uy * half;
  g->arrow_y[2] = g->y[3] - uy * head - ux * half;
  g->x[3] -= ux * (head - 1);
  g->y[3] -= uy * (head - 1);
}

/* A curve that bends to the left of its direction (so A→B and B→A part), or
 * to the right, or deeper, whichever runs under the fewest cards. */
static void
route_influence (const KsMapLayout *self,
                 KsMapEdge         *e)
{
  static const double tries[][2] = { { 1, 0.16 }, { -1, 0.16 }, { 1, 0.34 }, { -1, 0.34 } };
  KsMapEdge best = *e;
  guint best_n = G_MAXUINT;

  for (guint i = 0; i < G_N_ELEMENTS (tries) && best_n > 0; i++)
    {
      guint n;

      influence_curve (self, e, tries[i][0], tries[i][1]);
      if (!e->geo.visible)
        return;
      edge_finish (e);
      n = count_crossings (self, e);
      if (n < best_n)
        {
          best_n = n;
          best = *e;
        }
    }
  *e = best;
}

static void
route_edge (const KsMapLayout *self,
            KsMapEdge         *e)
{
  KsMapLineGeometry *g = &e->geo;

  memset (g, 0, sizeof *g);
  switch (e->kind)
    {
    case KS_LINE_REPORTS_TO:
      g->width = 1.5;
      break;
    case KS_LINE_DOTTED:
      g->width = 2.0;
      break;
    case KS_LINE_INFLUENCE:
    default:
      g->width = 0.6 + 0.8 * CLAMP (e->strength, 1, 3);
      break;
    }

  if (e->from < 0 || e->to < 0 || e->from == e->to)
    g->visible = FALSE;
  else if (e->kind == KS_LINE_REPORTS_TO)
    route_reports_to (self, e);
  else if (e->kind == KS_LINE_DOTTED)
    set_straight (e, &self->cards[e->from].rect, &self->cards[e->to].rect);
  else
    route_influence (self, e);
  edge_finish (e);
}

static void
update_bounds (KsMapLayout *self)
{
  gboolean empty = TRUE;
  KsMapRect acc = { 0, 0, 0, 0 };

  for (guint i = 0; i < self->n_cards; i++)
    {
      KsMapRect r = self->cards[i].rect;

      /* Room for the link handle and the selection outline. */
      r.x -= 5;
      r.y -= 5;
      r.width += 5 + KS_MAP_HANDLE_R + 2;
      r.height += 10;
      rect_union (&acc, &empty, &r);
    }
  for (guint i = 0; i < self->n_edges; i++)
    if (self->edges[i].geo.visible)
      rect_union (&acc, &empty, &self->edges[i].bbox);
  self->bounds = acc;
}

/* ------------------------------------------------------------------ legend */

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
  label_init (&row->label, context, font, text);
}

static void
build_legend (KsMapLayout                *self,
              const PangoFontDescription *head_font,
              const PangoFontDescription *font)
{
  PangoContext *c = self->context;
  KsMapLegendSection *s;

  s = &self->legend[0];
  label_init (&s->header, c, head_font, _("Relationship"));
  legend_row (s, c, font, KS_MAP_SYMBOL_RELATIONSHIP, KS_RELATIONSHIP_POSITIVE, _("positive"));
  legend_row (s, c, font, KS_MAP_SYMBOL_RELATIONSHIP, KS_RELATIONSHIP_NEUTRAL, _("neutral"));
  legend_row (s, c, font, KS_MAP_SYMBOL_RELATIONSHIP, KS_RELATIONSHIP_POOR, _("poor"));
  legend_row (s, c, font, KS_MAP_SYMBOL_RELATIONSHIP, KS_RELATIONSHIP_UNKNOWN, _("unknown"));

  s = &self->legend[1];
  label_init (&s->header, c, head_font, _("Decision power"));
  legend_row (s, c, font, KS_MAP_SYMBOL_POWER, KS_POWER_HIGH, _("high"));
  legend_row (s, c, font, KS_MAP_SYMBOL_POWER, KS_POWER_MEDIUM, _("medium"));
  legend_row (s, c, font, KS_MAP_SYMBOL_POWER, KS_POWER_LOW, _("low"));
  legend_row (s, c, font, KS_MAP_SYMBOL_POWER, KS_POWER_UNKNOWN, _("not known"));

  s = &self->legend[2];
  label_init (&s->header, c, head_font, _("Attitude to us"));
  legend_row (s, c, font, KS_MAP_SYMBOL_ATTITUDE, KS_ATTITUDE_SUPPORTER, _("supporter: engage"));
  legend_row (s, c, font, KS_MAP_SYMBOL_ATTITUDE, KS_ATTITUDE_NEUTRAL, _("neutral: convince"));
  legend_row (s, c, font, KS_MAP_SYMBOL_ATTITUDE, KS_ATTITUDE_OPPONENT, _("opponent: avoid"));

  s = &self->legend[3];
  label_init (&s->header, c, head_font, _("Lines"));
  legend_row (s, c, font, KS_MAP_SYMBOL_LINE, KS_LINE_REPORTS_TO, _("reports to"));
  legend_row (s, c, font, KS_MAP_SYMBOL_LINE, KS_LINE_DOTTED, _("dotted-line report"));
  legend_row (s, c, font, KS_MAP_SYMBOL_LINE, KS_LINE_INFLUENCE, _("influences"));

  s = &self->legend[4];
  label_init (&s->header, c, head_font, _("Buying role"));
  legend_row (s, c, font, KS_MAP_SYMBOL_ROLE, 0, _("economic buyer"));
  legend_row (s, c, font, KS_MAP_SYMBOL_ROLE, 1, _("technical buyer"));
  legend_row (s, c, font, KS_MAP_SYMBOL_ROLE, 2, _("user buyer"));
  legend_row (s, c, font, KS_MAP_SYMBOL_ROLE, 3, _("coach"));
  legend_row (s, c, font, KS_MAP_SYMBOL_ROLE, 4, _("financial expert"));
  legend_row (s, c, font, KS_MAP_SYMBOL_ROLE, 5, _("business development"));

  s = &self->legend[5];
  label_init (&s->header, c, head_font, _("Others"));
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

/* ------------------------------------------------------------------ construction */

static int
edge_rank (const KsMapEdge *e)
{
  switch (e->kind)
    {
    case KS_LINE_REPORTS_TO:
      return 0;
    case KS_LINE_DOTTED:
      return 1;
    case KS_LINE_INFLUENCE:
    default:
      return 1 + CLAMP (e->strength, 1, 3);
    }
}

static int
compare_edge_order (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const KsMapLayout *self = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  int ra = edge_rank (&self->edges[ia]), rb = edge_rank (&self->edges[ib]);

  if (ra != rb)
    return ra - rb;
  return ia < ib ? -1 : ia > ib;
}

static PangoContext *
make_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: text keeps its proportions at every zoom and on paper. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

static PangoFontDescription *
make_font (const KsPalette *palette,
           double           scale,
           PangoWeight      weight)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, palette->font_family ? palette->font_family : "sans-serif");
  pango_font_description_set_size (font, (int) (palette->font_size * scale * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  return font;
}

KsMapLayout *
ks_map_layout_new (const KsMapNode *nodes,
                   guint            n_nodes,
                   const KsMapLine *lines,
                   guint            n_lines,
                   const KsPalette *palette,
                   PangoContext    *context)
{
  KsMapLayout *self;
  PangoFontDescription *name_font, *title_font, *small_font, *legend_font, *head_font;
  GArray **adj;

  g_return_val_if_fail (nodes != NULL || n_nodes == 0, NULL);
  g_return_val_if_fail (lines != NULL || n_lines == 0, NULL);
  g_return_val_if_fail (palette != NULL, NULL);

  self = g_new0 (KsMapLayout, 1);
  self->context = context ? g_object_ref (context) : make_context ();
  name_font = make_font (palette, 1.0, PANGO_WEIGHT_BOLD);
  title_font = make_font (palette, 0.9, PANGO_WEIGHT_NORMAL);
  small_font = make_font (palette, 0.75, PANGO_WEIGHT_BOLD);
  legend_font = make_font (palette, 0.9, PANGO_WEIGHT_NORMAL);
  head_font = make_font (palette, 0.9, PANGO_WEIGHT_BOLD);
  self->font_px = palette->font_size * pango_cairo_context_get_resolution (self->context) / 72.0;
  if (self->font_px <= 0)
    self->font_px = palette->font_size * 96.0 / 72.0;

  /* Shared small labels. */
  label_init (&self->digits[0], self->context, small_font, "?");
  for (guint i = 1; i <= 3; i++)
    {
      char digit[2] = { (char) ('0' + i), 0 };
      label_init (&self->digits[i], self->context, small_font, digit);
    }
  for (guint i = 0; i < 6; i++)
    label_init (&self->roles[i], self->context, small_font, _(role_abbrev[i]));
  /* Translators: marks a contact whose attitude, relationship or power changed since a snapshot */
  label_init (&self->tags[KS_MAP_TAG_CHANGED], self->context, small_font, _("Changed"));
  /* Translators: marks a contact added since a snapshot */
  label_init (&self->tags[KS_MAP_TAG_ADDED], self->context, small_font, _("New"));
  /* Translators: marks a contact that left the map since a snapshot */
  label_init (&self->tags[KS_MAP_TAG_REMOVED], self->context, small_font, _("Removed"));
  /* Translators: sample initials of a person in the legend */
  label_init (&self->legend_initials, self->context, small_font, _("AB"));
  build_legend (self, head_font, legend_font);

  /* Cards. */
  self->n_cards = n_nodes;
  self->cards = g_new0 (KsMapCard, MAX (n_nodes, 1));
  self->card_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n_nodes; i++)
    {
      measure_card (self, &self->cards[i], &nodes[i], name_font, title_font, small_font);
      g_hash_table_insert (self->card_index, &self->cards[i].id, GUINT_TO_POINTER (i + 1));
    }

  /* Nodes without a position wait in rows under the placed ones. */
  {
    gboolean empty = TRUE;
    KsMapRect placed = { 0, 0, 0, 0 };
    double x, y, row_h = 0, wrap;

    for (guint i = 0; i < n_nodes; i++)
      if (nodes[i].placed)
        rect_union (&placed, &empty, &self->cards[i].rect);
    x = empty ? 0 : placed.x;
    y = empty ? 0 : rect_bottom (&placed) + TIDY_LOOSE_GAP;
    wrap = x + MAX (placed.width, 1200);
    for (guint i = 0; i < n_nodes; i++)
      {
        KsMapRect *r = &self->cards[i].rect;

        if (nodes[i].placed)
          continue;
        if (x > (empty ? 0 : placed.x) && x + r->width > wrap)
          {
            x = empty ? 0 : placed.x;
            y += row_h + TIDY_SIBLING_GAP;
            row_h = 0;
          }
        r->x = x;
        r->y = y;
        x += r->width + TIDY_SIBLING_GAP;
        row_h = MAX (row_h, r->height);
      }
  }

  /* Lines. */
  self->n_edges = n_lines;
  self->edges = g_new0 (KsMapEdge, MAX (n_lines, 1));
  self->edge_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  adj = g_new0 (GArray *, MAX (n_nodes, 1));
  for (guint i = 0; i < n_lines; i++)
    {
      KsMapEdge *e = &self->edges[i];

      e->id = lines[i].id;
      e->kind = lines[i].kind;
      e->strength = CLAMP (lines[i].strength, 1, 3);
      e->from = ks_map_layout_find_node (self, lines[i].from_id);
      e->to = ks_map_layout_find_node (self, lines[i].to_id);
      g_hash_table_insert (self->edge_index, &e->id, GUINT_TO_POINTER (i + 1));
      for (int k = 0; k < 2; k++)
        {
          int c = k ? e->to : e->from;

          if (c < 0 || (k && e->to == e->from))
            continue;
          if (!adj[c])
            adj[c] = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (adj[c], i);
        }
    }
  for (guint i = 0; i < n_nodes; i++)
    if (adj[i])
      {
        self->cards[i].n_edges = adj[i]->len;
        self->cards[i].edges = (guint *) g_array_free (adj[i], FALSE);
      }
  g_free (adj);
  for (guint i = 0; i < n_lines; i++)
    route_edge (self, &self->edges[i]);

  self->edge_order = g_new (guint, MAX (n_lines, 1));
  for (guint i = 0; i < n_lines; i++)
    self->edge_order[i] = i;
  g_qsort_with_data (self->edge_order, n_lines, sizeof (guint), compare_edge_order, self);

  update_bounds (self);

  pango_font_description_free (name_font);
  pango_font_description_free (title_font);
  pango_font_description_free (small_font);
  pango_font_description_free (legend_font);
  pango_font_description_free (head_font);
  return self;
}

void
ks_map_layout_free (KsMapLayout *self)
{
  if (!self)
    return;
  for (guint i = 0; i < self->n_cards; i++)
    {
      label_clear (&self->cards[i].name);
      label_clear (&self->cards[i].title);
      label_clear (&self->cards[i].initials);
      g_free (self->cards[i].edges);
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->digits); i++)
    label_clear (&self->digits[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->roles); i++)
    label_clear (&self->roles[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->tags); i++)
    label_clear (&self->tags[i]);
  label_clear (&self->legend_initials);
  for (guint i = 0; i < KS_MAP_LEGEND_SECTIONS; i++)
    {
      label_clear (&self->legend[i].header);
      for (guint r = 0; r < self->legend[i].n_rows; r++)
        label_clear (&self->legend[i].rows[r].label);
    }
  g_free (self->cards);
  g_free (self->edges);
  g_free (self->edge_order);
  g_hash_table_unref (self->card_index);
  g_hash_table_unref (self->edge_index);
  g_object_unref (self->context);
  g_free (self);
}

/* ------------------------------------------------------------------ queries */

guint
ks_map_layout_get_n_nodes (const KsMapLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_cards;
}

guint
ks_map_layout_get_n_lines (const KsMapLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_edges;
}

int
ks_map_layout_find_node (const KsMapLayout *self,
                         gint64             id)
{
  g_return_val_if_fail (self != NULL, -1);
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->card_index, &id)) - 1;
}

int
ks_map_layout_find_line (const KsMapLayout *self,
                         gint64             id)
{
  g_return_val_if_fail (self != NULL, -1);
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->edge_index, &id)) - 1;
}

gboolean
ks_map_layout_get_node_rect (const KsMapLayout *self,
                             guint              index,
                             KsMapRect         *rect)
{
  g_return_val_if_fail (self != NULL && rect != NULL, FALSE);
  if (index >= self->n_cards)
    return FALSE;
  *rect = self->cards[index].rect;
  return TRUE;
}

gboolean
ks_map_layout_get_line_geometry (const KsMapLayout *self,
                                 guint              index,
                                 KsMapLineGeometry *geometry)
{
  g_return_val_if_fail (self != NULL && geometry != NULL, FALSE);
  if (index >= self->n_edges)
    return FALSE;
  *geometry = self->edges[index].geo;
  return TRUE;
}

void
ks_map_layout_get_bounds (const KsMapLayout *self,
                          KsMapRect         *bounds)
{
  g_return_if_fail (self != NULL && bounds != NULL);
  *bounds = self->bounds;
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

void
ks_map_view_to_model (const KsMapView *view,
                      double           vx,
                      double           vy,
                      double          *mx,
                      double          *my)
{
  double s = view && view->scale > 0 ? view->scale : 1;

  *mx = (vx - (view ? view->offset_x : 0)) / s;
  *my = (vy - (view ? view->offset_y : 0)) / s;
}

void
ks_map_view_from_model (const KsMapView *view,
                        double           mx,
                        double           my,
                        double          *vx,
                        double          *vy)
{
  double s = view && view->scale > 0 ? view->scale : 1;

  *vx = mx * s + (view ? view->offset_x : 0);
  *vy = my * s + (view ? view->offset_y : 0);
}

static gboolean
edge_hit (const KsMapEdge *e,
          double           x,
          double           y,
          double           tolerance)
{
  double tol = tolerance + e->geo.width / 2;
  KsMapRect box = { e->bbox.x - tol, e->bbox.y - tol, e->bbox.width + 2 * tol, e->bbox.height + 2 * tol };

  if (!e->geo.visible || !rect_contains (&box, x, y))
    return FALSE;
  for (guint i = 0; i + 1 < e->n_flat; i++)
    if (segment_distance (x, y, e->flat_x[i], e->flat_y[i], e->flat_x[i + 1], e->flat_y[i + 1]) <= tol)
      return TRUE;
  return FALSE;
}

KsMapHit
ks_map_layout_hit_test (const KsMapLayout *self,
                        const KsMapView   *view,
                        double             x,
                        double             y)
{
  KsMapHit hit = { KS_MAP_HIT_NONE, 0, -1 };
  double mx, my, scale = view && view->scale > 0 ? view->scale : 1;

  g_return_val_if_fail (self != NULL, hit);

  if (view)
    {
      KsMapRect legend;

      ks_map_layout_get_legend_rect (self, view, &legend);
      if (rect_contains (&legend, x, y))
        {
          hit.kind = KS_MAP_HIT_LEGEND;
          return hit;
        }
    }

  ks_map_view_to_model (view, x, y, &mx, &my);
  for (guint i = self->n_cards; i-- > 0;)
    {
      const KsMapCard *card = &self->cards[i];
      double hx = rect_right (&card->rect), hy = rect_cy (&card->rect);
      double reach = MAX (KS_MAP_HANDLE_R + 2, 6 / scale);

      if (hypot (mx - hx, my - hy) <= reach)
        return (KsMapHit) { KS_MAP_HIT_HANDLE, card->id, (int) i };
      if (rect_contains (&card->rect, mx, my))
        return (KsMapHit) { KS_MAP_HIT_NODE, card->id, (int) i };
    }
  for (guint k = self->n_edges; k-- > 0;)
    {
      guint i = self->edge_order[k];

      if (edge_hit (&self->edges[i], mx, my, KS_MAP_LINE_TOLERANCE / scale))
        return (KsMapHit) { KS_MAP_HIT_LINE, self->edges[i].id, (int) i };
    }
  return hit;
}

guint
ks_map_layout_nodes_in_rect (const KsMapLayout *self,
                             const KsMapView   *view,
                             const KsMapRect   *rect,
                             GArray            *ids)
{
  KsMapRect m;
  double x2, y2;
  guint n = 0;

  g_return_val_if_fail (self != NULL && rect != NULL && ids != NULL, 0);

  ks_map_view_to_model (view, rect->x, rect->y, &m.x, &m.y);
  ks_map_view_to_model (view, rect->x + rect->width, rect->y + rect->height, &x2, &y2);
  m.width = x2 - m.x;
  m.height = y2 - m.y;
  if (m.width < 0)
    m.x += m.width, m.width = -m.width;
  if (m.height < 0)
    m.y += m.height, m.height = -m.height;
  for (guint i = 0; i < self->n_cards; i++)
    if (rects_meet (&m, &self->cards[i].rect))
      {
        g_array_append_val (ids, self->cards[i].id);
        n++;
      }
  return n;
}

gint64
ks_map_layout_neighbour (const KsMapLayout *self,
                         gint64             id,
                         double             dx,
                         double             dy)
{
  int from = ks_map_layout_find_node (self, id);
  double len = hypot (dx, dy), best[2] = { G_MAXDOUBLE, G_MAXDOUBLE };
  gint64 best_id[2] = { 0, 0 };
  double cx, cy;

  g_return_val_if_fail (self != NULL, 0);
  if (from < 0 || len <= 0)
    return 0;
  dx /= len;
  dy /= len;
  cx = rect_cx (&self->cards[from].rect);
  cy = rect_cy (&self->cards[from].rect);

  for (guint i = 0; i < self->n_cards; i++)
    {
      double vx = rect_cx (&self->cards[i].rect) - cx, vy = rect_cy (&self->cards[i].rect) - cy;
      double along = vx * dx + vy * dy, across = fabs (vx * dy - vy * dx), score;
      gboolean connected = FALSE;

      /* Within 60° of the direction; nearer and straighter is better. */
      if ((int) i == from || along <= 0 || across > along * 1.74)
        continue;
      score = along + 2 * across;
      for (guint k = 0; k < self->cards[from].n_edges && !connected; k++)
        {
          const KsMapEdge *e = &self->edges[self->cards[from].edges[k]];
          connected = e->from == (int) i || e->to == (int) i;
        }
      if (score < best[connected ? 0 : 1])
        {
          best[connected ? 0 : 1] = score;
          best_id[connected ? 0 : 1] = self->cards[i].id;
        }
    }
  return best_id[0] ? best_id[0] : best_id[1];
}

gboolean
ks_map_layout_move_node (KsMapLayout *self,
                         gint64       id,
                         double       x,
                         double       y)
{
  int i = ks_map_layout_find_node (self, id);
  KsMapCard *card;

  g_return_val_if_fail (self != NULL, FALSE);
  if (i < 0)
    return FALSE;
  card = &self->cards[i];
  card->rect.x = x - card->rect.width / 2;
  card->rect.y = y - card->rect.height / 2;

  for (guint k = 0; k < card->n_edges; k++)
    {
      KsMapEdge *e = &self->edges[card->edges[k]];

      route_edge (self, e);
      /* Moving a subordinate can stack or unstack it with its siblings,
       * which changes how their lines enter. */
      if (e->kind == KS_LINE_REPORTS_TO && e->from == i && e->to >= 0)
        {
          const KsMapCard *boss = &self->cards[e->to];

          for (guint j = 0; j < boss->n_edges; j++)
            if (self->edges[boss->edges[j]].kind == KS_LINE_REPORTS_TO)
              route_edge (self, &self->edges[boss->edges[j]]);
        }
    }
  update_bounds (self);
  return TRUE;
}

void
ks_map_view_fit (const KsMapLayout *self,
                 double             width,
                 double             height,
                 double             margin,
                 double             max_scale,
                 KsMapView         *view)
{
  static const guint choices[] = { 6, 3, 2, 1 };   /* ties keep the first */
  const KsMapRect *b;
  gboolean bottom, left;
  guint wanted, best_columns = 3;
  double best = -1;

  g_return_if_fail (self != NULL && view != NULL);

  b = &self->bounds;
  if (max_scale <= 0)
    max_scale = 1;
  wanted = view->legend_columns;
  view->width = width;
  view->height = height;
  bottom = view->legend_corner == KS_MAP_CORNER_BOTTOM_LEFT
           || view->legend_corner == KS_MAP_CORNER_BOTTOM_RIGHT;
  left = view->legend_corner == KS_MAP_CORNER_BOTTOM_LEFT
         || view->legend_corner == KS_MAP_CORNER_TOP_LEFT;

  /* The legend takes a strip along one side: across the view (above or below
   * the map) or down it (beside the map), whichever leaves the map larger. */
  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    for (int across = 1; across >= 0; across--)
      {
        guint columns = wanted ? wanted : choices[c];
        double lw, lh, ax = margin, ay = margin, aw, ah, s;

        _ks_map_legend_arrange (self, columns, &lw, &lh, NULL, NULL);
        if (!wanted && (lw + 2 * KS_MAP_LEGEND_MARGIN > width || lh + 2 * KS_MAP_LEGEND_MARGIN > height))
          continue;   /* this legend would not fit the view */
        aw = width - 2 * margin;
        ah = height - 2 * margin;
        if (across)
          {
            ah -= lh + KS_MAP_LEGEND_MARGIN;
            if (!bottom)
              ay += lh + KS_MAP_LEGEND_MARGIN;
          }
        else
          {
            aw -= lw + KS_MAP_LEGEND_MARGIN;
            if (left)
              ax += lw + KS_MAP_LEGEND_MARGIN;
          }
        if (aw <= 1 || ah <= 1)
          continue;
        s = MIN (max_scale, MIN (aw / MAX (b->width, 1), ah / MAX (b->height, 1)));
        if (s > best * 1.001)
          {
            best = s;
            best_columns = columns;
            view->scale = s;
            view->offset_x = ax + (aw - b->width * s) / 2 - b->x * s;
            view->offset_y = ay + (ah - b->height * s) / 2 - b->y * s;
          }
      }
  view->legend_columns = best_columns;
  if (best < 0)
    {
      /* The view is smaller than the legend: show the map anyway. */
      double s = MIN (max_scale, MIN (width / MAX (b->width, 1), height / MAX (b->height, 1)));

      view->scale = MAX (s, 1e-3);
      view->offset_x = (width - b->width * view->scale) / 2 - b->x * view->scale;
      view->offset_y = (height - b->height * view->scale) / 2 - b->y * view->scale;
    }
}

/* ------------------------------------------------------------------ tidy */

typedef struct
{
  double l, r;
} Extent;

typedef struct
{
  int      parent;
  int      first_child, next_sibling;
  int      n_children;
  int      height;       /* levels of subordinates below */
  int      row;
  double   rel;          /* centre relative to the parent's centre */
  double   x;            /* absolute centre */
  double   w, h;
  double   px, py;       /* where the node is now, if placed */
  gboolean has_pos;
  gboolean fixed;        /* pinned and placed */
  gboolean external;
} TNode;

typedef struct
{
  TNode *t;
  guint  n;
  int    compact;        /* 0: leaves stack from TIDY_STACK_MIN; 1: from two;
                            n ≥ 2: subtrees up to n levels hang from a trunk */
} Tidy;

static gboolean
is_ancestor (const Tidy *tidy,
             int         ancestor,
             int         node)
{
  for (int v = node; v >= 0; v = tidy->t[v].parent)
    if (v == ancestor)
      return TRUE;
  return FALSE;
}

/* Do @v's subordinates stand in a column under a trunk rather than side by side? */
static gboolean
hangs (const Tidy *tidy,
       int         v)
{
  const TNode *t = &tidy->t[v];

  if (t->height == 1)
    return t->n_children >= (tidy->compact == 0 ? TIDY_STACK_MIN : 2);
  return t->height >= 2 && t->height <= tidy->compact && t->n_children >= 2;
}

static void
contour_set (GArray *contour,
             guint   k,
             double  l,
             double  r)
{
  Extent *e;

  while (contour->len <= k)
    {
      Extent empty = { G_MAXDOUBLE, -G_MAXDOUBLE };
      g_array_append_val (contour, empty);
    }
  e = &g_array_index (contour, Extent, k);
  e->l = MIN (e->l, l);
  e->r = MAX (e->r, r);
}

/* Lays out the subtree under @v; returns its contour (row k below v: the
 * leftmost and rightmost extent, relative to v's centre). */
static GArray *
tidy_subtree (Tidy *tidy,
              int   v)
{
  TNode *t = tidy->t;
  GArray *contour = g_array_new (FALSE, FALSE, sizeof (Extent));
  int n = t[v].n_children;

  contour_set (contour, 0, -t[v].w / 2, t[v].w / 2);
  if (n == 0)
    return contour;

  if (hangs (tidy, v) && t[v].height == 1)
    {
      /* Leaves: one column right of the trunk, or two on either side. */
      gboolean two = n >= TIDY_STACK_TWO;
      int j = 0;

      for (int c = t[v].first_child; c >= 0; c = t[c].next_sibling, j++)
        {
          gboolean on_left = two && j % 2 == 0;
          guint k = 1 + (two ? j / 2 : j);

          t[c].row = t[v].row + (int) k;
          if (on_left)
            {
              t[c].rel = -(TIDY_STACK_INDENT + t[c].w / 2);
              contour_set (contour, k, -(TIDY_STACK_INDENT + t[c].w), TIDY_TRUNK);
            }
          else
            {
              t[c].rel = TIDY_STACK_INDENT + t[c].w / 2;
              contour_set (contour, k, -TIDY_TRUNK, TIDY_STACK_INDENT + t[c].w);
            }
        }
      return contour;
    }

  if (hangs (tidy, v))
    {
      /* Whole subtrees, one below the other, right of the trunk. */
      guint k = 1;

      for (int c = t[v].first_child; c >= 0; c = t[c].next_sibling)
        {
          GArray *sub;
          double left = G_MAXDOUBLE;

          t[c].row = t[v].row + (int) k;
          sub = tidy_subtree (tidy, c);
          for (guint j = 0; j < sub->len; j++)
            left = MIN (left, g_array_index (sub, Extent, j).l);
          t[c].rel = TIDY_STACK_INDENT - left;
          for (guint j = 0; j < sub->len; j++)
            contour_set (contour, k + j, -TIDY_TRUNK, g_array_index (sub, Extent, j).r + t[c].rel);
          k += sub->len;
          g_array_unref (sub);
        }
      return contour;
    }

  {
    GArray *acc = NULL;
    double first = 0, last = 0, mid;

    for (int c = t[v].first_child; c >= 0; c = t[c].next_sibling)
      {
        GArray *sub;
        double pos = 0;

        t[c].row = t[v].row + 1;
        sub = tidy_subtree (tidy, c);
        if (!acc)
          {
            acc = sub;
            first = 0;
            t[c].rel = 0;
            continue;
          }
        for (guint k = 0; k < MIN (acc->len, sub->len); k++)
          {
            double gap = k == 0 ? TIDY_SIBLING_GAP : TIDY_SUBTREE_GAP;
            pos = MAX (pos, g_array_index (acc, Extent, k).r - g_array_index (sub, Extent, k).l + gap);
          }
        for (guint k = 0; k < sub->len; k++)
          {
            const Extent *e = &g_array_index (sub, Extent, k);

            if (k < acc->len)
              g_array_index (acc, Extent, k).r = e->r + pos;
            else
              {
                Extent moved = { e->l + pos, e->r + pos };
                g_array_append_val (acc, moved);
              }
          }
        g_array_unref (sub);
        t[c].rel = pos;
        last = pos;
      }

    /* Centre the boss over its first and last subordinate. */
    mid = (first + last) / 2;
    for (int c = t[v].first_child; c >= 0; c = t[c].next_sibling)
      t[c].rel -= mid;
    for (guint k = 0; k < acc->len; k++)
      {
        const Extent *e = &g_array_index (acc, Extent, k);
        contour_set (contour, k + 1, e->l - mid, e->r - mid);
      }
    g_array_unref (acc);
  }
  return contour;
}

/* Gives the subtree under @v absolute centres, starting with @x for v, and
 * moves its rows down by @row_base. */
static void
tidy_absolute (Tidy  *tidy,
               int    v,
               double x,
               int    row_base)
{
  /* Iterative: a chain of 500 bosses must not exhaust the stack. */
  GArray *stack = g_array_new (FALSE, FALSE, sizeof (int));

  tidy->t[v].x = x;
  tidy->t[v].row += row_base;
  g_array_append_val (stack, v);
  while (stack->len)
    {
      int u = g_array_index (stack, int, stack->len - 1);

      g_array_set_size (stack, stack->len - 1);
      for (int c = tidy->t[u].first_child; c >= 0; c = tidy->t[c].next_sibling)
        {
          tidy->t[c].x = tidy->t[u].x + tidy->t[c].rel;
          tidy->t[c].row += row_base;
          g_array_append_val (stack, c);
        }
    }
  g_array_unref (stack);
}

/* The order the user gave nodes on the canvas: cards side by side (they
 * share most of their height) from left to right, otherwise top to bottom;
 * nodes without a position last. Re-running tidy keeps the order. */
static int
compare_canvas_order (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const TNode *t = user_data;
  int ia = *(const int *) a, ib = *(const int *) b;
  const TNode *p = &t[ia], *q = &t[ib];

  if (p->has_pos != q->has_pos)
    return p->has_pos ? -1 : 1;
  if (p->has_pos)
    {
      double top = MAX (p->py - p->h / 2, q->py - q->h / 2);
      double bottom = MIN (p->py + p->h / 2, q->py + q->h / 2);

      if (bottom - top > 0.5 * MIN (p->h, q->h))
        {
          if (p->px != q->px)
            return p->px < q->px ? -1 : 1;
        }
      else if (p->py - p->h / 2 != q->py - q->h / 2)
        return p->py - p->h / 2 < q->py - q->h / 2 ? -1 : 1;
    }
  return ia - ib;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  if (!values->len)
    return 0;
  g_array_sort (values, compare_double);
  return g_array_index (values, double, values->len / 2);
}

typedef struct
{
  int    index;
  double x, y;           /* ideal centre */
} Placement;

static int
compare_placement (gconstpointer a,
                   gconstpointer b)
{
  const Placement *p = a, *q = b;

  if (p->y != q->y)
    return p->y < q->y ? -1 : 1;
  if (p->x != q->x)
    return p->x < q->x ? -1 : 1;
  return p->index - q->index;
}

typedef struct
{
  int     root;
  GArray *contour;
  double  pos;           /* root's centre within its band */
} Tree;

/* Right of @sub merged after @acc (contours relative to their first root). */
static double
contour_merge (GArray *acc,
               GArray *sub,
               double  gap)
{
  double pos = -G_MAXDOUBLE;

  for (guint k = 0; k < MIN (acc->len, sub->len); k++)
    pos = MAX (pos, g_array_index (acc, Extent, k).r - g_array_index (sub, Extent, k).l + gap);
  if (pos == -G_MAXDOUBLE)
    pos = 0;
  for (guint k = 0; k < sub->len; k++)
    {
      const Extent *e = &g_array_index (sub, Extent, k);

      if (k < acc->len)
        {
          Extent *x = &g_array_index (acc, Extent, k);
          x->l = MIN (x->l, e->l + pos);
          x->r = MAX (x->r, e->r + pos);
        }
      else
        {
          Extent moved = { e->l + pos, e->r + pos };
          g_array_append_val (acc, moved);
        }
    }
  return pos;
}

static void
contour_span (GArray *contour,
              double *l,
              double *r)
{
  *l = G_MAXDOUBLE;
  *r = -G_MAXDOUBLE;
  for (guint k = 0; k < contour->len; k++)
    {
      *l = MIN (*l, g_array_index (contour, Extent, k).l);
      *r = MAX (*r, g_array_index (contour, Extent, k).r);
    }
}

/* Trees stand side by side in bands; a band is closed when it would grow
 * wider than @wrap, and the next one starts one empty row below. Returns the
 * widest band and sets *n_rows to the rows used. */
static double
tidy_forest (Tidy   *tidy,
             Tree   *trees,
             guint   n_trees,
             double  wrap,
             int    *n_rows)
{
  double widest = 0;
  int row_base = 0;
  guint first = 0;

  while (first < n_trees)
    {
      GArray *acc = g_array_copy (trees[first].contour);
      guint end = first + 1;
      double l, r;
      int depth;

      trees[first].pos = 0;
      while (end < n_trees)
        {
          g_autoptr(GArray) trial = g_array_copy (acc);
          double pos = contour_merge (trial, trees[end].contour, TIDY_TREE_GAP);

          contour_span (trial, &l, &r);
          if (r - l > wrap)
            break;
          trees[end].pos = pos;
          g_array_unref (acc);
          acc = g_steal_pointer (&trial);
          end++;
        }
      contour_span (acc, &l, &r);
      depth = (int) acc->len;
      for (guint i = first; i < end; i++)
        tidy_absolute (tidy, trees[i].root, trees[i].pos - l, row_base);
      widest = MAX (widest, r - l);
      row_base += depth + 1;
      g_array_unref (acc);
      first = end;
    }
  *n_rows = MAX (row_base - 1, 0);
  return widest;
}

static int
compare_deeper (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const int *depth = user_data;
  int ia = *(const int *) a, ib = *(const int *) b;

  if (depth[ia] != depth[ib])
    return depth[ib] - depth[ia];
  return ia - ib;
}

/* Lays out every tree and wraps them into bands; returns the width, and the
 * rows and height used. */
static double
tidy_lay_forest (Tidy   *tidy,
                 GArray *roots,
                 int    *n_rows,
                 double *height)
{
  TNode *t = tidy->t;
  g_autoptr(GArray) trees = g_array_new (FALSE, TRUE, sizeof (Tree));
  g_autofree double *row_h = NULL;
  double area = 0, widest = 0, width, l, r;

  for (guint k = 0; k < roots->len; k++)
    {
      Tree tree = { g_array_index (roots, int, k), NULL, 0 };

      t[tree.root].row = 0;
      tree.contour = tidy_subtree (tidy, tree.root);
      contour_span (tree.contour, &l, &r);
      widest = MAX (widest, r - l);
      area += (r - l) * tree.contour->len * (DEFAULT_CARD_H + TIDY_ROW_GAP);
      g_array_append_val (trees, tree);
    }
  /* Several trees wrap into bands, so the map keeps a page-like shape. */
  width = tidy_forest (tidy, (Tree *) trees->data, trees->len,
                       MAX (MAX (widest, TIDY_SCREEN_W), 1.1 * sqrt (area * TIDY_ASPECT)), n_rows);
  for (guint k = 0; k < trees->len; k++)
    g_array_unref (g_array_index (trees, Tree, k).contour);

  row_h = g_new0 (double, *n_rows + 1);
  for (guint i = 0; i < tidy->n; i++)
    if (!t[i].external && (t[i].parent >= 0 || t[i].n_children > 0))
      row_h[t[i].row] = MAX (row_h[t[i].row], t[i].h);
  *height = 0;
  for (int k = 0; k < *n_rows; k++)
    *height += row_h[k] + (k ? TIDY_ROW_GAP : 0);
  return width;
}

void
ks_map_layout_tidy (KsMapNode         *nodes,
                    guint              n_nodes,
                    const KsMapLine   *lines,
                    guint              n_lines,
                    const KsMapLayout *measured)
{
  Tidy tidy = { NULL, n_nodes };
  TNode *t;
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GArray) loose = NULL;
  g_autoptr(GArray) externals = NULL;
  g_autoptr(GArray) roots = NULL;
  g_autoptr(GArray) row_h = NULL;
  g_autoptr(GArray) dx = NULL;
  g_autoptr(GArray) dy = NULL;
  g_autofree double *ideal_y = NULL;
  g_autofree double *row_top = NULL;
  g_autofree Placement *order = NULL;
  g_autofree KsMapRect *placed = NULL;
  double forest_right = 0, forest_bottom = 0, shift_x, shift_y;
  int n_rows = 0;
  guint n_order = 0, n_placed = 0;

  g_return_if_fail (nodes != NULL || n_nodes == 0);
  g_return_if_fail (lines != NULL || n_lines == 0);
  if (n_nodes == 0)
    return;

  t = tidy.t = g_new0 (TNode, n_nodes);
  index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n_nodes; i++)
    {
      int m = measured ? ks_map_layout_find_node (measured, nodes[i].id) : -1;

      t[i].parent = t[i].first_child = t[i].next_sibling = -1;
      t[i].w = m >= 0 ? measured->cards[m].rect.width : DEFAULT_CARD_W;
      t[i].h = m >= 0 ? measured->cards[m].rect.height : DEFAULT_CARD_H;
      t[i].fixed = nodes[i].pinned && nodes[i].placed;
      t[i].external = nodes[i].kind != KS_NODE_CONTACT;
      t[i].has_pos = nodes[i].placed;
      t[i].px = nodes[i].x;
      t[i].py = nodes[i].y;
      g_hash_table_insert (index, &nodes[i].id, GUINT_TO_POINTER (i + 1));
    }

  /* The hierarchy: the first reports-to line of each contact that closes no cycle. */
  for (guint i = 0; i < n_lines; i++)
    {
      int child, boss;

      if (lines[i].kind != KS_LINE_REPORTS_TO)
        continue;
      child = (int) GPOINTER_TO_UINT (g_hash_table_lookup (index, &lines[i].from_id)) - 1;
      boss = (int) GPOINTER_TO_UINT (g_hash_table_lookup (index, &lines[i].to_id)) - 1;
      if (child < 0 || boss < 0 || child == boss || t[child].external || t[boss].external
          || t[child].parent >= 0 || is_ancestor (&tidy, child, boss))
        continue;
      t[child].parent = boss;
      t[boss].n_children++;
    }

  /* Children lists, roots, loose contacts and externals, in canvas order. */
  roots = g_array_new (FALSE, FALSE, sizeof (int));
  loose = g_array_new (FALSE, FALSE, sizeof (int));
  externals = g_array_new (FALSE, FALSE, sizeof (int));
  {
    g_autofree int *sorted = g_new (int, n_nodes);
    g_autofree int *depth = g_new0 (int, n_nodes);
    g_autofree int *start = g_new0 (int, n_nodes + 1);
    g_autofree int *kids = g_new (int, n_nodes);
    g_autofree int *fill = NULL;

    /* Each boss's subordinates sorted among themselves (a sort of everything
     * at once could not keep a column's order next to a row's). */
    for (guint i = 0; i < n_nodes; i++)
      if (t[i].parent >= 0)
        start[t[i].parent + 1]++;
    for (guint i = 0; i < n_nodes; i++)
      start[i + 1] += start[i];
    fill = g_memdup2 (start, n_nodes * sizeof (int));
    for (guint i = 0; i < n_nodes; i++)
      if (t[i].parent >= 0)
        kids[fill[t[i].parent]++] = (int) i;
    for (guint p = 0; p < n_nodes; p++)
      {
        int n = start[p + 1] - start[p];

        g_qsort_with_data (kids + start[p], n, sizeof (int), compare_canvas_order, t);
        for (int k = n - 1; k >= 0; k--)
          {
            int c = kids[start[p] + k];

            t[c].next_sibling = t[p].first_child;
            t[p].first_child = c;
          }
      }
    for (guint k = 0; k < n_nodes; k++)
      {
        int v = (int) k;

        if (t[v].external)
          g_array_append_val (externals, v);
        else if (t[v].parent < 0 && t[v].n_children > 0)
          g_array_append_val (roots, v);
        else if (t[v].parent < 0)
          g_array_append_val (loose, v);
      }
    g_array_sort_with_data (externals, compare_canvas_order, t);
    g_array_sort_with_data (roots, compare_canvas_order, t);
    g_array_sort_with_data (loose, compare_canvas_order, t);

    /* Heights (levels below each node), deepest nodes first. */
    for (guint i = 0; i < n_nodes; i++)
      for (int p = t[i].parent; p >= 0; p = t[p].parent)
        depth[i]++;
    for (guint i = 0; i < n_nodes; i++)
      sorted[i] = (int) i;
    g_qsort_with_data (sorted, n_nodes, sizeof (int), compare_deeper, depth);
    for (guint k = 0; k < n_nodes; k++)
      {
        int v = sorted[k], p = t[v].parent;

        if (p >= 0)
          t[p].height = MAX (t[p].height, t[v].height + 1);
      }
  }

  /* A tree much wider than a screen (and than the screen's shape) gets its
   * lower levels hung from trunks, one level more at a time. */
  if (roots->len)
    {
      int best = 0, max_height = 1;
      double best_score = G_MAXDOUBLE, height;

      for (guint i = 0; i < n_nodes; i++)
        max_height = MAX (max_height, t[i].height);
      for (int c = 0; c <= max_height; c++)
        {
          double width, aspect, score;

          tidy.compact = c;
          width = tidy_lay_forest (&tidy, roots, &n_rows, &height);
          aspect = width / MAX (height, 1);
          score = fabs (log (MAX (aspect, 1e-3) / TIDY_ASPECT));
          /* Higher levels must earn their place. */
          if (c == 0 || score < best_score - 0.05)
            {
              best = c;
              best_score = score;
            }
          /* Narrow enough: more would only make it taller. */
          if (width <= TIDY_SCREEN_W || aspect <= TIDY_ASPECT)
            break;
        }
      tidy.compact = best;
      forest_right = tidy_lay_forest (&tidy, roots, &n_rows, &height);
    }

  /* Rows: as tall as their tallest card, top-aligned. */
  row_h = g_array_new (FALSE, TRUE, sizeof (double));
  g_array_set_size (row_h, n_rows);
  ideal_y = g_new0 (double, n_nodes);
  row_top = g_new0 (double, n_rows + 1);
  for (guint i = 0; i < n_nodes; i++)
    if (!t[i].external && (t[i].parent >= 0 || t[i].n_children > 0))
      g_array_index (row_h, double, t[i].row) = MAX (g_array_index (row_h, double, t[i].row), t[i].h);
  for (int r = 0; r < n_rows; r++)
    {
      row_top[r] = forest_bottom;
      forest_bottom += g_array_index (row_h, double, r) + TIDY_ROW_GAP;
    }
  for (guint i = 0; i < n_nodes; i++)
    if (!t[i].external && (t[i].parent >= 0 || t[i].n_children > 0))
      ideal_y[i] = row_top[t[i].row] + t[i].h / 2;
  if (n_rows)
    forest_bottom += TIDY_LOOSE_GAP - TIDY_ROW_GAP;

  /* Contacts with neither boss nor subordinates: rows under the trees. */
  {
    double wrap = MAX (forest_right, 5 * (DEFAULT_CARD_W + TIDY_SIBLING_GAP));
    double x = 0, y = forest_bottom, h = 0;

    for (guint k = 0; k < loose->len; k++)
      {
        int v = g_array_index (loose, int, k);

        if (x > 0 && x + t[v].w > wrap)
          {
            x = 0;
            y += h + TIDY_SIBLING_GAP + 8;
            h = 0;
          }
        t[v].x = x + t[v].w / 2;
        ideal_y[v] = y + t[v].h / 2;
        x += t[v].w + TIDY_SIBLING_GAP;
        h = MAX (h, t[v].h);
        forest_right = MAX (forest_right, x - TIDY_SIBLING_GAP);
      }
    if (loose->len)
      forest_bottom = y + h;
  }

  /* Competitors and third parties: a column at the right, competitors first. */
  {
    double x = forest_right + (forest_right > 0 ? TIDY_EXTERNAL_GAP : 0), y = 0, col_w = 0;
    double limit = MAX (forest_bottom, 4 * (DEFAULT_CARD_H + TIDY_SIBLING_GAP));

    for (int pass = 0; pass < 2; pass++)
      for (guint k = 0; k < externals->len; k++)
        {
          int v = g_array_index (externals, int, k);

          if ((nodes[v].kind == KS_NODE_COMPETITOR) != (pass == 0))
            continue;
          if (y > 0 && y + t[v].h > limit)
            {
              x += col_w + TIDY_SIBLING_GAP;
              y = 0;
              col_w = 0;
            }
          col_w = MAX (col_w, t[v].w);
          t[v].x = x + t[v].w / 2;   /* the column aligns left */
          ideal_y[v] = y + t[v].h / 2;
          y += t[v].h + TIDY_SIBLING_GAP;
        }
  }

  /* Keep the picture where the pinned nodes say it is: move the ideal layout
   * by the pinned nodes' median displacement. */
  dx = g_array_new (FALSE, FALSE, sizeof (double));
  dy = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < n_nodes; i++)
    if (t[i].fixed)
      {
        double ddx = nodes[i].x - t[i].x, ddy = nodes[i].y - ideal_y[i];
        g_array_append_val (dx, ddx);
        g_array_append_val (dy, ddy);
      }
  shift_x = median (dx);
  shift_y = median (dy);

  /* Place the rest row by row, left to right; a card that would meet a
   * pinned one (or one placed before it) moves right until it is clear. */
  order = g_new (Placement, n_nodes);
  placed = g_new (KsMapRect, n_nodes);
  for (guint i = 0; i < n_nodes; i++)
    {
      if (t[i].fixed)
        placed[n_placed++] = (KsMapRect) { nodes[i].x - t[i].w / 2, nodes[i].y - t[i].h / 2, t[i].w, t[i].h };
      else
        order[n_order++] = (Placement) { (int) i, t[i].x + shift_x, ideal_y[i] + shift_y };
    }
  qsort (order, n_order, sizeof (Placement), compare_placement);
  for (guint k = 0; k < n_order; k++)
    {
      int v = order[k].index;
      KsMapRect r = { order[k].x - t[v].w / 2, order[k].y - t[v].h / 2, t[v].w, t[v].h };
      gboolean moved = TRUE;

      while (moved)
        {
          KsMapRect grown = { r.x - TIDY_CLEARANCE, r.y - TIDY_CLEARANCE / 2,
                              r.width + 2 * TIDY_CLEARANCE, r.height + TIDY_CLEARANCE };

          moved = FALSE;
          for (guint j = 0; j < n_placed; j++)
            if (rects_meet (&grown, &placed[j]))
              {
                r.x = rect_right (&placed[j]) + TIDY_CLEARANCE;
                moved = TRUE;
              }
        }
      placed[n_placed++] = r;
      nodes[v].x = rect_cx (&r);
      nodes[v].y = rect_cy (&r);
      nodes[v].placed = TRUE;
    }

  g_free (t);
}
