/* ks-plan-context.c — what the plan page's sections share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dates and names every part of the plan page shows the same way, and
 * the lookups in the lists the page holds for the shown account.
 */
#define G_LOG_DOMAIN "ks-plan-page"

#include "config.h"

#include "ks-plan-context.h"

#include <string.h>

#include "ks-app-util.h"
#include "ks-person.h"
#include "ks-product.h"

const char *
ks_plan_nonnull (const char *s)
{
  return s ? s : "";
}

char *
ks_plan_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

GDateTime *
ks_plan_parse_iso_date (const char *iso)
{
  int y, m, d;

  if (!iso || strlen (iso) != 10 || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  if (!g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_time_new_local (y, m, d, 0, 0, 0);
}

char *
ks_plan_format_date (const char *iso,
                     gboolean    short_form)
{
  g_autoptr(GDateTime) date = ks_plan_parse_iso_date (iso);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (!date)
    return g_strdup (ks_plan_nonnull (iso));
  if (short_form && g_date_time_get_year (date) == g_date_time_get_year (now))
    return g_date_time_format (date, "%-d %b");
  return g_date_time_format (date, "%-d %b %Y");
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

GListModel *
ks_plan_context_reference_model (KsPlanContext  *ctx,
                                 KsPlanKind      kind,
                                 KsItemIdFunc   *get_id,
                                 KsItemNameFunc *get_name)
{
  switch (kind)
    {
    case KS_PLAN_KIND_PERSON:
      *get_id = person_id;
      *get_name = person_name;
      return ctx->people;
    case KS_PLAN_KIND_PRODUCT:
      *get_id = product_id;
      *get_name = product_name;
      return ctx->products;
    case KS_PLAN_KIND_CONTACT:
      *get_id = contact_id;
      *get_name = contact_name;
      return ctx->contacts;
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

const char *
ks_plan_context_reference_name (KsPlanContext *ctx,
                                KsPlanKind     kind,
                                gint64         id)
{
  KsItemIdFunc get_id;
  KsItemNameFunc get_name;
  GListModel *model;
  guint n;

  if (id <= 0)
    return NULL;
  model = ks_plan_context_reference_model (ctx, kind, &get_id, &get_name);
  n = model ? g_list_model_get_n_items (model) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (get_id (item) == id)
        return get_name (item);
    }
  return NULL;
}

KsContact *
ks_plan_context_find_contact (KsPlanContext *ctx,
                              gint64         id)
{
  guint n = ctx->contacts ? g_list_model_get_n_items (ctx->contacts) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsContact) contact = g_list_model_get_item (ctx->contacts, i);

      if (ks_contact_get_id (contact) == id)
        return g_steal_pointer (&contact);
    }
  return NULL;
}

void
ks_plan_context_show_error (KsPlanContext *ctx,
                            const char    *heading,
                            GError        *error)
{
  ks_message_dialog_show (ctx->page, heading, error->message);
}

gboolean
ks_plan_free_last (GPtrArray *dead)
{
  if (dead->len == 0)
    return FALSE;
  g_ptr_array_remove_index (dead, dead->len - 1);
  return TRUE;
}
