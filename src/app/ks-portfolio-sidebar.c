/* ks-portfolio-sidebar.c — the portfolio page's sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What applies to every view of the portfolio page: the review period and
 * the one to compare with, whose accounts (a key account manager's, a
 * segment), the revenue source, the matrix's preset, axes and colours, and
 * the accounts that changed quadrant. The window shows it in its sidebar
 * (ks_portfolio_page_get_sidebar); the rows whose choices come from the
 * workspace are refilled after every reload.
 */
#define G_LOG_DOMAIN "ks-portfolio-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ks-account.h"
#include "ks-app-util.h"
#include "ks-person.h"
#include "ks-portfolio-page-private.h"
#include "ks-portfolio-view.h"
#include "ks-scores-grid.h"

/* ---- helpers ---- */

static GtkStringList *
combo_strings (GtkWidget *row)
{
  return GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (row)));
}

static void
combo_set_strings (GtkWidget         *row,
                   const char *const *strings,
                   guint              selected)
{
  GtkStringList *list = combo_strings (row);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  gtk_string_list_splice (list, 0, n, strings);
  if (selected < g_list_model_get_n_items (G_LIST_MODEL (list)))
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
}

static const char *
axis_choices[] = { "score", "revenue", "account-revenue", "employees" };

static char *
axis_choice_label (const char *choice)
{
  if (g_str_equal (choice, "score"))
    return g_strdup (_("Weighted score"));
  if (g_str_equal (choice, "revenue"))
    return g_strdup (_("Our revenue"));
  if (g_str_equal (choice, "account-revenue"))
    return g_strdup (_("Customer’s revenue"));
  if (g_str_equal (choice, "employees"))
    return g_strdup (_("Employees"));
  return g_strdup (choice);
}

/* The axis rows list the fixed choices, then every criterion. */
static char *
axis_at (KsPortfolioPage *self,
         guint            position)
{
  if (position < G_N_ELEMENTS (axis_choices))
    return g_strdup (axis_choices[position]);
  position -= G_N_ELEMENTS (axis_choices);
  if (self->criteria && position < self->criteria->len)
    return g_strdup (((KsCriterion *) g_ptr_array_index (self->criteria, position))->name);
  return g_strdup ("score");
}

static guint
axis_position (KsPortfolioPage *self,
               const char      *axis)
{
  for (guint i = 0; i < G_N_ELEMENTS (axis_choices); i++)
    if (g_str_equal (axis, axis_choices[i]))
      return i;
  if (self->criteria && ks_criteria_find (self->criteria, axis))
    for (guint i = 0; i < self->criteria->len; i++)
      if (g_ptr_array_index (self->criteria, i) == ks_criteria_find (self->criteria, axis))
        return G_N_ELEMENTS (axis_choices) + i;
  return 0;
}

static void
fill_axis_rows (KsPortfolioPage *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (axis_choices); i++)
    g_ptr_array_add (labels, axis_choice_label (axis_choices[i]));
  for (guint i = 0; self->criteria && i < self->criteria->len; i++)
    {
      KsCriterion *c = g_ptr_array_index (self->criteria, i);

      /* Translators: an axis choice, a criterion's score, e.g. "Score: Yield strength" */
      g_ptr_array_add (labels, g_strdup_printf (_("Score: %s"), c->name));
    }
  g_ptr_array_add (labels, NULL);
  combo_set_strings (self->x_row, (const char * const *) labels->pdata, axis_position (self, self->x_axis));
  combo_set_strings (self->y_row, (const char * const *) labels->pdata, axis_position (self, self->y_axis));
  gtk_widget_set_visible (self->x_row, self->preset == KS_PRESET_CUSTOM);
  gtk_widget_set_visible (self->y_row, self->preset == KS_PRESET_CUSTOM);
}

static guint
period_position (KsPortfolioPage *self,
                 gint64           id)
{
  for (guint i = 0; self->periods && i < self->periods->len; i++)
    if (((KsPeriod *) g_ptr_array_index (self->periods, i))->id == id)
      return i;
  return G_MAXUINT;
}

/* Fills the rows whose choices come from the workspace: periods, owners,
 * years, criteria. */
