/* ks-opportunity-query.c — which opportunities a funnel filter keeps, in
 * which order: ids for a lazy list, loaded a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fixed statements only: one per order, the filter's parts bound as
 * parameters (NULL = not filtered), the same numbers as ks-funnel-load.c:
 * ?1 owner, ?2 manager, ?3 team, ?4 region, ?5 product, ?6 account,
 * ?7 from, ?8 to, then ?10 stage (NULL any, 0 unmapped), ?11 the id after
 * which a slice starts, ?12 its length, ?13 the newest date that is fading.
 */
#define G_LOG_DOMAIN "ks-opportunity-query"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ks-funnel-private.h"
#include "ks-opportunity-query.h"
#include "ks-workspace-private.h"

#define QUERY_FROM \
  "  FROM opportunities o" \
  "  LEFT JOIN funnel_stages st ON st.id = o.stage_id" \
  "  LEFT JOIN products p ON p.id = o.product_id" \
  "  LEFT JOIN accounts a ON a.id = o.account_id" \
  "  LEFT JOIN people w ON w.id = o.owner_id" \
  "  LEFT JOIN people m ON m.id = w.manager_id"

/* The date a period filter goes by (as ks-funnel-load.c). */
#define QUERY_DATE \
  "CASE WHEN st.outcome IS NULL OR st.outcome = 'open'" \
  "  THEN coalesce (o.expected_close_date, o.close_date) ELSE o.close_date END"

#define QUERY_WHERE \
  " WHERE (?1 IS NULL OR w.name = ?1) AND (?2 IS NULL OR m.name = ?2)" \
  "   AND (?3 IS NULL OR w.team = ?3) AND (?4 IS NULL OR w.region = ?4)" \
  "   AND (?5 IS NULL OR p.name = ?5) AND (?6 IS NULL OR a.name = ?6)" \
  "   AND (?7 IS NULL OR " QUERY_DATE " >= ?7) AND (?8 IS NULL OR " QUERY_DATE " <= ?8)" \
  "   AND (CAST (?10 AS BIGINT) IS NULL OR coalesce (o.stage_id, 0) = ?10)"

#define SORTED(key) "SELECT o.id" QUERY_FROM QUERY_WHERE " ORDER BY " key ", o.id"

/* Newest of the three dates; '' when none. */
#define NEWEST_DATE \
  "max (coalesce (o.last_activity, ''), coalesce (o.stage_date, ''), coalesce (o.engage_date, ''))"

static const char *const sorted_sql[KS_OPPORTUNITY_N_SORTS] = {
  [KS_OPPORTUNITY_SORT_ID] = SORTED ("o.id"),
  [KS_OPPORTUNITY_SORT_REF] = SORTED ("o.ref"),
  [KS_OPPORTUNITY_SORT_TITLE] = SORTED ("o.title COLLATE NOCASE"),
  [KS_OPPORTUNITY_SORT_ACCOUNT] = SORTED ("a.name COLLATE NOCASE"),
  [KS_OPPORTUNITY_SORT_OWNER] = SORTED ("w.name COLLATE NOCASE"),
  [KS_OPPORTUNITY_SORT_PRODUCT] = SORTED ("p.name COLLATE NOCASE"),
  [KS_OPPORTUNITY_SORT_STAGE] = SORTED ("coalesce (st.position, 0)"),
  [KS_OPPORTUNITY_SORT_VALUE] = SORTED ("o.value"),
  [KS_OPPORTUNITY_SORT_WEIGHTED] =
    SORTED ("CASE WHEN st.outcome = 'open' THEN coalesce (o.value, p.price) * st.probability END"),
  [KS_OPPORTUNITY_SORT_CLOSE_DATE] = SORTED (QUERY_DATE),
  [KS_OPPORTUNITY_SORT_MOMENTUM] =
    SORTED ("CASE WHEN (st.outcome IS NULL OR st.outcome = 'open') AND " NEWEST_DATE " <> ''"
            "      AND " NEWEST_DATE " <= ?13 THEN 2"
            "     ELSE CASE o.momentum WHEN 'developing' THEN 0 WHEN 'stable' THEN 1 ELSE 2 END END"),
  /* fewest days first: the newest stage date first, none last */
  [KS_OPPORTUNITY_SORT_DAYS_IN_STAGE] =
    SORTED ("coalesce (o.stage_date, o.engage_date) IS NULL, coalesce (o.stage_date, o.engage_date) DESC"),
};

/* Helpers */

static void
bind_query (KsStmt             *stmt,
            const KsOpportunityQuery *query)
{
  const KsFunnelFilter *f = query ? query->filter : NULL;

  if (f)
    {
      ks_bind_text_or_null (stmt, 1, f->owner);
      ks_bind_text_or_null (stmt, 2, f->manager);
      ks_bind_text_or_null (stmt, 3, f->team);
      ks_bind_text_or_null (stmt, 4, f->region);
      ks_bind_text_or_null (stmt, 5, f->product);
      ks_bind_text_or_null (stmt, 6, f->account);
      ks_bind_text_or_null (stmt, 7, f->from);
      ks_bind_text_or_null (stmt, 8, f->to);
    }
  if (query && query->stage_id >= 0)
    ks_stmt_bind_int64 (stmt, 10, query->stage_id);
}

