/* ks-window.h — the main window: one workspace, its accounts and people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_WINDOW (ks_window_get_type ())
G_DECLARE_FINAL_TYPE (KsWindow, ks_window, KS, WINDOW, AdwApplicationWindow)

KsWindow    *ks_window_new                 (GtkApplication *application);

/* Shows @workspace (the window takes a reference and turns undo on); NULL
 * shows the "no workspace" page. */
void         ks_window_set_workspace       (KsWindow       *self,
                                            KsWorkspace    *workspace);
KsWorkspace *ks_window_get_workspace       (KsWindow       *self);

/* Opens the file and shows it; on failure explains why in a dialog that
 * offers to open another workspace or create a new one, and returns FALSE. */
gboolean     ks_window_open_path           (KsWindow       *self,
                                            const char     *path,
                                            gboolean        report_errors);
/* The workspace to start with: last-workspace from GSettings when it opens,
 * else the default workspace, created with the demo company on first run. */
void         ks_window_open_startup        (KsWindow       *self);

/* "accounts", "people", "portfolio", "raci" or "funnel". */
void         ks_window_set_page            (KsWindow       *self,
                                            const char     *page);
const char  *ks_window_get_page            (KsWindow       *self);
/* The account's view: "profile", "map" (the power map), "plan" or "raci". */
void         ks_window_set_account_view    (KsWindow       *self,
                                            const char     *view);
GtkWidget   *ks_window_get_powermap_page   (KsWindow       *self);
GtkWidget   *ks_window_get_plan_page       (KsWindow       *self);
/* The portfolio review (built when first asked for or shown). */
GtkWidget   *ks_window_get_portfolio_page  (KsWindow       *self);
/* The RACI view's page (company and process charts) and the account's RACI
 * tab (built when first asked for or shown). */
GtkWidget   *ks_window_get_raci_page       (KsWindow       *self);
GtkWidget   *ks_window_get_account_raci_page (KsWindow     *self);
/* The Funnel view's page (built when first asked for or shown). */
GtkWidget   *ks_window_get_funnel_page     (KsWindow       *self);
/* Shows the Funnel view filtered to the account @name. */
void         ks_window_show_funnel_for_account (KsWindow   *self,
                                                const char *name);
/* Opens (or presents again) the search over the whole workspace.
 * Returns: (transfer none): the search dialog. */
GtkWindow   *ks_window_open_search         (KsWindow       *self);
gboolean     ks_window_select_account_name (KsWindow       *self,
                                            const char     *name);
void         ks_window_select_account      (KsWindow       *self,
                                            gint64          account_id);
void         ks_window_select_person       (KsWindow       *self,
                                            gint64          person_id);

/* Imports the CRM export in @dir and presents the summary (counts and
 * warnings, or the errors and "Nothing was imported"). Returns: (transfer
 * none): the summary dialog. */
GtkWindow   *ks_window_import_crm          (KsWindow       *self,
                                            const char     *dir);
/* Imports a workspace JSON file; asks first when the workspace is not
 * empty. Returns: (transfer none) (nullable): the question or the error
 * dialog presented, NULL when it was imported at once. */
GtkWindow   *ks_window_import_json         (KsWindow       *self,
                                            const char     *path);
gboolean     ks_window_export_json         (KsWindow       *self,
                                            const char     *path);

/* A toast with an "Undo" button (win.undo). @title is plain text. */
void         ks_window_add_undo_toast      (KsWindow       *self,
                                            const char     *title);
/* A plain toast. @title is plain text. */
void         ks_window_add_toast           (KsWindow       *self,
                                            const char     *title);
/* The toast shown last, while it is shown (for tests). */
AdwToast    *ks_window_get_last_toast      (KsWindow       *self);

/* Renders the window as it was last painted into a PNG (GSK). */
gboolean     ks_window_save_screenshot     (KsWindow       *self,
                                            const char     *path,
                                            GError        **error);

/* The parts, for tests. */
/* The title of what the accounts or people page shows instead of an
 * account or a person (none in the workspace, none picked), or NULL while
 * one is shown. */
const char  *ks_window_get_empty_title     (KsWindow       *self);
GtkWidget   *ks_window_get_account_list    (KsWindow       *self);
GtkWidget   *ks_window_get_account_page    (KsWindow       *self);
GtkWidget   *ks_window_get_people_list     (KsWindow       *self);
GtkWidget   *ks_window_get_people_page     (KsWindow       *self);

G_END_DECLS
