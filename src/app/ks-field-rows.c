/* ks-field-rows.c — rows on a page that edit one field of a value object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The account and people pages edit the same way: an entry row per field,
 * validated as the page decides and saved on "apply"; combo rows that pick
 * another object by id. What they share about the rows lives here; what a
 * field means stays with the page.
 */
#define G_LOG_DOMAIN "ks-field-rows"

#include "config.h"

#include "ks-field-rows.h"

#include <glib/gi18n.h>

#include "ks-app-util.h"

#define FIELD_KEY "ks-field"

void
ks_field_rows_connect (AdwEntryRow *const *rows,
                       guint               n_rows,
                       GCallback           on_apply,
                       GCallback           on_changed,
                       gpointer            page)
{
  g_return_if_fail (rows != NULL);
  g_return_if_fail (G_IS_OBJECT (page));

  for (guint i = 0; i < n_rows; i++)
    {
      g_object_set_data (G_OBJECT (rows[i]), FIELD_KEY, GINT_TO_POINTER (i));
      g_signal_connect_object (rows[i], "apply", on_apply, page, 0);
      g_signal_connect_object (rows[i], "changed", on_changed, page, 0);
    }
}

int
ks_field_row_get_field (AdwEntryRow *row)
{
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), -1);
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), FIELD_KEY));
}

GtkWidget *
ks_field_rows_find (AdwEntryRow *const *rows,
                    const char *const  *names,
                    guint               n_rows,
                    const char         *name)
{
  for (guint i = 0; i < n_rows; i++)
    if (g_strcmp0 (name, names[i]) == 0)
      return GTK_WIDGET (rows[i]);
  return NULL;
}

void
ks_field_row_show_value (AdwEntryRow *row,
                         char       **loaded,
                         const char  *value,
                         gboolean     replace,
                         gboolean    *updating)
{
  const char *current;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  g_return_if_fail (loaded != NULL && updating != NULL);

  current = gtk_editable_get_text (GTK_EDITABLE (row));
  if (replace || g_strcmp0 (current, *loaded ? *loaded : "") == 0)
    {
      if (g_strcmp0 (current, value) != 0)
        {
          gboolean was_updating = *updating;

          gtk_editable_set_text (GTK_EDITABLE (row), value);
          *updating = TRUE;
          ks_entry_row_settle (row);
          *updating = was_updating;
        }
      ks_row_set_error (ADW_PREFERENCES_ROW (row), NULL);
      /* the stored value is the row's starting point: Ctrl+Z now undoes
       * the last saved change (win.undo), not the typing before it */
      ks_editable_reset_undo (GTK_EDITABLE (row));
    }
  g_free (*loaded);
  *loaded = g_strdup (value);
}

void
ks_id_combo_row_fill (AdwComboRow    *row,
                      GArray         *ids,
                      GListModel     *items,
                      KsItemIdFunc    get_id,
                      KsItemNameFunc  get_name,
                      KsItemSkipFunc  skip,
                      gpointer        skip_data,
                      gint64          selected_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint selected = 0;
  guint n = items ? g_list_model_get_n_items (items) : 0;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (ids != NULL);

  g_array_set_size (ids, 0);
  gtk_string_list_append (names, _("None"));
  g_array_append_val (ids, none);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      gint64 id = get_id (item);

      if (skip && skip (item, skip_data))
        continue;
      if (id == selected_id)
        selected = ids->len;
      gtk_string_list_append (names, get_name (item));
      g_array_append_val (ids, id);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
}

gboolean
ks_id_combo_row_get_change (AdwComboRow *row,
                            GArray      *ids,
                            gint64       current,
                            gint64      *id)
{
  guint pos;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), FALSE);
  g_return_val_if_fail (ids != NULL && id != NULL, FALSE);

  pos = adw_combo_row_get_selected (row);
  if (pos >= ids->len)
    return FALSE;
  *id = g_array_index (ids, gint64, pos);
  return *id != current;
}
