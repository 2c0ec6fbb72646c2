/* test-plan-page.c — the plan view of an account, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite 'display'); without a display it reports a skip.
 * The cases share one window and run in order.
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "ks-account.h"
#include "ks-app-util.h"
#include "ks-contact.h"
#include "ks-json.h"
#include "ks-person.h"
#include "ks-plan.h"
#include "ks-plan-check.h"
#include "ks-plan-page.h"
#include "ks-plan-print.h"
#include "ks-test-display.h"
#include "ks-test-util.h"
#include "ks-window.h"
#include "ks-workspace.h"

static char *tmpdir;
static KsWorkspace *workspace;
static KsWindow *window;
static gint64 account_id;

/* Helpers */

static KsPlanPage *
plan_page (void)
{
  return KS_PLAN_PAGE (ks_window_get_plan_page (window));
}

static KsPlan *
load_plan (void)
{
  g_autoptr(GError) error = NULL;
  KsPlan *plan = ks_plan_load (workspace, account_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
apply_text (GtkWidget  *row,
            const char *text)
{
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

/* Adds an item with the list's "Add …" button action; returns its id. */
static gint64
add_item (KsPlanList list)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  KsPlan *plan = load_plan ();
  guint n_before = plan->items[list]->len;
  gint64 id = 0;

  for (guint i = 0; i < n_before; i++)
    g_hash_table_add (known, g_memdup2 (&((KsPlanItem *) plan->items[list]->pdata[i])->id, sizeof (gint64)));
  ks_plan_free (plan);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page ()), "plan.add-item", "i", (gint32) list));
  plan = load_plan ();
  g_assert_cmpuint (plan->items[list]->len, ==, n_before + 1);
  for (guint i = 0; i < plan->items[list]->len; i++)
    {
      KsPlanItem *item = plan->items[list]->pdata[i];

      if (!g_hash_table_contains (known, &item->id))
        id = item->id;
    }
  ks_plan_free (plan);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
set_text (KsPlanValue *values,
          int          index,
          const char  *text)
{
  g_assert_cmpint (index, >=, 0);
  g_free (values[index].text);
  values[index].text = g_strdup (text);
}

static char *
today_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Spins the main loop for @ms milliseconds (frames, animations). */
static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Expander rows under @widget whose title starts with @prefix, looked at
 * without asking the page (which would build what it has left for later). */
static guint
count_expanders (GtkWidget  *widget,
                 const char *prefix)
{
  guint n = 0;

  if (ADW_IS_EXPANDER_ROW (widget) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_expanders (child, prefix);
  return n;
}

static int
find_finding (const char *kind)
{
  for (guint i = 0; i < ks_plan_page_get_n_findings (plan_page ()); i++)
    if (g_strcmp0 (ks_plan_page_get_finding (plan_page (), i)->kind, kind) == 0)
      return i;
  return -1;
}

/* The row says another user's value: marked, and @theirs in its message. */
static void
assert_told (GtkWidget  *row,
             const char *theirs)
{
  const char *tooltip = gtk_widget_get_tooltip_text (row);

  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, theirs));
}

static char *
stored_item_text (KsPlanList  list,
                  gint64      id,
                  const char *key)
{
  KsPlan *plan = load_plan ();
  char *text = NULL;

  for (guint i = 0; i < plan->items[list]->len; i++)
    if (((KsPlanItem *) plan->items[list]->pdata[i])->id == id)
      text = g_strdup (ks_plan_item_get (plan->items[list]->pdata[i], list, key)->text);
  ks_plan_free (plan);
  g_assert_nonnull (text);
  return text;
}

/* Cases */

static void
test_edit_text_undo (void)
{
  GtkWidget *row = ks_plan_page_get_row (plan_page (), KS_PLAN_NO_LIST, 0, "locations");
  KsPlan *plan;

  g_assert_nonnull (row);
  plan = load_plan ();
  g_assert_cmpstr (ks_plan_get (plan, "locations")->text, ==, "");
  ks_plan_free (plan);

  apply_text (row, "Wolfsburg, Györ");
  plan = load_plan ();
  g_assert_cmpstr (ks_plan_get (plan, "locations")->text, ==, "Wolfsburg, Györ");
  ks_plan_free (plan);
  g_assert_true (ks_workspace_can_undo (workspace));

  /* Ctrl+Z is win.undo once the text is stored */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  plan = load_plan ();
  g_assert_cmpstr (ks_plan_get (plan, "locations")->text, ==, "");
  ks_plan_free (plan);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  /* a number: typed with spaces is stored as the number */
  row = ks_plan_page_get_row (plan_page (), KS_PLAN_NO_LIST, 0, "sites");
  apply_text (row, "14");
  plan = load_plan ();
  g_assert_cmpfloat (ks_plan_get (plan, "sites")->number, ==, 14.0);
  ks_plan_free (plan);
}

