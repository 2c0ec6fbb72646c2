/* test-due-date.c — due dates from typed phrases, against a fixed today
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected date was counted on a calendar by hand. The weekdays of
 * the fixed days: 2026-12-07 Monday, 2026-12-10 Thursday, 2026-12-11
 * Friday, 2026-12-12 Saturday, 2026-12-13 Sunday.
 */
#include <locale.h>
#include <string.h>

#include "ks-due-date.h"

typedef struct
{
  const char *today;
  const char *phrase;
  const char *due;
} Case;

static void
assert_due (const char *today,
            const char *phrase,
            const char *want)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = ks_due_date_parse_iso (phrase, today, &error);

  if (!got)
    g_error ("“%s” on %s was refused: %s", phrase, today, error->message);
  if (g_strcmp0 (got, want) != 0)
    g_error ("“%s” on %s gave %s, expected %s", phrase, today, got, want);
}

static void
test_plain_dates (void)
{
  assert_due ("2026-12-07", "2027-01-15", "2027-01-15");
  /* a date in the past is taken as written */
  assert_due ("2026-12-07", "2026-11-30", "2026-11-30");
  assert_due ("2026-12-07", "2028-02-29", "2028-02-29");           /* 2028 is a leap year */
  assert_due ("2026-12-07", "today", "2026-12-07");
  assert_due ("2026-12-07", "  Today. ", "2026-12-07");            /* case, space, final dot */
  assert_due ("2026-12-07", "tomorrow", "2026-12-08");
  assert_due ("2026-12-31", "tomorrow", "2027-01-01");             /* over the year's end */
  assert_due ("2026-12-07", "by tomorrow", "2026-12-08");          /* "by" is ignored */
  /* day and month names: without a year the next such date on or after today */
  assert_due ("2026-12-07", "15 January 2027", "2027-01-15");
  assert_due ("2026-12-07", "January 15", "2027-01-15");           /* January 2026 has passed */
  assert_due ("2026-12-07", "15th jan", "2027-01-15");
  assert_due ("2026-12-07", "dec 24", "2026-12-24");               /* still ahead this year */
  assert_due ("2026-12-07", "7 December", "2026-12-07");           /* today itself */
  assert_due ("2026-12-07", "Feb 29", "2028-02-29");               /* 2027 has no 29 February */
}

static void
test_weekdays (void)
{
  /* Monday 2026-12-07: Friday is 4 days ahead (11th); next Friday is the
   * Friday of the week starting Monday 14th: the 18th. */
  assert_due ("2026-12-07", "Friday", "2026-12-11");
  assert_due ("2026-12-07", "fri", "2026-12-11");
  assert_due ("2026-12-07", "next Friday", "2026-12-18");
  assert_due ("2026-12-07", "Monday", "2026-12-14");               /* today is Monday: a week on */
  assert_due ("2026-12-07", "this Monday", "2026-12-07");          /* "this" allows today */
  /* Thursday 2026-12-10: Friday is tomorrow; next Friday is 8 days on. */
  assert_due ("2026-12-10", "Friday", "2026-12-11");
  assert_due ("2026-12-10", "next Friday", "2026-12-18");
  assert_due ("2026-12-10", "thurs", "2026-12-17");
  /* Friday 2026-12-11: "Friday" is a week later, "this Friday" today. */
  assert_due ("2026-12-11", "Friday", "2026-12-18");
  assert_due ("2026-12-11", "this Friday", "2026-12-11");
  assert_due ("2026-12-11", "next Friday", "2026-12-18");
  /* Sunday 2026-12-13 ends its week: next week starts tomorrow, so "next
   * Friday" is the 18th like "Friday". */
  assert_due ("2026-12-13", "next Friday", "2026-12-18");
  assert_due ("2026-12-13", "Friday", "2026-12-18");
  assert_due ("2026-12-13", "next Monday", "2026-12-14");
  /* a Friday over a month's end: Wednesday 2026-12-30 → Friday 2027-01-01 */
  assert_due ("2026-12-30", "Friday", "2027-01-01");
}

