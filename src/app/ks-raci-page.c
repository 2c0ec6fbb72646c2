/* ks-raci-page.c — who does what: the RACI charts of the company or of one
 * account, their grid, checks, load, templates, CSV, export and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page type serves two places: the window's RACI view (company and
 * process charts) and an account's RACI tab (the account's own charts, and
 * the process charts with their roles resolved through the account's team).
 * The grid (KsRaciGrid) edits the cells; this page chooses the chart, adds
 * phases, tasks and columns, makes charts from templates and CSV, and
 * exports or prints the chart with the render layer's drawing. The side
 * panel (checks, load, letters, a role's holders) is ks-raci-page-panel.c;
 * the instance is in ks-raci-page-private.h. Every change is one undo step
 * through core.
 */
#define G_LOG_DOMAIN "ks-raci-page"

#include "config.h"

#include "ks-raci-page-private.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ks-account.h"
#include "ks-app-util.h"
#include "ks-import-dialog.h"
#include "ks-person.h"
#include "ks-raci-draw.h"

typedef struct
{
  gint64      id;
  KsRaciScope scope;
} ChartEntry;

enum
{
  PROP_0,
  PROP_FOR_ACCOUNT,
  PROP_ACCOUNT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KsRaciPage, ks_raci_page, GTK_TYPE_WIDGET)

static void reload_charts (KsRaciPage *self);

/* Helpers */

/* Process charts on an account's tab resolve their roles for that account. */
static gint64
resolve_for (KsRaciPage *self)
{
  return self->for_account ? self->account_id : 0;
}

static void
toast_error (KsRaciPage   *self,
             const GError *error)
{
  ks_widget_add_toast (GTK_WIDGET (self), error->message);
}

static const char *
scope_label (KsRaciScope scope)
{
  switch (scope)
    {
    case KS_RACI_SCOPE_COMPANY:
      /* Translators: which kind of RACI chart, in the chart dropdown */
      return C_("raci scope", "Company");
    case KS_RACI_SCOPE_PROCESS:
      return C_("raci scope", "Process");
    case KS_RACI_SCOPE_ACCOUNT:
    default:
      return C_("raci scope", "Account");
    }
}

static void
update_actions (KsRaciPage *self)
{
  const KsRaciChart *chart = shown_chart (self);
  gboolean have_ws = self->workspace != NULL && (!self->for_account || self->account_id > 0);
  gboolean have_chart = chart != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "raci.new-chart", have_ws);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "raci.import-csv", have_ws);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "raci.new-from-template",
                                 have_ws && self->for_account);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "raci.rename-chart", have_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "raci.delete-chart", have_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "raci.add-phase", have_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "raci.add-task", have_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "raci.export", have_chart && chart->tasks->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "raci.print", have_chart && chart->tasks->len > 0);
  gtk_widget_set_sensitive (self->column_button, have_chart);
  gtk_widget_set_sensitive (self->chart_dropdown, self->charts->len > 0);
}

static void
update_empty_state (KsRaciPage *self)
{
  const KsRaciChart *chart = shown_chart (self);

  if (self->charts->len == 0 || !chart)
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "no-charts");
  else
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "grid");
      gtk_stack_set_visible_child_name (GTK_STACK (self->grid_stack),
                                        chart->tasks->len == 0 ? "no-tasks" : "grid");
    }
}

/* The grid reloaded (a new chart, or an edit): everything around it. */
static void
on_grid_reloaded (KsRaciPage *self)
{
  _ks_raci_page_update_side_panel (self);
  update_empty_state (self);
  update_actions (self);
}

static void
show_chart_at (KsRaciPage *self,
               guint       position)
{
  gint64 id = position < self->charts->len ? g_array_index (self->charts, ChartEntry, position).id : 0;

  self->chart_id = id;
  _ks_raci_page_hide_holders (self);
  ks_raci_grid_set_chart (grid (self), id, id ? resolve_for (self) : 0);
  on_grid_reloaded (self);
}

