/* ks-account-page.c — one account: profile, figures, notes, team, opportunities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every applied change loads the account afresh, changes one field and saves
 * it: one ks_account_save() = one undo step. The page redraws from the
 * workspace's "changed" signal, so undo, redo and edits from elsewhere show
 * at once; a field the user is still editing keeps its text.
 */
#define G_LOG_DOMAIN "ks-account-page"

#include "config.h"

#include "ks-account-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ks-account.h"
#include "ks-app-util.h"
#include "ks-field-rows.h"
#include "ks-opportunity.h"
#include "ks-person.h"
#include "ks-scoring.h"
#include "ks-team-member.h"

#define NOTES_SAVE_DELAY_MS 1000
#define RECENT_OPPORTUNITIES 5

typedef enum
{
  FIELD_NAME,
  FIELD_SECTOR,
  FIELD_COUNTRY,
  FIELD_TIME_ZONE,
  FIELD_REVENUE,
  FIELD_EMPLOYEES,
  FIELD_YEAR,
  N_FIELDS
} Field;

static const char *const field_names[N_FIELDS] = {
  "name", "sector", "country", "time-zone", "revenue", "employees", "year",
};

struct _KsAccountPage
{
  GtkWidget            parent_instance;

  KsWorkspace         *workspace;
  gint64               account_id;
  KsAccount           *account;            /* as last loaded */
  char                *loaded[N_FIELDS];   /* what each entry row showed when loaded */
  AdwEntryRow         *rows[N_FIELDS];
  GArray              *parent_ids;         /* gint64 per parent_row position; 0 = none */
  GArray              *owner_ids;          /* gint64 per owner_row position; 0 = none */
  guint                notes_timeout_id;
  gboolean             notes_dirty;
  gboolean             updating;
  int                  applying;           /* the field being saved, or -1 */

  /* template */
  GtkStack            *stack;
  GtkScrolledWindow   *scrolled_window;
  GtkLabel            *name_label;
  GtkLabel            *segment_badge;
  GtkLabel            *summary_label;
  GtkLabel            *revenue_figure;
  GtkLabel            *employees_figure;
  GtkLabel            *open_figure;
  GtkLabel            *won_figure;
  AdwPreferencesGroup *profile_group;
  AdwPreferencesGroup *company_group;
  AdwPreferencesGroup *notes_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *sector_row;
  AdwEntryRow         *country_row;
  AdwEntryRow         *time_zone_row;
  AdwEntryRow         *revenue_row;
  AdwEntryRow         *employees_row;
  AdwEntryRow         *year_row;
  AdwComboRow         *parent_row;
  AdwComboRow         *owner_row;
  AdwComboRow         *segment_row;
  AdwComboRow         *lifecycle_row;
  GtkTextView         *notes_view;
  AdwPreferencesGroup *team_group;
  AdwPreferencesGroup *opportunities_group;
  GtkListBox          *team_list;
  GtkListBox          *opportunities_list;
  AdwPreferencesGroup *scores_group;
  GtkListBox          *scores_list;
  GtkWidget           *delete_button;
};

enum {
  PROP_0,
  PROP_ACCOUNT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KsAccountPage, ks_account_page, GTK_TYPE_WIDGET)

static void refresh (KsAccountPage *self, gboolean force);

/* Helpers */

static const char *
nonnull (const char *s)
{
  return s ? s : "";
}

/* "Key account manager" and "Key Account Manager" say the same. */
static gboolean
same_words (const char *a,
            const char *b)
{
  g_autofree char *x = a ? g_utf8_casefold (a, -1) : NULL;
  g_autofree char *y = b ? g_utf8_casefold (b, -1) : NULL;

  return x && y && g_str_equal (x, y);
}

static char *
format_revenue (double revenue)
{
  if (isnan (revenue))
    return g_strdup ("");
  return ks_format_number (revenue, revenue == floor (revenue) ? 0 : 2);
}

