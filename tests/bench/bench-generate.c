/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-generate: fills a Rapport database with N contacts and, in
 * proportion, appointments, interview notes, evaluations and clippings;
 * or writes a LinkedIn Connections.csv of N rows. Same seed, same data.
 *
 *   bench-generate db  PATH N [--seed S] [--writer api|bulk|auto] [--in-place]
 *   bench-generate csv PATH ROWS [--seed S]
 *
 * Two writers produce the same rows from the same random stream:
 *   api   through the store (RapportStore), one transaction per call, as the
 *         app writes. Used up to 10 000 contacts.
 *   bulk  the store is opened once so that the schema, its migrations and
 *         the question bank exist, then closed; every row is then inserted
 *         with sqlite3 prepared statements in ONE transaction, writing what
 *         the store would write (the appointment_changes row of each new
 *         appointment, the contact's stage moved by rapport_stage_after_status,
 *         "thanked" after the thank-you note). Used above 10 000.
 *
 * Proportions per contact: 10 % have an informational interview (60 % of
 * those held, with a notebook, 8 picked questions and notes, action items;
 * 95 % of held ones thanked, half evaluated), 1 % a counsellor appointment,
 * one clipping per 20 contacts linked to 1 to 3 of them, 40 % of contacts
 * have notes (50 to 500 characters), 5 % were referred by an earlier one. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rapport-questions.h"
#include "rapport-store.h"

#define DEFAULT_SEED 20261125
#define N_PROMPTS    8
#define DAY          (24 * 60 * 60)

/* Proportions, in per mille of contacts */
#define INTERVIEW_PM   100
#define COUNSELLOR_PM  10
#define CLIPPING_PM    50
#define NOTES_PM       400
#define REFERRED_PM    50

static const char *first_names[] = {
  "María", "Maria", "Mariana", "Marie", "Mario", "Marius", "Marisol", "Mark",
  "Martina", "Marta", "José", "Ana", "Luis", "Mei", "Wei", "Priya", "Aisha",
  "Jürgen", "Zoë", "Olga", "Fatima", "Kwame", "Sofia", "Lucas", "Emma", "Noah",
  "Liam", "Olivia", "Ava", "Mateo", "Camila", "Yuki", "Hiroshi", "Ngozi",
  "Amara", "Lars", "Ingrid", "Pierre", "Élodie", "Giulia", "Marco", "Sean",
  "Siobhán", "Raj", "Anjali", "Omar", "Leila", "Tomás", "Beatriz", "Ivan",
  "Katarzyna", "Mariam", "Samuel", "Grace", "Daniel", "Chloé", "Ahmed", "Nora",
  "Hannah", "Ali", "Søren", "Björn", "Ayşe", "Nguyễn", "Dmitri", "Elena",
};

static const char *last_names[] = {
  "García", "Garcia", "Gallagher", "Garza", "Smith", "Nguyen", "Müller",
  "Okafor", "Rossi", "Kim", "Patel", "Johansson", "Dubois", "O'Brien",
  "Kowalski", "Silva", "Tanaka", "Haddad", "Mensah", "Schmidt", "Fernández",
  "López", "Martínez", "Gómez", "Marino", "Moreau", "Novak", "Jensen", "Chen",
  "Wang", "Singh", "Kumar", "Ahmed", "Hassan", "Ivanova", "Petrov", "Brown",
  "Wilson", "Taylor", "Anderson", "Thomas", "Jackson", "White", "Harris",
  "Clark", "Lewis", "Walker", "Young", "King", "Wright", "Scott", "Green",
  "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts",
  "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker", "Collins",
};

static const char *organizations[] = {
  "Northwind Health", "Contoso", "Fabrikam", "Tailspin Toys", "Globex",
  "Initech", "Umbrella Labs", "Wide World Importers", "Adventure Works",
  "City Hospital", "Riverside School District", "Acme, Inc.",
  "Müller & Söhne GmbH", "Blue Yonder Airlines", "Litware", "Proseware",
  "Margie's Travel", "Lucerne Publishing", "Coho Winery", "Fourth Coffee",
  "Graphic Design Institute", "Alpine Ski House", "Trey Research",
  "Woodgrove Bank", "Humongous Insurance", "A. Datum Corporation",
  "Consolidated Messenger", "Southridge Video", "School of Fine Art",
  "Wingtip Toys", "Public Library", "Regional Newspaper", "Green Energy Co-op",
  "", "",
};

static const char *job_titles[] = {
  "Registered Nurse", "Software Engineer", "Product Manager", "Architect",
  "Marketing Director", "Data Analyst", "Physical Therapist", "Teacher",
  "Accountant", "Civil Engineer", "Graphic Designer", "Journalist",
  "Recruiter", "UX Researcher", "Pharmacist", "Lawyer", "Social Worker",
  "Chef", "Electrician", "Veterinarian", "Librarian", "Project Manager",
  "Research Scientist", "Sales Manager", "", "",
};

static const char *fields[] = {
  "Health care", "Software", "Education", "Finance", "Law", "Journalism",
  "Design", "Engineering", "Hospitality", "Public service", "Marketing",
  "Research", "Energy", "",
};

