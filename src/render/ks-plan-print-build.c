/* ks-plan-print-build.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turns a plan into the printed document's blocks, section by section, in
 * the template's order: a heading, the fields (the empty ones named on one
 * line), the tables, the SWOT boxes, the perception ladder and the handover
 * checklist. Every table goes through add_table(): a section gives its
 * columns (a field of its list, or a title, and a share of the width) and,
 * where a cell shows more than the field's value, a row function that fills
 * it and says which cell of an overdue row is marked.
 */
#define G_LOG_DOMAIN "ks-plan-print-build"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ks-format.h"
#include "ks-plan-print-private.h"

#define LABEL_SHARE   0.26    /* label column of a field */

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->markup);
  g_clear_object (&cell->layout);
  g_clear_pointer (&cell->lines, g_array_unref);
  g_free (cell);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_ptr_array_unref (block->cells);
  g_clear_object (&block->marks[0]);
  g_clear_object (&block->marks[1]);
  g_free (block);
}

static Block *
add_block (KsPlanPrint *self,
           BlockKind    kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->cells = g_ptr_array_new_with_free_func (cell_free);
  g_ptr_array_add (self->blocks, block);
  return block;
}

/* Takes @markup. */
static Cell *
add_cell (Block  *block,
          double  start,
          double  share,
          double  size,
          char   *markup)
{
  Cell *cell = g_new0 (Cell, 1);

  cell->markup = markup;
  cell->start = start;
  cell->share = share;
  cell->size = size;
  cell->check = -1;
  g_ptr_array_add (block->cells, cell);
  return cell;
}

static char *
color_hex (const KsColor *c)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (int) lround (CLAMP (c->red, 0, 1) * 255),
                          (int) lround (CLAMP (c->green, 0, 1) * 255),
                          (int) lround (CLAMP (c->blue, 0, 1) * 255));
}

static const char *
or_empty (const char *s)
{
  return s ? s : "";
}

static char *
esc (const char *text)
{
  return g_markup_escape_text (or_empty (text), -1);
}

/* 1234567 → "1,234,567" in the locale's way; two decimals when not whole. */
static char *
format_number (double value)
{
  return ks_format_grouped (value);
}

static char *
value_text (const KsPlanPrintData *data,
            const KsPlanField     *field,
            const KsPlanValue     *value)
{
  if (ks_plan_value_is_empty (field, value))
    return NULL;

  switch (field->kind)
    {
    case KS_PLAN_KIND_TEXT:
    case KS_PLAN_KIND_LONG_TEXT:
    case KS_PLAN_KIND_DATE:
      return g_strdup (value->text);
    case KS_PLAN_KIND_NUMBER:
      return format_number (value->number);
    case KS_PLAN_KIND_PERCENT:
      {
        g_autofree char *n = format_number (value->number);
        return g_strdup_printf ("%s %%", n);
      }
    case KS_PLAN_KIND_BOOL:
      return g_strdup (value->number != 0 ? _("Yes") : _("No"));
    case KS_PLAN_KIND_CHOICE:
      {
        const char *label = ks_plan_choice_label (field, value->text);
        return g_strdup (label ? label : value->text);
      }
    case KS_PLAN_KIND_PERSON:
      for (guint i = 0; i < data->n_people; i++)
        if (data->people[i].id == value->id)
          return g_strdup (data->people[i].name);
      break;
    case KS_PLAN_KIND_PRODUCT:
      for (guint i = 0; i < data->n_products; i++)
        if (data->products[i].id == value->id)
          return g_strdup (data->products[i].name);
      break;
    case KS_PLAN_KIND_CONTACT:
      for (guint i = 0; i < data->n_contacts; i++)
        if (data->contacts[i].id == value->id)
          return g_strdup (data->contacts[i].name);
      break;
    default:
      break;
    }
  /* A reference to something that is gone: say so rather than print nothing. */
  return g_strdup_printf (_("(unknown, #%" PRId64 ")"), value->id);
}

