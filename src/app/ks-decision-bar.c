/* ks-decision-bar.c — the one-line entry of a decision taken in a review
 * meeting: what, who, by when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three fields in a row over the slide: the decision, its owner (a person
 * on our side, typed: the people whose names match are listed under the
 * fields, Up and Down pick one, Tab or Enter takes it) and its due date
 * (a phrase such as "next Friday", "in 2 weeks" or "2027-01-15", read by
 * ks_due_date_parse against the meeting's today and shown as a date
 * beside the field while typing, or the reason it is not understood).
 * On a slide about no account a drop-down asks which agenda account the
 * decision is for. Enter stores it through ks_meeting_add_decision (one
 * undo step); anything refused is said in the bar and nothing typed is
 * lost. Esc cancels.
 */
#define G_LOG_DOMAIN "ks-meeting-window"

#include "config.h"

#include "ks-decision-bar.h"

#include <glib/gi18n.h>
#include <string.h>
#include <time.h>

#include "ks-due-date.h"
#include "ks-person.h"

#define MAX_SUGGESTIONS 6

typedef struct
{
  gint64  id;
  char   *name;
  char   *key;     /* casefolded NFKC of the name */
} Person;

struct _KsDecisionBar
{
  GtkWidget     parent_instance;

  KsWorkspace  *workspace;
  gint64        meeting_id;
  gint64        account_id;     /* the slide's; 0 = picked in account_drop */
  GArray       *agenda_ids;     /* gint64, the drop-down's accounts */
  GArray       *people;         /* Person, by name */
  GArray       *matches;        /* guint indices into people, as listed */
  GDate         today;
  char         *due_text;
  char         *message;

  GtkWidget    *box;
  GtkWidget    *title;
  GtkWidget    *account_drop;
  GtkWidget    *text_entry;
  GtkWidget    *owner_entry;
  GtkWidget    *due_entry;
  GtkWidget    *due_label;
  GtkWidget    *message_label;
  GtkWidget    *suggestions;   /* the owners matching what is typed */
};

enum
{
  DECIDED,
  CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KsDecisionBar, ks_decision_bar, GTK_TYPE_WIDGET)

/* Helpers */

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFKC);
  g_autofree char *stripped = g_strstrip (g_strdup (normal));

  return g_utf8_casefold (stripped, -1);
}

static void
person_clear (Person *person)
{
  g_free (person->name);
  g_free (person->key);
}

static void
load_people (KsDecisionBar *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  g_array_set_size (self->people, 0);
  list = ks_person_list (self->workspace, &error);
  if (!list)
    {
      g_warning ("Could not read the people for decisions: %s", error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KsPerson) p = g_list_model_get_item (list, i);
      Person person = { ks_person_get_id (p), g_strdup (ks_person_get_name (p)),
                        fold (ks_person_get_name (p)) };

      g_array_append_val (self->people, person);
    }
}

static void
set_message (KsDecisionBar *self,
             const char    *message)
{
  g_free (self->message);
  self->message = g_strdup (message ? message : "");
  gtk_label_set_text (GTK_LABEL (self->message_label), self->message);
  gtk_widget_set_visible (self->message_label, *self->message != '\0');
}

/* The people whose names contain @text (ignoring case): those starting
 * with it first, each group by name. */
static void
find_matches (KsDecisionBar *self,
              const char    *text)
{
  g_autofree char *key = fold (text);

  g_array_set_size (self->matches, 0);
  if (!*key)
    return;
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->people->len; i++)
      {
        const Person *p = &g_array_index (self->people, Person, i);
        const char *at = strstr (p->key, key);

        if (at && (pass == 0) == (at == p->key))
          g_array_append_val (self->matches, i);
      }
}

/* The owner typed: 0 for nobody (an empty field), the person whose name it
 * is (ignoring case), else the only person whose name contains it; -1
 * with @error set when nobody or several do. */
