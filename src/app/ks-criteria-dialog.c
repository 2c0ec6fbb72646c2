/* ks-criteria-dialog.c — the portfolio page's "Criteria and Weights" dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * portfolio.edit-criteria: a row per criterion (name, weight, remove), the
 * sum of the weights checked as a whole set (ks_score_weights_check) as
 * they are typed, and one ks_criteria_set() call, one undo step, on Save.
 */
#define G_LOG_DOMAIN "ks-portfolio-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ks-app-util.h"
#include "ks-portfolio-page-private.h"

typedef struct
{
  KsPortfolioPage *page;
  GtkWidget       *dialog;
  GtkWidget       *rows;       /* GtkBox of GtkBox rows: entry, spin button, remove */
  GtkWidget       *sum_label;
  GArray          *ids;        /* gint64 per row, 0 = new */
} CriteriaEditor;

static void
criteria_editor_free (gpointer  data,
                      GClosure *closure)
{
  CriteriaEditor *editor = data;

  g_array_unref (editor->ids);
  g_free (editor);
}

static void criteria_editor_update (CriteriaEditor *editor);

static void
on_remove_criterion (GtkButton      *button,
                     CriteriaEditor *editor)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (button));
  guint index = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (editor->rows); w && w != row; w = gtk_widget_get_next_sibling (w))
    index++;
  g_array_remove_index (editor->ids, index);
  gtk_box_remove (GTK_BOX (editor->rows), row);
  criteria_editor_update (editor);
}

static void
criteria_editor_add_row (CriteriaEditor *editor,
                         gint64          id,
                         const char     *name,
                         double          weight)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 1);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Criterion"), -1);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), weight);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Weight"), -1);
  gtk_widget_set_tooltip_text (remove, _("Remove the criterion and its scores"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"), -1);
  gtk_box_append (GTK_BOX (row), entry);
  gtk_box_append (GTK_BOX (row), spin);
  gtk_box_append (GTK_BOX (row), remove);
  gtk_box_append (GTK_BOX (editor->rows), row);
  g_array_append_val (editor->ids, id);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (criteria_editor_update), editor);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (criteria_editor_update), editor);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_criterion), editor);
}

/* Reads the rows into criteria (names borrowed from the entries). */
static GArray *
criteria_editor_read (CriteriaEditor *editor)
{
  GArray *criteria = g_array_new (FALSE, TRUE, sizeof (KsCriterion));
  guint i = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (editor->rows); row; row = gtk_widget_get_next_sibling (row), i++)
    {
      GtkWidget *entry = gtk_widget_get_first_child (row);
      GtkWidget *spin = gtk_widget_get_next_sibling (entry);
      KsCriterion c = {
        g_array_index (editor->ids, gint64, i),
        (char *) gtk_editable_get_text (GTK_EDITABLE (entry)),
        gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)),
      };

      g_array_append_val (criteria, c);
    }
  return criteria;
}

static void
criteria_editor_update (CriteriaEditor *editor)
{
  g_autoptr(GArray) criteria = criteria_editor_read (editor);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  double sum = 0;

  for (guint i = 0; i < criteria->len; i++)
    {
      KsCriterion *c = &g_array_index (criteria, KsCriterion, i);

      g_ptr_array_add (names, c->name);
      g_array_append_val (weights, c->weight);
      sum += c->weight;
    }
  if (ks_score_weights_check ((const char * const *) names->pdata, (const double *) weights->data,
                              criteria->len, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The weights add up to %g."), sum);

      gtk_label_set_text (GTK_LABEL (editor->sum_label), text);
      gtk_widget_remove_css_class (editor->sum_label, "error");
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (editor->dialog), "save", TRUE);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (editor->sum_label), error->message);
      gtk_widget_add_css_class (editor->sum_label, "error");
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (editor->dialog), "save", FALSE);
    }
}

static void
on_add_criterion (GtkButton      *button,
                  CriteriaEditor *editor)
{
  criteria_editor_add_row (editor, 0, "", 0);
  criteria_editor_update (editor);
}

static void
on_criteria_response (AdwMessageDialog *dialog,
                      const char       *response,
                      CriteriaEditor   *editor)
{
  if (g_str_equal (response, "save"))
    {
      g_autoptr(GArray) criteria = criteria_editor_read (editor);
      g_autoptr(GError) error = NULL;

      if (ks_criteria_set (editor->page->workspace, (const KsCriterion *) criteria->data, criteria->len, &error))
        ks_widget_add_undo_toast (GTK_WIDGET (editor->page), _("Changed the criteria"));
      else
        ks_message_dialog_show (GTK_WIDGET (editor->page), _("Could Not Change the Criteria"), error->message);
    }
}

void
_ks_portfolio_page_edit_criteria_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  KsPortfolioPage *self = KS_PORTFOLIO_PAGE (widget);
  g_autoptr(GPtrArray) criteria = ks_criteria_list (self->workspace, NULL);
  CriteriaEditor *editor = g_new0 (CriteriaEditor, 1);
  GtkWidget *box, *add;

  editor->page = self;
  editor->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  editor->dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                           _("Criteria and Weights"),
                                           _("Each account is scored 0–100 on every criterion; the "
                                             "weighted score is Σ weight × score / 100. The weights "
                                             "must add up to 100. Removing a criterion removes its "
                                             "scores (Undo brings them back)."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  editor->rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), editor->rows);
  add = gtk_button_new_with_mnemonic (_("_Add Criterion"));
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_criterion), editor);
  gtk_box_append (GTK_BOX (box), add);
  editor->sum_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (editor->sum_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (editor->sum_label), 0);
  gtk_box_append (GTK_BOX (box), editor->sum_label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (editor->dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (editor->dialog),
                                    "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (editor->dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (editor->dialog), "cancel");
  for (guint i = 0; criteria && i < criteria->len; i++)
    {
      KsCriterion *c = g_ptr_array_index (criteria, i);

      criteria_editor_add_row (editor, c->id, c->name, c->weight);
    }
  criteria_editor_update (editor);
  g_signal_connect_data (editor->dialog, "response", G_CALLBACK (on_criteria_response), editor,
                         criteria_editor_free, 0);
  gtk_window_present (GTK_WINDOW (editor->dialog));
}
