/* test-raci-grid.c — the RACI grid, driven by keys as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite 'display'); without a display it reports a skip.
 * The cases share one window and one chart and run in order. Keys go to the
 * grid's key controller as GTK hands them over; a key the grid leaves to
 * the rename editor is inserted there, as GtkText would. Every stored
 * letter is read back through core, never from the grid.
 *
 * KS_TEST_SCREENSHOTS=DIR writes the grid as raci-grid-light.png and
 * raci-grid-dark.png there.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ks-raci-grid.h"
#include "ks-raci-private.h"   /* ks_raci_chart_write(): the big chart in one step */
#include "ks-raci.h"
#include "ks-team-member.h"
#include "ks-test-display.h"
#include "ks-test-util.h"
#include "ks-workspace.h"

/* The chart, in order. */
enum { T_FORECAST, T_PRICES, T_SEND, N_TASKS };       /* phases: Prepare (2), Close (1) */
enum { C_ANNA, C_CHRIS, C_COORDINATOR, N_COLUMNS };   /* two people, one role (Ben holds it) */

static char *tmpdir;
static KsWorkspace *workspace;
static GtkWindow *window;
static KsRaciGrid *grid;
static gint64 chart_id, account_id, anna, ben, chris;
static gint64 phase_prepare, phase_close;
static gint64 task_ids[N_TASKS];

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

static GtkWidget *
context_menu (void)
{
  return ks_test_child_of_type (GTK_WIDGET (grid), GTK_TYPE_POPOVER_MENU);
}

static gboolean
press (guint           keyval,
       GdkModifierType state)
{
  return ks_test_press_key (GTK_WIDGET (grid), ks_raci_grid_is_editing (grid), keyval, state);
}

static void
type (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    press (gdk_unicode_to_keyval (g_utf8_get_char (p)), 0);
}

static KsRaciChart *
load (void)
{
  g_autoptr(GError) error = NULL;
  KsRaciChart *chart = ks_raci_chart_load (workspace, chart_id, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (chart);
  return chart;
}

/* The stored letter of the task with id @task_id under column @column. */
static KsRaciLetter
stored (gint64 task_id,
        guint  column)
{
  g_autoptr(KsRaciChart) chart = load ();

  for (guint t = 0; t < chart->tasks->len; t++)
    if (((KsRaciTask *) g_ptr_array_index (chart->tasks, t))->id == task_id)
      return ks_raci_chart_get (chart, t, column);
  g_assert_not_reached ();
}

static gboolean
stored_main (gint64 task_id,
             guint  column)
{
  g_autoptr(KsRaciChart) chart = load ();

  for (guint t = 0; t < chart->tasks->len; t++)
    if (((KsRaciTask *) g_ptr_array_index (chart->tasks, t))->id == task_id)
      return chart->main[t * chart->columns->len + column] != 0;
  g_assert_not_reached ();
}

/* The task's index in the stored chart, and its phase's id. */
static int
stored_index (gint64  task_id,
              gint64 *phase_id)
{
  g_autoptr(KsRaciChart) chart = load ();

  for (guint t = 0; t < chart->tasks->len; t++)
    {
      KsRaciTask *task = g_ptr_array_index (chart->tasks, t);

      if (task->id == task_id)
        {
          if (phase_id)
            *phase_id = ((KsRaciPhase *) g_ptr_array_index (chart->phases, task->phase))->id;
          return (int) t;
        }
    }
  g_assert_not_reached ();
}

static int
grid_task_index (gint64 task_id)
{
  const KsRaciChart *chart = ks_raci_grid_get_chart (grid);

  for (guint t = 0; t < chart->tasks->len; t++)
    if (((KsRaciTask *) g_ptr_array_index (chart->tasks, t))->id == task_id)
      return (int) t;
  g_assert_not_reached ();
}

static void
focus (gint64 task_id,
       int    column)
{
  int task, col;

  ks_raci_grid_focus_cell (grid, grid_task_index (task_id), column);
  g_assert_true (ks_raci_grid_get_focus (grid, &task, &col));
  g_assert_cmpint (task, ==, grid_task_index (task_id));
  g_assert_cmpint (col, ==, column);
}

static void
assert_focus (gint64 task_id,
              int    column)
{
  int task, col;

  g_assert_true (ks_raci_grid_get_focus (grid, &task, &col));
  g_assert_cmpint (task, ==, grid_task_index (task_id));
  g_assert_cmpint (col, ==, column);
}

static void
assert_describe (const char *expected)
{
  g_autofree char *text = ks_raci_grid_describe_focus (grid);

  g_assert_cmpstr (text, ==, expected);
}

static void
undo (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_workspace_undo (workspace, &error));
  g_assert_no_error (error);
  wait_for_reload ();
}

