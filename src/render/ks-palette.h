/* ks-palette.h — colours and fonts every picture is drawn with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app fills a palette from the current style (light, dark, high
 * contrast); exports and keystone-cli use the light one. Drawing code never
 * names a colour of its own.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} KsColor;

typedef enum
{
  KS_PALETTE_LIGHT,
  KS_PALETTE_DARK,
  KS_PALETTE_HIGH_CONTRAST,
} KsPaletteStyle;

typedef struct
{
  KsPaletteStyle style;
  KsColor background;     /* page / canvas */
  KsColor surface;        /* cards, boxes */
  KsColor foreground;     /* text */
  KsColor muted;          /* secondary text, axes */
  KsColor grid;           /* grid and divider lines */
  KsColor accent;
  KsColor positive;       /* good: green */
  KsColor neutral;        /* middling: yellow */
  KsColor negative;       /* bad: red */
  KsColor unknown;        /* no data: grey */
  KsColor series[8];      /* categorical colours (segments, owners, classes) */
  char   *font_family;    /* a fontconfig family, e.g. "Cantarell, sans-serif" */
  double  font_size;      /* base size in points */
} KsPalette;

KsPalette *ks_palette_new       (KsPaletteStyle   style);
KsPalette *ks_palette_copy      (const KsPalette *palette);
void       ks_palette_free      (KsPalette       *palette);
void       ks_palette_set_font  (KsPalette       *palette,
                                 const char      *family,
                                 double           size);
void       ks_color_set_source  (cairo_t         *cr,
                                 const KsColor   *color);
KsColor    ks_color_mix         (const KsColor   *a,
                                 const KsColor   *b,
                                 double           t);
/* Relative luminance (WCAG), 0 black … 1 white. */
double     ks_color_luminance   (const KsColor   *color);
/* The text colour (foreground or background) readable on @fill. */
const KsColor *ks_palette_text_on (const KsPalette *palette,
                                   const KsColor   *fill);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsPalette, ks_palette_free)

G_END_DECLS
