/* ks-people-list.h — the sidebar on the People page: the company role map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_PEOPLE_LIST (ks_people_list_get_type ())
G_DECLARE_FINAL_TYPE (KsPeopleList, ks_people_list, KS, PEOPLE_LIST, GtkWidget)

GtkWidget   *ks_people_list_new              (void);
void         ks_people_list_set_workspace    (KsPeopleList *self,
                                              KsWorkspace  *workspace);
gint64       ks_people_list_get_selected_id  (KsPeopleList *self);
void         ks_people_list_set_selected_id  (KsPeopleList *self,
                                              gint64        id);
const char  *ks_people_list_get_sort         (KsPeopleList *self);
void         ks_people_list_set_sort         (KsPeopleList *self,
                                              const char   *sort);   /* name, team or accounts */
void         ks_people_list_focus_search     (KsPeopleList *self);
GtkEditable *ks_people_list_get_search_entry (KsPeopleList *self);
guint        ks_people_list_get_n_visible    (KsPeopleList *self);
guint        ks_people_list_get_n_people     (KsPeopleList *self);

G_END_DECLS
