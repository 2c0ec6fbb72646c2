/* ks-team-member.h — one person in one account's team (core or extended, with a role)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_TEAM_MEMBER (ks_team_member_get_type ())
G_DECLARE_FINAL_TYPE (KsTeamMember, ks_team_member, KS, TEAM_MEMBER, GObject)

KsTeamMember *ks_team_member_new              (gint64         account_id,
                                               gint64         person_id);

gint64        ks_team_member_get_id           (KsTeamMember  *self);
gint64        ks_team_member_get_account_id   (KsTeamMember  *self);
gint64        ks_team_member_get_person_id    (KsTeamMember  *self);
const char   *ks_team_member_get_account_name (KsTeamMember  *self);
const char   *ks_team_member_get_person_name  (KsTeamMember  *self);
const char   *ks_team_member_get_person_title (KsTeamMember  *self);
gboolean      ks_team_member_get_core         (KsTeamMember  *self);
void          ks_team_member_set_core         (KsTeamMember  *self,
                                               gboolean       core);
const char   *ks_team_member_get_role         (KsTeamMember  *self);
void          ks_team_member_set_role         (KsTeamMember  *self,
                                               const char    *role);

/* Core team first, then by person name. */
GListModel   *ks_team_member_list_for_account (KsWorkspace   *workspace,
                                               gint64         account_id,
                                               GError       **error);
/* By account name: which accounts a person covers. */
GListModel   *ks_team_member_list_for_person  (KsWorkspace   *workspace,
                                               gint64         person_id,
                                               GError       **error);
gboolean      ks_team_member_save             (KsTeamMember  *self,
                                               KsWorkspace   *workspace,
                                               GError       **error);
gboolean      ks_team_member_delete           (KsWorkspace   *workspace,
                                               gint64         id,
                                               GError       **error);
KsTeamMember *ks_team_member_load             (KsWorkspace   *workspace,
                                               gint64         id,
                                               GError       **error);
gboolean      ks_team_member_validate         (KsTeamMember  *self,
                                               GError       **error);

G_END_DECLS
