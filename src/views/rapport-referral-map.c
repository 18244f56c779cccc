/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-referral-map"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contact.h"
#include "rapport-referral-map.h"

/* Who led to whom: every chain of referrals as a tree, from the first
 * names, who were referred by nobody, to the latest referrals, each
 * indented under the person who gave their name and joined to them by a
 * line. Each person is a real button, so that it can be focused, is named
 * on the accessibility bus, and opens the contact (win.show-contact).
 *
 * Only people in a chain are shown, and at most MAX_PEOPLE of them: a few
 * hundred buttons lay out in no time, tens of thousands would not. Past
 * MAX_INDENT_DEPTH the indentation stops growing, so a long chain stays
 * readable instead of running off the side. */

#define MAX_PEOPLE       1000
#define MAX_INDENT_DEPTH 10
#define INDENT           28
#define CONNECTOR_X      14
#define ROW_SPACING      2
#define NOTE_SPACING     12

typedef struct
{
  GtkWidget    *button;
  char         *name;
  gint64        id;
  int           parent;       /* row of the referrer, -1 for the first of a chain */
  int           first_child;  /* rows of whom they referred, -1 if nobody */
  int           last_child;
  guint         depth;
  GtkAllocation allocation;
} Person;

typedef enum {
  MOVE_PREVIOUS,
  MOVE_NEXT,
  MOVE_REFERRER,
  MOVE_REFERRED,
  MOVE_FIRST,
  MOVE_LAST,
} Move;

struct _RapportReferralMap
{
  GtkWidget     parent_instance;

  RapportStore *store;
  GArray       *people;      /* Person, in the order shown */
  GtkWidget    *note;
  guint         n_hidden;
};

G_DEFINE_FINAL_TYPE (RapportReferralMap, rapport_referral_map, GTK_TYPE_WIDGET)

static GQuark row_quark;

static void
person_clear (gpointer data)
{
  Person *person = data;

  g_clear_pointer (&person->button, gtk_widget_unparent);
  g_clear_pointer (&person->name, g_free);
}

static int
indent (guint depth)
{
  return MIN (depth, MAX_INDENT_DEPTH) * INDENT;
}

static void
rapport_referral_map_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  RapportReferralMap *self = RAPPORT_REFERRAL_MAP (widget);
  int min = 0, nat = 0;

  for (guint i = 0; i < self->people->len; i++)
    {
      Person *person = &g_array_index (self->people, Person, i);
      int child_min, child_nat;

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          gtk_widget_measure (person->button, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, indent (person->depth) + child_min);
          nat = MAX (nat, indent (person->depth) + child_nat);
        }
      else
        {
          gtk_widget_measure (person->button, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min += child_nat + (i ? ROW_SPACING : 0);
          nat += child_nat + (i ? ROW_SPACING : 0);
        }
    }

  if (self->note != NULL)
    {
      int note_min, note_nat;

      gtk_widget_measure (self->note, orientation, for_size, &note_min, &note_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          min = MAX (min, note_min);
          nat = MAX (nat, note_nat);
        }
      else
        {
          min += NOTE_SPACING + note_min;
          nat += NOTE_SPACING + note_nat;
        }
    }

  *minimum = min;
  *natural = nat;
}

