/* test-meeting-window.c — a review meeting driven by the keyboard alone
 * (Xvfb): walking three accounts, taking two decisions, undoing one and
 * taking it back, leaving; the actions on the plans and the minutes PDF
 * (pdftotext); the refusals of the decision bar; the New Review Meeting
 * dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo workspace with a meeting on three of its accounts, in this
 * order: Kessler Automotive Group, Hallberg Group, Brandvik Pharma AB.
 * Today is pinned to Thursday 2026-12-10 (KEYSTONE_TODAY). The deck then
 * has 1 agenda + 1 portfolio + 3 × 4 account slides (score card, power
 * map, plan, funnel) + 1 decisions slide = 15 slides:
 *
 *   0 agenda · 1 portfolio · 2–5 Kessler · 6–9 Hallberg · 10–13 Brandvik ·
 *   14 decisions
 *
 * Keys go to the widgets' key controllers as GTK delivers them
 * (ks-test-display.h), one key at a time, text typed a character at a
 * time into the focused field.
 */
#include <locale.h>
#include <string.h>

#include "ks-decision-bar.h"
#include "ks-json.h"
#include "ks-meeting-dialog.h"
#include "ks-meeting-presenter.h"
#include "ks-meeting-window.h"
#include "ks-person.h"
#include "ks-plan.h"
#include "ks-portfolio-page.h"
#include "ks-portfolio-view.h"
#include "ks-slide-canvas.h"
#include "ks-account.h"
#include "ks-test-display.h"
#include "ks-test-util.h"
#include "ks-window.h"

#define TODAY "2026-12-10"

static char *tmpdir;
static KsWorkspace *workspace;
static gint64 meeting_id;
static gint64 kessler, hallberg, brandvik, lena, jonas;

/* Helpers */

static gint64
account_id (const char *name)
{
  g_autoptr(KsAccount) account = ks_account_find (workspace, name, NULL);

  g_assert_nonnull (account);
  return ks_account_get_id (account);
}

static gint64
person_id (const char *name)
{
  g_autoptr(KsPerson) person = ks_person_find (workspace, name, NULL);

  g_assert_nonnull (person);
  return ks_person_get_id (person);
}

/* A key on @widget as GTK hands it over: each of its key controllers in
 * turn until one takes it (the window has GTK's own before ours). */
