/* test-raci-layout.c — render: the RACI grid's geometry (rows and phases,
 * widths, hit testing, sticky headers at any scroll offset, visible ranges,
 * printed pages), its drawing, its files (a paged PDF read back with
 * poppler), and the bridge from core's plain chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected geometry comes from the layout's constants (ks-raci-layout.h):
 * with short labels and names every letter column is
 * KS_RACI_COLUMN_MIN_WIDTH (56) wide and the first column
 * KS_RACI_FIRST_MIN_WIDTH (160); the row and header heights are measured
 * text, read from the layout as inputs.
 */
#include <cairo.h>
#include <math.h>
#include <string.h>

#include "ks-export.h"
#include "ks-raci-draw.h"
#include "ks-raci-layout.h"
#include "ks-raci-model.h"
#include "ks-test-util.h"

#define COL   56.0     /* KS_RACI_COLUMN_MIN_WIDTH */
#define FIRST 160.0    /* KS_RACI_FIRST_MIN_WIDTH */

static KsPalette *palette;

/* @n_tasks tasks "T1" … spread evenly over @n_phases phases, @n_columns
 * person columns "P01" …; each task: A in column t % n, R in (t + 1) % n
 * (main), C in (t + 2) % n, I in (t + 3) % n. */
static KsRaciGridModel *
make_model (guint n_phases,
            guint n_tasks,
            guint n_columns)
{
  KsRaciGridModel *m = ks_raci_grid_model_new (n_phases, n_tasks, n_columns);
  static const guint8 pattern[] = { 'A', 'R', 'C', 'I' };

  m->title = g_strdup ("Quotation handling");
  for (guint p = 0; p < n_phases; p++)
    m->phases[p] = g_strdup_printf ("Phase %u", p + 1);
  for (guint t = 0; t < n_tasks; t++)
    {
      m->tasks[t].name = g_strdup_printf ("T%u", t + 1);
      m->tasks[t].phase = n_phases ? t * n_phases / n_tasks : 0;
      for (guint k = 0; k < G_N_ELEMENTS (pattern) && k < n_columns; k++)
        {
          guint c = (t + k) % n_columns;

          m->letters[t * n_columns + c] = pattern[k];
          if (pattern[k] == 'R')
            m->main[t * n_columns + c] = 1;
        }
    }
  for (guint c = 0; c < n_columns; c++)
    m->columns[c].label = g_strdup_printf ("P%02u", c + 1);
  ks_raci_grid_model_count_load (m);
  return m;
}

/* 8 tasks × 6 columns in 2 phases, with roles and problems, as a chart looks */
static KsRaciGridModel *
make_small_model (void)
{
  static const char *tasks[] = {
    "Receive the enquiry", "Check feasibility with engineering", "Price the offer",
    "Approve the discount", "Send the quotation", "Follow up within a week",
    "Record the outcome in the CRM", "Archive",
  };
  static const char *labels[] = { "Key account manager", "Sales coordinator", "Engineering",
                                  "Anna Lindqvist", "Sales director", "Controlling" };
  static const char *rows[] = { "ARCI  ", "CRACI ", "ARC  I", "R ACIC", "RIA   ", "AR  II", "A     ", "IRA   " };
  KsRaciGridModel *m = ks_raci_grid_model_new (2, 8, 6);

  m->title = g_strdup ("Quotation handling — Kessler Antriebe");
  m->arsci = TRUE;
  m->phases[0] = g_strdup ("Enquiry and offer");
  m->phases[1] = g_strdup ("Follow-up");
  for (guint t = 0; t < 8; t++)
    {
      m->tasks[t].name = g_strdup (tasks[t]);
      m->tasks[t].phase = t < 5 ? 0 : 1;
      for (guint c = 0; c < 6; c++)
        m->letters[t * 6 + c] = rows[t][c] == ' ' ? 0 : (guint8) rows[t][c];
    }
  m->letters[3 * 6 + 5] = 'S';
  m->main[1 * 6 + 1] = 1;
  m->tasks[6].mark = KS_RACI_MARK_ERROR;      /* no R */
  m->tasks[3].mark = KS_RACI_MARK_WARNING;
  for (guint c = 0; c < 6; c++)
    {
      m->columns[c].label = g_strdup (labels[c]);
      m->columns[c].is_role = c < 3 || c == 4;
    }
  m->columns[0].sublabel = g_strdup ("Jonas Berg");
  m->columns[1].sublabel = g_strdup ("Mia Kowalski");
  m->columns[2].nobody = TRUE;
  m->columns[2].mark = KS_RACI_MARK_WARNING;
  m->columns[4].sublabel = g_strdup ("Lars Holm");
  ks_raci_grid_model_count_load (m);
  return m;
}

