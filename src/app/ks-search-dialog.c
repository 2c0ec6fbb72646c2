/* ks-search-dialog.c — one search over the whole workspace (Ctrl+F, Ctrl+K)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search entry on top and the results under it, grouped by kind under
 * headings (accounts, contacts, people, plan texts, opportunities), the
 * group holding the best match first, best first within each group. The focus stays in the entry: ↑ and ↓ move the
 * selection, Enter shows the selected thing in the main window and closes
 * the dialog, Esc closes it. The query runs once typing pauses for
 * SEARCH_DELAY_MS (a search at ×10 takes a few milliseconds, see README's
 * Benchmarks); matches are shown in bold, the text escaped around them.
 */
#define G_LOG_DOMAIN "ks-search-dialog"

#include "config.h"

#include "ks-search-dialog.h"

#include <glib/gi18n.h>

#include "ks-account-page.h"
#include "ks-app-util.h"
#include "ks-funnel-page.h"
#include "ks-people-page.h"
#include "ks-plan-page.h"
#include "ks-powermap-page.h"
#include "ks-powermap-view.h"

/* Results shown at most; more only come from typing more. */
#define MAX_RESULTS 60
#define SEARCH_DELAY_MS 100

struct _KsSearchDialog
{
  AdwWindow        parent_instance;

  KsWindow        *window;      /* unowned: our transient parent */
  GPtrArray       *results;     /* KsSearchResult*, in the order shown */
  char            *status;

  GtkSearchEntry  *entry;
  GtkListBox      *list;
  GtkStack        *stack;
  AdwStatusPage   *empty_page;
  GtkScrolledWindow *scrolled;
  GtkLabel        *status_label;
};

G_DEFINE_FINAL_TYPE (KsSearchDialog, ks_search_dialog, ADW_TYPE_WINDOW)

static const char *
kind_icon (KsSearchKind kind)
{
  switch (kind)
    {
    case KS_SEARCH_ACCOUNT:
      return "x-office-address-book-symbolic";
    case KS_SEARCH_CONTACT:
      return "avatar-default-symbolic";
    case KS_SEARCH_PERSON:
      return "system-users-symbolic";
    case KS_SEARCH_OPPORTUNITY:
      return "emblem-documents-symbolic";
    case KS_SEARCH_PLAN:
    case KS_SEARCH_OBJECTIVE:
    case KS_SEARCH_MEETING:
    case KS_SEARCH_PROJECT:
    case KS_SEARCH_ACTION:
    case KS_SEARCH_NOTE:
    default:
      return "x-office-document-symbolic";
    }
}

/* Groups by kind, the group with the best result first (so the best
 * result of all is the first row and selected), then best first. */
static void
sort_shown (GPtrArray *results)
{
  GPtrArray *by_kind[KS_SEARCH_N_KINDS] = { NULL };
  int order[KS_SEARCH_N_KINDS], n = 0;
  GPtrArray *all = g_ptr_array_new ();

  /* ks_search_run gives them best first: a kind's first result is its
   * best, and the groups come in the order of those. */
  for (guint i = 0; i < results->len; i++)
    {
      KsSearchResult *r = g_ptr_array_index (results, i);

      if (!by_kind[r->kind])
        {
          by_kind[r->kind] = g_ptr_array_new ();
          order[n++] = r->kind;
        }
      g_ptr_array_add (by_kind[r->kind], r);
    }
  for (int i = 0; i < n; i++)
    {
      for (guint j = 0; j < by_kind[order[i]]->len; j++)
        g_ptr_array_add (all, g_ptr_array_index (by_kind[order[i]], j));
      g_ptr_array_unref (by_kind[order[i]]);
    }
  for (guint i = 0; i < all->len; i++)
    results->pdata[i] = all->pdata[i];
  g_ptr_array_unref (all);
}

