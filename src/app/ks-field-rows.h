/* ks-field-rows.h — rows on a page that edit one field of a value object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Tags rows[i] with its field index i and connects its "apply" and "changed"
 * signals to @on_apply and @on_changed, void (*) (AdwEntryRow *, gpointer
 * page), for as long as @page lives. */
void         ks_field_rows_connect     (AdwEntryRow *const *rows,
                                        guint               n_rows,
                                        GCallback           on_apply,
                                        GCallback           on_changed,
                                        gpointer            page);
/* The field index ks_field_rows_connect() gave @row. */
int          ks_field_row_get_field    (AdwEntryRow        *row);
/* The row whose field is called @name in @names, or NULL. */
GtkWidget   *ks_field_rows_find        (AdwEntryRow *const *rows,
                                        const char *const  *names,
                                        guint               n_rows,
                                        const char         *name);

/* Shows the stored @value in @row and remembers it in *@loaded. Text the
 * user is still typing (it differs from *@loaded) is kept unless @replace
 * or the row is saving (ks_field_row_set_saving()); when the stored value
 * changed under it (another user's save), the row says so with their value
 * and *@loaded moves on, so that Enter then replaces theirs deliberately.
 * *@updating is TRUE while the row settles, so the page's handlers ignore
 * what that emits. */
void         ks_field_row_show_value   (AdwEntryRow        *row,
                                        char              **loaded,
                                        const char         *value,
                                        gboolean            replace,
                                        gboolean           *updating);
/* For "apply", before saving: @stored is the field's text in the row just
 * read again, formatted as the row shows it. TRUE when it is still *@loaded,
 * the value the user started typing over. Otherwise another user changed
 * it meanwhile: the row says so with their value and keeps the user's text,
 * *@loaded becomes @stored, and the caller saves nothing; Enter again
 * saves the user's text over theirs. */
gboolean     ks_field_row_check_base   (AdwEntryRow        *row,
                                        char              **loaded,
                                        const char         *stored);
/* Shows at @row why its save was refused; after KS_WORKSPACE_ERROR_CONFLICT
 * (another user saved the row between reading and saving) the user's text
 * stays and Enter saves it again. */
void         ks_field_row_show_refusal (AdwEntryRow        *row,
                                        const GError       *error);
/* Whether @row shows another user's change the user has not answered yet:
 * only Enter saves over it, not leaving the row. */
gboolean     ks_field_row_has_conflict (AdwEntryRow        *row);
/* ks_row_set_error() for a check as the user types: a NULL @message puts
 * back the message about another user's change, if one is open, so typing
 * on does not hide their value (typing their value answers it). */
void         ks_field_row_set_error    (AdwEntryRow        *row,
                                        const char         *message);
/* Marks @row as saving its own value: a refresh meanwhile shows the value
 * as stored (trimmed, formatted) instead of keeping the typed text, and
 * does not take it for another user's change. */
void         ks_field_row_set_saving   (AdwEntryRow        *row,
                                        gboolean            saving);

typedef gint64       (*KsItemIdFunc)   (gpointer item);
typedef const char * (*KsItemNameFunc) (gpointer item);
typedef gboolean     (*KsItemSkipFunc) (gpointer item,
                                        gpointer user_data);

/* Fills a combo row that picks one item by id: "None" (id 0), then the
 * @items that @skip (may be NULL) lets through; @ids gets the id of each
 * position. Selects @selected_id. @items may be NULL. */
void         ks_id_combo_row_fill      (AdwComboRow        *row,
                                        GArray             *ids,
                                        GListModel         *items,
                                        KsItemIdFunc        get_id,
                                        KsItemNameFunc      get_name,
                                        KsItemSkipFunc      skip,
                                        gpointer            skip_data,
                                        gint64              selected_id);
/* Shows only "None" and @selected_name (id @selected_id; when 0, a
 * placeholder that is never seen), as a stand-in until the row is opened:
 * the row looks and reads the same, without building a model of every
 * item. Selects the current value. */
void         ks_id_combo_row_show_current (AdwComboRow     *row,
                                           GArray          *ids,
                                           gint64           selected_id,
                                           const char      *selected_name);

/* KsLazyComboRow: an AdwComboRow that emits "fill" each time it is
 * activated (click, Enter, Space, or an assistive technology), before its
 * popover opens, so a page can fill the full list only when someone looks
 * at it. ks_lazy_combo_row_set_filled() says the full list is in place. */
#define KS_TYPE_LAZY_COMBO_ROW (ks_lazy_combo_row_get_type ())
G_DECLARE_FINAL_TYPE (KsLazyComboRow, ks_lazy_combo_row, KS, LAZY_COMBO_ROW, AdwComboRow)

void         ks_lazy_combo_row_set_filled (KsLazyComboRow  *row,
                                           gboolean         filled);
gboolean     ks_lazy_combo_row_get_filled (KsLazyComboRow  *row);

/* The id picked in a row filled by ks_id_combo_row_fill(): FALSE when the
 * position is out of range or the id is @current. */
gboolean     ks_id_combo_row_get_change (AdwComboRow       *row,
                                         GArray            *ids,
                                         gint64             current,
                                         gint64            *id);


G_END_DECLS
