/* test-window.c — the main window on the demo workspace, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite 'display'); without a display it reports a skip.
 * The cases share one window and run in order: each leaves the workspace as
 * the next one expects.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ks-account.h"
#include "ks-account-list.h"
#include "ks-account-page.h"
#include "ks-json.h"
#include "ks-people-list.h"
#include "ks-people-page.h"
#include "ks-person.h"
#include "ks-plan-page.h"
#include "ks-powermap-page.h"
#include "ks-search.h"
#include "ks-team-member.h"
#include "ks-test-display.h"
#include "ks-test-util.h"
#include "ks-window.h"
#include "ks-workspace.h"

static char *tmpdir;
static KsWorkspace *workspace;
static KsWindow *window;

/* Helpers */

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static guint
n_visible_accounts (void)
{
  return ks_account_list_get_n_visible (KS_ACCOUNT_LIST (ks_window_get_account_list (window)));
}

/* Types into the account search and waits for the delayed "search-changed". */
static void
search_accounts (const char *text,
                 guint       expected)
{
  GtkEditable *entry = ks_account_list_get_search_entry (KS_ACCOUNT_LIST (ks_window_get_account_list (window)));
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  gtk_editable_set_text (entry, text);
  while (n_visible_accounts () != expected && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  spin (300);   /* and nothing changes after it */
}

static guint
count_model (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  g_object_unref (model);
  return n;
}

static gboolean
contains_casefold (const char *haystack,
                   const char *needle)
{
  g_autofree char *h = g_utf8_casefold (haystack ? haystack : "", -1);
  g_autofree char *n = g_utf8_casefold (needle, -1);
  return strstr (h, n) != NULL;
}

static KsAccountPage *
account_page (void)
{
  return KS_ACCOUNT_PAGE (ks_window_get_account_page (window));
}

static void
apply_field (const char *field,
             const char *text)
{
  GtkWidget *row = ks_account_page_get_field_row (account_page (), field);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static char *
stored_sector (gint64 id)
{
  g_autoptr(KsAccount) account = ks_account_load (workspace, id, NULL);

  g_assert_nonnull (account);
  return g_strdup (ks_account_get_sector (account));
}

/* Cases */

static void
test_accounts_listed (void)
{
  guint expected = count_model (ks_account_list (workspace, NULL));
  KsAccountList *list = KS_ACCOUNT_LIST (ks_window_get_account_list (window));

  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (ks_account_list_get_n_accounts (list), ==, expected);
  g_assert_cmpuint (n_visible_accounts (), ==, expected);
  /* the first account is selected and shown */
  g_assert_cmpint (ks_account_list_get_selected_id (list), >, 0);
  g_assert_cmpint (ks_account_page_get_account_id (account_page ()), ==,
                   ks_account_list_get_selected_id (list));
  g_assert_cmpstr (ks_window_get_page (window), ==, "accounts");
}

static void
test_search (void)
{
  g_autoptr(GListModel) accounts = ks_account_list (workspace, NULL);
  const char *term = "sweden";
  guint expected = 0;

  /* counted here from the stored rows, not by the widget's filter */
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(KsAccount) a = g_list_model_get_item (accounts, i);
      if (contains_casefold (ks_account_get_name (a), term) ||
          contains_casefold (ks_account_get_sector (a), term) ||
          contains_casefold (ks_account_get_country (a), term) ||
          contains_casefold (ks_account_get_owner_name (a), term))
        expected++;
    }
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, g_list_model_get_n_items (accounts));

  search_accounts (term, expected);
  g_assert_cmpuint (n_visible_accounts (), ==, expected);

  search_accounts ("no account is called this", 0);
  g_assert_cmpuint (n_visible_accounts (), ==, 0);

  search_accounts ("", g_list_model_get_n_items (accounts));
  g_assert_cmpuint (n_visible_accounts (), ==, g_list_model_get_n_items (accounts));
}

