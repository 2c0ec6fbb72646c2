/* test-powermap-layout.c — render: power map geometry, hit testing, tidy layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "ks-palette.h"
#include "ks-powermap-layout.h"
#include "ks-test-util.h"

static KsPalette *palette;

static KsMapNode
contact (gint64      id,
         const char *name,
         double      x,
         double      y)
{
  KsMapNode node = { 0 };

  node.id = id;
  node.name = name;
  node.title = "Head of Purchasing";
  node.kind = KS_NODE_CONTACT;
  node.power = KS_POWER_MEDIUM;
  node.relationship = KS_RELATIONSHIP_POSITIVE;
  node.placed = TRUE;
  node.x = x;
  node.y = y;
  return node;
}

static KsMapRect
node_rect (const KsMapLayout *layout,
           gint64             id)
{
  KsMapRect r = { 0 };
  int i = ks_map_layout_find_node (layout, id);

  g_assert_cmpint (i, >=, 0);
  g_assert_true (ks_map_layout_get_node_rect (layout, i, &r));
  return r;
}

static gboolean
rects_meet (const KsMapRect *a,
            const KsMapRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
on_border (const KsMapRect *r,
           double           x,
           double           y)
{
  const double e = 0.01;
  gboolean in_x = x >= r->x - e && x <= r->x + r->width + e;
  gboolean in_y = y >= r->y - e && y <= r->y + r->height + e;

  return (in_x && (fabs (y - r->y) < e || fabs (y - r->y - r->height) < e))
         || (in_y && (fabs (x - r->x) < e || fabs (x - r->x - r->width) < e));
}

/* ------------------------------------------------------------------ cards */

