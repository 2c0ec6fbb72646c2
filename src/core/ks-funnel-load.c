/* ks-funnel-load.c — the funnel summary and the loaders of the funnel's
 * report, forecast and cuts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * funnel_summary holds, per stage, owner, product and lost-from stage
 * (0 = none), the count, the known values' sum, how many have no value and
 * the days from engage to close of won ones. Every write of an opportunity
 * takes its row out of the summary before and puts it back after
 * (ks_funnel_summary_apply); bulk writers rebuild it. A report whose filter
 * names only people and products reads the summary (a few thousand rows at
 * most, where the opportunities are hundreds of thousands); one that names
 * an account or a period reads the opportunities, through the account index
 * when it can.
 */
#define G_LOG_DOMAIN "ks-funnel"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ks-funnel-private.h"

/* The filter's parameters, the same numbers in every statement below:
 * ?1 owner, ?2 manager, ?3 team, ?4 region, ?5 product, ?6 account id,
 * ?7 from, ?8 to, ?9 the cut (-1 = none). The account id says it is a
 * number where it is only tested for NULL: PostgreSQL takes an untyped
 * NULL parameter for text (ks-db-pg.c). */
#define PEOPLE_FILTER \
  "  (?1 IS NULL OR w.name = ?1) AND (?2 IS NULL OR m.name = ?2)" \
  "  AND (?3 IS NULL OR w.team = ?3) AND (?4 IS NULL OR w.region = ?4)" \
  "  AND (?5 IS NULL OR p.name = ?5)"

#define CUT_KEY \
  "CASE ?9 WHEN 0 THEN w.name WHEN 1 THEN m.name WHEN 2 THEN w.team WHEN 3 THEN w.region" \
  "  WHEN 4 THEN a.sector WHEN 5 THEN a.name WHEN 6 THEN p.name END"

#define SUMMARY_CELLS \
  "SELECT CASE ?9 WHEN 0 THEN w.name WHEN 1 THEN m.name WHEN 2 THEN w.team WHEN 3 THEN w.region" \
  "         WHEN 6 THEN p.name END AS cut," \
  "       s.stage_id, s.lost_from, p.price, sum (s.n), sum (s.value), sum (s.unvalued)," \
  "       sum (s.days), sum (s.dated)" \
  "  FROM funnel_summary s" \
  "  LEFT JOIN products p ON p.id = s.product_id" \
  "  LEFT JOIN people w ON w.id = s.owner_id" \
  "  LEFT JOIN people m ON m.id = w.manager_id" \
  " WHERE CAST (?6 AS BIGINT) IS NULL AND ?7 IS NULL AND ?8 IS NULL AND" PEOPLE_FILTER \
  " GROUP BY cut, s.stage_id, s.lost_from, s.product_id, p.price"

/* The same without people: the summary's key order (stage, product,
 * lost-from, owner) lets SQLite group without sorting. A product's name and
 * price are the same over its group; max () says so to PostgreSQL, which
 * will not take a column the GROUP BY does not name. */
#define SUMMARY_CELLS_ALL \
  "SELECT max (CASE ?9 WHEN 6 THEN p.name END) AS cut," \
  "       s.stage_id, s.lost_from, max (p.price), sum (s.n), sum (s.value), sum (s.unvalued)," \
  "       sum (s.days), sum (s.dated)" \
  "  FROM funnel_summary s" \
  "  LEFT JOIN products p ON p.id = s.product_id" \
  " WHERE ?1 IS NULL AND ?2 IS NULL AND ?3 IS NULL AND ?4 IS NULL AND (?9 = -1 OR ?9 = 6)" \
  "   AND CAST (?6 AS BIGINT) IS NULL AND ?7 IS NULL AND ?8 IS NULL AND (?5 IS NULL OR p.name = ?5)" \
  " GROUP BY s.stage_id, s.product_id, s.lost_from"

/* A lost opportunity's lost-from stage: the stage it left for the lost one
 * it is in, from its newest such change. */
#define LOST_FROM \
  "CASE WHEN st.outcome = 'lost' THEN" \
  "  (SELECT h.from_stage_id FROM stage_history h" \
  "    WHERE h.opportunity_id = o.id AND h.to_stage_id = o.stage_id" \
  "    ORDER BY h.changed DESC, h.id DESC LIMIT 1) END"

/* The date a period filter and the forecast go by. */
#define FUNNEL_DATE \
  "CASE WHEN st.outcome IS NULL OR st.outcome = 'open'" \
  "  THEN coalesce (o.expected_close_date, o.close_date) ELSE o.close_date END"

