/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once
/* Being written (see issue 3). */
#include "rapport-store.h"
