/* test-portfolio-draw.c — render: the portfolio charts' pixels and files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <math.h>
#include <string.h>

#include "ks-abc-chart.h"
#include "ks-export.h"
#include "ks-palette.h"
#include "ks-portfolio-draw.h"
#include "ks-portfolio-layout.h"
#include "ks-ranking-chart.h"
#include "ks-test-util.h"

#define W 1280
#define H 720

static const char *legend_labels[] = { "Class A", "Class B", "Class C" };

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

/* The text of a PDF, or NULL when pdftotext is not installed. */
static char *
pdf_text (const char *path)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "-enc", "UTF-8", path, "-", NULL };
  char *out = NULL;
  int status = -1;

  if (!tool)
    {
      g_test_message ("pdftotext is not installed: the PDF's text was not checked");
      return NULL;
    }
  argv[0] = tool;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  return out;
}

/* @needle in @text, where a line break (the legend wraps) counts as a space. */
static void
assert_contains (const char *text,
                 const char *needle)
{
  g_autoptr(GString) flat = g_string_new (text);

  /* pdftotext gives the narrow no-break space back as a space. */
  g_string_replace (flat, "\u202F", " ", 0);
  g_strdelimit (flat->str, "\n", ' ');
  if (!strstr (flat->str, needle))
    g_error ("“%s” not found in:\n%s", needle, text);
}

/* @needle nowhere in @text. */
static void
assert_lacks (const char *text,
              const char *needle)
{
  if (strstr (text, needle))
    g_error ("“%s” found in:\n%s", needle, text);
}

static cairo_surface_t *
load_png (const char *path,
          int         width,
          int         height)
{
  cairo_surface_t *s = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (s), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (s), ==, height);
  return s;
}

static void
assert_svg (const char *path)
{
  g_autoptr(GBytes) bytes = ks_test_read_bytes (path);

  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "<svg"));
}

/* ---- matrix ---- */

typedef struct
{
  KsMatrixSpec spec;
  KsColor      colours[3];
  KsBubble     bubbles[4];
} Matrix;

static void
matrix_init (Matrix          *m,
             const KsPalette *palette)
{
  memset (m, 0, sizeof *m);
  m->colours[0] = palette->series[0];
  m->colours[1] = palette->series[3];
  m->colours[2] = palette->series[7];
  m->spec.x_label = "Profitability";
  m->spec.y_label = "Potential";
  m->spec.size_label = "Bubble area: won revenue";
  m->spec.x_min = m->spec.y_min = 0;
  m->spec.x_max = m->spec.y_max = 100;
  m->spec.x_divider = m->spec.y_divider = 50;
  m->spec.quadrants[0] = "Retain";
  m->spec.quadrants[1] = "Nurture";
  m->spec.quadrants[2] = "Develop";
  m->spec.quadrants[3] = "Invest";
  m->spec.legend_title = "ABC class";
  m->spec.n_legend = 3;
  m->spec.legend_labels = legend_labels;
  m->spec.legend_colours = m->colours;
  m->spec.trail_label = "2026-Q2 → 2026-Q3";
  /* Low/low (plain plot colour under it), off the grid lines. */
  m->bubbles[0] = (KsBubble) { 1, "Kessler", 23, 27, 1000, 0, FALSE, 0, 0 };
  m->bubbles[1] = (KsBubble) { 2, "Nordwind", 73, 77, 500, 1, TRUE, 60, 40 };
  m->bubbles[2] = (KsBubble) { 3, "Polar", 77, 23, 250, 2, FALSE, 0, 0 };
  m->bubbles[3] = (KsBubble) { 4, "Unscored", NAN, 40, 250, 2, FALSE, 0, 0 };
}

static void
check_matrix_pixels (KsPaletteStyle style)
{
  g_autoptr(KsPalette) palette = ks_palette_new (style);
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "matrix.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KsMatrixLayout) layout = NULL;
  Matrix m;
  cairo_surface_t *s;
  double cx, cy, r;
  KsColor want;

  matrix_init (&m, palette);
  g_assert_true (ks_matrix_export (png, &m.spec, m.bubbles, 4, palette, W, H, &error));
  g_assert_no_error (error);
  s = load_png (png, W, H);
  layout = ks_matrix_layout_new (&m.spec, m.bubbles, 4, palette, W, H, NULL);
  /* A bubble's centre: its colour, semi-transparent over the plot. */
  g_assert_true (ks_matrix_layout_get_bubble (layout, 0, &cx, &cy, &r));
  want = ks_color_mix (&palette->surface, &m.colours[0], 0.55);
  assert_colour (pixel (s, (int) cx, (int) cy), &want, "bubble centre");
  /* Just outside it, the plot again. */
  assert_colour (pixel (s, (int) round (cx - r - 4), (int) cy), &palette->surface, "left of the bubble (its label is on the right)");
  /* The page. */
  assert_colour (pixel (s, W - 2, H - 2), &palette->background, "page");
  cairo_surface_destroy (s);
}

