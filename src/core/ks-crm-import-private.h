/* ks-crm-import-private.h — the CRM import's job and tables, for its own files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For ks-crm-import.c (the job, products.csv, sales_teams.csv, accounts.csv,
 * the name lookups and ks_crm_import()) and ks-crm-import-pipeline.c
 * (sales_pipeline.csv: reading, matching, sorting and writing the
 * opportunities) only.
 */
#pragma once

#include "ks-crm-import.h"
#include "ks-workspace-private.h"

G_BEGIN_DECLS

typedef struct _Entity Entity;
struct _Entity
{
  gint64      id;
  const char *name;          /* in the table's string chunk */
  Entity     *parent;        /* parent account / manager, as stored */
  guint       defined_line;  /* the row of this import that defines it, 0 if none */
  gboolean    counted;
  gpointer    created_by;    /* the Ref that created it, counting its rows */
};

typedef struct
{
  GStringChunk *strings;
  GHashTable   *by_name;     /* name → Entity* (owns the entities) */
  GHashTable   *by_key;      /* match key → Entity*, the first name with that key */
  guint         n_entities;
  guint         imported;    /* distinct entities the files name */
  KsStmt *create;      /* INSERT of a bare row named ?1 */
} EntityTable;

typedef enum
{
  WHAT_PRODUCT,
  WHAT_ACCOUNT,
  WHAT_AGENT,
  WHAT_MANAGER,
  WHAT_PARENT,
} RefWhat;

/* The names written in one column of one file that did not match exactly. */
typedef struct
{
  RefWhat      what;
  EntityTable *table;
  GHashTable  *refs;    /* name as written → Ref* */
  GPtrArray   *order;   /* of names, by first appearance */
} RefColumn;

/* A stage name of the pipeline: where it was first read, how many rows
 * name it, the funnel stage it maps to (0 = unmapped). */
typedef struct
{
  const char *name;       /* in the job's string chunk */
  guint   line;
  guint   column;
  guint   count;
  gint64  stage_id;
  gboolean won;           /* the stage means won */
} StageSeen;

/* One opportunity of the pipeline, merged over the rows that name it. Fields
 * that no row gave stay "keep what is stored". */
typedef struct
{
  const char *ref;          /* in the job's string chunk */
  gint64      id;           /* in the workspace already, else 0 */
  gint64      account;      /* 0: keep */
  gint64      product;
  gint64      owner;
  StageSeen  *stage;        /* its stage name; NULL: keep */
  double      value;
  guint32     engage;       /* yyyymmdd, 0: keep */
  guint32     close;
  guint       line;         /* where this import read it first, 0 if not yet */
  guint       ref_length : 31;
  guint       have_value : 1;
} Opportunity;

typedef struct _ImportJob ImportJob;

typedef void (*RowFunc)    (ImportJob   *job,
                            KsCsvReader *reader);
typedef void (*FinishFunc) (ImportJob   *job,
                            KsCsvReader *reader);

typedef struct
{
  const char        *name;
  const char *const *columns;  /* [0] is the key column, the only one required */
  guint              n_columns;
  RowFunc            row;
  FinishFunc         finish;
} CrmFile;

struct _ImportJob
{
  KsWorkspace    *ws;
  KsImportReport *report;
  GError         *db_error;        /* the first database failure */
  gint            error_code;      /* KsImportError of the first error, -1 before one */
  const CrmFile  *spec;            /* of the file being read */

  EntityTable     accounts;
  EntityTable     people;
  EntityTable     products;

  RefColumn       pipeline_products;
  RefColumn       pipeline_accounts;
  RefColumn       pipeline_agents;
  RefColumn       managers;
  RefColumn       parents;

  GStringChunk   *strings;         /* opportunity ids, stages, link names */
  GHashTable     *opportunity_ids; /* opportunity id → index in opportunities + 1 */
  GArray         *opportunities;   /* of Opportunity: the workspace's, then new ones */
  guint           n_known;         /* how many of them were in the workspace */
  guint           n_opportunities; /* distinct ids read */
  GHashTable     *stages;          /* stage (in strings) → StageSeen */
  char           *today;
  gboolean        summary_done;    /* the funnel summary was written from the rows */           /* YYYY-MM-DD, the date of stage changes without a close date */
  GArray         *links;           /* of Link, for the file being read */
  guint           no_account;
  guint           no_product;
  guint           no_agent;
  guint           no_account_line;
  guint           no_product_line;
  guint           no_agent_line;

  KsStmt   *upsert_product;
  KsStmt   *upsert_person;
  KsStmt   *upsert_account;
  KsStmt   *insert_opportunity;
  KsStmt   *update_opportunity;
  KsStmt   *record_stage;
  KsStmt   *set_manager;
  KsStmt   *fill_manager;
  KsStmt   *set_parent;
};

/* A value that cannot be kept: the format takes the value and the column name. */
#define WARN_VALUE(r, column, value, format) \
  G_STMT_START { \
    g_autofree char *shown_ = ks_csv_shorten (value); \
    ks_csv_reader_cell_warning ((r), (column), (format), shown_, ks_csv_reader_column_name ((r), (column))); \
  } G_STMT_END

static inline void
bind_number (KsStmt *stmt,
             int           index,
             gboolean      have,
             double        value)
{
  if (have)
    ks_stmt_bind_double (stmt, index, value);
  else
    ks_stmt_bind_null (stmt, index);
}

/* ks-crm-import.c */
void      _ks_crm_import_db_failed       (ImportJob    *job,
                                          KsCsvReader  *r,
                                          const char   *action);
gboolean  _ks_crm_import_step            (ImportJob    *job,
                                          KsCsvReader  *r,
                                          KsStmt *stmt,
                                          const char   *action);
void      _ks_crm_import_database_error  (ImportJob    *job,
                                          GError       *error);
Entity   *_ks_crm_import_resolve         (ImportJob    *job,
                                          KsCsvReader  *r,
                                          RefColumn    *c,
                                          const char   *name,
                                          guint         line,
                                          gboolean      create);
void      _ks_crm_import_ref_column_warn (ImportJob    *job,
                                          RefColumn    *c,
                                          const char   *file);

/* ks-crm-import-pipeline.c: sales_pipeline.csv */
enum {
  OPP_ID, OPP_AGENT, OPP_PRODUCT, OPP_ACCOUNT, OPP_STAGE, OPP_ENGAGE, OPP_CLOSE, OPP_VALUE,
  OPP_N_COLUMNS
};
extern const char *const _ks_crm_import_pipeline_columns[OPP_N_COLUMNS];

gboolean  _ks_crm_import_load_opportunities (ImportJob    *job,
                                             GError      **error);
void      _ks_crm_import_read_pipeline      (ImportJob    *job,
                                             KsCsvReader  *r);
void      _ks_crm_import_finish_pipeline    (ImportJob    *job,
                                             KsCsvReader  *r);

G_END_DECLS