/* Tests */

static void
test_layout (void)
{
  const KsRaciChart *chart = ks_raci_grid_get_chart (grid);
  KsRaciColumn *role;

  g_assert_nonnull (chart);
  g_assert_cmpint (ks_raci_grid_get_chart_id (grid), ==, chart_id);
  g_assert_nonnull (ks_raci_grid_get_check (grid));
  g_assert_cmpuint (chart->tasks->len, ==, N_TASKS);
  g_assert_cmpuint (chart->columns->len, ==, N_COLUMNS);
  /* the role resolves through the account's team */
  role = g_ptr_array_index (chart->columns, C_COORDINATOR);
  g_assert_cmpint (role->resolved_id, ==, ben);
  /* a new chart opens on its first task's first cell */
  assert_focus (task_ids[T_FORECAST], C_ANNA);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (grid)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (grid)), ==, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
test_type_tab (void)
{
  focus (task_ids[T_FORECAST], C_ANNA);
  g_assert_true (press (GDK_KEY_r, 0));
  g_assert_true (press (GDK_KEY_Tab, 0));
  assert_focus (task_ids[T_FORECAST], C_CHRIS);
  g_assert_true (press (GDK_KEY_A, GDK_SHIFT_MASK));   /* either case */
  assert_focus (task_ids[T_FORECAST], C_CHRIS);

  g_assert_cmpint (stored (task_ids[T_FORECAST], C_ANNA), ==, KS_RACI_R);
  g_assert_cmpint (stored (task_ids[T_FORECAST], C_CHRIS), ==, KS_RACI_A);
  g_assert_cmpint (stored (task_ids[T_FORECAST], C_COORDINATOR), ==, KS_RACI_EMPTY);
  g_assert_cmpint (stored (task_ids[T_PRICES], C_ANNA), ==, KS_RACI_EMPTY);
  /* the grid shows them at once */
  g_assert_cmpint (ks_raci_chart_get (ks_raci_grid_get_chart (grid), T_FORECAST, C_CHRIS), ==, KS_RACI_A);
  g_assert_null (ks_raci_grid_get_message (grid));
}

static void
test_describe (void)
{
  focus (task_ids[T_FORECAST], C_ANNA);
  assert_describe ("Update the sales forecast, Anna Snelling: Responsible");
  focus (task_ids[T_FORECAST], C_CHRIS);
  assert_describe ("Update the sales forecast, Chris Lund: Accountable");
  focus (task_ids[T_FORECAST], C_COORDINATOR);
  assert_describe ("Update the sales forecast, Sales coordinator (Ben Okafor): no letter");
  focus (task_ids[T_FORECAST], -1);
  assert_describe ("Task Update the sales forecast");
  /* a task with a problem says so */
  focus (task_ids[T_SEND], -1);
  {
    g_autofree char *text = ks_raci_grid_describe_focus (grid);

    g_assert_true (g_str_has_prefix (text, "Task Send the quotation; "));
  }
}