static gboolean
press (GtkWidget       *widget,
       guint            keyval,
       GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

/* Types @text into the entry @entry, one key per character. */
static void
type (GtkWidget  *entry,
      const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    ks_test_press_key (entry, TRUE, gdk_unicode_to_keyval (g_utf8_get_char (p)), 0);
}

/* The focused widget of @window is @entry (or its text). */
static void
assert_focus_in (GtkWidget *window,
                 GtkWidget *entry)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static guint
n_actions (gint64 account)
{
  g_autoptr(GError) error = NULL;
  KsPlan *plan = ks_plan_load (workspace, account, &error);
  guint n;

  g_assert_no_error (error);
  n = plan->items[KS_PLAN_ACTIONS]->len;
  ks_plan_free (plan);
  return n;
}

/* The plan action of @account whose text is @text: its owner and due date. */
static gboolean
find_action (gint64       account,
             const char  *text,
             gint64      *owner,
             char       **due,
             gint64      *id)
{
  g_autoptr(GError) error = NULL;
  KsPlan *plan = ks_plan_load (workspace, account, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < plan->items[KS_PLAN_ACTIONS]->len && !found; i++)
    {
      KsPlanItem *item = g_ptr_array_index (plan->items[KS_PLAN_ACTIONS], i);

      if (g_strcmp0 (ks_plan_item_get (item, KS_PLAN_ACTIONS, "action")->text, text) == 0)
        {
          *owner = ks_plan_item_get (item, KS_PLAN_ACTIONS, "owner")->id;
          *due = g_strdup (ks_plan_item_get (item, KS_PLAN_ACTIONS, "due")->text);
          *id = item->id;
          found = TRUE;
        }
    }
  ks_plan_free (plan);
  return found;
}

static KsMeetingWindow *
open_meeting (void)
{
  g_autoptr(GError) error = NULL;
  KsMeetingWindow *window = ks_meeting_window_new (workspace, meeting_id, NULL, &error);

  g_assert_no_error (error);
  ks_meeting_window_present (window, NULL);
  ks_test_wait_for_paint (GTK_WIDGET (window));
  return window;
}

static void
close_meeting (KsMeetingWindow *window)
{
  GtkWidget *weak = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  /* Esc leaves: nothing is asked, decisions are saved already */
  g_assert_true (press (GTK_WIDGET (window), GDK_KEY_Escape, 0));
  while (weak)
    g_main_context_iteration (NULL, TRUE);
}

static void
assert_slide (KsMeetingWindow *window,
              guint            slide,
              const char      *account)
{
  const char *footer;
  gboolean shown = FALSE;

  g_assert_cmpuint (ks_meeting_window_get_slide (window), ==, slide);
  g_assert_cmpint (ks_slide_canvas_get_slide (KS_SLIDE_CANVAS (ks_meeting_window_get_canvas (window))), ==, (int) slide);
  footer = ks_meeting_window_get_footer (window, &shown);
  g_assert_true (shown);
  if (account)
    g_assert_nonnull (strstr (footer, account));
}

/* Tests */

static void
test_keyboard_walk (void)
{
  KsMeetingWindow *window = open_meeting ();
  GtkWidget *w = GTK_WIDGET (window);
  KsDecisionBar *bar = KS_DECISION_BAR (ks_meeting_window_get_decision_bar (window));
  GtkWidget *text = ks_decision_bar_get_text_entry (bar);
  GtkWidget *owner = ks_decision_bar_get_owner_entry (bar);
  GtkWidget *due = ks_decision_bar_get_due_entry (bar);
  GtkWidget *find = ks_meeting_window_get_find_entry (window);
  g_autoptr(GError) error = NULL;
  GPtrArray *decisions;
  g_autofree char *due1 = NULL;
  g_autofree char *due2 = NULL;
  gint64 owner1 = 0, owner2 = 0, action1 = 0, action2 = 0;
  guint kessler_before = n_actions (kessler);
  guint hallberg_before = n_actions (hallberg);
  guint brandvik_before = n_actions (brandvik);

  g_assert_cmpuint (ks_meeting_deck_get_n_slides (ks_meeting_window_get_deck (window)), ==, 15);
  assert_slide (window, 0, NULL);

  /* → to the portfolio, Space and Page Down through Kessler's four */
  g_assert_true (press (w, GDK_KEY_Right, 0));
  assert_slide (window, 1, NULL);
  g_assert_true (press (w, GDK_KEY_space, 0));
  assert_slide (window, 2, "Kessler Automotive Group");
  ks_test_wait_for_paint (w);
  g_assert_true (press (w, GDK_KEY_Page_Down, 0));
  assert_slide (window, 3, "Kessler Automotive Group");
  g_assert_true (press (w, GDK_KEY_Right, 0));
  assert_slide (window, 4, "Kessler Automotive Group");
  /* ← back and → again */
  g_assert_true (press (w, GDK_KEY_Left, 0));
  assert_slide (window, 3, "Kessler Automotive Group");
  g_assert_true (press (w, GDK_KEY_Right, 0));
  g_assert_true (press (w, GDK_KEY_Right, 0));
  assert_slide (window, 5, "Kessler Automotive Group");
  ks_test_wait_for_paint (w);

  /* 2 jumps to the second agenda account's first slide, its score card */
  g_assert_true (press (w, GDK_KEY_2, 0));
  assert_slide (window, 6, "Hallberg Group");
  ks_test_wait_for_paint (w);

  /* D: a decision on Hallberg Group; the owner completed from "lena" by
   * Tab; "next Friday" said on Thursday 2026-12-10 is Friday of next
   * week, 2026-12-18 */
  g_assert_true (press (w, GDK_KEY_d, 0));
  g_assert_true (ks_meeting_window_is_deciding (window));
  g_assert_cmpint (ks_decision_bar_get_account_id (bar), ==, hallberg);
  assert_focus_in (w, text);
  type (text, "Pilot the energy-monitoring bundle");
  g_assert_true (ks_test_press_key (text, FALSE, GDK_KEY_Tab, 0));
  assert_focus_in (w, owner);
  type (owner, "lena");
  g_assert_true (ks_test_press_key (owner, FALSE, GDK_KEY_Tab, 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner)), ==, "Lena Schröder");
  assert_focus_in (w, due);
  type (due, "next Friday");
  g_assert_cmpstr (ks_decision_bar_get_due_text (bar), ==, "Friday, 18 December 2026");
  g_assert_true (ks_test_press_key (due, FALSE, GDK_KEY_Return, 0));
  g_assert_cmpstr (ks_decision_bar_get_message (bar), ==, "");
  g_assert_false (ks_meeting_window_is_deciding (window));
  ks_test_wait_for_idle ();

  /* → twice more on Hallberg, then / finds Brandvik by part of its name */
  g_assert_true (press (w, GDK_KEY_Right, 0));
  g_assert_true (press (w, GDK_KEY_Right, 0));
  assert_slide (window, 8, "Hallberg Group");
  g_assert_true (press (w, GDK_KEY_slash, 0));
  g_assert_true (ks_meeting_window_is_finding (window));
  assert_focus_in (w, find);
  type (find, "brandv");
  g_assert_true (ks_test_press_key (find, FALSE, GDK_KEY_Return, 0));
  g_assert_false (ks_meeting_window_is_finding (window));
  assert_slide (window, 10, "Brandvik Pharma AB");
  g_assert_true (press (w, GDK_KEY_Right, 0));
  g_assert_true (press (w, GDK_KEY_Right, 0));
  assert_slide (window, 12, "Brandvik Pharma AB");
  ks_test_wait_for_paint (w);

  /* D on Brandvik's plan: the owner typed out, an ISO due date */
  g_assert_true (press (w, GDK_KEY_D, GDK_SHIFT_MASK));
  g_assert_cmpint (ks_decision_bar_get_account_id (bar), ==, brandvik);
  type (text, "Book a site visit with the new CFO");
  g_assert_true (ks_test_press_key (text, FALSE, GDK_KEY_Tab, 0));
  type (owner, "Jonas Müller");
  g_assert_true (ks_test_press_key (owner, FALSE, GDK_KEY_Tab, 0));
  type (due, "2027-01-15");
  g_assert_cmpstr (ks_decision_bar_get_due_text (bar), ==, "Friday, 15 January 2027");
  g_assert_true (ks_test_press_key (due, FALSE, GDK_KEY_Return, 0));
  g_assert_false (ks_meeting_window_is_deciding (window));
  ks_test_wait_for_idle ();

  /* End: the decisions slide lists both, in the order taken */
  g_assert_true (press (w, GDK_KEY_End, 0));
  assert_slide (window, 14, NULL);
  ks_test_wait_for_paint (w);
  decisions = ks_meeting_deck_get_decisions (ks_meeting_window_get_deck (window));
  g_assert_cmpuint (decisions->len, ==, 2);
  g_assert_cmpstr (((KsMeetingDecision *) g_ptr_array_index (decisions, 0))->account, ==, "Hallberg Group");
  g_assert_cmpstr (((KsMeetingDecision *) g_ptr_array_index (decisions, 1))->account, ==, "Brandvik Pharma AB");

  /* Ctrl+Z takes the last decision back, Ctrl+Shift+Z brings it again */
  g_assert_true (press (w, GDK_KEY_z, GDK_CONTROL_MASK));
  ks_test_wait_for_idle ();
  g_assert_cmpuint (n_actions (brandvik), ==, brandvik_before);
  g_assert_cmpuint (ks_meeting_deck_get_decisions (ks_meeting_window_get_deck (window))->len, ==, 1);
  g_assert_true (press (w, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  ks_test_wait_for_idle ();
  g_assert_cmpuint (ks_meeting_deck_get_decisions (ks_meeting_window_get_deck (window))->len, ==, 2);

  close_meeting (window);

  /* one new action on each plan decided on, none on Kessler's */
  g_assert_cmpuint (n_actions (kessler), ==, kessler_before);
  g_assert_cmpuint (n_actions (hallberg), ==, hallberg_before + 1);
  g_assert_cmpuint (n_actions (brandvik), ==, brandvik_before + 1);
  g_assert_true (find_action (hallberg, "Pilot the energy-monitoring bundle", &owner1, &due1, &action1));
  g_assert_cmpint (owner1, ==, lena);
  g_assert_cmpstr (due1, ==, "2026-12-18");
  g_assert_true (find_action (brandvik, "Book a site visit with the new CFO", &owner2, &due2, &action2));
  g_assert_cmpint (owner2, ==, jonas);
  g_assert_cmpstr (due2, ==, "2027-01-15");
  /* each notes the meeting as its source */
  g_assert_cmpint (ks_meeting_action_source (workspace, action1, &error), ==, meeting_id);
  g_assert_cmpint (ks_meeting_action_source (workspace, action2, &error), ==, meeting_id);
  g_assert_no_error (error);
}

/* pdftotext joins what it reads into lines; compare with single spaces. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
    else if (out->len && out->str[out->len - 1] != ' ')
      g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

static void
test_minutes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "minutes.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  int status;

  if (!pdftotext)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }
  g_assert_true (ks_meeting_export_minutes (workspace, meeting_id, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  text = squeeze (out);
  for (guint i = 0; i < 3; i++)
    {
      const char *name = (const char *[]) { "Kessler Automotive Group", "Hallberg Group", "Brandvik Pharma AB" }[i];

      g_assert_nonnull (strstr (text, name));
    }
  g_assert_nonnull (strstr (text, "Pilot the energy-monitoring bundle"));
  g_assert_nonnull (strstr (text, "Book a site visit with the new CFO"));
  g_assert_nonnull (strstr (text, "Lena Schröder"));
  g_assert_nonnull (strstr (text, "2027-01-15"));
}

/* What the decision bar refuses, and that nothing typed is lost. */
static void
test_refusals (void)
{
  KsMeetingWindow *window = open_meeting ();
  GtkWidget *w = GTK_WIDGET (window);
  KsDecisionBar *bar = KS_DECISION_BAR (ks_meeting_window_get_decision_bar (window));
  GtkWidget *text = ks_decision_bar_get_text_entry (bar);
  GtkWidget *owner = ks_decision_bar_get_owner_entry (bar);
  GtkWidget *due = ks_decision_bar_get_due_entry (bar);
  guint before = n_actions (kessler);
  guint decisions = ks_meeting_deck_get_decisions (ks_meeting_window_get_deck (window))->len;

  /* the agenda slide is about no account: the bar asks which, offering
   * the agenda's first (no account slide shown yet) */
  assert_slide (window, 0, NULL);
  g_assert_true (press (w, GDK_KEY_d, 0));
  g_assert_true (ks_meeting_window_is_deciding (window));
  g_assert_cmpint (ks_decision_bar_get_account_id (bar), ==, kessler);

  /* Enter with no text */
  g_assert_true (ks_test_press_key (text, FALSE, GDK_KEY_Return, 0));
  g_assert_nonnull (strstr (ks_decision_bar_get_message (bar), "what was decided"));
  g_assert_true (ks_meeting_window_is_deciding (window));

  /* an owner nobody is called */
  type (text, "Renew the frame contract");
  g_assert_true (ks_test_press_key (text, FALSE, GDK_KEY_Tab, 0));
  type (owner, "Zed Nobody");
  g_assert_true (ks_test_press_key (owner, FALSE, GDK_KEY_Return, 0));
  g_assert_nonnull (strstr (ks_decision_bar_get_message (bar), "Nobody on our side is called “Zed Nobody”"));
  /* "a" is in several names: "Aino Heikkinen", "Katharina Vogt", ... */
  gtk_editable_set_text (GTK_EDITABLE (owner), "");
  type (owner, "a");
  g_assert_true (ks_test_press_key (owner, FALSE, GDK_KEY_Escape, 0));   /* closes the suggestions only */
  g_assert_true (ks_meeting_window_is_deciding (window));
  g_assert_true (ks_decision_bar_save (bar) == FALSE);
  g_assert_nonnull (strstr (ks_decision_bar_get_message (bar), "matches"));

  /* a due date phrase that is not understood: said live and on Enter */
  gtk_editable_set_text (GTK_EDITABLE (owner), "");
  type (due, "someday");
  g_assert_nonnull (strstr (ks_decision_bar_get_due_text (bar), "someday"));
  g_assert_true (ks_test_press_key (due, FALSE, GDK_KEY_Return, 0));
  g_assert_nonnull (strstr (ks_decision_bar_get_message (bar), "someday"));
  /* nothing stored, nothing typed lost */
  g_assert_cmpuint (n_actions (kessler), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "Renew the frame contract");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "someday");

  /* Esc cancels; Esc again leaves */
  g_assert_true (ks_test_press_key (due, FALSE, GDK_KEY_Escape, 0));
  g_assert_false (ks_meeting_window_is_deciding (window));
  ks_test_wait_for_idle ();
  g_assert_cmpuint (ks_meeting_deck_get_decisions (ks_meeting_window_get_deck (window))->len, ==, decisions);
  /* / with no such account says so and stays open */
  g_assert_true (press (w, GDK_KEY_slash, 0));
  type (ks_meeting_window_get_find_entry (window), "zzz");
  g_assert_true (ks_test_press_key (ks_meeting_window_get_find_entry (window), FALSE, GDK_KEY_Return, 0));
  g_assert_true (ks_meeting_window_is_finding (window));
  g_assert_cmpuint (ks_meeting_window_get_slide (window), ==, 0);
  g_assert_true (ks_test_press_key (ks_meeting_window_get_find_entry (window), FALSE, GDK_KEY_Escape, 0));
  g_assert_false (ks_meeting_window_is_finding (window));
  /* 9: there is no ninth agenda account, the slide stays */
  g_assert_true (press (w, GDK_KEY_9, 0));
  assert_slide (window, 0, NULL);
  /* ← on the first slide and → past the last stay put */
  g_assert_true (press (w, GDK_KEY_Left, 0));
  assert_slide (window, 0, NULL);
  g_assert_true (press (w, GDK_KEY_End, 0));
  g_assert_true (press (w, GDK_KEY_Right, 0));
  assert_slide (window, 14, NULL);
  close_meeting (window);
  g_assert_cmpuint (n_actions (kessler), ==, before);
}

static void
test_dialog (void)
{
  gint64 selection[] = { kessler };
  gint64 shown[] = { brandvik, kessler };
  KsMeetingSeed seed = { selection, 1, shown, 2, 0, NULL };
  KsMeetingDialog *dialog = ks_meeting_dialog_new (workspace, &seed);
  g_autoptr(GError) error = NULL;
  g_autoptr(KsMeeting) stored = NULL;
  g_autoptr(GArray) a_accounts = NULL;
  KsAgendaFilter filter = { .a_class_only = TRUE };
  GArray *agenda = ks_meeting_dialog_get_agenda (dialog);
  guint a_missing = 0;
  gint64 id;

  gtk_window_present (GTK_WINDOW (dialog));
  ks_test_wait_for_paint (GTK_WIDGET (dialog));
  /* the matrix's selection starts the agenda */
  g_assert_cmpuint (agenda->len, ==, 1);
  g_assert_cmpint (g_array_index (agenda, gint64, 0), ==, kessler);

  /* by name: part of a name that only one account has */
  g_assert_true (ks_meeting_dialog_add_account (dialog, "hallberg g", &error));
  g_assert_no_error (error);
  /* "Hallberg" alone: Hallberg Energi AB, Energi AS, Energie GmbH, Group */
  g_assert_false (ks_meeting_dialog_add_account (dialog, "Hallberg", &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "matches 4 accounts"));
  g_clear_error (&error);
  g_assert_false (ks_meeting_dialog_add_account (dialog, "Kessler Automotive Group", &error));
  g_assert_nonnull (strstr (error->message, "on the agenda already"));
  g_clear_error (&error);
  g_assert_false (ks_meeting_dialog_add_account (dialog, "Nonexistent Ltd", &error));
  g_clear_error (&error);
  /* the matrix's accounts: Brandvik is new, Kessler is there */
  g_assert_cmpuint (ks_meeting_dialog_add_shown (dialog), ==, 1);
  g_assert_cmpuint (agenda->len, ==, 3);   /* Kessler, Hallberg Group, Brandvik */

  /* reorder: Brandvik up to the top, then Kessler removed */
  ks_meeting_dialog_move (dialog, 2, -1);
  ks_meeting_dialog_move (dialog, 1, -1);
  ks_meeting_dialog_move (dialog, 0, -1);   /* the top stays the top */
  g_assert_cmpint (g_array_index (agenda, gint64, 0), ==, brandvik);
  g_assert_cmpint (g_array_index (agenda, gint64, 1), ==, kessler);
  g_assert_cmpint (g_array_index (agenda, gint64, 2), ==, hallberg);
  ks_meeting_dialog_remove (dialog, 1);
  g_assert_cmpuint (agenda->len, ==, 2);

  /* the A accounts not on the agenda yet are added after, none twice */
  a_accounts = ks_meeting_pick_accounts (workspace, &filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < a_accounts->len; i++)
    {
      gint64 a = g_array_index (a_accounts, gint64, i);
      a_missing += a != brandvik && a != hallberg;
    }
  g_assert_cmpuint (ks_meeting_dialog_add_a_accounts (dialog), ==, a_missing);
  g_assert_cmpuint (agenda->len, ==, 2 + a_missing);
  g_assert_cmpuint (ks_meeting_dialog_add_a_accounts (dialog), ==, 0);
  while (agenda->len > 2)
    ks_meeting_dialog_remove (dialog, agenda->len - 1);

  /* an empty title is refused by the core, the text stays */
  ks_meeting_dialog_set_title (dialog, "  ");
  g_assert_cmpint (ks_meeting_dialog_save (dialog, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* "next Tuesday" on Thursday 2026-12-10: Tuesday of next week, 12-15 */
  ks_meeting_dialog_set_title (dialog, "Energy and pharma review");
  ks_meeting_dialog_set_date (dialog, "next Tuesday");
  ks_meeting_dialog_set_attendee (dialog, lena, TRUE);
  ks_meeting_dialog_set_attendee (dialog, jonas, TRUE);
  ks_meeting_dialog_set_attendee (dialog, jonas, FALSE);
  id = ks_meeting_dialog_save (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (ks_workspace_get_undo_label (workspace), ==, "New Meeting");
  stored = ks_meeting_load (workspace, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->title, ==, "Energy and pharma review");
  g_assert_cmpstr (stored->date, ==, "2026-12-15");
  g_assert_cmpuint (stored->account_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (stored->account_ids, gint64, 0), ==, brandvik);
  g_assert_cmpint (g_array_index (stored->account_ids, gint64, 1), ==, hallberg);
  g_assert_cmpuint (stored->attendee_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (stored->attendee_ids, gint64, 0), ==, lena);
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* undo takes the meeting away again: one step */
  g_assert_true (ks_workspace_undo (workspace, &error));
  g_clear_pointer (&stored, ks_meeting_free);
  stored = ks_meeting_load (workspace, id, &error);
  g_assert_null (stored);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
}

/* The presenter's view, opened as a second monitor would open it (Xvfb
 * has one, so the meeting never opens it by itself): a meeting opened
 * without a main window gives it a window of its own; it follows the
 * slides, lists the decisions, its keys drive the meeting, and it goes
 * with the meeting. */
static void
test_presenter (void)
{
  KsMeetingWindow *window = open_meeting ();
  GtkWidget *presenter;
  GtkWidget *presenter_window;
  GPtrArray *lines;

  /* one monitor: the slide alone */
  g_assert_null (ks_meeting_window_get_presenter (window));
  ks_meeting_window_open_presenter (window, NULL);
  presenter = ks_meeting_window_get_presenter (window);
  g_assert_nonnull (presenter);
  presenter_window = GTK_WIDGET (gtk_widget_get_root (presenter));
  g_assert_true (GTK_IS_WINDOW (presenter_window));
  g_assert_true (presenter_window != GTK_WIDGET (window));
  g_object_add_weak_pointer (G_OBJECT (presenter_window), (gpointer *) &presenter_window);
  ks_test_wait_for_paint (presenter);
  /* the two decisions of keyboard-walk, in the order taken */
  lines = ks_meeting_presenter_get_lines (KS_MEETING_PRESENTER (presenter));
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==,
                   "Hallberg Group: Pilot the energy-monitoring bundle — Lena Schröder, due 2026-12-18");
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==,
                   "Brandvik Pharma AB: Book a site visit with the new CFO — Jonas Müller, due 2027-01-15");
  /* a key pressed on the presenter's view moves the meeting */
  g_assert_true (press (presenter, GDK_KEY_3, 0));
  g_assert_cmpuint (ks_meeting_window_get_slide (window), ==, 10);
  g_assert_true (press (presenter, GDK_KEY_Left, 0));
  g_assert_cmpuint (ks_meeting_window_get_slide (window), ==, 9);
  ks_test_wait_for_paint (presenter);
  /* leaving the meeting takes the presenter's window along */
  close_meeting (window);
  while (presenter_window)
    g_main_context_iteration (NULL, TRUE);
}

/* The main window: F5's action from the portfolio view starts the agenda
 * with the matrix's selected account; Present opens the presentation. */
static void
test_start_from_portfolio (void)
{
  KsWindow *main_window = ks_window_new (NULL);
  KsPortfolioPage *page;
  KsMeetingDialog *dialog = NULL;
  KsMeetingWindow *meeting = NULL;
  GArray *agenda;
  GtkWidget *presenter;
  guint n_agenda;
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (main_window), 1280, 800);
  ks_window_set_workspace (main_window, workspace);
  gtk_window_present (GTK_WINDOW (main_window));
  ks_window_set_page (main_window, "portfolio");
  page = KS_PORTFOLIO_PAGE (ks_window_get_portfolio_page (main_window));
  ks_portfolio_page_reload (page);
  ks_test_wait_for_paint (GTK_WIDGET (main_window));
  ks_portfolio_view_set_selected (KS_PORTFOLIO_VIEW (ks_portfolio_page_get_matrix (page)), brandvik);

  /* what F5, the main menu's item and the portfolio view's button do */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.start-meeting", NULL));
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (KS_IS_MEETING_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  agenda = ks_meeting_dialog_get_agenda (dialog);
  g_assert_cmpuint (agenda->len, ==, 1);
  g_assert_cmpint (g_array_index (agenda, gint64, 0), ==, brandvik);
  /* the matrix shows every account: Brandvik is there, the rest are added */
  g_assert_cmpuint (ks_meeting_dialog_add_shown (dialog), >, 0);
  ks_meeting_dialog_set_title (dialog, "Whole portfolio");
  g_signal_emit_by_name (dialog, "present", ks_meeting_dialog_save (dialog, &error));
  g_assert_no_error (error);
  n_agenda = agenda->len;
  gtk_window_destroy (GTK_WINDOW (dialog));
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (KS_IS_MEETING_WINDOW (l->data))
      meeting = l->data;
  g_assert_nonnull (meeting);
  /* agenda, portfolio, four slides per account, decisions */
  g_assert_cmpuint (ks_meeting_deck_get_n_slides (ks_meeting_window_get_deck (meeting)), ==,
                    1 + 1 + 4 * n_agenda + 1);
  ks_test_wait_for_paint (GTK_WIDGET (meeting));
  /* with a second monitor, the main window shows the presenter's view in
   * place of its pages, until the meeting ends */
  ks_meeting_window_open_presenter (meeting, NULL);
  presenter = ks_meeting_window_get_presenter (meeting);
  g_assert_true (gtk_widget_get_root (presenter) == GTK_ROOT (main_window));
  g_object_add_weak_pointer (G_OBJECT (presenter), (gpointer *) &presenter);
  ks_test_wait_for_paint (presenter);
  g_assert_true (gtk_widget_has_focus (presenter));
  g_assert_true (press (presenter, GDK_KEY_End, 0));
  g_assert_cmpuint (ks_meeting_window_get_slide (meeting), ==, 1 + 1 + 4 * n_agenda);
  close_meeting (meeting);
  g_assert_null (presenter);
  g_assert_cmpstr (ks_window_get_page (main_window), ==, "portfolio");
  ks_test_wait_for_paint (ks_window_get_portfolio_page (main_window));
  gtk_window_destroy (GTK_WINDOW (main_window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsMeeting) meeting = NULL;
  int status;

  if (!ks_test_display_init (&argc, &argv, &tmpdir))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  g_setenv ("KEYSTONE_TODAY", TODAY, TRUE);

  path = g_build_filename (tmpdir, "meeting.keystone", NULL);
  workspace = ks_workspace_open (path, KS_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  ks_json_load_demo (workspace, &error);
  g_assert_no_error (error);
  ks_workspace_set_undo_enabled (workspace, TRUE);
  kessler = account_id ("Kessler Automotive Group");
  hallberg = account_id ("Hallberg Group");
  brandvik = account_id ("Brandvik Pharma AB");
  lena = person_id ("Lena Schröder");
  jonas = person_id ("Jonas Müller");
  meeting = ks_meeting_new ("Q4 key account review", TODAY);
  g_array_append_vals (meeting->account_ids, (gint64[]) { kessler, hallberg, brandvik }, 3);
  g_array_append_vals (meeting->attendee_ids, (gint64[]) { lena, jonas }, 2);
  meeting_id = ks_meeting_create (workspace, meeting, &error);
  g_assert_no_error (error);

  g_test_add_func ("/meeting-window/keyboard-walk", test_keyboard_walk);
  g_test_add_func ("/meeting-window/minutes", test_minutes);
  g_test_add_func ("/meeting-window/refusals", test_refusals);
  g_test_add_func ("/meeting-window/dialog", test_dialog);
  g_test_add_func ("/meeting-window/presenter", test_presenter);
  g_test_add_func ("/meeting-window/start-from-portfolio", test_start_from_portfolio);
  status = g_test_run ();
  g_clear_object (&workspace);
  return status;
}
