/* ks-people-list.c — the sidebar on the People page: the company role map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Same shape as the account list: a KsListHelper mirroring ks_person_list(),
 * reloading on "changed::people" and "changed::account_team" (accounts covered).
 * Search covers name, title, team, region, area of responsibility, phone and
 * e-mail (the people directory, the RACI charts' role map).
 */
#define G_LOG_DOMAIN "ks-people-list"

#include "config.h"

#include "ks-people-list.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ks-person.h"
#include "ks-person-row.h"
#include "ks-app-util.h"
#include "ks-list-helper.h"

struct _KsPeopleList
{
  GtkWidget           parent_instance;

  KsListHelper       *helper;         /* of KsPerson */
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

G_DEFINE_FINAL_TYPE (KsPeopleList, ks_people_list, GTK_TYPE_WIDGET)

static gboolean
people_same (gconstpointer a,
             gconstpointer b)
{
  KsPerson *x = (KsPerson *) a, *y = (KsPerson *) b;

  return ks_person_get_id (x) == ks_person_get_id (y) &&
         g_strcmp0 (ks_person_get_name (x), ks_person_get_name (y)) == 0 &&
         g_strcmp0 (ks_person_get_title (x), ks_person_get_title (y)) == 0 &&
         g_strcmp0 (ks_person_get_team (x), ks_person_get_team (y)) == 0 &&
         g_strcmp0 (ks_person_get_region (x), ks_person_get_region (y)) == 0 &&
         g_strcmp0 (ks_person_get_area (x), ks_person_get_area (y)) == 0 &&
         ks_person_get_account_count (x) == ks_person_get_account_count (y);
}

static gboolean
person_matches (gpointer    item,
                const char *key)
{
  KsPerson *person = item;

  return ks_search_matches (key, ks_person_get_name (person)) ||
         ks_search_matches (key, ks_person_get_title (person)) ||
         ks_search_matches (key, ks_person_get_team (person)) ||
         ks_search_matches (key, ks_person_get_region (person)) ||
         ks_search_matches (key, ks_person_get_area (person)) ||
         ks_search_matches (key, ks_person_get_phone (person)) ||
         ks_search_matches (key, ks_person_get_email (person));
}

static gint64
person_id (gpointer item)
{
  return ks_person_get_id (item);
}

/* By team (people without one last) or by accounts covered (most first);
 * ties keep the store's name order (GtkSortListModel sorts stably). */
static int
compare_people (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  KsPeopleList *self = user_data;
  KsPerson *x = (KsPerson *) a, *y = (KsPerson *) b;

  if (g_strcmp0 (self->sort, "team") == 0)
    {
      const char *ta = ks_person_get_team (x), *tb = ks_person_get_team (y);
      gboolean ea = !ta || !*ta, eb = !tb || !*tb;
      if (ea || eb)
        return ea - eb;
      return g_utf8_collate (ta, tb);
    }
  if (g_strcmp0 (self->sort, "accounts") == 0)
    {
      guint ca = ks_person_get_account_count (x), cb = ks_person_get_account_count (y);
      return (ca < cb) - (ca > cb);
    }
  return 0;
}

static const char *const list_tables[] = { "people", "account_team", "accounts", NULL };

static const KsListHelperInfo list_info = {
  .item_type = ks_person_get_type,
  .what = "the people",
  .tables = list_tables,
  .load = ks_person_list,
  .get_id = person_id,
  .same = people_same,
  .matches = person_matches,
  .compare = compare_people,
};

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, ks_person_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  ks_person_row_set_person (KS_PERSON_ROW (gtk_list_item_get_child (item)),
                            gtk_list_item_get_item (item));
}

static void
set_factory (KsPeopleList *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}

static void
ks_people_list_dispose (GObject *object)
{
  KsPeopleList *self = KS_PEOPLE_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KS_TYPE_PEOPLE_LIST);
  ks_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->helper);

  G_OBJECT_CLASS (ks_people_list_parent_class)->dispose (object);
}

