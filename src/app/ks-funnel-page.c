/* ks-funnel-page.c — the Funnel view: the funnel, the forecast, the
 * opportunities and their evaluation, under one filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two bars on top (the views' switcher, Stages… and the export menu; under
 * it the filter bar), then the views: the funnel drawn by the render layer with
 * its numbers beside it (open, weighted, won, lost, hit rate, days to
 * order, priced and unpriced, unmapped with Map Stages…), the forecast by
 * month or quarter, the lazy list of opportunities, the evaluation matrix
 * (KsEvaluationPage). The filter applies to all; clicking a band shows the list filtered to that stage. The page
 * reloads from an idle after the filter or the workspace changed, and only
 * the view on screen (the others when shown).
 */
#define G_LOG_DOMAIN "ks-funnel-page"

#include "config.h"

#include "ks-funnel-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ks-app-util.h"
#include "ks-evaluation-page.h"
#include "ks-format.h"

static const char *const stat_keys[] = {
  "open", "weighted", "won", "lost", "hit-rate", "days", "priced", "unpriced", "unmapped",
};
#define N_STATS G_N_ELEMENTS (stat_keys)

struct _KsFunnelPage
{
  GtkWidget          parent_instance;

  KsWorkspace       *workspace;
  GtkWidget         *box;
  GtkWidget         *toolbar;
  GtkWidget         *filters;       /* the filter bar's row, under the toolbar */
  KsFunnelFilterBar *filter_bar;
  GtkWidget         *content;        /* GtkStack: "views", "empty" */
  GtkWidget         *status;         /* AdwStatusPage */
  AdwViewStack      *views;
  KsFunnelChartView *funnel_view;
  KsFunnelChartView *forecast_view;
  GtkWidget         *by_value;       /* toggle: size the funnel by value */
  GtkWidget         *by_quarter;     /* toggle: forecast per quarter */
  KsOpportunityList *list;
  KsEvaluationPage  *evaluation;
  GtkWidget         *stage_bar;      /* the list's stage filter, with a button to drop it */
  GtkWidget         *stage_label;
  GtkWidget         *stat_rows[N_STATS];
  GtkWidget         *map_button;

  KsFunnelReport    *report;
  gint64             stage_filter;   /* -1 any */
  guint              reload_id;
  gboolean           funnel_dirty;
  gboolean           forecast_dirty;
  gboolean           list_dirty;
  gboolean           evaluation_dirty;
};

G_DEFINE_FINAL_TYPE (KsFunnelPage, ks_funnel_page, GTK_TYPE_WIDGET)

/* Helpers */

static char *
money (double value)
{
  return ks_format_grouped (isnan (value) ? 0 : round (value));
}

static const char *
shape_title (KsFunnelShape shape)
{
  switch (shape)
    {
    /* Translators: the funnel's shape diagnosis (PRODUCT.md §6) */
    case KS_FUNNEL_SHAPE_OPTIMAL: return _("Optimal funnel");
    case KS_FUNNEL_SHAPE_WIDE: return _("Wide funnel");
    case KS_FUNNEL_SHAPE_LONG_NARROW: return _("Long, narrow funnel");
    case KS_FUNNEL_SHAPE_UNKNOWN:
    default: return _("Shape not known yet");
    }
}

static void
set_stat (KsFunnelPage *self,
          const char   *key,
          const char   *text)
{
  for (guint i = 0; i < N_STATS; i++)
    if (g_strcmp0 (stat_keys[i], key) == 0)
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->stat_rows[i]), text);
}

static char *
count_and_value (guint  count,
                 double value)
{
  g_autofree char *v = money (value);
  /* Translators: a count of opportunities and their value, e.g. "12 · 340,000" */
  return g_strdup_printf (ngettext ("%u opportunity · %s", "%u opportunities · %s", count), count, v);
}

