/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-action-item.h"
#include "rapport-appointment.h"
#include "rapport-clipping.h"
#include "rapport-contact.h"
#include "rapport-interview.h"
#include "rapport-prompt.h"
#include "rapport-question.h"

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
  RAPPORT_STORE_ERROR_DISK_FULL,
  RAPPORT_STORE_ERROR_BUSY,
} RapportStoreError;

typedef enum {
  RAPPORT_CONTACT_SORT_NAME,
  RAPPORT_CONTACT_SORT_ORGANIZATION,
  RAPPORT_CONTACT_SORT_STAGE,
  RAPPORT_CONTACT_SORT_UPDATED,
  RAPPORT_CONTACT_SORT_LAST_CONTACTED,
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

/* Ends each text in rapport_store_collect_search_texts(): a control
 * character that nobody types into a search box. */
#define RAPPORT_SEARCH_FIELD_END '\1'

typedef struct
{
  const char *search;
  gint64      contact_id;
} RapportClippingQuery;

#define RAPPORT_CLIPPING_QUERY_INIT { NULL, 0 }

/* One interview as the reminder rules see it: what
 * rapport_store_list_interview_states() reads in a single query, so that
 * startup does not build an appointment and a contact object per interview. */
typedef struct
{
  gint64                  appointment_id;
  gint64                  contact_id;
  gint64                  referred_by;    /* the contact's referrer, or 0 */
  RapportAppointmentKind  kind;
  RapportStatus           status;
  gint64                  start;          /* 0 without a time */
  gint64                  end;            /* as rapport_appointment_get_end() */
  gint64                  created;
  gint64                  thanked;        /* as rapport_store_get_thanked() */
  int                     contact_stage;  /* a RapportStage, or -1 without a contact */
} RapportInterviewState;

/* An action item that is not done and has a due date. */
typedef struct
{
  gint64   id;
  gint64   contact_id;
  gint64   due;
  gboolean done;
} RapportOpenAction;

/* When a person was last contacted (see rapport_store_get_last_contacted()). */
typedef struct
{
  gint64 contact_id;
  gint64 when;
} RapportLastContact;

/* One link of a referral chain: @referred_by led to @id. */
typedef struct
{
  gint64 id;
  gint64 referred_by;
} RapportReferral;

#define RAPPORT_STORE_SCHEMA_VERSION 8

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
gboolean         rapport_store_merge_contacts       (RapportStore               *self,
                                                     RapportContact             *keep,
                                                     RapportContact             *other,
                                                     const char * const         *take,
                                                     GError                    **error);
gboolean         rapport_store_undo_merge           (RapportStore               *self,
                                                     gint64                      other_id,
                                                     GError                    **error);
GArray          *rapport_store_query_contacts       (RapportStore               *self,
                                                     const RapportContactQuery  *query,
                                                     GError                    **error);
guint            rapport_store_count_contacts       (RapportStore               *self);
gboolean         rapport_store_collect_search_texts (RapportStore               *self,
                                                     GArray                     *ids,
                                                     GArray                     *starts,
                                                     GString                    *text,
                                                     GError                    **error);
void             rapport_store_collect_search_texts_async (RapportStore         *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              data);
gboolean         rapport_store_collect_search_texts_finish (RapportStore        *self,
                                                            GAsyncResult        *result,
                                                            GArray             **ids,
                                                            GArray             **starts,
                                                            GString            **text,
                                                            GError             **error);

/* Where a contact search found its needle, in the order it looks. */
typedef enum {
  RAPPORT_SEARCH_PLACE_NAME,
  RAPPORT_SEARCH_PLACE_ORGANIZATION,
  RAPPORT_SEARCH_PLACE_FIELD,
  RAPPORT_SEARCH_PLACE_JOB_TITLE,
  RAPPORT_SEARCH_PLACE_NOTES,
  RAPPORT_SEARCH_PLACE_INTERVIEW_GOALS,
  RAPPORT_SEARCH_PLACE_INTERVIEW_NOTES,
  RAPPORT_SEARCH_PLACE_PROMPT_NOTES,
  RAPPORT_SEARCH_PLACE_CLIPPING_TITLE,
  RAPPORT_SEARCH_PLACE_CLIPPING_NOTES,
} RapportSearchPlace;

typedef struct
{
  RapportSearchPlace  place;
  char               *label;        /* translated, e.g. "Interview notes" */
  char               *snippet;      /* the words around the match; NULL for a name */
  gsize               match_start;  /* where the match is in @snippet, in bytes */
  gsize               match_end;
} RapportSearchMatch;

void                rapport_search_match_free        (RapportSearchMatch *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportSearchMatch, rapport_search_match_free)

RapportSearchMatch *rapport_store_find_search_match  (RapportStore               *self,
                                                      gint64                      contact_id,
                                                      const char                 *folded_needle);

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

/* Which appointments a list shows. Times are UTC seconds; 0 means open. */
typedef struct
{
  gint64 from;
  gint64 to;
  gint64 contact_id;
  int    status;
  gboolean active_only;
  gboolean unscheduled;
  int    kind;
} RapportAppointmentQuery;

#define RAPPORT_APPOINTMENT_QUERY_INIT { 0, 0, 0, -1, FALSE, FALSE, -1 }

/* One thing that happened with a contact, for the contact's timeline. */
typedef enum {
  RAPPORT_EVENT_ADDED,
  RAPPORT_EVENT_REQUESTED,
  RAPPORT_EVENT_SCHEDULED,
  RAPPORT_EVENT_RESCHEDULED,
  RAPPORT_EVENT_STATUS,
} RapportEventKind;

typedef struct
{
  RapportEventKind kind;
  gint64           when;
  gint64           appointment_id;
  gint64           old_start;
  gint64           new_start;
  int              status;
} RapportEvent;

/* Appointments */
gboolean            rapport_store_add_appointment        (RapportStore                  *self,
                                                          RapportAppointment            *appointment,
                                                          GError                       **error);
RapportAppointment *rapport_store_get_appointment        (RapportStore                  *self,
                                                          gint64                         id);
gboolean            rapport_store_save_appointment       (RapportStore                  *self,
                                                          RapportAppointment            *appointment,
                                                          GError                       **error);
gboolean            rapport_store_delete_appointment     (RapportStore                  *self,
                                                          RapportAppointment            *appointment,
                                                          GError                       **error);
gboolean            rapport_store_undelete_appointment   (RapportStore                  *self,
                                                          gint64                         id,
                                                          GError                       **error);
gboolean            rapport_store_purge_appointment      (RapportStore                  *self,
                                                          gint64                         id,
                                                          GError                       **error);
GArray             *rapport_store_query_appointments     (RapportStore                  *self,
                                                          const RapportAppointmentQuery *query,
                                                          GError                       **error);
GArray             *rapport_store_find_overlaps          (RapportStore                  *self,
                                                          RapportAppointment            *appointment);
GArray             *rapport_store_list_events            (RapportStore                  *self,
                                                          gint64                         contact_id,
                                                          GError                       **error);
GArray             *rapport_store_list_last_contacted    (RapportStore                  *self,
                                                          GError                       **error);
gint64              rapport_store_get_last_contacted     (RapportStore                  *self,
                                                          gint64                         contact_id);
RapportAppointment *rapport_store_find_appointment_by_uid (RapportStore                 *self,
                                                          const char                    *uid);
gboolean            rapport_store_add_appointments       (RapportStore                  *self,
                                                          GPtrArray                     *appointments,
                                                          GError                       **error);

char               *rapport_store_dup_appointment_title  (RapportStore                  *self,
                                                          RapportAppointment            *appointment);
/* Question bank */
GArray             *rapport_store_list_questions         (RapportStore                  *self,
                                                          gboolean                       include_hidden,
                                                          GError                       **error);
RapportQuestion    *rapport_store_get_question           (RapportStore                  *self,
                                                          gint64                         id);
gboolean            rapport_store_add_question           (RapportStore                  *self,
                                                          RapportQuestion               *question,
                                                          GError                       **error);
gboolean            rapport_store_save_question          (RapportStore                  *self,
                                                          RapportQuestion               *question,
                                                          GError                       **error);
gboolean            rapport_store_move_question          (RapportStore                  *self,
                                                          RapportQuestion               *question,
                                                          int                            delta,
                                                          GError                       **error);

/* Interviews: preparation, notes, action items */
RapportInterview   *rapport_store_get_interview          (RapportStore                  *self,
                                                          gint64                         appointment_id,
                                                          GError                       **error);
gboolean            rapport_store_save_interview         (RapportStore                  *self,
                                                          RapportInterview              *interview,
                                                          GError                       **error);
GArray             *rapport_store_list_prompts           (RapportStore                  *self,
                                                          gint64                         interview_id,
                                                          GError                       **error);
RapportPrompt      *rapport_store_get_prompt             (RapportStore                  *self,
                                                          gint64                         id);
gboolean            rapport_store_carry_topics           (RapportStore                  *self,
                                                          guint                          topics,
                                                          gint64                         after_appointment_id,
                                                          gint64                        *to_appointment_id,
                                                          GError                       **error);
RapportPrompt      *rapport_store_add_prompt             (RapportStore                  *self,
                                                          RapportInterview              *interview,
                                                          RapportQuestion               *question,
                                                          GError                       **error);
gboolean            rapport_store_remove_prompt          (RapportStore                  *self,
                                                          RapportPrompt                 *prompt,
                                                          GError                       **error);
gboolean            rapport_store_move_prompt            (RapportStore                  *self,
                                                          RapportPrompt                 *prompt,
                                                          int                            delta,
                                                          GError                       **error);
gboolean            rapport_store_save_prompt            (RapportStore                  *self,
                                                          RapportPrompt                 *prompt,
                                                          GError                       **error);
guint               rapport_store_get_coverage           (RapportStore                  *self,
                                                          gint64                         interview_id);
gboolean            rapport_store_add_action_item        (RapportStore                  *self,
                                                          RapportActionItem             *item,
                                                          GError                       **error);
RapportActionItem  *rapport_store_get_action_item        (RapportStore                  *self,
                                                          gint64                         id);
gboolean            rapport_store_save_action_item       (RapportStore                  *self,
                                                          RapportActionItem             *item,
                                                          GError                       **error);
GArray             *rapport_store_list_action_items      (RapportStore                  *self,
                                                          gint64                         interview_id,
                                                          GError                       **error);
RapportContact     *rapport_store_add_referral           (RapportStore                  *self,
                                                          RapportInterview              *interview,
                                                          const char                    *name,
                                                          const char                    *organization,
                                                          const char                    *reach,
                                                          GError                       **error);
GArray             *rapport_store_list_referrals         (RapportStore                  *self,
                                                          GError                       **error);
gboolean            rapport_store_mark_held              (RapportStore                  *self,
                                                          RapportAppointment            *appointment,
                                                          GError                       **error);

/* Thank-you notes and reminders */
gint64              rapport_store_get_thanked            (RapportStore                  *self,
                                                          gint64                         appointment_id);
gboolean            rapport_store_mark_thanked           (RapportStore                  *self,
                                                          RapportAppointment            *appointment,
                                                          gint64                         when,
                                                          const char                    *follow_up_text,
                                                          gint64                         follow_up_due,
                                                          GError                       **error);
gboolean            rapport_store_get_reminder           (RapportStore                  *self,
                                                          const char                    *key,
                                                          gint64                        *delivered,
                                                          gint64                        *snoozed_until,
                                                          gboolean                      *redelivered);
gboolean            rapport_store_record_reminders       (RapportStore                  *self,
                                                          GPtrArray                     *keys,
                                                          gint64                         when,
                                                          GError                       **error);
gboolean            rapport_store_snooze_reminder        (RapportStore                  *self,
                                                          const char                    *key,
                                                          gint64                         until,
                                                          GError                       **error);

GArray             *rapport_store_list_interview_states  (RapportStore                  *self,
                                                          GError                       **error);
GArray             *rapport_store_list_open_actions      (RapportStore                  *self,
                                                          GError                       **error);

/* Evaluations */
typedef enum {
  RAPPORT_ANSWER_YES,
  RAPPORT_ANSWER_PARTLY,
  RAPPORT_ANSWER_NO,
  RAPPORT_ANSWER_NOT_YET,
} RapportAnswer;

typedef enum {
  RAPPORT_COMPARE_FIELD,
  RAPPORT_COMPARE_ORGANIZATION,
  RAPPORT_COMPARE_SOURCE,
} RapportCompareBy;

/* One line of a comparison. Fields and organizations fill the interview
 * figures; sources fill contacts, requested and met. */
typedef struct
{
  char   *name;
  guint   held;
  guint   evaluated;
  double  enjoy_role;          /* average rating, 0 when none */
  double  enjoy_organization;
  guint   answered;            /* answers that count, over all interviews */
  guint   qualified_yes;
  guint   qualified_partly;
  guint   qualified_no;
  guint   salary_known;
  guint   contacts;
  guint   requested;
  guint   met;
} RapportComparison;

gboolean            rapport_store_get_answer             (RapportStore                  *self,
                                                          gint64                         interview_id,
                                                          RapportTopic                   topic,
                                                          RapportAnswer                 *answer,
                                                          char                         **text,
                                                          int                           *rating);
gboolean            rapport_store_set_answer             (RapportStore                  *self,
                                                          gint64                         interview_id,
                                                          RapportTopic                   topic,
                                                          RapportAnswer                  answer,
                                                          const char                    *text,
                                                          int                            rating,
                                                          GError                       **error);
guint               rapport_store_count_answered         (RapportStore                  *self,
                                                          gint64                         interview_id);
gboolean            rapport_evaluation_is_valuable       (guint                          answered);
gboolean            rapport_store_set_evaluated          (RapportStore                  *self,
                                                          gint64                         interview_id,
                                                          gint64                         when,
                                                          GError                       **error);
gint64              rapport_store_get_evaluated          (RapportStore                  *self,
                                                          gint64                         interview_id);
GPtrArray          *rapport_store_compare                (RapportStore                  *self,
                                                          RapportCompareBy               by,
                                                          GError                       **error);

/* Backups */
void                rapport_store_reload_contacts        (RapportStore                  *self);
gboolean            rapport_store_backup                 (RapportStore                  *self,
                                                          const char                    *path,
                                                          GError                       **error);
char               *rapport_store_dup_backup_dir         (const char                    *db_path);
GPtrArray          *rapport_store_list_backups           (const char                    *db_path);
gboolean            rapport_store_rolling_backup         (RapportStore                  *self,
                                                          const char                    *today,
                                                          guint                          keep,
                                                          GError                       **error);
gboolean            rapport_store_describe_backup        (const char                    *path,
                                                          guint                         *contacts,
                                                          guint                         *appointments,
                                                          GError                       **error);
gboolean            rapport_store_restore_backup         (const char                    *db_path,
                                                          const char                    *backup,
                                                          GError                       **error);

RapportStage        rapport_stage_after_status           (RapportStage                   stage,
                                                          RapportStatus                  status);

G_END_DECLS
