/* test-grid-layout.c — render: the geometry of a grid with a sticky header
 * row and first column (cell rectangles, hit testing, visible rows, scrolling
 * a cell into view), and that drawing paints only what shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "ks-chart.h"
#include "ks-grid-draw.h"
#include "ks-grid-layout.h"
#include "ks-palette.h"

static KsPalette *palette;

typedef struct
{
  guint n_rows;
  guint calls;                /* cell function calls while drawing */
  guint max_row_drawn;
  guint min_row_drawn;
} Data;

static const char *headers[] = { "Account", "Short", "A much longer header", "Weighted" };

static void
cell_func (guint       row,
           guint       column,
           KsGridCell *cell,
           gpointer    user_data)
{
  Data *data = user_data;
  static char buf[64];

  if (row == KS_GRID_HEADER)
    {
      cell->text = headers[column];
      cell->detail = column == 1 ? "weight 20" : NULL;
      return;
    }
  data->calls++;
  data->max_row_drawn = MAX (data->max_row_drawn, row);
  data->min_row_drawn = MIN (data->min_row_drawn, row);
  switch (column)
    {
    case 0:
      /* row 777 has the longest name; many rows are long but narrow */
      if (row == 777)
        cell->text = "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW";
      else if (row % 2)
        cell->text = "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii";
      else
        cell->text = "Account";
      break;
    case 3:
      cell->text = "35.0 moderate";
      cell->bar_color = &palette->accent;
      cell->bar_fraction = 0.35;
      break;
    default:
      g_snprintf (buf, sizeof buf, "%u", row % 101);
      cell->text = buf;
      break;
    }
}

static const KsGridColumn columns[] = {
  { 80, 0, KS_GRID_ALIGN_START, KS_GRID_COLUMN_DEFAULT },
  { 60, 0, KS_GRID_ALIGN_END, KS_GRID_COLUMN_DEFAULT },
  { 60, 90, KS_GRID_ALIGN_END, KS_GRID_COLUMN_DEFAULT },
  { 100, 0, KS_GRID_ALIGN_START, KS_GRID_COLUMN_BAR | KS_GRID_COLUMN_COMPUTED },
};

static KsGridLayout *
make_layout (Data  *data,
             guint  n_rows)
{
  KsGridLayout *layout = ks_grid_layout_new (palette, NULL);

  data->n_rows = n_rows;
  ks_grid_layout_set_content (layout, columns, G_N_ELEMENTS (columns), n_rows, cell_func, data);
  return layout;
}

static void
test_measure (void)
{
  Data data = { 0 };
  KsGridLayout *layout = make_layout (&data, 1000);
  KsGridLayout *small = ks_grid_layout_new (palette, NULL);
  double rh = ks_grid_layout_get_row_height (layout);
  double hh = ks_grid_layout_get_header_height (layout);
  double w, h, wide;

  g_assert_cmpuint (ks_grid_layout_get_n_columns (layout), ==, 4);
  g_assert_cmpuint (ks_grid_layout_get_n_rows (layout), ==, 1000);
  /* a 10 pt font at 96 dpi is 13.3 px: a row is a line plus padding */
  g_assert_cmpfloat (rh, >=, 16);
  g_assert_cmpfloat (rh, <=, 40);
  /* the header has a detail line: taller than a row */
  g_assert_cmpfloat (hh, >, rh);
  /* min and max widths hold */
  g_assert_cmpfloat (ks_grid_layout_get_column_width (layout, 1), >=, 60);
  g_assert_cmpfloat (ks_grid_layout_get_column_width (layout, 2), ==, 90);
  /* the widest name (one row of 1000, found among the longest texts) sets
   * column 0: 30 W are wider than the 34 i of half the rows */
  wide = ks_grid_layout_get_column_width (layout, 0);
  g_assert_cmpfloat (wide, >, 30 * 8);

  /* the same names in a small grid without row 777: narrower */
  data.n_rows = 10;
  ks_grid_layout_set_content (small, columns, G_N_ELEMENTS (columns), 10, cell_func, &data);
  g_assert_cmpfloat (ks_grid_layout_get_column_width (small, 0), <, wide);

  ks_grid_layout_get_size (layout, &w, &h);
  g_assert_cmpfloat (fabs (h - (hh + 1000 * rh)), <, 1e-9);
  g_assert_cmpfloat (fabs (w - (ks_grid_layout_get_column_width (layout, 0) + ks_grid_layout_get_column_width (layout, 1) +
                                ks_grid_layout_get_column_width (layout, 2) + ks_grid_layout_get_column_width (layout, 3))),
                     <, 1e-9);
  ks_grid_layout_free (small);
  ks_grid_layout_free (layout);
}

