/* ks-meeting-dialog.c — "New Review Meeting": title, date, attendees and
 * the agenda; the earlier meetings, to present again or export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * win.start-meeting opens it, from the portfolio view with the matrix's
 * selection on the agenda already. The agenda is kept here until Save or
 * Present stores the whole meeting through ks_meeting_create (one undo
 * step): accounts are added by name, as the matrix shows them, or as the
 * A accounts (ks_meeting_pick_accounts) of the matrix's owner filter;
 * moved up and down; removed. The date takes a date or a phrase
 * ("next Tuesday", ks_due_date_parse). Attendees are the people on our
 * side, ticked in a list the search field narrows.
 */
#define G_LOG_DOMAIN "ks-meeting-window"

#include "config.h"

#include "ks-meeting-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ks-account.h"
#include "ks-app-util.h"
#include "ks-due-date.h"
#include "ks-meeting.h"
#include "ks-meeting-window.h"
#include "ks-person.h"

typedef struct
{
  gint64  id;
  char   *name;
  char   *key;       /* casefolded NFKC */
} Named;

typedef struct
{
  gint64     id;
  char      *key;
  GtkWidget *row;
  GtkWidget *check;
} Attendee;

struct _KsMeetingDialog
{
  AdwWindow     parent_instance;

  KsWorkspace  *workspace;
  char         *today;
  GArray       *shown;          /* gint64 */
  gint64        owner_id;
  GArray       *accounts;       /* Named, every account, by name */
  GArray       *attendees;      /* Attendee, every person, by name */
  GArray       *agenda;         /* gint64 */
  GPtrArray    *agenda_rows;

  GtkWidget    *message;
  GtkWidget    *title_row;
  GtkWidget    *date_row;
  GtkWidget    *date_label;
  GtkWidget    *search;
  GtkWidget    *agenda_group;
  GtkWidget    *empty_row;
  GtkWidget    *add_row;
  GtkWidget    *shown_button;
  GtkWidget    *a_button;
  GtkWidget    *earlier_group;
};

enum
{
  PRESENT,
  EXPORT_MINUTES,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KsMeetingDialog, ks_meeting_dialog, ADW_TYPE_WINDOW)

/* Helpers */

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFKC);
  g_autofree char *stripped = g_strstrip (g_strdup (normal ? normal : ""));

  return g_utf8_casefold (stripped, -1);
}

static void
named_clear (Named *named)
{
  g_free (named->name);
  g_free (named->key);
}

static void
attendee_clear (Attendee *attendee)
{
  g_free (attendee->key);
}

static const char *
account_name (KsMeetingDialog *self,
              gint64           id)
{
  for (guint i = 0; i < self->accounts->len; i++)
    if (g_array_index (self->accounts, Named, i).id == id)
      return g_array_index (self->accounts, Named, i).name;
  return NULL;
}