static void
test_card_size (void)
{
  KsMapNode nodes[] = {
    contact (1, "Al", 0, 0),
    contact (2, "Dr. Ulrike Bauer-Schmidt-Hohenstein von Waldenburg und Lichtenfels", 400, 0),
    contact (3, "Olav Haugen", 800, 0),
  };
  g_autoptr(KsMapLayout) layout = NULL;
  KsMapRect small, big, plain;

  nodes[0].title = NULL;
  nodes[1].title = "Director of Research, Development and Very Long Programme Names Worldwide";
  nodes[1].roles = KS_ROLE_ECONOMIC_BUYER | KS_ROLE_TECHNICAL_BUYER | KS_ROLE_USER_BUYER
                   | KS_ROLE_COACH | KS_ROLE_FINANCIAL_EXPERT | KS_ROLE_BUSINESS_DEVELOPMENT;
  nodes[1].owner_initials = "JV";
  layout = ks_map_layout_new (nodes, 3, NULL, 0, palette, NULL);
  small = node_rect (layout, 1);
  big = node_rect (layout, 2);
  plain = node_rect (layout, 3);

  /* Fixed minimum and maximum widths; the card is centred on the node. */
  g_assert_cmpfloat (small.width, ==, 150);
  g_assert_cmpfloat (big.width, ==, 236);
  g_assert_cmpfloat_with_epsilon (small.x + small.width / 2, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (big.y + big.height / 2, 0, 1e-9);
  /* Two lines of name at most: the long card is taller than a one-line one,
   * but not by more than a line of name plus the row of chips. */
  g_assert_cmpfloat (big.height, >, plain.height);
  g_assert_cmpfloat (big.height, <, plain.height + 60);
  g_assert_cmpfloat (small.height, <, plain.height);
  g_assert_cmpuint (ks_map_layout_get_n_nodes (layout), ==, 3);
  g_assert_cmpint (ks_map_layout_find_node (layout, 99), ==, -1);
}

static void
test_unplaced (void)
{
  KsMapNode nodes[12];
  g_autoptr(KsMapLayout) layout = NULL;
  KsMapRect placed;

  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    {
      nodes[i] = contact (i + 1, "Someone", 0, 0);
      nodes[i].placed = i == 0;
    }
  layout = ks_map_layout_new (nodes, G_N_ELEMENTS (nodes), NULL, 0, palette, NULL);
  placed = node_rect (layout, 1);
  /* They wait in rows under the placed one, apart from each other. */
  for (guint i = 1; i < G_N_ELEMENTS (nodes); i++)
    {
      KsMapRect a = node_rect (layout, i + 1);

      g_assert_cmpfloat (a.y, >, placed.y + placed.height);
      for (guint j = 0; j < i; j++)
        {
          KsMapRect b = node_rect (layout, j + 1);
          g_assert_false (rects_meet (&a, &b));
        }
    }
}

/* ------------------------------------------------------------------ lines */

static void
test_line_geometry (void)
{
  KsMapNode nodes[] = {
    contact (1, "Boss", 300, 100),
    contact (2, "Right below", 300, 300),
    contact (3, "Below left", 40, 300),
    contact (4, "Beside", 700, 100),
  };
  KsMapLine lines[] = {
    { 10, 2, 1, KS_LINE_REPORTS_TO, 0 },
    { 11, 3, 1, KS_LINE_REPORTS_TO, 0 },
    { 12, 4, 1, KS_LINE_DOTTED, 0 },
    { 13, 4, 3, KS_LINE_INFLUENCE, 3 },
    { 14, 4, 99, KS_LINE_INFLUENCE, 1 },   /* the other end is not on the map */
  };
  g_autoptr(KsMapLayout) layout = ks_map_layout_new (nodes, 4, lines, 5, palette, NULL);
  KsMapRect boss = node_rect (layout, 1), below = node_rect (layout, 2);
  KsMapRect left = node_rect (layout, 3), beside = node_rect (layout, 4);
  KsMapLineGeometry g;

  g_assert_cmpuint (ks_map_layout_get_n_lines (layout), ==, 5);
  g_assert_cmpint (ks_map_layout_find_line (layout, 13), ==, 3);

  /* Straight down from the boss's bottom edge to the subordinate's top edge. */
  g_assert_true (ks_map_layout_get_line_geometry (layout, 0, &g));
  g_assert_true (g.visible);
  g_assert_cmpint (g.shape, ==, KS_MAP_LINE_SHAPE_POLYLINE);
  g_assert_cmpuint (g.n_points, ==, 2);
  g_assert_cmpfloat_with_epsilon (g.y[0], boss.y + boss.height, 1e-9);
  g_assert_cmpfloat_with_epsilon (g.y[1], below.y, 1e-9);
  g_assert_false (g.arrow);

  /* An elbow to a subordinate off to the side: down, across, down. */
  ks_map_layout_get_line_geometry (layout, 1, &g);
  g_assert_cmpuint (g.n_points, ==, 4);
  g_assert_cmpfloat_with_epsilon (g.x[0], 300, 1e-9);
  g_assert_cmpfloat_with_epsilon (g.x[0], g.x[1], 1e-9);
  g_assert_cmpfloat_with_epsilon (g.y[1], g.y[2], 1e-9);
  g_assert_cmpfloat_with_epsilon (g.x[3], 40, 1e-9);
  g_assert_true (on_border (&boss, g.x[0], g.y[0]));
  g_assert_true (on_border (&left, g.x[3], g.y[3]));

  /* Dotted: straight, card edge to card edge. */
  ks_map_layout_get_line_geometry (layout, 2, &g);
  g_assert_cmpuint (g.n_points, ==, 2);
  g_assert_true (on_border (&beside, g.x[0], g.y[0]));
  g_assert_true (on_border (&boss, g.x[1], g.y[1]));

  /* Influence: a curve from edge to edge, the arrow's tip on the target's
   * edge, wider for a stronger influence. */
  ks_map_layout_get_line_geometry (layout, 3, &g);
  g_assert_true (g.visible);
  g_assert_cmpint (g.shape, ==, KS_MAP_LINE_SHAPE_CURVE);
  g_assert_true (g.arrow);
  g_assert_true (on_border (&beside, g.x[0], g.y[0]));
  g_assert_true (on_border (&left, g.arrow_x[0], g.arrow_y[0]));
  g_assert_cmpfloat (g.width, >, 2.5);

  /* A line to a node that is not there is kept but not shown. */
  ks_map_layout_get_line_geometry (layout, 4, &g);
  g_assert_false (g.visible);
  g_assert_false (ks_map_layout_get_line_geometry (layout, 5, &g));
}

static void
test_move_node (void)
{
  KsMapNode nodes[] = { contact (1, "Boss", 300, 100), contact (2, "Sub", 300, 300) };
  KsMapLine lines[] = { { 1, 2, 1, KS_LINE_REPORTS_TO, 0 } };
  g_autoptr(KsMapLayout) layout = ks_map_layout_new (nodes, 2, lines, 1, palette, NULL);
  KsMapLineGeometry g;
  KsMapRect r, bounds;

  g_assert_true (ks_map_layout_move_node (layout, 2, 600, 400));
  g_assert_false (ks_map_layout_move_node (layout, 77, 0, 0));
  r = node_rect (layout, 2);
  g_assert_cmpfloat_with_epsilon (r.x + r.width / 2, 600, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.y + r.height / 2, 400, 1e-9);
  /* The line follows: an elbow now. */
  ks_map_layout_get_line_geometry (layout, 0, &g);
  g_assert_cmpuint (g.n_points, ==, 4);
  g_assert_cmpfloat_with_epsilon (g.x[3], 600, 1e-9);
  g_assert_cmpfloat_with_epsilon (g.y[3], r.y, 1e-9);
  ks_map_layout_get_bounds (layout, &bounds);
  g_assert_cmpfloat (bounds.x + bounds.width, >=, r.x + r.width);
  g_assert_cmpfloat (bounds.y + bounds.height, >=, r.y + r.height);
}

/* ------------------------------------------------------------------ hit testing */

static void
test_hit_node (void)
{
  KsMapNode nodes[] = { contact (7, "Maria Berg", 200, 150), contact (8, "Olav Haugen", 600, 150) };
  g_autoptr(KsMapLayout) layout = ks_map_layout_new (nodes, 2, NULL, 0, palette, NULL);
  KsMapRect r = node_rect (layout, 7);
  KsMapHit hit;

  /* Centre. */
  hit = ks_map_layout_hit_test (layout, NULL, 200, 150);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_NODE);
  g_assert_cmpint (hit.id, ==, 7);
  g_assert_cmpint (hit.index, ==, 0);
  /* Just inside the left and top edges, and on the bottom-left corner. */
  hit = ks_map_layout_hit_test (layout, NULL, r.x + 0.5, 150);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_NODE);
  hit = ks_map_layout_hit_test (layout, NULL, 200, r.y + 0.5);
  g_assert_cmpint (hit.id, ==, 7);
  hit = ks_map_layout_hit_test (layout, NULL, r.x, r.y + r.height);
  g_assert_cmpint (hit.id, ==, 7);
  /* Outside: left of it, above it, between the two cards. */
  hit = ks_map_layout_hit_test (layout, NULL, r.x - 1, 150);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_NONE);
  g_assert_cmpint (hit.index, ==, -1);
  hit = ks_map_layout_hit_test (layout, NULL, 200, r.y - 1);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_NONE);
  hit = ks_map_layout_hit_test (layout, NULL, 400, 150);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_NONE);
  /* The second card. */
  hit = ks_map_layout_hit_test (layout, NULL, 600, 150);
  g_assert_cmpint (hit.id, ==, 8);
  g_assert_cmpint (hit.index, ==, 1);
  /* The link handle on the right edge. */
  hit = ks_map_layout_hit_test (layout, NULL, r.x + r.width + 2, 150);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_HANDLE);
  g_assert_cmpint (hit.id, ==, 7);
}

