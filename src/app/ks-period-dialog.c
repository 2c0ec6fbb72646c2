/* ks-period-dialog.c — the portfolio page's "New Review Period" dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * portfolio.new-period: the name (the quarter after the last period
 * suggested) and whether to start from the scores of the period shown; the
 * period, the copied scores and the new current period are one undo step.
 */
#define G_LOG_DOMAIN "ks-portfolio-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ks-app-util.h"
#include "ks-portfolio-page-private.h"

/* "2026-Q3" → "2026-Q4", "2026-Q4" → "2027-Q1"; otherwise "" */
static char *
next_period_name (const char *name)
{
  int year, quarter;
  char tail;

  if (name && sscanf (name, "%d-Q%d%c", &year, &quarter, &tail) == 2 && quarter >= 1 && quarter <= 4)
    return quarter == 4 ? g_strdup_printf ("%d-Q1", year + 1) : g_strdup_printf ("%d-Q%d", year, quarter + 1);
  return g_strdup ("");
}

static void
on_period_response (AdwMessageDialog *dialog,
                    const char       *response,
                    KsPortfolioPage  *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *entry = gtk_widget_get_first_child (box);
  GtkWidget *copy = gtk_widget_get_next_sibling (entry);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  g_autoptr(KsScoreTable) from = NULL;
  gint64 from_id = self->portfolio ? self->portfolio->period_id : 0;
  gint64 id;

  if (!g_str_equal (response, "add"))
    return;
  if (!ks_workspace_begin (self->workspace, _("Add Review Period"), &error))
    goto failed;
  id = ks_period_ensure (self->workspace, name, TRUE, &error);
  if (!id)
    goto rollback;
  if (from_id && gtk_check_button_get_active (GTK_CHECK_BUTTON (copy)))
    {
      /* start from the last review's scores: a review changes some, not all */
      from = ks_score_table_load (self->workspace, from_id, FALSE, &error);
      if (!from)
        goto rollback;
      for (guint i = 0; i < from->accounts->len; i++)
        {
          KsAccountScore *row = g_ptr_array_index (from->accounts, i);

          for (guint c = 0; c < from->criteria->len; c++)
            if (!isnan (row->scores[c]) &&
                !ks_score_set (self->workspace, row->account_id, id,
                               ((KsCriterion *) g_ptr_array_index (from->criteria, c))->id,
                               row->scores[c], row->explanations[c], &error))
              goto rollback;
        }
    }
  if (!ks_period_set_current (self->workspace, id, &error) ||
      !ks_workspace_commit (self->workspace, &error))
    goto rollback;
  self->period_id = id;
  self->compare_id = 0;
  _ks_portfolio_page_queue_reload (self);
  ks_widget_add_undo_toast (GTK_WIDGET (self), _("Added the review period"));
  return;

rollback:
  ks_workspace_rollback (self->workspace);
failed:
  ks_message_dialog_show (GTK_WIDGET (self), _("Could Not Add the Review Period"), error->message);
}

static void
on_period_name_changed (GtkEditable      *entry,
                        AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", *name != '\0');
}

void
_ks_portfolio_page_new_period_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  KsPortfolioPage *self = KS_PORTFOLIO_PAGE (widget);
  const char *last = self->periods && self->periods->len
                       ? ((KsPeriod *) g_ptr_array_index (self->periods, self->periods->len - 1))->name : NULL;
  g_autofree char *suggestion = next_period_name (last);
  g_autofree char *copy_label = NULL;
  GtkWidget *dialog, *box, *entry, *copy;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("New Review Period"),
                                   _("Name it after the quarter or half year it reviews, such as "
                                     "2026-Q4: periods are sorted by name."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), suggestion);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Period name"), -1);
  gtk_box_append (GTK_BOX (box), entry);
  copy_label = self->portfolio && self->portfolio->period
    /* Translators: a check box in the new-period dialog, e.g. "Start from the scores of 2026-Q3" */
    ? g_strdup_printf (_("Start from the scores of %s"), self->portfolio->period)
    : g_strdup (_("Start from the current scores"));
  copy = gtk_check_button_new_with_label (copy_label);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (copy), self->portfolio && self->portfolio->period);
  gtk_widget_set_sensitive (copy, self->portfolio && self->portfolio->period);
  gtk_box_append (GTK_BOX (box), copy);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_period_name_changed), dialog);
  on_period_name_changed (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_period_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
