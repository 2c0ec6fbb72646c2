/* ks-abc-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart copies the report's numbers, so the caller may free the report.
 * Accounts are points at x = rank / n: the hit test finds the candidates by
 * index (x is monotonic), never by walking all rows.
 */
#define G_LOG_DOMAIN "ks-abc-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "ks-abc-chart.h"
#include "ks-export.h"
#include "ks-format.h"

typedef enum
{
  ROW_CLASS,
  ROW_CURVE,
  ROW_DIAGONAL,
  ROW_REFERENCE,
  ROW_NOTE,
} RowKind;

typedef struct
{
  RowKind     kind;
  int         klass;
  KsChartText text;
  KsChartRect rect;
} Row;

struct _KsAbcChart
{
  PangoContext *context;
  GStringChunk *strings;
  double        width, height, font_px;

  guint         n;
  gint64       *ids;
  const char  **names;
  double       *revenue, *share, *cum;
  guint8       *klass;
  GHashTable   *index;             /* gint64 * → row + 1 */
  double        total, a_threshold, b_threshold;
  guint         counts[3];
  double        class_revenue[3];
  double        key_share;
  guint         n_key;
  double        at20;              /* cumulative share of revenue at 20 % of the accounts */

  KsChartRect   plot, legend;
  double       *px, *py;           /* every row's point, view pixels */
  double       *curve_x, *curve_y; /* the decimated curve, from (0, 0) */
  guint         n_curve;
  gboolean      dots;              /* room for a dot per account */

  KsChartText   x_title, y_title;
  KsChartText   x_ticks[11], y_ticks[11];
  KsChartText   letters[3];
  KsChartText   threshold_labels[2];
  KsChartText   ref_label, diag_label;
  Row          *rows;
  guint         n_rows;
  KsChartMessage *empty;           /* no revenue: drawn instead of the chart */
};

/* Also the matrix's colours when it is coloured by class. */
KsColor
ks_abc_class_colour (const KsPalette *palette,
                     KsAbcClass       klass)
{
  /* blue, orange, grey */
  return palette->series[klass == KS_ABC_A ? 0 : klass == KS_ABC_B ? 3 : 7];
}

/* The class letters are names, not words: the same in every language. */
static const char *
class_name (int klass)
{
  return klass == KS_ABC_A ? "A" : klass == KS_ABC_B ? "B" : "C";
}

static char *
percent (double value,
         int    decimals)
{
  g_autofree char *n = ks_format_fixed (value, decimals);
  /* TRANSLATORS: a percentage, e.g. "61 %" */
  return g_strdup_printf (_("%s %%"), n);
}

static void
add_row (GArray                     *rows,
         KsAbcChart                 *self,
         RowKind                     kind,
         int                         klass,
         const PangoFontDescription *font,
         const char                 *text,
         double                      max_w)
{
  Row row = { kind, klass, { 0 }, { 0 } };

  ks_chart_text_init (&row.text, self->context, font, text, max_w, kind == ROW_NOTE, 3);
  g_array_append_val (rows, row);
}

