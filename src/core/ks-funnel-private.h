/* ks-funnel-private.h — what the funnel's core files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-funnel.h"
#include "ks-workspace-private.h"

G_BEGIN_DECLS

/* Days since a fixed origin of a YYYY-MM-DD date; FALSE when it is not one. */
gboolean ks_funnel_day_number        (const char  *date,
                                      gint64      *day);
/* Today as YYYY-MM-DD (local time); KEYSTONE_TODAY overrides it for tests. */
char    *ks_funnel_today             (void);

/* Takes the opportunity's row out of (@sign -1) or into (+1) the funnel
 * summary, inside the caller's transaction. A missing row is no error. */
gboolean ks_funnel_summary_apply     (KsWorkspace *workspace,
                                      gint64       opportunity_id,
                                      int          sign,
                                      GError     **error);

/* ks_funnel_summary_rebuild () without its own transaction (the schema
 * migration calls it inside its own). */
gboolean ks_funnel_summary_fill      (KsWorkspace *workspace,
                                      GError     **error);

/* One row of the funnel summary, keyed as its primary key. */
typedef struct
{
  gint64 key[4];           /* stage, product, lost-from, owner (0 = none) */
  double value, days;
  int    n, unvalued, dated;
} KsFunnelSummaryCell;

guint    ks_funnel_cell_key_hash     (gconstpointer a);
gboolean ks_funnel_cell_key_equal    (gconstpointer a,
                                      gconstpointer b);
/* Writes @cells (KsFunnelSummaryCell, keyed by themselves) into a summary
 * that holds none of their keys (inside the caller's transaction). */
gboolean ks_funnel_summary_write     (KsWorkspace  *workspace,
                                      GHashTable   *cells,
                                      GError      **error);

/* The stage id a source name maps to (0 = unknown or unmapped); @known
 * tells whether the stage map holds the name at all. */
gint64   ks_funnel_map_source        (KsWorkspace *workspace,
                                      const char  *source,
                                      gboolean    *known,
                                      GError     **error);
/* The stage's outcome; FALSE when there is no such stage. */
gboolean ks_funnel_stage_outcome     (KsWorkspace *workspace,
                                      gint64       stage_id,
                                      KsOutcome   *outcome);

/* Whether an opportunity's stage text means open, won or lost: the outcome
 * of the stage the text maps to; an unmapped text by its name
 * (ks_opportunity_stage_outcome). */
KsOutcome ks_funnel_text_outcome     (KsWorkspace *workspace,
                                      const char  *stage);

/* Maps the opportunities that have a stage text but no stage through the
 * stage map (unknown names join it unmapped) and rebuilds the summary:
 * what a bulk writer calls after writing opportunities by stage name. */
gboolean ks_funnel_map_unmapped      (KsWorkspace *workspace,
                                      GError     **error);

G_END_DECLS
