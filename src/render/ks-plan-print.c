/* ks-plan-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is a list of blocks (a section heading, a paragraph, a table
 * row, the perception ladder), each made of cells that hold pango markup at a
 * share of the content width; ks-plan-print-build.c makes them from the plan.
 * This file puts them on pages, draws the pages and writes them to files.
 * ks_plan_print_paginate() lays every cell out for the page width and puts
 * the blocks on pages as pieces: a piece shows, per cell, a run of whole
 * lines, so a paragraph (or a table row taller than a page) continues on the
 * next page exactly where it stopped. Table rows stay whole otherwise, and a
 * table's header row is repeated on a new page.
 */
#define G_LOG_DOMAIN "ks-plan-print"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "ks-account.h"
#include "ks-contact.h"
#include "ks-export.h"
#include "ks-palette.h"
#include "ks-person.h"
#include "ks-plan-print-private.h"
#include "ks-plan-print.h"
#include "ks-product.h"

#define MARGIN        36.0    /* half an inch: inside every printer's unprintable border */
#define PAD_X         4.0
#define PAD_Y         2.5
#define CHECK_SIZE    8.0
#define LADDER_BARS   32.0

typedef struct
{
  double top;       /* logical extents in the layout, points */
  double bottom;
  double baseline;
  double x;         /* the line's start, alignment and direction included */
} LineInfo;

typedef struct
{
  Block  *block;
  double  y;        /* top on the page */
  double  height;
  guint  *start;    /* per cell: first line shown */
  guint  *end;      /* per cell: one past the last line shown */
} Piece;

