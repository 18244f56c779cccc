/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The pipeline a contact moves through. The nick of each value is its stable
 * key in the database; never change a nick, add new values at the end. */
typedef enum {
  RAPPORT_STAGE_TO_CONTACT,
  RAPPORT_STAGE_REQUESTED,
  RAPPORT_STAGE_SCHEDULED,
  RAPPORT_STAGE_MET,
  RAPPORT_STAGE_THANKED,
  RAPPORT_STAGE_FOLLOWING_UP,
  RAPPORT_STAGE_DECLINED,
} RapportStage;
#define RAPPORT_N_STAGES (RAPPORT_STAGE_DECLINED + 1)

/* Where the name of a contact came from. */
typedef enum {
  RAPPORT_SOURCE_LINKEDIN,
  RAPPORT_SOURCE_ALUMNI,
  RAPPORT_SOURCE_DIRECTORY,
  RAPPORT_SOURCE_CHAMBER,
  RAPPORT_SOURCE_FRIEND_FAMILY,
  RAPPORT_SOURCE_TEACHER,
  RAPPORT_SOURCE_PROFESSIONAL,
  RAPPORT_SOURCE_ARTICLE,
  RAPPORT_SOURCE_REFERRAL,
  RAPPORT_SOURCE_OTHER,
} RapportSource;
#define RAPPORT_N_SOURCES (RAPPORT_SOURCE_OTHER + 1)

typedef enum {
  RAPPORT_CLIPPING_NEWSPAPER,
  RAPPORT_CLIPPING_MAGAZINE,
  RAPPORT_CLIPPING_TV,
  RAPPORT_CLIPPING_RADIO,
  RAPPORT_CLIPPING_WEB,
  RAPPORT_CLIPPING_OTHER,
} RapportClippingKind;
#define RAPPORT_N_CLIPPING_KINDS (RAPPORT_CLIPPING_OTHER + 1)

typedef enum {
  RAPPORT_APPOINTMENT_INTERVIEW,
  RAPPORT_APPOINTMENT_COUNSELLOR,
  RAPPORT_APPOINTMENT_OTHER,
} RapportAppointmentKind;
#define RAPPORT_N_APPOINTMENT_KINDS (RAPPORT_APPOINTMENT_OTHER + 1)

typedef enum {
  RAPPORT_MODE_IN_PERSON,
  RAPPORT_MODE_PHONE,
  RAPPORT_MODE_VIDEO,
} RapportMode;
#define RAPPORT_N_MODES (RAPPORT_MODE_VIDEO + 1)

typedef enum {
  RAPPORT_STATUS_REQUESTED,
  RAPPORT_STATUS_CONFIRMED,
  RAPPORT_STATUS_HELD,
  RAPPORT_STATUS_CANCELLED,
  RAPPORT_STATUS_RESCHEDULED,
  RAPPORT_STATUS_NO_SHOW,
} RapportStatus;
#define RAPPORT_N_STATUSES (RAPPORT_STATUS_NO_SHOW + 1)

#define RAPPORT_TYPE_STAGE         (rapport_stage_get_type ())
#define RAPPORT_TYPE_APPOINTMENT_KIND (rapport_appointment_kind_get_type ())
#define RAPPORT_TYPE_MODE          (rapport_mode_get_type ())
#define RAPPORT_TYPE_STATUS        (rapport_status_get_type ())
#define RAPPORT_TYPE_SOURCE        (rapport_source_get_type ())
#define RAPPORT_TYPE_CLIPPING_KIND (rapport_clipping_kind_get_type ())

GType        rapport_stage_get_type         (void) G_GNUC_CONST;
GType        rapport_source_get_type        (void) G_GNUC_CONST;
GType        rapport_clipping_kind_get_type (void) G_GNUC_CONST;
GType        rapport_appointment_kind_get_type (void) G_GNUC_CONST;
GType        rapport_mode_get_type          (void) G_GNUC_CONST;
GType        rapport_status_get_type        (void) G_GNUC_CONST;

const char  *rapport_enum_to_key            (GType        enum_type,
                                             int          value);
gboolean     rapport_enum_from_key          (GType        enum_type,
                                             const char  *key,
                                             int         *value);

const char  *rapport_stage_get_label        (RapportStage        stage);
const char  *rapport_source_get_label       (RapportSource       source);
const char  *rapport_clipping_kind_get_label (RapportClippingKind kind);
const char  *rapport_appointment_kind_get_label (RapportAppointmentKind kind);
const char  *rapport_mode_get_label         (RapportMode         mode);
const char  *rapport_status_get_label       (RapportStatus       status);

G_END_DECLS
