/* ks-plan-findings.h — the completeness panel beside the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-plan-check.h"
#include "ks-plan-context.h"

G_BEGIN_DECLS

#define KS_TYPE_PLAN_FINDINGS (ks_plan_findings_get_type ())
G_DECLARE_FINAL_TYPE (KsPlanFindings, ks_plan_findings, KS, PLAN_FINDINGS, GtkWidget)

/* The plan it checks; set once, before the first refresh. */
void                 ks_plan_findings_set_context  (KsPlanFindings *self,
                                                    KsPlanContext  *ctx);
/* Checks the context's plan again; the rows stay when nothing changed (and
 * keep the focus). While the context defers, the rows wait for the pending
 * work. TRUE when the findings changed. */
gboolean             ks_plan_findings_refresh      (KsPlanFindings *self);
/* Another account: ten rows first again. */
void                 ks_plan_findings_restart      (KsPlanFindings *self);
/* All the findings, shown or not. */
guint                ks_plan_findings_get_n        (KsPlanFindings *self);
/* The work left after the first frame, in two steps as in
 * ks-plan-list-section.h: the rows, then freeing the previous ones. */
gboolean             ks_plan_findings_has_pending  (KsPlanFindings *self);
gboolean             ks_plan_findings_build_step   (KsPlanFindings *self);
gboolean             ks_plan_findings_free_step    (KsPlanFindings *self);
/* The finding rows shown (not "Show More"). */
guint                ks_plan_findings_get_n_shown  (KsPlanFindings *self);
const KsPlanFinding *ks_plan_findings_get_finding  (KsPlanFindings *self,
                                                    guint           index);
/* As a click on row @index: a finding emits "finding-activated", the row
 * after the shown ones shows more. */
void                 ks_plan_findings_activate_row (KsPlanFindings *self,
                                                    guint           index);

G_END_DECLS