static char *
format_date (const char *iso)
{
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  if (!iso || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (nonnull (iso));
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (!dt)
    return g_strdup (iso);
  /* Translators: a date as in "1 Mar 2017"; see g_date_time_format() */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

static void
show_error (KsAccountPage *self,
            const char    *heading,
            const GError  *error)
{
  ks_message_dialog_show (GTK_WIDGET (self), heading, error->message);
}

/* Loads the current account afresh, for one change. */
static KsAccount *
load_for_edit (KsAccountPage *self)
{
  g_autoptr(GError) error = NULL;
  KsAccount *account;

  if (!self->workspace || self->account_id <= 0)
    return NULL;
  account = ks_account_load (self->workspace, self->account_id, &error);
  if (!account && error)
    g_warning ("Could not load account %" G_GINT64_FORMAT ": %s", self->account_id, error->message);
  return account;
}

/* Saves @account; a refusal is shown at @row (or in a dialog). */
static gboolean
save_account (KsAccountPage *self,
              KsAccount     *account,
              GtkWidget     *row,
              int            field)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  self->applying = field;
  ok = ks_account_save (account, self->workspace, &error);
  self->applying = -1;
  if (!ok)
    {
      if (row && ADW_IS_PREFERENCES_ROW (row))
        ks_row_set_error (ADW_PREFERENCES_ROW (row), error->message);
      else
        show_error (self, _("Could Not Save the Account"), error);
      /* put combo rows back to the stored value */
      if (row && ADW_IS_COMBO_ROW (row))
        refresh (self, FALSE);
      return FALSE;
    }
  if (row && ADW_IS_PREFERENCES_ROW (row))
    ks_row_set_error (ADW_PREFERENCES_ROW (row), NULL);
  return TRUE;
}

/* Validates an entry row's text; returns the message for invalid text. */
static char *
validate_field (Field       field,
                const char *text)
{
  double number;
  gint64 integer;
  gboolean empty;
  g_autoptr(GDateTime) now = NULL;

  switch (field)
    {
    case FIELD_NAME:
      {
        g_autofree char *trimmed = g_strstrip (g_strdup (text));
        if (!*trimmed)
          return g_strdup (_("an account needs a name"));
        return NULL;
      }
    case FIELD_REVENUE:
      if (!ks_parse_number (text, &number, &empty))
        return g_strdup (_("a number, like 1250000"));
      return NULL;
    case FIELD_EMPLOYEES:
      if (!ks_parse_integer (text, &integer, &empty))
        return g_strdup (_("a whole number, like 2800"));
      return NULL;
    case FIELD_YEAR:
      now = g_date_time_new_now_local ();
      if (!ks_parse_integer (text, &integer, &empty) ||
          (!empty && (integer < 1000 || integer > g_date_time_get_year (now))))
        return g_strdup_printf (_("a year between 1000 and %d"), g_date_time_get_year (now));
      return NULL;
    case FIELD_SECTOR:
    case FIELD_COUNTRY:
    case FIELD_TIME_ZONE:
    case N_FIELDS:
    default:
      return NULL;
    }
}

static void
set_entry_text (KsAccountPage *self,
                Field          field,
                const char    *value,
                gboolean       force)
{
  /* Keep text the user is still editing (it differs from what was loaded),
   * unless the account changed or this field was just saved. */
  ks_field_row_show_value (self->rows[field], &self->loaded[field], value,
                           force || (int) field == self->applying, &self->updating);
}

static gint64
account_id (gpointer item)
{
  return ks_account_get_id (item);
}

static const char *
account_name (gpointer item)
{
  return ks_account_get_name (item);
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

/* An account cannot be its own parent. */
static gboolean
is_this_account (gpointer item,
                 gpointer user_data)
{
  KsAccountPage *self = user_data;

  return ks_account_get_id (item) == self->account_id;
}

/* The parent and owner rows hold only "None" and the current value until
 * they are opened ("fill"): refilling them with every account and person
 * on each account switch cost as much as the rest of the page on ×100. */
static void
refresh_parent_model (KsAccountPage *self)
{
  ks_id_combo_row_show_current (self->parent_row, self->parent_ids,
                                ks_account_get_parent_id (self->account),
                                ks_account_get_parent_name (self->account));
}

static void
refresh_owner_model (KsAccountPage *self)
{
  ks_id_combo_row_show_current (self->owner_row, self->owner_ids,
                                ks_account_get_owner_id (self->account),
                                ks_account_get_owner_name (self->account));
}

static void
on_parent_fill (KsAccountPage *self)
{
  g_autoptr(GListModel) accounts = NULL;
  gboolean was_updating = self->updating;

  if (!self->workspace || !self->account)
    return;
  accounts = ks_account_list (self->workspace, NULL);
  self->updating = TRUE;
  ks_id_combo_row_fill (self->parent_row, self->parent_ids, accounts, account_id, account_name,
                        is_this_account, self, ks_account_get_parent_id (self->account));
  self->updating = was_updating;
}

static void
on_owner_fill (KsAccountPage *self)
{
  g_autoptr(GListModel) people = NULL;
  gboolean was_updating = self->updating;

  if (!self->workspace || !self->account)
    return;
  people = ks_person_list (self->workspace, NULL);
  self->updating = TRUE;
  ks_id_combo_row_fill (self->owner_row, self->owner_ids, people, person_id, person_name,
                        NULL, NULL, ks_account_get_owner_id (self->account));
  self->updating = was_updating;
}

static guint
strv_index (const char * const *strv,
            const char         *value)
{
  for (guint i = 0; strv[i]; i++)
    if (g_strcmp0 (strv[i], value) == 0)
      return i;
  return 0;
}

static void
refresh_header (KsAccountPage *self)
{
  KsAccount *a = self->account;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *revenue = format_revenue (ks_account_get_revenue (a));
  g_autofree char *employees = NULL;
  const char *segment = ks_account_get_segment (a);
  const char *owner = ks_account_get_owner_name (a);
  const char *parent = ks_account_get_parent_name (a);

  gtk_label_set_label (self->name_label, ks_account_get_name (a));

  gtk_label_set_label (self->segment_badge, ks_account_segment_label (segment));
  gtk_widget_set_visible (GTK_WIDGET (self->segment_badge),
                          g_strcmp0 (segment, KS_SEGMENT_NORMAL) != 0);
  gtk_widget_remove_css_class (GTK_WIDGET (self->segment_badge), "important");
  if (g_strcmp0 (segment, KS_SEGMENT_IMPORTANT) == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->segment_badge), "important");

  ks_string_append_part (summary, ks_account_get_sector (a));
  ks_string_append_part (summary, ks_account_get_country (a));
  ks_string_append_part (summary, ks_account_lifecycle_label (ks_account_get_lifecycle (a)));
  if (owner && *owner)
    {
      /* Translators: in the account header, the key account manager */
      g_autofree char *s = g_strdup_printf (_("Owner: %s"), owner);
      ks_string_append_part (summary, s);
    }
  if (parent && *parent)
    {
      /* Translators: in the account header, for a subsidiary */
      g_autofree char *s = g_strdup_printf (_("Part of %s"), parent);
      ks_string_append_part (summary, s);
    }
  gtk_label_set_label (self->summary_label, summary->str);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary->len > 0);

  {
    g_autofree char *compact = ks_format_compact (ks_account_get_revenue (a));
    gtk_label_set_label (self->revenue_figure, *compact ? compact : "—");
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->revenue_figure), *revenue ? revenue : NULL);
  }
  if (ks_account_get_employees (a) >= 0)
    employees = ks_format_number ((double) ks_account_get_employees (a), 0);
  gtk_label_set_label (self->employees_figure, employees ? employees : "—");
}