static void
test_add_edit_undo (void)
{
  guint before = count_model (ks_account_list (workspace, NULL));
  g_autoptr(KsAccount) added = NULL;
  g_autoptr(KsAccount) edited = NULL;
  g_autoptr(KsAccount) undone = NULL;
  g_autoptr(KsAccount) redone = NULL;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-account", NULL));
  g_assert_cmpuint (count_model (ks_account_list (workspace, NULL)), ==, before + 1);
  g_assert_cmpuint (n_visible_accounts (), ==, before + 1);
  added = ks_account_find (workspace, "New account", NULL);
  g_assert_nonnull (added);
  id = ks_account_get_id (added);
  /* the new account is selected and shown */
  g_assert_cmpint (ks_account_list_get_selected_id (KS_ACCOUNT_LIST (ks_window_get_account_list (window))), ==, id);
  g_assert_cmpint (ks_account_page_get_account_id (account_page ()), ==, id);

  apply_field ("sector", "Shipbuilding");
  edited = ks_account_load (workspace, id, NULL);
  g_assert_cmpstr (ks_account_get_sector (edited), ==, "Shipbuilding");
  g_assert_true (ks_workspace_can_undo (workspace));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  undone = ks_account_load (workspace, id, NULL);
  g_assert_nonnull (undone);
  g_assert_cmpstr (ks_account_get_sector (undone), ==, "");
  /* the page shows the value that is stored again */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ks_account_page_get_field_row (account_page (), "sector"))),
                   ==, "");
  g_assert_nonnull (ks_window_get_last_toast (window));
  g_assert_true (strstr (adw_toast_get_title (ks_window_get_last_toast (window)), "Edit account") != NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  redone = ks_account_load (workspace, id, NULL);
  g_assert_cmpstr (ks_account_get_sector (redone), ==, "Shipbuilding");

  /* undo the edit and the adding: the list is back to where it was */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (count_model (ks_account_list (workspace, NULL)), ==, before);
  g_assert_cmpuint (n_visible_accounts (), ==, before);
  g_assert_null (ks_account_load (workspace, id, NULL));
}

static void
test_invalid_input (void)
{
  KsAccountList *list = KS_ACCOUNT_LIST (ks_window_get_account_list (window));
  gint64 id = ks_account_list_get_selected_id (list);
  g_autoptr(KsAccount) before = ks_account_load (workspace, id, NULL);
  g_autoptr(KsAccount) after = NULL;
  GtkWidget *row = ks_account_page_get_field_row (account_page (), "revenue");
  gboolean could_undo = ks_workspace_can_undo (workspace);
  const char *undo_label = ks_workspace_get_undo_label (workspace);
  g_autofree char *label_before = g_strdup (undo_label);

  g_assert_nonnull (before);
  apply_field ("revenue", "twelve million");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (row));

  apply_field ("year", "1492x");
  g_assert_true (gtk_widget_has_css_class (ks_account_page_get_field_row (account_page (), "year"), "error"));

  /* nothing was stored, and no undo step was made */
  after = ks_account_load (workspace, id, NULL);
  g_assert_cmpfloat_with_epsilon (ks_account_get_revenue (after), ks_account_get_revenue (before), 1e-9);
  g_assert_cmpint (ks_account_get_year_established (after), ==, ks_account_get_year_established (before));
  g_assert_cmpint (ks_workspace_can_undo (workspace), ==, could_undo);
  g_assert_cmpstr (ks_workspace_get_undo_label (workspace), ==, label_before);

  /* a valid value clears the mark and is stored */
  apply_field ("revenue", "1,250,000");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_clear_object (&after);
  after = ks_account_load (workspace, id, NULL);
  g_assert_cmpfloat_with_epsilon (ks_account_get_revenue (after), 1250000.0, 1e-6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_clear_object (&after);
  after = ks_account_load (workspace, id, NULL);
  g_assert_cmpfloat_with_epsilon (ks_account_get_revenue (after), ks_account_get_revenue (before), 1e-9);

  /* the year row kept the invalid text for the user to fix; the stored
   * value typed back in clears the mark and changes nothing */
  {
    g_autofree char *year = ks_account_get_year_established (before) > 0
      ? g_strdup_printf ("%d", ks_account_get_year_established (before)) : g_strdup ("");
    apply_field ("year", year);
    g_assert_false (gtk_widget_has_css_class (ks_account_page_get_field_row (account_page (), "year"), "error"));
  }
  g_clear_object (&after);
  after = ks_account_load (workspace, id, NULL);
  g_assert_cmpint (ks_account_get_year_established (after), ==, ks_account_get_year_established (before));
}

static void
test_delete_undo (void)
{
  KsAccountList *list = KS_ACCOUNT_LIST (ks_window_get_account_list (window));
  guint before = count_model (ks_account_list (workspace, NULL));
  g_autoptr(KsAccount) victim = NULL;
  g_autoptr(KsAccount) restored = NULL;
  g_autofree char *name = NULL;
  AdwToast *toast;
  gint64 id;

  victim = ks_account_find (workspace, "Hallberg Group", NULL);
  g_assert_nonnull (victim);
  id = ks_account_get_id (victim);
  name = g_strdup (ks_account_get_name (victim));
  g_assert_true (ks_window_select_account_name (window, name));
  g_assert_cmpint (ks_account_page_get_account_id (account_page ()), ==, id);

  g_assert_true (gtk_widget_activate_action (ks_window_get_account_page (window), "account.delete", NULL));
  g_assert_null (ks_account_load (workspace, id, NULL));
  g_assert_cmpuint (count_model (ks_account_list (workspace, NULL)), ==, before - 1);
  g_assert_cmpuint (ks_account_list_get_n_accounts (list), ==, before - 1);
  /* a neighbour is shown instead */
  g_assert_cmpint (ks_account_page_get_account_id (account_page ()), !=, id);
  g_assert_cmpint (ks_account_page_get_account_id (account_page ()), >, 0);

  toast = ks_window_get_last_toast (window);
  g_assert_nonnull (toast);
  g_assert_true (strstr (adw_toast_get_title (toast), name) != NULL);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo");

  /* what the toast's button does */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), adw_toast_get_action_name (toast), NULL));
  restored = ks_account_load (workspace, id, NULL);
  g_assert_nonnull (restored);
  g_assert_cmpstr (ks_account_get_name (restored), ==, name);
  g_assert_cmpuint (ks_account_list_get_n_accounts (list), ==, before);
  /* with its subsidiaries attached again */
  {
    g_autoptr(KsAccount) child = ks_account_find (workspace, "Hallberg Energi AB", NULL);
    g_assert_nonnull (child);
    g_assert_cmpint (ks_account_get_parent_id (child), ==, id);
  }
}