#define ROW_COLUMNS \
  "SELECT " CUT_KEY " AS cut, coalesce (o.stage_id, 0), " LOST_FROM ", p.price, o.value," \
  "       o.engage_date, o.close_date, st.outcome, o.product_id, st.probability, " FUNNEL_DATE \
  "  FROM opportunities o" \
  "  LEFT JOIN funnel_stages st ON st.id = o.stage_id" \
  "  LEFT JOIN products p ON p.id = o.product_id" \
  "  LEFT JOIN accounts a ON a.id = o.account_id" \
  "  LEFT JOIN people w ON w.id = o.owner_id" \
  "  LEFT JOIN people m ON m.id = w.manager_id"

#define ROW_FILTER \
  PEOPLE_FILTER \
  "  AND (?7 IS NULL OR " FUNNEL_DATE " >= ?7) AND (?8 IS NULL OR " FUNNEL_DATE " <= ?8)"

/* The forecast's rows when the filter names no person: no joins it does
 * not need, lost ones left out by the stage join. */
#define FORECAST_ROWS \
  "SELECT st.outcome, st.probability, o.value, p.price, " FUNNEL_DATE \
  "  FROM opportunities o" \
  "  JOIN funnel_stages st ON st.id = o.stage_id AND st.outcome <> 'lost'" \
  "  LEFT JOIN products p ON p.id = o.product_id" \
  " WHERE (CAST (?6 AS BIGINT) IS NULL OR o.account_id = ?6) AND (?5 IS NULL OR p.name = ?5)" \
  "   AND (?7 IS NULL OR " FUNNEL_DATE " >= ?7) AND (?8 IS NULL OR " FUNNEL_DATE " <= ?8)" \
  "   AND ?1 IS NULL AND ?2 IS NULL AND ?3 IS NULL AND ?4 IS NULL AND ?9 = -1"

/* The account's rows through the account index, or every row. */
#define ROWS_OF_ACCOUNT ROW_COLUMNS " WHERE o.account_id = ?6 AND" ROW_FILTER
#define ROWS_OF_ALL     ROW_COLUMNS " WHERE CAST (?6 AS BIGINT) IS NULL AND" ROW_FILTER

enum {
  ROW_CUT, ROW_STAGE, ROW_LOST_FROM, ROW_PRICE, ROW_VALUE, ROW_ENGAGE, ROW_CLOSE, ROW_OUTCOME,
  ROW_PRODUCT, ROW_PROBABILITY, ROW_DATE,
};

char *
ks_funnel_today (void)
{
  const char *fixed = g_getenv ("KEYSTONE_TODAY");
  g_autoptr(GDateTime) now = NULL;
  gint64 day;

  if (fixed && ks_funnel_day_number (fixed, &day))
    return g_strdup (fixed);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static double
setting_double (KsWorkspace *workspace,
                const char  *key,
                double       fallback,
                double       min,
                double       max)
{
  g_autofree char *text = ks_workspace_get_setting (workspace, key);
  char *end = NULL;
  double value;

  if (!text)
    return fallback;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value) || value < min || value > max)
    return fallback;
  return value;
}

void
ks_funnel_get_targets (KsWorkspace     *workspace,
                       KsFunnelTargets *targets)
{
  g_return_if_fail (KS_IS_WORKSPACE (workspace));

  targets->target_hit_rate = setting_double (workspace, KS_FUNNEL_SETTING_TARGET_HIT_RATE,
                                             KS_FUNNEL_DEFAULT_TARGET_HIT_RATE, 0, 100);
  targets->target_days = setting_double (workspace, KS_FUNNEL_SETTING_TARGET_DAYS,
                                         KS_FUNNEL_DEFAULT_TARGET_DAYS, 1, 100000);
  targets->order_target = setting_double (workspace, KS_FUNNEL_SETTING_ORDER_TARGET, 0, 0, 1e15);
  targets->min_closed = (guint) setting_double (workspace, KS_FUNNEL_SETTING_MIN_CLOSED,
                                                KS_FUNNEL_DEFAULT_MIN_CLOSED, 1, 1e9);
}

