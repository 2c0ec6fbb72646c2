/* test-cli-meeting.c — keystone-cli end to end: meeting create, list and
 * decide, report meeting, render meeting (minutes read back with pdftotext)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace is the demo ("init --demo"). Its ABC report (by won
 * revenue) ranks Zürcher Präzisionsantriebe AG first and Kessler Automotive
 * Czech s.r.o. second, both class A and owned by Jonas Müller; Hallberg
 * Energi AS (A, Mikkel Jørgensen's) is third.
 */
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "ks-test-util.h"

static char *
demo_workspace (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  char *path = g_build_filename (dir, "demo.keystone", NULL);
  g_auto(KsCliResult) r = { 0 };

  ks_test_run_cli (&r, path, "init", "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  return path;
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
test_meeting_end_to_end (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *ws = demo_workspace ();
  g_autofree char *dir = g_path_get_dirname (ws);
  g_autofree char *pdf = g_build_filename (dir, "minutes.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "slide.png", NULL);
  g_auto(KsCliResult) r = { 0 };
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(JsonObject) decided = NULL;
  JsonArray *agenda, *decisions;
  JsonObject *d;
  g_autofree char *id = NULL;

  /* An agenda of one account by hand, then Jonas Müller's A accounts (Zürcher
   * and Kessler Automotive Czech, in ABC order); the hand-picked one is not
   * repeated. */
  ks_test_run_cli (&r, ws, "meeting", "create", "Q4 key account review", "--date", "2026-12-10",
           "--attendee", "Jonas Müller", "--attendee", "Åsa Lindqvist",
           "--account", "Hallberg Energi AS", "--account", "Zürcher Präzisionsantriebe AG",
           "--a-accounts-of", "Jonas Müller", "--json", NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  created = ks_test_parse_object (r.out);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (created, "id"));
  agenda = json_object_get_array_member (created, "agenda");
  g_assert_cmpuint (json_array_get_length (agenda), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (agenda, 0), ==, "Hallberg Energi AS");
  g_assert_cmpstr (json_array_get_string_element (agenda, 1), ==, "Zürcher Präzisionsantriebe AG");
  g_assert_cmpstr (json_array_get_string_element (agenda, 2), ==, "Kessler Automotive Czech s.r.o.");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (created, "attendees")), ==, 2);

  /* Two decisions. Thursday 2026-12-10: "next Friday" is the Friday of the
   * week starting Monday 14th, the 18th; "in 2 weeks" is 10 + 14 = the 24th. */
  ks_test_run_cli (&r, ws, "meeting", "decide", "--meeting", id, "--account", "Zürcher Präzisionsantriebe AG",
           "--owner", "Åsa Lindqvist", "--due", "next Friday", "--today", "2026-12-10",
           "Invite the new head of purchasing to the plant tour", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "due 2026-12-18"));
  ks_test_run_cli (&r, ws, "meeting", "decide", "--meeting", id, "--account", "hallberg energi as",
           "--owner", "Jonas Müller", "--due", "in 2 weeks", "--today", "2026-12-10", "--json",
           "Prepare a price proposal for the 2027 frame contract", NULL);
  g_assert_cmpint (r.status, ==, 0);
  decided = ks_test_parse_object (r.out);
  d = json_object_get_object_member (decided, "decision");
  g_assert_cmpstr (json_object_get_string_member (d, "account"), ==, "Hallberg Energi AS");
  g_assert_cmpstr (json_object_get_string_member (d, "due"), ==, "2026-12-24");

  /* Refusals: exit 1 with what and why, nothing written; 2 for usage. */
  ks_test_run_cli (&r, ws, "meeting", "decide", "--meeting", id, "--account", "Hallberg Energi AS",
           "--due", "next Fridy", "Call", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "“next Fridy” is not a due date"));
  ks_test_run_cli (&r, ws, "meeting", "decide", "--meeting", id, "--account", "No Such Company", "Call", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "No Such Company"));
  ks_test_run_cli (&r, ws, "meeting", "decide", "--meeting", "x", "--account", "Hallberg Energi AS", "Call", NULL);
  g_assert_cmpint (r.status, ==, 2);
  ks_test_run_cli (&r, ws, "meeting", "list", "--due", "today", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--due does not apply here"));

  /* The report lists exactly the two, in the order taken. */
  ks_test_run_cli (&r, ws, "report", "meeting", "--meeting", id, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  report = ks_test_parse_object (r.out);
  decisions = json_object_get_array_member (report, "decisions");
  g_assert_cmpuint (json_array_get_length (decisions), ==, 2);
  d = json_array_get_object_element (decisions, 0);
  g_assert_cmpstr (json_object_get_string_member (d, "account"), ==, "Zürcher Präzisionsantriebe AG");
  g_assert_cmpstr (json_object_get_string_member (d, "text"), ==, "Invite the new head of purchasing to the plant tour");
  g_assert_cmpstr (json_object_get_string_member (d, "owner"), ==, "Åsa Lindqvist");
  g_assert_cmpstr (json_object_get_string_member (d, "due"), ==, "2026-12-18");
  g_assert_cmpint (json_object_get_int_member (d, "action_id"), >, 0);
  d = json_array_get_object_element (decisions, 1);
  g_assert_cmpstr (json_object_get_string_member (d, "owner"), ==, "Jonas Müller");

  ks_test_run_cli (&r, ws, "meeting", "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Q4 key account review"));

  /* The minutes: 1 + 1 + 3 × 4 + 1 = 15 pages (two decisions fit one). */
  ks_test_run_cli (&r, ws, "render", "meeting", "--meeting", id, "--today", "2026-12-10", "-o", pdf, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  if (pdftotext)
    {
      g_autofree char *raw = NULL;
      g_autofree char *text = NULL;
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, &raw, NULL, &status, &error));
      g_assert_no_error (error);
      text = squeeze (raw);
      g_assert_nonnull (strstr (text, "Q4 key account review"));
      g_assert_nonnull (strstr (text, "Åsa Lindqvist"));
      g_assert_nonnull (strstr (text, "Hallberg Energi AS"));
      g_assert_nonnull (strstr (text, "Zürcher Präzisionsantriebe AG"));
      g_assert_nonnull (strstr (text, "Kessler Automotive Czech s.r.o."));
      g_assert_nonnull (strstr (text, "Invite the new head of purchasing to the plant tour"));
      g_assert_nonnull (strstr (text, "Prepare a price proposal for the 2027 frame contract"));
      g_assert_nonnull (strstr (text, "2026-12-18"));
      g_assert_nonnull (strstr (text, "2026-12-24"));
      g_assert_nonnull (strstr (text, "15 / 15"));
    }
  else
    g_test_message ("pdftotext is missing: the minutes' text is not checked");

  /* One slide as a PNG; slide 16 does not exist; the minutes are a PDF. */
  ks_test_run_cli (&r, ws, "render", "meeting", "--meeting", id, "--slide", "3", "--width", "960", "--height", "540",
           "-o", png, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  ks_test_run_cli (&r, ws, "render", "meeting", "--meeting", id, "--slide", "16", "-o", png, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "has 15 slides"));
  ks_test_run_cli (&r, ws, "render", "meeting", "--meeting", id, "-o", png, NULL);
  g_assert_cmpint (r.status, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-meeting/end-to-end", test_meeting_end_to_end);

  return g_test_run ();
}
