/* ks-raci-draw.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A frame fills paths in batches (every grid line at once, every chip of
 * one letter at once) and replays cached glyphs, so scrolling a large grid
 * costs about what cairo needs for the cells in view.
 */
#define G_LOG_DOMAIN "ks-raci-draw"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ks-export.h"
#include "ks-grid-draw.h"
#include "ks-raci-draw.h"
#include "ks-raci-layout-private.h"

static const guint8 letters[KS_RACI_N_LOAD] = { 'R', 'A', 'S', 'C', 'I' };

typedef struct
{
  cairo_t               *cr;
  KsRaciLayout          *layout;
  const KsGridView      *view;
  const KsPalette       *palette;
  const KsRaciDrawState *state;
  KsRaciRange            range;
  gboolean               keeps_text;   /* PDF, SVG: text through pango */
  KsColor                header_bg, phase_bg, error_bg, warning_bg;
} Ctx;

const KsColor *
ks_raci_letter_color (const KsPalette *palette,
                      guint8           letter)
{
  g_return_val_if_fail (palette != NULL, NULL);
  switch (letter)
    {
    case 'R': return &palette->series[0];   /* blue */
    case 'A': return &palette->series[4];   /* purple */
    case 'S': return &palette->series[1];   /* green */
    case 'C': return &palette->series[3];   /* orange */
    case 'I': return &palette->series[7];   /* grey */
    default:  return NULL;
    }
}

static void
clip_rect (cairo_t *cr,
           double   x,
           double   y,
           double   w,
           double   h)
{
  cairo_rectangle (cr, x, y, MAX (0, w), MAX (0, h));
  cairo_clip (cr);
}

static void
fill_rect (cairo_t       *cr,
           double         x,
           double         y,
           double         w,
           double         h,
           const KsColor *color)
{
  ks_color_set_source (cr, color);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
}

/* ---- the text cache ---- */

static const KsChartText *
task_text (KsRaciLayout *l,
           guint         task)
{
  KsChartText *t = &l->task_text[task];

  if (!t->layout)
    {
      double indent = l->model->tasks[task].phase < l->model->n_phases ? l->indent : 0;
      double w = l->first_w - 2 * l->pad_x - l->icon - l->pad_x * 0.5 - indent;

      ks_chart_text_init (t, l->context, l->font, l->model->tasks[task].name, MAX (w, 1), FALSE, 1);
    }
  return t;
}

static const KsChartText *
phase_text (KsRaciLayout *l,
            guint         phase)
{
  KsChartText *t = &l->phase_text[phase];

  if (!t->layout)
    {
      double w;

      ks_grid_layout_get_size (l->grid, &w, NULL);
      ks_chart_text_init (t, l->context, l->bold, l->model->phases[phase], MAX (w - 2 * l->pad_x, 1), FALSE, 1);
    }
  return t;
}

static const KsChartText *
label_text (KsRaciLayout *l,
            guint         column)
{
  KsChartText *t = &l->label_text[column];

  if (!t->layout)
    {
      double w = ks_raci_layout_get_column_width (l, (int) column) - 2 * l->pad_x;

      ks_chart_text_init (t, l->context, l->bold, l->model->columns[column].label, MAX (w, 1),
                          l->label_lines > 1, (int) l->label_lines);
      pango_layout_set_alignment (t->layout, PANGO_ALIGN_CENTER);
      ks_chart_text_measure (t);
    }
  return t;
}

static const char *
sub_string (const KsRaciGridColumn *column)
{
  if (column->nobody)
    return _("nobody");
  if (column->sublabel)
    return column->sublabel;
  if (column->is_role)
    return _("role");
  return NULL;
}

static const KsChartText *
sub_text (KsRaciLayout *l,
          guint         column)
{
  KsChartText *t = &l->sub_text[column];

  if (!t->layout)
    {
      double w = ks_raci_layout_get_column_width (l, (int) column) - 2 * l->pad_x;

      ks_chart_text_init (t, l->context, l->small, sub_string (&l->model->columns[column]), MAX (w, 1), FALSE, 1);
      pango_layout_set_alignment (t->layout, PANGO_ALIGN_CENTER);
      ks_chart_text_measure (t);
    }
  return t;
}

