/* ks-opportunity-list.c — the Funnel view's table of opportunities: lazy,
 * sorted by the database, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkColumnView over KsOpportunityModel (ids in memory, rows loaded a
 * page at a time). Clicking a header asks the model for the database's
 * order; nothing is sorted in memory. The column view's sorter is only the
 * headers' state: each column's sorter records that it was asked, and a
 * probe comparison finds the primary column and its direction.
 *
 * Stage and momentum are dropdowns, value and close date editable labels;
 * each edit is one undo step through core (ks-funnel.h), which signals the
 * change; the model then loads the shown rows again. A stage name that is
 * not mapped shows as "Prospecting (unmapped)" next to an empty dropdown.
 */
#define G_LOG_DOMAIN "ks-opportunity-list"

#include "config.h"

#include "ks-opportunity-list.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ks-app-util.h"

struct _KsOpportunityList
{
  GtkWidget            parent_instance;

  KsWorkspace         *workspace;
  KsOpportunityModel  *model;
  GtkWidget           *scrolled;
  GtkColumnView       *view;
  GtkColumnViewColumn *columns[KS_OPPORTUNITY_N_COLUMNS];
  GtkStringList       *stage_names;
  GArray              *stage_ids;     /* gint64, parallel to stage_names */
  GtkStringList       *momenta;
  char                *today;
  guint                fading_weeks;
  int                  probed;        /* the column whose sorter was asked; -1 none */
  GObject             *probe_a;
  GObject             *probe_b;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (KsOpportunityList, ks_opportunity_list, GTK_TYPE_WIDGET)

static const KsOpportunitySort column_sorts[KS_OPPORTUNITY_N_COLUMNS] = {
  KS_OPPORTUNITY_SORT_REF, KS_OPPORTUNITY_SORT_TITLE, KS_OPPORTUNITY_SORT_ACCOUNT,
  KS_OPPORTUNITY_SORT_OWNER, KS_OPPORTUNITY_SORT_PRODUCT, KS_OPPORTUNITY_SORT_STAGE,
  KS_OPPORTUNITY_SORT_VALUE, KS_OPPORTUNITY_SORT_WEIGHTED, KS_OPPORTUNITY_SORT_CLOSE_DATE,
  KS_OPPORTUNITY_SORT_MOMENTUM, KS_OPPORTUNITY_SORT_DAYS_IN_STAGE,
};

static const char *
column_title (KsOpportunityColumn column)
{
  switch (column)
    {
    /* Translators: column headers of the Funnel view's opportunity list */
    case KS_OPPORTUNITY_COLUMN_REF: return C_("opportunity column", "Ref");
    case KS_OPPORTUNITY_COLUMN_TITLE: return C_("opportunity column", "Title");
    case KS_OPPORTUNITY_COLUMN_ACCOUNT: return C_("opportunity column", "Account");
    case KS_OPPORTUNITY_COLUMN_OWNER: return C_("opportunity column", "Owner");
    case KS_OPPORTUNITY_COLUMN_PRODUCT: return C_("opportunity column", "Product");
    case KS_OPPORTUNITY_COLUMN_STAGE: return C_("opportunity column", "Stage");
    case KS_OPPORTUNITY_COLUMN_VALUE: return C_("opportunity column", "Value");
    case KS_OPPORTUNITY_COLUMN_WEIGHTED: return C_("opportunity column", "Weighted");
    case KS_OPPORTUNITY_COLUMN_CLOSE_DATE: return C_("opportunity column", "Close Date");
    case KS_OPPORTUNITY_COLUMN_MOMENTUM: return C_("opportunity column", "Momentum");
    case KS_OPPORTUNITY_COLUMN_DAYS: return C_("opportunity column", "Days in Stage");
    case KS_OPPORTUNITY_N_COLUMNS:
    default: return "";
    }
}

static const char *
momentum_label (KsMomentum momentum)
{
  switch (momentum)
    {
    case KS_MOMENTUM_DEVELOPING: return C_("momentum", "Developing");
    case KS_MOMENTUM_STABLE: return C_("momentum", "Stable");
    case KS_MOMENTUM_FADING:
    default: return C_("momentum", "Fading");
    }
}

/* Helpers */

static char *
format_value (double value)
{
  if (isnan (value))
    return g_strdup ("");
  return ks_format_number (value, floor (value) == value ? 0 : 2);
}

static const char *
shown_close_date (KsOpportunity *o)
{
  if (ks_opportunity_get_outcome (o) == KS_OUTCOME_OPEN && ks_opportunity_get_expected_close_date (o))
    return ks_opportunity_get_expected_close_date (o);
  return ks_opportunity_get_close_date (o);
}

static KsMomentum
effective_momentum (KsOpportunityList *self,
                    KsOpportunity     *o)
{
  return ks_momentum_effective (ks_opportunity_get_momentum (o), ks_opportunity_get_outcome (o),
                                ks_opportunity_get_last_activity (o), ks_opportunity_get_stage_date (o),
                                ks_opportunity_get_engage_date (o), self->today, self->fading_weeks);
}

static void
toast_error (KsOpportunityList *self,
             const char        *what,
             KsOpportunity     *o,
             const GError      *error)
{
  /* Translators: a failed edit in the opportunity list: "Could not change the value of “OPP-7”: reason" */
  g_autofree char *text = g_strdup_printf (_("Could not change the %s of “%s”: %s"),
                                           what, ks_opportunity_get_ref (o), error->message);
  ks_widget_add_toast (GTK_WIDGET (self), text);
}

static void
reload_stages (KsOpportunityList *self)
{
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->stage_names));

  g_array_set_size (self->stage_ids, 0);
  if (self->workspace)
    stages = ks_stage_list (self->workspace, NULL);
  for (guint i = 0; stages && i < stages->len; i++)
    {
      KsStage *stage = g_ptr_array_index (stages, i);
      g_strv_builder_add (builder, stage->name);
      g_array_append_val (self->stage_ids, stage->id);
    }
  names = g_strv_builder_end (builder);
  self->updating = TRUE;
  gtk_string_list_splice (self->stage_names, 0, old, (const char *const *) names);
  self->updating = FALSE;
}