KsPlanPrint *
ks_plan_print_new (const KsPlanPrintData *data)
{
  KsPlanPrint *self;
  cairo_font_options_t *options;

  g_return_val_if_fail (data != NULL && data->plan != NULL, NULL);

  self = g_new0 (KsPlanPrint, 1);
  self->palette = ks_palette_new (KS_PALETTE_LIGHT);

  /* Metrics that do not depend on the device: the same line breaks on
   * screen, in a PDF and on paper. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  _ks_plan_print_build (self, data);
  return self;
}

void
ks_plan_print_free (KsPlanPrint *self)
{
  if (!self)
    return;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->title);
  g_clear_object (&self->meta);
  g_ptr_array_unref (self->blocks);
  g_object_unref (self->context);
  ks_palette_free (self->palette);
  g_free (self->account_name);
  g_free (self->owner_name);
  g_free (self->today);
  g_free (self);
}

/* --- layout --------------------------------------------------------------- */

static void
piece_free (gpointer data)
{
  Piece *piece = data;

  g_free (piece->start);
  g_free (piece->end);
  g_free (piece);
}

static PangoLayout *
new_layout (KsPlanPrint *self,
            const char  *markup,
            double       size,
            double       width,
            gboolean     bold)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string (self->palette->font_family);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static void
measure_cell (KsPlanPrint *self,
              Block       *block,
              Cell        *cell,
              double       content_width)
{
  PangoLayoutIter *iter;
  double left = cell->start * content_width;
  double right = (cell->start + cell->share) * content_width;

  cell->inset = cell->check >= 0 ? CHECK_SIZE + 5 : 0;
  cell->x = left;
  cell->width = right - left;
  g_clear_object (&cell->layout);
  cell->layout = new_layout (self, cell->markup, cell->size,
                             cell->width - 2 * PAD_X - cell->inset, FALSE);
  if (cell->centered)
    pango_layout_set_alignment (cell->layout, PANGO_ALIGN_CENTER);

  g_clear_pointer (&cell->lines, g_array_unref);
  cell->lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  iter = pango_layout_get_iter (cell->layout);
  do
    {
      PangoRectangle logical;
      int y0, y1;
      LineInfo info;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      info.top = (double) y0 / PANGO_SCALE;
      info.bottom = (double) y1 / PANGO_SCALE;
      info.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      info.x = (double) logical.x / PANGO_SCALE;
      g_array_append_val (cell->lines, info);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static double
lines_height (const Cell *cell,
              guint       from,
              guint       to)
{
  if (to <= from)
    return 0;
  return g_array_index (cell->lines, LineInfo, to - 1).bottom -
         g_array_index (cell->lines, LineInfo, from).top;
}

/* Space above and below a block's text. */
static double
vpad (const Block *block)
{
  return 2 * PAD_Y + (block->kind == BLOCK_HEADING ? 3 : 0);
}

/* Room above the bars for "Today" and "Target", when either is set. */
static double
marks_height (const Block *block)
{
  return block->ladder_current || block->ladder_target ? 22 : 0;
}

static double
ladder_label_height (Block *block)
{
  double h = 0;

  for (guint c = 0; c < block->cells->len; c++)
    {
      Cell *cell = g_ptr_array_index (block->cells, c);
      h = MAX (h, lines_height (cell, 0, cell->lines->len));
    }
  return h;
}

static double
full_height (Block *block)
{
  double h = 0;

  if (block->kind == BLOCK_LADDER)
    return block->height;
  for (guint c = 0; c < block->cells->len; c++)
    {
      Cell *cell = g_ptr_array_index (block->cells, c);
      h = MAX (h, lines_height (cell, 0, cell->lines->len) + vpad (block));
    }
  return h;
}

/* The least a block needs where it starts: a line of text, or all of it. */
static double
first_height (Block *block)
{
  double h = 0;

  if (block->kind != BLOCK_TEXT)
    return full_height (block);
  for (guint c = 0; c < block->cells->len; c++)
    {
      Cell *cell = g_ptr_array_index (block->cells, c);
      h = MAX (h, lines_height (cell, 0, MIN (1, cell->lines->len)) + vpad (block));
    }
  return h;
}

typedef struct
{
  KsPlanPrint *self;
  GPtrArray   *page;
  double       y;
  double       top;
  double       bottom;
} Flow;

static void
new_page (Flow *flow)
{
  flow->page = g_ptr_array_new_with_free_func (piece_free);
  g_ptr_array_add (flow->self->pages, flow->page);
  flow->y = flow->top;
}

/* Places as many lines of @block (from @cursor on) as fit below flow->y;
 * advances @cursor. Returns FALSE when nothing fitted. @force takes at
 * least one line of each unfinished cell. */
static gboolean
place_piece (Flow     *flow,
             Block    *block,
             guint    *cursor,
             gboolean  force)
{
  guint n = block->cells->len;
  Piece *piece = g_new0 (Piece, 1);
  double avail = flow->bottom - flow->y;
  double height = 0;
  gboolean progress = FALSE;

  piece->block = block;
  piece->y = flow->y;
  piece->start = g_new0 (guint, MAX (n, 1));
  piece->end = g_new0 (guint, MAX (n, 1));
  for (guint c = 0; c < n; c++)
    {
      Cell *cell = g_ptr_array_index (block->cells, c);
      guint k = cursor[c];

      piece->start[c] = k;
      if (block->kind == BLOCK_LADDER)
        k = cell->lines->len;
      else
        while (k < cell->lines->len &&
               (lines_height (cell, cursor[c], k + 1) + vpad (block) <= avail ||
                (force && k == cursor[c])))
          k++;
      piece->end[c] = k;
      progress |= k > cursor[c];
      height = MAX (height, lines_height (cell, cursor[c], k) + vpad (block));
    }
  if (block->kind == BLOCK_LADDER)
    height = block->height;

  if (!progress)
    {
      piece_free (piece);
      return FALSE;
    }
  for (guint c = 0; c < n; c++)
    cursor[c] = piece->end[c];
  piece->height = height;
  g_ptr_array_add (flow->page, piece);
  flow->y += height;
  return TRUE;
}

static gboolean
block_done (Block       *block,
            const guint *cursor)
{
  for (guint c = 0; c < block->cells->len; c++)
    if (cursor[c] < ((Cell *) g_ptr_array_index (block->cells, c))->lines->len)
      return FALSE;
  return TRUE;
}

/* Starts a page; a table continues under its header row. */
static void
continue_on_new_page (Flow  *flow,
                      Block *block)
{
  new_page (flow);
  if (block->table_header)
    {
      g_autofree guint *cursor = g_new0 (guint, block->table_header->cells->len);
      place_piece (flow, block->table_header, cursor, TRUE);
    }
}

static void
flow_block (Flow  *flow,
            Block *block,
            double keep)
{
  g_autofree guint *cursor = g_new0 (guint, MAX (block->cells->len, 1));
  double page = flow->bottom - flow->top;
  double header = block->table_header ? full_height (block->table_header) : 0;
  gboolean whole = block->kind != BLOCK_TEXT;

  if (flow->y > flow->top)
    {
      double need = MAX (keep, whole ? full_height (block) : first_height (block));

      /* A row that fits on a page is never split; a heading takes its first
       * content along. */
      if (block->space_before + need > flow->bottom - flow->y &&
          (!whole || full_height (block) + header <= page || block->kind == BLOCK_HEADING ||
           block->space_before + first_height (block) > flow->bottom - flow->y))
        continue_on_new_page (flow, block);
      else
        flow->y += block->space_before;
    }

  while (!block_done (block, cursor))
    {
      if (!place_piece (flow, block, cursor, flow->y <= flow->top + header + 0.01))
        continue_on_new_page (flow, block);
    }
}

guint
ks_plan_print_paginate (KsPlanPrint *self,
                        double       page_width,
                        double       page_height)
{
  double content_width;
  Flow flow = { 0 };
  g_autofree char *meta = NULL;
  g_autofree char *name = NULL;
  PangoRectangle title_rect, meta_rect;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (page_width > 4 * MARGIN && page_height > 4 * MARGIN, 0);

  self->page_width = page_width;
  self->page_height = page_height;
  content_width = page_width - 2 * MARGIN;

  /* The header: account name (wrapped, beside "Page n of m"), owner and date. */
  name = g_markup_escape_text (self->account_name, -1);
  g_clear_object (&self->title);
  self->title = new_layout (self, name, TITLE_SIZE, content_width - 90, TRUE);
  if (*self->owner_name)
    meta = g_strdup_printf (_("Account plan · Owner: %s · Printed %s"), self->owner_name, self->today);
  else
    meta = g_strdup_printf (_("Account plan · No owner · Printed %s"), self->today);
  {
    g_autofree char *m = g_markup_escape_text (meta, -1);
    g_clear_object (&self->meta);
    self->meta = new_layout (self, m, SMALL_SIZE, content_width - 90, FALSE);
  }
  pango_layout_get_extents (self->title, NULL, &title_rect);
  pango_layout_get_extents (self->meta, NULL, &meta_rect);
  self->content_top = MARGIN + (double) (title_rect.height + meta_rect.height) / PANGO_SCALE + 10;

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);

      for (guint c = 0; c < block->cells->len; c++)
        measure_cell (self, block, g_ptr_array_index (block->cells, c), content_width);
      if (block->kind == BLOCK_LADDER)
        {
          const char *words[2] = { _("Today"), _("Target") };
          for (guint i = 0; i < 2; i++)
            {
              g_autofree char *m = g_strdup_printf ("<b>%s</b>", words[i]);
              g_clear_object (&block->marks[i]);
              block->marks[i] = new_layout (self, m, SMALL_SIZE, content_width / 8 - 2, FALSE);
              pango_layout_set_alignment (block->marks[i], PANGO_ALIGN_CENTER);
            }
          /* Two marks, the bars, the labels. */
          block->height = marks_height (block) + LADDER_BARS + 4 + ladder_label_height (block) + 2 * PAD_Y;
        }
    }

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  flow.self = self;
  flow.top = self->content_top;
  flow.bottom = page_height - MARGIN;
  new_page (&flow);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);
      double keep = 0;

      /* A heading (and a table's header row) stays with what follows it. */
      for (guint k = b; k < self->blocks->len; k++)
        {
          Block *next = g_ptr_array_index (self->blocks, k);
          if (k > b)
            keep += next->space_before;
          if (!next->keep_with_next || k + 1 == self->blocks->len)
            {
              keep += first_height (next);
              break;
            }
          keep += full_height (next);
        }
      flow_block (&flow, block, keep);
    }
  return self->pages->len;
}

