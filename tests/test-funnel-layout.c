/* test-funnel-layout.c — render: the funnel and forecast charts' geometry
 * (trapezoids, outflow, labels inside or beside, conversions, the
 * diagnosis panel, bars, axis, period labels), hit testing, their pixels
 * in the light and dark palettes, and their files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected widths are fractions of the funnel area's width W, read from
 * the layout (it depends on measured text); the fractions come from the
 * counts and values, worked out by hand in the comments.
 */
#include <cairo.h>
#include <math.h>
#include <string.h>

#include "ks-export.h"
#include "ks-forecast-chart.h"
#include "ks-funnel-chart.h"
#include "ks-test-util.h"

#define EPS 1e-6

static KsPalette *palette;

/* ------------------------------------------------------------- helpers */

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
    if (ABS ((int) ((got >> shift) & 0xff) - (int) ((w >> shift) & 0xff)) > 3)
      g_error ("%s: got #%06x, want #%06x", what, got, w);
}

static void
assert_no_overlap (const KsChartRect *rects,
                   guint              n,
                   const char        *what)
{
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (ks_chart_rect_overlaps (&rects[i], &rects[j]))
        g_error ("%s %u (%g,%g %g×%g) overlaps %u (%g,%g %g×%g)", what,
                 i, rects[i].x, rects[i].y, rects[i].width, rects[i].height,
                 j, rects[j].x, rects[j].y, rects[j].width, rects[j].height);
}

static KsFunnelBand
band (const char       *name,
      KsFunnelBandKind  kind,
      guint             count,
      double            value,
      double            probability,
      double            conversion)
{
  return (KsFunnelBand) { name, kind, count, value,
                          kind == KS_FUNNEL_BAND_OPEN ? value * probability / 100 : 0,
                          probability, conversion };
}

/* Open 100, 50, 25; won 20; lost 10. Values 100 000, 400 000, 50 000,
 * 80 000, 30 000; conversions 50 %, 50 %, 80 %. */
static void
sample (KsFunnelBand *b)
{
  b[0] = band ("Lead qualified", KS_FUNNEL_BAND_OPEN, 100, 100000, 10, 50);
  b[1] = band ("Proposal with price", KS_FUNNEL_BAND_OPEN, 50, 400000, 50, 50);
  b[2] = band ("Purchasing decision", KS_FUNNEL_BAND_OPEN, 25, 50000, 90, 80);
  b[3] = band ("Won", KS_FUNNEL_BAND_WON, 20, 80000, 100, NAN);
  b[4] = band ("Lost", KS_FUNNEL_BAND_LOST, 10, 30000, 0, NAN);
}

static double
top_width (const KsFunnelLayout *l,
           guint                 i)
{
  double x[4], y[4];

  g_assert_true (ks_funnel_layout_get_band_polygon (l, i, x, y));
  return x[1] - x[0];
}

static double
bottom_width (const KsFunnelLayout *l,
              guint                 i)
{
  double x[4], y[4];

  g_assert_true (ks_funnel_layout_get_band_polygon (l, i, x, y));
  return x[2] - x[3];
}

static void
band_centre (const KsFunnelLayout *l,
             guint                 i,
             double               *cx,
             double               *cy)
{
  double x[4], y[4];

  g_assert_true (ks_funnel_layout_get_band_polygon (l, i, x, y));
  *cx = (x[0] + x[1] + x[2] + x[3]) / 4;
  *cy = (y[0] + y[2]) / 2;
}

/* -------------------------------------------------------------- funnel */