static const KsChartText *
letter_text (KsRaciLayout *l,
             int           index)
{
  KsChartText *t = &l->letter_text[index];

  if (!t->layout)
    {
      char s[2] = { (char) letters[index], 0 };

      ks_chart_text_init (t, l->context, l->bold, s, 0, FALSE, 1);
    }
  return t;
}

static const KsChartText *
corner_text (KsRaciLayout *l,
             KsChartText  *t,
             const char   *string,
             const PangoFontDescription *font)
{
  if (!t->layout)
    ks_chart_text_init (t, l->context, font, string, MAX (l->first_w - 2 * l->pad_x, 1), FALSE, 1);
  return t;
}

/* ---- pieces ---- */

static const KsColor *
row_background (Ctx        *ctx,
                KsRaciMark  mark)
{
  return mark == KS_RACI_MARK_ERROR ? &ctx->error_bg
         : mark == KS_RACI_MARK_WARNING ? &ctx->warning_bg
         : &ctx->palette->surface;
}

/* An error is a red disc, a warning an amber triangle; both carry a "!"
 * (the shape, not the colour alone, tells them apart). */
static void
draw_icon (Ctx        *ctx,
           KsRaciMark  mark,
           double      x,
           double      y)
{
  cairo_t *cr = ctx->cr;
  const KsPalette *p = ctx->palette;
  double s = ctx->layout->icon, cx = x + s / 2;
  const KsColor *fill = mark == KS_RACI_MARK_ERROR ? &p->negative : &p->neutral;
  double top, bottom;

  if (mark == KS_RACI_MARK_ERROR)
    {
      cairo_arc (cr, cx, y + s / 2, s / 2, 0, 2 * G_PI);
      top = y + s * 0.22;
      bottom = y + s * 0.78;
    }
  else
    {
      cairo_move_to (cr, cx, y);
      cairo_line_to (cr, x + s, y + s * 0.92);
      cairo_line_to (cr, x, y + s * 0.92);
      cairo_close_path (cr);
      top = y + s * 0.3;
      bottom = y + s * 0.82;
    }
  ks_color_set_source (cr, fill);
  cairo_fill (cr);

  ks_color_set_source (cr, ks_palette_text_on (p, fill));
  cairo_rectangle (cr, cx - s * 0.07, top, s * 0.14, (bottom - top) * 0.62);
  cairo_rectangle (cr, cx - s * 0.07, bottom - s * 0.14, s * 0.14, s * 0.14);
  cairo_fill (cr);
}

/* A cell of the range that holds a given letter: its column's left edge, its
 * row's top (view coordinates) and its column's width. */
typedef struct
{
  double   x, y, width;
  gboolean main;
} LetterCell;

static void
find_letter_cells (Ctx    *ctx,
                   guint8  letter,
                   guint   c0,
                   guint   c1,
                   GArray *cells)
{
  KsRaciLayout *l = ctx->layout;
  const KsRaciGridModel *m = l->model;

  g_array_set_size (cells, 0);
  for (guint r = ctx->range.first_row; r < ctx->range.first_row + ctx->range.n_rows; r++)
    {
      guint t = l->row_index[r];
      const guint8 *row;
      double y;

      if (l->row_kind[r] != KS_RACI_ROW_TASK)
        continue;
      row = m->letters + (gsize) t * m->n_columns;
      y = l->header_h + r * l->row_h - ctx->view->scroll_y;
      for (guint c = c0; c < c1; c++)
        if (row[c] == letter)
          {
            LetterCell cell = { ks_raci_layout_column_x (l, c) - ctx->view->scroll_x, y,
                                ks_raci_layout_get_column_width (l, (int) c),
                                m->main[(gsize) t * m->n_columns + c] != 0 };

            g_array_append_val (cells, cell);
          }
    }
}