static char *
filter_title (KsFunnelPage *self)
{
  const KsFunnelFilter *f = ks_funnel_filter_bar_get_filter (self->filter_bar);
  g_autoptr(GString) parts = g_string_new (NULL);
  const char *names[] = { f->owner, f->team, f->region, f->account, f->product };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (names[i])
      ks_string_append_part (parts, names[i]);
  if (f->from || f->to)
    {
      g_autofree char *period =
        f->from && f->to ? /* Translators: the period in a chart's title, e.g. "closing 2027-01-01 – 2027-03-31" */
                           g_strdup_printf (_("closing %s – %s"), f->from, f->to)
        : f->from ? /* Translators: an open-ended period in a chart's title, e.g. "closing from 2027-01-01" */
                    g_strdup_printf (_("closing from %s"), f->from)
                  : /* Translators: an open-ended period in a chart's title, e.g. "closing until 2027-03-31" */
                    g_strdup_printf (_("closing until %s"), f->to);
      ks_string_append_part (parts, period);
    }
  if (parts->len == 0)
    /* Translators: the funnel chart's title without a filter */
    return g_strdup (_("All opportunities"));
  return g_strdup (parts->str);
}

static void
update_stats (KsFunnelPage *self)
{
  const KsFunnelReport *r = self->report;
  g_autofree char *open = NULL, *weighted = NULL, *won = NULL, *lost = NULL;
  g_autofree char *hit = NULL, *days = NULL, *priced = NULL, *unpriced = NULL, *unmapped = NULL;

  if (!r)
    return;
  open = count_and_value (r->open_count, r->open_value);
  weighted = money (r->open_weighted);
  won = count_and_value (r->won_count, r->won_value);
  lost = count_and_value (r->lost_count, r->lost_value);
  hit = isnan (r->hit_rate) ? g_strdup (_("None closed yet"))
                            /* Translators: a hit rate, e.g. "32 %" */
                            : g_strdup_printf (_("%.0f %%"), r->hit_rate);
  days = isnan (r->average_days_to_order) ? g_strdup (_("Not known"))
                                          : g_strdup_printf (ngettext ("%.0f day", "%.0f days",
                                                                       (gulong) round (r->average_days_to_order)),
                                                             r->average_days_to_order);
  priced = g_strdup_printf ("%u", r->priced_count);
  unpriced = g_strdup_printf ("%u", r->unpriced_count);
  unmapped = count_and_value (r->unmapped_count, r->unmapped_value);
  set_stat (self, "open", open);
  set_stat (self, "weighted", weighted);
  set_stat (self, "won", won);
  set_stat (self, "lost", lost);
  set_stat (self, "hit-rate", hit);
  set_stat (self, "days", days);
  set_stat (self, "priced", priced);
  set_stat (self, "unpriced", unpriced);
  set_stat (self, "unmapped", unmapped);
  gtk_widget_set_visible (self->map_button, r->unmapped_count > 0);
}

static void
load_funnel (KsFunnelPage *self)
{
  g_autoptr(GArray) bands = g_array_new (FALSE, TRUE, sizeof (KsFunnelBand));
  g_autofree char *title = filter_title (self);
  g_autofree char *summary = NULL, *open = NULL, *weighted = NULL;
  KsFunnelSpec spec = { 0 };

  self->funnel_dirty = FALSE;
  if (!self->report)
    return;
  for (guint i = 0; i < self->report->stages->len; i++)
    {
      const KsFunnelStageRow *row = &g_array_index (self->report->stages, KsFunnelStageRow, i);
      KsFunnelBand band = {
        row->name,
        row->outcome == KS_OUTCOME_WON ? KS_FUNNEL_BAND_WON
          : row->outcome == KS_OUTCOME_LOST ? KS_FUNNEL_BAND_LOST : KS_FUNNEL_BAND_OPEN,
        row->count, row->value, row->weighted_value, row->probability, row->conversion,
      };
      g_array_append_val (bands, band);
    }
  open = money (self->report->open_value);
  weighted = money (self->report->open_weighted);
  /* Translators: the funnel chart's summary line: open count, their value and weighted value */
  summary = g_strdup_printf (ngettext ("%u open opportunity · %s · weighted %s",
                                       "%u open opportunities · %s · weighted %s",
                                       self->report->open_count),
                             self->report->open_count, open, weighted);
  spec.title = title;
  spec.summary = summary;
  spec.size_by = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->by_value))
                 ? KS_FUNNEL_SIZE_VALUE : KS_FUNNEL_SIZE_COUNT;
  spec.shape_title = shape_title (self->report->shape);
  spec.shape_reason = self->report->shape_reason;
  spec.empty_title = _("No Open Opportunities");
  ks_funnel_chart_view_set_funnel (self->funnel_view, &spec, (KsFunnelBand *) bands->data, bands->len);
  update_stats (self);
}

