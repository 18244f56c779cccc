/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-comparison-item"

#include "config.h"

#include "rapport-comparison-item.h"

/* One line of a comparison as a GObject, so a GtkColumnView can show and
 * sort it by its properties. */
struct _RapportComparisonItem
{
  GObject           parent_instance;
  RapportComparison row;
};

G_DEFINE_FINAL_TYPE (RapportComparisonItem, rapport_comparison_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_HELD,
  PROP_EVALUATED,
  PROP_ENJOY_ROLE,
  PROP_ENJOY_ORGANIZATION,
  PROP_ANSWERED,
  PROP_QUALIFIED_YES,
  PROP_QUALIFIED_PARTLY,
  PROP_QUALIFIED_NO,
  PROP_SALARY_KNOWN,
  PROP_CONTACTS,
  PROP_REQUESTED,
  PROP_MET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_comparison_item_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RapportComparison *r = &RAPPORT_COMPARISON_ITEM (object)->row;

  switch (prop_id)
    {
    case PROP_NAME:               g_value_set_string (value, r->name); break;
    case PROP_HELD:               g_value_set_uint (value, r->held); break;
    case PROP_EVALUATED:          g_value_set_uint (value, r->evaluated); break;
    case PROP_ENJOY_ROLE:         g_value_set_double (value, r->enjoy_role); break;
    case PROP_ENJOY_ORGANIZATION: g_value_set_double (value, r->enjoy_organization); break;
    case PROP_ANSWERED:           g_value_set_uint (value, r->answered); break;
    case PROP_QUALIFIED_YES:      g_value_set_uint (value, r->qualified_yes); break;
    case PROP_QUALIFIED_PARTLY:   g_value_set_uint (value, r->qualified_partly); break;
    case PROP_QUALIFIED_NO:       g_value_set_uint (value, r->qualified_no); break;
    case PROP_SALARY_KNOWN:       g_value_set_uint (value, r->salary_known); break;
    case PROP_CONTACTS:           g_value_set_uint (value, r->contacts); break;
    case PROP_REQUESTED:          g_value_set_uint (value, r->requested); break;
    case PROP_MET:                g_value_set_uint (value, r->met); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_comparison_item_finalize (GObject *object)
{
  g_free (RAPPORT_COMPARISON_ITEM (object)->row.name);

  G_OBJECT_CLASS (rapport_comparison_item_parent_class)->finalize (object);
}

static void
rapport_comparison_item_class_init (RapportComparisonItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  const char *uints[] = { NULL, NULL, "held", "evaluated", NULL, NULL, "answered", "qualified-yes",
                          "qualified-partly", "qualified-no", "salary-known", "contacts", "requested", "met" };

  object_class->get_property = rapport_comparison_item_get_property;
  object_class->finalize = rapport_comparison_item_finalize;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ENJOY_ROLE] = g_param_spec_double ("enjoy-role", NULL, NULL, 0, 5, 0, flags);
  properties[PROP_ENJOY_ORGANIZATION] = g_param_spec_double ("enjoy-organization", NULL, NULL, 0, 5, 0, flags);
  for (guint i = 0; i < N_PROPS; i++)
    if (i < G_N_ELEMENTS (uints) && uints[i] != NULL)
      properties[i] = g_param_spec_uint (uints[i], NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_comparison_item_init (RapportComparisonItem *self)
{
}

RapportComparisonItem *
rapport_comparison_item_new (const RapportComparison *row)
{
  RapportComparisonItem *self = g_object_new (RAPPORT_TYPE_COMPARISON_ITEM, NULL);

  self->row = *row;
  self->row.name = g_strdup (row->name);
  return self;
}
