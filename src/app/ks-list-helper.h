/* ks-list-helper.h — what the sidebar lists share: a searchable, sortable
 * list view that mirrors the workspace and keeps its selection by id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-workspace.h"

G_BEGIN_DECLS

/* What differs between the lists. */
typedef struct
{
  GType            (*item_type) (void);   /* ks_account_get_type */
  const char        *what;      /* for messages: "the accounts" */
  const char *const *tables;    /* reload on "changed::TABLE", NULL-terminated */
  GListModel      *(*load)      (KsWorkspace  *workspace,
                                 GError      **error);
  gint64           (*get_id)    (gpointer      item);
  GEqualFunc         same;      /* for ks_list_store_update() */
  /* Whether @item matches a non-empty ks_search_key(). */
  gboolean         (*matches)   (gpointer      item,
                                 const char   *key);
  GCompareDataFunc   compare;   /* user data: the owner widget */
} KsListHelperInfo;

#define KS_TYPE_LIST_HELPER (ks_list_helper_get_type ())
G_DECLARE_FINAL_TYPE (KsListHelper, ks_list_helper, KS, LIST_HELPER, GObject)

/* Builds store → filter → sort → selection under @list_view and takes over
 * @search_entry and @stack (pages "list", "no-results" and "empty"). When
 * the selected id changes it notifies @selected_id_pspec on @owner, which
 * owns the helper. @info must outlive it. */
KsListHelper *ks_list_helper_new             (GtkWidget              *owner,
                                              GParamSpec             *selected_id_pspec,
                                              const KsListHelperInfo *info,
                                              GtkListView            *list_view,
                                              GtkStack               *stack,
                                              GtkSearchEntry         *search_entry);
void          ks_list_helper_set_workspace   (KsListHelper *self,
                                              KsWorkspace  *workspace);
gint64        ks_list_helper_get_selected_id (KsListHelper *self);
/* The selected id as it stands, without loading a list that is not on screen
 * (for the owner's "selected-id" property, which bindings read). */
gint64        ks_list_helper_peek_selected_id (KsListHelper *self);
/* Selects the item (clearing a search that hides it) and scrolls to it. */
void          ks_list_helper_set_selected_id (KsListHelper *self,
                                              gint64        id);
/* Call when the order given by info->compare changed. */
void          ks_list_helper_resort          (KsListHelper *self);
/* FALSE: the view shows the items in the order load() gives them and the
 * sorter is left out (default TRUE: info->compare orders them). An unsorted
 * list also fills a long first load a slice at a time: the first screenful
 * for the first frame, the rest right after it is painted (or at once when
 * anything asks for the items). */
void          ks_list_helper_set_sorted      (KsListHelper *self,
                                              gboolean      sorted);
void          ks_list_helper_focus_search    (KsListHelper *self);
/* Items shown (after the search) and in the workspace. */
guint         ks_list_helper_get_n_visible   (KsListHelper *self);
guint         ks_list_helper_get_n_items     (KsListHelper *self);
/* The id of the item shown at @position (0 when out of range). */
gint64        ks_list_helper_get_id_at       (KsListHelper *self,
                                              guint         position);

G_END_DECLS
