/* ks-portfolio-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Labels are placed largest bubble first. Collision tests go through a
 * grid of buckets over the plot (bubbles filed under every cell their box
 * touches, labels added as they are placed), so each test looks at a few
 * neighbours, never at all of them. A label is measured with pango only
 * once a box of its height and a short width fits somewhere, and after
 * MAX_FAILS labels in a row found no room the rest are dropped: a chart of
 * 10,000 accounts measures a few hundred labels, not 10,000.
 */
#define G_LOG_DOMAIN "ks-portfolio-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ks-format.h"
#include "ks-portfolio-layout-private.h"

#define LABEL_SCALE   1.15    /* bubble labels, × the palette's font */
#define TITLE_SCALE   1.2     /* axis titles */
#define QUAD_SCALE    1.35    /* quadrant names */
#define LEGEND_SCALE  1.1
#define TICK_SCALE    1.0
#define CELL          32.0    /* bucket size, pixels */
#define MAX_FAILS     400     /* labels in a row without room before the rest are dropped */

typedef struct
{
  guint bubble;
  int   next;
} LabelNode;

/* ------------------------------------------------------------------ helpers */

guint
ks_matrix_quadrant (double x,
                    double y,
                    double x_divider,
                    double y_divider)
{
  return (guint) (x >= x_divider) | (guint) (y >= y_divider) << 1;
}

const KsColor *
_ks_matrix_colour (const KsMatrixLayout *layout,
                   const KsPalette      *palette,
                   guint                 colour)
{
  if (colour < layout->n_colours)
    return &layout->colours[colour];
  return &palette->series[colour % G_N_ELEMENTS (palette->series)];
}

static double
size_of (double size)
{
  return isfinite (size) && size > 0 ? size : 0;
}

static gboolean
circle_meets_rect (double             cx,
                   double             cy,
                   double             r,
                   const KsChartRect *rect)
{
  double nx = CLAMP (cx, rect->x, rect->x + rect->width);
  double ny = CLAMP (cy, rect->y, rect->y + rect->height);

  return (nx - cx) * (nx - cx) + (ny - cy) * (ny - cy) < r * r;
}

static void
cell_range (const KsMatrixLayout *self,
            double                x0,
            double                y0,
            double                x1,
            double                y1,
            int                  *cx0,
            int                  *cy0,
            int                  *cx1,
            int                  *cy1)
{
  *cx0 = CLAMP ((int) floor ((x0 - self->plot.x) / self->cell), 0, self->grid_w - 1);
  *cy0 = CLAMP ((int) floor ((y0 - self->plot.y) / self->cell), 0, self->grid_h - 1);
  *cx1 = CLAMP ((int) floor ((x1 - self->plot.x) / self->cell), 0, self->grid_w - 1);
  *cy1 = CLAMP ((int) floor ((y1 - self->plot.y) / self->cell), 0, self->grid_h - 1);
}

static void
build_grid (KsMatrixLayout *self)
{
  guint n_cells, total = 0;
  guint *fill;

  self->cell = CELL;
  self->grid_w = MAX (1, (int) ceil (self->plot.width / self->cell));
  self->grid_h = MAX (1, (int) ceil (self->plot.height / self->cell));
  n_cells = (guint) (self->grid_w * self->grid_h);
  self->cell_start = g_new0 (guint, n_cells + 1);
  self->label_head = g_new (int, n_cells);
  memset (self->label_head, 0xff, n_cells * sizeof (int));
  self->label_nodes = g_array_new (FALSE, FALSE, sizeof (LabelNode));

  for (int pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          for (guint c = 0; c < n_cells; c++)
            {
              guint count = self->cell_start[c];
              self->cell_start[c] = total;
              total += count;
            }
          self->cell_start[n_cells] = total;
          self->cell_items = g_new (guint, MAX (total, 1));
          fill = g_memdup2 (self->cell_start, n_cells * sizeof (guint));
        }
      for (guint i = 0; i < self->n_bubbles; i++)
        {
          const KsMatrixBubble *b = &self->bubbles[i];
          int x0, y0, x1, y1;

          if (!b->placed)
            continue;
          cell_range (self, b->cx - b->r, b->cy - b->r, b->cx + b->r, b->cy + b->r, &x0, &y0, &x1, &y1);
          for (int gy = y0; gy <= y1; gy++)
            for (int gx = x0; gx <= x1; gx++)
              {
                guint c = (guint) (gy * self->grid_w + gx);
                if (pass == 0)
                  self->cell_start[c]++;
                else
                  self->cell_items[fill[c]++] = i;
              }
        }
    }
  g_free (fill);
}

static void
add_label_to_grid (KsMatrixLayout *self,
                   guint           index)
{
  const KsChartRect *r = &self->bubbles[index].label_rect;
  int x0, y0, x1, y1;

  cell_range (self, r->x, r->y, r->x + r->width, r->y + r->height, &x0, &y0, &x1, &y1);
  for (int gy = y0; gy <= y1; gy++)
    for (int gx = x0; gx <= x1; gx++)
      {
        int c = gy * self->grid_w + gx;
        LabelNode node = { index, self->label_head[c] };

        g_array_append_val (self->label_nodes, node);
        self->label_head[c] = (int) self->label_nodes->len - 1;
      }
}

/* TRUE when @rect lies inside the plot and meets no bubble, placed label
 * or quadrant name. */