static gboolean
on_agenda (KsMeetingDialog *self,
           gint64           id)
{
  for (guint i = 0; i < self->agenda->len; i++)
    if (g_array_index (self->agenda, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
show_message (KsMeetingDialog *self,
              const char      *text)
{
  gtk_label_set_text (GTK_LABEL (self->message), text ? text : "");
  gtk_widget_set_visible (self->message, text && *text);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  return button;
}

static void on_move_clicked   (GtkButton       *button,
                               KsMeetingDialog *self);
static void on_remove_clicked (GtkButton       *button,
                               KsMeetingDialog *self);

static void
build_agenda_rows (KsMeetingDialog *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self->agenda_group);

  for (guint i = 0; i < self->agenda_rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (self->agenda_rows, i));
  g_ptr_array_set_size (self->agenda_rows, 0);
  gtk_widget_set_visible (self->empty_row, self->agenda->len == 0);
  for (guint i = 0; i < self->agenda->len; i++)
    {
      gint64 id = g_array_index (self->agenda, gint64, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *up = icon_button ("go-up-symbolic", _("Move Up"));
      GtkWidget *down = icon_button ("go-down-symbolic", _("Move Down"));
      GtkWidget *remove = icon_button ("list-remove-symbolic", _("Remove from the Agenda"));
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *escaped = g_markup_escape_text (account_name (self, id) ? account_name (self, id) : "", -1);
      GtkWidget *label = gtk_label_new (number);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      if (i < 9)
        /* Translators: under an agenda account in the meeting dialog; %u is its number key */
        {
          g_autofree char *key = g_strdup_printf (_("Key %u jumps here in the meeting"), i + 1);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), key);
        }
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_size_request (label, 24, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < self->agenda->len);
      g_object_set_data (G_OBJECT (up), "ks-index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (up), "ks-step", GINT_TO_POINTER (-1));
      g_object_set_data (G_OBJECT (down), "ks-index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (down), "ks-step", GINT_TO_POINTER (1));
      g_object_set_data (G_OBJECT (remove), "ks-index", GUINT_TO_POINTER (i));
      g_signal_connect (up, "clicked", G_CALLBACK (on_move_clicked), self);
      g_signal_connect (down, "clicked", G_CALLBACK (on_move_clicked), self);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->agenda_rows, row);
    }
}

static guint
add_ids (KsMeetingDialog *self,
         const gint64    *ids,
         guint            n)
{
  guint added = 0;

  for (guint i = 0; i < n; i++)
    if (account_name (self, ids[i]) && !on_agenda (self, ids[i]))
      {
        g_array_append_val (self->agenda, ids[i]);
        added++;
      }
  if (added)
    {
      build_agenda_rows (self);
      show_message (self, NULL);
    }
  return added;
}

static void
load_accounts (KsMeetingDialog *self)
{
  g_autoptr(GListModel) list = ks_account_list (self->workspace, NULL);

  for (guint i = 0; list && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (list, i);
      Named named = { ks_account_get_id (account), g_strdup (ks_account_get_name (account)),
                      fold (ks_account_get_name (account)) };

      g_array_append_val (self->accounts, named);
    }
}

/* Callbacks */

static void
on_move_clicked (GtkButton       *button,
                 KsMeetingDialog *self)
{
  ks_meeting_dialog_move (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "ks-index")),
                          GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "ks-step")));
}

static void
on_remove_clicked (GtkButton       *button,
                   KsMeetingDialog *self)
{
  ks_meeting_dialog_remove (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "ks-index")));
}

static void
on_add_applied (KsMeetingDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (ks_meeting_dialog_add_account (self, gtk_editable_get_text (GTK_EDITABLE (self->add_row)), &error))
    gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
}

static void
on_shown_clicked (KsMeetingDialog *self)
{
  if (ks_meeting_dialog_add_shown (self) == 0)
    show_message (self, _("Every account the matrix shows is on the agenda already"));
}

static void
on_a_clicked (KsMeetingDialog *self)
{
  if (ks_meeting_dialog_add_a_accounts (self) == 0)
    show_message (self, _("No A account is missing from the agenda"));
}

static void
on_date_changed (KsMeetingDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = ks_due_date_parse_iso (gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                                 self->today, &error);

  gtk_label_set_text (GTK_LABEL (self->date_label), date ? date : _("not a date"));
  if (date)
    gtk_widget_remove_css_class (self->date_label, "error");
  else
    gtk_widget_add_css_class (self->date_label, "error");
}

static void
on_search_changed (KsMeetingDialog *self)
{
  g_autofree char *key = fold (gtk_editable_get_text (GTK_EDITABLE (self->search)));

  for (guint i = 0; i < self->attendees->len; i++)
    {
      Attendee *a = &g_array_index (self->attendees, Attendee, i);

      gtk_widget_set_visible (a->row, !*key || strstr (a->key, key) ||
                                      gtk_check_button_get_active (GTK_CHECK_BUTTON (a->check)));
    }
}

