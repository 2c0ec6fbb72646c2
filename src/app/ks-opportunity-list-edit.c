/* ks-opportunity-list-edit.c — editing opportunities in the Funnel view's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Value and close date are typed into one GtkText over the focused cell
 * (begin, commit or refuse with a message, cancel); stage and momentum are
 * picked from a popover menu of radio items over the cell, whose stateful
 * actions "opportunities.stage" (int64: a stage id) and
 * "opportunities.momentum" (int32: a KsMomentum) write the choice. Every
 * write is one core call (ks-funnel.h) and one undo step; the workspace's
 * change signal makes the model load the rows shown again.
 */
#define G_LOG_DOMAIN "ks-opportunity-list"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ks-app-util.h"
#include "ks-opportunity-list-private.h"

/* Helpers */

gboolean
_ks_opportunity_list_is_editable (guint column)
{
  return column == KS_OPPORTUNITY_COLUMN_STAGE || column == KS_OPPORTUNITY_COLUMN_VALUE ||
         column == KS_OPPORTUNITY_COLUMN_CLOSE_DATE || column == KS_OPPORTUNITY_COLUMN_MOMENTUM;
}

static gboolean
can_write (KsOpportunityList *self)
{
  return self->workspace && !ks_workspace_is_read_only (self->workspace);
}

static void
toast_error (KsOpportunityList *self,
             KsOpportunity     *o,
             const GError      *error)
{
  /* Translators: a failed edit in the opportunity list: "Could not change “OPP-7”: reason" */
  g_autofree char *text = g_strdup_printf (_("Could not change “%s”: %s"), ks_opportunity_get_ref (o),
                                           error->message);
  ks_widget_add_toast (GTK_WIDGET (self), text);
}

static GdkRectangle
focus_rect (KsOpportunityList *self)
{
  KsGridView view = _ks_opportunity_list_get_view (self);
  KsGridRect r;

  _ks_opportunity_list_ensure_layout (self);
  r = ks_grid_layout_get_cell_rect (self->layout, &view, self->focus_row, self->focus_column);
  return (GdkRectangle) { (int) r.x, (int) r.y, (int) r.width, (int) r.height };
}

void
_ks_opportunity_list_set_error (KsOpportunityList *self,
                                const char        *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  if (message)
    gtk_widget_add_css_class (self->editor, "error");
  else
    gtk_widget_remove_css_class (self->editor, "error");
  _ks_opportunity_list_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The choices */

static void
open_choices (KsOpportunityList *self,
              KsOpportunity     *o)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GdkRectangle rect;

  if (self->focus_column == KS_OPPORTUNITY_COLUMN_STAGE)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "stage");

      for (guint i = 0; i < self->stage_ids->len; i++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (g_ptr_array_index (self->stage_names, i), NULL);

          g_menu_item_set_action_and_target_value (item, "opportunities.stage",
                                                   g_variant_new_int64 (g_array_index (self->stage_ids, gint64, i)));
          g_menu_append_item (menu, item);
        }
      g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_int64 (ks_opportunity_get_stage_id (o)));
    }
  else
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "momentum");

      for (int m = KS_MOMENTUM_DEVELOPING; m <= KS_MOMENTUM_FADING; m++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (m == KS_MOMENTUM_DEVELOPING ? C_("momentum", "Developing")
                                                       : m == KS_MOMENTUM_STABLE ? C_("momentum", "Stable")
                                                       : C_("momentum", "Fading"), NULL);

          g_menu_item_set_action_and_target_value (item, "opportunities.momentum", g_variant_new_int32 (m));
          g_menu_append_item (menu, item);
        }
      g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                 g_variant_new_int32 (_ks_opportunity_list_momentum (self, o)));
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->choices), G_MENU_MODEL (menu));
  rect = focus_rect (self);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->choices), &rect);
  gtk_popover_popup (GTK_POPOVER (self->choices));
}

/* The focused opportunity, when the focus is still on the one the choices
 * were opened for. */