static void
test_refused (void)
{
  g_autofree char *label_before = g_strdup (ks_workspace_get_undo_label (workspace));
  g_autoptr(GError) error = NULL;

  focus (task_ids[T_PRICES], C_COORDINATOR);
  /* S in a RACI chart: refused with a word why, nothing written */
  g_assert_true (press (GDK_KEY_s, 0));
  g_assert_nonnull (ks_raci_grid_get_message (grid));
  g_assert_nonnull (strstr (ks_raci_grid_get_message (grid), "ARSCI"));
  g_assert_cmpint (stored (task_ids[T_PRICES], C_COORDINATOR), ==, KS_RACI_EMPTY);
  g_assert_cmpstr (ks_workspace_get_undo_label (workspace), ==, label_before);
  assert_focus (task_ids[T_PRICES], C_COORDINATOR);
  /* the screen reader hears it too */
  g_assert_false (ks_raci_grid_set_focused_letter (grid, KS_RACI_S, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (stored (task_ids[T_PRICES], C_COORDINATOR), ==, KS_RACI_EMPTY);

  /* not a letter at all */
  g_assert_true (press (GDK_KEY_x, 0));
  g_assert_nonnull (ks_raci_grid_get_message (grid));
  g_assert_cmpint (stored (task_ids[T_PRICES], C_COORDINATOR), ==, KS_RACI_EMPTY);
  g_assert_cmpstr (ks_workspace_get_undo_label (workspace), ==, label_before);

  /* M on an empty cell: only an R is main */
  g_assert_true (press (GDK_KEY_m, 0));
  g_assert_nonnull (ks_raci_grid_get_message (grid));
  g_assert_cmpint (stored (task_ids[T_PRICES], C_COORDINATOR), ==, KS_RACI_EMPTY);

  /* moving on takes the message away; a good letter is stored */
  g_assert_true (press (GDK_KEY_i, 0));
  g_assert_null (ks_raci_grid_get_message (grid));
  g_assert_cmpint (stored (task_ids[T_PRICES], C_COORDINATOR), ==, KS_RACI_I);
}

static void
test_main_r (void)
{
  focus (task_ids[T_FORECAST], C_ANNA);
  g_assert_false (stored_main (task_ids[T_FORECAST], C_ANNA));
  g_assert_true (press (GDK_KEY_M, GDK_SHIFT_MASK));
  g_assert_true (stored_main (task_ids[T_FORECAST], C_ANNA));
  g_assert_cmpint (stored (task_ids[T_FORECAST], C_ANNA), ==, KS_RACI_R);
  assert_describe ("Update the sales forecast, Anna Snelling: Responsible, main");
  /* typing R again keeps it main; M again unmarks */
  g_assert_true (press (GDK_KEY_r, 0));
  g_assert_true (stored_main (task_ids[T_FORECAST], C_ANNA));
  g_assert_true (press (GDK_KEY_m, 0));
  g_assert_false (stored_main (task_ids[T_FORECAST], C_ANNA));
}

static void
test_delete_and_undo (void)
{
  focus (task_ids[T_FORECAST], C_CHRIS);
  g_assert_true (press (GDK_KEY_Delete, 0));
  g_assert_cmpint (stored (task_ids[T_FORECAST], C_CHRIS), ==, KS_RACI_EMPTY);
  assert_describe ("Update the sales forecast, Chris Lund: no letter");
  focus (task_ids[T_FORECAST], C_ANNA);
  g_assert_true (press (GDK_KEY_BackSpace, 0));
  g_assert_cmpint (stored (task_ids[T_FORECAST], C_ANNA), ==, KS_RACI_EMPTY);

  /* one undo takes back one edit: the BackSpace, not the Delete */
  undo ();
  g_assert_cmpint (stored (task_ids[T_FORECAST], C_ANNA), ==, KS_RACI_R);
  g_assert_cmpint (stored (task_ids[T_FORECAST], C_CHRIS), ==, KS_RACI_EMPTY);
  /* the grid follows, focus kept */
  g_assert_cmpint (ks_raci_chart_get (ks_raci_grid_get_chart (grid), T_FORECAST, C_ANNA), ==, KS_RACI_R);
  assert_focus (task_ids[T_FORECAST], C_ANNA);
  undo ();
  g_assert_cmpint (stored (task_ids[T_FORECAST], C_CHRIS), ==, KS_RACI_A);
}

static void
test_rename (void)
{
  gint64 phase;

  focus (task_ids[T_PRICES], C_ANNA);
  g_assert_true (press (GDK_KEY_F2, 0));
  g_assert_true (ks_raci_grid_is_editing (grid));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor ())), ==, "Check the price list");
  /* empty is refused: still editing, a message, nothing stored */
  gtk_editable_set_text (GTK_EDITABLE (editor ()), "  ");
  g_assert_true (press (GDK_KEY_Return, 0));
  g_assert_true (ks_raci_grid_is_editing (grid));
  g_assert_nonnull (ks_raci_grid_get_message (grid));
  g_assert_true (gtk_widget_has_css_class (editor (), "error"));
  /* Escape cancels */
  g_assert_true (press (GDK_KEY_Escape, 0));
  g_assert_false (ks_raci_grid_is_editing (grid));
  g_assert_null (ks_raci_grid_get_message (grid));
  g_assert_cmpstr (((KsRaciTask *) g_ptr_array_index (ks_raci_grid_get_chart (grid)->tasks, T_PRICES))->name,
                   ==, "Check the price list");

  /* Enter on the name, a new name, Enter stores it */
  assert_focus (task_ids[T_PRICES], -1);
  g_assert_true (press (GDK_KEY_Return, 0));
  g_assert_true (ks_raci_grid_is_editing (grid));
  gtk_editable_set_text (GTK_EDITABLE (editor ()), "Check the 2026 price list ");
  g_assert_true (press (GDK_KEY_Return, 0));
  g_assert_false (ks_raci_grid_is_editing (grid));
  {
    g_autoptr(KsRaciChart) chart = load ();

    g_assert_cmpstr (((KsRaciTask *) g_ptr_array_index (chart->tasks, T_PRICES))->name, ==,
                     "Check the 2026 price list");
  }
  assert_focus (task_ids[T_PRICES], -1);

  /* typing on a phase row renames the phase */
  g_assert_true (press (GDK_KEY_Up, 0));
  g_assert_true (press (GDK_KEY_Up, 0));
  assert_describe ("Phase Prepare");
  type ("Prepare the offer");
  g_assert_true (ks_raci_grid_is_editing (grid));
  g_assert_true (press (GDK_KEY_Return, 0));
  {
    g_autoptr(KsRaciChart) chart = load ();

    g_assert_cmpstr (((KsRaciPhase *) g_ptr_array_index (chart->phases, 0))->name, ==, "Prepare the offer");
  }
  assert_describe ("Phase Prepare the offer");
  g_assert_cmpint (stored_index (task_ids[T_PRICES], &phase), ==, T_PRICES);
}

