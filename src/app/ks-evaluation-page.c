/* ks-evaluation-page.c — the opportunity evaluation matrix with its
 * scoring panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The matrix (KsEvaluationView) beside a panel for one opportunity: every
 * criterion of both axes with a row of toggles, "–" (not scored) and 1–5;
 * each toggle writes one score through core (one undo step) and the
 * workspace's change reloads the page on idle, so the bubble moves. The
 * panel's chooser reaches the opportunities that are not placed yet (an
 * axis without a score), which have no bubble to click. Dragging a
 * divider saves both dividers as one undo step.
 */
#define G_LOG_DOMAIN "ks-evaluation-page"

#include "config.h"

#include "ks-evaluation-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ks-app-util.h"
#include "ks-evaluation-chart.h"
#include "ks-evaluation-view.h"
#include "ks-powermap-view.h"

#define N_TOGGLES (KS_EVAL_MAX_SCORE + 1)   /* "–", 1 … 5 */

struct _KsEvaluationPage
{
  GtkWidget       parent_instance;

  KsWorkspace    *workspace;
  char           *filter[8];       /* owner, manager, team, region, account, product, from, to */
  KsEvaluation   *evaluation;
  GPtrArray      *criteria;        /* KsEvalCriterion */
  char           *criteria_key;    /* what the rows were built for */
  GPtrArray      *toggles;         /* GtkToggleButton, N_TOGGLES per criterion */
  GArray         *choice_ids;      /* gint64, the chooser's items */
  guint           reload_id;
  gboolean        updating;        /* setting widgets from the model */

  GtkWidget      *stack;
  GtkWidget      *status_page;
  GtkWidget      *view;
  GtkWidget      *counts_label;
  GtkWidget      *hint_label;
  GtkStringList  *choices;
  GtkWidget      *chooser;
  GtkWidget      *title_label;
  GtkWidget      *subtitle_label;
  GtkWidget      *quadrant_label;
  GtkWidget      *advice_label;
  GtkWidget      *scores_box;
  GtkWidget      *axis_labels[KS_EVAL_N_AXES];
  GtkWidget      *axis_boxes[KS_EVAL_N_AXES];
};

G_DEFINE_FINAL_TYPE (KsEvaluationPage, ks_evaluation_page, GTK_TYPE_WIDGET)

static void update_panel (KsEvaluationPage *self);

/* ---- helpers ---- */

static const KsEvalItem *
selected_item (KsEvaluationPage *self)
{
  gint64 id = ks_evaluation_view_get_selected (KS_EVALUATION_VIEW (self->view));
  int index = self->evaluation && id ? ks_evaluation_find (self->evaluation, id) : -1;

  return index >= 0 ? &g_array_index (self->evaluation->items, KsEvalItem, index) : NULL;
}

static KsFunnelFilter
current_filter (KsEvaluationPage *self)
{
  return (KsFunnelFilter) {
    self->filter[0], self->filter[1], self->filter[2], self->filter[3],
    self->filter[4], self->filter[5], self->filter[6], self->filter[7],
  };
}

static gboolean
has_filter (KsEvaluationPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->filter); i++)
    if (self->filter[i])
      return TRUE;
  return FALSE;
}

static char *
format_axis (double value)
{
  return isnan (value) ? g_strdup (_("not scored")) : ks_format_number (value, 1);
}

static char *
criteria_key (GPtrArray *criteria)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < criteria->len; i++)
    {
      const KsEvalCriterion *c = g_ptr_array_index (criteria, i);

      g_string_append_printf (s, "%" G_GINT64_FORMAT ":%d:%g:%s\n", c->id, c->axis, c->weight, c->name);
    }
  return g_string_free (s, FALSE);
}

static void
on_toggle_toggled (GtkToggleButton  *button,
                   KsEvaluationPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "ks-criterion-index"));
  int score = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "ks-score"));
  const KsEvalItem *item = selected_item (self);
  const KsEvalCriterion *c;
  g_autoptr(GError) error = NULL;

  if (self->updating || !gtk_toggle_button_get_active (button) || !item || !self->workspace ||
      index >= self->criteria->len)
    return;
  c = g_ptr_array_index (self->criteria, index);
  if (!ks_eval_score_set (self->workspace, item->id, c->id, score, &error))
    {
      ks_widget_add_toast (GTK_WIDGET (self), error->message);
      update_panel (self);   /* back to what is stored */
    }
}

