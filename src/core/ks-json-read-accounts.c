/* ks-json-read-accounts.c — reading a document's accounts and review scoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "accounts", each with its team, contacts (and their place on the power
 * map), lines, snapshots, plan and scores; and the key account review's
 * "criteria" and "review_periods" of a whole workspace, which those scores
 * name. Read after the people and products, which they refer to by name.
 */
#define G_LOG_DOMAIN "ks-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ks-json-private.h"
#include "ks-map-snapshot.h"
#include "ks-powermap-types.h"
#include "ks-scoring.h"

/* A contact's power-map members; errors name the contact. */
G_GNUC_PRINTF (6, 7)
static void
contact_fail (Import      *im,
              GError     **error,
              JsonObject  *object,
              Account     *a,
              guint        index,
              const char  *format,
              ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index, "%s", reason);
}

static gboolean
read_contact_choice (Import             *im,
                     JsonObject         *object,
                     const char         *member,
                     const char * const *allowed,
                     const char        **out,
                     Contact            *c,
                     Account            *a,
                     guint               index,
                     GError            **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *list = NULL;

  if (!node || JSON_NODE_HOLDS_NULL (node))
    {
      *out = allowed[0];
      return TRUE;
    }
  if (ks_json_holds_type (node, G_TYPE_STRING) && g_strv_contains (allowed, json_node_get_string (node)))
    {
      *out = json_node_get_string (node);
      return TRUE;
    }
  list = g_strjoinv (", ", (char **) allowed);
  contact_fail (im, error, object, a, index, _("contact “%s”: “%s” must be one of %s"), c->name, member, list);
  return FALSE;
}

static gboolean
read_contact_map (Import      *im,
                  JsonObject  *object,
                  Contact     *c,
                  Account     *a,
                  guint        index,
                  GError     **error)
{
  JsonNode *node;

  if (!read_contact_choice (im, object, "kind", ks_node_kind_strings (), &c->kind, c, a, index, error) ||
      !read_contact_choice (im, object, "relationship", ks_relationship_strings (), &c->relationship,
                            c, a, index, error) ||
      !read_contact_choice (im, object, "attitude", ks_attitude_strings (), &c->attitude, c, a, index, error) ||
      !read_contact_choice (im, object, "level", ks_level_strings (), &c->level, c, a, index, error))
    return FALSE;

  node = json_object_get_member (object, "power");
  if (node && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!ks_json_holds_type (node, G_TYPE_INT64) || json_node_get_int (node) < 0 || json_node_get_int (node) > 3)
        {
          contact_fail (im, error, object, a, index,
                        _("contact “%s”: “power” must be 1 (high), 2 (medium), 3 (low) or null"), c->name);
          return FALSE;
        }
      c->power = json_node_get_int (node);
    }

  node = json_object_get_member (object, "roles");
  if (node && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonArray *roles = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

      for (guint i = 0; roles && i < json_array_get_length (roles); i++)
        {
          JsonNode *role = json_array_get_element (roles, i);
          KsBuyingRoles flag;

          if (!ks_json_holds_type (role, G_TYPE_STRING) || !ks_buying_role_from_string (json_node_get_string (role), &flag))
            {
              roles = NULL;
              break;
            }
          c->roles |= flag;
        }
      if (!roles)
        {
          g_autofree char *list = g_strjoinv (", ", (char **) ks_buying_role_strings ());
          contact_fail (im, error, object, a, index,
                        _("contact “%s”: “roles” must be a list of %s"), c->name, list);
          return FALSE;
        }
    }

  if (!ks_json_read_string (im, object, "owner", TRUE, &c->owner, SUBJECT_ACCOUNT, a->name, index, error) ||
      !ks_json_read_string (im, object, "last_contact", TRUE, &c->last_contact, SUBJECT_ACCOUNT, a->name, index, error) ||
      !ks_json_read_number (im, object, "x", TRUE, &c->x, SUBJECT_ACCOUNT, a->name, index, error) ||
      !ks_json_read_number (im, object, "y", TRUE, &c->y, SUBJECT_ACCOUNT, a->name, index, error))
    return FALSE;
  if (c->owner && !g_hash_table_contains (im->person_index, c->owner))
    {
      contact_fail (im, error, object, a, index,
                    _("contact “%s”: the owner “%s” is not among the people"), c->name, c->owner);
      return FALSE;
    }
  if (c->last_contact && !ks_json_is_iso_date (c->last_contact))
    {
      contact_fail (im, error, object, a, index,
                    _("contact “%s”: “last_contact” is not a date: “%s” (use YYYY-MM-DD or null)"),
                    c->name, c->last_contact);
      return FALSE;
    }
  if (isnan (c->x) != isnan (c->y))
    {
      contact_fail (im, error, object, a, index,
                    _("contact “%s”: “x” and “y” are both numbers or both null"), c->name);
      return FALSE;
    }

  node = json_object_get_member (object, "pinned");
  if (node && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!ks_json_holds_type (node, G_TYPE_BOOLEAN))
        {
          contact_fail (im, error, object, a, index,
                        _("contact “%s”: “pinned” must be true or false"), c->name);
          return FALSE;
        }
      c->pinned = json_node_get_boolean (node);
    }
  return TRUE;
}