static void
test_hit_view (void)
{
  KsMapNode nodes[] = { contact (7, "Maria Berg", 200, 150) };
  g_autoptr(KsMapLayout) layout = ks_map_layout_new (nodes, 1, NULL, 0, palette, NULL);
  KsMapView view = { 2.0, 50, 30, 2000, 2000, KS_MAP_CORNER_TOP_RIGHT, 3 };
  KsMapRect r = node_rect (layout, 7);
  double vx, vy, mx, my;
  KsMapHit hit;

  /* Hit testing takes view coordinates: model × 2 + (50, 30). */
  ks_map_view_from_model (&view, 200, 150, &vx, &vy);
  g_assert_cmpfloat (vx, ==, 450);
  g_assert_cmpfloat (vy, ==, 330);
  ks_map_view_to_model (&view, vx, vy, &mx, &my);
  g_assert_cmpfloat (mx, ==, 200);
  g_assert_cmpfloat (my, ==, 150);
  hit = ks_map_layout_hit_test (&*layout, &view, vx, vy);
  g_assert_cmpint (hit.id, ==, 7);
  hit = ks_map_layout_hit_test (layout, &view, 200, 150);   /* model coordinates miss */
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_NONE);
  ks_map_view_from_model (&view, r.x, r.y, &vx, &vy);
  hit = ks_map_layout_hit_test (layout, &view, vx - 1, vy + 10);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_NONE);
  hit = ks_map_layout_hit_test (layout, &view, vx + 1, vy + 10);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_NODE);
}

static void
test_hit_line (void)
{
  KsMapNode nodes[] = {
    contact (1, "Boss", 300, 100),
    contact (2, "Sub", 300, 400),
    contact (3, "Far", 900, 100),
  };
  KsMapLine lines[] = {
    { 21, 2, 1, KS_LINE_REPORTS_TO, 0 },
    { 22, 3, 2, KS_LINE_INFLUENCE, 2 },
  };
  g_autoptr(KsMapLayout) layout = ks_map_layout_new (nodes, 3, lines, 2, palette, NULL);
  KsMapView zoomed = { 4.0, 0, 0, 10000, 10000, KS_MAP_CORNER_TOP_LEFT, 1 };
  KsMapLineGeometry g;
  double mid_y, bx, by, t = 0.5, u = 0.5;
  KsMapHit hit;

  /* On the vertical segment, within the tolerance beside it, beyond it. */
  ks_map_layout_get_line_geometry (layout, 0, &g);
  mid_y = (g.y[0] + g.y[1]) / 2;
  hit = ks_map_layout_hit_test (layout, NULL, 300, mid_y);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_LINE);
  g_assert_cmpint (hit.id, ==, 21);
  g_assert_cmpint (hit.index, ==, 0);
  hit = ks_map_layout_hit_test (layout, NULL, 300 + KS_MAP_LINE_TOLERANCE, mid_y);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_LINE);
  hit = ks_map_layout_hit_test (layout, NULL, 300 + KS_MAP_LINE_TOLERANCE + 2, mid_y);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_NONE);
  /* The tolerance is in view pixels: zoomed in four times, 2 model units
   * beside the line are 8 pixels away. */
  hit = ks_map_layout_hit_test (layout, &zoomed, 4 * 301, 4 * mid_y);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_LINE);
  hit = ks_map_layout_hit_test (layout, &zoomed, 4 * 302.5, 4 * mid_y);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_NONE);

  /* The middle of the influence curve. */
  ks_map_layout_get_line_geometry (layout, 1, &g);
  bx = u * u * u * g.x[0] + 3 * u * u * t * g.x[1] + 3 * u * t * t * g.x[2] + t * t * t * g.x[3];
  by = u * u * u * g.y[0] + 3 * u * u * t * g.y[1] + 3 * u * t * t * g.y[2] + t * t * t * g.y[3];
  hit = ks_map_layout_hit_test (layout, NULL, bx, by);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_LINE);
  g_assert_cmpint (hit.id, ==, 22);
  /* The arrow's tip. */
  hit = ks_map_layout_hit_test (layout, NULL, g.arrow_x[0] - 1, g.arrow_y[0] - 1);
  g_assert_cmpint (hit.kind, !=, KS_MAP_HIT_NONE);
  /* Far off the curve. */
  hit = ks_map_layout_hit_test (layout, NULL, (g.x[0] + g.x[3]) / 2, by + 200);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_NONE);
}

