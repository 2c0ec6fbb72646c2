/* ks-powermap-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every card is measured once, here; its pango layouts and their glyphs are
 * kept so a frame only replays them (QUALITY.md §3: a 500-contact frame within
 * 16 ms). Lines are routed from card edge to card edge and flattened for hit
 * testing. The legend is built and arranged in ks-powermap-legend.c, the
 * tidy layout is ks-powermap-tidy.c.
 */
#define G_LOG_DOMAIN "ks-powermap-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ks-powermap-layout.h"
#include "ks-powermap-layout-private.h"

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

void
_ks_map_label_init (KsMapLabel                 *label,
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
      _ks_map_label_init (&card->initials, self->context, small_font, initials);
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
  _ks_map_label_init (&self->digits[0], self->context, small_font, "?");
  for (guint i = 1; i <= 3; i++)
    {
      char digit[2] = { (char) ('0' + i), 0 };
      _ks_map_label_init (&self->digits[i], self->context, small_font, digit);
    }
  for (guint i = 0; i < 6; i++)
    _ks_map_label_init (&self->roles[i], self->context, small_font, _(role_abbrev[i]));
  /* Translators: marks a contact whose attitude, relationship or power changed since a snapshot */
  _ks_map_label_init (&self->tags[KS_MAP_TAG_CHANGED], self->context, small_font, _("Changed"));
  /* Translators: marks a contact added since a snapshot */
  _ks_map_label_init (&self->tags[KS_MAP_TAG_ADDED], self->context, small_font, _("New"));
  /* Translators: marks a contact that left the map since a snapshot */
  _ks_map_label_init (&self->tags[KS_MAP_TAG_REMOVED], self->context, small_font, _("Removed"));
  /* Translators: sample initials of a person in the legend */
  _ks_map_label_init (&self->legend_initials, self->context, small_font, _("AB"));
  _ks_map_legend_build (self, head_font, legend_font);

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
ks_map_layout_get_natural_size (const KsMapLayout *self,
                                double             margin,
                                double            *width,
                                double            *height)
{
  static const guint choices[] = { 6, 3, 2, 1 };
  const KsMapRect *b;
  double best_w = 0, best_h = 0;

  g_return_if_fail (self != NULL && width != NULL && height != NULL);

  /* The same arrangements ks_map_view_fit() weighs: the legend in a strip
   * across the page or down it, with 6, 3, 2 or 1 columns; the one that
   * needs the least paper wins (ties keep the first). */
  b = &self->bounds;
  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    for (int across = 1; across >= 0; across--)
      {
        double lw, lh, w, h;

        _ks_map_legend_arrange (self, choices[c], &lw, &lh, NULL, NULL);
        if (across)
          {
            w = MAX (b->width + 2 * margin, lw + 2 * KS_MAP_LEGEND_MARGIN);
            h = MAX (b->height + 2 * margin + lh + KS_MAP_LEGEND_MARGIN, lh + 2 * KS_MAP_LEGEND_MARGIN);
          }
        else
          {
            w = MAX (b->width + 2 * margin + lw + KS_MAP_LEGEND_MARGIN, lw + 2 * KS_MAP_LEGEND_MARGIN);
            h = MAX (b->height + 2 * margin, lh + 2 * KS_MAP_LEGEND_MARGIN);
          }
        if (best_w == 0 || w * h < best_w * best_h)
          best_w = w, best_h = h;
      }
  /* Whole units, rounded up, so the map still fits at scale 1. */
  *width = ceil (best_w);
  *height = ceil (best_h);
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
