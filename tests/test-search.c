/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Search as you type in a contact list: it answers from texts it read once,
 * so these tests check it finds what the store's own search finds, and
 * that it follows every change made after it read them. */
#include "config.h"

#include "rapport-contact-list.h"
#include "rapport-store.h"
#include "rapport-text.h"
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

static gint64
id_of (gpointer record)
{
  return rapport_record_get_id (RAPPORT_RECORD (record));
}

static RapportContact *
add (Fixture    *f,
     const char *name)
{
  g_autoptr(GError) error = NULL;
  RapportContact *contact = rapport_contact_new (name);

  g_assert_true (rapport_store_add_contact (f->ts.store, contact, &error));
  g_assert_no_error (error);
  return contact;
}

static void
flush (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_flush (f->ts.store, &error));
  g_assert_no_error (error);
}

/* The list's ids, as "1,4,2" */
static char *
list_ids (RapportContactList *list)
{
  GListModel *model = G_LIST_MODEL (list);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RapportContact) contact = g_list_model_get_item (model, i);

      g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "", id_of (contact));
    }

  return g_string_free (out, FALSE);
}

/* What the store's SQL search finds for @search with @query's filters */
static char *
store_ids (Fixture             *f,
           RapportContactQuery *query,
           const char          *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  GString *out = g_string_new (NULL);

  query->search = search;
  ids = rapport_store_query_contacts (f->ts.store, query, &error);
  query->search = NULL;
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));

  return g_string_free (out, FALSE);
}

/* Types @search into @list and checks it shows what the store finds. */
static guint
type_and_check (Fixture             *f,
                RapportContactList  *list,
                RapportContactQuery *query,
                const char          *search)
{
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;

  rapport_contact_list_set_search (list, search);
  shown = list_ids (list);
  expected = store_ids (f, query, search);
  g_assert_cmpstr (shown, ==, expected);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static gint64
only_match (RapportContactList *list)
{
  g_autoptr(RapportContact) contact = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  contact = g_list_model_get_item (G_LIST_MODEL (list), 0);
  return id_of (contact);
}

static RapportInterview *
add_interview (Fixture        *f,
               RapportContact *contact,
               RapportAppointment **meeting_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportAppointment) meeting = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, id_of (contact));
  RapportInterview *interview;

  rapport_appointment_set_start (meeting, 1796306400);
  g_assert_true (rapport_store_add_appointment (f->ts.store, meeting, &error));
  g_assert_no_error (error);
  interview = rapport_store_get_interview (f->ts.store, id_of (meeting), &error);
  g_assert_no_error (error);
  g_assert_nonnull (interview);
  if (meeting_out)
    *meeting_out = g_steal_pointer (&meeting);
  return interview;
}

static RapportPrompt *
add_prompt (Fixture          *f,
            RapportInterview *interview)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) questions = rapport_store_list_questions (f->ts.store, FALSE, &error);
  g_autoptr(RapportQuestion) question = NULL;
  RapportPrompt *prompt;

  g_assert_no_error (error);
  g_assert_cmpuint (questions->len, >, 0);
  question = rapport_store_get_question (f->ts.store, g_array_index (questions, gint64, 0));
  prompt = rapport_store_add_prompt (f->ts.store, interview, question, &error);
  g_assert_no_error (error);
  return prompt;
}

