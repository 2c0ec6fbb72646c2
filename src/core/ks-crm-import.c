/* ks-crm-import.c — import a CRM export (accounts, sales teams, products, pipeline CSVs)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each file is read by a KsCsvReader (ks-csv.c: UTF-8 checked first, libcsv
 * in strict mode, every cell with its line and column). Everything happens inside one
 * transaction: any error rolls the whole import back. Accounts, people and
 * products are written as they are read; opportunities are checked and
 * matched as they are read and written at the end of their file, sorted by
 * id (see write_opportunities() in ks-crm-import-pipeline.c).
 *
 * Rows are keyed by name (accounts, people, products: upserts) or by
 * opportunity id, and a stored row is only rewritten where a value really
 * differs, so re-importing the same files changes nothing. A column the file does not have, or an empty cell,
 * means "no information": it leaves the stored value alone (a new row gets the
 * column's default).
 *
 * Names that refer to other rows (product, account, sales agent, manager,
 * parent company) are resolved against every name in the workspace and in the
 * files: exactly first, then through ks_import_match_key(). Lookups go through
 * hash tables filled once, so the cost per row is a few hash probes and one
 * prepared statement.
 *
 * This file holds the job (its issues, statements, page cache and foreign
 * key check), the entity tables and name references, products.csv,
 * sales_teams.csv, accounts.csv and ks_crm_import(); sales_pipeline.csv is
 * ks-crm-import-pipeline.c. They share ks-crm-import-private.h.
 */
#define G_LOG_DOMAIN "ks-crm-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ks-crm-import-private.h"
#include "ks-funnel-private.h"
#include "ks-search-private.h"

typedef enum
{
  REF_KEY,         /* matched through the match key */
  REF_CREATED,     /* matched nothing, created as given */
  REF_UNRESOLVED,  /* matched nothing, left empty */
} RefKind;

typedef struct
{
  Entity  *entity;
  RefKind  kind;
  guint    rows;
  guint    first_line;
} Ref;

/* A parent account or a manager, linked once all rows of the file are in. */
typedef struct
{
  Entity     *child;
  const char *name;     /* in the job's string chunk */
  const char *office;   /* manager links: the regional office, or NULL */
  guint       line;
} Link;

enum { PRODUCT_NAME, PRODUCT_SERIES, PRODUCT_PRICE };
static const char *const product_columns[] = { "product", "series", "sales_price" };

enum { TEAM_AGENT, TEAM_MANAGER, TEAM_OFFICE };
static const char *const team_columns[] = { "sales_agent", "manager", "regional_office" };

enum {
  ACCOUNT_NAME, ACCOUNT_SECTOR, ACCOUNT_YEAR, ACCOUNT_REVENUE, ACCOUNT_EMPLOYEES,
  ACCOUNT_OFFICE, ACCOUNT_PARENT
};
static const char *const account_columns[] = {
  "account", "sector", "year_established", "revenue", "employees", "office_location",
  "subsidiary_of",
};

/* Fixed SQL. ?N NULL means "no information": keep what is stored. */
#define SQL_UPSERT_PRODUCT \
  "INSERT INTO products (name, series, price) VALUES (?1, coalesce (?2, ''), ?3) " \
  "ON CONFLICT (name) DO UPDATE SET series = coalesce (?2, products.series)," \
  "  price = coalesce (?3, products.price) " \
  "WHERE products.series IS DISTINCT FROM coalesce (?2, products.series)" \
  "  OR products.price IS DISTINCT FROM coalesce (?3, products.price)"

#define SQL_UPSERT_PERSON \
  "INSERT INTO people (name, title, region) VALUES (?1, ?2, coalesce (?3, '')) " \
  "ON CONFLICT (name) DO UPDATE SET " \
  "  title = CASE WHEN people.title = '' THEN ?2 ELSE people.title END," \
  "  region = coalesce (?3, people.region) " \
  "WHERE (people.title = '' AND ?2 <> '') OR people.region IS DISTINCT FROM coalesce (?3, people.region)"

#define SQL_UPSERT_ACCOUNT \
  "INSERT INTO accounts (name, sector, year_established, revenue, employees, country) " \
  "VALUES (?1, coalesce (?2, ''), ?3, ?4, ?5, coalesce (?6, '')) " \
  "ON CONFLICT (name) DO UPDATE SET " \
  "  sector = coalesce (?2, accounts.sector), year_established = coalesce (?3, accounts.year_established)," \
  "  revenue = coalesce (?4, accounts.revenue), employees = coalesce (?5, accounts.employees)," \
  "  country = coalesce (?6, accounts.country) " \
  "WHERE accounts.sector IS DISTINCT FROM coalesce (?2, accounts.sector)" \
  "  OR accounts.year_established IS DISTINCT FROM coalesce (?3, accounts.year_established)" \
  "  OR accounts.revenue IS DISTINCT FROM coalesce (?4, accounts.revenue)" \
  "  OR accounts.employees IS DISTINCT FROM coalesce (?5, accounts.employees)" \
  "  OR accounts.country IS DISTINCT FROM coalesce (?6, accounts.country)"

/* Opportunities are the bulk of an export. An upsert with foreign keys on makes
 * SQLite keep a statement journal per row (millions of temp-file writes at
 * ×100); a plain INSERT needs none. So ids already in the workspace are loaded
 * first: new ones are inserted, known ones updated only where they differ. */
#define SQL_INSERT_OPPORTUNITY \
  "INSERT INTO opportunities (ref, account_id, product_id, owner_id, stage, value," \
  "  engage_date, close_date, stage_id) " \
  "VALUES (?1, ?2, ?3, ?4, coalesce (?5, ''), ?6, ?7, ?8, ?9)"

/* A known opportunity whose stage name changed moves to the stage the new
 * name maps to (?9) on ?10, the date SQL_RECORD_STAGE records. */