/* One row per criterion: its name and weight, then "–" 1 2 3 4 5. */
static void
build_criteria_rows (KsEvaluationPage *self)
{
  for (int axis = 0; axis < KS_EVAL_N_AXES; axis++)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (self->axis_boxes[axis])))
        gtk_box_remove (GTK_BOX (self->axis_boxes[axis]), child);
    }
  g_ptr_array_set_size (self->toggles, 0);

  for (guint i = 0; i < self->criteria->len; i++)
    {
      const KsEvalCriterion *c = g_ptr_array_index (self->criteria, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      g_autofree char *weight = ks_format_number (c->weight, c->weight == floor (c->weight) ? 0 : 1);
      /* Translators: a criterion and its weight, e.g. "Core competence (weight 20)" */
      g_autofree char *text = g_strdup_printf (_("%s (weight %s)"), c->name, weight);
      GtkWidget *label = gtk_label_new (text);
      GtkToggleButton *first = NULL;

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (row), label);
      gtk_widget_add_css_class (buttons, "linked");
      for (int s = 0; s < N_TOGGLES; s++)
        {
          g_autofree char *digit = g_strdup_printf ("%d", s);
          GtkWidget *toggle = gtk_toggle_button_new_with_label (s ? digit : "–");
          g_autofree char *name = s ? g_strdup_printf (_("%s: %d of 5"), c->name, s)
                                    : g_strdup_printf (_("%s: not scored"), c->name);

          gtk_widget_set_hexpand (toggle, TRUE);
          gtk_widget_set_tooltip_text (toggle, s ? NULL : _("Not scored"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          if (first)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), first);
          else
            first = GTK_TOGGLE_BUTTON (toggle);
          g_object_set_data (G_OBJECT (toggle), "ks-criterion-index", GUINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (toggle), "ks-score", GINT_TO_POINTER (s));
          g_signal_connect (toggle, "toggled", G_CALLBACK (on_toggle_toggled), self);
          gtk_box_append (GTK_BOX (buttons), toggle);
          g_ptr_array_add (self->toggles, toggle);
        }
      gtk_box_append (GTK_BOX (row), buttons);
      gtk_box_append (GTK_BOX (self->axis_boxes[c->axis]), row);
    }
}

/* The side panel for the selected opportunity. */
static void
update_panel (KsEvaluationPage *self)
{
  const KsEvalItem *item = selected_item (self);
  g_autofree int *scores = NULL;
  g_autoptr(GError) error = NULL;

  self->updating = TRUE;
  if (self->choice_ids)
    {
      guint position = GTK_INVALID_LIST_POSITION;

      for (guint i = 0; item && i < self->choice_ids->len; i++)
        if (g_array_index (self->choice_ids, gint64, i) == item->id)
          position = i;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->chooser), position);
    }
  gtk_widget_set_visible (self->scores_box, item != NULL);
  gtk_widget_set_visible (self->subtitle_label, item != NULL);
  if (!item)
    {
      gtk_label_set_text (GTK_LABEL (self->title_label), _("No Opportunity Selected"));
      gtk_label_set_text (GTK_LABEL (self->advice_label),
                          _("Click a bubble, or choose an opportunity above, to score it."));
      gtk_widget_set_visible (self->quadrant_label, FALSE);
      self->updating = FALSE;
      return;
    }

  {
    g_autoptr(GString) sub = g_string_new (NULL);
    g_autofree char *value = isnan (item->value) ? NULL : ks_format_number (item->value, 0);
    g_autofree char *chance = format_axis (item->chance);
    g_autofree char *attractiveness = format_axis (item->attractiveness);
    g_autofree char *chance_text = g_strdup_printf ("%s: %s", ks_eval_axis_label (KS_EVAL_CHANCE), chance);
    g_autofree char *attr_text = g_strdup_printf ("%s: %s", ks_eval_axis_label (KS_EVAL_ATTRACTIVENESS),
                                                  attractiveness);

    gtk_label_set_text (GTK_LABEL (self->title_label), *item->title ? item->title : item->ref);
    ks_string_append_part (sub, item->ref);
    ks_string_append_part (sub, item->account);
    ks_string_append_part (sub, item->stage);
    ks_string_append_part (sub, value);
    gtk_label_set_text (GTK_LABEL (self->subtitle_label), sub->str);
    gtk_widget_set_visible (self->quadrant_label, TRUE);
    gtk_label_set_text (GTK_LABEL (self->quadrant_label), ks_eval_quadrant_name (item->quadrant));
    gtk_label_set_text (GTK_LABEL (self->advice_label), ks_eval_quadrant_advice (item->quadrant));
    gtk_label_set_text (GTK_LABEL (self->axis_labels[KS_EVAL_CHANCE]), chance_text);
    gtk_label_set_text (GTK_LABEL (self->axis_labels[KS_EVAL_ATTRACTIVENESS]), attr_text);
  }

  scores = g_new0 (int, self->criteria->len + 1);
  if (!ks_eval_scores_load (self->workspace, item->id, self->criteria, scores, &error))
    ks_widget_add_toast (GTK_WIDGET (self), error->message);
  for (guint i = 0; i < self->criteria->len; i++)
    {
      int s = CLAMP (scores[i], 0, KS_EVAL_MAX_SCORE);
      GtkWidget *toggle = g_ptr_array_index (self->toggles, i * N_TOGGLES + s);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
    }
  self->updating = FALSE;
}