static void
test_people_page (void)
{
  guint expected = count_model (ks_person_list (workspace, NULL));
  KsPeopleList *list = KS_PEOPLE_LIST (ks_window_get_people_list (window));
  KsPeoplePage *page = KS_PEOPLE_PAGE (ks_window_get_people_page (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "people"));
  g_assert_cmpstr (ks_window_get_page (window), ==, "people");
  ks_test_wait_for_paint (GTK_WIDGET (window));

  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (ks_people_list_get_n_people (list), ==, expected);
  g_assert_cmpuint (ks_people_list_get_n_visible (list), ==, expected);
  g_assert_cmpint (ks_people_page_get_person_id (page), ==, ks_people_list_get_selected_id (list));
  g_assert_cmpint (ks_people_page_get_person_id (page), >, 0);

  /* the accounts covered are the person's team memberships */
  {
    g_autoptr(KsPerson) person = ks_person_load (workspace, ks_people_page_get_person_id (page), NULL);
    g_assert_nonnull (person);
    g_assert_cmpuint (ks_people_page_get_n_accounts (page), ==, ks_person_get_account_count (person));
  }

  /* adding a person, and taking it back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-person", NULL));
  g_assert_cmpuint (ks_people_list_get_n_people (list), ==, expected + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (ks_people_list_get_n_people (list), ==, expected);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "accounts"));
}

/* Two users on one file: a second handle on the window's workspace file is
 * the other user, whose saves the window hears nothing of (a file sends no
 * notifications). Enter on a field they changed since the page read it
 * saves nothing: the row says what they saved and keeps the typed text;
 * Enter again saves it over theirs. Then the same when a refresh tells the
 * page while the user types (a server's "changed::accounts"). */
static void
test_edit_conflict (void)
{
  gint64 id = ks_account_page_get_account_id (account_page ());
  GtkWidget *row = ks_account_page_get_field_row (account_page (), "sector");
  g_autoptr(KsWorkspace) other = NULL;
  g_autoptr(KsAccount) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *sector = NULL;
  const char *tooltip;

  g_assert_cmpint (id, >, 0);
  g_assert_nonnull (row);
  other = ks_workspace_open (ks_workspace_get_path (workspace), KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  theirs = ks_account_load (other, id, &error);
  g_assert_no_error (error);
  original = g_strdup (ks_account_get_sector (theirs));
  g_assert_cmpstr (original, !=, "Shipbuilding");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, original);

  /* the other user saves the sector; this one, not told, types over it */
  ks_account_set_sector (theirs, "Shipbuilding");
  g_assert_true (ks_account_save (theirs, other, &error));
  g_assert_no_error (error);
  ks_test_type_into (row, "Rail freight");
  ks_test_press_enter (row);

  sector = stored_sector (id);
  g_assert_cmpstr (sector, ==, "Shipbuilding");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  tooltip = gtk_widget_get_tooltip_text (row);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "Shipbuilding"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Rail freight");

  /* Enter again: told, the user replaces theirs */
  ks_test_press_enter (row);
  g_free (sector);
  sector = stored_sector (id);
  g_assert_cmpstr (sector, ==, "Rail freight");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Rail freight");

  /* told by a refresh while typing: the same, and one Enter replaces theirs */
  g_clear_object (&theirs);
  theirs = ks_account_load (other, id, &error);
  g_assert_no_error (error);
  ks_test_type_into (row, "Ferries");
  ks_account_set_sector (theirs, "Offshore wind");
  g_assert_true (ks_account_save (theirs, other, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (workspace, "changed::accounts", "accounts");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Ferries");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  tooltip = gtk_widget_get_tooltip_text (row);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "Offshore wind"));
  g_free (sector);
  sector = stored_sector (id);
  g_assert_cmpstr (sector, ==, "Offshore wind");
  ks_test_press_enter (row);
  g_free (sector);
  sector = stored_sector (id);
  g_assert_cmpstr (sector, ==, "Ferries");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* back as it was, for the cases after this one */
  g_clear_object (&theirs);
  theirs = ks_account_load (other, id, &error);
  g_assert_no_error (error);
  ks_account_set_sector (theirs, original);
  g_assert_true (ks_account_save (theirs, other, &error));
  g_assert_no_error (error);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  g_signal_emit_by_name (workspace, "changed::accounts", "accounts");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, original);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
}

/* The same on the people page, with no refresh. */
static void
test_edit_conflict_person (void)
{
  KsPeoplePage *page = KS_PEOPLE_PAGE (ks_window_get_people_page (window));
  g_autoptr(KsWorkspace) other = NULL;
  g_autoptr(KsPerson) theirs = NULL;
  g_autoptr(KsPerson) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  GtkWidget *row;
  const char *tooltip;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "people"));
  ks_test_wait_for_paint (GTK_WIDGET (window));
  id = ks_people_page_get_person_id (page);
  g_assert_cmpint (id, >, 0);
  row = ks_people_page_get_field_row (page, "title");
  g_assert_nonnull (row);
  other = ks_workspace_open (ks_workspace_get_path (workspace), KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  theirs = ks_person_load (other, id, &error);
  g_assert_no_error (error);
  original = g_strdup (ks_person_get_title (theirs));
  g_assert_cmpstr (original, !=, "Plant Manager");

  ks_person_set_title (theirs, "Plant Manager");
  g_assert_true (ks_person_save (theirs, other, &error));
  g_assert_no_error (error);
  ks_test_type_into (row, "Head of Buying");
  ks_test_press_enter (row);
  stored = ks_person_load (workspace, id, NULL);
  g_assert_cmpstr (ks_person_get_title (stored), ==, "Plant Manager");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  tooltip = gtk_widget_get_tooltip_text (row);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "Plant Manager"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Head of Buying");

  ks_test_press_enter (row);
  g_clear_object (&stored);
  stored = ks_person_load (workspace, id, NULL);
  g_assert_cmpstr (ks_person_get_title (stored), ==, "Head of Buying");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* back as it was, for the cases after this one */
  g_clear_object (&theirs);
  theirs = ks_person_load (other, id, &error);
  g_assert_no_error (error);
  ks_person_set_title (theirs, original);
  g_assert_true (ks_person_save (theirs, other, &error));
  g_assert_no_error (error);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  g_signal_emit_by_name (workspace, "changed::people", "people");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, original);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "accounts"));
}

