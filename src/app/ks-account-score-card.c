/* ks-account-score-card.c — the account page's score card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The account's scores in the latest scored review period, each with its
 * criterion, weight and explanation, the weighted score and band with the
 * change since the period before, and the weighted score of every period.
 */
#define G_LOG_DOMAIN "ks-account-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ks-account-page-private.h"
#include "ks-scoring.h"

/* Helpers */

static GtkWidget *
score_row (const char *title,
           const char *subtitle,
           const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  if (subtitle && *subtitle)
    {
      g_autofree char *escaped_sub = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_sub);
    }
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static char *
format_score (double score)
{
  return isnan (score) ? g_strdup ("—") : ks_format_number (score, score == floor (score) ? 0 : 1);
}

/* The score card: this account's scores in the latest scored period, its
 * weighted score and band, and the weighted score of every period. */
void
_ks_account_page_refresh_scores (KsAccountPage *self)
{
  g_autoptr(KsScoreHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) trend = g_string_new (NULL);
  KsScoreHistoryItem *latest = NULL, *before = NULL;
  g_autoptr(KsScoreTable) table = NULL;
  KsAccountScore *row = NULL;
  g_autofree char *description = NULL;

  ks_list_box_remove_rows (self->scores_list);
  history = ks_score_history_load (self->workspace, self->account_id, &error);
  if (!history)
    {
      g_warning ("Could not read the scores: %s", error->message);
      return;
    }
  for (guint i = 0; i < history->periods->len; i++)
    {
      KsScoreHistoryItem *item = g_ptr_array_index (history->periods, i);

      if (item->n_scored == 0)
        continue;
      before = latest;
      latest = item;
    }
  if (!latest)
    {
      adw_preferences_group_set_description (self->scores_group,
                                             _("Not scored in any review period yet."));
      return;
    }

  {
    g_autofree char *score = ks_format_number (latest->weighted, 1);

    if (before)
      {
        g_autofree char *change = ks_format_number (fabs (latest->weighted - before->weighted), 1);

        description = latest->weighted == before->weighted
          /* Translators: e.g. "2026-Q3: 63.5, good — unchanged since 2026-Q2" */
          ? g_strdup_printf (_("%s: %s, %s — unchanged since %s"), latest->period, score,
                             ks_score_band_label (latest->band), before->period)
          : g_strdup_printf (latest->weighted > before->weighted
                               /* Translators: e.g. "2026-Q3: 63.5, good — up 4.5 since 2026-Q2" */
                               ? _("%s: %s, %s — up %s since %s")
                               : _("%s: %s, %s — down %s since %s"),
                             latest->period, score, ks_score_band_label (latest->band), change,
                             before->period);
      }
    else
      /* Translators: e.g. "2026-Q3: 63.5, good" */
      description = g_strdup_printf (_("%s: %s, %s"), latest->period, score,
                                     ks_score_band_label (latest->band));
    adw_preferences_group_set_description (self->scores_group, description);
  }

  /* explanations come with the period's table */
  table = ks_score_table_load (self->workspace, latest->period_id, FALSE, NULL);
  row = table ? ks_score_table_find (table, self->account_id) : NULL;
  for (guint c = 0; c < history->criteria->len; c++)
    {
      KsCriterion *criterion = g_ptr_array_index (history->criteria, c);
      g_autofree char *weight = ks_format_number (criterion->weight, criterion->weight == floor (criterion->weight) ? 0 : 1);
      /* Translators: a criterion with its weight, e.g. "Yield strength · weight 30" */
      g_autofree char *title = g_strdup_printf (_("%s · weight %s"), criterion->name, weight);
      g_autofree char *value = format_score (latest->scores[c]);
      const char *explanation = row && c < table->criteria->len ? row->explanations[c] : NULL;

      gtk_list_box_append (self->scores_list, score_row (title, explanation, value));
    }

  for (guint i = 0; i < history->periods->len; i++)
    {
      KsScoreHistoryItem *item = g_ptr_array_index (history->periods, i);
      g_autofree char *score = NULL;

      if (item->n_scored == 0)
        continue;
      score = ks_format_number (item->weighted, 1);
      if (trend->len)
        g_string_append (trend, "  →  ");
      g_string_append_printf (trend, "%s %s (%s)", item->period, score, ks_score_band_label (item->band));
    }
  gtk_list_box_append (self->scores_list, score_row (_("History"), trend->str, ""));
}
