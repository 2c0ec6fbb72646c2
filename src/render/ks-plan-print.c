/* ks-plan-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is a list of blocks (a section heading, a paragraph, a table
 * row, the perception ladder), each made of cells that hold pango markup at a
 * share of the content width. ks_plan_print_paginate() lays every cell out
 * for the page width and puts the blocks on pages as pieces: a piece shows,
 * per cell, a run of whole lines, so a paragraph (or a table row taller than
 * a page) continues on the next page exactly where it stopped. Table rows
 * stay whole otherwise, and a table's header row is repeated on a new page.
 */
#define G_LOG_DOMAIN "ks-plan-print"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "ks-account.h"
#include "ks-contact.h"
#include "ks-export.h"
#include "ks-format.h"
#include "ks-palette.h"
#include "ks-person.h"
#include "ks-plan-print.h"
#include "ks-product.h"

#define MARGIN        36.0    /* half an inch: inside every printer's unprintable border */
#define BODY_SIZE     9.0
#define SMALL_SIZE    8.0
#define HEADING_SIZE  12.0
#define TITLE_SIZE    14.0
#define PAD_X         4.0
#define PAD_Y         2.5
#define CHECK_SIZE    8.0
#define LABEL_SHARE   0.26    /* label column of a field */
#define LADDER_BARS   32.0

typedef enum
{
  INK_FOREGROUND,
  INK_MUTED,
  INK_NEGATIVE,
} Ink;

typedef struct
{
  double top;       /* logical extents in the layout, points */
  double bottom;
  double baseline;
  double x;         /* the line's start, alignment and direction included */
} LineInfo;

typedef struct
{
  char        *markup;
  double       start;    /* share of the content width */
  double       share;
  double       size;     /* font size, points */
  Ink          ink;
  gboolean     centered;
  /* Set by paginate. */
  PangoLayout *layout;
  GArray      *lines;    /* LineInfo */
  double       x;        /* from the content's left edge */
  double       width;
  double       inset;    /* left space inside the cell (check box) */
  int          check;    /* -1 none, 0 open box, 1 ticked box */
} Cell;

typedef enum
{
  BLOCK_HEADING,   /* section title and summary */
  BLOCK_TEXT,      /* splits between lines anywhere */
  BLOCK_ROW,       /* table row: whole unless taller than a page */
  BLOCK_LADDER,    /* the perception ladder: drawn, fixed height */
} BlockKind;

typedef struct _Block Block;
struct _Block
{
  BlockKind  kind;
  GPtrArray *cells;            /* Cell */
  double     space_before;     /* dropped at the top of a page */
  gboolean   keep_with_next;
  gboolean   header_row;       /* shaded: the column titles of a table */
  gboolean   rule_below;       /* a line under the row */
  gboolean   boxed;            /* each cell framed (SWOT) */
  gboolean   overdue;          /* a bar in the negative colour at the left */
  Block     *table_header;     /* repeated at the top of a page */
  int        ladder_current;   /* 1–8, 0 = not set */
  int        ladder_target;
  /* Set by paginate (ladder). */
  double     height;
  PangoLayout *marks[2];       /* "Today", "Target" */
};

typedef struct
{
  Block  *block;
  double  y;        /* top on the page */
  double  height;
  guint  *start;    /* per cell: first line shown */
  guint  *end;      /* per cell: one past the last line shown */
} Piece;

struct _KsPlanPrint
{
  KsPalette    *palette;
  PangoContext *context;
  char         *account_name;
  char         *owner_name;
  char         *today;
  GPtrArray    *blocks;     /* Block */
  /* Set by paginate. */
  double        page_width;
  double        page_height;
  double        content_top;
  PangoLayout  *title;
  PangoLayout  *meta;
  GPtrArray    *pages;      /* GPtrArray of Piece */
};

/* --- the document ------------------------------------------------------- */

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

