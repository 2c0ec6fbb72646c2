/* ks-plan-list-section.c — one list of the plan: objectives, products, meetings, …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A preferences group with an expander row per item: its title and
 * subtitle sum the item up, an alarm says when it is overdue, and its field
 * rows (ks-plan-field-editor.c) are built when it is first expanded. The
 * first ten items are shown, "Show More" adds ten, so a plan with hundreds
 * of meetings opens as fast as a small one. The "Add …", "Remove" and "Show
 * More" buttons activate the page's plan.add-item, plan.remove-item and
 * plan.show-more.
 */
#define G_LOG_DOMAIN "ks-plan-page"

#include "config.h"

#include "ks-plan-list-section.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ks-app-util.h"

/* Items shown at first per list, and added by each "Show More": a plan with
 * hundreds of meetings opens as fast as a small one. */
#define ITEMS_PAGE 10

typedef struct
{
  KsPlanListSection *section;
  KsPlanItemRef   ref;        /* the item, in the context's plan, renewed on every reload */
  AdwExpanderRow *expander;   /* owned */
  GtkWidget      *overdue;    /* the "Overdue since …" label box */
  GtkWidget      *overdue_label;
  GPtrArray      *editors;    /* of KsPlanFieldEditor, NULL until first expanded */
} ItemRec;

struct _KsPlanListSection
{
  AdwPreferencesGroup parent_instance;

  KsPlanContext     *ctx;
  KsPlanList         list;
  guint              limit;     /* items shown */
  guint              cap;       /* items built so far: less than limit until the pending work is done */
  GPtrArray         *items;     /* of ItemRec, in the shown order */
  GPtrArray         *graveyard; /* of ItemRec: the previous account's rows */

  GtkWidget         *add_button;
  AdwButtonContent  *add_content;
  GtkWidget         *empty_row;
  GtkWidget         *more_row;  /* "Show More": the items past `limit` */
};

G_DEFINE_FINAL_TYPE (KsPlanListSection, ks_plan_list_section, ADW_TYPE_PREFERENCES_GROUP)

static void item_build (KsPlanListSection *self, ItemRec *rec);

/* Helpers */


static const KsPlanValue *
item_value (const ItemRec *rec,
            const char    *key)
{
  return ks_plan_item_get (rec->ref.item, rec->ref.list, key);
}

static const char *
item_text (const ItemRec *rec,
           const char    *key)
{
  const KsPlanValue *value = item_value (rec, key);

  return value && value->text ? value->text : "";
}

/* The row of item @id; an item past the shown ones is shown first. */
static ItemRec *
find_item (KsPlanListSection *self,
           gint64             id)
{
  GPtrArray *items;

  if (self->ctx->plan)
    {
      GPtrArray *stored = self->ctx->plan->items[self->list];

      for (guint i = self->limit; i < stored->len; i++)
        if (((KsPlanItem *) g_ptr_array_index (stored, i))->id == id)
          {
            self->limit = i + 1;
            ks_plan_list_section_sync (self, FALSE);
            break;
          }
    }
  items = self->items;
  for (guint i = 0; i < items->len; i++)
    {
      ItemRec *rec = g_ptr_array_index (items, i);

      if (rec->ref.id == id)
        return rec;
    }
  return NULL;
}

/* Items */

static void
set_overdue (ItemRec    *rec,
             const char *due)
{
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  if (!due)
    {
      gtk_widget_set_visible (rec->overdue, FALSE);
      return;
    }
  date = ks_plan_format_date (due, TRUE);
  text = g_strdup_printf (_("Overdue since %s"), date);
  gtk_label_set_text (GTK_LABEL (rec->overdue_label), text);
  gtk_widget_set_visible (rec->overdue, TRUE);
}

