/* ks-meeting-window.c — a review meeting on the projector: the slides full
 * screen, driven by the keyboard, decisions typed in as they are taken
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The deck (ks-meeting-slides.h) is read once when the window opens and
 * again, on idle, after any change to the workspace (a decision taken or
 * undone, a plan edited in the main window). The slide fills the window
 * (KsSlideCanvas); over it a footer line says where we are and hides
 * after a few seconds, "/" opens a search over the agenda's accounts and
 * "D" the decision bar (KsDecisionBar). Keys are read in the capture
 * phase so nothing in the window takes → or Space first; while the search
 * or the decision bar is open they go to its fields instead.
 *
 * With two monitors or more the slides go to the projector
 * (ks_meeting_pick_projector) and the presenter's view (the slide shown,
 * the next one, the decisions so far, the clock) goes to the main
 * window's monitor: "show-presenter" offers it to the main window, which
 * shows it in place of its pages; its keys drive this window.
 */
#define G_LOG_DOMAIN "ks-meeting-window"

#include "config.h"

#include "ks-meeting-window.h"

#include <glib/gi18n.h>

#include "ks-app-util.h"
#include "ks-decision-bar.h"
#include "ks-due-date.h"
#include "ks-meeting-presenter.h"
#include "ks-meeting-screens.h"
#include "ks-slide-canvas.h"

#define FOOTER_SECONDS 4

struct _KsMeetingWindow
{
  GtkWindow        parent_instance;

  KsWorkspace     *workspace;
  gint64           meeting_id;
  char            *today;
  KsMeetingDeck   *deck;
  guint            slide;
  gint64           last_account;   /* the account of the last account slide shown */
  guint            reload_id;
  guint            footer_id;
  char            *footer;
  GtkWidget       *presenter;      /* KsMeetingPresenter (ours); NULL with one monitor */
  GtkWindow       *presenter_window; /* its own window when nobody showed it; weak */

  GtkWidget       *toasts;
  GtkWidget       *canvas;
  GtkWidget       *footer_revealer;
  GtkWidget       *footer_label;
  GtkWidget       *find_revealer;
  GtkWidget       *find_entry;
  GtkWidget       *find_label;
  GtkWidget       *decision_revealer;
  GtkWidget       *decision_bar;
};

enum
{
  SHOW_PRESENTER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KsMeetingWindow, ks_meeting_window, GTK_TYPE_WINDOW)

/* Helpers */

static void
add_toast (KsMeetingWindow *self,
           const char      *title,
           gboolean         with_undo)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "meeting.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), toast);
}

static gboolean
hide_footer_cb (gpointer data)
{
  KsMeetingWindow *self = data;

  self->footer_id = 0;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->footer_revealer), FALSE);
  return G_SOURCE_REMOVE;
}

static void
update_footer (KsMeetingWindow *self,
               gboolean         show)
{
  guint n = ks_meeting_deck_get_n_slides (self->deck);

  g_free (self->footer);
  self->footer = n
    /* Translators: the presentation's footer: slide number, count, the slide's title */
    ? g_strdup_printf (_("%u / %u · %s"), self->slide + 1, n,
                       ks_meeting_deck_get_title (self->deck, self->slide))
    : g_strdup ("");
  gtk_label_set_text (GTK_LABEL (self->footer_label), self->footer);
  if (!show)
    return;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->footer_revealer), TRUE);
  g_clear_handle_id (&self->footer_id, g_source_remove);
  self->footer_id = g_timeout_add_seconds (FOOTER_SECONDS, hide_footer_cb, self);
}

static void
show_slide (KsMeetingWindow *self,
            guint            slide)
{
  guint n = ks_meeting_deck_get_n_slides (self->deck);
  gint64 account;

  if (n == 0)
    return;
  slide = MIN (slide, n - 1);
  self->slide = slide;
  account = ks_meeting_deck_get_account_id (self->deck, slide);
  if (account)
    self->last_account = account;
  ks_slide_canvas_set_slide (KS_SLIDE_CANVAS (self->canvas), (int) slide);
  update_footer (self, TRUE);
  if (self->presenter)
    ks_meeting_presenter_set_slide (KS_MEETING_PRESENTER (self->presenter), slide);
}

static void
close_bars (KsMeetingWindow *self)
{
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->find_revealer), FALSE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->decision_revealer), FALSE);
  gtk_widget_set_can_target (self->find_revealer, FALSE);
  gtk_widget_set_can_target (self->decision_revealer, FALSE);
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

