/* test-powermap-draw.c — render: power map pixels, legend, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <math.h>
#include <string.h>

#include "ks-export.h"
#include "ks-palette.h"
#include "ks-powermap-draw.h"
#include "ks-powermap-layout.h"
#include "ks-test-util.h"

#define W 900
#define H 700

static KsMapNode
card (gint64          id,
      const char     *name,
      KsRelationship  relationship,
      double          x,
      double          y)
{
  KsMapNode node = { 0 };

  node.id = id;
  node.name = name;
  node.kind = KS_NODE_CONTACT;
  node.power = KS_POWER_HIGH;
  node.relationship = relationship;
  node.placed = TRUE;
  node.x = x;
  node.y = y;
  return node;
}

/* Four short cards (nothing drawn at their centres but the fill), one per
 * relationship, on whole pixels, away from the legend in the bottom left. */
static KsMapNode small_map[] = {
  { 1, "Al", NULL, NULL, KS_NODE_CONTACT, KS_POWER_HIGH, KS_RELATIONSHIP_POSITIVE, 0, 0, 0, TRUE, 200, 100, FALSE },
  { 2, "Bo", NULL, NULL, KS_NODE_CONTACT, KS_POWER_MEDIUM, KS_RELATIONSHIP_NEUTRAL, 0, 0, 0, TRUE, 500, 100, FALSE },
  { 3, "Cy", NULL, NULL, KS_NODE_CONTACT, KS_POWER_LOW, KS_RELATIONSHIP_POOR, 0, 0, 0, TRUE, 200, 260, FALSE },
  { 4, "Di", NULL, NULL, KS_NODE_CONTACT, KS_POWER_UNKNOWN, KS_RELATIONSHIP_UNKNOWN, 0, 0, 0, TRUE, 500, 260, FALSE },
};
static KsMapLine small_lines[] = {
  { 1, 3, 1, KS_LINE_REPORTS_TO, 0 },
  { 2, 4, 2, KS_LINE_REPORTS_TO, 0 },
  { 3, 2, 1, KS_LINE_INFLUENCE, 2 },
};

static guint32
pixel (cairo_surface_t *s,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (s);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (s));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (s));
  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (s) + x * 4) & 0xffffff;
}

static guint32
rgb (const KsColor *c)
{
  return (guint32) lround (c->red * 255) << 16 | (guint32) lround (c->green * 255) << 8
         | (guint32) lround (c->blue * 255);
}

static void
assert_colour (guint32        got,
               const KsColor *want,
               const char    *what)
{
  guint32 w = rgb (want);

  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((got >> shift) & 0xff) - (int) ((w >> shift) & 0xff)) > 2)
      g_error ("%s: got #%06x, want #%06x", what, got, w);
}

static cairo_surface_t *
draw (const KsMapLayout    *layout,
      const KsPalette      *palette,
      const KsMapDrawState *state)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (s);

  ks_map_draw (cr, layout, palette, state);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  return s;
}

static KsMapDrawState
plain_state (void)
{
  KsMapDrawState state = { 0 };

  state.view = (KsMapView) { 1, 0, 0, W, H, KS_MAP_CORNER_BOTTOM_LEFT, 3 };
  return state;
}

