/* ks-app-util.h — small helpers shared by the app's widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The app's GSettings, or NULL when the schema is not installed (an
 * uninstalled build run without GSETTINGS_SCHEMA_DIR): callers then use
 * defaults and remember nothing. */
GSettings  *ks_settings_new_if_installed (void);
gboolean    ks_settings_has_key          (GSettings   *settings,
                                          const char  *key);

/* "1,234,567" with the locale's grouping (a comma when it has none). */
char       *ks_format_number             (double       value,
                                          guint        decimals);
/* "780 M", "1.2 B", "45 K": for figures where the full number is in a tooltip. */
char       *ks_format_compact            (double       value);
/* "~/Documents" for a file in ~/Documents. */
char       *ks_format_folder             (const char  *path);

/* Lenient parsers for entry rows. Empty text is "unknown" (returns TRUE with
 * *is_empty set). Spaces and comma thousands separators are accepted. */
gboolean    ks_parse_number              (const char  *text,
                                          double      *value,
                                          gboolean    *is_empty);
gboolean    ks_parse_integer             (const char  *text,
                                          gint64      *value,
                                          gboolean    *is_empty);

/* Casefolded, normalised text for searching. */
char       *ks_search_key                (const char  *text);
gboolean    ks_search_matches            (const char  *key,
                                          const char  *text);

/* Marks a preferences row as holding an invalid value: the "error" style, an
 * error icon with @message as tooltip, and the message as the accessible
 * description. NULL clears it. */
void        ks_row_set_error             (AdwPreferencesRow *row,
                                          const char        *message);
gboolean    ks_row_has_error             (AdwPreferencesRow *row);

/* Replaces the contents of @store with @fresh, emitting items-changed only for
 * the range that differs (so list views keep their scroll position). @same
 * says whether two items show the same thing. */
void        ks_list_store_update         (GListStore  *store,
                                          GListModel  *fresh,
                                          GEqualFunc   same);

/* A message dialog with a single "Close" response, presented at once. */
AdwMessageDialog *ks_message_dialog_show (GtkWidget   *parent,
                                          const char  *heading,
                                          const char  *body);

/* Gives @box a dim, wrapping label with @text for when it has no rows. */
void        ks_list_box_set_placeholder_text (GtkListBox *box,
                                              const char *text);

/* Says what a view lacks on @page: its icon, title and the one sentence
 * that says what to do; @button_label and @action (detailed, e.g.
 * "portfolio.show-view::scores") go on the GtkButton that is the page's
 * child, hidden when @action is NULL. */
void        ks_status_page_set           (AdwStatusPage *page,
                                          const char    *icon_name,
                                          const char    *title,
                                          const char    *description,
                                          const char    *button_label,
                                          const char    *action);

/* Removes every row of @box (GTK 4.8 has no gtk_list_box_remove_all), not
 * its placeholder. */
void        ks_list_box_remove_rows      (GtkListBox  *box);

/* Unparents what gtk_widget_dispose_template() leaves: template children
 * without an id. Call from dispose after it. */
void        ks_widget_unparent_children  (GtkWidget   *widget);

/* AdwEntryRow 1.2 shows its apply button after any change made while it has
 * the focus, also one made by code; this puts it away by pressing it, which
 * emits "apply" (handlers must find nothing to save). */
void        ks_entry_row_settle          (AdwEntryRow *row);

/* Forgets the text's own undo history and remembers the text as stored:
 * until it is edited, Ctrl+Z in it means win.undo. */
void        ks_editable_reset_undo       (GtkEditable *editable);
/* Whether the text was changed since ks_editable_reset_undo(), or, for an
 * editable that never was reset (a search entry), whether it holds text. */
gboolean    ks_editable_is_dirty         (GtkEditable *editable);

/* Finds @text in a GtkStringList; G_MAXUINT when absent. */
guint       ks_string_list_find          (GtkStringList *list,
                                          const char    *text);

/* Saves what @widget (a window) showed in its last frame as a PNG of its
 * size, with @over (a dialog over it; NULL = none) drawn centred on top:
 * for screenshots. Call after the frame's "after-paint". */
gboolean    ks_widget_save_png           (GtkWidget   *widget,
                                          GtkWidget   *over,
                                          const char  *path,
                                          GError     **error);

/* Lets the one-line labels in @root (a toolbar: its buttons' and menu
 * buttons' labels, AdwButtonContent's) shorten with an ellipsis when the
 * window is too narrow for them, so a translation twice as long as the
 * English still fits a 1280-pixel screen; a button with a label and no
 * tooltip shows the label whole as its tooltip. Popovers are left alone,
 * and so are labels that wrap or already ellipsize. */
void        ks_widget_shrink_labels      (GtkWidget   *root);

/* Appends @part to a "·"-separated line; NULL or empty parts are left out. */
void        ks_string_append_part        (GString     *s,
                                          const char  *part);

/* Says in @widget's window, when it is a KsWindow, that a change was made,
 * with an Undo button. */
void        ks_widget_add_undo_toast     (GtkWidget   *widget,
                                          const char  *title);

/* Says @text in @widget's window, when it is a KsWindow (a plain toast). */
void        ks_widget_add_toast          (GtkWidget   *widget,
                                          const char  *text);

/* Writes the file @path for the page that asked (PNG, SVG or PDF by the
 * extension). */
typedef gboolean (*KsExportFileFunc) (GtkWidget   *page,
                                      const char  *path,
                                      GError     **error);

/* The save dialog of an "Export as …" action: @title, the suggested
 * @file_name (slashes replaced); then @export writes the file, and a toast
 * says @done (a format with one %s, the folder) or a dialog headed
 * @failed says why. @page is kept alive until then. */
void        ks_export_dialog_show        (GtkWidget        *page,
                                          const char       *title,
                                          const char       *file_name,
                                          KsExportFileFunc  export,
                                          const char       *done,
                                          const char       *failed);

/* Reads the local file @path for the page that asked (an import, which
 * reports itself). */
typedef void     (*KsImportFileFunc) (GtkWidget   *page,
                                      const char  *path);

/* The open dialog of an "Import …" action for CSV files (all files can be
 * chosen too): @title; then @import reads the chosen file. @page is kept
 * alive until then; a place that is not a local file is refused in a
 * dialog. */
void        ks_import_csv_dialog_show    (GtkWidget        *page,
                                          const char       *title,
                                          KsImportFileFunc  import);

/* Runs a page's print @operation (its page setup, pages and drawing set)
 * named @job_name, with its page setup in the dialog: into the PDF file
 * @export_pdf without a dialog when set, else the print dialog over
 * @page's window. FALSE with @error set when it failed (a cancelled dialog
 * did not). */
gboolean    ks_print_operation_run       (GtkPrintOperation  *operation,
                                          GtkWidget          *page,
                                          const char         *job_name,
                                          const char         *export_pdf,
                                          GError            **error);

G_END_DECLS
