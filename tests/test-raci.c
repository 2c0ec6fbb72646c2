/* test-raci.c — RACI charts: the checks, storage and edits with undo, role
 * resolution, the CSV import and export, the templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected finding and count is worked out by hand from the grid in
 * the comment beside it, never by the code under test.
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "ks-raci.h"
#include "ks-team-member.h"
#include "ks-test-util.h"
#include "ks-workspace-private.h"

/* ---- helpers ---------------------------------------------------------------- */

/* A chart in memory from rows of letters ('.' empty, 'r' main R), one phase. */
static KsRaciChart *
grid (const char * const *labels,
      const gint64       *resolved,     /* per column, 0 = none; NULL: all 0 */
      const char * const *rows)
{
  KsRaciChart *chart = ks_raci_chart_new ();
  guint nc = g_strv_length ((char **) labels), nt = g_strv_length ((char **) rows);
  KsRaciPhase *phase = g_new0 (KsRaciPhase, 1);

  phase->name = g_strdup ("Phase");
  g_ptr_array_add (chart->phases, phase);
  for (guint c = 0; c < nc; c++)
    {
      KsRaciColumn *col = g_new0 (KsRaciColumn, 1);
      col->role = g_strdup (labels[c]);
      col->label = g_strdup (labels[c]);
      col->resolved_id = resolved ? resolved[c] : 0;
      col->resolved_name = col->resolved_id ? g_strdup_printf ("Person %" G_GINT64_FORMAT, col->resolved_id) : NULL;
      g_ptr_array_add (chart->columns, col);
    }
  for (guint t = 0; t < nt; t++)
    {
      KsRaciTask *task = g_new0 (KsRaciTask, 1);
      task->name = g_strdup_printf ("Task %u", t + 1);
      g_ptr_array_add (chart->tasks, task);
    }
  chart->letters = g_new0 (guint8, nt * nc);
  chart->main = g_new0 (guint8, nt * nc);
  chart->n_sized_tasks = nt;
  chart->n_sized_columns = nc;
  for (guint t = 0; t < nt; t++)
    {
      g_assert_cmpuint (strlen (rows[t]), ==, nc);
      for (guint c = 0; c < nc; c++)
        {
          char l = rows[t][c];
          chart->letters[t * nc + c] = l == '.' ? 0 : l == 'r' ? 'R' : l;
          chart->main[t * nc + c] = l == 'r';
        }
    }
  return chart;
}

static void
assert_finding (KsRaciCheck *check,
                guint        i,
                const char  *kind,
                int          task,
                int          column)
{
  KsRaciFinding *f;

  g_assert_cmpuint (i, <, check->findings->len);
  f = g_ptr_array_index (check->findings, i);
  g_assert_cmpstr (f->kind, ==, kind);
  g_assert_cmpint (f->task, ==, task);
  g_assert_cmpint (f->column, ==, column);
  g_assert_nonnull (f->message);
}

static void
assert_load (KsRaciCheck *check,
             guint        column,
             guint r, guint a, guint c, guint i)
{
  g_assert_cmpuint (check->load[column].r, ==, r);
  g_assert_cmpuint (check->load[column].a, ==, a);
  g_assert_cmpuint (check->load[column].c, ==, c);
  g_assert_cmpuint (check->load[column].i, ==, i);
}

/* Every RACI row of the workspace as text, to compare before and after undo. */
static char *
dump (KsWorkspace *ws)
{
  static const char *const queries[] = {
    "SELECT id || '|' || name || '|' || scope || '|' || coalesce (CAST (account_id AS TEXT), '') || '|' || arsci FROM raci_charts ORDER BY id",
    "SELECT id || '|' || chart_id || '|' || position || '|' || name FROM raci_phases ORDER BY id",
    "SELECT id || '|' || phase_id || '|' || position || '|' || name FROM raci_tasks ORDER BY id",
    "SELECT id || '|' || chart_id || '|' || position || '|' || coalesce (CAST (person_id AS TEXT), '') || '|' || coalesce (role, '') FROM raci_columns ORDER BY id",
    "SELECT task_id || '|' || column_id || '|' || letter || '|' || main FROM raci_cells ORDER BY task_id, column_id",
  };
  GString *out = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      KsStmt *stmt = ks_workspace_prepare (ws, queries[q], NULL);
      g_assert_nonnull (stmt);
      while (ks_stmt_step (stmt) == KS_STEP_ROW)
        g_string_append_printf (out, "%s\n", ks_stmt_column_text (stmt, 0));
      ks_stmt_reset (stmt);
      g_string_append (out, "--\n");
    }
  return g_string_free (out, FALSE);
}

static guint
n_charts (KsWorkspace *ws,
          gint64       account_id)
{
  g_autoptr(GPtrArray) list = ks_raci_chart_list (ws, account_id, NULL);

  g_assert_nonnull (list);
  return list->len;
}