/* The escaped text of a scalar field, NULL when empty. */
static char *
field_markup (const KsPlanPrintData *data,
              const char            *key)
{
  int index = ks_plan_field_index (key);
  g_autofree char *text = NULL;

  g_return_val_if_fail (index >= 0, NULL);
  text = value_text (data, &ks_plan_fields (NULL)[index], &data->plan->values[index]);
  return text ? esc (text) : NULL;
}

static char *
item_markup (const KsPlanPrintData *data,
             KsPlanList             list,
             const KsPlanItem      *item,
             const char            *key)
{
  const KsPlanListInfo *info = ks_plan_list_info (list);
  int index = ks_plan_list_field_index (list, key);
  g_autofree char *text = NULL;

  g_return_val_if_fail (index >= 0, NULL);
  text = value_text (data, &info->fields[index], &item->values[index]);
  return text ? esc (text) : NULL;
}

static const char *
item_text (const KsPlanItem *item,
           KsPlanList        list,
           const char       *key)
{
  const KsPlanValue *value = ks_plan_item_get (item, list, key);
  return value && value->text ? value->text : "";
}

static char *
dash_if_null (char *markup)
{
  return markup ? markup : g_strdup ("—");
}

static const char *
list_field_label (KsPlanList  list,
                  const char *key)
{
  int index = ks_plan_list_field_index (list, key);
  g_return_val_if_fail (index >= 0, "");
  return _(ks_plan_list_info (list)->fields[index].label);
}

static void
add_heading (KsPlanPrint             *self,
             const KsPlanSectionInfo *section)
{
  Block *block = add_block (self, BLOCK_HEADING);
  g_autofree char *muted = color_hex (&self->palette->muted);
  g_autofree char *title = esc (_(section->title));
  g_autofree char *summary = esc (_(section->summary));

  block->space_before = 8;
  block->keep_with_next = TRUE;
  /* The summary follows the title on its line (and wraps under it when long). */
  add_cell (block, 0, 1, HEADING_SIZE,
            g_strdup_printf ("<b>%s</b>   <span size=\"%d\" foreground=\"%s\">%s</span>",
                             title, (int) (SMALL_SIZE * PANGO_SCALE), muted, summary));
}

/* A line of small muted text: "—", "Not filled in: …". */
static void
add_note (KsPlanPrint *self,
          const char  *text)
{
  Block *block = add_block (self, BLOCK_TEXT);
  Cell *cell = add_cell (block, 0, 1, SMALL_SIZE, esc (text));

  block->space_before = 1;
  cell->ink = INK_MUTED;
}

/* Label and wrapped text side by side; takes @markup. */
static void
add_field (KsPlanPrint *self,
           const char  *label,
           char        *markup)
{
  Block *block = add_block (self, BLOCK_TEXT);
  Cell *cell = add_cell (block, 0, LABEL_SHARE, SMALL_SIZE, g_strdup_printf ("<b>%s</b>", label));

  cell->ink = INK_MUTED;
  add_cell (block, LABEL_SHARE, 1 - LABEL_SHARE, BODY_SIZE, markup);
  block->space_before = 1;
}

/* The section's scalar fields from @first (count @n), skipping @skip keys;
 * empty ones are named on one line at the end. */
static void
add_fields (KsPlanPrint           *self,
            const KsPlanPrintData *data,
            guint                  first,
            guint                  n,
            GPtrArray             *missing)
{
  const KsPlanField *fields = ks_plan_fields (NULL);

  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *text = value_text (data, &fields[i], &data->plan->values[i]);
      g_autofree char *label = esc (_(fields[i].label));

      if (text == NULL)
        g_ptr_array_add (missing, (gpointer) _(fields[i].label));
      else
        add_field (self, label, esc (text));
    }
}

