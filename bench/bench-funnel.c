/* bench-funnel.c — the Funnel view's opportunity list on ×10 and ×100:
 * opening it, scrolling it, sorting it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-funnel [--runs N] [--data DIR] [--scales 10,100] [--part open|scroll|sort]
 *   (needs a display: run it under xvfb-run; --part measures one thing, to
 *   profile it)
 *
 * The target (×100, 880,000 opportunities): the list opens and
 * scrolls at ≤ 16 ms a frame. For each scale N the workspace is
 * DATA/xN-reports.keystone when bench-reports.py made it and it is of the
 * current schema (opened read-only to check), else DATA/xN-funnel.keystone,
 * imported from DATA/xN (ks_crm_import, what `keystone-cli import crm`
 * runs) once and reused. A 1920×1080 window holds a KsFunnelPage showing
 * its Opportunities tab (KsOpportunityList, a drawn grid over the lazy
 * KsOpportunityModel).
 *
 * How a frame is timed: the main loop's poll function is wrapped, so the
 * time the loop spends blocked in poll () is known; the rest is work. The
 * work is cut into spans at each poll and at each frame's "after-paint":
 * a frame's own span is the frame clock's paint (update, layout with the
 * rows bound, snapshot, render); the other spans are everything else the
 * loop ran (the model's id slices, a scroll step). Under Xvfb there is no
 * vsync, and the frame clock throttles to 60 Hz, so frame intervals say
 * little about the cost; these figures are work in ms.
 *
 *   - open: ks_funnel_page_set_workspace () with the Opportunities tab
 *     shown, to the "after-paint" of the first frame that shows rows (wall
 *     time; the funnel report, the filter bar and the first 200 ids are
 *     read before it). Then the model reads the remaining ids from a
 *     low-priority idle in slices of 2,000 and each slice repaints the
 *     list (its scroll bar); until the ids are complete, each frame counts
 *     as its own span plus the longest other span before it (a frame due
 *     while a slice runs waits for that slice): slowest and mean. Best of
 *     --runs (3) after a warm-up; the worst run's slowest frame is stated.
 *   - scroll (ids complete, order by id): 20 jumps spread over the whole
 *     list (0 %, 5 %, …, 95 % of the vertical GtkAdjustment), each followed
 *     by 9 steps of a page down (the adjustment's page size): 200 steps.
 *     A step's frame counts from the step (gtk_adjustment_set_value, inside
 *     the measured work) to its "after-paint", all work between (rows that
 *     are not cached load 64 at a time while the frame is drawn);
 *     frames that follow within 20 ms count for the slowest too. Slowest
 *     and mean over the steps, jumps and page steps apart. The same again after sorting by Value, where
 *     a page's 64 ids lie anywhere in the table.
 *   - sort: ks_opportunity_list_sort_by (Value, ascending), what a click on
 *     the Value header does, from the top of the list in id order to the
 *     first frame after it (wall time; the model reads all ids in one sorted
 *     query). No target; best of --runs.
 *
 * Baseline for scrolling: a bare GtkColumnView in the same window, eleven
 * columns of plain labels over the same number of rows (a GtkStringList),
 * scrolled by the same steps in the same process: how fast GTK 4.8 itself
 * scrolls a list of that shape on this machine (what the list was before
 * it became a drawn grid). And the floor: a bare GtkDrawingArea of the
 * list's size, in a window of the same size, painting a finished picture
 * moved by the same steps (every pixel of it changes, nothing is
 * computed): what a frame of that size costs GTK and the X server on this
 * machine, whoever draws it. Prints a Markdown table:
 * figure, Keystone, baseline, ratio, target.
 * BENCH_VERBOSE=1 prints every run on stderr.
 */
#define G_LOG_DOMAIN "ks-bench-funnel"

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-display.h"
#include "ks-crm-import.h"
#include "ks-funnel-page.h"
#include "ks-opportunity-list.h"
#include "ks-opportunity-model.h"
#include "ks-workspace.h"

#define WIDTH         1920
#define HEIGHT        1080
#define JUMPS         20
#define PAGE_STEPS    9
#define FOLLOW_UP_MS  20
#define TARGET_MS     16.0

/* The frame meter: work between polls, cut at each frame */

