/* test-undo.c — every kind of change undoes and redoes exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "ks-account.h"
#include "ks-contact.h"
#include "ks-opportunity.h"
#include "ks-person.h"
#include "ks-product.h"
#include "ks-team-member.h"
#include "ks-test-util.h"
#include "ks-workspace-private.h"

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

/* Every readable property equal; doubles bit-for-bit or both NaN. */
static void
assert_same (gpointer a,
             gpointer b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  g_assert_nonnull (a);
  g_assert_nonnull (b);
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

/* The edit step must change every writable property, or it tests less. */
static void
assert_all_writable_differ (gpointer a,
                            gpointer b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      g_autofree char *x = NULL;
      g_autofree char *y = NULL;

      if (!(pspecs[i]->flags & G_PARAM_WRITABLE))
        continue;
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);
      if (G_VALUE_HOLDS_DOUBLE (&va))
        {
          x = g_strdup_printf ("%.17g", g_value_get_double (&va));
          y = g_strdup_printf ("%.17g", g_value_get_double (&vb));
        }
      else
        {
          x = g_strdup_value_contents (&va);
          y = g_strdup_value_contents (&vb);
        }
      if (g_strcmp0 (x, y) == 0)
        g_error ("%s: the edit left %s unchanged (%s)", G_OBJECT_TYPE_NAME (a), pspecs[i]->name, x);
    }
}

/* One entity kind as the undo test sees it. */
typedef struct
{
  const char *add_label;
  const char *edit_label;
  const char *delete_label;
  GObject  *(*load)   (KsWorkspace *ws, gint64 id, GError **error);
  gboolean  (*save)   (GObject *object, KsWorkspace *ws, GError **error);
  gboolean  (*remove) (KsWorkspace *ws, gint64 id, GError **error);
} Kind;

static gint64
object_id (gpointer object)
{
  gint64 id = 0;
  g_object_get (object, "id", &id, NULL);
  return id;
}

/* Loads the row and compares it with @expected; NULL expects no row. */
static void
assert_stored (const Kind  *kind,
               KsWorkspace *ws,
               gint64       id,
               GObject     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) stored = kind->load (ws, id, &error);

  if (expected)
    {
      g_assert_no_error (error);
      assert_same (stored, expected);
    }
  else
    {
      g_assert_null (stored);
      g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
    }
}

static void
undo (KsWorkspace *ws,
      const char  *label)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, label);
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_no_error (error);
}

static void
redo (KsWorkspace *ws,
      const char  *label)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (ks_workspace_get_redo_label (ws), ==, label);
  g_assert_true (ks_workspace_redo (ws, &error));
  g_assert_no_error (error);
}

/* Adds @object, applies @edit, deletes it; undoes and redoes each step and
 * compares every field of the stored row after each. */