static void
load_forecast (KsFunnelPage *self)
{
  gboolean quarter = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->by_quarter));
  g_autoptr(KsForecast) forecast = NULL;
  g_autoptr(GArray) bars = g_array_new (FALSE, TRUE, sizeof (KsForecastBar));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL, *note = NULL, *base = filter_title (self);
  KsForecastSpec spec = { 0 };

  self->forecast_dirty = FALSE;
  if (!self->workspace)
    return;
  forecast = ks_forecast_load (self->workspace, ks_funnel_filter_bar_get_filter (self->filter_bar),
                               quarter ? KS_FORECAST_QUARTER : KS_FORECAST_MONTH, &error);
  if (!forecast)
    {
      ks_widget_add_toast (GTK_WIDGET (self), error->message);
      return;
    }
  for (guint i = 0; i < forecast->rows->len; i++)
    {
      const KsForecastRow *row = &g_array_index (forecast->rows, KsForecastRow, i);
      KsForecastBar bar = { row->period, row->weighted, row->best_case, row->won, row->open_count, row->won_count };
      g_array_append_val (bars, bar);
    }
  /* Translators: the forecast chart's title, e.g. "Forecast per quarter — All opportunities" */
  title = g_strdup_printf (quarter ? _("Forecast per quarter — %s") : _("Forecast per month — %s"), base);
  if (forecast->undated_count > 0)
    {
      g_autofree char *value = money (forecast->undated_value);
      /* Translators: the forecast's note about open opportunities without a close date */
      note = g_strdup_printf (ngettext ("%u open opportunity without a close date (%s) is not shown",
                                        "%u open opportunities without a close date (%s) are not shown",
                                        forecast->undated_count),
                              forecast->undated_count, value);
    }
  spec.title = title;
  spec.note = note;
  spec.empty_title = _("No Forecast");
  spec.empty_detail = _("No open or won opportunity has a close date in this selection.");
  ks_funnel_chart_view_set_forecast (self->forecast_view, &spec, (KsForecastBar *) bars->data, bars->len);
}

/* The matrix follows the workspace only while it has been shown (a
 * hidden one would reload after every edit). */
static void
load_evaluation (KsFunnelPage *self)
{
  self->evaluation_dirty = FALSE;
  ks_evaluation_page_set_filter (self->evaluation, ks_funnel_filter_bar_get_filter (self->filter_bar));
  ks_evaluation_page_set_workspace (self->evaluation, self->workspace);
}

static void
update_stage_bar (KsFunnelPage *self)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->stage_bar, self->stage_filter >= 0);
  if (self->stage_filter < 0)
    return;
  if (self->stage_filter == 0)
    text = g_strdup (_("Showing the opportunities whose stage is not mapped"));
  else
    for (guint i = 0; self->report && i < self->report->stages->len; i++)
      {
        const KsFunnelStageRow *row = &g_array_index (self->report->stages, KsFunnelStageRow, i);
        if (row->stage_id == self->stage_filter)
          /* Translators: above the list filtered by a funnel band, e.g. Showing stage “Proposal with price” */
          text = g_strdup_printf (_("Showing stage “%s”"), row->name);
      }
  gtk_label_set_text (GTK_LABEL (self->stage_label), text ? text : "");
}

static void
load_visible (KsFunnelPage *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->views);

  if (g_strcmp0 (view, "funnel") == 0 && self->funnel_dirty)
    load_funnel (self);
  else if (g_strcmp0 (view, "forecast") == 0 && self->forecast_dirty)
    load_forecast (self);
  else if (g_strcmp0 (view, "evaluation") == 0 && self->evaluation_dirty)
    load_evaluation (self);
  if (self->list_dirty && self->workspace)
    {
      self->list_dirty = FALSE;
      ks_opportunity_list_set_query (self->list, ks_funnel_filter_bar_get_filter (self->filter_bar),
                                     self->stage_filter);
    }
  update_stage_bar (self);
}

static void
update_actions (KsFunnelPage *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->views);
  gboolean chart = g_strcmp0 (view, "funnel") == 0 || g_strcmp0 (view, "forecast") == 0 ||
                   g_strcmp0 (view, "evaluation") == 0;
  gboolean shown = g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->content)), "views") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "funnel.export", chart && shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "funnel.print", chart && shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "funnel.stages", self->workspace != NULL);
}

