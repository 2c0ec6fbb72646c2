/* ks-product.h — a product we sell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_PRODUCT (ks_product_get_type ())
G_DECLARE_FINAL_TYPE (KsProduct, ks_product, KS, PRODUCT, GObject)

KsProduct   *ks_product_new        (const char   *name);
gint64       ks_product_get_id     (KsProduct    *self);
const char  *ks_product_get_name   (KsProduct    *self);
void         ks_product_set_name   (KsProduct    *self,
                                    const char   *name);
const char  *ks_product_get_series (KsProduct    *self);
void         ks_product_set_series (KsProduct    *self,
                                    const char   *series);
double       ks_product_get_price  (KsProduct    *self);  /* NaN when unknown */
void         ks_product_set_price  (KsProduct    *self,
                                    double        price);

GListModel  *ks_product_list       (KsWorkspace  *workspace,
                                    GError      **error);
gboolean     ks_product_save       (KsProduct    *self,
                                    KsWorkspace  *workspace,
                                    GError      **error);
gboolean     ks_product_delete     (KsWorkspace  *workspace,
                                    gint64        id,
                                    GError      **error);
KsProduct   *ks_product_load       (KsWorkspace  *workspace,
                                    gint64        id,
                                    GError      **error);
gboolean     ks_product_validate   (KsProduct    *self,
                                    GError      **error);

G_END_DECLS