static void
check_colours (KsPaletteStyle style)
{
  g_autoptr(KsPalette) palette = ks_palette_new (style);
  g_autoptr(KsMapLayout) layout = ks_map_layout_new (small_map, 4, small_lines, 3, palette, NULL);
  KsMapDrawState state = plain_state ();
  const KsColor *borders[] = { &palette->positive, &palette->neutral, &palette->negative, &palette->unknown };
  cairo_surface_t *s = draw (layout, palette, &state);

  /* The canvas. */
  assert_colour (pixel (s, W - 5, 5), &palette->background, "background");
  for (guint i = 0; i < 4; i++)
    {
      KsMapRect r;
      int cy, left;

      ks_map_layout_get_node_rect (layout, i, &r);
      cy = (int) (r.y + r.height / 2);
      left = (int) floor (r.x) + 1;
      /* The border, its colour the relationship's, on the left and right
       * edges and along the bottom. */
      assert_colour (pixel (s, left, cy), borders[i], "left border");
      assert_colour (pixel (s, (int) ceil (r.x + r.width) - 2, cy + 4), borders[i], "right border");
      assert_colour (pixel (s, (int) (r.x + r.width / 2) + 20, (int) ceil (r.y + r.height) - 2),
                     borders[i], "bottom border");
      /* The card's fill at its centre (the name is short and sits left). */
      assert_colour (pixel (s, (int) (r.x + r.width / 2), cy), &palette->surface, "card fill");
      assert_colour (pixel (s, (int) (r.x + r.width / 2) + 30, cy + 5), &palette->surface, "card fill");
      /* The high-power badge is solid foreground. */
      if (i == 0)
        assert_colour (pixel (s, (int) r.x + 20, (int) r.y + 14), &palette->foreground, "power badge");
      /* Outside the card, a few pixels to the left: the canvas again. */
      assert_colour (pixel (s, (int) floor (r.x) - 6, cy), &palette->background, "beside the card");
    }
  cairo_surface_destroy (s);
}

static void
test_colours_light (void)
{
  check_colours (KS_PALETTE_LIGHT);
}

static void
test_colours_dark (void)
{
  check_colours (KS_PALETTE_DARK);
}

static void
test_legend (void)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autoptr(KsMapLayout) layout = ks_map_layout_new (small_map, 4, small_lines, 3, palette, NULL);
  static const KsMapCorner corners[] = {
    KS_MAP_CORNER_BOTTOM_LEFT, KS_MAP_CORNER_BOTTOM_RIGHT, KS_MAP_CORNER_TOP_RIGHT,
  };

  for (guint c = 0; c < G_N_ELEMENTS (corners); c++)
    {
      KsMapDrawState state = plain_state ();
      cairo_surface_t *s;
      KsMapRect legend;
      guint not_background = 0, ink = 0, total = 0;
      guint32 bg = rgb (&palette->background);

      state.view.legend_corner = corners[c];
      state.view.legend_columns = c == 2 ? 2 : 3;
      /* Move the map out of the way of every corner's legend. */
      state.view.offset_y = corners[c] == KS_MAP_CORNER_TOP_RIGHT ? 300 : 0;
      s = draw (layout, palette, &state);
      ks_map_layout_get_legend_rect (layout, &state.view, &legend);
      g_assert_cmpfloat (legend.width, >, 100);
      g_assert_cmpfloat (legend.height, >, 100);
      for (int y = (int) legend.y + 2; y < (int) (legend.y + legend.height) - 2; y++)
        for (int x = (int) legend.x + 2; x < (int) (legend.x + legend.width) - 2; x++)
          {
            guint32 p = pixel (s, x, y);

            total++;
            not_background += p != bg;
            /* Dark pixels: text and symbols. */
            ink += ((p >> 16 & 0xff) + (p >> 8 & 0xff) + (p & 0xff)) < 3 * 140;
          }
      /* The legend's box covers the canvas, and it says something. */
      g_assert_cmpuint (not_background, >, total * 9 / 10);
      g_assert_cmpuint (ink, >, total / 100);
      /* The corner it was asked for. */
      if (corners[c] == KS_MAP_CORNER_BOTTOM_RIGHT || corners[c] == KS_MAP_CORNER_TOP_RIGHT)
        g_assert_cmpfloat (legend.x + legend.width, >, W - 20);
      else
        g_assert_cmpfloat (legend.x, <, 20);
      cairo_surface_destroy (s);
    }
}

