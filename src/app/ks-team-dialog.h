/* ks-team-dialog.h — Connect to Team Workspace, and the keyring behind it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-window.h"

G_BEGIN_DECLS

#define KS_TYPE_TEAM_DIALOG (ks_team_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KsTeamDialog, ks_team_dialog, KS, TEAM_DIALOG, AdwWindow)

/* Shows the form over @window, filled from @uri when given (the password
 * is asked for again), with @error's message when a connection failed. A
 * connected workspace goes into @window. */
KsTeamDialog *ks_team_dialog_show      (KsWindow      *window,
                                        const char    *uri,
                                        const GError  *error);
/* For tests: the form's fields, Connect, and the error shown (NULL: none). */
void          ks_team_dialog_fill      (KsTeamDialog  *self,
                                        const char    *host,
                                        const char    *database,
                                        const char    *user,
                                        const char    *password);
void          ks_team_dialog_connect   (KsTeamDialog  *self);
const char   *ks_team_dialog_get_error (KsTeamDialog  *self);

/* The password the keyring keeps for @uri, or NULL. */
char         *ks_team_password_lookup  (const char    *uri);
/* Opens the team workspace @uri with the keyring's password. */
KsWorkspace  *ks_team_open             (const char    *uri,
                                        GError       **error);

G_END_DECLS