static void
draw_task_rows (Ctx *ctx)
{
  KsRaciLayout *l = ctx->layout;
  const KsRaciGridModel *m = l->model;
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (LetterCell));
  cairo_t *cr = ctx->cr;
  guint c0 = ctx->range.first_column, c1 = c0 + ctx->range.n_columns;
  double left, right;
  KsGridRect body = ks_raci_layout_get_body_rect (l, ctx->view);

  if (ctx->range.n_columns == 0)
    return;
  left = ks_raci_layout_column_x (l, c0) - ctx->view->scroll_x;
  right = ks_raci_layout_column_x (l, c1 - 1) + ks_raci_layout_get_column_width (l, (int) c1 - 1)
          - ctx->view->scroll_x;

  /* backgrounds of rows with a problem */
  for (guint r = ctx->range.first_row; r < ctx->range.first_row + ctx->range.n_rows; r++)
    if (l->row_kind[r] == KS_RACI_ROW_TASK && m->tasks[l->row_index[r]].mark != KS_RACI_MARK_NONE)
      fill_rect (cr, left, l->header_h + r * l->row_h - ctx->view->scroll_y, right - left, l->row_h,
                 row_background (ctx, m->tasks[l->row_index[r]].mark));

  /* the grid lines, one fill */
  for (guint c = c0; c < c1; c++)
    {
      double x = ks_raci_layout_column_x (l, c) + ks_raci_layout_get_column_width (l, (int) c) - ctx->view->scroll_x;

      /* down to the last row shown, not a row past the grid's end */
      cairo_rectangle (cr, x - 1, body.y, 1,
                       MAX (0, l->header_h + (ctx->range.first_row + ctx->range.n_rows) * l->row_h -
                               ctx->view->scroll_y - body.y));
    }
  for (guint r = ctx->range.first_row; r < ctx->range.first_row + ctx->range.n_rows; r++)
    cairo_rectangle (cr, left, l->header_h + (r + 1) * l->row_h - ctx->view->scroll_y - 1, right - left, 1);
  ks_color_set_source (cr, &ctx->palette->grid);
  cairo_fill (cr);

  /* chips, letter by letter: one path and one glyph run each */
  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    {
      const KsColor *color = ks_raci_letter_color (ctx->palette, letters[i]);
      const KsChartText *text = letter_text (l, (int) i);
      gboolean batch = !ctx->keeps_text && !text->fallback && text->n_runs == 1;
      g_autoptr(GArray) glyphs = NULL;

      find_letter_cells (ctx, letters[i], c0, c1, cells);
      if (batch)
        glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
      for (guint k = 0; k < cells->len; k++)
        {
          const LetterCell *cell = &g_array_index (cells, LetterCell, k);

          ks_chart_rounded_rect (cr, cell->x + (cell->width - l->chip_w) / 2, cell->y + (l->row_h - l->chip_h) / 2,
                                 l->chip_w, l->chip_h, l->chip_h * 0.3);
        }
      if (cells->len == 0)
        {
          cairo_new_path (cr);
          continue;
        }
      ks_color_set_source (cr, color);
      cairo_fill (cr);

      /* the letters on their chips */
      ks_color_set_source (cr, ks_palette_text_on (ctx->palette, color));
      for (guint k = 0; k < cells->len; k++)
        {
          const LetterCell *cell = &g_array_index (cells, LetterCell, k);
          double x = cell->x + (cell->width - text->width) / 2;
          double y = cell->y + (l->row_h - text->height) / 2;

          if (!batch)
            ks_chart_text_show (cr, text, x, y);
          else
            for (int g = 0; g < text->runs[0].n_glyphs; g++)
              {
                cairo_glyph_t glyph = text->runs[0].glyphs[g];

                glyph.x += x;
                glyph.y += y;
                g_array_append_val (glyphs, glyph);
              }
        }
      if (batch && glyphs->len > 0)
        {
          cairo_set_scaled_font (cr, text->runs[0].font);
          cairo_show_glyphs (cr, (cairo_glyph_t *) (void *) glyphs->data, (int) glyphs->len);
        }

      /* the main R: a line under its letter */
      for (guint k = 0; k < cells->len; k++)
        {
          const LetterCell *cell = &g_array_index (cells, LetterCell, k);
          double x = cell->x + (cell->width - l->chip_w) / 2, y = cell->y + (l->row_h - l->chip_h) / 2;
          double w = text->width + 2;

          if (cell->main)
            cairo_rectangle (cr, x + (l->chip_w - w) / 2, y + l->chip_h - MAX (2, l->chip_h * 0.14) - 1,
                             w, MAX (1.5, l->chip_h * 0.1));
        }
      cairo_fill (cr);
    }
}