static void
reload_settings (KsOpportunityList *self)
{
  g_free (self->today);
  self->today = ks_opportunity_query_today ();
  self->fading_weeks = self->workspace ? ks_funnel_get_fading_weeks (self->workspace)
                                       : KS_FUNNEL_DEFAULT_FADING_WEEKS;
}

static KsOpportunity *
cell_item (GtkWidget *cell)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (cell), "ks-list-item");
  gpointer o = item ? gtk_list_item_get_item (item) : NULL;

  return KS_IS_OPPORTUNITY (o) && ks_opportunity_get_id (o) > 0 ? o : NULL;
}

static void
find_cells (GtkWidget           *widget,
            gint64               id,
            KsOpportunityColumn  column,
            GtkWidget          **found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child && !*found;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "ks-column")) == (int) column + 1 &&
          cell_item (child) && ks_opportunity_get_id (cell_item (child)) == id &&
          gtk_widget_get_mapped (child))
        *found = child;
      else
        find_cells (child, id, column, found);
    }
}

/* Callbacks */

/* A dropdown's choice, applied from an idle: the edit reloads the rows,
 * which must not happen inside the dropdown's own signal. */
typedef struct
{
  KsOpportunityList   *self;
  KsOpportunity       *opportunity;
  KsOpportunityColumn  column;
  gint64               value;    /* stage id, momentum */
  double               number;   /* value */
  char                *text;     /* close date */
} DeferredEdit;

static gboolean
apply_deferred (gpointer data)
{
  DeferredEdit *edit = data;
  KsOpportunityList *self = edit->self;
  g_autoptr(GError) error = NULL;
  gint64 id = ks_opportunity_get_id (edit->opportunity);

  if (self->workspace && edit->column == KS_OPPORTUNITY_COLUMN_STAGE &&
      !ks_opportunity_move_to_stage (self->workspace, id, edit->value, NULL, &error))
    toast_error (self, _("stage"), edit->opportunity, error);
  else if (self->workspace && edit->column == KS_OPPORTUNITY_COLUMN_MOMENTUM &&
           !ks_opportunity_change_momentum (self->workspace, id, edit->value, &error))
    toast_error (self, _("momentum"), edit->opportunity, error);
  else if (self->workspace && edit->column == KS_OPPORTUNITY_COLUMN_VALUE &&
           !ks_opportunity_change_value (self->workspace, id, edit->number, &error))
    {
      toast_error (self, _("value"), edit->opportunity, error);
      ks_opportunity_model_refresh (self->model);
    }
  else if (self->workspace && edit->column == KS_OPPORTUNITY_COLUMN_CLOSE_DATE &&
           !ks_opportunity_change_close_date (self->workspace, id, edit->text, &error))
    {
      toast_error (self, _("close date"), edit->opportunity, error);
      ks_opportunity_model_refresh (self->model);
    }
  g_free (edit->text);
  g_object_unref (edit->opportunity);
  g_object_unref (edit->self);
  g_free (edit);
  return G_SOURCE_REMOVE;
}

