/* ks-due-date.h — due dates from what people type: "next Friday", "in 2 weeks"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pure function: the phrase and the date it counts from ("today") in, a
 * date out, so a meeting's decision gets its due date from a word or two
 * and tests can pin today. English words only; case, surrounding space,
 * repeated spaces, a final "." and a leading "by " or "due " are ignored.
 * Weeks run Monday to Sunday (ISO 8601). Accepted:
 *
 *   2027-01-15            that date (any real date, also one in the past)
 *   15 January 2027,      a day and a month name (full or its first three
 *   January 15, 15 jan    letters), with or without a year; without one,
 *                         the next such date on or after today
 *   today, tomorrow
 *   Friday, fri           the next Friday after today: 1–7 days ahead, so
 *                         "Friday" said on a Friday is a week later
 *   this Friday           the same, but today itself when today is a Friday
 *   next Friday           the Friday of next week (Thursday 2026-12-10 →
 *                         2026-12-18; Sunday 2026-12-13 → 2026-12-18)
 *   in 3 days, in a week, in 2 weeks, in a month, in 6 months, in a year
 *                         today plus that much ("in" may be left out, and
 *                         numbers may be digits or one … twelve, "a", "an");
 *                         months and years keep the day of the month, or the
 *                         month's last day when it has none (2027-01-31 +
 *                         1 month = 2027-02-28; 2028-01-31 + 1 month =
 *                         2028-02-29; 2028-02-29 + 1 year = 2029-02-28);
 *                         at most 10 years ahead
 *   next week             Monday of next week
 *   next month            the 1st of next month
 *   end of week           the Friday of this week; on a Saturday or Sunday
 *                         the Friday of next week ("end of the week", "eow")
 *   end of next week      the Friday of next week
 *   end of month          the last day of this month ("end of the month", "eom")
 *   end of next month     the last day of next month
 *   end of quarter        the last day of this calendar quarter
 *   end of year           31 December of this year
 *
 * Anything else is refused with KS_WORKSPACE_ERROR_INVALID and a message that quotes
 * the phrase and lists what is accepted.
 */
#pragma once

#include "ks-error.h"

G_BEGIN_DECLS

/* Parses @phrase relative to @today (a valid date) into @due. Returns FALSE
 * with @error set (and @due untouched) when the phrase is not understood or
 * names no real date (2027-02-30). */
gboolean  ks_due_date_parse        (const char   *phrase,
                                    const GDate  *today,
                                    GDate        *due,
                                    GError      **error);
/* The same from and to "YYYY-MM-DD" strings: @today NULL = the local date.
 * Returns the due date as a new string, NULL with @error set when refused. */
char     *ks_due_date_parse_iso    (const char   *phrase,
                                    const char   *today,
                                    GError      **error);
/* "YYYY-MM-DD" of @date. */
char     *ks_due_date_format       (const GDate  *date);
/* Reads a strict "YYYY-MM-DD" (a real date) into @date; FALSE otherwise. */
gboolean  ks_due_date_from_iso     (const char   *text,
                                    GDate        *date);
/* One translated sentence listing the accepted phrases, for hints and
 * error messages. */
const char *ks_due_date_accepted   (void);

G_END_DECLS
