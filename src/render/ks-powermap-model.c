/* ks-powermap-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-powermap-model"

#include <math.h>

#include "ks-contact-line.h"
#include "ks-contact.h"
#include "ks-powermap-model.h"

void
ks_map_model_init (KsMapModel *model)
{
  model->nodes = g_array_new (FALSE, TRUE, sizeof (KsMapNode));
  model->lines = g_array_new (FALSE, TRUE, sizeof (KsMapLine));
  model->contacts = g_ptr_array_new_with_free_func (g_object_unref);
  model->strings = g_ptr_array_new_with_free_func (g_free);
}

void
ks_map_model_clear (KsMapModel *model)
{
  g_clear_pointer (&model->nodes, g_array_unref);
  g_clear_pointer (&model->lines, g_array_unref);
  g_clear_pointer (&model->contacts, g_ptr_array_unref);
  g_clear_pointer (&model->strings, g_ptr_array_unref);
}

char *
ks_map_initials (const char *name)
{
  GString *s = g_string_new (NULL);
  gboolean start = TRUE;

  for (const char *p = name; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-')
        start = TRUE;
      else if (start)
        {
          if (s->len < 8)
            g_string_append_unichar (s, g_unichar_toupper (c));
          start = FALSE;
        }
    }
  return g_string_free (s, FALSE);
}

gboolean
ks_map_model_load (KsMapModel   *model,
                   KsWorkspace  *workspace,
                   gint64        account_id,
                   GError      **error)
{
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) lines = NULL;

  g_return_val_if_fail (model != NULL && model->nodes != NULL, FALSE);
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  g_array_set_size (model->nodes, 0);
  g_array_set_size (model->lines, 0);
  g_ptr_array_set_size (model->contacts, 0);
  g_ptr_array_set_size (model->strings, 0);

  if (!(contacts = ks_contact_list_for_account (workspace, account_id, error)) ||
      !(lines = ks_contact_line_list_for_account (workspace, account_id, error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      KsContact *contact = g_list_model_get_item (contacts, i);
      char *owner = ks_map_initials (ks_contact_get_owner_name (contact));
      KsMapNode node = { 0 };

      g_ptr_array_add (model->contacts, contact);
      g_ptr_array_add (model->strings, owner);
      node.id = ks_contact_get_id (contact);
      node.name = ks_contact_get_name (contact);
      node.title = ks_contact_get_title (contact);
      node.owner_initials = owner;
      node.kind = ks_contact_get_kind (contact);
      node.power = ks_contact_get_power (contact);
      node.relationship = ks_contact_get_relationship (contact);
      node.attitude = ks_contact_get_attitude (contact);
      node.level = ks_contact_get_level (contact);
      node.roles = ks_contact_get_roles (contact);
      node.x = ks_contact_get_x (contact);
      node.y = ks_contact_get_y (contact);
      node.placed = !isnan (node.x) && !isnan (node.y);
      node.pinned = ks_contact_get_pinned (contact);
      g_array_append_val (model->nodes, node);
    }

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(KsContactLine) line = g_list_model_get_item (lines, i);
      KsMapLine map_line = {
        .id = ks_contact_line_get_id (line),
        .from_id = ks_contact_line_get_from_id (line),
        .to_id = ks_contact_line_get_to_id (line),
        .kind = ks_contact_line_get_kind (line),
        .strength = ks_contact_line_get_strength (line),
      };
      g_array_append_val (model->lines, map_line);
    }
  return TRUE;
}