static void
test_snapshot (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "window.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GStatBuf st;

  ks_test_wait_for_paint (GTK_WIDGET (window));
  g_assert_true (ks_window_save_screenshot (window, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, gtk_widget_get_height (GTK_WIDGET (window)));
}

/* The message dialog whose heading starts with @prefix, among the toplevels. */
static AdwMessageDialog *
find_dialog (const char *prefix)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)) &&
          g_str_has_prefix (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)), prefix))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static void
test_sort_by_revenue (void)
{
  KsAccountList *list = KS_ACCOUNT_LIST (ks_window_get_account_list (window));
  g_autoptr(GListModel) accounts = ks_account_list (workspace, NULL);
  double largest = -1;
  gint64 largest_id = 0;

  /* the account with the largest revenue, found here from the stored rows */
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(KsAccount) a = g_list_model_get_item (accounts, i);
      if (!isnan (ks_account_get_revenue (a)) && ks_account_get_revenue (a) > largest)
        {
          largest = ks_account_get_revenue (a);
          largest_id = ks_account_get_id (a);
        }
    }
  g_assert_cmpint (largest_id, >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "accounts.sort", "s", "revenue"));
  g_assert_cmpstr (ks_account_list_get_sort (list), ==, "revenue");
  g_assert_cmpint (ks_account_list_get_id_at (list, 0), ==, largest_id);

  ks_account_list_set_sort (list, "name");
  g_assert_cmpstr (ks_account_list_get_sort (list), ==, "name");
  {
    g_autoptr(KsAccount) first = g_list_model_get_item (accounts, 0);
    g_assert_cmpint (ks_account_list_get_id_at (list, 0), ==, ks_account_get_id (first));
  }
}

