/* ks-funnel-filter-bar.c — one bar of filters for the whole Funnel view:
 * owner, team, region, account, product and a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each dropdown lists "All …" and then the names the workspace holds
 * (owners of opportunities, teams and regions of people, accounts with
 * opportunities, products), searchable. The period is a preset: all time,
 * this or next quarter, this or next year, from "today" (KEYSTONE_TODAY in
 * tests), or Custom… with from and to entries (YYYY-MM-DD, either may be
 * empty; applied on Enter or when the entry loses focus; a text that is not
 * a date, or from after to, is refused with a message and the last good
 * period stays). The bar keeps its choices by name when the workspace
 * changes.
 */
#define G_LOG_DOMAIN "ks-funnel-filter-bar"

#include "config.h"

#include "ks-funnel-filter-bar.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ks-app-util.h"
#include "ks-csv.h"
#include "ks-opportunity-query.h"

struct _KsFunnelFilterBar
{
  GtkWidget       parent_instance;

  KsWorkspace    *workspace;
  GtkWidget      *box;
  GtkDropDown    *dropdowns[KS_FUNNEL_N_FILTERS];
  GtkStringList  *lists[KS_FUNNEL_N_FILTERS];
  GtkDropDown    *period;
  GtkWidget      *custom_box;     /* the custom period's entries */
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  char           *custom_from;    /* the custom period as accepted; NULL = open */
  char           *custom_to;
  GtkWidget      *clear_button;
  char           *values[KS_FUNNEL_N_FILTERS];
  char           *from;
  char           *to;
  KsFunnelFilter  filter;
  gboolean        updating;
};

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KsFunnelFilterBar, ks_funnel_filter_bar, GTK_TYPE_WIDGET)

static const char *const filter_keys[KS_FUNNEL_N_FILTERS] = {
  "owner", "team", "region", "account", "product",
};

static const char *
all_label (KsFunnelFilterKind kind)
{
  switch (kind)
    {
    /* Translators: the first entry of the Funnel view's filter dropdowns */
    case KS_FUNNEL_FILTER_OWNER: return _("All Owners");
    case KS_FUNNEL_FILTER_TEAM: return _("All Teams");
    case KS_FUNNEL_FILTER_REGION: return _("All Regions");
    case KS_FUNNEL_FILTER_ACCOUNT: return _("All Accounts");
    case KS_FUNNEL_FILTER_PRODUCT: return _("All Products");
    case KS_FUNNEL_N_FILTERS:
    default: return "";
    }
}

static const char *
kind_label (KsFunnelFilterKind kind)
{
  switch (kind)
    {
    /* Translators: accessible names of the Funnel view's filter dropdowns */
    case KS_FUNNEL_FILTER_OWNER: return _("Owner");
    case KS_FUNNEL_FILTER_TEAM: return _("Team");
    case KS_FUNNEL_FILTER_REGION: return _("Region");
    case KS_FUNNEL_FILTER_ACCOUNT: return _("Account");
    case KS_FUNNEL_FILTER_PRODUCT: return _("Product");
    case KS_FUNNEL_N_FILTERS:
    default: return "";
    }
}

/* Helpers */

static void
update_filter (KsFunnelFilterBar *self)
{
  KsFunnelPeriod period = gtk_drop_down_get_selected (self->period);
  g_autofree char *today = ks_opportunity_query_today ();
  gboolean any = period != KS_FUNNEL_PERIOD_ALL;

  for (guint k = 0; k < KS_FUNNEL_N_FILTERS; k++)
    {
      guint selected = gtk_drop_down_get_selected (self->dropdowns[k]);

      g_clear_pointer (&self->values[k], g_free);
      if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
        self->values[k] = g_strdup (gtk_string_list_get_string (self->lists[k], selected));
      any = any || self->values[k];
    }
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  if (period == KS_FUNNEL_PERIOD_CUSTOM)
    {
      self->from = g_strdup (self->custom_from);
      self->to = g_strdup (self->custom_to);
    }
  else
    ks_funnel_period_range (period, today, &self->from, &self->to);
  gtk_widget_set_visible (self->custom_box, period == KS_FUNNEL_PERIOD_CUSTOM);
  memset (&self->filter, 0, sizeof self->filter);
  self->filter.owner = self->values[KS_FUNNEL_FILTER_OWNER];
  self->filter.team = self->values[KS_FUNNEL_FILTER_TEAM];
  self->filter.region = self->values[KS_FUNNEL_FILTER_REGION];
  self->filter.account = self->values[KS_FUNNEL_FILTER_ACCOUNT];
  self->filter.product = self->values[KS_FUNNEL_FILTER_PRODUCT];
  self->filter.from = self->from;
  self->filter.to = self->to;
  gtk_widget_set_sensitive (self->clear_button, any);
}