static void
reload_charts (KsRaciPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GPtrArray) shared = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;
  gboolean was_updating = self->updating;

  g_array_set_size (self->charts, 0);
  if (self->workspace && !self->for_account)
    shared = ks_raci_chart_list (self->workspace, -1, NULL);
  else if (self->workspace && self->account_id > 0)
    {
      own = ks_raci_chart_list (self->workspace, self->account_id, NULL);
      shared = ks_raci_chart_list (self->workspace, -1, NULL);
    }
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *list = pass == 0 ? own : shared;

      for (guint i = 0; list && i < list->len; i++)
        {
          const KsRaciChartInfo *info = g_ptr_array_index (list, i);
          ChartEntry entry = { info->id, info->scope };
          g_autofree char *text = NULL;

          /* An account's tab shows its own charts and, resolved for it, the
           * process charts; company-wide charts stay in the RACI view. */
          if (self->for_account && pass == 1 && info->scope != KS_RACI_SCOPE_PROCESS)
            continue;
          /* Translators: a chart in the dropdown, e.g. "Quotation handling · Process" */
          text = g_strdup_printf (_("%s · %s"), info->name, scope_label (info->scope));
          gtk_string_list_append (names, text);
          if (info->id == self->chart_id)
            selected = self->charts->len;
          g_array_append_val (self->charts, entry);
        }
    }
  if (selected == GTK_INVALID_LIST_POSITION && self->charts->len > 0)
    selected = 0;
  self->updating = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->chart_dropdown), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->chart_dropdown), selected);
  self->updating = was_updating;
  if (selected == GTK_INVALID_LIST_POSITION ||
      g_array_index (self->charts, ChartEntry, selected).id != ks_raci_grid_get_chart_id (grid (self)))
    show_chart_at (self, selected);
  else
    {
      self->chart_id = g_array_index (self->charts, ChartEntry, selected).id;
      on_grid_reloaded (self);
    }
}

static gint64
focused_phase (KsRaciPage *self,
               int        *position)
{
  const KsRaciChart *chart = shown_chart (self);
  int task = -1;

  *position = -1;
  if (!chart || chart->phases->len == 0)
    return 0;
  if (ks_raci_grid_get_focus (grid (self), &task, NULL) && task >= 0 && (guint) task < chart->tasks->len)
    {
      const KsRaciTask *t = g_ptr_array_index (chart->tasks, task);
      int in_phase = 0;

      /* The position after the focused task, within its phase. */
      for (int i = 0; i < task; i++)
        in_phase += ((KsRaciTask *) g_ptr_array_index (chart->tasks, i))->phase == t->phase;
      *position = in_phase + 1;
      return ((KsRaciPhase *) g_ptr_array_index (chart->phases, t->phase))->id;
    }
  return ((KsRaciPhase *) g_ptr_array_index (chart->phases, chart->phases->len - 1))->id;
}

/* A message dialog asking for a name; @done is called with the trimmed,
 * non-empty text. */
typedef void (*NameFunc) (KsRaciPage *self,
                          const char *text,
                          GtkWidget  *dialog);

static void
on_name_response (AdwMessageDialog *dialog,
                  const char       *response,
                  KsRaciPage       *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  NameFunc done = g_object_get_data (G_OBJECT (dialog), "done");
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "ok") != 0 || !self->workspace)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (*text)
    done (self, text, GTK_WIDGET (dialog));
}

static AdwMessageDialog *
ask_name (KsRaciPage *self,
          const char *heading,
          const char *body,
          const char *text,
          const char *ok_label,
          GtkWidget  *extra,
          NameFunc    done)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, body));
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  gtk_box_append (GTK_BOX (box), entry);
  if (extra)
    gtk_box_append (GTK_BOX (box), extra);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "ok", ok_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "done", done);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_name_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Callbacks */

static void
on_chart_selected (GtkDropDown *dropdown,
                   GParamSpec  *pspec,
                   KsRaciPage  *self)
{
  if (!self->updating)
    show_chart_at (self, gtk_drop_down_get_selected (dropdown));
}

static void
on_charts_changed (KsRaciPage *self)
{
  reload_charts (self);
}