static void
draw_first_column (Ctx *ctx)
{
  KsRaciLayout *l = ctx->layout;
  const KsRaciGridModel *m = l->model;
  cairo_t *cr = ctx->cr;

  for (guint r = ctx->range.first_row; r < ctx->range.first_row + ctx->range.n_rows; r++)
    {
      guint t = l->row_index[r];
      double y = l->header_h + r * l->row_h - ctx->view->scroll_y;
      double x = l->pad_x + (m->tasks[t].phase < m->n_phases ? l->indent : 0);
      const KsChartText *text;

      if (l->row_kind[r] != KS_RACI_ROW_TASK)
        continue;
      fill_rect (cr, 0, y, l->first_w, l->row_h, row_background (ctx, m->tasks[t].mark));
      fill_rect (cr, 0, y + l->row_h - 1, l->first_w, 1, &ctx->palette->grid);
      if (m->tasks[t].mark != KS_RACI_MARK_NONE)
        draw_icon (ctx, m->tasks[t].mark, x, y + (l->row_h - l->icon) / 2);
      x += l->icon + l->pad_x * 0.5;
      text = task_text (l, t);
      ks_color_set_source (cr, &ctx->palette->foreground);
      ks_chart_text_show (cr, text, x, y + (l->row_h - text->height) / 2);
    }
}

static void
draw_phase_rows (Ctx *ctx)
{
  KsRaciLayout *l = ctx->layout;
  cairo_t *cr = ctx->cr;

  for (guint r = ctx->range.first_row; r < ctx->range.first_row + ctx->range.n_rows; r++)
    {
      KsGridRect rect;
      const KsChartText *text;

      if (l->row_kind[r] != KS_RACI_ROW_PHASE)
        continue;
      rect = ks_raci_layout_get_cell_rect (l, ctx->view, r, KS_RACI_FIRST_COLUMN);
      fill_rect (cr, rect.x, rect.y, rect.width, rect.height, &ctx->phase_bg);
      fill_rect (cr, rect.x, rect.y + rect.height - 1, rect.width, 1, &ctx->palette->grid);
      text = phase_text (l, l->row_index[r]);
      cairo_save (cr);
      clip_rect (cr, rect.x, rect.y, rect.width - l->pad_x, rect.height);
      ks_color_set_source (cr, &ctx->palette->foreground);
      ks_chart_text_show (cr, text, rect.x + l->pad_x, rect.y + (rect.height - text->height) / 2);
      cairo_restore (cr);
    }
}

static void
draw_load_bar (Ctx   *ctx,
               guint  column,
               double x,
               double width)
{
  KsRaciLayout *l = ctx->layout;
  const guint *load = l->model->columns[column].load;
  double band_y, y, full = width - 2 * l->pad_x, at = x + l->pad_x;
  cairo_t *cr = ctx->cr;

  ks_raci_layout_get_load_band (l, &band_y, NULL);
  y = band_y + l->bar_gap;
  /* the track: the largest load fills it */
  fill_rect (cr, at, y, full, l->bar_h, &ctx->palette->grid);
  if (l->max_load == 0)
    return;
  for (guint i = 0; i < KS_RACI_N_LOAD; i++)
    {
      double w = full * load[i] / l->max_load;

      if (load[i] == 0)
        continue;
      fill_rect (cr, at, y, w, l->bar_h, ks_raci_letter_color (ctx->palette, letters[i]));
      at += w;
    }
}

static void
draw_header_cell (Ctx  *ctx,
                  guint column)
{
  KsRaciLayout *l = ctx->layout;
  const KsRaciGridColumn *col = &l->model->columns[column];
  KsGridRect r = ks_raci_layout_get_cell_rect (l, ctx->view, KS_GRID_HEADER, (int) column);
  cairo_t *cr = ctx->cr;
  const KsChartText *label = label_text (l, column);
  double band_y;
  KsColor bg = ctx->header_bg;

  if (col->mark != KS_RACI_MARK_NONE)
    bg = ks_color_mix (&bg, col->mark == KS_RACI_MARK_ERROR ? &ctx->palette->negative : &ctx->palette->neutral,
                       0.14);
  fill_rect (cr, r.x, r.y, r.width, r.height, &bg);
  fill_rect (cr, r.x + r.width - 1, r.y, 1, r.height, &ctx->palette->grid);

  ks_color_set_source (cr, &ctx->palette->foreground);
  ks_chart_text_show (cr, label, r.x + l->pad_x, r.y + l->pad_y);
  ks_raci_layout_get_load_band (l, &band_y, NULL);
  if (sub_string (col))
    {
      const KsChartText *sub = sub_text (l, column);

      ks_color_set_source (cr, col->nobody ? &ctx->palette->negative : &ctx->palette->muted);
      ks_chart_text_show (cr, sub, r.x + l->pad_x, band_y - l->small_h);
    }
  draw_load_bar (ctx, column, r.x, r.width);
}