static void
test_cell_rects (void)
{
  Data data = { 0 };
  KsGridLayout *layout = make_layout (&data, 1000);
  double rh = ks_grid_layout_get_row_height (layout);
  double hh = ks_grid_layout_get_header_height (layout);
  double w0 = ks_grid_layout_get_column_width (layout, 0);
  double w1 = ks_grid_layout_get_column_width (layout, 1);
  KsGridView view = { 800, 300, 0, 0 };
  KsGridRect r, body;

  r = ks_grid_layout_get_cell_rect (layout, &view, 2, 2);
  g_assert_cmpfloat (r.x, ==, w0 + w1);
  g_assert_cmpfloat (r.y, ==, hh + 2 * rh);
  g_assert_cmpfloat (r.height, ==, rh);

  view.scroll_x = 30;
  view.scroll_y = 50;
  r = ks_grid_layout_get_cell_rect (layout, &view, 2, 2);
  g_assert_cmpfloat (r.x, ==, w0 + w1 - 30);
  g_assert_cmpfloat (r.y, ==, hh + 2 * rh - 50);
  /* the first column does not scroll sideways, but with the rows */
  r = ks_grid_layout_get_cell_rect (layout, &view, 2, 0);
  g_assert_cmpfloat (r.x, ==, 0);
  g_assert_cmpfloat (r.y, ==, hh + 2 * rh - 50);
  /* the header does not scroll down, but sideways */
  r = ks_grid_layout_get_cell_rect (layout, &view, KS_GRID_HEADER, 2);
  g_assert_cmpfloat (r.y, ==, 0);
  g_assert_cmpfloat (r.height, ==, hh);
  g_assert_cmpfloat (r.x, ==, w0 + w1 - 30);
  /* the corner stays */
  r = ks_grid_layout_get_cell_rect (layout, &view, KS_GRID_HEADER, 0);
  g_assert_cmpfloat (r.x, ==, 0);
  g_assert_cmpfloat (r.y, ==, 0);

  body = ks_grid_layout_get_body_rect (layout, &view);
  g_assert_cmpfloat (body.x, ==, w0);
  g_assert_cmpfloat (body.y, ==, hh);
  g_assert_cmpfloat (body.width, ==, 800 - w0);
  g_assert_cmpfloat (body.height, ==, 300 - hh);
  ks_grid_layout_free (layout);
}