static void
test_funnel_geometry (void)
{
  KsFunnelBand b[5];
  KsFunnelSpec spec = { "Funnel — all opportunities", KS_FUNNEL_SIZE_COUNT, NULL, NULL,
                        "Open 175 · $ 550 000", "$", NULL, NULL };
  g_autoptr(KsFunnelLayout) l = NULL;
  g_autoptr(KsFunnelLayout) by_value = NULL;
  KsChartRect f;
  double W, x[4], y[4], prev_bottom = -1, band_h = 0;

  sample (b);
  l = ks_funnel_layout_new (&spec, b, 5, palette, 1000, 700, NULL);
  g_assert_false (ks_funnel_layout_is_empty (l));
  g_assert_cmpuint (ks_funnel_layout_get_n_bands (l), ==, 5);
  ks_funnel_layout_get_funnel_rect (l, &f);
  W = f.width;
  g_assert_cmpfloat (W, >, 100);

  /* Top widths ∝ 100 : 50 : 25, the largest exactly W: W, W/2, W/4. */
  g_assert_cmpfloat_with_epsilon (top_width (l, 0), W, EPS);
  g_assert_cmpfloat_with_epsilon (top_width (l, 1), W / 2, EPS);
  g_assert_cmpfloat_with_epsilon (top_width (l, 2), W / 4, EPS);
  /* Each bottom is the next top; the last open narrows to won: 20/100 W. */
  g_assert_cmpfloat_with_epsilon (bottom_width (l, 0), W / 2, EPS);
  g_assert_cmpfloat_with_epsilon (bottom_width (l, 1), W / 4, EPS);
  g_assert_cmpfloat_with_epsilon (bottom_width (l, 2), W / 5, EPS);
  g_assert_cmpfloat_with_epsilon (top_width (l, 3), W / 5, EPS);
  /* Lost 10/100 W (under its cap of W/2), right-aligned to the funnel. */
  g_assert_cmpfloat_with_epsilon (top_width (l, 4), W / 10, EPS);
  g_assert_true (ks_funnel_layout_get_band_polygon (l, 4, x, y));
  g_assert_cmpfloat_with_epsilon (x[1], f.x + W, EPS);

  /* Centred on one axis, stacked top to bottom in order, touching, not
   * overlapping; the lost row below the won row. */
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (ks_funnel_layout_get_band_polygon (l, i, x, y));
      g_assert_cmpfloat_with_epsilon ((x[0] + x[1]) / 2, f.x + W / 2, EPS);
      g_assert_cmpfloat (y[0], <, y[3]);
      g_assert_cmpfloat (y[3] - y[0], >=, KS_FUNNEL_MIN_BAND_HEIGHT);
      if (i > 0)
        {
          g_assert_cmpfloat_with_epsilon (y[0], prev_bottom, EPS);
          /* equal heights */
          g_assert_cmpfloat_with_epsilon (y[3] - y[0], band_h, EPS);
        }
      band_h = y[3] - y[0];
      prev_bottom = y[3];
    }
  g_assert_true (ks_funnel_layout_get_band_polygon (l, 4, x, y));
  g_assert_cmpfloat (y[0], >, prev_bottom);
  g_assert_cmpfloat (y[3], <=, 700);

  /* By value the same bands: 100 000 : 400 000 : 50 000, so the second is
   * the widest (W) and the first W/4, the third W/8; won 80 000 would be
   * W/5, wider than the last band's W/8, so the last band keeps its own
   * width: a funnel never widens at its end. */
  spec.size_by = KS_FUNNEL_SIZE_VALUE;
  by_value = ks_funnel_layout_new (&spec, b, 5, palette, 1000, 700, NULL);
  ks_funnel_layout_get_funnel_rect (by_value, &f);
  W = f.width;
  g_assert_cmpfloat_with_epsilon (top_width (by_value, 0), W / 4, EPS);
  g_assert_cmpfloat_with_epsilon (top_width (by_value, 1), W, EPS);
  g_assert_cmpfloat_with_epsilon (top_width (by_value, 2), W / 8, EPS);
  g_assert_cmpfloat_with_epsilon (bottom_width (by_value, 2), W / 8, EPS);
  g_assert_cmpfloat (fabs (top_width (by_value, 0) / W - top_width (l, 0) / W), >, 0.5);
}

/* Beside labels in a funnel lower than its labels: apart, in the picture. */
static void
check_stacked (const KsFunnelLayout *l,
               double                height)
{
  KsChartRect labels[6];
  double x[4], y[4], x0, y0, x1, y1;

  g_assert_true (ks_funnel_layout_get_band_polygon (l, 1, x, y));
  g_assert_cmpint (ks_funnel_layout_get_label_rect (l, 1, &labels[1]), ==, KS_FUNNEL_LABEL_BESIDE);
  g_assert_cmpfloat (y[3] - y[0], <, labels[1].height);
  g_assert_cmpfloat (y[3] - y[0], >=, KS_FUNNEL_MIN_BAND_HEIGHT);
  for (guint i = 0; i < 6; i++)
    {
      g_assert_cmpint (ks_funnel_layout_get_label_rect (l, i, &labels[i]), !=, KS_FUNNEL_LABEL_NONE);
      /* the stack stays in the picture */
      g_assert_cmpfloat (labels[i].y + labels[i].height, <=, height);
      g_assert_cmpfloat (labels[i].y, >=, 0);
    }
  assert_no_overlap (labels, 6, "label");
  /* each leader still ends at its label's middle */
  for (guint i = 0; i < 6; i++)
    if (ks_funnel_layout_get_leader (l, i, &x0, &y0, &x1, &y1))
      g_assert_cmpfloat_with_epsilon (y1, labels[i].y + labels[i].height / 2, EPS);
}