static void
open_find (KsMeetingWindow *self)
{
  close_bars (self);
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), "");
  gtk_label_set_text (GTK_LABEL (self->find_label), "");
  gtk_widget_set_can_target (self->find_revealer, TRUE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->find_revealer), TRUE);
  gtk_widget_grab_focus (self->find_entry);
}

static void
open_decision (KsMeetingWindow *self)
{
  const KsMeeting *meeting = ks_meeting_deck_get_meeting (self->deck);

  close_bars (self);
  /* the footer would cover the bar's last line */
  g_clear_handle_id (&self->footer_id, g_source_remove);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->footer_revealer), FALSE);
  if (self->presenter)
    gtk_window_present (GTK_WINDOW (self));   /* the bar is typed into here */
  gtk_widget_set_can_target (self->decision_revealer, TRUE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->decision_revealer), TRUE);
  ks_decision_bar_start (KS_DECISION_BAR (self->decision_bar), self->workspace, meeting,
                         ks_meeting_deck_get_account_id (self->deck, self->slide),
                         self->last_account, self->today);
}

static void
jump_to_found (KsMeetingWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  int from = ks_meeting_deck_get_agenda_index (self->deck, self->slide) + 1;
  int slide = ks_meeting_deck_find (self->deck, text, (guint) MAX (from, 0));

  if (slide < 0)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      /* Translators: %s is what was typed into the presentation's search */
      g_autofree char *message = g_strdup_printf (_("No account on the agenda matches “%s”"), stripped);

      gtk_label_set_text (GTK_LABEL (self->find_label), *stripped ? message : "");
      gtk_widget_add_css_class (self->find_entry, "error");
      return;
    }
  close_bars (self);
  show_slide (self, (guint) slide);
}

static void
undo (KsMeetingWindow *self,
      gboolean         redo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;

  if (redo ? !ks_workspace_can_redo (self->workspace) : !ks_workspace_can_undo (self->workspace))
    return;
  label = g_strdup (redo ? ks_workspace_get_redo_label (self->workspace)
                         : ks_workspace_get_undo_label (self->workspace));
  if (!(redo ? ks_workspace_redo (self->workspace, &error) : ks_workspace_undo (self->workspace, &error)))
    {
      add_toast (self, error->message, FALSE);
      return;
    }
  title = redo
    /* Translators: a toast after redo in a meeting, e.g. Redid “Add Decision” */
    ? g_strdup_printf (_("Redid “%s”"), label ? label : "")
    /* Translators: a toast after undo in a meeting, e.g. Undid “Add Decision” */
    : g_strdup_printf (_("Undid “%s”"), label ? label : "");
  add_toast (self, title, FALSE);
}

static gboolean
export_minutes_file (GtkWidget   *page,
                     const char  *path,
                     GError     **error)
{
  KsMeetingWindow *self = KS_MEETING_WINDOW (page);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!ks_meeting_minutes_write (self->deck, path, NULL, error))
    return FALSE;
  /* the export dialog's own toast goes to the main window only */
  name = g_filename_display_basename (path);
  /* Translators: a toast in the meeting after the minutes were written; %s is the file's name */
  title = g_strdup_printf (_("Saved the minutes as %s"), name);
  add_toast (self, title, FALSE);
  return TRUE;
}

static void
export_minutes (KsMeetingWindow *self)
{
  const KsMeeting *meeting = ks_meeting_deck_get_meeting (self->deck);
  /* Translators: the minutes' suggested file name: the meeting's title and date */
  g_autofree char *name = g_strdup_printf (_("%s %s minutes.pdf"), meeting->title, meeting->date);

  ks_export_dialog_show (GTK_WIDGET (self), _("Export Minutes"), name, export_minutes_file,
                         /* Translators: %s is the folder */
                         _("Saved the minutes in %s"), _("Could Not Export the Minutes"));
}

/* Callbacks */

static gboolean
reload_cb (gpointer data)
{
  KsMeetingWindow *self = data;
  g_autoptr(GError) error = NULL;

  self->reload_id = 0;
  if (!ks_meeting_deck_reload (self->deck, self->workspace, &error))
    {
      /* the meeting itself is gone (its creation undone in the main
       * window, or deleted elsewhere): nothing is left to show */
      g_info ("The meeting could not be read again, leaving it: %s", error->message);
      gtk_window_close (GTK_WINDOW (self));
      return G_SOURCE_REMOVE;
    }
  ks_slide_canvas_invalidate (KS_SLIDE_CANVAS (self->canvas));
  if (self->presenter)
    ks_meeting_presenter_reload (KS_MEETING_PRESENTER (self->presenter));
  show_slide (self, self->slide);
  return G_SOURCE_REMOVE;
}