static void
test_rows (void)
{
  g_autoptr(KsRaciGridModel) m = make_model (2, 8, 6);
  KsRaciLayout *l;
  guint index;

  /* one task under no phase goes last, without a group row */
  m->tasks[2].phase = 7;
  l = ks_raci_layout_new (m, palette, 1, NULL);
  g_assert_cmpuint (ks_raci_layout_get_n_rows (l), ==, 10);
  /* phase 1, T1, T2, T4 (T3 has no phase), phase 2, T5…T8, T3 */
  g_assert_cmpint (ks_raci_layout_get_row (l, 0, &index), ==, KS_RACI_ROW_PHASE);
  g_assert_cmpuint (index, ==, 0);
  g_assert_cmpint (ks_raci_layout_get_row (l, 1, &index), ==, KS_RACI_ROW_TASK);
  g_assert_cmpuint (index, ==, 0);
  g_assert_cmpint (ks_raci_layout_get_row (l, 3, &index), ==, KS_RACI_ROW_TASK);
  g_assert_cmpuint (index, ==, 3);
  g_assert_cmpint (ks_raci_layout_get_row (l, 4, &index), ==, KS_RACI_ROW_PHASE);
  g_assert_cmpuint (index, ==, 1);
  g_assert_cmpint (ks_raci_layout_get_row (l, 9, &index), ==, KS_RACI_ROW_TASK);
  g_assert_cmpuint (index, ==, 2);
  g_assert_cmpuint (ks_raci_layout_get_task_row (l, 2), ==, 9);
  g_assert_cmpuint (ks_raci_layout_get_phase_row (l, 1), ==, 4);

  /* short labels and names: the minimum widths */
  g_assert_cmpfloat (ks_raci_layout_get_column_width (l, KS_RACI_FIRST_COLUMN), ==, FIRST);
  for (int c = 0; c < 6; c++)
    g_assert_cmpfloat (ks_raci_layout_get_column_width (l, c), ==, COL);
  ks_raci_layout_free (l);

  /* a scale makes everything larger, in proportion */
  l = ks_raci_layout_new (m, palette, 2, NULL);
  g_assert_cmpfloat (ks_raci_layout_get_column_width (l, KS_RACI_FIRST_COLUMN), ==, 2 * FIRST);
  g_assert_cmpfloat (ks_raci_layout_get_column_width (l, 0), ==, 2 * COL);
  ks_raci_layout_free (l);
}

static void
test_widths (void)
{
  g_autoptr(KsRaciGridModel) m = make_small_model ();
  KsRaciLayout *l = ks_raci_layout_new (m, palette, 1, NULL);
  double rh = ks_raci_layout_get_row_height (l), hh = ks_raci_layout_get_header_height (l);

  /* long names widen the first column up to its maximum; long labels their
   * columns up to theirs, and wrap onto two lines */
  g_assert_cmpfloat (ks_raci_layout_get_column_width (l, KS_RACI_FIRST_COLUMN), >, FIRST);
  g_assert_cmpfloat (ks_raci_layout_get_column_width (l, KS_RACI_FIRST_COLUMN), <=, 280);
  g_assert_cmpfloat (ks_raci_layout_get_column_width (l, 0), <=, 120);
  g_assert_cmpfloat (ks_raci_layout_get_column_width (l, 0), >=, COL);
  /* label (two lines), person, load bar: more than three rows' text */
  g_assert_cmpfloat (hh, >, 2 * rh);
  ks_raci_layout_free (l);
}

