/* test-meeting.c — review meetings: storage, agenda picking, decisions as
 * plan actions, undo, and the JSON round trip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ks-abc.h"
#include "ks-account.h"
#include "ks-json.h"
#include "ks-meeting.h"
#include "ks-plan.h"
#include "ks-test-util.h"
#include "ks-workspace-private.h"

typedef struct
{
  KsWorkspace *ws;
  gint64 ann, ben;                       /* people */
  gint64 alpha, bravo, charlie, delta;   /* accounts */
} Fixture;

static void
set_account (KsWorkspace *ws,
             gint64       id,
             double       revenue,
             gint64       owner)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = ks_account_load (ws, id, &error);

  g_assert_no_error (error);
  ks_account_set_revenue (account, revenue);
  ks_account_set_owner_id (account, owner);
  g_assert_true (ks_account_save (account, ws, &error));
  g_assert_no_error (error);
}

/* Four accounts by revenue 500, 300, 150, 50 (total 1000) with the ABC
 * revenue from the account's field: the share before Alpha is 0 % and
 * before Bravo 50 %, both under 60 %: A; before Charlie 80 %: B; before
 * Delta 95 %: C. Ann owns Alpha and Charlie, Ben owns Bravo. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->ws = ks_test_open_workspace (":memory:", TRUE);
  f->ann = ks_test_add_person (f->ws, "Ann Berg", 0);
  f->ben = ks_test_add_person (f->ws, "Ben Moe", 0);
  f->alpha = ks_test_add_account (f->ws, "Alpha AS");
  f->bravo = ks_test_add_account (f->ws, "Bravo AB");
  f->charlie = ks_test_add_account (f->ws, "Charlie Oy");
  f->delta = ks_test_add_account (f->ws, "Delta GmbH");
  set_account (f->ws, f->alpha, 500, f->ann);
  set_account (f->ws, f->bravo, 300, f->ben);
  set_account (f->ws, f->charlie, 150, f->ann);
  set_account (f->ws, f->delta, 50, 0);
  g_assert_true (ks_abc_set_source (f->ws, KS_REVENUE_ACCOUNT, NULL));
  ks_workspace_clear_undo (f->ws);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->ws);
}

static gint64
make_meeting (Fixture    *f,
              const char *title)
{
  g_autoptr(KsMeeting) m = ks_meeting_new (title, "2026-12-10");
  g_autoptr(GError) error = NULL;
  gint64 people[] = { f->ben, f->ann };
  gint64 accounts[] = { f->charlie, f->alpha, f->bravo };
  gint64 id;

  g_array_append_vals (m->attendee_ids, people, 2);
  g_array_append_vals (m->account_ids, accounts, 3);
  id = ks_meeting_create (f->ws, m, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
count (KsWorkspace *ws,
       const char  *sql)
{
  return ks_workspace_query_int (ws, sql, 0, 0, "count", NULL);
}

/* ---- storage ---------------------------------------------------------------- */