static void
test_move (void)
{
  gint64 phase;

  /* Ctrl+Down: below the next task in its phase, then into the next phase */
  focus (task_ids[T_FORECAST], C_CHRIS);
  g_assert_true (press (GDK_KEY_Down, GDK_CONTROL_MASK));
  g_assert_cmpint (stored_index (task_ids[T_FORECAST], &phase), ==, 1);
  g_assert_cmpint (phase, ==, phase_prepare);
  g_assert_cmpint (stored_index (task_ids[T_PRICES], NULL), ==, 0);
  assert_focus (task_ids[T_FORECAST], C_CHRIS);
  g_assert_true (press (GDK_KEY_Down, GDK_CONTROL_MASK));
  g_assert_cmpint (stored_index (task_ids[T_FORECAST], &phase), ==, 1);
  g_assert_cmpint (phase, ==, phase_close);   /* first of "Close", above "Send the quotation" */
  g_assert_cmpint (stored_index (task_ids[T_SEND], NULL), ==, 2);
  assert_focus (task_ids[T_FORECAST], C_CHRIS);
  /* its letters went with it */
  g_assert_cmpint (stored (task_ids[T_FORECAST], C_CHRIS), ==, KS_RACI_A);
  /* and back, one undo step each */
  g_assert_true (press (GDK_KEY_Up, GDK_CONTROL_MASK));
  g_assert_cmpint (stored_index (task_ids[T_FORECAST], &phase), ==, 1);
  g_assert_cmpint (phase, ==, phase_prepare);
  undo ();
  g_assert_cmpint (stored_index (task_ids[T_FORECAST], &phase), ==, 1);
  g_assert_cmpint (phase, ==, phase_close);
  undo ();
  undo ();
  g_assert_cmpint (stored_index (task_ids[T_FORECAST], &phase), ==, 0);
  g_assert_cmpint (phase, ==, phase_prepare);
  assert_focus (task_ids[T_FORECAST], C_CHRIS);

  /* Ctrl+Right moves the focused column, the focus with it */
  g_assert_true (press (GDK_KEY_Right, GDK_CONTROL_MASK));
  assert_focus (task_ids[T_FORECAST], C_COORDINATOR);
  assert_describe ("Update the sales forecast, Chris Lund: Accountable");
  g_assert_true (press (GDK_KEY_Left, GDK_CONTROL_MASK));
  assert_focus (task_ids[T_FORECAST], C_CHRIS);
  g_assert_cmpint (stored (task_ids[T_FORECAST], C_CHRIS), ==, KS_RACI_A);
}