guint
ks_plan_print_get_n_pages (KsPlanPrint *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages ? self->pages->len : 0;
}

/* --- drawing -------------------------------------------------------------- */

static const KsColor *
ink_color (KsPlanPrint *self,
           Ink          ink)
{
  switch (ink)
    {
    case INK_MUTED:
      return &self->palette->muted;
    case INK_NEGATIVE:
      return &self->palette->negative;
    case INK_FOREGROUND:
    default:
      return &self->palette->foreground;
    }
}

static void
draw_check (KsPlanPrint *self,
            cairo_t     *cr,
            double       x,
            double       y,
            gboolean     ticked)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 0.8);
  ks_color_set_source (cr, &self->palette->foreground);
  cairo_rectangle (cr, x + 0.4, y + 0.4, CHECK_SIZE - 0.8, CHECK_SIZE - 0.8);
  cairo_stroke (cr);
  if (ticked)
    {
      cairo_set_line_width (cr, 1.4);
      ks_color_set_source (cr, &self->palette->positive);
      cairo_move_to (cr, x + 1.6, y + CHECK_SIZE * 0.52);
      cairo_line_to (cr, x + CHECK_SIZE * 0.42, y + CHECK_SIZE - 1.8);
      cairo_line_to (cr, x + CHECK_SIZE - 1.2, y + 1.6);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* A ladder mark ("Today", "Target") with its bottom at *@y; moves *@y to its top. */
static void
draw_mark (cairo_t     *cr,
           PangoLayout *mark,
           double       x,
           double      *y)
{
  PangoRectangle r;

  pango_layout_get_extents (mark, NULL, &r);
  *y -= (double) r.height / PANGO_SCALE;
  cairo_move_to (cr, x, *y);
  pango_cairo_show_layout (cr, mark);
}

static void
draw_ladder (KsPlanPrint *self,
             cairo_t     *cr,
             Block       *block,
             double       left,
             double       top)
{
  double bars_top = top + PAD_Y + marks_height (block);
  double labels_top = bars_top + LADDER_BARS + 4;
  KsColor idle = ks_color_mix (&self->palette->grid, &self->palette->surface, 0.3);

  for (guint i = 0; i < block->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (block->cells, i);
      double h = 14 + i * (LADDER_BARS - 14) / 7.0;
      double x = left + cell->x + 3;
      double w = cell->width - 6;
      gboolean current = (int) i + 1 == block->ladder_current;
      gboolean target = (int) i + 1 == block->ladder_target;
      double mark_y = bars_top + LADDER_BARS - h - 2;

      cairo_rectangle (cr, x, bars_top + LADDER_BARS - h, w, h);
      if (current)
        ks_color_set_source (cr, &self->palette->accent);
      else if (target)
        ks_color_set_source (cr, &self->palette->surface);
      else
        ks_color_set_source (cr, &idle);
      cairo_fill_preserve (cr);
      if (target)
        {
          /* The target: an outline in the positive colour, dashed, around
           * whatever fill the bar has. */
          static const double dash[] = { 3, 2 };
          cairo_save (cr);
          cairo_set_line_width (cr, 1.6);
          cairo_set_dash (cr, dash, 2, 0);
          ks_color_set_source (cr, &self->palette->positive);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      else
        cairo_new_path (cr);

      /* The words above the bar are the marks; the fills only repeat them. */
      ks_color_set_source (cr, &self->palette->foreground);
      if (target)
        draw_mark (cr, block->marks[1], left + cell->x + 1, &mark_y);
      if (current)
        draw_mark (cr, block->marks[0], left + cell->x + 1, &mark_y);

      ks_color_set_source (cr, current || target ? &self->palette->foreground : &self->palette->muted);
      cairo_move_to (cr, left + cell->x + PAD_X, labels_top);
      pango_cairo_show_layout (cr, cell->layout);
    }
}

static void
draw_piece (KsPlanPrint *self,
            cairo_t     *cr,
            Piece       *piece,
            double       left,
            double       width)
{
  Block *block = piece->block;

  if (block->kind == BLOCK_LADDER)
    {
      draw_ladder (self, cr, block, left, piece->y);
      return;
    }

  if (block->header_row)
    {
      KsColor shade = ks_color_mix (&self->palette->surface, &self->palette->grid, 0.55);
      ks_color_set_source (cr, &shade);
      cairo_rectangle (cr, left, piece->y, width, piece->height);
      cairo_fill (cr);
    }
  if (block->boxed)
    {
      KsColor tint = ks_color_mix (&self->palette->surface, &self->palette->accent, 0.05);
      cairo_set_line_width (cr, 0.8);
      for (guint c = 0; c < block->cells->len; c++)
        {
          Cell *cell = g_ptr_array_index (block->cells, c);
          cairo_rectangle (cr, left + cell->x + 1.5, piece->y + 0.5,
                           cell->width - 3, piece->height - 1);
          ks_color_set_source (cr, &tint);
          cairo_fill_preserve (cr);
          ks_color_set_source (cr, &self->palette->grid);
          cairo_stroke (cr);
        }
    }
  if (block->rule_below)
    {
      ks_color_set_source (cr, &self->palette->grid);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, left, piece->y + piece->height - 0.25);
      cairo_line_to (cr, left + width, piece->y + piece->height - 0.25);
      cairo_stroke (cr);
    }
  if (block->overdue)
    {
      ks_color_set_source (cr, &self->palette->negative);
      cairo_rectangle (cr, left, piece->y + 1, 2, piece->height - 2);
      cairo_fill (cr);
    }
  if (block->kind == BLOCK_HEADING)
    {
      ks_color_set_source (cr, &self->palette->accent);
      cairo_rectangle (cr, left, piece->y + 1, width, 1.2);
      cairo_fill (cr);
    }
  for (guint c = 0; c < block->cells->len; c++)
    {
      Cell *cell = g_ptr_array_index (block->cells, c);
      LineInfo *first = &g_array_index (cell->lines, LineInfo, 0);
      double mid = piece->y + PAD_Y + (first->bottom - first->top) / 2;

      if (cell->check >= 0 && piece->start[c] == 0 && piece->end[c] > 0)
        draw_check (self, cr, left + cell->x + PAD_X, mid - CHECK_SIZE / 2, cell->check == 1);
    }

  for (guint c = 0; c < block->cells->len; c++)
    {
      Cell *cell = g_ptr_array_index (block->cells, c);
      double origin;
      double x = left + cell->x + PAD_X + cell->inset;

      if (piece->start[c] >= piece->end[c])
        continue;
      origin = piece->y + PAD_Y + (block->kind == BLOCK_HEADING ? 3 : 0) -
               g_array_index (cell->lines, LineInfo, piece->start[c]).top;
      ks_color_set_source (cr, ink_color (self, cell->ink));
      for (guint l = piece->start[c]; l < piece->end[c]; l++)
        {
          LineInfo *info = &g_array_index (cell->lines, LineInfo, l);
          cairo_move_to (cr, x + info->x, origin + info->baseline);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (cell->layout, (int) l));
        }
    }
}