static void
test_hit_test (void)
{
  g_autoptr(KsRaciGridModel) m = make_model (2, 8, 6);
  KsRaciLayout *l = ks_raci_layout_new (m, palette, 1, NULL);
  double rh = ks_raci_layout_get_row_height (l), hh = ks_raci_layout_get_header_height (l);
  double band_y, band_h;
  KsGridView view = { 800, 600, 0, 0 };
  KsRaciHit hit;

  ks_raci_layout_get_load_band (l, &band_y, &band_h);
  g_assert_cmpfloat (band_y + band_h, ==, hh);

  /* the corner; a column's label; its load bar */
  hit = ks_raci_layout_hit_test (l, &view, 10, 5);
  g_assert_cmpint (hit.kind, ==, KS_RACI_HIT_CORNER);
  hit = ks_raci_layout_hit_test (l, &view, FIRST + 2 * COL + 10, 5);
  g_assert_cmpint (hit.kind, ==, KS_RACI_HIT_COLUMN);
  g_assert_cmpint (hit.column, ==, 2);
  hit = ks_raci_layout_hit_test (l, &view, FIRST + 2 * COL + 10, hh - 1);
  g_assert_cmpint (hit.kind, ==, KS_RACI_HIT_LOAD);
  g_assert_cmpint (hit.column, ==, 2);

  /* row 0 is phase 1, across the grid */
  hit = ks_raci_layout_hit_test (l, &view, 10, hh + 3);
  g_assert_cmpint (hit.kind, ==, KS_RACI_HIT_PHASE);
  g_assert_cmpint (hit.phase, ==, 0);
  hit = ks_raci_layout_hit_test (l, &view, FIRST + 5 * COL + 3, hh + rh - 1);
  g_assert_cmpint (hit.kind, ==, KS_RACI_HIT_PHASE);
  g_assert_cmpuint (hit.row, ==, 0);

  /* row 1 is T1: its name, its cells */
  hit = ks_raci_layout_hit_test (l, &view, FIRST - 1, hh + rh + 1);
  g_assert_cmpint (hit.kind, ==, KS_RACI_HIT_TASK);
  g_assert_cmpint (hit.task, ==, 0);
  hit = ks_raci_layout_hit_test (l, &view, FIRST, hh + rh + 1);
  g_assert_cmpint (hit.kind, ==, KS_RACI_HIT_CELL);
  g_assert_cmpint (hit.task, ==, 0);
  g_assert_cmpint (hit.column, ==, 0);
  /* row 5 is phase 2 (rows: P1 T1 T2 T3 T4 P2 T5 …); row 7 is T6 */
  hit = ks_raci_layout_hit_test (l, &view, FIRST + 3 * COL + 55, hh + 7 * rh + rh / 2);
  g_assert_cmpint (hit.kind, ==, KS_RACI_HIT_CELL);
  g_assert_cmpint (hit.task, ==, 5);
  g_assert_cmpint (hit.column, ==, 3);
  hit = ks_raci_layout_hit_test (l, &view, 10, hh + 5 * rh + 1);
  g_assert_cmpint (hit.kind, ==, KS_RACI_HIT_PHASE);
  g_assert_cmpint (hit.phase, ==, 1);

  /* right of the last column, below the last row, outside the view */
  hit = ks_raci_layout_hit_test (l, &view, FIRST + 6 * COL + 1, hh + rh + 1);
  g_assert_cmpint (hit.kind, ==, KS_RACI_HIT_NONE);
  hit = ks_raci_layout_hit_test (l, &view, 10, hh + 10 * rh + 1);
  g_assert_cmpint (hit.kind, ==, KS_RACI_HIT_NONE);
  hit = ks_raci_layout_hit_test (l, &view, -1, 5);
  g_assert_cmpint (hit.kind, ==, KS_RACI_HIT_NONE);
  ks_raci_layout_free (l);
}

/* 60 tasks in 3 phases (63 rows) × 40 columns in an 800 × 400 view, at
 * scroll offsets 0, halfway and the end: the header row and first column
 * stay, the body moves under them. */