#define SQL_UPDATE_OPPORTUNITY \
  "UPDATE opportunities SET version = version + 1, " \
  "  account_id = coalesce (?2, account_id), product_id = coalesce (?3, product_id)," \
  "  owner_id = coalesce (?4, owner_id)," \
  "  stage_id = CASE WHEN ?5 IS NOT NULL AND stage IS DISTINCT FROM ?5 THEN ?9 ELSE stage_id END," \
  "  stage_date = CASE WHEN ?5 IS NOT NULL AND stage IS DISTINCT FROM ?5 THEN ?10 ELSE stage_date END," \
  "  stage = coalesce (?5, stage)," \
  "  value = coalesce (?6, value), engage_date = coalesce (?7, engage_date)," \
  "  close_date = coalesce (?8, close_date) " \
  "WHERE id = ?1 AND (account_id IS DISTINCT FROM coalesce (?2, account_id)" \
  "  OR product_id IS DISTINCT FROM coalesce (?3, product_id)" \
  "  OR owner_id IS DISTINCT FROM coalesce (?4, owner_id) OR stage IS DISTINCT FROM coalesce (?5, stage)" \
  "  OR value IS DISTINCT FROM coalesce (?6, value) OR engage_date IS DISTINCT FROM coalesce (?7, engage_date)" \
  "  OR close_date IS DISTINCT FROM coalesce (?8, close_date))"

/* Before that update: the change of stage, into the history. */
#define SQL_RECORD_STAGE \
  "INSERT INTO stage_history (opportunity_id, from_stage_id, to_stage_id, changed)" \
  " SELECT id, stage_id, ?2, ?3 FROM opportunities" \
  "  WHERE id = ?1 AND stage IS DISTINCT FROM ?4 AND stage_id IS DISTINCT FROM ?2"

#define SQL_SET_MANAGER \
  "UPDATE people SET version = version + 1, manager_id = ?2 WHERE id = ?1 AND manager_id IS DISTINCT FROM ?2"

/* Managers get a title and a region only where they have none. */
#define SQL_FILL_MANAGER \
  "UPDATE people SET version = version + 1," \
  "  title = CASE WHEN title = '' THEN ?2 ELSE title END," \
  "  region = CASE WHEN region = '' THEN ?3 ELSE region END " \
  "WHERE id = ?1 AND ((title = '' AND ?2 <> '') OR (region = '' AND ?3 <> ''))"

#define SQL_SET_PARENT \
  "UPDATE accounts SET version = version + 1, parent_id = ?2 WHERE id = ?1 AND parent_id IS DISTINCT FROM ?2"

static void read_products  (ImportJob *job, KsCsvReader *reader);
static void read_team      (ImportJob *job, KsCsvReader *reader);
static void finish_team    (ImportJob *job, KsCsvReader *reader);
static void read_account   (ImportJob *job, KsCsvReader *reader);
static void finish_accounts (ImportJob *job, KsCsvReader *reader);

/* In dependency order: what a later file refers to is in by then. */
static const CrmFile crm_files[] = {
  { "products.csv", product_columns, G_N_ELEMENTS (product_columns), read_products, NULL },
  { "sales_teams.csv", team_columns, G_N_ELEMENTS (team_columns), read_team, finish_team },
  { "accounts.csv", account_columns, G_N_ELEMENTS (account_columns), read_account, finish_accounts },
  { "sales_pipeline.csv", _ks_crm_import_pipeline_columns,
    G_N_ELEMENTS (_ks_crm_import_pipeline_columns), _ks_crm_import_read_pipeline,
    _ks_crm_import_finish_pipeline },
};

/* ---- issues ---------------------------------------------------------------- */

/* An error of the import. The first one's code becomes the GError's; errors
 * the reader finds itself (syntax, encoding) are noted by reader_note(). */
static void
job_error (ImportJob     *job,
           KsCsvReader   *r,
           KsImportError  code,
           guint          line,
           guint          column,
           const char    *message)
{
  if (job->report->errors->len == 0)
    job->error_code = code;
  if (r)
    ks_csv_reader_error (r, code, line, column, "%s", message);
  else
    ks_import_report_add (job->report, TRUE, "", line, column, "%s", message);
}

/* Takes the code of the reader's first error when it was the import's first. */
static void
reader_note (ImportJob   *job,
             KsCsvReader *r)
{
  if (r && job->error_code < 0 && ks_csv_reader_get_error_code (r) >= 0)
    job->error_code = ks_csv_reader_get_error_code (r);
}

void
_ks_crm_import_db_failed (ImportJob   *job,
                          KsCsvReader *r,
                          const char  *action)
{
  g_autoptr(GError) error = NULL;

  ks_workspace_set_sql_error (job->ws, &error, _(action));
  if (!job->db_error)
    job->db_error = g_error_copy (error);
  if (r)
    {
      job_error (job, r, KS_IMPORT_ERROR_VALUE, ks_csv_reader_get_row_line (r), 0, error->message);
      ks_csv_reader_stop (r);
    }
  else
    {
      if (job->report->errors->len == 0)
        job->error_code = KS_IMPORT_ERROR_VALUE;
      ks_import_report_add (job->report, TRUE, "", 0, 0, "%s", error->message);
    }
}

/* action is untranslated (N_), translated only when the step fails: the
 * import steps hundreds of thousands of rows. */
gboolean
_ks_crm_import_step (ImportJob    *job,
                     KsCsvReader  *r,
                     KsStmt *stmt,
                     const char   *action)
{
  int rc = ks_stmt_step (stmt);

  if (rc != KS_STEP_DONE && rc != KS_STEP_ROW)
    {
      _ks_crm_import_db_failed (job, r, action);
      ks_stmt_reset (stmt);
      return FALSE;
    }
  ks_stmt_reset (stmt);
  return TRUE;
}

