/* ks-people-page.h — one person on our side: role, contact, accounts covered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_PEOPLE_PAGE (ks_people_page_get_type ())
G_DECLARE_FINAL_TYPE (KsPeoplePage, ks_people_page, KS, PEOPLE_PAGE, GtkWidget)

GtkWidget *ks_people_page_new            (void);
void       ks_people_page_set_workspace  (KsPeoplePage *self,
                                          KsWorkspace  *workspace);
gint64     ks_people_page_get_person_id  (KsPeoplePage *self);
void       ks_people_page_set_person_id  (KsPeoplePage *self,
                                          gint64        person_id);
void       ks_people_page_focus_name     (KsPeoplePage *self);
/* The entry row of a field ("name", "title", "team", "region", "area",
 * "phone", "email"), for tests. */
GtkWidget *ks_people_page_get_field_row  (KsPeoplePage *self,
                                          const char   *field);
guint      ks_people_page_get_n_accounts (KsPeoplePage *self);

G_END_DECLS