/* Everything again: the report decides the empty state, the views load
 * when shown. */
static void
reload (KsFunnelPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsFunnelReport) all = NULL;
  guint filtered, total;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_pointer (&self->report, ks_funnel_report_free);
  self->funnel_dirty = self->forecast_dirty = self->list_dirty = self->evaluation_dirty = TRUE;
  if (!self->workspace)
    return;
  self->report = ks_funnel_report_load (self->workspace, ks_funnel_filter_bar_get_filter (self->filter_bar),
                                        &error);
  if (!self->report)
    {
      ks_widget_add_toast (GTK_WIDGET (self), error->message);
      return;
    }
  filtered = self->report->open_count + self->report->won_count + self->report->lost_count +
             self->report->unmapped_count;
  total = filtered;
  if (filtered == 0 && (all = ks_funnel_report_load (self->workspace, NULL, NULL)))
    total = all->open_count + all->won_count + all->lost_count + all->unmapped_count;
  if (total == 0)
    {
      ks_status_page_set (ADW_STATUS_PAGE (self->status), "view-list-bullet-symbolic", _("No Opportunities Yet"),
                          _("Import a CRM export with the sales pipeline to see the funnel, the forecast and every opportunity here."),
                          _("_Import CRM Export…"), "win.import-crm");
      gtk_stack_set_visible_child_name (GTK_STACK (self->content), "empty");
      gtk_widget_set_visible (self->toolbar, FALSE);
      gtk_widget_set_visible (self->filters, FALSE);
    }
  else if (filtered == 0)
    {
      ks_status_page_set (ADW_STATUS_PAGE (self->status), "edit-find-symbolic", _("No Matching Opportunities"),
                          _("No opportunity matches the filters. Choose other ones or clear them."),
                          _("_Clear the Filters"), "funnel.clear-filters");
      gtk_stack_set_visible_child_name (GTK_STACK (self->content), "empty");
      gtk_widget_set_visible (self->toolbar, TRUE);
      gtk_widget_set_visible (self->filters, TRUE);
    }
  else
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->content), "views");
      gtk_widget_set_visible (self->toolbar, TRUE);
      gtk_widget_set_visible (self->filters, TRUE);
    }
  update_stats (self);
  load_visible (self);
  update_actions (self);
}

static gboolean
reload_idle (gpointer data)
{
  KsFunnelPage *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (KsFunnelPage *self)
{
  if (!self->reload_id)
    self->reload_id = g_idle_add (reload_idle, self);
}

/* Callbacks */

static void
on_filter_changed (KsFunnelPage *self)
{
  queue_reload (self);
}

static void
on_view_changed (KsFunnelPage *self)
{
  load_visible (self);
  update_actions (self);
}

static void
on_band_activated (KsFunnelChartView *view,
                   int                band,
                   KsFunnelPage      *self)
{
  ks_funnel_page_show_stage (self, band);
}

static void
on_size_toggled (KsFunnelPage *self)
{
  load_funnel (self);
}

static void
on_period_toggled (KsFunnelPage *self)
{
  load_forecast (self);
}

static void
on_all_stages (KsFunnelPage *self)
{
  self->stage_filter = -1;
  ks_funnel_chart_view_set_selected (self->funnel_view, -1);
  self->list_dirty = TRUE;
  load_visible (self);
}

static void
on_map_stages (KsFunnelPage *self)
{
  ks_funnel_page_show_stages (self);
}

static gboolean
export_file (GtkWidget   *page,
             const char  *path,
             GError     **error)
{
  return ks_funnel_page_export (KS_FUNNEL_PAGE (page), path, error);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KsFunnelPage *self = KS_FUNNEL_PAGE (widget);
  const char *view = ks_funnel_page_get_view (self);
  g_autofree char *name = NULL;

  /* Translators: file name of an export, e.g. "funnel.pdf" */
  name = g_strdup_printf (_("%s.%s"),
                          g_strcmp0 (view, "forecast") == 0 ? _("forecast")
                            : g_strcmp0 (view, "evaluation") == 0 ? _("evaluation-matrix") : _("funnel"),
                          g_variant_get_string (parameter, NULL));
  ks_export_dialog_show (widget, _("Export Chart"), name, export_file,
                         /* Translators: %s is a folder */
                         _("Exported the chart to %s"), _("Could Not Export the Chart"));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!ks_funnel_page_print (KS_FUNNEL_PAGE (widget), NULL, &error))
    ks_message_dialog_show (widget, _("Could Not Print the Chart"), error->message);
}