static void
test_selection (void)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autoptr(KsMapLayout) layout = ks_map_layout_new (small_map, 4, small_lines, 3, palette, NULL);
  KsMapDrawState state = plain_state ();
  gint64 selected[] = { 2 }, changed[] = { 3 };
  cairo_surface_t *s;
  KsMapRect r, c;

  state.selected_nodes = selected;
  state.n_selected_nodes = 1;
  state.changed_nodes = changed;
  state.n_changed_nodes = 1;
  s = draw (layout, palette, &state);
  ks_map_layout_get_node_rect (layout, 1, &r);
  /* The accent outline, four pixels outside the card. */
  assert_colour (pixel (s, (int) floor (r.x) - 4, (int) (r.y + r.height / 2)), &palette->accent, "selection");
  /* The link handle on the selected card's right edge. */
  assert_colour (pixel (s, (int) (r.x + r.width) + 4, (int) (r.y + r.height / 2) - 4), &palette->accent,
                 "handle");
  /* A "Changed" tag in the accent colour over the top border of card 3. */
  ks_map_layout_get_node_rect (layout, 2, &c);
  {
    guint accent = 0;

    for (int x = (int) (c.x + c.width / 2); x < (int) (c.x + c.width); x++)
      accent += pixel (s, x, (int) c.y - 3) == rgb (&palette->accent);
    g_assert_cmpuint (accent, >, 10);
  }
  cairo_surface_destroy (s);
}

static void
test_text_stays_inside (void)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  KsMapNode node = card (1, "Maximiliane Alexandra Bartholomäus-Wittgenstein von und zu Hohenlohe-Schillingsfürst",
                         KS_RELATIONSHIP_POSITIVE, 300, 150);
  g_autoptr(KsMapLayout) layout = NULL;
  KsMapDrawState state = plain_state ();
  guint32 bg = rgb (&palette->background);
  cairo_surface_t *s;
  KsMapRect r;

  node.title = "Senior Vice President of Global Procurement, Supplier Quality and Logistics";
  node.roles = 0x3f;
  node.owner_initials = "ABCDEFG";
  node.attitude = KS_ATTITUDE_OPPONENT;
  layout = ks_map_layout_new (&node, 1, NULL, 0, palette, NULL);
  s = draw (layout, palette, &state);
  ks_map_layout_get_node_rect (layout, 0, &r);
  /* Nothing but canvas right of the card (past the shadow) and below it. */
  for (int y = 0; y < (int) (r.y + r.height) + 20; y++)
    for (int x = (int) ceil (r.x + r.width) + 2; x < (int) ceil (r.x + r.width) + 60; x++)
      if (pixel (s, x, y) != bg)
        g_error ("ink at %d,%d, right of the card", x, y);
  for (int x = 0; x < (int) (r.x + r.width); x++)
    g_assert_cmphex (pixel (s, x, (int) ceil (r.y + r.height) + 4), ==, bg);
  cairo_surface_destroy (s);
}

static void
test_zoomed_out (void)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autoptr(KsMapLayout) layout = ks_map_layout_new (small_map, 4, small_lines, 3, palette, NULL);
  KsMapDrawState state = plain_state ();
  cairo_surface_t *s;
  KsMapRect r;
  guint positive = 0;

  /* At a tenth, cards are boxes in their relationship's colour. */
  state.view.scale = 0.1;
  state.view.offset_x = 400;
  state.view.offset_y = 100;
  s = draw (layout, palette, &state);
  ks_map_layout_get_node_rect (layout, 0, &r);
  for (int y = 0; y < 60; y++)
    for (int x = 400; x < 460; x++)
      positive += pixel (s, x, y + 100) == rgb (&palette->positive);
  g_assert_cmpuint (positive, >, 10);
  cairo_surface_destroy (s);
}

