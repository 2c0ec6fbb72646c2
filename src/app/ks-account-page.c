/* ks-account-page.c — one account: header, profile fields, notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every applied change loads the account afresh, changes one field and saves
 * it: one ks_account_save() = one undo step. The page redraws from the
 * workspace's "changed" signal, so undo, redo and edits from elsewhere show
 * at once; a field the user is still editing keeps its text. A field is
 * saved only over the value the user started typing from: when another user
 * changed it meanwhile, the row says so with their value (ks-field-rows.c)
 * and Enter again replaces it. The page's
 * sections are ks-account-team.c (the account team),
 * ks-account-opportunities.c and ks-account-score-card.c.
 */
#define G_LOG_DOMAIN "ks-account-page"

#include "config.h"

#include "ks-account-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ks-account-page-private.h"
#include "ks-field-rows.h"
#include "ks-person.h"

#define NOTES_SAVE_DELAY_MS 1000

static const char *const field_names[N_FIELDS] = {
  "name", "sector", "country", "time-zone", "revenue", "employees", "year",
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

static char *
format_revenue (double revenue)
{
  if (isnan (revenue))
    return g_strdup ("");
  return ks_format_number (revenue, revenue == floor (revenue) ? 0 : 2);
}

/* Loads the current account afresh, for one change. */
static KsAccount *
load_for_edit (KsAccountPage  *self,
               GError       **error)
{
  g_autoptr(GError) local = NULL;
  KsAccount *account;

  if (!self->workspace || self->account_id <= 0)
    return NULL;
  account = ks_account_load (self->workspace, self->account_id, error ? error : &local);
  if (local)
    g_warning ("Could not load account %" G_GINT64_FORMAT ": %s", self->account_id, local->message);
  return account;
}

/* An entry row's text for @field of @a, as refresh_fields() shows it: what
 * the user starts typing over, compared again before a save. */
static char *
field_text (KsAccount *a,
            Field      field)
{
  switch (field)
    {
    case FIELD_NAME:
      return g_strdup (nonnull (ks_account_get_name (a)));
    case FIELD_SECTOR:
      return g_strdup (nonnull (ks_account_get_sector (a)));
    case FIELD_COUNTRY:
      return g_strdup (nonnull (ks_account_get_country (a)));
    case FIELD_TIME_ZONE:
      return g_strdup (nonnull (ks_account_get_time_zone (a)));
    case FIELD_REVENUE:
      return format_revenue (ks_account_get_revenue (a));
    case FIELD_EMPLOYEES:
      if (ks_account_get_employees (a) >= 0)
        return ks_format_number ((double) ks_account_get_employees (a), 0);
      return g_strdup ("");
    case FIELD_YEAR:
      if (ks_account_get_year_established (a) > 0)
        return g_strdup_printf ("%d", ks_account_get_year_established (a));
      return g_strdup ("");
    case N_FIELDS:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/* Saves @account, with @field as the field being applied (-1: none). */
static gboolean
try_save (KsAccountPage  *self,
          KsAccount      *account,
          int             field,
          GError        **error)
{
  gboolean ok;

  self->applying = field;
  ok = ks_account_save (account, self->workspace, error);
  self->applying = -1;
  return ok;
}

/* Saves @account; a refusal is shown at @row (or in a dialog). */
static gboolean
save_account (KsAccountPage *self,
              KsAccount     *account,
              GtkWidget     *row,
              int            field)
{
  g_autoptr(GError) error = NULL;

  if (!try_save (self, account, field, &error))
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
  GtkTextBuffer *buffer;

  for (Field f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *text = field_text (a, f);

      set_entry_text (self, f, text, force);
    }

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
  _ks_account_page_refresh_team (self);
  _ks_account_page_refresh_opportunities (self);
  _ks_account_page_refresh_scores (self);
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
  if (!(account = load_for_edit (self, NULL)))
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
    _ks_account_page_refresh_team (self);
  else if (self->account && (g_str_equal (table, "opportunities") || g_str_equal (table, "products") ||
                             g_str_equal (table, "funnel_stages") || g_str_equal (table, "stage_map") ||
                             g_str_equal (table, "settings")))
    _ks_account_page_refresh_opportunities (self);
  else if (self->account && (g_str_equal (table, "account_scores") || g_str_equal (table, "score_criteria") ||
                             g_str_equal (table, "review_periods")))
    _ks_account_page_refresh_scores (self);
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
          ks_field_row_set_error (row, message);
        }
      return;
    }
  message = validate_field (field, gtk_editable_get_text (GTK_EDITABLE (row)));
  ks_field_row_set_error (row, message);
}

/* Sets @field of @account to the valid @text; FALSE when there is nothing
 * to save. */
static gboolean
set_field (KsAccount  *account,
           Field       field,
           const char *text)
{
  double number;
  gint64 integer;
  gboolean empty;

  switch (field)
    {
    case FIELD_NAME:
      if (g_strcmp0 (text, ks_account_get_name (account)) == 0)
        return FALSE;
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
  return TRUE;
}

static void
on_entry_apply (AdwEntryRow   *row,
                KsAccountPage *self)
{
  Field field = ks_field_row_get_field (row);
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autofree char *message = NULL;

  if (self->updating)
    return;
  g_strstrip (text);
  if ((message = validate_field (field, text)))
    {
      /* QUALITY.md §1: say why at the field, store nothing */
      ks_row_set_error (ADW_PREFERENCES_ROW (row), message);
      return;
    }

  /* The account is read again so the save keeps every other field as
   * stored now; this field is saved only over the value the user started
   * from, or after they were told of another user's and pressed Enter
   * again. A second try covers another user's save between this read and
   * the save (refused as a conflict): read again, compare again. */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(KsAccount) account = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = NULL;

      if (!(account = load_for_edit (self, &error)))
        {
          /* say why at the field (the server went away…); the text stays */
          if (error)
            ks_field_row_show_refusal (row, error);
          return;
        }
      stored = field_text (account, field);
      if (!ks_field_row_check_base (row, &self->loaded[field], stored) ||
          !set_field (account, field, text))
        return;
      if (try_save (self, account, field, &error))
        {
          ks_row_set_error (ADW_PREFERENCES_ROW (row), NULL);
          return;
        }
      if (attempt > 0 || !g_error_matches (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT))
        {
          ks_field_row_show_refusal (row, error);
          return;
        }
    }
}

static void
on_parent_selected (KsAccountPage *self)
{
  g_autoptr(KsAccount) account = NULL;
  gint64 id;

  if (self->updating || !self->account ||
      !ks_id_combo_row_get_change (self->parent_row, self->parent_ids,
                                   ks_account_get_parent_id (self->account), &id) ||
      !(account = load_for_edit (self, NULL)))
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
      !(account = load_for_edit (self, NULL)))
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
      !(account = load_for_edit (self, NULL)))
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
      !(account = load_for_edit (self, NULL)))
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

/* Actions */

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
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, funnel_group);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, funnel_list);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, funnel_button);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, delete_button);

  gtk_widget_class_install_action (widget_class, "account.delete", NULL, delete_account_action);
  _ks_account_page_class_add_team_actions (widget_class);

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
  _ks_account_page_init_opportunities (self);

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
ks_account_page_focus_field (KsAccountPage *self,
                             const char    *field)
{
  GtkWidget *row;

  g_return_if_fail (KS_IS_ACCOUNT_PAGE (self));

  if (g_strcmp0 (field, "notes") == 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
      return;
    }
  row = field ? ks_field_rows_find (self->rows, field_names, N_FIELDS, field) : NULL;
  if (!row)
    row = GTK_WIDGET (self->name_row);
  gtk_widget_grab_focus (row);
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
