/* ks-crm-import-pipeline.c — the CRM import's sales_pipeline.csv: the opportunities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are read and matched in file order (the agent, product and account
 * names through the job's name references in ks-crm-import.c) and merged per
 * opportunity id. At the end of the file, known ids are updated in file
 * order; new ones are sorted by ref (a radix sort) and inserted with one
 * INSERT ... SELECT from the table-valued function ks_import_opportunities,
 * with the table's secondary indexes dropped and rebuilt around a large load.
 */
#define G_LOG_DOMAIN "ks-crm-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ks-crm-import-private.h"
#include "ks-funnel-private.h"
#include "ks-search-private.h"
#include "ks-workspace-sqlite.h"

const char *const _ks_crm_import_pipeline_columns[OPP_N_COLUMNS] = {
  "opportunity_id", "sales_agent", "product", "account", "deal_stage", "engage_date",
  "close_date", "close_value",
};

/* ---- sales_pipeline.csv ----------------------------------------------------- */

/* Rebuild only when the import at least doubles the table, and is large. */
#define REBUILD_INDEXES_MIN_ROWS 20000
/* Leave new rows to the search index's catch-up from this many on. */
#define BULK_SEARCH_MIN_ROWS 2000

static Entity *
pipeline_ref (ImportJob  *job,
              KsCsvReader  *r,
              RefColumn  *c,
              guint       column,
              guint      *missing,
              guint      *missing_line)
{
  const char *name = ks_csv_reader_value (r, column, NULL);

  if (ks_csv_is_blank (name))
    {
      /* Only an empty cell counts; a file without the column says nothing. */
      if (ks_csv_reader_has_column (r, column))
        {
          if ((*missing)++ == 0)
            *missing_line = ks_csv_reader_get_row_line (r);
        }
      return NULL;
    }
  return _ks_crm_import_resolve (job, r, c, name, ks_csv_reader_get_row_line (r), TRUE);
}

static guint32
pipeline_date (KsCsvReader *r,
               guint      column)
{
  const char *text = ks_csv_reader_value (r, column, NULL);
  guint32 date;

  if (!text)
    return 0;
  if (!(date = ks_csv_parse_iso_date (text)))
    WARN_VALUE (r, column, text, _("“%s” in column %s is not a date (YYYY-MM-DD); the field was left empty"));
  return date;
}

static Opportunity *
opportunity_add (ImportJob  *job,
                 const char *ref,
                 gsize       length,
                 gint64      id)
{
  Opportunity fresh = { 0, };

  fresh.ref = g_string_chunk_insert_len (job->strings, ref, length);
  fresh.ref_length = length;
  fresh.id = id;
  g_array_append_val (job->opportunities, fresh);
  g_hash_table_insert (job->opportunity_ids, (gpointer) fresh.ref, GUINT_TO_POINTER (job->opportunities->len));
  return &g_array_index (job->opportunities, Opportunity, job->opportunities->len - 1);
}

/* The ids of the opportunities already in the workspace (see SQL_INSERT_OPPORTUNITY
 * in ks-crm-import.c). */
gboolean
_ks_crm_import_load_opportunities (ImportJob  *job,
                                   GError    **error)
{
  KsStmt *stmt = ks_workspace_prepare (job->ws, "SELECT id, ref FROM opportunities", error);
  int rc;

  if (!stmt)
    return FALSE;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      const char *ref = ks_stmt_column_text (stmt, 1);

      if (ref)
        opportunity_add (job, ref, strlen (ref), ks_stmt_column_int64 (stmt, 0));
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (job->ws, error, _("read the workspace"));
      return FALSE;
    }
  job->n_known = job->opportunities->len;
  return TRUE;
}

/* Rows are checked and matched here, in file order, and written in
 * _ks_crm_import_finish_pipeline(): known ids in file order, new ones sorted
 * by id, which keeps the unique index on ref from being written at random
 * places. */