static void
test_tab_walk (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint steps = 1;
  int task, column;

  /* Tab from the first cell reaches every cell once, then leaves the grid */
  focus (task_ids[T_FORECAST], C_ANNA);
  g_hash_table_add (seen, ks_raci_grid_describe_focus (grid));
  while (press (GDK_KEY_Tab, 0))
    {
      g_assert_true (ks_raci_grid_get_focus (grid, &task, &column));
      g_assert_cmpint (column, >=, 0);
      g_assert_true (g_hash_table_add (seen, ks_raci_grid_describe_focus (grid)));
      steps++;
      g_assert_cmpuint (steps, <=, N_TASKS * N_COLUMNS);
    }
  g_assert_cmpuint (steps, ==, N_TASKS * N_COLUMNS);
  g_assert_true (ks_raci_grid_get_focus (grid, &task, &column));
  g_assert_cmpint (task, ==, N_TASKS - 1);
  g_assert_cmpint (column, ==, N_COLUMNS - 1);

  /* and Shift+Tab back to the first */
  steps = 1;
  while (press (GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK))
    steps++;
  g_assert_cmpuint (steps, ==, N_TASKS * N_COLUMNS);
  assert_focus (task_ids[T_FORECAST], C_ANNA);

  /* the rest by arrows: names, phases, headers */
  g_assert_true (press (GDK_KEY_Home, 0));
  assert_focus (task_ids[T_FORECAST], -1);
  g_assert_true (press (GDK_KEY_End, 0));
  assert_focus (task_ids[T_FORECAST], N_COLUMNS - 1);
  g_assert_true (press (GDK_KEY_Up, 0));
  assert_describe ("Phase Prepare the offer");
  g_assert_true (press (GDK_KEY_Up, 0));
  assert_describe ("Sales coordinator (Ben Okafor), column: R 0, A 0, C 0, I 1");
  g_assert_false (ks_raci_grid_get_focus (grid, NULL, NULL));
  g_assert_true (press (GDK_KEY_Down, 0));
  g_assert_true (press (GDK_KEY_Down, 0));
  assert_focus (task_ids[T_FORECAST], N_COLUMNS - 1);
  /* Enter goes down to the next task, past the phase row */
  g_assert_true (press (GDK_KEY_Down, 0));
  g_assert_true (press (GDK_KEY_Return, 0));
  assert_focus (task_ids[T_SEND], N_COLUMNS - 1);
}

static void
on_column_activated (KsRaciGrid *g,
                     gint64      person_id,
                     const char *role,
                     gpointer    data)
{
  gint64 *out = data;

  out[0] = person_id;
  out[1] = role ? 1 : 0;
}

static void
test_column_activated (void)
{
  gint64 got[2] = { 0, 0 };
  gulong id = g_signal_connect (grid, "column-activated", G_CALLBACK (on_column_activated), got);

  ks_raci_grid_focus_column_header (grid, C_COORDINATOR);
  g_assert_true (press (GDK_KEY_Return, 0));
  g_assert_cmpint (got[0], ==, ben);
  g_assert_cmpint (got[1], ==, 1);
  g_assert_true (press (GDK_KEY_Left, 0));
  g_assert_true (press (GDK_KEY_KP_Enter, 0));
  g_assert_cmpint (got[0], ==, chris);
  g_assert_cmpint (got[1], ==, 0);
  g_signal_handler_disconnect (grid, id);
}

/* F2 on a role's header renames the role, in place and as one undo step;
 * a person's column keeps the person's name and says why. */