static const char *sentences[] = {
  "Met at the alumni mixer in the spring; very open about how she got started.",
  "Works on the team that builds the scheduling tool used by the clinics.",
  "Suggested I read the trade magazine before we talk again.",
  "Prefers e-mail to phone calls, and answers in the evening.",
  "Moved into management after eight years on the floor.",
  "Knows the hiring manager at the regional office.",
  "Offered to look over my résumé once I have finished the portfolio.",
  "Said the first year is mostly learning the regulations.",
  "Has a daughter at my university; we talked about the co-op program.",
  "Recommended two people in the field: one in design, one in research.",
  "Mentioned that most openings are never advertised.",
  "Busy until the end of the quarter; try again in a month.",
  "Enthusiastic about mentoring students, asked me to keep in touch.",
  "Was a teacher before switching to the private sector.",
  "Thinks certification matters less than a good internship.",
  "Lives near the station, happy to meet for coffee on Fridays.",
  "Talked about the long hours during the busy season.",
  "Gave me the name of the professional association to join.",
  "Her path: community college, then a degree at night, then the big move.",
  "Uses spreadsheets all day; learn the shortcuts, she said.",
  "Wants to hear how the interview with the bank went.",
  "Speaks Spanish and Portuguese, often travels to the São Paulo office.",
  "Great storyteller — the meeting ran twenty minutes over.",
  "Very direct: asked what I actually want to do in five years.",
  "Pointed out that salaries differ a lot between regions.",
  "Currently hiring interns for the summer, deadline in March.",
  "Introduced me to the team lead by e-mail the same day.",
  "Suggested volunteering at the clinic to see the work first-hand.",
  "We share an interest in cycling and urban planning.",
  "Said the best part of the job is solving problems with the client.",
};

static const char *clipping_titles[] = {
  "Local firm wins design award", "Hospital opens new wing",
  "Ten questions for a chief engineer", "The future of public libraries",
  "Start-up raises funding for clean energy", "Profile: the chef behind the bistro",
  "School district hires new superintendent", "Bank expands into the region",
  "Interview with an award-winning journalist", "Why nurses are in demand",
};

typedef struct
{
  GRand  *rand;
  gint64  now;
  gint64  n_contacts;
  GArray *question_ids;
} Gen;

static int
pick_index (Gen *g, guint n)
{
  return g_rand_int_range (g->rand, 0, n);
}

#define PICK(g, array) (array[pick_index ((g), G_N_ELEMENTS (array))])

static gboolean
chance (Gen *g, int per_mille)
{
  return g_rand_int_range (g->rand, 0, 1000) < per_mille;
}

/* Random sentences until the text is between @min and @max characters long. */
static char *
make_text (Gen *g, int min, int max)
{
  int target = g_rand_int_range (g->rand, min, max + 1);
  GString *s = g_string_new (NULL);

  while ((int)s->len < target)
    {
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, PICK (g, sentences));
    }
  return g_string_free (s, FALSE);
}