gboolean
ks_funnel_set_targets (KsWorkspace           *workspace,
                       const KsFunnelTargets *targets,
                       GError               **error)
{
  char hit[G_ASCII_DTOSTR_BUF_SIZE], days[G_ASCII_DTOSTR_BUF_SIZE];
  char order[G_ASCII_DTOSTR_BUF_SIZE], closed[32];

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!(targets->target_hit_rate >= 0 && targets->target_hit_rate <= 100))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The target hit rate %g %% is refused: it must be between 0 and 100"),
                   targets->target_hit_rate);
      return FALSE;
    }
  if (!(targets->target_days >= 1 && targets->target_days <= 100000))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The target of %g days from lead to order is refused: it must be at least one day"),
                   targets->target_days);
      return FALSE;
    }
  if (!(targets->order_target >= 0 && targets->order_target <= 1e15))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The order target %g is refused: it cannot be negative"), targets->order_target);
      return FALSE;
    }
  g_ascii_dtostr (hit, sizeof hit, targets->target_hit_rate);
  g_ascii_dtostr (days, sizeof days, targets->target_days);
  g_ascii_dtostr (order, sizeof order, targets->order_target);
  g_snprintf (closed, sizeof closed, "%u", MAX (targets->min_closed, 1));
  if (!ks_workspace_begin (workspace, _("Change Funnel Targets"), error))
    return FALSE;
  if (!ks_workspace_set_setting (workspace, KS_FUNNEL_SETTING_TARGET_HIT_RATE, hit, error) ||
      !ks_workspace_set_setting (workspace, KS_FUNNEL_SETTING_TARGET_DAYS, days, error) ||
      !ks_workspace_set_setting (workspace, KS_FUNNEL_SETTING_ORDER_TARGET, order, error) ||
      !ks_workspace_set_setting (workspace, KS_FUNNEL_SETTING_MIN_CLOSED, closed, error))
    {
      ks_workspace_rollback (workspace);
      return FALSE;
    }
  return ks_workspace_commit (workspace, error);
}

guint
ks_funnel_get_fading_weeks (KsWorkspace *workspace)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), KS_FUNNEL_DEFAULT_FADING_WEEKS);
  return (guint) setting_double (workspace, KS_FUNNEL_SETTING_FADING_WEEKS,
                                 KS_FUNNEL_DEFAULT_FADING_WEEKS, 1, 520);
}

/* ---- cells from rows ---- */

typedef struct
{
  char   *cut;
  gint64  stage_id, lost_from, product_id;
} CellKey;

typedef struct
{
  CellKey       key;
  KsFunnelCell  cell;
} Cell;

static guint
cell_hash (gconstpointer data)
{
  const CellKey *k = data;

  return (k->cut ? g_str_hash (k->cut) : 0) ^ (guint) (k->stage_id * 31 + k->lost_from * 1009 + k->product_id * 65537);
}

static gboolean
cell_equal (gconstpointer a,
            gconstpointer b)
{
  const CellKey *x = a, *y = b;

  return x->stage_id == y->stage_id && x->lost_from == y->lost_from && x->product_id == y->product_id &&
         g_strcmp0 (x->cut, y->cut) == 0;
}

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->key.cut);
  g_free (cell);
}

/* Adds one opportunity to its cell. */
static void
add_to_cells (GHashTable *cells,
              const char *cut,
              gint64      stage_id,
              gint64      lost_from,
              gint64      product_id,
              double      price,
              double      value,
              const char *engage,
              const char *close,
              gboolean    won)
{
  CellKey key = { (char *) cut, stage_id, lost_from, product_id };
  Cell *cell = g_hash_table_lookup (cells, &key);
  gint64 d0, d1;

  if (!cell)
    {
      cell = g_new0 (Cell, 1);
      cell->key = key;
      cell->key.cut = g_strdup (cut);
      cell->cell.stage_id = stage_id;
      cell->cell.lost_from = lost_from;
      cell->cell.list_price = price;
      g_hash_table_add (cells, cell);
    }
  cell->cell.count++;
  if (isnan (value))
    cell->cell.unvalued++;
  else
    cell->cell.value += value;
  if (won && ks_funnel_day_number (engage, &d0) && ks_funnel_day_number (close, &d1) && d1 >= d0)
    {
      cell->cell.days += d1 - d0;
      cell->cell.dated++;
    }
}