static void
test_hit_legend (void)
{
  KsMapNode nodes[] = { contact (1, "Under the legend", 0, 0) };
  g_autoptr(KsMapLayout) layout = ks_map_layout_new (nodes, 1, NULL, 0, palette, NULL);
  KsMapView view = { 1, 0, 0, 1200, 800, KS_MAP_CORNER_BOTTOM_LEFT, 3 };
  KsMapRect legend;
  double w, h, w6, h6;
  KsMapHit hit;

  ks_map_layout_get_legend_size (layout, 3, &w, &h);
  ks_map_layout_get_legend_size (layout, 6, &w6, &h6);
  g_assert_cmpfloat (w6, >, w);
  g_assert_cmpfloat (h6, <, h);
  ks_map_layout_get_legend_rect (layout, &view, &legend);
  g_assert_cmpfloat (legend.width, ==, w);
  g_assert_cmpfloat (legend.height, ==, h);
  g_assert_cmpfloat (legend.x, ==, 12);
  g_assert_cmpfloat (legend.y + legend.height, <=, 800 - 12 + 1);

  hit = ks_map_layout_hit_test (layout, &view, legend.x + 10, legend.y + 10);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_LEGEND);
  g_assert_cmpint (hit.index, ==, -1);
  hit = ks_map_layout_hit_test (layout, &view, legend.x + legend.width + 5, legend.y + 10);
  g_assert_cmpint (hit.kind, !=, KS_MAP_HIT_LEGEND);

  /* The legend is drawn last, so it wins over a card beneath it. */
  view.offset_x = legend.x + legend.width / 2;
  view.offset_y = legend.y + legend.height / 2;
  hit = ks_map_layout_hit_test (layout, &view, view.offset_x, view.offset_y);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_LEGEND);
  /* Without the legend's corner in view, the card is there. */
  view.legend_corner = KS_MAP_CORNER_TOP_RIGHT;
  hit = ks_map_layout_hit_test (layout, &view, view.offset_x, view.offset_y);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_NODE);
}

static void
test_hit_z_order (void)
{
  KsMapNode nodes[] = {
    contact (1, "Below", 560, 230),
    contact (2, "Above", 600, 210),
    contact (3, "Boss", 600, 0),
  };
  KsMapLine lines[] = { { 5, 2, 3, KS_LINE_REPORTS_TO, 0 }, { 6, 1, 3, KS_LINE_INFLUENCE, 1 } };
  g_autoptr(KsMapLayout) layout = ks_map_layout_new (nodes, 3, lines, 2, palette, NULL);
  KsMapRect below = node_rect (layout, 1);
  KsMapLineGeometry g;
  KsMapHit hit;

  /* Where the cards overlap, the later one (drawn on top) wins. */
  hit = ks_map_layout_hit_test (layout, NULL, 580, 220);
  g_assert_cmpint (hit.id, ==, 2);
  /* Where only the lower one is, it is hit. */
  hit = ks_map_layout_hit_test (layout, NULL, below.x + 3, below.y + 3);
  g_assert_cmpint (hit.id, ==, 1);
  /* Lines are drawn under the cards: a card over a line wins. */
  ks_map_layout_get_line_geometry (layout, 0, &g);
  hit = ks_map_layout_hit_test (layout, NULL, g.x[g.n_points - 1], g.y[g.n_points - 1] + 3);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_NODE);
  hit = ks_map_layout_hit_test (layout, NULL, g.x[g.n_points - 1], g.y[g.n_points - 1] - 3);
  g_assert_cmpint (hit.kind, ==, KS_MAP_HIT_LINE);
}