static void
on_workspace_changed (KsMeetingWindow *self)
{
  if (!self->reload_id)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_cb, self, NULL);
}

static void
on_decided (KsDecisionBar   *bar,
            gint64           action_id,
            KsMeetingWindow *self)
{
  gint64 account = ks_decision_bar_get_account_id (bar);
  const KsMeeting *meeting = ks_meeting_deck_get_meeting (self->deck);
  const char *name = "";
  g_autofree char *title = NULL;

  for (guint i = 0; i < meeting->account_ids->len && i < meeting->accounts->len; i++)
    if (g_array_index (meeting->account_ids, gint64, i) == account)
      name = g_ptr_array_index (meeting->accounts, i);
  close_bars (self);
  /* Translators: a toast after a decision was taken; %s is the account */
  title = g_strdup_printf (_("Added the decision to the plan of %s"), name);
  add_toast (self, title, TRUE);
}

static void
on_cancelled (KsMeetingWindow *self)
{
  close_bars (self);
}

static gboolean
on_find_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             KsMeetingWindow       *self)
{
  switch (keyval)
    {
    case GDK_KEY_Escape:
      close_bars (self);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      jump_to_found (self);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_find_changed (KsMeetingWindow *self)
{
  gtk_widget_remove_css_class (self->find_entry, "error");
  gtk_label_set_text (GTK_LABEL (self->find_label), "");
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        KsMeetingWindow       *self)
{
  /* the search and the decision bar read their own keys */
  if (ks_meeting_window_is_finding (self) || ks_meeting_window_is_deciding (self))
    return FALSE;
  return ks_meeting_window_handle_key (self, keyval, state);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo (KS_MEETING_WINDOW (widget), g_str_equal (action_name, "meeting.redo"));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  export_minutes (KS_MEETING_WINDOW (widget));
}

/* Vfuncs */

static void
drop_presenter (KsMeetingWindow *self)
{
  if (!self->presenter)
    return;
  ks_meeting_presenter_detach (KS_MEETING_PRESENTER (self->presenter));
  if (self->presenter_window)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->presenter_window), (gpointer *) &self->presenter_window);
      gtk_window_destroy (self->presenter_window);
      self->presenter_window = NULL;
    }
  g_clear_object (&self->presenter);
}

static gboolean
ks_meeting_window_close_request (GtkWindow *window)
{
  KsMeetingWindow *self = KS_MEETING_WINDOW (window);
  gboolean stop = GTK_WINDOW_CLASS (ks_meeting_window_parent_class)->close_request (window);

  if (!stop)
    drop_presenter (self);
  return stop;
}

static void
ks_meeting_window_dispose (GObject *object)
{
  KsMeetingWindow *self = KS_MEETING_WINDOW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->footer_id, g_source_remove);
  drop_presenter (self);
  if (self->canvas)
    ks_slide_canvas_set_deck (KS_SLIDE_CANVAS (self->canvas), NULL);
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  G_OBJECT_CLASS (ks_meeting_window_parent_class)->dispose (object);
}

static void
ks_meeting_window_finalize (GObject *object)
{
  KsMeetingWindow *self = KS_MEETING_WINDOW (object);

  g_clear_pointer (&self->deck, ks_meeting_deck_free);
  g_clear_object (&self->workspace);
  g_free (self->today);
  g_free (self->footer);
  G_OBJECT_CLASS (ks_meeting_window_parent_class)->finalize (object);
}

static void
ks_meeting_window_class_init (KsMeetingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ks_meeting_window_dispose;
  object_class->finalize = ks_meeting_window_finalize;
  window_class->close_request = ks_meeting_window_close_request;

  /**
   * KsMeetingWindow::show-presenter:
   * @presenter: the KsMeetingPresenter to show
   *
   * Emitted when a second monitor shows the slides: a handler that shows
   * @presenter (the main window, in place of its pages) returns TRUE;
   * otherwise it gets a window of its own. Either way the meeting window
   * detaches it when it closes; whoever shows it takes it away again on
   * the meeting window's "destroy".
   */
  signals[SHOW_PRESENTER] = g_signal_new ("show-presenter", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, g_signal_accumulator_true_handled, NULL, NULL,
                                          G_TYPE_BOOLEAN, 1, GTK_TYPE_WIDGET);

  gtk_widget_class_install_action (widget_class, "meeting.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "meeting.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "meeting.export-minutes", NULL, export_action);
}