static void
piece_free (gpointer data)
{
  Piece *piece = data;

  g_free (piece->start);
  g_free (piece->end);
  g_free (piece);
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
  return g_strdup_printf (_("(unknown, #%" G_GINT64_FORMAT ")"), value->id);
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

static void
build (KsPlanPrint           *self,
       const KsPlanPrintData *data)
{
  guint n_sections;
  const KsPlanSectionInfo *sections = ks_plan_sections (&n_sections);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

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

KsPlanPrint *
ks_plan_print_new (const KsPlanPrintData *data)
{
  KsPlanPrint *self;
  cairo_font_options_t *options;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (data != NULL && data->plan != NULL, NULL);

  self = g_new0 (KsPlanPrint, 1);
  self->palette = ks_palette_new (KS_PALETTE_LIGHT);
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

  /* Metrics that do not depend on the device: the same line breaks on
   * screen, in a PDF and on paper. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  build (self, data);
  return self;
}

void
ks_plan_print_free (KsPlanPrint *self)
{
  if (!self)
    return;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->title);
  g_clear_object (&self->meta);
  g_ptr_array_unref (self->blocks);
  g_object_unref (self->context);
  ks_palette_free (self->palette);
  g_free (self->account_name);
  g_free (self->owner_name);
  g_free (self->today);
  g_free (self);
}

/* --- layout --------------------------------------------------------------- */

static PangoLayout *
new_layout (KsPlanPrint *self,
            const char  *markup,
            double       size,
            double       width,
            gboolean     bold)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string (self->palette->font_family);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static void
measure_cell (KsPlanPrint *self,
              Block       *block,
              Cell        *cell,
              double       content_width)
{
  PangoLayoutIter *iter;
  double left = cell->start * content_width;
  double right = (cell->start + cell->share) * content_width;

  cell->inset = cell->check >= 0 ? CHECK_SIZE + 5 : 0;
  cell->x = left;
  cell->width = right - left;
  g_clear_object (&cell->layout);
  cell->layout = new_layout (self, cell->markup, cell->size,
                             cell->width - 2 * PAD_X - cell->inset, FALSE);
  if (cell->centered)
    pango_layout_set_alignment (cell->layout, PANGO_ALIGN_CENTER);

  g_clear_pointer (&cell->lines, g_array_unref);
  cell->lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  iter = pango_layout_get_iter (cell->layout);
  do
    {
      PangoRectangle logical;
      int y0, y1;
      LineInfo info;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      info.top = (double) y0 / PANGO_SCALE;
      info.bottom = (double) y1 / PANGO_SCALE;
      info.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      info.x = (double) logical.x / PANGO_SCALE;
      g_array_append_val (cell->lines, info);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static double
lines_height (const Cell *cell,
              guint       from,
              guint       to)
{
  if (to <= from)
    return 0;
  return g_array_index (cell->lines, LineInfo, to - 1).bottom -
         g_array_index (cell->lines, LineInfo, from).top;
}

/* Space above and below a block's text. */
static double
vpad (const Block *block)
{
  return 2 * PAD_Y + (block->kind == BLOCK_HEADING ? 3 : 0);
}

/* Room above the bars for "Today" and "Target", when either is set. */
static double
marks_height (const Block *block)
{
  return block->ladder_current || block->ladder_target ? 22 : 0;
}

static double
ladder_label_height (Block *block)
{
  double h = 0;

  for (guint c = 0; c < block->cells->len; c++)
    {
      Cell *cell = g_ptr_array_index (block->cells, c);
      h = MAX (h, lines_height (cell, 0, cell->lines->len));
    }
  return h;
}

static double
full_height (Block *block)
{
  double h = 0;

  if (block->kind == BLOCK_LADDER)
    return block->height;
  for (guint c = 0; c < block->cells->len; c++)
    {
      Cell *cell = g_ptr_array_index (block->cells, c);
      h = MAX (h, lines_height (cell, 0, cell->lines->len) + vpad (block));
    }
  return h;
}

/* The least a block needs where it starts: a line of text, or all of it. */
static double
first_height (Block *block)
{
  double h = 0;

  if (block->kind != BLOCK_TEXT)
    return full_height (block);
  for (guint c = 0; c < block->cells->len; c++)
    {
      Cell *cell = g_ptr_array_index (block->cells, c);
      h = MAX (h, lines_height (cell, 0, MIN (1, cell->lines->len)) + vpad (block));
    }
  return h;
}

typedef struct
{
  KsPlanPrint *self;
  GPtrArray   *page;
  double       y;
  double       top;
  double       bottom;
} Flow;

static void
new_page (Flow *flow)
{
  flow->page = g_ptr_array_new_with_free_func (piece_free);
  g_ptr_array_add (flow->self->pages, flow->page);
  flow->y = flow->top;
}

/* Places as many lines of @block (from @cursor on) as fit below flow->y;
 * advances @cursor. Returns FALSE when nothing fitted. @force takes at
 * least one line of each unfinished cell. */
static gboolean
place_piece (Flow     *flow,
             Block    *block,
             guint    *cursor,
             gboolean  force)
{
  guint n = block->cells->len;
  Piece *piece = g_new0 (Piece, 1);
  double avail = flow->bottom - flow->y;
  double height = 0;
  gboolean progress = FALSE;

  piece->block = block;
  piece->y = flow->y;
  piece->start = g_new0 (guint, MAX (n, 1));
  piece->end = g_new0 (guint, MAX (n, 1));
  for (guint c = 0; c < n; c++)
    {
      Cell *cell = g_ptr_array_index (block->cells, c);
      guint k = cursor[c];

      piece->start[c] = k;
      if (block->kind == BLOCK_LADDER)
        k = cell->lines->len;
      else
        while (k < cell->lines->len &&
               (lines_height (cell, cursor[c], k + 1) + vpad (block) <= avail ||
                (force && k == cursor[c])))
          k++;
      piece->end[c] = k;
      progress |= k > cursor[c];
      height = MAX (height, lines_height (cell, cursor[c], k) + vpad (block));
    }
  if (block->kind == BLOCK_LADDER)
    height = block->height;

  if (!progress)
    {
      piece_free (piece);
      return FALSE;
    }
  for (guint c = 0; c < n; c++)
    cursor[c] = piece->end[c];
  piece->height = height;
  g_ptr_array_add (flow->page, piece);
  flow->y += height;
  return TRUE;
}

static gboolean
block_done (Block       *block,
            const guint *cursor)
{
  for (guint c = 0; c < block->cells->len; c++)
    if (cursor[c] < ((Cell *) g_ptr_array_index (block->cells, c))->lines->len)
      return FALSE;
  return TRUE;
}

/* Starts a page; a table continues under its header row. */
static void
continue_on_new_page (Flow  *flow,
                      Block *block)
{
  new_page (flow);
  if (block->table_header)
    {
      g_autofree guint *cursor = g_new0 (guint, block->table_header->cells->len);
      place_piece (flow, block->table_header, cursor, TRUE);
    }
}

static void
flow_block (Flow  *flow,
            Block *block,
            double keep)
{
  g_autofree guint *cursor = g_new0 (guint, MAX (block->cells->len, 1));
  double page = flow->bottom - flow->top;
  double header = block->table_header ? full_height (block->table_header) : 0;
  gboolean whole = block->kind != BLOCK_TEXT;

  if (flow->y > flow->top)
    {
      double need = MAX (keep, whole ? full_height (block) : first_height (block));

      /* A row that fits on a page is never split; a heading takes its first
       * content along. */
      if (block->space_before + need > flow->bottom - flow->y &&
          (!whole || full_height (block) + header <= page || block->kind == BLOCK_HEADING ||
           block->space_before + first_height (block) > flow->bottom - flow->y))
        continue_on_new_page (flow, block);
      else
        flow->y += block->space_before;
    }

  while (!block_done (block, cursor))
    {
      if (!place_piece (flow, block, cursor, flow->y <= flow->top + header + 0.01))
        continue_on_new_page (flow, block);
    }
}

guint
ks_plan_print_paginate (KsPlanPrint *self,
                        double       page_width,
                        double       page_height)
{
  double content_width;
  Flow flow = { 0 };
  g_autofree char *meta = NULL;
  g_autofree char *name = NULL;
  PangoRectangle title_rect, meta_rect;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (page_width > 4 * MARGIN && page_height > 4 * MARGIN, 0);

  self->page_width = page_width;
  self->page_height = page_height;
  content_width = page_width - 2 * MARGIN;

  /* The header: account name (wrapped, beside "Page n of m"), owner and date. */
  name = esc (self->account_name);
  g_clear_object (&self->title);
  self->title = new_layout (self, name, TITLE_SIZE, content_width - 90, TRUE);
  if (*self->owner_name)
    meta = g_strdup_printf (_("Account plan · Owner: %s · Printed %s"), self->owner_name, self->today);
  else
    meta = g_strdup_printf (_("Account plan · No owner · Printed %s"), self->today);
  {
    g_autofree char *m = esc (meta);
    g_clear_object (&self->meta);
    self->meta = new_layout (self, m, SMALL_SIZE, content_width - 90, FALSE);
  }
  pango_layout_get_extents (self->title, NULL, &title_rect);
  pango_layout_get_extents (self->meta, NULL, &meta_rect);
  self->content_top = MARGIN + (double) (title_rect.height + meta_rect.height) / PANGO_SCALE + 10;

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);

      for (guint c = 0; c < block->cells->len; c++)
        measure_cell (self, block, g_ptr_array_index (block->cells, c), content_width);
      if (block->kind == BLOCK_LADDER)
        {
          const char *words[2] = { _("Today"), _("Target") };
          for (guint i = 0; i < 2; i++)
            {
              g_autofree char *m = g_strdup_printf ("<b>%s</b>", words[i]);
              g_clear_object (&block->marks[i]);
              block->marks[i] = new_layout (self, m, SMALL_SIZE, content_width / 8 - 2, FALSE);
              pango_layout_set_alignment (block->marks[i], PANGO_ALIGN_CENTER);
            }
          /* Two marks, the bars, the labels. */
          block->height = marks_height (block) + LADDER_BARS + 4 + ladder_label_height (block) + 2 * PAD_Y;
        }
    }

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  flow.self = self;
  flow.top = self->content_top;
  flow.bottom = page_height - MARGIN;
  new_page (&flow);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);
      double keep = 0;

      /* A heading (and a table's header row) stays with what follows it. */
      for (guint k = b; k < self->blocks->len; k++)
        {
          Block *next = g_ptr_array_index (self->blocks, k);
          if (k > b)
            keep += next->space_before;
          if (!next->keep_with_next || k + 1 == self->blocks->len)
            {
              keep += first_height (next);
              break;
            }
          keep += full_height (next);
        }
      flow_block (&flow, block, keep);
    }
  return self->pages->len;
}

guint
ks_plan_print_get_n_pages (KsPlanPrint *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages ? self->pages->len : 0;
}

/* --- drawing -------------------------------------------------------------- */

static const KsColor *
ink_color (KsPlanPrint *self,
           Ink          ink)
{
  switch (ink)
    {
    case INK_MUTED:
      return &self->palette->muted;
    case INK_NEGATIVE:
      return &self->palette->negative;
    case INK_FOREGROUND:
    default:
      return &self->palette->foreground;
    }
}

static void
draw_check (KsPlanPrint *self,
            cairo_t     *cr,
            double       x,
            double       y,
            gboolean     ticked)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 0.8);
  ks_color_set_source (cr, &self->palette->foreground);
  cairo_rectangle (cr, x + 0.4, y + 0.4, CHECK_SIZE - 0.8, CHECK_SIZE - 0.8);
  cairo_stroke (cr);
  if (ticked)
    {
      cairo_set_line_width (cr, 1.4);
      ks_color_set_source (cr, &self->palette->positive);
      cairo_move_to (cr, x + 1.6, y + CHECK_SIZE * 0.52);
      cairo_line_to (cr, x + CHECK_SIZE * 0.42, y + CHECK_SIZE - 1.8);
      cairo_line_to (cr, x + CHECK_SIZE - 1.2, y + 1.6);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_ladder (KsPlanPrint *self,
             cairo_t     *cr,
             Block       *block,
             double       left,
             double       top)
{
  double bars_top = top + PAD_Y + marks_height (block);
  double labels_top = bars_top + LADDER_BARS + 4;
  KsColor idle = ks_color_mix (&self->palette->grid, &self->palette->surface, 0.3);

  for (guint i = 0; i < block->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (block->cells, i);
      double h = 14 + i * (LADDER_BARS - 14) / 7.0;
      double x = left + cell->x + 3;
      double w = cell->width - 6;
      gboolean current = (int) i + 1 == block->ladder_current;
      gboolean target = (int) i + 1 == block->ladder_target;
      double mark_y = bars_top + LADDER_BARS - h - 2;

      cairo_rectangle (cr, x, bars_top + LADDER_BARS - h, w, h);
      if (current)
        ks_color_set_source (cr, &self->palette->accent);
      else if (target)
        ks_color_set_source (cr, &self->palette->surface);
      else
        ks_color_set_source (cr, &idle);
      cairo_fill_preserve (cr);
      if (target)
        {
          /* The target: an outline in the positive colour, dashed, around
           * whatever fill the bar has. */
          static const double dash[] = { 3, 2 };
          cairo_save (cr);
          cairo_set_line_width (cr, 1.6);
          cairo_set_dash (cr, dash, 2, 0);
          ks_color_set_source (cr, &self->palette->positive);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      else
        cairo_new_path (cr);

      /* The words above the bar are the marks; the fills only repeat them. */
      ks_color_set_source (cr, &self->palette->foreground);
      if (target)
        {
          PangoRectangle r;
          pango_layout_get_extents (block->marks[1], NULL, &r);
          mark_y -= (double) r.height / PANGO_SCALE;
          cairo_move_to (cr, left + cell->x + 1, mark_y);
          pango_cairo_show_layout (cr, block->marks[1]);
        }
      if (current)
        {
          PangoRectangle r;
          pango_layout_get_extents (block->marks[0], NULL, &r);
          mark_y -= (double) r.height / PANGO_SCALE;
          cairo_move_to (cr, left + cell->x + 1, mark_y);
          pango_cairo_show_layout (cr, block->marks[0]);
        }

      ks_color_set_source (cr, current || target ? &self->palette->foreground : &self->palette->muted);
      cairo_move_to (cr, left + cell->x + PAD_X, labels_top);
      pango_cairo_show_layout (cr, cell->layout);
    }
}

static void
draw_piece (KsPlanPrint *self,
            cairo_t     *cr,
            Piece       *piece,
            double       left,
            double       width)
{
  Block *block = piece->block;

  if (block->kind == BLOCK_LADDER)
    {
      draw_ladder (self, cr, block, left, piece->y);
      return;
    }

  if (block->header_row)
    {
      KsColor shade = ks_color_mix (&self->palette->surface, &self->palette->grid, 0.55);
      ks_color_set_source (cr, &shade);
      cairo_rectangle (cr, left, piece->y, width, piece->height);
      cairo_fill (cr);
    }
  if (block->boxed)
    {
      KsColor tint = ks_color_mix (&self->palette->surface, &self->palette->accent, 0.05);
      cairo_set_line_width (cr, 0.8);
      for (guint c = 0; c < block->cells->len; c++)
        {
          Cell *cell = g_ptr_array_index (block->cells, c);
          cairo_rectangle (cr, left + cell->x + 1.5, piece->y + 0.5,
                           cell->width - 3, piece->height - 1);
          ks_color_set_source (cr, &tint);
          cairo_fill_preserve (cr);
          ks_color_set_source (cr, &self->palette->grid);
          cairo_stroke (cr);
        }
    }
  if (block->rule_below)
    {
      ks_color_set_source (cr, &self->palette->grid);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, left, piece->y + piece->height - 0.25);
      cairo_line_to (cr, left + width, piece->y + piece->height - 0.25);
      cairo_stroke (cr);
    }
  if (block->overdue)
    {
      ks_color_set_source (cr, &self->palette->negative);
      cairo_rectangle (cr, left, piece->y + 1, 2, piece->height - 2);
      cairo_fill (cr);
    }
  if (block->kind == BLOCK_HEADING)
    {
      ks_color_set_source (cr, &self->palette->accent);
      cairo_rectangle (cr, left, piece->y + 1, width, 1.2);
      cairo_fill (cr);
    }
  for (guint c = 0; c < block->cells->len; c++)
    {
      Cell *cell = g_ptr_array_index (block->cells, c);
      LineInfo *first = &g_array_index (cell->lines, LineInfo, 0);
      double mid = piece->y + PAD_Y + (first->bottom - first->top) / 2;

      if (cell->check >= 0 && piece->start[c] == 0 && piece->end[c] > 0)
        draw_check (self, cr, left + cell->x + PAD_X, mid - CHECK_SIZE / 2, cell->check == 1);
    }

  for (guint c = 0; c < block->cells->len; c++)
    {
      Cell *cell = g_ptr_array_index (block->cells, c);
      double origin;
      double x = left + cell->x + PAD_X + cell->inset;

      if (piece->start[c] >= piece->end[c])
        continue;
      origin = piece->y + PAD_Y + (block->kind == BLOCK_HEADING ? 3 : 0) -
               g_array_index (cell->lines, LineInfo, piece->start[c]).top;
      ks_color_set_source (cr, ink_color (self, cell->ink));
      for (guint l = piece->start[c]; l < piece->end[c]; l++)
        {
          LineInfo *info = &g_array_index (cell->lines, LineInfo, l);
          cairo_move_to (cr, x + info->x, origin + info->baseline);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (cell->layout, (int) l));
        }
    }
}