static gboolean
read_team (Import      *im,
           Account     *a,
           guint        index,
           GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (!ks_json_get_array (im, a->object, "team", &array, SUBJECT_ACCOUNT, a->name, index, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      JsonNode *core = json_object_get_member (object, "core");
      Member m = { index, NULL, NULL, TRUE };

      if (!ks_json_read_string (im, object, "person", TRUE, &m.person, SUBJECT_ACCOUNT, a->name, index, error) ||
          !ks_json_read_string (im, object, "role", FALSE, &m.role, SUBJECT_ACCOUNT, a->name, index, error))
        return FALSE;
      if (!m.person)
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("team member #%u names no “person”"), i + 1);
          return FALSE;
        }
      if (core && !JSON_NODE_HOLDS_NULL (core))
        {
          if (!ks_json_holds_type (core, G_TYPE_BOOLEAN))
            {
              ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                            _("“core” of team member “%s” must be true or false"), m.person);
              return FALSE;
            }
          m.core = json_node_get_boolean (core);
        }
      if (!g_hash_table_contains (im->person_index, m.person))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("the team member “%s” is not among the people"), m.person);
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer) m.person))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("“%s” is in the team twice"), m.person);
          return FALSE;
        }
      g_array_append_val (im->members, m);
    }
  return TRUE;
}

static gboolean
read_contacts (Import      *im,
               Account     *a,
               guint        index,
               GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (!ks_json_get_array (im, a->object, "contacts", &array, SUBJECT_ACCOUNT, a->name, index, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      Contact c = { index };
      g_autofree char *trimmed = NULL;

      c.x = c.y = NAN;

      if (!ks_json_read_string (im, object, "name", FALSE, &c.name, SUBJECT_ACCOUNT, a->name, index, error) ||
          !ks_json_read_string (im, object, "title", FALSE, &c.title, SUBJECT_ACCOUNT, a->name, index, error) ||
          !ks_json_read_string (im, object, "department", FALSE, &c.department, SUBJECT_ACCOUNT, a->name, index, error) ||
          !ks_json_read_string (im, object, "phone", FALSE, &c.phone, SUBJECT_ACCOUNT, a->name, index, error) ||
          !ks_json_read_string (im, object, "email", FALSE, &c.email, SUBJECT_ACCOUNT, a->name, index, error) ||
          !ks_json_read_string (im, object, "channel", FALSE, &c.channel, SUBJECT_ACCOUNT, a->name, index, error) ||
          !ks_json_read_string (im, object, "time_zone", FALSE, &c.time_zone, SUBJECT_ACCOUNT, a->name, index, error) ||
          !ks_json_read_string (im, object, "notes", FALSE, &c.notes, SUBJECT_ACCOUNT, a->name, index, error))
        return FALSE;
      trimmed = g_strstrip (g_strdup (c.name));
      if (!*trimmed)
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("contact #%u has no name"), i + 1);
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer) c.name))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("the contact “%s” is listed twice"), c.name);
          return FALSE;
        }
      if (!read_contact_map (im, object, &c, a, index, error))
        return FALSE;
      g_array_append_val (im->contacts, c);
    }
  return TRUE;
}

