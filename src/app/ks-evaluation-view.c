/* ks-evaluation-view.c — the opportunity evaluation matrix canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KsMatrixCanvas (drawing, hover card, selection, divider drag, keys)
 * over core's KsEvaluation: ks-evaluation-chart lays out one bubble per
 * opportunity, this file gives the hover card. A double click (or Enter)
 * emits "opportunity-activated". An opportunity without a bubble can stay
 * selected (the side panel scores it), so the evaluation lays out for
 * input that comes before the next frame and arrows keep such a selection.
 */
#define G_LOG_DOMAIN "ks-evaluation-view"

#include "config.h"

#include "ks-evaluation-view.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ks-app-util.h"
#include "ks-evaluation-chart.h"

struct _KsEvaluationView
{
  KsMatrixCanvas      parent_instance;

  const KsEvaluation *evaluation;
  GArray             *bubbles;         /* KsEvalBubble, one per item */
};

enum
{
  SIGNAL_OPPORTUNITY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KsEvaluationView, ks_evaluation_view, KS_TYPE_MATRIX_CANVAS)

/* Helpers */

static const KsEvalItem *
item_at (KsEvaluationView *self,
         int               index)
{
  if (!self->evaluation || index < 0 || (guint) index >= self->evaluation->items->len)
    return NULL;
  return &g_array_index (self->evaluation->items, KsEvalItem, index);
}

static char *
format_axis (double value)
{
  return isnan (value) ? g_strdup (_("not scored")) : ks_format_number (value, 1);
}

static GPtrArray *
card_lines (KsMatrixCanvas *canvas,
            int             index)
{
  KsEvaluationView *self = KS_EVALUATION_VIEW (canvas);
  const KsEvalItem *item = item_at (self, index);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *chance = NULL;
  g_autofree char *attractiveness = NULL;

  if (!item)
    return lines;
  chance = format_axis (item->chance);
  attractiveness = format_axis (item->attractiveness);
  if (*item->account)
    g_ptr_array_add (lines, g_strdup (item->account));
  /* Translators: hover card, e.g. "OPP-12 · Proposal with price" */
  g_ptr_array_add (lines, g_strdup_printf (_("%s · %s"), item->ref, item->stage));
  if (!isnan (item->value))
    {
      g_autofree char *value = ks_format_number (item->value, 0);

      /* Translators: hover card, the opportunity's value */
      g_ptr_array_add (lines, g_strdup_printf (_("Value %s"), value));
    }
  else
    g_ptr_array_add (lines, g_strdup (_("No value")));
  g_ptr_array_add (lines, g_strdup_printf ("%s: %s", ks_eval_axis_label (KS_EVAL_CHANCE), chance));
  g_ptr_array_add (lines, g_strdup_printf ("%s: %s", ks_eval_axis_label (KS_EVAL_ATTRACTIVENESS), attractiveness));
  g_ptr_array_add (lines, g_strdup (ks_eval_quadrant_name (item->quadrant)));
  return lines;
}

/* Vfuncs */

static KsMatrixLayout *
ks_evaluation_view_build_layout (KsMatrixCanvas *canvas,
                                 int             width,
                                 int             height)
{
  KsEvaluationView *self = KS_EVALUATION_VIEW (canvas);
  KsEvalChartInput input;

  if (!self->evaluation)
    return NULL;
  input = (KsEvalChartInput) {
    .chance_divider = self->evaluation->chance_divider,
    .attractiveness_divider = self->evaluation->attractiveness_divider,
    .stages = (const char * const *) self->evaluation->stages->pdata,
    .n_stages = self->evaluation->stages->len,
    .bubbles = (const KsEvalBubble *) self->bubbles->data,
    .n_bubbles = self->bubbles->len,
  };
  return ks_eval_chart_layout (&input, ks_matrix_canvas_get_palette (canvas), width, height, NULL);
}

static gint64
ks_evaluation_view_item_id (KsMatrixCanvas *canvas,
                            guint           index)
{
  return g_array_index (KS_EVALUATION_VIEW (canvas)->bubbles, KsEvalBubble, index).id;
}

/* An opportunity without a bubble is found too (the description names it). */
static int
ks_evaluation_view_find (KsMatrixCanvas *canvas,
                         gint64          id)
{
  KsEvaluationView *self = KS_EVALUATION_VIEW (canvas);

  return self->evaluation ? ks_evaluation_find (self->evaluation, id) : -1;
}

static const char *
ks_evaluation_view_item_name (KsMatrixCanvas *canvas,
                              int             index)
{
  const KsEvalItem *item = item_at (KS_EVALUATION_VIEW (canvas), index);

  return item ? (*item->title ? item->title : item->ref) : NULL;
}

