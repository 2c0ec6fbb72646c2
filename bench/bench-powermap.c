/* bench-powermap.c — the power map's drawing against bare cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-powermap [--contacts N] [--runs N] [--out DIR]
 *
 * Builds a map of N contacts (500) with a random hierarchy (seeded, so every
 * run draws the same map), tidies it, and times, best of --runs (5):
 *
 *   - ks_map_draw() of the whole map fitted to 1920×1080, and the same written
 *     as a PNG (QUALITY.md §3 "render powermap"); the baseline is a bare cairo
 *     program that draws the same primitives from the same geometry: the same
 *     rounded cards, borders, badges, marks, chips, owner circles, line paths
 *     and arrow heads, and the same text as glyphs shaped beforehand (or the
 *     same grey bars where the map is too small to read). That is the most a
 *     program could save: cairo's own rasterising cost.
 *   - a frame at 100 % zoom (1920×1080 of the map, all text drawn);
 *   - an interactive frame: one node moved (ks_map_layout_move_node) and the
 *     whole view redrawn, fitted and at 100 %; the target is 16 ms.
 *
 * Prints a table: figure, Keystone, baseline, ratio. --out DIR also writes
 * the PNGs of both programs there, to compare them by eye.
 */
#define G_LOG_DOMAIN "ks-bench-powermap"

#include "config.h"

#include <cairo.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "ks-palette.h"
#include "ks-powermap-draw.h"
#include "ks-powermap-layout.h"

#define WIDTH  1920
#define HEIGHT 1080

static const char *first_names[] = {
  "Anna", "Jussi", "Kari", "Liisa", "Marta", "Olav", "Ingrid", "Henrik", "Sofia", "Tomasz",
  "Elena", "Pekka", "Ragnhild", "Dieter", "Ulla", "Matti", "Greta", "Lars", "Noora", "Stefan",
};
static const char *last_names[] = {
  "Virtanen", "Berg", "Schneider", "Korhonen", "Nilsen", "Hoffmann", "Lindqvist", "Mäkinen",
  "Johansen", "Wagner", "Haugen", "Laine", "Fischer", "Dahl", "Heikkinen", "Bauer",
};
static const char *titles[] = {
  "Head of Purchasing", "VP Engineering", "Project Manager", "Quality Lead", "Plant Director",
  "Buyer", "Chief Financial Officer", "Programme Manager", "Chassis Development Lead",
  "Category Manager, Electronics and Sensors", "Controller", "IT Architect",
};
static const char *owners[] = { "JV", "KB", "AM", "SL", "TK" };
static const char *role_names[] = { "EB", "TB", "UB", "C", "FE", "BD" };

typedef struct
{
  KsMapNode *nodes;
  guint      n_nodes;
  KsMapLine *lines;
  guint      n_lines;
  GPtrArray *strings;
} Map;

