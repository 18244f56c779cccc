/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-templates"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-templates.h"

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/**
 * rapport_request_subject:
 *
 * Returns: (transfer full): the subject line of a request e-mail
 */
char *
rapport_request_subject (RapportContact       *contact,
                         const RapportStudent *student)
{
  const char *field = is_set (rapport_contact_get_field (contact))
    ? rapport_contact_get_field (contact) : (student ? student->field : NULL);

  if (is_set (field))
    /* Translators: subject of a request e-mail, %s is a career field */
    return g_strdup_printf (_("A student’s request for advice about %s"), field);

  return g_strdup (_("A student’s request for advice about your work"));
}

/* How the student came to this person: the request says so plainly. */
static char *
how_found (RapportContact *contact,
           RapportContact *referrer,
           const char     *clipping_title)
{
  const char *detail = rapport_contact_get_source_detail (contact);

  if (referrer != NULL)
    /* Translators: %s is the name of the person who gave the student this name */
    return g_strdup_printf (_("%s suggested that I get in touch with you."), rapport_contact_get_name (referrer));

  if (is_set (clipping_title))
    /* Translators: %s is the title of an article or broadcast */
    return g_strdup_printf (_("I read about your work in “%s”."), clipping_title);

  switch (rapport_contact_get_source (contact))
    {
    case RAPPORT_SOURCE_LINKEDIN:
      return g_strdup (_("I found your profile on LinkedIn."));
    case RAPPORT_SOURCE_ALUMNI:
      return is_set (detail)
        /* Translators: %s names the alumni network */
        ? g_strdup_printf (_("I found your name through %s."), detail)
        : g_strdup (_("I found your name through our alumni network."));
    case RAPPORT_SOURCE_DIRECTORY:
      return g_strdup (_("I found your name in a business directory."));
    case RAPPORT_SOURCE_CHAMBER:
      return g_strdup (_("I found your name through the chamber of commerce."));
    case RAPPORT_SOURCE_FRIEND_FAMILY:
    case RAPPORT_SOURCE_TEACHER:
    case RAPPORT_SOURCE_PROFESSIONAL:
    case RAPPORT_SOURCE_REFERRAL:
      return is_set (detail)
        /* Translators: %s is who gave the student this name */
        ? g_strdup_printf (_("%s suggested that I get in touch with you."), detail)
        : NULL;
    case RAPPORT_SOURCE_ARTICLE:
      return is_set (detail)
        ? g_strdup_printf (_("I read about your work in “%s”."), detail)
        : g_strdup (_("I read about your work and would like to learn more."));
    case RAPPORT_SOURCE_OTHER:
    default:
      return NULL;
    }
}

static char *
introduction (const RapportStudent *student,
              const char           *field)
{
  const char *name = student && is_set (student->name) ? student->name : NULL;
  const char *school = student && is_set (student->school) ? student->school : NULL;
  g_autofree char *who = NULL;

  if (name && school)
    /* Translators: "My name is Sam Lee and I am a student at Example College" */
    who = g_strdup_printf (_("My name is %s and I am a student at %s"), name, school);
  else if (name)
    who = g_strdup_printf (_("My name is %s and I am a student"), name);
  else if (school)
    who = g_strdup_printf (_("I am a student at %s"), school);
  else
    who = g_strdup (_("I am a student"));

  if (is_set (field))
    /* Translators: the first %s is the introduction above, the second a career field */
    return g_strdup_printf (_("%s, exploring a career in %s."), who, field);

  return g_strdup_printf (_("%s, exploring what career to follow."), who);
}

/**
 * rapport_request_body:
 * @referrer: (nullable): who gave the student this name
 * @clipping_title: (nullable): the article the student read about them in
 * @student: (nullable): the student's name, school and field of interest
 *
 * Writes a request for an informational interview: short, says how the
 * student found the person, asks for 20–30 minutes of information and
 * advice, and says plainly that it is not a request for a job. The phone
 * script adds what to say when the call meets one of the usual snags.
 *
 * Returns: (transfer full): the message
 */