static void
test_notes_saved (void)
{
  KsAccountPage *page = account_page ();
  gint64 id = ks_account_page_get_account_id (page);
  g_autoptr(KsAccount) after = NULL;
  GtkTextView *view = NULL;
  GtkWidget *w;

  /* the notes view: the only GtkTextView on the page */
  for (w = GTK_WIDGET (page); w; )
    {
      if (GTK_IS_TEXT_VIEW (w))
        {
          view = GTK_TEXT_VIEW (w);
          break;
        }
      if (gtk_widget_get_first_child (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w && w != GTK_WIDGET (page) && !gtk_widget_get_next_sibling (w))
            w = gtk_widget_get_parent (w);
          w = (w && w != GTK_WIDGET (page)) ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (view);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Met the CFO; budget approved for 2027.", -1);
  /* saved a second after typing, or at once when the page is left */
  ks_account_page_flush (page);
  after = ks_account_load (workspace, id, NULL);
  g_assert_cmpstr (ks_account_get_notes (after), ==, "Met the CFO; budget approved for 2027.");
  g_assert_cmpstr (ks_workspace_get_undo_label (workspace), ==, "Edit account");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
}

/* The first widget under @root, depth first, for which @match is TRUE. */
static GtkWidget *
find_widget (GtkWidget  *root,
             gboolean  (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      if ((found = find_widget (child, match, data)))
        return found;
    }
  return NULL;
}

static gboolean
is_combo_titled (GtkWidget    *widget,
                 gconstpointer title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_popover (GtkWidget    *widget,
            gconstpointer data)
{
  return GTK_IS_POPOVER (widget);
}

static const char *
combo_selected_text (AdwComboRow *row)
{
  gpointer item = adw_combo_row_get_selected_item (row);

  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : NULL;
}

/* The Owner row shows the account's owner; opened, it lists "None" and
 * every person; a pick is saved as one undo step and shown afterwards. */
static void
test_owner_row (void)
{
  KsAccountPage *page = account_page ();
  gint64 id = ks_account_page_get_account_id (page);
  g_autoptr(KsAccount) before = ks_account_load (workspace, id, NULL);
  g_autoptr(KsAccount) after = NULL;
  g_autoptr(GListModel) people = ks_person_list (workspace, NULL);
  g_autoptr(KsPerson) pick = NULL;
  AdwComboRow *row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (page), is_combo_titled, "Owner"));
  GtkWidget *popover;
  guint n_people = g_list_model_get_n_items (people);
  guint pos = 0;

  g_assert_nonnull (row);
  g_assert_cmpuint (n_people, >=, 2);
  g_assert_cmpstr (combo_selected_text (row), ==,
                   ks_account_get_owner_id (before) > 0 ? ks_account_get_owner_name (before) : "None");

  /* open it as a click or Enter would */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 1 + n_people);
  g_assert_cmpstr (combo_selected_text (row), ==,
                   ks_account_get_owner_id (before) > 0 ? ks_account_get_owner_name (before) : "None");

  /* pick the first person who is not the owner: position 1 + index */
  for (guint i = 0; i < n_people && !pick; i++)
    {
      g_autoptr(KsPerson) p = g_list_model_get_item (people, i);
      if (ks_person_get_id (p) != ks_account_get_owner_id (before))
        {
          pick = g_steal_pointer (&p);
          pos = 1 + i;
        }
    }
  g_assert_nonnull (pick);
  g_assert_cmpstr (gtk_string_object_get_string (g_list_model_get_item (adw_combo_row_get_model (row), pos)), ==,
                   ks_person_get_name (pick));
  adw_combo_row_set_selected (row, pos);
  popover = find_widget (GTK_WIDGET (row), is_popover, NULL);
  if (popover)
    gtk_popover_popdown (GTK_POPOVER (popover));

  after = ks_account_load (workspace, id, NULL);
  g_assert_cmpint (ks_account_get_owner_id (after), ==, ks_person_get_id (pick));
  g_assert_cmpstr (ks_workspace_get_undo_label (workspace), ==, "Edit account");
  g_assert_cmpstr (combo_selected_text (row), ==, ks_person_get_name (pick));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_clear_object (&after);
  after = ks_account_load (workspace, id, NULL);
  g_assert_cmpint (ks_account_get_owner_id (after), ==, ks_account_get_owner_id (before));
  g_assert_cmpstr (combo_selected_text (row), ==,
                   ks_account_get_owner_id (before) > 0 ? ks_account_get_owner_name (before) : "None");
}

/* Keyboard Shortcuts (the main menu, Ctrl+?) opens the shortcuts window over
 * this window; closing hides it and it opens again. */
static void
test_shortcuts_window (void)
{
  GtkWindow *shown = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && !shown; i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (GTK_IS_SHORTCUTS_WINDOW (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        shown = w;
    }
  g_assert_nonnull (shown);
  g_assert_true (gtk_window_get_transient_for (shown) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (shown));
  gtk_window_close (shown);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shown)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shown)));
  gtk_window_close (shown);
}

/* A list longer than the first screenful: GtkListView's rows come a slice at
 * a time after the first frame, yet once the window is shown the view holds
 * every account, in name order, and search and selection reach the last. */