/* A database failure outside any row: reported, and the import refused. */
void
_ks_crm_import_database_error (ImportJob *job,
                               GError    *error)
{
  if (!job->db_error)
    job->db_error = g_error_copy (error);
  if (job->report->errors->len == 0)
    job->error_code = KS_IMPORT_ERROR_VALUE;
  ks_import_report_add (job->report, TRUE, "", 0, 0, "%s", error->message);
}

/* ---- entity tables --------------------------------------------------------- */

static void
entity_table_init (EntityTable *t)
{
  t->strings = g_string_chunk_new (4096);
  t->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  t->by_key = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
entity_table_clear (EntityTable *t)
{
  g_clear_pointer (&t->by_key, g_hash_table_unref);
  g_clear_pointer (&t->by_name, g_hash_table_unref);
  g_clear_pointer (&t->strings, g_string_chunk_free);
}

static Entity *
entity_table_add (EntityTable *t,
                  const char  *name,
                  gint64       id)
{
  Entity *e = g_new0 (Entity, 1);
  g_autofree char *key = ks_import_match_key (name);

  e->id = id;
  e->name = g_string_chunk_insert (t->strings, name);
  g_hash_table_insert (t->by_name, (gpointer) e->name, e);
  if (*key && !g_hash_table_contains (t->by_key, key))
    g_hash_table_insert (t->by_key, g_string_chunk_insert (t->strings, key), e);
  t->n_entities++;
  return e;
}

static void
entity_count (EntityTable *t,
              Entity      *e)
{
  if (!e->counted)
    {
      e->counted = TRUE;
      t->imported++;
    }
}

/* Loads every id, name and parent (parent_sql may be NULL) of a table. */
static gboolean
entity_table_load (ImportJob   *job,
                   EntityTable *t,
                   const char  *sql,
                   GError     **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) parents = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) children = g_ptr_array_new ();
  KsStmt *stmt = ks_workspace_prepare (job->ws, sql, error);
  int rc;

  if (!stmt)
    return FALSE;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      Entity *e = entity_table_add (t, ks_column_text (stmt, 1), ks_stmt_column_int64 (stmt, 0));

      g_hash_table_insert (by_id, &e->id, e);
      if (ks_stmt_column_count (stmt) > 2 && !ks_stmt_column_is_null (stmt, 2))
        {
          gint64 parent = ks_stmt_column_int64 (stmt, 2);
          g_ptr_array_add (children, e);
          g_array_append_val (parents, parent);
        }
    }
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (job->ws, error, _("read the workspace"));
      ks_stmt_reset (stmt);
      return FALSE;
    }
  ks_stmt_reset (stmt);
  for (guint i = 0; i < children->len; i++)
    {
      Entity *child = g_ptr_array_index (children, i);
      child->parent = g_hash_table_lookup (by_id, &g_array_index (parents, gint64, i));
    }
  return TRUE;
}

/* Inserts a bare row for a name that matched nothing. */
static Entity *
entity_create (ImportJob   *job,
               KsCsvReader   *r,
               EntityTable *t,
               const char  *name,
               const char  *title)
{
  ks_stmt_reset (t->create);
  ks_stmt_bind_text_static (t->create, 1, name, -1);
  if (title)
    {
      ks_stmt_bind_text_static (t->create, 2, title, -1);
      ks_stmt_bind_text_static (t->create, 3, "", 0);
    }
  if (!_ks_crm_import_step (job, r, t->create, N_("add a row")))
    return NULL;
  return entity_table_add (t, name, ks_workspace_last_insert_id (job->ws));
}

/* Defines (or redefines) an entity from the key column of its own file. */
static Entity *
entity_define (ImportJob   *job,
               KsCsvReader   *r,
               EntityTable *t,
               const char  *name,
               const char  *what)
{
  Entity *e = g_hash_table_lookup (t->by_name, name);

  if (!e)
    e = entity_table_add (t, name, 0);
  else if (e->defined_line && ks_csv_reader_warning_allowed (r))
    {
      g_autofree char *shown = ks_csv_shorten (name);
      ks_import_report_add (job->report, FALSE, ks_csv_reader_get_name (r), ks_csv_reader_get_row_line (r), 1,
                            /* Translators: the first %s is a column name, e.g. "account" */
                            _("%s “%s” appears again (first in line %u); the values of this row are used"),
                            what, shown, e->defined_line);
    }
  e->defined_line = ks_csv_reader_get_row_line (r);
  entity_count (t, e);
  return e;
}

/* ---- name references ------------------------------------------------------- */

static void
ref_column_init (RefColumn   *c,
                 RefWhat      what,
                 EntityTable *table)
{
  c->what = what;
  c->table = table;
  c->refs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  c->order = g_ptr_array_new ();
}

static void
ref_column_clear (RefColumn *c)
{
  g_clear_pointer (&c->refs, g_hash_table_unref);
  g_clear_pointer (&c->order, g_ptr_array_unref);
}

/* The entity a name refers to: exact, then by match key, else created (or left
 * NULL when @create is FALSE). Non-exact matches are counted for warnings. */