static void
fill_lists (KsFunnelFilterBar *self)
{
  self->updating = TRUE;
  for (guint k = 0; k < KS_FUNNEL_N_FILTERS; k++)
    {
      g_auto(GStrv) names = NULL;
      guint old = g_list_model_get_n_items (G_LIST_MODEL (self->lists[k]));
      guint selected = 0;

      if (self->workspace)
        names = ks_opportunity_query_filter_values (self->workspace, filter_keys[k], NULL);
      gtk_string_list_splice (self->lists[k], 1, old - 1, (const char *const *) names);
      for (guint i = 0; names && names[i]; i++)
        if (g_strcmp0 (names[i], self->values[k]) == 0)
          selected = i + 1;
      gtk_drop_down_set_selected (self->dropdowns[k], selected);
    }
  self->updating = FALSE;
}

/* Callbacks */

static void
on_selected (KsFunnelFilterBar *self)
{
  if (self->updating)
    return;
  update_filter (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
mark_entry (GtkEntry   *entry,
            const char *message)
{
  if (message)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), message ? message : _("YYYY-MM-DD; empty = open"));
}

/* The entries' texts as the custom period, or a message on the entry at
 * fault (a toast too) and the last good period kept. */
static void
apply_custom (KsFunnelFilterBar *self)
{
  g_autofree char *from = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from_entry))));
  g_autofree char *to = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->to_entry))));
  g_autoptr(GError) error = NULL;
  KsFunnelPeriodField field = KS_FUNNEL_PERIOD_FIELD_NONE;

  if (g_strcmp0 (*from ? from : NULL, self->custom_from) == 0 &&
      g_strcmp0 (*to ? to : NULL, self->custom_to) == 0 &&
      !gtk_widget_has_css_class (GTK_WIDGET (self->from_entry), "error") &&
      !gtk_widget_has_css_class (GTK_WIDGET (self->to_entry), "error"))
    return;
  if (!ks_funnel_period_check (from, to, &field, &error))
    {
      GtkEntry *wrong = field == KS_FUNNEL_PERIOD_FIELD_TO ? self->to_entry : self->from_entry;

      mark_entry (wrong, error->message);
      mark_entry (wrong == self->from_entry ? self->to_entry : self->from_entry, NULL);
      ks_widget_add_toast (GTK_WIDGET (self), error->message);
      return;
    }
  ks_funnel_filter_bar_set_custom_period (self, from, to, NULL);
}

static void
on_custom_activate (KsFunnelFilterBar *self)
{
  apply_custom (self);
}

static void
on_custom_focus_leave (KsFunnelFilterBar *self)
{
  /* only once the focus left both: typing "from", Tab, "to" is one edit */
  if (!gtk_widget_has_focus (GTK_WIDGET (self->from_entry)) && !gtk_widget_has_focus (GTK_WIDGET (self->to_entry)))
    apply_custom (self);
}

/* The choices as one string, to tell whether a reload changed them. */
static char *
choices_key (KsFunnelFilterBar *self)
{
  GString *key = g_string_new (NULL);

  for (guint k = 0; k < KS_FUNNEL_N_FILTERS; k++)
    {
      g_string_append (key, self->values[k] ? self->values[k] : "");
      g_string_append_c (key, '\x1f');
    }
  return g_string_free (key, FALSE);
}

