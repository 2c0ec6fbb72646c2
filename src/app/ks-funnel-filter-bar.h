/* ks-funnel-filter-bar.h — one bar of filters for the whole Funnel view:
 * owner, team, region, account, product and a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-funnel.h"

G_BEGIN_DECLS

typedef enum
{
  KS_FUNNEL_PERIOD_ALL,
  KS_FUNNEL_PERIOD_THIS_QUARTER,
  KS_FUNNEL_PERIOD_NEXT_QUARTER,
  KS_FUNNEL_PERIOD_THIS_YEAR,
  KS_FUNNEL_PERIOD_NEXT_YEAR,
  KS_FUNNEL_PERIOD_CUSTOM,         /* from the bar's from/to entries */
  KS_FUNNEL_N_PERIODS
} KsFunnelPeriod;

/* Which entry of a custom period a message is about. */
typedef enum
{
  KS_FUNNEL_PERIOD_FIELD_NONE,
  KS_FUNNEL_PERIOD_FIELD_FROM,
  KS_FUNNEL_PERIOD_FIELD_TO,
} KsFunnelPeriodField;

/* What a dropdown filters by. */
typedef enum
{
  KS_FUNNEL_FILTER_OWNER,
  KS_FUNNEL_FILTER_TEAM,
  KS_FUNNEL_FILTER_REGION,
  KS_FUNNEL_FILTER_ACCOUNT,
  KS_FUNNEL_FILTER_PRODUCT,
  KS_FUNNEL_N_FILTERS
} KsFunnelFilterKind;

#define KS_TYPE_FUNNEL_FILTER_BAR (ks_funnel_filter_bar_get_type ())
G_DECLARE_FINAL_TYPE (KsFunnelFilterBar, ks_funnel_filter_bar, KS, FUNNEL_FILTER_BAR, GtkWidget)

/* Signals: "changed" when the filter changed (read it with _get_filter). */
GtkWidget            *ks_funnel_filter_bar_new           (void);
/* Fills the dropdowns from the workspace (and again when it changes). */
void                  ks_funnel_filter_bar_set_workspace (KsFunnelFilterBar  *self,
                                                          KsWorkspace        *workspace);
/* The filter (owned by the bar, valid until it changes). */
const KsFunnelFilter *ks_funnel_filter_bar_get_filter    (KsFunnelFilterBar  *self);
/* Picks @value (NULL = all) in a dropdown; FALSE when it does not offer it. */
gboolean              ks_funnel_filter_bar_set_value     (KsFunnelFilterBar  *self,
                                                          KsFunnelFilterKind  kind,
                                                          const char         *value);
void                  ks_funnel_filter_bar_set_period    (KsFunnelFilterBar  *self,
                                                          KsFunnelPeriod      period);
/* Picks Custom… from @from to @to (YYYY-MM-DD; NULL or "" = open), as
 * typed into its entries; refused (nothing changes) when one is not a date
 * or @from is after @to. */
gboolean              ks_funnel_filter_bar_set_custom_period (KsFunnelFilterBar  *self,
                                                              const char         *from,
                                                              const char         *to,
                                                              GError            **error);
/* The custom period's from (or @to) entry. */
GtkEntry             *ks_funnel_filter_bar_get_period_entry (KsFunnelFilterBar  *self,
                                                             gboolean            to);
/* Everything back to all. */
void                  ks_funnel_filter_bar_clear         (KsFunnelFilterBar  *self);
/* [from, to] of @period for @today (YYYY-MM-DD); FALSE for all time. Pure. */
gboolean              ks_funnel_period_range             (KsFunnelPeriod      period,
                                                          const char         *today,
                                                          char              **from,
                                                          char              **to);

/* Whether @from and @to (YYYY-MM-DD; NULL or "" = open) make a period:
 * each a date, @from not after @to; otherwise the message and in @field
 * the entry at fault. Pure. */
gboolean              ks_funnel_period_check             (const char           *from,
                                                          const char           *to,
                                                          KsFunnelPeriodField  *field,
                                                          GError              **error);

G_END_DECLS
