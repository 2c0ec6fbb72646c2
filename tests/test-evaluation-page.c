/* test-evaluation-page.c — the opportunity evaluation matrix page, driven
 * as a user would: the empty state and the hint, bubbles where the scores
 * put them, scoring in the side panel (one undo step, the bubble moves),
 * keyboard selection, dragging a divider (saved once, undoable), export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite 'display'); without a display it reports a skip.
 * The cases share one window and run in order. Every expected value is
 * worked out by hand: axis value = (Σ w·s / Σ w − 1) / 4 × 100.
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "ks-evaluation.h"
#include "ks-evaluation-page.h"
#include "ks-evaluation-view.h"
#include "ks-test-display.h"
#include "ks-test-util.h"

static char *tmpdir;
static KsWorkspace *workspace;
static GtkWidget *window;
static KsEvaluationPage *page;
static gint64 opp_a, opp_b;

/* Helpers */

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
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

static KsEvaluationView *
view (void)
{
  return KS_EVALUATION_VIEW (ks_evaluation_page_get_view (page));
}

static gint64
criterion (KsEvalAxis  axis,
           const char *name)
{
  g_autoptr(GPtrArray) all = ks_eval_criteria_list (workspace, NULL);
  KsEvalCriterion *c = ks_eval_criteria_find (all, axis, name);

  g_assert_nonnull (c);
  return c->id;
}

static const KsEvalItem *
item (gint64 id)
{
  const KsEvaluation *e = ks_evaluation_page_get_evaluation (page);
  int i = ks_evaluation_find (e, id);

  g_assert_cmpint (i, >=, 0);
  return &g_array_index (e->items, KsEvalItem, i);
}

/* The quadrant the drawn bubble of @id lies in, by its centre. */
static int
drawn_quadrant (gint64 id)
{
  const KsMatrixLayout *layout;
  double cx, cy, r;
  int index;

  ks_test_wait_for_paint (GTK_WIDGET (view ()));
  layout = ks_evaluation_view_get_layout (view ());
  g_assert_nonnull (layout);
  index = ks_matrix_layout_find (layout, id);
  g_assert_cmpint (index, >=, 0);
  if (!ks_matrix_layout_get_bubble (layout, index, &cx, &cy, &r))
    return -1;
  for (guint q = 0; q < 4; q++)
    {
      KsChartRect rect;

      ks_matrix_layout_get_quadrant_rect (layout, q, &rect);
      if (cx >= rect.x && cx <= rect.x + rect.width && cy >= rect.y && cy <= rect.y + rect.height)
        {
          g_assert_cmpint (ks_matrix_layout_get_bubble_quadrant (layout, index), ==, (int) q);
          return (int) q;
        }
    }
  g_assert_not_reached ();
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

static void
click_score (KsEvalAxis  axis,
             const char *name,
             int         score)
{
  GtkWidget *toggle = ks_evaluation_page_get_score_toggle (page, criterion (axis, name), score);

  g_assert_nonnull (toggle);
  g_assert_true (gtk_widget_get_mapped (toggle));
  g_signal_emit_by_name (toggle, "clicked");   /* as a click does */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  ks_test_wait_for_idle ();
}

static void
undo (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_workspace_undo (workspace, &error));
  g_assert_no_error (error);
  ks_test_wait_for_idle ();
}

/* Cases */

static void
test_empty_state (void)
{
  g_autoptr(KsWorkspace) empty = ks_test_open_workspace (":memory:", TRUE);

  ks_evaluation_page_set_workspace (page, empty);
  ks_test_wait_for_paint (GTK_WIDGET (page));
  g_assert_true (find_label (GTK_WIDGET (page), "No Open Opportunities"));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view ())));

  /* a filter that matches nothing says so too */
  ks_evaluation_page_set_workspace (page, workspace);
  ks_evaluation_page_set_filter (page, &(KsFunnelFilter) { .account = "Nobody GmbH" });
  ks_test_wait_for_paint (GTK_WIDGET (page));
  g_assert_true (find_label (GTK_WIDGET (page), "No Open Opportunities"));
  g_assert_true (find_label (GTK_WIDGET (page), "No open opportunity matches the filter."));
  ks_evaluation_page_set_filter (page, NULL);
}