static void
on_accounts_changed (KsRaciPage *self)
{
  g_autoptr(KsAccount) account = NULL;

  if (self->workspace && self->account_id > 0)
    account = ks_account_load (self->workspace, self->account_id, NULL);
  g_clear_pointer (&self->account_name, g_free);
  if (account)
    self->account_name = g_strdup (ks_account_get_name (account));
}

static void
on_column_activated (KsRaciGrid *grid_,
                     gint64      person_id,
                     const char *role,
                     KsRaciPage *self)
{
  ks_raci_page_show_column (self, person_id, role);
}

static void
on_person_search_changed (KsRaciPage *self)
{
  g_autofree char *key = ks_search_key (gtk_editable_get_text (GTK_EDITABLE (self->person_search)));

  for (GtkWidget *row = gtk_widget_get_first_child (self->person_list); row;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *text = g_object_get_data (G_OBJECT (row), "search");

      if (text)
        gtk_widget_set_visible (row, ks_search_matches (key, text));
    }
}

static void
fill_person_list (KsRaciPage *self)
{
  g_autoptr(GListModel) people = NULL;

  ks_list_box_remove_rows (GTK_LIST_BOX (self->person_list));
  if (self->workspace)
    people = ks_person_list (self->workspace, NULL);
  for (guint i = 0; people && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(KsPerson) person = g_list_model_get_item (people, i);
      g_autofree char *title = g_markup_escape_text (ks_person_get_name (person), -1);
      g_autofree char *subtitle = g_markup_escape_text (ks_person_get_title (person) ? ks_person_get_title (person) : "", -1);
      g_autofree char *search = g_strjoin (" ", ks_person_get_name (person),
                                           ks_person_get_title (person) ? ks_person_get_title (person) : "",
                                           ks_person_get_area (person) ? ks_person_get_area (person) : "", NULL);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "person-id", GINT_TO_POINTER ((int) ks_person_get_id (person)));
      g_object_set_data_full (G_OBJECT (row), "search", g_steal_pointer (&search), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->person_list), row);
    }
  ks_list_box_set_placeholder_text (GTK_LIST_BOX (self->person_list), _("No people yet."));
  on_person_search_changed (self);
}

static void
on_column_popover_shown (KsRaciPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->person_search), "");
  gtk_editable_set_text (GTK_EDITABLE (self->role_entry), "");
  fill_person_list (self);
  gtk_widget_grab_focus (self->person_search);
}

static void
add_column_and_close (KsRaciPage *self,
                      gint64      person_id,
                      const char *role)
{
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (GTK_POPOVER (self->column_popover));
  if (!ks_raci_page_add_column (self, person_id, role, &error))
    toast_error (self, error);
}

static void
on_person_activated (GtkListBox    *list,
                     GtkListBoxRow *row,
                     KsRaciPage    *self)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "person-id"));

  if (id > 0)
    add_column_and_close (self, id, NULL);
}

static void
on_role_add (KsRaciPage *self)
{
  g_autofree char *role = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->role_entry))));

  if (*role)
    add_column_and_close (self, 0, role);
}

/* Actions */

static void
new_chart_done (KsRaciPage *self,
                const char *text,
                GtkWidget  *dialog)
{
  GtkWidget *scope = g_object_get_data (G_OBJECT (dialog), "scope");
  GtkWidget *arsci = g_object_get_data (G_OBJECT (dialog), "arsci");
  g_autoptr(GError) error = NULL;
  KsRaciScope s = scope && gtk_drop_down_get_selected (GTK_DROP_DOWN (scope)) == 1
                    ? KS_RACI_SCOPE_PROCESS : KS_RACI_SCOPE_COMPANY;

  if (!ks_raci_page_create_chart (self, text, s, gtk_check_button_get_active (GTK_CHECK_BUTTON (arsci)), &error))
    toast_error (self, error);
}