static GArray *
collect_ids (KsWorkspace   *workspace,
             KsStmt  *stmt,
             GError       **error)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      gint64 id = ks_stmt_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the opportunities"));
      g_array_unref (ids);
      return NULL;
    }
  return ids;
}

static void
reverse_ids (GArray *ids)
{
  for (guint i = 0, j = ids->len; i + 1 < j; i++, j--)
    {
      gint64 t = g_array_index (ids, gint64, i);
      g_array_index (ids, gint64, i) = g_array_index (ids, gint64, j - 1);
      g_array_index (ids, gint64, j - 1) = t;
    }
}

static char *
fading_cutoff (KsWorkspace *workspace,
               const char  *today)
{
  g_autofree char *now = today ? g_strdup (today) : ks_funnel_today ();
  guint weeks = ks_funnel_get_fading_weeks (workspace);
  int y, m, d;
  GDate date;
  char buffer[16];

  if (sscanf (now, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return g_strdup ("");
  g_date_set_dmy (&date, d, m, y);
  g_date_subtract_days (&date, 7 * weeks);
  g_snprintf (buffer, sizeof buffer, "%04d-%02d-%02d",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
  return g_strdup (buffer);
}

/* Public API */

GArray *
ks_opportunity_query_ids_after (KsWorkspace              *workspace,
                                const KsOpportunityQuery *query,
                                gint64                    after_id,
                                guint                     limit,
                                GError                  **error)
{
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT o.id" QUERY_FROM QUERY_WHERE
                                     " AND o.id > ?11 ORDER BY o.id LIMIT ?12", error)))
    return NULL;
  bind_query (stmt, query);
  ks_stmt_bind_int64 (stmt, 11, after_id);
  ks_stmt_bind_int64 (stmt, 12, limit);
  return collect_ids (workspace, stmt, error);
}

GArray *
ks_opportunity_query_ids_sorted (KsWorkspace              *workspace,
                                 const KsOpportunityQuery *query,
                                 KsOpportunitySort         sort,
                                 gboolean                  descending,
                                 const char               *today,
                                 GError                  **error)
{
  KsStmt *stmt;
  GArray *ids;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (sort < KS_OPPORTUNITY_N_SORTS, NULL);

  if (!(stmt = ks_workspace_prepare (workspace, sorted_sql[sort], error)))
    return NULL;
  bind_query (stmt, query);
  if (sort == KS_OPPORTUNITY_SORT_MOMENTUM)
    {
      g_autofree char *cutoff = fading_cutoff (workspace, today);
      ks_bind_text (stmt, 13, cutoff);
    }
  if (!(ids = collect_ids (workspace, stmt, error)))
    return NULL;
  if (descending)
    reverse_ids (ids);
  return ids;
}

/* The sorted ids from a thread of its own */

typedef struct
{
  KsDb              *db;         /* ks_workspace_open_reader (), closed with the job */
  KsFunnelFilter     filter;     /* strings owned */
  gint64             stage_id;
  KsOpportunitySort  sort;
  gboolean           descending;
  char              *cutoff;
} SortJob;

static void
sort_job_free (gpointer data)
{
  SortJob *job = data;

  ks_db_close (job->db);
  ks_funnel_filter_clear (&job->filter);
  g_free (job->cutoff);
  g_free (job);
}

static void
sort_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  SortJob *job = data;
  KsOpportunityQuery query = { &job->filter, job->stage_id };
  KsStmt *stmt = ks_db_prepare (job->db, sorted_sql[job->sort], NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  KsStep rc = KS_STEP_ERROR;

  if (stmt)
    {
      bind_query (stmt, &query);
      if (job->sort == KS_OPPORTUNITY_SORT_MOMENTUM)
        ks_bind_text (stmt, 13, job->cutoff);
      while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
        {
          gint64 id = ks_stmt_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
          if ((ids->len & 0xffff) == 0 && g_cancellable_is_cancelled (cancellable))
            break;
        }
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, NULL))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Sorting was cancelled"));
  else if (rc != KS_STEP_DONE)
    /* Translators: %s is SQLite's reason */
    g_task_return_new_error (task, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                             _("Could not sort the opportunities: %s"), ks_db_error_message (job->db));
  else
    {
      if (job->descending)
        reverse_ids (ids);
      g_task_return_pointer (task, g_steal_pointer (&ids), (GDestroyNotify) g_array_unref);
    }
}

