/* ks-list-helper.c — what the sidebar lists share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkListView over GtkSortListModel ← GtkFilterListModel ← a GListStore that
 * mirrors one of the workspace's lists. The store is updated in place on the
 * "changed::TABLE" signals the list names, so the view keeps its scroll
 * position and the selection follows the item's id. The owner widget keeps
 * its template, row factory, properties and sort names; the helper keeps the
 * models, the search and the empty states.
 *
 * A list that is not on screen does not read the workspace: set_workspace and
 * the change signals only mark it stale, and it reloads when its view is
 * mapped or when a caller asks for its contents or selection (ensure_loaded).
 * So start-up reads only the list that is shown (the people of a ×100
 * workspace cost ~100 ms more otherwise), and a hidden list does not reload on
 * every change.
 *
 * An unsorted list (ks_list_helper_set_sorted) shows the items in the order
 * load() gives them, without a sorter, and fills a long first load in two
 * steps: FIRST_SLICE items for the first frame, the rest in an idle after
 * that frame is painted. GtkListView makes a row for up to ~200 items at
 * once, and measuring those 200 rows was a fifth of the start-up on ×100.
 * Whatever reads positions, counts, or the search finishes the fill first.
 */
#define G_LOG_DOMAIN "ks-list-helper"

#include "config.h"

#include "ks-list-helper.h"

#include "ks-app-util.h"

/* more than a tall screen of rows */
#define FIRST_SLICE 60

struct _KsListHelper
{
  GObject                 parent_instance;

  GtkWidget              *owner;          /* owns us */
  GParamSpec             *selected_id_pspec;
  const KsListHelperInfo *info;

  KsWorkspace            *workspace;
  GListStore             *store;
  GtkFilterListModel     *filter_model;   /* owned by sort_model */
  GtkSortListModel       *sort_model;     /* owned by selection */
  GtkSingleSelection     *selection;
  GtkCustomFilter        *filter;         /* owned by filter_model */
  GtkCustomSorter        *sorter;         /* ours; in sort_model when sorted */
  char                   *search_key;
  gint64                  selected_id;
  gboolean                updating;
  gboolean                stale;          /* the store lags the workspace */
  gboolean                sorted;         /* the sorter is in use */

  /* a first load filled in two steps: rest[rest_from..] are still to come */
  GListModel             *rest;
  guint                   rest_from;
  GdkFrameClock          *paint_clock;
  gulong                  paint_handler;
  guint                   rest_idle_id;

  /* the owner's template children */
  GtkSearchEntry         *search_entry;
  GtkStack               *stack;
  GtkListView            *list_view;
};

G_DEFINE_FINAL_TYPE (KsListHelper, ks_list_helper, G_TYPE_OBJECT)

static gboolean
item_matches (gpointer item,
              gpointer user_data)
{
  KsListHelper *self = user_data;

  if (!self->search_key || !*self->search_key)
    return TRUE;
  return self->info->matches (item, self->search_key);
}

static guint
find_position (KsListHelper *self,
               GListModel   *model,
               gint64        id)
{
  guint n = g_list_model_get_n_items (model);

  if (id <= 0)
    return GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      if (self->info->get_id (item) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
set_selected_id_internal (KsListHelper *self,
                          gint64        id)
{
  if (self->selected_id == id)
    return;
  self->selected_id = id;
  g_object_notify_by_pspec (G_OBJECT (self->owner), self->selected_id_pspec);
}

static void
select_position (KsListHelper *self,
                 guint         position)
{
  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating = FALSE;
}

/* After the store or the search changed: select the item with the selected
 * id again; when it is gone from the workspace, its neighbour. */
static void
restore_selection (KsListHelper *self,
                   guint         fallback)
{
  GListModel *visible = G_LIST_MODEL (self->sort_model);
  guint n = g_list_model_get_n_items (visible);
  guint pos = find_position (self, visible, self->selected_id);

  if (pos != GTK_INVALID_LIST_POSITION)
    {
      if (gtk_single_selection_get_selected (self->selection) != pos)
        select_position (self, pos);
      return;
    }
  if (self->selected_id > 0 &&
      find_position (self, G_LIST_MODEL (self->store), self->selected_id) != GTK_INVALID_LIST_POSITION)
    {
      /* still there, only hidden by the search: keep showing it */
      select_position (self, GTK_INVALID_LIST_POSITION);
      return;
    }
  if (n == 0)
    {
      select_position (self, GTK_INVALID_LIST_POSITION);
      if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
        set_selected_id_internal (self, 0);
      return;
    }
  pos = fallback < n ? fallback : n - 1;
  select_position (self, pos);
  {
    g_autoptr(GObject) item = g_list_model_get_item (visible, pos);
    set_selected_id_internal (self, self->info->get_id (item));
  }
}

static void
update_stack (KsListHelper *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
append_items (GListStore *store,
              GListModel *from,
              guint       start,
              guint       end)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (end - start, g_object_unref);

  for (guint i = start; i < end; i++)
    g_ptr_array_add (items, g_list_model_get_item (from, i));
  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       items->pdata, items->len);
}

static void
stop_rest (KsListHelper *self)
{
  g_clear_handle_id (&self->rest_idle_id, g_source_remove);
  if (self->paint_clock)
    g_clear_signal_handler (&self->paint_handler, self->paint_clock);
  g_clear_object (&self->paint_clock);
  g_clear_object (&self->rest);
}

/* Appends what a two-step fill still holds back. */
static void
finish_fill (KsListHelper *self)
{
  g_autoptr(GListModel) rest = NULL;

  if (!self->rest)
    return;
  rest = g_object_ref (self->rest);
  stop_rest (self);
  self->updating = TRUE;
  append_items (self->store, rest, self->rest_from, g_list_model_get_n_items (rest));
  self->updating = FALSE;
}

static gboolean
rest_idle_cb (gpointer data)
{
  KsListHelper *self = data;

  self->rest_idle_id = 0;
  finish_fill (self);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                KsListHelper  *self)
{
  g_clear_signal_handler (&self->paint_handler, clock);
  if (!self->rest_idle_id)
    self->rest_idle_id = g_idle_add (rest_idle_cb, self);
}

/* The rest comes after the list's next painted frame. */
static void
watch_paint (KsListHelper *self)
{
  GdkFrameClock *clock;

  if (!self->rest || self->paint_handler || self->rest_idle_id ||
      !gtk_widget_get_mapped (GTK_WIDGET (self->list_view)) ||
      !(clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->list_view))))
    return;
  g_set_object (&self->paint_clock, clock);
  self->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
}