static void
draw_corner (Ctx *ctx)
{
  KsRaciLayout *l = ctx->layout;
  cairo_t *cr = ctx->cr;
  const KsChartText *t = corner_text (l, &l->corner_text, _("Task"), l->bold);
  const KsChartText *load = corner_text (l, &l->load_text, _("Load"), l->small);
  double band_y;

  fill_rect (cr, 0, 0, l->first_w, l->header_h, &ctx->header_bg);
  ks_color_set_source (cr, &ctx->palette->foreground);
  ks_chart_text_show (cr, t, l->pad_x, l->pad_y);
  ks_raci_layout_get_load_band (l, &band_y, NULL);
  ks_color_set_source (cr, &ctx->palette->muted);
  ks_chart_text_show (cr, load, l->first_w - l->pad_x - load->width,
                      band_y + l->bar_gap + l->bar_h / 2 - load->height / 2);
}

static void
draw_focus (Ctx *ctx)
{
  KsRaciLayout *l = ctx->layout;
  const KsRaciDrawState *s = ctx->state;
  KsGridRect r, body = ks_raci_layout_get_body_rect (l, ctx->view);

  /* KS_GRID_NONE and KS_GRID_HEADER are one value: a header is focused
   * only with a column, the corner never */
  if ((s->focus_row == KS_GRID_NONE && s->focus_column < 0) ||
      s->focus_column < -1 || s->focus_column >= (int) l->model->n_columns)
    return;
  if (s->focus_row != KS_GRID_HEADER && s->focus_row >= l->n_rows)
    return;
  r = ks_raci_layout_get_cell_rect (l, ctx->view, s->focus_row, s->focus_column);
  ks_grid_draw_focus_outline (ctx->cr, ctx->palette, ctx->view, &r, s->focused,
                              s->focus_column < 0 ? 0 : body.x, s->focus_row == KS_GRID_HEADER ? 0 : body.y);
}

/* The view's rows and columns in @ctx->range, sticky parts on top. */
static void
draw_range (Ctx *ctx)
{
  KsRaciLayout *l = ctx->layout;
  const KsGridView *view = ctx->view;
  cairo_t *cr = ctx->cr;
  const KsPalette *p = ctx->palette;
  KsGridRect body = ks_raci_layout_get_body_rect (l, view);
  double grid_w, grid_h, right, bottom;

  ctx->keeps_text = ks_chart_target_keeps_text (cr);
  ctx->header_bg = ks_color_mix (&p->surface, &p->foreground, 0.06);
  ctx->phase_bg = ks_color_mix (&p->surface, &p->accent, 0.12);
  ctx->error_bg = ks_color_mix (&p->surface, &p->negative, 0.10);
  ctx->warning_bg = ks_color_mix (&p->surface, &p->neutral, 0.14);
  ks_raci_layout_get_size (l, &grid_w, &grid_h);
  right = MIN (view->width, grid_w - view->scroll_x);
  bottom = MIN (view->height, grid_h - view->scroll_y);

  cairo_save (cr);
  clip_rect (cr, 0, 0, view->width, view->height);
  ks_color_set_source (cr, &p->surface);
  cairo_paint (cr);

  cairo_save (cr);
  clip_rect (cr, body.x, body.y, body.width, body.height);
  draw_task_rows (ctx);
  cairo_restore (cr);

  cairo_save (cr);
  clip_rect (cr, 0, body.y, MIN (l->first_w, view->width), body.height);
  draw_first_column (ctx);
  cairo_restore (cr);

  cairo_save (cr);
  clip_rect (cr, 0, body.y, view->width, body.height);
  draw_phase_rows (ctx);
  cairo_restore (cr);

  cairo_save (cr);
  clip_rect (cr, body.x, 0, body.width, body.y);
  for (guint c = ctx->range.first_column; c < ctx->range.first_column + ctx->range.n_columns; c++)
    draw_header_cell (ctx, c);
  cairo_restore (cr);
  cairo_save (cr);
  clip_rect (cr, 0, 0, MIN (l->first_w, view->width), body.y);
  draw_corner (ctx);
  cairo_restore (cr);

  /* the edges of the sticky parts */
  ks_color_set_source (cr, &p->grid);
  cairo_rectangle (cr, 0, body.y - 1, right, 1);
  cairo_rectangle (cr, l->first_w - 1, 0, 1, bottom);
  cairo_fill (cr);
  if (view->scroll_x > 0)
    {
      cairo_pattern_t *shadow = cairo_pattern_create_linear (l->first_w, 0, l->first_w + 6, 0);
      const KsColor *f = &p->foreground;

      cairo_pattern_add_color_stop_rgba (shadow, 0, f->red, f->green, f->blue, 0.12);
      cairo_pattern_add_color_stop_rgba (shadow, 1, f->red, f->green, f->blue, 0);
      cairo_set_source (cr, shadow);
      cairo_rectangle (cr, l->first_w, body.y, 6, MAX (0, bottom - body.y));
      cairo_fill (cr);
      cairo_pattern_destroy (shadow);
    }
  if (ctx->state)
    draw_focus (ctx);
  cairo_restore (cr);
}