static void
stages_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ks_funnel_page_show_stages (KS_FUNNEL_PAGE (widget));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ks_funnel_filter_bar_clear (KS_FUNNEL_PAGE (widget)->filter_bar);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              KsFunnelPage      *self)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  const char *view = ks_funnel_page_get_view (self);
  gboolean forecast = g_strcmp0 (view, "forecast") == 0;

  if (g_strcmp0 (view, "evaluation") == 0)
    {
      ks_evaluation_page_draw_to (self->evaluation, gtk_print_context_get_cairo_context (context), palette,
                                  gtk_print_context_get_width (context), gtk_print_context_get_height (context));
      return;
    }
  ks_funnel_chart_view_draw_to (forecast ? self->forecast_view : self->funnel_view,
                                gtk_print_context_get_cairo_context (context), palette,
                                gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

/* Building */

static GtkWidget *
toggle_pair (const char  *first,
             const char  *second,
             GtkWidget  **second_button)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *a = gtk_toggle_button_new_with_mnemonic (first);
  GtkWidget *b = gtk_toggle_button_new_with_mnemonic (second);

  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (b), GTK_TOGGLE_BUTTON (a));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (a), TRUE);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), a);
  gtk_box_append (GTK_BOX (box), b);
  *second_button = b;
  return box;
}

static GtkWidget *
build_funnel_view (KsFunnelPage *self)
{
  static const char *stat_titles[N_STATS] = {
    /* Translators: the rows of the funnel's numbers */
    N_("Open"), N_("Weighted Open Value"), N_("Won"), N_("Lost"), N_("Hit Rate"),
    N_("Average Days Lead to Order"), N_("Valued at List Price"), N_("Without Value or Price"),
    N_("Unmapped Stages"),
  };
  GtkWidget *paned = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *sizes = toggle_pair (_("By _Count"), _("By _Value"), &self->by_value);

  gtk_widget_set_margin_start (left, 12);
  gtk_widget_set_margin_top (left, 12);
  gtk_widget_set_margin_bottom (left, 12);
  gtk_box_append (GTK_BOX (left), sizes);
  g_signal_connect_swapped (self->by_value, "toggled", G_CALLBACK (on_size_toggled), self);
  self->funnel_view = KS_FUNNEL_CHART_VIEW (ks_funnel_chart_view_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->funnel_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The sales funnel"), -1);
  g_signal_connect (self->funnel_view, "band-activated", G_CALLBACK (on_band_activated), self);
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->funnel_view));
  gtk_widget_set_hexpand (left, TRUE);
  gtk_box_append (GTK_BOX (paned), left);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < N_STATS; i++)
    {
      self->stat_rows[i] = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->stat_rows[i]), _(stat_titles[i]));
      gtk_widget_add_css_class (self->stat_rows[i], "property");
      gtk_list_box_append (GTK_LIST_BOX (list), self->stat_rows[i]);
    }
  self->map_button = gtk_button_new_with_mnemonic (_("_Map Stages…"));
  gtk_widget_set_valign (self->map_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->map_button, "clicked", G_CALLBACK (on_map_stages), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->stat_rows[N_STATS - 1]), self->map_button);
  /* the shape and its reason are the chart's (its diagnosis panel), so
   * they travel with an export or a print and are said once */
  gtk_box_append (GTK_BOX (side), list);
  gtk_widget_set_margin_start (side, 12);
  gtk_widget_set_margin_end (side, 12);
  gtk_widget_set_margin_top (side, 12);
  gtk_widget_set_margin_bottom (side, 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), side);
  gtk_widget_set_size_request (scrolled, 340, -1);
  gtk_box_append (GTK_BOX (paned), scrolled);
  return paned;
}

