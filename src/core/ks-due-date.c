/* ks-due-date.c — due dates from what people type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The phrase is lowered, its spaces and commas collapsed into words, and
 * the words matched against a few fixed shapes (the header lists them).
 */
#define G_LOG_DOMAIN "ks-due-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-due-date.h"

typedef enum
{
  UNIT_NONE,
  UNIT_DAY,
  UNIT_WEEK,
  UNIT_MONTH,
  UNIT_YEAR,
} Unit;

/* How far "in N UNIT" may reach: ten years in each unit. */
static const guint unit_limit[] = { 0, 3660, 522, 120, 10 };

static const char *const weekday_names[] = {
  NULL, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

static const char *const month_names[] = {
  NULL, "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};

static const char *const number_words[] = {
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
  "nine", "ten", "eleven", "twelve",
};

/* A full name, its first three letters, or (weekdays) the usual longer
 * abbreviations "tues", "thur", "thurs", (months) "sept". */
static guint
match_name (const char         *word,
            const char * const *names,
            guint               n_names)
{
  gsize len = strlen (word);

  for (guint i = 1; i < n_names; i++)
    {
      if (strcmp (word, names[i]) == 0)
        return i;
      if (len >= 3 && len < strlen (names[i]) && strncmp (word, names[i], len) == 0 &&
          (len == 3 || strcmp (word, "tues") == 0 || strcmp (word, "thur") == 0 ||
           strcmp (word, "thurs") == 0 || strcmp (word, "sept") == 0))
        return i;
    }
  return 0;
}

static GDateWeekday
weekday_from_word (const char *word)
{
  return (GDateWeekday) match_name (word, weekday_names, G_N_ELEMENTS (weekday_names));
}

static GDateMonth
month_from_word (const char *word)
{
  return (GDateMonth) match_name (word, month_names, G_N_ELEMENTS (month_names));
}

/* Digits (1–9999), "a", "an" or a number word; 0 when it is none. */
static guint
number_from_word (const char *word)
{
  guint64 n;

  if (strcmp (word, "a") == 0 || strcmp (word, "an") == 0)
    return 1;
  for (guint i = 1; i < G_N_ELEMENTS (number_words); i++)
    if (strcmp (word, number_words[i]) == 0)
      return i;
  if (strlen (word) > 4 || !g_ascii_string_to_unsigned (word, 10, 1, 9999, &n, NULL))
    return 0;
  return (guint) n;
}

static Unit
unit_from_word (const char *word)
{
  static const struct { const char *name; Unit unit; } units[] = {
    { "day", UNIT_DAY }, { "days", UNIT_DAY },
    { "week", UNIT_WEEK }, { "weeks", UNIT_WEEK },
    { "month", UNIT_MONTH }, { "months", UNIT_MONTH },
    { "year", UNIT_YEAR }, { "years", UNIT_YEAR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (strcmp (word, units[i].name) == 0)
      return units[i].unit;
  return UNIT_NONE;
}

/* A day of the month: "15", "15th", "1st", "2nd", "3rd"; 0 when it is none. */
static guint
day_from_word (const char *word)
{
  g_autofree char *digits = g_strdup (word);
  gsize len = strlen (digits);
  guint64 n;

  if (len > 2 && (g_str_has_suffix (digits, "st") || g_str_has_suffix (digits, "nd") ||
                  g_str_has_suffix (digits, "rd") || g_str_has_suffix (digits, "th")))
    digits[len - 2] = '\0';
  if (strlen (digits) > 2 || !g_ascii_string_to_unsigned (digits, 10, 1, 31, &n, NULL))
    return 0;
  return (guint) n;
}

static guint
year_from_word (const char *word)
{
  guint64 n;

  if (strlen (word) != 4 || !g_ascii_string_to_unsigned (word, 10, 1, 9999, &n, NULL))
    return 0;
  return (guint) n;
}

/* The phrase as lower-case words: spaces and commas separate, a final "."
 * goes, a leading "by", "due" or "on" goes. */
static GStrv
split_words (const char *phrase)
{
  g_autofree char *lower = g_utf8_strdown (phrase, -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  gsize len;
  guint first = 0;

  g_strdelimit (lower, ",\t\n\r", ' ');
  g_strstrip (lower);
  len = strlen (lower);
  if (len > 0 && lower[len - 1] == '.')
    lower[len - 1] = '\0';
  parts = g_strsplit (lower, " ", -1);
  while (parts[first] &&
         (*parts[first] == '\0' || strcmp (parts[first], "by") == 0 ||
          strcmp (parts[first], "due") == 0 || strcmp (parts[first], "on") == 0))
    first++;
  for (guint i = first; parts[i]; i++)
    if (*parts[i])
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

static gboolean
words_are (GStrv       words,
           const char *a,
           const char *b,
           const char *c,
           const char *d)
{
  const char *want[] = { a, b, c, d, NULL };
  guint n = 0;

  while (want[n])
    n++;
  if (g_strv_length (words) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (strcmp (words[i], want[i]) != 0)
      return FALSE;
  return TRUE;
}

/* The Monday of the ISO week holding @date. */
static void
week_start (const GDate *date,
            GDate       *monday)
{
  *monday = *date;
  g_date_subtract_days (monday, g_date_get_weekday (date) - G_DATE_MONDAY);
}

static void
month_end (const GDate *date,
           GDate       *end)
{
  GDateMonth m = g_date_get_month (date);
  GDateYear y = g_date_get_year (date);

  g_date_clear (end, 1);
  g_date_set_dmy (end, g_date_get_days_in_month (m, y), m, y);
}

/* "end of week|month|quarter|year" and "end of next month", with or
 * without "the"/"this"; FALSE when @words are none of them. */
static gboolean
parse_end_of (GStrv        words,
              const GDate *today,
              GDate       *due)
{
  guint n = g_strv_length (words);
  guint i = 2;
  gboolean next = FALSE;
  const char *what;

  if (n == 1 && strcmp (words[0], "eow") == 0)
    what = "week";
  else if (n == 1 && strcmp (words[0], "eom") == 0)
    what = "month";
  else
    {
      if (n < 3 || strcmp (words[0], "end") != 0 || strcmp (words[1], "of") != 0)
        return FALSE;
      if (i < n && (strcmp (words[i], "the") == 0 || strcmp (words[i], "this") == 0))
        i++;
      else if (i < n && strcmp (words[i], "next") == 0)
        {
          next = TRUE;
          i++;
        }
      if (i + 1 != n)
        return FALSE;
      what = words[i];
    }

  if (strcmp (what, "week") == 0)
    {
      /* Friday of this week (at the weekend, of the next); of next week. */
      week_start (today, due);
      g_date_add_days (due, next ? 11 : 4);
      if (g_date_compare (due, today) < 0)
        g_date_add_days (due, 7);
      return TRUE;
    }
  if (strcmp (what, "month") == 0)
    {
      GDate first;

      g_date_clear (&first, 1);
      g_date_set_dmy (&first, 1, g_date_get_month (today), g_date_get_year (today));
      if (next)
        g_date_add_months (&first, 1);
      month_end (&first, due);
      return TRUE;
    }
  if (strcmp (what, "quarter") == 0 && !next)
    {
      GDate last;
      guint q_last = (g_date_get_month (today) - 1) / 3 * 3 + 3;

      g_date_clear (&last, 1);
      g_date_set_dmy (&last, 1, (GDateMonth) q_last, g_date_get_year (today));
      month_end (&last, due);
      return TRUE;
    }
  if (strcmp (what, "year") == 0 && !next)
    {
      g_date_clear (due, 1);
      g_date_set_dmy (due, 31, G_DATE_DECEMBER, g_date_get_year (today));
      return TRUE;
    }
  return FALSE;
}

/* "in 3 days", "2 weeks", "in a month". */
static gboolean
parse_offset (GStrv        words,
              const GDate *today,
              GDate       *due)
{
  guint n = g_strv_length (words);
  guint i = 0;
  guint count;
  Unit unit;

  if (n > 0 && strcmp (words[0], "in") == 0)
    i = 1;
  if (n != i + 2)
    return FALSE;
  count = number_from_word (words[i]);
  unit = unit_from_word (words[i + 1]);
  if (count == 0 || unit == UNIT_NONE || count > unit_limit[unit])
    return FALSE;

  *due = *today;
  switch (unit)
    {
    case UNIT_DAY:
      g_date_add_days (due, count);
      break;
    case UNIT_WEEK:
      g_date_add_days (due, 7 * count);
      break;
    case UNIT_MONTH:
      g_date_add_months (due, count);   /* clamps to the month's last day */
      break;
    case UNIT_YEAR:
      g_date_add_years (due, count);    /* 29 February → 28 February */
      break;
    case UNIT_NONE:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/* "monday", "this monday", "next monday". */
static gboolean
parse_weekday (GStrv        words,
               const GDate *today,
               GDate       *due)
{
  guint n = g_strv_length (words);
  const char *mode = n == 2 ? words[0] : "";
  GDateWeekday want = n >= 1 && n <= 2 ? weekday_from_word (words[n - 1]) : G_DATE_BAD_WEEKDAY;
  GDateWeekday now = g_date_get_weekday (today);

  if (want == G_DATE_BAD_WEEKDAY)
    return FALSE;
  if (n == 2 && strcmp (mode, "this") != 0 && strcmp (mode, "next") != 0)
    return FALSE;

  if (strcmp (mode, "next") == 0)
    {
      week_start (today, due);
      g_date_add_days (due, 7 + (want - G_DATE_MONDAY));
    }
  else
    {
      guint ahead = (want - now + 7) % 7;

      if (ahead == 0 && n == 1)
        ahead = 7;
      *due = *today;
      g_date_add_days (due, ahead);
    }
  return TRUE;
}

/* "15 january 2027", "january 15", "15th jan", "jan 15 2027". */
static gboolean
parse_day_month (GStrv        words,
                 const GDate *today,
                 GDate       *due,
                 gboolean    *not_real)
{
  guint n = g_strv_length (words);
  guint day, year = 0;
  GDateMonth month;

  if (n < 2 || n > 3)
    return FALSE;
  if ((day = day_from_word (words[0])) && (month = month_from_word (words[1])))
    ;
  else if ((month = month_from_word (words[0])) && (day = day_from_word (words[1])))
    ;
  else
    return FALSE;
  if (n == 3 && !(year = year_from_word (words[2])))
    return FALSE;

  if (year)
    {
      if (!g_date_valid_dmy (day, month, year))
        {
          *not_real = TRUE;
          return FALSE;
        }
      g_date_clear (due, 1);
      g_date_set_dmy (due, day, month, year);
      return TRUE;
    }
  /* The next such date on or after today; 29 February waits for a leap year. */
  for (year = g_date_get_year (today); year <= g_date_get_year (today) + 8u; year++)
    if (g_date_valid_dmy (day, month, year))
      {
        g_date_clear (due, 1);
        g_date_set_dmy (due, day, month, year);
        if (g_date_compare (due, today) >= 0)
          return TRUE;
      }
  *not_real = TRUE;
  return FALSE;
}

gboolean
ks_due_date_from_iso (const char *text,
                      GDate      *date)
{
  guint y, m, d;

  g_return_val_if_fail (date != NULL, FALSE);

  if (!text || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

char *
ks_due_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

const char *
ks_due_date_accepted (void)
{
  return _("Write a date as 2027-01-15 or 15 January, or one of: today, tomorrow, "
           "Friday, next Friday, in 3 days, in 2 weeks, in a month, next week, "
           "next month, end of week, end of month, end of quarter, end of year.");
}

gboolean
ks_due_date_parse (const char   *phrase,
                   const GDate  *today,
                   GDate        *due,
                   GError      **error)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *shown = NULL;
  gboolean not_real = FALSE;
  GDate result;
  guint n;

  g_return_val_if_fail (phrase != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (due != NULL, FALSE);

  if (!g_utf8_validate (phrase, -1, NULL))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The due date is not valid text. %s"), ks_due_date_accepted ());
      return FALSE;
    }
  words = split_words (phrase);
  n = g_strv_length (words);
  g_date_clear (&result, 1);

  if (n == 1 && ks_due_date_from_iso (words[0], &result))
    goto done;
  if (n == 1 && strcmp (words[0], "today") == 0)
    {
      result = *today;
      goto done;
    }
  if (n == 1 && strcmp (words[0], "tomorrow") == 0)
    {
      result = *today;
      g_date_add_days (&result, 1);
      goto done;
    }
  if (words_are (words, "next", "week", NULL, NULL))
    {
      week_start (today, &result);
      g_date_add_days (&result, 7);
      goto done;
    }
  if (words_are (words, "next", "month", NULL, NULL))
    {
      g_date_set_dmy (&result, 1, g_date_get_month (today), g_date_get_year (today));
      g_date_add_months (&result, 1);
      goto done;
    }
  if (parse_end_of (words, today, &result) ||
      parse_offset (words, today, &result) ||
      parse_weekday (words, today, &result) ||
      parse_day_month (words, today, &result, &not_real))
    goto done;

  shown = g_strstrip (g_strdup (phrase));
  if (not_real || (n == 1 && strlen (words[0]) == 10 && words[0][4] == '-' && words[0][7] == '-'))
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                 _("“%s” is not a real date."), shown);
  else if (*shown == '\0')
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                 _("The due date is empty. %s"), ks_due_date_accepted ());
  else
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                 _("“%s” is not a due date Keystone understands. %s"), shown,
                 ks_due_date_accepted ());
  return FALSE;

done:
  *due = result;
  return TRUE;
}

char *
ks_due_date_parse_iso (const char  *phrase,
                       const char  *today,
                       GError     **error)
{
  GDate base, due;

  g_return_val_if_fail (phrase != NULL, NULL);

  if (today)
    {
      if (!ks_due_date_from_iso (today, &base))
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("“%s” is not a date as YYYY-MM-DD."), today);
          return NULL;
        }
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&base, 1);
      g_date_set_dmy (&base, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }
  if (!ks_due_date_parse (phrase, &base, &due, error))
    return NULL;
  return ks_due_date_format (&due);
}