KsAbcChart *
ks_abc_chart_new (const KsAbcReport *report,
                  const KsPalette   *palette,
                  double             width,
                  double             height,
                  PangoContext      *context)
{
  KsAbcChart *self;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoFontDescription) title_font = NULL;
  g_autoptr(PangoFontDescription) legend_font = NULL;
  g_autoptr(PangoFontDescription) letter_font = NULL;
  g_autoptr(GArray) rows = NULL;
  gboolean legend_right = width >= height;
  double pad, gap, tick_len, tick_w = 0, tick_h = 0, max_w, legend_w = 0, legend_h = 0, sym;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (palette != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self = g_new0 (KsAbcChart, 1);
  self->context = context ? g_object_ref (context) : ks_chart_context_new ();
  self->strings = g_string_chunk_new (4096);
  self->width = width;
  self->height = height;
  self->font_px = ks_chart_font_px (palette);
  self->index = g_hash_table_new (g_int64_hash, g_int64_equal);

  /* The numbers. */
  self->n = report->rows ? report->rows->len : 0;
  self->ids = g_new0 (gint64, MAX (self->n, 1));
  self->names = g_new0 (const char *, MAX (self->n, 1));
  self->revenue = g_new0 (double, MAX (self->n, 1));
  self->share = g_new0 (double, MAX (self->n, 1));
  self->cum = g_new0 (double, MAX (self->n, 1));
  self->klass = g_new0 (guint8, MAX (self->n, 1));
  for (guint i = 0; i < self->n; i++)
    {
      const KsAbcRow *row = &g_array_index (report->rows, KsAbcRow, i);

      self->ids[i] = row->id;
      self->names[i] = g_string_chunk_insert (self->strings, row->name ? row->name : "");
      self->revenue[i] = row->revenue;
      self->share[i] = row->share;
      self->cum[i] = CLAMP (row->cumulative_share, 0, 100);
      self->klass[i] = (guint8) CLAMP ((int) row->klass, 0, 2);
      if (!g_hash_table_contains (self->index, &self->ids[i]))
        g_hash_table_insert (self->index, &self->ids[i], GUINT_TO_POINTER (i + 1));
    }
  self->total = report->total;
  self->a_threshold = report->a_threshold;
  self->b_threshold = report->b_threshold;
  for (guint k = 0; k < 3; k++)
    {
      self->counts[k] = report->counts[k];
      self->class_revenue[k] = report->class_revenue[k];
    }
  self->key_share = report->key_share;
  self->n_key = report->n_key;
  /* The curve at 20 % of the accounts, between the two ranks around it. */
  if (self->n > 0)
    {
      double pos = 0.2 * self->n;
      guint k = (guint) floor (pos);
      double lo = k == 0 ? 0 : self->cum[k - 1], hi = k < self->n ? self->cum[k] : self->cum[self->n - 1];

      self->at20 = lo + (hi - lo) * (pos - k);
    }

  font = ks_chart_font_new (palette, 1.0, PANGO_WEIGHT_NORMAL);
  title_font = ks_chart_font_new (palette, 1.2, PANGO_WEIGHT_SEMIBOLD);
  legend_font = ks_chart_font_new (palette, 1.1, PANGO_WEIGHT_NORMAL);
  letter_font = ks_chart_font_new (palette, 2.2, PANGO_WEIGHT_BOLD);
  pad = self->font_px * 0.9;
  gap = self->font_px * 0.5;
  tick_len = self->font_px * 0.4;

  for (guint i = 0; i <= 10; i++)
    {
      g_autofree char *s = percent (i * 10, 0);

      ks_chart_text_init (&self->x_ticks[i], self->context, font, s, 0, FALSE, 1);
      ks_chart_text_init (&self->y_ticks[i], self->context, font, s, 0, FALSE, 1);
      tick_w = MAX (tick_w, self->y_ticks[i].width);
      tick_h = MAX (tick_h, self->x_ticks[i].height);
    }
  ks_chart_text_init (&self->x_title, self->context, title_font,
                      _("Share of accounts, ranked by revenue"), width * 0.8, FALSE, 1);
  ks_chart_text_init (&self->y_title, self->context, title_font,
                      _("Cumulative share of revenue"), height * 0.8, FALSE, 1);
  for (guint k = 0; k < 3; k++)
    ks_chart_text_init (&self->letters[k], self->context, letter_font,
                        class_name (k), 0, FALSE, 1);

  /* The legend. */
  max_w = legend_right ? width * 0.26 : width * 0.45;
  sym = self->font_px * 2.6;
  rows = g_array_new (FALSE, TRUE, sizeof (Row));
  for (guint k = 0; k < 3; k++)
    {
      g_autofree char *share = percent (self->total > 0 ? self->class_revenue[k] / self->total * 100 : 0, 0);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u account", "%u accounts",
                                                             self->counts[k]), self->counts[k]);
      /* TRANSLATORS: "A · 12 accounts · 61 % of revenue" */
      g_autofree char *s = g_strdup_printf (_("%s · %s · %s of revenue"), class_name (k), count, share);

      add_row (rows, self, ROW_CLASS, (int) k, legend_font, s, max_w - sym);
    }
  add_row (rows, self, ROW_CURVE, 0, legend_font, _("Cumulative share of revenue"), max_w - sym);
  add_row (rows, self, ROW_DIAGONAL, 0, legend_font, _("Equal shares (every account alike)"), max_w - sym);
  add_row (rows, self, ROW_REFERENCE, 0, legend_font, _("20/80 reference"), max_w - sym);
  {
    g_autofree char *a = percent (self->a_threshold, 0);
    g_autofree char *b = percent (self->b_threshold, 0);
    g_autofree char *s = g_strdup_printf (_("A while the accounts before make less than %s of revenue, B less than %s, else C"), a, b);
    add_row (rows, self, ROW_NOTE, 0, legend_font, s, max_w);
  }
  if (self->n > 0)
    {
      g_autofree char *r = percent (self->at20, 0);
      g_autofree char *s = g_strdup_printf (_("20 %% of the accounts bring %s of the revenue"), r);
      add_row (rows, self, ROW_NOTE, 0, legend_font, s, max_w);
    }
  {
    g_autofree char *share = percent (self->key_share, 0);
    g_autofree char *s = NULL;

    if (self->n_key == 0)
      s = g_strdup (_("No key accounts marked"));
    else
      {
        const char *verdict = self->key_share < KS_ABC_KEY_SHARE_LOW ? _("below the 50–60 % rule of thumb")
                              : self->key_share > KS_ABC_KEY_SHARE_HIGH ? _("above the 50–60 % rule of thumb")
                              : _("within the 50–60 % rule of thumb");
        /* TRANSLATORS: "8 key accounts bring 54 % of revenue: within the 50–60 % rule of thumb" */
        s = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u key account brings %s of revenue: %s",
                                          "%u key accounts bring %s of revenue: %s", self->n_key),
                             self->n_key, share, verdict);
      }
    add_row (rows, self, ROW_NOTE, 0, legend_font, s, max_w);
  }
  self->n_rows = rows->len;
  self->rows = (Row *) (void *) g_array_free (g_steal_pointer (&rows), FALSE);
  {
    double lp = self->font_px * 0.7, y = lp, col_w = 0;

    for (guint i = 0; i < self->n_rows; i++)
      col_w = MAX (col_w, (self->rows[i].kind == ROW_NOTE ? 0 : sym) + self->rows[i].text.width);
    for (guint i = 0; i < self->n_rows; i++)
      {
        double h = self->rows[i].text.height + self->font_px * 0.35;
        if (self->rows[i].kind == ROW_NOTE && i > 0 && self->rows[i - 1].kind != ROW_NOTE)
          y += self->font_px * 0.5;
        self->rows[i].rect = (KsChartRect) { lp, y, col_w, h };
        y += h;
      }
    legend_w = col_w + 2 * lp;
    legend_h = y + lp;
  }

  /* The plot. */
  {
    double left = pad + self->y_title.height + gap + tick_w + tick_len;
    double top = pad + tick_h / 2;
    double right = width - pad - (legend_right ? legend_w + pad : self->x_ticks[10].width / 2);
    double bottom = height - pad - (legend_right ? 0 : legend_h + pad) - self->x_title.height - gap - tick_h - tick_len;

    self->plot = (KsChartRect) { left, top, MAX (right - left, 20), MAX (bottom - top, 20) };
    if (legend_right)
      self->legend = (KsChartRect) { width - pad - legend_w, top, legend_w, legend_h };
    else
      self->legend = (KsChartRect) { left, height - pad - legend_h, legend_w, legend_h };
    for (guint i = 0; i < self->n_rows; i++)
      {
        self->rows[i].rect.x += self->legend.x;
        self->rows[i].rect.y += self->legend.y;
      }
  }

  /* Points and the decimated curve. */
  self->px = g_new (double, MAX (self->n, 1));
  self->py = g_new (double, MAX (self->n, 1));
  self->curve_x = g_new (double, self->n + 1);
  self->curve_y = g_new (double, self->n + 1);
  ks_abc_chart_point_at (self, 0, 0, &self->curve_x[0], &self->curve_y[0]);
  self->n_curve = 1;
  for (guint i = 0; i < self->n; i++)
    {
      double x, y, lx = self->curve_x[self->n_curve - 1], ly = self->curve_y[self->n_curve - 1];

      ks_abc_chart_point_at (self, (i + 1) * 100.0 / self->n, self->cum[i], &x, &y);
      self->px[i] = x;
      self->py[i] = y;
      if (i + 1 == self->n || (x - lx) * (x - lx) + (y - ly) * (y - ly) >= 0.75 * 0.75)
        {
          self->curve_x[self->n_curve] = x;
          self->curve_y[self->n_curve] = y;
          self->n_curve++;
        }
    }
  self->dots = self->n > 0 && self->plot.width / self->n >= 9;

  {
    g_autofree char *a = percent (self->a_threshold, 0);
    g_autofree char *b = percent (self->b_threshold, 0);
    /* TRANSLATORS: the threshold between classes A and B, e.g. "A | B at 60 %" */
    g_autofree char *sa = g_strdup_printf (_("A | B at %s"), a);
    g_autofree char *sb = g_strdup_printf (_("B | C at %s"), b);

    ks_chart_text_init (&self->threshold_labels[0], self->context, font, sa, 0, FALSE, 1);
    ks_chart_text_init (&self->threshold_labels[1], self->context, font, sb, 0, FALSE, 1);
  }
  ks_chart_text_init (&self->ref_label, self->context, font, "20/80", 0, FALSE, 1);
  ks_chart_text_init (&self->diag_label, self->context, font, _("Equal shares"), 0, FALSE, 1);
  /* Without revenue every share is 0 of 0: no curve, no classes to claim. */
  if (!(self->total > 0))
    {
      self->empty = g_new0 (KsChartMessage, 1);
      ks_chart_message_init (self->empty, self->context, palette, _("No won opportunities yet"),
                             _("The ABC analysis classes the accounts by their revenue, and none is recorded."),
                             width);
    }
  return self;
}

