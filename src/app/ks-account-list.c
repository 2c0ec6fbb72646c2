/* ks-account-list.c — the sidebar: search, sort and the list of accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkListView over GtkSortListModel ← GtkFilterListModel ← a GListStore that
 * mirrors ks_account_list(). The store is updated in place on
 * "changed::accounts" (and "changed::people", for owner names), so the view
 * keeps its scroll position and the selection follows the account's id.
 */
#define G_LOG_DOMAIN "ks-account-list"

#include "config.h"

#include "ks-account-list.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ks-account.h"
#include "ks-account-row.h"
#include "ks-app-util.h"

struct _KsAccountList
{
  GtkWidget           parent_instance;

  KsWorkspace        *workspace;
  GListStore         *store;          /* of KsAccount */
  GtkFilterListModel *filter_model;   /* owned by sort_model */
  GtkSortListModel   *sort_model;     /* owned by selection */
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;         /* owned by filter_model */
  GtkCustomSorter    *sorter;         /* owned by sort_model */
  char               *search_key;
  char               *sort;
  gint64              selected_id;
  gboolean            updating;

  /* template */
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *sort_button;
  GtkStack           *stack;
  GtkListView        *list_view;
};

enum {
  PROP_0,
  PROP_SELECTED_ID,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KsAccountList, ks_account_list, GTK_TYPE_WIDGET)