static GtkWidget *
row_new (const KsSearchResult *r)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (kind_icon (r->kind));
  GtkWidget *title = gtk_label_new (NULL);
  g_autofree char *title_markup = ks_search_markup (r->title, r->title_marks);
  g_autofree char *snippet_markup = ks_search_markup (r->snippet, r->snippet_marks);
  g_autofree char *account = g_markup_escape_text (r->account, -1);
  g_autofree char *subtitle = NULL;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);

  gtk_label_set_markup (GTK_LABEL (title), *title_markup ? title_markup : "—");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (texts), title);

  /* Where it is (the account, when it is not the account itself) and the
   * text that matched. */
  if (*account && r->kind != KS_SEARCH_ACCOUNT && *snippet_markup)
    subtitle = g_strdup_printf ("%s — %s", account, snippet_markup);
  else if (*account && r->kind != KS_SEARCH_ACCOUNT)
    subtitle = g_strdup (account);
  else
    subtitle = g_strdup (snippet_markup);
  if (*subtitle)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (label), subtitle);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (texts), label);
    }
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* What a screen reader says: the kind, the title, where. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, r->title, -1);
  return row;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       data)
{
  KsSearchDialog *self = data;
  int i = gtk_list_box_row_get_index (row);
  int j = before ? gtk_list_box_row_get_index (before) : -1;
  const KsSearchResult *r, *prev = NULL;
  GtkWidget *header;

  if (!self->results || i < 0 || (guint) i >= self->results->len)
    return;
  r = g_ptr_array_index (self->results, i);
  if (j >= 0 && (guint) j < self->results->len)
    prev = g_ptr_array_index (self->results, j);
  if (prev && prev->kind == r->kind)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (ks_search_kind_heading (r->kind));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, prev ? 18 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_list_box_row_set_header (row, header);
}

static void
select_index (KsSearchDialog *self,
              int             index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, index);

  if (!row)
    return;
  gtk_list_box_select_row (self->list, row);
  /* Keep it in view without taking the focus from the entry. */
  {
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scrolled);
    graphene_rect_t bounds;

    if (gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list), &bounds))
      {
        double top = bounds.origin.y, bottom = top + bounds.size.height;
        double value = gtk_adjustment_get_value (adj);
        double page = gtk_adjustment_get_page_size (adj);

        if (top < value)
          gtk_adjustment_set_value (adj, top);
        else if (bottom > value + page)
          gtk_adjustment_set_value (adj, bottom - page);
      }
  }
}

static void
set_status (KsSearchDialog *self,
            const char     *status)
{
  g_free (self->status);
  self->status = g_strdup (status);
}

/* On a read-only workspace, what a large import left unindexed cannot be
 * caught up: a sentence saying how much is missing, or NULL. */
static char *
unsearchable_note (KsWorkspace *ws)
{
  gint64 waiting;
  g_autofree char *number = NULL;

  if (!ks_workspace_is_read_only (ws) || (waiting = ks_search_count_pending (ws, NULL)) <= 0)
    return NULL;
  number = ks_format_number (waiting, 0);
  /* Translators: %s is a number */
  return g_strdup_printf (ngettext ("%s imported opportunity is not searchable until the workspace "
                                    "is opened for writing.",
                                    "%s imported opportunities are not searchable until the workspace "
                                    "is opened for writing.", (gulong) waiting),
                          number);
}

