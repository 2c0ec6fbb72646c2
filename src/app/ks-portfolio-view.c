/* ks-portfolio-view.c — the portfolio matrix canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KsMatrixCanvas (drawing, hover card, selection, divider drag, keys)
 * over core's KsPortfolio: ks-portfolio-model fills the layout's spec and
 * bubbles, this file the hover card. A double click (or Enter) opens the
 * account; a dragged divider is saved by the page on release.
 */
#define G_LOG_DOMAIN "ks-portfolio-view"

#include "config.h"

#include "ks-portfolio-view.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ks-app-util.h"
#include "ks-portfolio-model.h"

struct _KsPortfolioView
{
  KsMatrixCanvas     parent_instance;

  const KsPortfolio *portfolio;
  KsMatrixModel      model;
  gboolean           has_model;
};

enum
{
  SIGNAL_ACCOUNT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KsPortfolioView, ks_portfolio_view, KS_TYPE_MATRIX_CANVAS)

/* Helpers */

static const KsPortfolioItem *
item_at (KsPortfolioView *self,
         int              index)
{
  if (!self->portfolio || index < 0 || (guint) index >= self->portfolio->items->len)
    return NULL;
  return &g_array_index (self->portfolio->items, KsPortfolioItem, index);
}

/* (Re)builds the model with the palette's colours. */
static void
init_model (KsPortfolioView *self)
{
  if (self->has_model)
    ks_matrix_model_clear (&self->model);
  ks_matrix_model_init (&self->model, self->portfolio,
                        ks_matrix_canvas_get_palette (KS_MATRIX_CANVAS (self)));
  self->has_model = TRUE;
}

static const char *
quadrant_label (const KsPortfolio *p,
                int                quadrant)
{
  if (quadrant < 0 || quadrant > 3)
    return NULL;
  return p->quadrants[quadrant];
}

static char *
format_value (double value)
{
  if (isnan (value))
    return g_strdup ("—");
  return ks_format_number (value, fabs (value) >= 1000 || value == floor (value) ? 0 : 1);
}

static GPtrArray *
card_lines (KsMatrixCanvas *canvas,
            int             index)
{
  KsPortfolioView *self = KS_PORTFOLIO_VIEW (canvas);
  const KsPortfolio *p = self->portfolio;
  const KsPortfolioItem *item = item_at (self, index);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  if (!item)
    return lines;
  x = format_value (item->x);
  y = format_value (item->y);
  g_ptr_array_add (lines, g_strdup_printf ("%s: %s", p->x_label, x));
  g_ptr_array_add (lines, g_strdup_printf ("%s: %s", p->y_label, y));
  if (!isnan (item->weighted))
    {
      g_autofree char *score = ks_format_number (item->weighted, 1);

      /* Translators: hover card, e.g. "Weighted score 63.5 (good)" */
      g_ptr_array_add (lines, g_strdup_printf (_("Weighted score %s (%s)"), score,
                                               ks_score_band_label (item->band)));
    }
  if (item->revenue > 0)
    {
      g_autofree char *revenue = ks_format_number (item->revenue, 0);

      /* Translators: hover card, e.g. "Revenue 1,234,567 · class A" */
      g_ptr_array_add (lines, g_strdup_printf (_("Revenue %s · class %s"), revenue,
                                               ks_abc_class_name (item->klass)));
    }
  else
    /* Translators: hover card, e.g. "No revenue · class C" */
    g_ptr_array_add (lines, g_strdup_printf (_("No revenue · class %s"), ks_abc_class_name (item->klass)));
  if (item->owner && *item->owner)
    /* Translators: hover card, the key account manager */
    g_ptr_array_add (lines, g_strdup_printf (_("Owner: %s"), item->owner));
  if (quadrant_label (p, item->quadrant))
    g_ptr_array_add (lines, g_strdup (quadrant_label (p, item->quadrant)));
  if (p->compare && item->prev_quadrant >= 0 && item->prev_quadrant != item->quadrant)
    {
      const char *before = quadrant_label (p, item->prev_quadrant);

      g_ptr_array_add (lines, before
                                /* Translators: hover card, e.g. "Moved from Retain since 2026-Q2" */
                                ? g_strdup_printf (_("Moved from %s since %s"), before, p->compare)
                                : g_strdup_printf (_("Changed quadrant since %s"), p->compare));
    }
  return lines;
}

/* Vfuncs */

static KsMatrixLayout *
ks_portfolio_view_build_layout (KsMatrixCanvas *canvas,
                                int             width,
                                int             height)
{
  KsPortfolioView *self = KS_PORTFOLIO_VIEW (canvas);

  if (!self->has_model)
    return NULL;
  return ks_matrix_layout_new (&self->model.spec, (const KsBubble *) self->model.bubbles->data,
                               self->model.bubbles->len, ks_matrix_canvas_get_palette (canvas),
                               width, height, NULL);
}