static gint64
resolve_owner (KsDecisionBar  *self,
               GError        **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->owner_entry));
  g_autofree char *key = fold (text);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (!*key)
    return 0;
  for (guint i = 0; i < self->people->len; i++)
    if (g_str_equal (g_array_index (self->people, Person, i).key, key))
      return g_array_index (self->people, Person, i).id;
  find_matches (self, text);
  if (self->matches->len == 1)
    return g_array_index (self->people, Person, g_array_index (self->matches, guint, 0)).id;
  if (self->matches->len == 0)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                 /* Translators: %s is the owner's name as typed */
                 _("Nobody on our side is called “%s”: type the owner's name as the People page lists it, or leave the owner empty"),
                 stripped);
  else
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                 /* Translators: %s is the owner's name as typed; %u how many people match it */
                 _("“%s” matches %u people: type more of the name, or pick one with the arrow keys"),
                 stripped, self->matches->len);
  return -1;
}

static void
hide_suggestions (KsDecisionBar *self)
{
  gtk_widget_set_visible (self->suggestions, FALSE);
}

static void
show_suggestions (KsDecisionBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->owner_entry));
  g_autofree char *key = fold (text);
  GtkWidget *child;
  guint shown;

  find_matches (self, text);
  while ((child = gtk_widget_get_first_child (self->suggestions)))
    gtk_list_box_remove (GTK_LIST_BOX (self->suggestions), child);
  /* nothing to offer, or the one person is typed out already */
  if (self->matches->len == 0 ||
      (self->matches->len == 1 &&
       g_str_equal (g_array_index (self->people, Person, g_array_index (self->matches, guint, 0)).key, key)))
    {
      hide_suggestions (self);
      return;
    }
  shown = MIN (self->matches->len, MAX_SUGGESTIONS);
  for (guint i = 0; i < shown; i++)
    {
      const Person *p = &g_array_index (self->people, Person, g_array_index (self->matches, guint, i));
      GtkWidget *label = gtk_label_new (p->name);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_append (GTK_LIST_BOX (self->suggestions), label);
      /* a click picks the person without taking the focus from the field */
      gtk_widget_set_focusable (gtk_widget_get_parent (label), FALSE);
    }
  if (self->matches->len > shown)
    {
      /* Translators: under the owner suggestions; %u is how many more match */
      g_autofree char *more = g_strdup_printf (_("and %u more"), self->matches->len - shown);
      GtkWidget *label = gtk_label_new (more);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (GTK_LIST_BOX (self->suggestions), label);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (gtk_widget_get_last_child (self->suggestions)), FALSE);
    }
  gtk_list_box_select_row (GTK_LIST_BOX (self->suggestions),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->suggestions), 0));
  gtk_widget_set_visible (self->suggestions, TRUE);
}

/* Takes the suggestion picked (the first unless Up/Down moved); FALSE when
 * none is offered. */
static gboolean
accept_suggestion (KsDecisionBar *self)
{
  GtkListBoxRow *row;
  int index;

  if (!gtk_widget_get_visible (self->suggestions))
    return FALSE;
  row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->suggestions));
  index = row ? gtk_list_box_row_get_index (row) : -1;
  hide_suggestions (self);
  if (index < 0 || (guint) index >= self->matches->len)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->owner_entry),
                         g_array_index (self->people, Person, g_array_index (self->matches, guint, index)).name);
  gtk_editable_set_position (GTK_EDITABLE (self->owner_entry), -1);
  hide_suggestions (self);
  return TRUE;
}

static void
move_suggestion (KsDecisionBar *self,
                 int            step)
{
  GtkListBox *list = GTK_LIST_BOX (self->suggestions);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);
  int index = row ? gtk_list_box_row_get_index (row) + step : 0;
  int n = (int) MIN (self->matches->len, MAX_SUGGESTIONS);

  if (n == 0)
    return;
  index = CLAMP (index, 0, n - 1);
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, index));
}

/* Reads the due field: TRUE with @due "" (none) or YYYY-MM-DD; FALSE with
 * @error when the phrase is refused. */
static gboolean
read_due (KsDecisionBar  *self,
          char          **due,
          GError        **error)
{
  g_autofree char *phrase = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->due_entry))));
  GDate date;

  if (!*phrase)
    {
      *due = g_strdup ("");
      return TRUE;
    }
  if (!ks_due_date_parse (phrase, &self->today, &date, error))
    return FALSE;
  *due = ks_due_date_format (&date);
  return TRUE;
}

