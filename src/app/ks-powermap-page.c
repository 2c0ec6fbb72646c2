/* ks-powermap-page.c — an account's power map: canvas, side panel, checks,
 * snapshots, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas (KsPowermapView) does the drawing and the gestures; this page
 * edits the selected card's or line's attributes (each change one undo step
 * through core), lists the coverage checks (each row selects its card),
 * saves and compares snapshots, and exports or prints the map with the same
 * draw code.
 */
#define G_LOG_DOMAIN "ks-powermap-page"

#include "config.h"

#include "ks-powermap-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ks-account.h"
#include "ks-app-util.h"
#include "ks-contact-import.h"
#include "ks-contact-line.h"
#include "ks-coverage.h"
#include "ks-field-rows.h"
#include "ks-import-dialog.h"
#include "ks-map-snapshot.h"
#include "ks-person.h"
#include "ks-powermap-draw.h"
#include "ks-window.h"

enum
{
  FIELD_NAME,
  FIELD_TITLE,
  FIELD_DEPARTMENT,
  FIELD_LAST_CONTACT,
  N_FIELDS
};

struct _KsPowermapPage
{
  GtkWidget        parent_instance;

  GtkWidget       *toolbar;

  KsWorkspace     *workspace;
  gint64           account_id;
  char            *account_name;

  GtkWidget       *view;
  GtkWidget       *map_stack;
  GtkWidget       *side_stack;
  GtkWidget       *name_row;
  GtkWidget       *title_row;
  GtkWidget       *department_row;
  GtkWidget       *kind_row;
  GtkWidget       *power_row;
  GtkWidget       *relationship_row;
  GtkWidget       *attitude_row;
  GtkWidget       *level_row;
  GtkWidget       *owner_row;
  GtkWidget       *last_contact_row;
  GtkWidget       *pinned_switch;
  GtkWidget       *roles_box;
  GtkWidget       *line_ends_row;
  GtkWidget       *line_kind_row;
  GtkWidget       *strength_row;
  GtkWidget       *multi_label;
  GtkWidget       *changes_group;
  GtkWidget       *changes_list;
  GtkWidget       *checks_group;
  GtkWidget       *checks_list;
  GtkWidget       *compare_dropdown;
  GtkWidget       *zoom_button;

  GtkWidget       *role_buttons[6];
  AdwEntryRow     *entry_rows[N_FIELDS];
  char            *loaded[N_FIELDS];
  GArray          *owner_ids;
  GArray          *snapshot_ids;      /* position in the dropdown - 1 */
  gint64           compare_id;
  gint64           panel_node;
  gint64           panel_line;
  guint            n_checks;
  KsCoverageReport *checks;           /* the findings listed, or NULL */
  guint            n_check_rows;      /* findings with a row so far */
  GtkWidget       *more_checks_row;   /* "Show More", or NULL */
  gboolean         updating;
};

/* A map of 500 contacts can have hundreds of findings; a row each would cost
 * seconds of layout when the map opens. The list shows the first ones and
 * "Show More" adds the next. */
#define CHECKS_FIRST 10
#define CHECKS_MORE  25

enum
{
  PROP_0,
  PROP_ACCOUNT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KsPowermapPage, ks_powermap_page, GTK_TYPE_WIDGET)

/* Helpers */

static KsPowermapView *
view (KsPowermapPage *self)
{
  return KS_POWERMAP_VIEW (self->view);
}

static void
toast (KsPowermapPage *self,
       const char     *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (KS_IS_WINDOW (root))
    ks_window_add_toast (KS_WINDOW (root), text);
}

static void
fill_combo (GtkWidget   *row,
            const char **labels,
            guint        n)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, labels[i]);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
}

static gint64
person_id (gpointer item)
{
  return ks_person_get_id (item);
}

static const char *
person_name (gpointer item)
{
  return ks_person_get_name (item);
}

static const KsMapLine *
find_line (KsPowermapPage *self,
           gint64          id)
{
  guint n;
  const KsMapLine *lines = ks_powermap_view_get_lines (view (self), &n);

  for (guint i = 0; i < n; i++)
    if (lines[i].id == id)
      return &lines[i];
  return NULL;
}

static const char *
node_name (KsPowermapPage *self,
           gint64          id)
{
  KsContact *contact = ks_powermap_view_get_contact (view (self), id);

  return contact ? ks_contact_get_name (contact) : "";
}

static void
update_zoom_label (KsPowermapPage *self)
{
  g_autofree char *text = g_strdup_printf ("%.0f %%", ks_powermap_view_get_scale (view (self)) * 100);

  gtk_button_set_label (GTK_BUTTON (self->zoom_button), text);
}

/* An entry row's text for @field of @contact, as the panel shows it. */
static const char *
field_text (KsContact *contact,
            int        field)
{
  const char *text;

  switch (field)
    {
    case FIELD_NAME:
      text = ks_contact_get_name (contact);
      break;
    case FIELD_TITLE:
      text = ks_contact_get_title (contact);
      break;
    case FIELD_DEPARTMENT:
      text = ks_contact_get_department (contact);
      break;
    case FIELD_LAST_CONTACT:
      text = ks_contact_get_last_contact (contact);
      break;
    default:
      g_return_val_if_reached ("");
    }
  return text ? text : "";
}