static void
add_missing (KsPlanPrint *self,
             GPtrArray   *missing)
{
  g_autoptr(GString) s = NULL;

  if (missing->len == 0)
    return;
  s = g_string_new (_("Not filled in: "));
  for (guint i = 0; i < missing->len; i++)
    {
      if (i)
        g_string_append (s, _(", "));
      g_string_append (s, g_ptr_array_index (missing, i));
    }
  add_note (self, s->str);
  g_ptr_array_set_size (missing, 0);
}

/* A table: a shaded header row of column titles, then a row per item, each
 * cell at its column's share of the width. */
typedef struct
{
  const char *key;     /* a field of the table's list: its label is the title and,
                        * unless the row function fills the cell, its value the
                        * cell ("—" when empty) */
  const char *title;   /* without a key: the title, translated */
  double      share;
} Column;

/* A row of a table as its row function sees it. */
typedef struct
{
  KsPlanPrint           *self;
  const KsPlanPrintData *data;
  gconstpointer          item;    /* a KsPlanItem of the table's list, or what the section passed */
  guint                  index;   /* from 0 */
  char                 **cells;   /* a markup per column, NULL until set; each is taken */
} Row;

/* Fills the cells of @row the columns' keys do not, or any it shows
 * otherwise. Returns the cell to show in the negative colour when the row
 * is overdue, else -1. */
typedef int (*RowFunc) (Row *row);

typedef struct
{
  KsPlanList    list;        /* whose fields the columns' keys name */
  const Column *columns;
  guint         n_columns;
  RowFunc       fill;        /* NULL: every column has a key */
  const char   *empty;       /* the note when there are no rows; NULL: none */
} Table;

/* One block per row of @rows (KsPlanItem of @table's list, unless its row
 * function reads something else), under a header row that stays with the
 * first row and is repeated at the top of a page. */
static void
add_table (KsPlanPrint           *self,
           const KsPlanPrintData *data,
           const Table           *table,
           GPtrArray             *rows)
{
  g_autofree char **cells = g_new0 (char *, table->n_columns);
  Block *header;
  double start = 0;

  if (rows->len == 0)
    {
      if (table->empty)
        add_note (self, table->empty);
      return;
    }

  header = add_block (self, BLOCK_ROW);
  header->header_row = TRUE;
  header->keep_with_next = TRUE;
  header->space_before = 4;
  for (guint c = 0; c < table->n_columns; c++)
    {
      const Column *column = &table->columns[c];
      const char *title = column->key ? list_field_label (table->list, column->key) : column->title;

      add_cell (header, start, column->share, SMALL_SIZE, g_strdup_printf ("<b>%s</b>", title));
      start += column->share;
    }

  for (guint r = 0; r < rows->len; r++)
    {
      Row row = { self, data, g_ptr_array_index (rows, r), r, cells };
      Block *block = add_block (self, BLOCK_ROW);
      int overdue;

      memset (cells, 0, table->n_columns * sizeof (char *));
      overdue = table->fill ? table->fill (&row) : -1;
      block->table_header = header;
      block->rule_below = TRUE;
      start = 0;
      for (guint c = 0; c < table->n_columns; c++)
        {
          const Column *column = &table->columns[c];

          if (!cells[c])
            cells[c] = dash_if_null (item_markup (data, table->list, row.item, column->key));
          add_cell (block, start, column->share, BODY_SIZE, cells[c]);
          start += column->share;
        }
      if (overdue >= 0)
        {
          block->overdue = TRUE;
          ((Cell *) g_ptr_array_index (block->cells, overdue))->ink = INK_NEGATIVE;
        }
    }
}

/* A table of the plan's items of @table's list. */
static void
add_list_table (KsPlanPrint           *self,
                const KsPlanPrintData *data,
                const Table           *table)
{
  add_table (self, data, table, data->plan->items[table->list]);
}

static gboolean
date_overdue (const char *due,
              const char *today)
{
  return due && *due && today && *today && strcmp (due, today) < 0;
}

