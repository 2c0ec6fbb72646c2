/* ks-window-import-export.c — the main window's imports and exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import CRM Export (a folder of CSV files, with the report of what came in
 * or why nothing did), Import Workspace JSON (replacing a workspace that is
 * not empty, after asking) and Export Workspace JSON. After a large CRM
 * import (or opening a workspace keystone-cli imported into), the search
 * index catches up on idle, a slice at a time.
 */
#define G_LOG_DOMAIN "ks-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ks-crm-import.h"
#include "ks-import-dialog.h"
#include "ks-json.h"
#include "ks-search.h"
#include "ks-window-private.h"

/* Opportunity ids indexed per idle: 11 ms on average on the development
 * machine, 56 ms at worst when FTS5 merges its segments (bench-search at
 * ×100: 440 slices, 4.7 s in all), so the window stays responsive. */
#define CATCH_UP_SLICE 2000

typedef struct
{
  GWeakRef     window;
  KsWorkspace *workspace;
} CatchUp;


static void
catch_up_free (CatchUp *c)
{
  g_weak_ref_clear (&c->window);
  g_object_unref (c->workspace);
  g_free (c);
}

static gboolean
catch_up_step (gpointer data)
{
  CatchUp *c = data;
  g_autoptr(KsWindow) self = g_weak_ref_get (&c->window);
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  /* The window closed or shows another workspace: that one is caught up
   * by its next search. */
  if (!self || self->workspace != c->workspace)
    return G_SOURCE_REMOVE;
  if (!ks_search_catch_up_some (c->workspace, CATCH_UP_SLICE, &done, &error))
    {
      g_autofree char *title = g_strdup_printf (_("Could not index the imported opportunities for search: %s"),
                                                error->message);
      ks_window_add_toast (self, title);
      return G_SOURCE_REMOVE;
    }
  return done ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

void
_ks_window_catch_up_search (KsWindow *self)
{
  CatchUp *c;

  if (!self->workspace || ks_workspace_is_read_only (self->workspace))
    return;
  c = g_new0 (CatchUp, 1);
  g_weak_ref_init (&c->window, self);
  c->workspace = g_object_ref (self->workspace);
  /* Below redraws and the pages' own idles. */
  g_idle_add_full (G_PRIORITY_LOW, catch_up_step, c, (GDestroyNotify) catch_up_free);
}

static void
import_crm_done (KsWindow *self,
                 GFile    *file)
{
  g_autofree char *dir = g_file_get_path (file);

  if (dir)
    ks_window_import_crm (self, dir);
}

GtkWindow *
ks_window_import_crm (KsWindow   *self,
                      const char *dir)
{
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gboolean ok;

  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  if (!self->workspace)
    return NULL;
  ks_account_page_flush (self->account_page);
  _ks_window_flush_plan (self);
  ok = ks_crm_import (self->workspace, dir, FALSE, report, &error);

  if (ok)
    {
      g_autofree char *accounts = KS_FORMAT_COUNT ("%s account", "%s accounts", report->accounts);
      g_autofree char *people = KS_FORMAT_COUNT ("%s person", "%s people", report->people);
      g_autofree char *products = KS_FORMAT_COUNT ("%s product", "%s products", report->products);
      g_autofree char *opportunities = KS_FORMAT_COUNT ("%s opportunity", "%s opportunities",
                                                        report->opportunities);

      /* Translators: "Imported 85 accounts, 41 people, 7 products, 8,800 opportunities." */
      summary = g_strdup_printf (_("Imported %s, %s, %s, %s."), accounts, people, products, opportunities);
      _ks_window_catch_up_search (self);
    }
  return ks_import_dialog_show (GTK_WIDGET (self), ok, summary, report, error);
}

/* Returns the error dialog, or NULL when imported. */
static GtkWindow *
import_json_now (KsWindow   *self,
                 const char *path,
                 gboolean    replace)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = display_name (path);

  ks_account_page_flush (self->account_page);
  _ks_window_flush_plan (self);
  if (!ks_json_import_file (self->workspace, path, replace, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), name);
      g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message, _("Nothing was changed."));
      return GTK_WINDOW (ks_message_dialog_show (GTK_WIDGET (self), heading, body));
    }
  {
    g_autofree char *title = g_strdup_printf (_("Imported “%s”"), name);
    ks_window_add_undo_toast (self, title);
  }
  return NULL;
}

static void
on_replace_response (AdwMessageDialog *dialog,
                     const char       *response,
                     KsWindow         *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "ks-path");

  if (g_str_equal (response, "replace") && self->workspace)
    import_json_now (self, path, TRUE);
}

static void
import_json_done (KsWindow *self,
                  GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path)
    ks_window_import_json (self, path);
}

GtkWindow *
ks_window_import_json (KsWindow   *self,
                       const char *path)
{
  g_autofree char *name = NULL;
  g_autofree char *workspace_name = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!self->workspace)
    return NULL;
  if (ks_workspace_is_empty (self->workspace))
    return import_json_now (self, path, FALSE);

  name = display_name (path);
  workspace_name = display_name (ks_workspace_get_path (self->workspace));
  body = g_strdup_printf (_("Everything in “%s” — accounts, people, products and opportunities — will be replaced by the contents of “%s”. Undo brings it back."),
                          workspace_name, name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Replace the Workspace’s Contents?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ks-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
export_json_done (KsWindow *self,
                  GFile    *file)
{
  g_autofree char *chosen = g_file_get_path (file);
  g_autofree char *path = NULL;

  if (!chosen)
    return;
  path = with_extension (chosen, ".json");
  ks_window_export_json (self, path);
}

gboolean
ks_window_export_json (KsWindow   *self,
                       const char *path)
{
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!self->workspace)
    return FALSE;
  name = display_name (path);
  ks_account_page_flush (self->account_page);
  _ks_window_flush_plan (self);
  if (!ks_json_export_to_file (self->workspace, path, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Export to “%s”"), name);
      show_dialog (self, heading, error->message);
      return FALSE;
    }
  {
    g_autofree char *title = g_strdup_printf (_("Exported to “%s”"), name);
    ks_window_add_toast (self, title);
  }
  return TRUE;
}

/* Actions */

static void
import_crm_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _ks_window_run_chooser (KS_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                          _("Import CRM Export — Choose the Folder with the CSV Files"), _("_Import"),
                          NULL, NULL, import_crm_done);
}

static void
import_json_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _ks_window_run_chooser (KS_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Workspace JSON"), _("_Import"),
                          "json", NULL, import_json_done);
}

static void
export_json_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KsWindow *self = KS_WINDOW (widget);
  g_autofree char *stem = _ks_window_workspace_stem (self);
  g_autofree char *suggested = g_strconcat (stem, ".json", NULL);

  _ks_window_run_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Workspace JSON"), _("_Export"),
                          "json", suggested, export_json_done);
}

void
_ks_window_class_add_import_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-crm", NULL, import_crm_action);
  gtk_widget_class_install_action (widget_class, "win.import-json", NULL, import_json_action);
  gtk_widget_class_install_action (widget_class, "win.export-json", NULL, export_json_action);
}