static void
update_panel (KsPowermapPage *self)
{
  guint n_nodes, n_lines;
  const gint64 *nodes = ks_powermap_view_get_selected_nodes (view (self), &n_nodes);
  const gint64 *lines = ks_powermap_view_get_selected_lines (view (self), &n_lines);
  gboolean was_updating = self->updating;

  self->updating = TRUE;
  if (n_nodes == 1 && n_lines == 0 && ks_powermap_view_get_contact (view (self), nodes[0]))
    {
      KsContact *contact = ks_powermap_view_get_contact (view (self), nodes[0]);
      gboolean replace = self->panel_node != nodes[0];
      KsAttitude attitude = ks_contact_get_attitude (contact);
      guint roles = ks_contact_get_roles (contact);
      g_autoptr(GListModel) people = self->workspace ? ks_person_list (self->workspace, NULL) : NULL;
      const char *action = ks_attitude_action_label (attitude);
      g_autofree char *subtitle = action && *action && attitude != KS_ATTITUDE_UNKNOWN
        /* Translators: under the attitude, e.g. "Suggested action: engage" */
        ? g_strdup_printf (_("Suggested action: %s"), action) : g_strdup ("");

      self->panel_node = nodes[0];
      self->panel_line = 0;
      for (int f = 0; f < N_FIELDS; f++)
        ks_field_row_show_value (self->entry_rows[f], &self->loaded[f],
                                 field_text (contact, f), replace, &self->updating);
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), ks_contact_get_kind (contact));
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->power_row), ks_contact_get_power (contact));
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->relationship_row), ks_contact_get_relationship (contact));
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->attitude_row), attitude);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->attitude_row), subtitle);
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->level_row), ks_contact_get_level (contact));
      ks_id_combo_row_fill (ADW_COMBO_ROW (self->owner_row), self->owner_ids, people,
                            person_id, person_name, NULL, NULL, ks_contact_get_owner_id (contact));
      gtk_switch_set_active (GTK_SWITCH (self->pinned_switch), ks_contact_get_pinned (contact));
      for (guint i = 0; i < G_N_ELEMENTS (self->role_buttons); i++)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->role_buttons[i]), (roles & (1u << i)) != 0);
      gtk_stack_set_visible_child_name (GTK_STACK (self->side_stack), "node");
    }
  else if (n_nodes == 0 && n_lines == 1 && find_line (self, lines[0]))
    {
      const KsMapLine *line = find_line (self, lines[0]);
      g_autofree char *ends = g_strdup_printf ("%s → %s", node_name (self, line->from_id),
                                               node_name (self, line->to_id));

      self->panel_node = 0;
      self->panel_line = line->id;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->line_ends_row), ends);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->line_ends_row),
                                   line->kind == KS_LINE_INFLUENCE ? _("Influences") : _("Reports to"));
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->line_kind_row), line->kind);
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->strength_row), CLAMP (line->strength, 0, 3));
      gtk_widget_set_sensitive (self->strength_row, line->kind == KS_LINE_INFLUENCE);
      gtk_stack_set_visible_child_name (GTK_STACK (self->side_stack), "line");
    }
  else
    {
      self->panel_node = self->panel_line = 0;
      if (n_nodes + n_lines > 1)
        {
          g_autofree char *text = g_strdup_printf (
            ngettext ("%u item selected. Drag to move them together; Ctrl+L links two cards.",
                      "%u items selected. Drag to move them together; Ctrl+L links two cards.",
                      n_nodes + n_lines), n_nodes + n_lines);

          gtk_label_set_label (GTK_LABEL (self->multi_label), text);
          gtk_stack_set_visible_child_name (GTK_STACK (self->side_stack), "multi");
        }
      else
        gtk_stack_set_visible_child_name (GTK_STACK (self->side_stack), "none");
    }
  self->updating = was_updating;
  update_zoom_label (self);
}

static void
update_more_checks_row (KsPowermapPage *self)
{
  guint left = self->n_checks - self->n_check_rows;
  g_autofree char *title = NULL;

  if (left == 0)
    {
      if (self->more_checks_row)
        gtk_list_box_remove (GTK_LIST_BOX (self->checks_list), self->more_checks_row);
      self->more_checks_row = NULL;
      return;
    }
  if (!self->more_checks_row)
    {
      self->more_checks_row = adw_action_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->more_checks_row), TRUE);
      gtk_list_box_append (GTK_LIST_BOX (self->checks_list), self->more_checks_row);
    }
  /* Translators: the last row of a power map's findings; %u is how many are not listed yet */
  title = g_strdup_printf (ngettext ("Show %u More", "Show %u More", left), left);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->more_checks_row), title);
}