static gboolean
rect_is_free (const KsMatrixLayout *self,
              const KsChartRect    *rect,
              guint                 own,
              double                ignore_r)
{
  const KsChartRect *plot = &self->plot;
  int x0, y0, x1, y1;

  if (rect->x < plot->x + 2 || rect->y < plot->y + 2
      || rect->x + rect->width > plot->x + plot->width - 2
      || rect->y + rect->height > plot->y + plot->height - 2)
    return FALSE;
  for (guint q = 0; q < 4; q++)
    if (self->quad_named[q] && ks_chart_rect_overlaps (rect, &self->quad_name_rect[q]))
      return FALSE;

  cell_range (self, rect->x, rect->y, rect->x + rect->width, rect->y + rect->height, &x0, &y0, &x1, &y1);
  for (int gy = y0; gy <= y1; gy++)
    for (int gx = x0; gx <= x1; gx++)
      {
        guint c = (guint) (gy * self->grid_w + gx);

        for (guint k = self->cell_start[c]; k < self->cell_start[c + 1]; k++)
          {
            guint i = self->cell_items[k];
            const KsMatrixBubble *b = &self->bubbles[i];

            if (b->r <= ignore_r && i != own)
              continue;
            /* One pixel of air between a label and any bubble. */
            if (circle_meets_rect (b->cx, b->cy, b->r + 1, rect))
              return FALSE;
          }
        for (int n = self->label_head[c]; n >= 0; n = g_array_index (self->label_nodes, LabelNode, n).next)
          {
            guint other = g_array_index (self->label_nodes, LabelNode, n).bubble;
            if (ks_chart_rect_overlaps (rect, &self->bubbles[other].label_rect))
              return FALSE;
          }
      }
  return TRUE;
}

/* Candidate @k (0–7 beside the bubble, then rings further out, reached by a
 * leader line) for a @w × @h label of bubble @b. FALSE when there are no
 * more candidates. */
#define N_BESIDE 8
#define N_ANGLES 12
#define N_RINGS  3

static gboolean
candidate (const KsMatrixBubble *b,
           guint                 k,
           double                w,
           double                h,
           KsChartRect          *rect)
{
  double gap = MAX (2.0, h * 0.2), r = b->r, d = r * 0.72;

  rect->width = w;
  rect->height = h;
  switch (k)
    {
    case 0: rect->x = b->cx + r + gap; rect->y = b->cy - h / 2; return TRUE;
    case 1: rect->x = b->cx - r - gap - w; rect->y = b->cy - h / 2; return TRUE;
    case 2: rect->x = b->cx - w / 2; rect->y = b->cy - r - gap - h; return TRUE;
    case 3: rect->x = b->cx - w / 2; rect->y = b->cy + r + gap; return TRUE;
    case 4: rect->x = b->cx + d + gap / 2; rect->y = b->cy - d - h - gap / 2 + h * 0.25; return TRUE;
    case 5: rect->x = b->cx + d + gap / 2; rect->y = b->cy + d + gap / 2 - h * 0.25; return TRUE;
    case 6: rect->x = b->cx - d - gap / 2 - w; rect->y = b->cy - d - h - gap / 2 + h * 0.25; return TRUE;
    case 7: rect->x = b->cx - d - gap / 2 - w; rect->y = b->cy + d + gap / 2 - h * 0.25; return TRUE;
    default:
      break;
    }
  k -= N_BESIDE;
  if (k >= N_ANGLES * N_RINGS)
    return FALSE;
  {
    guint ring = k / N_ANGLES, a = k % N_ANGLES;
    /* Start right and alternate up and down, so the nearest sides come first. */
    static const int order[N_ANGLES] = { 0, -1, 1, 6, -5, 5, -2, 2, -3, 3, -4, 4 };
    double angle = order[a] * G_PI / 6;
    double dist = r + h * (1.5 + 1.6 * ring);
    double ax = b->cx + cos (angle) * dist, ay = b->cy + sin (angle) * dist;
    double c = cos (angle), s = sin (angle);

    rect->x = c > 0.3 ? ax : c < -0.3 ? ax - w : ax - w / 2;
    rect->y = s > 0.3 ? ay : s < -0.3 ? ay - h : ay - h / 2;
  }
  return TRUE;
}

