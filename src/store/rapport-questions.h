/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The question bank's categories (DESIGN.md); nicks are database keys. */
typedef enum {
  RAPPORT_CATEGORY_CAREER_PATH,
  RAPPORT_CATEGORY_TYPICAL_DAY,
  RAPPORT_CATEGORY_SKILLS,
  RAPPORT_CATEGORY_ENVIRONMENT,
  RAPPORT_CATEGORY_READING,
  RAPPORT_CATEGORY_JOB_SEARCH,
  RAPPORT_CATEGORY_SALARY,
  RAPPORT_CATEGORY_FIELD_GOALS,
  RAPPORT_CATEGORY_REFERRALS,
} RapportCategory;
#define RAPPORT_N_CATEGORIES (RAPPORT_CATEGORY_REFERRALS + 1)

/* The eleven evaluation questions; nicks are the stable keys of DESIGN.md. */
typedef enum {
  RAPPORT_TOPIC_USES_MY_SKILLS,
  RAPPORT_TOPIC_QUALIFIED,
  RAPPORT_TOPIC_UNDERSTAND_JOB,
  RAPPORT_TOPIC_ENJOY_ROLE,
  RAPPORT_TOPIC_NEW_IDEAS,
  RAPPORT_TOPIC_SALARY_RANGE,
  RAPPORT_TOPIC_IMPRESSION,
  RAPPORT_TOPIC_ENJOY_ORGANIZATION,
  RAPPORT_TOPIC_FIELD_GOALS,
  RAPPORT_TOPIC_HOW_I_HELP,
  RAPPORT_TOPIC_ASSETS_TO_OFFER,
} RapportTopic;
#define RAPPORT_N_TOPICS (RAPPORT_TOPIC_ASSETS_TO_OFFER + 1)

/* Things to do after an interview */
typedef enum {
  RAPPORT_ACTION_CONTACT,
  RAPPORT_ACTION_SEND_RESUME,
  RAPPORT_ACTION_JOIN_ASSOCIATION,
  RAPPORT_ACTION_READ,
  RAPPORT_ACTION_FOLLOW_UP,
  RAPPORT_ACTION_OTHER,
} RapportActionKind;
#define RAPPORT_N_ACTION_KINDS (RAPPORT_ACTION_OTHER + 1)

/* The helpful hints to take to an interview, as bits of a checklist. */
typedef enum {
  RAPPORT_HINT_NOTEBOOK      = 1 << 0,
  RAPPORT_HINT_BUSINESS_CARD = 1 << 1,
  RAPPORT_HINT_RESUME        = 1 << 2,
  RAPPORT_HINT_QUESTIONS     = 1 << 3,
  RAPPORT_HINT_THANK_YOU     = 1 << 4,
} RapportHint;
#define RAPPORT_N_HINTS 5

typedef struct
{
  const char      *key;
  RapportCategory  category;
  const char      *text;       /* untranslated; show with _() */
} RapportBuiltinQuestion;

#define RAPPORT_TYPE_CATEGORY    (rapport_category_get_type ())
#define RAPPORT_TYPE_TOPIC       (rapport_topic_get_type ())
#define RAPPORT_TYPE_ACTION_KIND (rapport_action_kind_get_type ())

GType                         rapport_category_get_type       (void) G_GNUC_CONST;
GType                         rapport_topic_get_type          (void) G_GNUC_CONST;
GType                         rapport_action_kind_get_type    (void) G_GNUC_CONST;

const char                   *rapport_category_get_label      (RapportCategory    category);
const char                   *rapport_topic_get_label         (RapportTopic       topic);
const char                   *rapport_topic_get_question      (RapportTopic       topic);
const char                   *rapport_action_kind_get_label   (RapportActionKind  kind);
const char                   *rapport_hint_get_label          (RapportHint        hint);
guint                         rapport_category_get_topics     (RapportCategory    category);

const RapportBuiltinQuestion *rapport_builtin_questions       (guint             *n_questions);
const RapportBuiltinQuestion *rapport_builtin_question_lookup (const char         *key);

guint                         rapport_coverage_of             (const RapportCategory *categories,
                                                               const gboolean        *has_notes,
                                                               guint                  n_prompts);

G_END_DECLS
