/* ks-raci.h — who does what: RACI charts, their checks, templates and CSV
 * (PRODUCT.md §5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart has a name (unique, what `--scope NAME` names on the CLI) and a
 * scope: company-wide, one process, or one account. Rows are tasks grouped
 * by ordered phases; columns are people, or roles ("Sales coordinator").
 * A role column resolves per account through that account's team
 * (account_team.role, compared ignoring case): a process chart shows, for a
 * given account, the person who holds the role there. A cell holds one
 * letter: R (responsible, does the work; several allowed, one may be marked
 * main), A (accountable, owns the result), C (consulted, two-way), I
 * (informed, one-way) and, where the chart is in ARSCI mode, S (supportive).
 *
 * Storage is schema 6 (raci_charts, raci_phases, raci_tasks, raci_columns,
 * raci_cells); every edit below is one user action (one undo step). The
 * checks are a pure function over the plain KsRaciChart; the grid view, the
 * CLI, the CSV and the drawing all start from ks_raci_chart_load().
 */
#pragma once

#include "ks-csv.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  KS_RACI_SCOPE_COMPANY,
  KS_RACI_SCOPE_PROCESS,
  KS_RACI_SCOPE_ACCOUNT,   /* account_id set */
} KsRaciScope;

/* A cell's letter; the values are the ASCII letters, 0 = empty. */
typedef enum
{
  KS_RACI_EMPTY = 0,
  KS_RACI_R = 'R',
  KS_RACI_A = 'A',
  KS_RACI_S = 'S',
  KS_RACI_C = 'C',
  KS_RACI_I = 'I',
} KsRaciLetter;

/* "company", "process", "account": stable, for JSON and the CLI. */
const char  *ks_raci_scope_name        (KsRaciScope   scope);
gboolean     ks_raci_scope_from_name   (const char   *name,
                                        KsRaciScope  *scope);
/* "Responsible", "Accountable", "Supportive", "Consulted", "Informed"
 * (translated); NULL for KS_RACI_EMPTY. */
const char  *ks_raci_letter_label      (KsRaciLetter  letter);
/* 'r'/'R' → KS_RACI_R ...; FALSE for anything else (S only when @arsci). */
gboolean     ks_raci_letter_parse      (gunichar      c,
                                        gboolean      arsci,
                                        KsRaciLetter *letter);

/* ---- a chart in memory (plain; what checks, CSV, drawing and grid read) ---- */

typedef struct
{
  gint64  id;
  char   *name;
} KsRaciPhase;

typedef struct
{
  gint64  id;
  guint   phase;          /* index into phases */
  char   *name;
} KsRaciTask;

typedef struct
{
  gint64  id;
  gint64  person_id;      /* a person's column; 0 for a role */
  char   *role;           /* a role's column ("Sales coordinator"); NULL for a person */
  char   *label;          /* the person's name, or the role */
  /* A role resolved through the chart's account's team (account scope, or
   * ks_raci_chart_load() with an account): the person holding it, 0/NULL
   * when nobody does (or when there is no account to resolve against). A
   * person's column has its own id and name here. */
  gint64  resolved_id;
  char   *resolved_name;
} KsRaciColumn;

typedef struct
{
  gint64        id;
  char         *name;
  KsRaciScope   scope;
  gint64        account_id;     /* account scope: the account; else 0 */
  char         *account_name;   /* of account_id, or of the account roles were resolved for; NULL */
  gboolean      arsci;          /* S allowed */
  GPtrArray    *phases;         /* of KsRaciPhase, in order */
  GPtrArray    *tasks;          /* of KsRaciTask, in order: by phase, then within it */
  GPtrArray    *columns;        /* of KsRaciColumn, in order */
  /* tasks->len × columns->len, row-major: letters[t * n_columns + c]. */
  guint8       *letters;        /* KsRaciLetter */
  guint8       *main;           /* 1 where an R is the task's main R */
  /* private: the tasks × columns that letters and main were sized for */
  guint         n_sized_tasks;
  guint         n_sized_columns;
} KsRaciChart;

KsRaciChart *ks_raci_chart_new         (void);   /* empty, for tests and importers */
void         ks_raci_chart_free        (KsRaciChart  *chart);
KsRaciLetter ks_raci_chart_get         (const KsRaciChart *chart,
                                        guint         task,
                                        guint         column);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsRaciChart, ks_raci_chart_free)

