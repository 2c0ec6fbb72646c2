/* ks-csv.h — reading CSV files for the importers (libcsv)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KsCsvReader maps one file, refuses it when it is not UTF-8, parses it with
 * libcsv in strict mode one physical line at a time, maps the header row to
 * the columns the importer knows (any order, matched through
 * ks_import_match_key(), extra columns ignored) and calls the importer once
 * per data row. Every issue it or the importer adds names the file, the line
 * and the column (in characters) of the cell at fault.
 */
#pragma once

#include "ks-error.h"

G_BEGIN_DECLS

/* What an import found, for people: every importer fills one. */
typedef struct
{
  char  *file;     /* base name, e.g. "sales_pipeline.csv", or the path given */
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
  guint      scores;     /* score imports: account × criterion scores now in the workspace */
  guint      letters;    /* RACI imports: letters now in the chart */
  GPtrArray *warnings;   /* of KsImportIssue: kept, but matched or left incomplete */
  GPtrArray *errors;     /* of KsImportIssue: with any, nothing was written */
} KsImportReport;

KsImportReport *ks_import_report_new   (void);
void            ks_import_report_free  (KsImportReport *report);
/* Empties the counts and the issues: a report describes one import. */
void            ks_import_report_clear (KsImportReport *report);
void            ks_import_report_add   (KsImportReport *report,
                                        gboolean        is_error,
                                        const char     *file,
                                        guint           line,
                                        guint           column,
                                        const char     *format,
                                        ...) G_GNUC_PRINTF (6, 7);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsImportReport, ks_import_report_free)

/* Name matching used by every importer: case-, space- and punctuation-
 * insensitive ("GTXPro" and "GTX Pro" give the same key). */
char           *ks_import_match_key    (const char     *name);

typedef struct _KsCsvReader KsCsvReader;

/* Called for each row that is not empty and has as many fields as the header. */
typedef void (*KsCsvRowFunc) (KsCsvReader *reader,
                              gpointer     user_data);

/* After this many errors in one file the rest of it is not read. */
#define KS_CSV_MAX_ERRORS 20
/* After this many row warnings in one file the others are only counted. */
#define KS_CSV_MAX_ROW_WARNINGS 50

/* Opens path; name is how issues call the file ("contacts.csv"). columns[0 ..
 * n_required - 1] must be in the header. Returns NULL when the file does not
 * exist; a file that cannot be read or is not UTF-8 gives a reader that has
 * failed already (the error is in the report). */
KsCsvReader *ks_csv_reader_open            (const char          *path,
                                            const char          *name,
                                            const char * const  *columns,
                                            guint                n_columns,
                                            guint                n_required,
                                            KsImportReport      *report);
void         ks_csv_reader_free            (KsCsvReader         *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsCsvReader, ks_csv_reader_free)

/* Reads the whole file, calling row for each data row. */
void         ks_csv_reader_run             (KsCsvReader         *reader,
                                            KsCsvRowFunc         row,
                                            gpointer             user_data);
/* Adds "N more warnings were not listed" when row warnings were dropped. */
void         ks_csv_reader_finish          (KsCsvReader         *reader);

const char  *ks_csv_reader_get_name        (KsCsvReader         *reader);
const char  *ks_csv_reader_get_path        (KsCsvReader         *reader);
gboolean     ks_csv_reader_failed          (KsCsvReader         *reader);  /* an error in this file */
gboolean     ks_csv_reader_stopped         (KsCsvReader         *reader);  /* no more rows are read */
void         ks_csv_reader_stop            (KsCsvReader         *reader);
/* KsImportError of the reader's first error; -1 when none. */
gint         ks_csv_reader_get_error_code  (KsCsvReader         *reader);

/* The row being read: its first line, which messages about it name. An
 * importer that reports on a row after the file was read sets it back. */
guint        ks_csv_reader_get_row_line    (KsCsvReader         *reader);
void         ks_csv_reader_set_row_line    (KsCsvReader         *reader,
                                            guint                line);
gboolean     ks_csv_reader_has_column      (KsCsvReader         *reader,
                                            guint                column);
/* The cell of a known column in this row: NULL when the file has no such
 * column or the cell is empty. NUL-terminated; length may be NULL. */
const char  *ks_csv_reader_value           (KsCsvReader         *reader,
                                            guint                column,
                                            gsize               *length);
/* A required cell: NULL, with an error, when it is blank. */
const char  *ks_csv_reader_required        (KsCsvReader         *reader,
                                            guint                column);
/* The 1-based column (in characters) where the cell starts. */
guint        ks_csv_reader_column          (KsCsvReader         *reader,
                                            guint                column);
const char  *ks_csv_reader_column_name     (KsCsvReader         *reader,
                                            guint                column);

/* An error at line:column (0 = unknown) of this file; the import will be refused. */
void         ks_csv_reader_error           (KsCsvReader         *reader,
                                            KsImportError        code,
                                            guint                line,
                                            guint                column,
                                            const char          *format,
                                            ...) G_GNUC_PRINTF (5, 6);
/* An error at the cell of a known column in this row. */
void         ks_csv_reader_cell_error      (KsCsvReader         *reader,
                                            guint                column,
                                            KsImportError        code,
                                            const char          *format,
                                            ...) G_GNUC_PRINTF (4, 5);
/* A warning about a cell of this row (counted against the row-warning limit). */
void         ks_csv_reader_cell_warning    (KsCsvReader         *reader,
                                            guint                column,
                                            const char          *format,
                                            ...) G_GNUC_PRINTF (3, 4);
/* Whether one more row warning may be listed (it is counted either way). */
gboolean     ks_csv_reader_warning_allowed (KsCsvReader         *reader);

/* Values. */
char        *ks_csv_shorten                (const char          *text);   /* for messages */
gboolean     ks_csv_is_blank               (const char          *text);
gboolean     ks_csv_parse_decimal          (const char          *text,
                                            double              *out);
gboolean     ks_csv_parse_integer          (const char          *text,
                                            gint64               min,
                                            gint64               max,
                                            gint64              *out);
guint32      ks_csv_parse_iso_date         (const char          *text);   /* yyyymmdd, 0 if not */

/* Sets error from the report's first error: "PATH:LINE:COLUMN: message (and N
 * more errors)", PATH being dir/file (or file alone when dir is NULL). */
void         ks_import_report_set_error    (KsImportReport      *report,
                                            gint                 code,
                                            const char          *dir,
                                            GError             **error);

G_END_DECLS
