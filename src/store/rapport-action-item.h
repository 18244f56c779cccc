/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-questions.h"
#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_ACTION_ITEM (rapport_action_item_get_type ())
G_DECLARE_FINAL_TYPE (RapportActionItem, rapport_action_item, RAPPORT, ACTION_ITEM, RapportRecord)

gint64 rapport_action_item_get_interview_id (RapportActionItem *self);
void rapport_action_item_set_interview_id (RapportActionItem *self,
      gint64 value);
gint64 rapport_action_item_get_contact_id (RapportActionItem *self);
void rapport_action_item_set_contact_id (RapportActionItem *self,
      gint64 value);
RapportActionKind rapport_action_item_get_kind (RapportActionItem *self);
void rapport_action_item_set_kind (RapportActionItem *self,
      RapportActionKind value);
const char *rapport_action_item_get_text (RapportActionItem *self);
void rapport_action_item_set_text (RapportActionItem *self,
      const char *value);
gint64 rapport_action_item_get_due (RapportActionItem *self);
void rapport_action_item_set_due (RapportActionItem *self,
      gint64 value);
gboolean rapport_action_item_get_done (RapportActionItem *self);
void rapport_action_item_set_done (RapportActionItem *self,
      gboolean value);

G_END_DECLS
