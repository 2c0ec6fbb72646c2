/* ks-raci-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grid's geometry is a KsGridLayout over rows (phases and tasks) and
 * columns (the first column, then the model's): it measures the headers,
 * keeps the column edges and answers hit tests and visible ranges, all
 * with uniform rows, so a frame is a few divisions whatever the grid's size.
 * This file adds the RACI parts: the rows' meaning, the first column's
 * width from the task names, the header's bands (label, person, load bar)
 * and the printed pages.
 */
#define G_LOG_DOMAIN "ks-raci-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ks-raci-layout-private.h"

/* What the grid measures: the headers only (letters are chips of a fixed
 * size, task names are measured below). */
static void
header_func (guint       row,
             guint       column,
             KsGridCell *cell,
             gpointer    user_data)
{
  const KsRaciLayout *self = user_data;
  const KsRaciGridColumn *col;

  if (row != KS_GRID_HEADER)
    return;
  if (column == 0)
    {
      cell->text = _("Task");
      return;
    }
  col = &self->model->columns[column - 1];
  cell->text = col->label ? col->label : "";
  if (col->nobody)
    cell->detail = _("nobody");
  else if (col->sublabel)
    cell->detail = col->sublabel;
  else if (col->is_role)
    cell->detail = _("role");
}

static void
build_rows (KsRaciLayout *self)
{
  const KsRaciGridModel *m = self->model;
  guint r = 0, n_orphans = 0;

  for (guint t = 0; t < m->n_tasks; t++)
    if (m->tasks[t].phase >= m->n_phases)
      n_orphans++;
  self->n_rows = m->n_phases + m->n_tasks;
  self->row_kind = g_new0 (guint8, MAX (self->n_rows, 1));
  self->row_index = g_new0 (guint, MAX (self->n_rows, 1));
  self->task_row = g_new0 (guint, MAX (m->n_tasks, 1));
  self->phase_row = g_new0 (guint, MAX (m->n_phases, 1));

  /* tasks come by phase, so one pass per phase is linear in practice; a
   * model out of order still gets every task under its phase */
  for (guint p = 0; p <= m->n_phases; p++)
    {
      if (p < m->n_phases)
        {
          self->phase_row[p] = r;
          self->row_kind[r] = KS_RACI_ROW_PHASE;
          self->row_index[r++] = p;
        }
      else if (n_orphans == 0)
        break;
      for (guint t = 0; t < m->n_tasks; t++)
        if (m->tasks[t].phase == p || (p == m->n_phases && m->tasks[t].phase >= m->n_phases))
          {
            self->task_row[t] = r;
            self->row_kind[r] = KS_RACI_ROW_TASK;
            self->row_index[r++] = t;
          }
    }
  g_assert (r == self->n_rows);
}

static double
measure_first_width (KsRaciLayout *self)
{
  const KsRaciGridModel *m = self->model;
  PangoLayout *layout = pango_layout_new (self->context);
  double w = 0;

  pango_layout_set_font_description (layout, self->font);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  for (guint t = 0; t < m->n_tasks; t++)
    {
      double tw = ks_chart_text_width (layout, m->tasks[t].name);

      w = MAX (w, tw + (m->tasks[t].phase < m->n_phases ? self->indent : 0));
      if (w >= KS_RACI_FIRST_MAX_WIDTH * self->scale)
        break;
    }
  g_object_unref (layout);
  /* padding, the problem icon and the gap after it */
  w += 2 * self->pad_x + self->icon + self->pad_x * 0.5;
  return CLAMP (ceil (w), ceil (KS_RACI_FIRST_MIN_WIDTH * self->scale),
                ceil (KS_RACI_FIRST_MAX_WIDTH * self->scale));
}

