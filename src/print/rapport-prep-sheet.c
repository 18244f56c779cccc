/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-prep-sheet"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rapport-contact-list.h"
#include "rapport-prep-sheet.h"
#include "rapport-view-util.h"

/* Sheets to take along (DESIGN.md, "Prepare"): a prep sheet for the
 * interview, a blank evaluation worksheet, and a summary for a career
 * counsellor.
 *
 * All text is gathered from the store when the sheet is made, as a list of
 * blocks (a heading, a question with room to write, a check box …), so the
 * print callbacks never touch the store. Pagination lays out a few blocks
 * per "paginate" signal, so a long sheet never freezes the window, and cuts
 * pages only between the lines of a block: no line is ever split at a page
 * edge, and a heading always stays with what follows it. */

#define MM             (72.0 / 25.4)
#define MARGIN         (18 * MM)
#define RUNNING_HEAD_H 26.0   /* pages after the first name the sheet at the top */
#define FOOTER_H       28.0
#define RULE_GAP       19.5   /* handwriting needs about 7 mm a line */
#define ANSWER_ROW_H   20.0
#define BOX            9.0
#define BLOCKS_PER_STEP 12

/* Pango falls back per character, so Arabic or Chinese names still find a
 * font; the list only picks a pleasant one for Latin text. */
#define FAMILY "Noto Sans, Noto Sans Arabic, Cantarell, DejaVu Sans, Sans"

#define INK    0x241f31
#define GREY   0x5e5c64
#define ACCENT 0x1a5fb4
#define RULE   0xc0bfbc

typedef enum {
  BLOCK_EYEBROW,
  BLOCK_TITLE,
  BLOCK_SUBTITLE,
  BLOCK_HEAD_RULE,
  BLOCK_SECTION,
  BLOCK_CATEGORY,
  BLOCK_INTRO,
  BLOCK_FIELD,
  BLOCK_PARAGRAPH,
  BLOCK_NOTE,
  BLOCK_QUESTION,
  BLOCK_CUE,
  BLOCK_CHECK,
  BLOCK_BULLET,
  BLOCK_LINES,
  N_BLOCK_KINDS
} BlockKind;

enum {
  KEEP_WITH_NEXT = 1 << 0,
  KEEP_TOGETHER  = 1 << 1,
  /* Text the student wrote takes its own direction: an Arabic note reads
   * from the right even on an English sheet. */
  AUTO_DIR       = 1 << 2,
};

typedef struct
{
  const char *font;
  const char *aside_font;
  guint32     color;
  double      space_before;
  double      indent;        /* where the text starts, after the aside */
  double      pad_below;
  double      line_spacing;  /* a factor; 0 for the font's own */
  guint       flags;
} BlockStyle;

static const BlockStyle styles[N_BLOCK_KINDS] = {
  [BLOCK_EYEBROW]   = { FAMILY " Bold 8.5",    NULL,                  ACCENT,  0,   0,  0, 0,    KEEP_WITH_NEXT },
  [BLOCK_TITLE]     = { FAMILY " Bold 22",     NULL,                  INK,     1,   0,  0, 0,    KEEP_WITH_NEXT },
  [BLOCK_SUBTITLE]  = { FAMILY " 12",          NULL,                  GREY,    1,   0,  0, 1.15, KEEP_WITH_NEXT },
  [BLOCK_HEAD_RULE] = { NULL,                  NULL,                  ACCENT,  9,   0, 10, 0,    KEEP_WITH_NEXT },
  [BLOCK_SECTION]   = { FAMILY " Bold 12.5",   NULL,                  ACCENT, 15,   0,  7, 0,    KEEP_WITH_NEXT | KEEP_TOGETHER },
  [BLOCK_CATEGORY]  = { FAMILY " Bold 10.5",   NULL,                  INK,    10,   0,  0, 0,    KEEP_WITH_NEXT | KEEP_TOGETHER },
  [BLOCK_INTRO]     = { FAMILY " Italic 9.5",  NULL,                  GREY,    0,   0,  0, 1.2,  KEEP_WITH_NEXT },
  [BLOCK_FIELD]     = { FAMILY " 10.5",        FAMILY " Bold 9",      INK,     3, 104,  0, 1.15, KEEP_TOGETHER },
  [BLOCK_PARAGRAPH] = { FAMILY " 10.5",        NULL,                  INK,     5,   0,  0, 1.3,  AUTO_DIR },
  [BLOCK_NOTE]      = { FAMILY " Italic 10.5", NULL,                  GREY,    5,   0,  0, 1.3,  0 },
  [BLOCK_QUESTION]  = { FAMILY " 10.5",        FAMILY " Bold 10.5",   INK,     8,  22,  0, 1.2,  KEEP_TOGETHER | AUTO_DIR },
  [BLOCK_CUE]       = { FAMILY " Bold 9.5",    NULL,                  GREY,    8,   0,  1, 1.2,  KEEP_WITH_NEXT | AUTO_DIR },
  [BLOCK_CHECK]     = { FAMILY " 10.5",        NULL,                  INK,     4,  19,  0, 1.2,  KEEP_TOGETHER | AUTO_DIR },
  [BLOCK_BULLET]    = { FAMILY " 10.5",        FAMILY " Bold 10.5",   INK,     5,  14,  0, 1.2,  KEEP_TOGETHER | AUTO_DIR },
  [BLOCK_LINES]     = { NULL,                  NULL,                  INK,     2,   0,  4, 0,    KEEP_TOGETHER },
};

enum {
  BLOCK_CHECKED   = 1 << 0,  /* a check box already ticked in the app */
  BLOCK_ANSWERS   = 1 << 1,  /* yes / partly / no / not yet */
  BLOCK_RATING    = 1 << 2,  /* 1 to 5 */
  BLOCK_BLANK     = 1 << 3,  /* a field to fill in by hand */
  BLOCK_KEEP_NEXT = 1 << 4,  /* one of a list that stays together */
  BLOCK_OPTIONAL  = 1 << 5,  /* left out rather than start a page */
  BLOCK_FILL      = 1 << 6,  /* lines fill what is left of the page */
};

#define FILL_MIN 3

typedef struct
{
  double top;
  double bottom;
  double baseline;
} LineBox;

typedef enum {
  CHIP_TEXT,
  CHIP_BOX,
  CHIP_CIRCLE,
} ChipMark;

/* One answer to tick on the worksheet */
typedef struct
{
  PangoLayout *layout;
  ChipMark     mark;
  double       x;
  guint        row;
} Chip;

typedef struct
{
  BlockKind    kind;
  guint        flags;
  guint        n_rules;
  char        *text;
  char        *aside;

  /* Laid out for the current print run */
  PangoLayout *layout;
  PangoLayout *aside_layout;
  GArray      *lines;        /* LineBox */
  GArray      *chips;        /* Chip */
  double       head_height;  /* the text or the aside, whichever is taller */
  double       extra;        /* what follows the text: answers, rules */
  double       height;
} Block;

/* A block, or some of its lines, placed on a page */
typedef struct
{
  guint  block;
  guint  page;
  double y;                  /* from the top of the page's body */
  guint  first_line;
  guint  n_lines;
  guint  n_rules;
  guint  is_first : 1;
  guint  is_last : 1;
} Piece;

struct _RapportPrepSheet
{
  GObject           parent_instance;

  RapportStore     *store;
  gint64            appointment_id;
  RapportSheetKind  kind;

  char             *title;
  GPtrArray        *blocks;

  /* One print run */
  GArray           *pieces;
  guint             next_block;
  guint             page;
  double            y;
  gboolean          rtl;
  double            page_w;
  double            page_h;
  double            margin_left;
  double            margin_right;
  double            margin_top;
  double            margin_bottom;
  double            body_w;
  gboolean          skipping;
  int               n_pages;
};