static void
test_invalid_date (void)
{
  gint64 id = add_item (KS_PLAN_OBJECTIVES);
  GtkWidget *row = ks_plan_page_get_row (plan_page (), KS_PLAN_OBJECTIVES, id, "due");
  const char *label_before = ks_workspace_get_undo_label (workspace);
  g_autofree char *undo_before = g_strdup (label_before);
  KsPlan *plan;

  g_assert_nonnull (row);
  apply_text (row, "2025-02-30");   /* no 30 February */
  plan = load_plan ();
  g_assert_cmpuint (plan->items[KS_PLAN_OBJECTIVES]->len, ==, 1);
  g_assert_cmpstr (ks_plan_item_get (plan->items[KS_PLAN_OBJECTIVES]->pdata[0], KS_PLAN_OBJECTIVES, "due")->text,
                   ==, "");
  ks_plan_free (plan);
  /* the row says so, keeps what was typed, and no undo step was made */
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (ks_row_has_error (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2025-02-30");
  g_assert_cmpstr (ks_workspace_get_undo_label (workspace), ==, undo_before);

  /* corrected, it is saved and the error goes */
  apply_text (row, "2025-03-01");
  plan = load_plan ();
  g_assert_cmpstr (ks_plan_item_get (plan->items[KS_PLAN_OBJECTIVES]->pdata[0], KS_PLAN_OBJECTIVES, "due")->text,
                   ==, "2025-03-01");
  ks_plan_free (plan);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
}

static void
test_add_remove_meeting (void)
{
  KsPlanPage *page = plan_page ();
  guint shown = ks_plan_page_get_n_items (page, KS_PLAN_MEETINGS);
  gint64 id = add_item (KS_PLAN_MEETINGS);
  GtkWidget *row;
  KsPlan *plan;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_assert_cmpuint (shown, ==, 0);
  g_assert_cmpuint (ks_plan_page_get_n_items (page, KS_PLAN_MEETINGS), ==, 1);
  /* the new meeting is open, dated today */
  g_assert_true (ks_plan_page_item_is_built (page, KS_PLAN_MEETINGS, id));
  row = ks_plan_page_get_row (page, KS_PLAN_MEETINGS, id, "date");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, today);

  row = ks_plan_page_get_row (page, KS_PLAN_MEETINGS, id, "theirs");
  apply_text (row, "Monika Brenner");
  plan = load_plan ();
  g_assert_cmpstr (ks_plan_item_get (plan->items[KS_PLAN_MEETINGS]->pdata[0], KS_PLAN_MEETINGS, "theirs")->text,
                   ==, "Monika Brenner");
  ks_plan_free (plan);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "plan.remove-item", "(ix)",
                                             (gint32) KS_PLAN_MEETINGS, id));
  plan = load_plan ();
  g_assert_cmpuint (plan->items[KS_PLAN_MEETINGS]->len, ==, 0);
  ks_plan_free (plan);
  g_assert_cmpuint (ks_plan_page_get_n_items (page, KS_PLAN_MEETINGS), ==, 0);
  g_assert_nonnull (ks_window_get_last_toast (window));
  g_assert_nonnull (strstr (adw_toast_get_title (ks_window_get_last_toast (window)), "Meeting removed"));

  /* Undo brings it back, with what was typed */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  plan = load_plan ();
  g_assert_cmpuint (plan->items[KS_PLAN_MEETINGS]->len, ==, 1);
  g_assert_cmpstr (ks_plan_item_get (plan->items[KS_PLAN_MEETINGS]->pdata[0], KS_PLAN_MEETINGS, "theirs")->text,
                   ==, "Monika Brenner");
  ks_plan_free (plan);
  g_assert_cmpuint (ks_plan_page_get_n_items (page, KS_PLAN_MEETINGS), ==, 1);
}

static KsContact *
load_contact (gint64 id)
{
  return ks_contact_load (workspace, id, NULL);
}

/* The id of the account's contact called @name, 0 when there is none. */
static gint64
contact_id_by_name (const char *name)
{
  g_autoptr(GListModel) contacts = ks_contact_list_for_account (workspace, account_id, NULL);
  gint64 id = 0;

  for (guint i = 0; contacts && i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(KsContact) contact = g_list_model_get_item (contacts, i);

      if (g_strcmp0 (ks_contact_get_name (contact), name) == 0)
        id = ks_contact_get_id (contact);
    }
  return id;
}

