/* ks-app-util.c — small helpers shared by the app's widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-app-util"

#include "config.h"

#include "ks-app-util.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ks-window.h"

#define ERROR_ICON_KEY "ks-error-icon"

GSettings *
ks_settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source)
    schema = g_settings_schema_source_lookup (source, "io.github.keystone.Keystone", TRUE);
  if (!schema)
    {
      g_debug ("GSettings schema io.github.keystone.Keystone is not installed; settings are not kept");
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

gboolean
ks_settings_has_key (GSettings  *settings,
                     const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (!settings)
    return FALSE;
  g_object_get (settings, "settings-schema", &schema, NULL);
  return schema && g_settings_schema_has_key (schema, key);
}

char *
ks_format_number (double value,
                  guint  decimals)
{
  struct lconv *lc = localeconv ();
  const char *sep = (lc->thousands_sep && *lc->thousands_sep) ? lc->thousands_sep : ",";
  const char *point = (lc->decimal_point && *lc->decimal_point) ? lc->decimal_point : ".";
  g_autofree char *digits = NULL;
  GString *out;
  const char *p, *dot;
  gsize int_len, i;

  if (isnan (value) || isinf (value))
    return g_strdup ("");

  digits = g_strdup_printf ("%.*f", (int) decimals, fabs (value));
  /* %f uses the locale's decimal point; find the end of the integer part. */
  for (p = digits; *p && g_ascii_isdigit (*p); p++)
    ;
  dot = p;
  int_len = dot - digits;

  out = g_string_new (NULL);
  if (value < 0 && g_strtod (digits, NULL) != 0)
    g_string_append (out, "−");
  for (i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, digits[i]);
    }
  if (*dot)
    {
      g_string_append (out, point);
      /* skip the locale's decimal point, whatever its length */
      while (*dot && !g_ascii_isdigit (*dot))
        dot++;
      g_string_append (out, dot);
    }
  return g_string_free (out, FALSE);
}

char *
ks_format_compact (double value)
{
  static const double units[] = { 1e9, 1e6, 1e3 };
  double a = fabs (value);

  if (isnan (value) || isinf (value))
    return g_strdup ("");
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (a >= units[i])
      {
        double scaled = value / units[i];
        /* three significant digits at most: 1.25 M, 12.5 M, 125 M */
        guint decimals = fabs (scaled) >= 100 ? 0 : fabs (scaled) >= 10 ? 1 : 2;
        g_autofree char *number = ks_format_number (scaled, decimals);
        char *end;

        /* 780.00 → 780, 1.50 → 1.5 */
        if (decimals > 0)
          {
            struct lconv *lc = localeconv ();
            const char *point = (lc->decimal_point && *lc->decimal_point) ? lc->decimal_point : ".";
            char *dot = strstr (number, point);
            if (dot)
              {
                end = number + strlen (number) - 1;
                while (end > dot && *end == '0')
                  *end-- = '\0';
                if (end == dot + strlen (point) - 1)
                  *dot = '\0';
              }
          }
        /* Translators: a number of billions, millions or thousands, as in "1.2 B" */
        if (i == 0)
          return g_strdup_printf (_("%s B"), number);
        if (i == 1)
          return g_strdup_printf (_("%s M"), number);
        return g_strdup_printf (_("%s K"), number);
      }
  return ks_format_number (value, a == floor (a) ? 0 : 2);
}

char *
ks_format_folder (const char *path)
{
  g_autofree char *dir = NULL;
  const char *home = g_get_home_dir ();
  gsize home_len;

  if (!path)
    return g_strdup ("");
  dir = g_path_get_dirname (path);
  home_len = home ? strlen (home) : 0;
  if (home_len > 1 && g_str_has_prefix (dir, home) &&
      (dir[home_len] == '\0' || dir[home_len] == G_DIR_SEPARATOR))
    return g_strconcat ("~", dir + home_len, NULL);
  return g_steal_pointer (&dir);
}

