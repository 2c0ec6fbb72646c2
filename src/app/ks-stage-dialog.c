/* ks-stage-dialog.c — the funnel's settings: the ordered stages, the map
 * of imported stage names, the targets and when momentum fades
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwPreferencesWindow with three pages. Stages: each stage a row (name,
 * probability, outcome, move up and down, delete), Add Stage; the imported
 * names, unmapped ones first and marked, each with the stage it maps to.
 * Targets: hit rate, days lead to order, order target per quarter, the
 * minimum of closed opportunities for a diagnosis, fading weeks.
 * Evaluation: the evaluation matrix's criteria on each axis (name, weight,
 * delete), Add Criterion. Every
 * change is one undo step through core; the window rebuilds its rows from
 * the workspace after each (from an idle, never inside the row's own
 * signal), so undo and redo show too.
 */
#define G_LOG_DOMAIN "ks-stage-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ks-app-util.h"
#include "ks-evaluation.h"
#include "ks-funnel-page.h"

typedef struct
{
  KsWorkspace          *workspace;
  AdwPreferencesWindow *window;
  AdwPreferencesGroup  *stages_group;
  AdwPreferencesGroup  *map_group;
  GPtrArray            *stage_rows;   /* rows in the stages group */
  GPtrArray            *map_rows;
  AdwPreferencesGroup  *criteria_groups[2];   /* by KsEvalAxis */
  GPtrArray            *criteria_rows;
  GPtrArray            *criteria;     /* KsEvalCriterion* */
  GtkWidget            *targets[5];
  GPtrArray            *stages;       /* KsStage* */
  guint                 rebuild_id;
  gboolean              updating;
} StageDialog;

enum { TARGET_HIT_RATE, TARGET_DAYS, TARGET_ORDER, TARGET_MIN_CLOSED, TARGET_FADING };

static const char *
outcome_label (KsOutcome outcome)
{
  switch (outcome)
    {
    /* Translators: a funnel stage's outcome */
    case KS_OUTCOME_WON: return C_("outcome", "Won");
    case KS_OUTCOME_LOST: return C_("outcome", "Lost");
    case KS_OUTCOME_OPEN:
    default: return C_("outcome", "Open");
    }
}

static void rebuild (StageDialog *d);
static void build_criteria_rows (StageDialog *d);

/* Helpers */

static void
show_error (StageDialog  *d,
            const GError *error)
{
  adw_preferences_window_add_toast (d->window, adw_toast_new (error->message));
}

static gboolean
rebuild_idle (gpointer data)
{
  StageDialog *d = data;

  d->rebuild_id = 0;
  rebuild (d);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (StageDialog *d)
{
  if (!d->rebuild_id)
    d->rebuild_id = g_idle_add (rebuild_idle, d);
}

static KsStage *
row_stage (StageDialog *d,
           GtkWidget   *widget)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "ks-stage-index"));

  return d->stages && index < d->stages->len ? g_ptr_array_index (d->stages, index) : NULL;
}

/* Callbacks: stages */

static void
on_stage_name_applied (AdwEntryRow *row,
                       StageDialog *d)
{
  KsStage *stage = row_stage (d, GTK_WIDGET (row));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (!stage || g_strcmp0 (name, stage->name) == 0)
    return;
  if (!ks_stage_update (d->workspace, stage->id, name, stage->probability, stage->outcome,
                        stage->description, &error))
    {
      show_error (d, error);
      gtk_editable_set_text (GTK_EDITABLE (row), stage->name);
    }
}

static void
on_probability_changed (GtkSpinButton *spin,
                        StageDialog   *d)
{
  KsStage *stage = row_stage (d, GTK_WIDGET (spin));
  g_autoptr(GError) error = NULL;
  double probability = gtk_spin_button_get_value (spin);

  if (d->updating || !stage || probability == stage->probability)
    return;
  if (!ks_stage_update (d->workspace, stage->id, stage->name, probability, stage->outcome,
                        stage->description, &error))
    show_error (d, error);
  queue_rebuild (d);
}

static void
on_outcome_changed (GtkDropDown *dropdown,
                    GParamSpec  *pspec,
                    StageDialog *d)
{
  KsStage *stage = row_stage (d, GTK_WIDGET (dropdown));
  KsOutcome outcome = gtk_drop_down_get_selected (dropdown);
  double probability;
  g_autoptr(GError) error = NULL;

  if (d->updating || !stage || outcome == stage->outcome)
    return;
  /* a won stage is 100 %, a lost one 0 % */
  probability = outcome == KS_OUTCOME_WON ? 100 : outcome == KS_OUTCOME_LOST ? 0 : stage->probability;
  if (!ks_stage_update (d->workspace, stage->id, stage->name, probability, outcome,
                        stage->description, &error))
    show_error (d, error);
  queue_rebuild (d);
}

