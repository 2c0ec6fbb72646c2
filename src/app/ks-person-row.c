/* ks-person-row.c — one person in the people list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Avatar, name, a dim line "title · team · region" and the number of
 * accounts the person covers.
 */
#define G_LOG_DOMAIN "ks-person-row"

#include "config.h"

#include "ks-person-row.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ks-app-util.h"

struct _KsPersonRow
{
  GtkWidget  parent_instance;

  AdwAvatar *avatar;
  GtkLabel  *name_label;
  GtkLabel  *detail_label;
  GtkLabel  *count_label;
};

G_DEFINE_FINAL_TYPE (KsPersonRow, ks_person_row, GTK_TYPE_WIDGET)

static void
ks_person_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KS_TYPE_PERSON_ROW);
  ks_widget_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (ks_person_row_parent_class)->dispose (object);
}

static void
ks_person_row_class_init (KsPersonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_person_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ks-person-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KsPersonRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, KsPersonRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, KsPersonRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, KsPersonRow, count_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "personrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ks_person_row_init (KsPersonRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);
}

GtkWidget *
ks_person_row_new (void)
{
  return g_object_new (KS_TYPE_PERSON_ROW, NULL);
}

void
ks_person_row_set_person (KsPersonRow *self,
                          KsPerson    *person)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *count = NULL;
  g_autofree char *spoken = NULL;
  guint n;

  g_return_if_fail (KS_IS_PERSON_ROW (self));

  if (!person)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->detail_label, "");
      gtk_label_set_label (self->count_label, "");
      return;
    }

  ks_string_append_part (detail, ks_person_get_title (person));
  ks_string_append_part (detail, ks_person_get_team (person));
  ks_string_append_part (detail, ks_person_get_region (person));

  n = ks_person_get_account_count (person);
  count = g_strdup_printf (ngettext ("%u account", "%u accounts", n), n);

  adw_avatar_set_text (self->avatar, ks_person_get_name (person));
  gtk_label_set_label (self->name_label, ks_person_get_name (person));
  gtk_label_set_label (self->detail_label, detail->str);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail->len > 0);
  gtk_label_set_label (self->count_label, n > 0 ? count : "");
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), n > 0);

  spoken = g_strdup_printf ("%s%s%s, %s", ks_person_get_name (person),
                            detail->len ? ", " : "", detail->str, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
}