void
_ks_crm_import_read_pipeline (ImportJob   *job,
                              KsCsvReader *r)
{
  const char *id = ks_csv_reader_required (r, 0);
  const char *stage, *value;
  gsize id_len = 0;
  Entity *account, *product, *agent;
  Opportunity *o;
  guint index;
  guint32 engage, close;

  if (!id)
    return;
  ks_csv_reader_value (r, OPP_ID, &id_len);

  agent = pipeline_ref (job, r, &job->pipeline_agents, OPP_AGENT, &job->no_agent, &job->no_agent_line);
  product = pipeline_ref (job, r, &job->pipeline_products, OPP_PRODUCT, &job->no_product,
                          &job->no_product_line);
  account = pipeline_ref (job, r, &job->pipeline_accounts, OPP_ACCOUNT, &job->no_account,
                          &job->no_account_line);
  if (ks_csv_reader_stopped (r))
    return;
  engage = pipeline_date (r, OPP_ENGAGE);
  close = pipeline_date (r, OPP_CLOSE);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (job->opportunity_ids, id));
  o = index ? &g_array_index (job->opportunities, Opportunity, index - 1)
            : opportunity_add (job, id, id_len, 0);
  if (o->line == 0)
    {
      o->line = ks_csv_reader_get_row_line (r);
      job->n_opportunities++;
    }
  else if (ks_csv_reader_warning_allowed (r))
    {
      g_autofree char *shown = ks_csv_shorten (id);
      ks_import_report_add (job->report, FALSE, ks_csv_reader_get_name (r), ks_csv_reader_get_row_line (r), ks_csv_reader_column (r, OPP_ID),
                            _("opportunity “%s” appears again (first in line %u); "
                              "the values of this row are used"),
                            shown, o->line);
    }

  /* A later row with the same id overrides what it gives, as a re-import would. */
  if (agent)
    o->owner = agent->id;
  if (product)
    o->product = product->id;
  if (account)
    o->account = account->id;
  if (engage)
    o->engage = engage;
  if (close)
    o->close = close;
  if ((stage = ks_csv_reader_value (r, OPP_STAGE, NULL)))
    {
      const char *interned;
      StageSeen *seen;

      if (!g_hash_table_lookup_extended (job->stages, stage, (gpointer *) &interned, (gpointer *) &seen))
        {
          interned = g_string_chunk_insert (job->strings, stage);
          seen = g_new0 (StageSeen, 1);
          seen->line = ks_csv_reader_get_row_line (r);
          seen->column = ks_csv_reader_column (r, OPP_STAGE);
          seen->name = interned;
          g_hash_table_insert (job->stages, (gpointer) interned, seen);
        }
      seen->count++;
      o->stage = seen;
    }
  if ((value = ks_csv_reader_value (r, OPP_VALUE, NULL)))
    {
      double amount;

      if (ks_csv_parse_decimal (value, &amount))
        o->value = amount, o->have_value = TRUE;
      else
        WARN_VALUE (r, OPP_VALUE, value, _("“%s” in column %s is not a number; the field was left empty"));
    }
}

static void
bind_id_or_null (KsStmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id)
    ks_stmt_bind_int64 (stmt, index, id);
  else
    ks_stmt_bind_null (stmt, index);
}

/* YYYY-MM-DD by hand: g_snprintf per date was 6 % of a large import. */
static const char *
format_date (guint32 date,
             char    buffer[static 16])
{
  for (int i = 3, y = date / 10000; i >= 0; i--, y /= 10)
    buffer[i] = '0' + y % 10;
  buffer[4] = buffer[7] = '-';
  buffer[5] = '0' + date / 1000 % 10;
  buffer[6] = '0' + date / 100 % 10;
  buffer[8] = '0' + date / 10 % 10;
  buffer[9] = '0' + date % 10;
  buffer[10] = '\0';
  return buffer;
}

static void
bind_date (KsStmt *stmt,
           int           index,
           guint32       date,
           char          buffer[static 16])
{
  if (!date)
    {
      ks_stmt_bind_null (stmt, index);
      return;
    }
  ks_stmt_bind_text_static (stmt, index, format_date (date, buffer), 10);
}