static KsOpportunity *
focused_item (KsOpportunityList *self)
{
  KsOpportunity *o = _ks_opportunity_list_get_item (self, self->focus_row);

  if (o && ks_opportunity_get_id (o) != self->focus_id)
    g_clear_object (&o);
  return o;
}

static void
on_stage_activate (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       data)
{
  KsOpportunityList *self = data;
  g_autoptr(KsOpportunity) o = focused_item (self);
  g_autoptr(GError) error = NULL;
  gint64 stage_id = g_variant_get_int64 (param);

  gtk_popover_popdown (GTK_POPOVER (self->choices));
  if (!o || !can_write (self) || stage_id == ks_opportunity_get_stage_id (o))
    return;
  g_simple_action_set_state (action, param);
  if (!ks_opportunity_move_to_stage (self->workspace, ks_opportunity_get_id (o), stage_id, NULL, &error))
    toast_error (self, o, error);
}

static void
on_momentum_activate (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       data)
{
  KsOpportunityList *self = data;
  g_autoptr(KsOpportunity) o = focused_item (self);
  g_autoptr(GError) error = NULL;
  KsMomentum momentum = g_variant_get_int32 (param);

  gtk_popover_popdown (GTK_POPOVER (self->choices));
  if (!o || !can_write (self) || momentum > KS_MOMENTUM_FADING ||
      momentum == _ks_opportunity_list_momentum (self, o))
    return;
  g_simple_action_set_state (action, param);
  if (!ks_opportunity_change_momentum (self->workspace, ks_opportunity_get_id (o), momentum, &error))
    toast_error (self, o, error);
}