static void
map_build (Map   *map,
           guint  n,
           guint  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint n_ext = 4;

  map->n_nodes = n + n_ext;
  map->nodes = g_new0 (KsMapNode, map->n_nodes);
  map->lines = g_new0 (KsMapLine, map->n_nodes * 2);
  map->strings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < map->n_nodes; i++)
    {
      KsMapNode *node = &map->nodes[i];
      char *name;

      node->id = i + 1;
      if (i >= n)
        {
          node->kind = i % 2 ? KS_NODE_COMPETITOR : KS_NODE_THIRD_PARTY;
          name = g_strdup_printf (i % 2 ? "Competitor %u" : "Association %u", i - n + 1);
        }
      else
        {
          name = g_strdup_printf ("%s %s",
                                  first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                                  last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))]);
          node->title = titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))];
          node->owner_initials = g_rand_boolean (rand) ? owners[g_rand_int_range (rand, 0, 5)] : NULL;
          node->power = g_rand_int_range (rand, 0, 4);
          node->relationship = g_rand_int_range (rand, 0, 4);
          node->attitude = g_rand_int_range (rand, 0, 4);
          node->roles = g_rand_int_range (rand, 0, 64) & g_rand_int_range (rand, 0, 64);
        }
      g_ptr_array_add (map->strings, name);
      node->name = name;

      /* A hierarchy of about four reports per boss; a few contacts without a boss. */
      if (i > 0 && i < n && g_rand_int_range (rand, 0, 25) > 0)
        {
          guint boss = g_rand_int_range (rand, (i - 1) / 4 > 3 ? (i - 1) / 4 - 3 : 0, (i - 1) / 4 + 1);

          map->lines[map->n_lines] = (KsMapLine) { map->n_lines + 1, i + 1, boss + 1, KS_LINE_REPORTS_TO, 0 };
          map->n_lines++;
        }
    }
  for (guint k = 0; k < n / 15; k++)
    {
      guint a = g_rand_int_range (rand, 0, map->n_nodes), b = g_rand_int_range (rand, 0, n);

      if (a == b)
        continue;
      map->lines[map->n_lines] = (KsMapLine) { map->n_lines + 1, a + 1, b + 1,
                                               k % 3 ? KS_LINE_INFLUENCE : KS_LINE_DOTTED,
                                               g_rand_int_range (rand, 1, 4) };
      map->n_lines++;
    }
}

static void
map_clear (Map *map)
{
  g_free (map->nodes);
  g_free (map->lines);
  g_ptr_array_unref (map->strings);
}

/* ------------------------------------------------------------------ the baseline */

/* What a hand-written cairo program would hold: glyphs shaped once. */
typedef struct
{
  cairo_glyph_t *glyphs;
  int            n;
} Glyphs;

typedef struct
{
  Glyphs name[2], title, initials;
} NodeText;

typedef struct
{
  cairo_scaled_font_t *bold, *regular, *small;
  NodeText            *text;
  Glyphs               digits[4], roles[6];
} Baseline;

static Glyphs
shape (cairo_scaled_font_t *font,
       const char          *text,
       double               max_width)
{
  Glyphs g = { NULL, 0 };
  cairo_text_extents_t ext;

  if (!text || !*text)
    return g;
  cairo_scaled_font_text_to_glyphs (font, 0, 0, text, -1, &g.glyphs, &g.n, NULL, NULL, NULL);
  /* Cut to the width, as an ellipsis would. */
  while (g.n > 1)
    {
      cairo_scaled_font_glyph_extents (font, g.glyphs, g.n, &ext);
      if (ext.x_advance <= max_width)
        break;
      g.n--;
    }
  return g;
}