KsRaciLayout *
ks_raci_layout_new (const KsRaciGridModel *model,
                    const KsPalette       *palette,
                    double                 scale,
                    PangoContext          *context)
{
  KsRaciLayout *self;
  KsGridColumn *columns;
  double label_area;
  gboolean has_detail = FALSE;

  g_return_val_if_fail (model != NULL && palette != NULL, NULL);
  if (!(scale > 0))
    scale = 1;

  self = g_new0 (KsRaciLayout, 1);
  self->model = model;
  self->scale = scale;
  self->palette = ks_palette_copy (palette);
  ks_palette_set_font (self->palette, palette->font_family, palette->font_size * scale);
  self->context = context ? g_object_ref (context) : ks_chart_context_new ();
  self->font = ks_chart_font_new (self->palette, 1.0, PANGO_WEIGHT_NORMAL);
  self->bold = ks_chart_font_new (self->palette, 1.0, PANGO_WEIGHT_BOLD);
  self->small = ks_chart_font_new (self->palette, 0.85, PANGO_WEIGHT_NORMAL);

  /* the same measures as the grid's (ks-grid-layout.c), from the same fonts */
  self->font_px = ks_chart_context_font_px (self->palette, self->context);
  self->pad_x = round (self->font_px * 0.6);
  self->pad_y = round (self->font_px * 0.45);
  self->line_h = ceil (MAX (ks_chart_line_height (self->context, self->font),
                            ks_chart_line_height (self->context, self->bold)));
  self->small_h = ceil (ks_chart_line_height (self->context, self->small));
  self->icon = round (self->font_px * 1.1);
  self->indent = model->n_phases > 0 ? self->pad_x : 0;
  self->bar_h = MAX (3, round (self->font_px * 0.45));
  self->bar_gap = round (self->pad_y * 0.75);
  self->chip_h = round (self->line_h);
  self->chip_w = round (self->font_px * 1.9);

  build_rows (self);
  self->first_w = measure_first_width (self);
  for (guint c = 0; c < model->n_columns; c++)
    {
      const guint *load = model->columns[c].load;
      guint total = 0;

      for (guint i = 0; i < KS_RACI_N_LOAD; i++)
        total += load[i];
      self->max_load = MAX (self->max_load, total);
      if (model->columns[c].is_role || model->columns[c].sublabel)
        has_detail = TRUE;
    }

  columns = g_new0 (KsGridColumn, model->n_columns + 1);
  columns[0] = (KsGridColumn) { self->first_w, self->first_w, KS_GRID_ALIGN_START, KS_GRID_COLUMN_DEFAULT };
  for (guint c = 0; c < model->n_columns; c++)
    columns[c + 1] = (KsGridColumn) { KS_RACI_COLUMN_MIN_WIDTH * scale, KS_RACI_COLUMN_MAX_WIDTH * scale,
                                      KS_GRID_ALIGN_CENTER, KS_GRID_COLUMN_DEFAULT };
  self->grid = ks_grid_layout_new (self->palette, self->context);
  ks_grid_layout_set_header_extra (self->grid, self->bar_h + self->bar_gap);
  ks_grid_layout_set_content (self->grid, columns, model->n_columns + 1, self->n_rows, header_func, self);
  g_free (columns);

  self->row_h = ks_grid_layout_get_row_height (self->grid);
  self->header_h = ks_grid_layout_get_header_height (self->grid);
  /* the grid gives a label two lines when one is wider than its column */
  label_area = self->header_h - 2 * self->pad_y - (self->bar_h + self->bar_gap) - (has_detail ? self->small_h : 0);
  self->label_lines = MAX (1, (guint) floor (label_area / self->line_h + 0.01));

  self->task_text = g_new0 (KsChartText, MAX (model->n_tasks, 1));
  self->phase_text = g_new0 (KsChartText, MAX (model->n_phases, 1));
  self->label_text = g_new0 (KsChartText, MAX (model->n_columns, 1));
  self->sub_text = g_new0 (KsChartText, MAX (model->n_columns, 1));
  return self;
}

