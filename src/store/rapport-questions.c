/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-questions"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-questions.h"

static const GEnumValue category_values[] = {
  { RAPPORT_CATEGORY_CAREER_PATH, "RAPPORT_CATEGORY_CAREER_PATH", "career-path" },
  { RAPPORT_CATEGORY_TYPICAL_DAY, "RAPPORT_CATEGORY_TYPICAL_DAY", "typical-day" },
  { RAPPORT_CATEGORY_SKILLS,      "RAPPORT_CATEGORY_SKILLS",      "skills" },
  { RAPPORT_CATEGORY_ENVIRONMENT, "RAPPORT_CATEGORY_ENVIRONMENT", "environment" },
  { RAPPORT_CATEGORY_READING,     "RAPPORT_CATEGORY_READING",     "reading" },
  { RAPPORT_CATEGORY_JOB_SEARCH,  "RAPPORT_CATEGORY_JOB_SEARCH",  "job-search" },
  { RAPPORT_CATEGORY_SALARY,      "RAPPORT_CATEGORY_SALARY",      "salary" },
  { RAPPORT_CATEGORY_FIELD_GOALS, "RAPPORT_CATEGORY_FIELD_GOALS", "field-goals" },
  { RAPPORT_CATEGORY_REFERRALS,   "RAPPORT_CATEGORY_REFERRALS",   "referrals" },
  { 0, NULL, NULL }
};

static const GEnumValue topic_values[] = {
  { RAPPORT_TOPIC_USES_MY_SKILLS,     "RAPPORT_TOPIC_USES_MY_SKILLS",     "uses-my-skills" },
  { RAPPORT_TOPIC_QUALIFIED,          "RAPPORT_TOPIC_QUALIFIED",          "qualified" },
  { RAPPORT_TOPIC_UNDERSTAND_JOB,     "RAPPORT_TOPIC_UNDERSTAND_JOB",     "understand-job" },
  { RAPPORT_TOPIC_ENJOY_ROLE,         "RAPPORT_TOPIC_ENJOY_ROLE",         "enjoy-role" },
  { RAPPORT_TOPIC_NEW_IDEAS,          "RAPPORT_TOPIC_NEW_IDEAS",          "new-ideas" },
  { RAPPORT_TOPIC_SALARY_RANGE,       "RAPPORT_TOPIC_SALARY_RANGE",       "salary-range" },
  { RAPPORT_TOPIC_IMPRESSION,         "RAPPORT_TOPIC_IMPRESSION",         "impression" },
  { RAPPORT_TOPIC_ENJOY_ORGANIZATION, "RAPPORT_TOPIC_ENJOY_ORGANIZATION", "enjoy-organization" },
  { RAPPORT_TOPIC_FIELD_GOALS,        "RAPPORT_TOPIC_FIELD_GOALS",        "field-goals" },
  { RAPPORT_TOPIC_HOW_I_HELP,         "RAPPORT_TOPIC_HOW_I_HELP",         "how-i-help" },
  { RAPPORT_TOPIC_ASSETS_TO_OFFER,    "RAPPORT_TOPIC_ASSETS_TO_OFFER",    "assets-to-offer" },
  { 0, NULL, NULL }
};