static void
test_sticky (void)
{
  g_autoptr(KsRaciGridModel) m = make_model (3, 60, 40);
  KsRaciLayout *l = ks_raci_layout_new (m, palette, 1, NULL);
  double rh = ks_raci_layout_get_row_height (l), hh = ks_raci_layout_get_header_height (l);
  double max_x, max_y, w, h;
  KsGridView view = { 800, 400, 0, 0 };

  ks_raci_layout_get_size (l, &w, &h);
  g_assert_cmpfloat (w, ==, FIRST + 40 * COL);
  g_assert_cmpfloat (h, ==, hh + 63 * rh);
  ks_raci_layout_get_max_scroll (l, &view, &max_x, &max_y);
  g_assert_cmpfloat (max_x, ==, FIRST + 40 * COL - 800);
  g_assert_cmpfloat (max_y, ==, hh + 63 * rh - 400);

  for (guint i = 0; i < 3; i++)
    {
      /* halfway rounded to whole columns and rows, so expectations are exact */
      double sx = i == 0 ? 0 : i == 1 ? 10 * COL : max_x;
      double sy = i == 0 ? 0 : i == 1 ? 20 * rh : max_y;
      guint first_col = (guint) floor (sx / COL), top_row = (guint) floor (sy / rh);
      KsGridRect r;
      KsRaciHit hit;
      guint index;

      view.scroll_x = sx;
      view.scroll_y = sy;

      /* the corner and the header row stay at the top */
      r = ks_raci_layout_get_cell_rect (l, &view, KS_GRID_HEADER, KS_RACI_FIRST_COLUMN);
      g_assert_cmpfloat (r.x, ==, 0);
      g_assert_cmpfloat (r.y, ==, 0);
      r = ks_raci_layout_get_cell_rect (l, &view, KS_GRID_HEADER, (int) first_col + 1);
      g_assert_cmpfloat (r.y, ==, 0);
      g_assert_cmpfloat (r.x, ==, FIRST + (first_col + 1) * COL - sx);
      hit = ks_raci_layout_hit_test (l, &view, 10, 5);
      g_assert_cmpint (hit.kind, ==, KS_RACI_HIT_CORNER);
      /* just right of the first column: the first column in view */
      hit = ks_raci_layout_hit_test (l, &view, FIRST + 1, 5);
      g_assert_cmpint (hit.kind, ==, KS_RACI_HIT_COLUMN);
      g_assert_cmpint (hit.column, ==, (int) floor ((sx + 1) / COL));

      /* the first column stays at the left; its rows move */
      r = ks_raci_layout_get_cell_rect (l, &view, 30, KS_RACI_FIRST_COLUMN);
      g_assert_cmpfloat (r.x, ==, 0);
      g_assert_cmpfloat (r.y, ==, hh + 30 * rh - sy);
      hit = ks_raci_layout_hit_test (l, &view, 10, hh + 1);
      g_assert_cmpuint (hit.row, ==, (guint) floor ((sy + 1) / rh));
      if (ks_raci_layout_get_row (l, hit.row, &index) == KS_RACI_ROW_TASK)
        {
          g_assert_cmpint (hit.kind, ==, KS_RACI_HIT_TASK);
          g_assert_cmpint (hit.task, ==, (int) index);
        }
      else
        g_assert_cmpint (hit.kind, ==, KS_RACI_HIT_PHASE);

      /* the body moves both ways */
      r = ks_raci_layout_get_cell_rect (l, &view, 30, 12);
      g_assert_cmpfloat (r.x, ==, FIRST + 12 * COL - sx);
      g_assert_cmpfloat (r.y, ==, hh + 30 * rh - sy);
      (void) top_row;
    }

  /* at the end the last cell shows wholly at the view's corner */
  view.scroll_x = max_x;
  view.scroll_y = max_y;
  {
    KsRaciHit hit = ks_raci_layout_hit_test (l, &view, 799, 399);

    g_assert_cmpint (hit.kind, ==, KS_RACI_HIT_CELL);
    g_assert_cmpint (hit.task, ==, 59);
    g_assert_cmpint (hit.column, ==, 39);
  }
  ks_raci_layout_free (l);
}

static void
test_visible (void)
{
  g_autoptr(KsRaciGridModel) m = make_model (3, 60, 40);
  KsRaciLayout *l = ks_raci_layout_new (m, palette, 1, NULL);
  double rh = ks_raci_layout_get_row_height (l), hh = ks_raci_layout_get_header_height (l);
  KsGridView view = { 800, 400, 0, 0 };
  KsRaciRange range;

  /* columns overlapping [160, 800): c with 160 + 56 c < 800, c = 0 … 11 */
  ks_raci_layout_get_visible (l, &view, &range);
  g_assert_cmpuint (range.first_column, ==, 0);
  g_assert_cmpuint (range.n_columns, ==, 12);
  g_assert_cmpuint (range.first_row, ==, 0);
  g_assert_cmpuint (range.n_rows, ==, (guint) ceil ((400 - hh) / rh));

  /* scrolled by 5 columns and 10.5 rows: columns 5 … 16 (5 + 11.43), rows 10 … */
  view.scroll_x = 5 * COL;
  view.scroll_y = 10.5 * rh;
  ks_raci_layout_get_visible (l, &view, &range);
  g_assert_cmpuint (range.first_column, ==, 5);
  g_assert_cmpuint (range.n_columns, ==, 12);
  g_assert_cmpuint (range.first_row, ==, 10);
  g_assert_cmpuint (range.n_rows, ==, (guint) ceil ((10.5 * rh + 400 - hh) / rh) - 10);

  /* at the end: the last column and row */
  ks_raci_layout_get_max_scroll (l, &view, &view.scroll_x, &view.scroll_y);
  ks_raci_layout_get_visible (l, &view, &range);
  g_assert_cmpuint (range.first_column + range.n_columns, ==, 40);
  g_assert_cmpuint (range.first_row + range.n_rows, ==, 63);
  ks_raci_layout_free (l);
}

/* A4 landscape: 841.89 − 2 × 36 margin = 769.89 pt across; beside the
 * 160 pt first column 609.89 pt hold 10 columns of 56 (560; 11 would be
 * 616): 40 columns → 4 pages across. */
