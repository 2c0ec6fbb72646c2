/* ks-plan-field-editor.c — the row that edits one field of the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every section of the plan page edits its fields with these: an entry row
 * (text, number, percent, date with a calendar), a text view (long text,
 * saved a second after the typing stops), a switch, a combo row (choices,
 * people, contacts, products). A value is saved at once through
 * ks_plan_set_field() / ks_plan_set_item_field(), one undo step; a value
 * that does not parse is refused at the row and nothing is stored. Typed
 * values are saved only over the value the user started from (an item's
 * through ks_plan_set_item_field_at()): another user's change meanwhile is
 * shown at the row, and Enter again replaces it.
 */
#define G_LOG_DOMAIN "ks-plan-page"

#include "config.h"

#include "ks-plan-field-editor.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ks-app-util.h"
#include "ks-field-rows.h"

#define LONG_TEXT_SAVE_DELAY_MS 1000

static char *
value_to_text (const KsPlanField *field,
               const KsPlanValue *value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  switch (field->kind)
    {
    case KS_PLAN_KIND_NUMBER:
    case KS_PLAN_KIND_PERCENT:
      if (isnan (value->number))
        return g_strdup ("");
      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", value->number));
    case KS_PLAN_KIND_TEXT:
    case KS_PLAN_KIND_LONG_TEXT:
    case KS_PLAN_KIND_DATE:
    case KS_PLAN_KIND_CHOICE:
    case KS_PLAN_KIND_BOOL:
    case KS_PLAN_KIND_PERSON:
    case KS_PLAN_KIND_CONTACT:
    case KS_PLAN_KIND_PRODUCT:
    default:
      return g_strdup (ks_plan_nonnull (value->text));
    }
}

static const KsPlanValue *
editor_stored (KsPlanFieldEditor *ed)
{
  KsPlanContext *ctx = ed->ctx;

  if (!ctx->plan)
    return NULL;
  if (!ed->ref)
    return &ctx->plan->values[ed->index];
  return ed->ref->item ? &ed->ref->item->values[ed->index] : NULL;
}

/* The field's text as stored now, read again: another user may have saved
 * it since the page read the plan (a file tells no one; a server within a
 * second). NULL when it cannot be read. */
static char *
editor_fresh_text (KsPlanFieldEditor *ed)
{
  KsPlanContext *ctx = ed->ctx;
  g_autoptr(GError) error = NULL;
  KsPlan *plan = ks_plan_load (ctx->workspace, ctx->account_id, &error);
  char *text = NULL;

  if (!plan)
    {
      g_warning ("Could not read the plan again: %s", error ? error->message : "?");
      return NULL;
    }
  if (!ed->ref)
    text = value_to_text (ed->field, &plan->values[ed->index]);
  else
    for (guint i = 0; i < plan->items[ed->ref->list]->len && !text; i++)
      {
        KsPlanItem *item = g_ptr_array_index (plan->items[ed->ref->list], i);

        if (item->id == ed->ref->id)
          text = value_to_text (ed->field, &item->values[ed->index]);
      }
  ks_plan_free (plan);
  return text;
}

/* Saves what the user typed in an entry row, only over the value they
 * started from (ed->loaded): a field of the plan is read again and
 * compared; an item is saved over the version the page read
 * (ks_plan_set_item_field_at), and when another user saved the item since,
 * this field is read again: unchanged (they changed another field), it is
 * saved over their version; changed, the row says so with their value and
 * keeps the text, and Enter again replaces theirs. */