static char *
overdue_markup (const char *date)
{
  g_autofree char *d = esc (date);
  /* The word is the mark; the colour only repeats it. */
  return g_strdup_printf ("<b>%s\n⚠ %s</b>", d, _("Overdue"));
}

static void
build_profile (KsPlanPrint           *self,
               const KsPlanPrintData *data,
               const KsPlanSectionInfo *section,
               GPtrArray             *missing)
{
  static const char *const figure_keys[] = { "locations", "sites", "solvency", "investment", "production" };
  const KsPlanField *fields = ks_plan_fields (NULL);
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *muted = color_hex (&self->palette->muted);
  Block *block = NULL;

  /* Key figures: the account's own, then the plan's. */
  if (data->employees >= 0)
    {
      g_autofree char *n = format_number ((double) data->employees);
      g_ptr_array_add (figures, g_strdup (_("Employees")));
      g_ptr_array_add (figures, esc (n));
    }
  else
    g_ptr_array_add (missing, (gpointer) _("Employees"));
  if (!isnan (data->revenue))
    {
      g_autofree char *n = format_number (data->revenue);
      g_ptr_array_add (figures, g_strdup (_("Annual revenue")));
      g_ptr_array_add (figures, esc (n));
    }
  else
    g_ptr_array_add (missing, (gpointer) _("Annual revenue"));
  for (guint i = 0; i < G_N_ELEMENTS (figure_keys); i++)
    {
      char *text = field_markup (data, figure_keys[i]);
      if (text)
        {
          g_ptr_array_add (figures, esc (_(fields[ks_plan_field_index (figure_keys[i])].label)));
          g_ptr_array_add (figures, text);
        }
      else
        g_ptr_array_add (missing, (gpointer) _(fields[ks_plan_field_index (figure_keys[i])].label));
    }
  for (guint i = 0; i < figures->len / 2; i++)
    {
      if (i % 3 == 0)
        {
          block = add_block (self, BLOCK_ROW);
          block->space_before = i == 0 ? 2 : 0;
        }
      add_cell (block, (i % 3) / 3.0, 1 / 3.0, BODY_SIZE,
                g_strdup_printf ("<span size=\"%d\" foreground=\"%s\"><b>%s</b></span>\n%s",
                                 (int) (SMALL_SIZE * PANGO_SCALE), muted,
                                 (char *) g_ptr_array_index (figures, 2 * i),
                                 (char *) g_ptr_array_index (figures, 2 * i + 1)));
    }

  for (guint i = section->first_field; i < section->first_field + section->n_fields; i++)
    {
      gboolean figure = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (figure_keys); k++)
        figure |= strcmp (fields[i].key, figure_keys[k]) == 0;
      if (!figure)
        add_fields (self, data, i, 1, missing);
    }
}

static int
objective_row (Row *row)
{
  row->cells[0] = g_strdup_printf ("<b>%u.</b>", row->index + 1);
  return -1;
}

static const Column objective_columns[] = {
  { .title = "#", .share = 0.05 },
  { .key = "objective", .share = 0.37 },
  { .key = "measure", .share = 0.30 },
  { .key = "due", .share = 0.12 },
  { .key = "owner", .share = 0.16 },
};
static const Table objective_table = {
  KS_PLAN_OBJECTIVES, objective_columns, G_N_ELEMENTS (objective_columns), objective_row, "—",
};

static const char *
power_label (KsDecisionPower power)
{
  switch (power)
    {
    case KS_POWER_HIGH:
      return _("1 High");
    case KS_POWER_MEDIUM:
      return _("2 Medium");
    case KS_POWER_LOW:
      return _("3 Low");
    case KS_POWER_UNKNOWN:
    default:
      return "—";
    }
}

/* "a\nb" of the non-empty ones, escaped; "—" when both are empty. */
static char *
two_lines (const char *a,
           const char *b)
{
  g_autofree char *ea = esc (a);
  g_autofree char *eb = esc (b);

  if (*or_empty (a) && *or_empty (b))
    return g_strdup_printf ("%s\n%s", ea, eb);
  if (*or_empty (a))
    return g_steal_pointer (&ea);
  if (*or_empty (b))
    return g_steal_pointer (&eb);
  return g_strdup ("—");
}

