/* ks-raci-layout.h — the geometry of a RACI grid: phases, tasks, people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are the model's phases (full-width group rows) each followed by its
 * tasks (tasks under no phase come last, without a group row); columns are
 * the sticky first column (task names, ellipsized, with a problem icon) and
 * then one column per person or role. The sticky header row holds each
 * column's label, under it the person a role resolves to (or "nobody"), and
 * at its foot the column's load: its R/A/S/C/I counts as a small stacked
 * bar.
 *
 * The geometry is a KsGridLayout (ks-grid-layout.h) — its column widths,
 * sticky parts, hit testing and visible ranges — with the RACI grid's rows
 * and header bands on top. Units are pixels at 100 % × @scale (points in
 * PDF); views are KsGridView: a window of width × height onto the content
 * scrolled by (scroll_x, scroll_y), the header row and first column sticky.
 *
 * Column indexes below are the model's (0 … n_columns-1); -1 names the
 * first column (the task names). Row indexes are the layout's rows.
 */
#pragma once

#include <pango/pangocairo.h>

#include "ks-grid-layout.h"
#include "ks-palette.h"
#include "ks-raci-model.h"

G_BEGIN_DECLS

/* At scale 1, in pixels (points when printed). A letter column is as wide
 * as its header needs within these; the first column as its task names. */
#define KS_RACI_COLUMN_MIN_WIDTH  56.0
#define KS_RACI_COLUMN_MAX_WIDTH 120.0
#define KS_RACI_FIRST_MIN_WIDTH  160.0
#define KS_RACI_FIRST_MAX_WIDTH  280.0
/* Printed pages: the margin on every side, and A4 landscape. */
#define KS_RACI_PRINT_MARGIN      36.0
#define KS_RACI_A4_LONG          841.89
#define KS_RACI_A4_SHORT         595.28

#define KS_RACI_FIRST_COLUMN (-1)

typedef enum
{
  KS_RACI_ROW_PHASE,   /* a phase's group row */
  KS_RACI_ROW_TASK,
} KsRaciRowKind;

typedef enum
{
  KS_RACI_HIT_NONE,     /* outside the grid */
  KS_RACI_HIT_CORNER,   /* the first column's header */
  KS_RACI_HIT_COLUMN,   /* a column's header (label, person): column */
  KS_RACI_HIT_LOAD,     /* a column's load bar at the header's foot: column */
  KS_RACI_HIT_PHASE,    /* a phase row, anywhere across: row, phase */
  KS_RACI_HIT_TASK,     /* a task's name in the first column: row, task */
  KS_RACI_HIT_CELL,     /* a letter cell: row, task, column */
} KsRaciHitKind;

typedef struct
{
  KsRaciHitKind kind;
  guint         row;      /* KS_GRID_NONE when not a row */
  int           phase;    /* -1 when none */
  int           task;     /* -1 when none */
  int           column;   /* -1 when none (or the first column) */
} KsRaciHit;

/* Rows [first_row, first_row + n_rows) and model columns
 * [first_column, first_column + n_columns): what a view shows, or a printed
 * page holds (beside the first column and the header row, always there). */
typedef struct
{
  guint first_row, n_rows;
  guint first_column, n_columns;
} KsRaciRange;

typedef struct _KsRaciLayout KsRaciLayout;

/* Lays out @model (borrowed: it must outlive the layout) in @palette's font
 * at @scale (1 = 100 %). @context NULL: an unhinted one at 96 dpi, so the
 * screen, the files and paper break text alike. */
KsRaciLayout *ks_raci_layout_new             (const KsRaciGridModel *model,
                                              const KsPalette       *palette,
                                              double                 scale,
                                              PangoContext          *context);
void          ks_raci_layout_free            (KsRaciLayout          *self);

const KsRaciGridModel *ks_raci_layout_get_model (const KsRaciLayout *self);
double        ks_raci_layout_get_scale       (const KsRaciLayout    *self);
guint         ks_raci_layout_get_n_rows      (const KsRaciLayout    *self);
/* What row @row is; *index the phase's or the task's index. */
KsRaciRowKind ks_raci_layout_get_row         (const KsRaciLayout    *self,
                                              guint                  row,
                                              guint                 *index);
/* The row of task @task, of phase @phase (KS_GRID_NONE when none). */
guint         ks_raci_layout_get_task_row    (const KsRaciLayout    *self,
                                              guint                  task);
guint         ks_raci_layout_get_phase_row   (const KsRaciLayout    *self,
                                              guint                  phase);

double        ks_raci_layout_get_row_height     (const KsRaciLayout *self);
double        ks_raci_layout_get_header_height  (const KsRaciLayout *self);
/* @column -1: the first column. */
double        ks_raci_layout_get_column_width   (const KsRaciLayout *self,
                                                 int                 column);
/* The load bar's band at the foot of the header row: its top and height. */
void          ks_raci_layout_get_load_band      (const KsRaciLayout *self,
                                                 double             *y,
                                                 double             *height);
/* Header + rows, first column + columns. */
void          ks_raci_layout_get_size        (const KsRaciLayout    *self,
                                              double                *width,
                                              double                *height);
void          ks_raci_layout_get_max_scroll  (const KsRaciLayout    *self,
                                              const KsGridView      *view,
                                              double                *max_x,
                                              double                *max_y);
/* A cell's rectangle in view coordinates (@row KS_GRID_HEADER: a header
 * cell), sticky parts included; a phase row's rectangle spans the view. */
KsGridRect    ks_raci_layout_get_cell_rect   (const KsRaciLayout    *self,
                                              const KsGridView      *view,
                                              guint                  row,
                                              int                    column);
/* The view minus the sticky header row and first column. */
KsGridRect    ks_raci_layout_get_body_rect   (const KsRaciLayout    *self,
                                              const KsGridView      *view);
/* What is at (@x, @y) in view coordinates; the sticky parts are on top. */
KsRaciHit     ks_raci_layout_hit_test        (const KsRaciLayout    *self,
                                              const KsGridView      *view,
                                              double                 x,
                                              double                 y);
/* The rows and scrolled columns that show, wholly or partly. */
void          ks_raci_layout_get_visible     (const KsRaciLayout    *self,
                                              const KsGridView      *view,
                                              KsRaciRange           *range);
/* Scroll offsets, closest to @view's, that show the cell wholly. */
void          ks_raci_layout_scroll_to_cell  (const KsRaciLayout    *self,
                                              const KsGridView      *view,
                                              guint                  row,
                                              int                    column,
                                              double                *scroll_x,
                                              double                *scroll_y);

/* ---- print ---- */

/* The band at the top of a printed page (the chart's title, the page
 * number), above the header row. */
double        ks_raci_layout_get_title_height (const KsRaciLayout   *self);
/* Splits the grid into pages of @page_width × @page_height (points, at
 * scale 1) inside KS_RACI_PRINT_MARGIN: by columns where it is too wide, by
 * rows where it is too long (a phase row never ends a page), every page
 * with the first column and the header row. Pages run across, then down.
 * Returns an array of KsRaciRange, at least one page. */
GArray       *ks_raci_layout_paginate        (const KsRaciLayout    *self,
                                              double                 page_width,
                                              double                 page_height);

G_END_DECLS