static gboolean
entry_save (KsPlanFieldEditor *ed,
            const KsPlanValue *value)
{
  KsPlanContext *ctx = ed->ctx;
  AdwEntryRow *row = ADW_ENTRY_ROW (ed->row);
  const KsPlanValue *stored = editor_stored (ed);
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  if (!ed->ref)
    {
      g_autofree char *fresh = editor_fresh_text (ed);
      g_autofree char *mine = value_to_text (ed->field, value);

      if (fresh && !ks_field_row_check_base (row, &ed->loaded, fresh))
        return FALSE;
      if (fresh ? g_strcmp0 (fresh, mine) == 0 : ks_plan_value_equal (ed->field, stored, value))
        return TRUE;
      /* the page reloads inside the save: the row then shows the value as
       * stored, which is this save's, not another user's */
      ks_field_row_set_saving (row, TRUE);
      ok = ks_plan_set_field (ctx->workspace, ctx->account_id, ed->field->key, value, &error);
      ks_field_row_set_saving (row, FALSE);
    }
  else
    {
      /* a copy: the reload inside the save frees the item it comes from */
      gint64 version = ed->ref->item->version;

      if (ks_plan_value_equal (ed->field, stored, value))
        return TRUE;
      for (guint attempt = 0; attempt < 2; attempt++)
        {
          g_autofree char *fresh = NULL;

          g_clear_error (&error);
          ks_field_row_set_saving (row, TRUE);
          ok = ks_plan_set_item_field_at (ctx->workspace, ed->ref->list, ed->ref->id, &version,
                                          ed->field->key, value, &error);
          ks_field_row_set_saving (row, FALSE);
          if (ok || attempt > 0 ||
              !g_error_matches (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT) ||
              !(fresh = editor_fresh_text (ed)))
            break;
          /* refused: version is now the item's, so saving again replaces
           * theirs; that is for the user to say when this field changed */
          if (!ks_field_row_check_base (row, &ed->loaded, fresh))
            return FALSE;
        }
    }
  if (!ok)
    ks_field_row_show_refusal (row, error);
  return ok;
}

static gboolean
editor_save (KsPlanFieldEditor *ed,
             const KsPlanValue *value)
{
  KsPlanContext *ctx = ed->ctx;
  const KsPlanValue *stored = editor_stored (ed);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!ctx->workspace || ctx->account_id <= 0 || !stored)
    return FALSE;
  if (ADW_IS_ENTRY_ROW (ed->row))
    return entry_save (ed, value);
  if (ks_plan_value_equal (ed->field, stored, value))
    return TRUE;
  if (ed->ref)
    ok = ks_plan_set_item_field (ctx->workspace, ed->ref->list, ed->ref->id,
                                 ed->field->key, value, &error);
  else
    ok = ks_plan_set_field (ctx->workspace, ctx->account_id, ed->field->key, value, &error);
  if (!ok)
    ks_plan_context_show_error (ctx, _("Could Not Save the Plan"), error);
  return ok;
}

/* Entry rows: TEXT, NUMBER, PERCENT, DATE */

static gboolean
entry_parse (KsPlanFieldEditor *ed,
             KsPlanValue       *value)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (ed->row));

  /* ks_plan_value_parse() fills @value on success, overwriting it: no text to leak */
  value->text = NULL;
  value->number = NAN;
  value->id = 0;
  if (!ks_plan_value_parse (ed->field, text, value, &error) ||
      !ks_plan_value_validate (ed->field, value, &error))
    {
      ks_plan_value_clear (value);
      ks_field_row_set_error (ADW_ENTRY_ROW (ed->row), error->message);
      return FALSE;
    }
  /* a valid value: another user's change, if shown, stays said */
  ks_field_row_set_error (ADW_ENTRY_ROW (ed->row), NULL);
  return TRUE;
}

static void
entry_apply (KsPlanFieldEditor *ed)
{
  KsPlanValue value;

  if (ed->ctx->updating)
    return;
  if (!entry_parse (ed, &value))
    return;   /* QUALITY.md §1: say why at the field, store nothing, keep the text */
  editor_save (ed, &value);
  ks_plan_value_clear (&value);
}

static void
on_entry_apply (AdwEntryRow       *row,
                KsPlanFieldEditor *ed)
{
  entry_apply (ed);
}

