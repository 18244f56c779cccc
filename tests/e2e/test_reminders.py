#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of reminders: what reaches the desktop's notification
server, what its buttons do, and `rapport --background`.

Each scenario gets a fresh profile with a held interview seeded into it (the
app makes its database on a first start, then the test writes a contact and
the appointment with sqlite3, the app closed), then starts python-dbusmock's
notification_daemon template on the private session bus, logging to a file,
and then the real `rapport` binary.  The checks read that log (what left the
app through libnotify), the SQLite file, and the accessibility tree (AT-SPI).
A notification's button is pressed the way a notification server does: the
mock emits ActionInvoked (dbusmock's EmitSignal on its mock interface).
Output is TAP.

Run by meson (tests/e2e/meson.build) as:
  dbus-run-session -- /usr/bin/python3 test_reminders.py --binary <build>/src/rapport \
      --schema-dir <build>/data [--app-id ID] [scenario numbers...]
under an X display (build-aux/run-tests.sh wraps `meson test` in xvfb-run).
"""

import datetime
import json
import os
import re
import sqlite3
import sys
import time

# The helper module is imported from the source tree: leave no __pycache__ there.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import rapport_e2e  # noqa: E402
from rapport_e2e import (  # noqa: E402
    check, check_equal, children, find_all, has_state, name_of,
    press, query_db, role_name, run_tap, text_of, visible_x_windows, wait_find,
    wait_for,
)
from gi.repository import Gio, GLib  # noqa: E402

ADA = 'Ada Lovelace'
HOUR = 60 * 60
DAY = 24 * HOUR
FOLLOW_UP_AFTER = 14 * DAY


# The notification server

def name_has_owner(s, name):
    reply = s.bus.session.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                                    'org.freedesktop.DBus', 'NameHasOwner',
                                    GLib.Variant('(s)', (name,)), GLib.VariantType('(b)'),
                                    Gio.DBusCallFlags.NONE, 5000, None)
    return reply.unpack()[0]


_TOKEN = re.compile(r'"[^"]*"|-?[0-9]+(?:\.[0-9]+)?|True|False|[\[\]{}:,]')


def _parse_value(tokens, i):
    """One value of a dbusmock log line (its own notation: "strings" without
    escapes, [lists], {dicts}, numbers) from @tokens[@i]; (value, next i)."""
    token = tokens[i]
    if token == '[':
        items, i = [], i + 1
        while tokens[i] != ']':
            value, i = _parse_value(tokens, i)
            items.append(value)
            if tokens[i] == ',':
                i += 1
        return items, i + 1
    if token == '{':
        items, i = {}, i + 1
        while tokens[i] != '}':
            key, i = _parse_value(tokens, i)
            check(tokens[i] == ':', f'no ":" after the key {key!r} in the log')
            value, i = _parse_value(tokens, i + 1)
            items[key] = value
            if tokens[i] == ',':
                i += 1
        return items, i + 1
    if token.startswith('"'):
        return token[1:-1], i + 1
    if token in ('True', 'False'):
        return token == 'True', i + 1
    return (float(token) if '.' in token else int(token)), i + 1


NOTIFY_ARGS = ('app_name', 'replaces_id', 'app_icon', 'summary', 'body', 'actions', 'hints',
               'expire_timeout')


class NotificationDaemon:
    """python-dbusmock's notification_daemon, on this scenario's session
    bus, every call logged to <profile>/notifications.log."""

    NAME = 'org.freedesktop.Notifications'
    PATH = '/org/freedesktop/Notifications'

    def __init__(self, s, capabilities=None):
        """@capabilities: e.g. "body actions"; None for the template's
        default (which has no "actions")."""
        self.s = s
        check(not name_has_owner(s, self.NAME), f'{self.NAME} is already on the session bus')
        self.log_path = os.path.join(s.profile.root, 'notifications.log')
        argv = [sys.executable, '-m', 'dbusmock', '--template', 'notification_daemon',
                '-l', self.log_path]
        if capabilities is not None:
            argv += ['-p', json.dumps({'capabilities': capabilities})]
        self.proc = s.spawn(argv, 'dbusmock')
        s.logs.append(self.log_path)

        def up():
            check(self.proc.poll() is None,
                  f'python3 -m dbusmock exited with status {self.proc.returncode} '
                  '(Debian: python3-dbusmock)')
            return name_has_owner(s, self.NAME)
        wait_for(up, f'the mock notification server ({self.NAME}) on the session bus')

    def calls(self):
        """[(time, method, [arguments])] from the log, in order."""
        if not os.path.exists(self.log_path):
            return []
        with open(self.log_path, encoding='utf-8') as f:
            text = f.read()
        # A call starts a line with its time and name; a string argument may
        # span lines.
        heads = list(re.finditer(r'^([0-9]+\.[0-9]+) ([A-Za-z]+)', text, re.M))
        result = []
        for n, head in enumerate(heads):
            if head.group(2) == 'emit':
                continue
            end = heads[n + 1].start() if n + 1 < len(heads) else len(text)
            rest = text[head.end():end]
            tokens = _TOKEN.findall(rest)
            args, i = [], 0
            while i < len(tokens):
                value, i = _parse_value(tokens, i)
                args.append(value)
            result.append((float(head.group(1)), head.group(2), args))
        return result

    def notifications(self):
        """The Notify calls, each a dict of its arguments (and 'time', and
        'id': what the mock answered)."""
        result = []
        next_id = 1
        for when, method, args in self.calls():
            if method != 'Notify':
                continue
            check_equal(len(args), len(NOTIFY_ARGS), f'arguments of a logged Notify: {args!r}')
            note = dict(zip(NOTIFY_ARGS, args))
            note['time'] = when
            # The template numbers new notifications 1, 2, … and keeps the
            # number of one replaced.
            if note['replaces_id']:
                note['id'] = note['replaces_id']
            else:
                note['id'] = next_id
                next_id += 1
            result.append(note)
        return result

    def log_text(self):
        with open(self.log_path, encoding='utf-8') as f:
            return f.read()

    def invoke_action(self, notification_id, action):
        """Presses a notification's button, as the server does: the
        ActionInvoked signal, emitted through dbusmock's mock interface."""
        args = [GLib.Variant('u', notification_id), GLib.Variant('s', action)]
        self.s.bus.session.call_sync(self.NAME, self.PATH, 'org.freedesktop.DBus.Mock', 'EmitSignal',
                                     GLib.Variant('(sssav)', (self.NAME, 'ActionInvoked', 'us', args)),
                                     None, Gio.DBusCallFlags.NONE, 5000, None)


def stays(predicate, what, seconds):
    """Checks that @predicate holds all along the next @seconds (for what
    must not happen, there is no event to wait for)."""
    deadline = time.monotonic() + seconds
    while True:
        rapport_e2e.pump_events()
        check(predicate(), f'{what} no longer holds')
        if time.monotonic() >= deadline:
            return
        time.sleep(rapport_e2e.POLL_INTERVAL)


# The profile

def seed_held_interview(s, ended_ago=23 * HOUR, minutes=60):
    """Ada Lovelace and an interview with her, held, that ended @ended_ago
    seconds ago, no thank-you sent.  The app makes the schema on a first
    start (with no notification server yet); the rows are then written with
    the app closed.  Returns (contact id, appointment id, end)."""
    app = s.start_app()
    app.quit()
    now = int(time.time())
    end = now - ended_ago
    con = sqlite3.connect(s.profile.db_path, timeout=5)
    try:
        with con:
            contact_id = con.execute(
                "INSERT INTO contacts (name, stage, created, updated) VALUES (?, 'met', ?, ?)",
                (ADA, now - 2 * DAY, now - DAY)).lastrowid
            appointment_id = con.execute(
                "INSERT INTO appointments (uid, kind, contact_id, start, duration, status,"
                " created, updated) VALUES (?, 'interview', ?, ?, ?, 'held', ?, ?)",
                (f'e2e-{now}-{os.getpid()}@rapport.test', contact_id, end - minutes * 60, minutes,
                 now - 2 * DAY, now - DAY)).lastrowid
    finally:
        con.close()
    return contact_id, appointment_id, end


def seed_more_interviews(s, names, ended_ago=23 * HOUR, minutes=60):
    """More people, each with a held interview that ended @ended_ago seconds
    ago and no thank-you sent (the schema must exist: see
    seed_held_interview)."""
    now = int(time.time())
    end = now - ended_ago
    con = sqlite3.connect(s.profile.db_path, timeout=5)
    try:
        with con:
            for n, name in enumerate(names):
                contact_id = con.execute(
                    "INSERT INTO contacts (name, stage, created, updated) VALUES (?, 'met', ?, ?)",
                    (name, now - 2 * DAY, now - DAY)).lastrowid
                con.execute(
                    "INSERT INTO appointments (uid, kind, contact_id, start, duration, status,"
                    " created, updated) VALUES (?, 'interview', ?, ?, ?, 'held', ?, ?)",
                    (f'e2e-{now}-{os.getpid()}-{n}@rapport.test', contact_id,
                     end - minutes * 60 - n * 60, minutes, now - 2 * DAY, now - DAY))
    finally:
        con.close()


def expected_summary(end, announced):
    """"Thank Ada Lovelace by 10:30 today": the deadline (24 h after the
    end) in local time (the app runs in this process's time zone)."""
    deadline = datetime.datetime.fromtimestamp(end + DAY)
    day = datetime.datetime.fromtimestamp(announced).date()
    when = {0: 'today', 1: 'tomorrow'}.get((deadline.date() - day).days)
    check(when is not None, f'the deadline {deadline} is not today or tomorrow')
    return f'Thank {ADA} by {deadline:%H:%M} {when}'


def wait_one_notification(s, daemon, started_at, timeout=10):
    """The one Notify the app sends on starting, sent within a few seconds."""
    notes = wait_for(lambda: daemon.notifications(), 'a Notify on the notification server',
                     timeout=timeout)
    check_equal(len(notes), 1, 'Notify calls')
    note = notes[0]
    check(note['time'] - started_at < 5,
          f'the reminder came {note["time"] - started_at:.1f} s after the app started')
    return note


def check_thank_you_notification(s, note, end):
    check_equal(note['summary'], expected_summary(end, note['time']), 'summary')
    check(note['summary'].startswith(f'Thank {ADA} by '), f'summary {note["summary"]!r}')
    check(note['body'].strip() != '', 'the notification has no body')
    check_equal(note['app_name'], 'Rapport', 'app name')
    check_equal(note['hints'].get('desktop-entry'), s.config.app_id, 'the desktop-entry hint')


def reminder_keys(s):
    return [k for (k,) in query_db(s.profile.db_path, 'SELECT key FROM reminders ORDER BY key')]


def app_actions(s):
    """The app's actions over D-Bus (org.gtk.Actions.List): it answers once
    its main loop runs, so after its startup and first activation."""
    app_id = s.config.app_id
    path = '/' + app_id.replace('.', '/').replace('-', '_')
    reply = s.bus.session.call_sync(app_id, path, 'org.gtk.Actions', 'List', None,
                                    GLib.VariantType('(as)'), Gio.DBusCallFlags.NONE, 10000, None)
    return reply.unpack()[0]


# Scenarios

def test_announced_once(s):
    ada_id, appointment_id, end = seed_held_interview(s)
    daemon = NotificationDaemon(s, 'body actions')
    started_at = time.time()
    app = s.start_app()
    note = wait_one_notification(s, daemon, started_at)
    check_thank_you_notification(s, note, end)
    keys = note['actions'][0::2]
    check('write-note' in keys and 'snooze' in keys,
          f'the actions are {note["actions"]!r}, without "write-note" and "snooze"')
    check_equal(dict(zip(keys, note['actions'][1::2])).get('write-note'), 'Write Note',
                'the label of "write-note"')
    recorded = reminder_keys(s)
    check_equal(len(recorded), 1, f'reminders recorded ({recorded!r})')
    check(recorded[0].startswith(f'thank-you:{appointment_id}:'),
          f'the reminder recorded is {recorded[0]!r}')
    app.window('Rapport')
    # Store changes make the app look again (half a second later): still one.
    stays(lambda: len(daemon.notifications()) == 1, 'one Notify', 1.5)
    app.quit()

    # The same profile again: the reminder was announced; nothing is.
    app = s.start_app()
    app.window('Rapport')
    stays(lambda: len(daemon.notifications()) == 1, 'one Notify after a restart', 2.0)
    app.quit()
    check_equal(len(daemon.notifications()), 1, 'Notify calls after two starts')
    check_equal(reminder_keys(s), recorded, 'reminders recorded after a restart')


def test_write_note_action(s):
    ada_id, appointment_id, end = seed_held_interview(s)
    daemon = NotificationDaemon(s, 'body actions')
    started_at = time.time()
    app = s.start_app()
    win = app.window('Rapport')
    note = wait_one_notification(s, daemon, started_at)
    check('write-note' in note['actions'][0::2], f'the actions are {note["actions"]!r}')

    daemon.invoke_action(note['id'], 'write-note')
    title = f'Thank {ADA}'
    composer = app.window(title)
    for name in ('Email', 'Card', 'LinkedIn Message', 'Copy', 'Open in Mail', 'Mark as Sent'):
        wait_find(composer, 'push button', name, timeout=5)
    email = wait_find(composer, 'push button', 'Email', timeout=5)
    check(has_state(email, rapport_e2e.pyatspi.STATE_PRESSED)
          or has_state(email, rapport_e2e.pyatspi.STATE_CHECKED), '"Email" is not the kind chosen')
    note_text = text_of(wait_find(composer, 'text', 'Thank-you note', timeout=5))
    check(f'Dear {ADA},' in note_text, f'the note does not greet {ADA}:\n{note_text}')
    # The main window went to the interview.
    tabs = [t for t in find_all(win, 'page tab', 'Interviews')]
    wait_for(lambda: any(has_state(t, rapport_e2e.pyatspi.STATE_SELECTED) for t in tabs),
             'the Interviews page to be shown', timeout=5)

    before = int(time.time())
    press(wait_find(composer, 'push button', 'Mark as Sent', timeout=5))
    app.window_gone(title)
    after = int(time.time())

    (thanked,) = query_db(s.profile.db_path, 'SELECT thanked FROM interviews WHERE appointment_id = ?',
                          (appointment_id,))[0]
    check(thanked is not None and before <= thanked <= after,
          f'interviews.thanked is {thanked!r}, not the time of "Mark as Sent"')
    check_equal(query_db(s.profile.db_path, 'SELECT stage FROM contacts WHERE id = ?', (ada_id,)),
                [('thanked',)], 'Ada\'s stage')
    items = query_db(s.profile.db_path,
                     'SELECT a.contact_id, a.kind, a.text, a.due, a.done FROM action_items a'
                     ' JOIN interviews i ON i.id = a.interview_id WHERE i.appointment_id = ?',
                     (appointment_id,))
    check_equal(len(items), 1, 'action items after "Mark as Sent"')
    contact_id, kind, text, due, done = items[0]
    check_equal((contact_id, kind, done), (ada_id, 'follow-up', 0), 'the follow-up (contact, kind, done)')
    check(ADA in text, f'the follow-up {text!r} does not name {ADA}')
    check(before + FOLLOW_UP_AFTER <= due <= after + FOLLOW_UP_AFTER,
          f'the follow-up is due {(due - before) / DAY:.2f} days from now, not 14')
    # Thanked: nothing more to announce.
    stays(lambda: len(daemon.notifications()) == 1, 'one Notify after "Mark as Sent"', 1.0)
    app.quit()


def test_without_actions(s):
    ada_id, appointment_id, end = seed_held_interview(s)
    daemon = NotificationDaemon(s)  # the template's capabilities: no "actions"
    started_at = time.time()
    app = s.start_app()
    note = wait_one_notification(s, daemon, started_at)
    check('GetCapabilities' in [method for _, method, _ in daemon.calls()],
          'the app did not ask the server for its capabilities')
    check_thank_you_notification(s, note, end)
    check_equal(note['actions'], [], 'actions offered to a server without "actions"')
    # Without a button, the body says where to go and what to do.
    body = note['body']
    check('Rapport' in body and 'thank-you note' in body.lower(),
          f'the body does not say what to do: {body!r}')
    app.window('Rapport')
    app.quit()
    check_equal(len(daemon.notifications()), 1, 'Notify calls')


def showing_windows(app):
    """The top-level windows @app shows, by AT-SPI and by X (mapped windows)."""
    shown = visible_x_windows(app.proc.pid)
    acc = app.find_accessible()
    if acc is not None:
        for w in children(acc):
            if role_name(w) in ('frame', 'dialog', 'window') and \
                    has_state(w, rapport_e2e.pyatspi.STATE_VISIBLE):
                shown.append(f'{role_name(w)} {name_of(w)!r}')
    return shown


def test_background(s):
    ada_id, appointment_id, end = seed_held_interview(s)
    daemon = NotificationDaemon(s, 'body actions')
    started_at = time.time()
    background = s.start_app(args=['--background'], accessible=False)
    note = wait_one_notification(s, daemon, started_at)
    check_thank_you_notification(s, note, end)
    # Its main loop runs (it answers over D-Bus): the first activation is over.
    check('quit' in app_actions(s), 'app.quit is not among the app\'s actions')
    check(background.proc.poll() is None, f'rapport --background exited ({background.proc.returncode})')
    stays(lambda: showing_windows(background) == [], 'no window for rapport --background', 1.0)

    # A second start opens the window in the background process, and ends.
    second = s.start_app(accessible=False)
    second.wait_exit(timeout=10)
    check(second.proc.pid != background.proc.pid, 'the second start is the same process')
    background.wait_accessible()
    background.window('Rapport')
    check(background.proc.poll() is None, 'rapport --background exited when the window opened')
    check_equal(len(visible_x_windows(background.proc.pid, 'Rapport')), 1,
                'X windows titled "Rapport" of the background process')
    check_equal(len(daemon.notifications()), 1, 'Notify calls after the second start')

    background.quit()
    check_equal(len(daemon.notifications()), 1, 'Notify calls after quitting')


def test_many_at_once(s):
    seed_held_interview(s)
    others = ['Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Margaret Hamilton', 'Dorothy Vaughan',
              'Edsger Dijkstra']
    seed_more_interviews(s, others)
    daemon = NotificationDaemon(s, 'body actions')
    background = s.start_app(args=['--background'], accessible=False)

    # Seven thank-you notes due at once: the two most urgent, and one more
    # notification for the five others, naming four.
    notes = wait_for(lambda: len(daemon.notifications()) >= 3 and daemon.notifications(),
                     'three Notify calls', timeout=10)
    stays(lambda: len(daemon.notifications()) == 3, 'three Notify calls', 1.5)
    singles, summary = notes[:2], notes[2]
    for note in singles:
        check(note['summary'].startswith('Thank '), f'a single reminder reads {note["summary"]!r}')
        check('write-note' in note['actions'][0::2], f'the actions are {note["actions"]!r}')
    check_equal(summary['summary'], '5 more reminders', 'the summary\'s title')
    lines = summary['body'].split('\n')
    check_equal(len(lines), 5, f'lines of the summary ({summary["body"]!r})')
    check(all(line.startswith('Thank ') for line in lines[:4]), f'the summary names {lines[:4]!r}')
    check_equal(lines[4], '…and 1 more.', 'the last line of the summary')
    named = {n['summary'].split(' by ')[0][len('Thank '):] for n in singles}
    named |= {line.split(' by ')[0][len('Thank '):] for line in lines[:4]}
    check_equal(len(named), 6, f'people named in the notifications ({named!r})')
    check_equal(len(reminder_keys(s)), 7, 'reminders recorded')
    check_equal(dict(zip(summary['actions'][0::2], summary['actions'][1::2])).get('default'), 'Open Rapport',
                'the summary\'s action')

    # Pressing it opens the window.
    stays(lambda: showing_windows(background) == [], 'no window for rapport --background', 0.5)
    daemon.invoke_action(summary['id'], 'default')
    background.wait_accessible()
    background.window('Rapport')
    check_equal(len(visible_x_windows(background.proc.pid, 'Rapport')), 1,
                'X windows titled "Rapport" after "Open Rapport"')
    background.quit()
    check_equal(len(daemon.notifications()), 3, 'Notify calls after quitting')


SCENARIOS = [
    ('a thank-you due soon is announced once with its actions, and not again after a restart',
     test_announced_once),
    ('"Write Note" opens the composer; "Mark as Sent" records the note and plans a follow-up',
     test_write_note_action),
    ('a server without "actions" still gets the reminder, its body saying what to do',
     test_without_actions),
    ('--background announces with no window; a second start opens it in the same process',
     test_background),
    ('seven reminders due at once are two notifications and a summary that opens the window',
     test_many_at_once),
]

if __name__ == '__main__':
    sys.exit(run_tap(SCENARIOS))