static void
defer_edit_full (KsOpportunityList   *self,
                 KsOpportunity       *o,
                 KsOpportunityColumn  column,
                 gint64               value,
                 double               number,
                 const char          *text)
{
  DeferredEdit *edit = g_new0 (DeferredEdit, 1);

  edit->number = number;
  edit->text = g_strdup (text);

  edit->self = g_object_ref (self);
  edit->opportunity = g_object_ref (o);
  edit->column = column;
  edit->value = value;
  g_idle_add (apply_deferred, edit);
}

static void
defer_edit (KsOpportunityList   *self,
            KsOpportunity       *o,
            KsOpportunityColumn  column,
            gint64               value)
{
  defer_edit_full (self, o, column, value, NAN, NULL);
}

static void
on_stage_selected (GtkDropDown       *dropdown,
                   GParamSpec        *pspec,
                   KsOpportunityList *self)
{
  KsOpportunity *o = cell_item (GTK_WIDGET (dropdown));
  guint selected = gtk_drop_down_get_selected (dropdown);
  gint64 stage_id;

  if (self->updating || g_object_get_data (G_OBJECT (dropdown), "ks-binding") || !o ||
      selected >= self->stage_ids->len)
    return;
  stage_id = g_array_index (self->stage_ids, gint64, selected);
  if (stage_id != ks_opportunity_get_stage_id (o))
    defer_edit (self, o, KS_OPPORTUNITY_COLUMN_STAGE, stage_id);
}

static void
on_momentum_selected (GtkDropDown       *dropdown,
                      GParamSpec        *pspec,
                      KsOpportunityList *self)
{
  KsOpportunity *o = cell_item (GTK_WIDGET (dropdown));
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || g_object_get_data (G_OBJECT (dropdown), "ks-binding") || !o ||
      selected > KS_MOMENTUM_FADING || (KsMomentum) selected == effective_momentum (self, o))
    return;
  defer_edit (self, o, KS_OPPORTUNITY_COLUMN_MOMENTUM, selected);
}

/* GTK 4.8's GtkEditableLabel answers every focus leave with
 * g_timeout_add (100, stop_editing_soon, controller) and takes no
 * reference: when the label is finalized within those 100 ms (the edit
 * reloads the rows from an idle, and a reloaded row's cells are new
 * widgets), the timeout reads a freed controller (the critical in
 * gtk_event_controller_get_widget, or a crash). Each value and close-date
 * cell keeps itself alive for a while after the focus left it. */
#define FOCUS_LEAVE_HOLD_MS 250

static gboolean
release_cell (gpointer data)
{
  return G_SOURCE_REMOVE;   /* the source's destroy notify lets go of the cell */
}

static void
on_cell_focus_leave (GtkEventControllerFocus *controller)
{
  GtkWidget *label = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  g_timeout_add_full (G_PRIORITY_DEFAULT, FOCUS_LEAVE_HOLD_MS, release_cell,
                      g_object_ref (label), g_object_unref);
}

