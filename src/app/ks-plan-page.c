/* ks-plan-page.c — an account's mini account plan, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is built by walking the plan's template (ks-plan-template.c): a
 * preferences group per section, a row per scalar field, an expander row per
 * list item. Item rows are built when the item is first expanded, so a plan
 * with hundreds of meetings opens as fast as an empty one. Every edit is saved
 * at once through ks_plan_set_field() / ks_plan_set_item_field(), one undo
 * step each; "changed::TABLE" signals bring the rows back in step without
 * touching text the user is still typing.
 *
 * Beside the plan, a panel lists what ks_plan_check_account() finds missing;
 * activating a finding opens and focuses the row that fills it. The plan is
 * exported as PDF and printed with ks-plan-print, the same pages either way.
 */
#define G_LOG_DOMAIN "ks-plan-page"

#include "config.h"

#include "ks-plan-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ks-account.h"
#include "ks-app-util.h"
#include "ks-contact.h"
#include "ks-field-rows.h"
#include "ks-person.h"
#include "ks-plan-check.h"
#include "ks-plan-print.h"
#include "ks-product.h"
#include "ks-window.h"

#define LONG_TEXT_SAVE_DELAY_MS 1000
/* Items shown at first per list, and added by each "Show More": a plan with
 * hundreds of meetings opens as fast as a small one. */
#define ITEMS_PAGE 10
/* How long a jump to a row keeps it in view while rows open around it. */
#define SCROLL_SETTLE_US (400 * 1000)
/* Item rows built at once per list when an account is opened; the rest of
 * the first page of each list, the finding rows and the freeing of the
 * previous account's rows follow after the first frame (see pending_*). */
#define FIRST_ROWS 3
/* How long one idle step of that work may take. */
#define PENDING_SLICE_US (8 * 1000)
/* Finding rows shown at first, and added by their "Show More" row: a plan
 * with hundreds of open actions lists them without building hundreds of rows. */
#define FINDINGS_PAGE 10
/* Row data "finding-index": the finding's index + 1; this for "Show More". */
#define SHOW_MORE_INDEX G_MAXUINT

typedef struct _ItemRec ItemRec;

/* One row that edits one value: a scalar field or a field of an item. */
typedef struct
{
  KsPlanPage        *page;
  const KsPlanField *field;
  guint              index;     /* in ks_plan_fields () or the list's fields */
  ItemRec           *rec;       /* NULL for a scalar field */
  GtkWidget         *row;       /* the AdwPreferencesRow */
  GtkWidget         *widget;    /* GtkTextView, GtkSwitch or NULL */
  GtkWidget         *calendar;  /* DATE */
  GtkWidget         *popover;   /* DATE */
  GtkEventController *focus;    /* "leave" saves */
  char              *loaded;    /* text shown last (entry rows, text views) */
  GArray            *ids;       /* references: gint64 per combo position */
  guint              save_id;   /* LONG_TEXT: pending save */
  gboolean           dirty;     /* LONG_TEXT: typed since the last save */
} Editor;

struct _ItemRec
{
  KsPlanPage     *page;
  KsPlanList      list;
  gint64          id;
  KsPlanItem     *item;       /* in page->plan, renewed on every reload */
  AdwExpanderRow *expander;   /* owned */
  GtkWidget      *overdue;    /* the "Overdue since …" label box */
  GtkWidget      *overdue_label;
  GPtrArray      *editors;    /* of Editor, NULL until first expanded */
};

/* The contact fields the plan edits, in the order of their rows. */
typedef struct
{
  const char  *key;
  const char  *label;
  const char *(*get) (KsContact *contact);
  void        (*set) (KsContact *contact, const char *value);
} ContactField;

static const ContactField contact_fields[] = {
  { "name",       N_("Name"),              ks_contact_get_name,       ks_contact_set_name },
  { "title",      N_("Job Title"),         ks_contact_get_title,      ks_contact_set_title },
  { "department", N_("Department"),        ks_contact_get_department, ks_contact_set_department },
  { "phone",      N_("Phone"),             ks_contact_get_phone,      ks_contact_set_phone },
  { "email",      N_("E-mail"),            ks_contact_get_email,      ks_contact_set_email },
  { "channel",    N_("Preferred Channel"), ks_contact_get_channel,    ks_contact_set_channel },
  { "time_zone",  N_("Time Zone"),         ks_contact_get_time_zone,  ks_contact_set_time_zone },
};
#define N_CONTACT_FIELDS G_N_ELEMENTS (contact_fields)

/* One contact of the account: an expander row whose entry rows are built
 * when it is first opened. */
typedef struct
{
  KsPlanPage     *page;
  gint64          id;
  AdwExpanderRow *expander;                   /* owned */
  GtkWidget      *rows[N_CONTACT_FIELDS];     /* NULL until first expanded */
  GtkEventController *focus[N_CONTACT_FIELDS];   /* "leave" saves */
  char           *loaded[N_CONTACT_FIELDS];   /* the stored text each row shows */
  gboolean        built;
} ContactRec;

typedef struct
{
  AdwPreferencesGroup *group;
  GtkWidget           *add_button;
  GtkWidget           *empty_row;
  GtkWidget           *more_row;  /* "Show More": the items past `limit` */
  guint                limit;     /* items shown */
  guint                cap;       /* items built so far: less than limit until the pending work is done */
  GPtrArray           *items;     /* of ItemRec, in the shown order */
} ListState;

struct _KsPlanPage
{
  GtkWidget          parent_instance;

  KsWorkspace       *workspace;
  gint64             account_id;
  KsPlan            *plan;
  gboolean           updating;
  char              *today;      /* YYYY-MM-DD */

  GListModel        *people;
  GListModel        *products;
  GListModel        *contacts;

  GPtrArray         *editors;    /* of Editor, one per ks_plan_fields () */
  ListState          lists[KS_PLAN_N_LISTS];
  AdwPreferencesGroup *contacts_group;
  GPtrArray         *contact_recs;   /* of ContactRec, in the shown order */
  guint              contacts_cap;   /* contacts built so far (pending work) */
  GtkWidget         *contacts_empty;
  GtkWidget         *map_button;
  GtkWidget         *add_contact_button;
  char              *account_name;

  GPtrArray         *findings;   /* of KsPlanFinding, as shown */
  guint              findings_limit;
  GtkWidget         *findings_placeholder;

  /* Work left after the first frame of a newly opened account */
  gboolean           defer;          /* set_account_id() is opening an account */
  gboolean           findings_pending;
  GPtrArray         *graveyard;      /* of ItemRec: the previous account's rows */
  GPtrArray         *dead_widgets;   /* of GtkWidget: the previous finding rows */
  GPtrArray         *dead_contacts;  /* of ContactRec: the previous account's */
  guint              pending_tick;   /* waits for the next frame */
  guint              pending_source; /* then does the work, a slice at a time */
  GtkWidget         *scroll_target;   /* weak */
  GtkWidget         *scroll_anchor;   /* weak: shown from its top when the target fits */
  gint64             scroll_until;
  guint              scroll_tick;
  guint              scroll_placed;   /* ticks that found the target laid out */
  guint              scroll_frames;

  GtkStack          *stack;
  GtkScrolledWindow *scrolled_window;
  GtkBox            *sections_box;
  GtkLabel          *title_label;
  GtkToggleButton   *findings_button;
  AdwButtonContent  *findings_content;
  AdwPreferencesGroup *findings_group;
  GtkListBox        *findings_list;
};

G_DEFINE_FINAL_TYPE (KsPlanPage, ks_plan_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACCOUNT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (KsPlanPage *self, gboolean replace);
static void item_build (KsPlanPage *self, ItemRec *rec);
static void refresh_findings (KsPlanPage *self);
static void show_findings (KsPlanPage *self);

/* Helpers */

static const char *
nonnull (const char *s)
{
  return s ? s : "";
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static GDateTime *
parse_iso_date (const char *iso)
{
  int y, m, d;

  if (!iso || strlen (iso) != 10 || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  if (!g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_time_new_local (y, m, d, 0, 0, 0);
}

/* "12 Nov 2024"; "12 Nov" when @short_form and it is this year. */
static char *
format_date (const char *iso,
             gboolean    short_form)
{
  g_autoptr(GDateTime) date = parse_iso_date (iso);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (!date)
    return g_strdup (nonnull (iso));
  if (short_form && g_date_time_get_year (date) == g_date_time_get_year (now))
    return g_date_time_format (date, "%-d %b");
  return g_date_time_format (date, "%-d %b %Y");
}

static char *
value_to_text (const KsPlanField *field,
               const KsPlanValue *value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  switch (field->kind)
    {
    case KS_PLAN_KIND_NUMBER:
    case KS_PLAN_KIND_PERCENT:
      if (isnan (value->number))
        return g_strdup ("");
      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", value->number));
    case KS_PLAN_KIND_TEXT:
    case KS_PLAN_KIND_LONG_TEXT:
    case KS_PLAN_KIND_DATE:
    case KS_PLAN_KIND_CHOICE:
    case KS_PLAN_KIND_BOOL:
    case KS_PLAN_KIND_PERSON:
    case KS_PLAN_KIND_CONTACT:
    case KS_PLAN_KIND_PRODUCT:
    default:
      return g_strdup (nonnull (value->text));
    }
}

static gint64
person_id (gpointer item)
{
  return ks_person_get_id (KS_PERSON (item));
}

static const char *
person_name (gpointer item)
{
  return ks_person_get_name (KS_PERSON (item));
}

static gint64
product_id (gpointer item)
{
  return ks_product_get_id (KS_PRODUCT (item));
}

static const char *
product_name (gpointer item)
{
  return ks_product_get_name (KS_PRODUCT (item));
}

static gint64
contact_id (gpointer item)
{
  return ks_contact_get_id (KS_CONTACT (item));
}

static const char *
contact_name (gpointer item)
{
  return ks_contact_get_name (KS_CONTACT (item));
}

static GListModel *
reference_model (KsPlanPage *self,
                 KsPlanKind  kind,
                 KsItemIdFunc   *get_id,
                 KsItemNameFunc *get_name)
{
  switch (kind)
    {
    case KS_PLAN_KIND_PERSON:
      *get_id = person_id;
      *get_name = person_name;
      return self->people;
    case KS_PLAN_KIND_PRODUCT:
      *get_id = product_id;
      *get_name = product_name;
      return self->products;
    case KS_PLAN_KIND_CONTACT:
      *get_id = contact_id;
      *get_name = contact_name;
      return self->contacts;
    case KS_PLAN_KIND_TEXT:
    case KS_PLAN_KIND_LONG_TEXT:
    case KS_PLAN_KIND_NUMBER:
    case KS_PLAN_KIND_PERCENT:
    case KS_PLAN_KIND_DATE:
    case KS_PLAN_KIND_BOOL:
    case KS_PLAN_KIND_CHOICE:
    default:
      g_assert_not_reached ();
    }
}

static const char *
reference_name (KsPlanPage *self,
                KsPlanKind  kind,
                gint64      id)
{
  KsItemIdFunc get_id;
  KsItemNameFunc get_name;
  GListModel *model;
  guint n;

  if (id <= 0)
    return NULL;
  model = reference_model (self, kind, &get_id, &get_name);
  n = model ? g_list_model_get_n_items (model) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (get_id (item) == id)
        return get_name (item);
    }
  return NULL;
}

static const KsPlanValue *
item_value (const ItemRec *rec,
            const char    *key)
{
  return ks_plan_item_get (rec->item, rec->list, key);
}

static const char *
item_text (const ItemRec *rec,
           const char    *key)
{
  const KsPlanValue *value = item_value (rec, key);

  return value && value->text ? value->text : "";
}

static void sync_list (KsPlanPage *self, KsPlanList list, gboolean replace);
static void pending_finish (KsPlanPage *self);

/* The row of item @id; an item past the shown ones is shown first. */
static ItemRec *
find_item (KsPlanPage *self,
           KsPlanList  list,
           gint64      id)
{
  GPtrArray *items;

  if (list < 0 || list >= KS_PLAN_N_LISTS)
    return NULL;
  pending_finish (self);
  if (self->plan)
    {
      GPtrArray *stored = self->plan->items[list];

      for (guint i = self->lists[list].limit; i < stored->len; i++)
        if (((KsPlanItem *) g_ptr_array_index (stored, i))->id == id)
          {
            self->lists[list].limit = i + 1;
            sync_list (self, list, FALSE);
            break;
          }
    }
  items = self->lists[list].items;
  for (guint i = 0; i < items->len; i++)
    {
      ItemRec *rec = g_ptr_array_index (items, i);

      if (rec->id == id)
        return rec;
    }
  return NULL;
}

static void
show_error (KsPlanPage *self,
            const char *heading,
            GError     *error)
{
  ks_message_dialog_show (GTK_WIDGET (self), heading, error->message);
}

/* Editors */

static const KsPlanValue *
editor_stored (Editor *ed)
{
  KsPlanPage *self = ed->page;

  if (!self->plan)
    return NULL;
  if (!ed->rec)
    return &self->plan->values[ed->index];
  return ed->rec->item ? &ed->rec->item->values[ed->index] : NULL;
}

static gboolean
editor_save (Editor            *ed,
             const KsPlanValue *value)
{
  KsPlanPage *self = ed->page;
  const KsPlanValue *stored = editor_stored (ed);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!self->workspace || self->account_id <= 0 || !stored)
    return FALSE;
  if (ks_plan_value_equal (ed->field, stored, value))
    return TRUE;
  if (ed->rec)
    ok = ks_plan_set_item_field (self->workspace, ed->rec->list, ed->rec->id,
                                 ed->field->key, value, &error);
  else
    ok = ks_plan_set_field (self->workspace, self->account_id, ed->field->key, value, &error);
  if (!ok)
    {
      if (ADW_IS_ENTRY_ROW (ed->row))
        ks_row_set_error (ADW_PREFERENCES_ROW (ed->row), error->message);
      else
        show_error (self, _("Could Not Save the Plan"), error);
    }
  return ok;
}

/* Entry rows: TEXT, NUMBER, PERCENT, DATE */

static gboolean
entry_parse (Editor       *ed,
             KsPlanValue  *value)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (ed->row));

  /* ks_plan_value_parse() fills @value on success, overwriting it: no text to leak */
  value->text = NULL;
  value->number = NAN;
  value->id = 0;
  if (!ks_plan_value_parse (ed->field, text, value, &error) ||
      !ks_plan_value_validate (ed->field, value, &error))
    {
      ks_plan_value_clear (value);
      ks_row_set_error (ADW_PREFERENCES_ROW (ed->row), error->message);
      return FALSE;
    }
  ks_row_set_error (ADW_PREFERENCES_ROW (ed->row), NULL);
  return TRUE;
}

