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

  GtkLabel  *name_label;
  GtkLabel  *detail_label;
  GtkLabel  *revenue_label;
  GtkWidget *badge;
};

G_DEFINE_FINAL_TYPE (KsAccountRow, ks_account_row, GTK_TYPE_WIDGET)

static void
ks_account_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KS_TYPE_ACCOUNT_ROW);
  ks_widget_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (ks_account_row_parent_class)->dispose (object);
}

static void
ks_account_row_class_init (KsAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_account_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ks-account-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KsAccountRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, KsAccountRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, KsAccountRow, revenue_label);
  gtk_widget_class_bind_template_child (widget_class, KsAccountRow, badge);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "accountrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ks_account_row_init (KsAccountRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
      gtk_widget_set_visible (self->badge, FALSE);
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
  gtk_widget_set_visible (self->badge, key);

  if (show_revenue && !isnan (ks_account_get_revenue (account)))
    revenue = ks_format_number (ks_account_get_revenue (account), 0);
  gtk_label_set_label (self->revenue_label, revenue ? revenue : "");
  gtk_widget_set_visible (GTK_WIDGET (self->revenue_label), revenue != NULL);

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