static gboolean
opportunity_write (ImportJob   *job,
                   KsCsvReader   *r,
                   Opportunity *o)
{
  KsStmt *stmt = o->id ? job->update_opportunity : job->insert_opportunity;
  char engage[16], close[16], changed[16];
  gint64 stage_id = o->stage ? o->stage->stage_id : 0;
  const char *change_date = o->close ? format_date (o->close, changed) : job->today;

  /* A known one that changes stage: the change goes into the history first. */
  if (o->id && o->stage)
    {
      ks_stmt_bind_int64 (job->record_stage, 1, o->id);
      bind_id_or_null (job->record_stage, 2, stage_id);
      ks_stmt_bind_text_static (job->record_stage, 3, change_date, -1);
      ks_stmt_bind_text_static (job->record_stage, 4, o->stage->name, -1);
      ks_csv_reader_set_row_line (r, o->line);
      if (!_ks_crm_import_step (job, r, job->record_stage, N_("record a stage change")))
        return FALSE;
    }

  if (o->id)
    ks_stmt_bind_int64 (stmt, 1, o->id);
  else
    ks_stmt_bind_text_static (stmt, 1, o->ref, o->ref_length);
  bind_id_or_null (stmt, 2, o->account);
  bind_id_or_null (stmt, 3, o->product);
  bind_id_or_null (stmt, 4, o->owner);
  if (o->stage)
    ks_stmt_bind_text_static (stmt, 5, o->stage->name, -1);
  else
    ks_stmt_bind_null (stmt, 5);
  bind_number (stmt, 6, o->have_value, o->value);
  bind_date (stmt, 7, o->engage, engage);
  bind_date (stmt, 8, o->close, close);
  bind_id_or_null (stmt, 9, stage_id);
  if (o->id)
    ks_stmt_bind_text_static (stmt, 10, change_date, -1);
  ks_csv_reader_set_row_line (r, o->line);  /* where a database error is reported */
  return _ks_crm_import_step (job, r, stmt, N_("save an opportunity"));
}

/* A new row and the first eight bytes of its ref as one big-endian number
 * (zeros past a short ref's end, which sort before any byte of a longer
 * one), so that most comparisons of the sort are one integer comparison. */
typedef struct
{
  guint64      prefix;
  Opportunity *o;
} RefKey;

static guint64
ref_prefix (const Opportunity *o)
{
  guint64 prefix = 0;

  for (guint i = 0; i < 8; i++)
    prefix = prefix << 8 | (i < o->ref_length ? (guchar) o->ref[i] : 0);
  return prefix;
}

static int
compare_ref_keys (const void *a,
                  const void *b)
{
  const RefKey *x = a, *y = b;
  int cmp;

  if (x->prefix != y->prefix)
    return x->prefix < y->prefix ? -1 : 1;
  cmp = memcmp (x->o->ref, y->o->ref, MIN (x->o->ref_length, y->o->ref_length));
  /* SQLite's BINARY collation: bytes, then length. */
  return cmp ? cmp : (x->o->ref_length > y->o->ref_length) - (x->o->ref_length < y->o->ref_length);
}

/* Sorts rows by ref as SQLite's BINARY collation orders them: a radix sort
 * on the eight-byte prefixes (a byte at a time from the last; a byte that
 * every prefix shares is skipped), then the rows that share a prefix by the
 * rest of their refs. ×100 (880,000 rows): a tenth of a comparison sort. */
