/* test-portfolio-page.c — the portfolio review in the window, driven as a
 * user would: the matrix (bubbles where the scores put them, hover card,
 * double click opens the account, dragging a divider saves it with undo),
 * filters, the moved list, ABC, the scores grid, a new review period, the
 * account's score card, export and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite 'display'); without a display it reports a skip.
 * The cases share one window and run in order. Pointer input goes to the
 * canvas's own controllers as GTK would hand it over. Every expected value
 * is worked out by hand from the scores written in main().
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ks-account.h"
#include "ks-account-list.h"
#include "ks-opportunity.h"
#include "ks-portfolio-page.h"
#include "ks-portfolio-view.h"
#include "ks-scores-grid.h"
#include "ks-scoring.h"
#include "ks-test-display.h"
#include "ks-test-util.h"
#include "ks-window.h"
#include "ks-workspace.h"

static char *tmpdir;
static KsWorkspace *workspace;
static KsWindow *window;
static gint64 anna, q2, q3, alpha, beta, gamma_id, delta;

/* Helpers */

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static KsPortfolioPage *
page (void)
{
  return KS_PORTFOLIO_PAGE (ks_window_get_portfolio_page (window));
}

static KsPortfolioView *
matrix (void)
{
  return KS_PORTFOLIO_VIEW (ks_portfolio_page_get_matrix (page ()));
}

static gpointer
controller_of (GtkWidget *widget,
               GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;   /* the widget keeps it */
    }
  g_assert_not_reached ();
}

static const KsPortfolioItem *
item_named (const KsPortfolio *p,
            const char        *name)
{
  for (guint i = 0; p && i < p->items->len; i++)
    if (g_str_equal (g_array_index (p->items, KsPortfolioItem, i).name, name))
      return &g_array_index (p->items, KsPortfolioItem, i);
  return NULL;
}

static void
show_portfolio (void)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "portfolio"));
  ks_portfolio_page_set_view (page (), "matrix");
  ks_portfolio_page_reload (page ());
  ks_test_wait_for_paint (GTK_WIDGET (matrix ()));
}

static gboolean
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (find_label (child, prefix))
      return TRUE;
  return FALSE;
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)), heading) == 0)
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

/* Tests */

static void
test_open (void)
{
  const KsPortfolio *p;

  show_portfolio ();
  g_assert_cmpstr (ks_window_get_page (window), ==, "portfolio");
  p = ks_portfolio_page_get_portfolio (page ());
  g_assert_nonnull (p);
  g_assert_cmpstr (p->period, ==, "2026-Q3");
  g_assert_cmpstr (p->compare, ==, "2026-Q2");
  g_assert_cmpuint (p->items->len, ==, 4);
  /* Alpha and Gamma changed quadrant; the sidebar lists them */
  g_assert_cmpuint (p->moved->len, ==, 2);
  g_assert_cmpuint (ks_portfolio_page_get_n_moved (page ()), ==, 2);
  g_assert_true (gtk_widget_get_mapped (ks_portfolio_page_get_sidebar (page ())));
}

static void
get_centre (gint64  id,
            double *x,
            double *y)
{
  const KsMatrixLayout *layout = ks_portfolio_view_get_layout (matrix ());
  int index = ks_matrix_layout_find (layout, id);
  double r;

  g_assert_cmpint (index, >=, 0);
  g_assert_true (ks_matrix_layout_get_bubble (layout, index, x, y, &r));
}

static void
test_bubbles_placed (void)
{
  const KsMatrixLayout *layout = ks_portfolio_view_get_layout (matrix ());
  KsChartRect plot;
  double x, y;

  ks_matrix_layout_get_plot_rect (layout, &plot);
  g_assert_cmpfloat (plot.width, >, 100);
  /* Alpha: profitability 70, potential 30 on 0–100 axes */
  get_centre (alpha, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, plot.x + 0.70 * plot.width, 0.5);
  g_assert_cmpfloat_with_epsilon (y, plot.y + (1 - 0.30) * plot.height, 0.5);
  /* Delta: (10, 90) */
  get_centre (delta, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, plot.x + 0.10 * plot.width, 0.5);
  g_assert_cmpfloat_with_epsilon (y, plot.y + 0.10 * plot.height, 0.5);
}