/* Is @p a group of exactly three digits (not followed by a fourth)? */
static gboolean
three_digits (const char *p)
{
  return g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && !g_ascii_isdigit (p[3]);
}

/* The number as the C locale writes it ("1250000.5"), from what a person
 * types in the current locale: spaces (also no-break ones) and thousands
 * separators before a group of three digits dropped, the locale's decimal
 * point read as one. "1,250,000" and "1,250.5" in English; "1.250.000",
 * "1.250,5" and "7,5" in German; "1 250,5" in Finnish. Where the decimal
 * point is a comma, a point not before three digits is a decimal point too
 * ("7.5"), as an English habit; a comma not before three digits where the
 * decimal point is a point is refused (*ok FALSE): "1,5" is ambiguous. */
static char *
normalise_number_text (const char *text,
                       gboolean   *ok)
{
  struct lconv *lc = localeconv ();
  const char *group = lc->thousands_sep && *lc->thousands_sep ? lc->thousands_sep : ",";
  gboolean comma_point = lc->decimal_point && g_str_equal (lc->decimal_point, ",");
  gsize group_len = strlen (group);
  GString *out = g_string_new (NULL);
  const char *p = text;

  *ok = TRUE;
  while (*p)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      const char *next = c == (gunichar) -1 || c == (gunichar) -2 ? p + 1 : g_utf8_next_char (p);

      if (c == ' ' || c == '\t' || c == '_' || c == 0x00A0 || c == 0x202F || c == 0x2009)
        ;
      else if (strncmp (p, group, group_len) == 0 && !g_ascii_isspace (*group) &&
               (unsigned char) *group < 0x80 && three_digits (p + group_len) && out->len > 0)
        next = p + group_len;   /* "," in English, "." in German, before three digits */
      else if (c == ',' && comma_point)
        g_string_append_c (out, '.');
      else if (c == ',')
        {
          /* a group separator is followed by exactly three digits */
          if (!three_digits (p + 1) || out->len == 0)
            *ok = FALSE;
        }
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
  return g_string_free (out, FALSE);
}

gboolean
ks_parse_number (const char *text,
                 double     *value,
                 gboolean   *is_empty)
{
  g_autofree char *clean = NULL;
  char *end = NULL;
  gboolean ok;
  double v;
  const char *p;

  g_return_val_if_fail (value != NULL && is_empty != NULL, FALSE);

  clean = normalise_number_text (text ? text : "", &ok);
  *is_empty = clean[0] == '\0' && ok;
  *value = NAN;
  if (*is_empty)
    return TRUE;
  if (!ok)
    return FALSE;
  /* digits with at most one point: no signs, exponents, hex or "inf" */
  for (p = clean; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != '.')
      return FALSE;
  v = g_ascii_strtod (clean, &end);
  if (end == clean || *end != '\0' || !isfinite (v))
    return FALSE;
  *value = v;
  return TRUE;
}

gboolean
ks_parse_integer (const char *text,
                  gint64     *value,
                  gboolean   *is_empty)
{
  g_autofree char *clean = NULL;
  gboolean ok;
  guint64 v;

  g_return_val_if_fail (value != NULL && is_empty != NULL, FALSE);

  clean = normalise_number_text (text ? text : "", &ok);
  *is_empty = clean[0] == '\0' && ok;
  *value = -1;
  if (*is_empty)
    return TRUE;
  if (!ok || !g_ascii_string_to_unsigned (clean, 10, 0, G_MAXINT64, &v, NULL))
    return FALSE;
  *value = (gint64) v;
  return TRUE;
}

char *
ks_search_key (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *stripped;
  const char *p;

  if (!text || !*text)
    return g_strdup ("");
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (!decomposed)
    return g_strdup ("");
  stripped = g_string_new (NULL);
  /* drop accents, so "zurich" finds "Zürich" */
  for (p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_ismark (c))
        g_string_append_unichar (stripped, c);
    }
  {
    g_autofree char *s = g_string_free (stripped, FALSE);
    return g_utf8_casefold (s, -1);
  }
}

