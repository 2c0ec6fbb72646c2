/* ks-window.c — the main window: one workspace, its accounts and people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkPaned: the sidebar (view switcher, then the account or people list)
 * and the content (the selected account or person). The window owns the
 * workspace, wires list selections to the pages, and holds the win.* actions:
 * undo/redo with their toasts, adding, finding, the pages and views. The
 * file actions are in ks-window-files.c, the imports and exports in
 * ks-window-import-export.c.
 */
#define G_LOG_DOMAIN "ks-window"

#include "config.h"

#include "ks-window.h"

#include <glib/gi18n.h>

#include "ks-account.h"
#include "ks-app-util.h"
#include "ks-person.h"
#include "ks-search-dialog.h"
#include "ks-window-private.h"

G_DEFINE_FINAL_TYPE (KsWindow, ks_window, ADW_TYPE_APPLICATION_WINDOW)

/* Helpers */

void
_ks_window_flush_plan (KsWindow *self)
{
  if (self->plan_page)
    ks_plan_page_flush (self->plan_page);
}

/* The power map and plan pages are built when first shown (or asked for):
 * building and feeding them at start-up, behind the profile, cost ~15 % of
 * the instructions to the first frame on ×100. */
static KsPowermapPage *
ensure_powermap_page (KsWindow *self)
{
  if (self->powermap_page)
    return self->powermap_page;
  self->powermap_page = KS_POWERMAP_PAGE (ks_powermap_page_new ());
  adw_bin_set_child (self->powermap_bin, GTK_WIDGET (self->powermap_page));
  ks_powermap_page_set_workspace (self->powermap_page, self->workspace);
  g_object_bind_property (self->account_list, "selected-id", self->powermap_page, "account-id",
                          G_BINDING_SYNC_CREATE);
  return self->powermap_page;
}

static KsPlanPage *
ensure_plan_page (KsWindow *self)
{
  if (self->plan_page)
    return self->plan_page;
  self->plan_page = KS_PLAN_PAGE (ks_plan_page_new ());
  adw_bin_set_child (self->plan_bin, GTK_WIDGET (self->plan_page));
  ks_plan_page_set_workspace (self->plan_page, self->workspace);
  g_object_bind_property (self->account_list, "selected-id", self->plan_page, "account-id",
                          G_BINDING_SYNC_CREATE);
  return self->plan_page;
}

static KsPortfolioPage *
ensure_portfolio_page (KsWindow *self)
{
  if (self->portfolio_page)
    return self->portfolio_page;
  self->portfolio_page = KS_PORTFOLIO_PAGE (ks_portfolio_page_new ());
  adw_bin_set_child (self->portfolio_bin, GTK_WIDGET (self->portfolio_page));
  adw_bin_set_child (self->portfolio_sidebar_bin, ks_portfolio_page_get_sidebar (self->portfolio_page));
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (self->portfolio_switcher),
                               ADW_VIEW_STACK (ks_portfolio_page_get_stack (self->portfolio_page)));
  ks_portfolio_page_set_workspace (self->portfolio_page, self->workspace);
  return self->portfolio_page;
}

/* The RACI view (company and process charts) and the account's RACI tab. */
static KsRaciPage *
ensure_raci_page (KsWindow *self)
{
  if (self->raci_page)
    return self->raci_page;
  self->raci_page = KS_RACI_PAGE (ks_raci_page_new (FALSE));
  adw_bin_set_child (self->raci_bin, GTK_WIDGET (self->raci_page));
  ks_raci_page_set_workspace (self->raci_page, self->workspace);
  return self->raci_page;
}

/* The Funnel view: the funnel, forecast and opportunities under one filter. */
static KsFunnelPage *
ensure_funnel_page (KsWindow *self)
{
  if (self->funnel_page)
    return self->funnel_page;
  self->funnel_page = KS_FUNNEL_PAGE (ks_funnel_page_new ());
  adw_bin_set_child (self->funnel_bin, GTK_WIDGET (self->funnel_page));
  ks_funnel_page_set_workspace (self->funnel_page, self->workspace);
  return self->funnel_page;
}

