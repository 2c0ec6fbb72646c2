/* ks-grid-draw.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-grid-draw"

#include <math.h>
#include <string.h>

#include "ks-chart.h"
#include "ks-grid-draw.h"
#include "ks-grid-layout-private.h"

typedef struct
{
  cairo_t               *cr;
  KsGridLayout          *layout;
  const KsGridView      *view;
  const KsPalette       *palette;
  const KsGridDrawState *state;
  KsGridCellFunc         func;
  gpointer               user_data;
  KsColor                header_bg;
  KsColor                zebra;
  KsColor                computed;
  KsColor                focus_row;
} Ctx;

static void
fill_rect (cairo_t          *cr,
           const KsGridRect *r,
           const KsColor    *color)
{
  ks_color_set_source (cr, color);
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  cairo_fill (cr);
}

static void
clip_rect (cairo_t *cr,
           double   x,
           double   y,
           double   width,
           double   height)
{
  cairo_rectangle (cr, x, y, MAX (0, width), MAX (0, height));
  cairo_clip (cr);
}

/* The shaped cell texts are kept in two generations of up to this many:
 * a full generation becomes the old one, and the old one is dropped. A text
 * found in the old generation moves to the new one, so what the view shows
 * and what was prepared around it survive a turn-over. */
#define MAX_SHAPED 2048

static PangoAlignment
pango_alignment (KsGridAlign align)
{
  return align == KS_GRID_ALIGN_END ? PANGO_ALIGN_RIGHT
         : align == KS_GRID_ALIGN_CENTER ? PANGO_ALIGN_CENTER
         : PANGO_ALIGN_LEFT;
}

/* The cell's text shaped for @inner width and @align, with its glyphs:
 * kept, so a frame that shows a text again (a scroll, a focus move, the
 * same owner or stage on many rows, rows prepared ahead) only replays its
 * glyphs. */
static const KsChartText *
shaped_text (KsGridLayout *l,
             const char   *text,
             double        inner,
             KsGridAlign   align)
{
  g_autofree char *key = g_strdup_printf ("%d:%d:%s", (int) (inner * 4), (int) align, text);
  KsChartText *shaped = g_hash_table_lookup (l->shaped, key);
  gpointer old_key;

  if (shaped)
    return shaped;
  if (g_hash_table_size (l->shaped) >= MAX_SHAPED)
    {
      GHashTable *full = l->shaped;

      l->shaped = l->shaped_old;
      l->shaped_old = full;
      g_hash_table_remove_all (l->shaped);
    }
  if (g_hash_table_steal_extended (l->shaped_old, key, &old_key, (gpointer *) &shaped))
    {
      g_hash_table_insert (l->shaped, old_key, shaped);
      return shaped;
    }
  shaped = g_new (KsChartText, 1);
  ks_chart_text_init (shaped, l->context, l->font, text, inner, FALSE, 1);
  if (align != KS_GRID_ALIGN_START)
    {
      pango_layout_set_alignment (shaped->layout, pango_alignment (align));
      ks_chart_text_measure (shaped);
    }
  g_hash_table_insert (l->shaped, g_steal_pointer (&key), shaped);
  return shaped;
}

/* One line of text in the box (@x, @y, @width, @height), padded, ellipsized,
 * centred vertically: a cell's text (shaped once and kept) or, in @layout,
 * a header's detail. */
static void
show_text (Ctx           *ctx,
           PangoLayout   *layout,
           const char    *text,
           double         x,
           double         width,
           double         y,
           double         height,
           KsGridAlign    align,
           const KsColor *color)
{
  PangoRectangle logical;
  double inner = width - 2 * ctx->layout->pad_x;

  if (!text || !*text || inner <= 1)
    return;
  ks_color_set_source (ctx->cr, color);
  if (!layout)
    {
      const KsChartText *shaped = shaped_text (ctx->layout, text, inner, align);

      ks_chart_text_show (ctx->cr, shaped, x + ctx->layout->pad_x, round (y + (height - shaped->height) / 2));
      return;
    }
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (inner * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, pango_alignment (align));
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (ctx->cr, x + ctx->layout->pad_x,
                 round (y + (height - (double) logical.height / PANGO_SCALE) / 2));
  pango_cairo_show_layout (ctx->cr, layout);
}