static void
test_hit_test (void)
{
  Data data = { 0 };
  KsGridLayout *layout = make_layout (&data, 20);
  double rh = ks_grid_layout_get_row_height (layout);
  double hh = ks_grid_layout_get_header_height (layout);
  double w0 = ks_grid_layout_get_column_width (layout, 0);
  double w1 = ks_grid_layout_get_column_width (layout, 1);
  double w2 = ks_grid_layout_get_column_width (layout, 2);
  double total_w, total_h;
  KsGridView view = { 2000, 2000, 0, 0 };
  guint row, column;

  ks_grid_layout_get_size (layout, &total_w, &total_h);

  /* unscrolled: the middle of cell (3, 2) */
  g_assert_cmpint (ks_grid_layout_hit_test (layout, &view, w0 + w1 + w2 / 2, hh + 3.5 * rh, &row, &column),
                   ==, KS_GRID_HIT_CELL);
  g_assert_cmpuint (row, ==, 3);
  g_assert_cmpuint (column, ==, 2);
  /* exactly at a cell's top-left corner it is that cell */
  g_assert_cmpint (ks_grid_layout_hit_test (layout, &view, w0 + w1, hh + 3 * rh, &row, &column), ==, KS_GRID_HIT_CELL);
  g_assert_cmpuint (row, ==, 3);
  g_assert_cmpuint (column, ==, 2);
  /* just before it, the neighbours */
  g_assert_cmpint (ks_grid_layout_hit_test (layout, &view, w0 + w1 - 0.5, hh + 3 * rh - 0.5, &row, &column), ==, KS_GRID_HIT_CELL);
  g_assert_cmpuint (row, ==, 2);
  g_assert_cmpuint (column, ==, 1);

  /* header, corner, nothing */
  g_assert_cmpint (ks_grid_layout_hit_test (layout, &view, w0 + 1, 1, &row, &column), ==, KS_GRID_HIT_HEADER);
  g_assert_cmpuint (column, ==, 1);
  g_assert_cmpuint (row, ==, KS_GRID_NONE);
  g_assert_cmpint (ks_grid_layout_hit_test (layout, &view, 1, 1, &row, &column), ==, KS_GRID_HIT_CORNER);
  g_assert_cmpuint (column, ==, 0);
  g_assert_cmpint (ks_grid_layout_hit_test (layout, &view, 5, total_h + 1, &row, &column), ==, KS_GRID_HIT_NONE);
  g_assert_cmpint (ks_grid_layout_hit_test (layout, &view, total_w + 1, hh + 1, &row, &column), ==, KS_GRID_HIT_NONE);
  g_assert_cmpint (ks_grid_layout_hit_test (layout, &view, -1, hh + 1, &row, &column), ==, KS_GRID_HIT_NONE);

  /* scrolled by 2.5 rows and 10 px: (hh + 0.2 rh) is in row 2, the header stays on top */
  view = (KsGridView) { w0 + 300, 200, 10, 2.5 * rh };
  g_assert_cmpint (ks_grid_layout_hit_test (layout, &view, w0 + w1 - 10 + 1, hh + 0.2 * rh, &row, &column),
                   ==, KS_GRID_HIT_CELL);
  g_assert_cmpuint (row, ==, 2);
  g_assert_cmpuint (column, ==, 2);
  g_assert_cmpint (ks_grid_layout_hit_test (layout, &view, w0 + w1 - 10 + 1, hh - 1, &row, &column),
                   ==, KS_GRID_HIT_HEADER);
  g_assert_cmpuint (column, ==, 2);
  /* the first column lies on top of the scrolled ones */
  view.scroll_x = w1 + w2;
  g_assert_cmpint (ks_grid_layout_hit_test (layout, &view, w0 - 1, hh + 0.7 * rh, &row, &column), ==, KS_GRID_HIT_CELL);
  g_assert_cmpuint (row, ==, 3);
  g_assert_cmpuint (column, ==, 0);
  g_assert_cmpint (ks_grid_layout_hit_test (layout, &view, w0 + 1, hh + 0.7 * rh, &row, &column), ==, KS_GRID_HIT_CELL);
  g_assert_cmpuint (column, ==, 3);
  /* outside the view */
  g_assert_cmpint (ks_grid_layout_hit_test (layout, &view, w0 + 301, 10, &row, &column), ==, KS_GRID_HIT_NONE);
  ks_grid_layout_free (layout);
}

static void
test_visible_rows (void)
{
  Data data = { 0 };
  KsGridLayout *layout = make_layout (&data, 1000);
  double rh = ks_grid_layout_get_row_height (layout);
  double hh = ks_grid_layout_get_header_height (layout);
  double w0 = ks_grid_layout_get_column_width (layout, 0);
  double w1 = ks_grid_layout_get_column_width (layout, 1);
  KsGridView view = { w0 + w1 + 5, hh + 10.5 * rh, 0, 3.5 * rh };
  double max_x, max_y, sx, sy;
  guint first, n;

  /* rows 3 (half hidden) … 13 (half shown) */
  ks_grid_layout_get_visible_rows (layout, &view, &first, &n);
  g_assert_cmpuint (first, ==, 3);
  g_assert_cmpuint (n, ==, 11);
  g_assert_cmpuint (ks_grid_layout_get_page_rows (layout, &view), ==, 10);
  /* column 1 and 5 px of column 2 */
  ks_grid_layout_get_visible_columns (layout, &view, &first, &n);
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (n, ==, 2);
  view.scroll_x = w1;
  ks_grid_layout_get_visible_columns (layout, &view, &first, &n);
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpuint (n, ==, 1);

  /* the end */
  view.scroll_y = 1000 * rh - 10.5 * rh;
  ks_grid_layout_get_max_scroll (layout, &view, &max_x, &max_y);
  g_assert_cmpfloat (fabs (max_y - view.scroll_y), <, 1e-9);
  ks_grid_layout_get_visible_rows (layout, &view, &first, &n);
  g_assert_cmpuint (first + n, ==, 1000);
  g_assert_cmpuint (first, ==, 989);

  /* scrolling a cell into view: row 50 from the top lands on the last whole line */
  view.scroll_x = 0;
  view.scroll_y = 0;
  ks_grid_layout_scroll_to_cell (layout, &view, 50, 1, &sx, &sy);
  g_assert_cmpfloat (fabs (sy - (51 * rh - 10.5 * rh)), <, 1e-9);
  g_assert_cmpfloat (sx, ==, 0);
  /* back to row 2: it becomes the first line */
  view.scroll_y = sy;
  ks_grid_layout_scroll_to_cell (layout, &view, 2, 1, &sx, &sy);
  g_assert_cmpfloat (sy, ==, 2 * rh);
  /* a visible cell does not scroll */
  view.scroll_y = sy;
  ks_grid_layout_scroll_to_cell (layout, &view, 5, 1, &sx, &sy);
  g_assert_cmpfloat (sy, ==, 2 * rh);
  /* the last column: its right edge at the view's right edge (in a view
   * where it fits beside the sticky one) */
  view.width = w0 + MAX (w1, ks_grid_layout_get_column_width (layout, 3)) + 20;
  ks_grid_layout_get_max_scroll (layout, &view, &max_x, &max_y);
  ks_grid_layout_scroll_to_cell (layout, &view, 5, 3, &sx, &sy);
  g_assert_cmpfloat (fabs (sx - max_x), <, 1e-9);
  /* and back to column 1: just right of the sticky column */
  view.scroll_x = sx;
  ks_grid_layout_scroll_to_cell (layout, &view, 5, 1, &sx, &sy);
  g_assert_cmpfloat (sx, ==, 0);
  /* the header and column 0 never need scrolling */
  view.scroll_x = 17;
  view.scroll_y = 33;
  ks_grid_layout_scroll_to_cell (layout, &view, KS_GRID_HEADER, 0, &sx, &sy);
  g_assert_cmpfloat (sx, ==, 17);
  g_assert_cmpfloat (sy, ==, 33);
  ks_grid_layout_free (layout);
}

