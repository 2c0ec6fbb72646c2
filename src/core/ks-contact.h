/* ks-contact.h — a person on the customer's side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The power map adds its attributes to contacts in a later schema step.
 */
#pragma once

#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_CONTACT (ks_contact_get_type ())
G_DECLARE_FINAL_TYPE (KsContact, ks_contact, KS, CONTACT, GObject)

KsContact   *ks_contact_new              (gint64        account_id,
                                          const char   *name);
gint64       ks_contact_get_id           (KsContact    *self);
gint64       ks_contact_get_account_id   (KsContact    *self);
const char  *ks_contact_get_name         (KsContact    *self);
void         ks_contact_set_name         (KsContact    *self,
                                          const char   *name);
const char  *ks_contact_get_title        (KsContact    *self);
void         ks_contact_set_title        (KsContact    *self,
                                          const char   *title);
const char  *ks_contact_get_department   (KsContact    *self);
void         ks_contact_set_department   (KsContact    *self,
                                          const char   *department);
const char  *ks_contact_get_phone        (KsContact    *self);
void         ks_contact_set_phone        (KsContact    *self,
                                          const char   *phone);
const char  *ks_contact_get_email        (KsContact    *self);
void         ks_contact_set_email        (KsContact    *self,
                                          const char   *email);
const char  *ks_contact_get_channel      (KsContact    *self);   /* preferred channel */
void         ks_contact_set_channel      (KsContact    *self,
                                          const char   *channel);
const char  *ks_contact_get_time_zone    (KsContact    *self);
void         ks_contact_set_time_zone    (KsContact    *self,
                                          const char   *time_zone);
const char  *ks_contact_get_notes        (KsContact    *self);
void         ks_contact_set_notes        (KsContact    *self,
                                          const char   *notes);

GListModel  *ks_contact_list_for_account (KsWorkspace  *workspace,
                                          gint64        account_id,
                                          GError      **error);
gboolean     ks_contact_save             (KsContact    *self,
                                          KsWorkspace  *workspace,
                                          GError      **error);
gboolean     ks_contact_delete           (KsWorkspace  *workspace,
                                          gint64        id,
                                          GError      **error);
KsContact   *ks_contact_load             (KsWorkspace  *workspace,
                                          gint64        id,
                                          GError      **error);
gboolean     ks_contact_validate         (KsContact    *self,
                                          GError      **error);

G_END_DECLS
