/* ks-application.c — the Keystone application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the workspace given on the command line (or as FILE arguments), else
 * the last one, else the default workspace. --screenshot saves a PNG of the
 * first painted frame and quits (build-aux/screenshots uses it).
 */
#define G_LOG_DOMAIN "ks-application"

#include "config.h"

#include "ks-application.h"

#include <glib/gi18n.h>

#include "ks-app-util.h"
#include "ks-funnel-page.h"
#include "ks-portfolio-page.h"
#include "ks-powermap-page.h"
#include "ks-search-dialog.h"
#include "ks-meeting-window.h"
#include "ks-window.h"

#define SCREENSHOT_SETTLE_MS 900

struct _KsApplication
{
  AdwApplication  parent_instance;

  char           *startup_path;      /* --workspace */
  char           *screenshot_path;   /* --screenshot */
  char           *style;             /* --style */
  char           *page;              /* --page */
  char           *account;           /* --account */
  char           *view;              /* --view */
  char           *contact;           /* --contact */
  char           *search;            /* --search */
  gint64          meeting;           /* --meeting; 0 = none */
  int             slide;             /* --slide, 1-based; 0 = the first */
};

G_DEFINE_FINAL_TYPE (KsApplication, ks_application, ADW_TYPE_APPLICATION)

static const GOptionEntry options[] = {
  { "workspace", 'w', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open this workspace (a file, or a team workspace’s postgresql:// address)"), N_("FILE") },
  { "page", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Show this page: accounts, people, portfolio, raci or funnel"), N_("PAGE") },
  { "account", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Select the account with this name"), N_("NAME") },
  { "view", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Show this view of the account (profile, map, plan or raci), of the portfolio (matrix, abc, ranking or scores) or of the funnel (funnel, forecast, opportunities or evaluation)"), N_("VIEW") },
  { "contact", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Select this contact on the account's power map"), N_("NAME") },
  { "search", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Open the search with this text"), N_("TEXT") },
  { "meeting", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT64, NULL,
    N_("Present the review meeting with this id (keystone-cli meeting list)"), N_("ID") },
  { "slide", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, NULL,
    N_("Start the meeting at this slide (1 is the first)"), N_("N") },
  { "style", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Use the light or dark style instead of the system's"), N_("light|dark") },
  { "screenshot", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Save a PNG of the window once it is drawn, then quit"), N_("FILE.png") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  G_OPTION_ENTRY_NULL
};

/* Screenshots */

typedef struct
{
  KsApplication *app;
  KsWindow      *window;
  GtkWidget     *shown;     /* what is saved: the window, or the meeting over it */
  GdkFrameClock *clock;
  gulong         handler;
} Screenshot;

static void
screenshot_free (Screenshot *shot)
{
  if (shot->clock && shot->handler)
    g_signal_handler_disconnect (shot->clock, shot->handler);
  g_clear_object (&shot->clock);
  g_clear_object (&shot->window);
  g_clear_object (&shot->shown);
  g_application_release (G_APPLICATION (shot->app));
  g_clear_object (&shot->app);
  g_free (shot);
}

/* The window's last frame with @dialog's centred over it, as a PNG. */
static gboolean
screenshot_save_cb (gpointer data)
{
  Screenshot *shot = data;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog = shot->app->search ? ks_window_open_search (shot->window) : NULL;
  gboolean saved = KS_IS_MEETING_WINDOW (shot->shown)
    ? ks_meeting_window_save_screenshot (KS_MEETING_WINDOW (shot->shown), shot->app->screenshot_path, &error)
    : dialog ? ks_widget_save_png (GTK_WIDGET (shot->window), GTK_WIDGET (dialog), shot->app->screenshot_path, &error)
             : ks_window_save_screenshot (shot->window, shot->app->screenshot_path, &error);

  if (saved)
    g_print ("%s: %d×%d\n", shot->app->screenshot_path,
             gtk_widget_get_width (shot->shown), gtk_widget_get_height (shot->shown));
  else
    g_printerr ("keystone: %s\n", error->message);
  if (shot->shown != GTK_WIDGET (shot->window))
    gtk_window_destroy (GTK_WINDOW (shot->shown));
  gtk_window_destroy (GTK_WINDOW (shot->window));
  screenshot_free (shot);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                Screenshot    *shot)
{
  g_signal_handler_disconnect (clock, shot->handler);
  shot->handler = 0;
  /* after-paint: the render node of this frame is in place */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, screenshot_save_cb, shot, NULL);
}

static gboolean
screenshot_settled_cb (gpointer data)
{
  Screenshot *shot = data;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (shot->shown);

  if (!clock)
    return G_SOURCE_CONTINUE;   /* not mapped yet */
  shot->clock = g_object_ref (clock);
  shot->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), shot);
  gtk_widget_queue_draw (shot->shown);
  return G_SOURCE_REMOVE;
}

static void
schedule_screenshot (KsApplication *self,
                     KsWindow      *window)
{
  Screenshot *shot = g_new0 (Screenshot, 1);

  shot->app = g_object_ref (self);
  shot->window = g_object_ref (window);
  shot->shown = g_object_ref (GTK_WIDGET (window));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (KS_IS_MEETING_WINDOW (l->data))
      g_set_object (&shot->shown, l->data);
  g_application_hold (G_APPLICATION (self));
  /* let lists fill and transitions finish before the frame we keep */
  g_timeout_add (SCREENSHOT_SETTLE_MS, screenshot_settled_cb, shot);
}

/* Windows */

static KsWindow *
find_window_for (KsApplication *self,
                 const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      KsWorkspace *workspace;

      if (!KS_IS_WINDOW (l->data))
        continue;
      workspace = ks_window_get_workspace (l->data);
      if (path ? workspace && g_strcmp0 (ks_workspace_get_path (workspace), path) == 0 : !workspace)
        return l->data;
    }
  return NULL;
}

static void
apply_view_options (KsApplication *self,
                    KsWindow      *window)
{
  if (self->page)
    ks_window_set_page (window, self->page);
  if (self->account && !ks_window_select_account_name (window, self->account))
    g_printerr (_("keystone: no account named “%s” in this workspace\n"), self->account);
  if (self->view && g_strcmp0 (self->page, "portfolio") == 0)
    ks_portfolio_page_set_view (KS_PORTFOLIO_PAGE (ks_window_get_portfolio_page (window)), self->view);
  else if (self->view && g_strcmp0 (self->page, "funnel") == 0)
    ks_funnel_page_set_view (KS_FUNNEL_PAGE (ks_window_get_funnel_page (window)), self->view);
  else if (self->view)
    ks_window_set_account_view (window, self->view);
  if (self->contact &&
      !ks_powermap_page_select_name (KS_POWERMAP_PAGE (ks_window_get_powermap_page (window)), self->contact))
    g_printerr (_("keystone: no contact named “%s” on this power map\n"), self->contact);
  if (self->search)
    {
      KsSearchDialog *dialog = KS_SEARCH_DIALOG (ks_window_open_search (window));

      gtk_editable_set_text (ks_search_dialog_get_entry (dialog), self->search);
      gtk_editable_set_position (ks_search_dialog_get_entry (dialog), -1);
      ks_search_dialog_update (dialog);
    }
  if (self->meeting)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.present-meeting", "x", self->meeting);
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
        if (KS_IS_MEETING_WINDOW (l->data) && self->slide > 0)
          ks_meeting_window_set_slide (l->data, (guint) self->slide - 1);
    }
}

static void
open_in_window (KsApplication *self,
                const char    *path)
{
  KsWindow *window = find_window_for (self, path);

  if (window)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }
  window = find_window_for (self, NULL);
  if (!window)
    window = ks_window_new (GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
  ks_window_open_path (window, path, TRUE);
}

/* Actions */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* close each window, so notes are saved and window sizes remembered */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { N_("The Keystone developers"), NULL };
  const char *translated[] = { _(developers[0]), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Keystone"),
                        "application-icon", APP_ID,
                        "comments", _("Plan and manage key accounts: the customers, the people on both sides, and the opportunities."),
                        "developer-name", _("The Keystone developers"),
                        "developers", translated,
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/keystone/keystone",
                        "issue-url", "https://github.com/keystone/keystone/issues",
                        "copyright", _("© 2026 The Keystone developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
  { "about", about_activated, NULL, NULL, NULL, { 0 } },
};

/* Vfuncs */

static int
ks_application_handle_local_options (GApplication *app,
                                     GVariantDict *dict)
{
  KsApplication *self = KS_APPLICATION (app);
  const char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("keystone %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (dict, "style", "s", &self->style) &&
      g_strcmp0 (self->style, "light") != 0 && g_strcmp0 (self->style, "dark") != 0)
    {
      g_printerr (_("keystone: --style takes “light” or “dark”, not “%s”\n"), self->style);
      return 2;
    }
  if (g_variant_dict_lookup (dict, "page", "s", &self->page) &&
      g_strcmp0 (self->page, "accounts") != 0 && g_strcmp0 (self->page, "people") != 0 &&
      g_strcmp0 (self->page, "portfolio") != 0 && g_strcmp0 (self->page, "raci") != 0 &&
      g_strcmp0 (self->page, "funnel") != 0)
    {
      g_printerr (_("keystone: --page takes “accounts”, “people”, “portfolio”, “raci” or “funnel”, not “%s”\n"),
                  self->page);
      return 2;
    }
  g_variant_dict_lookup (dict, "account", "s", &self->account);
  g_variant_dict_lookup (dict, "meeting", "x", &self->meeting);
  g_variant_dict_lookup (dict, "slide", "i", &self->slide);
  g_variant_dict_lookup (dict, "contact", "s", &self->contact);
  g_variant_dict_lookup (dict, "search", "s", &self->search);
  if (g_variant_dict_lookup (dict, "view", "s", &self->view) && g_strcmp0 (self->page, "portfolio") == 0)
    {
      if (g_strcmp0 (self->view, "matrix") != 0 && g_strcmp0 (self->view, "abc") != 0 &&
          g_strcmp0 (self->view, "ranking") != 0 && g_strcmp0 (self->view, "scores") != 0)
        {
          g_printerr (_("keystone: --view of the portfolio takes “matrix”, “abc”, “ranking” or “scores”, not “%s”\n"),
                      self->view);
          return 2;
        }
    }
  else if (self->view && g_strcmp0 (self->page, "funnel") == 0)
    {
      if (g_strcmp0 (self->view, "funnel") != 0 && g_strcmp0 (self->view, "forecast") != 0 &&
          g_strcmp0 (self->view, "opportunities") != 0 && g_strcmp0 (self->view, "evaluation") != 0)
        {
          g_printerr (_("keystone: --view of the funnel takes “funnel”, “forecast”, “opportunities” or “evaluation”, not “%s”\n"),
                      self->view);
          return 2;
        }
    }
  else if (self->view &&
           g_strcmp0 (self->view, "profile") != 0 && g_strcmp0 (self->view, "map") != 0 &&
           g_strcmp0 (self->view, "plan") != 0 && g_strcmp0 (self->view, "raci") != 0)
    {
      g_printerr (_("keystone: --view takes “profile”, “map”, “plan” or “raci”, not “%s”\n"), self->view);
      return 2;
    }
  if (g_variant_dict_lookup (dict, "screenshot", "^&ay", &path))
    {
      self->screenshot_path = g_canonicalize_filename (path, NULL);
      /* a screenshot run never hands over to a running Keystone */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  path = NULL;
  if (g_variant_dict_lookup (dict, "workspace", "^&ay", &path) && ks_workspace_path_is_team (path))
    {
      /* A team workspace's URI is no file name; this process opens it. */
      self->startup_path = g_strdup (path);
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  else if (path)
    {
      self->startup_path = g_canonicalize_filename (path, NULL);
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("keystone: %s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        {
          g_autoptr(GFile) file = g_file_new_for_path (self->startup_path);
          g_application_open (app, &file, 1, "");
          return 0;
        }
    }
  return -1;
}

static void
ks_application_startup (GApplication *app)
{
  KsApplication *self = KS_APPLICATION (app);
  AdwStyleManager *style = adw_style_manager_get_default ();
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "<Control>question", "<Control>F1", NULL };

  G_APPLICATION_CLASS (ks_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  /* what GtkApplication sets when it finds gtk/help-overlay.ui (KsWindow
   * builds its shortcuts window itself, when first shown) */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_accels);

  if (g_strcmp0 (self->style, "light") == 0)
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (self->style, "dark") == 0)
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  /* otherwise the default: follow the system */
}

static void
ks_application_activate (GApplication *app)
{
  KsApplication *self = KS_APPLICATION (app);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  KsWindow *window;

  if (active && !self->startup_path)
    {
      gtk_window_present (active);
      return;
    }

  window = ks_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  if (self->startup_path)
    ks_window_open_path (window, self->startup_path, TRUE);
  else
    ks_window_open_startup (window);
  g_clear_pointer (&self->startup_path, g_free);

  apply_view_options (self, window);
  if (self->screenshot_path)
    schedule_screenshot (self, window);
}

static void
ks_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  KsApplication *self = KS_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (!path)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_printerr (_("keystone: cannot open “%s”: only local files can be workspaces\n"), uri);
          continue;
        }
      open_in_window (self, path);
    }
  if (self->screenshot_path)
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
      if (KS_IS_WINDOW (window))
        {
          apply_view_options (self, KS_WINDOW (window));
          schedule_screenshot (self, KS_WINDOW (window));
        }
    }
}

static void
ks_application_finalize (GObject *object)
{
  KsApplication *self = KS_APPLICATION (object);

  g_free (self->startup_path);
  g_free (self->screenshot_path);
  g_free (self->style);
  g_free (self->page);
  g_free (self->account);
  g_free (self->view);
  g_free (self->contact);
  g_free (self->search);

  G_OBJECT_CLASS (ks_application_parent_class)->finalize (object);
}

static void
ks_application_class_init (KsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ks_application_finalize;
  app_class->handle_local_options = ks_application_handle_local_options;
  app_class->startup = ks_application_startup;
  app_class->activate = ks_application_activate;
  app_class->open = ks_application_open;
}

static void
ks_application_init (KsApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE.keystone…]"));
}

/* When GTK opens the display it parses its own default theme, which
 * libadwaita replaces by its stylesheet straight after (~200 M instructions,
 * a sixth of the start-up on ×100). Opening the display here with
 * libadwaita's empty base theme, the one it switches to anyway, skips that
 * parse. The variable is gone before libadwaita looks at it, so its
 * stylesheet loads as usual; a theme the user set in GTK_THEME is kept.
 * Runs before any thread (GApplication's D-Bus worker starts later). When
 * there is no display, GtkApplication reports it at start-up as before. */
static void
open_display_early (void)
{
  if (g_getenv ("GTK_THEME"))
    return;
  g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
  /* the display's settings load the theme */
  if (gtk_init_check ())
    gtk_settings_get_default ();
  g_unsetenv ("GTK_THEME");
}

KsApplication *
ks_application_new (void)
{
  open_display_early ();
  return g_object_new (KS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