static void
test_hint_then_placed (void)
{
  g_autoptr(GError) error = NULL;

  ks_test_wait_for_paint (GTK_WIDGET (view ()));
  /* two open opportunities, none scored */
  g_assert_true (find_label (GTK_WIDGET (page), "None of the 2 open opportunities is scored yet"));
  g_assert_true (find_label (GTK_WIDGET (page), "Invest 0 · Don’t lose 0 · Secure 0 · Drop 0 · Not scored 2"));

  /* OPP-A: attractiveness core competence 5 → 100; chance decision-making
   * process 1 → 0: high attractiveness, low chance: Invest. Written
   * elsewhere (core), the page follows on idle. */
  g_assert_true (ks_eval_score_set (workspace, opp_a, criterion (KS_EVAL_ATTRACTIVENESS, "Core competence"), 5,
                                    &error));
  g_assert_true (ks_eval_score_set (workspace, opp_a,
                                    criterion (KS_EVAL_CHANCE, "We know the decision-making process"), 1, &error));
  g_assert_no_error (error);
  ks_test_wait_for_idle ();
  g_assert_cmpfloat (item (opp_a)->attractiveness, ==, 100);
  g_assert_cmpfloat (item (opp_a)->chance, ==, 0);
  g_assert_cmpint (drawn_quadrant (opp_a), ==, KS_EVAL_QUADRANT_INVEST);
  g_assert_false (find_label (GTK_WIDGET (page), "None of the"));
  g_assert_true (find_label (GTK_WIDGET (page), "Invest 1 · Don’t lose 0 · Secure 0 · Drop 0 · Not scored 1"));
  /* the hover card names it */
  {
    g_autoptr(GPtrArray) lines = ks_evaluation_view_card_lines (view (), ks_evaluation_find (
                                                                  ks_evaluation_page_get_evaluation (page), opp_a));
    g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "Acme");
    g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 1), ==, "Invest");
  }
}