static void
update_choices (KsEvaluationPage *self)
{
  const KsEvaluation *e = self->evaluation;
  gboolean same = self->choice_ids && e && self->choice_ids->len == e->items->len;
  g_autoptr(GPtrArray) labels = NULL;

  for (guint i = 0; same && i < e->items->len; i++)
    same = g_array_index (self->choice_ids, gint64, i) == g_array_index (e->items, KsEvalItem, i).id;
  if (same)
    return;
  g_clear_pointer (&self->choice_ids, g_array_unref);
  self->choice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; e && i < e->items->len; i++)
    {
      const KsEvalItem *item = &g_array_index (e->items, KsEvalItem, i);
      g_autoptr(GString) s = g_string_new (item->ref);

      ks_string_append_part (s, item->title);
      ks_string_append_part (s, item->account);
      g_array_append_val (self->choice_ids, item->id);
      g_ptr_array_add (labels, g_string_free (g_steal_pointer (&s), FALSE));
    }
  g_ptr_array_add (labels, NULL);
  self->updating = TRUE;
  gtk_string_list_splice (self->choices, 0, g_list_model_get_n_items (G_LIST_MODEL (self->choices)),
                          (const char * const *) labels->pdata);
  self->updating = FALSE;
}

static void
load (KsEvaluationPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsEvaluation) old = g_steal_pointer (&self->evaluation);
  g_autoptr(GPtrArray) criteria = NULL;
  KsFunnelFilter filter = current_filter (self);
  g_autofree char *key = NULL;
  const KsEvaluation *e;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (!self->workspace)
    {
      ks_evaluation_view_set_evaluation (KS_EVALUATION_VIEW (self->view), NULL);
      return;
    }
  self->evaluation = ks_evaluation_load (self->workspace, &filter, &error);
  criteria = ks_eval_criteria_list (self->workspace, error ? NULL : &error);
  if (!self->evaluation || !criteria)
    {
      g_clear_pointer (&self->evaluation, ks_evaluation_free);
      ks_evaluation_view_set_evaluation (KS_EVALUATION_VIEW (self->view), NULL);
      ks_status_page_set (ADW_STATUS_PAGE (self->status_page), "dialog-warning-symbolic",
                          _("Could Not Load the Evaluation"), error ? error->message : NULL, NULL, NULL);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }
  e = self->evaluation;
  /* the view lets go of the old evaluation before it is freed */
  ks_evaluation_view_set_evaluation (KS_EVALUATION_VIEW (self->view), e);

  key = criteria_key (criteria);
  g_ptr_array_unref (self->criteria);
  self->criteria = g_steal_pointer (&criteria);
  if (g_strcmp0 (key, self->criteria_key) != 0)
    {
      g_free (self->criteria_key);
      self->criteria_key = g_steal_pointer (&key);
      build_criteria_rows (self);
    }
  update_choices (self);

  if (e->items->len == 0)
    {
      ks_status_page_set (ADW_STATUS_PAGE (self->status_page), "view-grid-symbolic", _("No Open Opportunities"),
                          has_filter (self)
                            ? _("No open opportunity matches the filter. Opportunities in an open funnel stage "
                                "are evaluated here.")
                            : _("Opportunities in an open funnel stage are evaluated here: scored on their "
                                "attractiveness to us and our chance to win."),
                          NULL, NULL);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
    }
  else
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "matrix");

  {
    g_autofree char *counts =
      /* Translators: the count of open opportunities per strategy of the evaluation matrix */
      g_strdup_printf (_("Invest %u · Don’t lose %u · Secure %u · Drop %u · Not scored %u"),
                       e->counts[KS_EVAL_QUADRANT_INVEST], e->counts[KS_EVAL_QUADRANT_DONT_LOSE],
                       e->counts[KS_EVAL_QUADRANT_SECURE], e->counts[KS_EVAL_QUADRANT_DROP], e->n_unscored);

    gtk_label_set_text (GTK_LABEL (self->counts_label), counts);
  }
  if (e->items->len > 0 && e->n_unscored == e->items->len)
    {
      g_autofree char *hint =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The open opportunity is not scored yet: choose it on the right and score "
                                      "its criteria from 1 (low) to 5 (high) to place it.",
                                      "None of the %u open opportunities is scored yet: choose one on the right "
                                      "and score its criteria from 1 (low) to 5 (high) to place it.",
                                      e->items->len), e->items->len);

      gtk_label_set_text (GTK_LABEL (self->hint_label), hint);
      gtk_widget_set_visible (self->hint_label, TRUE);
    }
  else
    gtk_widget_set_visible (self->hint_label, FALSE);
  update_panel (self);
}

