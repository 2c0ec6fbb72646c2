/* test-scores-grid.c — the scores grid of the portfolio review, driven by
 * keys as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite 'display'); without a display it reports a skip.
 * The cases share one window and run in order. Keys go to the grid's key
 * controller as GTK hands them over; a key the grid leaves to the editor
 * is inserted there, as GtkText would.
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "ks-account.h"
#include "ks-scores-grid.h"
#include "ks-scoring.h"
#include "ks-test-display.h"
#include "ks-test-util.h"
#include "ks-workspace.h"

/* Default criteria, in order (PRODUCT.md §4). */
enum
{
  COL_ACCOUNT,
  COL_ACTUAL_REVENUE,       /* weight 20 */
  COL_RESERVE_POTENTIAL,    /* 30 */
  COL_YIELD_STRENGTH,       /* 30 */
  COL_CUSTOMER_GROWTH,      /* 5 */
  COL_LEARNING,             /* 10 */
  COL_RELATIONSHIP,         /* 5 */
  COL_WEIGHTED,
};

static char *tmpdir;
static KsWorkspace *workspace;
static GtkWindow *window;
static KsScoresGrid *grid;
static gint64 period_id;
static gint64 kessler, alpha, zeta;

/* Helpers */

/* Runs the main loop until the grid's reload idle has run. */
static void
wait_for_reload (void)
{
  ks_test_wait_for_idle ();
}

static GtkWidget *
editor (void)
{
  return ks_test_child_of_type (GTK_WIDGET (grid), GTK_TYPE_TEXT);
}

static gboolean
press (guint           keyval,
       GdkModifierType state)
{
  return ks_test_press_key (GTK_WIDGET (grid), ks_scores_grid_is_editing (grid), keyval, state);
}

static void
type (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    press (gdk_unicode_to_keyval (g_utf8_get_char (p)), 0);
}

static KsScoreTable *
load_table (void)
{
  g_autoptr(GError) error = NULL;
  KsScoreTable *table = ks_score_table_load (workspace, period_id, TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

/* The stored score of @account in grid column @column (NaN = none). */
static double
stored (gint64 account,
        guint  column)
{
  g_autoptr(KsScoreTable) table = load_table ();
  KsAccountScore *row = ks_score_table_find (table, account);

  g_assert_nonnull (row);
  return row->scores[column - 1];
}

static char *
stored_explanation (gint64 account,
                    guint  column)
{
  g_autoptr(KsScoreTable) table = load_table ();
  KsAccountScore *row = ks_score_table_find (table, account);

  g_assert_nonnull (row);
  return g_strdup (row->explanations[column - 1]);
}

static char *
cell (gint64 account,
      guint  column)
{
  int row = ks_scores_grid_find_row (grid, account);

  g_assert_cmpint (row, >=, 0);
  return ks_scores_grid_get_cell_text (grid, row, column);
}

static void
assert_cell (gint64      account,
             guint       column,
             const char *expected)
{
  g_autofree char *text = cell (account, column);

  g_assert_cmpstr (text, ==, expected);
}

static void
focus (gint64 account,
       guint  column)
{
  g_assert_true (ks_scores_grid_set_focus (grid, (guint) ks_scores_grid_find_row (grid, account), column));
}

static void
assert_focus (gint64 account,
              guint  column)
{
  guint row, col;

  g_assert_true (ks_scores_grid_get_focus (grid, &row, &col));
  g_assert_cmpint ((int) row, ==, ks_scores_grid_find_row (grid, account));
  g_assert_cmpuint (col, ==, column);
}

static void
undo (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_workspace_undo (workspace, &error));
  g_assert_no_error (error);
  wait_for_reload ();   /* the grid reloads on idle */
}

static void
redo (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_workspace_redo (workspace, &error));
  g_assert_no_error (error);
  wait_for_reload ();
}

/* Tests */

