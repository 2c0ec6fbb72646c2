/* ks-opportunity-model.c — a lazy list of opportunities: ids in memory,
 * the opportunities loaded a page at a time when shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model holds the ids of the opportunities the query keeps, in order;
 * get_item loads the page of PAGE_SIZE around the asked position and keeps
 * the last MAX_PAGES pages. In the default order (by id) the ids come in
 * slices from an idle, the first one small (the first screenful), the model
 * growing with each; another order is one sorted query. When the workspace
 * changes, the cached pages load again at once (the rows on screen show the
 * change) and the ids are read again in the background, the model then
 * changing only the range that differs.
 */
#define G_LOG_DOMAIN "ks-opportunity-model"

#include "config.h"

#include "ks-opportunity-model.h"

#include <gtk/gtk.h>
#include <string.h>

#define PAGE_SIZE   64
#define MAX_PAGES   32
#define FIRST_SLICE 200
#define SLICE       2000

struct _KsOpportunityModel
{
  GObject            parent_instance;

  KsWorkspace       *workspace;
  KsFunnelFilter     filter;        /* strings owned */
  gint64             stage_id;
  KsOpportunitySort  sort;
  gboolean           descending;

  GArray            *ids;           /* shown */
  GArray            *pending;       /* being read in slices; NULL when none */
  gboolean           growing;       /* the slices go straight into ids (first load) */
  guint              idle_id;
  GCancellable      *sorting;       /* a sorted query running in a thread; NULL when none */

  GHashTable        *pages;         /* page index → GPtrArray of KsOpportunity (or NULL) */
  GQueue             page_order;    /* page indexes, newest first */
};

enum
{
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KsOpportunityModel, ks_opportunity_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static const char *const watched_tables[] = {
  "opportunities", "funnel_stages", "stage_map", "people", "accounts", "products",
};

/* Helpers */

static gboolean
same_filter (const KsFunnelFilter *a,
             const KsFunnelFilter *b)
{
  static const KsFunnelFilter none = { 0 };

  if (!b)
    b = &none;
  return g_strcmp0 (a->owner, b->owner) == 0 && g_strcmp0 (a->manager, b->manager) == 0 &&
         g_strcmp0 (a->team, b->team) == 0 && g_strcmp0 (a->region, b->region) == 0 &&
         g_strcmp0 (a->account, b->account) == 0 && g_strcmp0 (a->product, b->product) == 0 &&
         g_strcmp0 (a->from, b->from) == 0 && g_strcmp0 (a->to, b->to) == 0;
}

static void
drop_pages (KsOpportunityModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
}

static KsOpportunityQuery
current_query (KsOpportunityModel *self)
{
  KsOpportunityQuery query = { &self->filter, self->stage_id };
  return query;
}

static void
stop_loading (KsOpportunityModel *self)
{
  if (self->sorting)
    {
      g_cancellable_cancel (self->sorting);
      g_clear_object (&self->sorting);
    }
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->pending, g_array_unref);
  self->growing = FALSE;
}

/* The range of cached pages [*first, *end), clipped to @n; FALSE when none. */
static gboolean
cached_range (KsOpportunityModel *self,
              guint               n,
              guint              *first,
              guint              *end)
{
  GHashTableIter iter;
  gpointer key;
  guint lo = G_MAXUINT, hi = 0;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint page = GPOINTER_TO_UINT (key);
      lo = MIN (lo, page * PAGE_SIZE);
      hi = MAX (hi, MIN ((page + 1) * PAGE_SIZE, n));
    }
  if (lo >= hi)
    return FALSE;
  *first = lo;
  *end = hi;
  return TRUE;
}

/* Shows @fresh instead of the ids shown: one items-changed over what
 * differs and the pages that were cached (their objects load again). */
