/* ks-grid-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows all have one height (the palette font's line plus padding), so the
 * row under a point and the rows in a view are one division each, whatever
 * the number of rows.
 */
#define G_LOG_DOMAIN "ks-grid-layout"

#include <math.h>
#include <string.h>

#include "ks-chart.h"
#include "ks-grid-layout-private.h"

/* Above this many rows only the texts estimated widest are shaped and
 * measured (8,500 names: 150 ms all shaped, 4 ms so). */
#define MEASURE_ALL_ROWS  256
#define MEASURE_WIDEST     32

/* A value of the shaped-text caches (ks-grid-draw.c): a KsChartText. */
static void
shaped_text_free (gpointer data)
{
  ks_chart_text_clear (data);
  g_free (data);
}

static PangoContext *
make_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: the same widths on screen and in files. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96.0);
  cairo_font_options_destroy (options);
  return context;
}

static PangoLayout *
make_layout (PangoContext               *context,
             const PangoFontDescription *font)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

/* The content width of one cell, padding and bar included. */
static double
cell_width (KsGridLayout     *self,
            const KsGridColumn *column,
            const KsGridCell *cell)
{
  double w = ks_chart_text_width (self->text, cell->text);

  if ((column->flags & KS_GRID_COLUMN_BAR) && cell->bar_color)
    w += self->bar_w + self->pad_x;
  return w + 2 * self->pad_x;
}

typedef struct
{
  guint  row;
  double estimate;
} Candidate;

/* Keeps the @max widest estimates in @best (sorted, widest first). */
static void
candidate_add (GArray *best,
               guint   max,
               guint   row,
               double  estimate)
{
  guint i;
  Candidate c = { row, estimate };

  if (best->len == max && g_array_index (best, Candidate, max - 1).estimate >= estimate)
    return;
  for (i = best->len; i > 0 && g_array_index (best, Candidate, i - 1).estimate < estimate; i--)
    ;
  g_array_insert_val (best, i, c);
  if (best->len > max)
    g_array_set_size (best, max);
}

/* The sum of the characters' advances, each measured once (in @advances,
 * 1/64 px): close to the shaped width for all but complex scripts, and a
 * hash lookup per character instead of a shaping run per text. */
static double
estimate_width (KsGridLayout *self,
                GHashTable   *advances,
                const char   *text)
{
  double w = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      gpointer value;

      if (!g_hash_table_lookup_extended (advances, GUINT_TO_POINTER (ch), NULL, &value))
        {
          char buf[8] = { 0 };

          g_unichar_to_utf8 (ch, buf);
          value = GINT_TO_POINTER ((int) round (ks_chart_text_width (self->text, buf) * 64));
          g_hash_table_insert (advances, GUINT_TO_POINTER (ch), value);
        }
      w += GPOINTER_TO_INT (value) / 64.0;
    }
  return w;
}

