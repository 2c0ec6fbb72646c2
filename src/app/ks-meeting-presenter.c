/* ks-meeting-presenter.c — the presenter's screen of a review meeting: the
 * slide shown, the next one, the decisions so far and the clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made by the meeting window when a second monitor shows the slides, and
 * shown in the main window (or, for a meeting opened without one, in a
 * window of its own, full screen on the other monitor). The two slides are
 * KsSlideCanvas widgets over the meeting's own deck (the deck keeps a
 * layout per size, so the preview and the projector do not evict each
 * other). Every key pressed while the focus is in it goes to
 * ks_meeting_window_handle_key; it takes the focus when mapped.
 */
#define G_LOG_DOMAIN "ks-meeting-window"

#include "config.h"

#include "ks-meeting-presenter.h"

#include <glib/gi18n.h>

#include "ks-slide-canvas.h"

struct _KsMeetingPresenter
{
  GtkWidget        parent_instance;

  KsMeetingWindow *meeting;    /* weak */
  guint            slide;
  gint64           started;    /* monotonic µs */
  guint            clock_id;
  GPtrArray       *lines;      /* char *, the decisions as listed */

  GtkWidget       *grid;
  GtkWidget       *current;
  GtkWidget       *next;
  GtkWidget       *current_label;
  GtkWidget       *next_label;
  GtkWidget       *decisions;
  GtkWidget       *clock;
};

G_DEFINE_FINAL_TYPE (KsMeetingPresenter, ks_meeting_presenter, GTK_TYPE_WIDGET)

/* Helpers */

static KsMeetingDeck *
deck (KsMeetingPresenter *self)
{
  return self->meeting ? ks_meeting_window_get_deck (self->meeting) : NULL;
}

static void
fill_decisions (KsMeetingPresenter *self)
{
  GPtrArray *decisions = deck (self) ? ks_meeting_deck_get_decisions (deck (self)) : NULL;
  GtkWidget *child;

  g_ptr_array_set_size (self->lines, 0);
  while ((child = gtk_widget_get_first_child (self->decisions)))
    gtk_list_box_remove (GTK_LIST_BOX (self->decisions), child);
  for (guint i = 0; decisions && i < decisions->len; i++)
    {
      const KsMeetingDecision *d = g_ptr_array_index (decisions, i);
      g_autoptr(GString) line = g_string_new (NULL);
      GtkWidget *label;

      /* Translators: a decision in the presenter's list: account, then what was decided */
      g_string_printf (line, _("%s: %s"), d->account, d->text);
      if (d->owner && *d->owner)
        g_string_append_printf (line, " — %s", d->owner);
      if (d->due && *d->due)
        /* Translators: after a decision in the presenter's list; %s is its due date */
        g_string_append_printf (line, _(", due %s"), d->due);
      label = gtk_label_new (line->str);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_list_box_append (GTK_LIST_BOX (self->decisions), label);
      g_ptr_array_add (self->lines, g_string_free (g_steal_pointer (&line), FALSE));
    }
  if (!decisions || decisions->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("No decisions yet: press D to note one"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_list_box_append (GTK_LIST_BOX (self->decisions), label);
    }
}

/* Callbacks */

static gboolean
tick_cb (gpointer data)
{
  KsMeetingPresenter *self = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M");
  gint64 seconds = (g_get_monotonic_time () - self->started) / G_USEC_PER_SEC;
  /* Translators: the presenter's clock: the time of day, then the meeting's length so far */
  g_autofree char *text = g_strdup_printf (_("%s · %d:%02d in"), time, (int) (seconds / 60), (int) (seconds % 60));

  gtk_label_set_text (GTK_LABEL (self->clock), text);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        KsMeetingPresenter    *self)
{
  return self->meeting && ks_meeting_window_handle_key (self->meeting, keyval, state);
}

static void
on_map (KsMeetingPresenter *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Vfuncs */

static void
ks_meeting_presenter_dispose (GObject *object)
{
  KsMeetingPresenter *self = KS_MEETING_PRESENTER (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  if (self->current)
    ks_meeting_presenter_detach (self);
  g_clear_pointer (&self->grid, gtk_widget_unparent);
  self->current = self->next = NULL;
  G_OBJECT_CLASS (ks_meeting_presenter_parent_class)->dispose (object);
}

static void
ks_meeting_presenter_finalize (GObject *object)
{
  KsMeetingPresenter *self = KS_MEETING_PRESENTER (object);

  g_ptr_array_unref (self->lines);
  G_OBJECT_CLASS (ks_meeting_presenter_parent_class)->finalize (object);
}

static void
ks_meeting_presenter_class_init (KsMeetingPresenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ks_meeting_presenter_dispose;
  object_class->finalize = ks_meeting_presenter_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "presenter");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
framed (GtkWidget *canvas)
{
  GtkWidget *frame = gtk_aspect_frame_new (0.5, 0.0, 16.0 / 9.0, FALSE);

  gtk_aspect_frame_set_child (GTK_ASPECT_FRAME (frame), canvas);
  gtk_widget_add_css_class (canvas, "card");
  return frame;
}

static void
ks_meeting_presenter_init (KsMeetingPresenter *self)
{
  GtkWidget *grid, *main, *side, *heading, *scroller;
  GtkEventController *key;

  self->lines = g_ptr_array_new_with_free_func (g_free);
  self->started = g_get_monotonic_time ();
  gtk_widget_add_css_class (GTK_WIDGET (self), "meeting-presenter");
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Presenter's view of the meeting"), -1);

  self->grid = grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 24);
  gtk_widget_set_margin_end (grid, 24);
  gtk_widget_set_margin_top (grid, 24);
  gtk_widget_set_margin_bottom (grid, 24);

  self->current_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->current_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->current_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->current_label, "title-2");
  main = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (main), self->current_label);
  self->current = ks_slide_canvas_new ();
  gtk_box_append (GTK_BOX (main), framed (self->current));
  gtk_widget_set_hexpand (gtk_widget_get_parent (self->current), TRUE);
  gtk_widget_set_vexpand (gtk_widget_get_parent (self->current), TRUE);
  gtk_grid_attach (GTK_GRID (grid), main, 0, 0, 1, 1);

  side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_size_request (side, 420, -1);
  gtk_widget_set_hexpand (side, FALSE);
  self->clock = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->clock), 0);
  gtk_widget_add_css_class (self->clock, "title-1");
  gtk_widget_add_css_class (self->clock, "numeric");
  gtk_box_append (GTK_BOX (side), self->clock);
  self->next_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->next_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->next_label), TRUE);
  gtk_widget_add_css_class (self->next_label, "heading");
  gtk_box_append (GTK_BOX (side), self->next_label);
  self->next = ks_slide_canvas_new ();
  gtk_widget_set_vexpand (self->next, FALSE);
  gtk_widget_set_size_request (self->next, 400, 225);
  gtk_widget_set_hexpand (self->next, FALSE);
  gtk_box_append (GTK_BOX (side), framed (self->next));
  heading = gtk_label_new (_("Decisions"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (side), heading);
  self->decisions = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->decisions), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->decisions, "boxed-list");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->decisions);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (side), scroller);
  gtk_grid_attach (GTK_GRID (grid), side, 1, 0, 1, 1);

  gtk_widget_set_parent (grid, GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  self->clock_id = g_timeout_add_seconds (1, tick_cb, self);
  tick_cb (self);
}

