/* test-search-dialog.c — the search dialog on the demo workspace, driven by
 * keyboard: type, ↓, Enter, and the main window shows the thing found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite 'display'); without a display it reports a skip.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ks-account-page.h"
#include "ks-crm-import.h"
#include "ks-funnel-page.h"
#include "ks-opportunity-list.h"
#include "ks-json.h"
#include "ks-people-page.h"
#include "ks-plan-page.h"
#include "ks-powermap-page.h"
#include "ks-powermap-view.h"
#include "ks-search-dialog.h"
#include "ks-test-display.h"
#include "ks-test-util.h"
#include "ks-window.h"

static char *tmpdir;
static KsWorkspace *workspace;
static KsWindow *window;

/* Opens the dialog as Ctrl+K does (the window's binding runs win.search). */
static KsSearchDialog *
open_dialog (void)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  dialog = GTK_WIDGET (ks_window_open_search (window));
  g_assert_true (KS_IS_SEARCH_DIALOG (dialog));
  ks_test_wait_for_paint (dialog);
  return KS_SEARCH_DIALOG (dialog);
}

/* Types @text into the entry a character at a time, as a keyboard does,
 * then waits for the results (the entry searches once typing pauses). */
static void
type (KsSearchDialog *dialog,
      const char     *text)
{
  GtkEditable *entry = ks_search_dialog_get_entry (dialog);
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  gtk_editable_set_text (entry, "");
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      int pos = gtk_editable_get_position (entry);

      gtk_editable_insert_text (entry, p, g_utf8_next_char (p) - p, &pos);
      gtk_editable_set_position (entry, pos);
    }
  /* The status names the count once the delayed search ran for this text. */
  while (ks_search_dialog_get_results (dialog)->len == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  ks_test_wait_for_idle ();
}

/* ↑/↓ as the entry gets them: its capture-phase key controller. */
static void
press (KsSearchDialog *dialog,
       guint           keyval)
{
  GtkWidget *entry = GTK_WIDGET (ks_search_dialog_get_entry (dialog));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c) &&
          gtk_event_controller_get_propagation_phase (c) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (c, "key-pressed", keyval, 0, 0, &handled);
          break;
        }
    }
  g_assert_true (handled);
}

/* Enter in the entry: its "activate". */
static void
press_enter (KsSearchDialog *dialog)
{
  g_signal_emit_by_name (ks_search_dialog_get_entry (dialog), "activate");
  ks_test_wait_for_idle ();
}

static const KsSearchResult *
selected (KsSearchDialog *dialog)
{
  int i = ks_search_dialog_get_selected (dialog);

  g_assert_cmpint (i, >=, 0);
  return g_ptr_array_index (ks_search_dialog_get_results (dialog), i);
}

static gboolean
focus_inside (GtkWidget *ancestor)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

/* "hartmann": the contact first (her name and e-mail hold it: the best
 * match, so its group comes first), then the plan's texts that name her. Enter shows her card on the power map,
 * selected. */
static void
test_contact_on_map (void)
{
  KsSearchDialog *dialog = open_dialog ();
  const KsSearchResult *r;
  gint64 contact, account;
  KsPowermapView *view;
  const gint64 *ids;
  guint n = 0;

  type (dialog, "hartmann");
  /* Her contact, a handover note, a meeting and the plan's decision
   * process name her in the demo. */
  g_assert_cmpuint (ks_search_dialog_get_results (dialog)->len, ==, 4);
  g_assert_cmpstr (ks_search_dialog_get_status (dialog), ==, "4 results");
  g_assert_cmpint (ks_search_dialog_get_selected (dialog), ==, 0);
  r = selected (dialog);
  g_assert_cmpint (r->kind, ==, KS_SEARCH_CONTACT);
  g_assert_cmpstr (r->title, ==, "Dr. Claudia Hartmann");
  g_assert_cmpstr (r->account, ==, "Kessler Automotive Group");
  /* The result goes with the dialog. */
  contact = r->id;
  account = r->account_id;

  press_enter (dialog);
  g_assert_cmpstr (ks_window_get_page (window), ==, "accounts");
  view = ks_powermap_page_get_view (KS_POWERMAP_PAGE (ks_window_get_powermap_page (window)));
  g_assert_cmpint (ks_powermap_view_get_account_id (view), ==, account);
  ids = ks_powermap_view_get_selected_nodes (view, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (ids[0], ==, contact);
  ks_test_wait_for_paint (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
}

/* ↓ walks to the first meeting; Enter opens the account's plan with that
 * meeting's matching field focused. */
static void
test_meeting_in_plan (void)
{
  KsSearchDialog *dialog = open_dialog ();
  KsPlanPage *plan = KS_PLAN_PAGE (ks_window_get_plan_page (window));
  GPtrArray *results;
  const KsSearchResult *r;
  gint64 account, meeting;
  int steps = 0;

  type (dialog, "hartmann");
  results = ks_search_dialog_get_results (dialog);
  /* Grouped by kind: the contact, then the plan texts; walk down to the
   * meeting. */
  while (selected (dialog)->kind != KS_SEARCH_MEETING)
    {
      press (dialog, GDK_KEY_Down);
      g_assert_cmpint (++steps, <, (int) results->len);
    }
  g_assert_cmpint (steps, >=, 1);
  g_assert_cmpint (ks_search_dialog_get_selected (dialog), ==, steps);
  r = selected (dialog);
  /* "Dr. Claudia Hartmann, Markus Weber" is whom the customer sent. */
  g_assert_cmpstr (r->field, ==, "theirs");
  account = r->account_id;
  meeting = r->id;
  /* ↑ and ↓ again: back where it was. */
  press (dialog, GDK_KEY_Up);
  g_assert_cmpint (ks_search_dialog_get_selected (dialog), ==, steps - 1);
  press (dialog, GDK_KEY_Down);

  press_enter (dialog);
  ks_test_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpint (ks_plan_page_get_account_id (plan), ==, account);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (plan)));
  g_assert_true (focus_inside (ks_plan_page_get_row (plan, KS_PLAN_MEETINGS, meeting, "theirs")));
}