static gboolean
reload_idle (gpointer data)
{
  KsEvaluationPage *self = data;

  self->reload_id = 0;
  load (self);
  return G_SOURCE_REMOVE;
}

/* ---- callbacks ---- */

static void
on_workspace_changed (KsEvaluationPage *self,
                      const char       *table)
{
  if (!self->reload_id)
    self->reload_id = g_idle_add (reload_idle, self);
}

static void
on_selection_changed (KsEvaluationPage *self)
{
  update_panel (self);
}

static void
on_chooser_selected (KsEvaluationPage *self)
{
  guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->chooser));

  if (self->updating || !self->choice_ids || position >= self->choice_ids->len)
    return;
  ks_evaluation_view_set_selected (KS_EVALUATION_VIEW (self->view),
                                   g_array_index (self->choice_ids, gint64, position));
}

static void
on_dividers_moved (KsEvaluationPage *self,
                   double            chance,
                   double            attractiveness)
{
  g_autoptr(GError) error = NULL;

  if (!self->workspace)
    return;
  if (!ks_eval_set_dividers (self->workspace, chance, attractiveness, &error))
    ks_widget_add_toast (GTK_WIDGET (self), error->message);
  /* the change reloads on idle; a refused one puts the divider back */
  on_workspace_changed (self, "settings");
}

/* ---- vfuncs ---- */

static void
ks_evaluation_page_dispose (GObject *object)
{
  KsEvaluationPage *self = KS_EVALUATION_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  if (self->view)
    ks_evaluation_view_set_evaluation (KS_EVALUATION_VIEW (self->view), NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  self->view = NULL;
  g_clear_pointer (&self->evaluation, ks_evaluation_free);
  G_OBJECT_CLASS (ks_evaluation_page_parent_class)->dispose (object);
}

static void
ks_evaluation_page_finalize (GObject *object)
{
  KsEvaluationPage *self = KS_EVALUATION_PAGE (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->filter); i++)
    g_free (self->filter[i]);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  g_clear_pointer (&self->toggles, g_ptr_array_unref);
  g_clear_pointer (&self->choice_ids, g_array_unref);
  g_free (self->criteria_key);
  G_OBJECT_CLASS (ks_evaluation_page_parent_class)->finalize (object);
}