/* Every kind of text a search looks through finds its contact, and only it. */
static void
test_every_field (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RapportContact) by_name = add (f, "Quillon Abernathy");
  g_autoptr(RapportContact) by_org = add (f, "Org Person");
  g_autoptr(RapportContact) by_field = add (f, "Field Person");
  g_autoptr(RapportContact) by_title = add (f, "Title Person");
  g_autoptr(RapportContact) by_notes = add (f, "Notes Person");
  g_autoptr(RapportContact) by_goals = add (f, "Goals Person");
  g_autoptr(RapportContact) by_notebook = add (f, "Notebook Person");
  g_autoptr(RapportContact) by_prompt = add (f, "Prompt Person");
  g_autoptr(RapportContact) by_clip_title = add (f, "Clip Title Person");
  g_autoptr(RapportContact) by_clip_notes = add (f, "Clip Notes Person");
  g_autoptr(RapportInterview) goals = add_interview (f, by_goals, NULL);
  g_autoptr(RapportInterview) notebook = add_interview (f, by_notebook, NULL);
  g_autoptr(RapportInterview) with_prompt = add_interview (f, by_prompt, NULL);
  g_autoptr(RapportPrompt) prompt = add_prompt (f, with_prompt);
  g_autoptr(RapportClipping) clip_title = rapport_clipping_new ("Zephyrine quarterly");
  g_autoptr(RapportClipping) clip_notes = rapport_clipping_new ("An article");
  g_autoptr(RapportContactList) list = rapport_contact_list_new (f->ts.store);
  RapportContactQuery query = RAPPORT_CONTACT_QUERY_INIT;
  const struct { const char *search; RapportContact *expected; } cases[] = {
    { "quillon", by_name },
    { "marrowind", by_org },
    { "ornithology", by_field },
    { "glassblower", by_title },
    { "trampoline", by_notes },
    { "lighthouse", by_goals },
    { "saxophone", by_notebook },
    { "tangerine", by_prompt },
    { "zephyrine", by_clip_title },
    { "kaleidoscope", by_clip_notes },
  };

  rapport_contact_set_organization (by_org, "Marrowind Labs");
  rapport_contact_set_field (by_field, "Ornithology");
  rapport_contact_set_job_title (by_title, "Glassblower");
  rapport_contact_set_notes (by_notes, "Met at the trampoline park");
  rapport_interview_set_goals (goals, "Ask about the lighthouse project");
  rapport_interview_set_notebook (notebook, "She plays the saxophone");
  rapport_prompt_set_notes (prompt, "Tangerine growers need analysts");
  rapport_clipping_set_notes (clip_notes, "A kaleidoscope of careers");
  g_assert_true (rapport_store_add_clipping (f->ts.store, clip_title, NULL));
  g_assert_true (rapport_store_add_clipping (f->ts.store, clip_notes, NULL));
  g_assert_true (rapport_store_link_clipping (f->ts.store, clip_title, by_clip_title, NULL));
  g_assert_true (rapport_store_link_clipping (f->ts.store, clip_notes, by_clip_notes, NULL));
  flush (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("searching %s", cases[i].search);
      g_assert_cmpuint (type_and_check (f, list, &query, cases[i].search), ==, 1);
      g_assert_cmpint (only_match (list), ==, id_of (cases[i].expected));
    }

  /* words in many fields, and no word at all */
  g_assert_cmpuint (type_and_check (f, list, &query, "person"), ==, 9);
  g_assert_cmpuint (type_and_check (f, list, &query, "   "), ==, 10);
  g_assert_cmpuint (type_and_check (f, list, &query, NULL), ==, 10);
  g_assert_cmpuint (type_and_check (f, list, &query, "nothing like this"), ==, 0);
}

static void
test_case_and_accents (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RapportContact) jose = add (f, "José Álvarez");
  g_autoptr(RapportContact) strasse = add (f, "Lena Groß");
  g_autoptr(RapportContact) zoe = add (f, "ZOE SMITH");
  g_autoptr(RapportContactList) list = rapport_contact_list_new (f->ts.store);
  RapportContactQuery query = RAPPORT_CONTACT_QUERY_INIT;

  rapport_contact_set_notes (zoe, "Works at Ångström Café");
  flush (f);

  g_assert_cmpuint (type_and_check (f, list, &query, "jose"), ==, 1);
  g_assert_cmpint (only_match (list), ==, id_of (jose));
  g_assert_cmpuint (type_and_check (f, list, &query, "JOSÉ ÁLV"), ==, 1);
  g_assert_cmpuint (type_and_check (f, list, &query, "  alvarez  "), ==, 1);
  g_assert_cmpuint (type_and_check (f, list, &query, "gross"), ==, 1);
  g_assert_cmpint (only_match (list), ==, id_of (strasse));
  g_assert_cmpuint (type_and_check (f, list, &query, "Zoë"), ==, 1);
  g_assert_cmpint (only_match (list), ==, id_of (zoe));
  g_assert_cmpuint (type_and_check (f, list, &query, "angstrom cafe"), ==, 1);
  g_assert_cmpuint (type_and_check (f, list, &query, "%"), ==, 0);
}