static void
on_editing_done (GtkEditableLabel  *label,
                 GParamSpec        *pspec,
                 KsOpportunityList *self)
{
  KsOpportunityColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "ks-column")) - 1;
  g_autoptr(KsOpportunity) o = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  /* a cell kept alive past its row (see on_cell_focus_leave) edits nothing */
  if (gtk_editable_label_get_editing (label) || !gtk_widget_get_root (GTK_WIDGET (label)) || self->updating)
    return;
  o = cell_item (GTK_WIDGET (label)) ? g_object_ref (cell_item (GTK_WIDGET (label))) : NULL;
  if (!o)
    return;
  /* the row is bound again after the edit: the focus must not stay in a
   * widget that goes away */
  if (gtk_widget_get_focus_child (GTK_WIDGET (label)) || gtk_widget_has_focus (GTK_WIDGET (label)))
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (label))));
  if (column == KS_OPPORTUNITY_COLUMN_VALUE)
    {
      g_autofree char *shown = format_value (ks_opportunity_get_value (o));
      double value;
      gboolean empty;

      if (g_strcmp0 (text, shown) == 0)
        return;
      if (!ks_parse_number (text, &value, &empty))
        {
          /* Translators: a value typed into the opportunity list that is not a number */
          g_autofree char *message = g_strdup_printf (_("“%s” is not a value for “%s”: use digits, such as 12500"),
                                                      text, ks_opportunity_get_ref (o));
          gtk_editable_set_text (GTK_EDITABLE (label), shown);
          ks_widget_add_toast (GTK_WIDGET (self), message);
          return;
        }
      defer_edit_full (self, o, KS_OPPORTUNITY_COLUMN_VALUE, 0, value, NULL);
    }
  else
    {
      const char *shown = shown_close_date (o);

      if (g_strcmp0 (text, shown ? shown : "") == 0)
        return;
      defer_edit_full (self, o, KS_OPPORTUNITY_COLUMN_CLOSE_DATE, 0, NAN, *text ? text : NULL);
    }
}

static gboolean
on_title_query_tooltip (GtkWidget  *label,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        gpointer    data)
{
  KsOpportunity *o = cell_item (label);

  if (!o || !*ks_opportunity_get_title (o))
    return FALSE;
  gtk_tooltip_set_text (tooltip, ks_opportunity_get_title (o));
  return TRUE;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            KsOpportunityList        *self)
{
  KsOpportunityColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ks-column"));
  GtkWidget *cell = NULL;

  switch (column)
    {
    case KS_OPPORTUNITY_COLUMN_STAGE:
      {
        GtkWidget *label = gtk_label_new (NULL);
        GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->stage_names)), NULL);

        cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
        gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
        gtk_widget_add_css_class (label, "unmapped");
        gtk_widget_add_css_class (label, "warning");
        gtk_widget_add_css_class (dropdown, "flat");
        gtk_box_append (GTK_BOX (cell), label);
        gtk_box_append (GTK_BOX (cell), dropdown);
        g_object_set_data (G_OBJECT (dropdown), "ks-list-item", item);
        g_object_set_data (G_OBJECT (dropdown), "ks-column", GINT_TO_POINTER (column + 1));
        g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_stage_selected), self);
        gtk_list_item_set_child (item, cell);
        return;
      }
    case KS_OPPORTUNITY_COLUMN_MOMENTUM:
      cell = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->momenta)), NULL);
      gtk_widget_add_css_class (cell, "flat");
      g_signal_connect (cell, "notify::selected", G_CALLBACK (on_momentum_selected), self);
      break;
    case KS_OPPORTUNITY_COLUMN_VALUE:
    case KS_OPPORTUNITY_COLUMN_CLOSE_DATE:
      cell = gtk_editable_label_new ("");
      if (column == KS_OPPORTUNITY_COLUMN_VALUE)
        {
          gtk_editable_set_alignment (GTK_EDITABLE (cell), 1.0);
          gtk_widget_add_css_class (cell, "numeric");
        }
      gtk_editable_set_width_chars (GTK_EDITABLE (cell), 10);
      g_signal_connect (cell, "notify::editing", G_CALLBACK (on_editing_done), self);
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();

        g_signal_connect (focus, "leave", G_CALLBACK (on_cell_focus_leave), NULL);
        gtk_widget_add_controller (cell, focus);
      }
      break;
    case KS_OPPORTUNITY_COLUMN_REF:
    case KS_OPPORTUNITY_COLUMN_TITLE:
    case KS_OPPORTUNITY_COLUMN_ACCOUNT:
    case KS_OPPORTUNITY_COLUMN_OWNER:
    case KS_OPPORTUNITY_COLUMN_PRODUCT:
    case KS_OPPORTUNITY_COLUMN_WEIGHTED:
    case KS_OPPORTUNITY_COLUMN_DAYS:
    case KS_OPPORTUNITY_N_COLUMNS:
    default:
      cell = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
      if (column == KS_OPPORTUNITY_COLUMN_WEIGHTED || column == KS_OPPORTUNITY_COLUMN_DAYS)
        {
          gtk_label_set_xalign (GTK_LABEL (cell), 1.0);
          gtk_widget_add_css_class (cell, "numeric");
        }
      else
        gtk_label_set_xalign (GTK_LABEL (cell), 0.0);
      /* The whole title when hovered, asked for then: setting a tooltip
       * on every bind was a tenth of a scrolling frame. */
      if (column == KS_OPPORTUNITY_COLUMN_TITLE)
        {
          gtk_widget_set_has_tooltip (cell, TRUE);
          g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_title_query_tooltip), NULL);
        }
      break;
    }
  g_object_set_data (G_OBJECT (cell), "ks-list-item", item);
  g_object_set_data (G_OBJECT (cell), "ks-column", GINT_TO_POINTER (column + 1));
  gtk_list_item_set_child (item, cell);
}

