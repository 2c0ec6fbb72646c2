/* test-undo.c — every kind of change undoes and redoes exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "ks-account.h"
#include "ks-test-util.h"
#include "ks-workspace.h"

static KsWorkspace *
new_workspace (void)
{
  g_autoptr(GError) error = NULL;
  KsWorkspace *ws = ks_workspace_open (":memory:", KS_WORKSPACE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  ks_workspace_set_undo_enabled (ws, TRUE);
  return ws;
}

static guint
n_accounts (KsWorkspace *ws)
{
  g_autoptr(GListModel) list = ks_account_list (ws, NULL);
  return g_list_model_get_n_items (list);
}

static void
test_account_add_edit_delete (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) acc = ks_account_new ("Fjordkraft ASA");
  g_autoptr(KsAccount) back = NULL;
  gint64 id;

  g_assert_false (ks_workspace_can_undo (ws));
  g_assert_true (ks_account_save (acc, ws, &error));
  id = ks_account_get_id (acc);
  g_assert_true (ks_workspace_can_undo (ws));
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, "Add account");

  /* Edit with a value that needs all its digits and text with quotes. */
  ks_account_set_revenue (acc, 0.1 + 0.2);
  ks_account_set_notes (acc, "It's \"quoted\"; DROP TABLE accounts; -- ✓ ñ 日本");
  g_assert_true (ks_account_save (acc, ws, &error));

  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_no_error (error);
  back = ks_account_load (ws, id, &error);
  g_assert_true (isnan (ks_account_get_revenue (back)));
  g_assert_cmpstr (ks_account_get_notes (back), ==, "");
  g_clear_object (&back);

  g_assert_true (ks_workspace_redo (ws, &error));
  back = ks_account_load (ws, id, &error);
  g_assert_cmpfloat (ks_account_get_revenue (back), ==, 0.1 + 0.2);
  g_assert_cmpstr (ks_account_get_notes (back), ==, "It's \"quoted\"; DROP TABLE accounts; -- ✓ ñ 日本");
  g_clear_object (&back);

  g_assert_true (ks_account_delete (ws, id, &error));
  g_assert_cmpuint (n_accounts (ws), ==, 0);
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_cmpuint (n_accounts (ws), ==, 1);
  back = ks_account_load (ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (ks_account_get_revenue (back), ==, 0.1 + 0.2);
  g_clear_object (&back);

  /* Undo everything: back to empty; redo everything: back to the last state. */
  while (ks_workspace_can_undo (ws))
    g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_cmpuint (n_accounts (ws), ==, 0);
  while (ks_workspace_can_redo (ws))
    g_assert_true (ks_workspace_redo (ws, &error));
  g_assert_cmpuint (n_accounts (ws), ==, 0);  /* the last action was the delete */
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_cmpuint (n_accounts (ws), ==, 1);
}

static void
test_new_action_clears_redo (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) a = ks_account_new ("A");
  g_autoptr(KsAccount) b = ks_account_new ("B");

  g_assert_true (ks_account_save (a, ws, &error));
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_true (ks_workspace_can_redo (ws));
  g_assert_true (ks_account_save (b, ws, &error));
  g_assert_false (ks_workspace_can_redo (ws));
  g_assert_cmpuint (n_accounts (ws), ==, 1);
}

static void
test_one_step_per_action (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_workspace_begin (ws, "Add three", &error));
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Account %d", i);
      g_autoptr(KsAccount) acc = ks_account_new (name);
      g_assert_true (ks_account_save (acc, ws, &error));
    }
  g_assert_true (ks_workspace_commit (ws, &error));
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, "Add three");
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_cmpuint (n_accounts (ws), ==, 0);
  g_assert_false (ks_workspace_can_undo (ws));
  g_assert_cmpstr (ks_workspace_get_redo_label (ws), ==, "Add three");
}

static void
test_failed_action_leaves_no_step (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) a = ks_account_new ("Same");
  g_autoptr(KsAccount) b = ks_account_new ("Same");

  g_assert_true (ks_account_save (a, ws, &error));
  g_assert_false (ks_account_save (b, ws, &error));
  g_clear_error (&error);
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, "Add account");
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_false (ks_workspace_can_undo (ws));
  g_assert_cmpuint (n_accounts (ws), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/undo/account", test_account_add_edit_delete);
  g_test_add_func ("/core/undo/new-action-clears-redo", test_new_action_clears_redo);
  g_test_add_func ("/core/undo/one-step-per-action", test_one_step_per_action);
  g_test_add_func ("/core/undo/failed-action", test_failed_action_leaves_no_step);

  return g_test_run ();
}