static void
test_matrix_pixels (void)
{
  check_matrix_pixels (KS_PALETTE_LIGHT);
  check_matrix_pixels (KS_PALETTE_DARK);
  check_matrix_pixels (KS_PALETTE_HIGH_CONTRAST);
}

static void
test_matrix_overlay (void)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autoptr(KsMatrixLayout) layout = NULL;
  cairo_surface_t *base = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  const char *lines[] = { "Score 63.4 (good)", "Revenue 1 234 567" };
  gint64 selected[] = { 3 };
  KsMatrixDrawState state = { 0 };
  double cx, cy, r;
  cairo_t *cr;
  Matrix m;

  matrix_init (&m, palette);
  layout = ks_matrix_layout_new (&m.spec, m.bubbles, 4, palette, W, H, NULL);

  /* Static layers once, then the overlay over a copy: as the app does. */
  cr = cairo_create (base);
  ks_matrix_draw (cr, layout, palette, NULL);
  cairo_destroy (cr);
  g_assert_true (ks_matrix_layout_get_bubble (layout, 1, &cx, &cy, &r));
  state.layers = KS_MATRIX_LAYER_OVERLAY;
  state.hover_id = 2;
  state.selected_ids = selected;
  state.n_selected = 1;
  state.focus_id = 1;
  state.drag = KS_MATRIX_DRAG_Y_DIVIDER;
  state.show_card = TRUE;
  state.pointer_x = cx;
  state.pointer_y = cy;
  state.card_lines = lines;
  state.n_card_lines = 2;
  cr = cairo_create (s);
  cairo_set_source_surface (cr, base, 0, 0);
  cairo_paint (cr);
  ks_matrix_draw (cr, layout, palette, &state);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  cairo_surface_flush (base);
  /* The hover ring just outside the hovered bubble: the text colour. */
  assert_colour (pixel (s, (int) floor (cx + r + 2.0), (int) round (cy)), &palette->foreground, "hover ring");
  /* The card, below right of the pointer, is drawn on the surface colour. */
  assert_colour (pixel (s, (int) cx + 24, (int) cy + 24), &palette->surface, "hover card");
  /* The overlay leaves the rest alone. */
  g_assert_cmpuint (pixel (s, W - 2, H - 2), ==, pixel (base, W - 2, H - 2));
  cairo_surface_destroy (s);
  cairo_surface_destroy (base);
}

