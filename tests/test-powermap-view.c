/* test-powermap-view.c — the power map page on the demo's automotive account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite 'display'); without a display it reports a skip.
 * The cases share one window and run in order.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ks-account.h"
#include "ks-contact.h"
#include "ks-contact-line.h"
#include "ks-coverage.h"
#include "ks-json.h"
#include "ks-map-snapshot.h"
#include "ks-powermap-page.h"
#include "ks-powermap-view.h"
#include "ks-test-display.h"
#include "ks-test-util.h"
#include "ks-window.h"
#include "ks-workspace.h"

static char *tmpdir;
static KsWorkspace *workspace;
static KsWindow *window;
static gint64 account_id;

/* Helpers */

static KsPowermapPage *
page (void)
{
  return KS_POWERMAP_PAGE (ks_window_get_powermap_page (window));
}

static KsPowermapView *
map (void)
{
  return ks_powermap_page_get_view (page ());
}

static guint
count_model (GListModel *model)
{
  guint n = model ? g_list_model_get_n_items (model) : 0;

  g_clear_object (&model);
  return n;
}

/* The automotive account with the most contacts. */
static gint64
find_automotive_account (void)
{
  g_autoptr(GListModel) accounts = ks_account_list (workspace, NULL);
  gint64 best = 0;
  guint best_n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (accounts, i);
      guint n;

      if (g_strcmp0 (ks_account_get_sector (account), "Automotive") != 0)
        continue;
      n = count_model (ks_contact_list_for_account (workspace, ks_account_get_id (account), NULL));
      if (n > best_n)
        {
          best_n = n;
          best = ks_account_get_id (account);
        }
    }
  return best;
}

static void
node_position (gint64  id,
               double *x,
               double *y)
{
  g_autoptr(KsContact) contact = ks_contact_load (workspace, id, NULL);

  g_assert_nonnull (contact);
  *x = ks_contact_get_x (contact);
  *y = ks_contact_get_y (contact);
}

static gint64
first_node (void)
{
  guint n;
  const KsMapNode *nodes = ks_powermap_view_get_nodes (map (), &n);

  g_assert_cmpuint (n, >, 0);
  return nodes[0].id;
}

/* Cases */

static void
test_nodes_shown (void)
{
  guint expected = count_model (ks_contact_list_for_account (workspace, account_id, NULL));
  guint expected_lines = count_model (ks_contact_line_list_for_account (workspace, account_id, NULL));

  g_assert_cmpuint (expected, >=, 5);
  g_assert_cmpint (ks_powermap_page_get_account_id (page ()), ==, account_id);
  g_assert_cmpuint (ks_powermap_view_get_n_nodes (map ()), ==, expected);
  g_assert_cmpuint (ks_powermap_view_get_n_lines (map ()), ==, expected_lines);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (map ())));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (map ())));
}