static void
check_add_edit_delete (const Kind  *kind,
                       KsWorkspace *ws,
                       GObject     *object,
                       void       (*edit) (GObject *object))
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) added = NULL;
  g_autoptr(GObject) edited = NULL;
  g_autoptr(GObject) current = NULL;
  gint64 id;

  g_assert_true (kind->save (object, ws, &error));
  g_assert_no_error (error);
  id = object_id (object);
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, kind->add_label);
  added = kind->load (ws, id, &error);
  g_assert_no_error (error);
  assert_same (added, object);

  undo (ws, kind->add_label);
  assert_stored (kind, ws, id, NULL);
  redo (ws, kind->add_label);
  assert_stored (kind, ws, id, added);

  /* Undo and redo are changes too (each moves the row's version on): the
   * row is read again before it is edited, as the app's pages do. */
  current = kind->load (ws, id, &error);
  g_assert_no_error (error);
  edit (current);
  g_assert_true (kind->save (current, ws, &error));
  g_assert_no_error (error);
  edited = kind->load (ws, id, &error);
  g_assert_no_error (error);
  assert_same (edited, current);
  assert_all_writable_differ (added, edited);

  undo (ws, kind->edit_label);
  assert_stored (kind, ws, id, added);
  redo (ws, kind->edit_label);
  assert_stored (kind, ws, id, edited);

  g_assert_true (kind->remove (ws, id, &error));
  g_assert_no_error (error);
  assert_stored (kind, ws, id, NULL);
  undo (ws, kind->delete_label);
  assert_stored (kind, ws, id, edited);
  redo (ws, kind->delete_label);
  assert_stored (kind, ws, id, NULL);

  /* All three back, then all three again. */
  undo (ws, kind->delete_label);
  assert_stored (kind, ws, id, edited);
  undo (ws, kind->edit_label);
  assert_stored (kind, ws, id, added);
  undo (ws, kind->add_label);
  assert_stored (kind, ws, id, NULL);
  redo (ws, kind->add_label);
  assert_stored (kind, ws, id, added);
  redo (ws, kind->edit_label);
  assert_stored (kind, ws, id, edited);
  redo (ws, kind->delete_label);
  assert_stored (kind, ws, id, NULL);
  g_assert_false (ks_workspace_can_redo (ws));
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
            const char  *name)
{
  g_autoptr(GError) error = NULL;
  KsPerson *p = ks_person_new (name);

  g_assert_true (ks_person_save (p, ws, &error));
  g_assert_no_error (error);
  return p;
}

static KsTeamMember *
add_member (KsWorkspace *ws,
            gint64       account_id,
            gint64       person_id)
{
  g_autoptr(GError) error = NULL;
  KsTeamMember *m = ks_team_member_new (account_id, person_id);

  g_assert_true (ks_team_member_save (m, ws, &error));
  g_assert_no_error (error);
  return m;
}

/* Typed functions behind the Kind tables. */
#define KIND_FUNCS(thing, Thing)                                                \
  static GObject *                                                              \
  load_##thing (KsWorkspace *ws, gint64 id, GError **error)                     \
  {                                                                             \
    return (GObject *) ks_##thing##_load (ws, id, error);                       \
  }                                                                             \
  static gboolean                                                               \
  save_##thing (GObject *object, KsWorkspace *ws, GError **error)               \
  {                                                                             \
    return ks_##thing##_save ((Thing *) object, ws, error);                     \
  }

KIND_FUNCS (person, KsPerson)
KIND_FUNCS (team_member, KsTeamMember)
KIND_FUNCS (product, KsProduct)
KIND_FUNCS (opportunity, KsOpportunity)
KIND_FUNCS (contact, KsContact)

/* For the edit steps: the ids they may point at. */
static gint64 other_person_id, other_account_id, other_product_id;

static void
edit_person (GObject *object)
{
  KsPerson *p = KS_PERSON (object);

  ks_person_set_name (p, "Мария Иванова-Ødegård");
  ks_person_set_title (p, "Key account manager «Nord»");
  ks_person_set_phone (p, "+47 22 33 44 55");
  ks_person_set_email (p, "maria@example.no");
  ks_person_set_team (p, "東京チーム");
  ks_person_set_region (p, "It's \"Norden\"; -- ✓");
  ks_person_set_area (p, "Energy, 石油");
  ks_person_set_manager_id (p, other_person_id);
}

static void
test_person (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(KsPerson) boss = add_person (ws, "Boss");
  g_autoptr(KsPerson) p = ks_person_new ("Maria");
  const Kind kind = { "Add person", "Edit person", "Delete person",
                      load_person, save_person, ks_person_delete };

  other_person_id = ks_person_get_id (boss);
  check_add_edit_delete (&kind, ws, G_OBJECT (p), edit_person);
}

static void
edit_team_member (GObject *object)
{
  ks_team_member_set_core (KS_TEAM_MEMBER (object), FALSE);
  ks_team_member_set_role (KS_TEAM_MEMBER (object), "Sales coordinator — 営業");
}

