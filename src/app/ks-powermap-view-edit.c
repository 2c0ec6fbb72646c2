/* ks-powermap-view-edit.c — the edits the power map canvas makes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Moving, deleting, adding and linking cards and tidying the map: each is
 * one call into core and one undo step (ks_workspace_begin/commit), with a
 * toast to undo it or to say what went wrong.
 */
#define G_LOG_DOMAIN "ks-powermap-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ks-app-util.h"
#include "ks-contact-line.h"
#include "ks-powermap-view-private.h"
#include "ks-window.h"

/* Helpers */

static KsWindow *
get_window (KsPowermapView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return KS_IS_WINDOW (root) ? KS_WINDOW (root) : NULL;
}

static void
report_error (KsPowermapView *self,
              GError         *error)
{
  KsWindow *window = get_window (self);

  if (window)
    ks_window_add_toast (window, error->message);
  else
    g_warning ("%s", error->message);
}

static char *
unique_name (KsPowermapView *self,
             const char     *base)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (base) : g_strdup_printf ("%s %u", base, n);
      gboolean taken = FALSE;

      for (guint i = 0; i < self->nodes->len && !taken; i++)
        taken = g_utf8_collate (g_array_index (self->nodes, KsMapNode, i).name, name) == 0;
      if (!taken)
        return g_steal_pointer (&name);
    }
}

static gboolean
position_taken (KsPowermapView *self,
                double          x,
                double          y)
{
  for (guint i = 0; i < self->nodes->len; i++)
    {
      KsMapNode *node = &g_array_index (self->nodes, KsMapNode, i);

      if (node->placed && fabs (node->x - x) < 200 && fabs (node->y - y) < 80)
        return TRUE;
    }
  return FALSE;
}

/* Public API */

gboolean
ks_powermap_view_commit_move (KsPowermapView *self,
                              const gint64   *ids,
                              const double   *xs,
                              const double   *ys,
                              guint           n)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KS_IS_POWERMAP_VIEW (self), FALSE);

  if (!self->workspace || n == 0)
    return FALSE;
  if (!ks_contact_move_many (self->workspace, ids, xs, ys, n, &error))
    {
      report_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
ks_powermap_view_delete_selection (KsPowermapView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) nodes = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autofree char *title = NULL;
  const char *label;

  g_return_val_if_fail (KS_IS_POWERMAP_VIEW (self), FALSE);

  if (!self->workspace || (self->sel_nodes->len == 0 && self->sel_lines->len == 0))
    return FALSE;

  nodes = g_array_copy (self->sel_nodes);
  lines = g_array_copy (self->sel_lines);
  if (nodes->len == 1)
    {
      KsContact *contact = ks_powermap_view_get_contact (self, g_array_index (nodes, gint64, 0));

      /* Translators: a toast, e.g. Deleted “Dr. Hartmann” */
      title = g_strdup_printf (_("Deleted “%s”"), contact ? ks_contact_get_name (contact) : "");
      label = _("Delete contact");
    }
  else if (nodes->len > 1)
    {
      title = g_strdup_printf (ngettext ("Deleted %u contact", "Deleted %u contacts", nodes->len),
                               nodes->len);
      label = _("Delete contacts");
    }
  else
    {
      title = g_strdup (ngettext ("Deleted line", "Deleted lines", lines->len));
      label = ngettext ("Delete line", "Delete lines", lines->len);
    }

  if (!ks_workspace_begin (self->workspace, label, &error))
    goto failed;
  for (guint i = 0; i < lines->len; i++)
    {
      gint64 id = g_array_index (lines, gint64, i);
      gboolean gone = FALSE;

      /* a line of a deleted contact may already be gone */
      for (guint j = 0; j < self->lines->len; j++)
        {
          KsMapLine *line = &g_array_index (self->lines, KsMapLine, j);

          if (line->id == id)
            gone = array_contains (nodes, line->from_id) || array_contains (nodes, line->to_id);
        }
      if (!gone && !ks_contact_line_delete (self->workspace, id, &error))
        goto rollback;
    }
  for (guint i = 0; i < nodes->len; i++)
    if (!ks_contact_delete (self->workspace, g_array_index (nodes, gint64, i), &error))
      goto rollback;
  if (!ks_workspace_commit (self->workspace, &error))
    goto rollback;

  ks_widget_add_undo_toast (GTK_WIDGET (self), title);
  return TRUE;

rollback:
  ks_workspace_rollback (self->workspace);
failed:
  report_error (self, error);
  return FALSE;
}