static void
refresh_fields (KsAccountPage *self,
                gboolean       force)
{
  KsAccount *a = self->account;
  g_autofree char *revenue = format_revenue (ks_account_get_revenue (a));
  g_autofree char *employees = NULL;
  g_autofree char *year = NULL;
  GtkTextBuffer *buffer;

  if (ks_account_get_employees (a) >= 0)
    employees = ks_format_number ((double) ks_account_get_employees (a), 0);
  if (ks_account_get_year_established (a) > 0)
    year = g_strdup_printf ("%d", ks_account_get_year_established (a));

  set_entry_text (self, FIELD_NAME, ks_account_get_name (a), force);
  set_entry_text (self, FIELD_SECTOR, nonnull (ks_account_get_sector (a)), force);
  set_entry_text (self, FIELD_COUNTRY, nonnull (ks_account_get_country (a)), force);
  set_entry_text (self, FIELD_TIME_ZONE, nonnull (ks_account_get_time_zone (a)), force);
  set_entry_text (self, FIELD_REVENUE, revenue, force);
  set_entry_text (self, FIELD_EMPLOYEES, employees ? employees : "", force);
  set_entry_text (self, FIELD_YEAR, year ? year : "", force);

  adw_combo_row_set_selected (self->segment_row,
                              strv_index (ks_account_segments (), ks_account_get_segment (a)));
  adw_combo_row_set_selected (self->lifecycle_row,
                              strv_index (ks_account_lifecycles (), ks_account_get_lifecycle (a)));
  ks_row_set_error (ADW_PREFERENCES_ROW (self->parent_row), NULL);
  ks_row_set_error (ADW_PREFERENCES_ROW (self->owner_row), NULL);

  buffer = gtk_text_view_get_buffer (self->notes_view);
  if (force || !self->notes_dirty)
    {
      g_autofree char *current = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (current, nonnull (ks_account_get_notes (a))) != 0)
        gtk_text_buffer_set_text (buffer, nonnull (ks_account_get_notes (a)), -1);
      self->notes_dirty = FALSE;
    }
}

static GtkWidget *
make_suffix_button (const char *icon_name,
                    const char *tooltip,
                    const char *action_name,
                    GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static void
refresh_team (KsAccountPage *self)
{
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  ks_list_box_remove_rows (self->team_list);

  members = ks_team_member_list_for_account (self->workspace, self->account_id, &error);
  if (!members)
    {
      g_warning ("Could not read the account team: %s", error->message);
      return;
    }
  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsTeamMember) m = g_list_model_get_item (members, i);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *remove_label = NULL;
      g_autofree char *edit_label = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *avatar = adw_avatar_new (32, ks_team_member_get_person_name (m), TRUE);
      GtkWidget *kind = gtk_label_new (ks_team_member_get_core (m) ? _("Core team") : _("Extended team"));
      gint64 id = ks_team_member_get_id (m);

      ks_string_append_part (subtitle, ks_team_member_get_role (m));
      if (!same_words (ks_team_member_get_role (m), ks_team_member_get_person_title (m)))
        ks_string_append_part (subtitle, ks_team_member_get_person_title (m));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ks_team_member_get_person_name (m));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);

      gtk_widget_add_css_class (kind, ks_team_member_get_core (m) ? "team-core" : "team-extended");
      gtk_widget_add_css_class (kind, "caption");
      gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), kind);

      /* Translators: tooltip of a button in an account team row; %s is a person */
      edit_label = g_strdup_printf (_("Edit %s’s Role"), ks_team_member_get_person_name (m));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_suffix_button ("document-edit-symbolic", edit_label,
                                                     "account.edit-member",
                                                     g_variant_new_int64 (id)));
      /* Translators: tooltip of a button in an account team row; %s is a person */
      remove_label = g_strdup_printf (_("Remove %s From the Team"), ks_team_member_get_person_name (m));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_suffix_button ("user-trash-symbolic", remove_label,
                                                     "account.remove-member",
                                                     g_variant_new_int64 (id)));
      gtk_list_box_append (self->team_list, row);
    }

  {
    g_autofree char *description = NULL;
    if (n > 0)
      description = g_strdup_printf (ngettext ("%u person works on this account",
                                               "%u people work on this account", n), n);
    adw_preferences_group_set_description (self->team_group, description);
  }
}

static GtkWidget *
score_row (const char *title,
           const char *subtitle,
           const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  if (subtitle && *subtitle)
    {
      g_autofree char *escaped_sub = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_sub);
    }
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static char *
format_score (double score)
{
  return isnan (score) ? g_strdup ("—") : ks_format_number (score, score == floor (score) ? 0 : 1);
}

/* The score card: this account's scores in the latest scored period, its
 * weighted score and band, and the weighted score of every period. */