/* The lines of one account, whose contacts are contacts[first...]. */
static gboolean
read_lines (Import      *im,
            Account     *a,
            guint        index,
            guint        first,
            GError     **error)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = im->contacts->len - first;
  g_autofree guint *manager = g_new0 (guint, n + 1);   /* local index + 1 of whom each reports to */
  g_autofree guint8 *mark = g_new0 (guint8, n + 1);
  g_autofree JsonObject **reporting = g_new0 (JsonObject *, n + 1);
  JsonArray *array;

  for (guint i = first; i < im->contacts->len; i++)
    g_hash_table_insert (by_name, (gpointer) g_array_index (im->contacts, Contact, i).name,
                         GUINT_TO_POINTER (i + 1));

  if (!ks_json_get_array (im, a->object, "lines", &array, SUBJECT_ACCOUNT, a->name, index, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *from, *to, *kind;
      guint from_slot, to_slot;
      gint64 strength = -1;
      JsonNode *node;
      Line line;
      const Contact *cf, *ct;

      if (!ks_json_read_string (im, object, "from", FALSE, &from, SUBJECT_ACCOUNT, a->name, index, error) ||
          !ks_json_read_string (im, object, "to", FALSE, &to, SUBJECT_ACCOUNT, a->name, index, error))
        return FALSE;
      if (!ks_json_read_one_of (im, object, "kind", ks_line_kind_strings (), NULL, &kind, a->name, index, error))
        return FALSE;
      if (!kind)
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("line #%u has no “kind”"), i + 1);
          return FALSE;
        }
      from_slot = GPOINTER_TO_UINT (g_hash_table_lookup (by_name, from));
      to_slot = GPOINTER_TO_UINT (g_hash_table_lookup (by_name, to));
      if (!from_slot || !to_slot)
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("line #%u: “%s” is not among the contacts of this account"), i + 1,
                        from_slot ? to : from);
          return FALSE;
        }
      if (from_slot == to_slot)
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("line #%u joins “%s” to itself"), i + 1, from);
          return FALSE;
        }
      node = json_object_get_member (object, "strength");
      if (node && !JSON_NODE_HOLDS_NULL (node))
        {
          if (!ks_json_holds_type (node, G_TYPE_INT64) || json_node_get_int (node) < 1 || json_node_get_int (node) > 3)
            {
              ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                            _("line #%u: “strength” must be 1, 2, 3 or null"), i + 1);
              return FALSE;
            }
          strength = json_node_get_int (node);
        }
      cf = &g_array_index (im->contacts, Contact, from_slot - 1);
      ct = &g_array_index (im->contacts, Contact, to_slot - 1);
      if (!g_str_equal (kind, "influence") &&
          (!g_str_equal (cf->kind, "contact") || !g_str_equal (ct->kind, "contact")))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("line #%u: “%s” is a competitor or third party: it can only be linked by an influence line"),
                        i + 1, g_str_equal (cf->kind, "contact") ? to : from);
          return FALSE;
        }
      if (!g_hash_table_add (seen, g_strdup_printf ("%u:%u:%s", from_slot, to_slot, kind)))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("the line from “%s” to “%s” (%s) is listed twice"), from, to, kind);
          return FALSE;
        }
      if (g_str_equal (kind, "reports-to"))
        {
          guint local = from_slot - 1 - first;

          if (manager[local])
            {
              ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                            _("“%s” reports to two people; one of the lines must be dotted"), from);
              return FALSE;
            }
          manager[local] = to_slot - first;
          reporting[local] = object;
        }
      line = (Line) { from_slot - 1, to_slot - 1, kind, strength };
      g_array_append_val (im->lines, line);
    }

  /* Reporting lines must not loop: walk each chain once (1 on this walk, 2 checked). */
  for (guint i = 0; i < n; i++)
    {
      guint j = i;

      while (mark[j] == 0)
        {
          mark[j] = 1;
          if (!manager[j])
            break;
          j = manager[j] - 1;
          if (mark[j] == 1)
            {
              ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, reporting[j], SUBJECT_ACCOUNT, a->name, index,
                            _("“%s” reports to themselves, directly or through others"),
                            g_array_index (im->contacts, Contact, first + j).name);
              return FALSE;
            }
        }
      for (j = i; mark[j] == 1; )
        {
          mark[j] = 2;
          if (!manager[j])
            break;
          j = manager[j] - 1;
        }
    }
  return TRUE;
}