static void
measure (KsGridLayout   *self,
         KsGridCellFunc  func,
         gpointer        user_data)
{
  gboolean has_detail = FALSE;
  double x = 0, header_w;
  g_autoptr(GArray) best = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GHashTable) advances = g_hash_table_new (NULL, NULL);

  self->header_lines = 1;

  for (guint c = 0; c < self->n_columns; c++)
    {
      const KsGridColumn *column = &self->columns[c];
      KsGridCell cell = { 0 };
      double w;

      func (KS_GRID_HEADER, c, &cell, user_data);
      header_w = ks_chart_text_width (self->header_text, cell.text) + 2 * self->pad_x;
      w = MAX (header_w, ks_chart_text_width (self->detail_text, cell.detail) + 2 * self->pad_x);
      if (cell.detail && *cell.detail)
        has_detail = TRUE;

      if (self->n_rows <= MEASURE_ALL_ROWS)
        for (guint r = 0; r < self->n_rows; r++)
          {
            memset (&cell, 0, sizeof cell);
            func (r, c, &cell, user_data);
            w = MAX (w, cell_width (self, column, &cell));
          }
      else
        {
          /* Estimates pick the widest texts; those are measured exactly. */
          g_array_set_size (best, 0);
          for (guint r = 0; r < self->n_rows; r++)
            {
              memset (&cell, 0, sizeof cell);
              func (r, c, &cell, user_data);
              if (cell.text)
                candidate_add (best, MEASURE_WIDEST, r, estimate_width (self, advances, cell.text));
            }
          for (guint i = 0; i < best->len; i++)
            {
              memset (&cell, 0, sizeof cell);
              func (g_array_index (best, Candidate, i).row, c, &cell, user_data);
              w = MAX (w, cell_width (self, column, &cell));
            }
          if (column->flags & KS_GRID_COLUMN_BAR)
            w = MAX (w, self->bar_w + 3 * self->pad_x);
        }

      if (column->min_width > 0)
        w = MAX (w, column->min_width);
      if (column->max_width > 0)
        w = MIN (w, column->max_width);
      /* a header wider than its column wraps onto a second line */
      if (ceil (w) < header_w)
        self->header_lines = 2;
      self->col_x[c] = x;
      x += ceil (w);
    }
  self->col_x[self->n_columns] = x;
  self->header_h = ceil (self->header_lines * self->line_h + (has_detail ? self->detail_h : 0) +
                         self->header_extra + 2 * self->pad_y);
}

/* Public API */

KsGridLayout *
ks_grid_layout_new (const KsPalette *palette,
                    PangoContext    *context)
{
  KsGridLayout *self;

  g_return_val_if_fail (palette != NULL, NULL);

  self = g_new0 (KsGridLayout, 1);
  self->context = context ? g_object_ref (context) : make_context ();
  self->font = ks_chart_font_new (palette, 1.0, PANGO_WEIGHT_NORMAL);
  self->header_font = ks_chart_font_new (palette, 1.0, PANGO_WEIGHT_BOLD);
  self->detail_font = ks_chart_font_new (palette, 0.85, PANGO_WEIGHT_NORMAL);
  self->text = make_layout (self->context, self->font);
  self->header_text = make_layout (self->context, self->header_font);
  self->detail_text = make_layout (self->context, self->detail_font);
  self->shaped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, shaped_text_free);
  self->shaped_old = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, shaped_text_free);

  self->font_px = ks_chart_context_font_px (palette, self->context);
  self->pad_x = round (self->font_px * 0.6);
  self->pad_y = round (self->font_px * 0.45);
  self->line_h = ceil (MAX (ks_chart_line_height (self->context, self->font),
                            ks_chart_line_height (self->context, self->header_font)));
  self->detail_h = ceil (ks_chart_line_height (self->context, self->detail_font));
  self->row_h = ceil (self->line_h + 2 * self->pad_y);
  self->header_h = self->row_h;
  self->header_lines = 1;
  self->bar_w = round (self->font_px * 3);
  self->bar_h = MAX (4, round (self->font_px * 0.4));
  self->col_x = g_new0 (double, 1);
  return self;
}

void
ks_grid_layout_free (KsGridLayout *self)
{
  if (!self)
    return;
  g_object_unref (self->text);
  g_object_unref (self->header_text);
  g_object_unref (self->detail_text);
  g_hash_table_unref (self->shaped);
  g_hash_table_unref (self->shaped_old);
  pango_font_description_free (self->font);
  pango_font_description_free (self->header_font);
  pango_font_description_free (self->detail_font);
  g_object_unref (self->context);
  g_free (self->columns);
  g_free (self->col_x);
  g_free (self);
}

void
ks_grid_layout_set_content (KsGridLayout       *self,
                            const KsGridColumn *columns,
                            guint               n_columns,
                            guint               n_rows,
                            KsGridCellFunc      func,
                            gpointer            user_data)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (columns != NULL || n_columns == 0);
  g_return_if_fail (func != NULL);

  g_free (self->columns);
  g_free (self->col_x);
  self->columns = g_memdup2 (columns, sizeof (KsGridColumn) * n_columns);
  self->n_columns = n_columns;
  self->n_rows = n_rows;
  self->col_x = g_new0 (double, n_columns + 1);
  measure (self, func, user_data);
}