static void
entry_apply (Editor *ed)
{
  KsPlanValue value;

  if (ed->page->updating)
    return;
  if (!entry_parse (ed, &value))
    return;   /* QUALITY.md §1: say why at the field, store nothing, keep the text */
  editor_save (ed, &value);
  ks_plan_value_clear (&value);
}

static void
on_entry_apply (AdwEntryRow *row,
                Editor      *ed)
{
  entry_apply (ed);
}

static void
on_entry_changed (AdwEntryRow *row,
                  Editor      *ed)
{
  KsPlanValue value;

  if (ed->page->updating)
    return;
  /* numbers and dates are checked as they are typed */
  if (ed->field->kind == KS_PLAN_KIND_TEXT && !ks_row_has_error (ADW_PREFERENCES_ROW (row)))
    return;
  if (entry_parse (ed, &value))
    ks_plan_value_clear (&value);
}

static void
on_entry_focus_leave (GtkEventControllerFocus *focus,
                      Editor                  *ed)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (ed->row)), nonnull (ed->loaded)) != 0)
    entry_apply (ed);
}

static void
on_day_selected (GtkCalendar *calendar,
                 Editor      *ed)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  if (ed->page->updating)
    return;
  gtk_editable_set_text (GTK_EDITABLE (ed->row), iso);
  gtk_popover_popdown (GTK_POPOVER (ed->popover));
  entry_apply (ed);
}

static void
on_calendar_show (GtkPopover *popover,
                  Editor     *ed)
{
  g_autoptr(GDateTime) date = parse_iso_date (gtk_editable_get_text (GTK_EDITABLE (ed->row)));
  gboolean was = ed->page->updating;

  ed->page->updating = TRUE;
  if (!date)
    date = g_date_time_new_now_local ();
  gtk_calendar_select_day (GTK_CALENDAR (ed->calendar), date);
  ed->page->updating = was;
}

/* Text views: LONG_TEXT */

static char *
text_view_get_text (Editor *ed)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ed->widget));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
text_save (Editor *ed)
{
  KsPlanValue value;

  g_clear_handle_id (&ed->save_id, g_source_remove);
  if (!ed->dirty)
    return;
  ed->dirty = FALSE;
  ks_plan_value_init (&value);
  g_free (value.text);
  value.text = text_view_get_text (ed);
  editor_save (ed, &value);
  ks_plan_value_clear (&value);
}

static gboolean
text_save_cb (gpointer data)
{
  Editor *ed = data;

  ed->save_id = 0;
  text_save (ed);
  return G_SOURCE_REMOVE;
}

static void
on_text_changed (GtkTextBuffer *buffer,
                 Editor        *ed)
{
  if (ed->page->updating)
    return;
  ed->dirty = TRUE;
  g_clear_handle_id (&ed->save_id, g_source_remove);
  ed->save_id = g_timeout_add (LONG_TEXT_SAVE_DELAY_MS, text_save_cb, ed);
}

static void
on_text_focus_leave (GtkEventControllerFocus *focus,
                     Editor                  *ed)
{
  text_save (ed);
}

/* Switches, combo rows */

static void
on_switch_active (GtkSwitch  *sw,
                  GParamSpec *pspec,
                  Editor     *ed)
{
  KsPlanValue value;

  if (ed->page->updating)
    return;
  ks_plan_value_init (&value);
  value.number = gtk_switch_get_active (sw) ? 1 : 0;
  editor_save (ed, &value);
  ks_plan_value_clear (&value);
}

static void
on_combo_selected (AdwComboRow *row,
                   GParamSpec  *pspec,
                   Editor      *ed)
{
  const KsPlanValue *stored = editor_stored (ed);
  guint pos = adw_combo_row_get_selected (row);
  KsPlanValue value;

  if (ed->page->updating || !stored)
    return;
  ks_plan_value_init (&value);
  if (ed->field->kind == KS_PLAN_KIND_CHOICE)
    {
      if (pos == GTK_INVALID_LIST_POSITION || pos > g_strv_length ((char **) ed->field->choices))
        return;
      g_free (value.text);
      value.text = g_strdup (pos == 0 ? "" : ed->field->choices[pos - 1]);
    }
  else if (!ks_id_combo_row_get_change (row, ed->ids, stored->id, &value.id))
    {
      ks_plan_value_clear (&value);
      return;
    }
  editor_save (ed, &value);
  ks_plan_value_clear (&value);
}

static void
editor_fill_references (Editor *ed)
{
  KsItemIdFunc get_id;
  KsItemNameFunc get_name;
  const KsPlanValue *stored = editor_stored (ed);
  GListModel *model = reference_model (ed->page, ed->field->kind, &get_id, &get_name);
  gboolean was = ed->page->updating;

  ed->page->updating = TRUE;
  ks_id_combo_row_fill (ADW_COMBO_ROW (ed->row), ed->ids, model, get_id, get_name,
                        NULL, NULL, stored ? stored->id : 0);
  ed->page->updating = was;
}

/* Selects the stored reference in the combo row as it is; FALSE when the
 * row has to be filled first. Refilling the row's model from inside its own
 * "notify::selected" (a pick saved, the plan reloaded) would free the
 * selection model in the middle of its own emission. */
static gboolean
editor_select_reference (Editor *ed)
{
  const KsPlanValue *stored = editor_stored (ed);

  if (!stored || !ed->ids || ed->ids->len == 0)
    return FALSE;
  for (guint i = 0; i < ed->ids->len; i++)
    if (g_array_index (ed->ids, gint64, i) == stored->id)
      {
        if (adw_combo_row_get_selected (ADW_COMBO_ROW (ed->row)) != i)
          adw_combo_row_set_selected (ADW_COMBO_ROW (ed->row), i);
        return TRUE;
      }
  return FALSE;
}

/* Shows the stored value; text being typed stays unless @replace. */
static void
editor_show (Editor   *ed,
             gboolean  replace)
{
  KsPlanPage *self = ed->page;
  const KsPlanValue *stored = editor_stored (ed);
  gboolean was = self->updating;

  if (!stored)
    return;
  self->updating = TRUE;
  switch (ed->field->kind)
    {
    case KS_PLAN_KIND_TEXT:
    case KS_PLAN_KIND_NUMBER:
    case KS_PLAN_KIND_PERCENT:
    case KS_PLAN_KIND_DATE:
      {
        g_autofree char *text = value_to_text (ed->field, stored);

        ks_field_row_show_value (ADW_ENTRY_ROW (ed->row), &ed->loaded, text, replace, &self->updating);
      }
      break;
    case KS_PLAN_KIND_LONG_TEXT:
      {
        g_autofree char *current = text_view_get_text (ed);

        if (replace || !ed->dirty || g_strcmp0 (current, nonnull (ed->loaded)) == 0)
          {
            if (g_strcmp0 (current, stored->text) != 0)
              gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (ed->widget)),
                                        stored->text, -1);
            ed->dirty = FALSE;
            g_clear_handle_id (&ed->save_id, g_source_remove);
          }
        g_free (ed->loaded);
        ed->loaded = g_strdup (stored->text);
      }
      break;
    case KS_PLAN_KIND_BOOL:
      gtk_switch_set_active (GTK_SWITCH (ed->widget), stored->number != 0 && !isnan (stored->number));
      break;
    case KS_PLAN_KIND_CHOICE:
      {
        guint pos = 0;

        for (guint i = 0; ed->field->choices[i]; i++)
          if (g_strcmp0 (ed->field->choices[i], stored->text) == 0)
            pos = i + 1;
        adw_combo_row_set_selected (ADW_COMBO_ROW (ed->row), pos);
      }
      break;
    case KS_PLAN_KIND_PERSON:
    case KS_PLAN_KIND_CONTACT:
    case KS_PLAN_KIND_PRODUCT:
      if (!editor_select_reference (ed))
        editor_fill_references (ed);
      break;
    default:
      g_assert_not_reached ();
    }
  self->updating = was;
}