/* A person: the People page with that person shown. */
static void
test_person (void)
{
  KsSearchDialog *dialog = open_dialog ();
  const KsSearchResult *r;
  gint64 person;

  type (dialog, "jonas mul");
  r = selected (dialog);
  g_assert_cmpint (r->kind, ==, KS_SEARCH_PERSON);
  g_assert_cmpstr (r->title, ==, "Jonas Müller");
  person = r->id;
  press_enter (dialog);
  g_assert_cmpstr (ks_window_get_page (window), ==, "people");
  g_assert_cmpint (ks_people_page_get_person_id (KS_PEOPLE_PAGE (ks_window_get_people_page (window))), ==,
                   person);
}

/* An account found by its notes: its page, the notes focused. */
static void
test_account_notes (void)
{
  KsSearchDialog *dialog = open_dialog ();
  KsAccountPage *page = KS_ACCOUNT_PAGE (ks_window_get_account_page (window));
  const KsSearchResult *r;
  gint64 account;

  type (dialog, "animal feed");
  r = selected (dialog);
  g_assert_cmpint (r->kind, ==, KS_SEARCH_ACCOUNT);
  g_assert_cmpstr (r->title, ==, "Jyllands Foder A/S");
  g_assert_cmpstr (r->field, ==, "notes");
  account = r->id;
  press_enter (dialog);
  g_assert_cmpstr (ks_window_get_page (window), ==, "accounts");
  g_assert_cmpint (ks_account_page_get_account_id (page), ==, account);
  g_assert_true (focus_inside (GTK_WIDGET (page)));
  g_assert_true (GTK_IS_TEXT_VIEW (gtk_root_get_focus (GTK_ROOT (window))));
}

/* An opportunity: the Funnel view's Opportunities tab. */
static void
test_opportunity (void)
{
  KsSearchDialog *dialog = open_dialog ();
  const KsSearchResult *r;

  type (dialog, "weld seam line 2");
  r = selected (dialog);
  g_assert_cmpint (r->kind, ==, KS_SEARCH_OPPORTUNITY);
  g_assert_cmpstr (r->title, ==, "Weld seam profiling, line 2");
  press_enter (dialog);
  g_assert_cmpstr (ks_window_get_page (window), ==, "funnel");
  g_assert_cmpstr (ks_funnel_page_get_view (KS_FUNNEL_PAGE (ks_window_get_funnel_page (window))), ==,
                   "opportunities");
  /* the opportunity's own row has the focus */
  {
    KsOpportunityList *list = ks_funnel_page_get_list (KS_FUNNEL_PAGE (ks_window_get_funnel_page (window)));
    g_autoptr(KsOpportunity) focused = NULL;
    guint position;

    g_assert_true (ks_opportunity_list_get_focus (list, &position, NULL));
    focused = g_list_model_get_item (G_LIST_MODEL (ks_opportunity_list_get_model (list)), position);
    g_assert_cmpstr (ks_opportunity_get_title (focused), ==, "Weld seam profiling, line 2");
    g_assert_true (gtk_widget_has_focus (GTK_WIDGET (list)));
  }
}

