/* ks-opportunity-list.h — the Funnel view's table of opportunities: lazy,
 * sorted by the database, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-opportunity-model.h"

G_BEGIN_DECLS

/* The columns, in the order shown. */
typedef enum
{
  KS_OPPORTUNITY_COLUMN_REF,
  KS_OPPORTUNITY_COLUMN_TITLE,
  KS_OPPORTUNITY_COLUMN_ACCOUNT,
  KS_OPPORTUNITY_COLUMN_OWNER,
  KS_OPPORTUNITY_COLUMN_PRODUCT,
  KS_OPPORTUNITY_COLUMN_STAGE,
  KS_OPPORTUNITY_COLUMN_VALUE,
  KS_OPPORTUNITY_COLUMN_WEIGHTED,
  KS_OPPORTUNITY_COLUMN_CLOSE_DATE,
  KS_OPPORTUNITY_COLUMN_MOMENTUM,
  KS_OPPORTUNITY_COLUMN_DAYS,
  KS_OPPORTUNITY_N_COLUMNS
} KsOpportunityColumn;

#define KS_TYPE_OPPORTUNITY_LIST (ks_opportunity_list_get_type ())
G_DECLARE_FINAL_TYPE (KsOpportunityList, ks_opportunity_list, KS, OPPORTUNITY_LIST, GtkWidget)

GtkWidget          *ks_opportunity_list_new           (void);
void                ks_opportunity_list_set_workspace (KsOpportunityList    *self,
                                                       KsWorkspace          *workspace);
/* @stage_id as in KsOpportunityQuery (-1 = any stage). */
void                ks_opportunity_list_set_query     (KsOpportunityList    *self,
                                                       const KsFunnelFilter *filter,
                                                       gint64                stage_id);
KsOpportunityModel *ks_opportunity_list_get_model     (KsOpportunityList    *self);
GtkColumnView      *ks_opportunity_list_get_view      (KsOpportunityList    *self);
/* What clicking a header does: sorts by @column (NULL order = by id). */
void                ks_opportunity_list_sort_by       (KsOpportunityList    *self,
                                                       KsOpportunityColumn   column,
                                                       gboolean              descending);
/* The widget that shows (and edits) @column of the row for @id, once that
 * row is on screen; NULL otherwise. */
GtkWidget          *ks_opportunity_list_get_cell      (KsOpportunityList    *self,
                                                       gint64                id,
                                                       KsOpportunityColumn   column);
/* What the cell shows, as text (a dropdown's selected name, a label's text). */
char               *ks_opportunity_list_get_cell_text (KsOpportunityList    *self,
                                                       gint64                id,
                                                       KsOpportunityColumn   column);

G_END_DECLS