static void
on_save_clicked (KsMeetingDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (ks_meeting_dialog_save (self, &error))
    {
      ks_widget_add_undo_toast (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))),
                                _("Saved the review meeting"));
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
on_present_clicked (KsMeetingDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ks_meeting_dialog_save (self, &error);

  if (!id)
    return;
  g_signal_emit (self, signals[PRESENT], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_earlier_clicked (GtkButton       *button,
                    KsMeetingDialog *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "ks-meeting");
  gboolean minutes = g_object_get_data (G_OBJECT (button), "ks-minutes") != NULL;

  g_signal_emit (self, signals[minutes ? EXPORT_MINUTES : PRESENT], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
fill_earlier (KsMeetingDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = ks_meeting_list (self->workspace, &error);

  gtk_widget_set_visible (self->earlier_group, meetings && meetings->len > 0);
  for (guint i = 0; meetings && i < meetings->len; i++)
    {
      const KsMeeting *m = g_ptr_array_index (meetings, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *present = gtk_button_new_with_mnemonic (_("_Present"));
      GtkWidget *minutes = gtk_button_new_with_label (_("Export Minutes…"));
      g_autofree char *escaped = g_markup_escape_text (m->title, -1);
      /* Translators: an earlier meeting: its date, how many accounts and decisions */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %u accounts · %u decisions"), m->date,
                                                   m->account_ids->len, m->n_decisions);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      for (int b = 0; b < 2; b++)
        {
          GtkWidget *button = b ? minutes : present;

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (button), "ks-meeting", g_memdup2 (&m->id, sizeof m->id), g_free);
          if (b)
            g_object_set_data (G_OBJECT (button), "ks-minutes", GINT_TO_POINTER (1));
          g_signal_connect (button, "clicked", G_CALLBACK (on_earlier_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->earlier_group), row);
    }
}

/* Vfuncs */

static void
ks_meeting_dialog_finalize (GObject *object)
{
  KsMeetingDialog *self = KS_MEETING_DIALOG (object);

  g_clear_object (&self->workspace);
  g_free (self->today);
  g_array_unref (self->shown);
  g_array_unref (self->accounts);
  g_array_unref (self->attendees);
  g_array_unref (self->agenda);
  g_ptr_array_unref (self->agenda_rows);
  G_OBJECT_CLASS (ks_meeting_dialog_parent_class)->finalize (object);
}

static void
ks_meeting_dialog_class_init (KsMeetingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ks_meeting_dialog_finalize;
  signals[PRESENT] = g_signal_new ("present", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[EXPORT_MINUTES] = g_signal_new ("export-minutes", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ks_meeting_dialog_init (KsMeetingDialog *self)
{
  GtkWidget *box, *header, *cancel, *save, *present, *scroller, *page, *group, *row, *buttons;

  self->shown = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->accounts = g_array_new (FALSE, TRUE, sizeof (Named));
  g_array_set_clear_func (self->accounts, (GDestroyNotify) named_clear);
  self->attendees = g_array_new (FALSE, TRUE, sizeof (Attendee));
  g_array_set_clear_func (self->attendees, (GDestroyNotify) attendee_clear);
  self->agenda = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->agenda_rows = g_ptr_array_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("New Review Meeting"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 760);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  present = gtk_button_new_with_mnemonic (_("_Present"));
  gtk_widget_add_css_class (present, "suggested-action");
  gtk_widget_set_tooltip_text (present, _("Save the meeting and show it full screen"));
  g_signal_connect_swapped (present, "clicked", G_CALLBACK (on_present_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), present);
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_tooltip_text (save, _("Save the meeting to present it later"));
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_save_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  self->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_widget_add_css_class (self->message, "error");
  gtk_widget_set_margin_top (self->message, 6);
  gtk_widget_set_visible (self->message, FALSE);
  gtk_box_append (GTK_BOX (box), self->message);

  page = adw_preferences_page_new ();
  group = adw_preferences_group_new ();
  self->title_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), _("Key Account Review"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->title_row);
  self->date_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Date (2027-01-15, next Tuesday, …)"));
  self->date_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->date_label, "dim-label");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->date_row), self->date_label);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (on_date_changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->date_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->agenda_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->agenda_group), _("Agenda"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->agenda_group),
                                         _("The accounts reviewed, in this order: each gets its slides (score card, power map, plan, funnel)"));
  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), _("No accounts yet: add them below"));
  gtk_widget_add_css_class (self->empty_row, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->agenda_group), self->empty_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->agenda_group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Add to the Agenda"));
  self->add_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("Account name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->add_row), TRUE);
  g_signal_connect_swapped (self->add_row, "apply", G_CALLBACK (on_add_applied), self);
  g_signal_connect_swapped (self->add_row, "entry-activated", G_CALLBACK (on_add_applied), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->add_row);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Several at once"));
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  self->shown_button = gtk_button_new_with_mnemonic (_("Accounts in the _Matrix"));
  g_signal_connect_swapped (self->shown_button, "clicked", G_CALLBACK (on_shown_clicked), self);
  gtk_box_append (GTK_BOX (buttons), self->shown_button);
  self->a_button = gtk_button_new_with_mnemonic (_("_A Accounts"));
  g_signal_connect_swapped (self->a_button, "clicked", G_CALLBACK (on_a_clicked), self);
  gtk_box_append (GTK_BOX (buttons), self->a_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  g_object_set_data (G_OBJECT (self), "ks-attendee-group", group);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Attendees"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("The people on our side at the meeting"));
  self->search = gtk_search_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find a person"), -1);
  gtk_widget_set_valign (self->search, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), self->search);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->earlier_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->earlier_group), _("Earlier Meetings"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->earlier_group));

  scroller = page;
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
}

