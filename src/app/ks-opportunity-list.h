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

/* A GtkScrollable: put it in a GtkScrolledWindow. */
GtkWidget          *ks_opportunity_list_new           (void);
void                ks_opportunity_list_set_workspace (KsOpportunityList    *self,
                                                       KsWorkspace          *workspace);
/* @stage_id as in KsOpportunityQuery (-1 = any stage). */
void                ks_opportunity_list_set_query     (KsOpportunityList    *self,
                                                       const KsFunnelFilter *filter,
                                                       gint64                stage_id);
KsOpportunityModel *ks_opportunity_list_get_model     (KsOpportunityList    *self);
/* What clicking a header does (the first click ascending, the next one
 * the other way): the database's order by @column. */
void                ks_opportunity_list_sort_by       (KsOpportunityList    *self,
                                                       KsOpportunityColumn   column,
                                                       gboolean              descending);
/* The column the list is sorted by; FALSE in the default order (by id). */
gboolean            ks_opportunity_list_get_sort      (KsOpportunityList    *self,
                                                       KsOpportunityColumn  *column,
                                                       gboolean             *descending);
/* What a cell of the row for @id shows, as text ("Prospecting (unmapped)"
 * for a stage name no stage stands for); NULL when @id is not listed. */
char               *ks_opportunity_list_get_cell_text (KsOpportunityList    *self,
                                                       gint64                id,
                                                       KsOpportunityColumn   column);
/* The keyboard focus's cell: @position in the model. FALSE when the list
 * is empty (or an edit there was refused). */
gboolean            ks_opportunity_list_set_focus     (KsOpportunityList    *self,
                                                       guint                 position,
                                                       KsOpportunityColumn   column);
/* Focuses and shows the row of @id (its ref), reading the rest of the ids
 * first; FALSE when the query does not list it. */
gboolean            ks_opportunity_list_focus_id      (KsOpportunityList    *self,
                                                       gint64                id);
gboolean            ks_opportunity_list_get_focus     (KsOpportunityList    *self,
                                                       guint                *position,
                                                       KsOpportunityColumn  *column);
gboolean            ks_opportunity_list_is_editing    (KsOpportunityList    *self);
/* Why the text being edited was refused; NULL when it was not. */
const char         *ks_opportunity_list_get_error     (KsOpportunityList    *self);
/* The popover that offers the stages or momenta of the focused cell. */
GtkPopover         *ks_opportunity_list_get_choices   (KsOpportunityList    *self);
/* The rows the last frame showed: [*first, *first + *n); FALSE before any. */
gboolean            ks_opportunity_list_get_shown_rows (KsOpportunityList   *self,
                                                        guint               *first,
                                                        guint               *n);

G_END_DECLS