static void
test_funnel_thin_stage (void)
{
  /* 3000 and 2000 around a stage of 1 (and one of 0): 1/3000 W is far below
   * the minimum width, so both get KS_FUNNEL_MIN_BAND_WIDTH. */
  KsFunnelBand b[6] = {
    band ("Lead qualified", KS_FUNNEL_BAND_OPEN, 3000, 3e6, 10, 0.03),
    band ("Proposal without price", KS_FUNNEL_BAND_OPEN, 1, 1000, 30, 100),
    band ("Proposal with price", KS_FUNNEL_BAND_OPEN, 0, 0, 50, NAN),
    band ("Solution accepted", KS_FUNNEL_BAND_OPEN, 2000, 2e6, 70, 40),
    band ("Order received", KS_FUNNEL_BAND_WON, 1500, 1.5e6, 100, NAN),
    band ("Cancelled or lost", KS_FUNNEL_BAND_LOST, 100, 1e5, 0, NAN),
  };
  KsFunnelSpec spec = { NULL, KS_FUNNEL_SIZE_COUNT, NULL, NULL, NULL, "€", NULL, NULL };
  g_autoptr(KsFunnelLayout) l = ks_funnel_layout_new (&spec, b, 6, palette, 900, 600, NULL);
  KsChartRect labels[6], f;
  double x[4], y[4], x0, y0, x1, y1;

  ks_funnel_layout_get_funnel_rect (l, &f);
  for (guint i = 1; i <= 2; i++)
    {
      g_assert_true (ks_funnel_layout_get_band_polygon (l, i, x, y));
      g_assert_cmpfloat_with_epsilon (x[1] - x[0], KS_FUNNEL_MIN_BAND_WIDTH, EPS);
      g_assert_cmpfloat (y[3] - y[0], >=, KS_FUNNEL_MIN_BAND_HEIGHT);
      /* its label cannot fit in 10 px: beside, right of the funnel, with a
       * leader from the band's right edge to the label's left */
      g_assert_cmpint (ks_funnel_layout_get_label_rect (l, i, &labels[i]), ==, KS_FUNNEL_LABEL_BESIDE);
      g_assert_cmpfloat (labels[i].x, >=, f.x + f.width);
      g_assert_true (ks_funnel_layout_get_leader (l, i, &x0, &y0, &x1, &y1));
      g_assert_cmpfloat (x0, <=, (x[1] + x[2]) / 2 + EPS);
      g_assert_cmpfloat (x0, >, f.x + f.width / 2);
      g_assert_cmpfloat (x1, <=, labels[i].x);
      g_assert_cmpfloat (y1, >=, labels[i].y);
      g_assert_cmpfloat (y1, <=, labels[i].y + labels[i].height);
    }
  /* band 3 (2000 → won 1500: from 2/3 W down to 1/2 W) has room for its
   * label inside, within the polygon; band 0 narrows from W to the thin
   * stage's 10 px (a triangle), so its label goes beside too */
  g_assert_cmpint (ks_funnel_layout_get_label_rect (l, 3, &labels[3]), ==, KS_FUNNEL_LABEL_INSIDE);
  g_assert_false (ks_funnel_layout_get_leader (l, 3, NULL, NULL, NULL, NULL));
  g_assert_true (ks_funnel_layout_get_band_polygon (l, 3, x, y));
  g_assert_cmpfloat (labels[3].x, >=, x[3]);
  g_assert_cmpfloat (labels[3].x + labels[3].width, <=, x[2]);
  g_assert_cmpfloat (labels[3].y, >=, y[0]);
  g_assert_cmpfloat (labels[3].y + labels[3].height, <=, y[3]);
  g_assert_cmpint (ks_funnel_layout_get_label_rect (l, 0, NULL), ==, KS_FUNNEL_LABEL_BESIDE);
  /* no two labels overlap, wherever they went */
  for (guint i = 0; i < 6; i++)
    g_assert_cmpint (ks_funnel_layout_get_label_rect (l, i, &labels[i]), !=, KS_FUNNEL_LABEL_NONE);
  assert_no_overlap (labels, 6, "label");
  /* the two thin stages' labels are stacked: the second below the first */
  g_assert_cmpfloat (labels[2].y, >=, labels[1].y + labels[1].height);
  g_assert_cmpint (ks_funnel_layout_get_label_rect (l, 6, NULL), ==, KS_FUNNEL_LABEL_NONE);

  /* 300 px tall: rows lower than a three-line label, so the beside labels
   * of neighbouring bands must be stacked to stay apart */
  ks_funnel_layout_free (g_steal_pointer (&l));
  l = ks_funnel_layout_new (&spec, b, 6, palette, 900, 300, NULL);
  check_stacked (l, 300);
  /* 240 px: every label beside, a stack taller than the picture can hold;
   * still none overlaps another */
  ks_funnel_layout_free (g_steal_pointer (&l));
  l = ks_funnel_layout_new (&spec, b, 6, palette, 900, 240, NULL);
  for (guint i = 0; i < 6; i++)
    {
      g_assert_cmpint (ks_funnel_layout_get_label_rect (l, i, &labels[i]), ==, KS_FUNNEL_LABEL_BESIDE);
      g_assert_cmpfloat (labels[i].y, >=, 0);
    }
  assert_no_overlap (labels, 6, "label");
}