static void
run_search (KsSearchDialog *self)
{
  KsWorkspace *ws = ks_window_get_workspace (self->window);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *note = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->results, 0);
  /* The status line is for results; the empty page says the rest. */
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);

  if (!ws)
    {
      set_status (self, _("No workspace is open"));
      adw_status_page_set_title (self->empty_page, self->status);
      adw_status_page_set_description (self->empty_page, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  found = ks_search_run (ws, text, MAX_RESULTS, &error);
  if (!found)
    {
      set_status (self, _("Could not search"));
      adw_status_page_set_title (self->empty_page, self->status);
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  note = unsearchable_note (ws);
  while (found->len > 0)
    g_ptr_array_add (self->results, g_ptr_array_steal_index (found, 0));
  sort_shown (self->results);

  if (self->results->len == 0)
    {
      g_autofree char *query = ks_search_build_query (text);
      gboolean typed = query != NULL;

      set_status (self, typed ? _("No Results") : "");
      adw_status_page_set_title (self->empty_page,
                                 typed ? _("No Results") : _("Search Everything"));
      adw_status_page_set_description (self->empty_page,
                                       typed && note ? note
                                       : typed ? _("Try fewer or shorter words.")
                                             : _("Accounts, contacts, people, plans and "
                                                 "opportunities. Every word counts as the "
                                                 "start of a word; accents do not matter."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  for (guint i = 0; i < self->results->len; i++)
    gtk_list_box_append (self->list, row_new (g_ptr_array_index (self->results, i)));
  gtk_list_box_invalidate_headers (self->list);
  {
    g_autofree char *status = NULL;

    /* Translators: under the search results; %u is their number */
    if (self->results->len < MAX_RESULTS)
      status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", self->results->len),
                                self->results->len);
    else
      /* Translators: under the search results when there may be more; %u is their number */
      status = g_strdup_printf (_("The best %u results — type more to narrow them"), self->results->len);
    if (note)
      {
        g_autofree char *line = g_steal_pointer (&status);

        status = g_strconcat (line, "\n", note, NULL);
      }
    set_status (self, status);
  }
  gtk_label_set_text (self->status_label, self->status);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "results");
  select_index (self, 0);
}

static void
activate_index (KsSearchDialog *self,
                int             index)
{
  const KsSearchResult *r;
  KsWindow *window = self->window;

  if (index < 0 || (guint) index >= self->results->len)
    return;
  r = g_ptr_array_index (self->results, index);
  /* Shown once the dialog is gone, so the focus lands in the window; the
   * rows go with it and need no headers any more. */
  gtk_list_box_set_header_func (self->list, NULL, NULL, NULL);
  g_ptr_array_steal_index (self->results, index);
  gtk_window_close (GTK_WINDOW (self));
  ks_search_reveal (window, r);
  ks_search_result_free ((KsSearchResult *) r);
}

/* Callbacks */

static void
on_search_changed (GtkSearchEntry *entry,
                   KsSearchDialog *self)
{
  run_search (self);
}

static void
on_entry_activate (GtkSearchEntry *entry,
                   KsSearchDialog *self)
{
  activate_index (self, ks_search_dialog_get_selected (self));
}

static void
on_stop_search (GtkSearchEntry *entry,
                KsSearchDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_row_activated (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  KsSearchDialog *self)
{
  activate_index (self, gtk_list_box_row_get_index (row));
}

/* ↑ and ↓ in the entry move the selection; the focus stays in the entry. */
static gboolean
on_entry_key (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              KsSearchDialog        *self)
{
  int n = self->results->len, at = ks_search_dialog_get_selected (self);

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      select_index (self, MIN (at + 1, n - 1));
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      select_index (self, MAX (at - 1, 0));
      return TRUE;
    case GDK_KEY_Page_Down:
      select_index (self, MIN (at + 8, n - 1));
      return TRUE;
    case GDK_KEY_Page_Up:
      select_index (self, MAX (at - 8, 0));
      return TRUE;
    default:
      return FALSE;
    }
}

/* Vfuncs */

static void
ks_search_dialog_dispose (GObject *object)
{
  KsSearchDialog *self = KS_SEARCH_DIALOG (object);

  G_OBJECT_CLASS (ks_search_dialog_parent_class)->dispose (object);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->status, g_free);
}

static void
ks_search_dialog_class_init (KsSearchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_search_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ks_search_dialog_init (KsSearchDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_search_result_free);

  gtk_window_set_title (GTK_WINDOW (self), _("Search"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_search_delay (self->entry, SEARCH_DELAY_MS);
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->entry), 360, -1);
  g_object_set (self->entry, "placeholder-text",
                _("Search accounts, contacts, people, plans, opportunities"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the workspace"), -1);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), header);

  g_signal_connect (self->entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->entry, "activate", G_CALLBACK (on_entry_activate), self);
  g_signal_connect (self->entry, "stop-search", G_CALLBACK (on_stop_search), self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_list_box_set_header_func (self->list, header_func, self, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search results"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  self->scrolled = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scrolled, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (self->scrolled, GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (GTK_WIDGET (self->scrolled), TRUE);

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_page), "compact");

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->scrolled), "results");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status_label, 0);
  gtk_label_set_ellipsize (self->status_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "caption");
  gtk_widget_set_margin_start (GTK_WIDGET (self->status_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->status_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->status_label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->status_label), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search status"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_label));

  adw_window_set_content (ADW_WINDOW (self), box);
}

/* Public API */

KsSearchDialog *
ks_search_dialog_new (KsWindow *window)
{
  KsSearchDialog *self;

  g_return_val_if_fail (KS_IS_WINDOW (window), NULL);

  self = g_object_new (KS_TYPE_SEARCH_DIALOG, "transient-for", window, NULL);
  self->window = window;
  run_search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return self;
}

GtkEditable *
ks_search_dialog_get_entry (KsSearchDialog *self)
{
  g_return_val_if_fail (KS_IS_SEARCH_DIALOG (self), NULL);

  return GTK_EDITABLE (self->entry);
}

void
ks_search_dialog_update (KsSearchDialog *self)
{
  g_return_if_fail (KS_IS_SEARCH_DIALOG (self));

  run_search (self);
}

GPtrArray *
ks_search_dialog_get_results (KsSearchDialog *self)
{
  g_return_val_if_fail (KS_IS_SEARCH_DIALOG (self), NULL);

  return self->results;
}

int
ks_search_dialog_get_selected (KsSearchDialog *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (KS_IS_SEARCH_DIALOG (self), -1);

  row = gtk_list_box_get_selected_row (self->list);
  return row ? gtk_list_box_row_get_index (row) : -1;
}

const char *
ks_search_dialog_get_status (KsSearchDialog *self)
{
  g_return_val_if_fail (KS_IS_SEARCH_DIALOG (self), NULL);

  return self->status ? self->status : "";
}

/* The plan list a plan item's kind lives in, and the key of its title. */
static KsPlanList
plan_list (KsSearchKind  kind,
           const char  **title_key)
{
  switch (kind)
    {
    case KS_SEARCH_OBJECTIVE:
      *title_key = "objective";
      return KS_PLAN_OBJECTIVES;
    case KS_SEARCH_MEETING:
      *title_key = "date";
      return KS_PLAN_MEETINGS;
    case KS_SEARCH_PROJECT:
      *title_key = "name";
      return KS_PLAN_PROJECTS;
    case KS_SEARCH_ACTION:
      *title_key = "action";
      return KS_PLAN_ACTIONS;
    case KS_SEARCH_NOTE:
      *title_key = "date";
      return KS_PLAN_NOTES;
    case KS_SEARCH_ACCOUNT:
    case KS_SEARCH_CONTACT:
    case KS_SEARCH_PERSON:
    case KS_SEARCH_PLAN:
    case KS_SEARCH_OPPORTUNITY:
    default:
      *title_key = NULL;
      return KS_PLAN_NO_LIST;
    }
}

void
ks_search_reveal (KsWindow             *window,
                  const KsSearchResult *r)
{
  g_return_if_fail (KS_IS_WINDOW (window));
  g_return_if_fail (r != NULL);

  switch (r->kind)
    {
    case KS_SEARCH_ACCOUNT:
      ks_window_set_page (window, "accounts");
      ks_window_select_account (window, r->id);
      ks_window_set_account_view (window, "profile");
      ks_account_page_focus_field (KS_ACCOUNT_PAGE (ks_window_get_account_page (window)),
                                   r->field ? r->field : "name");
      break;
    case KS_SEARCH_CONTACT:
      {
        KsPowermapPage *map = KS_POWERMAP_PAGE (ks_window_get_powermap_page (window));

        ks_window_set_page (window, "accounts");
        ks_window_select_account (window, r->account_id);
        ks_window_set_account_view (window, "map");
        ks_powermap_view_select_node (ks_powermap_page_get_view (map), r->id, FALSE);
        gtk_widget_grab_focus (GTK_WIDGET (ks_powermap_page_get_view (map)));
      }
      break;
    case KS_SEARCH_PERSON:
      ks_window_set_page (window, "people");
      ks_window_select_person (window, r->id);
      if (r->field)
        {
          GtkWidget *row = ks_people_page_get_field_row (KS_PEOPLE_PAGE (ks_window_get_people_page (window)),
                                                         r->field);
          if (row)
            gtk_widget_grab_focus (row);
        }
      break;
    case KS_SEARCH_PLAN:
    case KS_SEARCH_OBJECTIVE:
    case KS_SEARCH_MEETING:
    case KS_SEARCH_PROJECT:
    case KS_SEARCH_ACTION:
    case KS_SEARCH_NOTE:
      {
        KsPlanPage *plan = KS_PLAN_PAGE (ks_window_get_plan_page (window));
        const char *title_key = NULL;
        KsPlanList list = plan_list (r->kind, &title_key);

        ks_window_set_page (window, "accounts");
        ks_window_select_account (window, r->account_id);
        ks_window_set_account_view (window, "plan");
        if (list == KS_PLAN_NO_LIST)
          ks_plan_page_reveal (plan, KS_PLAN_NO_LIST, 0, r->field);
        else
          ks_plan_page_reveal (plan, list, r->id, r->field ? r->field : title_key);
      }
      break;
    case KS_SEARCH_OPPORTUNITY:
      /* the Opportunities tab, filtered to its account, its row focused */
      ks_window_set_page (window, "funnel");
      ks_funnel_page_show_opportunity (KS_FUNNEL_PAGE (ks_window_get_funnel_page (window)),
                                       r->account_id ? r->account : NULL, r->id);
      break;
    default:
      break;
    }
}