static void
test_hover_card (void)
{
  GtkEventController *motion = controller_of (GTK_WIDGET (matrix ()), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  const KsMatrixLayout *layout;
  g_autoptr(GPtrArray) lines = NULL;
  gboolean found = FALSE;
  double x, y;

  get_centre (alpha, &x, &y);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_cmpint (ks_portfolio_view_get_hovered (matrix ()), ==, alpha);
  ks_test_wait_for_paint (GTK_WIDGET (matrix ()));
  /* a frame may have laid the matrix out anew (a new size): ask for the layout after it */
  layout = ks_portfolio_view_get_layout (matrix ());
  /* Alpha in Q3: (30 × 70 + 30 × 30) / 100 = 30.0 */
  lines = ks_portfolio_view_card_lines (matrix (), ks_matrix_layout_find (layout, alpha));
  for (guint i = 0; i < lines->len; i++)
    if (strstr (g_ptr_array_index (lines, i), "30.0"))
      found = TRUE;
  g_assert_true (found);
  g_signal_emit_by_name (motion, "leave");
  g_assert_cmpint (ks_portfolio_view_get_hovered (matrix ()), ==, 0);
}

static void
test_keyboard_selection (void)
{
  GtkEventController *keys = controller_of (GTK_WIDGET (matrix ()), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  ks_portfolio_view_set_selected (matrix (), 0);
  /* from nothing, the largest bubble: Gamma (600) */
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_cmpint (ks_portfolio_view_get_selected (matrix ()), ==, gamma_id);
  /* Gamma (20, 80) → right: Beta (50, 50) lies right and lower, within the cone; Alpha (70, 30) is farther */
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
  g_assert_cmpint (ks_portfolio_view_get_selected (matrix ()), ==, beta);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
  g_assert_cmpint (ks_portfolio_view_get_selected (matrix ()), ==, 0);
}

static void
test_divider_drag (void)
{
  GtkGesture *drag = controller_of (GTK_WIDGET (matrix ()), GTK_TYPE_GESTURE_DRAG);
  const KsMatrixLayout *layout = ks_portfolio_view_get_layout (matrix ());
  const KsPortfolio *p;
  KsChartRect plot;
  double x0, y0;

  ks_matrix_layout_get_plot_rect (layout, &plot);
  /* the vertical divider at 50, at a height where no bubble is (potential 60) */
  x0 = plot.x + 0.5 * plot.width;
  y0 = plot.y + 0.4 * plot.height;
  g_assert_cmpint (ks_matrix_layout_hit_test (layout, x0, y0).kind, ==, KS_MATRIX_HIT_X_DIVIDER);
  g_signal_emit_by_name (drag, "drag-begin", x0, y0);
  g_signal_emit_by_name (drag, "drag-update", 0.1 * plot.width, 0.0);
  g_signal_emit_by_name (drag, "drag-update", 0.25 * plot.width, 0.0);
  /* nothing is written while dragging */
  g_assert_null (ks_workspace_get_setting (workspace, "portfolio.dividers.profitability-potential"));
  g_signal_emit_by_name (drag, "drag-end", 0.25 * plot.width, 0.0);

  ks_portfolio_page_reload (page ());
  p = ks_portfolio_page_get_portfolio (page ());
  g_assert_cmpfloat (p->x_divider, ==, 75);
  g_assert_cmpfloat (p->y_divider, ==, 50);
  /* Alpha (70, 30) is now low/low, as it was in Q2: it no longer moved */
  g_assert_cmpint (item_named (p, "Alpha")->quadrant, ==, 0);
  g_assert_cmpuint (p->moved->len, ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ks_portfolio_page_reload (page ());
  p = ks_portfolio_page_get_portfolio (page ());
  g_assert_cmpfloat (p->x_divider, ==, 50);
  g_assert_cmpuint (p->moved->len, ==, 2);
}

static void
test_filters (void)
{
  const KsPortfolio *p;

  ks_portfolio_page_set_owner (page (), anna);
  p = ks_portfolio_page_get_portfolio (page ());
  g_assert_cmpuint (p->items->len, ==, 2);
  g_assert_nonnull (item_named (p, "Alpha"));
  g_assert_nonnull (item_named (p, "Beta"));
  ks_portfolio_page_set_owner (page (), 0);
  /* only Gamma is a key account */
  ks_portfolio_page_set_segment (page (), KS_SEGMENT_KEY);
  p = ks_portfolio_page_get_portfolio (page ());
  g_assert_cmpuint (p->items->len, ==, 1);
  g_assert_nonnull (item_named (p, "Gamma"));
  ks_portfolio_page_set_segment (page (), NULL);
  g_assert_cmpuint (ks_portfolio_page_get_portfolio (page ())->items->len, ==, 4);
}

static void
test_abc_and_ranking (void)
{
  const KsAbcReport *abc;
  const KsRanking *ranking;

  ks_portfolio_page_set_view (page (), "abc");
  ks_test_wait_for_paint (GTK_WIDGET (page ()));
  abc = ks_portfolio_page_get_abc (page ());
  /* Gamma 600 → A; Alpha 300 (60 % before it) → B; Beta 100 (90 %) → C; Delta none → C */
  g_assert_cmpfloat (abc->total, ==, 1000);
  g_assert_cmpuint (abc->counts[KS_ABC_A], ==, 1);
  g_assert_cmpuint (abc->counts[KS_ABC_B], ==, 1);
  g_assert_cmpuint (abc->counts[KS_ABC_C], ==, 2);

  ks_portfolio_page_set_view (page (), "ranking");
  ks_test_wait_for_paint (GTK_WIDGET (page ()));
  ranking = ks_portfolio_page_get_ranking (page ());
  /* Q3 weighted: Gamma (30 × 20 + 30 × 80) / 100 = 30.0, Alpha 30.0, Beta 30.0, Delta 30.0;
   * Q2: Gamma 30.0, Alpha 18.0, Beta 30.0 — ties by name */
  g_assert_cmpuint (ranking->after->len, ==, 4);
  g_assert_cmpuint (ranking->before->len, ==, 3);
  g_assert_cmpstr (g_array_index (ranking->after, KsRankEntry, 0).name, ==, "Alpha");
  g_assert_cmpstr (g_array_index (ranking->before, KsRankEntry, 0).name, ==, "Beta");
  g_assert_cmpstr (g_array_index (ranking->before, KsRankEntry, 2).name, ==, "Alpha");
  ks_portfolio_page_set_view (page (), "matrix");
}

static void
test_scores_grid (void)
{
  KsScoresGrid *grid;

  ks_portfolio_page_set_view (page (), "scores");
  ks_test_wait_for_paint (GTK_WIDGET (page ()));
  grid = KS_SCORES_GRID (ks_portfolio_page_get_scores_grid (page ()));
  g_assert_nonnull (grid);
  g_assert_cmpint (ks_scores_grid_get_period_id (grid), ==, q3);
  g_assert_cmpuint (ks_scores_grid_get_n_rows (grid), ==, 4);
  ks_portfolio_page_set_view (page (), "matrix");
}

static void
test_new_period (void)
{
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(KsScoreTable) table = NULL;
  KsAccountScore *row;
  gint64 q4;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page ()), "portfolio.new-period", NULL));
  dialog = find_dialog ("New Review Period");
  g_assert_nonnull (dialog);
  /* suggested: the quarter after the last one; start from its scores */
  adw_message_dialog_response (dialog, "add");
  gtk_window_close (GTK_WINDOW (dialog));
  periods = ks_period_list (workspace, NULL);
  g_assert_cmpuint (periods->len, ==, 3);
  g_assert_cmpstr (((KsPeriod *) g_ptr_array_index (periods, 2))->name, ==, "2026-Q4");
  q4 = ks_period_get_current (workspace, NULL);
  g_assert_cmpint (q4, ==, ((KsPeriod *) g_ptr_array_index (periods, 2))->id);
  table = ks_score_table_load (workspace, q4, FALSE, NULL);
  row = ks_score_table_find (table, alpha);
  g_assert_nonnull (row);
  g_assert_cmpfloat (row->weighted, ==, 30.0);

  /* one undo step takes the period, its copied scores and the current choice back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_clear_pointer (&periods, g_ptr_array_unref);
  periods = ks_period_list (workspace, NULL);
  g_assert_cmpuint (periods->len, ==, 2);
  g_assert_cmpint (ks_period_get_current (workspace, NULL), ==, q3);
}

static void
test_open_account (void)
{
  GtkGesture *click = controller_of (GTK_WIDGET (matrix ()), GTK_TYPE_GESTURE_CLICK);
  double x, y;

  show_portfolio ();
  get_centre (gamma_id, &x, &y);
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_assert_cmpint (ks_portfolio_view_get_selected (matrix ()), ==, gamma_id);
  g_signal_emit_by_name (click, "pressed", 2, x, y);
  g_assert_cmpstr (ks_window_get_page (window), ==, "accounts");
  g_assert_cmpint (ks_account_list_get_selected_id (KS_ACCOUNT_LIST (ks_window_get_account_list (window))),
                   ==, gamma_id);
}

static void
test_score_card (void)
{
  GtkWidget *account_page = ks_window_get_account_page (window);

  ks_window_select_account (window, alpha);
  ks_test_wait_for_paint (account_page);
  /* Alpha: Q2 (30 × 30 + 30 × 30) / 100 = 18.0, Q3 30.0 */
  g_assert_true (find_label (account_page, "2026-Q3: 30.0, Moderate — up 12.0 since 2026-Q2"));
  g_assert_true (find_label (account_page, "2026-Q2 18.0 (Very weak)  →  2026-Q3 30.0 (Moderate)"));
}

