/* ks-account.h — a customer account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KsAccount is a value object: it holds one row as read from the workspace.
 * Change its properties, then ks_account_save() writes the whole row as one
 * user action (one transaction, one undo step).
 * Unknown numbers: revenue is NaN, year_established and employees are -1.
 */
#pragma once

#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_ACCOUNT (ks_account_get_type ())
G_DECLARE_FINAL_TYPE (KsAccount, ks_account, KS, ACCOUNT, GObject)

/* Stored as these strings; the order is the user-visible order. */
#define KS_SEGMENT_KEY       "key"
#define KS_SEGMENT_IMPORTANT "important"
#define KS_SEGMENT_NORMAL    "normal"

KsAccount   *ks_account_new                  (const char   *name);
KsAccount   *ks_account_copy                 (KsAccount    *self);

gint64       ks_account_get_version          (KsAccount    *self);
gint64       ks_account_get_id               (KsAccount    *self);
const char  *ks_account_get_name             (KsAccount    *self);
void         ks_account_set_name             (KsAccount    *self,
                                              const char   *name);
gint64       ks_account_get_parent_id        (KsAccount    *self);
void         ks_account_set_parent_id        (KsAccount    *self,
                                              gint64        parent_id);
const char  *ks_account_get_parent_name      (KsAccount    *self);  /* read from the workspace */
const char  *ks_account_get_sector           (KsAccount    *self);
void         ks_account_set_sector           (KsAccount    *self,
                                              const char   *sector);
const char  *ks_account_get_country          (KsAccount    *self);
void         ks_account_set_country          (KsAccount    *self,
                                              const char   *country);
const char  *ks_account_get_time_zone        (KsAccount    *self);
void         ks_account_set_time_zone        (KsAccount    *self,
                                              const char   *time_zone);
gint         ks_account_get_year_established (KsAccount    *self);
void         ks_account_set_year_established (KsAccount    *self,
                                              gint          year);
double       ks_account_get_revenue          (KsAccount    *self);
void         ks_account_set_revenue          (KsAccount    *self,
                                              double        revenue);
gint64       ks_account_get_employees        (KsAccount    *self);
void         ks_account_set_employees        (KsAccount    *self,
                                              gint64        employees);
gint64       ks_account_get_owner_id         (KsAccount    *self);
void         ks_account_set_owner_id         (KsAccount    *self,
                                              gint64        owner_id);
const char  *ks_account_get_owner_name       (KsAccount    *self);  /* read from the workspace */
const char  *ks_account_get_segment          (KsAccount    *self);
void         ks_account_set_segment          (KsAccount    *self,
                                              const char   *segment);
const char  *ks_account_get_lifecycle        (KsAccount    *self);
void         ks_account_set_lifecycle        (KsAccount    *self,
                                              const char   *lifecycle);
const char  *ks_account_get_notes            (KsAccount    *self);
void         ks_account_set_notes            (KsAccount    *self,
                                              const char   *notes);

/* The workspace side. */
GListModel  *ks_account_list                 (KsWorkspace  *workspace,
                                              GError      **error);   /* of KsAccount, by name */
KsAccount   *ks_account_load                 (KsWorkspace  *workspace,
                                              gint64        id,
                                              GError      **error);
/* Whether the workspace has an account at all (one indexed row read). */
gboolean     ks_account_any                  (KsWorkspace  *workspace);
KsAccount   *ks_account_find                 (KsWorkspace  *workspace,
                                              const char   *name,     /* exact, then case-insensitive */
                                              GError      **error);
gboolean     ks_account_save                 (KsAccount    *self,
                                              KsWorkspace  *workspace,
                                              GError      **error);   /* insert when id is 0 */
gboolean     ks_account_delete               (KsWorkspace  *workspace,
                                              gint64        id,
                                              GError      **error);
gboolean     ks_account_validate             (KsAccount    *self,
                                              GError      **error);

const char * const *ks_account_segments      (void);  /* NULL-terminated */
const char * const *ks_account_lifecycles    (void);  /* NULL-terminated */
const char  *ks_account_segment_label        (const char *segment);   /* translated */
const char  *ks_account_lifecycle_label      (const char *lifecycle); /* translated */

G_END_DECLS
