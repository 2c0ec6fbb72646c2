/* ks-csv.c — reading CSV files for the importers (libcsv)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each file is checked for UTF-8 first, then parsed by libcsv in strict mode,
 * fed one physical line at a time so every field, row and error knows its
 * line; columns are counted in characters. A whole line without quotes that
 * starts a row is split by reader_split_line() instead, exactly as libcsv
 * would split it, with one copy of the line instead of libcsv's callback per
 * character and per field (a tenth of a large import).
 */
#define G_LOG_DOMAIN "ks-csv"

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ks-csv.h"

/* libcsv's state between rows (ROW_NOT_BEGUN in libcsv.c; 0 after csv_init). */
#define CSV_STATE_BETWEEN_ROWS 0
/* Longest piece of a line handed to csv_parse() at once; lets the field buffer
 * grow geometrically (libcsv itself grows it by blk_size). */
#define CHUNK_MAX (64 * 1024)
/* How much of the file is read before the pages behind are handed back. */
#define RELEASE_STEP (8 * 1024 * 1024)
/* Characters of a value quoted in a message. */
#define QUOTE_MAX_CHARS 60

typedef struct
{
  gsize offset;
  gsize length;
} Field;

struct _KsCsvReader
{
  KsImportReport    *report;
  char              *path;
  char              *name;
  const char *const *columns;
  guint              n_columns;
  guint              n_required;
  KsCsvRowFunc       row_func;
  gpointer           user_data;

  GMappedFile       *mapped;
  const char        *data;
  gsize              length;
  gsize              body;         /* first byte after a BOM */

  struct csv_parser  parser;
  GString           *row;          /* this row's fields, each NUL-terminated */
  GArray            *fields;       /* of Field */
  gboolean           have_header;
  guint              n_header;
  int               *map;          /* known column → field index, -1 */

  guint              line;         /* physical line being fed, 1-based */
  gsize              line_start;
  gsize              line_end;     /* its terminator (or the end of the data) */
  guint              row_line;     /* where the current row starts */
  gsize              row_start;
  gsize              released;     /* pages before this were handed back */

  gint               error_code;
  guint              n_errors;
  guint              n_row_warnings;
  guint              n_suppressed;
  gboolean           failed;
  gboolean           stop;
};

/* ---- the report ---------------------------------------------------------- */

static void
import_issue_free (gpointer data)
{
  KsImportIssue *issue = data;

  g_free (issue->file);
  g_free (issue->message);
  g_free (issue);
}

KsImportReport *
ks_import_report_new (void)
{
  KsImportReport *report = g_new0 (KsImportReport, 1);

  report->warnings = g_ptr_array_new_with_free_func (import_issue_free);
  report->errors = g_ptr_array_new_with_free_func (import_issue_free);
  return report;
}

void
ks_import_report_free (KsImportReport *report)
{
  if (!report)
    return;
  g_ptr_array_unref (report->warnings);
  g_ptr_array_unref (report->errors);
  g_free (report);
}

void
ks_import_report_clear (KsImportReport *report)
{
  g_return_if_fail (report != NULL);

  report->accounts = report->people = report->products = report->opportunities = 0;
  report->contacts = report->lines = report->scores = report->letters = 0;
  g_ptr_array_set_size (report->warnings, 0);
  g_ptr_array_set_size (report->errors, 0);
}

void
ks_import_report_add (KsImportReport *report,
                      gboolean        is_error,
                      const char     *file,
                      guint           line,
                      guint           column,
                      const char     *format,
                      ...)
{
  KsImportIssue *issue;
  va_list args;

  g_return_if_fail (report != NULL);
  g_return_if_fail (format != NULL);

  issue = g_new0 (KsImportIssue, 1);
  issue->file = g_strdup (file ? file : "");
  issue->line = line;
  issue->column = column;
  va_start (args, format);
  issue->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (is_error ? report->errors : report->warnings, issue);
}

/* ---- names ----------------------------------------------------------------- */