static void
ks_meeting_window_init (KsMeetingWindow *self)
{
  GtkWidget *overlay, *box;
  GtkEventController *key;

  gtk_widget_add_css_class (GTK_WIDGET (self), "meeting");
  /* full screen, edge to edge: no title bar, no shadow, no border */
  gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
  self->toasts = adw_toast_overlay_new ();
  overlay = gtk_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (self->toasts), overlay);
  gtk_window_set_child (GTK_WINDOW (self), self->toasts);

  self->canvas = ks_slide_canvas_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), self->canvas);

  /* the footer: where we are, hidden again after a few seconds */
  self->footer_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->footer_label, "meeting-footer");
  gtk_label_set_ellipsize (GTK_LABEL (self->footer_label), PANGO_ELLIPSIZE_END);
  self->footer_revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->footer_revealer), GTK_REVEALER_TRANSITION_TYPE_CROSSFADE);
  gtk_revealer_set_child (GTK_REVEALER (self->footer_revealer), self->footer_label);
  gtk_widget_set_valign (self->footer_revealer, GTK_ALIGN_END);
  gtk_widget_set_halign (self->footer_revealer, GTK_ALIGN_START);
  gtk_widget_set_can_target (self->footer_revealer, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->footer_revealer);

  /* "/": find an account on the agenda */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "meeting-find");
  self->find_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->find_entry), _("Find an account on the agenda"));
  gtk_entry_set_icon_from_icon_name (GTK_ENTRY (self->find_entry), GTK_ENTRY_ICON_PRIMARY, "edit-find-symbolic");
  gtk_editable_set_width_chars (GTK_EDITABLE (self->find_entry), 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->find_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find an account on the agenda"), -1);
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_find_key), self);
  gtk_widget_add_controller (self->find_entry, key);
  g_signal_connect_swapped (self->find_entry, "changed", G_CALLBACK (on_find_changed), self);
  gtk_box_append (GTK_BOX (box), self->find_entry);
  self->find_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->find_label), 0);
  gtk_widget_add_css_class (self->find_label, "error");
  gtk_box_append (GTK_BOX (box), self->find_label);
  self->find_revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->find_revealer), box);
  gtk_widget_set_valign (self->find_revealer, GTK_ALIGN_START);
  gtk_widget_set_halign (self->find_revealer, GTK_ALIGN_CENTER);
  gtk_widget_set_can_target (self->find_revealer, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->find_revealer);

  /* "D": a decision */
  self->decision_bar = ks_decision_bar_new ();
  g_signal_connect (self->decision_bar, "decided", G_CALLBACK (on_decided), self);
  g_signal_connect_swapped (self->decision_bar, "cancelled", G_CALLBACK (on_cancelled), self);
  self->decision_revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->decision_revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_revealer_set_child (GTK_REVEALER (self->decision_revealer), self->decision_bar);
  gtk_widget_set_valign (self->decision_revealer, GTK_ALIGN_END);
  gtk_widget_set_can_target (self->decision_revealer, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->decision_revealer);

  /* capture: before any child takes → or Space */
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}

/* Public API */

char *
ks_meeting_today (const char *today)
{
  const char *fixed = g_getenv ("KEYSTONE_TODAY");
  GDate date;

  if (today && ks_due_date_from_iso (today, &date))
    return g_strdup (today);
  if (fixed && ks_due_date_from_iso (fixed, &date))
    return g_strdup (fixed);
  g_date_clear (&date, 1);
  g_date_set_time_t (&date, time (NULL));
  return ks_due_date_format (&date);
}

