/* test-raci-page.c — the RACI view and an account's RACI tab in the window:
 * empty state, a new chart, a template for an account (one undo step takes
 * it back), a check row focusing its cell, a role's holders, print to PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite 'display'); without a display it reports a skip.
 * The cases share one window and run in order.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ks-raci-page.h"
#include "ks-team-member.h"
#include "ks-test-display.h"
#include "ks-test-util.h"
#include "ks-window.h"
#include "ks-workspace.h"

static char *tmpdir;
static KsWorkspace *workspace;
static KsWindow *window;
static gint64 acme, anna, bert;

/* Helpers */

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* The grid reloads on idle after edits made elsewhere: iterate until @cond. */
#define WAIT_FOR(cond) \
  G_STMT_START { \
    gint64 end_ = g_get_monotonic_time () + 5 * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < end_) \
      g_main_context_iteration (NULL, FALSE); \
    g_assert_true (cond); \
  } G_STMT_END

static KsRaciPage *
company_page (void)
{
  return KS_RACI_PAGE (ks_window_get_raci_page (window));
}

static KsRaciPage *
account_page (void)
{
  return KS_RACI_PAGE (ks_window_get_account_raci_page (window));
}

static void
add_member (gint64      account_id,
            gint64      person_id,
            const char *role)
{
  g_autoptr(KsTeamMember) member = ks_team_member_new (account_id, person_id);
  g_autoptr(GError) error = NULL;

  ks_team_member_set_role (member, role);
  g_assert_true (ks_team_member_save (member, workspace, &error));
  g_assert_no_error (error);
}

static char *
run (const char *command)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return g_steal_pointer (&out);
}

/* Cases */

static void
test_window_page (void)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "raci"));
  g_assert_cmpstr (ks_window_get_page (window), ==, "raci");
  ks_test_wait_for_paint (GTK_WIDGET (company_page ()));
  g_assert_false (ks_raci_page_get_for_account (company_page ()));
  g_assert_cmpstr (ks_raci_page_get_empty_state (company_page ()), ==, "no-charts");
  g_assert_cmpuint (ks_raci_page_get_n_charts (company_page ()), ==, 0);
}