static KsRaciPage *
ensure_account_raci_page (KsWindow *self)
{
  if (self->account_raci_page)
    return self->account_raci_page;
  self->account_raci_page = KS_RACI_PAGE (ks_raci_page_new (TRUE));
  adw_bin_set_child (self->account_raci_bin, GTK_WIDGET (self->account_raci_page));
  ks_raci_page_set_workspace (self->account_raci_page, self->workspace);
  g_object_bind_property (self->account_list, "selected-id", self->account_raci_page, "account-id",
                          G_BINDING_SYNC_CREATE);
  return self->account_raci_page;
}

static void
update_title (KsWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *title = NULL;

  if (!self->workspace)
    {
      adw_window_title_set_title (self->window_title, _("Keystone"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Keystone"));
      return;
    }
  if (is_file_workspace (self->workspace))
    {
      name = display_name (ks_workspace_get_path (self->workspace));
      folder = ks_format_folder (ks_workspace_get_path (self->workspace));
    }
  else if (ks_workspace_is_team (self->workspace))
    team_title (ks_workspace_get_path (self->workspace), &name, &folder);
  else
    {
      name = g_strdup (_("Unsaved Workspace"));
      folder = g_strdup (_("In memory"));
    }
  if (!ks_workspace_is_online (self->workspace))
    {
      /* Translators: window subtitle while a team workspace's server cannot be reached; %s says where it is */
      g_autofree char *s = g_strdup_printf (_("Offline · %s"), folder);
      g_free (folder);
      folder = g_steal_pointer (&s);
    }
  if (ks_workspace_is_read_only (self->workspace))
    {
      /* Translators: window subtitle for a workspace that cannot be changed; %s is its folder */
      g_autofree char *s = g_strdup_printf (_("Read-only · %s"), folder);
      g_free (folder);
      folder = g_steal_pointer (&s);
    }
  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, folder);
  /* Translators: the window title for window switchers: file name — app name */
  title = g_strdup_printf (_("%s — Keystone"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_undo_actions (KsWindow *self)
{
  gboolean writable = self->workspace && !ks_workspace_is_read_only (self->workspace);
  gboolean can_undo = writable && ks_workspace_can_undo (self->workspace);
  gboolean can_redo = writable && ks_workspace_can_redo (self->workspace);
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);

  if (can_undo && ks_workspace_get_undo_label (self->workspace))
    /* Translators: tooltip of the undo button, e.g. "Undo Edit account" */
    undo_tip = g_strdup_printf (_("Undo %s"), ks_workspace_get_undo_label (self->workspace));
  if (can_redo && ks_workspace_get_redo_label (self->workspace))
    /* Translators: tooltip of the redo button, e.g. "Redo Edit account" */
    redo_tip = g_strdup_printf (_("Redo %s"), ks_workspace_get_redo_label (self->workspace));
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip ? undo_tip : _("Undo"));
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip ? redo_tip : _("Redo"));
}

static void
update_actions (KsWindow *self)
{
  gboolean open = self->workspace != NULL;
  gboolean writable = open && !ks_workspace_is_read_only (self->workspace);
  static const char *const need_open[] = {
    "win.save-copy", "win.export-json", "win.find", "win.search", "win.show-page", "win.show-account",
    "win.export-minutes", "win.present-meeting",
  };
  static const char *const need_writable[] = {
    "win.import-crm", "win.import-json", "win.add", "win.add-account", "win.add-person",
    "win.start-meeting",
  };

  for (guint i = 0; i < G_N_ELEMENTS (need_open); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), need_open[i], open);
  for (guint i = 0; i < G_N_ELEMENTS (need_writable); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), need_writable[i], writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy",
                                 open && (is_file_workspace (self->workspace) ||
                                          ks_workspace_is_team (self->workspace)));
  /* A team workspace has no search index yet. */
  if (open && ks_workspace_is_team (self->workspace))
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);
  update_undo_actions (self);
}

static void
update_add_button (KsWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  const char *tip = g_strcmp0 (page, "people") == 0 ? _("Add Person") : _("Add Account");

  gtk_widget_set_tooltip_text (self->add_button, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tip,
                                  -1);
}

/* Never dismiss a toast from code: libadwaita 1.2 frees a toast dismissed
 * during its show animation while the animation still runs (a crash). The
 * overlay queues plain toasts; an undo toast (high priority) pushes the one
 * on screen back into the queue, which is safe. */