KsMeetingWindow *
ks_meeting_window_new (KsWorkspace  *workspace,
                       gint64        meeting_id,
                       const char   *today,
                       GError      **error)
{
  g_autofree char *day = ks_meeting_today (today);
  KsMeetingDeck *deck;
  KsMeetingWindow *self;
  const KsMeeting *meeting;
  g_autofree char *title = NULL;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  deck = ks_meeting_deck_load (workspace, meeting_id, day, error);
  if (!deck)
    return NULL;
  self = g_object_new (KS_TYPE_MEETING_WINDOW, NULL);
  self->workspace = g_object_ref (workspace);
  self->meeting_id = meeting_id;
  self->today = g_steal_pointer (&day);
  self->deck = deck;
  meeting = ks_meeting_deck_get_meeting (deck);
  /* Translators: the presentation window's title; %s is the meeting's title */
  title = g_strdup_printf (_("%s — Review Meeting"), meeting->title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  ks_slide_canvas_set_deck (KS_SLIDE_CANVAS (self->canvas), deck);
  g_signal_connect_swapped (workspace, "changed", G_CALLBACK (on_workspace_changed), self);
  show_slide (self, 0);
  return self;
}

void
ks_meeting_window_present (KsMeetingWindow *self,
                           GtkWindow       *main_window)
{
  GdkDisplay *display;
  GListModel *monitors;
  guint n;
  g_autofree KsScreenRect *rects = NULL;
  int main_index = -1, projector;
  GdkMonitor *target = NULL;
  GdkRectangle geometry;

  g_return_if_fail (KS_IS_MEETING_WINDOW (self));

  display = gtk_widget_get_display (GTK_WIDGET (self));
  monitors = gdk_display_get_monitors (display);
  n = g_list_model_get_n_items (monitors);
  rects = g_new0 (KsScreenRect, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      gdk_monitor_get_geometry (monitor, &geometry);
      rects[i] = (KsScreenRect) { geometry.x, geometry.y, geometry.width, geometry.height };
    }
  if (main_window && gtk_native_get_surface (GTK_NATIVE (main_window)))
    {
      GdkMonitor *on = gdk_display_get_monitor_at_surface (display,
                                                           gtk_native_get_surface (GTK_NATIVE (main_window)));

      for (guint i = 0; on && i < n; i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

          if (monitor == on)
            main_index = (int) i;
        }
    }
  projector = ks_meeting_pick_projector (rects, n, main_index);
  if (projector >= 0)
    {
      g_autoptr(GdkMonitor) main_monitor = g_list_model_get_item (monitors, main_index >= 0 ? (guint) main_index : 0);

      target = g_list_model_get_item (monitors, (guint) projector);
      ks_meeting_window_open_presenter (self, main_monitor);
    }
  else if (main_index >= 0)
    target = g_list_model_get_item (monitors, (guint) main_index);
  else if (n)
    target = g_list_model_get_item (monitors, 0);
  if (target)
    {
      /* without a window manager (Xvfb) full screen does not resize */
      gdk_monitor_get_geometry (target, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), target);
      g_object_unref (target);
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
}

gint64
ks_meeting_window_get_meeting_id (KsMeetingWindow *self)
{
  g_return_val_if_fail (KS_IS_MEETING_WINDOW (self), 0);
  return self->meeting_id;
}

KsMeetingDeck *
ks_meeting_window_get_deck (KsMeetingWindow *self)
{
  g_return_val_if_fail (KS_IS_MEETING_WINDOW (self), NULL);
  return self->deck;
}

guint
ks_meeting_window_get_slide (KsMeetingWindow *self)
{
  g_return_val_if_fail (KS_IS_MEETING_WINDOW (self), 0);
  return self->slide;
}

void
ks_meeting_window_set_slide (KsMeetingWindow *self,
                             guint            slide)
{
  g_return_if_fail (KS_IS_MEETING_WINDOW (self));
  show_slide (self, slide);
}

gboolean
ks_meeting_window_handle_key (KsMeetingWindow *self,
                              guint            keyval,
                              GdkModifierType  state)
{
  guint n;

  g_return_val_if_fail (KS_IS_MEETING_WINDOW (self), FALSE);

  n = ks_meeting_deck_get_n_slides (self->deck);
  state &= GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK;
  if (state & GDK_CONTROL_MASK)
    {
      switch (keyval)
        {
        case GDK_KEY_z:
        case GDK_KEY_Z:
          undo (self, (state & GDK_SHIFT_MASK) != 0);
          return TRUE;
        case GDK_KEY_y:
          undo (self, TRUE);
          return TRUE;
        case GDK_KEY_e:
          export_minutes (self);
          return TRUE;
        default:
          return FALSE;
        }
    }
  if (state & GDK_ALT_MASK)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_space:
    case GDK_KEY_Page_Down:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Page_Down:
      if (self->slide + 1 < n)
        show_slide (self, self->slide + 1);
      else
        update_footer (self, TRUE);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_BackSpace:
    case GDK_KEY_Page_Up:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Page_Up:
      if (self->slide > 0)
        show_slide (self, self->slide - 1);
      else
        update_footer (self, TRUE);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      show_slide (self, 0);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      show_slide (self, n ? n - 1 : 0);
      return TRUE;
    case GDK_KEY_Escape:
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    case GDK_KEY_slash:
    case GDK_KEY_KP_Divide:
      open_find (self);
      return TRUE;
    case GDK_KEY_d:
    case GDK_KEY_D:
      open_decision (self);
      return TRUE;
    default:
      break;
    }
  if ((keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9) || (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9))
    {
      guint item = keyval >= GDK_KEY_KP_1 ? keyval - GDK_KEY_KP_1 : keyval - GDK_KEY_1;
      int slide = ks_meeting_deck_agenda_slide (self->deck, item);

      if (slide >= 0)
        show_slide (self, (guint) slide);
      else
        update_footer (self, TRUE);
      return TRUE;
    }
  return FALSE;
}

