/* test-plan-page.c — the plan view of an account, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite 'display'); without a display it reports a skip.
 * The cases share one window and run in order.
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "ks-account.h"
#include "ks-app-util.h"
#include "ks-json.h"
#include "ks-plan.h"
#include "ks-plan-page.h"
#include "ks-test-util.h"
#include "ks-window.h"
#include "ks-workspace.h"

static char *tmpdir;
static KsWorkspace *workspace;
static KsWindow *window;
static gint64 account_id;

/* Helpers */

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  *(gboolean *) data = TRUE;
}

static void
wait_for_paint (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (widget));
  clock = gtk_widget_get_frame_clock (widget);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  g_assert_true (painted);
}

static KsPlanPage *
plan_page (void)
{
  return KS_PLAN_PAGE (ks_window_get_plan_page (window));
}

static KsPlan *
load_plan (void)
{
  g_autoptr(GError) error = NULL;
  KsPlan *plan = ks_plan_load (workspace, account_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
apply_text (GtkWidget  *row,
            const char *text)
{
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

/* Adds an item with the list's "Add …" button action; returns its id. */
static gint64
add_item (KsPlanList list)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  KsPlan *plan = load_plan ();
  guint n_before = plan->items[list]->len;
  gint64 id = 0;

  for (guint i = 0; i < n_before; i++)
    g_hash_table_add (known, g_memdup2 (&((KsPlanItem *) plan->items[list]->pdata[i])->id, sizeof (gint64)));
  ks_plan_free (plan);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page ()), "plan.add-item", "i", (gint32) list));
  plan = load_plan ();
  g_assert_cmpuint (plan->items[list]->len, ==, n_before + 1);
  for (guint i = 0; i < plan->items[list]->len; i++)
    {
      KsPlanItem *item = plan->items[list]->pdata[i];

      if (!g_hash_table_contains (known, &item->id))
        id = item->id;
    }
  ks_plan_free (plan);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Cases */

static void
test_edit_text_undo (void)
{
  GtkWidget *row = ks_plan_page_get_row (plan_page (), KS_PLAN_NO_LIST, 0, "locations");
  KsPlan *plan;

  g_assert_nonnull (row);
  plan = load_plan ();
  g_assert_cmpstr (ks_plan_get (plan, "locations")->text, ==, "");
  ks_plan_free (plan);

  apply_text (row, "Wolfsburg, Györ");
  plan = load_plan ();
  g_assert_cmpstr (ks_plan_get (plan, "locations")->text, ==, "Wolfsburg, Györ");
  ks_plan_free (plan);
  g_assert_true (ks_workspace_can_undo (workspace));

  /* Ctrl+Z is win.undo once the text is stored */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  plan = load_plan ();
  g_assert_cmpstr (ks_plan_get (plan, "locations")->text, ==, "");
  ks_plan_free (plan);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  /* a number: typed with spaces is stored as the number */
  row = ks_plan_page_get_row (plan_page (), KS_PLAN_NO_LIST, 0, "sites");
  apply_text (row, "14");
  plan = load_plan ();
  g_assert_cmpfloat (ks_plan_get (plan, "sites")->number, ==, 14.0);
  ks_plan_free (plan);
}