static int
contact_row (Row *row)
{
  const KsPlanPrintContact *c = row->item;
  g_autofree char *name = esc (c->name);

  row->cells[0] = g_strdup_printf ("<b>%s</b>", name);
  row->cells[1] = two_lines (c->title, c->department);
  row->cells[2] = two_lines (c->phone, c->email);
  row->cells[3] = two_lines (c->channel, c->time_zone);
  row->cells[4] = esc (power_label (c->power));
  return -1;
}

static void
build_contacts (KsPlanPrint           *self,
                const KsPlanPrintData *data)
{
  const Column columns[] = {
    { .title = _("Name"), .share = 0.22 },
    { .title = _("Title and department"), .share = 0.24 },
    { .title = _("Phone and e-mail"), .share = 0.27 },
    { .title = _("Channel and time zone"), .share = 0.16 },
    { .title = _("Decision power"), .share = 0.11 },
  };
  const Table table = {
    .columns = columns, .n_columns = G_N_ELEMENTS (columns), .fill = contact_row,
    .empty = _("No contacts on the power map yet."),
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_sized_new (data->n_contacts);

  for (guint i = 0; i < data->n_contacts; i++)
    g_ptr_array_add (rows, (gpointer) &data->contacts[i]);
  add_table (self, data, &table, rows);
}

static const Column product_columns[] = {
  { .key = "product", .share = 0.35 },
  { .key = "volume", .share = 0.20 },
  { .key = "price_notes", .share = 0.45 },
};
static const Table product_table = {
  KS_PLAN_PRODUCTS, product_columns, G_N_ELEMENTS (product_columns), NULL, "—",
};

/* Attendees (ours, theirs) and next steps (due date, overdue, done). */
static int
meeting_row (Row *row)
{
  const KsPlanItem *item = row->item;
  const KsPlanPrintData *data = row->data;
  g_autofree char *ours = item_markup (data, KS_PLAN_MEETINGS, item, "ours");
  g_autofree char *theirs = item_markup (data, KS_PLAN_MEETINGS, item, "theirs");
  g_autofree char *steps = item_markup (data, KS_PLAN_MEETINGS, item, "next_steps");
  const char *due = item_text (item, KS_PLAN_MEETINGS, "next_due");
  const KsPlanValue *done = ks_plan_item_get (item, KS_PLAN_MEETINGS, "next_done");
  gboolean is_done = done && done->number != 0;
  gboolean overdue = !is_done && (steps || *due) && date_overdue (due, row->self->today);
  GString *att = g_string_new (NULL);
  GString *next = g_string_new (steps ? steps : "");

  if (ours)
    g_string_append_printf (att, "<b>%s</b> %s", _("Ours:"), ours);
  if (theirs)
    g_string_append_printf (att, "%s<b>%s</b> %s", att->len ? "\n" : "", _("Theirs:"), theirs);
  if (att->len == 0)
    g_string_append (att, "—");
  if (*due && overdue)
    {
      g_autofree char *mark = overdue_markup (due);
      g_string_append_printf (next, "%s%s", next->len ? "\n" : "", mark);
    }
  else if (*due)
    {
      g_autofree char *d = esc (due);
      g_string_append_printf (next, "%s%s %s", next->len ? "\n" : "", _("Due"), d);
    }
  if (is_done && (steps || *due))
    g_string_append_printf (next, "%s✓ %s", next->len ? "\n" : "", _("Done"));
  if (next->len == 0)
    g_string_append (next, "—");
  row->cells[1] = g_string_free (att, FALSE);
  row->cells[3] = g_string_free (next, FALSE);
  return overdue ? 3 : -1;
}

static void
build_meetings (KsPlanPrint           *self,
                const KsPlanPrintData *data)
{
  const Column columns[] = {
    { .key = "date", .share = 0.12 },
    { .title = _("Attendees"), .share = 0.24 },
    { .key = "notes", .share = 0.38 },
    { .key = "next_steps", .share = 0.26 },
  };
  const Table table = {
    KS_PLAN_MEETINGS, columns, G_N_ELEMENTS (columns), meeting_row, "—",
  };

  add_list_table (self, data, &table);
}

static void
append_line (GString    *s,
             const char *label,
             char       *markup)  /* taken */
{
  if (!markup)
    return;
  if (s->len)
    g_string_append_c (s, '\n');
  if (label)
    g_string_append_printf (s, "<b>%s</b> ", label);
  g_string_append (s, markup);
  g_free (markup);
}

static char *
string_or_dash (GString *s)
{
  if (s->len == 0)
    g_string_append (s, "—");
  return g_string_free (s, FALSE);
}

/* Name with probability, volume and budget; description with milestones;
 * up to three competitors; the customer's and our people. */
static int
project_row (Row *row)
{
  const KsPlanItem *item = row->item;
  const KsPlanPrintData *data = row->data;
  GString *name = g_string_new (NULL);
  GString *desc = g_string_new (NULL);
  GString *comp = g_string_new (NULL);
  GString *people = g_string_new (NULL);
  char *n = item_markup (data, KS_PLAN_PROJECTS, item, "name");

  if (n)
    g_string_append_printf (name, "<b>%s</b>", n);
  g_free (n);
  append_line (name, list_field_label (KS_PLAN_PROJECTS, "probability"),
               item_markup (data, KS_PLAN_PROJECTS, item, "probability"));
  append_line (name, list_field_label (KS_PLAN_PROJECTS, "volume"),
               item_markup (data, KS_PLAN_PROJECTS, item, "volume"));
  append_line (name, list_field_label (KS_PLAN_PROJECTS, "budget"),
               item_markup (data, KS_PLAN_PROJECTS, item, "budget"));
  append_line (desc, NULL, item_markup (data, KS_PLAN_PROJECTS, item, "description"));
  append_line (desc, list_field_label (KS_PLAN_PROJECTS, "milestones"),
               item_markup (data, KS_PLAN_PROJECTS, item, "milestones"));
  append_line (comp, NULL, item_markup (data, KS_PLAN_PROJECTS, item, "competitor1"));
  append_line (comp, NULL, item_markup (data, KS_PLAN_PROJECTS, item, "competitor2"));
  append_line (comp, NULL, item_markup (data, KS_PLAN_PROJECTS, item, "competitor3"));
  append_line (people, _("Customer:"), item_markup (data, KS_PLAN_PROJECTS, item, "contact"));
  append_line (people, _("Ours:"), item_markup (data, KS_PLAN_PROJECTS, item, "owner"));
  row->cells[0] = string_or_dash (name);
  row->cells[1] = string_or_dash (desc);
  row->cells[2] = string_or_dash (comp);
  row->cells[3] = string_or_dash (people);
  return -1;
}

static void
build_projects (KsPlanPrint           *self,
                const KsPlanPrintData *data)
{
  const Column columns[] = {
    { .key = "name", .share = 0.27 },
    { .key = "description", .share = 0.35 },
    { .title = _("Competitors"), .share = 0.17 },
    { .title = _("People"), .share = 0.21 },
  };
  const Table table = {
    KS_PLAN_PROJECTS, columns, G_N_ELEMENTS (columns), project_row, "—",
  };

  add_list_table (self, data, &table);
}

static void
build_swot (KsPlanPrint           *self,
            const KsPlanPrintData *data)
{
  static const char *const keys[] = { "strengths", "weaknesses", "opportunities", "threats" };
  const KsPlanField *fields = ks_plan_fields (NULL);
  g_autofree char *muted = color_hex (&self->palette->muted);
  gboolean any = FALSE;
  Block *block = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *help_key = g_strconcat (keys[i], "_help", NULL);
      g_autofree char *a = field_markup (data, keys[i]);
      g_autofree char *b = field_markup (data, help_key);
      any |= a != NULL || b != NULL;
    }
  if (!any)
    {
      add_note (self, "—");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *help_key = g_strconcat (keys[i], "_help", NULL);
      g_autofree char *text = dash_if_null (field_markup (data, keys[i]));
      g_autofree char *help = dash_if_null (field_markup (data, help_key));
      g_autofree char *title = esc (_(fields[ks_plan_field_index (keys[i])].label));
      g_autofree char *question = esc (_(fields[ks_plan_field_index (help_key)].label));

      if (i % 2 == 0)
        {
          block = add_block (self, BLOCK_ROW);
          block->boxed = TRUE;
          block->space_before = i == 0 ? 4 : 0;
        }
      add_cell (block, (i % 2) * 0.5, 0.5, BODY_SIZE,
                g_strdup_printf ("<b>%s</b>\n%s\n<span size=\"%d\" foreground=\"%s\"><b>%s</b></span>\n%s",
                                 title, text, (int) (SMALL_SIZE * PANGO_SCALE), muted,
                                 question, help));
    }
}