/* The insertion bar of a drag: across the view before a row, or down it
 * before a column, never over the sticky headers. */
static void
draw_drop_mark (cairo_t               *cr,
                KsRaciLayout          *layout,
                const KsGridView      *view,
                const KsPalette       *palette,
                const KsRaciDrawState *state)
{
  const double w = 3;
  KsGridRect r;

  if (state->drop_row >= 0)
    {
      guint n_rows = ks_raci_layout_get_n_rows (layout);
      double y;

      if (n_rows == 0)
        return;
      if ((guint) state->drop_row < n_rows)
        y = ks_raci_layout_get_cell_rect (layout, view, (guint) state->drop_row, -1).y;
      else
        {
          r = ks_raci_layout_get_cell_rect (layout, view, n_rows - 1, -1);
          y = r.y + r.height;
        }
      y = MAX (y, ks_raci_layout_get_header_height (layout));
      cairo_rectangle (cr, 0, y - w / 2, view->width, w);
    }
  else if (state->drop_column >= 0)
    {
      guint n_cols = layout->model->n_columns;
      double x;

      if (n_cols == 0)
        return;
      if ((guint) state->drop_column < n_cols)
        x = ks_raci_layout_get_cell_rect (layout, view, KS_GRID_HEADER, state->drop_column).x;
      else
        {
          r = ks_raci_layout_get_cell_rect (layout, view, KS_GRID_HEADER, (int) n_cols - 1);
          x = r.x + r.width;
        }
      x = MAX (x, ks_raci_layout_get_column_width (layout, -1));
      cairo_rectangle (cr, x - w / 2, 0, w, view->height);
    }
  else
    return;
  ks_color_set_source (cr, &palette->accent);
  cairo_fill (cr);
}

void
ks_raci_draw (cairo_t               *cr,
              KsRaciLayout          *layout,
              const KsGridView      *view,
              const KsPalette       *palette,
              const KsRaciDrawState *state)
{
  Ctx ctx = { cr, layout, view, palette, state, { 0 }, FALSE, { 0 }, { 0 }, { 0 }, { 0 } };

  g_return_if_fail (cr != NULL && layout != NULL && view != NULL && palette != NULL);
  ks_raci_layout_get_visible (layout, view, &ctx.range);
  draw_range (&ctx);
  if (state)
    draw_drop_mark (cr, layout, view, palette, state);
}