Entity *
_ks_crm_import_resolve (ImportJob   *job,
                        KsCsvReader *r,
                        RefColumn   *c,
                        const char  *name,
                        guint        line,
                        gboolean     create)
{
  EntityTable *t = c->table;
  Entity *e = g_hash_table_lookup (t->by_name, name);
  Ref *ref;

  if (e)
    {
      entity_count (t, e);
      /* Created by this column: found exactly now, but its rows still count. */
      if (e->created_by && g_hash_table_lookup (c->refs, name) == e->created_by)
        ((Ref *) e->created_by)->rows++;
      return e;
    }

  ref = g_hash_table_lookup (c->refs, name);
  if (!ref)
    {
      g_autofree char *key = ks_import_match_key (name);
      const char *stored;

      ref = g_new0 (Ref, 1);
      ref->first_line = line;
      ref->entity = *key ? g_hash_table_lookup (t->by_key, key) : NULL;
      if (ref->entity)
        ref->kind = REF_KEY;
      else if (create)
        {
          ref->kind = REF_CREATED;
          ref->entity = entity_create (job, r, t, name,
                                       c->what == WHAT_AGENT ? _("Sales agent") :
                                       c->what == WHAT_MANAGER ? _("Sales manager") : NULL);
          if (!ref->entity)
            {
              g_free (ref);
              return NULL;
            }
          ref->entity->created_by = ref;
        }
      else
        ref->kind = REF_UNRESOLVED;
      stored = ref->kind == REF_CREATED ? ref->entity->name : g_string_chunk_insert (t->strings, name);
      g_hash_table_insert (c->refs, (gpointer) stored, ref);
      g_ptr_array_add (c->order, (gpointer) stored);
    }
  ref->rows++;
  if (ref->entity)
    entity_count (t, ref->entity);
  return ref->entity;
}

static char *
ref_message (RefWhat     what,
             RefKind     kind,
             const char *name,
             const char *target,
             guint       rows)
{
  g_autofree char *n = ks_csv_shorten (name);
  g_autofree char *t = target ? ks_csv_shorten (target) : NULL;
  g_autofree char *rows_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", rows), rows);

  switch (kind)
    {
    case REF_KEY:
      switch (what)
        {
        case WHAT_PRODUCT:
          return g_strdup_printf (_("product “%s” matched to “%s” (%s)"), n, t, rows_text);
        case WHAT_ACCOUNT:
          return g_strdup_printf (_("account “%s” matched to “%s” (%s)"), n, t, rows_text);
        case WHAT_AGENT:
          return g_strdup_printf (_("sales agent “%s” matched to “%s” (%s)"), n, t, rows_text);
        case WHAT_MANAGER:
          return g_strdup_printf (_("manager “%s” matched to “%s” (%s)"), n, t, rows_text);
        case WHAT_PARENT:
          return g_strdup_printf (_("parent company “%s” matched to “%s” (%s)"), n, t, rows_text);
        default:
          break;
        }
      break;
    case REF_CREATED:
      switch (what)
        {
        case WHAT_PRODUCT:
          return g_strdup_printf (_("product “%s” is not in products.csv or the workspace; "
                                    "imported as a new product (%s)"), n, rows_text);
        case WHAT_ACCOUNT:
          return g_strdup_printf (_("account “%s” is not in accounts.csv or the workspace; "
                                    "imported as a new account (%s)"), n, rows_text);
        case WHAT_AGENT:
          return g_strdup_printf (_("sales agent “%s” is not in sales_teams.csv or the workspace; "
                                    "imported as a new person (%s)"), n, rows_text);
        case WHAT_MANAGER:
        case WHAT_PARENT:
        default:
          break;
        }
      break;
    case REF_UNRESOLVED:
      if (what == WHAT_PARENT)
        return g_strdup_printf (_("parent company “%s” is not in accounts.csv or the workspace; "
                                  "the parent was left empty (%s)"), n, rows_text);
      break;
    default:
      break;
    }
  return NULL;
}

void
_ks_crm_import_ref_column_warn (ImportJob  *job,
                                RefColumn  *c,
                                const char *file)
{
  for (guint i = 0; i < c->order->len; i++)
    {
      const char *name = g_ptr_array_index (c->order, i);
      Ref *ref = g_hash_table_lookup (c->refs, name);
      g_autofree char *message = NULL;

      /* Managers are defined by their column: creating them is expected. */
      if (ref->kind == REF_CREATED && c->what == WHAT_MANAGER)
        continue;
      message = ref_message (c->what, ref->kind, name, ref->entity ? ref->entity->name : NULL,
                             ref->rows);
      if (message)
        ks_import_report_add (job->report, FALSE, file, ref->first_line, 0, "%s", message);
    }
}

/* Would linking child → parent close a loop? Walks the stored parents. */
static gboolean
makes_cycle (EntityTable *t,
             Entity      *child,
             Entity      *parent)
{
  guint steps = 0;

  for (Entity *e = parent; e; e = e->parent)
    if (e == child || ++steps > t->n_entities)
      return TRUE;
  return FALSE;
}

static void
bind_value (KsStmt *stmt,
            int           index,
            const char   *text,
            gsize         length)
{
  if (text)
    ks_stmt_bind_text_static (stmt, index, text, length);
  else
    ks_stmt_bind_null (stmt, index);
}

/* ---- products.csv ----------------------------------------------------------- */

static void
read_products (ImportJob *job,
               KsCsvReader *r)
{
  KsStmt *stmt = job->upsert_product;
  const char *name = ks_csv_reader_required (r, 0);
  const char *series, *price;
  gsize series_len = 0;
  double value = 0;
  gboolean have_price = FALSE;
  Entity *e;

  if (!name)
    return;
  series = ks_csv_reader_value (r, PRODUCT_SERIES, &series_len);
  if ((price = ks_csv_reader_value (r, PRODUCT_PRICE, NULL)))
    {
      if (!ks_csv_parse_decimal (price, &value))
        WARN_VALUE (r, PRODUCT_PRICE, price, _("“%s” in column %s is not a number; the field was left empty"));
      else if (value < 0)
        WARN_VALUE (r, PRODUCT_PRICE, price, _("“%s” in column %s is negative; the field was left empty"));
      else
        have_price = TRUE;
    }

  e = entity_define (job, r, &job->products, name, ks_csv_reader_column_name (r, 0));
  ks_stmt_bind_text_static (stmt, 1, name, -1);
  bind_value (stmt, 2, series, series_len);
  bind_number (stmt, 3, have_price, value);
  if (_ks_crm_import_step (job, r, stmt, N_("save a product")) && e->id == 0)
    e->id = ks_workspace_last_insert_id (job->ws);
}