static gboolean
read_snapshots (Import      *im,
                Account     *a,
                guint        index,
                GError     **error)
{
  JsonArray *array;

  if (!ks_json_get_array (im, a->object, "snapshots", &array, SUBJECT_ACCOUNT, a->name, index, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      JsonNode *nodes = json_object_get_member (object, "nodes");
      Snapshot snap = { index };
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GArray) states = NULL;
      g_autofree char *text = NULL;

      if (!ks_json_read_string (im, object, "taken", FALSE, &snap.taken, SUBJECT_ACCOUNT, a->name, index, error) ||
          !ks_json_read_string (im, object, "label", FALSE, &snap.label, SUBJECT_ACCOUNT, a->name, index, error))
        return FALSE;
      if (!ks_json_is_iso_date (snap.taken))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("snapshot #%u: “taken” is not a date: “%s” (use YYYY-MM-DD)"), i + 1, snap.taken);
          return FALSE;
        }
      if (nodes && !JSON_NODE_HOLDS_NULL (nodes) && !JSON_NODE_HOLDS_ARRAY (nodes))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("snapshot #%u: “nodes” must be a list"), i + 1);
          return FALSE;
        }
      /* The snapshot reader checks the nodes and gives their stored form. */
      text = nodes && !JSON_NODE_HOLDS_NULL (nodes) ? json_to_string (nodes, FALSE) : g_strdup ("[]");
      if (!(states = ks_map_node_states_from_json (text, &local_error)))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("snapshot #%u: %s"), i + 1, local_error->message);
          return FALSE;
        }
      snap.data = ks_map_node_states_to_json (states);
      g_array_append_val (im->snapshots, snap);
    }
  return TRUE;
}

/* Where plan values are read from, for messages: "plan" or "plan, objectives #2". */
static gboolean
read_plan_value (Import             *im,
                 JsonObject         *object,
                 const KsPlanField  *field,
                 KsPlanValue        *value,
                 const char         *where,
                 Account            *a,
                 guint               index,
                 guint               first_contact,
                 guint               plan_index,
                 GError            **error)
{
  JsonNode *node = json_object_get_member (object, field->key);
  g_autoptr(GError) local_error = NULL;
  PlanRef ref = { plan_index, value, field->kind, NULL, 0 };

  if (!node || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  switch (field->kind)
    {
    case KS_PLAN_KIND_TEXT:
    case KS_PLAN_KIND_LONG_TEXT:
    case KS_PLAN_KIND_DATE:
    case KS_PLAN_KIND_CHOICE:
      if (!ks_json_holds_type (node, G_TYPE_STRING))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("%s: “%s” must be a string"), where, field->key);
          return FALSE;
        }
      g_free (value->text);
      value->text = g_strdup (json_node_get_string (node));
      break;
    case KS_PLAN_KIND_NUMBER:
    case KS_PLAN_KIND_PERCENT:
      if (!ks_json_holds_type (node, G_TYPE_INT64) && !ks_json_holds_type (node, G_TYPE_DOUBLE))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("%s: “%s” must be a number"), where, field->key);
          return FALSE;
        }
      value->number = json_node_get_double (node);
      break;
    case KS_PLAN_KIND_BOOL:
      if (!ks_json_holds_type (node, G_TYPE_BOOLEAN))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("%s: “%s” must be true or false"), where, field->key);
          return FALSE;
        }
      value->number = json_node_get_boolean (node) ? 1 : 0;
      break;
    case KS_PLAN_KIND_PERSON:
    case KS_PLAN_KIND_CONTACT:
    case KS_PLAN_KIND_PRODUCT:
      if (!ks_json_holds_type (node, G_TYPE_STRING))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("%s: “%s” must be a name (a string)"), where, field->key);
          return FALSE;
        }
      ref.name = json_node_get_string (node);
      if (!*ref.name)
        return TRUE;
      if (field->kind == KS_PLAN_KIND_PERSON && !g_hash_table_contains (im->person_index, ref.name))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("%s: “%s”: the person “%s” is not among the people"), where, field->key, ref.name);
          return FALSE;
        }
      if (field->kind == KS_PLAN_KIND_PRODUCT && !g_hash_table_contains (im->product_index, ref.name))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("%s: “%s”: the product “%s” is not among the products"), where, field->key, ref.name);
          return FALSE;
        }
      if (field->kind == KS_PLAN_KIND_CONTACT)
        {
          guint i;

          for (i = first_contact; i < im->contacts->len; i++)
            if (g_str_equal (g_array_index (im->contacts, Contact, i).name, ref.name))
              break;
          if (i == im->contacts->len)
            {
              ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                            _("%s: “%s”: “%s” is not among the contacts of this account"),
                            where, field->key, ref.name);
              return FALSE;
            }
          ref.contact = i;
        }
      /* Resolved to an id once the rows are written; validated as set. */
      value->id = 1;
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ks_plan_value_validate (field, value, &local_error))
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                    _("%s: “%s”: %s"), where, field->key, local_error->message);
      return FALSE;
    }
  if (ref.name)
    g_array_append_val (im->plan_refs, ref);
  return TRUE;
}

