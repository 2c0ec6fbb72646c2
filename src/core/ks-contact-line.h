/* ks-contact-line.h — a line between two contacts on an account's power map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A value object like KsContact: change its properties, then
 * ks_contact_line_save() writes it as one user action (one undo step).
 * Kinds: reports-to (from reports to to), dotted (dotted-line reporting) and
 * influence (from influences to, with an optional strength 1–3; 0 = not
 * given). Both ends are contacts of the line's account; a line never joins a
 * contact to itself; reporting lines join people (kind "contact") and never
 * make a loop; a contact reports to at most one person (a second manager is a
 * dotted line); the same two ends carry each kind at most once.
 */
#pragma once

#include "ks-powermap-types.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_CONTACT_LINE (ks_contact_line_get_type ())
G_DECLARE_FINAL_TYPE (KsContactLine, ks_contact_line, KS, CONTACT_LINE, GObject)

KsContactLine *ks_contact_line_new              (gint64          from_id,
                                                 gint64          to_id,
                                                 KsLineKind      kind);
gint64         ks_contact_line_get_id           (KsContactLine  *self);
gint64         ks_contact_line_get_account_id   (KsContactLine  *self);   /* set by save */
gint64         ks_contact_line_get_from_id      (KsContactLine  *self);
void           ks_contact_line_set_from_id      (KsContactLine  *self,
                                                 gint64          from_id);
gint64         ks_contact_line_get_to_id        (KsContactLine  *self);
void           ks_contact_line_set_to_id        (KsContactLine  *self,
                                                 gint64          to_id);
KsLineKind     ks_contact_line_get_kind         (KsContactLine  *self);
void           ks_contact_line_set_kind         (KsContactLine  *self,
                                                 KsLineKind      kind);
guint          ks_contact_line_get_strength     (KsContactLine  *self);   /* 1–3, 0 = none */
void           ks_contact_line_set_strength     (KsContactLine  *self,
                                                 guint           strength);

/* Of KsContactLine, in the order they were drawn. */
GListModel    *ks_contact_line_list_for_account (KsWorkspace    *workspace,
                                                 gint64          account_id,
                                                 GError        **error);
KsContactLine *ks_contact_line_load             (KsWorkspace    *workspace,
                                                 gint64          id,
                                                 GError        **error);
gboolean       ks_contact_line_save             (KsContactLine  *self,
                                                 KsWorkspace    *workspace,
                                                 GError        **error);   /* insert when id is 0 */
gboolean       ks_contact_line_delete           (KsWorkspace    *workspace,
                                                 gint64          id,
                                                 GError        **error);
/* The checks of save that need no workspace (ends, kind, strength). */
gboolean       ks_contact_line_validate         (KsContactLine  *self,
                                                 GError        **error);

G_END_DECLS