char *
ks_import_match_key (const char *name)
{
  g_autofree char *valid = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  GString *key;

  g_return_val_if_fail (name != NULL, NULL);

  if (!g_utf8_validate (name, -1, NULL))
    name = valid = g_utf8_make_valid (name, -1);
  /* NFKC: full-width letters and ligatures match their plain forms; accents stay. */
  normal = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);
  folded = g_utf8_casefold (normal ? normal : name, -1);
  key = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Marks stay: in many scripts they are letters' vowels, not decoration. */
      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

/* ---- values ------------------------------------------------------------------ */

char *
ks_csv_shorten (const char *text)
{
  const char *end;

  if (!text)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= QUOTE_MAX_CHARS)
    return g_strdup (text);
  end = g_utf8_offset_to_pointer (text, QUOTE_MAX_CHARS);
  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}

gboolean
ks_csv_is_blank (const char *text)
{
  if (!text)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Plain decimal: optional sign, digits, optional fraction. No exponent, no
 * thousands separators, no "inf"/"nan". */
gboolean
ks_csv_parse_decimal (const char *text,
                      double     *out)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, digits = TRUE;
    }
  if (!digits || *p != '\0')
    return FALSE;
  *out = g_ascii_strtod (text, NULL);
  return isfinite (*out);
}

gboolean
ks_csv_parse_integer (const char *text,
                      gint64      min,
                      gint64      max,
                      gint64     *out)
{
  for (const char *p = (*text == '-' || *text == '+') ? text + 1 : text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return g_ascii_string_to_signed (text, 10, min, max, out, NULL);
}

/* Strict YYYY-MM-DD of a real day, packed as yyyymmdd (0 when it is not). */
guint32
ks_csv_parse_iso_date (const char *text)
{
  guint year, month, day;

  for (int i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return 0;
        }
      else if (!g_ascii_isdigit (text[i]))
        return 0;
    }
  if (text[10] != '\0')
    return 0;
  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');
  if (!g_date_valid_dmy (day, month, year))
    return 0;
  return year * 10000 + month * 100 + day;
}

/* ---- positions ------------------------------------------------------------- */

/* Characters from line_start up to offset, plus one: the 1-based column. */
static guint
column_at (const char *data,
           gsize       line_start,
           gsize       offset)
{
  return (guint) g_utf8_strlen (data + line_start, offset - line_start) + 1;
}

/* Walks the current row (which libcsv has accepted up to here) to the start of
 * field @index, or to the opening quote of a field still open at the end when
 * @index is G_MAXUINT. Quotes toggle; that is exact for strict RFC 4180. */
static void
reader_locate (KsCsvReader *r,
               guint        index,
               guint       *line,
               guint       *column)
{
  const char *d = r->data;
  gsize i = r->row_start, line_start = r->row_start;
  gsize open_at = i, open_line_start = i;
  guint l = r->row_line, open_line = l;
  guint field = 0;
  gboolean quoted = FALSE;

  while (i < r->length && field < index)
    {
      char c = d[i];

      if (c == '"')
        {
          quoted = !quoted;
          if (quoted)
            open_at = i, open_line = l, open_line_start = line_start;
        }
      else if (c == ',' && !quoted)
        {
          if (++field == index)
            {
              i++;
              break;
            }
        }
      else if (c == '\n' || c == '\r')
        {
          if (!quoted)
            break;  /* the row ends before that field: point at its end */
          if (c == '\r' && i + 1 < r->length && d[i + 1] == '\n')
            i++;
          l++;
          line_start = i + 1;
        }
      i++;
    }

  if (index == G_MAXUINT)
    {
      *line = open_line;
      *column = column_at (d, open_line_start, open_at);
    }
  else
    {
      *line = l;
      *column = column_at (d, line_start, i);
    }
}