static void
test_layout (void)
{
  g_autofree char *header = NULL;

  /* three accounts by name, account + six criteria + weighted */
  g_assert_cmpuint (ks_scores_grid_get_n_rows (grid), ==, 3);
  g_assert_cmpuint (ks_scores_grid_get_n_columns (grid), ==, 8);
  g_assert_cmpint (ks_scores_grid_find_row (grid, alpha), ==, 0);
  g_assert_cmpint (ks_scores_grid_find_row (grid, kessler), ==, 1);
  g_assert_cmpint (ks_scores_grid_find_row (grid, zeta), ==, 2);
  header = ks_scores_grid_get_cell_text (grid, -1, COL_RESERVE_POTENTIAL);
  g_assert_cmpstr (header, ==, "Reserve potential");
  assert_cell (kessler, COL_ACCOUNT, "Kessler Automotive Group");
  /* nothing scored: empty cells, no weighted score */
  assert_cell (kessler, COL_ACTUAL_REVENUE, "");
  assert_cell (kessler, COL_WEIGHTED, "");
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (grid)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (grid)), ==, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
test_type_tab_enter (void)
{
  focus (kessler, COL_ACTUAL_REVENUE);
  type ("70");
  g_assert_true (ks_scores_grid_is_editing (grid));
  g_assert_true (press (GDK_KEY_Tab, 0));
  g_assert_false (ks_scores_grid_is_editing (grid));
  assert_focus (kessler, COL_RESERVE_POTENTIAL);
  type ("20");
  g_assert_true (press (GDK_KEY_Return, 0));
  g_assert_false (ks_scores_grid_is_editing (grid));

  /* stored in the right cells, nothing else */
  g_assert_cmpfloat (stored (kessler, COL_ACTUAL_REVENUE), ==, 70);
  g_assert_cmpfloat (stored (kessler, COL_RESERVE_POTENTIAL), ==, 20);
  g_assert_true (isnan (stored (kessler, COL_YIELD_STRENGTH)));
  g_assert_true (isnan (stored (alpha, COL_ACTUAL_REVENUE)));
  g_assert_true (isnan (stored (zeta, COL_RESERVE_POTENTIAL)));

  /* Enter goes down, back to the column where the Tab run began */
  assert_focus (zeta, COL_ACTUAL_REVENUE);

  /* by hand: (20 × 70 + 30 × 20) / 100 = 20.0, "Very weak" (≤ 20) */
  assert_cell (kessler, COL_ACTUAL_REVENUE, "70");
  assert_cell (kessler, COL_RESERVE_POTENTIAL, "20");
  assert_cell (kessler, COL_WEIGHTED, "20.0 Very weak");
  assert_cell (alpha, COL_WEIGHTED, "");
}

static void
test_undo_one_edit (void)
{
  /* one undo takes back the last edit only */
  undo ();
  g_assert_true (isnan (stored (kessler, COL_RESERVE_POTENTIAL)));
  g_assert_cmpfloat (stored (kessler, COL_ACTUAL_REVENUE), ==, 70);
  /* the grid follows: 20 × 70 / 100 = 14.0 */
  assert_cell (kessler, COL_RESERVE_POTENTIAL, "");
  assert_cell (kessler, COL_WEIGHTED, "14.0 Very weak");
  redo ();
  g_assert_cmpfloat (stored (kessler, COL_RESERVE_POTENTIAL), ==, 20);
  assert_cell (kessler, COL_WEIGHTED, "20.0 Very weak");
}