/* The title and subtitle that sum up an item, and whether it is overdue. */
static void
item_update_summary (KsPlanListSection *self,
                     ItemRec           *rec)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;
  const char *overdue = NULL;

  switch (rec->ref.list)
    {
    case KS_PLAN_OBJECTIVES:
      {
        const char *due = item_text (rec, "due");

        title = g_strdup (*item_text (rec, "objective") ? item_text (rec, "objective") : _("New objective"));
        ks_string_append_part (subtitle, item_text (rec, "measure"));
        if (*due)
          {
            g_autofree char *date = ks_plan_format_date (due, FALSE);
            g_autofree char *part = g_strdup_printf (_("due %s"), date);

            ks_string_append_part (subtitle, part);
          }
        ks_string_append_part (subtitle, ks_plan_context_reference_name (self->ctx, KS_PLAN_KIND_PERSON, item_value (rec, "owner")->id));
      }
      break;

    case KS_PLAN_PRODUCTS:
      {
        const char *name = ks_plan_context_reference_name (self->ctx, KS_PLAN_KIND_PRODUCT, item_value (rec, "product")->id);
        double volume = item_value (rec, "volume")->number;

        title = g_strdup (name ? name : _("No product picked"));
        if (!isnan (volume))
          {
            g_autofree char *number = ks_format_number (volume, 0);
            g_autofree char *part = g_strdup_printf (_("%s a year"), number);

            ks_string_append_part (subtitle, part);
          }
        ks_string_append_part (subtitle, item_text (rec, "price_notes"));
      }
      break;

    case KS_PLAN_MEETINGS:
      {
        const char *date = item_text (rec, "date");
        const char *ours = item_text (rec, "ours");
        const char *theirs = item_text (rec, "theirs");
        const char *next_due = item_text (rec, "next_due");
        const KsPlanValue *done = item_value (rec, "next_done");

        title = *date ? ks_plan_format_date (date, FALSE) : g_strdup (_("Undated meeting"));
        if (*ours || *theirs)
          {
            g_autofree char *who = g_strdup_printf (_("%s with %s"),
                                                    *ours ? ours : _("us"),
                                                    *theirs ? theirs : _("them"));
            ks_string_append_part (subtitle, who);
          }
        ks_string_append_part (subtitle, item_text (rec, "next_steps"));
        if (*next_due && strcmp (next_due, self->ctx->today) < 0 &&
            !(done->number != 0 && !isnan (done->number)))
          overdue = next_due;
      }
      break;

    case KS_PLAN_PROJECTS:
      {
        double probability = item_value (rec, "probability")->number;

        title = g_strdup (*item_text (rec, "name") ? item_text (rec, "name") : _("New project"));
        if (!isnan (probability))
          {
            g_autofree char *part = g_strdup_printf (_("%.0f %% likely"), probability);

            ks_string_append_part (subtitle, part);
          }
        ks_string_append_part (subtitle, ks_plan_context_reference_name (self->ctx, KS_PLAN_KIND_CONTACT, item_value (rec, "contact")->id));
        ks_string_append_part (subtitle, ks_plan_context_reference_name (self->ctx, KS_PLAN_KIND_PERSON, item_value (rec, "owner")->id));
      }
      break;

    case KS_PLAN_ACTIONS:
      {
        const KsPlanListInfo *info = ks_plan_list_info (KS_PLAN_ACTIONS);
        const char *due = item_text (rec, "due");
        const char *status = item_text (rec, "status");
        int status_index = ks_plan_list_field_index (KS_PLAN_ACTIONS, "status");

        title = g_strdup (*item_text (rec, "action") ? item_text (rec, "action") : _("New action"));
        ks_string_append_part (subtitle, ks_plan_context_reference_name (self->ctx, KS_PLAN_KIND_PERSON, item_value (rec, "owner")->id));
        if (*due)
          {
            g_autofree char *date = ks_plan_format_date (due, FALSE);
            g_autofree char *part = g_strdup_printf (_("due %s"), date);

            ks_string_append_part (subtitle, part);
          }
        if (*status && status_index >= 0)
          ks_string_append_part (subtitle, ks_plan_choice_label (&info->fields[status_index], status));
        if (*due && strcmp (due, self->ctx->today) < 0 &&
            g_strcmp0 (status, "done") != 0 && g_strcmp0 (status, "dropped") != 0)
          overdue = due;
      }
      break;

    case KS_PLAN_NOTES:
      {
        const KsPlanListInfo *info = ks_plan_list_info (KS_PLAN_NOTES);
        const char *date = item_text (rec, "date");
        const char *author = item_text (rec, "author");
        const char *text = item_text (rec, "text");
        int author_index = ks_plan_list_field_index (KS_PLAN_NOTES, "author");
        const char *who = *author && author_index >= 0 ? ks_plan_choice_label (&info->fields[author_index], author) : NULL;
        g_autofree char *when = *date ? ks_plan_format_date (date, FALSE) : g_strdup (_("Undated note"));
        const char *eol = strchr (text, '\n');

        title = who ? g_strdup_printf ("%s · %s", when, who) : g_steal_pointer (&when);
        if (eol)
          {
            g_autofree char *line = g_strndup (text, eol - text);

            ks_string_append_part (subtitle, line);
          }
        else
          ks_string_append_part (subtitle, text);
      }
      break;

    case KS_PLAN_N_LISTS:
    case KS_PLAN_NO_LIST:
    default:
      g_assert_not_reached ();
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rec->expander), title);
  adw_expander_row_set_subtitle (rec->expander, subtitle->str);
  set_overdue (rec, overdue);
}

