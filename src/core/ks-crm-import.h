/* ks-crm-import.h — import a CRM export (accounts, sales teams, products, pipeline CSVs)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-workspace.h"

G_BEGIN_DECLS

typedef struct
{
  char  *file;     /* base name, e.g. "sales_pipeline.csv" */
  guint  line;     /* 1-based; 0 when it concerns the whole file */
  guint  column;   /* 1-based; 0 when unknown (errors only) */
  char  *message;  /* translated, says what and why */
} KsImportIssue;

typedef struct
{
  /* Rows read from the files that are now in the workspace (new or updated). */
  guint      accounts;
  guint      people;
  guint      products;
  guint      opportunities;
  guint      contacts;   /* contact imports: contacts created or updated */
  guint      lines;      /* contact and influence imports: lines drawn or changed */
  GPtrArray *warnings;   /* of KsImportIssue: kept, but matched or left incomplete */
  GPtrArray *errors;     /* of KsImportIssue: with any, nothing was written */
} KsImportReport;

KsImportReport *ks_import_report_new  (void);
void            ks_import_report_free (KsImportReport *report);
void            ks_import_report_add  (KsImportReport *report,
                                       gboolean        is_error,
                                       const char     *file,
                                       guint           line,
                                       guint           column,
                                       const char     *format,
                                       ...) G_GNUC_PRINTF (6, 7);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsImportReport, ks_import_report_free)

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

/* Name matching used by every importer: case-, space- and punctuation-
 * insensitive ("GTXPro" and "GTX Pro" give the same key). */
char    *ks_import_match_key (const char *name);

G_END_DECLS