static void
ks_evaluation_view_activate (KsMatrixCanvas *canvas,
                             gint64          id)
{
  g_signal_emit (canvas, signals[SIGNAL_OPPORTUNITY_ACTIVATED], 0, id);
}

static void
ks_evaluation_view_dispose (GObject *object)
{
  KsEvaluationView *self = KS_EVALUATION_VIEW (object);

  self->evaluation = NULL;
  g_clear_pointer (&self->bubbles, g_array_unref);
  G_OBJECT_CLASS (ks_evaluation_view_parent_class)->dispose (object);
}

static void
ks_evaluation_view_class_init (KsEvaluationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KsMatrixCanvasClass *canvas_class = KS_MATRIX_CANVAS_CLASS (klass);

  object_class->dispose = ks_evaluation_view_dispose;
  canvas_class->build_layout = ks_evaluation_view_build_layout;
  canvas_class->item_id = ks_evaluation_view_item_id;
  canvas_class->find = ks_evaluation_view_find;
  canvas_class->item_name = ks_evaluation_view_item_name;
  canvas_class->card_lines = card_lines;
  canvas_class->activate = ks_evaluation_view_activate;
  canvas_class->no_selection = N_("No opportunity selected");
  canvas_class->natural_width = 800;
  canvas_class->natural_height = 600;
  canvas_class->input_builds_layout = TRUE;   /* a reload drops it until the next frame */
  canvas_class->arrows_keep_selection = TRUE;

  /**
   * KsEvaluationView::opportunity-activated:
   * @id: the opportunity double-clicked, or chosen with Enter
   */
  signals[SIGNAL_OPPORTUNITY_ACTIVATED] =
    g_signal_new ("opportunity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "evaluation-matrix");
}

static void
ks_evaluation_view_init (KsEvaluationView *self)
{
  self->bubbles = g_array_new (FALSE, TRUE, sizeof (KsEvalBubble));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Opportunity evaluation matrix"), -1);
}

GtkWidget *
ks_evaluation_view_new (void)
{
  return g_object_new (KS_TYPE_EVALUATION_VIEW, NULL);
}

void
ks_evaluation_view_set_evaluation (KsEvaluationView   *self,
                                   const KsEvaluation *evaluation)
{
  gint64 selected;
  gboolean keep = FALSE;

  g_return_if_fail (KS_IS_EVALUATION_VIEW (self));

  selected = ks_matrix_canvas_get_selected (KS_MATRIX_CANVAS (self));
  self->evaluation = evaluation;
  g_array_set_size (self->bubbles, 0);
  for (guint i = 0; evaluation && i < evaluation->items->len; i++)
    {
      const KsEvalItem *item = &g_array_index (evaluation->items, KsEvalItem, i);
      KsEvalBubble b = {
        .id = item->id,
        .label = *item->title ? item->title : item->ref,
        .chance = item->chance,
        .attractiveness = item->attractiveness,
        .value = item->value,
        .stage = item->stage_index,
      };

      g_array_append_val (self->bubbles, b);
      keep |= item->id == selected;
    }
  ks_matrix_canvas_reload (KS_MATRIX_CANVAS (self), keep);
}

gint64
ks_evaluation_view_get_selected (KsEvaluationView *self)
{
  g_return_val_if_fail (KS_IS_EVALUATION_VIEW (self), 0);
  return ks_matrix_canvas_get_selected (KS_MATRIX_CANVAS (self));
}

void
ks_evaluation_view_set_selected (KsEvaluationView *self,
                                 gint64            id)
{
  g_return_if_fail (KS_IS_EVALUATION_VIEW (self));
  ks_matrix_canvas_set_selected (KS_MATRIX_CANVAS (self), id);
}

gint64
ks_evaluation_view_get_hovered (KsEvaluationView *self)
{
  g_return_val_if_fail (KS_IS_EVALUATION_VIEW (self), 0);
  return ks_matrix_canvas_get_hovered (KS_MATRIX_CANVAS (self));
}

const KsMatrixLayout *
ks_evaluation_view_get_layout (KsEvaluationView *self)
{
  g_return_val_if_fail (KS_IS_EVALUATION_VIEW (self), NULL);
  return ks_matrix_canvas_get_layout (KS_MATRIX_CANVAS (self));
}

GPtrArray *
ks_evaluation_view_card_lines (KsEvaluationView *self,
                               guint             index)
{
  g_return_val_if_fail (KS_IS_EVALUATION_VIEW (self), NULL);
  return card_lines (KS_MATRIX_CANVAS (self), index);
}