static void
reload (KsListHelper *self)
{
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(GError) error = NULL;
  guint old_pos = gtk_single_selection_get_selected (self->selection);

  stop_rest (self);
  if (self->workspace)
    {
      fresh = self->info->load (self->workspace, &error);
      if (!fresh)
        g_warning ("Could not read %s: %s", self->info->what, error->message);
    }
  self->updating = TRUE;
  if (fresh && !self->sorted && (!self->search_key || !*self->search_key) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0 &&
      g_list_model_get_n_items (fresh) > FIRST_SLICE)
    {
      append_items (self->store, fresh, 0, FIRST_SLICE);
      self->rest = g_steal_pointer (&fresh);
      self->rest_from = FIRST_SLICE;
      watch_paint (self);
    }
  else
    ks_list_store_update (self->store, fresh, self->info->same);
  self->updating = FALSE;
  restore_selection (self, old_pos == GTK_INVALID_LIST_POSITION ? 0 : old_pos);
  update_stack (self);
}

/* Shows every item again, without touching the selection. */
static void
clear_search (KsListHelper *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search_key, g_free);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
}

/* Reloads now when the list is on screen, else marks it stale. */
static void
reload_or_defer (KsListHelper *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    {
      self->stale = FALSE;
      reload (self);
    }
  else
    self->stale = TRUE;
}

static void
ensure_loaded (KsListHelper *self)
{
  if (!self->stale)
    return;
  self->stale = FALSE;
  reload (self);
}

/* Loaded, with every item in the store. */
static void
ensure_complete (KsListHelper *self)
{
  ensure_loaded (self);
  finish_fill (self);
}

static void
on_workspace_changed (KsListHelper *self,
                      const char   *table,
                      KsWorkspace  *workspace)
{
  reload_or_defer (self);
}

static void
on_list_view_map (KsListHelper *self)
{
  ensure_loaded (self);
  watch_paint (self);
}

static void
on_selected_item_changed (KsListHelper *self)
{
  gpointer item;

  if (self->updating)
    return;
  item = gtk_single_selection_get_selected_item (self->selection);
  if (item)
    set_selected_id_internal (self, self->info->get_id (item));
}

static void
on_search_changed (KsListHelper *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  finish_fill (self);
  g_free (self->search_key);
  self->search_key = ks_search_key (g_strstrip (text));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  restore_selection (self, 0);
  update_stack (self);
}

static void
on_search_activate (KsListHelper *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) == 0)
    return;
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
}

static void
on_stop_search (KsListHelper *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
ks_list_helper_dispose (GObject *object)
{
  KsListHelper *self = KS_LIST_HELPER (object);

  stop_rest (self);
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorter);
  g_clear_object (&self->store);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (ks_list_helper_parent_class)->dispose (object);
}

static void
ks_list_helper_finalize (GObject *object)
{
  KsListHelper *self = KS_LIST_HELPER (object);

  g_free (self->search_key);

  G_OBJECT_CLASS (ks_list_helper_parent_class)->finalize (object);
}

static void
ks_list_helper_class_init (KsListHelperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ks_list_helper_dispose;
  object_class->finalize = ks_list_helper_finalize;
}

static void
ks_list_helper_init (KsListHelper *self)
{
}