static void
add_toast (KsWindow *self,
           AdwToast *toast)
{
  g_set_object (&self->last_toast, toast);
  /* transfer full */
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

/* AdwToast titles are Pango markup. */
static AdwToast *
toast_new (const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  return adw_toast_new (escaped);
}

static void
on_toast_dismissed (KsWindow *self,
                    AdwToast *toast)
{
  if (self->last_toast == toast)
    g_clear_object (&self->last_toast);
}

/* Adding */

static char *
unique_name (KsWindow   *self,
             const char *base,
             gboolean    person)
{
  for (guint i = 1; i < 10000; i++)
    {
      g_autofree char *candidate = i == 1 ? g_strdup (base) : g_strdup_printf ("%s %u", base, i);
      g_autoptr(GObject) found = NULL;

      if (person)
        found = G_OBJECT (ks_person_find (self->workspace, candidate, NULL));
      else
        found = G_OBJECT (ks_account_find (self->workspace, candidate, NULL));
      if (!found)
        return g_steal_pointer (&candidate);
    }
  return g_strdup (base);
}

static void
add_account (KsWindow *self)
{
  g_autofree char *name = NULL;
  g_autoptr(KsAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!self->workspace)
    return;
  ks_account_page_flush (self->account_page);
  _ks_window_flush_plan (self);
  name = unique_name (self, _("New account"), FALSE);
  account = ks_account_new (name);
  if (!ks_account_save (account, self->workspace, &error))
    {
      show_dialog (self, _("Could Not Add an Account"), error->message);
      return;
    }
  id = ks_account_get_id (account);
  if (id <= 0)
    {
      g_autoptr(KsAccount) found = ks_account_find (self->workspace, name, NULL);
      id = found ? ks_account_get_id (found) : 0;
    }
  ks_window_set_page (self, "accounts");
  ks_window_select_account (self, id);
  ks_account_page_focus_name (self->account_page);
}

static void
add_person (KsWindow *self)
{
  g_autofree char *name = NULL;
  g_autoptr(KsPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!self->workspace)
    return;
  name = unique_name (self, _("New person"), TRUE);
  person = ks_person_new (name);
  if (!ks_person_save (person, self->workspace, &error))
    {
      show_dialog (self, _("Could Not Add a Person"), error->message);
      return;
    }
  id = ks_person_get_id (person);
  if (id <= 0)
    {
      g_autoptr(KsPerson) found = ks_person_find (self->workspace, name, NULL);
      id = found ? ks_person_get_id (found) : 0;
    }
  ks_window_set_page (self, "people");
  ks_window_select_person (self, id);
  ks_people_page_focus_name (self->people_page);
}

/* Actions */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KsWindow *self = KS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (!self->workspace)
    return;
  /* notes typed in the last second are a step of their own, undone first */
  ks_account_page_flush (self->account_page);
  _ks_window_flush_plan (self);
  if (!ks_workspace_can_undo (self->workspace))
    return;
  label = g_strdup (ks_workspace_get_undo_label (self->workspace));
  if (!ks_workspace_undo (self->workspace, &error))
    {
      show_dialog (self, _("Could Not Undo"), error->message);
      return;
    }
  {
    /* Translators: a toast after undo, e.g. Undid “Edit account” */
    g_autofree char *title = g_strdup_printf (_("Undid “%s”"), label ? label : "");
    ks_window_add_toast (self, title);
  }
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KsWindow *self = KS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (!self->workspace || !ks_workspace_can_redo (self->workspace))
    return;
  label = g_strdup (ks_workspace_get_redo_label (self->workspace));
  if (!ks_workspace_redo (self->workspace, &error))
    {
      show_dialog (self, _("Could Not Redo"), error->message);
      return;
    }
  {
    /* Translators: a toast after redo, e.g. Redid “Edit account” */
    g_autofree char *title = g_strdup_printf (_("Redid “%s”"), label ? label : "");
    ks_window_add_toast (self, title);
  }
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KsWindow *self = KS_WINDOW (widget);

  if (g_strcmp0 (ks_window_get_page (self), "people") == 0)
    ks_people_list_focus_search (self->people_list);
  else
    ks_account_list_focus_search (self->account_list);
}

/* Ctrl+F and Ctrl+K: the search over the whole workspace (ks-search-dialog.c). */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ks_window_open_search (KS_WINDOW (widget));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KsWindow *self = KS_WINDOW (widget);

  if (g_strcmp0 (ks_window_get_page (self), "people") == 0)
    add_person (self);
  else
    add_account (self);
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  add_account (KS_WINDOW (widget));
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  add_person (KS_WINDOW (widget));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ks_window_set_page (KS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_account_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KsWindow *self = KS_WINDOW (widget);

  ks_window_set_page (self, "accounts");
  ks_window_select_account (self, g_variant_get_int64 (parameter));
}