/* Line and column of a byte offset, counting from the start of the data. */
static void
locate_offset (const char *data,
               gsize       from,
               gsize       offset,
               guint      *line,
               guint      *column)
{
  gsize line_start = from;
  guint l = 1;

  for (gsize i = from; i < offset; i++)
    {
      if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= offset || data[i + 1] != '\n')))
        {
          l++;
          line_start = i + 1;
        }
    }
  *line = l;
  *column = column_at (data, line_start, offset);
}

/* ---- issues ---------------------------------------------------------------- */

static void
add_error (KsCsvReader   *r,
           KsImportError  code,
           guint          line,
           guint          column,
           const char    *message)
{
  if (r->error_code < 0)
    r->error_code = code;
  ks_import_report_add (r->report, TRUE, r->name, line, column, "%s", message);
  r->failed = TRUE;
  if (++r->n_errors >= KS_CSV_MAX_ERRORS && !r->stop)
    {
      ks_import_report_add (r->report, TRUE, r->name, line, 0, "%s",
                            _("too many errors; the rest of the file was not read"));
      r->stop = TRUE;
    }
}

void
ks_csv_reader_error (KsCsvReader   *r,
                     KsImportError  code,
                     guint          line,
                     guint          column,
                     const char    *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (r != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_error (r, code, line, column, message);
}

void
ks_csv_reader_cell_error (KsCsvReader   *r,
                          guint          column,
                          KsImportError  code,
                          const char    *format,
                          ...)
{
  g_autofree char *message = NULL;
  guint line = r->row_line, col = 0;
  va_list args;

  g_return_if_fail (r != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (column < r->n_columns && r->map[column] >= 0)
    reader_locate (r, r->map[column], &line, &col);
  add_error (r, code, line, col, message);
}

gboolean
ks_csv_reader_warning_allowed (KsCsvReader *r)
{
  if (r->n_row_warnings >= KS_CSV_MAX_ROW_WARNINGS)
    {
      r->n_suppressed++;
      return FALSE;
    }
  r->n_row_warnings++;
  return TRUE;
}

void
ks_csv_reader_cell_warning (KsCsvReader *r,
                            guint        column,
                            const char  *format,
                            ...)
{
  g_autofree char *message = NULL;
  guint line = r->row_line, col = 0;
  va_list args;

  g_return_if_fail (r != NULL);

  if (!ks_csv_reader_warning_allowed (r))
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (column < r->n_columns && r->map[column] >= 0)
    reader_locate (r, r->map[column], &line, &col);
  ks_import_report_add (r->report, FALSE, r->name, line, col, "%s", message);
}

void
ks_csv_reader_finish (KsCsvReader *r)
{
  if (r->n_suppressed)
    ks_import_report_add (r->report, FALSE, r->name, 0, 0,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u more warning like those above was not listed",
                                       "%u more warnings like those above were not listed",
                                       r->n_suppressed),
                          r->n_suppressed);
  r->n_suppressed = 0;
}

/* ---- the reader ------------------------------------------------------------------ */

const char *
ks_csv_reader_value (KsCsvReader *r,
                     guint        column,
                     gsize       *length)
{
  int index;
  Field *f;

  g_return_val_if_fail (r != NULL && column < r->n_columns, NULL);

  index = r->map[column];
  if (index < 0)
    return NULL;
  f = &g_array_index (r->fields, Field, index);
  if (f->length == 0)
    return NULL;
  if (length)
    *length = f->length;
  return r->row->str + f->offset;
}

guint
ks_csv_reader_column (KsCsvReader *r,
                      guint        column)
{
  guint line, col;

  g_return_val_if_fail (r != NULL && column < r->n_columns, 0);

  if (r->map[column] < 0)
    return 0;
  reader_locate (r, r->map[column], &line, &col);
  return col;
}

const char *
ks_csv_reader_column_name (KsCsvReader *r,
                           guint        column)
{
  g_return_val_if_fail (r != NULL && column < r->n_columns, NULL);
  return r->columns[column];
}

const char *
ks_csv_reader_required (KsCsvReader *r,
                        guint        column)
{
  const char *value = ks_csv_reader_value (r, column, NULL);

  if (ks_csv_is_blank (value))
    {
      ks_csv_reader_cell_error (r, column, KS_IMPORT_ERROR_VALUE,
                                _("the column “%s” is empty; every row needs one"), r->columns[column]);
      return NULL;
    }
  return value;
}

gboolean
ks_csv_reader_has_column (KsCsvReader *r,
                          guint        column)
{
  g_return_val_if_fail (r != NULL && column < r->n_columns, FALSE);
  return r->map[column] >= 0;
}

const char *
ks_csv_reader_get_name (KsCsvReader *r)
{
  return r->name;
}

const char *
ks_csv_reader_get_path (KsCsvReader *r)
{
  return r->path;
}

gboolean
ks_csv_reader_failed (KsCsvReader *r)
{
  return r->failed;
}

gboolean
ks_csv_reader_stopped (KsCsvReader *r)
{
  return r->stop;
}

void
ks_csv_reader_stop (KsCsvReader *r)
{
  r->stop = TRUE;
}

gint
ks_csv_reader_get_error_code (KsCsvReader *r)
{
  return r->error_code;
}

guint
ks_csv_reader_get_row_line (KsCsvReader *r)
{
  return r->row_line;
}

void
ks_csv_reader_set_row_line (KsCsvReader *r,
                            guint        line)
{
  r->row_line = line;
}

static void
reader_header (KsCsvReader *r)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  r->have_header = TRUE;
  r->n_header = r->fields->len;
  for (guint k = 0; k < r->n_columns; k++)
    {
      r->map[k] = -1;
      g_ptr_array_add (keys, ks_import_match_key (r->columns[k]));
    }

  for (guint i = 0; i < r->fields->len; i++)
    {
      g_autofree char *key = ks_import_match_key (r->row->str + g_array_index (r->fields, Field, i).offset);

      for (guint k = 0; k < r->n_columns; k++)
        {
          if (g_strcmp0 (key, g_ptr_array_index (keys, k)) != 0)
            continue;
          if (r->map[k] < 0)
            r->map[k] = i;
          else
            {
              guint line, col;

              reader_locate (r, i, &line, &col);
              ks_import_report_add (r->report, FALSE, r->name, line, col,
                                    _("the column “%s” appears twice; the first one is used"),
                                    r->columns[k]);
            }
        }
    }

  for (guint k = 0; k < r->n_required; k++)
    if (r->map[k] < 0)
      {
        g_autoptr(GString) found = g_string_new (NULL);

        for (guint i = 0; i < r->fields->len && i < 12; i++)
          {
            g_autofree char *shown = ks_csv_shorten (r->row->str + g_array_index (r->fields, Field, i).offset);
            g_string_append_printf (found, "%s“%s”", i ? ", " : "", shown);
          }
        ks_csv_reader_error (r, KS_IMPORT_ERROR_MISSING_COLUMN, r->row_line, 1,
                             _("the required column “%s” is missing (the header row has %s)"),
                             r->columns[k], found->len ? found->str : _("no columns"));
        r->stop = TRUE;
        return;
      }
}