/* Adds rows for up to @n more findings, before "Show More". */
static void
add_check_rows (KsPowermapPage *self,
                guint           n)
{
  GtkListBox *list = GTK_LIST_BOX (self->checks_list);
  guint end = MIN (self->n_checks, self->n_check_rows + n);

  for (guint i = self->n_check_rows; i < end; i++)
    {
      KsCoverageFinding *finding = g_ptr_array_index (self->checks->findings, i);
      g_autofree char *title = g_markup_escape_text (finding->message, -1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      if (finding->contact_id > 0)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
        }
      g_object_set_data (G_OBJECT (row), "contact-id", GINT_TO_POINTER ((int) finding->contact_id));
      gtk_list_box_insert (list, row, (int) i);
    }
  self->n_check_rows = end;
  update_more_checks_row (self);
}

static void
update_checks (KsPowermapPage *self)
{
  ks_list_box_remove_rows (GTK_LIST_BOX (self->checks_list));
  self->more_checks_row = NULL;
  g_clear_pointer (&self->checks, ks_coverage_report_free);
  self->n_checks = self->n_check_rows = 0;
  if (self->workspace && self->account_id > 0)
    self->checks = ks_coverage_check_account (self->workspace, self->account_id, NULL, NULL);
  if (self->checks)
    {
      self->n_checks = self->checks->findings->len;
      add_check_rows (self, CHECKS_FIRST);
    }
  {
    g_autofree char *description = g_strdup_printf (
      ngettext ("%u finding", "%u findings", self->n_checks), self->n_checks);

    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->checks_group),
                                           self->n_checks ? description : NULL);
  }
}

static void
update_compare (KsPowermapPage *self)
{
  g_autoptr(KsMapSnapshot) older = NULL;
  g_autoptr(KsMapSnapshot) current = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n;
  const KsMapNode *nodes;

  ks_list_box_remove_rows (GTK_LIST_BOX (self->changes_list));
  if (!self->workspace || self->compare_id <= 0 ||
      !(older = ks_map_snapshot_load (self->workspace, self->compare_id, NULL)) ||
      !(current = ks_map_snapshot_current (self->workspace, self->account_id, NULL)))
    {
      gtk_widget_set_visible (self->changes_group, FALSE);
      ks_powermap_view_set_highlights (view (self), NULL, NULL);
      return;
    }

  nodes = ks_powermap_view_get_nodes (view (self), &n);
  changes = ks_map_snapshot_diff (older, current);
  for (guint i = 0; i < changes->len; i++)
    {
      KsMapChange *change = g_ptr_array_index (changes, i);
      g_autofree char *text = ks_map_change_describe (change);
      g_autofree char *title = g_markup_escape_text (text, -1);
      GtkWidget *row = adw_action_row_new ();
      gint64 id = 0;
      const char *icon = "document-edit-symbolic";

      for (guint j = 0; j < n && id == 0; j++)
        if (g_strcmp0 (nodes[j].name, change->name) == 0)
          id = nodes[j].id;
      if (change->kind == KS_MAP_CHANGE_ADDED)
        {
          icon = "list-add-symbolic";
          if (id)
            g_array_append_val (added, id);
        }
      else if (change->kind == KS_MAP_CHANGE_REMOVED)
        icon = "list-remove-symbolic";
      else if (id)
        g_array_append_val (changed, id);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
      g_object_set_data (G_OBJECT (row), "contact-id", GINT_TO_POINTER ((int) id));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), id != 0);
      gtk_list_box_append (GTK_LIST_BOX (self->changes_list), row);
    }
  {
    g_autofree char *title = g_strdup_printf (_("Changes Since %s"), older->taken);

    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->changes_group), title);
    ks_list_box_set_placeholder_text (GTK_LIST_BOX (self->changes_list), _("Nothing changed."));
  }
  gtk_widget_set_visible (self->changes_group, TRUE);
  ks_powermap_view_set_highlights (view (self), changed, added);
}

static void
update_snapshots (KsPowermapPage *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) snapshots = NULL;
  guint selected = 0;
  gboolean was_updating = self->updating;

  g_array_set_size (self->snapshot_ids, 0);
  gtk_string_list_append (list, _("Nothing"));
  if (self->workspace && self->account_id > 0)
    snapshots = ks_map_snapshot_list (self->workspace, self->account_id, NULL);
  for (guint i = 0; snapshots && i < snapshots->len; i++)
    {
      KsMapSnapshot *snapshot = g_ptr_array_index (snapshots, i);
      g_autofree char *text = snapshot->label && *snapshot->label
        ? g_strdup_printf ("%s · %s", snapshot->taken, snapshot->label)
        : g_strdup (snapshot->taken);

      gtk_string_list_append (list, text);
      g_array_append_val (self->snapshot_ids, snapshot->id);
      if (snapshot->id == self->compare_id)
        selected = i + 1;
    }
  if (selected == 0)
    self->compare_id = 0;
  self->updating = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->compare_dropdown), G_LIST_MODEL (list));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->compare_dropdown), selected);
  self->updating = was_updating;
  gtk_widget_set_sensitive (self->compare_dropdown, self->snapshot_ids->len > 0);
}

/* Loads the selected contact fresh, for one edit. */
static KsContact *
load_selected (KsPowermapPage *self)
{
  if (!self->workspace || self->panel_node <= 0)
    return NULL;
  return ks_contact_load (self->workspace, self->panel_node, NULL);
}