void
ks_raci_layout_free (KsRaciLayout *self)
{
  const KsRaciGridModel *m;

  if (!self)
    return;
  m = self->model;
  for (guint i = 0; i < m->n_tasks; i++)
    ks_chart_text_clear (&self->task_text[i]);
  for (guint i = 0; i < m->n_phases; i++)
    ks_chart_text_clear (&self->phase_text[i]);
  for (guint i = 0; i < m->n_columns; i++)
    {
      ks_chart_text_clear (&self->label_text[i]);
      ks_chart_text_clear (&self->sub_text[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->letter_text); i++)
    ks_chart_text_clear (&self->letter_text[i]);
  ks_chart_text_clear (&self->corner_text);
  ks_chart_text_clear (&self->load_text);
  g_free (self->task_text);
  g_free (self->phase_text);
  g_free (self->label_text);
  g_free (self->sub_text);
  g_free (self->row_kind);
  g_free (self->row_index);
  g_free (self->task_row);
  g_free (self->phase_row);
  ks_grid_layout_free (self->grid);
  pango_font_description_free (self->font);
  pango_font_description_free (self->bold);
  pango_font_description_free (self->small);
  g_object_unref (self->context);
  ks_palette_free (self->palette);
  g_free (self);
}

const KsRaciGridModel *
ks_raci_layout_get_model (const KsRaciLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->model;
}

double
ks_raci_layout_get_scale (const KsRaciLayout *self)
{
  g_return_val_if_fail (self != NULL, 1);
  return self->scale;
}

guint
ks_raci_layout_get_n_rows (const KsRaciLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

KsRaciRowKind
ks_raci_layout_get_row (const KsRaciLayout *self,
                        guint               row,
                        guint              *index)
{
  g_return_val_if_fail (self != NULL && row < self->n_rows, KS_RACI_ROW_TASK);
  if (index)
    *index = self->row_index[row];
  return self->row_kind[row];
}

guint
ks_raci_layout_get_task_row (const KsRaciLayout *self,
                             guint               task)
{
  g_return_val_if_fail (self != NULL, KS_GRID_NONE);
  return task < self->model->n_tasks ? self->task_row[task] : KS_GRID_NONE;
}

guint
ks_raci_layout_get_phase_row (const KsRaciLayout *self,
                              guint               phase)
{
  g_return_val_if_fail (self != NULL, KS_GRID_NONE);
  return phase < self->model->n_phases ? self->phase_row[phase] : KS_GRID_NONE;
}

double
ks_raci_layout_get_row_height (const KsRaciLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return ks_grid_layout_get_row_height (self->grid);
}

double
ks_raci_layout_get_header_height (const KsRaciLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return ks_grid_layout_get_header_height (self->grid);
}

double
ks_raci_layout_get_column_width (const KsRaciLayout *self,
                                 int                 column)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (column >= -1 && column < (int) self->model->n_columns, 0);
  return ks_grid_layout_get_column_width (self->grid, (guint) (column + 1));
}

double
ks_raci_layout_column_x (const KsRaciLayout *self,
                         guint               column)
{
  KsGridView origin = { 1, 1, 0, 0 };

  return ks_grid_layout_get_cell_rect (self->grid, &origin, KS_GRID_HEADER, column + 1).x;
}

void
ks_raci_layout_get_load_band (const KsRaciLayout *self,
                              double             *y,
                              double             *height)
{
  g_return_if_fail (self != NULL);
  if (y)
    *y = self->header_h - self->pad_y - self->bar_h - self->bar_gap;
  if (height)
    *height = self->pad_y + self->bar_h + self->bar_gap;
}

void
ks_raci_layout_get_size (const KsRaciLayout *self,
                         double             *width,
                         double             *height)
{
  g_return_if_fail (self != NULL);
  ks_grid_layout_get_size (self->grid, width, height);
}

void
ks_raci_layout_get_max_scroll (const KsRaciLayout *self,
                               const KsGridView   *view,
                               double             *max_x,
                               double             *max_y)
{
  g_return_if_fail (self != NULL && view != NULL);
  ks_grid_layout_get_max_scroll (self->grid, view, max_x, max_y);
}

KsGridRect
ks_raci_layout_get_cell_rect (const KsRaciLayout *self,
                              const KsGridView   *view,
                              guint               row,
                              int                 column)
{
  KsGridRect r = { 0 };

  g_return_val_if_fail (self != NULL && view != NULL, r);
  g_return_val_if_fail (column >= -1 && column < (int) self->model->n_columns, r);
  g_return_val_if_fail (row == KS_GRID_HEADER || row < self->n_rows, r);

  r = ks_grid_layout_get_cell_rect (self->grid, view, row, (guint) (column + 1));
  if (row != KS_GRID_HEADER && self->row_kind[row] == KS_RACI_ROW_PHASE)
    {
      double w;

      /* across the grid, not scrolled sideways */
      ks_grid_layout_get_size (self->grid, &w, NULL);
      r.x = 0;
      r.width = MAX (self->first_w, MIN (view->width, w - view->scroll_x));
    }
  return r;
}

KsGridRect
ks_raci_layout_get_body_rect (const KsRaciLayout *self,
                              const KsGridView   *view)
{
  KsGridRect r = { 0 };

  g_return_val_if_fail (self != NULL && view != NULL, r);
  return ks_grid_layout_get_body_rect (self->grid, view);
}

KsRaciHit
ks_raci_layout_hit_test (const KsRaciLayout *self,
                         const KsGridView   *view,
                         double              x,
                         double              y)
{
  KsRaciHit hit = { KS_RACI_HIT_NONE, KS_GRID_NONE, -1, -1, -1 };
  guint row = KS_GRID_NONE, column = KS_GRID_NONE;
  KsGridHit h;
  double load_y;

  g_return_val_if_fail (self != NULL && view != NULL, hit);

  h = ks_grid_layout_hit_test (self->grid, view, x, y, &row, &column);
  /* a phase row holds across the grid, sticky sideways: right of the first
   * column it answers wherever a cell would */
  switch (h)
    {
    case KS_GRID_HIT_NONE:
      return hit;
    case KS_GRID_HIT_CORNER:
      hit.kind = KS_RACI_HIT_CORNER;
      return hit;
    case KS_GRID_HIT_HEADER:
      ks_raci_layout_get_load_band (self, &load_y, NULL);
      hit.kind = y >= load_y ? KS_RACI_HIT_LOAD : KS_RACI_HIT_COLUMN;
      hit.column = (int) column - 1;
      return hit;
    case KS_GRID_HIT_CELL:
    default:
      break;
    }

  hit.row = row;
  if (self->row_kind[row] == KS_RACI_ROW_PHASE)
    {
      hit.kind = KS_RACI_HIT_PHASE;
      hit.phase = (int) self->row_index[row];
      return hit;
    }
  hit.task = (int) self->row_index[row];
  if (column == 0)
    hit.kind = KS_RACI_HIT_TASK;
  else
    {
      hit.kind = KS_RACI_HIT_CELL;
      hit.column = (int) column - 1;
    }
  return hit;
}

void
ks_raci_layout_get_visible (const KsRaciLayout *self,
                            const KsGridView   *view,
                            KsRaciRange        *range)
{
  guint first, n;

  g_return_if_fail (self != NULL && view != NULL && range != NULL);
  ks_grid_layout_get_visible_rows (self->grid, view, &range->first_row, &range->n_rows);
  ks_grid_layout_get_visible_columns (self->grid, view, &first, &n);
  range->first_column = n > 0 ? first - 1 : 0;
  range->n_columns = n;
}

void
ks_raci_layout_scroll_to_cell (const KsRaciLayout *self,
                               const KsGridView   *view,
                               guint               row,
                               int                 column,
                               double             *scroll_x,
                               double             *scroll_y)
{
  g_return_if_fail (self != NULL && view != NULL);
  g_return_if_fail (column >= -1 && column < (int) self->model->n_columns);
  ks_grid_layout_scroll_to_cell (self->grid, view, row, (guint) (column + 1), scroll_x, scroll_y);
}

double
ks_raci_layout_get_title_height (const KsRaciLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return ceil (self->line_h + self->pad_y);
}

GArray *
ks_raci_layout_paginate (const KsRaciLayout *self,
                         double              page_width,
                         double              page_height)
{
  g_autoptr(GArray) col_bands = g_array_new (FALSE, FALSE, sizeof (KsRaciRange));
  g_autoptr(GArray) row_bands = g_array_new (FALSE, FALSE, sizeof (KsRaciRange));
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (KsRaciRange));
  double avail_w, body_h;
  guint n_columns, rows_per_page;

  g_return_val_if_fail (self != NULL, pages);

  n_columns = self->model->n_columns;
  avail_w = page_width - 2 * KS_RACI_PRINT_MARGIN - self->first_w;
  body_h = page_height - 2 * KS_RACI_PRINT_MARGIN - ks_raci_layout_get_title_height (self) - self->header_h;
  rows_per_page = MAX (1, (guint) floor (body_h / self->row_h + 1e-9));

  /* columns: as many as fit beside the first column, at least one */
  for (guint c = 0; c < n_columns || col_bands->len == 0;)
    {
      KsRaciRange band = { 0, 0, c, 0 };
      double w = 0;

      while (c < n_columns)
        {
          double cw = ks_grid_layout_get_column_width (self->grid, c + 1);

          if (band.n_columns > 0 && w + cw > avail_w + 1e-6)
            break;
          w += cw;
          band.n_columns++;
          c++;
        }
      g_array_append_val (col_bands, band);
    }

  /* rows: as many as fit under the header; a phase row moves to the page
   * its first task is on */
  for (guint r = 0; r < self->n_rows || row_bands->len == 0;)
    {
      KsRaciRange band = { r, MIN (rows_per_page, self->n_rows - r), 0, 0 };

      if (band.n_rows > 1 && r + band.n_rows < self->n_rows &&
          self->row_kind[r + band.n_rows - 1] == KS_RACI_ROW_PHASE)
        band.n_rows--;
      r += band.n_rows;
      g_array_append_val (row_bands, band);
      if (band.n_rows == 0)
        break;
    }

  for (guint i = 0; i < row_bands->len; i++)
    for (guint j = 0; j < col_bands->len; j++)
      {
        KsRaciRange page = {
          g_array_index (row_bands, KsRaciRange, i).first_row,
          g_array_index (row_bands, KsRaciRange, i).n_rows,
          g_array_index (col_bands, KsRaciRange, j).first_column,
          g_array_index (col_bands, KsRaciRange, j).n_columns,
        };
        g_array_append_val (pages, page);
      }
  return pages;
}