static void
test_offsets (void)
{
  assert_due ("2026-12-07", "in 3 days", "2026-12-10");
  assert_due ("2026-12-07", "in 2 weeks", "2026-12-21");           /* 7 + 14 */
  assert_due ("2026-12-07", "2 weeks", "2026-12-21");              /* "in" left out */
  assert_due ("2026-12-07", "in two weeks", "2026-12-21");
  assert_due ("2026-12-07", "in a week", "2026-12-14");
  assert_due ("2026-12-07", "in 30 days", "2027-01-06");           /* 24 days to the 31st, 6 more */
  assert_due ("2026-12-07", "in a month", "2027-01-07");
  assert_due ("2026-12-07", "in 6 months", "2027-06-07");
  assert_due ("2026-12-07", "in a year", "2027-12-07");
  /* month ends: January 31st plus a month is the last day of February */
  assert_due ("2027-01-31", "in a month", "2027-02-28");
  assert_due ("2028-01-31", "in a month", "2028-02-29");           /* leap year */
  assert_due ("2027-03-31", "in a month", "2027-04-30");
  assert_due ("2027-01-30", "in 1 month", "2027-02-28");
  assert_due ("2028-02-29", "in a year", "2029-02-28");
  assert_due ("2028-02-29", "in 4 years", "2032-02-29");           /* 2032 is a leap year */
}

static void
test_periods (void)
{
  /* next week: the Monday after; next month: its 1st */
  assert_due ("2026-12-07", "next week", "2026-12-14");
  assert_due ("2026-12-13", "next week", "2026-12-14");            /* Sunday: tomorrow */
  assert_due ("2026-12-07", "next month", "2027-01-01");
  assert_due ("2027-01-31", "next month", "2027-02-01");
  /* end of week: this week's Friday; at the weekend the next one */
  assert_due ("2026-12-07", "end of week", "2026-12-11");
  assert_due ("2026-12-11", "end of the week", "2026-12-11");
  assert_due ("2026-12-12", "eow", "2026-12-18");
  assert_due ("2026-12-07", "end of next week", "2026-12-18");
  assert_due ("2026-12-12", "end of next week", "2026-12-18");     /* Saturday: next week is 14–20 */
  /* end of month, quarter, year */
  assert_due ("2026-12-07", "end of month", "2026-12-31");
  assert_due ("2027-02-03", "end of the month", "2027-02-28");
  assert_due ("2028-02-03", "EOM", "2028-02-29");
  assert_due ("2027-01-31", "end of next month", "2027-02-28");
  assert_due ("2026-12-07", "end of next month", "2027-01-31");    /* over the year's end */
  assert_due ("2027-05-10", "end of quarter", "2027-06-30");
  assert_due ("2027-01-01", "end of quarter", "2027-03-31");
  assert_due ("2026-12-07", "end of year", "2026-12-31");
}

static void
assert_refused (const char *phrase,
                const char *part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = ks_due_date_parse_iso (phrase, "2026-12-07", &error);

  if (got)
    g_error ("“%s” was taken as %s, expected a refusal", phrase, got);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  if (!strstr (error->message, part))
    g_error ("the refusal of “%s” says “%s”, without “%s”", phrase, error->message, part);
}

static void
test_refused (void)
{
  GDate today, due;

  /* The message names the phrase and what is accepted. */
  assert_refused ("next Fridy", "“next Fridy” is not a due date");
  assert_refused ("next Fridy", "2027-01-15");
  assert_refused ("next Fridy", "next Friday");
  assert_refused ("soonish", "in 2 weeks");
  assert_refused ("", "empty");
  assert_refused ("in 0 days", "not a due date");
  assert_refused ("in 11 years", "not a due date");                /* more than ten years */
  assert_refused ("in three fortnights", "not a due date");
  assert_refused ("last Friday", "not a due date");
  assert_refused ("2027-02-30", "“2027-02-30” is not a real date");
  assert_refused ("2027-13-01", "not a real date");
  assert_refused ("31 April 2027", "not a real date");
  assert_refused ("2027-1-5", "not a due date");                   /* ISO needs two digits */

  /* A refusal leaves the output untouched. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 7, G_DATE_DECEMBER, 2026);
  due = today;
  g_assert_false (ks_due_date_parse ("whenever", &today, &due, NULL));
  g_assert_cmpint (g_date_compare (&due, &today), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/due-date/plain", test_plain_dates);
  g_test_add_func ("/due-date/weekdays", test_weekdays);
  g_test_add_func ("/due-date/offsets", test_offsets);
  g_test_add_func ("/due-date/periods", test_periods);
  g_test_add_func ("/due-date/refused", test_refused);

  return g_test_run ();
}