static GtkWidget *
build_forecast_view (KsFunnelPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *periods = toggle_pair (_("By _Month"), _("By _Quarter"), &self->by_quarter);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_box_append (GTK_BOX (box), periods);
  g_signal_connect_swapped (self->by_quarter, "toggled", G_CALLBACK (on_period_toggled), self);
  self->forecast_view = KS_FUNNEL_CHART_VIEW (ks_funnel_chart_view_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->forecast_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The forecast"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->forecast_view));
  return box;
}

static GtkWidget *
build_list_view (KsFunnelPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *all = gtk_button_new_with_mnemonic (_("Show _All Stages"));
  GtkWidget *scrolled;

  self->stage_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->stage_bar, "toolbar");
  self->stage_label = gtk_label_new (NULL);
  gtk_widget_set_hexpand (self->stage_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->stage_label), 0);
  gtk_box_append (GTK_BOX (self->stage_bar), self->stage_label);
  g_signal_connect_swapped (all, "clicked", G_CALLBACK (on_all_stages), self);
  gtk_box_append (GTK_BOX (self->stage_bar), all);
  gtk_widget_set_visible (self->stage_bar, FALSE);
  gtk_box_append (GTK_BOX (box), self->stage_bar);
  self->list = KS_OPPORTUNITY_LIST (ks_opportunity_list_new ());
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

/* Vfuncs */

static void
ks_funnel_page_dispose (GObject *object)
{
  KsFunnelPage *self = KS_FUNNEL_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->report, ks_funnel_report_free);
  G_OBJECT_CLASS (ks_funnel_page_parent_class)->dispose (object);
}

static void
ks_funnel_page_class_init (KsFunnelPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_funnel_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "funnelpage");
  gtk_widget_class_install_action (widget_class, "funnel.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "funnel.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "funnel.stages", NULL, stages_action);
  gtk_widget_class_install_action (widget_class, "funnel.clear-filters", NULL, clear_filters_action);
}

static void
ks_funnel_page_init (KsFunnelPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *switcher, *stages, *export_button, *scroller;
  AdwViewStackPage *page;

  self->stage_filter = -1;
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->toolbar, "toolbar");
  self->views = ADW_VIEW_STACK (adw_view_stack_new ());
  switcher = adw_view_switcher_new ();
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->views);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  gtk_box_append (GTK_BOX (self->toolbar), switcher);
  self->filter_bar = KS_FUNNEL_FILTER_BAR (ks_funnel_filter_bar_new ());
  g_signal_connect_swapped (self->filter_bar, "changed", G_CALLBACK (on_filter_changed), self);
  /* The filters get a row of their own under the views (at 1280 px beside
   * them they were cut off); a window narrower still scrolls them sideways,
   * with a scroll bar, rather than widen it. */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->filter_bar));
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_hexpand (scroller, TRUE);
  {
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (self->toolbar), spacer);
  }
  stages = gtk_button_new_with_mnemonic (_("_Stages…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (stages), "funnel.stages");
  gtk_widget_set_tooltip_text (stages, _("Stages, the stage map and the targets"));
  gtk_box_append (GTK_BOX (self->toolbar), stages);
  g_menu_append (menu, _("Export as _PNG…"), "funnel.export::png");
  g_menu_append (menu, _("Export as _SVG…"), "funnel.export::svg");
  g_menu_append (menu, _("Export as P_DF…"), "funnel.export::pdf");
  g_menu_append (menu, _("_Print…"), "funnel.print");
  export_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (export_button), "document-save-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (export_button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (export_button, _("Export or Print the Chart"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (export_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export or Print the Chart"), -1);
  gtk_box_append (GTK_BOX (self->toolbar), export_button);
  gtk_box_append (GTK_BOX (self->box), self->toolbar);
  self->filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->filters, "toolbar");
  gtk_box_append (GTK_BOX (self->filters), scroller);
  gtk_box_append (GTK_BOX (self->box), self->filters);
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  page = adw_view_stack_add_titled (self->views, build_funnel_view (self), "funnel", _("Funnel"));
  adw_view_stack_page_set_icon_name (page, "view-sort-descending-symbolic");
  page = adw_view_stack_add_titled (self->views, build_forecast_view (self), "forecast", _("Forecast"));
  adw_view_stack_page_set_icon_name (page, "x-office-spreadsheet-symbolic");
  page = adw_view_stack_add_titled (self->views, build_list_view (self), "opportunities", _("Opportunities"));
  adw_view_stack_page_set_icon_name (page, "view-list-symbolic");
  self->evaluation = KS_EVALUATION_PAGE (ks_evaluation_page_new ());
  page = adw_view_stack_add_titled (self->views, GTK_WIDGET (self->evaluation), "evaluation", _("Evaluation"));
  adw_view_stack_page_set_icon_name (page, "view-grid-symbolic");
  g_signal_connect_swapped (self->views, "notify::visible-child-name", G_CALLBACK (on_view_changed), self);

  self->content = gtk_stack_new ();
  gtk_widget_set_vexpand (self->content, TRUE);
  gtk_stack_add_named (GTK_STACK (self->content), GTK_WIDGET (self->views), "views");
  self->status = adw_status_page_new ();
  {
    GtkWidget *button = gtk_button_new ();
    gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (button, "pill");
    gtk_widget_add_css_class (button, "suggested-action");
    adw_status_page_set_child (ADW_STATUS_PAGE (self->status), button);
  }
  gtk_stack_add_named (GTK_STACK (self->content), self->status, "empty");
  gtk_box_append (GTK_BOX (self->box), self->content);
  /* long translations shorten in the views' switcher and the toolbar
   * rather than widen the window */
  ks_widget_shrink_labels (self->toolbar);
  update_actions (self);
}