static void
new_chart_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KsRaciPage *self = KS_RACI_PAGE (widget);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *arsci = gtk_check_button_new_with_mnemonic (_("_Supportive (S) letters: an ARSCI chart"));
  GtkWidget *scope = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->for_account)
    /* Translators: %s is an account */
    body = g_strdup_printf (_("A chart of who does what for %s."), self->account_name ? self->account_name : "");
  else
    {
      const char *scopes[] = { _("Company-wide"), _("A process, its roles bound per account"), NULL };

      body = g_strdup (_("A company chart names people; a process chart names roles, and each account’s team says who holds them."));
      scope = gtk_drop_down_new_from_strings (scopes);
      gtk_accessible_update_property (GTK_ACCESSIBLE (scope), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scope"), -1);
      gtk_box_append (GTK_BOX (box), scope);
    }
  gtk_box_append (GTK_BOX (box), arsci);
  dialog = ask_name (self, _("New RACI Chart"), body, "", _("C_reate"), box, new_chart_done);
  g_object_set_data (G_OBJECT (dialog), "scope", scope);
  g_object_set_data (G_OBJECT (dialog), "arsci", arsci);
}

static void
rename_done (KsRaciPage *self,
             const char *text,
             GtkWidget  *dialog)
{
  g_autoptr(GError) error = NULL;

  if (!ks_raci_chart_rename (self->workspace, self->chart_id, text, &error))
    toast_error (self, error);
}

static void
rename_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KsRaciPage *self = KS_RACI_PAGE (widget);
  const KsRaciChart *chart = shown_chart (self);

  if (chart)
    ask_name (self, _("Rename Chart"), NULL, chart->name, _("_Rename"), NULL, rename_done);
}

static void
delete_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KsRaciPage *self = KS_RACI_PAGE (widget);
  const KsRaciChart *chart = shown_chart (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!chart)
    return;
  name = g_strdup (chart->name);
  if (!ks_raci_chart_delete (self->workspace, chart->id, &error))
    {
      toast_error (self, error);
      return;
    }
  {
    /* Translators: a toast with Undo, e.g. Deleted “Quotation handling” */
    g_autofree char *title = g_strdup_printf (_("Deleted “%s”"), name);

    ks_widget_add_undo_toast (widget, title);
  }
}

static void
template_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KsRaciPage *self = KS_RACI_PAGE (widget);
  g_autoptr(GError) error = NULL;
  int template_ = g_variant_get_int32 (parameter);

  if (template_ < 0 || template_ >= KS_RACI_N_TEMPLATES)
    return;
  if (!ks_raci_page_new_from_template (self, template_, &error))
    toast_error (self, error);
}

static void
phase_done (KsRaciPage *self,
            const char *text,
            GtkWidget  *dialog)
{
  g_autoptr(GError) error = NULL;

  if (!ks_raci_phase_add (self->workspace, self->chart_id, text, -1, &error))
    toast_error (self, error);
}

static void
add_phase_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KsRaciPage *self = KS_RACI_PAGE (widget);

  if (shown_chart (self))
    ask_name (self, _("Add Phase"), _("A phase groups the tasks done together, e.g. “Offer”."),
              "", _("_Add"), NULL, phase_done);
}

static void
task_done (KsRaciPage *self,
           const char *text,
           GtkWidget  *dialog)
{
  g_autoptr(GError) error = NULL;
  int position;
  gint64 phase = focused_phase (self, &position);
  gint64 task;

  if (!ks_workspace_begin (self->workspace, _("Add Task"), &error))
    {
      toast_error (self, error);
      return;
    }
  /* A chart without phases gets one, in the same undo step. */
  if (phase == 0)
    phase = ks_raci_phase_add (self->workspace, self->chart_id, _("Tasks"), -1, &error);
  task = phase ? ks_raci_task_add (self->workspace, phase, text, position, &error) : 0;
  if (task == 0 || !ks_workspace_commit (self->workspace, &error))
    {
      ks_workspace_rollback (self->workspace);
      toast_error (self, error);
      return;
    }
  /* Focus the new task's name, so its letters can follow. */
  {
    const KsRaciChart *chart = shown_chart (self);

    for (guint i = 0; chart && i < chart->tasks->len; i++)
      if (((KsRaciTask *) g_ptr_array_index (chart->tasks, i))->id == task)
        ks_raci_grid_focus_cell (grid (self), i, chart->columns->len > 0 ? 0 : -1);
  }
}

static void
add_task_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KsRaciPage *self = KS_RACI_PAGE (widget);

  if (shown_chart (self))
    ask_name (self, _("Add Task"), _("Added after the focused task, or at the end of the last phase."),
              "", _("_Add"), NULL, task_done);
}