gint64
ks_powermap_view_add_node (KsPowermapView *self,
                           KsNodeKind      kind,
                           gint64          boss_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsContact) contact = NULL;
  g_autofree char *name = NULL;
  const char *label;
  KsMapNode *boss;
  double x, y;
  gint64 id;

  g_return_val_if_fail (KS_IS_POWERMAP_VIEW (self), 0);

  if (!self->workspace || self->account_id <= 0)
    return 0;

  switch (kind)
    {
    case KS_NODE_COMPETITOR:
      name = unique_name (self, _("Competitor"));
      label = _("Add competitor");
      boss_id = 0;
      break;
    case KS_NODE_THIRD_PARTY:
      name = unique_name (self, _("Third Party"));
      label = _("Add third party");
      boss_id = 0;
      break;
    case KS_NODE_CONTACT:
    default:
      name = unique_name (self, _("New Contact"));
      label = _("Add contact");
      break;
    }

  _ks_powermap_view_ensure_layout (self);
  boss = boss_id ? _ks_powermap_view_find_node (self, boss_id) : NULL;
  if (boss && kind == KS_NODE_CONTACT && boss->kind == KS_NODE_CONTACT)
    {
      int index = ks_map_layout_find_node (self->layout, boss_id);
      KsMapRect rect = { 0 };

      ks_map_layout_get_node_rect (self->layout, MAX (index, 0), &rect);
      x = rect.x + rect.width / 2;
      y = rect.y + rect.height + 100;
    }
  else
    {
      boss_id = 0;
      ks_map_view_to_model (&self->view, self->view.width / 2, self->view.height / 2, &x, &y);
    }
  x = round (x);
  y = round (y);
  for (guint i = 0; i < 50 && position_taken (self, x, y); i++)
    x += 220;

  contact = ks_contact_new (self->account_id, name);
  ks_contact_set_kind (contact, kind);
  ks_contact_set_position (contact, x, y);

  if (!ks_workspace_begin (self->workspace, label, &error))
    goto failed;
  if (!ks_contact_save (contact, self->workspace, &error))
    goto rollback;
  id = ks_contact_get_id (contact);
  if (boss_id)
    {
      g_autoptr(KsContactLine) line = ks_contact_line_new (id, boss_id, KS_LINE_REPORTS_TO);

      if (!ks_contact_line_save (line, self->workspace, &error))
        goto rollback;
    }
  if (!ks_workspace_commit (self->workspace, &error))
    goto rollback;

  ks_powermap_view_select_node (self, id, FALSE);
  return id;

rollback:
  ks_workspace_rollback (self->workspace);
failed:
  report_error (self, error);
  return 0;
}

gint64
ks_powermap_view_add_line (KsPowermapView *self,
                           gint64          from_id,
                           gint64          to_id,
                           KsLineKind      kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsContactLine) line = NULL;

  g_return_val_if_fail (KS_IS_POWERMAP_VIEW (self), 0);

  if (!self->workspace)
    return 0;
  line = ks_contact_line_new (from_id, to_id, kind);
  if (kind == KS_LINE_INFLUENCE)
    ks_contact_line_set_strength (line, 2);
  if (!ks_contact_line_save (line, self->workspace, &error))
    {
      report_error (self, error);
      return 0;
    }
  ks_powermap_view_select_line (self, ks_contact_line_get_id (line));
  return ks_contact_line_get_id (line);
}

gboolean
ks_powermap_view_link_selected (KsPowermapView *self)
{
  KsMapNode *a, *b;
  KsLineKind kind = KS_LINE_REPORTS_TO;

  g_return_val_if_fail (KS_IS_POWERMAP_VIEW (self), FALSE);

  if (self->sel_nodes->len != 2)
    {
      KsWindow *window = get_window (self);

      if (window)
        ks_window_add_toast (window, _("Select two cards to link them"));
      return FALSE;
    }
  /* the first selected reports to (or influences) the second */
  a = _ks_powermap_view_find_node (self, g_array_index (self->sel_nodes, gint64, 0));
  b = _ks_powermap_view_find_node (self, g_array_index (self->sel_nodes, gint64, 1));
  if (!a || !b)
    return FALSE;
  if (a->kind != KS_NODE_CONTACT || b->kind != KS_NODE_CONTACT)
    kind = KS_LINE_INFLUENCE;
  return ks_powermap_view_add_line (self, a->id, b->id, kind) != 0;
}

gboolean
ks_powermap_view_tidy (KsPowermapView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) nodes = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) xs = NULL;
  g_autoptr(GArray) ys = NULL;

  g_return_val_if_fail (KS_IS_POWERMAP_VIEW (self), FALSE);

  if (!self->workspace || self->nodes->len == 0)
    return FALSE;
  _ks_powermap_view_ensure_layout (self);
  nodes = g_array_copy (self->nodes);
  /* every unpinned node is placed afresh */
  for (guint i = 0; i < nodes->len; i++)
    {
      KsMapNode *node = &g_array_index (nodes, KsMapNode, i);

      if (!node->pinned)
        node->placed = FALSE;
    }
  ks_map_layout_tidy ((KsMapNode *) nodes->data, nodes->len,
                      (KsMapLine *) self->lines->data, self->lines->len, self->layout);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  xs = g_array_new (FALSE, FALSE, sizeof (double));
  ys = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < nodes->len; i++)
    {
      KsMapNode *node = &g_array_index (nodes, KsMapNode, i);

      if (node->pinned)
        continue;
      g_array_append_val (ids, node->id);
      g_array_append_val (xs, node->x);
      g_array_append_val (ys, node->y);
    }
  if (ids->len == 0)
    return FALSE;
  if (!ks_contact_set_positions (self->workspace, (gint64 *) ids->data, (double *) xs->data,
                                 (double *) ys->data, ids->len, &error))
    {
      report_error (self, error);
      return FALSE;
    }
  ks_powermap_view_fit (self);
  ks_widget_add_undo_toast (GTK_WIDGET (self), _("Tidied the layout"));
  return TRUE;
}
