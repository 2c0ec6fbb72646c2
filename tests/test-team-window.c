/* test-team-window.c — the main window on a team workspace (PostgreSQL):
 * Connect to Team Workspace, another user's change arriving, a refused
 * connection that keeps what was typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite 'display') with the server libpq's environment
 * names (build-aux/test starts one with pg_virtualenv). Each run makes a
 * database of its own and drops it at the end. Without a display or a
 * server it reports a skip (under CI, no server is an error).
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <unistd.h>

#include "ks-account.h"
#include "ks-account-list.h"
#include "ks-account-page.h"
#include "ks-app-util.h"
#include "ks-db.h"
#include "ks-json.h"
#include "ks-team-dialog.h"
#include "ks-test-display.h"
#include "ks-test-util.h"
#include "ks-window.h"
#include "ks-workspace.h"
#include "ks-workspace-private.h"

static char *tmpdir;
static char *database;
static KsWindow *window;

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static guint
n_listed (void)
{
  return ks_account_list_get_n_accounts (KS_ACCOUNT_LIST (ks_window_get_account_list (window)));
}

/* Waits up to @ms for the list to show @n accounts. */
static guint
wait_for_listed (guint n,
                 guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (n_listed () != n && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return n_listed ();
}

static KsWorkspace *
window_workspace (void)
{
  KsWorkspace *ws = ks_window_get_workspace (window);

  g_assert_nonnull (ws);
  return ws;
}

/* The form, filled with a database that is not there: the reason shows,
 * and the window keeps the workspace it had. */
static void
test_refused (void)
{
  KsTeamDialog *dialog = ks_team_dialog_show (window, NULL, NULL);
  KsWorkspace *before = window_workspace ();

  ks_team_dialog_fill (dialog, "", "kst_no_such_database", "", "");
  ks_team_dialog_connect (dialog);
  g_assert_nonnull (ks_team_dialog_get_error (dialog));
  g_assert_nonnull (strstr (ks_team_dialog_get_error (dialog), "kst_no_such_database"));
  g_assert_true (window_workspace () == before);
  /* KEYSTONE_SCREENSHOT_DIR: the form with its error, over the window. */
  if (g_getenv ("KEYSTONE_SCREENSHOT_DIR"))
    {
      g_autofree char *png = g_build_filename (g_getenv ("KEYSTONE_SCREENSHOT_DIR"), "team-connect-light.png", NULL);
      g_autoptr(GError) error = NULL;

      ks_test_wait_for_paint (GTK_WIDGET (dialog));
      g_assert_true (ks_widget_save_png (GTK_WIDGET (window), GTK_WIDGET (dialog), png, &error));
      g_assert_no_error (error);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);
}

/* Connect: an empty database becomes a workspace; the window says where it
 * is, and remembers it without a password. */
static void
test_connect (void)
{
  KsTeamDialog *dialog = ks_team_dialog_show (window, NULL, NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) recent = NULL;
  g_autoptr(GError) error = NULL;
  KsWorkspace *ws;

  ks_team_dialog_fill (dialog, "", database, "", "");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  ks_team_dialog_connect (dialog);
  spin (100);
  g_assert_null (dialog);   /* closed: connected */

  ws = window_workspace ();
  g_assert_true (ks_workspace_is_team (ws));
  g_assert_false (ks_workspace_is_read_only (ws));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), database));
  g_assert_cmpuint (n_listed (), ==, 0);

  recent = g_settings_get_strv (settings, "recent-workspaces");
  g_assert_nonnull (recent[0]);
  g_assert_true (g_str_has_prefix (recent[0], "postgresql://"));
  g_assert_nonnull (strstr (recent[0], database));
  g_assert_null (strstr (recent[0], "password"));

  /* The demo, loaded through the window's own connection, is listed. */
  g_assert_true (ks_json_load_demo (ws, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wait_for_listed (30, 2000), ==, 30);
}