/* The account page's Open in Funnel: the Funnel view filtered to the account. */
static void
show_funnel_for_account_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  ks_window_show_funnel_for_account (KS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Callbacks */

/* Ctrl+Z and Ctrl+Shift+Z, seen before the focused widget: text being
 * edited keeps its own undo; anywhere else, including a field that shows the
 * stored value, they undo and redo the last change to the workspace. */
static gboolean
undo_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));
  GtkWidget *editable = NULL;

  if (focus && GTK_IS_TEXT_VIEW (focus))
    return FALSE;
  if (focus && GTK_IS_EDITABLE (focus))
    {
      /* the outermost editable (an entry row delegates to its GtkText) */
      for (GtkWidget *w = focus; w; w = gtk_widget_get_parent (w))
        if (GTK_IS_EDITABLE (w))
          editable = w;
      if (editable && ks_editable_is_dirty (GTK_EDITABLE (editable)))
        return FALSE;
    }
  return gtk_widget_activate_action (widget, user_data ? "win.redo" : "win.undo", NULL);
}

/* Beside an empty list, or one with nothing picked, the content says which
 * and what to do, instead of a view of nothing (a power map's bare legend
 * and "the key contacts are covered"). The lists hold the buttons that fill
 * them; while the list is hidden, the content has the first one. */
static void
update_empty_content (KsWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean on_accounts = g_strcmp0 (page, "accounts") == 0;
  gboolean on_people = g_strcmp0 (page, "people") == 0;
  /* The list on screen is asked (which brings a list that changed while
   * hidden up to date); a hidden one is not: asking it would load it, the
   * people list of a large workspace before the first frame. Nor is any
   * list counted, which would wait for all 8,500 rows (+150–250 ms). */
  gboolean account = on_accounts ? ks_account_list_get_selected_id (self->account_list) > 0
                                 : ks_account_page_get_account_id (self->account_page) > 0;
  gboolean person = on_people ? ks_people_list_get_selected_id (self->people_list) > 0
                              : ks_people_page_get_person_id (self->people_page) > 0;
  gboolean list_shown = gtk_widget_get_visible (self->sidebar);

  /* Whether there is anything at all: the workspace, not the lists (as
   * above), for the page on screen; the other is asked when it is shown. */
  if (!on_accounts)
    ;
  else if (!self->workspace || !ks_account_any (self->workspace))
    ks_status_page_set (self->no_account_page, "x-office-address-book-symbolic", _("No Accounts Yet"),
                        _("Import a CRM export or add an account; each opens here with its profile, "
                          "power map and plan."),
                        _("_Import CRM Export…"), list_shown ? NULL : "win.import-crm");
  else
    ks_status_page_set (self->no_account_page, "x-office-address-book-symbolic", _("No Account Selected"),
                        _("Choose an account in the list to see its profile, power map and plan."), NULL, NULL);
  if (!on_people)
    ;
  else if (!self->workspace || !ks_person_any (self->workspace))
    ks_status_page_set (self->no_person_page, "system-users-symbolic", _("No People Yet"),
                        _("Add the people on your side; each opens here with their role and the accounts "
                          "they cover."),
                        _("_Add Person"), list_shown ? NULL : "win.add-person");
  else
    ks_status_page_set (self->no_person_page, "system-users-symbolic", _("No Person Selected"),
                        _("Choose a person in the list to see their role and the accounts they cover."),
                        NULL, NULL);
  gtk_stack_set_visible_child_name (self->account_content, account ? "account" : "none");
  gtk_stack_set_visible_child_name (self->people_content, person ? "person" : "none");
  gtk_widget_set_sensitive (self->account_switcher, account);
}

static void
on_page_changed (KsWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (page, "portfolio") == 0)
    ensure_portfolio_page (self);
  else if (g_strcmp0 (page, "raci") == 0)
    ensure_raci_page (self);
  else if (g_strcmp0 (page, "funnel") == 0)
    ensure_funnel_page (self);
  if (page)
    gtk_stack_set_visible_child_name (self->content_stack, page);
  gtk_widget_set_visible (self->account_switcher, g_strcmp0 (page, "accounts") == 0);
  gtk_widget_set_visible (self->portfolio_switcher, g_strcmp0 (page, "portfolio") == 0);
  gtk_widget_set_visible (self->add_button, g_strcmp0 (page, "accounts") == 0 || g_strcmp0 (page, "people") == 0);
  update_add_button (self);
  update_empty_content (self);
}