static void
on_entry_changed (AdwEntryRow       *row,
                  KsPlanFieldEditor *ed)
{
  KsPlanValue value;

  if (ed->ctx->updating)
    return;
  /* numbers and dates are checked as they are typed */
  if (ed->field->kind == KS_PLAN_KIND_TEXT && !ks_row_has_error (ADW_PREFERENCES_ROW (row)))
    return;
  if (entry_parse (ed, &value))
    ks_plan_value_clear (&value);
}

static void
on_entry_focus_leave (GtkEventControllerFocus *focus,
                      KsPlanFieldEditor       *ed)
{
  /* another user's change shown at the row is replaced by Enter only, not
   * by moving on */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (ed->row)), ks_plan_nonnull (ed->loaded)) != 0 &&
      !ks_field_row_has_conflict (ADW_ENTRY_ROW (ed->row)))
    entry_apply (ed);
}

static void
on_day_selected (GtkCalendar       *calendar,
                 KsPlanFieldEditor *ed)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  if (ed->ctx->updating)
    return;
  gtk_editable_set_text (GTK_EDITABLE (ed->row), iso);
  gtk_popover_popdown (GTK_POPOVER (ed->popover));
  entry_apply (ed);
}

static void
on_calendar_show (GtkPopover        *popover,
                  KsPlanFieldEditor *ed)
{
  g_autoptr(GDateTime) date = ks_plan_parse_iso_date (gtk_editable_get_text (GTK_EDITABLE (ed->row)));
  gboolean was = ed->ctx->updating;

  ed->ctx->updating = TRUE;
  if (!date)
    date = g_date_time_new_now_local ();
  gtk_calendar_select_day (GTK_CALENDAR (ed->calendar), date);
  ed->ctx->updating = was;
}

/* Text views: LONG_TEXT */

static char *
text_view_get_text (KsPlanFieldEditor *ed)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ed->widget));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
ks_plan_field_editor_save_text (KsPlanFieldEditor *ed)
{
  KsPlanValue value;

  g_clear_handle_id (&ed->save_id, g_source_remove);
  if (!ed->dirty)
    return;
  ed->dirty = FALSE;
  ks_plan_value_init (&value);
  g_free (value.text);
  value.text = text_view_get_text (ed);
  editor_save (ed, &value);
  ks_plan_value_clear (&value);
}

static gboolean
text_save_cb (gpointer data)
{
  KsPlanFieldEditor *ed = data;

  ed->save_id = 0;
  ks_plan_field_editor_save_text (ed);
  return G_SOURCE_REMOVE;
}

static void
on_text_changed (GtkTextBuffer     *buffer,
                 KsPlanFieldEditor *ed)
{
  if (ed->ctx->updating)
    return;
  ed->dirty = TRUE;
  g_clear_handle_id (&ed->save_id, g_source_remove);
  ed->save_id = g_timeout_add (LONG_TEXT_SAVE_DELAY_MS, text_save_cb, ed);
}

static void
on_text_focus_leave (GtkEventControllerFocus *focus,
                     KsPlanFieldEditor       *ed)
{
  ks_plan_field_editor_save_text (ed);
}

/* Switches, combo rows */

static void
on_switch_active (GtkSwitch         *sw,
                  GParamSpec        *pspec,
                  KsPlanFieldEditor *ed)
{
  KsPlanValue value;

  if (ed->ctx->updating)
    return;
  ks_plan_value_init (&value);
  value.number = gtk_switch_get_active (sw) ? 1 : 0;
  editor_save (ed, &value);
  ks_plan_value_clear (&value);
}