void
ks_plan_print_draw_page (KsPlanPrint *self,
                         cairo_t     *cr,
                         guint        page)
{
  GPtrArray *pieces;
  double width;
  g_autofree char *label = NULL;
  g_autoptr(PangoLayout) page_label = NULL;
  PangoRectangle title_rect, meta_rect;

  g_return_if_fail (self != NULL && cr != NULL);
  if (!self->pages)
    ks_plan_print_paginate (self, KS_PLAN_PRINT_A4_WIDTH, KS_PLAN_PRINT_A4_HEIGHT);
  g_return_if_fail (page < self->pages->len);

  pieces = g_ptr_array_index (self->pages, page);
  width = self->page_width - 2 * MARGIN;

  cairo_save (cr);
  ks_color_set_source (cr, &self->palette->surface);
  cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
  cairo_fill (cr);

  /* Header. */
  ks_color_set_source (cr, &self->palette->foreground);
  cairo_move_to (cr, MARGIN, MARGIN);
  pango_cairo_show_layout (cr, self->title);
  pango_layout_get_extents (self->title, NULL, &title_rect);
  ks_color_set_source (cr, &self->palette->muted);
  cairo_move_to (cr, MARGIN, MARGIN + (double) title_rect.height / PANGO_SCALE);
  pango_cairo_show_layout (cr, self->meta);
  pango_layout_get_extents (self->meta, NULL, &meta_rect);

  label = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  {
    g_autofree char *m = g_markup_escape_text (label, -1);
    page_label = new_layout (self, m, SMALL_SIZE, 86, FALSE);
  }
  pango_layout_set_alignment (page_label, PANGO_ALIGN_RIGHT);
  cairo_move_to (cr, MARGIN + width - 86, MARGIN + 3);
  pango_cairo_show_layout (cr, page_label);

  ks_color_set_source (cr, &self->palette->grid);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, MARGIN, self->content_top - 5);
  cairo_line_to (cr, MARGIN + width, self->content_top - 5);
  cairo_stroke (cr);

  for (guint i = 0; i < pieces->len; i++)
    draw_piece (self, cr, g_ptr_array_index (pieces, i), MARGIN, width);
  cairo_restore (cr);
}