static void
sort_by_ref (Opportunity **rows,
             guint         n_rows)
{
  RefKey *keys = g_new (RefKey, n_rows);
  RefKey *spare = g_new (RefKey, n_rows);

  for (guint i = 0; i < n_rows; i++)
    keys[i] = (RefKey) { ref_prefix (rows[i]), rows[i] };
  for (guint shift = 0; shift < 64 && n_rows > 1; shift += 8)
    {
      gsize start[256] = { 0, };
      gsize total = 0;
      RefKey *swap;

      for (guint i = 0; i < n_rows; i++)
        start[(keys[i].prefix >> shift) & 0xFF]++;
      if (start[(keys[0].prefix >> shift) & 0xFF] == n_rows)
        continue;
      for (guint b = 0; b < 256; b++)
        {
          gsize count = start[b];

          start[b] = total;
          total += count;
        }
      for (guint i = 0; i < n_rows; i++)
        spare[start[(keys[i].prefix >> shift) & 0xFF]++] = keys[i];
      swap = keys, keys = spare, spare = swap;
    }
  for (guint i = 0, j; i < n_rows; i = j)
    {
      for (j = i + 1; j < n_rows && keys[j].prefix == keys[i].prefix; j++)
        ;
      if (j - i > 1)
        qsort (keys + i, j - i, sizeof (RefKey), compare_ref_keys);
    }
  for (guint i = 0; i < n_rows; i++)
    rows[i] = keys[i].o;
  g_free (keys);
  g_free (spare);
}

/* ---- new opportunities as a table ------------------------------------------ */

/* New opportunities go in with one INSERT ... SELECT from this table-valued
 * function over the sorted array: one statement for all of them instead of
 * one per row, so SQLite opens its cursors and checks its plan once. The
 * array is handed over with sqlite3_bind_pointer(); `at` tells which row was
 * being written when the statement failed. */
#define ROWS_MODULE "ks_import_opportunities"
#define ROWS_POINTER "ks-import-opportunities"

typedef struct
{
  Opportunity **rows;
  guint         n_rows;
  guint         at;
} RowSource;

enum {
  ROWS_REF, ROWS_ACCOUNT, ROWS_PRODUCT, ROWS_OWNER, ROWS_STAGE, ROWS_VALUE, ROWS_ENGAGE, ROWS_CLOSE,
  ROWS_STAGE_ID, ROWS_SOURCE
};

typedef struct
{
  sqlite3_vtab_cursor  base;
  RowSource           *source;
  guint                i;
  char                 engage[16];
  char                 close[16];
} RowsCursor;

#define SQL_INSERT_OPPORTUNITIES \
  "INSERT INTO opportunities (ref, account_id, product_id, owner_id, stage, value," \
  "  engage_date, close_date, stage_id) " \
  "SELECT ref, account_id, product_id, owner_id, stage, value, engage_date, close_date, stage_id " \
  "FROM " ROWS_MODULE " (?1)"

static int
rows_connect (sqlite3             *db,
              void                *data,
              int                  argc,
              const char *const   *argv,
              sqlite3_vtab       **vtab,
              char               **error)
{
  int rc = sqlite3_declare_vtab (db, "CREATE TABLE x (ref, account_id, product_id, owner_id, stage, "
                                     "value, engage_date, close_date, stage_id, source HIDDEN)");

  if (rc != SQLITE_OK)
    return rc;
  *vtab = sqlite3_malloc (sizeof (sqlite3_vtab));
  if (!*vtab)
    return SQLITE_NOMEM;
  memset (*vtab, 0, sizeof (sqlite3_vtab));
  return SQLITE_OK;
}

static int
rows_disconnect (sqlite3_vtab *vtab)
{
  sqlite3_free (vtab);
  return SQLITE_OK;
}

/* The only plan: the source given as the hidden column's argument. */
static int
rows_best_index (sqlite3_vtab       *vtab,
                 sqlite3_index_info *info)
{
  for (int i = 0; i < info->nConstraint; i++)
    {
      const struct sqlite3_index_constraint *c = &info->aConstraint[i];

      if (c->iColumn == ROWS_SOURCE && c->op == SQLITE_INDEX_CONSTRAINT_EQ)
        {
          if (!c->usable)
            return SQLITE_CONSTRAINT;
          info->aConstraintUsage[i].argvIndex = 1;
          info->aConstraintUsage[i].omit = 1;
          info->estimatedCost = 1;
          return SQLITE_OK;
        }
    }
  return SQLITE_CONSTRAINT;
}

static int
rows_open (sqlite3_vtab         *vtab,
           sqlite3_vtab_cursor **cursor)
{
  RowsCursor *c = sqlite3_malloc (sizeof (RowsCursor));

  if (!c)
    return SQLITE_NOMEM;
  memset (c, 0, sizeof (RowsCursor));
  *cursor = &c->base;
  return SQLITE_OK;
}

