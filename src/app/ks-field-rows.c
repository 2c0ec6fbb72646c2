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
#include "ks-workspace.h"

#define FIELD_KEY "ks-field"

/* An open conflict: another user's change shown at a row the user is
 * typing in, until the user saves over it or the stored value is shown. */
typedef struct
{
  char *message;
  char *theirs;    /* their value as the row shows it; NULL when unknown */
} Conflict;

#define CONFLICT_KEY "ks-field-conflict"
#define CONFLICT_ENTER_KEY "ks-field-conflict-enter"
#define SAVING_KEY "ks-field-saving"
#define REFUSED_KEY "ks-field-refused"   /* a save of the row's text was refused */

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

static void
conflict_free (gpointer data)
{
  Conflict *conflict = data;

  g_free (conflict->message);
  g_free (conflict->theirs);
  g_free (conflict);
}

static Conflict *
get_conflict (AdwEntryRow *row)
{
  return g_object_get_data (G_OBJECT (row), CONFLICT_KEY);
}

static void
clear_conflict (AdwEntryRow *row)
{
  g_object_set_data (G_OBJECT (row), CONFLICT_KEY, NULL);
}

/* AdwEntryRow emits "apply" on Enter only while its apply button shows,
 * that is after typing; the refused apply put the button away, and Enter is
 * then "entry-activated". While another user's change is shown, Enter means
 * "save mine over theirs", which is what the row's message offers. */
static void
on_conflict_entry_activated (AdwEntryRow *row)
{
  if (get_conflict (row) || g_object_get_data (G_OBJECT (row), REFUSED_KEY))
    {
      g_object_set_data (G_OBJECT (row), REFUSED_KEY, NULL);
      g_signal_emit_by_name (row, "apply");
    }
}

/* From now on Enter applies the row's text even with its apply button
 * gone (see above). */
static void
arm_enter (AdwEntryRow *row)
{
  if (!g_object_get_data (G_OBJECT (row), CONFLICT_ENTER_KEY))
    {
      g_signal_connect (row, "entry-activated", G_CALLBACK (on_conflict_entry_activated), NULL);
      g_object_set_data (G_OBJECT (row), CONFLICT_ENTER_KEY, GINT_TO_POINTER (TRUE));
    }
}

static void
open_conflict (AdwEntryRow *row,
               const char  *message,
               const char  *theirs)
{
  Conflict *conflict = g_new0 (Conflict, 1);

  conflict->message = g_strdup (message);
  conflict->theirs = g_strdup (theirs);
  g_object_set_data_full (G_OBJECT (row), CONFLICT_KEY, conflict, conflict_free);
  arm_enter (row);
  ks_row_set_error (ADW_PREFERENCES_ROW (row), message);
}

/* Says at @row that another user saved @theirs while the user was typing. */
static void
open_conflict_with (AdwEntryRow *row,
                    const char  *theirs)
{
  g_autofree char *message = NULL;

  if (theirs && *theirs)
    /* Translators: at a field the user is typing in; %s is the value another
     * user saved meanwhile */
    message = g_strdup_printf (_("Another user changed this to “%s”; press Enter to replace it with yours"),
                               theirs);
  else
    message = g_strdup (_("Another user emptied this; press Enter to replace it with yours"));
  open_conflict (row, message, theirs ? theirs : "");
}

void
ks_field_row_show_value (AdwEntryRow *row,
                         char       **loaded,
                         const char  *value,
                         gboolean     replace,
                         gboolean    *updating)
{
  const char *current;
  const char *base;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  g_return_if_fail (loaded != NULL && updating != NULL);

  value = value ? value : "";
  base = *loaded ? *loaded : "";
  current = gtk_editable_get_text (GTK_EDITABLE (row));
  /* a row saving its own value shows it as stored: that change is ours */
  if (g_object_get_data (G_OBJECT (row), SAVING_KEY))
    replace = TRUE;
  if (replace || g_strcmp0 (current, base) == 0)
    {
      if (g_strcmp0 (current, value) != 0)
        {
          gboolean was_updating = *updating;

          gtk_editable_set_text (GTK_EDITABLE (row), value);
          *updating = TRUE;
          ks_entry_row_settle (row);
          *updating = was_updating;
        }
      clear_conflict (row);
      g_object_set_data (G_OBJECT (row), REFUSED_KEY, NULL);
      ks_row_set_error (ADW_PREFERENCES_ROW (row), NULL);
      /* the stored value is the row's starting point: Ctrl+Z now undoes
       * the last saved change (win.undo), not the typing before it */
      ks_editable_reset_undo (GTK_EDITABLE (row));
    }
  else if (g_strcmp0 (value, base) != 0 && g_strcmp0 (current, value) != 0)
    {
      /* The user is typing over a value that changed under them: keeping
       * their text and moving *loaded on quietly would let their Enter
       * replace the other user's change unseen. Say what it is now; from
       * here on Enter replaces it knowingly. */
      open_conflict_with (row, value);
    }
  g_free (*loaded);
  *loaded = g_strdup (value);
}

