/* ks-account-opportunities.c — the account page's funnel and opportunities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The account's slice of the funnel (open, weighted, won, lost, hit rate:
 * ks_funnel_report_load filtered to the account's name) with Open in
 * Funnel; the most recent opportunities with their stage, value, close
 * date and momentum; the counts and value of all of them (won, lost,
 * open), and the open and won figures of the header.
 */
#define G_LOG_DOMAIN "ks-account-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ks-account-page-private.h"
#include "ks-funnel.h"
#include "ks-opportunity.h"
#include "ks-opportunity-query.h"

#define RECENT_OPPORTUNITIES 5

static const char *const funnel_keys[KS_ACCOUNT_FUNNEL_N_STATS] = {
  "open", "weighted", "won", "lost", "hit-rate",
};

/* Helpers */

static char *
format_date (const char *iso)
{
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  if (!iso || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (nonnull (iso));
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (!dt)
    return g_strdup (iso);
  /* Translators: a date as in "1 Mar 2017"; see g_date_time_format() */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

/* Money as the rest of the account page shows it (the locale's grouping). */
static char *
money (double value)
{
  return ks_format_number (isnan (value) ? 0 : round (value), 0);
}

static char *
count_and_value (guint  count,
                 double value)
{
  g_autofree char *v = money (value);
  /* Translators: a count of opportunities and their value, e.g. "12 · 340,000" */
  return g_strdup_printf (ngettext ("%u opportunity · %s", "%u opportunities · %s", count), count, v);
}

static const char *
momentum_label (KsMomentum momentum)
{
  switch (momentum)
    {
    case KS_MOMENTUM_DEVELOPING: return C_("momentum", "Developing");
    case KS_MOMENTUM_STABLE: return C_("momentum", "Stable");
    case KS_MOMENTUM_FADING:
    default: return C_("momentum", "Fading");
    }
}

static void
set_funnel_stat (KsAccountPage *self,
                 guint          index,
                 const char    *text)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->funnel_rows[index]), text);
}

/* The account's slice of the funnel, and the button's target. */
static void
refresh_funnel (KsAccountPage *self)
{
  g_autoptr(KsFunnelReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = ks_account_get_name (self->account);
  KsFunnelFilter filter = { 0 };
  g_autofree char *open = NULL, *weighted = NULL, *won = NULL, *lost = NULL, *hit = NULL;

  /* the target first: the action takes the account's name */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->funnel_button), "s", nonnull (name));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->funnel_button), "win.show-funnel-for-account");
  filter.account = name;
  report = ks_funnel_report_load (self->workspace, &filter, &error);
  if (!report)
    {
      g_warning ("Could not read the funnel of %s: %s", nonnull (name), error->message);
      for (guint i = 0; i < KS_ACCOUNT_FUNNEL_N_STATS; i++)
        set_funnel_stat (self, i, "");
      return;
    }
  open = count_and_value (report->open_count, report->open_value);
  weighted = money (report->open_weighted);
  won = count_and_value (report->won_count, report->won_value);
  lost = g_strdup_printf (ngettext ("%u opportunity", "%u opportunities", report->lost_count), report->lost_count);
  hit = isnan (report->hit_rate) ? g_strdup (_("None closed yet"))
                                 /* Translators: a hit rate, e.g. "32 %" */
                                 : g_strdup_printf (_("%.0f %%"), report->hit_rate);
  set_funnel_stat (self, 0, open);
  set_funnel_stat (self, 1, weighted);
  set_funnel_stat (self, 2, won);
  set_funnel_stat (self, 3, lost);
  set_funnel_stat (self, 4, hit);
}