static void
test_funnel_conversions (void)
{
  KsFunnelBand b[5];
  KsFunnelSpec spec = { NULL, KS_FUNNEL_SIZE_COUNT, NULL, NULL, NULL, NULL, NULL, NULL };
  g_autoptr(KsFunnelLayout) l = NULL;
  KsChartRect r;
  double cx, cy_up, cy_down, x[4], y[4];

  sample (b);
  b[1].conversion = NAN;
  l = ks_funnel_layout_new (&spec, b, 5, palette, 800, 600, NULL);

  /* band 0 → 1: between their centres, left of the funnel's edge there */
  g_assert_true (ks_funnel_layout_get_conversion_rect (l, 0, &r));
  band_centre (l, 0, &cx, &cy_up);
  band_centre (l, 1, &cx, &cy_down);
  g_assert_cmpfloat (r.y + r.height / 2, >, cy_up);
  g_assert_cmpfloat (r.y + r.height / 2, <, cy_down);
  g_assert_true (ks_funnel_layout_get_band_polygon (l, 0, x, y));
  g_assert_cmpfloat_with_epsilon (r.y + r.height / 2, y[3], EPS);
  g_assert_cmpfloat (r.x + r.width, <, x[3]);
  /* band 1's conversion is NaN: none */
  g_assert_false (ks_funnel_layout_get_conversion_rect (l, 1, &r));
  /* the last open band's (to won) between it and the spout */
  g_assert_true (ks_funnel_layout_get_conversion_rect (l, 2, &r));
  band_centre (l, 2, &cx, &cy_up);
  band_centre (l, 3, &cx, &cy_down);
  g_assert_cmpfloat (r.y + r.height / 2, >, cy_up);
  g_assert_cmpfloat (r.y + r.height / 2, <, cy_down);
  g_assert_true (ks_funnel_layout_get_band_polygon (l, 2, x, y));
  g_assert_cmpfloat (r.x + r.width, <, x[3]);
  /* won and lost bands have none */
  g_assert_false (ks_funnel_layout_get_conversion_rect (l, 3, NULL));
  g_assert_false (ks_funnel_layout_get_conversion_rect (l, 4, NULL));
  /* the conversion hits as such, for the upper band */
  g_assert_true (ks_funnel_layout_get_conversion_rect (l, 0, &r));
  {
    KsFunnelHit hit = ks_funnel_layout_hit_test (l, r.x + r.width / 2, r.y + r.height / 2);
    g_assert_cmpint (hit.kind, ==, KS_FUNNEL_HIT_CONVERSION);
    g_assert_cmpint (hit.band, ==, 0);
  }
}

static void
test_funnel_hit_test (void)
{
  KsFunnelBand b[6] = {
    band ("Lead qualified", KS_FUNNEL_BAND_OPEN, 3000, 3e6, 10, 30),
    band ("Proposal without price", KS_FUNNEL_BAND_OPEN, 1, 1000, 30, 100),
    band ("Proposal with price", KS_FUNNEL_BAND_OPEN, 900, 9e5, 50, 50),
    band ("Solution accepted", KS_FUNNEL_BAND_OPEN, 600, 6e5, 70, 40),
    band ("Order received", KS_FUNNEL_BAND_WON, 500, 5e5, 100, NAN),
    band ("Cancelled or lost", KS_FUNNEL_BAND_LOST, 100, 1e5, 0, NAN),
  };
  KsFunnelSpec spec = { "Funnel", KS_FUNNEL_SIZE_COUNT, "Wide funnel",
                        "Many leads for the orders won: the hit rate is 17 %, the target 30 %.",
                        NULL, NULL, NULL, NULL };
  g_autoptr(KsFunnelLayout) l = ks_funnel_layout_new (&spec, b, 6, palette, 1100, 640, NULL);
  KsChartRect r, d, f;
  KsFunnelHit hit;
  double cx, cy;

  for (guint i = 0; i < 6; i++)
    {
      /* the centre of each band is that band (or its label inside it) */
      band_centre (l, i, &cx, &cy);
      hit = ks_funnel_layout_hit_test (l, cx, cy);
      g_assert_cmpint (hit.band, ==, (int) i);
      if (ks_funnel_layout_get_label_rect (l, i, &r) == KS_FUNNEL_LABEL_INSIDE)
        g_assert_cmpint (hit.kind, ==, KS_FUNNEL_HIT_LABEL);
      else
        g_assert_cmpint (hit.kind, ==, KS_FUNNEL_HIT_BAND);
      /* its label returns it too */
      hit = ks_funnel_layout_hit_test (l, r.x + r.width / 2, r.y + r.height / 2);
      g_assert_cmpint (hit.kind, ==, KS_FUNNEL_HIT_LABEL);
      g_assert_cmpint (hit.band, ==, (int) i);
    }
  /* the thin stage's label is beside it; its band is hit at its centre */
  g_assert_cmpint (ks_funnel_layout_get_label_rect (l, 1, NULL), ==, KS_FUNNEL_LABEL_BESIDE);

  /* the top band's corner area outside the trapezoid below it: band 1's
   * row, just inside the funnel area's left edge, is outside every band */
  ks_funnel_layout_get_funnel_rect (l, &f);
  band_centre (l, 1, &cx, &cy);
  hit = ks_funnel_layout_hit_test (l, f.x + 2, cy);
  g_assert_cmpint (hit.kind, ==, KS_FUNNEL_HIT_NONE);
  g_assert_cmpint (hit.band, ==, -1);
  hit = ks_funnel_layout_hit_test (l, 2, 2);
  g_assert_cmpint (hit.kind, ==, KS_FUNNEL_HIT_NONE);

  /* wider than tall: the diagnosis beside the funnel (and its labels) */
  g_assert_true (ks_funnel_layout_get_diagnosis_rect (l, &d));
  g_assert_cmpfloat (d.x, >=, f.x + f.width);
  for (guint i = 0; i < 6; i++)
    {
      ks_funnel_layout_get_label_rect (l, i, &r);
      g_assert_false (ks_chart_rect_overlaps (&r, &d));
    }
  hit = ks_funnel_layout_hit_test (l, d.x + d.width / 2, d.y + d.height / 2);
  g_assert_cmpint (hit.kind, ==, KS_FUNNEL_HIT_DIAGNOSIS);
  g_assert_cmpint (hit.band, ==, -1);
}