static void
on_move (GtkButton   *button,
         StageDialog *d)
{
  KsStage *stage = row_stage (d, GTK_WIDGET (button));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "ks-delta"));
  g_autoptr(GError) error = NULL;

  if (stage && !ks_stage_move (d->workspace, stage->id, stage->position + delta, &error))
    show_error (d, error);
}

static void
on_delete (GtkButton   *button,
           StageDialog *d)
{
  KsStage *stage = row_stage (d, GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;

  if (stage && !ks_stage_delete (d->workspace, stage->id, &error))
    show_error (d, error);
}

static void
on_add_stage (StageDialog *d)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i < 1000; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup (_("New stage")) : g_strdup_printf (_("New stage %u"), i);
      gboolean taken = FALSE;

      for (guint j = 0; d->stages && j < d->stages->len; j++)
        taken = taken || g_strcmp0 (((KsStage *) g_ptr_array_index (d->stages, j))->name, name) == 0;
      if (taken)
        continue;
      /* before the first closed stage: a new step of the way to an order */
      {
        int position = 0;
        for (guint j = 0; d->stages && j < d->stages->len; j++)
          {
            KsStage *s = g_ptr_array_index (d->stages, j);
            if (s->outcome != KS_OUTCOME_OPEN)
              {
                position = s->position;
                break;
              }
          }
        if (!ks_stage_add (d->workspace, name, 50, KS_OUTCOME_OPEN, position, &error))
          show_error (d, error);
      }
      return;
    }
}

/* Callbacks: the map */

static void
on_mapping_selected (AdwComboRow *row,
                     GParamSpec  *pspec,
                     StageDialog *d)
{
  const char *source = g_object_get_data (G_OBJECT (row), "ks-source");
  guint selected = adw_combo_row_get_selected (row);
  gint64 stage_id = 0;
  g_autoptr(GError) error = NULL;

  if (d->updating || !source || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0 && d->stages && selected - 1 < d->stages->len)
    stage_id = ((KsStage *) g_ptr_array_index (d->stages, selected - 1))->id;
  if (stage_id == (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "ks-stage-id")))
    return;
  if (!ks_stage_mapping_set (d->workspace, source, stage_id, &error))
    show_error (d, error);
}

/* Callbacks: targets */

static void
on_target_changed (GtkSpinButton *spin,
                   StageDialog   *d)
{
  int which = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "ks-target"));
  KsFunnelTargets targets;
  g_autoptr(GError) error = NULL;

  if (d->updating)
    return;
  if (which == TARGET_FADING)
    {
      g_autofree char *text = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));
      if (!ks_workspace_set_setting (d->workspace, KS_FUNNEL_SETTING_FADING_WEEKS, text, &error))
        show_error (d, error);
      return;
    }
  ks_funnel_get_targets (d->workspace, &targets);
  switch (which)
    {
    case TARGET_HIT_RATE:
      targets.target_hit_rate = gtk_spin_button_get_value (spin);
      break;
    case TARGET_DAYS:
      targets.target_days = gtk_spin_button_get_value (spin);
      break;
    case TARGET_ORDER:
      targets.order_target = gtk_spin_button_get_value (spin);
      break;
    case TARGET_MIN_CLOSED:
    default:
      targets.min_closed = gtk_spin_button_get_value_as_int (spin);
      break;
    }
  if (!ks_funnel_set_targets (d->workspace, &targets, &error))
    show_error (d, error);
}

/* Building */