static void
rapport_referral_map_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  RapportReferralMap *self = RAPPORT_REFERRAL_MAP (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int y = 0;

  for (guint i = 0; i < self->people->len; i++)
    {
      Person *person = &g_array_index (self->people, Person, i);
      int x = indent (person->depth);
      int min, nat, h;
      int w;

      gtk_widget_measure (person->button, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      w = MAX (min, MIN (nat, width - x));
      gtk_widget_measure (person->button, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);

      person->allocation = (GtkAllocation) { rtl ? width - x - w : x, y, w, h };
      gtk_widget_size_allocate (person->button, &person->allocation, -1);
      y += h + ROW_SPACING;
    }

  if (self->note != NULL)
    {
      int h;

      if (self->people->len)
        y += NOTE_SPACING - ROW_SPACING;
      gtk_widget_measure (self->note, GTK_ORIENTATION_VERTICAL, width, NULL, &h, NULL, NULL);
      gtk_widget_size_allocate (self->note, &(GtkAllocation) { 0, y, width, h }, -1);
    }
}

static void
rapport_referral_map_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  RapportReferralMap *self = RAPPORT_REFERRAL_MAP (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GdkRGBA line;

  /* gtk_widget_get_color() is GTK 4.10; the style context is what 4.8 has. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &line);
  G_GNUC_END_IGNORE_DEPRECATIONS
  line.alpha *= 0.3;

  /* A line down from each referrer to the middle of the last person they
   * referred, and across to each of them. */
  for (guint i = 0; i < self->people->len; i++)
    {
      Person *person = &g_array_index (self->people, Person, i);
      const GtkAllocation *a = &person->allocation;
      float x = rtl ? a->x + a->width - CONNECTOR_X - 1 : a->x + CONNECTOR_X;

      if (person->first_child >= 0)
        {
          Person *first = &g_array_index (self->people, Person, person->first_child);
          Person *last = &g_array_index (self->people, Person, person->last_child);
          float bottom = last->allocation.y + last->allocation.height / 2.0f;

          if (first->depth > MAX_INDENT_DEPTH)
            continue;

          gtk_snapshot_append_color (snapshot, &line,
                                     &GRAPHENE_RECT_INIT (x, a->y + a->height - 2, 1, bottom - (a->y + a->height - 2)));
        }

      if (person->parent >= 0 && person->depth <= MAX_INDENT_DEPTH)
        {
          Person *parent = &g_array_index (self->people, Person, person->parent);
          const GtkAllocation *p = &parent->allocation;
          float px = rtl ? p->x + p->width - CONNECTOR_X - 1 : p->x + CONNECTOR_X;
          float cy = a->y + a->height / 2.0f;

          if (rtl)
            gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (a->x + a->width, cy, px + 1 - (a->x + a->width), 1));
          else
            gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (px, cy, a->x - px, 1));
        }
    }

  GTK_WIDGET_CLASS (rapport_referral_map_parent_class)->snapshot (widget, snapshot);
}

static int
focused_row (RapportReferralMap *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));

  return focus ? GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (focus), row_quark)) - 1 : -1;
}

static gboolean
move_focus (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  RapportReferralMap *self = RAPPORT_REFERRAL_MAP (widget);
  int row = focused_row (self);
  int target = -1;
  Person *person;

  if (self->people->len == 0)
    return FALSE;

  switch ((Move)g_variant_get_int32 (args))
    {
    case MOVE_FIRST:
      target = 0;
      break;
    case MOVE_LAST:
      target = self->people->len - 1;
      break;
    case MOVE_PREVIOUS:
      target = row - 1;
      break;
    case MOVE_NEXT:
      target = row >= 0 && row + 1 < (int)self->people->len ? row + 1 : -1;
      break;
    case MOVE_REFERRER:
    case MOVE_REFERRED:
      if (row < 0)
        return FALSE;
      person = &g_array_index (self->people, Person, row);
      target = g_variant_get_int32 (args) == MOVE_REFERRER ? person->parent : person->first_child;
      /* Nowhere to go along the chain: stay, rather than leave the map. */
      if (target < 0)
        return TRUE;
      break;
    default:
      g_assert_not_reached ();
    }

  /* Past either end, the window moves focus on as for any other widget. */
  if (row < 0 || target < 0)
    return FALSE;

  return gtk_widget_grab_focus (g_array_index (self->people, Person, target).button);
}

static void
update_accessible (RapportReferralMap *self)
{
  guint n = self->people->len + self->n_hidden;
  g_autofree char *description = NULL;

  description = n == 0
    ? g_strdup (_("No referrals yet"))
    /* Translators: read out by a screen reader for the referral map */
    : g_strdup_printf (ngettext ("%u person in referral chains", "%u people in referral chains", n), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static char *
describe (const char *referrer,
          guint       n_referred)
{
  if (referrer == NULL)
    /* Translators: a person at the start of a referral chain */
    return g_strdup_printf (ngettext ("Referred %u person", "Referred %u people", n_referred), n_referred);
  if (n_referred == 0)
    /* Translators: %s is the name of whoever suggested this person */
    return g_strdup_printf (_("Referred by %s"), referrer);
  /* Translators: %s is the name of whoever suggested this person, %u how many they suggested in turn */
  return g_strdup_printf (ngettext ("Referred by %s; referred %u person", "Referred by %s; referred %u people", n_referred),
                          referrer, n_referred);
}

static GtkWidget *
person_button (RapportContact *contact,
               const char     *description)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (rapport_contact_get_name (contact));
  const char *organization = rapport_contact_get_organization (contact);
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (contact));

  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), name);
  if (organization != NULL && *organization)
    {
      GtkWidget *label = gtk_label_new (organization);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, description);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-contact");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, rapport_contact_get_name (contact),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return button;
}

typedef struct
{
  gint64 id;
  int    parent;
  guint  depth;
} Step;