static void
test_refused (void)
{
  const char *undo_label = ks_workspace_get_undo_label (workspace);
  g_autofree char *label_before = g_strdup (undo_label);

  focus (kessler, COL_YIELD_STRENGTH);
  type ("101");
  g_assert_true (press (GDK_KEY_Return, 0));
  /* refused inline: still editing, the text kept, a message, nothing stored */
  g_assert_true (ks_scores_grid_is_editing (grid));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor ())), ==, "101");
  g_assert_cmpstr (ks_scores_grid_get_error (grid), ==, "Scores are 0–100");
  g_assert_true (gtk_widget_has_css_class (editor (), "error"));
  g_assert_true (isnan (stored (kessler, COL_YIELD_STRENGTH)));
  g_assert_cmpstr (ks_workspace_get_undo_label (workspace), ==, label_before);
  assert_focus (kessler, COL_YIELD_STRENGTH);
  /* Tab does not move on either */
  g_assert_true (press (GDK_KEY_Tab, 0));
  assert_focus (kessler, COL_YIELD_STRENGTH);
  g_assert_true (isnan (stored (kessler, COL_YIELD_STRENGTH)));

  /* not a number */
  gtk_editable_set_text (GTK_EDITABLE (editor ()), "abc");
  g_assert_true (press (GDK_KEY_Return, 0));
  g_assert_true (ks_scores_grid_is_editing (grid));
  g_assert_nonnull (ks_scores_grid_get_error (grid));
  gtk_editable_set_text (GTK_EDITABLE (editor ()), "-5");
  g_assert_true (press (GDK_KEY_Return, 0));
  g_assert_true (ks_scores_grid_is_editing (grid));
  g_assert_true (isnan (stored (kessler, COL_YIELD_STRENGTH)));

  /* Escape cancels: nothing stored, the message gone */
  g_assert_true (press (GDK_KEY_Escape, 0));
  g_assert_false (ks_scores_grid_is_editing (grid));
  g_assert_null (ks_scores_grid_get_error (grid));
  g_assert_true (isnan (stored (kessler, COL_YIELD_STRENGTH)));

  /* corrected, it is stored: (1400 + 600 + 30 × 70) / 100 = 41.0, medium */
  type ("101");
  press (GDK_KEY_Return, 0);
  g_assert_true (ks_scores_grid_is_editing (grid));
  press (GDK_KEY_BackSpace, 0);   /* goes to the editor while editing */
  gtk_editable_set_text (GTK_EDITABLE (editor ()), "70");
  g_assert_true (press (GDK_KEY_Return, 0));
  g_assert_false (ks_scores_grid_is_editing (grid));
  g_assert_null (ks_scores_grid_get_error (grid));
  g_assert_cmpfloat (stored (kessler, COL_YIELD_STRENGTH), ==, 70);
  assert_cell (kessler, COL_WEIGHTED, "41.0 Medium");
  /* a decimal score, and 100 itself */
  focus (alpha, COL_LEARNING);
  type ("100");
  press (GDK_KEY_Tab, 0);
  type ("42.5");
  press (GDK_KEY_Return, 0);
  g_assert_cmpfloat (stored (alpha, COL_LEARNING), ==, 100);
  g_assert_cmpfloat (stored (alpha, COL_RELATIONSHIP), ==, 42.5);
  /* 10 × 100 / 100 + 5 × 42.5 / 100 = 10 + 2.125 = 12.125 → 12.1 */
  assert_cell (alpha, COL_WEIGHTED, "12.1 Very weak");
  assert_cell (alpha, COL_RELATIONSHIP, "42.5");
}

static void
test_f2_edits_value (void)
{
  focus (kessler, COL_YIELD_STRENGTH);
  g_assert_true (press (GDK_KEY_F2, 0));
  g_assert_true (ks_scores_grid_is_editing (grid));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor ())), ==, "70");
  /* unchanged: no undo step */
  {
    g_autofree char *label = g_strdup (ks_workspace_get_undo_label (workspace));
    gboolean can = ks_workspace_can_redo (workspace);

    g_assert_true (press (GDK_KEY_Return, 0));
    g_assert_cmpstr (ks_workspace_get_undo_label (workspace), ==, label);
    g_assert_cmpint (ks_workspace_can_redo (workspace), ==, can);
  }
  assert_focus (zeta, COL_YIELD_STRENGTH);
}

static void
test_delete_clears (void)
{
  focus (kessler, COL_YIELD_STRENGTH);
  g_assert_true (press (GDK_KEY_Delete, 0));
  g_assert_true (isnan (stored (kessler, COL_YIELD_STRENGTH)));
  assert_cell (kessler, COL_YIELD_STRENGTH, "");
  assert_cell (kessler, COL_WEIGHTED, "20.0 Very weak");
  /* one undo brings exactly that score back */
  undo ();
  g_assert_cmpfloat (stored (kessler, COL_YIELD_STRENGTH), ==, 70);
  assert_cell (kessler, COL_YIELD_STRENGTH, "70");
  assert_cell (kessler, COL_WEIGHTED, "41.0 Medium");
  g_assert_cmpfloat (stored (kessler, COL_ACTUAL_REVENUE), ==, 70);
  /* BackSpace clears too */
  focus (kessler, COL_YIELD_STRENGTH);
  g_assert_true (press (GDK_KEY_BackSpace, 0));
  g_assert_true (isnan (stored (kessler, COL_YIELD_STRENGTH)));
  undo ();
  g_assert_cmpfloat (stored (kessler, COL_YIELD_STRENGTH), ==, 70);
}

