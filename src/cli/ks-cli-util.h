/* ks-cli-util.h — what the commands of keystone-cli share: the options, the
 * exit statuses and the output helpers of ks-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "ks-csv.h"
#include "ks-json-writer.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

enum {
  EXIT_DONE = 0,
  EXIT_REFUSED = 1,
  EXIT_USAGE = 2,
};

/* --year not given. */
#define KS_CLI_NO_YEAR G_MININT

typedef struct
{
  char     *workspace;
  gboolean  json;
  gboolean  demo;
  gboolean  dry_run;
  gboolean  replace;
  char     *output;
  char     *account;
  char     *today;
  char     *period;    /* --period P, NULL when not given */
  int       year;      /* --year Y, KS_CLI_NO_YEAR when not given */
  char     *compare;   /* render: --compare P or "none" */
  char     *preset;    /* render portfolio: --preset NAME */
  char     *x_axis;    /* render portfolio: --x AXIS */
  char     *y_axis;    /* render portfolio: --y AXIS */
  char     *colour_by; /* render portfolio: --colour-by abc|segment|owner */
  char     *owner;     /* render portfolio, ranking: --owner NAME */
  char     *segment;   /* render portfolio, ranking: --segment S */
  int       top;       /* render ranking: --top N, 0 when not given */
  char     *scope;     /* import/export raci, raci check: --scope NAME */
  char     *manager;   /* funnel filters: --manager NAME */
  char     *team;      /* --team T */
  char     *region;    /* --region R */
  char     *product;   /* --product P */
  char     *from;      /* --from YYYY-MM-DD */
  char     *to;        /* --to YYYY-MM-DD */
  char     *by;        /* report funnel: --by CUT; report forecast: --by month|quarter */
  char     *opportunity; /* evaluation score: --opportunity REF */
  char     *criterion;   /* evaluation score: --criterion NAME */
  char     *score;       /* evaluation score: --score N (0 clears) */
  char     *meeting;     /* meeting decide, report/render meeting: --meeting ID */
  char     *date;        /* meeting create: --date YYYY-MM-DD */
  char    **attendees;   /* meeting create: --attendee NAME, repeatable */
  GPtrArray *accounts;   /* every --account given, in order (meeting create takes several) */
  char     *a_accounts_of; /* meeting create: --a-accounts-of NAME */
  char     *due;         /* meeting decide: --due PHRASE */
  int       slide;       /* render meeting: --slide N (1-based), 0 when not given */
  int       width;
  int       height;
  gboolean  version;
  char    **args;
} Options;

/* "keystone-cli: message" and the --help hint on stderr; returns EXIT_USAGE. */
int          usage_error      (const char          *format,
                               ...) G_GNUC_PRINTF (1, 2);
/* "keystone-cli: message" on stderr; returns EXIT_REFUSED. */
int          refused          (const GError        *error);
char        *workspace_path   (const Options       *opts);
KsWorkspace *open_existing    (const Options       *opts,
                               GError             **error);
void         print_json       (JsonBuilder         *builder);
/* A ks-json-writer document and a newline on stdout. */
void         print_json_text  (KsJsonWriter        *writer);
/* Inside an object: "key": value, or null for a NULL value. */
void         write_string_or_null (KsJsonWriter    *writer,
                                   const char      *key,
                                   const char      *value);
/* An export's text on stdout; EXIT_REFUSED (said on stderr) when it cannot be written. */
int          print_export     (const char          *text);
/* A table with a header row; each row is n_columns strings. */
void         print_table      (const char * const  *headers,
                               guint                n_columns,
                               GPtrArray           *rows);
/* The "warnings" / "errors" arrays of an import's JSON result. */
void         add_issues       (JsonBuilder         *b,
                               const char          *name,
                               GPtrArray           *issues,
                               gboolean             with_column);
/* An import's "imported": { "@what": @n } member. */
void         add_imported     (JsonBuilder         *b,
                               const char          *what,
                               guint                n);
/* add_issues() for an import's "warnings" and "errors"; @failure (the error of
 * a failed import, else NULL) becomes an error when no file line has one. */
void         add_import_issues (JsonBuilder        *b,
                                KsImportReport     *report,
                                const GError       *failure);
/* "FILE:LINE:COLUMN: kind: message". */
void         print_file_issue (FILE                *out,
                               KsImportIssue       *issue,
                               const char          *kind);
/* print_file_issue() on stderr for each of @issues. */
void         print_file_issues (GPtrArray          *issues,
                                const char         *kind);
/* The end of a failed import: its errors and "nothing was imported" on
 * stderr; returns EXIT_REFUSED. */
int          import_refused   (KsImportReport      *report);

G_END_DECLS