/* Adds @root and everyone they led to, depth first, in the order they
 * were added, as long as there is room. */
static void
add_chain (RapportReferralMap *self,
           gint64              root,
           GHashTable         *referred,
           GHashTable         *shown)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Step));
  Step first = { root, -1, 0 };

  g_array_append_val (stack, first);
  while (stack->len > 0 && self->people->len < MAX_PEOPLE)
    {
      Step step = g_array_index (stack, Step, stack->len - 1);
      g_autoptr(RapportContact) contact = NULL;
      GArray *children;
      g_autofree char *description = NULL;
      guint n_children = 0;
      Person person = { 0 };
      int row;

      g_array_set_size (stack, stack->len - 1);
      /* A loop of referrals (A named B, B named A) ends where it began. */
      if (g_hash_table_contains (shown, &step.id))
        continue;
      if (!(contact = rapport_store_get_contact (self->store, step.id)))
        continue;
      g_hash_table_add (shown, g_memdup2 (&step.id, sizeof step.id));

      children = g_hash_table_lookup (referred, &step.id);
      n_children = children ? children->len : 0;

      row = self->people->len;
      person.id = step.id;
      person.name = g_strdup (rapport_contact_get_name (contact));
      person.parent = step.parent;
      person.first_child = person.last_child = -1;
      person.depth = step.depth;
      description = describe (step.parent >= 0 ? g_array_index (self->people, Person, step.parent).name : NULL,
                              n_children);
      person.button = person_button (contact, description);
      g_object_set_qdata (G_OBJECT (person.button), row_quark, GINT_TO_POINTER (row + 1));
      gtk_widget_set_parent (person.button, GTK_WIDGET (self));
      g_array_append_val (self->people, person);

      if (step.parent >= 0)
        {
          Person *parent = &g_array_index (self->people, Person, step.parent);

          if (parent->first_child < 0)
            parent->first_child = row;
          parent->last_child = row;
        }

      /* Pushed last to first, so the first referral comes out next. */
      for (guint i = n_children; i > 0; i--)
        {
          Step next = { g_array_index (children, gint64, i - 1), row, step.depth + 1 };

          g_array_append_val (stack, next);
        }
    }
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

static void
clear (RapportReferralMap *self)
{
  g_array_set_size (self->people, 0);
  g_clear_pointer (&self->note, gtk_widget_unparent);
  self->n_hidden = 0;
}

/**
 * rapport_referral_map_refresh:
 *
 * Reads the chains of referrals from the store again.
 */
void
rapport_referral_map_refresh (RapportReferralMap *self)
{
  g_autoptr(GArray) links = NULL;
  g_autoptr(GHashTable) referred = NULL;
  g_autoptr(GHashTable) in_chains = NULL;
  g_autoptr(GHashTable) shown = NULL;
  g_autoptr(GArray) roots = NULL;

  g_return_if_fail (RAPPORT_IS_REFERRAL_MAP (self));

  clear (self);
  if (self->store == NULL)
    goto out;

  if (!(links = rapport_store_list_referrals (self->store, NULL)))
    goto out;

  referred = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify)g_array_unref);
  in_chains = g_hash_table_new (g_int64_hash, g_int64_equal);
  shown = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  roots = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The links come oldest first, so each list of referrals is in the order
   * the names were given. */
  for (guint i = 0; i < links->len; i++)
    {
      RapportReferral *link = &g_array_index (links, RapportReferral, i);
      GArray *children = g_hash_table_lookup (referred, &link->referred_by);

      if (children == NULL)
        {
          children = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (referred, &link->referred_by, children);
        }
      g_array_append_val (children, link->id);
      g_hash_table_add (in_chains, &link->id);
    }

  /* The first names: referrers nobody referred, oldest first. */
  for (guint i = 0; i < links->len; i++)
    {
      RapportReferral *link = &g_array_index (links, RapportReferral, i);

      if (!g_hash_table_contains (in_chains, &link->referred_by))
        g_array_append_val (roots, link->referred_by);
      g_hash_table_add (in_chains, &link->referred_by);
    }
  g_array_sort (roots, compare_ids);

  for (guint i = 0; i < roots->len; i++)
    if (i == 0 || g_array_index (roots, gint64, i) != g_array_index (roots, gint64, i - 1))
      add_chain (self, g_array_index (roots, gint64, i), referred, shown);

  /* A loop has no first name: it starts at its oldest link. */
  for (guint i = 0; i < links->len && self->people->len < MAX_PEOPLE; i++)
    if (!g_hash_table_contains (shown, &g_array_index (links, RapportReferral, i).id))
      add_chain (self, g_array_index (links, RapportReferral, i).id, referred, shown);

  self->n_hidden = g_hash_table_size (in_chains) - self->people->len;
  if (self->n_hidden > 0)
    {
      g_autofree char *text =
        /* Translators: below the referral map, when it is too big to draw */
        g_strdup_printf (ngettext ("%u more person in referral chains is not shown here. Each contact’s page lists whom they referred.",
                                   "%u more people in referral chains are not shown here. Each contact’s page lists whom they referred.",
                                   self->n_hidden),
                         self->n_hidden);

      self->note = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (self->note), TRUE);
      gtk_label_set_xalign (GTK_LABEL (self->note), 0);
      gtk_widget_add_css_class (self->note, "dim-label");
      gtk_widget_set_parent (self->note, GTK_WIDGET (self));
    }