static char *
describe_date (const char *iso)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  if (!ks_due_date_from_iso (iso, &date))
    return g_strdup (iso);
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  /* Translators: a due date shown beside the field, in g_date_time_format () notation */
  return g_date_time_format (dt, _("%A, %-d %B %Y"));
}

static gint64
chosen_account (KsDecisionBar *self)
{
  guint pos;

  if (self->account_id)
    return self->account_id;
  pos = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->account_drop));
  if (pos == GTK_INVALID_LIST_POSITION || pos >= self->agenda_ids->len)
    return 0;
  return g_array_index (self->agenda_ids, gint64, pos);
}

/* Callbacks */

static void
on_due_changed (KsDecisionBar *self)
{
  g_autofree char *due = NULL;
  g_autoptr(GError) error = NULL;

  g_free (self->due_text);
  if (read_due (self, &due, &error))
    {
      self->due_text = *due ? describe_date (due) : g_strdup ("");
      gtk_widget_remove_css_class (self->due_label, "error");
    }
  else
    {
      self->due_text = g_strdup (error->message);
      gtk_widget_add_css_class (self->due_label, "error");
    }
  gtk_label_set_text (GTK_LABEL (self->due_label), self->due_text);
}

static void
on_owner_changed (KsDecisionBar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus && (focus == self->owner_entry || gtk_widget_is_ancestor (focus, self->owner_entry)))
    show_suggestions (self);
}