static void
test_nodes_in_rect (void)
{
  KsMapNode nodes[] = {
    contact (1, "A", 100, 100), contact (2, "B", 700, 100), contact (3, "C", 100, 400),
  };
  g_autoptr(KsMapLayout) layout = ks_map_layout_new (nodes, 3, NULL, 0, palette, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  KsMapView view = { 0.5, 10, 10, 1000, 1000, KS_MAP_CORNER_BOTTOM_LEFT, 3 };
  KsMapRect band = { 10 + 0.5 * 500, 10 + 0.5 * 500, -0.5 * 450, -0.5 * 450 };   /* dragged up-left */

  g_assert_cmpuint (ks_map_layout_nodes_in_rect (layout, &view, &band, ids), ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 3);
}

static void
test_neighbour (void)
{
  KsMapNode nodes[] = {
    contact (1, "Boss", 500, 0),
    contact (2, "Left", 200, 200),
    contact (3, "Right", 800, 200),
    contact (4, "Near right, not linked", 700, 0),
  };
  KsMapLine lines[] = { { 1, 2, 1, KS_LINE_REPORTS_TO, 0 }, { 2, 3, 1, KS_LINE_REPORTS_TO, 0 } };
  g_autoptr(KsMapLayout) layout = ks_map_layout_new (nodes, 4, lines, 2, palette, NULL);

  /* Connected nodes first: down-left from the boss is Left. */
  g_assert_cmpint (ks_map_layout_neighbour (layout, 1, -1, 1), ==, 2);
  g_assert_cmpint (ks_map_layout_neighbour (layout, 2, 1, -1), ==, 1);
  /* Right of the boss: Right is linked, within 60°, so it beats the nearer card. */
  g_assert_cmpint (ks_map_layout_neighbour (layout, 1, 1, 0.5), ==, 3);
  /* From Right upwards there is only the unlinked one... and the boss, linked. */
  g_assert_cmpint (ks_map_layout_neighbour (layout, 4, 0, 1), ==, 3);
  g_assert_cmpint (ks_map_layout_neighbour (layout, 2, -1, 0), ==, 0);
  g_assert_cmpint (ks_map_layout_neighbour (layout, 99, 1, 0), ==, 0);
}

static void
test_view_fit (void)
{
  KsMapNode nodes[] = { contact (1, "A", 0, 0), contact (2, "B", 3000, 0), contact (3, "C", 1500, 600) };
  g_autoptr(KsMapLayout) layout = ks_map_layout_new (nodes, 3, NULL, 0, palette, NULL);
  static const KsMapCorner corners[] = {
    KS_MAP_CORNER_BOTTOM_LEFT, KS_MAP_CORNER_BOTTOM_RIGHT, KS_MAP_CORNER_TOP_LEFT, KS_MAP_CORNER_TOP_RIGHT,
  };

  for (guint c = 0; c < G_N_ELEMENTS (corners); c++)
    for (double w = 600; w <= 2400; w += 600)
      {
        KsMapView view = { 0 };
        KsMapRect bounds, legend, seen;

        view.legend_corner = corners[c];
        ks_map_view_fit (layout, w, 900, 20, 1.5, &view);
        g_assert_cmpfloat (view.width, ==, w);
        g_assert_cmpfloat (view.scale, >, 0);
        g_assert_cmpfloat (view.scale, <=, 1.5);
        ks_map_layout_get_bounds (layout, &bounds);
        ks_map_layout_get_legend_rect (layout, &view, &legend);
        ks_map_view_from_model (&view, bounds.x, bounds.y, &seen.x, &seen.y);
        seen.width = bounds.width * view.scale;
        seen.height = bounds.height * view.scale;
        /* The legend is in the view... */
        g_assert_cmpfloat (legend.x, >=, 0);
        g_assert_cmpfloat (legend.y, >=, 0);
        g_assert_cmpfloat (legend.x + legend.width, <=, w);
        g_assert_cmpfloat (legend.y + legend.height, <=, 900);
        /* ... and so is the whole map, clear of the legend. */
        g_assert_cmpfloat (seen.x, >=, -0.01);
        g_assert_cmpfloat (seen.y, >=, -0.01);
        g_assert_cmpfloat (seen.x + seen.width, <=, w + 0.01);
        g_assert_cmpfloat (seen.y + seen.height, <=, 900 + 0.01);
        g_assert_false (rects_meet (&seen, &legend));
      }
}

/* ------------------------------------------------------------------ tidy */

typedef struct
{
  KsMapNode *nodes;
  guint      n_nodes;
  KsMapLine *lines;
  guint      n_lines;
  int       *boss;        /* the one reports-to boss (index) or -1 */
} RandomMap;

/* A random forest of @n contacts (bosses come before their reports), some
 * contacts without boss, dotted and influence lines, and a few externals. */
static void
random_map (RandomMap *map,
            GRand     *rand,
            guint      n,
            gboolean   externals)
{
  static const char *names[] = {
    "Anna Virtanen", "Olav Berg", "Dr. Ulrike Bauer-Schmidt", "Li", "Ragnhild Johansen-Lindqvist",
    "Tomasz Wagner", "Pekka", "Elena Korhonen",
  };
  guint n_ext = externals ? g_rand_int_range (rand, 0, 4) : 0;

  map->n_nodes = n + n_ext;
  map->nodes = g_new0 (KsMapNode, map->n_nodes);
  map->lines = g_new0 (KsMapLine, 2 * map->n_nodes + 8);
  map->boss = g_new (int, map->n_nodes);
  map->n_lines = 0;
  for (guint i = 0; i < map->n_nodes; i++)
    {
      KsMapNode *node = &map->nodes[i];

      node->id = 1000 + i * 7;
      node->name = names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))];
      node->title = g_rand_boolean (rand) ? "Category Manager, Electronics" : NULL;
      node->kind = i < n ? KS_NODE_CONTACT : (i % 2 ? KS_NODE_COMPETITOR : KS_NODE_THIRD_PARTY);
      node->power = g_rand_int_range (rand, 0, 4);
      node->relationship = g_rand_int_range (rand, 0, 4);
      node->attitude = g_rand_int_range (rand, 0, 4);
      node->roles = g_rand_int_range (rand, 0, 64);
      node->owner_initials = g_rand_boolean (rand) ? "AB" : NULL;
      /* Some start somewhere on the canvas, some nowhere. */
      node->placed = g_rand_boolean (rand);
      node->x = g_rand_double_range (rand, -2000, 2000);
      node->y = g_rand_double_range (rand, -2000, 2000);
      map->boss[i] = -1;
      if (i > 0 && i < n && g_rand_int_range (rand, 0, 8) > 0)
        {
          /* Bushy or deep, depending on the range the boss comes from. */
          int lo = g_rand_boolean (rand) ? 0 : MAX (0, (int) i - 3);

          map->boss[i] = g_rand_int_range (rand, lo, i);
          map->lines[map->n_lines++] = (KsMapLine) { map->n_lines + 1, node->id,
                                                     map->nodes[map->boss[i]].id, KS_LINE_REPORTS_TO, 0 };
        }
    }
  for (guint k = 0; k < map->n_nodes / 10 + 2 && map->n_nodes > 1; k++)
    {
      guint a = g_rand_int_range (rand, 0, map->n_nodes), b = g_rand_int_range (rand, 0, map->n_nodes);

      map->lines[map->n_lines++] = (KsMapLine) { map->n_lines + 1, map->nodes[a].id, map->nodes[b].id,
                                                 k % 2 ? KS_LINE_DOTTED : KS_LINE_INFLUENCE,
                                                 g_rand_int_range (rand, 0, 4) };
    }
}