static void
test_contacts (void)
{
  KsPlanPage *page = plan_page ();
  g_autoptr(KsContact) competitor = ks_contact_new (account_id, "Rival Gears AG");
  g_autoptr(KsContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *undo_before = NULL;
  GtkWidget *row, *focus;
  gint64 first, second;

  /* a competitor belongs to the power map, not to this list */
  ks_contact_set_kind (competitor, KS_NODE_COMPETITOR);
  g_assert_true (ks_contact_save (competitor, workspace, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ks_plan_page_get_n_contacts (page), ==, 0);

  /* "Add Contact": a contact of the account, open, its name row focused */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "plan.add-contact", NULL));
  first = contact_id_by_name ("New Contact");
  g_assert_cmpint (first, >, 0);
  g_assert_cmpuint (ks_plan_page_get_n_contacts (page), ==, 1);
  row = ks_plan_page_get_contact_row (page, first, "name");
  g_assert_nonnull (row);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "New Contact");
  /* a second one gets a name of its own */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "plan.add-contact", NULL));
  second = contact_id_by_name ("New Contact 2");
  g_assert_cmpint (second, >, 0);
  g_assert_cmpuint (ks_plan_page_get_n_contacts (page), ==, 2);

  /* the phone is stored as typed, and Ctrl+Z takes it back */
  row = ks_plan_page_get_contact_row (page, first, "phone");
  apply_text (row, "+49 5361 90 12");
  contact = load_contact (first);
  g_assert_cmpstr (ks_contact_get_phone (contact), ==, "+49 5361 90 12");
  g_clear_object (&contact);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  contact = load_contact (first);
  g_assert_cmpstr (ks_contact_get_phone (contact), ==, "");
  g_clear_object (&contact);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  /* a name another contact has (in any case) is refused at the row, nothing stored */
  undo_before = g_strdup (ks_workspace_get_undo_label (workspace));
  row = ks_plan_page_get_contact_row (page, second, "name");
  apply_text (row, "new contact");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (ks_row_has_error (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "new contact");
  contact = load_contact (second);
  g_assert_cmpstr (ks_contact_get_name (contact), ==, "New Contact 2");
  g_clear_object (&contact);
  g_assert_cmpstr (ks_workspace_get_undo_label (workspace), ==, undo_before);
  /* and so is an empty one */
  apply_text (row, "   ");
  g_assert_true (ks_row_has_error (ADW_PREFERENCES_ROW (row)));
  contact = load_contact (second);
  g_assert_cmpstr (ks_contact_get_name (contact), ==, "New Contact 2");
  g_clear_object (&contact);
  /* a name of its own is stored, the row's title follows */
  apply_text (row, "Monika Brenner");
  g_assert_false (ks_row_has_error (ADW_PREFERENCES_ROW (row)));
  contact = load_contact (second);
  g_assert_cmpstr (ks_contact_get_name (contact), ==, "Monika Brenner");
  g_clear_object (&contact);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW))),
                   ==, "Monika Brenner");

  /* remove: gone, a toast, and Undo brings it back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "plan.remove-contact", "x", first));
  g_assert_null (load_contact (first));
  g_assert_cmpuint (ks_plan_page_get_n_contacts (page), ==, 1);
  g_assert_null (ks_plan_page_get_contact_row (page, first, "name"));
  g_assert_nonnull (ks_window_get_last_toast (window));
  g_assert_cmpstr (adw_toast_get_title (ks_window_get_last_toast (window)), ==, "New Contact removed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  contact = load_contact (first);
  g_assert_nonnull (contact);
  g_assert_cmpstr (ks_contact_get_name (contact), ==, "New Contact");
  g_assert_cmpuint (ks_plan_page_get_n_contacts (page), ==, 2);
  g_assert_nonnull (ks_plan_page_get_contact_row (page, first, "name"));
}

static void
test_large_plan (void)
{
  g_autoptr(KsAccount) other = ks_account_find (workspace, "Hallberg Group", NULL);
  g_autoptr(GError) error = NULL;
  KsPlan *plan;
  gint64 other_id;
  gint64 start;
  double ms;

  g_assert_nonnull (other);
  other_id = ks_account_get_id (other);
  plan = ks_plan_new (other_id);
  for (guint i = 0; i < 200; i++)
    {
      KsPlanItem *item = ks_plan_item_new (KS_PLAN_MEETINGS);
      int date = ks_plan_list_field_index (KS_PLAN_MEETINGS, "date");
      int theirs = ks_plan_list_field_index (KS_PLAN_MEETINGS, "theirs");

      g_free (item->values[date].text);
      item->values[date].text = g_strdup_printf ("2024-%02u-%02u", 1 + i % 12, 1 + i % 28);
      g_free (item->values[theirs].text);
      item->values[theirs].text = g_strdup_printf ("Contact %u", i);
      g_ptr_array_add (plan->items[KS_PLAN_MEETINGS], item);
    }
  for (guint i = 0; i < 100; i++)
    {
      KsPlanItem *item = ks_plan_item_new (KS_PLAN_ACTIONS);
      int action = ks_plan_list_field_index (KS_PLAN_ACTIONS, "action");
      int due = ks_plan_list_field_index (KS_PLAN_ACTIONS, "due");

      g_free (item->values[action].text);
      item->values[action].text = g_strdup_printf ("Action %u", i);
      g_free (item->values[due].text);
      item->values[due].text = g_strdup ("2020-11-12");
      g_ptr_array_add (plan->items[KS_PLAN_ACTIONS], item);
    }
  ks_plan_save (workspace, plan, &error);
  g_assert_no_error (error);
  ks_plan_free (plan);

  start = g_get_monotonic_time ();
  ks_window_select_account (window, other_id);
  ks_test_wait_for_paint (GTK_WIDGET (window));
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("200 meetings, 100 actions: shown in %.1f ms", ms);

  g_assert_cmpint (ks_plan_page_get_account_id (plan_page ()), ==, other_id);
  /* the first rows come with the first frame, the rest of the first 10
   * follow by themselves, unasked */
  {
    gint64 end = g_get_monotonic_time () + (g_getenv ("ASAN_OPTIONS") ? 60 : 5) * G_USEC_PER_SEC;

    g_assert_cmpuint (count_expanders (GTK_WIDGET (plan_page ()), "Action "), >=, 1);
    while (count_expanders (GTK_WIDGET (plan_page ()), "Action ") < 10 && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
    g_assert_cmpuint (count_expanders (GTK_WIDGET (plan_page ()), "Action "), ==, 10);
  }
  /* the first 10 of each list are shown, "Show More" adds 10 */
  g_assert_cmpuint (ks_plan_page_get_n_items (plan_page (), KS_PLAN_MEETINGS), ==, 10);
  g_assert_cmpuint (ks_plan_page_get_n_items (plan_page (), KS_PLAN_ACTIONS), ==, 10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page ()), "plan.show-more", "i",
                                             (gint32) KS_PLAN_MEETINGS));
  g_assert_cmpuint (ks_plan_page_get_n_items (plan_page (), KS_PLAN_MEETINGS), ==, 20);
  /* 100 open actions without owner, all overdue: 200 findings at least, the
   * first 10 listed, "Show More" (the row after them) lists 10 more */
  {
    guint total = 0;

    g_assert_cmpint (sscanf (ks_plan_page_get_findings_summary (plan_page ()), "%u Things Missing", &total), ==, 1);
    g_assert_cmpuint (total, >=, 200);
    g_assert_cmpuint (ks_plan_page_get_n_findings (plan_page ()), ==, 10);
    ks_plan_page_activate_finding (plan_page (), 10);
    g_assert_cmpuint (ks_plan_page_get_n_findings (plan_page ()), ==, 20);
  }
  /* nothing inside an item is built before it is opened */
  {
    KsPlan *stored = ks_plan_load (workspace, other_id, NULL);
    KsPlanItem *first = stored->items[KS_PLAN_MEETINGS]->pdata[0];
    KsPlanItem *action = stored->items[KS_PLAN_ACTIONS]->pdata[0];
    GtkWidget *row;

    g_assert_false (ks_plan_page_item_is_built (plan_page (), KS_PLAN_MEETINGS, first->id));
    row = ks_plan_page_get_row (plan_page (), KS_PLAN_ACTIONS, action->id, "action");
    g_assert_true (ks_plan_page_item_is_built (plan_page (), KS_PLAN_ACTIONS, action->id));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Action 0");
    /* an item past the shown ones is shown when asked for (a finding) */
    action = stored->items[KS_PLAN_ACTIONS]->pdata[99];
    row = ks_plan_page_get_row (plan_page (), KS_PLAN_ACTIONS, action->id, "action");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Action 99");
    g_assert_cmpuint (ks_plan_page_get_n_items (plan_page (), KS_PLAN_ACTIONS), ==, 100);
    ks_plan_free (stored);
  }
  /* generous; not under the asan setup, whose full malloc stacks take tens of
   * seconds here; bench/bench-plan-page measures it */
  if (!g_getenv ("ASAN_OPTIONS"))
    g_assert_cmpfloat (ms, <, 5000);

  ks_window_select_account (window, account_id);
}