static void
on_workspace_changed (KsFunnelFilterBar *self)
{
  g_autofree char *before = choices_key (self);
  g_autofree char *after = NULL;

  fill_lists (self);
  update_filter (self);
  after = choices_key (self);
  /* a name that is gone (renamed, deleted) leaves its dropdown at all */
  if (g_strcmp0 (before, after) != 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_clear (KsFunnelFilterBar *self)
{
  ks_funnel_filter_bar_clear (self);
}

/* Vfuncs */

static void
ks_funnel_filter_bar_dispose (GObject *object)
{
  KsFunnelFilterBar *self = KS_FUNNEL_FILTER_BAR (object);

  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  for (guint k = 0; k < KS_FUNNEL_N_FILTERS; k++)
    {
      g_clear_object (&self->lists[k]);
      g_clear_pointer (&self->values[k], g_free);
    }
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->custom_from, g_free);
  g_clear_pointer (&self->custom_to, g_free);
  G_OBJECT_CLASS (ks_funnel_filter_bar_parent_class)->dispose (object);
}

static void
ks_funnel_filter_bar_class_init (KsFunnelFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_funnel_filter_bar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "funnelfilterbar");

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ks_funnel_filter_bar_init (KsFunnelFilterBar *self)
{
  const char *periods[] = {
    /* Translators: the period presets of the Funnel view's filter bar */
    _("All Time"), _("This Quarter"), _("Next Quarter"), _("This Year"), _("Next Year"), _("Custom…"), NULL,
  };
  GtkEntry **entries[] = { &self->from_entry, &self->to_entry };
  /* Translators: accessible names of the custom period's entries */
  const char *entry_names[] = { _("From (Close Date)"), _("To (Close Date)") };
  g_autoptr(GtkExpression) expression =
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  for (guint k = 0; k < KS_FUNNEL_N_FILTERS; k++)
    {
      const char *first[] = { all_label (k), NULL };

      self->lists[k] = gtk_string_list_new (first);
      self->dropdowns[k] = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->lists[k])),
                                                             gtk_expression_ref (expression)));
      gtk_drop_down_set_enable_search (self->dropdowns[k], TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->dropdowns[k]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, kind_label (k), -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->dropdowns[k]), kind_label (k));
      g_signal_connect_swapped (self->dropdowns[k], "notify::selected", G_CALLBACK (on_selected), self);
      gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->dropdowns[k]));
    }
  self->period = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (periods));
  /* Translators: accessible name of the period dropdown (close dates within it) */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->period),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close Date Period"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->period), _("Close date (expected close date while open)"));
  g_signal_connect_swapped (self->period, "notify::selected", G_CALLBACK (on_selected), self);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->period));
  self->custom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      *entries[i] = GTK_ENTRY (gtk_entry_new ());
      /* Translators: the placeholder of the custom period's entries: a date as typed */
      gtk_entry_set_placeholder_text (*entries[i], _("YYYY-MM-DD"));
      gtk_editable_set_width_chars (GTK_EDITABLE (*entries[i]), 11);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (*entries[i]), 11);
      gtk_accessible_update_property (GTK_ACCESSIBLE (*entries[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      entry_names[i], -1);
      mark_entry (*entries[i], NULL);
      g_signal_connect_swapped (*entries[i], "activate", G_CALLBACK (on_custom_activate), self);
      g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_custom_focus_leave), self);
      gtk_widget_add_controller (GTK_WIDGET (*entries[i]), focus);
      if (i == 1)
        /* Translators: between the custom period's from and to entries */
        gtk_box_append (GTK_BOX (self->custom_box), gtk_label_new (_("to")));
      gtk_box_append (GTK_BOX (self->custom_box), GTK_WIDGET (*entries[i]));
    }
  gtk_box_append (GTK_BOX (self->box), self->custom_box);
  self->clear_button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_add_css_class (self->clear_button, "flat");
  gtk_widget_set_tooltip_text (self->clear_button, _("Clear the Filters"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clear_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clear the Filters"), -1);
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (on_clear), self);
  gtk_box_append (GTK_BOX (self->box), self->clear_button);
  update_filter (self);
}

GtkWidget *
ks_funnel_filter_bar_new (void)
{
  return g_object_new (KS_TYPE_FUNNEL_FILTER_BAR, NULL);
}

/* Public API */

void
ks_funnel_filter_bar_set_workspace (KsFunnelFilterBar *self,
                                    KsWorkspace       *workspace)
{
  static const char *const tables[] = { "people", "accounts", "products", "opportunities" };

  g_return_if_fail (KS_IS_FUNNEL_FILTER_BAR (self));

  if (self->workspace == workspace)
    return;
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  for (guint i = 0; workspace && i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", tables[i], NULL);
      g_signal_connect_swapped (workspace, signal, G_CALLBACK (on_workspace_changed), self);
    }
  on_workspace_changed (self);
}

const KsFunnelFilter *
ks_funnel_filter_bar_get_filter (KsFunnelFilterBar *self)
{
  g_return_val_if_fail (KS_IS_FUNNEL_FILTER_BAR (self), NULL);

  return &self->filter;
}

gboolean
ks_funnel_filter_bar_set_value (KsFunnelFilterBar  *self,
                                KsFunnelFilterKind  kind,
                                const char         *value)
{
  guint n;

  g_return_val_if_fail (KS_IS_FUNNEL_FILTER_BAR (self), FALSE);
  g_return_val_if_fail (kind < KS_FUNNEL_N_FILTERS, FALSE);

  if (!value)
    {
      gtk_drop_down_set_selected (self->dropdowns[kind], 0);
      return TRUE;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->lists[kind]));
  for (guint i = 1; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->lists[kind], i), value) == 0)
      {
        gtk_drop_down_set_selected (self->dropdowns[kind], i);
        return TRUE;
      }
  return FALSE;
}

void
ks_funnel_filter_bar_set_period (KsFunnelFilterBar *self,
                                 KsFunnelPeriod     period)
{
  g_return_if_fail (KS_IS_FUNNEL_FILTER_BAR (self));
  g_return_if_fail (period < KS_FUNNEL_N_PERIODS);

  /* Custom: the period last accepted (none yet = open at both ends) */
  gtk_drop_down_set_selected (self->period, period);
}