static void
random_map_clear (RandomMap *map)
{
  g_free (map->nodes);
  g_free (map->lines);
  g_free (map->boss);
}

/* Every pair of cards apart, except pairs of pinned ones (the user put them there). */
static void
assert_disjoint (const KsMapLayout *layout,
                 const KsMapNode   *nodes,
                 guint              n)
{
  g_autofree KsMapRect *rects = g_new (KsMapRect, n);

  for (guint i = 0; i < n; i++)
    ks_map_layout_get_node_rect (layout, i, &rects[i]);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        if (nodes[i].pinned && nodes[j].pinned)
          continue;
        if (rects_meet (&rects[i], &rects[j]))
          g_error ("cards %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT " overlap: "
                   "(%g, %g, %g × %g) and (%g, %g, %g × %g)",
                   nodes[i].id, nodes[j].id, rects[i].x, rects[i].y, rects[i].width, rects[i].height,
                   rects[j].x, rects[j].y, rects[j].width, rects[j].height);
      }
}

static KsMapLayout *
tidy (RandomMap *map)
{
  KsMapLayout *measured = ks_map_layout_new (map->nodes, map->n_nodes, map->lines, map->n_lines, palette, NULL);

  ks_map_layout_tidy (map->nodes, map->n_nodes, map->lines, map->n_lines, measured);
  ks_map_layout_free (measured);
  return ks_map_layout_new (map->nodes, map->n_nodes, map->lines, map->n_lines, palette, NULL);
}

static void
test_tidy_random (void)
{
  static const guint sizes[] = { 1, 2, 3, 5, 8, 13, 40, 120, 500 };
  guint seeds = g_test_slow () ? 200 : 40;

  for (guint seed = 1; seed <= seeds; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      guint n = seed <= G_N_ELEMENTS (sizes) ? sizes[seed - 1] : (guint) g_rand_int_range (rand, 1, 501);
      g_autoptr(KsMapLayout) layout = NULL;
      RandomMap map;
      double contacts_right = -G_MAXDOUBLE;

      random_map (&map, rand, n, seed % 3 != 0);
      layout = tidy (&map);
      assert_disjoint (layout, map.nodes, map.n_nodes);
      for (guint i = 0; i < map.n_nodes; i++)
        {
          KsMapRect r;

          g_assert_true (map.nodes[i].placed);
          ks_map_layout_get_node_rect (layout, i, &r);
          if (map.nodes[i].kind == KS_NODE_CONTACT)
            contacts_right = MAX (contacts_right, r.x + r.width);
          /* Parents above their reports. */
          if (map.boss[i] >= 0)
            {
              KsMapRect b;

              ks_map_layout_get_node_rect (layout, map.boss[i], &b);
              if (!(r.y > b.y + b.height))
                g_error ("seed %u: %" G_GINT64_FORMAT " is not below its boss", seed, map.nodes[i].id);
            }
        }
      /* Tidy again: nothing moves. */
      {
        g_autofree KsMapNode *again = g_memdup2 (map.nodes, map.n_nodes * sizeof (KsMapNode));

        ks_map_layout_tidy (again, map.n_nodes, map.lines, map.n_lines, layout);
        for (guint i = 0; i < map.n_nodes; i++)
          if (fabs (again[i].x - map.nodes[i].x) > 1e-6 || fabs (again[i].y - map.nodes[i].y) > 1e-6)
            g_error ("seed %u: a second tidy moved %" G_GINT64_FORMAT " from %g,%g to %g,%g", seed,
                     map.nodes[i].id, map.nodes[i].x, map.nodes[i].y, again[i].x, again[i].y);
      }
      /* Competitors and third parties stand to the right of every contact. */
      for (guint i = 0; i < map.n_nodes; i++)
        if (map.nodes[i].kind != KS_NODE_CONTACT)
          {
            KsMapRect r;

            ks_map_layout_get_node_rect (layout, i, &r);
            g_assert_cmpfloat (r.x, >, contacts_right);
          }
      random_map_clear (&map);
    }
}