static void
test_invalid_date (void)
{
  gint64 id = add_item (KS_PLAN_OBJECTIVES);
  GtkWidget *row = ks_plan_page_get_row (plan_page (), KS_PLAN_OBJECTIVES, id, "due");
  const char *label_before = ks_workspace_get_undo_label (workspace);
  g_autofree char *undo_before = g_strdup (label_before);
  KsPlan *plan;

  g_assert_nonnull (row);
  apply_text (row, "2025-02-30");   /* no 30 February */
  plan = load_plan ();
  g_assert_cmpuint (plan->items[KS_PLAN_OBJECTIVES]->len, ==, 1);
  g_assert_cmpstr (ks_plan_item_get (plan->items[KS_PLAN_OBJECTIVES]->pdata[0], KS_PLAN_OBJECTIVES, "due")->text,
                   ==, "");
  ks_plan_free (plan);
  /* the row says so, keeps what was typed, and no undo step was made */
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (ks_row_has_error (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2025-02-30");
  g_assert_cmpstr (ks_workspace_get_undo_label (workspace), ==, undo_before);

  /* corrected, it is saved and the error goes */
  apply_text (row, "2025-03-01");
  plan = load_plan ();
  g_assert_cmpstr (ks_plan_item_get (plan->items[KS_PLAN_OBJECTIVES]->pdata[0], KS_PLAN_OBJECTIVES, "due")->text,
                   ==, "2025-03-01");
  ks_plan_free (plan);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
}

static void
test_add_remove_meeting (void)
{
  KsPlanPage *page = plan_page ();
  guint shown = ks_plan_page_get_n_items (page, KS_PLAN_MEETINGS);
  gint64 id = add_item (KS_PLAN_MEETINGS);
  GtkWidget *row;
  KsPlan *plan;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_assert_cmpuint (shown, ==, 0);
  g_assert_cmpuint (ks_plan_page_get_n_items (page, KS_PLAN_MEETINGS), ==, 1);
  /* the new meeting is open, dated today */
  g_assert_true (ks_plan_page_item_is_built (page, KS_PLAN_MEETINGS, id));
  row = ks_plan_page_get_row (page, KS_PLAN_MEETINGS, id, "date");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, today);

  row = ks_plan_page_get_row (page, KS_PLAN_MEETINGS, id, "theirs");
  apply_text (row, "Monika Brenner");
  plan = load_plan ();
  g_assert_cmpstr (ks_plan_item_get (plan->items[KS_PLAN_MEETINGS]->pdata[0], KS_PLAN_MEETINGS, "theirs")->text,
                   ==, "Monika Brenner");
  ks_plan_free (plan);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "plan.remove-item", "(ix)",
                                             (gint32) KS_PLAN_MEETINGS, id));
  plan = load_plan ();
  g_assert_cmpuint (plan->items[KS_PLAN_MEETINGS]->len, ==, 0);
  ks_plan_free (plan);
  g_assert_cmpuint (ks_plan_page_get_n_items (page, KS_PLAN_MEETINGS), ==, 0);
  g_assert_nonnull (ks_window_get_last_toast (window));
  g_assert_nonnull (strstr (adw_toast_get_title (ks_window_get_last_toast (window)), "Meeting removed"));

  /* Undo brings it back, with what was typed */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  plan = load_plan ();
  g_assert_cmpuint (plan->items[KS_PLAN_MEETINGS]->len, ==, 1);
  g_assert_cmpstr (ks_plan_item_get (plan->items[KS_PLAN_MEETINGS]->pdata[0], KS_PLAN_MEETINGS, "theirs")->text,
                   ==, "Monika Brenner");
  ks_plan_free (plan);
  g_assert_cmpuint (ks_plan_page_get_n_items (page, KS_PLAN_MEETINGS), ==, 1);
}