static void
test_pages_across (void)
{
  g_autoptr(KsRaciGridModel) m = make_model (1, 10, 40);
  KsRaciLayout *l = ks_raci_layout_new (m, palette, 1, NULL);
  g_autoptr(GArray) pages = ks_raci_layout_paginate (l, KS_RACI_A4_LONG, KS_RACI_A4_SHORT);

  g_assert_cmpuint (pages->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      KsRaciRange *p = &g_array_index (pages, KsRaciRange, i);

      g_assert_cmpuint (p->first_column, ==, 10 * i);
      g_assert_cmpuint (p->n_columns, ==, 10);
      /* every row on every page: the phase row and 10 tasks */
      g_assert_cmpuint (p->first_row, ==, 0);
      g_assert_cmpuint (p->n_rows, ==, 11);
    }
  ks_raci_layout_free (l);
}

/* 100 tasks in 5 phases × 40 columns: pages across (4), then down; each
 * page holds what fits under the title and header, and no page but the
 * last ends with a phase row. */
static void
test_pages_down (void)
{
  g_autoptr(KsRaciGridModel) m = make_model (5, 100, 40);
  KsRaciLayout *l = ks_raci_layout_new (m, palette, 1, NULL);
  double rh = ks_raci_layout_get_row_height (l), hh = ks_raci_layout_get_header_height (l);
  double th = ks_raci_layout_get_title_height (l);
  guint fit = (guint) floor ((KS_RACI_A4_SHORT - 2 * 36 - th - hh) / rh);
  g_autoptr(GArray) pages = ks_raci_layout_paginate (l, KS_RACI_A4_LONG, KS_RACI_A4_SHORT);
  guint next_row = 0;

  g_assert_cmpuint (pages->len % 4, ==, 0);
  g_assert_cmpuint (pages->len / 4, >=, (105 + fit - 1) / fit);
  for (guint i = 0; i < pages->len; i++)
    {
      KsRaciRange *p = &g_array_index (pages, KsRaciRange, i);
      guint index;

      g_assert_cmpuint (p->first_column, ==, 10 * (i % 4));
      g_assert_cmpuint (p->n_columns, ==, 10);
      if (i % 4 == 0)
        {
          g_assert_cmpuint (p->first_row, ==, next_row);
          next_row += p->n_rows;
        }
      else
        g_assert_cmpuint (p->first_row, ==, g_array_index (pages, KsRaciRange, i - 1).first_row);
      g_assert_cmpuint (p->n_rows, <=, fit);
      if (p->first_row + p->n_rows < 105)
        g_assert_cmpuint (p->n_rows, >=, fit - 1);
      if (p->first_row + p->n_rows < 105)
        g_assert_cmpint (ks_raci_layout_get_row (l, p->first_row + p->n_rows - 1, &index), ==, KS_RACI_ROW_TASK);
    }
  g_assert_cmpuint (next_row, ==, 105);
  ks_raci_layout_free (l);
}

/* ---- files ---- */

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  return out;
}

static gboolean
have_poppler (void)
{
  g_autofree char *p = g_find_program_in_path ("pdftotext");
  g_autofree char *q = g_find_program_in_path ("pdfinfo");

  if (!p || !q)
    g_test_skip ("pdftotext or pdfinfo is missing (poppler-utils)");
  return p && q;
}

static char *
page_text (const char *path,
           guint       page)
{
  g_autofree char *f = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", f, "-l", f, path, "-", NULL };

  return run_tool (argv);
}

static void
test_pdf (void)
{
  g_autoptr(KsRaciGridModel) m = make_model (1, 10, 40);
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "raci.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };

  if (!have_poppler ())
    return;
  g_assert_true (ks_raci_export (path, m, palette, 0, 0, &error));
  g_assert_no_error (error);

  info = run_tool (argv);
  g_assert_nonnull (strstr (info, "Pages:           4\n"));
  /* landscape A4 */
  g_assert_nonnull (strstr (info, "841.89 x 595.28 pts (A4)"));

  for (guint p = 1; p <= 4; p++)
    {
      g_autofree char *text = page_text (path, p);
      g_autofree char *number = g_strdup_printf ("Page %u of 4", p);
      g_autofree char *first = g_strdup_printf ("P%02u", 10 * (p - 1) + 1);
      g_autofree char *last = g_strdup_printf ("P%02u", 10 * p);
      g_autofree char *after = g_strdup_printf ("P%02u", 10 * p + 1);

      /* the header row (the corner, the page's columns), the first column
       * (every task) and the title on every page */
      g_assert_nonnull (strstr (text, "Quotation handling"));
      g_assert_nonnull (strstr (text, number));
      g_assert_nonnull (strstr (text, "Task"));
      g_assert_nonnull (strstr (text, "Load"));
      g_assert_nonnull (strstr (text, "Phase 1"));
      g_assert_nonnull (strstr (text, "T1\n"));
      g_assert_nonnull (strstr (text, "T10"));
      g_assert_nonnull (strstr (text, first));
      g_assert_nonnull (strstr (text, last));
      /* and only the page's columns */
      if (p < 4)
        g_assert_null (strstr (text, after));
    }
}

