/* ks-window-private.h — the main window's instance, for its own files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For ks-window.c (the window: pages, navigation, title, toasts, undo and
 * redo, adding, window state), ks-window-files.c (new, open, open recent,
 * save a copy, the start-up workspace) and ks-window-import-export.c (CRM
 * and JSON imports, JSON export) only.
 */
#pragma once

#include <string.h>

#include "ks-account-list.h"
#include "ks-account-page.h"
#include "ks-funnel-page.h"
#include "ks-app-util.h"
#include "ks-people-list.h"
#include "ks-people-page.h"
#include "ks-plan-page.h"
#include "ks-portfolio-page.h"
#include "ks-raci-page.h"
#include "ks-powermap-page.h"
#include "ks-window.h"

G_BEGIN_DECLS

typedef void (*ChooserDone) (KsWindow *self,
                             GFile    *file);

struct _KsWindow
{
  AdwApplicationWindow  parent_instance;

  KsWorkspace          *workspace;
  GSettings            *settings;       /* NULL without an installed schema */
  AdwToast             *last_toast;
  GtkWindow            *search_dialog;  /* weak: while open */

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkPaned             *paned;
  GtkWidget            *add_button;
  AdwViewStack         *view_stack;
  GtkStack             *content_stack;
  AdwWindowTitle       *window_title;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GMenu                *recent_menu;
  KsAccountList        *account_list;
  KsAccountPage        *account_page;
  GtkStack             *account_content; /* "none" or "account" */
  AdwStatusPage        *no_account_page;
  AdwViewStack         *account_stack;
  GtkWidget            *account_switcher;
  AdwBin               *powermap_bin;
  AdwBin               *plan_bin;
  GtkWindow            *shortcuts_window; /* weak; NULL until first shown */
  KsPowermapPage       *powermap_page;  /* NULL until first shown or asked for */
  KsPlanPage           *plan_page;      /* NULL until first shown or asked for */
  KsPortfolioPage      *portfolio_page; /* NULL until first shown or asked for */
  AdwBin               *portfolio_bin;
  KsRaciPage           *raci_page;     /* company and process charts; NULL until first shown or asked for */
  AdwBin               *raci_bin;
  KsRaciPage           *account_raci_page; /* the account's RACI tab; NULL until first shown or asked for */
  AdwBin               *account_raci_bin;
  KsFunnelPage         *funnel_page;   /* NULL until first shown or asked for */
  AdwBin               *funnel_bin;
  AdwBin               *portfolio_sidebar_bin;
  GtkWidget            *portfolio_switcher;
  GtkWidget            *sidebar;
  GtkWidget            *sidebar_button;
  KsPeopleList         *people_list;
  KsPeoplePage         *people_page;
  GtkStack             *people_content;  /* "none" or "person" */
  AdwStatusPage        *no_person_page;
};

static inline char *
display_name (const char *path)
{
  return path ? g_filename_display_basename (path) : g_strdup ("");
}

static inline gboolean
is_file_workspace (KsWorkspace *workspace)
{
  const char *path = workspace ? ks_workspace_get_path (workspace) : NULL;

  return path && g_strcmp0 (path, ":memory:") != 0 && !ks_workspace_is_team (workspace);
}

/* A team workspace's title (its database) and subtitle (its server). */
static inline void
team_title (const char  *uri,
            char       **title,
            char       **subtitle)
{
  g_autofree char *database = NULL, *host = NULL, *user = NULL;

  ks_workspace_team_parts (uri, &database, &host, &user);
  *title = g_strdup (*database ? database : _("Team Workspace"));
  /* Translators: the subtitle of a team workspace; %s is its server */
  *subtitle = g_strdup_printf (_("Team workspace on %s"),
                               *host && host[0] != '/' ? host : _("this computer"));
}

static inline void
show_dialog (KsWindow   *self,
             const char *heading,
             const char *body)
{
  ks_message_dialog_show (GTK_WIDGET (self), heading, body);
}

static inline char *
with_extension (const char *path,
                const char *extension)
{
  g_autofree char *base = g_path_get_basename (path);

  if (strchr (base, '.'))
    return g_strdup (path);
  return g_strconcat (path, extension, NULL);
}

/* ks-window.c */
void  _ks_window_flush_plan                (KsWindow             *self);

/* ks-window-files.c */
/* @kind: "keystone", "json" or NULL (a folder) */
void  _ks_window_run_chooser               (KsWindow             *self,
                                            GtkFileChooserAction  action,
                                            const char           *title,
                                            const char           *accept,
                                            const char           *kind,
                                            const char           *suggested_name,
                                            ChooserDone           done);
/* The workspace's file name without its extension, for suggested names. */
char *_ks_window_workspace_stem            (KsWindow             *self);
/* last-workspace and recent-workspaces in GSettings. */
void  _ks_window_remember_workspace        (KsWindow             *self,
                                            const char           *path);
void  _ks_window_rebuild_recent_menu       (KsWindow             *self);
/* win.new-workspace, open-workspace, connect-team, open-recent, no-recent, save-copy */
void  _ks_window_class_add_file_actions    (GtkWidgetClass       *widget_class);

/* ks-window-import-export.c */
/* win.import-crm, import-json, export-json */
void  _ks_window_class_add_import_actions  (GtkWidgetClass       *widget_class);
/* Indexes for search, a slice per idle, what a large import left for
 * later (ks_search_catch_up_some), so the first search does not wait. */
void  _ks_window_catch_up_search           (KsWindow             *self);

/* ks-window-meeting.c */
/* win.start-meeting (F5), present-meeting, export-minutes */
void  _ks_window_class_add_meeting_actions (GtkWidgetClass       *widget_class);

G_END_DECLS
