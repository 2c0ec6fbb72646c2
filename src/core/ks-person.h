/* ks-person.h — a person on our side (the company role map)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Value object like KsAccount: change properties, then ks_person_save().
 */
#pragma once

#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_PERSON (ks_person_get_type ())
G_DECLARE_FINAL_TYPE (KsPerson, ks_person, KS, PERSON, GObject)

KsPerson    *ks_person_new              (const char   *name);

gint64       ks_person_get_id           (KsPerson     *self);
gint64       ks_person_get_version      (KsPerson     *self);
const char  *ks_person_get_name         (KsPerson     *self);
void         ks_person_set_name         (KsPerson     *self,
                                         const char   *name);
const char  *ks_person_get_title        (KsPerson     *self);
void         ks_person_set_title        (KsPerson     *self,
                                         const char   *title);
const char  *ks_person_get_phone        (KsPerson     *self);
void         ks_person_set_phone        (KsPerson     *self,
                                         const char   *phone);
const char  *ks_person_get_email        (KsPerson     *self);
void         ks_person_set_email        (KsPerson     *self,
                                         const char   *email);
const char  *ks_person_get_team         (KsPerson     *self);
void         ks_person_set_team         (KsPerson     *self,
                                         const char   *team);
const char  *ks_person_get_region       (KsPerson     *self);
void         ks_person_set_region       (KsPerson     *self,
                                         const char   *region);
const char  *ks_person_get_area         (KsPerson     *self);   /* area of responsibility */
void         ks_person_set_area         (KsPerson     *self,
                                         const char   *area);
gint64       ks_person_get_manager_id   (KsPerson     *self);
void         ks_person_set_manager_id   (KsPerson     *self,
                                         gint64        manager_id);
const char  *ks_person_get_manager_name (KsPerson     *self);   /* read from the workspace */
guint        ks_person_get_account_count (KsPerson    *self);   /* accounts whose team holds them */

GListModel  *ks_person_list             (KsWorkspace  *workspace,
                                         GError      **error);  /* of KsPerson, by name */
KsPerson    *ks_person_load             (KsWorkspace  *workspace,
                                         gint64        id,
                                         GError      **error);
/* Whether the workspace has a person at all (one indexed row read). */
gboolean     ks_person_any              (KsWorkspace  *workspace);
KsPerson    *ks_person_find             (KsWorkspace  *workspace,
                                         const char   *name,
                                         GError      **error);
gboolean     ks_person_save             (KsPerson     *self,
                                         KsWorkspace  *workspace,
                                         GError      **error);
gboolean     ks_person_delete           (KsWorkspace  *workspace,
                                         gint64        id,
                                         GError      **error);
gboolean     ks_person_validate         (KsPerson     *self,
                                         GError      **error);

G_END_DECLS