static void
test_score_in_panel (void)
{
  g_autoptr(GError) error = NULL;
  const KsMatrixLayout *layout;
  double x_before, x_after, cy, r;

  ks_evaluation_page_set_selected (page, opp_a);
  ks_test_wait_for_paint (GTK_WIDGET (page));
  g_assert_true (find_label (GTK_WIDGET (page), "Invest"));
  layout = ks_evaluation_view_get_layout (view ());
  g_assert_true (ks_matrix_layout_get_bubble (layout, ks_matrix_layout_find (layout, opp_a), &x_before, &cy, &r));
  /* the panel shows what is stored: decision-making process 1 */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    ks_evaluation_page_get_score_toggle (page, criterion (KS_EVAL_CHANCE, "We know the decision-making process"), 1))));

  /* decision-making process 1 → 5: chance 100, Don't lose; the bubble moves right */
  click_score (KS_EVAL_CHANCE, "We know the decision-making process", 5);
  g_assert_cmpstr (ks_workspace_get_undo_label (workspace), ==, "Change Evaluation");
  g_assert_cmpfloat (item (opp_a)->chance, ==, 100);
  g_assert_cmpint (drawn_quadrant (opp_a), ==, KS_EVAL_QUADRANT_DONT_LOSE);
  layout = ks_evaluation_view_get_layout (view ());
  g_assert_true (ks_matrix_layout_get_bubble (layout, ks_matrix_layout_find (layout, opp_a), &x_after, &cy, &r));
  g_assert_cmpfloat (x_after, >, x_before);
  g_assert_cmpint (ks_evaluation_page_get_selected (page), ==, opp_a);

  /* one undo step puts the 1 back, and the panel follows */
  undo ();
  g_assert_cmpfloat (item (opp_a)->chance, ==, 0);
  g_assert_cmpint (drawn_quadrant (opp_a), ==, KS_EVAL_QUADRANT_INVEST);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    ks_evaluation_page_get_score_toggle (page, criterion (KS_EVAL_CHANCE, "We know the decision-making process"), 1))));

  /* OPP-B has no bubble yet: chosen in the panel, scored there. Core
   * competence 1 → attractiveness 0; matching cultures 5 → chance 100:
   * Secure. "–" clears: then it is not placed again. */
  ks_evaluation_page_set_selected (page, opp_b);
  ks_test_wait_for_paint (GTK_WIDGET (page));
  g_assert_true (find_label (GTK_WIDGET (page), "Not placed"));
  click_score (KS_EVAL_ATTRACTIVENESS, "Core competence", 1);
  click_score (KS_EVAL_CHANCE, "Matching cultures", 5);
  g_assert_cmpint (item (opp_b)->quadrant, ==, KS_EVAL_QUADRANT_SECURE);
  g_assert_cmpint (drawn_quadrant (opp_b), ==, KS_EVAL_QUADRANT_SECURE);
  click_score (KS_EVAL_CHANCE, "Matching cultures", 0);
  g_assert_true (isnan (item (opp_b)->chance));
  g_assert_cmpint (item (opp_b)->quadrant, ==, KS_EVAL_QUADRANT_NONE);
  g_assert_cmpint (drawn_quadrant (opp_b), ==, -1);
  undo ();
  g_assert_cmpint (item (opp_b)->quadrant, ==, KS_EVAL_QUADRANT_SECURE);
  g_assert_no_error (error);
}

static void
test_keyboard (void)
{
  GtkEventController *keys = controller_of (GTK_WIDGET (view ()), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  /* OPP-A sits at (0, 100), OPP-B at (100, 0): right of A is B */
  ks_evaluation_page_set_selected (page, opp_a);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_cmpint (ks_evaluation_page_get_selected (page), ==, opp_b);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Left, 0, 0, &handled);
  g_assert_cmpint (ks_evaluation_page_get_selected (page), ==, opp_a);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
  g_assert_cmpint (ks_evaluation_page_get_selected (page), ==, 0);
  ks_test_wait_for_paint (GTK_WIDGET (page));
  g_assert_true (find_label (GTK_WIDGET (page), "No Opportunity Selected"));
}