void
_ks_portfolio_page_fill_sidebar (KsPortfolioPage *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GArray) years = NULL;
  gint64 current = self->portfolio ? self->portfolio->period_id : 0;
  gint64 compare = self->portfolio ? self->portfolio->compare_id : 0;
  guint pos;

  self->filling = TRUE;

  g_clear_pointer (&self->periods, g_ptr_array_unref);
  self->periods = ks_period_list (self->workspace, &error);
  if (!self->periods)
    {
      g_warning ("%s", error->message);
      g_clear_error (&error);
      self->periods = g_ptr_array_new ();
    }
  for (guint i = 0; i < self->periods->len; i++)
    g_ptr_array_add (labels, g_strdup (((KsPeriod *) g_ptr_array_index (self->periods, i))->name));
  g_ptr_array_add (labels, NULL);
  pos = period_position (self, current);
  combo_set_strings (self->period_row, (const char * const *) labels->pdata, pos == G_MAXUINT ? 0 : pos);
  gtk_widget_set_sensitive (self->period_row, self->periods->len > 0);

  /* "None" first, then the periods */
  g_ptr_array_set_size (labels, 0);
  g_ptr_array_add (labels, g_strdup (_("None")));
  for (guint i = 0; i < self->periods->len; i++)
    g_ptr_array_add (labels, g_strdup (((KsPeriod *) g_ptr_array_index (self->periods, i))->name));
  g_ptr_array_add (labels, NULL);
  pos = compare ? period_position (self, compare) : G_MAXUINT;
  combo_set_strings (self->compare_row, (const char * const *) labels->pdata, pos == G_MAXUINT ? 0 : pos + 1);
  gtk_widget_set_sensitive (self->compare_row, self->periods->len > 1);

  /* owners: the people who own an account */
  g_ptr_array_set_size (labels, 0);
  g_array_set_size (self->owner_ids, 0);
  g_ptr_array_add (labels, g_strdup (_("Everyone")));
  people = ks_person_list (self->workspace, &error);
  pos = 0;
  if (people)
    {
      g_autoptr(GHashTable) owners = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr(GArray) owner_ids = ks_portfolio_owner_ids (self->workspace, NULL);

      for (guint i = 0; owner_ids && i < owner_ids->len; i++)
        g_hash_table_add (owners, &g_array_index (owner_ids, gint64, i));
      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(KsPerson) person = g_list_model_get_item (people, i);
          gint64 id = ks_person_get_id (person);

          if (!g_hash_table_contains (owners, &id))
            continue;
          g_array_append_val (self->owner_ids, id);
          g_ptr_array_add (labels, g_strdup (ks_person_get_name (person)));
          if (id == self->owner_id)
            pos = self->owner_ids->len;
        }
    }
  else
    g_clear_error (&error);
  g_ptr_array_add (labels, NULL);
  combo_set_strings (self->owner_row, (const char * const *) labels->pdata, pos);

  /* revenue: won all time, won per year, the customer's own */
  g_ptr_array_set_size (labels, 0);
  g_ptr_array_add (labels, g_strdup (_("Won, all time")));
  if (!self->years_valid)
    {
      /* a scan of the opportunities: only after they changed */
      years = ks_portfolio_revenue_years (self->workspace, NULL);
      g_array_set_size (self->years, 0);
      if (years)
        g_array_append_vals (self->years, years->data, years->len);
      self->years_valid = TRUE;
    }
  pos = 0;
  for (guint i = 0; i < self->years->len; i++)
    {
      int year = g_array_index (self->years, int, i);

      /* Translators: revenue source, e.g. "Won in 2017" */
      g_ptr_array_add (labels, g_strdup_printf (_("Won in %d"), year));
      if (year == self->year)
        pos = i + 1;
    }
  g_ptr_array_add (labels, g_strdup (_("The customer’s revenue")));
  if (ks_abc_get_source (self->workspace) == KS_REVENUE_ACCOUNT)
    pos = self->years->len + 1;
  g_ptr_array_add (labels, NULL);
  combo_set_strings (self->revenue_row, (const char * const *) labels->pdata, pos);

  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  self->criteria = ks_criteria_list (self->workspace, NULL);
  fill_axis_rows (self);

  self->filling = FALSE;
}

static void
on_moved_row_activated (GtkListBox      *box,
                        GtkListBoxRow   *row,
                        KsPortfolioPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "account-id"));

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->stack), "matrix");
  ks_portfolio_view_set_selected (KS_PORTFOLIO_VIEW (self->matrix), id);
  gtk_widget_grab_focus (self->matrix);
}

void
_ks_portfolio_page_fill_moved (KsPortfolioPage *self)
{
  const KsPortfolio *p = self->portfolio;
  g_autofree char *title = NULL;

  ks_list_box_remove_rows (GTK_LIST_BOX (self->moved_list));
  if (!p || !p->compare)
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->moved_group), _("Changed Quadrant"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->moved_group),
                                             _("Pick a period to compare with to see who moved."));
      return;
    }
  /* Translators: heading of the list of accounts that moved, e.g. "Changed Quadrant Since 2026-Q2" */
  title = g_strdup_printf (_("Changed Quadrant Since %s"), p->compare);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->moved_group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->moved_group),
                                         p->moved->len ? NULL : _("No account changed quadrant."));
  for (guint i = 0; i < p->moved->len; i++)
    {
      const KsPortfolioItem *item = &g_array_index (p->items, KsPortfolioItem,
                                                    g_array_index (p->moved, guint, i));
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *escaped = g_markup_escape_text (item->name, -1);
      g_autofree char *subtitle = g_strdup_printf ("%s → %s", ks_portfolio_quadrant_name (p, item->prev_quadrant),
                                                   ks_portfolio_quadrant_name (p, item->quadrant));
      g_autofree char *escaped_sub = g_markup_escape_text (subtitle, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_sub);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "account-id", GSIZE_TO_POINTER ((gsize) item->account_id));
      gtk_list_box_append (GTK_LIST_BOX (self->moved_list), row);
    }
}