static void
on_item_expanded (AdwExpanderRow *expander,
                  GParamSpec     *pspec,
                  ItemRec        *rec)
{
  if (adw_expander_row_get_expanded (expander) && !rec->editors)
    item_build (rec->section, rec);
}

static void
item_build (KsPlanListSection *self,
            ItemRec           *rec)
{
  const KsPlanListInfo *info = ks_plan_list_info (rec->ref.list);

  if (rec->editors)
    return;
  rec->editors = g_ptr_array_new_with_free_func (ks_plan_field_editor_free);
  for (guint i = 0; i < info->n_fields; i++)
    {
      KsPlanFieldEditor *ed = ks_plan_field_editor_new (self->ctx, &info->fields[i], i, &rec->ref);

      g_ptr_array_add (rec->editors, ed);
      adw_expander_row_add_row (rec->expander, ed->row);
      ks_plan_field_editor_show (ed, TRUE);
    }
}

static void
item_rec_free (gpointer data)
{
  ItemRec *rec = data;

  g_clear_pointer (&rec->editors, g_ptr_array_unref);
  g_signal_handlers_disconnect_by_data (rec->expander, rec);
  g_clear_object (&rec->expander);
  g_free (rec);
}

static ItemRec *
item_rec_new (KsPlanListSection *self,
              gint64             id)
{
  KsPlanList list = self->list;
  const KsPlanListInfo *info = ks_plan_list_info (list);
  ItemRec *rec = g_new0 (ItemRec, 1);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), _(info->item_label));
  GtkWidget *button;
  GtkWidget *icon;

  rec->section = self;
  rec->ref.list = list;
  rec->ref.id = id;
  rec->expander = ADW_EXPANDER_ROW (g_object_ref_sink (adw_expander_row_new ()));
  g_object_set (rec->expander, "use-markup", FALSE, NULL);

  rec->overdue = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_valign (rec->overdue, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (rec->overdue, "plan-overdue");
  icon = gtk_image_new_from_icon_name ("alarm-symbolic");
  gtk_box_append (GTK_BOX (rec->overdue), icon);
  rec->overdue_label = gtk_label_new (NULL);
  gtk_box_append (GTK_BOX (rec->overdue), rec->overdue_label);
  gtk_widget_set_visible (rec->overdue, FALSE);
  adw_expander_row_add_action (rec->expander, rec->overdue);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "plan.remove-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ix)", (gint32) list, id);
  adw_expander_row_add_action (rec->expander, button);

  g_signal_connect (rec->expander, "notify::expanded", G_CALLBACK (on_item_expanded), rec);
  return rec;
}

