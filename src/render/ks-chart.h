/* ks-chart.h — pieces the portfolio charts share: rectangles, measured
 * text with cached glyphs, nice axis ticks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the render layer's chart files (matrix, ABC, ranking). Units are view
 * pixels (1 px = 1 pt in PDF and SVG).
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "ks-palette.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
} KsChartRect;

/* TRUE when the rectangles share interior area (touching edges do not). */
gboolean ks_chart_rect_overlaps   (const KsChartRect *a,
                                   const KsChartRect *b);
gboolean ks_chart_rect_contains   (const KsChartRect *rect,
                                   double             x,
                                   double             y);

/* A rectangle with corners of radius @r (at most half its shorter side). */
void     ks_chart_rounded_rect  (cairo_t           *cr,
                                 double             x,
                                 double             y,
                                 double             w,
                                 double             h,
                                 double             r);
/* @c as the source, its alpha times @alpha. */
void     ks_chart_set_source    (cairo_t           *cr,
                                 const KsColor     *c,
                                 double             alpha);

/* A PangoContext without hinting at 96 dpi, so text measures the same on
 * every surface (screen, PNG, SVG, PDF). */
PangoContext         *ks_chart_context_new (void);
/* The palette's family at @scale × its size (points), @weight. */
PangoFontDescription *ks_chart_font_new    (const KsPalette *palette,
                                            double           scale,
                                            PangoWeight      weight);
/* The palette's base font size in pixels at 96 dpi. */
double                ks_chart_font_px     (const KsPalette *palette);
/* The same at @context's resolution (96 dpi when it has none). */
double                ks_chart_context_font_px (const KsPalette *palette,
                                                PangoContext    *context);
/* The logical width of @text in @layout's font, unwrapped; 0 for NULL or "". */
double                ks_chart_text_width  (PangoLayout     *layout,
                                            const char      *text);
/* The logical height of one line of @font. */
double                ks_chart_line_height (PangoContext               *context,
                                            const PangoFontDescription *font);

typedef struct
{
  cairo_scaled_font_t *font;
  cairo_glyph_t       *glyphs;     /* relative to the text's top-left corner */
  int                  n_glyphs;
} KsChartGlyphRun;

/* One measured piece of text. Drawing replays the glyphs pango shaped (one
 * cairo_show_glyphs per run); surfaces that keep text (PDF, SVG) get it
 * through pango, so it stays searchable. */
typedef struct
{
  PangoLayout     *layout;
  KsChartGlyphRun *runs;
  guint            n_runs;
  gboolean         fallback;       /* pango must draw it (e.g. missing glyph boxes) */
  double           width, height;  /* logical size, pixels */
} KsChartText;

/* Measures @text in @font. @max_width > 0 ellipsizes at the end (one line),
 * or with @wrap breaks into at most @max_lines lines, the last ellipsized. */
void     ks_chart_text_init     (KsChartText                *text,
                                 PangoContext               *context,
                                 const PangoFontDescription *font,
                                 const char                 *string,
                                 double                      max_width,
                                 gboolean                    wrap,
                                 int                         max_lines);
void     ks_chart_text_clear    (KsChartText                *text);
/* Measures @text->layout again and caches its glyphs, after the caller set
 * the layout's width, wrapping or text itself. */
void     ks_chart_text_measure  (KsChartText                *text);
/* TRUE when @cr draws into a file that keeps the text behind its glyphs
 * (PDF, PostScript, SVG: searchable, copyable): ks_chart_text_show() then
 * draws through pango. Screens, images and the app's snapshots (recording
 * surfaces) get the glyphs alone. */
gboolean ks_chart_target_keeps_text (cairo_t                    *cr);
/* Draws @text with its top-left corner at (@x, @y) in the current source. */
void     ks_chart_text_show     (cairo_t                    *cr,
                                 const KsChartText          *text,
                                 double                      x,
                                 double                      y);
/* Ticks for [@lo, @hi]: a step of 1, 2 or 5 × 10^k giving about @target
 * ticks; with @extend the range grows to whole steps. Writes the range and
 * the step. */
void     ks_chart_nice_range    (double                     *lo,
                                 double                     *hi,
                                 guint                       target,
                                 gboolean                    extend,
                                 double                     *step);
/* The tick label of @value for @step (as many decimals as the step needs),
 * grouped as ks_format_fixed(). */
char    *ks_chart_tick_label    (double                      value,
                                 double                      step);

/* What a chart draws when it has nothing to show, instead of claiming
 * results: a title and one sentence, measured once by _init (wrapped to
 * @width), drawn centred in @area on a card of the palette's surface. */
typedef struct
{
  KsChartText title;
  KsChartText detail;
} KsChartMessage;

void     ks_chart_message_init  (KsChartMessage             *message,
                                 PangoContext               *context,
                                 const KsPalette            *palette,
                                 const char                 *title,
                                 const char                 *detail,
                                 double                      width);
void     ks_chart_message_clear (KsChartMessage             *message);
void     ks_chart_message_draw  (cairo_t                    *cr,
                                 const KsChartMessage       *message,
                                 const KsPalette            *palette,
                                 const KsChartRect          *area);

G_END_DECLS