GtkWidget *
ks_meeting_presenter_new (KsMeetingWindow *meeting)
{
  KsMeetingPresenter *self;

  g_return_val_if_fail (KS_IS_MEETING_WINDOW (meeting), NULL);

  self = g_object_new (KS_TYPE_MEETING_PRESENTER, NULL);
  self->meeting = meeting;
  g_object_add_weak_pointer (G_OBJECT (meeting), (gpointer *) &self->meeting);
  ks_slide_canvas_set_deck (KS_SLIDE_CANVAS (self->current), deck (self));
  ks_slide_canvas_set_deck (KS_SLIDE_CANVAS (self->next), deck (self));
  fill_decisions (self);
  ks_meeting_presenter_set_slide (self, ks_meeting_window_get_slide (meeting));
  return GTK_WIDGET (self);
}

/* Public API */

void
ks_meeting_presenter_set_slide (KsMeetingPresenter *self,
                                guint               slide)
{
  KsMeetingDeck *d;
  guint n;
  g_autofree char *current = NULL;
  g_autofree char *next = NULL;

  g_return_if_fail (KS_IS_MEETING_PRESENTER (self));

  d = deck (self);
  if (!d)
    return;
  n = ks_meeting_deck_get_n_slides (d);
  self->slide = slide;
  ks_slide_canvas_set_slide (KS_SLIDE_CANVAS (self->current), (int) slide);
  ks_slide_canvas_set_slide (KS_SLIDE_CANVAS (self->next), slide + 1 < n ? (int) slide + 1 : -1);
  /* Translators: above the presenter's slide: number, count, title */
  current = g_strdup_printf (_("%u / %u · %s"), slide + 1, n, slide < n ? ks_meeting_deck_get_title (d, slide) : "");
  next = slide + 1 < n
    /* Translators: above the presenter's preview of the next slide */
    ? g_strdup_printf (_("Next: %s"), ks_meeting_deck_get_title (d, slide + 1))
    : g_strdup (_("Next: the end (Esc leaves)"));
  gtk_label_set_text (GTK_LABEL (self->current_label), current);
  gtk_label_set_text (GTK_LABEL (self->next_label), next);
}

void
ks_meeting_presenter_detach (KsMeetingPresenter *self)
{
  g_return_if_fail (KS_IS_MEETING_PRESENTER (self));

  ks_slide_canvas_set_deck (KS_SLIDE_CANVAS (self->current), NULL);
  ks_slide_canvas_set_deck (KS_SLIDE_CANVAS (self->next), NULL);
  if (self->meeting)
    g_object_remove_weak_pointer (G_OBJECT (self->meeting), (gpointer *) &self->meeting);
  self->meeting = NULL;
}

void
ks_meeting_presenter_reload (KsMeetingPresenter *self)
{
  g_return_if_fail (KS_IS_MEETING_PRESENTER (self));

  ks_slide_canvas_invalidate (KS_SLIDE_CANVAS (self->current));
  ks_slide_canvas_invalidate (KS_SLIDE_CANVAS (self->next));
  fill_decisions (self);
  ks_meeting_presenter_set_slide (self, self->slide);
}

GPtrArray *
ks_meeting_presenter_get_lines (KsMeetingPresenter *self)
{
  g_return_val_if_fail (KS_IS_MEETING_PRESENTER (self), NULL);
  return self->lines;
}