/* "plan": unknown keys are skipped (a newer template), wrong values refused. */
static gboolean
read_plan (Import      *im,
           Account     *a,
           guint        index,
           guint        first_contact,
           GError     **error)
{
  JsonNode *node = json_object_get_member (a->object, "plan");
  JsonObject *object;
  const KsPlanField *fields;
  guint n_fields, plan_index = im->plans->len;
  PlanIn *in;

  if (!node || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, a->object, SUBJECT_ACCOUNT, a->name, index,
                    _("“plan” must be an object"));
      return FALSE;
    }
  object = json_node_get_object (node);
  in = g_new0 (PlanIn, 1);
  in->account = index;
  in->plan = ks_plan_new (0);
  g_ptr_array_add (im->plans, in);

  fields = ks_plan_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    if (!read_plan_value (im, object, &fields[i], &in->plan->values[i], _("plan"),
                          a, index, first_contact, plan_index, error))
      return FALSE;

  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    {
      const KsPlanListInfo *info = ks_plan_list_info (l);
      JsonArray *array;

      if (!ks_json_get_array (im, object, info->key, &array, SUBJECT_ACCOUNT, a->name, index, error))
        return FALSE;
      if (array && info->max_items && json_array_get_length (array) > info->max_items)
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                        _("plan: “%s” holds %u items; at most %u are allowed"),
                        info->key, json_array_get_length (array), info->max_items);
          return FALSE;
        }
      for (guint i = 0; array && i < json_array_get_length (array); i++)
        {
          JsonObject *item_object = json_array_get_object_element (array, i);
          KsPlanItem *item = ks_plan_item_new (l);
          g_autofree char *where = g_strdup_printf (_("plan, %s #%u"), info->key, i + 1);

          g_ptr_array_add (in->plan->items[l], item);
          for (guint f = 0; f < info->n_fields; f++)
            if (!read_plan_value (im, item_object, &info->fields[f], &item->values[f], where,
                                  a, index, first_contact, plan_index, error))
              return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_period_name (Import      *im,
                   JsonObject  *object,
                   const char  *name,
                   SubjectKind  kind,
                   const char  *subject,
                   guint        index,
                   GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  if (!*trimmed || g_utf8_strlen (trimmed, -1) > 40 || !g_str_equal (trimmed, name))
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, subject, index,
                    _("the review period “%s” must be a name of 1 to 40 characters without surrounding space"),
                    name);
      return FALSE;
    }
  return TRUE;
}

/* "criteria" (weights summing to 100, names unique ignoring case) and
 * "review_periods" of a whole workspace. */