static GtkWidget *
icon_button (const char *icon,
             const char *tip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  return button;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
build_stage_rows (StageDialog *d)
{
  const char *outcomes[] = { outcome_label (KS_OUTCOME_OPEN), outcome_label (KS_OUTCOME_WON),
                             outcome_label (KS_OUTCOME_LOST), NULL };

  clear_rows (d->stages_group, d->stage_rows);
  for (guint i = 0; d->stages && i < d->stages->len; i++)
    {
      KsStage *stage = g_ptr_array_index (d->stages, i);
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 5);
      GtkWidget *outcome = gtk_drop_down_new_from_strings (outcomes);
      GtkWidget *up = icon_button ("go-up-symbolic", _("Move Up"));
      GtkWidget *down = icon_button ("go-down-symbolic", _("Move Down"));
      GtkWidget *remove = icon_button ("user-trash-symbolic", _("Delete Stage"));
      g_autofree char *title = g_strdup_printf (_("Stage %d"), stage->position);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), stage->name);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_signal_connect (row, "apply", G_CALLBACK (on_stage_name_applied), d);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), stage->probability);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (spin, stage->outcome == KS_OUTCOME_OPEN);
      gtk_widget_set_tooltip_text (spin, _("Probability in percent"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Probability in percent"), -1);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_probability_changed), d);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (outcome), stage->outcome);
      gtk_widget_set_valign (outcome, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (outcome), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outcome"), -1);
      g_signal_connect (outcome, "notify::selected", G_CALLBACK (on_outcome_changed), d);
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < d->stages->len);
      g_object_set_data (G_OBJECT (up), "ks-delta", GINT_TO_POINTER (-1));
      g_object_set_data (G_OBJECT (down), "ks-delta", GINT_TO_POINTER (1));
      g_signal_connect (up, "clicked", G_CALLBACK (on_move), d);
      g_signal_connect (down, "clicked", G_CALLBACK (on_move), d);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_delete), d);
      {
        GtkWidget *widgets[] = { row, spin, outcome, up, down, remove };
        for (guint w = 0; w < G_N_ELEMENTS (widgets); w++)
          g_object_set_data (G_OBJECT (widgets[w]), "ks-stage-index", GUINT_TO_POINTER (i));
        for (guint w = 1; w < G_N_ELEMENTS (widgets); w++)
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), widgets[w]);
      }
      adw_preferences_group_add (d->stages_group, row);
      g_ptr_array_add (d->stage_rows, row);
    }
}

static void
build_map_rows (StageDialog *d)
{
  g_autoptr(GPtrArray) mappings = ks_stage_mapping_list (d->workspace, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  /* Translators: the stage map's choice for an imported name no stage stands for */
  gtk_string_list_append (names, _("Not mapped"));
  for (guint i = 0; d->stages && i < d->stages->len; i++)
    gtk_string_list_append (names, ((KsStage *) g_ptr_array_index (d->stages, i))->name);
  clear_rows (d->map_group, d->map_rows);
  for (guint i = 0; mappings && i < mappings->len; i++)
    {
      KsStageMapping *m = g_ptr_array_index (mappings, i);
      GtkWidget *row = adw_combo_row_new ();
      guint selected = 0;
      g_autofree char *subtitle = NULL;

      for (guint j = 0; d->stages && j < d->stages->len; j++)
        if (((KsStage *) g_ptr_array_index (d->stages, j))->id == m->stage_id)
          selected = j + 1;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->source);
      if (m->stage_id == 0)
        /* Translators: under an imported stage name in the stage map */
        subtitle = g_strdup_printf (ngettext ("Unmapped · %u opportunity", "Unmapped · %u opportunities",
                                              m->n_opportunities), m->n_opportunities);
      else
        subtitle = g_strdup_printf (ngettext ("%u opportunity", "%u opportunities", m->n_opportunities),
                                    m->n_opportunities);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (m->stage_id == 0)
        gtk_widget_add_css_class (row, "unmapped-row");
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_object_set_data_full (G_OBJECT (row), "ks-source", g_strdup (m->source), g_free);
      g_object_set_data (G_OBJECT (row), "ks-stage-id", GSIZE_TO_POINTER (m->stage_id));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_mapping_selected), d);
      adw_preferences_group_add (d->map_group, row);
      g_ptr_array_add (d->map_rows, row);
    }
  for (guint i = 0; mappings && i < mappings->len; i++)
    ks_stage_mapping_free (g_ptr_array_index (mappings, i));
  if (mappings)
    g_ptr_array_set_free_func (mappings, NULL);
}

static void
load_targets (StageDialog *d)
{
  KsFunnelTargets targets;

  ks_funnel_get_targets (d->workspace, &targets);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (d->targets[TARGET_HIT_RATE]), targets.target_hit_rate);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (d->targets[TARGET_DAYS]), targets.target_days);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (d->targets[TARGET_ORDER]), targets.order_target);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (d->targets[TARGET_MIN_CLOSED]), targets.min_closed);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (d->targets[TARGET_FADING]),
                             ks_funnel_get_fading_weeks (d->workspace));
}

static void
rebuild (StageDialog *d)
{
  g_clear_handle_id (&d->rebuild_id, g_source_remove);
  d->updating = TRUE;
  g_clear_pointer (&d->stages, g_ptr_array_unref);
  d->stages = ks_stage_list (d->workspace, NULL);
  build_stage_rows (d);
  build_map_rows (d);
  g_clear_pointer (&d->criteria, g_ptr_array_unref);
  d->criteria = ks_eval_criteria_list (d->workspace, NULL);
  build_criteria_rows (d);
  load_targets (d);
  d->updating = FALSE;
}