static void
on_suggestion_activated (GtkListBox    *list,
                         GtkListBoxRow *row,
                         KsDecisionBar *self)
{
  gtk_list_box_select_row (list, row);
  accept_suggestion (self);
  gtk_widget_grab_focus (self->due_entry);
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        KsDecisionBar         *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  gboolean owner = entry == self->owner_entry;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Escape:
      if (owner && gtk_widget_get_visible (self->suggestions))
        hide_suggestions (self);
      else
        ks_decision_bar_cancel (self);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (owner && accept_suggestion (self))
        return TRUE;
      ks_decision_bar_save (self);
      return TRUE;
    case GDK_KEY_Tab:
      if (owner)
        accept_suggestion (self);
      gtk_widget_grab_focus (entry == self->text_entry ? self->owner_entry
                             : owner ? self->due_entry : self->text_entry);
      return TRUE;
    case GDK_KEY_ISO_Left_Tab:
      hide_suggestions (self);
      gtk_widget_grab_focus (entry == self->text_entry ? self->due_entry
                             : owner ? self->text_entry : self->owner_entry);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_Up:
      if (!owner || !gtk_widget_get_visible (self->suggestions))
        return FALSE;
      move_suggestion (self, keyval == GDK_KEY_Down ? 1 : -1);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_owner_focus_leave (KsDecisionBar *self)
{
  hide_suggestions (self);
}

/* Vfuncs */

static void
ks_decision_bar_dispose (GObject *object)
{
  KsDecisionBar *self = KS_DECISION_BAR (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (ks_decision_bar_parent_class)->dispose (object);
}

static void
ks_decision_bar_finalize (GObject *object)
{
  KsDecisionBar *self = KS_DECISION_BAR (object);

  g_array_unref (self->agenda_ids);
  g_array_unref (self->people);
  g_array_unref (self->matches);
  g_free (self->due_text);
  g_free (self->message);
  G_OBJECT_CLASS (ks_decision_bar_parent_class)->finalize (object);
}

static void
ks_decision_bar_class_init (KsDecisionBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_decision_bar_dispose;
  object_class->finalize = ks_decision_bar_finalize;

  /* KsDecisionBar::decided: @action_id: the plan action stored */
  signals[DECIDED] = g_signal_new ("decided", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "decisionbar");
}

static GtkWidget *
add_entry (KsDecisionBar *self,
           GtkWidget     *grid,
           int            column,
           const char    *placeholder,
           const char    *label,
           int            width_chars)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *key = gtk_event_controller_key_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (width_chars > 0)
    gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  else
    gtk_widget_set_hexpand (entry, TRUE);
  /* capture: before the entry's own handling of Enter, Tab and the arrows */
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (entry, key);
  gtk_grid_attach (GTK_GRID (grid), entry, column, 1, 1, 1);
  return entry;
}

static void
ks_decision_bar_init (KsDecisionBar *self)
{
  GtkWidget *row, *notes, *hint;
  GtkEventController *focus;

  self->agenda_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->people = g_array_new (FALSE, TRUE, sizeof (Person));
  g_array_set_clear_func (self->people, (GDestroyNotify) person_clear);
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  self->due_text = g_strdup ("");
  self->message = g_strdup ("");
  g_date_clear (&self->today, 1);

  /* a grid: the title; the three fields; under each what it needs to say
   * (hints or the refusal, the matching people, the date understood) */
  self->box = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->box), 12);
  gtk_grid_set_row_spacing (GTK_GRID (self->box), 8);
  gtk_widget_add_css_class (self->box, "card");
  gtk_widget_add_css_class (self->box, "meeting-decision");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_widget_add_css_class (self->title, "heading");
  gtk_box_append (GTK_BOX (row), self->title);
  self->account_drop = gtk_drop_down_new_from_strings ((const char *[]) { NULL });
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->account_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Account of the decision"), -1);
  gtk_box_append (GTK_BOX (row), self->account_drop);
  gtk_grid_attach (GTK_GRID (self->box), row, 0, 0, 3, 1);

  self->text_entry = add_entry (self, self->box, 0, _("What was decided"), _("Decision"), 0);
  self->owner_entry = add_entry (self, self->box, 1, _("Owner"), _("Owner"), 16);
  self->due_entry = add_entry (self, self->box, 2, _("Due: next Friday, in 2 weeks, 2027-01-15"), _("Due date"), 26);

  notes = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_valign (notes, GTK_ALIGN_START);
  self->message_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->message_label), 0);
  gtk_widget_add_css_class (self->message_label, "error");
  gtk_widget_set_visible (self->message_label, FALSE);
  gtk_box_append (GTK_BOX (notes), self->message_label);
  hint = gtk_label_new (_("Enter saves · Tab goes to the next field · Esc cancels"));
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (notes), hint);
  gtk_grid_attach (GTK_GRID (self->box), notes, 0, 2, 1, 1);

  /* the owner's suggestions, under its field: the entry keeps the focus
   * while they show (a popover would take it, and needs a monitor) */
  self->suggestions = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->suggestions), GTK_SELECTION_SINGLE);
  gtk_widget_set_can_focus (self->suggestions, FALSE);
  gtk_widget_set_valign (self->suggestions, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->suggestions, "boxed-list");
  gtk_widget_add_css_class (self->suggestions, "meeting-suggestions");
  gtk_widget_set_visible (self->suggestions, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->suggestions), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People matching the owner typed"), -1);
  g_signal_connect (self->suggestions, "row-activated", G_CALLBACK (on_suggestion_activated), self);
  gtk_grid_attach (GTK_GRID (self->box), self->suggestions, 1, 2, 1, 1);

  self->due_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->due_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->due_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->due_label), 26);
  gtk_widget_set_valign (self->due_label, GTK_ALIGN_START);
  gtk_grid_attach (GTK_GRID (self->box), self->due_label, 2, 2, 1, 1);

  g_signal_connect_swapped (self->due_entry, "changed", G_CALLBACK (on_due_changed), self);
  g_signal_connect_swapped (self->owner_entry, "changed", G_CALLBACK (on_owner_changed), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_owner_focus_leave), self);
  gtk_widget_add_controller (self->owner_entry, focus);
}

GtkWidget *
ks_decision_bar_new (void)
{
  return g_object_new (KS_TYPE_DECISION_BAR, NULL);
}

/* Public API */