static void
item_update (KsPlanListSection *self,
             ItemRec           *rec,
             gboolean           replace)
{
  item_update_summary (self, rec);
  if (rec->editors)
    for (guint i = 0; i < rec->editors->len; i++)
      ks_plan_field_editor_show (g_ptr_array_index (rec->editors, i), replace);
}

/* Brings the list's expander rows in step with the plan: same order, same
 * items; rows of items that stay keep their widgets (and the focus). */
void
ks_plan_list_section_sync (KsPlanListSection *self,
                           gboolean           replace)
{
  const KsPlanListInfo *info = ks_plan_list_info (self->list);
  GPtrArray *items = self->ctx->plan->items[self->list];
  guint n_limit = MIN (items->len, self->limit);
  guint n_shown = MIN (n_limit, self->cap);
  guint n_prefix = 0;
  gboolean same;
  gboolean editable = !ks_workspace_is_read_only (self->ctx->workspace);

  while (n_prefix < MIN (self->items->len, n_shown) &&
         ((ItemRec *) g_ptr_array_index (self->items, n_prefix))->ref.id ==
         ((KsPlanItem *) g_ptr_array_index (items, n_prefix))->id)
    n_prefix++;
  same = n_prefix == self->items->len && n_prefix == n_shown;

  if (!same && n_prefix == self->items->len)
    {
      /* rows added after the ones shown (Show More, the pending rows): the
       * rows there stay where they are */
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->more_row);
      for (guint i = n_prefix; i < n_shown; i++)
        {
          ItemRec *rec = item_rec_new (self, ((KsPlanItem *) g_ptr_array_index (items, i))->id);

          g_ptr_array_add (self->items, rec);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (rec->expander));
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->more_row);
    }
  else if (!same)
    {
      g_autoptr(GHashTable) old = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, item_rec_free);
      g_autoptr(GPtrArray) fresh = g_ptr_array_new_full (items->len, item_rec_free);

      for (guint i = 0; i < self->items->len; i++)
        {
          ItemRec *rec = g_ptr_array_index (self->items, i);

          adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (rec->expander));
          g_hash_table_insert (old, &rec->ref.id, rec);
        }
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->more_row);
      g_ptr_array_set_free_func (self->items, NULL);
      g_ptr_array_set_size (self->items, 0);
      g_ptr_array_set_free_func (self->items, item_rec_free);

      for (guint i = 0; i < n_shown; i++)
        {
          KsPlanItem *item = g_ptr_array_index (items, i);
          ItemRec *rec = NULL;
          gpointer key;

          if (g_hash_table_steal_extended (old, &item->id, &key, (gpointer *) &rec))
            ;
          else
            rec = item_rec_new (self, item->id);
          g_ptr_array_add (self->items, rec);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (rec->expander));
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->more_row);
    }

  for (guint i = 0; i < n_shown; i++)
    {
      ItemRec *rec = g_ptr_array_index (self->items, i);

      rec->ref.item = g_ptr_array_index (items, i);
      item_update (self, rec, replace);
    }
  gtk_widget_set_visible (self->empty_row, items->len == 0);
  /* not while the rest of the page is still being built after the first frame */
  gtk_widget_set_visible (self->more_row, items->len > n_limit && n_shown == n_limit);
  if (items->len > n_limit)
    {
      g_autofree char *title = g_strdup_printf (_("Show %u More of %u"),
                                                MIN (ITEMS_PAGE, items->len - n_limit), items->len);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->more_row), title);
    }
  gtk_widget_set_sensitive (self->add_button,
                            editable && (info->max_items == 0 || items->len < info->max_items));
}