static gboolean
toggle_sidebar (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  KsWindow *self = KS_WINDOW (widget);
  GtkToggleButton *button = GTK_TOGGLE_BUTTON (self->sidebar_button);

  gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
  return TRUE;
}

/* The power map wants the room: it puts the list away, the profile brings
 * it back; the sidebar button toggles it in between. */
static void
on_account_view_changed (KsWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->account_stack);

  if (g_strcmp0 (view, "map") == 0)
    ensure_powermap_page (self);
  else if (g_strcmp0 (view, "plan") == 0)
    ensure_plan_page (self);
  else if (g_strcmp0 (view, "raci") == 0)
    ensure_account_raci_page (self);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->sidebar_button),
                                g_strcmp0 (view, "map") != 0);
}

static void
on_settings_changed (KsWindow   *self,
                     const char *key)
{
  if (g_strcmp0 (key, "recent-workspaces") == 0)
    _ks_window_rebuild_recent_menu (self);
}

static void
save_window_state (KsWindow *self)
{
  int width, height;
  gboolean maximized;

  if (!self->settings)
    return;
  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  if (ks_settings_has_key (self->settings, "window-maximized"))
    g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && ks_settings_has_key (self->settings, "window-width"))
        g_settings_set_int (self->settings, "window-width", width);
      if (height > 0 && ks_settings_has_key (self->settings, "window-height"))
        g_settings_set_int (self->settings, "window-height", height);
    }
  if (ks_settings_has_key (self->settings, "sidebar-width"))
    {
      g_autoptr(GSettingsSchemaKey) key = NULL;
      g_autoptr(GSettingsSchema) schema = NULL;
      g_autoptr(GVariant) value = g_variant_new_int32 (gtk_paned_get_position (self->paned));

      g_object_get (self->settings, "settings-schema", &schema, NULL);
      key = g_settings_schema_get_key (schema, "sidebar-width");
      g_variant_ref_sink (value);
      if (g_settings_schema_key_range_check (key, value))
        g_settings_set_value (self->settings, "sidebar-width", value);
    }
}

static void
restore_window_state (KsWindow *self)
{
  int width = 1280, height = 800, sidebar = 340;

  if (!self->settings)
    return;
  if (ks_settings_has_key (self->settings, "window-width"))
    width = g_settings_get_int (self->settings, "window-width");
  if (ks_settings_has_key (self->settings, "window-height"))
    height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (ks_settings_has_key (self->settings, "window-maximized") &&
      g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  if (ks_settings_has_key (self->settings, "sidebar-width"))
    sidebar = g_settings_get_int (self->settings, "sidebar-width");
  if (sidebar >= 240)
    gtk_paned_set_position (self->paned, sidebar);
}

/* The keyboard shortcuts window, built when first asked for (GtkApplication
 * would build it from gtk/help-overlay.ui with every window, ~3 % of the
 * start-up instructions on ×100). */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  KsWindow *self = KS_WINDOW (widget);

  if (!self->shortcuts_window)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ks-shortcuts-window.ui");

      self->shortcuts_window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_modal (self->shortcuts_window, TRUE);
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      /* a toplevel GTK owns: it goes with this window */
      gtk_window_set_destroy_with_parent (self->shortcuts_window, TRUE);
      g_object_add_weak_pointer (G_OBJECT (self->shortcuts_window), (gpointer *) &self->shortcuts_window);
    }
  gtk_window_present (self->shortcuts_window);
}

static gboolean
ks_window_close_request (GtkWindow *window)
{
  KsWindow *self = KS_WINDOW (window);

  ks_account_page_flush (self->account_page);
  _ks_window_flush_plan (self);
  save_window_state (self);
  return GTK_WINDOW_CLASS (ks_window_parent_class)->close_request (window);
}