static void
test_team_member (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(KsPerson) p = add_person (ws, "José");
  g_autoptr(KsAccount) a = add_account (ws, "Équinor");
  g_autoptr(KsTeamMember) m = ks_team_member_new (ks_account_get_id (a), ks_person_get_id (p));
  const Kind kind = { "Add team member", "Edit team member", "Remove team member",
                      load_team_member, save_team_member, ks_team_member_delete };

  ks_team_member_set_role (m, "KAM");
  check_add_edit_delete (&kind, ws, G_OBJECT (m), edit_team_member);
}

static void
edit_product (GObject *object)
{
  ks_product_set_name (KS_PRODUCT (object), "Ледокол 3000");
  ks_product_set_series (KS_PRODUCT (object), "北極 'Arctic'");
  ks_product_set_price (KS_PRODUCT (object), 0.1 + 0.2);
}

static void
test_product (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(KsProduct) prod = ks_product_new ("GTX Basic");
  const Kind kind = { "Add product", "Edit product", "Delete product",
                      load_product, save_product, ks_product_delete };

  check_add_edit_delete (&kind, ws, G_OBJECT (prod), edit_product);
}

static void
edit_opportunity (GObject *object)
{
  KsOpportunity *o = KS_OPPORTUNITY (object);

  ks_opportunity_set_ref (o, "Z063OYW0");
  ks_opportunity_set_account_id (o, other_account_id);
  ks_opportunity_set_product_id (o, other_product_id);
  ks_opportunity_set_owner_id (o, other_person_id);
  ks_opportunity_set_title (o, "Новая линия — 新线");
  ks_opportunity_set_stage (o, "Won");
  ks_opportunity_set_value (o, 1e15 / 3);
  ks_opportunity_set_engage_date (o, "2024-02-29");
  ks_opportunity_set_close_date (o, "2024-03-01");
  ks_opportunity_set_expected_close_date (o, "2024-12-31");
}

static void
test_opportunity (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) a1 = add_account (ws, "A1");
  g_autoptr(KsAccount) a2 = add_account (ws, "A2");
  g_autoptr(KsPerson) p1 = add_person (ws, "P1");
  g_autoptr(KsPerson) p2 = add_person (ws, "P2");
  g_autoptr(KsProduct) pr1 = ks_product_new ("Pr1");
  g_autoptr(KsProduct) pr2 = ks_product_new ("Pr2");
  g_autoptr(KsOpportunity) o = ks_opportunity_new ("1C1I7A6R");
  const Kind kind = { "Add opportunity", "Edit opportunity", "Delete opportunity",
                      load_opportunity, save_opportunity, ks_opportunity_delete };

  g_assert_true (ks_product_save (pr1, ws, &error));
  g_assert_true (ks_product_save (pr2, ws, &error));
  other_account_id = ks_account_get_id (a2);
  other_product_id = ks_product_get_id (pr2);
  other_person_id = ks_person_get_id (p2);
  /* Starts with the other values and one unknown of each kind. */
  ks_opportunity_set_account_id (o, ks_account_get_id (a1));
  ks_opportunity_set_product_id (o, ks_product_get_id (pr1));
  ks_opportunity_set_owner_id (o, ks_person_get_id (p1));
  ks_opportunity_set_stage (o, "Engaging");
  ks_opportunity_set_engage_date (o, "2023-10-20");
  check_add_edit_delete (&kind, ws, G_OBJECT (o), edit_opportunity);
}

static void
edit_contact (GObject *object)
{
  KsContact *c = KS_CONTACT (object);

  ks_contact_set_name (c, "Björn Ænes");
  ks_contact_set_title (c, "CFO");
  ks_contact_set_department (c, "Finans & økonomi");
  ks_contact_set_phone (c, "+47 900 00 000");
  ks_contact_set_email (c, "bjorn@aker.example");
  ks_contact_set_channel (c, "Telefon");
  ks_contact_set_time_zone (c, "Europe/Oslo");
  ks_contact_set_notes (c, "Prefers 'short' mails; \"no\" slides — 会議");
  /* The power map's attributes. */
  ks_contact_set_kind (c, KS_NODE_THIRD_PARTY);
  ks_contact_set_power (c, KS_POWER_HIGH);
  ks_contact_set_relationship (c, KS_RELATIONSHIP_POOR);
  ks_contact_set_attitude (c, KS_ATTITUDE_OPPONENT);
  ks_contact_set_level (c, KS_LEVEL_EXECUTIVE);
  ks_contact_set_roles (c, KS_ROLE_ECONOMIC_BUYER | KS_ROLE_COACH);
  ks_contact_set_owner_id (c, other_person_id);
  ks_contact_set_last_contact (c, "2024-02-29");
  ks_contact_set_position (c, 0.1 + 0.2, -1e-7);
  ks_contact_set_pinned (c, TRUE);
}

