/* ks-evaluation-view.h — the opportunity evaluation matrix canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-evaluation.h"
#include "ks-matrix-canvas.h"
#include "ks-portfolio-layout.h"

G_BEGIN_DECLS

#define KS_TYPE_EVALUATION_VIEW (ks_evaluation_view_get_type ())
G_DECLARE_FINAL_TYPE (KsEvaluationView, ks_evaluation_view, KS, EVALUATION_VIEW, KsMatrixCanvas)

GtkWidget    *ks_evaluation_view_new             (void);
/* Shows @evaluation, which must stay alive until the next call (or NULL).
 * The selection is kept when its opportunity is still there. */
void          ks_evaluation_view_set_evaluation  (KsEvaluationView   *self,
                                                  const KsEvaluation *evaluation);
/* The selected opportunity (0 = none); setting it emits "selection-changed"
 * when it changes. An opportunity that is not placed can be selected too
 * (the side panel scores it), it just has no bubble. */
gint64        ks_evaluation_view_get_selected    (KsEvaluationView   *self);
void          ks_evaluation_view_set_selected    (KsEvaluationView   *self,
                                                  gint64              id);
gint64        ks_evaluation_view_get_hovered     (KsEvaluationView   *self);
/* The layout of the last frame (NULL before the first allocation). */
const KsMatrixLayout *ks_evaluation_view_get_layout (KsEvaluationView *self);
/* The hover card's lines for item @index of the evaluation, as drawn. */
GPtrArray    *ks_evaluation_view_card_lines      (KsEvaluationView   *self,
                                                  guint               index);

G_END_DECLS
