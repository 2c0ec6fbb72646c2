/* bench-util.h — what the drawing benchmarks share: options, timing, the
 * table they print, their PNGs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ks-chart.h"

G_BEGIN_DECLS

/* One "--NAME N" option of a benchmark. */
typedef struct
{
  const char *name;    /* "--tasks" */
  guint      *value;
} BenchOption;

/* Reads @options and "--out DIR" (into @out) from the command line; FALSE
 * after printing the usage (every option, then [--out DIR]) on stderr. */
gboolean bench_parse_options (int                argc,
                              char              *argv[],
                              const BenchOption *options,
                              guint              n_options,
                              const char       **out);
/* Milliseconds, monotonic. */
double   bench_now           (void);
/* A row of the table: figure, Keystone, baseline, ratio (a baseline of 0: none). */
void     bench_row           (const char        *figure,
                              double             keystone,
                              double             baseline);
/* The surface as a PNG at @path, or to /dev/null (the same work) without one. */
void     bench_write_png     (cairo_surface_t   *surface,
                              const char        *path);
/* A baseline's text: @text's glyph runs at (@x, @y), in the current source. */
void     bench_show_glyphs   (cairo_t           *cr,
                              const KsChartText *text,
                              double             x,
                              double             y);

G_END_DECLS