/* ---- sales_teams.csv -------------------------------------------------------- */

static void
read_team (ImportJob *job,
           KsCsvReader *r)
{
  KsStmt *stmt = job->upsert_person;
  const char *name = ks_csv_reader_required (r, 0);
  const char *manager, *office;
  gsize office_len = 0;
  Entity *e;

  if (!name)
    return;
  office = ks_csv_reader_value (r, TEAM_OFFICE, &office_len);
  manager = ks_csv_reader_value (r, TEAM_MANAGER, NULL);

  e = entity_define (job, r, &job->people, name, ks_csv_reader_column_name (r, 0));
  ks_stmt_bind_text_static (stmt, 1, name, -1);
  ks_stmt_bind_text_static (stmt, 2, _("Sales agent"), -1);
  bind_value (stmt, 3, office, office_len);
  if (!_ks_crm_import_step (job, r, stmt, N_("save a person")))
    return;
  if (e->id == 0)
    e->id = ks_workspace_last_insert_id (job->ws);

  if (!ks_csv_is_blank (manager))
    {
      Link link = { e, g_string_chunk_insert (job->strings, manager),
                    office ? g_string_chunk_insert (job->strings, office) : NULL, ks_csv_reader_get_row_line (r) };
      g_array_append_val (job->links, link);
    }
}

/* Managers are resolved once every agent of the file is known, so a manager
 * who is also listed as an agent is the same person whatever the row order. */
static void
finish_team (ImportJob *job,
             KsCsvReader *r)
{
  for (guint i = 0; i < job->links->len && !ks_csv_reader_stopped (r); i++)
    {
      Link *link = &g_array_index (job->links, Link, i);
      Entity *manager = _ks_crm_import_resolve (job, r, &job->managers, link->name, link->line, TRUE);

      if (!manager)
        break;
      ks_stmt_bind_int64 (job->fill_manager, 1, manager->id);
      ks_stmt_bind_text_static (job->fill_manager, 2, _("Sales manager"), -1);
      ks_stmt_bind_text_static (job->fill_manager, 3, link->office ? link->office : "", -1);
      if (!_ks_crm_import_step (job, r, job->fill_manager, N_("save a person")))
        break;

      if (makes_cycle (&job->people, link->child, manager))
        {
          g_autofree char *who = ks_csv_shorten (link->child->name);
          g_autofree char *boss = ks_csv_shorten (manager->name);
          ks_import_report_add (job->report, FALSE, ks_csv_reader_get_name (r), link->line, 0,
                                _("“%s” cannot report to “%s”: that would make a loop; "
                                  "the manager was left empty"), who, boss);
          continue;
        }
      link->child->parent = manager;
      ks_stmt_bind_int64 (job->set_manager, 1, link->child->id);
      ks_stmt_bind_int64 (job->set_manager, 2, manager->id);
      if (!_ks_crm_import_step (job, r, job->set_manager, N_("save a person")))
        break;
    }
  g_array_set_size (job->links, 0);
  _ks_crm_import_ref_column_warn (job, &job->managers, ks_csv_reader_get_name (r));
}

/* ---- accounts.csv ----------------------------------------------------------- */

static void
read_account (ImportJob *job,
              KsCsvReader *r)
{
  KsStmt *stmt = job->upsert_account;
  const char *name = ks_csv_reader_required (r, 0);
  const char *sector, *year, *revenue, *employees, *office, *parent;
  gsize sector_len = 0, office_len = 0;
  gint64 year_value = 0, employees_value = 0;
  double revenue_value = 0;
  gboolean have_year = FALSE, have_revenue = FALSE, have_employees = FALSE;
  Entity *e;

  if (!name)
    return;
  sector = ks_csv_reader_value (r, ACCOUNT_SECTOR, &sector_len);
  office = ks_csv_reader_value (r, ACCOUNT_OFFICE, &office_len);
  parent = ks_csv_reader_value (r, ACCOUNT_PARENT, NULL);

  if ((year = ks_csv_reader_value (r, ACCOUNT_YEAR, NULL)))
    {
      if (ks_csv_parse_integer (year, 1, 9999, &year_value))
        have_year = TRUE;
      else
        WARN_VALUE (r, ACCOUNT_YEAR, year, _("“%s” in column %s is not a year; the field was left empty"));
    }
  if ((revenue = ks_csv_reader_value (r, ACCOUNT_REVENUE, NULL)))
    {
      /* The export states revenue in millions; the workspace keeps currency
       * units, rounded to cents. */
      if (!ks_csv_parse_decimal (revenue, &revenue_value))
        WARN_VALUE (r, ACCOUNT_REVENUE, revenue, _("“%s” in column %s is not a number; the field was left empty"));
      else if (revenue_value < 0)
        WARN_VALUE (r, ACCOUNT_REVENUE, revenue, _("“%s” in column %s is negative; the field was left empty"));
      else if (!isfinite (revenue_value * 1e8))
        WARN_VALUE (r, ACCOUNT_REVENUE, revenue, _("“%s” in column %s is too large; the field was left empty"));
      else
        {
          revenue_value = round (revenue_value * 1e8) / 100;
          have_revenue = TRUE;
        }
    }
  if ((employees = ks_csv_reader_value (r, ACCOUNT_EMPLOYEES, NULL)))
    {
      if (ks_csv_parse_integer (employees, 0, G_MAXINT64, &employees_value))
        have_employees = TRUE;
      else
        WARN_VALUE (r, ACCOUNT_EMPLOYEES, employees,
                    _("“%s” in column %s is not a whole number of at least 0; the field was left empty"));
    }

  e = entity_define (job, r, &job->accounts, name, ks_csv_reader_column_name (r, 0));
  ks_stmt_bind_text_static (stmt, 1, name, -1);
  bind_value (stmt, 2, sector, sector_len);
  if (have_year)
    ks_stmt_bind_int64 (stmt, 3, year_value);
  else
    ks_stmt_bind_null (stmt, 3);
  bind_number (stmt, 4, have_revenue, revenue_value);
  if (have_employees)
    ks_stmt_bind_int64 (stmt, 5, employees_value);
  else
    ks_stmt_bind_null (stmt, 5);
  bind_value (stmt, 6, office, office_len);
  if (!_ks_crm_import_step (job, r, stmt, N_("save an account")))
    return;
  if (e->id == 0)
    e->id = ks_workspace_last_insert_id (job->ws);

  if (!ks_csv_is_blank (parent))
    {
      Link link = { e, g_string_chunk_insert (job->strings, parent), NULL, ks_csv_reader_get_row_line (r) };
      g_array_append_val (job->links, link);
    }
}