static void
editor_free (gpointer data)
{
  Editor *ed = data;

  g_clear_handle_id (&ed->save_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (ed->row, ed);
  if (ed->focus)
    g_signal_handlers_disconnect_by_data (ed->focus, ed);
  if (ed->widget)
    {
      g_signal_handlers_disconnect_by_data (ed->widget, ed);
      if (GTK_IS_TEXT_VIEW (ed->widget))
        g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (GTK_TEXT_VIEW (ed->widget)), ed);
    }
  if (ed->calendar)
    g_signal_handlers_disconnect_by_data (ed->calendar, ed);
  if (ed->popover)
    g_signal_handlers_disconnect_by_data (ed->popover, ed);
  g_clear_pointer (&ed->ids, g_array_unref);
  g_free (ed->loaded);
  g_free (ed);
}

static void
add_focus_leave (GtkWidget *widget,
                 GCallback  callback,
                 Editor    *ed)
{
  ed->focus = gtk_event_controller_focus_new ();
  g_signal_connect (ed->focus, "leave", callback, ed);
  gtk_widget_add_controller (widget, ed->focus);
}

static Editor *
editor_new (KsPlanPage        *self,
            const KsPlanField *field,
            guint              index,
            ItemRec           *rec)
{
  Editor *ed = g_new0 (Editor, 1);
  const char *label = _(field->label);
  const char *hint = field->hint ? _(field->hint) : NULL;

  ed->page = self;
  ed->field = field;
  ed->index = index;
  ed->rec = rec;

  switch (field->kind)
    {
    case KS_PLAN_KIND_TEXT:
    case KS_PLAN_KIND_NUMBER:
    case KS_PLAN_KIND_PERCENT:
    case KS_PLAN_KIND_DATE:
      ed->row = adw_entry_row_new ();
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (ed->row), TRUE);
      if (field->kind == KS_PLAN_KIND_NUMBER || field->kind == KS_PLAN_KIND_PERCENT)
        gtk_editable_set_alignment (GTK_EDITABLE (ed->row), 0);
      g_signal_connect (ed->row, "apply", G_CALLBACK (on_entry_apply), ed);
      g_signal_connect (ed->row, "changed", G_CALLBACK (on_entry_changed), ed);
      add_focus_leave (ed->row, G_CALLBACK (on_entry_focus_leave), ed);
      if (field->kind == KS_PLAN_KIND_DATE)
        {
          GtkWidget *button = gtk_menu_button_new ();

          ed->calendar = gtk_calendar_new ();
          ed->popover = gtk_popover_new ();
          gtk_popover_set_child (GTK_POPOVER (ed->popover), ed->calendar);
          gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), ed->popover);
          gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("Pick a Date"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a Date"), -1);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (ed->row), button);
          g_signal_connect (ed->calendar, "day-selected", G_CALLBACK (on_day_selected), ed);
          g_signal_connect (ed->popover, "show", G_CALLBACK (on_calendar_show), ed);
          if (!hint)
            hint = _("A date: YYYY-MM-DD");
        }
      if (hint)
        gtk_widget_set_tooltip_text (ed->row, hint);
      break;

    case KS_PLAN_KIND_LONG_TEXT:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
        GtkWidget *title = gtk_label_new (label);
        GtkTextBuffer *buffer;

        ed->row = g_object_new (ADW_TYPE_PREFERENCES_ROW, "activatable", FALSE, "focusable", FALSE, NULL);
        gtk_widget_add_css_class (ed->row, "plan-text-row");
        gtk_box_append (GTK_BOX (box), title);
        gtk_label_set_xalign (GTK_LABEL (title), 0);
        gtk_label_set_wrap (GTK_LABEL (title), TRUE);
        gtk_widget_add_css_class (title, "plan-text-title");
        if (hint)
          {
            GtkWidget *hint_label = gtk_label_new (hint);

            gtk_label_set_xalign (GTK_LABEL (hint_label), 0);
            gtk_label_set_wrap (GTK_LABEL (hint_label), TRUE);
            gtk_widget_add_css_class (hint_label, "dim-label");
            gtk_widget_add_css_class (hint_label, "caption");
            gtk_box_append (GTK_BOX (box), hint_label);
          }
        ed->widget = gtk_text_view_new ();
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (ed->widget), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (ed->widget), FALSE);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (ed->widget), 8);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (ed->widget), 8);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (ed->widget), 10);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (ed->widget), 10);
        gtk_widget_set_size_request (ed->widget, -1, 64);
        gtk_widget_add_css_class (ed->widget, "card");
        gtk_widget_add_css_class (ed->widget, "notes");
        gtk_accessible_update_property (GTK_ACCESSIBLE (ed->widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, nonnull (hint),
                                        -1);
        gtk_box_append (GTK_BOX (box), ed->widget);
        gtk_widget_set_margin_top (box, 10);
        gtk_widget_set_margin_bottom (box, 12);
        gtk_widget_set_margin_start (box, 12);
        gtk_widget_set_margin_end (box, 12);
        gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (ed->row), box);
        buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ed->widget));
        g_signal_connect (buffer, "changed", G_CALLBACK (on_text_changed), ed);
        add_focus_leave (ed->widget, G_CALLBACK (on_text_focus_leave), ed);
      }
      break;

    case KS_PLAN_KIND_BOOL:
      ed->row = adw_action_row_new ();
      ed->widget = gtk_switch_new ();
      gtk_widget_set_valign (ed->widget, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (ed->row), ed->widget);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (ed->row), ed->widget);
      if (hint)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (ed->row), hint);
      g_signal_connect (ed->widget, "notify::active", G_CALLBACK (on_switch_active), ed);
      break;

    case KS_PLAN_KIND_CHOICE:
      {
        g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

        gtk_string_list_append (labels, _("Not set"));
        for (guint i = 0; field->choices[i]; i++)
          gtk_string_list_append (labels, _(field->choice_labels[i]));
        ed->row = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (ed->row), G_LIST_MODEL (labels));
        if (hint)
          adw_action_row_set_subtitle (ADW_ACTION_ROW (ed->row), hint);
        g_signal_connect (ed->row, "notify::selected", G_CALLBACK (on_combo_selected), ed);
      }
      break;

    case KS_PLAN_KIND_PERSON:
    case KS_PLAN_KIND_CONTACT:
    case KS_PLAN_KIND_PRODUCT:
      ed->row = adw_combo_row_new ();
      ed->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (hint)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (ed->row), hint);
      g_signal_connect (ed->row, "notify::selected", G_CALLBACK (on_combo_selected), ed);
      break;

    default:
      g_assert_not_reached ();
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ed->row), label);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (ed->row), FALSE);
  g_object_set (ed->row, "use-markup", FALSE, NULL);
  return ed;
}

/* The widget that takes the focus for @ed. */
static GtkWidget *
editor_focus_widget (Editor *ed)
{
  if (GTK_IS_TEXT_VIEW (ed->widget))
    return ed->widget;
  return ed->row;
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
  date = format_date (due, TRUE);
  text = g_strdup_printf (_("Overdue since %s"), date);
  gtk_label_set_text (GTK_LABEL (rec->overdue_label), text);
  gtk_widget_set_visible (rec->overdue, TRUE);
}

