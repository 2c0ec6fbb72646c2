/* ks-people-list.c — the sidebar on the People page: the company role map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Same shape as the account list: a GtkListView over GtkSortListModel ←
 * GtkFilterListModel ← a GListStore mirroring ks_person_list(), updated in
 * place on "changed::people" and "changed::account_team" (accounts covered).
 * Search covers name, title, team, region and area of responsibility.
 */
#define G_LOG_DOMAIN "ks-people-list"

#include "config.h"

#include "ks-people-list.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ks-person.h"
#include "ks-person-row.h"
#include "ks-app-util.h"

struct _KsPeopleList
{
  GtkWidget           parent_instance;

  KsWorkspace        *workspace;
  GListStore         *store;          /* of KsPerson */
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
person_matches (gpointer item,
                gpointer user_data)
{
  KsPeopleList *self = user_data;
  KsPerson *person = item;

  if (!self->search_key || !*self->search_key)
    return TRUE;
  return ks_search_matches (self->search_key, ks_person_get_name (person)) ||
         ks_search_matches (self->search_key, ks_person_get_title (person)) ||
         ks_search_matches (self->search_key, ks_person_get_team (person)) ||
         ks_search_matches (self->search_key, ks_person_get_region (person)) ||
         ks_search_matches (self->search_key, ks_person_get_area (person));
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

static guint
find_position (GListModel *model,
               gint64      id)
{
  guint n = g_list_model_get_n_items (model);

  if (id <= 0)
    return GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsPerson) person = g_list_model_get_item (model, i);
      if (ks_person_get_id (person) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
set_selected_id_internal (KsPeopleList *self,
                          gint64         id)
{
  if (self->selected_id == id)
    return;
  self->selected_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

static void
select_position (KsPeopleList *self,
                 guint          position)
{
  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating = FALSE;
}

/* After the store or the search changed: select the person with the
 * selected id again; when it is gone from the workspace, its neighbour. */
static void
restore_selection (KsPeopleList *self,
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
    g_autoptr(KsPerson) person = g_list_model_get_item (visible, pos);
    set_selected_id_internal (self, ks_person_get_id (person));
  }
}

static void
update_stack (KsPeopleList *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
reload (KsPeopleList *self)
{
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(GError) error = NULL;
  guint old_pos = gtk_single_selection_get_selected (self->selection);

  if (self->workspace)
    {
      fresh = ks_person_list (self->workspace, &error);
      if (!fresh)
        g_warning ("Could not read the people: %s", error->message);
    }
  self->updating = TRUE;
  ks_list_store_update (self->store, fresh, people_same);
  self->updating = FALSE;
  restore_selection (self, old_pos == GTK_INVALID_LIST_POSITION ? 0 : old_pos);
  update_stack (self);
}

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
on_workspace_changed (KsPeopleList *self,
                      const char    *table,
                      KsWorkspace   *workspace)
{
  reload (self);
}

static void
on_selected_item_changed (KsPeopleList *self)
{
  KsPerson *person;

  if (self->updating)
    return;
  person = gtk_single_selection_get_selected_item (self->selection);
  if (person)
    set_selected_id_internal (self, ks_person_get_id (person));
}

static void
on_search_changed (KsPeopleList *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  g_free (self->search_key);
  self->search_key = ks_search_key (g_strstrip (text));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  restore_selection (self, 0);
  update_stack (self);
}

static void
on_search_activate (KsPeopleList *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) == 0)
    return;
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
}

static void
on_stop_search (KsPeopleList *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
ks_people_list_dispose (GObject *object)
{
  KsPeopleList *self = KS_PEOPLE_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KS_TYPE_PEOPLE_LIST);
  ks_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (ks_people_list_parent_class)->dispose (object);
}

static void
ks_people_list_finalize (GObject *object)
{
  KsPeopleList *self = KS_PEOPLE_LIST (object);

  g_free (self->search_key);
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
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);

  gtk_widget_class_install_property_action (widget_class, "people.sort", "sort");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "peoplelist");
}

static void
ks_people_list_init (KsPeopleList *self)
{
  self->sort = g_strdup ("name");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (KS_TYPE_PERSON);
  self->filter = gtk_custom_filter_new (person_matches, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  GTK_FILTER (self->filter));
  self->sorter = gtk_custom_sorter_new (compare_people, self, NULL);
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
ks_people_list_new (void)
{
  return g_object_new (KS_TYPE_PEOPLE_LIST, NULL);
}

void
ks_people_list_set_workspace (KsPeopleList *self,
                               KsWorkspace   *workspace)
{
  g_return_if_fail (KS_IS_PEOPLE_LIST (self));
  g_return_if_fail (!workspace || KS_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace)
    {
      g_signal_connect_object (workspace, "changed::people",
                               G_CALLBACK (on_workspace_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (workspace, "changed::account_team",
                               G_CALLBACK (on_workspace_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (workspace, "changed::accounts",
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
ks_people_list_get_selected_id (KsPeopleList *self)
{
  g_return_val_if_fail (KS_IS_PEOPLE_LIST (self), 0);
  return self->selected_id;
}

void
ks_people_list_set_selected_id (KsPeopleList *self,
                                 gint64         id)
{
  guint pos;

  g_return_if_fail (KS_IS_PEOPLE_LIST (self));

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
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  restore_selection (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

void
ks_people_list_focus_search (KsPeopleList *self)
{
  g_return_if_fail (KS_IS_PEOPLE_LIST (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
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
  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

guint
ks_people_list_get_n_people (KsPeopleList *self)
{
  g_return_val_if_fail (KS_IS_PEOPLE_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}