typedef struct
{
  double  own_ms;        /* the frame clock's paint */
  double  other_max_ms;  /* the longest other span since the previous frame */
  double  other_sum_ms;  /* all other work since the previous frame (or the step) */
  gint64  end;           /* monotonic µs at "after-paint" */
} Frame;

static struct
{
  GPollFunc  real_poll;
  gint64     span_start;
  gint64     other_max;
  gint64     other_sum;
  GArray    *frames;     /* Frame */
} meter;

static void
meter_cut (gint64   now,
           gboolean frame)
{
  gint64 busy = now - meter.span_start;

  if (frame)
    {
      Frame f = { busy / 1000.0, meter.other_max / 1000.0, meter.other_sum / 1000.0, now };

      g_array_append_val (meter.frames, f);
      meter.other_max = meter.other_sum = 0;
    }
  else
    {
      meter.other_max = MAX (meter.other_max, busy);
      meter.other_sum += busy;
    }
  meter.span_start = now;
}

static gint
meter_poll (GPollFD *fds,
            guint    n_fds,
            gint     timeout)
{
  gint result;

  meter_cut (g_get_monotonic_time (), FALSE);
  result = meter.real_poll (fds, n_fds, timeout);
  meter.span_start = g_get_monotonic_time ();
  return result;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  meter_cut (g_get_monotonic_time (), TRUE);
}

/* Leaves the work since the last cut out (the driver's own checks). */
static void
meter_skip (void)
{
  meter.span_start = g_get_monotonic_time ();
}

/* Forgets the frames and the work so far: what follows is measured. */
static void
meter_reset (void)
{
  g_array_set_size (meter.frames, 0);
  meter.other_max = meter.other_sum = 0;
  meter.span_start = g_get_monotonic_time ();
}

static void
meter_install (GtkWidget *window)
{
  GMainContext *context = g_main_context_default ();

  meter.frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  meter.real_poll = g_main_context_get_poll_func (context);
  g_main_context_set_poll_func (context, meter_poll);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), NULL);
  meter_reset ();
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until a frame is painted after the @n_frames
 * recorded, or @timeout_ms passed; FALSE on the timeout. */