static void
add_member (KsWorkspace *ws,
            gint64       account,
            gint64       person,
            const char  *role)
{
  g_autoptr(KsTeamMember) m = ks_team_member_new (account, person);
  g_autoptr(GError) error = NULL;

  ks_team_member_set_role (m, role);
  g_assert_true (ks_team_member_save (m, ws, &error));
  g_assert_no_error (error);
}

/* ---- checks ---------------------------------------------------------------- */

static void
test_check_thesis_example (void)
{
  /* The thesis's figure (000:584–588), roles A–F:
   *          A  B  C  D  E  F
   *   Task 1 R  .  A  .  .  I
   *   Task 2 A  R  .  .  .  I
   *   Task 3 R  A  .  C  I  .
   *   Task 4 .  A  R  .  C  .
   * Each task: one R, one A → no errors. No task has two R, no person is
   * both R and A on a task (no column resolves to a person), every column
   * has a letter, no account to resolve roles for → no warnings.
   * Load: A: R 2 (t1, t3), A 1 (t2); B: R 1 (t2), A 2 (t3, t4);
   * C: R 1 (t4), A 1 (t1); D: C 1; E: C 1, I 1; F: I 2. */
  static const char *const labels[] = { "Role A", "Role B", "Role C", "Role D", "Role E", "Role F", NULL };
  static const char *const rows[] = { "R.A..I", "AR...I", "RA.CI.", ".AR.C.", NULL };
  g_autoptr(KsRaciChart) chart = grid (labels, NULL, rows);
  g_autoptr(KsRaciCheck) check = ks_raci_check (chart);

  g_assert_cmpuint (check->n_errors, ==, 0);
  g_assert_cmpuint (check->n_warnings, ==, 0);
  g_assert_cmpuint (check->findings->len, ==, 0);
  g_assert_cmpuint (check->n_load, ==, 6);
  assert_load (check, 0, 2, 1, 0, 0);
  assert_load (check, 1, 1, 2, 0, 0);
  assert_load (check, 2, 1, 1, 0, 0);
  assert_load (check, 3, 0, 0, 1, 0);
  assert_load (check, 4, 0, 0, 1, 1);
  assert_load (check, 5, 0, 0, 0, 2);
}

static void
test_check_every_kind (void)
{
  /* Columns: c0 Aino (person 1), c1 Bo (person 2), c2 "Planner" resolved
   * to person 1 (Aino), c3 Cai (person 3), c4 "Buyer" bound to nobody;
   * roles were resolved for the account "Acme".
   *           c0 c1 c2 c3 c4
   *   Task 1  R  .  .  .  .    no A                     → no-accountable
   *   Task 2  A  A  R  .  .    two A                    → several-accountable
   *                            c2 (Aino) R, c0 (Aino) A → responsible-and-accountable, column 2
   *   Task 3  .  A  .  .  .    no R                     → no-responsible
   *   Task 4  R  R  I  .  .    no A                     → no-accountable
   *                            two R, none main         → several-responsible
   *   Task 5  r  A  R  .  .    main R marked, c2 R is Aino but the A is Bo → nothing
   * c3 and c4 have no letter → empty-column ×2; c4 unbound → unbound-role.
   * Order: kind, then task, then column. */
  static const char *const labels[] = { "Aino", "Bo", "Planner", "Cai", "Buyer", NULL };
  static const gint64 resolved[] = { 1, 2, 1, 3, 0 };
  static const char *const rows[] = { "R....", "AAR..", ".A...", "RRI..", "rAR..", NULL };
  g_autoptr(KsRaciChart) chart = grid (labels, resolved, rows);
  g_autoptr(KsRaciCheck) check = NULL;
  KsRaciColumn *c;

  for (guint i = 0; i < 4; i++)
    if (i != 2)
      {
        c = g_ptr_array_index (chart->columns, i);
        c->person_id = resolved[i];
        g_clear_pointer (&c->role, g_free);
      }
  chart->account_name = g_strdup ("Acme");
  check = ks_raci_check (chart);

  g_assert_cmpuint (check->n_errors, ==, 4);
  g_assert_cmpuint (check->n_warnings, ==, 5);
  assert_finding (check, 0, "no-accountable", 0, -1);
  assert_finding (check, 1, "no-accountable", 3, -1);
  assert_finding (check, 2, "several-accountable", 1, -1);
  assert_finding (check, 3, "no-responsible", 2, -1);
  assert_finding (check, 4, "several-responsible", 3, -1);
  assert_finding (check, 5, "responsible-and-accountable", 1, 2);
  assert_finding (check, 6, "empty-column", -1, 3);
  assert_finding (check, 7, "empty-column", -1, 4);
  assert_finding (check, 8, "unbound-role", -1, 4);
  g_assert_cmpint (((KsRaciFinding *) g_ptr_array_index (check->findings, 0))->severity, ==, KS_RACI_ERROR);
  g_assert_cmpint (((KsRaciFinding *) g_ptr_array_index (check->findings, 4))->severity, ==, KS_RACI_WARNING);
  g_assert_nonnull (strstr (((KsRaciFinding *) g_ptr_array_index (check->findings, 5))->message, "Person 1"));
  /* c0: R t1, A t2, R t4, R t5 → R 3, A 1; c1: A t2, A t3, R t4, A t5 → R 1, A 3;
   * c2: R t2, I t4, R t5 → R 2, I 1. */
  assert_load (check, 0, 3, 1, 0, 0);
  assert_load (check, 1, 1, 3, 0, 0);
  assert_load (check, 2, 2, 0, 0, 1);
  assert_load (check, 3, 0, 0, 0, 0);

  /* Without an account, "Buyer" is not reported as unbound. */
  g_clear_pointer (&chart->account_name, g_free);
  g_clear_pointer (&check, ks_raci_check_free);
  check = ks_raci_check (chart);
  g_assert_cmpuint (check->n_warnings, ==, 4);
}