static void
bind_filter (KsStmt         *stmt,
             const KsFunnelFilter *filter,
             gint64                account_id,
             int                   cut)
{
  static const KsFunnelFilter none = { 0 };

  if (!filter)
    filter = &none;
  ks_bind_text_or_null (stmt, 1, filter->owner);
  ks_bind_text_or_null (stmt, 2, filter->manager);
  ks_bind_text_or_null (stmt, 3, filter->team);
  ks_bind_text_or_null (stmt, 4, filter->region);
  ks_bind_text_or_null (stmt, 5, filter->product);
  ks_bind_id (stmt, 6, account_id);
  ks_bind_text_or_null (stmt, 7, filter->from);
  ks_bind_text_or_null (stmt, 8, filter->to);
  ks_stmt_bind_int (stmt, 9, cut);
}

/* The account the filter names: its id, or -1 when there is no such
 * account (nothing matches), 0 when the filter names none. */
static gint64
filter_account (KsWorkspace          *workspace,
                const KsFunnelFilter *filter,
                GError              **error)
{
  KsStmt *stmt;
  gint64 id = -1;
  int rc;

  if (!filter || !filter->account)
    return 0;
  if (!(stmt = ks_workspace_prepare (workspace, "SELECT id FROM accounts WHERE name = ?1", error)))
    return G_MININT64;
  ks_bind_text (stmt, 1, filter->account);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    id = ks_stmt_column_int64 (stmt, 0);
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_ROW && rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the accounts"));
      return G_MININT64;
    }
  return id;
}

static gboolean
uses_summary (const KsFunnelFilter *filter,
              int                   cut)
{
  if (cut == KS_FUNNEL_CUT_SECTOR || cut == KS_FUNNEL_CUT_ACCOUNT)
    return FALSE;
  return !filter || (!filter->account && !filter->from && !filter->to);
}

/* Fills @cells (Cell* by key) for @filter, keyed also by @cut (-1 = none). */
static gboolean
load_cells (KsWorkspace          *workspace,
            const KsFunnelFilter *filter,
            int                   cut,
            GHashTable           *cells,
            GError              **error)
{
  KsStmt *stmt;
  gint64 account_id;
  int rc;

  if ((account_id = filter_account (workspace, filter, error)) == G_MININT64)
    return FALSE;
  if (account_id < 0)
    return TRUE;   /* no such account: nothing matches */

  if (uses_summary (filter, cut))
    {
      gboolean people = filter && (filter->owner || filter->manager || filter->team || filter->region);

      people = people || (cut >= 0 && cut != KS_FUNNEL_CUT_PRODUCT);
      if (!(stmt = ks_workspace_prepare (workspace, people ? SUMMARY_CELLS : SUMMARY_CELLS_ALL, error)))
        return FALSE;
      bind_filter (stmt, filter, 0, cut);
      while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
        {
          Cell *cell = g_new0 (Cell, 1);

          cell->key.cut = g_strdup (ks_stmt_column_text (stmt, 0));
          cell->key.stage_id = cell->cell.stage_id = ks_stmt_column_int64 (stmt, 1);
          cell->key.lost_from = cell->cell.lost_from = ks_stmt_column_int64 (stmt, 2);
          cell->key.product_id = g_hash_table_size (cells) + 1;   /* one cell per row */
          cell->cell.list_price = ks_column_double_or_nan (stmt, 3);
          cell->cell.count = ks_stmt_column_int64 (stmt, 4);
          cell->cell.value = ks_stmt_column_double (stmt, 5);
          cell->cell.unvalued = ks_stmt_column_int64 (stmt, 6);
          cell->cell.days = ks_stmt_column_double (stmt, 7);
          cell->cell.dated = ks_stmt_column_int64 (stmt, 8);
          g_hash_table_add (cells, cell);
        }
    }
  else
    {
      if (!(stmt = ks_workspace_prepare (workspace, account_id > 0 ? ROWS_OF_ACCOUNT : ROWS_OF_ALL, error)))
        return FALSE;
      bind_filter (stmt, filter, account_id, cut);
      while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
        add_to_cells (cells, ks_stmt_column_text (stmt, ROW_CUT),
                      ks_stmt_column_int64 (stmt, ROW_STAGE),
                      ks_stmt_column_int64 (stmt, ROW_LOST_FROM),
                      ks_stmt_column_int64 (stmt, ROW_PRODUCT),
                      ks_column_double_or_nan (stmt, ROW_PRICE),
                      ks_column_double_or_nan (stmt, ROW_VALUE),
                      ks_stmt_column_text (stmt, ROW_ENGAGE),
                      ks_stmt_column_text (stmt, ROW_CLOSE),
                      g_strcmp0 (ks_stmt_column_text (stmt, ROW_OUTCOME), "won") == 0);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the funnel"));
      return FALSE;
    }
  return TRUE;
}