void
ks_abc_chart_free (KsAbcChart *chart)
{
  if (!chart)
    return;
  for (guint i = 0; i <= 10; i++)
    {
      ks_chart_text_clear (&chart->x_ticks[i]);
      ks_chart_text_clear (&chart->y_ticks[i]);
    }
  for (guint k = 0; k < 3; k++)
    ks_chart_text_clear (&chart->letters[k]);
  for (guint i = 0; i < chart->n_rows; i++)
    ks_chart_text_clear (&chart->rows[i].text);
  ks_chart_text_clear (&chart->threshold_labels[0]);
  ks_chart_text_clear (&chart->threshold_labels[1]);
  ks_chart_text_clear (&chart->ref_label);
  ks_chart_text_clear (&chart->diag_label);
  ks_chart_text_clear (&chart->x_title);
  ks_chart_text_clear (&chart->y_title);
  if (chart->empty)
    ks_chart_message_clear (chart->empty);
  g_free (chart->empty);
  g_free (chart->rows);
  g_free (chart->ids);
  g_free (chart->names);
  g_free (chart->revenue);
  g_free (chart->share);
  g_free (chart->cum);
  g_free (chart->klass);
  g_free (chart->px);
  g_free (chart->py);
  g_free (chart->curve_x);
  g_free (chart->curve_y);
  g_hash_table_unref (chart->index);
  g_string_chunk_free (chart->strings);
  g_object_unref (chart->context);
  g_free (chart);
}