static int
compare_by_size (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const KsMatrixBubble *bubbles = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  double sa = size_of (bubbles[ia].size), sb = size_of (bubbles[ib].size);

  if (sa != sb)
    return sa > sb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* One pass over the bubbles in @order whose labels are not placed yet;
 * @ignore_r > 0 lets labels cover other bubbles up to that radius (drawn on
 * a plate). Returns how many were placed. */
static guint
place_pass (KsMatrixLayout             *self,
            const guint                *order,
            guint                       n,
            const PangoFontDescription *font,
            double                      line_h,
            double                      ignore_r)
{
  double max_w = MIN (self->plot.width * 0.25, 20 * self->font_px);
  double probe_w = MIN (2 * line_h, max_w);
  guint fails = 0, placed = 0;

  for (guint o = 0; o < n && fails < MAX_FAILS; o++)
    {
      KsMatrixBubble *b = &self->bubbles[order[o]];
      KsChartRect rect;
      gboolean room = FALSE;
      guint k;

      if (b->label_state != KS_MATRIX_LABEL_DROPPED || !b->label || !*b->label)
        continue;
      /* A short box first: most labels of a crowded chart fail here,
       * before pango measures them. */
      for (k = 0; !room && candidate (b, k, probe_w, line_h, &rect); k++)
        room = rect_is_free (self, &rect, order[o], ignore_r);
      if (!room)
        {
          fails++;
          continue;
        }
      ks_chart_text_init (&b->text, self->context, font, b->label, max_w, FALSE, 1);
      room = FALSE;
      for (k = 0; !room && candidate (b, k, b->text.width, b->text.height, &rect); k++)
        room = rect_is_free (self, &rect, order[o], ignore_r);
      if (!room)
        {
          ks_chart_text_clear (&b->text);
          fails++;
          continue;
        }
      fails = 0;
      placed++;
      k--;
      b->label_rect = rect;
      b->plate = ignore_r > 0;
      b->label_state = k < N_BESIDE ? KS_MATRIX_LABEL_BESIDE : KS_MATRIX_LABEL_LEADER;
      if (b->label_state == KS_MATRIX_LABEL_LEADER)
        {
          double nx = CLAMP (b->cx, rect.x, rect.x + rect.width);
          double ny = CLAMP (b->cy, rect.y, rect.y + rect.height);
          double dx = nx - b->cx, dy = ny - b->cy, len = hypot (dx, dy);

          if (len < 1e-6)
            len = 1;
          b->leader_x[0] = b->cx + dx / len * b->r;
          b->leader_y[0] = b->cy + dy / len * b->r;
          b->leader_x[1] = nx;
          b->leader_y[1] = ny;
        }
      add_label_to_grid (self, order[o]);
    }
  return placed;
}

/* Largest bubble first. A label never covers another label, a quadrant
 * name or a bubble; when that leaves a crowded chart (thousands of
 * accounts) with hardly any names, a second pass lets the largest bubbles'
 * labels cover the smallest bubbles, on a plate. */
static void
place_labels (KsMatrixLayout             *self,
              const PangoFontDescription *font,
              double                      line_h)
{
  g_autofree guint *order = g_new (guint, MAX (self->n_bubbles, 1));
  guint n = 0, placed;

  for (guint i = 0; i < self->n_bubbles; i++)
    if (self->bubbles[i].placed)
      {
        order[n++] = i;
        self->bubbles[i].label_state = KS_MATRIX_LABEL_DROPPED;
      }
  g_qsort_with_data (order, (int) n, sizeof (guint), compare_by_size, self->bubbles);

  placed = place_pass (self, order, n, font, line_h, 0);
  if (placed < MIN (n, 30u))
    place_pass (self, order, n, font, line_h, self->r_min * 1.5);
  for (guint o = 0; o < n; o++)
    {
      if (self->bubbles[order[o]].label_state == KS_MATRIX_LABEL_DROPPED)
        self->n_dropped++;
      else
        self->n_labelled++;
    }
}

/* The axis' range: the spec's ends where given, else the data's (with a
 * little air) rounded out to whole ticks. */
static void
axis_range (double  spec_min,
            double  spec_max,
            double  data_lo,
            double  data_hi,
            double *lo,
            double *hi)
{
  double step;

  if (!isfinite (data_lo) || !isfinite (data_hi))
    {
      data_lo = isfinite (spec_min) ? spec_min : 0;
      data_hi = isfinite (spec_max) ? spec_max : MAX (data_lo + 100, 100);
    }
  *lo = isfinite (spec_min) ? spec_min : data_lo;
  *hi = isfinite (spec_max) ? spec_max : data_hi;
  if (isfinite (spec_min) && isfinite (spec_max) && spec_max > spec_min)
    return;
  {
    double span = MAX (*hi - *lo, 1e-9), a = *lo, b = *hi;

    if (!isfinite (spec_min))
      a -= span * 0.05;
    if (!isfinite (spec_max))
      b += span * 0.05;
    ks_chart_nice_range (&a, &b, 6, TRUE, &step);
    if (!isfinite (spec_min))
      *lo = a;
    if (!isfinite (spec_max))
      *hi = b;
    if (*hi <= *lo)
      *hi = *lo + step;
  }
}

static void
make_ticks (KsMatrixLayout             *self,
            GArray                     *ticks,
            double                      lo,
            double                      hi,
            guint                       target,
            const PangoFontDescription *font)
{
  double a = lo, b = hi, step;

  ks_chart_nice_range (&a, &b, target, FALSE, &step);
  for (double v = ceil (lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step)
    {
      KsMatrixTick tick = { v, 0, { 0 } };
      g_autofree char *s = ks_chart_tick_label (v, step);

      ks_chart_text_init (&tick.text, self->context, font, s, 0, FALSE, 1);
      g_array_append_val (ticks, tick);
      if (ticks->len > 40)
        break;
    }
}

static void
tick_clear (gpointer data)
{
  ks_chart_text_clear (&((KsMatrixTick *) data)->text);
}

static KsMatrixRow *
add_row (GArray                     *rows,
         KsMatrixLayout             *self,
         KsMatrixRowKind             kind,
         const PangoFontDescription *font,
         const char                 *text,
         double                      max_w)
{
  KsMatrixRow row = { 0 };

  row.kind = kind;
  ks_chart_text_init (&row.text, self->context, font, text, max_w,
                      kind == KS_MATRIX_ROW_HEADER || kind == KS_MATRIX_ROW_NOTE, 3);
  g_array_append_val (rows, row);
  return &g_array_index (rows, KsMatrixRow, rows->len - 1);
}

static double
row_height (const KsMatrixLayout *self,
            const KsMatrixRow    *row)
{
  double h = row->text.height;

  if (row->kind == KS_MATRIX_ROW_SIZE)
    h = MAX (h, 2 * row->radius + 4);
  if (row->kind == KS_MATRIX_ROW_HEADER)
    h += self->font_px * 0.3;
  return h + self->font_px * 0.3;
}

/* Places the rows in columns at most @max_h tall (column-major); writes the
 * legend's size. */
static void
arrange_legend (KsMatrixLayout *self,
                double          symbol_w,
                double          max_h,
                double         *width,
                double         *height)
{
  double pad = self->legend_pad, col_w = 0, x = pad, y = pad, tallest = 0;

  for (guint i = 0; i < self->n_rows; i++)
    {
      KsMatrixRow *row = &self->rows[i];

      switch (row->kind)
        {
        case KS_MATRIX_ROW_SIZE:
          row->symbol_w = symbol_w;
          break;
        case KS_MATRIX_ROW_SWATCH:
          row->symbol_w = self->font_px * 1.8;
          break;
        case KS_MATRIX_ROW_TRAIL:
          row->symbol_w = self->font_px * 3.2;
          break;
        default:
          row->symbol_w = 0;
          break;
        }
      col_w = MAX (col_w, row->symbol_w + row->text.width);
    }
  for (guint i = 0; i < self->n_rows; i++)
    {
      KsMatrixRow *row = &self->rows[i];
      double h = row_height (self, row);

      /* A new column when this one is full (a header never ends one). */
      if (y > pad && y + h > max_h - pad)
        {
          x += col_w + 2 * pad;
          y = pad;
        }
      row->rect = (KsChartRect) { x, y, col_w, h };
      y += h;
      tallest = MAX (tallest, y);
    }
  *width = self->n_rows ? x + col_w + pad : 0;
  *height = self->n_rows ? tallest + pad : 0;
}

/* A round value at or below @v (1, 2, 2.5 or 5 × 10^k). */
static double
round_down (double v)
{
  double mag = pow (10, floor (log10 (v))), f = v / mag;

  return (f >= 5 ? 5 : f >= 2.5 ? 2.5 : f >= 2 ? 2 : 1) * mag;
}

static double
radius_for (const KsMatrixLayout *self,
            double                size)
{
  double s = size_of (size);

  if (self->max_size <= 0 || s <= 0)
    return self->r_min;
  return MAX (self->r_min, sqrt (s / self->max_size) * self->r_max);
}

static void
radii_for_plot (KsMatrixLayout *self,
                double          pw,
                double          ph)
{
  double shorter = MAX (1, MIN (pw, ph));
  double dense = sqrt (MAX (pw, 1) * MAX (ph, 1) * 0.25 / (G_PI * MAX (self->n_placed, 1))) * 1.6;

  self->r_min = MAX (2.5, 0.004 * shorter);
  self->r_max = MAX (2 * self->r_min, MIN (0.06 * shorter, dense));
}

/* ------------------------------------------------------------------ public */

KsMatrixLayout *
ks_matrix_layout_new (const KsMatrixSpec *spec,
                      const KsBubble     *bubbles,
                      guint               n_bubbles,
                      const KsPalette    *palette,
                      double              width,
                      double              height,
                      PangoContext       *context)
{
  KsMatrixLayout *self;
  g_autoptr(PangoFontDescription) label_font = NULL;
  g_autoptr(PangoFontDescription) tick_font = NULL;
  g_autoptr(PangoFontDescription) title_font = NULL;
  g_autoptr(PangoFontDescription) quad_font = NULL;
  g_autoptr(PangoFontDescription) legend_font = NULL;
  g_autoptr(PangoFontDescription) header_font = NULL;
  g_autoptr(GArray) rows = NULL;
  double dx_lo = INFINITY, dx_hi = -INFINITY, dy_lo = INFINITY, dy_hi = -INFINITY;
  double pad, gap, tick_len, tick_h = 0, tick_w = 0, line_h, symbol_w, max_text_w;
  double legend_w = 0, legend_h = 0, left, right, top, bottom;
  gboolean legend_right = width >= height;
  KsMatrixRow *note_row = NULL;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (bubbles != NULL || n_bubbles == 0, NULL);
  g_return_val_if_fail (palette != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self = g_new0 (KsMatrixLayout, 1);
  self->context = context ? g_object_ref (context) : ks_chart_context_new ();
  self->strings = g_string_chunk_new (4096);
  self->width = width;
  self->height = height;
  self->font_px = ks_chart_font_px (palette);
  self->index = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->trails = spec->trail_label != NULL;
  self->x_ticks = g_array_new (FALSE, TRUE, sizeof (KsMatrixTick));
  self->y_ticks = g_array_new (FALSE, TRUE, sizeof (KsMatrixTick));
  g_array_set_clear_func (self->x_ticks, tick_clear);
  g_array_set_clear_func (self->y_ticks, tick_clear);
  self->n_colours = spec->legend_colours ? spec->n_legend : 0;
  self->colours = g_memdup2 (spec->legend_colours, self->n_colours * sizeof (KsColor));

  label_font = ks_chart_font_new (palette, LABEL_SCALE, PANGO_WEIGHT_NORMAL);
  tick_font = ks_chart_font_new (palette, TICK_SCALE, PANGO_WEIGHT_NORMAL);
  title_font = ks_chart_font_new (palette, TITLE_SCALE, PANGO_WEIGHT_SEMIBOLD);
  quad_font = ks_chart_font_new (palette, QUAD_SCALE, PANGO_WEIGHT_BOLD);
  legend_font = ks_chart_font_new (palette, LEGEND_SCALE, PANGO_WEIGHT_NORMAL);
  header_font = ks_chart_font_new (palette, LEGEND_SCALE, PANGO_WEIGHT_BOLD);

  /* The bubbles, and the data's extent. */
  self->n_bubbles = n_bubbles;
  self->bubbles = g_new0 (KsMatrixBubble, MAX (n_bubbles, 1));
  for (guint i = 0; i < n_bubbles; i++)
    {
      const KsBubble *in = &bubbles[i];
      KsMatrixBubble *b = &self->bubbles[i];

      b->id = in->id;
      b->label = in->label ? g_string_chunk_insert (self->strings, in->label) : NULL;
      b->x = in->x;
      b->y = in->y;
      b->size = in->size;
      b->colour = in->colour;
      b->placed = isfinite (in->x) && isfinite (in->y);
      b->trail = b->placed && self->trails && in->has_trail && isfinite (in->prev_x) && isfinite (in->prev_y);
      b->px = in->prev_x;   /* data units until the plot is known */
      b->py = in->prev_y;
      if (in->id > 0 && !g_hash_table_contains (self->index, &b->id))
        g_hash_table_insert (self->index, &b->id, GUINT_TO_POINTER (i + 1));
      if (!b->placed)
        {
          self->n_unplaced++;
          continue;
        }
      self->n_placed++;
      self->max_size = MAX (self->max_size, size_of (in->size));
      dx_lo = MIN (dx_lo, in->x);
      dx_hi = MAX (dx_hi, in->x);
      dy_lo = MIN (dy_lo, in->y);
      dy_hi = MAX (dy_hi, in->y);
      if (b->trail)
        {
          dx_lo = MIN (dx_lo, in->prev_x);
          dx_hi = MAX (dx_hi, in->prev_x);
          dy_lo = MIN (dy_lo, in->prev_y);
          dy_hi = MAX (dy_hi, in->prev_y);
        }
    }
  if (isfinite (spec->x_divider) && isfinite (dx_lo))
    {
      dx_lo = MIN (dx_lo, spec->x_divider);
      dx_hi = MAX (dx_hi, spec->x_divider);
    }
  if (isfinite (spec->y_divider) && isfinite (dy_lo))
    {
      dy_lo = MIN (dy_lo, spec->y_divider);
      dy_hi = MAX (dy_hi, spec->y_divider);
    }
  axis_range (spec->x_min, spec->x_max, dx_lo, dx_hi, &self->x_min, &self->x_max);
  axis_range (spec->y_min, spec->y_max, dy_lo, dy_hi, &self->y_min, &self->y_max);
  self->x_div = isfinite (spec->x_divider) ? spec->x_divider : (self->x_min + self->x_max) / 2;
  self->y_div = isfinite (spec->y_divider) ? spec->y_divider : (self->y_min + self->y_max) / 2;

  /* Text around the plot. */
  pad = self->font_px * 0.9;
  gap = self->font_px * 0.5;
  tick_len = self->font_px * 0.4;
  make_ticks (self, self->x_ticks, self->x_min, self->x_max, (guint) CLAMP (width / 160, 4, 10), tick_font);
  make_ticks (self, self->y_ticks, self->y_min, self->y_max, (guint) CLAMP (height / 120, 4, 8), tick_font);
  for (guint i = 0; i < self->x_ticks->len; i++)
    tick_h = MAX (tick_h, g_array_index (self->x_ticks, KsMatrixTick, i).text.height);
  for (guint i = 0; i < self->y_ticks->len; i++)
    tick_w = MAX (tick_w, g_array_index (self->y_ticks, KsMatrixTick, i).text.width);
  ks_chart_text_init (&self->x_title, self->context, title_font, spec->x_label, width * 0.8, FALSE, 1);
  ks_chart_text_init (&self->y_title, self->context, title_font, spec->y_label, height * 0.8, FALSE, 1);

  /* The legend's rows (the "labels hidden" note is filled in at the end). */
  self->legend_pad = self->font_px * 0.7;
  max_text_w = (legend_right ? width * 0.24 : width * 0.3);
  rows = g_array_new (FALSE, TRUE, sizeof (KsMatrixRow));
  if (spec->legend_title)
    add_row (rows, self, KS_MATRIX_ROW_HEADER, header_font, spec->legend_title, max_text_w);
  for (guint i = 0; i < spec->n_legend; i++)
    add_row (rows, self, KS_MATRIX_ROW_SWATCH, legend_font,
             spec->legend_labels ? spec->legend_labels[i] : "", max_text_w)->colour = i;
  add_row (rows, self, KS_MATRIX_ROW_HEADER, header_font,
           spec->size_label ? spec->size_label : _("Bubble area: size"), max_text_w);
  if (self->max_size > 0)
    {
      double big = round_down (self->max_size), small = round_down (self->max_size / 5);

      for (guint k = 0; k < 2; k++)
        {
          double v = k == 0 ? big : small;
          g_autofree char *s = ks_format_grouped (v);
          add_row (rows, self, KS_MATRIX_ROW_SIZE, legend_font, s, max_text_w)->value = v;
          if (small >= big)
            break;
        }
    }
  else
    add_row (rows, self, KS_MATRIX_ROW_NOTE, legend_font, _("No sizes: all bubbles alike"), max_text_w);
  if (spec->trail_label)
    {
      add_row (rows, self, KS_MATRIX_ROW_HEADER, header_font, _("Movement"), max_text_w);
      add_row (rows, self, KS_MATRIX_ROW_TRAIL, legend_font, spec->trail_label, max_text_w);
    }
  if (self->n_unplaced > 0 && spec->unplaced_note)
    add_row (rows, self, KS_MATRIX_ROW_NOTE, legend_font, spec->unplaced_note, max_text_w);
  else if (self->n_unplaced > 0)
    {
      g_autofree char *s = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u account not placed (no value)",
                                                         "%u accounts not placed (no value)", self->n_unplaced),
                                            self->n_unplaced);
      add_row (rows, self, KS_MATRIX_ROW_NOTE, legend_font, s, max_text_w);
    }
  if (self->n_placed > 0)
    {
      /* Room for "N labels hidden", measured with the widest count. */
      g_autofree char *s = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u label hidden: hover a bubble",
                                                         "%u labels hidden: hover a bubble", 88888), 88888);
      add_row (rows, self, KS_MATRIX_ROW_NOTE, legend_font, s, max_text_w);
      note_row = &g_array_index (rows, KsMatrixRow, rows->len - 1);
    }
  self->n_rows = rows->len;

  /* The plot, in two passes: the size key's circles are drawn at the
   * plot's scale, so the legend's width depends on the plot's size. */
  line_h = 0;
  for (int pass = 0; pass < 2; pass++)
    {
      double pw, ph;

      symbol_w = MAX (self->font_px * 1.8, pass == 0 ? 0 : 2 * self->r_max + self->font_px * 0.6);
      self->rows = (KsMatrixRow *) (void *) rows->data;
      for (guint i = 0; i < self->n_rows; i++)
        if (self->rows[i].kind == KS_MATRIX_ROW_SIZE)
          self->rows[i].radius = pass == 0 ? 0 : radius_for (self, self->rows[i].value);
      arrange_legend (self, symbol_w, legend_right ? height - 2 * pad : height * 0.3, &legend_w, &legend_h);
      left = pad + self->y_title.height + gap + tick_w + tick_len;
      top = pad + tick_h / 2;
      right = width - pad - (legend_right && legend_w > 0 ? legend_w + pad : 0);
      bottom = height - pad - (!legend_right && legend_h > 0 ? legend_h + pad : 0)
               - self->x_title.height - gap - tick_h - tick_len;
      if (!legend_right || legend_w == 0)
        {
          double last_w = self->x_ticks->len ? g_array_index (self->x_ticks, KsMatrixTick, self->x_ticks->len - 1).text.width : 0;
          right = MIN (right, width - pad - last_w / 2);
        }
      pw = MAX (right - left, 20);
      ph = MAX (bottom - top, 20);
      self->plot = (KsChartRect) { left, top, pw, ph };
      radii_for_plot (self, pw, ph);
    }
  for (guint i = 0; i < self->n_rows; i++)
    if (self->rows[i].kind == KS_MATRIX_ROW_SIZE)
      self->rows[i].radius = radius_for (self, self->rows[i].value);
  arrange_legend (self, symbol_w, legend_right ? height - 2 * pad : height * 0.3, &legend_w, &legend_h);
  if (legend_right)
    self->legend = (KsChartRect) { width - pad - legend_w, self->plot.y, legend_w, legend_h };
  else
    self->legend = (KsChartRect) { self->plot.x, height - pad - legend_h, legend_w, legend_h };
  for (guint i = 0; i < self->n_rows; i++)
    {
      self->rows[i].rect.x += self->legend.x;
      self->rows[i].rect.y += self->legend.y;
    }

  /* Axes' ticks and titles. */
  for (guint i = 0; i < self->x_ticks->len; i++)
    {
      KsMatrixTick *t = &g_array_index (self->x_ticks, KsMatrixTick, i);
      ks_matrix_layout_point_at (self, t->value, self->y_min, &t->pos, NULL);
    }
  for (guint i = 0; i < self->y_ticks->len; i++)
    {
      KsMatrixTick *t = &g_array_index (self->y_ticks, KsMatrixTick, i);
      ks_matrix_layout_point_at (self, self->x_min, t->value, NULL, &t->pos);
    }
  self->x_title_rect = (KsChartRect) {
    self->plot.x + (self->plot.width - self->x_title.width) / 2,
    self->plot.y + self->plot.height + tick_len + tick_h + gap,
    self->x_title.width, self->x_title.height };
  self->y_title_rect = (KsChartRect) {
    pad, self->plot.y + (self->plot.height - self->y_title.width) / 2,
    self->y_title.height, self->y_title.width };

  /* Bubbles. */
  for (guint i = 0; i < n_bubbles; i++)
    {
      KsMatrixBubble *b = &self->bubbles[i];

      if (!b->placed)
        continue;
      ks_matrix_layout_point_at (self, b->x, b->y, &b->cx, &b->cy);
      b->r = radius_for (self, b->size);
      if (b->trail)
        ks_matrix_layout_point_at (self, b->px, b->py, &b->px, &b->py);
    }
  build_grid (self);

  /* Quadrant names in the plot's outer corners. */
  for (guint q = 0; q < 4; q++)
    {
      double inset = self->font_px * 0.6, w;
      KsChartRect *r = &self->quad_name_rect[q];

      if (!spec->quadrants[q] || !*spec->quadrants[q])
        continue;
      self->quad_named[q] = TRUE;
      w = self->plot.width / 2 - 2 * inset;
      ks_chart_text_init (&self->quad_text[q], self->context, quad_font, spec->quadrants[q], w, TRUE, 2);
      r->width = self->quad_text[q].width;
      r->height = self->quad_text[q].height;
      r->x = q & 1 ? self->plot.x + self->plot.width - inset - r->width : self->plot.x + inset;
      r->y = q & 2 ? self->plot.y + inset : self->plot.y + self->plot.height - inset - r->height;
    }

  /* Labels. */
  {
    KsChartText probe;

    ks_chart_text_init (&probe, self->context, label_font, "Ag", 0, FALSE, 1);
    line_h = probe.height;
    ks_chart_text_clear (&probe);
  }
  place_labels (self, label_font, line_h);

  if (note_row)
    {
      KsChartRect rect = note_row->rect;

      ks_chart_text_clear (&note_row->text);
      if (self->n_dropped > 0)
        {
          g_autofree char *s = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u label hidden: hover a bubble",
                                                             "%u labels hidden: hover a bubble", self->n_dropped),
                                                self->n_dropped);
          ks_chart_text_init (&note_row->text, self->context, legend_font, s, max_text_w, TRUE, 3);
        }
      note_row->rect = rect;
    }
  self->rows = (KsMatrixRow *) (void *) g_array_free (g_steal_pointer (&rows), FALSE);
  /* Empty quadrants would read as a portfolio with nobody in it. */
  if (self->n_placed == 0)
    {
      self->empty = g_new0 (KsChartMessage, 1);
      ks_chart_message_init (self->empty, self->context, palette, _("No account placed yet"),
                             self->n_unplaced > 0
                               ? _("No account has a value on both axes: score the accounts in the review period.")
                               : _("There is no account to place."),
                             self->plot.width * 0.9);
    }
  return self;
}