static void
on_choices_closed (KsOpportunityList *self)
{
  if (gtk_widget_get_root (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Editing */

void
_ks_opportunity_list_begin_edit (KsOpportunityList *self,
                                 const char        *initial)
{
  g_autoptr(KsOpportunity) o = _ks_opportunity_list_get_item (self, self->focus_row);
  g_autofree char *text = NULL;
  gboolean typed = initial != NULL;

  if (!o || !can_write (self) || !_ks_opportunity_list_is_editable (self->focus_column) ||
      (self->focus_column == KS_OPPORTUNITY_COLUMN_MOMENTUM && ks_opportunity_get_outcome (o) != KS_OUTCOME_OPEN) ||
      (typed && (self->focus_column == KS_OPPORTUNITY_COLUMN_STAGE ||
                 self->focus_column == KS_OPPORTUNITY_COLUMN_MOMENTUM)))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  self->focus_id = ks_opportunity_get_id (o);
  _ks_opportunity_list_scroll_to_focus (self);
  if (self->focus_column == KS_OPPORTUNITY_COLUMN_STAGE || self->focus_column == KS_OPPORTUNITY_COLUMN_MOMENTUM)
    {
      open_choices (self, o);
      return;
    }
  text = typed ? g_strdup (initial) : _ks_opportunity_list_format_cell (self, o, self->focus_column);
  gtk_editable_set_alignment (GTK_EDITABLE (self->editor),
                              self->focus_column == KS_OPPORTUNITY_COLUMN_VALUE ? 1.0 : 0.0);
  gtk_text_set_input_purpose (GTK_TEXT (self->editor),
                              self->focus_column == KS_OPPORTUNITY_COLUMN_VALUE ? GTK_INPUT_PURPOSE_NUMBER
                                                                                : GTK_INPUT_PURPOSE_FREE_FORM);
  self->editing = TRUE;
  self->edit_typed = typed;
  _ks_opportunity_list_set_error (self, NULL);
  ks_grid_editor_show (self->editor, GTK_WIDGET (self), text, !typed);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
end_edit (KsOpportunityList *self)
{
  if (!self->editing)
    return;
  self->ending_edit = TRUE;
  self->editing = FALSE;
  _ks_opportunity_list_set_error (self, NULL);
  ks_grid_editor_hide (self->editor, GTK_WIDGET (self));
  self->ending_edit = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_ks_opportunity_list_cancel_edit (KsOpportunityList *self)
{
  end_edit (self);
}

/* Stores @text typed into the focused value or close date. */
static gboolean
store_text (KsOpportunityList  *self,
            KsOpportunity      *o,
            const char         *text,
            GError            **error)
{
  gint64 id = ks_opportunity_get_id (o);

  if (self->focus_column == KS_OPPORTUNITY_COLUMN_VALUE)
    {
      double value;
      gboolean empty;

      if (!ks_parse_number (text, &value, &empty))
        {
          /* Translators: a value typed into the opportunity list that is not a number */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is not a value for %s: use digits, such as 12500"), text, ks_opportunity_get_ref (o));
          return FALSE;
        }
      if (empty)
        value = NAN;
      if ((isnan (value) && isnan (ks_opportunity_get_value (o))) || value == ks_opportunity_get_value (o))
        return TRUE;
      return ks_opportunity_change_value (self->workspace, id, value, error);
    }
  else
    {
      g_autofree char *shown = _ks_opportunity_list_format_cell (self, o, self->focus_column);

      if (g_strcmp0 (text, shown) == 0)
        return TRUE;
      return ks_opportunity_change_close_date (self->workspace, id, *text ? text : NULL, error);
    }
}

gboolean
_ks_opportunity_list_commit_edit (KsOpportunityList *self)
{
  g_autoptr(KsOpportunity) o = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!self->editing)
    return TRUE;
  o = focused_item (self);
  if (!o || !can_write (self))
    {
      end_edit (self);
      return TRUE;
    }
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor))));
  if (!store_text (self, o, text, &error))
    {
      _ks_opportunity_list_set_error (self, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  end_edit (self);
  return TRUE;
}

void
_ks_opportunity_list_clear_focused (KsOpportunityList *self)
{
  g_autoptr(KsOpportunity) o = _ks_opportunity_list_get_item (self, self->focus_row);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!o || !can_write (self) ||
      (self->focus_column != KS_OPPORTUNITY_COLUMN_VALUE && self->focus_column != KS_OPPORTUNITY_COLUMN_CLOSE_DATE))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (self->focus_column == KS_OPPORTUNITY_COLUMN_VALUE)
    ok = isnan (ks_opportunity_get_value (o)) ||
         ks_opportunity_change_value (self->workspace, ks_opportunity_get_id (o), NAN, &error);
  else
    ok = ks_opportunity_change_close_date (self->workspace, ks_opportunity_get_id (o), NULL, &error);
  if (!ok)
    toast_error (self, o, error);
}

static void
on_editor_focus_leave (KsOpportunityList *self)
{
  if (!self->editing || self->ending_edit)
    return;
  /* clicking elsewhere commits, as in a spreadsheet; a refused value stays */
  _ks_opportunity_list_commit_edit (self);
}

void
_ks_opportunity_list_allocate_popovers (KsOpportunityList *self)
{
  if (gtk_widget_get_visible (self->choices))
    gtk_popover_present (GTK_POPOVER (self->choices));
  if (gtk_widget_get_visible (self->menu))
    gtk_popover_present (GTK_POPOVER (self->menu));
}

void
_ks_opportunity_list_init_edit (KsOpportunityList *self)
{
  const GActionEntry entries[] = {
    { "stage", on_stage_activate, "x", "int64 0", NULL, { 0 } },
    { "momentum", on_momentum_activate, "i", "0", NULL, { 0 } },
  };

  self->editor = ks_grid_editor_new (GTK_WIDGET (self), _("Cell"), G_CALLBACK (on_editor_focus_leave));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->editor), 6);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "opportunities", G_ACTION_GROUP (self->actions));

  self->choices = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_position (GTK_POPOVER (self->choices), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->choices, GTK_WIDGET (self));
  g_signal_connect_swapped (self->choices, "closed", G_CALLBACK (on_choices_closed), self);
}