static void
swap_ids (KsOpportunityModel *self,
          GArray             *fresh)
{
  guint old_n = self->ids->len, new_n = fresh->len;
  guint prefix = 0, suffix = 0, start, old_end, c_first, c_end;
  gboolean cached = cached_range (self, old_n, &c_first, &c_end);

  while (prefix < old_n && prefix < new_n &&
         g_array_index (self->ids, gint64, prefix) == g_array_index (fresh, gint64, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         g_array_index (self->ids, gint64, old_n - 1 - suffix) ==
         g_array_index (fresh, gint64, new_n - 1 - suffix))
    suffix++;
  start = prefix;
  old_end = old_n - suffix;
  if (cached)
    {
      start = MIN (start, c_first);
      old_end = MAX (old_end, c_end);
    }
  drop_pages (self);
  g_array_unref (self->ids);
  self->ids = g_array_ref (fresh);
  if (start < old_end || old_n != new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), start, old_end - start,
                                old_end - start + new_n - old_n);
}

static gboolean
load_slice (gpointer data)
{
  KsOpportunityModel *self = data;
  KsOpportunityQuery query = current_query (self);
  GArray *target = self->growing ? self->ids : self->pending;
  gint64 after = target->len ? g_array_index (target, gint64, target->len - 1) : 0;
  guint limit = target->len == 0 ? FIRST_SLICE : SLICE;
  g_autoptr(GArray) slice = NULL;
  g_autoptr(GError) error = NULL;
  guint before = target->len;

  slice = ks_opportunity_query_ids_after (self->workspace, &query, after, limit, &error);
  if (!slice)
    {
      g_warning ("Could not read the opportunities: %s", error->message);
      slice = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  g_array_append_vals (target, slice->data, slice->len);
  /* A page loaded while the list was shorter holds fewer than PAGE_SIZE
   * rows: it goes, so the rows it lacked are read with it again. */
  if (self->growing && slice->len > 0 && before % PAGE_SIZE != 0)
    {
      gpointer page = GUINT_TO_POINTER (before / PAGE_SIZE);

      if (g_hash_table_remove (self->pages, page))
        g_queue_remove (&self->page_order, page);
    }
  if (self->growing && slice->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, slice->len);
  if (slice->len == limit)
    return G_SOURCE_CONTINUE;

  self->idle_id = 0;
  if (!self->growing)
    {
      g_autoptr(GArray) fresh = g_steal_pointer (&self->pending);
      swap_ids (self, fresh);
    }
  self->growing = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  return G_SOURCE_REMOVE;
}

static void
on_sorted (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(KsOpportunityModel) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) fresh = ks_opportunity_query_ids_sorted_finish (KS_WORKSPACE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !self->sorting ||
      g_cancellable_is_cancelled (self->sorting))
    return;   /* another query or order since */
  g_clear_object (&self->sorting);
  if (!fresh)
    {
      g_warning ("Could not read the opportunities: %s", error->message);
      fresh = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  swap_ids (self, fresh);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Reads the ids again; @reset empties the model first (a new query). */
static void
reload (KsOpportunityModel *self,
        gboolean            reset)
{
  gboolean was_loading = ks_opportunity_model_get_loading (self);

  stop_loading (self);
  if (reset && self->ids->len > 0)
    {
      guint n = self->ids->len;

      drop_pages (self);
      g_array_set_size (self->ids, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, n, 0);
    }
  if (!self->workspace)
    {
      if (was_loading)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      return;
    }
  if (self->sort != KS_OPPORTUNITY_SORT_ID || self->descending)
    {
      KsOpportunityQuery query = current_query (self);

      /* the ids shown stay until the sorted ones are there */
      self->sorting = g_cancellable_new ();
      ks_opportunity_query_ids_sorted_async (self->workspace, &query, self->sort, self->descending, NULL,
                                             self->sorting, on_sorted, g_object_ref (self));
      if (!was_loading && self->sorting)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      return;
    }
  self->growing = self->ids->len == 0;
  if (!self->growing)
    self->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* the first slice now: the first frame shows rows */
  if (load_slice (self) == G_SOURCE_CONTINUE)
    {
      self->idle_id = g_idle_add_full (G_PRIORITY_LOW, load_slice, self, NULL);
      if (!was_loading)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}

static GPtrArray *
load_page (KsOpportunityModel *self,
           guint               page)
{
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - first);
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  items = ks_opportunity_query_load (self->workspace, &g_array_index (self->ids, gint64, first), n, &error);
  if (!items)
    {
      g_warning ("Could not read the opportunities: %s", error->message);
      items = g_ptr_array_new_full (n, g_object_unref);
      g_ptr_array_set_size (items, n);
    }
  while (g_queue_get_length (&self->page_order) >= MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->page_order));
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));
  return items;
}