static int
rows_close (sqlite3_vtab_cursor *cursor)
{
  sqlite3_free (cursor);
  return SQLITE_OK;
}

static int
rows_filter (sqlite3_vtab_cursor  *cursor,
             int                   plan,
             const char           *plan_name,
             int                   argc,
             sqlite3_value       **argv)
{
  RowsCursor *c = (RowsCursor *) cursor;

  c->source = argc > 0 ? sqlite3_value_pointer (argv[0], ROWS_POINTER) : NULL;
  c->i = 0;
  if (c->source)
    c->source->at = 0;
  return SQLITE_OK;
}

/* Rows come in ref order, which is not the order they were read in: each
 * row and its ref would be a cache miss. Asking for them a few rows ahead
 * hides that (×100: a tenth of the INSERT's time was spent waiting for
 * refs to arrive). */
#define PREFETCH_ROWS 8

static int
rows_next (sqlite3_vtab_cursor *cursor)
{
  RowsCursor *c = (RowsCursor *) cursor;
  RowSource *source = c->source;

  source->at = ++c->i;
  if (c->i + 2 * PREFETCH_ROWS < source->n_rows)
    __builtin_prefetch (source->rows[c->i + 2 * PREFETCH_ROWS]);
  if (c->i + PREFETCH_ROWS < source->n_rows)
    __builtin_prefetch (source->rows[c->i + PREFETCH_ROWS]->ref);
  return SQLITE_OK;
}

static int
rows_eof (sqlite3_vtab_cursor *cursor)
{
  RowsCursor *c = (RowsCursor *) cursor;

  return !c->source || c->i >= c->source->n_rows;
}

static void
result_id_or_null (sqlite3_context *ctx,
                   gint64           id)
{
  if (id)
    sqlite3_result_int64 (ctx, id);
  else
    sqlite3_result_null (ctx);
}

static void
result_date (sqlite3_context *ctx,
             guint32          date,
             char             buffer[static 16])
{
  if (date)
    /* The cursor's buffer holds the text until the next row is asked for,
     * and the INSERT has made its record of this row by then. */
    sqlite3_result_text (ctx, format_date (date, buffer), 10, SQLITE_STATIC);
  else
    sqlite3_result_null (ctx);
}

static int
rows_column (sqlite3_vtab_cursor *cursor,
             sqlite3_context     *ctx,
             int                  column)
{
  RowsCursor *c = (RowsCursor *) cursor;
  Opportunity *o = c->source->rows[c->i];

  switch (column)
    {
    case ROWS_REF:
      /* NUL-terminated: the CHECK on ref reads it as text without a copy. */
      sqlite3_result_text (ctx, o->ref, -1, SQLITE_STATIC);
      break;
    case ROWS_ACCOUNT:
      result_id_or_null (ctx, o->account);
      break;
    case ROWS_PRODUCT:
      result_id_or_null (ctx, o->product);
      break;
    case ROWS_OWNER:
      result_id_or_null (ctx, o->owner);
      break;
    case ROWS_STAGE:
      sqlite3_result_text (ctx, o->stage ? o->stage->name : "", -1, SQLITE_STATIC);
      break;
    case ROWS_VALUE:
      if (o->have_value)
        sqlite3_result_double (ctx, o->value);
      else
        sqlite3_result_null (ctx);
      break;
    case ROWS_ENGAGE:
      result_date (ctx, o->engage, c->engage);
      break;
    case ROWS_CLOSE:
      result_date (ctx, o->close, c->close);
      break;
    case ROWS_STAGE_ID:
      result_id_or_null (ctx, o->stage ? o->stage->stage_id : 0);
      break;
    default:
      sqlite3_result_null (ctx);
      break;
    }
  return SQLITE_OK;
}

static int
rows_rowid (sqlite3_vtab_cursor *cursor,
            sqlite3_int64       *rowid)
{
  *rowid = ((RowsCursor *) cursor)->i + 1;
  return SQLITE_OK;
}