/* --- files ---------------------------------------------------------------- */

typedef struct
{
  KsPlanPrint *self;
  guint        page;
} PageDraw;

static void
draw_one_page (cairo_t *cr,
               double   width,
               double   height,
               gpointer user_data)
{
  PageDraw *pd = user_data;
  ks_plan_print_draw_page (pd->self, cr, pd->page);
}

static gboolean
export_pdf (KsPlanPrint *self,
            const char  *path,
            guint        first,
            guint        last,
            GError     **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.part-%d", path, (int) getpid ());
  cairo_surface_t *surface = cairo_pdf_surface_create (tmp, self->page_width, self->page_height);
  cairo_status_t status;
  cairo_t *cr;
  g_autofree char *title = g_strdup_printf (_("Account plan: %s"), self->account_name);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Keystone");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);
  for (guint p = first; p <= last; p++)
    {
      ks_plan_print_draw_page (self, cr, p);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, KS_EXPORT_ERROR, KS_EXPORT_ERROR_FAILED,
                   _("Could not write the account plan to “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, KS_EXPORT_ERROR, KS_EXPORT_ERROR_FAILED,
                   _("Could not write the account plan to “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
ks_plan_print_export_page (KsPlanPrint *self,
                           const char  *path,
                           guint        page,
                           GError     **error)
{
  KsExportFormat format;
  guint n;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!ks_export_format_for_path (path, &format, error))
    return FALSE;
  if (self->page_width != KS_PLAN_PRINT_A4_WIDTH || self->page_height != KS_PLAN_PRINT_A4_HEIGHT ||
      !self->pages)
    ks_plan_print_paginate (self, KS_PLAN_PRINT_A4_WIDTH, KS_PLAN_PRINT_A4_HEIGHT);
  n = self->pages->len;
  if (page != KS_PLAN_PRINT_ALL_PAGES && page >= n)
    {
      g_set_error (error, KS_EXPORT_ERROR, KS_EXPORT_ERROR_FAILED,
                   ngettext ("Cannot write page %u of the account plan to “%s”: it has %u page",
                             "Cannot write page %u of the account plan to “%s”: it has %u pages", n),
                   page + 1, path, n);
      return FALSE;
    }
  if (format == KS_EXPORT_PDF)
    return export_pdf (self, path,
                       page == KS_PLAN_PRINT_ALL_PAGES ? 0 : page,
                       page == KS_PLAN_PRINT_ALL_PAGES ? n - 1 : page, error);
  {
    PageDraw pd = { self, page == KS_PLAN_PRINT_ALL_PAGES ? 0 : page };
    return ks_export_to_file (path, self->page_width, self->page_height, 2,
                              draw_one_page, &pd, error);
  }
}

gboolean
ks_plan_print_export (KsPlanPrint *self,
                      const char  *path,
                      GError     **error)
{
  return ks_plan_print_export_page (self, path, KS_PLAN_PRINT_ALL_PAGES, error);
}

/* --- from the workspace ----------------------------------------------------- */

KsPlanPrint *
ks_plan_print_new_for_account (KsWorkspace *workspace,
                               gint64       account_id,
                               const char  *today,
                               GError     **error)
{
  g_autoptr(KsAccount) account = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) products = NULL;
  g_autoptr(GArray) contact_rows = NULL;
  g_autoptr(GArray) person_rows = NULL;
  g_autoptr(GArray) product_rows = NULL;
  KsPlan *plan;
  KsPlanPrintData data = { 0 };
  KsPlanPrint *self;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(account = ks_account_load (workspace, account_id, error)) ||
      !(contacts = ks_contact_list_for_account (workspace, account_id, error)) ||
      !(people = ks_person_list (workspace, error)) ||
      !(products = ks_product_list (workspace, error)))
    return NULL;
  if (!(plan = ks_plan_load (workspace, account_id, error)))
    return NULL;

  contact_rows = g_array_new (FALSE, TRUE, sizeof (KsPlanPrintContact));
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(KsContact) c = g_list_model_get_item (contacts, i);
      KsPlanPrintContact row = {
        .id = ks_contact_get_id (c),
        .name = ks_contact_get_name (c),
        .title = ks_contact_get_title (c),
        .department = ks_contact_get_department (c),
        .phone = ks_contact_get_phone (c),
        .email = ks_contact_get_email (c),
        .channel = ks_contact_get_channel (c),
        .time_zone = ks_contact_get_time_zone (c),
        .power = ks_contact_get_power (c),
      };
      /* Competitors and third parties are on the map, not in the address list. */
      if (ks_contact_get_kind (c) == KS_NODE_CONTACT)
        g_array_append_val (contact_rows, row);
    }
  person_rows = g_array_new (FALSE, TRUE, sizeof (KsPlanPrintName));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(KsPerson) p = g_list_model_get_item (people, i);
      KsPlanPrintName row = { ks_person_get_id (p), ks_person_get_name (p) };
      g_array_append_val (person_rows, row);
    }
  product_rows = g_array_new (FALSE, TRUE, sizeof (KsPlanPrintName));
  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(KsProduct) p = g_list_model_get_item (products, i);
      KsPlanPrintName row = { ks_product_get_id (p), ks_product_get_name (p) };
      g_array_append_val (product_rows, row);
    }

  /* The strings belong to the objects in the list models, which outlive
   * ks_plan_print_new (it copies what it keeps). */
  data.account_name = ks_account_get_name (account);
  data.owner_name = ks_account_get_owner_name (account);
  data.today = today;
  data.employees = ks_account_get_employees (account);
  data.revenue = ks_account_get_revenue (account);
  data.plan = plan;
  data.contacts = (const KsPlanPrintContact *) contact_rows->data;
  data.n_contacts = contact_rows->len;
  data.people = (const KsPlanPrintName *) person_rows->data;
  data.n_people = person_rows->len;
  data.products = (const KsPlanPrintName *) product_rows->data;
  data.n_products = product_rows->len;
  self = ks_plan_print_new (&data);
  ks_plan_free (plan);
  return self;
}