/* ---- checks (pure) ---- */

typedef enum
{
  KS_RACI_ERROR,
  KS_RACI_WARNING,
} KsRaciSeverity;

typedef struct
{
  KsRaciSeverity  severity;
  char           *kind;      /* stable: see below */
  int             task;      /* index, -1 when about a column */
  int             column;    /* index, -1 when about a task */
  char           *message;   /* for people, translated, names the task / column */
} KsRaciFinding;

/* Kinds, in this order, then by task, then by column:
 *   errors:   "no-accountable"       a task without A
 *             "several-accountable"  a task with more than one A
 *             "no-responsible"       a task without R
 *   warnings: "several-responsible"  several R and none marked main
 *             "responsible-and-accountable"  one column (the same person) R and A on a task
 *                                    (also two columns resolving to the same person)
 *             "empty-column"         a column with no letter at all
 *             "unbound-role"         a role bound to nobody on the chart's account
 *                                    (only when roles were resolved for an account)
 */
typedef struct
{
  guint  r, a, s, c, i;     /* letters in the column */
} KsRaciLoad;

typedef struct
{
  GPtrArray  *findings;     /* of KsRaciFinding */
  guint       n_errors;
  guint       n_warnings;
  KsRaciLoad *load;         /* columns->len entries */
  guint       n_load;
} KsRaciCheck;

KsRaciCheck *ks_raci_check             (const KsRaciChart *chart);
void         ks_raci_check_free        (KsRaciCheck  *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsRaciCheck, ks_raci_check_free)

/* ---- storage ---- */

typedef struct
{
  gint64       id;
  char        *name;
  KsRaciScope  scope;
  gint64       account_id;
  char        *account_name;   /* NULL unless account scope */
  gboolean     arsci;
  guint        n_tasks;
} KsRaciChartInfo;

void         ks_raci_chart_info_free   (KsRaciChartInfo *info);
/* Of KsRaciChartInfo by name; @account_id > 0: only that account's charts;
 * 0: all; -1: only company and process charts. */
GPtrArray   *ks_raci_chart_list        (KsWorkspace  *workspace,
                                        gint64        account_id,
                                        GError      **error);
/* By name: exact, then ignoring case; 0 (with @error NOT_FOUND) if none. */
gint64       ks_raci_chart_find        (KsWorkspace  *workspace,
                                        const char   *name,
                                        GError      **error);
/* Loads a chart. Roles resolve against @for_account_id's team when > 0,
 * else against the chart's own account (account scope), else stay unresolved. */
KsRaciChart *ks_raci_chart_load        (KsWorkspace  *workspace,
                                        gint64        chart_id,
                                        gint64        for_account_id,
                                        GError      **error);

/* Edits: each one user action; names trimmed and non-empty; unknown ids refused. */
gint64       ks_raci_chart_create      (KsWorkspace  *workspace,
                                        const char   *name,
                                        KsRaciScope   scope,
                                        gint64        account_id,
                                        gboolean      arsci,
                                        GError      **error);
gboolean     ks_raci_chart_rename      (KsWorkspace  *workspace,
                                        gint64        chart_id,
                                        const char   *name,
                                        GError      **error);
gboolean     ks_raci_chart_set_arsci   (KsWorkspace  *workspace,
                                        gint64        chart_id,
                                        gboolean      arsci,
                                        GError      **error);   /* off: refused while an S is in it */
gboolean     ks_raci_chart_delete      (KsWorkspace  *workspace,
                                        gint64        chart_id,
                                        GError      **error);

/* @position: index among the chart's phases (tasks within their phase,
 * columns), -1 = last. Moving shifts the others. */
gint64       ks_raci_phase_add         (KsWorkspace  *workspace,
                                        gint64        chart_id,
                                        const char   *name,
                                        int           position,
                                        GError      **error);
gboolean     ks_raci_phase_rename      (KsWorkspace  *workspace,
                                        gint64        phase_id,
                                        const char   *name,
                                        GError      **error);
gboolean     ks_raci_phase_move        (KsWorkspace  *workspace,
                                        gint64        phase_id,
                                        int           position,
                                        GError      **error);
gboolean     ks_raci_phase_delete      (KsWorkspace  *workspace,
                                        gint64        phase_id,
                                        GError      **error);   /* with its tasks */