static void
bind_stage (KsOpportunityList *self,
            GtkWidget         *box,
            KsOpportunity     *o)
{
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *dropdown = gtk_widget_get_last_child (box);
  gint64 stage_id = ks_opportunity_get_stage_id (o);
  guint selected = GTK_INVALID_LIST_POSITION;
  g_autofree char *accessible = NULL;

  for (guint i = 0; i < self->stage_ids->len; i++)
    if (g_array_index (self->stage_ids, gint64, i) == stage_id)
      selected = i;
  if (stage_id == 0 && *ks_opportunity_get_stage (o))
    {
      /* Translators: an imported stage name that no funnel stage stands for, e.g. "Prospecting (unmapped)" */
      g_autofree char *text = g_strdup_printf (_("%s (unmapped)"), ks_opportunity_get_stage (o));
      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_widget_set_visible (label, TRUE);
    }
  else
    gtk_widget_set_visible (label, FALSE);
  gtk_widget_set_hexpand (dropdown, stage_id != 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  /* Translators: accessible name of the stage dropdown of one opportunity */
  accessible = g_strdup_printf (_("Stage of %s"), ks_opportunity_get_ref (o));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           KsOpportunityList        *self)
{
  KsOpportunityColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ks-column"));
  GtkWidget *cell = gtk_list_item_get_child (item);
  KsOpportunity *o = gtk_list_item_get_item (item);
  GtkWidget *target = column == KS_OPPORTUNITY_COLUMN_STAGE ? gtk_widget_get_last_child (cell) : cell;
  g_autofree char *text = NULL;

  g_object_set_data (G_OBJECT (target), "ks-binding", GINT_TO_POINTER (1));
  switch (column)
    {
    case KS_OPPORTUNITY_COLUMN_REF:
      gtk_label_set_text (GTK_LABEL (cell), ks_opportunity_get_ref (o));
      break;
    case KS_OPPORTUNITY_COLUMN_TITLE:
      gtk_label_set_text (GTK_LABEL (cell), ks_opportunity_get_title (o));
      break;
    case KS_OPPORTUNITY_COLUMN_ACCOUNT:
      gtk_label_set_text (GTK_LABEL (cell), ks_opportunity_get_account_name (o));
      break;
    case KS_OPPORTUNITY_COLUMN_OWNER:
      gtk_label_set_text (GTK_LABEL (cell), ks_opportunity_get_owner_name (o));
      break;
    case KS_OPPORTUNITY_COLUMN_PRODUCT:
      gtk_label_set_text (GTK_LABEL (cell), ks_opportunity_get_product_name (o));
      break;
    case KS_OPPORTUNITY_COLUMN_STAGE:
      bind_stage (self, cell, o);
      break;
    case KS_OPPORTUNITY_COLUMN_VALUE:
      text = format_value (ks_opportunity_get_value (o));
      gtk_editable_set_text (GTK_EDITABLE (cell), text);
      break;
    case KS_OPPORTUNITY_COLUMN_WEIGHTED:
      text = format_value (round (ks_opportunity_query_weighted (self->workspace, o)));
      gtk_label_set_text (GTK_LABEL (cell), text);
      break;
    case KS_OPPORTUNITY_COLUMN_CLOSE_DATE:
      gtk_editable_set_text (GTK_EDITABLE (cell), shown_close_date (o) ? shown_close_date (o) : "");
      break;
    case KS_OPPORTUNITY_COLUMN_MOMENTUM:
      {
        KsMomentum momentum = effective_momentum (self, o);

        gtk_drop_down_set_selected (GTK_DROP_DOWN (cell), momentum);
        if (momentum == KS_MOMENTUM_FADING)
          gtk_widget_add_css_class (cell, "warning");
        else
          gtk_widget_remove_css_class (cell, "warning");
        gtk_widget_set_sensitive (cell, ks_opportunity_get_outcome (o) == KS_OUTCOME_OPEN);
        break;
      }
    case KS_OPPORTUNITY_COLUMN_DAYS:
      {
        const char *since = ks_opportunity_get_stage_date (o) ? ks_opportunity_get_stage_date (o)
                                                             : ks_opportunity_get_engage_date (o);
        gint64 days = ks_opportunity_query_days_since (since, self->today);

        text = days >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, days) : g_strdup ("");
        gtk_label_set_text (GTK_LABEL (cell), text);
        break;
      }
    case KS_OPPORTUNITY_N_COLUMNS:
    default:
      break;
    }
  g_object_set_data (G_OBJECT (target), "ks-binding", NULL);
}

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  KsOpportunityList *self = g_object_get_data (G_OBJECT (data), "ks-list");

  if (self->probed < 0)
    self->probed = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (data), "ks-column"));
  return GTK_ORDERING_SMALLER;
}

