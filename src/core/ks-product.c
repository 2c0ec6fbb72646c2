/* ks-product.c — a product we sell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-product"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ks-product.h"
#include "ks-workspace-private.h"

struct _KsProduct
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *series;
  double   price;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SERIES,
  PROP_PRICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KsProduct, ks_product, G_TYPE_OBJECT)

#define SELECT_PRODUCT "SELECT id, name, series, price FROM products "

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value ? value : "") == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value ? value : "");
  return TRUE;
}

static KsProduct *
product_from_row (KsStmt *stmt)
{
  KsProduct *self = g_object_new (KS_TYPE_PRODUCT, NULL);

  self->id = ks_stmt_column_int64 (stmt, 0);
  set_string (&self->name, ks_column_text (stmt, 1));
  set_string (&self->series, ks_column_text (stmt, 2));
  self->price = ks_column_double_or_nan (stmt, 3);
  return self;
}

static void
ks_product_finalize (GObject *object)
{
  KsProduct *self = KS_PRODUCT (object);

  g_free (self->name);
  g_free (self->series);

  G_OBJECT_CLASS (ks_product_parent_class)->finalize (object);
}

static void
ks_product_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KsProduct *self = KS_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_SERIES: g_value_set_string (value, self->series); break;
    case PROP_PRICE: g_value_set_double (value, self->price); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_product_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KsProduct *self = KS_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_NAME: ks_product_set_name (self, g_value_get_string (value)); break;
    case PROP_SERIES: ks_product_set_series (self, g_value_get_string (value)); break;
    case PROP_PRICE: ks_product_set_price (self, g_value_get_double (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_product_class_init (KsProductClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ks_product_finalize;
  object_class->get_property = ks_product_get_property;
  object_class->set_property = ks_product_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_SERIES] = g_param_spec_string ("series", NULL, NULL, "", rw);
  properties[PROP_PRICE] = g_param_spec_double ("price", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ks_product_init (KsProduct *self)
{
  self->name = g_strdup ("");
  self->series = g_strdup ("");
  self->price = NAN;
}

KsProduct *
ks_product_new (const char *name)
{
  KsProduct *self = g_object_new (KS_TYPE_PRODUCT, NULL);
  set_string (&self->name, name);
  return self;
}

gint64
ks_product_get_id (KsProduct *self)
{
  g_return_val_if_fail (KS_IS_PRODUCT (self), 0);
  return self->id;
}

const char *
ks_product_get_name (KsProduct *self)
{
  g_return_val_if_fail (KS_IS_PRODUCT (self), NULL);
  return self->name;
}

void
ks_product_set_name (KsProduct  *self,
                     const char *name)
{
  g_return_if_fail (KS_IS_PRODUCT (self));
  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ks_product_get_series (KsProduct *self)
{
  g_return_val_if_fail (KS_IS_PRODUCT (self), NULL);
  return self->series;
}

void
ks_product_set_series (KsProduct  *self,
                       const char *series)
{
  g_return_if_fail (KS_IS_PRODUCT (self));
  if (set_string (&self->series, series))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIES]);
}

double
ks_product_get_price (KsProduct *self)
{
  g_return_val_if_fail (KS_IS_PRODUCT (self), NAN);
  return self->price;
}

void
ks_product_set_price (KsProduct *self,
                      double     price)
{
  g_return_if_fail (KS_IS_PRODUCT (self));
  if (self->price == price || (isnan (self->price) && isnan (price)))
    return;
  self->price = price;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICE]);
}

/**
 * ks_product_list:
 *
 * Returns: (transfer full): a #GListModel of #KsProduct sorted by name
 */
GListModel *
ks_product_list (KsWorkspace  *workspace,
                 GError      **error)
{
  g_autoptr(GListStore) store = g_list_store_new (KS_TYPE_PRODUCT);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  stmt = ks_workspace_prepare (workspace, SELECT_PRODUCT "ORDER BY name COLLATE NOCASE, name", error);
  if (!stmt)
    return NULL;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    g_ptr_array_add (items, product_from_row (stmt));
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the products"));
      return NULL;
    }
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

KsProduct *
ks_product_load (KsWorkspace  *workspace,
                 gint64        id,
                 GError      **error)
{
  KsStmt *stmt;
  KsProduct *self = NULL;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(stmt = ks_workspace_prepare (workspace, SELECT_PRODUCT "WHERE id = ?1", error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    self = product_from_row (stmt);
  ks_stmt_reset (stmt);
  if (rc == KS_STEP_DONE)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no product with id %" PRId64), id);
  else if (rc != KS_STEP_ROW)
    ks_workspace_set_sql_error (workspace, error, _("read a product"));
  return self;
}

gboolean
ks_product_validate (KsProduct  *self,
                     GError    **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (KS_IS_PRODUCT (self), FALSE);

  trimmed = g_strstrip (g_strdup (self->name));
  if (*trimmed == '\0')
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("A product needs a name"));
      return FALSE;
    }
  if (!isnan (self->price) && (self->price < 0 || !isfinite (self->price)))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The price of “%s” cannot be negative"), self->name);
      return FALSE;
    }
  return TRUE;
}

/**
 * ks_product_save:
 *
 * Inserts (id 0) or updates the whole row as one user action.
 */
gboolean
ks_product_save (KsProduct    *self,
                 KsWorkspace  *workspace,
                 GError      **error)
{
  KsStmt *stmt;
  gboolean inserting;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KS_IS_PRODUCT (self), FALSE);
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_product_validate (self, error))
    return FALSE;

  inserting = self->id <= 0;
  if (!ks_workspace_begin (workspace, inserting ? _("Add product") : _("Edit product"), error))
    return FALSE;

  if (inserting)
    stmt = ks_workspace_prepare (workspace,
                                 "INSERT INTO products (name, series, price) VALUES (?1, ?2, ?3)",
                                 error);
  else
    stmt = ks_workspace_prepare (workspace,
                                 "UPDATE products SET name = ?1, series = ?2, price = ?3 WHERE id = ?4",
                                 error);
  if (!stmt)
    goto fail;

  name = g_strstrip (g_strdup (self->name));
  ks_bind_text (stmt, 1, name);
  ks_bind_text (stmt, 2, self->series);
  ks_bind_double_or_null (stmt, 3, self->price);
  if (!inserting)
    ks_stmt_bind_int64 (stmt, 4, self->id);

  if (!ks_workspace_step_done (workspace, stmt, _("save the product"), &local_error))
    {
      if (ks_workspace_last_error (workspace) == KS_DB_ERROR_UNIQUE)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("There is already a product named “%s”"), name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  if (inserting)
    self->id = ks_workspace_last_insert_id (workspace);
  else if (ks_workspace_changes (workspace) == 0)
    {
      /* Deleted since it was loaded (another window, an undo). */
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("“%s” is no longer in the workspace"), name);
      goto fail;
    }
  if (!ks_workspace_commit (workspace, error))
    {
      if (inserting)
        self->id = 0;
      return FALSE;
    }

  ks_product_set_name (self, name);
  if (inserting)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  return TRUE;

fail:
  ks_workspace_rollback (workspace);
  if (inserting)
    self->id = 0;
  return FALSE;
}

/**
 * ks_product_delete:
 *
 * Removes the product; its opportunities keep no product.
 */
gboolean
ks_product_delete (KsWorkspace  *workspace,
                   gint64        id,
                   GError      **error)
{
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_workspace_begin (workspace, _("Delete product"), error))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM products WHERE id = ?1", error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  if (!ks_workspace_step_done (workspace, stmt, _("delete the product"), error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}