static GArray *
cells_array (GHashTable *cells,
             const char *cut)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (KsFunnelCell));
  GHashTableIter iter;
  Cell *cell;

  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, (gpointer *) &cell, NULL))
    if (!cut || g_strcmp0 (cell->key.cut, cut) == 0)
      g_array_append_val (array, cell->cell);
  return array;
}

/* Days spent in each stage, from the stage history: a change leaves its
 * from-stage, which was entered at the previous change (or on the engage
 * date before the first one). */
static gboolean
load_stage_days (KsWorkspace          *workspace,
                 const KsFunnelFilter *filter,
                 GArray               *out,
                 GError              **error)
{
  KsStmt *stmt;
  g_autoptr(GHashTable) by_stage = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  gint64 account_id, previous_opportunity = 0, entered = 0;
  gboolean have_entered = FALSE;
  GHashTableIter iter;
  KsFunnelStageDays *days;
  int rc;

  if ((account_id = filter_account (workspace, filter, error)) == G_MININT64)
    return FALSE;
  if (account_id < 0)
    return TRUE;
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT h.opportunity_id, h.from_stage_id, h.changed, o.engage_date"
                                     "  FROM stage_history h"
                                     "  JOIN opportunities o ON o.id = h.opportunity_id"
                                     "  LEFT JOIN funnel_stages st ON st.id = o.stage_id"
                                     "  LEFT JOIN products p ON p.id = o.product_id"
                                     "  LEFT JOIN people w ON w.id = o.owner_id"
                                     "  LEFT JOIN people m ON m.id = w.manager_id"
                                     " WHERE (CAST (?6 AS BIGINT) IS NULL OR o.account_id = ?6) AND ?9 = -1 AND" ROW_FILTER
                                     " ORDER BY h.opportunity_id, h.changed, h.id",
                                     error)))
    return FALSE;
  bind_filter (stmt, filter, account_id, -1);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      gint64 opportunity = ks_stmt_column_int64 (stmt, 0);
      gint64 from = ks_stmt_column_int64 (stmt, 1);
      gint64 changed;

      if (opportunity != previous_opportunity)
        {
          previous_opportunity = opportunity;
          have_entered = ks_funnel_day_number (ks_stmt_column_text (stmt, 3), &entered);
        }
      if (!ks_funnel_day_number (ks_stmt_column_text (stmt, 2), &changed))
        continue;
      if (have_entered && from > 0 && changed >= entered)
        {
          days = g_hash_table_lookup (by_stage, &from);
          if (!days)
            {
              days = g_new0 (KsFunnelStageDays, 1);
              days->stage_id = from;
              g_hash_table_insert (by_stage, &days->stage_id, days);
            }
          days->days += changed - entered;
          days->samples++;
        }
      entered = changed;
      have_entered = TRUE;
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the stage history"));
      return FALSE;
    }
  g_hash_table_iter_init (&iter, by_stage);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &days))
    g_array_append_val (out, *days);
  return TRUE;
}

KsFunnelReport *
ks_funnel_report_load (KsWorkspace           *workspace,
                       const KsFunnelFilter  *filter,
                       GError               **error)
{
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GHashTable) cells = g_hash_table_new_full (cell_hash, cell_equal, cell_free, NULL);
  g_autoptr(GArray) array = NULL;
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (KsFunnelStageDays));
  KsFunnelTargets targets;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(stages = ks_stage_list (workspace, error)) ||
      !load_cells (workspace, filter, -1, cells, error) ||
      !load_stage_days (workspace, filter, days, error))
    return NULL;
  ks_funnel_get_targets (workspace, &targets);
  array = cells_array (cells, NULL);
  return ks_funnel_compute (stages, (const KsFunnelCell *) array->data, array->len,
                            (const KsFunnelStageDays *) days->data, days->len, &targets);
}

/* ---- cuts ---- */

static int
cut_row_compare (gconstpointer a,
                 gconstpointer b)
{
  const KsFunnelCutRow *x = a, *y = b;

  if (x->open_weighted != y->open_weighted)
    return x->open_weighted < y->open_weighted ? 1 : -1;
  if (x->won_value != y->won_value)
    return x->won_value < y->won_value ? 1 : -1;
  return g_utf8_collate (x->name, y->name);
}