/* The headers changed the order: which column, which way. */
static void
on_sort_changed (KsOpportunityList *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->view);
  GtkOrdering order;

  self->probed = -1;
  order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  if (self->probed < 0 || order == GTK_ORDERING_EQUAL)
    ks_opportunity_model_set_sort (self->model, KS_OPPORTUNITY_SORT_ID, FALSE);
  else
    ks_opportunity_model_set_sort (self->model, column_sorts[self->probed], order == GTK_ORDERING_LARGER);
}

static void
on_settings_changed (KsOpportunityList *self)
{
  reload_settings (self);
  ks_opportunity_model_refresh (self->model);
}

static void
on_stages_changed (KsOpportunityList *self)
{
  reload_stages (self);
}

/* Vfuncs */

static void
ks_opportunity_list_dispose (GObject *object)
{
  KsOpportunityList *self = KS_OPPORTUNITY_LIST (object);

  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->model);
  g_clear_object (&self->stage_names);
  g_clear_object (&self->momenta);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  G_OBJECT_CLASS (ks_opportunity_list_parent_class)->dispose (object);
}

static void
ks_opportunity_list_finalize (GObject *object)
{
  KsOpportunityList *self = KS_OPPORTUNITY_LIST (object);

  g_array_unref (self->stage_ids);
  g_free (self->today);
  G_OBJECT_CLASS (ks_opportunity_list_parent_class)->finalize (object);
}

static void
ks_opportunity_list_class_init (KsOpportunityListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_opportunity_list_dispose;
  object_class->finalize = ks_opportunity_list_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "opportunitylist");
}