KsMeetingDialog *
ks_meeting_dialog_new (KsWorkspace         *workspace,
                       const KsMeetingSeed *seed)
{
  KsMeetingDialog *self;
  AdwPreferencesGroup *group;
  g_autoptr(GListModel) people = NULL;
  g_autofree char *a_label = NULL;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (KS_TYPE_MEETING_DIALOG, NULL);
  self->workspace = g_object_ref (workspace);
  self->today = ks_meeting_today (seed ? seed->today : NULL);
  if (seed && seed->shown)
    g_array_append_vals (self->shown, seed->shown, seed->n_shown);
  self->owner_id = seed ? seed->owner_id : 0;
  load_accounts (self);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), self->today);

  group = g_object_get_data (G_OBJECT (self), "ks-attendee-group");
  people = ks_person_list (workspace, NULL);
  for (guint i = 0; people && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(KsPerson) person = g_list_model_get_item (people, i);
      g_autofree char *escaped = g_markup_escape_text (ks_person_get_name (person), -1);
      Attendee a = { ks_person_get_id (person), fold (ks_person_get_name (person)), adw_action_row_new (),
                     gtk_check_button_new () };

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (a.row), escaped);
      adw_action_row_add_prefix (ADW_ACTION_ROW (a.row), a.check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (a.row), a.check);
      adw_preferences_group_add (group, a.row);
      g_array_append_val (self->attendees, a);
    }

  gtk_widget_set_sensitive (self->shown_button, self->shown->len > 0);
  gtk_widget_set_tooltip_text (self->shown_button, self->shown->len
                               ? _("The accounts the portfolio matrix shows with its filters")
                               : _("Open the portfolio view first to add what its matrix shows"));
  if (self->owner_id)
    {
      g_autoptr(KsPerson) owner = ks_person_load (workspace, self->owner_id, NULL);

      /* Translators: a button in the meeting dialog; %s is a key account manager */
      a_label = g_strdup_printf (_("_A Accounts of %s"), owner ? ks_person_get_name (owner) : "?");
      gtk_button_set_label (GTK_BUTTON (self->a_button), a_label);
    }
  gtk_widget_set_tooltip_text (self->a_button, _("The accounts of ABC class A, by revenue"));
  if (seed && seed->selection)
    add_ids (self, seed->selection, seed->n_selection);
  build_agenda_rows (self);
  fill_earlier (self);
  return self;
}

/* Public API */

GArray *
ks_meeting_dialog_get_agenda (KsMeetingDialog *self)
{
  g_return_val_if_fail (KS_IS_MEETING_DIALOG (self), NULL);
  return self->agenda;
}