static const sqlite3_module rows_module = {
  .iVersion = 0,
  .xConnect = rows_connect,
  .xBestIndex = rows_best_index,
  .xDisconnect = rows_disconnect,
  .xOpen = rows_open,
  .xClose = rows_close,
  .xFilter = rows_filter,
  .xNext = rows_next,
  .xEof = rows_eof,
  .xColumn = rows_column,
  .xRowid = rows_rowid,
};

/* On a team workspace the new rows go in by COPY, in its text format. */
#define COPY_OPPORTUNITIES \
  "COPY opportunities (ref, account_id, product_id, owner_id, stage, value," \
  "  engage_date, close_date, stage_id) FROM STDIN"

static void
copy_id (GString *line,
         gint64   id,
         char     end)
{
  if (id)
    g_string_append_printf (line, "%" G_GINT64_FORMAT "%c", id, end);
  else
    g_string_append_printf (line, "\\N%c", end);
}

static void
copy_date (GString *line,
           guint32  date)
{
  char buffer[16];

  g_string_append (line, date ? format_date (date, buffer) : "\\N");
  g_string_append_c (line, '\t');
}

static gboolean
copy_row (gpointer  data,
          GString  *line)
{
  RowSource *source = data;
  Opportunity *o;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (source->at >= source->n_rows)
    return FALSE;
  o = source->rows[source->at++];
  ks_copy_append_text (line, o->ref);
  g_string_append_c (line, '\t');
  copy_id (line, o->account, '\t');
  copy_id (line, o->product, '\t');
  copy_id (line, o->owner, '\t');
  ks_copy_append_text (line, o->stage ? o->stage->name : "");
  g_string_append_c (line, '\t');
  g_string_append (line, o->have_value ? g_ascii_dtostr (number, sizeof number, o->value) : "\\N");
  g_string_append_c (line, '\t');
  copy_date (line, o->engage);
  copy_date (line, o->close);
  copy_id (line, o->stage ? o->stage->stage_id : 0, '\n');
  return TRUE;
}

/* Inserts rows (new ids, sorted) with one statement. */
static void
insert_opportunities (ImportJob    *job,
                      KsCsvReader  *r,
                      Opportunity **rows,
                      guint         n_rows)
{
  sqlite3 *db = ks_workspace_get_db (job->ws);
  RowSource source = { rows, n_rows, 0 };
  sqlite3_stmt *stmt = NULL;

  if (!db)
    {
      g_autoptr(GError) error = NULL;

      if (!ks_workspace_copy_in (job->ws, COPY_OPPORTUNITIES, copy_row, &source, &error))
        _ks_crm_import_database_error (job, error);
      return;
    }

  if (sqlite3_create_module_v2 (db, ROWS_MODULE, &rows_module, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, SQL_INSERT_OPPORTUNITIES, -1, &stmt, NULL) != SQLITE_OK)
    {
      _ks_crm_import_db_failed (job, r, N_("save an opportunity"));
      sqlite3_create_module_v2 (db, ROWS_MODULE, NULL, NULL, NULL);
      return;
    }
  sqlite3_bind_pointer (stmt, 1, &source, ROWS_POINTER, NULL);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      /* Where a database error is reported: the row being written. */
      ks_csv_reader_set_row_line (r, rows[MIN (source.at, n_rows - 1)]->line);
      _ks_crm_import_db_failed (job, r, N_("save an opportunity"));
    }
  sqlite3_finalize (stmt);
  /* The module points at nothing once the import is over. */
  sqlite3_create_module_v2 (db, ROWS_MODULE, NULL, NULL, NULL);
}

/* The funnel summary of @rows, all new in an empty table (no history, so
 * no lost-from stage). */