void
_ks_account_page_init_opportunities (KsAccountPage *self)
{
  static const char *titles[KS_ACCOUNT_FUNNEL_N_STATS] = {
    /* Translators: the rows of an account's slice of the sales funnel */
    N_("Open"), N_("Weighted Open Value"), N_("Won"), N_("Lost"), N_("Hit Rate"),
  };

  for (guint i = 0; i < KS_ACCOUNT_FUNNEL_N_STATS; i++)
    {
      self->funnel_rows[i] = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->funnel_rows[i]), _(titles[i]));
      gtk_widget_add_css_class (self->funnel_rows[i], "property");
      gtk_list_box_append (self->funnel_list, self->funnel_rows[i]);
    }
}

/* One opportunity: title (else product, else ref); product and close
 * date below (expected while open, else closed, else engaged); momentum,
 * value and stage on the right, fading and an unmapped stage as warnings. */
static void
add_row (KsAccountPage *self,
         KsOpportunity *o,
         const char    *today,
         guint          fading_weeks)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  KsOutcome outcome = ks_opportunity_get_outcome (o);
  double value = ks_opportunity_get_value (o);
  const char *title = ks_opportunity_get_title (o);
  const char *product = ks_opportunity_get_product_name (o);
  const char *close_date = ks_opportunity_get_close_date (o);
  const char *expected = ks_opportunity_get_expected_close_date (o);
  const char *engage_date = ks_opportunity_get_engage_date (o);
  gboolean unmapped = ks_opportunity_get_stage_id (o) == 0;
  g_autofree char *stage_text = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *stage;
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  if (!title || !*title)
    title = product;
  else
    ks_string_append_part (subtitle, product);
  if (!title || !*title)
    title = ks_opportunity_get_ref (o);

  if (outcome == KS_OUTCOME_OPEN && expected && *expected)
    {
      g_autofree char *d = format_date (expected);
      /* Translators: when an open opportunity is expected to close */
      g_autofree char *t = g_strdup_printf (_("expected %s"), d);
      ks_string_append_part (subtitle, t);
    }
  else if (close_date && *close_date)
    {
      g_autofree char *d = format_date (close_date);
      /* Translators: when an opportunity was won or lost, or is to close */
      g_autofree char *t = g_strdup_printf (outcome == KS_OUTCOME_OPEN ? _("closing %s") : _("closed %s"), d);
      ks_string_append_part (subtitle, t);
    }
  else if (engage_date && *engage_date)
    {
      g_autofree char *d = format_date (engage_date);
      /* Translators: when work on an opportunity began */
      g_autofree char *t = g_strdup_printf (_("engaged %s"), d);
      ks_string_append_part (subtitle, t);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), nonnull (title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);

  if (outcome == KS_OUTCOME_OPEN && !unmapped)
    {
      KsMomentum momentum = ks_momentum_effective (ks_opportunity_get_momentum (o), outcome,
                                                   ks_opportunity_get_last_activity (o),
                                                   ks_opportunity_get_stage_date (o), engage_date,
                                                   today, fading_weeks);
      GtkWidget *label = gtk_label_new (momentum_label (momentum));

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, momentum == KS_MOMENTUM_FADING ? "warning" : "dim-label");
      gtk_widget_set_margin_end (label, 12);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  if (!isnan (value))
    {
      g_autofree char *value_text = ks_format_number (value, 0);
      GtkWidget *label = gtk_label_new (value_text);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
      gtk_box_append (GTK_BOX (suffix), label);
    }
  if (unmapped && *nonnull (ks_opportunity_get_stage (o)))
    /* Translators: an imported stage name that no funnel stage stands for, e.g. "Prospecting (unmapped)" */
    stage_text = g_strdup_printf (_("%s (unmapped)"), ks_opportunity_get_stage (o));
  else
    stage_text = g_strdup (unmapped ? "" : nonnull (ks_opportunity_get_stage_name (o)));
  stage = gtk_label_new (stage_text);
  gtk_label_set_xalign (GTK_LABEL (stage), 1);
  gtk_widget_add_css_class (stage, "caption");
  gtk_widget_add_css_class (stage, unmapped ? "warning"
                            : outcome == KS_OUTCOME_WON ? "stage-won"
                            : outcome == KS_OUTCOME_LOST ? "stage-lost" : "stage-open");
  gtk_box_append (GTK_BOX (suffix), stage);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  gtk_list_box_append (self->opportunities_list, row);
}

