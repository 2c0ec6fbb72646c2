/* ks-import-dialog.c — the dialog that reports an import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One report for every import the app runs (a CRM export, an account's
 * contacts): what came in and the warnings, or why nothing did, each
 * problem with its file, line and column.
 */
#define G_LOG_DOMAIN "ks-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ks-import-dialog.h"

#define MAX_REPORT_LINES 500

static char *
format_issues (GPtrArray *issues)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; issues && i < issues->len; i++)
    {
      KsImportIssue *issue = g_ptr_array_index (issues, i);

      if (i == MAX_REPORT_LINES)
        {
          g_string_append_printf (text, _("…and %u more"), issues->len - i);
          break;
        }
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, issue->file ? issue->file : "");
      if (issue->line > 0)
        g_string_append_printf (text, ":%u", issue->line);
      if (issue->line > 0 && issue->column > 0)
        g_string_append_printf (text, ":%u", issue->column);
      g_string_append_printf (text, ": %s", issue->message);
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
issue_list_new (const char *text)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "issue-list");
  gtk_widget_add_css_class (label, "caption");

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  /* wide enough for "file:line:column: message", tall enough to read a few */
  gtk_widget_set_size_request (scrolled, 480, -1);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 96);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_widget_add_css_class (scrolled, "card");
  return scrolled;
}

GtkWindow *
ks_import_dialog_show (GtkWidget            *parent,
                       gboolean              ok,
                       const char           *summary,
                       const KsImportReport *report,
                       const GError         *error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *issues = NULL;
  AdwMessageDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (report != NULL, NULL);

  if (ok)
    {
      g_string_append (body, summary);
      g_string_append (body, " ");
      g_string_append (body, _("Undo takes the whole import back."));
      if (report->warnings && report->warnings->len > 0)
        {
          g_string_append (body, "\n\n");
          g_string_append_printf (body,
                                  ngettext ("%u warning: kept, but check it:",
                                            "%u warnings: kept, but check them:", report->warnings->len),
                                  report->warnings->len);
          issues = format_issues (report->warnings);
        }
    }
  else
    {
      g_string_append (body, _("Nothing was imported."));
      if (report->errors && report->errors->len > 0)
        {
          g_string_append (body, " ");
          g_string_append (body, _("Fix these problems in the files, then import again:"));
          issues = format_issues (report->errors);
        }
      else if (error)
        {
          g_string_append (body, "\n\n");
          g_string_append (body, error->message);
        }
    }

  root = gtk_widget_get_root (parent);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       ok ? _("Import Finished") : _("Import Refused"),
                                                       body->str));
  if (issues)
    adw_message_dialog_set_extra_child (dialog, issue_list_new (issues));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