static char *
slug (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

/* Rows */

typedef struct
{
  char          *name, *organization, *job_title, *field, *email, *phone;
  char          *profile_url, *source_detail, *notes;
  RapportSource  source;
  RapportStage   stage;
  gint64         referred_by;
} ContactRow;

static void
contact_row_clear (ContactRow *c)
{
  g_free (c->name); g_free (c->organization); g_free (c->job_title);
  g_free (c->field); g_free (c->email); g_free (c->phone);
  g_free (c->profile_url); g_free (c->source_detail); g_free (c->notes);
}

static void
gen_contact (Gen *g, gint64 id, ContactRow *c)
{
  const char *first = PICK (g, first_names);
  const char *last = PICK (g, last_names);
  g_autofree char *f = slug (first);
  g_autofree char *l = slug (last);

  memset (c, 0, sizeof *c);
  c->name = g_strdup_printf ("%s %s", first, last);
  c->organization = g_strdup (PICK (g, organizations));
  c->job_title = g_strdup (PICK (g, job_titles));
  c->field = g_strdup (PICK (g, fields));
  c->email = chance (g, 600) ? g_strdup_printf ("%s.%s%" G_GINT64_FORMAT "@example.org", f, l, id % 97) : g_strdup ("");
  c->phone = chance (g, 300) ? g_strdup_printf ("+1 555 %03d %04d", pick_index (g, 1000), pick_index (g, 10000)) : g_strdup ("");
  c->source = chance (g, 450) ? RAPPORT_SOURCE_LINKEDIN : (RapportSource)pick_index (g, RAPPORT_N_SOURCES);
  c->profile_url = c->source == RAPPORT_SOURCE_LINKEDIN
    ? g_strdup_printf ("https://www.linkedin.com/in/%s-%s-%" G_GINT64_MODIFIER "x", f, l, id)
    : g_strdup ("");
  c->source_detail = chance (g, 200) ? g_strdup ("Class of 2019 alumni list") : g_strdup ("");
  c->referred_by = (id > 1 && chance (g, REFERRED_PM)) ? 1 + g_rand_int_range (g->rand, 0, (gint32)MIN (id - 1, G_MAXINT32)) : 0;
  if (c->referred_by > 0)
    c->source = RAPPORT_SOURCE_REFERRAL;
  c->stage = chance (g, 30) ? RAPPORT_STAGE_DECLINED : RAPPORT_STAGE_TO_CONTACT;
  c->notes = chance (g, NOTES_PM) ? make_text (g, 50, 500) : g_strdup ("");
}

typedef struct
{
  RapportActionKind kind;
  char             *text;
  gint64            due;
  gboolean          done;
} ActionRow;

typedef struct
{
  RapportAnswer answer;
  char         *text;
  int           rating;
} AnswerRow;

typedef struct
{
  /* the appointment */
  char                   *uid;
  RapportAppointmentKind  kind;
  gint64                  contact_id;
  char                   *title, *place, *notes;
  gint64                  start;
  int                     duration;
  RapportMode             mode;
  RapportStatus           status;
  /* the interview, when held */
  gboolean                has_interview;
  char                   *goals, *notebook;
  guint                   checklist;
  gboolean                got_card;
  int                     elapsed;
  gint64                  prompt_question[N_PROMPTS];
  char                   *prompt_notes[N_PROMPTS];
  guint                   n_actions;
  ActionRow               actions[2];
  gint64                  thanked;
  gint64                  evaluated;
  AnswerRow               answers[RAPPORT_N_TOPICS];
} AppointmentRow;

static void
appointment_row_clear (AppointmentRow *a)
{
  g_free (a->uid); g_free (a->title); g_free (a->place); g_free (a->notes);
  g_free (a->goals); g_free (a->notebook);
  for (guint i = 0; i < N_PROMPTS; i++)
    g_free (a->prompt_notes[i]);
  for (guint i = 0; i < a->n_actions; i++)
    g_free (a->actions[i].text);
  for (guint i = 0; i < RAPPORT_N_TOPICS; i++)
    g_free (a->answers[i].text);
}

static void
gen_appointment (Gen *g, guint serial, RapportAppointmentKind kind, gint64 contact_id, AppointmentRow *a)
{
  int roll = pick_index (g, 100);

  memset (a, 0, sizeof *a);
  a->uid = g_strdup_printf ("bench-%06u@rapport", serial);
  a->kind = kind;
  a->contact_id = contact_id;
  a->title = g_strdup (kind == RAPPORT_APPOINTMENT_INTERVIEW ? "" : "Career centre appointment");
  a->place = chance (g, 500) ? g_strdup ("Café on Main Street") : g_strdup ("");
  a->notes = chance (g, 300) ? make_text (g, 40, 200) : g_strdup ("");
  a->duration = 30 + 15 * pick_index (g, 3);
  a->mode = (RapportMode)pick_index (g, RAPPORT_N_MODES);

  if (roll < 60)
    {
      a->status = RAPPORT_STATUS_HELD;
      a->start = g->now - (gint64)(2 + pick_index (g, 365)) * DAY - pick_index (g, 8 * 3600);
    }
  else if (roll < 75)
    a->status = RAPPORT_STATUS_REQUESTED;
  else if (roll < 85)
    {
      a->status = RAPPORT_STATUS_CONFIRMED;
      a->start = g->now + (gint64)(1 + pick_index (g, 30)) * DAY + pick_index (g, 8 * 3600);
    }
  else if (roll < 95)
    {
      a->status = RAPPORT_STATUS_CANCELLED;
      a->start = g->now - (gint64)(1 + pick_index (g, 200)) * DAY;
    }
  else
    {
      a->status = RAPPORT_STATUS_NO_SHOW;
      a->start = g->now - (gint64)(1 + pick_index (g, 200)) * DAY;
    }

  if (kind != RAPPORT_APPOINTMENT_INTERVIEW || a->status != RAPPORT_STATUS_HELD)
    return;

  a->has_interview = TRUE;
  a->goals = make_text (g, 80, 250);
  a->notebook = make_text (g, 300, 1200);
  a->checklist = pick_index (g, 32);
  a->got_card = chance (g, 500);
  a->elapsed = 1200 + pick_index (g, 2400);

  /* eight different questions of the bank */
  for (guint i = 0; i < N_PROMPTS; i++)
    {
      gboolean again;
      do
        {
          a->prompt_question[i] = g_array_index (g->question_ids, gint64, pick_index (g, g->question_ids->len));
          again = FALSE;
          for (guint j = 0; j < i; j++)
            again |= a->prompt_question[j] == a->prompt_question[i];
        }
      while (again);
      a->prompt_notes[i] = chance (g, 750) ? make_text (g, 60, 300) : g_strdup ("");
    }

  a->n_actions = pick_index (g, 3);
  for (guint i = 0; i < a->n_actions; i++)
    {
      a->actions[i].kind = (RapportActionKind)pick_index (g, RAPPORT_N_ACTION_KINDS);
      a->actions[i].text = make_text (g, 20, 90);
      a->actions[i].done = chance (g, 800);
      a->actions[i].due = chance (g, 500) ? a->start + (gint64)(7 + pick_index (g, 60)) * DAY : 0;
    }

  a->thanked = chance (g, 950) ? a->start + a->duration * 60 + 3600 * (2 + pick_index (g, 40)) : 0;

  if (chance (g, 500))
    {
      a->evaluated = a->start + 3 * DAY;
      for (guint t = 0; t < RAPPORT_N_TOPICS; t++)
        {
          a->answers[t].answer = (RapportAnswer)pick_index (g, 4);
          a->answers[t].text = chance (g, 600) ? make_text (g, 30, 250) : g_strdup ("");
          a->answers[t].rating = (t == RAPPORT_TOPIC_ENJOY_ROLE || t == RAPPORT_TOPIC_ENJOY_ORGANIZATION)
                                 ? 1 + pick_index (g, 5) : 0;
        }
    }
}

typedef struct
{
  char                *title, *url, *date, *notes;
  RapportClippingKind  kind;
  guint                n_contacts;
  gint64               contacts[3];
} ClippingRow;

static void
clipping_row_clear (ClippingRow *c)
{
  g_free (c->title); g_free (c->url); g_free (c->date); g_free (c->notes);
}

static void
gen_clipping (Gen *g, guint serial, ClippingRow *c)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (g->now - (gint64)pick_index (g, 3 * 365) * DAY);

  memset (c, 0, sizeof *c);
  c->title = g_strdup_printf ("%s (%u)", PICK (g, clipping_titles), serial);
  c->kind = (RapportClippingKind)pick_index (g, RAPPORT_N_CLIPPING_KINDS);
  c->url = c->kind == RAPPORT_CLIPPING_WEB ? g_strdup_printf ("https://news.example.org/articles/%u", serial) : g_strdup ("");
  c->date = g_date_time_format (when, "%Y-%m-%d");
  c->notes = make_text (g, 100, 600);
  c->n_contacts = 1 + pick_index (g, 3);
  for (guint i = 0; i < c->n_contacts; i++)
    {
      gboolean again;
      do
        {
          c->contacts[i] = 1 + g_rand_int_range (g->rand, 0, (gint32)g->n_contacts);
          again = FALSE;
          for (guint j = 0; j < i; j++)
            again |= c->contacts[j] == c->contacts[i];
        }
      while (again && g->n_contacts > 3);
    }
}