static gboolean
row_is_empty (KsCsvReader *r)
{
  for (guint i = 0; i < r->fields->len; i++)
    if (g_array_index (r->fields, Field, i).length)
      return FALSE;
  return TRUE;
}

static void
on_field (void   *text,
          size_t  length,
          void   *data)
{
  KsCsvReader *r = data;
  Field f = { r->row->len, length };

  if (r->stop)
    return;
  g_string_append_len (r->row, text, length);
  g_string_append_c (r->row, '\0');
  g_array_append_val (r->fields, f);
}

static void
on_row (int   c,
        void *data)
{
  KsCsvReader *r = data;

  if (r->stop)
    ;
  else if (!r->have_header)
    reader_header (r);
  else if (r->fields->len != r->n_header)
    {
      guint line, col;

      if (r->fields->len > r->n_header)
        reader_locate (r, r->n_header, &line, &col);
      else
        line = r->line, col = column_at (r->data, r->line_start, r->line_end);
      ks_csv_reader_error (r, KS_IMPORT_ERROR_MALFORMED, line, col,
                           _("expected %u fields as in the header row, found %u"),
                           r->n_header, r->fields->len);
    }
  else if (!row_is_empty (r))
    r->row_func (r, r->user_data);

  g_string_truncate (r->row, 0);
  g_array_set_size (r->fields, 0);
}