static cairo_scaled_font_t *
make_font (double size,
           gboolean bold)
{
  cairo_font_face_t *face = cairo_toy_font_face_create ("DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                                                        bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_matrix_t m, ctm;
  cairo_font_options_t *o = cairo_font_options_create ();
  cairo_scaled_font_t *f;

  cairo_font_options_set_hint_metrics (o, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (o, CAIRO_HINT_STYLE_NONE);
  cairo_matrix_init_scale (&m, size, size);
  cairo_matrix_init_identity (&ctm);
  f = cairo_scaled_font_create (face, &m, &ctm, o);
  cairo_font_face_destroy (face);
  cairo_font_options_destroy (o);
  return f;
}

static void
baseline_init (Baseline          *b,
               const Map         *map,
               const KsMapLayout *layout)
{
  b->bold = make_font (13.33, TRUE);
  b->regular = make_font (12.0, FALSE);
  b->small = make_font (10.0, TRUE);
  b->text = g_new0 (NodeText, map->n_nodes);
  for (guint i = 0; i < map->n_nodes; i++)
    {
      const KsMapNode *node = &map->nodes[i];
      KsMapRect r;
      double text_w;

      ks_map_layout_get_node_rect (layout, i, &r);
      text_w = r.width - 38 - 10 - (node->attitude ? 20 : 0);
      b->text[i].name[0] = shape (b->bold, node->name, text_w);
      if (r.height > 80)
        {
          /* Two lines of name: shape the rest too. */
          const char *space = strrchr (node->name, ' ');
          if (space)
            b->text[i].name[1] = shape (b->bold, space + 1, text_w);
        }
      b->text[i].title = shape (b->regular, node->title ? node->title
                                            : node->kind == KS_NODE_COMPETITOR ? "Competitor"
                                            : node->kind == KS_NODE_THIRD_PARTY ? "Third party" : NULL,
                                r.width - 48);
      b->text[i].initials = shape (b->small, node->owner_initials, 100);
    }
  b->digits[0] = shape (b->small, "?", 100);
  b->digits[1] = shape (b->small, "1", 100);
  b->digits[2] = shape (b->small, "2", 100);
  b->digits[3] = shape (b->small, "3", 100);
  for (guint i = 0; i < 6; i++)
    b->roles[i] = shape (b->small, role_names[i], 100);
}

static void
baseline_clear (Baseline  *b,
                const Map *map)
{
  for (guint i = 0; i < map->n_nodes; i++)
    {
      cairo_glyph_free (b->text[i].name[0].glyphs);
      cairo_glyph_free (b->text[i].name[1].glyphs);
      cairo_glyph_free (b->text[i].title.glyphs);
      cairo_glyph_free (b->text[i].initials.glyphs);
    }
  for (guint i = 0; i < 4; i++)
    cairo_glyph_free (b->digits[i].glyphs);
  for (guint i = 0; i < 6; i++)
    cairo_glyph_free (b->roles[i].glyphs);
  g_free (b->text);
  cairo_scaled_font_destroy (b->bold);
  cairo_scaled_font_destroy (b->regular);
  cairo_scaled_font_destroy (b->small);
}

static void
show (cairo_t             *cr,
      cairo_scaled_font_t *font,
      const Glyphs        *g,
      double               x,
      double               y)
{
  if (!g->n)
    return;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_set_scaled_font (cr, font);
  cairo_show_glyphs (cr, g->glyphs, g->n);
  cairo_restore (cr);
}

static void
rrect (cairo_t *cr,
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

static void
shape_path (cairo_t    *cr,
            KsNodeKind  kind,
            double      x,
            double      y,
            double      w,
            double      h,
            double      r)
{
  if (kind == KS_NODE_COMPETITOR)
    {
      double c = 18;
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
  else
    rrect (cr, x, y, w, h, kind == KS_NODE_THIRD_PARTY ? 18 : r);
}

static void
rgb (cairo_t       *cr,
     const KsColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static const KsColor *
border_of (const KsPalette *p,
           const KsMapNode *node)
{
  if (node->kind != KS_NODE_CONTACT && node->relationship == KS_RELATIONSHIP_UNKNOWN)
    return &p->muted;
  switch (node->relationship)
    {
    case KS_RELATIONSHIP_POSITIVE: return &p->positive;
    case KS_RELATIONSHIP_NEUTRAL: return &p->neutral;
    case KS_RELATIONSHIP_POOR: return &p->negative;
    default: return &p->unknown;
    }
}

static void
baseline_line_batch (cairo_t           *cr,
                     const KsPalette   *p,
                     const KsMapLayout *layout,
                     KsLineKind         kind,
                     double             width,
                     double             scale)
{
  /* Keystone's dashes: a few pixels apart at any zoom, solid on a tiny map. */
  gboolean fine = 16 * scale < 2.5;
  double px = 1 / scale;
  double dots[] = { 0.01, MAX (4.5, 3.5 * px) }, dashes[] = { MAX (7, 6 * px), MAX (5, 4 * px) };
  guint n = ks_map_layout_get_n_lines (layout), drawn = 0;
  KsColor c = kind == KS_LINE_INFLUENCE ? p->series[4] : p->muted;

  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      KsMapLineGeometry g;

      ks_map_layout_get_line_geometry (layout, i, &g);
      /* Each style has its own width: 1.5 reports-to, 2 dotted, 1.4/2.2/3 influence. */
      if (!g.visible || g.width != width)
        continue;
      cairo_move_to (cr, g.x[0], g.y[0]);
      if (g.shape == KS_MAP_LINE_SHAPE_CURVE)
        cairo_curve_to (cr, g.x[1], g.y[1], g.x[2], g.y[2], g.x[3], g.y[3]);
      else
        for (guint k = 1; k < g.n_points; k++)
          cairo_line_to (cr, g.x[k], g.y[k]);
      drawn++;
    }
  if (!drawn)
    return;
  cairo_set_line_width (cr, MAX (width, 1 / scale));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, kind == KS_LINE_DOTTED ? dots : dashes, kind == KS_LINE_REPORTS_TO || fine ? 0 : 2, 0);
  cairo_set_line_cap (cr, kind == KS_LINE_DOTTED && !fine ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
  if (fine && kind != KS_LINE_REPORTS_TO)
    c.alpha = 0.55;
  rgb (cr, &c);
  cairo_stroke (cr);
  if (kind == KS_LINE_INFLUENCE)
    {
      for (guint i = 0; i < n; i++)
        {
          KsMapLineGeometry g;

          ks_map_layout_get_line_geometry (layout, i, &g);
          if (!g.visible || !g.arrow || g.width != width)
            continue;
          cairo_move_to (cr, g.arrow_x[0], g.arrow_y[0]);
          cairo_line_to (cr, g.arrow_x[1], g.arrow_y[1]);
          cairo_line_to (cr, g.arrow_x[2], g.arrow_y[2]);
          cairo_close_path (cr);
        }
      cairo_fill (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

/* The same cards, marks, chips and text as ks_map_draw(), written out in
 * plain cairo calls with the numbers filled in. */
static void
baseline_draw (cairo_t           *cr,
               const Baseline    *b,
               const Map         *map,
               const KsMapLayout *layout,
               const KsPalette   *p,
               const KsMapView   *view)
{
  static const double card_dash[] = { 6, 3.5 }, badge_dash[] = { 2.5, 2 };
  double s = view->scale, px = 1 / s;
  gboolean greek = 13.33 * s < 4.0, tiny = 16 * s < 2.5;
  double x1, y1, x2, y2;
  KsColor shadow = p->foreground, chip = p->surface, bar = p->foreground;

  shadow.alpha = 0.1;
  chip = (KsColor) { 0.92, 0.92, 0.93, 1 };
  bar.alpha = 0.5;

  rgb (cr, &p->background);
  cairo_paint (cr);
  cairo_save (cr);
  cairo_translate (cr, view->offset_x, view->offset_y);
  cairo_scale (cr, s, s);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);

  baseline_line_batch (cr, p, layout, KS_LINE_REPORTS_TO, 1.5, s);
  baseline_line_batch (cr, p, layout, KS_LINE_DOTTED, 2.0, s);
  for (int k = 1; k <= 3; k++)
    baseline_line_batch (cr, p, layout, KS_LINE_INFLUENCE, 0.6 + 0.8 * k, s);

  for (guint i = 0; i < map->n_nodes; i++)
    {
      const KsMapNode *node = &map->nodes[i];
      const NodeText *t = &b->text[i];
      gboolean external = node->kind != KS_NODE_CONTACT;
      KsMapRect r;
      double bw = MAX (2.5, px), x;

      ks_map_layout_get_node_rect (layout, i, &r);
      if (r.x - 24 > x2 || r.x + r.width + 24 < x1 || r.y - 24 > y2 || r.y + r.height + 24 < y1)
        continue;
      if (tiny)
        {
          cairo_rectangle (cr, r.x + bw / 2, r.y + bw / 2, r.width - bw, r.height - bw);
          rgb (cr, &p->surface);
          cairo_fill_preserve (cr);
          rgb (cr, border_of (p, node));
          cairo_set_line_width (cr, bw);
          cairo_stroke (cr);
          cairo_rectangle (cr, r.x + 38, r.y + 16, r.width - 60, 7);
          rgb (cr, &bar);
          cairo_fill (cr);
          continue;
        }
      if (!greek)
        {
          shape_path (cr, node->kind, r.x - 0.5, r.y + 1, r.width + 1, r.height + 1, 8.5);
          rgb (cr, &shadow);
          cairo_fill (cr);
        }
      shape_path (cr, node->kind, r.x + bw / 2, r.y + bw / 2, r.width - bw, r.height - bw, 8 - bw / 2);
      rgb (cr, &p->surface);
      cairo_fill_preserve (cr);
      if (external)
        cairo_set_dash (cr, card_dash, 2, 0);
      rgb (cr, border_of (p, node));
      cairo_set_line_width (cr, bw);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      if (!external || node->power)
        {
          cairo_arc (cr, r.x + 20, r.y + 20, 10, 0, 2 * G_PI);
          if (node->power == KS_POWER_HIGH || node->power == KS_POWER_MEDIUM)
            {
              rgb (cr, &p->foreground);
              cairo_fill (cr);
              rgb (cr, &p->surface);
            }
          else
            {
              rgb (cr, &p->surface);
              cairo_fill_preserve (cr);
              cairo_set_line_width (cr, 1.5);
              if (!node->power)
                cairo_set_dash (cr, badge_dash, 2, 0);
              rgb (cr, &p->muted);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
            }
          if (!greek)
            show (cr, b->small, &b->digits[node->power], r.x + 17, r.y + 24);
        }
      if (node->attitude)
        {
          double cx = r.x + r.width - 17, cy = r.y + 20;

          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_line_width (cr, 2.4);
          if (node->attitude == KS_ATTITUDE_NEUTRAL)
            cairo_arc (cr, cx, cy, 5, 0, 2 * G_PI);
          else
            {
              cairo_move_to (cr, cx - 5.5, cy);
              cairo_line_to (cr, cx + 5.5, cy);
            }
          if (node->attitude == KS_ATTITUDE_SUPPORTER)
            {
              cairo_move_to (cr, cx, cy - 5.5);
              cairo_line_to (cr, cx, cy + 5.5);
            }
          rgb (cr, &p->negative);
          cairo_stroke (cr);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
        }
      rgb (cr, &p->foreground);
      if (!greek)
        {
          show (cr, b->bold, &t->name[0], r.x + 38, r.y + 25);
          show (cr, b->bold, &t->name[1], r.x + 38, r.y + 41);
          rgb (cr, &p->muted);
          show (cr, b->regular, &t->title, r.x + 38, r.y + (t->name[1].n ? 57 : 41));
        }
      else
        {
          rgb (cr, &bar);
          cairo_rectangle (cr, r.x + 38, r.y + 16, r.width - 60, 7);
          cairo_fill (cr);
          if (t->title.n)
            {
              cairo_rectangle (cr, r.x + 38, r.y + 32, r.width - 60, 7);
              cairo_fill (cr);
            }
        }
      x = r.x + 38;
      for (guint k = 0; k < 6; k++)
        if (node->roles & (1u << k))
          {
            double w = 24;
            rrect (cr, x, r.y + r.height - 29, w, 16, 4);
            rgb (cr, &chip);
            cairo_fill (cr);
            if (!greek)
              {
                rgb (cr, &p->foreground);
                show (cr, b->small, &b->roles[k], x + 5, r.y + r.height - 17);
              }
            x += w + 4;
          }
      if (node->owner_initials)
        {
          cairo_arc (cr, r.x + r.width - 21, r.y + r.height - 21, 11, 0, 2 * G_PI);
          rgb (cr, &p->series[0]);
          cairo_fill (cr);
          if (!greek)
            {
              rgb (cr, &p->surface);
              show (cr, b->small, &t->initials, r.x + r.width - 29, r.y + r.height - 17);
            }
        }
    }
  cairo_restore (cr);

  /* The legend: its box, 6 headings, 22 symbols with their labels. */
  {
    KsMapRect box;

    ks_map_layout_get_legend_rect (layout, view, &box);
    rrect (cr, box.x, box.y + 1.5, box.width, box.height, 10);
    rgb (cr, &shadow);
    cairo_fill (cr);
    rrect (cr, box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1, 10);
    rgb (cr, &p->surface);
    cairo_fill_preserve (cr);
    cairo_set_line_width (cr, 1);
    rgb (cr, &p->grid);
    cairo_stroke (cr);
    for (guint k = 0; k < 28; k++)
      {
        double sx = box.x + 14 + (k % 3) * 150, sy = box.y + 18 + (k / 3) * 21;

        if (k % 5)
          {
            rrect (cr, sx + 4, sy, 26, 14, 3.5);
            rgb (cr, &p->surface);
            cairo_fill_preserve (cr);
            cairo_set_line_width (cr, 2.5);
            rgb (cr, &p->positive);
            cairo_stroke (cr);
          }
        rgb (cr, &p->foreground);
        show (cr, k % 5 ? b->regular : b->bold, &b->text[k % map->n_nodes].title, sx + 42, sy + 11);
      }
  }
}

/* ------------------------------------------------------------------ timing */

typedef struct
{
  const Map         *map;
  const KsMapLayout *layout;
  const KsPalette   *palette;
  const Baseline    *baseline;
  const KsMapView   *view;
  cairo_surface_t   *surface;
  const char        *png;        /* Keystone's PNG */
  const char        *base_png;   /* the baseline's */
} Job;

static void
run_keystone (Job *job)
{
  cairo_t *cr = cairo_create (job->surface);
  KsMapDrawState state = { 0 };

  state.view = *job->view;
  ks_map_draw (cr, job->layout, job->palette, &state);
  cairo_destroy (cr);
  cairo_surface_flush (job->surface);
  if (job->png)
    cairo_surface_write_to_png (job->surface, job->png);
}

static void
run_baseline (Job *job)
{
  cairo_t *cr = cairo_create (job->surface);

  baseline_draw (cr, job->baseline, job->map, job->layout, job->palette, job->view);
  cairo_destroy (cr);
  cairo_surface_flush (job->surface);
  if (job->base_png)
    cairo_surface_write_to_png (job->surface, job->base_png);
}

/* Best of @runs for each, the two interleaved, so a busy machine slows both alike. */
static void
best_of (guint   runs,
         Job    *job,
         double *keystone,
         double *baseline)
{
  run_keystone (job);   /* warm the caches of both */
  run_baseline (job);
  *keystone = *baseline = G_MAXDOUBLE;
  for (guint i = 0; i < runs; i++)
    {
      double t0 = bench_now ();

      run_keystone (job);
      *keystone = MIN (*keystone, bench_now () - t0);
      t0 = bench_now ();
      run_baseline (job);
      *baseline = MIN (*baseline, bench_now () - t0);
    }
}

int
main (int   argc,
      char *argv[])
{
  guint contacts = 500, runs = 5;
  const char *out = NULL;
  const BenchOption options[] = { { "--contacts", &contacts }, { "--runs", &runs } };
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autofree char *ks_png = NULL, *base_png = NULL, *ks_png100 = NULL;
  KsMapLayout *layout;
  Baseline baseline;
  KsMapView fitted = { 0 }, full = { 0 };
  KsMapRect bounds;
  cairo_surface_t *surface;
  Map map = { 0 };
  double t0, t_layout, t_tidy;
  Job job;

  setlocale (LC_ALL, "");
  if (!bench_parse_options (argc, argv, options, G_N_ELEMENTS (options), &out))
    return 2;
  contacts = MAX (contacts, 2);
  runs = MAX (runs, 1);
  if (out)
    {
      ks_png = g_build_filename (out, "powermap-keystone.png", NULL);
      ks_png100 = g_build_filename (out, "powermap-keystone-100.png", NULL);
      base_png = g_build_filename (out, "powermap-baseline.png", NULL);
    }

  map_build (&map, contacts, 42);
  layout = ks_map_layout_new (map.nodes, map.n_nodes, map.lines, map.n_lines, palette, NULL);
  t0 = bench_now ();
  ks_map_layout_tidy (map.nodes, map.n_nodes, map.lines, map.n_lines, layout);
  t_tidy = bench_now () - t0;
  ks_map_layout_free (layout);
  t0 = bench_now ();
  layout = ks_map_layout_new (map.nodes, map.n_nodes, map.lines, map.n_lines, palette, NULL);
  t_layout = bench_now () - t0;
  baseline_init (&baseline, &map, layout);

  fitted.legend_corner = KS_MAP_CORNER_BOTTOM_LEFT;
  ks_map_view_fit (layout, WIDTH, HEIGHT, 24, 1.5, &fitted);
  ks_map_layout_get_bounds (layout, &bounds);
  /* 100 %: the top-left of the map, where the hierarchy starts. */
  full = fitted;
  full.scale = 1;
  full.offset_x = -bounds.x - bounds.width / 2 + WIDTH / 2.0;
  full.offset_y = -bounds.y + 20;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  job = (Job) { &map, layout, palette, &baseline, &fitted, surface, NULL, NULL };

  printf ("Power map: %u contacts, %u nodes, %u lines, %d×%d; best of %u\n",
          contacts, map.n_nodes, map.n_lines, WIDTH, HEIGHT, runs);
  printf ("%-52s %12s %12s %8s\n", "figure", "Keystone", "baseline", "ratio");
  bench_row ("layout: measure cards, route lines", t_layout, 0);
  bench_row ("tidy layout", t_tidy, 0);
  {
    double k, b;

    best_of (runs, &job, &k, &b);
    bench_row ("draw, whole map fitted (frame)", k, b);
    job.png = ks_png ? ks_png : "/dev/null";
    job.base_png = base_png ? base_png : "/dev/null";
    best_of (runs, &job, &k, &b);
    bench_row ("render powermap, 1920×1080 PNG (draw + encode)", k, b);
    job.png = job.base_png = NULL;
    job.view = &full;
    best_of (runs, &job, &k, &b);
    bench_row ("draw at 100 % zoom, all text (frame)", k, b);
    if (ks_png100)
      {
        job.png = ks_png100;
        run_keystone (&job);
        job.png = NULL;
      }
  }

  /* Interactive: drag a node that has lines, then redraw everything; the
   * baseline draws the same frames, interleaved, as many times. */
  {
    const KsMapView *views[2] = { &fitted, &full };
    static const char *names[2] = {
      "interactive frame: drag a node, fitted (≤ 16 ms)",
      "interactive frame: drag a node, 100 % (≤ 16 ms)",
    };
    KsMapRect r;
    gint64 id = map.nodes[1].id;

    ks_map_layout_get_node_rect (layout, 1, &r);
    for (guint v = 0; v < 2; v++)
      {
        double best_k = G_MAXDOUBLE, best_b = G_MAXDOUBLE, t;

        job.view = views[v];
        for (guint i = 0; i < runs * 4; i++)
          {
            t = bench_now ();
            ks_map_layout_move_node (layout, id, r.x + r.width / 2 + (i % 7) * 9 - 27,
                                     r.y + r.height / 2 + (i % 5) * 7);
            run_keystone (&job);
            best_k = MIN (best_k, bench_now () - t);
            t = bench_now ();
            run_baseline (&job);
            best_b = MIN (best_b, bench_now () - t);
          }
        bench_row (names[v], best_k, best_b);
      }
  }

  cairo_surface_destroy (surface);
  baseline_clear (&baseline, &map);
  ks_map_layout_free (layout);
  map_clear (&map);
  return 0;
}