static gboolean
export_file (GtkWidget   *page,
             const char  *path,
             GError     **error)
{
  return ks_raci_page_export (KS_RACI_PAGE (page), path, error);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KsRaciPage *self = KS_RACI_PAGE (widget);
  const KsRaciChart *chart = shown_chart (self);
  g_autofree char *name = NULL;

  if (!chart)
    return;
  /* Translators: file name of an export, e.g. "Quotation handling RACI.pdf" */
  name = g_strdup_printf (_("%s RACI.%s"), chart->name, g_variant_get_string (parameter, NULL));
  ks_export_dialog_show (widget, _("Export RACI Chart"), name, export_file,
                         /* Translators: %s is a folder */
                         _("Exported the chart to %s"), _("Could Not Export the Chart"));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!ks_raci_page_print (KS_RACI_PAGE (widget), NULL, &error))
    ks_message_dialog_show (widget, _("Could Not Print the Chart"), error->message);
}

static void
import_file (GtkWidget  *page,
             const char *path)
{
  ks_raci_page_import_csv (KS_RACI_PAGE (page), path);
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ks_import_csv_dialog_show (widget, _("Import RACI Chart"), import_file);
}

/* Print */

typedef struct
{
  KsRaciGridModel *model;
  KsRaciLayout    *layout;
  KsPalette       *palette;
  GArray          *pages;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->pages, g_array_unref);
  g_clear_pointer (&job->layout, ks_raci_layout_free);
  g_clear_pointer (&job->model, ks_raci_grid_model_free);
  g_clear_pointer (&job->palette, ks_palette_free);
  g_free (job);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_clear_pointer (&job->pages, g_array_unref);
  job->pages = ks_raci_layout_paginate (job->layout, gtk_print_context_get_width (context),
                                        gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, job->pages->len);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  if (!job->pages || page_nr < 0 || (guint) page_nr >= job->pages->len)
    return;
  ks_raci_draw_page (gtk_print_context_get_cairo_context (context), job->layout, job->palette,
                     &g_array_index (job->pages, KsRaciRange, page_nr), page_nr, job->pages->len,
                     gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

/* Vfuncs */

static void
ks_raci_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KsRaciPage *self = KS_RACI_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOR_ACCOUNT:
      g_value_set_boolean (value, self->for_account);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_raci_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KsRaciPage *self = KS_RACI_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOR_ACCOUNT:
      self->for_account = g_value_get_boolean (value);
      break;
    case PROP_ACCOUNT_ID:
      ks_raci_page_set_account_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_raci_page_constructed (GObject *object)
{
  KsRaciPage *self = KS_RACI_PAGE (object);

  G_OBJECT_CLASS (ks_raci_page_parent_class)->constructed (object);

  gtk_widget_set_visible (self->template_button, self->for_account);
  gtk_widget_set_visible (self->empty_template_button, self->for_account);
  adw_status_page_set_description (ADW_STATUS_PAGE (self->no_charts_page),
    self->for_account
      ? _("Say who is responsible, accountable, consulted and informed for each task of this account, "
          "or start from a template: its roles are bound to the account’s team at once.")
      : _("Say who does what in the company’s sales processes: a company chart names people, a "
          "process chart names roles that each account’s team fills."));
  update_actions (self);
  update_empty_state (self);
}

static void
ks_raci_page_dispose (GObject *object)
{
  KsRaciPage *self = KS_RACI_PAGE (object);

  ks_raci_page_set_workspace (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KS_TYPE_RACI_PAGE);
  ks_widget_unparent_children (GTK_WIDGET (self));
  G_OBJECT_CLASS (ks_raci_page_parent_class)->dispose (object);
}

static void
ks_raci_page_finalize (GObject *object)
{
  KsRaciPage *self = KS_RACI_PAGE (object);

  g_free (self->account_name);
  g_array_unref (self->charts);
  G_OBJECT_CLASS (ks_raci_page_parent_class)->finalize (object);
}

static void
ks_raci_page_class_init (KsRaciPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ks_raci_page_get_property;
  object_class->set_property = ks_raci_page_set_property;
  object_class->constructed = ks_raci_page_constructed;
  object_class->dispose = ks_raci_page_dispose;
  object_class->finalize = ks_raci_page_finalize;

  properties[PROP_FOR_ACCOUNT] =
    g_param_spec_boolean ("for-account", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KS_TYPE_RACI_GRID);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone/Keystone/ks-raci-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, grid_stack);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, grid);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, chart_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, template_button);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, empty_template_button);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, no_charts_page);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, column_button);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, column_popover);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, person_search);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, person_list);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, role_entry);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, role_button);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, holders_group);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, holders_list);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, holders_close);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, checks_group);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, checks_list);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, load_list);
  gtk_widget_class_bind_template_child (widget_class, KsRaciPage, legend_list);

  gtk_widget_class_install_action (widget_class, "raci.new-chart", NULL, new_chart_action);
  gtk_widget_class_install_action (widget_class, "raci.rename-chart", NULL, rename_chart_action);
  gtk_widget_class_install_action (widget_class, "raci.delete-chart", NULL, delete_chart_action);
  gtk_widget_class_install_action (widget_class, "raci.new-from-template", "i", template_action);
  gtk_widget_class_install_action (widget_class, "raci.add-phase", NULL, add_phase_action);
  gtk_widget_class_install_action (widget_class, "raci.add-task", NULL, add_task_action);
  gtk_widget_class_install_action (widget_class, "raci.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "raci.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "raci.print", NULL, print_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
setup_chart_label (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_chart_label (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  GtkStringObject *name = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (name));
}

static GtkListItemFactory *
chart_label_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_chart_label), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_chart_label), NULL);
  return factory;
}