/* Parents are linked after all accounts are in: a subsidiary may come first. */
static void
finish_accounts (ImportJob *job,
                 KsCsvReader *r)
{
  for (guint i = 0; i < job->links->len && !ks_csv_reader_stopped (r); i++)
    {
      Link *link = &g_array_index (job->links, Link, i);
      Entity *parent = _ks_crm_import_resolve (job, r, &job->parents, link->name, link->line, FALSE);

      if (!parent)
        continue;
      if (makes_cycle (&job->accounts, link->child, parent))
        {
          g_autofree char *child = ks_csv_shorten (link->child->name);
          g_autofree char *shown = ks_csv_shorten (parent->name);
          ks_import_report_add (job->report, FALSE, ks_csv_reader_get_name (r), link->line, 0,
                                _("“%s” cannot be a subsidiary of “%s”: that would make a loop; "
                                  "the parent was left empty"), child, shown);
          continue;
        }
      link->child->parent = parent;
      ks_stmt_bind_int64 (job->set_parent, 1, link->child->id);
      ks_stmt_bind_int64 (job->set_parent, 2, parent->id);
      if (!_ks_crm_import_step (job, r, job->set_parent, N_("save an account")))
        break;
    }
  g_array_set_size (job->links, 0);
  _ks_crm_import_ref_column_warn (job, &job->parents, ks_csv_reader_get_name (r));
}

/* ---- the job ---------------------------------------------------------------- */

static void
job_init (ImportJob      *job,
          KsWorkspace    *ws,
          KsImportReport *report)
{
  job->ws = ws;
  job->report = report;
  job->error_code = -1;
  entity_table_init (&job->accounts);
  entity_table_init (&job->people);
  entity_table_init (&job->products);
  ref_column_init (&job->pipeline_products, WHAT_PRODUCT, &job->products);
  ref_column_init (&job->pipeline_accounts, WHAT_ACCOUNT, &job->accounts);
  ref_column_init (&job->pipeline_agents, WHAT_AGENT, &job->people);
  ref_column_init (&job->managers, WHAT_MANAGER, &job->people);
  ref_column_init (&job->parents, WHAT_PARENT, &job->accounts);
  job->strings = g_string_chunk_new (16 * 1024);
  job->opportunity_ids = g_hash_table_new (g_str_hash, g_str_equal);
  job->opportunities = g_array_new (FALSE, FALSE, sizeof (Opportunity));
  job->stages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  job->today = ks_funnel_today ();
  job->links = g_array_new (FALSE, FALSE, sizeof (Link));
}

static void
job_clear (ImportJob *job)
{
  entity_table_clear (&job->accounts);
  entity_table_clear (&job->people);
  entity_table_clear (&job->products);
  ref_column_clear (&job->pipeline_products);
  ref_column_clear (&job->pipeline_accounts);
  ref_column_clear (&job->pipeline_agents);
  ref_column_clear (&job->managers);
  ref_column_clear (&job->parents);
  g_clear_pointer (&job->opportunity_ids, g_hash_table_unref);
  g_clear_pointer (&job->opportunities, g_array_unref);
  g_clear_pointer (&job->stages, g_hash_table_unref);
  g_clear_pointer (&job->today, g_free);
  g_clear_pointer (&job->strings, g_string_chunk_free);
  g_clear_pointer (&job->links, g_array_unref);
  g_clear_error (&job->db_error);
}

