/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rapport-store.h"
#include "test-store-util.h"

typedef struct
{
  TestStore     ts;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  test_store_open (&f->ts);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_store_remove (&f->ts);
}

/* A held interview with someone in @field at @organization. */
static gint64
held_interview (Fixture      *f,
                const char   *name,
                const char   *field,
                const char   *organization,
                RapportSource source)
{
  g_autoptr(RapportContact) c = rapport_contact_new (name);
  g_autoptr(RapportAppointment) a = NULL;
  g_autoptr(RapportInterview) i = NULL;

  rapport_contact_set_field (c, field);
  rapport_contact_set_organization (c, organization);
  rapport_contact_set_source (c, source);
  g_assert_true (rapport_store_add_contact (f->ts.store, c, NULL));
  a = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, rapport_record_get_id (RAPPORT_RECORD (c)));
  rapport_appointment_set_start (a, 1796306400);
  rapport_appointment_set_status (a, RAPPORT_STATUS_HELD);
  g_assert_true (rapport_store_add_appointment (f->ts.store, a, NULL));
  i = rapport_store_get_interview (f->ts.store, rapport_record_get_id (RAPPORT_RECORD (a)), NULL);
  return rapport_record_get_id (RAPPORT_RECORD (i));
}

static void
answer (Fixture       *f,
        gint64         interview,
        RapportTopic   topic,
        RapportAnswer  a,
        int            rating)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_set_answer (f->ts.store, interview, topic, a, "", rating, &error));
  g_assert_no_error (error);
}

static void
test_answers_and_drafts (Fixture       *f,
                         gconstpointer  data)
{
  gint64 id = held_interview (f, "Ada", "Computing", "Engines", RAPPORT_SOURCE_ALUMNI);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RapportAnswer a;
  int rating;

  g_assert_false (rapport_store_get_answer (f->ts.store, id, RAPPORT_TOPIC_ENJOY_ROLE, &a, NULL, NULL));
  g_assert_cmpint (a, ==, RAPPORT_ANSWER_NOT_YET);

  g_assert_true (rapport_store_set_answer (f->ts.store, id, RAPPORT_TOPIC_ENJOY_ROLE, RAPPORT_ANSWER_PARTLY,
                                           "The lab part yes; the reports, no. 'quoted'; DROP", 4, &error));
  g_assert_true (rapport_store_get_answer (f->ts.store, id, RAPPORT_TOPIC_ENJOY_ROLE, &a, &text, &rating));
  g_assert_cmpint (a, ==, RAPPORT_ANSWER_PARTLY);
  g_assert_cmpstr (text, ==, "The lab part yes; the reports, no. 'quoted'; DROP");
  g_assert_cmpint (rating, ==, 4);

  /* A rating out of range is refused and changes nothing. */
  g_assert_false (rapport_store_set_answer (f->ts.store, id, RAPPORT_TOPIC_ENJOY_ROLE, RAPPORT_ANSWER_YES, "", 9, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_true (rapport_store_get_answer (f->ts.store, id, RAPPORT_TOPIC_ENJOY_ROLE, &a, NULL, &rating));
  g_assert_cmpint (rating, ==, 4);

  /* Drafts survive a restart; the evaluation is finished separately. */
  g_assert_cmpint (rapport_store_get_evaluated (f->ts.store, id), ==, 0);
  g_clear_object (&f->ts.store);
  f->ts.store = rapport_store_open (f->ts.path, NULL);
  g_assert_true (rapport_store_get_answer (f->ts.store, id, RAPPORT_TOPIC_ENJOY_ROLE, &a, NULL, NULL));
  g_assert_true (rapport_store_set_evaluated (f->ts.store, id, 1796400000, NULL));
  g_assert_cmpint (rapport_store_get_evaluated (f->ts.store, id), ==, 1796400000);
}

static void
test_six_of_eleven (Fixture       *f,
                    gconstpointer  data)
{
  gint64 id = held_interview (f, "Ada", "Computing", "Engines", RAPPORT_SOURCE_ALUMNI);

  g_assert_false (rapport_evaluation_is_valuable (5));
  g_assert_true (rapport_evaluation_is_valuable (6));
  g_assert_true (rapport_evaluation_is_valuable (11));

  answer (f, id, RAPPORT_TOPIC_USES_MY_SKILLS, RAPPORT_ANSWER_YES, 0);
  answer (f, id, RAPPORT_TOPIC_QUALIFIED, RAPPORT_ANSWER_NO, 0);         /* no counts */
  answer (f, id, RAPPORT_TOPIC_UNDERSTAND_JOB, RAPPORT_ANSWER_PARTLY, 0);
  answer (f, id, RAPPORT_TOPIC_SALARY_RANGE, RAPPORT_ANSWER_NOT_YET, 0); /* not yet does not */
  g_assert_cmpuint (rapport_store_count_answered (f->ts.store, id), ==, 3);

  /* Changing an answer replaces it. */
  answer (f, id, RAPPORT_TOPIC_QUALIFIED, RAPPORT_ANSWER_NOT_YET, 0);
  g_assert_cmpuint (rapport_store_count_answered (f->ts.store, id), ==, 2);
}

static const RapportComparison *
row_named (GPtrArray  *rows,
           const char *name)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((RapportComparison *)g_ptr_array_index (rows, i))->name, name))
      return g_ptr_array_index (rows, i);
  g_assert_not_reached ();
}