static void
test_funnel_diagnosis_below (void)
{
  KsFunnelBand b[5];
  KsFunnelSpec spec = { "Funnel", KS_FUNNEL_SIZE_COUNT, "Optimal funnel",
                        "Enough leads, a good hit rate and a short time from lead to order.",
                        NULL, NULL, NULL, NULL };
  g_autoptr(KsFunnelLayout) l = NULL;
  KsChartRect d;
  double x[4], y[4];

  sample (b);
  /* taller than wide: the panel below the funnel, inside the picture */
  l = ks_funnel_layout_new (&spec, b, 5, palette, 600, 900, NULL);
  g_assert_true (ks_funnel_layout_get_diagnosis_rect (l, &d));
  for (guint i = 0; i < 5; i++)
    {
      g_assert_true (ks_funnel_layout_get_band_polygon (l, i, x, y));
      g_assert_cmpfloat (d.y, >=, y[3]);
    }
  g_assert_cmpfloat (d.y + d.height, <=, 900);
  g_assert_cmpfloat (d.x, >=, 0);
  g_assert_cmpfloat (d.x + d.width, <=, 600);

  /* wider than tall but narrow (620 px, under 64 font sizes): below too,
   * so the funnel and its labels keep the width */
  ks_funnel_layout_free (g_steal_pointer (&l));
  l = ks_funnel_layout_new (&spec, b, 5, palette, 620, 530, NULL);
  g_assert_true (ks_funnel_layout_get_diagnosis_rect (l, &d));
  for (guint i = 0; i < 5; i++)
    {
      g_assert_true (ks_funnel_layout_get_band_polygon (l, i, x, y));
      g_assert_cmpfloat (d.y, >=, y[3]);
    }

  /* no shape title: no panel */
  spec.shape_title = NULL;
  ks_funnel_layout_free (g_steal_pointer (&l));
  l = ks_funnel_layout_new (&spec, b, 5, palette, 600, 900, NULL);
  g_assert_false (ks_funnel_layout_get_diagnosis_rect (l, NULL));
}

static void
test_funnel_empty (void)
{
  KsFunnelBand b[2] = {
    band ("Lead qualified", KS_FUNNEL_BAND_OPEN, 0, 0, 10, NAN),
    band ("Won", KS_FUNNEL_BAND_WON, 0, 0, 100, NAN),
  };
  KsFunnelSpec spec = { "Funnel", KS_FUNNEL_SIZE_COUNT, "Wide", "Reason", NULL, NULL, NULL, NULL };
  g_autoptr(KsFunnelLayout) none = ks_funnel_layout_new (&spec, NULL, 0, palette, 400, 300, NULL);
  g_autoptr(KsFunnelLayout) zero = ks_funnel_layout_new (&spec, b, 2, palette, 400, 300, NULL);
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  cairo_t *cr = cairo_create (s);

  g_assert_true (ks_funnel_layout_is_empty (none));
  g_assert_true (ks_funnel_layout_is_empty (zero));
  g_assert_cmpuint (ks_funnel_layout_get_n_bands (none), ==, 0);
  g_assert_cmpuint (ks_funnel_layout_get_n_bands (zero), ==, 0);
  g_assert_false (ks_funnel_layout_get_band_polygon (zero, 0, NULL, NULL));
  g_assert_false (ks_funnel_layout_get_diagnosis_rect (zero, NULL));
  g_assert_cmpint (ks_funnel_layout_hit_test (zero, 200, 150).kind, ==, KS_FUNNEL_HIT_NONE);
  /* the message's card (surface) in the middle, the page at the corner */
  ks_funnel_draw (cr, zero, palette, NULL);
  cairo_surface_flush (s);
  assert_colour (pixel (s, 2, 2), &palette->background, "page");
  g_assert_cmpuint (pixel (s, 2, 2), !=, rgb (&palette->surface));
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

static void
check_funnel_pixels (KsPaletteStyle style)
{
  g_autoptr(KsPalette) p = ks_palette_new (style);
  KsFunnelBand b[5];
  KsFunnelSpec spec = { "Funnel", KS_FUNNEL_SIZE_COUNT, "Wide funnel", "Low hit rate.",
                        "Open 175", "$", NULL, NULL };
  g_autoptr(KsFunnelLayout) l = NULL;
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1000, 700);
  cairo_t *cr = cairo_create (s);
  KsFunnelDrawState state = { -1, -1, -1 };
  KsChartRect label;
  double x[4], y[4];
  KsColor c0, c2, won;

  sample (b);
  l = ks_funnel_layout_new (&spec, b, 5, p, 1000, 700, NULL);
  ks_funnel_draw (cr, l, p, &state);
  cairo_surface_flush (s);

  /* each open band is its colour at a point inside it, left of its label:
   * a tenth of the way in from the band's left edge at mid height */
  for (guint i = 0; i < 5; i++)
    {
      KsColor c = ks_funnel_layout_get_band_colour (l, p, i);
      double px, py;

      g_assert_true (ks_funnel_layout_get_band_polygon (l, i, x, y));
      py = (y[0] + y[3]) / 2;
      px = (x[0] + x[3]) / 2 + ((x[1] + x[2]) / 2 - (x[0] + x[3]) / 2) * 0.1 + 2;
      if (ks_funnel_layout_get_label_rect (l, i, &label) == KS_FUNNEL_LABEL_INSIDE)
        g_assert_false (ks_chart_rect_contains (&label, px, py));
      assert_colour (pixel (s, (int) px, (int) py), &c, "band");
    }
  /* stages are told apart: the first lighter than the last, won green */
  c0 = ks_funnel_layout_get_band_colour (l, p, 0);
  c2 = ks_funnel_layout_get_band_colour (l, p, 2);
  won = ks_funnel_layout_get_band_colour (l, p, 3);
  g_assert_cmpuint (rgb (&c0), !=, rgb (&c2));
  assert_colour (rgb (&won), &p->positive, "won");
  assert_colour (rgb (&c2), &p->accent, "last open stage");
  assert_colour (pixel (s, 999, 699), &p->background, "page");

  /* the selected band gets an outline in the text colour on its top edge */
  state.selected = 0;
  ks_funnel_draw (cr, l, p, &state);
  cairo_surface_flush (s);
  g_assert_true (ks_funnel_layout_get_band_polygon (l, 0, x, y));
  assert_colour (pixel (s, (int) ((x[0] + x[1]) / 2 + 30), (int) round (y[0])), &p->foreground, "selection");
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

static void
test_funnel_pixels (void)
{
  check_funnel_pixels (KS_PALETTE_LIGHT);
  check_funnel_pixels (KS_PALETTE_DARK);
}

static void
test_funnel_files (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  KsFunnelBand b[5];
  KsFunnelSpec spec = { "Funnel", KS_FUNNEL_SIZE_VALUE, "Wide funnel", "Low hit rate.", NULL, "€", NULL, NULL };
  const char *names[] = { "funnel.png", "funnel.svg", "funnel.pdf" };
  g_autoptr(GError) error = NULL;

  sample (b);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;

      g_assert_true (ks_funnel_chart_export (path, &spec, b, 5, palette, 800, 500, &error));
      g_assert_no_error (error);
      bytes = ks_test_read_bytes (path);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 100);
    }
  {
    g_autofree char *path = g_build_filename (dir, "funnel.bmp", NULL);
    g_assert_false (ks_funnel_chart_export (path, &spec, b, 5, palette, 800, 500, &error));
    g_assert_error (error, KS_EXPORT_ERROR, KS_EXPORT_ERROR_FORMAT);
  }
}