gboolean
ks_search_matches (const char *key,
                   const char *text)
{
  g_autofree char *hay = NULL;

  if (!key || !*key)
    return TRUE;
  if (!text || !*text)
    return FALSE;
  hay = ks_search_key (text);
  return strstr (hay, key) != NULL;
}

/* The message goes where the eye is: into an entry row's title, or an
 * action row's subtitle; the original text is kept to be put back. */
static void
show_inline_message (AdwPreferencesRow *row,
                     const char        *message)
{
  gboolean entry = ADW_IS_ENTRY_ROW (row);
  const char *key = entry ? "ks-original-title" : "ks-original-subtitle";
  const char *original = g_object_get_data (G_OBJECT (row), key);

  if (message)
    {
      g_autofree char *text = NULL;
      g_autofree char *escaped = NULL;

      if (!original)
        {
          const char *current = entry ? adw_preferences_row_get_title (row)
                                      : adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
          g_object_set_data_full (G_OBJECT (row), key, g_strdup (current ? current : ""), g_free);
          original = g_object_get_data (G_OBJECT (row), key);
        }
      /* Translators: a field's name, then why its value was refused */
      text = entry && *original ? g_strdup_printf (_("%s — %s"), original, message) : g_strdup (message);
      if (adw_preferences_row_get_use_markup (row))
        escaped = g_markup_escape_text (text, -1);
      if (entry)
        adw_preferences_row_set_title (row, escaped ? escaped : text);
      else if (ADW_IS_ACTION_ROW (row))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped ? escaped : text);
    }
  else if (original)
    {
      if (entry)
        adw_preferences_row_set_title (row, original);
      else if (ADW_IS_ACTION_ROW (row))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), original);
      g_object_set_data (G_OBJECT (row), key, NULL);
    }
}

void
ks_row_set_error (AdwPreferencesRow *row,
                  const char        *message)
{
  GtkWidget *icon;

  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));

  if (message && !*message)
    message = NULL;
  show_inline_message (row, message);
  icon = g_object_get_data (G_OBJECT (row), ERROR_ICON_KEY);
  if (message)
    {
      if (!icon)
        {
          icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
          gtk_widget_add_css_class (icon, "error");
          gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
          if (ADW_IS_ENTRY_ROW (row))
            adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), icon);
          else if (ADW_IS_ACTION_ROW (row))
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
          g_object_set_data (G_OBJECT (row), ERROR_ICON_KEY, icon);
        }
      gtk_widget_set_visible (icon, TRUE);
      gtk_widget_set_tooltip_text (icon, message);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), message);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      if (icon)
        gtk_widget_set_visible (icon, FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

gboolean
ks_row_has_error (AdwPreferencesRow *row)
{
  return gtk_widget_has_css_class (GTK_WIDGET (row), "error");
}

void
ks_list_store_update (GListStore *store,
                      GListModel *fresh,
                      GEqualFunc  same)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint n_new = fresh ? g_list_model_get_n_items (fresh) : 0;
  guint prefix = 0, suffix = 0, i;
  g_autoptr(GPtrArray) items = NULL;

  while (prefix < n_old && prefix < n_new)
    {
      g_autoptr(GObject) a = g_list_model_get_item (G_LIST_MODEL (store), prefix);
      g_autoptr(GObject) b = g_list_model_get_item (fresh, prefix);
      if (!same (a, b))
        break;
      prefix++;
    }
  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(GObject) a = g_list_model_get_item (G_LIST_MODEL (store), n_old - 1 - suffix);
      g_autoptr(GObject) b = g_list_model_get_item (fresh, n_new - 1 - suffix);
      if (!same (a, b))
        break;
      suffix++;
    }
  if (prefix + suffix == n_old && prefix + suffix == n_new)
    return;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (i = prefix; i < n_new - suffix; i++)
    g_ptr_array_add (items, g_list_model_get_item (fresh, i));
  g_list_store_splice (store, prefix, n_old - suffix - prefix, items->pdata, items->len);
}