static void
save_contact (KsPowermapPage *self,
              KsContact      *contact,
              GtkWidget      *row)
{
  g_autoptr(GError) error = NULL;

  if (ks_contact_save (contact, self->workspace, &error))
    return;
  if (row && ADW_IS_ENTRY_ROW (row))
    ks_row_set_error (ADW_PREFERENCES_ROW (row), error->message);
  else
    {
      toast (self, error->message);
      update_panel (self);
    }
}

/* Callbacks */

/* A map with nobody on it says what to do instead of showing a bare legend. */
static void
update_empty_state (KsPowermapPage *self)
{
  gboolean empty = self->account_id > 0 && ks_powermap_view_get_n_nodes (view (self)) == 0;

  gtk_stack_set_visible_child_name (GTK_STACK (self->map_stack), empty ? "empty" : "map");
}

static void
on_selection_changed (KsPowermapPage *self)
{
  update_empty_state (self);
  update_panel (self);
}

static void
on_contacts_changed (KsPowermapPage *self)
{
  update_checks (self);
  if (self->compare_id > 0)
    update_compare (self);
}

static void
on_accounts_changed (KsPowermapPage *self)
{
  g_autoptr(KsAccount) account = NULL;

  if (self->workspace && self->account_id > 0)
    account = ks_account_load (self->workspace, self->account_id, NULL);
  if (!account)
    return;
  g_free (self->account_name);
  self->account_name = g_strdup (ks_account_get_name (account));
  ks_powermap_view_set_account (view (self), self->account_id, self->account_name);
}

static void
on_snapshots_changed (KsPowermapPage *self)
{
  update_snapshots (self);
  update_compare (self);
}

static void
on_field_apply (AdwEntryRow    *row,
                KsPowermapPage *self)
{
  int field = ks_field_row_get_field (row);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->updating || !self->workspace || self->panel_node <= 0)
    return;
  if (field == FIELD_NAME && *text == '\0')
    {
      ks_row_set_error (ADW_PREFERENCES_ROW (row), _("A contact needs a name"));
      return;
    }
  if (field == FIELD_LAST_CONTACT && *text && !ks_iso_date_parse (text, NULL))
    {
      ks_row_set_error (ADW_PREFERENCES_ROW (row), _("Write the date as YYYY-MM-DD, e.g. 2026-03-31"));
      return;
    }

  /* The contact is read again so the save keeps every other attribute as
   * stored now; this field is saved only over the value the user started
   * from, or after they were told of another user's and pressed Enter
   * again. A second try covers another user's save between this read and
   * the save (refused as a conflict). */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(KsContact) contact = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (!(contact = load_selected (self)) ||
          !ks_field_row_check_base (row, &self->loaded[field], field_text (contact, field)))
        return;
      switch (field)
        {
        case FIELD_NAME:
          ks_contact_set_name (contact, text);
          break;
        case FIELD_TITLE:
          ks_contact_set_title (contact, text);
          break;
        case FIELD_DEPARTMENT:
          ks_contact_set_department (contact, text);
          break;
        case FIELD_LAST_CONTACT:
          ks_contact_set_last_contact (contact, text);
          break;
        default:
          return;
        }
      /* the map reloads inside the save: the row then shows the value as
       * stored, which is this save's, not another user's */
      ks_field_row_set_saving (row, TRUE);
      ok = ks_contact_save (contact, self->workspace, &error);
      ks_field_row_set_saving (row, FALSE);
      if (ok)
        return;
      if (attempt > 0 || !g_error_matches (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT))
        {
          ks_field_row_show_refusal (row, error);
          return;
        }
    }
}

static void
on_field_changed (AdwEntryRow    *row,
                  KsPowermapPage *self)
{
  if (!self->updating)
    ks_field_row_set_error (row, NULL);
}

static void
on_combo_selected (AdwComboRow    *row,
                   GParamSpec     *pspec,
                   KsPowermapPage *self)
{
  GtkWidget *widget = GTK_WIDGET (row);
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(KsContact) contact = NULL;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (widget == self->line_kind_row || widget == self->strength_row)
    {
      g_autoptr(KsContactLine) line = NULL;
      g_autoptr(GError) error = NULL;

      if (!self->workspace || self->panel_line <= 0 ||
          !(line = ks_contact_line_load (self->workspace, self->panel_line, NULL)))
        return;
      if (widget == self->line_kind_row)
        {
          if ((guint) ks_contact_line_get_kind (line) == selected)
            return;
          ks_contact_line_set_kind (line, selected);
          if (selected == KS_LINE_INFLUENCE && ks_contact_line_get_strength (line) == 0)
            ks_contact_line_set_strength (line, 2);
          else if (selected != KS_LINE_INFLUENCE)
            ks_contact_line_set_strength (line, 0);
        }
      else
        {
          if (ks_contact_line_get_strength (line) == selected)
            return;
          ks_contact_line_set_strength (line, selected);
        }
      if (!ks_contact_line_save (line, self->workspace, &error))
        {
          toast (self, error->message);
          update_panel (self);
        }
      return;
    }

  if (!(contact = load_selected (self)))
    return;
  if (widget == self->kind_row)
    {
      if ((guint) ks_contact_get_kind (contact) == selected)
        return;
      ks_contact_set_kind (contact, selected);
    }
  else if (widget == self->power_row)
    {
      if ((guint) ks_contact_get_power (contact) == selected)
        return;
      ks_contact_set_power (contact, selected);
    }
  else if (widget == self->relationship_row)
    {
      if ((guint) ks_contact_get_relationship (contact) == selected)
        return;
      ks_contact_set_relationship (contact, selected);
    }
  else if (widget == self->attitude_row)
    {
      if ((guint) ks_contact_get_attitude (contact) == selected)
        return;
      ks_contact_set_attitude (contact, selected);
    }
  else if (widget == self->level_row)
    {
      if ((guint) ks_contact_get_level (contact) == selected)
        return;
      ks_contact_set_level (contact, selected);
    }
  else if (widget == self->owner_row)
    {
      gint64 id;

      if (!ks_id_combo_row_get_change (row, self->owner_ids, ks_contact_get_owner_id (contact), &id))
        return;
      ks_contact_set_owner_id (contact, id);
    }
  save_contact (self, contact, NULL);
}