/* Rows split too: every page repeats the header row. */
static void
test_pdf_long (void)
{
  g_autoptr(KsRaciGridModel) m = make_model (5, 100, 12);
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages_line = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  KsRaciLayout *l = ks_raci_layout_new (m, palette, 1, NULL);
  g_autoptr(GArray) pages = ks_raci_layout_paginate (l, KS_RACI_A4_LONG, KS_RACI_A4_SHORT);

  if (!have_poppler ())
    {
      ks_raci_layout_free (l);
      return;
    }
  g_assert_true (ks_raci_export (path, m, palette, 0, 0, &error));
  g_assert_no_error (error);
  /* 12 columns: 10, then 2 */
  g_assert_cmpuint (pages->len % 2, ==, 0);
  g_assert_cmpuint (pages->len, >=, 4);
  info = run_tool (argv);
  pages_line = g_strdup_printf ("Pages:           %u\n", pages->len);
  g_assert_nonnull (strstr (info, pages_line));
  for (guint p = 0; p < pages->len; p++)
    {
      KsRaciRange *range = &g_array_index (pages, KsRaciRange, p);
      g_autofree char *text = page_text (path, p + 1);
      g_autofree char *col = g_strdup_printf ("P%02u", range->first_column + 1);
      guint index, last = range->first_row + range->n_rows - 1;
      g_autofree char *task = NULL;

      g_assert_nonnull (strstr (text, "Task"));
      g_assert_nonnull (strstr (text, col));
      g_assert_cmpint (ks_raci_layout_get_row (l, last, &index), ==, KS_RACI_ROW_TASK);
      task = g_strdup_printf ("T%u\n", index + 1);
      g_assert_nonnull (strstr (text, task));
    }
  ks_raci_layout_free (l);
}

static void
test_png_svg (void)
{
  g_autoptr(KsRaciGridModel) m = make_small_model ();
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "raci.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "raci.svg", NULL);
  g_autofree char *bad = g_build_filename (dir, "raci.txt", NULL);
  g_autoptr(GError) error = NULL;
  KsRaciLayout *l = ks_raci_layout_new (m, palette, 1, NULL);
  cairo_surface_t *surface;
  double w, h;

  ks_raci_layout_get_size (l, &w, &h);
  ks_raci_layout_free (l);

  /* 0 × 0: the natural size */
  g_assert_true (ks_raci_export (png, m, palette, 0, 0, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (w));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (h));
  cairo_surface_destroy (surface);

  g_assert_true (ks_raci_export (png, m, palette, 300, 200, &error));
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 300);
  cairo_surface_destroy (surface);

  g_assert_true (ks_raci_export (svg, m, palette, 0, 0, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));

  g_assert_false (ks_raci_export (bad, m, palette, 0, 0, &error));
  g_assert_error (error, KS_EXPORT_ERROR, KS_EXPORT_ERROR_FORMAT);
}

/* ---- drawing ---- */

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       KsColor         *out)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 px = *(const guint32 *) (const void *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);

  out->red = ((px >> 16) & 0xff) / 255.0;
  out->green = ((px >> 8) & 0xff) / 255.0;
  out->blue = (px & 0xff) / 255.0;
  out->alpha = 1;
}

static gboolean
near (const KsColor *a,
      const KsColor *b)
{
  return fabs (a->red - b->red) < 0.02 && fabs (a->green - b->green) < 0.02 && fabs (a->blue - b->blue) < 0.02;
}