/* The title and subtitle that sum up an item, and whether it is overdue. */
static void
item_update_summary (KsPlanPage *self,
                     ItemRec    *rec)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;
  const char *overdue = NULL;

  switch (rec->list)
    {
    case KS_PLAN_OBJECTIVES:
      {
        const char *due = item_text (rec, "due");

        title = g_strdup (*item_text (rec, "objective") ? item_text (rec, "objective") : _("New objective"));
        ks_string_append_part (subtitle, item_text (rec, "measure"));
        if (*due)
          {
            g_autofree char *date = format_date (due, FALSE);
            g_autofree char *part = g_strdup_printf (_("due %s"), date);

            ks_string_append_part (subtitle, part);
          }
        ks_string_append_part (subtitle, reference_name (self, KS_PLAN_KIND_PERSON, item_value (rec, "owner")->id));
      }
      break;

    case KS_PLAN_PRODUCTS:
      {
        const char *name = reference_name (self, KS_PLAN_KIND_PRODUCT, item_value (rec, "product")->id);
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

        title = *date ? format_date (date, FALSE) : g_strdup (_("Undated meeting"));
        if (*ours || *theirs)
          {
            g_autofree char *who = g_strdup_printf (_("%s with %s"),
                                                    *ours ? ours : _("us"),
                                                    *theirs ? theirs : _("them"));
            ks_string_append_part (subtitle, who);
          }
        ks_string_append_part (subtitle, item_text (rec, "next_steps"));
        if (*next_due && strcmp (next_due, self->today) < 0 &&
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
        ks_string_append_part (subtitle, reference_name (self, KS_PLAN_KIND_CONTACT, item_value (rec, "contact")->id));
        ks_string_append_part (subtitle, reference_name (self, KS_PLAN_KIND_PERSON, item_value (rec, "owner")->id));
      }
      break;

    case KS_PLAN_ACTIONS:
      {
        const KsPlanListInfo *info = ks_plan_list_info (KS_PLAN_ACTIONS);
        const char *due = item_text (rec, "due");
        const char *status = item_text (rec, "status");
        int status_index = ks_plan_list_field_index (KS_PLAN_ACTIONS, "status");

        title = g_strdup (*item_text (rec, "action") ? item_text (rec, "action") : _("New action"));
        ks_string_append_part (subtitle, reference_name (self, KS_PLAN_KIND_PERSON, item_value (rec, "owner")->id));
        if (*due)
          {
            g_autofree char *date = format_date (due, FALSE);
            g_autofree char *part = g_strdup_printf (_("due %s"), date);

            ks_string_append_part (subtitle, part);
          }
        if (*status && status_index >= 0)
          ks_string_append_part (subtitle, ks_plan_choice_label (&info->fields[status_index], status));
        if (*due && strcmp (due, self->today) < 0 &&
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
        g_autofree char *when = *date ? format_date (date, FALSE) : g_strdup (_("Undated note"));
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
    item_build (rec->page, rec);
}

static void
item_build (KsPlanPage *self,
            ItemRec    *rec)
{
  const KsPlanListInfo *info = ks_plan_list_info (rec->list);

  if (rec->editors)
    return;
  rec->editors = g_ptr_array_new_with_free_func (editor_free);
  for (guint i = 0; i < info->n_fields; i++)
    {
      Editor *ed = editor_new (self, &info->fields[i], i, rec);

      g_ptr_array_add (rec->editors, ed);
      adw_expander_row_add_row (rec->expander, ed->row);
      editor_show (ed, TRUE);
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
item_rec_new (KsPlanPage *self,
              KsPlanList  list,
              gint64      id)
{
  const KsPlanListInfo *info = ks_plan_list_info (list);
  ItemRec *rec = g_new0 (ItemRec, 1);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), _(info->item_label));
  GtkWidget *button;
  GtkWidget *icon;

  rec->page = self;
  rec->list = list;
  rec->id = id;
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
item_update (KsPlanPage *self,
             ItemRec    *rec,
             gboolean    replace)
{
  item_update_summary (self, rec);
  if (rec->editors)
    for (guint i = 0; i < rec->editors->len; i++)
      editor_show (g_ptr_array_index (rec->editors, i), replace);
}

/* Brings the list's expander rows in step with self->plan: same order, same
 * items; rows of items that stay keep their widgets (and the focus). */
static void
sync_list (KsPlanPage *self,
           KsPlanList  list,
           gboolean    replace)
{
  ListState *ls = &self->lists[list];
  const KsPlanListInfo *info = ks_plan_list_info (list);
  GPtrArray *items = self->plan->items[list];
  guint n_limit = MIN (items->len, ls->limit);
  guint n_shown = MIN (n_limit, ls->cap);
  guint n_prefix = 0;
  gboolean same;
  gboolean editable = !ks_workspace_is_read_only (self->workspace);

  while (n_prefix < MIN (ls->items->len, n_shown) &&
         ((ItemRec *) g_ptr_array_index (ls->items, n_prefix))->id ==
         ((KsPlanItem *) g_ptr_array_index (items, n_prefix))->id)
    n_prefix++;
  same = n_prefix == ls->items->len && n_prefix == n_shown;

  if (!same && n_prefix == ls->items->len)
    {
      /* rows added after the ones shown (Show More, the pending rows): the
       * rows there stay where they are */
      adw_preferences_group_remove (ls->group, ls->more_row);
      for (guint i = n_prefix; i < n_shown; i++)
        {
          ItemRec *rec = item_rec_new (self, list, ((KsPlanItem *) g_ptr_array_index (items, i))->id);

          g_ptr_array_add (ls->items, rec);
          adw_preferences_group_add (ls->group, GTK_WIDGET (rec->expander));
        }
      adw_preferences_group_add (ls->group, ls->more_row);
    }
  else if (!same)
    {
      g_autoptr(GHashTable) old = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, item_rec_free);
      g_autoptr(GPtrArray) fresh = g_ptr_array_new_full (items->len, item_rec_free);

      for (guint i = 0; i < ls->items->len; i++)
        {
          ItemRec *rec = g_ptr_array_index (ls->items, i);

          adw_preferences_group_remove (ls->group, GTK_WIDGET (rec->expander));
          g_hash_table_insert (old, &rec->id, rec);
        }
      adw_preferences_group_remove (ls->group, ls->more_row);
      g_ptr_array_set_free_func (ls->items, NULL);
      g_ptr_array_set_size (ls->items, 0);
      g_ptr_array_set_free_func (ls->items, item_rec_free);

      for (guint i = 0; i < n_shown; i++)
        {
          KsPlanItem *item = g_ptr_array_index (items, i);
          ItemRec *rec = NULL;
          gpointer key;

          if (g_hash_table_steal_extended (old, &item->id, &key, (gpointer *) &rec))
            ;
          else
            rec = item_rec_new (self, list, item->id);
          g_ptr_array_add (ls->items, rec);
          adw_preferences_group_add (ls->group, GTK_WIDGET (rec->expander));
        }
      adw_preferences_group_add (ls->group, ls->more_row);
    }

  for (guint i = 0; i < n_shown; i++)
    {
      ItemRec *rec = g_ptr_array_index (ls->items, i);

      rec->item = g_ptr_array_index (items, i);
      item_update (self, rec, replace);
    }
  gtk_widget_set_visible (ls->empty_row, items->len == 0);
  /* not while the rest of the page is still being built after the first frame */
  gtk_widget_set_visible (ls->more_row, items->len > n_limit && n_shown == n_limit);
  if (items->len > n_limit)
    {
      g_autofree char *title = g_strdup_printf (_("Show %u More of %u"),
                                                MIN (ITEMS_PAGE, items->len - n_limit), items->len);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ls->more_row), title);
    }
  gtk_widget_set_sensitive (ls->add_button,
                            editable && (info->max_items == 0 || items->len < info->max_items));
}

/* Contacts: the account's people (kind contact; competitors and third
 * parties live on the power map only), edited in place */

static void scroll_to_and_focus (KsPlanPage *self, GtkWidget *anchor, GtkWidget *target);
static void pending_finish (KsPlanPage *self);

static KsContact *
contact_in_model (KsPlanPage *self,
                  gint64      id)
{
  guint n = self->contacts ? g_list_model_get_n_items (self->contacts) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsContact) contact = g_list_model_get_item (self->contacts, i);

      if (ks_contact_get_id (contact) == id)
        return g_steal_pointer (&contact);
    }
  return NULL;
}

static void
contact_update_summary (ContactRec *rec,
                        KsContact  *contact)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);

  ks_string_append_part (subtitle, ks_contact_get_title (contact));
  ks_string_append_part (subtitle, ks_contact_get_department (contact));
  ks_string_append_part (subtitle, ks_contact_get_phone (contact));
  ks_string_append_part (subtitle, ks_contact_get_email (contact));
  if (*nonnull (ks_contact_get_channel (contact)))
    {
      g_autofree char *channel = g_strdup_printf (_("prefers %s"), ks_contact_get_channel (contact));

      ks_string_append_part (subtitle, channel);
    }
  ks_string_append_part (subtitle, ks_contact_get_time_zone (contact));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rec->expander), ks_contact_get_name (contact));
  adw_expander_row_set_subtitle (rec->expander, subtitle->str);
}

/* Shows what is stored; text being typed stays unless @replace. */
static void
contact_show (ContactRec *rec,
              KsContact  *contact,
              gboolean    replace)
{
  contact_update_summary (rec, contact);
  if (!rec->built)
    return;
  for (guint f = 0; f < N_CONTACT_FIELDS; f++)
    ks_field_row_show_value (ADW_ENTRY_ROW (rec->rows[f]), &rec->loaded[f],
                             nonnull (contact_fields[f].get (contact)), replace, &rec->page->updating);
}

static int
contact_row_field (ContactRec *rec,
                   GtkWidget  *row)
{
  for (guint f = 0; f < N_CONTACT_FIELDS; f++)
    if (rec->rows[f] == row)
      return f;
  return -1;
}

/* Another contact of the account (of any kind) called @name, ignoring case. */
static gboolean
contact_name_taken (KsPlanPage *self,
                    gint64      id,
                    const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  guint n = self->contacts ? g_list_model_get_n_items (self->contacts) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsContact) contact = g_list_model_get_item (self->contacts, i);
      g_autofree char *other = g_utf8_casefold (nonnull (ks_contact_get_name (contact)), -1);

      if (ks_contact_get_id (contact) != id && g_strcmp0 (folded, other) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Saves the text of @row, one undo step; refused (and shown at the row) when
 * it leaves the contact without a name or gives it another's name. */
static void
contact_apply (ContactRec *rec,
               GtkWidget  *row)
{
  KsPlanPage *self = rec->page;
  int f = contact_row_field (rec, row);
  g_autofree char *text = NULL;
  g_autoptr(KsContact) contact = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || f < 0 || !self->workspace)
    return;
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  if (g_str_equal (contact_fields[f].key, "name"))
    {
      g_strstrip (text);
      if (*text == '\0')
        {
          ks_row_set_error (ADW_PREFERENCES_ROW (row), _("A contact needs a name"));
          return;
        }
      if (contact_name_taken (self, rec->id, text))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” already has a contact named “%s”"),
                                                      nonnull (self->account_name), text);

          ks_row_set_error (ADW_PREFERENCES_ROW (row), message);
          return;
        }
    }
  contact = ks_contact_load (self->workspace, rec->id, &error);
  if (contact && g_strcmp0 (nonnull (contact_fields[f].get (contact)), text) == 0)
    {
      ks_row_set_error (ADW_PREFERENCES_ROW (row), NULL);
      return;
    }
  if (contact)
    contact_fields[f].set (contact, text);
  if (!contact || !ks_contact_save (contact, self->workspace, &error))
    {
      ks_row_set_error (ADW_PREFERENCES_ROW (row), error->message);
      return;
    }
  ks_row_set_error (ADW_PREFERENCES_ROW (row), NULL);
}

static void
on_contact_apply (AdwEntryRow *row,
                  ContactRec  *rec)
{
  contact_apply (rec, GTK_WIDGET (row));
}

static void
on_contact_changed (AdwEntryRow *row,
                    ContactRec  *rec)
{
  int f = contact_row_field (rec, GTK_WIDGET (row));

  /* back to what is stored: nothing to refuse any more */
  if (!rec->page->updating && f >= 0 && ks_row_has_error (ADW_PREFERENCES_ROW (row)) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), nonnull (rec->loaded[f])) == 0)
    ks_row_set_error (ADW_PREFERENCES_ROW (row), NULL);
}

static void
on_contact_focus_leave (GtkEventControllerFocus *focus,
                        ContactRec              *rec)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
  int f = contact_row_field (rec, row);

  if (f >= 0 && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), nonnull (rec->loaded[f])) != 0)
    contact_apply (rec, row);
}

static void
contact_build (ContactRec *rec)
{
  g_autoptr(KsContact) contact = NULL;
  gboolean was = rec->page->updating;

  if (rec->built)
    return;
  rec->built = TRUE;
  for (guint f = 0; f < N_CONTACT_FIELDS; f++)
    {
      GtkWidget *row = adw_entry_row_new ();
      GtkEventController *focus = gtk_event_controller_focus_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(contact_fields[f].label));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set (row, "use-markup", FALSE, NULL);
      g_signal_connect (row, "apply", G_CALLBACK (on_contact_apply), rec);
      g_signal_connect (row, "changed", G_CALLBACK (on_contact_changed), rec);
      g_signal_connect (focus, "leave", G_CALLBACK (on_contact_focus_leave), rec);
      gtk_widget_add_controller (row, focus);
      rec->rows[f] = row;
      rec->focus[f] = focus;
      adw_expander_row_add_row (rec->expander, row);
    }
  rec->page->updating = TRUE;
  if ((contact = contact_in_model (rec->page, rec->id)))
    contact_show (rec, contact, TRUE);
  rec->page->updating = was;
}

static void
on_contact_expanded (AdwExpanderRow *expander,
                     GParamSpec     *pspec,
                     ContactRec     *rec)
{
  if (adw_expander_row_get_expanded (expander))
    contact_build (rec);
}

static void
contact_rec_free (gpointer data)
{
  ContactRec *rec = data;

  for (guint f = 0; f < N_CONTACT_FIELDS; f++)
    {
      if (rec->rows[f])
        g_signal_handlers_disconnect_by_data (rec->rows[f], rec);
      if (rec->focus[f])
        g_signal_handlers_disconnect_by_data (rec->focus[f], rec);
      g_free (rec->loaded[f]);
    }
  g_signal_handlers_disconnect_by_data (rec->expander, rec);
  g_clear_object (&rec->expander);
  g_free (rec);
}

static ContactRec *
contact_rec_new (KsPlanPage *self,
                 gint64      id)
{
  ContactRec *rec = g_new0 (ContactRec, 1);
  GtkWidget *button;

  rec->page = self;
  rec->id = id;
  rec->expander = ADW_EXPANDER_ROW (g_object_ref_sink (adw_expander_row_new ()));
  g_object_set (rec->expander, "use-markup", FALSE, NULL);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Contact"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Contact"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "plan.remove-contact");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  adw_expander_row_add_action (rec->expander, button);

  g_signal_connect (rec->expander, "notify::expanded", G_CALLBACK (on_contact_expanded), rec);
  return rec;
}

