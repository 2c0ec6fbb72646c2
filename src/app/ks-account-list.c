/* ks-account-list.c — the sidebar: search, sort and the list of accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KsListHelper mirrors ks_account_list(), reloading on "changed::accounts"
 * (and "changed::people", for owner names); this file adds what is particular
 * to accounts: the row, the search fields and the revenue sort.
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
#include "ks-list-helper.h"

struct _KsAccountList
{
  GtkWidget           parent_instance;

  KsListHelper       *helper;         /* of KsAccount */
  char               *sort;

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
account_matches (gpointer    item,
                 const char *key)
{
  KsAccount *account = item;

  return ks_search_matches (key, ks_account_get_name (account)) ||
         ks_search_matches (key, ks_account_get_sector (account)) ||
         ks_search_matches (key, ks_account_get_country (account)) ||
         ks_search_matches (key, ks_account_get_owner_name (account));
}

static gint64
account_id (gpointer item)
{
  return ks_account_get_id (item);
}

/* By revenue, largest first, unknown last; ties keep the store's name order
 * (GtkSortListModel sorts stably). By name the helper leaves the sorter out:
 * the store already holds the accounts in name order. */
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

static const char *const list_tables[] = { "accounts", "people", NULL };

static const KsListHelperInfo list_info = {
  .item_type = ks_account_get_type,
  .what = "the accounts",
  .tables = list_tables,
  .load = ks_account_list,
  .get_id = account_id,
  .same = accounts_same,
  .matches = account_matches,
  .compare = compare_accounts,
};

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
ks_account_list_dispose (GObject *object)
{
  KsAccountList *self = KS_ACCOUNT_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KS_TYPE_ACCOUNT_LIST);
  ks_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->helper);

  G_OBJECT_CLASS (ks_account_list_parent_class)->dispose (object);
}

static void
ks_account_list_finalize (GObject *object)
{
  KsAccountList *self = KS_ACCOUNT_LIST (object);

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
      g_value_set_int64 (value, ks_list_helper_peek_selected_id (self->helper));
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

  gtk_widget_class_install_property_action (widget_class, "accounts.sort", "sort");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "accountlist");
}

static void
ks_account_list_init (KsAccountList *self)
{
  self->sort = g_strdup ("name");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->helper = ks_list_helper_new (GTK_WIDGET (self), properties[PROP_SELECTED_ID], &list_info,
                                     self->list_view, self->stack, self->search_entry);
  /* by name: the order ks_account_list() gives, no sorter needed */
  ks_list_helper_set_sorted (self->helper, FALSE);
  set_factory (self);
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
  ks_list_helper_set_workspace (self->helper, workspace);
}

gint64
ks_account_list_get_selected_id (KsAccountList *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT_LIST (self), 0);
  return ks_list_helper_get_selected_id (self->helper);
}

void
ks_account_list_set_selected_id (KsAccountList *self,
                                 gint64         id)
{
  g_return_if_fail (KS_IS_ACCOUNT_LIST (self));
  ks_list_helper_set_selected_id (self->helper, id);
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
  set_factory (self);
  ks_list_helper_set_sorted (self->helper, g_str_equal (sort, "revenue"));
  ks_list_helper_resort (self->helper);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

void
ks_account_list_focus_search (KsAccountList *self)
{
  g_return_if_fail (KS_IS_ACCOUNT_LIST (self));
  ks_list_helper_focus_search (self->helper);
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
  return ks_list_helper_get_n_visible (self->helper);
}

guint
ks_account_list_get_n_accounts (KsAccountList *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT_LIST (self), 0);
  return ks_list_helper_get_n_items (self->helper);
}

gint64
ks_account_list_get_id_at (KsAccountList *self,
                           guint          position)
{
  g_return_val_if_fail (KS_IS_ACCOUNT_LIST (self), 0);
  return ks_list_helper_get_id_at (self->helper, position);
}