gboolean
ks_field_row_check_base (AdwEntryRow *row,
                         char       **loaded,
                         const char  *stored)
{
  const char *current;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), FALSE);
  g_return_val_if_fail (loaded != NULL, FALSE);

  stored = stored ? stored : "";
  current = gtk_editable_get_text (GTK_EDITABLE (row));
  if (g_strcmp0 (stored, *loaded ? *loaded : "") != 0)
    {
      gboolean same = g_strcmp0 (stored, current) == 0;

      g_free (*loaded);
      *loaded = g_strdup (stored);
      if (!same)
        {
          /* Changed by another user since the user started typing, and no
           * refresh told the row yet (a file has no notifications, a
           * server's take up to a second): nothing is saved this time. */
          open_conflict_with (row, stored);
          return FALSE;
        }
    }
  /* saving over what the user has seen: this answers an open conflict */
  if (get_conflict (row))
    {
      clear_conflict (row);
      ks_row_set_error (ADW_PREFERENCES_ROW (row), NULL);
    }
  return TRUE;
}

void
ks_field_row_show_refusal (AdwEntryRow  *row,
                           const GError *error)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT))
    open_conflict (row, error->message, NULL);
  else
    {
      /* The text stays, to be saved again as it is (say once the server
       * is back): Enter tries again without the user retyping. */
      ks_row_set_error (ADW_PREFERENCES_ROW (row), error->message);
      g_object_set_data (G_OBJECT (row), REFUSED_KEY, GINT_TO_POINTER (TRUE));
      arm_enter (row);
    }
}

gboolean
ks_field_row_has_conflict (AdwEntryRow *row)
{
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), FALSE);
  return get_conflict (row) != NULL;
}

void
ks_field_row_set_error (AdwEntryRow *row,
                        const char  *message)
{
  Conflict *conflict;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  conflict = get_conflict (row);
  if (!message && conflict)
    {
      /* their value typed in: nothing left to replace */
      if (conflict->theirs &&
          g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), conflict->theirs) == 0)
        clear_conflict (row);
      else
        message = conflict->message;
    }
  ks_row_set_error (ADW_PREFERENCES_ROW (row), message);
}

void
ks_field_row_set_saving (AdwEntryRow *row,
                         gboolean     saving)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  g_object_set_data (G_OBJECT (row), SAVING_KEY, GINT_TO_POINTER (saving));
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
  if (KS_IS_LAZY_COMBO_ROW (row))
    ks_lazy_combo_row_set_filled (KS_LAZY_COMBO_ROW (row), TRUE);
}

void
ks_id_combo_row_show_current (AdwComboRow *row,
                              GArray      *ids,
                              gint64       selected_id,
                              const char  *selected_name)
{
  g_autoptr(GtkStringList) names = NULL;
  const char *label = selected_id > 0 ? (selected_name ? selected_name : "…") : _("None");
  gpointer shown = NULL;
  guint pos;
  gint64 none = 0;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (ids != NULL);

  /* a full list goes stale: the next opening fills it afresh */
  if (KS_IS_LAZY_COMBO_ROW (row))
    ks_lazy_combo_row_set_filled (KS_LAZY_COMBO_ROW (row), FALSE);

  /* Already showing it (a pick was just saved): keep the model. Replacing
   * it from inside the row's own "notify::selected" frees the selection
   * model AdwComboRow is still using. */
  pos = adw_combo_row_get_selected (row);
  shown = adw_combo_row_get_selected_item (row);
  if (pos < ids->len && g_array_index (ids, gint64, pos) == selected_id &&
      GTK_IS_STRING_OBJECT (shown) && g_strcmp0 (gtk_string_object_get_string (shown), label) == 0)
    return;

  names = gtk_string_list_new (NULL);
  g_array_set_size (ids, 0);
  gtk_string_list_append (names, _("None"));
  g_array_append_val (ids, none);
  /* a second item keeps the row activatable, with its arrow; with no
   * current value it maps to "none" too and is replaced before it shows */
  gtk_string_list_append (names, selected_id > 0 ? label : "…");
  g_array_append_val (ids, selected_id);
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected_id > 0 ? 1 : 0);
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

/* KsLazyComboRow */

struct _KsLazyComboRow
{
  AdwComboRow  parent_instance;

  gboolean     filled;
};

enum {
  SIGNAL_FILL,
  N_SIGNALS
};

static guint lazy_signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KsLazyComboRow, ks_lazy_combo_row, ADW_TYPE_COMBO_ROW)

static void
ks_lazy_combo_row_activate (AdwActionRow *row)
{
  KsLazyComboRow *self = KS_LAZY_COMBO_ROW (row);

  if (!self->filled)
    g_signal_emit (self, lazy_signals[SIGNAL_FILL], 0);
  ADW_ACTION_ROW_CLASS (ks_lazy_combo_row_parent_class)->activate (row);
}

static void
ks_lazy_combo_row_class_init (KsLazyComboRowClass *klass)
{
  ADW_ACTION_ROW_CLASS (klass)->activate = ks_lazy_combo_row_activate;

  lazy_signals[SIGNAL_FILL] =
    g_signal_new ("fill", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ks_lazy_combo_row_init (KsLazyComboRow *self)
{
}

void
ks_lazy_combo_row_set_filled (KsLazyComboRow *row,
                              gboolean        filled)
{
  g_return_if_fail (KS_IS_LAZY_COMBO_ROW (row));
  row->filled = filled;
}

gboolean
ks_lazy_combo_row_get_filled (KsLazyComboRow *row)
{
  g_return_val_if_fail (KS_IS_LAZY_COMBO_ROW (row), FALSE);
  return row->filled;
}