static void
test_draw_visible_only (void)
{
  Data data = { 0 };
  KsGridLayout *layout = make_layout (&data, 8500);
  double rh = ks_grid_layout_get_row_height (layout);
  double hh = ks_grid_layout_get_header_height (layout);
  KsGridView view = { 800, hh + 20 * rh, 0, 4000 * rh };
  KsGridDrawState state = { 4005, 2, TRUE, FALSE, "Scores are 0–100" };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, (int) view.height);
  cairo_t *cr = cairo_create (surface);
  unsigned char *px;
  int stride;
  guint32 at_focus;

  data.calls = 0;
  data.min_row_drawn = G_MAXUINT;
  data.max_row_drawn = 0;
  ks_grid_draw (cr, layout, &view, palette, &state, cell_func, &data);
  /* 20 rows × 4 columns, not 8,500 rows */
  g_assert_cmpuint (data.min_row_drawn, ==, 4000);
  g_assert_cmpuint (data.max_row_drawn, ==, 4019);
  g_assert_cmpuint (data.calls, ==, 20 * 4);

  /* the focus outline is the accent colour (cairo: premultiplied ARGB) */
  cairo_surface_flush (surface);
  px = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  {
    KsGridRect r = ks_grid_layout_get_cell_rect (layout, &view, 4005, 2);
    int x = (int) (r.x + r.width / 2), y = (int) r.y;

    at_focus = *(guint32 *) (px + y * stride + x * 4);
    g_assert_cmpint ((at_focus >> 16) & 0xff, ==, (int) round (palette->accent.red * 255));
    g_assert_cmpint ((at_focus >> 8) & 0xff, ==, (int) round (palette->accent.green * 255));
    g_assert_cmpint (at_focus & 0xff, ==, (int) round (palette->accent.blue * 255));
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  ks_grid_layout_free (layout);
}

/* Draws @view once into a small image (the pixels are not looked at). */
static void
draw_view (KsGridLayout     *layout,
           const KsGridView *view,
           Data             *data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) view->width, (int) view->height);
  cairo_t *cr = cairo_create (surface);

  ks_grid_draw (cr, layout, view, palette, NULL, cell_func, data);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* What the list does while idle after a frame: the next page's texts are
 * shaped ahead, so the frame after a page down shapes nothing; a page not
 * prepared does. */