static void
on_combo_selected (AdwComboRow       *row,
                   GParamSpec        *pspec,
                   KsPlanFieldEditor *ed)
{
  const KsPlanValue *stored = editor_stored (ed);
  guint pos = adw_combo_row_get_selected (row);
  KsPlanValue value;

  if (ed->ctx->updating || !stored)
    return;
  ks_plan_value_init (&value);
  if (ed->field->kind == KS_PLAN_KIND_CHOICE)
    {
      if (pos == GTK_INVALID_LIST_POSITION || pos > g_strv_length ((char **) ed->field->choices))
        return;
      g_free (value.text);
      value.text = g_strdup (pos == 0 ? "" : ed->field->choices[pos - 1]);
    }
  else if (!ks_id_combo_row_get_change (row, ed->ids, stored->id, &value.id))
    {
      ks_plan_value_clear (&value);
      return;
    }
  editor_save (ed, &value);
  ks_plan_value_clear (&value);
}

void
ks_plan_field_editor_fill_references (KsPlanFieldEditor *ed)
{
  KsItemIdFunc get_id;
  KsItemNameFunc get_name;
  const KsPlanValue *stored = editor_stored (ed);
  GListModel *model = ks_plan_context_reference_model (ed->ctx, ed->field->kind, &get_id, &get_name);
  gboolean was = ed->ctx->updating;

  ed->ctx->updating = TRUE;
  ks_id_combo_row_fill (ADW_COMBO_ROW (ed->row), ed->ids, model, get_id, get_name,
                        NULL, NULL, stored ? stored->id : 0);
  ed->ctx->updating = was;
}

/* Selects the stored reference in the combo row as it is; FALSE when the
 * row has to be filled first. Refilling the row's model from inside its own
 * "notify::selected" (a pick saved, the plan reloaded) would free the
 * selection model in the middle of its own emission. */
static gboolean
editor_select_reference (KsPlanFieldEditor *ed)
{
  const KsPlanValue *stored = editor_stored (ed);

  if (!stored || !ed->ids || ed->ids->len == 0)
    return FALSE;
  for (guint i = 0; i < ed->ids->len; i++)
    if (g_array_index (ed->ids, gint64, i) == stored->id)
      {
        if (adw_combo_row_get_selected (ADW_COMBO_ROW (ed->row)) != i)
          adw_combo_row_set_selected (ADW_COMBO_ROW (ed->row), i);
        return TRUE;
      }
  return FALSE;
}

void
ks_plan_field_editor_show (KsPlanFieldEditor *ed,
                           gboolean           replace)
{
  KsPlanContext *ctx = ed->ctx;
  const KsPlanValue *stored = editor_stored (ed);
  gboolean was = ctx->updating;

  if (!stored)
    return;
  ctx->updating = TRUE;
  switch (ed->field->kind)
    {
    case KS_PLAN_KIND_TEXT:
    case KS_PLAN_KIND_NUMBER:
    case KS_PLAN_KIND_PERCENT:
    case KS_PLAN_KIND_DATE:
      {
        g_autofree char *text = value_to_text (ed->field, stored);

        ks_field_row_show_value (ADW_ENTRY_ROW (ed->row), &ed->loaded, text, replace, &ctx->updating);
      }
      break;
    case KS_PLAN_KIND_LONG_TEXT:
      {
        g_autofree char *current = text_view_get_text (ed);

        if (replace || !ed->dirty || g_strcmp0 (current, ks_plan_nonnull (ed->loaded)) == 0)
          {
            if (g_strcmp0 (current, stored->text) != 0)
              gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (ed->widget)),
                                        stored->text, -1);
            ed->dirty = FALSE;
            g_clear_handle_id (&ed->save_id, g_source_remove);
          }
        g_free (ed->loaded);
        ed->loaded = g_strdup (stored->text);
      }
      break;
    case KS_PLAN_KIND_BOOL:
      gtk_switch_set_active (GTK_SWITCH (ed->widget), stored->number != 0 && !isnan (stored->number));
      break;
    case KS_PLAN_KIND_CHOICE:
      {
        guint pos = 0;

        for (guint i = 0; ed->field->choices[i]; i++)
          if (g_strcmp0 (ed->field->choices[i], stored->text) == 0)
            pos = i + 1;
        adw_combo_row_set_selected (ADW_COMBO_ROW (ed->row), pos);
      }
      break;
    case KS_PLAN_KIND_PERSON:
    case KS_PLAN_KIND_CONTACT:
    case KS_PLAN_KIND_PRODUCT:
      if (!editor_select_reference (ed))
        ks_plan_field_editor_fill_references (ed);
      break;
    default:
      g_assert_not_reached ();
    }
  ctx->updating = was;
}