static void
build_perception (KsPlanPrint           *self,
                  const KsPlanPrintData *data,
                  GPtrArray             *missing)
{
  const KsPlanValue *current = ks_plan_get (data->plan, "perception_current");
  const KsPlanValue *target = ks_plan_get (data->plan, "perception_target");
  const KsPlanField *field = &ks_plan_fields (NULL)[ks_plan_field_index ("perception_current")];
  const char * const *levels = ks_plan_perception_levels ();
  Block *block = add_block (self, BLOCK_LADDER);

  block->space_before = 4;
  block->ladder_current = ks_plan_perception_rank (current ? current->text : NULL);
  block->ladder_target = ks_plan_perception_rank (target ? target->text : NULL);
  for (guint i = 0; levels[i]; i++)
    {
      Cell *cell = add_cell (block, i / 8.0, 1 / 8.0, SMALL_SIZE,
                             esc (ks_plan_choice_label (field, levels[i])));
      cell->centered = TRUE;
      if ((int) i + 1 == block->ladder_current || (int) i + 1 == block->ladder_target)
        {
          g_autofree char *m = cell->markup;
          cell->markup = g_strdup_printf ("<b>%s</b>", m);
        }
    }
  add_fields (self, data, (guint) ks_plan_field_index ("perception_current"), 2, missing);
}