static gboolean
job_prepare (ImportJob  *job,
             GError    **error)
{
  struct { KsStmt **stmt; const char *sql; } statements[] = {
    { &job->upsert_product, SQL_UPSERT_PRODUCT },
    { &job->upsert_person, SQL_UPSERT_PERSON },
    { &job->upsert_account, SQL_UPSERT_ACCOUNT },
    { &job->insert_opportunity, SQL_INSERT_OPPORTUNITY },
    { &job->update_opportunity, SQL_UPDATE_OPPORTUNITY },
    { &job->record_stage, SQL_RECORD_STAGE },
    { &job->set_manager, SQL_SET_MANAGER },
    { &job->fill_manager, SQL_FILL_MANAGER },
    { &job->set_parent, SQL_SET_PARENT },
    { &job->accounts.create, "INSERT INTO accounts (name) VALUES (?1)" },
    { &job->products.create, "INSERT INTO products (name) VALUES (?1)" },
    { &job->people.create, "INSERT INTO people (name, title, region) VALUES (?1, ?2, ?3)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    if (!(*statements[i].stmt = ks_workspace_prepare (job->ws, statements[i].sql, error)))
      return FALSE;

  return entity_table_load (job, &job->accounts, "SELECT id, name, parent_id FROM accounts", error) &&
         entity_table_load (job, &job->people, "SELECT id, name, manager_id FROM people", error) &&
         entity_table_load (job, &job->products, "SELECT id, name FROM products", error);
}

static void
fail_with_report (ImportJob  *job,
                  const char *dir,
                  GError    **error)
{
  ks_import_report_set_error (job->report, job->error_code >= 0 ? job->error_code : KS_IMPORT_ERROR_VALUE,
                              dir, error);
}

/* Opens DIR/spec->name; NULL when it is not there. */
static KsCsvReader *
reader_open (ImportJob     *job,
             const char    *dir,
             const CrmFile *spec)
{
  g_autofree char *path = g_build_filename (dir, spec->name, NULL);
  KsCsvReader *r = ks_csv_reader_open (path, spec->name, spec->columns, spec->n_columns, 1, job->report);

  reader_note (job, r);
  return r;
}

static void
on_row (KsCsvReader *r,
        gpointer     data)
{
  ImportJob *job = data;

  job->spec->row (job, r);
}

/* SQLite's default page cache (2 MB) is far smaller than a large export: the
 * import would spill pages to the WAL before the commit and sort the index
 * entries of the rebuilt indexes through temporary files. During an import
 * the cache may grow to 256 MB (pages are only allocated when used); after
 * it, the default comes back and the memory is freed. The workspace keeps
 * SQLite's default, so that is what is restored; a connection tuned to
 * another size is left alone. */
#define SQL_CACHE_SIZE "PRAGMA cache_size"
#define SQL_CACHE_DEFAULT "PRAGMA cache_size = -2000"
#define SQL_CACHE_IMPORT "PRAGMA cache_size = -262144"
#define CACHE_DEFAULT_KIB (-2000)

static gboolean
import_cache_enlarge (KsWorkspace *ws)
{
  KsStmt *stmt;
  gboolean is_default;

  /* A server keeps its own cache. */
  if (ks_workspace_on_server (ws))
    return FALSE;
  stmt = ks_workspace_prepare (ws, SQL_CACHE_SIZE, NULL);
  if (!stmt)
    return FALSE;
  is_default = ks_stmt_step (stmt) == KS_STEP_ROW && ks_stmt_column_int64 (stmt, 0) == CACHE_DEFAULT_KIB;
  ks_stmt_reset (stmt);
  return is_default && ks_workspace_exec (ws, SQL_CACHE_IMPORT, NULL);
}

/* SQLite checks a foreign key of an inserted row by opening the parent
 * table, seeking and closing it again, three times per opportunity: half of
 * the INSERT's time. An import that is its own transaction turns that off
 * (it can only be turned off outside a transaction) and checks before the
 * commit instead, so nothing pointing nowhere is ever committed; inside a
 * caller's transaction the row-by-row checks stay. */
static gboolean
foreign_keys_pause (KsWorkspace *ws)
{
  /* PostgreSQL checks each row's keys as it comes (COPY too). */
  return !ks_workspace_on_server (ws) && !ks_workspace_in_transaction (ws) &&
         ks_workspace_exec (ws, "PRAGMA foreign_keys = OFF", NULL);
}

static void
verify_failed (ImportJob  *job,
               const char *format,
               ...) G_GNUC_PRINTF (2, 3);

static void
verify_failed (ImportJob  *job,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Cannot happen while the code keeps its invariants; refused all the same. */
  if (job->report->errors->len == 0)
    job->error_code = KS_IMPORT_ERROR_VALUE;
  ks_import_report_add (job->report, TRUE, "", 0, 0, "%s", message);
}

/* SQLite's own check of one table's foreign keys; FALSE when one is broken
 * or the check failed. */
static gboolean
verify_table (ImportJob  *job,
              const char *sql)
{
  g_autoptr(GError) error = NULL;
  KsStmt *stmt = ks_workspace_prepare (job->ws, sql, &error);
  int rc;

  if (!stmt)
    {
      _ks_crm_import_database_error (job, error);
      return FALSE;
    }
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    verify_failed (job, _("row %lld of %s refers to a row of %s that does not exist"),
                   (long long) ks_stmt_column_int64 (stmt, 1),
                   ks_column_text (stmt, 0), ks_column_text (stmt, 2));
  else if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (job->ws, &error, _("check the references"));
      _ks_crm_import_database_error (job, error);
    }
  ks_stmt_reset (stmt);
  return rc == KS_STEP_DONE;
}

/* Every entity of @t the import knows by id is a row of its table. */
static gboolean
verify_entities (ImportJob   *job,
                 EntityTable *t,
                 const char  *sql)
{
  g_autoptr(GError) error = NULL;
  KsStmt *stmt = ks_workspace_prepare (job->ws, sql, &error);
  GHashTableIter iter;
  gpointer value;

  if (!stmt)
    {
      _ks_crm_import_database_error (job, error);
      return FALSE;
    }
  g_hash_table_iter_init (&iter, t->by_name);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entity *e = value;
      int rc;

      if (e->id <= 0)
        continue;
      ks_stmt_bind_int64 (stmt, 1, e->id);
      rc = ks_stmt_step (stmt);
      ks_stmt_reset (stmt);
      if (rc == KS_STEP_DONE)
        {
          verify_failed (job, _("“%s” was matched to row %lld, which does not exist"),
                         e->name, (long long) e->id);
          return FALSE;
        }
      if (rc != KS_STEP_ROW)
        {
          ks_workspace_set_sql_error (job->ws, &error, _("check the references"));
          _ks_crm_import_database_error (job, error);
          return FALSE;
        }
    }
  return TRUE;
}

/* The check before the commit. Accounts and people refer to each other
 * (parents, managers, owners): few rows, so SQLite checks them itself. An
 * opportunity's account, product and sales agent are always the id of an
 * entity of this import, one it loaded from the workspace or created in
 * this transaction, and nothing is deleted while it runs: so every
 * opportunity points at a row when every such entity is a row, which is one
 * lookup per account, person and product instead of three per opportunity
 * (×100: 30,000 lookups, not 2.6 million). */
