/* ks-json-writer.c — JSON text as Keystone writes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-json-writer"

#include <math.h>

#include "ks-json-writer.h"

struct _KsJsonWriter
{
  GString  *out;
  GArray   *empty;       /* gboolean per open container: no item yet */
  gboolean  after_key;   /* a key was written, its value comes next */
};

static void
newline (KsJsonWriter *w)
{
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->empty->len; i++)
    g_string_append (w->out, "  ");
}

KsJsonWriter *
ks_json_writer_new (void)
{
  KsJsonWriter *w = g_new0 (KsJsonWriter, 1);

  w->out = g_string_new (NULL);
  w->empty = g_array_new (FALSE, FALSE, sizeof (gboolean));
  return w;
}

void
ks_json_writer_free (KsJsonWriter *writer)
{
  if (!writer)
    return;
  g_string_free (writer->out, TRUE);
  g_array_unref (writer->empty);
  g_free (writer);
}

GString *
ks_json_writer_get_buffer (KsJsonWriter *writer)
{
  g_return_val_if_fail (writer != NULL, NULL);
  return writer->out;
}

void
ks_json_writer_item (KsJsonWriter *w)
{
  gboolean *empty;

  g_return_if_fail (w != NULL);

  if (w->after_key)
    {
      w->after_key = FALSE;
      return;
    }
  if (w->empty->len == 0)
    return;
  empty = &g_array_index (w->empty, gboolean, w->empty->len - 1);
  if (!*empty)
    g_string_append_c (w->out, ',');
  *empty = FALSE;
  newline (w);
}

void
ks_json_writer_begin (KsJsonWriter *w,
                      char          bracket)
{
  gboolean empty = TRUE;

  ks_json_writer_item (w);
  g_string_append_c (w->out, bracket);
  g_array_append_val (w->empty, empty);
}

void
ks_json_writer_end (KsJsonWriter *w,
                    char          bracket)
{
  gboolean was_empty;

  g_return_if_fail (w != NULL && w->empty->len > 0);

  was_empty = g_array_index (w->empty, gboolean, w->empty->len - 1);
  g_array_set_size (w->empty, w->empty->len - 1);
  if (!was_empty)
    newline (w);
  g_string_append_c (w->out, bracket);
}

void
ks_json_writer_key (KsJsonWriter *w,
                    const char   *key)
{
  ks_json_writer_item (w);
  ks_json_append_string (w->out, key);
  g_string_append (w->out, ": ");
  w->after_key = TRUE;
}

void
ks_json_writer_string (KsJsonWriter *w,
                       const char   *text)
{
  ks_json_writer_item (w);
  ks_json_append_string (w->out, text);
}

void
ks_json_writer_null (KsJsonWriter *w)
{
  ks_json_writer_item (w);
  g_string_append (w->out, "null");
}

void
ks_json_writer_bool (KsJsonWriter *w,
                     gboolean      value)
{
  ks_json_writer_item (w);
  g_string_append (w->out, value ? "true" : "false");
}

void
ks_json_writer_int (KsJsonWriter *w,
                    gint64        value)
{
  ks_json_writer_item (w);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

void
ks_json_writer_number (KsJsonWriter *w,
                       double        value,
                       int           decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];

  ks_json_writer_item (w);
  if (!isfinite (value) || decimals < 0)
    {
      ks_json_append_double (w->out, value);
      return;
    }
  g_snprintf (format, sizeof format, "%%.%df", MIN (decimals, 9));
  g_string_append (w->out, g_ascii_formatd (buf, sizeof buf, format, value + 0.0));
}

void
ks_json_append_string (GString    *out,
                       const char *text)
{
  g_autofree char *valid = NULL;

  if (!text)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest of %.15g, %.16g and %.17g that reads back as the same double;
 * DBL_DIG (15) digits always do when the value has that few. */
void
ks_json_append_double (GString *out,
                       double   value)
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  if (value == 0)
    value = 0;  /* no "-0" */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}