static void
draw_mark (Ctx              *ctx,
           const KsGridRect *r)
{
  double s = round (ctx->layout->font_px * 0.55);

  ks_color_set_source (ctx->cr, &ctx->palette->accent);
  cairo_move_to (ctx->cr, r->x + r->width - s - 1, r->y + 1);
  cairo_line_to (ctx->cr, r->x + r->width - 1, r->y + 1);
  cairo_line_to (ctx->cr, r->x + r->width - 1, r->y + 1 + s);
  cairo_close_path (ctx->cr);
  cairo_fill (ctx->cr);
}

static gboolean
is_focus (Ctx   *ctx,
          guint  row,
          guint  column)
{
  return ctx->state && ctx->state->focus_row == row && ctx->state->focus_column == column;
}

/* The half-width of a choice cell's arrow. */
static double
choice_size (const KsGridLayout *l)
{
  return round (l->font_px * 0.3);
}

/* Where @cell's text goes in its rectangle @r (after the choice arrow and
 * the bar), and the text shown there: a dash in an empty cell. */
static const char *
cell_text_box (const KsGridLayout *l,
               const KsGridColumn *col,
               const KsGridCell   *cell,
               const KsGridRect   *r,
               double             *text_x,
               double             *text_w)
{
  *text_x = r->x;
  *text_w = r->width;
  if (cell->flags & KS_GRID_CELL_CHOICE)
    *text_w -= 2 * choice_size (l) + l->pad_x / 2;
  if ((col->flags & KS_GRID_COLUMN_BAR) && cell->bar_color)
    {
      *text_x += l->bar_w + l->pad_x;
      *text_w -= l->bar_w + l->pad_x;
    }
  if ((cell->flags & KS_GRID_CELL_EMPTY) && (!cell->text || !*cell->text))
    return "–";
  return cell->text;
}

/* @on_surface: what lies under the cell is the surface colour already (the
 * scrolled cells, drawn first), so a plain cell needs no fill. */
static void
draw_cell (Ctx      *ctx,
           guint     row,
           guint     column,
           gboolean  on_surface)
{
  KsGridLayout *l = ctx->layout;
  const KsGridColumn *col = &l->columns[column];
  const KsPalette *p = ctx->palette;
  KsGridRect r = ks_grid_layout_get_cell_rect (l, ctx->view, row, column);
  KsGridCell cell = { 0 };
  const KsColor *fg = &p->foreground;
  KsColor bg = p->surface;
  double text_x, text_w;
  const char *text;

  ctx->func (row, column, &cell, ctx->user_data);

  if (row % 2 == 1)
    bg = ctx->zebra;
  if (col->flags & KS_GRID_COLUMN_COMPUTED)
    bg = ks_color_mix (&bg, &ctx->computed, 1.0);
  if (ctx->state && ctx->state->focus_row == row)
    bg = ks_color_mix (&bg, &p->accent, 0.08);
  if (cell.flags & KS_GRID_CELL_WARNING)
    bg = ks_color_mix (&bg, &p->neutral, 0.25);
  if (cell.flags & KS_GRID_CELL_INVALID)
    {
      bg = ks_color_mix (&p->surface, &p->negative, 0.18);
      fg = &p->negative;
    }
  /* half the cells of a long list are plain: filling them again would
   * cost a frame as much as all its text */
  if (!on_surface || memcmp (&bg, &p->surface, sizeof bg) != 0)
    fill_rect (ctx->cr, &r, &bg);
  text = cell_text_box (l, col, &cell, &r, &text_x, &text_w);
  if (cell.flags & KS_GRID_CELL_CHOICE)
    {
      double s = choice_size (l), cx = r.x + r.width - l->pad_x - s, cy = r.y + r.height / 2;

      ks_color_set_source (ctx->cr, &p->muted);
      cairo_set_line_width (ctx->cr, 1.5);
      cairo_move_to (ctx->cr, cx - s, cy - s / 2);
      cairo_line_to (ctx->cr, cx, cy + s / 2);
      cairo_line_to (ctx->cr, cx + s, cy - s / 2);
      cairo_stroke (ctx->cr);
    }

  if ((col->flags & KS_GRID_COLUMN_BAR) && cell.bar_color)
    {
      double bx = r.x + l->pad_x, by = round (r.y + (r.height - l->bar_h) / 2);
      double f = CLAMP (cell.bar_fraction, 0, 1);

      ks_color_set_source (ctx->cr, &p->grid);
      cairo_rectangle (ctx->cr, bx, by, l->bar_w, l->bar_h);
      cairo_fill (ctx->cr);
      ks_color_set_source (ctx->cr, cell.bar_color);
      cairo_rectangle (ctx->cr, bx, by, round (l->bar_w * f), l->bar_h);
      cairo_fill (ctx->cr);
    }

  if (cell.flags & KS_GRID_CELL_EMPTY)
    fg = &p->muted;
  if (!(ctx->state && ctx->state->editing && is_focus (ctx, row, column)))
    show_text (ctx, NULL, text, text_x, text_w, r.y, r.height, col->align, fg);

  if (cell.flags & KS_GRID_CELL_MARKED)
    draw_mark (ctx, &r);
  if (cell.flags & KS_GRID_CELL_INVALID)
    {
      ks_color_set_source (ctx->cr, &p->negative);
      cairo_set_line_width (ctx->cr, 1);
      cairo_rectangle (ctx->cr, r.x + 0.5, r.y + 0.5, r.width - 1, r.height - 1);
      cairo_stroke (ctx->cr);
    }
}