void
ks_funnel_filter_bar_clear (KsFunnelFilterBar *self)
{
  g_return_if_fail (KS_IS_FUNNEL_FILTER_BAR (self));

  self->updating = TRUE;
  for (guint k = 0; k < KS_FUNNEL_N_FILTERS; k++)
    gtk_drop_down_set_selected (self->dropdowns[k], 0);
  gtk_drop_down_set_selected (self->period, KS_FUNNEL_PERIOD_ALL);
  g_clear_pointer (&self->custom_from, g_free);
  g_clear_pointer (&self->custom_to, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  mark_entry (self->from_entry, NULL);
  mark_entry (self->to_entry, NULL);
  self->updating = FALSE;
  on_selected (self);
}

gboolean
ks_funnel_filter_bar_set_custom_period (KsFunnelFilterBar  *self,
                                        const char         *from,
                                        const char         *to,
                                        GError            **error)
{
  g_return_val_if_fail (KS_IS_FUNNEL_FILTER_BAR (self), FALSE);

  if (from && !*from)
    from = NULL;
  if (to && !*to)
    to = NULL;
  if (!ks_funnel_period_check (from, to, NULL, error))
    return FALSE;
  g_free (self->custom_from);
  g_free (self->custom_to);
  self->custom_from = g_strdup (from);
  self->custom_to = g_strdup (to);
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to ? to : "");
  mark_entry (self->from_entry, NULL);
  mark_entry (self->to_entry, NULL);
  gtk_drop_down_set_selected (self->period, KS_FUNNEL_PERIOD_CUSTOM);
  self->updating = FALSE;
  on_selected (self);
  return TRUE;
}

GtkEntry *
ks_funnel_filter_bar_get_period_entry (KsFunnelFilterBar *self,
                                       gboolean           to)
{
  g_return_val_if_fail (KS_IS_FUNNEL_FILTER_BAR (self), NULL);
  return to ? self->to_entry : self->from_entry;
}

gboolean
ks_funnel_period_check (const char           *from,
                        const char           *to,
                        KsFunnelPeriodField  *field,
                        GError              **error)
{
  const char *texts[] = { from, to };
  /* Translators: the custom period's entries, named in its messages */
  const char *names[] = { _("From"), _("To") };
  guint32 days[2] = { 0, 0 };

  if (field)
    *field = KS_FUNNEL_PERIOD_FIELD_NONE;
  for (guint i = 0; i < 2; i++)
    if (texts[i] && *texts[i] && !(days[i] = ks_csv_parse_iso_date (texts[i])))
      {
        if (field)
          *field = i == 0 ? KS_FUNNEL_PERIOD_FIELD_FROM : KS_FUNNEL_PERIOD_FIELD_TO;
        /* Translators: a custom period's date that is not one, e.g. “2027-02-30” is not a date for “To” … */
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("“%s” is not a date for “%s” of the close-date period: use YYYY-MM-DD, such as 2027-01-31"),
                     texts[i], names[i]);
        return FALSE;
      }
  if (days[0] && days[1] && days[0] > days[1])
    {
      if (field)
        *field = KS_FUNNEL_PERIOD_FIELD_TO;
      /* Translators: a custom period that ends before it starts */
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The close-date period from %s to %s ends before it starts: choose a “To” date on or after "
                     "the “From” date"), from, to);
      return FALSE;
    }
  return TRUE;
}

gboolean
ks_funnel_period_range (KsFunnelPeriod   period,
                        const char      *today,
                        char           **from,
                        char           **to)
{
  int y, m, d, q;

  *from = *to = NULL;
  if (period == KS_FUNNEL_PERIOD_ALL || !today || sscanf (today, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return FALSE;
  q = (m - 1) / 3;
  switch (period)
    {
    case KS_FUNNEL_PERIOD_NEXT_QUARTER:
      if (++q == 4)
        {
          q = 0;
          y++;
        }
      G_GNUC_FALLTHROUGH;
    case KS_FUNNEL_PERIOD_THIS_QUARTER:
      {
        static const char *const ends[] = { "03-31", "06-30", "09-30", "12-31" };
        *from = g_strdup_printf ("%04d-%02d-01", y, q * 3 + 1);
        *to = g_strdup_printf ("%04d-%s", y, ends[q]);
        return TRUE;
      }
    case KS_FUNNEL_PERIOD_NEXT_YEAR:
      y++;
      G_GNUC_FALLTHROUGH;
    case KS_FUNNEL_PERIOD_THIS_YEAR:
      *from = g_strdup_printf ("%04d-01-01", y);
      *to = g_strdup_printf ("%04d-12-31", y);
      return TRUE;
    case KS_FUNNEL_PERIOD_ALL:
    case KS_FUNNEL_PERIOD_CUSTOM:
    case KS_FUNNEL_N_PERIODS:
    default:
      return FALSE;
    }
}