static void
test_draw (void)
{
  g_autoptr(KsRaciGridModel) m = make_model (2, 8, 6);
  KsRaciLayout *l = ks_raci_layout_new (m, palette, 1, NULL);
  double rh = ks_raci_layout_get_row_height (l), hh = ks_raci_layout_get_header_height (l);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 500, 400);
  cairo_t *cr = cairo_create (surface);
  KsGridView view = { 500, 400, 0, 0 };
  KsColor c;
  int y;

  ks_raci_draw (cr, l, &view, palette, NULL);
  cairo_surface_flush (surface);
  /* T1 (row 1): A in column 0, R in column 1: chips of their colours,
   * sampled at the chip's left edge, away from the letter */
  y = (int) (hh + rh * 1.5);
  pixel (surface, (int) (FIRST + COL / 2 - 10), y, &c);
  g_assert_true (near (&c, ks_raci_letter_color (palette, 'A')));
  pixel (surface, (int) (FIRST + COL * 1.5 - 10), y, &c);
  g_assert_true (near (&c, ks_raci_letter_color (palette, 'R')));
  /* column 5 is empty on T1 */
  pixel (surface, (int) (FIRST + COL * 5.5 - 10), y, &c);
  g_assert_true (near (&c, &palette->surface));

  /* a drag's insertion bar: 3 units of the accent before row 1 or column 2 */
  {
    KsRaciDrawState state = { KS_GRID_NONE, -1, FALSE, 1, -1 };

    ks_raci_draw (cr, l, &view, palette, &state);
    cairo_surface_flush (surface);
    pixel (surface, 20, (int) (hh + rh), &c);
    g_assert_true (near (&c, &palette->accent));
    state.drop_row = -1;
    state.drop_column = 2;
    ks_raci_draw (cr, l, &view, palette, &state);
    cairo_surface_flush (surface);
    pixel (surface, (int) (FIRST + 2 * COL), (int) (hh + rh * 1.5), &c);
    g_assert_true (near (&c, &palette->accent));
    /* no drag: no bar there */
    state.drop_column = -1;
    ks_raci_draw (cr, l, &view, palette, &state);
    cairo_surface_flush (surface);
    pixel (surface, (int) (FIRST + 2 * COL), (int) (hh + rh * 1.5), &c);
    g_assert_false (near (&c, &palette->accent));
  }

  /* scrolled down: the header row still paints over the top */
  view.scroll_y = 3 * rh;
  ks_raci_draw (cr, l, &view, palette, NULL);
  cairo_surface_flush (surface);
  pixel (surface, (int) (FIRST + COL / 2 - 10), (int) (hh / 2), &c);
  g_assert_false (near (&c, ks_raci_letter_color (palette, 'A')));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  ks_raci_layout_free (l);
}

/* With KS_RACI_PNG_DIR set, writes the small and the 200 × 40 grid in the
 * light and dark palettes there, to look at. */
static void
test_pictures (void)
{
  const char *dir = g_getenv ("KS_RACI_PNG_DIR");
  g_autoptr(KsRaciGridModel) small = make_small_model ();
  g_autoptr(KsRaciGridModel) big = make_model (6, 200, 40);

  if (!dir)
    {
      g_test_skip ("KS_RACI_PNG_DIR is not set");
      return;
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(KsPalette) p = ks_palette_new (i ? KS_PALETTE_DARK : KS_PALETTE_LIGHT);
      g_autofree char *a = g_strdup_printf ("%s/raci-small-%s.png", dir, i ? "dark" : "light");
      g_autofree char *b = g_strdup_printf ("%s/raci-big-%s.png", dir, i ? "dark" : "light");
      g_autofree char *c = g_strdup_printf ("%s/raci-small-%s.pdf", dir, i ? "dark" : "light");
      g_autoptr(GError) error = NULL;

      g_assert_true (ks_raci_export (a, small, p, 0, 0, &error));
      g_assert_true (ks_raci_export (b, big, p, 1920, 1080, &error));
      g_assert_true (ks_raci_export (c, small, p, 0, 0, &error));
      g_assert_no_error (error);
    }
}

/* ---- the bridge from core's plain chart ---- */