G_DEFINE_FINAL_TYPE (RapportPrepSheet, rapport_prep_sheet, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_APPOINTMENT_ID,
  PROP_KIND,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GEnumValue sheet_kind_values[] = {
  { RAPPORT_SHEET_PREP, "RAPPORT_SHEET_PREP", "prep" },
  { RAPPORT_SHEET_WORKSHEET, "RAPPORT_SHEET_WORKSHEET", "worksheet" },
  { RAPPORT_SHEET_SUMMARY, "RAPPORT_SHEET_SUMMARY", "summary" },
  { 0, NULL, NULL }
};

GType
rapport_sheet_kind_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("RapportSheetKind", sheet_kind_values));
  return type_id;
}

#define LINE(b, i) (g_array_index ((b)->lines, LineBox, (i)))

/* Blocks */

static void
block_clear_layout (Block *b)
{
  if (b->chips != NULL)
    {
      for (guint i = 0; i < b->chips->len; i++)
        g_object_unref (g_array_index (b->chips, Chip, i).layout);
    }
  g_clear_pointer (&b->chips, g_array_unref);
  g_clear_pointer (&b->lines, g_array_unref);
  g_clear_object (&b->layout);
  g_clear_object (&b->aside_layout);
}

static void
block_free (gpointer data)
{
  Block *b = data;

  block_clear_layout (b);
  g_free (b->text);
  g_free (b->aside);
  g_free (b);
}

static Block *
add_block (RapportPrepSheet *self,
           BlockKind         kind,
           const char       *text,
           const char       *aside)
{
  Block *b = g_new0 (Block, 1);

  b->kind = kind;
  b->text = g_strdup (text);
  b->aside = g_strdup (aside);
  g_ptr_array_add (self->blocks, b);
  return b;
}

static void
add_field (RapportPrepSheet *self,
           const char       *label,
           const char       *value)
{
  add_block (self, BLOCK_FIELD, value, label);
}

static void
add_blank_field (RapportPrepSheet *self,
                 const char       *label)
{
  add_block (self, BLOCK_FIELD, NULL, label)->flags |= BLOCK_BLANK;
}

static Block *
add_lines (RapportPrepSheet *self,
           guint             n_rules)
{
  Block *b = add_block (self, BLOCK_LINES, NULL, NULL);

  b->n_rules = n_rules;
  return b;
}

/* A heading and lines to write on to the end of the page */
static void
add_writing_space (RapportPrepSheet *self,
                   const char       *heading,
                   gboolean          optional)
{
  Block *b = add_block (self, BLOCK_SECTION, heading, NULL);

  if (optional)
    b->flags |= BLOCK_OPTIONAL;
  b = add_lines (self, 10);
  b->flags |= BLOCK_FILL | (optional ? BLOCK_OPTIONAL : 0);
}

/* Text the student typed, without the blank lines around it; NULL if none */
static char *
dup_written (const char *text)
{
  g_autofree char *copy = g_strdup (text ? text : "");

  g_strstrip (copy);
  if (*copy == '\0')
    return NULL;
  return g_steal_pointer (&copy);
}

/* Gathering the text */

typedef struct
{
  RapportCategory  category;
  char            *question;
  char            *notes;
} PickedQuestion;

static void
picked_question_clear (gpointer data)
{
  PickedQuestion *p = data;

  g_free (p->question);
  g_free (p->notes);
}

static GArray *
collect_prompts (RapportStore     *store,
                 RapportInterview *interview)
{
  g_autoptr(GArray) picked = g_array_new (FALSE, TRUE, sizeof (PickedQuestion));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  g_array_set_clear_func (picked, picked_question_clear);
  if (interview == NULL)
    return g_steal_pointer (&picked);

  ids = rapport_store_list_prompts (store, rapport_record_get_id (RAPPORT_RECORD (interview)), &error);
  if (ids == NULL)
    {
      g_warning ("Could not list the picked questions: %s", error->message);
      return g_steal_pointer (&picked);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RapportPrompt) prompt = rapport_store_get_prompt (store, g_array_index (ids, gint64, i));
      g_autoptr(RapportQuestion) question = NULL;
      PickedQuestion p;

      if (prompt == NULL)
        continue;
      question = rapport_store_get_question (store, rapport_prompt_get_question_id (prompt));
      if (question == NULL)
        continue;

      p.category = rapport_question_get_category (question);
      p.question = rapport_question_dup_display_text (question);
      p.notes = dup_written (rapport_prompt_get_notes (prompt));
      g_array_append_val (picked, p);
    }

  return g_steal_pointer (&picked);
}

static void
add_person (RapportPrepSheet *self,
            const char       *eyebrow,
            RapportContact   *contact)
{
  const char *name = contact ? rapport_contact_get_name (contact) : NULL;
  const char *role = contact ? rapport_contact_get_job_title (contact) : NULL;
  const char *organization = contact ? rapport_contact_get_organization (contact) : NULL;
  g_autofree char *subtitle = NULL;

  add_block (self, BLOCK_EYEBROW, eyebrow, NULL);
  add_block (self, BLOCK_TITLE, name && *name ? name : _("Someone not in your contacts"), NULL);

  if (role && *role && organization && *organization)
    /* Translators: a person's job title, then their organization */
    subtitle = g_strdup_printf (_("%s at %s"), role, organization);
  else if (role && *role)
    subtitle = g_strdup (role);
  else if (organization && *organization)
    subtitle = g_strdup (organization);
  if (subtitle != NULL)
    add_block (self, BLOCK_SUBTITLE, subtitle, NULL);

  add_block (self, BLOCK_HEAD_RULE, NULL, NULL);
}

static char *
dup_when (RapportAppointment *appointment)
{
  gint64 start = rapport_appointment_get_start (appointment);
  gint64 end = rapport_appointment_get_end (appointment);
  const char *tzid = rapport_appointment_get_their_timezone (appointment);
  int minutes = rapport_appointment_get_duration (appointment);
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  char *when;

  if (start <= 0)
    return g_strdup (_("Not scheduled yet"));

  day = rapport_view_format_day (start);
  from = rapport_view_format_time (start, NULL);
  to = rapport_view_format_time (end, NULL);
  /* Translators: a day, then the start and end times of a meeting */
  when = g_strdup_printf (_("%s, %s–%s"), day, from, to);

  if (minutes > 0)
    {
      g_autofree char *length = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes),
                                                 minutes);
      g_autofree char *plain = when;

      /* Translators: when a meeting is, then how long it lasts, e.g.
       * "Thursday, 3 December 2026, 14:00–14:45 (45 minutes)" */
      when = g_strdup_printf (_("%s (%s)"), plain, length);
    }

  /* A call across time zones: their clock too, to avoid a mix-up. */
  if (tzid != NULL && *tzid)
    {
      g_autoptr(GTimeZone) theirs = g_time_zone_new_identifier (tzid);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (start);
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);
      g_autoptr(GDateTime) there = theirs ? g_date_time_to_timezone (utc, theirs) : NULL;

      if (there != NULL && g_date_time_get_utc_offset (there) != g_date_time_get_utc_offset (local))
        {
          g_autofree char *their_from = rapport_view_format_time (start, theirs);
          g_autofree char *their_to = rapport_view_format_time (end, theirs);
          g_autofree char *plain = when;

          /* Translators: the times of a meeting in the other person's time zone,
           * e.g. "9:00–9:30 their time (America/New_York)" */
          when = g_strdup_printf (_("%s\n%s–%s their time (%s)"), plain, their_from, their_to, tzid);
        }
    }

  return when;
}