static gboolean
wait_frame (guint n_frames,
            guint timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_timeout, &timed_out);

  while (meter.frames->len <= n_frames && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

/* Lets the loop run until no frame came for FOLLOW_UP_MS. */
static void
settle (void)
{
  while (wait_frame (meter.frames->len, FOLLOW_UP_MS))
    ;
}

/* Statistics */

#define STAT_KEPT 512

typedef struct
{
  double max;
  double sum;
  guint  n;
  double kept[STAT_KEPT];   /* the first STAT_KEPT values, for the 95th percentile */
} Stat;

static void
stat_add (Stat   *s,
          double  ms)
{
  s->max = MAX (s->max, ms);
  s->sum += ms;
  if (s->n < STAT_KEPT)
    s->kept[s->n] = ms;
  s->n++;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The value 95 % of the steps stay at or under (nearest rank). */
static double
stat_p95 (const Stat *s)
{
  guint n = MIN (s->n, STAT_KEPT);
  double sorted[STAT_KEPT];
  guint rank;

  if (n == 0)
    return 0;
  memcpy (sorted, s->kept, n * sizeof (double));
  qsort (sorted, n, sizeof (double), compare_doubles);
  rank = (guint) ceil (0.95 * n);
  return sorted[MAX (rank, 1) - 1];
}

static double
stat_mean (const Stat *s)
{
  return s->n ? s->sum / s->n : 0;
}

static const char *
target_text (double ms)
{
  return ms <= TARGET_MS ? "≤ 16 ms" : "≤ 16 ms — **not met**";
}

/* The workspace */

/* TRUE when @path opens (read-only) and is of the current schema. */
static gboolean
workspace_is_current (const char *path)
{
  g_autoptr(KsWorkspace) ws = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;
  ws = ks_workspace_open (path, KS_WORKSPACE_OPEN_READ_ONLY, NULL);
  return ws && ks_workspace_get_schema_version (ws) == ks_workspace_latest_schema_version ();
}

/* DATA/xN-reports.keystone if current, else DATA/xN-funnel.keystone,
 * imported from DATA/xN once (through a temporary file). */
static char *
ensure_workspace (const char  *data,
                  guint        scale,
                  GError     **error)
{
  g_autofree char *name = g_strdup_printf ("x%u-reports.keystone", scale);
  g_autofree char *reports = g_build_filename (data, name, NULL);
  g_autofree char *own_name = g_strdup_printf ("x%u-funnel.keystone", scale);
  g_autofree char *own = g_build_filename (data, own_name, NULL);
  g_autofree char *folder_name = g_strdup_printf ("x%u", scale);
  g_autofree char *folder = g_build_filename (data, folder_name, NULL);
  g_autofree char *tmp = NULL;
  g_autoptr(KsWorkspace) workspace = NULL;
  g_autoptr(KsImportReport) report = NULL;
  gint64 start;

  if (workspace_is_current (reports))
    return g_steal_pointer (&reports);
  if (workspace_is_current (own))
    return g_steal_pointer (&own);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "%s is missing; run bench/gen-data.py %u", folder, scale);
      return NULL;
    }
  tmp = g_strconcat (own, ".part", NULL);
  g_unlink (tmp);
  g_unlink (own);
  g_printerr ("bench-funnel: importing %s into %s (once)…\n", folder, own);
  start = g_get_monotonic_time ();
  workspace = ks_workspace_open (tmp, KS_WORKSPACE_OPEN_CREATE, error);
  if (!workspace)
    return NULL;
  report = ks_import_report_new ();
  if (!ks_crm_import (workspace, folder, FALSE, report, error))
    return NULL;
  g_clear_object (&workspace);
  if (g_rename (tmp, own) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not rename %s to %s: %s", tmp, own, g_strerror (saved));
      return NULL;
    }
  g_printerr ("bench-funnel: imported in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
  return g_steal_pointer (&own);
}

/* The measurements */

typedef struct
{
  GtkWidget          *window;
  KsFunnelPage       *page;
  KsOpportunityList  *list;
  KsOpportunityModel *model;
  GtkAdjustment      *vadj;
} Bench;

/* TRUE when the last frame drew the list's first row. */
static gboolean
shows_rows (Bench *b)
{
  guint first, n;

  return ks_opportunity_model_get_id (b->model, 0) > 0 &&
         ks_opportunity_list_get_shown_rows (b->list, &first, &n) && first == 0;
}

static void
wait_loaded (Bench *b)
{
  while (ks_opportunity_model_get_loading (b->model))
    g_main_context_iteration (NULL, TRUE);
  settle ();
}

typedef struct
{
  double first_ms;     /* set_workspace to the first frame with rows */
  double complete_ms;  /* … to the ids complete */
  Stat   frames;       /* the frames while the ids load: own + longest other */
  double slice_max;    /* the longest other span */
  double paint_max;    /* the longest frame's own span */
} Open;

static void
measure_open (Bench       *b,
              KsWorkspace *workspace,
              Open        *open)
{
  gint64 start;
  guint first = 0;
  double set_ms;

  memset (open, 0, sizeof *open);
  ks_funnel_page_set_workspace (b->page, NULL);
  settle ();

  meter_reset ();
  start = g_get_monotonic_time ();
  ks_funnel_page_set_workspace (b->page, workspace);
  set_ms = (g_get_monotonic_time () - start) / 1000.0;
  while (TRUE)
    {
      if (!wait_frame (first, 10000))
        g_error ("no frame within 10 s of opening");
      first = meter.frames->len;
      if (shows_rows (b))
        break;
      meter_skip ();
    }
  meter_skip ();
  open->first_ms = (g_array_index (meter.frames, Frame, first - 1).end - start) / 1000.0;
  if (g_getenv ("BENCH_VERBOSE"))
    g_printerr ("open: ks_funnel_page_set_workspace %.1f ms, the first frame's paint %.1f ms\n",
                set_ms, g_array_index (meter.frames, Frame, first - 1).own_ms);
  while (ks_opportunity_model_get_loading (b->model))
    g_main_context_iteration (NULL, TRUE);
  open->complete_ms = (g_get_monotonic_time () - start) / 1000.0;
  settle ();
  for (guint i = first; i < meter.frames->len; i++)
    {
      const Frame *f = &g_array_index (meter.frames, Frame, i);

      stat_add (&open->frames, f->own_ms + f->other_max_ms);
      open->slice_max = MAX (open->slice_max, f->other_max_ms);
      open->paint_max = MAX (open->paint_max, f->own_ms);
    }
  if (g_getenv ("BENCH_VERBOSE"))
    g_printerr ("open: first frame %.1f ms, ids complete %.0f ms (%u), %u frames while loading: "
                "slowest %.1f ms (longest paint %.1f, longest other span %.1f), mean %.1f ms\n",
                open->first_ms, open->complete_ms, g_list_model_get_n_items (G_LIST_MODEL (b->model)),
                open->frames.n, open->frames.max, open->paint_max, open->slice_max, stat_mean (&open->frames));
}

typedef struct
{
  Stat   jumps;
  Stat   pages;
  guint  missed;    /* steps without a frame */
  guint  unseen;    /* jumps after which no row near the target was on screen */
} Scroll;

/* Is a row near @fraction of the list on screen? (a check, not timed) */
static gboolean
shows_near (Bench  *b,
            double  fraction)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (b->model));
  guint at = (guint) (fraction * n);
  guint first, shown;

  /* the rows the last frame drew: the target at the top of the view, as
   * far as the adjustment goes */
  if (!ks_opportunity_list_get_shown_rows (b->list, &first, &shown))
    return FALSE;
  return first <= at + 100 && first + shown + 100 >= MIN (at, n - shown);
}