static void
ks_evaluation_page_class_init (KsEvaluationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_evaluation_page_dispose;
  object_class->finalize = ks_evaluation_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
heading (const char *text,
         const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
build_panel (KsEvaluationPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, 320, -1);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  self->choices = gtk_string_list_new (NULL);
  self->chooser = gtk_drop_down_new (G_LIST_MODEL (self->choices), expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->chooser), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chooser), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Opportunity to score"), -1);
  g_signal_connect_swapped (self->chooser, "notify::selected", G_CALLBACK (on_chooser_selected), self);
  gtk_box_append (GTK_BOX (box), self->chooser);

  self->title_label = heading (NULL, "title-3");
  self->subtitle_label = heading (NULL, "dim-label");
  self->quadrant_label = heading (NULL, "heading");
  self->advice_label = heading (NULL, "dim-label");
  gtk_box_append (GTK_BOX (box), self->title_label);
  gtk_box_append (GTK_BOX (box), self->subtitle_label);
  gtk_box_append (GTK_BOX (box), self->quadrant_label);
  gtk_box_append (GTK_BOX (box), self->advice_label);

  self->scores_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  for (int axis = 0; axis < KS_EVAL_N_AXES; axis++)
    {
      self->axis_labels[axis] = heading (ks_eval_axis_label (axis), "heading");
      gtk_widget_set_margin_top (self->axis_labels[axis], 12);
      self->axis_boxes[axis] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
    }
  /* the book reads attractiveness first: is it worth having, then can we win it */
  for (int axis = 0; axis < KS_EVAL_N_AXES; axis++)
    {
      gtk_box_append (GTK_BOX (self->scores_box), self->axis_labels[axis]);
      gtk_box_append (GTK_BOX (self->scores_box), self->axis_boxes[axis]);
    }
  gtk_box_append (GTK_BOX (box), self->scores_box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  return scroller;
}

static void
ks_evaluation_page_init (KsEvaluationPage *self)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_eval_criterion_free);
  self->toggles = g_ptr_array_new ();

  self->stack = gtk_stack_new ();
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  self->status_page = adw_status_page_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), self->status_page, "empty");

  self->counts_label = heading (NULL, "dim-label");
  gtk_widget_set_hexpand (self->counts_label, TRUE);
  /* Export and print are the Funnel page's: its header's button and menu
   * use ks_evaluation_page_export () and _draw_to () while this tab shows. */
  gtk_box_append (GTK_BOX (bar), self->counts_label);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 6);
  gtk_widget_set_margin_top (bar, 6);
  gtk_box_append (GTK_BOX (left), bar);

  self->hint_label = heading (NULL, NULL);
  gtk_widget_set_margin_start (self->hint_label, 12);
  gtk_widget_set_margin_end (self->hint_label, 12);
  gtk_widget_set_visible (self->hint_label, FALSE);
  gtk_box_append (GTK_BOX (left), self->hint_label);

  self->view = ks_evaluation_view_new ();
  g_signal_connect_swapped (self->view, "selection-changed", G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->view, "dividers-moved", G_CALLBACK (on_dividers_moved), self);
  gtk_box_append (GTK_BOX (left), self->view);

  gtk_paned_set_start_child (GTK_PANED (paned), left);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), TRUE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_end_child (GTK_PANED (paned), build_panel (self));
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_stack_add_named (GTK_STACK (self->stack), paned, "matrix");
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
  ks_status_page_set (ADW_STATUS_PAGE (self->status_page), "view-grid-symbolic", _("No Open Opportunities"),
                      NULL, NULL, NULL);
  update_panel (self);
}

/* ---- public API ---- */

GtkWidget *
ks_evaluation_page_new (void)
{
  return g_object_new (KS_TYPE_EVALUATION_PAGE, NULL);
}

void
ks_evaluation_page_set_workspace (KsEvaluationPage *self,
                                  KsWorkspace      *workspace)
{
  static const char *const tables[] = {
    "evaluation_scores", "evaluation_criteria", "settings", "opportunities", "funnel_stages",
    "stage_map", "accounts", "people", "products",
  };

  g_return_if_fail (KS_IS_EVALUATION_PAGE (self));
  g_return_if_fail (workspace == NULL || KS_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  ks_evaluation_view_set_selected (KS_EVALUATION_VIEW (self->view), 0);
  if (workspace)
    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        g_autofree char *signal = g_strconcat ("changed::", tables[i], NULL);

        g_signal_connect_swapped (workspace, signal, G_CALLBACK (on_workspace_changed), self);
      }
  load (self);
}

void
ks_evaluation_page_set_filter (KsEvaluationPage     *self,
                               const KsFunnelFilter *filter)
{
  KsFunnelFilter none = { 0 };
  const char *values[8];

  g_return_if_fail (KS_IS_EVALUATION_PAGE (self));

  if (!filter)
    filter = &none;
  values[0] = filter->owner;
  values[1] = filter->manager;
  values[2] = filter->team;
  values[3] = filter->region;
  values[4] = filter->account;
  values[5] = filter->product;
  values[6] = filter->from;
  values[7] = filter->to;
  for (guint i = 0; i < G_N_ELEMENTS (self->filter); i++)
    {
      g_free (self->filter[i]);
      self->filter[i] = g_strdup (values[i]);
    }
  load (self);
}