void
ks_matrix_layout_free (KsMatrixLayout *layout)
{
  if (!layout)
    return;
  for (guint i = 0; i < layout->n_bubbles; i++)
    ks_chart_text_clear (&layout->bubbles[i].text);
  for (guint i = 0; i < layout->n_rows; i++)
    ks_chart_text_clear (&layout->rows[i].text);
  for (guint q = 0; q < 4; q++)
    ks_chart_text_clear (&layout->quad_text[q]);
  ks_chart_text_clear (&layout->x_title);
  ks_chart_text_clear (&layout->y_title);
  if (layout->empty)
    ks_chart_message_clear (layout->empty);
  g_free (layout->empty);
  g_array_unref (layout->x_ticks);
  g_array_unref (layout->y_ticks);
  g_free (layout->rows);
  g_free (layout->bubbles);
  g_free (layout->colours);
  g_free (layout->cell_start);
  g_free (layout->cell_items);
  g_free (layout->label_head);
  if (layout->label_nodes)
    g_array_unref (layout->label_nodes);
  g_hash_table_unref (layout->index);
  g_string_chunk_free (layout->strings);
  g_object_unref (layout->context);
  g_free (layout);
}

void
ks_matrix_layout_get_size (const KsMatrixLayout *layout,
                           double               *width,
                           double               *height)
{
  g_return_if_fail (layout != NULL);
  if (width)
    *width = layout->width;
  if (height)
    *height = layout->height;
}

