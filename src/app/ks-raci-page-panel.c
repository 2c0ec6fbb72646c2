/* ks-raci-page-panel.c — the RACI page's side panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Beside the grid: the checks (each row focuses its cell, or a column's
 * header), each column's load (a row shows the column's person, or who
 * holds its role on which account), the letters' legend, and a role's
 * holders (a row opens the account). Refilled whenever the grid reloads.
 */
#define G_LOG_DOMAIN "ks-raci-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ks-account.h"
#include "ks-app-util.h"
#include "ks-raci-page-private.h"
#include "ks-team-member.h"
#include "ks-window.h"

/* Helpers */

static KsWindow *
window (KsRaciPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return KS_IS_WINDOW (root) ? KS_WINDOW (root) : NULL;
}

static GtkWidget *
letter_chip (char letter)
{
  char text[2] = { letter, '\0' };
  GtkWidget *label = gtk_label_new (text);
  g_autofree char *css = g_strdup_printf ("raci-%c", g_ascii_tolower (letter));

  gtk_widget_add_css_class (label, "raci-chip");
  gtk_widget_add_css_class (label, css);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static void
update_checks (KsRaciPage *self)
{
  const KsRaciCheck *check = ks_raci_grid_get_check (grid (self));
  g_autofree char *description = NULL;

  ks_list_box_remove_rows (GTK_LIST_BOX (self->checks_list));
  self->n_checks = check ? check->findings->len : 0;
  for (guint i = 0; i < self->n_checks; i++)
    {
      const KsRaciFinding *finding = g_ptr_array_index (check->findings, i);
      g_autofree char *title = g_markup_escape_text (finding->message, -1);
      GtkWidget *row = adw_action_row_new ();
      gboolean is_error = finding->severity == KS_RACI_ERROR;
      GtkWidget *icon = gtk_image_new_from_icon_name (is_error ? "dialog-error-symbolic"
                                                               : "dialog-warning-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), is_error ? _("Error") : _("Warning"));
      gtk_widget_add_css_class (icon, is_error ? "error" : "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "finding", GUINT_TO_POINTER (i + 1));
      gtk_list_box_append (GTK_LIST_BOX (self->checks_list), row);
    }
  if (check && self->n_checks > 0)
    {
      g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", check->n_errors),
                                                 check->n_errors);
      g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", check->n_warnings),
                                                   check->n_warnings);

      /* Translators: "2 errors, 3 warnings" */
      description = g_strdup_printf (_("%s, %s"), errors, warnings);
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->checks_group), description);
}

static void
update_load (KsRaciPage *self)
{
  const KsRaciChart *chart = shown_chart (self);
  const KsRaciCheck *check = ks_raci_grid_get_check (grid (self));

  ks_list_box_remove_rows (GTK_LIST_BOX (self->load_list));
  for (guint c = 0; chart && check && c < chart->columns->len && c < check->n_load; c++)
    {
      const KsRaciColumn *column = g_ptr_array_index (chart->columns, c);
      const KsRaciLoad *load = &check->load[c];
      g_autofree char *title = g_markup_escape_text (column->label ? column->label : "", -1);
      g_autoptr(GString) counts = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();

      g_string_append_printf (counts, "R %u · A %u", load->r, load->a);
      if (chart->arsci)
        g_string_append_printf (counts, " · S %u", load->s);
      g_string_append_printf (counts, " · C %u · I %u", load->c, load->i);
      if (column->role)
        {
          g_autofree char *who = column->resolved_name
            /* Translators: a role column's person in the load list, e.g. "Sales coordinator: Anna Snelling" */
            ? g_strdup_printf (_("Role, held by %s"), column->resolved_name)
            : g_strdup (_("Role"));
          g_autofree char *subtitle = g_markup_escape_text (who, -1);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (counts->str));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (c + 1));
      gtk_list_box_append (GTK_LIST_BOX (self->load_list), row);
    }
}

void
_ks_raci_page_update_legend (KsRaciPage *self)
{
  const KsRaciChart *chart = shown_chart (self);
  static const struct { char letter; const char *text; } letters[] = {
    { 'R', N_("Responsible: does the work; one R may be marked main") },
    { 'A', N_("Accountable: owns the result; exactly one per task") },
    { 'S', N_("Supportive: helps the responsible (ARSCI charts)") },
    { 'C', N_("Consulted: asked before, two-way") },
    { 'I', N_("Informed: told after, one-way") },
  };

  ks_list_box_remove_rows (GTK_LIST_BOX (self->legend_list));
  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    {
      GtkWidget *row;

      if (letters[i].letter == 'S' && !(chart && chart->arsci))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(letters[i].text));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), letter_chip (letters[i].letter));
      gtk_list_box_append (GTK_LIST_BOX (self->legend_list), row);
    }
}

void
_ks_raci_page_hide_holders (KsRaciPage *self)
{
  gtk_widget_set_visible (self->holders_group, FALSE);
  ks_list_box_remove_rows (GTK_LIST_BOX (self->holders_list));
}

