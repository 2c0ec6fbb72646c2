/* ks-account-row.c — one account in the sidebar list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Name, a dim line "↳ parent · sector · country", and a badge for key
 * accounts; with the revenue when the list is sorted by it.
 */
#define G_LOG_DOMAIN "ks-account-row"

#include "config.h"

#include "ks-account-row.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ks-app-util.h"

struct _KsAccountRow
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *name_label;
  GtkLabel  *detail_label;
  GtkLabel  *revenue_label;   /* NULL until a revenue is shown */
  GtkWidget *badge;           /* NULL until a key account is shown */
};

G_DEFINE_FINAL_TYPE (KsAccountRow, ks_account_row, GTK_TYPE_WIDGET)

/* Built in code, not from a template: GtkListView makes ~200 rows at once
 * (its fixed window of items), and parsing a template for each cost 3.5 %
 * of the instructions to the first frame on ×100. The revenue label and the
 * badge are made when first needed. */

static GtkLabel *
caption_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  return GTK_LABEL (label);
}

static void
ensure_revenue_label (KsAccountRow *self)
{
  GtkWidget *label;

  if (self->revenue_label)
    return;
  label = gtk_label_new (NULL);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (label, _("Annual revenue"));
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_insert_after (label, GTK_WIDGET (self), self->box);
  self->revenue_label = GTK_LABEL (label);
}

static void
ensure_badge (KsAccountRow *self)
{
  if (self->badge)
    return;
  /* Translators: badge for a key account in the account list; keep it short */
  self->badge = gtk_label_new (_("Key"));
  gtk_widget_set_valign (self->badge, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->badge, _("Key account"));
  gtk_widget_add_css_class (self->badge, "segment-badge");
  gtk_widget_insert_before (self->badge, GTK_WIDGET (self), NULL);
}

static void
ks_account_row_dispose (GObject *object)
{
  ks_widget_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (ks_account_row_parent_class)->dispose (object);
}

static void
ks_account_row_class_init (KsAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_account_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "accountrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ks_account_row_init (KsAccountRow *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (self->box, TRUE);
  gtk_widget_set_valign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name_label, 0);
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "heading");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->name_label));

  self->detail_label = caption_label_new ();
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->detail_label));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);
}

GtkWidget *
ks_account_row_new (void)
{
  return g_object_new (KS_TYPE_ACCOUNT_ROW, NULL);
}

void
ks_account_row_set_account (KsAccountRow *self,
                            KsAccount    *account,
                            gboolean      show_revenue)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autoptr(GString) spoken = g_string_new (NULL);
  g_autofree char *revenue = NULL;
  const char *parent;
  gboolean key;

  g_return_if_fail (KS_IS_ACCOUNT_ROW (self));

  if (!account)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->detail_label, "");
      if (self->badge)
        gtk_widget_set_visible (self->badge, FALSE);
      if (self->revenue_label)
        gtk_widget_set_visible (GTK_WIDGET (self->revenue_label), FALSE);
      return;
    }

  parent = ks_account_get_parent_name (account);
  if (parent && *parent)
    {
      g_autofree char *hint = g_strdup_printf ("↳ %s", parent);
      ks_string_append_part (detail, hint);
    }
  ks_string_append_part (detail, ks_account_get_sector (account));
  ks_string_append_part (detail, ks_account_get_country (account));

  gtk_label_set_label (self->name_label, ks_account_get_name (account));
  gtk_label_set_label (self->detail_label, detail->str);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail->len > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->detail_label),
                               parent && *parent ? detail->str : NULL);

  key = g_strcmp0 (ks_account_get_segment (account), KS_SEGMENT_KEY) == 0;
  if (key)
    ensure_badge (self);
  if (self->badge)
    gtk_widget_set_visible (self->badge, key);

  if (show_revenue && !isnan (ks_account_get_revenue (account)))
    revenue = ks_format_number (ks_account_get_revenue (account), 0);
  if (revenue)
    ensure_revenue_label (self);
  if (self->revenue_label)
    {
      gtk_label_set_label (self->revenue_label, revenue ? revenue : "");
      gtk_widget_set_visible (GTK_WIDGET (self->revenue_label), revenue != NULL);
    }

  /* What a screen reader says for the row. */
  g_string_append (spoken, ks_account_get_name (account));
  if (key)
    g_string_append_printf (spoken, ", %s", _("key account"));
  if (parent && *parent)
    {
      g_string_append (spoken, ", ");
      /* Translators: read by screen readers for a subsidiary in the account list */
      g_string_append_printf (spoken, _("subsidiary of %s"), parent);
    }
  if (ks_account_get_sector (account) && *ks_account_get_sector (account))
    g_string_append_printf (spoken, ", %s", ks_account_get_sector (account));
  if (ks_account_get_country (account) && *ks_account_get_country (account))
    g_string_append_printf (spoken, ", %s", ks_account_get_country (account));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken->str,
                                  -1);
}
