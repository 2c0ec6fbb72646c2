/* test-app-util.c — numbers as people type and read them, in four locales
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app shows numbers with the locale's grouping and decimal point
 * (ks_format_number) and reads what is typed back (ks_parse_number). In
 * German 7,500 is written "7.500": read with a C parser that was 7.5, so
 * pressing F2 and Enter on a value cell turned 7,500 into 7.5. Every
 * expected value below is written out by hand from the locale's
 * conventions (glibc: de_DE "." and ",", fi_FI and nb_NO U+202F and ",").
 * Locales that are not installed are skipped (build-aux/deps.sh generates
 * them for CI).
 */
#include "config.h"

#include <glib.h>
#include <locale.h>
#include <math.h>

#include "ks-app-util.h"

static gboolean
use_locale (const char *name)
{
  if (!setlocale (LC_ALL, name))
    {
      g_autofree char *why = g_strdup_printf ("the %s locale is not installed", name);
      g_test_skip (why);
      return FALSE;
    }
  return TRUE;
}

static void
assert_parses (const char *text,
               double      expected)
{
  double value = NAN;
  gboolean empty = TRUE;

  if (!ks_parse_number (text, &value, &empty))
    g_error ("“%s” was refused in %s", text, setlocale (LC_NUMERIC, NULL));
  g_assert_false (empty);
  g_assert_cmpfloat (value, ==, expected);
}

static void
assert_refused (const char *text)
{
  double value;
  gboolean empty;

  g_assert_false (ks_parse_number (text, &value, &empty));
}

static void
assert_round_trip (double value,
                   guint  decimals)
{
  g_autofree char *shown = ks_format_number (value, decimals);

  assert_parses (shown, value);
}

static void
test_english (void)
{
  if (!use_locale ("C.UTF-8"))
    return;
  assert_parses ("7500", 7500);
  assert_parses ("7,500", 7500);
  assert_parses ("1,250,000", 1250000);
  assert_parses ("1,250.5", 1250.5);
  assert_parses ("12 500", 12500);
  /* a comma before anything but three digits is not a thousands separator */
  assert_refused ("1,5");
  assert_refused (",500");
  assert_refused ("lots");
  {
    g_autofree char *shown = ks_format_number (1234567.5, 1);
    g_assert_cmpstr (shown, ==, "1,234,567.5");
  }
  assert_round_trip (1234567.5, 1);
  assert_round_trip (7500, 0);
}

static void
test_german (void)
{
  if (!use_locale ("de_DE.UTF-8"))
    return;
  {
    g_autofree char *shown = ks_format_number (1234567.5, 1);
    g_assert_cmpstr (shown, ==, "1.234.567,5");
  }
  /* what the cell showed, read back: the value it was */
  assert_parses ("7.500", 7500);
  assert_parses ("1.234.567,5", 1234567.5);
  assert_parses ("7,5", 7.5);
  /* an English habit: a point before anything but three digits */
  assert_parses ("7.25", 7.25);
  assert_round_trip (1234567.5, 1);
  assert_round_trip (7500, 0);
  assert_round_trip (0.25, 2);
}

static void
test_finnish (void)
{
  if (!use_locale ("fi_FI.UTF-8"))
    return;
  {
    g_autofree char *shown = ks_format_number (1234567.5, 1);
    /* U+202F NARROW NO-BREAK SPACE between the groups */
    g_assert_cmpstr (shown, ==, "1\u202f234\u202f567,5");
  }
  assert_parses ("7 500", 7500);
  assert_parses ("7\u00a0500,5", 7500.5);
  assert_parses ("7,5", 7.5);
  assert_round_trip (1234567.5, 1);
}

static void
test_norwegian (void)
{
  if (!use_locale ("nb_NO.UTF-8"))
    return;
  assert_parses ("1 250,75", 1250.75);
  assert_round_trip (98765.25, 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/app-util/numbers/english", test_english);
  g_test_add_func ("/app-util/numbers/german", test_german);
  g_test_add_func ("/app-util/numbers/finnish", test_finnish);
  g_test_add_func ("/app-util/numbers/norwegian", test_norwegian);
  status = g_test_run ();
  setlocale (LC_ALL, "C.UTF-8");
  return status;
}