static void
test_create_load (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsMeeting) m = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 id = make_meeting (f, "  Q4 review\n");
  gint64 later;

  m = ks_meeting_load (f->ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (m->title, ==, "Q4 review");          /* trimmed */
  g_assert_cmpstr (m->date, ==, "2026-12-10");
  g_assert_cmpuint (m->attendees->len, ==, 2);           /* in the order given */
  g_assert_cmpstr (g_ptr_array_index (m->attendees, 0), ==, "Ben Moe");
  g_assert_cmpstr (g_ptr_array_index (m->attendees, 1), ==, "Ann Berg");
  g_assert_cmpuint (m->accounts->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (m->accounts, 0), ==, "Charlie Oy");
  g_assert_cmpstr (g_ptr_array_index (m->accounts, 2), ==, "Bravo AB");
  g_assert_cmpint (g_array_index (m->account_ids, gint64, 1), ==, f->alpha);
  g_assert_cmpuint (m->n_decisions, ==, 0);

  /* one undo step: undo removes meeting, agenda and attendees together */
  g_assert_cmpstr (ks_workspace_get_undo_label (f->ws), ==, "New Meeting");
  g_assert_true (ks_workspace_undo (f->ws, NULL));
  g_assert_cmpint (count (f->ws, "SELECT count (*) FROM meetings"), ==, 0);
  g_assert_cmpint (count (f->ws, "SELECT count (*) FROM meeting_agenda"), ==, 0);
  g_assert_cmpint (count (f->ws, "SELECT count (*) FROM meeting_attendees"), ==, 0);
  g_assert_true (ks_workspace_redo (f->ws, NULL));
  g_assert_cmpint (count (f->ws, "SELECT count (*) FROM meeting_agenda"), ==, 3);

  /* the list is newest first */
  later = make_meeting (f, "Follow-up");
  g_assert_true (ks_meeting_set_date (f->ws, later, "2027-01-15", &error));
  g_assert_no_error (error);
  list = ks_meeting_list (f->ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((KsMeeting *) g_ptr_array_index (list, 0))->id, ==, later);
  g_assert_cmpint (((KsMeeting *) g_ptr_array_index (list, 1))->id, ==, id);
  g_assert_cmpuint (((KsMeeting *) g_ptr_array_index (list, 1))->accounts->len, ==, 3);

  g_assert_true (ks_meeting_rename (f->ws, id, "Quarterly review", &error));
  g_clear_pointer (&m, ks_meeting_free);
  m = ks_meeting_load (f->ws, id, NULL);
  g_assert_cmpstr (m->title, ==, "Quarterly review");
  g_assert_true (ks_workspace_undo (f->ws, NULL));
  g_clear_pointer (&m, ks_meeting_free);
  m = ks_meeting_load (f->ws, id, NULL);
  g_assert_cmpstr (m->title, ==, "Q4 review");
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsMeeting) m = ks_meeting_new ("   ", "2026-12-10");
  gint64 twice[] = { f->alpha, f->alpha };
  gint64 unknown[] = { 999 };
  gint64 id;

  g_assert_cmpint (ks_meeting_create (f->ws, m, &error), ==, 0);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "title"));
  g_clear_error (&error);

  g_free (m->title);
  m->title = g_strdup ("Review");
  g_free (m->date);
  m->date = g_strdup ("2026-02-30");
  g_assert_cmpint (ks_meeting_create (f->ws, m, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "“2026-02-30” is not a real date"));
  g_clear_error (&error);

  id = make_meeting (f, "Review");
  g_assert_false (ks_meeting_set_agenda (f->ws, id, twice, 2, &error));
  g_assert_nonnull (strstr (error->message, "on the agenda twice"));
  g_clear_error (&error);
  g_assert_false (ks_meeting_set_attendees (f->ws, id, unknown, 1, &error));
  g_assert_nonnull (strstr (error->message, "no person with the id 999"));
  g_clear_error (&error);
  /* nothing was lost: the agenda of three stays */
  g_assert_cmpint (count (f->ws, "SELECT count (*) FROM meeting_agenda"), ==, 3);
  g_assert_null (ks_meeting_load (f->ws, id + 100, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ks_meeting_rename (f->ws, id + 100, "Other", &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
}

/* ---- picking the agenda ----------------------------------------------------- */

static void
assert_ids (GArray       *got,
            const gint64 *want,
            guint         n)
{
  g_assert_nonnull (got);
  g_assert_cmpuint (got->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (got, gint64, i), ==, want[i]);
  g_array_unref (got);
}

static void
test_pick (Fixture       *f,
           gconstpointer  data)
{
  KsAgendaFilter filter = { 0 };
  gint64 selection[] = { f->delta, f->alpha, f->delta, 9999, f->bravo };

  /* everything, by revenue */
  assert_ids (ks_meeting_pick_accounts (f->ws, &filter, NULL),
              (gint64[]) { f->alpha, f->bravo, f->charlie, f->delta }, 4);
  /* A accounts: Alpha and Bravo (see the fixture) */
  filter.a_class_only = TRUE;
  assert_ids (ks_meeting_pick_accounts (f->ws, &filter, NULL), (gint64[]) { f->alpha, f->bravo }, 2);
  /* my A accounts, for Ann: Alpha only (Charlie is hers but B) */
  filter.owner_id = f->ann;
  assert_ids (ks_meeting_pick_accounts (f->ws, &filter, NULL), (gint64[]) { f->alpha }, 1);
  /* all of Ann's */
  filter.a_class_only = FALSE;
  assert_ids (ks_meeting_pick_accounts (f->ws, &filter, NULL), (gint64[]) { f->alpha, f->charlie }, 2);
  /* a selection keeps its order, drops repeats and unknown ids */
  filter.owner_id = 0;
  filter.selection = selection;
  filter.n_selection = G_N_ELEMENTS (selection);
  assert_ids (ks_meeting_pick_accounts (f->ws, &filter, NULL),
              (gint64[]) { f->delta, f->alpha, f->bravo }, 3);
  filter.a_class_only = TRUE;
  assert_ids (ks_meeting_pick_accounts (f->ws, &filter, NULL), (gint64[]) { f->alpha, f->bravo }, 2);
}

/* ---- decisions --------------------------------------------------------------- */

static void
test_decisions (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  KsPlan *plan = NULL;
  g_autoptr(KsMeeting) m = NULL;
  KsMeetingDecision *d;
  const KsPlanItem *item;
  gint64 id = make_meeting (f, "Review");
  gint64 first, second;

  first = ks_meeting_add_decision (f->ws, id, f->alpha, " Visit the new CFO ", f->ben, "2026-12-18", &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpstr (ks_workspace_get_undo_label (f->ws), ==, "Add Decision");
  second = ks_meeting_add_decision (f->ws, id, f->bravo, "Price review", 0, NULL, &error);
  g_assert_no_error (error);

  /* it is an action on Alpha's plan with owner, due date and status open */
  plan = ks_plan_load (f->ws, f->alpha, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->items[KS_PLAN_ACTIONS]->len, ==, 1);
  item = g_ptr_array_index (plan->items[KS_PLAN_ACTIONS], 0);
  g_assert_cmpint (item->id, ==, first);
  g_assert_cmpstr (ks_plan_item_get (item, KS_PLAN_ACTIONS, "action")->text, ==, "Visit the new CFO");
  g_assert_cmpint (ks_plan_item_get (item, KS_PLAN_ACTIONS, "owner")->id, ==, f->ben);
  g_assert_cmpstr (ks_plan_item_get (item, KS_PLAN_ACTIONS, "due")->text, ==, "2026-12-18");
  g_assert_cmpstr (ks_plan_item_get (item, KS_PLAN_ACTIONS, "status")->text, ==, "open");
  g_assert_cmpint (ks_meeting_action_source (f->ws, first, NULL), ==, id);

  decisions = ks_meeting_decisions (f->ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 2);
  d = g_ptr_array_index (decisions, 0);
  g_assert_cmpstr (d->account, ==, "Alpha AS");
  g_assert_cmpstr (d->owner, ==, "Ben Moe");
  g_assert_cmpstr (d->due, ==, "2026-12-18");
  d = g_ptr_array_index (decisions, 1);
  g_assert_cmpint (d->action_id, ==, second);
  g_assert_cmpstr (d->owner, ==, "");
  g_assert_cmpstr (d->due, ==, "");
  m = ks_meeting_load (f->ws, id, NULL);
  g_assert_cmpuint (m->n_decisions, ==, 2);

  /* undo takes the second decision back, action and all */
  g_assert_true (ks_workspace_undo (f->ws, NULL));
  g_assert_cmpint (count (f->ws, "SELECT count (*) FROM plan_actions"), ==, 1);
  g_clear_pointer (&decisions, g_ptr_array_unref);
  decisions = ks_meeting_decisions (f->ws, id, NULL);
  g_assert_cmpuint (decisions->len, ==, 1);

  /* saving the whole plan (as the handover merge does) keeps the source */
  g_assert_true (ks_plan_save (f->ws, plan, &error));
  g_assert_no_error (error);
  g_clear_pointer (&decisions, g_ptr_array_unref);
  decisions = ks_meeting_decisions (f->ws, id, NULL);
  g_assert_cmpuint (decisions->len, ==, 1);
  g_assert_cmpstr (((KsMeetingDecision *) g_ptr_array_index (decisions, 0))->text, ==, "Visit the new CFO");
  /* The save wrote the plan's actions again: the action's id is the new
   * row's (SQLite hands the old number out again, PostgreSQL does not). */
  first = ((KsMeetingDecision *) g_ptr_array_index (decisions, 0))->action_id;

  /* refusals write nothing */
  g_assert_cmpint (ks_meeting_add_decision (f->ws, id, f->alpha, "  ", 0, NULL, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "needs a text"));
  g_clear_error (&error);
  g_assert_cmpint (ks_meeting_add_decision (f->ws, id, f->alpha, "Call", 0, "next Friday", &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "“next Friday” is not a real date"));
  g_clear_error (&error);
  g_assert_cmpint (ks_meeting_add_decision (f->ws, id, f->alpha, "Call", 4242, NULL, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "no person with the id 4242"));
  g_clear_error (&error);
  g_assert_cmpint (ks_meeting_add_decision (f->ws, id + 7, f->alpha, "Call", 0, NULL, &error), ==, 0);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (f->ws, "SELECT count (*) FROM plan_actions"), ==, 1);

  /* deleting the meeting keeps the action, without a source */
  g_assert_true (ks_meeting_delete (f->ws, id, &error));
  g_assert_cmpint (count (f->ws, "SELECT count (*) FROM plan_actions"), ==, 1);
  g_assert_cmpint (ks_meeting_action_source (f->ws, first, NULL), ==, 0);
  g_assert_true (ks_workspace_undo (f->ws, NULL));
  g_assert_cmpint (ks_meeting_action_source (f->ws, first, NULL), ==, id);
  ks_plan_free (plan);
}

/* ---- JSON --------------------------------------------------------------------- */

static void
test_json_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) copy = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  KsMeeting *m;
  gint64 id = make_meeting (f, "Review");

  /* Bravo gets an action of its own first, so the decision is its 2nd. */
  g_assert_cmpint (ks_plan_add_item (f->ws, f->bravo, KS_PLAN_ACTIONS, NULL, NULL), >, 0);
  g_assert_cmpint (ks_meeting_add_decision (f->ws, id, f->bravo, "Price review", f->ann, "2027-01-15", NULL), >, 0);
  g_assert_cmpint (ks_meeting_add_decision (f->ws, id, f->alpha, "Visit", 0, NULL, NULL), >, 0);

  first = ks_json_export (f->ws, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (first,
    "  \"meetings\": [\n"
    "    {\n"
    "      \"title\": \"Review\",\n"
    "      \"date\": \"2026-12-10\",\n"
    "      \"attendees\": [\n"
    "        \"Ben Moe\",\n"
    "        \"Ann Berg\"\n"
    "      ],\n"));
  g_assert_nonnull (strstr (first,
    "      \"decisions\": [\n"
    "        {\n"
    "          \"account\": \"Alpha AS\",\n"
    "          \"action\": 1\n"
    "        },\n"
    "        {\n"
    "          \"account\": \"Bravo AB\",\n"
    "          \"action\": 2\n"));

  copy = ks_test_open_workspace (":memory:", FALSE);
  g_assert_true (ks_json_import_data (copy, first, -1, "first.json", FALSE, &error));
  g_assert_no_error (error);
  second = ks_json_export (copy, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_equal (first, second));   /* byte for byte (not printed: long) */

  meetings = ks_meeting_list (copy, NULL);
  g_assert_cmpuint (meetings->len, ==, 1);
  m = g_ptr_array_index (meetings, 0);
  g_assert_cmpuint (m->n_decisions, ==, 2);
  /* read back by account name: Alpha's, then Bravo's */
  decisions = ks_meeting_decisions (copy, m->id, NULL);
  g_assert_cmpstr (((KsMeetingDecision *) g_ptr_array_index (decisions, 0))->text, ==, "Visit");
  g_assert_cmpstr (((KsMeetingDecision *) g_ptr_array_index (decisions, 1))->text, ==, "Price review");
  g_assert_cmpstr (((KsMeetingDecision *) g_ptr_array_index (decisions, 1))->owner, ==, "Ann Berg");
}

static void
test_json_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", FALSE);
  g_autoptr(GError) error = NULL;
  const char *doc =
    "{\"format\": \"keystone-workspace\", \"schema_version\": 8,\n"
    " \"accounts\": [{\"name\": \"Alpha AS\"}],\n"
    " \"meetings\": [{\"title\": \"Review\", \"date\": \"2026-12-10\", \"agenda\": [\"Alpha AS\"],\n"
    "   \"decisions\": [{\"account\": \"Alpha AS\", \"action\": 3}]}]}\n";

  g_assert_false (ks_json_import_data (ws, doc, -1, "doc.json", FALSE, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "doc.json:4:"));
  g_assert_nonnull (strstr (error->message, "has no action 3"));
  g_assert_cmpint (count (ws, "SELECT count (*) FROM accounts"), ==, 0);   /* nothing written */
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/meeting/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create-load", test_create_load);
  ADD ("refusals", test_refusals);
  ADD ("pick", test_pick);
  ADD ("decisions", test_decisions);
  ADD ("json-round-trip", test_json_round_trip);
  ADD ("json-refused", test_json_refused);
#undef ADD

  return g_test_run ();
}
