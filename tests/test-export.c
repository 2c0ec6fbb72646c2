/* test-export.c — render: one drawing function into PNG, SVG and PDF; palettes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <string.h>

#include "ks-export.h"
#include "ks-palette.h"
#include "ks-test-util.h"

static void
draw_two_boxes (cairo_t *cr,
                double   width,
                double   height,
                gpointer user_data)
{
  KsPalette *palette = user_data;

  ks_color_set_source (cr, &palette->background);
  cairo_paint (cr);
  ks_color_set_source (cr, &palette->accent);
  cairo_rectangle (cr, 0, 0, width / 2, height);
  cairo_fill (cr);
}

static guint32
pixel_at (cairo_surface_t *s,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (s);
  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (s) + x * 4) & 0xffffff;
}

static void
test_png_pixels (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "boxes.png", NULL);
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *s;

  g_assert_true (ks_export_to_file (path, 100, 40, 2, draw_two_boxes, palette, &error));
  g_assert_no_error (error);
  s = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  /* Scale 2 doubles the pixels. */
  g_assert_cmpint (cairo_image_surface_get_width (s), ==, 200);
  g_assert_cmpint (cairo_image_surface_get_height (s), ==, 80);
  /* GNOME blue 3 (#3584e4) on the left, light background (#fafafa) on the right. */
  g_assert_cmphex (pixel_at (s, 10, 10), ==, 0x3584e4);
  g_assert_cmphex (pixel_at (s, 190, 70), ==, 0xfafafa);
  cairo_surface_destroy (s);
}

static void
test_vector_formats (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *svg = g_build_filename (dir, "boxes.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "boxes.PDF", NULL);
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_DARK);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg_bytes = NULL;
  g_autoptr(GBytes) pdf_bytes = NULL;

  g_assert_true (ks_export_to_file (svg, 100, 40, 1, draw_two_boxes, palette, &error));
  g_assert_true (ks_export_to_file (pdf, 100, 40, 1, draw_two_boxes, palette, &error));
  g_assert_no_error (error);
  svg_bytes = ks_test_read_bytes (svg);
  pdf_bytes = ks_test_read_bytes (pdf);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg_bytes, NULL), g_bytes_get_size (svg_bytes), "<svg"));
  g_assert_cmpint (memcmp (g_bytes_get_data (pdf_bytes, NULL), "%PDF-", 5), ==, 0);
}

static void
test_refusals (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *txt = g_build_filename (dir, "boxes.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "dir", "boxes.png", NULL);
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;

  g_assert_false (ks_export_to_file (txt, 10, 10, 1, draw_two_boxes, palette, &error));
  g_assert_error (error, KS_EXPORT_ERROR, KS_EXPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "boxes.txt"));
  g_clear_error (&error);
  g_assert_false (ks_export_to_file (missing, 10, 10, 1, draw_two_boxes, palette, &error));
  g_assert_error (error, KS_EXPORT_ERROR, KS_EXPORT_ERROR_FAILED);
  /* Nothing half-written is left behind. */
  d = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (d));
}

static void
test_text_contrast (void)
{
  g_autoptr(KsPalette) light = ks_palette_new (KS_PALETTE_LIGHT);
  g_autoptr(KsPalette) dark = ks_palette_new (KS_PALETTE_DARK);
  KsColor yellow = { 0.97, 0.89, 0.36, 1 };
  KsColor navy = { 0.1, 0.1, 0.4, 1 };
  KsColor black = { 0, 0, 0, 1 };
  KsColor white = { 1, 1, 1, 1 };
  KsColor grey;

  /* Dark text on yellow, light text on navy, whichever palette is in use. */
  g_assert_true (ks_palette_text_on (light, &yellow) == &light->foreground);
  g_assert_true (ks_palette_text_on (light, &navy) == &light->background);
  g_assert_true (ks_palette_text_on (dark, &yellow) == &dark->background);
  g_assert_true (ks_palette_text_on (dark, &navy) == &dark->foreground);
  /* WCAG luminance: black 0, white 1; halfway mix is the arithmetic mean per channel. */
  g_assert_cmpfloat_with_epsilon (ks_color_luminance (&black), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ks_color_luminance (&white), 1.0, 1e-9);
  grey = ks_color_mix (&black, &white, 0.5);
  g_assert_cmpfloat_with_epsilon (grey.green, 0.5, 1e-9);
  /* sRGB 0.5 is about 21.4 % luminance. */
  g_assert_cmpfloat_with_epsilon (ks_color_luminance (&grey), 0.214, 0.001);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/export/png-pixels", test_png_pixels);
  g_test_add_func ("/render/export/vector-formats", test_vector_formats);
  g_test_add_func ("/render/export/refusals", test_refusals);
  g_test_add_func ("/render/palette/text-contrast", test_text_contrast);

  return g_test_run ();
}