gboolean
ks_json_read_scoring (Import      *im,
                      JsonObject  *root,
                      GError     **error)
{
  JsonArray *array;
  JsonNode *node = json_object_get_member (root, "criteria");

  im->has_criteria = node && !JSON_NODE_HOLDS_NULL (node);
  if (!ks_json_get_array (im, root, "criteria", &array, SUBJECT_NONE, NULL, 0, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      CriterionIn c = { json_array_get_object_element (array, i) };
      char *key;

      if (!ks_json_read_name (im, c.object, "name", &c.name, SUBJECT_NONE, i, error) ||
          !ks_json_read_number (im, c.object, "weight", FALSE, &c.weight, SUBJECT_NONE, NULL, i, error))
        return FALSE;
      if (isnan (c.weight) || c.weight > 100)
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, c.object, SUBJECT_NONE, NULL, i,
                        _("the criterion “%s” needs a “weight” between 0 and 100"), c.name);
          return FALSE;
        }
      key = g_strstrip (g_utf8_casefold (c.name, -1));
      if (g_hash_table_contains (im->criterion_index, key))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, c.object, SUBJECT_NONE, NULL, i,
                        _("the criterion “%s” is listed twice (names are compared ignoring case)"), c.name);
          g_free (key);
          return FALSE;
        }
      g_hash_table_insert (im->criterion_index, key, GUINT_TO_POINTER (i + 1));
      g_array_append_val (im->criteria, c);
    }
  if (im->has_criteria)
    {
      g_autofree const char **names = g_new0 (const char *, im->criteria->len + 1);
      g_autofree double *weights = g_new0 (double, im->criteria->len + 1);
      g_autoptr(GError) local = NULL;

      for (guint i = 0; i < im->criteria->len; i++)
        {
          names[i] = g_array_index (im->criteria, CriterionIn, i).name;
          weights[i] = g_array_index (im->criteria, CriterionIn, i).weight;
        }
      if (!ks_score_weights_check (names, weights, im->criteria->len, &local))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
                        _("“criteria”: %s"), local->message);
          return FALSE;
        }
    }

  if (!ks_json_get_array (im, root, "review_periods", &array, SUBJECT_NONE, NULL, 0, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      PeriodIn p = { json_array_get_object_element (array, i) };

      if (!ks_json_read_name (im, p.object, "name", &p.name, SUBJECT_NONE, i, error) ||
          !check_period_name (im, p.object, p.name, SUBJECT_NONE, NULL, i, error))
        return FALSE;
      if (g_hash_table_contains (im->period_index, p.name))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, p.object, SUBJECT_NONE, NULL, i,
                        _("the review period “%s” is listed twice"), p.name);
          return FALSE;
        }
      g_hash_table_insert (im->period_index, (gpointer) p.name, GUINT_TO_POINTER (i + 1));
      g_array_append_val (im->periods, p);
    }
  return TRUE;
}

/* An account's "scores". In a whole workspace every period and criterion must
 * be the document's; a handover document's are matched when it is written. */
static gboolean
read_scores (Import      *im,
             Account     *a,
             guint        index,
             GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  if (!ks_json_get_array (im, a->object, "scores", &array, SUBJECT_ACCOUNT, a->name, index, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      ScoreIn sc = { json_array_get_object_element (array, i), index };
      g_autofree char *criterion_key = NULL;
      char *pair;

      if (!ks_json_read_string (im, sc.object, "period", FALSE, &sc.period, SUBJECT_ACCOUNT, a->name, index, error) ||
          !ks_json_read_string (im, sc.object, "criterion", FALSE, &sc.criterion, SUBJECT_ACCOUNT, a->name, index, error) ||
          !ks_json_read_number (im, sc.object, "score", FALSE, &sc.score, SUBJECT_ACCOUNT, a->name, index, error) ||
          !ks_json_read_string (im, sc.object, "explanation", FALSE, &sc.explanation, SUBJECT_ACCOUNT, a->name, index,
                                error) ||
          !check_period_name (im, sc.object, sc.period, SUBJECT_ACCOUNT, a->name, index, error))
        return FALSE;
      if (isnan (sc.score) || sc.score > 100)
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, sc.object, SUBJECT_ACCOUNT, a->name, index,
                        _("score #%u needs a “score” between 0 and 100"), i + 1);
          return FALSE;
        }
      criterion_key = g_utf8_casefold (sc.criterion, -1);
      if (!*g_strstrip (criterion_key))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, sc.object, SUBJECT_ACCOUNT, a->name, index,
                        _("score #%u has no “criterion”"), i + 1);
          return FALSE;
        }
      if (!im->account_mode)
        {
          if (!im->has_criteria)
            {
              ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, sc.object, SUBJECT_ACCOUNT, a->name, index,
                            _("the document has scores but no “criteria”"));
              return FALSE;
            }
          if (!g_hash_table_contains (im->criterion_index, criterion_key))
            {
              ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, sc.object, SUBJECT_ACCOUNT, a->name, index,
                            _("the criterion “%s” is not among the “criteria”"), sc.criterion);
              return FALSE;
            }
          if (!g_hash_table_contains (im->period_index, sc.period))
            {
              ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, sc.object, SUBJECT_ACCOUNT, a->name, index,
                            _("the review period “%s” is not among the “review_periods”"), sc.period);
              return FALSE;
            }
        }
      pair = g_strconcat (sc.period, "\n", criterion_key, NULL);
      if (!g_hash_table_add (seen, pair))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, sc.object, SUBJECT_ACCOUNT, a->name, index,
                        _("“%s” is scored twice in the period “%s”"), sc.criterion, sc.period);
          return FALSE;
        }
      g_array_append_val (im->scores, sc);
    }
  return TRUE;
}

