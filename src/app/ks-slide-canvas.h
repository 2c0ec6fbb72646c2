/* ks-slide-canvas.h — one slide of a review meeting's deck, drawn at the
 * widget's size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-meeting-slides.h"

G_BEGIN_DECLS

#define KS_TYPE_SLIDE_CANVAS (ks_slide_canvas_get_type ())
G_DECLARE_FINAL_TYPE (KsSlideCanvas, ks_slide_canvas, KS, SLIDE_CANVAS, GtkWidget)

GtkWidget     *ks_slide_canvas_new        (void);
/* Shows slides of @deck, which the caller keeps alive until it sets
 * another deck (or NULL). */
void           ks_slide_canvas_set_deck   (KsSlideCanvas *self,
                                           KsMeetingDeck *deck);
/* The slide shown; -1 shows none (the background only). Out of range
 * counts as -1. */
void           ks_slide_canvas_set_slide  (KsSlideCanvas *self,
                                           int            slide);
int            ks_slide_canvas_get_slide  (KsSlideCanvas *self);
/* Forgets every drawn slide (after ks_meeting_deck_reload). */
void           ks_slide_canvas_invalidate (KsSlideCanvas *self);
/* Slides drawn and kept for a later showing (for tests and the bench). */
guint          ks_slide_canvas_get_n_kept (KsSlideCanvas *self);

G_END_DECLS