void
_ks_raci_page_update_side_panel (KsRaciPage *self)
{
  update_checks (self);
  update_load (self);
  _ks_raci_page_update_legend (self);
}

/* Callbacks */

void
_ks_raci_page_on_check_activated (GtkListBox    *list,
                                  GtkListBoxRow *row,
                                  KsRaciPage    *self)
{
  const KsRaciCheck *check = ks_raci_grid_get_check (grid (self));
  const KsRaciChart *chart = shown_chart (self);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "finding"));
  const KsRaciFinding *finding;

  if (!check || !chart || index == 0 || index > check->findings->len)
    return;
  finding = g_ptr_array_index (check->findings, index - 1);
  /* A column's problem (empty, a role bound to nobody): its header. */
  if (finding->task >= 0)
    ks_raci_grid_focus_cell (grid (self), finding->task, finding->column);
  else
    ks_raci_grid_focus_column_header (grid (self), finding->column);
}

void
_ks_raci_page_on_load_activated (GtkListBox    *list,
                                 GtkListBoxRow *row,
                                 KsRaciPage    *self)
{
  const KsRaciChart *chart = shown_chart (self);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  const KsRaciColumn *column;

  if (!chart || index == 0 || index > chart->columns->len)
    return;
  column = g_ptr_array_index (chart->columns, index - 1);
  ks_raci_page_show_column (self, column->person_id, column->role);
}

void
_ks_raci_page_on_holder_activated (GtkListBox    *list,
                                   GtkListBoxRow *row,
                                   KsRaciPage    *self)
{
  gint64 account_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "account-id"));
  KsWindow *win = window (self);

  if (!win || account_id <= 0)
    return;
  ks_window_set_page (win, "accounts");
  ks_window_select_account (win, account_id);
}

void
_ks_raci_page_on_holders_close (KsRaciPage *self)
{
  _ks_raci_page_hide_holders (self);
}

/* Public API */

guint
ks_raci_page_get_n_checks (KsRaciPage *self)
{
  g_return_val_if_fail (KS_IS_RACI_PAGE (self), 0);
  return self->n_checks;
}

void
ks_raci_page_activate_check (KsRaciPage *self,
                             guint       index)
{
  GtkListBoxRow *row;

  g_return_if_fail (KS_IS_RACI_PAGE (self));

  row = index < self->n_checks ? gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->checks_list), index) : NULL;
  if (row)
    g_signal_emit_by_name (self->checks_list, "row-activated", row);
}

guint
ks_raci_page_show_column (KsRaciPage *self,
                          gint64      person_id,
                          const char *role)
{
  g_autoptr(GListModel) accounts = NULL;
  g_autofree char *title = NULL;
  guint n = 0;

  g_return_val_if_fail (KS_IS_RACI_PAGE (self), 0);

  if (person_id > 0)
    {
      KsWindow *win = window (self);

      if (win)
        {
          ks_window_set_page (win, "people");
          ks_window_select_person (win, person_id);
        }
      return 0;
    }
  if (!role || !self->workspace)
    return 0;

  /* A role: who holds it on which account, from each account's team. */
  ks_list_box_remove_rows (GTK_LIST_BOX (self->holders_list));
  accounts = ks_account_list (self->workspace, NULL);
  for (guint i = 0; accounts && i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (accounts, i);
      gint64 account_id = ks_account_get_id (account);
      g_autoptr(GListModel) team = NULL;
      g_autoptr(GString) people = g_string_new (NULL);

      if (self->for_account && account_id != self->account_id)
        continue;
      team = ks_team_member_list_for_account (self->workspace, account_id, NULL);
      for (guint j = 0; team && j < g_list_model_get_n_items (team); j++)
        {
          g_autoptr(KsTeamMember) member = g_list_model_get_item (team, j);
          const char *member_role = ks_team_member_get_role (member);
          g_autofree char *a = member_role ? g_utf8_casefold (member_role, -1) : NULL;
          g_autofree char *b = g_utf8_casefold (role, -1);

          if (a && g_str_equal (a, b))
            ks_string_append_part (people, ks_team_member_get_person_name (member));
        }
      if (people->len > 0)
        {
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *row_title = g_markup_escape_text (ks_account_get_name (account), -1);
          g_autofree char *subtitle = g_markup_escape_text (people->str, -1);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data (G_OBJECT (row), "account-id", GINT_TO_POINTER ((int) account_id));
          gtk_list_box_append (GTK_LIST_BOX (self->holders_list), row);
          n++;
        }
    }
  /* Translators: the side panel's heading over a role's holders, e.g. Who Holds “Sales coordinator” */
  title = g_strdup_printf (_("Who Holds “%s”"), role);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->holders_group), title);
  ks_list_box_set_placeholder_text (GTK_LIST_BOX (self->holders_list),
                                    _("Nobody: give the role to someone in an account’s team."));
  gtk_widget_set_visible (self->holders_group, TRUE);
  return n;
}