static void
test_export_and_print (void)
{
  g_autofree char *png = g_build_filename (tmpdir, "matrix.png", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "printed.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  show_portfolio ();
  g_assert_true (ks_portfolio_page_export (page (), png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  {
    cairo_surface_t *surface = cairo_image_surface_create_from_png (png);

    g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1920);
    g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1080);
    cairo_surface_destroy (surface);
  }
  g_assert_true (ks_portfolio_page_print (page (), pdf, &error));
  g_assert_no_error (error);
  if (!pdftotext)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  {
    const char *argv[] = { pdftotext, "-layout", pdf, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Retain and nurture"));
  g_assert_nonnull (strstr (out, "Gamma"));
}

/* Each view with nothing to show says what is missing and offers the
 * action that fills it (they drew empty axes, an ABC curve of nothing and
 * a bare "No earlier period"), and goes back to its chart once the data is
 * there: no accounts; accounts without scores or won revenue; a filter that
 * leaves no account. Runs on a workspace of its own, then gives the window
 * the shared one back. */
static const char *
empty_title_of (const char *view)
{
  ks_portfolio_page_set_view (page (), view);
  ks_portfolio_page_reload (page ());
  return ks_portfolio_page_get_empty_title (page ());
}

static void
test_empty_states (void)
{
  g_autoptr(KsWorkspace) empty = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(KsAccount) account = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GError) error = NULL;
  const char *views[] = { "matrix", "abc", "ranking", "scores" };
  gint64 id, period, profit, potential;

  ks_window_set_workspace (window, empty);
  ks_window_set_page (window, "portfolio");
  ks_test_wait_for_paint (GTK_WIDGET (window));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_assert_cmpstr (empty_title_of (views[i]), ==, "No Accounts Yet");
  ks_portfolio_page_set_view (page (), "matrix");
  ks_test_wait_for_paint (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_mapped (ks_portfolio_page_get_matrix (page ())));

  /* an account without scores or revenue */
  id = ks_test_add_account (empty, "Omega");
  g_assert_cmpstr (empty_title_of ("matrix"), ==, "No Scores Yet");
  g_assert_cmpstr (empty_title_of ("ranking"), ==, "No Scores Yet");
  g_assert_cmpstr (empty_title_of ("abc"), ==, "No Won Opportunities Yet");
  g_assert_null (empty_title_of ("scores"));
  /* the matrix's button opens the scores */
  g_assert_cmpstr (empty_title_of ("matrix"), ==, "No Scores Yet");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page ()), "portfolio.show-view", "s", "scores"));
  g_assert_cmpstr (ks_portfolio_page_get_view (page ()), ==, "scores");
  /* the ABC's button ranks by the customers' revenue, which Omega has not */
  ks_portfolio_page_set_view (page (), "abc");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page ()), "portfolio.use-account-revenue", NULL));
  g_assert_cmpint (ks_abc_get_source (empty), ==, KS_REVENUE_ACCOUNT);
  g_assert_cmpstr (empty_title_of ("abc"), ==, "No Revenue Figures Yet");
  account = ks_account_load (empty, id, &error);
  g_assert_no_error (error);
  ks_account_set_revenue (account, 5e6);
  g_assert_true (ks_account_save (account, empty, &error));
  g_assert_no_error (error);
  g_assert_null (empty_title_of ("abc"));

  /* scores place Omega on the matrix and in the ranking */
  period = ks_period_ensure (empty, "2026-Q3", TRUE, &error);
  g_assert_no_error (error);
  criteria = ks_criteria_list (empty, NULL);
  profit = ks_criteria_find (criteria, "Yield strength")->id;
  potential = ks_criteria_find (criteria, "Reserve potential")->id;
  g_assert_true (ks_score_set (empty, id, period, profit, 60, NULL, &error));
  g_assert_true (ks_score_set (empty, id, period, potential, 40, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (empty_title_of ("matrix"));
  g_assert_null (empty_title_of ("ranking"));
  g_assert_null (empty_title_of ("matrix"));
  ks_test_wait_for_paint (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (ks_portfolio_page_get_matrix (page ())));

  /* a filter that leaves no account (Omega is not a key account) */
  ks_portfolio_page_set_segment (page (), KS_SEGMENT_KEY);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (!g_str_equal (views[i], "abc"))
      g_assert_cmpstr (empty_title_of (views[i]), ==, "No Matching Accounts");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page ()), "portfolio.show-all", NULL));
  g_assert_null (empty_title_of ("matrix"));
  g_assert_cmpuint (ks_portfolio_page_get_portfolio (page ())->items->len, ==, 1);

  ks_window_set_workspace (window, workspace);
  ks_portfolio_page_set_view (page (), "matrix");
  ks_test_wait_for_paint (GTK_WIDGET (window));
}

