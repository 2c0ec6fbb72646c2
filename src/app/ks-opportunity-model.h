/* ks-opportunity-model.h — a lazy list of opportunities: ids in memory,
 * the opportunities loaded a page at a time when shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ks-opportunity-query.h"

G_BEGIN_DECLS

#define KS_TYPE_OPPORTUNITY_MODEL (ks_opportunity_model_get_type ())
G_DECLARE_FINAL_TYPE (KsOpportunityModel, ks_opportunity_model, KS, OPPORTUNITY_MODEL, GObject)

KsOpportunityModel *ks_opportunity_model_new           (void);
void                ks_opportunity_model_set_workspace (KsOpportunityModel   *self,
                                                        KsWorkspace          *workspace);
/* Copies @filter (NULL = all); @stage_id as in KsOpportunityQuery. */
void                ks_opportunity_model_set_query     (KsOpportunityModel   *self,
                                                        const KsFunnelFilter *filter,
                                                        gint64                stage_id);
void                ks_opportunity_model_set_sort      (KsOpportunityModel   *self,
                                                        KsOpportunitySort     sort,
                                                        gboolean              descending);
KsOpportunitySort   ks_opportunity_model_get_sort      (KsOpportunityModel   *self,
                                                        gboolean             *descending);
/* TRUE while ids still come in slices (the "loading" property). */
gboolean            ks_opportunity_model_get_loading   (KsOpportunityModel   *self);
/* TRUE while a sorted query runs in a thread (the ids shown are still in
 * the order before). */
gboolean            ks_opportunity_model_get_sorting   (KsOpportunityModel   *self);
/* Reads the rest of the ids now (the sorted ones too). */
void                ks_opportunity_model_finish        (KsOpportunityModel   *self);
gint64              ks_opportunity_model_get_id        (KsOpportunityModel   *self,
                                                        guint                 position);
/* The position of @id, GTK_INVALID_LIST_POSITION when not listed. */
guint               ks_opportunity_model_find          (KsOpportunityModel   *self,
                                                        gint64                id);
/* The workspace changed: the shown rows load again at once, the ids in the
 * background (what the model does itself on "changed::opportunities" and
 * the tables it shows). */
void                ks_opportunity_model_refresh       (KsOpportunityModel   *self);

G_END_DECLS