GtkWidget *
ks_funnel_page_new (void)
{
  return g_object_new (KS_TYPE_FUNNEL_PAGE, NULL);
}

/* Public API */

void
ks_funnel_page_set_workspace (KsFunnelPage *self,
                              KsWorkspace  *workspace)
{
  static const char *const tables[] = {
    "opportunities", "funnel_stages", "stage_map", "settings", "people", "accounts", "products",
  };

  g_return_if_fail (KS_IS_FUNNEL_PAGE (self));

  if (self->workspace == workspace)
    return;
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  for (guint i = 0; workspace && i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", tables[i], NULL);
      g_signal_connect_swapped (workspace, signal, G_CALLBACK (queue_reload), self);
    }
  self->stage_filter = -1;
  ks_funnel_filter_bar_set_workspace (self->filter_bar, workspace);
  ks_opportunity_list_set_workspace (self->list, workspace);
  ks_evaluation_page_set_workspace (self->evaluation, NULL);
  self->list_dirty = TRUE;
  reload (self);
}

KsFunnelFilterBar *
ks_funnel_page_get_filter_bar (KsFunnelPage *self)
{
  g_return_val_if_fail (KS_IS_FUNNEL_PAGE (self), NULL);
  return self->filter_bar;
}

KsOpportunityList *
ks_funnel_page_get_list (KsFunnelPage *self)
{
  g_return_val_if_fail (KS_IS_FUNNEL_PAGE (self), NULL);
  return self->list;
}

KsFunnelChartView *
ks_funnel_page_get_funnel_view (KsFunnelPage *self)
{
  g_return_val_if_fail (KS_IS_FUNNEL_PAGE (self), NULL);
  return self->funnel_view;
}

KsEvaluationPage *
ks_funnel_page_get_evaluation_page (KsFunnelPage *self)
{
  g_return_val_if_fail (KS_IS_FUNNEL_PAGE (self), NULL);
  return self->evaluation;
}

void
ks_funnel_page_set_view (KsFunnelPage *self,
                         const char   *view)
{
  g_return_if_fail (KS_IS_FUNNEL_PAGE (self));

  if (adw_view_stack_get_child_by_name (self->views, view))
    adw_view_stack_set_visible_child_name (self->views, view);
}

const char *
ks_funnel_page_get_view (KsFunnelPage *self)
{
  g_return_val_if_fail (KS_IS_FUNNEL_PAGE (self), NULL);
  return adw_view_stack_get_visible_child_name (self->views);
}

void
ks_funnel_page_show_account (KsFunnelPage *self,
                             const char   *account)
{
  g_return_if_fail (KS_IS_FUNNEL_PAGE (self));

  ks_funnel_filter_bar_clear (self->filter_bar);
  ks_funnel_filter_bar_set_value (self->filter_bar, KS_FUNNEL_FILTER_ACCOUNT, account);
  if (self->stage_filter >= 0)
    on_all_stages (self);
  ks_funnel_page_flush (self);
}