/* Another user adds an account: the window lists it within a second. */
static void
test_live (void)
{
  KsWorkspace *mine = window_workspace ();
  g_autoptr(KsWorkspace) theirs = NULL;
  g_autoptr(GError) error = NULL;
  guint before = n_listed ();

  theirs = ks_workspace_open (ks_workspace_get_path (mine), KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  ks_test_add_account (theirs, "Added Elsewhere AS");
  g_assert_cmpuint (wait_for_listed (before + 1, 1000), ==, before + 1);
}

/* The account page's row for @field (the profile view is shown). */
static GtkWidget *
sector_row (gint64 *id)
{
  KsAccountPage *page = KS_ACCOUNT_PAGE (ks_window_get_account_page (window));
  GtkWidget *row;

  ks_window_set_page (window, "accounts");
  ks_window_set_account_view (window, "profile");
  ks_test_wait_for_idle ();
  *id = ks_account_page_get_account_id (page);
  g_assert_cmpint (*id, >, 0);
  row = ks_account_page_get_field_row (page, "sector");
  g_assert_nonnull (row);
  return row;
}

static char *
stored_sector (KsWorkspace *ws,
               gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = ks_account_load (ws, id, &error);

  g_assert_no_error (error);
  return g_strdup (ks_account_get_sector (account));
}

/* Another user saves the sector this user is typing over: their change
 * arrives (NOTIFY) and the row says so with their value before Enter; Enter
 * then replaces it knowingly. */
static void
test_edit_conflict (void)
{
  KsWorkspace *mine = window_workspace ();
  g_autoptr(KsWorkspace) theirs = NULL;
  g_autoptr(KsAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  gint64 id, end;
  GtkWidget *row = sector_row (&id);

  theirs = ks_workspace_open (ks_workspace_get_path (mine), KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  ks_test_type_into (row, "Rail freight");
  account = ks_account_load (theirs, id, &error);
  g_assert_no_error (error);
  ks_account_set_sector (account, "Shipbuilding");
  g_assert_true (ks_account_save (account, theirs, &error));
  g_assert_no_error (error);

  /* within a second on an idle machine; a sanitizer build under load is slower */
  end = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  while (!gtk_widget_has_css_class (row, "error") && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (row), "Shipbuilding"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Rail freight");
  stored = stored_sector (theirs, id);
  g_assert_cmpstr (stored, ==, "Shipbuilding");

  ks_test_press_enter (row);
  g_free (stored);
  stored = stored_sector (theirs, id);
  g_assert_cmpstr (stored, ==, "Rail freight");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
}

/* Every page and account view on the team workspace's demo: any warning
 * (a query the server refuses is one) fails the case. */
static void
test_pages (void)
{
  static const char *const pages[] = { "people", "portfolio", "raci", "funnel", "accounts" };
  static const char *const views[] = { "map", "plan", "raci", "profile" };
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);

  g_log_set_always_fatal (fatal | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      ks_window_set_page (window, pages[i]);
      ks_test_wait_for_paint (GTK_WIDGET (window));
      ks_test_wait_for_idle ();
      g_assert_cmpstr (ks_window_get_page (window), ==, pages[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      ks_window_set_account_view (window, views[i]);
      ks_test_wait_for_paint (GTK_WIDGET (window));
      ks_test_wait_for_idle ();
    }
  g_log_set_always_fatal (fatal);
}

/* The server drops the window's connection: adding is refused, the window
 * says it is offline; connected again, adding works and the list shows it. */
static void
test_offline (void)
{
  KsWorkspace *ws = window_workspace ();
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  guint before = n_listed ();
  g_autofree char *stored = NULL;
  gint64 pid, id;
  GtkWidget *row = sector_row (&id);

  pid = ks_workspace_query_int (ws, "SELECT pg_backend_pid ()", 0, 0, "read the session", &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")", pid);
  /* Views that read while the server is away log why (not a mistake here). */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  ks_test_server_exec (sql);
  /* The server's goodbye reaches the window through its socket. */
  {
    gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (ks_workspace_is_online (ws) && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
  spin (300);
  g_assert_false (ks_workspace_is_online (ws));
  g_assert_nonnull (ks_window_get_last_toast (window));
  /* Said in a toast: ours, or a view's that could not read meanwhile. */
  {
    const char *said = adw_toast_get_title (ks_window_get_last_toast (window));

    g_test_message ("toast: %s", said);
    g_assert_true (strstr (said, "Lost the connection") || strstr (said, "cannot be reached"));
  }

  /* Text typed meanwhile is refused at its field, and stays there. */
  ks_test_type_into (row, "Typed while offline");
  ks_test_press_enter (row);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_test_message ("at the field: %s", gtk_widget_get_tooltip_text (row));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (row), "cannot be reached"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Typed while offline");

  g_assert_true (ks_workspace_reconnect (ws));
  spin (300);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* Connected again (every view has read again): the text is still there,
   * and Enter saves it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Typed while offline");
  ks_test_press_enter (row);
  stored = stored_sector (ws, id);
  g_assert_cmpstr (stored, ==, "Typed while offline");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  gtk_window_set_focus (GTK_WINDOW (window), NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-account", NULL));
  g_assert_cmpuint (wait_for_listed (before + 1, 1000), ==, before + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KsWorkspace) start = NULL;
  g_autofree char *sql = NULL;
  int status;

  if (!ks_test_display_init (&argc, &argv, &tmpdir))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  if (!g_getenv ("PGHOST") && !g_getenv ("PGSERVICE"))
    {
      if (g_getenv ("CI"))
        g_error ("CI opens a team workspace in the display suite: start a server (build-aux/test)");
      g_print ("1..0 # SKIP no PostgreSQL server (PGHOST is not set)\n");
      return 0;
    }
  database = g_strdup_printf ("kst_app_%d", (int) getpid ());
  sql = g_strdup_printf ("CREATE DATABASE %s", database);
  ks_test_server_exec (sql);

  window = ks_test_demo_window (tmpdir, &start);

  g_test_add_func ("/app/team/refused", test_refused);
  g_test_add_func ("/app/team/connect", test_connect);
  g_test_add_func ("/app/team/pages", test_pages);
  g_test_add_func ("/app/team/live", test_live);
  g_test_add_func ("/app/team/edit-conflict", test_edit_conflict);
  g_test_add_func ("/app/team/offline", test_offline);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  g_clear_object (&start);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", database);
  ks_test_server_exec (sql);
  g_free (database);
  g_free (tmpdir);
  return status;
}
