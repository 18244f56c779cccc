#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a calendar Rapport exported with a parser that is not libical.

    ical-check.py CALENDAR.ics EXPECTED.json

EXPECTED.json is {"events": [{"uid", "summary", "location", "description",
"dtstart", "dtend", "status"}, ...]}, with times as UTC seconds and an empty
string for a property that should be absent. Every VEVENT of the file must
match one expected event by UID, with DTSTART and DTEND as UTC date-times.

Exits 0 if the file matches, 1 (listing the differences) if it does not,
and 2 if it cannot check at all, for example without python3-icalendar.
"""

import json
import sys

try:
    import icalendar
except ImportError as exc:
    print(f"ical-check.py: cannot import icalendar ({exc}) with {sys.executable}; "
          "install python3-icalendar (Debian/Ubuntu: apt install python3-icalendar)",
          file=sys.stderr)
    sys.exit(2)

TEXT_PROPERTIES = ("SUMMARY", "LOCATION", "DESCRIPTION")


def rfc5545_escape(text):
    """TEXT escaping exactly as RFC 5545 §3.3.11 writes it."""
    return (text.replace("\\", "\\\\").replace(";", "\\;")
            .replace(",", "\\,").replace("\n", "\\n"))


def reference_reading(text):
    """What this icalendar reads for `text` written as RFC 5545 says.

    icalendar before 5.0 unescapes a backslash before 'n', ',' or ';' twice
    and turns '%2C'-style sequences into punctuation, so the same correct
    line does not always read back as what was written. Reading a reference
    line written by the RFC's rule tells such a reader's bug from a writer's.
    """
    calendar = icalendar.Calendar.from_ical(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        % rfc5545_escape(text))
    return str(calendar.walk("VEVENT")[0]["SUMMARY"])


def utc_seconds(event, name, problems, uid):
    """The property as UTC seconds, or None (with a problem) if it is not a UTC date-time."""
    if name not in event:
        problems.append(f"{uid}: no {name}")
        return None
    value = event.decoded(name)
    if not hasattr(value, "hour"):
        problems.append(f"{uid}: {name} is a date, not a date-time: {value!r}")
        return None
    offset = value.utcoffset()
    if offset is None:
        problems.append(f"{uid}: {name} is a floating time, not UTC: {value!r}")
        return None
    if offset.total_seconds() != 0:
        problems.append(f"{uid}: {name} is not in UTC: {value!r}")
    return int(value.timestamp())


def check(ics_path, expected_path):
    with open(expected_path, encoding="utf-8") as f:
        expected = {e["uid"]: e for e in json.load(f)["events"]}
    with open(ics_path, "rb") as f:
        data = f.read()

    problems = []
    notes = []

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except ValueError as exc:
        return [f"icalendar cannot parse the file: {exc}"], notes

    if str(calendar.get("VERSION", "")) != "2.0":
        problems.append(f"VERSION is {calendar.get('VERSION')!r}, not '2.0'")
    if not str(calendar.get("PRODID", "")):
        problems.append("no PRODID")
    for component in calendar.walk():
        for prop, message in getattr(component, "errors", []):
            problems.append(f"icalendar reported a broken {component.name} ({prop}): {message}")

    seen = set()
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID", ""))
        if uid in seen:
            problems.append(f"{uid}: UID appears twice")
            continue
        seen.add(uid)
        want = expected.get(uid)
        if want is None:
            problems.append(f"{uid}: an event that was not expected")
            continue

        for name in TEXT_PROPERTIES:
            got = str(event.get(name, ""))
            wanted = want[name.lower()]
            if got == wanted:
                continue
            if wanted and got == reference_reading(wanted):
                notes.append(f"{uid}: {name} matches the RFC 5545 reference line as this "
                             f"icalendar {icalendar.__version__} reads it")
                continue
            problems.append(f"{uid}: {name} is {got!r}, expected {wanted!r}")

        for name in ("DTSTART", "DTEND"):
            got = utc_seconds(event, name, problems, uid)
            if got is not None and got != want[name.lower()]:
                problems.append(f"{uid}: {name} is {got} ({event.decoded(name)}), "
                                f"expected {want[name.lower()]}")

        status = str(event.get("STATUS", ""))
        if status != want["status"]:
            problems.append(f"{uid}: STATUS is {status!r}, expected {want['status']!r}")

    for uid in sorted(set(expected) - seen):
        problems.append(f"{uid}: expected event is missing")

    return problems, notes


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        problems, notes = check(argv[1], argv[2])
    except (OSError, KeyError, json.JSONDecodeError) as exc:
        print(f"ical-check.py: cannot check: {exc!r}", file=sys.stderr)
        return 2
    for note in notes:
        print(f"note: {note}")
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} difference(s) found by icalendar {icalendar.__version__}")
        return 1
    print(f"ok: icalendar {icalendar.__version__} reads every event as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