static void
refresh_scores (KsAccountPage *self)
{
  g_autoptr(KsScoreHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) trend = g_string_new (NULL);
  KsScoreHistoryItem *latest = NULL, *before = NULL;
  g_autoptr(KsScoreTable) table = NULL;
  KsAccountScore *row = NULL;
  g_autofree char *description = NULL;

  ks_list_box_remove_rows (self->scores_list);
  history = ks_score_history_load (self->workspace, self->account_id, &error);
  if (!history)
    {
      g_warning ("Could not read the scores: %s", error->message);
      return;
    }
  for (guint i = 0; i < history->periods->len; i++)
    {
      KsScoreHistoryItem *item = g_ptr_array_index (history->periods, i);

      if (item->n_scored == 0)
        continue;
      before = latest;
      latest = item;
    }
  if (!latest)
    {
      adw_preferences_group_set_description (self->scores_group,
                                             _("Not scored in any review period yet."));
      return;
    }

  {
    g_autofree char *score = ks_format_number (latest->weighted, 1);

    if (before)
      {
        g_autofree char *change = ks_format_number (fabs (latest->weighted - before->weighted), 1);

        description = latest->weighted == before->weighted
          /* Translators: e.g. "2026-Q3: 63.5, good — unchanged since 2026-Q2" */
          ? g_strdup_printf (_("%s: %s, %s — unchanged since %s"), latest->period, score,
                             ks_score_band_label (latest->band), before->period)
          : g_strdup_printf (latest->weighted > before->weighted
                               /* Translators: e.g. "2026-Q3: 63.5, good — up 4.5 since 2026-Q2" */
                               ? _("%s: %s, %s — up %s since %s")
                               : _("%s: %s, %s — down %s since %s"),
                             latest->period, score, ks_score_band_label (latest->band), change,
                             before->period);
      }
    else
      /* Translators: e.g. "2026-Q3: 63.5, good" */
      description = g_strdup_printf (_("%s: %s, %s"), latest->period, score,
                                     ks_score_band_label (latest->band));
    adw_preferences_group_set_description (self->scores_group, description);
  }

  /* explanations come with the period's table */
  table = ks_score_table_load (self->workspace, latest->period_id, FALSE, NULL);
  row = table ? ks_score_table_find (table, self->account_id) : NULL;
  for (guint c = 0; c < history->criteria->len; c++)
    {
      KsCriterion *criterion = g_ptr_array_index (history->criteria, c);
      g_autofree char *weight = ks_format_number (criterion->weight, criterion->weight == floor (criterion->weight) ? 0 : 1);
      /* Translators: a criterion with its weight, e.g. "Yield strength · weight 30" */
      g_autofree char *title = g_strdup_printf (_("%s · weight %s"), criterion->name, weight);
      g_autofree char *value = format_score (latest->scores[c]);
      const char *explanation = row && c < table->criteria->len ? row->explanations[c] : NULL;

      gtk_list_box_append (self->scores_list, score_row (title, explanation, value));
    }

  for (guint i = 0; i < history->periods->len; i++)
    {
      KsScoreHistoryItem *item = g_ptr_array_index (history->periods, i);
      g_autofree char *score = NULL;

      if (item->n_scored == 0)
        continue;
      score = ks_format_number (item->weighted, 1);
      if (trend->len)
        g_string_append (trend, "  →  ");
      g_string_append_printf (trend, "%s %s (%s)", item->period, score, ks_score_band_label (item->band));
    }
  gtk_list_box_append (self->scores_list, score_row (_("History"), trend->str, ""));
}

static void
refresh_opportunities (KsAccountPage *self)
{
  g_autoptr(GListModel) opportunities = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *open_text = NULL;
  g_autofree char *won_text = NULL;
  g_autofree char *won_full = NULL;
  double won_value = 0, total_value = 0;
  gboolean any_value = FALSE;
  guint n, n_open = 0, n_won = 0, n_lost = 0;

  ks_list_box_remove_rows (self->opportunities_list);

  opportunities = ks_opportunity_list_for_account (self->workspace, self->account_id, &error);
  if (!opportunities)
    {
      g_warning ("Could not read the opportunities: %s", error->message);
      return;
    }
  n = g_list_model_get_n_items (opportunities);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsOpportunity) o = g_list_model_get_item (opportunities, i);
      double value = ks_opportunity_get_value (o);
      KsOutcome outcome = ks_opportunity_stage_outcome (ks_opportunity_get_stage (o));

      if (!isnan (value))
        {
          total_value += value;
          any_value = TRUE;
        }

      if (outcome == KS_OUTCOME_WON)
        {
          n_won++;
          if (!isnan (value))
            won_value += value;
        }
      else if (outcome == KS_OUTCOME_LOST)
        n_lost++;
      else
        n_open++;

      if (i < RECENT_OPPORTUNITIES)
        {
          g_autoptr(GString) subtitle = g_string_new (NULL);
          const char *title = ks_opportunity_get_title (o);
          const char *product = ks_opportunity_get_product_name (o);
          const char *close_date = ks_opportunity_get_close_date (o);
          const char *engage_date = ks_opportunity_get_engage_date (o);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *stage = gtk_label_new (nonnull (ks_opportunity_get_stage (o)));
          GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

          if (!title || !*title)
            title = product;
          else
            ks_string_append_part (subtitle, product);
          if (!title || !*title)
            title = ks_opportunity_get_ref (o);

          if (close_date && *close_date)
            {
              g_autofree char *d = format_date (close_date);
              /* Translators: when an opportunity was won or lost */
              g_autofree char *t = g_strdup_printf (_("closed %s"), d);
              ks_string_append_part (subtitle, t);
            }
          else if (engage_date && *engage_date)
            {
              g_autofree char *d = format_date (engage_date);
              /* Translators: when work on an opportunity began */
              g_autofree char *t = g_strdup_printf (_("engaged %s"), d);
              ks_string_append_part (subtitle, t);
            }

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), nonnull (title));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);

          gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
          if (!isnan (value))
            {
              g_autofree char *value_text = ks_format_number (value, 0);
              GtkWidget *label = gtk_label_new (value_text);
              gtk_label_set_xalign (GTK_LABEL (label), 1);
              gtk_widget_add_css_class (label, "numeric");
              gtk_box_append (GTK_BOX (suffix), label);
            }
          gtk_label_set_xalign (GTK_LABEL (stage), 1);
          gtk_widget_add_css_class (stage, "caption");
          gtk_widget_add_css_class (stage, outcome == KS_OUTCOME_WON ? "stage-won"
                                    : outcome == KS_OUTCOME_LOST ? "stage-lost" : "stage-open");
          gtk_box_append (GTK_BOX (suffix), stage);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
          gtk_list_box_append (self->opportunities_list, row);
        }
    }

  open_text = ks_format_number (n_open, 0);
  gtk_label_set_label (self->open_figure, open_text);
  won_text = n_won > 0 ? ks_format_compact (won_value) : g_strdup ("—");
  won_full = n_won > 0 ? ks_format_number (won_value, 0) : NULL;
  gtk_label_set_label (self->won_figure, won_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->won_figure), won_full);

  {
    g_autofree char *description = NULL;
    if (n > 0)
      {
        g_autofree char *total = g_strdup_printf (ngettext ("%u opportunity", "%u opportunities", n), n);
        g_autofree char *value = ks_format_number (total_value, 0);

        if (any_value)
          /* Translators: "9 opportunities worth 612,800: 2 won, 3 lost, 4 open" */
          description = g_strdup_printf (_("%s worth %s: %u won, %u lost, %u open"),
                                         total, value, n_won, n_lost, n_open);
        else
          /* Translators: "9 opportunities: 2 won, 3 lost, 4 open" */
          description = g_strdup_printf (_("%s: %u won, %u lost, %u open"), total, n_won, n_lost, n_open);
        if (n > RECENT_OPPORTUNITIES)
          {
            g_autofree char *d = description;
            /* Translators: appended to the line above */
            description = g_strdup_printf (_("%s · the %d most recent"), d, RECENT_OPPORTUNITIES);
          }
      }
    adw_preferences_group_set_description (self->opportunities_group, description);
  }
}