static void
test_from_chart (void)
{
  KsRaciChart chart = { 0 };
  KsRaciCheck check = { 0 };
  KsRaciPhase phase = { 1, (char *) "Offer" };
  KsRaciTask tasks[2] = { { 10, 0, (char *) "Price" }, { 11, 0, (char *) "Send" } };
  KsRaciColumn columns[3] = {
    { 20, 5, NULL, (char *) "Anna", 5, (char *) "Anna" },
    { 21, 0, (char *) "Sales coordinator", (char *) "Sales coordinator", 7, (char *) "Mia" },
    { 22, 0, (char *) "Engineering", (char *) "Engineering", 0, NULL },
  };
  guint8 letters[6] = { 'A', 'R', 0, 'R', 'R', 'C' };
  guint8 main[6] = { 0, 1, 0, 0, 0, 0 };
  KsRaciFinding f1 = { KS_RACI_ERROR, (char *) "no-accountable", 1, -1, (char *) "“Send” has nobody accountable" };
  KsRaciFinding f2 = { KS_RACI_WARNING, (char *) "several-responsible", 1, -1, (char *) "several" };
  KsRaciFinding f3 = { KS_RACI_WARNING, (char *) "unbound-role", -1, 2, (char *) "nobody" };
  KsRaciLoad load[3] = { { 1, 1, 0, 0, 0 }, { 2, 0, 0, 0, 0 }, { 0, 0, 0, 1, 0 } };
  g_autoptr(KsRaciGridModel) m = NULL;

  chart.name = (char *) "Quotation — Kessler";
  chart.scope = KS_RACI_SCOPE_ACCOUNT;
  chart.account_id = 3;
  chart.account_name = (char *) "Kessler";
  chart.phases = g_ptr_array_new ();
  chart.tasks = g_ptr_array_new ();
  chart.columns = g_ptr_array_new ();
  g_ptr_array_add (chart.phases, &phase);
  for (guint i = 0; i < 2; i++)
    g_ptr_array_add (chart.tasks, &tasks[i]);
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (chart.columns, &columns[i]);
  chart.letters = letters;
  chart.main = main;
  check.findings = g_ptr_array_new ();
  g_ptr_array_add (check.findings, &f1);
  g_ptr_array_add (check.findings, &f2);
  g_ptr_array_add (check.findings, &f3);
  check.n_errors = 1;
  check.n_warnings = 2;
  check.load = load;
  check.n_load = 3;

  m = ks_raci_grid_model_from_chart (&chart, &check);
  g_assert_cmpstr (m->title, ==, "Quotation — Kessler");
  g_assert_cmpuint (m->n_phases, ==, 1);
  g_assert_cmpstr (m->phases[0], ==, "Offer");
  g_assert_cmpuint (m->n_tasks, ==, 2);
  g_assert_cmpstr (m->tasks[1].name, ==, "Send");
  g_assert_cmpint (m->tasks[0].mark, ==, KS_RACI_MARK_NONE);
  /* the worst finding marks the row, the first one explains it */
  g_assert_cmpint (m->tasks[1].mark, ==, KS_RACI_MARK_ERROR);
  g_assert_cmpstr (m->tasks[1].message, ==, "“Send” has nobody accountable");
  g_assert_cmpint (m->columns[2].mark, ==, KS_RACI_MARK_WARNING);
  /* a person, a role held, a role nobody holds */
  g_assert_false (m->columns[0].is_role);
  g_assert_null (m->columns[0].sublabel);
  g_assert_true (m->columns[1].is_role);
  g_assert_cmpstr (m->columns[1].sublabel, ==, "Mia");
  g_assert_false (m->columns[1].nobody);
  g_assert_true (m->columns[2].nobody);
  g_assert_cmpuint (ks_raci_grid_model_get (m, 1, 2), ==, 'C');
  g_assert_cmpuint (m->main[1], ==, 1);
  g_assert_cmpuint (m->columns[1].load[KS_RACI_LOAD_R], ==, 2);
  g_assert_cmpuint (m->columns[2].load[KS_RACI_LOAD_C], ==, 1);

  /* without a check: no marks, the load counted from the letters */
  g_clear_pointer (&m, ks_raci_grid_model_free);
  chart.account_id = 0;
  chart.account_name = NULL;
  m = ks_raci_grid_model_from_chart (&chart, NULL);
  g_assert_cmpint (m->tasks[1].mark, ==, KS_RACI_MARK_NONE);
  g_assert_false (m->columns[2].nobody);   /* nothing to resolve against */
  g_assert_cmpuint (m->columns[0].load[KS_RACI_LOAD_A], ==, 1);
  g_assert_cmpuint (m->columns[0].load[KS_RACI_LOAD_R], ==, 1);
  g_assert_cmpuint (m->columns[1].load[KS_RACI_LOAD_R], ==, 2);

  g_ptr_array_unref (chart.phases);
  g_ptr_array_unref (chart.tasks);
  g_ptr_array_unref (chart.columns);
  g_ptr_array_unref (check.findings);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  palette = ks_palette_new (KS_PALETTE_LIGHT);

  g_test_add_func ("/render/raci/rows", test_rows);
  g_test_add_func ("/render/raci/widths", test_widths);
  g_test_add_func ("/render/raci/hit-test", test_hit_test);
  g_test_add_func ("/render/raci/sticky", test_sticky);
  g_test_add_func ("/render/raci/visible", test_visible);
  g_test_add_func ("/render/raci/pages-across", test_pages_across);
  g_test_add_func ("/render/raci/pages-down", test_pages_down);
  g_test_add_func ("/render/raci/pdf", test_pdf);
  g_test_add_func ("/render/raci/pdf-long", test_pdf_long);
  g_test_add_func ("/render/raci/png-svg", test_png_svg);
  g_test_add_func ("/render/raci/draw", test_draw);
  g_test_add_func ("/render/raci/pictures", test_pictures);
  g_test_add_func ("/render/raci/from-chart", test_from_chart);

  status = g_test_run ();
  ks_palette_free (palette);
  return status;
}