void
_ks_account_page_refresh_opportunities (KsAccountPage *self)
{
  g_autoptr(GListModel) opportunities = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *open_text = NULL;
  g_autofree char *won_text = NULL;
  g_autofree char *won_full = NULL;
  g_autofree char *today = ks_opportunity_query_today ();
  guint fading_weeks = ks_funnel_get_fading_weeks (self->workspace);
  double won_value = 0, total_value = 0;
  gboolean any_value = FALSE;
  guint n, n_open = 0, n_won = 0, n_lost = 0;

  ks_list_box_remove_rows (self->opportunities_list);
  refresh_funnel (self);

  opportunities = ks_opportunity_list_for_account (self->workspace, self->account_id, &error);
  if (!opportunities)
    {
      g_warning ("Could not read the opportunities: %s", error->message);
      return;
    }
  n = g_list_model_get_n_items (opportunities);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsOpportunity) o = g_list_model_get_item (opportunities, i);
      double value = ks_opportunity_get_value (o);
      KsOutcome outcome = ks_opportunity_get_outcome (o);

      if (!isnan (value))
        {
          total_value += value;
          any_value = TRUE;
        }

      if (outcome == KS_OUTCOME_WON)
        {
          n_won++;
          if (!isnan (value))
            won_value += value;
        }
      else if (outcome == KS_OUTCOME_LOST)
        n_lost++;
      else
        n_open++;

      if (i < RECENT_OPPORTUNITIES)
        add_row (self, o, today, fading_weeks);
    }

  open_text = ks_format_number (n_open, 0);
  gtk_label_set_label (self->open_figure, open_text);
  won_text = n_won > 0 ? ks_format_compact (won_value) : g_strdup ("—");
  won_full = n_won > 0 ? ks_format_number (won_value, 0) : NULL;
  gtk_label_set_label (self->won_figure, won_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->won_figure), won_full);

  {
    g_autofree char *description = NULL;
    if (n > 0)
      {
        g_autofree char *total = g_strdup_printf (ngettext ("%u opportunity", "%u opportunities", n), n);
        g_autofree char *value = ks_format_number (total_value, 0);

        if (any_value)
          /* Translators: "9 opportunities worth 612,800: 2 won, 3 lost, 4 open" */
          description = g_strdup_printf (_("%s worth %s: %u won, %u lost, %u open"),
                                         total, value, n_won, n_lost, n_open);
        else
          /* Translators: "9 opportunities: 2 won, 3 lost, 4 open" */
          description = g_strdup_printf (_("%s: %u won, %u lost, %u open"), total, n_won, n_lost, n_open);
        if (n > RECENT_OPPORTUNITIES)
          {
            g_autofree char *d = description;
            /* Translators: appended to the line above */
            description = g_strdup_printf (_("%s · the %d most recent"), d, RECENT_OPPORTUNITIES);
          }
      }
    adw_preferences_group_set_description (self->opportunities_group, description);
  }
}

/* Public API */

const char *
ks_account_page_get_funnel_stat (KsAccountPage *self,
                                 const char    *key)
{
  g_return_val_if_fail (KS_IS_ACCOUNT_PAGE (self), NULL);

  for (guint i = 0; i < KS_ACCOUNT_FUNNEL_N_STATS; i++)
    if (g_strcmp0 (funnel_keys[i], key) == 0)
      return adw_action_row_get_subtitle (ADW_ACTION_ROW (self->funnel_rows[i]));
  return NULL;
}

GtkWidget *
ks_account_page_get_funnel_button (KsAccountPage *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT_PAGE (self), NULL);
  return self->funnel_button;
}
