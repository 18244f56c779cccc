/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rapport-templates.h"

static void
test_email (void)
{
  g_autoptr(RapportContact) grace = rapport_contact_new ("Grace Hopper");
  g_autoptr(RapportContact) ada = rapport_contact_new ("Ada Lovelace");
  RapportStudent student = { "Sam Lee", "Example College", "computing" };
  g_autofree char *body = NULL;
  g_autofree char *subject = NULL;

  rapport_contact_set_job_title (grace, "Rear Admiral");
  rapport_contact_set_organization (grace, "US Navy");
  body = rapport_request_body (grace, ada, NULL, &student, RAPPORT_REQUEST_EMAIL);
  subject = rapport_request_subject (grace, &student);

  g_assert_true (g_str_has_prefix (body, "Dear Grace Hopper,"));
  g_assert_nonnull (strstr (body, "My name is Sam Lee and I am a student at Example College, exploring a career in computing."));
  g_assert_nonnull (strstr (body, "Ada Lovelace suggested that I get in touch with you."));
  g_assert_nonnull (strstr (body, "20 to 30 minutes"));
  g_assert_nonnull (strstr (body, "your work as Rear Admiral at US Navy"));
  g_assert_nonnull (strstr (body, "I am not asking about a job"));
  g_assert_true (g_str_has_suffix (body, "Sam Lee\n"));
  g_assert_cmpstr (subject, ==, "A student’s request for advice about computing");
}

static void
test_how_found (void)
{
  g_autoptr(RapportContact) c = rapport_contact_new ("Pat");
  g_autofree char *linkedin = NULL;
  g_autofree char *article = NULL;
  g_autofree char *nothing = NULL;

  rapport_contact_set_source (c, RAPPORT_SOURCE_LINKEDIN);
  linkedin = rapport_request_body (c, NULL, NULL, NULL, RAPPORT_REQUEST_EMAIL);
  g_assert_nonnull (strstr (linkedin, "I found your profile on LinkedIn."));
  /* Without a name in Preferences the request still reads well. */
  g_assert_nonnull (strstr (linkedin, "I am a student, exploring what career to follow."));

  article = rapport_request_body (c, NULL, "Nurses of the year", NULL, RAPPORT_REQUEST_EMAIL);
  g_assert_nonnull (strstr (article, "I read about your work in “Nurses of the year”."));

  rapport_contact_set_source (c, RAPPORT_SOURCE_OTHER);
  nothing = rapport_request_body (c, NULL, NULL, NULL, RAPPORT_REQUEST_EMAIL);
  g_assert_null (strstr (nothing, "suggested"));
}

static void
test_phone_script (void)
{
  g_autoptr(RapportContact) c = rapport_contact_new ("Dr. Okafor");
  g_autofree char *script = rapport_request_body (c, NULL, NULL, NULL, RAPPORT_REQUEST_PHONE);

  g_assert_true (g_str_has_prefix (script, "Hello, may I speak with Dr. Okafor?"));
  g_assert_nonnull (strstr (script, "I am not calling about a job."));
  /* The known snags get their advice where they happen. */
  g_assert_nonnull (strstr (script, "When would suit you better?"));
  g_assert_nonnull (strstr (script, "Could you suggest someone else"));
  g_assert_nonnull (strstr (script, "Not at this stage."));
}

static void
test_mailto (void)
{
  g_autoptr(RapportContact) c = rapport_contact_new ("Ana");
  g_autofree char *none = rapport_request_mailto (c, "s", "b");
  g_autofree char *uri = NULL;

  g_assert_null (none);
  rapport_contact_set_email (c, " ana+work@example.org ");
  uri = rapport_request_mailto (c, "Advice & ideas?", "Line one\nLine two; 100% sure");
  g_assert_cmpstr (uri, ==, "mailto:ana+work@example.org?subject=Advice%20%26%20ideas%3F"
                            "&body=Line%20one%0ALine%20two%3B%20100%25%20sure");
}

static void
test_thank_you (void)
{
  g_autoptr(RapportContact) ada = rapport_contact_new ("Ada Lovelace");
  RapportStudent student = { "Sam Lee", "Example College", "computing" };
  const char *learned[] = { "", "Most analysts start in support roles. Then they move on", "  Pay rises quickly after two years\n", "third", NULL };
  g_autofree char *email = rapport_thank_you_body (ada, &student, learned, "join the regional computing society ",
                                                   RAPPORT_THANK_YOU_EMAIL);
  g_autofree char *bare = rapport_thank_you_body (ada, NULL, NULL, NULL, RAPPORT_THANK_YOU_CARD);

  g_assert_true (g_str_has_prefix (email, "Dear Ada Lovelace,\n\nThank you for taking the time"));
  g_assert_nonnull (strstr (email, "what you said about Most analysts start in support roles, and about Pay rises quickly after two years."));
  g_assert_null (strstr (email, "third"));
  g_assert_nonnull (strstr (email, "Following your suggestion, my next step is to join the regional computing society."));
  g_assert_nonnull (strstr (email, "I will keep you posted"));
  g_assert_true (g_str_has_suffix (email, "Sam Lee\n"));

  g_assert_null (strstr (bare, "valued"));
  g_assert_null (strstr (bare, "Following"));
  g_assert_nonnull (strstr (bare, "With warm thanks,"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/templates/email", test_email);
  g_test_add_func ("/templates/how-found", test_how_found);
  g_test_add_func ("/templates/phone-script", test_phone_script);
  g_test_add_func ("/templates/mailto", test_mailto);
  g_test_add_func ("/templates/thank-you", test_thank_you);

  return g_test_run ();
}