static void
test_long_list (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "long.keystone", NULL);
  g_autoptr(KsWorkspace) big = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) last = NULL;
  KsWindow *w;
  KsAccountList *list;
  GtkWidget *view = NULL;
  GtkEditable *entry;
  gint64 end;

  big = ks_workspace_open (path, KS_WORKSPACE_OPEN_NEW, &error);
  g_assert_no_error (error);
  g_assert_true (ks_workspace_begin (big, "Add accounts", &error));
  /* "Account 000" … "Account 249": name order is number order */
  for (guint i = 0; i < 250; i++)
    {
      g_autofree char *name = g_strdup_printf ("Account %03u", i);
      g_autoptr(KsAccount) account = ks_account_new (name);

      g_assert_true (ks_account_save (account, big, &error));
      g_assert_no_error (error);
    }
  g_assert_true (ks_workspace_commit (big, &error));
  last = ks_account_find (big, "Account 249", NULL);
  g_assert_nonnull (last);

  w = ks_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (w), 1280, 800);
  ks_window_set_workspace (w, big);
  gtk_window_present (GTK_WINDOW (w));
  ks_test_wait_for_paint (GTK_WIDGET (w));
  list = KS_ACCOUNT_LIST (ks_window_get_account_list (w));

  /* the view itself, without asking the list (which would finish the fill) */
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c && !view; )
    {
      if (GTK_IS_LIST_VIEW (c))
        view = c;
      else if (gtk_widget_get_first_child (c))
        c = gtk_widget_get_first_child (c);
      else
        {
          while (c && c != GTK_WIDGET (list) && !gtk_widget_get_next_sibling (c))
            c = gtk_widget_get_parent (c);
          c = (c && c != GTK_WIDGET (list)) ? gtk_widget_get_next_sibling (c) : NULL;
        }
    }
  g_assert_nonnull (view);
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)))) < 250 &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)))), ==, 250);

  g_assert_cmpuint (ks_account_list_get_n_accounts (list), ==, 250);
  g_assert_cmpint (ks_account_list_get_id_at (list, 249), ==, ks_account_get_id (last));
  g_assert_cmpint (ks_account_list_get_selected_id (list), ==, ks_account_list_get_id_at (list, 0));

  ks_window_select_account (w, ks_account_get_id (last));
  g_assert_cmpint (ks_account_list_get_selected_id (list), ==, ks_account_get_id (last));
  g_assert_cmpint (ks_account_page_get_account_id (KS_ACCOUNT_PAGE (ks_window_get_account_page (w))), ==,
                   ks_account_get_id (last));

  entry = ks_account_list_get_search_entry (list);
  gtk_editable_set_text (entry, "Account 248");
  end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (ks_account_list_get_n_visible (list) != 1 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (ks_account_list_get_n_visible (list), ==, 1);

  gtk_window_destroy (GTK_WINDOW (w));
  spin (50);
}

/* The Power Map and Plan views show the selected account, and follow the
 * selection afterwards (the pages are built when first shown). */
static void
test_account_views (void)
{
  KsAccountList *list = KS_ACCOUNT_LIST (ks_window_get_account_list (window));
  gint64 first = ks_account_list_get_id_at (list, 0);
  gint64 second = ks_account_list_get_id_at (list, 1);
  GtkWidget *map, *plan;

  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (second, >, 0);
  ks_window_select_account (window, first);

  ks_window_set_account_view (window, "map");
  map = ks_window_get_powermap_page (window);
  ks_test_wait_for_paint (map);
  g_assert_cmpint (ks_powermap_page_get_account_id (KS_POWERMAP_PAGE (map)), ==, first);

  ks_window_set_account_view (window, "plan");
  plan = ks_window_get_plan_page (window);
  ks_test_wait_for_paint (plan);
  g_assert_false (gtk_widget_get_mapped (map));
  g_assert_cmpint (ks_plan_page_get_account_id (KS_PLAN_PAGE (plan)), ==, first);

  ks_account_list_set_selected_id (list, second);
  g_assert_cmpint (ks_plan_page_get_account_id (KS_PLAN_PAGE (plan)), ==, second);
  g_assert_cmpint (ks_powermap_page_get_account_id (KS_POWERMAP_PAGE (map)), ==, second);

  ks_window_set_account_view (window, "profile");
  ks_window_select_account (window, first);
  ks_test_wait_for_paint (ks_window_get_account_page (window));
  g_assert_cmpint (ks_account_page_get_account_id (account_page ()), ==, first);
}