static void
test_navigation (void)
{
  guint n_rows = ks_scores_grid_get_n_rows (grid);

  focus (kessler, COL_RESERVE_POTENTIAL);
  press (GDK_KEY_Up, 0);
  assert_focus (alpha, COL_RESERVE_POTENTIAL);
  press (GDK_KEY_Up, 0);   /* stays at the top */
  assert_focus (alpha, COL_RESERVE_POTENTIAL);
  press (GDK_KEY_Right, 0);
  assert_focus (alpha, COL_YIELD_STRENGTH);
  press (GDK_KEY_End, 0);
  assert_focus (alpha, COL_WEIGHTED);
  press (GDK_KEY_Home, 0);
  assert_focus (alpha, COL_ACCOUNT);
  press (GDK_KEY_Page_Down, 0);
  assert_focus (zeta, COL_ACCOUNT);
  press (GDK_KEY_Home, GDK_CONTROL_MASK);
  assert_focus (alpha, COL_ACCOUNT);
  press (GDK_KEY_End, GDK_CONTROL_MASK);
  assert_focus (zeta, COL_WEIGHTED);
  /* Shift+Enter goes up */
  press (GDK_KEY_Return, GDK_SHIFT_MASK);
  assert_focus (kessler, COL_WEIGHTED);
  /* Tab wraps to the next row's first criterion; at the very end it lets
   * the focus leave the grid */
  focus (kessler, COL_RELATIONSHIP);
  g_assert_true (press (GDK_KEY_Tab, 0));
  assert_focus (zeta, COL_ACTUAL_REVENUE);
  g_assert_true (press (GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  assert_focus (kessler, COL_RELATIONSHIP);
  focus (zeta, COL_RELATIONSHIP);
  g_assert_false (press (GDK_KEY_Tab, 0));
  /* typing in a read-only column does nothing */
  focus (zeta, COL_WEIGHTED);
  g_assert_false (press (GDK_KEY_5, 0));
  g_assert_false (ks_scores_grid_is_editing (grid));
  /* arrows after typing commit and move */
  focus (zeta, COL_ACTUAL_REVENUE);
  type ("5");
  g_assert_true (press (GDK_KEY_Up, 0));
  g_assert_false (ks_scores_grid_is_editing (grid));
  g_assert_cmpfloat (stored (zeta, COL_ACTUAL_REVENUE), ==, 5);
  assert_focus (kessler, COL_ACTUAL_REVENUE);
  g_assert_cmpuint (ks_scores_grid_get_n_rows (grid), ==, n_rows);
}

static void
test_explanation (void)
{
  GtkPopover *popover = ks_scores_grid_get_explanation_popover (grid);
  GtkWidget *text_view = NULL;
  g_autofree char *stored_text = NULL;

  focus (kessler, COL_ACTUAL_REVENUE);
  g_assert_true (press (GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  for (GtkWidget *w = gtk_popover_get_child (popover); w; )
    {
      if (GTK_IS_TEXT_VIEW (w))
        {
          text_view = w;
          break;
        }
      /* depth first */
      if (gtk_widget_get_first_child (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w && !gtk_widget_get_next_sibling (w))
            w = gtk_widget_get_parent (w);
          w = w ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (text_view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            "Three plants buy from us; the fourth is a competitor's", -1);
  gtk_popover_popdown (popover);

  stored_text = stored_explanation (kessler, COL_ACTUAL_REVENUE);
  g_assert_cmpstr (stored_text, ==, "Three plants buy from us; the fourth is a competitor's");
  g_assert_cmpfloat (stored (kessler, COL_ACTUAL_REVENUE), ==, 70);
  /* one undo step: the explanation goes, the score stays */
  undo ();
  g_clear_pointer (&stored_text, g_free);
  stored_text = stored_explanation (kessler, COL_ACTUAL_REVENUE);
  g_assert_cmpstr (stored_text, ==, "");
  g_assert_cmpfloat (stored (kessler, COL_ACTUAL_REVENUE), ==, 70);
  redo ();

  /* closing without a change writes nothing */
  {
    g_autofree char *label = g_strdup (ks_workspace_get_undo_label (workspace));

    g_assert_true (ks_scores_grid_edit_explanation (grid));
    gtk_popover_popdown (popover);
    g_assert_cmpstr (ks_workspace_get_undo_label (workspace), ==, label);
  }
  /* an unscored cell takes no explanation */
  focus (zeta, COL_LEARNING);
  g_assert_true (ks_scores_grid_edit_explanation (grid));
  g_assert_false (gtk_widget_get_sensitive (text_view));
  gtk_popover_popdown (popover);
}

static void
test_filter (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = ks_account_load (workspace, kessler, &error);

  g_assert_no_error (error);
  ks_account_set_segment (account, KS_SEGMENT_KEY);
  g_assert_true (ks_account_save (account, workspace, &error));
  g_assert_no_error (error);
  wait_for_reload ();

  focus (kessler, COL_YIELD_STRENGTH);
  ks_scores_grid_set_filter (grid, 0, KS_SEGMENT_KEY);
  g_assert_cmpuint (ks_scores_grid_get_n_rows (grid), ==, 1);
  g_assert_cmpint (ks_scores_grid_find_row (grid, kessler), ==, 0);
  g_assert_cmpint (ks_scores_grid_find_row (grid, alpha), ==, -1);
  /* the focus stays on the account */
  assert_focus (kessler, COL_YIELD_STRENGTH);
  ks_scores_grid_set_filter (grid, 0, NULL);
  g_assert_cmpuint (ks_scores_grid_get_n_rows (grid), ==, 3);
  assert_focus (kessler, COL_YIELD_STRENGTH);
}

static void
test_reload_keeps_focus (void)
{
  gint64 aardvark;

  focus (zeta, COL_RESERVE_POTENTIAL);
  /* a new account sorts first: the focus follows Zeta down a row */
  aardvark = ks_test_add_account (workspace, "Aardvark Mining");
  wait_for_reload ();
  g_assert_cmpuint (ks_scores_grid_get_n_rows (grid), ==, 4);
  g_assert_cmpint (ks_scores_grid_find_row (grid, aardvark), ==, 0);
  assert_focus (zeta, COL_RESERVE_POTENTIAL);
  ks_test_wait_for_paint (GTK_WIDGET (grid));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  GtkWidget *scrolled;
  int status;

  if (!ks_test_display_init (&argc, &argv, &tmpdir))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  workspace = ks_test_open_workspace (":memory:", TRUE);
  kessler = ks_test_add_account (workspace, "Kessler Automotive Group");
  alpha = ks_test_add_account (workspace, "Alpha Foods");
  zeta = ks_test_add_account (workspace, "Zeta Logistics");
  period_id = ks_period_ensure (workspace, "2026-Q3", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (period_id, >, 0);
  ks_workspace_clear_undo (workspace);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 600);
  scrolled = gtk_scrolled_window_new ();
  grid = g_object_new (KS_TYPE_SCORES_GRID, "workspace", workspace, "period-id", period_id, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (grid));
  gtk_window_set_child (window, scrolled);
  gtk_window_present (window);
  ks_test_wait_for_paint (GTK_WIDGET (grid));
  gtk_widget_grab_focus (GTK_WIDGET (grid));

  g_test_add_func ("/app/scores-grid/layout", test_layout);
  g_test_add_func ("/app/scores-grid/type-tab-enter", test_type_tab_enter);
  g_test_add_func ("/app/scores-grid/undo-one-edit", test_undo_one_edit);
  g_test_add_func ("/app/scores-grid/refused", test_refused);
  g_test_add_func ("/app/scores-grid/f2-edits-value", test_f2_edits_value);
  g_test_add_func ("/app/scores-grid/delete-clears", test_delete_clears);
  g_test_add_func ("/app/scores-grid/navigation", test_navigation);
  g_test_add_func ("/app/scores-grid/explanation", test_explanation);
  g_test_add_func ("/app/scores-grid/filter", test_filter);
  g_test_add_func ("/app/scores-grid/reload-keeps-focus", test_reload_keeps_focus);

  status = g_test_run ();
  gtk_window_destroy (window);
  g_object_unref (workspace);
  return status;
}
