/* ks-opportunity.h — a sales opportunity, as imported or entered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates are ISO 8601 strings (YYYY-MM-DD) or NULL; value is NaN when unknown.
 */
#pragma once

#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_OPPORTUNITY (ks_opportunity_get_type ())
G_DECLARE_FINAL_TYPE (KsOpportunity, ks_opportunity, KS, OPPORTUNITY, GObject)

KsOpportunity *ks_opportunity_new                  (const char     *ref);
gint64         ks_opportunity_get_id               (KsOpportunity  *self);
gint64         ks_opportunity_get_version          (KsOpportunity  *self);
const char    *ks_opportunity_get_ref              (KsOpportunity  *self);
void           ks_opportunity_set_ref              (KsOpportunity  *self,
                                                    const char     *ref);
gint64         ks_opportunity_get_account_id       (KsOpportunity  *self);
void           ks_opportunity_set_account_id       (KsOpportunity  *self,
                                                    gint64          account_id);
const char    *ks_opportunity_get_account_name     (KsOpportunity  *self);
gint64         ks_opportunity_get_product_id       (KsOpportunity  *self);
void           ks_opportunity_set_product_id       (KsOpportunity  *self,
                                                    gint64          product_id);
const char    *ks_opportunity_get_product_name     (KsOpportunity  *self);
gint64         ks_opportunity_get_owner_id         (KsOpportunity  *self);
void           ks_opportunity_set_owner_id         (KsOpportunity  *self,
                                                    gint64          owner_id);
const char    *ks_opportunity_get_owner_name       (KsOpportunity  *self);
const char    *ks_opportunity_get_title            (KsOpportunity  *self);
void           ks_opportunity_set_title            (KsOpportunity  *self,
                                                    const char     *title);
const char    *ks_opportunity_get_stage            (KsOpportunity  *self);
void           ks_opportunity_set_stage            (KsOpportunity  *self,
                                                    const char     *stage);
double         ks_opportunity_get_value            (KsOpportunity  *self);
void           ks_opportunity_set_value            (KsOpportunity  *self,
                                                    double          value);
const char    *ks_opportunity_get_engage_date      (KsOpportunity  *self);
void           ks_opportunity_set_engage_date      (KsOpportunity  *self,
                                                    const char     *date);
const char    *ks_opportunity_get_close_date       (KsOpportunity  *self);
void           ks_opportunity_set_close_date       (KsOpportunity  *self,
                                                    const char     *date);
const char    *ks_opportunity_get_expected_close_date (KsOpportunity *self);
void           ks_opportunity_set_expected_close_date (KsOpportunity *self,
                                                       const char    *date);

typedef enum
{
  KS_OUTCOME_OPEN,
  KS_OUTCOME_WON,
  KS_OUTCOME_LOST,
} KsOutcome;

/* The funnel stage (ks-funnel.h) as stored: 0 / "" / NaN / open while the
 * imported stage name is not mapped. */
gint64         ks_opportunity_get_stage_id         (KsOpportunity  *self);
const char    *ks_opportunity_get_stage_name       (KsOpportunity  *self);
double         ks_opportunity_get_probability      (KsOpportunity  *self);
KsOutcome      ks_opportunity_get_outcome          (KsOpportunity  *self);
/* The stored judgement, a KsMomentum; ks_momentum_effective () says what
 * to show. */
int            ks_opportunity_get_momentum         (KsOpportunity  *self);
const char    *ks_opportunity_get_stage_date       (KsOpportunity  *self);
const char    *ks_opportunity_get_last_activity    (KsOpportunity  *self);

/* Whether a stage name means won, lost or still open. Until stages are a
 * workspace setting: the CRM export's "Won"/"Lost" and the book's "order
 * received" and "cancelled or lost", ignoring case and surrounding space. */
KsOutcome      ks_opportunity_stage_outcome        (const char     *stage);

/* An account's opportunities, newest engage date first. */
GListModel    *ks_opportunity_list_for_account     (KsWorkspace    *workspace,
                                                    gint64          account_id,
                                                    GError        **error);
gboolean       ks_opportunity_save                 (KsOpportunity  *self,
                                                    KsWorkspace    *workspace,
                                                    GError        **error);
gboolean       ks_opportunity_delete               (KsWorkspace    *workspace,
                                                    gint64          id,
                                                    GError        **error);
KsOpportunity *ks_opportunity_load                 (KsWorkspace    *workspace,
                                                    gint64          id,
                                                    GError        **error);
gboolean       ks_opportunity_validate             (KsOpportunity  *self,
                                                    GError        **error);

G_END_DECLS