static void
foreign_keys_verify (ImportJob *job)
{
  (void) (verify_table (job, "PRAGMA foreign_key_check (people)") &&
          verify_table (job, "PRAGMA foreign_key_check (accounts)") &&
          verify_entities (job, &job->accounts, "SELECT 1 FROM accounts WHERE id = ?1") &&
          verify_entities (job, &job->people, "SELECT 1 FROM people WHERE id = ?1") &&
          verify_entities (job, &job->products, "SELECT 1 FROM products WHERE id = ?1"));
}

gboolean
ks_crm_import (KsWorkspace     *workspace,
               const char      *dir,
               gboolean         dry_run,
               KsImportReport  *report,
               GError         **error)
{
  ImportJob job = { 0, };
  KsCsvReader *readers[G_N_ELEMENTS (crm_files)] = { NULL, };
  g_autoptr(KsSearchBulk) people_bulk = NULL;
  g_autoptr(KsSearchBulk) accounts_bulk = NULL;
  guint n_files = 0;
  gboolean ok = FALSE, cache_enlarged = FALSE, keys_paused = FALSE;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  /* A dry run rolls back, which would take an outer transaction with it. */
  g_return_val_if_fail (!dry_run || !ks_workspace_in_transaction (workspace), FALSE);

  /* A report describes one import: what an earlier one left goes. */
  ks_import_report_clear (report);
  job_init (&job, workspace, report);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      job.error_code = KS_IMPORT_ERROR_IO;
      ks_import_report_add (report, TRUE, "", 0, 0, _("there is no folder “%s”"), dir);
      fail_with_report (&job, dir, error);
      job_clear (&job);
      return FALSE;
    }

  /* Encoding first: a file that is not UTF-8 is refused before any writing. */
  for (guint i = 0; i < G_N_ELEMENTS (crm_files); i++)
    if ((readers[i] = reader_open (&job, dir, &crm_files[i])))
      n_files++;
  if (n_files == 0)
    {
      job.error_code = KS_IMPORT_ERROR_IO;
      ks_import_report_add (report, TRUE, "", 0, 0,
                            _("“%s” holds none of accounts.csv, sales_teams.csv, products.csv "
                              "and sales_pipeline.csv"), dir);
      fail_with_report (&job, dir, error);
      job_clear (&job);
      return FALSE;
    }

  keys_paused = foreign_keys_pause (workspace);
  if (!ks_workspace_begin (workspace, _("Import CRM export"), error))
    goto out;
  cache_enlarged = import_cache_enlarge (workspace);
  /* New people and accounts go into the search index in one statement
   * each at the end, not row by row (×10: 0.06 s). */
  if (!(people_bulk = ks_search_bulk_begin (workspace, KS_SEARCH_BULK_PEOPLE, error)) ||
      !(accounts_bulk = ks_search_bulk_begin (workspace, KS_SEARCH_BULK_ACCOUNTS, error)))
    {
      ks_workspace_rollback (workspace);
      goto out;
    }
  /* The pipeline is the last file; only it needs the known opportunity ids. */
  if (!job_prepare (&job, error) ||
      (readers[G_N_ELEMENTS (crm_files) - 1] && !_ks_crm_import_load_opportunities (&job, error)))
    {
      ks_workspace_rollback (workspace);
      goto out;
    }

  for (guint i = 0; i < G_N_ELEMENTS (crm_files); i++)
    {
      KsCsvReader *r = readers[i];
      gint64 start, read;

      if (!r || ks_csv_reader_failed (r))
        continue;
      job.spec = &crm_files[i];
      start = g_get_monotonic_time ();
      ks_csv_reader_run (r, on_row, &job);
      reader_note (&job, r);
      read = g_get_monotonic_time ();
      if (job.spec->finish && !ks_csv_reader_failed (r))
        job.spec->finish (&job, r);
      reader_note (&job, r);
      g_debug ("%s: read in %.3f s, finished in %.3f s", ks_csv_reader_get_name (r),
               (read - start) / 1e6, (g_get_monotonic_time () - read) / 1e6);
      ks_csv_reader_finish (r);
      if (job.db_error)
        break;
    }

  if (!job.db_error && report->errors->len == 0 &&
      (!ks_search_bulk_end (workspace, g_steal_pointer (&people_bulk), &job.db_error) ||
       !ks_search_bulk_end (workspace, g_steal_pointer (&accounts_bulk), &job.db_error)))
    g_assert (job.db_error != NULL);
  if (keys_paused && !job.db_error && report->errors->len == 0)
    foreign_keys_verify (&job);
  if (job.db_error || report->errors->len > 0)
    {
      ks_workspace_rollback (workspace);
      if (job.db_error && report->errors->len == 0)
        g_propagate_error (error, g_steal_pointer (&job.db_error));
      else
        fail_with_report (&job, dir, error);
      goto out;
    }

  if (dry_run)
    ks_workspace_rollback (workspace);
  else if (!ks_workspace_commit (workspace, error))
    goto out;

  report->accounts = job.accounts.imported;
  report->people = job.people.imported;
  report->products = job.products.imported;
  report->opportunities = job.n_opportunities;
  ok = TRUE;

out:
  if (keys_paused)
    ks_workspace_exec (workspace, "PRAGMA foreign_keys = ON", NULL);
  if (cache_enlarged)
    ks_workspace_exec (workspace, SQL_CACHE_DEFAULT, NULL);
  if (!ok && error && !*error)
    fail_with_report (&job, dir, error);
  for (guint i = 0; i < G_N_ELEMENTS (crm_files); i++)
    g_clear_pointer (&readers[i], ks_csv_reader_free);
  job_clear (&job);
  return ok;
}