/* ------------------------------------------------------------ forecast */

static void
test_forecast_bars (void)
{
  /* Best case 0, 50, 100 (weighted 0, 25, 50; won 0, 10, 20): the axis
   * from 0 to 100 is already nice (100 / 5 ticks = 20, a step of 2 × 10),
   * so a bar's height is value / 100 of the plot's height. */
  KsForecastBar bars[3] = {
    { "2027-01", 0, 0, 0, 0, 0 },
    { "2027-02", 25, 50, 10, 3, 1 },
    { "2027-03", 50, 100, 20, 6, 2 },
  };
  KsForecastSpec spec = { "Forecast", "$", NULL, NULL, NULL };
  g_autoptr(KsForecastChart) c = ks_forecast_chart_new (&spec, bars, 3, palette, 800, 500, NULL);
  KsChartRect plot, best[3], weighted[3], won[3], label;
  double lo, hi, step;
  KsForecastHit hit;

  g_assert_false (ks_forecast_chart_is_empty (c));
  g_assert_cmpuint (ks_forecast_chart_get_n_periods (c), ==, 3);
  ks_forecast_chart_get_axis (c, &lo, &hi, &step);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat_with_epsilon (hi, 100, EPS);
  g_assert_cmpfloat_with_epsilon (step, 20, EPS);
  ks_forecast_chart_get_plot_rect (c, &plot);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (ks_forecast_chart_get_bar_rect (c, i, KS_FORECAST_SERIES_BEST_CASE, &best[i]));
      g_assert_true (ks_forecast_chart_get_bar_rect (c, i, KS_FORECAST_SERIES_WEIGHTED, &weighted[i]));
      g_assert_true (ks_forecast_chart_get_bar_rect (c, i, KS_FORECAST_SERIES_WON, &won[i]));
      /* all stand on the axis at the plot's bottom */
      g_assert_cmpfloat_with_epsilon (best[i].y + best[i].height, plot.y + plot.height, EPS);
      g_assert_cmpfloat_with_epsilon (won[i].y + won[i].height, plot.y + plot.height, EPS);
      /* nested and centred in the slot: 0.8, 0.55, 0.3 of plot.width / 3 */
      g_assert_cmpfloat_with_epsilon (best[i].width, plot.width / 3 * 0.8, EPS);
      g_assert_cmpfloat_with_epsilon (weighted[i].width, plot.width / 3 * 0.55, EPS);
      g_assert_cmpfloat_with_epsilon (won[i].width, plot.width / 3 * 0.3, EPS);
      g_assert_cmpfloat_with_epsilon (best[i].x + best[i].width / 2, plot.x + plot.width / 3 * (i + 0.5), EPS);
      g_assert_cmpfloat_with_epsilon (won[i].x + won[i].width / 2, plot.x + plot.width / 3 * (i + 0.5), EPS);
    }
  /* 100 fills the plot, 50 is half of it, 0 is flat */
  g_assert_cmpfloat_with_epsilon (best[2].height, plot.height, EPS);
  g_assert_cmpfloat_with_epsilon (best[2].height, 2 * best[1].height, EPS);
  g_assert_cmpfloat_with_epsilon (best[0].height, 0, EPS);
  /* weighted 50 as tall as best case 50; won 20 a fifth of the plot */
  g_assert_cmpfloat_with_epsilon (weighted[2].height, best[1].height, EPS);
  g_assert_cmpfloat_with_epsilon (won[2].height, plot.height / 5, EPS);
  g_assert_false (ks_forecast_chart_get_bar_rect (c, 3, KS_FORECAST_SERIES_WON, NULL));
  g_assert_false (ks_forecast_chart_get_bar_rect (c, 0, KS_FORECAST_SERIES_NONE, NULL));
  /* three periods in 800 px: every one labelled, under its slot */
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (ks_forecast_chart_get_label_rect (c, i, &label));
      g_assert_cmpfloat (label.y, >=, plot.y + plot.height);
      g_assert_cmpfloat_with_epsilon (label.x + label.width / 2, plot.x + plot.width / 3 * (i + 0.5), EPS);
    }

  /* hits: won at its centre, weighted between the won and weighted edges,
   * best case between the weighted and best-case edges, the slot above */
  hit = ks_forecast_chart_hit_test (c, won[2].x + won[2].width / 2, won[2].y + won[2].height / 2);
  g_assert_cmpint (hit.period, ==, 2);
  g_assert_cmpint (hit.series, ==, KS_FORECAST_SERIES_WON);
  hit = ks_forecast_chart_hit_test (c, (weighted[1].x + won[1].x) / 2, plot.y + plot.height - 2);
  g_assert_cmpint (hit.period, ==, 1);
  g_assert_cmpint (hit.series, ==, KS_FORECAST_SERIES_WEIGHTED);
  hit = ks_forecast_chart_hit_test (c, (best[1].x + weighted[1].x) / 2, plot.y + plot.height - 2);
  g_assert_cmpint (hit.period, ==, 1);
  g_assert_cmpint (hit.series, ==, KS_FORECAST_SERIES_BEST_CASE);
  hit = ks_forecast_chart_hit_test (c, best[1].x + best[1].width / 2, best[1].y - 5);
  g_assert_cmpint (hit.period, ==, 1);
  g_assert_cmpint (hit.series, ==, KS_FORECAST_SERIES_NONE);
  hit = ks_forecast_chart_hit_test (c, plot.x - 5, plot.y + plot.height / 2);
  g_assert_cmpint (hit.period, ==, -1);
}