guint
ks_matrix_layout_get_n_bubbles (const KsMatrixLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->n_bubbles;
}

int
ks_matrix_layout_find (const KsMatrixLayout *layout,
                       gint64                id)
{
  g_return_val_if_fail (layout != NULL, -1);
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (layout->index, &id)) - 1;
}

gboolean
ks_matrix_layout_get_bubble (const KsMatrixLayout *layout,
                             guint                 index,
                             double               *cx,
                             double               *cy,
                             double               *radius)
{
  const KsMatrixBubble *b;

  g_return_val_if_fail (layout != NULL, FALSE);
  if (index >= layout->n_bubbles || !layout->bubbles[index].placed)
    return FALSE;
  b = &layout->bubbles[index];
  if (cx)
    *cx = b->cx;
  if (cy)
    *cy = b->cy;
  if (radius)
    *radius = b->r;
  return TRUE;
}

KsMatrixLabelState
ks_matrix_layout_get_label (const KsMatrixLayout *layout,
                            guint                 index,
                            KsChartRect          *rect,
                            double               *leader_x,
                            double               *leader_y)
{
  const KsMatrixBubble *b;

  g_return_val_if_fail (layout != NULL, KS_MATRIX_LABEL_NONE);
  if (index >= layout->n_bubbles || !layout->bubbles[index].placed)
    return KS_MATRIX_LABEL_NONE;
  b = &layout->bubbles[index];
  if (rect)
    *rect = b->label_rect;
  if (b->label_state == KS_MATRIX_LABEL_LEADER)
    {
      if (leader_x)
        memcpy (leader_x, b->leader_x, sizeof b->leader_x);
      if (leader_y)
        memcpy (leader_y, b->leader_y, sizeof b->leader_y);
    }
  return b->label_state;
}

