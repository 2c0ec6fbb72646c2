/* ks-evaluation-page.h — the opportunity evaluation matrix with its
 * scoring panel: a self-contained widget for the funnel view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-evaluation.h"
#include "ks-funnel.h"
#include "ks-palette.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_EVALUATION_PAGE (ks_evaluation_page_get_type ())
G_DECLARE_FINAL_TYPE (KsEvaluationPage, ks_evaluation_page, KS, EVALUATION_PAGE, GtkWidget)

GtkWidget          *ks_evaluation_page_new            (void);
/* Shows @workspace's open opportunities and follows its changes
 * (scores, criteria, settings, opportunities, stages …) on idle. */
void                ks_evaluation_page_set_workspace  (KsEvaluationPage     *self,
                                                       KsWorkspace          *workspace);
/* Only the opportunities matching @filter (copied; NULL = all). Reloads. */
void                ks_evaluation_page_set_filter     (KsEvaluationPage     *self,
                                                       const KsFunnelFilter *filter);
/* Loads again now (a change otherwise reloads on idle). */
void                ks_evaluation_page_reload         (KsEvaluationPage     *self);
/* Writes the matrix as shown to @path: PNG or SVG at 1920 × 1080, PDF on
 * A4 landscape; the format follows the extension. */
gboolean            ks_evaluation_page_export         (KsEvaluationPage     *self,
                                                       const char           *path,
                                                       GError              **error);
/* Draws the matrix as shown fitted to @width × @height (for print). */
void                ks_evaluation_page_draw_to        (KsEvaluationPage     *self,
                                                       cairo_t              *cr,
                                                       const KsPalette      *palette,
                                                       double                width,
                                                       double                height);

/* The opportunity the side panel scores (0 = none) and the matrix's. */
gint64              ks_evaluation_page_get_selected   (KsEvaluationPage     *self);
void                ks_evaluation_page_set_selected   (KsEvaluationPage     *self,
                                                       gint64                id);
/* What is shown (NULL before a workspace is set); owned by the page. */
const KsEvaluation *ks_evaluation_page_get_evaluation (KsEvaluationPage     *self);
GtkWidget          *ks_evaluation_page_get_view       (KsEvaluationPage     *self);
/* The side panel's toggle that gives criterion @criterion_id @score
 * (0 = "not scored"); NULL when there is none. */
GtkWidget          *ks_evaluation_page_get_score_toggle (KsEvaluationPage   *self,
                                                         gint64              criterion_id,
                                                         int                 score);

G_END_DECLS
