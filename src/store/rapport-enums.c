/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-enums.h"

/* The nicks are the keys stored in the database: stable, never translated. */
static const GEnumValue stage_values[] = {
  { RAPPORT_STAGE_TO_CONTACT,   "RAPPORT_STAGE_TO_CONTACT",   "to-contact" },
  { RAPPORT_STAGE_REQUESTED,    "RAPPORT_STAGE_REQUESTED",    "requested" },
  { RAPPORT_STAGE_SCHEDULED,    "RAPPORT_STAGE_SCHEDULED",    "scheduled" },
  { RAPPORT_STAGE_MET,          "RAPPORT_STAGE_MET",          "met" },
  { RAPPORT_STAGE_THANKED,      "RAPPORT_STAGE_THANKED",      "thanked" },
  { RAPPORT_STAGE_FOLLOWING_UP, "RAPPORT_STAGE_FOLLOWING_UP", "following-up" },
  { RAPPORT_STAGE_DECLINED,     "RAPPORT_STAGE_DECLINED",     "declined" },
  { 0, NULL, NULL }
};

static const GEnumValue source_values[] = {
  { RAPPORT_SOURCE_LINKEDIN,      "RAPPORT_SOURCE_LINKEDIN",      "linkedin" },
  { RAPPORT_SOURCE_ALUMNI,        "RAPPORT_SOURCE_ALUMNI",        "alumni" },
  { RAPPORT_SOURCE_DIRECTORY,     "RAPPORT_SOURCE_DIRECTORY",     "directory" },
  { RAPPORT_SOURCE_CHAMBER,       "RAPPORT_SOURCE_CHAMBER",       "chamber" },
  { RAPPORT_SOURCE_FRIEND_FAMILY, "RAPPORT_SOURCE_FRIEND_FAMILY", "friend-family" },
  { RAPPORT_SOURCE_TEACHER,       "RAPPORT_SOURCE_TEACHER",       "teacher" },
  { RAPPORT_SOURCE_PROFESSIONAL,  "RAPPORT_SOURCE_PROFESSIONAL",  "professional" },
  { RAPPORT_SOURCE_ARTICLE,       "RAPPORT_SOURCE_ARTICLE",       "article" },
  { RAPPORT_SOURCE_REFERRAL,      "RAPPORT_SOURCE_REFERRAL",      "referral" },
  { RAPPORT_SOURCE_OTHER,         "RAPPORT_SOURCE_OTHER",         "other" },
  { 0, NULL, NULL }
};

static const GEnumValue clipping_kind_values[] = {
  { RAPPORT_CLIPPING_NEWSPAPER, "RAPPORT_CLIPPING_NEWSPAPER", "newspaper" },
  { RAPPORT_CLIPPING_MAGAZINE,  "RAPPORT_CLIPPING_MAGAZINE",  "magazine" },
  { RAPPORT_CLIPPING_TV,        "RAPPORT_CLIPPING_TV",        "tv" },
  { RAPPORT_CLIPPING_RADIO,     "RAPPORT_CLIPPING_RADIO",     "radio" },
  { RAPPORT_CLIPPING_WEB,       "RAPPORT_CLIPPING_WEB",       "web" },
  { RAPPORT_CLIPPING_OTHER,     "RAPPORT_CLIPPING_OTHER",     "other" },
  { 0, NULL, NULL }
};

static const GEnumValue appointment_kind_values[] = {
  { RAPPORT_APPOINTMENT_INTERVIEW,  "RAPPORT_APPOINTMENT_INTERVIEW",  "interview" },
  { RAPPORT_APPOINTMENT_COUNSELLOR, "RAPPORT_APPOINTMENT_COUNSELLOR", "counsellor" },
  { RAPPORT_APPOINTMENT_OTHER,      "RAPPORT_APPOINTMENT_OTHER",      "other" },
  { 0, NULL, NULL }
};

static const GEnumValue mode_values[] = {
  { RAPPORT_MODE_IN_PERSON, "RAPPORT_MODE_IN_PERSON", "in-person" },
  { RAPPORT_MODE_PHONE,     "RAPPORT_MODE_PHONE",     "phone" },
  { RAPPORT_MODE_VIDEO,     "RAPPORT_MODE_VIDEO",     "video" },
  { 0, NULL, NULL }
};

static const GEnumValue status_values[] = {
  { RAPPORT_STATUS_REQUESTED,   "RAPPORT_STATUS_REQUESTED",   "requested" },
  { RAPPORT_STATUS_CONFIRMED,   "RAPPORT_STATUS_CONFIRMED",   "confirmed" },
  { RAPPORT_STATUS_HELD,        "RAPPORT_STATUS_HELD",        "held" },
  { RAPPORT_STATUS_CANCELLED,   "RAPPORT_STATUS_CANCELLED",   "cancelled" },
  { RAPPORT_STATUS_RESCHEDULED, "RAPPORT_STATUS_RESCHEDULED", "rescheduled" },
  { RAPPORT_STATUS_NO_SHOW,     "RAPPORT_STATUS_NO_SHOW",     "no-show" },
  { 0, NULL, NULL }
};