void
ks_matrix_layout_get_plot_rect (const KsMatrixLayout *layout,
                                KsChartRect          *rect)
{
  g_return_if_fail (layout != NULL && rect != NULL);
  *rect = layout->plot;
}

void
ks_matrix_layout_get_legend_rect (const KsMatrixLayout *layout,
                                  KsChartRect          *rect)
{
  g_return_if_fail (layout != NULL && rect != NULL);
  *rect = layout->legend;
}

void
ks_matrix_layout_get_quadrant_rect (const KsMatrixLayout *layout,
                                    guint                 quadrant,
                                    KsChartRect          *rect)
{
  double dx, dy, x0, y0, x1, y1;

  g_return_if_fail (layout != NULL && rect != NULL && quadrant < 4);
  ks_matrix_layout_point_at (layout, layout->x_div, layout->y_div, &dx, &dy);
  dx = CLAMP (dx, layout->plot.x, layout->plot.x + layout->plot.width);
  dy = CLAMP (dy, layout->plot.y, layout->plot.y + layout->plot.height);
  x0 = quadrant & 1 ? dx : layout->plot.x;
  x1 = quadrant & 1 ? layout->plot.x + layout->plot.width : dx;
  y0 = quadrant & 2 ? layout->plot.y : dy;
  y1 = quadrant & 2 ? dy : layout->plot.y + layout->plot.height;
  *rect = (KsChartRect) { x0, y0, x1 - x0, y1 - y0 };
}