static void
test_contact (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(KsAccount) a = add_account (ws, "Aker");
  g_autoptr(KsPerson) p = add_person (ws, "Owner");
  g_autoptr(KsContact) c = ks_contact_new (ks_account_get_id (a), "Bjorn");
  const Kind kind = { "Add contact", "Edit contact", "Delete contact",
                      load_contact, save_contact, ks_contact_delete };

  other_person_id = ks_person_get_id (p);
  check_add_edit_delete (&kind, ws, G_OBJECT (c), edit_contact);
}

/* Snapshot of what a person's deletion touches, for comparing. */
typedef struct
{
  GListModel *team_a1;
  GListModel *team_a2;
  KsAccount  *a1;
  KsPerson   *report;
  KsOpportunity *opp;
} Around;

static void
around_load (Around      *s,
             KsWorkspace *ws,
             gint64       a1,
             gint64       a2,
             gint64       report,
             gint64       opp)
{
  g_autoptr(GError) error = NULL;

  s->team_a1 = ks_team_member_list_for_account (ws, a1, &error);
  s->team_a2 = ks_team_member_list_for_account (ws, a2, &error);
  s->a1 = ks_account_load (ws, a1, &error);
  s->report = ks_person_load (ws, report, &error);
  s->opp = ks_opportunity_load (ws, opp, &error);
  g_assert_no_error (error);
}

static void
around_clear (Around *s)
{
  g_clear_object (&s->team_a1);
  g_clear_object (&s->team_a2);
  g_clear_object (&s->a1);
  g_clear_object (&s->report);
  g_clear_object (&s->opp);
}

static void
assert_same_list (GListModel *a,
                  GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (a, i);
      g_autoptr(GObject) y = g_list_model_get_item (b, i);
      assert_same (x, y);
    }
}

static void
assert_same_around (Around *x,
                    Around *y)
{
  assert_same_list (x->team_a1, y->team_a1);
  assert_same_list (x->team_a2, y->team_a2);
  assert_same (x->a1, y->a1);
  assert_same (x->report, y->report);
  assert_same (x->opp, y->opp);
}

