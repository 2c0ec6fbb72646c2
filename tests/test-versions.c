/* test-versions.c — row versions: a save over a row another user changed
 * since it was read is refused with their values and keeps yours; saving
 * again replaces theirs; undo never takes a version back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two users are two KsWorkspace handles on one workspace: two connections
 * to one file, or, run as versions-pg (KEYSTONE_TEST_ENGINE=postgresql),
 * two connections to one team workspace's schema.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ks-account.h"
#include "ks-contact.h"
#include "ks-contact-import.h"
#include "ks-opportunity.h"
#include "ks-person.h"
#include "ks-plan.h"
#include "ks-test-util.h"

typedef struct
{
  char        *dir;
  KsWorkspace *mine;     /* this user's app */
  KsWorkspace *theirs;   /* another user's, on the same workspace */
} Users;

static void
users_open (Users *u)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  u->dir = ks_test_tmpdir ();
  path = g_build_filename (u->dir, "team.keystone", NULL);
  u->mine = ks_test_open_workspace (path, TRUE);
  u->theirs = ks_workspace_open (ks_workspace_get_path (u->mine), KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  ks_workspace_set_undo_enabled (u->theirs, TRUE);
}

static void
users_close (Users *u)
{
  g_clear_object (&u->theirs);
  g_clear_object (&u->mine);
  g_free (u->dir);
}

static KsAccount *
load_account (KsWorkspace *ws,
              gint64       id)
{
  g_autoptr(GError) error = NULL;
  KsAccount *account = ks_account_load (ws, id, &error);

  g_assert_no_error (error);
  return account;
}