void
ks_meeting_window_open_presenter (KsMeetingWindow *self,
                                  GdkMonitor      *monitor)
{
  gboolean shown = FALSE;

  g_return_if_fail (KS_IS_MEETING_WINDOW (self));
  g_return_if_fail (monitor == NULL || GDK_IS_MONITOR (monitor));

  if (self->presenter)
    return;
  self->presenter = g_object_ref_sink (ks_meeting_presenter_new (self));
  g_signal_emit (self, signals[SHOW_PRESENTER], 0, self->presenter, &shown);
  if (!shown)
    {
      self->presenter_window = GTK_WINDOW (gtk_window_new ());
      g_object_add_weak_pointer (G_OBJECT (self->presenter_window), (gpointer *) &self->presenter_window);
      gtk_window_set_title (self->presenter_window, _("Presenter"));
      gtk_window_set_decorated (self->presenter_window, FALSE);
      gtk_window_set_child (self->presenter_window, self->presenter);
      if (monitor)
        {
          GdkRectangle geometry;

          /* without a window manager full screen does not resize */
          gdk_monitor_get_geometry (monitor, &geometry);
          gtk_window_set_default_size (self->presenter_window, geometry.width, geometry.height);
          gtk_window_fullscreen_on_monitor (self->presenter_window, monitor);
        }
      gtk_window_present (self->presenter_window);
    }
  ks_meeting_presenter_set_slide (KS_MEETING_PRESENTER (self->presenter), self->slide);
}

GtkWidget *
ks_meeting_window_get_presenter (KsMeetingWindow *self)
{
  g_return_val_if_fail (KS_IS_MEETING_WINDOW (self), NULL);
  return self->presenter;
}

gboolean
ks_meeting_window_save_screenshot (KsMeetingWindow *self,
                                   const char      *path,
                                   GError         **error)
{
  g_return_val_if_fail (KS_IS_MEETING_WINDOW (self), FALSE);

  return ks_widget_save_png (GTK_WIDGET (self), NULL, path, error);
}

GtkWidget *
ks_meeting_window_get_canvas (KsMeetingWindow *self)
{
  g_return_val_if_fail (KS_IS_MEETING_WINDOW (self), NULL);
  return self->canvas;
}

GtkWidget *
ks_meeting_window_get_decision_bar (KsMeetingWindow *self)
{
  g_return_val_if_fail (KS_IS_MEETING_WINDOW (self), NULL);
  return self->decision_bar;
}

GtkWidget *
ks_meeting_window_get_find_entry (KsMeetingWindow *self)
{
  g_return_val_if_fail (KS_IS_MEETING_WINDOW (self), NULL);
  return self->find_entry;
}

gboolean
ks_meeting_window_is_deciding (KsMeetingWindow *self)
{
  g_return_val_if_fail (KS_IS_MEETING_WINDOW (self), FALSE);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->decision_revealer));
}

gboolean
ks_meeting_window_is_finding (KsMeetingWindow *self)
{
  g_return_val_if_fail (KS_IS_MEETING_WINDOW (self), FALSE);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->find_revealer));
}

const char *
ks_meeting_window_get_footer (KsMeetingWindow *self,
                              gboolean        *shown)
{
  g_return_val_if_fail (KS_IS_MEETING_WINDOW (self), NULL);
  if (shown)
    *shown = gtk_revealer_get_reveal_child (GTK_REVEALER (self->footer_revealer));
  return self->footer;
}

gboolean
ks_meeting_export_minutes (KsWorkspace  *workspace,
                           gint64        meeting_id,
                           const char   *path,
                           GError      **error)
{
  g_autofree char *today = ks_meeting_today (NULL);
  g_autoptr(KsMeetingDeck) deck = NULL;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  deck = ks_meeting_deck_load (workspace, meeting_id, today, error);
  return deck && ks_meeting_minutes_write (deck, path, NULL, error);
}