gboolean
ks_abc_chart_is_empty (const KsAbcChart *chart)
{
  g_return_val_if_fail (chart != NULL, FALSE);
  return chart->empty != NULL;
}

void
ks_abc_chart_get_plot_rect (const KsAbcChart *chart,
                            KsChartRect      *rect)
{
  g_return_if_fail (chart != NULL && rect != NULL);
  *rect = chart->plot;
}

void
ks_abc_chart_get_legend_rect (const KsAbcChart *chart,
                              KsChartRect      *rect)
{
  g_return_if_fail (chart != NULL && rect != NULL);
  *rect = chart->legend;
}

guint
ks_abc_chart_get_n_rows (const KsAbcChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->n;
}

void
ks_abc_chart_point_at (const KsAbcChart *chart,
                       double            accounts_share,
                       double            revenue_share,
                       double           *x,
                       double           *y)
{
  g_return_if_fail (chart != NULL);
  if (x)
    *x = chart->plot.x + accounts_share / 100 * chart->plot.width;
  if (y)
    *y = chart->plot.y + chart->plot.height - revenue_share / 100 * chart->plot.height;
}

gboolean
ks_abc_chart_get_point (const KsAbcChart *chart,
                        guint             row,
                        double           *x,
                        double           *y)
{
  g_return_val_if_fail (chart != NULL, FALSE);
  if (row >= chart->n)
    return FALSE;
  if (x)
    *x = chart->px[row];
  if (y)
    *y = chart->py[row];
  return TRUE;
}