static void
score (gint64 account,
       gint64 period,
       gint64 criterion,
       double value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_score_set (workspace, account, period, criterion, value, NULL, &error));
  g_assert_no_error (error);
}

static gint64
add_account (const char *name,
             gint64      owner,
             const char *segment,
             double      won)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = ks_account_new (name);
  gint64 id;

  ks_account_set_owner_id (account, owner);
  ks_account_set_segment (account, segment);
  g_assert_true (ks_account_save (account, workspace, &error));
  id = ks_account_get_id (account);
  if (won > 0)
    {
      g_autofree char *ref = g_strdup_printf ("won-%s", name);
      g_autoptr(KsOpportunity) o = ks_opportunity_new (ref);

      ks_opportunity_set_account_id (o, id);
      ks_opportunity_set_stage (o, "Won");
      ks_opportunity_set_value (o, won);
      g_assert_true (ks_opportunity_save (o, workspace, &error));
    }
  g_assert_no_error (error);
  return id;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GError) error = NULL;
  gint64 profit, potential, bert;
  int status;

  if (!ks_test_display_init (&argc, &argv, &tmpdir))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  path = g_build_filename (tmpdir, "portfolio.keystone", NULL);
  workspace = ks_workspace_open (path, KS_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  /* The scores of test-portfolio.c: profitability (yield strength) × potential
   * (reserve potential), dividers at 50.
   *   Alpha  Q2 (30, 30) → Q3 (70, 30)   moved: retain → retain and nurture
   *   Beta   Q2 (50, 50) → Q3 (50, 50)   on both dividers: high/high, stays
   *   Gamma  Q2 (80, 20) → Q3 (20, 80)   moved: retain and nurture → retain and develop
   *   Delta  only Q3 (10, 90) */
  anna = ks_test_add_person (workspace, "Anna Berg", 0);
  bert = ks_test_add_person (workspace, "Bert Lund", 0);
  alpha = add_account ("Alpha", anna, KS_SEGMENT_IMPORTANT, 300);
  beta = add_account ("Beta", anna, KS_SEGMENT_NORMAL, 100);
  gamma_id = add_account ("Gamma", bert, KS_SEGMENT_KEY, 600);
  delta = add_account ("Delta", 0, KS_SEGMENT_NORMAL, 0);
  q2 = ks_period_ensure (workspace, "2026-Q2", TRUE, &error);
  q3 = ks_period_ensure (workspace, "2026-Q3", TRUE, &error);
  g_assert_no_error (error);
  criteria = ks_criteria_list (workspace, NULL);
  profit = ks_criteria_find (criteria, "Yield strength")->id;
  potential = ks_criteria_find (criteria, "Reserve potential")->id;
  score (alpha, q2, profit, 30);
  score (alpha, q2, potential, 30);
  score (alpha, q3, profit, 70);
  score (alpha, q3, potential, 30);
  score (beta, q2, profit, 50);
  score (beta, q2, potential, 50);
  score (beta, q3, profit, 50);
  score (beta, q3, potential, 50);
  score (gamma_id, q2, profit, 80);
  score (gamma_id, q2, potential, 20);
  score (gamma_id, q3, profit, 20);
  score (gamma_id, q3, potential, 80);
  score (delta, q3, profit, 10);
  score (delta, q3, potential, 90);

  window = ks_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ks_window_set_workspace (window, workspace);
  gtk_window_present (GTK_WINDOW (window));
  ks_test_wait_for_paint (GTK_WIDGET (window));

  g_test_add_func ("/app/portfolio/open", test_open);
  g_test_add_func ("/app/portfolio/bubbles-placed", test_bubbles_placed);
  g_test_add_func ("/app/portfolio/hover-card", test_hover_card);
  g_test_add_func ("/app/portfolio/keyboard-selection", test_keyboard_selection);
  g_test_add_func ("/app/portfolio/divider-drag", test_divider_drag);
  g_test_add_func ("/app/portfolio/filters", test_filters);
  g_test_add_func ("/app/portfolio/abc-and-ranking", test_abc_and_ranking);
  g_test_add_func ("/app/portfolio/scores-grid", test_scores_grid);
  g_test_add_func ("/app/portfolio/new-period", test_new_period);
  g_test_add_func ("/app/portfolio/export-and-print", test_export_and_print);
  g_test_add_func ("/app/portfolio/open-account", test_open_account);
  g_test_add_func ("/app/portfolio/score-card", test_score_card);
  g_test_add_func ("/app/portfolio/empty-states", test_empty_states);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  g_clear_object (&workspace);
  g_free (tmpdir);
  return status;
}