static void
on_pinned (GtkSwitch      *sw,
           GParamSpec     *pspec,
           KsPowermapPage *self)
{
  g_autoptr(KsContact) contact = NULL;

  if (self->updating || !(contact = load_selected (self)))
    return;
  if (ks_contact_get_pinned (contact) == gtk_switch_get_active (sw))
    return;
  ks_contact_set_pinned (contact, gtk_switch_get_active (sw));
  save_contact (self, contact, NULL);
}

static void
on_role_toggled (GtkToggleButton *button,
                 KsPowermapPage  *self)
{
  g_autoptr(KsContact) contact = NULL;
  guint roles = 0;

  if (self->updating || !(contact = load_selected (self)))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->role_buttons); i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->role_buttons[i])))
      roles |= 1u << i;
  if (roles == (guint) ks_contact_get_roles (contact))
    return;
  ks_contact_set_roles (contact, roles);
  save_contact (self, contact, NULL);
}

static void
on_row_activated (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  KsPowermapPage *self)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "contact-id"));

  if (GTK_WIDGET (row) == self->more_checks_row)
    {
      add_check_rows (self, CHECKS_MORE);
      return;
    }
  if (id <= 0)
    return;
  ks_powermap_view_select_node (view (self), id, FALSE);
  gtk_widget_grab_focus (self->view);
}

static void
on_compare_selected (GtkDropDown    *dropdown,
                     GParamSpec     *pspec,
                     KsPowermapPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating)
    return;
  self->compare_id = selected > 0 && selected <= self->snapshot_ids->len
                       ? g_array_index (self->snapshot_ids, gint64, selected - 1) : 0;
  update_compare (self);
}

static void
on_snapshot_response (AdwMessageDialog *dialog,
                      const char       *response,
                      KsPowermapPage   *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(KsMapSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (g_strcmp0 (response, "save") != 0 || !self->workspace)
    return;
  label = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  snapshot = ks_map_snapshot_save (self->workspace, self->account_id, NULL, label, &error);
  if (!snapshot)
    {
      toast (self, error->message);
      return;
    }
  {
    /* Translators: a toast, e.g. Saved snapshot “Q3 review” */
    g_autofree char *title = g_strdup_printf (_("Saved snapshot “%s”"),
                                              *label ? label : snapshot->taken);
    ks_widget_add_undo_toast (GTK_WIDGET (self), title);
  }
}

static void
save_snapshot_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KsPowermapPage *self = KS_POWERMAP_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *body = g_strdup_printf (_("Keeps the map of %s as of today, %s, to compare with later."),
                                           self->account_name ? self->account_name : "", today);
  GtkWidget *entry = gtk_entry_new ();
  AdwMessageDialog *dialog;

  if (!self->workspace || self->account_id <= 0)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Save Snapshot"), body));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Label, e.g. Quarterly review"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_snapshot_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
export_file (GtkWidget   *page,
             const char  *path,
             GError     **error)
{
  return ks_powermap_page_export (KS_POWERMAP_PAGE (page), path, error);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KsPowermapPage *self = KS_POWERMAP_PAGE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;

  /* Translators: file name of an export, e.g. "Kessler Automotive Group power map.pdf" */
  name = g_strdup_printf (_("%s power map.%s"), self->account_name ? self->account_name : "", format);
  ks_export_dialog_show (widget, _("Export Power Map"), name, export_file,
                         /* Translators: %s is a folder */
                         _("Exported the map to %s"), _("Could Not Export the Map"));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              KsPowermapPage    *self)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autoptr(KsMapLayout) layout = ks_powermap_view_build_layout (view (self), palette);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  KsMapDrawState state = { 0 };

  ks_map_view_fit (layout, width, height, 12, 2.0, &state.view);
  state.layers = KS_MAP_LAYER_ALL & ~KS_MAP_LAYER_OVERLAY;
  ks_map_draw (cr, layout, palette, &state);
}