static void
test_select_shows_name (void)
{
  gint64 id = first_node ();
  KsContact *contact = ks_powermap_view_get_contact (map (), id);
  GtkWidget *row = ks_powermap_page_get_name_row (page ());
  guint n;

  ks_powermap_view_select_node (map (), id, FALSE);
  ks_powermap_view_get_selected_nodes (map (), &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (gtk_widget_is_visible (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, ks_contact_get_name (contact));
}

static void
test_edit_name_undo (void)
{
  gint64 id = first_node ();
  GtkWidget *row = ks_powermap_page_get_name_row (page ());
  g_autofree char *before = g_strdup (ks_contact_get_name (ks_powermap_view_get_contact (map (), id)));
  g_autoptr(GError) error = NULL;

  ks_powermap_view_select_node (map (), id, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), "Renamed Person");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (ks_contact_get_name (ks_powermap_view_get_contact (map (), id)), ==, "Renamed Person");
  g_assert_true (ks_workspace_undo (workspace, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ks_contact_get_name (ks_powermap_view_get_contact (map (), id)), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, before);
}

static void
test_move_undo (void)
{
  guint n;
  const KsMapNode *nodes = ks_powermap_view_get_nodes (map (), &n);
  gint64 ids[2] = { nodes[0].id, nodes[1].id };
  double x0[2], y0[2], xs[2], ys[2], x, y;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2; i++)
    {
      node_position (ids[i], &x0[i], &y0[i]);
      xs[i] = (isnan (x0[i]) ? 0 : x0[i]) + 137;
      ys[i] = (isnan (y0[i]) ? 0 : y0[i]) - 41;
    }
  g_assert_true (ks_powermap_view_commit_move (map (), ids, xs, ys, 2));
  for (guint i = 0; i < 2; i++)
    {
      node_position (ids[i], &x, &y);
      g_assert_cmpfloat (x, ==, xs[i]);
      g_assert_cmpfloat (y, ==, ys[i]);
    }
  /* the view shows the stored positions */
  nodes = ks_powermap_view_get_nodes (map (), &n);
  g_assert_cmpfloat (nodes[0].x, ==, xs[0]);

  /* one undo step brings both back */
  g_assert_true (ks_workspace_undo (workspace, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      node_position (ids[i], &x, &y);
      g_assert_true ((isnan (x) && isnan (x0[i])) || x == x0[i]);
      g_assert_true ((isnan (y) && isnan (y0[i])) || y == y0[i]);
    }
}

static void
test_delete_undo (void)
{
  guint before = ks_powermap_view_get_n_nodes (map ());
  guint lines_before = ks_powermap_view_get_n_lines (map ());
  gint64 id = first_node ();
  g_autoptr(GError) error = NULL;

  ks_powermap_view_select_node (map (), id, FALSE);
  g_assert_true (ks_powermap_view_delete_selection (map ()));
  g_assert_cmpuint (ks_powermap_view_get_n_nodes (map ()), ==, before - 1);
  g_assert_null (ks_powermap_view_get_contact (map (), id));
  g_assert_nonnull (ks_window_get_last_toast (window));

  g_assert_true (ks_workspace_undo (workspace, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ks_powermap_view_get_n_nodes (map ()), ==, before);
  g_assert_cmpuint (ks_powermap_view_get_n_lines (map ()), ==, lines_before);
  g_assert_nonnull (ks_powermap_view_get_contact (map (), id));
}

static void
test_add_line (void)
{
  guint before = ks_powermap_view_get_n_lines (map ());
  gint64 boss, sub, line;
  g_autoptr(GError) error = NULL;
  guint n;

  /* a new subordinate of the first card: contact and line, one undo step */
  boss = first_node ();
  sub = ks_powermap_view_add_node (map (), KS_NODE_CONTACT, boss);
  g_assert_cmpint (sub, >, 0);
  g_assert_cmpuint (ks_powermap_view_get_n_lines (map ()), ==, before + 1);
  ks_powermap_view_get_selected_nodes (map (), &n);
  g_assert_cmpuint (n, ==, 1);

  /* an influence line from the new card to a competitor */
  {
    gint64 competitor = ks_powermap_view_add_node (map (), KS_NODE_COMPETITOR, 0);

    g_assert_cmpint (competitor, >, 0);
    line = ks_powermap_view_add_line (map (), competitor, sub, KS_LINE_INFLUENCE);
    g_assert_cmpint (line, >, 0);
    g_assert_cmpuint (ks_powermap_view_get_n_lines (map ()), ==, before + 2);
    ks_powermap_view_get_selected_lines (map (), &n);
    g_assert_cmpuint (n, ==, 1);
  }

  /* back to where we were: line, competitor, subordinate */
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (ks_workspace_undo (workspace, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (ks_powermap_view_get_n_lines (map ()), ==, before);
  g_assert_null (ks_powermap_view_get_contact (map (), sub));
}

static void
test_coverage_list (void)
{
  g_autoptr(KsCoverageReport) report = ks_coverage_check_account (workspace, account_id, NULL, NULL);
  guint n;
  const gint64 *selected;

  g_assert_nonnull (report);
  g_assert_cmpuint (ks_powermap_page_get_n_checks (page ()), ==, report->findings->len);
  g_assert_cmpuint (report->findings->len, >, 0);

  /* a finding selects its contact */
  for (guint i = 0; i < report->findings->len; i++)
    {
      KsCoverageFinding *finding = g_ptr_array_index (report->findings, i);

      if (finding->contact_id == 0)
        continue;
      ks_powermap_view_clear_selection (map ());
      ks_powermap_page_activate_check (page (), i);
      selected = ks_powermap_view_get_selected_nodes (map (), &n);
      g_assert_cmpuint (n, ==, 1);
      g_assert_cmpint (selected[0], ==, finding->contact_id);
      break;
    }
}

static void
test_snapshot_compare (void)
{
  g_autoptr(KsMapSnapshot) snapshot = NULL;
  g_autoptr(KsContact) contact = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = first_node ();

  snapshot = ks_map_snapshot_save (workspace, account_id, NULL, "Test", &error);
  g_assert_no_error (error);
  list = ks_map_snapshot_list (workspace, account_id, NULL);
  contact = ks_contact_load (workspace, id, NULL);
  ks_contact_set_attitude (contact, ks_contact_get_attitude (contact) == KS_ATTITUDE_OPPONENT
                                      ? KS_ATTITUDE_SUPPORTER : KS_ATTITUDE_OPPONENT);
  g_assert_true (ks_contact_save (contact, workspace, &error));
  g_assert_no_error (error);

  /* the last one in the dropdown is the one just saved: one change */
  g_assert_cmpuint (ks_powermap_page_compare (page (), list->len), ==, 1);
  g_assert_cmpuint (ks_powermap_page_compare (page (), 0), ==, 0);
  g_assert_true (ks_workspace_undo (workspace, &error));
  g_assert_true (ks_workspace_undo (workspace, &error));
  g_assert_no_error (error);
}

static void
test_attribute_edit_undo (void)
{
  gint64 id = first_node ();
  GtkWidget *row = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (page ()), KS_TYPE_POWERMAP_PAGE,
                                                                "power_row");
  KsDecisionPower before = ks_contact_get_power (ks_powermap_view_get_contact (map (), id));
  KsDecisionPower after = before == KS_POWER_LOW ? KS_POWER_HIGH : KS_POWER_LOW;
  g_autoptr(GError) error = NULL;

  ks_powermap_view_select_node (map (), id, FALSE);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, before);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), after);
  g_assert_cmpint (ks_contact_get_power (ks_powermap_view_get_contact (map (), id)), ==, after);
  g_assert_true (ks_workspace_undo (workspace, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_contact_get_power (ks_powermap_view_get_contact (map (), id)), ==, before);
  /* the panel follows the undo */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, before);
}

static void
test_arrow_keys (void)
{
  guint n_lines, n;
  const KsMapLine *lines = ks_powermap_view_get_lines (map (), &n_lines);
  const gint64 *selected;
  gint64 from = 0, to = 0;

  for (guint i = 0; i < n_lines && !from; i++)
    if (lines[i].kind == KS_LINE_REPORTS_TO)
      {
        from = lines[i].from_id;
        to = lines[i].to_id;
      }
  g_assert_cmpint (from, >, 0);

  /* from a subordinate, up goes to a card connected to it: its manager here */
  ks_powermap_view_select_node (map (), from, FALSE);
  g_assert_true (ks_powermap_view_move_selection (map (), 0, -1));
  selected = ks_powermap_view_get_selected_nodes (map (), &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (selected[0], ==, to);

  /* with nothing selected, an arrow starts at the first card */
  ks_powermap_view_clear_selection (map ());
  g_assert_true (ks_powermap_view_move_selection (map (), 1, 0));
  selected = ks_powermap_view_get_selected_nodes (map (), &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (selected[0], ==, first_node ());
}

static void
test_link_selected (void)
{
  guint before = ks_powermap_view_get_n_lines (map ());
  gint64 contact = first_node ();
  gint64 competitor = ks_powermap_view_add_node (map (), KS_NODE_COMPETITOR, 0);
  g_autoptr(GError) error = NULL;
  guint n;
  const KsMapLine *lines;

  g_assert_cmpint (competitor, >, 0);
  ks_powermap_view_select_node (map (), competitor, FALSE);
  ks_powermap_view_select_node (map (), contact, TRUE);
  g_assert_true (ks_powermap_view_link_selected (map ()));
  lines = ks_powermap_view_get_lines (map (), &n);
  g_assert_cmpuint (n, ==, before + 1);
  /* a competitor only ever influences */
  for (guint i = 0; i < n; i++)
    if (lines[i].from_id == competitor)
      g_assert_cmpint (lines[i].kind, ==, KS_LINE_INFLUENCE);

  g_assert_true (ks_workspace_undo (workspace, &error));
  g_assert_true (ks_workspace_undo (workspace, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ks_powermap_view_get_n_lines (map ()), ==, before);
}

static void
test_tidy_undo (void)
{
  guint n;
  const KsMapNode *nodes = ks_powermap_view_get_nodes (map (), &n);
  g_autoptr(KsContact) pinned = ks_contact_load (workspace, nodes[0].id, NULL);
  g_autofree double *x0 = g_new (double, n);
  g_autofree double *y0 = g_new (double, n);
  g_autofree gint64 *ids = g_new (gint64, n);
  g_autoptr(GError) error = NULL;
  gboolean moved = FALSE;
  double x, y;

  ks_contact_set_pinned (pinned, TRUE);
  g_assert_true (ks_contact_save (pinned, workspace, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      ids[i] = nodes[i].id;
      node_position (ids[i], &x0[i], &y0[i]);
    }

  g_assert_true (ks_powermap_view_tidy (map ()));
  node_position (ids[0], &x, &y);
  g_assert_cmpfloat (x, ==, x0[0]);     /* pinned: where it was */
  g_assert_cmpfloat (y, ==, y0[0]);
  for (guint i = 1; i < n; i++)
    {
      node_position (ids[i], &x, &y);
      g_assert_false (isnan (x) || isnan (y));
      moved |= x != x0[i] || y != y0[i];
    }
  g_assert_true (moved);

  /* one undo step puts every card back */
  g_assert_true (ks_workspace_undo (workspace, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      node_position (ids[i], &x, &y);
      g_assert_true ((isnan (x) && isnan (x0[i])) || x == x0[i]);
      g_assert_true ((isnan (y) && isnan (y0[i])) || y == y0[i]);
    }
  g_assert_true (ks_workspace_undo (workspace, &error));   /* the pin */
  g_assert_no_error (error);
}

/* Print goes through GtkPrintOperation; exported to a file it is one
 * landscape page with the cards' names as text. */
static void
test_print_to_file (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  char *argv[] = { (char *) "pdfinfo", path, NULL };
  char *argv_text[] = { (char *) "pdftotext", path, (char *) "-", NULL };
  int status = 0;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (!pdfinfo)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }
  g_assert_true (ks_powermap_page_print (page (), path, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Pages:           1\n"));
  g_assert_true (g_spawn_sync (NULL, argv_text, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Monika Brenner"));
}

static void
test_render_png (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "map.png", NULL);
  g_autofree char *export_path = g_build_filename (tmpdir, "map.svg", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  ks_powermap_view_fit (map ());
  ks_test_wait_for_paint (GTK_WIDGET (map ()));
  g_assert_true (ks_powermap_view_save_png (map (), path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);

  g_assert_true (ks_powermap_page_export (page (), export_path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (export_path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
}

static void
test_keyboard (void)
{
  gint64 id = first_node ();
  double scale;
  guint n;

  /* zoom keys */
  gtk_widget_grab_focus (GTK_WIDGET (map ()));
  scale = ks_powermap_view_get_scale (map ());
  ks_powermap_view_zoom_in (map ());
  g_assert_cmpfloat (ks_powermap_view_get_scale (map ()), >, scale);
  ks_powermap_view_zoom_reset (map ());
  g_assert_cmpfloat (ks_powermap_view_get_scale (map ()), ==, 1.0);
  gtk_widget_activate_action (GTK_WIDGET (page ()), "map.fit", NULL);

  /* Escape clears the selection */
  ks_powermap_view_select_node (map (), id, FALSE);
  ks_powermap_view_clear_selection (map ());
  ks_powermap_view_get_selected_nodes (map (), &n);
  g_assert_cmpuint (n, ==, 0);
}

/* An account without contacts: the page shows what to do instead of a bare
 * legend, the checks say nobody is covered (they used to say all was well),
 * and importing a CSV of contacts fills the map, after which the empty
 * state goes. A malformed file is refused with its line, nothing written. */
static void
test_empty_map (void)
{
  gint64 empty = ks_test_add_account (workspace, "Zeta Empty Oy");
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  GtkWindow *dialog;

  g_assert_cmpint (empty, >, 0);
  ks_window_select_account (window, empty);
  ks_window_set_account_view (window, "map");
  ks_test_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpint (ks_powermap_page_get_account_id (page ()), ==, empty);
  g_assert_cmpuint (ks_powermap_view_get_n_nodes (map ()), ==, 0);
  g_assert_true (ks_powermap_page_shows_empty_state (page ()));
  g_assert_cmpuint (ks_powermap_page_get_n_checks (page ()), ==, 1);

  bad = ks_test_write_file (tmpdir, "bad-contacts.csv",
                            "name,title,decision_power\nAino Virta,CEO,high\nOlli Koski,CFO,enormous\n", -1);
  dialog = ks_powermap_page_import_contacts (page (), bad);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Import Refused");
  gtk_window_destroy (dialog);
  g_assert_cmpuint (ks_powermap_view_get_n_nodes (map ()), ==, 0);
  g_assert_true (ks_powermap_page_shows_empty_state (page ()));

  good = ks_test_write_file (tmpdir, "contacts.csv",
                             "name,title,reports_to,decision_power\n"
                             "Aino Virta,CEO,,high\nOlli Koski,CFO,Aino Virta,medium\n", -1);
  dialog = ks_powermap_page_import_contacts (page (), good);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Import Finished");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "2 contacts"));
  gtk_window_destroy (dialog);
  ks_test_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpuint (ks_powermap_view_get_n_nodes (map ()), ==, 2);
  g_assert_false (ks_powermap_page_shows_empty_state (page ()));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (map ())));
  /* Aino has high power, no owner and has never been contacted: no longer "no-contact". */
  g_assert_cmpuint (ks_powermap_page_get_n_checks (page ()), >, 1);

  ks_window_select_account (window, account_id);
  ks_test_wait_for_paint (GTK_WIDGET (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!ks_test_display_init (&argc, &argv, &tmpdir))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  path = g_build_filename (tmpdir, "demo.keystone", NULL);
  workspace = ks_workspace_open (path, KS_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  ks_json_load_demo (workspace, &error);
  g_assert_no_error (error);
  account_id = find_automotive_account ();
  g_assert_cmpint (account_id, >, 0);

  window = ks_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ks_window_set_workspace (window, workspace);
  ks_window_select_account (window, account_id);
  ks_window_set_account_view (window, "map");
  gtk_window_present (GTK_WINDOW (window));
  ks_test_wait_for_paint (GTK_WIDGET (window));
  ks_test_wait_for_paint (GTK_WIDGET (map ()));

  g_test_add_func ("/app/powermap/nodes-shown", test_nodes_shown);
  g_test_add_func ("/app/powermap/select-shows-name", test_select_shows_name);
  g_test_add_func ("/app/powermap/edit-name-undo", test_edit_name_undo);
  g_test_add_func ("/app/powermap/move-undo", test_move_undo);
  g_test_add_func ("/app/powermap/delete-undo", test_delete_undo);
  g_test_add_func ("/app/powermap/add-line", test_add_line);
  g_test_add_func ("/app/powermap/coverage-list", test_coverage_list);
  g_test_add_func ("/app/powermap/snapshot-compare", test_snapshot_compare);
  g_test_add_func ("/app/powermap/keyboard", test_keyboard);
  g_test_add_func ("/app/powermap/print-to-file", test_print_to_file);
  g_test_add_func ("/app/powermap/attribute-edit-undo", test_attribute_edit_undo);
  g_test_add_func ("/app/powermap/arrow-keys", test_arrow_keys);
  g_test_add_func ("/app/powermap/link-selected", test_link_selected);
  g_test_add_func ("/app/powermap/tidy-undo", test_tidy_undo);
  g_test_add_func ("/app/powermap/render-png", test_render_png);
  g_test_add_func ("/app/powermap/empty-map", test_empty_map);

  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (workspace);
  return status;
}
