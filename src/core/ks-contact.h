/* ks-contact.h — a person on the customer's side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KsContact is a value object: change its properties, then ks_contact_save()
 * writes the whole row as one user action. Besides the address-book fields it
 * carries the power-map attributes (PRODUCT.md §2): node kind, decision power,
 * relationship, attitude, level, buying roles, owner on our side, last contact
 * date and the position on the canvas (NaN = not placed yet).
 */
#pragma once

#include "ks-powermap-types.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_CONTACT (ks_contact_get_type ())
G_DECLARE_FINAL_TYPE (KsContact, ks_contact, KS, CONTACT, GObject)

KsContact   *ks_contact_new              (gint64        account_id,
                                          const char   *name);
gint64       ks_contact_get_id           (KsContact    *self);
gint64       ks_contact_get_version      (KsContact    *self);
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

/* Power map. Setters store any value; ks_contact_validate() (and so save)
 * refuses what is out of range. */
KsNodeKind      ks_contact_get_kind          (KsContact      *self);
void            ks_contact_set_kind          (KsContact      *self,
                                              KsNodeKind      kind);
KsDecisionPower ks_contact_get_power         (KsContact      *self);   /* 0 unknown, 1 high ... 3 low */
void            ks_contact_set_power         (KsContact      *self,
                                              KsDecisionPower power);
KsRelationship  ks_contact_get_relationship  (KsContact      *self);
void            ks_contact_set_relationship  (KsContact      *self,
                                              KsRelationship  relationship);
KsAttitude      ks_contact_get_attitude      (KsContact      *self);
void            ks_contact_set_attitude      (KsContact      *self,
                                              KsAttitude      attitude);
KsLevel         ks_contact_get_level         (KsContact      *self);
void            ks_contact_set_level         (KsContact      *self,
                                              KsLevel         level);
KsBuyingRoles   ks_contact_get_roles         (KsContact      *self);
void            ks_contact_set_roles         (KsContact      *self,
                                              KsBuyingRoles   roles);
gint64          ks_contact_get_owner_id      (KsContact      *self);   /* a person; 0 = none */
void            ks_contact_set_owner_id      (KsContact      *self,
                                              gint64          owner_id);
const char     *ks_contact_get_owner_name    (KsContact      *self);   /* read from the workspace */
const char     *ks_contact_get_last_contact  (KsContact      *self);   /* YYYY-MM-DD, "" = never */
void            ks_contact_set_last_contact  (KsContact      *self,
                                              const char     *date);
double          ks_contact_get_x             (KsContact      *self);   /* card centre, model units; NaN = not placed */
double          ks_contact_get_y             (KsContact      *self);
void            ks_contact_set_position      (KsContact      *self,
                                              double          x,
                                              double          y);
gboolean        ks_contact_get_pinned        (KsContact      *self);   /* tidy layout keeps it */
void            ks_contact_set_pinned        (KsContact      *self,
                                              gboolean        pinned);

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
/* Finds a contact of the account by name: exact, then ignoring case. */
KsContact   *ks_contact_find             (KsWorkspace  *workspace,
                                          gint64        account_id,
                                          const char   *name,
                                          GError      **error);

/* Canvas positions of several contacts as ONE user action (one undo step):
 * ks_contact_move_many() for a drag of a selection ("Move contacts"),
 * ks_contact_set_positions() for the tidy layout ("Tidy layout"), which leaves
 * pinned contacts where they are. NaN x and y take a node off the canvas.
 * An unknown id refuses the whole call. */
gboolean     ks_contact_move_many        (KsWorkspace  *workspace,
                                          const gint64 *ids,
                                          const double *xs,
                                          const double *ys,
                                          guint         n,
                                          GError      **error);
gboolean     ks_contact_set_positions    (KsWorkspace  *workspace,
                                          const gint64 *ids,
                                          const double *xs,
                                          const double *ys,
                                          guint         n,
                                          GError      **error);

G_END_DECLS