void
ks_plan_field_editor_free (gpointer data)
{
  KsPlanFieldEditor *ed = data;

  g_clear_handle_id (&ed->save_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (ed->row, ed);
  if (ed->focus)
    g_signal_handlers_disconnect_by_data (ed->focus, ed);
  if (ed->widget)
    {
      g_signal_handlers_disconnect_by_data (ed->widget, ed);
      if (GTK_IS_TEXT_VIEW (ed->widget))
        g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (GTK_TEXT_VIEW (ed->widget)), ed);
    }
  if (ed->calendar)
    g_signal_handlers_disconnect_by_data (ed->calendar, ed);
  if (ed->popover)
    g_signal_handlers_disconnect_by_data (ed->popover, ed);
  g_clear_pointer (&ed->ids, g_array_unref);
  g_free (ed->loaded);
  g_free (ed);
}

static void
add_focus_leave (GtkWidget         *widget,
                 GCallback          callback,
                 KsPlanFieldEditor *ed)
{
  ed->focus = gtk_event_controller_focus_new ();
  g_signal_connect (ed->focus, "leave", callback, ed);
  gtk_widget_add_controller (widget, ed->focus);
}

KsPlanFieldEditor *
ks_plan_field_editor_new (KsPlanContext     *ctx,
                          const KsPlanField *field,
                          guint              index,
                          KsPlanItemRef     *ref)
{
  KsPlanFieldEditor *ed = g_new0 (KsPlanFieldEditor, 1);
  const char *label = _(field->label);
  const char *hint = field->hint ? _(field->hint) : NULL;

  ed->ctx = ctx;
  ed->field = field;
  ed->index = index;
  ed->ref = ref;

  switch (field->kind)
    {
    case KS_PLAN_KIND_TEXT:
    case KS_PLAN_KIND_NUMBER:
    case KS_PLAN_KIND_PERCENT:
    case KS_PLAN_KIND_DATE:
      ed->row = adw_entry_row_new ();
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (ed->row), TRUE);
      if (field->kind == KS_PLAN_KIND_NUMBER || field->kind == KS_PLAN_KIND_PERCENT)
        gtk_editable_set_alignment (GTK_EDITABLE (ed->row), 0);
      g_signal_connect (ed->row, "apply", G_CALLBACK (on_entry_apply), ed);
      g_signal_connect (ed->row, "changed", G_CALLBACK (on_entry_changed), ed);
      add_focus_leave (ed->row, G_CALLBACK (on_entry_focus_leave), ed);
      if (field->kind == KS_PLAN_KIND_DATE)
        {
          GtkWidget *button = gtk_menu_button_new ();

          ed->calendar = gtk_calendar_new ();
          ed->popover = gtk_popover_new ();
          gtk_popover_set_child (GTK_POPOVER (ed->popover), ed->calendar);
          gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), ed->popover);
          gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("Pick a Date"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a Date"), -1);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (ed->row), button);
          g_signal_connect (ed->calendar, "day-selected", G_CALLBACK (on_day_selected), ed);
          g_signal_connect (ed->popover, "show", G_CALLBACK (on_calendar_show), ed);
          if (!hint)
            hint = _("A date: YYYY-MM-DD");
        }
      if (hint)
        gtk_widget_set_tooltip_text (ed->row, hint);
      break;

    case KS_PLAN_KIND_LONG_TEXT:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
        GtkWidget *title = gtk_label_new (label);
        GtkTextBuffer *buffer;

        ed->row = g_object_new (ADW_TYPE_PREFERENCES_ROW, "activatable", FALSE, "focusable", FALSE, NULL);
        gtk_widget_add_css_class (ed->row, "plan-text-row");
        gtk_box_append (GTK_BOX (box), title);
        gtk_label_set_xalign (GTK_LABEL (title), 0);
        gtk_label_set_wrap (GTK_LABEL (title), TRUE);
        gtk_widget_add_css_class (title, "plan-text-title");
        if (hint)
          {
            GtkWidget *hint_label = gtk_label_new (hint);

            gtk_label_set_xalign (GTK_LABEL (hint_label), 0);
            gtk_label_set_wrap (GTK_LABEL (hint_label), TRUE);
            gtk_widget_add_css_class (hint_label, "dim-label");
            gtk_widget_add_css_class (hint_label, "caption");
            gtk_box_append (GTK_BOX (box), hint_label);
          }
        ed->widget = gtk_text_view_new ();
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (ed->widget), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (ed->widget), FALSE);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (ed->widget), 8);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (ed->widget), 8);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (ed->widget), 10);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (ed->widget), 10);
        gtk_widget_set_size_request (ed->widget, -1, 64);
        gtk_widget_add_css_class (ed->widget, "card");
        gtk_widget_add_css_class (ed->widget, "notes");
        gtk_accessible_update_property (GTK_ACCESSIBLE (ed->widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, ks_plan_nonnull (hint),
                                        -1);
        gtk_box_append (GTK_BOX (box), ed->widget);
        gtk_widget_set_margin_top (box, 10);
        gtk_widget_set_margin_bottom (box, 12);
        gtk_widget_set_margin_start (box, 12);
        gtk_widget_set_margin_end (box, 12);
        gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (ed->row), box);
        buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ed->widget));
        g_signal_connect (buffer, "changed", G_CALLBACK (on_text_changed), ed);
        add_focus_leave (ed->widget, G_CALLBACK (on_text_focus_leave), ed);
      }
      break;

    case KS_PLAN_KIND_BOOL:
      ed->row = adw_action_row_new ();
      ed->widget = gtk_switch_new ();
      gtk_widget_set_valign (ed->widget, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (ed->row), ed->widget);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (ed->row), ed->widget);
      if (hint)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (ed->row), hint);
      g_signal_connect (ed->widget, "notify::active", G_CALLBACK (on_switch_active), ed);
      break;

    case KS_PLAN_KIND_CHOICE:
      {
        g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

        gtk_string_list_append (labels, _("Not set"));
        for (guint i = 0; field->choices[i]; i++)
          gtk_string_list_append (labels, _(field->choice_labels[i]));
        ed->row = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (ed->row), G_LIST_MODEL (labels));
        if (hint)
          adw_action_row_set_subtitle (ADW_ACTION_ROW (ed->row), hint);
        g_signal_connect (ed->row, "notify::selected", G_CALLBACK (on_combo_selected), ed);
      }
      break;

    case KS_PLAN_KIND_PERSON:
    case KS_PLAN_KIND_CONTACT:
    case KS_PLAN_KIND_PRODUCT:
      ed->row = adw_combo_row_new ();
      ed->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (hint)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (ed->row), hint);
      g_signal_connect (ed->row, "notify::selected", G_CALLBACK (on_combo_selected), ed);
      break;

    default:
      g_assert_not_reached ();
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ed->row), label);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (ed->row), FALSE);
  g_object_set (ed->row, "use-markup", FALSE, NULL);
  return ed;
}

GtkWidget *
ks_plan_field_editor_focus_widget (KsPlanFieldEditor *ed)
{
  if (GTK_IS_TEXT_VIEW (ed->widget))
    return ed->widget;
  return ed->row;
}
