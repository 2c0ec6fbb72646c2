/* ks-format.h — numbers as the pictures print them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @value with @decimals decimals, digits grouped in the locale's way; a
 * locale without grouping (C, as in scripts and CI) gets groups of three
 * separated by a narrow no-break space (U+202F), as SI does. NaN is "—".
 * Free with g_free(). */
char *ks_format_fixed  (double value,
                        int    decimals);
/* Whole numbers without decimals, others with two (1234567 → "1 234 567",
 * 12.5 → "12.50"); grouped as ks_format_fixed(). */
char *ks_format_grouped (double value);

G_END_DECLS