static void
draw_vertical_line (Ctx           *ctx,
                    double         x,
                    double         y0,
                    double         y1,
                    const KsColor *color)
{
  ks_color_set_source (ctx->cr, color);
  cairo_rectangle (ctx->cr, round (x) - 1, y0, 1, y1 - y0);
  cairo_fill (ctx->cr);
}

/* The header's text in up to header_lines lines (word-wrapped, then
 * ellipsized), sitting on the detail line: one-line names line up with
 * the second line of two-line ones. */
static void
show_header_text (Ctx              *ctx,
                  const char       *text,
                  const KsGridRect *r,
                  KsGridAlign       align)
{
  KsGridLayout *l = ctx->layout;
  PangoLayout *layout = l->header_text;
  double inner = r->width - 2 * l->pad_x;
  double block = l->header_lines * l->line_h;
  PangoRectangle logical;
  int lines;

  if (!text || !*text || inner <= 1)
    return;
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (inner * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -(int) l->header_lines);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, pango_alignment (align));
  pango_layout_get_extents (layout, NULL, &logical);
  lines = MIN (pango_layout_get_line_count (layout), (int) l->header_lines);
  ks_color_set_source (ctx->cr, &ctx->palette->foreground);
  cairo_move_to (ctx->cr, r->x + l->pad_x, round (r->y + l->pad_y + block - lines * l->line_h));
  pango_cairo_show_layout (ctx->cr, layout);
  /* the scratch layout is shared with measuring: back to one line */
  pango_layout_set_height (layout, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
}

static void
draw_header_cell (Ctx   *ctx,
                  guint  column)
{
  KsGridLayout *l = ctx->layout;
  const KsPalette *p = ctx->palette;
  KsGridRect r = ks_grid_layout_get_cell_rect (l, ctx->view, KS_GRID_HEADER, column);
  KsGridCell cell = { 0 };
  KsColor bg = ctx->header_bg;
  KsGridAlign align = l->columns[column].align;

  ctx->func (KS_GRID_HEADER, column, &cell, ctx->user_data);
  if (ctx->state && ctx->state->focus_column == column && ctx->state->focus_row != KS_GRID_NONE)
    bg = ks_color_mix (&bg, &p->accent, 0.14);
  fill_rect (ctx->cr, &r, &bg);
  show_header_text (ctx, cell.text, &r, align);
  if (cell.detail && *cell.detail)
    show_text (ctx, l->detail_text, cell.detail, r.x, r.width, r.y + l->pad_y + l->header_lines * l->line_h,
               l->detail_h, align, &p->muted);
  if (column > 0)
    draw_vertical_line (ctx, r.x + r.width, r.y, r.y + r.height, &p->grid);
}