static inline gboolean
is_csv_space (char c)
{
  return c == ' ' || c == '\t';
}

/* A whole line without quotes, between rows, split here as libcsv would split
 * it (CSV_STRICT, CSV_APPEND_NULL): fields end at commas, spaces and tabs
 * around a field are dropped, and a line of nothing but spaces and tabs is no
 * row. The line is copied once and its fields are cut in place. */
static void
reader_split_line (KsCsvReader *r,
                   gsize        start,
                   gsize        end)
{
  gsize n = end - start, i = 0;
  guint k = 0;
  char *buf;

  while (i < n && is_csv_space (r->data[start + i]))
    i++;
  if (i == n)
    return;

  g_string_set_size (r->row, n);  /* keeps a NUL after the copy */
  buf = r->row->str;
  memcpy (buf, r->data + start, n);

  for (;;)
    {
      gsize first, last;
      Field *f;

      while (i < n && is_csv_space (buf[i]))
        i++;
      first = i;
      while (i < n && buf[i] != ',')
        i++;
      last = i;
      while (last > first && is_csv_space (buf[last - 1]))
        last--;
      buf[last] = '\0';
      if (k >= r->fields->len)
        g_array_set_size (r->fields, k + 16);
      f = &g_array_index (r->fields, Field, k++);
      f->offset = first;
      f->length = last - first;
      if (i >= n)
        break;
      i++;  /* past the comma */
    }
  g_array_set_size (r->fields, k);
  on_row (0, r);
}

void
ks_csv_reader_free (KsCsvReader *r)
{
  if (!r)
    return;
  g_clear_pointer (&r->mapped, g_mapped_file_unref);
  if (r->row)
    g_string_free (r->row, TRUE);
  g_clear_pointer (&r->fields, g_array_unref);
  g_free (r->map);
  g_free (r->path);
  g_free (r->name);
  g_free (r);
}

/* Hands the mapped pages of bytes [from, to) back to the system: they leave
 * this process's resident memory and are read again from the file (the page
 * cache, usually) if a later error message looks at them. A large export is
 * then never resident as a whole while the rows it became are built. */
static void
reader_release (KsCsvReader *r,
                gsize        from,
                gsize        to)
{
#ifdef MADV_DONTNEED
  static gsize page_size;
  guintptr start, end;

  if (!r->mapped || to <= from)
    return;
  if (!page_size)
    page_size = (gsize) sysconf (_SC_PAGESIZE);
  start = ((guintptr) (r->data + from) + page_size - 1) & ~(guintptr) (page_size - 1);
  end = (guintptr) (r->data + to) & ~(guintptr) (page_size - 1);
  if (end > start)
    madvise ((void *) start, end - start, MADV_DONTNEED);
#endif
}

/* g_utf8_validate_len(), with stretches of ASCII (no NUL) checked eight bytes
 * at a time; what is not ASCII goes to glib in pieces that end at a character
 * boundary, so the answer and the end it reports are glib's. */
static gboolean
utf8_validate (const char  *data,
               gsize        length,
               const char **end)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  gsize i = 0;

  while (i < length)
    {
      gsize piece;

      for (; i + 8 <= length; i += 8)
        {
          guint64 v;

          memcpy (&v, data + i, 8);
          if ((v & high) || ((v - ones) & ~v & high))
            break;
        }
      piece = MIN (length, i + 64);
      while (piece < length && ((guchar) data[piece] & 0xC0) == 0x80)
        piece++;
      if (!g_utf8_validate_len (data + i, piece - i, end))
        return FALSE;
      i = piece;
    }
  if (end)
    *end = data + length;
  return TRUE;
}

