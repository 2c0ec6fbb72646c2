/* ks-window-meeting.c — the main window's review meetings: planning one,
 * presenting it, and its minutes afterwards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * win.start-meeting (F5, the main menu, the portfolio view's button) opens
 * "New Review Meeting" seeded from the portfolio view when it has been
 * shown: the matrix's selected account on the agenda, its shown accounts
 * one click away, and when every account it shows has the same owner (its
 * owner filter), that owner's A accounts. win.present-meeting (x) opens
 * the presentation (KsMeetingWindow); with a second monitor the main
 * window shows the presenter's view in place of its pages (full screen
 * on its monitor) until the meeting ends; when it is left, a toast offers
 * win.export-minutes (x).
 */
#define G_LOG_DOMAIN "ks-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ks-meeting-dialog.h"
#include "ks-meeting-window.h"
#include "ks-portfolio-view.h"
#include "ks-window-private.h"

/* Helpers */

static gboolean
export_minutes_file (GtkWidget   *page,
                     const char  *path,
                     GError     **error)
{
  KsWindow *self = KS_WINDOW (page);
  gint64 *id = g_object_get_data (G_OBJECT (self), "ks-minutes-meeting");

  if (!self->workspace || !id)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("The meeting is no longer in this workspace"));
      return FALSE;
    }
  return ks_meeting_export_minutes (self->workspace, *id, path, error);
}

static void
export_minutes (KsWindow *self,
                gint64    meeting_id)
{
  g_autoptr(KsMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!self->workspace)
    return;
  meeting = ks_meeting_load (self->workspace, meeting_id, &error);
  if (!meeting)
    {
      show_dialog (self, _("Could Not Export the Minutes"), error->message);
      return;
    }
  g_object_set_data_full (G_OBJECT (self), "ks-minutes-meeting",
                          g_memdup2 (&meeting_id, sizeof meeting_id), g_free);
  /* Translators: the minutes' suggested file name: the meeting's title and date */
  name = g_strdup_printf (_("%s %s minutes.pdf"), meeting->title, meeting->date);
  ks_export_dialog_show (GTK_WIDGET (self), _("Export Minutes"), name, export_minutes_file,
                         /* Translators: %s is the folder */
                         _("Saved the minutes in %s"), _("Could Not Export the Minutes"));
}

/* Callbacks */

static gboolean
on_meeting_closed (KsWindow        *self,
                   KsMeetingWindow *meeting)
{
  KsMeetingDeck *deck = ks_meeting_window_get_deck (meeting);
  GPtrArray *decisions = deck ? ks_meeting_deck_get_decisions (deck) : NULL;
  guint n = decisions ? decisions->len : 0;
  g_autofree char *title = NULL;
  AdwToast *toast;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The meeting ended with %u decision",
                                        "The meeting ended with %u decisions", n), n);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Export _Minutes…"));
  adw_toast_set_action_name (toast, "win.export-minutes");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (ks_meeting_window_get_meeting_id (meeting)));
  adw_toast_set_timeout (toast, 0);   /* stays until answered or dismissed */
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return FALSE;   /* "close-request": let it close */
}

static gboolean
on_show_presenter (KsMeetingWindow *meeting,
                   GtkWidget       *presenter,
                   KsWindow        *self)
{
  const char *shown = gtk_stack_get_visible_child_name (self->main_stack);

  g_object_set_data_full (G_OBJECT (self), "ks-page-before-meeting", g_strdup (shown), g_free);
  g_object_set_data (G_OBJECT (self), "ks-fullscreen-before-meeting",
                     GINT_TO_POINTER (gtk_window_is_fullscreen (GTK_WINDOW (self))));
  gtk_stack_add_named (self->main_stack, presenter, "presenter");
  gtk_stack_set_visible_child_name (self->main_stack, "presenter");
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_widget_grab_focus (presenter);
  return TRUE;
}

static void
on_meeting_destroyed (KsWindow *self)
{
  GtkWidget *presenter = gtk_stack_get_child_by_name (self->main_stack, "presenter");
  const char *before = g_object_get_data (G_OBJECT (self), "ks-page-before-meeting");

  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (!presenter)
    return;
  /* GTK 4.8 keeps a removed focus widget alive until the focus moves */
  if (focus && (focus == presenter || gtk_widget_is_ancestor (focus, presenter)))
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_stack_set_visible_child_name (self->main_stack, before ? before : "workspace");
  gtk_stack_remove (self->main_stack, presenter);
  if (!g_object_get_data (G_OBJECT (self), "ks-fullscreen-before-meeting"))
    gtk_window_unfullscreen (GTK_WINDOW (self));
}

static void
on_dialog_present (KsMeetingDialog *dialog,
                   gint64           meeting_id,
                   KsWindow        *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.present-meeting", "x", meeting_id);
}

static void
on_dialog_export (KsMeetingDialog *dialog,
                  gint64           meeting_id,
                  KsWindow        *self)
{
  export_minutes (self, meeting_id);
}

/* Actions */

static void
start_meeting_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KsWindow *self = KS_WINDOW (widget);
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (gint64));
  KsMeetingSeed seed = { 0 };
  gint64 selected = 0;
  KsMeetingDialog *dialog;

  if (!self->workspace)
    return;
  if (self->portfolio_page)
    {
      const KsPortfolio *portfolio = ks_portfolio_page_get_portfolio (self->portfolio_page);
      GtkWidget *matrix = ks_portfolio_page_get_matrix (self->portfolio_page);
      gint64 owner = -1;

      selected = matrix ? ks_portfolio_view_get_selected (KS_PORTFOLIO_VIEW (matrix)) : 0;
      for (guint i = 0; portfolio && portfolio->items && i < portfolio->items->len; i++)
        {
          const KsPortfolioItem *item = &g_array_index (portfolio->items, KsPortfolioItem, i);

          g_array_append_val (shown, item->account_id);
          owner = owner == -1 || owner == item->owner_id ? item->owner_id : 0;
        }
      seed.owner_id = owner > 0 ? owner : 0;
    }
  seed.selection = selected ? &selected : NULL;
  seed.n_selection = selected ? 1 : 0;
  seed.shown = (const gint64 *) shown->data;
  seed.n_shown = shown->len;
  dialog = ks_meeting_dialog_new (self->workspace, &seed);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "present", G_CALLBACK (on_dialog_present), self, 0);
  g_signal_connect_object (dialog, "export-minutes", G_CALLBACK (on_dialog_export), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
present_meeting_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KsWindow *self = KS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  KsMeetingWindow *meeting;

  if (!self->workspace)
    return;
  meeting = ks_meeting_window_new (self->workspace, g_variant_get_int64 (parameter), NULL, &error);
  if (!meeting)
    {
      show_dialog (self, _("Could Not Start the Meeting"), error->message);
      return;
    }
  gtk_window_set_application (GTK_WINDOW (meeting), gtk_window_get_application (GTK_WINDOW (self)));
  g_signal_connect_object (meeting, "close-request", G_CALLBACK (on_meeting_closed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (meeting, "show-presenter", G_CALLBACK (on_show_presenter), self, 0);
  g_signal_connect_object (meeting, "destroy", G_CALLBACK (on_meeting_destroyed), self, G_CONNECT_SWAPPED);
  ks_meeting_window_present (meeting, GTK_WINDOW (self));
}

static void
export_minutes_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  export_minutes (KS_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* Internal API */

void
_ks_window_class_add_meeting_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.start-meeting", NULL, start_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.present-meeting", "x", present_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.export-minutes", "x", export_minutes_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.start-meeting", NULL);
}