static void
ks_window_dispose (GObject *object)
{
  KsWindow *self = KS_WINDOW (object);

  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->last_toast);
  if (self->shortcuts_window)
    g_object_remove_weak_pointer (G_OBJECT (self->shortcuts_window), (gpointer *) &self->shortcuts_window);
  self->shortcuts_window = NULL;
  if (self->search_dialog)
    {
      GtkWindow *dialog = self->search_dialog;

      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->search_dialog);
      self->search_dialog = NULL;
      gtk_window_destroy (dialog);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), KS_TYPE_WINDOW);
  /* they went with their bins */
  self->powermap_page = NULL;
  self->plan_page = NULL;
  self->raci_page = self->account_raci_page = NULL;
  self->funnel_page = NULL;
  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ks_window_parent_class)->dispose (object);
}

static void
ks_window_class_init (KsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ks_window_dispose;
  window_class->close_request = ks_window_close_request;

  g_type_ensure (KS_TYPE_ACCOUNT_LIST);
  g_type_ensure (KS_TYPE_ACCOUNT_PAGE);
  g_type_ensure (KS_TYPE_PEOPLE_LIST);
  g_type_ensure (KS_TYPE_PEOPLE_PAGE);
  g_type_ensure (KS_TYPE_POWERMAP_PAGE);
  g_type_ensure (KS_TYPE_PLAN_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ks-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, account_content);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, no_account_page);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, people_content);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, no_person_page);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, portfolio_bin);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, raci_bin);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, funnel_bin);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, account_raci_bin);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, portfolio_sidebar_bin);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, portfolio_switcher);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, account_list);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, account_page);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, account_stack);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, account_switcher);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, powermap_bin);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, plan_bin);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, people_list);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, people_page);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  _ks_window_class_add_file_actions (widget_class);
  _ks_window_class_add_import_actions (widget_class);
  _ks_window_class_add_meeting_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.add-account", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "win.add-person", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-account", "x", show_account_action);
  gtk_widget_class_install_action (widget_class, "win.show-funnel-for-account", "s", show_funnel_for_account_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F9, 0, toggle_sidebar, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-workspace", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-workspace", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-crm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-json", NULL);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-account", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-person", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "accounts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "people");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "portfolio");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page", "s", "raci");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-page", "s", "funnel");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