AdwMessageDialog *
ks_message_dialog_show (GtkWidget  *parent,
                        const char *heading,
                        const char *body)
{
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

guint
ks_string_list_find (GtkStringList *list,
                     const char    *text)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), text) == 0)
      return i;
  return G_MAXUINT;
}

void
ks_list_box_remove_rows (GtkListBox *box)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));

  while (child)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (box, child);
      child = next;
    }
}

void
ks_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)))
    gtk_widget_unparent (child);
}

#define CLEAN_TEXT_KEY "ks-clean-text"

void
ks_editable_reset_undo (GtkEditable *editable)
{
  /* GtkText clears its history when undo is turned off */
  gtk_editable_set_enable_undo (editable, FALSE);
  gtk_editable_set_enable_undo (editable, TRUE);
  g_object_set_data_full (G_OBJECT (editable), CLEAN_TEXT_KEY,
                          g_strdup (gtk_editable_get_text (editable)), g_free);
}

gboolean
ks_editable_is_dirty (GtkEditable *editable)
{
  const char *clean = g_object_get_data (G_OBJECT (editable), CLEAN_TEXT_KEY);
  const char *text = gtk_editable_get_text (editable);

  if (clean)
    return g_strcmp0 (clean, text) != 0;
  return text && *text;
}

static GtkWidget *
find_apply_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "suggested-action"))
        return child;
      if ((found = find_apply_button (child)))
        return found;
    }
  return NULL;
}

void
ks_entry_row_settle (AdwEntryRow *row)
{
  GtkWidget *button;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  button = find_apply_button (GTK_WIDGET (row));
  if (button && gtk_widget_get_visible (button))
    gtk_widget_activate (button);
}

gboolean
ks_widget_save_png (GtkWidget   *widget,
                    GtkWidget   *over,
                    const char  *path,
                    GError     **error)
{
  GtkWidget *widgets[2] = { widget, over };
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* a paintable of a widget gives the node of its last frame */
  for (guint i = 0; i < G_N_ELEMENTS (widgets) && widgets[i]; i++)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widgets[i]);
      int w = gtk_widget_get_width (widgets[i]), h = gtk_widget_get_height (widgets[i]);

      gtk_snapshot_save (snapshot);
      if (i > 0)
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - w) / 2, (height - h) / 2));
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
      gtk_snapshot_restore (snapshot);
    }
  node = gtk_snapshot_free_to_node (snapshot);
  if (!node || !renderer || width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The window has not been drawn yet, so there is nothing to save"));
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the picture to “%s”"), path);
      return FALSE;
    }
  return TRUE;
}

static void
shrink_labels (GtkWidget *widget,
               GtkWidget *button)
{
  if (GTK_IS_POPOVER (widget))
    return;
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    button = widget;
  if (GTK_IS_LABEL (widget))
    {
      GtkLabel *label = GTK_LABEL (widget);

      if (gtk_label_get_wrap (label) || gtk_label_get_ellipsize (label) != PANGO_ELLIPSIZE_NONE)
        return;
      gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      if (button && !gtk_widget_get_tooltip_text (button) && *gtk_label_get_text (label))
        gtk_widget_set_tooltip_text (button, gtk_label_get_text (label));
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    shrink_labels (c, button);
}

void
ks_widget_shrink_labels (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  shrink_labels (root, NULL);
}

void
ks_string_append_part (GString    *s,
                       const char *part)
{
  g_return_if_fail (s != NULL);

  if (!part || !*part)
    return;
  if (s->len > 0)
    g_string_append (s, " · ");
  g_string_append (s, part);
}

void
ks_widget_add_undo_toast (GtkWidget  *widget,
                          const char *title)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  if (KS_IS_WINDOW (root))
    ks_window_add_undo_toast (KS_WINDOW (root), title);
}