gboolean
ks_json_read_accounts (Import      *im,
                       JsonObject  *root,
                       GError     **error)
{
  static const char *const segments[] = { "key", "important", "normal", NULL };
  static const char *const lifecycles[] = { "acquisition", "development", "retention", "win-back", NULL };
  JsonArray *array;

  if (!ks_json_get_array (im, root, "accounts", &array, SUBJECT_NONE, NULL, 0, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      Account a = { json_array_get_object_element (array, i) };
      guint first_contact = im->contacts->len;

      if (!ks_json_read_name (im, a.object, "name", &a.name, SUBJECT_ACCOUNT, i, error))
        return FALSE;
      if (!ks_json_read_string (im, a.object, "parent", TRUE, &a.parent, SUBJECT_ACCOUNT, a.name, i, error) ||
          !ks_json_read_string (im, a.object, "sector", FALSE, &a.sector, SUBJECT_ACCOUNT, a.name, i, error) ||
          !ks_json_read_string (im, a.object, "country", FALSE, &a.country, SUBJECT_ACCOUNT, a.name, i, error) ||
          !ks_json_read_string (im, a.object, "time_zone", FALSE, &a.time_zone, SUBJECT_ACCOUNT, a.name, i, error) ||
          !ks_json_read_count (im, a.object, "year_established", 9999, &a.year, SUBJECT_ACCOUNT, a.name, i, error) ||
          !ks_json_read_number (im, a.object, "revenue", FALSE, &a.revenue, SUBJECT_ACCOUNT, a.name, i, error) ||
          !ks_json_read_count (im, a.object, "employees", G_MAXINT64, &a.employees, SUBJECT_ACCOUNT, a.name, i, error) ||
          !ks_json_read_string (im, a.object, "owner", TRUE, &a.owner, SUBJECT_ACCOUNT, a.name, i, error) ||
          !ks_json_read_one_of (im, a.object, "segment", segments, "normal", &a.segment, a.name, i, error) ||
          !ks_json_read_one_of (im, a.object, "lifecycle", lifecycles, "development", &a.lifecycle, a.name, i, error) ||
          !ks_json_read_string (im, a.object, "notes", FALSE, &a.notes, SUBJECT_ACCOUNT, a.name, i, error))
        return FALSE;
      if (a.owner && !g_hash_table_contains (im->person_index, a.owner))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, a.object, SUBJECT_ACCOUNT, a.name, i,
                        _("the owner “%s” is not among the people"), a.owner);
          return FALSE;
        }
      if (g_hash_table_contains (im->account_index, a.name))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, a.object, SUBJECT_ACCOUNT, a.name, i,
                        _("the name is used twice"));
          return FALSE;
        }
      g_hash_table_insert (im->account_index, (gpointer) a.name, GUINT_TO_POINTER (i + 1));
      g_array_append_val (im->accounts, a);
      if (!read_team (im, &a, i, error) ||
          !read_contacts (im, &a, i, error) ||
          !read_lines (im, &a, i, first_contact, error) ||
          !read_snapshots (im, &a, i, error) ||
          !read_plan (im, &a, i, first_contact, error) ||
          !read_scores (im, &a, i, error))
        return FALSE;
    }
  return TRUE;
}