static void
test_interaction (void)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_DARK);
  g_autoptr(KsMapLayout) layout = ks_map_layout_new (small_map, 4, small_lines, 3, palette, NULL);
  KsMapDrawState state = plain_state ();
  gint64 lines[] = { 3 }, removed[] = { 4 }, added[] = { 1 };
  cairo_surface_t *s;

  /* Everything the canvas may ask for at once draws without complaint. */
  state.selected_lines = lines;
  state.n_selected_lines = 1;
  state.hover_node = 1;
  state.hover_handle = TRUE;
  state.hover_line = 1;
  state.focus_node = 2;
  state.removed_nodes = removed;
  state.n_removed_nodes = 1;
  state.added_nodes = added;
  state.n_added_nodes = 1;
  state.link_from = 3;
  state.link_x = 700;
  state.link_y = 400;
  state.show_rubber_band = TRUE;
  state.rubber_band = (KsMapRect) { 600, 300, 120, 80 };
  s = draw (layout, palette, &state);
  /* The rubber band's inside is the canvas tinted with the accent. */
  g_assert_cmphex (pixel (s, 660, 340), !=, rgb (&palette->background));
  cairo_surface_destroy (s);

  /* Layers: only the background. */
  state = plain_state ();
  state.layers = KS_MAP_LAYER_BACKGROUND;
  s = draw (layout, palette, &state);
  for (int y = 0; y < H; y += 7)
    for (int x = 0; x < W; x += 7)
      g_assert_cmphex (pixel (s, x, y), ==, rgb (&palette->background));
  cairo_surface_destroy (s);

  /* No state: scale 1, legend bottom left of the clip. */
  s = draw (layout, palette, NULL);
  {
    KsMapRect r;

    ks_map_layout_get_node_rect (layout, 0, &r);
    assert_colour (pixel (s, (int) floor (r.x) + 1, (int) (r.y + r.height / 2)), &palette->positive, "border");
  }
  cairo_surface_destroy (s);
}

static void
test_export (void)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autoptr(KsMapLayout) layout = ks_map_layout_new (small_map, 4, small_lines, 3, palette, NULL);
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "map.bmp", NULL);
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg_bytes = NULL;
  g_autoptr(GBytes) pdf_bytes = NULL;
  cairo_surface_t *s;

  g_assert_true (ks_map_export (png, layout, palette, 1280, 720, &error));
  g_assert_no_error (error);
  s = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (s), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (s), ==, 720);
  assert_colour (pixel (s, 2, 2), &palette->background, "page");
  cairo_surface_destroy (s);

  g_assert_true (ks_map_export (svg, layout, palette, 842, 595, &error));
  g_assert_true (ks_map_export (pdf, layout, palette, 842, 595, &error));
  g_assert_no_error (error);
  pdf_bytes = ks_test_read_bytes (pdf);
  g_assert_cmpint (memcmp (g_bytes_get_data (pdf_bytes, NULL), "%PDF", 4), ==, 0);
  svg_bytes = ks_test_read_bytes (svg);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg_bytes, NULL), g_bytes_get_size (svg_bytes), "<svg"));
  if (rsvg)
    {
      g_autofree char *out = g_build_filename (dir, "svg.png", NULL);
      const char *argv[] = { rsvg, "-o", out, svg, NULL };
      int status = -1;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                                   &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, &error));
      g_assert_no_error (error);
      s = cairo_image_surface_create_from_png (out);
      g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
      /* 842 pt, at 72 or 96 pixels an inch depending on rsvg's version. */
      g_assert_true (cairo_image_surface_get_width (s) == 842 || cairo_image_surface_get_width (s) == 1123);
      cairo_surface_destroy (s);
    }
  else
    g_test_message ("rsvg-convert is not installed: the SVG was not parsed");

  g_assert_false (ks_map_export (bad, layout, palette, 100, 100, &error));
  g_assert_error (error, KS_EXPORT_ERROR, KS_EXPORT_ERROR_FORMAT);
}

static void
test_export_empty (void)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_HIGH_CONTRAST);
  g_autoptr(KsMapLayout) layout = ks_map_layout_new (NULL, 0, NULL, 0, palette, NULL);
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "empty.png", NULL);
  g_autoptr(GError) error = NULL;

  /* An empty map still has its legend. */
  g_assert_true (ks_map_export (png, layout, palette, 640, 480, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/powermap-draw/colours/light", test_colours_light);
  g_test_add_func ("/render/powermap-draw/colours/dark", test_colours_dark);
  g_test_add_func ("/render/powermap-draw/legend", test_legend);
  g_test_add_func ("/render/powermap-draw/selection", test_selection);
  g_test_add_func ("/render/powermap-draw/text-stays-inside", test_text_stays_inside);
  g_test_add_func ("/render/powermap-draw/zoomed-out", test_zoomed_out);
  g_test_add_func ("/render/powermap-draw/interaction", test_interaction);
  g_test_add_func ("/render/powermap-draw/export", test_export);
  g_test_add_func ("/render/powermap-draw/export-empty", test_export_empty);

  return g_test_run ();
}