static void
test_tidy_roots (void)
{
  /* Three bosses, each with two reports, and two loners. */
  KsMapNode nodes[11];
  KsMapLine lines[6];
  g_autoptr(KsMapLayout) measured = NULL;
  g_autoptr(KsMapLayout) layout = NULL;
  KsMapRect roots[3], loner;

  for (guint i = 0; i < 11; i++)
    {
      nodes[i] = contact (i + 1, "Person", 0, 0);
      nodes[i].placed = FALSE;
    }
  for (guint t = 0; t < 3; t++)
    for (guint k = 0; k < 2; k++)
      lines[t * 2 + k] = (KsMapLine) { t * 2 + k + 1, 4 + t * 2 + k, 1 + t, KS_LINE_REPORTS_TO, 0 };
  measured = ks_map_layout_new (nodes, 11, lines, 6, palette, NULL);
  ks_map_layout_tidy (nodes, 11, lines, 6, measured);
  layout = ks_map_layout_new (nodes, 11, lines, 6, palette, NULL);
  assert_disjoint (layout, nodes, 11);

  for (guint t = 0; t < 3; t++)
    roots[t] = node_rect (layout, t + 1);
  /* Side by side on one row, in the order they came. */
  g_assert_cmpfloat (roots[0].y, ==, roots[1].y);
  g_assert_cmpfloat (roots[1].y, ==, roots[2].y);
  g_assert_cmpfloat (roots[0].x, <, roots[1].x);
  g_assert_cmpfloat (roots[1].x, <, roots[2].x);
  /* Each tree keeps to its own span: the reports of tree 0 are left of those of tree 1. */
  g_assert_cmpfloat (node_rect (layout, 5).x + node_rect (layout, 5).width, <, node_rect (layout, 6).x);
  /* Bosses centred over their reports. */
  for (guint t = 0; t < 3; t++)
    {
      KsMapRect a = node_rect (layout, 4 + t * 2), b = node_rect (layout, 5 + t * 2);
      double mid = (a.x + a.width / 2 + b.x + b.width / 2) / 2;

      g_assert_cmpfloat_with_epsilon (roots[t].x + roots[t].width / 2, mid, 1e-6);
      g_assert_cmpfloat (a.y, >, roots[t].y + roots[t].height);
    }
  /* The loners wait in a row below the trees. */
  loner = node_rect (layout, 10);
  g_assert_cmpfloat (loner.y, >, node_rect (layout, 4).y + node_rect (layout, 4).height);
  g_assert_cmpfloat (node_rect (layout, 11).y, ==, loner.y);

  /* Tidy again: nothing moves. */
  {
    KsMapNode again[11];

    memcpy (again, nodes, sizeof nodes);
    ks_map_layout_tidy (again, 11, lines, 6, layout);
    for (guint i = 0; i < 11; i++)
      {
        g_assert_cmpfloat_with_epsilon (again[i].x, nodes[i].x, 1e-6);
        g_assert_cmpfloat_with_epsilon (again[i].y, nodes[i].y, 1e-6);
      }
  }
}

static void
test_tidy_stacks (void)
{
  /* A boss with ten reports who have none: two columns under a trunk, the
   * lines entering from the side. */
  KsMapNode nodes[11];
  KsMapLine lines[10];
  g_autoptr(KsMapLayout) measured = NULL;
  g_autoptr(KsMapLayout) layout = NULL;
  KsMapRect boss;
  guint left = 0, right = 0;

  for (guint i = 0; i < 11; i++)
    {
      nodes[i] = contact (i + 1, "Person", 0, 0);
      nodes[i].placed = FALSE;
    }
  for (guint i = 0; i < 10; i++)
    lines[i] = (KsMapLine) { i + 1, i + 2, 1, KS_LINE_REPORTS_TO, 0 };
  measured = ks_map_layout_new (nodes, 11, lines, 10, palette, NULL);
  ks_map_layout_tidy (nodes, 11, lines, 10, measured);
  layout = ks_map_layout_new (nodes, 11, lines, 10, palette, NULL);
  assert_disjoint (layout, nodes, 11);
  boss = node_rect (layout, 1);
  for (guint i = 0; i < 10; i++)
    {
      KsMapRect r = node_rect (layout, i + 2);
      KsMapLineGeometry g;
      double trunk = boss.x + boss.width / 2;

      g_assert_cmpfloat (r.y, >, boss.y + boss.height);
      if (r.x > trunk)
        right++;
      else
        left++;
      ks_map_layout_get_line_geometry (layout, i, &g);
      g_assert_cmpuint (g.n_points, ==, 3);
      g_assert_cmpfloat_with_epsilon (g.x[0], trunk, 1e-9);
      g_assert_cmpfloat_with_epsilon (g.x[1], trunk, 1e-9);
      g_assert_cmpfloat_with_epsilon (g.y[2], r.y + r.height / 2, 1e-9);
      g_assert_true (fabs (g.x[2] - r.x) < 1e-9 || fabs (g.x[2] - r.x - r.width) < 1e-9);
    }
  g_assert_cmpuint (left, ==, 5);
  g_assert_cmpuint (right, ==, 5);
}

static void
test_tidy_compact (void)
{
  /* A full tree, four reports per boss over four levels: 341 contacts side by
   * side would be some 80 cards wide. Tidy hangs the lower levels from
   * trunks until the map has about the shape of a screen. */
  guint n = 1 + 4 + 16 + 64 + 256;
  g_autofree KsMapNode *nodes = g_new0 (KsMapNode, n);
  g_autofree KsMapLine *lines = g_new0 (KsMapLine, n);
  g_autoptr(KsMapLayout) measured = NULL;
  g_autoptr(KsMapLayout) layout = NULL;
  KsMapRect bounds;

  for (guint i = 0; i < n; i++)
    {
      nodes[i] = contact (i + 1, "Someone Withaname", 0, 0);
      nodes[i].placed = FALSE;
      if (i > 0)
        lines[i - 1] = (KsMapLine) { i, i + 1, (i - 1) / 4 + 1, KS_LINE_REPORTS_TO, 0 };
    }
  measured = ks_map_layout_new (nodes, n, lines, n - 1, palette, NULL);
  ks_map_layout_tidy (nodes, n, lines, n - 1, measured);
  layout = ks_map_layout_new (nodes, n, lines, n - 1, palette, NULL);
  assert_disjoint (layout, nodes, n);
  ks_map_layout_get_bounds (layout, &bounds);
  g_assert_cmpfloat (bounds.width / bounds.height, <, 3.0);
  g_assert_cmpfloat (bounds.width / bounds.height, >, 0.8);
  for (guint i = 1; i < n; i++)
    {
      KsMapRect r = node_rect (layout, i + 1), b = node_rect (layout, (i - 1) / 4 + 1);
      g_assert_cmpfloat (r.y, >, b.y + b.height);
    }
}