static gboolean
revenue_equal (double a,
               double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static gboolean
accounts_same (gconstpointer a,
               gconstpointer b)
{
  KsAccount *x = (KsAccount *) a, *y = (KsAccount *) b;

  return ks_account_get_id (x) == ks_account_get_id (y) &&
         g_strcmp0 (ks_account_get_name (x), ks_account_get_name (y)) == 0 &&
         g_strcmp0 (ks_account_get_sector (x), ks_account_get_sector (y)) == 0 &&
         g_strcmp0 (ks_account_get_country (x), ks_account_get_country (y)) == 0 &&
         g_strcmp0 (ks_account_get_segment (x), ks_account_get_segment (y)) == 0 &&
         g_strcmp0 (ks_account_get_parent_name (x), ks_account_get_parent_name (y)) == 0 &&
         g_strcmp0 (ks_account_get_owner_name (x), ks_account_get_owner_name (y)) == 0 &&
         revenue_equal (ks_account_get_revenue (x), ks_account_get_revenue (y));
}

static gboolean
account_matches (gpointer item,
                 gpointer user_data)
{
  KsAccountList *self = user_data;
  KsAccount *account = item;

  if (!self->search_key || !*self->search_key)
    return TRUE;
  return ks_search_matches (self->search_key, ks_account_get_name (account)) ||
         ks_search_matches (self->search_key, ks_account_get_sector (account)) ||
         ks_search_matches (self->search_key, ks_account_get_country (account)) ||
         ks_search_matches (self->search_key, ks_account_get_owner_name (account));
}

/* By revenue, largest first, unknown last; ties keep the store's name order
 * (GtkSortListModel sorts stably). */
static int
compare_accounts (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  KsAccountList *self = user_data;
  double ra, rb;

  if (g_strcmp0 (self->sort, "revenue") != 0)
    return 0;
  ra = ks_account_get_revenue ((KsAccount *) a);
  rb = ks_account_get_revenue ((KsAccount *) b);
  if (isnan (ra) || isnan (rb))
    return isnan (ra) - isnan (rb);
  return (ra < rb) - (ra > rb);
}

static guint
find_position (GListModel *model,
               gint64      id)
{
  guint n = g_list_model_get_n_items (model);

  if (id <= 0)
    return GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (model, i);
      if (ks_account_get_id (account) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
set_selected_id_internal (KsAccountList *self,
                          gint64         id)
{
  if (self->selected_id == id)
    return;
  self->selected_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

static void
select_position (KsAccountList *self,
                 guint          position)
{
  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating = FALSE;
}

/* After the store or the search changed: select the account with the
 * selected id again; when it is gone from the workspace, its neighbour. */
static void
restore_selection (KsAccountList *self,
                   guint          fallback)
{
  GListModel *visible = G_LIST_MODEL (self->sort_model);
  guint n = g_list_model_get_n_items (visible);
  guint pos = find_position (visible, self->selected_id);

  if (pos != GTK_INVALID_LIST_POSITION)
    {
      if (gtk_single_selection_get_selected (self->selection) != pos)
        select_position (self, pos);
      return;
    }
  if (self->selected_id > 0 &&
      find_position (G_LIST_MODEL (self->store), self->selected_id) != GTK_INVALID_LIST_POSITION)
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
    g_autoptr(KsAccount) account = g_list_model_get_item (visible, pos);
    set_selected_id_internal (self, ks_account_get_id (account));
  }
}

static void
update_stack (KsAccountList *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
reload (KsAccountList *self)
{
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(GError) error = NULL;
  guint old_pos = gtk_single_selection_get_selected (self->selection);

  if (self->workspace)
    {
      fresh = ks_account_list (self->workspace, &error);
      if (!fresh)
        g_warning ("Could not read the accounts: %s", error->message);
    }
  self->updating = TRUE;
  ks_list_store_update (self->store, fresh, accounts_same);
  self->updating = FALSE;
  restore_selection (self, old_pos == GTK_INVALID_LIST_POSITION ? 0 : old_pos);
  update_stack (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, ks_account_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             KsAccountList            *self)
{
  ks_account_row_set_account (KS_ACCOUNT_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item),
                              g_strcmp0 (self->sort, "revenue") == 0);
}

/* A new factory rebinds every row (the revenue column follows the sort). */
static void
set_factory (KsAccountList *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
}

static void
on_workspace_changed (KsAccountList *self,
                      const char    *table,
                      KsWorkspace   *workspace)
{
  reload (self);
}

static void
on_selected_item_changed (KsAccountList *self)
{
  KsAccount *account;

  if (self->updating)
    return;
  account = gtk_single_selection_get_selected_item (self->selection);
  if (account)
    set_selected_id_internal (self, ks_account_get_id (account));
}

static void
on_search_changed (KsAccountList *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  g_free (self->search_key);
  self->search_key = ks_search_key (g_strstrip (text));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  restore_selection (self, 0);
  update_stack (self);
}

static void
on_search_activate (KsAccountList *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) == 0)
    return;
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
}

static void
on_stop_search (KsAccountList *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
ks_account_list_dispose (GObject *object)
{
  KsAccountList *self = KS_ACCOUNT_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KS_TYPE_ACCOUNT_LIST);
  ks_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (ks_account_list_parent_class)->dispose (object);
}

static void
ks_account_list_finalize (GObject *object)
{
  KsAccountList *self = KS_ACCOUNT_LIST (object);

  g_free (self->search_key);
  g_free (self->sort);

  G_OBJECT_CLASS (ks_account_list_parent_class)->finalize (object);
}

static void
ks_account_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KsAccountList *self = KS_ACCOUNT_LIST (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;
    case PROP_SORT:
      g_value_set_string (value, self->sort);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_account_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KsAccountList *self = KS_ACCOUNT_LIST (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      ks_account_list_set_selected_id (self, g_value_get_int64 (value));
      break;
    case PROP_SORT:
      ks_account_list_set_sort (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_account_list_class_init (KsAccountListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_account_list_dispose;
  object_class->finalize = ks_account_list_finalize;
  object_class->get_property = ks_account_list_get_property;
  object_class->set_property = ks_account_list_set_property;

  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL, "name",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ks-account-list.ui");
  gtk_widget_class_bind_template_child (widget_class, KsAccountList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KsAccountList, sort_button);
  gtk_widget_class_bind_template_child (widget_class, KsAccountList, stack);
  gtk_widget_class_bind_template_child (widget_class, KsAccountList, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);

  gtk_widget_class_install_property_action (widget_class, "accounts.sort", "sort");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "accountlist");
}

static void
ks_account_list_init (KsAccountList *self)
{
  self->sort = g_strdup ("name");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (KS_TYPE_ACCOUNT);
  self->filter = gtk_custom_filter_new (account_matches, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  GTK_FILTER (self->filter));
  self->sorter = gtk_custom_sorter_new (compare_accounts, self, NULL);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model),
                                              GTK_SORTER (self->sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sort_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  set_factory (self);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  update_stack (self);
}

GtkWidget *
ks_account_list_new (void)
{
  return g_object_new (KS_TYPE_ACCOUNT_LIST, NULL);
}

void
ks_account_list_set_workspace (KsAccountList *self,
                               KsWorkspace   *workspace)
{
  g_return_if_fail (KS_IS_ACCOUNT_LIST (self));
  g_return_if_fail (!workspace || KS_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace)
    {
      g_signal_connect_object (workspace, "changed::accounts",
                               G_CALLBACK (on_workspace_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (workspace, "changed::people",
                               G_CALLBACK (on_workspace_changed), self, G_CONNECT_SWAPPED);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search_key, g_free);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  self->selected_id = 0;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

gint64
ks_account_list_get_selected_id (KsAccountList *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT_LIST (self), 0);
  return self->selected_id;
}

void
ks_account_list_set_selected_id (KsAccountList *self,
                                 gint64         id)
{
  guint pos;

  g_return_if_fail (KS_IS_ACCOUNT_LIST (self));

  pos = find_position (G_LIST_MODEL (self->sort_model), id);
  if (pos == GTK_INVALID_LIST_POSITION &&
      find_position (G_LIST_MODEL (self->store), id) != GTK_INVALID_LIST_POSITION)
    {
      /* hidden by the search: clear it */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_clear_pointer (&self->search_key, g_free);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
      update_stack (self);
      pos = find_position (G_LIST_MODEL (self->sort_model), id);
    }
  if (pos == GTK_INVALID_LIST_POSITION)
    return;
  select_position (self, pos);
  set_selected_id_internal (self, id);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", pos);
}

const char *
ks_account_list_get_sort (KsAccountList *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT_LIST (self), NULL);
  return self->sort;
}

void
ks_account_list_set_sort (KsAccountList *self,
                          const char    *sort)
{
  g_return_if_fail (KS_IS_ACCOUNT_LIST (self));

  if (g_strcmp0 (sort, "revenue") != 0)
    sort = "name";
  if (g_strcmp0 (self->sort, sort) == 0)
    return;
  g_free (self->sort);
  self->sort = g_strdup (sort);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  set_factory (self);
  restore_selection (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

void
ks_account_list_focus_search (KsAccountList *self)
{
  g_return_if_fail (KS_IS_ACCOUNT_LIST (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkEditable *
ks_account_list_get_search_entry (KsAccountList *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT_LIST (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

guint
ks_account_list_get_n_visible (KsAccountList *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

guint
ks_account_list_get_n_accounts (KsAccountList *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

gint64
ks_account_list_get_id_at (KsAccountList *self,
                           guint          position)
{
  g_autoptr(KsAccount) account = NULL;

  g_return_val_if_fail (KS_IS_ACCOUNT_LIST (self), 0);

  account = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  return account ? ks_account_get_id (account) : 0;
}
