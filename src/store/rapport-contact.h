/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-enums.h"
#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTACT (rapport_contact_get_type ())
G_DECLARE_FINAL_TYPE (RapportContact, rapport_contact, RAPPORT, CONTACT, RapportRecord)

RapportContact *rapport_contact_new               (const char     *name);

const char     *rapport_contact_get_name          (RapportContact *self);
void            rapport_contact_set_name          (RapportContact *self,
                                                   const char     *name);
const char     *rapport_contact_get_organization  (RapportContact *self);
void            rapport_contact_set_organization  (RapportContact *self,
                                                   const char     *organization);
const char     *rapport_contact_get_job_title     (RapportContact *self);
void            rapport_contact_set_job_title     (RapportContact *self,
                                                   const char     *job_title);
const char     *rapport_contact_get_field         (RapportContact *self);
void            rapport_contact_set_field         (RapportContact *self,
                                                   const char     *field);
const char     *rapport_contact_get_email         (RapportContact *self);
void            rapport_contact_set_email         (RapportContact *self,
                                                   const char     *email);
const char     *rapport_contact_get_phone         (RapportContact *self);
void            rapport_contact_set_phone         (RapportContact *self,
                                                   const char     *phone);
const char     *rapport_contact_get_profile_url   (RapportContact *self);
void            rapport_contact_set_profile_url   (RapportContact *self,
                                                   const char     *profile_url);
RapportSource   rapport_contact_get_source        (RapportContact *self);
void            rapport_contact_set_source        (RapportContact *self,
                                                   RapportSource   source);
const char     *rapport_contact_get_source_detail (RapportContact *self);
void            rapport_contact_set_source_detail (RapportContact *self,
                                                   const char     *source_detail);
gint64          rapport_contact_get_referred_by   (RapportContact *self);
void            rapport_contact_set_referred_by   (RapportContact *self,
                                                   gint64          contact_id);
RapportStage    rapport_contact_get_stage         (RapportContact *self);
void            rapport_contact_set_stage         (RapportContact *self,
                                                   RapportStage    stage);
const char     *rapport_contact_get_notes         (RapportContact *self);
void            rapport_contact_set_notes         (RapportContact *self,
                                                   const char     *notes);
char           *rapport_contact_dup_summary       (RapportContact *self);
gint64          rapport_contact_get_last_contacted (RapportContact *self);

G_END_DECLS