/* One step: @value set inside the measured work, then its frames. */
static gboolean
step (Bench *b,
      double value,
      Stat  *stat)
{
  meter_reset ();
  gtk_adjustment_set_value (b->vadj, value);
  if (!wait_frame (0, 1000))
    return FALSE;
  settle ();
  for (guint i = 0; i < meter.frames->len; i++)
    {
      const Frame *f = &g_array_index (meter.frames, Frame, i);

      /* the step's frame; one that follows (the scroll bar's indicator)
       * counts for the slowest only */
      if (i == 0)
        stat_add (stat, f->own_ms + f->other_sum_ms);
      else
        stat->max = MAX (stat->max, f->own_ms + f->other_sum_ms);
    }
  return TRUE;
}

static void
measure_scroll (Bench  *b,
                Scroll *scroll)
{
  memset (scroll, 0, sizeof *scroll);
  gtk_adjustment_set_value (b->vadj, 0);
  settle ();
  for (guint j = 0; j < JUMPS; j++)
    {
      double fraction = (double) j / JUMPS;
      double range = gtk_adjustment_get_upper (b->vadj) - gtk_adjustment_get_page_size (b->vadj);

      /* the first "jump" (to the top, where the list is) is not a jump */
      if (j > 0 && !step (b, range * fraction, &scroll->jumps))
        scroll->missed++;
      if (j > 0 && b->list && !shows_near (b, fraction))
        scroll->unseen++;
      for (guint k = 0; k < PAGE_STEPS; k++)
        if (!step (b, gtk_adjustment_get_value (b->vadj) + gtk_adjustment_get_page_size (b->vadj),
                   &scroll->pages))
          scroll->missed++;
    }
  if (scroll->missed || scroll->unseen)
    g_printerr ("bench-funnel: %u scroll steps painted no frame, %u jumps showed no row near their target\n",
                scroll->missed, scroll->unseen);
  if (g_getenv ("BENCH_VERBOSE"))
    g_printerr ("scroll: %u jump frames slowest %.1f mean %.1f; %u page frames slowest %.1f mean %.1f\n",
                scroll->jumps.n, scroll->jumps.max, stat_mean (&scroll->jumps),
                scroll->pages.n, scroll->pages.max, stat_mean (&scroll->pages));
}

/* From the top of the list in id order, sorted by value: to its first frame. */
static double
measure_sort (Bench *b)
{
  gint64 start;
  double ms;

  ks_opportunity_model_set_sort (b->model, KS_OPPORTUNITY_SORT_ID, FALSE);
  wait_loaded (b);
  gtk_adjustment_set_value (b->vadj, 0);
  settle ();

  meter_reset ();
  start = g_get_monotonic_time ();
  ks_opportunity_list_sort_by (b->list, KS_OPPORTUNITY_COLUMN_VALUE, FALSE);
  /* the query runs in a thread; the window goes on drawing meanwhile */
  while (ks_opportunity_model_get_sorting (b->model))
    g_main_context_iteration (NULL, TRUE);
  {
    guint before = meter.frames->len;

    if (!wait_frame (before, 10000))
      g_error ("no frame within 10 s of sorting");
    ms = (g_array_index (meter.frames, Frame, before).end - start) / 1000.0;
  }
  if (ks_opportunity_model_get_sort (b->model, NULL) != KS_OPPORTUNITY_SORT_VALUE || !shows_rows (b))
    g_printerr ("bench-funnel: the list is not sorted by value after the click\n");
  settle ();
  if (g_getenv ("BENCH_VERBOSE"))
    g_printerr ("sort by value: %.1f ms\n", ms);
  return ms;
}