static gint64
ks_portfolio_view_item_id (KsMatrixCanvas *canvas,
                           guint           index)
{
  return g_array_index (KS_PORTFOLIO_VIEW (canvas)->model.bubbles, KsBubble, index).id;
}

static const char *
ks_portfolio_view_item_name (KsMatrixCanvas *canvas,
                             int             index)
{
  const KsPortfolioItem *item = item_at (KS_PORTFOLIO_VIEW (canvas), index);

  return item ? item->name : NULL;
}

static void
ks_portfolio_view_activate (KsMatrixCanvas *canvas,
                            gint64          id)
{
  g_signal_emit (canvas, signals[SIGNAL_ACCOUNT_ACTIVATED], 0, id);
}

static void
ks_portfolio_view_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  KsPortfolioView *self = KS_PORTFOLIO_VIEW (widget);

  /* drops the palette and the layout */
  GTK_WIDGET_CLASS (ks_portfolio_view_parent_class)->css_changed (widget, change);
  /* the model holds the colours of the new palette */
  if (self->portfolio)
    init_model (self);
}

static void
ks_portfolio_view_dispose (GObject *object)
{
  KsPortfolioView *self = KS_PORTFOLIO_VIEW (object);

  if (self->has_model)
    ks_matrix_model_clear (&self->model);
  self->has_model = FALSE;
  self->portfolio = NULL;
  G_OBJECT_CLASS (ks_portfolio_view_parent_class)->dispose (object);
}

static void
ks_portfolio_view_class_init (KsPortfolioViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KsMatrixCanvasClass *canvas_class = KS_MATRIX_CANVAS_CLASS (klass);

  object_class->dispose = ks_portfolio_view_dispose;
  widget_class->css_changed = ks_portfolio_view_css_changed;
  canvas_class->build_layout = ks_portfolio_view_build_layout;
  canvas_class->item_id = ks_portfolio_view_item_id;
  canvas_class->item_name = ks_portfolio_view_item_name;
  canvas_class->card_lines = card_lines;
  canvas_class->activate = ks_portfolio_view_activate;
  canvas_class->no_selection = N_("No account selected");
  canvas_class->natural_width = 960;
  canvas_class->natural_height = 640;

  /**
   * KsPortfolioView::account-activated:
   * @account_id: the account double-clicked, or chosen with Enter
   */
  signals[SIGNAL_ACCOUNT_ACTIVATED] =
    g_signal_new ("account-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "portfolio-matrix");
}

static void
ks_portfolio_view_init (KsPortfolioView *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Portfolio matrix"), -1);
}

GtkWidget *
ks_portfolio_view_new (void)
{
  return g_object_new (KS_TYPE_PORTFOLIO_VIEW, NULL);
}

void
ks_portfolio_view_set_portfolio (KsPortfolioView   *self,
                                 const KsPortfolio *portfolio)
{
  gint64 selected;
  gboolean found = FALSE;

  g_return_if_fail (KS_IS_PORTFOLIO_VIEW (self));

  if (self->has_model)
    ks_matrix_model_clear (&self->model);
  self->has_model = FALSE;
  self->portfolio = portfolio;
  if (portfolio)
    {
      init_model (self);
      selected = ks_matrix_canvas_get_selected (KS_MATRIX_CANVAS (self));
      for (guint i = 0; i < portfolio->items->len; i++)
        if (g_array_index (portfolio->items, KsPortfolioItem, i).account_id == selected)
          found = TRUE;
    }
  ks_matrix_canvas_reload (KS_MATRIX_CANVAS (self), found);
}

gint64
ks_portfolio_view_get_selected (KsPortfolioView *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_VIEW (self), 0);
  return ks_matrix_canvas_get_selected (KS_MATRIX_CANVAS (self));
}

void
ks_portfolio_view_set_selected (KsPortfolioView *self,
                                gint64           account_id)
{
  g_return_if_fail (KS_IS_PORTFOLIO_VIEW (self));
  ks_matrix_canvas_set_selected (KS_MATRIX_CANVAS (self), account_id);
}

gint64
ks_portfolio_view_get_hovered (KsPortfolioView *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_VIEW (self), 0);
  return ks_matrix_canvas_get_hovered (KS_MATRIX_CANVAS (self));
}

const KsMatrixLayout *
ks_portfolio_view_get_layout (KsPortfolioView *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_VIEW (self), NULL);
  return ks_matrix_canvas_get_layout (KS_MATRIX_CANVAS (self));
}

GPtrArray *
ks_portfolio_view_card_lines (KsPortfolioView *self,
                              guint            index)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_VIEW (self), NULL);
  return card_lines (KS_MATRIX_CANVAS (self), index);
}