static void
test_comparison (Fixture       *f,
                 gconstpointer  data)
{
  gint64 a = held_interview (f, "Ada", "Computing", "Engines", RAPPORT_SOURCE_ALUMNI);
  gint64 b = held_interview (f, "Grace", "Computing", "Navy", RAPPORT_SOURCE_LINKEDIN);
  gint64 c = held_interview (f, "Florence", "Nursing", "Hospital", RAPPORT_SOURCE_LINKEDIN);
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(RapportContact) idle = rapport_contact_new ("Never Asked");
  const RapportComparison *computing, *nursing, *linkedin;

  rapport_contact_set_source (idle, RAPPORT_SOURCE_LINKEDIN);
  g_assert_true (rapport_store_add_contact (f->ts.store, idle, NULL));

  answer (f, a, RAPPORT_TOPIC_ENJOY_ROLE, RAPPORT_ANSWER_YES, 5);
  answer (f, b, RAPPORT_TOPIC_ENJOY_ROLE, RAPPORT_ANSWER_PARTLY, 2);
  answer (f, a, RAPPORT_TOPIC_QUALIFIED, RAPPORT_ANSWER_YES, 0);
  answer (f, b, RAPPORT_TOPIC_QUALIFIED, RAPPORT_ANSWER_NO, 0);
  answer (f, a, RAPPORT_TOPIC_SALARY_RANGE, RAPPORT_ANSWER_PARTLY, 0);
  answer (f, c, RAPPORT_TOPIC_ENJOY_ORGANIZATION, RAPPORT_ANSWER_YES, 4);
  g_assert_true (rapport_store_set_evaluated (f->ts.store, a, 1796400000, NULL));

  fields = rapport_store_compare (f->ts.store, RAPPORT_COMPARE_FIELD, NULL);
  g_assert_cmpuint (fields->len, ==, 2);
  computing = row_named (fields, "Computing");
  g_assert_cmpuint (computing->held, ==, 2);
  g_assert_cmpuint (computing->evaluated, ==, 1);
  g_assert_cmpfloat_with_epsilon (computing->enjoy_role, 3.5, 0.001);
  g_assert_cmpuint (computing->answered, ==, 5);
  g_assert_cmpuint (computing->qualified_yes, ==, 1);
  g_assert_cmpuint (computing->qualified_no, ==, 1);
  g_assert_cmpuint (computing->salary_known, ==, 1);
  nursing = row_named (fields, "Nursing");
  g_assert_cmpuint (nursing->held, ==, 1);
  g_assert_cmpfloat_with_epsilon (nursing->enjoy_organization, 4.0, 0.001);
  g_assert_cmpfloat_with_epsilon (nursing->enjoy_role, 0.0, 0.001);

  orgs = rapport_store_compare (f->ts.store, RAPPORT_COMPARE_ORGANIZATION, NULL);
  g_assert_cmpuint (orgs->len, ==, 3);
  g_assert_cmpuint (row_named (orgs, "Navy")->qualified_no, ==, 1);

  /* Where names pay off: LinkedIn gave three names and two meetings. */
  sources = rapport_store_compare (f->ts.store, RAPPORT_COMPARE_SOURCE, NULL);
  linkedin = row_named (sources, "LinkedIn");
  g_assert_cmpuint (linkedin->contacts, ==, 3);
  g_assert_cmpuint (linkedin->requested, ==, 2);
  g_assert_cmpuint (linkedin->met, ==, 2);
  g_assert_cmpuint (row_named (sources, "Alumni network")->met, ==, 1);
}

static guint
topics_of_prompts (Fixture *f,
                   gint64   appointment_id)
{
  g_autoptr(RapportInterview) interview = rapport_store_get_interview (f->ts.store, appointment_id, NULL);
  g_autoptr(GArray) prompts = rapport_store_list_prompts (f->ts.store, rapport_record_get_id (RAPPORT_RECORD (interview)), NULL);
  guint topics = 0;

  for (guint i = 0; i < prompts->len; i++)
    {
      g_autoptr(RapportPrompt) p = rapport_store_get_prompt (f->ts.store, g_array_index (prompts, gint64, i));
      g_autoptr(RapportQuestion) q = rapport_store_get_question (f->ts.store, rapport_prompt_get_question_id (p));

      topics |= rapport_category_get_topics (rapport_question_get_category (q));
    }
  return topics;
}

static gint64
planned_interview (Fixture *f,
                   gint64   start)
{
  g_autoptr(RapportContact) c = rapport_contact_new ("Grace Hopper");
  g_autoptr(RapportAppointment) a = NULL;

  g_assert_true (rapport_store_add_contact (f->ts.store, c, NULL));
  a = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, rapport_record_get_id (RAPPORT_RECORD (c)));
  rapport_appointment_set_start (a, start);
  rapport_appointment_set_status (a, RAPPORT_STATUS_CONFIRMED);
  g_assert_true (rapport_store_add_appointment (f->ts.store, a, NULL));
  return rapport_record_get_id (RAPPORT_RECORD (a));
}