gboolean
ks_meeting_dialog_add_account (KsMeetingDialog  *self,
                               const char       *name,
                               GError          **error)
{
  g_autofree char *key = fold (name);
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  g_autoptr(GError) local = NULL;
  gint64 found = 0;
  guint n_found = 0;

  g_return_val_if_fail (KS_IS_MEETING_DIALOG (self), FALSE);

  if (!*key)
    {
      g_set_error (&local, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("Type an account's name to add it to the agenda"));
      goto refused;
    }
  for (guint i = 0; i < self->accounts->len && !found; i++)
    if (g_str_equal (g_array_index (self->accounts, Named, i).key, key))
      found = g_array_index (self->accounts, Named, i).id;
  for (guint i = 0; i < self->accounts->len && !found; i++)
    if (strstr (g_array_index (self->accounts, Named, i).key, key))
      n_found++;
  if (!found && n_found == 1)
    for (guint i = 0; i < self->accounts->len && !found; i++)
      if (strstr (g_array_index (self->accounts, Named, i).key, key))
        found = g_array_index (self->accounts, Named, i).id;
  if (!found)
    {
      if (n_found > 1)
        g_set_error (&local, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     /* Translators: %s is what was typed, %u how many accounts match it */
                     _("“%s” matches %u accounts: type more of the name"), stripped, n_found);
      else
        g_set_error (&local, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     /* Translators: %s is what was typed */
                     _("No account is called “%s”"), stripped);
      goto refused;
    }
  if (on_agenda (self, found))
    {
      g_set_error (&local, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   /* Translators: %s is an account */
                   _("%s is on the agenda already"), account_name (self, found));
      goto refused;
    }
  add_ids (self, &found, 1);
  show_message (self, NULL);
  return TRUE;

refused:
  show_message (self, local->message);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

guint
ks_meeting_dialog_add_shown (KsMeetingDialog *self)
{
  g_return_val_if_fail (KS_IS_MEETING_DIALOG (self), 0);
  return add_ids (self, (const gint64 *) self->shown->data, self->shown->len);
}

guint
ks_meeting_dialog_add_a_accounts (KsMeetingDialog *self)
{
  KsAgendaFilter filter = { .a_class_only = TRUE, .owner_id = self->owner_id };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (KS_IS_MEETING_DIALOG (self), 0);

  ids = ks_meeting_pick_accounts (self->workspace, &filter, &error);
  if (!ids)
    {
      show_message (self, error->message);
      return 0;
    }
  return add_ids (self, (const gint64 *) ids->data, ids->len);
}

void
ks_meeting_dialog_move (KsMeetingDialog *self,
                        guint            index,
                        int              step)
{
  gint64 a, b;
  int to = (int) index + step;

  g_return_if_fail (KS_IS_MEETING_DIALOG (self));

  if (index >= self->agenda->len || to < 0 || (guint) to >= self->agenda->len)
    return;
  a = g_array_index (self->agenda, gint64, index);
  b = g_array_index (self->agenda, gint64, to);
  g_array_index (self->agenda, gint64, index) = b;
  g_array_index (self->agenda, gint64, to) = a;
  build_agenda_rows (self);
}

void
ks_meeting_dialog_remove (KsMeetingDialog *self,
                          guint            index)
{
  g_return_if_fail (KS_IS_MEETING_DIALOG (self));

  if (index >= self->agenda->len)
    return;
  g_array_remove_index (self->agenda, index);
  build_agenda_rows (self);
}

void
ks_meeting_dialog_set_attendee (KsMeetingDialog *self,
                                gint64           person_id,
                                gboolean         attends)
{
  g_return_if_fail (KS_IS_MEETING_DIALOG (self));

  for (guint i = 0; i < self->attendees->len; i++)
    if (g_array_index (self->attendees, Attendee, i).id == person_id)
      gtk_check_button_set_active (GTK_CHECK_BUTTON (g_array_index (self->attendees, Attendee, i).check), attends);
}

void
ks_meeting_dialog_set_title (KsMeetingDialog *self,
                             const char      *title)
{
  g_return_if_fail (KS_IS_MEETING_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title ? title : "");
}

void
ks_meeting_dialog_set_date (KsMeetingDialog *self,
                            const char      *date)
{
  g_return_if_fail (KS_IS_MEETING_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date ? date : "");
}

gint64
ks_meeting_dialog_save (KsMeetingDialog  *self,
                        GError          **error)
{
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autoptr(KsMeeting) meeting = NULL;
  g_autoptr(GError) local = NULL;
  gint64 id;

  g_return_val_if_fail (KS_IS_MEETING_DIALOG (self), 0);

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  date = ks_due_date_parse_iso (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), self->today, &local);
  if (!date)
    goto refused;
  if (self->agenda->len == 0)
    {
      g_set_error (&local, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The agenda is empty: add the accounts to review first"));
      goto refused;
    }
  meeting = ks_meeting_new (title, date);
  g_array_append_vals (meeting->account_ids, self->agenda->data, self->agenda->len);
  for (guint i = 0; i < self->attendees->len; i++)
    {
      const Attendee *a = &g_array_index (self->attendees, Attendee, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (a->check)))
        g_array_append_val (meeting->attendee_ids, a->id);
    }
  id = ks_meeting_create (self->workspace, meeting, &local);
  if (!id)
    goto refused;
  show_message (self, NULL);
  return id;

refused:
  show_message (self, local->message);
  g_propagate_error (error, g_steal_pointer (&local));
  return 0;
}