char *
rapport_request_body (RapportContact       *contact,
                      RapportContact       *referrer,
                      const char           *clipping_title,
                      const RapportStudent *student,
                      RapportRequestKind    kind)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *found = how_found (contact, referrer, clipping_title);
  g_autofree char *intro = NULL;
  g_autofree char *role = rapport_contact_dup_summary (contact);
  const char *field = is_set (student ? student->field : NULL) ? student->field : rapport_contact_get_field (contact);
  const char *name = rapport_contact_get_name (contact);
  const char *me = student && is_set (student->name) ? student->name : NULL;

  intro = introduction (student, field);

  if (kind == RAPPORT_REQUEST_PHONE)
    {
      /* Translators: the opening of a phone call, %s is the person's name */
      g_string_append_printf (text, _("Hello, may I speak with %s?"), name);
      g_string_append (text, "\n\n");
      g_string_append (text, intro);
      if (found)
        g_string_append_printf (text, " %s", found);
      g_string_append_c (text, ' ');
      g_string_append (text, _("I am not calling about a job. I would like to ask for 20 to 30 minutes "
                               "of your time, in person or by phone, to learn about your work and to "
                               "hear your advice. Would that be possible in the next couple of weeks?"));
      g_string_append (text, "\n\n");
      g_string_append (text, _("If now is not a good time: “When would suit you better? I am happy to fit "
                               "around your schedule.”"));
      g_string_append (text, "\n");
      g_string_append (text, _("If you have reached the wrong person: “Could you suggest someone else I "
                               "could talk to about this work?”"));
      g_string_append (text, "\n");
      g_string_append (text, _("If they ask whether you want a job: “Not at this stage. I am learning "
                               "about the work so that I can choose well.”"));
      g_string_append (text, "\n");
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  /* Translators: the greeting of a request e-mail, %s is the person's name */
  g_string_append_printf (text, _("Dear %s,"), name);
  g_string_append (text, "\n\n");
  g_string_append (text, intro);
  if (found)
    g_string_append_printf (text, " %s", found);
  g_string_append (text, "\n\n");
  if (is_set (role))
    /* Translators: %s is the person's role, e.g. "Nurse at City Hospital" */
    g_string_append_printf (text, _("I would be grateful for 20 to 30 minutes of your time to hear about "
                                    "your work as %s and any advice you have for someone starting out."),
                            role);
  else
    g_string_append (text, _("I would be grateful for 20 to 30 minutes of your time to hear about "
                             "your work and any advice you have for someone starting out."));
  g_string_append_c (text, ' ');
  g_string_append (text, _("I am not asking about a job: at this stage I am gathering information "
                           "and advice."));
  g_string_append (text, "\n\n");
  g_string_append (text, _("Would a short meeting or phone call in the coming weeks suit you? I am "
                           "happy to fit around your schedule."));
  g_string_append (text, "\n\n");
  g_string_append (text, _("Thank you for considering it,"));
  if (me)
    g_string_append_printf (text, "\n%s", me);
  g_string_append_c (text, '\n');

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * rapport_request_mailto:
 *
 * Returns: (transfer full) (nullable): a mailto: URI with the subject and
 *   body, or %NULL when the contact has no e-mail address
 */
char *
rapport_request_mailto (RapportContact *contact,
                        const char     *subject,
                        const char     *body)
{
  g_autofree char *address = g_strstrip (g_strdup (rapport_contact_get_email (contact)));
  g_autofree char *to = NULL;
  g_autofree char *s = NULL;
  g_autofree char *b = NULL;

  if (*address == '\0')
    return NULL;

  to = g_uri_escape_string (address, "@+", FALSE);
  s = g_uri_escape_string (subject, NULL, FALSE);
  b = g_uri_escape_string (body, NULL, FALSE);
  return g_strdup_printf ("mailto:%s?subject=%s&body=%s", to, s, b);
}

/* The first sentence of @notes, trimmed, without its full stop. */
static char *
first_sentence (const char *notes)
{
  g_autofree char *text = g_strstrip (g_strdup (notes ? notes : ""));
  char *end;

  if (*text == '\0')
    return NULL;

  end = text + strcspn (text, ".!?\n");
  *end = '\0';
  g_strstrip (text);
  if (g_utf8_strlen (text, -1) > 140)
    {
      char *cut = g_utf8_offset_to_pointer (text, 140);
      *cut = '\0';
    }
  return *text ? g_steal_pointer (&text) : NULL;
}

/**
 * rapport_thank_you_body:
 * @learned: (array zero-terminated=1) (nullable): notes from the interview;
 *   the first sentence of the first two non-empty ones is named
 * @step: (nullable): the step the student is taking on their suggestion
 *
 * Writes a thank-you note: thanks for the time and advice, one or two
 * things learned, the step taken, and the promise to keep them posted.
 *
 * Returns: (transfer full): the note
 */
char *
rapport_thank_you_body (RapportContact       *contact,
                        const RapportStudent *student,
                        const char * const   *learned,
                        const char           *step,
                        RapportThankYouKind   kind)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func (g_free);
  const char *name = rapport_contact_get_name (contact);
  const char *me = student && is_set (student->name) ? student->name : NULL;

  for (guint i = 0; learned && learned[i] && points->len < 2; i++)
    {
      char *s = first_sentence (learned[i]);
      if (s != NULL)
        g_ptr_array_add (points, s);
    }

  /* Translators: the greeting of a thank-you note, %s is the person's name */
  g_string_append_printf (text, _("Dear %s,"), name);
  g_string_append (text, "\n\n");
  g_string_append (text, _("Thank you for taking the time to talk with me and for your advice."));

  if (points->len == 2)
    {
      /* Translators: two things the student learned, taken from their notes */
      g_autofree char *line = g_strdup_printf (_("I especially valued what you said about %s, and about %s."),
                                               (char *)g_ptr_array_index (points, 0),
                                               (char *)g_ptr_array_index (points, 1));
      g_string_append_printf (text, " %s", line);
    }
  else if (points->len == 1)
    {
      /* Translators: something the student learned, taken from their notes */
      g_autofree char *line = g_strdup_printf (_("I especially valued what you said about %s."),
                                               (char *)g_ptr_array_index (points, 0));
      g_string_append_printf (text, " %s", line);
    }

  if (is_set (step))
    {
      g_autofree char *clean = g_strstrip (g_strdup (step));
      /* Translators: %s is the step, e.g. "join the regional nursing association" */
      g_autofree char *line = g_strdup_printf (_("Following your suggestion, my next step is to %s."), clean);

      g_string_append (text, kind == RAPPORT_THANK_YOU_LINKEDIN ? " " : "\n\n");
      g_string_append (text, line);
    }

  g_string_append (text, kind == RAPPORT_THANK_YOU_LINKEDIN ? " " : "\n\n");
  g_string_append (text, _("I will keep you posted on how my search goes."));
  g_string_append (text, "\n\n");
  g_string_append (text, kind == RAPPORT_THANK_YOU_CARD ? _("With warm thanks,") : _("With thanks,"));
  if (me)
    g_string_append_printf (text, "\n%s", me);
  g_string_append_c (text, '\n');

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * rapport_thank_you_subject:
 *
 * Returns: (transfer full): the subject line of a thank-you e-mail
 */
char *
rapport_thank_you_subject (RapportContact *contact)
{
  return g_strdup (_("Thank you for your time and advice"));
}