static void
set_editable (KsAccountPage *self,
              gboolean       editable)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->profile_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->company_group), editable);
  gtk_text_view_set_editable (self->notes_view, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.delete", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.add-member", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.edit-member", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.remove-member", editable);
}

/* Reads the account again and shows it; @force replaces text being edited. */
static void
refresh (KsAccountPage *self,
         gboolean       force)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->account);
  if (self->workspace && self->account_id > 0)
    self->account = ks_account_load (self->workspace, self->account_id, &error);

  if (!self->account)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_editable (self, FALSE);
      return;
    }

  self->updating = TRUE;
  refresh_header (self);
  refresh_parent_model (self);
  refresh_owner_model (self);
  refresh_fields (self, force);
  refresh_team (self);
  refresh_opportunities (self);
  refresh_scores (self);
  self->updating = FALSE;

  set_editable (self, !ks_workspace_is_read_only (self->workspace));
  gtk_stack_set_visible_child_name (self->stack, "account");
}

static gboolean
save_notes (KsAccountPage *self)
{
  g_autoptr(KsAccount) account = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_clear_handle_id (&self->notes_timeout_id, g_source_remove);
  if (!self->notes_dirty)
    return FALSE;
  self->notes_dirty = FALSE;
  if (!(account = load_for_edit (self)))
    return FALSE;

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, nonnull (ks_account_get_notes (account))) == 0)
    return FALSE;
  ks_account_set_notes (account, text);
  return save_account (self, account, NULL, -1);
}

static gboolean
notes_timeout_cb (gpointer user_data)
{
  KsAccountPage *self = user_data;

  self->notes_timeout_id = 0;
  save_notes (self);
  return G_SOURCE_REMOVE;
}

/* Callbacks */

static void
on_workspace_changed (KsAccountPage *self,
                      const char    *table,
                      KsWorkspace   *workspace)
{
  if (self->account_id <= 0)
    return;
  if (g_str_equal (table, "accounts") || g_str_equal (table, "people"))
    refresh (self, FALSE);
  else if (self->account && (g_str_equal (table, "account_team")))
    refresh_team (self);
  else if (self->account && (g_str_equal (table, "opportunities") || g_str_equal (table, "products")))
    refresh_opportunities (self);
  else if (self->account && (g_str_equal (table, "account_scores") || g_str_equal (table, "score_criteria") ||
                             g_str_equal (table, "review_periods")))
    refresh_scores (self);
}

static void
on_entry_changed (AdwEntryRow   *row,
                  KsAccountPage *self)
{
  Field field = ks_field_row_get_field (row);
  g_autofree char *message = NULL;

  if (self->updating)
    return;
  /* numbers are checked as you type; other fields when applied */
  if (field != FIELD_REVENUE && field != FIELD_EMPLOYEES && field != FIELD_YEAR)
    {
      if (ks_row_has_error (ADW_PREFERENCES_ROW (row)) && field == FIELD_NAME)
        {
          message = validate_field (field, gtk_editable_get_text (GTK_EDITABLE (row)));
          ks_row_set_error (ADW_PREFERENCES_ROW (row), message);
        }
      return;
    }
  message = validate_field (field, gtk_editable_get_text (GTK_EDITABLE (row)));
  ks_row_set_error (ADW_PREFERENCES_ROW (row), message);
}