void
ks_evaluation_page_reload (KsEvaluationPage *self)
{
  g_return_if_fail (KS_IS_EVALUATION_PAGE (self));
  load (self);
}

/* The chart's input from what is shown; the bubbles' array is @bubbles. */
static gboolean
chart_input (KsEvaluationPage  *self,
             GArray            *bubbles,
             KsEvalChartInput  *input,
             GError           **error)
{
  const KsEvaluation *e = self->evaluation;

  if (!e)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                   _("There is no evaluation matrix to export"));
      return FALSE;
    }
  for (guint i = 0; i < e->items->len; i++)
    {
      const KsEvalItem *item = &g_array_index (e->items, KsEvalItem, i);
      KsEvalBubble b = {
        .id = item->id,
        .label = *item->title ? item->title : item->ref,
        .chance = item->chance,
        .attractiveness = item->attractiveness,
        .value = item->value,
        .stage = item->stage_index,
      };

      g_array_append_val (bubbles, b);
    }
  *input = (KsEvalChartInput) {
    .chance_divider = e->chance_divider,
    .attractiveness_divider = e->attractiveness_divider,
    .stages = (const char * const *) e->stages->pdata,
    .n_stages = e->stages->len,
    .bubbles = (const KsEvalBubble *) bubbles->data,
    .n_bubbles = bubbles->len,
  };
  return TRUE;
}

gboolean
ks_evaluation_page_export (KsEvaluationPage  *self,
                           const char        *path,
                           GError           **error)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autoptr(GArray) bubbles = g_array_new (FALSE, TRUE, sizeof (KsEvalBubble));
  KsEvalChartInput input;
  gboolean pdf;

  g_return_val_if_fail (KS_IS_EVALUATION_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!chart_input (self, bubbles, &input, error))
    return FALSE;
  pdf = g_str_has_suffix (path, ".pdf") || g_str_has_suffix (path, ".PDF");
  return ks_eval_chart_export (path, &input, palette, pdf ? 842 : 1920, pdf ? 595 : 1080, error);
}

void
ks_evaluation_page_draw_to (KsEvaluationPage *self,
                            cairo_t          *cr,
                            const KsPalette  *palette,
                            double            width,
                            double            height)
{
  g_autoptr(GArray) bubbles = g_array_new (FALSE, TRUE, sizeof (KsEvalBubble));
  KsEvalChartInput input;

  g_return_if_fail (KS_IS_EVALUATION_PAGE (self));

  if (chart_input (self, bubbles, &input, NULL))
    ks_eval_chart_draw (cr, &input, palette, width, height);
}

gint64
ks_evaluation_page_get_selected (KsEvaluationPage *self)
{
  g_return_val_if_fail (KS_IS_EVALUATION_PAGE (self), 0);
  return ks_evaluation_view_get_selected (KS_EVALUATION_VIEW (self->view));
}

void
ks_evaluation_page_set_selected (KsEvaluationPage *self,
                                 gint64            id)
{
  g_return_if_fail (KS_IS_EVALUATION_PAGE (self));
  ks_evaluation_view_set_selected (KS_EVALUATION_VIEW (self->view), id);
}

const KsEvaluation *
ks_evaluation_page_get_evaluation (KsEvaluationPage *self)
{
  g_return_val_if_fail (KS_IS_EVALUATION_PAGE (self), NULL);
  return self->evaluation;
}

GtkWidget *
ks_evaluation_page_get_view (KsEvaluationPage *self)
{
  g_return_val_if_fail (KS_IS_EVALUATION_PAGE (self), NULL);
  return self->view;
}

GtkWidget *
ks_evaluation_page_get_score_toggle (KsEvaluationPage *self,
                                     gint64            criterion_id,
                                     int               score)
{
  g_return_val_if_fail (KS_IS_EVALUATION_PAGE (self), NULL);

  if (score < 0 || score > KS_EVAL_MAX_SCORE)
    return NULL;
  for (guint i = 0; i < self->criteria->len; i++)
    if (((KsEvalCriterion *) g_ptr_array_index (self->criteria, i))->id == criterion_id &&
        (i + 1) * N_TOGGLES <= self->toggles->len)
      return g_ptr_array_index (self->toggles, i * N_TOGGLES + score);
  return NULL;
}
