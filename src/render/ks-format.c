/* ks-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-format"

#include "config.h"

#include <locale.h>
#include <math.h>

#include "ks-format.h"

char *
ks_format_fixed (double value,
                 int    decimals)
{
  const struct lconv *lc = localeconv ();
  g_autofree char *plain = NULL;
  GString *out;
  const char *digits, *end;

  if (isnan (value))
    return g_strdup ("—");
  plain = g_strdup_printf ("%'.*f", CLAMP (decimals, 0, 9), value);
  if (lc->thousands_sep && *lc->thousands_sep)
    return g_steal_pointer (&plain);

  out = g_string_new (NULL);
  digits = plain + (*plain == '-');
  for (end = digits; g_ascii_isdigit (*end); end++)
    ;
  g_string_append_len (out, plain, digits - plain);
  for (const char *p = digits; p < end; p++)
    {
      if (p > digits && (end - p) % 3 == 0)
        g_string_append (out, "\u202F");
      g_string_append_c (out, *p);
    }
  g_string_append (out, end);
  return g_string_free (out, FALSE);
}

char *
ks_format_grouped (double value)
{
  if (!isnan (value) && fabs (value - round (value)) < 1e-9 && fabs (value) < 1e15)
    return ks_format_fixed (value, 0);
  return ks_format_fixed (value, 2);
}