void
ks_opportunity_query_ids_sorted_async (KsWorkspace              *workspace,
                                       const KsOpportunityQuery *query,
                                       KsOpportunitySort         sort,
                                       gboolean                  descending,
                                       const char               *today,
                                       GCancellable             *cancellable,
                                       GAsyncReadyCallback       callback,
                                       gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  const KsFunnelFilter *f = query ? query->filter : NULL;
  KsDb *reader;
  SortJob *job;

  g_return_if_fail (KS_IS_WORKSPACE (workspace));
  g_return_if_fail (sort < KS_OPPORTUNITY_N_SORTS);

  task = g_task_new (workspace, cancellable, callback, user_data);
  g_task_set_source_tag (task, ks_opportunity_query_ids_sorted_async);
  if (!(reader = ks_workspace_open_reader (workspace)))
    {
      /* nothing another connection could read: here and now */
      g_autoptr(GError) error = NULL;
      GArray *ids = ks_opportunity_query_ids_sorted (workspace, query, sort, descending, today, &error);

      if (ids)
        g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job = g_new0 (SortJob, 1);
  job->db = reader;
  ks_funnel_filter_copy (&job->filter, f);
  job->stage_id = query ? query->stage_id : -1;
  job->sort = sort;
  job->descending = descending;
  if (sort == KS_OPPORTUNITY_SORT_MOMENTUM)
    job->cutoff = fading_cutoff (workspace, today);
  g_task_set_task_data (task, job, sort_job_free);
  g_task_run_in_thread (task, sort_thread);
}

GArray *
ks_opportunity_query_ids_sorted_finish (KsWorkspace   *workspace,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, workspace), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GPtrArray *
ks_opportunity_query_load (KsWorkspace   *workspace,
                           const gint64  *ids,
                           guint          n_ids,
                           GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n_ids, g_object_unref);

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GError) local = NULL;
      KsOpportunity *o = ks_opportunity_load (workspace, ids[i], &local);

      if (!o && !g_error_matches (local, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      g_ptr_array_add (items, o);
    }
  return g_steal_pointer (&items);
}

double
ks_opportunity_query_list_price (KsWorkspace *workspace,
                                 gint64       product_id)
{
  KsStmt *stmt;
  double price = NAN;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NAN);

  if (product_id <= 0 ||
      !(stmt = ks_workspace_prepare (workspace, "SELECT price FROM products WHERE id = ?1", NULL)))
    return NAN;
  ks_stmt_bind_int64 (stmt, 1, product_id);
  if (ks_stmt_step (stmt) == KS_STEP_ROW)
    price = ks_column_double_or_nan (stmt, 0);
  ks_stmt_reset (stmt);
  return price;
}

double
ks_opportunity_query_weighted (KsWorkspace   *workspace,
                               KsOpportunity *opportunity)
{
  double value;

  g_return_val_if_fail (KS_IS_OPPORTUNITY (opportunity), NAN);

  if (ks_opportunity_get_stage_id (opportunity) == 0 ||
      ks_opportunity_get_outcome (opportunity) != KS_OUTCOME_OPEN)
    return NAN;
  value = ks_opportunity_get_value (opportunity);
  if (isnan (value))
    value = ks_opportunity_query_list_price (workspace, ks_opportunity_get_product_id (opportunity));
  if (isnan (value))
    return NAN;
  return value * ks_opportunity_get_probability (opportunity) / 100.0;
}

GStrv
ks_opportunity_query_filter_values (KsWorkspace  *workspace,
                                    const char   *what,
                                    GError      **error)
{
  static const struct { const char *what; const char *sql; } queries[] = {
    /* owners through the funnel summary (opportunities have no index on
     * owner_id: one scan of them per person took 100 s at ×100) */
    /* GROUP BY, not DISTINCT: PostgreSQL sorts a DISTINCT only by what it
     * selects, and NOCASE sorts by an expression (ks-db-pg.c). */
    { "owner", "SELECT w.name FROM funnel_summary s JOIN people w ON w.id = s.owner_id"
               " WHERE s.n > 0 GROUP BY w.name ORDER BY w.name COLLATE NOCASE" },
    { "team", "SELECT team FROM people WHERE team <> '' GROUP BY team ORDER BY team COLLATE NOCASE" },
    { "region", "SELECT region FROM people WHERE region <> '' GROUP BY region ORDER BY region COLLATE NOCASE" },
    { "account", "SELECT a.name FROM accounts a"
                 " WHERE EXISTS (SELECT 1 FROM opportunities o WHERE o.account_id = a.id)"
                 " ORDER BY a.name COLLATE NOCASE" },
    { "product", "SELECT name FROM products ORDER BY name COLLATE NOCASE" },
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  KsStmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    if (g_strcmp0 (queries[i].what, what) == 0 &&
        !(stmt = ks_workspace_prepare (workspace, queries[i].sql, error)))
      return NULL;
  if (!stmt)
    return g_strv_builder_end (builder);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    g_strv_builder_add (builder, ks_column_text (stmt, 0));
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the filter’s names"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

char *
ks_opportunity_query_today (void)
{
  return ks_funnel_today ();
}

gint64
ks_opportunity_query_days_since (const char *date,
                                 const char *today)
{
  gint64 from, to;

  if (!ks_funnel_day_number (date, &from) || !ks_funnel_day_number (today, &to))
    return -1;
  return to - from;
}