KsCsvReader *
ks_csv_reader_open (const char         *path,
                    const char         *name,
                    const char * const *columns,
                    guint               n_columns,
                    guint               n_required,
                    KsImportReport     *report)
{
  g_autoptr(KsCsvReader) r = NULL;
  g_autoptr(GError) error = NULL;
  const char *end = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (columns != NULL && n_columns > 0, NULL);
  g_return_val_if_fail (n_required <= n_columns, NULL);
  g_return_val_if_fail (report != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  r = g_new0 (KsCsvReader, 1);
  r->report = report;
  r->path = g_strdup (path);
  r->name = g_strdup (name ? name : path);
  r->columns = columns;
  r->n_columns = n_columns;
  r->n_required = n_required;
  r->error_code = -1;
  r->map = g_new (int, n_columns);
  for (guint k = 0; k < n_columns; k++)
    r->map[k] = -1;
  r->row = g_string_sized_new (1024);
  r->fields = g_array_sized_new (FALSE, FALSE, sizeof (Field), n_columns);

  r->mapped = g_mapped_file_new (path, FALSE, &error);
  if (!r->mapped)
    {
      ks_csv_reader_error (r, KS_IMPORT_ERROR_IO, 0, 0, _("could not read the file: %s"), error->message);
      return g_steal_pointer (&r);
    }
  r->data = g_mapped_file_get_contents (r->mapped);
  r->length = g_mapped_file_get_length (r->mapped);
  if (!r->data)
    r->data = "", r->length = 0;

  if (r->length >= 3 && memcmp (r->data, "\xEF\xBB\xBF", 3) == 0)
    r->body = 3;
  if (!utf8_validate (r->data + r->body, r->length - r->body, &end))
    {
      gsize offset = end - r->data;
      guint line, col;

      locate_offset (r->data, r->body, offset, &line, &col);
      if (*end == '\0')
        ks_csv_reader_error (r, KS_IMPORT_ERROR_ENCODING, line, col, "%s",
                             _("the file contains a NUL byte; it is not a text file"));
      else
        ks_csv_reader_error (r, KS_IMPORT_ERROR_ENCODING, line, col,
                             _("invalid UTF-8 (byte 0x%02X); save the file as UTF-8"),
                             (guint) (guchar) *end);
    }
  else
    reader_release (r, 0, r->length);
  return g_steal_pointer (&r);
}

static void
reader_parse_error (KsCsvReader *r,
                    gsize        offset)
{
  int status = csv_error (&r->parser);
  guint col = column_at (r->data, r->line_start, offset);

  if (status == CSV_EPARSE && r->parser.quoted)
    ks_csv_reader_error (r, KS_IMPORT_ERROR_MALFORMED, r->line, col, "%s",
                         _("unexpected text after the closing quote of a field; "
                           "a quote inside a quoted field must be doubled"));
  else if (status == CSV_EPARSE)
    ks_csv_reader_error (r, KS_IMPORT_ERROR_MALFORMED, r->line, col, "%s",
                         _("a quote inside a field that does not start with one; "
                           "quote the whole field and double the quote"));
  else
    ks_csv_reader_error (r, KS_IMPORT_ERROR_MALFORMED, r->line, col, "%s",
                         _("a field is too large to read"));
  r->stop = TRUE;
}

void
ks_csv_reader_run (KsCsvReader  *r,
                   KsCsvRowFunc  row,
                   gpointer      user_data)
{
  gsize pos;

  g_return_if_fail (r != NULL);
  g_return_if_fail (row != NULL);

  if (r->failed || r->stop)
    return;
  r->row_func = row;
  r->user_data = user_data;
  pos = r->body;

  if (r->length == r->body)
    {
      ks_csv_reader_error (r, KS_IMPORT_ERROR_MISSING_COLUMN, 1, 1,
                           _("the file is empty; expected a header row with the column “%s”"),
                           r->columns[0]);
      return;
    }

  csv_init (&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  csv_set_blk_size (&r->parser, 4096);
  r->line = 1;
  r->line_start = r->row_start = pos;
  r->row_line = 1;

  while (pos < r->length && !r->stop)
    {
      gsize end, limit = MIN (r->length, pos + CHUNK_MAX), used;
      const char *lf = memchr (r->data + pos, '\n', limit - pos);
      const char *cr = memchr (r->data + pos, '\r', (lf ? (gsize) (lf - r->data) : limit) - pos);
      gboolean eol = cr || lf;

      if (pos - r->released >= RELEASE_STEP)
        {
          reader_release (r, r->released, pos);
          r->released = pos;
        }

      /* One physical line (LF, CRLF or a lone CR), or a piece of a long one. */
      if (eol)
        {
          r->line_end = (cr ? cr : lf) - r->data;
          end = r->line_end + 1;
          if (cr && end < r->length && r->data[end] == '\n')
            end++;
        }
      else
        r->line_end = end = limit;

      if (pos == r->line_start && r->parser.pstate == CSV_STATE_BETWEEN_ROWS)
        {
          r->row_start = pos;
          r->row_line = r->line;
          /* Most lines are whole rows without quotes: libcsv is not needed. */
          if (eol && !memchr (r->data + pos, '"', r->line_end - pos))
            {
              reader_split_line (r, pos, r->line_end);
              pos = end;
              r->line++;
              r->line_start = pos;
              continue;
            }
        }

      used = csv_parse (&r->parser, r->data + pos, end - pos, on_field, on_row, r);
      if (used < end - pos && !r->stop)
        {
          reader_parse_error (r, pos + used);
          break;
        }
      pos = end;
      if (eol)
        {
          r->line++;
          r->line_start = pos;
        }
      /* Grow the field buffer geometrically, not by a fixed block. */
      csv_set_blk_size (&r->parser, MAX (4096, csv_get_buffer_size (&r->parser)));
    }

  if (!r->stop && csv_fini (&r->parser, on_field, on_row, r) != 0)
    {
      guint line, col;

      reader_locate (r, G_MAXUINT, &line, &col);
      ks_csv_reader_error (r, KS_IMPORT_ERROR_MALFORMED, line, col, "%s",
                           _("a quoted field is not closed: the file ends inside it"));
    }
  csv_free (&r->parser);
  reader_release (r, r->released, r->length);
  r->released = r->length;

  if (!r->have_header && !r->failed)
    ks_csv_reader_error (r, KS_IMPORT_ERROR_MISSING_COLUMN, 1, 1,
                         _("the file is empty; expected a header row with the column “%s”"),
                         r->columns[0]);
}

void
ks_import_report_set_error (KsImportReport  *report,
                            gint             code,
                            const char      *dir,
                            GError         **error)
{
  KsImportIssue *first;
  guint n;
  g_autofree char *more = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (report != NULL);

  n = report->errors->len;
  if (n == 0)
    return;
  first = g_ptr_array_index (report->errors, 0);
  if (n > 1)
    more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, " (and %u more error)", " (and %u more errors)",
                                         n - 1), n - 1);
  if (dir)
    path = *first->file ? g_build_filename (dir, first->file, NULL) : g_strdup (dir);
  else
    path = g_strdup (first->file);
  if (first->line && first->column)
    g_set_error (error, KS_IMPORT_ERROR, code, "%s:%u:%u: %s%s",
                 path, first->line, first->column, first->message, more ? more : "");
  else if (first->line)
    g_set_error (error, KS_IMPORT_ERROR, code, "%s:%u: %s%s",
                 path, first->line, first->message, more ? more : "");
  else
    g_set_error (error, KS_IMPORT_ERROR, code, "%s: %s%s",
                 path, first->message, more ? more : "");
}