/* The baseline's rows: eleven labels, each showing the row's string. */
static void
baseline_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_list_item_set_child (item, label);
}

static void
baseline_bind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkStringObject *row = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (row));
}

/* The same steps over a bare column view of @n rows. */
static void
measure_baseline (guint   n,
                  Scroll *scroll)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  Bench b = { 0 };
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkColumnView *view;

  for (guint i = 0; i < n; i++)
    {
      char text[32];

      g_snprintf (text, sizeof text, "Row %u", i + 1);
      gtk_string_list_append (strings, text);
    }
  view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (
    gtk_single_selection_new (G_LIST_MODEL (g_object_ref (strings))))));
  for (guint c = 0; c < 11; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      char title[16];

      g_signal_connect (factory, "setup", G_CALLBACK (baseline_setup), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (baseline_bind), NULL);
      g_snprintf (title, sizeof title, "Column %u", c + 1);
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (view, column);
      g_object_unref (column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (view));
  b.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (b.window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (b.window), scrolled);
  b.vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  gtk_window_present (GTK_WINDOW (b.window));
  bench_wait_for_paint (b.window);
  meter_install (b.window);
  settle ();
  measure_scroll (&b, scroll);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (b.window), on_after_paint, NULL);
  g_main_context_set_poll_func (g_main_context_default (), meter.real_poll);
  g_clear_pointer (&meter.frames, g_array_unref);
  gtk_window_destroy (GTK_WINDOW (b.window));
}

/* The floor: a bare GtkDrawingArea as large as the window, painting a
 * finished picture (an image surface of rows made once) shifted by the
 * adjustment's value, so each step changes every pixel of it as a scroll
 * does, with no work of its own: what a frame of that size costs GTK and
 * the X server here, whoever draws it. */
typedef struct
{
  cairo_surface_t *picture;   /* WIDTH × 2 HEIGHT of rows */
  GtkAdjustment   *adjustment;
  GtkWidget       *area;
} Floor;

static void
floor_draw (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  Floor *f = data;
  double y = fmod (gtk_adjustment_get_value (f->adjustment), HEIGHT);

  cairo_set_source_surface (cr, f->picture, 0, -y);
  cairo_paint (cr);
}

static void
floor_moved (Floor *f)
{
  gtk_widget_queue_draw (f->area);
}

static void
measure_floor (guint   n,
               int     width,
               int     height,
               Scroll *scroll)
{
  Floor f = { 0 };
  Bench b = { 0 };
  cairo_t *cr;

  f.picture = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, 2 * HEIGHT);
  cr = cairo_create (f.picture);
  for (int row = 0; row * 21 < 2 * HEIGHT; row++)
    {
      cairo_set_source_rgb (cr, row % 2 ? 0.96 : 1.0, row % 2 ? 0.96 : 1.0, row % 2 ? 0.97 : 1.0);
      cairo_rectangle (cr, 0, row * 21, WIDTH, 21);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      for (int col = 0; col < 11; col++)
        {
          char text[32];

          g_snprintf (text, sizeof text, "Row %d, %d", row, col);
          cairo_move_to (cr, 8 + col * 170, row * 21 + 15);
          cairo_show_text (cr, text);
        }
    }
  cairo_destroy (cr);
  f.adjustment = gtk_adjustment_new (0, 0, n * 21.0, 21, HEIGHT, HEIGHT);
  g_signal_connect_swapped (f.adjustment, "value-changed", G_CALLBACK (floor_moved), &f);
  f.area = gtk_drawing_area_new ();
  /* as large as the list was in the page */
  gtk_widget_set_size_request (f.area, width, height);
  gtk_widget_set_halign (f.area, GTK_ALIGN_END);
  gtk_widget_set_valign (f.area, GTK_ALIGN_END);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (f.area), floor_draw, &f, NULL);
  b.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (b.window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (b.window), f.area);
  b.vadj = f.adjustment;
  gtk_window_present (GTK_WINDOW (b.window));
  bench_wait_for_paint (b.window);
  meter_install (b.window);
  settle ();
  measure_scroll (&b, scroll);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (b.window), on_after_paint, NULL);
  g_main_context_set_poll_func (g_main_context_default (), meter.real_poll);
  g_clear_pointer (&meter.frames, g_array_unref);
  gtk_window_destroy (GTK_WINDOW (b.window));
  g_signal_handlers_disconnect_by_data (f.adjustment, &f);
  cairo_surface_destroy (f.picture);
}