/* Callbacks */

static void
on_workspace_changed (KsOpportunityModel *self)
{
  ks_opportunity_model_refresh (self);
}

/* GListModel */

static GType
model_get_item_type (GListModel *model)
{
  return KS_TYPE_OPPORTUNITY;
}

static guint
model_get_n_items (GListModel *model)
{
  return KS_OPPORTUNITY_MODEL (model)->ids->len;
}

static gpointer
model_get_item (GListModel *model,
                guint       position)
{
  KsOpportunityModel *self = KS_OPPORTUNITY_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *items;
  KsOpportunity *item;

  if (position >= self->ids->len || !self->workspace)
    return NULL;
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items && position - page * PAGE_SIZE >= items->len)
    {
      /* read while the list was shorter (never past its end) */
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (page));
      g_queue_remove (&self->page_order, GUINT_TO_POINTER (page));
      items = NULL;
    }
  if (!items)
    items = load_page (self, page);
  else if (g_queue_peek_head (&self->page_order) != GUINT_TO_POINTER (page))
    {
      g_queue_remove (&self->page_order, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));
    }
  item = g_ptr_array_index (items, position - page * PAGE_SIZE);
  if (!item)
    {
      /* deleted since the ids were read: an empty row until they are read again */
      item = ks_opportunity_new ("");
      g_ptr_array_index (items, position - page * PAGE_SIZE) = item;
    }
  return g_object_ref (item);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = model_get_item_type;
  iface->get_n_items = model_get_n_items;
  iface->get_item = model_get_item;
}

/* Vfuncs */

static void
ks_opportunity_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KsOpportunityModel *self = KS_OPPORTUNITY_MODEL (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, ks_opportunity_model_get_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_opportunity_model_dispose (GObject *object)
{
  KsOpportunityModel *self = KS_OPPORTUNITY_MODEL (object);

  stop_loading (self);
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (ks_opportunity_model_parent_class)->dispose (object);
}

static void
ks_opportunity_model_finalize (GObject *object)
{
  KsOpportunityModel *self = KS_OPPORTUNITY_MODEL (object);

  ks_funnel_filter_clear (&self->filter);
  drop_pages (self);
  g_hash_table_unref (self->pages);
  g_array_unref (self->ids);
  G_OBJECT_CLASS (ks_opportunity_model_parent_class)->finalize (object);
}

static void
ks_opportunity_model_class_init (KsOpportunityModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ks_opportunity_model_get_property;
  object_class->dispose = ks_opportunity_model_dispose;
  object_class->finalize = ks_opportunity_model_finalize;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ks_opportunity_model_init (KsOpportunityModel *self)
{
  self->stage_id = -1;
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref);
}

KsOpportunityModel *
ks_opportunity_model_new (void)
{
  return g_object_new (KS_TYPE_OPPORTUNITY_MODEL, NULL);
}

/* Public API */

void
ks_opportunity_model_set_workspace (KsOpportunityModel *self,
                                    KsWorkspace        *workspace)
{
  g_return_if_fail (KS_IS_OPPORTUNITY_MODEL (self));

  if (self->workspace == workspace)
    return;
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace)
    for (guint i = 0; i < G_N_ELEMENTS (watched_tables); i++)
      {
        g_autofree char *signal = g_strconcat ("changed::", watched_tables[i], NULL);
        g_signal_connect_swapped (workspace, signal, G_CALLBACK (on_workspace_changed), self);
      }
  reload (self, TRUE);
}