static void
dialog_free (gpointer data)
{
  StageDialog *d = data;

  g_clear_handle_id (&d->rebuild_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (d->workspace, d);
  g_object_unref (d->workspace);
  g_clear_pointer (&d->stages, g_ptr_array_unref);
  g_ptr_array_unref (d->stage_rows);
  g_ptr_array_unref (d->map_rows);
  g_ptr_array_unref (d->criteria_rows);
  g_clear_pointer (&d->criteria, g_ptr_array_unref);
  g_free (d);
}

static GtkWidget *
target_row (StageDialog *d,
            AdwPreferencesGroup *group,
            int          which,
            const char  *title,
            const char  *subtitle,
            double       max,
            double       step)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (which == TARGET_FADING ? 1 : 0, max, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data (G_OBJECT (spin), "ks-target", GINT_TO_POINTER (which));
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_target_changed), d);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  d->targets[which] = spin;
  return row;
}

/* ---- evaluation criteria ---- */

static KsEvalCriterion *
row_criterion (StageDialog *d,
               GtkWidget   *widget)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "ks-criterion-index"));

  return d->criteria && index < d->criteria->len ? g_ptr_array_index (d->criteria, index) : NULL;
}

static void
on_criterion_name_applied (AdwEntryRow *row,
                           StageDialog *d)
{
  KsEvalCriterion *c = row_criterion (d, GTK_WIDGET (row));
  g_autoptr(GError) error = NULL;

  if (d->updating || !c)
    return;
  if (!ks_eval_criterion_rename (d->workspace, c->id, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      show_error (d, error);
      queue_rebuild (d);
    }
}

static void
on_criterion_weight_changed (GtkSpinButton *spin,
                             StageDialog   *d)
{
  KsEvalCriterion *c = row_criterion (d, GTK_WIDGET (spin));
  g_autoptr(GError) error = NULL;

  if (d->updating || !c)
    return;
  if (!ks_eval_criterion_set_weight (d->workspace, c->id, gtk_spin_button_get_value (spin), &error))
    {
      show_error (d, error);
      queue_rebuild (d);
    }
}

static void
on_criterion_delete (GtkButton   *button,
                     StageDialog *d)
{
  KsEvalCriterion *c = row_criterion (d, GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;

  if (c && !ks_eval_criterion_delete (d->workspace, c->id, &error))
    show_error (d, error);
}

static void
on_add_criterion (GtkButton   *button,
                  StageDialog *d)
{
  KsEvalAxis axis = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "ks-axis"));
  g_autoptr(GError) error = NULL;

  /* a free name the user then renames: "New Criterion", "New Criterion 2", … */
  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (_("New Criterion")) : g_strdup_printf (_("New Criterion %u"), n);

      if (d->criteria && (ks_eval_criteria_find (d->criteria, KS_EVAL_ATTRACTIVENESS, name) ||
                          ks_eval_criteria_find (d->criteria, KS_EVAL_CHANCE, name)))
        continue;
      if (!ks_eval_criterion_add (d->workspace, axis, name, 10, &error))
        show_error (d, error);
      return;
    }
}

static void
build_criteria_rows (StageDialog *d)
{
  for (guint i = 0; i < d->criteria_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (d->criteria_rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (d->criteria_rows, 0);
  for (guint i = 0; d->criteria && i < d->criteria->len; i++)
    {
      KsEvalCriterion *c = g_ptr_array_index (d->criteria, i);
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 1);
      GtkWidget *remove = icon_button ("user-trash-symbolic", _("Delete Criterion"));
      g_autofree char *title = g_strdup_printf (_("Criterion %d"), c->position);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), c->name);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_signal_connect (row, "apply", G_CALLBACK (on_criterion_name_applied), d);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), c->weight);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (spin, _("Weight"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Weight"), -1);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_criterion_weight_changed), d);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_criterion_delete), d);
      {
        GtkWidget *widgets[] = { row, spin, remove };

        for (guint w = 0; w < G_N_ELEMENTS (widgets); w++)
          g_object_set_data (G_OBJECT (widgets[w]), "ks-criterion-index", GUINT_TO_POINTER (i));
      }
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), spin);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
      adw_preferences_group_add (d->criteria_groups[c->axis == KS_EVAL_CHANCE ? 1 : 0], row);
      g_ptr_array_add (d->criteria_rows, row);
    }
}