static void
add_appointment (RapportPrepSheet   *self,
                 RapportAppointment *appointment)
{
  g_autofree char *when = NULL;
  const char *place;

  if (appointment == NULL)
    return;

  when = dup_when (appointment);
  add_field (self, _("When"), when);

  add_field (self, _("Mode"), rapport_mode_get_label (rapport_appointment_get_mode (appointment)));

  place = rapport_appointment_get_place (appointment);
  if (place != NULL && strstr (place, "://") != NULL)
    add_field (self, _("Link"), place);
  else
    add_field (self, _("Where"), place && *place ? place : _("Not set yet"));
}

static void
add_contact_fields (RapportPrepSheet *self,
                    RapportContact   *contact,
                    gboolean          with_reach)
{
  const char *detail;
  const char *email;
  const char *phone;
  gint64 referrer_id;

  if (contact == NULL)
    return;

  email = rapport_contact_get_email (contact);
  phone = rapport_contact_get_phone (contact);
  if (with_reach && ((email && *email) || (phone && *phone)))
    {
      g_autofree char *reach = NULL;

      if (email && *email && phone && *phone)
        /* Translators: an e-mail address, then a phone number */
        reach = g_strdup_printf (_("%s · %s"), email, phone);
      else
        reach = g_strdup (email && *email ? email : phone);
      add_field (self, _("Contact"), reach);
    }

  detail = rapport_contact_get_source_detail (contact);
  if (detail && *detail)
    {
      /* Translators: where a name was found, then more about it,
       * e.g. "Alumni network — the 2019 class list" */
      g_autofree char *found = g_strdup_printf (_("%s — %s"),
                                                rapport_source_get_label (rapport_contact_get_source (contact)),
                                                detail);
      add_field (self, _("Found through"), found);
    }
  else
    add_field (self, _("Found through"), rapport_source_get_label (rapport_contact_get_source (contact)));

  referrer_id = rapport_contact_get_referred_by (contact);
  if (referrer_id != 0)
    {
      g_autoptr(RapportContact) referrer = rapport_store_get_contact (self->store, referrer_id);

      if (referrer != NULL)
        add_field (self, _("Referred by"), rapport_contact_get_name (referrer));
    }
}

/* Returns: whether the student wrote any goals */
static gboolean
add_goals (RapportPrepSheet *self,
           RapportInterview *interview,
           const char       *heading,
           const char       *missing)
{
  g_autofree char *goals = dup_written (interview ? rapport_interview_get_goals (interview) : NULL);

  add_block (self, BLOCK_SECTION, heading, NULL);
  if (goals != NULL)
    add_block (self, BLOCK_PARAGRAPH, goals, NULL);
  else
    add_block (self, BLOCK_NOTE, missing, NULL);
  return goals != NULL;
}

static void
collect_prep (RapportPrepSheet   *self,
              RapportAppointment *appointment,
              RapportContact     *contact,
              RapportInterview   *interview)
{
  g_autoptr(GArray) picked = collect_prompts (self->store, interview);
  guint checklist = interview ? rapport_interview_get_checklist (interview) : 0;
  guint number = 0;

  add_person (self, _("Informational interview · Prep sheet"), contact);
  add_appointment (self, appointment);
  add_contact_fields (self, contact, TRUE);

  if (!add_goals (self, interview, _("Your goals"),
                  _("No goals written yet. What do you most want to learn from this conversation?")))
    add_lines (self, 3);

  /* The checklist comes before the questions: it is read before leaving,
   * the questions and notes during the conversation. */
  add_block (self, BLOCK_SECTION, _("Before you go"), NULL);
  for (guint i = 0; i < RAPPORT_N_HINTS; i++)
    {
      RapportHint hint = 1u << i;
      g_autofree char *text = NULL;
      Block *b;

      if (hint == RAPPORT_HINT_THANK_YOU && appointment != NULL && rapport_appointment_get_start (appointment) > 0)
        {
          g_autofree char *due = rapport_view_format_when (rapport_appointment_get_end (appointment) + 24 * 60 * 60);

          /* Translators: the thank-you hint, then when the note is due */
          text = g_strdup_printf (_("%s: due by %s"), rapport_hint_get_label (hint), due);
        }
      else
        text = g_strdup (rapport_hint_get_label (hint));

      b = add_block (self, BLOCK_CHECK, text, NULL);
      if (checklist & hint)
        b->flags |= BLOCK_CHECKED;
      if (i + 1 < RAPPORT_N_HINTS)
        b->flags |= BLOCK_KEEP_NEXT;
    }

  add_block (self, BLOCK_SECTION, _("Questions"), NULL);
  if (picked->len == 0)
    {
      add_block (self, BLOCK_NOTE, _("No questions picked yet. Pick some under Prepare in Rapport, or write your own here."), NULL);
      add_lines (self, 5);
    }
  else
    {
      add_block (self, BLOCK_INTRO, _("Cues, not a script: let the conversation flow and note what you hear."), NULL);
      for (guint c = 0; c < RAPPORT_N_CATEGORIES; c++)
        {
          gboolean headed = FALSE;

          for (guint i = 0; i < picked->len; i++)
            {
              PickedQuestion *p = &g_array_index (picked, PickedQuestion, i);
              g_autofree char *n = NULL;

              if (p->category != c)
                continue;
              if (!headed)
                add_block (self, BLOCK_CATEGORY, rapport_category_get_label (c), NULL);
              headed = TRUE;

              n = g_strdup_printf ("%u", ++number);
              add_block (self, BLOCK_QUESTION, p->question, n)->n_rules = 2;
            }
        }
    }

  /* Only if there is room: a page of its own would waste paper. */
  add_writing_space (self, _("Notes"), TRUE);
}

static void
collect_worksheet (RapportPrepSheet   *self,
                   RapportAppointment *appointment,
                   RapportContact     *contact)
{
  add_block (self, BLOCK_EYEBROW, _("After the interview"), NULL);
  add_block (self, BLOCK_TITLE, _("Evaluation worksheet"), NULL);

  if (contact != NULL)
    {
      g_autofree char *day = NULL;
      g_autofree char *subtitle = NULL;

      if (appointment != NULL && rapport_appointment_get_start (appointment) > 0)
        day = rapport_view_format_day (rapport_appointment_get_start (appointment));
      if (day != NULL)
        /* Translators: a person's name, then the day of the interview */
        subtitle = g_strdup_printf (_("%s, %s"), rapport_contact_get_name (contact), day);
      add_block (self, BLOCK_SUBTITLE, subtitle ? subtitle : rapport_contact_get_name (contact), NULL);
      add_block (self, BLOCK_HEAD_RULE, NULL, NULL);
    }
  else
    {
      add_block (self, BLOCK_HEAD_RULE, NULL, NULL);
      add_blank_field (self, _("Person"));
      add_blank_field (self, _("Organization"));
      add_blank_field (self, _("Date"));
    }

  add_block (self, BLOCK_NOTE,
             _("Answer each question while the conversation is fresh. Yes, partly and no all count "
               "as answered: if you can answer most of them, the interview did its job."),
             NULL);

  for (guint t = 0; t < RAPPORT_N_TOPICS; t++)
    {
      g_autofree char *n = g_strdup_printf ("%u", t + 1);
      Block *b = add_block (self, BLOCK_QUESTION, rapport_topic_get_question (t), n);

      b->flags |= BLOCK_ANSWERS;
      if (t == RAPPORT_TOPIC_ENJOY_ROLE || t == RAPPORT_TOPIC_ENJOY_ORGANIZATION)
        b->flags |= BLOCK_RATING;
      b->n_rules = 2;
    }

  add_writing_space (self, _("Notes"), TRUE);
}

static char *
dup_referral (RapportContact *contact)
{
  GString *text = g_string_new (rapport_contact_get_name (contact));
  const char *parts[] = {
    rapport_contact_get_job_title (contact),
    rapport_contact_get_organization (contact),
    rapport_contact_get_email (contact),
    rapport_contact_get_phone (contact),
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] != NULL && *parts[i])
        {
          /* Translators: separates the parts of a referral: name, job, organization, e-mail */
          g_string_append (text, _(" · "));
          g_string_append (text, parts[i]);
        }
    }

  return g_string_free (text, FALSE);
}

