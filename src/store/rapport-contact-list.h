/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTACT_SORT (rapport_contact_sort_get_type ())
GType rapport_contact_sort_get_type (void) G_GNUC_CONST;

#define RAPPORT_TYPE_CONTACT_LIST (rapport_contact_list_get_type ())
G_DECLARE_FINAL_TYPE (RapportContactList, rapport_contact_list, RAPPORT, CONTACT_LIST, GObject)

RapportContactList *rapport_contact_list_new             (RapportStore       *store);
RapportStore       *rapport_contact_list_get_store       (RapportContactList *self);
void                rapport_contact_list_set_search      (RapportContactList *self,
                                                          const char         *search);
const char         *rapport_contact_list_get_search      (RapportContactList *self);
const char         *rapport_contact_list_get_folded_search (RapportContactList *self);
void                rapport_contact_list_prepare_search  (RapportContactList *self);
gboolean            rapport_contact_list_get_search_prepared (RapportContactList *self,
                                                          gboolean           *preparing);
RapportContactSort  rapport_contact_list_get_sort        (RapportContactList *self);
void                rapport_contact_list_set_stage       (RapportContactList *self,
                                                          int                 stage);
void                rapport_contact_list_set_source      (RapportContactList *self,
                                                          int                 source);
void                rapport_contact_list_set_sort        (RapportContactList *self,
                                                          RapportContactSort  sort);
void                rapport_contact_list_set_referred_by (RapportContactList *self,
                                                          gint64              contact_id);
void                rapport_contact_list_set_clipping    (RapportContactList *self,
                                                          gint64              clipping_id);
void                rapport_contact_list_set_exclude     (RapportContactList *self,
                                                          gint64              contact_id);
guint               rapport_contact_list_find            (RapportContactList *self,
                                                          gint64              contact_id);

G_END_DECLS
