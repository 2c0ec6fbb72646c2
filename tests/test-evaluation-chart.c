/* test-evaluation-chart.c — render: the opportunity evaluation matrix's
 * spec, quadrants at the dividers (the render and core agree), hit testing
 * and export (no display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ks-evaluation.h"
#include "ks-evaluation-chart.h"
#include "ks-palette.h"
#include "ks-test-util.h"

#define W 1280
#define H 800

static const char *const stages[] = { "Lead qualified", "Proposal with price" };

static KsEvalChartInput
make_input (const KsEvalBubble *bubbles,
            guint               n,
            double              chance_divider,
            double              attractiveness_divider)
{
  return (KsEvalChartInput) {
    .chance_divider = chance_divider,
    .attractiveness_divider = attractiveness_divider,
    .stages = stages,
    .n_stages = G_N_ELEMENTS (stages),
    .bubbles = bubbles,
    .n_bubbles = n,
  };
}

static void
test_spec (void)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  const KsEvalBubble bubbles[] = {
    { .id = 7, .label = "Retrofit", .chance = 30, .attractiveness = 80, .value = 1000, .stage = 1 },
  };
  KsEvalChartInput input = make_input (bubbles, 1, 55, 45);
  KsEvalChart chart;

  ks_eval_chart_init (&chart, &input, palette);
  /* x is the chance to win, y the attractiveness, both 0–100 */
  g_assert_cmpstr (chart.spec.x_label, ==, "Our chance to win");
  g_assert_cmpstr (chart.spec.y_label, ==, "Attractiveness to us");
  g_assert_cmpfloat (chart.spec.x_min, ==, 0);
  g_assert_cmpfloat (chart.spec.x_max, ==, 100);
  g_assert_cmpfloat (chart.spec.y_max, ==, 100);
  g_assert_cmpfloat (chart.spec.x_divider, ==, 55);
  g_assert_cmpfloat (chart.spec.y_divider, ==, 45);
  /* ks_matrix_quadrant's index: bit 0 high x (chance), bit 1 high y (attractiveness) */
  g_assert_cmpstr (chart.spec.quadrants[0], ==, "Drop");
  g_assert_cmpstr (chart.spec.quadrants[1], ==, "Secure");
  g_assert_cmpstr (chart.spec.quadrants[2], ==, "Invest");
  g_assert_cmpstr (chart.spec.quadrants[3], ==, "Don’t lose");
  /* the legend is the stages, coloured by stage */
  g_assert_cmpuint (chart.spec.n_legend, ==, 2);
  g_assert_cmpstr (chart.spec.legend_labels[1], ==, "Proposal with price");
  g_assert_true (memcmp (&chart.spec.legend_colours[1], &palette->series[1], sizeof (KsColor)) == 0);
  g_assert_cmpuint (chart.bubbles->len, ==, 1);
  g_assert_cmpfloat (g_array_index (chart.bubbles, KsBubble, 0).x, ==, 30);
  g_assert_cmpfloat (g_array_index (chart.bubbles, KsBubble, 0).y, ==, 80);
  g_assert_cmpfloat (g_array_index (chart.bubbles, KsBubble, 0).size, ==, 1000);
  g_assert_cmpuint (g_array_index (chart.bubbles, KsBubble, 0).colour, ==, 1);
  ks_eval_chart_clear (&chart);
}

static void
test_quadrants_at_dividers (void)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  const double cd = 60, ad = 40;
  const double lo_c = nextafter (cd, 0), lo_a = nextafter (ad, 0);
  const KsEvalBubble bubbles[] = {
    { .id = 1, .label = "On both", .chance = cd, .attractiveness = ad, .value = 10 },
    { .id = 2, .label = "Below chance", .chance = lo_c, .attractiveness = ad, .value = 10 },
    { .id = 3, .label = "Below attractiveness", .chance = cd, .attractiveness = lo_a, .value = 10 },
    { .id = 4, .label = "Below both", .chance = lo_c, .attractiveness = lo_a, .value = 10 },
    { .id = 5, .label = "Unscored", .chance = NAN, .attractiveness = 90, .value = 10 },
  };
  /* on a divider = high: Don't lose (3), Invest (2), Secure (1), Drop (0) */
  const int expected[] = { KS_EVAL_QUADRANT_DONT_LOSE, KS_EVAL_QUADRANT_INVEST, KS_EVAL_QUADRANT_SECURE,
                           KS_EVAL_QUADRANT_DROP, -1 };
  KsEvalChartInput input = make_input (bubbles, G_N_ELEMENTS (bubbles), cd, ad);
  g_autoptr(KsMatrixLayout) layout = ks_eval_chart_layout (&input, palette, W, H, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bubbles); i++)
    {
      /* the render's quadrant, core's rule and the hand-worked answer agree */
      g_assert_cmpint (ks_matrix_layout_get_bubble_quadrant (layout, i), ==, expected[i]);
      g_assert_cmpint (ks_eval_quadrant (bubbles[i].chance, bubbles[i].attractiveness, cd, ad), ==, expected[i]);
      if (expected[i] >= 0)
        g_assert_cmpuint (ks_matrix_quadrant (bubbles[i].chance, bubbles[i].attractiveness, cd, ad), ==,
                          (guint) expected[i]);
    }
  /* over a grid through both dividers, the two rules never differ */
  for (double c = 0; c <= 100; c += 2.5)
    for (double a = 0; a <= 100; a += 2.5)
      g_assert_cmpint ((int) ks_matrix_quadrant (c, a, cd, ad), ==, ks_eval_quadrant (c, a, cd, ad));
  {
    guint placed, unplaced;
    ks_matrix_layout_get_counts (layout, &placed, &unplaced, NULL, NULL);
    g_assert_cmpuint (placed, ==, 4);
    g_assert_cmpuint (unplaced, ==, 1);
  }
  {
    KsEvalChart chart;

    ks_eval_chart_init (&chart, &input, palette);
    g_assert_cmpstr (chart.spec.unplaced_note, ==, "1 opportunity not scored on both axes");
    ks_eval_chart_clear (&chart);
  }
  /* moving the dividers moves the quadrants: chance divider to 30 puts
   * "Below chance" (59.99…) on the high side */
  ks_matrix_layout_set_dividers (layout, 30, NAN);
  g_assert_cmpint (ks_matrix_layout_get_bubble_quadrant (layout, 1), ==, KS_EVAL_QUADRANT_DONT_LOSE);
}