static void
test_prepare_ahead (void)
{
  Data data = { 0 };
  KsGridLayout *layout = make_layout (&data, 8500);
  double rh = ks_grid_layout_get_row_height (layout);
  double hh = ks_grid_layout_get_header_height (layout);
  KsGridView view = { 800, hh + 20 * rh, 0, 4000 * rh };
  guint first, n, before;

  draw_view (layout, &view, &data);
  ks_grid_layout_get_visible_rows (layout, &view, &first, &n);
  g_assert_cmpuint (first, ==, 4000);
  g_assert_cmpuint (n, ==, 20);
  before = ks_grid_draw_count_shaped (layout);
  g_assert_cmpuint (before, >, 0);

  /* the page below: shaped by prepare (rows 4020–4039 show numbers the
   * page above did not: 4020 % 101 = 81 … 4039 % 101 = 100, against 61–80) */
  ks_grid_draw_prepare (layout, &view, first + n, n, cell_func, &data);
  g_assert_cmpuint (ks_grid_draw_count_shaped (layout), >, before);
  before = ks_grid_draw_count_shaped (layout);
  view.scroll_y += n * rh;
  draw_view (layout, &view, &data);
  g_assert_cmpuint (ks_grid_draw_count_shaped (layout), ==, before);

  /* a far page nobody prepared is shaped in its frame: 5000 % 101 = 51,
   * numbers the two pages before did not show */
  view.scroll_y = 5000 * rh;
  draw_view (layout, &view, &data);
  g_assert_cmpuint (ks_grid_draw_count_shaped (layout), >, before);

  /* past the last row: nothing to prepare, and no crash */
  ks_grid_draw_prepare (layout, &view, 8500, 20, cell_func, &data);
  ks_grid_draw_prepare (layout, &view, 8490, 20, cell_func, &data);
  ks_grid_layout_free (layout);
}

static void
distinct_cell_func (guint       row,
                    guint       column,
                    KsGridCell *cell,
                    gpointer    user_data)
{
  static char buf[64];

  if (row == KS_GRID_HEADER)
    {
      cell->text = headers[column];
      return;
    }
  g_snprintf (buf, sizeof buf, "%u/%u", row, column);
  cell->text = buf;
}

/* Scrolling through thousands of distinct texts: the kept ones stay
 * bounded (two generations of 2,048), and what the view shows survives
 * the turn-over, so drawing it again shapes nothing. */
static void
test_shaped_bounded (void)
{
  Data data = { 0 };
  KsGridLayout *layout = make_layout (&data, 8500);
  double rh = ks_grid_layout_get_row_height (layout);
  double hh = ks_grid_layout_get_header_height (layout);
  KsGridView view = { 800, hh + 20 * rh, 0, 0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, (int) view.height);
  cairo_t *cr = cairo_create (surface);
  guint n;

  /* 4 columns × 20 rows × 100 pages = 8,000 distinct texts */
  for (guint page = 0; page < 100; page++)
    {
      view.scroll_y = page * 20 * rh;
      ks_grid_draw (cr, layout, &view, palette, NULL, distinct_cell_func, &data);
      g_assert_cmpuint (ks_grid_draw_count_shaped (layout), <=, 2 * 2048);
    }
  n = ks_grid_draw_count_shaped (layout);
  g_assert_cmpuint (n, >=, 2048);
  ks_grid_draw (cr, layout, &view, palette, NULL, distinct_cell_func, &data);
  g_assert_cmpuint (ks_grid_draw_count_shaped (layout), ==, n);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  ks_grid_layout_free (layout);
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *bytes,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* A PDF keeps the text behind the glyphs (an export stays searchable); the
 * screen, images and the app's snapshots get glyphs only, as does SVG
 * (cairo writes its glyphs as shapes whatever it is given). */
static void
test_target_keeps_text (void)
{
  struct { cairo_surface_t *surface; gboolean keeps; } cases[] = {
    { cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10), FALSE },
    { cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL), FALSE },
    { cairo_pdf_surface_create_for_stream (discard, NULL, 100, 100), TRUE },
    { cairo_svg_surface_create_for_stream (discard, NULL, 100, 100), FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cairo_t *cr = cairo_create (cases[i].surface);

      g_assert_cmpint (ks_chart_target_keeps_text (cr), ==, cases[i].keeps);
      cairo_destroy (cr);
      cairo_surface_destroy (cases[i].surface);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  palette = ks_palette_new (KS_PALETTE_LIGHT);

  g_test_add_func ("/render/grid/measure", test_measure);
  g_test_add_func ("/render/grid/cell-rects", test_cell_rects);
  g_test_add_func ("/render/grid/hit-test", test_hit_test);
  g_test_add_func ("/render/grid/visible-rows", test_visible_rows);
  g_test_add_func ("/render/grid/draw-visible-only", test_draw_visible_only);
  g_test_add_func ("/render/grid/prepare-ahead", test_prepare_ahead);
  g_test_add_func ("/render/grid/shaped-bounded", test_shaped_bounded);
  g_test_add_func ("/render/grid/target-keeps-text", test_target_keeps_text);

  status = g_test_run ();
  ks_palette_free (palette);
  return status;
}