static gint64 findings_account_id;
static gint64 owner_id;
static gint64 ownerless_action_id;
static gint64 overdue_action_id;

static void
test_findings (void)
{
  /* The order of kinds is the one ks-plan-check.h documents. */
  static const char *const expected[] = {
    "no-decision-maker",      /* the account has no contact at all */
    "no-decision-process",    /* left empty */
    "no-products",            /* no product item */
    "swot-empty",             /* threats left empty */
    "no-early-warnings",      /* left empty */
    "action-no-owner",        /* "Call Monika" */
    "action-overdue",         /* "Send offer", due 2020-01-01 */
    "handover-open",          /* plan_reviewed not done */
  };
  g_autoptr(KsAccount) account = ks_account_new ("Findings Account");
  g_autoptr(KsPerson) person = ks_person_new ("Petra Owner");
  g_autoptr(GError) error = NULL;
  g_autofree char *today = today_string ();
  KsPlan *plan;
  KsPlanItem *item;
  GtkWidget *focus, *expander, *row, *scrolled;
  graphene_point_t point;
  GListModel *names;
  guint pos = G_MAXUINT;

  g_assert_true (ks_account_save (account, workspace, &error));
  g_assert_no_error (error);
  findings_account_id = ks_account_get_id (account);
  g_assert_true (ks_person_save (person, workspace, &error));
  g_assert_no_error (error);
  owner_id = ks_person_get_id (person);

  plan = ks_plan_new (findings_account_id);
  set_text (plan->values, ks_plan_field_index ("business"), "Gear sets and e-axle housings");
  set_text (plan->values, ks_plan_field_index ("strengths"), "Precision grinding");
  set_text (plan->values, ks_plan_field_index ("weaknesses"), "Slow purchasing");
  set_text (plan->values, ks_plan_field_index ("opportunities"), "Electric platforms");
  set_text (plan->values, ks_plan_field_index ("perception_current"), "qualified");
  set_text (plan->values, ks_plan_field_index ("perception_target"), "key");
  set_text (plan->values, ks_plan_field_index ("communication"), "E-mail, formal");
  plan->values[ks_plan_field_index ("trainings_done")].number = 1;
  plan->values[ks_plan_field_index ("joint_visit_done")].number = 1;
  plan->values[ks_plan_field_index ("introduced")].number = 1;

  item = ks_plan_item_new (KS_PLAN_OBJECTIVES);
  set_text (item->values, ks_plan_list_field_index (KS_PLAN_OBJECTIVES, "objective"), "Grow share");
  set_text (item->values, ks_plan_list_field_index (KS_PLAN_OBJECTIVES, "measure"), "40 % of gear sets");
  set_text (item->values, ks_plan_list_field_index (KS_PLAN_OBJECTIVES, "due"), "2030-01-01");
  g_ptr_array_add (plan->items[KS_PLAN_OBJECTIVES], item);

  item = ks_plan_item_new (KS_PLAN_MEETINGS);
  set_text (item->values, ks_plan_list_field_index (KS_PLAN_MEETINGS, "date"), today);
  g_ptr_array_add (plan->items[KS_PLAN_MEETINGS], item);

  item = ks_plan_item_new (KS_PLAN_ACTIONS);
  set_text (item->values, ks_plan_list_field_index (KS_PLAN_ACTIONS, "action"), "Call Monika");
  set_text (item->values, ks_plan_list_field_index (KS_PLAN_ACTIONS, "due"), "2030-06-30");
  set_text (item->values, ks_plan_list_field_index (KS_PLAN_ACTIONS, "status"), "open");
  g_ptr_array_add (plan->items[KS_PLAN_ACTIONS], item);
  item = ks_plan_item_new (KS_PLAN_ACTIONS);
  set_text (item->values, ks_plan_list_field_index (KS_PLAN_ACTIONS, "action"), "Send offer");
  set_text (item->values, ks_plan_list_field_index (KS_PLAN_ACTIONS, "due"), "2020-01-01");
  set_text (item->values, ks_plan_list_field_index (KS_PLAN_ACTIONS, "status"), "open");
  item->values[ks_plan_list_field_index (KS_PLAN_ACTIONS, "owner")].id = owner_id;
  g_ptr_array_add (plan->items[KS_PLAN_ACTIONS], item);
  ks_plan_save (workspace, plan, &error);
  g_assert_no_error (error);
  ks_plan_free (plan);

  plan = ks_plan_load (workspace, findings_account_id, &error);
  g_assert_no_error (error);
  ownerless_action_id = ((KsPlanItem *) plan->items[KS_PLAN_ACTIONS]->pdata[0])->id;
  overdue_action_id = ((KsPlanItem *) plan->items[KS_PLAN_ACTIONS]->pdata[1])->id;
  ks_plan_free (plan);

  ks_window_select_account (window, findings_account_id);
  ks_test_wait_for_paint (GTK_WIDGET (window));

  g_assert_cmpuint (ks_plan_page_get_n_findings (plan_page ()), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (ks_plan_page_get_finding (plan_page (), i)->kind, ==, expected[i]);
  g_assert_cmpstr (ks_plan_page_get_findings_summary (plan_page ()), ==, "8 Things Missing");
  /* the page checks what it holds; the workspace's own check agrees */
  {
    g_autoptr(GPtrArray) stored = ks_plan_check_account (workspace, findings_account_id, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (stored->len, ==, G_N_ELEMENTS (expected));
  }
  /* only the overdue action is an error */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (ks_plan_page_get_finding (plan_page (), i)->overdue, ==, i == 6);

  /* "Call Monika has no owner": opens the action, focuses its owner row */
  g_assert_false (ks_plan_page_item_is_built (plan_page (), KS_PLAN_ACTIONS, ownerless_action_id));
  g_assert_cmpint (find_finding ("action-no-owner"), ==, 5);
  ks_plan_page_activate_finding (plan_page (), 5);
  g_assert_true (ks_plan_page_item_is_built (plan_page (), KS_PLAN_ACTIONS, ownerless_action_id));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  expander = gtk_widget_get_ancestor (focus, ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (expander);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), ==, "Call Monika");
  row = ks_plan_page_get_row (plan_page (), KS_PLAN_ACTIONS, ownerless_action_id, "owner");
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));
  /* and it is scrolled into view once the rows have opened (frames take
   * seconds under the asan setup: wait for them, not for a fixed time) */
  spin (700);
  scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  {
    gint64 end = g_get_monotonic_time () + (g_getenv ("ASAN_OPTIONS") ? 60 : 5) * G_USEC_PER_SEC;

    while (g_get_monotonic_time () < end &&
           !(gtk_widget_compute_point (row, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point) &&
             point.y >= 0 && point.y + gtk_widget_get_height (row) <= gtk_widget_get_height (scrolled)))
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_true (gtk_widget_compute_point (row, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point));
  g_assert_cmpfloat (point.y, >=, 0);
  g_assert_cmpfloat (point.y + gtk_widget_get_height (row), <=, gtk_widget_get_height (scrolled));

  /* picking the owner in that row makes the finding go */
  names = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Petra Owner") == 0)
      pos = i;
  g_assert_cmpuint (pos, !=, G_MAXUINT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), pos);
  plan = ks_plan_load (workspace, findings_account_id, &error);
  g_assert_cmpint (ks_plan_item_get (plan->items[KS_PLAN_ACTIONS]->pdata[0], KS_PLAN_ACTIONS, "owner")->id,
                   ==, owner_id);
  ks_plan_free (plan);
  g_assert_cmpuint (ks_plan_page_get_n_findings (plan_page ()), ==, 7);
  g_assert_cmpint (find_finding ("action-no-owner"), ==, -1);
  g_assert_cmpstr (ks_plan_page_get_findings_summary (plan_page ()), ==, "7 Things Missing");
}