static void
on_entry_apply (AdwEntryRow   *row,
                KsAccountPage *self)
{
  Field field = ks_field_row_get_field (row);
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autofree char *message = NULL;
  g_autoptr(KsAccount) account = NULL;
  double number;
  gint64 integer;
  gboolean empty;

  if (self->updating)
    return;
  g_strstrip (text);
  if ((message = validate_field (field, text)))
    {
      /* QUALITY.md §1: say why at the field, store nothing */
      ks_row_set_error (ADW_PREFERENCES_ROW (row), message);
      return;
    }
  if (!(account = load_for_edit (self)))
    return;

  switch (field)
    {
    case FIELD_NAME:
      if (g_strcmp0 (text, ks_account_get_name (account)) == 0)
        return;
      ks_account_set_name (account, text);
      break;
    case FIELD_SECTOR:
      ks_account_set_sector (account, text);
      break;
    case FIELD_COUNTRY:
      ks_account_set_country (account, text);
      break;
    case FIELD_TIME_ZONE:
      ks_account_set_time_zone (account, text);
      break;
    case FIELD_REVENUE:
      ks_parse_number (text, &number, &empty);
      ks_account_set_revenue (account, empty ? NAN : number);
      break;
    case FIELD_EMPLOYEES:
      ks_parse_integer (text, &integer, &empty);
      ks_account_set_employees (account, empty ? -1 : integer);
      break;
    case FIELD_YEAR:
      ks_parse_integer (text, &integer, &empty);
      ks_account_set_year_established (account, empty ? -1 : (gint) integer);
      break;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  save_account (self, account, GTK_WIDGET (row), field);
}

static void
on_parent_selected (KsAccountPage *self)
{
  g_autoptr(KsAccount) account = NULL;
  gint64 id;

  if (self->updating || !self->account ||
      !ks_id_combo_row_get_change (self->parent_row, self->parent_ids,
                                   ks_account_get_parent_id (self->account), &id) ||
      !(account = load_for_edit (self)))
    return;
  ks_account_set_parent_id (account, id);
  save_account (self, account, GTK_WIDGET (self->parent_row), -1);
}

static void
on_owner_selected (KsAccountPage *self)
{
  g_autoptr(KsAccount) account = NULL;
  gint64 id;

  if (self->updating || !self->account ||
      !ks_id_combo_row_get_change (self->owner_row, self->owner_ids,
                                   ks_account_get_owner_id (self->account), &id) ||
      !(account = load_for_edit (self)))
    return;
  ks_account_set_owner_id (account, id);
  save_account (self, account, GTK_WIDGET (self->owner_row), -1);
}

static void
on_segment_selected (KsAccountPage *self)
{
  g_autoptr(KsAccount) account = NULL;
  const char * const *segments = ks_account_segments ();
  guint pos = adw_combo_row_get_selected (self->segment_row);

  if (self->updating || !self->account || pos >= g_strv_length ((char **) segments))
    return;
  if (g_strcmp0 (segments[pos], ks_account_get_segment (self->account)) == 0 ||
      !(account = load_for_edit (self)))
    return;
  ks_account_set_segment (account, segments[pos]);
  save_account (self, account, GTK_WIDGET (self->segment_row), -1);
}

static void
on_lifecycle_selected (KsAccountPage *self)
{
  g_autoptr(KsAccount) account = NULL;
  const char * const *lifecycles = ks_account_lifecycles ();
  guint pos = adw_combo_row_get_selected (self->lifecycle_row);

  if (self->updating || !self->account || pos >= g_strv_length ((char **) lifecycles))
    return;
  if (g_strcmp0 (lifecycles[pos], ks_account_get_lifecycle (self->account)) == 0 ||
      !(account = load_for_edit (self)))
    return;
  ks_account_set_lifecycle (account, lifecycles[pos]);
  save_account (self, account, GTK_WIDGET (self->lifecycle_row), -1);
}

static void
on_notes_changed (KsAccountPage *self)
{
  if (self->updating)
    return;
  self->notes_dirty = TRUE;
  g_clear_handle_id (&self->notes_timeout_id, g_source_remove);
  self->notes_timeout_id = g_timeout_add (NOTES_SAVE_DELAY_MS, notes_timeout_cb, self);
}

static void
on_notes_focus_leave (KsAccountPage *self)
{
  save_notes (self);
}

/* The team member dialog */

typedef struct
{
  KsAccountPage *self;         /* owned */
  gint64         member_id;    /* 0 when adding */
  gint64         person_id;    /* when editing */
  GArray        *person_ids;   /* gint64 per person_row position (adding) */
  AdwComboRow   *person_row;
  AdwEntryRow   *role_row;
  GtkSwitch     *core_switch;
} MemberDialog;

static void
member_dialog_free (gpointer data)
{
  MemberDialog *md = data;

  g_clear_object (&md->self);
  g_clear_pointer (&md->person_ids, g_array_unref);
  g_free (md);
}

static void
on_member_dialog_response (AdwMessageDialog *dialog,
                           const char       *response,
                           MemberDialog     *md)
{
  KsAccountPage *self = md->self;
  g_autoptr(KsTeamMember) member = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;

  if (!g_str_equal (response, "save") || !self->workspace || self->account_id <= 0)
    return;

  if (md->member_id == 0)
    {
      guint pos = adw_combo_row_get_selected (md->person_row);
      if (pos >= md->person_ids->len)
        return;
      member = ks_team_member_new (self->account_id, g_array_index (md->person_ids, gint64, pos));
    }
  else
    {
      g_autoptr(GListModel) members = ks_team_member_list_for_account (self->workspace, self->account_id, NULL);
      for (guint i = 0; members && i < g_list_model_get_n_items (members); i++)
        {
          g_autoptr(KsTeamMember) m = g_list_model_get_item (members, i);
          if (ks_team_member_get_id (m) == md->member_id)
            member = g_steal_pointer (&m);
        }
      if (!member)
        return;
    }
  role = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (md->role_row))));
  ks_team_member_set_role (member, role);
  ks_team_member_set_core (member, gtk_switch_get_active (md->core_switch));
  if (!ks_team_member_save (member, self->workspace, &error))
    show_error (self, _("Could Not Save the Team Member"), error);
}