gboolean
ks_powermap_page_print (KsPowermapPage *self,
                        const char     *export_pdf,
                        GError        **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autofree char *job = g_strdup_printf (_("Power map of %s"), self->account_name ? self->account_name : "");
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autoptr(KsMapLayout) layout = NULL;
  double width, height;

  g_return_val_if_fail (KS_IS_POWERMAP_PAGE (self), FALSE);

  /* The paper turned the way the map is: a wide map prints landscape. */
  layout = ks_powermap_view_build_layout (view (self), palette);
  ks_map_layout_get_natural_size (layout, 0, &width, &height);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), self);
  return ks_print_operation_run (operation, GTK_WIDGET (self), job, export_pdf, error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!ks_powermap_page_print (KS_POWERMAP_PAGE (widget), NULL, &error))
    ks_message_dialog_show (widget, _("Could Not Print the Map"), error->message);
}

static void
import_contacts_file (GtkWidget  *page,
                      const char *path)
{
  ks_powermap_page_import_contacts (KS_POWERMAP_PAGE (page), path);
}

static void
import_contacts_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ks_import_csv_dialog_show (widget, _("Import Contacts"), import_contacts_file);
}

static void
map_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KsPowermapPage *self = KS_POWERMAP_PAGE (widget);
  guint n;
  const gint64 *selected = ks_powermap_view_get_selected_nodes (view (self), &n);

  if (g_str_equal (action_name, "map.add-contact"))
    {
      ks_powermap_view_add_node (view (self), KS_NODE_CONTACT, n == 1 ? selected[0] : 0);
      gtk_widget_grab_focus (self->name_row);
    }
  else if (g_str_equal (action_name, "map.add-competitor"))
    ks_powermap_view_add_node (view (self), KS_NODE_COMPETITOR, 0);
  else if (g_str_equal (action_name, "map.add-third-party"))
    ks_powermap_view_add_node (view (self), KS_NODE_THIRD_PARTY, 0);
  else if (g_str_equal (action_name, "map.tidy"))
    ks_powermap_view_tidy (view (self));
  else if (g_str_equal (action_name, "map.zoom-in"))
    ks_powermap_view_zoom_in (view (self));
  else if (g_str_equal (action_name, "map.zoom-out"))
    ks_powermap_view_zoom_out (view (self));
  else if (g_str_equal (action_name, "map.fit"))
    ks_powermap_view_fit (view (self));
  else if (g_str_equal (action_name, "map.delete"))
    ks_powermap_view_delete_selection (view (self));
  update_zoom_label (self);
}

/* Vfuncs */

static void
ks_powermap_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KsPowermapPage *self = KS_POWERMAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_powermap_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KsPowermapPage *self = KS_POWERMAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:
      ks_powermap_page_set_account_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_powermap_page_dispose (GObject *object)
{
  KsPowermapPage *self = KS_POWERMAP_PAGE (object);

  ks_powermap_page_set_workspace (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KS_TYPE_POWERMAP_PAGE);
  ks_widget_unparent_children (GTK_WIDGET (self));
  G_OBJECT_CLASS (ks_powermap_page_parent_class)->dispose (object);
}

static void
ks_powermap_page_finalize (GObject *object)
{
  KsPowermapPage *self = KS_POWERMAP_PAGE (object);

  g_free (self->account_name);
  g_clear_pointer (&self->checks, ks_coverage_report_free);
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->loaded[i]);
  g_array_unref (self->owner_ids);
  g_array_unref (self->snapshot_ids);
  G_OBJECT_CLASS (ks_powermap_page_parent_class)->finalize (object);
}

