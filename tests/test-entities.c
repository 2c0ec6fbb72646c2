/* test-entities.c — people, account teams, products, opportunities, contacts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "ks-account.h"
#include "ks-contact.h"
#include "ks-opportunity.h"
#include "ks-person.h"
#include "ks-product.h"
#include "ks-team-member.h"
#include "ks-test-util.h"
#include "ks-workspace.h"

static KsWorkspace *
new_workspace (void)
{
  g_autoptr(GError) error = NULL;
  KsWorkspace *ws = ks_workspace_open (":memory:", KS_WORKSPACE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return ws;
}

static KsWorkspaceCounts
counts (KsWorkspace *ws)
{
  g_autoptr(GError) error = NULL;
  KsWorkspaceCounts c = { 0 };

  g_assert_true (ks_workspace_get_counts (ws, &c, &error));
  g_assert_no_error (error);
  return c;
}

/* Every readable property equal; doubles bit-for-bit or both NaN. */
static void
assert_same (gpointer a,
             gpointer b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);
      if (G_VALUE_HOLDS_DOUBLE (&va))
        {
          double x = g_value_get_double (&va), y = g_value_get_double (&vb);
          if (!(isnan (x) && isnan (y)))
            g_assert_cmpfloat (x, ==, y);
        }
      else
        {
          g_autofree char *x = g_strdup_value_contents (&va);
          g_autofree char *y = g_strdup_value_contents (&vb);
          if (g_strcmp0 (x, y) != 0)
            g_error ("%s: property %s differs: %s vs %s",
                     G_OBJECT_TYPE_NAME (a), pspecs[i]->name, x, y);
        }
    }
}

static KsAccount *
add_account (KsWorkspace *ws,
             const char  *name)
{
  g_autoptr(GError) error = NULL;
  KsAccount *acc = ks_account_new (name);

  g_assert_true (ks_account_save (acc, ws, &error));
  g_assert_no_error (error);
  return acc;
}

static KsPerson *
add_person (KsWorkspace *ws,
            const char  *name,
            gint64       manager_id)
{
  g_autoptr(GError) error = NULL;
  KsPerson *p = ks_person_new (name);

  ks_person_set_manager_id (p, manager_id);
  g_assert_true (ks_person_save (p, ws, &error));
  g_assert_no_error (error);
  return p;
}

static KsTeamMember *
add_member (KsWorkspace *ws,
            gint64       account_id,
            gint64       person_id,
            gboolean     core)
{
  g_autoptr(GError) error = NULL;
  KsTeamMember *m = ks_team_member_new (account_id, person_id);

  ks_team_member_set_core (m, core);
  g_assert_true (ks_team_member_save (m, ws, &error));
  g_assert_no_error (error);
  return m;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n)
{
  (*n)++;
}

/* people */

static void
test_person_round_trip (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsPerson) boss = add_person (ws, "Ingrid Ødegård", 0);
  g_autoptr(KsPerson) p = ks_person_new ("  Мария Иванова  ");
  g_autoptr(KsPerson) back = NULL;

  ks_person_set_title (p, "Директор по продажам");
  ks_person_set_phone (p, "+47 22 33 44 55");
  ks_person_set_email (p, "maria@example.no");
  ks_person_set_team (p, "東京チーム");
  ks_person_set_region (p, "Norden – ÆØÅ");
  ks_person_set_area (p, "It's \"key\" accounts; -- 日本");
  ks_person_set_manager_id (p, ks_person_get_id (boss));
  g_assert_true (ks_person_save (p, ws, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_person_get_id (p), >, ks_person_get_id (boss));
  /* The saved object holds the stored row: trimmed name, joined manager. */
  g_assert_cmpstr (ks_person_get_name (p), ==, "Мария Иванова");
  g_assert_cmpstr (ks_person_get_manager_name (p), ==, "Ingrid Ødegård");

  back = ks_person_load (ws, ks_person_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ks_person_get_name (back), ==, "Мария Иванова");
  g_assert_cmpstr (ks_person_get_title (back), ==, "Директор по продажам");
  g_assert_cmpstr (ks_person_get_phone (back), ==, "+47 22 33 44 55");
  g_assert_cmpstr (ks_person_get_email (back), ==, "maria@example.no");
  g_assert_cmpstr (ks_person_get_team (back), ==, "東京チーム");
  g_assert_cmpstr (ks_person_get_region (back), ==, "Norden – ÆØÅ");
  g_assert_cmpstr (ks_person_get_area (back), ==, "It's \"key\" accounts; -- 日本");
  g_assert_cmpint (ks_person_get_manager_id (back), ==, ks_person_get_id (boss));
  g_assert_cmpstr (ks_person_get_manager_name (back), ==, "Ingrid Ødegård");
  g_assert_cmpuint (ks_person_get_account_count (back), ==, 0);
  assert_same (p, back);

  /* Clearing the manager stores no manager. */
  ks_person_set_manager_id (back, 0);
  g_assert_true (ks_person_save (back, ws, &error));
  g_assert_cmpstr (ks_person_get_manager_name (back), ==, "");
  g_clear_object (&p);
  p = ks_person_load (ws, ks_person_get_id (back), &error);
  g_assert_cmpint (ks_person_get_manager_id (p), ==, 0);

  g_clear_object (&p);
  p = ks_person_load (ws, 9999, &error);
  g_assert_null (p);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
}