/* An open action past its due date: the date, marked. */
static int
action_row (Row *row)
{
  const KsPlanItem *item = row->item;
  const char *due = item_text (item, KS_PLAN_ACTIONS, "due");
  const char *status = item_text (item, KS_PLAN_ACTIONS, "status");
  gboolean closed = strcmp (status, "done") == 0 || strcmp (status, "dropped") == 0;
  gboolean overdue = !closed && date_overdue (due, row->self->today);

  if (!overdue)
    return -1;
  row->cells[2] = overdue_markup (due);
  return 2;
}

static const Column action_columns[] = {
  { .key = "action", .share = 0.48 },
  { .key = "owner", .share = 0.19 },
  { .key = "due", .share = 0.17 },
  { .key = "status", .share = 0.16 },
};
static const Table action_table = {
  KS_PLAN_ACTIONS, action_columns, G_N_ELEMENTS (action_columns), action_row, "—",
};

static const Column note_columns[] = {
  { .key = "date", .share = 0.13 },
  { .key = "author", .share = 0.17 },
  { .key = "text", .share = 0.70 },
};
static const Table note_table = {
  KS_PLAN_NOTES, note_columns, G_N_ELEMENTS (note_columns), NULL, NULL,
};

static void
build_handover (KsPlanPrint             *self,
                const KsPlanPrintData   *data,
                const KsPlanSectionInfo *section,
                GPtrArray               *missing)
{
  const KsPlanField *fields = ks_plan_fields (NULL);
  Block *checks = NULL;
  guint n_checks = 0;

  for (guint i = section->first_field; i < section->first_field + section->n_fields; i++)
    if (fields[i].kind != KS_PLAN_KIND_BOOL)
      add_fields (self, data, i, 1, missing);

  /* The checklist, two items a row: a drawn box (ticked or not) and the word. */
  for (guint i = section->first_field; i < section->first_field + section->n_fields; i++)
    if (fields[i].kind == KS_PLAN_KIND_BOOL)
      {
        gboolean done = data->plan->values[i].number != 0;
        double start = (n_checks % 2) * 0.5;
        Cell *cell;

        if (n_checks++ % 2 == 0)
          {
            /* The checklist is read as one: its rows stay on one page. */
            if (checks)
              checks->keep_with_next = TRUE;
            checks = add_block (self, BLOCK_ROW);
            checks->space_before = 1;
          }
        cell = add_cell (checks, start, 0.40, BODY_SIZE, esc (_(fields[i].label)));
        cell->check = done ? 1 : 0;
        cell = add_cell (checks, start + 0.40, 0.10, BODY_SIZE,
                         g_strdup (done ? _("Done") : _("Not yet")));
        cell->ink = done ? INK_FOREGROUND : INK_MUTED;
      }
  add_missing (self, missing);
  add_list_table (self, data, &note_table);
}