/* Writers */

typedef struct Writer Writer;
struct Writer
{
  gboolean (*contact)     (Writer *w, gint64 id, const ContactRow *c, GError **error);
  gboolean (*appointment) (Writer *w, const AppointmentRow *a, GError **error);
  gboolean (*clipping)    (Writer *w, const ClippingRow *c, GError **error);
  RapportStore *store;
  sqlite3      *db;
  GHashTable   *statements;
  gint64        now;
};

/* ---- through the store ---- */

static gboolean
api_contact (Writer *w, gint64 id, const ContactRow *c, GError **error)
{
  g_autoptr(RapportContact) contact = rapport_contact_new (c->name);

  rapport_contact_set_organization (contact, c->organization);
  rapport_contact_set_job_title (contact, c->job_title);
  rapport_contact_set_field (contact, c->field);
  rapport_contact_set_email (contact, c->email);
  rapport_contact_set_phone (contact, c->phone);
  rapport_contact_set_profile_url (contact, c->profile_url);
  rapport_contact_set_source (contact, c->source);
  rapport_contact_set_source_detail (contact, c->source_detail);
  rapport_contact_set_referred_by (contact, c->referred_by);
  rapport_contact_set_stage (contact, c->stage);
  rapport_contact_set_notes (contact, c->notes);
  if (!rapport_store_add_contact (w->store, contact, error))
    return FALSE;
  g_assert_cmpint (rapport_record_get_id (RAPPORT_RECORD (contact)), ==, id);
  return TRUE;
}