static const char *
answer_label (RapportAnswer answer)
{
  switch (answer)
    {
    case RAPPORT_ANSWER_YES:     return _("Yes");
    case RAPPORT_ANSWER_PARTLY:  return _("Partly");
    case RAPPORT_ANSWER_NO:      return _("No");
    case RAPPORT_ANSWER_NOT_YET: return _("Not yet");
    default:                     return _("Not yet");
    }
}

/* The student's own evaluation, as far as it goes; when there is none,
 * the sheet says so plainly rather than leave the counsellor guessing. */
static void
add_evaluation (RapportPrepSheet *self,
                RapportInterview *interview)
{
  gint64 id = interview ? rapport_record_get_id (RAPPORT_RECORD (interview)) : 0;
  gboolean started = FALSE;
  guint answered;
  g_autofree char *count = NULL;

  add_block (self, BLOCK_SECTION, _("Evaluation"), NULL);

  for (guint t = 0; id != 0 && t < RAPPORT_N_TOPICS && !started; t++)
    {
      RapportAnswer answer;

      started = rapport_store_get_answer (self->store, id, t, &answer, NULL, NULL);
    }
  if (!started && (id == 0 || rapport_store_get_evaluated (self->store, id) == 0))
    {
      add_block (self, BLOCK_NOTE, _("Evaluation: not yet done. The eleven evaluation questions have "
                                     "not been answered for this interview."), NULL);
      return;
    }

  answered = rapport_store_count_answered (self->store, id);
  if (rapport_evaluation_is_valuable (answered))
    count = g_strdup_printf (_("You can answer %u of %u questions: the interview gathered valuable information."),
                             answered, (guint)RAPPORT_N_TOPICS);
  else
    count = g_strdup_printf (_("You can answer %u of %u questions so far."), answered, (guint)RAPPORT_N_TOPICS);
  add_block (self, BLOCK_PARAGRAPH, count, NULL);
  if (rapport_store_get_evaluated (self->store, id) == 0)
    add_block (self, BLOCK_NOTE, _("The evaluation is not finished yet."), NULL);

  for (guint t = 0; t < RAPPORT_N_TOPICS; t++)
    {
      g_autofree char *text = NULL;
      g_autofree char *words = NULL;
      g_autoptr(GString) line = NULL;
      RapportAnswer answer;
      int rating = 0;

      rapport_store_get_answer (self->store, id, t, &answer, &words, &rating);
      line = g_string_new (answer_label (answer));
      if (rating > 0)
        {
          /* Translators: an answer, then a rating, e.g. "Yes · 4 of 5" */
          g_autofree char *rated = g_strdup_printf (_("%s · %d of 5"), line->str, rating);

          g_string_assign (line, rated);
        }
      text = dup_written (words);
      if (text != NULL)
        {
          /* Translators: an answer, then the student's own words */
          g_autofree char *said = g_strdup_printf (_("%s: %s"), line->str, text);

          g_string_assign (line, said);
        }

      add_block (self, BLOCK_CUE, rapport_topic_get_question (t), NULL);
      add_block (self, BLOCK_PARAGRAPH, line->str, NULL);
    }
}

static void
collect_summary (RapportPrepSheet   *self,
                 RapportAppointment *appointment,
                 RapportContact     *contact,
                 RapportInterview   *interview)
{
  g_autoptr(GArray) picked = collect_prompts (self->store, interview);
  g_autoptr(GArray) items = NULL;
  g_autofree char *notebook = dup_written (interview ? rapport_interview_get_notebook (interview) : NULL);
  gboolean learned = FALSE;

  add_person (self, _("Informational interview · Summary"), contact);
  add_appointment (self, appointment);
  add_contact_fields (self, contact, FALSE);

  add_goals (self, interview, _("What I wanted to learn"), _("No goals were written down."));

  add_block (self, BLOCK_SECTION, _("What I learned"), NULL);
  for (guint c = 0; c < RAPPORT_N_CATEGORIES; c++)
    {
      gboolean headed = FALSE;

      for (guint i = 0; i < picked->len; i++)
        {
          PickedQuestion *p = &g_array_index (picked, PickedQuestion, i);

          if (p->category != c || p->notes == NULL)
            continue;
          if (!headed)
            add_block (self, BLOCK_CATEGORY, rapport_category_get_label (c), NULL);
          headed = TRUE;
          add_block (self, BLOCK_CUE, p->question, NULL);
          add_block (self, BLOCK_PARAGRAPH, p->notes, NULL);
        }
      learned |= headed;
    }
  if (notebook != NULL)
    {
      add_block (self, BLOCK_CATEGORY, _("Notebook"), NULL);
      add_block (self, BLOCK_PARAGRAPH, notebook, NULL);
      learned = TRUE;
    }
  if (!learned)
    add_block (self, BLOCK_NOTE, _("No notes were taken during the interview."), NULL);

  add_block (self, BLOCK_SECTION, _("Referrals"), NULL);
  if (contact != NULL)
    {
      g_autoptr(RapportContactList) referrals = rapport_contact_list_new (self->store);
      guint n;

      rapport_contact_list_set_referred_by (referrals, rapport_record_get_id (RAPPORT_RECORD (contact)));
      n = g_list_model_get_n_items (G_LIST_MODEL (referrals));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RapportContact) referral = g_list_model_get_item (G_LIST_MODEL (referrals), i);
          g_autofree char *text = dup_referral (referral);

          add_block (self, BLOCK_BULLET, text, "•");
        }
      if (n == 0)
        add_block (self, BLOCK_NOTE, _("No referrals yet."), NULL);
    }
  else
    add_block (self, BLOCK_NOTE, _("No referrals yet."), NULL);

  add_block (self, BLOCK_SECTION, _("Action items"), NULL);
  if (interview != NULL)
    items = rapport_store_list_action_items (self->store, rapport_record_get_id (RAPPORT_RECORD (interview)), NULL);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      g_autoptr(RapportActionItem) item = rapport_store_get_action_item (self->store, g_array_index (items, gint64, i));
      g_autofree char *text = NULL;
      Block *b;

      if (item == NULL)
        continue;
      if (rapport_action_item_get_due (item) > 0)
        {
          g_autofree char *due = rapport_view_format_when (rapport_action_item_get_due (item));

          /* Translators: an action item, then its due date */
          text = g_strdup_printf (_("%s (due %s)"), rapport_action_item_get_text (item), due);
        }
      else
        text = g_strdup (rapport_action_item_get_text (item));

      b = add_block (self, BLOCK_CHECK, text, NULL);
      if (rapport_action_item_get_done (item))
        b->flags |= BLOCK_CHECKED;
    }
  if (items == NULL || items->len == 0)
    add_block (self, BLOCK_NOTE, _("No action items yet."), NULL);

  add_evaluation (self, interview);

  add_writing_space (self, _("Questions for my counsellor"), FALSE);
}