static void
test_letters (void)
{
  KsRaciLetter l;
  KsRaciScope s;

  g_assert_true (ks_raci_letter_parse ('r', FALSE, &l));
  g_assert_cmpint (l, ==, KS_RACI_R);
  g_assert_true (ks_raci_letter_parse ('I', FALSE, &l));
  g_assert_cmpint (l, ==, KS_RACI_I);
  g_assert_false (ks_raci_letter_parse ('S', FALSE, &l));
  g_assert_true (ks_raci_letter_parse ('s', TRUE, &l));
  g_assert_cmpint (l, ==, KS_RACI_S);
  g_assert_false (ks_raci_letter_parse ('X', TRUE, &l));
  g_assert_null (ks_raci_letter_label (KS_RACI_EMPTY));
  g_assert_cmpstr (ks_raci_letter_label (KS_RACI_C), ==, "Consulted");
  g_assert_true (ks_raci_scope_from_name ("account", &s));
  g_assert_cmpint (s, ==, KS_RACI_SCOPE_ACCOUNT);
  g_assert_false (ks_raci_scope_from_name ("team", &s));
  g_assert_cmpstr (ks_raci_scope_name (KS_RACI_SCOPE_COMPANY), ==, "company");
}

/* ---- storage and edits ------------------------------------------------------ */

typedef struct
{
  KsWorkspace *ws;
  gint64       chart, p1, p2, t1, t2, t3, c1, c2, aino, bo;
} Built;

static void
build (Built *b)
{
  g_autoptr(GError) error = NULL;

  b->ws = ks_test_open_workspace (":memory:", TRUE);
  b->aino = ks_test_add_person (b->ws, "Aino Äijälä", 0);
  b->bo = ks_test_add_person (b->ws, "Bo 🚀 Berg", 0);
  b->chart = ks_raci_chart_create (b->ws, "Quotes", KS_RACI_SCOPE_PROCESS, 0, FALSE, &error);
  g_assert_no_error (error);
  b->p1 = ks_raci_phase_add (b->ws, b->chart, "Offer", -1, &error);
  b->p2 = ks_raci_phase_add (b->ws, b->chart, "Close", -1, &error);
  b->t1 = ks_raci_task_add (b->ws, b->p1, "Price", -1, &error);
  b->t2 = ks_raci_task_add (b->ws, b->p1, "Quote, send", -1, &error);
  b->t3 = ks_raci_task_add (b->ws, b->p2, "Won/lost", -1, &error);
  b->c1 = ks_raci_column_add (b->ws, b->chart, b->aino, NULL, -1, &error);
  b->c2 = ks_raci_column_add (b->ws, b->chart, 0, "Sales coordinator", -1, &error);
  g_assert_no_error (error);
  g_assert_true (ks_raci_cell_set (b->ws, b->t1, b->c1, KS_RACI_R, FALSE, &error));
  g_assert_true (ks_raci_cell_set (b->ws, b->t1, b->c2, KS_RACI_A, FALSE, &error));
  g_assert_true (ks_raci_cell_set (b->ws, b->t2, b->c2, KS_RACI_R, TRUE, &error));
  g_assert_true (ks_raci_cell_set (b->ws, b->t3, b->c1, KS_RACI_I, FALSE, &error));
  g_assert_no_error (error);
}

