/* ks-export.h — one drawing function to PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define KS_EXPORT_ERROR (ks_export_error_quark ())

typedef enum
{
  KS_EXPORT_ERROR_FORMAT,   /* the file name's extension is not png, svg or pdf */
  KS_EXPORT_ERROR_FAILED,   /* cairo or the file system failed */
} KsExportError;

typedef enum
{
  KS_EXPORT_PNG,
  KS_EXPORT_SVG,
  KS_EXPORT_PDF,
} KsExportFormat;

/* Draws at the origin into a width × height area (points for PDF/SVG, pixels for PNG). */
typedef void (*KsDrawFunc) (cairo_t *cr,
                            double   width,
                            double   height,
                            gpointer user_data);

/* Draws page @page (0-based) of a paged document into a width × height page. */
typedef void (*KsPageDrawFunc) (cairo_t *cr,
                                guint    page,
                                double   width,
                                double   height,
                                gpointer user_data);

GQuark   ks_export_error_quark      (void);
gboolean ks_export_format_for_path  (const char      *path,
                                     KsExportFormat  *format,
                                     GError         **error);
/* Draws into @path, format from its extension; @scale applies to PNG only
 * (2 gives a sharp picture for slides). Writes a temporary file beside @path
 * and renames it, so a failure never leaves half a file. */
gboolean ks_export_to_file          (const char      *path,
                                     double           width,
                                     double           height,
                                     double           scale,
                                     KsDrawFunc       draw,
                                     gpointer         user_data,
                                     GError         **error);

/* A PDF of @n_pages pages of width × height points, each drawn by @draw; the
 * same temporary file and rename as ks_export_to_file(). */
gboolean ks_export_pages_to_pdf     (const char      *path,
                                     double           width,
                                     double           height,
                                     guint            n_pages,
                                     const char      *title,
                                     KsPageDrawFunc   draw,
                                     gpointer         user_data,
                                     GError         **error);

G_END_DECLS