static void
collect (RapportPrepSheet *self)
{
  g_autoptr(RapportAppointment) appointment = NULL;
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(RapportInterview) interview = NULL;
  const char *name = NULL;

  if (self->appointment_id != 0)
    appointment = rapport_store_get_appointment (self->store, self->appointment_id);
  if (appointment != NULL && rapport_appointment_get_contact_id (appointment) != 0)
    contact = rapport_store_get_contact (self->store, rapport_appointment_get_contact_id (appointment));
  if (appointment != NULL && self->kind != RAPPORT_SHEET_WORKSHEET)
    {
      g_autoptr(GError) error = NULL;

      interview = rapport_store_get_interview (self->store, self->appointment_id, &error);
      if (interview == NULL)
        g_warning ("Could not read the interview: %s", error->message);
    }
  if (contact != NULL)
    name = rapport_contact_get_name (contact);

  switch (self->kind)
    {
    case RAPPORT_SHEET_PREP:
      self->title = name ? g_strdup_printf (_("Prep sheet for %s"), name) : g_strdup (_("Prep sheet"));
      collect_prep (self, appointment, contact, interview);
      break;

    case RAPPORT_SHEET_WORKSHEET:
      self->title = name ? g_strdup_printf (_("Evaluation worksheet for %s"), name) : g_strdup (_("Evaluation worksheet"));
      collect_worksheet (self, appointment, contact);
      break;

    case RAPPORT_SHEET_SUMMARY:
      self->title = name ? g_strdup_printf (_("Interview summary for %s"), name) : g_strdup (_("Interview summary"));
      collect_summary (self, appointment, contact, interview);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Layout */

static void
set_color (cairo_t *cr,
           guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static PangoLayout *
create_layout (RapportPrepSheet *self,
               GtkPrintContext  *context,
               const char       *font,
               double            width,
               gboolean          auto_dir,
               double            line_spacing,
               const char       *text)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_context_set_base_dir (pango_layout_get_context (layout),
                              self->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_layout_context_changed (layout);
  /* Text starts where the sheet's language starts a line; with auto_dir,
   * Pango flips that for a paragraph written the other way. */
  pango_layout_set_alignment (layout, self->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_auto_dir (layout, auto_dir);
  pango_layout_set_font_description (layout, desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      /* Long words (links, names without spaces) break anywhere rather than
       * run off the page. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (line_spacing > 0)
    pango_layout_set_line_spacing (layout, line_spacing);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (desc);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.height);
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.width);
}

/* The x of something @offset from the start of the body line, @width wide;
 * the start is the right edge in right-to-left languages. */
static double
x_at (RapportPrepSheet *self,
      double            offset,
      double            width)
{
  if (self->rtl)
    return self->page_w - self->margin_right - offset - width;
  return self->margin_left + offset;
}

static void
layout_chips (RapportPrepSheet *self,
              GtkPrintContext  *context,
              Block            *b)
{
  const char *answers[] = { N_("Yes"), N_("Partly"), N_("No"), N_("Not yet") };
  double width = self->body_w - styles[b->kind].indent;
  double x = 0;
  guint row = 0;

  b->chips = g_array_new (FALSE, TRUE, sizeof (Chip));

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      Chip chip = { create_layout (self, context, FAMILY " 9.5", -1, FALSE, 0, _(answers[i])), CHIP_BOX, 0, 0 };
      double w = BOX + 5 + layout_width (chip.layout);

      if (x > 0 && x + w > width)
        {
          row++;
          x = 0;
        }
      chip.x = x;
      chip.row = row;
      g_array_append_val (b->chips, chip);
      x += w + 16;
    }

  if (b->flags & BLOCK_RATING)
    {
      Chip label = { create_layout (self, context, FAMILY " Bold 9", -1, FALSE, 0,
                                    /* Translators: how much, from 1 to 5, followed by five circles */
                                    _("How much (1–5)")), CHIP_TEXT, 0, 0 };
      double w = layout_width (label.layout) + 6 + 5 * 18;

      x += 8;
      if (x + w > width)
        {
          row++;
          x = 0;
        }
      label.x = x;
      label.row = row;
      g_array_append_val (b->chips, label);
      x += layout_width (label.layout) + 6;

      for (guint i = 1; i <= 5; i++)
        {
          g_autofree char *digit = g_strdup_printf ("%u", i);
          Chip chip = { create_layout (self, context, FAMILY " 8", -1, FALSE, 0, digit), CHIP_CIRCLE, x, row };

          g_array_append_val (b->chips, chip);
          x += 18;
        }
    }

  b->extra += 4 + (row + 1) * ANSWER_ROW_H;
}

static Block *
ensure_block (RapportPrepSheet *self,
              GtkPrintContext  *context,
              guint             i)
{
  Block *b = g_ptr_array_index (self->blocks, i);
  const BlockStyle *style = &styles[b->kind];
  double text_h = 0;
  double aside_h = 0;

  if (b->lines != NULL)
    return b;

  b->lines = g_array_new (FALSE, FALSE, sizeof (LineBox));
  if (b->text != NULL)
    {
      PangoLayoutIter *iter;

      b->layout = create_layout (self, context, style->font, self->body_w - style->indent,
                                 (style->flags & AUTO_DIR) != 0, style->line_spacing, b->text);
      if (b->kind == BLOCK_FIELD)
        {
          /* A hyphen inserted in a broken link or e-mail address would
           * read as part of it. */
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
          pango_layout_set_attributes (b->layout, attrs);
          pango_attr_list_unref (attrs);
        }
      iter = pango_layout_get_iter (b->layout);
      do
        {
          int top, bottom;
          LineBox box;

          pango_layout_iter_get_line_yrange (iter, &top, &bottom);
          box.top = pango_units_to_double (top);
          box.bottom = pango_units_to_double (bottom);
          box.baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
          g_array_append_val (b->lines, box);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);

      text_h = LINE (b, b->lines->len - 1).bottom;
    }

  if (b->aside != NULL)
    {
      b->aside_layout = create_layout (self, context, style->aside_font, style->indent - 6, FALSE, 0, b->aside);
      aside_h = layout_height (b->aside_layout);
    }

  b->head_height = MAX (text_h, aside_h);
  /* Filling lines need only a few to start: they take what is left. */
  b->extra = style->pad_below + ((b->flags & BLOCK_FILL) ? FILL_MIN : b->n_rules) * RULE_GAP;

  switch (b->kind)
    {
    case BLOCK_HEAD_RULE:
      b->extra += 1.5;
      break;

    case BLOCK_FIELD:
      if (b->flags & BLOCK_BLANK)
        b->extra += 10;
      break;

    case BLOCK_QUESTION:
      if (b->flags & BLOCK_ANSWERS)
        layout_chips (self, context, b);
      break;

    case BLOCK_EYEBROW:
    case BLOCK_TITLE:
    case BLOCK_SUBTITLE:
    case BLOCK_SECTION:
    case BLOCK_CATEGORY:
    case BLOCK_INTRO:
    case BLOCK_PARAGRAPH:
    case BLOCK_NOTE:
    case BLOCK_CUE:
    case BLOCK_CHECK:
    case BLOCK_BULLET:
    case BLOCK_LINES:
    case N_BLOCK_KINDS:
    default:
      break;
    }

  b->height = b->head_height + b->extra;
  return b;
}

/* Pagination */

static double
body_top (RapportPrepSheet *self,
          guint             page)
{
  return self->margin_top + (page > 0 ? RUNNING_HEAD_H : 0);
}

static double
body_height (RapportPrepSheet *self,
             guint             page)
{
  return self->page_h - self->margin_bottom - FOOTER_H - body_top (self, page);
}

/* How much of block @i must fit for it to start on this page: all of it
 * if it keeps together, else two lines (no orphans), plus the start of the
 * next block if it keeps with it (a heading never ends a page). */
static double
start_height (RapportPrepSheet *self,
              GtkPrintContext  *context,
              guint             i)
{
  Block *b = ensure_block (self, context, i);
  const BlockStyle *style = &styles[b->kind];
  double h;

  if ((style->flags & KEEP_TOGETHER) || b->lines->len <= 3)
    h = b->height;
  else
    h = LINE (b, 1).bottom;

  if (((style->flags & KEEP_WITH_NEXT) || (b->flags & BLOCK_KEEP_NEXT)) && i + 1 < self->blocks->len)
    {
      Block *next = ensure_block (self, context, i + 1);

      h += styles[next->kind].space_before + start_height (self, context, i + 1);
    }

  return h;
}

static void
new_page (RapportPrepSheet *self)
{
  self->page++;
  self->y = 0;
}

static Piece *
add_piece (RapportPrepSheet *self,
           guint             block,
           guint             first_line,
           guint             n_lines,
           gboolean          is_first)
{
  Piece piece = { block, self->page, self->y, first_line, n_lines, 0, is_first, FALSE };

  g_array_append_val (self->pieces, piece);
  return &g_array_index (self->pieces, Piece, self->pieces->len - 1);
}

static void
place_block (RapportPrepSheet *self,
             GtkPrintContext  *context,
             guint             i)
{
  Block *b = ensure_block (self, context, i);
  const BlockStyle *style = &styles[b->kind];
  double before = self->y > 0 ? style->space_before : 0;
  guint n = b->lines->len;
  gboolean fits_here = self->y == 0 || self->y + before + start_height (self, context, i) <= body_height (self, self->page);
  Piece *piece;

  if (b->flags & BLOCK_OPTIONAL)
    {
      /* Once a heading is left out, so are its lines. */
      self->skipping = self->skipping || !fits_here;
      if (self->skipping)
        return;
    }
  else
    self->skipping = FALSE;

  if (!fits_here)
    {
      new_page (self);
      before = 0;
    }
  self->y += before;

  if (self->y + b->height <= body_height (self, self->page))
    {
      piece = add_piece (self, i, 0, n, TRUE);
      piece->is_last = TRUE;
      piece->n_rules = b->n_rules;
      if (b->flags & BLOCK_FILL)
        {
          double room = body_height (self, self->page) - self->y - b->head_height - style->pad_below;

          piece->n_rules = CLAMP ((guint)(room / RULE_GAP), FILL_MIN, b->n_rules);
          self->y += b->head_height + style->pad_below + piece->n_rules * RULE_GAP;
        }
      else
        self->y += b->height;
      return;
    }

  /* Longer than what is left of the page: break between lines. */
  for (guint line = 0; line < n;)
    {
      double avail = body_height (self, self->page);
      double top = LINE (b, line).top;
      guint end = line;

      while (end < n && self->y + LINE (b, end).bottom - top <= avail)
        end++;

      if (end == line)
        {
          if (self->y > 0)
            {
              new_page (self);
              continue;
            }
          end = line + 1;   /* a single line taller than a page */
        }
      else if (end < n && n - end < 2 && end - line > 2)
        end--;              /* no widow: carry a line over with the last one */

      add_piece (self, i, line, end - line, line == 0);
      self->y += LINE (b, end - 1).bottom - top;
      line = end;
      if (line < n)
        new_page (self);
    }

  /* Then what follows the text: the room to write goes along whole. */
  if (n == 0 || self->y + b->extra > body_height (self, self->page))
    {
      if (self->y > 0)
        new_page (self);
      piece = add_piece (self, i, n, 0, n == 0);
    }
  else
    piece = &g_array_index (self->pieces, Piece, self->pieces->len - 1);

  piece->is_last = TRUE;
  piece->n_rules = b->n_rules;
  self->y += b->extra;
}

/* Drawing */

static void
show_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            guint        first,
            guint        n)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  guint at = 0;

  /* Line by line, so that text never drawn on this page cannot be found
   * on it either (clipping would still leave it in the PDF). */
  do
    {
      if (at >= first + n)
        break;
      if (at >= first)
        {
          PangoRectangle logical;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr,
                         x + pango_units_to_double (logical.x),
                         y + pango_units_to_double (pango_layout_iter_get_baseline (iter)));
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      at++;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
draw_box (cairo_t  *cr,
          double    x,
          double    y,
          gboolean  checked)
{
  double r = 1.5;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x + BOX - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + BOX - r, y + BOX - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + BOX - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  set_color (cr, GREY);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);

  if (checked)
    {
      cairo_move_to (cr, x + 2, y + 4.7);
      cairo_line_to (cr, x + 3.9, y + 6.8);
      cairo_line_to (cr, x + 7.3, y + 2.2);
      set_color (cr, ACCENT);
      cairo_set_line_width (cr, 1.4);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_rule (RapportPrepSheet *self,
           cairo_t          *cr,
           double            offset,
           double            y,
           guint32           color,
           double            width)
{
  double length = self->body_w - offset;
  double x = x_at (self, offset, length);

  cairo_save (cr);
  set_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + length, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_chips (RapportPrepSheet *self,
            cairo_t          *cr,
            Block            *b,
            double            y)
{
  double offset = styles[b->kind].indent;

  for (guint i = 0; i < b->chips->len; i++)
    {
      Chip *chip = &g_array_index (b->chips, Chip, i);
      double row_y = y + 4 + chip->row * ANSWER_ROW_H;
      double baseline = row_y + 12;
      double text_w = layout_width (chip->layout);
      double text_base = pango_units_to_double (pango_layout_get_baseline (chip->layout));

      switch (chip->mark)
        {
        case CHIP_BOX:
          draw_box (cr, x_at (self, offset + chip->x, BOX), baseline - BOX + 0.5, FALSE);
          set_color (cr, GREY);
          cairo_move_to (cr, x_at (self, offset + chip->x + BOX + 5, text_w), baseline - text_base);
          pango_cairo_show_layout (cr, chip->layout);
          break;

        case CHIP_CIRCLE:
          {
            double cx = x_at (self, offset + chip->x, 14) + 7;
            double cy = baseline - 3.5;

            cairo_save (cr);
            set_color (cr, RULE);
            cairo_set_line_width (cr, 0.8);
            cairo_new_path (cr);
            cairo_arc (cr, cx, cy, 7, 0, 2 * G_PI);
            cairo_stroke (cr);
            cairo_restore (cr);
            set_color (cr, GREY);
            cairo_move_to (cr, cx - text_w / 2, cy - layout_height (chip->layout) / 2);
            pango_cairo_show_layout (cr, chip->layout);
          }
          break;

        case CHIP_TEXT:
        default:
          set_color (cr, GREY);
          cairo_move_to (cr, x_at (self, offset + chip->x, text_w), baseline - text_base);
          pango_cairo_show_layout (cr, chip->layout);
          break;
        }
    }
}

static void
draw_piece (RapportPrepSheet *self,
            cairo_t          *cr,
            const Piece      *piece)
{
  Block *b = g_ptr_array_index (self->blocks, piece->block);
  const BlockStyle *style = &styles[b->kind];
  double top = body_top (self, piece->page) + piece->y;
  double first_top = 0;
  double lines_h = 0;
  double first_baseline = 0;
  double extra_y;

  if (piece->n_lines > 0)
    {
      first_top = LINE (b, piece->first_line).top;
      lines_h = LINE (b, piece->first_line + piece->n_lines - 1).bottom - first_top;
      first_baseline = LINE (b, piece->first_line).baseline - first_top;

      set_color (cr, style->color);
      show_lines (cr, b->layout,
                  x_at (self, style->indent, self->body_w - style->indent),
                  top - first_top, piece->first_line, piece->n_lines);
    }

  if (piece->is_first)
    {
      if (b->aside_layout != NULL)
        {
          double aside_base = pango_units_to_double (pango_layout_get_baseline (b->aside_layout));
          double aside_y = piece->n_lines > 0 ? top + first_baseline - aside_base : top;

          set_color (cr, b->kind == BLOCK_FIELD ? GREY : ACCENT);
          cairo_move_to (cr, x_at (self, 0, style->indent - 6), aside_y);
          pango_cairo_show_layout (cr, b->aside_layout);

          if (b->flags & BLOCK_BLANK)
            draw_rule (self, cr, style->indent, aside_y + aside_base + 2, GREY, 0.4);
        }
      if (b->kind == BLOCK_CHECK)
        draw_box (cr, x_at (self, 0, BOX), top + first_baseline - BOX + 0.5, (b->flags & BLOCK_CHECKED) != 0);
    }

  if (!piece->is_last)
    return;

  extra_y = top + (piece->is_first ? b->head_height : lines_h);

  switch (b->kind)
    {
    case BLOCK_HEAD_RULE:
      draw_rule (self, cr, 0, extra_y + 0.75, ACCENT, 1.5);
      break;

    case BLOCK_SECTION:
      draw_rule (self, cr, 0, extra_y + 3, RULE, 0.6);
      break;

    case BLOCK_QUESTION:
      if (b->chips != NULL)
        {
          draw_chips (self, cr, b, extra_y);
          extra_y += 4 + (g_array_index (b->chips, Chip, b->chips->len - 1).row + 1) * ANSWER_ROW_H;
        }
      break;

    case BLOCK_EYEBROW:
    case BLOCK_TITLE:
    case BLOCK_SUBTITLE:
    case BLOCK_CATEGORY:
    case BLOCK_INTRO:
    case BLOCK_FIELD:
    case BLOCK_PARAGRAPH:
    case BLOCK_NOTE:
    case BLOCK_CUE:
    case BLOCK_CHECK:
    case BLOCK_BULLET:
    case BLOCK_LINES:
    case N_BLOCK_KINDS:
    default:
      break;
    }

  for (guint r = 1; r <= piece->n_rules; r++)
    draw_rule (self, cr, style->indent, extra_y + r * RULE_GAP, RULE, 0.5);
}

static void
draw_page_frame (RapportPrepSheet *self,
                 GtkPrintContext  *context,
                 cairo_t          *cr,
                 int               page_nr)
{
  g_autoptr(PangoLayout) brand = NULL;
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *page = NULL;
  double x = x_at (self, 0, self->body_w);
  double footer_y = self->page_h - self->margin_bottom;

  /* Translators: the footer of a printed sheet */
  brand = create_layout (self, context, FAMILY " 8", self->body_w, FALSE, 0, _("Prepared with Rapport"));
  /* Translators: a page number, e.g. "Page 1 of 3" */
  page = g_strdup_printf (_("Page %d of %d"), page_nr + 1, self->n_pages);
  number = create_layout (self, context, FAMILY " 8", self->body_w, FALSE, 0, page);
  pango_layout_set_alignment (number, self->rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);

  draw_rule (self, cr, 0, footer_y - layout_height (brand) - 6, RULE, 0.5);
  set_color (cr, GREY);
  cairo_move_to (cr, x, footer_y - layout_height (brand));
  pango_cairo_show_layout (cr, brand);
  cairo_move_to (cr, x, footer_y - layout_height (number));
  pango_cairo_show_layout (cr, number);

  if (page_nr > 0)
    {
      g_autoptr(PangoLayout) head = create_layout (self, context, FAMILY " 8", self->body_w, FALSE, 0, self->title);

      pango_layout_set_ellipsize (head, PANGO_ELLIPSIZE_END);
      set_color (cr, GREY);
      cairo_move_to (cr, x, self->margin_top);
      pango_cairo_show_layout (cr, head);
      draw_rule (self, cr, 0, self->margin_top + layout_height (head) + 4, RULE, 0.5);
    }
}

/* The print operation */

static void
clear_run (RapportPrepSheet *self)
{
  for (guint i = 0; i < self->blocks->len; i++)
    block_clear_layout (g_ptr_array_index (self->blocks, i));
  g_array_set_size (self->pieces, 0);
  self->next_block = 0;
  self->page = 0;
  self->y = 0;
  self->skipping = FALSE;
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                RapportPrepSheet  *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  cairo_surface_t *surface = cairo_get_target (cr);
  double top = 0, bottom = 0, left = 0, right = 0;

  clear_run (self);

  /* The operation prints on the full page (so the sheet looks the same
   * whatever the printer), but never into what the printer cannot reach. */
  gtk_print_context_get_hard_margins (context, &top, &bottom, &left, &right);
  self->rtl = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL;
  self->page_w = gtk_print_context_get_width (context);
  self->page_h = gtk_print_context_get_height (context);
  self->margin_left = MAX (MARGIN, left + 6);
  self->margin_right = MAX (MARGIN, right + 6);
  self->margin_top = MAX (MARGIN, top + 6);
  self->margin_bottom = MAX (MARGIN, bottom + 6);
  self->body_w = self->page_w - self->margin_left - self->margin_right;

  if (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_PDF)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
    }
}

static gboolean
on_paginate (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             RapportPrepSheet  *self)
{
  for (guint k = 0; k < BLOCKS_PER_STEP && self->next_block < self->blocks->len; k++)
    place_block (self, context, self->next_block++);

  if (self->next_block < self->blocks->len)
    return FALSE;

  self->n_pages = self->page + 1;
  gtk_print_operation_set_n_pages (operation, self->n_pages);
  return TRUE;
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              RapportPrepSheet  *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  draw_page_frame (self, context, cr, page_nr);

  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);

      if (piece->page == (guint)page_nr)
        draw_piece (self, cr, piece);
      else if (piece->page > (guint)page_nr)
        break;
    }
}

static void
on_end_print (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              RapportPrepSheet  *self)
{
  clear_run (self);
}

/* GObject */

static void
rapport_prep_sheet_constructed (GObject *object)
{
  RapportPrepSheet *self = (RapportPrepSheet *)object;

  G_OBJECT_CLASS (rapport_prep_sheet_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));
  collect (self);
}

static void
rapport_prep_sheet_dispose (GObject *object)
{
  RapportPrepSheet *self = (RapportPrepSheet *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_prep_sheet_parent_class)->dispose (object);
}

static void
rapport_prep_sheet_finalize (GObject *object)
{
  RapportPrepSheet *self = (RapportPrepSheet *)object;

  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (rapport_prep_sheet_parent_class)->finalize (object);
}

static void
rapport_prep_sheet_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportPrepSheet *self = RAPPORT_PREP_SHEET (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_APPOINTMENT_ID:
      g_value_set_int64 (value, self->appointment_id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_prep_sheet_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RapportPrepSheet *self = RAPPORT_PREP_SHEET (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_APPOINTMENT_ID:
      self->appointment_id = g_value_get_int64 (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_prep_sheet_class_init (RapportPrepSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rapport_prep_sheet_constructed;
  object_class->dispose = rapport_prep_sheet_dispose;
  object_class->finalize = rapport_prep_sheet_finalize;
  object_class->get_property = rapport_prep_sheet_get_property;
  object_class->set_property = rapport_prep_sheet_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_APPOINTMENT_ID] =
    g_param_spec_int64 ("appointment-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       RAPPORT_TYPE_SHEET_KIND, RAPPORT_SHEET_PREP,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_prep_sheet_init (RapportPrepSheet *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
}

/**
 * rapport_prep_sheet_new:
 * @store: where the text comes from
 * @appointment_id: the interview's appointment; ignored (0 allowed) for a
 *   blank worksheet, which then has lines for the name and date
 * @kind: which sheet
 *
 * Gathers the sheet's text from @store at once: printing later does not
 * read the store again.
 *
 * Returns: (transfer full): a new sheet
 */
RapportPrepSheet *
rapport_prep_sheet_new (RapportStore     *store,
                        gint64            appointment_id,
                        RapportSheetKind  kind)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (appointment_id >= 0, NULL);

  return g_object_new (RAPPORT_TYPE_PREP_SHEET,
                       "store", store,
                       "appointment-id", appointment_id,
                       "kind", kind,
                       NULL);
}

RapportSheetKind
rapport_prep_sheet_get_kind (RapportPrepSheet *self)
{
  g_return_val_if_fail (RAPPORT_IS_PREP_SHEET (self), RAPPORT_SHEET_PREP);

  return self->kind;
}

/**
 * rapport_prep_sheet_get_title:
 *
 * Returns: the sheet's title, e.g. "Prep sheet for Ada Lovelace": the print
 *   job's name, and a good name for an exported file
 */
const char *
rapport_prep_sheet_get_title (RapportPrepSheet *self)
{
  g_return_val_if_fail (RAPPORT_IS_PREP_SHEET (self), NULL);

  return self->title;
}

/**
 * rapport_prep_sheet_create_operation:
 * @setup: (nullable): the paper to print on, as the caller remembers it;
 *   %NULL for A4
 *
 * Makes a print operation ready to run: it paginates step by step and
 * draws the sheet. The operation holds a reference on the sheet, so the
 * caller may drop its own once the operation runs. One operation at a
 * time per sheet.
 *
 * Returns: (transfer full): the operation
 */
GtkPrintOperation *
rapport_prep_sheet_create_operation (RapportPrepSheet *self,
                                     GtkPageSetup     *setup)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) a4 = NULL;

  g_return_val_if_fail (RAPPORT_IS_PREP_SHEET (self), NULL);
  g_return_val_if_fail (setup == NULL || GTK_IS_PAGE_SETUP (setup), NULL);

  if (setup == NULL)
    {
      g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      setup = a4 = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size_and_default_margins (a4, paper);
    }

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, self->title);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_object_set_data_full (G_OBJECT (operation), "rapport-prep-sheet", g_object_ref (self), g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), self);
  g_signal_connect (operation, "paginate", G_CALLBACK (on_paginate), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), self);
  g_signal_connect (operation, "end-print", G_CALLBACK (on_end_print), self);

  return operation;
}

static gboolean
looks_like_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* Small enough to read whole: a sheet is a few dozen kilobytes. */
  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return length > 5 && memcmp (contents, "%PDF-", 5) == 0;
}