void
ks_decision_bar_start (KsDecisionBar   *self,
                       KsWorkspace     *workspace,
                       const KsMeeting *meeting,
                       gint64           account_id,
                       gint64           suggested,
                       const char      *today)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint pick = 0;

  g_return_if_fail (KS_IS_DECISION_BAR (self));
  g_return_if_fail (KS_IS_WORKSPACE (workspace));
  g_return_if_fail (meeting != NULL);

  g_set_object (&self->workspace, workspace);
  self->meeting_id = meeting->id;
  self->account_id = account_id;
  if (!today || !ks_due_date_from_iso (today, &self->today))
    g_date_set_time_t (&self->today, time (NULL));
  load_people (self);

  g_array_set_size (self->agenda_ids, 0);
  for (guint i = 0; i < meeting->account_ids->len; i++)
    {
      gint64 id = g_array_index (meeting->account_ids, gint64, i);
      const char *name = i < meeting->accounts->len ? g_ptr_array_index (meeting->accounts, i) : "";

      g_array_append_val (self->agenda_ids, id);
      gtk_string_list_append (names, name);
      if (id == suggested)
        pick = i;
      if (id == account_id)
        {
          /* Translators: the decision bar's title; %s is the account */
          g_autofree char *title = g_strdup_printf (_("Decision on %s"), name);
          gtk_label_set_text (GTK_LABEL (self->title), title);
        }
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->account_drop), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->account_drop), pick);
  gtk_widget_set_visible (self->account_drop, account_id == 0);
  if (account_id == 0)
    gtk_label_set_text (GTK_LABEL (self->title), _("Decision on"));

  gtk_editable_set_text (GTK_EDITABLE (self->text_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->owner_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), "");
  hide_suggestions (self);
  set_message (self, NULL);
  on_due_changed (self);
  gtk_widget_grab_focus (self->text_entry);
}

gboolean
ks_decision_bar_save (KsDecisionBar *self)
{
  g_autofree char *text = NULL;
  g_autofree char *due = NULL;
  g_autoptr(GError) error = NULL;
  gint64 account_id, owner_id, action_id;

  g_return_val_if_fail (KS_IS_DECISION_BAR (self), FALSE);
  g_return_val_if_fail (self->workspace != NULL, FALSE);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_entry))));
  account_id = chosen_account (self);
  if (!*text)
    {
      set_message (self, _("Type what was decided first: a decision needs its text"));
      gtk_widget_grab_focus (self->text_entry);
      return FALSE;
    }
  if (!account_id)
    {
      set_message (self, _("Pick the account the decision is about: the meeting has no account on its agenda"));
      return FALSE;
    }
  owner_id = resolve_owner (self, &error);
  if (owner_id < 0)
    {
      set_message (self, error->message);
      gtk_widget_grab_focus (self->owner_entry);
      return FALSE;
    }
  if (!read_due (self, &due, &error))
    {
      set_message (self, error->message);
      gtk_widget_grab_focus (self->due_entry);
      return FALSE;
    }
  action_id = ks_meeting_add_decision (self->workspace, self->meeting_id, account_id, text,
                                       owner_id, due, &error);
  if (!action_id)
    {
      set_message (self, error->message);
      return FALSE;
    }
  hide_suggestions (self);
  set_message (self, NULL);
  g_signal_emit (self, signals[DECIDED], 0, action_id);
  return TRUE;
}

void
ks_decision_bar_cancel (KsDecisionBar *self)
{
  g_return_if_fail (KS_IS_DECISION_BAR (self));

  hide_suggestions (self);
  g_signal_emit (self, signals[CANCELLED], 0);
}

GtkWidget *
ks_decision_bar_get_text_entry (KsDecisionBar *self)
{
  g_return_val_if_fail (KS_IS_DECISION_BAR (self), NULL);
  return self->text_entry;
}

GtkWidget *
ks_decision_bar_get_owner_entry (KsDecisionBar *self)
{
  g_return_val_if_fail (KS_IS_DECISION_BAR (self), NULL);
  return self->owner_entry;
}

GtkWidget *
ks_decision_bar_get_due_entry (KsDecisionBar *self)
{
  g_return_val_if_fail (KS_IS_DECISION_BAR (self), NULL);
  return self->due_entry;
}

const char *
ks_decision_bar_get_due_text (KsDecisionBar *self)
{
  g_return_val_if_fail (KS_IS_DECISION_BAR (self), NULL);
  return self->due_text;
}

const char *
ks_decision_bar_get_message (KsDecisionBar *self)
{
  g_return_val_if_fail (KS_IS_DECISION_BAR (self), NULL);
  return self->message;
}

gint64
ks_decision_bar_get_account_id (KsDecisionBar *self)
{
  g_return_val_if_fail (KS_IS_DECISION_BAR (self), 0);
  return chosen_account (self);
}