static void
test_large_plan (void)
{
  g_autoptr(KsAccount) other = ks_account_find (workspace, "Hallberg Group", NULL);
  g_autoptr(GError) error = NULL;
  KsPlan *plan;
  gint64 other_id;
  gint64 start;
  double ms;

  g_assert_nonnull (other);
  other_id = ks_account_get_id (other);
  plan = ks_plan_new (other_id);
  for (guint i = 0; i < 200; i++)
    {
      KsPlanItem *item = ks_plan_item_new (KS_PLAN_MEETINGS);
      int date = ks_plan_list_field_index (KS_PLAN_MEETINGS, "date");
      int theirs = ks_plan_list_field_index (KS_PLAN_MEETINGS, "theirs");

      g_free (item->values[date].text);
      item->values[date].text = g_strdup_printf ("2024-%02u-%02u", 1 + i % 12, 1 + i % 28);
      g_free (item->values[theirs].text);
      item->values[theirs].text = g_strdup_printf ("Contact %u", i);
      g_ptr_array_add (plan->items[KS_PLAN_MEETINGS], item);
    }
  for (guint i = 0; i < 100; i++)
    {
      KsPlanItem *item = ks_plan_item_new (KS_PLAN_ACTIONS);
      int action = ks_plan_list_field_index (KS_PLAN_ACTIONS, "action");
      int due = ks_plan_list_field_index (KS_PLAN_ACTIONS, "due");

      g_free (item->values[action].text);
      item->values[action].text = g_strdup_printf ("Action %u", i);
      g_free (item->values[due].text);
      item->values[due].text = g_strdup ("2020-11-12");
      g_ptr_array_add (plan->items[KS_PLAN_ACTIONS], item);
    }
  ks_plan_save (workspace, plan, &error);
  g_assert_no_error (error);
  ks_plan_free (plan);

  start = g_get_monotonic_time ();
  ks_window_select_account (window, other_id);
  wait_for_paint (GTK_WIDGET (window));
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("200 meetings, 100 actions: shown in %.1f ms", ms);

  g_assert_cmpint (ks_plan_page_get_account_id (plan_page ()), ==, other_id);
  /* the first 10 of each list are shown, "Show More" adds 10 */
  g_assert_cmpuint (ks_plan_page_get_n_items (plan_page (), KS_PLAN_MEETINGS), ==, 10);
  g_assert_cmpuint (ks_plan_page_get_n_items (plan_page (), KS_PLAN_ACTIONS), ==, 10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page ()), "plan.show-more", "i",
                                             (gint32) KS_PLAN_MEETINGS));
  g_assert_cmpuint (ks_plan_page_get_n_items (plan_page (), KS_PLAN_MEETINGS), ==, 20);
  /* nothing inside an item is built before it is opened */
  {
    KsPlan *stored = ks_plan_load (workspace, other_id, NULL);
    KsPlanItem *first = stored->items[KS_PLAN_MEETINGS]->pdata[0];
    KsPlanItem *action = stored->items[KS_PLAN_ACTIONS]->pdata[0];
    GtkWidget *row;

    g_assert_false (ks_plan_page_item_is_built (plan_page (), KS_PLAN_MEETINGS, first->id));
    row = ks_plan_page_get_row (plan_page (), KS_PLAN_ACTIONS, action->id, "action");
    g_assert_true (ks_plan_page_item_is_built (plan_page (), KS_PLAN_ACTIONS, action->id));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Action 0");
    /* an item past the shown ones is shown when asked for (a finding) */
    action = stored->items[KS_PLAN_ACTIONS]->pdata[99];
    row = ks_plan_page_get_row (plan_page (), KS_PLAN_ACTIONS, action->id, "action");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Action 99");
    g_assert_cmpuint (ks_plan_page_get_n_items (plan_page (), KS_PLAN_ACTIONS), ==, 100);
    ks_plan_free (stored);
  }
  /* generous: under the sanitizers; bench/bench-plan-page measures it */
  g_assert_cmpfloat (ms, <, 5000);

  ks_window_select_account (window, account_id);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autofree char *data_home = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = NULL;
  int status;

  tmpdir = ks_test_tmpdir ();
  data_home = g_build_filename (tmpdir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  {
    const char *debug = g_getenv ("GDK_DEBUG");

    if (!debug || !strstr (debug, "gl-disable"))
      {
        g_autofree char *flags = debug && *debug ? g_strconcat (debug, ",gl-disable", NULL)
                                                 : g_strdup ("gl-disable");
        g_setenv ("GDK_DEBUG", flags, TRUE);
      }
  }

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  path = g_build_filename (tmpdir, "plan.keystone", NULL);
  workspace = ks_workspace_open (path, KS_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  ks_json_load_demo (workspace, &error);
  g_assert_no_error (error);
  /* an account whose plan the cases write from scratch */
  account = ks_account_new ("Plan Test Account");
  g_assert_true (ks_account_save (account, workspace, &error));
  g_assert_no_error (error);
  account_id = ks_account_get_id (account);

  window = ks_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ks_window_set_workspace (window, workspace);
  ks_window_set_account_view (window, "plan");
  ks_window_select_account (window, account_id);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpint (ks_plan_page_get_account_id (plan_page ()), ==, account_id);

  g_test_add_func ("/app/plan-page/edit-text-undo", test_edit_text_undo);
  g_test_add_func ("/app/plan-page/invalid-date", test_invalid_date);
  g_test_add_func ("/app/plan-page/add-remove-meeting", test_add_remove_meeting);
  g_test_add_func ("/app/plan-page/large-plan", test_large_plan);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&workspace);
  return status;
}
