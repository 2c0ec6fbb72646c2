/* ks-person-row.h — one person in the people list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-person.h"

G_BEGIN_DECLS

#define KS_TYPE_PERSON_ROW (ks_person_row_get_type ())
G_DECLARE_FINAL_TYPE (KsPersonRow, ks_person_row, KS, PERSON_ROW, GtkWidget)

GtkWidget *ks_person_row_new        (void);
void       ks_person_row_set_person (KsPersonRow *self,
                                     KsPerson    *person);

G_END_DECLS