ks_window_init (KsWindow *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The header bar keeps its title centred by squeezing the sides to their
   * minimum, which would cut the account views' names ("Power…") on a
   * 1280-pixel screen; asking for the switcher's natural width moves the
   * title aside instead. */
  {
    int natural = 0;

    gtk_widget_measure (self->account_switcher, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
    gtk_widget_set_size_request (self->account_switcher, natural, -1);
  }

  /* capture phase: before a text field takes Ctrl+Z for itself */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (undo_shortcut_cb, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                          gtk_callback_action_new (undo_shortcut_cb, GINT_TO_POINTER (1), NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  self->settings = ks_settings_new_if_installed ();
  if (self->settings)
    {
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed),
                               self, G_CONNECT_SWAPPED);
      if (ks_settings_has_key (self->settings, "account-sort"))
        g_settings_bind (self->settings, "account-sort", self->account_list, "sort",
                         G_SETTINGS_BIND_DEFAULT);
    }
  restore_window_state (self);

  g_object_bind_property (self->account_list, "selected-id", self->account_page, "account-id",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->people_list, "selected-id", self->people_page, "person-id",
                          G_BINDING_SYNC_CREATE);
  /* the pages follow the lists' selections; they are what update_empty_content reads */
  g_signal_connect_object (self->account_page, "notify::account-id",
                           G_CALLBACK (update_empty_content), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->people_page, "notify::person-id",
                           G_CALLBACK (update_empty_content), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_page_changed), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->sidebar_button, "active", self->sidebar, "visible",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->sidebar, "notify::visible",
                           G_CALLBACK (update_empty_content), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account_stack, "notify::visible-child-name",
                           G_CALLBACK (on_account_view_changed), self, G_CONNECT_SWAPPED);
  on_page_changed (self);

  _ks_window_rebuild_recent_menu (self);
  gtk_stack_set_visible_child_name (self->main_stack, "none");
  update_actions (self);
  update_title (self);

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

KsWindow *
ks_window_new (GtkApplication *application)
{
  return g_object_new (KS_TYPE_WINDOW, "application", application, NULL);
}

/* A team workspace's server went away or came back: the subtitle says so
 * while it lasts, a toast when it changes. What was typed stays in its
 * field: a save refused meanwhile says why, to be tried again. */
static void
on_online_changed (KsWindow *self)
{
  g_autofree char *title = NULL;

  update_title (self);
  if (ks_workspace_is_online (self->workspace))
    /* Translators: %s is the team workspace's name */
    title = g_strdup_printf (_("Connected to “%s” again"), ks_workspace_get_name (self->workspace));
  else
    /* Translators: %s is the team workspace's name */
    title = g_strdup_printf (_("Lost the connection to “%s”; trying again…"),
                             ks_workspace_get_name (self->workspace));
  ks_window_add_toast (self, title);
}

void
ks_window_set_workspace (KsWindow    *self,
                         KsWorkspace *workspace)
{
  g_return_if_fail (KS_IS_WINDOW (self));
  g_return_if_fail (!workspace || KS_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  ks_account_page_flush (self->account_page);
  _ks_window_flush_plan (self);
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);

  if (workspace)
    {
      ks_workspace_set_undo_enabled (workspace, TRUE);
      g_signal_connect_object (workspace, "notify::can-undo",
                               G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (workspace, "notify::can-redo",
                               G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (workspace, "notify::online",
                               G_CALLBACK (on_online_changed), self, G_CONNECT_SWAPPED);
      /* A team workspace is remembered by its URI, which holds no password. */
      if (is_file_workspace (workspace) || ks_workspace_is_team (workspace))
        _ks_window_remember_workspace (self, ks_workspace_get_path (workspace));
      _ks_window_catch_up_search (self);
    }

  /* pages first: the lists then pick their first rows, which the pages show */
  ks_account_page_set_workspace (self->account_page, workspace);
  if (self->powermap_page)
    ks_powermap_page_set_workspace (self->powermap_page, workspace);
  if (self->plan_page)
    ks_plan_page_set_workspace (self->plan_page, workspace);
  if (self->portfolio_page)
    ks_portfolio_page_set_workspace (self->portfolio_page, workspace);
  if (self->raci_page)
    ks_raci_page_set_workspace (self->raci_page, workspace);
  if (self->account_raci_page)
    ks_raci_page_set_workspace (self->account_raci_page, workspace);
  if (self->funnel_page)
    ks_funnel_page_set_workspace (self->funnel_page, workspace);
  ks_people_page_set_workspace (self->people_page, workspace);
  ks_account_list_set_workspace (self->account_list, workspace);
  ks_people_list_set_workspace (self->people_list, workspace);
  ks_account_page_set_account_id (self->account_page, ks_account_list_get_selected_id (self->account_list));
  if (self->powermap_page)
    ks_powermap_page_set_account_id (self->powermap_page, ks_account_list_get_selected_id (self->account_list));
  if (self->plan_page)
    ks_plan_page_set_account_id (self->plan_page, ks_account_list_get_selected_id (self->account_list));
  /* no ks_people_list_get_selected_id() here: the people list reads the
   * workspace only once it is shown, and its "selected-id" binding then
   * gives the people page its person */

  gtk_stack_set_visible_child_name (self->main_stack, workspace ? "workspace" : "none");
  update_empty_content (self);
  update_title (self);
  update_actions (self);
}

KsWorkspace *
ks_window_get_workspace (KsWindow *self)
{
  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);
  return self->workspace;
}

void
ks_window_set_page (KsWindow   *self,
                    const char *page)
{
  g_return_if_fail (KS_IS_WINDOW (self));

  if (g_strcmp0 (page, "accounts") == 0 || g_strcmp0 (page, "people") == 0 ||
      g_strcmp0 (page, "portfolio") == 0 || g_strcmp0 (page, "raci") == 0 ||
      g_strcmp0 (page, "funnel") == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, page);
}

const char *
ks_window_get_page (KsWindow *self)
{
  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

gboolean
ks_window_select_account_name (KsWindow   *self,
                               const char *name)
{
  g_autoptr(KsAccount) account = NULL;

  g_return_val_if_fail (KS_IS_WINDOW (self), FALSE);

  if (!self->workspace || !name)
    return FALSE;
  account = ks_account_find (self->workspace, name, NULL);
  if (!account)
    return FALSE;
  ks_window_set_page (self, "accounts");
  ks_window_select_account (self, ks_account_get_id (account));
  return TRUE;
}

void
ks_window_select_account (KsWindow *self,
                          gint64    account_id)
{
  g_return_if_fail (KS_IS_WINDOW (self));

  ks_account_list_set_selected_id (self->account_list, account_id);
  ks_account_page_set_account_id (self->account_page, account_id);
  if (self->powermap_page)
    ks_powermap_page_set_account_id (self->powermap_page, account_id);
  if (self->plan_page)
    ks_plan_page_set_account_id (self->plan_page, account_id);
  if (self->account_raci_page)
    ks_raci_page_set_account_id (self->account_raci_page, account_id);
}

void
ks_window_select_person (KsWindow *self,
                         gint64    person_id)
{
  g_return_if_fail (KS_IS_WINDOW (self));

  ks_people_list_set_selected_id (self->people_list, person_id);
  ks_people_page_set_person_id (self->people_page, person_id);
}

void
ks_window_add_undo_toast (KsWindow   *self,
                          const char *title)
{
  g_autoptr(AdwToast) toast = NULL;

  g_return_if_fail (KS_IS_WINDOW (self));

  toast = toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, G_CONNECT_SWAPPED);
  add_toast (self, toast);
}

void
ks_window_add_toast (KsWindow   *self,
                     const char *title)
{
  g_autoptr(AdwToast) toast = NULL;

  g_return_if_fail (KS_IS_WINDOW (self));

  /* A plain toast still waiting or shown takes the new news instead of
   * queueing another ("Undid …" three times in a row shows the last). */
  if (self->last_toast && !adw_toast_get_action_name (self->last_toast))
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      adw_toast_set_title (self->last_toast, escaped);
      return;
    }
  toast = toast_new (title);
  adw_toast_set_timeout (toast, 3);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, G_CONNECT_SWAPPED);
  add_toast (self, toast);
}