static void
ks_raci_page_init (KsRaciPage *self)
{
  g_autoptr(GtkListItemFactory) button_factory = chart_label_factory (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = chart_label_factory (FALSE);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->charts = g_array_new (FALSE, FALSE, sizeof (ChartEntry));
  /* long translations shorten in the toolbar rather than widen the window */
  ks_widget_shrink_labels (self->toolbar);
  /* A long chart name shortens in the button, so the toolbar fits a
   * 1280-pixel screen; the list shows names whole. */
  gtk_drop_down_set_factory (GTK_DROP_DOWN (self->chart_dropdown), button_factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (self->chart_dropdown), list_factory);

  g_signal_connect (self->chart_dropdown, "notify::selected", G_CALLBACK (on_chart_selected), self);
  g_signal_connect_swapped (self->grid, "reloaded", G_CALLBACK (on_grid_reloaded), self);
  g_signal_connect (self->grid, "column-activated", G_CALLBACK (on_column_activated), self);
  g_signal_connect (self->checks_list, "row-activated", G_CALLBACK (_ks_raci_page_on_check_activated), self);
  g_signal_connect (self->load_list, "row-activated", G_CALLBACK (_ks_raci_page_on_load_activated), self);
  g_signal_connect (self->holders_list, "row-activated", G_CALLBACK (_ks_raci_page_on_holder_activated), self);
  g_signal_connect (self->person_list, "row-activated", G_CALLBACK (on_person_activated), self);
  g_signal_connect_swapped (self->holders_close, "clicked", G_CALLBACK (_ks_raci_page_on_holders_close), self);
  g_signal_connect_swapped (self->person_search, "search-changed", G_CALLBACK (on_person_search_changed), self);
  g_signal_connect_swapped (self->role_entry, "activate", G_CALLBACK (on_role_add), self);
  g_signal_connect_swapped (self->role_button, "clicked", G_CALLBACK (on_role_add), self);
  g_signal_connect_swapped (self->column_popover, "show", G_CALLBACK (on_column_popover_shown), self);
  ks_list_box_set_placeholder_text (GTK_LIST_BOX (self->checks_list),
                                    _("No problems: every task has one A and an R."));
  ks_list_box_set_placeholder_text (GTK_LIST_BOX (self->load_list), _("No columns yet: use Add Column."));
  _ks_raci_page_update_legend (self);
}

/* Public API */

GtkWidget *
ks_raci_page_new (gboolean for_account)
{
  return g_object_new (KS_TYPE_RACI_PAGE, "for-account", for_account, NULL);
}

void
ks_raci_page_set_workspace (KsRaciPage  *self,
                            KsWorkspace *workspace)
{
  g_return_if_fail (KS_IS_RACI_PAGE (self));

  if (self->workspace == workspace)
    return;
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (self->grid)
    ks_raci_grid_set_workspace (grid (self), workspace);
  if (workspace)
    {
      g_signal_connect_swapped (workspace, "changed::raci_charts", G_CALLBACK (on_charts_changed), self);
      g_signal_connect_swapped (workspace, "changed::raci_tasks", G_CALLBACK (on_charts_changed), self);
      g_signal_connect_swapped (workspace, "changed::accounts", G_CALLBACK (on_accounts_changed), self);
    }
  self->chart_id = 0;
  if (!self->grid)
    return;
  on_accounts_changed (self);
  reload_charts (self);
}

gboolean
ks_raci_page_get_for_account (KsRaciPage *self)
{
  g_return_val_if_fail (KS_IS_RACI_PAGE (self), FALSE);
  return self->for_account;
}

gint64
ks_raci_page_get_account_id (KsRaciPage *self)
{
  g_return_val_if_fail (KS_IS_RACI_PAGE (self), 0);
  return self->account_id;
}

void
ks_raci_page_set_account_id (KsRaciPage *self,
                             gint64      account_id)
{
  g_return_if_fail (KS_IS_RACI_PAGE (self));

  if (self->account_id == account_id)
    return;
  self->account_id = account_id;
  self->chart_id = 0;
  on_accounts_changed (self);
  reload_charts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

KsRaciGrid *
ks_raci_page_get_grid (KsRaciPage *self)
{
  g_return_val_if_fail (KS_IS_RACI_PAGE (self), NULL);
  return grid (self);
}

guint
ks_raci_page_get_n_charts (KsRaciPage *self)
{
  g_return_val_if_fail (KS_IS_RACI_PAGE (self), 0);
  return self->charts->len;
}

gint64
ks_raci_page_get_chart_id (KsRaciPage *self)
{
  g_return_val_if_fail (KS_IS_RACI_PAGE (self), 0);
  return shown_chart (self) ? self->chart_id : 0;
}

gboolean
ks_raci_page_select_chart (KsRaciPage *self,
                           gint64      chart_id)
{
  g_return_val_if_fail (KS_IS_RACI_PAGE (self), FALSE);

  /* A chart made a moment ago may not be listed yet. */
  if (self->chart_id != chart_id)
    {
      self->chart_id = chart_id;
      reload_charts (self);
    }
  return ks_raci_page_get_chart_id (self) == chart_id;
}

gint64
ks_raci_page_create_chart (KsRaciPage  *self,
                           const char  *name,
                           KsRaciScope  scope,
                           gboolean     arsci,
                           GError     **error)
{
  gint64 id;

  g_return_val_if_fail (KS_IS_RACI_PAGE (self), 0);

  if (!self->workspace || (self->for_account && self->account_id <= 0))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No account is shown"));
      return 0;
    }
  if (self->for_account)
    scope = KS_RACI_SCOPE_ACCOUNT;
  else if (scope == KS_RACI_SCOPE_ACCOUNT)
    scope = KS_RACI_SCOPE_COMPANY;
  id = ks_raci_chart_create (self->workspace, name, scope,
                             self->for_account ? self->account_id : 0, arsci, error);
  if (id)
    ks_raci_page_select_chart (self, id);
  return id;
}

gint64
ks_raci_page_new_from_template (KsRaciPage     *self,
                                KsRaciTemplate  template_,
                                GError        **error)
{
  gint64 id;

  g_return_val_if_fail (KS_IS_RACI_PAGE (self), 0);

  if (!self->workspace || !self->for_account || self->account_id <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Templates are made for one account: open the account’s RACI tab"));
      return 0;
    }
  id = ks_raci_template_instantiate (self->workspace, template_, self->account_id, error);
  if (id)
    {
      /* Translators: a toast with Undo, e.g. Added “Quotation handling” from its template */
      g_autofree char *title = g_strdup_printf (_("Added “%s” from its template"),
                                                ks_raci_template_name (template_));

      ks_raci_page_select_chart (self, id);
      ks_widget_add_undo_toast (GTK_WIDGET (self), title);
    }
  return id;
}

gboolean
ks_raci_page_add_column (KsRaciPage  *self,
                         gint64       person_id,
                         const char  *role,
                         GError     **error)
{
  g_return_val_if_fail (KS_IS_RACI_PAGE (self), FALSE);

  if (!self->workspace || !shown_chart (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No chart is shown"));
      return FALSE;
    }
  return ks_raci_column_add (self->workspace, self->chart_id, person_id > 0 ? person_id : 0,
                             person_id > 0 ? NULL : role, -1, error) != 0;
}

const char *
ks_raci_page_get_empty_state (KsRaciPage *self)
{
  const char *name;

  g_return_val_if_fail (KS_IS_RACI_PAGE (self), NULL);

  name = gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
  if (g_strcmp0 (name, "no-charts") == 0)
    return "no-charts";
  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->grid_stack)), "no-tasks") == 0)
    return "no-tasks";
  return NULL;
}