static void
show_member_dialog (KsAccountPage *self,
                    KsTeamMember  *member)
{
  MemberDialog *md = g_new0 (MemberDialog, 1);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWidget *list, *core_row;
  g_autofree char *body = NULL;
  gboolean can_save = TRUE;

  md->self = g_object_ref (self);
  md->member_id = member ? ks_team_member_get_id (member) : 0;

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  if (!member)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      g_autoptr(GListModel) people = ks_person_list (self->workspace, NULL);
      g_autoptr(GListModel) members = ks_team_member_list_for_account (self->workspace, self->account_id, NULL);
      g_autoptr(GHashTable) taken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

      for (guint i = 0; members && i < g_list_model_get_n_items (members); i++)
        {
          g_autoptr(KsTeamMember) m = g_list_model_get_item (members, i);
          gint64 *id = g_new (gint64, 1);
          *id = ks_team_member_get_person_id (m);
          g_hash_table_add (taken, id);
        }
      md->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; people && i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(KsPerson) p = g_list_model_get_item (people, i);
          gint64 id = ks_person_get_id (p);
          if (g_hash_table_contains (taken, &id))
            continue;
          gtk_string_list_append (names, ks_person_get_name (p));
          g_array_append_val (md->person_ids, id);
        }
      md->person_row = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (md->person_row), _("Person"));
      adw_combo_row_set_model (md->person_row, G_LIST_MODEL (names));
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (md->person_row));
      can_save = md->person_ids->len > 0;
      if (!people || g_list_model_get_n_items (people) == 0)
        body = g_strdup (_("There are no people yet. Add the people on your side on the People page first."));
      else if (!can_save)
        body = g_strdup (_("Everyone is already on this account’s team."));
      else
        body = g_strdup_printf (_("Who works on “%s”, and in which role?"), ks_account_get_name (self->account));
    }
  else
    {
      GtkWidget *person = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (person), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (person), ks_team_member_get_person_name (member));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (person), nonnull (ks_team_member_get_person_title (member)));
      adw_action_row_add_prefix (ADW_ACTION_ROW (person),
                                 adw_avatar_new (32, ks_team_member_get_person_name (member), TRUE));
      gtk_list_box_append (GTK_LIST_BOX (list), person);
      body = g_strdup_printf (_("The role of %s on “%s”."),
                              ks_team_member_get_person_name (member), ks_account_get_name (self->account));
    }

  md->role_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (md->role_row), _("Role, e.g. Sales coordinator"));
  if (member)
    gtk_editable_set_text (GTK_EDITABLE (md->role_row), nonnull (ks_team_member_get_role (member)));
  adw_entry_row_set_activates_default (md->role_row, TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (md->role_row));

  core_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (core_row), _("Core team"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (core_row),
                               _("Works on the account every week; the extended team is called in when needed"));
  md->core_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (md->core_switch), GTK_ALIGN_CENTER);
  gtk_switch_set_active (md->core_switch, member ? ks_team_member_get_core (member) : TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (core_row), GTK_WIDGET (md->core_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (core_row), GTK_WIDGET (md->core_switch));
  gtk_list_box_append (GTK_LIST_BOX (list), core_row);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       member ? _("Edit Team Member") : _("Add Team Member"),
                                                       body));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", member ? _("_Save") : _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "save", can_save);
  adw_message_dialog_set_default_response (dialog, can_save ? "save" : "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_member_dialog_response),
                         md, (GClosureNotify) (void (*) (void)) member_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static KsTeamMember *
find_member (KsAccountPage *self,
             gint64         member_id)
{
  g_autoptr(GListModel) members = NULL;

  if (!self->workspace)
    return NULL;
  members = ks_team_member_list_for_account (self->workspace, self->account_id, NULL);
  for (guint i = 0; members && i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(KsTeamMember) m = g_list_model_get_item (members, i);
      if (ks_team_member_get_id (m) == member_id)
        return g_steal_pointer (&m);
    }
  return NULL;
}

/* Actions */

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KsAccountPage *self = KS_ACCOUNT_PAGE (widget);

  if (self->account)
    show_member_dialog (self, NULL);
}

static void
edit_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KsAccountPage *self = KS_ACCOUNT_PAGE (widget);
  g_autoptr(KsTeamMember) member = find_member (self, g_variant_get_int64 (parameter));

  if (member)
    show_member_dialog (self, member);
}

static void
remove_member_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KsAccountPage *self = KS_ACCOUNT_PAGE (widget);
  g_autoptr(KsTeamMember) member = find_member (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!member)
    return;
  name = g_strdup (ks_team_member_get_person_name (member));
  if (!ks_team_member_delete (self->workspace, ks_team_member_get_id (member), &error))
    {
      show_error (self, _("Could Not Remove the Team Member"), error);
      return;
    }
  {
    g_autofree char *title = g_strdup_printf (_("%s removed from the team"), name);
    ks_widget_add_undo_toast (GTK_WIDGET (self), title);
  }
}

static void
delete_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KsAccountPage *self = KS_ACCOUNT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!self->account || !self->workspace)
    return;
  /* nothing typed may be lost with the account's undo step */
  save_notes (self);
  name = g_strdup (ks_account_get_name (self->account));
  if (!ks_account_delete (self->workspace, self->account_id, &error))
    {
      show_error (self, _("Could Not Delete the Account"), error);
      return;
    }
  title = g_strdup_printf (_("Account “%s” deleted"), name);
  ks_widget_add_undo_toast (GTK_WIDGET (self), title);
}

/* GObject */

static void
ks_account_page_dispose (GObject *object)
{
  KsAccountPage *self = KS_ACCOUNT_PAGE (object);

  if (self->workspace && self->account_id > 0 && self->notes_dirty)
    save_notes (self);
  g_clear_handle_id (&self->notes_timeout_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), KS_TYPE_ACCOUNT_PAGE);
  ks_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->account);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (ks_account_page_parent_class)->dispose (object);
}