/* ---- callbacks ---- */

static void
on_period_selected (KsPortfolioPage *self)
{
  guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (self->period_row));

  if (self->filling || !self->periods || pos >= self->periods->len)
    return;
  self->period_id = ((KsPeriod *) g_ptr_array_index (self->periods, pos))->id;
  self->compare_id = 0;   /* the one before the new period */
  _ks_portfolio_page_queue_reload (self);
}

static void
on_compare_selected (KsPortfolioPage *self)
{
  guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (self->compare_row));

  if (self->filling || !self->periods || pos == GTK_INVALID_LIST_POSITION)
    return;
  self->compare_id = pos == 0 || pos > self->periods->len
                       ? -1 : ((KsPeriod *) g_ptr_array_index (self->periods, pos - 1))->id;
  _ks_portfolio_page_queue_reload (self);
}

static void
on_owner_selected (KsPortfolioPage *self)
{
  guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (self->owner_row));

  if (self->filling)
    return;
  self->owner_id = pos > 0 && pos <= self->owner_ids->len ? g_array_index (self->owner_ids, gint64, pos - 1) : 0;
  if (self->grid)
    ks_scores_grid_set_filter (KS_SCORES_GRID (self->grid), self->owner_id, self->segment);
  _ks_portfolio_page_queue_reload (self);
}

static const char *segments_by_position[] = { NULL, KS_SEGMENT_KEY, KS_SEGMENT_IMPORTANT, KS_SEGMENT_NORMAL };

static void
on_segment_selected (KsPortfolioPage *self)
{
  guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (self->segment_row));

  if (self->filling)
    return;
  g_free (self->segment);
  self->segment = g_strdup (pos < G_N_ELEMENTS (segments_by_position) ? segments_by_position[pos] : NULL);
  if (self->grid)
    ks_scores_grid_set_filter (KS_SCORES_GRID (self->grid), self->owner_id, self->segment);
  _ks_portfolio_page_queue_reload (self);
}

static void
on_preset_selected (KsPortfolioPage *self)
{
  guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (self->preset_row));

  if (self->filling || pos > KS_PRESET_CUSTOM)
    return;
  self->preset = pos;
  gtk_widget_set_visible (self->x_row, self->preset == KS_PRESET_CUSTOM);
  gtk_widget_set_visible (self->y_row, self->preset == KS_PRESET_CUSTOM);
  _ks_portfolio_page_queue_reload (self);
}

static void
on_axis_selected (KsPortfolioPage *self)
{
  if (self->filling)
    return;
  g_free (self->x_axis);
  g_free (self->y_axis);
  self->x_axis = axis_at (self, adw_combo_row_get_selected (ADW_COMBO_ROW (self->x_row)));
  self->y_axis = axis_at (self, adw_combo_row_get_selected (ADW_COMBO_ROW (self->y_row)));
  _ks_portfolio_page_queue_reload (self);
}

static void
on_colour_selected (KsPortfolioPage *self)
{
  guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (self->colour_row));

  if (self->filling || pos > KS_COLOUR_BY_OWNER)
    return;
  self->colour_by = pos;
  _ks_portfolio_page_queue_reload (self);
}

static void
on_revenue_selected (KsPortfolioPage *self)
{
  guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (self->revenue_row));
  g_autoptr(GError) error = NULL;
  KsRevenueSource source;

  if (self->filling || pos == GTK_INVALID_LIST_POSITION)
    return;
  source = pos == self->years->len + 1 ? KS_REVENUE_ACCOUNT : KS_REVENUE_WON;
  self->year = pos >= 1 && pos <= self->years->len ? g_array_index (self->years, int, pos - 1) : -1;
  if (source != ks_abc_get_source (self->workspace) &&
      !ks_abc_set_source (self->workspace, source, &error))
    ks_message_dialog_show (GTK_WIDGET (self), _("Could Not Change the Revenue Source"), error->message);
  _ks_portfolio_page_queue_reload (self);
}

/* ---- the sidebar ---- */

