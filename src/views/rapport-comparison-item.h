/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_COMPARISON_ITEM (rapport_comparison_item_get_type ())
G_DECLARE_FINAL_TYPE (RapportComparisonItem, rapport_comparison_item, RAPPORT, COMPARISON_ITEM, GObject)

RapportComparisonItem *rapport_comparison_item_new (const RapportComparison *row);

G_END_DECLS