/**
 * rapport_prep_sheet_export_pdf:
 * @path: the file to write
 * @setup: (nullable): the paper, %NULL for A4
 *
 * Writes the sheet to a PDF file and returns when it is done. The file
 * appears whole or not at all: an existing file is only replaced once the
 * new one is complete.
 *
 * Returns: %TRUE on success
 */
gboolean
rapport_prep_sheet_export_pdf (RapportPrepSheet  *self,
                               const char        *path,
                               GtkPageSetup      *setup,
                               GError           **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *partial_name = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *display = NULL;
  GtkPrintOperationResult result;
  int fd;

  g_return_val_if_fail (RAPPORT_IS_PREP_SHEET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  display = g_filename_display_name (path);
  partial_name = g_strdup_printf (".%s.XXXXXX", base);
  partial = g_build_filename (dir, partial_name, NULL);

  fd = g_mkstemp_full (partial, O_RDWR, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not save “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);

  operation = rapport_prep_sheet_create_operation (self, setup);
  gtk_print_operation_set_export_filename (operation, partial);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &local_error);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR || !looks_like_pdf (partial))
    {
      g_unlink (partial);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not save “%s”: %s"), display,
                   local_error ? local_error->message : _("the PDF could not be written"));
      return FALSE;
    }

  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not save “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* The preview: GtkPrintOperation's own preview mode runs the same
 * begin-print, paginate and draw-page as printing, into cairo recording
 * surfaces (vector, so they scale to any zoom), one per page. It serves
 * both the app's Preview and the print dialog's Preview button, which
 * would otherwise look for an external viewer a sandbox does not have. */

