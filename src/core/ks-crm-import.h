/* ks-crm-import.h — import a CRM export (accounts, sales teams, products, pipeline CSVs)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-csv.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

/* Reads whichever of accounts.csv, sales_teams.csv, products.csv and
 * sales_pipeline.csv DIR holds and writes them in one transaction (one undo
 * step). Returns FALSE and sets error when the import was refused (any entry in
 * report->errors, or an I/O/database failure): then nothing was written.
 * With dry_run, nothing is written either way. Re-importing the same files
 * changes nothing. */
gboolean ks_crm_import (KsWorkspace     *workspace,
                        const char      *dir,
                        gboolean         dry_run,
                        KsImportReport  *report,
                        GError         **error);

G_END_DECLS