KsListHelper *
ks_list_helper_new (GtkWidget              *owner,
                    GParamSpec             *selected_id_pspec,
                    const KsListHelperInfo *info,
                    GtkListView            *list_view,
                    GtkStack               *stack,
                    GtkSearchEntry         *search_entry)
{
  KsListHelper *self;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (G_IS_PARAM_SPEC (selected_id_pspec), NULL);
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (GTK_IS_LIST_VIEW (list_view), NULL);
  g_return_val_if_fail (GTK_IS_STACK (stack), NULL);
  g_return_val_if_fail (GTK_IS_SEARCH_ENTRY (search_entry), NULL);

  self = g_object_new (KS_TYPE_LIST_HELPER, NULL);
  self->sorted = TRUE;
  self->owner = owner;
  self->selected_id_pspec = selected_id_pspec;
  self->info = info;
  self->list_view = list_view;
  self->stack = stack;
  self->search_entry = search_entry;

  self->store = g_list_store_new (info->item_type ());
  self->filter = gtk_custom_filter_new (item_matches, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  GTK_FILTER (self->filter));
  self->sorter = gtk_custom_sorter_new (info->compare, owner, NULL);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model),
                                              g_object_ref (GTK_SORTER (self->sorter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sort_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (search_entry, "search-changed",
                           G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (search_entry, "activate",
                           G_CALLBACK (on_search_activate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (search_entry, "stop-search",
                           G_CALLBACK (on_stop_search), self, G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (search_entry, owner);
  g_signal_connect_object (list_view, "map", G_CALLBACK (on_list_view_map), self, G_CONNECT_SWAPPED);
  update_stack (self);

  return self;
}

void
ks_list_helper_set_workspace (KsListHelper *self,
                              KsWorkspace  *workspace)
{
  g_return_if_fail (KS_IS_LIST_HELPER (self));
  g_return_if_fail (!workspace || KS_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace)
    for (const char *const *t = self->info->tables; *t; t++)
      {
        g_autofree char *signal = g_strconcat ("changed::", *t, NULL);
        g_signal_connect_object (workspace, signal,
                                 G_CALLBACK (on_workspace_changed), self, G_CONNECT_SWAPPED);
      }
  clear_search (self);
  self->selected_id = 0;
  reload_or_defer (self);
  g_object_notify_by_pspec (G_OBJECT (self->owner), self->selected_id_pspec);
}

gint64
ks_list_helper_get_selected_id (KsListHelper *self)
{
  g_return_val_if_fail (KS_IS_LIST_HELPER (self), 0);
  ensure_loaded (self);
  return self->selected_id;
}

gint64
ks_list_helper_peek_selected_id (KsListHelper *self)
{
  g_return_val_if_fail (KS_IS_LIST_HELPER (self), 0);
  return self->selected_id;
}

void
ks_list_helper_set_selected_id (KsListHelper *self,
                                gint64        id)
{
  guint pos;

  g_return_if_fail (KS_IS_LIST_HELPER (self));

  ensure_complete (self);
  pos = find_position (self, G_LIST_MODEL (self->sort_model), id);
  if (pos == GTK_INVALID_LIST_POSITION &&
      find_position (self, G_LIST_MODEL (self->store), id) != GTK_INVALID_LIST_POSITION)
    {
      /* hidden by the search: clear it */
      clear_search (self);
      update_stack (self);
      pos = find_position (self, G_LIST_MODEL (self->sort_model), id);
    }
  if (pos == GTK_INVALID_LIST_POSITION)
    return;
  select_position (self, pos);
  set_selected_id_internal (self, id);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", pos);
}

void
ks_list_helper_resort (KsListHelper *self)
{
  g_return_if_fail (KS_IS_LIST_HELPER (self));

  ensure_complete (self);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  restore_selection (self, 0);
}

void
ks_list_helper_set_sorted (KsListHelper *self,
                           gboolean      sorted)
{
  g_return_if_fail (KS_IS_LIST_HELPER (self));

  sorted = !!sorted;
  if (self->sorted == sorted)
    return;
  finish_fill (self);
  self->sorted = sorted;
  gtk_sort_list_model_set_sorter (self->sort_model, sorted ? GTK_SORTER (self->sorter) : NULL);
}

void
ks_list_helper_focus_search (KsListHelper *self)
{
  g_return_if_fail (KS_IS_LIST_HELPER (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

guint
ks_list_helper_get_n_visible (KsListHelper *self)
{
  g_return_val_if_fail (KS_IS_LIST_HELPER (self), 0);
  ensure_complete (self);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

guint
ks_list_helper_get_n_items (KsListHelper *self)
{
  g_return_val_if_fail (KS_IS_LIST_HELPER (self), 0);
  ensure_complete (self);
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

gint64
ks_list_helper_get_id_at (KsListHelper *self,
                          guint         position)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (KS_IS_LIST_HELPER (self), 0);

  ensure_complete (self);
  item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  return item ? self->info->get_id (item) : 0;
}