static void
ks_powermap_page_class_init (KsPowermapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const plain_actions[] = {
    "map.add-contact", "map.add-competitor", "map.add-third-party", "map.tidy",
    "map.zoom-in", "map.zoom-out", "map.fit", "map.delete",
  };

  object_class->get_property = ks_powermap_page_get_property;
  object_class->set_property = ks_powermap_page_set_property;
  object_class->dispose = ks_powermap_page_dispose;
  object_class->finalize = ks_powermap_page_finalize;

  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KS_TYPE_POWERMAP_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone/Keystone/ks-powermap-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, view);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, side_stack);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, department_row);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, power_row);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, relationship_row);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, attitude_row);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, level_row);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, owner_row);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, last_contact_row);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, pinned_switch);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, roles_box);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, line_ends_row);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, line_kind_row);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, strength_row);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, multi_label);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, changes_group);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, changes_list);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, checks_group);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, checks_list);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, compare_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, KsPowermapPage, map_stack);

  for (guint i = 0; i < G_N_ELEMENTS (plain_actions); i++)
    gtk_widget_class_install_action (widget_class, plain_actions[i], NULL, map_action);
  gtk_widget_class_install_action (widget_class, "map.save-snapshot", NULL, save_snapshot_action);
  gtk_widget_class_install_action (widget_class, "map.import-contacts", NULL, import_contacts_action);
  gtk_widget_class_install_action (widget_class, "map.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "map.print", NULL, print_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ks_powermap_page_init (KsPowermapPage *self)
{
  const char *labels[8];
  char *power[4] = { NULL };   /* g_autofree on an array frees its first string only */
  GtkWidget *combos[] = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
  guint n_combos = 0;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* long translations shorten in the toolbar rather than widen the window */
  ks_widget_shrink_labels (self->toolbar);
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->snapshot_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i <= KS_NODE_THIRD_PARTY; i++)
    labels[i] = ks_node_kind_label (i);
  fill_combo (self->kind_row, labels, KS_NODE_THIRD_PARTY + 1);
  for (guint i = 0; i <= KS_POWER_LOW; i++)
    {
      power[i] = i == 0 ? g_strdup (ks_decision_power_label (i))
                        : g_strdup_printf ("%u · %s", i, ks_decision_power_label (i));
      labels[i] = power[i];
    }
  fill_combo (self->power_row, labels, KS_POWER_LOW + 1);
  for (guint i = 0; i <= KS_POWER_LOW; i++)
    g_free (power[i]);
  for (guint i = 0; i <= KS_RELATIONSHIP_POOR; i++)
    labels[i] = ks_relationship_label (i);
  fill_combo (self->relationship_row, labels, KS_RELATIONSHIP_POOR + 1);
  for (guint i = 0; i <= KS_ATTITUDE_OPPONENT; i++)
    labels[i] = ks_attitude_label (i);
  fill_combo (self->attitude_row, labels, KS_ATTITUDE_OPPONENT + 1);
  for (guint i = 0; i <= KS_LEVEL_EXECUTIVE; i++)
    labels[i] = ks_level_label (i);
  fill_combo (self->level_row, labels, KS_LEVEL_EXECUTIVE + 1);
  for (guint i = 0; i <= KS_LINE_INFLUENCE; i++)
    labels[i] = ks_line_kind_label (i);
  fill_combo (self->line_kind_row, labels, KS_LINE_INFLUENCE + 1);
  labels[0] = _("Not Given");
  labels[1] = _("1 · Weak");
  labels[2] = _("2 · Medium");
  labels[3] = _("3 · Strong");
  fill_combo (self->strength_row, labels, 4);

  combos[n_combos++] = self->kind_row;
  combos[n_combos++] = self->power_row;
  combos[n_combos++] = self->relationship_row;
  combos[n_combos++] = self->attitude_row;
  combos[n_combos++] = self->level_row;
  combos[n_combos++] = self->owner_row;
  combos[n_combos++] = self->line_kind_row;
  combos[n_combos++] = self->strength_row;
  for (guint i = 0; i < n_combos; i++)
    g_signal_connect (combos[i], "notify::selected", G_CALLBACK (on_combo_selected), self);

  for (guint i = 0; i < G_N_ELEMENTS (self->role_buttons); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (ks_buying_role_label (1u << i));

      self->role_buttons[i] = button;
      g_signal_connect (button, "toggled", G_CALLBACK (on_role_toggled), self);
      gtk_flow_box_append (GTK_FLOW_BOX (self->roles_box), button);
    }

  self->entry_rows[FIELD_NAME] = ADW_ENTRY_ROW (self->name_row);
  self->entry_rows[FIELD_TITLE] = ADW_ENTRY_ROW (self->title_row);
  self->entry_rows[FIELD_DEPARTMENT] = ADW_ENTRY_ROW (self->department_row);
  self->entry_rows[FIELD_LAST_CONTACT] = ADW_ENTRY_ROW (self->last_contact_row);
  ks_field_rows_connect (self->entry_rows, N_FIELDS, G_CALLBACK (on_field_apply),
                         G_CALLBACK (on_field_changed), self);

  g_signal_connect (self->pinned_switch, "notify::active", G_CALLBACK (on_pinned), self);
  g_signal_connect_swapped (self->view, "selection-changed", G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->view, "zoom-changed", G_CALLBACK (update_zoom_label), self);
  g_signal_connect (self->checks_list, "row-activated", G_CALLBACK (on_row_activated), self);
  g_signal_connect (self->changes_list, "row-activated", G_CALLBACK (on_row_activated), self);
  g_signal_connect (self->compare_dropdown, "notify::selected", G_CALLBACK (on_compare_selected), self);
  ks_list_box_set_placeholder_text (GTK_LIST_BOX (self->checks_list),
                                    _("No findings: the key contacts are covered."));
  update_snapshots (self);
  update_panel (self);
}

/* Public API */

GtkWidget *
ks_powermap_page_new (void)
{
  return g_object_new (KS_TYPE_POWERMAP_PAGE, NULL);
}

void
ks_powermap_page_set_workspace (KsPowermapPage *self,
                                KsWorkspace    *workspace)
{
  g_return_if_fail (KS_IS_POWERMAP_PAGE (self));

  if (self->workspace == workspace)
    return;
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (self->view)
    ks_powermap_view_set_workspace (view (self), workspace);
  if (workspace)
    {
      g_signal_connect_swapped (workspace, "changed::contacts", G_CALLBACK (on_contacts_changed), self);
      g_signal_connect_swapped (workspace, "changed::contact_lines", G_CALLBACK (on_contacts_changed), self);
      g_signal_connect_swapped (workspace, "changed::people", G_CALLBACK (on_contacts_changed), self);
      g_signal_connect_swapped (workspace, "changed::map_snapshots", G_CALLBACK (on_snapshots_changed), self);
      g_signal_connect_swapped (workspace, "changed::accounts", G_CALLBACK (on_accounts_changed), self);
    }
  self->compare_id = 0;
  if (self->view)
    {
      gint64 account_id = self->account_id;

      /* reads the account's name from the new workspace */
      self->account_id = -1;
      ks_powermap_page_set_account_id (self, account_id);
    }
}