static void
test_person_notify (void)
{
  g_autoptr(KsPerson) p = ks_person_new ("Kari");
  guint n = 0;

  g_signal_connect (p, "notify", G_CALLBACK (count_notify), &n);
  ks_person_set_name (p, "Kari");
  ks_person_set_title (p, NULL);     /* NULL is "" */
  ks_person_set_manager_id (p, -5);  /* negative is no manager */
  g_assert_cmpuint (n, ==, 0);
  ks_person_set_title (p, "Sjef");
  ks_person_set_manager_id (p, 3);
  g_object_set (p, "area", "Nord", NULL);
  g_assert_cmpuint (n, ==, 3);
  g_object_set (p, "area", "Nord", NULL);
  g_assert_cmpuint (n, ==, 3);
}

static void
test_person_refused (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsPerson) ola = add_person (ws, "Ola Nordmann", 0);
  g_autoptr(KsPerson) dup = ks_person_new ("Ola Nordmann");
  g_autoptr(KsPerson) empty = ks_person_new ("   ");
  g_autoptr(KsPerson) kari = add_person (ws, "Kari", 0);
  g_autoptr(KsPerson) ghost_boss = ks_person_new ("Per");

  g_assert_false (ks_person_save (empty, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (ks_person_save (dup, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Ola Nordmann"));
  g_clear_error (&error);
  g_assert_cmpint (ks_person_get_id (dup), ==, 0);

  /* Renaming onto another person's name. */
  ks_person_set_name (kari, "Ola Nordmann");
  g_assert_false (ks_person_save (kari, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Ola Nordmann"));
  g_clear_error (&error);

  /* A manager who does not exist. */
  ks_person_set_manager_id (ghost_boss, 4242);
  g_assert_false (ks_person_save (ghost_boss, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (counts (ws).people, ==, 2);
  g_clear_object (&kari);
  kari = ks_person_find (ws, "Kari", &error);
  g_assert_no_error (error);
}

/* Saving an edit of a row deleted meanwhile says so instead of doing nothing. */
static void
test_save_deleted (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsPerson) p = add_person (ws, "Gone", 0);
  g_autoptr(KsAccount) acc = add_account (ws, "Acc");
  g_autoptr(KsTeamMember) m = add_member (ws, ks_account_get_id (acc), ks_person_get_id (p), TRUE);
  g_autoptr(KsProduct) prod = ks_product_new ("Gone too");

  g_assert_true (ks_product_save (prod, ws, &error));
  g_assert_true (ks_team_member_delete (ws, ks_team_member_get_id (m), &error));
  g_assert_true (ks_person_delete (ws, ks_person_get_id (p), &error));
  g_assert_true (ks_product_delete (ws, ks_product_get_id (prod), &error));

  ks_person_set_title (p, "Ghost");
  g_assert_false (ks_person_save (p, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Gone"));
  g_clear_error (&error);
  ks_team_member_set_role (m, "Ghost");
  g_assert_false (ks_team_member_save (m, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ks_product_save (prod, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ks_workspace_in_transaction (ws));
  g_assert_cmpint (counts (ws).people + counts (ws).products + counts (ws).team_members, ==, 0);
}

static void
test_person_manager_cycle (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsPerson) a = add_person (ws, "A", 0);
  g_autoptr(KsPerson) b = add_person (ws, "B", ks_person_get_id (a));
  g_autoptr(KsPerson) c = add_person (ws, "C", ks_person_get_id (b));
  g_autoptr(KsPerson) back = NULL;

  /* A manages B manages A. */
  ks_person_set_manager_id (a, ks_person_get_id (b));
  g_assert_false (ks_person_save (a, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“A”"));
  g_clear_error (&error);

  /* Through two levels. */
  ks_person_set_manager_id (a, ks_person_get_id (c));
  g_assert_false (ks_person_save (a, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  /* Oneself. */
  ks_person_set_manager_id (a, ks_person_get_id (a));
  g_assert_false (ks_person_save (a, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing stored. */
  back = ks_person_load (ws, ks_person_get_id (a), &error);
  g_assert_cmpint (ks_person_get_manager_id (back), ==, 0);
  g_clear_object (&back);
  g_assert_false (ks_workspace_in_transaction (ws));

  /* Moving C directly under A is not a cycle. */
  ks_person_set_manager_id (c, ks_person_get_id (a));
  g_assert_true (ks_person_save (c, ws, &error));
  g_assert_no_error (error);
  back = ks_person_load (ws, ks_person_get_id (c), &error);
  g_assert_cmpstr (ks_person_get_manager_name (back), ==, "A");
}

static void
test_person_list_and_counts (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  const char *names[] = { "bob", "Émile", "Alice", "carl" };
  const char *expected[] = { "Alice", "bob", "carl", "Émile" };  /* case folds ASCII only */
  const guint expected_counts[] = { 1, 3, 0, 0 };  /* Alice one, bob three */
  gint64 ids[4];
  g_autoptr(KsAccount) x = add_account (ws, "X");
  g_autoptr(KsAccount) y = add_account (ws, "Y");
  g_autoptr(KsAccount) z = add_account (ws, "Z");
  g_autoptr(GListModel) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(KsPerson) p = add_person (ws, names[i], 0);
      ids[i] = ks_person_get_id (p);
    }
  /* bob covers three accounts, Alice one. */
  g_object_unref (add_member (ws, ks_account_get_id (x), ids[0], TRUE));
  g_object_unref (add_member (ws, ks_account_get_id (y), ids[0], FALSE));
  g_object_unref (add_member (ws, ks_account_get_id (z), ids[0], TRUE));
  g_object_unref (add_member (ws, ks_account_get_id (y), ids[2], TRUE));

  list = ks_person_list (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(KsPerson) p = g_list_model_get_item (list, i);
      g_assert_cmpstr (ks_person_get_name (p), ==, expected[i]);
      g_assert_cmpuint (ks_person_get_account_count (p), ==, expected_counts[i]);
    }

  {
    g_autoptr(KsPerson) bob = ks_person_load (ws, ids[0], &error);
    g_assert_cmpuint (ks_person_get_account_count (bob), ==, 3);
  }
}

static void
test_person_find (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsPerson) found = NULL;

  g_object_unref (add_person (ws, "Åse Ødegård", 0));
  g_object_unref (add_person (ws, "Kim Lee", 0));
  g_object_unref (add_person (ws, "kim lee", 0));

  found = ks_person_find (ws, "kim lee", &error);   /* exact wins */
  g_assert_no_error (error);
  g_assert_cmpstr (ks_person_get_name (found), ==, "kim lee");
  g_clear_object (&found);

  found = ks_person_find (ws, "åSE øDEGÅRD", &error);  /* beyond ASCII */
  g_assert_no_error (error);
  g_assert_cmpstr (ks_person_get_name (found), ==, "Åse Ødegård");
  g_clear_object (&found);

  found = ks_person_find (ws, "KIM LEE", &error);
  g_assert_null (found);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“Kim Lee”"));
  g_assert_nonnull (strstr (error->message, "“kim lee”"));
  g_clear_error (&error);

  found = ks_person_find (ws, "Kimberly", &error);
  g_assert_null (found);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "similar"));
  g_clear_error (&error);

  found = ks_person_find (ws, "Nobody", &error);
  g_assert_null (found);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
}

static void
test_person_delete (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsPerson) p = add_person (ws, "Leaving", 0);
  g_autoptr(KsPerson) q = add_person (ws, "Staying", ks_person_get_id (p));
  g_autoptr(KsAccount) a1 = add_account (ws, "A1");
  g_autoptr(KsAccount) a2 = add_account (ws, "A2");
  g_autoptr(KsOpportunity) opp = ks_opportunity_new ("OPP-1");
  g_autoptr(GListModel) team = NULL;
  g_autoptr(KsAccount) acc = NULL;
  g_autoptr(KsOpportunity) opp_back = NULL;
  g_autoptr(KsPerson) q_back = NULL;
  g_autoptr(KsTeamMember) m = NULL;

  g_object_unref (add_member (ws, ks_account_get_id (a1), ks_person_get_id (p), TRUE));
  g_object_unref (add_member (ws, ks_account_get_id (a2), ks_person_get_id (p), FALSE));
  g_object_unref (add_member (ws, ks_account_get_id (a1), ks_person_get_id (q), TRUE));
  ks_account_set_owner_id (a1, ks_person_get_id (p));
  g_assert_true (ks_account_save (a1, ws, &error));
  g_assert_cmpstr (ks_account_get_owner_name (a1), ==, "Leaving");
  ks_opportunity_set_account_id (opp, ks_account_get_id (a1));
  ks_opportunity_set_owner_id (opp, ks_person_get_id (p));
  g_assert_true (ks_opportunity_save (opp, ws, &error));
  g_assert_cmpstr (ks_opportunity_get_owner_name (opp), ==, "Leaving");
  g_assert_cmpint (counts (ws).team_members, ==, 3);

  g_assert_true (ks_person_delete (ws, ks_person_get_id (p), &error));
  g_assert_no_error (error);

  /* Team rows go with the person; the other member stays. */
  g_assert_cmpint (counts (ws).team_members, ==, 1);
  team = ks_team_member_list_for_account (ws, ks_account_get_id (a1), &error);
  g_assert_cmpuint (g_list_model_get_n_items (team), ==, 1);
  m = g_list_model_get_item (team, 0);
  g_assert_cmpstr (ks_team_member_get_person_name (m), ==, "Staying");
  g_clear_object (&team);
  team = ks_team_member_list_for_person (ws, ks_person_get_id (p), &error);
  g_assert_cmpuint (g_list_model_get_n_items (team), ==, 0);

  /* Ownership and management are cleared, the rows kept. */
  acc = ks_account_load (ws, ks_account_get_id (a1), &error);
  g_assert_cmpint (ks_account_get_owner_id (acc), ==, 0);
  g_assert_cmpstr (ks_account_get_owner_name (acc), ==, "");
  opp_back = ks_opportunity_load (ws, ks_opportunity_get_id (opp), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ks_opportunity_get_owner_id (opp_back), ==, 0);
  g_assert_cmpstr (ks_opportunity_get_owner_name (opp_back), ==, "");
  g_assert_cmpint (ks_opportunity_get_account_id (opp_back), ==, ks_account_get_id (a1));
  q_back = ks_person_load (ws, ks_person_get_id (q), &error);
  g_assert_cmpint (ks_person_get_manager_id (q_back), ==, 0);
  g_assert_cmpstr (ks_person_get_manager_name (q_back), ==, "");
  g_assert_cmpint (counts (ws).people, ==, 1);
}

/* account teams */

static void
test_team_round_trip (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) acc = add_account (ws, "Équinor Øst");
  g_autoptr(KsPerson) p = ks_person_new ("José Ñúñez");
  g_autoptr(KsTeamMember) m = NULL;
  g_autoptr(KsTeamMember) back = NULL;

  ks_person_set_title (p, "Customer support");
  g_assert_true (ks_person_save (p, ws, &error));

  m = ks_team_member_new (ks_account_get_id (acc), ks_person_get_id (p));
  g_assert_true (ks_team_member_get_core (m));  /* the default */
  ks_team_member_set_core (m, FALSE);
  ks_team_member_set_role (m, "Teknisk ansvarlig ✓");
  g_assert_true (ks_team_member_save (m, ws, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_team_member_get_id (m), >, 0);
  g_assert_cmpstr (ks_team_member_get_account_name (m), ==, "Équinor Øst");
  g_assert_cmpstr (ks_team_member_get_person_name (m), ==, "José Ñúñez");
  g_assert_cmpstr (ks_team_member_get_person_title (m), ==, "Customer support");

  back = ks_team_member_load (ws, ks_team_member_get_id (m), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ks_team_member_get_account_id (back), ==, ks_account_get_id (acc));
  g_assert_cmpint (ks_team_member_get_person_id (back), ==, ks_person_get_id (p));
  g_assert_false (ks_team_member_get_core (back));
  g_assert_cmpstr (ks_team_member_get_role (back), ==, "Teknisk ansvarlig ✓");
  assert_same (m, back);

  /* Save again updates the same row. */
  ks_team_member_set_core (back, TRUE);
  ks_team_member_set_role (back, "KAM");
  g_assert_true (ks_team_member_save (back, ws, &error));
  g_assert_cmpint (ks_team_member_get_id (back), ==, ks_team_member_get_id (m));
  g_assert_cmpint (counts (ws).team_members, ==, 1);
  g_clear_object (&m);
  m = ks_team_member_load (ws, ks_team_member_get_id (back), &error);
  g_assert_true (ks_team_member_get_core (m));
  g_assert_cmpstr (ks_team_member_get_role (m), ==, "KAM");

  g_assert_true (ks_team_member_delete (ws, ks_team_member_get_id (m), &error));
  g_assert_cmpint (counts (ws).team_members, ==, 0);
  g_assert_cmpint (counts (ws).people, ==, 1);
}

static void
test_team_order (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) acc = add_account (ws, "Main");
  g_autoptr(KsPerson) walker = add_person (ws, "Walker", 0);
  g_autoptr(GListModel) list = NULL;
  const char *people[] = { "Zoe", "adam", "Bea", "Carl" };
  const gboolean core[] = { TRUE, FALSE, TRUE, FALSE };
  const char *expected[] = { "Bea", "Zoe", "adam", "Carl" };
  const char *accounts[] = { "Zeta", "alpha", "Beta" };
  const char *expected_accounts[] = { "alpha", "Beta", "Zeta" };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(KsPerson) p = add_person (ws, people[i], 0);
      g_object_unref (add_member (ws, ks_account_get_id (acc), ks_person_get_id (p), core[i]));
    }
  list = ks_team_member_list_for_account (ws, ks_account_get_id (acc), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(KsTeamMember) m = g_list_model_get_item (list, i);
      g_assert_cmpstr (ks_team_member_get_person_name (m), ==, expected[i]);
      g_assert_cmpstr (ks_team_member_get_account_name (m), ==, "Main");
    }
  g_clear_object (&list);

  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      g_autoptr(KsAccount) a = add_account (ws, accounts[i]);
      g_object_unref (add_member (ws, ks_account_get_id (a), ks_person_get_id (walker), i == 0));
    }
  list = ks_team_member_list_for_person (ws, ks_person_get_id (walker), &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(KsTeamMember) m = g_list_model_get_item (list, i);
      g_assert_cmpstr (ks_team_member_get_account_name (m), ==, expected_accounts[i]);
      g_assert_cmpstr (ks_team_member_get_person_name (m), ==, "Walker");
    }
}

static void
test_team_refused (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) acc = add_account (ws, "Kongsberg Nord");
  g_autoptr(KsPerson) p = add_person (ws, "Siri Dahl", 0);
  g_autoptr(KsTeamMember) first = add_member (ws, ks_account_get_id (acc), ks_person_get_id (p), TRUE);
  g_autoptr(KsTeamMember) again = ks_team_member_new (ks_account_get_id (acc), ks_person_get_id (p));
  g_autoptr(KsTeamMember) no_account = ks_team_member_new (0, ks_person_get_id (p));
  g_autoptr(KsTeamMember) ghost = ks_team_member_new (ks_account_get_id (acc), 777);

  g_assert_false (ks_team_member_save (again, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Siri Dahl"));
  g_assert_nonnull (strstr (error->message, "Kongsberg Nord"));
  g_clear_error (&error);
  g_assert_cmpint (ks_team_member_get_id (again), ==, 0);

  g_assert_false (ks_team_member_save (no_account, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ks_team_member_save (ghost, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (counts (ws).team_members, ==, 1);

  /* Deleting the account takes its team along. */
  g_assert_true (ks_account_delete (ws, ks_account_get_id (acc), &error));
  g_assert_cmpint (counts (ws).team_members, ==, 0);
  g_clear_object (&p);
  p = ks_person_find (ws, "Siri Dahl", &error);
  g_assert_cmpuint (ks_person_get_account_count (p), ==, 0);
}

/* products */

static void
test_product (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsProduct) ice = ks_product_new ("Ледокол 3000");
  g_autoptr(KsProduct) free_one = ks_product_new ("gtx Basic");
  g_autoptr(KsProduct) dup = ks_product_new ("Ледокол 3000");
  g_autoptr(KsProduct) neg = ks_product_new ("Negative");
  g_autoptr(KsProduct) back = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(KsOpportunity) opp = ks_opportunity_new ("P-1");
  g_autoptr(KsOpportunity) opp_back = NULL;

  g_assert_true (isnan (ks_product_get_price (free_one)));
  ks_product_set_series (ice, "北極");
  ks_product_set_price (ice, 0.1 + 0.2);
  g_assert_true (ks_product_save (ice, ws, &error));
  g_assert_true (ks_product_save (free_one, ws, &error));
  g_assert_no_error (error);

  back = ks_product_load (ws, ks_product_get_id (ice), &error);
  g_assert_cmpstr (ks_product_get_name (back), ==, "Ледокол 3000");
  g_assert_cmpstr (ks_product_get_series (back), ==, "北極");
  g_assert_cmpfloat (ks_product_get_price (back), ==, 0.1 + 0.2);
  assert_same (ice, back);
  g_clear_object (&back);
  back = ks_product_load (ws, ks_product_get_id (free_one), &error);
  g_assert_true (isnan (ks_product_get_price (back)));
  g_assert_cmpstr (ks_product_get_series (back), ==, "");

  list = ks_product_list (ws, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(KsProduct) first = g_list_model_get_item (list, 0);
    g_autoptr(KsProduct) second = g_list_model_get_item (list, 1);
    g_assert_cmpstr (ks_product_get_name (first), ==, "gtx Basic");
    g_assert_cmpstr (ks_product_get_name (second), ==, "Ледокол 3000");
  }

  g_assert_false (ks_product_save (dup, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Ледокол 3000"));
  g_clear_error (&error);
  ks_product_set_price (neg, -1);
  g_assert_false (ks_product_save (neg, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  ks_product_set_price (neg, INFINITY);
  g_assert_false (ks_product_save (neg, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (counts (ws).products, ==, 2);

  /* Deleting a product leaves its opportunities without one. */
  ks_opportunity_set_product_id (opp, ks_product_get_id (ice));
  g_assert_true (ks_opportunity_save (opp, ws, &error));
  g_assert_cmpstr (ks_opportunity_get_product_name (opp), ==, "Ледокол 3000");
  g_assert_true (ks_product_delete (ws, ks_product_get_id (ice), &error));
  opp_back = ks_opportunity_load (ws, ks_opportunity_get_id (opp), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ks_opportunity_get_product_id (opp_back), ==, 0);
  g_assert_cmpstr (ks_opportunity_get_product_name (opp_back), ==, "");
  g_assert_cmpint (counts (ws).products, ==, 1);
}

/* opportunities */

static void
test_opportunity_round_trip (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) acc = add_account (ws, "Søren & Søn");
  g_autoptr(KsPerson) owner = add_person (ws, "Zoë Ågren", 0);
  g_autoptr(KsProduct) prod = ks_product_new ("MG Advanced");
  g_autoptr(KsOpportunity) opp = ks_opportunity_new (" 1C1I7A6R ");
  g_autoptr(KsOpportunity) back = NULL;
  g_autoptr(KsOpportunity) bare = ks_opportunity_new ("BARE");

  g_assert_true (ks_product_save (prod, ws, &error));
  g_assert_true (isnan (ks_opportunity_get_value (opp)));
  g_assert_null (ks_opportunity_get_engage_date (opp));
  ks_opportunity_set_account_id (opp, ks_account_get_id (acc));
  ks_opportunity_set_product_id (opp, ks_product_get_id (prod));
  ks_opportunity_set_owner_id (opp, ks_person_get_id (owner));
  ks_opportunity_set_title (opp, "Новая линия — 新线");
  ks_opportunity_set_stage (opp, "Engaging");
  ks_opportunity_set_value (opp, 1054.25);
  ks_opportunity_set_engage_date (opp, "2024-02-29");
  ks_opportunity_set_close_date (opp, "2024-02-29");
  ks_opportunity_set_expected_close_date (opp, "2024-06-30");
  g_assert_true (ks_opportunity_save (opp, ws, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ks_opportunity_get_ref (opp), ==, "1C1I7A6R");
  g_assert_cmpstr (ks_opportunity_get_account_name (opp), ==, "Søren & Søn");
  g_assert_cmpstr (ks_opportunity_get_product_name (opp), ==, "MG Advanced");
  g_assert_cmpstr (ks_opportunity_get_owner_name (opp), ==, "Zoë Ågren");

  back = ks_opportunity_load (ws, ks_opportunity_get_id (opp), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ks_opportunity_get_ref (back), ==, "1C1I7A6R");
  g_assert_cmpint (ks_opportunity_get_account_id (back), ==, ks_account_get_id (acc));
  g_assert_cmpint (ks_opportunity_get_product_id (back), ==, ks_product_get_id (prod));
  g_assert_cmpint (ks_opportunity_get_owner_id (back), ==, ks_person_get_id (owner));
  g_assert_cmpstr (ks_opportunity_get_title (back), ==, "Новая линия — 新线");
  g_assert_cmpstr (ks_opportunity_get_stage (back), ==, "Engaging");
  g_assert_cmpfloat (ks_opportunity_get_value (back), ==, 1054.25);
  g_assert_cmpstr (ks_opportunity_get_engage_date (back), ==, "2024-02-29");
  g_assert_cmpstr (ks_opportunity_get_close_date (back), ==, "2024-02-29");
  g_assert_cmpstr (ks_opportunity_get_expected_close_date (back), ==, "2024-06-30");
  assert_same (opp, back);
  g_clear_object (&back);

  /* Unknowns: no account, value NaN, dates NULL ("" means none). */
  ks_opportunity_set_close_date (bare, "");
  g_assert_null (ks_opportunity_get_close_date (bare));
  g_assert_true (ks_opportunity_save (bare, ws, &error));
  back = ks_opportunity_load (ws, ks_opportunity_get_id (bare), &error);
  g_assert_true (isnan (ks_opportunity_get_value (back)));
  g_assert_null (ks_opportunity_get_engage_date (back));
  g_assert_null (ks_opportunity_get_close_date (back));
  g_assert_null (ks_opportunity_get_expected_close_date (back));
  g_assert_cmpint (ks_opportunity_get_account_id (back), ==, 0);
  g_assert_cmpstr (ks_opportunity_get_account_name (back), ==, "");
  assert_same (bare, back);
}

static void
test_opportunity_list (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) acc = add_account (ws, "Listed");
  g_autoptr(KsAccount) other = add_account (ws, "Other");
  g_autoptr(GListModel) list = NULL;
  struct { const char *ref, *engage; } rows[] = {
    { "B", "2023-05-01" }, { "C", "2024-01-15" }, { "D", NULL },
    { "E", "2023-12-31" }, { "A", "2024-01-15" },
  };
  const char *expected[] = { "A", "C", "E", "B", "D" };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KsOpportunity) o = ks_opportunity_new (rows[i].ref);
      ks_opportunity_set_account_id (o, ks_account_get_id (acc));
      ks_opportunity_set_engage_date (o, rows[i].engage);
      g_assert_true (ks_opportunity_save (o, ws, &error));
    }
  {
    g_autoptr(KsOpportunity) o = ks_opportunity_new ("ELSEWHERE");
    ks_opportunity_set_account_id (o, ks_account_get_id (other));
    g_assert_true (ks_opportunity_save (o, ws, &error));
  }

  list = ks_opportunity_list_for_account (ws, ks_account_get_id (acc), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(KsOpportunity) o = g_list_model_get_item (list, i);
      g_assert_cmpstr (ks_opportunity_get_ref (o), ==, expected[i]);
      g_assert_cmpstr (ks_opportunity_get_account_name (o), ==, "Listed");
    }
  g_clear_object (&list);

  /* Deleting the account keeps its opportunities, with no account. */
  g_assert_true (ks_account_delete (ws, ks_account_get_id (acc), &error));
  list = ks_opportunity_list_for_account (ws, ks_account_get_id (acc), &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_cmpint (counts (ws).opportunities, ==, 6);
}

static void
test_opportunity_refused (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsOpportunity) first = ks_opportunity_new ("Z063OYW0");
  g_autoptr(KsOpportunity) dup = ks_opportunity_new ("Z063OYW0");
  g_autoptr(KsOpportunity) o = ks_opportunity_new ("BAD");
  const char *bad_dates[] = {
    "2023-02-29", "2023-13-01", "2023-00-10", "2023-04-31", "0000-01-01", "23-01-01",
    "2023/01/01", "2023-1-1", "tomorrow", "2023-01-01T00:00", " 2023-01-01", "２０２３-01-01",
  };

  g_assert_true (ks_opportunity_save (first, ws, &error));
  g_assert_false (ks_opportunity_save (dup, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Z063OYW0"));
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      ks_opportunity_set_engage_date (o, bad_dates[i]);
      g_assert_false (ks_opportunity_save (o, ws, &error));
      g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad_dates[i]));
      g_clear_error (&error);
      ks_opportunity_set_engage_date (o, NULL);

      ks_opportunity_set_close_date (o, bad_dates[i]);
      g_assert_false (ks_opportunity_save (o, ws, &error));
      g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
      g_clear_error (&error);
      ks_opportunity_set_close_date (o, NULL);

      ks_opportunity_set_expected_close_date (o, bad_dates[i]);
      g_assert_false (ks_opportunity_save (o, ws, &error));
      g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
      g_clear_error (&error);
      ks_opportunity_set_expected_close_date (o, NULL);
    }

  /* Closed the day before it was engaged. */
  ks_opportunity_set_engage_date (o, "2024-03-01");
  ks_opportunity_set_close_date (o, "2024-02-29");
  g_assert_false (ks_opportunity_save (o, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  ks_opportunity_set_close_date (o, NULL);
  ks_opportunity_set_value (o, -0.01);
  g_assert_false (ks_opportunity_save (o, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  ks_opportunity_set_value (o, 0);
  ks_opportunity_set_owner_id (o, 31337);
  g_assert_false (ks_opportunity_save (o, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (counts (ws).opportunities, ==, 1);
  g_assert_cmpint (ks_opportunity_get_id (o), ==, 0);
}

/* contacts */

static void
test_contact (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) a = add_account (ws, "Aker");
  g_autoptr(KsAccount) b = add_account (ws, "Bergen Bryggeri");
  g_autoptr(KsContact) c = ks_contact_new (ks_account_get_id (a), "Björn Ænes");
  g_autoptr(KsContact) back = NULL;
  g_autoptr(KsContact) same_elsewhere = ks_contact_new (ks_account_get_id (b), "Björn Ænes");
  g_autoptr(KsContact) dup = ks_contact_new (ks_account_get_id (a), "Björn Ænes");
  g_autoptr(KsContact) orphan = ks_contact_new (0, "Nobody's");
  g_autoptr(KsContact) empty = ks_contact_new (ks_account_get_id (a), "");
  g_autoptr(GListModel) list = NULL;
  const char *expected[] = { "anna", "Björn Ænes", "Øystein" };

  ks_contact_set_title (c, "CFO");
  ks_contact_set_department (c, "Finans & økonomi");
  ks_contact_set_phone (c, "+47 900 00 000");
  ks_contact_set_email (c, "bjorn@aker.example");
  ks_contact_set_channel (c, "Telefon");
  ks_contact_set_time_zone (c, "Europe/Oslo");
  ks_contact_set_notes (c, "Prefers 'short' mails; \"no\" slides — 会議");
  g_assert_true (ks_contact_save (c, ws, &error));
  g_assert_no_error (error);
  back = ks_contact_load (ws, ks_contact_get_id (c), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ks_contact_get_account_id (back), ==, ks_account_get_id (a));
  g_assert_cmpstr (ks_contact_get_name (back), ==, "Björn Ænes");
  g_assert_cmpstr (ks_contact_get_title (back), ==, "CFO");
  g_assert_cmpstr (ks_contact_get_department (back), ==, "Finans & økonomi");
  g_assert_cmpstr (ks_contact_get_phone (back), ==, "+47 900 00 000");
  g_assert_cmpstr (ks_contact_get_email (back), ==, "bjorn@aker.example");
  g_assert_cmpstr (ks_contact_get_channel (back), ==, "Telefon");
  g_assert_cmpstr (ks_contact_get_time_zone (back), ==, "Europe/Oslo");
  g_assert_cmpstr (ks_contact_get_notes (back), ==, "Prefers 'short' mails; \"no\" slides — 会議");
  assert_same (c, back);

  /* The name is unique per account, not across accounts. */
  g_assert_true (ks_contact_save (same_elsewhere, ws, &error));
  g_assert_no_error (error);
  g_assert_false (ks_contact_save (dup, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Björn Ænes"));
  g_assert_nonnull (strstr (error->message, "Aker"));
  g_clear_error (&error);
  g_assert_false (ks_contact_save (orphan, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ks_contact_save (empty, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (counts (ws).contacts, ==, 2);

  {
    g_autoptr(KsContact) x = ks_contact_new (ks_account_get_id (a), "Øystein");
    g_autoptr(KsContact) y = ks_contact_new (ks_account_get_id (a), "anna");
    g_assert_true (ks_contact_save (x, ws, &error));
    g_assert_true (ks_contact_save (y, ws, &error));
  }
  list = ks_contact_list_for_account (ws, ks_account_get_id (a), &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(KsContact) x = g_list_model_get_item (list, i);
      g_assert_cmpstr (ks_contact_get_name (x), ==, expected[i]);
    }

  g_assert_true (ks_contact_delete (ws, ks_contact_get_id (c), &error));
  g_assert_cmpint (counts (ws).contacts, ==, 3);
  /* An account's contacts go with it. */
  g_assert_true (ks_account_delete (ws, ks_account_get_id (a), &error));
  g_assert_cmpint (counts (ws).contacts, ==, 1);
}

static void
test_opportunity_stage_outcome (void)
{
  /* The CRM export's stages (Prospecting, Engaging, Won, Lost) and the book's
   * default funnel (lead qualified … order received / cancelled or lost). */
  g_assert_cmpint (ks_opportunity_stage_outcome ("Won"), ==, KS_OUTCOME_WON);
  g_assert_cmpint (ks_opportunity_stage_outcome (" won "), ==, KS_OUTCOME_WON);
  g_assert_cmpint (ks_opportunity_stage_outcome ("Order received"), ==, KS_OUTCOME_WON);
  g_assert_cmpint (ks_opportunity_stage_outcome ("Lost"), ==, KS_OUTCOME_LOST);
  g_assert_cmpint (ks_opportunity_stage_outcome ("Cancelled or lost"), ==, KS_OUTCOME_LOST);
  g_assert_cmpint (ks_opportunity_stage_outcome ("canceled"), ==, KS_OUTCOME_LOST);
  g_assert_cmpint (ks_opportunity_stage_outcome ("Engaging"), ==, KS_OUTCOME_OPEN);
  g_assert_cmpint (ks_opportunity_stage_outcome ("Purchasing decision"), ==, KS_OUTCOME_OPEN);
  g_assert_cmpint (ks_opportunity_stage_outcome (""), ==, KS_OUTCOME_OPEN);
  g_assert_cmpint (ks_opportunity_stage_outcome (NULL), ==, KS_OUTCOME_OPEN);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/person/round-trip", test_person_round_trip);
  g_test_add_func ("/core/person/notify", test_person_notify);
  g_test_add_func ("/core/person/refused", test_person_refused);
  g_test_add_func ("/core/person/manager-cycle", test_person_manager_cycle);
  g_test_add_func ("/core/person/save-deleted", test_save_deleted);
  g_test_add_func ("/core/person/list-and-counts", test_person_list_and_counts);
  g_test_add_func ("/core/person/find", test_person_find);
  g_test_add_func ("/core/person/delete", test_person_delete);
  g_test_add_func ("/core/team/round-trip", test_team_round_trip);
  g_test_add_func ("/core/team/order", test_team_order);
  g_test_add_func ("/core/team/refused", test_team_refused);
  g_test_add_func ("/core/product/all", test_product);
  g_test_add_func ("/core/opportunity/round-trip", test_opportunity_round_trip);
  g_test_add_func ("/core/opportunity/list", test_opportunity_list);
  g_test_add_func ("/core/opportunity/refused", test_opportunity_refused);
  g_test_add_func ("/core/opportunity/stage-outcome", test_opportunity_stage_outcome);
  g_test_add_func ("/core/contact/all", test_contact);

  return g_test_run ();
}