static AdwPreferencesPage *
criteria_page (StageDialog *d)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  const KsEvalAxis axes[] = { KS_EVAL_ATTRACTIVENESS, KS_EVAL_CHANCE };

  adw_preferences_page_set_title (page, _("Evaluation"));
  adw_preferences_page_set_icon_name (page, "view-grid-symbolic");
  for (guint a = 0; a < G_N_ELEMENTS (axes); a++)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

      adw_preferences_group_set_title (group, ks_eval_axis_label (axes[a]));
      adw_preferences_group_set_description (group,
                                             a == 0 ? _("What makes an opportunity attractive to us; each "
                                                        "scored 1–5 per opportunity, weighted.")
                                                    : _("What gives us a chance to win it; each scored 1–5 "
                                                        "per opportunity, weighted."));
      gtk_widget_add_css_class (add, "flat");
      gtk_widget_set_tooltip_text (add, _("Add Criterion"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Criterion"), -1);
      g_object_set_data (G_OBJECT (add), "ks-axis", GINT_TO_POINTER (axes[a]));
      g_signal_connect (add, "clicked", G_CALLBACK (on_add_criterion), d);
      adw_preferences_group_set_header_suffix (group, add);
      adw_preferences_page_add (page, group);
      d->criteria_groups[a] = group;
    }
  return page;
}

/* Public API */

GtkWindow *
ks_stage_dialog_new (GtkWidget   *parent,
                     KsWorkspace *workspace)
{
  static const char *const tables[] = { "funnel_stages", "stage_map", "settings", "opportunities",
                                        "evaluation_criteria" };
  StageDialog *d = g_new0 (StageDialog, 1);
  AdwPreferencesPage *stages_page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesPage *targets_page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *targets = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;

  d->workspace = g_object_ref (workspace);
  d->stage_rows = g_ptr_array_new ();
  d->map_rows = g_ptr_array_new ();
  d->criteria_rows = g_ptr_array_new ();
  d->window = ADW_PREFERENCES_WINDOW (adw_preferences_window_new ());
  gtk_window_set_title (GTK_WINDOW (d->window), _("Funnel Stages"));
  gtk_window_set_modal (GTK_WINDOW (d->window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (d->window), 720, 640);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (d->window), GTK_WINDOW (root));
  adw_preferences_window_set_search_enabled (d->window, FALSE);

  adw_preferences_page_set_title (stages_page, _("Stages"));
  adw_preferences_page_set_icon_name (stages_page, "view-list-symbolic");
  d->stages_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (d->stages_group, _("Stages"));
  adw_preferences_group_set_description (d->stages_group,
                                         _("In order from lead to order: each with the probability that "
                                           "an opportunity in it is won, and whether it is open, won or lost."));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _("Add Stage"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Stage"), -1);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_stage), d);
  adw_preferences_group_set_header_suffix (d->stages_group, add);
  adw_preferences_page_add (stages_page, d->stages_group);
  d->map_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (d->map_group, _("Imported Stage Names"));
  adw_preferences_group_set_description (d->map_group,
                                         _("The stage each name from a CRM export stands for. Opportunities "
                                           "whose name is not mapped stay out of the funnel."));
  adw_preferences_page_add (stages_page, d->map_group);
  adw_preferences_window_add (d->window, stages_page);

  adw_preferences_page_set_title (targets_page, _("Targets"));
  adw_preferences_page_set_icon_name (targets_page, "emblem-ok-symbolic");
  adw_preferences_group_set_title (targets, _("Targets"));
  adw_preferences_group_set_description (targets, _("What the funnel's shape is judged against."));
  target_row (d, targets, TARGET_HIT_RATE, _("Target Hit Rate"), _("Percent of closed opportunities won"), 100, 1);
  target_row (d, targets, TARGET_DAYS, _("Target Days Lead to Order"), _("Average days from engaging to the order"),
              3650, 5);
  target_row (d, targets, TARGET_ORDER, _("Order Target per Quarter"), _("Won value wanted each quarter; 0 = none"),
              1e12, 1000);
  target_row (d, targets, TARGET_MIN_CLOSED, _("Minimum Closed"),
              _("Fewer won and lost opportunities than this: the shape is not judged"), 100000, 1);
  target_row (d, targets, TARGET_FADING, _("Fading After Weeks"),
              _("An open opportunity without activity for this long shows as fading"), 52, 1);
  adw_preferences_page_add (targets_page, targets);
  adw_preferences_window_add (d->window, targets_page);
  adw_preferences_window_add (d->window, criteria_page (d));

  g_object_set_data_full (G_OBJECT (d->window), "ks-stage-dialog", d, dialog_free);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", tables[i], NULL);
      g_signal_connect_swapped (workspace, signal, G_CALLBACK (queue_rebuild), d);
    }
  rebuild (d);
  return GTK_WINDOW (d->window);
}