void
ks_grid_layout_set_header_extra (KsGridLayout *self,
                                 double        height)
{
  g_return_if_fail (self != NULL);
  self->header_extra = MAX (0, ceil (height));
}

void
ks_grid_layout_set_n_rows (KsGridLayout *self,
                           guint         n_rows)
{
  g_return_if_fail (self != NULL);
  self->n_rows = n_rows;
}

guint
ks_grid_layout_get_n_rows (const KsGridLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

guint
ks_grid_layout_get_n_columns (const KsGridLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

double
ks_grid_layout_get_row_height (const KsGridLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->row_h;
}

double
ks_grid_layout_get_header_height (const KsGridLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->header_h;
}

double
ks_grid_layout_get_column_width (const KsGridLayout *self,
                                 guint               column)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (column < self->n_columns, 0);
  return self->col_x[column + 1] - self->col_x[column];
}

void
ks_grid_layout_get_size (const KsGridLayout *self,
                         double             *width,
                         double             *height)
{
  g_return_if_fail (self != NULL);
  if (width)
    *width = self->col_x[self->n_columns];
  if (height)
    *height = self->header_h + self->n_rows * self->row_h;
}

void
ks_grid_layout_get_max_scroll (const KsGridLayout *self,
                               const KsGridView   *view,
                               double             *max_x,
                               double             *max_y)
{
  double w, h;

  g_return_if_fail (self != NULL && view != NULL);
  ks_grid_layout_get_size (self, &w, &h);
  if (max_x)
    *max_x = MAX (0, w - view->width);
  if (max_y)
    *max_y = MAX (0, h - view->height);
}

KsGridRect
ks_grid_layout_get_cell_rect (const KsGridLayout *self,
                              const KsGridView   *view,
                              guint               row,
                              guint               column)
{
  KsGridRect r = { 0 };

  g_return_val_if_fail (self != NULL && view != NULL, r);
  g_return_val_if_fail (column < self->n_columns, r);

  r.x = column == 0 ? 0 : self->col_x[column] - view->scroll_x;
  r.width = self->col_x[column + 1] - self->col_x[column];
  if (row == KS_GRID_HEADER)
    {
      r.y = 0;
      r.height = self->header_h;
    }
  else
    {
      r.y = self->header_h + row * self->row_h - view->scroll_y;
      r.height = self->row_h;
    }
  return r;
}

KsGridRect
ks_grid_layout_get_body_rect (const KsGridLayout *self,
                              const KsGridView   *view)
{
  KsGridRect r = { 0 };
  double first_w;

  g_return_val_if_fail (self != NULL && view != NULL, r);
  first_w = self->n_columns > 0 ? self->col_x[1] : 0;
  r.x = MIN (first_w, view->width);
  r.y = MIN (self->header_h, view->height);
  r.width = view->width - r.x;
  r.height = view->height - r.y;
  return r;
}

KsGridHit
ks_grid_layout_hit_test (const KsGridLayout *self,
                         const KsGridView   *view,
                         double              x,
                         double              y,
                         guint              *row,
                         guint              *column)
{
  guint r = KS_GRID_HEADER, c;
  double cx;

  g_return_val_if_fail (self != NULL && view != NULL, KS_GRID_HIT_NONE);

  if (row)
    *row = KS_GRID_NONE;
  if (column)
    *column = KS_GRID_NONE;
  if (self->n_columns == 0 || x < 0 || y < 0 || x >= view->width || y >= view->height)
    return KS_GRID_HIT_NONE;

  if (y >= self->header_h)
    {
      double ry = floor ((y - self->header_h + view->scroll_y) / self->row_h);

      if (ry < 0 || ry >= self->n_rows)
        return KS_GRID_HIT_NONE;
      r = (guint) ry;
    }

  if (x < self->col_x[1])
    c = 0;
  else
    {
      guint lo = 1, hi = self->n_columns;

      cx = x + view->scroll_x;
      if (cx >= self->col_x[self->n_columns])
        return KS_GRID_HIT_NONE;
      /* the last column whose left edge is at or before cx */
      while (hi - lo > 1)
        {
          guint mid = (lo + hi) / 2;

          if (self->col_x[mid] <= cx)
            lo = mid;
          else
            hi = mid;
        }
      c = lo;
    }

  if (column)
    *column = c;
  if (r == KS_GRID_HEADER)
    return c == 0 ? KS_GRID_HIT_CORNER : KS_GRID_HIT_HEADER;
  if (row)
    *row = r;
  return KS_GRID_HIT_CELL;
}

void
ks_grid_layout_get_visible_rows (const KsGridLayout *self,
                                 const KsGridView   *view,
                                 guint              *first,
                                 guint              *n)
{
  double body_h, top, bottom;
  guint f, l;

  g_return_if_fail (self != NULL && view != NULL && first != NULL && n != NULL);

  *first = 0;
  *n = 0;
  body_h = view->height - self->header_h;
  if (body_h <= 0 || self->n_rows == 0)
    return;
  top = floor (MAX (0, view->scroll_y) / self->row_h);
  bottom = ceil ((MAX (0, view->scroll_y) + body_h) / self->row_h);
  if (top >= self->n_rows)
    return;
  f = (guint) top;
  l = (guint) MIN (bottom, (double) self->n_rows);
  *first = f;
  *n = l > f ? l - f : 0;
}

void
ks_grid_layout_get_visible_columns (const KsGridLayout *self,
                                    const KsGridView   *view,
                                    guint              *first,
                                    guint              *n)
{
  double left, right;
  guint f = KS_GRID_NONE, count = 0;

  g_return_if_fail (self != NULL && view != NULL && first != NULL && n != NULL);

  *first = 1;
  *n = 0;
  if (self->n_columns < 2)
    return;
  left = view->scroll_x + self->col_x[1];
  right = view->scroll_x + view->width;
  for (guint c = 1; c < self->n_columns; c++)
    if (self->col_x[c + 1] > left && self->col_x[c] < right)
      {
        if (f == KS_GRID_NONE)
          f = c;
        count++;
      }
  if (f != KS_GRID_NONE)
    {
      *first = f;
      *n = count;
    }
}

guint
ks_grid_layout_get_page_rows (const KsGridLayout *self,
                              const KsGridView   *view)
{
  double body_h;

  g_return_val_if_fail (self != NULL && view != NULL, 1);
  body_h = view->height - self->header_h;
  return MAX (1, (guint) floor (MAX (0, body_h) / self->row_h));
}

void
ks_grid_layout_scroll_to_cell (const KsGridLayout *self,
                               const KsGridView   *view,
                               guint               row,
                               guint               column,
                               double             *scroll_x,
                               double             *scroll_y)
{
  double sx, sy, max_x, max_y;

  g_return_if_fail (self != NULL && view != NULL);

  sx = view->scroll_x;
  sy = view->scroll_y;
  ks_grid_layout_get_max_scroll (self, view, &max_x, &max_y);

  if (row != KS_GRID_HEADER && row < self->n_rows)
    {
      double top = row * self->row_h;
      double body_h = view->height - self->header_h;

      if (top + self->row_h > sy + body_h)
        sy = top + self->row_h - body_h;
      if (top < sy)
        sy = top;
    }
  if (column > 0 && column < self->n_columns)
    {
      double left = self->col_x[column] - self->col_x[1];   /* sx that puts it just right of column 0 */
      double right = self->col_x[column + 1] - view->width;  /* sx that puts its right edge at the view's */

      if (sx < right)
        sx = right;
      if (sx > left)
        sx = left;
    }
  if (scroll_x)
    *scroll_x = CLAMP (sx, 0, max_x);
  if (scroll_y)
    *scroll_y = CLAMP (sy, 0, max_y);
}