/* The shown chart as the render layer's model. */
static KsRaciGridModel *
build_model (KsRaciPage *self)
{
  const KsRaciChart *chart = shown_chart (self);

  return chart ? ks_raci_grid_model_from_chart (chart, ks_raci_grid_get_check (grid (self))) : NULL;
}

gboolean
ks_raci_page_export (KsRaciPage  *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autoptr(KsRaciGridModel) model = NULL;

  g_return_val_if_fail (KS_IS_RACI_PAGE (self), FALSE);

  if (!(model = build_model (self)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No chart is shown"));
      return FALSE;
    }
  return ks_raci_export (path, model, palette, 0, 0, error);
}

gboolean
ks_raci_page_print (KsRaciPage  *self,
                    const char  *export_pdf,
                    GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autofree char *name = NULL;
  PrintJob *job;

  g_return_val_if_fail (KS_IS_RACI_PAGE (self), FALSE);

  job = g_new0 (PrintJob, 1);
  if (!(job->model = build_model (self)))
    {
      print_job_free (job);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No chart is shown"));
      return FALSE;
    }
  job->palette = ks_palette_new (KS_PALETTE_LIGHT);
  job->layout = ks_raci_layout_new (job->model, job->palette, 1.0, NULL);

  /* The whole sheet, in points: ks_raci_draw_page keeps its own margins,
   * and a wide grid goes across as many landscape pages as it needs. */
  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* Translators: a print job's name, e.g. "RACI chart Quotation handling" */
  name = g_strdup_printf (_("RACI chart %s"), shown_chart (self)->name);
  g_object_set_data_full (G_OBJECT (operation), "ks-raci-print", job, (GDestroyNotify) print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  if (ks_print_operation_run (operation, GTK_WIDGET (self), name, export_pdf, error))
    return TRUE;
  if (export_pdf)
    g_prefix_error (error, _("Could not print the chart to %s: "), export_pdf);
  return FALSE;
}

GtkWindow *
ks_raci_page_import_csv (KsRaciPage *self,
                         const char *path)
{
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *summary = NULL;
  const KsRaciChart *chart;
  gboolean ok;

  g_return_val_if_fail (KS_IS_RACI_PAGE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!self->workspace)
    return NULL;
  chart = shown_chart (self);
  if (chart)
    scope = g_strdup (chart->name);
  else
    scope = ks_raci_csv_default_scope (path);
  ok = ks_raci_import_csv (self->workspace, path, scope, report, &error);
  if (ok)
    {
      g_autofree char *letters = KS_FORMAT_COUNT ("%s letter", "%s letters", report->letters);
      gint64 id = ks_raci_chart_find (self->workspace, scope, NULL);

      /* Translators: "Imported 42 letters into “Quotation handling”." */
      summary = g_strdup_printf (_("Imported %s into “%s”."), letters, scope);
      if (id)
        ks_raci_page_select_chart (self, id);
    }
  return ks_import_dialog_show (GTK_WIDGET (self), ok, summary, report, error);
}