static void
test_divider_drag (void)
{
  GtkGesture *drag = controller_of (GTK_WIDGET (view ()), GTK_TYPE_GESTURE_DRAG);
  const KsMatrixLayout *layout;
  KsChartRect plot;
  double x0, y0, chance, attractiveness;

  ks_test_wait_for_paint (GTK_WIDGET (view ()));
  layout = ks_evaluation_view_get_layout (view ());
  ks_matrix_layout_get_plot_rect (layout, &plot);
  /* the vertical (chance) divider at 50, at attractiveness 60, away from the bubbles */
  x0 = plot.x + 0.5 * plot.width;
  y0 = plot.y + 0.4 * plot.height;
  g_assert_cmpint (ks_matrix_layout_hit_test (layout, x0, y0).kind, ==, KS_MATRIX_HIT_X_DIVIDER);
  g_signal_emit_by_name (drag, "drag-begin", x0, y0);
  g_signal_emit_by_name (drag, "drag-update", 0.1 * plot.width, 0.0);
  /* nothing is written while dragging */
  g_assert_null (ks_workspace_get_setting (workspace, KS_EVAL_SETTING_CHANCE_DIVIDER));
  g_signal_emit_by_name (drag, "drag-end", 0.25 * plot.width, 0.0);
  ks_test_wait_for_idle ();

  /* 50 + 25 = 75, whole points */
  ks_eval_get_dividers (workspace, &chance, &attractiveness);
  g_assert_cmpfloat (chance, ==, 75);
  g_assert_cmpfloat (attractiveness, ==, 50);
  g_assert_cmpstr (ks_workspace_get_undo_label (workspace), ==, "Move Divider");
  g_assert_cmpfloat (ks_evaluation_page_get_evaluation (page)->chance_divider, ==, 75);
  /* OPP-B's chance 100 is still high; A's 0 still low */
  g_assert_cmpint (item (opp_b)->quadrant, ==, KS_EVAL_QUADRANT_SECURE);

  /* the horizontal one: attractiveness 50 → 100 − 0.9 × 100 … drag up to 80 */
  layout = ks_evaluation_view_get_layout (view ());
  ks_matrix_layout_get_plot_rect (layout, &plot);
  x0 = plot.x + 0.3 * plot.width;
  y0 = plot.y + 0.5 * plot.height;
  g_assert_cmpint (ks_matrix_layout_hit_test (layout, x0, y0).kind, ==, KS_MATRIX_HIT_Y_DIVIDER);
  g_signal_emit_by_name (drag, "drag-begin", x0, y0);
  g_signal_emit_by_name (drag, "drag-end", 0.0, -0.3 * plot.height);
  ks_test_wait_for_idle ();
  ks_eval_get_dividers (workspace, &chance, &attractiveness);
  g_assert_cmpfloat (chance, ==, 75);
  g_assert_cmpfloat (attractiveness, ==, 80);

  /* each drag is one step */
  undo ();
  ks_eval_get_dividers (workspace, &chance, &attractiveness);
  g_assert_cmpfloat (chance, ==, 75);
  g_assert_cmpfloat (attractiveness, ==, 50);
  undo ();
  ks_eval_get_dividers (workspace, &chance, &attractiveness);
  g_assert_cmpfloat (chance, ==, 50);
  g_assert_cmpfloat (ks_evaluation_page_get_evaluation (page)->chance_divider, ==, 50);
}

static void
test_export (void)
{
  g_autofree char *png = g_build_filename (tmpdir, "evaluation.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *data;

  g_assert_true (ks_evaluation_page_export (page, png, &error));
  g_assert_no_error (error);
  bytes = ks_test_read_bytes (png);
  data = g_bytes_get_data (bytes, NULL);
  g_assert_true (memcmp (data, "\x89PNG", 4) == 0);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 16)), ==, 1920);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 20)), ==, 1080);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  gint64 acme, globex;
  int status;

  if (!ks_test_display_init (&argc, &argv, &tmpdir))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  path = g_build_filename (tmpdir, "evaluation.keystone", NULL);
  workspace = ks_test_open_workspace (path, TRUE);
  acme = ks_test_add_account (workspace, "Acme");
  globex = ks_test_add_account (workspace, "Globex");
  /* stage 2 = Proposal without price, 1 = Lead qualified (open); 6 won */
  opp_a = ks_test_add_opportunity (workspace, "OPP-A", "Retrofit", acme, 0, 2, 1000);
  opp_b = ks_test_add_opportunity (workspace, "OPP-B", "Pumps", globex, 0, 1, 500);
  ks_test_add_opportunity (workspace, "OPP-C", "Won one", acme, 0, 6, 800);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  page = KS_EVALUATION_PAGE (ks_evaluation_page_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  ks_test_wait_for_paint (window);

  g_test_add_func ("/app/evaluation/empty-state", test_empty_state);
  g_test_add_func ("/app/evaluation/hint-then-placed", test_hint_then_placed);
  g_test_add_func ("/app/evaluation/score-in-panel", test_score_in_panel);
  g_test_add_func ("/app/evaluation/keyboard", test_keyboard);
  g_test_add_func ("/app/evaluation/divider-drag", test_divider_drag);
  g_test_add_func ("/app/evaluation/export", test_export);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  g_clear_object (&workspace);
  g_free (tmpdir);
  return status;
}