static ContactRec *
find_contact (KsPlanPage *self,
              gint64      id)
{
  pending_finish (self);
  for (guint i = 0; i < self->contact_recs->len; i++)
    {
      ContactRec *rec = g_ptr_array_index (self->contact_recs, i);

      if (rec->id == id)
        return rec;
    }
  return NULL;
}

/* Brings the contact rows in step with self->contacts: rows of contacts
 * that stay keep their widgets (and the focus, and text being typed). */
static void
refresh_contacts (KsPlanPage *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = self->contacts ? g_list_model_get_n_items (self->contacts) : 0;
  gboolean same;
  gboolean was = self->updating;

  for (guint i = 0; i < n; i++)
    {
      KsContact *contact = g_list_model_get_item (self->contacts, i);

      if (ks_contact_get_kind (contact) == KS_NODE_CONTACT)
        g_ptr_array_add (shown, contact);
      else
        g_object_unref (contact);
    }

  n = shown->len;
  if (shown->len > self->contacts_cap)
    g_ptr_array_set_size (shown, self->contacts_cap);
  same = self->contact_recs->len == shown->len;
  for (guint i = 0; same && i < shown->len; i++)
    same = ((ContactRec *) g_ptr_array_index (self->contact_recs, i))->id ==
           ks_contact_get_id (g_ptr_array_index (shown, i));
  if (!same)
    {
      g_autoptr(GHashTable) old = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, contact_rec_free);

      for (guint i = 0; i < self->contact_recs->len; i++)
        {
          ContactRec *rec = g_ptr_array_index (self->contact_recs, i);

          adw_preferences_group_remove (self->contacts_group, GTK_WIDGET (rec->expander));
          if (self->defer)
            g_ptr_array_add (self->dead_contacts, rec);   /* another account's: freed after the next frame */
          else
            g_hash_table_insert (old, &rec->id, rec);
        }
      g_ptr_array_set_free_func (self->contact_recs, NULL);
      g_ptr_array_set_size (self->contact_recs, 0);
      g_ptr_array_set_free_func (self->contact_recs, contact_rec_free);
      for (guint i = 0; i < shown->len; i++)
        {
          gint64 id = ks_contact_get_id (g_ptr_array_index (shown, i));
          ContactRec *rec = NULL;
          gpointer key;

          if (!g_hash_table_steal_extended (old, &id, &key, (gpointer *) &rec))
            rec = contact_rec_new (self, id);
          g_ptr_array_add (self->contact_recs, rec);
          adw_preferences_group_add (self->contacts_group, GTK_WIDGET (rec->expander));
        }
    }

  self->updating = TRUE;
  for (guint i = 0; i < shown->len; i++)
    contact_show (g_ptr_array_index (self->contact_recs, i), g_ptr_array_index (shown, i), FALSE);
  self->updating = was;
  gtk_widget_set_visible (self->contacts_empty, n == 0);
  gtk_widget_set_sensitive (self->add_contact_button,
                            self->workspace && self->account_id > 0 &&
                            !ks_workspace_is_read_only (self->workspace));
}

/* Reference models */

static void
load_references (KsPlanPage *self,
                 gboolean    people,
                 gboolean    products,
                 gboolean    contacts)
{
  if (people)
    {
      g_clear_object (&self->people);
      if (self->workspace)
        self->people = ks_person_list (self->workspace, NULL);
    }
  if (products)
    {
      g_clear_object (&self->products);
      if (self->workspace)
        self->products = ks_product_list (self->workspace, NULL);
    }
  if (contacts)
    {
      g_clear_object (&self->contacts);
      if (self->workspace && self->account_id > 0)
        self->contacts = ks_contact_list_for_account (self->workspace, self->account_id, NULL);
      refresh_contacts (self);
    }
}

/* Work left after the first frame of a newly opened account: the rest of
 * the first page of each list, the finding rows, freeing the previous
 * account's rows. Whatever asks for a row or a finding finishes it first. */

static gboolean
pending_any (KsPlanPage *self)
{
  if (self->findings_pending || self->graveyard->len > 0 || self->dead_widgets->len > 0 ||
      self->dead_contacts->len > 0 || self->contacts_cap != G_MAXUINT)
    return TRUE;
  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    if (self->lists[l].cap != G_MAXUINT)
      return TRUE;
  return FALSE;
}

static void
pending_cancel (KsPlanPage *self)
{
  if (self->pending_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pending_tick);
  self->pending_tick = 0;
  g_clear_handle_id (&self->pending_source, g_source_remove);
}

/* One piece of the work; FALSE when none is left. */
static gboolean
pending_step (KsPlanPage *self)
{
  gboolean was = self->updating;

  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    {
      ListState *ls = &self->lists[l];

      if (ls->cap == G_MAXUINT)
        continue;
      if (!self->plan || ls->cap + FIRST_ROWS >= MIN (ls->limit, self->plan->items[l]->len))
        ls->cap = G_MAXUINT;
      else
        ls->cap += FIRST_ROWS;
      if (self->plan)
        {
          self->updating = TRUE;
          sync_list (self, l, FALSE);
          self->updating = was;
        }
      return TRUE;
    }
  if (self->contacts_cap != G_MAXUINT)
    {
      self->contacts_cap = G_MAXUINT;
      refresh_contacts (self);
      return TRUE;
    }
  if (self->findings_pending)
    {
      show_findings (self);
      return TRUE;
    }
  if (self->graveyard->len > 0)
    {
      g_ptr_array_remove_index (self->graveyard, self->graveyard->len - 1);
      return TRUE;
    }
  if (self->dead_widgets->len > 0)
    {
      g_ptr_array_set_size (self->dead_widgets, 0);
      return TRUE;
    }
  if (self->dead_contacts->len > 0)
    {
      g_ptr_array_remove_index (self->dead_contacts, self->dead_contacts->len - 1);
      return TRUE;
    }
  return FALSE;
}

/* Does all of it now. */
static void
pending_finish (KsPlanPage *self)
{
  if (self->graveyard && pending_any (self))
    {
      pending_cancel (self);
      while (pending_step (self))
        ;
    }
}

/* A slice of the work at a time; the frames go on in between (an idle
 * would wait while frames are drawn back to back on a busy machine). */
static gboolean
pending_slice_cb (gpointer data)
{
  KsPlanPage *self = data;
  gint64 end = g_get_monotonic_time () + PENDING_SLICE_US;

  while (g_get_monotonic_time () < end)
    if (!pending_step (self))
      {
        self->pending_source = 0;
        return G_SOURCE_REMOVE;
      }
  return G_SOURCE_CONTINUE;
}

/* Ticks in the update phase of the next frame: the work starts once that
 * frame is laid out and painted. */
static gboolean
pending_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  KsPlanPage *self = KS_PLAN_PAGE (widget);

  self->pending_tick = 0;
  if (!self->pending_source)
    self->pending_source = g_timeout_add (1, pending_slice_cb, self);
  return G_SOURCE_REMOVE;
}

/* Starts the work after the next frame, once the page is shown. */
static void
pending_schedule (KsPlanPage *self)
{
  pending_cancel (self);
  if (!pending_any (self))
    return;
  self->pending_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), pending_tick_cb, NULL, NULL);
}

/* Loading */

static void
reload (KsPlanPage *self,
        gboolean    replace)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = NULL;
  gboolean was = self->updating;

  g_clear_pointer (&self->plan, ks_plan_free);
  if (self->workspace && self->account_id > 0 &&
      (account = ks_account_load (self->workspace, self->account_id, NULL)))
    self->plan = ks_plan_load (self->workspace, self->account_id, &error);
  if (error)
    g_warning ("%s", error->message);

  if (!self->plan)
    {
      g_clear_pointer (&self->account_name, g_free);
      refresh_findings (self);
      /* item rows point into the plan: drop them with it */
      for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
        {
          ListState *ls = &self->lists[l];

          for (guint i = 0; i < ls->items->len; i++)
            adw_preferences_group_remove (ls->group,
                                          GTK_WIDGET (((ItemRec *) g_ptr_array_index (ls->items, i))->expander));
          g_ptr_array_set_size (ls->items, 0);
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  g_free (self->today);
  self->today = today_iso ();
  self->updating = TRUE;
  g_free (self->account_name);
  self->account_name = g_strdup (ks_account_get_name (account));
  gtk_label_set_text (self->title_label, self->account_name);
  for (guint i = 0; i < self->editors->len; i++)
    editor_show (g_ptr_array_index (self->editors, i), replace);
  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    sync_list (self, l, replace);
  self->updating = was;
  gtk_widget_set_sensitive (GTK_WIDGET (self->sections_box), !ks_workspace_is_read_only (self->workspace));
  gtk_stack_set_visible_child_name (self->stack, "plan");
  refresh_findings (self);
}

static void
refill_references (KsPlanPage *self,
                   KsPlanKind  kind)
{
  for (guint i = 0; i < self->editors->len; i++)
    {
      Editor *ed = g_ptr_array_index (self->editors, i);

      if (ed->field->kind == kind)
        editor_fill_references (ed);
    }
  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    {
      GPtrArray *items = self->lists[l].items;

      for (guint i = 0; i < items->len; i++)
        {
          ItemRec *rec = g_ptr_array_index (items, i);

          item_update_summary (self, rec);
          for (guint e = 0; rec->editors && e < rec->editors->len; e++)
            {
              Editor *ed = g_ptr_array_index (rec->editors, e);

              if (ed->field->kind == kind)
                editor_fill_references (ed);
            }
        }
    }
}

static void
on_workspace_changed (KsPlanPage  *self,
                      const char  *table,
                      KsWorkspace *workspace)
{
  if (self->account_id <= 0)
    return;
  if (g_str_equal (table, "account_plans") || g_str_has_prefix (table, "plan_") ||
      g_str_equal (table, "accounts"))
    reload (self, FALSE);
  else if (self->plan && g_str_equal (table, "people"))
    {
      load_references (self, TRUE, FALSE, FALSE);
      refill_references (self, KS_PLAN_KIND_PERSON);
      refresh_findings (self);
    }
  else if (self->plan && g_str_equal (table, "products"))
    {
      load_references (self, FALSE, TRUE, FALSE);
      refill_references (self, KS_PLAN_KIND_PRODUCT);
    }
  else if (self->plan && g_str_equal (table, "contacts"))
    {
      load_references (self, FALSE, FALSE, TRUE);
      refill_references (self, KS_PLAN_KIND_CONTACT);
      refresh_findings (self);
    }
}

/* Scrolls so that @anchor (an item, a section) shows from its top, or, when
 * @target would then be below the view, @target a little below the top.
 * FALSE when @target has no place yet (not laid out). */
static gboolean
scroll_to (KsPlanPage *self,
           GtkWidget  *anchor,
           GtkWidget  *target)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scrolled_window);
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  graphene_point_t at, pt;
  double value;

  /* the viewport's coordinates move with the scrolling */
  if (!viewport || gtk_widget_get_height (target) <= 0 ||
      !gtk_widget_compute_point (target, viewport, &GRAPHENE_POINT_INIT (0, 0), &pt))
    return FALSE;
  value = gtk_adjustment_get_value (vadj) + pt.y - 96;
  if (anchor && anchor != target &&
      gtk_widget_compute_point (anchor, viewport, &GRAPHENE_POINT_INIT (0, 0), &at) &&
      at.y <= pt.y &&
      pt.y - at.y + 24 + gtk_widget_get_height (target) <= gtk_widget_get_height (viewport))
    value = gtk_adjustment_get_value (vadj) + at.y - 24;
  gtk_adjustment_set_value (vadj, MAX (0, value));
  return TRUE;
}