out:
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
rapport_referral_map_dispose (GObject *object)
{
  RapportReferralMap *self = (RapportReferralMap *)object;

  if (self->people != NULL)
    clear (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_referral_map_parent_class)->dispose (object);
}

static void
rapport_referral_map_finalize (GObject *object)
{
  RapportReferralMap *self = (RapportReferralMap *)object;

  g_clear_pointer (&self->people, g_array_unref);

  G_OBJECT_CLASS (rapport_referral_map_parent_class)->finalize (object);
}

static void
add_move (GtkWidgetClass *widget_class,
          guint           key,
          guint           keypad_key,
          Move            move)
{
  gtk_widget_class_add_binding (widget_class, key, 0, move_focus, "i", move);
  gtk_widget_class_add_binding (widget_class, keypad_key, 0, move_focus, "i", move);
}

static void
rapport_referral_map_class_init (RapportReferralMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_referral_map_dispose;
  object_class->finalize = rapport_referral_map_finalize;
  widget_class->measure = rapport_referral_map_measure;
  widget_class->size_allocate = rapport_referral_map_size_allocate;
  widget_class->snapshot = rapport_referral_map_snapshot;

  /* Up and Down go through the people in order; Left goes to who referred
   * them, Right to the first person they referred. */
  add_move (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, MOVE_PREVIOUS);
  add_move (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, MOVE_NEXT);
  add_move (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, MOVE_REFERRER);
  add_move (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, MOVE_REFERRED);
  add_move (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, MOVE_FIRST);
  add_move (widget_class, GDK_KEY_End, GDK_KEY_KP_End, MOVE_LAST);

  gtk_widget_class_set_css_name (widget_class, "referralmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  row_quark = g_quark_from_static_string ("rapport-referral-map-row");
}

static void
rapport_referral_map_init (RapportReferralMap *self)
{
  self->people = g_array_new (FALSE, TRUE, sizeof (Person));
  g_array_set_clear_func (self->people, person_clear);
  update_accessible (self);
}

GtkWidget *
rapport_referral_map_new (void)
{
  return g_object_new (RAPPORT_TYPE_REFERRAL_MAP, NULL);
}

/**
 * rapport_referral_map_set_store:
 *
 * Sets where the chains come from; they are read at the next
 * rapport_referral_map_refresh(), so that a page not in view reads nothing.
 */
void
rapport_referral_map_set_store (RapportReferralMap *self,
                                RapportStore       *store)
{
  g_return_if_fail (RAPPORT_IS_REFERRAL_MAP (self));
  g_return_if_fail (store == NULL || RAPPORT_IS_STORE (store));

  g_set_object (&self->store, store);
}

/**
 * rapport_referral_map_get_n_people:
 *
 * Returns: how many people the map shows, each as a button
 */
guint
rapport_referral_map_get_n_people (RapportReferralMap *self)
{
  g_return_val_if_fail (RAPPORT_IS_REFERRAL_MAP (self), 0);

  return self->people->len;
}

/**
 * rapport_referral_map_get_n_hidden:
 *
 * Returns: how many people in referral chains did not fit on the map
 */
guint
rapport_referral_map_get_n_hidden (RapportReferralMap *self)
{
  g_return_val_if_fail (RAPPORT_IS_REFERRAL_MAP (self), 0);

  return self->n_hidden;
}

/**
 * rapport_referral_map_get_person:
 *
 * Returns: (transfer none): the button of the person in row @position
 */
GtkWidget *
rapport_referral_map_get_person (RapportReferralMap *self,
                                 guint               position)
{
  g_return_val_if_fail (RAPPORT_IS_REFERRAL_MAP (self), NULL);
  g_return_val_if_fail (position < self->people->len, NULL);

  return g_array_index (self->people, Person, position).button;
}