void
_ks_plan_print_build (KsPlanPrint           *self,
                      const KsPlanPrintData *data)
{
  guint n_sections;
  const KsPlanSectionInfo *sections = ks_plan_sections (&n_sections);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GDateTime) now = NULL;

  self->account_name = g_strdup (or_empty (data->account_name));
  self->owner_name = g_strdup (or_empty (data->owner_name));
  if (data->today && *data->today)
    self->today = g_strdup (data->today);
  else
    {
      now = g_date_time_new_now_local ();
      self->today = g_date_time_format (now, "%Y-%m-%d");
    }
  self->blocks = g_ptr_array_new_with_free_func (block_free);

  for (guint s = 0; s < n_sections; s++)
    {
      const KsPlanSectionInfo *section = &sections[s];

      add_heading (self, section);
      switch (section->id)
        {
        case KS_PLAN_SECTION_PROFILE:
          build_profile (self, data, section, missing);
          break;
        case KS_PLAN_SECTION_OBJECTIVES:
          add_list_table (self, data, &objective_table);
          break;
        case KS_PLAN_SECTION_CONTACTS:
          build_contacts (self, data);
          add_fields (self, data, section->first_field, section->n_fields, missing);
          break;
        case KS_PLAN_SECTION_PRODUCTS:
          add_list_table (self, data, &product_table);
          add_fields (self, data, section->first_field, section->n_fields, missing);
          break;
        case KS_PLAN_SECTION_MEETINGS:
          build_meetings (self, data);
          break;
        case KS_PLAN_SECTION_PROJECTS:
          build_projects (self, data);
          break;
        case KS_PLAN_SECTION_SWOT:
          build_swot (self, data);
          break;
        case KS_PLAN_SECTION_PERCEPTION:
          build_perception (self, data, missing);
          break;
        case KS_PLAN_SECTION_KNOWLEDGE:
          add_fields (self, data, section->first_field, section->n_fields, missing);
          if (missing->len == section->n_fields)
            {
              g_ptr_array_set_size (missing, 0);
              add_note (self, "—");
            }
          break;
        case KS_PLAN_SECTION_ACTIONS:
          add_list_table (self, data, &action_table);
          break;
        case KS_PLAN_SECTION_HANDOVER:
          build_handover (self, data, section, missing);
          break;
        case KS_PLAN_N_SECTIONS:
        default:
          g_assert_not_reached ();
        }
      add_missing (self, missing);
    }
}
