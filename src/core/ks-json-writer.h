/* ks-json-writer.h — JSON text as Keystone writes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two-space indentation, one member or element per line, "key": value, empty
 * containers as [] and {}, strings always valid UTF-8, numbers as the
 * shortest text that reads back as the same double (json-glib 1.6.6 prints
 * 25.7 as 25.699999999999999 and 1e20 as 1e+20.0). Workspace and handover
 * JSON (ks-json-export.c) and keystone-cli's reports write through it, so
 * they format alike.
 *
 * Inside an object, ks_json_writer_key() comes before each value; inside an
 * array values follow one another.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KsJsonWriter KsJsonWriter;

KsJsonWriter *ks_json_writer_new       (void);
void          ks_json_writer_free      (KsJsonWriter *writer);
/* The text written so far (the writer keeps it). */
GString      *ks_json_writer_get_buffer (KsJsonWriter *writer);

/* '{' or '[' opens, '}' or ']' closes. */
void          ks_json_writer_begin     (KsJsonWriter *writer,
                                        char          bracket);
void          ks_json_writer_end       (KsJsonWriter *writer,
                                        char          bracket);
void          ks_json_writer_key       (KsJsonWriter *writer,
                                        const char   *key);
/* Starts a value the caller appends to the buffer itself. */
void          ks_json_writer_item      (KsJsonWriter *writer);
void          ks_json_writer_string    (KsJsonWriter *writer,
                                        const char   *text);   /* NULL → "" */
void          ks_json_writer_null      (KsJsonWriter *writer);
void          ks_json_writer_bool      (KsJsonWriter *writer,
                                        gboolean      value);
void          ks_json_writer_int       (KsJsonWriter *writer,
                                        gint64        value);
/* @decimals ≥ 0: exactly that many (a score as 35.0); -1: the shortest
 * round trip. NaN and infinities are null. */
void          ks_json_writer_number    (KsJsonWriter *writer,
                                        double        value,
                                        int           decimals);

/* The quoted, escaped string and the shortest number, appended to @out. */
void          ks_json_append_string    (GString      *out,
                                        const char   *text);
void          ks_json_append_double    (GString      *out,
                                        double        value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsJsonWriter, ks_json_writer_free)

G_END_DECLS