static GtkWidget *
combo_row (const char        *title,
           const char *const *strings)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (strings);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  return row;
}

static GtkWidget *
group (GtkWidget  *box,
       const char *title)
{
  GtkWidget *g = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), title);
  gtk_box_append (GTK_BOX (box), g);
  return g;
}

void
_ks_portfolio_page_build_sidebar (KsPortfolioPage *self)
{
  const char *segments[] = { _("All segments"), ks_account_segment_label (KS_SEGMENT_KEY),
                             ks_account_segment_label (KS_SEGMENT_IMPORTANT),
                             ks_account_segment_label (KS_SEGMENT_NORMAL), NULL };
  const char *presets[] = { _("Profitability × potential"), _("Attractiveness × our position"),
                            _("Any two axes"), NULL };
  const char *colours[] = { _("ABC class"), _("Segment"), _("Key account manager"), NULL };
  const char *none[] = { NULL };
  GtkWidget *scroller, *box, *g;

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);

  g = group (box, _("Review"));
  self->period_row = combo_row (_("_Period"), none);
  self->compare_row = combo_row (_("Compared _with"), none);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->period_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->compare_row);

  g = group (box, _("Accounts"));
  self->owner_row = combo_row (_("_Key account manager"), none);
  self->segment_row = combo_row (_("Se_gment"), segments);
  self->revenue_row = combo_row (_("_Revenue"), none);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->owner_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->segment_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->revenue_row);

  g = group (box, _("Matrix"));
  self->preset_row = combo_row (_("_Axes"), presets);
  self->x_row = combo_row (_("Hori_zontal"), none);
  self->y_row = combo_row (_("_Vertical"), none);
  self->colour_row = combo_row (_("_Colour"), colours);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->preset_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->x_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->y_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->colour_row);

  self->moved_group = group (box, _("Changed Quadrant"));
  self->moved_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->moved_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->moved_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->moved_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Accounts that changed quadrant"), -1);
  g_signal_connect_object (self->moved_list, "row-activated", G_CALLBACK (on_moved_row_activated), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->moved_group), self->moved_list);

  g_signal_connect_object (self->period_row, "notify::selected", G_CALLBACK (on_period_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_row, "notify::selected", G_CALLBACK (on_compare_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->owner_row, "notify::selected", G_CALLBACK (on_owner_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->segment_row, "notify::selected", G_CALLBACK (on_segment_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->revenue_row, "notify::selected", G_CALLBACK (on_revenue_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preset_row, "notify::selected", G_CALLBACK (on_preset_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->x_row, "notify::selected", G_CALLBACK (on_axis_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->y_row, "notify::selected", G_CALLBACK (on_axis_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->colour_row, "notify::selected", G_CALLBACK (on_colour_selected), self, G_CONNECT_SWAPPED);

  self->sidebar = g_object_ref_sink (scroller);
}

/* ---- public API: the filters ---- */

void
ks_portfolio_page_set_preset (KsPortfolioPage   *self,
                              KsPortfolioPreset  preset)
{
  g_return_if_fail (KS_IS_PORTFOLIO_PAGE (self));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->preset_row), preset);
  _ks_portfolio_page_reload (self);
}

void
ks_portfolio_page_set_colour_by (KsPortfolioPage *self,
                                 KsColourBy       colour_by)
{
  g_return_if_fail (KS_IS_PORTFOLIO_PAGE (self));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->colour_row), colour_by);
  _ks_portfolio_page_reload (self);
}

void
ks_portfolio_page_set_owner (KsPortfolioPage *self,
                             gint64           owner_id)
{
  guint pos = 0;

  g_return_if_fail (KS_IS_PORTFOLIO_PAGE (self));
  for (guint i = 0; i < self->owner_ids->len; i++)
    if (g_array_index (self->owner_ids, gint64, i) == owner_id)
      pos = i + 1;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->owner_row), pos);
  _ks_portfolio_page_reload (self);
}

void
ks_portfolio_page_set_segment (KsPortfolioPage *self,
                               const char      *segment)
{
  guint pos = 0;

  g_return_if_fail (KS_IS_PORTFOLIO_PAGE (self));
  for (guint i = 1; i < G_N_ELEMENTS (segments_by_position); i++)
    if (g_strcmp0 (segment, segments_by_position[i]) == 0)
      pos = i;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->segment_row), pos);
  _ks_portfolio_page_reload (self);
}

guint
ks_portfolio_page_get_n_moved (KsPortfolioPage *self)
{
  guint n = 0;

  g_return_val_if_fail (KS_IS_PORTFOLIO_PAGE (self), 0);
  for (GtkWidget *w = gtk_widget_get_first_child (self->moved_list); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LIST_BOX_ROW (w))
      n++;
  return n;
}