guint
ks_abc_chart_get_curve (const KsAbcChart *chart,
                        double           *end_x,
                        double           *end_y)
{
  g_return_val_if_fail (chart != NULL, 0);
  if (end_x)
    *end_x = chart->curve_x[chart->n_curve - 1];
  if (end_y)
    *end_y = chart->curve_y[chart->n_curve - 1];
  return chart->n_curve;
}

void
ks_abc_chart_get_class_rect (const KsAbcChart *chart,
                             KsAbcClass        klass,
                             KsChartRect      *rect)
{
  guint before = 0, count;
  double x0, x1;

  g_return_if_fail (chart != NULL && rect != NULL);
  for (guint k = 0; k < (guint) klass && k < 3; k++)
    before += chart->counts[k];
  count = klass <= KS_ABC_C ? chart->counts[klass] : 0;
  if (chart->n == 0)
    {
      *rect = (KsChartRect) { chart->plot.x, chart->plot.y, 0, chart->plot.height };
      return;
    }
  ks_abc_chart_point_at (chart, before * 100.0 / chart->n, 0, &x0, NULL);
  ks_abc_chart_point_at (chart, (before + count) * 100.0 / chart->n, 0, &x1, NULL);
  *rect = (KsChartRect) { x0, chart->plot.y, x1 - x0, chart->plot.height };
}

int
ks_abc_chart_hit_test (const KsAbcChart *chart,
                       double            x,
                       double            y)
{
  double tol = KS_ABC_POINT_TOLERANCE, best_d = tol * tol;
  int best = -1, lo, hi;

  g_return_val_if_fail (chart != NULL, -1);
  if (chart->n == 0 || chart->empty || chart->plot.width <= 0)
    return -1;
  /* Row i sits at x = plot.x + (i + 1) / n × width. */
  lo = (int) floor ((x - tol - chart->plot.x) / chart->plot.width * chart->n) - 1;
  hi = (int) ceil ((x + tol - chart->plot.x) / chart->plot.width * chart->n);
  lo = MAX (lo, 0);
  hi = MIN (hi, (int) chart->n - 1);
  for (int i = lo; i <= hi; i++)
    {
      double d = (chart->px[i] - x) * (chart->px[i] - x) + (chart->py[i] - y) * (chart->py[i] - y);
      if (d <= best_d)
        {
          best_d = d;
          best = i;
        }
    }
  return best;
}

int
ks_abc_chart_find (const KsAbcChart *chart,
                   gint64            id)
{
  g_return_val_if_fail (chart != NULL, -1);
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (chart->index, &id)) - 1;
}

/* ------------------------------------------------------------------ drawing */

static const double dashed[] = { 7, 5 };
static const double dotted[] = { 2, 4 };

