/* ks-contact-import.h — import an account's contacts and their lines from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "import contacts" and "import influences" of CLI.md. Both read one CSV
 * file with a header row (any column order, extra columns ignored), write in
 * one transaction (one undo step) and refuse the whole file on any error, which
 * names FILE:LINE:COLUMN. An empty cell means "no information": a stored value
 * stays. Re-importing the same file changes nothing.
 */
#pragma once

#include "ks-csv.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

/* Columns: name (required), title, department, reports_to, decision_power
 * (high/medium/low or 1/2/3), relationship (positive/neutral/poor/unknown),
 * attitude (supporter/neutral/opponent/unknown), owner (one of our people, by
 * name), buying_role (several separated by ';' or '|'), email, phone; and
 * also kind (contact/competitor/third-party), level
 * (operational/management/executive/unknown), last_contact (YYYY-MM-DD).
 * Contacts are matched by name within the account (exactly, then ignoring
 * case, spaces and punctuation) and created or updated; then each reports_to
 * becomes the contact's reporting line (replacing another one). */
gboolean ks_contacts_import   (KsWorkspace     *workspace,
                               const char      *path,
                               gint64           account_id,
                               KsImportReport  *report,
                               GError         **error);

/* Columns: from, to (required; contacts of the account), kind
 * (reports-to/dotted/influence; empty = influence), strength (1–3). */
gboolean ks_influences_import (KsWorkspace     *workspace,
                               const char      *path,
                               gint64           account_id,
                               KsImportReport  *report,
                               GError         **error);

G_END_DECLS
