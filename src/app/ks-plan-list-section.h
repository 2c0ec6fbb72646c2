/* ks-plan-list-section.h — one list of the plan: objectives, products, meetings, …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-plan.h"
#include "ks-plan-context.h"
#include "ks-plan-field-editor.h"

G_BEGIN_DECLS

#define KS_TYPE_PLAN_LIST_SECTION (ks_plan_list_section_get_type ())
G_DECLARE_FINAL_TYPE (KsPlanListSection, ks_plan_list_section, KS, PLAN_LIST_SECTION, AdwPreferencesGroup)

/* The group that lists the items of @list of @ctx's plan; @title and
 * @description may be NULL. */
GtkWidget *ks_plan_list_section_new           (KsPlanContext     *ctx,
                                               KsPlanList         list,
                                               const char        *title,
                                               const char        *description);
/* Brings the rows in step with the context's plan (not NULL); text being
 * typed stays unless @replace. */
void       ks_plan_list_section_sync          (KsPlanListSection *self,
                                               gboolean           replace);
/* No plan any more: the rows go at once (they point into the plan). */
void       ks_plan_list_section_clear         (KsPlanListSection *self);
/* Another account: the lists start afresh, with KS_PLAN_FIRST_ROWS rows
 * built; the rows go at once and are freed by the pending work. */
void       ks_plan_list_section_restart       (KsPlanListSection *self);
/* The work left after the first frame: building the rest of the first
 * page, a few rows a step, then freeing the previous account's rows, one a
 * step. Each step returns FALSE when it had nothing to do. */
gboolean   ks_plan_list_section_has_pending   (KsPlanListSection *self);
gboolean   ks_plan_list_section_build_step    (KsPlanListSection *self);
gboolean   ks_plan_list_section_free_step     (KsPlanListSection *self);
/* "Show More": ten more items. */
void       ks_plan_list_section_show_more     (KsPlanListSection *self);
/* The people, products or contacts changed: summaries and pickers again. */
void       ks_plan_list_section_refill_references (KsPlanListSection *self,
                                                   KsPlanKind         kind);
/* Saves long text typed in the items' rows. */
void       ks_plan_list_section_flush         (KsPlanListSection *self);
guint      ks_plan_list_section_get_n_items   (KsPlanListSection *self);
/* Whether item @id is shown; an item past the shown ones is shown first. */
gboolean   ks_plan_list_section_has_item      (KsPlanListSection *self,
                                               gint64             id);
gboolean   ks_plan_list_section_item_is_built (KsPlanListSection *self,
                                               gint64             id);
/* Expands item @id (shown first, as has_item does), builds its rows and
 * returns the editor of its field @field, and its expander row in
 * @expander (may be NULL); NULL when there is no such item or field. */
KsPlanFieldEditor *
           ks_plan_list_section_open_item     (KsPlanListSection  *self,
                                               gint64              id,
                                               guint               field,
                                               GtkWidget         **expander);
/* The "Add …" button in the header. */
GtkWidget *ks_plan_list_section_get_add_button (KsPlanListSection *self);

G_END_DECLS