static void
test_person_delete_cascade (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsPerson) p = add_person (ws, "Leaving");
  g_autoptr(KsPerson) q = ks_person_new ("Report");
  g_autoptr(KsAccount) a1 = add_account (ws, "A1");
  g_autoptr(KsAccount) a2 = add_account (ws, "A2");
  g_autoptr(KsOpportunity) opp = ks_opportunity_new ("OPP");
  g_autoptr(KsPerson) p_back = NULL;
  Around before = { 0 }, after = { 0 }, now = { 0 };
  gint64 pid = ks_person_get_id (p);
  KsWorkspaceCounts c = { 0 };

  ks_person_set_manager_id (q, pid);
  g_assert_true (ks_person_save (q, ws, &error));
  g_object_unref (add_member (ws, ks_account_get_id (a1), pid));
  g_object_unref (add_member (ws, ks_account_get_id (a2), pid));
  g_object_unref (add_member (ws, ks_account_get_id (a1), ks_person_get_id (q)));
  ks_account_set_owner_id (a1, pid);
  g_assert_true (ks_account_save (a1, ws, &error));
  ks_opportunity_set_account_id (opp, ks_account_get_id (a2));
  ks_opportunity_set_owner_id (opp, pid);
  g_assert_true (ks_opportunity_save (opp, ws, &error));
  g_assert_no_error (error);

  around_load (&before, ws, ks_account_get_id (a1), ks_account_get_id (a2),
               ks_person_get_id (q), ks_opportunity_get_id (opp));
  g_assert_cmpuint (g_list_model_get_n_items (before.team_a1), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (before.team_a2), ==, 1);
  g_assert_cmpint (ks_account_get_owner_id (before.a1), ==, pid);
  p_back = ks_person_load (ws, pid, &error);
  g_assert_cmpuint (ks_person_get_account_count (p_back), ==, 2);

  g_assert_true (ks_person_delete (ws, pid, &error));
  g_assert_no_error (error);
  around_load (&after, ws, ks_account_get_id (a1), ks_account_get_id (a2),
               ks_person_get_id (q), ks_opportunity_get_id (opp));
  g_assert_cmpuint (g_list_model_get_n_items (after.team_a1), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (after.team_a2), ==, 0);
  g_assert_cmpint (ks_account_get_owner_id (after.a1), ==, 0);
  g_assert_cmpint (ks_person_get_manager_id (after.report), ==, 0);
  g_assert_cmpint (ks_opportunity_get_owner_id (after.opp), ==, 0);

  /* Undo: the person, both team rows, the ownerships and the report line. */
  undo (ws, "Delete person");
  {
    g_autoptr(KsPerson) again = ks_person_load (ws, pid, &error);
    g_assert_no_error (error);
    assert_same (again, p_back);
  }
  around_load (&now, ws, ks_account_get_id (a1), ks_account_get_id (a2),
               ks_person_get_id (q), ks_opportunity_get_id (opp));
  assert_same_around (&now, &before);
  around_clear (&now);
  g_assert_true (ks_workspace_get_counts (ws, &c, &error));
  g_assert_cmpint (c.team_members, ==, 3);

  /* Redo: gone again, exactly as after the delete. */
  redo (ws, "Delete person");
  {
    g_autoptr(KsPerson) gone = ks_person_load (ws, pid, &error);
    g_assert_null (gone);
    g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  around_load (&now, ws, ks_account_get_id (a1), ks_account_get_id (a2),
               ks_person_get_id (q), ks_opportunity_get_id (opp));
  assert_same_around (&now, &after);
  around_clear (&now);
  g_assert_true (ks_workspace_get_counts (ws, &c, &error));
  g_assert_cmpint (c.team_members, ==, 1);

  /* And back once more: undo after redo restores the same rows. */
  undo (ws, "Delete person");
  around_load (&now, ws, ks_account_get_id (a1), ks_account_get_id (a2),
               ks_person_get_id (q), ks_opportunity_get_id (opp));
  assert_same_around (&now, &before);
  around_clear (&now);

  around_clear (&before);
  around_clear (&after);
}

static void
test_refused_leaves_no_step (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsPerson) a = add_person (ws, "A");
  g_autoptr(KsPerson) b = ks_person_new ("B");

  ks_person_set_manager_id (b, ks_person_get_id (a));
  g_assert_true (ks_person_save (b, ws, &error));
  ks_person_set_manager_id (a, ks_person_get_id (b));
  g_assert_false (ks_person_save (a, ws, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, "Add person");
  undo (ws, "Add person");
  undo (ws, "Add person");
  g_assert_false (ks_workspace_can_undo (ws));
}


/* Bug: saving an unchanged row made an undo step and threw away redo. */
static void
test_unchanged_save_keeps_redo (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) a = ks_account_new ("Stable Oy");
  g_autoptr(KsAccount) b = ks_account_new ("Other Oy");

  g_assert_true (ks_account_save (a, ws, &error));
  g_assert_true (ks_account_save (b, ws, &error));
  g_assert_true (ks_workspace_undo (ws, &error));   /* B gone, redo possible */
  g_assert_true (ks_account_save (a, ws, &error));  /* nothing changed */
  g_assert_true (ks_workspace_can_redo (ws));
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, "Add account");
  g_assert_true (ks_workspace_redo (ws, &error));
  g_assert_cmpuint (n_accounts (ws), ==, 2);
}