static const GEnumValue action_kind_values[] = {
  { RAPPORT_ACTION_CONTACT,          "RAPPORT_ACTION_CONTACT",          "contact" },
  { RAPPORT_ACTION_SEND_RESUME,      "RAPPORT_ACTION_SEND_RESUME",      "send-resume" },
  { RAPPORT_ACTION_JOIN_ASSOCIATION, "RAPPORT_ACTION_JOIN_ASSOCIATION", "join-association" },
  { RAPPORT_ACTION_READ,             "RAPPORT_ACTION_READ",             "read" },
  { RAPPORT_ACTION_FOLLOW_UP,        "RAPPORT_ACTION_FOLLOW_UP",        "follow-up" },
  { RAPPORT_ACTION_OTHER,            "RAPPORT_ACTION_OTHER",            "other" },
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

DEFINE_ENUM_TYPE (rapport_category_get_type, "RapportCategory", category_values)
DEFINE_ENUM_TYPE (rapport_topic_get_type, "RapportTopic", topic_values)
DEFINE_ENUM_TYPE (rapport_action_kind_get_type, "RapportActionKind", action_kind_values)

/* Written for Rapport. Cues for a conversation, not a form to fill in. */
static const RapportBuiltinQuestion builtins[] = {
  { "path-start",        RAPPORT_CATEGORY_CAREER_PATH, N_("How did you get started in this work?") },
  { "path-steps",        RAPPORT_CATEGORY_CAREER_PATH, N_("What jobs led you to the one you have now?") },
  { "path-again",        RAPPORT_CATEGORY_CAREER_PATH, N_("If you were starting out today, would you take the same path?") },
  { "path-next",         RAPPORT_CATEGORY_CAREER_PATH, N_("Where do people in your role usually go next?") },
  { "day-describe",      RAPPORT_CATEGORY_TYPICAL_DAY, N_("What does a typical day or week look like for you?") },
  { "day-time",          RAPPORT_CATEGORY_TYPICAL_DAY, N_("How is your time split between people, paperwork and the work itself?") },
  { "day-best",          RAPPORT_CATEGORY_TYPICAL_DAY, N_("What part of the work do you enjoy most?") },
  { "day-hardest",       RAPPORT_CATEGORY_TYPICAL_DAY, N_("What is the hardest or most frustrating part?") },
  { "skills-needed",     RAPPORT_CATEGORY_SKILLS,      N_("Which skills matter most for doing this work well?") },
  { "skills-training",   RAPPORT_CATEGORY_SKILLS,      N_("What education, training or certificates does it take?") },
  { "skills-experience", RAPPORT_CATEGORY_SKILLS,      N_("What experience would help someone like me get a first position?") },
  { "skills-mine",       RAPPORT_CATEGORY_SKILLS,      N_("From what I have told you, which of my skills would be useful here?") },
  { "env-culture",       RAPPORT_CATEGORY_ENVIRONMENT, N_("What is the atmosphere like where you work?") },
  { "env-personality",   RAPPORT_CATEGORY_ENVIRONMENT, N_("What kind of person thrives in this work, and who struggles?") },
  { "env-team",          RAPPORT_CATEGORY_ENVIRONMENT, N_("Do you mostly work alone or in a team?") },
  { "env-balance",       RAPPORT_CATEGORY_ENVIRONMENT, N_("How does this work fit with the rest of life: hours, travel, pressure?") },
  { "read-publications", RAPPORT_CATEGORY_READING,     N_("What should I read to understand this field?") },
  { "read-associations", RAPPORT_CATEGORY_READING,     N_("Which professional associations are worth joining?") },
  { "read-events",       RAPPORT_CATEGORY_READING,     N_("Are there conferences, meetings or online groups I could follow?") },
  { "read-news",         RAPPORT_CATEGORY_READING,     N_("How do you keep up with changes in the field?") },
  { "search-advice",     RAPPORT_CATEGORY_JOB_SEARCH,  N_("What advice would you give someone hoping to enter this field?") },
  { "search-hiring",     RAPPORT_CATEGORY_JOB_SEARCH,  N_("How do people usually find positions in this field?") },
  { "search-stand-out",  RAPPORT_CATEGORY_JOB_SEARCH,  N_("What makes a beginner stand out to employers here?") },
  { "search-mistakes",   RAPPORT_CATEGORY_JOB_SEARCH,  N_("What mistakes do newcomers often make?") },
  { "salary-range",      RAPPORT_CATEGORY_SALARY,      N_("What salary range is usual for someone starting in this field?") },
  { "salary-growth",     RAPPORT_CATEGORY_SALARY,      N_("How does pay usually grow with experience?") },
  { "salary-benefits",   RAPPORT_CATEGORY_SALARY,      N_("Besides salary, what benefits or drawbacks come with the work?") },
  { "salary-sources",    RAPPORT_CATEGORY_SALARY,      N_("Where could I find reliable figures on pay in this field?") },
  { "goals-problems",    RAPPORT_CATEGORY_FIELD_GOALS, N_("What problems is your field or organization trying to solve right now?") },
  { "goals-future",      RAPPORT_CATEGORY_FIELD_GOALS, N_("How do you expect the field to change in the next few years?") },
  { "goals-needs",       RAPPORT_CATEGORY_FIELD_GOALS, N_("What does your organization need most from new people?") },
  { "goals-help",        RAPPORT_CATEGORY_FIELD_GOALS, N_("How could someone with my background help meet those needs?") },
  { "refer-others",      RAPPORT_CATEGORY_REFERRALS,   N_("Who else would you suggest I talk to?") },
  { "refer-mention",     RAPPORT_CATEGORY_REFERRALS,   N_("May I mention your name when I contact them?") },
  { "refer-organizations", RAPPORT_CATEGORY_REFERRALS, N_("Which other organizations should I learn about?") },
  { "refer-keep-posted", RAPPORT_CATEGORY_REFERRALS,   N_("May I keep you posted on how my search goes?") },
};

/**
 * rapport_builtin_questions:
 *
 * Returns: the built-in question bank, in its default order
 */
const RapportBuiltinQuestion *
rapport_builtin_questions (guint *n_questions)
{
  *n_questions = G_N_ELEMENTS (builtins);
  return builtins;
}

const RapportBuiltinQuestion *
rapport_builtin_question_lookup (const char *key)
{
  for (guint i = 0; key && i < G_N_ELEMENTS (builtins); i++)
    if (g_str_equal (builtins[i].key, key))
      return &builtins[i];
  return NULL;
}

#define TOPIC(t) (1u << RAPPORT_TOPIC_##t)

/**
 * rapport_category_get_topics:
 *
 * Returns: the evaluation topics (bits of 1 << #RapportTopic) that questions
 *   of @category help answer
 */
guint
rapport_category_get_topics (RapportCategory category)
{
  switch (category)
    {
    case RAPPORT_CATEGORY_CAREER_PATH: return TOPIC (QUALIFIED) | TOPIC (NEW_IDEAS) | TOPIC (IMPRESSION);
    case RAPPORT_CATEGORY_TYPICAL_DAY: return TOPIC (UNDERSTAND_JOB) | TOPIC (ENJOY_ROLE) | TOPIC (USES_MY_SKILLS);
    case RAPPORT_CATEGORY_SKILLS:      return TOPIC (USES_MY_SKILLS) | TOPIC (QUALIFIED) | TOPIC (ASSETS_TO_OFFER);
    case RAPPORT_CATEGORY_ENVIRONMENT: return TOPIC (ENJOY_ROLE) | TOPIC (ENJOY_ORGANIZATION) | TOPIC (IMPRESSION);
    case RAPPORT_CATEGORY_READING:     return TOPIC (NEW_IDEAS) | TOPIC (UNDERSTAND_JOB);
    case RAPPORT_CATEGORY_JOB_SEARCH:  return TOPIC (QUALIFIED) | TOPIC (NEW_IDEAS) | TOPIC (ASSETS_TO_OFFER);
    case RAPPORT_CATEGORY_SALARY:      return TOPIC (SALARY_RANGE);
    case RAPPORT_CATEGORY_FIELD_GOALS: return TOPIC (FIELD_GOALS) | TOPIC (HOW_I_HELP) | TOPIC (ENJOY_ORGANIZATION);
    case RAPPORT_CATEGORY_REFERRALS:   return TOPIC (NEW_IDEAS);
    default:                           return 0;
    }
}

/**
 * rapport_coverage_of:
 * @categories: (array length=n_prompts): the category of each prompt
 * @has_notes: (array length=n_prompts): whether each prompt has notes
 *
 * A topic is covered when a prompt of a category linked to it has notes.
 *
 * Returns: the covered topics, as bits of 1 << #RapportTopic
 */
guint
rapport_coverage_of (const RapportCategory *categories,
                     const gboolean        *has_notes,
                     guint                  n_prompts)
{
  guint covered = 0;

  for (guint i = 0; i < n_prompts; i++)
    if (has_notes[i])
      covered |= rapport_category_get_topics (categories[i]);

  return covered;
}

const char *
rapport_category_get_label (RapportCategory category)
{
  switch (category)
    {
    case RAPPORT_CATEGORY_CAREER_PATH: return _("Career path");
    case RAPPORT_CATEGORY_TYPICAL_DAY: return _("A typical day");
    case RAPPORT_CATEGORY_SKILLS:      return _("Skills and experience");
    case RAPPORT_CATEGORY_ENVIRONMENT: return _("Work environment and personality");
    case RAPPORT_CATEGORY_READING:     return _("Reading and professional associations");
    case RAPPORT_CATEGORY_JOB_SEARCH:  return _("Job-search advice");
    case RAPPORT_CATEGORY_SALARY:      return _("Salary ranges");
    case RAPPORT_CATEGORY_FIELD_GOALS: return _("Goals, needs and problems of the field");
    case RAPPORT_CATEGORY_REFERRALS:   return _("Referrals");
    default:                           return _("Other");
    }
}

/* A short name for the topic, for the coverage list. */
const char *
rapport_topic_get_label (RapportTopic topic)
{
  switch (topic)
    {
    case RAPPORT_TOPIC_USES_MY_SKILLS:     return _("Uses my skills");
    case RAPPORT_TOPIC_QUALIFIED:          return _("Would I be qualified");
    case RAPPORT_TOPIC_UNDERSTAND_JOB:     return _("What the job involves");
    case RAPPORT_TOPIC_ENJOY_ROLE:         return _("Would I enjoy the work");
    case RAPPORT_TOPIC_NEW_IDEAS:          return _("Other ideas and alternatives");
    case RAPPORT_TOPIC_SALARY_RANGE:       return _("Salary range");
    case RAPPORT_TOPIC_IMPRESSION:         return _("My impression of the field");
    case RAPPORT_TOPIC_ENJOY_ORGANIZATION: return _("Would I enjoy this employer");
    case RAPPORT_TOPIC_FIELD_GOALS:        return _("Needs and problems of the field");
    case RAPPORT_TOPIC_HOW_I_HELP:         return _("How I could help");
    case RAPPORT_TOPIC_ASSETS_TO_OFFER:    return _("Strengths I could offer");
    default:                               return _("Unknown");
    }
}

/* The evaluation question itself, as the wizard will ask it. */
const char *
rapport_topic_get_question (RapportTopic topic)
{
  switch (topic)
    {
    case RAPPORT_TOPIC_USES_MY_SKILLS:     return _("Does this person use the skills I want to use?");
    case RAPPORT_TOPIC_QUALIFIED:          return _("Would I be qualified for this kind of work?");
    case RAPPORT_TOPIC_UNDERSTAND_JOB:     return _("Do I understand what the job involves?");
    case RAPPORT_TOPIC_ENJOY_ROLE:         return _("Would I enjoy doing this work?");
    case RAPPORT_TOPIC_NEW_IDEAS:          return _("Did I get other ideas or alternatives?");
    case RAPPORT_TOPIC_SALARY_RANGE:       return _("Do I know the pay range?");
    case RAPPORT_TOPIC_IMPRESSION:         return _("What is my impression of this area of work now?");
    case RAPPORT_TOPIC_ENJOY_ORGANIZATION: return _("Would I enjoy working for this employer?");
    case RAPPORT_TOPIC_FIELD_GOALS:        return _("What are the needs, concerns and problems of this area of work?");
    case RAPPORT_TOPIC_HOW_I_HELP:         return _("How could I help meet them?");
    case RAPPORT_TOPIC_ASSETS_TO_OFFER:    return _("Which of my strengths could I offer?");
    default:                               return _("Unknown");
    }
}

const char *
rapport_action_kind_get_label (RapportActionKind kind)
{
  switch (kind)
    {
    case RAPPORT_ACTION_CONTACT:          return _("Contact someone");
    case RAPPORT_ACTION_SEND_RESUME:      return _("Send résumé");
    case RAPPORT_ACTION_JOIN_ASSOCIATION: return _("Join an association");
    case RAPPORT_ACTION_READ:             return _("Read something");
    case RAPPORT_ACTION_FOLLOW_UP:        return _("Keep them posted");
    case RAPPORT_ACTION_OTHER:            return _("Other");
    default:                              return _("Unknown");
    }
}

const char *
rapport_hint_get_label (RapportHint hint)
{
  switch ((int)hint)
    {
    case RAPPORT_HINT_NOTEBOOK:      return _("A notebook and pen");
    case RAPPORT_HINT_BUSINESS_CARD: return _("Your business card");
    case RAPPORT_HINT_RESUME:        return _("A copy of your résumé");
    case RAPPORT_HINT_QUESTIONS:     return _("Thoughtful questions prepared");
    case RAPPORT_HINT_THANK_YOU:     return _("A thank-you note within 24 hours");
    default:                         return _("Unknown");
    }
}