/* Nothing found says so; Esc closes the dialog. */
static void
test_no_results_and_escape (void)
{
  KsSearchDialog *dialog = open_dialog ();
  GtkEditable *entry = ks_search_dialog_get_entry (dialog);
  g_autoptr(GtkWidget) ref = g_object_ref (GTK_WIDGET (dialog));

  gtk_editable_set_text (entry, "zzqqxx");
  ks_search_dialog_update (dialog);
  g_assert_cmpuint (ks_search_dialog_get_results (dialog)->len, ==, 0);
  g_assert_cmpstr (ks_search_dialog_get_status (dialog), ==, "No Results");
  g_signal_emit_by_name (entry, "stop-search");
  ks_test_wait_for_idle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
}

/* A large import is indexed at the first search; a read-only file cannot
 * be, and the dialog says how much is not searchable. */
static void
test_read_only_import (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "crm-2100", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "read-only.keystone", NULL);
  g_autoptr(GString) pipeline = g_string_new ("opportunity_id,sales_agent,product,account,deal_stage,"
                                              "engage_date,close_date,close_value\n");
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
  g_autoptr(KsWorkspace) ro = NULL;
  g_autoptr(GError) error = NULL;
  KsSearchDialog *dialog;
  GtkEditable *entry;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  for (guint i = 0; i < 2100; i++)
    g_string_append_printf (pipeline, "LOT%05u,Anna Snelling,GTX Pro,Tervola Paper Oy,Engaging,"
                            "2026-01-05,,\n", i);
  a = ks_test_write_file (dir, "accounts.csv",
                          "account,sector,year_established,revenue,employees,office_location,subsidiary_of\n"
                          "Tervola Paper Oy,paper,1990,12.5,300,Finland,\n", -1);
  b = ks_test_write_file (dir, "sales_teams.csv",
                          "sales_agent,manager,regional_office\nAnna Snelling,Dustin Brinkmann,Central\n", -1);
  c = ks_test_write_file (dir, "products.csv", "product,series,sales_price\nGTX Pro,GTX,4821\n", -1);
  d = ks_test_write_file (dir, "sales_pipeline.csv", pipeline->str, -1);
  {
    g_autoptr(KsWorkspace) ws = ks_test_open_workspace (path, FALSE);
    g_autoptr(KsImportReport) report = ks_import_report_new ();

    g_assert_true (ks_crm_import (ws, dir, FALSE, report, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  ro = ks_workspace_open (path, KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (ks_workspace_is_read_only (ro));
  ks_window_set_workspace (window, ro);

  dialog = open_dialog ();
  entry = ks_search_dialog_get_entry (dialog);
  /* The account came in row by row and is found; the 2,100 opportunities
   * are not, and the status line says so. */
  gtk_editable_set_text (entry, "tervola");
  ks_search_dialog_update (dialog);
  g_assert_cmpuint (ks_search_dialog_get_results (dialog)->len, ==, 1);
  g_assert_cmpstr (ks_search_dialog_get_status (dialog), ==,
                   "1 result\n2,100 imported opportunities are not searchable until the workspace "
                   "is opened for writing.");
  gtk_editable_set_text (entry, "lot02099");
  ks_search_dialog_update (dialog);
  g_assert_cmpuint (ks_search_dialog_get_results (dialog)->len, ==, 0);
  gtk_window_close (GTK_WINDOW (dialog));

  ks_window_set_workspace (window, workspace);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
}

/* The action the window's shortcut for @keyval with Ctrl runs, or NULL. */
static const char *
ctrl_shortcut_action (guint keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (c))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (c)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (c), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == GDK_CONTROL_MASK &&
              GTK_IS_NAMED_ACTION (action))
            return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
        }
    }
  return NULL;
}

/* Ctrl+F and Ctrl+K both open the search. */
static void
test_shortcuts (void)
{
  g_assert_cmpstr (ctrl_shortcut_action (GDK_KEY_f), ==, "win.search");
  g_assert_cmpstr (ctrl_shortcut_action (GDK_KEY_k), ==, "win.search");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!ks_test_display_init (&argc, &argv, &tmpdir))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  window = ks_test_demo_window (tmpdir, &workspace);

  g_test_add_func ("/app/search/shortcuts", test_shortcuts);
  g_test_add_func ("/app/search/contact-on-map", test_contact_on_map);
  g_test_add_func ("/app/search/meeting-in-plan", test_meeting_in_plan);
  g_test_add_func ("/app/search/person", test_person);
  g_test_add_func ("/app/search/account-notes", test_account_notes);
  g_test_add_func ("/app/search/opportunity", test_opportunity);
  g_test_add_func ("/app/search/no-results-and-escape", test_no_results_and_escape);
  g_test_add_func ("/app/search/read-only-import", test_read_only_import);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (workspace);
  return status;
}