static gboolean
summarise_fresh (ImportJob    *job,
                 Opportunity **rows,
                 guint         n_rows,
                 GError      **error)
{
  g_autoptr(GHashTable) cells = g_hash_table_new_full (ks_funnel_cell_key_hash, ks_funnel_cell_key_equal,
                                                       NULL, g_free);
  KsFunnelSummaryCell *cell;

  for (guint i = 0; i < n_rows; i++)
    {
      const Opportunity *o = rows[i];
      const StageSeen *seen = o->stage;
      KsFunnelSummaryCell key = { { seen ? seen->stage_id : 0, o->product, 0, o->owner } };

      if (!(cell = g_hash_table_lookup (cells, key.key)))
        {
          cell = g_memdup2 (&key, sizeof key);
          g_hash_table_add (cells, cell);
        }
      cell->n++;
      if (o->have_value)
        cell->value += o->value;
      else
        cell->unvalued++;
      if (seen && seen->won && o->engage && o->close && o->close >= o->engage)
        {
          char a[16], b[16];
          gint64 d0, d1;

          if (ks_funnel_day_number (format_date (o->engage, a), &d0) &&
              ks_funnel_day_number (format_date (o->close, b), &d1))
            {
              cell->days += d1 - d0;
              cell->dated++;
            }
        }
    }
  return ks_funnel_summary_write (job->ws, cells, error);
}

static void
write_opportunities (ImportJob *job,
                     KsCsvReader *r)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_sized_new (job->opportunities->len - job->n_known);
  g_auto(GStrv) indexes = NULL;
  g_autoptr(GError) error = NULL;
  KsSearchBulk *bulk = NULL;
  guint n_existing = job->n_known;

  for (guint i = 0; i < job->opportunities->len && !ks_csv_reader_stopped (r); i++)
    {
      Opportunity *o = &g_array_index (job->opportunities, Opportunity, i);

      if (o->line == 0)
        continue;
      if (o->id)
        opportunity_write (job, r, o);
      else
        g_ptr_array_add (fresh, o);
    }
  if (ks_csv_reader_stopped (r) || fresh->len == 0)
    return;
  /* Every row is matched: the ref → row table is done with. */
  g_clear_pointer (&job->opportunity_ids, g_hash_table_unref);

  sort_by_ref ((Opportunity **) fresh->pdata, fresh->len);
  /* A large load that at least doubles the table rebuilds the secondary
   * indexes afterwards instead of growing them row by row. */
  if (fresh->len >= REBUILD_INDEXES_MIN_ROWS && fresh->len >= n_existing)
    {
      g_debug ("Rebuilding the indexes of opportunities around %u new rows", fresh->len);
      if (!(indexes = ks_workspace_drop_indexes (job->ws, "opportunities", &error)))
        {
          _ks_crm_import_database_error (job, error);
          return;
        }
    }
  /* Many new rows skip the search index's trigger; their ids are noted and
   * indexed before the next search (ks_search_catch_up), so the import
   * does not pay FTS5's work per row (×10: 0.40 s through the trigger). */
  if (fresh->len >= BULK_SEARCH_MIN_ROWS &&
      !(bulk = ks_search_bulk_begin (job->ws, KS_SEARCH_BULK_OPPORTUNITIES, &error)))
    {
      _ks_crm_import_database_error (job, error);
      return;
    }
  insert_opportunities (job, r, (Opportunity **) fresh->pdata, fresh->len);
  if (bulk && !ks_search_bulk_end (job->ws, g_steal_pointer (&bulk), &error))
    {
      _ks_crm_import_database_error (job, error);
      return;
    }
  /* Into an empty table, the summary comes from the rows in hand instead of
   * reading them back. */
  if (n_existing == 0 && !ks_csv_reader_stopped (r))
    {
      if (summarise_fresh (job, (Opportunity **) fresh->pdata, fresh->len, &error))
        job->summary_done = TRUE;
      else
        {
          _ks_crm_import_database_error (job, error);
          return;
        }
    }
  /* The rows are in the table now; their memory goes before SQLite sorts
   * the index entries. */
  g_clear_pointer (&fresh, g_ptr_array_unref);
  g_clear_pointer (&job->opportunities, g_array_unref);
  if (indexes && !ks_csv_reader_stopped (r) &&
      !ks_workspace_restore_indexes (job->ws, indexes, &error))
    _ks_crm_import_database_error (job, error);
}

