/* ks-plan-contacts-section.h — the account's contacts, edited in the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-plan-context.h"

G_BEGIN_DECLS

#define KS_TYPE_PLAN_CONTACTS_SECTION (ks_plan_contacts_section_get_type ())
G_DECLARE_FINAL_TYPE (KsPlanContactsSection, ks_plan_contacts_section, KS, PLAN_CONTACTS_SECTION, AdwPreferencesGroup)

GtkWidget *ks_plan_contacts_section_new              (KsPlanContext         *ctx,
                                                      const char            *title,
                                                      const char            *description);
/* Brings the rows in step with the context's contacts. While the context
 * defers, the rows of the contacts shown before go and are freed by the
 * pending work. */
void       ks_plan_contacts_section_refresh          (KsPlanContactsSection *self);
/* Another account: KS_PLAN_FIRST_ROWS rows first, the rest by the pending
 * work, in two steps as in ks-plan-list-section.h. */
void       ks_plan_contacts_section_restart          (KsPlanContactsSection *self);
gboolean   ks_plan_contacts_section_has_pending      (KsPlanContactsSection *self);
gboolean   ks_plan_contacts_section_build_step       (KsPlanContactsSection *self);
gboolean   ks_plan_contacts_section_free_step        (KsPlanContactsSection *self);
guint      ks_plan_contacts_section_get_n_contacts   (KsPlanContactsSection *self);
gboolean   ks_plan_contacts_section_has_contact      (KsPlanContactsSection *self,
                                                      gint64                 id);
/* Expands contact @id, builds its rows and returns the one that edits @key
 * ("name", "title", …), and the expander row in @expander (may be NULL);
 * NULL when the contact is not listed or @key unknown. */
GtkWidget *ks_plan_contacts_section_open_contact     (KsPlanContactsSection  *self,
                                                      gint64                  id,
                                                      const char             *key,
                                                      GtkWidget             **expander);
/* "New Contact", else "New Contact 2", 3, …: a name no contact of the account has. */
char      *ks_plan_contacts_section_new_contact_name (KsPlanContactsSection *self);
/* The "Open Power Map" button in the header. */
GtkWidget *ks_plan_contacts_section_get_map_button   (KsPlanContactsSection *self);

G_END_DECLS
