/* ks-scores-grid-edit.c — writing scores from the scores grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cell editor (one GtkText over the focused cell: begin, commit or
 * refuse with a message, cancel), clearing a score, and the explanation
 * popover. Every write is one ks_score_set() call and one undo step; the
 * table row in memory is updated at once, so the weighted score follows.
 */
#define G_LOG_DOMAIN "ks-scores-grid"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ks-app-util.h"
#include "ks-scores-grid-private.h"

/* Helpers */

static gint64
shown_period (KsScoresGrid *self)
{
  return self->table ? self->table->period_id : self->period_id;
}

/* The period to write into, created when there is none yet (inside the
 * caller's begin/commit pair). */
static gint64
period_for_writing (KsScoresGrid  *self,
                    GError       **error)
{
  g_autofree char *name = NULL;
  gint64 id = shown_period (self);

  if (id > 0)
    return id;
  name = ks_scores_default_period (self->workspace);
  return ks_period_ensure (self->workspace, name, TRUE, error);
}

/* One user action: the score (NaN clears) and, unless NULL, the explanation. */
static gboolean
store_score (KsScoresGrid   *self,
             KsAccountScore *acc,
             guint           column,
             double          score,
             const char     *explanation,
             GError        **error)
{
  KsCriterion *crit = criterion_at (self, column);
  gboolean new_period = shown_period (self) <= 0;
  gint64 period;
  gboolean ok;

  g_return_val_if_fail (crit != NULL, FALSE);

  if (!ks_workspace_begin (self->workspace, _("Change Score"), error))
    return FALSE;
  self->own_edit = TRUE;
  ok = (period = period_for_writing (self, error)) > 0 &&
       ks_score_set (self->workspace, acc->account_id, period, crit->id, score, explanation, error);
  if (ok)
    ok = ks_workspace_commit (self->workspace, error);
  else
    ks_workspace_rollback (self->workspace);
  self->own_edit = FALSE;
  if (!ok)
    return FALSE;

  if (new_period)
    self->table->period_id = period;
  acc->scores[column - 1] = score;
  if (isnan (score))
    explanation = "";
  if (explanation)
    {
      g_free (acc->explanations[column - 1]);
      acc->explanations[column - 1] = g_strdup (explanation);
    }
  ks_score_table_update_row (self->table, acc);
  _ks_scores_grid_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

void
_ks_scores_grid_set_error (KsScoresGrid *self,
                           const char   *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  if (message)
    gtk_widget_add_css_class (self->editor, "error");
  else
    gtk_widget_remove_css_class (self->editor, "error");
  _ks_scores_grid_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Editing */

void
_ks_scores_grid_begin_edit (KsScoresGrid *self,
                            const char   *initial,
                            gboolean      typed)
{
  KsAccountScore *acc = row_at (self, self->focus_row);
  char text[64];

  if (!acc || !is_score_column (self, self->focus_column) || !self->workspace ||
      ks_workspace_is_read_only (self->workspace))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (initial)
    g_strlcpy (text, initial, sizeof text);
  else
    _ks_scores_grid_format_score (acc->scores[self->focus_column - 1], text, sizeof text);

  self->editing = TRUE;
  self->edit_typed = typed;
  _ks_scores_grid_set_error (self, NULL);
  _ks_scores_grid_scroll_to_focus (self);
  ks_grid_editor_show (self->editor, GTK_WIDGET (self), text, !typed);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
end_edit (KsScoresGrid *self)
{
  if (!self->editing)
    return;
  self->ending_edit = TRUE;
  self->editing = FALSE;
  _ks_scores_grid_set_error (self, NULL);
  ks_grid_editor_hide (self->editor, GTK_WIDGET (self));
  self->ending_edit = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_ks_scores_grid_cancel_edit (KsScoresGrid *self)
{
  end_edit (self);
}

/* Stores what the editor holds; TRUE when it was stored (or unchanged) and
 * the edit ended, FALSE when refused (the text stays, with a message). */
gboolean
_ks_scores_grid_commit_edit (KsScoresGrid *self)
{
  KsAccountScore *acc = row_at (self, self->focus_row);
  const char *text;
  g_autoptr(GError) error = NULL;
  gboolean empty;
  double value, old;

  if (!self->editing)
    return TRUE;
  if (!acc || !is_score_column (self, self->focus_column))
    {
      _ks_scores_grid_cancel_edit (self);
      return TRUE;
    }
  text = gtk_editable_get_text (GTK_EDITABLE (self->editor));
  if (!ks_parse_number (text, &value, &empty) || (!empty && !(value >= 0 && value <= 100)))
    {
      _ks_scores_grid_set_error (self, _("Scores are 0–100"));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  old = acc->scores[self->focus_column - 1];
  if ((empty && isnan (old)) || (!empty && value == old))
    {
      end_edit (self);
      return TRUE;
    }
  if (!store_score (self, acc, self->focus_column, empty ? NAN : value, NULL, &error))
    {
      _ks_scores_grid_set_error (self, error->message);
      return FALSE;
    }
  end_edit (self);
  return TRUE;
}

void
_ks_scores_grid_clear_focused (KsScoresGrid *self)
{
  KsAccountScore *acc = row_at (self, self->focus_row);
  g_autoptr(GError) error = NULL;

  if (!acc || !is_score_column (self, self->focus_column) || !self->workspace ||
      ks_workspace_is_read_only (self->workspace))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (isnan (acc->scores[self->focus_column - 1]))
    return;
  if (!store_score (self, acc, self->focus_column, NAN, NULL, &error))
    _ks_scores_grid_set_error (self, error->message);
}

static void
on_editor_changed (KsScoresGrid *self)
{
  /* the message stays until the value is corrected and committed, but
   * the accessible text follows */
  if (self->editing)
    _ks_scores_grid_update_accessible (self);
}

static void
on_editor_focus_leave (KsScoresGrid *self)
{
  if (!self->editing || self->ending_edit)
    return;
  /* clicking elsewhere commits, as in a spreadsheet; a refused value stays */
  _ks_scores_grid_commit_edit (self);
}

/* Explanation popover */

void
_ks_scores_grid_popover_update_position (KsScoresGrid *self)
{
  KsGridView view;
  KsGridRect r;

  if (!self->layout || self->rows->len == 0)
    return;
  view = _ks_scores_grid_get_view (self);
  r = ks_grid_layout_get_cell_rect (self->layout, &view, self->focus_row, self->focus_column);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                               &(GdkRectangle) { (int) r.x, (int) r.y, (int) r.width, (int) r.height });
}

gboolean
_ks_scores_grid_open_explanation (KsScoresGrid *self)
{
  KsAccountScore *acc = row_at (self, self->focus_row);
  KsCriterion *crit = criterion_at (self, self->focus_column);
  GtkTextBuffer *buffer;
  g_autofree char *title = NULL;
  gboolean scored;

  if (!acc || !crit)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  if (self->editing && !_ks_scores_grid_commit_edit (self))
    return FALSE;

  scored = !isnan (acc->scores[self->focus_column - 1]);
  self->popover_account = acc->account_id;
  self->popover_criterion = crit->id;
  g_free (self->popover_original);
  self->popover_original = g_strdup (acc->explanations[self->focus_column - 1]);

  /* Translators: the explanation popover's title: account — criterion */
  title = g_strdup_printf (_("%s — %s"), acc->account, crit->name);
  gtk_label_set_text (GTK_LABEL (self->popover_title), title);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->popover_text));
  gtk_text_buffer_set_text (buffer, self->popover_original, -1);
  gtk_widget_set_sensitive (self->popover_text, scored && !ks_workspace_is_read_only (self->workspace));
  gtk_label_set_text (GTK_LABEL (self->popover_hint),
                      scored ? _("Why this score? Saved when the popover closes.")
                             : _("Give a score first: an explanation belongs to a score."));

  _ks_scores_grid_ensure_layout (self);
  _ks_scores_grid_scroll_to_focus (self);
  _ks_scores_grid_popover_update_position (self);
  gtk_popover_popup (GTK_POPOVER (self->popover));
  if (scored)
    gtk_widget_grab_focus (self->popover_text);
  return TRUE;
}

static void
on_popover_closed (KsScoresGrid *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->popover_text));
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *trimmed = NULL;
  g_autoptr(GError) error = NULL;
  KsAccountScore *acc;
  int row;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  trimmed = g_strstrip (g_strdup (text));
  if (!self->workspace || !self->table)
    return;
  row = ks_scores_grid_find_row (self, self->popover_account);
  acc = row >= 0 ? row_at (self, (guint) row) : NULL;

  if (acc && self->popover_original && g_strcmp0 (trimmed, self->popover_original) != 0)
    {
      guint column = NO_CELL;

      for (guint c = 1; c <= n_criteria (self); c++)
        if (criterion_at (self, c)->id == self->popover_criterion)
          column = c;
      if (column != NO_CELL && !isnan (acc->scores[column - 1]) &&
          !store_score (self, acc, column, acc->scores[column - 1], trimmed, &error))
        _ks_scores_grid_set_error (self, error->message);
    }
  g_clear_pointer (&self->popover_original, g_free);
  self->popover_account = 0;
  self->popover_criterion = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_popover_visible (KsScoresGrid *self)
{
  if (!gtk_widget_get_visible (self->popover) && self->popover_account)
    on_popover_closed (self);
}

void
_ks_scores_grid_init_editor (KsScoresGrid *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *box, *scrolled;

  self->editor = ks_grid_editor_new (widget, _("Score"), G_CALLBACK (on_editor_focus_leave));
  gtk_editable_set_alignment (GTK_EDITABLE (self->editor), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->editor), 3);
  gtk_text_set_input_purpose (GTK_TEXT (self->editor), GTK_INPUT_PURPOSE_NUMBER);
  g_signal_connect_swapped (self->editor, "changed", G_CALLBACK (on_editor_changed), self);

  /* the explanation popover */
  self->popover = gtk_popover_new ();
  gtk_widget_set_parent (self->popover, widget);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->popover_title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->popover_title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->popover_title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->popover_title), 40);
  gtk_widget_add_css_class (self->popover_title, "heading");
  gtk_box_append (GTK_BOX (box), self->popover_title);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 96);
  gtk_widget_add_css_class (scrolled, "card");
  self->popover_text = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->popover_text), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->popover_text), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->popover_text), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->popover_text), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->popover_text), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->popover_text), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->popover_text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Explanation"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->popover_text);
  gtk_box_append (GTK_BOX (box), scrolled);
  self->popover_hint = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->popover_hint), 0);
  gtk_label_set_wrap (GTK_LABEL (self->popover_hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->popover_hint), 40);
  gtk_widget_add_css_class (self->popover_hint, "dim-label");
  gtk_widget_add_css_class (self->popover_hint, "caption");
  gtk_box_append (GTK_BOX (box), self->popover_hint);
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  /* "visible", not "closed": a popover hidden before it was ever mapped
   * emits no "closed" */
  g_signal_connect_swapped (self->popover, "notify::visible", G_CALLBACK (on_popover_visible), self);
}
