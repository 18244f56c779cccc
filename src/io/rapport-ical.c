/* being written */
#include "config.h"
#include "rapport-ical.h"