void
ks_matrix_layout_get_range (const KsMatrixLayout *layout,
                            double               *x_min,
                            double               *x_max,
                            double               *y_min,
                            double               *y_max)
{
  g_return_if_fail (layout != NULL);
  if (x_min)
    *x_min = layout->x_min;
  if (x_max)
    *x_max = layout->x_max;
  if (y_min)
    *y_min = layout->y_min;
  if (y_max)
    *y_max = layout->y_max;
}

gboolean
ks_matrix_layout_is_empty (const KsMatrixLayout *layout)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  return layout->empty != NULL;
}

void
ks_matrix_layout_get_counts (const KsMatrixLayout *layout,
                             guint                *placed,
                             guint                *unplaced,
                             guint                *labelled,
                             guint                *dropped)
{
  g_return_if_fail (layout != NULL);
  if (placed)
    *placed = layout->n_placed;
  if (unplaced)
    *unplaced = layout->n_unplaced;
  if (labelled)
    *labelled = layout->n_labelled;
  if (dropped)
    *dropped = layout->n_dropped;
}

int
ks_matrix_layout_get_bubble_quadrant (const KsMatrixLayout *layout,
                                      guint                 index)
{
  const KsMatrixBubble *b;

  g_return_val_if_fail (layout != NULL, -1);
  if (index >= layout->n_bubbles || !layout->bubbles[index].placed)
    return -1;
  b = &layout->bubbles[index];
  return (int) ks_matrix_quadrant (b->x, b->y, layout->x_div, layout->y_div);
}