static void
draw_static (cairo_t          *cr,
             const KsAbcChart *self,
             const KsPalette  *palette)
{
  const KsChartRect *p = &self->plot;
  double tick = self->font_px * 0.4, gap = self->font_px * 0.25, x, y, x2, y2;

  if (self->empty)
    {
      ks_color_set_source (cr, &palette->background);
      cairo_paint (cr);
      ks_chart_message_draw (cr, self->empty, palette, &(KsChartRect) { 0, 0, self->width, self->height });
      return;
    }
  ks_color_set_source (cr, &palette->background);
  cairo_paint (cr);
  ks_color_set_source (cr, &palette->surface);
  cairo_rectangle (cr, p->x, p->y, p->width, p->height);
  cairo_fill (cr);

  /* Class regions on x, with their letter at the top when it fits. */
  for (guint k = 0; k < 3; k++)
    {
      KsChartRect r;
      KsColor c = ks_abc_class_colour (palette, k);

      ks_abc_chart_get_class_rect (self, k, &r);
      if (r.width <= 0)
        continue;
      ks_chart_set_source (cr, &c, 0.14);
      cairo_rectangle (cr, r.x, r.y, r.width, r.height);
      cairo_fill (cr);
      if (r.width >= self->letters[k].width + self->font_px)
        {
          KsColor t = ks_color_mix (&c, &palette->foreground, 0.45);
          ks_color_set_source (cr, &t);
          /* At the bottom, where the curve (which rises fast) leaves room. */
          ks_chart_text_show (cr, &self->letters[k], r.x + (r.width - self->letters[k].width) / 2,
                              p->y + p->height - self->letters[k].height - self->font_px * 0.4);
        }
    }

  /* Grid every 10 %, axes, ticks. */
  cairo_set_line_width (cr, 1);
  ks_color_set_source (cr, &palette->grid);
  for (guint i = 1; i < 10; i++)
    {
      ks_abc_chart_point_at (self, i * 10, i * 10, &x, &y);
      cairo_move_to (cr, round (x) + 0.5, p->y);
      cairo_line_to (cr, round (x) + 0.5, p->y + p->height);
      cairo_move_to (cr, p->x, round (y) + 0.5);
      cairo_line_to (cr, p->x + p->width, round (y) + 0.5);
    }
  cairo_stroke (cr);
  ks_color_set_source (cr, &palette->muted);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, p->x, p->y);
  cairo_line_to (cr, p->x, p->y + p->height);
  cairo_line_to (cr, p->x + p->width, p->y + p->height);
  for (guint i = 0; i <= 10; i++)
    {
      ks_abc_chart_point_at (self, i * 10, i * 10, &x, &y);
      cairo_move_to (cr, x, p->y + p->height);
      cairo_line_to (cr, x, p->y + p->height + tick);
      cairo_move_to (cr, p->x, y);
      cairo_line_to (cr, p->x - tick, y);
    }
  cairo_stroke (cr);
  for (guint i = 0; i <= 10; i++)
    {
      ks_abc_chart_point_at (self, i * 10, i * 10, &x, &y);
      ks_chart_text_show (cr, &self->x_ticks[i], x - self->x_ticks[i].width / 2, p->y + p->height + tick + gap * 0.5);
      ks_chart_text_show (cr, &self->y_ticks[i], p->x - tick - gap - self->y_ticks[i].width, y - self->y_ticks[i].height / 2);
    }
  ks_color_set_source (cr, &palette->foreground);
  ks_chart_text_show (cr, &self->x_title, p->x + (p->width - self->x_title.width) / 2,
                      p->y + p->height + tick + self->x_ticks[0].height + self->font_px * 0.5);
  cairo_save (cr);
  cairo_translate (cr, self->font_px * 0.9, p->y + (p->height + self->y_title.width) / 2);
  cairo_rotate (cr, -G_PI / 2);
  ks_chart_text_show (cr, &self->y_title, 0, 0);
  cairo_restore (cr);

  /* Thresholds: horizontal dashed lines labelled at the right. */
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashed, 2, 0);
  for (guint k = 0; k < 2; k++)
    {
      double t = k == 0 ? self->a_threshold : self->b_threshold;
      const KsChartText *label = &self->threshold_labels[k];

      ks_abc_chart_point_at (self, 0, t, NULL, &y);
      ks_color_set_source (cr, &palette->muted);
      cairo_move_to (cr, p->x, y);
      cairo_line_to (cr, p->x + p->width, y);
      cairo_stroke (cr);
      ks_chart_text_show (cr, label, p->x + p->width - label->width - 4, y + 2);
    }

  /* Equal shares: the diagonal, labelled along it. */
  ks_abc_chart_point_at (self, 0, 0, &x, &y);
  ks_abc_chart_point_at (self, 100, 100, &x2, &y2);
  ks_color_set_source (cr, &palette->muted);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x2, y2);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  {
    double angle = atan2 (y2 - y, x2 - x), lx, ly;

    ks_abc_chart_point_at (self, 72, 72, &lx, &ly);
    cairo_save (cr);
    cairo_translate (cr, lx, ly);
    cairo_rotate (cr, angle);
    ks_chart_text_show (cr, &self->diag_label, -self->diag_label.width / 2, 3);
    cairo_restore (cr);
  }

  /* 20/80: dotted lines to the reference point, and where the curve is at 20 %. */
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dotted, 2, 0);
  ks_abc_chart_point_at (self, 20, 80, &x, &y);
  ks_color_set_source (cr, &palette->foreground);
  cairo_move_to (cr, x, p->y + p->height);
  cairo_line_to (cr, x, y);
  cairo_line_to (cr, p->x, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_move_to (cr, x, y - 6);
  cairo_line_to (cr, x + 6, y);
  cairo_line_to (cr, x, y + 6);
  cairo_line_to (cr, x - 6, y);
  cairo_close_path (cr);
  ks_color_set_source (cr, &palette->surface);
  cairo_fill_preserve (cr);
  ks_color_set_source (cr, &palette->foreground);
  cairo_stroke (cr);
  ks_chart_text_show (cr, &self->ref_label, x + 9, y - self->ref_label.height - 2);

  /* The curve, then a dot per account when there is room. */
  cairo_save (cr);
  cairo_rectangle (cr, p->x - 4, p->y - 4, p->width + 8, p->height + 8);
  cairo_clip (cr);
  ks_color_set_source (cr, &palette->accent);
  cairo_set_line_width (cr, 3);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, self->curve_x[0], self->curve_y[0]);
  for (guint i = 1; i < self->n_curve; i++)
    cairo_line_to (cr, self->curve_x[i], self->curve_y[i]);
  cairo_stroke (cr);
  if (self->dots)
    for (guint i = 0; i < self->n; i++)
      {
        KsColor c = ks_abc_class_colour (palette, self->klass[i]);

        cairo_new_path (cr);
        cairo_arc (cr, self->px[i], self->py[i], 4, 0, 2 * G_PI);
        ks_color_set_source (cr, &c);
        cairo_fill_preserve (cr);
        ks_color_set_source (cr, &palette->surface);
        cairo_set_line_width (cr, 1.5);
        cairo_stroke (cr);
      }
  if (self->n > 0)
    {
      /* Where the curve is at 20 % of the accounts. */
      ks_abc_chart_point_at (self, 20, self->at20, &x, &y);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, 5, 0, 2 * G_PI);
      ks_color_set_source (cr, &palette->foreground);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  /* Legend. */
  ks_color_set_source (cr, &palette->surface);
  ks_chart_rounded_rect (cr, self->legend.x + 0.5, self->legend.y + 0.5, self->legend.width - 1, self->legend.height - 1, 6);
  cairo_fill_preserve (cr);
  ks_color_set_source (cr, &palette->grid);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  for (guint i = 0; i < self->n_rows; i++)
    {
      const Row *row = &self->rows[i];
      double sx = row->rect.x, sw = self->font_px * 2.6, mid = row->rect.y + row->text.height / 2;

      switch (row->kind)
        {
        case ROW_CLASS:
          {
            KsColor c = ks_abc_class_colour (palette, row->klass);
            ks_chart_set_source (cr, &c, 0.3);
            cairo_rectangle (cr, sx, mid - self->font_px * 0.45, sw * 0.7, self->font_px * 0.9);
            cairo_fill_preserve (cr);
            ks_color_set_source (cr, &c);
            cairo_set_line_width (cr, 1.5);
            cairo_stroke (cr);
          }
          break;
        case ROW_CURVE:
          ks_color_set_source (cr, &palette->accent);
          cairo_set_line_width (cr, 3);
          cairo_move_to (cr, sx, mid + 4);
          cairo_curve_to (cr, sx + sw * 0.2, mid - 6, sx + sw * 0.4, mid - 6, sx + sw * 0.7, mid - 6);
          cairo_stroke (cr);
          break;
        case ROW_DIAGONAL:
          ks_color_set_source (cr, &palette->muted);
          cairo_set_line_width (cr, 1.5);
          cairo_set_dash (cr, dashed, 2, 0);
          cairo_move_to (cr, sx, mid + 6);
          cairo_line_to (cr, sx + sw * 0.7, mid - 6);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          break;
        case ROW_REFERENCE:
          x = sx + sw * 0.35;
          cairo_move_to (cr, x, mid - 6);
          cairo_line_to (cr, x + 6, mid);
          cairo_line_to (cr, x, mid + 6);
          cairo_line_to (cr, x - 6, mid);
          cairo_close_path (cr);
          ks_color_set_source (cr, &palette->foreground);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
          break;
        case ROW_NOTE:
        default:
          ks_color_set_source (cr, &palette->foreground);
          ks_chart_text_show (cr, &row->text, sx, row->rect.y);
          continue;
        }
      ks_color_set_source (cr, &palette->foreground);
      ks_chart_text_show (cr, &row->text, sx + sw, row->rect.y);
    }
}