static void
test_rename_role (void)
{
  ks_raci_grid_focus_column_header (grid, C_COORDINATOR);
  g_assert_true (press (GDK_KEY_F2, 0));
  g_assert_true (ks_raci_grid_is_editing (grid));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor ())), ==, "Sales coordinator");
  gtk_editable_set_text (GTK_EDITABLE (editor ()), " Order desk ");
  g_assert_true (press (GDK_KEY_Return, 0));
  g_assert_false (ks_raci_grid_is_editing (grid));
  {
    g_autoptr(KsRaciChart) chart = load ();

    g_assert_cmpstr (((KsRaciColumn *) g_ptr_array_index (chart->columns, C_COORDINATOR))->role, ==, "Order desk");
  }
  undo ();
  {
    g_autoptr(KsRaciChart) chart = load ();

    g_assert_cmpstr (((KsRaciColumn *) g_ptr_array_index (chart->columns, C_COORDINATOR))->role, ==,
                     "Sales coordinator");
  }

  ks_raci_grid_focus_column_header (grid, C_ANNA);
  g_assert_true (press (GDK_KEY_F2, 0));
  g_assert_false (ks_raci_grid_is_editing (grid));
  g_assert_nonnull (ks_raci_grid_get_message (grid));
  focus (task_ids[T_FORECAST], C_ANNA);
}

static void
test_reload_keeps_focus (void)
{
  g_autoptr(GError) error = NULL;
  KsRaciColumn *anna_column = g_ptr_array_index (ks_raci_grid_get_chart (grid)->columns, C_ANNA);
  double scroll;
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));

  focus (task_ids[T_SEND], C_CHRIS);
  scroll = gtk_adjustment_get_value (vadj);
  /* another view writes: the grid reloads on idle, focus and scroll kept */
  g_assert_true (ks_raci_cell_set (workspace, task_ids[T_PRICES], anna_column->id, KS_RACI_C, FALSE, &error));
  g_assert_no_error (error);
  wait_for_reload ();
  g_assert_cmpint (ks_raci_chart_get (ks_raci_grid_get_chart (grid), T_PRICES, C_ANNA), ==, KS_RACI_C);
  assert_focus (task_ids[T_SEND], C_CHRIS);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, scroll);

  /* a new holder of the role on the account's team: the column follows */
  {
    g_autoptr(GListModel) team = ks_team_member_list_for_account (workspace, account_id, &error);
    g_autoptr(KsTeamMember) m = g_list_model_get_item (team, 0);

    g_assert_no_error (error);
    ks_team_member_set_role (m, "Key account manager");
    g_assert_true (ks_team_member_save (m, workspace, &error));
    g_assert_no_error (error);
  }
  wait_for_reload ();
  assert_describe ("Send the quotation, Chris Lund: no letter");
  ks_raci_grid_focus_cell (grid, T_SEND, C_COORDINATOR);
  assert_describe ("Send the quotation, Sales coordinator: no letter");
  undo ();
  assert_describe ("Send the quotation, Sales coordinator (Ben Okafor): no letter");
}

static void
test_context_menu (void)
{
  gint64 phase;
  guint n;

  focus (task_ids[T_FORECAST], C_ANNA);
  g_assert_true (press (GDK_KEY_F10, GDK_SHIFT_MASK));
  g_assert_true (gtk_widget_get_visible (context_menu ()));
  gtk_popover_popdown (GTK_POPOVER (context_menu ()));
  /* Add Task Below: a new task under the focused one, its name being edited */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grid), "raci-grid.add-task-below", NULL));
  g_assert_true (ks_raci_grid_is_editing (grid));
  type ("Agree the discount");
  g_assert_true (press (GDK_KEY_Return, 0));
  {
    g_autoptr(KsRaciChart) chart = load ();
    KsRaciTask *t = g_ptr_array_index (chart->tasks, 1);

    n = chart->tasks->len;
    g_assert_cmpuint (n, ==, N_TASKS + 1);
    g_assert_cmpstr (t->name, ==, "Agree the discount");
    g_assert_cmpint (((KsRaciPhase *) g_ptr_array_index (chart->phases, t->phase))->id, ==, phase_prepare);
  }
  /* Delete Task takes it away again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grid), "raci-grid.delete-task", NULL));
  g_assert_cmpint (stored_index (task_ids[T_PRICES], &phase), ==, 1);
  g_assert_cmpuint (ks_raci_grid_get_chart (grid)->tasks->len, ==, N_TASKS);
  /* the header's menu: Delete Column is there, Add Task is not */
  ks_raci_grid_focus_column_header (grid, C_ANNA);
  g_assert_true (press (GDK_KEY_Menu, 0));
  g_assert_true (gtk_widget_get_visible (context_menu ()));
  gtk_popover_popdown (GTK_POPOVER (context_menu ()));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (grid)));
}