static void
test_account_conflict (void)
{
  Users u = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) mine = NULL;
  g_autoptr(KsAccount) theirs = NULL;
  g_autoptr(KsAccount) stored = NULL;
  gint64 id, read_version;

  users_open (&u);
  id = ks_test_add_account (u.mine, "Nordlicht Logistik");

  /* Both open the account; they save first. */
  mine = load_account (u.mine, id);
  theirs = load_account (u.theirs, id);
  read_version = ks_account_get_version (mine);
  g_assert_cmpint (read_version, ==, ks_account_get_version (theirs));
  ks_account_set_revenue (theirs, 4500000);
  ks_account_set_country (theirs, "Norway");
  g_assert_true (ks_account_save (theirs, u.theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_account_get_version (theirs), ==, read_version + 1);

  /* Mine, over the version I read, is refused: their values are named,
   * mine stay in my object, nothing of mine is stored. */
  ks_account_set_sector (mine, "Shipping");
  ks_account_set_country (mine, "Sweden");
  g_assert_false (ks_account_save (mine, u.mine, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Nordlicht Logistik"));
  g_assert_nonnull (strstr (error->message, "revenue “4500000”"));
  g_assert_nonnull (strstr (error->message, "country “Norway”"));
  g_assert_null (strstr (error->message, "Sweden"));
  g_clear_error (&error);
  g_assert_cmpstr (ks_account_get_sector (mine), ==, "Shipping");
  g_assert_cmpstr (ks_account_get_country (mine), ==, "Sweden");
  stored = load_account (u.mine, id);
  g_assert_cmpstr (ks_account_get_country (stored), ==, "Norway");
  g_assert_cmpstr (ks_account_get_sector (stored), ==, "");
  g_assert_cmpfloat (ks_account_get_revenue (stored), ==, 4500000);
  g_clear_object (&stored);

  /* Saving again is deciding to replace theirs. */
  g_assert_true (ks_account_save (mine, u.mine, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_account_get_version (mine), ==, read_version + 2);
  stored = load_account (u.theirs, id);
  g_assert_cmpstr (ks_account_get_country (stored), ==, "Sweden");
  g_assert_cmpstr (ks_account_get_sector (stored), ==, "Shipping");
  g_assert_true (isnan (ks_account_get_revenue (stored)));
  g_clear_object (&stored);

  /* Theirs is now the stale one; once it is gone, a save says so. */
  ks_account_set_notes (theirs, "Call in March");
  g_assert_false (ks_account_save (theirs, u.theirs, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (ks_account_delete (u.mine, id, &error));
  g_assert_no_error (error);
  g_assert_false (ks_account_save (theirs, u.theirs, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);

  users_close (&u);
}

static void
test_person_and_contact_conflict (void)
{
  Users u = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KsPerson) my_person = NULL;
  g_autoptr(KsPerson) their_person = NULL;
  g_autoptr(KsContact) my_contact = NULL;
  g_autoptr(KsContact) their_contact = NULL;
  gint64 person_id, account_id, contact_id;

  users_open (&u);
  person_id = ks_test_add_person (u.mine, "Aino Virtanen", 0);
  account_id = ks_test_add_account (u.mine, "Kestävä Oy");
  contact_id = ks_test_add_contact (u.mine, account_id, "Mikko Laine", KS_NODE_CONTACT, KS_POWER_HIGH);

  my_person = ks_person_load (u.mine, person_id, &error);
  g_assert_no_error (error);
  their_person = ks_person_load (u.theirs, person_id, &error);
  g_assert_no_error (error);
  ks_person_set_phone (their_person, "+358 40 123 4567");
  g_assert_true (ks_person_save (their_person, u.theirs, &error));
  g_assert_no_error (error);
  ks_person_set_title (my_person, "Key Account Manager");
  g_assert_false (ks_person_save (my_person, u.mine, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "phone “+358 40 123 4567”"));
  g_clear_error (&error);
  g_assert_cmpstr (ks_person_get_title (my_person), ==, "Key Account Manager");

  my_contact = ks_contact_load (u.mine, contact_id, &error);
  g_assert_no_error (error);
  their_contact = ks_contact_load (u.theirs, contact_id, &error);
  g_assert_no_error (error);
  ks_contact_set_title (their_contact, "CFO");
  g_assert_true (ks_contact_save (their_contact, u.theirs, &error));
  g_assert_no_error (error);
  ks_contact_set_department (my_contact, "Finance");
  g_assert_false (ks_contact_save (my_contact, u.mine, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "title “CFO”"));
  g_clear_error (&error);
  g_assert_true (ks_contact_save (my_contact, u.mine, &error));
  g_assert_no_error (error);
  g_clear_object (&their_contact);
  their_contact = ks_contact_load (u.theirs, contact_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ks_contact_get_department (their_contact), ==, "Finance");
  g_assert_cmpstr (ks_contact_get_title (their_contact), ==, "");

  users_close (&u);
}

static void
test_opportunity_conflict (void)
{
  Users u = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KsOpportunity) draft = ks_opportunity_new ("OPP-7");
  g_autoptr(KsOpportunity) mine = NULL;
  g_autoptr(KsOpportunity) theirs = NULL;
  gint64 id;

  users_open (&u);
  ks_opportunity_set_value (draft, 1000);
  g_assert_true (ks_opportunity_save (draft, u.mine, &error));
  g_assert_no_error (error);
  id = ks_opportunity_get_id (draft);

  mine = ks_opportunity_load (u.mine, id, &error);
  g_assert_no_error (error);
  theirs = ks_opportunity_load (u.theirs, id, &error);
  g_assert_no_error (error);
  ks_opportunity_set_value (theirs, 2500);
  g_assert_true (ks_opportunity_save (theirs, u.theirs, &error));
  g_assert_no_error (error);
  ks_opportunity_set_title (mine, "Second line");
  g_assert_false (ks_opportunity_save (mine, u.mine, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "value “2500”"));
  g_clear_error (&error);
  g_assert_cmpstr (ks_opportunity_get_title (mine), ==, "Second line");

  users_close (&u);
}

static const KsPlanItem *
first_action (KsWorkspace *ws,
              gint64       account_id,
              KsPlan     **plan_out)
{
  g_autoptr(GError) error = NULL;
  KsPlan *plan = ks_plan_load (ws, account_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (plan->items[KS_PLAN_ACTIONS]->len, ==, 1);
  *plan_out = plan;
  return g_ptr_array_index (plan->items[KS_PLAN_ACTIONS], 0);
}

static void
test_plan_item_conflict (void)
{
  Users u = { 0 };
  g_autoptr(GError) error = NULL;
  KsPlan *my_plan = NULL;
  KsPlan *their_plan = NULL;
  const KsPlanItem *mine, *theirs;
  gint64 account_id, item_id, my_version, their_version;
  KsPlanValue value = { .number = NAN };

  users_open (&u);
  account_id = ks_test_add_account (u.mine, "Atlantic Foods");
  item_id = ks_plan_add_item (u.mine, account_id, KS_PLAN_ACTIONS, NULL, &error);
  g_assert_no_error (error);

  mine = first_action (u.mine, account_id, &my_plan);
  theirs = first_action (u.theirs, account_id, &their_plan);
  g_assert_cmpint (mine->id, ==, item_id);
  my_version = mine->version;
  their_version = theirs->version;
  g_assert_cmpint (my_version, >, 0);

  value.text = g_strdup ("Send the reference list");
  g_assert_true (ks_plan_set_item_field_at (u.theirs, KS_PLAN_ACTIONS, item_id, &their_version,
                                            "action", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (their_version, ==, my_version + 1);
  g_free (value.text);

  value.text = g_strdup ("Book the plant visit");
  g_assert_false (ks_plan_set_item_field_at (u.mine, KS_PLAN_ACTIONS, item_id, &my_version,
                                             "action", &value, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "“Send the reference list”"));
  g_clear_error (&error);
  g_assert_cmpint (my_version, ==, their_version);   /* took the row's version */
  g_assert_true (ks_plan_set_item_field_at (u.mine, KS_PLAN_ACTIONS, item_id, &my_version,
                                            "action", &value, &error));
  g_assert_no_error (error);
  g_free (value.text);

  ks_plan_free (their_plan);
  theirs = first_action (u.theirs, account_id, &their_plan);
  g_assert_cmpstr (ks_plan_item_get (theirs, KS_PLAN_ACTIONS, "action")->text, ==, "Book the plant visit");
  g_assert_cmpint (theirs->version, ==, my_version);

  ks_plan_free (my_plan);
  ks_plan_free (their_plan);
  users_close (&u);
}

/* Undo puts values back but moves the version on: a copy read before the
 * undone change holds the same version number as no row ever will again. */
static void
test_undo_moves_version_on (void)
{
  Users u = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) before = NULL;
  g_autoptr(KsAccount) edited = NULL;
  g_autoptr(KsAccount) stored = NULL;
  gint64 id, v;

  users_open (&u);
  id = ks_test_add_account (u.mine, "Helvetia Pumps");
  before = load_account (u.mine, id);
  v = ks_account_get_version (before);

  /* An unchanged save is no undo step and changes nothing anyone can see
   * but the version. */
  edited = load_account (u.mine, id);
  ks_workspace_clear_undo (u.mine);
  g_assert_true (ks_account_save (edited, u.mine, &error));
  g_assert_no_error (error);
  g_assert_false (ks_workspace_can_undo (u.mine));
  g_assert_cmpint (ks_account_get_version (edited), ==, v + 1);

  ks_account_set_sector (edited, "Pumps");
  g_assert_true (ks_account_save (edited, u.mine, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_account_get_version (edited), ==, v + 2);
  g_assert_true (ks_workspace_undo (u.mine, &error));
  g_assert_no_error (error);

  stored = load_account (u.theirs, id);
  g_assert_cmpstr (ks_account_get_sector (stored), ==, "");
  g_assert_cmpint (ks_account_get_version (stored), ==, v + 3);

  /* The copy that saw "Pumps" (v + 2) is stale after the undo. */
  ks_account_set_notes (edited, "Pumps for the new line");
  g_assert_false (ks_account_save (edited, u.mine, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "sector empty"));
  g_clear_error (&error);

  /* Redo too. */
  g_assert_true (ks_workspace_redo (u.mine, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = load_account (u.theirs, id);
  g_assert_cmpstr (ks_account_get_sector (stored), ==, "Pumps");
  g_assert_cmpint (ks_account_get_version (stored), ==, v + 4);

  users_close (&u);
}

/* Importing the same contacts again changes nothing, so it moves no
 * version on: another user's save over what they read stays valid. (The
 * contacts fuzzer found the import bumping every row it matched.) */
static void
test_reimport_keeps_versions (void)
{
  Users u = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  g_autoptr(KsContact) before = NULL;
  g_autoptr(KsContact) after = NULL;
  g_autofree char *csv = NULL;
  gint64 account_id;
  g_autoptr(GListModel) contacts = NULL;

  users_open (&u);
  account_id = ks_test_add_account (u.mine, "Kessler Automotive");
  ks_test_add_person (u.mine, "Katharina Vogt", 0);
  csv = ks_test_write_file (u.dir, "contacts.csv",
                            "name,title,reports_to,decision_power,relationship,owner\n"
                            "Henrik Vollmer,CEO,,high,neutral,Katharina Vogt\n"
                            "Claudia Hartmann,VP Purchasing,Henrik Vollmer,high,positive,\n", -1);
  g_assert_true (ks_contacts_import (u.mine, csv, account_id, report, &error));
  g_assert_no_error (error);
  contacts = ks_contact_list_for_account (u.theirs, account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 2);
  before = g_list_model_get_item (contacts, 0);

  ks_import_report_clear (report);
  g_assert_true (ks_contacts_import (u.mine, csv, account_id, report, &error));
  g_assert_no_error (error);
  after = ks_contact_load (u.theirs, ks_contact_get_id (before), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ks_contact_get_version (after), ==, ks_contact_get_version (before));

  users_close (&u);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/versions/account-conflict", test_account_conflict);
  g_test_add_func ("/versions/person-and-contact-conflict", test_person_and_contact_conflict);
  g_test_add_func ("/versions/opportunity-conflict", test_opportunity_conflict);
  g_test_add_func ("/versions/plan-item-conflict", test_plan_item_conflict);
  g_test_add_func ("/versions/undo-moves-version-on", test_undo_moves_version_on);
  g_test_add_func ("/versions/reimport-keeps-versions", test_reimport_keeps_versions);
  return g_test_run ();
}