static void
set_scroll_target (KsPlanPage *self,
                   GtkWidget  *anchor,
                   GtkWidget  *target)
{
  if (self->scroll_target)
    g_object_remove_weak_pointer (G_OBJECT (self->scroll_target), (gpointer *) &self->scroll_target);
  if (self->scroll_anchor)
    g_object_remove_weak_pointer (G_OBJECT (self->scroll_anchor), (gpointer *) &self->scroll_anchor);
  self->scroll_target = target;
  self->scroll_anchor = anchor;
  if (target)
    g_object_add_weak_pointer (G_OBJECT (target), (gpointer *) &self->scroll_target);
  if (anchor)
    g_object_add_weak_pointer (G_OBJECT (anchor), (gpointer *) &self->scroll_anchor);
}

/* Rows just built or expanded get their place at the next layout, and an
 * expander opens with an animation: keep the target in view until then. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  KsPlanPage *self = KS_PLAN_PAGE (widget);

  if (self->scroll_target && scroll_to (self, self->scroll_anchor, self->scroll_target))
    self->scroll_placed++;
  self->scroll_frames++;
  /* a slow frame (a busy machine, a sanitizer) can outlast the time: keep
   * on until the target was placed twice, laid out in its final place */
  if (!self->scroll_target ||
      (gdk_frame_clock_get_frame_time (clock) > self->scroll_until &&
       (self->scroll_placed >= 2 || self->scroll_frames > 120)))
    {
      set_scroll_target (self, NULL, NULL);
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Scrolls to @target (with @anchor, when it fits: see scroll_to()) and
 * gives it the focus, showing where the focus went. */
static void
scroll_to_and_focus (KsPlanPage *self,
                     GtkWidget  *anchor,
                     GtkWidget  *target)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  scroll_to (self, anchor, target);
  gtk_widget_grab_focus (target);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
  set_scroll_target (self, anchor, target);
  self->scroll_until = g_get_monotonic_time () + SCROLL_SETTLE_US;
  self->scroll_placed = self->scroll_frames = 0;
  if (!self->scroll_tick)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

/* Findings */

/* The widget that fills what @finding misses: its row, opened; the list's
 * "Add" button; the power map button; else the section's first row. */
static GtkWidget *
finding_target (KsPlanPage          *self,
                const KsPlanFinding *finding,
                GtkWidget          **anchor)
{
  if (finding->list != KS_PLAN_NO_LIST && finding->item_id > 0)
    {
      const KsPlanListInfo *info = ks_plan_list_info (finding->list);
      ItemRec *rec = find_item (self, finding->list, finding->item_id);
      int index = finding->field ? ks_plan_list_field_index (finding->list, finding->field) : 0;

      if (!rec)
        return NULL;
      adw_expander_row_set_expanded (rec->expander, TRUE);
      item_build (self, rec);
      if (index < 0 || (guint) index >= info->n_fields)
        index = 0;
      *anchor = GTK_WIDGET (rec->expander);
      return editor_focus_widget (g_ptr_array_index (rec->editors, index));
    }
  if (finding->field && finding->list == KS_PLAN_NO_LIST)
    {
      int index = ks_plan_field_index (finding->field);

      if (index >= 0)
        return editor_focus_widget (g_ptr_array_index (self->editors, index));
    }
  if (finding->list >= 0 && finding->list < KS_PLAN_N_LISTS)
    return self->lists[finding->list].add_button;
  if (finding->section == KS_PLAN_SECTION_CONTACTS)
    return self->map_button;
  {
    guint n_sections;
    const KsPlanSectionInfo *sections = ks_plan_sections (&n_sections);

    for (guint s = 0; s < n_sections; s++)
      if (sections[s].id == finding->section && sections[s].n_fields > 0)
        return editor_focus_widget (g_ptr_array_index (self->editors, sections[s].first_field));
  }
  return NULL;
}

static void
activate_finding (KsPlanPage *self,
                  guint       index)
{
  KsPlanFinding copy;
  g_autofree char *field = NULL;
  GtkWidget *target;
  GtkWidget *anchor = NULL;

  if (!self->findings || index >= self->findings->len)
    return;
  /* focus moving away may save a row, reload and renew the findings */
  copy = *(KsPlanFinding *) g_ptr_array_index (self->findings, index);
  field = g_strdup (copy.field);
  copy.field = field;
  copy.kind = copy.message = NULL;
  if (!(target = finding_target (self, &copy, &anchor)))
    return;
  /* a field: its section's title too, when it fits */
  if (!anchor)
    anchor = gtk_widget_get_ancestor (target, ADW_TYPE_PREFERENCES_GROUP);
  scroll_to_and_focus (self, anchor, target);
}

static void
on_finding_activated (GtkListBox    *list,
                      GtkListBoxRow *row,
                      KsPlanPage    *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "finding-index"));
  GtkListBoxRow *next;

  if (index == 0)
    return;
  if (index != SHOW_MORE_INDEX)
    {
      activate_finding (self, index - 1);
      return;
    }
  index = gtk_list_box_row_get_index (row);
  self->findings_limit += FINDINGS_PAGE;
  show_findings (self);
  /* the focus goes on to the first of the rows added */
  if ((next = gtk_list_box_get_row_at_index (self->findings_list, index)))
    gtk_widget_grab_focus (GTK_WIDGET (next));
}

static const char *
section_title (KsPlanSection section)
{
  guint n_sections;
  const KsPlanSectionInfo *sections = ks_plan_sections (&n_sections);

  for (guint s = 0; s < n_sections; s++)
    if (sections[s].id == section)
      return _(sections[s].title);
  return "";
}

static gboolean
findings_equal (GPtrArray *a,
                GPtrArray *b)
{
  if (!a || !b || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      KsPlanFinding *x = g_ptr_array_index (a, i);
      KsPlanFinding *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->kind, y->kind) != 0 || g_strcmp0 (x->message, y->message) != 0 ||
          g_strcmp0 (x->field, y->field) != 0 || x->item_id != y->item_id ||
          x->list != y->list || x->section != y->section || x->overdue != y->overdue)
        return FALSE;
    }
  return TRUE;
}

/* A plain row (an icon, two labels, an arrow): a quarter of the widgets of
 * an AdwActionRow, which counts when a plan is opened. */
static GtkWidget *
finding_row_new (const KsPlanFinding *finding,
                 guint                index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (finding->overdue ? "dialog-error-symbolic"
                                                                   : "dialog-warning-symbolic");
  GtkWidget *title = gtk_label_new (finding->message);
  const char *section = section_title (finding->section);
  GtkWidget *subtitle = gtk_label_new (section);
  g_autofree char *label = NULL;

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (icon, finding->overdue ? "error" : "warning");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  /* wraps rather than asking for the whole message on one line */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 36);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Go to the field that fills this in"));
  if (finding->overdue)
    /* Translators: a finding's accessible label: the finding, then its section */
    label = g_strdup_printf (_("Overdue: %s. In %s"), finding->message, section);
  else
    /* Translators: a finding's accessible label: the finding, then its section */
    label = g_strdup_printf (_("Missing: %s. In %s"), finding->message, section);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Goes to the field that fills this in"),
                                  -1);
  g_object_set_data (G_OBJECT (row), "finding-index", GUINT_TO_POINTER (index + 1));
  return row;
}

/* Rows for the first findings_limit findings, and "Show More" for the rest. */
static void
show_findings (KsPlanPage *self)
{
  guint n = self->findings ? self->findings->len : 0;
  guint shown = MIN (n, self->findings_limit);

  self->findings_pending = FALSE;
  gtk_widget_set_visible (self->findings_placeholder, TRUE);
  ks_list_box_remove_rows (self->findings_list);
  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (self->findings_list, finding_row_new (g_ptr_array_index (self->findings, i), i));
  if (n > shown)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Show %u More of %u"), MIN (FINDINGS_PAGE, n - shown), n);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-down-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_add_css_class (row, "plan-more-row");
      g_object_set_data (G_OBJECT (row), "finding-index", GUINT_TO_POINTER (SHOW_MORE_INDEX));
      gtk_list_box_append (self->findings_list, row);
    }
}

/* What ks_plan_check_account() finds, from the plan and contacts the page
 * holds already: no second load of a plan with hundreds of items per edit. */
static GPtrArray *
check_plan (KsPlanPage *self)
{
  g_autofree char *setting = ks_workspace_get_setting (self->workspace, KS_PLAN_CHECK_SETTING_STALE_DAYS);
  KsPlanCheckContext ctx = { 0 };
  guint n = self->contacts ? g_list_model_get_n_items (self->contacts) : 0;
  guint64 days = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsContact) contact = g_list_model_get_item (self->contacts, i);

      if (ks_contact_get_kind (contact) != KS_NODE_CONTACT)
        continue;
      ctx.contacts++;
      ctx.decision_makers += ks_contact_get_power (contact) == KS_POWER_HIGH;
    }
  if (setting && g_ascii_string_to_unsigned (setting, 10, 1, 36500, &days, NULL))
    ctx.stale_days = (guint) days;
  ctx.today = self->today;
  return ks_plan_check (self->plan, &ctx);
}