static const char *
list_empty_text (KsPlanList list)
{
  switch (list)
    {
    case KS_PLAN_OBJECTIVES:
      return _("No objectives yet");
    case KS_PLAN_PRODUCTS:
      return _("No products yet");
    case KS_PLAN_MEETINGS:
      return _("No meetings yet");
    case KS_PLAN_PROJECTS:
      return _("No key projects yet");
    case KS_PLAN_ACTIONS:
      return _("No actions yet");
    case KS_PLAN_NOTES:
      return _("No handover notes yet");
    case KS_PLAN_N_LISTS:
    case KS_PLAN_NO_LIST:
    default:
      g_assert_not_reached ();
    }
}

/* GObject */

static void
ks_plan_list_section_dispose (GObject *object)
{
  KsPlanListSection *self = KS_PLAN_LIST_SECTION (object);

  g_clear_pointer (&self->graveyard, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), KS_TYPE_PLAN_LIST_SECTION);
  g_clear_object (&self->more_row);

  G_OBJECT_CLASS (ks_plan_list_section_parent_class)->dispose (object);
}

static void
ks_plan_list_section_class_init (KsPlanListSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_plan_list_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ks-plan-list-section.ui");
  gtk_widget_class_bind_template_child (widget_class, KsPlanListSection, add_button);
  gtk_widget_class_bind_template_child (widget_class, KsPlanListSection, add_content);
  gtk_widget_class_bind_template_child (widget_class, KsPlanListSection, empty_row);
  gtk_widget_class_bind_template_child (widget_class, KsPlanListSection, more_row);
}

static void
ks_plan_list_section_init (KsPlanListSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_ref (self->more_row);   /* moved to the end by ks_plan_list_section_sync() */
  self->items = g_ptr_array_new_with_free_func (item_rec_free);
  self->graveyard = g_ptr_array_new_with_free_func (item_rec_free);
  self->limit = ITEMS_PAGE;
  self->cap = G_MAXUINT;
}

GtkWidget *
ks_plan_list_section_new (KsPlanContext *ctx,
                          KsPlanList     list,
                          const char    *title,
                          const char    *description)
{
  const KsPlanListInfo *info = ks_plan_list_info (list);
  KsPlanListSection *self = g_object_new (KS_TYPE_PLAN_LIST_SECTION, NULL);

  self->ctx = ctx;
  self->list = list;
  if (title)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
  adw_button_content_set_label (self->add_content, _(info->add_label));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->add_button), "i", (gint32) list);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->more_row), "i", (gint32) list);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), list_empty_text (list));
  return GTK_WIDGET (self);
}

void
ks_plan_list_section_clear (KsPlanListSection *self)
{
  g_return_if_fail (KS_IS_PLAN_LIST_SECTION (self));

  for (guint i = 0; i < self->items->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  GTK_WIDGET (((ItemRec *) g_ptr_array_index (self->items, i))->expander));
  g_ptr_array_set_size (self->items, 0);
}

void
ks_plan_list_section_restart (KsPlanListSection *self)
{
  g_return_if_fail (KS_IS_PLAN_LIST_SECTION (self));

  for (guint i = 0; i < self->items->len; i++)
    {
      ItemRec *rec = g_ptr_array_index (self->items, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (rec->expander));
      rec->ref.item = NULL;
      g_ptr_array_add (self->graveyard, rec);
    }
  g_ptr_array_set_free_func (self->items, NULL);
  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_free_func (self->items, item_rec_free);
  self->limit = ITEMS_PAGE;
  self->cap = KS_PLAN_FIRST_ROWS;
}

gboolean
ks_plan_list_section_has_pending (KsPlanListSection *self)
{
  g_return_val_if_fail (KS_IS_PLAN_LIST_SECTION (self), FALSE);

  return self->cap != G_MAXUINT || self->graveyard->len > 0;
}