void
ks_abc_chart_draw_hover (cairo_t          *cr,
                         const KsAbcChart *chart,
                         const KsPalette  *palette,
                         gint64            hover_id,
                         double            pointer_x,
                         double            pointer_y)
{
  g_autoptr(PangoFontDescription) bold = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) body = NULL;
  g_autofree char *head = NULL, *text = NULL, *money = NULL, *share = NULL, *cum = NULL;
  PangoRectangle te, be;
  double pad, w, h, x, y;
  int row;

  g_return_if_fail (cr != NULL && chart != NULL && palette != NULL);
  row = hover_id ? ks_abc_chart_find (chart, hover_id) : -1;
  if (row < 0)
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, chart->px[row], chart->py[row], 7, 0, 2 * G_PI);
  ks_color_set_source (cr, &palette->foreground);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);

  bold = ks_chart_font_new (palette, 1.15, PANGO_WEIGHT_BOLD);
  font = ks_chart_font_new (palette, 1.05, PANGO_WEIGHT_NORMAL);
  money = ks_format_grouped (chart->revenue[row]);
  share = percent (chart->share[row], 1);
  cum = percent (chart->cum[row], 1);
  /* TRANSLATORS: rank and name, e.g. "#3 Kessler Antriebe" */
  head = g_strdup_printf (_("#%u %s"), (guint) row + 1, chart->names[row]);
  text = g_strdup_printf (_("Revenue %s\nShare %s · cumulative %s\nClass %s"), money, share, cum,
                          class_name (chart->klass[row]));
  title = pango_layout_new (chart->context);
  pango_layout_set_font_description (title, bold);
  pango_layout_set_text (title, head, -1);
  body = pango_layout_new (chart->context);
  pango_layout_set_font_description (body, font);
  pango_layout_set_text (body, text, -1);
  pango_layout_get_extents (title, NULL, &te);
  pango_layout_get_extents (body, NULL, &be);
  pad = chart->font_px * 0.7;
  w = MAX (te.width, be.width) / (double) PANGO_SCALE + 2 * pad;
  h = (te.height + be.height) / (double) PANGO_SCALE + 2.4 * pad;
  x = pointer_x + 16;
  y = pointer_y + 18;
  if (x + w > chart->width - 4)
    x = pointer_x - 12 - w;
  if (y + h > chart->height - 4)
    y = pointer_y - 12 - h;
  x = CLAMP (x, 4, MAX (4, chart->width - 4 - w));
  y = CLAMP (y, 4, MAX (4, chart->height - 4 - h));
  ks_chart_set_source (cr, &palette->foreground, 0.18);
  ks_chart_rounded_rect (cr, x + 1, y + 3, w, h, 7);
  cairo_fill (cr);
  ks_color_set_source (cr, &palette->surface);
  ks_chart_rounded_rect (cr, x, y, w, h, 7);
  cairo_fill_preserve (cr);
  ks_color_set_source (cr, &palette->grid);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  ks_color_set_source (cr, &palette->foreground);
  cairo_move_to (cr, x + pad, y + pad);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, x + pad, y + pad * 1.4 + te.height / (double) PANGO_SCALE);
  pango_cairo_show_layout (cr, body);
  cairo_restore (cr);
}