/* Draws the grid as it is on screen into DIR/NAME. */
static void
screenshot (const char *dir,
            const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (grid));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int w = gtk_widget_get_width (GTK_WIDGET (grid)), h = gtk_widget_get_height (GTK_WIDGET (grid));
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GskRenderNode *node;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node)
    {
      gsk_render_node_draw (node, cr);
      gsk_render_node_unref (node);
    }
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_screenshots (void)
{
  const char *dir = g_getenv ("KS_TEST_SCREENSHOTS");
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (!dir)
    {
      g_test_skip ("KS_TEST_SCREENSHOTS not set");
      return;
    }
  focus (task_ids[T_FORECAST], C_CHRIS);
  gtk_widget_grab_focus (GTK_WIDGET (grid));
  ks_test_wait_for_paint (GTK_WIDGET (grid));
  screenshot (dir, "raci-grid-light.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  ks_test_wait_for_paint (GTK_WIDGET (grid));
  screenshot (dir, "raci-grid-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  ks_test_wait_for_paint (GTK_WIDGET (grid));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* 200 tasks × 40 columns in a 1600 × 900 window: a frame (the widget's
 * snapshot, replayed onto an image as the renderer would) while scrolling
 * stays under 16 ms. The layout is built once, on load, not per frame. */
static void
test_big_chart_frames (void)
{
  g_autoptr(KsRaciChart) big = ks_raci_chart_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkAdjustment *vadj, *hadj;
  gint64 big_id;
  double median, worst = 0;
  int w, h;

  big->name = g_strdup ("Big chart");
  for (guint p = 0; p < 10; p++)
    {
      g_autofree char *phase = g_strdup_printf ("Phase %u", p + 1);

      ks_raci_chart_add_phase (big, phase);
      for (guint t = 0; t < 20; t++)
        {
          g_autofree char *task = g_strdup_printf ("Task %u of phase %u, a longer name", t + 1, p + 1);

          ks_raci_chart_add_task (big, p, task);
        }
    }
  for (guint c = 0; c < 40; c++)
    {
      g_autofree char *role = g_strdup_printf ("Role %u", c + 1);

      ks_raci_chart_add_column (big, 0, role, role);
    }
  ks_raci_chart_grow (big);
  for (guint t = 0; t < 200; t++)
    for (guint c = 0; c < 40; c++)
      if ((t + c) % 3 == 0)
        ks_raci_chart_set (big, t, c, "RACI"[(t * 7 + c) % 4], FALSE);
  big_id = ks_raci_chart_write (workspace, big, 0, "Big chart", &error);
  g_assert_no_error (error);
  g_assert_cmpint (big_id, >, 0);

  gtk_window_set_default_size (window, 1600, 900);
  ks_raci_grid_set_chart (grid, big_id, 0);
  ks_test_wait_for_paint (GTK_WIDGET (grid));
  g_assert_cmpuint (ks_raci_grid_get_chart (grid)->tasks->len, ==, 200);
  w = gtk_widget_get_width (GTK_WIDGET (grid));
  h = gtk_widget_get_height (GTK_WIDGET (grid));
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (grid));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), >, h);
  paintable = gtk_widget_paintable_new (GTK_WIDGET (grid));

  for (guint i = 0; i < 60; i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      cairo_t *cr = cairo_create (surface);
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;
      gint64 start;
      double ms;

      gtk_adjustment_set_value (vadj, (gtk_adjustment_get_upper (vadj) - h) * i / 59.0);
      gtk_adjustment_set_value (hadj, (gtk_adjustment_get_upper (hadj) - w) * (i % 10) / 9.0);
      start = g_get_monotonic_time ();
      gdk_paintable_snapshot (paintable, snapshot, w, h);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node)
        gsk_render_node_draw (node, cr);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_clear_pointer (&node, gsk_render_node_unref);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_array_append_val (times, ms);
      worst = MAX (worst, ms);
    }
  g_array_sort (times, compare_doubles);
  median = g_array_index (times, double, times->len / 2);
  g_test_message ("200 × 40 in %d × %d: a frame %.2f ms median, %.2f ms slowest", w, h, median, worst);
  if (!g_getenv ("ASAN_OPTIONS"))
    g_assert_cmpfloat (median, <, 16);

  /* back to the small chart, for the screenshots */
  gtk_adjustment_set_value (vadj, 0);
  gtk_adjustment_set_value (hadj, 0);
  gtk_window_set_default_size (window, 900, 420);
  ks_raci_grid_set_chart (grid, chart_id, 0);
  ks_test_wait_for_paint (GTK_WIDGET (grid));
}