gint64       ks_raci_task_add          (KsWorkspace  *workspace,
                                        gint64        phase_id,
                                        const char   *name,
                                        int           position,
                                        GError      **error);
gboolean     ks_raci_task_rename       (KsWorkspace  *workspace,
                                        gint64        task_id,
                                        const char   *name,
                                        GError      **error);
/* Moves a task to @position in @phase_id (the same or another phase of the chart). */
gboolean     ks_raci_task_move         (KsWorkspace  *workspace,
                                        gint64        task_id,
                                        gint64        phase_id,
                                        int           position,
                                        GError      **error);
gboolean     ks_raci_task_delete       (KsWorkspace  *workspace,
                                        gint64        task_id,
                                        GError      **error);
/* A person's column (@person_id > 0, @role NULL) or a role's (@person_id 0). */
gint64       ks_raci_column_add        (KsWorkspace  *workspace,
                                        gint64        chart_id,
                                        gint64        person_id,
                                        const char   *role,
                                        int           position,
                                        GError      **error);
/* Renames a role's column ("Sales coordinator" → "Customer service lead");
 * a person's column is refused (it shows the person's name). */
gboolean     ks_raci_column_set_role   (KsWorkspace  *workspace,
                                        gint64        column_id,
                                        const char   *role,
                                        GError      **error);
gboolean     ks_raci_column_move       (KsWorkspace  *workspace,
                                        gint64        column_id,
                                        int           position,
                                        GError      **error);
gboolean     ks_raci_column_delete     (KsWorkspace  *workspace,
                                        gint64        column_id,
                                        GError      **error);
/* Sets (KS_RACI_EMPTY clears) one cell; @main only with R (marking one R
 * main unmarks the task's other). S refused unless the chart is ARSCI. */
gboolean     ks_raci_cell_set          (KsWorkspace  *workspace,
                                        gint64        task_id,
                                        gint64        column_id,
                                        KsRaciLetter  letter,
                                        gboolean      main,
                                        GError      **error);

/* ---- templates (PRODUCT.md §5, from the thesis) ---- */

typedef enum
{
  KS_RACI_TEMPLATE_QUOTATION,        /* quotation handling */
  KS_RACI_TEMPLATE_ORDER_DELIVERY,   /* order to delivery */
  KS_RACI_TEMPLATE_HANDOVER,         /* account handover */
} KsRaciTemplate;

#define KS_RACI_N_TEMPLATES 3

const char  *ks_raci_template_name     (KsRaciTemplate template_);   /* translated title */
/* Creates the template's chart for @account_id (account scope, named
 * "TEMPLATE — ACCOUNT", made unique with a number), its columns roles that
 * resolve through that account's team. One user action; returns the id. */
gint64       ks_raci_template_instantiate (KsWorkspace   *workspace,
                                           KsRaciTemplate template_,
                                           gint64         account_id,
                                           GError       **error);

/* ---- CSV: phase, task, person, letter[, main] ---- */

/* Reads a CSV (columns phase, task, person, letter, and optionally main
 * ("yes" marks the task's main R); one row per letter; a row with an empty
 * person and letter keeps a task without letters) into the chart named
 * @scope (created as a process chart when missing; when it exists, its
 * phases, tasks, columns and cells are replaced as a whole, in file order).
 * "person" names a person (exact, then ignoring case), else a role some
 * account team uses or the chart already has. Refused with FILE:LINE:COLUMN
 * errors in @report, nothing written: a missing column, an unknown letter
 * (S only in an ARSCI chart), an unknown person, two letters for one task
 * and person. One user action. */
gboolean     ks_raci_import_csv        (KsWorkspace     *workspace,
                                        const char      *path,
                                        const char      *scope,
                                        KsImportReport  *report,
                                        GError         **error);
/* The chart as that CSV: a header line, rows in the chart's order (tasks,
 * then columns), the main column only when a task has a main R; importing
 * it into the same chart changes nothing and exporting again gives the same
 * bytes. */
char        *ks_raci_export_csv        (const KsRaciChart *chart);
/* The chart a CSV file goes into when no name is given: its base name
 * without a ".csv" ending (any case), "kam.csv" → "kam". */
char        *ks_raci_csv_default_scope (const char        *path);

G_END_DECLS
