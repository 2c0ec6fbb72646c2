/* ks-account-opportunities.c — the account page's opportunities section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The most recent opportunities with the account, the counts and value of
 * all of them (won, lost, open), and the open and won figures of the
 * header.
 */
#define G_LOG_DOMAIN "ks-account-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ks-account-page-private.h"
#include "ks-opportunity.h"

#define RECENT_OPPORTUNITIES 5

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

void
_ks_account_page_refresh_opportunities (KsAccountPage *self)
{
  g_autoptr(GListModel) opportunities = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *open_text = NULL;
  g_autofree char *won_text = NULL;
  g_autofree char *won_full = NULL;
  double won_value = 0, total_value = 0;
  gboolean any_value = FALSE;
  guint n, n_open = 0, n_won = 0, n_lost = 0;

  ks_list_box_remove_rows (self->opportunities_list);

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
      KsOutcome outcome = ks_opportunity_stage_outcome (ks_opportunity_get_stage (o));

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
        {
          g_autoptr(GString) subtitle = g_string_new (NULL);
          const char *title = ks_opportunity_get_title (o);
          const char *product = ks_opportunity_get_product_name (o);
          const char *close_date = ks_opportunity_get_close_date (o);
          const char *engage_date = ks_opportunity_get_engage_date (o);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *stage = gtk_label_new (nonnull (ks_opportunity_get_stage (o)));
          GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

          if (!title || !*title)
            title = product;
          else
            ks_string_append_part (subtitle, product);
          if (!title || !*title)
            title = ks_opportunity_get_ref (o);

          if (close_date && *close_date)
            {
              g_autofree char *d = format_date (close_date);
              /* Translators: when an opportunity was won or lost */
              g_autofree char *t = g_strdup_printf (_("closed %s"), d);
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

          gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
          if (!isnan (value))
            {
              g_autofree char *value_text = ks_format_number (value, 0);
              GtkWidget *label = gtk_label_new (value_text);
              gtk_label_set_xalign (GTK_LABEL (label), 1);
              gtk_widget_add_css_class (label, "numeric");
              gtk_box_append (GTK_BOX (suffix), label);
            }
          gtk_label_set_xalign (GTK_LABEL (stage), 1);
          gtk_widget_add_css_class (stage, "caption");
          gtk_widget_add_css_class (stage, outcome == KS_OUTCOME_WON ? "stage-won"
                                    : outcome == KS_OUTCOME_LOST ? "stage-lost" : "stage-open");
          gtk_box_append (GTK_BOX (suffix), stage);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
          gtk_list_box_append (self->opportunities_list, row);
        }
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
