/* bench-util.c — what the drawing benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"

gboolean
bench_parse_options (int                argc,
                     char              *argv[],
                     const BenchOption *options,
                     guint              n_options,
                     const char       **out)
{
  for (int i = 1; i < argc; i++)
    {
      gboolean known = FALSE;

      for (guint o = 0; o < n_options && !known; o++)
        if (g_str_equal (argv[i], options[o].name) && i + 1 < argc)
          {
            *options[o].value = (guint) atoi (argv[++i]);
            known = TRUE;
          }
      if (known)
        continue;
      if (g_str_equal (argv[i], "--out") && i + 1 < argc)
        *out = argv[++i];
      else
        {
          g_autoptr(GString) usage = g_string_new (NULL);

          g_string_printf (usage, "usage: %s", argv[0]);
          for (guint o = 0; o < n_options; o++)
            g_string_append_printf (usage, " [%s N]", options[o].name);
          g_printerr ("%s [--out DIR]\n", usage->str);
          return FALSE;
        }
    }
  return TRUE;
}

double
bench_now (void)
{
  return g_get_monotonic_time () / 1000.0;
}

void
bench_row (const char *figure,
           double      keystone,
           double      baseline)
{
  if (baseline > 0)
    printf ("%-52s %9.2f ms %9.2f ms %7.2f×\n", figure, keystone, baseline, keystone / baseline);
  else
    printf ("%-52s %9.2f ms %12s %8s\n", figure, keystone, "–", "–");
}

void
bench_write_png (cairo_surface_t *surface,
                 const char      *path)
{
  cairo_surface_flush (surface);
  cairo_surface_write_to_png (surface, path ? path : "/dev/null");
}

void
bench_show_glyphs (cairo_t           *cr,
                   const KsChartText *text,
                   double             x,
                   double             y)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  for (guint k = 0; k < text->n_runs; k++)
    {
      cairo_set_scaled_font (cr, text->runs[k].font);
      cairo_show_glyphs (cr, text->runs[k].glyphs, text->runs[k].n_glyphs);
    }
  cairo_restore (cr);
}