static void
test_tidy_pinned (void)
{
  for (guint seed = 1; seed <= 30; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed * 7919);
      guint n = g_rand_int_range (rand, 2, seed < 5 ? 500 : 150);
      g_autoptr(KsMapLayout) layout = NULL;
      g_autofree double *px = NULL, *py = NULL;
      RandomMap map;
      guint pinned = 0;

      random_map (&map, rand, n, TRUE);
      px = g_new (double, map.n_nodes);
      py = g_new (double, map.n_nodes);
      for (guint i = 0; i < map.n_nodes; i++)
        {
          /* Pin about one in six, on a coarse grid where the tidy layout
           * will want to be too. */
          map.nodes[i].pinned = g_rand_int_range (rand, 0, 6) == 0;
          if (map.nodes[i].pinned)
            {
              map.nodes[i].placed = TRUE;
              map.nodes[i].x = 400.0 * g_rand_int_range (rand, -3, 12);
              map.nodes[i].y = 250.0 * g_rand_int_range (rand, -2, 8);
              pinned++;
            }
          px[i] = map.nodes[i].x;
          py[i] = map.nodes[i].y;
        }
      layout = tidy (&map);
      for (guint i = 0; i < map.n_nodes; i++)
        if (map.nodes[i].pinned)
          {
            g_assert_cmpfloat (map.nodes[i].x, ==, px[i]);
            g_assert_cmpfloat (map.nodes[i].y, ==, py[i]);
          }
      assert_disjoint (layout, map.nodes, map.n_nodes);
      g_assert_cmpuint (pinned, <=, map.n_nodes);
      random_map_clear (&map);
    }
}

static void
test_tidy_cycles (void)
{
  /* Everyone reports to the next, the last to the first; two bosses for one;
   * someone reports to a competitor. Tidy still ends, and nothing overlaps. */
  KsMapNode nodes[8];
  KsMapLine lines[10];
  g_autoptr(KsMapLayout) measured = NULL;
  g_autoptr(KsMapLayout) layout = NULL;

  for (guint i = 0; i < 8; i++)
    nodes[i] = contact (i + 1, "Circular", 0, 0);
  nodes[7].kind = KS_NODE_COMPETITOR;
  for (guint i = 0; i < 7; i++)
    lines[i] = (KsMapLine) { i + 1, i + 1, (i + 1) % 7 + 1, KS_LINE_REPORTS_TO, 0 };
  lines[7] = (KsMapLine) { 8, 3, 6, KS_LINE_REPORTS_TO, 0 };
  lines[8] = (KsMapLine) { 9, 4, 8, KS_LINE_REPORTS_TO, 0 };
  lines[9] = (KsMapLine) { 10, 5, 5, KS_LINE_REPORTS_TO, 0 };
  measured = ks_map_layout_new (nodes, 8, lines, 10, palette, NULL);
  ks_map_layout_tidy (nodes, 8, lines, 10, measured);
  layout = ks_map_layout_new (nodes, 8, lines, 10, palette, NULL);
  assert_disjoint (layout, nodes, 8);
  /* The chain 1 → 2 → … → 7 stands as a column of rows (the line 7 → 1 is dropped). */
  for (guint i = 1; i < 7; i++)
    g_assert_cmpfloat (node_rect (layout, i).y, >, node_rect (layout, i + 1).y);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  palette = ks_palette_new (KS_PALETTE_LIGHT);

  g_test_add_func ("/render/powermap-layout/card-size", test_card_size);
  g_test_add_func ("/render/powermap-layout/unplaced", test_unplaced);
  g_test_add_func ("/render/powermap-layout/line-geometry", test_line_geometry);
  g_test_add_func ("/render/powermap-layout/move-node", test_move_node);
  g_test_add_func ("/render/powermap-layout/hit/node", test_hit_node);
  g_test_add_func ("/render/powermap-layout/hit/view", test_hit_view);
  g_test_add_func ("/render/powermap-layout/hit/line", test_hit_line);
  g_test_add_func ("/render/powermap-layout/hit/legend", test_hit_legend);
  g_test_add_func ("/render/powermap-layout/hit/z-order", test_hit_z_order);
  g_test_add_func ("/render/powermap-layout/nodes-in-rect", test_nodes_in_rect);
  g_test_add_func ("/render/powermap-layout/neighbour", test_neighbour);
  g_test_add_func ("/render/powermap-layout/view-fit", test_view_fit);
  g_test_add_func ("/render/powermap-layout/tidy/random", test_tidy_random);
  g_test_add_func ("/render/powermap-layout/tidy/roots", test_tidy_roots);
  g_test_add_func ("/render/powermap-layout/tidy/stacks", test_tidy_stacks);
  g_test_add_func ("/render/powermap-layout/tidy/compact", test_tidy_compact);
  g_test_add_func ("/render/powermap-layout/tidy/pinned", test_tidy_pinned);
  g_test_add_func ("/render/powermap-layout/tidy/cycles", test_tidy_cycles);

  status = g_test_run ();
  ks_palette_free (palette);
  return status;
}