static void
ks_people_list_finalize (GObject *object)
{
  KsPeopleList *self = KS_PEOPLE_LIST (object);

  g_free (self->sort);

  G_OBJECT_CLASS (ks_people_list_parent_class)->finalize (object);
}

static void
ks_people_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KsPeopleList *self = KS_PEOPLE_LIST (object);

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
ks_people_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KsPeopleList *self = KS_PEOPLE_LIST (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      ks_people_list_set_selected_id (self, g_value_get_int64 (value));
      break;
    case PROP_SORT:
      ks_people_list_set_sort (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_people_list_class_init (KsPeopleListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_people_list_dispose;
  object_class->finalize = ks_people_list_finalize;
  object_class->get_property = ks_people_list_get_property;
  object_class->set_property = ks_people_list_set_property;

  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL, "name",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ks-people-list.ui");
  gtk_widget_class_bind_template_child (widget_class, KsPeopleList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KsPeopleList, sort_button);
  gtk_widget_class_bind_template_child (widget_class, KsPeopleList, stack);
  gtk_widget_class_bind_template_child (widget_class, KsPeopleList, list_view);

  gtk_widget_class_install_property_action (widget_class, "people.sort", "sort");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "peoplelist");
}

static void
ks_people_list_init (KsPeopleList *self)
{
  self->sort = g_strdup ("name");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->helper = ks_list_helper_new (GTK_WIDGET (self), properties[PROP_SELECTED_ID], &list_info,
                                     self->list_view, self->stack, self->search_entry);
  set_factory (self);
}

GtkWidget *
ks_people_list_new (void)
{
  return g_object_new (KS_TYPE_PEOPLE_LIST, NULL);
}

void
ks_people_list_set_workspace (KsPeopleList *self,
                              KsWorkspace  *workspace)
{
  g_return_if_fail (KS_IS_PEOPLE_LIST (self));
  ks_list_helper_set_workspace (self->helper, workspace);
}

gint64
ks_people_list_get_selected_id (KsPeopleList *self)
{
  g_return_val_if_fail (KS_IS_PEOPLE_LIST (self), 0);
  return ks_list_helper_get_selected_id (self->helper);
}

void
ks_people_list_set_selected_id (KsPeopleList *self,
                                gint64        id)
{
  g_return_if_fail (KS_IS_PEOPLE_LIST (self));
  ks_list_helper_set_selected_id (self->helper, id);
}

const char *
ks_people_list_get_sort (KsPeopleList *self)
{
  g_return_val_if_fail (KS_IS_PEOPLE_LIST (self), NULL);
  return self->sort;
}

void
ks_people_list_set_sort (KsPeopleList *self,
                         const char   *sort)
{
  g_return_if_fail (KS_IS_PEOPLE_LIST (self));

  if (g_strcmp0 (sort, "team") != 0 && g_strcmp0 (sort, "accounts") != 0)
    sort = "name";
  if (g_strcmp0 (self->sort, sort) == 0)
    return;
  g_free (self->sort);
  self->sort = g_strdup (sort);
  ks_list_helper_resort (self->helper);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

void
ks_people_list_focus_search (KsPeopleList *self)
{
  g_return_if_fail (KS_IS_PEOPLE_LIST (self));
  ks_list_helper_focus_search (self->helper);
}

GtkEditable *
ks_people_list_get_search_entry (KsPeopleList *self)
{
  g_return_val_if_fail (KS_IS_PEOPLE_LIST (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

guint
ks_people_list_get_n_visible (KsPeopleList *self)
{
  g_return_val_if_fail (KS_IS_PEOPLE_LIST (self), 0);
  return ks_list_helper_get_n_visible (self->helper);
}

guint
ks_people_list_get_n_people (KsPeopleList *self)
{
  g_return_val_if_fail (KS_IS_PEOPLE_LIST (self), 0);
  return ks_list_helper_get_n_items (self->helper);
}