GArray *
ks_funnel_cut_load (KsWorkspace           *workspace,
                    const KsFunnelFilter  *filter,
                    KsFunnelCut            cut,
                    GError               **error)
{
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GHashTable) cells = g_hash_table_new_full (cell_hash, cell_equal, cell_free, NULL);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *rows;
  GHashTableIter iter;
  Cell *cell;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail ((guint) cut <= KS_FUNNEL_CUT_PRODUCT, NULL);

  if (!(stages = ks_stage_list (workspace, error)) ||
      !load_cells (workspace, filter, cut, cells, error))
    return NULL;
  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, (gpointer *) &cell, NULL))
    g_hash_table_add (names, cell->key.cut ? cell->key.cut : (char *) "");

  rows = g_array_new (FALSE, TRUE, sizeof (KsFunnelCutRow));
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &cell, NULL))
    {
      const char *name = (const char *) cell;
      g_autoptr(GArray) part = NULL;
      g_autoptr(KsFunnelReport) report = NULL;
      KsFunnelCutRow row = { 0 };
      GHashTableIter inner;
      Cell *c;

      part = g_array_new (FALSE, TRUE, sizeof (KsFunnelCell));
      g_hash_table_iter_init (&inner, cells);
      while (g_hash_table_iter_next (&inner, (gpointer *) &c, NULL))
        if (g_strcmp0 (c->key.cut ? c->key.cut : "", name) == 0)
          g_array_append_val (part, c->cell);
      report = ks_funnel_compute (stages, (const KsFunnelCell *) part->data, part->len, NULL, 0, NULL);
      row.name = g_strdup (name);
      row.open_count = report->open_count;
      row.open_value = report->open_value;
      row.open_weighted = report->open_weighted;
      row.won_count = report->won_count;
      row.won_value = report->won_value;
      row.lost_count = report->lost_count;
      row.hit_rate = report->hit_rate;
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, cut_row_compare);
  return rows;
}

/* ---- forecast ---- */

KsForecast *
ks_forecast_load (KsWorkspace           *workspace,
                  const KsFunnelFilter  *filter,
                  KsForecastPeriod       period,
                  GError               **error)
{
  g_autoptr(GArray) inputs = g_array_new (FALSE, TRUE, sizeof (KsForecastInput));
  g_autoptr(GStringChunk) strings = g_string_chunk_new (4096);
  KsStmt *stmt;
  gint64 account_id;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if ((account_id = filter_account (workspace, filter, error)) == G_MININT64)
    return NULL;
  if (account_id >= 0)
    {
      gboolean lean = !filter || (!filter->owner && !filter->manager && !filter->team && !filter->region);
      /* column numbers of outcome, probability, value, price, date */
      const int *c = lean ? (const int[]) { 0, 1, 2, 3, 4 }
                          : (const int[]) { ROW_OUTCOME, ROW_PROBABILITY, ROW_VALUE, ROW_PRICE, ROW_DATE };

      if (!(stmt = ks_workspace_prepare (workspace,
                                         lean ? FORECAST_ROWS : account_id > 0 ? ROWS_OF_ACCOUNT : ROWS_OF_ALL,
                                         error)))
        return NULL;
      bind_filter (stmt, filter, account_id, -1);
      while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
        {
          KsForecastInput in = { 0 };
          const char *outcome = ks_stmt_column_text (stmt, c[0]);
          const char *date = ks_stmt_column_text (stmt, c[4]);

          if (!outcome || !ks_outcome_from_string (outcome, &in.outcome) || in.outcome == KS_OUTCOME_LOST)
            continue;
          in.date = date ? g_string_chunk_insert_const (strings, date) : NULL;
          in.value = ks_column_double_or_nan (stmt, c[2]);
          in.list_price = ks_column_double_or_nan (stmt, c[3]);
          in.probability = ks_stmt_column_double (stmt, c[1]);
          g_array_append_val (inputs, in);
        }
      ks_stmt_reset (stmt);
      if (rc != KS_STEP_DONE)
        {
          ks_workspace_set_sql_error (workspace, error, _("read the forecast"));
          return NULL;
        }
    }
  return ks_forecast_compute ((const KsForecastInput *) inputs->data, inputs->len, period);
}

/* ---- the summary ---- */

#define SUMMARY_UPSERT \
  "INSERT INTO funnel_summary (stage_id, owner_id, product_id, lost_from, n, value, unvalued, days, dated)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)" \
  " ON CONFLICT (stage_id, product_id, lost_from, owner_id) DO UPDATE SET" \
  "  n = funnel_summary.n + excluded.n, value = funnel_summary.value + excluded.value," \
  "  unvalued = funnel_summary.unvalued + excluded.unvalued," \
  "  days = funnel_summary.days + excluded.days, dated = funnel_summary.dated + excluded.dated"