/* Checks the plan again; the rows stay when nothing changed (and keep the focus). */
static void
refresh_findings (KsPlanPage *self)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autofree char *summary = NULL;
  guint n, n_overdue = 0;

  if (self->workspace && self->account_id > 0 && self->plan)
    fresh = check_plan (self);
  if (!fresh)
    fresh = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_plan_finding_free);
  if (findings_equal (self->findings, fresh))
    return;

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = g_steal_pointer (&fresh);
  n = self->findings->len;
  if (self->defer)
    {
      /* the rows after the first frame; the previous account's go now,
       * freed later, and "complete" does not show in between */
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list)), *next; child; child = next)
        {
          next = gtk_widget_get_next_sibling (child);
          if (GTK_IS_LIST_BOX_ROW (child))
            {
              g_ptr_array_add (self->dead_widgets, g_object_ref (child));
              gtk_list_box_remove (self->findings_list, child);
            }
        }
      gtk_widget_set_visible (self->findings_placeholder, n == 0);
      self->findings_pending = TRUE;
    }
  else
    show_findings (self);
  for (guint i = 0; i < n; i++)
    n_overdue += ((KsPlanFinding *) g_ptr_array_index (self->findings, i))->overdue;

  if (n > 0)
    {
      g_autofree char *description = NULL;

      summary = g_strdup_printf (ngettext ("%u Thing Missing", "%u Things Missing", n), n);
      if (n_overdue > 0)
        description = g_strdup_printf (ngettext ("%u is overdue. Pick one to go to it.",
                                                 "%u are overdue. Pick one to go to it.", n_overdue),
                                       n_overdue);
      adw_preferences_group_set_description (self->findings_group,
                                             description ? description : _("Pick one to go to it."));
      adw_button_content_set_icon_name (self->findings_content, "dialog-warning-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->findings_button), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->findings_button), "warning");
    }
  else
    {
      summary = g_strdup (_("Plan Complete"));
      adw_preferences_group_set_description (self->findings_group, NULL);
      adw_button_content_set_icon_name (self->findings_content, "emblem-ok-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->findings_button), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->findings_button), "success");
    }
  adw_button_content_set_label (self->findings_content, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->findings_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
}

static GtkWidget *
complete_placeholder_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
  GtkWidget *title = gtk_label_new (_("The plan is complete"));
  GtkWidget *body = gtk_label_new (_("Every section is filled in and nothing is overdue."));

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  gtk_widget_add_css_class (icon, "success");
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_justify (GTK_LABEL (body), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (body, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), body);
  return box;
}

/* Export and print */

static gboolean
export_file (GtkWidget   *page,
             const char  *path,
             GError     **error)
{
  return ks_plan_page_export (KS_PLAN_PAGE (page), path, error);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KsPlanPage *self = KS_PLAN_PAGE (widget);
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (!self->plan)
    return;
  ks_plan_page_flush (self);
  /* Translators: the file name of an exported plan, e.g. "Kessler Automotive Group – Account Plan" */
  title = g_strdup_printf (_("%s – Account Plan"), nonnull (self->account_name));
  name = g_strconcat (title, ".pdf", NULL);
  ks_export_dialog_show (widget, _("Export Account Plan"), name, export_file,
                         /* Translators: %s is a folder */
                         _("Exported the plan to %s"), _("Could Not Export the Plan"));
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                KsPlanPrint       *print)
{
  guint n = ks_plan_print_paginate (print, gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, n);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              KsPlanPrint       *print)
{
  if (page_nr >= 0 && (guint) page_nr < ks_plan_print_get_n_pages (print))
    ks_plan_print_draw_page (print, gtk_print_context_get_cairo_context (context), page_nr);
}

gboolean
ks_plan_page_print (KsPlanPage  *self,
                    const char  *export_pdf,
                    GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  g_autofree char *job = NULL;
  GtkPrintOperationResult result;
  KsPlanPrint *print;

  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->workspace || self->account_id <= 0 || !self->plan)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Could not print the plan: no account is shown"));
      return FALSE;
    }
  ks_plan_page_flush (self);
  print = ks_plan_print_new_for_account (self->workspace, self->account_id, self->today, error);
  if (!print)
    return FALSE;
  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  /* Translators: a print job's name, e.g. "Account plan of Kessler Automotive Group" */
  job = g_strdup_printf (_("Account plan of %s"), nonnull (self->account_name));
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "ks-plan-print", print, (GDestroyNotify) ks_plan_print_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), print);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), print);
  if (export_pdf)
    gtk_print_operation_set_export_filename (operation, export_pdf);
  result = gtk_print_operation_run (operation,
                                    export_pdf ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                               : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), error);
  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return TRUE;
  if (export_pdf)
    g_prefix_error (error, _("Could not print the plan to %s: "), export_pdf);
  return FALSE;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!KS_PLAN_PAGE (widget)->plan)
    return;
  if (!ks_plan_page_print (KS_PLAN_PAGE (widget), NULL, &error))
    ks_message_dialog_show (widget, _("Could Not Print the Plan"), error->message);
}

/* Actions */

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KsPlanPage *self = KS_PLAN_PAGE (widget);
  KsPlanList list = g_variant_get_int32 (parameter);
  const KsPlanListInfo *info;
  KsPlanItem *item;
  g_autoptr(GError) error = NULL;
  ItemRec *rec;
  gint64 id;

  if (!self->workspace || self->account_id <= 0 || list < 0 || list >= KS_PLAN_N_LISTS)
    return;
  info = ks_plan_list_info (list);
  item = ks_plan_item_new (list);
  /* dated lists start with today's date */
  if (info->sort_key)
    {
      int index = ks_plan_list_field_index (list, info->sort_key);

      g_free (item->values[index].text);
      item->values[index].text = today_iso ();
    }
  id = ks_plan_add_item (self->workspace, self->account_id, list, item->values, &error);
  ks_plan_item_free (item);
  if (id == 0)
    {
      show_error (self, _("Could Not Add to the Plan"), error);
      return;
    }
  if (!find_item (self, list, id))
    reload (self, FALSE);
  if ((rec = find_item (self, list, id)))
    {
      Editor *first;

      adw_expander_row_set_expanded (rec->expander, TRUE);
      item_build (self, rec);
      first = g_ptr_array_index (rec->editors, info->sort_key && rec->editors->len > 1 ? 1 : 0);
      scroll_to_and_focus (self, GTK_WIDGET (rec->expander), editor_focus_widget (first));
    }
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KsPlanPage *self = KS_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint32 list;
  gint64 id;

  g_variant_get (parameter, "(ix)", &list, &id);
  if (!self->workspace || list < 0 || list >= KS_PLAN_N_LISTS || !find_item (self, list, id))
    return;
  ks_plan_page_flush (self);
  if (!ks_plan_delete_item (self->workspace, list, id, &error))
    {
      show_error (self, _("Could Not Remove From the Plan"), error);
      return;
    }
  title = g_strdup_printf (_("%s removed"), _(ks_plan_list_info (list)->item_label));
  ks_widget_add_undo_toast (GTK_WIDGET (self), title);
}

/* "New Contact", else "New Contact 2", 3, …: a name no contact of the account has. */
static char *
new_contact_name (KsPlanPage *self)
{
  char *name = g_strdup (_("New Contact"));

  for (guint i = 2; contact_name_taken (self, 0, name); i++)
    {
      g_free (name);
      /* Translators: the name of a contact added from the plan, when "New Contact" is taken */
      name = g_strdup_printf (_("New Contact %u"), i);
    }
  return name;
}

static void
add_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KsPlanPage *self = KS_PLAN_PAGE (widget);
  g_autoptr(KsContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  ContactRec *rec;

  if (!self->workspace || self->account_id <= 0)
    return;
  ks_plan_page_flush (self);
  name = new_contact_name (self);
  contact = ks_contact_new (self->account_id, name);
  if (!ks_contact_save (contact, self->workspace, &error))
    {
      show_error (self, _("Could Not Add the Contact"), error);
      return;
    }
  pending_finish (self);
  if (!(rec = find_contact (self, ks_contact_get_id (contact))))
    {
      load_references (self, FALSE, FALSE, TRUE);
      rec = find_contact (self, ks_contact_get_id (contact));
    }
  if (rec)
    {
      adw_expander_row_set_expanded (rec->expander, TRUE);
      contact_build (rec);
      scroll_to_and_focus (self, GTK_WIDGET (rec->expander), rec->rows[0]);
    }
}

static void
remove_contact_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KsPlanPage *self = KS_PLAN_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(KsContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!self->workspace || !find_contact (self, id) || !(contact = contact_in_model (self, id)))
    return;
  ks_plan_page_flush (self);
  if (!ks_contact_delete (self->workspace, id, &error))
    {
      show_error (self, _("Could Not Remove the Contact"), error);
      return;
    }
  /* Translators: a toast after a contact is removed from the plan, with "Undo" */
  title = g_strdup_printf (_("%s removed"), ks_contact_get_name (contact));
  ks_widget_add_undo_toast (GTK_WIDGET (self), title);
}

static void
show_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KsPlanPage *self = KS_PLAN_PAGE (widget);
  KsPlanList list = g_variant_get_int32 (parameter);

  if (!self->plan || list < 0 || list >= KS_PLAN_N_LISTS)
    return;
  pending_finish (self);
  self->lists[list].limit += ITEMS_PAGE;
  sync_list (self, list, FALSE);
}

static void
open_map_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (KS_IS_WINDOW (root))
    ks_window_set_account_view (KS_WINDOW (root), "map");
}

/* Building the page from the template */

static AdwPreferencesGroup *
add_group (KsPlanPage *self,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->sections_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static const char *
list_group_title (KsPlanList list)
{
  switch (list)
    {
    case KS_PLAN_PRODUCTS:
      return _("Products");
    case KS_PLAN_NOTES:
      return _("Handover Notes");
    case KS_PLAN_OBJECTIVES:
    case KS_PLAN_MEETINGS:
    case KS_PLAN_PROJECTS:
    case KS_PLAN_ACTIONS:
    case KS_PLAN_N_LISTS:
    case KS_PLAN_NO_LIST:
    default:
      return NULL;
    }
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

static void
build_list (KsPlanPage          *self,
            KsPlanList           list,
            AdwPreferencesGroup *group)
{
  const KsPlanListInfo *info = ks_plan_list_info (list);
  ListState *ls = &self->lists[list];
  GtkWidget *content = adw_button_content_new ();

  ls->group = group;
  ls->items = g_ptr_array_new_with_free_func (item_rec_free);
  ls->add_button = gtk_button_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _(info->add_label));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), FALSE);
  gtk_button_set_child (GTK_BUTTON (ls->add_button), content);
  gtk_widget_add_css_class (ls->add_button, "flat");
  gtk_widget_set_valign (ls->add_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (ls->add_button), "plan.add-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (ls->add_button), "i", (gint32) list);
  adw_preferences_group_set_header_suffix (group, ls->add_button);

  ls->limit = ITEMS_PAGE;
  ls->cap = G_MAXUINT;
  ls->more_row = g_object_ref_sink (adw_action_row_new ());   /* moved to the end by sync_list */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (ls->more_row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (ls->more_row), "plan.show-more");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (ls->more_row), "i", (gint32) list);
  adw_action_row_add_suffix (ADW_ACTION_ROW (ls->more_row), gtk_image_new_from_icon_name ("go-down-symbolic"));
  gtk_widget_add_css_class (ls->more_row, "plan-more-row");
  gtk_widget_set_visible (ls->more_row, FALSE);
  adw_preferences_group_add (group, ls->more_row);

  ls->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ls->empty_row), list_empty_text (list));
  gtk_widget_add_css_class (ls->empty_row, "dim-label");
  adw_preferences_group_add (group, ls->empty_row);
}