static void
ks_opportunity_list_init (KsOpportunityList *self)
{
  const char *momenta[] = {
    momentum_label (KS_MOMENTUM_DEVELOPING), momentum_label (KS_MOMENTUM_STABLE),
    momentum_label (KS_MOMENTUM_FADING), NULL,
  };
  /* 1,445 px in all, so every column fits beside the sidebar at 1920 px;
   * title and account take what is left and ellipsize */
  static const int widths[KS_OPPORTUNITY_N_COLUMNS] = { 110, 200, 150, 110, 110, 230, 90, 90, 110, 130, 115 };

  self->probed = -1;
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  self->stage_names = gtk_string_list_new (NULL);
  self->stage_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->momenta = gtk_string_list_new (momenta);
  self->fading_weeks = KS_FUNNEL_DEFAULT_FADING_WEEKS;
  self->today = ks_opportunity_query_today ();
  self->model = ks_opportunity_model_new ();

  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (
    gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->model))))));
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_column_view_set_reorderable (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  for (int i = 0; i < KS_OPPORTUNITY_N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkCustomSorter *sorter = gtk_custom_sorter_new (probe_compare, NULL, NULL);

      g_object_set_data (G_OBJECT (factory), "ks-column", GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      /* the compare function gets the sorter as its data */
      g_object_set_data (G_OBJECT (sorter), "ks-column", GINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (sorter), "ks-list", self);
      gtk_custom_sorter_set_sort_func (sorter, probe_compare, sorter, NULL);
      self->columns[i] = gtk_column_view_column_new (column_title (i), factory);
      gtk_column_view_column_set_sorter (self->columns[i], GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (self->columns[i], TRUE);
      gtk_column_view_column_set_fixed_width (self->columns[i], widths[i]);
      gtk_column_view_column_set_expand (self->columns[i], i == KS_OPPORTUNITY_COLUMN_TITLE ||
                                                           i == KS_OPPORTUNITY_COLUMN_ACCOUNT);
      gtk_column_view_append_column (self->view, self->columns[i]);
      g_object_unref (self->columns[i]);
      g_object_unref (sorter);
    }
  g_signal_connect_object (gtk_column_view_get_sorter (self->view), "changed",
                           G_CALLBACK (on_sort_changed), self, G_CONNECT_SWAPPED);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

GtkWidget *
ks_opportunity_list_new (void)
{
  return g_object_new (KS_TYPE_OPPORTUNITY_LIST, NULL);
}

/* Public API */

void
ks_opportunity_list_set_workspace (KsOpportunityList *self,
                                   KsWorkspace       *workspace)
{
  g_return_if_fail (KS_IS_OPPORTUNITY_LIST (self));

  if (self->workspace == workspace)
    return;
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace)
    {
      g_signal_connect_swapped (workspace, "changed::settings", G_CALLBACK (on_settings_changed), self);
      g_signal_connect_swapped (workspace, "changed::funnel_stages", G_CALLBACK (on_stages_changed), self);
    }
  reload_settings (self);
  reload_stages (self);
  ks_opportunity_model_set_workspace (self->model, workspace);
}

void
ks_opportunity_list_set_query (KsOpportunityList    *self,
                               const KsFunnelFilter *filter,
                               gint64                stage_id)
{
  g_return_if_fail (KS_IS_OPPORTUNITY_LIST (self));

  ks_opportunity_model_set_query (self->model, filter, stage_id);
}

KsOpportunityModel *
ks_opportunity_list_get_model (KsOpportunityList *self)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY_LIST (self), NULL);

  return self->model;
}

GtkColumnView *
ks_opportunity_list_get_view (KsOpportunityList *self)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY_LIST (self), NULL);

  return self->view;
}

void
ks_opportunity_list_sort_by (KsOpportunityList   *self,
                             KsOpportunityColumn  column,
                             gboolean             descending)
{
  g_return_if_fail (KS_IS_OPPORTUNITY_LIST (self));
  g_return_if_fail (column < KS_OPPORTUNITY_N_COLUMNS);

  gtk_column_view_sort_by_column (self->view, self->columns[column],
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

GtkWidget *
ks_opportunity_list_get_cell (KsOpportunityList   *self,
                              gint64               id,
                              KsOpportunityColumn  column)
{
  GtkWidget *found = NULL;

  g_return_val_if_fail (KS_IS_OPPORTUNITY_LIST (self), NULL);

  find_cells (GTK_WIDGET (self->view), id, column, &found);
  return found;
}

char *
ks_opportunity_list_get_cell_text (KsOpportunityList   *self,
                                   gint64               id,
                                   KsOpportunityColumn  column)
{
  GtkWidget *cell = ks_opportunity_list_get_cell (self, id, column);

  if (!cell)
    return NULL;
  if (column == KS_OPPORTUNITY_COLUMN_STAGE)
    {
      GtkWidget *label = gtk_widget_get_prev_sibling (cell);
      GObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (cell));

      if (gtk_widget_get_visible (label))
        return g_strdup (gtk_label_get_text (GTK_LABEL (label)));
      return g_strdup (item ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : "");
    }
  if (GTK_IS_DROP_DOWN (cell))
    {
      GObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (cell));
      return g_strdup (item ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : "");
    }
  if (GTK_IS_EDITABLE (cell))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell)));
  return g_strdup (gtk_label_get_text (GTK_LABEL (cell)));
}