/* Bug: a failure inside a nested action rolled back the outer action, and the
 * writes after it escaped as steps of their own. */
static void
test_nested_failure_is_contained (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) a = ks_account_new ("First");
  g_autoptr(KsAccount) dup = ks_account_new ("First");
  g_autoptr(KsAccount) c = ks_account_new ("Third");

  g_assert_true (ks_workspace_begin (ws, "Batch", &error));
  g_assert_true (ks_account_save (a, ws, &error));
  g_assert_false (ks_account_save (dup, ws, &error));
  g_clear_error (&error);
  g_assert_true (ks_workspace_in_transaction (ws));
  g_assert_true (ks_account_save (c, ws, &error));
  g_assert_true (ks_workspace_commit (ws, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (n_accounts (ws), ==, 2);
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, "Batch");
  g_assert_true (ks_workspace_undo (ws, &error));
  g_assert_cmpuint (n_accounts (ws), ==, 0);
  g_assert_false (ks_workspace_can_undo (ws));

  /* Rolling back the outer level drops everything in it. */
  g_assert_true (ks_workspace_begin (ws, "Dropped", &error));
  g_clear_object (&c);
  c = ks_account_new ("Never");
  g_assert_true (ks_account_save (c, ws, &error));
  ks_workspace_rollback (ws);
  g_assert_false (ks_workspace_in_transaction (ws));
  g_assert_cmpuint (n_accounts (ws), ==, 0);
  g_assert_true (ks_workspace_can_redo (ws));
}

/* Bug: a failed COMMIT left the transaction open, so every later save failed. */
static void
test_failed_commit_recovers (void)
{
  g_autoptr(KsWorkspace) ws = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) orphan = ks_account_new ("Orphan");
  g_autoptr(KsAccount) b = ks_account_new ("Afterwards");

  g_assert_true (ks_workspace_begin (ws, "Hold", &error));
  /* Deferred foreign keys: the dangling owner is only refused by COMMIT. */
  g_assert_true (ks_workspace_exec (ws, "PRAGMA defer_foreign_keys = ON", &error));
  ks_account_set_owner_id (orphan, 9999);
  g_assert_true (ks_account_save (orphan, ws, &error));
  g_assert_false (ks_workspace_commit (ws, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Nothing landed, no step was recorded, and the next action works. */
  g_assert_false (ks_workspace_in_transaction (ws));
  g_assert_false (ks_workspace_can_undo (ws));
  g_assert_cmpuint (n_accounts (ws), ==, 0);
  g_assert_true (ks_account_save (b, ws, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_accounts (ws), ==, 1);
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, "Add account");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/undo/account", test_account_add_edit_delete);
  g_test_add_func ("/core/undo/new-action-clears-redo", test_new_action_clears_redo);
  g_test_add_func ("/core/undo/one-step-per-action", test_one_step_per_action);
  g_test_add_func ("/core/undo/failed-action", test_failed_action_leaves_no_step);
  g_test_add_func ("/core/undo/person", test_person);
  g_test_add_func ("/core/undo/team-member", test_team_member);
  g_test_add_func ("/core/undo/product", test_product);
  g_test_add_func ("/core/undo/opportunity", test_opportunity);
  g_test_add_func ("/core/undo/contact", test_contact);
  g_test_add_func ("/core/undo/person-delete-cascade", test_person_delete_cascade);
  g_test_add_func ("/core/undo/refused-cycle", test_refused_leaves_no_step);
  g_test_add_func ("/core/undo/unchanged-save-keeps-redo", test_unchanged_save_keeps_redo);
  g_test_add_func ("/core/undo/nested-failure-is-contained", test_nested_failure_is_contained);
  g_test_add_func ("/core/undo/failed-commit-recovers", test_failed_commit_recovers);

  return g_test_run ();
}