KsMatrixHit
ks_matrix_layout_hit_test (const KsMatrixLayout *layout,
                           double                x,
                           double                y)
{
  KsMatrixHit hit = { KS_MATRIX_HIT_NONE, -1, 0 };
  const KsChartRect *plot;
  double dvx, dvy, ex, ey;
  int best = -1;

  g_return_val_if_fail (layout != NULL, hit);
  plot = &layout->plot;

  if (layout->n_rows > 0 && ks_chart_rect_contains (&layout->legend, x, y))
    {
      hit.kind = KS_MATRIX_HIT_LEGEND;
      return hit;
    }
  if (!ks_chart_rect_contains (plot, x, y))
    return hit;

  /* Bubbles: the highest (latest) under the point; tiny ones are hit
   * within 4 px, so they can be pointed at. */
  {
    int gx = CLAMP ((int) floor ((x - plot->x) / layout->cell), 0, layout->grid_w - 1);
    int gy = CLAMP ((int) floor ((y - plot->y) / layout->cell), 0, layout->grid_h - 1);
    guint c = (guint) (gy * layout->grid_w + gx);

    for (guint k = layout->cell_start[c]; k < layout->cell_start[c + 1]; k++)
      {
        guint i = layout->cell_items[k];
        const KsMatrixBubble *b = &layout->bubbles[i];
        double r = MAX (b->r, 4.0);

        if ((int) i > best && (x - b->cx) * (x - b->cx) + (y - b->cy) * (y - b->cy) <= r * r)
          best = (int) i;
      }
    if (best >= 0)
      {
        hit.kind = KS_MATRIX_HIT_BUBBLE;
        hit.index = best;
        hit.id = layout->bubbles[best].id;
        return hit;
      }
    for (int n = layout->label_head[c]; n >= 0; n = g_array_index (layout->label_nodes, LabelNode, n).next)
      {
        guint i = g_array_index (layout->label_nodes, LabelNode, n).bubble;

        if (ks_chart_rect_contains (&layout->bubbles[i].label_rect, x, y))
          {
            hit.kind = KS_MATRIX_HIT_LABEL;
            hit.index = (int) i;
            hit.id = layout->bubbles[i].id;
            return hit;
          }
      }
  }

  ks_matrix_layout_point_at (layout, layout->x_div, layout->y_div, &dvx, &dvy);
  ex = fabs (x - dvx);
  ey = fabs (y - dvy);
  if (MIN (ex, ey) <= KS_MATRIX_DIVIDER_TOLERANCE)
    {
      hit.kind = ex <= ey ? KS_MATRIX_HIT_X_DIVIDER : KS_MATRIX_HIT_Y_DIVIDER;
      return hit;
    }
  hit.kind = KS_MATRIX_HIT_PLOT;
  return hit;
}

guint
ks_matrix_layout_bubbles_in_rect (const KsMatrixLayout *layout,
                                  const KsChartRect    *rect,
                                  GArray               *indices)
{
  guint n = 0;

  g_return_val_if_fail (layout != NULL && rect != NULL && indices != NULL, 0);
  for (guint i = 0; i < layout->n_bubbles; i++)
    {
      const KsMatrixBubble *b = &layout->bubbles[i];

      if (b->placed && b->cx >= rect->x && b->cx <= rect->x + rect->width
          && b->cy >= rect->y && b->cy <= rect->y + rect->height)
        {
          g_array_append_val (indices, i);
          n++;
        }
    }
  return n;
}

void
ks_matrix_layout_value_at (const KsMatrixLayout *layout,
                           double                vx,
                           double                vy,
                           double               *x,
                           double               *y)
{
  g_return_if_fail (layout != NULL);
  if (x)
    *x = layout->x_min + (vx - layout->plot.x) / layout->plot.width * (layout->x_max - layout->x_min);
  if (y)
    *y = layout->y_min + (layout->plot.y + layout->plot.height - vy) / layout->plot.height
                         * (layout->y_max - layout->y_min);
}

void
ks_matrix_layout_point_at (const KsMatrixLayout *layout,
                           double                x,
                           double                y,
                           double               *vx,
                           double               *vy)
{
  g_return_if_fail (layout != NULL);
  if (vx)
    *vx = layout->plot.x + (x - layout->x_min) / (layout->x_max - layout->x_min) * layout->plot.width;
  if (vy)
    *vy = layout->plot.y + layout->plot.height
          - (y - layout->y_min) / (layout->y_max - layout->y_min) * layout->plot.height;
}

void
ks_matrix_layout_set_dividers (KsMatrixLayout *layout,
                               double          x_divider,
                               double          y_divider)
{
  g_return_if_fail (layout != NULL);
  if (isfinite (x_divider))
    layout->x_div = x_divider;
  if (isfinite (y_divider))
    layout->y_div = y_divider;
}

void
ks_matrix_layout_get_dividers (const KsMatrixLayout *layout,
                               double               *x_divider,
                               double               *y_divider)
{
  g_return_if_fail (layout != NULL);
  if (x_divider)
    *x_divider = layout->x_div;
  if (y_divider)
    *y_divider = layout->y_div;
}