static void
test_forecast_labels (void)
{
  /* 36 months in 800 px: slots of at most 800 / 36 ≈ 22 px, narrower
   * than "2027-01", so labels are thinned to every k-th and never overlap */
  KsForecastBar bars[36];
  g_auto(GStrv) names = g_new0 (char *, 37);
  KsForecastSpec spec = { "Forecast by month", "€",
                          "12 open opportunities without a close date (€ 40 000) are not shown", NULL, NULL };
  g_autoptr(KsForecastChart) c = NULL;
  KsChartRect labels[36], plot;
  guint n = 0, first_gap = 0;

  for (guint i = 0; i < 36; i++)
    {
      names[i] = g_strdup_printf ("%u-%02u", 2027 + i / 12, i % 12 + 1);
      bars[i] = (KsForecastBar) { names[i], i * 1000.0, i * 2000.0, (i % 3) * 500.0, i, i % 3 };
    }
  c = ks_forecast_chart_new (&spec, bars, 36, palette, 800, 400, NULL);
  ks_forecast_chart_get_plot_rect (c, &plot);
  g_assert_cmpfloat (plot.width / 36, <, 30);
  for (guint i = 0; i < 36; i++)
    if (ks_forecast_chart_get_label_rect (c, i, &labels[n]))
      {
        g_assert_cmpfloat (labels[n].x, >=, 0);
        g_assert_cmpfloat (labels[n].x + labels[n].width, <=, 800);
        if (n == 1)
          first_gap = i;
        n++;
      }
  /* the first is labelled, some are left out, the rest are evenly spaced */
  g_assert_true (ks_forecast_chart_get_label_rect (c, 0, NULL));
  g_assert_cmpuint (n, <, 36);
  g_assert_cmpuint (n, >=, 36 / (first_gap + 1));
  g_assert_cmpuint (first_gap, >, 1);
  assert_no_overlap (labels, n, "period label");
  /* the axis: best case up to 35 × 2000 = 70 000; 70 000 / 5 ticks =
   * 14 000 = 1.4 × 10⁴, below 1.5, so a step of 10 000, and 70 000 is a
   * whole number of steps already */
  {
    double hi, step;
    ks_forecast_chart_get_axis (c, NULL, &hi, &step);
    g_assert_cmpfloat_with_epsilon (step, 10000, EPS);
    g_assert_cmpfloat_with_epsilon (hi, 70000, EPS);
  }
}