/* Open questions go to the next interview: the planned one, or, with none
 * planned, the next one made, once, and survive a restart in between. */
static void
test_carry_topics (Fixture       *f,
                   gconstpointer  data)
{
  guint topics = (1u << RAPPORT_TOPIC_SALARY_RANGE) | (1u << RAPPORT_TOPIC_QUALIFIED);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 held = held_interview (f, "Ada Lovelace", "Computing", "Engines", RAPPORT_SOURCE_ALUMNI);
  gint64 to = -1, next, later, past;
  g_autoptr(GError) error = NULL;

  /* None planned: kept for later. */
  g_assert_true (rapport_store_carry_topics (f->ts.store, topics, held, &to, &error));
  g_assert_no_error (error);
  g_assert_cmpint (to, ==, 0);

  g_clear_object (&f->ts.store);
  f->ts.store = rapport_store_open (f->ts.path, &error);
  g_assert_no_error (error);

  /* A past interview opened for the first time does not take them. */
  past = planned_interview (f, now - 7 * 24 * 3600);
  g_assert_cmpuint (topics_of_prompts (f, past) & topics, ==, 0);

  next = planned_interview (f, now + 24 * 3600);
  g_assert_cmpuint (topics_of_prompts (f, next) & topics, ==, topics);

  /* Taken once: the interview after that starts empty. */
  later = planned_interview (f, now + 48 * 3600);
  g_assert_cmpuint (topics_of_prompts (f, later), ==, 0);

  /* With one planned, it gets them at once, and no question twice. */
  g_assert_true (rapport_store_carry_topics (f->ts.store, 1u << RAPPORT_TOPIC_FIELD_GOALS, held, &to, &error));
  g_assert_cmpint (to, ==, next);
  g_assert_cmpuint (topics_of_prompts (f, next) & (1u << RAPPORT_TOPIC_FIELD_GOALS), !=, 0);
  {
    g_autoptr(RapportInterview) interview = rapport_store_get_interview (f->ts.store, next, NULL);
    g_autoptr(GArray) before = rapport_store_list_prompts (f->ts.store, rapport_record_get_id (RAPPORT_RECORD (interview)), NULL);
    g_autoptr(GArray) after = NULL;

    g_assert_true (rapport_store_carry_topics (f->ts.store, topics, held, &to, &error));
    after = rapport_store_list_prompts (f->ts.store, rapport_record_get_id (RAPPORT_RECORD (interview)), NULL);
    g_assert_cmpuint (after->len, ==, before->len);
  }

  /* Nothing ticked: nothing happens. */
  g_assert_true (rapport_store_carry_topics (f->ts.store, 0, held, &to, &error));
  g_assert_cmpint (to, ==, 0);
}

static RapportContact *
add_contact (Fixture    *f,
             const char *name,
             gint64      referred_by)
{
  RapportContact *contact = rapport_contact_new (name);

  rapport_contact_set_referred_by (contact, referred_by);
  g_assert_true (rapport_store_add_contact (f->ts.store, contact, NULL));
  return contact;
}

static void
test_referrals (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RapportContact) ada = add_contact (f, "Ada", 0);
  g_autoptr(RapportContact) grace = add_contact (f, "Grace", rapport_record_get_id (RAPPORT_RECORD (ada)));
  g_autoptr(RapportContact) alan = add_contact (f, "Alan", rapport_record_get_id (RAPPORT_RECORD (grace)));
  g_autoptr(RapportContact) gone = add_contact (f, "Gone", rapport_record_get_id (RAPPORT_RECORD (ada)));
  g_autoptr(RapportContact) alone = add_contact (f, "Alone", 0);
  g_autoptr(GArray) links = NULL;
  const RapportReferral *r;

  g_assert_true (rapport_store_delete_contact (f->ts.store, gone, NULL));

  /* Oldest first; the deleted contact and the one who was never referred
   * are not links. */
  links = rapport_store_list_referrals (f->ts.store, NULL);
  g_assert_cmpuint (links->len, ==, 2);
  r = &g_array_index (links, RapportReferral, 0);
  g_assert_cmpint (r->id, ==, rapport_record_get_id (RAPPORT_RECORD (grace)));
  g_assert_cmpint (r->referred_by, ==, rapport_record_get_id (RAPPORT_RECORD (ada)));
  r = &g_array_index (links, RapportReferral, 1);
  g_assert_cmpint (r->id, ==, rapport_record_get_id (RAPPORT_RECORD (alan)));
  g_assert_cmpint (r->referred_by, ==, rapport_record_get_id (RAPPORT_RECORD (grace)));
  (void)alone;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/evaluations/answers-and-drafts", test_answers_and_drafts);
  ADD ("/evaluations/six-of-eleven", test_six_of_eleven);
  ADD ("/evaluations/comparison", test_comparison);
  ADD ("/evaluations/carry-topics", test_carry_topics);
  ADD ("/evaluations/referrals", test_referrals);
#undef ADD

  return g_test_run ();
}