/* Each stage name read maps onto a funnel stage through the stage map. A
 * name the map does not know joins it unmapped; an unmapped name gets one
 * warning at the first row that gives it, and its opportunities come in
 * without a stage, for the user to map in the stage settings. */
static gboolean
resolve_stages (ImportJob   *job,
                KsCsvReader *r)
{
  const char *file = ks_csv_reader_get_name (r);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  const char *name;
  StageSeen *seen;

  g_hash_table_iter_init (&iter, job->stages);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &seen))
    {
      g_autofree char *key = g_strstrip (g_ascii_strdown (name, -1));
      gboolean known;

      if (!*key)
        continue;
      seen->stage_id = ks_funnel_map_source (job->ws, name, &known, &error);
      if (seen->stage_id < 0)
        {
          _ks_crm_import_database_error (job, error);
          return FALSE;
        }
      if (!known)
        {
          KsStmt *stmt = ks_workspace_prepare (job->ws,
                                                     "INSERT INTO stage_map (source, stage_id) VALUES (?1, NULL)",
                                                     &error);

          if (!stmt)
            {
              _ks_crm_import_database_error (job, error);
              return FALSE;
            }
          ks_bind_text (stmt, 1, key);
          if (!ks_workspace_step_done (job->ws, stmt, _("record the stage name"), &error))
            {
              _ks_crm_import_database_error (job, error);
              return FALSE;
            }
        }
      if (seen->stage_id > 0)
        {
          KsOutcome outcome;

          seen->won = ks_funnel_stage_outcome (job->ws, seen->stage_id, &outcome) && outcome == KS_OUTCOME_WON;
        }
      if (seen->stage_id == 0)
        {
          g_autofree char *shown = ks_csv_shorten (name);

          ks_import_report_add (job->report, FALSE, file, seen->line, seen->column,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "stage “%s” is not mapped to a funnel stage; its %u "
                                             "opportunity was imported as unmapped (map the name "
                                             "in the funnel’s stage settings)",
                                             "stage “%s” is not mapped to a funnel stage; its %u "
                                             "opportunities were imported as unmapped (map the name "
                                             "in the funnel’s stage settings)",
                                             seen->count),
                                shown, seen->count);
        }
    }
  return TRUE;
}

void
_ks_crm_import_finish_pipeline (ImportJob   *job,
                                KsCsvReader *r)
{
  const char *file = ks_csv_reader_get_name (r);
  g_autoptr(GError) error = NULL;
  int before;

  _ks_crm_import_ref_column_warn (job, &job->pipeline_agents, file);
  _ks_crm_import_ref_column_warn (job, &job->pipeline_products, file);
  _ks_crm_import_ref_column_warn (job, &job->pipeline_accounts, file);
  if (job->no_agent)
    ks_import_report_add (job->report, FALSE, file, job->no_agent_line, 0,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u opportunity has no sales agent; imported without one",
                                       "%u opportunities have no sales agent; imported without one",
                                       job->no_agent),
                          job->no_agent);
  if (job->no_product)
    ks_import_report_add (job->report, FALSE, file, job->no_product_line, 0,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u opportunity has no product; imported without one",
                                       "%u opportunities have no product; imported without one",
                                       job->no_product),
                          job->no_product);
  if (job->no_account)
    ks_import_report_add (job->report, FALSE, file, job->no_account_line, 0,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u opportunity has no account; imported without one",
                                       "%u opportunities have no account; imported without one",
                                       job->no_account),
                          job->no_account);
  if (!resolve_stages (job, r))
    return;
  before = ks_workspace_total_changes (job->ws);
  write_opportunities (job, r);
  /* A re-import that changed no opportunity leaves the summary alone (and
   * so changes nothing at all). */
  if (!ks_csv_reader_stopped (r) && !job->summary_done &&
      ks_workspace_total_changes (job->ws) != before &&
      !ks_funnel_summary_fill (job->ws, &error))
    _ks_crm_import_database_error (job, error);
}