/* Fixture */

static gint64
add_column (gint64      person,
            const char *role)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ks_raci_column_add (workspace, chart_id, person, role, -1, &error);

  g_assert_no_error (error);
  return id;
}

static void
build_chart (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsTeamMember) member = NULL;

  account_id = ks_test_add_account (workspace, "Nordwind Logistics");
  anna = ks_test_add_person (workspace, "Anna Snelling", 0);
  ben = ks_test_add_person (workspace, "Ben Okafor", 0);
  chris = ks_test_add_person (workspace, "Chris Lund", 0);
  member = ks_team_member_new (account_id, ben);
  ks_team_member_set_role (member, "Sales coordinator");
  g_assert_true (ks_team_member_save (member, workspace, &error));
  g_assert_no_error (error);

  chart_id = ks_raci_chart_create (workspace, "Quotation handling", KS_RACI_SCOPE_ACCOUNT, account_id, FALSE, &error);
  g_assert_no_error (error);
  phase_prepare = ks_raci_phase_add (workspace, chart_id, "Prepare", -1, &error);
  g_assert_no_error (error);
  phase_close = ks_raci_phase_add (workspace, chart_id, "Close", -1, &error);
  g_assert_no_error (error);
  task_ids[T_FORECAST] = ks_raci_task_add (workspace, phase_prepare, "Update the sales forecast", -1, &error);
  g_assert_no_error (error);
  task_ids[T_PRICES] = ks_raci_task_add (workspace, phase_prepare, "Check the price list", -1, &error);
  g_assert_no_error (error);
  task_ids[T_SEND] = ks_raci_task_add (workspace, phase_close, "Send the quotation", -1, &error);
  g_assert_no_error (error);
  add_column (anna, NULL);
  add_column (chris, NULL);
  add_column (0, "Sales coordinator");
  ks_workspace_clear_undo (workspace);
}

int
main (int   argc,
      char *argv[])
{
  GtkWidget *scrolled;
  int status;

  if (!ks_test_display_init (&argc, &argv, &tmpdir))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  workspace = ks_test_open_workspace (":memory:", TRUE);
  build_chart ();

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 900, 420);
  scrolled = gtk_scrolled_window_new ();
  grid = KS_RACI_GRID (ks_raci_grid_new ());
  ks_raci_grid_set_workspace (grid, workspace);
  ks_raci_grid_set_chart (grid, chart_id, 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (grid));
  gtk_window_set_child (window, scrolled);
  gtk_window_present (window);
  ks_test_wait_for_paint (GTK_WIDGET (grid));
  gtk_widget_grab_focus (GTK_WIDGET (grid));

  g_test_add_func ("/app/raci-grid/layout", test_layout);
  g_test_add_func ("/app/raci-grid/type-tab", test_type_tab);
  g_test_add_func ("/app/raci-grid/describe", test_describe);
  g_test_add_func ("/app/raci-grid/refused", test_refused);
  g_test_add_func ("/app/raci-grid/main-r", test_main_r);
  g_test_add_func ("/app/raci-grid/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/app/raci-grid/rename", test_rename);
  g_test_add_func ("/app/raci-grid/move", test_move);
  g_test_add_func ("/app/raci-grid/tab-walk", test_tab_walk);
  g_test_add_func ("/app/raci-grid/column-activated", test_column_activated);
  g_test_add_func ("/app/raci-grid/rename-role", test_rename_role);
  g_test_add_func ("/app/raci-grid/reload-keeps-focus", test_reload_keeps_focus);
  g_test_add_func ("/app/raci-grid/context-menu", test_context_menu);
  g_test_add_func ("/app/raci-grid/big-chart-frames", test_big_chart_frames);
  g_test_add_func ("/app/raci-grid/screenshots", test_screenshots);

  status = g_test_run ();
  gtk_window_destroy (window);
  g_object_unref (workspace);
  return status;
}