/* A needle never spans two texts, of one contact or of two. */
static void
test_not_across_fields (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RapportContact) ann = add (f, "Ann");
  g_autoptr(RapportContact) next = add (f, "Beth");
  g_autoptr(RapportInterview) interview = add_interview (f, ann, NULL);
  g_autoptr(RapportContactList) list = rapport_contact_list_new (f->ts.store);
  RapportContactQuery query = RAPPORT_CONTACT_QUERY_INIT;

  rapport_contact_set_organization (ann, "Leeds");
  rapport_contact_set_notes (ann, "tail");
  rapport_interview_set_goals (interview, "head");
  flush (f);

  g_assert_cmpuint (type_and_check (f, list, &query, "annleeds"), ==, 0);
  g_assert_cmpuint (type_and_check (f, list, &query, "nnl"), ==, 0);
  g_assert_cmpuint (type_and_check (f, list, &query, "ann leeds"), ==, 0);
  g_assert_cmpuint (type_and_check (f, list, &query, "tailhead"), ==, 0);
  g_assert_cmpuint (type_and_check (f, list, &query, "headbeth"), ==, 0);
  g_assert_cmpuint (type_and_check (f, list, &query, "leeds"), ==, 1);
  /* a control character typed into the box is looked up by the store */
  g_assert_cmpuint (type_and_check (f, list, &query, "ann\1leeds"), ==, 0);
  g_assert_cmpuint (type_and_check (f, list, &query, "ann\1"), ==, 0);
}

/* The list read the texts at the first key; what changes after that shows
 * at the next key, or at once for the contacts themselves. */
