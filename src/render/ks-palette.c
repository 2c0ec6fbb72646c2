/* ks-palette.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The colours follow the GNOME palette (libadwaita's named colours), so the
 * pictures sit well inside the app in each style.
 */
#define G_LOG_DOMAIN "ks-palette"

#include <math.h>

#include "ks-palette.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

static const KsPalette light = {
  KS_PALETTE_LIGHT,
  RGB (0xfafafa), RGB (0xffffff), RGB (0x241f31), RGB (0x5e5c64), RGB (0xdeddda), RGB (0x3584e4),
  RGB (0x2ec27e), RGB (0xe5a50a), RGB (0xe01b24), RGB (0x9a9996),
  { RGB (0x3584e4), RGB (0x33d17a), RGB (0xf6d32d), RGB (0xff7800),
    RGB (0x9141ac), RGB (0xe01b24), RGB (0x986a44), RGB (0x77767b) },
  NULL, 10.0,
};

static const KsPalette dark = {
  KS_PALETTE_DARK,
  RGB (0x242424), RGB (0x303030), RGB (0xffffff), RGB (0xc0bfbc), RGB (0x484848), RGB (0x78aeed),
  RGB (0x57e389), RGB (0xf8e45c), RGB (0xff7b63), RGB (0x9a9996),
  { RGB (0x62a0ea), RGB (0x57e389), RGB (0xf8e45c), RGB (0xffa348),
    RGB (0xc061cb), RGB (0xf66151), RGB (0xcdab8f), RGB (0xc0bfbc) },
  NULL, 10.0,
};

static const KsPalette high_contrast = {
  KS_PALETTE_HIGH_CONTRAST,
  RGB (0xffffff), RGB (0xffffff), RGB (0x000000), RGB (0x000000), RGB (0x000000), RGB (0x1a5fb4),
  RGB (0x26a269), RGB (0x986a44), RGB (0xa51d2d), RGB (0x5e5c64),
  { RGB (0x1a5fb4), RGB (0x26a269), RGB (0x986a44), RGB (0xc64600),
    RGB (0x613583), RGB (0xa51d2d), RGB (0x63452c), RGB (0x3d3846) },
  NULL, 10.0,
};

KsPalette *
ks_palette_new (KsPaletteStyle style)
{
  const KsPalette *base = style == KS_PALETTE_DARK ? &dark
                        : style == KS_PALETTE_HIGH_CONTRAST ? &high_contrast
                        : &light;
  KsPalette *self = ks_palette_copy (base);
  ks_palette_set_font (self, "Cantarell, DejaVu Sans, sans-serif", 10.0);
  return self;
}

KsPalette *
ks_palette_copy (const KsPalette *palette)
{
  KsPalette *self;

  g_return_val_if_fail (palette != NULL, NULL);

  self = g_memdup2 (palette, sizeof *palette);
  self->font_family = g_strdup (palette->font_family);
  return self;
}

void
ks_palette_free (KsPalette *palette)
{
  if (!palette)
    return;
  g_free (palette->font_family);
  g_free (palette);
}

void
ks_palette_set_font (KsPalette  *palette,
                     const char *family,
                     double      size)
{
  g_return_if_fail (palette != NULL);
  g_return_if_fail (family != NULL && size > 0);

  g_free (palette->font_family);
  palette->font_family = g_strdup (family);
  palette->font_size = size;
}

void
ks_color_set_source (cairo_t       *cr,
                     const KsColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

KsColor
ks_color_mix (const KsColor *a,
              const KsColor *b,
              double         t)
{
  t = CLAMP (t, 0.0, 1.0);
  return (KsColor) {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
    a->alpha + (b->alpha - a->alpha) * t,
  };
}

static double
linear (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
ks_color_luminance (const KsColor *color)
{
  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green) + 0.0722 * linear (color->blue);
}

static double
contrast (double l1,
          double l2)
{
  return (MAX (l1, l2) + 0.05) / (MIN (l1, l2) + 0.05);
}

const KsColor *
ks_palette_text_on (const KsPalette *palette,
                    const KsColor   *fill)
{
  double lf = ks_color_luminance (fill);
  const KsColor *dark_text, *light_text;

  if (ks_color_luminance (&palette->foreground) < ks_color_luminance (&palette->background))
    dark_text = &palette->foreground, light_text = &palette->background;
  else
    dark_text = &palette->background, light_text = &palette->foreground;

  return contrast (lf, ks_color_luminance (dark_text)) >= contrast (lf, ks_color_luminance (light_text))
           ? dark_text : light_text;
}