static void
print_stat_row (const char *what,
                guint       scale,
                const Stat *stat)
{
  printf ("| Funnel list ×%u: %s, slowest of %u steps (mean %.1f ms) | %.1f ms | | | %s |\n",
          scale, what, stat->n, stat_mean (stat), stat->max, target_text (stat->max));
}

/* A scroll row with the baseline's figure beside ours (means compared). */
static void
print_compared_row (const char *what,
                    guint       scale,
                    const Stat *stat,
                    const Stat *base)
{
  printf ("| Funnel list ×%u: %s, mean of %u steps (95 %% of steps ≤ %.1f ms, slowest %.1f ms; "
          "baseline's ≤ %.1f ms, slowest %.1f ms) | %.1f ms | %.1f ms | %.2f× | %s |\n",
          scale, what, stat->n, stat_p95 (stat), stat->max, stat_p95 (base), base->max,
          stat_mean (stat), stat_mean (base),
          stat_mean (base) > 0 ? stat_mean (stat) / stat_mean (base) : 0, target_text (stat_mean (stat)));
}

static const char *part;   /* NULL: all */

static gboolean
measuring (const char *what)
{
  return !part || g_str_equal (part, what);
}

static gboolean
run_scale (const char *data,
           guint       scale,
           guint       runs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ensure_workspace (data, scale, &error);
  g_autoptr(KsWorkspace) workspace = NULL;
  Bench b = { 0 };
  Open best = { 0 }, open;
  double worst_slowest = 0, sort_ms = G_MAXDOUBLE;
  Scroll by_id = { { 0 } }, by_value = { { 0 } }, base = { { 0 } }, floor_steps = { { 0 } };
  int list_w, list_h;
  guint n, runs_open = runs;

  if (!path)
    {
      g_printerr ("bench-funnel: %s\n", error->message);
      return FALSE;
    }
  workspace = ks_workspace_open (path, KS_WORKSPACE_OPEN_DEFAULT, &error);
  if (!workspace)
    {
      g_printerr ("bench-funnel: %s\n", error->message);
      return FALSE;
    }

  b.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (b.window), WIDTH, HEIGHT);
  b.page = KS_FUNNEL_PAGE (ks_funnel_page_new ());
  gtk_window_set_child (GTK_WINDOW (b.window), GTK_WIDGET (b.page));
  ks_funnel_page_set_view (b.page, "opportunities");
  b.list = ks_funnel_page_get_list (b.page);
  b.model = ks_opportunity_list_get_model (b.list);
  b.vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (b.list));
  gtk_window_present (GTK_WINDOW (b.window));
  bench_wait_for_paint (b.window);
  meter_install (b.window);

  /* warm up: styles, the cells' widgets, SQLite's and the kernel's caches */
  measure_open (&b, workspace, &open);
  if (!measuring ("open"))
    runs_open = 0;
  best.first_ms = best.complete_ms = best.frames.max = G_MAXDOUBLE;
  for (guint r = 0; r < runs_open; r++)
    {
      measure_open (&b, workspace, &open);
      best.first_ms = MIN (best.first_ms, open.first_ms);
      best.complete_ms = MIN (best.complete_ms, open.complete_ms);
      if (open.frames.max < best.frames.max)
        best.frames = open.frames, best.slice_max = open.slice_max, best.paint_max = open.paint_max;
      worst_slowest = MAX (worst_slowest, open.frames.max);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (b.model));

  if (measuring ("scroll"))
    measure_scroll (&b, &by_id);
  for (guint r = 0; measuring ("sort") && r < runs; r++)
    sort_ms = MIN (sort_ms, measure_sort (&b));
  if (measuring ("scroll") && measuring ("sort"))
    measure_scroll (&b, &by_value);

  list_w = gtk_widget_get_width (GTK_WIDGET (b.list));
  list_h = gtk_widget_get_height (GTK_WIDGET (b.list));
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (b.window), on_after_paint, NULL);
  g_main_context_set_poll_func (g_main_context_default (), meter.real_poll);
  g_clear_pointer (&meter.frames, g_array_unref);
  gtk_window_destroy (GTK_WINDOW (b.window));
  /* the baseline, in its own window, once ours is gone */
  if (measuring ("scroll"))
    {
      measure_baseline (n, &base);
      measure_floor (n, list_w, list_h, &floor_steps);
    }

  if (measuring ("open"))
    {
      printf ("| Funnel list ×%u (%u opportunities): open the Opportunities tab to the first frame with rows, "
              "best of %u | %.0f ms | | | |\n", scale, n, runs, best.first_ms);
      printf ("| Funnel list ×%u: slowest frame while opening (ids still loading, complete after %.0f ms; %u frames, "
              "mean %.1f ms; longest paint %.1f ms, longest id slice %.1f ms), best of %u runs (worst run %.1f ms) "
              "| %.1f ms | | | %s |\n",
              scale, best.complete_ms, best.frames.n, stat_mean (&best.frames), best.paint_max, best.slice_max,
              runs, worst_slowest, best.frames.max, target_text (best.frames.max));
    }
  if (measuring ("scroll"))
    {
      print_compared_row ("scrolling frame, a page down (180 steps over 20 places of the list)", scale,
                          &by_id.pages, &base.pages);
      print_compared_row ("scrolling frame, a jump far down (19 jumps to 5 %…95 %, rows loaded)", scale,
                          &by_id.jumps, &base.jumps);
      print_compared_row ("scrolling frame, a page down, against the floor (a bare drawing area of the list's size "
                          "repainting a finished picture)", scale, &by_id.pages, &floor_steps.pages);
      print_compared_row ("scrolling frame, a jump far down, against the floor", scale,
                          &by_id.jumps, &floor_steps.jumps);
    }
  if (measuring ("sort"))
    printf ("| Funnel list ×%u: sort by Value (a header click) to the first sorted frame, best of %u | %.0f ms | | | |\n",
            scale, runs, sort_ms);
  if (!part)
    {
      print_stat_row ("scrolling frame sorted by Value, a page down", scale, &by_value.pages);
      print_stat_row ("scrolling frame sorted by Value, a jump far down", scale, &by_value.jumps);
    }
  fflush (stdout);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  const char *data = "bench/out";
  const char *scales = "10,100";
  g_auto(GStrv) parts = NULL;
  guint runs = 3;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      guint64 n;

      if (g_str_equal (argv[i], "--runs") && i + 1 < argc &&
          g_ascii_string_to_unsigned (argv[i + 1], 10, 1, 100, &n, NULL))
        runs = (guint) n, i++;
      else if (g_str_equal (argv[i], "--data") && i + 1 < argc)
        data = argv[++i];
      else if (g_str_equal (argv[i], "--scales") && i + 1 < argc)
        scales = argv[++i];
      else if (g_str_equal (argv[i], "--part") && i + 1 < argc &&
               g_strv_contains ((const char *const[]) { "open", "scroll", "sort", NULL }, argv[i + 1]))
        part = argv[++i];
      else
        {
          g_printerr ("usage: %s [--runs N] [--data DIR] [--scales 10,100] [--part open|scroll|sort]\n", argv[0]);
          return 2;
        }
    }

  if (!gtk_init_check ())
    {
      g_printerr ("bench-funnel: no display (run it under xvfb-run)\n");
      return 77;
    }
  adw_init ();
  /* no fades (the overlay scroll bar's): a step's frames are the list's own */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  printf ("Funnel view, Opportunities tab, %d×%d; work per frame in ms (see bench-funnel.c)\n\n", WIDTH, HEIGHT);
  printf ("| figure | Keystone | baseline | ratio | target |\n| --- | ---: | ---: | ---: | ---: |\n");
  parts = g_strsplit (scales, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      guint64 scale;

      if (!g_ascii_string_to_unsigned (parts[i], 10, 1, 1000, &scale, NULL))
        {
          g_printerr ("bench-funnel: bad scale “%s”\n", parts[i]);
          return 2;
        }
      if (!run_scale (data, (guint) scale, runs))
        return 1;
    }
  return 0;
}
