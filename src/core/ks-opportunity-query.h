/* ks-opportunity-query.h — which opportunities a funnel filter keeps, in
 * which order: ids for a lazy list, loaded a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Funnel view's list holds only ids (880,000 of them are 7 MB) and
 * loads the opportunities it shows. In the default order (by id) the ids
 * come a slice at a time (keyset: the ids after the last one seen), so a
 * long list grows without blocking a frame; another order is one query,
 * sorted by the database.
 */
#pragma once

#include "ks-funnel.h"

G_BEGIN_DECLS

typedef enum
{
  KS_OPPORTUNITY_SORT_ID,
  KS_OPPORTUNITY_SORT_REF,
  KS_OPPORTUNITY_SORT_TITLE,
  KS_OPPORTUNITY_SORT_ACCOUNT,
  KS_OPPORTUNITY_SORT_OWNER,
  KS_OPPORTUNITY_SORT_PRODUCT,
  KS_OPPORTUNITY_SORT_STAGE,        /* by stage position; unmapped first */
  KS_OPPORTUNITY_SORT_VALUE,        /* no value first */
  KS_OPPORTUNITY_SORT_WEIGHTED,     /* open ones: value (else list price) × probability */
  KS_OPPORTUNITY_SORT_CLOSE_DATE,   /* expected close date while open */
  KS_OPPORTUNITY_SORT_MOMENTUM,     /* effective: developing, stable, fading */
  KS_OPPORTUNITY_SORT_DAYS_IN_STAGE,
  KS_OPPORTUNITY_N_SORTS
} KsOpportunitySort;

/* Which opportunities: @filter (NULL = all) and a stage (@stage_id > 0 that
 * stage, 0 the unmapped ones, -1 any). */
typedef struct
{
  const KsFunnelFilter *filter;
  gint64                stage_id;
} KsOpportunityQuery;

/* Up to @limit ids after @after_id, by id. An empty array at the end. */
GArray     *ks_opportunity_query_ids_after (KsWorkspace              *workspace,
                                            const KsOpportunityQuery *query,
                                            gint64                    after_id,
                                            guint                     limit,
                                            GError                  **error);
/* Every matching id in @sort order (ties by id; @descending reverses the
 * whole order). Momentum is the effective one for @today (YYYY-MM-DD;
 * NULL = today) and the workspace's fading weeks. */
GArray     *ks_opportunity_query_ids_sorted (KsWorkspace              *workspace,
                                             const KsOpportunityQuery *query,
                                             KsOpportunitySort         sort,
                                             gboolean                  descending,
                                             const char               *today,
                                             GError                  **error);
/* The same from a thread with its own read-only connection to the file
 * (880,000 rows sort in about a second, which must not freeze a window);
 * in the calling thread for an in-memory workspace or inside a
 * transaction (another connection would not see it). */
void        ks_opportunity_query_ids_sorted_async  (KsWorkspace              *workspace,
                                                    const KsOpportunityQuery *query,
                                                    KsOpportunitySort         sort,
                                                    gboolean                  descending,
                                                    const char               *today,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
GArray     *ks_opportunity_query_ids_sorted_finish (KsWorkspace              *workspace,
                                                    GAsyncResult             *result,
                                                    GError                  **error);
/* The opportunities with @ids (KsOpportunity*, in the order of @ids; an id
 * that is gone leaves a NULL). */
GPtrArray  *ks_opportunity_query_load      (KsWorkspace              *workspace,
                                            const gint64             *ids,
                                            guint                     n_ids,
                                            GError                  **error);
/* Open opportunities: what they weigh in the funnel (value, else the
 * product's list price, × probability); NaN for closed or unmapped ones or
 * when neither is known. */
double      ks_opportunity_query_weighted  (KsWorkspace              *workspace,
                                            KsOpportunity            *opportunity);
/* The product's list price, NaN when none (a small cache is not kept:
 * one indexed read). */
double      ks_opportunity_query_list_price (KsWorkspace             *workspace,
                                             gint64                   product_id);

/* The names a filter bar offers, sorted, without empty ones:
 * "owner" (people who own an opportunity), "team", "region", "account"
 * (accounts with opportunities), "product". */
GStrv       ks_opportunity_query_filter_values (KsWorkspace          *workspace,
                                                const char           *what,
                                                GError              **error);

/* Today as YYYY-MM-DD (KEYSTONE_TODAY pins it, as for the funnel core). */
char       *ks_opportunity_query_today      (void);
/* Whole days from @date to @today (YYYY-MM-DD both); -1 when either is
 * not a date. */
gint64      ks_opportunity_query_days_since (const char              *date,
                                             const char              *today);

G_END_DECLS