static void
check_forecast_pixels (KsPaletteStyle style)
{
  g_autoptr(KsPalette) p = ks_palette_new (style);
  KsForecastBar bars[4] = {
    { "2027-Q1", 40000, 90000, 30000, 4, 2 },
    { "2027-Q2", 30000, 70000, 0, 3, 0 },
    { "2027-Q3", 0, 0, 0, 0, 0 },
    { "2027-Q4", 20000, 50000, 10000, 2, 1 },
  };
  KsForecastSpec spec = { "Forecast", "$", "Note", NULL, NULL };
  g_autoptr(KsForecastChart) c = ks_forecast_chart_new (&spec, bars, 4, p, 800, 500, NULL);
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 500);
  cairo_t *cr = cairo_create (s);
  KsForecastDrawState state = { -1, -1 };
  KsChartRect won, weighted;
  KsColor won_c = ks_forecast_series_colour (p, KS_FORECAST_SERIES_WON);

  ks_forecast_chart_draw (cr, c, p, &state);
  cairo_surface_flush (s);
  ks_forecast_chart_get_bar_rect (c, 0, KS_FORECAST_SERIES_WON, &won);
  ks_forecast_chart_get_bar_rect (c, 0, KS_FORECAST_SERIES_WEIGHTED, &weighted);
  assert_colour (pixel (s, (int) (won.x + won.width / 2), (int) (won.y + won.height / 2)), &won_c, "won bar");
  assert_colour (pixel (s, (int) ((weighted.x + won.x) / 2), (int) (won.y + won.height / 2)), &p->accent,
                 "weighted bar");
  g_assert_cmpuint (rgb (&won_c), !=, rgb (&p->accent));
  /* a hovered period's card is drawn over the plot; the page stays */
  state.hovered = 1;
  state.selected = 3;
  ks_forecast_chart_draw (cr, c, p, &state);
  cairo_surface_flush (s);
  assert_colour (pixel (s, 799, 0), &p->background, "page");
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

static void
test_forecast_pixels (void)
{
  check_forecast_pixels (KS_PALETTE_LIGHT);
  check_forecast_pixels (KS_PALETTE_DARK);
}

static void
test_forecast_empty (void)
{
  KsForecastSpec spec = { "Forecast", NULL, NULL, NULL, NULL };
  g_autoptr(KsForecastChart) c = ks_forecast_chart_new (&spec, NULL, 0, palette, 400, 300, NULL);
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  cairo_t *cr = cairo_create (s);

  g_assert_true (ks_forecast_chart_is_empty (c));
  g_assert_cmpuint (ks_forecast_chart_get_n_periods (c), ==, 0);
  g_assert_cmpint (ks_forecast_chart_hit_test (c, 200, 150).period, ==, -1);
  g_assert_false (ks_forecast_chart_get_bar_rect (c, 0, KS_FORECAST_SERIES_WON, NULL));
  ks_forecast_chart_draw (cr, c, palette, NULL);
  cairo_surface_flush (s);
  /* the message's card in the middle, the page at the corner */
  assert_colour (pixel (s, 200, 150), &palette->surface, "message card");
  assert_colour (pixel (s, 2, 2), &palette->background, "page");
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

static void
test_forecast_files (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  KsForecastBar bars[2] = { { "2027-Q1", 400, 900, 300, 4, 2 }, { "2027-Q2", 300, 700, 0, 3, 0 } };
  KsForecastSpec spec = { "Forecast", "$", "Note", NULL, NULL };
  const char *names[] = { "forecast.png", "forecast.svg", "forecast.pdf" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;

      g_assert_true (ks_forecast_chart_export (path, &spec, bars, 2, palette, 640, 400, &error));
      g_assert_no_error (error);
      bytes = ks_test_read_bytes (path);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 100);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  palette = ks_palette_new (KS_PALETTE_LIGHT);

  g_test_add_func ("/render/funnel/geometry", test_funnel_geometry);
  g_test_add_func ("/render/funnel/thin-stage", test_funnel_thin_stage);
  g_test_add_func ("/render/funnel/conversions", test_funnel_conversions);
  g_test_add_func ("/render/funnel/hit-test", test_funnel_hit_test);
  g_test_add_func ("/render/funnel/diagnosis-below", test_funnel_diagnosis_below);
  g_test_add_func ("/render/funnel/empty", test_funnel_empty);
  g_test_add_func ("/render/funnel/pixels", test_funnel_pixels);
  g_test_add_func ("/render/funnel/files", test_funnel_files);
  g_test_add_func ("/render/forecast/bars", test_forecast_bars);
  g_test_add_func ("/render/forecast/labels", test_forecast_labels);
  g_test_add_func ("/render/forecast/pixels", test_forecast_pixels);
  g_test_add_func ("/render/forecast/empty", test_forecast_empty);
  g_test_add_func ("/render/forecast/files", test_forecast_files);

  status = g_test_run ();
  ks_palette_free (palette);
  return status;
}