AdwToast *
ks_window_get_last_toast (KsWindow *self)
{
  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);
  return self->last_toast;
}

gboolean
ks_window_save_screenshot (KsWindow    *self,
                           const char  *path,
                           GError     **error)
{
  g_return_val_if_fail (KS_IS_WINDOW (self), FALSE);

  return ks_widget_save_png (GTK_WIDGET (self), NULL, path, error);
}

const char *
ks_window_get_empty_title (KsWindow *self)
{
  gboolean people;
  GtkStack *stack;

  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);

  people = g_strcmp0 (ks_window_get_page (self), "people") == 0;
  stack = people ? self->people_content : self->account_content;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "none") != 0)
    return NULL;
  return adw_status_page_get_title (people ? self->no_person_page : self->no_account_page);
}

GtkWidget *
ks_window_get_account_list (KsWindow *self)
{
  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->account_list);
}

GtkWidget *
ks_window_get_account_page (KsWindow *self)
{
  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->account_page);
}

GtkWidget *
ks_window_get_people_list (KsWindow *self)
{
  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->people_list);
}

GtkWidget *
ks_window_get_people_page (KsWindow *self)
{
  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->people_page);
}

void
ks_window_set_account_view (KsWindow   *self,
                            const char *view)
{
  g_return_if_fail (KS_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->account_stack, view);
}

GtkWidget *
ks_window_get_powermap_page (KsWindow *self)
{
  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);
  return GTK_WIDGET (ensure_powermap_page (self));
}

GtkWidget *
ks_window_get_portfolio_page (KsWindow *self)
{
  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (ensure_portfolio_page (self));
}

GtkWidget *
ks_window_get_raci_page (KsWindow *self)
{
  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (ensure_raci_page (self));
}

GtkWidget *
ks_window_get_account_raci_page (KsWindow *self)
{
  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (ensure_account_raci_page (self));
}

GtkWidget *
ks_window_get_funnel_page (KsWindow *self)
{
  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (ensure_funnel_page (self));
}

void
ks_window_show_funnel_for_account (KsWindow   *self,
                                   const char *name)
{
  g_return_if_fail (KS_IS_WINDOW (self));

  ks_window_set_page (self, "funnel");
  ks_funnel_page_show_account (ensure_funnel_page (self), name);
}

GtkWindow *
ks_window_open_search (KsWindow *self)
{
  KsSearchDialog *dialog;

  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);

  if (self->search_dialog)
    {
      gtk_window_present (self->search_dialog);
      return self->search_dialog;
    }
  dialog = ks_search_dialog_new (self);
  self->search_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->search_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWidget *
ks_window_get_plan_page (KsWindow *self)
{
  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (ensure_plan_page (self));
}