gboolean
ks_funnel_page_show_opportunity (KsFunnelPage *self,
                                 const char   *account,
                                 gint64        id)
{
  g_return_val_if_fail (KS_IS_FUNNEL_PAGE (self), FALSE);

  ks_funnel_filter_bar_clear (self->filter_bar);
  if (account)
    ks_funnel_filter_bar_set_value (self->filter_bar, KS_FUNNEL_FILTER_ACCOUNT, account);
  if (self->stage_filter >= 0)
    on_all_stages (self);
  adw_view_stack_set_visible_child_name (self->views, "opportunities");
  ks_funnel_page_flush (self);
  return ks_opportunity_list_focus_id (self->list, id);
}

void
ks_funnel_page_show_stage (KsFunnelPage *self,
                           int           band)
{
  g_return_if_fail (KS_IS_FUNNEL_PAGE (self));

  if (band < 0)
    {
      on_all_stages (self);
      return;
    }
  if (!self->report || (guint) band >= self->report->stages->len)
    return;
  self->stage_filter = g_array_index (self->report->stages, KsFunnelStageRow, band).stage_id;
  ks_funnel_chart_view_set_selected (self->funnel_view, band);
  self->list_dirty = TRUE;
  adw_view_stack_set_visible_child_name (self->views, "opportunities");
  load_visible (self);
}

gint64
ks_funnel_page_get_stage_filter (KsFunnelPage *self)
{
  g_return_val_if_fail (KS_IS_FUNNEL_PAGE (self), -1);
  return self->stage_filter;
}

void
ks_funnel_page_flush (KsFunnelPage *self)
{
  g_return_if_fail (KS_IS_FUNNEL_PAGE (self));

  if (self->reload_id)
    reload (self);
  ks_opportunity_model_finish (ks_opportunity_list_get_model (self->list));
}

const char *
ks_funnel_page_get_empty_title (KsFunnelPage *self)
{
  g_return_val_if_fail (KS_IS_FUNNEL_PAGE (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->content)), "empty") != 0)
    return NULL;
  return adw_status_page_get_title (ADW_STATUS_PAGE (self->status));
}

const char *
ks_funnel_page_get_stat (KsFunnelPage *self,
                         const char   *key)
{
  g_return_val_if_fail (KS_IS_FUNNEL_PAGE (self), NULL);

  for (guint i = 0; i < N_STATS; i++)
    if (g_strcmp0 (stat_keys[i], key) == 0)
      return adw_action_row_get_subtitle (ADW_ACTION_ROW (self->stat_rows[i]));
  return NULL;
}

GtkWindow *
ks_funnel_page_show_stages (KsFunnelPage *self)
{
  GtkWindow *dialog;

  g_return_val_if_fail (KS_IS_FUNNEL_PAGE (self), NULL);

  if (!self->workspace)
    return NULL;
  dialog = ks_stage_dialog_new (GTK_WIDGET (self), self->workspace);
  gtk_window_present (dialog);
  return dialog;
}

gboolean
ks_funnel_page_export (KsFunnelPage *self,
                       const char   *path,
                       GError      **error)
{
  const char *view;
  gboolean forecast;

  g_return_val_if_fail (KS_IS_FUNNEL_PAGE (self), FALSE);

  view = ks_funnel_page_get_view (self);
  if (g_strcmp0 (view, "evaluation") == 0)
    {
      if (self->evaluation_dirty)
        load_evaluation (self);
      return ks_evaluation_page_export (self->evaluation, path, error);
    }
  forecast = g_strcmp0 (view, "forecast") == 0;
  if (forecast && self->forecast_dirty)
    load_forecast (self);
  else if (!forecast && self->funnel_dirty)
    load_funnel (self);
  return ks_funnel_chart_view_export (forecast ? self->forecast_view : self->funnel_view, path, error);
}

gboolean
ks_funnel_page_print (KsFunnelPage *self,
                      const char   *export_pdf,
                      GError      **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  gboolean evaluation;

  g_return_val_if_fail (KS_IS_FUNNEL_PAGE (self), FALSE);

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), self);
  evaluation = g_strcmp0 (ks_funnel_page_get_view (self), "evaluation") == 0;
  if (evaluation && self->evaluation_dirty)
    load_evaluation (self);
  return ks_print_operation_run (operation, GTK_WIDGET (self),
                                 evaluation ? _("Opportunity evaluation") : _("Sales funnel"), export_pdf, error);
}