static gboolean
api_appointment (Writer *w, const AppointmentRow *a, GError **error)
{
  g_autoptr(RapportAppointment) appointment = rapport_appointment_new (a->kind, a->contact_id);
  g_autoptr(RapportInterview) interview = NULL;
  gint64 interview_id;

  rapport_appointment_set_uid (appointment, a->uid);
  rapport_appointment_set_title (appointment, a->title);
  rapport_appointment_set_place (appointment, a->place);
  rapport_appointment_set_notes (appointment, a->notes);
  rapport_appointment_set_start (appointment, a->start);
  rapport_appointment_set_duration (appointment, a->duration);
  rapport_appointment_set_mode (appointment, a->mode);
  rapport_appointment_set_status (appointment, a->status);
  if (!rapport_store_add_appointment (w->store, appointment, error))
    return FALSE;

  if (!a->has_interview)
    return TRUE;

  interview = rapport_store_get_interview (w->store, rapport_record_get_id (RAPPORT_RECORD (appointment)), error);
  if (interview == NULL)
    return FALSE;
  interview_id = rapport_record_get_id (RAPPORT_RECORD (interview));
  rapport_interview_set_goals (interview, a->goals);
  rapport_interview_set_notebook (interview, a->notebook);
  rapport_interview_set_checklist (interview, a->checklist);
  rapport_interview_set_got_card (interview, a->got_card);
  rapport_interview_set_elapsed (interview, a->elapsed);
  if (!rapport_store_save_interview (w->store, interview, error))
    return FALSE;

  for (guint i = 0; i < N_PROMPTS; i++)
    {
      g_autoptr(RapportQuestion) question = rapport_store_get_question (w->store, a->prompt_question[i]);
      g_autoptr(RapportPrompt) prompt = rapport_store_add_prompt (w->store, interview, question, error);

      if (prompt == NULL)
        return FALSE;
      if (*a->prompt_notes[i])
        {
          rapport_prompt_set_notes (prompt, a->prompt_notes[i]);
          if (!rapport_store_save_prompt (w->store, prompt, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < a->n_actions; i++)
    {
      g_autoptr(RapportActionItem) item =
        g_object_new (RAPPORT_TYPE_ACTION_ITEM,
                      "interview-id", interview_id, "contact-id", a->contact_id,
                      "kind", a->actions[i].kind, "text", a->actions[i].text,
                      "due", a->actions[i].due, "done", a->actions[i].done, NULL);
      if (!rapport_store_add_action_item (w->store, item, error))
        return FALSE;
    }

  if (a->thanked > 0 &&
      !rapport_store_mark_thanked (w->store, appointment, a->thanked, NULL, 0, error))
    return FALSE;

  if (a->evaluated > 0)
    {
      for (guint t = 0; t < RAPPORT_N_TOPICS; t++)
        if (!rapport_store_set_answer (w->store, interview_id, t, a->answers[t].answer,
                                       a->answers[t].text, a->answers[t].rating, error))
          return FALSE;
      if (!rapport_store_set_evaluated (w->store, interview_id, a->evaluated, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
api_clipping (Writer *w, const ClippingRow *c, GError **error)
{
  g_autoptr(RapportClipping) clipping = rapport_clipping_new (c->title);

  rapport_clipping_set_kind (clipping, c->kind);
  rapport_clipping_set_url (clipping, c->url);
  rapport_clipping_set_date (clipping, c->date);
  rapport_clipping_set_notes (clipping, c->notes);
  if (!rapport_store_add_clipping (w->store, clipping, error))
    return FALSE;

  for (guint i = 0; i < c->n_contacts; i++)
    {
      g_autoptr(RapportContact) contact = rapport_store_get_contact (w->store, c->contacts[i]);

      if (contact && !rapport_store_link_clipping (w->store, clipping, contact, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- raw sqlite3, one transaction ---- */

static sqlite3_stmt *
stmt_for (Writer *w, const char *sql)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (w->statements, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (w->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        g_error ("%s: %s", sql, sqlite3_errmsg (w->db));
      g_hash_table_insert (w->statements, (gpointer)sql, stmt);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

static void
bind_text (sqlite3_stmt *stmt, int i, const char *text)
{
  sqlite3_bind_text (stmt, i, text ? text : "", -1, SQLITE_TRANSIENT);
}

static void
bind_id (sqlite3_stmt *stmt, int i, gint64 value)
{
  if (value > 0)
    sqlite3_bind_int64 (stmt, i, value);
  else
    sqlite3_bind_null (stmt, i);
}

static gboolean
done (Writer *w, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (w->db));
      return FALSE;
    }
  return TRUE;
}

static gboolean
bulk_contact (Writer *w, gint64 id, const ContactRow *c, GError **error)
{
  sqlite3_stmt *s = stmt_for (w,
    "INSERT INTO contacts (id, name, organization, job_title, field, email, phone, profile_url,"
    " source, source_detail, referred_by, stage, notes, created, updated)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)");

  sqlite3_bind_int64 (s, 1, id);
  bind_text (s, 2, c->name);
  bind_text (s, 3, c->organization);
  bind_text (s, 4, c->job_title);
  bind_text (s, 5, c->field);
  bind_text (s, 6, c->email);
  bind_text (s, 7, c->phone);
  bind_text (s, 8, c->profile_url);
  bind_text (s, 9, rapport_enum_to_key (RAPPORT_TYPE_SOURCE, c->source));
  bind_text (s, 10, c->source_detail);
  bind_id (s, 11, c->referred_by);
  bind_text (s, 12, rapport_enum_to_key (RAPPORT_TYPE_STAGE, c->stage));
  bind_text (s, 13, c->notes);
  sqlite3_bind_int64 (s, 14, w->now);
  return done (w, s, error);
}

static gboolean
set_stage (Writer *w, gint64 contact_id, RapportStage stage, GError **error)
{
  sqlite3_stmt *s = stmt_for (w, "UPDATE contacts SET stage = ?, updated = ? WHERE id = ?");

  bind_text (s, 1, rapport_enum_to_key (RAPPORT_TYPE_STAGE, stage));
  sqlite3_bind_int64 (s, 2, w->now);
  sqlite3_bind_int64 (s, 3, contact_id);
  return done (w, s, error);
}

static RapportStage
get_stage (Writer *w, gint64 contact_id)
{
  sqlite3_stmt *s = stmt_for (w, "SELECT stage FROM contacts WHERE id = ?");
  int stage = RAPPORT_STAGE_TO_CONTACT;

  sqlite3_bind_int64 (s, 1, contact_id);
  if (sqlite3_step (s) == SQLITE_ROW)
    rapport_enum_from_key (RAPPORT_TYPE_STAGE, (const char *)sqlite3_column_text (s, 0), &stage);
  sqlite3_reset (s);
  return stage;
}

static gboolean
bulk_appointment (Writer *w, const AppointmentRow *a, GError **error)
{
  const char *status = rapport_enum_to_key (RAPPORT_TYPE_STATUS, a->status);
  sqlite3_stmt *s;
  gint64 appointment_id, interview_id;

  s = stmt_for (w, "INSERT INTO appointments (uid, kind, contact_id, title, start, duration, place, mode,"
                   " status, their_tz, notes, created, updated)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '', ?10, ?11, ?11)");
  bind_text (s, 1, a->uid);
  bind_text (s, 2, rapport_enum_to_key (RAPPORT_TYPE_APPOINTMENT_KIND, a->kind));
  bind_id (s, 3, a->contact_id);
  bind_text (s, 4, a->title);
  bind_id (s, 5, a->start);
  sqlite3_bind_int (s, 6, a->duration);
  bind_text (s, 7, a->place);
  bind_text (s, 8, rapport_enum_to_key (RAPPORT_TYPE_MODE, a->mode));
  bind_text (s, 9, status);
  bind_text (s, 10, a->notes);
  sqlite3_bind_int64 (s, 11, w->now);
  if (!done (w, s, error))
    return FALSE;
  appointment_id = sqlite3_last_insert_rowid (w->db);

  /* what rapport_store_add_appointment () writes besides the row */
  s = stmt_for (w, "INSERT INTO appointment_changes (appointment_id, changed, old_start, new_start,"
                   " old_status, new_status) VALUES (?, ?, NULL, ?, NULL, ?)");
  sqlite3_bind_int64 (s, 1, appointment_id);
  sqlite3_bind_int64 (s, 2, w->now);
  bind_id (s, 3, a->start);
  bind_text (s, 4, status);
  if (!done (w, s, error))
    return FALSE;

  if (a->kind == RAPPORT_APPOINTMENT_INTERVIEW)
    {
      RapportStage stage = get_stage (w, a->contact_id);
      RapportStage next = rapport_stage_after_status (stage, a->status);

      if (next != stage && !set_stage (w, a->contact_id, next, error))
        return FALSE;
    }

  if (!a->has_interview)
    return TRUE;

  s = stmt_for (w, "INSERT INTO interviews (appointment_id, goals, notebook, checklist, got_card, elapsed,"
                   " created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  sqlite3_bind_int64 (s, 1, appointment_id);
  bind_text (s, 2, a->goals);
  bind_text (s, 3, a->notebook);
  sqlite3_bind_int (s, 4, a->checklist);
  sqlite3_bind_int (s, 5, a->got_card);
  sqlite3_bind_int (s, 6, a->elapsed);
  sqlite3_bind_int64 (s, 7, w->now);
  sqlite3_bind_int64 (s, 8, w->now);
  if (!done (w, s, error))
    return FALSE;
  interview_id = sqlite3_last_insert_rowid (w->db);

  for (guint i = 0; i < N_PROMPTS; i++)
    {
      s = stmt_for (w, "INSERT INTO prompts (interview_id, question_id, position, notes, created, updated)"
                       " VALUES (?, ?, ?, ?, ?, ?)");
      sqlite3_bind_int64 (s, 1, interview_id);
      sqlite3_bind_int64 (s, 2, a->prompt_question[i]);
      sqlite3_bind_int (s, 3, 10 * (i + 1));
      bind_text (s, 4, a->prompt_notes[i]);
      sqlite3_bind_int64 (s, 5, w->now);
      sqlite3_bind_int64 (s, 6, w->now);
      if (!done (w, s, error))
        return FALSE;
    }

  for (guint i = 0; i < a->n_actions; i++)
    {
      s = stmt_for (w, "INSERT INTO action_items (interview_id, contact_id, kind, text, due, done,"
                       " created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)");
      sqlite3_bind_int64 (s, 1, interview_id);
      bind_id (s, 2, a->contact_id);
      bind_text (s, 3, rapport_enum_to_key (RAPPORT_TYPE_ACTION_KIND, a->actions[i].kind));
      bind_text (s, 4, a->actions[i].text);
      bind_id (s, 5, a->actions[i].due);
      sqlite3_bind_int (s, 6, a->actions[i].done);
      sqlite3_bind_int64 (s, 7, w->now);
      if (!done (w, s, error))
        return FALSE;
    }

  if (a->thanked > 0)
    {
      s = stmt_for (w, "UPDATE interviews SET thanked = ? WHERE id = ?");
      sqlite3_bind_int64 (s, 1, a->thanked);
      sqlite3_bind_int64 (s, 2, interview_id);
      if (!done (w, s, error))
        return FALSE;
      if (get_stage (w, a->contact_id) < RAPPORT_STAGE_THANKED &&
          !set_stage (w, a->contact_id, RAPPORT_STAGE_THANKED, error))
        return FALSE;
    }

  if (a->evaluated > 0)
    {
      static const char *answer_keys[] = { "yes", "partly", "no", "not-yet" };

      for (guint t = 0; t < RAPPORT_N_TOPICS; t++)
        {
          s = stmt_for (w, "INSERT INTO evaluation_answers (interview_id, topic, answer, text, rating, updated)"
                           " VALUES (?, ?, ?, ?, ?, ?)");
          sqlite3_bind_int64 (s, 1, interview_id);
          bind_text (s, 2, rapport_enum_to_key (RAPPORT_TYPE_TOPIC, t));
          bind_text (s, 3, answer_keys[a->answers[t].answer]);
          bind_text (s, 4, a->answers[t].text);
          bind_id (s, 5, a->answers[t].rating);
          sqlite3_bind_int64 (s, 6, w->now);
          if (!done (w, s, error))
            return FALSE;
        }
      s = stmt_for (w, "UPDATE interviews SET evaluated = ? WHERE id = ?");
      sqlite3_bind_int64 (s, 1, a->evaluated);
      sqlite3_bind_int64 (s, 2, interview_id);
      if (!done (w, s, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
bulk_clipping (Writer *w, const ClippingRow *c, GError **error)
{
  sqlite3_stmt *s = stmt_for (w, "INSERT INTO clippings (title, kind, url, date, notes, created, updated)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)");
  gint64 id;

  bind_text (s, 1, c->title);
  bind_text (s, 2, rapport_enum_to_key (RAPPORT_TYPE_CLIPPING_KIND, c->kind));
  bind_text (s, 3, c->url);
  bind_text (s, 4, c->date);
  bind_text (s, 5, c->notes);
  sqlite3_bind_int64 (s, 6, w->now);
  if (!done (w, s, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (w->db);

  for (guint i = 0; i < c->n_contacts; i++)
    {
      s = stmt_for (w, "INSERT OR IGNORE INTO clipping_contacts (clipping_id, contact_id) VALUES (?, ?)");
      sqlite3_bind_int64 (s, 1, id);
      sqlite3_bind_int64 (s, 2, c->contacts[i]);
      if (!done (w, s, error))
        return FALSE;
    }
  return TRUE;
}

/* The bank's question ids, in order, to pick from. */
static GArray *
question_ids (RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = rapport_store_list_questions (store, FALSE, &error);

  if (ids == NULL || ids->len < N_PROMPTS)
    g_error ("The question bank has fewer than %d questions: %s", N_PROMPTS, error ? error->message : "");
  return ids;
}

static gboolean
generate (Gen *g, Writer *w, GError **error)
{
  guint serial = 0;
  gint64 n_clippings = MAX (1, g->n_contacts * CLIPPING_PM / 1000);

  for (gint64 id = 1; id <= g->n_contacts; id++)
    {
      ContactRow c;
      gboolean ok;

      gen_contact (g, id, &c);
      ok = w->contact (w, id, &c, error);
      contact_row_clear (&c);
      if (!ok)
        return FALSE;
    }

  for (gint64 id = 1; id <= g->n_contacts; id++)
    {
      AppointmentRow a;
      RapportAppointmentKind kind;
      gint64 contact_id = id;
      gboolean ok;

      if (chance (g, INTERVIEW_PM))
        kind = RAPPORT_APPOINTMENT_INTERVIEW;
      else if (chance (g, COUNSELLOR_PM * 1000 / (1000 - INTERVIEW_PM)))
        {
          kind = RAPPORT_APPOINTMENT_COUNSELLOR;
          contact_id = 0;
        }
      else
        continue;

      gen_appointment (g, ++serial, kind, contact_id, &a);
      ok = w->appointment (w, &a, error);
      appointment_row_clear (&a);
      if (!ok)
        return FALSE;
    }

  for (gint64 i = 1; i <= n_clippings && g->n_contacts > 0; i++)
    {
      ClippingRow c;
      gboolean ok;

      gen_clipping (g, i, &c);
      ok = w->clipping (w, &c, error);
      clipping_row_clear (&c);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static void
remove_db (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* Makes the file self-contained (no -wal beside it) so it can be copied. */
static void
checkpoint (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open (path, &db) == SQLITE_OK)
    sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  sqlite3_close (db);
}

static gboolean in_place;

static int
generate_db (const char *path, gint64 n, guint32 seed, const char *writer_name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *work_dir = NULL;
  g_autofree char *work = NULL;
  gboolean bulk;
  Gen g = { 0 };
  Writer w = { 0 };
  gint64 t0 = g_get_monotonic_time ();
  RapportStore *store;

  if (g_strcmp0 (writer_name, "auto") == 0)
    bulk = n > 10000;
  else if (g_strcmp0 (writer_name, "bulk") == 0)
    bulk = TRUE;
  else if (g_strcmp0 (writer_name, "api") == 0)
    bulk = FALSE;
  else
    {
      g_printerr ("Unknown writer “%s” (api, bulk or auto)\n", writer_name);
      return 2;
    }

  /* The store commits each call with synchronous = FULL: build the file in
   * memory-backed /dev/shm when there is one, then move it into place. */
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && !bulk && !in_place)
    {
      work_dir = g_strdup ("/dev/shm/rapport-bench-XXXXXX");
      if (g_mkdtemp (work_dir) == NULL)
        g_clear_pointer (&work_dir, g_free);
    }
  if (work_dir == NULL)
    work_dir = g_path_get_dirname (path);
  work = g_build_filename (work_dir, "generating.db", NULL);
  remove_db (work);

  g.rand = g_rand_new_with_seed (seed);
  g.now = g_get_real_time () / G_USEC_PER_SEC;
  g.n_contacts = n;
  w.now = g.now;

  store = rapport_store_open (work, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  g.question_ids = question_ids (store);

  if (!bulk)
    {
      w.contact = api_contact;
      w.appointment = api_appointment;
      w.clipping = api_clipping;
      w.store = store;
      if (!generate (&g, &w, &error) || !rapport_store_flush (store, &error))
        g_error ("%s", error->message);
      g_object_unref (store);
    }
  else
    {
      /* The schema and question bank exist now; the rows go in through
       * sqlite3 in one transaction. */
      g_object_unref (store);
      if (sqlite3_open (work, &w.db) != SQLITE_OK)
        g_error ("%s", sqlite3_errmsg (w.db));
      w.statements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)sqlite3_finalize);
      w.contact = bulk_contact;
      w.appointment = bulk_appointment;
      w.clipping = bulk_clipping;
      sqlite3_exec (w.db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = OFF; BEGIN", NULL, NULL, NULL);
      if (!generate (&g, &w, &error))
        g_error ("%s", error->message);
      if (sqlite3_exec (w.db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        g_error ("%s", sqlite3_errmsg (w.db));
      g_hash_table_unref (w.statements);
      sqlite3_close (w.db);
    }

  checkpoint (work);
  remove_db (path);
  if (!g_str_equal (work, path))
    {
      g_autoptr(GFile) from = g_file_new_for_path (work);
      g_autoptr(GFile) to = g_file_new_for_path (path);

      if (!g_file_move (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      remove_db (work);
      if (g_str_has_prefix (work_dir, "/dev/shm/"))
        g_rmdir (work_dir);
    }

  g_print ("{\"contacts\": %" G_GINT64_FORMAT ", \"writer\": \"%s\", \"seed\": %u, \"seconds\": %.2f}\n",
           n, bulk ? "bulk" : "api", seed, (g_get_monotonic_time () - t0) / 1e6);

  g_array_unref (g.question_ids);
  g_rand_free (g.rand);
  return 0;
}

/* A LinkedIn "Connections.csv", as its data export writes it. */
static void
append_csv_field (GString *out, const char *value)
{
  if (strpbrk (value, ",\"\n\r"))
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
}

static int
generate_csv (const char *path, gint64 rows, guint32 seed)
{
  static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  Gen g = { 0 };

  g.rand = g_rand_new_with_seed (seed);

  g_string_append (out,
    "Notes:\r\n"
    "\"When exporting your connection data, you may notice that some of the email addresses are missing. "
    "You will only see email addresses for connections who have allowed their connections to see or "
    "download their email address using this setting https://www.linkedin.com/psettings/privacy/email. "
    "You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\r\n"
    "\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n");

  for (gint64 i = 0; i < rows; i++)
    {
      const char *first = PICK (&g, first_names);
      const char *last = PICK (&g, last_names);
      g_autofree char *f = slug (first);
      g_autofree char *l = slug (last);
      g_autofree char *url = g_strdup_printf ("https://www.linkedin.com/in/%s-%s-%" G_GINT64_MODIFIER "x", f, l, i + 1);
      g_autofree char *email = chance (&g, 250) ? g_strdup_printf ("%s.%s@example.org", f, l) : g_strdup ("");
      g_autofree char *date = g_strdup_printf ("%02d %s %d", 1 + pick_index (&g, 28), PICK (&g, months),
                                               2012 + pick_index (&g, 14));

      append_csv_field (out, first); g_string_append_c (out, ',');
      append_csv_field (out, last); g_string_append_c (out, ',');
      append_csv_field (out, url); g_string_append_c (out, ',');
      append_csv_field (out, email); g_string_append_c (out, ',');
      append_csv_field (out, PICK (&g, organizations)); g_string_append_c (out, ',');
      append_csv_field (out, PICK (&g, job_titles)); g_string_append_c (out, ',');
      append_csv_field (out, date);
      g_string_append (out, "\r\n");
    }

  if (!g_file_set_contents (path, out->str, out->len, &error))
    g_error ("%s", error->message);
  g_print ("{\"rows\": %" G_GINT64_FORMAT ", \"bytes\": %" G_GSIZE_FORMAT "}\n", rows, out->len);
  g_rand_free (g.rand);
  return 0;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("db PATH N | csv PATH ROWS");
  g_autofree char *writer = NULL;
  gint64 n;
  int seed = DEFAULT_SEED;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "S" },
    { "writer", 0, 0, G_OPTION_ARG_STRING, &writer, "api, bulk or auto (bulk above 10 000)", "W" },
    { "in-place", 0, 0, G_OPTION_ARG_NONE, &in_place, "Write beside PATH, not in /dev/shm", NULL },
    { NULL }
  };

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 4)
    {
      g_printerr ("%s\n", error ? error->message : g_option_context_get_help (context, TRUE, NULL));
      return 2;
    }

  n = g_ascii_strtoll (argv[3], NULL, 10);
  if (g_str_equal (argv[1], "db"))
    return generate_db (argv[2], n, (guint32)seed, writer ? writer : "auto");
  if (g_str_equal (argv[1], "csv"))
    return generate_csv (argv[2], n, (guint32)seed);

  g_printerr ("Unknown command “%s”\n", argv[1]);
  return 2;
}