#define DEFINE_ENUM_TYPE(func, Name, values)                               \
GType                                                                      \
func (void)                                                                \
{                                                                          \
  static gsize type_id;                                                    \
  if (g_once_init_enter (&type_id))                                        \
    g_once_init_leave (&type_id, g_enum_register_static (Name, values));   \
  return type_id;                                                          \
}

DEFINE_ENUM_TYPE (rapport_stage_get_type, "RapportStage", stage_values)
DEFINE_ENUM_TYPE (rapport_source_get_type, "RapportSource", source_values)
DEFINE_ENUM_TYPE (rapport_clipping_kind_get_type, "RapportClippingKind", clipping_kind_values)
DEFINE_ENUM_TYPE (rapport_appointment_kind_get_type, "RapportAppointmentKind", appointment_kind_values)
DEFINE_ENUM_TYPE (rapport_mode_get_type, "RapportMode", mode_values)
DEFINE_ENUM_TYPE (rapport_status_get_type, "RapportStatus", status_values)

/**
 * rapport_enum_to_key:
 *
 * Returns: (nullable): the stable database key of @value
 */
const char *
rapport_enum_to_key (GType enum_type,
                     int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v != NULL ? v->value_nick : NULL;
}

gboolean
rapport_enum_from_key (GType       enum_type,
                       const char *key,
                       int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *v;

  if (key == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  v = g_enum_get_value_by_nick (klass, key);
  if (v == NULL)
    return FALSE;

  *value = v->value;
  return TRUE;
}

const char *
rapport_stage_get_label (RapportStage stage)
{
  switch (stage)
    {
    case RAPPORT_STAGE_TO_CONTACT:   return _("To contact");
    case RAPPORT_STAGE_REQUESTED:    return _("Requested");
    case RAPPORT_STAGE_SCHEDULED:    return _("Scheduled");
    case RAPPORT_STAGE_MET:          return _("Met");
    case RAPPORT_STAGE_THANKED:      return _("Thanked");
    case RAPPORT_STAGE_FOLLOWING_UP: return _("Following up");
    case RAPPORT_STAGE_DECLINED:     return _("Declined");
    default:                         return _("Unknown");
    }
}

const char *
rapport_source_get_label (RapportSource source)
{
  switch (source)
    {
    case RAPPORT_SOURCE_LINKEDIN:      return _("LinkedIn");
    case RAPPORT_SOURCE_ALUMNI:        return _("Alumni network");
    case RAPPORT_SOURCE_DIRECTORY:     return _("Business directory");
    case RAPPORT_SOURCE_CHAMBER:       return _("Chamber of commerce");
    case RAPPORT_SOURCE_FRIEND_FAMILY: return _("Friend or family");
    case RAPPORT_SOURCE_TEACHER:       return _("Teacher");
    case RAPPORT_SOURCE_PROFESSIONAL:  return _("Professional I deal with");
    case RAPPORT_SOURCE_ARTICLE:       return _("Article or broadcast");
    case RAPPORT_SOURCE_REFERRAL:      return _("Referral");
    case RAPPORT_SOURCE_OTHER:         return _("Other");
    default:                           return _("Unknown");
    }
}

const char *
rapport_clipping_kind_get_label (RapportClippingKind kind)
{
  switch (kind)
    {
    case RAPPORT_CLIPPING_NEWSPAPER: return _("Newspaper");
    case RAPPORT_CLIPPING_MAGAZINE:  return _("Magazine");
    case RAPPORT_CLIPPING_TV:        return _("TV");
    case RAPPORT_CLIPPING_RADIO:     return _("Radio");
    case RAPPORT_CLIPPING_WEB:       return _("Web");
    case RAPPORT_CLIPPING_OTHER:     return _("Other");
    default:                         return _("Unknown");
    }
}

const char *
rapport_appointment_kind_get_label (RapportAppointmentKind kind)
{
  switch (kind)
    {
    case RAPPORT_APPOINTMENT_INTERVIEW:  return _("Informational interview");
    case RAPPORT_APPOINTMENT_COUNSELLOR: return _("Career counsellor meeting");
    case RAPPORT_APPOINTMENT_OTHER:      return _("Other");
    default:                             return _("Unknown");
    }
}

const char *
rapport_mode_get_label (RapportMode mode)
{
  switch (mode)
    {
    case RAPPORT_MODE_IN_PERSON: return _("In person");
    case RAPPORT_MODE_PHONE:     return _("Phone");
    case RAPPORT_MODE_VIDEO:     return _("Video");
    default:                     return _("Unknown");
    }
}

const char *
rapport_status_get_label (RapportStatus status)
{
  switch (status)
    {
    case RAPPORT_STATUS_REQUESTED:   return _("Requested");
    case RAPPORT_STATUS_CONFIRMED:   return _("Confirmed");
    case RAPPORT_STATUS_HELD:        return _("Held");
    case RAPPORT_STATUS_CANCELLED:   return _("Cancelled");
    case RAPPORT_STATUS_RESCHEDULED: return _("Rescheduled");
    case RAPPORT_STATUS_NO_SHOW:     return _("No-show");
    default:                         return _("Unknown");
    }
}