static void
test_follows_changes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RapportContact) ada = add (f, "Ada Lovelace");
  g_autoptr(RapportContact) grace = add (f, "Grace Hopper");
  g_autoptr(RapportAppointment) meeting = NULL;
  g_autoptr(RapportInterview) interview = add_interview (f, grace, &meeting);
  g_autoptr(RapportClipping) clip = rapport_clipping_new ("Compilers weekly");
  g_autoptr(RapportContactList) list = rapport_contact_list_new (f->ts.store);
  g_autoptr(RapportContact) added = NULL;
  RapportContactQuery query = RAPPORT_CONTACT_QUERY_INIT;

  g_assert_true (rapport_store_add_clipping (f->ts.store, clip, NULL));
  g_assert_true (rapport_store_link_clipping (f->ts.store, clip, ada, NULL));
  g_assert_cmpuint (type_and_check (f, list, &query, "lovelace"), ==, 1);

  /* a contact renamed while the search is on leaves it at once */
  rapport_contact_set_name (ada, "Ada King");
  flush (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (type_and_check (f, list, &query, "king"), ==, 1);

  /* added and deleted contacts */
  added = add (f, "Augusta King");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (type_and_check (f, list, &query, "kin"), ==, 2);
  g_assert_true (rapport_store_delete_contact (f->ts.store, added, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (type_and_check (f, list, &query, "king"), ==, 1);

  /* interview notes written after the first key */
  g_assert_cmpuint (type_and_check (f, list, &query, "cobol"), ==, 0);
  rapport_interview_set_notebook (interview, "Talked about COBOL");
  flush (f);
  g_assert_cmpuint (type_and_check (f, list, &query, "cobo"), ==, 1);
  g_assert_cmpint (only_match (list), ==, id_of (grace));
  g_assert_cmpuint (type_and_check (f, list, &query, "cobol"), ==, 1);

  /* ... and gone with their appointment */
  g_assert_true (rapport_store_delete_appointment (f->ts.store, meeting, NULL));
  g_assert_cmpuint (type_and_check (f, list, &query, "cobo"), ==, 0);

  /* clippings: renamed, unlinked */
  g_assert_cmpuint (type_and_check (f, list, &query, "compilers"), ==, 1);
  g_assert_cmpint (only_match (list), ==, id_of (ada));
  rapport_clipping_set_title (clip, "Engines monthly");
  flush (f);
  g_assert_cmpuint (type_and_check (f, list, &query, "compiler"), ==, 0);
  g_assert_cmpuint (type_and_check (f, list, &query, "engines"), ==, 1);
  g_assert_true (rapport_store_unlink_clipping (f->ts.store, clip, ada, NULL));
  g_assert_cmpuint (type_and_check (f, list, &query, "engine"), ==, 0);

  /* emptying the box brings everyone back */
  g_assert_cmpuint (type_and_check (f, list, &query, ""), ==, 2);
}

static gboolean
preparing (RapportContactList *list)
{
  gboolean busy = FALSE;

  rapport_contact_list_get_search_prepared (list, &busy);
  return busy;
}

static void
wait_prepared (RapportContactList *list)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (preparing (list))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* The search box's focus reads the texts in a thread: the first key finds
 * them in memory and answers as the store does; what changed while they
 * were read is not missed. */
static void
test_read_ahead (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RapportContact) ada = add (f, "Ada Lovelace");
  g_autoptr(RapportContact) grace = add (f, "Grace Hopper");
  g_autoptr(RapportAppointment) meeting = NULL;
  g_autoptr(RapportInterview) interview = add_interview (f, grace, &meeting);
  g_autoptr(RapportContactList) list = rapport_contact_list_new (f->ts.store);
  g_autoptr(RapportContact) added = NULL;
  RapportContactQuery query = RAPPORT_CONTACT_QUERY_INIT;

  rapport_interview_set_notebook (interview, "Talked about COBOL");
  flush (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  g_assert_false (rapport_contact_list_get_search_prepared (list, NULL));
  rapport_contact_list_prepare_search (list);
  g_assert_true (preparing (list));
  rapport_contact_list_prepare_search (list);   /* once is enough */
  wait_prepared (list);
  g_assert_true (rapport_contact_list_get_search_prepared (list, NULL));
  g_assert_cmpuint (type_and_check (f, list, &query, "cobol"), ==, 1);
  g_assert_cmpint (only_match (list), ==, id_of (grace));
  g_assert_cmpuint (type_and_check (f, list, &query, ""), ==, 2);

  /* A contact added while the texts are being read: the texts read are
   * not taken, and the next key reads them again, with the newcomer. */
  g_assert_true (rapport_contact_list_get_search_prepared (list, NULL));
  rapport_contact_set_name (ada, "Ada King");
  flush (f);
  g_assert_false (rapport_contact_list_get_search_prepared (list, NULL));
  rapport_contact_list_prepare_search (list);
  added = add (f, "Augusta King");
  wait_prepared (list);
  g_assert_false (rapport_contact_list_get_search_prepared (list, NULL));
  g_assert_cmpuint (type_and_check (f, list, &query, "king"), ==, 2);

  /* A list let go while reading goes once the reading is over. */
  {
    RapportContactList *gone = rapport_contact_list_new (f->ts.store);
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    rapport_contact_list_prepare_search (gone);
    g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *)&gone);
    g_object_unref (gone);
    while (gone != NULL)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, TRUE);
      }
  }
}

/* Typing more only narrows; any other edit searches everyone again. */
static void
test_narrowing (Fixture       *f,
                gconstpointer  data)
{
  const char *names[] = { "Maria Garcia", "Mario Rossi", "Marta Kowalska", "Omar Haddad",
                          "Tamara Mariani", "Ramon Diaz", "Amara Okafor" };
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RapportContactList) list = rapport_contact_list_new (f->ts.store);
  RapportContactQuery query = RAPPORT_CONTACT_QUERY_INIT;
  const char *typed[] = { "m", "ma", "mar", "mari", "maria", "mari", "ari", "mari", "aria",
                          "maria g", "r", "ar", "mar", "amar", "ara", "", "o", "ma" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (contacts, add (f, names[i]));

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_test_message ("typing %s", typed[i]);
      type_and_check (f, list, &query, typed[i]);
    }
}

/* A search keeps the list's filters and order, also when they change while
 * it is on. */
