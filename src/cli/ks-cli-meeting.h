/* ks-cli-meeting.h — keystone-cli's meeting mode: meeting create, list and
 * decide, report meeting, render meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-cli-util.h"

G_BEGIN_DECLS

/* meeting create TITLE --date YYYY-MM-DD [--attendee NAME]... [--account NAME]...
 *                [--a-accounts-of NAME] [--json]
 * meeting list [--json]
 * meeting decide --meeting ID --account NAME [--owner NAME] [--due PHRASE] [--today D] [--json] TEXT
 * report meeting --meeting ID [--json]
 * render meeting --meeting ID [--today D] [--slide N [--width W] [--height H]] -o FILE
 * Checks which options apply itself. */
int ks_cli_meeting (const Options *opts);

G_END_DECLS