void
ks_widget_add_toast (GtkWidget  *widget,
                     const char *text)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  if (KS_IS_WINDOW (root))
    ks_window_add_toast (KS_WINDOW (root), text);
}

typedef struct
{
  GtkWidget        *page;
  KsExportFileFunc  export;
  char             *done;
  char             *failed;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_object_unref (job->page);
  g_free (job->done);
  g_free (job->failed);
  g_free (job);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    ExportJob       *job)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (!path)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("The chosen place is not a local file"));
      if (path && job->export (job->page, path, &error))
        {
          g_autofree char *folder = ks_format_folder (path);
          g_autofree char *text = NULL;

          /* job->done is the caller's translated format with one %s */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          text = g_strdup_printf (job->done, folder);
#pragma GCC diagnostic pop
          ks_widget_add_toast (job->page, text);
        }
      else if (error)
        ks_message_dialog_show (job->page, job->failed, error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  export_job_free (job);
}

void
ks_export_dialog_show (GtkWidget        *page,
                       const char       *title,
                       const char       *file_name,
                       KsExportFileFunc  export,
                       const char       *done,
                       const char       *failed)
{
  GtkFileChooserNative *dialog;
  ExportJob *job;
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (export != NULL);

  job = g_new0 (ExportJob, 1);
  job->page = g_object_ref (page);
  job->export = export;
  job->done = g_strdup (done);
  job->failed = g_strdup (failed);
  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (page)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdelimit (g_strdup (file_name), "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    GtkWidget       *page)
{
  KsImportFileFunc import = (KsImportFileFunc) g_object_get_data (G_OBJECT (dialog), "ks-import");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path)
        import (page, path);
      else if (file)
        ks_message_dialog_show (page, _("Could Not Import"), _("The chosen place is not a local file"));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (page);
}

void
ks_import_csv_dialog_show (GtkWidget        *page,
                           const char       *title,
                           KsImportFileFunc  import)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (import != NULL);

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (page)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "ks-import", (gpointer) import);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response), g_object_ref (page));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
ks_status_page_set (AdwStatusPage *page,
                    const char    *icon_name,
                    const char    *title,
                    const char    *description,
                    const char    *button_label,
                    const char    *action)
{
  GtkWidget *button;

  g_return_if_fail (ADW_IS_STATUS_PAGE (page));

  adw_status_page_set_icon_name (page, icon_name);
  adw_status_page_set_title (page, title);
  adw_status_page_set_description (page, description);
  button = adw_status_page_get_child (page);
  if (!GTK_IS_BUTTON (button))
    return;
  gtk_widget_set_visible (button, action != NULL);
  gtk_button_set_label (GTK_BUTTON (button), button_label ? button_label : "");
  gtk_button_set_use_underline (GTK_BUTTON (button), TRUE);
  /* the target before the name, so the button never holds a name with the
   * previous action's target (GTK warns of the mismatch) */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
  if (action)
    {
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_action_parse_detailed_name (action, &name, &target, &error))
        {
          g_critical ("%s: %s", action, error->message);
          return;
        }
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), name);
    }
}

void
ks_list_box_set_placeholder_text (GtkListBox *box,
                                  const char *text)
{
  GtkWidget *placeholder;

  g_return_if_fail (GTK_IS_LIST_BOX (box));

  placeholder = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "placeholder-row");
  gtk_list_box_set_placeholder (box, placeholder);
}

gboolean
ks_print_operation_run (GtkPrintOperation  *operation,
                        GtkWidget          *page,
                        const char         *job_name,
                        const char         *export_pdf,
                        GError            **error)
{
  GtkPrintOperationResult result;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (page), FALSE);

  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_pdf)
    gtk_print_operation_set_export_filename (operation, export_pdf);
  result = gtk_print_operation_run (operation,
                                    export_pdf ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                               : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (gtk_widget_get_root (page)), error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
