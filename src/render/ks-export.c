/* ks-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "ks-export.h"

G_DEFINE_QUARK (ks-export-error-quark, ks_export_error)

gboolean
ks_export_format_for_path (const char      *path,
                           KsExportFormat  *format,
                           GError         **error)
{
  const char *dot = path ? strrchr (path, '.') : NULL;

  if (dot && g_ascii_strcasecmp (dot, ".png") == 0)
    *format = KS_EXPORT_PNG;
  else if (dot && g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = KS_EXPORT_SVG;
  else if (dot && g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = KS_EXPORT_PDF;
  else
    {
      g_set_error (error, KS_EXPORT_ERROR, KS_EXPORT_ERROR_FORMAT,
                   _("Cannot tell the format of “%s”: use a name ending in .png, .svg or .pdf"),
                   path ? path : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
ks_export_to_file (const char  *path,
                   double       width,
                   double       height,
                   double       scale,
                   KsDrawFunc   draw,
                   gpointer     user_data,
                   GError     **error)
{
  KsExportFormat format;
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  cairo_status_t status;
  g_autofree char *tmp = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);

  if (!ks_export_format_for_path (path, &format, error))
    return FALSE;
  if (scale <= 0)
    scale = 1;

  tmp = g_strdup_printf ("%s.part-%d", path, (int) getpid ());
  switch (format)
    {
    case KS_EXPORT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width * scale), (int) ceil (height * scale));
      break;
    case KS_EXPORT_SVG:
      surface = cairo_svg_surface_create (tmp, width, height);
      break;
    case KS_EXPORT_PDF:
      surface = cairo_pdf_surface_create (tmp, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Keystone");
      break;
    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  if (format == KS_EXPORT_PNG)
    cairo_scale (cr, scale, scale);
  draw (cr, width, height, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (status == CAIRO_STATUS_SUCCESS && format == KS_EXPORT_PNG)
    status = cairo_surface_write_to_png (surface, tmp);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, KS_EXPORT_ERROR, KS_EXPORT_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, KS_EXPORT_ERROR, KS_EXPORT_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
ks_export_pages_to_pdf (const char     *path,
                        double          width,
                        double          height,
                        guint           n_pages,
                        const char     *title,
                        KsPageDrawFunc  draw,
                        gpointer        user_data,
                        GError        **error)
{
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);

  tmp = g_strdup_printf ("%s.part-%d", path, (int) getpid ());
  surface = cairo_pdf_surface_create (tmp, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Keystone");
  if (title && *title)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);
  for (guint p = 0; p < MAX (n_pages, 1u); p++)
    {
      cairo_save (cr);
      draw (cr, p, width, height, user_data);
      cairo_restore (cr);
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
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, KS_EXPORT_ERROR, KS_EXPORT_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