static void
ks_account_page_finalize (GObject *object)
{
  KsAccountPage *self = KS_ACCOUNT_PAGE (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->loaded[i]);
  g_array_unref (self->parent_ids);
  g_array_unref (self->owner_ids);

  G_OBJECT_CLASS (ks_account_page_parent_class)->finalize (object);
}

static void
ks_account_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KsAccountPage *self = KS_ACCOUNT_PAGE (object);

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
ks_account_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KsAccountPage *self = KS_ACCOUNT_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:
      ks_account_page_set_account_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_account_page_class_init (KsAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_account_page_dispose;
  object_class->finalize = ks_account_page_finalize;
  object_class->get_property = ks_account_page_get_property;
  object_class->set_property = ks_account_page_set_property;

  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KS_TYPE_LAZY_COMBO_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ks-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, segment_badge);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, revenue_figure);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, employees_figure);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, open_figure);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, won_figure);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, profile_group);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, company_group);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, notes_group);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, sector_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, country_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, revenue_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, employees_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, year_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, parent_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, owner_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, segment_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, lifecycle_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, team_group);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, opportunities_group);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, scores_group);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, scores_list);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, team_list);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, opportunities_list);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, delete_button);

  gtk_widget_class_install_action (widget_class, "account.delete", NULL, delete_account_action);
  gtk_widget_class_install_action (widget_class, "account.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "account.edit-member", "x", edit_member_action);
  gtk_widget_class_install_action (widget_class, "account.remove-member", "x", remove_member_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "accountpage");
}

static void
ks_account_page_init (KsAccountPage *self)
{
  g_autoptr(GtkStringList) segments = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) lifecycles = gtk_string_list_new (NULL);
  GtkEventController *focus;

  self->applying = -1;
  self->parent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows[FIELD_NAME] = self->name_row;
  self->rows[FIELD_SECTOR] = self->sector_row;
  self->rows[FIELD_COUNTRY] = self->country_row;
  self->rows[FIELD_TIME_ZONE] = self->time_zone_row;
  self->rows[FIELD_REVENUE] = self->revenue_row;
  self->rows[FIELD_EMPLOYEES] = self->employees_row;
  self->rows[FIELD_YEAR] = self->year_row;
  ks_field_rows_connect (self->rows, N_FIELDS, G_CALLBACK (on_entry_apply),
                         G_CALLBACK (on_entry_changed), self);

  for (const char * const *s = ks_account_segments (); *s; s++)
    gtk_string_list_append (segments, ks_account_segment_label (*s));
  adw_combo_row_set_model (self->segment_row, G_LIST_MODEL (segments));
  for (const char * const *s = ks_account_lifecycles (); *s; s++)
    gtk_string_list_append (lifecycles, ks_account_lifecycle_label (*s));
  adw_combo_row_set_model (self->lifecycle_row, G_LIST_MODEL (lifecycles));

  g_signal_connect_object (self->parent_row, "fill",
                           G_CALLBACK (on_parent_fill), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->owner_row, "fill",
                           G_CALLBACK (on_owner_fill), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->parent_row, "notify::selected",
                           G_CALLBACK (on_parent_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->owner_row, "notify::selected",
                           G_CALLBACK (on_owner_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->segment_row, "notify::selected",
                           G_CALLBACK (on_segment_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lifecycle_row, "notify::selected",
                           G_CALLBACK (on_lifecycle_selected), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_notes_focus_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), focus);

  ks_list_box_set_placeholder_text (self->team_list, _("No one is on this account’s team yet."));

  ks_list_box_set_placeholder_text (self->opportunities_list, _("No opportunities with this account yet."));

  set_editable (self, FALSE);
}

GtkWidget *
ks_account_page_new (void)
{
  return g_object_new (KS_TYPE_ACCOUNT_PAGE, NULL);
}

void
ks_account_page_set_workspace (KsAccountPage *self,
                               KsWorkspace   *workspace)
{
  g_return_if_fail (KS_IS_ACCOUNT_PAGE (self));
  g_return_if_fail (!workspace || KS_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  ks_account_page_flush (self);
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace)
    g_signal_connect_object (workspace, "changed", G_CALLBACK (on_workspace_changed),
                             self, G_CONNECT_SWAPPED);
  self->account_id = 0;
  refresh (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

gint64
ks_account_page_get_account_id (KsAccountPage *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT_PAGE (self), 0);
  return self->account_id;
}

void
ks_account_page_set_account_id (KsAccountPage *self,
                                gint64         account_id)
{
  g_return_if_fail (KS_IS_ACCOUNT_PAGE (self));

  if (self->account_id == account_id)
    return;
  ks_account_page_flush (self);
  self->account_id = account_id;
  refresh (self, TRUE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

void
ks_account_page_focus_name (KsAccountPage *self)
{
  g_return_if_fail (KS_IS_ACCOUNT_PAGE (self));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  gtk_editable_select_region (GTK_EDITABLE (self->name_row), 0, -1);
}

void
ks_account_page_flush (KsAccountPage *self)
{
  g_return_if_fail (KS_IS_ACCOUNT_PAGE (self));

  if (self->workspace && self->account_id > 0)
    save_notes (self);
}

GtkWidget *
ks_account_page_get_field_row (KsAccountPage *self,
                               const char    *field)
{
  g_return_val_if_fail (KS_IS_ACCOUNT_PAGE (self), NULL);

  return ks_field_rows_find (self->rows, field_names, N_FIELDS, field);
}

guint
ks_account_page_get_n_members (KsAccountPage *self)
{
  guint n = 0;

  g_return_val_if_fail (KS_IS_ACCOUNT_PAGE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->team_list));
       child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;
  return n;
}