/* One opportunity's row, in the summary's terms. */
#define SUMMARY_ROW \
  "SELECT coalesce (o.stage_id, 0), coalesce (o.owner_id, 0), coalesce (o.product_id, 0)," \
  "       coalesce (" LOST_FROM ", 0), o.value, o.engage_date, o.close_date, st.outcome" \
  "  FROM opportunities o LEFT JOIN funnel_stages st ON st.id = o.stage_id"

static gboolean
write_cell (KsWorkspace *workspace,
            gint64       stage_id,
            gint64       owner_id,
            gint64       product_id,
            gint64       lost_from,
            int          n,
            double       value,
            int          unvalued,
            double       days,
            int          dated,
            GError     **error)
{
  KsStmt *stmt = ks_workspace_prepare (workspace, SUMMARY_UPSERT, error);

  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, stage_id);
  ks_stmt_bind_int64 (stmt, 2, owner_id);
  ks_stmt_bind_int64 (stmt, 3, product_id);
  ks_stmt_bind_int64 (stmt, 4, lost_from);
  ks_stmt_bind_int (stmt, 5, n);
  ks_stmt_bind_double (stmt, 6, value);
  ks_stmt_bind_int (stmt, 7, unvalued);
  ks_stmt_bind_double (stmt, 8, days);
  ks_stmt_bind_int (stmt, 9, dated);
  return ks_workspace_step_done (workspace, stmt, _("update the funnel summary"), error);
}

static void
row_days (KsStmt *stmt,
          double       *days,
          int          *dated)
{
  gint64 d0, d1;

  *days = 0;
  *dated = 0;
  if (g_strcmp0 (ks_stmt_column_text (stmt, 7), "won") == 0 &&
      ks_funnel_day_number (ks_stmt_column_text (stmt, 5), &d0) &&
      ks_funnel_day_number (ks_stmt_column_text (stmt, 6), &d1) && d1 >= d0)
    {
      *days = d1 - d0;
      *dated = 1;
    }
}

gboolean
ks_funnel_summary_apply (KsWorkspace *workspace,
                         gint64       opportunity_id,
                         int          sign,
                         GError     **error)
{
  KsStmt *stmt;
  gint64 key[4];
  double value, days;
  int rc, dated, unvalued;

  g_return_val_if_fail (sign == 1 || sign == -1, FALSE);

  if (!(stmt = ks_workspace_prepare (workspace, SUMMARY_ROW " WHERE o.id = ?1", error)))
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, opportunity_id);
  rc = ks_stmt_step (stmt);
  if (rc != KS_STEP_ROW)
    {
      ks_stmt_reset (stmt);
      if (rc == KS_STEP_DONE)
        return TRUE;
      ks_workspace_set_sql_error (workspace, error, _("read the opportunity"));
      return FALSE;
    }
  for (guint i = 0; i < 4; i++)
    key[i] = ks_stmt_column_int64 (stmt, i);
  unvalued = ks_stmt_column_is_null (stmt, 4);
  value = unvalued ? 0 : ks_stmt_column_double (stmt, 4);
  row_days (stmt, &days, &dated);
  ks_stmt_reset (stmt);

  if (!write_cell (workspace, key[0], key[1], key[2], key[3], sign, sign * value, sign * unvalued,
                   sign * days, sign * dated, error))
    return FALSE;
  if (sign < 0)
    {
      if (!(stmt = ks_workspace_prepare (workspace,
                                         "DELETE FROM funnel_summary WHERE n <= 0 AND stage_id = ?1"
                                         " AND owner_id = ?2 AND product_id = ?3 AND lost_from = ?4",
                                         error)))
        return FALSE;
      for (guint i = 0; i < 4; i++)
        ks_stmt_bind_int64 (stmt, i + 1, key[i]);
      if (!ks_workspace_step_done (workspace, stmt, _("update the funnel summary"), error))
        return FALSE;
    }
  return TRUE;
}

guint
ks_funnel_cell_key_hash (gconstpointer data)
{
  const gint64 *k = data;

  return (guint) (k[0] * 7919 + k[1] * 104729 + k[2] * 31 + k[3] * 1299709);
}

gboolean
ks_funnel_cell_key_equal (gconstpointer a,
                          gconstpointer b)
{
  return memcmp (a, b, 4 * sizeof (gint64)) == 0;
}