void
ks_raci_draw_page (cairo_t           *cr,
                   KsRaciLayout      *layout,
                   const KsPalette   *palette,
                   const KsRaciRange *page,
                   guint              page_number,
                   guint              n_pages,
                   double             page_width,
                   double             page_height)
{
  Ctx ctx = { cr, layout, NULL, palette, NULL, { 0 }, FALSE, { 0 }, { 0 }, { 0 }, { 0 } };
  KsGridView view = { 0 };
  KsChartText title, number;
  g_autofree char *number_s = NULL;
  double w = layout->first_w, title_h = ks_raci_layout_get_title_height (layout);
  double text_w = page_width - 2 * KS_RACI_PRINT_MARGIN;

  g_return_if_fail (cr != NULL && layout != NULL && palette != NULL && page != NULL);
  g_return_if_fail (page->first_column + page->n_columns <= layout->model->n_columns);
  g_return_if_fail (page->first_row + page->n_rows <= layout->n_rows);

  ks_color_set_source (cr, &palette->background);
  cairo_paint (cr);

  /* TRANSLATORS: the page number at the top of a printed RACI chart */
  number_s = g_strdup_printf (_("Page %u of %u"), page_number + 1, MAX (n_pages, 1));
  ks_chart_text_init (&number, layout->context, layout->small, number_s, 0, FALSE, 1);
  ks_chart_text_init (&title, layout->context, layout->bold,
                      layout->model->title ? layout->model->title : "",
                      MAX (text_w - number.width - 2 * layout->pad_x, 1), FALSE, 1);
  ks_color_set_source (cr, &palette->foreground);
  ks_chart_text_show (cr, &title, KS_RACI_PRINT_MARGIN, KS_RACI_PRINT_MARGIN);
  ks_color_set_source (cr, &palette->muted);
  ks_chart_text_show (cr, &number, KS_RACI_PRINT_MARGIN + text_w - number.width,
                      KS_RACI_PRINT_MARGIN + title.height - number.height);
  ks_chart_text_clear (&title);
  ks_chart_text_clear (&number);

  for (guint c = page->first_column; c < page->first_column + page->n_columns; c++)
    w += ks_raci_layout_get_column_width (layout, (int) c);
  view.width = w;
  view.height = layout->header_h + page->n_rows * layout->row_h;
  view.scroll_x = page->n_columns > 0 ? ks_raci_layout_column_x (layout, page->first_column) - layout->first_w : 0;
  view.scroll_y = page->first_row * layout->row_h;
  ctx.view = &view;
  ctx.range = *page;

  cairo_save (cr);
  cairo_translate (cr, KS_RACI_PRINT_MARGIN, KS_RACI_PRINT_MARGIN + title_h);
  draw_range (&ctx);
  cairo_restore (cr);
}

typedef struct
{
  KsRaciLayout    *layout;
  const KsPalette *palette;
  GArray          *pages;
} ExportData;

static void
export_draw (cairo_t *cr,
             double   width,
             double   height,
             gpointer user_data)
{
  ExportData *data = user_data;
  KsGridView view = { width, height, 0, 0 };

  ks_raci_draw (cr, data->layout, &view, data->palette, NULL);
}

static void
export_page (cairo_t *cr,
             guint    page,
             double   width,
             double   height,
             gpointer user_data)
{
  ExportData *data = user_data;

  ks_raci_draw_page (cr, data->layout, data->palette, &g_array_index (data->pages, KsRaciRange, page),
                     page, data->pages->len, width, height);
}

/* A PNG or SVG no side of which passes this (pixels at 100 %). */
#define EXPORT_MAX_PX 16384.0

gboolean
ks_raci_export (const char             *path,
                const KsRaciGridModel  *model,
                const KsPalette        *palette,
                double                  width,
                double                  height,
                GError                **error)
{
  KsExportFormat format;
  ExportData data = { NULL, palette, NULL };
  gboolean ok;

  g_return_val_if_fail (path != NULL && model != NULL && palette != NULL, FALSE);
  g_return_val_if_fail (width >= 0 && height >= 0, FALSE);

  if (!ks_export_format_for_path (path, &format, error))
    return FALSE;
  data.layout = ks_raci_layout_new (model, palette, 1.0, NULL);
  if (format == KS_EXPORT_PDF)
    {
      if (width <= 0 || height <= 0)
        {
          width = KS_RACI_A4_LONG;
          height = KS_RACI_A4_SHORT;
        }
      data.pages = ks_raci_layout_paginate (data.layout, width, height);
      ok = ks_export_pages_to_pdf (path, width, height, data.pages->len, model->title, export_page, &data, error);
      g_array_unref (data.pages);
    }
  else
    {
      double natural_w, natural_h;

      ks_raci_layout_get_size (data.layout, &natural_w, &natural_h);
      if (width <= 0)
        width = MIN (ceil (natural_w), EXPORT_MAX_PX);
      if (height <= 0)
        height = MIN (ceil (natural_h), EXPORT_MAX_PX);
      ok = ks_export_to_file (path, width, height, 1, export_draw, &data, error);
    }
  ks_raci_layout_free (data.layout);
  return ok;
}