void
ks_abc_chart_draw (cairo_t          *cr,
                   const KsAbcChart *chart,
                   const KsPalette  *palette,
                   gint64            hover_id,
                   double            pointer_x,
                   double            pointer_y)
{
  g_return_if_fail (cr != NULL && chart != NULL && palette != NULL);

  cairo_save (cr);
  draw_static (cr, chart, palette);
  cairo_restore (cr);
  if (hover_id)
    ks_abc_chart_draw_hover (cr, chart, palette, hover_id, pointer_x, pointer_y);
}

static void
export_draw (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  gpointer *data = user_data;

  ks_abc_chart_draw (cr, data[0], data[1], 0, 0, 0);
}

gboolean
ks_abc_chart_export (const char         *path,
                     const KsAbcReport  *report,
                     const KsPalette    *palette,
                     double              width,
                     double              height,
                     GError            **error)
{
  g_autoptr(KsAbcChart) chart = NULL;
  KsExportFormat format;
  gpointer data[2];

  g_return_val_if_fail (path != NULL && report != NULL && palette != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  if (!ks_export_format_for_path (path, &format, error))
    return FALSE;
  chart = ks_abc_chart_new (report, palette, width, height, NULL);
  data[0] = chart;
  data[1] = (gpointer) palette;
  return ks_export_to_file (path, width, height, 1, export_draw, data, error);
}