static void
test_findings_complete (void)
{
  g_autoptr(KsContact) contact = ks_contact_new (findings_account_id, "Monika Brenner");
  g_autoptr(GError) error = NULL;
  KsPlanValue value;

  /* a contact with high decision power: the first finding goes */
  ks_contact_set_power (contact, KS_POWER_HIGH);
  g_assert_true (ks_contact_save (contact, workspace, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ks_plan_page_get_n_findings (plan_page ()), ==, 6);
  g_assert_cmpint (find_finding ("no-decision-maker"), ==, -1);

  ks_plan_value_init (&value);
  g_free (value.text);
  value.text = g_strdup ("The plant manager decides; purchasing signs");
  g_assert_true (ks_plan_set_field (workspace, findings_account_id, "decision_process", &value, &error));
  g_free (value.text);
  value.text = g_strdup ("Cheaper e-axle suppliers from Asia");
  g_assert_true (ks_plan_set_field (workspace, findings_account_id, "threats", &value, &error));
  g_free (value.text);
  value.text = g_strdup ("Monika Brenner, then the plant manager");
  g_assert_true (ks_plan_set_field (workspace, findings_account_id, "early_warnings", &value, &error));
  g_free (value.text);
  value.text = g_strdup ("done");
  g_assert_true (ks_plan_set_item_field (workspace, KS_PLAN_ACTIONS, overdue_action_id, "status", &value, &error));
  ks_plan_value_clear (&value);
  ks_plan_value_init (&value);
  value.number = 1;
  g_assert_true (ks_plan_set_field (workspace, findings_account_id, "plan_reviewed", &value, &error));
  ks_plan_value_clear (&value);
  g_assert_no_error (error);
  g_assert_cmpuint (ks_plan_page_get_n_findings (plan_page ()), ==, 1);
  g_assert_cmpstr (ks_plan_page_get_findings_summary (plan_page ()), ==, "1 Thing Missing");
  g_assert_cmpstr (ks_plan_page_get_finding (plan_page (), 0)->kind, ==, "no-products");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page ()), "plan.add-item", "i",
                                             (gint32) KS_PLAN_PRODUCTS));
  g_assert_cmpuint (ks_plan_page_get_n_findings (plan_page ()), ==, 0);
  g_assert_cmpstr (ks_plan_page_get_findings_summary (plan_page ()), ==, "Plan Complete");
}