static void
build_page (KsPlanPage *self)
{
  guint n_sections;
  const KsPlanSectionInfo *sections = ks_plan_sections (&n_sections);
  guint n_fields;
  const KsPlanField *fields = ks_plan_fields (&n_fields);

  self->editors = g_ptr_array_new_with_free_func (editor_free);
  for (guint i = 0; i < n_fields; i++)
    g_ptr_array_add (self->editors, editor_new (self, &fields[i], i, NULL));

  for (guint s = 0; s < n_sections; s++)
    {
      const KsPlanSectionInfo *section = &sections[s];
      AdwPreferencesGroup *group = add_group (self, _(section->title), _(section->summary));

      gtk_widget_set_name (GTK_WIDGET (group), section->key);
      if (section->id == KS_PLAN_SECTION_CONTACTS)
        {
          GtkWidget *button = gtk_button_new ();
          GtkWidget *content = adw_button_content_new ();

          GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

          self->contacts_group = group;
          self->map_button = button;
          adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "network-workgroup-symbolic");
          adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Open Power Map"));
          gtk_button_set_child (GTK_BUTTON (button), content);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "plan.open-map");
          gtk_box_append (GTK_BOX (buttons), button);

          button = gtk_button_new ();
          content = adw_button_content_new ();
          self->add_contact_button = button;
          adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
          adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add Contact"));
          gtk_button_set_child (GTK_BUTTON (button), content);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "plan.add-contact");
          gtk_box_append (GTK_BOX (buttons), button);
          adw_preferences_group_set_header_suffix (group, buttons);

          self->contacts_empty = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->contacts_empty), _("No contacts yet"));
          gtk_widget_add_css_class (self->contacts_empty, "dim-label");
          adw_preferences_group_add (group, self->contacts_empty);
          /* the contacts go here; the decision process in a group of its own */
          if (section->n_fields > 0)
            group = add_group (self, NULL, NULL);
        }
      for (guint f = 0; f < section->n_fields; f++)
        adw_preferences_group_add (group, ((Editor *) g_ptr_array_index (self->editors, section->first_field + f))->row);
      if (section->list != KS_PLAN_NO_LIST)
        {
          if (section->n_fields > 0)
            group = add_group (self, list_group_title (section->list), NULL);
          build_list (self, section->list, group);
        }
    }
}

/* GObject */

static void
ks_plan_page_dispose (GObject *object)
{
  KsPlanPage *self = KS_PLAN_PAGE (object);

  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  if (self->scroll_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  set_scroll_target (self, NULL, NULL);
  pending_cancel (self);
  g_clear_pointer (&self->graveyard, g_ptr_array_unref);
  g_clear_pointer (&self->dead_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->dead_contacts, g_ptr_array_unref);
  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    g_clear_pointer (&self->lists[l].items, g_ptr_array_unref);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_pointer (&self->contact_recs, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), KS_TYPE_PLAN_PAGE);
  g_clear_object (&self->workspace);
  g_clear_object (&self->people);
  g_clear_object (&self->products);
  g_clear_object (&self->contacts);
  g_clear_pointer (&self->plan, ks_plan_free);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    g_clear_object (&self->lists[l].more_row);

  G_OBJECT_CLASS (ks_plan_page_parent_class)->dispose (object);
}

static void
ks_plan_page_finalize (GObject *object)
{
  KsPlanPage *self = KS_PLAN_PAGE (object);

  g_free (self->today);
  g_free (self->account_name);
  G_OBJECT_CLASS (ks_plan_page_parent_class)->finalize (object);
}

static void
ks_plan_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KsPlanPage *self = KS_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_plan_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KsPlanPage *self = KS_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:
      ks_plan_page_set_account_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_plan_page_class_init (KsPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_plan_page_dispose;
  object_class->finalize = ks_plan_page_finalize;
  object_class->get_property = ks_plan_page_get_property;
  object_class->set_property = ks_plan_page_set_property;

  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ks-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KsPlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KsPlanPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KsPlanPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, KsPlanPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, KsPlanPage, findings_button);
  gtk_widget_class_bind_template_child (widget_class, KsPlanPage, findings_content);
  gtk_widget_class_bind_template_child (widget_class, KsPlanPage, findings_group);
  gtk_widget_class_bind_template_child (widget_class, KsPlanPage, findings_list);

  gtk_widget_class_install_action (widget_class, "plan.add-item", "i", add_item_action);
  gtk_widget_class_install_action (widget_class, "plan.remove-item", "(ix)", remove_item_action);
  gtk_widget_class_install_action (widget_class, "plan.open-map", NULL, open_map_action);
  gtk_widget_class_install_action (widget_class, "plan.add-contact", NULL, add_contact_action);
  gtk_widget_class_install_action (widget_class, "plan.remove-contact", "x", remove_contact_action);
  gtk_widget_class_install_action (widget_class, "plan.show-more", "i", show_more_action);
  gtk_widget_class_install_action (widget_class, "plan.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "plan.print", NULL, print_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planpage");
}

static void
ks_plan_page_init (KsPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->today = today_iso ();
  self->contact_recs = g_ptr_array_new_with_free_func (contact_rec_free);
  self->findings_limit = FINDINGS_PAGE;
  self->graveyard = g_ptr_array_new_with_free_func (item_rec_free);
  self->dead_widgets = g_ptr_array_new_with_free_func (g_object_unref);
  self->dead_contacts = g_ptr_array_new_with_free_func (contact_rec_free);
  self->contacts_cap = G_MAXUINT;
  build_page (self);
  self->findings_placeholder = complete_placeholder_new ();
  gtk_list_box_set_placeholder (self->findings_list, self->findings_placeholder);
  g_signal_connect (self->findings_list, "row-activated", G_CALLBACK (on_finding_activated), self);
  refresh_findings (self);
}

GtkWidget *
ks_plan_page_new (void)
{
  return g_object_new (KS_TYPE_PLAN_PAGE, NULL);
}

void
ks_plan_page_set_workspace (KsPlanPage  *self,
                            KsWorkspace *workspace)
{
  g_return_if_fail (KS_IS_PLAN_PAGE (self));
  g_return_if_fail (!workspace || KS_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  ks_plan_page_flush (self);
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace)
    g_signal_connect_object (workspace, "changed", G_CALLBACK (on_workspace_changed),
                             self, G_CONNECT_SWAPPED);
  self->account_id = 0;
  load_references (self, TRUE, TRUE, TRUE);
  reload (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

gint64
ks_plan_page_get_account_id (KsPlanPage *self)
{
  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), 0);
  return self->account_id;
}

void
ks_plan_page_set_account_id (KsPlanPage *self,
                             gint64      account_id)
{
  g_return_if_fail (KS_IS_PLAN_PAGE (self));

  if (self->account_id == account_id)
    return;
  ks_plan_page_flush (self);
  pending_cancel (self);
  /* another account's items: start the lists afresh; the rows go at once,
   * they are freed after the next frame */
  g_clear_pointer (&self->plan, ks_plan_free);
  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    {
      ListState *ls = &self->lists[l];

      for (guint i = 0; i < ls->items->len; i++)
        {
          ItemRec *rec = g_ptr_array_index (ls->items, i);

          adw_preferences_group_remove (ls->group, GTK_WIDGET (rec->expander));
          rec->item = NULL;
          g_ptr_array_add (self->graveyard, rec);
        }
      g_ptr_array_set_free_func (ls->items, NULL);
      g_ptr_array_set_size (ls->items, 0);
      g_ptr_array_set_free_func (ls->items, item_rec_free);
      ls->limit = ITEMS_PAGE;
      ls->cap = FIRST_ROWS;
    }
  self->findings_limit = FINDINGS_PAGE;
  self->account_id = account_id;
  self->contacts_cap = FIRST_ROWS;
  self->defer = TRUE;
  load_references (self, FALSE, FALSE, TRUE);
  reload (self, TRUE);
  self->defer = FALSE;
  pending_schedule (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

void
ks_plan_page_flush (KsPlanPage *self)
{
  g_return_if_fail (KS_IS_PLAN_PAGE (self));

  if (!self->workspace || self->account_id <= 0 || !self->plan)
    return;
  for (guint i = 0; i < self->editors->len; i++)
    {
      Editor *ed = g_ptr_array_index (self->editors, i);

      if (ed->dirty)
        text_save (ed);
    }
  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    for (guint i = 0; i < self->lists[l].items->len; i++)
      {
        ItemRec *rec = g_ptr_array_index (self->lists[l].items, i);

        for (guint e = 0; rec->editors && e < rec->editors->len; e++)
          {
            Editor *ed = g_ptr_array_index (rec->editors, e);

            if (ed->dirty)
              text_save (ed);
            /* saving may reload and drop this item */
            if (!rec->editors)
              break;
          }
      }
}

GtkWidget *
ks_plan_page_get_row (KsPlanPage *self,
                      KsPlanList  list,
                      gint64      item_id,
                      const char *key)
{
  ItemRec *rec;
  int index;

  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), NULL);

  if (list == KS_PLAN_NO_LIST)
    {
      index = ks_plan_field_index (key);
      return index >= 0 ? ((Editor *) g_ptr_array_index (self->editors, index))->row : NULL;
    }
  if (!(rec = find_item (self, list, item_id)) ||
      (index = ks_plan_list_field_index (list, key)) < 0)
    return NULL;
  adw_expander_row_set_expanded (rec->expander, TRUE);
  item_build (self, rec);
  return ((Editor *) g_ptr_array_index (rec->editors, index))->row;
}

guint
ks_plan_page_get_n_items (KsPlanPage *self,
                          KsPlanList  list)
{
  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), 0);
  g_return_val_if_fail (list >= 0 && list < KS_PLAN_N_LISTS, 0);

  pending_finish (self);
  return self->lists[list].items->len;
}

gboolean
ks_plan_page_item_is_built (KsPlanPage *self,
                            KsPlanList  list,
                            gint64      item_id)
{
  ItemRec *rec;

  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), FALSE);

  rec = find_item (self, list, item_id);
  return rec && rec->editors != NULL;
}

guint
ks_plan_page_get_n_findings (KsPlanPage *self)
{
  guint n = 0;

  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), 0);

  pending_finish (self);
  /* the rows shown, not the array behind them */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "finding-index"));

      n += GTK_IS_LIST_BOX_ROW (child) && index != 0 && index != SHOW_MORE_INDEX;
    }
  return n;
}

const KsPlanFinding *
ks_plan_page_get_finding (KsPlanPage *self,
                          guint       index)
{
  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), NULL);

  if (!self->findings || index >= self->findings->len)
    return NULL;
  return g_ptr_array_index (self->findings, index);
}

const char *
ks_plan_page_get_findings_summary (KsPlanPage *self)
{
  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), NULL);

  return adw_button_content_get_label (self->findings_content);
}

void
ks_plan_page_activate_finding (KsPlanPage *self,
                               guint       index)
{
  GtkListBoxRow *row;

  g_return_if_fail (KS_IS_PLAN_PAGE (self));

  pending_finish (self);
  row = gtk_list_box_get_row_at_index (self->findings_list, index);
  if (row)
    g_signal_emit_by_name (self->findings_list, "row-activated", row);
}

gboolean
ks_plan_page_export (KsPlanPage  *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(KsPlanPrint) print = NULL;

  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->workspace || self->account_id <= 0 || !self->plan)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Could not export the plan to %s: no account is shown"), path);
      return FALSE;
    }
  ks_plan_page_flush (self);
  print = ks_plan_print_new_for_account (self->workspace, self->account_id, self->today, error);
  return print && ks_plan_print_export (print, path, error);
}

guint
ks_plan_page_get_n_contacts (KsPlanPage *self)
{
  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), 0);

  pending_finish (self);
  return self->contact_recs->len;
}

GtkWidget *
ks_plan_page_get_contact_row (KsPlanPage *self,
                              gint64      contact_id,
                              const char *key)
{
  ContactRec *rec;

  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), NULL);

  if (!(rec = find_contact (self, contact_id)))
    return NULL;
  for (guint f = 0; f < N_CONTACT_FIELDS; f++)
    if (g_strcmp0 (contact_fields[f].key, key) == 0)
      {
        adw_expander_row_set_expanded (rec->expander, TRUE);
        contact_build (rec);
        return rec->rows[f];
      }
  return NULL;
}