typedef struct
{
  RapportSheetPagesFunc func;
  gpointer              data;
  GDestroyNotify        destroy;
} Capture;

static void
capture_free (gpointer data)
{
  Capture *capture = data;

  if (capture->destroy != NULL)
    capture->destroy (capture->data);
  g_free (capture);
}

static void
on_preview_ready (GtkPrintOperationPreview *preview,
                  GtkPrintContext          *context,
                  Capture                  *capture)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (preview);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify)cairo_surface_destroy);
  cairo_rectangle_t extents = { 0, 0, gtk_print_context_get_width (context), gtk_print_context_get_height (context) };
  int n_pages = 0;

  g_object_get (operation, "n-pages", &n_pages, NULL);
  for (int i = 0; i < n_pages; i++)
    {
      cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      cairo_t *cr = cairo_create (page);

      gtk_print_context_set_cairo_context (context, cr, 72, 72);
      gtk_print_operation_preview_render_page (preview, i);
      cairo_destroy (cr);
      g_ptr_array_add (pages, page);
    }

  capture->func (pages, extents.width, extents.height, capture->data);
  gtk_print_operation_preview_end_preview (preview);
}

static gboolean
on_preview (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            Capture                  *capture)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  /* Pagination measures text with this context; pages get their own. */
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_signal_connect (preview, "ready", G_CALLBACK (on_preview_ready), capture);
  return TRUE;
}