static void
draw_focus (Ctx *ctx)
{
  KsGridLayout *l = ctx->layout;
  const KsGridDrawState *s = ctx->state;
  KsGridRect r, body = ks_grid_layout_get_body_rect (l, ctx->view);

  if (s->focus_row == KS_GRID_NONE || s->focus_column >= l->n_columns)
    return;
  if (s->focus_row != KS_GRID_HEADER && s->focus_row >= l->n_rows)
    return;
  r = ks_grid_layout_get_cell_rect (l, ctx->view, s->focus_row, s->focus_column);
  ks_grid_draw_focus_outline (ctx->cr, ctx->palette, ctx->view, &r, s->focused,
                              s->focus_column == 0 ? 0 : body.x, s->focus_row == KS_GRID_HEADER ? 0 : body.y);
}

void
ks_grid_draw_focus_outline (cairo_t          *cr,
                            const KsPalette  *palette,
                            const KsGridView *view,
                            const KsGridRect *cell,
                            gboolean          focused,
                            double            clip_x,
                            double            clip_y)
{
  double w = focused ? 2 : 1;

  cairo_save (cr);
  /* under the sticky parts the outline is hidden with the cell */
  clip_rect (cr, clip_x, clip_y, view->width, view->height);
  ks_color_set_source (cr, focused ? &palette->accent : &palette->muted);
  cairo_set_line_width (cr, w);
  cairo_rectangle (cr, cell->x + w / 2, cell->y + w / 2, cell->width - w, cell->height - w);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_message (Ctx *ctx)
{
  KsGridLayout *l = ctx->layout;
  const KsGridDrawState *s = ctx->state;
  const KsPalette *p = ctx->palette;
  KsGridRect r;
  PangoRectangle logical;
  double w, h, x, y;

  if (!s->message || !*s->message || s->focus_row == KS_GRID_NONE || s->focus_column >= l->n_columns)
    return;
  r = ks_grid_layout_get_cell_rect (l, ctx->view, s->focus_row, s->focus_column);
  pango_layout_set_width (l->text, -1);
  pango_layout_set_ellipsize (l->text, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_alignment (l->text, PANGO_ALIGN_LEFT);
  pango_layout_set_text (l->text, s->message, -1);
  pango_layout_get_extents (l->text, NULL, &logical);
  w = ceil ((double) logical.width / PANGO_SCALE + 2 * l->pad_x);
  h = ceil ((double) logical.height / PANGO_SCALE + 2 * l->pad_y * 0.6);
  x = MIN (r.x, ctx->view->width - w);
  x = MAX (0, x);
  y = r.y + r.height + 2;
  if (y + h > ctx->view->height)
    y = r.y - h - 2;

  ks_color_set_source (ctx->cr, &p->negative);
  cairo_rectangle (ctx->cr, x, y, w, h);
  cairo_fill (ctx->cr);
  ks_color_set_source (ctx->cr, ks_palette_text_on (p, &p->negative));
  cairo_move_to (ctx->cr, x + l->pad_x, round (y + (h - (double) logical.height / PANGO_SCALE) / 2));
  pango_cairo_show_layout (ctx->cr, l->text);
}

void
ks_grid_draw (cairo_t               *cr,
              KsGridLayout          *layout,
              const KsGridView      *view,
              const KsPalette       *palette,
              const KsGridDrawState *state,
              KsGridCellFunc         func,
              gpointer               user_data)
{
  Ctx ctx = { cr, layout, view, palette, state, func, user_data };
  KsGridRect body;
  guint first_row, n_rows, first_col, n_cols;
  double first_w, bottom, right;

  g_return_if_fail (cr != NULL && layout != NULL && view != NULL && palette != NULL && func != NULL);

  ctx.header_bg = ks_color_mix (&palette->surface, &palette->foreground, 0.06);
  ctx.zebra = ks_color_mix (&palette->surface, &palette->foreground, 0.03);
  ctx.computed = ks_color_mix (&palette->surface, &palette->accent, 0.07);
  body = ks_grid_layout_get_body_rect (layout, view);
  first_w = layout->n_columns > 0 ? layout->col_x[1] : 0;
  ks_grid_layout_get_visible_rows (layout, view, &first_row, &n_rows);
  ks_grid_layout_get_visible_columns (layout, view, &first_col, &n_cols);
  bottom = MIN (view->height, layout->header_h + layout->n_rows * layout->row_h - view->scroll_y);
  right = MIN (view->width, layout->col_x[layout->n_columns] - view->scroll_x);

  cairo_save (cr);
  clip_rect (cr, 0, 0, view->width, view->height);
  ks_color_set_source (cr, &palette->surface);
  cairo_paint (cr);
  if (layout->n_columns == 0)
    {
      cairo_restore (cr);
      return;
    }

  /* scrolled cells */
  cairo_save (cr);
  clip_rect (cr, body.x, body.y, body.width, body.height);
  for (guint r = first_row; r < first_row + n_rows; r++)
    for (guint c = MAX (first_col, 1); c < first_col + n_cols; c++)   /* the first column is drawn sticky */
      draw_cell (&ctx, r, c, TRUE);
  for (guint c = first_col; c < first_col + n_cols; c++)
    draw_vertical_line (&ctx, layout->col_x[c + 1] - view->scroll_x, body.y, bottom, &palette->grid);
  cairo_restore (cr);

  /* sticky first column */
  cairo_save (cr);
  clip_rect (cr, 0, body.y, first_w, body.height);
  for (guint r = first_row; r < first_row + n_rows; r++)
    draw_cell (&ctx, r, 0, FALSE);
  cairo_restore (cr);

  /* sticky header row */
  cairo_save (cr);
  clip_rect (cr, body.x, 0, body.width, body.y);
  for (guint c = first_col; c < first_col + n_cols; c++)
    draw_header_cell (&ctx, c);
  cairo_restore (cr);
  cairo_save (cr);
  clip_rect (cr, 0, 0, first_w, body.y);
  draw_header_cell (&ctx, 0);
  cairo_restore (cr);

  /* the edges of the sticky parts */
  ks_color_set_source (cr, &palette->grid);
  cairo_rectangle (cr, 0, body.y - 1, right, 1);
  cairo_fill (cr);
  cairo_rectangle (cr, first_w - 1, 0, 1, bottom);
  cairo_fill (cr);
  if (view->scroll_x > 0)
    {
      /* a soft shadow says that columns pass under the first one */
      cairo_pattern_t *shadow = cairo_pattern_create_linear (first_w, 0, first_w + 6, 0);
      const KsColor *f = &palette->foreground;

      cairo_pattern_add_color_stop_rgba (shadow, 0, f->red, f->green, f->blue, 0.12);
      cairo_pattern_add_color_stop_rgba (shadow, 1, f->red, f->green, f->blue, 0);
      cairo_set_source (cr, shadow);
      cairo_rectangle (cr, first_w, body.y, 6, MAX (0, bottom - body.y));
      cairo_fill (cr);
      cairo_pattern_destroy (shadow);
    }

  if (state)
    {
      draw_focus (&ctx);
      draw_message (&ctx);
    }
  cairo_restore (cr);
}

void
ks_grid_draw_prepare (KsGridLayout     *layout,
                      const KsGridView *view,
                      guint             first_row,
                      guint             n_rows,
                      KsGridCellFunc    func,
                      gpointer          user_data)
{
  guint first_col, n_cols;

  g_return_if_fail (layout != NULL && view != NULL && func != NULL);

  if (first_row >= layout->n_rows || layout->n_columns == 0)
    return;
  n_rows = MIN (n_rows, layout->n_rows - first_row);
  ks_grid_layout_get_visible_columns (layout, view, &first_col, &n_cols);
  for (guint r = first_row; r < first_row + n_rows; r++)
    for (guint i = 0; i <= n_cols; i++)
      {
        /* the sticky first column, then the scrolled ones in view */
        guint c = i == 0 ? 0 : first_col + i - 1;
        KsGridCell cell = { 0 };
        KsGridRect rect;
        double text_x, text_w, inner;
        const char *text;

        if (i > 0 && c == 0)
          continue;
        func (r, c, &cell, user_data);
        rect = ks_grid_layout_get_cell_rect (layout, view, r, c);
        text = cell_text_box (layout, &layout->columns[c], &cell, &rect, &text_x, &text_w);
        inner = text_w - 2 * layout->pad_x;
        if (text && *text && inner > 1)
          shaped_text (layout, text, inner, layout->columns[c].align);
      }
}

guint
ks_grid_draw_count_shaped (const KsGridLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return g_hash_table_size (layout->shaped) + g_hash_table_size (layout->shaped_old);
}