/* One cell as a line of COPY's text format. */
static gboolean
copy_cell (gpointer  data,
           GString  *line)
{
  GHashTableIter *iter = data;
  KsFunnelSummaryCell *cell;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (!g_hash_table_iter_next (iter, (gpointer *) &cell, NULL))
    return FALSE;
  g_string_append_printf (line, "%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT
                          "\t%" G_GINT64_FORMAT "\t%d\t", cell->key[0], cell->key[1], cell->key[2],
                          cell->key[3], cell->n);
  g_string_append (line, g_ascii_dtostr (number, sizeof number, cell->value));
  g_string_append_printf (line, "\t%d\t", cell->unvalued);
  g_string_append (line, g_ascii_dtostr (number, sizeof number, cell->days));
  g_string_append_printf (line, "\t%d\n", cell->dated);
  return TRUE;
}

gboolean
ks_funnel_summary_write (KsWorkspace  *workspace,
                         GHashTable   *cells,
                         GError      **error)
{
  KsStmt *stmt;
  GHashTableIter iter;
  KsFunnelSummaryCell *cell;

  /* On a server a statement per cell is a round trip per cell (5,640 for
   * the CRM export ×10): one COPY instead. */
  if (ks_workspace_on_server (workspace))
    {
      g_hash_table_iter_init (&iter, cells);
      return ks_workspace_copy_in (workspace,
                                   "COPY funnel_summary (stage_id, product_id, lost_from, owner_id,"
                                   " n, value, unvalued, days, dated) FROM STDIN",
                                   copy_cell, &iter, error);
    }

  /* The cells' keys are distinct and the table holds none of them: a plain
   * INSERT, prepared once. */
  stmt = ks_workspace_prepare (workspace,
                               "INSERT INTO funnel_summary (stage_id, product_id, lost_from, owner_id,"
                               " n, value, unvalued, days, dated)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                               error);
  if (!stmt)
    return FALSE;
  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, (gpointer *) &cell, NULL))
    {
      for (guint i = 0; i < 4; i++)
        ks_stmt_bind_int64 (stmt, i + 1, cell->key[i]);
      ks_stmt_bind_int (stmt, 5, cell->n);
      ks_stmt_bind_double (stmt, 6, cell->value);
      ks_stmt_bind_int (stmt, 7, cell->unvalued);
      ks_stmt_bind_double (stmt, 8, cell->days);
      ks_stmt_bind_int (stmt, 9, cell->dated);
      if (!ks_workspace_step_done (workspace, stmt, _("write the funnel summary"), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ks_funnel_summary_rebuild (KsWorkspace  *workspace,
                           GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_workspace_begin (workspace, _("Rebuild the funnel summary"), error))
    return FALSE;
  if (!ks_funnel_summary_fill (workspace, error))
    {
      ks_workspace_rollback (workspace);
      return FALSE;
    }
  return ks_workspace_commit (workspace, error);
}

gboolean
ks_funnel_summary_fill (KsWorkspace  *workspace,
                        GError      **error)
{
  g_autoptr(GHashTable) cells = g_hash_table_new_full (ks_funnel_cell_key_hash, ks_funnel_cell_key_equal, NULL, g_free);
  KsStmt *stmt;
  KsFunnelSummaryCell *cell;
  int rc;

  if (!ks_workspace_exec (workspace, "DELETE FROM funnel_summary", error) ||
      !(stmt = ks_workspace_prepare (workspace, SUMMARY_ROW, error)))
    return FALSE;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      /* the row gives stage, owner, product, lost-from; the key is
       * stage, product, lost-from, owner */
      gint64 key[4] = { ks_stmt_column_int64 (stmt, 0), ks_stmt_column_int64 (stmt, 2),
                        ks_stmt_column_int64 (stmt, 3), ks_stmt_column_int64 (stmt, 1) };
      double days;
      int dated;

      if (!(cell = g_hash_table_lookup (cells, key)))
        {
          cell = g_new0 (KsFunnelSummaryCell, 1);
          memcpy (cell->key, key, sizeof key);
          g_hash_table_add (cells, cell);
        }
      cell->n++;
      if (ks_stmt_column_is_null (stmt, 4))
        cell->unvalued++;
      else
        cell->value += ks_stmt_column_double (stmt, 4);
      row_days (stmt, &days, &dated);
      cell->days += days;
      cell->dated += dated;
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the opportunities"));
      return FALSE;
    }
  return ks_funnel_summary_write (workspace, cells, error);
}