gint64
ks_powermap_page_get_account_id (KsPowermapPage *self)
{
  g_return_val_if_fail (KS_IS_POWERMAP_PAGE (self), 0);
  return self->account_id;
}

void
ks_powermap_page_set_account_id (KsPowermapPage *self,
                                 gint64          account_id)
{
  g_autoptr(KsAccount) account = NULL;

  g_return_if_fail (KS_IS_POWERMAP_PAGE (self));

  if (self->account_id == account_id)
    return;
  self->account_id = account_id;
  g_clear_pointer (&self->account_name, g_free);
  if (self->workspace && account_id > 0)
    account = ks_account_load (self->workspace, account_id, NULL);
  if (account)
    self->account_name = g_strdup (ks_account_get_name (account));
  self->compare_id = 0;
  self->panel_node = self->panel_line = 0;
  ks_powermap_view_set_account (view (self), account_id, self->account_name);
  update_checks (self);
  update_snapshots (self);
  update_compare (self);
  update_empty_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

KsPowermapView *
ks_powermap_page_get_view (KsPowermapPage *self)
{
  g_return_val_if_fail (KS_IS_POWERMAP_PAGE (self), NULL);
  return view (self);
}

GtkWidget *
ks_powermap_page_get_name_row (KsPowermapPage *self)
{
  g_return_val_if_fail (KS_IS_POWERMAP_PAGE (self), NULL);
  return self->name_row;
}

guint
ks_powermap_page_get_n_checks (KsPowermapPage *self)
{
  g_return_val_if_fail (KS_IS_POWERMAP_PAGE (self), 0);
  return self->n_checks;
}

void
ks_powermap_page_activate_check (KsPowermapPage *self,
                                 guint           index)
{
  GtkListBoxRow *row;

  g_return_if_fail (KS_IS_POWERMAP_PAGE (self));

  if (index >= self->n_checks)
    return;
  if (index >= self->n_check_rows)
    add_check_rows (self, index + 1 - self->n_check_rows);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->checks_list), index);
  if (row)
    on_row_activated (GTK_LIST_BOX (self->checks_list), row, self);
}

guint
ks_powermap_page_compare (KsPowermapPage *self,
                          guint           index)
{
  guint n = 0;

  g_return_val_if_fail (KS_IS_POWERMAP_PAGE (self), 0);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->compare_dropdown), index);
  for (GtkWidget *child = gtk_widget_get_first_child (self->changes_list); child;
       child = gtk_widget_get_next_sibling (child))
    n += ADW_IS_ACTION_ROW (child);
  return n;
}

gboolean
ks_powermap_page_select_name (KsPowermapPage *self,
                              const char     *name)
{
  guint n;
  const KsMapNode *nodes;

  g_return_val_if_fail (KS_IS_POWERMAP_PAGE (self), FALSE);

  nodes = ks_powermap_view_get_nodes (view (self), &n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (nodes[i].name, name) == 0)
      {
        ks_powermap_view_select_node (view (self), nodes[i].id, FALSE);
        return TRUE;
      }
  return FALSE;
}

gboolean
ks_powermap_page_export (KsPowermapPage *self,
                         const char     *path,
                         GError        **error)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autoptr(KsMapLayout) layout = NULL;

  g_return_val_if_fail (KS_IS_POWERMAP_PAGE (self), FALSE);

  /* The cards at their size at 100 % zoom (PDF: on the paper that keeps the
   * names readable); a PNG with two pixels a unit, sharp on slides. */
  layout = ks_powermap_view_build_layout (view (self), palette);
  return ks_map_export_scaled (path, layout, palette, 0, 0, 2, error);
}

GtkWindow *
ks_powermap_page_import_contacts (KsPowermapPage *self,
                                  const char     *path)
{
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gboolean ok;

  g_return_val_if_fail (KS_IS_POWERMAP_PAGE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!self->workspace || self->account_id <= 0)
    return NULL;
  ok = ks_contacts_import (self->workspace, path, self->account_id, report, &error);
  if (ok)
    {
      g_autofree char *contacts = KS_FORMAT_COUNT ("%s contact", "%s contacts", report->contacts);
      g_autofree char *lines = KS_FORMAT_COUNT ("%s line", "%s lines", report->lines);

      /* Translators: "Imported 12 contacts and 9 lines into the power map of Hallberg Group." */
      summary = g_strdup_printf (_("Imported %s and %s into the power map of %s."),
                                 contacts, lines, self->account_name ? self->account_name : "");
    }
  return ks_import_dialog_show (GTK_WIDGET (self), ok, summary, report, error);
}

gboolean
ks_powermap_page_shows_empty_state (KsPowermapPage *self)
{
  g_return_val_if_fail (KS_IS_POWERMAP_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->map_stack)), "empty") == 0;
}