static void
test_filters_and_sort (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RapportContact) a = add (f, "Sam Baker");
  g_autoptr(RapportContact) b = add (f, "sam Adams");
  g_autoptr(RapportContact) c = add (f, "Sam Carter");
  g_autoptr(RapportContact) d = add (f, "Pat Sample");
  g_autoptr(RapportContactList) list = rapport_contact_list_new (f->ts.store);
  RapportContactQuery query = RAPPORT_CONTACT_QUERY_INIT;

  rapport_contact_set_organization (a, "Zeta");
  rapport_contact_set_organization (c, "Acme");
  rapport_contact_set_organization (d, "Mid");
  rapport_contact_set_stage (a, RAPPORT_STAGE_MET);
  rapport_contact_set_stage (d, RAPPORT_STAGE_MET);
  rapport_contact_set_source (c, RAPPORT_SOURCE_LINKEDIN);
  flush (f);

  g_assert_cmpuint (type_and_check (f, list, &query, "sam"), ==, 4);

  query.sort = RAPPORT_CONTACT_SORT_ORGANIZATION;
  rapport_contact_list_set_sort (list, query.sort);
  g_assert_cmpuint (type_and_check (f, list, &query, "sam"), ==, 4);
  g_assert_cmpuint (type_and_check (f, list, &query, "sam "), ==, 4);

  query.stage = RAPPORT_STAGE_MET;
  rapport_contact_list_set_stage (list, query.stage);
  g_assert_cmpuint (type_and_check (f, list, &query, "sam b"), ==, 1);
  g_assert_cmpuint (type_and_check (f, list, &query, "sam"), ==, 2);

  query.stage = -1;
  rapport_contact_list_set_stage (list, query.stage);
  query.source = RAPPORT_SOURCE_LINKEDIN;
  rapport_contact_list_set_source (list, query.source);
  g_assert_cmpuint (type_and_check (f, list, &query, "sa"), ==, 1);
  g_assert_cmpint (only_match (list), ==, id_of (c));

  query.source = -1;
  rapport_contact_list_set_source (list, query.source);
  query.sort = RAPPORT_CONTACT_SORT_STAGE;
  rapport_contact_list_set_sort (list, query.sort);
  query.exclude_id = id_of (b);
  rapport_contact_list_set_exclude (list, query.exclude_id);
  g_assert_cmpuint (type_and_check (f, list, &query, "sam"), ==, 3);

  /* an edit that moves a row in the order, while searching */
  rapport_contact_set_stage (c, RAPPORT_STAGE_DECLINED);
  flush (f);
  g_assert_cmpuint (type_and_check (f, list, &query, "samp"), ==, 1);
  g_assert_cmpuint (type_and_check (f, list, &query, "sam"), ==, 3);
}

/* The place and the words around the first match, as "Place: sn[ipp]et",
 * or NULL when the contact does not match */
static char *
match_of (Fixture        *f,
          RapportContact *contact,
          const char     *search)
{
  g_autofree char *needle = rapport_text_fold (search);
  g_autoptr(RapportSearchMatch) match = rapport_store_find_search_match (f->ts.store, id_of (contact), needle);

  if (match == NULL)
    return NULL;
  if (match->snippet == NULL)
    return g_strdup_printf ("%d %s", match->place, match->label);

  g_assert_true (g_utf8_validate (match->snippet, -1, NULL));
  g_assert_cmpuint (match->match_end, <=, strlen (match->snippet));
  return g_strdup_printf ("%d %s: %.*s[%.*s]%s", match->place, match->label,
                          (int)match->match_start, match->snippet,
                          (int)(match->match_end - match->match_start),
                          match->snippet + match->match_start,
                          match->snippet + match->match_end);
}

#define assert_match(f, contact, search, expected) \
  G_STMT_START { \
    g_autofree char *_got = match_of (f, contact, search); \
    g_assert_cmpstr (_got, ==, expected); \
  } G_STMT_END

/* Each text a search looks through says it was there, with the words
 * around the match as they were written; what is deleted is not there. */