void
ks_plan_print_draw_page (KsPlanPrint *self,
                         cairo_t     *cr,
                         guint        page)
{
  GPtrArray *pieces;
  double width;
  g_autofree char *label = NULL;
  g_autoptr(PangoLayout) page_label = NULL;
  PangoRectangle title_rect, meta_rect;

  g_return_if_fail (self != NULL && cr != NULL);
  if (!self->pages)
    ks_plan_print_paginate (self, KS_PLAN_PRINT_A4_WIDTH, KS_PLAN_PRINT_A4_HEIGHT);
  g_return_if_fail (page < self->pages->len);

  pieces = g_ptr_array_index (self->pages, page);
  width = self->page_width - 2 * MARGIN;

  cairo_save (cr);
  ks_color_set_source (cr, &self->palette->surface);
  cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
  cairo_fill (cr);

  /* Header. */
  ks_color_set_source (cr, &self->palette->foreground);
  cairo_move_to (cr, MARGIN, MARGIN);
  pango_cairo_show_layout (cr, self->title);
  pango_layout_get_extents (self->title, NULL, &title_rect);
  ks_color_set_source (cr, &self->palette->muted);
  cairo_move_to (cr, MARGIN, MARGIN + (double) title_rect.height / PANGO_SCALE);
  pango_cairo_show_layout (cr, self->meta);
  pango_layout_get_extents (self->meta, NULL, &meta_rect);

  label = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  {
    g_autofree char *m = esc (label);
    page_label = new_layout (self, m, SMALL_SIZE, 86, FALSE);
  }
  pango_layout_set_alignment (page_label, PANGO_ALIGN_RIGHT);
  cairo_move_to (cr, MARGIN + width - 86, MARGIN + 3);
  pango_cairo_show_layout (cr, page_label);

  ks_color_set_source (cr, &self->palette->grid);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, MARGIN, self->content_top - 5);
  cairo_line_to (cr, MARGIN + width, self->content_top - 5);
  cairo_stroke (cr);

  for (guint i = 0; i < pieces->len; i++)
    draw_piece (self, cr, g_ptr_array_index (pieces, i), MARGIN, width);
  cairo_restore (cr);
}

