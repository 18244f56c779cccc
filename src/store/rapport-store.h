/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-clipping.h"
#include "rapport-contact.h"

G_BEGIN_DECLS

#define RAPPORT_STORE_ERROR (rapport_store_error_quark ())

typedef enum {
  RAPPORT_STORE_ERROR_READ_ONLY,
  RAPPORT_STORE_ERROR_CORRUPT,
  RAPPORT_STORE_ERROR_TOO_NEW,
  RAPPORT_STORE_ERROR_NOT_RAPPORT,
  RAPPORT_STORE_ERROR_INVALID,
  RAPPORT_STORE_ERROR_NOT_FOUND,
  RAPPORT_STORE_ERROR_FAILED,
} RapportStoreError;

typedef enum {
  RAPPORT_CONTACT_SORT_NAME,
  RAPPORT_CONTACT_SORT_ORGANIZATION,
  RAPPORT_CONTACT_SORT_STAGE,
  RAPPORT_CONTACT_SORT_UPDATED,
} RapportContactSort;

/* What a contact list shows. -1 in an enum filter means "any". */
typedef struct
{
  const char         *search;
  int                 stage;
  int                 source;
  gint64              referred_by;
  gint64              clipping_id;
  gint64              exclude_id;
  RapportContactSort  sort;
} RapportContactQuery;

#define RAPPORT_CONTACT_QUERY_INIT { NULL, -1, -1, 0, 0, 0, RAPPORT_CONTACT_SORT_NAME }

typedef struct
{
  const char *search;
  gint64      contact_id;
} RapportClippingQuery;

#define RAPPORT_CLIPPING_QUERY_INIT { NULL, 0 }

#define RAPPORT_STORE_SCHEMA_VERSION 1

#define RAPPORT_TYPE_STORE (rapport_store_get_type ())
G_DECLARE_FINAL_TYPE (RapportStore, rapport_store, RAPPORT, STORE, GObject)

GQuark           rapport_store_error_quark          (void);
char            *rapport_store_dup_default_path     (void);
RapportStore    *rapport_store_open                 (const char                 *path,
                                                     GError                    **error);
const char      *rapport_store_get_path             (RapportStore               *self);
void             rapport_store_set_save_delay       (RapportStore               *self,
                                                     guint                       msec);
gboolean         rapport_store_flush                (RapportStore               *self,
                                                     GError                    **error);
gboolean         rapport_store_has_pending          (RapportStore               *self);

/* Contacts */
gboolean         rapport_store_add_contact          (RapportStore               *self,
                                                     RapportContact             *contact,
                                                     GError                    **error);
RapportContact  *rapport_store_get_contact          (RapportStore               *self,
                                                     gint64                      id);
gboolean         rapport_store_save_contact         (RapportStore               *self,
                                                     RapportContact             *contact,
                                                     GError                    **error);
gboolean         rapport_store_delete_contact       (RapportStore               *self,
                                                     RapportContact             *contact,
                                                     GError                    **error);
gboolean         rapport_store_undelete_contact     (RapportStore               *self,
                                                     gint64                      id,
                                                     GError                    **error);
gboolean         rapport_store_purge_contact        (RapportStore               *self,
                                                     gint64                      id,
                                                     GError                    **error);
GArray          *rapport_store_query_contacts       (RapportStore               *self,
                                                     const RapportContactQuery  *query,
                                                     GError                    **error);
guint            rapport_store_count_contacts       (RapportStore               *self);

/* Clippings */
gboolean         rapport_store_add_clipping         (RapportStore               *self,
                                                     RapportClipping            *clipping,
                                                     GError                    **error);
RapportClipping *rapport_store_get_clipping         (RapportStore               *self,
                                                     gint64                      id);
gboolean         rapport_store_save_clipping        (RapportStore               *self,
                                                     RapportClipping            *clipping,
                                                     GError                    **error);
gboolean         rapport_store_delete_clipping      (RapportStore               *self,
                                                     RapportClipping            *clipping,
                                                     GError                    **error);
gboolean         rapport_store_undelete_clipping    (RapportStore               *self,
                                                     gint64                      id,
                                                     GError                    **error);
gboolean         rapport_store_purge_clipping       (RapportStore               *self,
                                                     gint64                      id,
                                                     GError                    **error);
GArray          *rapport_store_query_clippings      (RapportStore               *self,
                                                     const RapportClippingQuery *query,
                                                     GError                    **error);
gboolean         rapport_store_link_clipping        (RapportStore               *self,
                                                     RapportClipping            *clipping,
                                                     RapportContact             *contact,
                                                     GError                    **error);
gboolean         rapport_store_unlink_clipping      (RapportStore               *self,
                                                     RapportClipping            *clipping,
                                                     RapportContact             *contact,
                                                     GError                    **error);
RapportContact  *rapport_store_add_contact_from_clipping (RapportStore          *self,
                                                     RapportClipping            *clipping,
                                                     const char                 *name,
                                                     GError                    **error);

G_END_DECLS