gboolean
ks_plan_list_section_build_step (KsPlanListSection *self)
{
  KsPlanContext *ctx;
  gboolean was;

  g_return_val_if_fail (KS_IS_PLAN_LIST_SECTION (self), FALSE);

  ctx = self->ctx;
  was = ctx->updating;
  if (self->cap == G_MAXUINT)
    return FALSE;
  if (!ctx->plan || self->cap + KS_PLAN_FIRST_ROWS >= MIN (self->limit, ctx->plan->items[self->list]->len))
    self->cap = G_MAXUINT;
  else
    self->cap += KS_PLAN_FIRST_ROWS;
  if (ctx->plan)
    {
      ctx->updating = TRUE;
      ks_plan_list_section_sync (self, FALSE);
      ctx->updating = was;
    }
  return TRUE;
}

gboolean
ks_plan_list_section_free_step (KsPlanListSection *self)
{
  g_return_val_if_fail (KS_IS_PLAN_LIST_SECTION (self), FALSE);

  return ks_plan_free_last (self->graveyard);
}

void
ks_plan_list_section_show_more (KsPlanListSection *self)
{
  g_return_if_fail (KS_IS_PLAN_LIST_SECTION (self));

  self->limit += ITEMS_PAGE;
  ks_plan_list_section_sync (self, FALSE);
}

void
ks_plan_list_section_refill_references (KsPlanListSection *self,
                                        KsPlanKind         kind)
{
  g_return_if_fail (KS_IS_PLAN_LIST_SECTION (self));

  for (guint i = 0; i < self->items->len; i++)
    {
      ItemRec *rec = g_ptr_array_index (self->items, i);

      item_update_summary (self, rec);
      for (guint e = 0; rec->editors && e < rec->editors->len; e++)
        {
          KsPlanFieldEditor *ed = g_ptr_array_index (rec->editors, e);

          if (ed->field->kind == kind)
            ks_plan_field_editor_fill_references (ed);
        }
    }
}

void
ks_plan_list_section_flush (KsPlanListSection *self)
{
  g_return_if_fail (KS_IS_PLAN_LIST_SECTION (self));

  for (guint i = 0; i < self->items->len; i++)
    {
      ItemRec *rec = g_ptr_array_index (self->items, i);

      for (guint e = 0; rec->editors && e < rec->editors->len; e++)
        {
          KsPlanFieldEditor *ed = g_ptr_array_index (rec->editors, e);

          if (ed->dirty)
            ks_plan_field_editor_save_text (ed);
          /* saving may reload and drop this item */
          if (!rec->editors)
            break;
        }
    }
}

guint
ks_plan_list_section_get_n_items (KsPlanListSection *self)
{
  g_return_val_if_fail (KS_IS_PLAN_LIST_SECTION (self), 0);

  return self->items->len;
}

gboolean
ks_plan_list_section_has_item (KsPlanListSection *self,
                               gint64             id)
{
  g_return_val_if_fail (KS_IS_PLAN_LIST_SECTION (self), FALSE);

  return find_item (self, id) != NULL;
}

gboolean
ks_plan_list_section_item_is_built (KsPlanListSection *self,
                                    gint64             id)
{
  ItemRec *rec;

  g_return_val_if_fail (KS_IS_PLAN_LIST_SECTION (self), FALSE);

  rec = find_item (self, id);
  return rec && rec->editors != NULL;
}

KsPlanFieldEditor *
ks_plan_list_section_open_item (KsPlanListSection  *self,
                                gint64              id,
                                guint               field,
                                GtkWidget         **expander)
{
  ItemRec *rec;

  g_return_val_if_fail (KS_IS_PLAN_LIST_SECTION (self), NULL);

  if (!(rec = find_item (self, id)))
    return NULL;
  adw_expander_row_set_expanded (rec->expander, TRUE);
  item_build (self, rec);
  if (expander)
    *expander = GTK_WIDGET (rec->expander);
  return field < rec->editors->len ? g_ptr_array_index (rec->editors, field) : NULL;
}

GtkWidget *
ks_plan_list_section_get_add_button (KsPlanListSection *self)
{
  g_return_val_if_fail (KS_IS_PLAN_LIST_SECTION (self), NULL);

  return self->add_button;
}