/* --- files ---------------------------------------------------------------- */

typedef struct
{
  KsPlanPrint *self;
  guint        page;
} PageDraw;

static void
draw_one_page (cairo_t *cr,
               double   width,
               double   height,
               gpointer user_data)
{
  PageDraw *pd = user_data;
  ks_plan_print_draw_page (pd->self, cr, pd->page);
}

static gboolean
export_pdf (KsPlanPrint *self,
            const char  *path,
            guint        first,
            guint        last,
            GError     **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.part-%d", path, (int) getpid ());
  cairo_surface_t *surface = cairo_pdf_surface_create (tmp, self->page_width, self->page_height);
  cairo_status_t status;
  cairo_t *cr;
  g_autofree char *title = g_strdup_printf (_("Account plan: %s"), self->account_name);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Keystone");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);
  for (guint p = first; p <= last; p++)
    {
      ks_plan_print_draw_page (self, cr, p);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, KS_EXPORT_ERROR, KS_EXPORT_ERROR_FAILED,
                   _("Could not write the account plan to “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, KS_EXPORT_ERROR, KS_EXPORT_ERROR_FAILED,
                   _("Could not write the account plan to “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
ks_plan_print_export_page (KsPlanPrint *self,
                           const char  *path,
                           guint        page,
                           GError     **error)
{
  KsExportFormat format;
  guint n;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!ks_export_format_for_path (path, &format, error))
    return FALSE;
  if (self->page_width != KS_PLAN_PRINT_A4_WIDTH || self->page_height != KS_PLAN_PRINT_A4_HEIGHT ||
      !self->pages)
    ks_plan_print_paginate (self, KS_PLAN_PRINT_A4_WIDTH, KS_PLAN_PRINT_A4_HEIGHT);
  n = self->pages->len;
  if (page != KS_PLAN_PRINT_ALL_PAGES && page >= n)
    {
      g_set_error (error, KS_EXPORT_ERROR, KS_EXPORT_ERROR_FAILED,
                   ngettext ("Cannot write page %u of the account plan to “%s”: it has %u page",
                             "Cannot write page %u of the account plan to “%s”: it has %u pages", n),
                   page + 1, path, n);
      return FALSE;
    }
  if (format == KS_EXPORT_PDF)
    return export_pdf (self, path,
                       page == KS_PLAN_PRINT_ALL_PAGES ? 0 : page,
                       page == KS_PLAN_PRINT_ALL_PAGES ? n - 1 : page, error);
  {
    PageDraw pd = { self, page == KS_PLAN_PRINT_ALL_PAGES ? 0 : page };
    return ks_export_to_file (path, self->page_width, self->page_height, 2,
                              draw_one_page, &pd, error);
  }
}

gboolean
ks_plan_print_export (KsPlanPrint *self,
                      const char  *path,
                      GError     **error)
{
  return ks_plan_print_export_page (self, path, KS_PLAN_PRINT_ALL_PAGES, error);
}

/* --- from the workspace ----------------------------------------------------- */

KsPlanPrint *
ks_plan_print_new_for_account (KsWorkspace *workspace,
                               gint64       account_id,
                               const char  *today,
                               GError     **error)
{
  g_autoptr(KsAccount) account = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) products = NULL;
  g_autoptr(GArray) contact_rows = NULL;
  g_autoptr(GArray) person_rows = NULL;
  g_autoptr(GArray) product_rows = NULL;
  KsPlan *plan;
  KsPlanPrintData data = { 0 };
  KsPlanPrint *self;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(account = ks_account_load (workspace, account_id, error)) ||
      !(contacts = ks_contact_list_for_account (workspace, account_id, error)) ||
      !(people = ks_person_list (workspace, error)) ||
      !(products = ks_product_list (workspace, error)))
    return NULL;
  if (!(plan = ks_plan_load (workspace, account_id, error)))
    return NULL;

  contact_rows = g_array_new (FALSE, TRUE, sizeof (KsPlanPrintContact));
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(KsContact) c = g_list_model_get_item (contacts, i);
      KsPlanPrintContact row = {
        .id = ks_contact_get_id (c),
        .name = ks_contact_get_name (c),
        .title = ks_contact_get_title (c),
        .department = ks_contact_get_department (c),
        .phone = ks_contact_get_phone (c),
        .email = ks_contact_get_email (c),
        .channel = ks_contact_get_channel (c),
        .time_zone = ks_contact_get_time_zone (c),
        .power = ks_contact_get_power (c),
      };
      /* Competitors and third parties are on the map, not in the address list. */
      if (ks_contact_get_kind (c) == KS_NODE_CONTACT)
        g_array_append_val (contact_rows, row);
    }
  person_rows = g_array_new (FALSE, TRUE, sizeof (KsPlanPrintName));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(KsPerson) p = g_list_model_get_item (people, i);
      KsPlanPrintName row = { ks_person_get_id (p), ks_person_get_name (p) };
      g_array_append_val (person_rows, row);
    }
  product_rows = g_array_new (FALSE, TRUE, sizeof (KsPlanPrintName));
  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(KsProduct) p = g_list_model_get_item (products, i);
      KsPlanPrintName row = { ks_product_get_id (p), ks_product_get_name (p) };
      g_array_append_val (product_rows, row);
    }

  /* The strings belong to the objects in the list models, which outlive
   * ks_plan_print_new (it copies what it keeps). */
  data.account_name = ks_account_get_name (account);
  data.owner_name = ks_account_get_owner_name (account);
  data.today = today;
  data.employees = ks_account_get_employees (account);
  data.revenue = ks_account_get_revenue (account);
  data.plan = plan;
  data.contacts = (const KsPlanPrintContact *) contact_rows->data;
  data.n_contacts = contact_rows->len;
  data.people = (const KsPlanPrintName *) person_rows->data;
  data.n_people = person_rows->len;
  data.products = (const KsPlanPrintName *) product_rows->data;
  data.n_products = product_rows->len;
  self = ks_plan_print_new (&data);
  ks_plan_free (plan);
  return self;
}