static void
test_matrix_files (void)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *svg = g_build_filename (dir, "matrix.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "matrix.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "matrix.bmp", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  Matrix m;

  matrix_init (&m, palette);
  g_assert_true (ks_matrix_export (svg, &m.spec, m.bubbles, 4, palette, 842, 595, &error));
  g_assert_no_error (error);
  assert_svg (svg);
  g_assert_true (ks_matrix_export (pdf, &m.spec, m.bubbles, 4, palette, 842, 595, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  if (text)
    {
      const char *needles[] = { "Retain", "Nurture", "Develop", "Invest", "Class A", "Class B", "Class C",
                                "ABC class", "Bubble area: won", "2026-Q2 → 2026-Q3", "Kessler",
                                "Nordwind", "Profitability", "Potential", "1 account not placed" };
      for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
        assert_contains (text, needles[i]);
    }
  g_assert_false (ks_matrix_export (bad, &m.spec, m.bubbles, 4, palette, 100, 100, &error));
  g_assert_error (error, KS_EXPORT_ERROR, KS_EXPORT_ERROR_FORMAT);
}

/* ---- ABC ---- */

static KsAbcReport *
make_report (void)
{
  static const double revenue[] = { 500, 300, 100, 50, 30, 20 };
  KsAbcReport *r = g_new0 (KsAbcReport, 1);
  double cum = 0;

  r->a_threshold = 60;
  r->b_threshold = 90;
  r->total = 1000;
  r->rows = g_array_new (FALSE, TRUE, sizeof (KsAbcRow));
  for (guint i = 0; i < G_N_ELEMENTS (revenue); i++)
    {
      KsAbcRow row = { i + 1, g_strdup_printf ("Account %u", i + 1), revenue[i], revenue[i] / 10, 0, 0, i + 1, i == 0 };
      double before = cum;

      cum += row.share;
      row.cumulative_share = cum;
      row.klass = before < 60 ? KS_ABC_A : before < 90 ? KS_ABC_B : KS_ABC_C;
      r->counts[row.klass]++;
      r->class_revenue[row.klass] += row.revenue;
      g_array_append_val (r->rows, row);
    }
  r->n_key = 1;
  r->key_revenue = 500;
  r->key_share = 50;
  return r;
}

static void
free_report (KsAbcReport *r)
{
  for (guint i = 0; i < r->rows->len; i++)
    g_free (g_array_index (r->rows, KsAbcRow, i).name);
  g_array_unref (r->rows);
  g_free (r);
}

static void
test_abc_files (void)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  KsAbcReport *report = make_report ();
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "abc.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "abc.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "abc.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAbcChart) chart = ks_abc_chart_new (report, palette, W, H, NULL);
  cairo_surface_t *s;
  double x, y;

  g_assert_true (ks_abc_chart_export (png, report, palette, W, H, &error));
  g_assert_no_error (error);
  s = load_png (png, W, H);
  /* The curve's colour on an account's point (the dots are the class colour). */
  g_assert_true (ks_abc_chart_get_point (chart, 2, &x, &y));
  assert_colour (pixel (s, (int) round (x), (int) round (y)), &palette->series[3], "class B dot");
  /* The curve between two points. */
  {
    double x2, y2;
    g_assert_true (ks_abc_chart_get_point (chart, 3, &x2, &y2));
    assert_colour (pixel (s, (int) round ((x + x2) / 2), (int) round ((y + y2) / 2)), &palette->accent, "curve");
  }
  cairo_surface_destroy (s);

  g_assert_true (ks_abc_chart_export (svg, report, palette, 842, 595, &error));
  g_assert_no_error (error);
  assert_svg (svg);
  g_assert_true (ks_abc_chart_export (pdf, report, palette, 842, 595, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  if (text)
    {
      assert_contains (text, "A · 2 accounts · 80 % of revenue");
      assert_contains (text, "B · 1 account · 10 % of revenue");
      assert_contains (text, "C · 3 accounts · 10 % of revenue");
      assert_contains (text, "20/80");
      assert_contains (text, "Equal shares");
      assert_contains (text, "1 key account brings 50 % of revenue: within the 50–60 % rule of thumb");
      assert_contains (text, "100 %");
    }
  free_report (report);
}

/* ---- ranking ---- */

static void
test_ranking_files (void)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "ranking.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "ranking.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "ranking.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  KsRanking ranking = { 3, g_array_new (FALSE, TRUE, sizeof (KsRankEntry)), g_array_new (FALSE, TRUE, sizeof (KsRankEntry)) };
  KsRankEntry before[] = {
    { 1, (char *) "Kessler", 1500000, 1, 2 },
    { 2, (char *) "Nordwind", 1200000, 2, 1 },
    { 3, (char *) "Polar", 900000, 3, 0 },
  };
  KsRankEntry after[] = {
    { 2, (char *) "Nordwind", 1700000, 1, 2 },
    { 1, (char *) "Kessler", 1600000, 2, 1 },
    { 4, (char *) "Aurora", 1000000, 3, 0 },
  };
  cairo_surface_t *s;

  g_array_append_vals (ranking.before, before, 3);
  g_array_append_vals (ranking.after, after, 3);
  g_assert_true (ks_ranking_chart_export (png, &ranking, "2025", "2026", KS_RANKING_VALUE_MONEY, palette, W, H, &error));
  g_assert_no_error (error);
  s = load_png (png, W, H);
  assert_colour (pixel (s, W / 2, H - 2), &palette->background, "page");
  cairo_surface_destroy (s);
  g_assert_true (ks_ranking_chart_export (svg, &ranking, "2025", "2026", KS_RANKING_VALUE_MONEY, palette, 842, 595, &error));
  g_assert_no_error (error);
  assert_svg (svg);
  g_assert_true (ks_ranking_chart_export (pdf, &ranking, "2025", "2026", KS_RANKING_VALUE_MONEY, palette, 842, 595, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  if (text)
    {
      assert_contains (text, "2025");
      assert_contains (text, "2026");
      assert_contains (text, "Aurora");
      assert_contains (text, "new");
      assert_contains (text, "out");
      /* pdftotext may drop the space after the arrow. */
      assert_contains (text, "▲");
      assert_contains (text, "▼");
      /* Money grouped by three. */
      assert_contains (text, "1 700 000");
    }
  g_array_unref (ranking.before);
  g_array_unref (ranking.after);
}

/* ---- with nothing to show ---- */

/* Charts of no data say so instead of axes, classes and quadrants that look
 * like results: an ABC report whose accounts have no revenue (it classed
 * them all C, with "20 % of the accounts bring 0 %"), a ranking of nobody
 * (two empty columns) and a matrix where nobody can be placed. */
static void
test_empty_files (void)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *abc_pdf = g_build_filename (dir, "abc-empty.pdf", NULL);
  g_autofree char *ranking_pdf = g_build_filename (dir, "ranking-empty.pdf", NULL);
  g_autofree char *matrix_pdf = g_build_filename (dir, "matrix-empty.pdf", NULL);
  g_autofree char *matrix_png = g_build_filename (dir, "matrix-empty.png", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  KsAbcReport *report = make_report ();
  KsRanking ranking = { 20, g_array_new (FALSE, TRUE, sizeof (KsRankEntry)), g_array_new (FALSE, TRUE, sizeof (KsRankEntry)) };
  g_autoptr(KsAbcChart) abc = NULL;
  g_autoptr(KsRankingChart) rank = NULL;
  g_autoptr(KsMatrixLayout) layout = NULL;
  KsChartRect plot;
  cairo_surface_t *s;
  Matrix m;

  /* the same accounts, none with revenue */
  report->total = 0;
  report->key_share = report->key_revenue = 0;
  for (guint i = 0; i < report->rows->len; i++)
    {
      KsAbcRow *row = &g_array_index (report->rows, KsAbcRow, i);
      row->revenue = row->share = row->cumulative_share = 0;
      row->klass = KS_ABC_C;
    }
  abc = ks_abc_chart_new (report, palette, W, H, NULL);
  g_assert_true (ks_abc_chart_is_empty (abc));
  g_assert_cmpint (ks_abc_chart_hit_test (abc, W / 2.0, H / 2.0), ==, -1);
  g_assert_true (ks_abc_chart_export (abc_pdf, report, palette, 842, 595, &error));
  g_assert_no_error (error);
  text = pdf_text (abc_pdf);
  if (text)
    {
      assert_contains (text, "No won opportunities yet");
      assert_lacks (text, "20/80");
      assert_lacks (text, "Cumulative share of revenue");
      assert_lacks (text, "accounts bring");
    }
  g_clear_pointer (&text, g_free);
  /* revenue makes it a chart again */
  free_report (report);
  report = make_report ();
  g_clear_pointer (&abc, ks_abc_chart_free);
  abc = ks_abc_chart_new (report, palette, W, H, NULL);
  g_assert_false (ks_abc_chart_is_empty (abc));
  free_report (report);

  rank = ks_ranking_chart_new (&ranking, "2026-Q2", "2026-Q3", KS_RANKING_VALUE_SCORE, palette, W, H, NULL);
  g_assert_true (ks_ranking_chart_is_empty (rank));
  g_assert_true (ks_ranking_chart_export (ranking_pdf, &ranking, "2026-Q2", "2026-Q3", KS_RANKING_VALUE_SCORE,
                                          palette, 842, 595, &error));
  g_assert_no_error (error);
  text = pdf_text (ranking_pdf);
  if (text)
    {
      assert_contains (text, "No scores to rank yet");
      assert_lacks (text, "2026-Q3");
    }
  g_clear_pointer (&text, g_free);
  g_array_unref (ranking.before);
  g_array_unref (ranking.after);

  /* nobody with a value on both axes; then one who has */
  matrix_init (&m, palette);
  for (guint i = 0; i < 4; i++)
    m.bubbles[i].x = NAN;
  layout = ks_matrix_layout_new (&m.spec, m.bubbles, 4, palette, W, H, NULL);
  g_assert_true (ks_matrix_layout_is_empty (layout));
  g_assert_true (ks_matrix_export (matrix_pdf, &m.spec, m.bubbles, 4, palette, 842, 595, &error));
  g_assert_no_error (error);
  text = pdf_text (matrix_pdf);
  if (text)
    assert_contains (text, "No account placed yet");
  /* the message sits on a card in the middle of the plot */
  g_assert_true (ks_matrix_export (matrix_png, &m.spec, m.bubbles, 4, palette, W, H, &error));
  g_assert_no_error (error);
  s = load_png (matrix_png, W, H);
  ks_matrix_layout_get_plot_rect (layout, &plot);
  assert_colour (pixel (s, (int) (plot.x + plot.width / 2), (int) (plot.y + plot.height / 2)),
                 &palette->surface, "message card");
  cairo_surface_destroy (s);
  m.bubbles[0].x = 23;
  g_clear_pointer (&layout, ks_matrix_layout_free);
  layout = ks_matrix_layout_new (&m.spec, m.bubbles, 4, palette, W, H, NULL);
  g_assert_false (ks_matrix_layout_is_empty (layout));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/portfolio-draw/matrix-pixels", test_matrix_pixels);
  g_test_add_func ("/render/portfolio-draw/matrix-overlay", test_matrix_overlay);
  g_test_add_func ("/render/portfolio-draw/matrix-files", test_matrix_files);
  g_test_add_func ("/render/portfolio-draw/abc-files", test_abc_files);
  g_test_add_func ("/render/portfolio-draw/ranking-files", test_ranking_files);
  g_test_add_func ("/render/portfolio-draw/empty-files", test_empty_files);
  return g_test_run ();
}