static void
test_team_member (void)
{
  KsAccountPage *page = account_page ();
  gint64 id = ks_account_page_get_account_id (page);
  g_autoptr(GListModel) before = ks_team_member_list_for_account (workspace, id, NULL);
  guint n = g_list_model_get_n_items (before);
  g_autoptr(GListModel) after = NULL;
  AdwMessageDialog *dialog;
  gint64 member_id = 0;

  g_assert_cmpuint (ks_account_page_get_n_members (page), ==, n);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "account.add-member", NULL));
  dialog = find_dialog ("Add Team Member");
  g_assert_nonnull (dialog);
  /* what the "Add" button does, with the first person not yet in the team */
  adw_message_dialog_response (dialog, "save");
  gtk_window_close (GTK_WINDOW (dialog));

  after = ks_team_member_list_for_account (workspace, id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n + 1);
  g_assert_cmpuint (ks_account_page_get_n_members (page), ==, n + 1);

  for (guint i = 0; i < g_list_model_get_n_items (after) && !member_id; i++)
    {
      g_autoptr(KsTeamMember) m = g_list_model_get_item (after, i);
      gboolean known = FALSE;
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(KsTeamMember) old = g_list_model_get_item (before, j);
          known |= ks_team_member_get_id (old) == ks_team_member_get_id (m);
        }
      if (!known)
        member_id = ks_team_member_get_id (m);
    }
  g_assert_cmpint (member_id, >, 0);

  /* removing gives a toast with Undo */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "account.remove-member", "x", member_id));
  g_assert_cmpuint (ks_account_page_get_n_members (page), ==, n);
  g_assert_nonnull (ks_window_get_last_toast (window));
  g_assert_cmpstr (adw_toast_get_action_name (ks_window_get_last_toast (window)), ==, "win.undo");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (ks_account_page_get_n_members (page), ==, n + 1);
  /* and the adding */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (ks_account_page_get_n_members (page), ==, n);
}

static void
test_import_crm (void)
{
  g_autofree char *dir = ks_test_crm_dir ();
  guint before = count_model (ks_account_list (workspace, NULL));
  GtkWindow *dialog;
  const char *body;

  if (!dir)
    {
      g_test_skip ("the CRM export is not beside the project");
      return;
    }
  dialog = ks_window_import_crm (window, dir);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Import Finished");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  /* the export's rows: wc -l minus the header, people = agents and managers */
  g_assert_true (g_str_has_prefix (body, "Imported 85 accounts, 41 people, 7 products, 8,800 opportunities."));
  gtk_window_close (dialog);

  /* The 8,800 opportunities are indexed for search on idle (five slices
   * of 2,000 ids), before anyone searches, and that is no undo step. */
  g_assert_cmpint (ks_search_count_pending (workspace, NULL), ==, 8800);
  for (guint i = 0; i < 100 && ks_search_count_pending (workspace, NULL) > 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (ks_search_count_pending (workspace, NULL), ==, 0);

  g_assert_cmpuint (count_model (ks_account_list (workspace, NULL)), ==, before + 85);
  g_assert_cmpuint (ks_account_list_get_n_accounts (KS_ACCOUNT_LIST (ks_window_get_account_list (window))),
                    ==, before + 85);

  /* one undo step takes it all back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (count_model (ks_account_list (workspace, NULL)), ==, before);
  g_assert_cmpuint (ks_account_list_get_n_accounts (KS_ACCOUNT_LIST (ks_window_get_account_list (window))),
                    ==, before);
}

static void
test_import_crm_refused (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "bad-crm", NULL);
  g_autofree char *file = NULL;
  guint before = count_model (ks_account_list (workspace, NULL));
  GtkWindow *dialog;
  const char *body;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  /* line 3 has an unterminated quote */
  file = ks_test_write_file (dir, "accounts.csv",
                             "account,sector\nAcme Corporation,technology\n\"Broken,retail\n", -1);
  dialog = ks_window_import_crm (window, dir);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Import Refused");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_true (g_str_has_prefix (body, "Nothing was imported."));
  g_assert_nonnull (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)));
  gtk_window_close (dialog);
  g_assert_cmpuint (count_model (ks_account_list (workspace, NULL)), ==, before);
}

static void
test_json_export_import (void)
{
  g_autofree char *good = g_build_filename (tmpdir, "export.json", NULL);
  g_autofree char *bad = NULL;
  guint before = count_model (ks_account_list (workspace, NULL));
  GtkWindow *question;
  AdwMessageDialog *error_dialog;

  g_assert_true (ks_window_export_json (window, good));
  g_assert_true (g_file_test (good, G_FILE_TEST_IS_REGULAR));

  /* a truncated file: asked first (the workspace is not empty), then refused */
  bad = ks_test_write_file (tmpdir, "truncated.json", "{\n  \"format\": \"keystone-workspace\",\n  \"accounts\": [", -1);
  question = ks_window_import_json (window, bad);
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)), ==,
                   "Replace the Workspace’s Contents?");
  /* what the "Replace" button does */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "replace");
  error_dialog = find_dialog ("Could Not Import");
  g_assert_nonnull (error_dialog);
  g_assert_true (g_str_has_suffix (adw_message_dialog_get_body (error_dialog), "Nothing was changed."));
  gtk_window_close (GTK_WINDOW (error_dialog));
  gtk_window_close (question);
  g_assert_cmpuint (count_model (ks_account_list (workspace, NULL)), ==, before);

  /* the export replaces the workspace with the same contents */
  question = ks_window_import_json (window, good);
  g_assert_nonnull (question);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "replace");
  gtk_window_close (question);
  g_assert_null (find_dialog ("Could Not Import"));
  g_assert_cmpuint (count_model (ks_account_list (workspace, NULL)), ==, before);
  g_assert_nonnull (ks_window_get_last_toast (window));
  g_assert_cmpstr (adw_toast_get_action_name (ks_window_get_last_toast (window)), ==, "win.undo");
}