static void
test_match_places (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RapportContact) ada = add (f, "Ada Lovelace");
  g_autoptr(RapportContact) nobody = add (f, "Nobody Else");
  g_autoptr(RapportAppointment) meeting = NULL;
  g_autoptr(RapportInterview) interview = add_interview (f, ada, &meeting);
  g_autoptr(RapportPrompt) prompt = add_prompt (f, interview);
  g_autoptr(RapportClipping) clip = rapport_clipping_new ("Zephyrine quarterly");
  g_autoptr(RapportContactList) list = rapport_contact_list_new (f->ts.store);
  RapportContactQuery query = RAPPORT_CONTACT_QUERY_INIT;
  g_autofree char *place = NULL;

  rapport_contact_set_organization (ada, "Marrowind Labs");
  rapport_contact_set_field (ada, "Ornithology");
  rapport_contact_set_job_title (ada, "Glassblower");
  rapport_contact_set_notes (ada, "Elle a étudié à l'école normale 🎓 avant tout");
  rapport_interview_set_goals (interview, "Ask about the lighthouse project");
  rapport_interview_set_notebook (interview,
                                  "We talked for an hour about her early years at the lab, "
                                  "the move to industry, and then at length about the "
                                  "ferroelectric memory work that she now leads with a "
                                  "team of twelve.");
  rapport_prompt_set_notes (prompt, "Tangerine growers need analysts");
  rapport_clipping_set_notes (clip, "A kaleidoscope of careers");
  g_assert_true (rapport_store_add_clipping (f->ts.store, clip, NULL));
  g_assert_true (rapport_store_link_clipping (f->ts.store, clip, ada, NULL));
  flush (f);

  assert_match (f, ada, "LOVE", "0 Name");
  assert_match (f, ada, "marrow", "1 Organization: [Marrow]ind Labs");
  assert_match (f, ada, "ornith", "2 Field of interest: [Ornith]ology");
  assert_match (f, ada, "blower", "3 Job title: Glass[blower]");
  /* case and accents as the search ignores them, the word as written */
  assert_match (f, ada, "ECOLE", "4 Notes: Elle a étudié à l'[école] normale 🎓 avant tout");
  assert_match (f, ada, "lighthouse", "5 Interview goals: Ask about the [lighthouse] project");
  assert_match (f, ada, "FERROELEC",
                "6 Interview notes: …length about the [ferroelec]tric memory work that she now…");
  assert_match (f, ada, "growers", "7 Notes on a question: Tangerine [growers] need analysts");
  assert_match (f, ada, "zephyr", "8 Clipping: [Zephyr]ine quarterly");
  assert_match (f, ada, "kaleido",
                "9 Clipping “Zephyrine quarterly”: A [kaleido]scope of careers");
  /* the first place in the search's order wins */
  assert_match (f, ada, "a", "0 Name");
  assert_match (f, ada, "the", "5 Interview goals: Ask about [the] lighthouse project");
  assert_match (f, ada, "no such words", NULL);
  assert_match (f, nobody, "ferroelec", NULL);

  /* every contact the search finds has a place to show */
  g_assert_cmpuint (type_and_check (f, list, &query, "FERROELEC"), ==, 1);
  g_assert_cmpint (only_match (list), ==, id_of (ada));

  /* a deleted clipping, a deleted interview: no longer where it was found */
  g_assert_true (rapport_store_delete_clipping (f->ts.store, clip, NULL));
  assert_match (f, ada, "kaleido", NULL);
  assert_match (f, ada, "zephyr", NULL);
  g_assert_true (rapport_store_delete_appointment (f->ts.store, meeting, NULL));
  assert_match (f, ada, "ferroelec", NULL);
  assert_match (f, ada, "growers", NULL);
  assert_match (f, ada, "lighthouse", NULL);
  place = match_of (f, ada, "the");
  g_assert_null (place);
  g_assert_cmpuint (type_and_check (f, list, &query, "FERROELEC"), ==, 0);

  /* and a deleted contact has none */
  g_assert_true (rapport_store_delete_contact (f->ts.store, ada, NULL));
  assert_match (f, ada, "love", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/search/every-field", test_every_field);
  ADD ("/search/case-and-accents", test_case_and_accents);
  ADD ("/search/not-across-fields", test_not_across_fields);
  ADD ("/search/follows-changes", test_follows_changes);
  ADD ("/search/narrowing", test_narrowing);
  ADD ("/search/read-ahead", test_read_ahead);
  ADD ("/search/filters-and-sort", test_filters_and_sort);
  ADD ("/search/match-places", test_match_places);
#undef ADD

  return g_test_run ();
}