/* Counts "/Type /Page" objects (not "/Type /Pages") in a PDF. */
static guint
pdf_page_objects (const char *data,
                  gsize       length)
{
  const char *needle = "/Type /Page";
  gsize n = strlen (needle);
  guint count = 0;

  for (gsize i = 0; i + n < length; i++)
    if (memcmp (data + i, needle, n) == 0 && data[i + n] != 's')
      count++;
  return count;
}

static void
test_export_pdf (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "Findings Account – Account Plan.pdf", NULL);
  g_autofree char *bad = g_build_filename (tmpdir, "no such folder", "plan.pdf", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsPlanPrint) print = NULL;
  gsize length;
  guint pages;

  g_assert_cmpint (ks_plan_page_get_account_id (plan_page ()), ==, findings_account_id);
  g_assert_true (ks_plan_page_export (plan_page (), path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (data, 4, "%PDF", 4);

  print = ks_plan_print_new_for_account (workspace, findings_account_id, NULL, &error);
  g_assert_no_error (error);
  pages = ks_plan_print_paginate (print, KS_PLAN_PRINT_A4_WIDTH, KS_PLAN_PRINT_A4_HEIGHT);
  g_assert_cmpuint (pages, >=, 1);
  /* every page of the printable plan is in the file */
  g_assert_cmpuint (pdf_page_objects (data, length), ==, pages);

  /* a folder that is not there: refused with a message, no file */
  g_assert_false (ks_plan_page_export (plan_page (), bad, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  ks_window_select_account (window, account_id);
}

/* Runs @argv, returns what it writes to stdout. */
static char *
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_print_pdf (void)
{
  g_autoptr(KsAccount) kessler = ks_account_find (workspace, "Kessler Automotive Group", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "printed plan.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsPlanPrint) print = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *line;
  guint pages = 0, expected;

  if (!pdfinfo || !pdftotext)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }
  g_assert_nonnull (kessler);
  ks_window_select_account (window, ks_account_get_id (kessler));
  g_assert_cmpint (ks_plan_page_get_account_id (plan_page ()), ==, ks_account_get_id (kessler));

  g_assert_true (ks_plan_page_print (plan_page (), path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* the pages the print context lays out: A4 less GTK's default margins */
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  print = ks_plan_print_new_for_account (workspace, ks_account_get_id (kessler), NULL, &error);
  g_assert_no_error (error);
  expected = ks_plan_print_paginate (print,
                                     gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS),
                                     gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS));
  g_assert_cmpuint (expected, >=, 1);

  info = run_tool ((const char *const[]) { "pdfinfo", path, NULL });
  line = strstr (info, "\nPages:");
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "\nPages: %u", &pages), ==, 1);
  g_test_message ("printed %u pages, %u expected", pages, expected);
  g_assert_cmpuint (pages, >=, 1);
  g_assert_cmpuint (pages, ==, expected);

  text = run_tool ((const char *const[]) { "pdftotext", path, "-", NULL });
  g_assert_nonnull (strstr (text, "Kessler Automotive Group"));
  g_assert_nonnull (strstr (text, "Customer Profile"));
  g_assert_nonnull (strstr (text, "Action Plan"));

  ks_window_select_account (window, account_id);
}

/* Two users on one file: a second handle on the page's workspace file is
 * the other user, whose saves the page hears nothing of (a file sends no
 * notifications). Enter on a field they changed since the page read it
 * saves nothing: the row says what they saved and keeps the typed text;
 * Enter again saves it over theirs. For a field of the plan (read again
 * before the save) and of an item (saved over the version the page read);
 * another field of the item changed by them is no reason to refuse. */
static void
test_edit_conflict (void)
{
  KsPlanPage *page = plan_page ();
  g_autoptr(KsWorkspace) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  KsPlanValue value;
  GtkWidget *row;
  KsPlan *plan;
  gint64 id;

  other = ks_workspace_open (ks_workspace_get_path (workspace), KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  ks_plan_value_init (&value);

  /* a field of the plan */
  row = ks_plan_page_get_row (page, KS_PLAN_NO_LIST, 0, "locations");
  g_assert_nonnull (row);
  g_free (value.text);
  value.text = g_strdup ("Hamburg");
  g_assert_true (ks_plan_set_field (other, account_id, "locations", &value, &error));
  g_assert_no_error (error);
  ks_test_type_into (row, "Bremen");
  ks_test_press_enter (row);
  plan = load_plan ();
  g_assert_cmpstr (ks_plan_get (plan, "locations")->text, ==, "Hamburg");
  ks_plan_free (plan);
  assert_told (row, "Hamburg");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Bremen");
  ks_test_press_enter (row);
  plan = load_plan ();
  g_assert_cmpstr (ks_plan_get (plan, "locations")->text, ==, "Bremen");
  ks_plan_free (plan);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Bremen");

  /* a field of an item */
  id = add_item (KS_PLAN_MEETINGS);
  row = ks_plan_page_get_row (page, KS_PLAN_MEETINGS, id, "theirs");
  g_assert_nonnull (row);
  g_free (value.text);
  value.text = g_strdup ("Jana Novak");
  g_assert_true (ks_plan_set_item_field (other, KS_PLAN_MEETINGS, id, "theirs", &value, &error));
  g_assert_no_error (error);
  ks_test_type_into (row, "Piet de Vries");
  ks_test_press_enter (row);
  stored = stored_item_text (KS_PLAN_MEETINGS, id, "theirs");
  g_assert_cmpstr (stored, ==, "Jana Novak");
  assert_told (row, "Jana Novak");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Piet de Vries");
  ks_test_press_enter (row);
  g_free (stored);
  stored = stored_item_text (KS_PLAN_MEETINGS, id, "theirs");
  g_assert_cmpstr (stored, ==, "Piet de Vries");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* they change the date, this user the name: saved at once, both kept */
  g_free (value.text);
  value.text = g_strdup ("2025-04-01");
  g_assert_true (ks_plan_set_item_field (other, KS_PLAN_MEETINGS, id, "date", &value, &error));
  g_assert_no_error (error);
  ks_test_type_into (row, "Piet de Vries, CFO");
  ks_test_press_enter (row);
  g_free (stored);
  stored = stored_item_text (KS_PLAN_MEETINGS, id, "theirs");
  g_assert_cmpstr (stored, ==, "Piet de Vries, CFO");
  g_free (stored);
  stored = stored_item_text (KS_PLAN_MEETINGS, id, "date");
  g_assert_cmpstr (stored, ==, "2025-04-01");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* a field of a contact (read again before the save) */
  {
    g_autoptr(GListModel) before = ks_contact_list_for_account (workspace, account_id, NULL);
    g_autoptr(GListModel) after = NULL;
    g_autoptr(KsContact) theirs = NULL;
    g_autoptr(KsContact) contact = NULL;
    gint64 contact_id = 0;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "plan.add-contact", NULL));
    after = ks_contact_list_for_account (workspace, account_id, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before) + 1);
    for (guint i = 0; i < g_list_model_get_n_items (after) && contact_id == 0; i++)
      {
        g_autoptr(KsContact) c = g_list_model_get_item (after, i);
        gboolean known = FALSE;

        for (guint j = 0; j < g_list_model_get_n_items (before) && !known; j++)
          {
            g_autoptr(KsContact) b = g_list_model_get_item (before, j);

            known = ks_contact_get_id (b) == ks_contact_get_id (c);
          }
        if (!known)
          contact_id = ks_contact_get_id (c);
      }
    g_assert_cmpint (contact_id, >, 0);
    row = ks_plan_page_get_contact_row (page, contact_id, "title");
    g_assert_nonnull (row);

    theirs = ks_contact_load (other, contact_id, &error);
    g_assert_no_error (error);
    ks_contact_set_title (theirs, "Head of Purchasing");
    g_assert_true (ks_contact_save (theirs, other, &error));
    g_assert_no_error (error);
    ks_test_type_into (row, "CTO");
    ks_test_press_enter (row);
    contact = load_contact (contact_id);
    g_assert_cmpstr (ks_contact_get_title (contact), ==, "Head of Purchasing");
    g_clear_object (&contact);
    assert_told (row, "Head of Purchasing");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "CTO");
    ks_test_press_enter (row);
    contact = load_contact (contact_id);
    g_assert_cmpstr (ks_contact_get_title (contact), ==, "CTO");
    g_assert_false (gtk_widget_has_css_class (row, "error"));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "CTO");
  }

  ks_plan_value_clear (&value);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = NULL;
  int status;

  if (!ks_test_display_init (&argc, &argv, &tmpdir))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  path = g_build_filename (tmpdir, "plan.keystone", NULL);
  workspace = ks_workspace_open (path, KS_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  ks_json_load_demo (workspace, &error);
  g_assert_no_error (error);
  /* an account whose plan the cases write from scratch */
  account = ks_account_new ("Plan Test Account");
  g_assert_true (ks_account_save (account, workspace, &error));
  g_assert_no_error (error);
  account_id = ks_account_get_id (account);

  window = ks_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ks_window_set_workspace (window, workspace);
  ks_window_set_account_view (window, "plan");
  ks_window_select_account (window, account_id);
  gtk_window_present (GTK_WINDOW (window));
  ks_test_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpint (ks_plan_page_get_account_id (plan_page ()), ==, account_id);

  g_test_add_func ("/app/plan-page/edit-text-undo", test_edit_text_undo);
  g_test_add_func ("/app/plan-page/invalid-date", test_invalid_date);
  g_test_add_func ("/app/plan-page/add-remove-meeting", test_add_remove_meeting);
  g_test_add_func ("/app/plan-page/contacts", test_contacts);
  g_test_add_func ("/app/plan-page/large-plan", test_large_plan);
  g_test_add_func ("/app/plan-page/findings", test_findings);
  g_test_add_func ("/app/plan-page/findings-complete", test_findings_complete);
  g_test_add_func ("/app/plan-page/export-pdf", test_export_pdf);
  g_test_add_func ("/app/plan-page/print-pdf", test_print_pdf);
  g_test_add_func ("/app/plan-page/edit-conflict", test_edit_conflict);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&workspace);
  return status;
}
