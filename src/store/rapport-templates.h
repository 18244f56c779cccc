/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-contact.h"

G_BEGIN_DECLS

/* What the student told Rapport about themselves (Preferences). */
typedef struct
{
  const char *name;
  const char *school;
  const char *field;
} RapportStudent;

typedef enum {
  RAPPORT_REQUEST_EMAIL,
  RAPPORT_REQUEST_PHONE,
} RapportRequestKind;

char *rapport_request_subject  (RapportContact       *contact,
                                const RapportStudent *student);
char *rapport_request_body     (RapportContact       *contact,
                                RapportContact       *referrer,
                                const char           *clipping_title,
                                const RapportStudent *student,
                                RapportRequestKind    kind);
typedef enum {
  RAPPORT_THANK_YOU_EMAIL,
  RAPPORT_THANK_YOU_CARD,
  RAPPORT_THANK_YOU_LINKEDIN,
} RapportThankYouKind;

char *rapport_thank_you_subject (RapportContact       *contact);
char *rapport_thank_you_body    (RapportContact       *contact,
                                 const RapportStudent *student,
                                 const char * const   *learned,
                                 const char           *step,
                                 RapportThankYouKind   kind);
char *rapport_request_mailto   (RapportContact       *contact,
                                const char           *subject,
                                const char           *body);

G_END_DECLS