static void
test_storage (void)
{
  Built b = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KsRaciChart) chart = NULL;
  g_autoptr(GPtrArray) list = NULL;
  KsRaciColumn *c;

  build (&b);
  chart = ks_raci_chart_load (b.ws, b.chart, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chart->name, ==, "Quotes");
  g_assert_cmpint (chart->scope, ==, KS_RACI_SCOPE_PROCESS);
  g_assert_cmpuint (chart->phases->len, ==, 2);
  g_assert_cmpuint (chart->tasks->len, ==, 3);
  g_assert_cmpuint (chart->columns->len, ==, 2);
  g_assert_cmpstr (((KsRaciTask *) g_ptr_array_index (chart->tasks, 1))->name, ==, "Quote, send");
  g_assert_cmpuint (((KsRaciTask *) g_ptr_array_index (chart->tasks, 2))->phase, ==, 1);
  c = g_ptr_array_index (chart->columns, 0);
  g_assert_cmpstr (c->label, ==, "Aino Äijälä");
  g_assert_cmpint (c->person_id, ==, b.aino);
  g_assert_cmpint (c->resolved_id, ==, b.aino);
  c = g_ptr_array_index (chart->columns, 1);
  g_assert_cmpstr (c->role, ==, "Sales coordinator");
  g_assert_cmpint (c->resolved_id, ==, 0);
  g_assert_cmpint (ks_raci_chart_get (chart, 0, 0), ==, KS_RACI_R);
  g_assert_cmpint (ks_raci_chart_get (chart, 0, 1), ==, KS_RACI_A);
  g_assert_cmpint (ks_raci_chart_get (chart, 1, 0), ==, KS_RACI_EMPTY);
  g_assert_cmpint (ks_raci_chart_get (chart, 1, 1), ==, KS_RACI_R);
  g_assert_true (chart->main[1 * 2 + 1]);
  g_assert_cmpint (ks_raci_chart_get (chart, 2, 0), ==, KS_RACI_I);

  list = ks_raci_chart_list (b.ws, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (((KsRaciChartInfo *) g_ptr_array_index (list, 0))->n_tasks, ==, 3);
  g_assert_cmpint (ks_raci_chart_find (b.ws, "quotes", &error), ==, b.chart);
  g_assert_cmpint (ks_raci_chart_find (b.ws, "nothing", &error), ==, 0);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Refusals: duplicate name (ignoring case), empty names, S in RACI,
   * main on a non-R, account scope without an account, a second column
   * for one person, unknown ids. */
  g_assert_cmpint (ks_raci_chart_create (b.ws, "QUOTES", KS_RACI_SCOPE_COMPANY, 0, FALSE, &error), ==, 0);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ks_raci_task_add (b.ws, b.p1, "  ", -1, &error), ==, 0);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ks_raci_cell_set (b.ws, b.t3, b.c2, KS_RACI_S, FALSE, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ks_raci_cell_set (b.ws, b.t3, b.c2, KS_RACI_A, TRUE, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ks_raci_chart_create (b.ws, "Acct", KS_RACI_SCOPE_ACCOUNT, 0, FALSE, &error), ==, 0);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ks_raci_column_add (b.ws, b.chart, 0, "sales COORDINATOR", -1, &error), ==, 0);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ks_raci_task_rename (b.ws, 9999, "x", &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* ARSCI: S allowed once on; switching off refused while an S is there. */
  g_assert_true (ks_raci_chart_set_arsci (b.ws, b.chart, TRUE, &error));
  g_assert_true (ks_raci_cell_set (b.ws, b.t3, b.c2, KS_RACI_S, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (ks_raci_chart_set_arsci (b.ws, b.chart, FALSE, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (n_charts (b.ws, -1), ==, 1);
  g_object_unref (b.ws);
}

static void
test_moves (void)
{
  Built b = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KsRaciChart) chart = NULL;
  gint64 t4;

  build (&b);
  /* Offer: Price, Quote, send; Close: Won/lost. Move Won/lost to the front
   * of Offer, then Offer after Close, and Sales coordinator first. */
  g_assert_true (ks_raci_task_move (b.ws, b.t3, b.p1, 0, &error));
  g_assert_true (ks_raci_phase_move (b.ws, b.p1, 1, &error));
  g_assert_true (ks_raci_column_move (b.ws, b.c2, 0, &error));
  t4 = ks_raci_task_add (b.ws, b.p1, "Insert", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (t4, >, 0);
  chart = ks_raci_chart_load (b.ws, b.chart, 0, &error);
  g_assert_no_error (error);
  /* Close (empty) first, then Offer: Won/lost, Insert, Price, Quote, send. */
  g_assert_cmpstr (((KsRaciPhase *) g_ptr_array_index (chart->phases, 0))->name, ==, "Close");
  g_assert_cmpuint (chart->tasks->len, ==, 4);
  g_assert_cmpstr (((KsRaciTask *) g_ptr_array_index (chart->tasks, 0))->name, ==, "Won/lost");
  g_assert_cmpstr (((KsRaciTask *) g_ptr_array_index (chart->tasks, 1))->name, ==, "Insert");
  g_assert_cmpstr (((KsRaciTask *) g_ptr_array_index (chart->tasks, 2))->name, ==, "Price");
  g_assert_cmpuint (((KsRaciTask *) g_ptr_array_index (chart->tasks, 0))->phase, ==, 1);
  g_assert_cmpstr (((KsRaciColumn *) g_ptr_array_index (chart->columns, 0))->label, ==, "Sales coordinator");
  /* Price: Aino R is now column 1, Sales coordinator A column 0. */
  g_assert_cmpint (ks_raci_chart_get (chart, 2, 1), ==, KS_RACI_R);
  g_assert_cmpint (ks_raci_chart_get (chart, 2, 0), ==, KS_RACI_A);
  /* Deleting a phase deletes its tasks; positions stay dense. */
  g_assert_true (ks_raci_task_delete (b.ws, t4, &error));
  g_assert_true (ks_raci_phase_delete (b.ws, b.p2, &error));
  g_clear_pointer (&chart, ks_raci_chart_free);
  chart = ks_raci_chart_load (b.ws, b.chart, 0, &error);
  g_assert_cmpuint (chart->phases->len, ==, 1);
  g_assert_cmpuint (chart->tasks->len, ==, 3);
  g_object_unref (b.ws);
}

static void
test_undo (void)
{
  Built b = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 acc;

  build (&b);
  acc = ks_test_add_account (b.ws, "Acme");
  ks_workspace_clear_undo (b.ws);

#define ONE_STEP(call)                                          \
  G_STMT_START {                                                \
    g_autofree char *before = dump (b.ws);                      \
    g_autofree char *after = NULL;                              \
    g_autofree char *back = NULL;                               \
    g_assert_true ((call) != 0);                                \
    g_assert_no_error (error);                                  \
    after = dump (b.ws);                                        \
    g_assert_cmpstr (before, !=, after);                        \
    g_assert_true (ks_workspace_undo (b.ws, &error));           \
    g_assert_no_error (error);                                  \
    back = dump (b.ws);                                         \
    g_assert_cmpstr (before, ==, back);                         \
    g_assert_false (ks_workspace_can_undo (b.ws));              \
    g_assert_true (ks_workspace_redo (b.ws, &error));           \
    g_assert_true (ks_workspace_undo (b.ws, &error));           \
    ks_workspace_clear_undo (b.ws);                             \
  } G_STMT_END

  ONE_STEP (ks_raci_chart_create (b.ws, "Company", KS_RACI_SCOPE_COMPANY, 0, FALSE, &error));
  ONE_STEP (ks_raci_chart_create (b.ws, "Acme chart", KS_RACI_SCOPE_ACCOUNT, acc, TRUE, &error));
  ONE_STEP (ks_raci_chart_rename (b.ws, b.chart, "Quotations", &error));
  ONE_STEP (ks_raci_chart_set_arsci (b.ws, b.chart, TRUE, &error));
  ONE_STEP (ks_raci_chart_delete (b.ws, b.chart, &error));
  ONE_STEP (ks_raci_phase_add (b.ws, b.chart, "First", 0, &error));
  ONE_STEP (ks_raci_phase_rename (b.ws, b.p1, "Offering", &error));
  ONE_STEP (ks_raci_phase_move (b.ws, b.p2, 0, &error));
  ONE_STEP (ks_raci_phase_delete (b.ws, b.p1, &error));
  ONE_STEP (ks_raci_task_add (b.ws, b.p1, "Check", 0, &error));
  ONE_STEP (ks_raci_task_rename (b.ws, b.t1, "Pricing", &error));
  ONE_STEP (ks_raci_task_move (b.ws, b.t2, b.p1, 0, &error));
  ONE_STEP (ks_raci_task_move (b.ws, b.t1, b.p2, -1, &error));
  ONE_STEP (ks_raci_task_delete (b.ws, b.t1, &error));
  ONE_STEP (ks_raci_column_add (b.ws, b.chart, b.bo, NULL, 0, &error));
  ONE_STEP (ks_raci_column_move (b.ws, b.c1, -1, &error));
  ONE_STEP (ks_raci_column_delete (b.ws, b.c1, &error));
  ONE_STEP (ks_raci_cell_set (b.ws, b.t2, b.c1, KS_RACI_C, FALSE, &error));
  ONE_STEP (ks_raci_cell_set (b.ws, b.t1, b.c1, KS_RACI_EMPTY, FALSE, &error));
  ONE_STEP (ks_raci_cell_set (b.ws, b.t1, b.c1, KS_RACI_R, TRUE, &error));
  ONE_STEP (ks_raci_template_instantiate (b.ws, KS_RACI_TEMPLATE_HANDOVER, acc, &error));
#undef ONE_STEP
  g_object_unref (b.ws);
}

/* ---- roles ------------------------------------------------------------------ */

static void
test_roles (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(KsRaciChart) one = NULL, two = NULL, none = NULL;
  g_autoptr(KsRaciCheck) check = NULL;
  gint64 acme = ks_test_add_account (ws, "Acme");
  gint64 bolt = ks_test_add_account (ws, "Bolt");
  gint64 aino = ks_test_add_person (ws, "Aino", 0);
  gint64 bo = ks_test_add_person (ws, "Bo", 0);
  gint64 chart, phase, task, sc, pl;
  KsRaciColumn *c;

  add_member (ws, acme, aino, "Sales coordinator");
  add_member (ws, bolt, bo, "sales Coordinator ");   /* case and spaces differ */
  chart = ks_raci_chart_create (ws, "Orders", KS_RACI_SCOPE_PROCESS, 0, FALSE, &error);
  phase = ks_raci_phase_add (ws, chart, "Order", -1, &error);
  task = ks_raci_task_add (ws, phase, "Order entry", -1, &error);
  sc = ks_raci_column_add (ws, chart, 0, "Sales coordinator", -1, &error);
  pl = ks_raci_column_add (ws, chart, 0, "Planner", -1, &error);
  g_assert_true (ks_raci_cell_set (ws, task, sc, KS_RACI_R, FALSE, &error));
  g_assert_true (ks_raci_cell_set (ws, task, pl, KS_RACI_A, FALSE, &error));
  g_assert_no_error (error);

  one = ks_raci_chart_load (ws, chart, acme, &error);
  two = ks_raci_chart_load (ws, chart, bolt, &error);
  none = ks_raci_chart_load (ws, chart, 0, &error);
  g_assert_no_error (error);
  c = g_ptr_array_index (one->columns, 0);
  g_assert_cmpint (c->resolved_id, ==, aino);
  g_assert_cmpstr (c->resolved_name, ==, "Aino");
  g_assert_cmpstr (one->account_name, ==, "Acme");
  c = g_ptr_array_index (two->columns, 0);
  g_assert_cmpint (c->resolved_id, ==, bo);
  g_assert_cmpstr (c->resolved_name, ==, "Bo");
  c = g_ptr_array_index (two->columns, 1);
  g_assert_cmpint (c->resolved_id, ==, 0);
  g_assert_null (c->resolved_name);
  g_assert_null (none->account_name);
  g_assert_cmpint (((KsRaciColumn *) g_ptr_array_index (none->columns, 0))->resolved_id, ==, 0);

  /* On Bolt, nobody is Planner: one warning, column 1; no errors. */
  check = ks_raci_check (two);
  g_assert_cmpuint (check->n_errors, ==, 0);
  g_assert_cmpuint (check->n_warnings, ==, 1);
  assert_finding (check, 0, "unbound-role", -1, 1);
  g_clear_pointer (&check, ks_raci_check_free);
  check = ks_raci_check (none);
  g_assert_cmpuint (check->n_warnings, ==, 0);

  /* Renaming the Planner column to a role Bolt's team has binds it there;
   * a person's column and an empty role are refused. */
  {
    g_autoptr(KsRaciChart) renamed = NULL;
    gint64 person_column = ks_raci_column_add (ws, chart, aino, NULL, -1, &error);

    g_assert_no_error (error);
    g_assert_true (ks_raci_column_set_role (ws, pl, "  Sales coordinator ", &error));
    g_assert_no_error (error);
    renamed = ks_raci_chart_load (ws, chart, bolt, &error);
    c = g_ptr_array_index (renamed->columns, 1);
    g_assert_cmpstr (c->role, ==, "Sales coordinator");
    g_assert_cmpint (c->resolved_id, ==, bo);
    g_assert_false (ks_raci_column_set_role (ws, person_column, "Planner", &error));
    g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (ks_raci_column_set_role (ws, pl, "   ", &error));
    g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
    g_clear_error (&error);
  }
}

/* ---- CSV -------------------------------------------------------------------- */

static KsWorkspace *
csv_workspace (void)
{
  KsWorkspace *ws = ks_test_open_workspace (":memory:", TRUE);
  gint64 acme = ks_test_add_account (ws, "Acme");
  gint64 tuomas = ks_test_add_person (ws, "Tuomas Äijälä", 0);

  ks_test_add_person (ws, "Zoë 🚀 Star", 0);
  add_member (ws, acme, tuomas, "Sales coordinator");
  return ws;
}

/* Exported by hand from the chart that test_csv_round_trip builds:
 * columns Tuomas, Zoë, Sales coordinator; the first task lists every
 * column; "Quote, send" needs quotes; Zoë's R on it is the main one. */
static const char expected_csv[] =
  "phase,task,person,letter,main\n"
  "Offer,Price,Tuomas Äijälä,R,\n"
  "Offer,Price,Zoë 🚀 Star,A,\n"
  "Offer,Price,Sales coordinator,,\n"
  "Offer,\"Quote, send\",Tuomas Äijälä,R,\n"
  "Offer,\"Quote, send\",Zoë 🚀 Star,R,yes\n"
  "Offer,\"Quote, send\",Sales coordinator,A,\n"
  "Offer,Follow up,,,\n"
  "\"Close \"\"won\"\"\",Won/lost,Sales coordinator,I,\n"
  "Later,,,,\n";

static void
test_csv_round_trip (void)
{
  g_autoptr(KsWorkspace) ws = csv_workspace ();
  g_autoptr(KsWorkspace) other = csv_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsRaciChart) chart = NULL, back = NULL;
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *csv = NULL, *csv2 = NULL, *path = NULL, *before = NULL, *after = NULL;
  gint64 id, p1, p2, t1, t2, t4, c1, c2, c3;

  id = ks_raci_chart_create (ws, "Quotes", KS_RACI_SCOPE_PROCESS, 0, FALSE, &error);
  p1 = ks_raci_phase_add (ws, id, "Offer", -1, &error);
  p2 = ks_raci_phase_add (ws, id, "Close \"won\"", -1, &error);
  ks_raci_phase_add (ws, id, "Later", -1, &error);
  t1 = ks_raci_task_add (ws, p1, "Price", -1, &error);
  t2 = ks_raci_task_add (ws, p1, "Quote, send", -1, &error);
  ks_raci_task_add (ws, p1, "Follow up", -1, &error);
  t4 = ks_raci_task_add (ws, p2, "Won/lost", -1, &error);
  c1 = ks_raci_column_add (ws, id, ks_workspace_id_for_name (ws, "people", "Tuomas Äijälä", NULL), NULL, -1, &error);
  c2 = ks_raci_column_add (ws, id, ks_workspace_id_for_name (ws, "people", "Zoë 🚀 Star", NULL), NULL, -1, &error);
  c3 = ks_raci_column_add (ws, id, 0, "Sales coordinator", -1, &error);
  ks_raci_cell_set (ws, t1, c1, KS_RACI_R, FALSE, &error);
  ks_raci_cell_set (ws, t1, c2, KS_RACI_A, FALSE, &error);
  ks_raci_cell_set (ws, t2, c1, KS_RACI_R, FALSE, &error);
  ks_raci_cell_set (ws, t2, c2, KS_RACI_R, TRUE, &error);
  ks_raci_cell_set (ws, t2, c3, KS_RACI_A, FALSE, &error);
  ks_raci_cell_set (ws, t4, c3, KS_RACI_I, FALSE, &error);
  g_assert_no_error (error);

  chart = ks_raci_chart_load (ws, id, 0, &error);
  csv = ks_raci_export_csv (chart);
  g_assert_cmpstr (csv, ==, expected_csv);

  path = ks_test_write_file (dir, "quotes.csv", csv, -1);
  g_assert_true (ks_raci_import_csv (other, path, "Quotes", report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->letters, ==, 6);
  back = ks_raci_chart_load (other, ks_raci_chart_find (other, "Quotes", NULL), 0, &error);
  csv2 = ks_raci_export_csv (back);
  g_assert_cmpstr (csv2, ==, expected_csv);

  /* Importing it into the same chart again changes nothing that shows. */
  before = ks_raci_export_csv (back);
  g_assert_true (ks_raci_import_csv (other, path, "quotes", report, &error));
  g_clear_pointer (&back, ks_raci_chart_free);
  back = ks_raci_chart_load (other, ks_raci_chart_find (other, "Quotes", NULL), 0, &error);
  after = ks_raci_export_csv (back);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (n_charts (other, 0), ==, 1);
}

static void
expect_refused (const char *contents,
                const char *scope,
                const char *where,
                const char *what)
{
  g_autoptr(KsWorkspace) ws = csv_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *path = ks_test_write_file (dir, "raci.csv", contents, -1);
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *prefix = NULL;
  gint64 id = ks_raci_chart_create (ws, "Existing", KS_RACI_SCOPE_PROCESS, 0, FALSE, NULL);
  gint64 phase = ks_raci_phase_add (ws, id, "Kept", -1, NULL);

  ks_raci_task_add (ws, phase, "Kept task", -1, NULL);
  before = dump (ws);
  g_assert_false (ks_raci_import_csv (ws, path, scope, report, &error));
  g_assert_nonnull (error);
  prefix = g_strdup_printf ("%s:%s:", path, where);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("expected %s…, got %s", prefix, error->message);
  g_assert_nonnull (strstr (error->message, what));
  g_assert_cmpuint (report->errors->len, >=, 1);
  after = dump (ws);
  g_assert_cmpstr (before, ==, after);
}

/* The chart a file goes into by default: its base name without ".csv". */
static void
test_csv_default_scope (void)
{
  const struct { const char *path, *scope; } cases[] = {
    { "/tmp/Key account management.csv", "Key account management" },
    { "offers.CSV", "offers" },
    { "notes.txt", "notes.txt" },
    { "dir/.csv", ".csv" },
    { "Tilaus–toimitus.csv", "Tilaus–toimitus" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *scope = ks_raci_csv_default_scope (cases[i].path);
      g_assert_cmpstr (scope, ==, cases[i].scope);
    }
}

static void
test_csv_refused (void)
{
  /* Line:column of the cell at fault, by counting characters. */
  expect_refused ("phase,task,person,letter\nOffer,Price,Tuomas Äijälä,X\n", "New", "2:27", "“X”");
  expect_refused ("phase,task,letter\nOffer,Price,R\n", "New", "1:1", "person");
  expect_refused ("phase,task,person,letter\nOffer,Price,Tuomas Äijälä,R\nOffer,Price,Nobody,A\n",
                  "New", "3:13", "Nobody");
  expect_refused ("phase,task,person,letter\nOffer,Price,Zoë 🚀 Star,S\n", "Existing", "2:24", "ARSCI");
  expect_refused ("phase,task,person,letter\nOffer,Price,Tuomas Äijälä,R\nOffer,Price,tuomas äijälä,A\n",
                  "Existing", "3:13", "line 2");
  expect_refused ("phase,task,person,letter,main\nOffer,Price,Tuomas Äijälä,A,yes\n", "New", "2:29", "main");
}

/* ---- templates ------------------------------------------------------------- */

static void
test_templates (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(GError) error = NULL;
  gint64 acme = ks_test_add_account (ws, "Acme");
  static const char *const roles[] = {
    "Key account manager", "Sales coordinator", "Customer support", "Application engineer",
    "Planner", "Executive sponsor",
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      add_member (ws, acme, ks_test_add_person (ws, name, 0), roles[i]);
    }
  for (guint t = 0; t < KS_RACI_N_TEMPLATES; t++)
    {
      gint64 id = ks_raci_template_instantiate (ws, t, acme, &error);
      g_autoptr(KsRaciChart) chart = NULL;
      g_autoptr(KsRaciCheck) check = NULL;
      g_autofree char *name = g_strdup_printf ("%s — Acme", ks_raci_template_name (t));

      g_assert_no_error (error);
      chart = ks_raci_chart_load (ws, id, 0, &error);
      g_assert_cmpstr (chart->name, ==, name);
      g_assert_cmpint (chart->scope, ==, KS_RACI_SCOPE_ACCOUNT);
      g_assert_cmpint (chart->account_id, ==, acme);
      g_assert_cmpuint (chart->tasks->len, >=, 7);
      check = ks_raci_check (chart);
      /* Every role is held on Acme: no errors and no warnings at all. */
      g_assert_cmpuint (check->n_errors, ==, 0);
      g_assert_cmpuint (check->n_warnings, ==, 0);
      for (guint c = 0; c < chart->columns->len; c++)
        g_assert_cmpint (((KsRaciColumn *) g_ptr_array_index (chart->columns, c))->resolved_id, >, 0);
    }
  /* A second one gets a number. */
  {
    g_autoptr(KsRaciChart) chart = ks_raci_chart_load (ws, ks_raci_template_instantiate (ws, KS_RACI_TEMPLATE_QUOTATION, acme, &error), 0, &error);
    g_assert_cmpstr (chart->name, ==, "Quotation handling — Acme (2)");
  }
  g_assert_cmpstr (ks_raci_template_name (KS_RACI_TEMPLATE_ORDER_DELIVERY), ==, "Order to delivery");
  g_assert_cmpuint (n_charts (ws, acme), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/raci/letters", test_letters);
  g_test_add_func ("/core/raci/check/thesis-example", test_check_thesis_example);
  g_test_add_func ("/core/raci/check/every-kind", test_check_every_kind);
  g_test_add_func ("/core/raci/storage", test_storage);
  g_test_add_func ("/core/raci/moves", test_moves);
  g_test_add_func ("/core/raci/undo", test_undo);
  g_test_add_func ("/core/raci/roles", test_roles);
  g_test_add_func ("/core/raci/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/core/raci/csv/refused", test_csv_refused);
  g_test_add_func ("/core/raci/csv/default-scope", test_csv_default_scope);
  g_test_add_func ("/core/raci/templates", test_templates);

  return g_test_run ();
}