static void
test_create_chart (void)
{
  KsRaciPage *page = company_page ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = ks_raci_page_create_chart (page, "Key account management", KS_RACI_SCOPE_COMPANY, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (ks_raci_page_get_chart_id (page), ==, id);
  g_assert_cmpuint (ks_raci_page_get_n_charts (page), ==, 1);
  g_assert_cmpstr (ks_raci_page_get_empty_state (page), ==, "no-tasks");

  /* a column for a person, one for a role; then a task: the grid shows */
  g_assert_true (ks_raci_page_add_column (page, anna, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ks_raci_page_add_column (page, 0, "Sales coordinator", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_raci_task_add (workspace, ks_raci_phase_add (workspace, id, "Plan", -1, &error),
                                     "Update the account plan", -1, &error), >, 0);
  g_assert_no_error (error);
  WAIT_FOR (ks_raci_page_get_empty_state (page) == NULL);
  /* no A, no R: two errors, then the empty columns' warnings */
  g_assert_cmpuint (ks_raci_page_get_n_checks (page), >=, 2);

  /* the role's holders, from the account teams */
  g_assert_cmpuint (ks_raci_page_show_column (page, 0, "sales coordinator"), ==, 1);
}

static void
test_check_focuses_cell (void)
{
  KsRaciPage *page = company_page ();
  KsRaciGrid *grid = ks_raci_page_get_grid (page);
  const KsRaciCheck *check = ks_raci_grid_get_check (grid);
  int task = -2, column = -2;

  ks_test_wait_for_paint (GTK_WIDGET (grid));
  g_assert_nonnull (check);
  /* the first findings are about the task, the last ones about the empty columns */
  for (guint i = 0; i < check->findings->len; i++)
    {
      const KsRaciFinding *finding = g_ptr_array_index (check->findings, i);

      ks_raci_page_activate_check (page, i);
      /* a task's problem: its cell (or its name); a column's: its header */
      g_assert_true (ks_raci_grid_get_focus (grid, &task, &column) == (finding->task >= 0));
      g_assert_cmpint (task, ==, finding->task);
      g_assert_cmpint (column, ==, finding->column);
    }
}

static void
test_account_template (void)
{
  KsRaciPage *page;
  g_autoptr(GError) error = NULL;
  const KsRaciChart *chart;
  gint64 id;
  guint bound = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "accounts"));
  ks_window_select_account (window, acme);
  ks_window_set_account_view (window, "raci");
  page = account_page ();
  ks_test_wait_for_paint (GTK_WIDGET (page));
  g_assert_true (ks_raci_page_get_for_account (page));
  g_assert_cmpint (ks_raci_page_get_account_id (page), ==, acme);
  g_assert_cmpstr (ks_raci_page_get_empty_state (page), ==, "no-charts");

  id = ks_raci_page_new_from_template (page, KS_RACI_TEMPLATE_QUOTATION, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (ks_raci_page_get_chart_id (page), ==, id);
  g_assert_null (ks_raci_page_get_empty_state (page));
  chart = ks_raci_grid_get_chart (ks_raci_page_get_grid (page));
  g_assert_nonnull (chart);
  g_assert_cmpuint (chart->tasks->len, >, 0);
  /* roles bound through Acme's team */
  for (guint i = 0; i < chart->columns->len; i++)
    {
      const KsRaciColumn *column = g_ptr_array_index (chart->columns, i);

      g_assert_nonnull (column->role);
      if (column->resolved_id == anna || column->resolved_id == bert)
        bound++;
    }
  g_assert_cmpuint (bound, ==, 2);

  /* One undo step takes the whole chart away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  WAIT_FOR (g_strcmp0 (ks_raci_page_get_empty_state (page), "no-charts") == 0);
  g_assert_cmpuint (ks_raci_page_get_n_charts (page), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  WAIT_FOR (ks_raci_page_get_n_charts (page) == 1 && ks_raci_page_get_chart_id (page) == id);
}

static void
test_print_pdf (void)
{
  KsRaciPage *page = account_page ();
  const KsRaciChart *chart = ks_raci_grid_get_chart (ks_raci_page_get_grid (page));
  g_autofree char *pdf = g_build_filename (tmpdir, "raci.pdf", NULL);
  g_autofree char *png = g_build_filename (tmpdir, "raci.png", NULL);
  g_autofree char *info_cmd = g_strdup_printf ("pdfinfo '%s'", pdf);
  g_autofree char *info = NULL;
  const char *pages_line;
  const char *size_line;
  char *end = NULL;
  double width, height;
  g_autofree char *task_name = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdfinfo = NULL;
  g_autofree char *pdftotext = NULL;
  guint n_pages;

  g_assert_nonnull (chart);
  /* copies: the grid may reload while the print operation iterates */
  task_name = g_strdup (((KsRaciTask *) g_ptr_array_index (chart->tasks, 0))->name);
  for (guint c = 0; c < chart->columns->len; c++)
    g_ptr_array_add (labels, g_strdup (((KsRaciColumn *) g_ptr_array_index (chart->columns, c))->label));
  g_assert_true (ks_raci_page_print (page, pdf, &error));
  g_assert_no_error (error);
  if (!(pdfinfo = g_find_program_in_path ("pdfinfo")) || !(pdftotext = g_find_program_in_path ("pdftotext")))
    {
      g_test_skip ("no pdfinfo/pdftotext");
      return;
    }
  info = run (info_cmd);
  pages_line = strstr (info, "Pages:");
  g_assert_nonnull (pages_line);
  n_pages = (guint) g_ascii_strtoull (pages_line + strlen ("Pages:"), NULL, 10);
  g_assert_cmpuint (n_pages, >=, 1);
  /* landscape, on the locale's paper */
  size_line = strstr (info, "Page size:");
  g_assert_nonnull (size_line);
  width = g_ascii_strtod (size_line + strlen ("Page size:"), &end);
  g_assert_true (g_str_has_prefix (end, " x "));
  height = g_ascii_strtod (end + 3, NULL);
  g_assert_cmpfloat (width, >, height);
  for (guint i = 1; i <= n_pages; i++)
    {
      g_autofree char *cmd = g_strdup_printf ("pdftotext -f %u -l %u '%s' -", i, i, pdf);
      g_autofree char *raw = run (cmd);
      g_auto(GStrv) words = g_strsplit_set (raw, " \n\f", -1);
      g_autofree char *text = NULL;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) kept = NULL;

      /* header labels wrap: compare with the words joined by single spaces */
      for (guint w = 0; words[w]; w++)
        if (*words[w])
          g_strv_builder_add (builder, words[w]);
      kept = g_strv_builder_end (builder);
      text = g_strjoinv (" ", kept);

      /* every page repeats the header row and the task names; the
       * columns go across the pages */
      g_assert_nonnull (strstr (text, "Task"));
      g_assert_nonnull (strstr (text, task_name));
      g_string_append (all, text);
    }

  for (guint c = 0; c < labels->len; c++)
    g_assert_nonnull (strstr (all->str, g_ptr_array_index (labels, c)));

  g_assert_true (ks_raci_page_export (page, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_unlink (png);
  g_unlink (pdf);
}

static void
test_delete_with_undo (void)
{
  KsRaciPage *page = account_page ();

  g_assert_cmpuint (ks_raci_page_get_n_charts (page), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "raci.delete-chart", NULL));
  g_assert_cmpuint (ks_raci_page_get_n_charts (page), ==, 0);
  g_assert_nonnull (ks_window_get_last_toast (window));
  g_assert_cmpstr (adw_toast_get_action_name (ks_window_get_last_toast (window)), ==, "win.undo");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (ks_raci_page_get_n_charts (page), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gint64 other;
  int status;

  if (!ks_test_display_init (&argc, &argv, &tmpdir))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  path = g_build_filename (tmpdir, "raci.keystone", NULL);
  workspace = ks_workspace_open (path, KS_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  anna = ks_test_add_person (workspace, "Anna Berg", 0);
  bert = ks_test_add_person (workspace, "Bert Lund", 0);
  acme = ks_test_add_account (workspace, "Acme Industries");
  other = ks_test_add_account (workspace, "Brio Tools");
  add_member (acme, anna, "Key account manager");
  add_member (acme, bert, "Sales coordinator");
  add_member (other, anna, "Planner");

  window = ks_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ks_window_set_workspace (window, workspace);
  gtk_window_present (GTK_WINDOW (window));
  ks_test_wait_for_paint (GTK_WIDGET (window));

  g_test_add_func ("/app/raci/window-page", test_window_page);
  g_test_add_func ("/app/raci/create-chart", test_create_chart);
  g_test_add_func ("/app/raci/check-focuses-cell", test_check_focuses_cell);
  g_test_add_func ("/app/raci/account-template", test_account_template);
  g_test_add_func ("/app/raci/print-pdf", test_print_pdf);
  g_test_add_func ("/app/raci/delete-with-undo", test_delete_with_undo);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  g_clear_object (&workspace);
  g_free (tmpdir);
  return status;
}