void
ks_opportunity_model_set_query (KsOpportunityModel   *self,
                                const KsFunnelFilter *filter,
                                gint64                stage_id)
{
  g_return_if_fail (KS_IS_OPPORTUNITY_MODEL (self));

  /* The same query again (the page sets it when the list is first shown,
   * after the workspace has loaded it): nothing to read. */
  if (stage_id == self->stage_id && same_filter (&self->filter, filter))
    return;
  ks_funnel_filter_clear (&self->filter);
  ks_funnel_filter_copy (&self->filter, filter);
  self->stage_id = stage_id;
  reload (self, TRUE);
}

void
ks_opportunity_model_set_sort (KsOpportunityModel *self,
                               KsOpportunitySort   sort,
                               gboolean            descending)
{
  g_return_if_fail (KS_IS_OPPORTUNITY_MODEL (self));

  if (self->sort == sort && self->descending == descending)
    return;
  self->sort = sort;
  self->descending = descending;
  /* the same ids in another order: one change over the whole list */
  reload (self, self->sort == KS_OPPORTUNITY_SORT_ID && !descending);
}

KsOpportunitySort
ks_opportunity_model_get_sort (KsOpportunityModel *self,
                               gboolean           *descending)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY_MODEL (self), KS_OPPORTUNITY_SORT_ID);

  if (descending)
    *descending = self->descending;
  return self->sort;
}

gboolean
ks_opportunity_model_get_loading (KsOpportunityModel *self)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY_MODEL (self), FALSE);

  return self->idle_id != 0 || self->sorting != NULL;
}

gboolean
ks_opportunity_model_get_sorting (KsOpportunityModel *self)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY_MODEL (self), FALSE);

  return self->sorting != NULL;
}

void
ks_opportunity_model_finish (KsOpportunityModel *self)
{
  guint source;

  g_return_if_fail (KS_IS_OPPORTUNITY_MODEL (self));

  if (self->sorting)
    {
      /* the sorted ids now, in this thread */
      KsOpportunityQuery query = current_query (self);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) fresh = NULL;

      g_cancellable_cancel (self->sorting);
      g_clear_object (&self->sorting);
      fresh = ks_opportunity_query_ids_sorted (self->workspace, &query, self->sort, self->descending, NULL, &error);
      if (!fresh)
        {
          g_warning ("Could not read the opportunities: %s", error->message);
          fresh = g_array_new (FALSE, FALSE, sizeof (gint64));
        }
      swap_ids (self, fresh);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      return;
    }
  source = self->idle_id;
  if (!source)
    return;
  /* load_slice () run by hand, not by its idle: the idle goes when it is
   * done (it would run again on a model with nothing left to read). */
  while (load_slice (self) == G_SOURCE_CONTINUE)
    ;
  g_source_remove (source);
}

gint64
ks_opportunity_model_get_id (KsOpportunityModel *self,
                             guint               position)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY_MODEL (self), 0);

  return position < self->ids->len ? g_array_index (self->ids, gint64, position) : 0;
}

guint
ks_opportunity_model_find (KsOpportunityModel *self,
                           gint64              id)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY_MODEL (self), GTK_INVALID_LIST_POSITION);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

void
ks_opportunity_model_refresh (KsOpportunityModel *self)
{
  guint first, end;

  g_return_if_fail (KS_IS_OPPORTUNITY_MODEL (self));

  /* the rows on screen at once */
  if (cached_range (self, self->ids->len, &first, &end))
    {
      drop_pages (self);
      g_list_model_items_changed (G_LIST_MODEL (self), first, end - first, end - first);
    }
  /* which rows, in the background (unless the first load still runs: it
   * starts over) */
  reload (self, self->growing);
}