/* An empty workspace: beside the empty lists the content says there is
 * nothing yet (it said "Choose an account in the list", and the power map
 * showed a bare legend with "the key contacts are covered"); with the list
 * hidden it has the button that fills it. An account or a person added
 * takes its place; deleting the last brings it back. */
static void
test_empty_workspace (void)
{
  g_autoptr(KsWorkspace) empty = ks_test_open_workspace (":memory:", TRUE);
  GtkWidget *map;
  g_autoptr(GError) error = NULL;
  gint64 account, person;

  ks_window_set_workspace (window, empty);
  ks_window_set_page (window, "accounts");
  ks_window_set_account_view (window, "map");
  ks_test_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpstr (ks_window_get_empty_title (window), ==, "No Accounts Yet");
  map = ks_window_get_powermap_page (window);
  g_assert_false (gtk_widget_get_mapped (map));
  ks_window_set_page (window, "people");
  ks_test_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpstr (ks_window_get_empty_title (window), ==, "No People Yet");
  g_assert_false (gtk_widget_get_mapped (ks_window_get_people_page (window)));

  account = ks_test_add_account (empty, "Omega");
  ks_window_select_account (window, account);
  ks_window_set_page (window, "accounts");
  ks_test_wait_for_paint (GTK_WIDGET (window));
  g_assert_null (ks_window_get_empty_title (window));
  g_assert_true (gtk_widget_get_mapped (map));

  person = ks_test_add_person (empty, "Pia", 0);
  ks_window_set_page (window, "people");
  ks_window_select_person (window, person);
  ks_test_wait_for_paint (GTK_WIDGET (window));
  g_assert_null (ks_window_get_empty_title (window));

  g_assert_true (ks_account_delete (empty, account, &error));
  g_assert_no_error (error);
  ks_window_set_page (window, "accounts");
  ks_test_wait_for_paint (GTK_WIDGET (window));
  ks_test_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpstr (ks_window_get_empty_title (window), ==, "No Accounts Yet");
  g_assert_false (gtk_widget_get_mapped (map));

  ks_window_set_account_view (window, "profile");
  ks_window_set_workspace (window, workspace);
  ks_test_wait_for_paint (GTK_WIDGET (window));
  g_assert_null (ks_window_get_empty_title (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* before GTK or GLib read it: the default workspace goes into the temp dir */
  if (!ks_test_display_init (&argc, &argv, &tmpdir))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  window = ks_test_demo_window (tmpdir, &workspace);
  g_assert_true (ks_workspace_get_undo_enabled (workspace));

  g_test_add_func ("/app/window/accounts-listed", test_accounts_listed);
  g_test_add_func ("/app/window/search", test_search);
  g_test_add_func ("/app/window/add-edit-undo", test_add_edit_undo);
  g_test_add_func ("/app/window/invalid-input", test_invalid_input);
  g_test_add_func ("/app/window/delete-undo", test_delete_undo);
  g_test_add_func ("/app/window/sort-by-revenue", test_sort_by_revenue);
  g_test_add_func ("/app/window/notes-saved", test_notes_saved);
  g_test_add_func ("/app/window/owner-row", test_owner_row);
  g_test_add_func ("/app/window/team-member", test_team_member);
  g_test_add_func ("/app/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/app/window/long-list", test_long_list);
  g_test_add_func ("/app/window/account-views", test_account_views);
  g_test_add_func ("/app/window/people-page", test_people_page);
  g_test_add_func ("/app/window/import-crm", test_import_crm);
  g_test_add_func ("/app/window/import-crm-refused", test_import_crm_refused);
  g_test_add_func ("/app/window/json-export-import", test_json_export_import);
  g_test_add_func ("/app/window/edit-conflict", test_edit_conflict);
  g_test_add_func ("/app/window/edit-conflict-person", test_edit_conflict_person);
  g_test_add_func ("/app/window/snapshot", test_snapshot);
  g_test_add_func ("/app/window/empty-workspace", test_empty_workspace);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  g_clear_object (&workspace);
  g_free (tmpdir);
  return status;
}