/**
 * rapport_prep_sheet_capture_preview:
 * @operation: an operation from rapport_prep_sheet_create_operation()
 * @func: called with the pages once they are drawn
 *
 * Makes @operation draw its preview (GTK_PRINT_OPERATION_ACTION_PREVIEW,
 * or the print dialog's Preview button) for @func rather than for an
 * external viewer.
 */
void
rapport_prep_sheet_capture_preview (GtkPrintOperation     *operation,
                                    RapportSheetPagesFunc  func,
                                    gpointer               data,
                                    GDestroyNotify         destroy)
{
  Capture *capture = g_new0 (Capture, 1);

  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));
  g_return_if_fail (func != NULL);

  capture->func = func;
  capture->data = data;
  capture->destroy = destroy;
  g_object_set_data_full (G_OBJECT (operation), "rapport-capture", capture, capture_free);
  g_signal_connect (operation, "preview", G_CALLBACK (on_preview), capture);
}

typedef struct
{
  GPtrArray *pages;
  double     width;
  double     height;
} Rendered;

static void
keep_pages (GPtrArray *pages,
            double     width,
            double     height,
            gpointer   data)
{
  Rendered *rendered = data;

  rendered->pages = g_ptr_array_ref (pages);
  rendered->width = width;
  rendered->height = height;
}

/**
 * rapport_prep_sheet_render_pages:
 * @setup: (nullable): the paper, %NULL for A4
 * @width: (out): the page width in points
 * @height: (out): the page height in points
 *
 * Draws the sheet's pages exactly as they print, for a preview, and
 * returns when they are done.
 *
 * Returns: (transfer container) (element-type cairo_surface_t): one
 *   recording surface per page, or %NULL with @error set
 */
GPtrArray *
rapport_prep_sheet_render_pages (RapportPrepSheet  *self,
                                 GtkPageSetup      *setup,
                                 double            *width,
                                 double            *height,
                                 GError           **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  Rendered rendered = { NULL, 0, 0 };

  g_return_val_if_fail (RAPPORT_IS_PREP_SHEET (self), NULL);

  operation = rapport_prep_sheet_create_operation (self, setup);
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_allow_async (operation, TRUE);
  rapport_prep_sheet_capture_preview (operation, keep_pages, &rendered, NULL);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PREVIEW, NULL, error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    return NULL;

  /* A few dozen blocks a step: a long sheet takes a few main loop turns. */
  while (rendered.pages == NULL &&
         gtk_print_operation_get_status (operation) != GTK_PRINT_STATUS_FINISHED_ABORTED)
    g_main_context_iteration (NULL, TRUE);

  if (rendered.pages == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The sheet could not be drawn."));
      return NULL;
    }

  if (width != NULL)
    *width = rendered.width;
  if (height != NULL)
    *height = rendered.height;
  return rendered.pages;
}

/**
 * rapport_prep_sheet_get_n_pages:
 *
 * Returns: the number of pages of the last print or export, 0 before any
 */
int
rapport_prep_sheet_get_n_pages (RapportPrepSheet *self)
{
  g_return_val_if_fail (RAPPORT_IS_PREP_SHEET (self), 0);

  return self->n_pages;
}