static void
test_hit (void)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  const KsEvalBubble bubbles[] = {
    { .id = 41, .label = "Small", .chance = 20, .attractiveness = 80, .value = 100 },
    { .id = 42, .label = "Large", .chance = 85, .attractiveness = 15, .value = 400 },
  };
  KsEvalChartInput input = make_input (bubbles, 2, 50, 50);
  g_autoptr(KsMatrixLayout) layout = ks_eval_chart_layout (&input, palette, W, H, NULL);
  KsChartRect plot;
  KsMatrixHit hit;
  double cx, cy, r_small, r_large, dvx, dvy;

  ks_matrix_layout_get_plot_rect (layout, &plot);
  g_assert_true (ks_matrix_layout_get_bubble (layout, 0, &cx, &cy, &r_small));
  hit = ks_matrix_layout_hit_test (layout, cx, cy);
  g_assert_cmpint (hit.kind, ==, KS_MATRIX_HIT_BUBBLE);
  g_assert_cmpint (hit.id, ==, 41);
  /* bubble area ∝ value: 4 × the value, 2 × the radius */
  g_assert_true (ks_matrix_layout_get_bubble (layout, 1, &cx, &cy, &r_large));
  g_assert_cmpfloat_with_epsilon (r_large / r_small, 2.0, 1e-6);
  hit = ks_matrix_layout_hit_test (layout, cx + r_large * 0.7, cy);
  g_assert_cmpint (hit.kind, ==, KS_MATRIX_HIT_BUBBLE);
  g_assert_cmpint (hit.id, ==, 42);
  /* the bubble sits at its values: x = 85 % of the plot's width from the left */
  g_assert_cmpfloat_with_epsilon (cx, plot.x + 0.85 * plot.width, 0.5);
  g_assert_cmpfloat_with_epsilon (cy, plot.y + (1 - 0.15) * plot.height, 0.5);

  /* the dividers, away from the bubbles */
  ks_matrix_layout_point_at (layout, 50, 50, &dvx, &dvy);
  hit = ks_matrix_layout_hit_test (layout, dvx + 2, plot.y + plot.height * 0.6);
  g_assert_cmpint (hit.kind, ==, KS_MATRIX_HIT_X_DIVIDER);
  hit = ks_matrix_layout_hit_test (layout, plot.x + plot.width * 0.4, dvy - 2);
  g_assert_cmpint (hit.kind, ==, KS_MATRIX_HIT_Y_DIVIDER);
  hit = ks_matrix_layout_hit_test (layout, dvx + 20, plot.y + plot.height * 0.6);
  g_assert_cmpint (hit.kind, ==, KS_MATRIX_HIT_PLOT);
}

static void
test_export (void)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "matrix.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "matrix.pdf", NULL);
  g_autofree char *txt = g_build_filename (dir, "matrix.txt", NULL);
  g_autoptr(GError) error = NULL;
  const KsEvalBubble bubbles[] = {
    { .id = 1, .label = "Retrofit", .chance = 30, .attractiveness = 80, .value = 1000 },
  };
  KsEvalChartInput input = make_input (bubbles, 1, 50, 50);
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *data;
  gsize len;

  g_assert_true (ks_eval_chart_export (png, &input, palette, 640, 480, &error));
  g_assert_no_error (error);
  bytes = ks_test_read_bytes (png);
  data = g_bytes_get_data (bytes, &len);
  g_assert_cmpuint (len, >, 24);
  g_assert_true (memcmp (data, "\x89PNG", 4) == 0);
  /* IHDR: width and height, big-endian, at bytes 16 and 20 */
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 16)), ==, 640);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 20)), ==, 480);

  g_assert_true (ks_eval_chart_export (pdf, &input, palette, 842, 595, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));

  g_assert_false (ks_eval_chart_export (txt, &input, palette, 640, 480, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/evaluation/spec", test_spec);
  g_test_add_func ("/render/evaluation/quadrants", test_quadrants_at_dividers);
  g_test_add_func ("/render/evaluation/hit", test_hit);
  g_test_add_func ("/render/evaluation/export", test_export);

  return g_test_run ();
}
